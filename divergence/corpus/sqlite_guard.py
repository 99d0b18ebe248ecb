"""Storage faults as one clear line: a SQLite connection whose failures name the file and the fix.

A damaged page, a full disk, a read-only file or a lock held too long surfaces from SQLite as a
bare ``sqlite3.DatabaseError`` that names no file. ``GuardedConnection`` turns exactly those into
a ``StorageError`` (a ``DivergenceError``: the CLI prints it as one line, exit 1); every other
error (a constraint, a trigger's refusal, a bug in a query) passes through unchanged.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from ..errors import DivergenceError

__all__ = ["FAULTS", "EmptyDatabase", "GuardedConnection", "StorageError", "fault_kind",
           "storage_error"]


class EmptyDatabase(sqlite3.DatabaseError):
    """A database with no tables at all: a first add cut short (a full disk, a kill) before it
    made them; the add run again makes them, so it is no foreign file."""

    MESSAGE = ("holds no corpus yet (an empty database: a first add that did not finish?); run "
               "divergence add with this --db again to make it, or give another --db path")


class StorageError(DivergenceError):
    """The database file failed underneath a command: damaged, full, read-only, busy, unreadable.

    Attributes:
        kind: one of ``FAULTS``.
    """

    def __init__(self, message: str, kind: str, where: str | None = None) -> None:
        self.kind = kind
        super().__init__(message, where=where)


# kind: (what SQLite's extended error names start with, words in the message on Pythons < 3.11)
FAULTS: dict[str, tuple[str, str]] = {
    "damaged": ("SQLITE_CORRUPT", "malformed"),
    "not-a-database": ("SQLITE_NOTADB", "file is not a database"),
    "full": ("SQLITE_FULL", "disk is full"),
    "read-only": ("SQLITE_READONLY", "readonly database"),
    "io": ("SQLITE_IOERR", "disk i/o error"),
    "busy": ("SQLITE_BUSY", "database is locked"),
    "cannot-open": ("SQLITE_CANTOPEN", "unable to open database file"),
}


def fault_kind(e: BaseException) -> str | None:
    """Which storage fault ``e`` is (a key of ``FAULTS``), or None for any other error."""
    if not isinstance(e, sqlite3.Error):
        return None
    name = str(getattr(e, "sqlite_errorname", "") or "")
    text = str(e).lower()
    for kind, (prefix, words) in FAULTS.items():
        if name.startswith(prefix) or (not name and words in text):
            return kind
    if name.startswith("SQLITE_LOCKED"):
        return "busy"
    return None


def storage_error(e: sqlite3.Error, path: str | Path | None, db_flag: str | None = None
                  ) -> StorageError | None:
    """The one-line message for a storage fault on the database at ``path``; None for others.

    Args:
        db_flag: how to name the file in a suggested command [default: ``path``].
    """
    kind = fault_kind(e)
    if kind is None:
        return None
    if kind == "io" and path is not None and _nearly_full(Path(path)):
        kind = "full"  # SQLite reports a write that found no room as an I/O error
    flag = db_flag or str(path or "FILE")
    hopeless = _beyond_repair(path) if kind == "damaged" else None
    if hopeless is not None:  # check --repair would only say so: do not send the user there
        return StorageError(f"the database is too damaged to repair: {hopeless}; restore a "
                            "backup", kind, where=str(path))
    what = {
        "damaged": f"the database is damaged ({e}); run: divergence check --repair --db {flag} "
                   "(it keeps a copy of the damaged file), or restore a backup",
        "not-a-database": f"is not a divergence corpus ({e}); give another --db path or move "
                          "the file away",
        "full": f"the disk is full ({e}); the step that failed was rolled back and nothing is "
                "half-written; free some space and run the command again",
        "read-only": f"the database is read-only ({e}); this command writes to it: make the "
                     "file and its folder writable, or use a command that only reads "
                     "(report --db, review --list, score without --add, check, verdicts)",
        "io": f"cannot read or write the database ({e}); check the disk, then run: "
              f"divergence check --db {flag}",
        "busy": f"the database stayed locked by another process ({e}); wait for it to finish "
                "and run the command again",
        "cannot-open": f"cannot open the database ({e}); check that its folder exists and is "
                       "writable",
    }[kind]
    if kind in ("cannot-open", "read-only") and path is not None:
        what = _whose(Path(path)) or what
    return StorageError(what, kind, where=str(path) if path is not None else None)


def _whose(path: Path) -> str | None:
    """What the permissions say when SQLite cannot open or write ``path``: the file itself
    unreadable, or journal files beside it that another user left and this one cannot write."""
    import os

    if path.is_file() and not os.access(path, os.R_OK):
        return "permission denied: this user cannot read the file"
    theirs = [p.name for p in (Path(f"{path}-wal"), Path(f"{path}-shm"))
              if p.exists() and not os.access(p, os.W_OK)]
    if theirs:
        return (f"{' and '.join(theirs)} beside it belong to another user and cannot be written; "
                "remove them (once no other process uses the corpus) or run as their owner")
    return None


def _beyond_repair(path: str | Path | None) -> str | None:
    """Why ``check --repair`` could rescue nothing from ``path``; None when it can try."""
    from .salvage import beyond_repair

    if path is None:
        return None
    try:
        return beyond_repair(path)
    except (sqlite3.Error, OSError):  # cannot even look: let the repair try and say why
        return None


def _nearly_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has less than 1 MiB free."""
    try:
        return shutil.disk_usage(path.resolve().parent).free < 2**20
    except OSError:
        return False


