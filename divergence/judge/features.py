"""Features of a pair of claims for the learned pair classifier.

Symmetric in the two claims: the embeddings' product and absolute difference, their cosine, the
typed detectors' weights, and a few lexical signals (word and name overlap, negation parity).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..lazy_re import lazy
from ..records import Claim, Reason
from .detectors import DETECTORS, Pair, negates_a_saying, negations_beside
from .text import DENYING_VERBS, name_overlap, overlap, shared_anchors, token_set

FEATURE_VERSION = 3
DETECTOR_FEATURES = (
    "negation", "antonym", "number", "date", "actor", "attribution", "title", "entity",
)
SCALAR_NAMES = (
    "cosine",
    *(f"det_{d}" for d in DETECTOR_FEATURES),
    "word_overlap",
    "name_overlap",
    "shared_anchor",
    "negation_parity",
    "negations_total",
    "length_ratio",
    "novel_min",
    "novel_max",
    "stance_differs",
    "attributed_both",
    "attributed_one",
    "hedges",
    "hedge_gap",
    "refutes",
    "refute_gap",
    "question",
)
# Ferreira & Vlachos (2016): reporting without taking a side hedges; taking the other side refutes.
_HEDGE = lazy(
    r"\b(?:reportedly|allegedly|purportedly|apparently|rumou?r(?:s|ed)?|claims?|claimed|says?|said|"
    r"according|reports?|reported|may|might|could|possibly|unconfirmed|suggests?|believed|"
    r"sources?|appears?|seems?)\b", re.I)
_REFUTE = lazy(
    r"\b(?:fake|hoax|false|falsely|deny|denies|denied|debunk\w*|untrue|fabricat\w*|not|no|never|"
    r"despite|rejects?|rejected|refutes?|refuted|myth|satire|doubts?|wrong)\b", re.I)


def scalar_features(a: Claim, b: Claim, similarity: float,
                    reasons: Sequence[Reason] | None = None) -> np.ndarray:
    """The hand-made features of one pair (see SCALAR_NAMES); ``reasons``: detectors already run."""
    return np.array(_scalar_row(a, b, similarity, reasons), dtype=np.float32)


def _scalar_row(a: Claim, b: Claim, similarity: float,
                reasons: Sequence[Reason] | None = None) -> list[float]:
    if reasons is None:
        pair = Pair(a, b, float(similarity))
        reasons = [r for name in DETECTOR_FEATURES if (r := DETECTORS.make(name)(pair)) is not None]
    weight = {r.type: r.weight for r in reasons}
    dets = [weight.get(name, 0.0) for name in DETECTOR_FEATURES]
    ta, tb = token_set(a.content), token_set(b.content)
    na = _as_trained(negations_beside(a.content, b.content))  # but a negated saying ("did
    nb = _as_trained(negations_beside(b.content, a.content))  # not say that P") against P
    novel_a = len(ta - tb) / max(1, len(ta))
    novel_b = len(tb - ta) / max(1, len(tb))
    (hedge_a, refute_a), (hedge_b, refute_b) = _cues(a.text), _cues(b.text)
    return [
        similarity,
        *dets,
        overlap(a.content, b.content),
        name_overlap(a.content, b.content),
        1.0 if shared_anchors(a.content, b.content) else 0.0,
        float((na - nb) % 2),
        float(min(na + nb, 4)),
        min(len(ta), len(tb)) / max(1, len(ta), len(tb)),
        min(novel_a, novel_b),
        max(novel_a, novel_b),
        1.0 if a.stance != b.stance else 0.0,
        1.0 if a.speaker and b.speaker else 0.0,
        1.0 if bool(a.speaker) != bool(b.speaker) else 0.0,
        *_cue_counts(hedge_a, hedge_b),
        *_cue_counts(refute_a, refute_b),
        1.0 if "?" in a.text or "?" in b.text else 0.0,
    ]


_NEGATING = frozenset({"not", "no", "never"})


@lru_cache(maxsize=65536)
def _cues(text: str) -> tuple[int, int]:
    """How many hedging and refuting cues ``text`` has; the "not" of "did not say" refutes
    nothing (in Emergent's terms it observes)."""
    refute = sum(1 for m in _REFUTE.finditer(text) if m.group(0).lower() not in _NEGATING
                 or not negates_a_saying(text, m.end()))
    return len(_HEDGE.findall(text)), refute


def _cue_counts(na: int, nb: int) -> tuple[float, float]:
    """Total cue count (capped) and how unevenly the two texts use them."""
    return float(min(na + nb, 4)), float(min(abs(na - nb), 3))


def pair_features(
    claims_a: Sequence[Claim], claims_b: Sequence[Claim], va: np.ndarray, vb: np.ndarray,
    reasons: Sequence[Sequence[Reason]] | None = None,
) -> np.ndarray:
    """Feature matrix for aligned pairs: row i describes (claims_a[i], claims_b[i]).

    Args:
        va, vb: L2-normalised embeddings, row i for claims_a[i] / claims_b[i].
    """
    if not (len(claims_a) == len(claims_b) == va.shape[0] == vb.shape[0]):
        raise ValueError("pair_features needs aligned claims and vectors")
    sims = np.einsum("ij,ij->i", va, vb)
    rs = reasons if reasons is not None else [None] * len(claims_a)
    scalars = np.array(
        [_scalar_row(a, b, s, r) for a, b, s, r in zip(claims_a, claims_b, sims, rs, strict=True)],
        dtype=np.float32,
    ) if len(claims_a) else np.zeros((0, len(SCALAR_NAMES)), dtype=np.float32)
    return np.hstack([scalars, va * vb, np.abs(va - vb)]).astype(np.float32)


def _as_trained(found: Sequence[re.Match[str]]) -> int:
    """How many negation cues, as the classifier was trained to count them: "rather than" and
    "instead of" (read as contrasts since 2026-12-05) and the verbs that deny their complement
    ("unable to", "declined to", added 2026-12-06) were no cues then."""
    return sum(1 for m in found if not m.group(0).lower().startswith(("rather", "instead"))
               and not DENYING_VERBS.fullmatch(m.group(0)))
