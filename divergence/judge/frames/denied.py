"""A happening one claim says did not happen and another says did, in other words: "the ministry
denied that its forces had shelled the market" / "government artillery hit the crowded market";
"the hospital was not hit" / "a shell struck the hospital's east wing"; "the militia denies
seizing the airport" / "militia fighters took control of the airport". The ``denied`` detector,
and the frame keys that pair such claims however far apart their wording (``untold:KIND:THING``
meets ``told:KIND:THING``).

A happening is an act of one kind (a strike, a capture, a loss of aircraft or tanks, an arrest)
read with the thing it was done to, the nouns beside its verb ("the market", "two jets"). Two
claims tell of one happening when the kinds match and they name one such thing; the clash is
that exactly one of them says it did not happen, by a negation that governs the act ("was not
hit", "none of its jets were downed") or by its stance ("X denied that P"). A denial that names
its doer ("Israel did not bomb the hospital") denies that doer's part, not the happening: it
clashes only with a report of the same side. Not when the report names a doer of another side
("the army denied shelling the market" / "rebel mortars hit the market"), nor an act another day
or in another place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Claim, Reason
from ...wordlists import word_set
from ..demonyms import DEMONYM_WORD, same_actor
from ..detectors import Pair, denial_inside, detector, one_voice, span_of
from ..gate import Gate
from ..hedges import unsettled
from ..text import countries, dates
from .counts import singular
from .debunked import CALLED_FALSE

# Acts by kind, as verbs and some of their nouns ("the strike on the hospital": a negation must
# govern the verb group itself, so "was not responsible for the strike" still tells the strike);
# a thing must sit beside each.
_KINDS = {
    "strike": r"hit|hitting|struck|strike|striking|shell(?:ed|ing)?|bomb(?:ed|ing)?|"
              r"bombard(?:ed|ing)?|pounded|fir(?:e|ed|ing)\s+(?:on|at|upon|into)|"
              r"open(?:ed|ing)?\s+fire\s+on|shoot(?:ing)?\s+at|shot\s+at|attack(?:ed|ing)?|"
              r"target(?:ed|ing)?|raid(?:ed|ing)?|rocketed|mortared|"
              r"strikes|attacks|raids|bombings",  # plurals: only in a report called false
    "capture": r"seiz(?:e|ed|ing)|captur(?:e|ed|es|ing)|(?:took|taken|take|taking)\s+"
               r"(?:control\s+of|over)|(?:took|taken|take|taking)(?=\s+the\s+(?!place|part|lead|"
               r"step|decision|view|time)\w)|overr[au]n|overrunning|fell\s+to|fallen\s+to|"
               r"storm(?:ed|ing)?|overpowered",
    "loss": r"shot\s+down|shoot(?:ing)?\s+down|down(?:ed|ing)|destroy(?:ed|ing)?|lost|lose|"
            r"losing|sank|sunk|sink(?:ing)?|brought\s+down|knocked\s+out",
    "detain": r"arrest(?:ed|ing)?|detain(?:ed|ing)?|abduct(?:ed|ing)?|kidnapp?(?:ed|ing)?|"
              r"rounded\s+up",
    # "executed six prisoners" / "denied killing any prisoners": the victims are the thing
    "kill": r"kill(?:ed|ing)?|execut(?:ed|ing)|massacred?|massacring|murder(?:ed|ing)?|"
            r"shot\s+dead|shooting\s+dead",
}
_ACT = lazy("|".join(rf"(?P<{k}>\b(?:{rx})\b)" for k, rx in _KINDS.items()), re.I)
_READS = Gate(_ACT)
# A negation of the act's own verb group: "was not hit", "had never been seized", "didn't
# shell"; a zero before it, "no jets were downed", "none of its tanks was destroyed"; or a
# denial of it, "denied that its forces had shelled", "denies seizing".
_NOT_ACT = lazy(
    r"(?:\b(?:not|never)|n['’]t)\s+(?:(?:been|be|have|had|yet|even|ever|actually|"
    r"deliberately|directly)\s+)*$|"
    r"\b(?:no|none\s+of)\s+(?:[\w'’-]+\s+){1,4}?(?:was|were|had\s+been|has\s+been|have\s+been|"
    r"being)\s+$|"
    r"\b(?:denie[sd]|deny|denying)\s+(?:that\s+)?(?:(?:its|their|his|her|any|the)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:(?:had|has|have|was|were)\s+)?(?:been\s+)?$",
    re.I)
# Where the clause of an act begins: what is said before it tells of something else.
_CLAUSE_BREAK = lazy(r"[,;:]|\b(?:but|while|whereas|although|after|before|because|and|"
                           r"which|who|that\s+(?!had|have|has|was|were))\b", re.I)
# How close a denial and a report must be (cosine) to be read as one happening;
# ``group.candidate_pairs`` pairs them from the same floor.
FLOOR = 0.2
_WINDOW = 60  # characters before an act in which its negation and its doer are read
# Things no happening is told by: who acts, when, and words of saying or of the act itself.
_NOT_THINGS = (word_set("stopwords") | word_set("generic_actors") | frozenset({
    "said", "says", "say", "told", "added", "reported", "according", "claimed", "denied",
    "rejected", "dismissed", "statement", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "morning", "evening", "night", "day", "week", "overnight",
    "earlier", "later", "today", "yesterday", "area", "region", "side", "part", "time", "one",
    "two", "three", "four", "five", "several", "many", "any", "all", "its", "their", "own",
    "attack", "strike", "fire", "control", "down", "over", "also", "were", "was", "had",
    "been", "have", "has", "troop", "soldier", "force", "official", "fighter", "target", "hit",
    "struck", "shelled", "fired", "shot", "claim", "report", "responsibility", "responsible",
    "none", "every", "single", "dozen", "used", "twice", "again", "last", "first", "weekend",
    "month", "year", "hour", "minute"}))
# Nouns for one thing under other names ("jets" / "aircraft").
_FOLD = {"jet": "plane", "warplane": "plane", "fighter": "plane", "airplane": "plane",
         "vessel": "ship", "warship": "ship", "airbase": "base", "marketplace": "market",
         "bazaar": "market", "airfield": "airport", "reporter": "journalist",
         "demonstration": "protest", "rally": "protest", "demonstrator": "protester",
         "people": "crowd"}  # "fired on people" / "on the crowd" (not civilians: a crowd may
# be armed, and "does not target civilians" is a policy, not a night's shooting)
# A power plant named in a claim that then calls it "the station".
_POWER_PLANT = lazy(r"\b(?:power|nuclear|atomic)\s+(?:power\s+)?(?:plant|station)\b", re.I)
# Things not to read as what was done to: ``_NOT_THINGS`` but people, the object of a shooting.
_NOT_OBJECTS = _NOT_THINGS - {"people"}
# A word for a whole class meets any of its kinds ("none of its aircraft" / "two jets"); two
# kinds do not meet each other ("no helicopters lost" / "a transport plane downed").
_KINDS_OF = {"aircraft": frozenset({"plane", "helicopter", "drone"}),
             "ship": frozenset({"tanker", "ferry", "frigate", "destroyer", "submarine"})}
# A doer's side when the report names none by country: armed groups against a state's forces.
_NONSTATE = frozenset({"rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
                       "militia", "militias", "separatist", "separatists", "guerrilla",
                       "guerrillas", "jihadist", "jihadists", "gunmen", "paramilitary",
                       "paramilitaries"})
# A state's forces: its police are not its soldiers ("police did not fire on the protesters" /
# "soldiers fired on them"); its government speaks for either.
_STATE = {"police": "police", "army": "military", "military": "military", "troops": "military",
          "soldiers": "military", "artillery": "military", "navy": "military",
          "jets": "military", "air": "military", "forces": "military", "government": "state",
          "ministry": "state"}


@dataclass(frozen=True, slots=True)
class Told:
    """One act a claim tells of: its kind, the things it was done to, whether the claim says it
    did not happen, the sides named as its doers, whether it is named by a noun ("the strike"),
    whether its subject is who lost (not who destroyed) the thing, and where it is."""

    kind: str
    things: frozenset[str]
    negated: bool
    doers: frozenset[str]
    start: int
    end: int
    noun: bool = False
    owner: bool = False
    wholes: frozenset[str] = frozenset()  # what its things belong to ("the hospital's wing")
    owners: frozenset[str] = frozenset()  # whose things they are ("its jets", "rebel drones")


# Where a noun phrase ends and the next begins: "the hospital in Tarsk", "the east wing of the
# hospital", "tanks and trucks".
_PHRASE_BREAK = lazy(r"\s*(?:,|\b(?:of|in|at|on|near|with|for|from|to|by|and|or|after|"
                           r"before|during|outside|inside|who|which|that|seeking|fleeing|"
                           r"waiting|queu(?:e?ing)|gathered)\b)\s*", re.I)


def _words(text: str, wholes: bool = False) -> list[str]:
    """The things a noun phrase names: the last word of each phrase ("the city hall" -> hall,
    not city: "the city's police station" is another place); with ``wholes``, their
    possessors instead ("the hospital's east wing" -> hospital). Not who acts, nor a
    country."""
    found = []
    for part in _PHRASE_BREAK.split(text):
        words = re.findall(r"[A-Za-z][\w'’-]*", part)
        while words and (words[-1].lower() in _NOT_OBJECTS or words[-1].endswith("ly")):
            words.pop()  # "the hospital overnight", "the market twice": the time is no thing
        if not words:
            continue
        found += ([w for w in words[:-1] if re.search(r"['’]s?$", w)] if wholes
                  else [words[-1]])
    out = []
    for x in found:
        w = singular(re.sub(r"['’]s?$", "", x))
        w = _FOLD.get(w, w)
        if w not in _NOT_OBJECTS and len(w) > 2 and not countries(w):
            out.append(w)
    return out


def _negated(before: str) -> bool:
    """Whether ``before`` (the clause up to the act) ends in a negation of it; a denial itself
    negated ("never denied shelling") tells the act."""
    m = _NOT_ACT.search(before)
    if m is None:
        return False
    return not (m.group(0)[:3].lower() == "den"
                and re.search(r"(?:\bnot|\bnever|n['’]t)\s+$", before[:m.start()], re.I))


def _sides(text: str) -> frozenset[str]:
    """The sides a stretch of text names: countries, and armed groups against a state."""
    low = set(re.findall(r"[a-z]+", text.lower()))
    out = set(countries(text))
    if low & _NONSTATE:
        out.add("non-state")
    if not out:  # "the army", "government artillery": the state's forces
        out |= {_STATE[w] for w in low if w in _STATE}
    return frozenset(out)


# The verb group of a passive before the act: "was hit", "had not been seized", "were downed".
_PASSIVE = lazy(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:[a-z]+ly\s+)?"
                      r"(?:not\s+|never\s+)?$", re.I)
# The patient after an active verb or a noun of the act ("shelled the market", "an attack on
# Israel"): up to a preposition that leaves it ("in", "with", "by", "on Tuesday").
_AFTER = lazy(r"\s*(?:on\s+|against\s+)?(?P<obj>(?:(?!(?:in|at|with|by|from|for|during|"
                    r"after|before|as|to|near|and|but|on|when|while|which|who|that)\b)"
                    r"[\w'’-]+\s*){1,5})", re.I)
# An act named as a noun: "the strike", "an Israeli air attack", "Russia's shelling".
_DETERMINER = lazy(r"(?:\b(?i:the|a|an|this|that|its|their|his|her|any)|"
                         r"(?P<whose>\b[A-Z][\w-]*)['’]s)\s+(?P<gap>(?:[\w-]+\s+){0,2})$")
# Acts that may be nouns after words of their own ("an Israeli air strike", "the army's
# shelling"); a past form after them is a subject's verb ("its forces shelled"), one right
# after the determiner an adjective ("the captured airport").
_NOUN_FORM = lazy(r"strike|attack|shell(?:ing)?|bomb(?:ing)?|raid|bombardment|capture|"
                        r"downing|sinking|arrest|targeting|storming", re.I)
_BY = lazy(r"[^,;.]{0,40}?\bby\s+(?P<by>(?:[\w'’-]+\s*){1,4})", re.I)
# A negated subject opening the clause, right before an active verb: "No missile (hit)", "none
# of the shells (struck)"; not "no fewer than 20", "no casualties when shells (hit)", nor "it
# played no role in Tuesday's (attack)".
_NO_SUBJECT = lazy(r"^\s*(?:no|none\s+of)\s+(?!(?:fewer|less|more|later|sooner|longer|"
                         r"doubt)\b)(?:(?!(?:when|after|as|while|before|because|but|and|or|that|"
                         r"which|who|since|until|if|than)\b)[\w'’-]+\s+){1,3}?$", re.I)
# "no" or "none" in the subject of this act, not far back in the sentence ("No missile hit the
# compound during Saturday's (attack)": the attack is told).
_NO_NEAR = lazy(r"\b(?:no|none)\b(?:\s+[\w'’-]+){0,5}\s*$", re.I)
_SUBJECT_END = lazy(r"\s+(?:had|has|have|was|were|is|are|did|does|do|would|could|"
                          r"probably|not|never|n['’]t|also|then|later|reportedly)\b.*$",
                          re.I | re.S)


_OBJECT_NEXT = lazy(r"\s+(?:(?i:the|a|an|its|their|his|her|any)\b|[A-Z0-9])")
_OWN = lazy(r"\b(?:its|their|our)\b", re.I)
# Acts that are not told as having happened: wished, threatened, conditional, or what others
# are said to claim ("vowed not to attack", "would never shell", "if the bridge had not been
# bombed", "reports that the bridge had not been hit").
_NOT_TOLD = lazy(r"\b(?:would|will|wo|could|might|may|should|must|shall|can|cannot|to)"
                       r"(?:\s+(?:not|never|n['’]t|have|be|been|ever|also|again))*\s*$", re.I)
_HYPOTHETICAL = lazy(r"^\s*(?:if|unless|had|were|should|whether)\b", re.I)
_CLAIM_NOUNS = r"reports?|claims?|rumou?rs?|allegations?|accounts?"
_OTHERS_CLAIM = lazy(rf"\b(?:{_CLAIM_NOUNS}|suggestions?)\s+that\b[^.;]*$", re.I)
# Reports of an act called false: "reports of shelling in Osk were baseless", "called the
# army's account of a strike on the depot a fabrication". The act is said not to have happened.
_REPORT_OF = lazy(rf"\b(?:{_CLAIM_NOUNS}|stories|story)\s+(?:that|of|about)\b[^.;:]*$",
                        re.I)
# A denied proposition that is a report of something ("reports of a strike on the bridge"):
# what the report tells is what is denied.
_REPORTED = lazy(rf"\s*(?:the\s+|an?\s+|these\s+|such\s+|all\s+)?(?:[\w’'-]+\s+){{0,2}}?"
                       rf"(?:{_CLAIM_NOUNS}|stories|story)\s+(?:that|of|about)\b", re.I)
_FALSE_WORDS = rf"(?:{CALLED_FALSE}|invented|made\s+up|groundless|fiction|pure\s+fiction)\b"
_CALLED_FALSE_AFTER = lazy(
    r"[^.;:]*?(?:\b(?:was|were|is|are|had\s+been|have\s+been)\s+(?:all\s+|entirely\s+|"
    rf"completely\s+|simply\s+|totally\s+)?|\s(?:as\s+)?)(?={_FALSE_WORDS})", re.I)


# Lies told about an act the claim calls alleged: "Moscow was lying about alleged Ukrainian
# drone attacks" (not "the army lied about the shelling": about who did it, or how).
_LIED_ABOUT = lazy(r"\b(?:lying|lied|lies)\s+about\s+(?:the\s+|an?\s+)?(?:alleged|so-called|"
                         r"supposed|purported)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_PLURAL_ACTS = frozenset({"strikes", "attacks", "raids", "bombings"})


def _called_false_after(content: str, start: int, end: int) -> int | None:
    """Where the words that call it false begin, when the act at ``start:end`` sits in a
    report the claim calls false (or that someone is said to lie about: the words that say
    so come first, and nothing after it is cut); else None."""
    if _LIED_ABOUT.search(content, 0, start):
        return len(content)
    if not _REPORT_OF.search(content, 0, start):
        return None
    m = _CALLED_FALSE_AFTER.match(content, end)
    return m.end() if m else None


# Operations denied as a whole, by who would have done them: "the air force carried out no
# operations anywhere in the province", "did not fly any missions over Eska" deny every strike
# of that side there (not "no strikes on civilian targets": one kind of target).
_NONE_DONE = lazy(
    r"(?:^|(?<=, )|(?<=that ))(?P<who>(?:[\w'’-]+\s+){1,5}?)"
    r"(?:(?:carried\s+out|conducted|flew|launched|made)\s+no\s+|(?:did\s+not|didn['’]t|had\s+"
    r"not|hadn['’]t|has\s+not|hasn['’]t|never)\s+(?:carry\s+out|conduct|fly|launch)\s+any\s+)"
    r"(?:air\s+|military\s+|combat\s+)?(?:strikes|operations|missions|sorties|raids|attacks|"
    r"flights)\b(?!\s+(?:on|against|targeting|at|aimed)\b)", re.I)
ANY = "*"  # the thing of an act denied as a whole: it meets every thing


# After a negated act: it happened once but not again, or by another means ("was not hit
# again", "has not been hit since", "not by shells but by a drone").
_ONLY_NOT = lazy(r"[^,;.]{0,40}?\b(?:again|since|any\s*more|any\s+longer|but)\b", re.I)


# A part of what was fired, or a number of it: the rest may have got through.
_SOME = lazy(r"\b(?:most|some|several|many|half|part|few|one|two|three|four|five|six|seven|"
                   r"eight|nine|ten|dozens?|scores?|hundreds?|\d+)\b|\bof\s+the\b", re.I)
# A strike that never reached its target: "the missile was intercepted before it reached the
# dam", "the drones were shot down before hitting the plant".
_INTERCEPTED = lazy(
    r"\b(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:all\s+)?(?:intercepted|shot\s+down|"
    r"downed|destroyed\s+in\s+(?:the\s+)?(?:air|flight|mid-?air))\s+(?:[\w-]+\s+){0,3}?"
    r"before\s+(?:it|they|reaching|hitting|striking)(?:\s+(?:could\s+)?(?:reach|reached|hit|"
    r"struck|strike))?\s+(?P<obj>[^,;.]{1,50})", re.I)


@lru_cache(maxsize=65536)
def told(content: str, called_false: bool = False) -> tuple[Told, ...]:
    """The acts ``content`` tells of, each with what it was done to, who did it when said, and
    its polarity (stance aside). Passive ("the market was shelled by X"): the subject is the
    thing, "by X" the doer; active ("X shelled the market"): the subject is the doer, what
    follows the thing; "the town fell to X": the town the thing, X the doer. ``called_false``:
    ``content`` is a report its speaker denies ("reports of a strike on the bridge"), as if
    called false after it."""
    if unsettled(content):
        return ()
    out = []
    for m in (_ACT.finditer(content) if _READS.opens(content) else ()):
        head = content[max(0, m.start() - _WINDOW):m.start()]
        clause = head[max((b.end() for b in _CLAUSE_BREAK.finditer(head)), default=0):]
        false_at = _called_false_after(content, m.start(), m.end())
        if false_at is None and called_false and _REPORT_OF.search(content, 0, m.start()):
            false_at = len(content)
        if false_at is None and m.group(0).lower() in _PLURAL_ACTS:
            continue  # "strikes on Osk went on": many acts, not one to deny
        if (_NOT_TOLD.search(clause) or _HYPOTHETICAL.match(clause)
                or _OTHERS_CLAIM.search(content, 0, m.start())) and false_at is None:
            continue
        # "No missile hit the compound": an active act whose subject is negated did not happen
        no_subject = _NO_SUBJECT.search(clause) is not None and not _PASSIVE.search(clause)
        negated = _negated(clause) or false_at is not None or no_subject
        if negated and _ONLY_NOT.match(content, m.end()):
            continue
        text = content if false_at is None else content[:false_at]  # not "a fabrication"
        after = _AFTER.match(text, m.end())
        by = _BY.match(text, m.end())
        verb = m.group(0).lower()
        noun = None
        if verb.startswith(("fell", "fallen")):
            phrase = _SUBJECT_END.sub("", clause)
            doers = _sides(after.group("obj")) if after else frozenset()
        elif _PASSIVE.search(clause) or _NO_NEAR.search(clause) and not (
                no_subject and after):  # then what was hit is the object
            phrase = _SUBJECT_END.sub("", clause)
            doers = _sides(by.group("by")) if by else frozenset()
        else:
            noun = _DETERMINER.search(clause)  # "the strike on the hospital": no subject's act
            if noun and noun.group("gap") and (not _NOUN_FORM.fullmatch(verb) or (
                    verb.endswith("ing") and _OBJECT_NEXT.match(content, m.end()))):
                noun = None  # "its forces had shelled", "the army shelling the stadium": a
                # subject and its verb (a gerund with its object, not "the shelling of")
            subject = (noun.group("whose") or "") if noun else _SUBJECT_END.sub("", clause)
            phrase = after.group("obj") if after else ""
            doers = _sides(subject) | (_sides(by.group("by")) if by and noun else frozenset())
        if verb in _PLURAL_ACTS:  # "reports of Kestovan strikes": the word before names whose
            adj = (clause.split() or [""])[-1]
            doers = _sides(adj) or (frozenset({adj.lower()}) if DEMONYM_WORD.fullmatch(adj)
                                    else doers)
        things = _words(phrase)
        if "station" in things and _POWER_PLANT.search(content):  # "struck the station", of
            things = [w if w != "station" else "plant" for w in things]  # a power plant named
        if things:
            out.append(Told(m.lastgroup or "", frozenset(things), negated, doers, m.start(),
                            m.end(), noun=noun is not None,
                            owner=verb in ("lost", "lose", "losing"),
                            wholes=frozenset(_words(phrase, wholes=True)),
                            owners=_sides(phrase) | ({"own"} if _OWN.search(phrase)
                                                     else frozenset())))
    for m in _INTERCEPTED.finditer(content):  # "the missile was intercepted before it
        things = _words(m.group("obj"))        # reached the dam": the dam was not hit
        subject = re.split(r"[,;:]", content[max(0, m.start() - _WINDOW):m.start()])[-1]
        if _SOME.search(subject):
            continue  # "two of the five drones were shot down": the others may have hit
        if things and not _NOT_TOLD.search(content, max(0, m.start() - _WINDOW), m.start()):
            out.append(Told("strike", frozenset(things), True, frozenset(), m.start(), m.end()))
    for m in _NONE_DONE.finditer(content):
        doers = _sides(m.group("who"))
        if doers:  # a denial of every strike needs its doer: "no operations" by whom?
            out.append(Told("strike", frozenset({ANY}), True, doers, m.start("who"), m.end()))
    return tuple(out)


def _acts(c: Claim) -> tuple[Told, ...]:
    """A claim's acts with its stance read in: what a denier states did not happen (unless its
    claim is the denial itself, "Israel denied any part in the strike": ``denial_inside``, or
    the act is a noun in what is denied of it). A denier's "its forces" are the denier's own."""
    if c.stance == "denies" and denial_inside(c):
        return ()
    return _acts_of(c.content, c.speaker, c.stance == "denies")


@lru_cache(maxsize=65536)
def _acts_of(content: str, speaker: str | None, denies: bool) -> tuple[Told, ...]:
    """``_acts`` read once per proposition, speaker and stance, not once per pair."""
    own = _sides(speaker or "")
    reported = denies and bool(_REPORTED.match(content))  # "denies reports of a strike on X"
    acts = tuple(replace(t, owners=(t.owners - {"own"}) | own) if "own" in t.owners else t
                 for t in told(content, reported))
    if not denies or reported:
        return acts
    mine = _OWN.match(content.strip())
    return tuple(t if t.noun else  # "denied that the strike was illegal": the strike is told
                 replace(t, negated=not t.negated, doers=t.doers or (own if mine else t.doers))
                 for t in acts)


def denied_keys(c: Claim) -> frozenset[str]:
    """``untold:KIND:THING`` for an act a claim says did not happen, ``told:KIND:THING`` for one
    it says did (``group.candidate_pairs`` pairs the first with the second only)."""
    return frozenset(f"{'untold' if t.negated else 'told'}:{t.kind}:{w}" for t in _acts(c)
                     for w in (t.things if t.negated else t.things | t.wholes) if w != ANY)


def _shared(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The things two acts were done to: the same words, or a class and one of its kinds; an
    act denied as a whole (``ANY``) meets every thing of the other."""
    if ANY in a or ANY in b:
        return (a | b) - {ANY}
    return (a & b) | frozenset(k for k, kinds in _KINDS_OF.items()
                               if k in a and b & kinds or k in b and a & kinds)


