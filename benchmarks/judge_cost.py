"""What the new judge costs: `divergence report` on the ECB+ workload of benchmarks/pipeline.py,
today's code against another checkout (the main before this wave), side by side in one run.

    git worktree add /tmp/main-25bd3c5 25bd3c5
    python benchmarks/judge_cost.py --base /tmp/main-25bd3c5 [--claims 2000] [--rounds 3]

Each round runs every variant once, in turn, as a fresh `python -m divergence.cli report` process
with no embedding cache (so embedding is included, as a user's first run has it): the base
checkout (its default judge), this checkout's default judge, and this checkout with
``--judge classifier``. Prints the median wall time of each and its ratio to the base; writes
benchmarks/results/judge_cost.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from divergence.evaluate.loaders import default_root, load_ecbplus  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.records import Article  # noqa: E402


def workload(bench: Path, target: int) -> list[Article]:
    """ECB+ documents in file order until their claims reach ``target`` (pipeline.py's rule)."""
    from divergence.ingest.io import make_article
    from divergence.ingest.split import split

    out, n = [], 0
    for doc in load_ecbplus(bench / "ecbplus", "all"):
        if n >= target:
            break
        art = make_article(doc.text, path=doc.id, source=doc.id, id=doc.id)
        if isinstance(art, Article):
            out.append(art)
            n += len(split(art))
    return out


def feed(arts: list[Article], prefix: str) -> tuple[Path, dict[str, str]]:
    """``arts`` written as a JSONL feed in a new temporary folder, and the environment the
    report processes run in there: offline, a cache of their own, no inherited PYTHONPATH."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    path = tmp / "ecb.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "source": a.source, "text": a.text}) + "\n"
                            for a in arts), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(HF_HUB_OFFLINE="1", DIVERGENCE_CACHE=str(tmp / "cache"))
    return path, env


def run(tree: Path, args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "divergence.cli", *args], cwd=tree,
                          env={**env, "PYTHONPATH": str(tree)}, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="checkout of the base commit")
    ap.add_argument("--bench", type=Path, default=default_root())
    ap.add_argument("--claims", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    arts = workload(args.bench, args.claims)
    path, env = feed(arts, "judge-cost-")
    tmp = path.parent
    common = ["report", str(path), "-o", str(tmp / "out"), "--claims-dir", str(tmp / "claims"),
              "-q", "--no-cache", "--format", "json"]
    variants = {"base": (args.base, common), "new (default judge)": (ROOT, common),
                "new --judge classifier": (ROOT, [*common, "--judge", "classifier"])}
    for tree, a in variants.values():  # warm the ONNX export caches and the page cache
        run(tree, a, env)
    times: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(args.rounds):
        for name, (tree, a) in variants.items():
            times[name].append(run(tree, a, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    res = {"when": time.strftime("%Y-%m-%d %H:%M"), "articles": len(arts), "rounds": args.rounds,
           "load_after": os.getloadavg()[0], "seconds": times,
           "median_seconds": {k: round(v, 2) for k, v in med.items()},
           "ratio_to_base": {k: round(v / med["base"], 3) for k, v in med.items()}}
    atomic_write(HERE / "results" / "judge_cost.json", json.dumps(res, indent=2) + "\n")
    print(f"| variant | median s ({args.rounds} rounds) | × base |\n|---|---|---|")
    for k in variants:
        print(f"| {k} | {med[k]:.1f} | {res['ratio_to_base'][k]:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
