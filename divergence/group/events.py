"""Vectors -> events: what claims (and documents) are about.

Claims are clustered by average linkage over their meaning (embeddings) and their names and words
(tf-idf), each smoothed with its neighbours and its article's mean, since sentences about one event
come in runs. One article can touch several events. Documents are clustered the same way from the
mean of their claims, for corpora where each document reports one event (ECB+).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from ..ids import stable_id
from ..judge.text import content_tokens, entities
from ..records import Claim, Event
from .graph import check_rows
from .sparse import EmptyVocabulary, average_labels, tfidf
from .titles import event_title


def find_events(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    threshold: float = 0.5,
    context: float = 0.5,
    article: float = 0.5,
    names: float = 1.0,
    min_size: int = 3,
    graph: bool = False,
    dates: Mapping[str, str | None] | None = None,
) -> list[Event]:
    """Cluster claims into events by average linkage over meaning and names.

    Each claim is described by its embedding and a tf-idf vector of its names and content words,
    both smoothed with its neighbours and its article's mean (sentences on one event come in runs).

    Args:
        threshold: cosine distance at which clusters stop merging.
        context: weight of the neighbouring sentences of the same article (half for two away).
        article: weight of the claim's article mean.
        names: weight of the names-and-words vector against the embedding.
        min_size: smaller clusters join their nearest event.
        graph: cluster from a close-pair graph over explicit features (``graph.py``; the names
            part is a random projection of the tf-idf) instead of the full n x n similarity:
            memory grows with n, not n², for corpora beyond tens of thousands of claims.
        dates: article id -> ISO date, for the month in event titles (``titles.event_title``).
    """
    check_rows(claims, vectors)
    n = len(claims)
    if n == 0:
        return []
    if graph:
        labels = _graph_labels(claims, vectors, threshold, context, article, names, min_size)
    else:
        sim = _event_similarity(claims, vectors, context, article, names)
        if n == 1:
            labels = np.zeros(1, dtype=int)
        else:
            dist = np.clip(1.0 - sim, 0.0, 2.0)
            np.fill_diagonal(dist, 0.0)
            labels = average_labels(dist, threshold)
        labels = _absorb_small(labels, sim, min_size)
    events = []
    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        members[lab].append(i)
    for lab in sorted(members, key=lambda x: members[x][0]):
        idx = members[lab]
        cl = [claims[i] for i in idx]
        arts = tuple(dict.fromkeys(c.article_id for c in cl))
        events.append(
            Event(
                id=stable_id("e-", [c.id for c in cl]),
                label=event_title(cl, vectors[idx], dates),
                claims=tuple(c.id for c in cl),
                articles=arts,
            )
        )
    return events


def _event_similarity(
    claims: Sequence[Claim], vectors: np.ndarray, context: float, article: float, names: float
) -> np.ndarray:
    """Cosine similarity of the claims' event features: [smoothed embedding, names x smoothed
    tf-idf], each part unit-length. Computed part by part (the tf-idf stays sparse), which is the
    same as the cosine of the concatenated vectors but far cheaper."""
    smooth = _smoothing(claims, context, article)
    emb = _unit(smooth @ vectors.astype(np.float64))
    sim = emb @ emb.T
    try:
        tf = tfidf([c.content for c in claims], _event_terms)
    except EmptyVocabulary:  # no terms at all
        return sim
    t = smooth @ tf
    norms = np.sqrt(np.asarray(t.multiply(t).sum(axis=1)).ravel())
    t = _scale_rows(t, 1.0 / np.maximum(norms, 1e-12))
    has = (norms > 0).astype(np.float64)
    sim = sim + names**2 * (t @ t.T).toarray()
    joint = np.sqrt(1.0 + names**2 * has)
    return sim / np.outer(joint, joint)


PROJECTION_DIM = 256  # the names-and-words part of the graph features


def event_features(claims: Sequence[Claim], vectors: np.ndarray, context: float = 0.5,
                   article: float = 0.5, names: float = 1.0,
                   dim: int = PROJECTION_DIM) -> np.ndarray:
    """Unit rows whose dot products approximate ``_event_similarity``: the smoothed embedding
    and, weighted by ``names``, a seeded random projection of the smoothed tf-idf."""
    chunks = event_feature_chunks(claims, vectors, context, article, names, dim)
    parts = [rows for _, rows in chunks()]
    return np.concatenate(parts) if parts else np.zeros((0, vectors.shape[-1]), np.float32)


def event_feature_chunks(claims: Sequence[Claim], vectors: np.ndarray, context: float = 0.5,
                         article: float = 0.5, names: float = 1.0, dim: int = PROJECTION_DIM,
                         rows: int = 65_536) -> Callable[[], Iterator[tuple[int, np.ndarray]]]:
    """``event_features`` a run of whole articles at a time (about ``rows`` rows): a function
    that yields (first row, features) in order, each call computing them afresh, so a million
    claims never hold all their features (2.6 GB) at once. The tf-idf is fitted once."""
    codes = _article_codes(claims)
    n = len(claims)
    try:
        tf = tfidf([c.content for c in claims], _event_terms, np.float32)
    except EmptyVocabulary:  # no terms at all
        tf = None
    proj = (np.random.default_rng(0).standard_normal((tf.shape[1], dim)).astype(np.float32)
            / np.sqrt(dim)) if tf is not None else None
    if _contiguous(codes):  # smooth_rows needs each article's claims in one run
        edges = np.r_[np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]), n]  # article starts
        cuts = edges[np.searchsorted(edges, np.arange(rows, n, rows))]  # the next start on
        bounds = sorted({0, *cuts.tolist(), n})
        spans = list(zip(bounds[:-1], bounds[1:], strict=True))

        def smooth(r0: int, r1: int, x: np.ndarray) -> np.ndarray:
            local = codes[r0:r1] - codes[r0]
            return smooth_rows(local, x, context, article)
    else:  # the sparse n x n operator, whole
        spans = [(0, n)] if n else []
        op = _smoothing(claims, context, article)

        def smooth(r0: int, r1: int, x: np.ndarray) -> np.ndarray:
            return np.asarray(op @ x, dtype=np.float32)

    def chunks() -> Iterator[tuple[int, np.ndarray]]:
        for r0, r1 in spans:
            emb = _unit(smooth(r0, r1, np.array(vectors[r0:r1], dtype=np.float32)))
            if tf is None:
                yield r0, emb.astype(np.float32)
                continue
            t = smooth(r0, r1, np.asarray(tf[r0:r1] @ proj, dtype=np.float32))
            norms = np.linalg.norm(t, axis=1, keepdims=True)
            has = (norms > 1e-9).astype(np.float32)
            t = t / np.maximum(norms, 1e-12)
            yield r0, (np.hstack([emb, names * t]) / np.sqrt(1.0 + names**2 * has)
                       ).astype(np.float32)

    return chunks


def _article_codes(claims: Sequence[Claim]) -> np.ndarray:
    """An integer per claim for its article (claims of one article must be contiguous)."""
    seen: dict[str, int] = {}
    return np.array([seen.setdefault(c.article_id, len(seen)) for c in claims], np.int64)


def _contiguous(codes: np.ndarray) -> bool:
    """Whether each article's claims form one run."""
    runs = 1 + int(np.count_nonzero(codes[1:] != codes[:-1])) if len(codes) else 0
    return runs == len(np.unique(codes))


