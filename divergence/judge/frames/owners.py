"""Whose things a count counts: "two rebel drones" / "none of its aircraft" (the speaker's) are
losses of two sides, not one loss told twice."""

from __future__ import annotations

import re

from ...records import Claim
from ..demonyms import same_actor
from ..text import Quantity, entities

# Common nouns that name a side of a war when they qualify a counted thing ("two rebel drones").
_SIDE_WORDS = frozenset({"rebel", "enemy", "militant", "insurgent", "separatist", "government",
                         "army", "opposition", "hostile", "jihadist", "militia", "guerrilla"})
_OWN = re.compile(r"\b(?:its|their|our)\b", re.I)


def owner(c: Claim, q: Quantity) -> str | None:
    """The side that owns what ``q`` counts in claim ``c``: a name or a side word among the
    number's words ("three Varnian helicopters": varnian, "two rebel drones": rebel), the
    speaker's side for "its" or "their" ("none of its aircraft", said by the Kestovan air force);
    None when the count names no owner."""
    words = c.content[q.start:q.end]
    if words.split()[-1:] in (["of"], ["its"], ["their"], ["our"]):  # "two of its jets"
        words += c.content[q.end:q.end + 12]
    if _OWN.search(words):
        said = [e.key for e in entities(c.speaker or "")]
        return said[0] if said else None
    names = [e.key for e in entities(words) if e.start > 0]  # not the number word that opens it
    if names:
        return names[0]
    sides = [w.rstrip("s") for w in re.findall(r"[a-z]+", words.lower())
             if w.rstrip("s") in _SIDE_WORDS]
    return sides[0] if sides else None


def two_owners(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """Whether two counts count the things of two sides (each names its owner, and they are
    not one actor)."""
    oa, ob = owner(a, x), owner(b, y)
    return oa is not None and ob is not None and not same_actor(oa, ob)
