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
from dataclasses import dataclass
from functools import lru_cache

from ...records import Claim, Reason
from ...wordlists import word_set
from ..demonyms import same_actor
from ..detectors import Pair, denial_inside, detector, one_voice, span_of
from ..gate import Gate
from ..hedges import unsettled
from ..text import countries, dates
from .counts import singular

# Acts by kind, as verbs and some of their nouns ("the strike on the hospital": a negation must
# govern the verb group itself, so "was not responsible for the strike" still tells the strike);
# a thing must sit beside each.
_KINDS = {
    "strike": r"hit|struck|strike|shell(?:ed)?|bomb(?:ed)?|bombard(?:ed)?|pounded|"
              r"fired?\s+(?:on|at|upon|into)|open(?:ed)?\s+fire\s+on|shoot\s+at|shot\s+at|"
              r"attack(?:ed)?|target(?:ed)?|raid(?:ed)?|rocketed|mortared",
    "capture": r"seized?|capture[ds]?|(?:took|taken|take)\s+(?:control\s+of|over)|(?:took|taken|"
               r"take)(?=\s+the\s+(?!place|part|lead|step|decision|view|time)\w)|overr[au]n|"
               r"fell\s+to|fallen\s+to|stormed?|overpowered",
    "loss": r"shot\s+down|shoot\s+down|downed|destroy(?:ed)?|lost|lose|sank|sunk|sink|"
            r"brought\s+down|knocked\s+out",
    "detain": r"arrest(?:ed)?|detain(?:ed)?|abduct(?:ed)?|kidnapp?(?:ed)?|rounded\s+up",
}
_ACT = re.compile("|".join(rf"(?P<{k}>\b(?:{rx})\b)" for k, rx in _KINDS.items()), re.I)
_READS = Gate(_ACT)
# A negation of the act's own verb group: "was not hit", "had never been seized", "didn't
# shell"; a zero before it, "no jets were downed", "none of its tanks was destroyed"; or a
# denial of it, "denied that its forces had shelled", "denies seizing".
_NOT_ACT = re.compile(
    r"(?:\b(?:not|never)|n['’]t)\s+(?:(?:been|be|have|had|yet|even|once|ever|actually|"
    r"deliberately|directly)\s+)*$|"
    r"\b(?:no|none\s+of)\s+(?:[\w'’-]+\s+){1,4}?(?:was|were|had\s+been|has\s+been|have\s+been|"
    r"being)\s+$|"
    r"\b(?:denie[sd]|deny|denying)\s+(?:that\s+)?(?:(?:its|their|his|her|any|the)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:(?:had|has|have|was|were)\s+)?(?:been\s+)?$",
    re.I)
# Where the clause of an act begins: what is said before it tells of something else.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:but|while|whereas|although|after|before|because|and|"
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
    "none", "every", "single", "dozen", "used"}))
# Nouns for one thing under other names ("jets" / "aircraft").
_FOLD = {"jet": "plane", "warplane": "plane", "fighter": "plane", "airplane": "plane",
         "vessel": "ship", "warship": "ship", "airbase": "base", "marketplace": "market",
         "bazaar": "market", "airfield": "airport", "reporter": "journalist",
         "demonstration": "protest", "rally": "protest", "demonstrator": "protester"}
# A word for a whole class meets any of its kinds ("none of its aircraft" / "two jets"); two
# kinds do not meet each other ("no helicopters lost" / "a transport plane downed").
_KINDS_OF = {"aircraft": frozenset({"plane", "helicopter", "drone"}),
             "ship": frozenset({"tanker", "ferry", "frigate", "destroyer", "submarine"})}
# A doer's side when the report names none by country: armed groups against a state's forces.
_NONSTATE = frozenset({"rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
                       "militia", "militias", "separatist", "separatists", "guerrilla",
                       "guerrillas", "jihadist", "jihadists", "gunmen", "paramilitary",
                       "paramilitaries"})
_STATE = frozenset({"army", "military", "government", "troops", "soldiers", "police",
                    "ministry", "artillery", "air", "navy"})


