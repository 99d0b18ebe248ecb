"""What pins two statements to one fact: the names, days and telling counts both give
(``specific_anchors``), read once per claim, and one named person saying both
(``one_speaker``). The news judge agrees a close pair pinned so, and
asks its NLI model about pairs that are not (moved here from ``nli_judge``, which had grown to
its size limit)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..ingest.pronouns import names_a_person
from ..lazy_re import lazy
from ..records import Claim
from ..wordlists import word_set
from .detectors import same_speaker, speaker_key
from .frames import counts

# "Government", "Police", "Army" alone: a generic actor, capitalised only because a
# sentence starts with it, names no one in particular.
_GENERIC_ACTORS = word_set("generic_actors")

GENERIC_HEADS = frozenset({
    "dialogue", "talks", "agreement", "deal", "ministry", "council", "committee", "department",
    "office", "forces", "army", "government", "partnership", "initiative", "summit", "meeting",
    "relations", "relationship", "cooperation", "strategy", "programme", "program", "plan",
    "conference", "forum", "alliance", "union", "organization", "organisation", "agency",
    "commission", "authority", "administration", "embassy", "mission", "declaration", "act"})


@lru_cache(maxsize=65536)
def specific_anchors(a: str, b: str) -> frozenset[str]:
    """What pins two statements to one fact: people and places both name (not countries, nor
    country pairs such as "India-US", nor the generic head of two different names such as the
    "Dialogue" of two dialogues), the same day or time, and the same number (10 or more: "two
    men" pins nothing)."""
    na, nb = anchors_of(a), anchors_of(b)
    numbers = {v for v in na[2] & nb[2] if same_thing_counted(a, b, v)}
    return frozenset((na[0] & nb[0]) | (na[1] & nb[1]) | {f"{v:g}" for v in numbers})


def one_speaker(a: Claim, b: Claim) -> str | None:
    """The speaker's key when one named person says both claims ("Mayor Lindqvist said the
    fire had been started deliberately" / "The blaze was set on purpose, Lindqvist told local
    radio"), else None. Not a country, a body, a pronoun or a crowd ("Witnesses said"), nor two
    people of one surname ("Hillary Clinton" / "Bill Clinton"). A person says many things on
    one story, so this pins nothing alone: the news judge asks its NLI model whether the two
    are one remark (``nli_judge``)."""
    if not (a.speaker and b.speaker and same_speaker(a, b) and names_a_person(a.speaker)
            and names_a_person(b.speaker)):
        return None
    key = speaker_key(a)
    if not key or key in _CROWDS or key.endswith("ists"):  # "Witnesses", "Activists"
        return None
    return key  # two people of one surname are two speakers (``people.two_people``)


_CROWDS = word_set("not_entities") | _GENERIC_ACTORS


# When a remark places what it says: "this season", "last year", "in 2019". A year is read
# after a word that dates it ("in 2019", "since 2020", "May 2021"), not as any number ("2000
# GMT", "Route 2020").
_WHEN = lazy(r"\b(?:(?:this|last|next|previous|coming)\s+(?:year|season|month|week|spring|"
                   r"summer|autumn|fall|winter|term|quarter)|yesterday|tomorrow|"
                   r"(?:in|since|from|until|till|by|during|of|january|february|march|april|may|"
                   r"june|july|august|september|october|november|december)\s+"
                   r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d))\b", re.I)


def _when(text: str) -> set[str]:
    """The stretches of time a text names: its relative phrases and its years."""
    return {m["year"] or " ".join(m[0].lower().split()) for m in _WHEN.finditer(text)}


def times_apart(a: str, b: str) -> bool:
    """Whether two texts place what they say in different stretches of time and share none
    ("would win the league this season" / "had won the league last season"): two remarks of
    one person, however alike their words."""
    ta, tb = _when(a), _when(b)
    return bool(ta and tb and not ta & tb)


def same_thing_counted(a: str, b: str, value: float) -> bool:
    """Whether a number both claims give may count one thing: not when each says what it
    counts and the kinds differ ("14 aid workers released" / "14 fighters killed"; "200
    detained" / "200 police officers deployed"), or, for bare counts, the things ("30 trucks"
    / "30 tents"). "Twelve miners were killed" / "a dozen workers dead" may."""
    ka = {(c.kind, c.head) for c in counts(a) if c.q.value == value}
    kb = {(c.kind, c.head) for c in counts(b) if c.q.value == value}
    return not (ka and kb) or any(x[0] == y[0] and (x[0] != "count" or x[1] == y[1])
                                  for x in ka for y in kb)


@lru_cache(maxsize=32768)
def anchors_of(t: str) -> tuple[frozenset[str], frozenset[str], frozenset[float]]:
    """One claim's specific names, days and telling counts (10 or more, not ordinals): read once
    per claim, not once per pair."""
    from .text import SETTING_COUNTRIES, countries, dates, entities, quantities

    names = set()
    for m in entities(t):
        words = m.text.replace("-", " ").replace("/", " ").split()
        if len(words) == 1 and m.key in _GENERIC_ACTORS:
            continue  # "Government forces withdrew": no name pins that
        if m.key in SETTING_COUNTRIES or all(countries(w) & SETTING_COUNTRIES for w in words):
            continue  # "India-US", "New Delhi": countries are the setting, not the fact
        names.add(m.key if m.key not in GENERIC_HEADS else m.text.lower())
    days = {f"{d.kind}:{d.value}" for d in dates(t) if d.kind in ("monthday", "weekday", "time")}
    numbers = {q.value for q in quantities(t) if q.value >= 10  # "two men" pins nothing
               and not re.match(r"[\d,.]*(?:st|nd|rd|th)\b", t[q.start:])}
    return frozenset(names), frozenset(days), frozenset(numbers)


__all__ = ["GENERIC_HEADS", "anchors_of", "one_speaker", "same_thing_counted", "specific_anchors",
           "times_apart"]
