"""Contact told and denied: a meeting, a call or advance notice one voice reports and another
says never happened ("Iran gave notice 72 hours beforehand" / "Washington had not been given 72
hours' notice"; "talks with the rebels had never taken place" / "the negotiators sat down for six
hours in Carsa"). The ``contact`` detector: a report and its rejection where the rejection
denies the contact itself, not what was said in it ("did not speak about trade" is about the call's
topic, which ``linkage`` and the negation readers compare). A claim that denies its content
("Lind denied that he met Varga") denies the contact; one that tells a contact and denies it
takes no side.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Claim, Reason
from ...wordlists import word_set
from ..detectors import Pair, detector, one_voice, same_speaker, span_of
from ..gate import Gate
from ..text import clause_start, entities
from .counts import dates_differ

# Contact by kind, as verbs and nouns.
_KINDS = {
    # a meeting with someone, not "meet the deadline"
    "meeting": r"(?:met|meet)(?!\s+(?:the\s+|its\s+|their\s+|a\s+|his\s+|her\s+)?(?:deadline|"
               r"target|demands?|requirements?|criteria|goals?|standards?|obligations?|"
               r"expectations|needs|costs?|conditions|threshold|quota)\b)|meeting|meetings|talks|"
               r"negotiations|negotiated|sat\s+down\s+with|sat\s+down",
    # speaking with or to someone, not "spoke at a rally"
    "call": r"(?:spoke|spoken|speak|talked)(?=(?:\s+[\w'’-]+){0,2}?\s+(?:with|to)\b|\s+by\s+"
            r"(?:phone|telephone))|(?:phone|telephone)\s+(?:call|conversation)s?|"
            r"conversations?|phoned|telephoned",
    "notice": r"(?:advance\s+|prior\s+)?notice|notified|notify|notification|advance\s+warning|"
              r"prior\s+warning|forewarn\w*|heads-up",
}
_ACT = lazy("|".join(rf"(?P<{k}>\b(?:{rx})\b)" for k, rx in _KINDS.items()), re.I)
KINDS = tuple(_KINDS)  # meeting, call, notice
# A negation governing the act: "never met", "had not been given 72 hours' notice", "no talks",
# "neither notified", "denied meeting", "there was no conversation".
_NOT_BEFORE = lazy(
    r"(?:\b(?:not|never|neither|nor|no|without|refused\s+to|failed\s+to|declined\s+to)|n['’]t|"
    r"\bden(?:y|ied|ies|ying))"
    # "there is no doubt that they met", "not only met": no denial
    r"(?!\s+(?:doubt|question|only|surprise|secret)\b)(?:\s+[\w'’-]+){0,4}?\s*$", re.I)
# ... or after it: "talks had never taken place", "the meeting did not happen".
_NOT_AFTER = lazy(
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:(?:had|has|have)\s+)?(?:never|not|did\s+not|didn['’]t|had\s+not|hadn['’]t)\s+"
    r"(?:been\s+)?(?:take[ns]?\s+place|took\s+place|happen(?:ed)?|occur(?:red)?)\b", re.I)
# Its topic, not the contact: "talks on trade did not", "did not speak about trade": a negation
# before "speak about" or "discuss" is of what was said; only a bare contact is denied.
_TOPIC_AFTER = lazy(r"(?:\s+[\w'’-]+){0,2}?\s+(?:about|on|of|over|regarding)\s+"
                          r"(?!the\s+(?:phone|telephone)\b|(?:monday|tuesday|wednesday|thursday|"
                          r"friday|saturday|sunday|\d)|the\s+(?:\d|sidelines|eve)\b)", re.I)
# Reported, not told: "describing media reports of a meeting in Carsa as fabricated".
_REPORTED = lazy(r"\b(?:reports?|claims?|accounts?|rumou?rs?|allegations?|suggestions?|"
                       r"speculation)\s+(?:of|that|about)\s+(?:[\w'’-]+\s+){0,3}?$", re.I)
# Whom a contact was with, when a common noun says it: "met reporters", "spoke to farmers in
# the north", "talked with local leaders" (not "met him", "met the president", "met Varga").
_NOT_WHOM = r"(?!(?:him|her|his|its|hers|them|their|this|these|those|was|is|has)\b)"
_WITH_OTHERS = lazy(rf"(?:\s+[\w'’-]+){{0,2}}?\s+(?:with|to)\s+(?:(?:some|local|foreign|"
                          rf"senior|several|many|the)\s+)?{_NOT_WHOM}(?P<who>[a-z][\w-]*s)\b|"
                          rf"\s+{_NOT_WHOM}(?P<met>[a-z][\w-]*s)\b")
# An order or advice not to: "told his ministers not to speak publicly".
_NOT_TO = lazy(r"\bnot\s+to\s+$", re.I)
# A fear, a plan or a wish is no contact told: "plans to meet", "could speak", "asked for talks".
_NOT_TOLD = lazy(r"\b(?:plan\w*|expect\w*|will|would|could|might|(?-i:may)|hope\w*|want\w*|"
                       r"seek\w*|sought|ask\w*|call\w*\s+for|urg\w*|propos\w*|offer\w*|invit\w*|"
                       r"ready|willing|if|whether|next|upcoming|future|prepar\w*)\b", re.I)
_GATE = Gate(_ACT)


class Contact(NamedTuple):
    """One contact a claim tells of: its kind, whether the claim says it did not happen, and
    its span."""

    kind: str
    negated: bool
    start: int
    end: int
    others: bool = False  # with people named by a common noun: "met reporters", "spoke to farmers"


@lru_cache(maxsize=65536)
def contacts(text: str) -> tuple[Contact, ...]:
    """The meetings, calls and notices ``text`` tells of or denies; those planned, sought or
    feared ("plans to meet", "asked for talks"), only reported ("reports of a meeting") and
    those qualified by a topic ("did not speak about trade") are left out."""
    if not _GATE.opens(text):
        return ()
    out = []
    for m in _ACT.finditer(text):
        kind = next(k for k in _KINDS if m.group(k))
        cut = clause_start(text, m.start())
        if _NOT_TOLD.search(text, cut, m.start()):
            continue
        before = text[cut:m.start()]
        if _NOT_TO.search(before) or _REPORTED.search(before):
            continue
        negated = bool(_NOT_BEFORE.search(before) or _NOT_AFTER.match(text, m.end()))
        if negated and kind != "notice" and _TOPIC_AFTER.match(text, m.end()):
            continue  # "did not speak about trade": the topic is denied, not the call ("no
            # notice of the test" is notice of it)
        others = bool(kind != "notice" and _WITH_OTHERS.match(text, m.end()))
        out.append(Contact(kind, negated, m.start(), m.end(), others))
    return tuple(out)


_GENERIC = word_set("generic_actors")
_AT = lazy(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=65536)
def parties(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The names a claim gives (a possessive, "Halloran's deputy", names no party; nor a
    generic actor, "the Government") and, of them, the places ("in Carsa")."""
    names, places = set(), set()
    for e in entities(text):
        if text[e.end:e.end + 2] in ("'s", "’s") or _ACT.fullmatch(e.text) or e.key in _GENERIC:
            continue  # "Talks with the rebels" opening a sentence, "Government" are no names
        names.add(e.key)
        if _AT.search(text, max(0, e.start - 12), e.start):
            places.add(e.key)
    return frozenset(names), frozenset(places)


