"""A quotation read as the statement it makes: the speaker's "we" is the speaker's side, what it
is "said of" is what it speaks about, and a cue's words before a colon are no part of it.

"'We never asked for a truce,' a rebel spokesman said" states what "the rebels never asked for a
truce" states; the frames compare the latter with the other side's account. Used by ``split``
wherever a proposition is read (``split.resolve``).
"""

from __future__ import annotations

import re

from .cues import Attributed
from .speakers import PRONOUNS, side_of

# First person in a quotation: "we", "us", "our" (not "US", the country).
_WE = re.compile(r"\b(?:[Ww]e|us)\b(?!['’]\w)")
# Not one side: "between the two of us", "those of us", "let us"; "we journalists", "we in the
# opposition" (a "we" that says who it is).
_SOME_OF = re.compile(r"\b(?:(?:two|both|all|each|one|none|some|many|most|any|three|those)\s+of|"
                      r"let)\s+$", re.I)
_WE_WHO = re.compile(r"\s+(?:in\b|[A-Z]\w+|journalists|reporters|citizens|people|members|"
                     r"residents|farmers|soldiers|workers|women|men|mothers|doctors)\b")
_QUOTE_MARKS = re.compile(r"[\"“”‘]|(?:^|\s)'")
# A body that speaks as itself ("the Red Dune Movement", "the ministry", "the RSF", "the rebels").
_BODY = re.compile(r"\b(?:[Mm]inistry|[Aa]rmy|[Mm]ilitary|[Gg]overnment|[Ff]orces?|[Aa]gency|"
                   r"[Oo]ffice|[Cc]ouncil|[Cc]ommittee|[Ss]ervice|[Gg]roup|[Mm]ovement|[Ff]ront|"
                   r"[Pp]arty|[Cc]ommand|[Bb]rigades?|[Gg]uard|[Nn]avy|[Pp]olice|[Ee]mbassy|"
                   r"[Aa]dministration|[Pp]residency|[Cc]abinet|[Uu]nion|[Aa]lliance|[Cc]oalition|"
                   r"[Cc]ompany|[Bb]ank|[Ll]eague|[Ff]ederation|[Aa]ssociation|[Cc]orps|[Mm]ilitia|"
                   r"[Oo]rgani[sz]ation|[Cc]ommission|[Aa]uthority|[Bb]oard|[Pp]arliament|"
                   r"[Aa]ssembly|[Ss]enate|[Cc]ourt|[Bb]ureau|rebels|militants|insurgents|"
                   r"separatists|[A-Z]{2,})\b")
# One person, whatever body is named before: "a government soldier", "an aid worker".
_ONE = re.compile(r"(?:soldier|fighter|witness|resident|farmer|worker|survivor|doctor|nurse|"
                  r"teacher|student|reporter|journalist|analyst|expert|diplomat|man|woman|"
                  r"civilian|villager|protester|demonstrator|driver|pilot)s?$|(?:wo)?men$")
_VOICE = re.compile(r"\b(?:spokes\w+|officials?|minister|sources?|officers?|commanders?|"
                    r"leaders?|envoys?|representatives?|aides?|negotiators?)\b", re.I)


# "I" in a quotation, and the verb it takes: "I have never ..." -> "<name> has never ...". Only
# before a verb whose third person is known (a past tense, a modal, or one of a few present
# tenses): "I want" -> "<name> wants", never "<name> want".
_I = re.compile(r"(?<![\w’'-])I\s+(?P<verb>[a-z][\w’']*)(?=\s|[,.;])")
_AS_THIRD = {"have": "has", "am": "is", "do": "does", "don't": "doesn't", "don’t": "doesn’t",
             "haven't": "hasn't", "haven’t": "hasn’t", "deny": "denies", "'m": "is"}
