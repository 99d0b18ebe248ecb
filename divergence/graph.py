"""Neighbour graphs for grouping at scale: close pairs without an n x n matrix, and average
linkage cut at a threshold, done one connected component at a time.

Two clusters can only merge under average linkage at distance ``t`` through at least one pair
closer than ``t``, so every cluster lies inside one component of the graph of such pairs;
clustering each component alone gives the same clusters as clustering everything at once,
provided the graph holds every close pair. ``close_pairs`` finds them exactly (blocked matrix
products, time n², memory block x n) up to ``EXACT_MAX`` rows, and from a k-nearest-neighbour
graph (FAISS HNSW) beyond it, which can miss pairs: its agreement with exact grouping is
measured in benchmarks/grouping.py, not assumed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np

EXACT_MAX = 50_000  # rows up to which close pairs are found exactly
DENSE_COMPONENT = 4_000  # components up to this size are clustered on their full distance matrix
MAX_PER_ROW = 256  # close pairs kept per row at most (see close_pairs)
CONDENSED_COMPONENT = 12_000  # up to here, exact linkage on the condensed distances (~0.6 GB)

Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]  # (i, j, similarity) with i < j


class Space(Protocol):
    """Rows with a cosine-like similarity: what the graph functions cluster."""

    n: int

    def block(self, r0: int, r1: int, c0: int) -> np.ndarray:
        """Similarities of rows r0:r1 to rows c0:n (dense)."""
        ...

    def among(self, idx: np.ndarray) -> np.ndarray:
        """The full similarity matrix among rows ``idx``."""
        ...

    def between(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarities of rows ``rows`` to rows ``cols``."""
        ...

    def features(self) -> np.ndarray:
        """Unit rows whose dot products are (or approximate) the similarity: for neighbour
        search and for components too big for a full matrix."""
        ...

    def mean_sims(self, labels: np.ndarray, clusters: np.ndarray,
                  rows: np.ndarray) -> np.ndarray:
        """Mean similarity of each of ``rows`` to the members of each of ``clusters``."""
        ...


