"""Whose things a count counts: "two rebel drones" / "none of its aircraft" (the speaker's) are
losses of two sides, not one loss told twice."""

from __future__ import annotations

import re

from ...lazy_re import lazy
from ...records import Claim
from ..demonyms import DEMONYM_ENDING, same_actor
from ..text import Quantity, countries, entities

# Common nouns that name a side of a war when they qualify a counted thing ("two rebel drones"),
# folded to one side each; "enemy" is whoever the speaker fights, so it names no one here.
_SIDE_WORDS = {"rebel": "rebel", "militant": "rebel", "insurgent": "rebel", "separatist": "rebel",
               "jihadist": "rebel", "militia": "rebel", "guerrilla": "rebel",
               "government": "government", "army": "government"}
_OWN = lazy(r"\b(?:its|their|our)\b", re.I)
# An act done to the counted things: its subject is who did it, not whose they were.
_DONE_TO = lazy(r"\b(?:killed|killing|shot|downed|destroyed|captured|wounded|injured|"
                      r"seized|abducted|detained|arrested|executed|ambushed|struck|hit|"
                      r"freed|released)\b", re.I)
_DEMONYM = lazy(rf"{DEMONYM_ENDING}$")  # "Kestovan", "Israeli", "Sudanese": a side


def owner(c: Claim, q: Quantity) -> str | None:
    """The side that owns what ``q`` counts in claim ``c``: a country or its adjective, or a
    side word, before the counted noun ("three Varnian helicopters": varnian, "two rebel
    drones": rebel); for "its" or "their" a side named before it ("Kestova lost 12 of its
    tanks") or else the speaker's ("none of its aircraft", said by the Kestovan air force);
    None when the count names no owner ("12 Boeing jets", "40 militants")."""
    words = c.content[q.start:q.end].split()
    if words[-1:] in (["of"], ["its"], ["their"], ["our"]):  # "two of its jets"
        words += c.content[q.end:q.end + 12].split()[:1]
    words = words[:-1]  # the counted noun itself is whose count it is not
    if _OWN.search(" ".join(words)):
        clause = re.split(r"[;,]", c.content[:q.start])[-1]
        if _DONE_TO.search(clause):  # "rebels killed 12 of its soldiers, the army said": the
            clause = ""  # side before is the doer; "its" is the speaker's
        said = [e.key for e in entities(clause)] or [e.key for e in entities(c.speaker or "")]
        # unnamed, a side word names it: "the army said 14 of its soldiers", "rebel commanders
        # said 40 of their fighters"
        return said[-1] if said else _side(clause) or _side(c.speaker or "")
    named = [e.key for e in entities(" ".join(words))
             if countries(e.text) or _DEMONYM.search(e.text.lower())]
    if named:
        return named[0]
    return _side(" ".join(words))


def _side(text: str) -> str | None:
    """The first side word of ``text`` ("rebel drones": rebel), folded (``_SIDE_WORDS``)."""
    sides = [_SIDE_WORDS[w.rstrip("s")] for w in re.findall(r"[a-z]+", text.lower())
             if w.rstrip("s") in _SIDE_WORDS]
    return sides[0] if sides else None


def two_owners(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """Whether two counts count the things of two sides (each names its owner, and they are
    not one actor)."""
    oa, ob = owner(a, x), owner(b, y)
    if oa is None or ob is None or same_actor(oa, ob):
        return False
    # "army helicopters" may be any named state's ("Varnia lost two of its helicopters")
    return not ({oa, ob} & {"government"} and {oa, ob} - set(_SIDE_WORDS.values()))
