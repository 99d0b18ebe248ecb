"""Work started on a thread beside the caller's (opening an ONNX model, importing SciPy) and
waited for before the process exits.

Such threads are daemons, so that a run never waits on them to finish its own work. But a
native library still building its session when the interpreter tears down aborts the process:
``divergence report missing.txt`` printed its one-line error, then "terminate called without an
active exception" and died with SIGABRT (exit 134), because the embedder was still opening on
its thread. ``beside`` remembers each thread it starts, and an exit hook joins the ones still
running (they take well under a second) before the interpreter finalizes.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable

# The longest the exit hook waits, in all, for threads still running: a model that takes
# longer to open than this is not opening, and the process leaves without it.
EXIT_WAIT = 30.0

_started: list[threading.Thread] = []
_lock = threading.Lock()


def beside(fn: Callable[[], object], name: str, wait: bool = True) -> threading.Thread:
    """Run ``fn`` on a daemon thread named ``name``, now; with ``wait``, the process waits for
    it before it exits (work in a native runtime; pure Python reading ahead need not be
    waited for). An exception in ``fn`` is dropped: the caller's own later use of what ``fn``
    prepares meets the same error on its own thread and says what broke."""

    def run() -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - the first real use raises it again, and says
            return

    t = threading.Thread(target=run, name=name, daemon=True)
    if wait:
        with _lock:
            _started[:] = [x for x in _started if x.is_alive()]
            _started.append(t)
    t.start()
    return t


@atexit.register
def _finish(wait: float = EXIT_WAIT) -> None:
    """Join the threads ``beside`` started that still run, up to ``wait`` seconds in all."""
    deadline = time.monotonic() + wait
    with _lock:
        running = list(_started)
    for t in running:
        t.join(max(0.0, deadline - time.monotonic()))


__all__ = ["EXIT_WAIT", "beside"]
