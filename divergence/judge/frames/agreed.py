"""Was a truce agreed at all? One claim says the sides agreed (or reached) a ceasefire, the other
that there is no agreement, or denies that one was reached ("Israel and Iran agreed to a phased
ceasefire" / "there was no agreement on any ceasefire"). The ``agreed`` detector: a report and
its rejection in other words. Also any other deal on one subject ("the two ministers signed a
memorandum on fisheries" / "no fisheries memorandum was signed"; "reached an agreement on
transit fees" / "failed to agree on transit fees"): ``deals``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Claim, Reason
from ..detectors import Pair, detector, one_voice, span_of
from ..text import countries, token_set

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


# A deal of any kind, what is done to make one, and what keeps it from having been made.
_DEAL = (r"(?:agreements?|deals?|accords?|memorand(?:um|a)|treat(?:y|ies)|pacts?|"
         r"communiqu[eé]s?|declarations?)")
_MADE = (r"(?:reached|struck|sealed|concluded|signed|inked|adopted|clinched|agreed|"
         r"finali[sz]ed)")
_MAKE = r"(?:agree|sign|reach|adopt|conclude|seal|strike|finali[sz]e)"
# What a deal is on: up to a place, a time or who made it ("on grain quotas in Warsaw").
_TOPIC = (r"(?P<topic>(?:(?!(?:in|at|during|after|before|by|with|between|but|and|as|when|for|from|"
          r"which|that|while|until|since|saying|leaving|adding)\b)[\w'’-]+\s*){1,6})")
_ON = rf"(?:\s+(?:on|over|to|for|about)\s+{_TOPIC})?"
_WAS = r"(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+"
_REST = r"[^,;.]{0,40}?\s"  # "the agreement on X in Ceuta (was reached)"
# "no nuclear agreement was signed", "no agreement was reached on X", "there was no deal on X";
# "the planned memorandum was not signed"; "failed to agree on X", "did not sign a deal on X".
_NO_DEAL = tuple(lazy(rx, re.I) for rx in (
    rf"\bno\s+(?P<pre>(?:[\w'’-]+\s+){{0,3}}?){_DEAL}{_ON}"
    rf"(?:\s+{_WAS}(?:ever\s+|yet\s+|formally\s+)?{_MADE}\b{_ON.replace('topic', 'topic2')})?",
    rf"\b{_DEAL}{_ON}{_REST}(?:was|were|had|has|have)\s+(?:not|never)\s+(?:been\s+)?"
    rf"(?:formally\s+)?{_MADE}\b",
    rf"\b(?:(?:failed|unable|refused|declined)\s+to|(?:did|do|does|had|has|have)\s+not"
    rf"(?:\s+yet)?|never)\s+{_MAKE}(?:d|ed)?\s+(?:on\s+|to\s+|upon\s+)?{_TOPIC}"))
# "signed a framework agreement on X", "the agreement on X was reached", "agreed to reopen X".
_YES_DEAL = tuple(lazy(rx, re.I) for rx in (
    rf"\b{_MADE}\s+(?:a|an|the|their|its|this)\s+(?P<pre>(?:[\w'’-]+\s+){{0,3}}?){_DEAL}\b{_ON}",
    rf"\b{_DEAL}{_ON}{_REST}{_WAS}(?:formally\s+|finally\s+|jointly\s+|now\s+)?{_MADE}\b",
    rf"\bagreed\s+(?:on|to|upon)\s+{_TOPIC}"))
# Words of any deal, its making or its parties: they tell no subject.
_NO_SUBJECT = frozenset({"agreement", "agreements", "deal", "deals", "accord", "accords", "pact",
                         "pacts", "agree", "agreed", "sign", "signed", "reach", "reached", "new",
                         "planned", "proposed", "framework", "final", "formal", "bilateral",
                         "landmark", "sides", "both", "countries", "governments", "leaders",
                         "ministers", "officials", "talks", "meeting", "summit", "visit"})


@dataclass(frozen=True, slots=True)
class Deal:
    """A deal a claim says was made (``yes``) or not, on a subject (its words' stems), at
    ``start:end``."""

    yes: bool
    subject: frozenset[str]
    start: int
    end: int


def _subject(m: re.Match[str]) -> frozenset[str]:
    """The stems (five letters) of the words a deal is said to be on, and of the words before
    its noun ("a nuclear agreement", "the joint communique"), but words of any deal."""
    words = " ".join(m.group(g) or "" for g in ("pre", "topic", "topic2")
                     if g in m.re.groupindex)
    deal = re.search(_DEAL, m.group(0), re.I)
    if deal and not re.fullmatch(r"agreements?|deals?|accords?|pacts?", deal.group(0), re.I):
        words += " " + deal.group(0)  # "a communique", "a memorandum": a kind of its own
    return frozenset(w[:5] for w in token_set(words) if len(w) > 3 and w not in _NO_SUBJECT)


@lru_cache(maxsize=65536)
def _deals(text: str) -> tuple[Deal, ...]:
    no = [Deal(False, _subject(m), m.start(), m.end()) for rx in _NO_DEAL
          for m in rx.finditer(text)]
    yes = [Deal(True, _subject(m), m.start(), m.end()) for rx in _YES_DEAL
           for m in rx.finditer(text)
           if not any(n.start <= m.start() < n.end or m.start() <= n.start < m.end()
                      for n in no)
           and not _NOT_YES.search(text[max(0, m.start() - 40):m.start()])
           and not re.match(r"[^.;]{0,60}\bonly\s+if\b", text[m.end():])]
    return tuple(d for d in no + yes if d.subject)


def deals(c: Claim) -> tuple[Deal, ...]:
    """The deals a claim says were made or not, as its speaker has it ("X denied that any
    agreement on Y had been reached": not made)."""
    flip = c.stance == "denies"
    return tuple(Deal(d.yes != flip, d.subject, d.start, d.end) for d in _deals(c.content))


@detector("agreed")
def agreed_or_not(p: Pair) -> Reason | None:
    """One claim says a truce was agreed, the other that it was not, about the same sides."""
    if one_voice(p):
        return None  # one side's line, carried twice
    if p.similarity < 0.3:
        return None
    ca, cb = countries(p.a.content), countries(p.b.content)
    if ca and cb and not ca & cb:
        return None  # another truce between other sides
    xs, ys = agreed(p.a), agreed(p.b)
    if not xs or not ys:
        return _deal_made_or_not(p)
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


def _deal_made_or_not(p: Pair) -> Reason | None:
    """One claim says a deal on a subject was made, the other that none was: a word of its
    subject shared, about the same sides."""
    for x in deals(p.a):
        for y in deals(p.b):
            if x.yes == y.yes or not x.subject & y.subject:
                continue
            said = "; ".join(f"{holder(c.speaker)}: {'made' if v.yes else 'not made'}"
                             for c, v in ((p.a, x), (p.b, y)))
            return Reason("attribution", f"was the deal made? — {said}", (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.7)
    return None


__all__ = ["Agreed", "Deal", "agreed", "agreed_or_not", "deals"]
