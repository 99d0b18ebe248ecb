"""The report as one self-contained HTML page: inline CSS, no external assets, no script needed.

All text from articles and claims is escaped: the template autoescapes, and the highlighted
pieces built here are escaped one by one with ``markupsafe.escape`` before being joined as Markup.
Control characters are shown escaped too (``textsafe.inert``): by the environment's ``finalize``
for every value a template prints, and piece by piece here. Newlines and tabs are kept: in HTML they
are only whitespace, and an article's full text shows its line breaks (``white-space: pre-wrap``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..ingest.textsafe import inert
from ..records import Article, Claim, ClaimGroup, Dispute, Event, Reason, Report, Span
from .dispute_view import (
    all_disputes_by_group,
    layout,
    ordered_disputes,
    top_reasons,
    voice_of,
    voice_text,
)
from .markdown import (
    NO_EVENT,
    SECTIONS,
    Placement,
    aside_why,
    columns,
    place_groups,
    section_of,
    shorten,
    speaker_of,
)
from .matrix import MEASURES, outlet_matrix

TEMPLATE = "report.html.j2"
_RANK = {"conflict": 3, "agree": 2, "unique": 1, "none": 0}


def claim_anchor(claim_id: str) -> str:
    """The HTML id of a claim in its article's text: ``claim-<id with ':' as '-'>``."""
    return "claim-" + claim_id.replace(":", "-")


def group_anchor(group_id: str) -> str:
    """The HTML id of a group's entry."""
    return "group-" + group_id.replace(":", "-")


def render_html(report: Report) -> str:
    """Render the whole report as a self-contained HTML page."""
    return _env().get_template(TEMPLATE).render(**_context(report))


@functools.lru_cache(maxsize=1)
def _env() -> Environment:
    return template_env()


def template_env() -> Environment:
    """The Jinja2 environment for the templates folder: autoescape on, and every printed value
    that is not already Markup has its control characters escaped."""
    loader = FileSystemLoader(Path(__file__).parent / "templates")
    return Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, finalize=_finalize)


def _finalize(value: Any) -> Any:
    """What a template prints: strings (not Markup) with control characters escaped."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return html_inert(value)
    return value


def html_inert(text: str) -> str:
    """``text`` with its control characters shown escaped, newlines and tabs kept: in HTML they
    are whitespace, not controls, and multi-line text (an article, a note) keeps its lines."""
    return inert(text, keep_lines=True)


def safe(text: str) -> Markup:
    """``text`` HTML-escaped with its control characters (not newlines, tabs) shown escaped."""
    return escape(html_inert(text))


# ---------------------------------------------------------------- the template's context


def _context(report: Report) -> dict[str, Any]:
    claims = report.claims_by_id()
    articles = report.articles_by_id()
    events = {e.id: e for e in report.events}
    place = place_groups(report)
    disputes = all_disputes_by_group(report)
    counts = {label: sum(section_of(g) == label for g in report.groups) for label, _ in SECTIONS}
    conflicts = sorted((g for g in report.groups if section_of(g) == "conflict"),
                       key=lambda g: (-g.confidence, g.id))
    agreements = sorted((g for g in report.groups if g.label == "agree"),
                        key=lambda g: (-len(g.sources), -g.confidence, g.id))
    shown = list(report.events)
    if place.by_event[NO_EVENT]:
        shown.append(Event(NO_EVENT, "Not tied to an event", (), ()))
    return {
        "report": report,
        "counts": counts,
        "disputes": [dispute_context(report, d, claims, articles, events)
                     for d in ordered_disputes(report)],
        "top": [_top(g, claims, disputes) for g in conflicts[:5]],
        "agreements": [_top(g, claims, disputes) for g in agreements[:5]],
        "matrix": _matrix(report),
        "events": [_event(e, place, events, claims, articles, report.flag_threshold, disputes)
                   for e in shown],
        "texts": _texts(report),
    }


def dispute_anchor(dispute_id: str) -> str:
    """The HTML id of a dispute's view."""
    return "dispute-" + dispute_id.replace(":", "-")


