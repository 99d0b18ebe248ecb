"""The command line: parse, call the library, print. One module per group of commands."""

from __future__ import annotations

from . import corpus, judging, report, review  # noqa: F401 - registers the commands on main
from ._app import main

__all__ = ["main"]
