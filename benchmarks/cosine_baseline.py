"""The plain-cosine reference on newsdev: two thresholds on the MiniLM cosine of a gold pair's
sentences (cosine >= hi: agree; lo <= cosine < hi: conflict; below: neither), chosen on the dev
half, scored on both halves beside the judge's own pair-level figures.

    python benchmarks/cosine_baseline.py

Gold pairs are chosen by people: a conflict pair is two claims about one happening, an unrelated
pair two claims that merely look alike, so cosine alone sorts them better than it would sort a
report's candidate pairs, where almost every pair is neither. The rule labels every middling pair
a conflict and cannot explain one; it is a yardstick for the pair level, not a judge. Writes
benchmarks/results/cosine_baseline.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, EmbeddingCache, embed  # noqa: E402
from divergence.evaluate.metrics import per_class  # noqa: E402
from divergence.evaluate.newsdev import TO_PAIR, default_root, load_newsdev  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402

LABELS = ("agree", "conflict", "neither")


def cosines(split: str, emb: object, cache: EmbeddingCache) -> tuple[np.ndarray, list[str]]:
    """Each gold pair's sentence cosine and its label (agree / conflict / neither)."""
    data = load_newsdev(default_root(), split)
    va = embed([p.a.text for p in data.pairs], emb, cache)  # type: ignore[arg-type]
    vb = embed([p.b.text for p in data.pairs], emb, cache)  # type: ignore[arg-type]
    return (va * vb).sum(axis=1), [TO_PAIR[p.label] for p in data.pairs]


def macro_f1(gold: list[str], pred: list[str], labels: tuple[str, ...]) -> float:
    """The mean of the per-label F1, as the newsdev eval reports it."""
    return float(per_class(gold, pred, labels)["macro"]["f1"])


def rule(cos: np.ndarray, hi: float, lo: float) -> list[str]:
    """agree from ``hi``, conflict from ``lo``, else neither."""
    return ["agree" if c >= hi else "conflict" if c >= lo else "neither" for c in cos]


def main() -> int:
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    cache = EmbeddingCache()
    dev, test = cosines("dev", emb, cache), cosines("test", emb, cache)
    grid = np.round(np.arange(0.2, 0.9, 0.01), 2)
    best = max((macro_f1(dev[1], rule(dev[0], hi, lo), LABELS), float(hi), float(lo))
               for hi in grid for lo in grid if lo <= hi)
    _, hi, lo = best
    out = {"thresholds": {"agree_from": hi, "conflict_from": lo, "chosen_on": "dev"}}
    for name, (cos, gold) in (("dev", dev), ("test", test)):
        pred = rule(cos, hi, lo)
        out[name] = {"n": len(gold), "macro_f1": round(macro_f1(gold, pred, LABELS), 3),
                     "mean_cosine": {lab: round(float(np.mean([c for c, g in zip(cos, gold,
                                                                                   strict=True)
                                                                 if g == lab])), 3)
                                     for lab in LABELS}}
        print(f"{name}: macro-F1 {out[name]['macro_f1']:.3f} (agree from {hi:.2f}, conflict "
              f"from {lo:.2f}; mean cosine {out[name]['mean_cosine']})")
    atomic_write(HERE / "results" / "cosine_baseline.json", json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
