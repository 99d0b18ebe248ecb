"""One mediator in other words: the ``same-credit`` detector, a sign of agreement ("thanked
Egypt for helping secure the truce" / "Cairo played a key role in securing the ceasefire")."""

from __future__ import annotations

import re

from ...records import Reason
from ..detectors import Pair, detector, span_of
from ..text import elsewhere
from .credit import DENIED_ROLES, frame_credits, responsibility
from .happenings import happenings

# Two credits of one actor are one statement only about one outcome in one story: the grain
# deal and an oil deal Saudi Arabia brokered are two (cosine 0.39).
_SAME_CREDIT_SIM = 0.5


@detector("same-credit")
def same_credit(p: Pair) -> Reason | None:
    """Two voices credit one actor with one role in one outcome, in other words ("thanked Egypt
    for helping secure the truce" / "Cairo played a key role in securing the ceasefire"): a
    ``same-value`` sign of agreement, unless the two also credit others (``responsibility``).
    Not harms: in a war each side strikes, and one actor's two strikes are two statements; not
    one article's two sentences."""
    if (p.a.article_id == p.b.article_id or p.a.stance != p.b.stance or p.a.stance != "asserts"
            or p.similarity < _SAME_CREDIT_SIM):
        return None
    fa, fb = frame_credits(p.a), frame_credits(p.b)  # cached per claim: most pairs stop here
    match = next(((x, y) for x in fa for y in fb
                  if x.agent is not None and x.agent == y.agent and x.role == y.role
                  and x.role not in DENIED_ROLES and x.outcome == y.outcome
                  and x.outcome not in ("harm", "*")), None)
    if (match is None or elsewhere(p.a.content) or elsewhere(p.b.content)
            or not _one_outcome(p) or responsibility(p) is not None):
        return None
    x, y = match
    sa, sb = span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)
    return Reason("same-value", f"{sa.text!r} and {sb.text!r} credit one {x.role} of the "
                  f"{x.outcome} ({x.agent})", (p.a.id, p.b.id), (sa, sb), weight=0.7)


def _one_outcome(p: Pair) -> bool:
    """Two claims about one outcome: one kind of happening (a truce, a deal), and for anything
    but a truce a word of it in common ("the grain deal" twice; not "the grain deal" and "the
    prisoner swap", which Turkey may both have brokered)."""
    kinds = happenings(p.a.content) & happenings(p.b.content)
    if not kinds:
        return False
    if "ceasefire" in kinds:
        return True
    return bool(_outcome_words(p.a.content) & _outcome_words(p.b.content))


def _outcome_words(text: str) -> frozenset[str]:
    """A claim's words of four letters or more, cut to five, without the verbs of crediting and
    the names (what is left says what was achieved)."""
    return frozenset(w[:5] for w in re.findall(r"\b[a-z]{4,}\b", text)) - _CREDIT_STEMS


_CREDIT_STEMS = frozenset({"broke", "media", "negot", "secur", "helpe", "helpi", "playe", "thank",
                           "arran", "facil", "engin", "role", "with", "that", "from", "were",
                           "have", "been", "said", "says"})


__all__ = ["same_credit"]
