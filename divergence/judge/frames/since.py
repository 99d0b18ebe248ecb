"""Since when a state has held: two claims that one place has been occupied, held, besieged or
ruled since different months or years ("Russian forces have occupied the plant since the start
of their invasion in February 2022" / "Russia has occupied the plant since March 2022"). The
``since`` detector: a conflict of dates a reader of one moment does not reach, for the state
began at one moment and each claim dates it.

A claim is read only when it tells one state and dates it once; two claims are one state when
its verbs are of one kind (holding, siege, custody) and what is held has one head word ("the
plant", "Crimea": the object of "have occupied", the subject of "has been under siege"; not
"the airport" / "the power plant", nor "Kalth" / "the Kalth airport").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...lazy_re import lazy
from ...records import Reason
from ...wordlists import word_sequences
from ..detectors import Pair, detector, one_voice, span_of
from ..gate import Gate
from ..text import STOPWORDS, dates, elsewhere

# The kinds of state, by their verbs: "has occupied", "have held", "has been under siege".
_STATES = {
    # not "held captive", "held talks", "held a rally": custody, or a meeting held
    "hold": r"occupied|held(?!\s+(?:captive|hostage|prisoner|talks|meetings?|elections?|an?\s|"
            r"discussions|consultations|negotiations|rall))|controlled|ruled|governed|"
            r"administered|annexed|in\s+control\s+of|under\s+(?:\w+\s+)?(?:control|occupation)",
    "siege": r"besieged|blockaded|encircled|under\s+(?:a\s+)?(?:siege|blockade)",
    "custody": r"detained|jailed|imprisoned|held\s+captive|in\s+custody|behind\s+bars",
}
_STATE = lazy(r"\b(?:has|have|had)\s+(?:been\s+)?(?:(?:fully|largely|illegally|"
                    r"effectively)\s+)?(?:" + "|".join(f"(?P<{k}>{v})" for k, v in
                                                       _STATES.items()) + r")\b", re.I)
_MONTH_NAMES = "|".join(word_sequences("calendar")["months"])
# The date a state began: "since March 2022", "since the start of the war in February 2022".
_SINCE = lazy(r"\bsince\s+(?:(?:the\s+)?(?:start|beginning|outbreak|end|middle)\s+of\s+"
                    r"(?:[^,.;]{0,40}?\s+in\s+)?)?(?:(?:early|mid|late)[\s-]+)?(?:\d{1,2}\s+)?"
                    rf"(?:(?:{_MONTH_NAMES})(?:\s+\d{{1,2}}(?!\d))?\s*,?\s*)?(?:\d{{4}})?", re.I)
_GATE = Gate(_STATE)


class Since(NamedTuple):
    """One dated state: its kind, the month and year it began ("" when not given), the head
    word of what is held (none for a pronoun), and where its date is."""

    kind: str
    month: str
    year: str
    words: frozenset[str]
    start: int
    end: int


@lru_cache(maxsize=65536)
def since(text: str) -> Since | None:
    """The one dated state ``text`` tells, or None (none, two, or a date without month and
    year)."""
    if not _GATE.opens(text) or "since" not in text.lower():
        return None
    states = list(_STATE.finditer(text))
    dated = [m for m in _SINCE.finditer(text) if m.end() - m.start() > len("since ")]
    if len(states) != 1 or len(dated) != 1 or dated[0].start() < states[0].end():
        return None
    d = dated[0]
    month, year = _month_year(text, d.start(), d.end())
    if not year:
        return None  # "since March": which March is not said
    state = states[0]
    kind = state.lastgroup or ""
    # what is held: the object of "have occupied", the subject of "has been under siege"
    held = (text[:state.start()] if "been" in state.group(0).lower()
            else text[state.end():d.start()])
    return Since(kind, month, year, _head(held), d.start(), d.end())


# The start of a hold told as the act that began it: "the militia seized Dornfeld in November
# 2022", "ever since Russian forces took control of it in March 2022" (not "took part", "took
# office": no place held).
_TAKEN = lazy(
    r"\b(?:seized|captured|overran|annexed|took\s+(?:full\s+)?control\s+of|"
    r"(?:took|gained|seized|assumed)\s+control\s+over|"
    r"took(?!\s+(?:part|place|office|power|effect|hold|over\s+as|charge|steps|action|time|"
    r"aim|note|refuge|shelter|cover|up|off|out|on|back)\b))"
    r"(?P<what>\s+[^,.;]{1,60}?)\s+in\s+(?P<when>(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:(?:{_MONTH_NAMES})\s+)?\d{{4}})\b", re.I)


# A state dated by another happening's start ("since the start of the war in 2022").
_SINCE_EVENT = lazy(r"since\s+(?:the\s+)?(?:start|beginning|outbreak|end|middle)\s+of\s+"
                          rf"(?:the\s+|their\s+|its\s+)?(?!(?:{_MONTH_NAMES})\b|\d)", re.I)


_LOST_AGAIN = lazy(r"\b(?:briefly|temporarily|before\s+(?:withdrawing|retreating|pulling|"
                         r"losing|being)|later\s+(?:lost|withdrew|retreated|abandoned)|recaptured|"
                         r"retook|until)\b", re.I)


@lru_cache(maxsize=65536)
def taken(text: str) -> Since | None:
    """The one dated taking ``text`` tells (a state of holding that began then), or None."""
    found = list(_TAKEN.finditer(text))
    if len(found) != 1 or _LOST_AGAIN.search(text):
        return None  # "briefly seized it in 2014 before withdrawing": no hold that lasts
    m = found[0]
    month, year = _month_year(text, m.start("when"), m.end("when"))
    if not year:
        return None
    return Since("hold", month, year, _head(m.group("what")), m.start("when"), m.end("when"))


def _month_year(text: str, start: int, end: int) -> tuple[str, str]:
    """The month ("03", or "" when not given) and year of the date at ``start:end``."""
    refs = [r for r in dates(text) if start <= r.start < end]
    month = next((r.value for r in refs if r.kind == "month"), "")
    month = month or next((r.value[:2] for r in refs if r.kind == "monthday"), "")
    return month, next((r.value for r in refs if r.kind == "year"), "")


_PLACE_OF = lazy(r"\b(?:town|city|village|port|region|district|province|island|state)\s+"
                       r"of\s+(?=[A-Z])")


def _head(phrase: str) -> frozenset[str]:
    """The head of what is held: the last word of its noun phrase, before a comma or a
    preposition ("the plant in southern Ukraine, the largest ...": plant; "the Kalth airport":
    airport; "the Varnian journalist Mira Tolvan": tolvan), or nothing for a pronoun."""
    phrase = _PLACE_OF.sub("", phrase.strip())  # "the town of Osk": Osk
    core = re.split(r"[,;(]|\s(?:in|at|of|near|on|for|from|with|by|to|since|inside|outside)\s",
                    phrase)
    core = [c for c in core if c.strip()]
    words = re.findall(r"[A-Za-z][\w'’-]*", core[-1] if "been" in phrase else core[0]) if core \
        else []
    words = [w.lower() for w in words if w.lower() not in STOPWORDS]
    return frozenset(words[-1:])


@detector("since")
def since_apart(p: Pair) -> Reason | None:
    """Two claims date one state to different months or years: one kind of state, a word of
    what is held in common, at least 0.5 close, neither told as another happening. A hold may
    be dated by its taking ("has held Dornfeld since 2021" / "seized Dornfeld in 2022")."""
    if p.similarity < 0.5 or one_voice(p):
        return None
    x, y = since(p.a.content), since(p.b.content)
    if (x is None) != (y is None):  # a hold since one date, its taking told on another
        held, holder = (x, p.a) if x is not None else (y, p.b)
        if held is not None and _SINCE_EVENT.match(holder.content, held.start):
            return None  # "since the start of their invasion in February 2022" dates the
            # invasion, loosely; not the taking ("took control of it in March 2022")
        x, y = x or taken(p.a.content), y or taken(p.b.content)
    if x is None or y is None or x.kind != y.kind:
        return None
    if x.year == y.year and (not x.month or not y.month or x.month == y.month):
        return None  # one year, and a month only one gives or both give alike
    if elsewhere(p.a.content) or elsewhere(p.b.content):
        return None
    if not x.words & y.words and (x.words and y.words or p.similarity < 0.6):
        return None  # "the plant" / "the airport", "Kalth" / "the Kalth airport": two held;
        # "it" stands for what its article is about, one thing when the claims are close
    sa, sb = span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)
    return Reason("date", f"{sa.text.strip()!r} vs {sb.text.strip()!r} (since when it has "
                  f"been {'held' if x.kind == 'hold' else x.kind})", (p.a.id, p.b.id), (sa, sb),
                  weight=0.6)


def two_held(a: str, b: str) -> bool:
    """Whether two texts date two states: of other kinds ("blockaded" / "under control") or of
    two things held ("the Varno airport" / "the Varno power plant"); their dates do not clash,
    however alike their words."""
    x, y = since(a), since(b)
    return x is not None and y is not None and (
        x.kind != y.kind or bool(x.words and y.words and not x.words & y.words))


def states_apart(a: str, b: str) -> bool:
    """Whether two texts date two states, or one state to two dates: never one statement (the
    airport and the power plant held since two months; "held captive" / "held at the port")."""
    x, y = since(a), since(b)
    return x is not None and y is not None and (two_held(a, b) or (x.year, x.month) != (
        y.year, y.month))


__all__ = ["Since", "since", "since_apart", "states_apart", "taken", "two_held"]
