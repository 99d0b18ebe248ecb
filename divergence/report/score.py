"""Render an ``ArticleScore``: a JSON document for programs, Markdown for people."""

from __future__ import annotations

from ..contract import score_to_dict
from ..corpus.score import ArticleScore
from ..ingest.textsafe import inert, json_dumps_safe
from .markdown import shorten


def render_score_json(s: ArticleScore) -> str:
    """One pretty-printed JSON document (control and bidi characters escaped)."""
    return json_dumps_safe(score_to_dict(s), indent=2)


def render_score_markdown(s: ArticleScore) -> str:
    """A short Markdown page: summary, conflicts with reasons, then every claim's scores; the
    article's text and metadata are shown inert (``textsafe.inert``): it goes to terminals."""
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
    return inert("\n".join(lines), keep_lines=True) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
