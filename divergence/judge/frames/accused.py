"""A rejection that names no proposition, and the accusations it rejects: "Rwanda denies the
accusations" / "Kinshasa accuses Rwanda of backing the rebels"; "Kyiv rejected the Russian
accusations as lies" / "Putin alleged that people in Ukraine had readied an escape route". The
``accused`` detector. A rejection that states what it rejects ("denied claims that P") is read by
attribution as the denial of P and needs no frame; this one rests on who is accused.

The rejector must be a country or a named party (not "the ministry"): that is who the other
claim must accuse, in another voice, with words of accusation or by crediting it with a harm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...records import Claim, Reason
from ..detectors import Pair, detector, norm_actor, span_of, speaker_key
from ..text import countries
from .credit import frame_credits

_CHARGES = (r"(?:accusations?|allegations?|charges|claims?|suggestions?|insinuations?|"
            r"assertions?)")
_REJECT = (r"(?:denie[sd]|deny|denying|rejected|rejects|reject|rejecting|dismissed|dismisses|"
           r"dismissing|refuted|refutes|rebuffed|repudiated|denounced)")
_DET = r"(?:(?:the|these|those|such|all|any|all\s+such|all\s+the|similar)\s+)?"
# Whose charges, before the noun: "the Russian accusations", "Baku's claims", "Western claims".
_WHOSE = r"(?P<whose>(?:[A-Z][\w’'.-]*(?:’s|'s)?\s+){1,2})?(?:[a-z-]+\s+)??"
_FAKE = (r"(?:false|untrue|baseless|groundless|unfounded|lies|a\s+lie|nonsense|absurd|"
         r"fabricat\w+|fake|propaganda|disinformation|slander|ridiculous|stupid|lies)")
# What ends the charge: "accusations of ethnic cleansing", never "claims that P" (read as P).
_OF = r"(?:\s+of\s+(?P<topic>[^,;.]{3,80}?))?"
_REJECTIONS = (
    # "Rwanda denies the accusations"; "X rejected the Armenian accusation of ethnic cleansing"
    re.compile(rf"\b{_REJECT}\s+{_DET}{_WHOSE}{_CHARGES}\b(?!\s+(?:that|about|by)\b){_OF}"
               rf"(?=\s+as\b|\s*[,;.]|\s*$|\s+and\b|\s+(?:on|in|at)\s)"),
    # "X called all claims of Armenian mine-laying false"; "describing such claims as absurd"
    re.compile(rf"\b(?:called|calling|described|describing|branded|branding|termed)\s+{_DET}"
               rf"{_WHOSE}{_CHARGES}{_OF}\s+(?:as\s+)?(?:[a-z]+\s+){{0,2}}?{_FAKE}\b"),
)
# "Accusations that its fighters abused civilians have been rejected by the RSF"
_PASSIVE = re.compile(
    rf"\b(?i:{_CHARGES})\s+(?:(?:that|of)\s+[^;]{{3,160}}?\s+)?(?:have|has|had|were|was)\s+(?:been\s+)?"
    rf"(?:{_REJECT})\s+by\s+(?P<agent>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,4}}"
    r"(?:\s*\([A-Z][A-Z0-9]{1,6}\))?)")
# The subject of the rejecting verb: the clause's first noun phrase, an aside in commas skipped
# ("Kyiv, which has denied ..., rejected").
_SUBJECT = re.compile(r"(?:^|[;:]\s*|\.\s+|\band\s+)(?:(?:However|But|Meanwhile|Separately|In\s+"
                      r"turn),\s*)?(?P<subj>(?:the\s+)?[A-Z][^,;:]{0,60}?)(?:,[^;:]{0,160}?,)?"
                      r"\s+(?:(?:has|have|had|also|again|repeatedly|firmly|flatly|strongly|"
                      r"categorically|swiftly|quickly|later|on\s+\w+day)\s+)*$")
# Words that make a claim an accusation against the party it names.
_ACCUSING = re.compile(
    r"\b(?:accus\w*|blam\w*|alleg\w*|involve\w*|complicit\w*|behind|responsib\w*|"
    r"link(?:ed|s)?\s+to|links?\s+(?:with|between)|role\s+in|hand\s+in|organi[sz]\w*|orchestrat\w*|"
    r"financ\w*|fund(?:ed|ing)|sponsor\w*|masterminded|backs|backed|backing|arm(?:ed|ing|s)\s+"
    r"(?:the|rebels|militias?)|supplied|supplies|support(?:s|ed|ing)|readied|prepared|trained|"
    r"ordered|directed|perpetrat\w*|committed|carried\s+out)\b", re.I)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A rejection of charges against ``accused`` (an actor key), by ``accuser`` when named."""

    accused: str
    accuser: str | None
    topic: str | None
    start: int
    end: int


# Bodies that a capital at the head of a sentence does not make a named party.
_BODIES = frozenset({"police", "ministry", "army", "military", "government", "officials",
                     "authorities", "court", "committee", "officers", "troops", "forces",
                     "prosecutors", "investigators", "rebels", "militants", "residents",
                     "witnesses", "critics", "experts", "analysts", "sources"})


