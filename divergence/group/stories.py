"""Stories: which articles cover one happening. Claims of two stories are never paired
(``claims.candidate_pairs``): the time one truce began does not contradict another's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..records import Claim
from .claims import UnionFind

# Up to this many articles, stories are document clusters (events.py); beyond, articles that
# share an event (a dense distance matrix would not fit).
STORY_DOCS_MAX = 5_000


def stories(claims: Sequence[Claim], vectors: np.ndarray,
            event_of: dict[str, str] | None = None) -> list[int]:
    """Each claim's story: the coverage of one happening its article belongs to (document
    clusters at ``events.DOC_STORY_THRESHOLD``, where an article left alone joins the largest
    story of its topic, ``_lone_articles``; beyond ``STORY_DOCS_MAX`` articles, articles that
    share an event)."""
    from .events import (
        DOC_STORY_NAMES,
        DOC_STORY_THRESHOLD,
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
        labels = cluster_documents(by_doc, vectors[order], DOC_STORY_THRESHOLD,
                                   names=DOC_STORY_NAMES)
        topics = cluster_documents(by_doc, vectors[order], DOC_TOPIC_THRESHOLD,
                                   names=DOC_TOPIC_NAMES)
        labels = _lone_articles(labels, topics)
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


def _lone_articles(stories: Sequence[int], topics: Sequence[int]) -> list[int]:
    """An article alone in its story joins the largest story of its topic (ties: the first):
    one event's coverage run alone often has one outlet worded apart (4 of 21 newsdev events,
    and 7 % of their two-article pairs, were cut so), and an article alone has no other
    report of its own happening to meet. With no story of two, the topic is the story."""
    out = list(stories)
    size: dict[int, int] = defaultdict(int)
    for s in stories:
        size[s] += 1
    for t in sorted(set(topics)):
        members = [k for k, x in enumerate(topics) if x == t]
        big = sorted({stories[k] for k in members if size[stories[k]] > 1},
                     key=lambda s: (-size[s], s))
        home = big[0] if big else stories[members[0]]
        for k in members:
            if size[stories[k]] == 1:
                out[k] = home
    return out
