"""Credit and blame: who brokered, asked for, started or caused something, and the
``responsibility`` detector ("the US brokered the ceasefire" / "agreed without mediation")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Claim, Reason
from ...wordlists import word_set
from ..credits import Credit, credit_phrase, credits
from ..demonyms import same_actor
from ..detectors import Pair, detector, one_voice, span_of
from ..gate import Gate
from ..text import countries, dates, norm_actor
from .agents import AGENT_NP as _AGENT_NP
from .agents import AGENTS_NP as _AGENTS_NP
from .agents import NOT_AGENTS, credits_for, not_held, title_against_name
from .answered import answer_weight, provokers
from .asked import askers
from .incidents import BLAMING, incidents_apart, one_incident, same_harm
from .initiative import initiatives, two_requests
from .mediators import PEACE, TAKEN, denied_outsiders, mediated
from .officials import same_side
from .started import FIRST_AFTER, starters, subject_key

_HARM = (r"(?:blasts?|explosions?|attacks?|strikes?|airstrikes?|bombings?|destruction|collapse|"
         r"breach|shelling|rockets?|missiles?|dam|hospital|massacre|killings?|fire|incident)")
_DEMONYM_ACT = lazy(
    r"\b(?:an?\s+|the\s+)?(?P<agent>(?<![\w’'.-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:air\s*strike|airstrike|"
    r"strike|missile|rocket|shell(?:ing)?|attack|bomb(?:ing)?|drone|forces|troops|military|army|"
    r"sabotage)s?\b")
_CAUSE_VERBS = (r"blew\s+up|destroyed|bombed|struck|shelled|hit|targeted|attacked|mined|"
                r"sabotaged|caused|carried\s+out|launched|fired|was\s+behind|were\s+behind|"
                r"(?:was|were)\s+responsible\s+for|started|triggered|provoked|initiated|"
                r"opened\s+fire")
# Verbs of everyday acts too ("carried out a census", "launched an inquiry", "fired the coach"):
# they credit a harm only when one follows within a few words.
_EVERYDAY_CAUSE = lazy(r"\b(?:caused|carried\s+out|launched|fired|started|triggered|"
                             r"provoked|initiated)$", re.I)
_HARM_AFTER = lazy(
    rf"\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_HARM}|raids?|assaults?|war|fighting|offensive|"
    rf"operations?|clashes|hostilities|violence|invasion|incursion|provocation|escalation|"
    rf"deaths?|casualties|damage|shots?|shells?|drones?|salvos?|barrages?|volleys?|grenades?|"
    rf"on|at)\b", re.I)
# The harm itself next ("behind the attack", "carried out the deadly bombing").
_HARM_NEXT = lazy(rf"\s+(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\w’'-]+\s+)?(?:{_HARM}|"
                        r"raids?|assaults?|ambush(?:es)?|shootings?|hijackings?|kidnappings?|"
                        r"abductions?|sabotage|bombardment)\b", re.I)
# Participles whose "by" names who did the harm: "an attack planned by Russia", "a provocation
# carried out by the special services", "the airliner was shot down by Russian air defences".
_BY_VERBS = (r"launch(?:ed)?|fired|shot(?:\s+down)?|carried\s+out|planted|planned|prepared|"
             r"organi[sz]ed|orchestrated|ordered|masterminded|perpetrated|committed|staged|"
             r"plotted|executed")
# Everyday verbs among them ("the evacuation was ordered by", "talks organised by") blame only
# when a harm is what was done: "the attack was planned by", "a provocation staged by".
_PLOT_VERBS = lazy(r"planned|prepared|organi[sz]ed|orchestrated|ordered|masterminded|"
                         r"perpetrated|committed|staged|plotted|executed")
_HARM_DONE = lazy(rf"\b(?:{_HARM}|raids?|assaults?|shootings?|incursions?|sabotage|"
                        rf"provocation|assassinations?|it)\b[^,;.]{{0,40}}$", re.I)
# Talks and meetings someone may be said to have asked for (a truce is ``PEACE``).
_MEETING = lazy(r"\b(?:talks|negotiations|(?:emergency\s+)?(?:meeting|summit))\b", re.I)
_AT_REQUEST = lazy(
    rf"\bat\s+(?:{_AGENT_NP}['’]s?\s+(?:request|urging|behest|plea)|the\s+(?:request|urging|"
    rf"behest)\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?{_AGENT_NP.replace('agent', 'agent2')})")
# Who won an election, as a claim has it.
_VOTE = r"(?:[\w-]+\s+){0,2}?(?:election|vote|presidency|poll|runoff|run-off|ballot|race)\b"
_WINNER = tuple(lazy(rx) for rx in (
    rf"\bdeclared\s+{_AGENT_NP}\s+(?:as\s+)?(?:the\s+)?(?:winner|victor)",
    rf"{_AGENT_NP}\s+(?:was|had\s+been|has\s+been)\s+(?:declared|proclaimed)\s+(?:the\s+)?"
    rf"(?:winner|victor)",
    rf"{_AGENT_NP}\s+(?:had\s+|has\s+)?(?:won|wins)\s+(?:the\s+|a\s+|an\s+)?(?:{_VOTE}|"
    rf"by\s+a\s+\w+\s+margin)", rf"{_AGENT_NP}\s+(?:was|has\s+been|had\s+been)\s+re-?elected",
    rf"{_AGENT_NP}['’]s\s+(?:(?:election|electoral|landslide)\s+)?(?:victory|win|re-?election)",
))
# A first agent coordinated with the one a verb follows: "[The United States] and Britain".
_AND_BEFORE = lazy(rf"{_AGENT_NP}\s+and\s+$")
# ... when that first agent opens its clause: "Israeli jets pounded [Beirut] and Hezbollah fired"
# names a target, not a second agent.
_OPENS_CLAUSE = lazy(r"(?:^|[,;:]\s*|\b(?:that|said|says)\s+)$")
# What someone may propose or start besides a truce and talks: a swap of prisoners, a corridor.
_CAPTIVES = rf"(?:{TAKEN}|bodies)"  # what a swap exchanges
_PROPOSED = (rf"(?:{_CAPTIVES}\s+(?:swap|exchange)|(?:swap|exchange)\s+of\s+{_CAPTIVES}|"
             r"(?:humanitarian|safe|evacuation|aid)\s+corridor|dialogue|talks|negotiations|"
             r"meeting|summit)")
_PROPOSE_VERBS = r"(?:proposed|initiated|suggested|requested|sought|pressed\s+for|pushed\s+for)"


def _proposal(word: str) -> str:
    """The outcome class of what was proposed: a swap, a corridor, or a meeting."""
    w = word.lower()
    return "swap" if "swap" in w or "exchange" in w else "corridor" if "corridor" in w \
        else "meeting"


# Who asked for a truce or talks, beyond the plain "X requested a ceasefire" read first (in this
# order: a credit said twice keeps its first span).
_ASKED: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (lazy(rx), o, r) for rx, o, r in (
    # "X asked for the talks"
    (rf"{_AGENT_NP}\s+(?:had\s+|has\s+|have\s+)?(?:requested|sought|asked\s+for|called\s+for|"
     rf"proposed)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<out>{_MEETING.pattern})",
     "meeting", "requester"),
    # "the pause was proposed by the Ruritanian side"
    (rf"(?P<out>{PEACE})\s+(?:was|had\s+been|has\s+been)\s+(?:first\s+)?(?:proposed|requested|"
     rf"sought|suggested|initiated)\s+by\s+(?:the\s+)?{_AGENT_NP}", "ceasefire", "requester"),
    # "Ruritania never requested a truce"
    (rf"{_AGENT_NP}\s+(?:(?:had|has|have|did|does)\s+(?:never|not)|never|(?:had|has|have|did|"
     rf"does)n['’]t)\s+(?:requested|request|sought|seek|asked\s+for|ask\s+for|begged\s+for|"
     rf"beg\s+for|called\s+for|call\s+for|proposed|propose)\s+(?:a\s+|an\s+|the\s+|any\s+)?"
     rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})", "ceasefire", "not-requester"),
    # "It was X that asked for it"
    (rf"\bIt\s+was\s+{_AGENT_NP}\s+(?:that|who)\s+(?:had\s+|has\s+)?(?:first\s+)?(?:requested|"
     rf"sought|asked\s+for|begged\s+for|pleaded\s+for|appealed\s+for|called\s+for|proposed)\s+"
     rf"(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})", "ceasefire", "requester"),
    # "X called its counterpart to request a halt to the firing"
    (rf"(?P<agent>(?<![\w’'.-])[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})(?:['’]s(?:\s+[\w-]+)"
     rf"{{1,3}}?)?\s+(?:had\s+|has\s+)?(?:called|phoned|rang|contacted|reached\s+out\s+to)\s+"
     rf"(?!on\b)(?:(?!(?:and|but|or|refused|declined|not|never|urged|on)\b)[\w’'-]+\s+){{0,7}}?"
     rf"to\s+(?:request|seek|ask\s+for|propose|plead\s+for)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})", "ceasefire", "requester"), ))
# Who proposed or started a swap, a corridor or talks: "X proposed the prisoner swap", "the
# dialogue was initiated by X", "the idea for the exchange originated with X", "It was X that
# pressed for the meeting", "X had invited the movement to talks"; "not at X's behest".
_STARTED: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(rx), r) for rx, r in (
    (rf"{_AGENT_NP}\s+(?:had\s+|has\s+|have\s+)?(?:first\s+)?{_PROPOSE_VERBS}\s+"
     rf"(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<out>{_PROPOSED})\b", "requester"),
    (rf"(?P<out>{_PROPOSED})\s+(?:[\w-]+\s+){{0,3}}?(?:was|were|had\s+been|has\s+been)\s+"
     rf"(?:first\s+)?(?:proposed|initiated|suggested|requested|sought)\s+by\s+(?:the\s+)?"
     rf"{_AGENT_NP}", "requester"),
    (rf"\b(?:idea|proposal|initiative)\s+(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
     rf"(?P<out>{_PROPOSED})\s+(?:originated|came)\s+(?:with|from)\s+(?:[a-z]+\s+)?"
     rf"{_AGENT_NP}", "requester"),
    (rf"\bIt\s+was\s+{_AGENT_NP}\s+(?:that|who)\s+(?:had\s+|has\s+)?(?:first\s+)?"
     rf"(?:{_PROPOSE_VERBS}|asked\s+for|called\s+for)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{_PROPOSED})\b", "requester"),
    (rf"{_AGENT_NP}\s+(?:had\s+|has\s+)?invited\s+(?!(?:the\s+)?(?:reporters|journalists|media|"
     rf"press|students|observers|public|guests|diplomats)\b)(?:[\w’'-]+\s+){{1,4}}?to\s+"
     rf"(?:the\s+)?(?P<out>talks|negotiations|dialogue|a\s+meeting|a\s+summit)\b",
     "requester"),
    (rf"\bnot\s+at\s+{_AGENT_NP}['’]s?\s+(?:request|behest|urging)(?P<out>)", "not-requester"),
))
# Responsibility denied, and the cleft that asserts it, read last (in this order).
_DENIED_OR_CLEFT: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(rx), r) for rx, r in (
    # "Israel was not responsible", "Israel did not bomb the hospital"
    (rf"{_AGENT_NP}\s+(?:was|were|is|are)\s+not\s+responsible|"
     rf"{_AGENT_NP.replace('agent', 'agent2')}\s+(?:probably\s+)?(?:did\s+not|didn['’]t|had\s+not|"
     rf"never)\s+(?:bomb|strike|hit|attack|fire|launch|carry\s+out|cause|blow\s+up|destroy)",
     "not-cause"),
    (rf"(?:judged|found|deemed|held|considered)\s+{_AGENT_NP}\s+not\s+responsible", "not-cause"),
    # "Ukraine had nothing to do with the explosion", "Israel denied any role in the blast"
    (rf"{_AGENT_NP}\s+(?:(?:had|has|have)\s+(?:had\s+)?nothing\s+(?:whatsoever\s+|at\s+all\s+)?"
     rf"to\s+do\s+with|(?:had|has|have|played)\s+no\s+(?:part|role|hand)\s+in|(?:(?:has|have|had)\s+)?"
     rf"(?:firmly\s+|flatly\s+|categorically\s+|strongly\s+)?(?:denied|denies|rejected|"
     rf"rejects)\s+(?:any|all)\s+"
     rf"(?:involvement|responsibility|role|part|hand))\b", "not-cause"),
    # "It is Russia that is attacking the station", "it was Hamas who fired the rocket"; "It was
    # Kharkiv that was hit" is a passive: after "was", only "-ing" or "behind"
    (rf"\b[Ii]t\s+(?:is|was)\s+{_AGENT_NP}\s+(?:that|who)\s+(?:(?:is|was|are|were|has\s+been|"
     rf"had\s+been)\s+(?:attacking|shelling|striking|bombing|firing|behind|responsible)|"
     rf"(?:{_CAUSE_VERBS}))\b", "cause"), ))


# The patterns ``_frame_credits`` reads, compiled once (it runs once per claim text).
_ASKED_PEACE = lazy(
    rf"{_AGENTS_NP}\s+(?:had\s+|has\s+|have\s+)?(?:requested|sought|asked\s+"
    rf"for|begged\s+for|pleaded\s+for|appealed\s+for|called\s+for|"
    rf"proposed|reached\s+out\s+for)\s+(?:a\s+|an\s+|the\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})")
_CAUSED = lazy(rf"{_AGENT_NP}\s+(?:had\s+|has\s+)?(?:{_CAUSE_VERBS})\b")
_CAUSED_BY = lazy(
    rf"(?:was|were|had\s+been)\s+(?:{_CAUSE_VERBS}|"
    rf"blown\s+up|hit|struck|caused|carried\s+out|fired|launched|"
    rf"destroyed)\s+by\s+{_AGENT_NP}")
_BLAMED = lazy(rf"(?:blamed|accused)\s+{_AGENT_NP}|\b(?:held|holds|holding)\s+"
               rf"{_AGENT_NP.replace('agent', 'agent2')}\s+(?:fully\s+)?responsible\b")
_DONE_BY = lazy(rf"(?P<verb>{_BY_VERBS})\s+by\s+(?:the\s+)?{_AGENT_NP}")
_WORK_OF = lazy(
    rf"\b(?:is|was|were|had\s+been)\s+(?:\w+\s+)?the\s+(?:work|doing|"
    rf"handiwork)\s+of\s+(?:an?\s+|the\s+)?"
    rf"(?:pro-(?P<pro>[A-Z][\w’'-]*)|{_AGENT_NP})")
_AGENT_WEAPON = lazy(rf"{_AGENT_NP}\s+(?:rocket|missile|drone|shell|mine|bomb|device)s?\b")
_WEAPON_USED_BY = lazy(rf"\b(?:rocket|missile|drone|shell|bomb)s?\s+(?:\w+\s+)?used\s+by\s+"
                       rf"{_AGENT_NP}")
_COULD_HAVE = lazy(
    rf"{_AGENT_NP}\s+(?:could|would|must|might)\s+have\s+"
    rf"(?:carried\s+out|caused|fired|launched|done)")
_TOOK_CREDIT = lazy(
    rf"{_AGENT_NP}\s+(?:took|claimed|sought|deserves?)\s+(?:the\s+|a\s+)?"
    rf"(?:share\s+of\s+the\s+)?credit")
_CLAIMED_RESPONSIBILITY = lazy(
    rf"{_AGENT_NP}\s+(?:has\s+|have\s+|had\s+|quickly\s+)?(?:claimed|took|"
    rf"accepted|admitted)\s+(?:full\s+)?responsibility")
_RESPONSIBILITY_CLAIMED_BY = lazy(
    rf"\b[Rr]esponsibility\s+(?:for\s+[^,.;]{{1,60}}?\s+)?(?:was|has\s+been|"
    rf"had\s+been)\s+claimed\s+by\s+(?:the\s+)?{_AGENT_NP}")
_NOT_OTHER = lazy(
    rf"{_AGENT_NP},\s+not\s+(?:the\s+)?(?P<other>(?<![\w’'.-])[A-Z][\w’'.-]*"
    rf"(?:\s+[A-Z][\w’'.-]*){{0,2}}),\s+(?:was|were|had\s+been)\s+"
    rf"(?:behind|responsible\s+for)")
_PEACE_I = lazy(PEACE, re.I)
# Who denies a harm names itself so: "Hamas said it (the group, the movement) had no part in it".
_SELF = lazy(r"(?:It|[Tt]he\s+(?:group|movement|organi[sz]ation|militia))")
_ORG_OF = lazy(r"(?:an?\s+|the\s+)?(?P<org>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+(?:senior\s+)?"
               r"(?:spokes(?:man|woman|person)|officials?|representatives?|leaders?|commanders?)\b")
_REFERRING = lazy(r"\b(?:referring\s+to|meaning)\b", re.I)  # "the group", another's
_BARE_AGENT = lazy(r"(?:The|A|An|It|This|That|They|He|She|We)")
_NOT_BEFORE = lazy(r"\bnot\s+$")
_STARTS = lazy(r"started|triggered|provoked|initiated|opened\s+fire", re.I)
_ARTICLE = lazy(r"(?:The|A|An)")
_PROPOSED_I = lazy(_PROPOSED, re.I)
# Every pattern a credit comes from (``_frame_credits``), for a first look: the others only
# read around one of these matches.
_GATE = Gate(_ASKED_PEACE, _AT_REQUEST, *(rx for rx, *_ in (*_ASKED, *_STARTED, *_DENIED_OR_CLEFT)),
             *_WINNER, _CAUSED, _CAUSED_BY, _DEMONYM_ACT, _BLAMED, _DONE_BY, _WORK_OF,
             _AGENT_WEAPON, _COULD_HAVE, _TOOK_CREDIT, _CLAIMED_RESPONSIBILITY,
             _RESPONSIBILITY_CLAIMED_BY, _NOT_OTHER)


@lru_cache(maxsize=65536)
def _frame_credits(text: str, speaker: str | None) -> tuple[Credit, ...]:
    """Credit and blame frames beyond ``detectors.credits``' fixed phrases."""
    out: list[Credit] = []

    def add(outcome: str, role: str, agent: str | None, m: re.Match[str]) -> None:
        out.extend(credits_for(outcome, role, agent, m, speaker))

    out += mediated(text, speaker)  # who mediated it, or no one
    if not _GATE.opens(text):  # no word any pattern below needs: most claims credit no one
        return _known(text, out)
    about_peace = bool(_PEACE_I.search(text))  # credit frames need a ceasefire
    # Who asked for it.
    for m in _ASKED_PEACE.finditer(text):
        add("ceasefire", "requester", m.group("agent"), m)
    meeting = bool(_MEETING.search(text))
    if about_peace or meeting:  # "at X's request", "at the request of the rebel alliance"
        for m in _AT_REQUEST.finditer(text):
            if _NOT_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
                continue  # "not at X's request" says X did not ask (``_STARTED``)
            add("ceasefire" if about_peace else "meeting", "requester",
                m.group("agent") or m.group("agent2"), m)
    for rx, outcome, role in _ASKED:
        for m in rx.finditer(text):
            add(outcome, role, m.group("agent"), m)
    for rx, role in _STARTED:  # "X proposed the swap", "the dialogue was initiated by X"
        for m in rx.finditer(text):
            what = m.group("out")
            if not m.group("out"):  # "not at X's request": what its clause is about, before it
                clause = text[max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start()))
                              + 1:m.start()]
                found = _PROPOSED_I.search(clause)
                what = found.group(0) if found else ""
                if not what and not _PEACE_I.search(clause):
                    continue
            add(_proposal(what) if what else "ceasefire", role, m.group("agent"), m)
    # Who won a vote: "declared X the winner", "X won the election", "tallies showed X had won".
    for rx in _WINNER:
        for m in rx.finditer(text):
            add("election", "winner", m.group("agent"), m)
    # Who started it, who caused the harm.
    for m in _CAUSED.finditer(text):
        agent = m.group("agent")
        if _BARE_AGENT.fullmatch(agent.strip()):
            if not (speaker and m.start() == 0 and agent.strip() in ("It", "They", "We")
                    and _HARM_NEXT.match(text, m.end())):
                continue  # "Police said they were behind the barricades": a place, not a harm
            agent = speaker  # "ISIS said it was behind the attack": the group speaks of itself
        first = FIRST_AFTER.match(text, m.end())  # "fired first", "struck first"
        if (_EVERYDAY_CAUSE.search(m.group(0)) and not _HARM_AFTER.match(text, m.end())
                and not first):
            continue  # "Rwanda carried out a census", "the ministry launched an inquiry"
        role = "starter" if _STARTS.search(m.group(0)) or first else "cause"
        add("harm", role, agent, m)
        first = _AND_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if first is not None and _OPENS_CLAUSE.search(text, 0, first.start()) and not dates(
                first.group("agent")):  # "The United States and Britain were responsible"
            add("harm", role, first.group("agent"), first)
    for m in _CAUSED_BY.finditer(text):
        add("harm", "cause", m.group("agent"), m)
    for m in _DEMONYM_ACT.finditer(text):
        if countries(m.group("agent")):  # "an Israeli airstrike", "Russian forces"
            add("harm", "cause", m.group("agent"), m)
    for m in _BLAMED.finditer(text):
        add("harm", "cause", m.group("agent") or m.group("agent2"), m)
    for m in _DONE_BY.finditer(text):
        if _PLOT_VERBS.fullmatch(m.group("verb")) and not _HARM_DONE.search(
                text, max(0, m.start() - 80), m.start()):
            continue
        add("harm", "cause", m.group("agent"), m)  # "a rocket launch by Islamic Jihad"
    for m in _WORK_OF.finditer(text):
        if m.group("pro"):  # "the work of a pro-Ukrainian group": not Ukraine itself
            out.append(Credit("harm", "cause", "pro-" + norm_actor(m.group("pro")), m.start(),
                              m.end()))
        else:
            add("harm", "cause", m.group("agent"), m)
    for m in _AGENT_WEAPON.finditer(text):
        if not _ARTICLE.fullmatch(m.group("agent").strip()):
            add("harm", "cause", m.group("agent"), m)  # "an Islamic Jihad rocket"
    for m in _WEAPON_USED_BY.finditer(text):
        add("harm", "cause", m.group("agent"), m)  # "a Falaq-1 rocket used by Hezbollah"
    for m in _COULD_HAVE.finditer(text):
        add("harm", "cause", m.group("agent"), m)
    for m in _TOOK_CREDIT.finditer(text):
        if about_peace:
            add("ceasefire", "mediator", m.group("agent"), m)
    # Responsibility claimed: "IS claimed responsibility for the attack", "responsibility for the
    # shooting was claimed by Islamic State".
    for m in _CLAIMED_RESPONSIBILITY.finditer(text):
        add("harm", "cause", m.group("agent"), m)
    for m in _RESPONSIBILITY_CLAIMED_BY.finditer(text):
        add("harm", "cause", m.group("agent"), m)
    # "Ukraine, not ISIS, was behind the attack": one named, the other ruled out.
    for m in _NOT_OTHER.finditer(text):
        add("harm", "cause", m.group("agent"), m)
        out.append(Credit("harm", "not-cause", norm_actor(m.group("other")), m.start("other"),
                          m.end("other")))
    for rx, role in _DENIED_OR_CLEFT:
        for m in rx.finditer(text):
            agent = m.group("agent") or m.groupdict().get("agent2")
            if speaker and role == "not-cause" and _SELF.fullmatch(agent.strip()) and not (
                    _REFERRING.search(text)):
                # "Hezbollah said the group was not responsible": itself; "a Hamas spokesman
                # said it had no part": his group
                org = _ORG_OF.match(speaker)
                agent = org.group("org") if org else speaker
            add("harm", role, agent, m)
    return _known(text, out)