def _key(words: str) -> str | None:
    """A country or a named party as an actor key; None for "the ministry", "Police", "it"."""
    acronym = re.search(r"\(([A-Z][A-Z0-9]{1,6})\)", words)
    if acronym:  # "the Sudan Founding Alliance (TASIS)": the party, not Sudan
        return acronym.group(1).lower()
    found = countries(words)
    if len(found) == 1 and len(re.findall(r"\b[A-Z][a-z]+", words.removeprefix("The "))) <= 2:
        return next(iter(found))
    if found or not re.search(r"\b[A-Z][\w’'.-]+", words.removeprefix("The ")):
        return None
    key = norm_actor(words)
    if not key or key in _BODIES:
        return None
    return key if re.search(rf"\b{re.escape(key)}\b", words, re.I) else None


@lru_cache(maxsize=65536)
def _rejections(text: str, speaker: str | None) -> tuple[Rejection, ...]:
    out = []
    for rx in _REJECTIONS:
        for m in rx.finditer(text):
            subject = _SUBJECT.search(text[:m.start()])
            who = subject.group("subj") if subject else speaker
            accused = _key(who) if who else None
            if accused is None and speaker:
                accused = _key(speaker)
            if accused is None and m.group("topic"):  # "claims of Armenian mine-laying"
                accused = _key(m.group("topic")) if countries(m.group("topic")) else None
            whose = m.group("whose")
            accuser = _key(whose) if whose else None
            if accused and accuser != accused:
                out.append(Rejection(accused, accuser, m.group("topic"), m.start(), m.end()))
    for m in _PASSIVE.finditer(text):
        accused = _key(m.group("agent"))
        if accused:
            out.append(Rejection(accused, None, None, m.start(), m.end()))
    return tuple(out)


def rejections(c: Claim) -> tuple[Rejection, ...]:
    """The charges a claim rejects without stating them, each with who is accused."""
    return _rejections(c.text, c.speaker)


def accuses(c: Claim, who: str) -> bool:
    """Whether a claim accuses ``who`` (an actor key): it names them with words of accusation,
    or credits them with a harm; never a denial, nor one that ``who`` says of itself."""
    if c.stance == "denies" or rejections(c):
        return False
    spk = c.speaker or ""
    if speaker_key(c) == who or who in countries(spk):
        return False
    if any(x.role == "cause" and x.agent == who for x in frame_credits(c)):
        return True
    text = c.content
    for m in _ACCUSING.finditer(text):  # the charge is near the party it names
        near = text[max(0, m.start() - _NEAR):m.end() + _NEAR]
        if who in countries(near) or re.search(rf"\b{re.escape(who)}\b", near, re.I):
            return True
    return False


_NEAR = 50  # characters either side of a word of accusation where the accused must be named


def accused_keys(c: Claim) -> frozenset[str]:
    """The frame keys that pair a bare rejection with the accusations of its story:
    ``accused:KEY`` for a party a claim rejects charges for, ``accuses:KEY`` for one it accuses
    (``group.candidate_pairs`` pairs the first with the second only)."""
    keys = {f"accused:{r.accused}" for r in rejections(c)}
    if keys or c.stance == "denies":
        return frozenset(keys)
    named = {x.agent for x in frame_credits(c) if x.role == "cause" and x.agent}
    if _ACCUSING.search(c.content):
        named |= _parties(c.content)
    return frozenset(f"accuses:{who}" for who in named if accuses(c, who))


def _parties(text: str) -> set[str]:
    """The countries and named parties a text mentions: "Rwanda", "the RSF", "Hamas"."""
    found = set(countries(text))
    for m in _PARTY.finditer(text):
        key = _key(m.group(0))
        if key and key not in found and not (m.start() == 0 and not m.group(0).isupper()):
            found.add(key)
    return found


_PARTY = re.compile(r"\b(?:[A-Z]{2,6}\d*|[A-Z]\d{1,3}|[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b")


@detector("accused")
def accused(p: Pair) -> Reason | None:
    """One voice rejects the charges against a party, another accuses that party: "Rwanda denies
    the accusations" / "Kinshasa accuses Rwanda of backing the rebels". Claims of one story, at
    least 0.3 close; when the rejection names its accuser, the accusing voice must not be
    another known party."""
    if p.similarity < 0.25:
        return None
    for x, y, flip in ((p.a, p.b, False), (p.b, p.a, True)):
        for r in rejections(x):
            if not accuses(y, r.accused):
                continue
            voice = countries(y.speaker) if y.speaker else frozenset()
            if r.accuser and len(voice) == 1 and r.accuser not in voice:
                continue  # "Kyiv rejected the Russian accusations" / what Britain said
            what = f"the charges of {r.topic}" if r.topic else "the charges"
            detail = (f"{r.accused} rejects {what}; {y.speaker or 'the other outlet'} "
                      f"accuses {r.accused}")
            spans = (span_of(x, *_content_span(x, r)), span_of(y, 0, len(y.content)))
            return Reason("attribution", detail, (p.a.id, p.b.id),
                          spans[::-1] if flip else spans, weight=0.6)
    return None


def _content_span(c: Claim, r: Rejection) -> tuple[int, int]:
    """The rejection's offsets in ``c.content`` (the whole content when it lies outside)."""
    at = c.content.find(c.text[r.start:r.end])
    return (at, at + r.end - r.start) if at >= 0 else (0, len(c.content))


__all__ = ["Rejection", "accused", "accused_keys", "accuses", "rejections"]
