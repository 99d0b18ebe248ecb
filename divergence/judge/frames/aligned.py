"""Values of two claims already aligned as one statement: another day, time or count.

The judge agrees two claims when the NLI model reads one as entailing the other, or when they pin
one fact (a shared name, number or day) and are close. Outlets that report one thing with other
values ("five journalists were detained" / "only two reporters were held by police"; "the ferry
sank at 14:00" / "went down at 9:30") align that way too; their values decide: a conflict, not
an agreement. This is issue 10's "align meaning, then compare values", for pairs the frames did
not key."""

from __future__ import annotations

from functools import lru_cache

from ...records import Reason
from ..detectors import Pair, span_of
from ..text import elsewhere
from .counts import Count, clash, counts
from .happenings import happenings_apart
from .times import compare_times


def values_apart(p: Pair) -> Reason | None:
    """A ``date`` or ``number`` reason when two aligned claims give another date or clock time,
    or counts of the same kind (deaths, arrests, losses ...) of one thing (the same noun: 20
    people and 8 civilians may be a whole and its part) that cannot both be true."""
    # Not weekdays ("on Wednesday the government put the toll since Sunday at ..." is two
    # days), and only the claims' own words: "officials said on 3 March that ..." dates the
    # saying, not what was said.
    r = compare_times(p, ("time", "monthday"), fallback=False)
    if r is not None and r.type == "date":
        return r
    if elsewhere(p.a.content) or elsewhere(p.b.content):
        return None  # "at a separate protest last year": not the news's count
    xs, ys = _sure(counts(p.a.content)), _sure(counts(p.b.content))
    for kind in sorted(xs.keys() & ys.keys()):
        x, y = xs[kind], ys[kind]
        if x.head == y.head and clash(x, y):  # synonyms are one head (counts._SAME_HEAD)
            return Reason("number", f"{x.q.text!r} vs {y.q.text!r} ({x.kind})",
                          (p.a.id, p.b.id),
                          (span_of(p.a, x.q.start, x.q.end), span_of(p.b, y.q.start, y.q.end)),
                          weight=0.6)
    return None


def _sure(found: tuple[Count, ...]) -> dict[str, Count]:
    """The one count of each kind a claim gives, when it gives one (several deaths figures in
    one claim are a breakdown or a history, not a figure to set against another), exact or
    open-ended ("at least 12"; not "thousands", "some 2,000", a range)."""
    by_kind: dict[str, list[Count]] = {}
    for c in found:
        if c.kind not in ("count", "share", "duration") and (c.lo == c.hi or c.hi == float("inf")):
            by_kind.setdefault(c.kind, []).append(c)
    return {k: v[0] for k, v in by_kind.items() if len(v) == 1}

def without_values_apart(a: str, b: str, reasons: list[Reason]) -> list[Reason]:
    """``reasons`` without the number and date clashes that are no clash: counts of different
    things ("twelve killed" / "twelve wounded": ``measures_apart``), and the counts, days and
    hours of two happenings ("the blast in Ostrel" / "the fire in Velk"). Applied where the
    detectors' reasons are gathered, so the pair classifier and both judges see the same."""
    if not any(r.type in ("number", "date") for r in reasons):
        return reasons  # the usual case: nothing to read
    if happenings_apart(a, b):
        return [r for r in reasons if r.type not in ("number", "date")]
    if measures_apart(a, b):
        return [r for r in reasons if r.type != "number"]
    return reasons


@lru_cache(maxsize=65536)
def measures_apart(a: str, b: str) -> bool:
    """Whether two texts count different things and nothing in common: "twelve soldiers were
    killed" / "twelve soldiers were wounded", "40 arrested" / "40 injured", "killed 12 people" /
    "destroyed 12 shops". Such claims state different facts, however alike their words: they
    neither agree nor set one count against the other."""
    ka, kb = ({c.kind for c in counts(t) if c.kind != "count"} for t in (a, b))  # a bare count
    return bool(ka and kb) and not ka & kb  # ("33 captives") says not what happened to them


__all__ = ["measures_apart", "values_apart", "without_values_apart"]
