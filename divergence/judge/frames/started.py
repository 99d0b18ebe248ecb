"""Who started it, in the forms the cause verbs of ``credit`` do not read: "X fired first", "X
was the first to open fire", "the clashes began when X fired on ...", "the unrest was started by
X", "X started the feud", "Y only returned fire after X's guns opened up". Each is a
``starter`` credit, which ``responsibility`` compares across two claims
of one fight ("the patrol opened fire first" / "the clashes began when the guards fired")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..credits import Credit
from ..text import norm_actor

# What one side started: "started the war", "fired first" (a fight, not a harm with a name).
FIGHT = re.compile(r"\b(?:war|fighting|conflict|clashes|hostilities|violence|escalation|"
                   r"battle|skirmish\w*|exchange\s+of\s+fire|first\s+(?:shots?|salvo)|feud|row|"
                   r"standoff|unrest|shelling|truce|ceasefire|(?:fired|struck|attacked|"
                   r"shot|opened\s+fire|returned\s+fire)(?:\s+\w+){0,4}\s+first|"
                   r"returned\s+fire|retaliation)\b", re.I)
# Words that open a clause with a capital and name no one ("After Qatari mediation, ..."): for
# the agents ``credit`` reads.
NOT_NAME_START = (r"(?!(?:After|Following|Through|With|Thanks|Under|Despite|Before|Since|When|"
                  r"While|Once|If|As|In|On|At|By|For|From|But|And|Yet|So|Only|Even)\s)")
# Where a subject may begin: a clause's start ("..., the patrol opened fire first"); and the
# subject, up to six words (``subject_key`` reads who it names). Shared with ``asked``.
CLAUSE_START = r"(?:^|(?<=, )|(?<=; )|(?<=: )|(?<=that )|(?<=and ))"
SUBJECT = r"(?P<who>(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
_FIGHTS = (r"clashes|fighting|war|feud|row|dispute|standoff|conflict|unrest|violence|crisis|"
           r"shelling|hostilities|battle|skirmish\w*|riots?|protests?|exchange\s+of\s+fire")
# Hostile acts that start a fight ("the shelling started when most residents returned home"
# names no one who started it).
_ACTED = (r"(?:fired|shot|struck|attacked|shelled|stormed|raided|killed|seized|crossed|set\s+fire|"
          r"threw|stole|expelled|opened\s+fire|opened\s+up|bombed|invaded|ambushed|rammed)")
# "first" as the adverb of who acted first, not "their first drone attack", "the first time".
_FIRST = r"\bfirst\b(?=\s*(?:[,.;]|$)|\s+(?:and|on|in|at|after|before|with|when|against|near)\b)"
_STARTERS = tuple(re.compile(rx) for rx in (
    # "the Dravian patrol opened fire first", "Marrak forces violated the truce first"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+)?(?:fired|opened\s+fire|struck|"
    rf"attacked|shot|shelled|violated|broke|breached|crossed|expelled)\b[^.;]{{0,50}}?{_FIRST}",
    # "police were the first to open fire"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:was|were)\s+the\s+first\s+to\s+(?:open\s+fire|fire|attack|"
    rf"strike|shoot|break|violate|breach|cross)\b",
    # "the clashes began when border guards fired on a patrol" (a fight: not "the talks began
    # when the delegations arrived")
    rf"\b(?:{_FIGHTS})\b[^.;]{{0,200}}?\b(?:began|started|erupted|broke\s+out|was\s+(?:triggered|"
    rf"sparked)|were\s+(?:triggered|sparked))\s+when\s+{SUBJECT}\s+{_ACTED}\b",
    # "the unrest was started by students", "the line was first crossed by Marrak units"
    r"\b(?:was|were)\s+(?:first\s+)?(?:begun|started|provoked|triggered|sparked|initiated|"
    r"crossed|breached|violated|broken)\s+by\s+(?P<who>(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"[\w’'-]+)(?=\s*[,.;]|\s+(?:who|which|that|and|in|on|at|after|before|when)\b|$)",
    # "the Rumo clan started the feud", "Korvia provoked the naval standoff"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:started|began|provoked|triggered|sparked|launched)\s+"
    rf"(?:the\s+|this\s+|a\s+)?(?:[\w-]+\s+){{0,3}}?(?:feud|row|clashes|fighting|war|dispute|standoff|conflict|"
    rf"unrest|shelling|hostilities|crisis|violence)\b",
    # "Y only returned fire after Kovian guns opened up": the other one started it
    rf"\b(?:only\s+(?:returned\s+fire|responded|retaliated|fired\s+back|shot\s+back)|returned\s+"
    rf"fire\s+only)\b[^.;]{{0,30}}?\b(?:after|when)\s+{SUBJECT}\s+{_ACTED}\b",
))
_ANY_START = re.compile(r"first|began|begun|started|erupted|broke\s+out|triggered|sparked|"
                        r"provoked|initiated|crossed|breached|violated|broken|returned\s+fire|"
                        r"responded|retaliated|fired\s+back|shot\s+back|launched", re.I)
# Common nouns that open a sentence with a capital and are the actor themselves ("Police were
# the first to open fire", "Protesters in Ansel opened fire").
_PEOPLE = frozenset({"police", "protesters", "demonstrators", "soldiers", "troops", "students",
                     "rebels", "militants", "officers", "guards", "residents", "hackers",
                     "fighters", "settlers", "villagers", "workers", "gunmen", "insurgents"})
_NO_ONE = frozenset({"one", "it", "they", "he", "she", "we", "them", "both", "each", "either"})
_SIDES = frozenset({"clan", "militia", "militias", "forces", "army", "party", "group", "faction",
                    "union", "side", "government", "supporters", "opposition", "navy", "guard"})


def subject_key(span: str) -> str | None:
    """The actor a subject names: its first proper word ("Estmark border guards": estmark, "a
    Pellarian coast guard vessel": pellarian), or the people it names ("Police", "Protesters in
    Ansel": protesters); None for "one of them"."""
    words = span.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words or words[0].lower() in _NO_ONE:
        return None
    if words[0].lower() in _PEOPLE:
        return words[0].lower()
    proper = [w for w in words if w[:1].isupper()]
    if proper:
        return norm_actor(proper[0]) or None
    head = words[-1].lower().strip("’'")  # "a rise in bread prices" started no fight
    return head if head in _PEOPLE | _SIDES else None


@lru_cache(maxsize=65536)
def starters(text: str) -> tuple[Credit, ...]:
    """The ``starter`` credits of ``text`` in the forms above (outcome "harm")."""
    out: list[Credit] = []
    if not _ANY_START.search(text):
        return ()  # most claims say nothing of who started: one cheap look first
    for rx in _STARTERS:
        for m in rx.finditer(text):
            key = subject_key(m.group("who"))
            if key:
                out.append(Credit("harm", "starter", key, m.start(), m.end()))
    return tuple(out)
