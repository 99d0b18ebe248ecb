"""The corpus's verdict log: append-only, hash-chained, and what it says about each group."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from ..errors import DivergenceError
from ..ingest.textsafe import clip
from ..judge.trust import scale
from ..records import DECISIONS, Verdict
from .schema import VERDICT_FIELDS


def verdict_hash(prev: str, row: Sequence[Any]) -> str:
    """The chain link of one verdict row (id, group_id, decision, reviewer, at, note,
    confidence, and scale when set): sha256 of the previous link and the row, as canonical
    JSON. A row without a scale links as rows did before scales were kept."""
    fields = list(row[:7]) + [x for x in row[7:8] if x is not None]
    body = json.dumps([prev, *fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()



class VerdictLog:
    """``Corpus`` methods on reviewers' verdicts (``add_verdict``, ``verify_verdicts``, ...)."""

    _db: Any  # the Corpus's connection; ``self._write()`` is its write transaction

    def add_verdict(self, group_id: str, decision: str, reviewer: str, note: str | None = None,
                    at: str | None = None) -> Verdict:
        """Append one reviewer's decision on a stored group and commit it at once.

        Args:
            decision: one of confirm, dismiss, agree, unrelated.
            at: ISO-8601 UTC time [default: now].

        Raises:
            DivergenceError: a bad decision, an empty reviewer, no stored grouping, a group id
                the stored grouping lacks, or confirm/dismiss on a group that is no conflict.
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
            raise DivergenceError(f"unknown group id {clip(group_id)!r}; list the flagged groups "
                                  f"with: divergence review --list --db {self.path}",
                                  where=str(self.path))
        g = shown[group_id]
        if g.label != "conflict" and decision in ("confirm", "dismiss"):
            raise DivergenceError(f"{decision} answers a conflict, and {group_id} is not one "
                                  f"(label {g.label}); record agree or unrelated on it",
                                  where=str(self.path))
        when = at or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        v = Verdict(decision, reviewer, when, note or None)
        # what calibration learns from: the confidence of a conflict as shown, on its scale
        confidence = g.confidence if g.label == "conflict" else None
        on = scale() if confidence is not None else None
        with self._write():
            last = self._db.execute(
                "SELECT id, hash FROM verdicts ORDER BY id DESC LIMIT 1").fetchone()
            row = ((last[0] if last else 0) + 1, group_id, v.decision, v.reviewer, v.at, v.note,
                   confidence, on)
            self._db.execute(f"INSERT INTO verdicts ({VERDICT_FIELDS}, scale, hash) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                f"SELECT {VERDICT_FIELDS}, scale, hash FROM verdicts ORDER BY id").fetchall()
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

    def reviewed(self, on: str | None = None, now: dict[str, float] | None = None
                 ) -> list[tuple[str, str, float]]:
        """(group id, latest decision, the group's confidence when decided), oldest first.

        Only verdicts on conflicts count. Given ``on`` (``judge.trust.scale()``), a confidence
        logged on another scale is not comparable: such a verdict counts at its group's
        confidence in ``now`` (group id -> confidence of the conflicts a report shows today;
        by default the stored grouping's), and is left out when the group is gone. Rows logged
        before confidences were kept are read the same way; rows logged before scales were kept
        are taken as they are.
        """
        rows = self._db.execute(
            "SELECT group_id, decision, confidence, scale FROM verdicts ORDER BY id").fetchall()
        latest = {gid: (decision, conf, was) for gid, decision, conf, was in rows}

        def unread(conf: float | None, was: str | None) -> bool:  # no confidence on ``on``
            return conf is None or (on is not None and was is not None and was != on)

        if now is None and any(unread(c, w) for _, c, w in latest.values()):
            grouping = self.load_grouping()
            now = ({g.id: g.confidence for g in grouping[1] if g.label == "conflict"}
                   if grouping else {})
        out = []
        for gid, (decision, conf, was) in latest.items():
            if unread(conf, was):  # the group's confidence today, if it is still there
                conf = (now or {}).get(gid)
            if conf is not None:
                out.append((gid, decision, float(conf)))
        return out

    def off_scale(self, on: str) -> int:
        """How many groups' latest verdicts were logged on a scale other than ``on``."""
        rows = self._db.execute("SELECT group_id, scale FROM verdicts ORDER BY id").fetchall()
        return sum(1 for was in dict(rows).values() if was is not None and was != on)

