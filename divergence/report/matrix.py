"""Outlet × outlet: for every pair of outlets, how often they agree, conflict, or leave a point out.

A pure function over a ``Report``; the renderers draw it as a heatmap (HTML) or a table (Markdown).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from ..records import Report

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
    left_out: int = 0  # outlets beyond the ``most`` shown (see ``outlet_matrix``)

    def count(self, measure: Measure, row: str, col: str) -> int:
        """One cell of the matrix: ``measure`` between ``row`` and ``col``; for "one-sided",
        the points ``row`` carries and ``col`` does not. 0 on the diagonal."""
        p = self._index().get((row, col)) or self._index().get((col, row))
        if p is None:
            return 0
        if measure == "agree":
            return p.agree
        if measure == "conflict":
            return p.conflict
        return p.only_a if p.a == row else p.only_b

    def _index(self) -> dict[tuple[str, str], PairCounts]:
        return {(p.a, p.b): p for p in self.pairs}

    def peak(self, measure: Measure) -> int:
        """The largest cell of ``measure`` (for shading; at least 1)."""
        cells = [self.count(measure, r, c) for r in self.outlets for c in self.outlets if r != c]
        return max([1, *cells])


# Outlets shown at most: a matrix beyond this is unreadable, and counting it grows with the square.
MOST_OUTLETS = 24


def outlet_matrix(report: Report, most: int = MOST_OUTLETS) -> OutletMatrix:
    """Count, for each pair of outlets, agreements, conflicts and one-sided points.

    An outlet is an article's independent voice (``Article.voice``: the wire for wire copy, else
    the source), the same name groups list in ``sources``. Counts are of claim groups, so a point
    an outlet makes in two sentences counts once. Only the ``most`` outlets with the most claims
    are shown (``left_out`` says how many more there are); the cost is linear in the groups.

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
    voice_of = {c.id: arts[c.article_id].voice for c in report.claims if c.article_id in arts}
    size = Counter(voice_of.values())
    every = list(dict.fromkeys(a.voice for a in report.articles))
    first = {v: k for k, v in enumerate(every)}
    shown = set(sorted(every, key=lambda v: (-size[v], first[v]))[:most])
    outlets = tuple(v for v in every if v in shown)
    covers: dict[str, set[str]] = {
        e.id: {arts[aid].voice for aid in e.articles if aid in arts} & shown
        for e in report.events}
    event_of = report.event_of()
    agree: Counter[tuple[str, str]] = Counter()
    conflict: Counter[tuple[str, str]] = Counter()
    only: Counter[tuple[str, str]] = Counter()  # (a, b): a carries it, b does not
    for g in report.groups:
        vs = {voice_of[cid] for cid in g.claims if cid in voice_of} & shown
        for a, b in combinations(sorted(vs), 2):
            if g.label == "agree":
                agree[(a, b)] += 1
            elif g.flagged:
                conflict[(a, b)] += 1
        if g.label == "conflict" or not vs:
            continue
        events = set(g.events) | {event_of[cid] for cid in g.claims if cid in event_of}
        cov = set().union(*(covers.get(e, set()) for e in events))
        for a in vs:
            for b in cov - vs:
                only[(a, b)] += 1
    pairs = []
    for a, b in combinations(outlets, 2):
        key = tuple(sorted((a, b)))
        pairs.append(PairCounts(a, b, agree=agree[key], conflict=conflict[key],
                                only_a=only[(a, b)], only_b=only[(b, a)]))
    return OutletMatrix(outlets, tuple(pairs), left_out=len(every) - len(outlets))
