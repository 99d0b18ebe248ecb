"""Benchmark the embedding backends side by side: torch fp32, ONNX Runtime fp32, ONNX int8.

Per backend: sentences/s (median of 3 passes, the backends taking turns), the ratio to the fp32
arithmetic limit measured in the same run (float32 matmul GFLOP/s / the model's GFLOP per
sentence at these sentences' token counts; ~0.67 at 31 tokens), mean and min cosine to torch
fp32, in-process load time, and a fresh process's time to its first vector with whether it
imported torch. The measurement lives in ``divergence.embed.bench`` (also ``divergence bench
embed``). Goal: the default path at >= 2x torch fp32 with mean cosine >= 0.995.

Sentences: the seeds' sentences plus up to 3,000 SICK test sentences from ../shared/bench (or
$DIVERGENCE_BENCH), the seeds alone when the benchmark folder is absent.

    python benchmarks/embed.py                 # writes benchmarks/results/embed.json
    python benchmarks/embed.py --quick         # 300 sentences, 1 run, no cold starts
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from divergence.embed.bench import (  # noqa: E402
    bench_embed,
    format_table,
    sentences_from,
    sick_sentences,
)
from divergence.evaluate.loaders import default_root  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "embed.json"


def main() -> None:
    """Run the benchmark, print the table, write the JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sick", type=int, default=3000, help="SICK test sentences to add")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--backends", default="torch,onnx,onnx-int8")
    ap.add_argument("--quick", action="store_true", help="smoke test: 300 sentences, 1 run")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args()
    texts = sentences_from([str(ROOT / "seeds")])
    sick = sick_sentences(default_root(), args.sick)
    if not sick:
        print("embed: no SICK sentences found; the seeds alone", file=sys.stderr)
    texts = list(dict.fromkeys(texts + sick))
    if args.quick:
        texts, args.runs = texts[:300], 1
    res = bench_embed(texts, args.backends.split(","), runs=args.runs, cold=not args.quick,
                      on_progress=lambda s: print(f"embed: {s}", file=sys.stderr, flush=True))
    n_sick = len(set(texts) & set(sick))
    res["sources"] = {"seeds": len(texts) - n_sick, "sick": n_sick}
    atomic_write(args.output, json.dumps(res, indent=2) + "\n")
    print(format_table(res))
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
