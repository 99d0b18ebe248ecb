"""Retrain the shipped pair classifier on train splits only; print its cross-validated figures.

    python -m divergence.judge.train [--bench ../shared/bench] [--out divergence/data/judge.npz]

Data: SICK TRAIN (CONTRADICTION/ENTAILMENT/NEUTRAL) and Emergent train (for/against/observing),
never a test split, never FNC-1. Deterministic: the same data and embedder give the same weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from ..embed import EmbeddingCache, SentenceTransformerEmbedder
from ..evaluate.evals import embed_statements
from ..evaluate.loaders import LabeledPair, default_root, load_emergent, load_sick
from .features import SCALAR_NAMES, pair_features
from .model import LABELS, PairClassifier


def featurize(pairs: list[LabeledPair], embedder: object, cache: EmbeddingCache | None,
              prefix: str = "p", detectors: bool = True) -> np.ndarray:
    """Features of labelled pairs with the given embedder (texts embedded once, cached);
    without ``detectors`` their weights stay zero (benchmarks/pair_classifier_news.py: a
    classifier that reads only pairs the detectors left alone)."""
    n = len(pairs)
    claims, vecs = embed_statements([p.a for p in pairs] + [p.b for p in pairs],
                                    embedder, cache, prefix)  # type: ignore[arg-type]
    return pair_features(claims[:n], claims[n:], vecs[:n], vecs[n:],
                         None if detectors else [()] * n)


def _cv(X: np.ndarray, y: np.ndarray, groups: np.ndarray, C: float, folds: int = 5) -> dict:  # noqa: N803
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    pred = np.empty(len(y), dtype=object)
    for tr, te in GroupKFold(n_splits=folds).split(X, y, groups):
        pred[te] = PairClassifier(C=C).fit(X[tr], y[tr]).predict(X[te])
    out = {"accuracy": float((pred == y).mean()),
           "macro_f1": float(f1_score(y, pred, labels=list(LABELS), average="macro"))}
    for lab, f in zip(LABELS, f1_score(y, pred, labels=list(LABELS), average=None), strict=True):
        out[f"f1_{lab}"] = float(f)
    return out


def main(argv: list[str] | None = None) -> int:
    """Fit on SICK train + Emergent train, print CV figures per C, save the best."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=default_root())
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data"
                    / "judge.npz")
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--C", type=float, nargs="*", default=[0.0003, 0.001, 0.003, 0.01, 0.03])
    args = ap.parse_args(argv)
    if args.bench is None or not Path(args.bench).is_dir():
        print("train: no benchmark folder (pass --bench PATH)", file=sys.stderr)
        return 1
    t0 = time.time()
    sick = load_sick(args.bench, "train")
    emer = load_emergent(args.bench, "train")
    emb = SentenceTransformerEmbedder(args.model)
    cache = EmbeddingCache()
    X = np.vstack([featurize(sick, emb, cache, "s"), featurize(emer, emb, cache, "e")])  # noqa: N806
    y = np.array([p.label for p in sick] + [p.label for p in emer])
    # Folds never split one SICK sentence pair id or one Emergent claim across train and test.
    groups = np.array([f"s{p.id}" for p in sick] + [f"e{p.group}" for p in emer])
    print(f"{len(sick)} SICK train + {len(emer)} Emergent train pairs, {X.shape[1]} features "
          f"({len(SCALAR_NAMES)} hand-made)", file=sys.stderr)
    results = {}
    for C in args.C:  # noqa: N806
        results[C] = _cv(X, y, groups, C)
        r = results[C]
        print(f"C={C:<6} cv accuracy {r['accuracy']:.3f}  macro-F1 {r['macro_f1']:.3f}  "
              f"F1 agree {r['f1_agree']:.3f} conflict {r['f1_conflict']:.3f} "
              f"neither {r['f1_neither']:.3f}")
    best = max(results, key=lambda c: results[c]["macro_f1"])
    clf = PairClassifier(C=best, embedder=emb.name).fit(X, y)
    meta = {"trained_on": ["SICK TRAIN", "Emergent train"], "n_pairs": int(len(y)),
            "cv": {str(k): v for k, v in results.items()}, "best_C": best}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.out, meta)
    print(f"best C={best}; saved {args.out} ({args.out.stat().st_size // 1024} kB) in "
          f"{time.time() - t0:.0f} s")
    print(json.dumps(meta["cv"][str(best)], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
