"""Score the judges side by side on the public benchmarks and newsdev, in one run.

    python benchmarks/eval_all.py [--bench ../shared/bench] [--judges classifier,nli]
                                  [--out benchmarks/results/eval.json]

The same as `divergence eval BENCH` for sick, emergent, fnc1, ecbplus (test splits) and newsdev
(dev and test halves, report and pair level) for each judge named, and mnli / anli for the shipped
NLI model, with a markdown summary table on stdout (pasted into docs/evaluation.md). Needs the
benchmark folder; skips cleanly (exit 0 with a note) where it is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from divergence.embed import EmbeddingCache, SentenceTransformerEmbedder
from divergence.evaluate.evals import format_result, run_eval
from divergence.evaluate.loaders import default_root
from divergence.evaluate.newsdev import default_root as newsdev_root
from divergence.ingest.io import atomic_write
from divergence.judge import make_judge

TARGETS = {
    "sick": "conflict F1 >= 0.85",
    "fnc1": "FNC >= 75 % of max; related/unrelated accuracy >= 0.95",
    "emergent": "accuracy >= 0.70",
    "ecbplus": "topic B3-F1 >= 0.90; event B3-F1 >= 0.70",
    "newsdev": "test, report level: conflict F1 >= 0.70, agree F1 >= 0.70, macro-F1 >= 0.75",
    "mnli": "accuracy >= 0.75",
    "anli": "accuracy >= 0.38",
}


def _row(res: dict) -> str:
    b = res["bench"]
    if b == "newsdev":
        parts = []
        for level in ("report", "pair"):
            r = res[level]
            pc = r["per_class"]
            kinds = ", ".join(f"{k} {v['found']}/{v['n']}"
                              for k, v in r["conflict_recall_by_type"].items())
            parts.append(f"{level}: macro-F1 {r['macro_f1']:.3f}, conflict F1 "
                         f"{pc['conflict']['f1']:.3f}, agree F1 {pc['agree']['f1']:.3f} "
                         f"(conflict recall by type: {kinds})")
        return (f"| {b} {res['split']} | {res['n']} | {'; '.join(parts)} | {TARGETS[b]} | "
                f"{res['seconds']:.0f} s |")
    if b == "ecbplus":
        t, e = res["topic"], res["event"]
        got = (f"topic B3 P/R/F1 {t['precision']:.3f}/{t['recall']:.3f}/{t['f1']:.3f}, ARI "
               f"{t['ari']:.3f}; event B3 P/R/F1 {e['precision']:.3f}/{e['recall']:.3f}/"
               f"{e['f1']:.3f}, ARI {e['ari']:.3f}")
    elif b == "fnc1":
        got = (f"FNC {res['fnc']['percent']:.1f} % of max; related acc "
               f"{res['related_accuracy']:.3f}; disagree F1 "
               f"{res['per_class']['conflict']['f1']:.3f}; accuracy {res['accuracy']:.3f}")
    else:
        pc = res["per_class"]
        got = (f"accuracy {res['accuracy']:.3f}; F1 agree {pc['agree']['f1']:.3f}, conflict "
               f"{pc['conflict']['f1']:.3f}, neither {pc['neither']['f1']:.3f}; macro-F1 "
               f"{res['macro']['f1']:.3f}")
    per = f"{res['ms_per_pair']:.1f} ms/pair" if "ms_per_pair" in res else ""
    return f"| {b} | {res['n']} | {got} | {TARGETS[b]} | {res['seconds']:.0f} s {per} |"


def main() -> int:
    """Run the four evaluations and print a markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=default_root())
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results/eval.json"))
    ap.add_argument("--only", nargs="*",
                    default=["sick", "emergent", "fnc1", "ecbplus", "newsdev"])
    ap.add_argument("--judges", default="classifier,nli",
                    help="comma-separated judge names (divergence.judge.JUDGES)")
    ap.add_argument("--models", nargs="*", default=["mnli", "anli"],
                    help="NLI benchmarks for the shipped NLI model alone")
    args = ap.parse_args()
    if args.bench is None or not args.bench.is_dir():
        print("eval_all: no benchmark folder here (../shared/bench); skipped", file=sys.stderr)
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    emb = SentenceTransformerEmbedder(backend="onnx")
    cache = EmbeddingCache()
    results = []
    runs = [(j, b, "test") for j in args.judges.split(",") for b in args.only]
    if "newsdev" in args.only:
        runs += [(j, "newsdev", "dev") for j in args.judges.split(",")]
    runs += [("nli", b, "test") for b in args.models]
    for judge_name, bench, split in runs:
        judge = make_judge(judge_name, embedder=emb.name)
        root = (newsdev_root() if bench == "newsdev" else
                args.bench.parent / "nli" if bench in ("mnli", "anli") else args.bench)
        t0 = time.perf_counter()
        res = run_eval(bench, root, split, judge, emb, cache)
        res["wall_seconds"] = time.perf_counter() - t0
        res["judge_name"] = judge_name
        print(format_result(res), file=sys.stderr, flush=True)
        results.append(res)
    atomic_write(args.out, json.dumps(results, indent=2) + "\n")
    print("| judge | benchmark (split) | n | result | target | time |")
    print("|---|---|---|---|---|---|")
    for res in results:
        print(f"| {res['judge_name']} " + _row(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
