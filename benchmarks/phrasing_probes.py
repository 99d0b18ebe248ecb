"""The judge on phrasing probes: pairs of news sentences about invented events, written by
helper sessions that never read the judge's code (benchmarks/data/phrasing_probes*.jsonl).

    python benchmarks/phrasing_probes.py [--split dev|test|all] [--root CHECKOUT] [--show]
    python benchmarks/phrasing_probes.py --data benchmarks/data/phrasing_probes_b.jsonl

Every pair is judged as `divergence compare` judges it (claims read with their attribution,
cosine of the packaged MiniLM, the default judge). Prints per-label P/R/F1, macro-F1 and conflict
recall per type; `--root` judges with another checkout's code (the same data), so two commits
compare side by side. Writes benchmarks/results/phrasing_probes[_<name>].json. The probes use
invented countries and people only: they measure how the judge reads kinds of wording, not any
real event. Set A (phrasing_probes.jsonl, 80 pairs) is split by id: p001-p040 are dev (read to
find what to fix), p041-p080 test (scored only, never read). Set B (phrasing_probes_b.jsonl,
120 pairs, written later by another helper) is held out whole: score it, never read it. Set C
(phrasing_probes_c.jsonl, 120 pairs, a third helper, 2026-12-02): c001-c060 dev, c061-c120 test.
Set D (phrasing_probes_d.jsonl, 120 pairs, a fourth helper, later on 2026-12-02) is held out
whole, like B.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("agree", "conflict", "neither")
# The last id of each set's dev half (read to fix); a set not listed is held out whole.
DEV_HALF = {"phrasing_probes": 40, "phrasing_probes_c": 60}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=HERE.parent, help="checkout whose judge to use")
    ap.add_argument("--data", type=Path, default=HERE / "data" / "phrasing_probes.jsonl")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="print every wrong pair (dev only)")
    args = ap.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    import numpy as np

    from divergence.embed import EMBEDDERS
    from divergence.evaluate.metrics import per_class
    from divergence.ingest.io import atomic_write
    from divergence.ingest.split import claim_from_text
    from divergence.pipeline import default_judge

    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    half = DEV_HALF.get(args.data.stem)
    if args.split != "all":
        if half is None:
            ap.error(f"{args.data.name} is held out whole: score it with --split all")
        rows = [r for r in rows if (int(r["id"][1:]) <= half) == (args.split == "dev")]
    if args.show and half is None:
        ap.error("--show reads the pairs to fix them: the dev half of set A or C only")
    if args.show and args.split != "dev":
        ap.error("--show reads the pairs to fix them: dev only")
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    judge = default_judge(emb.name)
    gold, pred, found, agreed = [], [], Counter(), Counter()
    for r in rows:
        a, b = claim_from_text(r["a"], "a:0"), claim_from_text(r["b"], "b:0")
        va, vb = np.asarray(emb.encode([a.content, b.content]), dtype=np.float32)
        sim = float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb) or 1.0))
        got = judge.judge_pairs([a], [b], [sim])[0].label
        want = "neither" if r["label"] == "unrelated" else r["label"]
        gold.append(want)
        pred.append(got)
        if want == "conflict" and got == "conflict":
            found[r["type"]] += 1
        if want == "conflict" and got == "agree":
            agreed[r["type"]] += 1
        if args.show and got != want:
            print(f"{r['id']} {want}->{got} ({r.get('type')}): {r['a']} / {r['b']}")
    scores = per_class(gold, pred, LABELS)
    types = Counter(r["type"] for r in rows if r["label"] == "conflict")
    out = {"root": str(args.root), "split": args.split, "pairs": len(rows),
           "per_class": {k: {m: round(float(v), 3) for m, v in scores[k].items()}
                         for k in (*LABELS, "macro")},
           "conflict_recall_by_type": {t: f"{found[t]}/{n}" for t, n in sorted(types.items())},
           "conflicts_judged_agree_by_type": {t: f"{agreed[t]}/{n}"
                                              for t, n in sorted(types.items())}}
    for k in (*LABELS, "macro"):
        s = scores[k]
        print(f"{k:9s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    print("conflict recall by type: " + ", ".join(
        f"{t} {v}" for t, v in out["conflict_recall_by_type"].items()))
    print("conflicts judged agree, by type: " + ", ".join(
        f"{t} {v}" for t, v in out["conflicts_judged_agree_by_type"].items()))
    name = "" if args.root.resolve() == HERE.parent else f"_{args.root.resolve().name}"
    dest = HERE / "results" / f"{args.data.stem}_{args.split}{name}.json"
    atomic_write(dest, json.dumps(out, indent=1) + "\n")
    print(f"wrote {dest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