# A place an act is told at: "in Tarsk", "the hospital in the town of Varda", "near Oskel".
_AT_PLACE = lazy(r"\b(?:in|at|near|outside)\s+(?:the\s+(?:[a-z]+\s+){0,2}of\s+)?"
                       r"(?P<place>[A-Z][\w-]+)")


def _elsewhere(a: Claim, b: Claim) -> bool:
    """Both claims place what they tell, and neither names the other's place at all."""
    pa = {m.group("place").lower() for m in _AT_PLACE.finditer(a.content)} - _NOT_THINGS
    pb = {m.group("place").lower() for m in _AT_PLACE.finditer(b.content)} - _NOT_THINGS
    low_a, low_b = a.content.lower(), b.content.lower()
    return bool(pa and pb) and not any(x in low_b for x in pa) and not any(
        x in low_a for x in pb)


_PARTS = lazy(r"\b(?:north|south|east|west|northern|southern|eastern|western|upper|lower|"
                    r"inner|outer|left|right|front|rear|main|second|third|first)\b", re.I)


def _other_parts(a: str, b: str) -> bool:
    """Both name which part ("the east wing", "the hospital's west wing"), and not the same."""
    pa = {m.group(0).lower() for m in _PARTS.finditer(a)}
    pb = {m.group(0).lower() for m in _PARTS.finditer(b)}
    return bool(pa and pb and not pa & pb)


