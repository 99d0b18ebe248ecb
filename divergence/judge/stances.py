"""A pair read through its stances: what one claim denies and the other asserts. A clash of the
two statements' wording is then one position, not a conflict (``through_stance``); another
side's act, another day or another value is no dispute with the denial."""

from __future__ import annotations

import re

from ..lazy_re import lazy
from ..records import Claim, Reason
from .detectors import denial_inside
from .frames.counts import clash, counts
from .frames.credit import other_culprits
from .frames.denied import other_doers
from .text import dates


def without_other_doers(a: Claim, b: Claim, reasons: list[Reason]) -> list[Reason]:
    """Drop the ``attribution`` detector's "one asserts what the other denies" where the two
    tell one act of two sides: "the army denied shelling the stadium" does not deny that rebel
    mortars hit it (``frames.denied.other_doers``); "the Kremlin rejected any suggestion that
    Russia attacked the pipelines" sides with "the US and Britain were responsible for the
    blasts" (``frames.credit.other_culprits``); "the office denied that ministers discussed a
    truce on Monday" does not deny that they discussed it on Thursday
    (``two_days``), nor "denied that 40 died" that twelve did (``other_count``)."""
    if a.stance == b.stance or not any(r.type == "attribution" for r in reasons):
        return reasons
    asserter, denier = (a, b) if a.stance == "asserts" else (b, a)
    said = f"{asserter.speaker or 'the outlet'} asserts it; "  # the detector's own wording
    if not any(r.detail.startswith(said) for r in reasons) or not (
            other_doers(denier, asserter) or other_culprits(denier, asserter)
            or two_days(denier, asserter) or other_count(denier, asserter)):
        return reasons
    return [r for r in reasons if not (r.type == "attribution" and r.detail.startswith(said))]


_POLARITY = ("negation", "antonym")


_VALUES = ("number", "date")


def _values_not_denied(a: Claim, b: Claim, reasons: list[Reason]) -> list[Reason]:
    """Drop a clash of values (a count, a day, a time) between a denial and an assertion: "the
    office denied that ministers met on Monday" / "ministers met on Thursday"; "the army denied
    that 40 died" / "12 died". What is denied is the one value, and the other is not it: the
    two may both be true. Whether the denial meets what the other asserts is the
    ``attribution`` reason's to say (it stays: "denied that the toll exceeded 100" / "it reached
    150"). A denial whose claim is its whole sentence keeps them."""
    denier = a if a.stance == "denies" else b if b.stance == "denies" else None
    if denier is None or denial_inside(denier) or not any(r.type in _VALUES for r in reasons):
        return reasons
    return [r for r in reasons if r.type not in _VALUES]


def through_stance(a: Claim, b: Claim, reasons: list[Reason]) -> list[Reason]:
    """Read a pair's reasons through its stances. When one claim denies and the other asserts, a
    contradiction between what they state is one position, not a conflict: "the White House
    rejected claims that Ukraine told Washington in advance" / "Ukraine gave no advance notice".
    The negation or antonym becomes a ``one-position`` reason (an agreement sign, as strong as
    the negation was); the ``attribution`` reason (one asserts what the other denies) then
    compared two statements of opposite polarity, and goes."""
    if a.stance == b.stance:
        return reasons
    reasons = _values_not_denied(a, b, reasons)
    polar = [r for r in reasons if r.type in _POLARITY]
    if not polar:
        return reasons
    best = max(polar, key=lambda r: r.weight)
    denier, other = (a, b) if a.stance == "denies" else (b, a)
    if denial_inside(denier):
        return reasons  # "Israel denied any part in the blast": the denial is its own words,
        # and the negation it brings is the denial of the other claim, not one position
    one = Reason("one-position", f"{denier.speaker or 'the outlet'} denies what "
                 f"{other.speaker or 'the outlet'} states negated ({best.detail})", (a.id, b.id),
                 best.spans, weight=best.weight)
    return [r for r in reasons if r.type not in (*_POLARITY, "attribution")] + [one]


def polarity_other_day(a: Claim, b: Claim, reasons: list[Reason]) -> list[Reason]:
    """Drop a negation or antonym between claims of two different days: "no one was sent back
    on Thursday night" does not deny that 60 were pushed back on Tuesday night
    (``two_days``)."""
    if not any(r.type in _POLARITY for r in reasons) or not two_days(a, b):
        return reasons
    return [r for r in reasons if r.type not in _POLARITY]


# A day that ends a span ("since Monday", "between Monday and Friday") or dates a saying ("in a
# statement issued on Monday", "which residents reported on Monday"): not the day of the act.
_NOT_ITS_DAY = lazy(r"(?:\b(?:since|between|from|until|till|by|before|after|through|and)\s+"
                          r"(?:\w+\s+){0,2}|\b(?:statement|said|says|issued|released|published|"
                          r"reported|announced|told|denied|confirmed)\b[^,.;]{0,30})$", re.I)


def _days(text: str) -> dict[str, set[str]] | None:
    """The weekdays and calendar days ``text`` tells its act on, by kind; None when a day in it
    ends a span or dates a saying (then its days are not compared)."""
    out: dict[str, set[str]] = {}
    for d in dates(text):
        if d.kind in ("weekday", "monthday"):
            if _NOT_ITS_DAY.search(text, max(0, d.start - 50), d.start):
                return None
            out.setdefault(d.kind, set()).add(d.value)
    return out


def other_count(denier: Claim, asserter: Claim) -> bool:
    """Whether every count the denial shares with the other claim is another value of it: "the
    army denied that 40 died" / "twelve died" may both be true; "denied that the toll exceeded
    100" / "it reached 150" may not."""
    cd, ca = counts(denier.content), counts(asserter.content)
    met = [(x, y) for x in cd for y in ca if (x.kind, x.head) == (y.kind, y.head)]
    return bool(met) and all(clash(x, y) for x, y in met)


def two_days(a: Claim, b: Claim) -> bool:
    """Whether the two claims tell of acts on two different days: each names its day of one
    kind (two weekdays, or two calendar days), and they share none. A weekday against a date,
    a span, or the day of a saying is not compared."""
    da, db = _days(a.content), _days(b.content)
    if not da or not db:
        return False
    kinds = da.keys() & db.keys()
    return bool(kinds) and all(not da[k] & db[k] for k in kinds)
