"""The judge: typed detectors and the pair judge built on them."""

from .detectors import CONFLICT_TYPES, DETECTORS, Pair, credits
from .pair import DEFAULT_DETECTORS, Judge

__all__ = ["CONFLICT_TYPES", "DEFAULT_DETECTORS", "DETECTORS", "Judge", "Pair", "credits"]