def _other_day(a: Claim, b: Claim) -> bool:
    """Both claims give a day, and no day of one is a day of the other."""
    da = {d.value for d in dates(a.content) if d.kind in ("weekday", "monthday")}
    db = {d.value for d in dates(b.content) if d.kind in ("weekday", "monthday")}
    return bool(da and db and not da & db)


def _other_sides(denial: Told, report: Told) -> bool:
    """Whether the two tell of acts by different doers. A denial that names its doer ("Israel
    did not bomb the hospital") denies that doer's part, not the happening: it clashes only with
    a report of the same doer. One that names none ("the hospital was not hit") clashes with
    any report, unless the report's doer is a side the denial's speaker is not. Who lost a
    thing is not who destroyed it ("lost no jets" / "rebels downed two jets"): such doers are
    not compared."""
    if denial.owner or report.owner:
        return False
    if not denial.doers:
        return False
    return not report.doers or not any(_one_side(x, y) for x in denial.doers
                                       for y in report.doers)


def _other_owners(denial: Told, report: Told) -> bool:
    """The lost things are another side's: "none of its aircraft were lost" (the speaker's) /
    "its jets shot down two rebel drones"."""
    return (denial.kind == "loss" and bool(denial.owners and report.owners)
            and not any(_one_side(x, y) for x in denial.owners for y in report.owners))


