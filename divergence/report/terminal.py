"""A claim group for the terminal: one column per voice, spans highlighted, then the reasons.

Used by the interactive ``divergence review`` loop. Plain text when colour is off (spans shown as
«…»), ANSI bold and colour when it is on; never wider than the width it is given. Text from
articles and reviewers is shown with its control characters escaped (``textsafe.inert``), so it
cannot drive the terminal.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from itertools import zip_longest

import click

from ..ingest.textsafe import inert
from ..records import Article, Claim, ClaimGroup, Report, Span
from .dispute_view import (
    DisputeView,
    PositionView,
    all_disputes_by_group,
    layout,
    top_reasons,
    voice_text,
)
from .markdown import columns, speaker_of

_OPEN, _CLOSE = "\x01", "\x02"  # span markers while wrapping; never in article text
_SEP = " │ "
MIN_COLUMN = 24


def render_group(report: Report, g: ClaimGroup, width: int = 100, color: bool = False,
                 position: str = "") -> str:
    """``g`` side by side: a header line, the columns, then the strongest reasons. A conflict
    with a dispute shows the dispute instead of one column per voice: its question, the
    positions side by side, and which outlets carry each, in whose voice."""
    claims, articles = report.claims_by_id(), report.articles_by_id()
    spans = [s for r in g.reasons for s in r.spans]
    head = inert(f"{g.label} {g.id} · confidence {g.confidence:.2f}")
    if position:
        head += f" · {inert(position)}"
    out = [_style(head, color, bold=True, fg="red" if g.label == "conflict" else None)]
    disputes = all_disputes_by_group(report).get(g.id, [])
    for dispute in disputes:  # one per question the conflict answers
        view = layout(report, dispute, claims, articles)
        out += [_style(line, color, bold=True)
                for line in textwrap.wrap(inert(f"Dispute: {dispute.question}"), width)]
        cw = _fit(len(view.positions), width)[1]
        cells = [_cell(_position_head(p, cw), p.claims, articles, spans, cw, color)
                 for p in view.positions]
        out += _side_by_side(cells, width)
        out += _outlet_table(view, width)
        if len(disputes) > 1 and dispute.reasons:  # which conflict this question rests on
            top = dispute.reasons[0]
            line = inert(f"because: {top.type} ({top.weight:.2f}): {top.detail}")
            out += textwrap.wrap(line, width, subsequent_indent="  ") or [line]
    if not disputes:
        cols = columns(g, claims, articles)
        cw = _fit(len(cols), width)[1]
        out += _side_by_side([_cell(textwrap.wrap(inert(col.voice.upper()), cw) or [""],
                                    col.claims, articles, spans, cw, color)
                              for col in cols], width)
    out.append("─" * min(width, 40))
    shown, rest = top_reasons(g.reasons)
    for r in shown:
        quoted = ", ".join(f"“{t}”" for t in dict.fromkeys(s.text for s in r.spans if s.text))
        line = inert(f"• {r.type} ({r.weight:.2f}): {r.detail}" + (f" — {quoted}" if quoted
                                                                    else ""))
        out += textwrap.wrap(line, width, subsequent_indent="  ") or [line]
    if rest:
        out.append(f"  ({len(rest)} more reason{'s' if len(rest) > 1 else ''})")
    if g.verdict:
        v = g.verdict
        note = f" — {v.note}" if v.note else ""
        out.append(inert(f"reviewed: {v.decision} by {v.reviewer} at {v.at}{note}"))
    return "\n".join(out) + "\n"


def _fit(n: int, width: int) -> tuple[int, int]:
    """How many of ``n`` columns fit in a row of ``width``, and each one's width."""
    per_row = max(1, min(n, (width + len(_SEP)) // (MIN_COLUMN + len(_SEP))))
    return per_row, max(MIN_COLUMN, (width - len(_SEP) * (per_row - 1)) // per_row)


def _side_by_side(cells: Sequence[list[str]], width: int) -> list[str]:
    """Columns of lines (each already wrapped to ``_fit``'s width) laid out side by side."""
    if not cells:
        return []
    per_row, cw = _fit(len(cells), width)
    out = []
    for k in range(0, len(cells), per_row):
        row = cells[k : k + per_row]
        out.append("─" * min(width, cw * len(row) + len(_SEP) * (len(row) - 1)))
        for parts in zip_longest(*row, fillvalue=""):
            out.append(_SEP.join(_pad(p, cw) for p in parts).rstrip())
    return out


def _position_head(p: PositionView, width: int) -> list[str]:
    held = ", ".join(p.holders) or "no one named"
    return (textwrap.wrap(inert(f"{p.letter} · {p.label}"), width)
            + textwrap.wrap(inert(f"held by: {held}"), width))


def _outlet_table(view: DisputeView, width: int) -> list[str]:
    """Rows = outlets, columns = positions, cells = voice; one line per outlet when narrow."""
    if not view.rows:
        return []
    n = len(view.positions)
    ow = min(24, max(10, width // 4))
    pw = (width - ow - len(_SEP) * n) // max(n, 1)
    out = ["─" * min(width, 40)]
    if pw < 12:  # too many positions for the width: one line per outlet
        for r in view.rows:
            cells = "; ".join(f"{p.letter} {voice_text(c)}"
                              for p, c in zip(view.positions, r.cells, strict=True))
            out += textwrap.wrap(inert(f"{r.outlet}: {cells}"), width, subsequent_indent="  ")
        return out
    rows = [["outlet", *(p.letter for p in view.positions)]]
    rows += [[r.outlet + (f" ({r.source})" if r.source else ""),
              *(voice_text(c) for c in r.cells)] for r in view.rows]
    for row in rows:
        wrapped = [textwrap.wrap(inert(row[0]), ow) or [""]]
        wrapped += [textwrap.wrap(inert(t), pw) or [""] for t in row[1:]]
        for parts in zip_longest(*wrapped, fillvalue=""):
            line = _SEP.join([parts[0].ljust(ow), *(p.ljust(pw) for p in parts[1:])])
            out.append(line.rstrip())
    return out


def _cell(head: list[str], members: Sequence[Claim], articles: dict[str, Article],
          spans: Sequence[Span], width: int, color: bool) -> list[str]:
    """One column's lines: its head, then each claim as ``speaker (stance): content``, the
    article named before each run of its claims."""
    lines = list(head)
    voice = head[0] if head else ""
    shown = None
    for c in members:
        a = articles.get(c.article_id)
        outlet = a.source if a else c.article_id
        where = (outlet if outlet.upper() != voice else "") + (f", {a.date}" if a and a.date
                                                               else "")
        if where.strip(", ") and where != shown:  # name the article once per run of its claims
            lines += textwrap.wrap(inert(f"[{where.strip(', ')}]"), width)
        shown = where
        cue = f", {c.cue}" if c.cue else ""
        who = inert(f"{speaker_of(c, a)} ({c.stance}{cue}): ")
        body = who + _marked(c.content, [s for s in spans if s.claim == c.id])
        if not color:
            body = body.replace(_OPEN, "«").replace(_CLOSE, "»")
        lines += _paint(textwrap.wrap(body, width) or [""])
        lines.append("")
    return lines


def _marked(text: str, spans: Sequence[Span]) -> str:
    """``text`` with each span (by offsets, else its first occurrence) between markers."""
    ranges = []
    for s in spans:
        ok = 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
        start = s.start if ok else text.find(s.text) if s.text else -1
        if start >= 0:
            ranges.append((start, start + len(s.text)))
    out, at = [], 0
    for lo, hi in sorted(ranges):
        if lo < at:  # overlaps the previous span: extend it
            lo = at
        if hi <= lo:
            continue
        out += [inert(text[at:lo]), _OPEN, inert(text[lo:hi]), _CLOSE]
        at = hi
    return "".join([*out, inert(text[at:])])


_ON = "\x1b[1;4;33m"  # bold, underlined, yellow
_OFF = "\x1b[0m"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _paint(lines: list[str]) -> list[str]:
    """Span markers to ANSI style, closed at each line end and reopened on the next line."""
    out, inside = [], False
    for line in lines:
        painted = (_ON if inside else "") + line.replace(_OPEN, _ON).replace(_CLOSE, _OFF)
        for ch in line:
            inside = True if ch == _OPEN else False if ch == _CLOSE else inside
        out.append(painted + (_OFF if inside else ""))
    return out


def _pad(line: str, width: int) -> str:
    """Pad ``line`` to ``width`` visible characters (ANSI codes take no room)."""
    return line + " " * max(0, width - len(_ANSI.sub("", line)))


def _style(text: str, color: bool, bold: bool = False, fg: str | None = None) -> str:
    return click.style(text, bold=bold, fg=fg) if color else text
