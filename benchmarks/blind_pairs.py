"""The judge on tests/data/blind_pairs: pairs written by someone who never read the judge.

    python benchmarks/blind_pairs.py [--judge nli]

Judges every pair as `divergence compare` does and prints, for the dev half (odd lines, read for
rules) and the test half (even lines, never read), accuracy, macro-F1 and conflict recall by
kind; writes benchmarks/results/blind_pairs.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.compare import compare_texts  # noqa: E402
from divergence.embed import EMBEDDERS  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.judge import make_judge  # noqa: E402

DATA = HERE.parent / "tests" / "data" / "blind_pairs" / "pairs.tsv"
LABELS = ("agree", "conflict", "neither")


def _f1(rows: list[dict], label: str) -> float:
    tp = sum(r["pred"] == label == r["gold"] for r in rows)
    fp = sum(r["pred"] == label != r["gold"] for r in rows)
    fn = sum(r["gold"] == label != r["pred"] for r in rows)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(rows: list[dict]) -> dict:
    """Accuracy, F1 per label, macro-F1, conflict recall by kind, false conflicts."""
    by_kind = Counter((r["type"], r["pred"] == "conflict") for r in rows if r["gold"] == "conflict")
    kinds = sorted({r["type"] for r in rows if r["gold"] == "conflict"})
    f1 = {lab: round(_f1(rows, lab), 3) for lab in LABELS}
    return {"n": len(rows),
            "accuracy": round(sum(r["pred"] == r["gold"] for r in rows) / len(rows), 3),
            "f1": f1, "macro_f1": round(sum(f1.values()) / len(LABELS), 3),
            "conflict_recall_by_kind": {
                k: f"{by_kind[(k, True)]}/{by_kind[(k, True)] + by_kind[(k, False)]}"
                for k in kinds},
            "false_conflicts": sum(r["pred"] == "conflict" != r["gold"] for r in rows)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--judge", default="nli")
    args = ap.parse_args()
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    judge = make_judge(args.judge, embedder=emb.name)
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        gold, kind, a, b = line.split("\t")
        got = compare_texts(a, b, emb, judge)
        rows.append({"gold": gold, "type": kind, "pred": got["label"]})
    out = {"judge": args.judge, "dev (odd lines)": score(rows[0::2]),
           "test (even lines)": score(rows[1::2]), "all": score(rows)}
    for name, res in out.items():
        if name != "judge":
            print(f"{name}: accuracy {res['accuracy']}, macro-F1 {res['macro_f1']}, "
                  f"false conflicts {res['false_conflicts']}; conflict recall "
                  + ", ".join(f"{k} {v}" for k, v in res["conflict_recall_by_kind"].items()))
    path = HERE / "results" / "blind_pairs.json"
    atomic_write(path, json.dumps(out, indent=2) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
