"""Benchmark the divergence pipeline: start-up, end-to-end time, claims/s against encode, memory.

What it measures (all offline: HF_HUB_OFFLINE=1, nothing is downloaded):

1. ``divergence --help`` in a fresh process, N times: median and min seconds (CLI import cost).
2. ``divergence report seeds/ -q`` in a subprocess, each run in a fresh temporary working folder,
   with a fresh ``--cache-dir`` (cold embedding cache) and then again with the same cache folder
   (warm): medians, plus each child's peak RSS and CPU seconds (its own rusage, via ``os.wait4``).
3. In this process: ``divergence.pipeline.run`` end to end with a fresh EmbeddingCache (and the
   product's per-text lru caches emptied), against ``SentenceTransformer.encode`` (batch 64) on
   exactly the texts the pipeline embeds, on one or two corpora (``--corpus``):

   * ``synthetic``: seed sentences shuffled into new articles of 20, each sentence made distinct
     by a made-up word so the cache cannot dedupe it; fresh texts every repeat. Every seed
     sentence recurs in many articles, so candidate pairs are far denser than in real news.
   * ``ecbplus``: real news documents from many outlets (ECB+, ``load_ecbplus(root, "all")``,
     detokenised), one article per document in the loader's order until the claims reach
     ``--claims``; the same documents every repeat (the caches are cold every time).

   The two sides alternate within one run (ABBA order). Reports, per corpus, medians, claims/s,
   the candidate pairs (counted once, outside the timings), the overhead
   ``pipeline / encode - 1`` (goal: at most 10 %), and where the pipeline's time goes: inside the
   embedder, splitting, and the rest (events, candidate pairs, grouping and judging). Model
   loading is timed separately and is in neither rate. The ``inprocess`` JSON section keeps the
   synthetic numbers under its old keys (``split_s`` is now the splitting inside ``run``; the
   separate pre-split is ``presplit_s``); ``corpora`` holds one summary per corpus.
4. Peak memory: per child (part 2) and of this process (part 3, which holds the model twice).

Run from the repository root with the project's environment:

    python benchmarks/pipeline.py               # defaults: 5 --help runs, 3 repeats, ~2,000 claims
    python benchmarks/pipeline.py --quick       # smoke test with small sizes
    python benchmarks/pipeline.py --claims 5000 --repeats 5 --out /tmp/bench.json
    python benchmarks/pipeline.py --corpus ecbplus --bench ../shared/bench   # real news only

It prints markdown tables on stdout (progress goes to stderr) and writes the JSON results
atomically to ``benchmarks/results/pipeline.json`` unless ``--out`` says otherwise. This machine
class is noisy (about ±8 % run to run): compare medians, and re-run before trusting a small
difference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "pipeline.json"
MODEL = "all-MiniLM-L6-v2"
BATCH_SIZE = 64  # what divergence.embed.SentenceTransformerEmbedder uses
SENTENCES_PER_ARTICLE = 20  # the seed articles hold 10-17 body paragraphs and ~19 claims each
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "TRANSFORMERS_VERBOSITY": "error",
}
# Syllables for made-up lowercase words: not a number, a name, a date or an attribution cue, so the
# judge's detectors do not fire on the marker itself.
_SYLLABLES = ("ba", "de", "fi", "go", "ku", "la", "me", "no", "pi", "ro", "su", "ta", "vo", "we",
              "xi", "zu")
_END = re.compile(r"([.!?]+[\"”’')\]]*)\s*$")


class BenchError(RuntimeError):
    """A measured command failed; the numbers would be meaningless."""


def _log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _machine_busy_s() -> float | None:
    """CPU seconds all processes on the machine have used since boot (from /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            vals = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    busy = sum(vals) - vals[3] - vals[4]  # everything but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    t = os.times()
    return t.user + t.system


def _other_load(busy0: float | None, busy1: float | None, own_cpu: float,
                seconds: float) -> float | None:
    """Average cores used by other processes during a timed section: the noise to expect."""
    if busy0 is None or busy1 is None or seconds <= 0:
        return None
    return max(0.0, (busy1 - busy0 - own_cpu) / seconds)


# ---------------------------------------------------------------- subprocess measurements


@dataclass(frozen=True)
class ChildRun:
    """One subprocess: wall seconds, peak resident memory and CPU seconds (user + system)."""

    seconds: float
    max_rss_mb: float
    cpu_seconds: float
    other_load: float | None  # average cores that other processes used meanwhile


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(OFFLINE_ENV)
    env.pop("DIVERGENCE_CACHE", None)  # every run names its cache folder explicitly
    return env


def _run_child(cmd: Sequence[str], cwd: Path) -> ChildRun:
    """Run ``cmd`` and collect its own rusage with ``os.wait4`` (not the sum over all children)."""
    with tempfile.TemporaryFile() as err:
        busy0, own0 = _machine_busy_s(), _own_cpu_s()
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=_child_env(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        busy1, own1 = _machine_busy_s(), _own_cpu_s()
        proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-15:]
            raise BenchError(f"{' '.join(cmd)} (in {cwd}) exited {proc.returncode}:\n"
                             + "\n".join(tail))
    cpu = usage.ru_utime + usage.ru_stime
    # ru_maxrss is in KiB on Linux.
    return ChildRun(seconds, usage.ru_maxrss / 1024, cpu,
                    _other_load(busy0, busy1, cpu + own1 - own0, seconds))


def _cli_command() -> tuple[list[str], str]:
    """The installed console script, preferring the one next to this interpreter."""
    beside = Path(sys.executable).parent / "divergence"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)], str(beside)
    found = shutil.which("divergence")
    if found:
        return [found], found
    return [sys.executable, "-m", "divergence.cli"], f"{sys.executable} -m divergence.cli"


