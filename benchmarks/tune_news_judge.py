"""Choose the news judge's thresholds: the model's own ground on SICK **trial**, the news
thresholds on the newsdev **dev** half (never a test split).

    python benchmarks/tune_news_judge.py [--nli FOLDER] [--bench ../shared/bench]

First, between near-paraphrases the model may call a conflict or an agreement alone
(``nli_conflict``, ``bare_agree``): these two are chosen on SICK trial (500 pairs held out of the
model's training) by macro-F1. Then, with those fixed:

the model reads every newsdev dev gold pair once (both ways round: ``BOTH_WAYS`` turns off the
judge's skipped second readings, and reads pinned pairs worded apart); the decision is replayed
for each grid point (nli_agree x nli_soft x anchored_sim x read_apart) and scored by pair-level
macro-F1. Prints the best points, runs the whole report for the best few and ranks them by
report-level macro-F1 (the measure the issue sets), and writes
benchmarks/results/tune_news_judge.json. The chosen values go into ``NLIJudge``'s defaults by
hand, with this file's output cited beside them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, embed  # noqa: E402
from divergence.evaluate.metrics import per_class  # noqa: E402
from divergence.evaluate.newsdev import TO_PAIR, default_root, load_newsdev  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.ingest.split import claim_from_text, embedding_text  # noqa: E402
from divergence.judge import NLIJudge  # noqa: E402
from divergence.judge.model import shipped  # noqa: E402
from divergence.judge.nli_onnx import OnnxNLI, shipped_nli  # noqa: E402

GRID = {"nli_agree": [0.3, 0.4, 0.5, 0.6, 0.8, 1.01], "nli_soft": [0.4, 0.5, 0.6, 0.7],
        "anchored_sim": [0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 1.01], "read_apart": [0.3, 1.01]}


SICK_GRID = {"nli_conflict": [0.5, 0.7, 0.9, 0.95, 0.97, 0.98, 0.99, 1.01],
             "bare_agree": [0.5, 0.7, 0.9, 0.95, 0.97, 0.99]}


# The judge reads the second way round only while agreement is open *at its own thresholds*;
# probabilities replayed at other grid points must come from both readings.
# (Only the base judge's readings are used, so its own agree bars may be set out of reach.)
BOTH_WAYS = {"second_conflict": 1.01, "second_length": float("inf"),
             "nli_agree": 1.01, "bare_agree": 1.01, "read_apart": 0.3}

def tune_on_sick(bench: Path, model: object, emb: object) -> dict:
    """The near-paraphrase thresholds with the best macro-F1 on SICK trial."""
    from divergence.evaluate.evals import embed_statements
    from divergence.evaluate.loaders import load_sick

    pairs = load_sick(bench / "sick", "trial")
    ca, va = embed_statements([p.a for p in pairs], emb, None, "ta")  # type: ignore[arg-type]
    cb, vb = embed_statements([p.b for p in pairs], emb, None, "tb")  # type: ignore[arg-type]
    sims = np.einsum("ij,ij->i", va, vb).tolist()
    base = NLIJudge(nli=model, classifier=shipped(emb.name), **BOTH_WAYS)
    reasons = [base._reasons(a, b, s) for a, b, s in zip(ca, cb, sims, strict=True)]
    probs = base.model_probs(ca, cb, sims, reasons)
    pair_p = base._probs(ca, cb, va, vb, reasons)[:, 1].tolist()
    gold = [p.label for p in pairs]
    best: dict = {}
    for vals in itertools.product(*SICK_GRID.values()):
        kw = dict(zip(SICK_GRID, vals, strict=True))
        j = NLIJudge(nli=model, **kw)
        pred = [j._decide_news(a, b, s, r, p, q).label
                for a, b, s, r, p, q in zip(ca, cb, sims, reasons, probs, pair_p, strict=True)]
        pc = per_class(gold, pred, ("agree", "conflict", "neither"))
        row = {**kw, "macro_f1": pc["macro"]["f1"], "conflict_f1": pc["conflict"]["f1"]}
        if not best or row["macro_f1"] > best["macro_f1"]:
            best = row
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nli", type=Path, default=None)
    ap.add_argument("--split", default="dev", choices=["dev"])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--report-top", type=int, default=8,
                    help="run the report level for this many of the best pair-level points")
    args = ap.parse_args()
    data = load_newsdev(default_root(), args.split)
    pairs = list(data.pairs)
    gold = [TO_PAIR[p.label] for p in pairs]
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    ca = [claim_from_text(p.a.text, f"a{i}:0") for i, p in enumerate(pairs)]
    cb = [claim_from_text(p.b.text, f"b{i}:0") for i, p in enumerate(pairs)]
    va = embed([embedding_text(c) for c in ca], emb)
    vb = embed([embedding_text(c) for c in cb], emb)
    sims = np.einsum("ij,ij->i", va, vb).tolist()
    model = OnnxNLI(args.nli) if args.nli else shipped_nli()
    sick = tune_on_sick(args.bench, model, emb)
    print("SICK trial:", json.dumps(sick), flush=True)
    fixed = {k: sick[k] for k in SICK_GRID}
    base = NLIJudge(nli=model, **{**fixed, **BOTH_WAYS})
    reasons = [base._reasons(a, b, s) for a, b, s in zip(ca, cb, sims, strict=True)]
    probs = base.model_probs(ca, cb, sims, reasons)
    results = []
    for vals in itertools.product(*GRID.values()):
        kw = dict(zip(GRID, vals, strict=True))
        j = NLIJudge(nli=model, **fixed, **kw)
        pred = [j._decide_news(a, b, s, r, p).label
                for a, b, s, r, p in zip(ca, cb, sims, reasons, probs, strict=True)]
        pc = per_class(gold, pred, ("agree", "conflict", "neither"))
        results.append({**kw, "macro_f1": pc["macro"]["f1"], "conflict_f1": pc["conflict"]["f1"],
                        "agree_f1": pc["agree"]["f1"]})
    results.sort(key=lambda r: -r["macro_f1"])
    # The report level (the measure that counts) for the best pair-level points.
    from divergence.evaluate.evals import eval_newsdev

    seen, top = set(), []
    for r in results:
        key = tuple(r[k] for k in GRID)
        if key not in seen:
            seen.add(key)
            top.append(r)
        if len(top) >= args.report_top:
            break
    for r in top:
        j = NLIJudge(nli=model, **fixed, **{k: r[k] for k in GRID})
        rep = eval_newsdev(data, j, emb, None, levels=("report",))["report"]
        r.update(report_macro_f1=rep["macro_f1"], report_conflict_f1=rep["per_class"]["conflict"]
                 ["f1"], report_agree_f1=rep["per_class"]["agree"]["f1"])
        print("report level:", json.dumps(r), flush=True)
    top.sort(key=lambda r: -r["report_macro_f1"])
    out = {"when": time.strftime("%Y-%m-%d %H:%M"), "split": args.split, "pairs": len(pairs),
           "model": model.name, "sick_trial": sick, "grid": GRID,
           "best_pair_level": results[:10],
           "best_report_level": top}
    atomic_write(HERE / "results" / "tune_news_judge.json", json.dumps(out, indent=2) + "\n")
    print("best at report level:", json.dumps(top[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
