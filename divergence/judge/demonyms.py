"""A place and the adjective made from it name one actor: "Talvor" and "Talvorian mediators",
"Varnia" and "Varnian troops", "Ukraine" and "Ukrainian forces".

The country list folds the countries it knows; coverage of places it does not know (a region, a
new state, a town's militia) needs the same fold, or "Talvor mediated the truce" and "Talvorian
mediators brokered the truce" read as two mediators. The rule is the regular English one: the
place's stem (without its final vowels) plus -ian, -an, -n, -ese, -i, -ish, -ean or -ite.
"""

from __future__ import annotations

import re

from ..lazy_re import lazy

_SUFFIXES = ("ian", "an", "n", "ese", "i", "ish", "ean", "ite")
# The endings by which a word alone looks like a people's adjective ("Marevian", "Omani",
# "Sudanese", "Kurdish"): for readers that have no place to fold it with.
DEMONYM_ENDING = r"(?:an|ian|i|ese|ish)"
# A capitalised word with such an ending ("Kestovan", "Omani"): a side no list names, read whole
# (``fullmatch``).
DEMONYM_WORD = lazy(rf"[A-Z][a-z]+{DEMONYM_ENDING}")


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
    """Two actor keys that name one actor: equal, a place and its adjective, or one name spelt
    two ways (``one_spelling``)."""
    if a is None or b is None:
        return a == b
    return (a == b or demonym_of(a, b) or demonym_of(b, a) or one_spelling(a, b)
            or {a, b} <= _SIDES and a.rstrip("s") == b.rstrip("s"))


# Unnamed sides, one in the singular and the plural ("Rebels" / "Rebel fighters").
_SIDES = frozenset({"rebel", "rebels", "militant", "militants", "fighter", "fighters",
                    "separatist", "separatists", "insurgent", "insurgents", "jihadist",
                    "jihadists", "gunman", "gunmen"})


def one_spelling(a: str, b: str) -> bool:
    """Whether two one-word names are one name in two transliterations: the same first letter
    and the same consonants after it, doubled ones once ("Lukashenko" / "Lukashenka",
    "Zelenskyy" / "Zelensky", "Fasher" / "Fashir"), at least four letters of them and at most
    two letters changed: "Gaza" / "Giza" and "Sudan" / "Sidon" (too short), "Kestova" /
    "Kastavia" (too far) are two places."""
    if a == b or " " in a or " " in b or a[:1] != b[:1]:
        return False
    x, y = _skeleton(a), _skeleton(b)
    return x == y and len(x) >= 4 and _edits(a.lower(), b.lower()) <= 2  # not "Kestova" /
    # "Kastavia": three vowels apart


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _skeleton(word: str) -> str:
    """The first letter, then the consonants, each run of one letter once."""
    rest = re.sub(r"[^a-z]|[aeiouy]", "", word[1:].lower())
    return word[:1].lower() + re.sub(r"(.)\1+", r"\1", rest)


__all__ = ["DEMONYM_ENDING", "DEMONYM_WORD", "demonym_of", "one_spelling", "same_actor"]