def bench_help(cli: list[str], runs: int) -> dict[str, Any]:
    """Part 1: ``divergence --help`` in a fresh process, ``runs`` times."""
    done: list[ChildRun] = []
    with tempfile.TemporaryDirectory(prefix="bench-help-") as tmp:
        for k in range(runs):
            done.append(_run_child([*cli, "--help"], Path(tmp)))
            _log(f"--help {k + 1}/{runs}: {done[-1].seconds:.3f} s")
    times = [r.seconds for r in done]
    return {"runs": runs, "median_s": statistics.median(times), "min_s": min(times),
            "times_s": times, "max_rss_mb": max(r.max_rss_mb for r in done),
            "other_load_max": _max_load(r.other_load for r in done)}


def bench_report(cli: list[str], repeats: int) -> dict[str, Any]:
    """Part 2: ``divergence report seeds/ -q`` with a cold cache, then warm, ``repeats`` times."""
    seeds = str(SEEDS)
    cold: list[ChildRun] = []
    warm: list[ChildRun] = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        base = Path(tmp)

        def one(tag: str, cache: Path) -> ChildRun:
            cwd = Path(tempfile.mkdtemp(prefix=f"{tag}-", dir=base))
            run = _run_child([*cli, "report", seeds, "--cache-dir", str(cache), "-q"], cwd)
            if not (cwd / "reports" / "seeds.json").is_file():
                raise BenchError(f"divergence report wrote no reports/seeds.json in {cwd}")
            return run

        # Untimed: brings torch and the model into the page cache, so the first timed run is not
        # also a disk benchmark.
        _log("report warm-up run (not timed)")
        one("warmup", base / "cache-warmup")
        for r in range(repeats):
            cache = base / f"cache-{r}"
            cold.append(one(f"cold{r}", cache))
            warm.append(one(f"warm{r}", cache))
            _log(f"report {r + 1}/{repeats}: cold {cold[-1].seconds:.2f} s, "
                 f"warm {warm[-1].seconds:.2f} s")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "command": f"divergence report {seeds} --cache-dir <fresh temp dir> -q (fresh temp cwd)",
        "repeats": repeats,
        "cold_median_s": statistics.median(r.seconds for r in cold),
        "warm_median_s": statistics.median(r.seconds for r in warm),
        "cold_runs": [asdict(r) for r in cold],
        "warm_runs": [asdict(r) for r in warm],
        "cold_cpu_median_s": statistics.median(r.cpu_seconds for r in cold),
        "warm_cpu_median_s": statistics.median(r.cpu_seconds for r in warm),
        "peak_rss_mb": max(r.max_rss_mb for r in cold + warm),
        "other_load_max": _max_load(r.other_load for r in cold + warm),
        # Cross-check: RUSAGE_CHILDREN's ru_maxrss is the largest single child so far.
        "rusage_children_max_rss_mb": children.ru_maxrss / 1024,
    }


# ---------------------------------------------------------------- in-process measurements


