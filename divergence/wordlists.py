"""Word lists are data: ``divergence/data/words/<name>.txt``, one entry a line, ``#`` comments."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    ref = resources.files("divergence") / "data" / "words" / f"{name}.txt"
    text = ref.read_text(encoding="utf-8")
    return [s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """The words of list ``name``."""
    return frozenset(_lines(name))


@cache
def word_sequences(name: str) -> dict[str, tuple[str, ...]]:
    """``group: word word ...`` lines as a dict of word tuples in file order (a group may span
    several lines), lower-cased: for lists whose order means something (months)."""
    out: dict[str, list[str]] = {}
    for line in _lines(name):
        group, sep, words = line.partition(":")
        if sep:
            out.setdefault(group.strip(), []).extend(w.lower() for w in words.split())
    return {k: tuple(v) for k, v in out.items()}


@cache
def word_groups(name: str) -> dict[str, frozenset[str]]:
    """``group: word word ...`` lines as a dict of word sets (``word_sequences``, unordered)."""
    return {k: frozenset(v) for k, v in word_sequences(name).items()}


def alias_table(name: str) -> dict[str, tuple[str, ...]]:
    """``key: alias, alias, ...`` lines as a dict, in file order."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        key, _, rest = line.partition(":")
        out[key.strip()] = tuple(a.strip() for a in rest.split(",") if a.strip())
    return out


def country_table() -> dict[str, tuple[str, ...]]:
    """Every country with its demonyms, capitals and seats: ``countries`` (the first 59, also
    read as a story's setting) and ``countries_more``, as ``alias_table`` reads them."""
    return {**alias_table("countries"), **alias_table("countries_more")}


def zone_abbreviations() -> frozenset[str]:
    """The time zones a clock time is written with ("GMT", "IST", "EDT"): the ``time_zones``
    keys that are no "<place> time"; the judge compares them, the splitter keeps them on their
    sentence."""
    return frozenset(k for k in alias_table("time_zones") if not k.lower().endswith(" time"))


__all__ = ["alias_table", "country_table", "word_groups", "word_set", "zone_abbreviations"]
