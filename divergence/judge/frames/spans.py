"""How long and how much of it: the span of time and the share two claims give, read only when
the judge has aligned them as one statement ("a three-week strike" / "the strike lasted 40
days"; "52 percent of the vote" / "barely a third of the vote"). Each is an interval, so bounds
and round words ("less than a week", "about a third") are kept as such."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...lazy_re import lazy
from ..text import NUMBER_WORDS, STOPWORDS, quantities
from .counts import DAYS_PER_UNIT


class Measure(NamedTuple):
    """The values a span or share allows (``lo`` to ``hi``), where it is said, and what it
    measures (``of``: tagged words, "whole:vote", "by:party"; empty when unknown)."""

    lo: float
    hi: float
    start: int
    end: int
    of: frozenset[str] = frozenset()


def same_thing(x: Measure, y: Measure) -> bool:
    """Whether two measures are of one thing: every kind of tag both carry shares a word, and
    they carry at least one kind in common."""
    kinds = {t.split(":")[0] for t in x.of} & {t.split(":")[0] for t in y.of}
    return bool(kinds) and all(
        {t for t in x.of if t.startswith(k + ":")} & {t for t in y.of if t.startswith(k + ":")}
        for k in kinds)


_DAYS = {**DAYS_PER_UNIT, "fortnight": 14.0}
_WORDS = {**NUMBER_WORDS, "a": 1, "an": 1}  # "a week", "one in three", "two thirds"
# Not a span of the thing: "two years ago", "within 48 hours", "every three days", "the first
# two weeks", "over the past 24 hours", "48 hours after", "three days later".
_NOT_SPAN_BEFORE = lazy(r"(?:\b(?:within|every|per|each|in|since|by|at|aged|after|over)|"
                              r"\bthe\s+"
                              r"(?:first|last|past|next|previous|final))\s+(?:(?:about|some|"
                              r"nearly|almost|more\s+than|less\s+than)\s+)?$", re.I)
_NOT_SPAN_AFTER = lazy(r"\s*(?:ago|earlier|later|before|afterwards|after|old|of\s+age|"
                             r"from\s+now|"
                             r"into|in\s+advance|notice)\b", re.I)
_ORDINAL = lazy(r"\d+(?:st|nd|rd|th)\b")  # "at the 12th hour": a moment
_A_SPAN = lazy(r"\b(?P<bound>less\s+than|under|more\s+than|over|nearly|almost|about|"
                     r"some|around)?\s*\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|"
                     r"ten)\s+(?P<u>fortnight|week|month|year|day|hour)s?\b", re.I)


# What may last, by one name: a text naming one of these says how long that lasted (a text
# naming two, "negotiations to end the strike lasted 14 hours", is not read).
_LASTING = tuple((k, lazy(rf"\b(?:{v})\b", re.I)) for k, v in (
    ("strike", r"strikes?|walkouts?"), ("siege", r"sieges?|blockade[sd]?|besieged"),
    ("war", r"wars?|fighting|conflict"), ("talks", r"talks|negotiations|debated?|debates"),
    ("truce", r"ceasefires?|truces?"), ("curfew", r"curfews?"),
    ("outage", r"blackouts?|outages?|without\s+power"), ("standoff", r"stand-?offs?"),
    ("trial", r"trials?"), ("sentence", r"sentenced|jailed|imprisoned|sentences?|in\s+prison"),
    ("rule", r"ruled|in\s+power|rule"), ("occupation", r"occupation|occupied"),
    ("closure", r"closures?|closed|shut"),
    ("shelling", r"shelling|bombardments?|barrages?|air\s+raids?|battles?|clashes|gunfights?|"
                 r"firefights?|shoot-?outs?")))


def _what_lasted(text: str) -> frozenset[str]:
    found = {k for k, rx in _LASTING if rx.search(text)}
    return frozenset({f"of:{found.pop()}"}) if len(found) == 1 else frozenset()


@lru_cache(maxsize=65536)
def durations(text: str) -> tuple[Measure, ...]:
    """The spans of time ``text`` gives, in days: "lasted 40 days", "a three-week strike",
    "72 hours", "less than a week", "a fortnight"; not moments ("two years ago", "48 hours
    after", "within a week") nor ages."""
    out: list[Measure] = []
    taken: list[tuple[int, int]] = []
    for q in quantities(text):
        unit = q.unit.lower().rstrip("s").split("-")[0]
        words = q.text.split()
        said = len(words[0]) if "-" in words[0] or len(words) < 2 else len(" ".join(words[:2]))
        if unit not in _DAYS or _ORDINAL.match(text, q.start) or words[0].endswith("-old"):
            continue  # "the 12th hour", "the 82-year-old": a moment, an age
        if _skip(text, q.start, q.start + said):  # the number and its unit ("12 years" of "12
            continue  # years in prison"), not the words the pattern ran on into
        lo, hi = _bounded(q.value * _DAYS[unit], q.bound)
        out.append(Measure(lo, hi, q.start, q.start + said, _what_lasted(text)))
        taken.append((q.start, q.end))
    for m in _A_SPAN.finditer(text):
        at = m.start("n")
        first = m.start("bound") if m.group("bound") else at
        if any(s <= at < e for s, e in taken) or _skip(text, first, m.end()):
            continue
        value = _WORDS[m.group("n").lower()] * _DAYS[m.group("u").lower()]
        bound = (m.group("bound") or "").lower().split()[0] if m.group("bound") else ""
        kind = {"less": "<", "under": "<", "more": ">", "over": ">", "nearly": "<",
                "almost": "<"}.get(bound, "~" if bound else "=")
        if kind == "=" and m.group("n").lower() in ("a", "an") and m.group("u") != "fortnight":
            out.append(Measure(0.5 * value, 1.5 * value, m.start("n"), m.end(),
                               _what_lasted(text)))
            continue  # "spent a year under blockade": loosely, 17 months may be "a year"
        out.append(Measure(*_bounded(value, kind), m.start() + len(m.group(0)) -
                           len(m.group(0).lstrip()), m.end(), _what_lasted(text)))
    return tuple(out)


def _skip(text: str, start: int, end: int) -> bool:
    """Whether the span at ``start``-``end`` is a moment or a window, not how long it lasted
    ("for 11 days before passing it" lasted; "three days before the vote" did not)."""
    if _LASTED.search(text, max(0, start - 25), start):
        return False
    return bool(_NOT_SPAN_BEFORE.search(text, max(0, start - 25), start)
                or _NOT_SPAN_AFTER.match(text, end))


_LASTED = lazy(r"\b(?:(?<!the\s)for|lasted|lasting|(?<!the\s)last|lasts)\s+(?:(?:about|"
                     r"some|nearly|almost|more\s+than|less\s+than|over|under|just)\s+)?$", re.I)


def _bounded(value: float, bound: str) -> tuple[float, float]:
    """A value's interval: exact within rounding, a bound, or about (a quarter either way)."""
    if bound == ">":
        return value, float("inf")
    if bound == "<":
        return 0.0, value
    if bound == "~":
        return 0.75 * value, 1.25 * value
    return 0.97 * value, 1.03 * value


# Shares: "52 percent", "61%", "a third", "three quarters", "half", "one in three", "nine out of
# ten", with their bounds ("fewer than four in ten", "barely a third", "nearly 70 percent").
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
              "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_SHARE = lazy(
    r"(?P<bound>\b(?:fewer|less|more)\s+than|\bunder|\bover|\bnearly|\balmost|\babout|"
    r"\baround|\bsome|\bbarely|\bjust\s+over|\bjust\s+under|\bonly\s+about)?\s*"
    r"(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)"
    r"|\b(?P<k>a|an|one|two|three|four|nine)?\s*(?P<frac>half|thirds?|quarters?|fifths?|"
    r"tenths?)\b(?=\s+of\b)"
    r"|\b(?P<x>one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+"
    r"(?P<y>three|four|five|ten|\d+)\b)", re.I)
