"""Sentence splitters: a paragraph -> (start, end) sentence spans, chosen by name (``SPLITTERS``).

Rule-based sentence splitters slow down faster than their input grows (pysbd is roughly quadratic
in paragraph length), so a paragraph longer than ``WINDOW`` characters is fed to the splitter a
window at a time (``sentences``): the cost stays linear, and paragraphs of ordinary length are
split exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from ..registry import Registry
from ..wordlists import zone_abbreviations


class Splitter(Protocol):
    """Cuts a paragraph into (start, end) sentence spans."""

    name: str

    def sentences(self, text: str) -> list[tuple[int, int]]: ...


SPLITTERS: Registry[Splitter] = Registry("splitter")


class PysbdSplitter:
    """pysbd: rule-based; survives U.S., Mr., Lt. Col., initials and a.m. (16/16 tricky cases)."""

    name = "pysbd"

    def __init__(self) -> None:
        import pysbd

        self._seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        if not text:
            return []
        self._seg.original_text = text
        spans = char_spans(text, self._seg.processor(text).process())
        return _after_may(text, _clock_zones_kept(text, spans))


# A clock time's zone after "a.m." / "p.m." goes on its sentence: pysbd ends a sentence at "p.m."
# before a capital, so "The pause began at 5 p.m. GMT on Friday." lost its zone and day to a
# sentence of their own (and "6 p.m. Moscow time" its city). "9 a.m. Local officials said" stays
# two sentences.
_AM_PM = re.compile(r"\b[ap]\.m\.\s*$", re.I)


@lru_cache(maxsize=1)
def _zone_start() -> re.Pattern[str]:
    zones = sorted(zone_abbreviations(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, zones))})\b|[A-Z][\w'’-]+\s+time\b")


def _clock_zones_kept(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a sentence that starts with a clock's zone joined to the one before."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _AM_PM.search(text, out[-1][0], a) and _zone_start().match(text, a, b):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


# "May." after a day or "in", "of", "during", "early" ... and before a number ends a sentence:
# pysbd reads it as an abbreviated month ("Sept. 15"), which May never is, and joined "agreed
# on 10 May. 15 soldiers died" into one claim. "May. 15" after "on", "from", "by" and a day and
# year after it ("May. 15, 2025") are left as a date.
_MAY_END = re.compile(r"(?:\b\d{1,2}\s+|\b(?:in|of|during|early|late|mid|last|this|next)[\s-]+)"
                      r"May\.\s+(?=\d+(?![\d,.:])(?!\s+(?:19|20)\d\d\b))")


def _after_may(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each cut after a "May." that ends a sentence (``_MAY_END``)."""
    out = []
    for a, b in spans:
        for m in _MAY_END.finditer(text, a, b):
            if m.end() < b:
                out.append((a, m.end()))
                a = m.end()
        out.append((a, b))
    return out


def char_spans(text: str, sents: Sequence[str]) -> list[tuple[int, int]]:
    """Where pysbd's sentences lie in ``text``, each with its trailing whitespace: what
    ``char_span=True`` gives, found with ``str.find`` instead of a regex compiled per sentence
    (that took a tenth of a report's time)."""
    out: list[tuple[int, int]] = []
    prior = 0
    for sent in sents:
        at = 0
        while (j := text.find(sent, at)) >= 0:  # non-overlapping, from the start, as finditer
            end = j + len(sent)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior:
                out.append((j, end))
                prior = end
                break
            at = end if end > j else j + 1
    return out


class RegexSplitter:
    """A dependency-free fallback: split after . ! ? and a capital, guarding abbreviations."""

    name = "regex"
    _ABBR = re.compile(
        r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Lt|Col|Gen|Gov|Sen|Rep|No|vs|etc|Inc|Ltd|Co|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
    )

    def sentences(self, text: str) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])", text):
            if self._ABBR.search(text[start : m.start() + 1]):
                continue
            out.append((start, m.end()))
            start = m.end()
        if start < len(text):
            out.append((start, len(text)))
        return out


@SPLITTERS.register("pysbd")
def _pysbd() -> Splitter:
    return default_splitter()


@lru_cache(maxsize=1)
def default_splitter() -> PysbdSplitter:
    """The pysbd splitter, made once per process (its rules take a while to build)."""
    return PysbdSplitter()


@SPLITTERS.register("regex")
def _regex() -> Splitter:
    return RegexSplitter()


WINDOW = 4000  # characters a splitter sees at once; news paragraphs are far shorter
_SOFT_CUT = 200  # how far back from a window's end to look for a space to cut at


def sentences(splitter: Splitter, text: str, window: int = WINDOW) -> list[tuple[int, int]]:
    """``splitter``'s sentence spans over ``text``, in linear time however long ``text`` is.

    Text up to ``window`` characters goes to the splitter whole. Longer text goes a window at a
    time: every sentence of a window but the last is kept (the last may run on past the window's
    end), and the next window starts where that last sentence starts. A sentence that fills most
    of a window is cut at a space near the window's end.
    """
    if len(text) <= window:
        return splitter.sentences(text)
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        end = min(n, pos + window)
        if end < n:  # cut between words when one is near
            space = text.rfind(" ", end - _SOFT_CUT, end)
            end = space + 1 if space > pos else end
        spans = splitter.sentences(text[pos:end])
        if end == n:
            out += [(pos + s, pos + e) for s, e in spans]
            break
        out += [(pos + s, pos + e) for s, e in spans[:-1]]
        last = spans[-1][0] if spans else 0
        if last < window // 8:  # a sentence fills most of the window: cut it here, so every
            out.append((pos + last, end))  # step moves on by at least an eighth of a window
            pos = end
        else:
            pos += last
    return out
