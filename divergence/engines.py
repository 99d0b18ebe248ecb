"""Engines: input PATHS -> (articles, claims, vectors, skipped), in this process or on Dask.

``local`` runs the pipeline's own stages (``pipeline.split_articles``, ``embed_claims``).
``dask`` reads and splits the input files as tasks over partitions of the file list, then embeds
as tasks over batches of the claim texts, on a Dask cluster, and returns the same claims in the
same order with the same vectors. Either way grouping, judging and reports run on the driver
(``report_paths`` -> ``pipeline.report_from``).

Pick one by name (``ENGINES.make("dask", scheduler="tcp://host:8786")``); embedders travel to
workers as an ``EmbedderSpec`` (registry name + keyword arguments), never as a loaded model.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy as np

from .background import beside
from .embed import (
    EMBEDDERS,
    Embedder,
    EmbeddingCache,
    Pending,
    SentenceTransformerEmbedder,
    cache_name,
)
from .errors import DivergenceError
from .ingest import io
from .ingest.split import embedding_text, split
from .ingest.splitters import SPLITTERS
from .ingest.textsafe import path_text
from .judge.nli_onnx import OnnxNLI
from .pipeline import (
    Options,
    default_judge,
    embed_claims,
    report_from,
    split_articles,
    write_claims_files,
)
from .progress import bar
from .records import Article, Claim, Report, Skip
from .registry import Registry

if TYPE_CHECKING:
    from .judge import Judge

BATCH = 256  # texts per encode call, as embed() does: the same batches give the same vectors
DASK_HINT = "the dask engine needs dask[distributed]: pip install 'divergence[dask]'"


@dataclass(frozen=True, slots=True)
class EmbedderSpec:
    """An embedder by registry name and keyword arguments: picklable, built where it runs."""

    name: str
    kwargs: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, name: str, **kwargs: Any) -> EmbedderSpec:
        """``EmbedderSpec.of("sentence-transformers", model="all-MiniLM-L6-v2")``."""
        return cls(name, tuple(sorted(kwargs.items())))

    def make(self) -> Embedder:
        """A new embedder (a model loads lazily, on its first texts)."""
        return EMBEDDERS.make(self.name, **dict(self.kwargs))


_BUILT: dict[EmbedderSpec, Embedder] = {}
_BUILT_LOCK = threading.Lock()


def embedder_for(spec: EmbedderSpec) -> Embedder:
    """The process's embedder for ``spec``, built once and kept: a model loads once per worker."""
    with _BUILT_LOCK:
        if spec not in _BUILT:
            _BUILT[spec] = spec.make()
        return _BUILT[spec]


class Ingested(NamedTuple):
    """An engine's output: unique articles, their claims in order, row i for claims[i], skips."""

    articles: list[Article]
    claims: list[Claim]
    vectors: np.ndarray
    skipped: list[Skip]


# Called once the inputs are read; it may drop skips from the list in place (a run's own files).
OnLoaded = Callable[[list[Article], list[Skip]], None]


class Engine(Protocol):
    """Turns input paths into articles, claims and their vectors."""

    name: str

    def run(
        self,
        paths: Sequence[str],
        embedder: EmbedderSpec,
        *,
        splitter: str = "pysbd",
        cache: EmbeddingCache | None = None,
        stdin: IO[bytes] | None = None,
        progress: bool = False,
        on_loaded: OnLoaded | None = None,
    ) -> Ingested: ...


ENGINES: Registry[Engine] = Registry("engine")


# ---------------------------------------------------------------- local


def ahead(fn: Callable[[], object], name: str) -> threading.Thread:
    """``fn`` run on a daemon thread, for opening an ONNX model while this thread reads and
    splits the articles: ONNX Runtime builds its session without the GIL (on the ECB+ cost
    workload ~0.4 s of CPU for the embedder, ~0.06 s for the NLI model, beside ~1.2 s that hold
    one core). Only ONNX models: a torch model's imports hold the GIL and the import lock. An
    error is left for the model's first real use, on the caller's thread, to raise; the process
    waits for the thread before it exits (``background.beside``)."""
    return beside(fn, name)


