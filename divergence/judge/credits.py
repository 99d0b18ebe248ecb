"""Who gets the credit: credit frames ("the US brokered the ceasefire", "without mediation") and
the ``actor`` detector, which finds two claims crediting different actors with one outcome."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy_re import lazy
from ..records import Claim, Reason
from .detectors import Pair, detector, one_voice, span_of
from .text import norm_actor

_OUTCOME = (
    r"(?:cease-?fire|truce|de-?escalation|understanding|armistice|cessation\s+of\s+hostilities|"
    r"peace\s+deal|deal|agreement|accord|pact|release|talks)"
)
_CREDIT_VERB = (
    r"(?:mediated|brokered|negotiated|facilitated|arranged|secured|engineered|"
    r"requested|sought|initiated|proposed|asked\s+for|appealed\s+for)"
)
_MEDIATE = {
    "mediated",
    "brokered",
    "negotiated",
    "facilitated",
    "arranged",
    "secured",
    "engineered",
    "mediating",
    "brokering",
}
# A name starts a word (or follows "al-"): inside one long token every position would start a
# scan to the token's end.
_AGENT = (
    r"(?P<agent>(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+administration"
    r"|(?:(?<![\w’'.-])|(?<=\bal-)|(?<=\bel-))[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
)


@dataclass(frozen=True, slots=True)
class Credit:
    """Who a claim credits for an outcome (mediator, requester or cause; ``involved``: took
    part without mediating, "facilitated by"); agent None: no one."""

    outcome: str
    role: str
    agent: str | None
    start: int
    end: int


def _outcome_class(word: str) -> str:
    w = re.sub(r"[\s-]+", " ", word.lower())
    if w in {
        "ceasefire",
        "cease fire",
        "truce",
        "deescalation",
        "de escalation",
        "understanding",
        "armistice",
        "cessation of hostilities",
    }:
        return "ceasefire"
    return w


def _agent_key(agent: str, c: Claim) -> str:
    if re.match(r"(?:his|her|their|the)\s+administration|he|she|they", agent, re.I) and c.speaker:
        return norm_actor(c.speaker)
    return norm_actor(agent)


def credits(c: Claim) -> list[Credit]:
    """Credit frames: "X mediated the ceasefire", "the truce was the result of Y's appeals"."""
    if not _has_outcome(c.content):
        return []
    return list(_credits(c.content, c.speaker))


_OFFER = lazy(r"\b(?:offer\w*|ready|willing|propos\w*|plans?|wants?|help)\b", re.I)
_OUTCOME_HINT = lazy(rf"{_OUTCOME}|mediat|brokering|bilateral|without\s", re.I)


@lru_cache(maxsize=65536)
def _has_outcome(text: str) -> bool:
    return bool(_OUTCOME_HINT.search(text))


@lru_cache(maxsize=65536)
def _credits(t: str, speaker: str | None) -> tuple[Credit, ...]:
    # An outcome and what is said of it lie within 300 characters: unbounded, each mention of
    # "ceasefire" in a long run without a full stop scanned to its end (quadratic).
    c = Claim("x:0", "x", t, 0, len(t), speaker=speaker, proposition=t)
    out: list[Credit] = []

    def add(outcome: str, role: str, agent: str | None, m: re.Match[str]) -> None:
        key = _agent_key(agent, c) if agent else None
        out.append(Credit(_outcome_class(outcome), role, key, m.start(), m.end()))

    def role_of(verb: str) -> str:
        return "mediator" if verb.lower() in _MEDIATE else "requester"

    for m in re.finditer(
        rf"(?P<out>{_OUTCOME})\b[^.;]{{0,300}}?\b(?:was|were|had\s+been|been)\s+"
        rf"(?P<verb>{_CREDIT_VERB})\s+by\s+{_AGENT}",
        t,
        re.I,
    ):
        add(m.group("out"), role_of(m.group("verb")), m.group("agent"), m)
    for m in re.finditer(
        rf"{_AGENT}\s+(?:had\s+|has\s+|have\s+)?(?P<verb>{_CREDIT_VERB})\s+"
        rf"(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<out>{_OUTCOME})",
        t,
    ):
        add(m.group("out"), role_of(m.group("verb")), m.group("agent"), m)
    for m in re.finditer(
        rf"(?P<out>{_OUTCOME})\b[^.;]{{0,300}}?\b(?:result|outcome|consequence|product)\s+of\s+"
        rf"(?P<what>[^,.;]+)",
        t,
        re.I,
    ):
        what = m.group("what")
        pm = re.match(
            r"(?:the\s+)?(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(?:\w+\s+)?"
            r"(?P<act>appeals?|requests?|pleas?|calls?|pressure|demands?)",
            what,
        )
        if pm:
            role = (
                "requester"
                if pm.group("act").startswith(("appeal", "request", "plea", "call"))
                else "cause"
            )
            add(m.group("out"), role, pm.group("who"), m)
        else:
            agent = re.sub(r"^(?:the|a|an)\s+", "", what.strip(" “”\"'"), flags=re.I)
            if not re.match(r"(?:purely\s+|strictly\s+|entirely\s+)?(?:direct|bilateral)\b", agent,
                            re.I):
                add(m.group("out"), "cause", agent, m)  # (talks between the two: no one
                # else's cause, which ``mediators`` reads as no third party)
    for m in re.finditer(
        rf"{_AGENT}\s+(?:was|were)\s+(?:compelled|forced|made)\s+to\s+"
        rf"(?:seek|request|ask\s+for|accept|agree\s+to)\s+(?:a\s+|the\s+)?(?P<out>{_OUTCOME})",
        t,
    ):
        add(m.group("out"), "requester", m.group("agent"), m)
    for m in re.finditer(
        r"(?<!\bto\s)\b(?P<verb>mediat\w+|brokering)\s+between\s+\w+(?:\s+\w+)?\s+and\s+\w+",
        t, re.I,
    ):  # not "offered to mediate between", "ready to help mediate", "offered its mediation":
        # an offer mediates nothing
        if c.speaker and not _OFFER.search(t, max(0, m.start() - 30), m.start()):
            add(
                "ceasefire" if "cease" in t.lower() or "between" in m.group(0) else "deal",
                "mediator",
                c.speaker,
                m,
            )
    for m in re.finditer(
        rf"(?P<out>{_OUTCOME})\b[^.;]{{0,300}}?\b(?:is|was|are|were|remains?|as)\s+(?:a\s+|an\s+)?"
        r"(?:strictly\s+|purely\s+|entirely\s+|exclusively\s+)?bilateral\b",
        t,
        re.I,
    ):
        out.append(Credit(_outcome_class(m.group("out")), "mediator", None, m.start(), m.end()))
    for m in re.finditer(
        r"\bwithout\s+(?:any\s+)?(?:external|foreign|outside|third[- ]party|"
        r"international)\s+(?:mediation|intervention|involvement|help)",
        t,
        re.I,
    ):
        out.append(Credit("*", "mediator", None, m.start(), m.end()))
    return tuple(out)


_ROLE_VERBS = {"mediator": "mediated", "requester": "asked for it", "cause": "brought it about",
               "starter": "started it", "provoker": "provoked it", "responder": "only answered",
               "initiator": "asked for it", "breaker": "broke the truce",
               "not-cause": "did not bring it about", "winner": "won",
               "not-requester": "did not ask for it", "not-mediator": "had no part in it",
               "involved": "took part"}


def role_verb(role: str) -> str:
    """How a reason's detail words a role ("starter": "started it")."""
    return _ROLE_VERBS.get(role, role)


