"""One count of one happening in other words: the ``same-count`` detector, a sign of agreement
("three people who work at the plant were wounded when drones struck it" / "three people were
injured in those attacks"). The ``count`` detector sets counts apart; this one finds them alike.
Only counts of what happened (deaths, injuries, arrests, losses), told exactly and alike ("at
least 12" beside "12" is no match), in claims of one happening that are close in meaning: two
strikes that each killed two people are two statements."""

from __future__ import annotations

from ...records import Reason
from ..detectors import Pair, detector
from ..text import elsewhere
from .counts import Count, counts, dates_differ, number_span, scoped, swapped_actor
from .happenings import HAPPENINGS, same_happening

# Kinds of count that tell what happened (not "count": 30 trucks, "share", "duration").
_HAPPENED = frozenset({"deaths", "injuries", "missing", "arrests", "displacement", "losses",
                       "released"})
# How close two claims must be for one count to make them one statement.
FLOOR = 0.5


def _alike(x: Count, y: Count) -> bool:
    """The same count of the same thing, told exactly, and not a zero ("no one was hurt" twice
    is for the frames that read harm denied)."""
    return ((x.kind, x.head) == (y.kind, y.head) and x.kind in _HAPPENED and x.hi > 0
            and x.q.bound == y.q.bound == "=" and (x.lo, x.hi) == (y.lo, y.hi))


@detector("same-count")
def same_count(p: Pair) -> Reason | None:
    """Two voices give one count of one happening: a ``same-count`` reason, a sign of one
    statement in other words, unless the claims are of other days, other sides or another
    happening told as such. Weaker than ``same-value``: the NLI and pair models are still asked
    and may call the pair apart (the same 12 hostages, freed through Egypt or without it); a
    count that clashes is the ``count`` detector's conflict."""
    if p.similarity < FLOOR or p.a.article_id == p.b.article_id:
        return None
    ca, cb = counts(p.a.content), counts(p.b.content)
    if not ca or not cb or scoped(p.a.content) != scoped(p.b.content):
        return None
    if (dates_differ(p.a.content, p.b.content) or swapped_actor(p) or elsewhere(p.a.content)
            or elsewhere(p.b.content)):
        return None
    for x in ca:
        for y in cb:
            if not _alike(x, y):
                continue
            kinds = frozenset({x.kind}) if x.kind in HAPPENINGS else frozenset(HAPPENINGS)
            if not same_happening(p, kinds, FLOOR, bare=FLOOR):
                continue
            sx, sy = number_span(p.a, x.q, x.head), number_span(p.b, y.q, y.head)
            return Reason("same-count", f"{sx.text!r} and {sy.text!r} give one count "
                          f"({x.kind})", (p.a.id, p.b.id), (sx, sy), weight=0.7)
    return None


__all__ = ["FLOOR", "same_count"]