def _known(text: str, out: list[Credit]) -> tuple[Credit, ...]:
    """``out`` with who started and who asked (in roles ``out`` lacks), keeping the credits
    that name an agent (not "the", "it" or a word for the weapon) and are stated, not asked
    ("not in a position to say whether an Israeli air strike was involved")."""
    roles = {o.role for o in out}
    out += [c for c in starters(text) + provokers(text) + askers(text) + initiatives(text)
            if c.role not in roles]
    return tuple(c for c in out if c.agent not in ("", "the", "it") and c.agent not in NOT_AGENTS
                 and not (c.agent and _NOT_AN_ACTOR.search(c.agent))
                 and not _ASKED_WHETHER.search(text, max(0, c.start - 60), c.start))


# Keys that name no actor: a proxy ("the Iran-backed group" is not Iran) or a weapon's model
# ("a Falaq-1 rocket", "Kh-101 missiles").
_NOT_AN_ACTOR = lazy(r"-(?:backed|aligned|allied|affiliated|linked|funded|supported)$|"
                     r"^[a-z]+-\d+[a-z]?$")


# "whether" before the credit, in its clause: a question about it ("whether to ratify the truce
# that Egypt mediated" decides an act, and its clause states the credit)
_ASKED_WHETHER = lazy(r"\bwhether\b(?!\s+(?:to|or\s+not)\b)(?![^,;]*,)", re.I)


