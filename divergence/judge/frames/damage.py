"""How badly a struck place was damaged: two voices telling one strike's damage at levels that
cannot both hold ("both sites had been badly damaged and put out of action" / "the base
suffered only minor damage"; "the port was left intact" / "the port was heavily damaged"). The
``damage`` detector: a report and its rejection told as a measure, not as a negation.

Three levels: none ("no damage", "undamaged", "intact"), minor ("minor", "slight", "limited",
"no serious damage") and severe ("badly damaged", "heavy damage", "destroyed", "put out of
action"). A claim that tells two levels (one target hit hard, another lightly) takes none here;
two claims that name different struck places ("the consulate" / "the base") tell two strikes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...lazy_re import lazy
from ...records import Reason
from ..detectors import Pair, detector, one_voice, span_of
from ..gate import Gate
from ..hedges import distance_cue
from ..text import countries, dates, elsewhere
from .counts import singular
from .happenings import places, targets


class Extent(NamedTuple):
    """One level of damage a claim tells: 0 none, 1 minor, 2 severe; where its words are; and
    the struck thing it is told of, when one is named near it ("the refinery": refinery)."""

    level: int
    start: int
    end: int
    thing: str | None = None


_HEAVY = r"(?:badly|heavily|severely|seriously|extensively|significantly|substantially)"
_LIGHT = r"(?:minor|slight|light|limited|little|negligible|superficial|minimal|modest)"
_BIG = r"(?:heavy|severe|serious|extensive|major|significant|substantial|considerable|massive)"
# Read in order; a span one level took is not read again ("not badly damaged" is no "badly
# damaged").
_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = tuple((n, lazy(rx, re.I)) for n, rx in (
    (1, rf"\b(?:no|not|without(?:\s+causing)?(?:\s+any)?)\s+(?:{_BIG}|real|great)\s+damage\b|"
        rf"\b(?:was|were|had\s+been|has\s+been|is|are)\s+not\s+{_HEAVY}\s+damaged\b"),
    (0, r"\b(?:no|without(?:\s+causing)?(?:\s+any)?)\s+damage\b|\bundamaged\b|\b(?:left|remained|"
        r"remains|was|were|is|are|stayed)\s+(?:fully\s+|completely\s+|largely\s+)?intact\b|"
        r"\b(?:was|were|had\s+been|has\s+been|is|are)\s+not\s+damaged\b"),
    (1, rf"\b{_LIGHT}\s+damage\b|\b(?:slightly|lightly|superficially|minimally)\s+damaged\b"),
    (2, rf"\b{_HEAVY}\s+damaged\b|\b{_BIG}\s+damage\b|\b(?:put|knocked)\s+out\s+of\s+"
        r"(?:action|service|operation)\b|\b(?:was|were|had\s+been|has\s+been|is|are)\s+"
        r"(?:completely\s+|totally\s+|entirely\s+|largely\s+)?(?:destroyed|razed|flattened|"
        r"reduced\s+to\s+rubble)\b"),
))
_GATE = Gate(*(rx for _, rx in _LEVELS))
# Struck things: what a level must be told of ("twelve drones were destroyed", "the ceasefire
# remained intact" are no damage to a place). Generic ones ("both sites") meet any.
_THINGS = lazy(r"\b(buildings?|bridges?|plants?|stations?|substations?|refinery|refineries|"
                     r"hospitals?|depots?|bases?|airports?|airfields?|ports?|harbou?rs?|dams?|"
                     r"schools?|markets?|mosques?|churches|church|homes?|houses?|hangars?|"
                     r"runways?|pipelines?|factory|factories|warehouses?|headquarters|towers?|"
                     r"terminals?|reactors?|embassy|consulate|camps?|infrastructure|sites?|"
                     r"targets?|facility|facilities|installations?|barracks|compound|"
                     r"offices?|ministry|palace|parliament|stadium|tunnels?|grid)\b", re.I)
_GENERIC = frozenset({"site", "target", "facility", "installation", "infrastructure",
                      "building"})
# Levels told with a verb of their own ("was destroyed", "remained intact") need a struck thing
# near them; "damage" words are about damage whatever their subject.
_NEEDS_THING = lazy(r"destroyed|razed|flattened|rubble|intact|out\s+of", re.I)


def _thing(text: str, start: int, end: int, noun: bool) -> str | None:
    """The struck thing nearest a level's words: before them in their clause ("the refinery
    was left intact", "the base suffered minor damage"), or after a damage noun ("minor damage
    to a military base"; not after a verb: "drones were destroyed over the refinery")."""
    before = re.split(r"[,;]|\b(?:but|while|and)\b", text[max(0, start - 60):start])[-1]
    after = re.split(r"[,;.]", text[end:end + 40])[0] if noun else ""
    found = list(_THINGS.finditer(before))
    m = found[-1] if found else next(_THINGS.finditer(after), None)
    if m is None:
        return None
    word = m.group(1).lower()
    if word in ("headquarters", "barracks"):
        return word
    return word[:-2] if word.endswith("ches") else singular(word)  # "churches": church


