"""One writer at a time: an advisory lock on a file next to the corpus database.

SQLite's own write lock lasts one transaction, but growing a corpus is several transactions
(one per batch, so a killed run keeps whole batches) followed by a regroup of everything stored;
a second writer slipping in between would leave the saved grouping without its claims. The lock
is held across all of it. The operating system drops it when the process ends, even on SIGKILL,
so a crashed writer never blocks the next one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["lock_path", "write_lock"]


def lock_path(db: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``<db>.lock`` beside it."""
    p = Path(db)
    return p.with_name(p.name + ".lock")


@contextmanager
def write_lock(db: str | os.PathLike[str], on_wait: Callable[[], None] | None = None
               ) -> Iterator[None]:
    """Hold the exclusive write lock of ``db`` inside the block, waiting for another holder.

    Args:
        on_wait: called once when another process holds the lock, before waiting for it.

    Raises:
        OSError: the lock file cannot be created (a read-only folder, say).
    """
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        if not _try_lock(fh):
            if on_wait:
                on_wait()
            _lock(fh)
        try:
            yield
        finally:
            _unlock(fh)


def being_written(db: str | os.PathLike[str]) -> bool:
    """Whether another process holds the write lock of ``db`` now (an ``add`` under way). Reads
    the lock file only (a reader who may not write the folder can ask); False when it cannot."""
    try:
        with open(lock_path(db), "rb") as fh:
            if not _try_lock(fh):
                return True
            _unlock(fh)
    except OSError:
        return False
    return False


try:
    import fcntl

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt
    import time

    def _try_lock(fh: IO[bytes]) -> bool:
        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _lock(fh: IO[bytes]) -> None:
        while not _try_lock(fh):
            time.sleep(0.2)

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