class _TimedEmbedder:
    """Wraps the product's embedder: same name (same cache keys), records time and texts."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.seconds = 0.0
        self.texts: list[str] = []

    def reset(self) -> None:
        self.seconds = 0.0
        self.texts = []

    def encode(self, texts: Sequence[str]) -> Any:
        t0 = time.perf_counter()
        out = self.inner.encode(texts)
        self.seconds += time.perf_counter() - t0
        self.texts.extend(texts)
        return out


def _made_up_word(n: int) -> str:
    """A distinct lowercase pseudo-word for every ``n`` (four syllables, more past 65,536)."""
    parts = []
    for _ in range(4):
        n, k = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[k])
    while n:
        n, k = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[k])
    return "".join(parts)


def _mark(sentence: str, word: str) -> str:
    """``sentence`` with ``word`` at its start and before its final punctuation.

    Two places, because ``split.core`` may cut the end (a trailing dashed aside, ", including ...")
    and attribution may drop the start ("According to X, P" embeds only P). Parenthesised markers
    would not work: ``core`` strips parentheses, so " (copy 3)" copies would share one cache key.
    No colon after the leading word: "Word: ..." reads as a speaker and halves attribution.
    """
    m = _END.search(sentence)
    body, end = (sentence[:m.start()], m.group(1)) if m else (sentence, ".")
    return f"{word.capitalize()} {body} {word}{end}"


class _Synth:
    """Synthetic articles: seed sentences shuffled into new articles, each sentence distinct."""

    def __init__(self, pool: Sequence[str], seed: int = 0) -> None:
        self.pool = list(pool)
        self.rng = random.Random(seed)
        self.counter = 0
        self.n_articles = 0

    def article_text(self) -> tuple[str, str]:
        k = self.n_articles
        self.n_articles += 1
        picked = self.rng.sample(self.pool, min(SENTENCES_PER_ARTICLE, len(self.pool)))
        sentences = []
        for s in picked:
            sentences.append(_mark(s, _made_up_word(self.counter)))
            self.counter += 1
        # Paragraphs of two sentences, as the seeds mostly have short paragraphs.
        paras = [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
        header = f"source: Synthetic Outlet {k:04d}\ntitle: Synthetic article {k}\n\n"
        return f"synthetic/outlet-{k:04d}.txt", header + "\n".join(paras) + "\n"


def _max_load(values: Any) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def _mean_tokens(st: Any, texts: Sequence[str]) -> float:
    """Mean WordPiece tokens per text as the model sees them (with [CLS]/[SEP], truncated)."""
    enc = st.tokenizer(list(texts), truncation=True, max_length=st.max_seq_length)
    return sum(len(ids) for ids in enc["input_ids"]) / max(1, len(texts))


def _rss_now_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _clear_text_caches() -> int:
    """Empty the product's per-text lru caches (judge features, detectors, ``core``, ...).

    Only caches bigger than 64 entries: the small ones hold loaded resources (the shipped
    classifier, the sentence splitter), which a long-running process keeps. Returns how many
    caches were cleared.
    """
    seen: set[int] = set()
    for name, mod in list(sys.modules.items()):
        if mod is None or not (name == "divergence" or name.startswith("divergence.")):
            continue
        for obj in list(vars(mod).values()):
            info = getattr(obj, "cache_info", None)
            clear = getattr(obj, "cache_clear", None)
            if id(obj) in seen or not callable(info) or not callable(clear):
                continue
            maxsize = info().maxsize
            if maxsize is not None and maxsize > 64:
                seen.add(id(obj))
                clear()
    return len(seen)


class _StageTimer:
    """Times stages of ``pipeline.run`` by wrapping the names it looks up in its own module."""

    STAGES = ("split", "candidate_pairs", "find_groups")

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.pairs: int | None = None

    def _wrap(self, name: str, fn: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                out = fn(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0
            if name == "candidate_pairs":
                self.pairs = len(out)
            return out

        return timed

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """``divergence.pipeline.run(*args, **kwargs)`` with its stages timed."""
        import divergence.pipeline as pl

        self.seconds = {name: 0.0 for name in self.STAGES}
        self.pairs = None
        originals = {name: getattr(pl, name) for name in self.STAGES}
        try:
            for name, fn in originals.items():
                setattr(pl, name, self._wrap(name, fn))
            return pl.run(*args, **kwargs)
        finally:
            for name, fn in originals.items():
                setattr(pl, name, fn)


@dataclass
class _Workload:
    """The articles of one repeat, their claims and the texts the pipeline will embed."""

    articles: list[Any]
    claims: list[Any]
    texts: list[str]
    presplit_s: float


def _ecb_articles(docs: Sequence[Any], target_claims: int) -> tuple[list[Any], list[str]]:
    """ECB+ documents in the loader's (file) order until their claims reach ``target_claims``."""
    from divergence.ingest.io import make_article
    from divergence.ingest.split import split
    from divergence.records import Article

    articles: list[Article] = []
    skipped: list[str] = []
    n_claims = 0
    for doc in docs:
        if n_claims >= target_claims:
            break
        art = make_article(doc.text, path=doc.id, source=doc.id, id=doc.id)
        if not isinstance(art, Article):
            skipped.append(f"{doc.id}: {art.why}")
            continue
        articles.append(art)
        n_claims += len(split(art))
    if n_claims < target_claims:
        _log(f"note: all {len(articles)} ECB+ documents give only {n_claims} claims "
             f"(< --claims {target_claims}); using them all")
    return articles, skipped


