"""Scores for the benchmarks: confusion, per-class P/R/F1, the FNC-1 score, B-cubed and ARI, and
bootstrap intervals over clusters (events) for macro-F1 and for the difference of two judges."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

FNC_RELATED = frozenset({"agree", "conflict", "neither"})
FNC_LABELS = ("agree", "conflict", "neither", "unrelated")


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Counts with gold labels as rows and predicted labels as columns, both in ``labels`` order.

    Raises:
        ValueError: gold and pred differ in length, or hold a label not in ``labels``.
    """
    _same_length(gold, pred)
    index = {label: i for i, label in enumerate(labels)}
    unknown = sorted((set(gold) | set(pred)) - set(index))
    if unknown:
        raise ValueError(f"labels {unknown} are not in {list(labels)}")
    matrix = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g], index[p]] += 1
    return matrix


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Precision, recall, f1 and support per label, plus "macro" and "accuracy".

    Shaped like scikit-learn's ``classification_report(output_dict=True)``: each label and
    "macro" map to {"precision", "recall", "f1", "support"}; "accuracy" is a float. A label never
    predicted gets precision 0 (likewise recall 0 for a label never in gold). "macro" is the
    unweighted mean over ``labels``, its support the number of items.
    """
    matrix = confusion(gold, pred, labels)
    tp = np.diag(matrix).astype(float)
    n_pred = matrix.sum(axis=0)
    n_gold = matrix.sum(axis=1)
    out: dict[str, Any] = {}
    for i, label in enumerate(labels):
        p = float(tp[i] / n_pred[i]) if n_pred[i] else 0.0
        r = float(tp[i] / n_gold[i]) if n_gold[i] else 0.0
        out[label] = {"precision": p, "recall": r, "f1": _f1(p, r), "support": int(n_gold[i])}
    total = int(matrix.sum())
    out["macro"] = {
        key: float(np.mean([out[label][key] for label in labels])) if len(labels) else 0.0
        for key in ("precision", "recall", "f1")
    }
    out["macro"]["support"] = total
    out["accuracy"] = float(tp.sum() / total) if total else 0.0
    return out


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC by ranks (ties share their mean rank): the chance that a random positive scores
    above a random negative; NaN when either class is empty."""
    from scipy.stats import rankdata

    positive = np.asarray(positive, bool)
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if not n_pos or not n_neg:
        return float("nan")
    ranks = rankdata(scores)
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    """The unweighted mean of the per-label F1 (``per_class``'s "macro" f1)."""
    return float(per_class(gold, pred, labels)["macro"]["f1"])


