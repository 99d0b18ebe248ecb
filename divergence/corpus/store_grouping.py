"""The corpus's saved grouping: events and claim groups, and which claim belongs where."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, get_args

from ..contract import event_from_dict, event_to_dict, group_from_dict, group_to_dict
from ..records import ClaimGroup, Event, Label
from .store_checks import loads_object


def decoded(kind: str, raw: str | None) -> Event | ClaimGroup | None:
    """A stored grouping row as its record, or None when it cannot be read (a damaged row: not
    JSON, a field missing, or of a type the record does not hold)."""
    d = loads_object(raw)
    try:
        rec = (None if d is None else event_from_dict(d) if kind == "event"
               else group_from_dict(d))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return rec if rec is not None and _sound(rec) else None


def _texts(xs: object) -> bool:
    return isinstance(xs, tuple) and all(isinstance(x, str) for x in xs)


def _sound(rec: Event | ClaimGroup) -> bool:
    """Whether every field holds what the record says it holds ("label": 5 does not)."""
    if not (isinstance(rec.id, str) and isinstance(rec.label, str) and _texts(rec.claims)):
        return False
    if isinstance(rec, Event):
        return _texts(rec.articles) and _texts(rec.groups)
    return (rec.label in get_args(Label) and _texts(rec.sources)
            and _texts(rec.events) and all(isinstance(r.type, str) and isinstance(r.detail, str)
                                           and _texts(r.claims) for r in rec.reasons))


class GroupingStore:
    """``Corpus`` methods on the saved grouping (``save_grouping``, ``load_grouping``, ...)."""

    _db: Any  # the Corpus's connection; ``self._write()`` is its write transaction
    generation: str

    def save_grouping(self, events: Sequence[Event], groups: Sequence[ClaimGroup],
                      generation: str | None = None, judge: str | None = None) -> bool:
        """Replace the stored grouping with ``events`` and ``groups``, in one transaction.

        Args:
            generation: the ``generation`` the grouping was computed at; when claims were
                written since, nothing is saved (it would lack them).
            judge: what made it (``ops.judge_identity``), kept so that a grouping made by
                another judge, or by this one before an upgrade, is not taken for current.

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
            self._db.execute("DELETE FROM meta WHERE key='grouped_by'")
            if judge is not None:
                self._db.execute("INSERT INTO meta VALUES ('grouped_by', ?)", (judge,))
        return True

    def rebuild_members(self) -> None:
        """Derive the claim-to-event-and-group index from the stored grouping again."""
        with self._write():
            self._db.execute("DELETE FROM members")
            self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", self._memberships())

    def _rows(self) -> list[tuple[str, int, Event | ClaimGroup | None]]:
        """(kind, n, record) for every stored grouping row; None for one that cannot be read."""
        return [(kind, n, decoded(kind, body))
                for kind, n, body in self._db.execute("SELECT kind, n, body FROM grouping")]

    def _memberships(self, rows: Sequence[tuple[str, int, Event | ClaimGroup | None]] | None = None
                     ) -> list[tuple[str, str, int]]:
        """(claim id, kind, n) for every claim of every stored event and group (of ``rows``,
        else all); an unreadable row has no members (``grouping_problems`` says so)."""
        return [(cid, kind, n) for kind, n, got in (self._rows() if rows is None else rows)
                if got is not None for cid in got.claims]

    def has_grouping(self) -> bool:
        """Whether a grouping is stored (none before the first report, or after the corpus grew)."""
        return self._db.execute("SELECT 1 FROM grouping LIMIT 1").fetchone() is not None

    def grouping_judge(self) -> str | None:
        """What made the stored grouping (``save_grouping``'s ``judge``); None if unrecorded."""
        row = self._db.execute("SELECT value FROM meta WHERE key='grouped_by'").fetchone()
        return None if row is None else str(row[0])

    def grouping_current(self, judge: str | None = None) -> bool:
        """Whether the stored grouping covers exactly the stored claims and, given ``judge``
        (``ops.judge_identity``), was made by that judge: one that went unrecorded (older
        files) or another (an upgrade, ``--judge``) is not current.

        A grouping saved by this version carries the write generation it was computed at; for
        older files, every stored claim must be in a stored event.
        """
        with self.snapshot():
            n = self.n_claims()
            if not self.has_grouping():
                return n == 0
            if judge is not None and self.grouping_judge() != judge:
                return False
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
            rows = self._rows()
            member = self._memberships(rows)
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
            unread = sum(got is None for _, _, got in rows)
            if unread:
                out.append(f"{unread} row(s) of the stored grouping cannot be read")
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
            got = decoded(kind, row[0]) if row else None
            if got is not None:  # an unreadable row (``grouping_problems`` says so): none
                bodies[(kind, n)] = got
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
        """The stored events and groups; None when never grouped, the corpus grew since, or a
        row cannot be read (the caller groups again)."""
        rows = self._db.execute("SELECT kind, body FROM grouping ORDER BY kind, n").fetchall()
        bodies = [(k, decoded(k, b)) for k, b in rows]
        if not rows or any(d is None for _, d in bodies):  # none, or damaged: grouped again
            return None
        return ([d for _, d in bodies if isinstance(d, Event)],
                [d for _, d in bodies if isinstance(d, ClaimGroup)])

