"""The corpus file's SQL: tables, the append-only verdict log and its triggers."""

from __future__ import annotations

from pathlib import Path

SCHEMA_VERSION = "1"
DEFAULT_DB = Path(".divergence") / "corpus.db"
BUSY_TIMEOUT = 60.0  # seconds a statement waits for another process's write transaction

TABLES = [
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
VERDICTS_TABLE = """CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL, decision TEXT NOT NULL,
    reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT, confidence REAL, hash TEXT, scale TEXT)"""
REFUSE = "BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END"
# Put back whenever the file is opened: a dropped or altered trigger does not stay so. The
# insert trigger refuses ``INSERT OR REPLACE`` of an existing id (REPLACE deletes without firing
# delete triggers unless recursive triggers are on).
TRIGGERS = {
    "verdicts_no_update": f"CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts {REFUSE}",
    "verdicts_no_delete": f"CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts {REFUSE}",
    "verdicts_no_replace": "CREATE TRIGGER verdicts_no_replace BEFORE INSERT ON verdicts WHEN "
                           "EXISTS (SELECT 1 FROM verdicts WHERE id = NEW.id) " + REFUSE,
}
# The chained fields; ``scale`` (what a logged confidence means, ``judge.trust.scale``; added
# after the chain) joins a row's link when it is set, so older links still verify.
VERDICT_FIELDS = "id, group_id, decision, reviewer, at, note, confidence"
# Which stored event and groups each claim belongs to, so scoring looks up its neighbours' without
# reading the whole grouping. Added after schema 1 shipped; rebuilt from the grouping when empty.
MEMBERS = [
    "CREATE TABLE IF NOT EXISTS members (claim_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER)",
    "CREATE INDEX IF NOT EXISTS members_by_claim ON members(claim_id)",
]
NEEDED = {"meta", "articles", "claims", "vectors", "grouping"}
