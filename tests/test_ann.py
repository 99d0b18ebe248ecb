"""The HNSW index: recall against exact search, persistence, staleness, and a missing faiss."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from divergence.corpus import ann
from divergence.corpus.ann import IndexFile, choose_index, corpus_key
from divergence.corpus.score import INDEXES, ExactIndex, build_index, load_or_build
from divergence.corpus.store import Corpus
from divergence.errors import DivergenceError
from divergence.records import Article, Claim


def _unit(n: int, d: int = 64, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


VECTORS, QUERIES = _unit(2_000), _unit(100, seed=1)


def _recall(truth: np.ndarray, got: np.ndarray) -> float:
    return float(np.mean([len(set(t) & set(g)) / len(t) for t, g in zip(truth, got, strict=True)]))


def test_hnsw_recall_against_exact() -> None:
    pytest.importorskip("faiss")
    truth, exact_sims = ExactIndex().fit(VECTORS).search(QUERIES, 10)
    ids, sims = build_index("hnsw", VECTORS).search(QUERIES, 10)
    assert ids.shape == sims.shape == (100, 10)
    assert ids.dtype == np.int64 and sims.dtype == np.float32
    assert _recall(truth, ids) >= 0.95
    assert np.all(np.diff(sims, axis=1) <= 1e-6)  # best first
    np.testing.assert_allclose(sims[:, 0], exact_sims[:, 0], atol=1e-5)


def test_hnsw_small_and_empty() -> None:
    pytest.importorskip("faiss")
    ids, sims = INDEXES.make("hnsw").fit(VECTORS[:3]).search(QUERIES[:2], 10)
    assert ids.shape == (2, 3) and set(ids[0]) == {0, 1, 2}
    ids, _ = INDEXES.make("hnsw").fit(VECTORS[:0]).search(QUERIES[:2], 5)
    assert ids.shape == (2, 0)


def test_save_load_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("faiss")
    index = ann.HNSWIndex().fit(VECTORS)
    index.save(tmp_path / "x.index")
    loaded = ann.HNSWIndex.load(tmp_path / "x.index")
    assert (loaded.m, loaded.ef_construction, loaded.ef_search) == (32, 100, 128)
    for a, b in zip(index.search(QUERIES, 10), loaded.search(QUERIES, 10), strict=True):
        np.testing.assert_array_equal(a, b)
    assert [p.name for p in tmp_path.iterdir()] == ["x.index"]  # no temp file left behind


def test_load_corrupt_file_is_a_clean_error(tmp_path: Path) -> None:
    pytest.importorskip("faiss")
    (tmp_path / "bad.index").write_bytes(b"junk")
    with pytest.raises(DivergenceError, match="cannot read index"):
        ann.HNSWIndex.load(tmp_path / "bad.index")


def _stored(db: Path, vectors: np.ndarray, model: str = "minilm", per: int = 100) -> Corpus:
    """A corpus at ``db`` holding ``vectors`` as claims of synthetic articles, ``per`` each."""
    corpus = Corpus(db)
    arts = [Article(f"a{k}", f"a{k}.txt", f"text {k}", f"source {k}")
            for k in range((len(vectors) + per - 1) // per)]
    claims = [Claim(f"a{i // per}:{i % per}", f"a{i // per}", f"claim {i}", 0, 4)
              for i in range(len(vectors))]
    corpus.add(arts, claims, vectors, model)
    return corpus


def test_load_or_build_reuses_and_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("faiss")
    builds = []
    fit = ann.HNSWIndex.fit

    def counting_fit(self: ann.HNSWIndex, vectors: np.ndarray) -> ann.HNSWIndex:
        builds.append(len(vectors))
        return fit(self, vectors)

    monkeypatch.setattr(ann.HNSWIndex, "fit", counting_fit)
    db = tmp_path / "corpus.db"
    with _stored(db, VECTORS[:1_900]) as corpus:
        first = load_or_build(db, "hnsw", corpus)
        assert builds == [1_900] and IndexFile(db).is_fresh(corpus_key(corpus))
        again = load_or_build(db, "hnsw", corpus)
        assert builds == [1_900]  # reused from disk, with its row numbers
        np.testing.assert_array_equal(first.rows, again.rows)
        np.testing.assert_array_equal(first.index.search(QUERIES, 5)[0],
                                      again.index.search(QUERIES, 5)[0])
        extra = Article("b", "b.txt", "text b", "source b")
        corpus.add([extra], [Claim(f"b:{i}", "b", "c", 0, 1) for i in range(100)],
                   VECTORS[1_900:], "minilm")
        grown = load_or_build(db, "hnsw", corpus)
        assert builds == [1_900, 2_000] and len(grown.rows) == 2_000  # the corpus grew
        corpus.replace_vectors(VECTORS[::-1].copy(), "other-model")
        load_or_build(db, "hnsw", corpus)
        assert len(builds) == 3  # re-embedded with another model
        IndexFile(db).path.write_bytes(b"junk")
        load_or_build(db, "hnsw", corpus)
        assert len(builds) == 4  # corrupt file
        IndexFile(db).rows.unlink()
        load_or_build(db, "hnsw", corpus)
        assert len(builds) == 5  # missing row numbers
        load_or_build(db, "hnsw", corpus)
        assert len(builds) == 5
    # Another database at the same path, same size and write count: not this index.
    db.unlink()
    with _stored(db, VECTORS[:1_900]):
        pass
    with _stored(db.with_name("x.db"), VECTORS[:1_900]) as other, Corpus(db) as corpus:
        assert corpus_key(corpus) != corpus_key(other)
        load_or_build(db, "hnsw", corpus)
        assert len(builds) == 6


def test_index_rows_point_at_the_claims(tmp_path: Path) -> None:
    pytest.importorskip("faiss")
    with _stored(tmp_path / "c.db", VECTORS[:500]) as corpus:
        built = load_or_build(tmp_path / "c.db", "hnsw", corpus)
        pos, _ = built.index.search(VECTORS[[7, 321]], 1)
        found = corpus.claims_at(built.rows[pos[:, 0]].tolist())
        assert sorted(c.text for c, _ in found.values()) == ["claim 321", "claim 7"]
        for c, v in found.values():
            np.testing.assert_array_equal(v, VECTORS[int(c.text.split()[1])])


def test_load_or_build_exact_writes_nothing(tmp_path: Path) -> None:
    with _stored(tmp_path / "c.db", VECTORS[:300]) as corpus:
        built = load_or_build(tmp_path / "c.db", "exact", corpus)
        assert isinstance(built.index, ExactIndex) and len(built.rows) == 300
    assert sorted(p.name for p in tmp_path.iterdir() if "index" in p.name) == []


def test_missing_faiss_is_a_clean_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "faiss", None)  # makes `import faiss` raise ImportError
    with pytest.raises(DivergenceError, match=r"pip install 'divergence\[ann\]'"):
        INDEXES.make("hnsw").fit(VECTORS)


def test_choose_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ann, "has_faiss", lambda: True)
    assert choose_index(49_999) == "exact" and choose_index(50_000) == "hnsw"
    assert choose_index(10, threshold=5) == "hnsw"
    monkeypatch.setattr(ann, "has_faiss", lambda: False)
    assert choose_index(10_000_000) == "exact"


def test_hnsw_is_registered_lazily() -> None:
    assert "hnsw" in INDEXES.names() and "exact" in INDEXES.names()


def test_score_cli_uses_a_persisted_hnsw_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`score --index hnsw` builds the index next to the database once, then reuses it; results
    match exact search on a small corpus."""
    pytest.importorskip("faiss")
    import json

    from .conftest import DATA, run_cli

    monkeypatch.chdir(tmp_path)
    db = tmp_path / "c.db"
    fast = ("--embedder", "hashing", "--no-cache")
    assert run_cli("add", str(DATA / "agree_a.txt"), "--db", str(db), "-q", *fast).exit_code == 0
    args = ("score", str(DATA / "agree_b.txt"), "--db", str(db), "--format", "json", *fast)
    exact = json.loads(run_cli(*args, "--index", "exact").stdout)
    hnsw = json.loads(run_cli(*args, "--index", "hnsw").stdout)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert any(name.endswith(".index") for name in files), files
    again = json.loads(run_cli(*args, "--index", "hnsw").stdout)
    assert hnsw == again
    assert [c["neighbours"][0]["claim"] for c in exact["claims"]] == \
        [c["neighbours"][0]["claim"] for c in hnsw["claims"]]
