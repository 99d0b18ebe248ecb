"""Whether two claims that name different winners speak of one vote (``credit.responsibility``:
"Vell won the presidential election" / "Aster won the mayoral race" name two votes)."""

from __future__ import annotations

from ...lazy_re import lazy
from ..detectors import Pair
from ..text import dates


def one_vote(p: Pair, agent_a: str | None, agent_b: str | None) -> bool:
    """Two claims about who won speak of one vote unless they name different years or kinds
    of vote ("the presidential election" / "the mayoral race"), and name winners apart only
    when neither is a generic word ("The Liberal Party" and "Liberals": "party")."""
    if {agent_a, agent_b} & _GENERIC_AGENTS:
        return False
    ya, yb = ({d.value for d in dates(c.content) if d.kind == "year"} for c in (p.a, p.b))
    ka, kb = (set(_VOTE_KIND.findall(c.content.lower())) for c in (p.a, p.b))
    return not (ya and yb and not ya & yb) and not (ka and kb and not ka & kb)


_VOTE_KIND = lazy(r"\b(presidential|mayoral|parliamentary|legislative|local|regional|"
                  r"municipal|general|senate|gubernatorial|primary)\s+(?:election|race|vote|"
                  r"poll|runoff|contest)")
# Agents too generic to tell two winners apart ("The Liberal Party" and "Liberals": "party").
_GENERIC_AGENTS = frozenset({"party", "coalition", "opposition", "alliance", "government",
                             "bloc", "front", "movement"})
