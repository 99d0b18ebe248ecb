"""Counts told away from their number: "put the number of civilians killed by the RSF at more
than 2,000", "the number of injured troops at 35" or "the death toll from the strikes on the port
has reached 74" (the noun and verb come long before it), and
crowd sizes ("police put the crowd at 20,000", "a crowd of 50,000 marched", "estimated turnout at
the rally at 8,000"), in a claim about a protest (a crowd may watch a match). Read for
``counts.counts``."""

from __future__ import annotations

import re

from ...lazy_re import lazy
from ..text import Quantity
from .happenings import happenings

_BOUND = (r"(?:more\s+than\s+|over\s+|at\s+least\s+|about\s+|some\s+|nearly\s+|almost\s+|"
          r"around\s+|roughly\s+|no\s+fewer\s+than\s+|fewer\s+than\s+|less\s+than\s+|"
          r"up\s+to\s+|only\s+|just\s+)?")
# How a count told earlier reaches its number: "has climbed to", "rose to", "stood at".
_RISEN = (r"(?:(?:has|have|had)\s+(?:now\s+)?)?(?:risen|rose|climbed|reached|jumped|increased|"
          r"grown|grew|stood|stands)(?:\s+(?:to|at))?")
# What may lie between a count's noun and its number: no other number or count ("... climbed to
# 120 and rescuers put the missing at 40" tells the missing, not the dead), no sentence's end
# (the period of "U.S." is none).
def _gap(more: str = "") -> str:
    return (r"(?:(?!\d|\b(?:killed|dead|injured|wounded|missing|displaced|arrested|detained|"
            rf"number{more})\b)(?:[^.;:]|(?<=\b[A-Z])\.)){{0,160}}?")


_NUMBER_OF = lazy(r"\b(?:number|tally|count)\s+of\s+(?:(?P<v2>injured|wounded|dead|displaced|"
                        r"arrested|detained|missing)\s+(?P<n2>(?!(?:in|on|at|after|from|since|"
                        r"during|and|or|by|of|to|for|as|among|across|over|near|the)\b)[a-z-]+)|"
                        r"(?P<n>[a-z-]+)\s+"
                        r"(?P<v>killed|dead|injured|wounded|displaced|arrested|detained|missing))\b"
                        + _gap() + rf"\b(?:at|(?P<rose>{_RISEN}))\s+{_BOUND}$", re.I)
# A death toll told with its number far after it: "the death toll from the strikes on the port
# has reached 74", "the toll of dead in the two villages rose to 31".
_TOLL = lazy(r"\b(?:death\s+toll|toll\s+of\s+(?:the\s+)?dead)\b" + _gap("|toll")
                   + rf"\b{_RISEN}\s+{_BOUND}$", re.I)
# A new clause between a count and a rise: "the death toll remains unclear, but officials said
# rescue teams had grown to 40" tells of the teams.
_CLAUSE_BREAK = lazy(r",\s+(?:but|and|while|whereas|although|though)\b|\b(?:said|says|told)\b",
                     re.I)
# A crowd's size: "put the crowd (at Saturday's march) at", "estimated turnout at the rally at",
# "a crowd of", "crowds of"; not "crowds of people" (no number), "a crowd at 10 am".
_CROWD = lazy(
    r"\b(?:(?:put|estimated|numbered|counted|gave|placed|set)\s+(?:the\s+)?(?:size\s+of\s+the\s+)?"
    r"(?:crowds?|turnout|attendance|number\s+of\s+(?:protesters|demonstrators|marchers|"
    r"participants))\b(?:(?!\d)[^.;:]){0,80}?\bat|crowds?\s+of)\s+" + _BOUND + "$", re.I)
_LATE = lazy(r"\b(?:number|tally|count|toll|crowds?|turnout|attendance)\b", re.I)


def told_late(text: str) -> bool:
    """Whether ``text`` may tell a count away from its number (one cheap look per text)."""
    return bool(_LATE.search(text))


def told_count(text: str, q: Quantity) -> tuple[str, str | None] | None:
    """The counted noun and the verb that says what happened to it, for a number told away from
    them: ("civilians", "killed") for "the number of civilians killed ... at N", ("people",
    None) for a crowd of N."""
    before = text[max(0, q.start - 220):q.start]
    m = _NUMBER_OF.search(before)
    if m is not None and m.group("rose") and _CLAUSE_BREAK.search(m.group(0)):
        m = None
    if m is not None:
        noun, verb = (m.group("n"), m.group("v")) if m.group("n") else (m.group("n2"),
                                                                           m.group("v2"))
        return noun.lower(), verb.lower()  # "the number of civilians killed", "of injured troops"
    toll = _TOLL.search(before)
    if toll is not None and not _CLAUSE_BREAK.search(toll.group(0)):
        return "people", "killed"  # "the death toll from the strikes has reached 74"
    if _CROWD.search(before[-140:]) and "protest" in happenings(text):
        return "people", None  # a crowd at a protest; not one watching a match
    return None