def asked(kind: str) -> str:
    """How a contact reason begins: "did the meeting happen?" (``group.disputes.question``
    asks its own question by it)."""
    return f"did the {kind} happen?"


# How close a contact told and one denied must be (cosine): a denial words it apart ("talks had
# never taken place" / "the negotiators sat down for six hours in Carsa": 0.30).
FLOOR = 0.25


def claim_contacts(c: Claim) -> tuple[Contact, ...]:
    """The contacts a claim tells of or denies: its content's, each the other way round when
    the claim denies its content ("Lind denied that he met Varga" denies the meeting)."""
    got = contacts(c.content)
    if c.stance != "denies":
        return got
    return tuple(x._replace(negated=not x.negated) for x in got)


def contact_keys(c: Claim) -> frozenset[str]:
    """``nocontact:KIND`` for each contact a claim denies, ``contact:KIND`` for each it tells:
    candidate pairs join the few of the first to the second."""
    return frozenset(f"{'nocontact' if x.negated else 'contact'}:{x.kind}"
                     for x in claim_contacts(c))


@detector("contact")
def contact(p: Pair) -> Reason | None:
    """One voice tells a meeting, call or notice that another says never happened: the same
    kind of contact, a name both give (and, where both name people, one of those: "Halloran's
    deputy, Orre, attended" is not Halloran), not a contact told with people a common noun
    names against one denied with a named party ("Lind met reporters" / "Lind has never met
    Varga"), the same day if both give one, claims from cosine ``FLOOR``, of two speakers or a
    speaker and an outlet."""
    if one_voice(p) or p.similarity < FLOOR or same_speaker(p.a, p.b) and p.a.speaker:
        return None
    xs, ys = claim_contacts(p.a), claim_contacts(p.b)
    if not xs or not ys or dates_differ(p.a.content, p.b.content):
        return None
    (na, pa), (nb, pb) = parties(p.a.content), parties(p.b.content)
    shared = na & nb
    if not shared or (na - pa and nb - pb and not (na - pa) & (nb - pb)):
        return None  # no name in common, or other people ("Halloran" / "his deputy Orre")
    for x in xs:
        for y in ys:
            if x.kind != y.kind or x.negated == y.negated:
                continue
            if any({c.negated for c in cs if c.kind == x.kind} == {True, False}
                   for cs in (xs, ys)):
                continue  # a claim that tells it and denies it tells both sides
            said, denier = (x, (nb, pb)) if y.negated else (y, (na, pa))
            if said.others and len(denier[0] - denier[1]) >= 2:
                continue  # "Lind met reporters" / "Lind has never met Varga": other people
            return Reason("attribution", f"{asked(x.kind)} — "
                          f"{holder(p.a.speaker)}: {'no' if x.negated else 'yes'}; "
                          f"{holder(p.b.speaker)}: {'no' if y.negated else 'yes'} "
                          f"({', '.join(sorted(shared))})", (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.7)
    return None


__all__ = ["FLOOR", "KINDS", "Contact", "asked", "claim_contacts", "contact", "contact_keys",
           "contacts", "parties"]
