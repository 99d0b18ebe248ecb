"""The whole job as one call: articles -> claims -> vectors -> events, groups -> a Report."""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .embed import Embedder, EmbeddingCache, embed
from .group.claims import attach, candidate_pairs, find_groups, stories, voices
from .group.disputes import find_disputes
from .group.events import find_events
from .ingest.io import write_claims
from .ingest.split import Splitter, core, split
from .judge import Judge
from .records import Article, Claim, ClaimGroup, Dispute, Event, Report, Skip


@dataclass
class Options:
    """Knobs of one run. A library call has no side effects unless asked: no progress bars and
    no claims files (the CLI asks for both: ``--claims-dir``, no ``-q``)."""

    event_threshold: float = 0.5
    pair_similarity: float = 0.5
    progress: bool = False
    claims_dir: str | Path | None = None
    # "dense" (n x n similarity: exact, quadratic), "graph" (close-pair graph: memory ~ n), or
    # "auto": graph from GRAPH_FROM claims on.
    grouping: str = "auto"


# claims; the graph path gives the same report and, from here on, the same time in less memory
# (5 k: 21 s either way, 0.6 vs 1.1 GB peak; 10 k: 50 vs 55 s, 1.3 vs 3.5 GB; benchmarks/scaling.py)
GRAPH_FROM = 5_000
GROUPINGS = ("auto", "dense", "graph")


def use_graph(grouping: str, n_claims: int) -> bool:
    """Whether ``grouping`` means the close-pair graph for ``n_claims`` claims."""
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}; choose from {', '.join(GROUPINGS)}")
    return grouping == "graph" or (grouping == "auto" and n_claims >= GRAPH_FROM)


@contextmanager
def _bar(total: int, desc: str, enabled: bool) -> Iterator:
    if not enabled or total == 0:
        yield lambda k: None
        return
    from tqdm import tqdm

    with tqdm(
        total=total,
        desc=desc,
        unit="claim" if "embed" in desc else "pair",
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
    ) as bar:
        yield bar.update


def run(
    articles: Sequence[Article],
    embedder: Embedder,
    judge: Judge | None = None,
    cache: EmbeddingCache | None = None,
    splitter: Splitter | None = None,
    options: Options | None = None,
    skipped: Sequence[Skip] = (),
) -> Report:
    """Compare ``articles``: split, embed (cached), find events and groups, judge; a Report."""
    opts = options or Options()
    if judge is None:
        from .judge.model import shipped

        judge = Judge(classifier=shipped(embedder.name))
    claims = []
    for a in articles:
        cs = split(a, splitter)
        if opts.claims_dir is not None:
            write_claims(opts.claims_dir, a, cs)
        claims.extend(cs)
    texts = [core(c.content) for c in claims]
    with _bar(len(texts), "embedding", opts.progress) as tick:
        vectors = embed(texts, embedder, cache, on_progress=tick)
    return report_from(articles, claims, vectors, embedder.name, judge, opts, skipped)


def report_from(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    model: str,
    judge: Judge,
    options: Options | None = None,
    skipped: Sequence[Skip] = (),
) -> Report:
    """The Report over claims already split and embedded elsewhere (another engine, a store).

    Row i of ``vectors`` belongs to ``claims[i]``; ``model`` names the embedder that made them.
    """
    opts = options or Options()
    if vectors.shape[0] != len(claims):
        raise ValueError(f"{vectors.shape[0]} vectors for {len(claims)} claims")
    articles, events, groups = group_all(articles, claims, vectors, judge, opts.event_threshold,
                                         opts.pair_similarity, opts.progress,
                                         graph=use_graph(opts.grouping, len(claims)))
    return Report(
        articles=tuple(articles),
        claims=tuple(claims),
        events=tuple(events),
        groups=tuple(groups),
        model=model,
        created=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        skipped=tuple(skipped),
        disputes=tuple(disputes_of(articles, claims, vectors, events, groups, judge)),
    )


def disputes_of(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    events: Sequence[Event],
    groups: Sequence[ClaimGroup],
    judge: Judge,
) -> list[Dispute]:
    """The disputes (``disputes.find_disputes``) of grouped claims, outlets listed per story."""
    if not any(g.label == "conflict" for g in groups):
        return []
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    event_of = {cid: e.id for e in events for cid in e.claims}
    story = stories(claims, vectors, event_of)
    story_of = {c.article_id: s for c, s in zip(claims, story, strict=True)}
    return find_disputes(articles, claims, vectors, groups, judge, story_of)


def group_all(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    judge: Judge,
    event_threshold: float = 0.5,
    pair_similarity: float = 0.5,
    progress: bool = False,
    graph: bool | None = None,
) -> tuple[list[Article], list[Event], list[ClaimGroup]]:
    """Voices, events and judged claim groups over claims and their vectors (no embedding).

    Args:
        graph: group from close-pair graphs (``graph.py``) instead of n x n matrices
            [default: from ``GRAPH_FROM`` claims on].

    Returns the articles (copies of another outlet's text marked with ``copy_of``), the events
    and the groups, conflicts first.
    """
    if not claims:
        return list(articles), [], []
    if graph is None:
        graph = use_graph("auto", len(claims))
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    voice_of = voices(articles, claims, vectors, graph=graph)
    events = find_events(claims, vectors, threshold=event_threshold, graph=graph,
                         dates={a.id: a.date for a in articles})
    event_of = {cid: e.id for e in events for cid in e.claims}
    story_of = stories(claims, vectors, event_of)
    pairs = candidate_pairs(claims, vectors, pair_similarity, graph=graph, story_of=story_of)
    if graph:
        from .group.graph import forget

        forget()  # the neighbour graph served voices and pairs; free it before judging
    with _bar(len(pairs), "judging", progress) as tick:
        groups = find_groups(claims, vectors, voice_of, judge, pair_similarity,
                             on_progress=tick, pairs=pairs)
    events, groups = attach(events, groups)
    order = {"conflict": 0, "agree": 1, "unique": 2}
    groups.sort(key=lambda g: (order[g.label], -g.confidence, g.id))
    return mark_copies(articles, voice_of), events, groups


def mark_copies(articles: Sequence[Article], voice_of: dict[str, str]) -> list[Article]:
    """Articles whose voice (see ``group.voices``) is another outlet's get ``copy_of`` set."""
    from dataclasses import replace

    return [a if voice_of.get(a.id, a.voice) == a.voice else replace(a, copy_of=voice_of[a.id])
            for a in articles]
