"""The corpus on disk: articles, claims, vectors and the last grouping in one SQLite file.

Only the store modules (this one, schema, store_grouping, verdict_log, store_checks) know the SQL
shapes; everything in and out is a record from ``records.py``.
Writes go in one transaction per batch of articles, so a run killed at any point leaves whole
articles (each with all its claims and vectors) or none of them.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DivergenceError
from ..records import Article, Claim
from .locking import lock_path, write_lock
from .schema import (
    BUSY_TIMEOUT,
    DEFAULT_DB,
    MEMBERS,
    NEEDED,
    SCHEMA_VERSION,
    TABLES,
    TRIGGERS,
    VERDICT_FIELDS,
    VERDICTS_TABLE,
)
from .sqlite_guard import EmptyDatabase, GuardedConnection, StorageError, storage_error
from .store_checks import (
    ARTICLE_COLUMNS,
    DAMAGED_VECTOR,
    StoreChecks,
    article_of,
    calibration_of,
    vector_of,
)
from .store_grouping import GroupingStore
from .verdict_log import VerdictLog, verdict_hash


def _stacked(vectors: Sequence[np.ndarray], where: str) -> np.ndarray:
    """Vectors as rows; vectors of several sizes (one model's are expected) name the repair."""
    if len({v.shape for v in vectors}) > 1:
        raise DivergenceError(DAMAGED_VECTOR, where=where)
    return np.stack(vectors)


def default_db() -> Path:
    """``$DIVERGENCE_DB`` (blanks around it dropped, ``~`` expanded) or
    ``.divergence/corpus.db``; one of blanks only is unset, not a file named " "."""
    env = os.environ.get("DIVERGENCE_DB", "").strip()
    return Path(env).expanduser() if env else DEFAULT_DB


class Corpus(GroupingStore, VerdictLog, StoreChecks):
    """A growing corpus of articles in SQLite (WAL, foreign keys on).

    Opening the file also brings it up to date: tables and columns added since it was made, and
    the verdict log's triggers put back if they were dropped or altered (``restored`` names
    them). A read-only file opens for reading.

    Args:
        path: the database file.
        create: make the file (and its folder) when missing; otherwise a missing file is an error.

    Raises:
        DivergenceError: the file is missing (``create=False``), or is not a divergence corpus.
        StorageError: the file is damaged, unreadable, or the disk is full.
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True) -> None:
        self.path = Path(path)
        self.restored: list[str] = []  # verdict triggers found missing or altered, put back
        self._writers = 0
        if self.path.is_dir():
            raise DivergenceError("is a folder; give the corpus database file", where=str(path))
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if fresh and not create:
            raise DivergenceError("no corpus database here; create one with: divergence add "
                                  f"PATHS --db {path}", where=str(path))
        if fresh:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + BUSY_TIMEOUT
        for attempt in itertools.count():
            try:
                raw = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
            except sqlite3.Error as e:
                raise (storage_error(e, path) or DivergenceError(
                    f"cannot open the corpus database ({e})", where=str(path))) from None
            self._db = GuardedConnection(raw, self.path)
            try:
                self._open(create)
                break
            except StorageError as e:
                self._db.close()
                # Another process creating the file or switching it to WAL can make SQLite
                # answer "locked" at once, without waiting: try again until the timeout.
                if e.kind == "busy" and time.monotonic() < deadline:
                    time.sleep(min(1.0, 0.05 * 2**attempt))
                    continue
                if e.kind not in ("cannot-open", "read-only", "full") or fresh:
                    raise
                self._open_unchangeable(e)
                break
            except sqlite3.DatabaseError as e:
                self._db.close()
                empty = isinstance(e, EmptyDatabase)
                raise DivergenceError(EmptyDatabase.MESSAGE if empty else f"is not a divergence "
                                      f"corpus ({e}); give another --db path or move the file "
                                      "away", where=str(path)) from None

    def _open_unchangeable(self, first: StorageError) -> None:
        """Open a file on a read-only or full disk (or in a read-only folder) for reading.

        SQLite cannot make the shared-memory file a WAL database needs there, so the file is
        opened as unchangeable, which it is while the disk stays so. Not when a write-ahead log
        with content is beside it: that would be ignored.
        """
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size:
            raise first
        uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
        try:
            self._db = GuardedConnection(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT),
                                         self.path, first if first.kind == "full" else None)
            self._open(False)
        except (StorageError, sqlite3.Error):
            self._db.close()
            raise first from None

    def _open(self, create: bool) -> None:
        self._db.execute("PRAGMA foreign_keys=ON")
        if str(self._db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
            except StorageError as e:
                if e.kind != "read-only":
                    raise  # a read-only file keeps its journal mode and is still read
        if create and not self._tables():
            with self._write():  # another process may be creating it too: check again inside
                if not self._tables():
                    for sql in [*TABLES, VERDICTS_TABLE, *MEMBERS, *TRIGGERS.values()]:
                        self._db.execute(sql)
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)",
                                     (SCHEMA_VERSION,))
        tables = self._tables()
        version = (self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                   if "meta" in tables else None)
        if not tables >= NEEDED or version is None:
            raise sqlite3.DatabaseError("tables missing") if tables else EmptyDatabase()
        if version[0] != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema version {version[0]}, need {SCHEMA_VERSION}")
        if not self._outdated():
            return
        try:
            with self._write():
                self._upgrade()
        except StorageError as e:
            if e.kind != "read-only":
                raise
            self.restored = []
            self._read_only_stand_ins()

    def _read_only_stand_ins(self) -> None:
        """A read-only file from an older version is read as it is: the tables it lacks are
        made for this connection only (TEMP), the membership index filled from its grouping."""
        tables = self._tables()
        if "verdicts" not in tables:
            self._db.execute(VERDICTS_TABLE.replace("CREATE TABLE", "CREATE TEMP TABLE"))
        lacks = [c for c in ("confidence", "hash", "scale") if c not in self._verdict_columns()]
        if lacks:  # a temp view shadows the log, with the columns it lacks left empty
            extra = ", ".join(f"NULL AS {c}" for c in lacks)
            self._db.execute(f"CREATE TEMP VIEW verdicts AS SELECT *, {extra} FROM main.verdicts")
        if "members" not in tables:
            self._db.execute(MEMBERS[0].replace("CREATE TABLE", "CREATE TEMP TABLE"))
            self._db.executemany("INSERT INTO temp.members VALUES (?, ?, ?)",
                                 self._memberships())
            self._db.commit()

    def _tables(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def _triggers(self) -> dict[str, str]:
        q = "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND tbl_name='verdicts'"
        return {str(n): str(sql) for n, sql in self._db.execute(q)}

    def _verdict_columns(self) -> set[str]:
        return {str(r[1]) for r in self._db.execute("PRAGMA table_info(verdicts)")}

    def _outdated(self) -> bool:
        """Whether a table, a column or a verdict trigger is missing (or a trigger altered)."""
        if not self._tables() >= {"verdicts", "members"}:
            return True
        if not self._verdict_columns() >= {"confidence", "hash", "scale"}:
            return True
        return self._triggers() != TRIGGERS

    def _upgrade(self) -> None:
        """Add what ``_outdated`` found missing, inside the caller's write transaction."""
        tables = self._tables()
        if "verdicts" not in tables:
            self._db.execute(VERDICTS_TABLE)
        if "members" not in tables:
            for sql in MEMBERS:
                self._db.execute(sql)
            self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", self._memberships())
        cols = self._verdict_columns()
        if "confidence" not in cols:  # verdict logs from before calibration
            self._db.execute("ALTER TABLE verdicts ADD COLUMN confidence REAL")
        if "scale" not in cols:  # verdict logs from before confidences recorded their scale
            self._db.execute("ALTER TABLE verdicts ADD COLUMN scale TEXT")
        found = self._triggers()
        if "hash" in cols:  # a log this version wrote: a trigger that is gone was removed
            self.restored = sorted(n for n, sql in TRIGGERS.items() if found.get(n) != sql)
        for name in found:
            self._db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        if "hash" not in cols:  # verdict logs from before the chain: link the rows there are
            self._db.execute("ALTER TABLE verdicts ADD COLUMN hash TEXT")
            prev = ""
            rows = self._db.execute(f"SELECT {VERDICT_FIELDS}, scale FROM verdicts ORDER BY id")
            for row in rows.fetchall():
                prev = verdict_hash(prev, row)
                self._db.execute("UPDATE verdicts SET hash=? WHERE id=?", (prev, row[0]))
            self._set_head()
        for sql in TRIGGERS.values():
            self._db.execute(sql)

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so its reads see no other
        writer's changes until it commits; nested uses join the outer one."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with suppress(StorageError):  # the original error says more
                self._db.rollback()
            raise
        self._db.commit()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read inside the block from one consistent state of the file, whatever other processes
        write meanwhile (a WAL read transaction). Writes inside it are not allowed."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            self._db.rollback()

    @contextmanager
    def writing(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Be the corpus's only writer inside the block (a lock file beside the database).

        Growing the corpus takes several transactions and a regroup; holding this across them
        keeps a second writer from storing claims the saved grouping would lack. Re-entrant.

        Args:
            on_wait: called once when another process is writing, before waiting for it.
        """
        if self._writers:
            self._writers += 1
            try:
                yield
            finally:
                self._writers -= 1
            return
        with ExitStack() as stack:
            try:
                stack.enter_context(write_lock(self.path, on_wait))
            except OSError as e:
                raise StorageError(
                    f"cannot take the write lock {lock_path(self.path).name} ({e.strerror or e});"
                    " the folder is read-only: make it writable to change the corpus, or use a "
                    "command that only reads (report --db, review --list, score without --add)",
                    "read-only", where=str(self.path)) from None
            self._writers = 1
            try:
                yield
            finally:
                self._writers = 0

    # ---------------------------------------------------------------- reading

    @property
    def model(self) -> str | None:
        """The name of the embedder whose vectors are stored, or None for an empty corpus."""
        row = self._db.execute("SELECT value FROM meta WHERE key='model'").fetchone()
        return row[0] if row else None

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def has(self, article_id: str) -> bool:
        """Whether an article with this id (content hash) is stored."""
        q = "SELECT 1 FROM articles WHERE id=?"
        return self._db.execute(q, (article_id,)).fetchone() is not None

    def articles(self) -> list[Article]:
        """The stored articles, in the order they were added (a text of no valid UTF-8 read with
        its bad bytes replaced, not a traceback)."""
        rows = self._db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY rowid")
        return [article_of(r) for r in rows]

    def claims(self) -> list[Claim]:
        """The stored claims: article order, then claim order."""
        rows = self._db.execute(
            'SELECT c.id, c.article_id, c.text, c.start, c."end", c.speaker, c.stance, c.cue, '
            "c.proposition FROM claims c JOIN articles a ON a.id = c.article_id "
            "ORDER BY a.rowid, c.n")
        return [Claim(*r[:7], cue=r[7], proposition=r[8] or "") for r in rows]

    def n_claims(self, article_id: str | None = None) -> int:
        """How many claims are stored (of one article when ``article_id`` is given)."""
        if article_id is None:
            return int(self._db.execute("SELECT count(*) FROM claims").fetchone()[0])
        q = "SELECT count(*) FROM claims WHERE article_id=?"
        return int(self._db.execute(q, (article_id,)).fetchone()[0])

    @property
    def identity(self) -> str:
        """A random id given to the corpus when first asked: tells a rebuilt file from this one."""
        row = self._db.execute("SELECT value FROM meta WHERE key='identity'").fetchone()
        if row:
            return str(row[0])
        import uuid

        new = uuid.uuid4().hex[:16]
        try:
            with self._write():
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('identity', ?)", (new,))
        except StorageError as e:
            if e.kind != "read-only":
                raise
            return f"read-only:{self.path.resolve()}"  # cannot be saved; stable for this file
        return str(self._db.execute("SELECT value FROM meta WHERE key='identity'").fetchone()[0])

    @property
    def generation(self) -> str:
        """A random token renewed by every write of claims or vectors: an index built at another
        generation is stale (a token, not a counter, so a restored backup that is written to
        again cannot reach an old value)."""
        row = self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return str(row[0]) if row else "0"

    def _bump(self) -> None:
        import uuid

        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)",
                         (uuid.uuid4().hex,))

    def rows(self) -> tuple[np.ndarray, np.ndarray]:
        """(claim row numbers, vectors) in ``claims()`` order: what an index is built from."""
        q = ("SELECT c.rowid, v.v, v.dim FROM claims c JOIN articles a ON a.id = c.article_id "
             "LEFT JOIN vectors v ON v.claim_id = c.id ORDER BY a.rowid, c.n")
        rowids, vecs = [], []
        for rowid, blob, dim in self._db.execute(q):
            if blob is None:
                raise DivergenceError("some claims have no vector; re-add with --reembed",
                                      where=str(self.path))
            rowids.append(rowid)
            vecs.append(vector_of(blob, dim, str(self.path)))
        if not vecs:
            return np.zeros(0, np.int64), np.zeros((0, 0), np.float32)
        return np.asarray(rowids, np.int64), _stacked(vecs, str(self.path))

    def claims_at(self, rowids: Sequence[int]) -> dict[int, tuple[Claim, np.ndarray]]:
        """The claims (with their vectors) at these row numbers, by row number."""
        return self._claims_where("c.rowid", sorted({int(r) for r in rowids}))

    def claims_by_id(self, claim_ids: Sequence[str]) -> dict[str, tuple[Claim, np.ndarray]]:
        """The claims (with their vectors) with these ids, by id; unknown ids are left out."""
        return self._claims_where("c.id", list(dict.fromkeys(claim_ids)))

    def _claims_where(self, column: str, keys: Sequence[Any]
                      ) -> dict[Any, tuple[Claim, np.ndarray]]:
        """Claims and vectors whose ``column`` (c.rowid or c.id) is one of ``keys``, by key."""
        out: dict[Any, tuple[Claim, np.ndarray]] = {}
        for k in range(0, len(keys), 500):
            chunk = list(keys[k : k + 500])
            q = (f'SELECT {column}, c.id, c.article_id, c.text, c.start, c."end", c.speaker, '
                 "c.stance, c.cue, c.proposition, v.v, v.dim FROM claims c LEFT JOIN vectors v "
                 "ON "
                 f"v.claim_id = c.id WHERE {column} IN ({','.join('?' * len(chunk))})")
            for r in self._db.execute(q, chunk):
                claim = Claim(*r[1:8], cue=r[8], proposition=r[9] or "")
                out[r[0]] = (claim, vector_of(r[10], r[11], str(self.path)))
        return out

    def vectors_of(self, claim_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these claims, by claim id."""
        out: dict[str, np.ndarray] = {}
        ids = list(dict.fromkeys(claim_ids))
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            q = (f"SELECT claim_id, v, dim FROM vectors WHERE claim_id IN "
                 f"({','.join('?' * len(chunk))})")
            out.update((cid, vector_of(b, dim, str(self.path)))
                       for cid, b, dim in self._db.execute(q, chunk))
        return out

    def voices(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The wire, else the source, of these articles (``Article.voice`` without copies)."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, str] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            q = ("SELECT id, coalesce(wire, source) FROM articles WHERE id IN "
                 f"({','.join('?' * len(chunk))})")
            out.update(self._db.execute(q, chunk))
        return out

    def vectors(self) -> np.ndarray:
        """The stored vectors, row i for ``claims()[i]``."""
        rows = self._db.execute(
            "SELECT v.dim, v.v FROM claims c JOIN articles a ON a.id = c.article_id "
            "LEFT JOIN vectors v ON v.claim_id = c.id ORDER BY a.rowid, c.n").fetchall()
        if any(blob is None for _, blob in rows):
            raise DivergenceError("some claims have no vector; re-add with --reembed",
                                  where=str(self.path))
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return _stacked([vector_of(blob, dim, str(self.path)) for dim, blob in rows],
                        str(self.path))

    # ---------------------------------------------------------------- writing

    def add(
        self,
        articles: Sequence[Article],
        claims: Sequence[Claim],
        vectors: np.ndarray,
        model: str,
        batch: int = 32,
        on_progress: Callable[[int], None] | None = None,
        files: str | None = None,
    ) -> int:
        """Store articles with their claims and vectors (row i for ``claims[i]``); the number added.

        Articles already present are skipped. One transaction per ``batch`` articles. Vectors
        from another model than the stored ones are refused unless the corpus is empty;
        ``files`` is the model folder's fingerprint, when it has one.
        """
        if vectors.shape[0] != len(claims):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(claims)} claims")
        self.check_model(model, files)
        by_article: dict[str, list[int]] = {}
        for i, c in enumerate(claims):
            by_article.setdefault(c.article_id, []).append(i)
        todo = [a for a in dict((a.id, a) for a in articles).values() if not self.has(a.id)]
        now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        for k in range(0, len(todo), max(1, batch)):
            chunk = todo[k : k + max(1, batch)]
            with self._write():
                self._keep_model(model, files)
                self._forget_grouping()  # stale once the corpus grows
                for a in chunk:
                    self._insert(a, [(claims[i], vectors[i]) for i in by_article.get(a.id, [])],
                                 now)
            if on_progress:
                on_progress(len(chunk))
        return len(todo)

    @property
    def model_files(self) -> str | None:
        """The fingerprint of the stored model's local folder (``embed.folder_fingerprint``)
        when it was one; None for a named or packaged model, or a corpus from before."""
        row = self._db.execute("SELECT value FROM meta WHERE key='model_files'").fetchone()
        return row[0] if row else None

    def check_model(self, model: str, files: str | None = None,
                    remedy: str = "pass --reembed to re-embed the stored claims") -> None:
        """Refuse ``model``'s vectors when a non-empty corpus holds another model's, or the same
        folder's model with other files (``files``: retrained in place); ``remedy`` is the
        advice the error ends with (``add``'s by default)."""
        stored = self.model
        if stored is not None and stored != model and len(self):
            raise DivergenceError(f"the corpus was embedded with {stored}, not {model}; use the "
                                  f"same model, or {remedy}", where=str(self.path))
        kept = self.model_files
        if stored == model and kept and files and kept != files and len(self):
            raise DivergenceError(
                f"the model folder of {model} holds other files than when the corpus was "
                f"embedded (retrained or replaced since); {remedy}", where=str(self.path))

    def _keep_model(self, model: str, files: str | None) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))
        if files:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model_files', ?)", (files,))
        else:
            self._db.execute("DELETE FROM meta WHERE key='model_files'")

    def _insert(self, a: Article, rows: list[tuple[Claim, np.ndarray]], now: str) -> None:
        self._db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.path, a.source, a.wire, a.date, a.place, a.title, a.url, a.text,
             json.dumps([list(b) for b in a.body]), now))
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.article_id, n, c.text, c.start, c.end, c.speaker, c.stance, c.cue,
              c.proposition) for n, (c, _) in enumerate(rows)])
        self._db.executemany(
            "INSERT INTO vectors VALUES (?, ?, ?)",
            [(c.id, int(v.shape[0]), np.asarray(v, np.float32).tobytes()) for c, v in rows])

    def replace_vectors(self, vectors: np.ndarray, model: str, files: str | None = None) -> None:
        """Swap every stored vector (row i for ``claims()[i]``) for another model's, at once."""
        ids = [c.id for c in self.claims()]
        if vectors.shape[0] != len(ids):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(ids)} claims")
        with self._write():
            self._db.execute("DELETE FROM vectors")
            self._forget_grouping()
            self._db.executemany(
                "INSERT INTO vectors VALUES (?, ?, ?)",
                [(cid, int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                 for cid, v in zip(ids, vectors, strict=True)])
            self._keep_model(model, files)

    # ---------------------------------------------------------------- calibration

    def calibration(self) -> dict[str, Any] | None:
        """The saved calibration (``divergence calibrate``), or None."""
        row = self._db.execute("SELECT value FROM meta WHERE key='calibration'").fetchone()
        return calibration_of(row[0]) if row else None  # unreadable: none (``check`` says so)

    def save_calibration(self, calibration: dict[str, Any]) -> None:
        """Save a calibration (a JSON object with at least ``threshold``) for later runs."""
        with self._write():
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('calibration', ?)",
                             (json.dumps(calibration),))

    # ---------------------------------------------------------------- lifetime

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

