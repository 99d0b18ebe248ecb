"""Regular expressions compiled at their first use instead of at import.

The judge's readers hold a few hundred patterns; compiling them at import took ~0.4 s of every
run, before any file was read, and ``compare`` needs few of them. ``lazy`` stands for
``re.compile``: the first call of a method compiles the pattern and keeps the compiled
pattern's methods on the object, so later calls cost what a compiled pattern's do.
``compile_waiting`` compiles those not yet used, which the frame reader does beside the
embedder (the model frees the GIL), so judging finds them ready.
"""

from __future__ import annotations

import re
import threading
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
            "scanner", "groups", "groupindex")
_WAITING: list[LazyPattern] = []
_LOCK = threading.Lock()


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when a method is first called. ``pattern`` and
    ``flags`` read as a compiled pattern's do (``gate.needed`` parses them) without compiling,
    but ``flags`` lacks what inline flags such as ``(?i)`` add.

    Not a ``re.Pattern``: ``re``'s module functions and ``isinstance`` refuse it, and a match
    names the compiled pattern (``m.re is P`` is never true; compare ``m.re.pattern``)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        ascii_or_bytes = flags & re.ASCII or not isinstance(pattern, str)
        self.flags = flags | (0 if ascii_or_bytes else re.UNICODE)
        with _LOCK:
            _WAITING.append(self)

    def __getattr__(self, name: str) -> Any:  # only for what is not yet on the instance
        if name.startswith("__") or name not in _METHODS:
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; its methods now stand on this object."""
        p = re.compile(self.pattern, self.flags)
        self.__dict__.update({m: getattr(p, m) for m in _METHODS})
        return p

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> Any:
    """A pattern compiled at its first use; typed ``Any`` so callers may treat it as
    ``re.Pattern``, which it behaves as for every method but ``re``'s module functions."""
    return LazyPattern(pattern, flags)


def compile_waiting() -> int:
    """Compile every lazy pattern not yet used; returns how many were compiled."""
    with _LOCK:
        waiting = [p for p in _WAITING if "search" not in p.__dict__]
        _WAITING.clear()
    for p in waiting:
        p.compiled()
    return len(waiting)
