"""Outlet × outlet: for every pair of outlets, how often they agree, conflict, or leave a point out.

A pure function over a ``Report``; the renderers draw it as a heatmap (HTML) or a table (Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from ..records import ClaimGroup, Report

Measure = Literal["agree", "conflict", "one-sided"]
MEASURES: tuple[tuple[Measure, str], ...] = (
    ("agree", "Agreements"), ("conflict", "Conflicts"),
    ("one-sided", "One-sided: the row outlet carries, the column outlet does not"))


@dataclass(frozen=True, slots=True)
class PairCounts:
    """What two outlets share and where they part, counted in claim groups (points).

    ``agree`` and ``conflict`` are symmetric; ``only_a`` counts the points ``a`` carries that
    ``b`` leaves out, ``only_b`` the reverse (see ``outlet_matrix`` for the exact rules).
    """

    a: str
    b: str
    agree: int
    conflict: int
    only_a: int
    only_b: int


@dataclass(frozen=True, slots=True)
class OutletMatrix:
    """All pairs of outlets (each pair once, ``a`` before ``b`` in ``outlets`` order)."""

    outlets: tuple[str, ...]
    pairs: tuple[PairCounts, ...]

    def count(self, measure: Measure, row: str, col: str) -> int:
        """One cell of the matrix: ``measure`` between ``row`` and ``col``; for "one-sided",
        the points ``row`` carries and ``col`` does not. 0 on the diagonal."""
        for p in self.pairs:
            if (p.a, p.b) == (row, col) or (p.a, p.b) == (col, row):
                if measure == "agree":
                    return p.agree
                if measure == "conflict":
                    return p.conflict
                return p.only_a if p.a == row else p.only_b
        return 0

    def peak(self, measure: Measure) -> int:
        """The largest cell of ``measure`` (for shading; at least 1)."""
        cells = [self.count(measure, r, c) for r in self.outlets for c in self.outlets if r != c]
        return max([1, *cells])


def outlet_matrix(report: Report) -> OutletMatrix:
    """Count, for each pair of outlets, agreements, conflicts and one-sided points.

    An outlet is an article's independent voice (``Article.voice``: the wire for wire copy, else
    the source), the same name groups list in ``sources``. Counts are of claim groups, so a point
    an outlet makes in two sentences counts once.

    - **agree**: groups labelled agree that hold a claim of each outlet.
    - **conflict**: flagged conflicts (``ClaimGroup.flagged``: not set aside by a reviewer or
      the calibrated threshold) that hold a claim of each outlet.
    - **one-sided** (``only_a``): groups that hold a claim of ``a`` and none of ``b``, are not
      conflicts (of either kind), and sit in an event that ``b`` also covers (an article of
      ``b`` is among the event's articles). These are the unique claims of ``a`` as seen from
      ``b``: agreements ``a`` shares only with third outlets count too. A point of an event
      ``b`` never wrote about is not counted: leaving out a story is not leaving out a point.

    Returns:
        The outlets in the order their articles appear, and every pair of them.
    """
    arts = report.articles_by_id()
    outlets = tuple(dict.fromkeys(a.voice for a in report.articles))
    voice_of = {c.id: arts[c.article_id].voice for c in report.claims if c.article_id in arts}
    covers: dict[str, set[str]] = {
        e.id: {arts[aid].voice for aid in e.articles if aid in arts} for e in report.events}
    event_of = report.event_of()

    def voices(g: ClaimGroup) -> set[str]:
        return {voice_of[cid] for cid in g.claims if cid in voice_of}

    def covered_by(g: ClaimGroup) -> set[str]:
        events = set(g.events) | {event_of[cid] for cid in g.claims if cid in event_of}
        return set().union(*(covers.get(e, set()) for e in events))

    held = [(g, voices(g), covered_by(g)) for g in report.groups]
    pairs = []
    for a, b in combinations(outlets, 2):
        both = [g for g, vs, _ in held if a in vs and b in vs]
        lone = [(vs, cov) for g, vs, cov in held
                if g.label != "conflict" and (a in vs) != (b in vs)]
        pairs.append(PairCounts(
            a, b,
            agree=sum(g.label == "agree" for g in both),
            conflict=sum(g.flagged for g in both),
            only_a=sum(a in vs and b in cov for vs, cov in lone),
            only_b=sum(b in vs and a in cov for vs, cov in lone)))
    return OutletMatrix(outlets, tuple(pairs))
