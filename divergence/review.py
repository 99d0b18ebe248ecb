"""Verdicts on flagged conflicts: which groups need a look, who decides, and how they read."""

from __future__ import annotations

import getpass
import os

from .records import DECISIONS, ClaimGroup, Report

__all__ = ["DECISIONS", "default_reviewer", "flagged_groups", "format_flagged"]


def default_reviewer() -> str:
    """``$DIVERGENCE_REVIEWER``, else the OS user name, else ``unknown``."""
    env = os.environ.get("DIVERGENCE_REVIEWER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):  # no user name in some containers
        return "unknown"


def flagged_groups(report: Report) -> list[ClaimGroup]:
    """The groups still flagged as conflicts, most confident first (ties by id)."""
    return sorted((g for g in report.groups if g.flagged), key=lambda g: (-g.confidence, g.id))


def format_flagged(report: Report, groups: list[ClaimGroup]) -> str:
    """The groups as plain text: a header line each, one line per claim, then the reasons."""
    claims, arts = report.claims_by_id(), report.articles_by_id()
    out: list[str] = []
    for g in groups:
        mark = f"  [{g.verdict.decision} by {g.verdict.reviewer}]" if g.verdict else ""
        out.append(f"{g.id}  {g.label}  {g.confidence:.2f}  sources: {', '.join(g.sources)}"
                   f"{mark}")
        for cid in g.claims:
            c = claims.get(cid)
            if c is None:
                continue
            a = arts.get(c.article_id)
            who = c.speaker or (a.voice if a else c.article_id)
            via = f" via {a.voice}" if c.speaker and a else ""
            out.append(f"  - {who}{via} ({c.stance}): {c.text}")
        out += [f"  reason {r.type} ({r.weight:.2f}): {r.detail}" for r in g.reasons]
        out.append("")
    return "\n".join(out)
