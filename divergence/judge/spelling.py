"""One name spelled two ways: outlets transliterate the same person or place differently
("Zelensky" / "Zelenskyy", "Lukashenko" / "Lukashenka", "Haris" / "Harees", "Mohammad" /
"Mohammed", "el-Fasher" / "El Fashir", "Grindavik" / "Grindavík"). Two name keys are one name
when, with accents, doubled letters and an Arabic article ("al-", "el-") set aside, they have the
same consonants in the same order (at least three of them, the first letter the same) and differ
in at most one run of vowels. Vowels are what transliterations disagree on; consonants carry the
name. Two vowel runs apart is another name ("Paris" / "Peres", "Sudan" / "Sidon"), and so is a
short one ("Gaza" / "Giza": two consonants pin nothing).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from functools import lru_cache

_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|ash)[-\s]+(?=\w{3})")
_DOUBLED = re.compile(r"(\w)\1+")
_VOWELS = re.compile(r"[aeiouy]+")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def _shape(key: str) -> tuple[str, tuple[str, ...]] | None:
    """A name key's consonant skeleton and its vowel runs, or None when it is too short (or not
    a plain name) to be told apart by its consonants."""
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()  # "Grindavík"
    word = _DOUBLED.sub(r"\1", _ARTICLE.sub("", plain))
    if not _WORD.fullmatch(word.replace(" ", "").replace("-", "")):
        return None
    word = word.replace("-", " ")
    skeleton = word[0] + _VOWELS.sub("_", word[1:])
    consonants = sum(ch.isalpha() for ch in skeleton)
    if consonants < 3:
        return None
    return skeleton, tuple(_VOWELS.findall(word[1:]))


def spelled_alike(x: str, y: str) -> bool:
    """Whether two name keys are one name in two spellings (see the module); equal keys are."""
    if x == y:
        return True
    sx, sy = _shape(x), _shape(y)
    if sx is None or sy is None or sx[0] != sy[0]:
        return False
    return sum(a != b for a, b in zip(sx[1], sy[1], strict=True)) <= 1


def shared_names(na: Set[str], nb: Set[str]) -> set[str]:
    """The names of ``na`` that ``nb`` also holds, in the same or another spelling (the keys of
    ``na``). Keys with a colon (days, times) or digits are compared as they are."""
    out = set(na & nb)
    left = [x for x in na if x not in out and _shape(x) is not None]
    if not left:
        return out
    right = [y for y in nb if y not in na and _shape(y) is not None]
    for x in left:
        if any(spelled_alike(x, y) for y in right):
            out.add(x)
    return out


__all__ = ["shared_names", "spelled_alike"]
