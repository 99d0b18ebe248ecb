"""Why something happened or was done: two reports that give one happening different reasons or
aims ("the army pulled out for military reasons" / "commanders withdrew in order to spare the
city"; "meant only to punish" / "its aim was to be highly destructive"), or one draws a link the
other denies ("linked to the coup" / "unrelated to the coup"). The ``linkage`` detector: issue
10's seventh kind of conflict."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...records import Claim, Reason
from ..detectors import Pair, denial_inside, detector, one_voice, same_speaker, span_of
from ..gate import Gate
from .counts import another_occasion
from .reason_words import ACT_STEMS, act_stems, apart, half_in, same_thing, sites_apart


@dataclass(frozen=True, slots=True)
class Why:
    """A reason or aim a claim gives: what it explains, the reason, and the reason's span in
    the claim's content; ``denied`` when the claim denies the link ("unrelated to the coup",
    "not flooding"); ``kind``: terms and orders are set only against their own kind (a deal's
    terms and its aim may both hold)."""

    explained: str
    reason: str
    start: int
    end: int
    denied: bool = False
    kind: str = "reason"  # or "terms" ("in return for"), "authority" ("on orders from")
    by: str = ""  # who gives it, when the claim names them as the one blaming ("the operator
    # blamed the blackout on a fault"): a voice, as a speaker is


# A cue, then the reason up to the end of its clause. "for military reasons" keeps its adjective.
_CUE = re.compile(
    r"\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|out\s+of\s+(?=\w+\s+(?:for|"
    r"of)\b)|in\s+order\s+to|so\s+as\s+to|so\s+that|in\s+a\s+bid\s+to|in\s+an?\s+(?:effort|"
    r"attempt)\s+to|with\s+the\s+(?:aim|goal|intention)\s+of|aimed\s+at|(?:was|were|is|are)\s+"
    r"(?:(?:not|never)\s+)?(?:designed|meant|intended)\s+(?:only\s+)?to|driven\s+by|in\s+(?:response|retaliation)\s+"
    r"(?:to|for)|(?:was|is|came)\s+(?:as\s+)?(?:a\s+)?(?:direct\s+)?(?:response|retaliation|reply|"
    r"answer|revenge|punishment)\s+(?:to|for)|"
    r"as\s+(?=an?\s+(?:[\w-]+\s+)?(?:gesture|sign|signal|precaution|precautionary)\b)|"
    r"as\s+part\s+of|in\s+(?:return|exchange)\s+for|on\s+(?:the\s+)?orders?\s+(?:of|from)|"
    r"under\s+(?=(?:[\w-]+\s+){0,2}?pressure\b)|"
    r"only\s+after\s+(?=(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:of\s+)?){1,5}(?:had\s+)?[a-z]+ed\b)|"
    r"over\s+(?=(?:his|her|its|their)\s+(?:role|part|involvement|handling|"
    r"failure)\b)|(?<=resigned\s)over\s+|(?<=quit\s)over\s+|(?<=down\s)over\s+|"
    r"(?:(?:was|were|had\s+been)\s+)?(?:caused|started|triggered|sparked|set\s+off|brought\s+"
    r"down|prompted)(?:\s+deliberately)?\s+by|(?:stemmed|stems|arose|resulted)\s+from|"
    r"(?<=\s)died\s+(?:of|from)\s+|"
    r"(?:was|were|is|are)\s+(?:the\s+|a\s+)?(?:direct\s+)?(?:result|consequence)\s+of|"
    r"as\s+a\s+(?:direct\s+)?consequence\s+of|in\s+(?:reprisal|revenge)\s+for|"
    r"in\s+protest\s+(?:at|against|over)|as\s+a\s+protest\s+(?:at|against|over)|"
    r"(?:was|were|is|are)\s+(?:linked|connected|related|tied)\s+to|"
    r"for\s+(?P<adj>(?:[\w-]+\s+){1,2}?)reasons?\b(?:\s+of)?)\b\s*", re.I)  # whole words
# A link denied: "is unrelated to the coup", "had nothing to do with the strike", "is not
# connected to military spending".
_NO_LINK = re.compile(
    r"\b(?:(?:was|were|is|are)\s+(?:unrelated|unconnected|(?:not|in\s+no\s+way)\s+(?:linked|"
    r"connected|related|tied|due))\s+to|(?:had|has|have)\s+nothing\s+to\s+do\s+with|(?:had|has|"
    r"have|bore|bears)\s+no\s+(?:bearing|relation|connection|effect|impact|influence)"
    r"(?:\s+whatsoever)?\s+(?:on|to|with)|"
    r"did\s+not\s+"
    r"figure\s+in)\s+", re.I)
# "rejected any link between the job cuts and the move to electric cars": a link denied.
_NO_LINK_BETWEEN = re.compile(
    r"\b(?:rejected|rejects|denied|denies|dismissed|ruled\s+out)\s+(?:any|a)\s+(?:link|"
    r"connection)\s+between\s+(?P<x>[^,;.]{3,80}?)\s+and\s+(?P<y>[^,;.]{3,80})", re.I)
# "The ceasefire and the hostage release were separate matters": a link denied.
_SEPARATE = re.compile(r"(?:^|(?<=\bthat\s)|(?<=,\s))(?P<x>(?:the\s+)?[\w'’ -]{3,60}?)\s+and\s+"
                       r"(?P<y>(?:the\s+)?[\w'’ -]{3,60}?)\s+(?:were|are|was|is)\s+(?:entirely\s+|"
                       r"completely\s+|two\s+)?(?:separate|unrelated|unconnected)\b", re.I)
# "the strike ended after the threat", "After Qatari mediation, the sides agreed": a link in
# time, which a denied link meets ("the threat had nothing to do with it"); never set against
# another reason (a truce after talks and because of pressure may both hold).
_AFTER = re.compile(r"(?:^|(?<=\.\s))[Aa]fter\s+(?P<lead>[^,;.]{3,80}?),\s+|"
                    r"(?<=\s)(?:(?:shortly|soon)\s+)?after\s+(?=(?:an?|the|its|their|his|"
                    r"her|[A-Z][\w'’-]*)\s)")
# "US pressure played no part in ending the fighting": a cause denied, before what it explains.
_NO_PART = re.compile(r"(?:^|(?<=\bthat\s)|(?<=,\s))(?P<r>[\w'’ -]{3,60}?)\s+(?:played|had|has|"
                      r"plays)\s+no\s+(?:part|role)\s+(?:whatsoever\s+)?in\s+", re.I)
# "Trade never came up in the talks", "trade was not discussed": a reason ruled out of the whole
# process, whatever it led to (``ANY``).
_NOT_RAISED = re.compile(
    r"(?:^|(?<=\bthat\s)|(?<=,\s))(?P<r>[\w'’ -]{3,40}?)\s+(?:(?:has|had|was|were|is|are)\s+)?"
    r"(?:never|did\s+not|"
    r"didn['’]t|was\s+not|wasn['’]t|were\s+not|weren['’]t|had\s+not|hadn['’]t)\s+(?:been\s+)?"
    r"(?:come\s+up|came\s+up|discussed|raised|mentioned|brought\s+up|on\s+the\s+(?:agenda|table)|"
    r"(?:a\s+)?(?:factor|issue|topic))\b", re.I)
ANY = "*"  # what a reason ruled out of a whole process explains: anything it led to
# "Investigators said an electrical fault caused the blaze": the cause, then what it explains.
_CAUSED = re.compile(r"(?:^|(?<=\bthat\s)|(?<=,\s))(?P<r>(?:an?|the)\s[\w'’ -]{2,60}?|"
                     r"(?-i:[A-Z])[a-z]+(?:\s[\w'’ -]{2,60}?)?)"  # "Arson caused", "Vandals were"
                     # "an earth tremor, not any build-up of gas, caused": the other ruled out
                     r"(?:,\s+(?:and\s+)?not\s+(?P<no>[\w'’ -]{2,60}?),)?"
                     r"(?<!\sbeen)(?<!\swas)(?<!\swere)(?<!\sis)(?<!\sare)(?:\s+alone|\s+solely)?\s+"
                     r"(?:had\s+)?(?P<verb>caused|triggered|sparked|ignited|set\s+off|prompted|"
                     r"brought\s+down|knocked\s+out|sank|led\s+to|(?:was|were)\s+(?:the\s+)?"
                     r"(?:sole\s+|main\s+|only\s+|real\s+)?(?:cause|culprit)\s+(?:of|in|behind)|"
                     r"(?:was|were)\s+(?:solely\s+|entirely\s+)?(?:to\s+blame\s+for|behind))"
                     r"\s+(?=the\s|[\w-]+['’]s\s)", re.I)
# Verbs that cause only when what follows is a mishap: "was behind the blast" (not "the car was
# behind the truck"), "ignited the blaze" (not "the crowd"), "sank the ferry" (not "the
# visitors"), "knocked out power" (not "the champion"); a one-word cause too ("Arson caused",
# not "Officials led to the scene").
_LOOSE = re.compile(r"(?:was|were)\s+(?:solely\s+|entirely\s+)?behind|ignited|sank|"
                    r"knocked\s+out", re.I)
_MISHAP = re.compile(
    r"\b(?:attacks?|blasts?|explosions?|bombings?|fires?|blazes?|wildfires?|crash(?:es)?|"
    r"collapses?|outages?|blackouts?|sinking|derailments?|floods?|flooding|outbreaks?|"
    r"poisonings?|stampedes?|crush|leaks?|spills?|deaths?|killings?|massacres?|shootings?|"
    r"incidents?|accidents?|disasters?|breach|failures?|illness|infections?|cases|"
    r"contamination|fall|(?:power|electricity|grid|network|systems?|services?|lights|"
    r"communications|ferry|ship|vessel|boat|tanker|carrier|submarine|trawler|vapou?rs|fuel|gas|"
    r"solvent|tank|depot|warehouse|plant|factory|mine|pit))\b", re.I)
# (what it caused is a happening named as one: "the blaze", "Friday's crash"; not an effect:
# "caused no damage", "caused one casualty")
# "X blamed the fire on a gas leak": what is explained, then its cause.
_BLAMED_ON = re.compile(r"\bblamed\s+(?P<x>(?:the\s+)?[\w\s'’-]{3,60}?)\s+on\s+", re.I)
# "Investigators blamed arson for the fire", "traced the outbreak to its water supply": the
# cause first, or what is explained first.
_BLAMED_FOR = re.compile(r"\bblamed?\s+(?P<r>(?:the\s+|an?\s+)?[\w\s'’-]{3,60}?)\s+for\s+",
                         re.I)
_TRACED_TO = re.compile(r"\b(?:traced|attribut(?:ed|ing|es)|(?<!\swas)(?<!\swere)(?<!\sis)"
                        r"(?<!\sare)(?<!\sbe)(?<!\sbeen)(?<=\s)linked)\s+"
                        r"(?P<x>(?:the\s+)?[\w\s'’-]{3,60}?)\s+(?:back\s+|solely\s+|entirely\s+|"
                        r"largely\s+|mainly\s+|directly\s+)?to\s+"
                        # not "linked the decision to shelve EU talks to ...": an infinitive
                        r"(?!(?!(?:the|an?|his|her|its|their|any)\s)(?-i:[a-z]+)\s+(?:(?:the|an?|"
                        r"his|her|its|their)\b|(?-i:[A-Z])))", re.I)
# ("Prosecutors linked the collapse to shoddy work"; the passive "was linked to" is a ``_CUE``)
# "Investigators put the crash down to mistakes in the cockpit".
_PUT_DOWN = re.compile(r"\bput\s+(?P<x>(?:the\s+)?[\w\s'’-]{3,60}?)\s+down\s+to\s+"
                       r"(?![a-z]+\s+(?:the|an?|his|her|its|their|order)\b)", re.I)
# "The cholera cases were traced to a batch of shellfish": what is explained, then its cause.
_WERE_TRACED = re.compile(r"(?:^|(?<=\bthat\s)|(?<=,\s))(?P<x>(?:(?:an?|the)\s|(?-i:[A-Z])[a-z]+\s)"
                          r"[\w'’ -]{2,60}?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                          r"(?:(?:since|later|now)\s+)?(?:traced|attributed)\s+(?:back\s+)?to\s+",
                          re.I)
# A reason ruled out inside another: "an expected rebel assault, not flooding".
_NOT_THIS = re.compile(r",\s*(?:not|rather\s+than|instead\s+of)\s+(?P<r>[^,;.]+)", re.I)
# "the strike was unprovoked": a reason denied, against any reason given.
_UNPROVOKED = re.compile(r"(?<!\s)\s+(?:was|were|is|are)\s+(?:completely\s+|entirely\s+|"
                         r"totally\s+)?unprovoked\b", re.I)
# "the withdrawal was voluntary", "the troops left of their own accord": no cause but their own
# choice, against any cause another gives ("because of the rebels' offensive").
_VOLUNTARY = re.compile(r"(?<!\s)\s+(?:(?:was|were|is|are)\s+(?:entirely\s+|purely\s+|"
                        r"completely\s+)?voluntary|voluntarily|of\s+(?:their|its|his|her)\s+own\s+"
                        r"(?:accord|volition|free\s+will))\b", re.I)
OWN_CHOICE = "their own choice"
# Before a denied link, what leaves it open or takes the denial back: a hedge ("may have no
# effect on", "probably had", "would have had"; not the firm "will have no effect"), a condition
# opening its own clause ("if the drought had no effect"; not "If anything, the levy had"), a
# retraction ("it is not true that the frost had no effect").
_OPEN_LINK = re.compile(r"\b(?:(?:may|might|could|should)(?:\s+(?:\w+ly|well|even|yet))?(?:\s+have)"
                        r"?|would\s+have|probably|possibly|perhaps|likely|(?:appears?|seems?)\s+to"
                        r"\s+have)\s*$|(?:^|[,;:]\s*)(?:if|unless|whether|even\s+if)\b(?![^,;:]*[,;:])|"
                        r"(?:\bnot|\bnever|n['’]t)\s+(?:true|the\s+case|so)\s+that\b", re.I)
_NOT_SO = re.compile(r"\b(?:not|never|no\s+one|nobody|none)\b|n['’]t\b", re.I)
# What compels: only such a cause is set against a free choice ("resigned voluntarily" /
# "resigned because of ill health" may both hold; "... because of the rebel offensive" not).
_COMPELS = re.compile(r"\b(?:offensives?|pressure|threats?|threatened|orders?|ordered|forced?|"
                      r"ultimatums?|attacks?|assaults?|advances?|shelling|bombardment|fighting|"
                      r"defeats?|losses|sanctions|court|ruling|raids?|siege|coercion|intimidation|"
                      r"eviction|expulsion|expelled|deadline|blackmail)\b", re.I)
# "the aim of the operation was to punish", "Iran's aim had been to destroy".
_AIM = re.compile(
    r"\b(?:(?:the|its|their|his|her)\s+|(?<![\w-])(?P<whose>[A-Z][\w-]*)['’]s\s+)(?:(?:declared|stated|"
    r"real|true|main)\s+)?(?:aim|goal|purpose|objective|intention|motive)(?:\s+of\s+(?P<of>[^,;]"
    r"+?))?\s+(?:was|is|were|had\s+been|has\s+been|seem(?:ed|s)\s+to\s+be|appear(?:ed|s)\s+to\s+be)"
    r"\s+(?:to\s+)?", re.I)
_CLAUSE_END = re.compile(r"[;.]|,\s+(?:and|but|while|which|who|although|though|saying|adding|"
                         r"insisting|noting|citing|arguing|pointing)\b|\s+and\s+"
                         r"(?:that|said|added|promised|urged|was|were|is|are|had|has|have|"
                         r"followed|reflects|reflected|came|stemmed)\b|\s+but\s+(?=(?:by|because|"
                         r"due|for|from|to)\b)")


# A negation right before a cue denies the reason: "are not aimed at", "was never meant to".
_NOT_BEFORE = re.compile(r"\b(?:not|never)\s+(?:(?:entirely|in\s+any\s+way)\s+)?$|"
                         r"n['’]t\s+$", re.I)
# A relative clause opening: what follows it is what a reason after it explains.
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\s+", re.I)


def _nearest_clause(before: str) -> str:
    """What a reason after ``before`` explains: its last relative clause, else all of it."""
    return _RELATIVE.split(before)[-1].strip()


def _read(out: list[Why], at: int) -> bool:
    """Whether a reason already read spans ``at``."""
    return any(w.start <= at < w.end for w in out)


_SAID_AFTER = re.compile(r",\s+(?:[\w'’-]+\s+){0,6}?(?:said|says|added|told\s+[\w ]{1,30}?)$",
                         re.I)


def _after_that(text: str) -> str:
    """What a clause is about when a speaker opens it: "Officials said that the strike ended"
    is about "the strike ended". Only its last ``_LONGEST`` characters are read: a text of many
    cues and no full stop stays linear."""
    return re.sub(r"^.*\b(?:said|says|added|insisted|told\s+[\w ]{1,30}?)\s+(?:that\s+)?", "",
                  text[-_LONGEST:].strip(), flags=re.I).strip()


def _clause(text: str, at: int) -> tuple[str, int]:
    """The text from ``at`` to its clause's end, and where that end is (read at most
    ``_LONGEST`` characters on: a text of many cues and no full stop stays linear)."""
    m = _CLAUSE_END.search(text, at, at + _LONGEST)
    end = m.start() if m else min(len(text), at + _LONGEST)
    return text[at:end].strip(), end


_LONGEST = 600  # characters a clause runs to at most


@lru_cache(maxsize=65536)
def reasons(text: str) -> tuple[Why, ...]:
    """The reasons and aims ``text`` gives, each with what it explains."""
    out: list[Why] = []
    if not _GATE.opens(text):
        return ()  # no word any of the patterns below needs: most claims give no reason
    for m in _AIM.finditer(text):
        reason, end = _clause(text, m.end())
        explained = m.group("of") or m.group("whose") or text[:m.start()]
        if reason:
            out.append(Why(explained.strip(), reason, m.end(), end))
    for m in _UNPROVOKED.finditer(text):
        out.append(Why(text[:m.start()].strip(), "no provocation", m.start(), m.end()))
    for m in _VOLUNTARY.finditer(text):
        before = _after_that(text[:m.start()])
        if not _NOT_SO.search(before):  # "did not leave voluntarily": not their own choice
            out.append(Why(before, OWN_CHOICE, m.start(), m.end()))
    for m in _NO_LINK.finditer(text):
        other, end = _clause(text, m.end())
        other = _SAID_AFTER.sub("", other)  # "the leak, the company said": the leak
        subject = _after_that(text[:m.start()])
        if _OPEN_LINK.search(subject):  # "may have no effect", "if it had no effect": a
            continue                    # link left open, "not true that ...": one upheld
        if other and subject:  # a link denied holds both ways: "the threat had nothing to do
            # with the end of the strike" denies the strike ended because of the threat
            out.append(Why(subject, other, m.start(), end, denied=True))
            out.append(Why(other, subject, m.start(), end, denied=True))
    for m in _NO_LINK_BETWEEN.finditer(text):
        out.append(Why(m.group("x").strip(), m.group("y").strip(), m.start(), m.end(), True))
        out.append(Why(m.group("y").strip(), m.group("x").strip(), m.start(), m.end(), True))
    for m in _SEPARATE.finditer(text):  # two matters may still come one after the other
        out.append(Why(m.group("x").strip(), m.group("y").strip(), m.start(), m.end(), True,
                       kind="separate"))
        out.append(Why(m.group("y").strip(), m.group("x").strip(), m.start(), m.end(), True,
                       kind="separate"))
    for m in _NO_PART.finditer(text):
        explained, end = _clause(text, m.end())
        cause = re.sub(r"^.*\bthat\s+", "", m.group("r")).strip()  # "said that X": X
        if explained and cause:
            out.append(Why(explained, cause, m.start(), end, denied=True))
    for m in _NOT_RAISED.finditer(text):
        topic = re.sub(r"^(?:the\s+(?:issue|question|subject|matter)\s+of\s+|the\s+)", "",
                       m.group("r").strip(), flags=re.I)
        if topic and topic.lower() not in _NOT_TOPICS:
            out.append(Why(ANY, topic, m.start(), m.end(), denied=True))
    for m in _BLAMED_ON.finditer(text):
        reason, end = _clause(text, m.end())
        if reason:
            out.append(Why(m.group("x").strip(), reason, m.start(), end, by=_blamer(text, m)))
    for m in _BLAMED_FOR.finditer(text):
        explained, end = _clause(text, m.end())
        if explained:
            out.append(Why(explained, m.group("r").strip(), m.start(), end,
                           by=_blamer(text, m)))
    for m in _CAUSED.finditer(text):
        explained, end = _clause(text, m.end())
        loose = _LOOSE.fullmatch(m.group("verb")) or " " not in m.group("r").strip()
        if explained and (not loose or _MISHAP.search(explained)):
            out.append(Why(explained, m.group("r").strip(), m.start(), end))
            if m.group("no"):
                out.append(Why(explained, m.group("no").strip(), m.start(), end, denied=True))
    for rx in (_TRACED_TO, _WERE_TRACED, _PUT_DOWN):
        for m in rx.finditer(text):
            reason, end = _clause(text, m.end())
            if reason and (rx is _TRACED_TO or _MISHAP.search(m.group("x"))):  # not "the
                # remarks were attributed to an aide", "put his foot down"
                out.append(Why(m.group("x").strip(), reason, m.start(), end))
    for m in _CUE.finditer(text):
        if _read(out, m.start()):
            continue
        reason, end = _clause(text, m.end())
        if m.group("adj"):  # "for military reasons": the reason is the adjective
            reason, end = m.group("adj").strip(), m.end()
        explained = _nearest_clause(text[:m.start()])  # "the embassy, which
        # looks after US interests because ...": the reason explains the relative clause
        if reason and explained:
            ruled_out = _NOT_THIS.search(reason)
            if ruled_out:  # "because of an assault, not flooding": flooding is denied
                out.append(Why(explained, ruled_out.group("r").strip(), m.start(), end, True))
                reason = reason[:ruled_out.start()].strip()
            cue = m.group(0).lower()
            if _NOT_BEFORE.search(text, max(0, m.start() - 20), m.start()) or re.match(
                    r"(?:was|were|is|are)\s+(?:not|never)\b", cue):
                out.append(Why(explained, reason, m.start(), end, True))  # "is not aimed at"
                continue
            kind = ("terms" if re.match(r"in\s+(?:return|exchange)", cue) else "authority"
                    if cue.startswith("on") else "reason")
            out.append(Why(explained, reason, m.start(), end, kind=kind))
    for m in _PUNISHED_FOR.finditer(text):  # "the journalist was arrested for tax evasion"
        if _read(out, m.start("for")):
            continue
        reason, end = _clause(text, m.end())
        explained = _nearest_clause(text[:m.start("for")])
        if reason and explained:
            out.append(Why(explained, reason, m.start("for"), end))
    for m in _PURPOSE_TO.finditer(text):  # "withdrew from the town to spare civilians"
        before = re.findall(r"[A-Za-z’'-]+", text[max(0, m.start() - 30):m.start()])
        if not before or before[-1].lower() in _WANTING or _read(out, m.start()):
            continue  # "agreed to protect", "wanted to punish": no aim of an act
        reason, end = _clause(text, m.end())
        explained = _nearest_clause(text[:m.start()])
        if reason and explained and len(explained.split()) >= 2 and not _MODAL.search(explained):
            out.append(Why(explained, reason, m.start(), end, kind="aim"))
    for m in _AFTER.finditer(text):
        if _read(out, m.start()) or any(m.start() <= w.start < m.end() for w in out):
            continue  # "only after the bloc threatened sanctions": a reason already
        if m.group("lead"):  # "After Qatari mediation, the two sides agreed to a truce"
            reason, explained = m.group("lead"), _clause(text, m.end())[0]
            end = m.end()
        else:  # "the strike ended after the government threatened to send in troops"
            reason, end = _clause(text, m.end())
            explained = _after_that(text[:m.start()])
        if reason and explained:
            out.append(Why(explained, reason.strip(), m.start(), end, kind="after"))
    return tuple(out)


# A punishment and what it was for: "arrested for tax evasion", "sacked over the leak" (not a
# term: "detained for two days", "jailed for five years").
_PUNISHED_FOR = re.compile(
    r"\b(?:sacked|arrested|detained|jailed|removed|expelled|sentenced|fined|suspended|banned|"
    r"punished|dismissed|deported|prosecuted|imprisoned)\b(?:\s+[\w'’-]+){0,4}?\s+(?P<for>for|over)"
    r"\s+(?!(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|up\s+to\s+)?(?:\d|a|an|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|several|many|life|much|most|questioning|hours|"
    r"days|weeks|months|years|the\s+(?:first|second|third|past|last|next|weekend|night|rest|"
    r"course|duration|holidays?|summer|winter|spring|autumn|years?|months?|weeks?|days?))\b)",
    re.I)
# An aim told by a bare infinitive after an act ("shut the border to punish Velian traders");
# the verbs that tell an aim, and the words before "to" that make it no aim ("agreed to").
_PURPOSE_TO = re.compile(
    r"(?<=\w\s)to\s+(?=(?:spare|protect|punish|stop|prevent|hide|silence|seize|force|pressure|"
    r"deter|weaken|avoid|ensure|defend|secure|save|block|cover\s+up|distract|retaliate|"
    r"intimidate|humiliate|provoke|destabili[sz]e|undermine|divert|shield|rescue|free|crush|"
    r"quell|suppress|preserve|safeguard|curb|contain|starve|drive\s+out|push\s+back)\b)", re.I)
_WANTING = frozenset({
    "agreed", "wanted", "want", "wants", "refused", "tried", "decided", "plans", "planned", "plan",
    "going", "due", "able", "unable", "has", "have", "had", "set", "used", "promised", "vowed",
    "threatened", "sought", "seeks", "hoped", "hopes", "expected", "likely", "ready", "willing",
    "needed", "needs", "need", "continued", "began", "started", "failed", "managed", "chose",
    "attempted", "intended", "aimed", "meant", "designed", "order", "ordered", "asked", "urged",
    "called", "pledged", "committed", "helped", "help", "helps", "way", "bid", "effort",
    "attempt", "right", "duty", "time", "moved", "rushed", "scrambled", "worked", "working",
    "efforts", "enough", "how", "what", "failure", "power", "powers", "authority",
    "trying", "seeking", "hoping", "planning", "attempting", "wanting", "looking", "waiting",
    "struggling", "rushing", "scrambling", "racing", "fighting", "moving", "steps", "measures",
    "action", "act", "acts", "acting", "intervene", "means", "chance", "opportunity", "be",
    "is", "was", "were", "are", "been", "being", "seemed", "seems", "appeared", "appears"})
# An act not done but called for ("should take steps to stop"): no act whose aim is told.
_MODAL = re.compile(r"\b(?:should|must|ought|would|could|might|will|shall|needs?\s+to|has\s+to|"
                    r"have\s+to|urged|called\s+on)\b", re.I)
_GATE = Gate(_AIM, _UNPROVOKED, _VOLUNTARY, _NO_LINK, _NO_LINK_BETWEEN, _SEPARATE, _NO_PART,
             _NOT_RAISED, _BLAMED_ON, _BLAMED_FOR, _CAUSED, _TRACED_TO, _WERE_TRACED, _PUT_DOWN,
             _CUE, _AFTER, _PUNISHED_FOR, _PURPOSE_TO)  # what a reason comes from


def _blamer(text: str, m: re.Match[str]) -> str:
    """Who blames, when the clause opens with them ("The grid operator blamed ..."); "" for a
    pronoun, a passive ("was blamed") or none."""
    who = re.sub(r"^.*\b(?:said|says|say|told\s+\w+)\s+(?:that\s+)?", "", text[:m.start()].strip(),
                 flags=re.I)  # "Officials say the operator blamed": the operator
    who = re.sub(r"(?:\s+(?:has|have|had|also|again|repeatedly|later|initially))+$", "", who,
                 flags=re.I).strip()  # "The grid operator has blamed": the grid operator
    if not who or len(who.split()) > 6 or re.search(r"\b(?:was|were|is|are|be|been)$", who,
                                                    re.I):
        return ""
    return "" if who.lower() in _NOT_TOPICS else who


# Subjects that are no topic ruled out: "it was not discussed", "this never came up".
_NOT_TOPICS = frozenset({"it", "this", "that", "he", "she", "they", "we", "which", "what"})


def _one_link(x: Why, y: Why) -> bool:
    """A link given and a link denied are one when the denied reason's words are mostly in
    the other ("linked to the coup" / "unrelated to the coup attempt"), when two of its words
    are ("Bahceli's overture about Ocalan" / "Bahceli's call for Ocalan to speak"), or when its
    head word is ("any resolution passed in Strasbourg" / "a European Parliament resolution");
    not when they share a word aside ("unrelated to the city's gang feud" / "a dispute at the
    city's market")."""
    denied, given = (x, y) if x.denied else (y, x)
    words, other = act_stems(denied.reason), act_stems(given.reason)
    head = act_stems((_HEAD_END.split(denied.reason, 1)[0].split() or [""])[-1])
    return half_in(denied.reason, given.reason) >= 0 or len(words & other) >= 2 or bool(
        head and head <= other)


# Where a noun phrase's head ends and what qualifies it begins: "any resolution | passed in".
_HEAD_END = re.compile(r"\s+(?:in|of|on|at|from|about|over|by|with|for|to|that|which|who|"
                       r"[a-z]+ed)\b")


def _inside(reason: str, explained: str) -> bool:
    """Whether a reason is what the other claim explains: most of its words are there."""
    return half_in(reason, explained) > 0



def claim_reasons(c: Claim) -> tuple[Why, ...]:
    """A claim's reasons as its voice holds them: a claim that denies its content ("the ministry
    denied that the curfew was imposed because of the protests") denies the link it reports;
    one whose content is its own denial ("rejected any link between X and Y") is read as
    written."""
    got = reasons(c.content)
    if not got or c.stance != "denies" or denial_inside(c):
        return got
    own = _OWN_WORDS.search(c.content)  # "denied that A, saying B": B is the speaker's own
    cut = own.start() if own else len(c.content)
    return tuple(replace(w, denied=not w.denied) if w.start < cut else w for w in got)


_OWN_WORDS = re.compile(r",\s+(?:saying|adding|insisting|arguing|noting|citing)\b")


@detector("linkage")
def linkage(p: Pair) -> Reason | None:
    """Two voices give one happening different reasons or aims, or one draws a link the other
    denies ("linked to the coup" / "unrelated to the coup attempt"): claims of one story
    (cosine at least 0.35) from two named speakers, whose explained parts are one thing
    (``same_thing``); two reasons given differ when they share no content word, a reason and
    a denied one are the same link when the denied one's words are in the other
    (``_one_link``). A reason ruled out of the whole process ("trade never came up in the
    talks", issue 10's own example) is set against the reason given for whatever it led to, in
    any voice, from cosine 0.25."""
    if one_voice(p) or p.similarity < 0.25 or same_speaker(p.a, p.b) and p.a.speaker:
        return None
    xs, ys = claim_reasons(p.a), claim_reasons(p.b)
    if p.similarity < 0.35 and not any(w.explained == ANY for w in (*xs, *ys)):
        return None  # one story (0.35); a topic ruled out is worded apart from its reason
    if xs and ys and another_occasion(p.a.content, p.b.content):
        return None  # dated to two days or years: two happenings, each with its cause
    # Reasons are disputed between voices (an outlet's background is not one), unless one
    # rules a reason out of the whole process ("trade never came up in the talks").
    for x in xs:
        for y in ys:
            vx, vy = (x.by or p.a.speaker or "").lower(), (y.by or p.b.speaker or "").lower()
            if vx == vy and (x.by or y.by):
                continue  # one voice giving two reasons, or both in the outlet's
            named = bool(vx and vy)
            ruled_out = ANY in (x.explained, y.explained)
            if p.similarity < 0.35 and not ruled_out:
                continue
            kinds = {x.kind, y.kind}
            if "after" in kinds and (kinds != {"after", "reason"} or x.denied == y.denied
                                     or (x if x.kind == "after" else y).denied):
                continue  # an "after" only against a link denied
            if kinds == {"separate", "reason"}:
                kinds = {"reason"}  # "linked to the release" / "separate matters"
            if kinds == {"aim"}:
                continue  # two aims of one act ("to protect the embassy" / "to secure the
                # airport") may both hold; an aim against a cause or a stated reason may not
            kinds = {"reason" if k == "aim" else k for k in kinds}
            if OWN_CHOICE in (x.reason, y.reason) and not _COMPELS.search(
                    y.reason if x.reason == OWN_CHOICE else x.reason):
                continue  # "voluntarily" / "because of ill health": both may hold
            if sites_apart(x.explained, y.explained):
                continue  # "the derailment near Pennel" / "at Kastro": two of them
            if _inside(x.reason, y.explained) or _inside(y.reason, x.explained):
                continue  # a chain: "a short circuit caused the blaze" / "a cable caused the
                # short circuit that started the blaze"
            if not (named or ruled_out or x.denied != y.denied) or x.denied and y.denied or (
                    len(kinds) > 1 and "after" not in kinds) or not (
                    ruled_out or same_thing(x.explained, y.explained)):
                continue  # (one thing explained: "the resignation" / "the arrest" are two,
                # whatever link one gives and the other denies; helper-231)
            if x.denied == y.denied and not apart(x.reason, y.reason):
                continue  # the same link given twice
            if x.denied != y.denied and not _one_link(x, y):
                continue  # a link denied, and another given: both may hold
            who = "; ".join(f"{c.speaker or w.by or 'the outlet'}: "
                            f"{'not ' if w.denied else ''}"
                            f"{w.reason!r}" for c, w in ((p.a, x), (p.b, y)))
            return Reason("linkage", f"why? — {who}", (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.6)
    return None


def causes_apart(a: Claim, b: Claim) -> bool:
    """Whether two claims each give a reason (not denied; not an aim: two aims of one act may
    both hold) and no two of those share a content word: "ice on the runway caused the jet to
    skid" / "it overran because its brakes failed" are two accounts, never one statement,
    whatever their shared name and wording. A reason in other words ("the storm" / "strong
    winds") shares a folded stem (``act_stems``) or a word's start ("snow" / "snowfall")."""
    xs, ys = ([w for w in claim_reasons(c) if not w.denied and w.kind == "reason"
               and w.reason != OWN_CHOICE] for c in (a, b))  # a free choice may have reasons
    return bool(xs and ys) and all(apart(x.reason, y.reason) for x in xs for y in ys)


__all__ = ["ACT_STEMS", "Why", "act_stems", "causes_apart", "claim_reasons", "linkage",
           "reasons"]
