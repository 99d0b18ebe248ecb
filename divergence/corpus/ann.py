"""Approximate nearest neighbours (FAISS HNSW) and an index persisted next to the database.

Exact search (``score.ExactIndex``) is one matrix product and stays the default for small
corpora; from ``threshold`` vectors on, ``choose_index`` picks ``"hnsw"`` when faiss-cpu is
installed. The HNSW parameters (M 32, efConstruction 100, efSearch 128) are the ones that gave
recall@10 0.98 at 1 M claims (PERF-NOTES); efConstruction 40 only reached 0.81.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import DivergenceError
from ..faiss_support import has_faiss, load_faiss
from ..ingest.files import replace

if TYPE_CHECKING:
    from .store import Corpus

THRESHOLD = 50_000  # below this many vectors exact search is fast enough and needs no build
def choose_index(n_vectors: int, threshold: int = THRESHOLD) -> str:
    """``"exact"`` below ``threshold`` vectors, ``"hnsw"`` at or above it when faiss is there."""
    return "hnsw" if n_vectors >= threshold and has_faiss() else "exact"


class HNSWIndex:
    """HNSW graph over inner products of L2-normalised float32 rows (cosine), via faiss."""

    def __init__(self, m: int = 32, ef_construction: int = 100, ef_search: int = 128) -> None:
        self.m = m
        self.ef_construction = ef_construction
        self.ef_search = ef_search

    def fit(self, vectors: np.ndarray) -> HNSWIndex:
        """Build the graph over ``vectors`` (n, d); row i gets id i."""
        faiss = load_faiss()
        x = np.ascontiguousarray(vectors, dtype=np.float32)
        if x.ndim != 2:
            raise DivergenceError(f"index vectors must be 2-d (n, d), got shape {x.shape}")
        index = faiss.IndexHNSWFlat(x.shape[1], self.m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = self.ef_construction
        if len(x):
            index.add(x)
        self._set(index)
        return self

    def _set(self, index: Any) -> None:
        index.hnsw.efSearch = self.ef_search
        self.index_ = index

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row ids and similarities of the ``k`` closest vectors to each query, best first."""
        k = min(k, int(self.index_.ntotal))
        q = np.ascontiguousarray(queries, dtype=np.float32)
        if k == 0 or len(q) == 0:
            empty = np.zeros((len(q), 0))
            return empty.astype(np.int64), empty.astype(np.float32)
        sims, ids = self.index_.search(q, k)
        return ids.astype(np.int64, copy=False), sims.astype(np.float32, copy=False)

    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` atomically (temp file in the same folder, then replace)."""
        faiss, path = load_faiss(), Path(path)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            faiss.write_index(self.index_, tmp)
            replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | Path, ef_search: int = 128) -> HNSWIndex:
        """Read an index written by ``save``; a missing or corrupt file raises DivergenceError."""
        faiss = load_faiss()
        try:
            index = faiss.read_index(str(path))  # already the concrete type; keep this owner
            hnsw = index.hnsw
        except (RuntimeError, AttributeError) as e:
            raise DivergenceError(f"cannot read index: {e}".splitlines()[0], where=str(path)) from e
        out = cls(m=int(hnsw.nb_neighbors(1)), ef_construction=int(hnsw.efConstruction),
                  ef_search=ef_search)
        out._set(index)
        return out


@dataclass(frozen=True, slots=True)
class IndexKey:
    """What an index file was built from; any change means the file is stale."""

    n: int
    ids_hash: str
    model: str
    name: str = "hnsw"


class IndexFile:
    """An index file next to the database, ``<db>.<name>.index``, and its JSON key sidecar."""

    def __init__(self, db_path: str | Path, name: str = "hnsw") -> None:
        db = Path(db_path)
        self.path = db.with_name(f"{db.name}.{name}.index")
        self.sidecar = db.with_name(f"{db.name}.{name}.json")
        self.rows = db.with_name(f"{db.name}.{name}.rows.npy")

    def key(self) -> IndexKey | None:
        """The stored key, or None when the sidecar is missing or unreadable."""
        try:
            return IndexKey(**json.loads(self.sidecar.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def write_key(self, key: IndexKey) -> None:
        """Write the sidecar atomically (after the index file, so a crash leaves it stale)."""
        fd, tmp = tempfile.mkstemp(prefix=self.sidecar.name + ".", dir=self.sidecar.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(key), f)
        replace(tmp, self.sidecar)

    def is_fresh(self, key: IndexKey) -> bool:
        """Whether the file exists and was built from ``key``."""
        return self.path.exists() and self.key() == key


def corpus_key(corpus: Corpus, name: str = "hnsw") -> IndexKey:
    """The key of the corpus as it stands: its identity, write generation, size and model.

    Cheap at any size (no claim is read), unlike ``index_key`` over every claim id.
    """
    return IndexKey(corpus.n_claims(), f"{corpus.identity}:{corpus.generation}",
                    corpus.model or "", name)


def save_npy(path: Path, array: np.ndarray) -> None:
    """``np.save`` to a temp file in the same folder, then rename."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, array, allow_pickle=False)
        replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
