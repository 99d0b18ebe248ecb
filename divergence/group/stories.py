"""Stories: which articles cover one happening. Claims of two stories are never paired
(``claims.candidate_pairs``): the time one truce began does not contradict another's."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from ..records import Claim
from .agreements import UnionFind

# Up to this many articles, stories are document clusters (events.py); beyond, articles that
# share an event (a dense distance matrix would not fit).
STORY_DOCS_MAX = 5_000


# A topic's coverage with no article for this many days is two stories (two truces, two blasts
# of one kind months apart). newsdev's 25 events each run with gaps of at most 33 days but for
# one late article (Nord Stream's inquiry, 160 days on; Tigray's toll, 61), which joins its
# event back as a lone article; the seeds' longest gap is 33 days.
STORY_GAP_DAYS = 60
# Two happenings of one kind told apart by their wording (document clusters at the event level)
# are two stories when their coverage does not overlap and is this many days apart: the Crocus
# attack and the drones on Zaporizhzhia two weeks later, the Gaza flour deaths and Iran's attack
# six weeks later, which one newsdev dev report had put in shared disputes. Wording alone parts
# one happening's coverage (a speech and the supply chain of one attack), but that coverage runs
# over the same days. Chosen on newsdev dev (1 to 3 days: no dispute spans two events, 5 to 7:
# two do, 14: five, as with none; report macro-F1 0.481 -> 0.480); None turns it off.
HAPPENING_GAP_DAYS: int | None = 3


def stories(claims: Sequence[Claim], vectors: np.ndarray,
            event_of: dict[str, str] | None = None,
            dates: Mapping[str, str | None] | None = None) -> list[int]:
    """Each claim's story: the coverage of one happening its article belongs to. Topic-level
    document clusters (``events.DOC_TOPIC_THRESHOLD``: two truces, two blasts of one kind) are
    cut where ``dates`` (article id -> ISO date) leave ``STORY_GAP_DAYS`` without coverage; an
    article left alone joins the story of its topic nearest in time (``_lone_articles``).
    Beyond ``STORY_DOCS_MAX`` articles, articles that share an event.

    Time, not wording, parts two happenings of one kind: a finer cut by wording (ECB+ train's
    97 %-recall cut, distance 0.65) split one newsdev event's coverage, run alone, into two
    stories of three articles each (the pager explosions: Nasrallah's speech against the
    supply chain), losing every pair across them."""
    from .events import (
        DOC_EVENT_NAMES,
        DOC_EVENT_THRESHOLD,
        DOC_TOPIC_NAMES,
        DOC_TOPIC_THRESHOLD,
        cluster_documents,
    )

    arts = sorted({c.article_id for c in claims})
    code = {a: k for k, a in enumerate(arts)}
    if len(arts) <= STORY_DOCS_MAX or event_of is None:
        rows: list[list[int]] = [[] for _ in arts]
        for n, c in enumerate(claims):
            rows[code[c.article_id]].append(n)
        order = [n for r in rows for n in r]
        by_doc = [[claims[n] for n in r] for r in rows]
        topics = cluster_documents(by_doc, vectors[order], DOC_TOPIC_THRESHOLD,
                                   names=DOC_TOPIC_NAMES)
        days = [dates.get(a) for a in arts] if dates else None
        labels = _apart_in_time(topics, days) if days else list(topics)
        if days and any(days) and HAPPENING_GAP_DAYS is not None:
            happenings = cluster_documents(by_doc, vectors[order], DOC_EVENT_THRESHOLD,
                                           names=DOC_EVENT_NAMES)
            labels = _apart_by_happening(labels, happenings, days)
        labels = _lone_articles(labels, topics, days)
        if len(set(labels)) == len(labels):  # every article alone (two articles worded apart):
            labels = [0] * len(labels)  # too little to cluster on; one story, as before stories
        return [labels[code[c.article_id]] for c in claims]
    uf = UnionFind(len(arts))
    first: dict[str, int] = {}
    for c in claims:
        e = event_of.get(c.id)
        if e is not None:
            uf.union(first.setdefault(e, code[c.article_id]), code[c.article_id])
    return [uf.find(code[c.article_id]) for c in claims]


def _apart_in_time(stories: Sequence[int], dates: Sequence[str | None]) -> list[int]:
    """Cut each story where its dated articles, in date order, leave ``STORY_GAP_DAYS``
    without coverage; an undated article stays with the largest part."""
    out = list(stories)
    days = [_day(d) for d in dates]
    fresh = max(stories, default=-1) + 1
    for s, members in sorted(_members(stories).items()):
        dated = sorted((d, k) for k in members if (d := days[k]) is not None)
        parts: list[list[int]] = [[]]
        for (a, _), (b, k) in zip([(None, -1), *dated], dated, strict=False):
            if a is not None and (b - a).days > STORY_GAP_DAYS:
                parts.append([])
            parts[-1].append(k)
        if len(parts) >= 2:
            fresh = _relabel(out, s, parts, fresh)
    return out


def _apart_by_happening(stories: Sequence[int], happenings: Sequence[int],
                        dates: Sequence[str | None]) -> list[int]:
    """Cut each story between its happenings (document clusters at the event level) whose dated
    articles lie ``HAPPENING_GAP_DAYS`` or more apart; happenings closer in time, or undated,
    stay together (an undated one with the largest part)."""
    out = list(stories)
    days = [_day(d) for d in dates]
    gap = HAPPENING_GAP_DAYS or 0
    fresh = max(stories, default=-1) + 1
    for s, members in sorted(_members(stories).items()):
        by_happening = _members([happenings[k] for k in members])
        parts = [[members[i] for i in idx] for _, idx in sorted(by_happening.items())]
        if len(parts) < 2:
            continue
        spans = [sorted(d for k in part if (d := days[k]) is not None) for part in parts]
        dated = [i for i, sp in enumerate(spans) if sp]
        uf = UnionFind(len(parts))
        for i in dated:
            for j in (j for j in dated if j > i):
                a, b = spans[i], spans[j]
                if (max(a[0], b[0]) - min(a[-1], b[-1])).days < max(gap, 1):  # <= 0: overlap
                    uf.union(i, j)
        joined = [[k for i in g for k in parts[i]] for g in uf.groups() if spans[g[0]]]
        if len(joined) < 2:
            continue
        biggest = max(range(len(joined)), key=lambda g: (len(joined[g]), -g))
        joined[biggest] += [k for part, sp in zip(parts, spans, strict=True) if not sp
                            for k in part]  # undated: with the largest
        fresh = _relabel(out, s, joined, fresh)
    return out


def _relabel(out: list[int], story: int, parts: Sequence[Sequence[int]], fresh: int) -> int:
    """Cut ``story`` into ``parts`` (positions in ``out``): the largest (the first of a tie)
    keeps its label, each other takes a fresh one, from ``fresh``; returns the next fresh."""
    biggest = max(range(len(parts)), key=lambda i: (len(parts[i]), -i))
    for i, part in enumerate(parts):
        label = story if i == biggest else fresh
        fresh += i != biggest
        for k in part:
            out[k] = label
    return fresh


def _members(labels: Sequence[int]) -> dict[int, list[int]]:
    """Each label's positions, in order."""
    out: dict[int, list[int]] = defaultdict(list)
    for k, x in enumerate(labels):
        out[x].append(k)
    return out


