"""Where `divergence report` spends its time on the ECB+ workload of judge_cost.py, phase by
phase: import, splitting, embedding (with the claims' frames read beside it), events and
stories, candidate pairs, judging and grouping, and the rest (disputes, writing).

    python benchmarks/report_phases.py [--claims 2000] [--rounds 3] [--no-read-ahead]

Each round is a fresh `python -m divergence.cli report --no-cache` process, as judge_cost.py
runs it, with the pipeline's stage functions wrapped in timers (the child mode of this script);
the table gives each phase's median over the rounds. ``--no-read-ahead`` also runs rounds with
the frames read after embedding instead of beside it, to show what the read-ahead hides.
Writes benchmarks/results/report_phases.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

# The stages timed, by module and function name, in the order they run.
STAGES = (("divergence.pipeline", "split_articles", "split"),
          ("divergence.pipeline", "embed_claims", "embed (frames beside)"),
          ("divergence.pipeline", "voices", "voices"),
          ("divergence.pipeline", "find_events", "events"),
          ("divergence.pipeline", "stories", "stories"),
          ("divergence.pipeline", "candidate_pairs", "candidate pairs"),
          ("divergence.pipeline", "find_groups", "judge and group"))
PHASES = ("import", *(name for _, _, name in STAGES), "rest", "total")


def child(jsonl: Path, out: Path, read_ahead: bool) -> dict[str, float]:
    """Run one report in this process with each stage timed; seconds per phase."""
    t0 = time.perf_counter()
    import importlib

    import divergence.engines as engines
    import divergence.judge  # noqa: F401 - what the report path imports, timed as import
    import divergence.pipeline  # noqa: F401
    from divergence.cli.app import run
    spent: dict[str, float] = {}
    imported = time.perf_counter() - t0

    def timed(fn, name):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    for module, fn, name in STAGES:
        mod = importlib.import_module(module)
        wrapped = timed(getattr(mod, fn), name)
        setattr(mod, fn, wrapped)
        if hasattr(engines, fn):  # the engine calls split and embed by its own names
            setattr(engines, fn, wrapped)
    if not read_ahead:
        import divergence.judge.frames as frames
        frames.read_ahead = lambda claims: None
    sys.argv = ["divergence", "report", str(jsonl), "-q", "--no-cache", "--format", "json",
                "-o", str(out)]
    try:
        run()
    except SystemExit as e:
        if e.code not in (0, None):
            raise
    total = time.perf_counter() - t0
    out_phases = {"import": imported, **spent}
    out_phases["rest"] = total - sum(out_phases.values())
    out_phases["total"] = total
    return out_phases


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-read-ahead", action="store_true",
                    help="also time rounds with the frames read after embedding")
    ap.add_argument("--child", nargs=3, metavar=("FEED", "OUT", "AHEAD"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        jsonl, out, ahead = args.child
        print(json.dumps(child(Path(jsonl), Path(out), ahead == "1")))
        return 0

    from judge_cost import feed, workload

    from divergence.evaluate.loaders import default_root
    from divergence.ingest.io import atomic_write

    arts = workload(default_root(), args.claims)
    path, env = feed(arts, "report-phases-")
    tmp = path.parent
    env["PYTHONPATH"] = str(ROOT)
    variants = {"read ahead": "1", **({"no read ahead": "0"} if args.no_read_ahead else {})}

    def one(ahead: str) -> dict[str, float]:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child",
                               str(path), str(tmp / "out.json"), ahead],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"report failed:\n{proc.stderr[-2000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1])

    one("1")  # warm the ONNX export cache and the page cache
    rounds: dict[str, list[dict[str, float]]] = {k: [] for k in variants}
    for _ in range(args.rounds):  # interleaved: the host's load moves between runs
        for name, ahead in variants.items():
            rounds[name].append(one(ahead))
    med = {name: {p: round(statistics.median(r.get(p, 0.0) for r in runs), 2) for p in PHASES}
           for name, runs in rounds.items()}
    res = {"when": time.strftime("%Y-%m-%d %H:%M"), "articles": len(arts), "rounds": args.rounds,
           "load_after": os.getloadavg()[0], "median_seconds": med, "runs": rounds}
    atomic_write(HERE / "results" / "report_phases.json", json.dumps(res, indent=2) + "\n")
    names = list(variants)
    print("| phase | " + " | ".join(f"{n} (median s)" for n in names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for p in PHASES:
        print(f"| {p} | " + " | ".join(f"{med[n][p]:.2f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
