"""The report as Markdown: per event, conflicts side by side, then agreements and unique claims.

Also holds the layout both renderers share: which groups go under which event, in what order, and
how a group's claims split into one column per independent voice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..ingest.speakers import holder
from ..ingest.textsafe import inert
from ..records import Article, Claim, ClaimGroup, Dispute, Event, Reason, Report
from .dispute_view import (
    all_disputes_by_group,
    layout,
    ordered_disputes,
    shown_disputes,
    top_reasons,
    voice_text,
)
from .matrix import outlet_matrix

# The order a reader wants within an event: disputes first.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("conflict", "Conflicts"), ("aside", "Set aside"), ("agree", "Agreements"),
    ("unique", "Unique"))
NO_EVENT = ""  # key for groups that no event lists

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_SPACE = re.compile(r"\s+")


# ---------------------------------------------------------------- shared layout


@dataclass(frozen=True, slots=True)
class Column:
    """One side of a group shown side by side: a voice and the claims it carries."""

    voice: str
    outlets: tuple[str, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where each group is shown: its groups per event id and each group's home (first) event."""

    by_event: dict[str, list[ClaimGroup]]
    home: dict[str, str]


def place_groups(report: Report) -> Placement:
    """Assign groups to events (``group.events``, then ``event.groups``), sorted for reading."""
    known = [e.id for e in report.events]
    listed: dict[str, list[str]] = {}
    for e in report.events:
        for gid in e.groups:
            listed.setdefault(gid, []).append(e.id)
    by_event: dict[str, list[ClaimGroup]] = {eid: [] for eid in known}
    by_event[NO_EVENT] = []
    home: dict[str, str] = {}
    for g in report.groups:
        eids = [eid for eid in dict.fromkeys([*g.events, *listed.get(g.id, [])]) if eid in by_event]
        eids = eids or [NO_EVENT]
        # Shown in full where a reader meets it first; later mentions say "see above".
        home[g.id] = min(eids, key=lambda e: known.index(e) if e in known else len(known))
        for eid in eids:
            by_event[eid].append(g)
    for groups in by_event.values():
        groups.sort(key=_reading_order)
    return Placement(by_event, home)


def section_of(g: ClaimGroup) -> str:
    """Where a reader meets a group: flagged conflicts under Conflicts; conflicts a reviewer
    dismissed or called unrelated, and unreviewed ones under the calibrated threshold, set
    aside; the rest under their label."""
    return "aside" if g.label == "conflict" and not g.flagged else g.label


def aside_why(g: ClaimGroup, threshold: float) -> str:
    """Why a conflict was set aside, in a few words."""
    if g.verdict is not None:
        return f"{g.verdict.decision} by a reviewer"
    return f"below the calibrated threshold {threshold:.2f}"


def _reading_order(g: ClaimGroup) -> tuple[float, int, str]:
    return (-g.confidence, -len(g.sources), g.id)


def columns(
    group: ClaimGroup, claims: dict[str, Claim], articles: dict[str, Article]
) -> list[Column]:
    """Split a group's claims into one column per independent voice (wire or outlet).

    When every claim comes from one voice (an outlet reporting a dispute between actors), the
    columns are the speakers instead, so the dispute still shows side by side.
    """
    members = [claims[cid] for cid in group.claims if cid in claims]

    def outlet(c: Claim) -> str:
        a = articles.get(c.article_id)
        return a.source if a else c.article_id

    def voice(c: Claim) -> str:
        a = articles.get(c.article_id)
        return a.voice if a else c.article_id

    def speaker(c: Claim) -> str:
        return speaker_of(c, articles.get(c.article_id))

    one_voice = len({voice(c) for c in members}) == 1
    key = speaker if one_voice and len({speaker(c) for c in members}) > 1 else voice
    cols: dict[str, list[Claim]] = {}
    for c in members:
        cols.setdefault(key(c), []).append(c)
    return [Column(k, tuple(dict.fromkeys(outlet(c) for c in cs)), tuple(cs))
            for k, cs in cols.items()]


def speaker_of(claim: Claim, article: Article | None) -> str:
    """Who asserts a claim: its speaker ("an unnamed speaker" for a pronoun attribution left
    unresolved), or the outlet's own voice when it has none."""
    if not claim.speaker:
        return article.source if article else claim.article_id
    return holder(claim.speaker)


def shorten(text: str, width: int = 90) -> str:
    """Collapse whitespace, escape control characters and cut ``text`` to ``width`` characters
    with an ellipsis."""
    text = inert(_SPACE.sub(" ", text).strip())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------- markdown


def md_escape(text: str) -> str:
    """Text safe inside a Markdown line or table cell: one line, markup and control characters
    escaped."""
    return _MD_SPECIAL.sub(r"\\\1", inert(_SPACE.sub(" ", text).strip()))


def _code(text: str) -> str:
    """Text for a Markdown code span: control characters escaped, no backtick to end it early."""
    return inert(text).replace("`", "'")