def bench_inprocess(target_claims: int, repeats: int, corpora: Sequence[str],
                    ecb_docs: Sequence[Any] | None = None) -> tuple[dict[str, Any],
                                                                    dict[str, Any]]:
    """Part 3 and the in-process half of part 4, on each corpus in ``corpora``.

    Returns the ``inprocess`` section (shared numbers, plus the synthetic corpus's numbers under
    the keys the schema has always had) and the ``corpora`` section (one summary per corpus).
    """
    os.environ.update(OFFLINE_ENV)
    t0 = time.perf_counter()
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    import_s = time.perf_counter() - t0

    from divergence.embed import EMBEDDERS, EmbeddingCache, resolve_model
    from divergence.group.claims import candidate_pairs
    from divergence.ingest.io import load, make_article
    from divergence.ingest.split import core, embedding_text, split, split_all
    from divergence.pipeline import Options
    from divergence.records import Article

    model_path = resolve_model(MODEL)
    t0 = time.perf_counter()
    st = SentenceTransformer(model_path, device="cpu")
    load_s = time.perf_counter() - t0
    # The pipeline gets the product's own embedder, built the way cli.py builds it.
    product = EMBEDDERS.make("sentence-transformers", model=MODEL)
    t0 = time.perf_counter()
    product.encode(["Warm-up: the model loads on its first call."])
    product_load_s = time.perf_counter() - t0
    embedder = _TimedEmbedder(product)
    stages = _StageTimer()
    rss_after_load = _rss_now_mb()

    def encode(texts: Sequence[str]) -> Any:
        return st.encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                         convert_to_numpy=True, show_progress_bar=False)

    seed_articles, _ = load([str(SEEDS)])
    seed_claims = split_all(seed_articles)
    pool = list(dict.fromkeys(c.text for c in seed_claims))
    opts = Options(progress=False, claims_dir=None)

    # Warm-up (not timed): pysbd, torch kernels and the judge's code paths.
    with tempfile.TemporaryDirectory(prefix="bench-warmup-") as tmp:
        cache = EmbeddingCache(tmp)
        stages.run(seed_articles, embedder, cache=cache, options=opts)
        cache.close()
    encode([embedding_text(c) for c in seed_claims])

    def presplit(articles: list[Article]) -> _Workload:
        """Split outside the timings to learn the texts the pipeline will embed (for encode)."""
        t0 = time.perf_counter()
        claims = [c for a in articles for c in split(a)]
        presplit_s = time.perf_counter() - t0
        # Mirrors pipeline.run: it embeds core(c.content) of every claim; embed() dedupes.
        texts = list(dict.fromkeys(core(c.content) for c in claims))
        return _Workload(articles, claims, texts, presplit_s)

    synth = _Synth(pool)

    def synthetic_workload() -> _Workload:
        # Fresh synthetic articles every repeat: new texts, so no cache carries over.
        articles: list[Article] = []
        claims = []
        texts: dict[str, None] = {}
        presplit_s = 0.0
        while len(texts) < target_claims:
            path, text = synth.article_text()
            art = make_article(text, path=path)
            if not isinstance(art, Article):
                raise BenchError(f"synthetic article rejected: {art}")
            t0 = time.perf_counter()
            cs = split(art)
            presplit_s += time.perf_counter() - t0
            articles.append(art)
            claims.extend(cs)
            texts.update(dict.fromkeys(core(c.content) for c in cs))
        return _Workload(articles, claims, list(texts), presplit_s)

    ecb: _Workload | None = None
    ecb_skipped: list[str] = []
    if "ecbplus" in corpora:
        if not ecb_docs:
            raise BenchError("the ecbplus corpus needs the ECB+ documents (see --bench)")
        ecb_articles, ecb_skipped = _ecb_articles(ecb_docs, target_claims)
        ecb = presplit(ecb_articles)

    def ecb_workload() -> _Workload:
        assert ecb is not None
        return ecb  # the same documents every repeat; caches are emptied before each run

    def measure(corpus: str, next_workload: Any) -> dict[str, Any]:
        rows: list[dict[str, Any]] = []
        last: tuple[list[Any], dict[str, Any]] | None = None
        for r in range(repeats):
            wl = next_workload()
            texts = wl.texts
            row: dict[str, Any] = {"articles": len(wl.articles), "claims": len(wl.claims),
                                   "unique_texts": len(texts), "presplit_s": wl.presplit_s}
            order = ("pipeline", "encode") if r % 2 == 0 else ("encode", "pipeline")
            redo = False
            for what in (*order, "encode"):
                if what == "encode" and "encode_s" in row and not redo:
                    continue
                gc.collect()
                if what == "pipeline":
                    embedder.reset()
                    # Cold in-process state too: the judge's and splitter's per-text lru caches.
                    row["caches_cleared"] = _clear_text_caches()
                    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
                        cache = EmbeddingCache(tmp)
                        busy0, own0, t0 = _machine_busy_s(), _own_cpu_s(), time.perf_counter()
                        report = stages.run(wl.articles, embedder, cache=cache, options=opts)
                        row["pipeline_s"] = time.perf_counter() - t0
                        row["pipeline_other_load"] = _other_load(
                            busy0, _machine_busy_s(), _own_cpu_s() - own0, row["pipeline_s"])
                        cache.close()
                    row["embed_in_pipeline_s"] = embedder.seconds
                    row["split_s"] = stages.seconds["split"]
                    row["pairs_and_groups_s"] = (stages.seconds["candidate_pairs"]
                                                 + stages.seconds["find_groups"])
                    row["rest_s"] = row["pipeline_s"] - row["embed_in_pipeline_s"] - row["split_s"]
                    row["pairs_in_pipeline"] = stages.pairs
                    row["mirror_matches"] = sorted(embedder.texts) == sorted(texts)
                    if not row["mirror_matches"]:
                        _log("WARNING: the texts pipeline.run embedded differ from core(c.content) "
                             "of the split claims; encode is timed on the texts the pipeline "
                             "embedded")
                        texts = list(embedder.texts)
                        row["unique_texts"] = len(texts)
                        redo = what == order[1]
                    labels = [g.label for g in report.groups]
                    row["groups"] = {k: labels.count(k) for k in ("agree", "unique", "conflict")}
                    row["events"] = len(report.events)
                else:
                    busy0, own0, t0 = _machine_busy_s(), _own_cpu_s(), time.perf_counter()
                    vectors = encode(texts)
                    row["encode_s"] = time.perf_counter() - t0
                    row["encode_other_load"] = _other_load(
                        busy0, _machine_busy_s(), _own_cpu_s() - own0, row["encode_s"])
            row["overhead"] = row["pipeline_s"] / row["encode_s"] - 1
            row["mean_tokens"] = _mean_tokens(st, texts)
            rows.append(row)
            last = (wl.claims, dict(zip(texts, vectors, strict=True)))
            _log(f"in-process [{corpus}] {r + 1}/{repeats}: {row['claims']} claims / "
                 f"{row['unique_texts']} texts; pipeline {row['pipeline_s']:.2f} s (embed "
                 f"{row['embed_in_pipeline_s']:.2f} s, split {row['split_s']:.2f} s, rest "
                 f"{row['rest_s']:.2f} s), encode {row['encode_s']:.2f} s, "
                 f"overhead {row['overhead']:+.1%}")

        # How much judging the (last) workload asked for, computed outside the timings on the
        # encode vectors; the count pipeline.run itself saw is in each row as pairs_in_pipeline.
        n_pairs = None
        if last is not None and all(x["mirror_matches"] for x in rows):
            claims, by_text = last
            vecs = np.stack([by_text[core(c.content)] for c in claims])
            n_pairs = len(candidate_pairs(claims, vecs, opts.pair_similarity))
        pipeline_med = statistics.median(x["pipeline_s"] for x in rows)
        encode_med = statistics.median(x["encode_s"] for x in rows)
        claims_med = statistics.median(x["claims"] for x in rows)
        texts_med = statistics.median(x["unique_texts"] for x in rows)
        return {
            "corpus": corpus,
            "repeats": repeats,
            "articles": statistics.median(x["articles"] for x in rows),
            "claims": claims_med,
            "unique_texts": texts_med,
            "candidate_pairs": n_pairs,
            "pairs_per_claim": None if n_pairs is None else n_pairs / rows[-1]["claims"],
            "pipeline_median_s": pipeline_med,
            "encode_median_s": encode_med,
            "embed_in_pipeline_median_s": statistics.median(
                x["embed_in_pipeline_s"] for x in rows),
            "split_median_s": statistics.median(x["split_s"] for x in rows),
            "rest_median_s": statistics.median(x["rest_s"] for x in rows),
            "pairs_and_groups_median_s": statistics.median(x["pairs_and_groups_s"] for x in rows),
            "pipeline_claims_per_s": claims_med / pipeline_med,
            "encode_texts_per_s": texts_med / encode_med,
            "overhead": pipeline_med / encode_med - 1,
            "overhead_paired_median": statistics.median(x["overhead"] for x in rows),
            "overhead_goal": 0.10,
            "mean_tokens": statistics.median(x["mean_tokens"] for x in rows),
            "mirror_matches_all": all(x["mirror_matches"] for x in rows),
            "other_load_max": _max_load(
                v for x in rows for v in (x["pipeline_other_load"], x["encode_other_load"])),
            "peak_rss_mb_so_far": _peak_rss_mb(),
            "runs": rows,
        }

    results: dict[str, Any] = {}
    if "synthetic" in corpora:
        results["synthetic"] = measure("synthetic", synthetic_workload)
        results["synthetic"]["description"] = (
            "seed sentences shuffled into new articles of 20, each made distinct by a made-up "
            "word; fresh texts every repeat")
    if ecb is not None:
        results["ecbplus"] = measure("ecbplus", ecb_workload)
        results["ecbplus"].update({
            "description": "ECB+ news documents (load_ecbplus(root, 'all'), detokenised) in the "
                           "loader's order, one article per document (source = document id), "
                           "until the claims reach the target; the same documents every repeat",
            "documents": [a.id for a in ecb.articles],
            "skipped": ecb_skipped,
        })

    inprocess: dict[str, Any] = {
        "model": MODEL,
        "model_path": model_path,
        "batch_size": BATCH_SIZE,
        "target_claims": target_claims,
        "repeats": repeats,
        "import_torch_st_s": import_s,
        "model_load_s": load_s,
        "product_embedder_first_call_s": product_load_s,
        "rss_after_model_load_mb": rss_after_load,
        "peak_rss_mb": _peak_rss_mb(),
        "other_load_max": _max_load(p["other_load_max"] for p in results.values()),
        "torch_threads": torch.get_num_threads(),
        "corpora_run": list(results),
    }
    syn = results.get("synthetic")
    if syn is not None:
        # The keys this section has always had: the synthetic corpus's numbers.
        inprocess.update({
            "pipeline_median_s": syn["pipeline_median_s"],
            "encode_median_s": syn["encode_median_s"],
            "embed_in_pipeline_median_s": syn["embed_in_pipeline_median_s"],
            "split_median_s": syn["split_median_s"],
            "pipeline_claims_per_s": syn["pipeline_claims_per_s"],
            "encode_texts_per_s": syn["encode_texts_per_s"],
            "overhead": syn["overhead"],
            "overhead_paired_median": syn["overhead_paired_median"],
            "overhead_goal": syn["overhead_goal"],
            "candidate_pairs_last_repeat": syn["candidate_pairs"],
            "mirror_matches_all": syn["mirror_matches_all"],
            "mean_tokens": syn["mean_tokens"],
            "runs": syn["runs"],
        })
    return inprocess, results


