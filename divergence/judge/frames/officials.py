"""Whose official a person is, as a claim names them: "Kestovan President Halvard", "President
Halvard of Kestova", "Varnia's foreign minister Olav Brekke". A head of state or minister acts
for the state, so in one claim pair the person and the state are one side: "Kestovan President
Halvard proposed the truce" and "Kestova requested the truce" credit one actor, not two.

Readers key the person by surname (``norm_actor``) or, for "Varnia's foreign minister", by the
state; the state a claim ties a person to is read here, from either claim of the pair.
"""

from __future__ import annotations

from functools import lru_cache

from ...lazy_re import lazy
from ...wordlists import word_groups
from ..demonyms import DEMONYM_WORD, same_actor
from ..text import countries, norm_actor

_TITLE = ("(?i:" + "|".join(sorted(word_groups("title_words")["person_titles"], key=len,
                                    reverse=True)) + r")")
_NAME = r"(?:[A-Z][\w’'.-]*\s+){0,2}(?P<name>[A-Z][\w’'-]+)"
_READERS = (
    # "Kestovan President Halvard", "Varnia's foreign minister Olav Brekke"
    lazy(rf"\b(?P<side>[A-Z][\w’'-]+?)(?P<of>['’]s)?\s+(?:{_TITLE}\s+){{1,3}}{_NAME}"),
    # "President Halvard of Kestova"
    lazy(rf"\b(?:{_TITLE}\s+){{1,3}}{_NAME}\s+of\s+(?P<side>[A-Z][\w’'-]+)"),
)


@lru_cache(maxsize=65536)
def officials(text: str) -> frozenset[tuple[str, str]]:
    """(person key, state key) for each titled person ``text`` ties to a state by name or
    adjective."""
    out = set()
    for rx in _READERS:
        for m in rx.finditer(text):
            side = m.group("side")
            if not (countries(side) or DEMONYM_WORD.fullmatch(side) or rx is _READERS[1]
                    or m.groupdict().get("of")):
                continue  # "Acting President Halvard": no state
            person, state = norm_actor(m.group("name")), norm_actor(side)
            if person and state and person != state:
                out.add((person, state))
    return frozenset(out)


def same_side(a: str, b: str, x: str | None, y: str | None) -> bool:
    """Whether actor keys ``x`` and ``y`` name one side in the claims ``a`` and ``b``: one
    actor (``same_actor``), or a person either claim names as the other's official."""
    if same_actor(x, y) or x is None or y is None:
        return same_actor(x, y)
    return any(p == x and same_actor(s, y) or p == y and same_actor(s, x)
               for p, s in officials(a) | officials(b))


__all__ = ["officials", "same_side"]