def credit_phrase(c: Claim, cr: Credit) -> str:
    """Who credits whom, for a reason's detail: "New Delhi: no third party"."""
    voice = c.speaker or "the outlet"
    if cr.agent is None:
        return f"{voice}: no third party"
    deny = " (denied)" if c.stance == "denies" else ""
    return f"{voice}: {cr.agent} {role_verb(cr.role)}{deny}"


@detector("actor")
def actor(p: Pair) -> Reason | None:
    """The claims credit different actors with one outcome (who brokered, mediated, asked)."""
    if one_voice(p):
        return None  # the same actor's line, carried by two outlets
    if "denies" in (p.a.stance, p.b.stance):
        return None  # a denied frame credits no one; the attribution detector covers the dispute
    best: tuple[float, Credit, Credit] | None = None
    for x in credits(p.a):
        for y in credits(p.b):
            if x.outcome != y.outcome and "*" not in (x.outcome, y.outcome):
                continue
            if x.agent == y.agent:
                continue
            if None in (x.agent, y.agent):
                # "No third party" contradicts a named mediator, and nothing else.
                w = 0.85 if x.role == y.role == "mediator" else 0.0
            elif x.role == y.role == "mediator":
                w = 0.75
            elif "mediator" in (x.role, y.role) or x.role == y.role:
                w = 0.6  # one credits a mediator, the other the parties' own acts (or two causes)
            else:
                w = 0.0
            if w and (best is None or w > best[0]):
                best = (w, x, y)
    if best is None:
        return None
    w, x, y = best


    outcome = x.outcome if x.outcome != "*" else y.outcome
    return Reason(
        "actor",
        f"who gets credit for the {outcome if outcome != '*' else 'outcome'} — "
        f"{credit_phrase(p.a, x)}; {credit_phrase(p.b, y)}",
        (p.a.id, p.b.id),
        (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
        weight=w,
    )