# ---------------------------------------------------------------- context, output


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def machine_info() -> dict[str, Any]:
    """Where and when the numbers were taken."""
    commit = _git("rev-parse", "--short", "HEAD")
    status = _git("status", "--porcelain") if commit else None
    return {
        "date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "git_commit": commit,
        "git_dirty": None if status is None else bool(status),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": _cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "torch": _version("torch"),
        "sentence_transformers": _version("sentence-transformers"),
        "divergence": _version("divergence"),
    }


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write via a temp file in the same folder and ``os.replace``: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _med(part: dict[str, Any], key: str) -> float:
    return float(statistics.median(r[key] for r in part["runs"]))


CORPUS_LABELS = {"synthetic": "synthetic (seed sentences reshuffled)",
                 "ecbplus": "ECB+ (real news, many outlets)"}


def _part(seconds: float, whole: float) -> str:
    """``seconds`` and its share of ``whole``."""
    return f"{seconds:.2f} s ({seconds / whole:.0%})" if whole > 0 else f"{seconds:.2f} s"


def _pairs_cell(c: dict[str, Any]) -> str:
    """Candidate pairs; when the workload changed between repeats, each repeat's count too."""
    pairs = c["candidate_pairs"]
    seen = [r.get("pairs_in_pipeline") for r in c["runs"]]
    text = "n/a" if pairs is None else f"{pairs:,}"
    if None not in seen and len(set(seen)) > 1:
        text += " (last repeat; per repeat in `run`: " + " / ".join(f"{n:,}" for n in seen) + ")"
    return text


