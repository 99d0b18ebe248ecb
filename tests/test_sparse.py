"""The scikit-learn-free tf-idf and average linkage give scikit-learn's numbers and partitions."""

from __future__ import annotations

import numpy as np
import pytest

from divergence.group.sparse import EmptyVocabulary, average_labels, tfidf

TEXTS = ["Rebels took Goma on Monday.", "Goma fell to the rebels; the army denied it.",
         "", "The army said 12 soldiers died in Goma on Monday.", "the the the"]


def _words(text: str) -> list[str]:
    return text.lower().replace(".", "").replace(";", "").replace(",", "").split()


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tfidf_is_scikit_learns(dtype: type) -> None:
    sk = pytest.importorskip("sklearn.feature_extraction.text")
    want = sk.TfidfVectorizer(analyzer=_words, sublinear_tf=True, dtype=dtype).fit_transform(TEXTS)
    got = tfidf(TEXTS, _words, dtype)
    assert got.dtype == dtype and got.shape == want.shape
    assert np.allclose(got.toarray(), want.toarray(), atol=1e-6)
    assert np.allclose(np.linalg.norm(got.toarray()[0]), 1.0)
    assert not got.toarray()[2].any()  # an empty text is a zero row


def test_tfidf_without_any_term_says_so() -> None:
    with pytest.raises(EmptyVocabulary):
        tfidf(["", " "], _words)
    with pytest.raises(ValueError):  # what callers written for scikit-learn caught
        tfidf([], _words)


@pytest.mark.parametrize("n", [1, 2, 3, 12, 150])
@pytest.mark.parametrize("threshold", [0.2, 0.6, 1.0])
def test_average_labels_partition_is_scikit_learns(n: int, threshold: float) -> None:
    cluster = pytest.importorskip("sklearn.cluster")
    rng = np.random.default_rng(n)
    v = rng.normal(size=(n, 6))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    dist = np.clip(1.0 - v @ v.T, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    got = average_labels(dist, threshold)
    assert len(got) == n
    if n < 2:
        assert list(got) == [0] * n
        return
    want = cluster.AgglomerativeClustering(n_clusters=None, metric="precomputed",
                                           linkage="average",
                                           distance_threshold=threshold).fit_predict(dist)
    pairs = set(zip(got.tolist(), want.tolist(), strict=True))
    assert len(pairs) == len(set(got.tolist())) == len(set(want.tolist()))


@pytest.mark.parametrize("threshold", [0.0, 0.25, 0.5, 0.75])
def test_average_labels_ties_at_the_threshold_do_not_merge(threshold: float) -> None:
    """Distances on a coarse grid tie exactly at the threshold: scikit-learn merges only below."""
    cluster = pytest.importorskip("sklearn.cluster")
    rng = np.random.default_rng(7)
    for _ in range(20):
        d = rng.integers(0, 5, (9, 9)) / 4
        dist = np.triu(d, 1) + np.triu(d, 1).T
        got = average_labels(dist, threshold)
        want = cluster.AgglomerativeClustering(n_clusters=None, metric="precomputed",
                                               linkage="average",
                                               distance_threshold=threshold).fit_predict(dist)
        pairs = set(zip(got.tolist(), want.tolist(), strict=True))
        assert len(pairs) == len(set(got.tolist())) == len(set(want.tolist()))
