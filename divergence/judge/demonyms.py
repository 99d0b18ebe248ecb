"""A place and the adjective made from it name one actor: "Talvor" and "Talvorian mediators",
"Varnia" and "Varnian troops", "Ukraine" and "Ukrainian forces".

The country list folds the countries it knows; coverage of places it does not know (a region, a
new state, a town's militia) needs the same fold, or "Talvor mediated the truce" and "Talvorian
mediators brokered the truce" read as two mediators. The rule is the regular English one: the
place's stem (without its final vowels) plus -ian, -an, -n, -ese, -i, -ish, -ean or -ite.
"""

from __future__ import annotations

_SUFFIXES = ("ian", "an", "n", "ese", "i", "ish", "ean", "ite")
# The endings by which a word alone looks like a people's adjective ("Marevian", "Omani",
# "Sudanese", "Kurdish"): for readers that have no place to fold it with.
DEMONYM_ENDING = r"(?:an|ian|i|ese|ish)"


def demonym_of(adjective: str, place: str) -> bool:
    """Whether ``adjective`` is the regular adjective of ``place`` (one word each, any case):
    "varnian" of "varnia", "talvorian" of "talvor", "israeli" of "israel", "chinese" of
    "china"."""
    adj, name = adjective.lower(), place.lower()
    stem = name.rstrip("aeiouy")
    if adj == name or len(stem) < 3 or " " in adj or " " in name:
        return False
    adj = adj[:-1] if adj.endswith(("ans", "ites")) else adj  # "Tigrayans" (not "-is":
    # "Boris" is no plural of a "Bori" from "Bor")
    # The stem without its final vowels ("varni-an"), or the whole name ("tigray-an")
    return any(adj.startswith(s) and adj[len(s):] in _SUFFIXES for s in (stem, name))


def same_actor(a: str | None, b: str | None) -> bool:
    """Two actor keys that name one actor: equal, or a place and its adjective."""
    if a is None or b is None:
        return a == b
    return a == b or demonym_of(a, b) or demonym_of(b, a)


__all__ = ["DEMONYM_ENDING", "demonym_of", "same_actor"]
