"""What a strike hit, civilian or military: one voice says the jets struck "civilian facilities",
"homes" or a place with "no military facility anywhere near", another that they hit "military
targets", "terrorist infrastructure" or "a military depot" inside it. The ``struck`` detector:
the dispute that follows nearly every strike in a war, a report and its rejection told in other
words. "Sites with both civilian and military uses" is on the military side: it concedes what
the civilian account denies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Reason
from ..detectors import Pair, detector, span_of
from ..gate import Gate
from .damage import told_apart, two_accounts

_HIT = (r"(?:struck|strike|strikes|striking|hit|hits|hitting|targeted|targeting|targets|"
        r"attacked|attacking|bombed|bombing|shelled|shelling|pounded|raided|destroyed|"
        r"aimed\s+at)")
_CIVIL_THINGS = (r"(?:facilit(?:y|ies)|targets?|sites?|areas?|infrastructure|objects?|"
                 r"buildings?|homes|houses|neighbou?rhoods?|districts?|installations?|property|"
                 r"structures?)")
_MILITARY_THINGS = (r"(?:targets?|sites?|facilities|facility|infrastructure|positions?|"
                    r"installations?|bases?|depots?|warehouses?|posts?|assets|"
                    r"command\s+posts?|headquarters|camps?|hideouts?|launch(?:ers|\s+sites))")
# One side: the strike hit civilians' things only.
_CIVILIAN = lazy(
    rf"\b{_HIT}\s+(?:[\w'’-]+\s+){{0,3}}?(?:purely\s+|only\s+|exclusively\s+)?(?:civilian|"
    rf"residential)\s+{_CIVIL_THINGS}\b"
    r"|\bno\s+(?:military|army)\s+(?:facilit(?:y|ies)|targets?|presence|installations?|"
    r"positions?|equipment|personnel)\s+(?:\w+\s+){0,2}?(?:near|in|at|inside|around)\b"
    r"|\bthere\s+(?:was|were|is|are)\s+no\s+(?:military|army)\s+(?:facilit(?:y|ies)|targets?|"
    r"presence)", re.I)
# The other: it hit military (or militants') things, or things of both uses.
_MILITARY = lazy(
    rf"\b{_HIT}\s+(?:[\w'’-]+\s+){{0,4}}?(?:military|militant|terrorist|army|dual-use)\s+"
    rf"(?:[\w'’-]+\s+)?{_MILITARY_THINGS}\b"
    r"|\b(?:a\s+)?legitimate\s+military\s+target\b"
    r"|\b(?:both\s+)?civilian\s+and\s+military\s+uses?\b|\bdual-use\s+(?:sites?|facilit)"
    rf"|\b{_HIT}\s+(?:[\w'’-]+\s+){{0,4}}?(?:a\s+|the\s+)?(?:[\w'’-]+\s+)?military\s+"
    r"(?:warehouse|depot|command\s+post|facility|base|target)s?\b", re.I)
_GATE = Gate(_CIVILIAN, _MILITARY)
# A strike not (yet) made: threatened, planned, possible, denied ("could strike US military
# infrastructure", "vowed to hit military targets", "did not target civilian areas").
_UNDONE = lazy(r"\b(?:could|would|will|may|might|can|shall|to|not|never|n['’]t|only|ever|"
               r"always|repeatedly|routinely|regularly)\s+(?:\w+\s+)?$", re.I)
# A strike at a time told apart from one day ("last year", "earlier this month", "since the war
# began", "have repeatedly struck"): another strike, or many.
_ANOTHER_TIME = lazy(r"\b(?:last|previous|past)\s+(?:year|month|week|summer|winter|spring|"
                     r"autumn|fall)|\bearlier\s+this\s+(?:year|month|week)|\b(?:in|over)\s+the\s+"
                     r"past\b|\bsince\s+the\s+(?:war|conflict|fighting)|\brepeatedly\b|"
                     r"\bprevious(?:ly)?\b|\b(?:months|years|weeks)\s+ago\b", re.I)


@dataclass(frozen=True, slots=True)
class Struck:
    """A claim's word on what a strike hit: ``civilian`` or not, and where it says so."""

    civilian: bool
    start: int
    end: int


@lru_cache(maxsize=65536)
def struck(text: str) -> Struck | None:
    """The one kind of thing ``text`` says a strike hit, or None (neither, or both: a claim
    that tells both accounts)."""
    if not _GATE.opens(text):
        return None
    civil, military = (next((m for m in rx.finditer(text) if not _UNDONE.search(
        text, max(0, m.start() - 40), m.start())), None) for rx in (_CIVILIAN, _MILITARY))
    if bool(civil) == bool(military):
        return None
    m = civil or military
    return None if m is None else Struck(bool(civil), m.start(), m.end())


# Claims this close (cosine) may tell one strike in other words: two accounts of one raid share
# few words ("warplanes struck civilian facilities" / "its jets hit military targets").
FLOOR = 0.3


@detector("struck")
def struck_kind(p: Pair) -> Reason | None:
    """Two voices tell one strike as hitting civilian things and military ones: claims at least
    ``FLOOR`` close, of one country or none named apart, no two places or days apart, neither
    told as another happening, at a distance, or denied."""
    if not two_accounts(p, FLOOR):
        return None
    x, y = struck(p.a.content), struck(p.b.content)
    if x is None or y is None or x.civilian == y.civilian:
        return None
    a, b = p.a.content, p.b.content
    if _ANOTHER_TIME.search(a) or _ANOTHER_TIME.search(b):
        return None  # "bombed homes last year" / "struck military targets on Friday"
    if told_apart(a, b):
        return None  # strikes on two countries, towns or days
    sa, sb = span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)
    kinds = ("civilian", "military") if x.civilian else ("military", "civilian")
    return Reason("actor", f"what the strike hit: {sa.text!r} ({kinds[0]}) vs {sb.text!r} "
                  f"({kinds[1]})", (p.a.id, p.b.id), (sa, sb), weight=0.6)


__all__ = ["FLOOR", "Struck", "struck", "struck_kind"]
