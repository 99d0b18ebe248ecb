"""Reading each text once: content ids, the repeats among articles, and which skips lost nothing.

A text given twice (the same path, or a word-for-word copy elsewhere) is read once and the repeat
is a skip that ``--strict`` forgives. A copy under another outlet's name says which outlet is
not listed: the report counts copied text as one voice (``Article.voice``) whoever ran it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

from ..errors import DivergenceError
from ..records import Article, Skip
from .headers import UNKNOWN_OUTLET
from .textsafe import clip, inert, path_text

Paths = Iterable[str | os.PathLike[str]] | str | os.PathLike[str]  # one may stand alone

READ_ONCE = "; read once"  # how a skip that lost nothing ends its why
# A folder's README or licence, left out of a folder walk: no article was lost.
FOLDER_NOTES = "the folder's own notes (a README, licence or changelog), not an article"
GIVEN_TWICE = "given twice" + READ_ONCE  # the why of a repeat: nothing was lost
SAME_TEXT = "same text as {}" + READ_ONCE  # a word-for-word copy: its text was read once too
# a copy under another outlet's name: one voice with the first, which the report lists
OTHER_OUTLET = "same text as {} (from {}), so {}'s copy is no voice of its own" + READ_ONCE
_UNKNOWN = UNKNOWN_OUTLET.split("{")[0]


def safe_skip(s: Skip) -> Skip:
    """A skip whose where and why print safely (control characters escaped) and that UTF-8 can
    write (a name's bytes that are not UTF-8 escaped: ``path_text``)."""
    where, why = inert(path_text(s.where)), inert(s.why)
    return s if (where, why) == (s.where, s.why) else Skip(where, why)


def article_id(text: str) -> str:
    """A stable content hash: the same text gives the same id on every machine and run."""
    norm = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def stdin_once(paths: Paths) -> tuple[list[str], list[Skip]]:
    """``paths`` (one may stand alone) as strings, with ``-`` kept once: stdin can be read only
    once, and a second ``-`` would read it empty. Returns the paths and a Skip for each ``-``
    dropped.

    Raises:
        DivergenceError: an empty path, which ``Path`` reads as the working folder: ``"$UNSET"``
            would read everything under it.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not its characters: "/..." read the whole disk
    paths = [os.fsdecode(p) for p in paths]
    if "" in paths:
        raise DivergenceError("an empty path (an unset variable?); give a file, a folder, or "
                              "- for stdin")
    kept: list[str] = []
    skipped: list[Skip] = []
    for p in paths:
        if p == "-" and "-" in kept:
            skipped.append(Skip("<stdin>", GIVEN_TWICE))
        else:
            kept.append(p)
    return kept, skipped


def lost(skipped: Iterable[Skip]) -> list[Skip]:
    """The skips that left something unread: all but an input given twice or a word-for-word
    copy (each read once) and a folder's own notes (no article), which ``--strict`` need not
    fail on."""
    return [s for s in skipped if not s.why.endswith((READ_ONCE, FOLDER_NOTES))]


def dedupe(articles: Iterable[Article]) -> tuple[list[Article], list[Skip]]:
    """The articles in order without repeats: the same text is read once, and a second article
    that reuses an id is skipped. Returns the kept articles and a Skip for each dropped one."""
    by_text: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    unique: list[Article] = []
    skipped: list[Skip] = []
    for a in articles:
        key = article_id(a.text)
        first = by_text.get(key)
        if first is not None and first.path == a.path:
            skipped.append(safe_skip(Skip(a.path, GIVEN_TWICE)))
        elif first is not None and _two_outlets(first.source, a.source):
            skipped.append(safe_skip(Skip(a.path, OTHER_OUTLET.format(
                first.path, clip(first.source, 60), clip(a.source, 60)))))
        elif first is not None:
            skipped.append(safe_skip(Skip(a.path, SAME_TEXT.format(first.path))))
        elif a.id in by_id:
            skipped.append(safe_skip(Skip(a.path, f"id {clip(a.id)!r} is already used by "
                                                  f"{by_id[a.id].path}; give each article its "
                                                  "own id")))
        else:
            by_text[key] = by_id[a.id] = a
            unique.append(a)
    return unique, skipped


def _two_outlets(first: str, second: str) -> bool:
    """Whether ``second`` names a known outlet (not ``unknown outlet (<file name>)``) that
    ``first`` is not, told apart by letters and digits alone ("The  Hindu" is "the hindu.")."""
    def key(name: str) -> str:
        return "".join(ch for ch in name.casefold() if ch.isalnum())

    return not second.startswith(_UNKNOWN) and key(first) != key(second)
