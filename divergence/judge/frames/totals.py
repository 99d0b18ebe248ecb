"""A count of several kinds of thing at once ("more than 300 drones and missiles") against a
count of one of them ("170 drones"), and a count of a part ("300 civilians") against one of all:
a total and its part, which may both hold. Read by the ``count`` detector before it calls two
numbers a clash."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from ...lazy_re import lazy
from ...records import Claim
from ..detectors import Pair
from ..text import NUMBER_WORDS, Quantity

# The counted noun, with at most one word before it, joined to another noun by "and"/"or":
# "300 attack drones and missiles", "12 soldiers and civilians"; not "12 killed and 31 wounded"
# nor "12 people were killed and scores injured" (a verb: a second clause), "30 in strikes and
# raids" (a preposition), "two tanks and three trucks" (a second number: a breakdown).
_SEVERAL_KINDS = lazy(r"(?:\s+(?!(?:were|was|are|is|had|have|been|in|on|at|of|by|from|with|"
                            r"for|to)\b)[a-z-]+(?<!ed)){1,2}?\s+(?:and|or)\s+(?:[a-z-]+\s+)?"
                            r"[a-z-]+s\b", re.I)
_NUMBER_WORD = lazy(r"\s+(?:and|or)\s+(?:\d|" + "|".join(sorted(
    (w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)) +
    r"|dozens|scores|hundreds|thousands|several|a\s+few)\b", re.I)


class _Counted(Protocol):
    q: Quantity
    lo: float
    hi: float


C = TypeVar("C", bound=_Counted)


def several_kinds(text: str, q: Quantity) -> bool:
    """Whether the number ``q`` counts several kinds at once ("300 drones and missiles")."""
    end = q.start + len(q.text.split()[0]) if q.text.split() else q.end
    m = _SEVERAL_KINDS.match(text, end)
    return m is not None and not _NUMBER_WORD.search(m.group(0))


def of_one_kind(p: Pair, xs: Sequence[C], ys: Sequence[C]) -> tuple[Sequence[C], Sequence[C]]:
    """Each side's counts of one kind, where it gives any: "more than 300 missiles and drones,
    among them 100 ballistic missiles" is set against "120 ballistic missiles" by its 100."""
    fx = [x for x in xs if not several_kinds(p.a.content, x.q)]
    fy = [y for y in ys if not several_kinds(p.b.content, y.q)]
    return fx or xs, fy or ys


def two_sorts(x: _Counted, y: _Counted) -> bool:
    """Two counts of one kind of weapon, each of a named sort, and of two sorts: "100 ballistic
    missiles" / "30 cruise missiles" are two parts of one salvo, not one part counted twice
    ("170 attack drones" / "160 suicide drones" are one sort)."""
    sx, sy = (_SORTS.get(c.q.unit.lower()) for c in (x, y))
    return sx is not None and sy is not None and sx != sy


# The word after a number that names a sort of weapon, and the sort ("suicide" drones are
# "attack" drones).
_SORTS = {"ballistic": "ballistic", "cruise": "cruise", "hypersonic": "hypersonic",
          "attack": "attack", "suicide": "attack", "kamikaze": "attack", "strike": "attack",
          "reconnaissance": "reconnaissance", "surveillance": "reconnaissance",
          "anti-ship": "anti-ship", "anti-aircraft": "anti-aircraft", "decoy": "decoy"}


def part_of_a_total(p: Pair, x: _Counted, y: _Counted) -> bool:
    """One count is of several kinds, the other of one, and the one fits inside the total:
    "Iran fired more than 300 drones and missiles" / "170 attack drones" may both hold."""
    ta, tb = several_kinds(p.a.content, x.q), several_kinds(p.b.content, y.q)
    if ta == tb:
        return False
    total, part = (x, y) if ta else (y, x)
    return part.lo <= total.hi


# A part of the people counted, named as such: "300 civilians", "civilian deaths alone at ...",
# "children accounted for 700"; not "the children's charity said 40 people died".
_A_PART = lazy(r"\b(?:civilians?|children|women|minors)\b", re.I)
_PART_BEFORE = lazy(r"\b(?:civilians?|children|child|women|minors?)\s+(?:deaths|casualties|"
                          r"dead|toll|victims|alone|accounted|made\s+up|were\s+among)\b|"
                          r"\balone\b", re.I)
# "Seven civilians were killed and 35 injured": the 35 are of the civilians too, when the number
# names no one of its own ("and 35 soldiers wounded" does).
_PART_AND = lazy(r"\b(?:civilians|children|women)\s+(?:were\s+)?\w+\s+and\s+$", re.I)
_NO_ONE_NAMED = frozenset({"", "injured", "wounded", "hurt", "dead", "killed", "missing"})


def _a_part(c: Claim, x: _Counted) -> bool:
    """Whether a count is of a part: named in its own words or just before them."""
    before = c.content[max(0, x.q.start - 40):x.q.start]
    return bool(_A_PART.search(x.q.text) or _PART_BEFORE.search(before)
                or x.q.unit.lower() in _NO_ONE_NAMED and _PART_AND.search(before))


def part_and_whole(p: Pair, x: _Counted, y: _Counted) -> bool:
    """One count is of a part the other is not ("civilian deaths alone at between 300,000 and
    400,000" / "about 600,000 people had been killed") and fits inside it: both may hold."""
    pa, pb = _a_part(p.a, x), _a_part(p.b, y)
    if pa == pb:
        return False
    part, whole = (x, y) if pa else (y, x)
    return part.lo <= whole.hi


# Words that end the modifiers of a counted noun, or stand where its noun would: "38 aid trucks
# were", not "38 aid were" (``counts._plural_after``, ``one_noun``).
_MODIFIER_WORDS = (r"was|were|is|are|has|had|have|and|or|of|in|on|at|to|for|from|with|by|as|"
                   r"than|this|its|their|the|a|an")
MODIFIER_STOP = lazy(rf"^(?:{_MODIFIER_WORDS})$", re.I)
# The noun of "a single fishing boat on Thursday": the word that ends the phrase, before a verb,
# a preposition or punctuation; not "was" of "one soldier was killed".
_ONE_NOUN = lazy(rf"\s+(?!(?:{_MODIFIER_WORDS})\b)([a-z-]+)"
                       r"(?=\s+(?:was|were|is|are|has|had|on|in|at|to|for|from|with|by|and|or|"
                       r"of)\b|\s*[,.;])")


def one_noun(text: str, at: int) -> str | None:
    """The counted noun after the modifier ending at ``at`` when the number is one ("a single
    fishing boat on Thursday" counts a boat), or None."""
    m = _ONE_NOUN.match(text, at)
    return m.group(1) if m else None


__all__ = ["MODIFIER_STOP", "of_one_kind", "one_noun", "part_and_whole", "part_of_a_total",
           "several_kinds", "two_sorts"]
