"""Benchmark the neighbour search behind ``divergence score``: exact (numpy) against HNSW (faiss).

What it measures, per corpus size (synthetic clustered unit vectors, 384-d float32, made in
chunks so memory stays bounded), for one 30-claim article (30 vectors near existing clusters):

1. exact search (``ExactIndex``), warm: median of 5 searches of the 30 queries, k = 10;
2. HNSW (``ann.HNSWIndex``, M 32, efConstruction 100, efSearch 128): build seconds, the RSS
   growth of this process over the build (the index's memory), the saved file's size, warm
   search median of 20, and recall@10 against the exact top 10;
3. cold process: a fresh ``python`` that imports ``divergence.corpus.ann``, loads the saved
   index from disk and runs one search; median of 3 of its wall time, split into import /
   load / search.

Only the index is timed: splitting and embedding the new article and judging its pairs do not
depend on the corpus size, so they are left out (add the article's own embedding time to the
scoring figures). Goal: warm search against 1 M claims under 50 ms, recall@10 >= 0.95.

Run from the repository root with the project's environment (faiss-cpu installed):

    python benchmarks/score.py                          # 10 k, 100 k and 1 M claims
    python benchmarks/score.py --sizes 10000,100000 --hnsw-max 100000   # 1 M: exact only
    python benchmarks/score.py --sizes 1000000          # the 1 M HNSW build (~10 min, 2 cores)
    python benchmarks/score.py --quick                  # smoke test

It prints a markdown table on stdout (progress on stderr) and merges its rows, by size, into
``benchmarks/results/score.json`` (written atomically), so sizes can be run in separate sessions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from divergence.corpus.ann import HNSWIndex  # noqa: E402
from divergence.corpus.score import ExactIndex  # noqa: E402

DIM, K, QUERIES = 384, 10, 30
OUT = ROOT / "benchmarks" / "results" / "score.json"
COLD = """
import sys, time, json
t0 = time.perf_counter()
import numpy as np
from divergence.corpus.ann import HNSWIndex
t1 = time.perf_counter()
index = HNSWIndex.load(sys.argv[1])
t2 = time.perf_counter()
index.search(np.load(sys.argv[2]), 10)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "search_s": t3 - t2, "total_s": t3 - t0}))
"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def corpus(n: int, seed: int = 0, chunk: int = 100_000) -> tuple[np.ndarray, np.ndarray]:
    """``n`` clustered unit vectors (about 20 per cluster, like claims on one event) and centres."""
    rng = np.random.default_rng(seed)
    centres = unit(rng.standard_normal((max(1, n // 20), DIM)).astype(np.float32))
    out = np.empty((n, DIM), np.float32)
    for a in range(0, n, chunk):
        b = min(n, a + chunk)
        noise = rng.standard_normal((b - a, DIM)).astype(np.float32) * 0.06
        out[a:b] = unit(centres[rng.integers(0, len(centres), b - a)] + noise)
    return out, centres


def article(centres: np.ndarray, seed: int = 1) -> np.ndarray:
    """30 claim vectors near existing clusters (a new article about known events)."""
    rng = np.random.default_rng(seed)
    picks = centres[rng.integers(0, len(centres), QUERIES)]
    return unit(picks + rng.standard_normal(picks.shape).astype(np.float32) * 0.06)


def timed(fn, repeats: int) -> float:
    """Median wall seconds of ``fn()`` over ``repeats`` runs, after one untimed warm-up."""
    fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return median(times)


def recall(truth: np.ndarray, got: np.ndarray) -> float:
    return float(np.mean([len(set(t) & set(g)) / len(t) for t, g in zip(truth, got, strict=True)]))


def cold(index_path: Path, queries_path: Path, repeats: int) -> dict[str, float]:
    """Median of ``repeats`` fresh processes that load the index and search once."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        res = subprocess.run([sys.executable, "-c", COLD, str(index_path), str(queries_path)],
                             capture_output=True, text=True, check=True, env=env)
        run = json.loads(res.stdout)
        run["wall_s"] = time.perf_counter() - t
        runs.append(run)
    return {k: median(r[k] for r in runs) for k in runs[0]}


def bench(n: int, hnsw: bool, repeats: int, cold_repeats: int, tmp: Path) -> dict:
    log(f"{n:,} claims: generating")
    vectors, centres = corpus(n)
    queries = article(centres)
    exact = ExactIndex().fit(vectors)
    truth = exact.search(queries, K)[0]
    row: dict = {"n": n, "dim": DIM, "queries": QUERIES, "k": K,
                 "exact_warm_s": timed(lambda: exact.search(queries, K), 5)}
    log(f"  exact warm {row['exact_warm_s'] * 1e3:.1f} ms")
    if not hnsw:
        row["hnsw"] = None
        row["hnsw_note"] = (f"HNSW build not run in this session; run: "
                            f"python benchmarks/score.py --sizes {n}")
        return row
    before = rss_mb()
    t = time.perf_counter()
    index = HNSWIndex().fit(vectors)
    build = time.perf_counter() - t
    mem = rss_mb() - before
    log(f"  hnsw build {build:.1f} s, +{mem:.0f} MB")
    path, qpath = tmp / f"{n}.index", tmp / f"{n}.queries.npy"
    index.save(path)
    np.save(qpath, queries)
    row["hnsw"] = {
        "m": index.m, "ef_construction": index.ef_construction, "ef_search": index.ef_search,
        "build_s": build, "rss_delta_mb": mem, "file_mb": path.stat().st_size / 2**20,
        "warm_s": timed(lambda: index.search(queries, K), repeats),
        "recall_at_10": recall(truth, index.search(queries, K)[0]),
        "cold": cold(path, qpath, cold_repeats) if cold_repeats else None,
    }
    log(f"  hnsw warm {row['hnsw']['warm_s'] * 1e3:.2f} ms, recall {row['hnsw']['recall_at_10']}")
    return row


def table(rows: list[dict]) -> str:
    head = ("| claims | exact warm ms | hnsw build s | hnsw RSS +MB | file MB | hnsw warm ms "
            "| recall@10 | cold total s (import / load / search) |")
    out = [head, "|" + "---|" * 8]
    for r in rows:
        h = r.get("hnsw")
        if not h:
            out.append(f"| {r['n']:,} | {r['exact_warm_s'] * 1e3:.1f} | not run | | | | | |")
            continue
        c = h.get("cold")
        cs = (f"{c['wall_s']:.2f} ({c['import_s']:.2f} / {c['load_s']:.2f} / "
              f"{c['search_s'] * 1e3:.1f} ms)" if c else "not run")
        out.append(f"| {r['n']:,} | {r['exact_warm_s'] * 1e3:.1f} | {h['build_s']:.1f} "
                   f"| {h['rss_delta_mb']:.0f} | {h['file_mb']:.0f} | {h['warm_s'] * 1e3:.2f} "
                   f"| {h['recall_at_10']:.3f} | {cs} |")
    return "\n".join(out)


def write_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated claim counts")
    p.add_argument("--hnsw-max", type=int, default=None,
                   help="build HNSW only up to this size (larger sizes: exact search only)")
    p.add_argument("--cold-max", type=int, default=1_000_000,
                   help="cold-process timing only up to this size")
    p.add_argument("--quick", action="store_true", help="smoke test: small sizes, few repeats")
    p.add_argument("--out", type=Path, default=OUT)
    a = p.parse_args(argv)
    sizes = [2_000, 10_000] if a.quick else [int(s) for s in a.sizes.split(",")]
    repeats, cold_repeats = (5, 1) if a.quick else (20, 3)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            hnsw = a.hnsw_max is None or n <= a.hnsw_max
            rows.append(bench(n, hnsw, repeats, cold_repeats if n <= a.cold_max else 0,
                              Path(tmp)))
    print(table(rows))
    for r in rows:
        if r.get("hnsw_note"):
            print(f"\n{r['n']:,} claims: {r['hnsw_note']}")
    if a.quick:
        return
    try:
        old = json.loads(a.out.read_text(encoding="utf-8"))["sizes"]
    except (OSError, ValueError, KeyError):
        old = {}
    # a new exact-only row must not erase an earlier HNSW measurement of the same size
    for r in rows:
        prev = old.get(str(r["n"]))
        if r["hnsw"] is None and prev and prev.get("hnsw"):
            r = {**prev, "exact_warm_s": r["exact_warm_s"]}
        old[str(r["n"])] = r
    write_atomic(a.out, {"machine_cpus": os.cpu_count(),
                         "sizes": dict(sorted(old.items(), key=lambda kv: int(kv[0])))})


if __name__ == "__main__":
    main()
