"""The words a reason and what it explains are told in, for ``reasons.linkage``: content
words cut to a stem, acts told in other verbs folded to one ("freed" / "released"), and the
tests built on them (one happening, two reasons apart, places apart). Split from ``reasons`` to
keep each module short."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import MONTHS, WEEKDAYS, countries, token_set


def act_stems(text: str) -> frozenset[str]:
    """Content words cut to five letters: "punish" and "punishment" are one word here, and so
    are a few acts told in other verbs ("freed" / "released", "dismissed" / "removed")."""
    return frozenset(_ONE_ACT.get(t, t[:5]) for t in token_set(text))


# Acts reported in other verbs, by whole word.
_ONE_ACT = {"freed": "relea", "frees": "relea", "dismissed": "remov", "sacked": "remov",
            "ousted": "remov", "suspended": "halte", "shut": "halte", "closed": "halte",
            "shutdown": "halte", "pulled": "withd", "retreated": "withd", "withdrew": "withd",
            "fled": "withd", "exploded": "blast", "explosion": "blast", "blew": "blast",
            "detained": "arres", "jailed": "arres", "held": "arres", "entered": "incur",
            "invaded": "incur", "invasion": "incur", "dispersed": "broke", "rally": "prote",
            "demonstration": "prote", "closure": "halte", "closures": "halte",
            "departure": "resig", "resignation": "resig", "resigned": "resig",
            "stepped": "resig", "quit": "resig", "outage": "black", "outages": "black",
            "postponed": "delay", "postponement": "delay", "delayed": "delay",
            "expulsion": "expel", "expelled": "expel", "stoppage": "walko",
            "walkout": "walko", "removal": "remov", "dismissal": "remov",
            # one happening in other words: "the wildfire" / "the blaze", "sank" / "sinking"
            "blaze": "fire", "blazes": "fire", "wildfire": "fire", "fires": "fire",
            "inferno": "fire", "sank": "sink", "sinking": "sink", "sunk": "sink",
            "blackout": "black", "blackouts": "black",
            # the weather in other words: "the storm" / "strong winds" / "heavy rainfall"
            "storm": "weath", "storms": "weath", "wind": "weath", "winds": "weath",
            "gale": "weath", "gales": "weath", "rain": "weath", "rains": "weath",
            "rainfall": "weath", "downpour": "weath", "downpours": "weath", "snow": "weath",
            "snowfall": "weath", "blizzard": "weath", "weather": "weath"}
ACT_STEMS = frozenset(_ONE_ACT.values())  # what ``act_stems`` folds acts to


def same_thing(x: str, y: str) -> bool:
    """Two explained parts about one thing: they share a lower-case content word ("the
    operation", "pulled out" / "evacuate" aside), or one is only an actor ("Iran's aim") whom
    the other names. Names alone do not make one thing: both sides of a war name both."""
    lx, ly = act_stems(lower_words(x)), act_stems(lower_words(y))
    if lx & ly:
        return True
    for short, other in ((x, y), (y, x)):
        if short and len(short.split()) <= 3 and short[:1].isupper() and not lower_words(short):
            return bool(act_stems(short) & act_stems(other))
    return False


def lower_words(text: str) -> str:
    """The words of ``text`` that are not names (not capitalised)."""
    return " ".join(w for w in text.split() if not w[:1].isupper())


def half_in(text: str, other: str) -> float:
    """How far past half of ``text``'s words ``other`` holds (2 x shared - all; below zero,
    fewer than half; -inf when ``text`` has no content word)."""
    words = act_stems(text)
    return 2 * len(words & act_stems(other)) - len(words) if words else float("-inf")


def apart(x: str, y: str) -> bool:
    """Two reasons that share no content word: the same reason is worded with its words. Words
    shared only where each says where ("police firing tear gas into the packed stands" / "a
    collapsed barrier in the east stand") leave the two apart."""
    wx, wy = act_stems(x), act_stems(y)
    if not (wx and wy):
        return False
    shared = wx & wy | {u for u in wx for v in wy if _one_start(u, v)}
    if not shared:
        return True
    cx, cy = act_stems(_WHERE.split(x, 1)[0]), act_stems(_WHERE.split(y, 1)[0])
    return bool(cx and cy) and not (shared & (cx | cy))


def _one_start(u: str, v: str) -> bool:
    """Two stems of one word told longer ("heat" / "heatw"ave), four letters at least."""
    short, long_ = sorted((u, v), key=len)
    return len(short) >= 4 and short != long_ and long_.startswith(short)


# Where a reason's place begins: what it is comes before ("a collapsed barrier | in the east
# stand"); "from", "of" and "by" still tell what it is ("a spark from welding work").
_WHERE = re.compile(r"\s+(?:in|into|inside|at|on|onto|near|under|beneath|outside|along|across|"
                    r"off)\s+", re.I)


def sites_apart(x: str, y: str) -> bool:
    """Two explained happenings placed apart: each names where it happened, and the names share
    no word ("the derailment near Pennel" / "at Kastro"; "in Gaza" and "in Gaza City" share
    one). Only what is explained is read: a cause or a speaker may name other places."""
    pa, pb = _sites(x), _sites(y)
    return bool(pa and pb) and not pa & pb


# Where a happening took place: "near Pennoch", "at the Kelmar depot" (not "in Brelland's
# tariff", a possessive; not "in May"; not a country, "in the US": both sides of a war name it;
# not a body, "at the UN").
_SITE = re.compile(r"\b(?:in|at|near|outside|off)\s+(?:the\s+)?(?P<p>(?-i:[A-Z])\w+(?:-\w+)*"
                   r"(?:\s+(?-i:[A-Z])\w+(?:-\w+)*){0,2})(?![\w'’-])", re.I)
_NOT_SITES = frozenset({"christmas", "easter", "ramadan", "parliament", "congress", "the",
                        *MONTHS, *WEEKDAYS})


@lru_cache(maxsize=65536)
def _sites(text: str) -> frozenset[str]:
    """The words of the places ``text`` names as where something happened."""
    out: set[str] = set()
    for m in _SITE.finditer(text):
        name = m.group("p")
        words = {w.lower() for w in name.split()}
        if countries(name) or name.isupper() or words & _NOT_SITES:
            continue
        out |= words
    return frozenset(out)

__all__ = ["ACT_STEMS", "act_stems", "apart", "half_in", "same_thing", "sites_apart"]
