"""A saying inside a saying: "Moscow said Kyiv had claimed that P" is Kyiv's P, as Moscow
tells it."""

from __future__ import annotations

import re

from .attribution import attribute
from .clauses import WORD, finite_verb, is_clause
from .cues import LONG, Attributed


def attributions(sentence: str) -> list[Attributed]:
    """Each attribution of ``sentence`` read through to the speaker it belongs to
    (``attribute``, then ``innermost``): what ``split`` and ``claim_from_text`` both read."""
    return [innermost(sentence, att) for att in attribute(sentence)]


# The saying verbs whose report, inside another's, is the inner speaker's claim.
_RELAYED = re.compile(r"(?:said|says|say|claimed|claims|claim|stated|states|insisted|insists|"
                      r"alleged|alleges|maintained|maintains|announced|announces|confirmed|"
                      r"confirms|denied|denies|reported|reports|admitted|admits|acknowledged|"
                      r"acknowledges|asserted|asserts|argued|argues|wrote|writes|told|tells|assured|"
                      r"assures)", re.I)


def innermost(sentence: str, att: Attributed, depth: int = 3) -> Attributed:
    """The attribution a claim belongs to when what one speaker says is another's saying:
    "Moscow said Kyiv had claimed that P" is Kyiv's claim P (as Moscow tells it), not Moscow's
    P; "Reuters reported that officials said P" is the officials'. Read only when the outer
    speaker asserts it and the inner speaker opens what was said ("the spokesman denied that
    Varnia had claimed P" is the spokesman's denial, and stays); at most ``depth`` sayings in
    ("A said B said C said ..." 700 times over is a chain no reader follows, and was a
    recursion error)."""
    for _ in range(depth):
        if (att.stance != "asserts" or att.aside or att.end - att.start > LONG
                or att.speaker is None):
            return att
        said = sentence[att.start:att.end]
        inner = attribute(said)
        if len(inner) != 1 or not inner[0].speaker or inner[0].aside:
            return att
        x = inner[0]
        head = said[:x.start]
        if not x.start or not head.lstrip(" \"“‘'").startswith(x.speaker.strip()):
            return att  # "P, she said" inside, or a speaker the outer words do not open with
        if re.search(r"\b(?:wrongly|falsely|mistakenly|erroneously|baselessly|dishonestly)\b",
                     head, re.I) or _HABIT.search(head):
            return att  # "X said the opposition wrongly claimed P": X's charge; "the United
            # States routinely says one thing and does the opposite": a habit X tells of
        if x.cue in ("told", "tells", "assured", "assures") and not _TOLD_ME.match(
                said, head.rfind(x.cue) + len(x.cue)):
            return att  # "Iran said it had told its neighbours P": Iran's; "X said the general
            # had told him P" is the general's, told to X
        if (not _RELAYED.fullmatch(x.cue or "") or not is_clause(said[x.start:x.end])
                or finite_verb(WORD.findall(x.speaker))):  # "he is forming a panel to look
            # into reports of ...": no one
            return att  # "Energoatom said the Kremlin was lying about P" is Energoatom's
            # charge; "Iran had told its friends, including ..., that P": a listener cut wrong
        att = Attributed(att.start + x.start, att.start + x.end, x.speaker, x.cue, x.stance)
    return att


_HABIT = re.compile(r"\b(?:routinely|habitually|always|often|regularly|usually|typically|"
                    r"constantly|repeatedly)\s+\w+\s*$", re.I)  # the adverb right before the cue
_TOLD_ME = re.compile(r"\s*(?:him|her|them|me|us)\b", re.I)
