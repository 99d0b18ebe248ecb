"""Was a truce agreed at all? One claim says the sides agreed (or reached) a ceasefire, the other
that there is no agreement, or denies that one was reached ("Israel and Iran agreed to a phased
ceasefire" / "there was no agreement on any ceasefire"). The ``agreed`` detector: a report and
its rejection in other words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Claim, Reason
from ..detectors import Pair, detector, one_voice, span_of
from ..text import countries

_PEACE = (r"(?:cease-?fires?|truces?|armistice|"
          r"(?:peace|ceasefire|truce)\s+(?:deal|agreement|accord)|(?:deal|agreement)\s+to\s+(?:halt|end|stop)\s+(?:the\s+)?(?:war|fighting|hostilities))")
_YES = lazy(
    rf"\b(?:agreed|agree|agreeing|accepted|accept)\s+(?:to\s+|on\s+)?(?:a\s+|an\s+|the\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?{_PEACE}"
    rf"|\b{_PEACE}\s+(?:[\w-]+\s+){{0,5}}?(?:had\s+been|has\s+been|have\s+been|was|were|is)\s+"
    rf"(?:now\s+)?(?:reached|agreed|struck|sealed|brokered|concluded)\b"
    rf"|\b(?:reached|struck|sealed|concluded)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_PEACE}",
    re.I)
_NO = lazy(
    rf"\bno\s+(?:agreement|deal|accord)\s+(?:on|for|over|about)\s+(?:any\s+|a\s+)?{_PEACE}"
    rf"|\bno\s+{_PEACE}\s+(?:had\s+been|has\s+been|was)\s+(?:reached|agreed)"
    rf"|\b(?:had|has|have|did)\s+not\s+(?:yet\s+)?(?:agreed|agree|accepted|accept)\s+(?:to\s+|on\s+)?"
    rf"(?:a\s+|any\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_PEACE}", re.I)


# "has not agreed", "refused to agree", "neither side agreed", "would agree ... only if".
_NOT_YES = lazy(r"(?:\bnot|\bnever|n['’]t|\brefused\s+to|\bfailed\s+to|\bdeclined\s+to|"
                      r"\bneither\b[\w\s]*|\bnor|\bwould|\bwill|\bcould|\bmight|\bmay)"
                      r"\s+(?:\w+\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Agreed:
    """What a claim says of a truce being agreed: ``yes`` or not, at ``start:end``."""

    yes: bool
    start: int
    end: int


@lru_cache(maxsize=65536)
def _agreed(text: str) -> tuple[Agreed, ...]:
    no = [Agreed(False, m.start(), m.end()) for m in _NO.finditer(text)]
    yes = [Agreed(True, m.start(), m.end()) for m in _YES.finditer(text)
           if not any(n.start <= m.start() < n.end for n in no)
           and not _NOT_YES.search(text[max(0, m.start() - 40):m.start()])
           and not re.match(r"[^.;]{0,60}\bonly\s+if\b", text[m.end():])]
    return tuple(no + yes)


def agreed(c: Claim) -> tuple[Agreed, ...]:
    """Whether the claim says a truce was agreed, as its speaker has it ("X denied that a
    ceasefire had been reached": not agreed)."""
    flip = c.stance == "denies"
    return tuple(Agreed(a.yes != flip, a.start, a.end) for a in _agreed(c.content))


@detector("agreed")
def agreed_or_not(p: Pair) -> Reason | None:
    """One claim says a truce was agreed, the other that it was not, about the same sides."""
    if one_voice(p):
        return None  # one side's line, carried twice
    xs, ys = agreed(p.a), agreed(p.b)
    if not xs or not ys or p.similarity < 0.3:
        return None
    ca, cb = countries(p.a.content), countries(p.b.content)
    if ca and cb and not ca & cb:
        return None  # another truce between other sides
    for x in xs:
        for y in ys:
            if x.yes == y.yes:
                continue
            who = [(p.a, x), (p.b, y)]
            said = "; ".join(f"{holder(c.speaker)}: {'agreed' if v.yes else 'not agreed'}"
                             for c, v in who)
            return Reason("attribution", f"was a truce agreed? — {said}", (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.7)
    return None


__all__ = ["Agreed", "agreed", "agreed_or_not"]
