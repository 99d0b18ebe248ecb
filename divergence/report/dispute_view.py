"""The dispute view every renderer shares: positions side by side, then which outlets carry which.

Built from a ``Dispute`` record (the builder lives outside this package); nothing here decides
what the positions are, only how a reader meets them: positions lettered A, B, C in their
order, one outlet row per article of the story, a short text for each voice, and the reasons
that back the conflict, strongest first, the first few shown and the rest counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from string import ascii_uppercase

from ..records import (
    Article,
    Claim,
    ClaimGroup,
    Dispute,
    OutletPosition,
    Reason,
    Report,
    dispute_shown,
)

TOP_REASONS = 3  # reasons shown before "n more"

# What a cell of the outlet table says for each voice (``voice_text`` adds the holders).
VOICES: dict[str, str] = {
    "fact": "stated as fact",
    "hedged": "hedged, not vouched for",
    "attributed": "attributed",
    "with-rejection": "with rejection",
    "omitted": "—",
}


@dataclass(frozen=True, slots=True)
class PositionView:
    """One side of a dispute as shown: its letter, label, holders and claims."""

    id: str
    letter: str
    label: str
    holders: tuple[str, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class OutletRow:
    """One article of the story: its outlet and, per position (in order), how it carries it."""

    article: str
    outlet: str  # the outlet's independent voice, as the dispute names it
    source: str  # the article's own source, when it differs from ``outlet`` (wire copy), else ""
    cells: tuple[OutletPosition | None, ...]


@dataclass(frozen=True, slots=True)
class DisputeView:
    """A dispute laid out for reading."""

    dispute: Dispute
    positions: tuple[PositionView, ...]
    rows: tuple[OutletRow, ...]
    group: ClaimGroup | None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The conflicts behind this dispute's question; its group's when it names none."""
        if self.dispute.reasons:
            return self.dispute.reasons
        return self.group.reasons if self.group is not None else ()


def shown_disputes(report: Report) -> list[Dispute]:
    """The disputes put in front of readers: those whose conflict is still flagged (a conflict
    a reviewer dismissed, or one under the calibrated threshold, is set aside with its group),
    or whose group the report does not hold."""
    groups = {g.id: g for g in report.groups}
    return [d for d in report.disputes if dispute_shown(groups.get(d.group))]


def all_disputes_by_group(report: Report) -> dict[str, list[Dispute]]:
    """Map conflict group id -> the shown disputes built from it, one per question, in the
    report's order (a chain of conflicts across one event's coverage answers several)."""
    out: dict[str, list[Dispute]] = {}
    for d in shown_disputes(report):
        out.setdefault(d.group, []).append(d)
    return out


def ordered_disputes(report: Report) -> list[Dispute]:
    """The shown disputes, most confident first, then by how many outlets take part."""
    def outlets(d: Dispute) -> int:
        return len({o.article for o in d.outlets if o.voice != "omitted"})
    return sorted(shown_disputes(report), key=lambda d: (-d.confidence, -outlets(d), d.id))


def letter(i: int) -> str:
    """A, B, ..., Z, then P27, P28, ..."""
    return ascii_uppercase[i] if i < len(ascii_uppercase) else f"P{i + 1}"


def layout(report: Report, d: Dispute, claims: dict[str, Claim] | None = None,
           articles: dict[str, Article] | None = None) -> DisputeView:
    """Lay ``d`` out: positions with their claims, and one row per article (report order, then
    any the report does not hold), a cell per position."""
    claims = report.claims_by_id() if claims is None else claims
    articles = report.articles_by_id() if articles is None else articles
    positions = tuple(
        PositionView(p.id, letter(i), p.label, p.holders,
                     tuple(claims[cid] for cid in p.claims if cid in claims))
        for i, p in enumerate(d.positions))
    cells: dict[str, dict[str, OutletPosition]] = {}
    names: dict[str, str] = {}
    for o in d.outlets:
        cells.setdefault(o.article, {})[o.position] = o
        names.setdefault(o.article, o.source)
    order = [a.id for a in report.articles if a.id in cells]
    order += [aid for aid in cells if aid not in order]
    rows = []
    for aid in order:
        a = articles.get(aid)
        own = a.source if a else ""
        rows.append(OutletRow(aid, names[aid], own if own and own != names[aid] else "",
                              tuple(cells[aid].get(p.id) for p in d.positions)))
    group = next((g for g in report.groups if g.id == d.group), None)
    return DisputeView(d, positions, tuple(rows), group)


def voice_text(cell: OutletPosition | None) -> str:
    """A cell of the outlet table: "stated as fact", "hedged, not vouched for", "attributed to
    Trump", "attributed to Trump, with rejection", or "—" when the outlet leaves the position
    out."""
    if cell is None or cell.voice == "omitted":
        return VOICES["omitted"]
    if cell.voice in ("fact", "hedged"):
        return VOICES[cell.voice]
    who = f"attributed to {', '.join(cell.holders)}" if cell.holders else "attributed"
    return f"{who}, with rejection" if cell.voice == "with-rejection" else who


def voice_of(cell: OutletPosition | None) -> str:
    """The cell's voice, "omitted" for a missing cell (a CSS class and a legend key)."""
    return "omitted" if cell is None else cell.voice


def top_reasons(reasons: Sequence[Reason], n: int = TOP_REASONS) -> tuple[list[Reason],
                                                                           list[Reason]]:
    """The ``n`` strongest reasons (by weight, ties kept in order) and the rest."""
    ranked = sorted(reasons, key=lambda r: -r.weight)
    return ranked[:n], ranked[n:]