class LocalEngine:
    """Everything in this process: ``io.load``, ``split``, ``embed``, as ``pipeline.run`` does."""

    name = "local"

    def run(
        self,
        paths: Sequence[str],
        embedder: EmbedderSpec,
        *,
        splitter: str = "pysbd",
        cache: EmbeddingCache | None = None,
        stdin: IO[bytes] | None = None,
        progress: bool = False,
        on_loaded: OnLoaded | None = None,
    ) -> Ingested:
        """Read ``paths``, call ``on_loaded`` (warnings, --strict), split, embed (cached)."""
        cut = SPLITTERS.make(splitter)
        emb = embedder_for(embedder)
        opening = (ahead(emb.open_onnx, "open-embedder")  # opens while the articles are read
                   if cache is None and isinstance(emb, SentenceTransformerEmbedder)
                   and emb.backend != "torch" else None)  # (with a cache it may never open)
        articles, skipped = io.load(paths, stdin=stdin)
        if on_loaded:
            on_loaded(articles, skipped)
        claims = split_articles(articles, cut, progress)
        if opening is not None:
            opening.join()
        vectors = embed_claims(claims, emb, cache, progress, batch=BATCH)
        return Ingested(articles, claims, vectors, skipped)


@ENGINES.register("local")
def _local() -> Engine:
    return LocalEngine()


# ---------------------------------------------------------------- dask


@dataclass(frozen=True, slots=True)
class _File:
    """An input file: the absolute path a worker reads, and the path as the user named it."""

    read: str
    shown: str
    size: int


_Item = _File | Article | Skip  # stdin is read on the driver; its articles travel as data
_Loaded = tuple[Article, list[Claim], list[str]]  # an article, its claims, the texts to embed


class DaskEngine:
    """Ingest, split and embed as Dask tasks; without ``scheduler``, a LocalCluster for the run.

    Args:
        scheduler: address of a running scheduler (``tcp://host:8786``). Every worker needs the
            project and the model installed and must see the input files at the same absolute
            paths (a shared file system).
        partitions: tasks to cut the input files, and then the texts to embed, into
            [default: 2 per worker thread].
        n_workers: workers of the LocalCluster started when no scheduler is given (1 thread each).
        timeout: seconds to wait for the scheduler to answer and for a first worker to join.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, partitions: int | None = None,
                 n_workers: int = 2, timeout: float = 20.0) -> None:
        if partitions is not None and partitions < 1:
            raise DivergenceError(f"partitions must be at least 1, got {partitions}")
        self.scheduler = scheduler
        self.partitions = partitions
        self.n_workers = n_workers
        self.timeout = timeout

    def run(
        self,
        paths: Sequence[str],
        embedder: EmbedderSpec,
        *,
        splitter: str = "pysbd",
        cache: EmbeddingCache | None = None,
        stdin: IO[bytes] | None = None,
        progress: bool = False,
        on_loaded: OnLoaded | None = None,
    ) -> Ingested:
        """Read and split partitions of the files on workers, dedupe here, embed on workers."""
        distributed = _distributed()
        SPLITTERS.get(splitter)  # a wrong name fails here, not once per task
        items = _expand(paths, stdin)
        with _connect(distributed, self.scheduler, self.n_workers, self.timeout) as client:
            n = self.partitions or 2 * max(1, sum(client.nthreads().values()))
            parts = _partition(items, n)
            with bar(len(items), "reading", progress, "file") as tick, \
                    _task_errors(distributed):
                futures = [client.submit(_ingest, p, splitter, pure=False)
                           for p in client.scatter(parts, hash=False)]
                size = {f.key: len(p) for f, p in zip(futures, parts, strict=True)}
                for f in distributed.as_completed(futures):
                    tick(size[f.key])
                done = client.gather(futures)  # in partition order, as io.load reads
            articles, claims, texts, skipped = _dedupe([e for part in done for e in part])
            if on_loaded:
                on_loaded(articles, skipped)
            vectors = _embed_on(distributed, client, texts, embedder, cache, n, progress)
        return Ingested(articles, claims, vectors, skipped)


@ENGINES.register("dask")
def _dask(scheduler: str | None = None, partitions: int | None = None, **kw: Any) -> Engine:
    return DaskEngine(scheduler, partitions, **kw)


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DivergenceError(DASK_HINT) from None
    return distributed


@contextmanager
def _connect(distributed: Any, scheduler: str | None, n_workers: int,
             timeout: float) -> Iterator[Any]:
    """A client of ``scheduler``, or of a LocalCluster that lives as long as the block."""
    if scheduler is None:
        cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1,
                                           processes=True, dashboard_address=None,
                                           silence_logs=logging.CRITICAL)
        # (ERROR let workers print heartbeat tracebacks at shutdown under -q; a task's own
        # failure reaches the client as its exception: _task_errors)
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout=timeout)
    except (OSError, ValueError, TimeoutError) as e:
        raise DivergenceError(f"cannot reach the dask scheduler at {scheduler} ({_line(e)}); "
                              "start one with `dask scheduler`, or leave out --scheduler to "
                              "run a local cluster") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise DivergenceError(f"no dask worker joined {scheduler} within {timeout:g} s; "
                                  f"start one on each machine: dask worker {scheduler}") from None
        yield client


@contextmanager
def _task_errors(distributed: Any) -> Iterator[None]:
    """A worker's DivergenceError passes as it is; a dead or misinstalled worker becomes one."""
    try:
        yield
    except DivergenceError:
        raise
    except distributed.KilledWorker as e:
        raise DivergenceError(f"a dask worker died running a task, more than once (out of "
                              f"memory? try more --partitions): {_line(e)}") from None
    except ImportError as e:
        raise DivergenceError(f"a dask worker cannot import {e.name or _line(e)}: install the "
                              "project on every worker (pip install 'divergence[dask]')") from None


