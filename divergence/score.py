"""A new article against the corpus: nearest stored claims, support, contradiction, novelty.

Only the new article is split and embedded; neighbours come from an exact (numpy) search over the
stored vectors, and each new claim is judged against its neighbours with the corpus's judge. The
corpus is not regrouped: events come from its stored grouping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .embed import Embedder, EmbeddingCache, embed
from .judge import Judge
from .records import Article, Claim, Event, Reason
from .registry import Registry
from .split import Splitter, core, split
from .store import Corpus

NOVEL = 0.5  # a claim whose novelty reaches this counts as new to the corpus


class Index(Protocol):
    """Nearest neighbours by cosine over L2-normalised rows."""

    def fit(self, vectors: np.ndarray) -> Index: ...

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...


INDEXES: Registry[Index] = Registry("index")


class ExactIndex:
    """Exact search: one matrix product; fine up to a few hundred thousand claims."""

    def fit(self, vectors: np.ndarray) -> ExactIndex:
        """Remember the corpus vectors."""
        self.vectors_ = np.asarray(vectors, dtype=np.float32)
        return self

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row ids and similarities of the ``k`` closest vectors to each query, best first."""
        n = self.vectors_.shape[0]
        k = min(k, n)
        if k == 0 or len(queries) == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.int64), empty.astype(np.float32)
        sims = np.asarray(queries, dtype=np.float32) @ self.vectors_.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        part = np.take_along_axis(sims, top, axis=1)
        order = np.argsort(-part, axis=1, kind="stable")
        return np.take_along_axis(top, order, axis=1), np.take_along_axis(part, order, axis=1)


@INDEXES.register("exact")
def _exact() -> Index:
    return ExactIndex()


@INDEXES.register("hnsw")
def _hnsw(m: int = 32, ef_construction: int = 100, ef_search: int = 128) -> Index:
    from .ann import HNSWIndex  # faiss is imported only when the index is built

    return HNSWIndex(m=m, ef_construction=ef_construction, ef_search=ef_search)


def build_index(name: str, vectors: np.ndarray, **kwargs: object) -> Index:
    """The index registered as ``name`` (see ``ann.choose_index``), fitted on ``vectors``."""
    return INDEXES.make(name, **kwargs).fit(vectors)


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A stored claim close to a new one, and the judge's label for the pair."""

    claim: Claim
    source: str
    similarity: float
    label: str
    confidence: float
    reasons: tuple[Reason, ...] = ()
    event: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimScore:
    """One new claim: its neighbours and how far the corpus supports, contradicts or lacks it."""

    claim: Claim
    neighbours: tuple[Neighbour, ...]
    support: float
    contradiction: float
    novelty: float


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """A new article against the corpus."""

    article: Article
    claims: tuple[ClaimScore, ...]
    events: tuple[tuple[Event, int], ...]  # matched events, with how many new claims touch each
    novel_share: float
    model: str

    @property
    def conflicts(self) -> list[tuple[Claim, Neighbour]]:
        """(new claim, stored claim) pairs judged a conflict, strongest first."""
        out = [(s.claim, n) for s in self.claims for n in s.neighbours if n.label == "conflict"]
        return sorted(out, key=lambda cn: -cn[1].confidence)


def _without_own(ids: np.ndarray, sims: np.ndarray, stored: Sequence[Claim], article_id: str,
                 k: int) -> tuple[np.ndarray, np.ndarray]:
    """Drop neighbours from the scored article itself; keep the best ``k`` of the rest."""
    out_ids, out_sims = [], []
    for row_ids, row_sims in zip(ids.tolist(), sims.tolist(), strict=True):
        pairs = [(i, s) for i, s in zip(row_ids, row_sims, strict=True)
                 if i >= 0 and stored[i].article_id != article_id][:k]
        out_ids.append([i for i, _ in pairs])
        out_sims.append([s for _, s in pairs])
    width = min((len(r) for r in out_ids), default=0)
    return (np.array([r[:width] for r in out_ids], dtype=np.int64).reshape(len(out_ids), width),
            np.array([r[:width] for r in out_sims], dtype=np.float32).reshape(len(out_ids), width))


def score(
    article: Article,
    corpus: Corpus,
    embedder: Embedder,
    judge: Judge,
    cache: EmbeddingCache | None = None,
    splitter: Splitter | None = None,
    index: Index | None = None,
    k: int = 5,
    min_similarity: float = 0.5,
) -> ArticleScore:
    """Score ``article`` against the stored corpus (not regrouped, nothing stored).

    Args:
        index: a neighbour search already fitted on ``corpus.vectors()`` (``INDEXES``, or
            ``ann.load_or_build``); exact search by default.
        k: neighbours per claim.
        min_similarity: a neighbour this close links the claim to the neighbour's event.

    Raises:
        DivergenceError: the corpus holds another model's vectors.
    """
    corpus.check_model(embedder.name)
    claims = split(article, splitter)
    qv = embed([core(c.content) for c in claims], embedder, cache).reshape(len(claims), -1)
    stored = corpus.claims()
    sv = corpus.vectors() if stored else np.zeros((0, qv.shape[1]), np.float32)
    # The index covers the whole corpus (so a persisted one stays valid); the article's own
    # stored claims, if it is already in the corpus, are dropped from its neighbours.
    own = sum(1 for c in stored if c.article_id == article.id)
    searcher = index if index is not None else ExactIndex().fit(sv)
    ids, sims = _without_own(*searcher.search(qv, min(len(stored), k + own)), stored,
                             article.id, k)
    source = {a.id: a.voice for a in corpus.articles()}
    grouping = corpus.load_grouping()
    events = {e.id: e for e in grouping[0]} if grouping else {}
    event_of = {cid: e.id for e in events.values() for cid in e.claims}
    left = [claims[i] for i in range(len(claims)) for _ in range(ids.shape[1])]
    right = [stored[j] for j in ids.reshape(-1).tolist()]
    rows = [i for i in range(len(claims)) for _ in range(ids.shape[1])]
    verdicts = judge.judge_pairs(left, right, sims.reshape(-1).tolist(), qv[rows],
                                 sv[ids.reshape(-1)]) if right else []
    scored, touched = [], Counter()
    for i, c in enumerate(claims):
        width = ids.shape[1]
        nbs = tuple(
            Neighbour(right[i * width + m], source.get(right[i * width + m].article_id, "?"),
                      float(sims[i, m]), v.label, float(v.confidence), v.reasons,
                      event_of.get(right[i * width + m].id))
            for m, v in enumerate(verdicts[i * width : (i + 1) * width]))
        touched.update({n.event for n in nbs if n.event and n.similarity >= min_similarity})
        scored.append(ClaimScore(
            c, nbs,
            support=max((n.confidence for n in nbs if n.label == "agree"), default=0.0),
            contradiction=max((n.confidence for n in nbs if n.label == "conflict"), default=0.0),
            novelty=float(np.clip(1.0 - max((n.similarity for n in nbs), default=0.0), 0, 1))))
    novel = sum(s.novelty >= NOVEL for s in scored) / len(scored) if scored else 0.0
    return ArticleScore(article, tuple(scored),
                        tuple((events[e], n) for e, n in touched.most_common()),
                        novel_share=novel, model=embedder.name)