def render_markdown(report: Report) -> str:
    """Render the whole report as a Markdown document."""
    claims = report.claims_by_id()
    articles = report.articles_by_id()
    events = {e.id: e for e in report.events}
    place = place_groups(report)
    disputes = all_disputes_by_group(report)
    out: list[str] = [*_header(report)]
    for d in ordered_disputes(report):
        out += _dispute(report, d, claims, articles, events)
    out += _matrix(report)
    out += _articles(report)
    for e in report.events:
        out += _event(e, place.by_event[e.id], place, events, claims, articles,
                      report.flag_threshold, disputes)
    if place.by_event[NO_EVENT]:
        loose = Event(NO_EVENT, "Not tied to an event", (), ())
        out += _event(loose, place.by_event[NO_EVENT], place, events, claims, articles,
                      report.flag_threshold, disputes)
    return "\n".join(out).rstrip() + "\n"


def _header(report: Report) -> list[str]:
    counts = {label: sum(section_of(g) == label for g in report.groups) for label, _ in SECTIONS}
    lines = ["# Divergence report", ""]
    if report.model:
        lines.append(f"- Model: `{_code(report.model)}`")
    if report.created:
        lines.append(f"- Created: {md_escape(report.created)}")
    lines += [
        f"- {len(report.articles)} articles, {len(report.claims)} claims, "
        f"{len(report.events)} events",
        f"- Groups: {counts['conflict']} conflict, {counts['agree']} agree, "
        f"{counts['unique']} unique" + (f"; {counts['aside']} conflict(s) set aside"
                                        if counts["aside"] else ""),
    ]
    if shown := shown_disputes(report):
        lines.append(f"- Disputes: {len(shown)} (below, before the events)")
    return [*lines, ""]


def _articles(report: Report) -> list[str]:
    lines = [
        "## Articles", "",
        "| id | source | wire | date | title |", "| --- | --- | --- | --- | --- |",
    ]
    for a in report.articles:
        cells = (a.id, a.source, a.wire or "", a.date or "", a.title or "")
        lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    lines.append("")
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- {md_escape(s.where)}: {md_escape(s.why)}" for s in report.skipped]
        lines.append("")
    return lines


def _dispute(report: Report, d: Dispute, claims: dict[str, Claim],
             articles: dict[str, Article], events: dict[str, Event]) -> list[str]:
    """One dispute: its question, the positions side by side, the outlet table, the reasons."""
    view = layout(report, d, claims, articles)
    where = [md_escape(events[e].label or e) for e in d.events if e in events]
    lines = [f"## Dispute: {md_escape(d.question)}", "",
             f"From conflict `{_code(d.group)}` ({d.confidence:.2f})"
             + (f", under *{'*, *'.join(where)}*" if where else "") + ".", ""]
    if view.positions:
        heads = [f"{p.letter}: {md_escape(p.label)}" for p in view.positions]
        held = ["held by " + (", ".join(md_escape(h) for h in p.holders) or "no one named")
                for p in view.positions]
        said = ["<br>".join(f"{_claim_line(c, articles)} — *{_outlet(c, articles)}*"
                            for c in p.claims) or "—" for p in view.positions]
        lines += [_row(heads), "|" + " --- |" * len(heads), _row(held), _row(said), ""]
    if view.rows:
        letters = [p.letter for p in view.positions]
        lines += [_row(["Outlet", *letters]), "|" + " --- |" * (len(letters) + 1)]
        for r in view.rows:
            name = md_escape(r.outlet) + (f" ({md_escape(r.source)})" if r.source else "")
            lines.append(_row([name, *(md_escape(voice_text(c)) for c in r.cells)]))
        lines.append("")
    sides = {c.id: p.letter for p in view.positions for c in p.claims}
    lines += _notes(view.group, view.reasons, sides)  # its group may be absent: its own
    return lines                                      # reasons


def _outlet(c: Claim, articles: dict[str, Article]) -> str:
    a = articles.get(c.article_id)
    return md_escape(a.source if a else c.article_id)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _matrix(report: Report) -> list[str]:
    """Outlet × outlet as one row per pair (see ``matrix.outlet_matrix`` for the counts)."""
    m = outlet_matrix(report)
    if len(m.outlets) < 2:
        return []
    lines = ["## Outlet × outlet", "",
             "Points (claim groups) both outlets carry in agreement or in conflict, and points "
             "one carries that the other leaves out of an event both cover."
             + (f" The {len(m.outlets)} outlets with the most claims; {m.left_out} more are not "
                "shown." if m.left_out else ""), "",
             _row(["Outlet A", "Outlet B", "agree", "conflict", "only A", "only B"]),
             "|" + " --- |" * 6]
    for p in m.pairs:
        lines.append(_row([md_escape(p.a), md_escape(p.b), str(p.agree), str(p.conflict),
                           str(p.only_a), str(p.only_b)]))
    return [*lines, ""]