def _line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0][:200]}" if text else type(e).__name__


def _expand(paths: Sequence[str], stdin: IO[bytes] | None) -> list[_Item]:
    """The input files in ``io.load``'s order (folders recursively, sorted), stdin read here."""
    items: list[_Item] = []
    for p in paths:
        if p == "-":
            items.extend(io.read_source("-", stdin))  # the stdin loader, without io.load's dedup
            continue
        path = Path(p)
        if not path.exists():
            raise DivergenceError(io.missing(path), where=p)
        files = [path]
        if path.is_dir():  # io.read_source's rule: article files, not divergence's own output
            files, skipped = io.folder_entries(path)
            items.extend(io.entry_skip(entry) for entry in skipped)
            files = [f for f in files if not io.own_output_file(f)]
            if not files and not skipped:
                raise io.no_articles(p)
        items.extend(_File(os.path.abspath(f), str(f), f.stat().st_size) for f in files)
    return items


def _partition(items: list[_Item], n: int) -> list[list[_Item]]:
    """At most ``n`` runs of consecutive items with about the same number of bytes each."""
    n = max(1, min(n, len(items)))
    sizes = [x.size if isinstance(x, _File) else len(getattr(x, "text", "")) for x in items]
    total = max(1, sum(sizes))
    parts: list[list[_Item]] = [[]]
    acc = 0
    for x, s in zip(items, sizes, strict=True):
        if parts[-1] and len(parts) < n and acc >= total * len(parts) / n:
            parts.append([])
        parts[-1].append(x)
        acc += s
    return [p for p in parts if p]


def _ingest(items: list[_Item], splitter: str) -> list[_Loaded | Skip]:
    """On a worker: read one partition's files and split each article, keeping the order."""
    cut = SPLITTERS.make(splitter)
    out: list[_Loaded | Skip] = []
    for item in items:
        for x in _read(item) if isinstance(item, _File) else (item,):
            if isinstance(x, Article):
                claims = split(x, cut)
                out.append((x, claims, [embedding_text(c) for c in claims]))
            else:
                out.append(x)
    return out


