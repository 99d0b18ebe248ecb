"""The judge: typed detectors, meaning-level frames, the pair classifier and the NLI model.

Judges are chosen by name from ``JUDGES`` (``make_judge``): ``rules`` (detectors and similarity),
``classifier`` (rules and the shipped logistic regression: the judge of earlier releases) and
``nli`` (detectors, frames and the shipped NLI cross-encoder: the default).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..registry import Registry
from . import frames as frames  # registers the frame detectors
from . import offices as offices  # registers the title detector
from .credits import credits
from .detectors import CONFLICT_TYPES, DETECTORS, Pair
from .nli_judge import NEWS_DETECTORS, NLIJudge
from .pair import DEFAULT_DETECTORS, Judge

JUDGES: Registry[Judge] = Registry("judge")
DEFAULT_JUDGE = "nli"


@JUDGES.register("rules")
def _rules(embedder: str = "", nli: Any = None, detectors: Sequence[str] | None = None) -> Judge:
    return Judge(nli=nli, detectors=detectors or DEFAULT_DETECTORS)


@JUDGES.register("classifier")
def _classifier(embedder: str = "", nli: Any = None,
                detectors: Sequence[str] | None = None) -> Judge:
    from .model import shipped

    return Judge(classifier=shipped(embedder) if embedder else None, nli=nli,
                 detectors=detectors or DEFAULT_DETECTORS)


@JUDGES.register("nli")
def _nli(embedder: str = "", nli: Any = None, detectors: Sequence[str] | None = None) -> Judge:
    from .model import shipped
    from .nli_onnx import shipped_nli

    return NLIJudge(nli=nli if nli is not None else shipped_nli(),
                    classifier=shipped(embedder) if embedder else None,
                    detectors=detectors or NEWS_DETECTORS)


def make_judge(name: str = DEFAULT_JUDGE, embedder: str = "", nli: Any = None,
               detectors: Sequence[str] | None = None) -> Judge:
    """The judge called ``name`` for vectors of ``embedder``; ``nli`` replaces its NLI model
    and ``detectors`` (names in ``DETECTORS``) its set of typed detectors."""
    for d in detectors or ():
        DETECTORS.get(d)  # an unknown name fails here, listing the ones that exist
    return JUDGES.make(name, embedder=embedder, nli=nli, detectors=detectors)


__all__ = ["CONFLICT_TYPES", "DEFAULT_DETECTORS", "DEFAULT_JUDGE", "DETECTORS", "JUDGES",
           "NEWS_DETECTORS", "Judge", "NLIJudge", "Pair", "credits", "make_judge"]
