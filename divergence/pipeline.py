"""The whole job as one call: articles -> claims -> vectors -> events, groups -> a Report."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .embed import Embedder, EmbeddingCache, embed
from .gil import quick_turns
from .group.claims import attach, candidate_pairs, find_groups, voices
from .group.disputes import find_disputes
from .group.events import find_events
from .group.graph import NeighbourTable
from .group.sparse import import_ahead
from .group.stories import stories
from .ingest.files import check_claims_names
from .ingest.io import write_claims
from .ingest.split import embedding_text, split
from .ingest.splitters import Splitter
from .judge import Judge
from .progress import bar
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


def run(
    articles: Iterable[Article],
    embedder: Embedder,
    judge: Judge | None = None,
    cache: EmbeddingCache | None = None,
    splitter: Splitter | None = None,
    options: Options | None = None,
    skipped: Sequence[Skip] = (),
) -> Report:
    """Compare ``articles``: split, embed (cached), find events and groups, judge; a Report."""
    articles = list(articles)  # a generator is read once, here
    if not all(isinstance(a, Article) for a in articles):
        raise TypeError("articles must be Article records (divergence.load reads them)")
    if not (hasattr(embedder, "encode") and hasattr(embedder, "name")):
        raise TypeError(f"embedder must be an Embedder (encode and name), got "
                        f"{type(embedder).__name__}: e.g. SentenceTransformerEmbedder()")
    opts = options or Options()
    claims = split_articles(articles, splitter, opts.progress)
    if opts.claims_dir is not None:
        write_claims_files(opts.claims_dir, articles, claims)
    vectors = embed_claims(claims, embedder, cache, opts.progress)
    judge = judge if judge is not None else default_judge(embedder.name)
    return report_from(articles, claims, vectors, embedder.name, judge, opts, skipped)


def default_judge(embedder_name: str) -> Judge:
    """The judge a run uses when none is given: the CLI's default (``judge.DEFAULT_JUDGE``)."""
    from .judge import DEFAULT_JUDGE, make_judge

    return make_judge(DEFAULT_JUDGE, embedder_name)


def split_articles(articles: Sequence[Article], splitter: Splitter | None = None,
                   progress: bool = False) -> list[Claim]:
    """Every article's claims, in article order (stage 1)."""
    out: list[Claim] = []
    with bar(len(articles), "splitting", progress, "article") as tick:
        for a in articles:
            out += split(a, splitter)
            tick(1)
    return out


def claimless(articles: Sequence[Article], claims: Sequence[Claim]) -> list[Article]:
    """The articles that gave no claims (another language, only fragments): read, but with
    nothing to compare, which callers say rather than leave to an empty report."""
    having = {c.article_id for c in claims}
    return [a for a in articles if a.id not in having]


def embed_claims(claims: Sequence[Claim], embedder: Embedder,
                 cache: EmbeddingCache | None = None, progress: bool = False,
                 batch: int = 256) -> np.ndarray:
    """Row i for claim i: each claim's ``embedding_text``, computed where the cache lacks it
    (stage 2). Meanwhile another thread reads the claims' frames for grouping
    (``judge.frames.read_ahead``): the model frees the GIL while it embeds."""
    from .judge.frames import read_ahead

    texts = [embedding_text(c) for c in claims]
    with quick_turns():  # the embedder's threads get the GIL back quickly from the readers
        ahead = read_ahead(claims)
        import_ahead()  # what grouping imports late, beside the embedder too
        with bar(len(texts), "embedding", progress, "claim") as tick:
            out = embed(texts, embedder, cache, batch=batch, on_progress=tick)
        if ahead is not None:
            ahead.join()
    return out


def write_claims_files(folder: str | Path, articles: Sequence[Article],
                       claims: Sequence[Claim]) -> None:
    """``claims/<article-id>.jsonl`` for every article (empty for one without claims)."""
    check_claims_names(folder, articles)  # all before any: no set left half-written
    of: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for c in claims:
        of[c.article_id].append(c)
    for a in articles:
        write_claims(folder, a, of[a.id])


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
    given = tuple(claims)
    claims, vectors = in_reading_order(articles, claims, vectors)
    articles, events, groups, story = group_all(articles, claims, vectors, judge,
                                                opts.event_threshold, opts.pair_similarity,
                                                opts.progress,
                                                graph=use_graph(opts.grouping, len(claims)))
    return Report(
        articles=tuple(articles),
        claims=given,
        events=tuple(events),
        groups=tuple(groups),
        model=model,
        created=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        skipped=tuple(skipped),
        disputes=tuple(disputes_of(articles, claims, vectors, events, groups, judge, story)),
    )


