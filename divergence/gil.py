"""Quick turns of the GIL while model threads and a Python thread share the cores, and few
pauses of the cyclic garbage collector, which holds the GIL while it runs.

A report runs ONNX Runtime passes on worker threads (the embedder's, the NLI model's) beside a
Python thread (the frame reader, the rules). A pass frees the GIL while it computes and needs it
back to hand over its result; with CPython's default switch interval a busy Python thread keeps
it up to 5 ms, and a pass of the NLI model takes about as long. ``quick_turns`` shortens the
interval for such a stretch: on the ECB+ cost workload a report took ~0.4 s less (embedding
~0.25 s, judging ~0.15 s; 0.5 ms against 1 ms and 5 ms, five runs each). Scheduling only: no
result changes.

The collector's default (a young collection every 700 new containers) walks, as the frame
readers' caches grow, the whole heap again and again: on the same workload 7 full collections
took ~0.8 s of a ~15 s report (~0.95 s in all, against ~0.3 s for 25bd3c5's judge).
``fewer_collections`` (young collections every 50,000) takes that to ~0.15 s, with no full
collection; a cycle of garbage waits a little longer to be freed (peak memory 567 -> 581 MB
there). The CLI sets it for its process (``cli.app.run``); a library caller keeps its own
setting. Only the young threshold is raised: the older ones mean other things from one
CPython to the next (3.14 collects the old generation incrementally).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# A young collection after this many new containers (CPython's default: 700; 2,000 from 3.13).
FEW = 50_000

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


def fewer_collections(young: int = FEW) -> None:
    """Raise the garbage collector's young threshold to ``young`` for the rest of the process,
    only where it is lower (a caller's higher setting stays; 0, the collector off, stays); the
    older generations' thresholds are left as they are."""
    now, *older = gc.get_threshold()
    if 0 < now < young:
        gc.set_threshold(young, *older)


__all__ = ["FEW", "QUICK", "fewer_collections", "quick_turns"]
