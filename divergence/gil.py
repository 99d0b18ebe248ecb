"""Quick turns of the GIL while model threads and a Python thread share the cores.

A report runs ONNX Runtime passes on worker threads (the embedder's, the NLI model's) beside a
Python thread (the frame reader, the rules). A pass frees the GIL while it computes and needs it
back to hand over its result; with CPython's default switch interval a busy Python thread keeps
it up to 5 ms, and a pass of the NLI model takes about as long. ``quick_turns`` shortens the
interval for such a stretch: on the ECB+ cost workload a report took ~0.4 s less (embedding
~0.25 s, judging ~0.15 s; 0.5 ms against 1 ms and 5 ms, five runs each). Scheduling only: no
result changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

# Seconds a thread may hold the GIL while another waits (CPython's default is 0.005).
QUICK = 0.0005


@contextmanager
def quick_turns(interval: float = QUICK) -> Iterator[None]:
    """Within the block, the GIL changes hands after ``interval`` seconds at most (never
    longer than it already did); the process's setting is restored on leaving."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


__all__ = ["QUICK", "quick_turns"]
