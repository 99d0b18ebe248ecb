"""The corpus's own checks and repairs: SQLite integrity, vectors, whole articles, orphans."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence, Set
from typing import Any

import numpy as np

from ..errors import DivergenceError

DAMAGED_VECTOR = ("a stored vector is damaged (cut short, or not of the size noted with it); run "
                  "divergence check --repair, which mends the note or embeds the article the "
                  "vector belongs to again from its stored text")


def spans_of(raw: str | None) -> tuple[tuple[int, int], ...] | None:
    """An article's stored body ranges, or None when the row cannot be read (a damaged row,
    which ``check`` reports; read as no ranges, the whole text)."""
    try:
        out = tuple((int(a), int(b)) for a, b in json.loads(raw or "[]"))
    except (ValueError, TypeError):
        return None
    return out if all(0 <= a <= b for a, b in out) else None


def text_of(value: object) -> str:
    """An article's stored text; bytes (a row written by another tool) read as UTF-8."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


# The columns ``article_of`` reads, the text as bytes: a text of no valid UTF-8 is read with its
# bad bytes replaced, not a traceback.
ARTICLE_COLUMNS = ("id, path, CAST(text AS BLOB), source, wire, date, place, title, url, body")


def article_of(row: Sequence[Any]) -> Any:
    """The ``Article`` of a row of ``ARTICLE_COLUMNS``; bytes read as UTF-8 in every field."""
    from ..records import Article

    return Article(*(text_of(x) if x is not None else None for x in row[:9]),
                   body=spans_of(row[9]) or ())


def vector_of(blob: object, dim: object, where: str) -> np.ndarray:
    """A stored vector; bytes that are no whole number of floats, or other than its size note
    says (when the note is a number: one that is not is ``check``'s to mend), are a one-line
    error naming the repair."""
    if not isinstance(blob, bytes) or len(blob) % 4 or (
            isinstance(dim, int) and len(blob) != 4 * dim):
        raise DivergenceError(DAMAGED_VECTOR, where=where)
    return np.frombuffer(blob, dtype=np.float32)


def loads_object(raw: str | None) -> dict[str, Any] | None:
    """A stored JSON object (grouping row, calibration), or None when it cannot be read."""
    try:
        d = json.loads(raw or "")
    except (ValueError, TypeError):
        return None
    return d if isinstance(d, dict) else None


def calibration_of(raw: str | None) -> dict[str, Any] | None:
    """A saved calibration, or None when it cannot be read (not a JSON object, or a threshold
    that is neither a number nor None, which ``calibrate --clear`` saves)."""
    cal = loads_object(raw)
    threshold = (cal or {}).get("threshold")
    ok = threshold is None or (isinstance(threshold, (int, float))
                               and not isinstance(threshold, bool))
    return cal if cal is not None and ok else None