class Vectors:
    """Unit rows under the dot product (cosine)."""

    def __init__(self, x: np.ndarray) -> None:
        self.x = np.ascontiguousarray(x, dtype=np.float32)
        self.n = self.x.shape[0]

    def block(self, r0: int, r1: int, c0: int) -> np.ndarray:
        """Similarities of rows r0:r1 to rows c0:n."""
        return self.x[r0:r1] @ self.x[c0:].T

    def among(self, idx: np.ndarray) -> np.ndarray:
        """The similarity matrix among rows ``idx``."""
        return self.between(idx, idx)

    def between(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarities of rows ``rows`` to rows ``cols``."""
        return self.x[rows].astype(np.float64) @ self.x[cols].astype(np.float64).T

    def features(self) -> np.ndarray:
        """The rows themselves."""
        return self.x

    def mean_sims(self, labels: np.ndarray, clusters: np.ndarray,
                  rows: np.ndarray) -> np.ndarray:
        """Mean similarity of each of ``rows`` to the members of each of ``clusters``."""
        return self.x[rows] @ _centroids(self.x, labels, clusters).T


def _centroids(x: np.ndarray, labels: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    """Mean row of each cluster in ``clusters``, float32."""
    pos = np.full(int(labels.max()) + 1, -1, np.int64)
    pos[clusters] = np.arange(len(clusters))
    sums = np.zeros((len(clusters), x.shape[1]), np.float64)
    mine = pos[labels] >= 0
    np.add.at(sums, pos[labels[mine]], x[mine])
    counts = np.bincount(pos[labels[mine]], minlength=len(clusters))
    return (sums / np.maximum(counts, 1)[:, None]).astype(np.float32)


def absorb_small(space: Space, labels: np.ndarray, min_size: int) -> np.ndarray:
    """Rows of clusters smaller than ``min_size`` join the big cluster they are closest to on
    average (in blocks of rows; no n x n matrix)."""
    counts = np.bincount(labels)
    big = np.flatnonzero(counts >= min_size)
    small = np.flatnonzero(counts[labels] < min_size)
    if not len(big) or not len(small):
        return labels
    out = labels.copy()
    for r0 in range(0, len(small), 4096):
        rows = small[r0 : r0 + 4096]
        out[rows] = big[np.argmax(space.mean_sims(labels, big, rows), axis=1)]
    return out


def as_space(x: np.ndarray | Space) -> Space:
    """Plain arrays are ``Vectors``."""
    return Vectors(x) if isinstance(x, np.ndarray) else x


def close_pairs(x: np.ndarray | Space, threshold: float, k: int = 30,
                exact_max: int | None = None, block: int = 2048,
                keep: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
                max_per_row: int = MAX_PER_ROW) -> Pairs:
    """Pairs i < j with similarity at least ``threshold``.

    Exact up to ``exact_max`` rows [default ``EXACT_MAX``], except that a row with more than
    ``max_per_row`` close rows after it keeps only its closest ones (so a corpus where
    everything is close cannot fill memory); beyond, only among each row's ``k`` nearest
    neighbours by the space's features.

    Args:
        keep: optional filter ``keep(i, j) -> bool mask`` applied to candidate pairs.
    """
    space = as_space(x)
    n = space.n
    exact_max = EXACT_MAX if exact_max is None else exact_max
    if n < 2:
        empty = np.zeros(0, np.int64)
        return empty, empty.copy(), np.zeros(0, np.float32)
    if n <= exact_max:
        ii, jj, ss = [], [], []
        for r0 in range(0, n, block):
            r1 = min(n, r0 + block)
            sims = space.block(r0, r1, r0)  # only columns >= r0: the upper triangle
            rows, cols = np.nonzero(sims >= threshold)
            upper = cols > rows
            rows, cols = rows[upper], cols[upper]
            vals = sims[rows, cols]
            if keep is not None and len(rows):  # filter first, so the cap keeps wanted pairs
                mask = keep(rows + r0, cols + r0)
                rows, cols, vals = rows[mask], cols[mask], vals[mask]
            if len(rows) and np.bincount(rows).max() > max_per_row:
                # keep each row's closest pairs only (bounded memory when everything is close)
                order = np.lexsort((-vals, rows))
                rows, cols, vals = rows[order], cols[order], vals[order]
                first = np.searchsorted(rows, rows)  # start of each row's run
                ok = np.arange(len(rows)) - first < max_per_row
                rows, cols, vals = rows[ok], cols[ok], vals[ok]
            ii.append(rows + r0)
            jj.append(cols + r0)
            ss.append(vals)
        i, j, s = (np.concatenate(ii).astype(np.int64), np.concatenate(jj).astype(np.int64),
                   np.concatenate(ss).astype(np.float32))
    else:
        i, j, s = knn_pairs(space.features(), k)
        above = s >= threshold
        i, j, s = i[above], j[above], s[above]
        if keep is not None and len(i):
            mask = keep(i, j)
            i, j, s = i[mask], j[mask], s[mask]
    return i, j, s
_LAST: list = []  # the last knn_pairs call: (key, array, result); grouping asks twice per run


def knn_pairs(x: np.ndarray, k: int, ef_search: int = 64) -> Pairs:
    """Each row's ``k`` nearest neighbours (FAISS HNSW, inner product), as deduplicated pairs.

    The last result is kept: voices and candidate pairs ask for the same graph over the same
    vectors, and building it is the expensive part at a million rows.
    """
    key = (x.__array_interface__["data"][0], x.shape, x.dtype.str, k, ef_search)
    if _LAST and _LAST[0][0] == key and _LAST[0][1] is x:
        return _LAST[0][2]
    out = _knn_pairs(x, k, ef_search)
    _LAST[:] = [(key, x, out)]
    return out


def forget() -> None:
    """Drop the kept neighbour graph (and its reference to the vectors)."""
    _LAST.clear()


def _knn_pairs(x: np.ndarray, k: int, ef_search: int) -> Pairs:
    from .ann import HNSWIndex

    index = HNSWIndex(ef_search=max(ef_search, k)).fit(x)
    n = x.shape[0]
    ids, sims = [], []
    for r0 in range(0, n, 65_536):  # bounded memory for the result arrays
        got_ids, got_sims = index.search(x[r0 : r0 + 65_536], k + 1)
        ids.append(got_ids)
        sims.append(got_sims)
    nb, sv = np.concatenate(ids), np.concatenate(sims)
    rows = np.repeat(np.arange(n, dtype=np.int64), nb.shape[1])
    cols, s = nb.ravel(), sv.ravel()
    ok = (cols >= 0) & (cols != rows)
    lo, hi = np.minimum(rows[ok], cols[ok]), np.maximum(rows[ok], cols[ok])
    key = lo * n + hi
    _, first = np.unique(key, return_index=True)
    return lo[first], hi[first], s[ok][first].astype(np.float32)


def components(n: int, pairs: Pairs) -> np.ndarray:
    """A component label per row of the graph with ``pairs`` as edges."""
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    i, j, _ = pairs
    graph = sparse.coo_matrix((np.ones(len(i), np.int8), (i, j)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def average_linkage(x: np.ndarray | Space, pairs: Pairs, threshold: float) -> np.ndarray:
    """Average-linkage clusters of unit rows cut at cosine distance ``threshold``, one component
    of the close-pair graph at a time (exact when ``pairs`` holds every pair closer than it).

    Components up to ``DENSE_COMPONENT`` rows use their full distance matrix, up to
    ``CONDENSED_COMPONENT`` the condensed one (both exact); larger ones are split into pieces
    that fit first (approximate; see ``_split_giant``).
    """
    space = as_space(x)
    n = space.n
    labels = np.full(n, -1, np.int64)
    comp = components(n, pairs)
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.diff(comp[order])) + 1
    next_label = 0
    for members in np.split(order, bounds):
        if len(members) == 1:
            labels[members] = next_label
            next_label += 1
            continue
        sub = _cluster_component(space, members, pairs, threshold)
        labels[members] = sub + next_label
        next_label += int(sub.max()) + 1
    return labels


def _cluster_component(space: Space, members: np.ndarray, pairs: Pairs,
                       threshold: float) -> np.ndarray:
    """Average linkage inside one component: exact on its full distance matrix up to
    ``DENSE_COMPONENT`` rows and on the condensed one up to ``CONDENSED_COMPONENT``; beyond,
    split into pieces that fit (``_split_giant``: approximate)."""
    from sklearn.cluster import AgglomerativeClustering

    if len(members) <= DENSE_COMPONENT:
        dist = np.clip(1.0 - space.among(members), 0.0, 2.0)
        np.fill_diagonal(dist, 0.0)
        return AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average",
            distance_threshold=threshold).fit_predict(dist)
    if len(members) <= CONDENSED_COMPONENT:
        return _condensed_average(space, members, threshold)
    return _split_giant(space, members, pairs, threshold)


def _split_giant(space: Space, members: np.ndarray, pairs: Pairs,
                 threshold: float) -> np.ndarray:
    """A component too big for exact linkage: raise the similarity its edges must reach until
    every piece fits ``CONDENSED_COMPONENT``, then cluster each piece exactly. Approximate (no
    cluster spans two pieces) but memory stays bounded; the neighbour-link linkage this
    replaces peaked at 23 GB on 30,000 synthetic claims."""
    pos = np.full(space.n, -1, np.int64)
    pos[members] = np.arange(len(members))
    i, j, sim = pairs
    inside = (pos[i] >= 0) & (pos[j] >= 0)
    li, lj, ls = pos[i[inside]], pos[j[inside]], sim[inside]
    floor = 1.0 - threshold
    m = len(members)
    while True:
        floor += (1.0 - floor) / 4
        keep = ls >= floor
        comp = components(m, (li[keep], lj[keep], ls[keep]))
        if np.bincount(comp).max() <= CONDENSED_COMPONENT or floor > 0.999:
            break
    labels = np.zeros(m, np.int64)
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.diff(comp[order])) + 1
    next_label = 0
    for piece in np.split(order, bounds):
        for k in range(0, len(piece), CONDENSED_COMPONENT):  # a clique of near-copies: cut it
            part = piece[k : k + CONDENSED_COMPONENT]
            sub = (_condensed_average(space, members[part], threshold) if len(part) > 1
                   else np.zeros(1, np.int64))
            labels[part] = sub + next_label
            next_label += int(sub.max()) + 1
    return labels


def _condensed_average(space: Space, members: np.ndarray, threshold: float,
                       chunk: int = 1024) -> np.ndarray:
    """Exact average linkage (scipy, the same UPGMA scikit-learn runs) on the condensed distance
    vector, filled a block of rows at a time: half the memory of the square matrix, so
    components of ``CONDENSED_COMPONENT`` rows fit in about 0.6 GB."""
    from scipy.cluster.hierarchy import fcluster, linkage

    m = len(members)
    cond = np.empty(m * (m - 1) // 2, np.float64)
    at = 0
    for r0 in range(0, m, chunk):
        rows = members[r0 : r0 + chunk]
        block = np.clip(1.0 - space.between(rows, members[r0:]), 0.0, 2.0)
        for k in range(len(rows)):
            tail = block[k, k + 1 :]
            cond[at : at + len(tail)] = tail
            at += len(tail)
    tree = linkage(cond, method="average")
    # merges at a distance below the threshold, as scikit-learn's distance_threshold cuts
    return fcluster(tree, t=np.nextafter(threshold, 0.0), criterion="distance") - 1