@lru_cache(maxsize=65536)
def extents(text: str) -> tuple[Extent, ...]:
    """The levels of damage ``text`` tells, in the order of ``_LEVELS``."""
    if not _GATE.opens(text):
        return ()  # most claims tell no damage: one cheap look first
    out: list[Extent] = []
    for level, rx in _LEVELS:
        for m in rx.finditer(text):
            if not any(e.start < m.end() and m.start() < e.end for e in out):
                thing = _thing(text, m.start(), m.end(), m.group(0).lower().endswith("damage"))
                if thing is None and _NEEDS_THING.search(m.group(0)):
                    continue  # "twelve drones were destroyed": no place damaged
                out.append(Extent(level, m.start(), m.end(), thing))
    return tuple(out)


def level(text: str) -> Extent | None:
    """The one level a text tells, or None (none, or two levels: two places hit)."""
    found = extents(text)
    return found[0] if found and len({e.level for e in found}) == 1 else None


# How close two claims must be (cosine) to be read as one strike's damage: the accused frame's
# floor, for a strike and its damage told in other words share few.
FLOOR = 0.25
_WORDS = ("no damage", "minor damage", "severe damage")


@detector("damage")
def damage(p: Pair) -> Reason | None:
    """Two voices tell one strike's damage at two levels: claims at least ``FLOOR`` close (a
    claim of one level carries the frame key ``damage``, so grouping pairs them however
    worded), of one country or none named apart, naming no two different struck places,
    neither told as another happening nor denied."""
    if not two_accounts(p, FLOOR):
        return None
    x, y = level(p.a.content), level(p.b.content)
    if x is None or y is None or x.level == y.level:
        return None
    a, b = p.a.content, p.b.content
    if x.thing and y.thing and x.thing != y.thing and not {x.thing, y.thing} & _GENERIC:
        return None  # "dozens of homes were destroyed" / "the water plant was undamaged"
    ta, tb = targets(a), targets(b)
    if ta and tb and not ta & tb:
        return None  # "the strike that destroyed the consulate" / "minor damage to the base"
    if told_apart(a, b):
        return None  # other countries, towns ("in Varnia" / "in Kestova") or days
    sa, sb = span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)
    return Reason("number", f"{sa.text!r} vs {sb.text!r} (damage: {_WORDS[x.level]} / "
                  f"{_WORDS[y.level]})", (p.a.id, p.b.id), (sa, sb), weight=0.6)


def levels_apart(a: str, b: str) -> bool:
    """Whether two texts each tell one level of damage, and not the same: whether or not they
    conflict (``damage``), they do not make one statement ("may have been badly damaged" /
    "suffered only minor damage")."""
    x, y = level(a), level(b)
    return x is not None and y is not None and x.level != y.level


def two_accounts(p: Pair, floor: float) -> bool:
    """Whether a pair may be two voices' accounts of one strike: at least ``floor`` close, two
    voices, neither denying, neither told as another happening or at a distance ("may
    have been")."""
    a, b = p.a.content, p.b.content
    return (p.similarity >= floor and not one_voice(p) and "denies" not in (p.a.stance,
            p.b.stance) and not (elsewhere(a) or elsewhere(b) or distance_cue(a)
                                 or distance_cue(b)))


def told_apart(a: str, b: str) -> bool:
    """Whether two texts tell of other countries, other towns or other days (each names one and
    they share none): two strikes, not one told twice."""
    for read in (countries, places, _days):
        ra, rb = read(a), read(b)
        if ra and rb and not ra & rb:
            return True
    return False


def _days(text: str) -> frozenset[str]:
    """The days and years a text dates what it tells to ("on 3 March", "in 2023")."""
    return frozenset(f"{d.kind}:{d.value}" for d in dates(text)
                     if d.kind in ("monthday", "weekday", "year"))


__all__ = ["FLOOR", "Extent", "damage", "extents", "level", "levels_apart", "told_apart",
           "two_accounts"]
