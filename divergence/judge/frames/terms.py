"""On terms or for nothing: one voice says a deed was done in return for something ("freed the
sailors in return for Vellmar dropping its complaint", "as part of a deal that lifted the ban",
"after the employer paid a ransom"), another that it was done with nothing in return ("the
release was unconditional", "no strings attached", "no money changed hands", "nobody had promised
her anything"). The ``terms`` detector: issue 10's linkage kind where the link in dispute is a
bargain. A claim that tells both (the deal and its denial) takes no side.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Claim, Reason
from ..detectors import Pair, detector, one_voice, same_speaker, span_of
from ..gate import Gate
from ..text import NUMBER_WORDS, clause_start
from .counts import dates_differ
from .involved import names
from .reasons import ACT_STEMS, act_stems

_DEAL = (r"(?:deal|bargain|swap|exchange|arrangement|agreement|understanding|trade-off|"
         r"quid\s+pro\s+quo)")
# A deed done on terms.
_ON_TERMS = lazy(
    rf"\bin\s+(?:return|exchange)\s+for\b|\bas\s+part\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_DEAL}\b|\bunder\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}\b|"
    r"\bpaid\s+(?:a|the)\s+(?:[\w$.,-]+\s+){0,3}?ransom\b|"
    r"\b(?:only\s+(?:once|after)|once)\s+(?!(?:both|the\s+two|all)\s+(?:sides|parties)\b)"
    r"(?:[\w'’-]+\s+){1,8}?(?:agreed|conceded|promised|pledged|committed|paid|offered|granted|"
    r"undertook)\b|"
    # plain "after" tells time unless what was agreed is a concession ("after the ministry agreed
    # to fund a hospital"; not "after the court agreed to hear the appeal")
    r"\bafter\s+(?!(?:both|the\s+two|all)\s+(?:sides|parties)\b)(?:[\w'’-]+\s+){1,6}?(?:agreed|"
    r"promised|pledged|committed)\s+(?:in\s+writing\s+)?to\s+(?:free|release|return|drop|withdraw|"
    r"lift|pay|fund|suspend|halt|end|call\s+off|hand|give|grant|reinstate|reopen|stop|buy|"
    r"purchase|sell|selling|testify|step|leave|stay|recognise|recognize|cut|raise|(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:rise|increase|raise|amnesty|concession|payment|subsidy|swap|"
    r"exchange))\b|"
    r"\bafter\s+(?:[\w'’-]+\s+){1,6}?paid\s+(?:a|the)\s+(?:[\w$.,-]+\s+){0,3}?(?:ransom|fine|"
    r"bribe)\b|\bafter\s+(?:[\w'’-]+\s+){1,6}?promised\s+(?:them|him|her|it)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:rise|increase|raise|amnesty|concession|payment|subsidy)\b|"
    r"\bon\s+condition\s+that\b|\bconditional\s+on\b|\bsecured\s+by\s+(?:promising|offering|"
    r"paying)\b|\bsweetened\s+by\b|\bquid\s+pro\s+quo\s+for\b|\btraded\s+for\b|"
    r"\bbought\s+with\b|\b(?:tied|linked|connected)\s+to\s+(?:a|the|any)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_DEAL}", re.I)
# A deed done for nothing: terms denied.
_FOR_NOTHING = lazy(
    r"(?<!\bnot\s)\b(?:(?:was|were|is|are|be|been|being)\s+(?:entirely\s+|completely\s+|"
    r"totally\s+)?unconditional|unconditionally|an\s+unconditional\s+(?:release|gesture|pardon|"
    r"decision|handover|withdrawal))\b|\bno\s+(?:strings|conditions|preconditions|guarantees|"
    r"concessions?|quid\s+pro\s+quo|ransom)\b|\bwithout\s+(?:any\s+)?(?:conditions|"
    r"preconditions|guarantees|strings|concessions|anything\s+in\s+return|(?:any\s+)?[\w-]+\s+"
    r"[\w-]+\s+being\s+offered)\b|\bnothing\s+(?:was\s+|had\s+been\s+)?(?:asked|offered|given|"
    r"promised|demanded)\b|\bno\s+money\s+changed\s+hands\b|\b(?:nobody|no\s+one)\s+(?:had\s+)?"
    r"(?:offered|promised)\b|\bnot\s+(?:as\s+)?part\s+of\s+any\s+(?:[\w-]+\s+)?(?:deal|bargain|"
    r"arrangement)\b|\b(?:not|never)\s+linked\s+to\s+any\s+(?:[\w-]+\s+)?(?:deal|arrangement|"
    r"bargain)\b|\bno\s+(?:pay\s+|cash\s+)?offer\b|\bof\s+(?:my|his|her|its|their)\s+own\s+free"
    r"\s+will\b|\bsigned\s+no\s+pledge\b|\ba\s+unilateral\s+decision\b|"
    r"\bno\s+[\w-]+\s+(?:had\s+been\s+|was\s+)?(?:offered|sought)\s+(?:or\s+sought\s+)?in\s+"
    r"(?:exchange|return)\b|"
    r"\bno\s+(?:[\w-]+\s+){0,2}?(?:bargain|deal|promises?|concessions?|inducements?|"
    r"commitments?|arrangements?|offers?|posts)\b(?:\s+[\w-]+){0,6}?\s+(?:struck|made|offered|"
    r"sought|given|discussed|attached|asked|demanded)\b|"
    r"\bwithout\s+(?:(?:winning|securing|receiving|asking\s+for|getting|obtaining)\s+)?(?:any(?:"
    r"thing)?\s+)?(?:[\w-]+\s+){0,2}?(?:promises?|offers?|payments?|concessions?|penalty|"
    r"anything|return)\b|\bnothing\s+(?:whatsoever\s+)?(?:expected\s+)?in\s+return\b|"
    r"\bsought\s+nothing\b|\bof\s+(?:its|their|his|her)\s+own\s+accord\b|\bon\s+principle\b|"
    r"\bpurely\s+humanitarian\b|\bunilateral\s+(?:humanitarian\s+)?(?:act|decision|gesture|move)\b|"
    r"\bgoodwill\s+gesture\b|\bon\s+(?:the|its|their)\s+merits\b|\b(?:decided|backed|chose|"
    r"given|agreed)\s+freely\b|\bfreely\s+(?:decided|chosen|given)\b|"
    r"\bnot\s+(?:been\s+)?(?:conditional\s+on|tied\s+to|linked\s+to|bought\s+with|connected\s+to|"
    r"(?:as\s+)?part\s+of|in\s+(?:exchange|return)\s+for)\b", re.I)
# A bargain's cue under a negation in its clause ("no promises were made in exchange for",
# "was not tied to any deal") tells a deed done for nothing.
_NEGATED = lazy(r"\b(?:no|not|never|nothing|without|none)\b|n['’]t\b", re.I)
# ... and words that make a bargain offered, asked for or possible, not struck: "could release
# the nurses in exchange for food", "is demanding ... in return for", "has offered to".
_UNDONE = lazy(r"\b(?:could|may|might|would|demand\w*|offer(?:ed|s|ing)?\s+to|willing|"
                     r"propos\w*|seek\w*|sought|wants?|wanted|ready\s+to|if|whether|calls?\s+for|"
                     r"urged?)\b", re.I)
_GATE = Gate(_ON_TERMS, _FOR_NOTHING)


class Terms(NamedTuple):
    """Whether a claim tells a deed done on terms (``bargain``) and the span that says so."""

    bargain: bool
    start: int
    end: int


@lru_cache(maxsize=65536)
def terms(text: str) -> tuple[Terms, ...]:
    """The cues in ``text`` of a deed done on terms or for nothing."""
    if not _GATE.opens(text):
        return ()
    free = [Terms(False, m.start(), m.end()) for m in _FOR_NOTHING.finditer(text)]
    on = [Terms(not _NEGATED.search(text, clause_start(text, m.start()), m.start()), m.start(),
                m.end()) for m in _ON_TERMS.finditer(text)
          if not any(f.start <= m.start() < f.end for f in free)
          and not _UNDONE.search(text, 0, m.start())]
    return tuple(sorted([*on, *free], key=lambda t: t.start))


def claim_terms(c: Claim) -> Terms | None:
    """The one side a claim takes, as its voice holds it; None for none or both. A claim that
    denies its content ("denied that the pardon came with conditions") takes the other side."""
    got = terms(c.content)
    if not got or len({t.bargain for t in got}) > 1:
        return None
    side = got[0]
    return side._replace(bargain=not side.bargain) if c.stance == "denies" else side


FLOOR = 0.25  # cosine at which two claims may tell one deed
# How a ``terms`` reason begins (``group.asking.question`` asks its own question by it).
ON_TERMS = "on what terms?"


def terms_keys(c: Claim) -> frozenset[str]:
    """``terms:deal`` for a claim that tells a deed done on terms, ``noterms:deal`` for one done
    for nothing (paired one with the other)."""
    side = claim_terms(c)
    return frozenset() if side is None else frozenset(
        {"terms:deal" if side.bargain else "noterms:deal"})


_NUMBER = lazy(r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"fifteen|twenty|thirty|forty|fifty|hundred)\b", re.I)


def _one_deed(p: Pair) -> bool:
    """Two claims of one deed: a content word in common (an act alone only when the claims are
    close), no two days, no two sets of numbers ("freed 12 prisoners" / "the release of 30
    inmates"), no two sets of names ("its Lirrow plant" / "its Dunmere plant")."""
    if dates_differ(p.a.content, p.b.content):
        return False
    na, nb = ({str(NUMBER_WORDS.get(n.lower(), n.replace(",", ""))) for n in
               _NUMBER.findall(c.content)}
              for c in (p.a, p.b))  # "12 prisoners" / "twelve prisoners": one number
    if na and nb and not na & nb:
        return False
    ma, mb = (names(c.content, places=True) for c in (p.a, p.b))
    if ma and mb and not ma & mb:
        return False  # "its Lirrow plant" / "its Dunmere plant"
    if na & nb:
        return True  # "the release of 200 protesters" / "the 200 jailed demonstrators"
    wa, wb = _words(p.a.content), _words(p.b.content)
    return bool(wa & wb - ACT_STEMS) or bool(wa & wb) and (p.similarity >= 0.6 or bool(ma & mb))
    # an act alone ("freed three sailors" / "the release of a journalist") is one deed only
    # when the claims are close or name one place


def _words(text: str) -> frozenset[str]:
    """A text's words that are not names, cut to five letters, an act in other verbs as one
    ("freed" / "the release"; ``reasons.act_stems``): two deeds of one pair of countries
    ("lifted its ban on Brennic fruit" / "lifted sanctions on Brennic shipping") share only
    names."""
    return act_stems(" ".join(w for w in re.findall(r"(?<![\w'’-])[a-z][\w'’-]{2,}", text)
                              if w not in _PLAIN))


_PLAIN = frozenset({"the", "and", "was", "were", "for", "that", "with", "said", "has", "had",
                    "have", "its", "their", "his", "her", "not", "but", "from", "this", "been",
                    "any", "all", "who", "which", "after", "only", "once", "under", "part",
                    "deal", "return", "exchange", "nothing", "conditions", "unconditional"})


@detector("terms")
def bargained(p: Pair) -> Reason | None:
    """One voice tells a deed done in return for something, another says nothing was given or
    asked for it: two speakers (or a speaker and an outlet), from cosine ``FLOOR``, one deed."""
    if one_voice(p) or p.similarity < FLOOR or same_speaker(p.a, p.b) and p.a.speaker:
        return None
    x = claim_terms(p.a)
    y = claim_terms(p.b) if x is not None else None
    if x is None or y is None or x.bargain == y.bargain or not _one_deed(p):
        return None
    who = "; ".join(f"{holder(c.speaker)}: {'on terms' if t.bargain else 'for nothing'}"
                    for c, t in ((p.a, x), (p.b, y)))
    return Reason("linkage", f"{ON_TERMS} — {who}", (p.a.id, p.b.id),
                  (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)), weight=0.7)


__all__ = ["FLOOR", "ON_TERMS", "Terms", "bargained", "claim_terms", "terms", "terms_keys"]