@dataclass(frozen=True, slots=True)
class Told:
    """One act a claim tells of: its kind, the things beside it, whether the claim says it did
    not happen, the sides named before it, and where it is."""

    kind: str
    things: frozenset[str]
    negated: bool
    doers: frozenset[str]
    start: int
    end: int


def _words(text: str) -> list[str]:
    found = (singular(re.sub(r"['’]s?$", "", x)) for x in re.findall(r"[A-Za-z][\w'’-]+", text))
    return [_FOLD.get(w, w) for w in found if w not in _NOT_THINGS and len(w) > 2]


def _negated(before: str) -> bool:
    """Whether ``before`` (the clause up to the act) ends in a negation of it."""
    return _NOT_ACT.search(before) is not None


def _sides(text: str) -> frozenset[str]:
    """The sides a stretch of text names: countries, and armed groups against a state."""
    low = set(re.findall(r"[a-z]+", text.lower()))
    out = set(countries(text))
    if low & _NONSTATE:
        out.add("non-state")
    if low & _STATE and not out:
        out.add("state")  # "the army", "government artillery": the state's forces
    return frozenset(out)


# The verb group of a passive before the act: "was hit", "had not been seized", "were downed".
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:[a-z]+ly\s+)?"
                      r"(?:not\s+|never\s+)?$", re.I)
# The patient after an active verb or a noun of the act ("shelled the market", "an attack on
# Israel"): up to a preposition that leaves it ("in", "with", "by", "on Tuesday").
_AFTER = re.compile(r"\s*(?:on\s+|against\s+)?(?P<obj>(?:(?!(?:in|at|with|by|from|for|during|"
                    r"after|before|as|to|near|and|but|on|when|while|which|who|that)\b)"
                    r"[\w'’-]+\s*){1,5})", re.I)
# An act named as a noun: "the strike", "an Israeli air attack", "Russia's shelling".
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her|any)|"
                         r"(?P<whose>\b[A-Z][\w-]*)['’]s)\s+(?:[\w-]+\s+){0,2}$")
_BY = re.compile(r"[^,;.]{0,40}?\bby\s+(?P<by>(?:[\w'’-]+\s*){1,4})", re.I)
_SUBJECT_END = re.compile(r"\s+(?:had|has|have|was|were|is|are|did|does|do|would|could|"
                          r"probably|not|never|n['’]t|also|then|later|reportedly)\b.*$",
                          re.I | re.S)


@lru_cache(maxsize=65536)
def told(content: str) -> tuple[Told, ...]:
    """The acts ``content`` tells of, each with what it was done to, who did it when said, and
    its polarity (stance aside). Passive ("the market was shelled by X"): the subject is the
    thing, "by X" the doer; active ("X shelled the market"): the subject is the doer, what
    follows the thing."""
    if not _READS.opens(content) or unsettled(content):
        return ()
    out = []
    for m in _ACT.finditer(content):
        head = content[max(0, m.start() - _WINDOW):m.start()]
        clause = head[max((b.end() for b in _CLAUSE_BREAK.finditer(head)), default=0):]
        after = _AFTER.match(content, m.end())
        by = _BY.match(content, m.end())
        if m.group(0)[:4].lower() == "fell" or m.group(0)[:6].lower() == "fallen":
            things, doers = _words(clause), _sides(after.group("obj")) if after else frozenset()
        elif _PASSIVE.search(clause) or re.search(r"\b(?:no|none)\b", clause, re.I):
            things, doers = _words(clause), _sides(by.group("by")) if by else frozenset()
        else:
            noun = _DETERMINER.search(clause)  # "the strike on the hospital": no subject's act
            subject = (noun.group("whose") or "") if noun else _SUBJECT_END.sub("", clause)
            things = _words(after.group("obj")) if after else []
            doers = _sides(subject) | (_sides(by.group("by")) if by and noun else frozenset())
        if things:
            out.append(Told(m.lastgroup or "", frozenset(things), _negated(clause), doers,
                            m.start(), m.end()))
    return tuple(out)


