"""Whether two claims that blame actors for a harm speak of one harm (``same_harm``) and of one
incident (``one_incident``): a contested attribution is of one harm, while in a war each side
strikes. ``credit.responsibility`` asks these before it sets two culprits against each other."""

from __future__ import annotations

import re

from ...lazy_re import lazy
from ..credits import Credit
from ..detectors import Pair
from ..text import COUNTRY_NAMES, dates
from .answered import WHO_STARTED, fight, two_incidents
from .happenings import THE_HARMS, happenings, places, targets, targets_apart

_HARMS = frozenset({"blast", "strike", "dam", "hospital", "flood", "deaths", "capture", "crash"})


# A thing destroyed is a harm of its own ("Russia destroyed the theatre" / "Azov blew it up").
_RUINED = lazy(r"\b(?:destroy(?:ed|ing|s)?|destruction|demolish(?:ed|es|ing)?|razed|flattened|"
               r"reduced\s+to\s+rubble)\b", re.I)


def _harms(text: str, one_target: bool) -> frozenset[str]:
    """The harms of ``_HARMS`` a claim speaks of, and "ruin" when it tells of a destruction of
    the one target both claims name ("the theatre"; not "the hotel" / "the bridge")."""
    found = happenings(text) & _HARMS
    return found | {"ruin"} if one_target and _RUINED.search(text) else found


def same_harm(p: Pair, x: Credit, y: Credit) -> bool:
    """Both speak of a harm (a blast, strike, flood, deaths) and are close enough in meaning to
    be about one; which actors they name is the very point in dispute, so names do not count.
    When both frames speak of responsibility ("was behind", "planned by", "the work of"), not
    of acts of war ("struck", "fired at"), one of them may leave the harm unnamed ("Russia was
    behind it"): a contested attribution is of one harm, while in a war each side strikes."""
    one_target = bool(targets(p.a.content) & targets(p.b.content)) and not targets_apart(
        p.a.content, p.b.content)
    ha, hb = _harms(p.a.content, one_target), _harms(p.b.content, one_target)
    if ha and hb:
        return p.similarity >= 0.35
    if {x.role, y.role} <= WHO_STARTED and fight(p.a.content) and fight(p.b.content):
        # who started the war, who fired first: one fight, two accounts (not two clashes at
        # other places)
        if two_incidents(p, x, y):
            return False
        return p.similarity >= 0.3
    return bool((ha or hb) and p.similarity >= 0.3
                and ATTRIBUTIVE.search(p.a.content[x.start:x.end])
                and ATTRIBUTIVE.search(p.b.content[y.start:y.end]))


# Harms that are one incident ("the blast", "the hospital", "the dam"), not a kind of act each
# side of a war commits ("strikes", "deaths").
_ONE_INCIDENT = frozenset({"blast", "dam", "hospital", "flood", "crash"})
# Frames that blame as well: the culprit named by its weapon ("an Islamic Jihad rocket"), a
# cause ("caused by"), who alone could have done it ("only Israel could have carried out").
_BLAMES = lazy(r"(?:rocket|missile|drone|shell|mine|bomb|device)s?$|\bcaus|could\s+have",
                     re.I)


def incidents_apart(p: Pair) -> bool:
    """Whether two claims tell of harms at two struck targets, two places or in two years."""
    a, b = p.a.content, p.b.content
    ta, tb = targets(a) - THE_HARMS, targets(b) - THE_HARMS
    pa, pb = places(a) - COUNTRY_NAMES, places(b) - COUNTRY_NAMES
    ya = {d.value for d in dates(a) if d.kind == "year"}
    yb = {d.value for d in dates(b) if d.kind == "year"}
    return bool(ta and tb and not ta & tb or targets_apart(a, b) or pa and pb and not pa & pb
                or ya and yb and not ya & yb)


def one_incident(p: Pair, x: Credit, y: Credit) -> bool:
    """Whether two credits of harm to two different actors blame them for one incident: both
    attribute it ("was behind", "planned by", "an Islamic Jihad rocket"), both name one
    incident ("the hospital", "the plant"; or "the blast" beside the place it struck), or one
    attributes and the other names one. Two acts of war told as acts ("Israel launched air
    strikes on hospitals" / "Hamas fired rockets at towns") are two harms."""
    blames = [bool(ATTRIBUTIVE.search(t[z.start:z.end]) or _BLAMES.search(t[z.start:z.end])
                   or _WEAPON_BEFORE.search(t, max(0, z.start - 40), z.start))
              for t, z in ((p.a.content, x), (p.b.content, y))]
    ia, ib = (happenings(t) & _ONE_INCIDENT | targets(t) for t in (p.a.content, p.b.content))
    # one incident named by both, or the harm itself ("the blast", "the strike") beside the
    # place it struck
    named = bool(ia & ib or ia and ib and THE_HARMS & (ia | ib))
    if named and targets_apart(p.a.content, p.b.content):
        return False  # "the Marlow hotel" / "the Sorrel hotel": two
    return all(blames) or named or blames[0] and bool(ib) or blames[1] and bool(ia)


# The weapon before a "fired by X" ("a HIMARS rocket fired by the army"): X is blamed.
_WEAPON_BEFORE = lazy(r"\b(?:rocket|missile|drone|shell|bomb|projectile)s?\s+(?:(?:fired|"
                      r"launched|used|dropped)\s+by\s+)?$", re.I)
# Frames that attribute a harm rather than report an act: whoever did it is the question.
ATTRIBUTIVE = lazy(r"behind|responsib|planned|prepared|organi[sz]|orchestrat|ordered|"
                          r"mastermind|perpetrat|plotted|staged|work\s+of|doing\s+of|"
                          r"handiwork|blamed|accused|helped|\brole\b|involvement|"
                          r"nothing\s+(?:\w+\s+)?to\s+do\s+with|used\s+by", re.I)
# A frame that lays the blame: attributive, a cause, a weapon's owner, a cleft ("it is Russia
# that is attacking"); not an act of war told as such.
BLAMING = lazy(rf"{ATTRIBUTIVE.pattern}|{_BLAMES.pattern}|^it\s+(?:is|was)\b", re.I)


__all__ = ["ATTRIBUTIVE", "BLAMING", "incidents_apart", "one_incident", "same_harm"]
