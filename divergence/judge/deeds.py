"""Opposite outcomes told in other words: "the senate passed the bill" / "the bill was defeated",
"the convoy reached the town" / "it was turned back", "the festival went ahead" / "it was called
off". Each outcome has two ways it can go, each read from many wordings, phrasal verbs among them.
Two claims that tell one outcome going opposite ways on one day are not one statement: they never
agree (``outcomes_apart``). Never a conflict on its own: the words do not say that both tell of
one bill or one convoy ("approved the budget" / "voted down an amendment to it"). Word-for-word
opposites are ``opposites``'.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..lazy_re import lazy
from .frames.counts import dates_differ
from .text import NEGATIONS

# a few words between a verb and its particle ("voted the bill down")
_W = r"(?:[\w'’-]+\s+){0,3}?"
_STAYS = r"(?:stay|stays|stayed|remain|remains|remained)"  # "stayed shut", "remained open"

# outcome: (one way it goes, the other way), each a pattern of its wordings
_OUTCOMES: dict[str, tuple[str, str]] = {
    "passage": (
        r"approv(?:ed|es)|passed|adopted|ratified|endorsed|cleared|authori[sz]ed|"
        r"signed\s+" + _W + r"into\s+law",
        r"reject(?:ed|s)|vot(?:ed|es)\s+" + _W + r"down|(?:threw|throws|thrown)\s+" + _W + r"out|"
        r"vetoe?(?:d|s)|(?:was|were|been)\s+defeated|blocked|turn(?:ed|s)\s+" + _W + r"down|"
        r"spurn(?:ed|s)|scrapped|shelved|"
        r"fail(?:ed|s)\s+to\s+(?:pass|win\s+approval)"),
    "occurrence": (
        r"went\s+ahead|go(?:es)?\s+ahead|took\s+place|proceeded",
        r"cancell?(?:ed|s)|call(?:ed|s)\s+" + _W + r"off|postpon(?:ed|es)|"
        r"(?:was|were|been)\s+(?:scrapped|shelved)"),
    "arrival": (
        r"reach(?:ed|es)(?!\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:deal|agreement|accord|"
        r"settlement|compromise|consensus|verdict|decision|conclusion|truce|ceasefire))|"
        r"arriv(?:ed|es)|landed|docked|made\s+it\s+(?:to|into)|"
        r"entered(?!\s+(?:into|talks|negotiations|a\s+plea))",
        r"turn(?:ed|s)\s+back|(?:was|were|been)\s+turned\s+(?:back|away)|diverted|"
        r"never\s+(?:reached|arrived|made\s+it|showed\s+up|entered|landed|docked)|"
        r"fail(?:ed|s)\s+to\s+(?:reach|arrive)"),
    "tenure": (
        r"resign(?:ed|s)|stepp(?:ed)\s+down|steps\s+down|quit|(?:was|were|been)\s+"
        r"(?:sacked|dismissed|ousted|removed)|sack(?:ed|s)|ousted",
        _STAYS + r"\s+(?:on(?!\s+(?:alert|standby|guard|duty|course|track|board|the|a|an|high|"
        r"its|their|his|her)\b)|in\s+(?:his|her|their)\s+(?:post|job|office))|"
        r"surviv(?:ed|es)\s+" + _W +
        r"(?:vote|motion|challenge)|(?:would|will)\s+not\s+(?:step\s+down|resign|quit)|"
        r"refus(?:ed|es)\s+to\s+(?:step\s+down|resign|quit)"),
    "openness": (
        r"reopen(?:ed|s)|" + _STAYS + r"\s+open",
        _STAYS + r"\s+(?:shut|closed)|shut\s+down|"
        r"(?:was|were|been)\s+(?:shut|closed)"),
    "custody": (
        r"releas(?:ed|es)\s+" + _W + r"(?:from\s+(?:custody|jail|prison|detention))|"
        r"(?:was|were|been)\s+(?:released|freed)|freed|acquitt(?:ed|s)|walked\s+free|"
        r"(?:granted|grants)\s+" + _W + r"bail|cleared\s+of",
        r"remand(?:ed|s)|(?:kept|held|keeps|holds)\s+" + _W + r"in\s+(?:custody|detention|jail)|"
        r"(?:denied|refused)\s+bail|(?:was|were|been)\s+(?:convicted|jailed)|convicted|"
        r"found\s+guilty|still\s+holding"),
    "restriction": (
        r"lift(?:ed|s)",
        r"(?:kept|keeps|left|leaves)\s+" + _W + r"in\s+place|extend(?:ed|s)|expand(?:ed|s)|"
        r"tighten(?:ed|s)|(?:re)?impos(?:ed|es)"),
    "ruling": (
        r"upheld|upholds|(?:left|leaves)\s+" + _W + r"in\s+place",
        r"overturn(?:ed|s)|struck\s+down|strikes\s+down|quash(?:ed|es)|annull?(?:ed|s)"),
    "truce": (  # told of a truce or talks, not "held for questioning"
        r"(?:truce|ceasefire|cease-fire)\s+(?:[\w'’-]+\s+){0,4}?(?:held|(?:is|was)\s+holding)",
        r"(?:truce|ceasefire|cease-fire|talks)\s+(?:[\w'’-]+\s+){0,4}?(?:collapsed|fell\s+apart|"
        r"broke\s+down|unravell?ed)"),
}
_COMPILED = {k: (lazy(rf"\b(?:{p})\b", re.I), lazy(rf"\b(?:{n})\b", re.I))
             for k, (p, n) in _OUTCOMES.items()}


@lru_cache(maxsize=65536)
def outcomes(text: str) -> dict[str, tuple[int, int, int]]:
    """The outcomes ``text`` tells one way only: outcome -> (way, start, end), way 0 or 1. An
    outcome told both ways in one claim ("upheld the ban but struck down the fine"), next to a
    negation ("did not pass") or in an aside ("Brant, convicted of fraud in 2019, walked free")
    is left out."""
    out = {}
    for name, (pos, neg) in _COMPILED.items():
        negs = [m for m in neg.finditer(text) if not _aside(text, m.start())]
        ends = [m.start() for m in negs]
        # a way inside the other's wording is that one: "never reached" is not "reached"
        p = next((m for m in pos.finditer(text) if not _aside(text, m.start()) and not (
            (i := bisect_right(ends, m.start()) - 1) >= 0 and m.start() < negs[i].end())), None)
        n = negs[0] if negs else None
        if bool(p) == bool(n):
            continue
        m = p or n
        assert m is not None
        if _negated(text, m.start(), m.group(0)):
            continue
        out[name] = (0 if p else 1, m.start(), m.end())
    return out


def _aside(text: str, start: int) -> bool:
    """Whether the words at ``start`` open an aside between commas ("Brant, convicted of fraud in
    2019, left prison") or a relative clause ("the bill, which the senate blocked last year")."""
    before = text[max(0, start - 40):start]
    return bool(re.search(r",\s*(?:(?:which|who|that)\s+(?:[\w'’-]+\s+){0,4}?)?(?:\w+ly\s+)?$",
                          before) and "," in text[start:start + 80])


def _negated(text: str, start: int, deed: str) -> bool:
    """A negation before the deed, in its clause ("did not pass"), not one inside it ("never
    reached" is the deed itself)."""
    if NEGATIONS.match(deed):
        return False
    before = text[max(0, start - 30):start]
    clause = re.split(r"[,;:]|\b(?:and|but|after|before|while)\b", before)[-1]
    return bool(NEGATIONS.search(clause))


def outcomes_apart(a: str, b: str) -> bool:
    """Whether one outcome is told going opposite ways in the two texts ("passed the bill" /
    "the bill was defeated"), on one day: not one statement, though the words say no more."""
    oa, ob = outcomes(a), outcomes(b)
    shared = oa.keys() & ob.keys()
    if not shared or dates_differ(a, b):
        return False  # "the first convoy was turned back on Monday" / "a second reached the
        # town on Thursday": two happenings
    return any(oa[k][0] != ob[k][0] for k in shared)
