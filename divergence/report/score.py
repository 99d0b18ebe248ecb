"""Render an ``ArticleScore``: a JSON document for programs, Markdown for people."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..contract import reason_to_dict as _reason_to_dict
from ..corpus.score import ArticleScore, Neighbour
from .markdown import shorten

SCHEMA = "divergence.corpus.score/1"


def score_to_dict(s: ArticleScore) -> dict[str, Any]:
    """The score as plain data (schema ``divergence.corpus.score/1``)."""
    a = s.article
    return {
        "schema": SCHEMA,
        "model": s.model,
        "article": {"id": a.id, "path": a.path, "source": a.source, "wire": a.wire,
                    "date": a.date, "title": a.title},
        "novel_share": round(s.novel_share, 4),
        "events": [{"id": e.id, "label": e.label, "claims": n} for e, n in s.events],
        "conflicts": [
            {"claim": c.id, "text": c.content, "other": n.claim.id, "other_text": n.claim.content,
             "source": n.source, "confidence": round(n.confidence, 4),
             "reasons": [_reason_to_dict(r) for r in n.reasons], "flagged": n.flagged,
             "group": n.group, "verdict": asdict(n.verdict) if n.verdict else None,
             "muted": n.muted}
            for c, n in s.conflicts
        ],
        "claims": [
            {"id": cs.claim.id, "text": cs.claim.text, "start": cs.claim.start,
             "end": cs.claim.end, "speaker": cs.claim.speaker,
             "support": round(cs.support, 4), "contradiction": round(cs.contradiction, 4),
             "novelty": round(cs.novelty, 4),
             "neighbours": [_neighbour(n) for n in cs.neighbours]}
            for cs in s.claims
        ],
    }


def _neighbour(n: Neighbour) -> dict[str, Any]:
    return {"claim": n.claim.id, "text": n.claim.text, "source": n.source,
            "similarity": round(n.similarity, 4), "label": n.label,
            "confidence": round(n.confidence, 4), "event": n.event,
            "reasons": [_reason_to_dict(r) for r in n.reasons]}


def render_score_json(s: ArticleScore) -> str:
    """One pretty-printed JSON document."""
    return json.dumps(score_to_dict(s), ensure_ascii=False, indent=2)


def render_score_markdown(s: ArticleScore) -> str:
    """A short Markdown page: summary, conflicts with reasons, then every claim's scores."""
    a = s.article
    lines = [f"# Score: {a.title or a.path}", "",
             f"- source: {a.source}" + (f" ({a.date})" if a.date else ""),
             f"- claims: {len(s.claims)}; novel: {s.novel_share:.0%}; "
             f"conflicts: {len(s.flagged)}"
             + (f" ({len(s.conflicts) - len(s.flagged)} more set aside)"
                if len(s.conflicts) > len(s.flagged) else ""), ""]
    if s.events:
        lines += ["## Events matched", ""]
        lines += [f"- {e.label} ({n} claim{'s' if n != 1 else ''})" for e, n in s.events]
        lines.append("")
    for title, pairs in (("Conflicts", s.flagged),
                         ("Set aside", [cn for cn in s.conflicts if not cn[1].flagged])):
        if not pairs:
            continue
        lines += [f"## {title}", ""]
        for c, n in pairs:
            why = "; ".join(f"{r.type}: {r.detail}" for r in n.reasons) or "judged a conflict"
            lines += [f"- **{shorten(c.content, 120)}**", f"  - vs {n.source}: "
                      f"{shorten(n.claim.content, 120)} ({n.confidence:.2f})", f"  - why: {why}"]
            if n.verdict:
                lines.append(f"  - reviewed: {n.verdict.decision} by {n.verdict.reviewer} "
                             f"(group `{n.group}`)")
            elif n.muted:
                lines.append("  - below the calibrated threshold")
        lines.append("")
    lines += ["## Claims", "", "| claim | support | contradiction | novelty | closest |",
              "|---|---|---|---|---|"]
    for cs in s.claims:
        near = cs.neighbours[0] if cs.neighbours else None
        closest = f"{near.source}: {shorten(near.claim.content, 60)} ({near.label})" if near else ""
        lines.append(f"| {_cell(shorten(cs.claim.content, 80))} | {cs.support:.2f} | "
                     f"{cs.contradiction:.2f} | {cs.novelty:.2f} | {_cell(closest)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
