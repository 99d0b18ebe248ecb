"""The learned pair classifier: multinomial logistic regression over ``features.pair_features``.

Trained only on train splits (SICK train, Emergent train) by ``python -m divergence.judge.train``;
the fitted weights ship inside the package (``divergence/data/judge.npz``, a few hundred kB). It is
tied to the embedder it was trained with: another model's vectors mean nothing to it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .features import FEATURE_VERSION

LABELS = ("agree", "conflict", "neither")


class PairClassifier:
    """scikit-learn style: ``__init__`` stores, ``fit`` learns (attributes ending in ``_``).

    Args:
        C: inverse regularisation strength of the logistic regression.
        embedder: name of the embedder whose vectors the features hold.
    """

    def __init__(self, C: float = 1.0, embedder: str = "") -> None:  # noqa: N803 - sklearn's name
        self.C = C
        self.embedder = embedder

    def fit(self, X: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None):  # noqa: N803, ANN201
        """Standardise the features and fit the regression; returns self."""
        from sklearn.linear_model import LogisticRegression

        self.mean_ = X.mean(axis=0)
        self.scale_ = X.std(axis=0) + 1e-6
        lr = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced")
        lr.fit((X - self.mean_) / self.scale_, y, sample_weight=sample_weight)
        self.classes_ = np.array([str(c) for c in lr.classes_])
        self.coef_ = lr.coef_.astype(np.float32)
        self.intercept_ = lr.intercept_.astype(np.float32)
        if self.coef_.shape[0] == 1:  # binary: expand to two rows so predict_proba is uniform
            self.coef_ = np.vstack([-self.coef_ / 2, self.coef_ / 2])
            self.intercept_ = np.array([-self.intercept_[0] / 2, self.intercept_[0] / 2])
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        """Probabilities, one column per ``classes_``. Each row's are computed alone (einsum's
        loop, not a BLAS product, whose rounding depends on the batch; ~1 ms for 256 rows), so
        a pair judged again on its own gets the very same numbers (``group._AgreeEdges``)."""
        xs = (X - self.mean_) / self.scale_
        z = np.einsum("ij,kj->ik", xs, self.coef_) + self.intercept_
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        """The most probable label of each row."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def save(self, path: str | Path, meta: dict | None = None) -> None:
        """Write the fitted weights and their provenance to an .npz file."""
        info = {"embedder": self.embedder, "C": self.C, "feature_version": FEATURE_VERSION}
        info.update(meta or {})
        with open(path, "wb") as f:
            np.savez_compressed(
                f, mean=self.mean_, scale=self.scale_, coef=self.coef_, intercept=self.intercept_,
                classes=self.classes_, meta=np.array(json.dumps(info)),
            )

    @classmethod
    def load(cls, path: str | Path) -> PairClassifier:
        """Read a classifier written by ``save``."""
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            clf = cls(C=float(meta.get("C", 1.0)), embedder=meta.get("embedder", ""))
            clf.mean_, clf.scale_ = z["mean"], z["scale"]
            clf.coef_, clf.intercept_ = z["coef"], z["intercept"]
            clf.classes_ = np.array([str(c) for c in z["classes"]])
        clf.meta_ = meta
        return clf


SHIPPED = "judge.npz"


@lru_cache(maxsize=4)
def shipped(embedder: str) -> PairClassifier | None:
    """The classifier shipped in the package for ``embedder``, or None (then rules alone judge)."""
    try:
        ref = resources.files("divergence") / "data" / SHIPPED
        if not ref.is_file():
            return None
        with resources.as_file(ref) as p:
            clf = PairClassifier.load(p)
    except (OSError, ValueError, KeyError):
        return None
    from ..embed import base_name  # st:MODEL@onnx-int8 is MODEL's vectors, quantised

    if base_name(clf.embedder) != base_name(embedder):
        return None
    if clf.meta_.get("feature_version") != FEATURE_VERSION:
        return None
    return clf
