"""The pair judge: agree / conflict / neither for two claims, with a confidence and typed reasons.

Conflict needs a typed detector to fire (negation, number, date, actor, attribution, title);
agreement needs the two statements to be close in meaning, to name compatible actors and to come
from compatible speakers ("X said P" agrees with "X claimed P", not with "Y denied P").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..records import Claim, Judgement, Reason
from .detectors import DETECTORS, Pair, is_conflict
from .frames.aligned import without_values_apart
from .text import name_overlap, overlap, shared_anchors

if TYPE_CHECKING:
    from .model import PairClassifier
    from .nli import NLIBackend

LABELS = ("agree", "conflict", "neither")
STRUCTURAL = frozenset({"actor", "attribution", "number", "date", "title", "compliance",
                        "linkage", "place"})

DEFAULT_DETECTORS = (
    "negation", "antonym", "number", "date", "actor", "attribution", "title", "entity",
)


def noisy_or(weights: Sequence[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


class Judge:
    """Judges pairs of claims: typed detectors, plus a learned classifier and an NLI model if given.

    Args:
        detectors: detector names from ``DETECTORS``.
        classifier: a fitted ``PairClassifier`` for the embedder in use (see ``model.shipped``);
            None judges by rules alone.
        nli: an ``NLIBackend`` (a cross-encoder); its probabilities are averaged with the
            classifier's, and its verdict is given as an ``nli`` reason.
        agree_threshold: (rules) cosine similarity at which two compatible claims that share a
            name or a date (an anchor: the same who or when) agree.
        strong_threshold: (rules) cosine similarity at which they agree without a shared anchor.
        name_overlap: below ``strong_threshold``, the share of names (Jaccard) two claims must
            have in common: "Misri met Kessler" and "Misri led talks at the White House" share a
            name but are different facts.
        conflict_threshold: a typed conflict reason must reach this weight to count.
        override_threshold: a typed conflict reason this strong decides even against the models.
        structural_threshold: the same for the structural detectors (actor, attribution, number,
            date, title), which compare extracted values rather than guess at polarity.
        same_point, same_words: with a model, agreement needs the two claims to make the same
            point: cosine at least ``same_point`` with a shared name or date, or that share of
            content words (chosen on SICK and Emergent train). A conflict the model calls alone
            needs near-paraphrases from different articles: cosine or word overlap at least
            ``model_conflict_sim`` and probability at least ``model_conflict_p``.
    """

    model_attribute = "nli"  # the attribute that holds the NLI model (without_model)

    def __init__(
        self,
        detectors: Sequence[str] = DEFAULT_DETECTORS,
        classifier: PairClassifier | None = None,
        nli: NLIBackend | None = None,
        agree_threshold: float = 0.62,
        conflict_threshold: float = 0.5,
        strong_threshold: float = 0.8,
        name_overlap: float = 0.25,
        override_threshold: float = 0.75,
        structural_threshold: float = 0.6,
        same_point: float = 0.5,
        same_words: float = 0.5,
        model_conflict_p: float = 0.6,
        model_conflict_sim: float = 0.62,
    ) -> None:
        self.detectors = tuple(detectors)
        self.classifier = classifier
        self.nli = nli
        self.agree_threshold = agree_threshold
        self.conflict_threshold = conflict_threshold
        self.strong_threshold = strong_threshold
        self.name_overlap = name_overlap
        self.override_threshold = override_threshold
        self.structural_threshold = structural_threshold
        self.same_point = same_point
        self.same_words = same_words
        self.model_conflict_p = model_conflict_p
        self.model_conflict_sim = model_conflict_sim
        self._fns = [DETECTORS.make(name) for name in self.detectors]

    def without_model(self) -> Judge:
        """This judge without its NLI model: typed reasons, similarity and the classifier only
        (cheap enough to re-read every pair inside a conflict group)."""
        import copy

        lean = copy.copy(self)
        setattr(lean, self.model_attribute, None)
        return lean

    @property
    def name(self) -> str:
        """What judges: rules, plus the classifier and NLI model when present."""
        parts = ["rules"]
        if self.classifier is not None:
            parts.append("classifier")
        if self.nli is not None:
            parts.append(self.nli.name)
        return "+".join(parts)

    def judge(self, a: Claim, b: Claim, similarity: float, va: np.ndarray | None = None,
              vb: np.ndarray | None = None) -> Judgement:
        """Label one pair of claims (``va``/``vb``: their embeddings, for the classifier)."""
        two = None if va is None or vb is None else (va[None, :], vb[None, :])
        return self.judge_pairs([a], [b], [similarity], *(two or (None, None)))[0]

    def judge_pairs(self, left: Sequence[Claim], right: Sequence[Claim], sims: Sequence[float],
                    va: np.ndarray | None = None, vb: np.ndarray | None = None) -> list[Judgement]:
        """Label aligned pairs (left[i], right[i]); the models run once over the whole batch."""
        reasons = [self._reasons(a, b, s) for a, b, s in zip(left, right, sims, strict=True)]
        probs = self._probs(left, right, va, vb, reasons)
        nli = self._nli_probs(left, right)
        out = []
        for i, (a, b, s) in enumerate(zip(left, right, sims, strict=True)):
            p = probs[i] if probs is not None else None
            if nli is not None:
                p = nli[i] if p is None else (p + nli[i]) / 2
            extra = (self.nli.reason(a.id, b.id, nli[i]),) if nli is not None else ()
            out.append(self._decide(a, b, float(s), reasons[i], p, extra))
        return out

    def _reasons(self, a: Claim, b: Claim, sim: float) -> list[Reason]:
        pair = Pair(a, b, float(sim))
        found = [r for fn in self._fns if (r := fn(pair)) is not None]
        return without_values_apart(a.content, b.content, found)

    def _probs(self, left: Sequence[Claim], right: Sequence[Claim], va: np.ndarray | None,
               vb: np.ndarray | None, reasons: list[list[Reason]]) -> np.ndarray | None:
        if self.classifier is None or va is None or vb is None or not len(left):
            return None
        from .features import pair_features

        X = pair_features(left, right, va, vb, reasons)  # noqa: N806
        p = self.classifier.predict_proba(X)
        cols = [list(self.classifier.classes_).index(lab) for lab in LABELS]
        return p[:, cols]

    def _nli_probs(self, left: Sequence[Claim], right: Sequence[Claim]) -> np.ndarray | None:
        if self.nli is None or not len(left):
            return None
        raw = self.nli.predict([(a.content, b.content) for a, b in zip(left, right, strict=True)])
        # NLI columns are (conflict, agree, neither); ours are LABELS = (agree, conflict, neither).
        return raw[:, [1, 0, 2]]

    def _decide(self, a: Claim, b: Claim, sim: float, reasons: list[Reason],
                p: np.ndarray | None, extra: tuple[Reason, ...]) -> Judgement:
        conflict = sorted((r for r in reasons if is_conflict(r)
                           and r.weight >= self.conflict_threshold), key=lambda r: -r.weight)
        swapped = any(r.type == "entity" for r in reasons)
        if p is None:
            return self._decide_by_rules(a, b, sim, reasons, conflict, swapped, extra)
        label = LABELS[int(np.argmax(p))]
        decisive = [r for r in conflict if r.weight >= self.override_threshold
                    or (r.type in STRUCTURAL and r.weight >= self.structural_threshold)]
        if decisive or (conflict and label == "conflict"):
            conf = max(noisy_or([r.weight for r in conflict]), float(p[1]))
            return Judgement("conflict", conf, (*conflict, *extra), sim)
        # The model alone calls a conflict only between near-paraphrases in different articles
        # (a polarity or antonym flip the typed detectors did not name).
        paraphrase = (sim >= self.model_conflict_sim
                      or overlap(a.content, b.content) >= self.model_conflict_sim)
        if (label == "conflict" and paraphrase and p[1] >= self.model_conflict_p
                and a.article_id != b.article_id):
            why = Reason("model", f"pair model: conflict (p={p[1]:.2f})", (a.id, b.id),
                         weight=float(p[1]))
            return Judgement("conflict", float(p[1]), (why, *extra), sim)
        if not compatible_speakers(a, b) or swapped or conflict:
            # A typed conflict signal the model did not confirm still rules out agreement.
            return Judgement("neither", float(p[2]), (*reasons, *extra), sim)
        by_model = (label == "agree" and name_overlap(a.content, b.content) >= self.name_overlap
                    and (overlap(a.content, b.content) >= self.same_words
                         or (sim >= self.same_point and shared_anchors(a.content, b.content))))
        if by_model or (label != "conflict" and self._rules_agree(a, b, sim)):
            conf = float(p[0]) if by_model else self._rules_confidence(sim)
            why = Reason("model" if by_model else "similarity",
                         f"same statement (pair model p={p[0]:.2f}, cosine {sim:.2f})",
                         (a.id, b.id), weight=conf)
            return Judgement("agree", conf, (why, *extra), sim)
        return Judgement("neither", float(p[2]), (*reasons, *extra), sim)

    def _rules_agree(self, a: Claim, b: Claim, sim: float) -> bool:
        """Close in meaning, and (below the strong threshold) the same who or when."""
        return sim >= self.strong_threshold or (
            sim >= self.agree_threshold
            and bool(shared_anchors(a.content, b.content))
            and name_overlap(a.content, b.content) >= self.name_overlap
        )

    def _rules_confidence(self, sim: float) -> float:
        span = max(1e-6, 1.0 - self.agree_threshold)
        return 0.5 + 0.5 * min(1.0, max(0.0, sim - self.agree_threshold) / span)

    def _decide_by_rules(self, a: Claim, b: Claim, similarity: float, reasons: list[Reason],
                         conflict: list[Reason], swapped: bool,
                         extra: tuple[Reason, ...]) -> Judgement:
        if conflict:
            return Judgement("conflict", noisy_or([r.weight for r in conflict]),
                             (*conflict, *extra), similarity)
        if swapped:
            return Judgement("neither", 0.5, (*reasons, *extra), similarity)
        if compatible_speakers(a, b) and self._rules_agree(a, b, similarity):
            conf = self._rules_confidence(similarity)
            why = Reason("similarity", f"same statement (cosine {similarity:.2f})", (a.id, b.id),
                         weight=conf)
            return Judgement("agree", conf, (why, *extra), similarity)
        return Judgement("neither", 1.0 - similarity, (*reasons, *extra), similarity)


def compatible_speakers(a: Claim, b: Claim) -> bool:
    """Two claims can agree when both assert (or both deny) the proposition, whoever says it:
    "officials said P" and "the port authority said P" corroborate; "X said P" and "Y denied P"
    do not."""
    return a.stance == b.stance
