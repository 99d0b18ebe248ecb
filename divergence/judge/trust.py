"""How far to trust a flagged conflict: the share of such flags that readers found to be disputes.

A conflict's confidence used to be its strongest reason's weight, which sat between 0.70 and 0.76
for every kind of reason: it ranked the flags no better than chance (AUC 0.53 on the 196 blind-
labelled ``attribution`` flags of newsdev dev, 2026-12-04). Reviewers sort by it and
``divergence calibrate`` cuts on it, so it should say how often a flag like this one is right.

``trusted`` replaces a conflict's confidence with a logistic estimate of P(a reader calls it a
dispute) from what the verdict carries: the kind of its strongest conflict reason, and whether
more than one kind of reason fired. (The two claims' closeness was a feature until 2026-12-04;
in cross-validation over the dev audit's articles it did not help order held-out flags, AUC
0.632 with it and 0.641 without, and its sign flipped between fits.) The coefficients
(``data/conflict_trust.json``) are fitted by ``fit`` on blind-labelled conflict verdicts of the
newsdev dev half (``tests/data/newsdev/audit/``); ``benchmarks/conflict_trust.py`` scores them
on the test half's verdicts, labelled the same way and never fitted on. Labels and groups do
not change: only the number a reader sorts and filters by.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..records import Judgement
from .detectors import is_conflict

# The kinds with a coefficient of their own; the rest share "other" (too few labelled flags).
KINDS = ("attribution", "actor", "number", "date", "model", "compliance", "title")
FEATURES = ("bias", *KINDS, "several")
DATA = "conflict_trust.json"


def kind(v: Judgement) -> str:
    """The kind of a conflict: its strongest typed conflict reason's type, else the pair model's
    or the NLI model's call ("model", "nli")."""
    typed = [r for r in v.reasons if is_conflict(r)]
    if typed:
        return max(typed, key=lambda r: r.weight).type
    return "model" if any(r.type == "model" for r in v.reasons) else "nli"


def features(v: Judgement) -> list[float]:
    """The verdict as numbers, in ``FEATURES`` order."""
    k = kind(v)
    kinds = {r.type for r in v.reasons if is_conflict(r)}
    return [1.0, *(float(k == name) for name in KINDS), float(len(kinds) > 1)]


def scale() -> str:
    """What conflict confidences mean in this install, saved with a calibration so that a
    threshold learnt on another scale (the reasons' weights, other coefficients) is not applied."""
    coef = shipped()
    return "reason weight" if coef is None else "trust " + ",".join(f"{c:.3f}" for c in coef)


@lru_cache(maxsize=1)
def shipped() -> tuple[float, ...] | None:
    """The packaged coefficients, or None when the file is missing (confidence left as is)."""
    try:
        raw = resources.files("divergence").joinpath("data", DATA).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    got = json.loads(raw)
    if tuple(got.get("features", ())) != FEATURES:
        return None  # fitted on other features: not to be read with these
    return tuple(float(c) for c in got["coef"])


def trusted(v: Judgement, coef: Sequence[float] | None = None) -> Judgement:
    """``v`` with a conflict's confidence made the estimated share of such flags that are
    disputes; other labels, and everything when no coefficients are shipped, unchanged."""
    coef = shipped() if coef is None else coef
    if v.label != "conflict" or coef is None:
        return v
    z = sum(c * x for c, x in zip(coef, features(v), strict=True))
    return replace(v, confidence=round(1.0 / (1.0 + math.exp(-z)), 4))


def fit(verdicts: Iterable[Judgement], right: Iterable[bool], l2: float = 1.0,
        steps: int = 3000, rate: float = 0.5) -> list[float]:
    """Logistic coefficients from conflict verdicts and whether readers found each a dispute:
    gradient descent on the mean log loss plus ``l2`` / n times the squared weights (not the
    bias), so a kind with few flags stays near the mean."""
    xs = [features(v) for v in verdicts]
    ys = [1.0 if y else 0.0 for y in right]
    n, m = len(xs), len(FEATURES)
    if n == 0 or n != len(ys):
        raise ValueError("fit needs as many labels as verdicts, at least one")
    w = [0.0] * m
    for _ in range(steps):
        grad = [0.0] * m
        for x, y in zip(xs, ys, strict=True):
            z = sum(a * b for a, b in zip(w, x, strict=True))
            e = 1.0 / (1.0 + math.exp(-z)) - y
            for k in range(m):
                grad[k] += e * x[k]
        for k in range(m):
            reg = 0.0 if k == 0 else 2 * l2 * w[k]
            w[k] -= rate * (grad[k] + reg) / n
    return w


def save(coef: Sequence[float], path: Path, note: dict) -> None:
    """Write coefficients with their features and provenance (``note``)."""
    path.write_text(json.dumps({"features": list(FEATURES), "coef": [round(c, 5) for c in coef],
                                **note}, indent=1) + "\n", "utf-8")
