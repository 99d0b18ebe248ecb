"""The corpus on disk: articles, claims, vectors and the last grouping in one SQLite file.

Only this module knows the SQL shapes; everything in and out is a record from ``records.py``.
Writes go in one transaction per batch of articles, so a run killed at any point leaves whole
articles (each with all its claims and vectors) or none of them.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from .errors import DivergenceError
from .records import DECISIONS, Article, Claim, ClaimGroup, Event, Reason, Span, Verdict

SCHEMA_VERSION = "1"
DEFAULT_DB = Path(".divergence") / "corpus.db"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT, source TEXT, wire TEXT, date TEXT, place TEXT, title TEXT,
    url TEXT, text TEXT NOT NULL, body TEXT, added_at TEXT);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER, speaker TEXT,
    stance TEXT, cue TEXT, proposition TEXT);
CREATE INDEX IF NOT EXISTS claims_by_article ON claims(article_id, n);
CREATE TABLE IF NOT EXISTS vectors (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    dim INTEGER NOT NULL, v BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS grouping (kind TEXT, n INTEGER, body TEXT, PRIMARY KEY (kind, n));
"""
# Added after schema 1 shipped, so it is created on open (older corpora gain it); append-only.
_VERDICTS = """
CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL, decision TEXT NOT NULL,
    reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT, confidence REAL);
CREATE TRIGGER IF NOT EXISTS verdicts_no_update BEFORE UPDATE ON verdicts
    BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
CREATE TRIGGER IF NOT EXISTS verdicts_no_delete BEFORE DELETE ON verdicts
    BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
"""
# Which stored event and groups each claim belongs to, so scoring looks up its neighbours' without
# reading the whole grouping. Added after schema 1 shipped; rebuilt from the grouping when empty.
_MEMBERS = """
CREATE TABLE IF NOT EXISTS members (claim_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER);
CREATE INDEX IF NOT EXISTS members_by_claim ON members(claim_id);
"""
_NEEDED = {"meta", "articles", "claims", "vectors", "grouping"}


def default_db() -> Path:
    """``$DIVERGENCE_DB`` or ``.divergence/corpus.db``."""
    env = os.environ.get("DIVERGENCE_DB")
    return Path(env) if env else DEFAULT_DB


class Corpus:
    """A growing corpus of articles in SQLite (WAL, foreign keys on).

    Args:
        path: the database file.
        create: make the file (and its folder) when missing; otherwise a missing file is an error.

    Raises:
        DivergenceError: the file is missing (``create=False``), or is not a divergence corpus.
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise DivergenceError("is a folder; give the corpus database file", where=str(path))
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if fresh and not create:
            raise DivergenceError("no corpus database here; create one with: divergence add "
                                  f"PATHS --db {path}", where=str(path))
        if fresh:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as e:
            raise DivergenceError(f"cannot open the corpus database ({e})",
                                  where=str(path)) from None
        try:
            self._open(fresh)
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise DivergenceError(f"is not a divergence corpus ({e}); give another --db path or "
                                  "move the file away", where=str(path)) from None

    def _open(self, fresh: bool) -> None:
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA journal_mode=WAL")
        if fresh:
            with self._db:
                self._db.executescript(_TABLES)
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)",
                                 (SCHEMA_VERSION,))
                self._db.executescript(_VERDICTS)
                self._db.executescript(_MEMBERS)
            return
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}
        version = (self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                   if "meta" in tables else None)
        if not tables >= _NEEDED or version is None:
            raise sqlite3.DatabaseError("tables missing")
        if version[0] != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema version {version[0]}, need {SCHEMA_VERSION}")
        if "verdicts" not in tables:
            with self._db:
                self._db.executescript(_VERDICTS)
        if "members" not in tables:
            with self._db:
                self._db.executescript(_MEMBERS)
                self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", self._memberships())
        cols = {r[1] for r in self._db.execute("PRAGMA table_info(verdicts)")}
        if "confidence" not in cols:  # verdict logs from before calibration
            with self._db:
                self._db.execute("ALTER TABLE verdicts ADD COLUMN confidence REAL")

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
        with self._db:
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('identity', ?)", (new,))
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
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))
                self._db.execute("DELETE FROM grouping")  # stale once the corpus grows
                self._db.execute("DELETE FROM members")
                self._bump()
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
        with self._db:
            self._db.execute("DELETE FROM vectors")
            self._db.execute("DELETE FROM grouping")
            self._db.execute("DELETE FROM members")
            self._bump()
            self._db.executemany(
                "INSERT INTO vectors VALUES (?, ?, ?)",
                [(cid, int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                 for cid, v in zip(ids, vectors, strict=True)])
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))

    # ---------------------------------------------------------------- grouping

    def save_grouping(self, events: Sequence[Event], groups: Sequence[ClaimGroup]) -> None:
        """Replace the stored grouping with ``events`` and ``groups``, in one transaction."""
        rows = [("event", n, json.dumps(asdict(e))) for n, e in enumerate(events)]
        rows += [("group", n, json.dumps(asdict(g))) for n, g in enumerate(groups)]
        with self._db:
            self._db.execute("DELETE FROM grouping")
            self._db.executemany("INSERT INTO grouping VALUES (?, ?, ?)", rows)
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
                bodies[(kind, n)] = _event(d) if kind == "event" else _group(d)
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
        events = [_event(json.loads(b)) for k, b in rows if k == "event"]
        groups = [_group(json.loads(b)) for k, b in rows if k == "group"]
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
        with self._db:
            self._db.execute(
                "INSERT INTO verdicts (group_id, decision, reviewer, at, note, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (group_id, v.decision, v.reviewer, v.at, v.note,
                 # what calibration learns from: the confidence of a conflict as shown
                 shown[group_id].confidence if shown[group_id].label == "conflict" else None))
        return v

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

    # ---------------------------------------------------------------- calibration

    def calibration(self) -> dict[str, Any] | None:
        """The saved calibration (``divergence calibrate``), or None."""
        row = self._db.execute("SELECT value FROM meta WHERE key='calibration'").fetchone()
        return json.loads(row[0]) if row else None

    def save_calibration(self, calibration: dict[str, Any]) -> None:
        """Save a calibration (a JSON object with at least ``threshold``) for later runs."""
        with self._db:
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


def _event(d: dict[str, Any]) -> Event:
    return Event(d["id"], d["label"], tuple(d["claims"]), tuple(d["articles"]),
                 tuple(d.get("groups", ())))


def _reason(d: dict[str, Any]) -> Reason:
    spans = tuple(Span(**s) for s in d.get("spans", ()))
    return Reason(d["type"], d["detail"], tuple(d.get("claims", ())), spans, d.get("weight", 0.0))


def _group(d: dict[str, Any]) -> ClaimGroup:
    return ClaimGroup(
        d["id"], d["label"], d["confidence"], tuple(d["claims"]), tuple(d["sources"]),
        tuple(_reason(r) for r in d.get("reasons", ())), tuple(d.get("events", ())),
        Verdict(**d["verdict"]) if d.get("verdict") else None)
