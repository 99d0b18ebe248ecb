"""Whether a claim counts over a scope (a running total, "so far", "each day", the work of
"scores of air strikes") or tells one happening's figure, for the count frames: a total since
the war began is not a day's toll.

Two words that look like a scope are not one:
- "since" in a comparison with a superlative or a first: "its biggest wave of strikes since the
  truce, killing 11" tells a day's toll; "40,000 killed since the war began" is a running total.
- "a total of" or "in total" tied to one happening: "a total of 139 people were killed in the
  attack" is that attack's toll, not a running one; "a total of 40,000 since October" stays a
  total.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ...wordlists import word_sequences

SCOPE_WORDS = lazy(r"\b(?:total|overall|so\s+far|since|cumulative|in\s+all|"
                         r"combined|each|per|a\s+day|daily|annually|a\s+year|every|"
                         # a total over a stretch of time: "over the previous three days"
                         r"(?:in|over|during|within)\s+the\s+(?:previous|past|last|first)\s+"
                         r"(?:[\w-]+\s+)?(?:hours?|days?|weeks?|months?|years?)|"
                         # or over many happenings: "in three shipwrecks", "over two nights"
                         r"(?:over|in|during)\s+(?:two|three|four|five|six|several|"
                         r"multiple|\d+)\s+(?:separate\s+)?[a-z]+s|"
                         # or told as the work of many: "launched scores of air strikes, killing"
                         r"(?:scores|dozens|hundreds|thousands|waves|series|string)\s+of\s+"
                         r"(?:[\w-]+\s+)?(?:strikes|airstrikes|attacks|raids|bombings|"
                         r"bombardments|assaults))\b", re.I)
# "the biggest wave since", "the first ... since", "the heaviest shelling since": a comparison
# across time, up to eight words before the "since" in the same clause.
_COMPARED = lazy(r"\b(?:first|worst|most\s+\w+|largest|biggest|heaviest|deadliest|"
                       r"bloodiest|fiercest|highest|lowest|strongest|greatest|longest|widest|"
                       r"sharpest|steepest|latest|only)\b(?:\s+[\w'’-]+){0,8}\s+$", re.I)
# "a total of 139 ... in the attack", "in total ... in the blast": one happening, named singular
# with "the" (or "this", "that", "Friday's"), in the same clause as the total.
_ONE_HAPPENING = lazy(r"^[^.;]{0,120}?\b(?:in|from|during|by)\s+(?:the|this|that|"
                            r"[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){0,4}?(?:attack|blast|explosion|"
                            r"bombing|strike|shooting|crash|fire|stampede|massacre|raid|"
                            r"ambush|collapse|shipwreck|sinking|earthquake|assault)\b(?!s)",
                            re.I)
_TOTALS = lazy(r"\b(?:a\s+total\s+of|in\s+total)\b", re.I)
_RUNNING = lazy(r"\b(?:since|so\s+far|to\s+date|overall|cumulative|in\s+all|"
                      r"over\s+the|during\s+the\s+war)\b", re.I)


@lru_cache(maxsize=65536)
def scoped(text: str) -> bool:
    """Whether ``text`` counts over a scope (``SCOPE_WORDS``: a total, "so far", "each"), read
    once per text: a claim meets many others. A comparison's "since" and a total of one named
    happening are no scope."""
    for m in SCOPE_WORDS.finditer(text):
        word = m.group(0).lower()
        if word == "since" and _COMPARED.search(text, max(0, m.start() - 90), m.start()):
            continue
        if word == "total" and _one_total(text, m.start()):
            continue
        return True
    return False


def _one_total(text: str, at: int) -> bool:
    """The total at ``at`` is one happening's: "a total of 139 were killed in the attack", with
    no running scope beside it."""
    found = _TOTALS.search(text, max(0, at - 2), at + 10)
    if found is None:
        return False
    rest = text[found.end():]
    clause = re.split(r"[.;]", rest, maxsplit=1)[0]
    return bool(_ONE_HAPPENING.match(rest)) and not _RUNNING.search(clause)


_CALENDAR = word_sequences("calendar")
_WEEKDAY = "(?:" + "|".join(_CALENDAR["weekdays"]) + ")"
_MONTH = "(?:" + "|".join(_CALENDAR["months"]) + ")"
_FEW = r"(?:two|three|four|five|six|seven|eight|nine|ten|few|several|\d+)"
# A count over the last hours or days: "in the previous three days", "over the past 24 hours",
# "since Sunday", "overnight".
_RECENT = lazy(
    rf"\b(?:(?:in|over|during|within)\s+the\s+(?:previous|past|last|preceding)\s+(?:{_FEW}\s+)?"
    rf"(?:hours?|days?|nights?|week)\b|since\s+(?:{_WEEKDAY}|yesterday|last\s+night|dawn|"
    rf"midnight|this\s+morning)\b|overnight\b|in\s+a\s+single\s+day\b|"
    rf"on\s+{_WEEKDAY}\s+alone\b|in\s+{_FEW}\s+days\b)", re.I)
# A count since a long stretch began: "since the siege began in May 2024", "since the start of
# the war", "since October 2023", "so far this year".
_SINCE_START = lazy(
    rf"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\b|"
    rf"since\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}(?:war|siege|conflict|fighting|invasion|"
    rf"offensive|blockade|occupation|crisis|uprising|campaign)\s+(?:began|started|broke\s+out|"
    rf"erupted)\b|since\s+(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}\s+)?{_MONTH}\s+"
    rf"(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b|since\s+(?:(?:early|late|mid)[\s-]+)?(?:19|20)\d\d\b|"
    rf"so\s+far\s+this\s+year\b|(?:in|during)\s+the\s+(?:war|conflict)\s+so\s+far\b)",
    re.I)


@lru_cache(maxsize=65536)
def period(text: str) -> str | None:
    """Over which stretch ``text`` counts: ``recent`` (the last hours or days), ``long`` (since
    a war, a siege or a month of a year began), or None (neither, or both: "killed 40 in the
    past day and 3,000 since the war began" tells two)."""
    recent, long = _RECENT.search(text), _SINCE_START.search(text)
    if recent and not long:
        return "recent"
    if long and not recent:
        return "long"
    return None


__all__ = ["SCOPE_WORDS", "period", "scoped"]
