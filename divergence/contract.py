"""The JSON contract (``divergence.report/1``) in one place: records to dicts and back.

Every JSON shape the tool writes or stores goes through here: the report file, ``review --list``,
the verdict log, ``score`` output, the saved grouping in a corpus. Fields are only ever added, so
a reader of an older file still works; ``load_report`` reads a report file back into records.
The contract's text is docs/contract.md.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import DivergenceError
from .records import (
    Article,
    Claim,
    ClaimGroup,
    Dispute,
    Event,
    Judgement,
    OutletPosition,
    Position,
    Reason,
    Report,
    Skip,
    Span,
    Verdict,
    dispute_shown,
)

SCHEMA = "divergence.report/1"


# ---------------------------------------------------------------- pieces


def reason_to_dict(r: Reason, digits: int | None = 4) -> dict[str, Any]:
    """A typed reason; its weight is called ``confidence`` in the contract (``digits=None``:
    unrounded, for the corpus's saved grouping)."""
    return {"type": r.type, "detail": r.detail, "claims": list(r.claims),
            "confidence": r.weight if digits is None else round(r.weight, digits),
            "spans": [{"claim": s.claim, "start": s.start, "end": s.end, "text": s.text}
                      for s in r.spans]}


def reason_from_dict(d: dict[str, Any]) -> Reason:
    """The inverse of ``reason_to_dict``; also reads the older stored form (``weight``)."""
    spans = tuple(Span(s["claim"], s["start"], s["end"], s["text"]) for s in d.get("spans", ()))
    weight = d.get("confidence", d.get("weight", 0.0))
    return Reason(d["type"], d["detail"], tuple(d.get("claims", ())), spans, float(weight))


def verdict_to_dict(group_id: str, v: Verdict) -> dict[str, Any]:
    """One verdict log entry as a JSON object (a line of ``divergence verdicts export``)."""
    return {"group": group_id, "decision": v.decision, "reviewer": v.reviewer, "at": v.at,
            "note": v.note}


def verdict_from_dict(d: dict[str, Any], where: str = "<dict>") -> tuple[str, Verdict]:
    """The (group id, verdict) a ``verdict_to_dict`` object holds."""
    try:
        return d["group"], Verdict(d["decision"], d["reviewer"], d["at"], d.get("note"))
    except (KeyError, TypeError):
        raise DivergenceError("need group, decision, reviewer, at (and optional note)",
                              where=where) from None


def _verdict(v: Verdict | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"decision": v.decision, "reviewer": v.reviewer, "at": v.at, "note": v.note}


def group_to_dict(g: ClaimGroup, digits: int | None = 4) -> dict[str, Any]:
    """A claim group; ``digits=None`` keeps the confidence exact (the corpus's saved grouping)."""
    conf = g.confidence if digits is None else round(g.confidence, digits)
    return {"id": g.id, "label": g.label, "confidence": conf, "claims": list(g.claims),
            "sources": list(g.sources), "reasons": [reason_to_dict(r, digits) for r in g.reasons],
            "events": list(g.events), "verdict": _verdict(g.verdict), "flagged": g.flagged,
            "muted": g.muted}


def group_from_dict(d: dict[str, Any]) -> ClaimGroup:
    """The inverse of ``group_to_dict`` (``flagged`` is derived, so it is not read)."""
    v = d.get("verdict")
    return ClaimGroup(
        d["id"], d["label"], float(d["confidence"]), tuple(d["claims"]), tuple(d["sources"]),
        tuple(reason_from_dict(r) for r in d.get("reasons", ())), tuple(d.get("events", ())),
        Verdict(v["decision"], v["reviewer"], v["at"], v.get("note")) if v else None,
        bool(d.get("muted", False)))


def event_to_dict(e: Event) -> dict[str, Any]:
    """An event: its title, articles, groups and claims."""
    return {"id": e.id, "label": e.label, "articles": list(e.articles), "groups": list(e.groups),
            "claims": list(e.claims)}


def event_from_dict(d: dict[str, Any]) -> Event:
    """The inverse of ``event_to_dict``."""
    return Event(d["id"], d["label"], tuple(d["claims"]), tuple(d["articles"]),
                 tuple(d.get("groups", ())))


def dispute_to_dict(d: Dispute, group: ClaimGroup | None = None) -> dict[str, Any]:
    """One dispute: its question, positions with holders, and outlet voices.

    Args:
        group: the conflict group it comes from, when the report holds it: the dispute carries
            that group's ``verdict`` and ``flagged`` (a dispute of a dismissed conflict is set
            aside with it); without one, ``verdict`` is null and ``flagged`` true.
    """
    return {
        "id": d.id, "question": d.question, "group": d.group,
        "confidence": round(d.confidence, 4), "events": list(d.events),
        "positions": [{"id": p.id, "label": p.label, "claims": list(p.claims),
                       "holders": list(p.holders)} for p in d.positions],
        "outlets": [{"article": o.article, "source": o.source, "position": o.position,
                     "voice": o.voice, "claims": list(o.claims), "holders": list(o.holders)}
                    for o in d.outlets],
        "reasons": [reason_to_dict(r) for r in d.reasons],
        "verdict": _verdict(group.verdict) if group is not None else None,
        "flagged": dispute_shown(group),
    }


def dispute_from_dict(d: dict[str, Any]) -> Dispute:
    """The inverse of ``dispute_to_dict`` (``verdict`` and ``flagged`` are its group's, so they
    are not read)."""
    return Dispute(
        d["id"], d["question"], d["group"], float(d["confidence"]),
        tuple(Position(p["id"], p["label"], tuple(p["claims"]), tuple(p["holders"]))
              for p in d["positions"]),
        tuple(OutletPosition(o["article"], o["source"], o["position"], o["voice"],
                             tuple(o.get("claims", ())), tuple(o.get("holders", ())))
              for o in d["outlets"]),
        tuple(d.get("events", ())),
        tuple(reason_from_dict(r) for r in d.get("reasons", ())))


def article_to_dict(a: Article) -> dict[str, Any]:
    """An article with its text (claim offsets point into it) and header ranges (``body``)."""
    return {"id": a.id, "path": a.path, "source": a.source, "wire": a.wire, "date": a.date,
            "title": a.title, "place": a.place, "url": a.url, "voice": a.voice, "text": a.text,
            "body": [list(b) for b in a.body], "copy_of": a.copy_of}


def article_from_dict(d: dict[str, Any]) -> Article:
    """The inverse of ``article_to_dict``; a voice that is neither wire nor source is the outlet
    whose text this article copies."""
    a = Article(d["id"], d["path"], d["text"], d["source"], d.get("wire"), d.get("date"),
                d.get("place"), d.get("title"), d.get("url"),
                tuple((int(s), int(e)) for s, e in d.get("body", ())))
    if d.get("copy_of"):
        return replace(a, copy_of=d["copy_of"])
    voice = d.get("voice")  # reports written before "copy_of" was a field
    return a if not voice or voice == a.voice else replace(a, copy_of=voice)


def report_claim_to_dict(c: Claim, event: str | None) -> dict[str, Any]:
    """A claim as the report lists it (with its event)."""
    return {"id": c.id, "article": c.article_id, "text": c.text, "start": c.start, "end": c.end,
            "speaker": c.speaker, "stance": c.stance, "event": event, "cue": c.cue,
            "proposition": c.proposition}


def report_claim_from_dict(d: dict[str, Any]) -> Claim:
    """The inverse of ``report_claim_to_dict`` (the event is the events' business)."""
    return Claim(d["id"], d["article"], d["text"], d["start"], d["end"], d.get("speaker"),
                 d.get("stance", "asserts"), d.get("cue"), d.get("proposition") or "")


_CLAIM_FIELDS = ("id", "article_id", "text", "start", "end")


def claim_to_dict(c: Claim) -> dict[str, Any]:
    """A claim as a plain dict (the claims/*.jsonl row)."""
    return {"id": c.id, "article_id": c.article_id, "text": c.text, "start": c.start,
            "end": c.end, "speaker": c.speaker, "stance": c.stance, "cue": c.cue,
            "proposition": c.proposition}


def claim_from_dict(d: dict[str, Any], where: str = "<dict>") -> Claim:
    """The inverse of ``claim_to_dict``; a clear error when a required field is missing."""
    missing = [k for k in _CLAIM_FIELDS if k not in d]
    if missing:
        raise DivergenceError(f"missing {', '.join(map(repr, missing))} "
                              f"(need {', '.join(_CLAIM_FIELDS)})", where=where)
    known = {f for f in Claim.__dataclass_fields__}
    return Claim(**{k: v for k, v in d.items() if k in known})


# ---------------------------------------------------------------- the report


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report in the JSON contract (``divergence.report/1``; docs/contract.md)."""
    event_of = report.event_of()
    groups = {g.id: g for g in report.groups}
    return {
        "schema": SCHEMA,
        "model": report.model,
        "created": report.created,
        "flag_threshold": report.flag_threshold,
        "articles": [article_to_dict(a) for a in report.articles],
        "claims": [report_claim_to_dict(c, event_of.get(c.id)) for c in report.claims],
        "events": [event_to_dict(e) for e in report.events],
        "groups": [group_to_dict(g) for g in report.groups],
        "disputes": [dispute_to_dict(d, groups.get(d.group)) for d in report.disputes],
        "skipped": [{"where": s.where, "why": s.why} for s in report.skipped],
    }


def report_from_dict(d: dict[str, Any], where: str = "<dict>") -> Report:
    """The Report a ``report_to_dict`` object holds; a one-line error naming what is wrong."""
    if not isinstance(d, dict) or d.get("schema") != SCHEMA:
        got = d.get("schema") if isinstance(d, dict) else type(d).__name__
        raise DivergenceError(f"not a divergence report (schema {got!r}, need {SCHEMA!r})",
                              where=where)
    try:
        return Report(
            articles=tuple(article_from_dict(a) for a in d["articles"]),
            claims=tuple(report_claim_from_dict(c) for c in d["claims"]),
            events=tuple(event_from_dict(e) for e in d["events"]),
            groups=tuple(group_from_dict(g) for g in d["groups"]),
            model=d.get("model", ""),
            created=d.get("created", ""),
            skipped=tuple(Skip(s["where"], s["why"]) for s in d.get("skipped", ())),
            flag_threshold=float(d.get("flag_threshold", 0.0)),
            disputes=tuple(dispute_from_dict(x) for x in d.get("disputes", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise DivergenceError(f"malformed report ({type(e).__name__}: {e})", where=where) from None


def load_report(path: str | os.PathLike[str]) -> Report:
    """Read a report JSON file (``divergence report --format json``) back into records."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise DivergenceError(e.strerror or str(e), where=str(p)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        line = getattr(e, "lineno", None)
        raise DivergenceError(f"not valid JSON ({e})", where=str(p), line=line) from None
    return report_from_dict(data, where=str(p))


def flagged_to_dict(report: Report, g: ClaimGroup) -> dict[str, Any]:
    """A group for ``divergence review --list --format json``: its claims spelled out."""
    claims, arts = report.claims_by_id(), report.articles_by_id()
    return {
        "id": g.id, "label": g.label, "confidence": round(g.confidence, 4),
        "sources": list(g.sources), "flagged": g.flagged, "verdict": _verdict(g.verdict),
        "claims": [{"id": c.id, "text": c.text, "speaker": c.speaker, "stance": c.stance,
                    "source": arts[c.article_id].voice if c.article_id in arts else None}
                   for c in (claims[i] for i in g.claims if i in claims)],
        "reasons": [reason_to_dict(r) for r in g.reasons],
    }


# ---------------------------------------------------------------- compare and score


def comparison_to_dict(a: Claim, b: Claim, res: Judgement, similarity: float, judge: str,
                       embedder: str) -> dict[str, Any]:
    """``divergence compare --format json``: the label, confidence, both claims as read, and the
    reasons (a span's ``claim`` is ``a`` or ``b``)."""

    def claim(c: Claim) -> dict[str, Any]:
        return {"text": c.text, "speaker": c.speaker, "stance": c.stance, "cue": c.cue,
                "proposition": c.proposition}

    reasons = [{"type": r.type, "detail": r.detail, "confidence": round(r.weight, 4),
                "spans": [{"claim": sp.claim.split(":")[0], "start": sp.start, "end": sp.end,
                           "text": sp.text} for sp in r.spans]} for r in res.reasons]
    return {"label": res.label, "confidence": round(res.confidence, 4),
            "similarity": round(similarity, 4), "judge": judge, "embedder": embedder,
            "a": claim(a), "b": claim(b), "reasons": reasons}


SCORE_SCHEMA = "divergence.corpus.score/1"


def score_to_dict(s: Any) -> dict[str, Any]:
    """``divergence score --format json`` (schema ``divergence.corpus.score/1``) of an
    ``corpus.score.ArticleScore``: matched events, conflicts with their verdicts, and per claim
    its support, contradiction, novelty and neighbours."""
    a = s.article

    def neighbour(n: Any) -> dict[str, Any]:
        return {"claim": n.claim.id, "text": n.claim.text, "source": n.source,
                "similarity": round(n.similarity, 4), "label": n.label,
                "confidence": round(n.confidence, 4), "event": n.event,
                "reasons": [reason_to_dict(r) for r in n.reasons]}

    return {
        "schema": SCORE_SCHEMA,
        "model": s.model,
        "article": {"id": a.id, "path": a.path, "source": a.source, "wire": a.wire,
                    "date": a.date, "title": a.title},
        "novel_share": round(s.novel_share, 4),
        "events": [{"id": e.id, "label": e.label, "claims": n} for e, n in s.events],
        "conflicts": [
            {"claim": c.id, "text": c.content, "other": n.claim.id, "other_text": n.claim.content,
             "source": n.source, "confidence": round(n.confidence, 4),
             "reasons": [reason_to_dict(r) for r in n.reasons], "flagged": n.flagged,
             "group": n.group, "verdict": _verdict(n.verdict), "muted": n.muted}
            for c, n in s.conflicts
        ],
        "claims": [
            {"id": cs.claim.id, "text": cs.claim.text, "start": cs.claim.start,
             "end": cs.claim.end, "speaker": cs.claim.speaker,
             "support": round(cs.support, 4), "contradiction": round(cs.contradiction, 4),
             "novelty": round(cs.novelty, 4),
             "neighbours": [neighbour(n) for n in cs.neighbours]}
            for cs in s.claims
        ],
    }


__all__ = ["SCHEMA", "SCORE_SCHEMA", "article_from_dict", "article_to_dict",
           "claim_from_dict", "claim_to_dict", "comparison_to_dict", "dispute_from_dict",
           "score_to_dict",
           "dispute_to_dict", "event_from_dict", "event_to_dict", "flagged_to_dict",
           "group_from_dict", "group_to_dict", "load_report", "reason_from_dict",
           "reason_to_dict", "report_from_dict", "report_to_dict", "verdict_from_dict",
           "verdict_to_dict"]
