"""Rescue what a damaged SQLite file still holds: every readable row, copied into a new file.

A damaged page makes every query that crosses it fail ("database disk image is malformed").
Rows are read in rowid order; past a page that fails, the reading seeks further ahead and goes
on, so one bad page costs the rows on it, not the whole table. Indexes are rebuilt from the
copied rows. The damaged file is kept beside the rescued one, never deleted.
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DivergenceError

__all__ = ["Salvage", "beyond_repair", "salvage"]

_CHUNK = 256


@dataclass(slots=True)
class Salvage:
    """What ``salvage`` copied and where it kept the damaged file."""

    backup: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # table: bad stretches skipped


def beyond_repair(path: str | os.PathLike[str]) -> str | None:
    """Why ``salvage`` could rescue nothing from the file at ``path`` (its list of tables is
    unreadable), or None when it can try."""
    con = sqlite3.connect(path)
    try:
        _schema(con)
    except sqlite3.DatabaseError as e:
        return _why(e)
    finally:
        con.close()
    return None


def _schema(con: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    return con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                       "WHERE sql IS NOT NULL ORDER BY rowid").fetchall()


def _why(e: sqlite3.DatabaseError) -> str:
    return f"not even its list of tables can be read ({e})"


def salvage(path: str | os.PathLike[str]) -> Salvage:
    """Copy every readable row of the database at ``path`` into a new file that takes its place.

    The damaged file (with its ``-wal``) is renamed ``<name>.damaged-<UTC time>`` first. The
    caller holds the corpus's write lock; nothing else may use the file meanwhile.

    Raises:
        DivergenceError: not even the list of tables can be read (restore a backup).
    """
    src = Path(os.path.realpath(path))  # through a link: the file itself, the link kept
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    fresh = src.with_name(f"{src.name}.repairing")
    backup = src.with_name(f"{src.name}.damaged-{stamp}")
    for p in (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm")):
        p.unlink(missing_ok=True)
    old = sqlite3.connect(src)
    try:
        try:
            schema = _schema(old)
        except sqlite3.DatabaseError as e:
            raise DivergenceError(f"too damaged to repair: {_why(e)}; restore a backup",
                                  where=str(src)) from None
        new = sqlite3.connect(fresh)
        result = Salvage(backup)
        try:
            tables = [(n, sql) for t, n, _, sql in schema
                      if t == "table" and not n.startswith("sqlite_")]
            for name, sql in tables:
                new.execute(sql)
                copied, bad = _copy(old, new, name)
                result.copied[name], result.unreadable[name] = copied, bad
            for t, _, tbl, sql in schema:
                if t in ("index", "trigger") and not tbl.startswith("sqlite_"):
                    new.execute(sql)
            new.commit()
        finally:
            new.close()
    finally:
        old.close()
    os.replace(src, backup)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{src}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{backup}{suffix}"))
    os.replace(fresh, src)
    return result


def _copy(old: sqlite3.Connection, new: sqlite3.Connection, table: str) -> tuple[int, int]:
    """Copy ``table``'s readable rows, rowids kept; (rows copied, unreadable stretches)."""
    cols = [str(r[1]) for r in old.execute(f'PRAGMA table_info("{table}")')]
    # A rowid alias (INTEGER PRIMARY KEY) already carries the rowid.
    alias = [str(r[1]) for r in old.execute(f'PRAGMA table_info("{table}")')
             if r[5] == 1 and str(r[2]).upper() == "INTEGER"]
    names = ", ".join(f'"{c}"' for c in cols)
    read = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?'
    marks = ", ".join("?" * len(cols))
    write = (f'INSERT INTO "{table}" ({names}) VALUES ({marks})' if alias
             else f'INSERT INTO "{table}" (rowid, {names}) VALUES (?, {marks})')
    last, copied, bad = -(2**63), 0, 0
    top = _max_rowid(old, table)
    while True:
        try:
            rows = old.execute(read, (last, _CHUNK)).fetchall()
        except sqlite3.DatabaseError:
            rows = _one_by_one(old, read, last)
            if rows is None:  # the next row cannot be read: skip ahead past the bad page
                bad += 1
                last = _skip(old, read, last, top)
                if last is None:
                    break
                continue
        if not rows:
            break
        new.executemany(write, [r[1:] if alias else r for r in rows])
        copied += len(rows)
        last = rows[-1][0]
    return copied, bad


def _one_by_one(old: sqlite3.Connection, read: str, last: int) -> list[tuple[object, ...]] | None:
    """The rows up to the first unreadable one; None when the very next row is unreadable."""
    out: list[tuple[object, ...]] = []
    while len(out) < _CHUNK:
        try:
            row = old.execute(read, (out[-1][0] if out else last, 1)).fetchone()
        except sqlite3.DatabaseError:
            break
        if row is None:
            break
        out.append(row)
    return out or None


def _skip(old: sqlite3.Connection, read: str, last: int, top: int | None) -> int | None:
    """A rowid past ``last`` from which rows read again (None: none readable further on)."""
    step = 1
    start = max(last, 0)
    while top is None or start + step <= top:
        try:
            old.execute(read, (start + step, 1)).fetchone()
            return start + step
        except sqlite3.DatabaseError:
            step *= 2
        if step > 2**62:
            break
    return None


def _max_rowid(old: sqlite3.Connection, table: str) -> int | None:
    try:
        row = old.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()
    except sqlite3.DatabaseError:
        return None
    return int(row[0]) if row and row[0] is not None else None
