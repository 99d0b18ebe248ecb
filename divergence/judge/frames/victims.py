"""Who the dead were: one count of the dead given as fighters by one voice and as civilians by
another ("the strike killed 15 militants" / "all 15 killed were civilians"), the classic dispute
over a strike. Split from ``counts``, whose readers it uses."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Reason
from ..detectors import Pair, detector, one_voice, span_of
from .counts import (
    Count,
    clash,
    counts,
    dates_differ,
    number_span,
    pinned,
    singular,
    swapped_actor,
)
from .happenings import same_happening

_COMBATANTS = frozenset({"fighter", "soldier", "terrorist", "gunman", "gunmen", "combatant",
                         "jihadist", "operative", "commander"})
_CIVILIANS = frozenset({"civilian", "child", "children", "woman", "women", "villager",
                        "worshipper", "tourist", "pilgrim", "student", "patient"})
# "all 15 killed were civilians", "the dead were all civilians": a count of people named civil
_ALL_CIVILIANS = lazy(r"\b(?:were|was)\s+(?:all\s+)?(?:civilians|children|women and "
                            r"children)\b|\ball\s+(?:of\s+them\s+)?civilians\b", re.I)


# The dead told as fighters alone, with no count: "only militants were killed", "the strike
# killed only Hamas fighters", "all those killed were terrorists" (no civilian among them).
_FIGHTERS = r"(?:militants|fighters|terrorists|gunmen|combatants|operatives|insurgents|jihadists)"
_ONLY_FIGHTERS = lazy(
    rf"(?<!not\s)\b(?:only|solely|exclusively)\s+(?:[\w-]+\s+)?{_FIGHTERS}\s+(?:were|had\s+been)\s+"
    rf"killed\b|\b(?:killed|kills)\s+(?:only|solely|exclusively)\s+(?:[\w-]+\s+)?{_FIGHTERS}\b|"
    rf"\ball\s+(?:those|the\s+people|of\s+those|the\s+dead|the\s+\d+)\s+(?:who\s+(?:were|"
    rf"died)\s+)?(?:killed\s+)?(?:[\w\s]{{0,30}}?\s)?(?:were|was)\s+(?!not\b)(?:[\w-]+\s+)?"
    rf"{_FIGHTERS}\b",
    re.I)


# Below this many dead, two counts that match are as likely two groups of victims ("three
# soldiers were killed in the ambush" / "three civilians were killed in the crossfire").
_FEWEST = 5
_SUBSET = lazy(r"\b(?:among\s+them|including|of\s+them|of\s+whom|among\s+whom)\s+$",
                     re.I)


@detector("victims")
def victims(p: Pair) -> Reason | None:
    """One count of the dead given as fighters by one voice and as civilians by another, in
    one happening ("the strike killed 15 fighters, the military said" / "all 15 killed were
    civilians"): a ``number`` conflict over who they were. Only one deaths figure a claim, the
    two figures must meet, be five or more and neither be open-ended ("at least seven"), and a
    claim that names both kinds of dead is a breakdown."""
    xa, xb = _dead(p.a.content), _dead(p.b.content)  # cached: most claims count no dead
    if (xa is None) != (xb is None):
        return _only_fighters(p, xa, xb)
    if xa is None or xb is None:
        return None
    if one_voice(p) or dates_differ(p.a.content, p.b.content) or swapped_actor(p):
        return None
    if (xa[1] == xb[1] or clash(xa[0], xb[0])
            or float("inf") in (xa[0].hi, xb[0].hi) or min(xa[0].lo, xb[0].lo) < _FEWEST):
        return None  # "at least seven civilians" / "80 soldiers": two counts, not one
    if not same_happening(p, frozenset({"deaths"}), 0.45) and not pinned(p, "deaths"):
        return None
    (x, kx), (y, ky) = xa, xb
    sx, sy = number_span(p.a, x.q), number_span(p.b, y.q)
    return Reason("number", f"who the dead were: {sx.text!r} ({kx}) vs {sy.text!r} ({ky})",
                  (p.a.id, p.b.id), (sx, sy),
                  weight=0.6 + 0.3 * min(1.0, max(0.0, p.similarity)))


def _only_fighters(p: Pair, xa: tuple[Count, str] | None, xb: tuple[Count, str] | None
                   ) -> Reason | None:
    """Civilians counted dead by one claim, the dead told as fighters alone by the other
    ("the airstrike killed 14 civilians" / "only militants were killed in the strike")."""
    counted, claim, other = (xa, p.a, p.b) if xa is not None else (xb, p.b, p.a)
    if counted is None or counted[1] != "civilians" or one_voice(p):
        return None
    m = _ONLY_FIGHTERS.search(other.content)
    if m is None or any(w in _CIVILIANS or singular(w) in _CIVILIANS
                        for w in re.findall(r"[a-z]+", other.content.lower())):
        return None
    if dates_differ(p.a.content, p.b.content) or not (
            same_happening(p, frozenset({"deaths"}), 0.4) or pinned(p, "deaths")):
        return None
    sx = number_span(claim, counted[0].q)
    sy = span_of(other, m.start(), m.end())
    first, second = (sx, sy) if claim is p.a else (sy, sx)
    return Reason("number", f"who the dead were: {sx.text!r} (civilians) vs {sy.text!r} "
                  "(fighters only)", (p.a.id, p.b.id), (first, second),
                  weight=0.6 + 0.3 * min(1.0, max(0.0, p.similarity)))


@lru_cache(maxsize=65536)
def _dead(text: str) -> tuple[Count, str] | None:
    """The claim's one count of the dead and whether it names them fighters or civilians."""
    dead = [c for c in counts(text) if c.kind == "deaths"
            and not _SUBSET.search(text[max(0, c.q.start - 24):c.q.start])]
    if len(dead) != 1:
        return None  # "the 12 killed, among them four children": the four are of the twelve
    c = dead[0]
    if c.head in _COMBATANTS:
        kind = "fighters"
    elif c.head in _CIVILIANS or (c.head == "person" and _ALL_CIVILIANS.search(text)):
        kind = "civilians"
    else:
        return None
    other = _CIVILIANS if kind == "fighters" else _COMBATANTS
    if any(w in other or singular(w) in other for w in re.findall(r"[a-z]+", text.lower())) or (
            kind == "fighters" and _ALL_CIVILIANS.search(text)):
        return None  # both kinds named ("six civilians and several soldiers"): a breakdown
    return c, kind
