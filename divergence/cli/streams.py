"""The standard streams as the ``divergence`` command finds them: closed ones given a stand-in,
and stderr that outlives its reader (progress and warnings are for a person, and a person who
stops reading them, ``2>&1 | head -2`` or ``2>/dev/full``, has not asked the job to stop)."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

# A reader gone, a full or failing device: the messages go nowhere, the job goes on.
_LOST = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)})


class ForgivingStream:
    """A text stream that, once a write or flush fails for want of a reader or of room, drops
    what follows instead of raising: every other attribute is the wrapped stream's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.lost = False

    def _fail(self, e: OSError) -> None:
        if e.errno not in _LOST:
            raise e
        self.lost = True
        with contextlib.suppress(OSError, ValueError):  # native writers (the model runtime) too
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                return int(self._stream.write(text))
            except OSError as e:
                self._fail(e)
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._stream.flush()
            except OSError as e:
                self._fail(e)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def forgiving_stderr() -> None:
    """Put ``sys.stderr`` behind a ``ForgivingStream`` (once; the ``divergence`` command only)."""
    if sys.stderr is not None and not isinstance(sys.stderr, ForgivingStream):
        sys.stderr = ForgivingStream(sys.stderr)  # type: ignore[assignment]


def stand_in_for_closed_streams() -> None:
    """A standard stream the caller closed (``>&-``, ``2>&-``, ``<&-``) is None in Python, and
    its descriptor goes to the next file opened, which would then get what was meant for the
    stream (progress inside a report file). The null device takes the descriptor: stdin reads
    as empty, messages for stderr go nowhere, and stdout is opened for reading only, so data
    written there fails as "cannot write the output" (exit 1) instead of vanishing."""
    for fd, name, flags in ((0, "stdin", os.O_RDONLY), (1, "stdout", os.O_RDONLY),
                            (2, "stderr", os.O_WRONLY)):
        if getattr(sys, name) is not None:
            continue
        null = os.open(os.devnull, flags)
        if null != fd:  # the lower descriptors are taken already: put it in place
            os.dup2(null, fd)
            os.close(null)
        setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8",  # noqa: SIM115
                                errors="backslashreplace" if fd == 2 else "strict",
                                closefd=False))


__all__ = ["ForgivingStream", "forgiving_stderr", "stand_in_for_closed_streams"]
