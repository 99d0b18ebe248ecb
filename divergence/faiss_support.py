"""faiss, the optional engine of the HNSW indexes (neighbour graphs and the corpus index)."""

from __future__ import annotations

import importlib.util
from typing import Any

from .errors import DivergenceError

FAISS_HINT = "the hnsw index needs faiss-cpu: pip install 'divergence[ann]'"


def load_faiss() -> Any:
    """The faiss module, or a DivergenceError that says how to install it."""
    try:
        import faiss
    except ImportError:
        raise DivergenceError(FAISS_HINT) from None
    return faiss


def has_faiss() -> bool:
    """Whether faiss-cpu can be imported (without importing it)."""
    try:
        return importlib.util.find_spec("faiss") is not None
    except (ImportError, ValueError):
        return False


__all__ = ["FAISS_HINT", "has_faiss", "load_faiss"]
