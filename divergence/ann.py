"""Approximate nearest neighbours (FAISS HNSW) and an index persisted next to the database.

Exact search (``score.ExactIndex``) is one matrix product and stays the default for small
corpora; from ``threshold`` vectors on, ``choose_index`` picks ``"hnsw"`` when faiss-cpu is
installed. The HNSW parameters (M 32, efConstruction 100, efSearch 128) are the ones that gave
recall@10 0.98 at 1 M claims (PERF-NOTES); efConstruction 40 only reached 0.81.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import DivergenceError

THRESHOLD = 50_000  # below this many vectors exact search is fast enough and needs no build
_HINT = "the hnsw index needs faiss-cpu: pip install 'divergence[ann]'"


def _faiss() -> Any:
    """The faiss module, or a DivergenceError that says how to install it."""
    try:
        import faiss
    except ImportError:
        raise DivergenceError(_HINT) from None
    return faiss


def has_faiss() -> bool:
    """Whether faiss-cpu can be imported (without importing it)."""
    try:
        return importlib.util.find_spec("faiss") is not None
    except (ImportError, ValueError):
        return False


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
        faiss = _faiss()
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
        faiss, path = _faiss(), Path(path)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            faiss.write_index(self.index_, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | Path, ef_search: int = 128) -> HNSWIndex:
        """Read an index written by ``save``; a missing or corrupt file raises DivergenceError."""
        faiss = _faiss()
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


def index_key(claim_ids: Iterable[str], model: str, name: str = "hnsw") -> IndexKey:
    """The key of the stored claims (in row order) under ``model``."""
    h, n = hashlib.sha256(), 0
    for cid in claim_ids:
        h.update(cid.encode("utf-8") + b"\n")
        n += 1
    return IndexKey(n, h.hexdigest()[:16], model, name)


class IndexFile:
    """An index file next to the database, ``<db>.<name>.index``, and its JSON key sidecar."""

    def __init__(self, db_path: str | Path, name: str = "hnsw") -> None:
        db = Path(db_path)
        self.path = db.with_name(f"{db.name}.{name}.index")
        self.sidecar = db.with_name(f"{db.name}.{name}.json")

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
        os.replace(tmp, self.sidecar)

    def is_fresh(self, key: IndexKey) -> bool:
        """Whether the file exists and was built from ``key``."""
        return self.path.exists() and self.key() == key


def load_or_build(db_path: str | Path, name: str, vectors: np.ndarray, key: IndexKey) -> Any:
    """A fitted index over ``vectors``: loaded from next to ``db_path`` when fresh, else rebuilt.

    Exact search has nothing to persist (the vectors are in the database) and is just fitted.

    Args:
        name: ``"exact"`` or ``"hnsw"`` (see ``choose_index``).
        key: from ``index_key`` over the stored claim ids, in the same row order as ``vectors``.
    """
    from .score import INDEXES

    if name != "hnsw":
        return INDEXES.make(name).fit(vectors)
    if len(vectors) != key.n:
        raise DivergenceError(f"index key says {key.n} vectors, got {len(vectors)}")
    f = IndexFile(db_path, name)
    if f.is_fresh(key):
        try:
            return HNSWIndex.load(f.path)
        except DivergenceError:
            pass  # corrupt: rebuild below
    index = HNSWIndex().fit(vectors)
    index.save(f.path)
    f.write_key(key)
    return index