_SAME = frozenset({"did", "didn't", "didn’t", "was", "wasn't", "wasn’t", "had", "hadn't", "hadn’t",
                   "never", "will", "won't", "won’t", "would", "wouldn't", "wouldn’t", "could",
                   "couldn't", "couldn’t", "can", "cannot", "can't", "can’t", "should", "must",
                   "may", "might"})
# Not "I think", "I believe", "I expect": a view, which "X thinks" would read as hedged.
_PLUS_S = frozenset({"want", "know", "say", "reject", "regret", "accept", "insist", "stand",
                     "remain", "support", "oppose"})


def _third(verb: str) -> str | None:
    """``verb`` after a third person in place of "I", or None when it is not known."""
    low = verb.lower()
    if low in _AS_THIRD:
        return _AS_THIRD[low]
    if low in _SAME or (low.endswith("ed") and not low.endswith("eed") and len(low) > 4):
        return verb
    return verb + "s" if low in _PLUS_S else None


# A person's name at the end of who spoke: "lawmaker Nessa Quirl", "Defence Minister Halle Brekk
# of Norvand" (its last two capitalised words, before any "of ..." or ", ...").
_NAME_AT_END = re.compile(r"(?:^|\s)(?P<name>[A-Z][\w’'.-]+\s+[A-Z][\w’'.-]+)"
                          r"(?:\s+of\s+[A-Z][^,]*)?$")


# Who speaks for someone else: "a lawyer for", "the husband of", "a friend of".
_FOR_SOMEONE = re.compile(r"\b(?:a|an|the|for|of|to|with|by|from)\b", re.I)


def _myself(prop: str, speaker: str, opens: bool) -> str:
    """"'I did not vote for it,' lawmaker Nessa Quirl said": Nessa Quirl did not vote for it.
    Only for a speaker named as a person, and a quotation that ``opens`` the sentence (not "X
    said the guard shouted, 'I will shoot'"); a body's or an unnamed speaker's "I" is left."""
    who = speaker.split(",")[0].strip()
    name = _NAME_AT_END.search(who) if opens else None
    if not name or _BODY.search(name.group("name")) or _FOR_SOMEONE.search(who[:name.start()]):
        return prop  # "a lawyer for Ines Varl": the lawyer speaks, not Ines Varl

    def swap(m: re.Match[str]) -> str:
        verb = _third(m.group("verb"))
        if verb is None or re.search(r"[A-Z][\w’'-]*\s*$", prop[:m.start()]):
            return m.group(0)  # "World War I", "Phase I": a numeral after a name
        return f"{name.group('name')} {verb}"

    return _I.sub(swap, prop)


def first_person(prop: str, speaker: str | None, sentence: str) -> str:
    """"'We never asked for a truce,' a rebel spokesman said": the rebels never asked for it.
    In a quotation, "we" and "us" are the speaker's side (``side_of``), or the speaker when it
    is a body that speaks as itself ("the Red Dune Movement", "the ministry"); read so, the
    statement lines up with the same one told in the third person. Whose "we" a person, a
    witness or "a senior official" speaks for is not said: left as it is. ``sentence`` is where
    the speaker is named, beside the quotation (the sentence before, for a quotation that goes
    on: ``quotes.carry_quoted_speakers``)."""
    if not speaker or speaker.lower() in PRONOUNS or not _QUOTE_MARKS.search(sentence):
        return prop
    if "I" in prop:
        prop = _myself(prop, speaker, sentence.lstrip()[:1] in "\"“‘'")
    if not _WE.search(prop):
        return prop
    role = re.search(rf"\b{re.escape(speaker)},\s+(?P<role>(?:an?|the)\s+[^,.;\"“”]+)",
                     sentence)  # "said Marek Dolan, a spokesman for the rebels"
    side = side_of(f"{speaker}, {role.group('role')}" if role else speaker)
    if side is None:
        if role or not _BODY.search(speaker) or _VOICE.search(speaker) or _ONE.search(speaker):
            return prop  # "a senior official", "Mara Tolk, a farmer", "a government soldier"
        side = speaker

    def swap(m: re.Match[str]) -> str:
        if _SOME_OF.search(prop, 0, m.start()) or _WE_WHO.match(prop, m.end()):
            return m.group(0)  # "between the two of us", "we journalists": not one side
        if not prop[:m.start()].strip(" \"“‘'"):
            return side[:1].upper() + side[1:]
        return re.sub(r"^The\b", "the", side)

    return _WE.sub(swap, prop)


