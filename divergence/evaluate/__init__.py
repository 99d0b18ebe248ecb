"""Benchmarks (SICK, FNC-1, Emergent, ECB+): loaders onto the tool's labels, and their metrics."""

from .loaders import (
    BENCHES,
    LABELS,
    Doc,
    LabeledPair,
    default_root,
    detokenize,
    load_ecbplus,
    load_emergent,
    load_fnc1,
    load_sick,
)
from .metrics import (
    ari,
    b_cubed,
    confusion,
    fnc_score,
    format_confusion,
    format_table,
    per_class,
)

__all__ = [
    "BENCHES",
    "LABELS",
    "Doc",
    "LabeledPair",
    "ari",
    "b_cubed",
    "confusion",
    "default_root",
    "detokenize",
    "fnc_score",
    "format_confusion",
    "format_table",
    "load_ecbplus",
    "load_emergent",
    "load_fnc1",
    "load_sick",
    "per_class",
]
