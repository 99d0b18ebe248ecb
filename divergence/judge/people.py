"""People's names: two persons of one surname, one person's surname in two spellings, and a
title where another writes a first name.
The speaker (``detectors.same_speaker``) and name-swap (``detectors.entity``) readings ask."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..wordlists import word_groups


@lru_cache(maxsize=65536)
def two_people(a: str, b: str, key: str | None) -> bool:
    """Two persons of one surname ("Hillary Clinton" / "Bill Clinton"): each speaker gives a
    first name and the two are not one name in two spellings ("Binyamin" / "Benjamin") or a
    name and its initial ("J. Smith" / "John Smith"). Titles are no names ("President Trump")."""
    from ..ingest.pronouns import names_a_person

    if not (key and a and b and names_a_person(a) and names_a_person(b)):
        return False
    fa, fb = _given_names(a, key), _given_names(b, key)
    return bool(fa and fb) and not any(_one_name(x, y) for x in fa for y in fb)


@lru_cache(maxsize=65536)
def one_person_respelt(a: str, b: str, ka: str | None, kb: str | None) -> bool:
    """One person whose surname two outlets spell apart ("Omar al-Rasheed" / "Omar al-Rashid",
    "Mohammed Hassan" / "Mohamed Hasan"): both speakers name a person, the given names just before
    the surnames are one name, and the surnames ``ka`` and ``kb`` differ in their vowels or
    doubled letters only ("Saleh" / "Salem", "Marek" / "Maret" are other people; names this
    short, "Berg" / "Borg", too)."""
    from ..ingest.pronouns import names_a_person

    if not (ka and kb and ka != kb and min(len(ka), len(kb)) >= 5  # "Berg" / "Borg": two
            and _skeleton(ka) == _skeleton(kb)
            and names_a_person(a) and names_a_person(b)):
        return False
    fa, fb = _given_before(a, ka), _given_before(b, kb)
    return bool(fa and fb) and _one_name(fa, fb)


def _skeleton(name: str) -> str:
    """A name's consonants, doubled letters once: "al-rasheed" and "al-rashid" -> "l-rshd"."""
    out = re.sub(r"[aeiouy]", "", name.lower())
    return re.sub(r"(.)\1+", r"\1", out)


def _given_before(speaker: str, key: str) -> str:
    """The capitalised word just before the surname ``key`` ("Defence Minister Piet Jansen" ->
    "piet"), or "" when a title or nothing stands there."""
    words = re.findall(r"[\w'’.-]+", speaker)
    for i, w in enumerate(words):
        if w.lower() == key and i and words[i - 1][:1].isupper():
            given = words[i - 1].lower().strip(".")
            return "" if given in _title_words() else given
    return ""


def _given_names(speaker: str, key: str) -> set[str]:
    """The capitalised words of a speaker other than the surname ``key`` and titles
    ("Foreign Minister Ingrid Solberg" -> {"ingrid"})."""
    return {w.lower().strip(".") for w in re.findall(r"[A-Z][\w'’.-]*", speaker)
            if w.lower() not in (key, *key.split("-"))  # "al-Rasheed": no given name
            and w.lower().strip(".") not in _title_words()}


def _one_name(x: str, y: str) -> bool:
    if x[0] != y[0]:  # "Hillary" / "Bill"
        return False
    return len(x) == 1 or len(y) == 1 or difflib.SequenceMatcher(None, x, y).ratio() >= 0.6


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for ws in word_groups("title_words").values() for w in ws)


def title_for_name(xa: str, xb: str, after_a: tuple[tuple[int, int, str], ...],
                   after_b: tuple[tuple[int, int, str], ...]) -> bool:
    """A title in one text where the other gives a first name, before one surname."""
    return (bool(after_a) and bool(after_b) and after_a[0][2] == after_b[0][2]
            and after_a[0][2][:1].isupper() and after_a[0][2].lower() not in _title_words()
            and (xa.lower() in _title_words()) != (xb.lower() in _title_words()))
