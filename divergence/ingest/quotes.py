"""Quotations that run over more than one sentence: every sentence inside is the speaker's.

``“The bridge was destroyed by our enemies. We had nothing to do with it,” he said.`` is split
into two claims; only the second names a speaker, and the first was left in the outlet's own
voice, as if the outlet stated it. Likewise a quotation that opens right after an attributed
one (``“…,” Kell told reporters. “Every one of the dead was carrying a rifle.”``) goes on in the
same voice, as news copy writes it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..records import Claim
from .quoted import first_person

# A paragraph: quotation marks are matched inside one (a quote that runs on into the next
# paragraph reopens there, and is then read as a continuation).
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_OPENS = "“\""
_CLOSES = "”\""


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in ``text``, its marks included: curly marks paired in
    order, straight ones alternating, both within a paragraph; an unclosed one runs to the
    paragraph's end."""
    out = []
    for para in _PARAGRAPH.finditer(text):
        start: int | None = None
        for k in range(para.start(), para.end()):
            ch = text[k]
            if start is None and ch in _OPENS:
                start = k
            elif start is not None and ch in _CLOSES and (ch == "”" or text[start] == "\""):
                out.append((start, k + 1))
                start = None
        if start is not None:
            out.append((start, para.end()))
    return out


def carry_quoted_speakers(text: str, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` (one article's, in order) with a speaker given to each unattributed claim
    inside a quotation that another claim attributes, or opening a quotation right after an
    attributed quotation (nothing but space between them)."""
    spans = quotations(text)
    if not spans:
        return list(claims)
    starts = [a for a, _ in spans]  # in order: the quotation a claim may sit in, by bisection
    out = list(claims)
    for n, c in enumerate(out):
        if c.speaker:
            continue
        donor = None
        k = bisect_right(starts, c.start) - 1
        inside = spans[k] if k >= 0 and c.end <= spans[k][1] + 1 else None
        if inside is not None:  # another sentence of the same quotation names who said it
            a, b = inside
            donor = next((d for d in (*out[n + 1:n + 6], *reversed(out[max(0, n - 5):n]))
                          if d.speaker and d.start < b + 2 and d.end > a and d.cue), None)
        if donor is None and n and c.text[:1] in _OPENS:  # a quotation that goes on
            prev = out[n - 1]
            if (prev.speaker and prev.cue and not text[prev.end:c.start].strip()
                    and any(ch in prev.text for ch in _CLOSES)):
                donor = prev
        if donor is not None:  # "we" in it is the speaker's side, as in the donor's sentence
            said = first_person(c.content, donor.speaker, f"{c.text} {donor.text}")
            out[n] = replace(c, speaker=donor.speaker, cue=donor.cue, stance="asserts",
                             proposition=said if said != c.content else c.proposition)
    return out
