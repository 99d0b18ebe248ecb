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

from ..records import Article, Claim, ClaimGroup, Report, Span
from ..textsafe import inert
from .markdown import columns, speaker_of

_OPEN, _CLOSE = "\x01", "\x02"  # span markers while wrapping; never in article text
_SEP = " │ "
MIN_COLUMN = 24


def render_group(report: Report, g: ClaimGroup, width: int = 100, color: bool = False,
                 position: str = "") -> str:
    """``g`` side by side: a header line, the columns, then one line per reason."""
    claims, articles = report.claims_by_id(), report.articles_by_id()
    cols = columns(g, claims, articles)
    spans = [s for r in g.reasons for s in r.spans]
    head = inert(f"{g.label} {g.id} · confidence {g.confidence:.2f}")
    if position:
        head += f" · {inert(position)}"
    out = [_style(head, color, bold=True, fg="red" if g.label == "conflict" else None)]
    per_row = max(1, min(len(cols), (width + len(_SEP)) // (MIN_COLUMN + len(_SEP))))
    cw = max(MIN_COLUMN, (width - len(_SEP) * (per_row - 1)) // per_row)
    for k in range(0, len(cols), per_row):
        row = cols[k : k + per_row]
        cells = [_cell(col.voice, col.claims, articles, spans, cw, color) for col in row]
        out.append("─" * min(width, cw * len(row) + len(_SEP) * (len(row) - 1)))
        for parts in zip_longest(*cells, fillvalue=""):
            out.append(_SEP.join(_pad(p, cw) for p in parts).rstrip())
    out.append("─" * min(width, 40))
    for r in g.reasons:
        quoted = ", ".join(f"“{t}”" for t in dict.fromkeys(s.text for s in r.spans if s.text))
        line = inert(f"• {r.type} ({r.weight:.2f}): {r.detail}" + (f" — {quoted}" if quoted
                                                                    else ""))
        out += textwrap.wrap(line, width, subsequent_indent="  ") or [line]
    if g.verdict:
        v = g.verdict
        note = f" — {v.note}" if v.note else ""
        out.append(inert(f"reviewed: {v.decision} by {v.reviewer} at {v.at}{note}"))
    return "\n".join(out) + "\n"


def _cell(voice: str, members: Sequence[Claim], articles: dict[str, Article],
          spans: Sequence[Span], width: int, color: bool) -> list[str]:
    """One column's lines: the voice, then each claim as ``speaker (stance): content``."""
    lines = textwrap.wrap(inert(voice.upper()), width) or [""]
    shown = None
    for c in members:
        a = articles.get(c.article_id)
        outlet = a.source if a else c.article_id
        where = (outlet if outlet != voice else "") + (f", {a.date}" if a and a.date else "")
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