def _event(
    e: Event, groups: Sequence[ClaimGroup], place: Placement, events: dict[str, Event],
    claims: dict[str, Claim], articles: dict[str, Article], threshold: float = 0.0,
    disputes: dict[str, list[Dispute]] | None = None,
) -> list[str]:
    lines = [f"## {md_escape(e.label or e.id)}", ""]
    if e.articles:
        names = [_article_name(articles.get(aid), aid) for aid in e.articles]
        lines += ["Articles: " + "; ".join(names), ""]
    for label, title in SECTIONS:
        section = [g for g in groups if section_of(g) == label]
        if not section:
            continue
        lines += [f"### {title} ({len(section)})", ""]
        for g in section:
            if place.home[g.id] != e.id:
                first = events.get(place.home[g.id])
                where = md_escape(first.label or first.id) if first else "elsewhere"
                lines += [f"- {_group_title(g)}: see above, under *{where}*", ""]
            elif disputes and g.id in disputes:
                qs = ", ".join(f"*{md_escape(d.question)}*" for d in disputes[g.id])
                what = "the disputes" if len(disputes[g.id]) > 1 else "the dispute"
                lines += [f"- {_group_title(g)}: {what} {qs}, shown above", ""]
            elif label == "conflict":
                lines += _conflict(g, claims, articles)
            elif label == "aside":
                lines += _listed(g, claims, articles, why=aside_why(g, threshold))
            else:
                lines += _listed(g, claims, articles)
    return lines


def _article_name(a: Article | None, aid: str) -> str:
    if a is None:
        return md_escape(aid)
    wire = f" ({md_escape(a.wire)})" if a.wire and a.wire != a.source else ""
    return f"{md_escape(a.source)}{wire} `{_code(a.id)}`"


def _group_title(g: ClaimGroup) -> str:
    sources = ", ".join(md_escape(s) for s in g.sources) or "no source"
    return f"**{md_escape(g.label)}** `{_code(g.id)}` ({g.confidence:.2f}) — {sources}"


def _claim_line(c: Claim, articles: dict[str, Article]) -> str:
    who = md_escape(speaker_of(c, articles.get(c.article_id)))
    return f"{who} ({md_escape(c.stance)}): {md_escape(c.content)}"


def _conflict(g: ClaimGroup, claims: dict[str, Claim], articles: dict[str, Article]) -> list[str]:
    lines = [f"#### {_group_title(g)}", ""]
    cols = columns(g, claims, articles)
    if cols:
        heads = [_column_head(col) for col in cols]
        cells = ["<br>".join(_claim_line(c, articles) for c in col.claims) for col in cols]
        lines += ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(cols),
                  "| " + " | ".join(cells) + " |", ""]
    return lines + _notes(g)


def _column_head(col: Column) -> str:
    others = [o for o in col.outlets if o != col.voice]
    via = f" ({', '.join(md_escape(o) for o in others)})" if others else ""
    return md_escape(col.voice) + via


def _listed(g: ClaimGroup, claims: dict[str, Claim], articles: dict[str, Article],
            why: str = "") -> list[str]:
    lines = [f"- {_group_title(g)}" + (f" — set aside: {md_escape(why)}" if why else "")]
    for cid in g.claims:
        c = claims.get(cid)
        if c is None:
            continue
        # Own-voice claims already name the outlet; attributed ones say who carried them.
        a = articles.get(c.article_id)
        via = "" if c.speaker is None else f"{md_escape(a.source if a else c.article_id)} — "
        lines.append(f"  - {via}{_claim_line(c, articles)}")
    lines += ["  " + line for line in _notes(g) if line]
    return [*lines, ""]


def _notes(g: ClaimGroup | None, reasons: Sequence[Reason] | None = None,
           sides: Mapping[str, str] | None = None) -> list[str]:
    """The strongest reasons (the group's, or those given), how many more, then the reviewer's
    verdict, as one bullet list. ``sides`` (claim id -> a dispute's position letter) says
    which positions each reason sets against each other."""
    shown, rest = top_reasons(reasons if reasons is not None else g.reasons if g else ())
    lines = [_reason(r, sides or {}) for r in shown]
    if rest:
        lines.append(f"- … and {len(rest)} more reason(s) ({', '.join(_types(rest))})")
    v = g.verdict if g is not None else None
    if v is not None:
        note = f" — {md_escape(v.note)}" if v.note else ""
        lines.append(f"- reviewed: **{md_escape(v.decision)}** by {md_escape(v.reviewer)} "
                     f"at {md_escape(v.at)}{note}")
    return [*lines, ""] if lines else []


def _types(reasons: Sequence[Reason]) -> list[str]:
    return [f"{md_escape(t)} ×{n}" if n > 1 else md_escape(t)
            for t, n in Counter(r.type for r in reasons).items()]


def _reason(r: Reason, sides: Mapping[str, str]) -> str:
    letters = list(dict.fromkeys(sides[c] for c in r.claims if c in sides))
    between = f" ({' vs '.join(letters)})" if len(letters) > 1 else ""
    spans = ", ".join(f"“{md_escape(t)}”" for t in dict.fromkeys(s.text for s in r.spans))
    spans = f" — spans: {spans}" if spans else ""
    return (f"- reason **{md_escape(r.type)}** ({r.weight:.2f}){between}: "
            f"{md_escape(r.detail)}{spans}")
