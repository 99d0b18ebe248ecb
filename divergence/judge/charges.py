"""A charge, claim or report called wrong in a claim's own words ("it was unacceptable to accuse
Baku of ethnic cleansing", "the allegations are baseless"): a rejection told as a statement, which
sides with a denial of the charge rather than asserting it."""

from __future__ import annotations

import re

# A charge or report called wrong in the claim's own words ("it was unacceptable to accuse
# Baku", "the allegations are baseless"): a rejection told as a statement.
_REJECTING = re.compile(r"\b(?:unacceptable|baseless|groundless|absurd|unfounded|untrue|false|"
                        r"fabricated|fabrications?|lies|fake|disinformation|slanderous|"
                        r"nonsense|ridiculous)\b", re.I)
_CHARGE = re.compile(r"\b(?:accus\w*|claims?|claimed|allegations?|alleg\w*|reports?|"
                     r"suggestions?|charges?|assertions?)\b", re.I)


def rejects_a_charge(text: str) -> bool:
    """Whether ``text`` calls a charge, claim or report wrong in its own words."""
    return bool(_REJECTING.search(text) and _CHARGE.search(text))