def dispute_context(report: Report, d: Dispute, claims: dict[str, Claim],
                    articles: dict[str, Article], events: dict[str, Event] | None = None,
                    claim_view: Callable[[Claim, Article | None, list[Span]], dict[str, Any]]
                    | None = None, claim_links: bool = True) -> dict[str, Any]:
    """What the dispute macro prints: the question, positions with their claims (through
    ``claim_view``, the report's claim view by default), the outlet rows and the reasons;
    ``claim_links``: its reasons link to their claims in the article texts (a page without
    those texts, the review page, links nowhere)."""
    view = layout(report, d, claims, articles)
    spans = [s for r in view.reasons for s in r.spans]
    make = claim_view or _claim
    return {
        "id": d.id, "anchor": dispute_anchor(d.id), "question": d.question,
        "confidence": d.confidence, "group": d.group, "group_href": "#" + group_anchor(d.group),
        "events": [(events[e].label or e) for e in d.events if events and e in events],
        "positions": [
            {"letter": p.letter, "label": p.label, "short": shorten(p.label, 60),
             "holders": p.holders,
             "claims": [make(c, articles.get(c.article_id), [s for s in spans if s.claim == c.id])
                        for c in p.claims]}
            for p in view.positions],
        "rows": [{"outlet": r.outlet, "source": r.source, "href": "#article-" + r.article,
                  "cells": [{"voice": voice_of(c), "text": voice_text(c)} for c in r.cells]}
                 for r in view.rows],
        **_reasons(view.reasons, claim_links),
    }


def _top(g: ClaimGroup, claims: dict[str, Claim], disputes: dict[str, list[Dispute]]
         ) -> dict[str, Any]:
    first = next((claims[cid] for cid in g.claims if cid in claims), None)
    d = next(iter(disputes.get(g.id, ())), None)
    n = len(g.sources)
    pair = n == 2 and g.label == "conflict"
    outlets = g.sources[0] if n == 1 else " vs ".join(g.sources) if pair else f"{n} outlets"
    return {"href": "#" + (dispute_anchor(d.id) if d else group_anchor(g.id)),
            "confidence": g.confidence, "sources": g.sources, "outlets": outlets,
            "text": d.question if d else shorten(first.content, 72) if first else g.id}


def _matrix(report: Report) -> list[dict[str, Any]]:
    """One heatmap per measure: rows and columns are outlets, numbered so the table stays narrow;
    each cell says its count, is shaded by it (five steps) and titled in words."""
    m = outlet_matrix(report)
    if len(m.outlets) < 2:
        return []
    maps = []
    for kind, title in MEASURES:
        peak = m.peak(kind)
        rows = []
        for i, row in enumerate(m.outlets):
            cells = []
            for col in m.outlets:
                if row == col:
                    cells.append({"diag": True, "n": "", "shade": 0, "title": ""})
                    continue
                n = m.count(kind, row, col)
                cells.append({"diag": False, "n": n, "shade": -(-4 * n // peak),
                              "title": _cell_title(kind, row, col, n)})
            rows.append({"n": i + 1, "outlet": row, "cells": cells})
        maps.append({"kind": kind, "title": title, "rows": rows, "left_out": m.left_out,
                     "outlets": [{"n": i + 1, "name": o} for i, o in enumerate(m.outlets)]})
    return maps


def _cell_title(kind: str, row: str, col: str, n: int) -> str:
    if kind == "agree":
        return f"{row} and {col} agree on {n} point(s)"
    if kind == "conflict":
        return f"{row} and {col} conflict on {n} point(s)"
    return f"{row} carries {n} point(s) that {col} leaves out"


def _event(
    e: Event, place: Placement, events: dict[str, Event], claims: dict[str, Claim],
    articles: dict[str, Article], threshold: float = 0.0,
    disputes: dict[str, list[Dispute]] | None = None,
) -> dict[str, Any]:
    groups = place.by_event[e.id]
    sections = []
    for label, title in SECTIONS:
        views = [_group(g, e.id, place, events, claims, articles, threshold, disputes or {})
                 for g in groups if section_of(g) == label]
        if views:
            sections.append({"label": label, "title": title, "groups": views,
                             "collapsed": label == "unique"})
    names = [articles[aid].source if aid in articles else aid for aid in e.articles]
    return {"id": e.id, "label": e.label or e.id, "articles": names, "sections": sections}


def _group(
    g: ClaimGroup, event_id: str, place: Placement, events: dict[str, Event],
    claims: dict[str, Claim], articles: dict[str, Article], threshold: float = 0.0,
    disputes: dict[str, list[Dispute]] | None = None,
) -> dict[str, Any]:
    ds = (disputes or {}).get(g.id, [])
    view: dict[str, Any] = {
        "id": g.id, "anchor": group_anchor(g.id), "label": g.label, "confidence": g.confidence,
        "sources": g.sources, "verdict": g.verdict, "ref": None, "columns": [], "reasons": [],
        "more": [], "folded": None,
        "aside": aside_why(g, threshold) if section_of(g) == "aside" else None,
        "disputes": [{"href": "#" + dispute_anchor(x.id), "question": x.question} for x in ds],
    }
    home = place.home[g.id]
    if home != event_id:
        first = events.get(home)
        view["ref"] = {"href": "#" + group_anchor(g.id),
                       "event": (first.label or first.id) if first else "elsewhere"}
        return view
    if ds:  # shown as its disputes, above
        return view
    spans = [s for r in g.reasons for s in r.spans]
    view["columns"] = [
        {"voice": col.voice, "outlets": [o for o in col.outlets if o != col.voice],
         "claims": [_claim(c, articles.get(c.article_id), spans) for c in col.claims]}
        for col in columns(g, claims, articles)
    ]
    if g.label == "agree":  # why claims agree matters less than why they conflict: folded
        view["folded"] = {"count": len(g.reasons), "reasons": [_reason(r) for r in g.reasons],
                          "types": _types(g.reasons)}
    else:
        view.update(_reasons(g.reasons))
    return view


def _types(reasons: Sequence[Reason]) -> str:
    counts = Counter(r.type for r in reasons)
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in counts.items())


