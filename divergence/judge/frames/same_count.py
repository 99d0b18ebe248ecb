"""One count in other words: the ``same-count`` detector, a sign of agreement ("two fighter jets
were shot down" / "two warplanes were downed"; "three people were injured" / "three plant
workers were wounded")."""

from __future__ import annotations

from ...records import Reason
from ..detectors import Pair, detector
from ..text import elsewhere
from .counts import count, counts, dates_differ, number_span, swapped_actor
from .happenings import HAPPENINGS, same_happening

# Claims this close at least: a shared figure in two claims far apart is a coincidence.
_SAME_COUNT_SIM = 0.5


@detector("same-count")
def same_count(p: Pair) -> Reason | None:
    """Two voices give one exact count of one thing in one happening, in other words: a
    ``same-value`` sign of agreement. Not a bound ("at least 12": a floor, not a figure), not
    bare counts of things ("30 minutes", "11 tanks": the happening they belong to is unread),
    not when any count clashes or the two speak of other days, places or actors."""
    if p.a.article_id == p.b.article_id or p.similarity < _SAME_COUNT_SIM:
        return None
    ca, cb = counts(p.a.content), counts(p.b.content)
    if not ca or not cb:
        return None
    match = next(((x, y) for x in ca for y in cb
                  if (x.kind, x.head) == (y.kind, y.head) and x.kind not in ("count", "share",
                                                                            "duration")
                  and x.lo == x.hi == y.lo == y.hi and x.q.bound == y.q.bound == "="), None)
    if (match is None or dates_differ(p.a.content, p.b.content) or swapped_actor(p)
            or elsewhere(p.a.content) or elsewhere(p.b.content) or count(p) is not None):
        return None
    x, y = match
    if not same_happening(p, frozenset({x.kind}) if x.kind in HAPPENINGS
                          else frozenset(HAPPENINGS), 0.5):
        return None
    sx, sy = number_span(p.a, x.q), number_span(p.b, y.q)
    return Reason("same-value", f"{sx.text!r} and {sy.text!r} give one count ({x.kind})",
                  (p.a.id, p.b.id), (sx, sy), weight=0.7)


__all__ = ["same_count"]
