"""The pair judge: agree / conflict / neither for two claims, with a confidence and typed reasons.

Conflict needs a typed detector to fire (negation, number, date, actor, attribution, title); agreement
needs the two statements to be close in meaning, to name compatible actors and to come from compatible
speakers ("X said P" agrees with "X claimed P", not with "Y denied P").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Claim, Judgement, Reason
from .detectors import CONFLICT_TYPES, DETECTORS, Pair, speaker_key
from .text import _COUNTRIES, dates, entities

DEFAULT_DETECTORS = ("negation", "number", "date", "actor", "attribution", "title", "entity")


def _noisy_or(weights: Sequence[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


class Judge:
    """Judges pairs of claims; ``fit`` is not needed for the rule-based judge.

    Args:
        detectors: detector names from ``DETECTORS``.
        agree_threshold: cosine similarity at which two compatible claims that share a name or a
            date (an anchor: the same who or when) agree.
        strong_threshold: cosine similarity at which they agree without a shared anchor.
        name_overlap: below ``strong_threshold``, the share of names (Jaccard) two claims must
            have in common: "Misri met Kessler" and "Misri led talks at the White House" share a
            name but are different facts.
        conflict_threshold: a conflict reason must reach this weight to count.
    """

    def __init__(self, detectors: Sequence[str] = DEFAULT_DETECTORS, agree_threshold: float = 0.62,
                 conflict_threshold: float = 0.5, strong_threshold: float = 0.8,
                 name_overlap: float = 0.25) -> None:
        self.detectors = tuple(detectors)
        self.agree_threshold = agree_threshold
        self.conflict_threshold = conflict_threshold
        self.strong_threshold = strong_threshold
        self.name_overlap = name_overlap
        self._fns = [DETECTORS.get(name) for name in self.detectors]

    def judge(self, a: Claim, b: Claim, similarity: float) -> Judgement:
        """Label one pair of claims."""
        pair = Pair(a, b, float(similarity))
        reasons: list[Reason] = [r for fn in self._fns if (r := fn(pair)) is not None]
        conflict = [r for r in reasons if r.type in CONFLICT_TYPES
                    and r.weight >= self.conflict_threshold]
        if conflict:
            conflict.sort(key=lambda r: -r.weight)
            return Judgement("conflict", _noisy_or([r.weight for r in conflict]), tuple(conflict),
                             similarity)
        if any(r.type == "entity" for r in reasons):
            return Judgement("neither", 0.5, tuple(reasons), similarity)
        if _compatible_speakers(a, b) and (similarity >= self.strong_threshold or (
                similarity >= self.agree_threshold and shared_anchors(a.content, b.content)
                and name_overlap(a.content, b.content) >= self.name_overlap)):
            span = max(1e-6, 1.0 - self.agree_threshold)
            conf = 0.5 + 0.5 * min(1.0, (similarity - self.agree_threshold) / span)
            why = Reason("similarity", f"same statement (cosine {similarity:.2f})", (a.id, b.id),
                         weight=conf)
            return Judgement("agree", conf, (why,), similarity)
        return Judgement("neither", 1.0 - similarity, tuple(reasons), similarity)


def _names(t: str) -> set[str]:
    from ..split import core  # asides (parentheses, dashes) name things the claim is not about

    return {m.key for m in entities(core(t)) if m.key not in _COUNTRIES}


def shared_anchors(a: str, b: str) -> set[str]:
    """Names (other than countries) and dates that both statements mention: the same who or when."""

    def anchors(t: str) -> set[str]:
        return _names(t) | {f"{d.kind}:{d.value}" for d in dates(t)}

    return anchors(a) & anchors(b)


def name_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the names two statements mention (1.0 when either names no one)."""
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return 1.0
    return len(na & nb) / len(na | nb)


def _compatible_speakers(a: Claim, b: Claim) -> bool:
    if a.stance != b.stance:
        return False
    ka, kb = speaker_key(a), speaker_key(b)
    return ka is None or kb is None or ka == kb
