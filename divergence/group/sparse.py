"""Tf-idf and average-linkage clusters with NumPy and SciPy alone.

The report path used scikit-learn's ``TfidfVectorizer`` and ``AgglomerativeClustering`` for these
two small jobs, and importing scikit-learn took about 0.6 s of every run (a twelfth of a report
on the ECB+ workload). These give the same numbers and the same partitions
(``tests/test_sparse.py`` checks them against scikit-learn where it is installed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..background import beside
from ..errors import DivergenceError

if TYPE_CHECKING:
    from scipy import sparse


class EmptyVocabulary(DivergenceError, ValueError):
    """No document gave a single term (scikit-learn raises ValueError here too)."""


def tfidf(texts: Sequence[str], analyzer: Callable[[str], Sequence[str]],
          dtype: type = np.float64) -> sparse.csr_matrix:
    """Rows of L2-normalised tf-idf, ``TfidfVectorizer(analyzer=..., sublinear_tf=True)``'s
    recipe: 1 + log(count), smoothed idf ln((1 + n) / (1 + df)) + 1, columns in term order.
    SciPy is imported here, not with the module: a report imports it beside the embedder
    (``import_ahead``), not before reading its articles (~0.07 s)."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    cols: list[int] = []
    counts_of: list[int] = []
    indptr = [0]
    for text in texts:
        counts: dict[int, int] = {}
        for term in analyzer(text):
            j = vocab.setdefault(term, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        cols.extend(counts)
        counts_of.extend(counts.values())
        indptr.append(len(cols))
    values = np.array(counts_of, dtype=dtype)
    if not vocab:
        raise EmptyVocabulary("empty vocabulary: no document has a term")
    rank = np.empty(len(vocab), dtype=np.int64)  # columns sorted by term, as scikit-learn's
    rank[np.array([vocab[t] for t in sorted(vocab)])] = np.arange(len(vocab))
    x = sparse.csr_matrix((values, rank[np.array(cols, dtype=np.int64)], np.array(indptr)),
                          shape=(len(texts), len(vocab)), dtype=dtype)
    x.sort_indices()
    df = np.bincount(x.indices, minlength=len(vocab))
    idf = (np.log((len(texts) + 1) / (df + 1)) + 1.0).astype(dtype)
    np.log(x.data, x.data)
    x.data += 1
    x.data *= idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x.data /= np.repeat(norms, np.diff(x.indptr)).astype(dtype)
    return x


def import_ahead() -> threading.Thread:
    """Import what ``tfidf`` and ``average_labels`` import late (SciPy's sparse matrices and
    clustering: ~0.25 s, paid by every report's events) on a daemon thread, for a caller that
    waits on a model meanwhile (``pipeline.embed_claims``: the embedder frees the GIL). An
    error is left for the real import to raise; the process waits for the thread before it
    exits (``background.beside``)."""

    def run() -> None:
        import scipy.cluster.hierarchy  # noqa: F401
        import scipy.sparse  # noqa: F401
        import scipy.spatial.distance  # noqa: F401

    return beside(run, "import-clustering")


def average_labels(dist: np.ndarray, threshold: float) -> np.ndarray:
    """Flat clusters of average linkage over a square distance matrix, merging only below
    ``threshold``: ``AgglomerativeClustering(linkage="average", metric="precomputed",
    distance_threshold=threshold)``'s partition (scikit-learn runs the same SciPy linkage).
    Labels are 0-based; their numbering is not scikit-learn's."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(dist)
    if n < 2:
        return np.zeros(n, dtype=np.int64)
    tree = linkage(squareform(dist, checks=False), method="average")
    return (fcluster(tree, t=np.nextafter(threshold, -np.inf), criterion="distance") - 1
            ).astype(np.int64)
