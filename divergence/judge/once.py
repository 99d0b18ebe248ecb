"""Judge each distinct pair of statements once.

A scraped page that repeats itself, or wire copy carried by many outlets, gives the same two
statements again and again under other claim ids. The judge reads only what a claim says (its
text, proposition, speaker, stance and cue) and whether the two come from one article, so a
repeated pair gets the first copy's verdict, its reasons pointed at the new claim ids. A 1 MB
article of one page repeated (6,472 claims, 704,499 candidate pairs) was judged pair by pair.
A detector that read more of a claim than this (a plugin reading its ``start`` or ``id``) would
see the first copy's verdict given to the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..records import Claim, Judgement, Reason, Span


def said(c: Claim) -> tuple[str, str, str | None, str, str | None]:
    """Everything of a claim the judge reads, its id and place aside."""
    return c.text, c.proposition, c.speaker, c.stance, c.cue


def judge_once(judge: Any, left: Sequence[Claim], right: Sequence[Claim],
               sims: Sequence[float], va: np.ndarray | None = None,
               vb: np.ndarray | None = None) -> list[Judgement]:
    """``judge.judge_pairs`` over aligned pairs, each distinct pair read once (see the module)."""
    first: dict[tuple[object, ...], int] = {}
    todo: list[int] = []
    of: list[int] = []
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        key = (said(a), said(b), a.article_id == b.article_id, round(float(sims[n]), 6))
        m = first.setdefault(key, n)
        if m == n:
            todo.append(n)
        of.append(m)
    if len(todo) == len(of):
        return judge.judge_pairs(left, right, sims, va, vb)
    rows = np.asarray(todo)
    got = judge.judge_pairs([left[n] for n in todo], [right[n] for n in todo],
                            [sims[n] for n in todo], None if va is None else va[rows],
                            None if vb is None else vb[rows])
    verdict = dict(zip(todo, got, strict=True))
    out = []
    for n, m in enumerate(of):
        v = verdict[m]
        out.append(v if m == n else _retarget(v, {left[m].id: left[n].id,
                                                   right[m].id: right[n].id}))
    return out


def _retarget(v: Judgement, ids: dict[str, str]) -> Judgement:
    """``v`` with its reasons and spans naming the claims of ``ids`` by their new ids (built
    directly: ``dataclasses.replace`` took 18 of the 1 MB page's 77 s)."""
    if not v.reasons:
        return v
    return Judgement(v.label, v.confidence, tuple(_reason(r, ids) for r in v.reasons),
                     v.similarity)


def _reason(r: Reason, ids: dict[str, str]) -> Reason:
    """``r`` naming the claims of ``ids`` (and its spans' claims) by their new ids."""
    get = ids.get
    return Reason(r.type, r.detail, tuple(get(c, c) for c in r.claims),
                  tuple(Span(get(s.claim, s.claim), s.start, s.end, s.text) for s in r.spans),
                  r.weight)