def smooth_rows(codes: np.ndarray, x: np.ndarray, context: float, article: float) -> np.ndarray:
    """Each row plus its article neighbours (``context`` one away, half that two away) and
    ``article`` times its article's mean: ``_smoothing(...) @ x`` without the n x n operator."""
    out = x.copy()
    for dist, w in ((1, context), (2, context / 2)):
        same = codes[dist:] == codes[:-dist]
        out[dist:][same] += w * x[:-dist][same]
        out[:-dist][same] += w * x[dist:][same]
    k = int(codes.max()) + 1 if len(codes) else 0
    sums = np.zeros((k, x.shape[1]), x.dtype)
    np.add.at(sums, codes, x)
    counts = np.bincount(codes, minlength=k).astype(x.dtype)
    return out + article * (sums / counts[:, None])[codes]


def _graph_labels(claims: Sequence[Claim], vectors: np.ndarray, threshold: float,
                  context: float, article: float, names: float, min_size: int) -> np.ndarray:
    """Event labels from the close-pair graph (see ``graph.py``): the exact similarity up to
    ``graph.EXACT_MAX`` claims (the same events as the dense path), beyond it projected features
    held in an 8-bit index (``graph.Quantized``)."""
    from .graph import EXACT_MAX, Quantized, absorb_small, average_linkage, close_pairs

    space: Any
    if len(claims) <= EXACT_MAX:
        space = EventSpace(claims, vectors, context, article, names)
    else:  # features streamed into an 8-bit index: ~0.8 GB at a million claims, not 2.6 GB
        chunks = event_feature_chunks(claims, vectors, context, article, names)
        dim = next(iter(chunks()))[1].shape[1]
        space = Quantized.build(chunks, len(claims), dim)
    labels = average_linkage(space, close_pairs(space, 1.0 - threshold), threshold)
    return absorb_small(space, labels, min_size)


