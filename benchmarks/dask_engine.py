"""Benchmark `--engine dask` against the local engine on synthetic news; check the results match.

The corpus: ``benchmarks/synth.py`` articles of 30 sentences with headers, one .txt file each, in
a temporary folder; enough of them for ``--claims`` claims (about 29 claims per article). Both
engines run in one process, one after the other, on the same files, with the real packaged model
(all-MiniLM-L6-v2, offline) and no embedding cache:

* ``local``: ``LocalEngine`` in this process (torch with its default threads, 2 here);
* ``dask``: ``DaskEngine`` against a ``LocalCluster`` of ``--workers`` worker processes with one
  thread each, started by this script.

The main figure is the engine call: ingest + split + embed, from paths to (articles, claims,
vectors). Model loading (in this process; on every worker) and the cluster's start-up are timed
apart and are in neither figure. With ``--full`` the rest of ``report`` (grouping, judging:
``pipeline.report_from``) also runs on both outputs, timed, and the two reports are compared;
on 100 k claims the dense grouping may be slow or too big, hence off by default.

The result must be equal: the same articles, skips and claims (ids, texts, offsets), and vectors
allclose (atol 1e-5; the script also says whether they are bitwise equal).

    python benchmarks/dask_engine.py --claims 10000          # a quicker run (~2-3 min here)
    python benchmarks/dask_engine.py                         # 100 k claims (~10+ min per engine)
    python benchmarks/dask_engine.py --claims 10000 --full   # also group, judge and compare

Prints a markdown table on stdout (progress on stderr) and writes ``benchmarks/results/dask.json``
atomically (``--out`` to change), one run per claim count. Timings on this 2-core machine are
noisy when other jobs run: ``other_load`` records how many cores other processes used meanwhile,
and claims per CPU-second is the steadier figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import synth  # noqa: E402

from divergence.contract import report_to_dict  # noqa: E402
from divergence.engines import (  # noqa: E402
    DaskEngine,
    EmbedderSpec,
    Ingested,
    LocalEngine,
    embedder_for,
)
from divergence.ingest.io import atomic_write, make_article  # noqa: E402
from divergence.ingest.split import split  # noqa: E402
from divergence.records import Article  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "dask.json"
MODEL = "all-MiniLM-L6-v2"
SENTENCES = 30
SCHEMA = "divergence.evaluate.dask/1"


def _log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _busy_s() -> float | None:
    """CPU seconds all processes on the machine have used since boot (from /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            vals = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (sum(vals) - vals[3] - vals[4]) / os.sysconf("SC_CLK_TCK")


def _cpu_s() -> float:
    """CPU seconds (user + system) this process has used, all threads."""
    t = os.times()
    return t.user + t.system


class Timed:
    """Wall seconds of a block; the cores its processes used, and the cores others used.

    ``own`` returns the CPU seconds of the processes doing the work (this one, plus the workers).
    """

    def __init__(self, own: Callable[[], float] = _cpu_s) -> None:
        self._own = own

    def __enter__(self) -> Timed:
        self._busy, self._cpu, self._t = _busy_s(), self._own(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = s = max(time.perf_counter() - self._t, 1e-9)
        busy, cpu = _busy_s(), self._own()
        self.cores = (cpu - self._cpu) / s
        self.other = (None if busy is None or self._busy is None
                      else max(0.0, (busy - self._busy) / s - self.cores))


def make_corpus(folder: Path, claims: int) -> dict[str, Any]:
    """Write enough synthetic articles to ``folder`` for about ``claims`` claims."""
    sample = [make_article(synth.article(seed, SENTENCES), path=f"s{seed}") for seed in range(40)]
    per = sum(len(split(a)) for a in sample if isinstance(a, Article)) / len(sample)
    n = math.ceil(claims / per)
    folder.mkdir(parents=True)
    for seed in range(n):
        (folder / f"a{seed:06d}.txt").write_text(synth.article(seed, SENTENCES), encoding="utf-8")
    size = sum(f.stat().st_size for f in folder.iterdir())
    return {"articles": n, "claims_per_article_sample": round(per, 2), "bytes": size}


def _warm(spec: EmbedderSpec) -> float:
    """Load the model of ``spec`` in this process (a worker, when run by client.run)."""
    t = time.perf_counter()
    embedder_for(spec).encode(["The ministers met on Monday to warm up the model."])
    return time.perf_counter() - t


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MB: VmHWM, which (unlike ru_maxrss) a spawned
    worker does not inherit from the process that forked it."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compare(local: Ingested, dask: Ingested) -> dict[str, Any]:
    """Whether the two engines gave the same result (vectors to float noise)."""
    same_shape = local.vectors.shape == dask.vectors.shape
    diff = float(np.abs(local.vectors - dask.vectors).max()) if same_shape and len(
        local.claims) else 0.0
    out = {
        "articles_equal": local.articles == dask.articles,
        "skipped_equal": local.skipped == dask.skipped,
        "claims_equal": local.claims == dask.claims,
        "vectors_allclose": same_shape and bool(np.allclose(local.vectors, dask.vectors,
                                                             atol=1e-5)),
        "vectors_bitwise_equal": bool(np.array_equal(local.vectors, dask.vectors)),
        "vectors_max_abs_diff": diff,
    }
    out["equal"] = all(out[k] for k in ("articles_equal", "skipped_equal", "claims_equal",
                                        "vectors_allclose"))
    return out


def _full(got: Ingested, spec: EmbedderSpec) -> tuple[float, dict[str, Any]]:
    from divergence.judge import Judge
    from divergence.judge.model import shipped
    from divergence.pipeline import Options, report_from

    name = embedder_for(spec).name
    with Timed() as t:
        rep = report_from(got.articles, got.claims, got.vectors, name,
                          Judge(classifier=shipped(name)), Options(progress=False), got.skipped)
    d = report_to_dict(rep)
    d.pop("created")
    return t.seconds, d


def run(claims: int, workers: int, partitions: int | None, full: bool) -> dict[str, Any]:
    """Both engines on one corpus; timings, the comparison and the settings as a dict."""
    import distributed

    spec = EmbedderSpec.of("sentence-transformers", model=MODEL)
    res: dict[str, Any] = {"settings": {
        "claims_target": claims, "workers": workers, "threads_per_worker": 1,
        "partitions": partitions or 2 * workers, "model": MODEL, "cache": False, "full": full}}
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        corpus = Path(tmp) / "corpus"
        _log(f"writing a corpus for ~{claims:,} claims")
        res["corpus"] = make_corpus(corpus, claims)
        paths = [str(corpus)]

        _log("local: loading the model (not timed in the engine figure)")
        res["local_model_load_s"] = _warm(spec)
        _log("local: ingest + split + embed")
        with Timed() as t:
            local = LocalEngine().run(paths, spec, progress=True)
        res["local"] = {"engine_s": t.seconds, "cores_used": t.cores, "other_load": t.other,
                        "claims": len(local.claims), "claims_per_s": len(local.claims) / t.seconds,
                        "driver_peak_rss_mb": _peak_rss_mb()}
        res["corpus"]["claims"] = len(local.claims)
        _log(f"local: {t.seconds:.1f} s for {len(local.claims):,} claims")

        with Timed() as t:
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, dashboard_address=None,
                                               silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        res["cluster_start_s"] = t.seconds
        try:
            with Timed() as t:
                client.run(_warm, spec)
            res["worker_model_load_s"] = t.seconds
            _log(f"dask: cluster up in {res['cluster_start_s']:.1f} s, models loaded in "
                 f"{t.seconds:.1f} s; ingest + split + embed")
            def own() -> float:  # the driver (scheduler, client) and every worker
                return _cpu_s() + sum(client.run(_cpu_s).values())

            with Timed(own) as t:
                dask = DaskEngine(cluster.scheduler_address, partitions).run(paths, spec,
                                                                             progress=True)
            rss = client.run(_peak_rss_mb)
            res["dask"] = {"engine_s": t.seconds, "cores_used": t.cores, "other_load": t.other,
                           "claims": len(dask.claims),
                           "claims_per_s": len(dask.claims) / t.seconds,
                           "worker_peak_rss_mb": sorted(rss.values())}
            _log(f"dask: {t.seconds:.1f} s for {len(dask.claims):,} claims")
        finally:
            client.close()
            cluster.close()
        res["speedup"] = res["local"]["engine_s"] / res["dask"]["engine_s"]
        res["result"] = compare(local, dask)
        if full:
            _log("full report (grouping, judging) on both outputs")
            ls, ld = _full(local, spec)
            ds, dd = _full(dask, spec)
            res["full"] = {"local_report_from_s": ls, "dask_report_from_s": ds,
                           "reports_equal_but_created": ld == dd, "groups": len(ld["groups"])}
    res["machine"] = {"date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                      "nproc": os.cpu_count(), "platform": platform.platform(),
                      "python": platform.python_version(), "dask": distributed.__version__}
    return res


def table(res: dict[str, Any]) -> str:
    """The results as a markdown table."""
    c = res["corpus"]
    lines = [
        f"{c['claims']:,} claims in {c['articles']:,} articles ({c['bytes'] / 1e6:.1f} MB), "
        f"{MODEL}, no cache; dask = LocalCluster of {res['settings']['workers']} workers x 1 "
        f"thread, {res['settings']['partitions']} partitions",
        "",
        "| engine | ingest + split + embed | claims/s | claims per CPU-second | "
        "start-up (not included) | cores used | other load (cores) |",
        "|---|---|---|---|---|---|---|",
        f"| local (1 process, torch 2 threads) | {res['local']['engine_s']:.1f} s | "
        f"{res['local']['claims_per_s']:.0f} | {_per_cpu(res['local'])} | "
        f"model {res['local_model_load_s']:.1f} s | "
        f"{_cores(res['local'])} |",
        f"| dask (2 workers x 1 thread) | {res['dask']['engine_s']:.1f} s | "
        f"{res['dask']['claims_per_s']:.0f} | {_per_cpu(res['dask'])} | "
        f"cluster {res['cluster_start_s']:.1f} s + models "
        f"{res['worker_model_load_s']:.1f} s | {_cores(res['dask'])} |",
        "",
        f"dask / local speed: {res['speedup']:.2f}x. Result equal: {res['result']['equal']} "
        f"(claims {res['result']['claims_equal']}, vectors allclose "
        f"{res['result']['vectors_allclose']}, bitwise {res['result']['vectors_bitwise_equal']}, "
        f"max |diff| {res['result']['vectors_max_abs_diff']:.1e})",
        f"Peak memory: this process {res['local']['driver_peak_rss_mb']:.0f} MB (after the local "
        f"run); workers {', '.join(f'{m:.0f}' for m in res['dask']['worker_peak_rss_mb'])} MB.",
    ]
    if "full" in res:
        f = res["full"]
        lines.append(f"Full report (grouping + judging, on the driver): local "
                     f"{f['local_report_from_s']:.1f} s, dask {f['dask_report_from_s']:.1f} s; "
                     f"reports equal: {f['reports_equal_but_created']}")
    return "\n".join(lines)


def _per_cpu(part: dict[str, Any]) -> str:
    """Claims per CPU-second of the engine's own processes: less sensitive to other load."""
    return f"{part['claims'] / (part['engine_s'] * part['cores_used']):.0f}"


def _cores(part: dict[str, Any]) -> str:
    other = "?" if part["other_load"] is None else f"{part['other_load']:.2f}"
    return f"{part['cores_used']:.2f} | {other}"


def _merged(path: Path, res: dict[str, Any]) -> dict[str, Any]:
    """The results file with this run under its claim count, other sizes' runs kept."""
    try:
        old = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        old = {}
    runs = old.get("runs", {}) if old.get("schema") == SCHEMA else {}
    runs[str(res["settings"]["claims_target"])] = res
    return {"schema": SCHEMA, "runs": dict(sorted(runs.items(), key=lambda kv: int(kv[0])))}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when the two engines disagree."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000, help="about this many claims")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (1 thread each)")
    ap.add_argument("--partitions", type=int, default=None,
                    help="dask partitions [default: 2 per worker]")
    ap.add_argument("--full", action="store_true", help="also time grouping/judging and compare")
    ap.add_argument("--out", type=Path, default=OUT, help=f"JSON results [default: {OUT}]")
    a = ap.parse_args(argv)
    res = run(a.claims, a.workers, a.partitions, a.full)
    print(table(res))
    atomic_write(a.out, json.dumps(_merged(a.out, res), indent=2) + "\n")
    _log(f"wrote {a.out}")
    return 0 if res["result"]["equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