def _corpus_rows(c: dict[str, Any]) -> list[str]:
    """One column of the per-corpus table (same order as the row labels in ``render_table``)."""
    pipe = c["pipeline_median_s"]
    goal = "meets" if c["overhead"] <= c["overhead_goal"] else "misses"
    load = c["other_load_max"]
    return [
        f"{c['articles']:.0f} articles, {c['claims']:.0f} claims, {c['unique_texts']:.0f} texts "
        f"(~{c['mean_tokens']:.0f} tokens each)",
        _pairs_cell(c),
        "n/a" if c["pairs_per_claim"] is None else f"{c['pairs_per_claim']:.1f}",
        f"{pipe:.2f} s = {c['pipeline_claims_per_s']:.0f} claims/s",
        _part(c["embed_in_pipeline_median_s"], pipe),
        _part(c["split_median_s"], pipe),
        f"{_part(c['rest_median_s'], pipe)}; of which candidate pairs + grouping/judging "
        f"{c['pairs_and_groups_median_s']:.2f} s",
        f"{c['encode_median_s']:.2f} s = {c['encode_texts_per_s']:.0f} texts/s",
        f"{c['overhead']:+.1%} ({goal} the goal; paired {c['overhead_paired_median']:+.1%})",
        "n/a" if load is None else f"{load:.2f} cores",
    ]


