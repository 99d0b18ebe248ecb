"""The corpus on disk: articles, claims, vectors and the last grouping in one SQLite file.

Only this module knows the SQL shapes; everything in and out is a record from ``records.py``.
Writes go in one transaction per batch of articles, so a run killed at any point leaves whole
articles (each with all its claims and vectors) or none of them.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
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

from ..contract import event_from_dict, event_to_dict, group_from_dict, group_to_dict
from ..errors import DivergenceError
from ..records import DECISIONS, Article, Claim, ClaimGroup, Event, Verdict
from .locking import lock_path, write_lock
from .sqlite_guard import GuardedConnection, StorageError, storage_error

SCHEMA_VERSION = "1"
DEFAULT_DB = Path(".divergence") / "corpus.db"
BUSY_TIMEOUT = 60.0  # seconds a statement waits for another process's write transaction

_TABLES = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT, source TEXT, wire TEXT, date TEXT, place TEXT, title TEXT,
    url TEXT, text TEXT NOT NULL, body TEXT, added_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER, speaker TEXT,
    stance TEXT, cue TEXT, proposition TEXT)""",
    "CREATE INDEX IF NOT EXISTS claims_by_article ON claims(article_id, n)",
    """CREATE TABLE IF NOT EXISTS vectors (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    dim INTEGER NOT NULL, v BLOB NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS grouping (kind TEXT, n INTEGER, body TEXT, PRIMARY KEY (kind, n))",
]
# Added after schema 1 shipped, so it is created on open (older corpora gain it); append-only,
# and each row carries ``hash``: sha256 of the previous row's hash and its own fields, a chain
# that ``Corpus.verify_verdicts`` recomputes to find a rewrite or deletion made behind its back.
_VERDICTS = """CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL, decision TEXT NOT NULL,
    reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT, confidence REAL, hash TEXT)"""
_REFUSE = "BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END"
# Put back whenever the file is opened: a dropped or altered trigger does not stay so. The
# insert trigger refuses ``INSERT OR REPLACE`` of an existing id (REPLACE deletes without firing
# delete triggers unless recursive triggers are on).
_TRIGGERS = {
    "verdicts_no_update": f"CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts {_REFUSE}",
    "verdicts_no_delete": f"CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts {_REFUSE}",
    "verdicts_no_replace": "CREATE TRIGGER verdicts_no_replace BEFORE INSERT ON verdicts WHEN "
                           "EXISTS (SELECT 1 FROM verdicts WHERE id = NEW.id) " + _REFUSE,
}
_VERDICT_FIELDS = "id, group_id, decision, reviewer, at, note, confidence"
# Which stored event and groups each claim belongs to, so scoring looks up its neighbours' without
# reading the whole grouping. Added after schema 1 shipped; rebuilt from the grouping when empty.
_MEMBERS = [
    "CREATE TABLE IF NOT EXISTS members (claim_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER)",
    "CREATE INDEX IF NOT EXISTS members_by_claim ON members(claim_id)",
]
_NEEDED = {"meta", "articles", "claims", "vectors", "grouping"}


def verdict_hash(prev: str, row: Sequence[Any]) -> str:
    """The chain link of one verdict row (id, group_id, decision, reviewer, at, note,
    confidence): sha256 of the previous link and the row, as canonical JSON."""
    body = json.dumps([prev, *row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def default_db() -> Path:
    """``$DIVERGENCE_DB`` or ``.divergence/corpus.db``."""
    env = os.environ.get("DIVERGENCE_DB")
    return Path(env) if env else DEFAULT_DB


class Corpus:
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
                raise DivergenceError(f"is not a divergence corpus ({e}); give another --db path "
                                      "or move the file away", where=str(path)) from None

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
                    for sql in [*_TABLES, _VERDICTS, *_MEMBERS, *_TRIGGERS.values()]:
                        self._db.execute(sql)
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)",
                                     (SCHEMA_VERSION,))
        tables = self._tables()
        version = (self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                   if "meta" in tables else None)
        if not tables >= _NEEDED or version is None:
            raise sqlite3.DatabaseError("tables missing")
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
            self._db.execute(_VERDICTS.replace("CREATE TABLE", "CREATE TEMP TABLE"))
        if "members" not in tables:
            self._db.execute(_MEMBERS[0].replace("CREATE TABLE", "CREATE TEMP TABLE"))
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
        if not self._verdict_columns() >= {"confidence", "hash"}:
            return True
        return self._triggers() != _TRIGGERS

    def _upgrade(self) -> None:
        """Add what ``_outdated`` found missing, inside the caller's write transaction."""
        tables = self._tables()
        if "verdicts" not in tables:
            self._db.execute(_VERDICTS)
        if "members" not in tables:
            for sql in _MEMBERS:
                self._db.execute(sql)
            self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", self._memberships())
        cols = self._verdict_columns()
        if "confidence" not in cols:  # verdict logs from before calibration
            self._db.execute("ALTER TABLE verdicts ADD COLUMN confidence REAL")
        found = self._triggers()
        if "hash" in cols:  # a log this version wrote: a trigger that is gone was removed
            self.restored = sorted(n for n, sql in _TRIGGERS.items() if found.get(n) != sql)
        for name in found:
            self._db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        if "hash" not in cols:  # verdict logs from before the chain: link the rows there are
            self._db.execute("ALTER TABLE verdicts ADD COLUMN hash TEXT")
            prev = ""
            rows = self._db.execute(f"SELECT {_VERDICT_FIELDS} FROM verdicts ORDER BY id")
            for row in rows.fetchall():
                prev = verdict_hash(prev, row)
                self._db.execute("UPDATE verdicts SET hash=? WHERE id=?", (prev, row[0]))
            self._set_head()
        for sql in _TRIGGERS.values():
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
        """The stored articles, in the order they were added."""
        rows = self._db.execute("SELECT id, path, text, source, wire, date, place, title, url, "
                                "body FROM articles ORDER BY rowid")
        return [Article(*r[:9], body=tuple(tuple(x) for x in json.loads(r[9] or "[]")))
                for r in rows]

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
        q = ("SELECT c.rowid, v.v FROM claims c JOIN articles a ON a.id = c.article_id "
             "LEFT JOIN vectors v ON v.claim_id = c.id ORDER BY a.rowid, c.n")
        rowids, blobs = [], []
        for rowid, blob in self._db.execute(q):
            if blob is None:
                raise DivergenceError("some claims have no vector; re-add with --reembed",
                                      where=str(self.path))
            rowids.append(rowid)
            blobs.append(blob)
        if not blobs:
            return np.zeros(0, np.int64), np.zeros((0, 0), np.float32)
        return np.asarray(rowids, np.int64), np.stack(
            [np.frombuffer(b, dtype=np.float32) for b in blobs])

    def claims_at(self, rowids: Sequence[int]) -> dict[int, tuple[Claim, np.ndarray]]:
        """The claims (with their vectors) at these row numbers, by row number."""
        out: dict[int, tuple[Claim, np.ndarray]] = {}
        ids = sorted({int(r) for r in rowids})
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            q = ('SELECT c.rowid, c.id, c.article_id, c.text, c.start, c."end", c.speaker, '
                 "c.stance, c.cue, c.proposition, v.v FROM claims c LEFT JOIN vectors v ON "
                 f"v.claim_id = c.id WHERE c.rowid IN ({','.join('?' * len(chunk))})")
            for r in self._db.execute(q, chunk):
                claim = Claim(*r[1:8], cue=r[8], proposition=r[9] or "")
                out[r[0]] = (claim, np.frombuffer(r[10], dtype=np.float32))
        return out

    def vectors_of(self, claim_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these claims, by claim id."""
        out: dict[str, np.ndarray] = {}
        ids = list(dict.fromkeys(claim_ids))
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            q = f"SELECT claim_id, v FROM vectors WHERE claim_id IN ({','.join('?' * len(chunk))})"
            out.update((cid, np.frombuffer(b, dtype=np.float32))
                       for cid, b in self._db.execute(q, chunk))
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
        return np.stack([np.frombuffer(blob, dtype=np.float32) for _, blob in rows])

    # ---------------------------------------------------------------- writing

    def add(
        self,
        articles: Sequence[Article],
        claims: Sequence[Claim],
        vectors: np.ndarray,
        model: str,
        batch: int = 32,
        on_progress: Callable[[int], None] | None = None,
    ) -> int:
        """Store articles with their claims and vectors (row i for ``claims[i]``); the number added.

        Articles already present are skipped. One transaction per ``batch`` articles. Vectors
        from another model than the stored ones are refused unless the corpus is empty.
        """
        if vectors.shape[0] != len(claims):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(claims)} claims")
        self.check_model(model)
        by_article: dict[str, list[int]] = {}
        for i, c in enumerate(claims):
            by_article.setdefault(c.article_id, []).append(i)
        todo = [a for a in dict((a.id, a) for a in articles).values() if not self.has(a.id)]
        now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        for k in range(0, len(todo), max(1, batch)):
            chunk = todo[k : k + max(1, batch)]
            with self._write():
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))
                self._forget_grouping()  # stale once the corpus grows
                for a in chunk:
                    self._insert(a, [(claims[i], vectors[i]) for i in by_article.get(a.id, [])],
                                 now)
            if on_progress:
                on_progress(len(chunk))
        return len(todo)

    def check_model(self, model: str) -> None:
        """Refuse ``model``'s vectors when a non-empty corpus holds another model's."""
        stored = self.model
        if stored is not None and stored != model and len(self):
            raise DivergenceError(
                f"the corpus was embedded with {stored}, not {model}; use the same model, or "
                "pass --reembed to re-embed the stored claims", where=str(self.path))

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

    def replace_vectors(self, vectors: np.ndarray, model: str) -> None:
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
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))

    # ---------------------------------------------------------------- grouping

    def save_grouping(self, events: Sequence[Event], groups: Sequence[ClaimGroup],
                      generation: str | None = None) -> bool:
        """Replace the stored grouping with ``events`` and ``groups``, in one transaction.

        Args:
            generation: the ``generation`` the grouping was computed at; when claims were
                written since, nothing is saved (it would lack them).

        Returns:
            Whether it was saved.
        """
        rows = [("event", n, json.dumps(event_to_dict(e))) for n, e in enumerate(events)]
        rows += [("group", n, json.dumps(group_to_dict(g, digits=None)))
                 for n, g in enumerate(groups)]
        with self._write():
            current = self.generation
            if generation is not None and generation != current:
                return False
            self._db.execute("DELETE FROM grouping")
            self._db.executemany("INSERT INTO grouping VALUES (?, ?, ?)", rows)
            self.rebuild_members()
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('grouped', ?)", (current,))
        return True

    def rebuild_members(self) -> None:
        """Derive the claim-to-event-and-group index from the stored grouping again."""
        with self._write():
            self._db.execute("DELETE FROM members")
            self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", self._memberships())

    def _memberships(self) -> list[tuple[str, str, int]]:
        """(claim id, kind, n) for every claim of every stored event and group."""
        out = []
        for kind, n, body in self._db.execute("SELECT kind, n, body FROM grouping"):
            out += [(cid, kind, n) for cid in json.loads(body).get("claims", ())]
        return out

    def has_grouping(self) -> bool:
        """Whether a grouping is stored (none before the first report, or after the corpus grew)."""
        return self._db.execute("SELECT 1 FROM grouping LIMIT 1").fetchone() is not None

    def grouping_current(self) -> bool:
        """Whether the stored grouping covers exactly the stored claims.

        A grouping saved by this version carries the write generation it was computed at; for
        older files, every stored claim must be in a stored event.
        """
        with self.snapshot():
            n = self.n_claims()
            if not self.has_grouping():
                return n == 0
            row = self._db.execute("SELECT value FROM meta WHERE key='grouped'").fetchone()
            if row is not None:
                return str(row[0]) == self.generation
            return not self.ungrouped(limit=1)

    def ungrouped(self, limit: int | None = None) -> list[str]:
        """Ids of stored claims in no stored event (a grouping that misses them), claim order."""
        q = ("SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE NOT EXISTS "
             "(SELECT 1 FROM members m WHERE m.claim_id = c.id AND m.kind = 'event') "
             "ORDER BY a.rowid, c.n")
        if limit is not None:
            q += f" LIMIT {int(limit)}"
        return [str(r[0]) for r in self._db.execute(q)]

    def grouping_problems(self) -> list[str]:
        """What is out of step between claims, grouping and the membership index (empty: none)."""
        out = []
        with self.snapshot():
            claims = {str(r[0]) for r in self._db.execute("SELECT id FROM claims")}
            member = self._memberships()
            grouped = bool(member) or self.has_grouping()
            missing = claims - {cid for cid, kind, _ in member if kind == "event"}
            if missing:
                out.append(f"{len(missing)} stored claim(s) are in no event of the stored grouping"
                           if grouped else f"no grouping stored for {len(missing)} claim(s)")
            elif claims and not self.grouping_current():
                out.append("the stored grouping predates the last write of claims or vectors")
            stray = {cid for cid, _, _ in member} - claims
            if stray:
                out.append(f"the grouping names {len(stray)} claim(s) that are not stored")
            stored = self._db.execute("SELECT claim_id, kind, n FROM members").fetchall()
            if sorted(map(tuple, stored)) != sorted(member):
                out.append("the claim-to-group index is out of step with the grouping")
        return out

    def grouping_of(self, claim_ids: Sequence[str]
                    ) -> tuple[dict[str, Event], dict[str, list[ClaimGroup]]]:
        """The stored event and the stored groups of each of these claims, read alone."""
        ids = list(dict.fromkeys(claim_ids))
        member: list[tuple[str, str, int]] = []
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            q = ("SELECT claim_id, kind, n FROM members WHERE claim_id IN "
                 f"({','.join('?' * len(chunk))})")
            member += self._db.execute(q, chunk).fetchall()
        bodies: dict[tuple[str, int], Any] = {}
        for kind, n in {(kind, n) for _, kind, n in member}:
            row = self._db.execute("SELECT body FROM grouping WHERE kind=? AND n=?",
                                   (kind, n)).fetchone()
            if row:
                d = json.loads(row[0])
                bodies[(kind, n)] = event_from_dict(d) if kind == "event" else group_from_dict(d)
        events: dict[str, Event] = {}
        groups: dict[str, list[ClaimGroup]] = {}
        for cid, kind, n in member:
            if (kind, n) not in bodies or cid not in bodies[(kind, n)].claims:
                continue  # a members row out of step with the grouping: ignore it
            if kind == "event":
                events[cid] = bodies[(kind, n)]
            else:
                groups.setdefault(cid, []).append(bodies[(kind, n)])
        return events, groups

    def load_grouping(self) -> tuple[list[Event], list[ClaimGroup]] | None:
        """The stored events and groups; None when never grouped or the corpus grew since."""
        rows = self._db.execute("SELECT kind, body FROM grouping ORDER BY kind, n").fetchall()
        if not rows:
            return None
        events = [event_from_dict(json.loads(b)) for k, b in rows if k == "event"]
        groups = [group_from_dict(json.loads(b)) for k, b in rows if k == "group"]
        return events, groups

    # ---------------------------------------------------------------- verdicts

    def add_verdict(self, group_id: str, decision: str, reviewer: str, note: str | None = None,
                    at: str | None = None) -> Verdict:
        """Append one reviewer's decision on a stored group and commit it at once.

        Args:
            decision: one of confirm, dismiss, agree, unrelated.
            at: ISO-8601 UTC time [default: now].

        Raises:
            DivergenceError: a bad decision, an empty reviewer, no stored grouping, or a group id
                the stored grouping lacks.
        """
        if decision not in DECISIONS:
            raise DivergenceError(f"unknown decision {decision!r}; choose from "
                                  f"{', '.join(DECISIONS)}")
        if not reviewer.strip():
            raise DivergenceError("a verdict needs a reviewer name")
        grouping = self.load_grouping()
        if grouping is None:
            raise DivergenceError("no grouping stored; run: divergence report --db "
                                  f"{self.path} first", where=str(self.path))
        shown = {g.id: g for g in grouping[1]}
        if group_id not in shown:
            raise DivergenceError(f"unknown group id {group_id!r}; list the flagged groups "
                                  f"with: divergence review --list --db {self.path}",
                                  where=str(self.path))
        when = at or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        v = Verdict(decision, reviewer, when, note or None)
        g = shown[group_id]
        # what calibration learns from: the confidence of a conflict as shown
        confidence = g.confidence if g.label == "conflict" else None
        with self._write():
            last = self._db.execute(
                "SELECT id, hash FROM verdicts ORDER BY id DESC LIMIT 1").fetchone()
            row = ((last[0] if last else 0) + 1, group_id, v.decision, v.reviewer, v.at, v.note,
                   confidence)
            self._db.execute(f"INSERT INTO verdicts ({_VERDICT_FIELDS}, hash) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (*row, verdict_hash(str(last[1] or "") if last else "", row)))
            self._set_head()
        return v

    def _set_head(self) -> None:
        """Record the log's last verdict (id, hash, count) in meta: a deletion at the end of the
        log, which no later link would show, then shows against it."""
        row = self._db.execute("SELECT id, hash FROM verdicts ORDER BY id DESC LIMIT 1").fetchone()
        n = self._db.execute("SELECT count(*) FROM verdicts").fetchone()[0]
        head = {"id": row[0] if row else 0, "hash": row[1] if row else "", "n": int(n)}
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('verdicts_head', ?)",
                         (json.dumps(head),))

    def verify_verdicts(self) -> tuple[list[str], str]:
        """Recompute the verdict log's hash chain: every rewrite, removal or foreign insertion.

        Returns:
            (problems, one per line, empty when the log is intact; the hash of the last verdict,
            which can be kept elsewhere to check the log against later).
        """
        out = [f"the {n} trigger was missing or altered (put back on opening)"
               for n in self.restored]
        if "hash" not in self._verdict_columns():
            return [*out, "the log is not chained yet: open the file once with write access"], ""
        with self.snapshot():
            rows = self._db.execute(
                f"SELECT {_VERDICT_FIELDS}, hash FROM verdicts ORDER BY id").fetchall()
            head_row = self._db.execute(
                "SELECT value FROM meta WHERE key='verdicts_head'").fetchone()
        prev, prev_id = "", 0
        for *row, stored in rows:
            vid = int(row[0])
            if vid != prev_id + 1:
                gap = f"{prev_id + 1}" if vid == prev_id + 2 else f"{prev_id + 1}-{vid - 1}"
                out.append(f"verdict(s) {gap} removed (ids jump from {prev_id} to {vid})")
            if not stored:
                out.append(f"verdict {vid} has no hash: inserted behind divergence's back")
            elif stored != verdict_hash(prev, row):
                out.append(f"verdict {vid} ({row[1]}, {row[2]} by {row[3]}) does not match its "
                           "hash: it, or the one before it, was rewritten or removed")
            prev, prev_id = str(stored or ""), vid
        try:
            head = json.loads(head_row[0]) if head_row else None
        except ValueError:
            head = {}
        if head is None:
            if rows:
                out.append("the log's head record is missing from meta")
        elif not isinstance(head, dict) or (head.get("id"), head.get("hash"), head.get("n")) != (
                prev_id, prev, len(rows)):
            want = head.get("id") if isinstance(head, dict) else "?"
            out.append(f"the log ends at verdict {prev_id} ({len(rows)} verdict(s)) but its head "
                       f"record says verdict {want}: verdicts were removed or added at the end")
        return out, prev

    def verdicts(self) -> list[tuple[str, Verdict]]:
        """The whole verdict log as (group id, verdict), oldest first."""
        rows = self._db.execute(
            "SELECT group_id, decision, reviewer, at, note FROM verdicts ORDER BY id")
        return [(r[0], Verdict(*r[1:])) for r in rows]

    def latest_verdicts(self) -> dict[str, Verdict]:
        """The latest verdict per group id (later entries win)."""
        return dict(self.verdicts())

    def reviewed(self) -> list[tuple[str, str, float]]:
        """(group id, latest decision, the group's confidence when decided), oldest first.

        Only verdicts on conflicts count. Rows logged before confidences were kept take the stored
        grouping's confidence, and are left out when that group is gone or is not a conflict.
        """
        rows = self._db.execute(
            "SELECT group_id, decision, confidence FROM verdicts ORDER BY id").fetchall()
        latest = {gid: (decision, conf) for gid, decision, conf in rows}
        grouping = self.load_grouping() if any(c is None for _, c in latest.values()) else None
        current = ({g.id: g.confidence for g in grouping[1] if g.label == "conflict"}
                   if grouping else {})
        out = []
        for gid, (decision, conf) in latest.items():
            conf = conf if conf is not None else current.get(gid)
            if conf is not None:
                out.append((gid, decision, float(conf)))
        return out

    # ---------------------------------------------------------------- checking

    def integrity(self) -> list[str]:
        """SQLite's own findings: ``integrity_check`` and ``foreign_key_check`` (empty: sound)."""
        rows = [str(r[0]) for r in self._db.execute("PRAGMA integrity_check").fetchall()]
        out = [] if rows == ["ok"] else rows
        by_table: dict[str, int] = {}
        for r in self._db.execute("PRAGMA foreign_key_check").fetchall():
            by_table[str(r[0])] = by_table.get(str(r[0]), 0) + 1
        out += [f"{n} row(s) of {t} point at a missing {'article' if t == 'claims' else 'claim'}"
                for t, n in sorted(by_table.items())]
        return out

    def vector_problems(self) -> list[str]:
        """Claims without a vector, vectors of the wrong size, vectors of several sizes."""
        out = []
        with self.snapshot():
            missing = self._db.execute(
                "SELECT count(*) FROM claims c WHERE NOT EXISTS "
                "(SELECT 1 FROM vectors v WHERE v.claim_id = c.id)").fetchone()[0]
            bad = self._db.execute(
                "SELECT count(*) FROM vectors WHERE length(v) != 4 * dim").fetchone()[0]
            dims = [r[0] for r in self._db.execute("SELECT DISTINCT dim FROM vectors")]
        if missing:
            out.append(f"{missing} claim(s) have no vector")
        if bad:
            out.append(f"{bad} vector(s) do not hold as many numbers as their size says")
        if len(dims) > 1:
            out.append(f"vectors of {len(dims)} sizes ({', '.join(map(str, sorted(dims)))}); "
                       "one model's vectors are expected")
        return out

    def incomplete_articles(self, empty: bool = False) -> list[str]:
        """Ids of stored articles missing a claim (a gap in claim numbers) or a claim's vector,
        or holding a vector of the wrong size: what a repair removes so that ``add`` stores
        them again whole.

        Args:
            empty: also articles without any claim (after rows were lost to damage).
        """
        q = ("SELECT a.id FROM articles a LEFT JOIN claims c ON c.article_id = a.id "
             "LEFT JOIN vectors v ON v.claim_id = c.id GROUP BY a.id "
             "HAVING (count(c.id) > 0 AND (count(c.id) != max(c.n) + 1 "
             "OR count(v.claim_id) != count(c.id) OR sum(length(v.v) != 4 * v.dim) > 0)) "
             f"OR {'count(c.id) = 0' if empty else '0'} ORDER BY a.rowid")
        return [str(r[0]) for r in self._db.execute(q)]

    def drop_articles(self, article_ids: Sequence[str]) -> int:
        """Remove these articles with their claims and vectors (the grouping goes stale)."""
        ids = list(dict.fromkeys(article_ids))
        with self._write():
            for k in range(0, len(ids), 500):
                chunk = ids[k : k + 500]
                marks = ",".join("?" * len(chunk))
                self._db.execute("DELETE FROM vectors WHERE claim_id IN (SELECT id FROM claims "
                                 f"WHERE article_id IN ({marks}))", chunk)
                self._db.execute(f"DELETE FROM claims WHERE article_id IN ({marks})", chunk)
                self._db.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
            self._forget_grouping()
        return len(ids)

    def drop_orphans(self) -> int:
        """Remove claims whose article and vectors whose claim are not stored; how many rows."""
        with self._write():
            n = self._db.execute("DELETE FROM vectors WHERE claim_id NOT IN "
                                 "(SELECT id FROM claims)").rowcount
            n += self._db.execute("DELETE FROM vectors WHERE claim_id IN (SELECT id FROM claims "
                                  "WHERE article_id NOT IN (SELECT id FROM articles))").rowcount
            n += self._db.execute("DELETE FROM claims WHERE article_id NOT IN "
                                  "(SELECT id FROM articles)").rowcount
            if n:
                self._forget_grouping()
        return max(0, n)

    def _forget_grouping(self) -> None:
        """The claims changed: the stored grouping no longer fits them."""
        self._db.execute("DELETE FROM grouping")
        self._db.execute("DELETE FROM members")
        self._bump()

    # ---------------------------------------------------------------- calibration

    def calibration(self) -> dict[str, Any] | None:
        """The saved calibration (``divergence calibrate``), or None."""
        row = self._db.execute("SELECT value FROM meta WHERE key='calibration'").fetchone()
        return json.loads(row[0]) if row else None

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