def _acts(c: Claim) -> tuple[Told, ...]:
    """A claim's acts with its stance read in: what a denier states did not happen (unless its
    claim is the denial itself, "Israel denied any part in the strike": ``denial_inside``). A
    denier's "its forces" are the denier's own."""
    if c.stance != "denies":
        return told(c.content)
    if denial_inside(c):
        return ()
    own = _sides(c.speaker or "")
    return tuple(Told(t.kind, t.things, not t.negated, t.doers or (
        own if re.match(r"(?:its|their|our)\b", c.content.strip(), re.I) else t.doers),
        t.start, t.end) for t in told(c.content))


def denied_keys(c: Claim) -> frozenset[str]:
    """``untold:KIND:THING`` for an act a claim says did not happen, ``told:KIND:THING`` for one
    it says did (``group.candidate_pairs`` pairs the first with the second only)."""
    return frozenset(f"{'untold' if t.negated else 'told'}:{t.kind}:{w}"
                     for t in _acts(c) for w in t.things)


def _shared(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The things two acts were done to: the same words, or a class and one of its kinds."""
    return (a & b) | frozenset(k for k, kinds in _KINDS_OF.items()
                               if k in a and b & kinds or k in b and a & kinds)


# A place an act is told at: "in Tarsk", "the hospital in the town of Varda", "near Oskel".
_AT_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+(?:[a-z]+\s+){0,2}of\s+)?"
                       r"(?P<place>[A-Z][\w-]+)")


def _elsewhere(a: Claim, b: Claim) -> bool:
    """Both claims place what they tell, and neither names the other's place at all."""
    pa = {m.group("place").lower() for m in _AT_PLACE.finditer(a.content)} - _NOT_THINGS
    pb = {m.group("place").lower() for m in _AT_PLACE.finditer(b.content)} - _NOT_THINGS
    low_a, low_b = a.content.lower(), b.content.lower()
    return bool(pa and pb) and not any(x in low_b for x in pa) and not any(
        x in low_a for x in pb)


def _other_day(a: Claim, b: Claim) -> bool:
    """Both claims give a day, and no day of one is a day of the other."""
    da = {d.value for d in dates(a.content) if d.kind in ("weekday", "monthday")}
    db = {d.value for d in dates(b.content) if d.kind in ("weekday", "monthday")}
    return bool(da and db and not da & db)


def _other_sides(denial: Told, report: Told) -> bool:
    """Whether the two tell of acts by different doers. A denial that names its doer ("Israel
    did not bomb the hospital") denies that doer's part, not the happening: it clashes only with
    a report of the same doer. One that names none ("the hospital was not hit") clashes with
    any report, unless the report's doer is a side the denial's speaker is not. A loss is told
    from both sides (who lost the jets, who downed them): its doers are not compared."""
    if denial.kind == "loss":
        return False
    if not denial.doers:
        return False
    return not report.doers or not any(_one_side(x, y) for x in denial.doers
                                       for y in report.doers)


def _one_side(x: str, y: str) -> bool:
    """Two doers of one side: one actor, or a state's forces named by country on one side and
    only as "the army", "troops" on the other."""
    if "state" in (x, y):
        return "non-state" not in (x, y)
    return same_actor(x, y)


@detector("denied")
def denied(p: Pair) -> Reason | None:
    """One claim says a happening did not happen, the other tells it in other words: acts of one
    kind done to one thing, from two voices of one story (cosine at least 0.2)."""
    if one_voice(p) or p.similarity < FLOOR or _other_day(p.a, p.b):
        return None
    for x, y, flip in ((p.a, p.b, False), (p.b, p.a, True)):
        for no in _acts(x):
            if not no.negated:
                continue
            for yes in _acts(y):
                shared = _shared(no.things, yes.things)
                if (yes.negated or yes.kind != no.kind or not shared or _other_sides(no, yes)
                        or _elsewhere(x, y)):
                    continue
                thing = sorted(shared)[0]
                detail = (f"{x.speaker or 'the outlet'} says it did not happen; "
                          f"{y.speaker or 'the outlet'} tells it ({no.kind} of the {thing})")
                spans = (span_of(x, no.start, no.end), span_of(y, yes.start, yes.end))
                return Reason("attribution", detail, (p.a.id, p.b.id),
                              spans[::-1] if flip else spans, weight=0.65)
    return None


__all__ = ["FLOOR", "Told", "denied", "denied_keys", "told"]
