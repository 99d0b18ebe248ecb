"""How well the shipped NLI model reads real news pairs: ROC AUC on newsdev's gold pairs.

    python benchmarks/nli_news_auc.py [--nli FOLDER --out FILE] [--as-written]

Each gold pair's two sentences are read as ``compare`` reads them (``claim_from_text``: the
proposition without its attribution) and given to the model both ways round. For each split it
reports the ROC AUC of P(contradiction) (the larger of the two readings) for telling the gold
conflicts from every other gold pair and from the agreements alone, and of P(entailment) and of
the MiniLM cosine for telling the agreements from the rest. An AUC of 0.5 is chance. This is the
measure a better model (issue 11) must move before the judge can read paraphrased disputes:
the judge asks the model only narrow questions, but none of them can be answered better than
this. Writes benchmarks/results/nli_news_auc.json (figures only, no texts).

``--nli`` measures another exported model (``divergence.judge.nli_onnx``) instead of the
shipped one, written to ``--out`` (required then: the default file holds the shipped model's
figures); ``--as-written`` gives it the gold sentences whole, attribution kept ("X said P"),
as a model trained on such sentences (``training/newspairs``) reads them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, EmbeddingCache, embed  # noqa: E402
from divergence.evaluate.metrics import roc_auc  # noqa: E402
from divergence.evaluate.newsdev import TO_PAIR, default_root, load_newsdev  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.ingest.split import claim_from_text  # noqa: E402
from divergence.judge.nli_onnx import OnnxNLI, shipped_nli  # noqa: E402


def measure(split: str, model: object, emb: object, cache: EmbeddingCache,
            as_written: bool = False) -> dict:
    """The AUCs of one split (cosine always on the propositions, as the judge embeds them)."""
    data = load_newsdev(default_root(), split)
    a = [claim_from_text(p.a.text, "a:0").content for p in data.pairs]
    b = [claim_from_text(p.b.text, "b:0").content for p in data.pairs]
    cos = (embed(a, emb, cache) * embed(b, emb, cache)).sum(axis=1)  # type: ignore[arg-type]
    if as_written:
        a, b = [p.a.text for p in data.pairs], [p.b.text for p in data.pairs]
    probs = model.predict(list(zip(a, b, strict=True)) + list(zip(b, a, strict=True)))  # type: ignore[attr-defined]
    n = len(a)
    contra = np.maximum(probs[:n, 0], probs[n:, 0])
    entail = np.maximum(probs[:n, 1], probs[n:, 1])
    gold = np.array([TO_PAIR[p.label] for p in data.pairs])
    conflict, agree = gold == "conflict", gold == "agree"
    not_neither = gold != "neither"
    return {
        "pairs": n, "conflicts": int(conflict.sum()), "agreements": int(agree.sum()),
        "p_contradiction_conflict_vs_rest": round(roc_auc(contra, conflict), 3),
        "p_contradiction_conflict_vs_agree": round(
            roc_auc(contra[not_neither], conflict[not_neither]), 3),
        "p_entailment_agree_vs_rest": round(roc_auc(entail, agree), 3),
        "cosine_agree_vs_rest": round(roc_auc(cos, agree), 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description="ROC AUC of an NLI model on newsdev's gold pairs.")
    ap.add_argument("--nli", type=Path, default=None, help="an exported model folder")
    ap.add_argument("--as-written", action="store_true", help="read whole sentences")
    ap.add_argument("--out", type=Path, default=None,
                    help="the JSON to write [results/nli_news_auc.json for the shipped model]")
    args = ap.parse_args()
    if args.nli and args.out is None:
        ap.error("--nli needs --out: results/nli_news_auc.json holds the shipped model's figures")
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    model = OnnxNLI(args.nli).load() if args.nli else shipped_nli()
    cache = EmbeddingCache()
    out = {split: measure(split, model, emb, cache, args.as_written) for split in ("dev", "test")}
    print("| split | pairs | P(contra): conflict vs rest | conflict vs agree | "
          "P(entail): agree vs rest | cosine: agree vs rest |")
    print("|---|---|---|---|---|---|")
    for split, r in out.items():
        print(f"| {split} | {r['pairs']} | {r['p_contradiction_conflict_vs_rest']} | "
              f"{r['p_contradiction_conflict_vs_agree']} | {r['p_entailment_agree_vs_rest']} | "
              f"{r['cosine_agree_vs_rest']} |")
    out["meta"] = {"model": str(args.nli) if args.nli else getattr(model, "name", "?"),
                   "as_written": args.as_written}
    atomic_write(args.out or HERE / "results" / "nli_news_auc.json",
                 json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