def _read(f: _File) -> Iterator[Article | Skip]:
    """``io``'s file loader on the absolute path, reporting the path as the user gave it."""
    read, given = path_text(f.read), path_text(f.shown)  # as io writes paths: UTF-8 safe

    def shown(where: str) -> str:
        return given + where[len(read):] if where.startswith(read) else where

    for x in io.read_file(Path(f.read)):
        yield replace(x, path=shown(x.path)) if isinstance(x, Article) else Skip(shown(x.where),
                                                                                 x.why)


def _dedupe(entries: list[_Loaded | Skip]) -> tuple[list[Article], list[Claim], list[str],
                                                      list[Skip]]:
    """``io.load``'s rule, over all partitions in order: a repeated text or id is a Skip."""
    skipped = [e for e in entries if isinstance(e, Skip)]
    loaded = [e for e in entries if not isinstance(e, Skip)]
    kept, repeated = io.dedupe(a for a, _, _ in loaded)
    keep = {id(a) for a in kept}
    articles: list[Article] = []
    claims: list[Claim] = []
    texts: list[str] = []
    for a, cs, ts in loaded:
        if id(a) in keep:
            articles.append(a)
            claims.extend(cs)
            texts.extend(ts)
    skipped += repeated
    return articles, claims, texts, skipped


def _embed_on(distributed: Any, client: Any, texts: list[str], spec: EmbedderSpec,
              cache: EmbeddingCache | None, n: int, progress: bool) -> np.ndarray:
    """``embed`` with its batches encoded on the cluster; the cache is read and written here.

    The batches are embed()'s own (unique uncached texts sorted by length, ``BATCH`` at a time),
    so each text is encoded in the same company as in a local run.
    """
    job = Pending(texts, cache_name(embedder_for(spec)), cache, BATCH)
    # Batch j goes to task j mod n: every task gets short and long texts, so they take as long.
    chunks = [job.batches[j::n] for j in range(min(n, len(job.batches)))]
    if chunks:
        payloads = client.scatter([[job.texts(b) for b in c] for c in chunks], hash=False)
        futures = [client.submit(_encode, spec, p, pure=False) for p in payloads]
        chunk_of = {f.key: c for f, c in zip(futures, chunks, strict=True)}
        total = sum(len(b) for b in job.batches)
        with bar(total, "embedding", progress, "claim") as tick, _task_errors(distributed):
            for fut, vecs in distributed.as_completed(futures, with_results=True):
                for batch, v in zip(chunk_of[fut.key], vecs, strict=True):
                    job.fill(batch, v)
                    tick(len(batch))
    return job.result()


def _encode(spec: EmbedderSpec, batches: list[list[str]]) -> list[np.ndarray]:
    """On a worker: encode each batch with the worker's own embedder (built once, then kept)."""
    emb = embedder_for(spec)
    return [np.asarray(emb.encode(b), dtype=np.float32) for b in batches]


# ---------------------------------------------------------------- the whole job


def report_paths(
    paths: Sequence[str],
    engine: Engine,
    embedder: EmbedderSpec,
    judge: Judge | None = None,
    cache: EmbeddingCache | None = None,
    options: Options | None = None,
    stdin: IO[bytes] | None = None,
    on_loaded: OnLoaded | None = None,
    splitter: str = "pysbd",
) -> Report:
    """The report on ``paths``: ingest, split (``splitter``, a ``SPLITTERS`` name) and embed
    with ``engine``; the rest here.

    Claims files are written (``options.claims_dir``) as ``pipeline.run`` writes them, then
    ``pipeline.report_from`` groups, judges and builds the Report.
    """
    opts = options or Options()
    name = embedder_for(embedder).name
    judge = judge if judge is not None else default_judge(name)
    SPLITTERS.get(splitter)  # an unknown name fails before any reading
    model = getattr(judge, getattr(judge, "model_attribute", ""), None)
    opening = ahead(model.load, "open-nli") if isinstance(model, OnnxNLI) else None
    got = engine.run(paths, embedder, splitter=splitter, cache=cache, stdin=stdin,
                     progress=opts.progress, on_loaded=on_loaded)
    if opening is not None:
        opening.join()
    if opts.claims_dir is not None:
        write_claims_files(opts.claims_dir, got.articles, got.claims)
    return report_from(got.articles, got.claims, got.vectors, name, judge, opts, got.skipped)
