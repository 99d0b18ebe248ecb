"""Stable ids for things found from claims: the same claims give the same id on every run."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


def stable_id(prefix: str, keys: Sequence[str]) -> str:
    """``prefix`` plus ten hex digits of a hash over the sorted keys (order does not matter)."""
    return prefix + hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:10]


__all__ = ["stable_id"]