_FORCES = frozenset({"state", "military", "police"})


def _one_side(x: str, y: str) -> bool:
    """Two doers of one side: one actor, a state's forces named by country on one side and only
    as "the army", "troops" on the other, or its government and any of its forces."""
    if x in _FORCES or y in _FORCES:
        if "non-state" in (x, y):
            return False
        return x == y or "state" in (x, y) or not (x in _FORCES and y in _FORCES)
    return same_actor(x, y)


def other_doers(denier: Claim, asserter: Claim) -> bool:
    """Whether what one claim denies and the other states are one act told of two sides: "the
    army denied shelling the stadium" / "rebel mortars hit the stadium"; "Peru denied that
    Chilean jets had bombed the refinery" / "Peruvian jets bombed it". Every act the two share
    (one kind, one thing) is denied of one doer and told of another's."""
    shared = [(no, yes) for no in _acts(denier) if no.negated and no.doers
              for yes in _acts(asserter) if not yes.negated and yes.kind == no.kind
              and _shared(no.things, yes.things | yes.wholes)]
    return bool(shared) and all(yes.doers and _other_sides(no, yes) for no, yes in shared)


@detector("denied")
def denied(p: Pair) -> Reason | None:
    """One claim says a happening did not happen, the other tells it in other words: acts of one
    kind done to one thing, from two voices of one story (cosine at least 0.2)."""
    if one_voice(p) or p.similarity < FLOOR:
        return None
    for x, y, flip in ((p.a, p.b, False), (p.b, p.a, True)):
        nos = [t for t in _acts(x) if t.negated]  # most claims deny nothing: stop here
        yeses = [t for t in _acts(y) if not t.negated] if nos else []
        for no in nos:
            for yes in yeses:
                # what was hit includes what its hit part belongs to, not the other way round:
                # "the hospital's wing was hit" hits the hospital; "its ferries were not hit"
                # leaves the harbour open
                shared = _shared(no.things, yes.things | yes.wholes)
                if (yes.kind != no.kind or not shared or _other_sides(no, yes)
                        or _other_owners(no, yes) or _other_day(x, y) or _elsewhere(x, y)
                        or _other_parts(x.content, y.content)):
                    continue
                thing = sorted(shared)[0]
                detail = (f"{holder(x.speaker)} says it did not happen; "
                          f"{holder(y.speaker)} tells it ({no.kind} of the {thing})")
                spans = (span_of(x, no.start, no.end), span_of(y, yes.start, yes.end))
                return Reason("attribution", detail, (p.a.id, p.b.id),
                              spans[::-1] if flip else spans, weight=0.65)
    return None


__all__ = ["FLOOR", "Told", "denied", "denied_keys", "other_doers", "told"]
