"""One mediator in other words: the ``same-credit`` detector, a sign of agreement ("thanked
Egypt for helping secure the truce" / "Cairo played a key role in securing the ceasefire")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Reason
from ..credits import Credit
from ..detectors import Pair, detector, span_of
from ..text import countries, elsewhere, entities, norm_actor
from .credit import base_role, denies_role, frame_credits, outcome_class, responsibility
from .happenings import happenings
from .incidents import ATTRIBUTIVE, same_harm

# Two credits of one actor are one statement only about one outcome in one story: the grain
# deal and an oil deal Saudi Arabia brokered are two (cosine 0.39).
_SAME_CREDIT_SIM = 0.5


@detector("same-credit")
def same_credit(p: Pair) -> Reason | None:
    """Two voices credit one actor with one role in one outcome, in other words ("thanked Egypt
    for helping secure the truce" / "Cairo played a key role in securing the ceasefire"), or
    deny it alike ("Egypt denied it had mediated" / "Cairo played no role in it"): a
    ``same-value`` sign of agreement, unless the two also credit others (``responsibility``).
    A harm only where one attributes it ("Ukraine was behind the attack" / "Kyiv's agents
    carried it out"): in a war each side strikes, and one actor's two strikes are two
    statements; not one article's two sentences."""
    if p.a.article_id == p.b.article_id or p.similarity < _SAME_CREDIT_SIM:
        return None
    match = same_position(p)
    if (match is None or elsewhere(p.a.content) or elsewhere(p.b.content)
            or responsibility(p) is not None):
        return None
    x, y = match
    sa, sb = span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)
    role = base_role(x)
    what = (f"both say no third party mediated the {x.outcome}" if x.agent is None
            else f"both deny that {x.agent} was the {role} of the {x.outcome}"
            if denies_role(p.a, x) else f"credit one {role} of the {x.outcome} ({x.agent})")
    if p.a.stance != p.b.stance:  # one denies what the other states negated: one position
        return Reason("one-position", f"{sa.text!r} and {sb.text!r} {what}", (p.a.id, p.b.id),
                      (sa, sb), weight=0.8)
    return Reason("same-value", f"{sa.text!r} and {sb.text!r} {what}", (p.a.id, p.b.id),
                  (sa, sb), weight=0.7)


def same_position(p: Pair) -> tuple[Credit, Credit] | None:
    """A credit each claim holds alike: one actor, one role, granted by both or denied by both
    (a denial stance denies what its content credits), in one outcome (``_one_outcome``; a harm
    only when one attributes it or both deny it)."""
    for x in frame_credits(p.a):  # cached per claim: most pairs stop here
        for y in frame_credits(p.b):
            if x.agent is None or y.agent is None:  # "no third party": the denial is its own
                if (x.agent is None and y.agent is None and x.role == y.role == "mediator"
                        and outcome_class(x) == outcome_class(y) and _one_outcome(p)
                        and not _other_parties(p, None)):
                    return x, y  # "agreed directly" / "worked out bilaterally"
                continue
            denied = denies_role(p.a, x)
            if (x.agent != y.agent or base_role(x) != base_role(y)
                    or x.outcome != y.outcome or x.outcome == "*" or denied != denies_role(p.b, y)):
                continue
            if x.outcome == "harm" and not denied and not (
                    ATTRIBUTIVE.search(p.a.content[x.start:x.end])
                    or ATTRIBUTIVE.search(p.b.content[y.start:y.end])) or _other_parties(
                        p, x.agent):
                continue  # "Israeli jets struck" twice may be two strikes; "Hamas accused
                # Israel of striking the hospital" / "an Israeli airstrike hit it" is one, but
                # not one in Gaza City and one in Khan Younis
            if _one_outcome(p) or denied and x.outcome == "harm" and same_harm(p, x, y):
                return x, y  # two denials of one story's harm: "the strike" / "the blast"
    return None


def _other_parties(p: Pair, agent: str | None) -> bool:
    """Besides the actor credited, the two name people or places and share none: "the hospital
    in Gaza City" / "a hospital in Khan Younis"; "Sudan's generals" / "Israel and Hamas"."""
    na, nb = _named(p.a.content, agent), _named(p.b.content, agent)
    return bool(na and nb and not na & nb)


@lru_cache(maxsize=65536)
def _named(text: str, agent: str | None = None) -> frozenset[str]:
    """The names a claim gives, as countries they belong to where known ("Cairo": egypt), but
    not the credited ``agent`` under any of its names ("Islamic State" when ISIS is credited)."""
    out: set[str] = set()
    for e in entities(text):
        if agent is None or norm_actor(e.text) != agent:
            out |= set(countries(e.text)) or {e.key}
    return frozenset(out - {agent})


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
    stems = frozenset(w[:5] for w in re.findall(r"\b[a-z]{4,}\b", text)) - _CREDIT_STEMS
    return frozenset(_ONE_DEAL.get(w, w) for w in stems)


_ONE_DEAL = {"agree": "deal", "accor": "deal", "pact": "deal",  # "the deal" / "the agreement"
             # one harm told as "the shooting" / "the attack" / "the bombing"
             **dict.fromkeys(("shoot", "bombi", "blast", "assau", "massa", "raid", "strik",
                              "airst"), "attac")}


_CREDIT_STEMS = frozenset({"broke", "media", "negot", "secur", "helpe", "helpi", "playe", "thank",
                           "arran", "facil", "engin", "role", "with", "that", "from", "were",
                           "have", "been", "said", "says"})


__all__ = ["same_credit"]
