"""Where a claim says something happened, and whether two places are apart: the cities of
GeoNames (15,000 people or more), the countries and the US states (``data/places.tsv``, built
by ``tools/build_places.py``). A place is read only after a word that locates ("in", "near",
"the port of"), so "Moscow said" names an actor, not a place; a name is many places at once
("Valencia": Spain's and Venezuela's), and two names are apart only when every reading of one is
apart from every reading of the other."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..lazy_re import lazy
from ..wordlists import word_sequences
from .text import WEEKDAYS

NEAR_KM = 50.0  # closer cities are one place told at two sizes ("Krasnogorsk" / "Moscow")
_RARE = 0.05  # readings of a name with under 5 % of its largest reading's people are dropped
_MOST = 2  # a claim naming more places is a list or a route, not where one thing happened


@dataclass(frozen=True, slots=True)
class Place:
    """One reading of a place name: ``kind`` city, state or country; ``country`` its ISO code
    (``US:TX`` for a US city or state); coordinates for a city."""

    kind: str
    country: str
    lat: float = 0.0
    lon: float = 0.0


@dataclass(frozen=True, slots=True)
class Located:
    """A place a claim names where something is (its characters ``start``-``end``), with its
    readings; ``readings`` is empty for a name the gazetteer does not know."""

    start: int
    end: int
    name: str
    readings: tuple[Place, ...]
    role: str = "in"  # "in" where it is, "from" whence, "to" whither ("fired at Israel")


@lru_cache(maxsize=1)
def _table() -> dict[str, list[str]]:
    """Each name's rows of ``data/places.tsv``, unparsed: the lines are read at the first
    lookup and each name's readings at its own (``lookup``)."""
    rows: dict[str, list[str]] = {}
    text = resources.files("divergence").joinpath("data/places.tsv").read_text("utf-8")
    for line in text.split("\n"):
        name, _, rest = line.partition("\t")
        if rest and not name.startswith("#"):
            rows.setdefault(name, []).append(rest)
    return rows


@lru_cache(maxsize=65536)
def lookup(name: str) -> tuple[Place, ...]:
    """The readings of a place name (any case; accents as the table has them), the most
    populous first; readings of a city name far smaller than its largest are dropped."""
    got = []
    for rest in _table().get(name.lower().strip(), ()):
        kind, country, lat, lon, pop = rest.split("\t")
        got.append((int(pop), Place(kind, country, float(lat or 0), float(lon or 0))))
    if not got:
        return ()
    top = max(p for p, _ in got)
    return tuple(pl for p, pl in sorted(got, key=lambda x: -x[0])
                 if pl.kind != "city" or p >= _RARE * top)


def _km(x: Place, y: Place) -> float:
    """Great-circle distance between two cities."""
    p1, p2 = math.radians(x.lat), math.radians(y.lat)
    dp, dl = p2 - p1, math.radians(y.lon - x.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _holds(big: Place, small: Place) -> bool:
    """Whether the country or state ``big`` holds ``small``."""
    if big.kind == "country":
        return small.country.split(":")[0] == big.country
    return big.kind == "state" and small.country == big.country


def far(x: Place, y: Place) -> bool:
    """Two readings that cannot be one place: cities more than ``NEAR_KM`` apart, a city
    outside a country or state, two countries, two states."""
    if x.kind == "city" and y.kind == "city":
        return _km(x, y) > NEAR_KM
    if x.kind == "city" or y.kind == "city":
        return not (_holds(y, x) if x.kind == "city" else _holds(x, y))
    return not (_holds(x, y) or _holds(y, x) or x == y)


def apart(xs: tuple[Located, ...], ys: tuple[Located, ...]) -> bool:
    """Whether two claims' places cannot be one place: each names one or two places, all
    known, and every reading of each is ``far`` from every reading of each of the other's."""
    if not (0 < len(xs) <= _MOST and 0 < len(ys) <= _MOST):
        return False
    if any(not p.readings for p in (*xs, *ys)):
        return False  # a name the table does not know may hold the other's place
    if len({p.role for p in (*xs, *ys)}) > 1:
        return False  # "fired from Gaza" / "fired towards Israel": two ends, not two places
    return all(far(r, s) for x in xs for y in ys for r in x.readings for s in y.readings)


# A word that locates what follows ("in", "near", "off the coast of"), and the words that may
# stand between it and the name: "in the northern city of Kirkuk", "near the port of Batumi".
_LOCATOR = r"(?P<loc>in|at|near|outside|off|over|inside|around|across|into|towards?|from)"
_BETWEEN = (r"(?:(?:the|a|an|its|of|coastal|border|besieged|occupied|frontline|embattled|key|"
            r"strategic|capital|city|town|port|village|suburb|district|province|region|state|"
            r"island|outskirts|centre|center|heart|area|coast|north|south|east|west|northern|"
            r"southern|eastern|western|central|north-?(?:east|west)(?:ern)?|"
            r"south-?(?:east|west)(?:ern)?)\s+)*")
_PLACE_NOUN = (r"(?:city|town|port|village|suburb|district|province|region|state|island|"
               r"outskirts|capital)")
_NAME = r"[A-Z][\w’'-]*(?:\s+(?:(?:al|el|de|la|le|del)\s+)?[A-Z][\w’'-]*){0,2}"
_LOCATED = lazy(rf"\b(?:(?i:{_LOCATOR})\s+{_BETWEEN}|{_PLACE_NOUN}\s+of\s+)(?P<name>{_NAME})")


@lru_cache(maxsize=65536)
def located(text: str) -> tuple[Located, ...]:
    """The places ``text`` says things are or happen at, in order (see the module's
    docstring); a run of capitalised words is read whole ("Port Sudan"), and a run the table
    does not know is kept with no readings ("Crocus City Hall")."""
    out: list[Located] = []
    for m in _LOCATED.finditer(text):
        name, start = m.group("name"), m.start("name")
        if _NOT_A_PLACE.match(name):
            continue
        got = lookup(name)  # the whole run: "Human Rights Council" is not the town Human
        if _THE.search(text, 0, start) and not _BESIDE.match(text, start + len(name)):
            # "at the University of Oxford": an institution, not the town University; but
            # "the Hague", "the Netherlands"
            got = lookup(f"the {name}") or tuple(p for p in got if p.kind != "city")
        out.append(Located(start, start + len(name), name, got, _role(m, got) if got else "in"))
    return tuple(out)


# A city's name takes no "the" ("the Paris suburb of Nanterre" uses one as a word before
# another place); a country's may ("the Netherlands").
_THE = lazy(r"\bthe\s+$", re.I)
_BESIDE = lazy(r"\s+(?:suburbs?|district|area|region|outskirts|port|city|town|province|"
                     r"governorate|metropolitan)\b")


def _role(m: re.Match[str], got: tuple[Place, ...]) -> str:
    """Whether a place is where something is, whence it came or whither it went: "from"
    Entebbe; "towards", "into" Israel, and "at" a country ("fired at Israel")."""
    loc = (m.group("loc") or "").lower()
    if loc == "from":
        return "from"
    if loc in ("towards", "toward", "into") or loc == "at" and got[0].kind == "country":
        return "to"
    return "in"


# Capitalised words after a locator that name no place: days, months (``data/words/calendar``),
# and what a sentence says something is in ("in January", "in Parliament", "at Sunday's
# meeting"), capitalised as a name is.
_NOT_A_PLACE = lazy("(?:{})\\b".format("|".join(
    w.capitalize() for w in (*word_sequences("calendar")["months"], *WEEKDAYS, "parliament",
                             "congress", "senate"))))