class StoreChecks:
    """``Corpus`` methods that find and drop what a crash or a bad disk left behind."""

    _db: Any  # the Corpus's connection; ``self._write()`` is its write transaction
    _memberships: Callable[[], list[tuple[str, str, int]]]  # GroupingStore's: who is in what



    def integrity(self, structure: bool = True, keys: bool = True) -> list[str]:
        """SQLite's own findings (empty: sound): with ``structure`` its ``integrity_check`` (the
        file's pages: it reads them all), with ``keys`` its ``foreign_key_check`` (rows pointing
        at a missing row). ``check`` asks each once."""
        out: list[str] = []
        if structure:
            rows = [str(r[0]) for r in self._db.execute("PRAGMA integrity_check").fetchall()]
            out += [] if rows == ["ok"] else rows
        if not keys:
            return out
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
                "SELECT count(*) FROM vectors WHERE typeof(v) != 'blob' OR typeof(dim) != "
                "'integer' OR length(v) != 4 * dim").fetchone()[0]
            sizes = [int(r[0]) for r in self._db.execute(
                "SELECT DISTINCT length(v) / 4 FROM vectors WHERE length(v) % 4 = 0")]
        if missing:
            out.append(f"{missing} claim(s) have no vector")
        if bad:
            out.append(f"{bad} vector(s) do not hold as many numbers as their size says")
        if len(sizes) > 1:
            out.append(f"vectors of {len(sizes)} sizes ({', '.join(map(str, sorted(sizes)))}); "
                       "one model's vectors are expected")
        return out

    def mend_sizes(self) -> int:
        """Vectors whole and of the corpus's one size (``_size``) whose ``dim`` note says
        otherwise: the note is mended, not the article removed. How many."""
        size = self._size()
        if size is None:
            return 0
        with self._write():
            return max(0, self._db.execute(
                "UPDATE vectors SET dim = ? WHERE length(v) = ? AND dim IS NOT ?",
                (size, 4 * size, size)).rowcount)

    def _size(self) -> int | None:
        """The corpus's vector size: the size most vectors whose bytes agree with their note
        have (a vector cut short is never the reference), else the most common length of
        vectors noted with no number at all; None when neither tells (every note a number
        that disagrees: the damaged cannot be told from the intact)."""
        row = self._db.execute("SELECT dim FROM vectors WHERE typeof(v) = 'blob' AND "
                               "typeof(dim) = 'integer' AND length(v) = 4 * dim GROUP BY dim "
                               "ORDER BY count(*) DESC, dim LIMIT 1").fetchone()
        row = row or self._db.execute(
            "SELECT length(v) / 4 FROM vectors WHERE typeof(v) = 'blob' AND length(v) % 4 = 0 "
            "AND typeof(dim) != 'integer' GROUP BY length(v) ORDER BY count(*) DESC, length(v) "
            "LIMIT 1").fetchone()
        return None if row is None else int(row[0])

    def incomplete_articles(self, empty: bool = False, lost: Set[str] | None = None
                            ) -> list[str]:
        """Ids of stored articles missing a claim (a gap in claim numbers, or a claim the saved
        grouping names: a lost tail, or all) or a claim's vector, or holding a vector of the
        wrong size: what a repair splits and embeds again from the stored text (or removes, so
        that ``add`` stores them again whole).

        Args:
            empty: also articles without any claim (after rows were lost to damage).
            lost: ``claims_lost()`` as read before a repair dropped the grouping (dropping
                orphan rows does); read now when None.
        """
        size = self._size()  # a vector unlike the corpus's size is damaged; with no size
        # known, none is judged by its size (they are reported, not removed)
        wrong = "0" if size is None else f"length(v.v) != {4 * size}"
        q = ("SELECT a.id, (count(c.id) > 0 AND (count(c.id) != max(c.n) + 1 "
             f"OR count(v.claim_id) != count(c.id) OR sum({wrong} "
             "OR typeof(v.v) != 'blob') > 0)) "
             f"OR {'count(c.id) = 0' if empty else '0'} FROM articles a LEFT JOIN claims c ON "
             "c.article_id = a.id LEFT JOIN vectors v ON v.claim_id = c.id GROUP BY a.id "
             "ORDER BY a.rowid")
        with self.snapshot():  # claims and grouping as one state, whoever writes meanwhile
            named = self.claims_lost() if lost is None else lost
            rows = self._db.execute(q).fetchall()
        return [str(i) for i, bad in rows if bad or str(i) in named]

    def claims_lost(self, decode: bool = False) -> set[str]:
        """Ids of the articles whose claims ("<article id>:<n>") the saved grouping names but
        the claims table lacks: a lost tail leaves no gap in the claim numbers, nor does losing
        them all. Read from the grouping's members index (one query), and with ``decode`` from
        the grouping's rows too (which damage to the index leaves). Every write of claims
        forgets the grouping, so only damage leaves a name without its claim."""
        q = ("SELECT DISTINCT m.claim_id FROM members m LEFT JOIN claims c ON c.id = m.claim_id "
             "WHERE c.id IS NULL")
        with self.snapshot():
            named = {str(r[0]) for r in self._db.execute(q)}
            if decode:
                stored = {str(r[0]) for r in self._db.execute("SELECT id FROM claims")}
                named |= {cid for cid, _, _ in self._memberships() if cid not in stored}
        return {cid.rpartition(":")[0] for cid in named}

    def row_problems(self) -> list[tuple[str, str]]:
        """(area, problem) for rows SQLite reads but divergence cannot: an article's body
        ranges, the saved calibration."""
        out = []
        bad = [str(i) for i, raw in self._db.execute("SELECT id, body FROM articles")
               if spans_of(raw) is None]
        if bad:
            out.append(("articles", f"{len(bad)} article(s) with unreadable body ranges"))
        raw_text = self._db.execute("SELECT count(*) FROM articles WHERE typeof(text) != 'text'"
                                    ).fetchone()[0]
        if raw_text:
            out.append(("text", f"{raw_text} article(s) whose text is stored as bytes"))
        if self._bad_calibration():
            out.append(("calibration", "the saved calibration cannot be read"))
        return out

    def _bad_calibration(self) -> bool:
        """Whether a calibration is saved that ``calibration_of`` cannot read."""
        row = self._db.execute("SELECT value FROM meta WHERE key='calibration'").fetchone()
        return row is not None and calibration_of(row[0]) is None

    def mend_rows(self) -> None:
        """Mend what ``row_problems`` finds: text stored as bytes is stored as text, unreadable
        body ranges are read again from it (as ``add`` found them) and an unreadable
        calibration is removed."""
        from ..ingest.io import make_article
        from ..records import Article

        with self._write():
            self._db.execute("UPDATE articles SET text = CAST(text AS TEXT) "
                             "WHERE typeof(text) != 'text'")  # first: the ranges are read in it
            for i, path, text, raw in self._db.execute(
                    "SELECT id, path, text, body FROM articles").fetchall():
                if spans_of(raw) is None:
                    art = make_article(text, path=str(path), limit=len(text), id=i)
                    body = [list(b) for b in art.body] if isinstance(art, Article) else []
                    self._db.execute("UPDATE articles SET body=? WHERE id=?",
                                     (json.dumps(body) if body else None, i))
            if self._bad_calibration():
                self._db.execute("DELETE FROM meta WHERE key='calibration'")

    def drop_articles(self, article_ids: Sequence[str]) -> int:
        """Remove these articles with their claims and vectors (the grouping goes stale)."""
        ids = list(dict.fromkeys(article_ids))
        with self._write():
            self._drop(ids)
            self._forget_grouping()
        return len(ids)

    def articles_of(self, ids: Sequence[str]) -> list[Any]:
        """These stored articles (``Article``), read row by row (``article_of``): one damaged
        row is never a reason to read none."""
        rows = (self._db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?",
                                 (i,)).fetchone() for i in dict.fromkeys(ids))
        return [article_of(r) for r in rows if r is not None]

    def restore_articles(self, articles: Sequence[Any], claims: Sequence[Any],
                         vectors: np.ndarray) -> None:
        """Store ``articles`` again in place of their rows, with these claims and vectors (row i
        for ``claims[i]``), in one transaction: a failure part-way leaves them as they were.
        Each keeps its place in the corpus's order and the time it was first added."""
        ids = list(dict.fromkeys(a.id for a in articles))
        kept = {i: self._db.execute("SELECT rowid, added_at FROM articles WHERE id = ?",
                                    (i,)).fetchone() or (None, None) for i in ids}
        rows: dict[str, list[tuple[Any, np.ndarray]]] = {i: [] for i in ids}
        for c, v in zip(claims, vectors, strict=True):
            rows[c.article_id].append((c, v))
        with self._write():
            self._drop(ids)
            for a in articles:
                place, when = kept[a.id]
                self._insert(a, rows[a.id], str(when or ""))
                if place is not None:
                    self._db.execute("UPDATE articles SET rowid = ? WHERE id = ?", (place, a.id))
            self._forget_grouping()

    def _drop(self, ids: list[str]) -> None:
        """Delete these articles' rows (inside a write)."""
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            self._db.execute("DELETE FROM vectors WHERE claim_id IN (SELECT id FROM claims "
                             f"WHERE article_id IN ({marks}))", chunk)
            self._db.execute(f"DELETE FROM claims WHERE article_id IN ({marks})", chunk)
            self._db.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)

    def drop_orphans(self) -> int:
        """Remove claims whose article and vectors whose claim are not stored; how many rows."""
        with self._write():
            n = self._db.execute("DELETE FROM vectors WHERE claim_id NOT IN "
                                 "(SELECT id FROM claims)").rowcount
            n += self._db.execute("DELETE FROM vectors WHERE claim_id IN (SELECT id FROM claims "
                                  "WHERE article_id NOT IN (SELECT id FROM articles))").rowcount
            claims = self._db.execute("DELETE FROM claims WHERE article_id NOT IN "
                                      "(SELECT id FROM articles)").rowcount
            if claims:  # vectors alone leave the grouping right (and its names of lost claims)
                self._forget_grouping()
        return max(0, n) + max(0, claims)

    def _forget_grouping(self) -> None:
        """The claims changed: the stored grouping no longer fits them."""
        self._db.execute("DELETE FROM grouping")
        self._db.execute("DELETE FROM members")
        self._bump()

