"""One progress bar for every stage: on stderr, gone when done, a no-op when disabled.

A bar redraws itself with carriage returns, which only a terminal shows as one line; into a log
or a pipe each stage writes one plain line as it starts instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def bar(total: int, desc: str, enabled: bool, unit: str = "item") -> Iterator[Callable[[int], Any]]:
    """Yield ``update(k)`` of a tqdm bar on stderr, or a no-op when disabled or empty. When
    stderr is not a terminal, the stage is named in one line (``desc: total unit(s)``)."""
    if not enabled or total == 0:
        yield lambda k: None
        return
    if not _terminal(sys.stderr) and "ipykernel" not in sys.modules:  # a notebook draws bars
        print(f"{desc}: {total:,} {unit}(s)", file=sys.stderr, flush=True)
        yield lambda k: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=False,
              dynamic_ncols=True) as b:
        yield b.update


def _terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


__all__ = ["bar"]
