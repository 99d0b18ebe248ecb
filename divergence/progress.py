"""One progress bar for every stage: on stderr, gone when done, a no-op when disabled."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def bar(total: int, desc: str, enabled: bool, unit: str = "item") -> Iterator[Callable[[int], Any]]:
    """Yield ``update(k)`` of a tqdm bar on stderr, or a no-op when disabled or empty."""
    if not enabled or total == 0:
        yield lambda k: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=False,
              dynamic_ncols=True) as b:
        yield b.update


__all__ = ["bar"]