def disputes_of(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    events: Sequence[Event],
    groups: Sequence[ClaimGroup],
    judge: Judge,
    story: Sequence[int] | None = None,
) -> list[Dispute]:
    """The disputes (``disputes.find_disputes``) of grouped claims, outlets listed per story
    (``story``: each claim's, as ``group_all`` found them; computed here when not given)."""
    if not any(g.label == "conflict" for g in groups):
        return []
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if story is None:
        event_of = {cid: e.id for e in events for cid in e.claims}
        story = stories(claims, vectors, event_of, dates={a.id: a.date for a in articles})
    story_of = {c.article_id: s for c, s in zip(claims, story, strict=True)}
    event_of = {cid: e.id for e in events for cid in e.claims}
    return find_disputes(articles, claims, vectors, groups, judge, story_of, event_of)


def in_reading_order(articles: Sequence[Article], claims: Sequence[Claim], vectors: np.ndarray
                     ) -> tuple[list[Claim], np.ndarray]:
    """Claims (and their vectors) in reading order: their articles by path (a JSONL file's
    records by line number), then by place in the article. Grouping breaks ties by position, and
    a report must not depend on the order its articles were named or added in (``report b.txt
    a.txt`` is ``report a.txt b.txt``); a folder, read in path order, keeps its order. The
    vectors are copied only when the order changes (a corpus added to out of path order)."""
    place = {a.id: (_path_key(a.path), a.id) for a in articles}
    order = sorted(range(len(claims)), key=lambda i: (  # an article's claims keep their order
        place.get(claims[i].article_id, (("", 0), claims[i].article_id)), claims[i].start, i))
    if order == list(range(len(claims))):
        return list(claims), vectors
    return [claims[i] for i in order], vectors[order]


def _path_key(path: str) -> tuple[str, int]:
    """A path to sort by, a record's line number read as a number ("x.jsonl:9" before ":10")."""
    head, sep, line = path.rpartition(":")
    return (head, int(line)) if sep and line.isdigit() else (path, 0)


class Grouping(NamedTuple):
    """What ``group_all`` finds: articles (copies marked), events, groups, and each claim's
    story (the articles covering one happening; ``group.stories.stories``)."""

    articles: list[Article]
    events: list[Event]
    groups: list[ClaimGroup]
    story_of: list[int]


def group_all(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    judge: Judge,
    event_threshold: float = 0.5,
    pair_similarity: float = 0.5,
    progress: bool = False,
    graph: bool | None = None,
) -> Grouping:
    """Voices, events and judged claim groups over claims and their vectors (no embedding).

    Args:
        graph: group from close-pair graphs (``graph.py``) instead of n x n matrices
            [default: from ``GRAPH_FROM`` claims on].

    Returns the articles (copies of another outlet's text marked with ``copy_of``), the events
    and the groups, conflicts first.
    """
    if not claims:
        return Grouping(list(articles), [], [], [])
    if graph is None:
        graph = use_graph("auto", len(claims))
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    table = NeighbourTable() if graph else None  # voices and pairs share one neighbour graph
    with bar(3, "events", progress, "step") as tick:  # voices, events, stories: no silence
        voice_of = voices(articles, claims, vectors, graph=graph, table=table)
        tick(1)
        dates = {a.id: a.date for a in articles}
        events = find_events(claims, vectors, threshold=event_threshold, graph=graph,
                             dates=dates)
        tick(1)
        event_of = {cid: e.id for e in events for cid in e.claims}
        story_of = stories(claims, vectors, event_of, dates=dates)
        tick(1)
    with bar(len(claims), "pairing", progress, "claim") as tick:
        pairs = candidate_pairs(claims, vectors, pair_similarity, graph=graph,
                                story_of=story_of, table=table, on_progress=tick)
    del table  # free the neighbour graph before judging
    with bar(len(pairs), "judging", progress, "pair") as tick:
        groups = find_groups(claims, vectors, voice_of, judge, pair_similarity,
                             on_progress=tick, pairs=pairs)
    events, groups = attach(events, groups)
    order = {"conflict": 0, "agree": 1, "unique": 2}
    groups.sort(key=lambda g: (order[g.label], -g.confidence, g.id))
    return Grouping(mark_copies(articles, voice_of), events, groups, list(story_of))


def mark_copies(articles: Sequence[Article], voice_of: dict[str, str]) -> list[Article]:
    """Articles whose voice (see ``group.voices``) is another outlet's get ``copy_of`` set."""
    from dataclasses import replace

    return [a if voice_of.get(a.id, a.voice) == a.voice else replace(a, copy_of=voice_of[a.id])
            for a in articles]