_UPPER = {"fewer than": "<", "less than": "<", "under": "<", "nearly": "<", "almost": "<",
          "just under": "<", "barely": "<", "more than": ">", "over": ">", "just over": ">"}


@lru_cache(maxsize=65536)
def shares(text: str) -> tuple[Measure, ...]:
    """The shares ``text`` gives, as fractions of one: "52 percent" (0.52), "barely a third"
    (below 0.34), "fewer than four in ten" (below 0.4), "three quarters" (0.75)."""
    out: list[Measure] = []
    for m in _SHARE.finditer(text):
        if m.group("pct"):
            value = float(m.group("pct")) / 100
        elif m.group("frac"):
            k = (m.group("k") or "a").lower()
            value = _FRACTIONS[m.group("frac").lower()] * (_WORDS.get(k, 1) if k not in (
                "a", "an") else 1)
        else:
            x, y = (int(v) if v.isdigit() else _WORDS[v.lower()]
                    for v in (m.group("x"), m.group("y")))
            value = x / y if y else 0.0
        bound = " ".join((m.group("bound") or "").lower().split())
        kind = _UPPER.get(bound, "~" if bound else "=")
        lo, hi = (value, 1.0) if kind == ">" else (0.0, value) if kind == "<" else (
            value - 0.04, value + 0.04) if kind == "~" else (value - 0.01, value + 0.01)
        at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        out.append(Measure(lo, hi, at, m.end(), _whole_and_holder(text, at, m.end())))
    return tuple(out)