def _day(text: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _lone_articles(stories: Sequence[int], topics: Sequence[int],
                   dates: Sequence[str | None] | None = None) -> list[int]:
    """An article alone in its story joins a story of two or more of its topic: the one
    nearest in time when dates are known, else the largest (ties: the first). One event's
    coverage run alone often has one outlet worded apart, or one late article, and an article
    alone has no other report of its own happening to meet. With no story of two, the topic
    is the story."""
    out = list(stories)
    day = [_day(d) for d in dates] if dates else [None] * len(stories)
    size = {s: len(ks) for s, ks in _members(stories).items()}
    days: dict[int, list[_dt.date]] = defaultdict(list)
    for k, s in enumerate(stories):
        if (d := day[k]) is not None:
            days[s].append(d)

    def gap(k: int, s: int) -> int:
        d = day[k]
        if d is None or not days[s]:
            return 0
        return min(abs((d - x).days) for x in days[s])

    for _, members in sorted(_members(topics).items()):
        big = sorted({stories[k] for k in members if size[stories[k]] > 1},
                     key=lambda s: (-size[s], s))
        for k in members:
            if size[stories[k]] == 1:
                out[k] = (min(big, key=lambda s, k=k: (gap(k, s), -size[s], s)) if big
                          else stories[members[0]])
    return out
