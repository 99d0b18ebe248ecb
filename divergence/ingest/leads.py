"""What an outlet puts around a statement: a scene-setting lead before it ("In the latest
development, ..."), its own narration after a trailing attribution ("..., X said, amid fears of
Q"), and a second voice joined by "and" ("..., and aid agencies warned of Q"). Read so that none
of them is taken for a speaker or for what was said."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from .cues import ASSERT_RE, DENY_RE, Attributed

# A scene-setting phrase before the sentence proper: "In the latest development, ...", "On
# Tuesday, ...", "Meanwhile, ...". Not a voice ("According to X,", "For X,", "In X's view,").
_LEAD = re.compile(
    r"(?:(?:In|On|At|After|Before|During|Following|Amid|Despite|Since|Later|Earlier|Late|Early|"
    r"Overnight|Meanwhile|Separately|Elsewhere|Also|However|Still|Yet|Now|Instead|Last|This|"
    r"Hours|Days|Weeks|Shortly|Within|Over|By)\b"
    r"(?![^,;:\"“”]*\b(?:according|citing|quoting|said|says|told|view|words|opinion|eyes|"
    r"account|version|telling|quoted|statement\s+(?:by|from|of))\b)"
    r"(?![^,;:\"“”]*[’']s\s+(?:view|words|opinion|account|version)\b)"
    # a clause of its own is no lead ("At least eight were killed on Sunday, ...")
    r"(?!\s+(?:least|most)\b)(?![^,;:\"“”]*\b(?:is|are|was|were|has|have|had|will|would)\b)"
    r"[^,;:\"“”]{0,60}?),\s+(?=[\"“]?[A-Za-z])")
# A lead that only moves the story on, and says nothing of what happened.
_SAYS_NOTHING = re.compile(
    r"(?:Meanwhile|Separately|Elsewhere|However|Still|Yet|Now|Instead|Also|In\s+(?:the|a|an|its|"
    r"his|her|their)\s+(?:(?:latest|new|further|separate|surprise|dramatic|written|televised|"
    r"joint|brief)\s+)?(?:development|twist|turn|statement|post\s+on|interview|briefing|remarks|"
    r"speech|message|address|update)\b[^,]*),\s+")

# What the outlet adds after a trailing attribution, in its own voice ("..., X said, amid fears
# of Q"; "..., X said, without giving details"); "after Q", "when Q", "without conditions",
# "although two are missing" and "as soon as Q" may still be X's own words.
NARRATED = (r"amid|as(?!\s+(?:soon|long|part|well|much|many|far|a\s+condition|if|though)\b)|"
            r"without\s+(?:giving|providing|offering|elaborating|citing)|but\s+(?:did\s+not|"
            r"didn['’]t|gave\s+no|offered\s+no|provided\s+no|declined)|in\s+(?:a|an)\s+"
            r"(?:[\w-]+\s+)?(?:statement|post|briefing|interview|video|speech|message|address)")

# Cues that close a statement only when nothing but a when or where follows them ("..., the
# ministry confirmed on Tuesday."): they also take objects ("admitted to hospital").
_CLOSING_CUES = frozenset({"confirmed", "confirms", "acknowledged", "admitted", "explained",
                           "stressed", "conceded", "emphasised", "emphasized"})
CLOSING = "|".join(sorted(_CLOSING_CUES))
_CLOSED = re.compile(r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|yesterday|today|"
                     r"overnight)\b[^,\"“”]*)?\s*(?:[,.]|$)")

# ", and" before another voice's saying: "P, X said, and aid agencies warned of Q" is two
# sentences, each with its own voice (read apart before attribution).
_AND_ANOTHER = re.compile(
    r",\s+and\s+(?=(?:the\s+|a\s+|an\s+)?(?:(?!(?:also|then|later|again|would|will|could|be|been|"
    r"was|were|is|are|has|have|had|it|they|he|she|we|that|which|who)\b)[A-Za-z][\w’'.-]*\s+){1,4}?"
    r"(?:said|says|warned|added|announced|urged|insisted|stressed|noted|reported|told|called\s+"
    r"for)\b(?!\s+to\b))")
# A saying that closes the sentence ("..., diplomats said."): what comes before is all its.
_SAID_AT_END = re.compile(r",\s*(?:[\w’'.-]+\s+){1,6}?(?:said|says|told|added|reported|"
                          r"noted|stressed|insisted)\b[^,\"“”]*\.?\s*$")
_MOST_CUTS = 32  # a list of hundreds of ", and X said" is no news sentence


def closes(cue: str, sentence: str, end: int) -> bool:
    """Whether ``cue``, ending at ``end``, can close ``sentence`` as its attribution: any cue of
    ``CLOSING`` only before a when or where, a comma or the end."""
    return cue.lower() not in _CLOSING_CUES or bool(_CLOSED.match(sentence, end))


def lead(sentence: str) -> tuple[int, int] | None:
    """A scene-setting lead at the start of ``sentence``: (where the sentence proper starts,
    where what was said may start: past the lead when it only moves the story on ("Meanwhile,"),
    else 0, as it tells of a happening: "Following an incursion, troops moved, X said"), or
    None."""
    m = _LEAD.match(sentence)
    if m is None:
        return None
    k = m.end()
    return k, k if _SAYS_NOTHING.fullmatch(sentence, 0, k) else 0


def voiced(text: str, spans: Iterable[tuple[int, int]], clause: Callable[[str], bool]
           ) -> Iterator[tuple[int, int]]:
    """Sentences cut where ", and" opens another voice's saying, when both sides are full
    clauses (``clause``)."""
    for s, e in spans:
        cur = s
        for k, m in enumerate(_AND_ANOTHER.finditer(text, s, e)):
            if k == _MOST_CUTS:
                break
            right = text[m.end():e]
            if clause(text[cur:m.start()]) and clause(right) and not _SAID_AT_END.search(right):
                yield cur, m.start()
                cur = m.end()
        yield cur, e


def past_lead(sentence: str, read: Callable[[str], list[Attributed]]) -> list[Attributed]:
    """``read`` (the attribution reader), past a scene-setting lead: the lead's comma must not
    stand in for the one that sets off a speaker ("In a further twist, P, X said, after Q").
    What was said keeps the lead when it opens it ("Following an incursion, troops moved, X
    said": the incursion is X's word too). When what follows the lead is not what was said
    ("This year's harvest, the ministry said, fell"), the lead was the subject: read whole."""
    at = lead(sentence)
    found = read(sentence[at[0]:]) if at else []
    if at is None or not found:
        return read(sentence)
    k, keep = at
    x = found[0]
    if x.start and x.cue != "according to":
        return read(sentence)
    if x.start and not keep and len(found) == 1 and not (ASSERT_RE.search(sentence, x.start + k)
                                                         or DENY_RE.search(sentence, x.start + k)):
        # "On Sunday, according to the ministry, the army shot down 40 drones": P keeps its
        # lead ("On Sunday"), the source set aside; with a saying inside P ("the ministry said
        # P", "a claim the rebels rejected") it is read as "According to X, P" is, lead left out
        return [Attributed(0, x.end + k, x.speaker, x.cue, x.stance, (k, x.start + k))]
    return [Attributed(x.start + k if x.start else keep, x.end + k, x.speaker, x.cue, x.stance,
                       (x.aside[0] + k, x.aside[1] + k) if x.aside else None) for x in found]