# What a cue took before a colon and a quotation that opens with a capital: "told reporters:
# \"We ...\"", "said in a statement: \"The ...\"" (not "had one demand: \"a full withdrawal\"").
_COLON_LEAD = re.compile(r"^\s*(?:(?!(?:is|was|were|are|be|been|has|have|had)\b)[\w’'-]+\s+){0,4}?"
                         r"(?!(?:is|was|were|are|be|been|has|have|had)\b)[\w’'-]+:\s*"
                         r"(?=[\"“‘][A-Z])")
# "'...,' the ministry said of the deal": what a quotation is about, after its cue.
_SAID_OF = re.compile(r"\b(?:said|says|added|wrote|stated|declared|told\s+(?:[\w-]+\s+){1,3}?)"
                      r"\s+of\s+(?P<np>(?:the|this|that|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?"
                      r"[a-z][\w’'-]*)\s*[.!]?[\"”’']*\s*$")
_IT_OPENS = re.compile(r"[\"“‘']?(?:(?P<it>It|This|That)(?P<s>['’]s)?|(?P<who>They|He|She))\s+"
                       r"(?=[a-z])")
# "It is too early to say", "It was the rebels who fired first": "it" stands for nothing.
_DUMMY_IT = re.compile(r"[\"“‘']?It(?:['’]s|\s+(?:is|was|remains|seems))\s+(?:[\w’'-]+\s+){0,4}?"
                       r"(?:who|that|to|whether|when|how|why|time)\b")
_ITS = re.compile(r"\b(?:it|this|that|I)\b")
# What a statement may be said of and read as happening in: "... died," she said of the strike.
_HAPPENING = re.compile(r"(?:deal|agreement|accord|truce|ceasefire|talks|strike|attack|blast|"
                        r"explosion|raid|incident|clashes|fighting|offensive|operation|siege|"
                        r"shelling|bombing|crash|fire|flood|collapse|release|swap|exchange|"
                        r"evacuation|election|vote)$")


def said_of(prop: str, att: Attributed, sentence: str) -> str:
    """"'No third country played any role,' the ministry said of the deal": no third country
    played any role in the deal; "'It was a massacre,' she said of the strike": the strike was
    a massacre. Only for a statement that opens its sentence, before its cue."""
    if sentence[:att.start].strip(" \"“‘'"):
        return prop
    m = _SAID_OF.search(sentence, att.end)
    if not m:
        return prop
    np_ = m.group("np")
    thing = bool(_HAPPENING.search(np_))
    it = _IT_OPENS.match(prop)
    if it and not _DUMMY_IT.match(prop) and (it.group("who") is None) == thing:
        # "'It was a massacre,' she said of the strike"; "'They came to us,' X said of the
        # delegation" (a person or a group for "they", "he", "she"; a happening for "it")
        verb = " is " if it.group("s") else " "
        return np_[:1].upper() + np_[1:] + verb + prop[it.end():]
    if thing and not it and np_.lower() not in prop.lower() and not _ITS.search(prop):
        return f"{prop.rstrip(' .,;')} in {np_}"  # not "we had nothing to do with it"
    return prop


def in_own_words(prop: str, att: Attributed, sentence: str) -> str:
    """A quotation's proposition in the third person: the colon lead cut, first person read as
    the speaker's side, what it was said of put in."""
    return said_of(first_person(_COLON_LEAD.sub("", prop, count=1), att.speaker, sentence), att,
                   sentence)