_WHOLE = lazy(r"\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|[A-Z][\w-]*['’]s\s+)?"
                    r"(?P<w>[A-Za-z][\w-]+)(?:\s+(?P<w2>[a-z][\w-]+))?")
_SKIP = frozenset({"the", "a", "an", "of", "about", "some", "only", "barely", "nearly", "almost",
                   "than", "more", "less", "fewer", "just", "over", "under", "around", "with",
                   "by", "to", "in", "at", "on", "and", "was", "were", "is", "are", "has", "had"})


def _whole_and_holder(text: str, start: int, end: int) -> frozenset[str]:
    """A share's whole ("of the vote": vote, "nine out of ten workers": worker) and the words
    just before it in its clause (who holds it: "the party won")."""
    tags = set()
    m = _WHOLE.match(text, end)
    if m:
        for word in (m.group("w"), m.group("w2") or ""):  # "of Harl's residents", "of the
            word = word.lower()  # hospitals in", "of Kalvo province": the whole is among them
            if word and word not in _SKIP and word not in STOPWORDS:
                tags.add(f"whole:{word[:-1] if word.endswith('s') else word}")
    before = re.split(r"[,;.]", text[max(0, start - 40):start])[-1]
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", before)
             if w.lower() not in _SKIP][-3:]
    tags |= {f"by:{w[:5]}" for w in words}
    return frozenset(tags)


# A person's age: "the 82-year-old former president", "died aged 67", "67 years old".
_AGE = lazy(r"\b(?:(?P<a>\d{1,3})-year-old|aged\s+(?P<b>\d{1,3})\b|(?P<c>\d{1,3})\s+years\s+"
                  r"old\b|at\s+the\s+age\s+of\s+(?P<d>\d{1,3})\b)", re.I)


@lru_cache(maxsize=65536)
def ages(text: str) -> tuple[Measure, ...]:
    """The ages ``text`` gives a person, in years."""
    out = []
    for m in _AGE.finditer(text):
        age = float(next(g for g in m.groups() if g))
        near = text[m.end():m.end() + 40] if m.group("a") else text[max(0, m.start() - 60):
                                                                     m.start()]
        names = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b(?!['’]s)", near)} - {
            "the", "former"}  # "Dunn's wife Mira, who died aged 67": Mira, not Dunn
        out.append(Measure(age - 0.5, age + 0.5, m.start(), m.end(),
                           frozenset(f"who:{n}" for n in names)))
    return tuple(out)


def apart(x: Measure, y: Measure) -> bool:
    """Two intervals that do not meet."""
    return x[1] < y[0] or y[1] < x[0]


__all__ = ["ages", "apart", "durations", "same_thing", "shares"]