def _claim(c: Claim, article: Article | None, spans: Iterable[Span]) -> dict[str, Any]:
    return {
        "id": c.id, "href": "#" + claim_anchor(c.id), "speaker": speaker_of(c, article),
        "own": c.speaker is None, "stance": c.stance, "cue": c.cue, "text": c.text,
        "outlet": article.source if article else c.article_id,
        "content": mark_spans(c.content, [s for s in spans if s.claim == c.id]),
    }


def _reasons(reasons: Sequence[Reason], links: bool = True) -> dict[str, list[dict[str, Any]]]:
    """The strongest reasons to show, and the rest (collapsed under "n more")."""
    shown, rest = top_reasons(reasons)
    return {"reasons": [_reason(r, links) for r in shown],
            "more": [_reason(r, links) for r in rest]}


def _reason(r: Reason, links: bool = True) -> dict[str, Any]:
    return {"type": r.type, "detail": r.detail, "confidence": r.weight,
            "claims": [{"id": cid, "href": "#" + claim_anchor(cid)} for cid in r.claims]
            if links else [],
            "spans": list(dict.fromkeys(s.text for s in r.spans if s.text))}


# ---------------------------------------------------------------- highlighting


def mark_spans(text: str, spans: Sequence[Span]) -> Markup:
    """Escape ``text`` and wrap each span (by offsets, else where its text occurs) in ``<mark>``."""
    ranges = []
    for s in spans:
        if 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text:
            ranges.append((s.start, s.end))
        elif s.text and (at := text.find(s.text)) >= 0:
            ranges.append((at, at + len(s.text)))
    merged: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    parts: list[Markup] = []
    pos = 0
    for lo, hi in merged:
        parts += [safe(text[pos:lo]), Markup("<mark>%s</mark>") % html_inert(text[lo:hi])]
        pos = hi
    parts.append(safe(text[pos:]))
    return Markup("").join(parts)


def _texts(report: Report) -> list[dict[str, Any]]:
    label_of: dict[str, str] = {}
    for g in report.groups:
        for cid in g.claims:
            if _RANK[g.label] > _RANK[label_of.get(cid, "none")]:
                label_of[cid] = g.label
    by_article: dict[str, list[Claim]] = {}
    for c in report.claims:
        by_article.setdefault(c.article_id, []).append(c)
    return [{"article": a, "claims": len(by_article.get(a.id, [])),
             "html": highlight_article(a.text, by_article.get(a.id, []), label_of)}
            for a in report.articles]


def highlight_article(text: str, claims: Sequence[Claim], label_of: dict[str, str]) -> Markup:
    """Escape an article's text, colour each claim span by its group label and anchor every claim.

    Claims may overlap (decomposed claims keep their sentence's span), so the text is cut at every
    claim boundary and each piece takes the strongest label of the claims that cover it; each
    claim gets an empty anchor where it starts.
    """
    n = len(text)
    spans = [c for c in claims if 0 <= c.start < c.end <= n]
    at: dict[int, list[Claim]] = {}
    for c in claims:
        at.setdefault(min(max(c.start, 0), n), []).append(c)
    cuts = sorted({0, n, *at, *(c.end for c in spans)})
    parts: list[Markup] = []
    for lo, hi in pairwise(cuts):
        parts += [_anchor(c) for c in at.pop(lo, [])]
        covering = [c for c in spans if c.start <= lo and hi <= c.end]
        if not covering:
            parts.append(safe(text[lo:hi]))
            continue
        label = max((label_of.get(c.id, "none") for c in covering), key=_RANK.__getitem__)
        title = "; ".join(f"{c.id} ({label_of.get(c.id, 'ungrouped')})" for c in covering)
        parts.append(Markup('<span class="hl hl-{}" title="{}">{}</span>').format(
            label, html_inert(title), html_inert(text[lo:hi])))
    parts += [_anchor(c) for cs in at.values() for c in cs]  # claims at the very end
    return Markup("").join(parts)


def _anchor(c: Claim) -> Markup:
    return Markup('<a class="anchor" id="{}"></a>').format(inert(claim_anchor(c.id)))
