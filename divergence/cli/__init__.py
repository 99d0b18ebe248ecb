"""The command line: parse, call the library, print. One module per group of commands."""

from __future__ import annotations

from . import bench, calibrate, check, corpus, judging, report, review, serve  # noqa: F401 - registers the commands on main
from .app import main, run

__all__ = ["main", "run"]
