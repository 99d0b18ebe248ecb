"""Who provoked it, as each side tells its own blow as an answer: "the strikes were Israel's
answer to a Hezbollah breach", "citing repeated Israeli violations, Hezbollah announced a
defensive operation", "Korvian frigates went in only in response to Tessary's seizure of a
fishing boat", "an unprovoked attack by Valdorian troops". The side whose hostile act was
answered started it: a ``provoker`` credit, which ``responsibility`` sets against the other
claim's provoker or starter ("the missile tests were a response to exercises staged by Tessary"),
never against the answer itself ("Iran fired 300 drones at Israel" is the answer's telling).
A response only weighed or vowed ("the authority to decide on a response to the attack") is
no answer yet. The side that says it only answered ("its troops came under fire and returned
it", "acted in self-defence") is a ``responder``: it did not start it, against a claim that it
did. A responder named by a pronoun ("its troops") is the claim's speaker's side."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ...wordlists import word_set
from ..credits import Credit
from ..demonyms import same_actor
from ..detectors import Pair
from ..gate import Gate
from ..text import clause_start, entities, norm_actor
from .started import (
    ACTED,
    CALENDAR,
    CLAUSE_START,
    FIGHT,
    GENERIC_SIDES,
    SUBJECT,
    denied_before,
    starters,
    subject_key,
)

# Hostile acts one side may answer (not "a question", "the floods", "criticism").
_HOSTILE = (r"(?:attacks?|strikes?|airstrikes?|raids?|shelling|bombardment|bombing|barrages?|"
            r"incursions?|aggression|violations?|breach(?:es)?|provocations?|seizure|killings?|"
            r"assassination|assaults?|offensive|invasion|ambush(?:es)?|fire|firing|shooting|"
            r"shots|exercises|drills|tests|build-?up|deployment|escalation|infiltration|"
            r"intrusions?|operations?)")
# Words that end the act's phrase before a hostile noun is reached: what was answered was
# something else ("in response to a question about the strikes").
_OTHER = frozenset({"question", "questions", "criticism", "report", "reports", "request",
                    "requests", "call", "calls", "appeal", "appeals", "concerns", "remarks",
                    "comments", "statement", "statements", "accusations", "accusation", "claims",
                    "claim", "allegations", "floods", "flooding", "protests", "pressure", "news",
                    "letter", "demands", "sanctions", "threats", "warnings", "rumours",
                    "reporters", "asking", "resolution", "inquiry", "condemning", "prices"})
# Cues that the act named next was answered: "in response to", "retaliation for", "to
# avenge", "citing", "in self-defence against" (not "in reaction to": "oil prices rose in
# reaction to the strikes"; not "only after": "aid arrived only after the shelling stopped").
_CUE = lazy(
    r"\b(?:(?:in\s+|a\s+|an\s+|the\s+|its\s+|their\s+|as\s+(?:an?\s+)?)?(?:response|retaliation|"
    r"reprisal|revenge|riposte|answer)\s+(?:to|for)|to\s+avenge|"
    r"retaliat(?:ed|ing|e)\s+(?:for|against)|in\s+self-defen[cs]e\s+against|citing|"
    r"provoked\s+by|to\s+pre-?empt|answering|answered|(?:were|was)\s+responding\s+to)\s+", re.I)
# "an unprovoked attack by X", "X's unprovoked aggression": the act's own side started it.
_UNPROVOKED = lazy(r"\bunprovoked\s+", re.I)
# A response to come, not one given: "to decide on a response to", "vowed a response to".
_PLANNED = lazy(r"\b(?:decide|decided|deciding|vow\w*|promis\w*|weigh\w*|consider\w*|"
                      r"prepar\w*|plan\w*|threat\w*|warn\w*|would|will|could|may|might|"
                      r"seek\w*|mull\w*)\s+(?:on\s+|over\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?"
                      r"(?:[\w-]+\s+)?$", re.I)
# "X only returned fire", "X acted in self-defence", "X came under fire and responded", "the
# raids were Dravia's answer to ...": X answered, and did not start it.
_AFTER_FIRE = (r"(?:returned\s+fire|fired\s+back|shot\s+back|hit\s+back|retaliated|responded|"
               r"engaged)")
_ANSWERING = "|".join((
    r"(?:only\s+|merely\s+|simply\s+)?(?:returned\s+fire|fired\s+back|shot\s+back|retaliated)\b",
    # "acted only after police raided a village", "fired on Saturday only after snipers ..."
    r"(?:acted|fired|moved|struck|engaged|intervened)\b[^.;,]{0,40}?\sonly\s+(?:after|when|once)",
    r"responded\s+(?:in\s+kind|with\s+(?:fire|force|artillery|strikes|shelling|gunfire|missiles|"
    r"rockets))",
    # "were responding to a Zembrian assault", "had only been answering a bombardment"
    r"(?:were\s+|was\s+|had\s+)?(?:only\s+|merely\s+)?(?:been\s+)?(?:responding\s+to|answering|"
    r"answered|responded\s+to)\s+(?!with\b|by\b)(?=(?:[\w’'-]+\s+){0,4}?" + _HOSTILE + r"\b)",
    r"(?:was\s+|were\s+)?act(?:ed|ing)\s+in\s+self-defen[cs]e",
    # "came under fire and responded", "were ambushed and returned fire", "were targeted by
    # machine-gun fire from the Brigade and only then engaged the camp"
    r"(?:came\s+under\s+(?:fire|attack)|(?:was|were)\s+(?:ambushed|attacked|fired\s+(?:on|upon)|"
    r"targeted|shot\s+at))\b[^.;]{0,80}?\b(?:and|before)\s+(?:had\s+)?(?:only\s+then\s+)?"
    + _AFTER_FIRE,
))
_RESPONDERS = (
    lazy(rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+|said\s+it\s+had\s+)?"
               rf"(?:{_ANSWERING})"),
    lazy(r"\b(?P<who>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)['’]s?\s+(?:[\w-]+\s+){0,2}?"
               r"(?:answer|response|retaliation|reply|riposte)\s+(?:to|for)\b"),
    # "its raid on the depots was carried out in self-defence", "their barrage was
    # preventive", "its strikes were an answer to": the speaker's own blow, justified
    lazy(r"(?:^|(?<=, )|(?<=that ))(?P<who>[Ii]ts|[Tt]heir)\s+"
               r"(?:[\w-]+\s+){0,2}?" + _HOSTILE + r"\b[^.;,]{0,60}?\b(?:was|were)\s+(?:carried\s+"
               r"out\s+|launched\s+)?(?:in\s+|an\s+act\s+of\s+)?(?:self-defen[cs]e|retaliatory|"
               r"defensive|preventive|pre-?emptive|an?\s+(?:response|reprisal|answer|reply))\b"),
)
_OWN = frozenset({"its", "their", "our"})
# Where a claim tells its side's blow as an answer just before, what came "after" or
# "following" is what was answered: "acted only after police raided a village", "was
# retaliatory, following Korvian rocket fire" (not "spoke after Tehran's retaliatory strike").
_ANSWER_TOLD = lazy(r"retaliat|reprisal|self-defen|in\s+response|respond|answer|returned\s+"
                          r"fire|fired\s+back|shot\s+back|avenge|only\s+after|acted\s+only|"
                          r"resumed",
                          re.I)
_AFTER_NOUN = lazy(r"\b(?:only\s+)?(?:after|following|followed)\s+", re.I)
_AFTER_ACT = lazy(rf"\b(?:only\s+)?(?:after|when|once)\s+{SUBJECT}\s+(?:had\s+)?"
                        rf"(?:first\s+)?{ACTED}\b")
_WORD = lazy(r"[\w’'-]+|[,.;:()]")
_BY = lazy(r"\s*(?:(?:carried\s+out|launched|staged|mounted|fired|committed|conducted|"
                 r"made)\s+)?(?:by|from)\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
                 r"(?=\s*[,.;]|\s+(?:on|in|at|near|against|and|who|which|that|after|before|"
                 r"along|across|into|over)\b|$)")
_DID = lazy(r"\s*(?P<who>(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)\s+(?:had\s+)?"
                  r"(?:carried\s+out|launched|staged|mounted|fired|committed|conducted)\b")
_HOSTILE_AT = lazy(rf"\b{_HOSTILE}\b", re.I)
_POSSESSOR = lazy(r"(?P<who>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['’]s?\s+$")


# Who may answer a blow: a side named in the clause before the cue ("its", a name inside the
# sentence, forces and their blows or tests), not "oil prices" or "aid convoys".
_SIDE_WORDS = lazy(r"(?i:\b(?:its|their|troops|forces|army|military|jets|artillery|strikes|"
                         r"raids|operation|offensive|barrage|frigates|marines|navy|militias?|"
                         r"fighters|police|guards|soldiers|units|gunboats|aircraft|rockets|"
                         r"missiles|drones|" + _HOSTILE + r")\b)|(?<=\s)[A-Z][a-z]")


def _side_before(text: str, m: re.Match[str]) -> bool:
    """Whether the clause before an answer's cue names one who could answer a blow ("citing"
    opens a clause whose subject follows: "Citing Israeli violations, Hezbollah ...")."""
    return m.group(0).lower().startswith("citing") or bool(
        _SIDE_WORDS.search(text, clause_start(text, m.start()), m.start()))


def _agent(before: str, after: str) -> str | None:
    """Whose act a phrase names: a possessor or a proper adjective before the hostile noun
    ("Tessary's seizure", "repeated Israeli violations"), or "by X" / "X carried out" after it."""
    m = _POSSESSOR.search(before)
    if m:
        return norm_actor(m.group("who")) or None
    words = before.split()
    proper: list[str] = []
    while words and words[-1][:1].isupper():  # "a Hezbollah breach"; not "the Tessary
        proper.insert(0, words.pop())          # consulate bombing" (the target)
    if proper:
        return norm_actor(" ".join(proper[-2:])) or None
    m = _BY.match(after)
    if m:
        return subject_key(m.group("who"))
    m = _DID.match(after)
    return norm_actor(m.group("who")) if m else None


def _answered_act(text: str, at: int) -> tuple[str, int] | None:
    """The side whose hostile act the phrase from ``at`` names, and where the phrase ends; None
    when a clause ends, or something other than a hostile act comes first."""
    window = text[at:at + 120]
    m = _HOSTILE_AT.search(window)
    if not m:
        return None
    before = window[:m.start()]
    words = _WORD.findall(before)
    if len(words) > 5 or any(w in ",.;:()" or w.lower() in _OTHER for w in words):
        return None
    who = _agent(before, window[m.end():])
    return (who, at + m.end()) if who else None


# The words one of the patterns needs (``Gate``), looked for first.
_GATE = Gate(_CUE, _UNPROVOKED, _AFTER_NOUN, _AFTER_ACT, *_RESPONDERS)


@lru_cache(maxsize=65536)
def provokers(text: str) -> tuple[Credit, ...]:
    """The ``provoker`` credits of ``text``: the side whose act it says was answered, or was
    unprovoked (outcome "harm"); and the ``responder`` credits of the side that answered."""
    if text.rstrip().endswith("?") or not _GATE.opens(text):
        return ()  # most claims tell no answer: one cheap look first
    out: list[Credit] = []
    for m in _CUE.finditer(text):
        if _PLANNED.search(text, max(0, m.start() - 40), m.start()) or not _side_before(text, m):
            continue
        got = _answered_act(text, m.end())
        if got:
            out.append(Credit("harm", "provoker", got[0], m.start(), got[1]))
    for m in _AFTER_NOUN.finditer(text):
        got = _answered_act(text, m.end())
        if got and _ANSWER_TOLD.search(text, max(0, m.start() - 60), m.start()):
            out.append(Credit("harm", "provoker", got[0], m.start(), got[1]))
    for m in _AFTER_ACT.finditer(text):
        key = subject_key(m.group("who"))
        if key and _ANSWER_TOLD.search(text, max(0, m.start() - 60), m.start()):
            out.append(Credit("harm", "provoker", key, m.start(), m.end()))
    for m in _UNPROVOKED.finditer(text):
        got = _answered_act(text, m.end())
        if got:
            out.append(Credit("harm", "provoker", got[0], m.start(), got[1]))
            continue
        own = _POSSESSOR.search(text[max(0, m.start() - 40):m.start()])
        if own and _HOSTILE_AT.match(text, m.end()):
            out.append(Credit("harm", "provoker", norm_actor(own.group("who")), m.start(), m.end()))
    for rx in _RESPONDERS:
        for m in rx.finditer(text):
            span = m.group("who")
            if denied_before(text, m) or rx is _RESPONDERS[1] and not _answered_act(text, m.end()):
                continue  # "had not acted in self-defence"; "Korvia's answer to a proposal"
            own = span.split()[0].lower() in _OWN or rx is _RESPONDERS[2]
            key = "its" if own else subject_key(span) if rx is _RESPONDERS[0] else norm_actor(span)
            if key:
                out.append(Credit("harm", "responder", key, m.start(), m.end()))
    return tuple(c for c in out if c.agent and c.agent not in _WHEN)


# Possessors that are times, not sides ("in response to Tuesday's attack").
_WHEN = CALENDAR | {"today", "yesterday", "easter", "christmas", "ramadan", "eid", "passover",
                    "new"}


# The roles of who started it, which meet only within one fight (``credit.same_harm``).
WHO_STARTED = frozenset({"starter", "provoker", "responder", "breaker"})
_NO_NAME = word_set("generic_actors") | GENERIC_SIDES | {"its", "their", "it", "they", "we"}


def answer_weight(p: Pair, x: Credit, y: Credit) -> float:
    """How far two credits of who answered whom dispute it: a side that says it only answered,
    against a claim that it started it or broke the truce, or against the other side saying the
    same of itself (each then says the other started it); a truce breach told and denied of
    one side. 0 when they do not."""
    one = same_actor(x.agent, y.agent)
    if x.role == y.role == "responder":  # not "the militias" / "the Brenn militias"
        named = not {x.agent, y.agent} & _NO_NAME
        return 0.75 if named and not one else 0.0
    if x.role == y.role == "breaker":
        return 0.7 if one and p.a.stance != p.b.stance else 0.0
    if "responder" not in (x.role, y.role):
        return 0.0  # both sides may break a truce: a breach meets only "we only answered"
    other = y if x.role == "responder" else x
    return 0.75 if other.role in ("starter", "provoker", "breaker") and one else 0.0


def two_incidents(p: Pair, x: Credit, y: Credit) -> bool:
    """Whether two accounts of who started it tell of different clashes: they name places,
    besides the sides, of which they share none ("at the Lusva crossing" / "at the Fennick
    post"). Days may differ in one dispute: each side dates the other's first blow."""
    from ...ingest.split import core  # (as ``text`` does: ingest imports the judge)

    sides = (x.agent, y.agent)
    na, nb = ({m.key for m in entities(core(c.content))
               if not any(same_actor(m.key, s) for s in sides)} for c in (p.a, p.b))
    return bool(na and nb and na.isdisjoint(nb))


def fight(text: str) -> bool:
    """Whether a claim tells of a fight: its words, who it says started one, or a hostile act
    it says was answered."""
    return bool(FIGHT.search(text) or provokers(text) or starters(text))