def cluster_bootstrap(gold: Sequence[str], preds: Sequence[Sequence[str]],
                      clusters: Sequence[Hashable], labels: Sequence[str],
                      rounds: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Macro-F1 of one or two predictions over ``rounds`` resamples of whole clusters.

    Gold pairs of one event share articles and wording, so they are not independent: resampling
    events (with replacement), not pairs, gives intervals as wide as the data warrant. With one
    prediction: its 95 % interval. With two (the same items): the interval of the second minus
    the first, and the share of resamples in which the second is better, so that a gain on a
    split of a dozen events can be told from the luck of which events it holds.

    Returns:
        {"macro_f1": [value per prediction], "ci95": [[lo, hi] per prediction], "rounds",
        "clusters"}, plus "diff_ci95" and "p_better" with two predictions.
    """
    if not 1 <= len(preds) <= 2:
        raise ValueError("cluster_bootstrap takes one or two predictions")
    for pred in preds:
        _same_length(gold, pred)
    _same_length(gold, clusters)
    rows: dict[Hashable, list[int]] = {}
    for i, c in enumerate(clusters):
        rows.setdefault(c, []).append(i)
    names = list(rows)
    rng = np.random.default_rng(seed)
    draws = np.zeros((rounds, len(preds)))
    for r in range(rounds):
        idx = [i for k in rng.integers(0, len(names), len(names)) for i in rows[names[k]]]
        g = [gold[i] for i in idx]
        draws[r] = [macro_f1(g, [pred[i] for i in idx], labels) for pred in preds]
    out: dict[str, Any] = {
        "macro_f1": [round(macro_f1(gold, pred, labels), 4) for pred in preds],
        "ci95": [[round(float(x), 4) for x in np.percentile(draws[:, k], [2.5, 97.5])]
                 for k in range(len(preds))],
        "rounds": rounds, "clusters": len(names)}
    if len(preds) == 2:
        diff = draws[:, 1] - draws[:, 0]
        out["diff_ci95"] = [round(float(x), 4) for x in np.percentile(diff, [2.5, 97.5])]
        out["p_better"] = round(float((diff > 0).mean()), 3)
    return out


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """The official FNC-1 weighted score, with disagree/discuss named conflict/neither here.

    Per pair, as in FakeNewsChallenge/fnc-1 ``scorer.py``: +0.25 if pred == gold, and +0.50 more
    if that gold is related; +0.25 if both gold and pred are related. So related-vs-unrelated
    right earns 0.25, and an exact related label earns 1.0. "max" scores gold against itself.

    Returns:
        {"score", "max", "percent"} where percent = 100 * score / max.
    """
    _same_length(gold, pred)
    unknown = sorted((set(gold) | set(pred)) - set(FNC_LABELS))
    if unknown:
        raise ValueError(f"labels {unknown} are not FNC-1 labels {list(FNC_LABELS)}")
    score = _fnc_raw(gold, pred)
    best = _fnc_raw(gold, gold)
    return {"score": score, "max": best, "percent": 100.0 * score / best if best else 0.0}


def b_cubed(
    gold_clusters: Sequence[Hashable], pred_clusters: Sequence[Hashable]
) -> dict[str, float]:
    """Item-level B-cubed precision, recall and f1 of a clustering against gold clusters.

    Args:
        gold_clusters: the gold cluster key of item i at position i.
        pred_clusters: the predicted cluster key of item i at position i.
    """
    _same_length(gold_clusters, pred_clusters)
    n = len(gold_clusters)
    if n == 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    both = Counter(zip(gold_clusters, pred_clusters, strict=True))
    size_gold = Counter(gold_clusters)
    size_pred = Counter(pred_clusters)
    # every item in the same (gold, pred) cell shares the same overlap, so sum per cell
    p = sum(k * k / size_pred[pc] for (_, pc), k in both.items()) / n
    r = sum(k * k / size_gold[gc] for (gc, _), k in both.items()) / n
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def ari(gold_clusters: Sequence[Hashable], pred_clusters: Sequence[Hashable]) -> float:
    """Adjusted Rand index of a clustering against gold clusters (1.0 = identical)."""
    from sklearn.metrics import adjusted_rand_score

    _same_length(gold_clusters, pred_clusters)
    return float(adjusted_rand_score(list(gold_clusters), list(pred_clusters)))


def format_table(result: dict[str, Any], labels: Sequence[str]) -> str:
    """A plain-text precision/recall/f1/support table from ``per_class`` output."""
    width = max([len(label) for label in labels] + [len("accuracy")])
    head = f"{'':<{width}}  {'precision':>9}  {'recall':>9}  {'f1':>9}  {'support':>9}"
    lines = [head]
    for name in [*labels, "macro"]:
        row = result[name]
        lines.append(
            f"{name:<{width}}  {row['precision']:>9.3f}  {row['recall']:>9.3f}"
            f"  {row['f1']:>9.3f}  {int(row['support']):>9d}"
        )
    total = int(result["macro"]["support"])
    lines.append(
        f"{'accuracy':<{width}}  {'':>9}  {'':>9}  {result['accuracy']:>9.3f}  {total:>9d}"
    )
    return "\n".join(lines)


def format_confusion(matrix: np.ndarray, labels: Sequence[str]) -> str:
    """A plain-text confusion matrix: one row per gold label, one column per predicted label."""
    corner = "gold \\ pred"
    first = max([len(label) for label in labels] + [len(corner)])
    width = max(
        [len(label) for label in labels] + [len(str(int(matrix.max()))) if matrix.size else 1]
    )
    lines = [f"{corner:<{first}}  " + "  ".join(f"{label:>{width}}" for label in labels)]
    for label, row in zip(labels, matrix, strict=True):
        lines.append(f"{label:<{first}}  " + "  ".join(f"{int(v):>{width}d}" for v in row))
    return "\n".join(lines)


def _fnc_raw(gold: Sequence[str], pred: Sequence[str]) -> float:
    score = 0.0
    for g, t in zip(gold, pred, strict=True):
        if g == t:
            score += 0.25
            if g != "unrelated":
                score += 0.50
        if g in FNC_RELATED and t in FNC_RELATED:
            score += 0.25
    return score


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _same_length(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise ValueError(f"gold has {len(a)} items but pred has {len(b)}")
