"""The judge, pair by pair, on training/newspairs: a development set for the rules, in two halves.

The odd batches (``fit``) are read to find what a detector misses; the even batches (``check``)
are only counted, to see whether a rule found on the first half holds on the second. Neither is
a held-out measure: newspairs is training data written by helper sessions, in short sentences of
their own style, and gains here have not reached newsdev's real-coverage pairs (see
docs/evaluation.md, "thirty-fifth").

    python benchmarks/newspairs_rules.py [--types credit,agree] [--out FILE]

Prints, per half and type (conflict type, or agree / unrelated), how many pairs the judge
called conflict / agree / neither, and writes every pair's label to FILE (default
benchmarks/results/newspairs_rules.json: the counts, and per pair its index and label).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

PAIRS = ROOT / "training" / "newspairs" / "pairs.jsonl"
LABELS = ("conflict", "agree", "neither")


def half(batch: int) -> str:
    """``fit`` for the odd batches (read freely), ``check`` for the even ones (counted only)."""
    return "fit" if batch % 2 else "check"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--types", default="", help="comma-separated conflict types, agree or "
                    "unrelated (default: all)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "newspairs_rules.json")
    args = ap.parse_args(argv)
    from newsdev_losses import default_judge

    from divergence.compare import compare_texts
    from divergence.embed import EMBEDDERS

    want = {t for t in args.types.split(",") if t}
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    judge = default_judge(emb.name)
    counts: Counter[tuple[str, str, str]] = Counter()
    labels: list[tuple[int, str]] = []
    t0 = time.perf_counter()
    with PAIRS.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            row = json.loads(line)
            kind = row["type"] if row["label"] == "conflict" else row["label"]
            if want and kind not in want:
                continue
            got = compare_texts(row["a"], row["b"], emb, judge)["label"]
            counts[(half(row["batch"]), kind, got)] += 1
            labels.append((i, got))
    table = {h: {k: {lab: counts[(h, k, lab)] for lab in LABELS}
                 for k in sorted({k for hh, k, _ in counts if hh == h})}
             for h in ("fit", "check")}
    for h, kinds in table.items():
        print(h)
        for k, c in kinds.items():
            print(f"  {k:<10} " + "  ".join(f"{lab} {c[lab]:>4}" for lab in LABELS))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"judge": judge.name, "pairs": len(labels),
                               "seconds": round(time.perf_counter() - t0, 1), "counts": table,
                               "labels": labels}) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