def render_table(res: dict[str, Any]) -> str:
    """The results as markdown: a general table, then one column per in-process corpus."""
    m, h, e, p = res["machine"], res["help"], res["report"], res["inprocess"]
    corpora: dict[str, Any] = res.get("corpora", {})
    rows = [
        (f"`divergence --help`, fresh process: median / min of {h['runs']}",
         f"{h['median_s']:.3f} s / {h['min_s']:.3f} s"),
        (f"`divergence report seeds/ -q`, cold cache: median of {e['repeats']}",
         f"{e['cold_median_s']:.2f} s (CPU {e['cold_cpu_median_s']:.2f} s)"),
        (f"`divergence report seeds/ -q`, warm cache: median of {e['repeats']}",
         f"{e['warm_median_s']:.2f} s (CPU {e['warm_cpu_median_s']:.2f} s)"),
        ("peak RSS of one `report` process", f"{e['peak_rss_mb']:.0f} MB"),
        ("model load, in-process (not in the rates)",
         f"{p['model_load_s']:.2f} s (+ {p['import_torch_st_s']:.2f} s importing torch and "
         "sentence-transformers)"),
        ("RSS after loading the model twice / peak, in-process",
         f"{p['rss_after_model_load_mb']:.0f} MB / {p['peak_rss_mb']:.0f} MB"),
    ]
    loads = [x for x in (h["other_load_max"], e["other_load_max"], p["other_load_max"])
             if x is not None]
    if loads:
        rows.append(("other processes' CPU during timed runs (worst run; of "
                     f"{m['nproc']} cores)", f"{max(loads):.2f} cores"))
    for name, c in corpora.items():
        if not c["mirror_matches_all"]:
            rows.append(("WARNING", f"[{name}] texts embedded by pipeline.run differed from "
                                    "core(c.content)"))
    head = (f"{m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, torch {m['torch']} "
            f"({p['torch_threads']} threads), sentence-transformers {m['sentence_transformers']}, "
            f"commit {m['git_commit'] or 'none'}, {m['date']}")
    lines = [head, "", "| measure | result |", "|---|---|"]
    lines += [f"| {a} | {b} |" for a, b in rows]
    if corpora:
        labels = [
            "workload (median per repeat)",
            "candidate pairs judged (same workload, outside the timings)",
            "candidate pairs per claim",
            "`pipeline.run`, cold caches",
            "… embedding (inside the embedder)",
            "… splitting",
            "… rest: events, candidate pairs, grouping + judging",
            f"`SentenceTransformer.encode` (batch {p['batch_size']}), same texts",
            "pipeline overhead (pipeline / encode − 1; goal ≤ 10 %)",
            "other processes' CPU during these runs (worst run)",
        ]
        cols = [_corpus_rows(c) for c in corpora.values()]
        names = [CORPUS_LABELS.get(k, k) for k in corpora]
        lines += ["", f"| in-process, per corpus: median of {p['repeats']} | " + " | ".join(names)
                  + " |", "|---|" + "---|" * len(names)]
        lines += [f"| {label} | " + " | ".join(col[i] for col in cols) + " |"
                  for i, label in enumerate(labels)]
    return "\n".join(lines)