class GuardedConnection:
    """A ``sqlite3.Connection`` whose storage faults raise ``StorageError`` naming ``path``.

    Offers what the store uses: ``execute``, ``executemany``, ``executescript``, ``commit``,
    ``rollback``, ``close``, ``in_transaction`` and use as a transaction context manager.
    Cursors come back wrapped too, since a damaged page may only be met while rows are read.
    """

    def __init__(self, con: sqlite3.Connection, path: str | Path,
                 read_only_because: StorageError | None = None) -> None:
        self.raw = con
        self.path = Path(path)
        # Opened read-only because of this fault (a full disk): a refused write reports it.
        self.read_only_because = read_only_because

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a storage fault raised inside into a ``StorageError``."""
        try:
            yield
        except sqlite3.Error as e:
            err = storage_error(e, self.path)
            if err is None:
                raise
            if err.kind == "read-only" and self.read_only_because is not None:
                err = self.read_only_because
            raise err from None

    def execute(self, sql: str, params: Iterable[Any] = ()) -> _Rows:
        with self.guard():
            return _Rows(self.raw.execute(sql, tuple(params)), self)

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> _Rows:
        with self.guard():
            return _Rows(self.raw.executemany(sql, rows), self)

    def executescript(self, script: str) -> None:
        with self.guard():
            self.raw.executescript(script)

    def commit(self) -> None:
        with self.guard():
            self.raw.commit()

    def rollback(self) -> None:
        with self.guard():
            self.raw.rollback()

    def close(self) -> None:
        with suppress(sqlite3.Error):  # closing a damaged file: nothing left to do
            self.raw.close()

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def __enter__(self) -> GuardedConnection:
        self.raw.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        with self.guard():
            return self.raw.__exit__(*exc)


class _Rows:
    """A cursor whose reads are guarded like the connection's statements."""

    def __init__(self, cursor: sqlite3.Cursor, con: GuardedConnection) -> None:
        self._cursor = cursor
        self._con = con

    def fetchone(self) -> Any:
        with self._con.guard():
            return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        with self._con.guard():
            return self._cursor.fetchall()

    def __iter__(self) -> Iterator[Any]:
        with self._con.guard():
            yield from self._cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount
