"""The NLI model reads a batch's pairs on a thread while the rules read on.

``NLIJudge.judge_pairs`` reads its pairs chunk by chunk (``chunks``); the pairs of a chunk that
the model must read go to one reader thread as soon as the rules have read the chunk, so the
model (which frees the GIL while it computes) and the rules (which hold it) share the cores
instead of taking turns: on the ECB+ cost workload the model's ~1.1 s came after ~1.7 s of
rules, on 2 cores. A model that reads each pair alone (``reads_alone``: the shipped ONNX model,
one pair a pass) gives the very same numbers however the pairs are split into calls; any other
is read in one call at the end, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

import numpy as np

# Pairs the rules read before the model is given the first chunk's; each next chunk is twice
# the last, up to ``LAST_CHUNK``: the model starts early, the pair classifier (a fixed cost a
# call) is called only a few times per batch (128-row chunks cost ~0.2 s more CPU on the ECB+
# workload), and what the model still has to read when the rules are done is one chunk's pairs
# at most, however long the batch.
FIRST_CHUNK = 128
LAST_CHUNK = 1024


def chunks(n: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the chunks of ``n`` rows: ``FIRST_CHUNK`` rows, then twice as many each
    time, never more than ``LAST_CHUNK``."""
    start, size = 0, FIRST_CHUNK
    while start < n:
        yield start, min(n, start + size)
        start, size = start + size, min(2 * size, LAST_CHUNK)


Reads = Callable[[Sequence[int]], dict[int, np.ndarray]]


def reads_alone(model: Any) -> bool:
    """Whether ``model`` reads each pair in a pass of its own (``batch_size`` 1), so that which
    pairs share a call changes none of its numbers."""
    return model is not None and getattr(model, "batch_size", None) == 1


class ReadAhead:
    """Rows given to ``add`` are read by ``read`` (row -> probabilities) on one thread, or, when
    ``ahead`` is False, all at once when ``results`` is called. Used as a context manager: on
    leaving, reads not yet started are dropped and the thread is let go."""

    def __init__(self, read: Reads, ahead: bool) -> None:
        self.read = read
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="nli-read") if ahead else None
        self._jobs: list[Future[dict[int, np.ndarray]]] = []
        self._held: list[int] = []

    def add(self, rows: Sequence[int]) -> None:
        """Rows the model must read: started now on the reader thread, or held for ``results``."""
        if not rows:
            return
        if self._pool is None:
            self._held += rows
        else:
            self._jobs.append(self._pool.submit(self.read, list(rows)))

    def results(self) -> dict[int, np.ndarray]:
        """Every added row's probabilities (waiting for the reader thread)."""
        out = self.read(self._held) if self._held else {}
        for job in self._jobs:
            out.update(job.result())
        return out

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["FIRST_CHUNK", "LAST_CHUNK", "ReadAhead", "chunks", "reads_alone"]
