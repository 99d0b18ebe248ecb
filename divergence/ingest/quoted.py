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
_SOME_OF = re.compile(r"\b(?:two|both|all|each|one|none|some|many|most|any|three)\s+of\s+$", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”‘]|(?:^|\s)'")


# A person's name ("Dorn", "Ilse Morrow"): no article, capitalised words, not an acronym.
_PERSON = re.compile(r"(?!(?:The|A|An)\b)[A-Z][a-z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}")
_BODY = re.compile(r"\b(?:Ministry|Army|Military|Government|Forces?|Agency|Office|Council|"
                   r"Committee|Service|Group|Movement|Front|Party|Command|Brigades?|Guard|Navy|Police|"
                   r"Embassy|Administration|Presidency|Cabinet|Union|Alliance|Coalition|"
                   r"Company|Bank|League|Federation|Association|Corps|Militia|Organi[sz]ation)\b")


def first_person(prop: str, att: Attributed, sentence: str) -> str:
    """"'We never asked for a truce,' a rebel spokesman said": the rebels never asked for it.
    In a quotation, "we", "us" and "our" are the speaker's side (``side_of``); read so, the
    statement lines up with the same one told in the third person. Only in a sentence that
    quotes, for a speaker who is no pronoun."""
    speaker = att.speaker
    if (not speaker or speaker.lower() in PRONOUNS or not _QUOTE_MARKS.search(sentence)
            or not _WE.search(prop)):
        return prop
    role = re.search(rf"\b{re.escape(speaker)},\s+(?P<role>(?:an?|the)\s+[^,.;\"“”]+)",
                     sentence)  # "said Marek Dolan, a spokesman for the rebels"
    side = side_of(f"{speaker}, {role.group('role')}" if role else speaker)
    if side == speaker and _PERSON.fullmatch(speaker) and not _BODY.search(speaker):
        return prop  # "'We stopped a war,' Dorn said": whose "we", a person's name does not say
    owner = f"{side}'" if side.endswith("s") else f"{side}'s"

    def swap(m: re.Match[str]) -> str:
        if _SOME_OF.search(prop, 0, m.start()):
            return m.group(0)  # "between the two of us": not one side
        word = m.group(0).lower()
        said = owner if word == "our" else side
        at_start = not prop[:m.start()].strip(" \"“‘'")
        return said[:1].upper() + said[1:] if at_start else said

    return _WE.sub(swap, prop)


# What a cue took before a colon and a quotation: "told reporters: \"...\"", "said in a
# statement: \"...\"" (the quotation is what was said).
_COLON_LEAD = re.compile(r"^\s*(?:[\w’'-]+\s+){0,4}?[\w’'-]+:\s*(?=[\"“‘])")
# "'...,' the ministry said of the deal": what a quotation is about, after its cue.
_SAID_OF = re.compile(r"\b(?:said|says|added|wrote|stated|declared|told\s+(?:[\w-]+\s+){1,3}?)"
                      r"\s+of\s+(?P<np>(?:the|this|that|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?"
                      r"[a-z][\w’'-]*)\s*[.!]?[\"”’']*\s*$")
_IT_OPENS = re.compile(r"[\"“‘']?(?:It|This|That|They|He|She)\s+(?=[a-z])")
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
    it = _IT_OPENS.match(prop)
    if it:  # "'They came to us,' X said of the delegation": the delegation came
        return np_[:1].upper() + np_[1:] + " " + prop[it.end():]
    if _HAPPENING.search(np_):
        return f"{prop.rstrip(' .,;')} in {np_}"
    return prop


def in_own_words(prop: str, att: Attributed, sentence: str) -> str:
    """A quotation's proposition in the third person: the colon lead cut, first person read as
    the speaker's side, what it was said of put in."""
    return said_of(first_person(_COLON_LEAD.sub("", prop, count=1), att, sentence), att,
                   sentence)
