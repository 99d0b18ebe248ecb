"""The shipped NLI model: int8 against fp32, speed and agreement, measured side by side.

    python benchmarks/nli_speed.py --fp32 runs/nli/onnx-fp32 [--nli ../shared/nli] [--rounds 3]

Speed: pairs/s over the first 1,000 MNLI dev_mismatched pairs, median of ``--rounds`` runs, the
two models alternating in one process. Accuracy: both models over all of MNLI dev_mismatched
(held out from training), and how often they give the same label. Writes
benchmarks/results/nli_speed.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.evaluate.nli_data import load_mnli  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.judge.nli_onnx import OnnxNLI, shipped_folder  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fp32", type=Path, required=True, help="the fp32 export to compare with")
    ap.add_argument("--int8", type=Path, default=None, help="default: the shipped model")
    ap.add_argument("--nli", type=Path, default=HERE.parent.parent / "shared" / "nli")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--speed-pairs", type=int, default=1000)
    args = ap.parse_args()
    pairs = load_mnli(args.nli, "test")
    texts = [(p.a, p.b) for p in pairs]
    gold = np.array([("conflict", "agree", "neither").index(p.label) for p in pairs])
    models = {"int8": OnnxNLI(args.int8 or shipped_folder()), "fp32": OnnxNLI(args.fp32)}
    for m in models.values():
        m.predict(texts[:64])  # warm up
    speed: dict[str, list[float]] = {k: [] for k in models}
    sample = texts[:args.speed_pairs]
    for _ in range(args.rounds):
        for name, m in models.items():
            t0 = time.perf_counter()
            m.logits(sample)  # not predict: it remembers pairs it has read
            speed[name].append(len(sample) / (time.perf_counter() - t0))
    preds = {name: m.predict(texts).argmax(1) for name, m in models.items()}
    res = {
        "when": time.strftime("%Y-%m-%d %H:%M"), "load": os.getloadavg()[0],
        "pairs_speed": len(sample), "pairs_accuracy": len(texts), "rounds": args.rounds,
        "size_mb": {k: round((Path(m.folder or shipped_folder()) / "model.onnx").stat().st_size
                             / 1e6, 1) for k, m in models.items()},
        "pairs_per_second": {k: round(statistics.median(v), 1) for k, v in speed.items()},
        "accuracy": {k: round(float((p == gold).mean()), 4) for k, p in preds.items()},
        "same_label": round(float((preds["int8"] == preds["fp32"]).mean()), 4),
    }
    res["speedup"] = round(res["pairs_per_second"]["int8"] / res["pairs_per_second"]["fp32"], 2)
    out = HERE / "results" / "nli_speed.json"
    atomic_write(out, json.dumps(res, indent=2) + "\n")
    print("| model | size | pairs/s (median) | MNLI-mm accuracy |\n|---|---|---|---|")
    for k in models:
        print(f"| {k} | {res['size_mb'][k]} MB | {res['pairs_per_second'][k]} | "
              f"{res['accuracy'][k]} |")
    print(f"int8/fp32 speed {res['speedup']}x; same label on {res['same_label']:.4f}; "
          f"load {res['load']:.2f}; wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
