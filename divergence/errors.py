"""The one error type users see as a clean message, never as a traceback."""

from __future__ import annotations


class DivergenceError(Exception):
    """Bad input or a failed step, with where it happened: ``path:line: message``."""

    def __init__(self, message: str, where: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.where = where
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.where is None:
            return self.message
        loc = f"{self.where}:{self.line}" if self.line is not None else self.where
        return f"{loc}: {self.message}"
