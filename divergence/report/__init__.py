"""Render a report: Markdown, a self-contained HTML page, the JSON contract, a terminal summary."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..contract import report_to_dict
from ..errors import DivergenceError
from ..ingest.io import atomic_write_all
from ..ingest.textsafe import inert
from ..records import Report
from ..registry import Registry
from .html import render_html
from .markdown import render_markdown, shorten

__all__ = ["FORMATS", "RENDERERS", "Renderer", "render_html", "render_json", "render_markdown",
           "summary", "write_reports"]

FORMATS: tuple[str, ...] = ("md", "html", "json")  # the built-in renderers


def render_json(report: Report) -> str:
    """The report in the JSON contract (``divergence.report/1``), pretty-printed."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


Renderer = Callable[[Report], str]
RENDERERS: Registry[Renderer] = Registry("renderer")
for _name, _fn in (("md", render_markdown), ("html", render_html), ("json", render_json)):
    RENDERERS.add(_name, lambda fn=_fn: fn)  # a renderer's factory returns the function


def write_reports(report: Report, stem: str | Path, formats: Sequence[str]) -> list[Path]:
    """Write ``<stem>.<format>`` for each format (md, html, json, or a plugin's renderer)
    atomically; return the paths.

    Raises:
        DivergenceError: a format names no renderer, or ``stem`` names no file.
    """
    if not Path(stem).name or str(stem).endswith(("/", os.sep)):
        raise DivergenceError(f"the report name {str(stem)!r} names no file (it would write "
                              "hidden '.md' files); give a name such as reports/today")
    wanted = list(dict.fromkeys(f.strip().lower().lstrip(".") for f in formats))
    known = FORMATS + tuple(n for n in RENDERERS.names() if n not in FORMATS)
    unknown = [f for f in wanted if f not in known]
    if unknown:
        raise DivergenceError(f"unknown report format {', '.join(map(repr, unknown))}; "
                              f"available: {', '.join(known)}")
    # Render everything before writing anything, so a failing renderer leaves no partial set;
    # then every file's temp copy before any rename, so a failed write leaves the old set whole.
    return atomic_write_all({Path(f"{stem}.{fmt}"): RENDERERS.make(fmt)(report)
                             for fmt in wanted})


def _counted(n: int, noun: str) -> str:
    """"1 claim", "2 claims"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(report: Report, top: int = 3) -> str:
    """A short plain-text summary for the terminal: counts, the disputes with who holds and
    who carries each position, and the strongest other conflicts."""
    counts = {label: sum(g.label == label for g in report.groups)
              for label in ("agree", "unique", "conflict")}
    lines = [
        f"{_counted(len(report.articles), 'article')}, {_counted(len(report.claims), 'claim')}, "
        f"{_counted(len(report.events), 'event')}",
        f"groups: {counts['agree']} agree, {counts['unique']} unique, "
        f"{counts['conflict']} conflict",
    ]
    if report.skipped:
        lines.append(f"skipped inputs: {len(report.skipped)}")
    for d in report.disputes[:top]:
        lines.append(f"dispute: {d.question} ({d.confidence:.2f})")
        for p in d.positions:
            who = ", ".join(p.holders[:3]) + (" …" if len(p.holders) > 3 else "")
            carried = sorted({o.source for o in d.outlets
                              if o.position == p.id and o.voice != "omitted"})
            lines.append(f"  - {shorten(p.label, 70)}  held by {who}; "
                         f"carried by {_some(carried, ', ') or 'no outlet'}")
    in_dispute = {d.group for d in report.disputes}
    conflicts = sorted((g for g in report.groups if g.label == "conflict"
                        and g.id not in in_dispute),
                       key=lambda g: (-g.confidence, g.id))[:top]
    if conflicts:
        claims = report.claims_by_id()
        lines.append("other conflicts:" if report.disputes else "top conflicts:")
        for g in conflicts:
            first = next((claims[cid] for cid in g.claims if cid in claims), None)
            text = shorten(first.content, 70) if first else g.id
            lines.append(f"  {g.confidence:.2f}  {_some(g.sources, ' vs ') or '?'}: {text}")
    return "\n".join(map(inert, lines))  # an outlet named after a file "new\nline.txt": one line


NAMES_SHOWN = 6  # outlets named on one summary line; the rest are counted


def _some(names: Sequence[str], sep: str) -> str:
    """At most ``NAMES_SHOWN`` names: one line for a dispute 2,000 outlets carry."""
    more = len(names) - NAMES_SHOWN
    return sep.join(names[:NAMES_SHOWN]) + (f" (and {more} more)" if more > 0 else "")