def frame_credits(c: Claim) -> list[Credit]:
    """All credit and blame frames of a claim: ``detectors.credits`` and the wider ones here."""
    return list(_all_credits(c.content, c.speaker, c.stance))


@lru_cache(maxsize=65536)
def _all_credits(text: str, speaker: str | None, stance: str) -> tuple[Credit, ...]:
    """``frame_credits`` of a claim's content, speaker and stance (all it reads): merged once
    per claim, not once per pair; an outsider's part a denial denies comes last."""
    c = Claim("x:0", "x", text, 0, len(text), speaker=speaker, proposition=text)
    out: dict[tuple[str, str, str | None], Credit] = {}
    found = [*credits(c), *_frame_credits(text, speaker)]  # a harm denied names no cause
    for x in (x for x in found if not not_held(text, x.role, x.start)):
        if ((x.agent or "").split()[:1] in (["its"], ["their"])
                or x.agent in _OWN_SIDE.get(x.role, ()) or _FIRST_PERSON.match(text, x.start)):
            # "its troops returned fire", "soldiers shot back": the speaker's side answered;
            # "we had nothing to do with it", "our forces did not fire": the speaker's side;
            # "its fighters carried out the bombing", the Taliban said: the Taliban did
            own = norm_actor if (x.agent or "").startswith(("its ", "their ")) else subject_key
            side = speaker and own(speaker)  # "its fighters": keyed as the other claims' agents
            if side and side not in _UNNAMED:  # the speaker keyed as a subject ("The Kessian
                x = Credit(x.outcome, x.role, side, x.start, x.end)  # Popular Guard": kessian)
            elif own is subject_key:
                continue  # whose it is, no one says; "its troops" stays as it was read
        out.setdefault((outcome_class(x), x.role, x.agent), x)  # one frame said twice is one
    return (*out.values(), *denied_outsiders(text, stance))


