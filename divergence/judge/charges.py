"""A charge, claim or report called wrong in a claim's own words ("it was unacceptable to accuse
Baku of ethnic cleansing", "the allegations are baseless"): a rejection told as a statement, which
sides with a denial of the charge rather than asserting it. Read only in those two shapes: a
charge of falsehood ("accused the government of spreading disinformation", "filed false
claims") is no rejection."""

from __future__ import annotations

import re

from ..lazy_re import lazy

_WRONG = (r"(?:unacceptable|baseless|groundless|absurd|unfounded|untrue|false|fabricated|"
          r"lies|a\s+lie|fake|disinformation|slanderous|nonsense|ridiculous|wrong)")
_CHARGES = r"(?:accusations?|claims?|allegations?|reports?|suggestions?|charges?|assertions?)"
# "it was unacceptable to accuse Baku", "absurd to suggest"; "the claims are baseless", "such
# allegations were completely false"
_REJECTING = lazy(
    rf"\b{_WRONG}\s+to\s+(?:accuse|claim|suggest|say|allege|blame)\b|"
    rf"\b{_CHARGES}\s+(?:[\w'’-]+\s+){{0,6}}?(?:is|are|was|were|been)\s+(?:\w+ly\s+)?{_WRONG}\b",
    re.I)


def rejects_a_charge(text: str) -> bool:
    """Whether ``text`` calls a charge, claim or report wrong in its own words."""
    return bool(_REJECTING.search(text))
