"""A second voice in one sentence: "X said P, but Y said Q", "X said P, a figure Y disputed"."""

from __future__ import annotations

import re

from .clauses import is_clause
from .cues import (
    ASSERT_CUES,
    DENIED_NOUN,
    DENY_CUES,
    DENY_RE,
    INSTRUCTED,
    NAME,
    Attributed,
    trim,
)
from .speakers import clean_speaker, speaker_ok

# A second voice in the sentence: "X said P, but Y said Q", "X said P; Y put the figure at N",
# "X said P, and Y agreed", "X said P, a figure Y disputed".
_SECOND = re.compile(
    rf"(?:,\s*(?:but|while|whereas|and)|;|\s+while|\s+whereas)\s+(?P<spk>{NAME}|(?:the|its|"
    r"their|his|her)\s+[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+(?:(?:has|had|have)\s+)?"
    r"(?:(?:also|earlier|later|previously|already|repeatedly|since)\s+)?"
    rf"(?P<cue>{ASSERT_CUES}|{DENY_CUES}|put\s+the\s+(?:death\s+)?(?:figure|toll|number)|"
    r"(?:dis)?agreed)\b\s*(?:that\s+)?"
    r"|,\s*(?:a|an|the)\s+(?:figure|claim|account|version|number|toll|assertion)\s+"
    rf"(?P<spk2>{NAME}|(?:the|its|their)\s+[\w’'.-]+(?:\s+[\w’'.-]+){{0,3}}?)\s+"
    rf"(?P<cue2>{DENY_CUES}|rejected|questioned|contested)\b")


def second_voice(s: str, a: int, b: int) -> tuple[int, list[Attributed]]:
    """Where a first speaker's proposition [a, b) ends when a second speaker follows in the
    same sentence, and the second's attribution: what it says after its verb, or, when it only
    answers the first ("agreed", "disputed", "a figure Y disputed"), the first's proposition
    agreed with or denied."""
    m = _SECOND.search(s, a, b)
    if m is None:
        return b, []
    spk, cue = m.group("spk") or m.group("spk2"), m.group("cue") or m.group("cue2")
    if not speaker_ok(spk):
        return b, []
    end = trim(s, a, m.start())[1]
    denial = bool(DENY_RE.fullmatch(cue))
    if m.group("cue2") or (denial or cue.lower() == "disagreed") and m.end() >= b - 2:
        return end, [Attributed(a, end, clean_speaker(spk), cue, "denies")]
    if cue.lower() == "agreed" and m.end() >= b - 2:
        return end, [Attributed(a, end, clean_speaker(spk), cue, "asserts")]
    start = m.end()
    if denial:  # "Y denied that Q", "Y rejected claims that Q"; not "the judge denied him bail"
        lead = DENIED_NOUN.match(s, start)
        if lead is None and not s[:start].rstrip().endswith("that"):
            return b, []
        start = lead.end() if lead else start
    elif cue.lower() == "told" and INSTRUCTED.match(s, start):
        return b, []  # "... while air traffic control told him to turn back": an order
    x, y = trim(s, m.start("spk") if cue.lower().startswith("put") else start, b)
    if y - x <= 10 or not (cue.lower().startswith("put") or is_clause(s[x:y])):
        return b, []  # "and Kovar agreed to send observers": an act, not a second claim
    return end, [Attributed(x, y, clean_speaker(spk), cue, "denies" if denial else "asserts")]