@detector("responsibility")
def responsibility(p: Pair) -> Reason | None:
    """Two claims credit or blame different actors for one outcome: who brokered the truce, who
    asked for it, who started the fighting, who caused the blast."""
    if one_voice(p):
        return None
    fa, fb = frame_credits(p.a), frame_credits(p.b)
    if not fa or not fb:
        return None
    best: tuple[float, Credit, Credit] | None = None
    named_a, named_b = {x.agent for x in fa}, {y.agent for y in fb}
    for x in fa:
        for y in fb:
            if outcome_class(x) != outcome_class(y) and "*" not in (x.outcome, y.outcome):
                continue
            one = same_side(p.a.text, p.b.text, x.agent, y.agent)  # "Talvorian mediators",
            # "Talvor's president Rask" are Talvor's
            if not one and title_against_name(x.agent, y.agent):
                continue  # "the president" may be the "Hale" of the other claim
            if not one and (x.agent in named_b or y.agent in named_a):
                continue  # "Canada and Norway did it" / "Norway did it": one names more
            if outcome_class(x) == "election" and (not _same_vote(p) or {x.agent, y.agent}
                                              & _GENERIC_AGENTS):
                continue
            if "involved" in (x.role, y.role) and (x.role != y.role or None not in (
                    x.agent, y.agent)):
                continue  # taking part is set only against "no outsider was involved"
            if {"responder", "breaker"} & {x.role, y.role}:
                w = answer_weight(p, x, y)
                if w and same_harm(p, x, y) and (best is None or w > best[0]):
                    best = (w, x, y)
                continue
            negated = (x.role in DENIED_ROLES) != (y.role in DENIED_ROLES)
            if negated and denies_role(p.a, x) and denies_role(p.b, y):
                continue  # "Egypt denied it had mediated" / "had no role": both deny it
            if one and x.agent is not None and negated and base_role(x) == base_role(y):
                if outcome_class(x) == "harm" and incidents_apart(p):
                    continue  # denies the shelter's shooting, did shell the refinery
                w = 0.75  # "Israel hit the hospital" / "Israel was not responsible"
            elif x.role in DENIED_ROLES or y.role in DENIED_ROLES:
                w = 0.0  # "X did not do it" says nothing against "Y did it"
            elif x.agent is None and y.agent is None:
                continue  # "no third party" twice, one of them denying it was not bilateral
            elif one and p.a.stance == p.b.stance:
                continue
            elif one:
                w = 0.7  # the same actor, asserted by one and denied by the other
            elif None in (x.agent, y.agent) and (
                    p.a if x.agent is not None else p.b).stance == "denies":
                w = 0.0  # "X denied that Y mediated" is on the side of "no third party"
            elif None in (x.agent, y.agent):
                w = 0.85 if x.role == y.role and x.role in ("mediator", "involved") else 0.0
            elif "denies" in (p.a.stance, p.b.stance):
                w = 0.0  # "X denied that Y did it" credits no one
            elif x.role == y.role != "asker" or {x.role, y.role} in _ONE_ASKED:
                w = 0.75  # many may ask for one thing, but not when one is the one who asked
            elif "initiator" in (x.role, y.role):
                w = 0.0  # who took a step's initiative is no rival to who mediated it
            elif {x.role, y.role} == {"provoker", "starter"}:
                w = 0.75  # "X fired first" / "X only answered Y's raid"
            elif {x.role, y.role} <= {"cause", "starter"} or "mediator" in (x.role, y.role):
                w = 0.6
            else:
                w = 0.0
            if w and base_role(x) == "requester" and two_requests(p):
                w = 0.0  # "asked for a truce in October" / "requested one in March"; far apart
            if w and outcome_class(x) == "harm" and not same_harm(p, x, y):
                w = 0.0
            if w and not one and x.role == y.role == "cause" and outcome_class(x) == "harm" and (
                    not one_incident(p, x, y)):
                w = 0.0  # "Israel launched air strikes" / "Hamas fired rockets": in a war each
                # side strikes; two sides blamed for one harm is a dispute only over one incident
            if w and (best is None or w > best[0]):
                best = (w, x, y)
    if best is None:
        return None
    w, x, y = best

    what = {"harm": "the harm", "asked:contact": "the first approach"}.get(
        outcome_class(x), f"the {outcome_class(x).removeprefix('asked:')}")
    return Reason("actor", f"who is responsible for {what} — {credit_phrase(p.a, x)}; "
                  f"{credit_phrase(p.b, y)}",
                  (p.a.id, p.b.id), (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                  weight=w)


def other_culprits(denier: Claim, asserter: Claim) -> bool:
    """Whether a denial that one actor caused a harm and a claim that blames others for it are
    one side's, not a dispute: "the Kremlin rejected any suggestion that Russia attacked the
    pipelines" / "the US and Britain were responsible for the blasts"."""
    # the culprits the denial denies (not a charge of its own it makes: "accused Armenia"), and
    # those the other claim blames (not an act of war told as such: "the Israeli military")
    denied = [_side(x.agent, denier) for x in frame_credits(denier) if x.role == "cause"
              and x.agent and "accus" not in denier.content[x.start:x.end].lower()]
    blamed = [_side(y.agent, asserter) for y in frame_credits(asserter) if y.role == "cause"
              and y.agent and BLAMING.search(asserter.content[y.start:y.end])]
    return bool(denied and blamed) and not any(same_actor(x, y) for x in denied for y in blamed)


def _side(agent: str, c: Claim) -> str:
    """The side an agent names: a pronoun or a bare noun ("its missile", "its forces", "they")
    is the speaker's own ("Israel denied that its missile hit the hospital": Israel)."""
    if (agent in _UNNAMED or set(agent.split()) <= _UNNAMED) and c.speaker:
        return norm_actor(c.speaker)
    return agent


_FIRST_PERSON = lazy(r"(?:[Ww]e|[Oo]ur|us)\b")  # who speaks for a side, of it ("US": a name)
_UNNAMED = word_set("generic_actors") | {"its", "their", "his", "her", "it", "they", "we"}
# Common nouns that, said by a named side, are that side where it says it only answered
# ("soldiers shot back", its army said).
_OWN_SIDE = {"responder": frozenset({"troops", "soldiers", "forces", "army", "military", "officers",
                                     "police", "policemen", "guards", "units", "personnel",
                                     "sailors", "marines", "pilots", "crews", "gunners"})}


# Pairs of roles of which one says its actor was the one who asked.
_ONE_ASKED = ({"asker", "requester"}, {"asker", "initiator"}, {"requester", "initiator"})
# Roles a claim denies an actor: what each denies.
DENIED_ROLES = {"not-cause": "cause", "not-requester": "requester", "not-mediator": "mediator"}


def denies_role(c: Claim, x: Credit) -> bool:
    """Whether the claim's voice denies the actor the role: a denied role, or any credit under a
    denial ("Egypt denied it had mediated"; "Israel denied any part in it" says it once)."""
    return x.role in DENIED_ROLES or c.stance == "denies"


def base_role(c: Credit) -> str:
    """The role a credit gives or denies, cause and starter as one ("did not start it" / "did
    it")."""
    role = DENIED_ROLES.get(c.role, c.role)
    return ("cause" if role in ("starter", "provoker") else "requester" if role in (
        "asker", "initiator") else role)


def _same_vote(p: Pair) -> bool:
    """Two claims about who won speak of one vote unless they name different years or kinds
    of vote ("the presidential election" / "the mayoral race")."""
    ya, yb = ({d.value for d in dates(c.content) if d.kind == "year"} for c in (p.a, p.b))
    ka, kb = (set(_VOTE_KIND.findall(c.content.lower())) for c in (p.a, p.b))
    return not (ya and yb and not ya & yb) and not (ka and kb and not ka & kb)


_VOTE_KIND = lazy(r"\b(presidential|mayoral|parliamentary|legislative|local|regional|"
                        r"municipal|general|senate|gubernatorial|primary)\s+(?:election|race|vote|"
                        r"poll|runoff|contest)")
# Agents too generic to tell two winners apart ("The Liberal Party" and "Liberals": "party").
_GENERIC_AGENTS = frozenset({"party", "coalition", "opposition", "alliance", "government",
                             "bloc", "front", "movement"})


def outcome_class(c: Credit) -> str:
    """The class of outcome a credit is compared in: a harm, a truce (deals, talks), or its own."""
    return "harm" if c.outcome == "harm" else "ceasefire" if c.outcome in (
        "ceasefire", "deal", "agreement", "accord", "pact", "talks", "*") else c.outcome