class EventSpace:
    """``_event_similarity`` block by block: the smoothed embedding (dense) and the smoothed
    tf-idf (sparse), each unit-length, joined with weight ``names``. Exact, memory ~ n."""

    def __init__(self, claims: Sequence[Claim], vectors: np.ndarray, context: float = 0.5,
                 article: float = 0.5, names: float = 1.0) -> None:
        self.n, self.names = len(claims), names
        self._args = (claims, vectors, context, article, names)
        smooth = _smoothing(claims, context, article)
        self.emb = _unit(smooth @ vectors.astype(np.float64))
        try:
            tf = tfidf([c.content for c in claims], _event_terms)
        except EmptyVocabulary:  # no terms at all
            from scipy import sparse

            tf = sparse.csr_matrix((self.n, 1))
        t = (smooth @ tf).tocsr()
        norms = np.sqrt(np.asarray(t.multiply(t).sum(axis=1)).ravel())
        self.t = _scale_rows(t, 1.0 / np.maximum(norms, 1e-12)).tocsr()
        self.joint = np.sqrt(1.0 + names**2 * (norms > 0))

    def block(self, r0: int, r1: int, c0: int) -> np.ndarray:
        """Similarities of claims r0:r1 to claims c0:n."""
        sim = self.emb[r0:r1] @ self.emb[c0:].T
        sim += self.names**2 * (self.t[r0:r1] @ self.t[c0:].T).toarray()
        return sim / np.outer(self.joint[r0:r1], self.joint[c0:])

    def among(self, idx: np.ndarray) -> np.ndarray:
        """The similarity matrix among claims ``idx``."""
        return self.between(idx, idx)

    def between(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarities of claims ``rows`` to claims ``cols``."""
        sim = self.emb[rows] @ self.emb[cols].T
        sim += self.names**2 * (self.t[rows] @ self.t[cols].T).toarray()
        return sim / np.outer(self.joint[rows], self.joint[cols])

    def features(self) -> np.ndarray:
        """Projected features (``event_features``), for components too big for a matrix."""
        return event_features(*self._args)

    def mean_sims(self, labels: np.ndarray, clusters: np.ndarray,
                  rows: np.ndarray) -> np.ndarray:
        """Mean similarity of ``rows`` to each cluster: dot products with centroids of the
        joined (dense + sparse) features."""
        from scipy import sparse

        pos = np.full(int(labels.max()) + 1, -1, np.int64)
        pos[clusters] = np.arange(len(clusters))
        mine = np.flatnonzero(pos[labels] >= 0)
        counts = np.bincount(pos[labels[mine]], minlength=len(clusters)).astype(np.float64)
        member = sparse.csr_matrix(
            (1.0 / (counts[pos[labels[mine]]] * self.joint[mine]), (pos[labels[mine]], mine)),
            shape=(len(clusters), self.n))
        sim = self.emb[rows] @ (member @ self.emb).T
        sim += self.names**2 * (self.t[rows] @ (member @ self.t).T).toarray()
        return sim / self.joint[rows][:, None]


# Beyond LONG_ARTICLE claims, an article's "mean" is taken over ARTICLE_WINDOW claims either side.
LONG_ARTICLE, ARTICLE_WINDOW = 500, 100


def _smoothing(claims: Sequence[Claim], context: float, article: float):  # noqa: ANN202
    """Sparse n x n operator: each claim plus its neighbours (1 and 2 away) and article mean."""
    from scipy import sparse

    rows, cols, vals = [], [], []
    by_art: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_art[c.article_id].append(i)
    for idx in by_art.values():
        k = len(idx)
        for p, i in enumerate(idx):
            rows.append(i)
            cols.append(i)
            vals.append(1.0)
            for dist, w in ((1, context), (2, context / 2)):
                for q in (p - dist, p + dist):
                    if 0 <= q < k and abs(idx[q] - i) == dist:
                        rows.append(i)
                        cols.append(idx[q])
                        vals.append(w)
            # The article's mean; in a very long article, the mean of the claims around this one
            # (the whole article's would make every row dense: 5,000 sentences, 25 M entries).
            lo, hi = (0, k) if k <= LONG_ARTICLE else (max(0, p - ARTICLE_WINDOW),
                                                        min(k, p + ARTICLE_WINDOW + 1))
            for j in idx[lo:hi]:
                rows.append(i)
                cols.append(j)
                vals.append(article / (hi - lo))
    n = len(claims)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def _scale_rows(m, factors: np.ndarray):  # noqa: ANN001, ANN202
    from scipy import sparse

    return sparse.diags(factors) @ m


def _event_terms(text: str) -> list[str]:
    return [m.key for m in entities(text)] + list(content_tokens(text))


def _absorb_small(labels: np.ndarray, sim: np.ndarray, min_size: int) -> np.ndarray:
    """Claims of clusters smaller than ``min_size`` join the big cluster they are closest to on
    average (the same as the nearest centroid of the unit feature vectors)."""
    counts = Counter(labels.tolist())
    big = [lab for lab, k in counts.items() if k >= min_size]
    if not big or len(big) == len(counts):
        return labels
    cols = np.stack([sim[:, labels == lab].mean(axis=1) for lab in big], axis=1)
    out = labels.copy()
    for i, lab in enumerate(labels):
        if counts[int(lab)] < min_size:
            out[i] = big[int(np.argmax(cols[i]))]
    return out


# Distance thresholds for clustering whole documents, chosen on the ECB+ *train* topics (1-35 less
# the dev topics) by `python benchmarks/tune_events.py` (best B³-F1 there); test topics unseen.
DOC_TOPIC_THRESHOLD, DOC_TOPIC_NAMES = 0.85, 2.0  # coarse: what the story is about
DOC_EVENT_THRESHOLD, DOC_EVENT_NAMES = 0.55, 1.0  # fine: which happening of that kind


def document_features(
    claims_by_doc: Sequence[Sequence[Claim]], vectors: np.ndarray, names: float = 1.0
) -> np.ndarray:
    """One row per document: the mean of its claims' embeddings and a tf-idf of its names and
    words (both L2-normalised, the second weighted by ``names``)."""
    n_claims = sum(len(cs) for cs in claims_by_doc)
    if vectors.shape[0] != n_claims:
        raise ValueError(f"{vectors.shape[0]} vectors for {n_claims} claims")
    dim = vectors.shape[1] if vectors.ndim == 2 else 1
    emb = np.zeros((len(claims_by_doc), dim))
    pos = 0
    for d, cs in enumerate(claims_by_doc):
        if cs:
            emb[d] = vectors[pos : pos + len(cs)].mean(axis=0)
        pos += len(cs)
    texts = [" ".join(c.content for c in cs) for cs in claims_by_doc]
    try:
        tf = (
            tfidf(texts, _event_terms).toarray()
        )
    except EmptyVocabulary:
        tf = np.zeros((len(texts), 1))
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    tf /= np.maximum(np.linalg.norm(tf, axis=1, keepdims=True), 1e-12)
    feats = np.hstack([emb, names * tf])
    return feats / np.maximum(np.linalg.norm(feats, axis=1, keepdims=True), 1e-12)


def cluster_documents(
    claims_by_doc: Sequence[Sequence[Claim]],
    vectors: np.ndarray,
    threshold: float = DOC_EVENT_THRESHOLD,
    names: float = 1.0,
) -> list[int]:
    """A cluster label per document (average linkage, cosine distance below ``threshold``)."""
    if len(claims_by_doc) < 2:
        return [0] * len(claims_by_doc)
    feats = document_features(claims_by_doc, vectors, names)
    # Precomputed cosine distances: a document with no claims (all page chrome) has a zero row,
    # which a cosine metric would refuse; here it is simply far from everything.
    dist = np.clip(1.0 - feats @ feats.T, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    return [int(x) for x in average_labels(dist, threshold)]