def _pick_corpora(choice: str | None, bench: Path | None) -> tuple[list[str], list[Any] | None,
                                                                  str | None]:
    """The corpora to run, the ECB+ documents when needed, and where they came from."""
    from divergence.errors import DivergenceError
    from divergence.evaluate.loaders import default_root, load_ecbplus

    wanted = ["synthetic", "ecbplus"] if choice in (None, "both") else [choice]
    if "ecbplus" not in wanted:
        return wanted, None, None
    root = bench or default_root()
    try:
        if root is None:
            raise DivergenceError("no benchmark folder: pass --bench PATH or set "
                                  "DIVERGENCE_BENCH")
        docs = load_ecbplus(root, "all")
    except DivergenceError as err:
        if choice is not None:
            raise BenchError(f"--corpus {choice} needs the ECB+ documents: {err}") from None
        _log(f"note: ECB+ not available ({err}); running the synthetic corpus only")
        return ["synthetic"], None, None
    return wanted, docs, str(root)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse flags, run the three parts, print the tables, write the JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=None,
                    help="repeats of the report runs and the in-process comparison [3; quick: 1]")
    ap.add_argument("--help-runs", type=int, default=None,
                    help="fresh-process `divergence --help` runs [5; quick: 2]")
    ap.add_argument("--claims", type=int, default=None,
                    help="target number of claims per in-process workload (distinct texts for "
                         "the synthetic corpus) [2000; quick: 200]")
    ap.add_argument("--corpus", choices=("ecbplus", "synthetic", "both"), default=None,
                    help="in-process workload(s) [both when the ECB+ file is found, else "
                         "synthetic]")
    ap.add_argument("--bench", type=Path, default=None,
                    help="folder holding ecbplus/ecbplus_docs.jsonl [$DIVERGENCE_BENCH, else "
                         "../shared/bench]")
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help=f"JSON results path [default: {DEFAULT_OUT.relative_to(ROOT)}]")
    args = ap.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 3)
    help_runs = args.help_runs or (2 if args.quick else 5)
    claims = args.claims or (200 if args.quick else 2000)
    if min(repeats, help_runs, claims) < 1:
        ap.error("--repeats, --help-runs and --claims must be at least 1")
    os.environ.update(OFFLINE_ENV)

    cli, cli_desc = _cli_command()
    _log(f"CLI: {cli_desc}")
    try:
        # Before the long parts, so a missing ECB+ file fails (or falls back) at once.
        corpora, ecb_docs, bench_root = _pick_corpora(args.corpus, args.bench)
        _log(f"in-process corpora: {', '.join(corpora)}")
        results: dict[str, Any] = {
            "schema": "divergence.evaluate.pipeline/1",
            "settings": {"repeats": repeats, "help_runs": help_runs, "claims": claims,
                         "quick": args.quick, "cli": cli_desc, "corpora": corpora,
                         "bench_root": bench_root},
            "machine": machine_info(),
            # Subprocess parts first, before this process loads torch and competes for memory.
            "help": bench_help(cli, help_runs),
            "report": bench_report(cli, repeats),
        }
        results["inprocess"], results["corpora"] = bench_inprocess(claims, repeats, corpora,
                                                                   ecb_docs)
    except BenchError as err:
        print(f"benchmark failed: {err}", file=sys.stderr)
        return 1
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    write_json_atomic(out, results)
    print(render_table(results))
    _log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
