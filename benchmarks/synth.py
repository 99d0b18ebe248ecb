"""A deterministic generator of news-like articles for benchmarks at sizes no real corpus here has.

Sentences fill templates with actors, places, numbers, dates and attribution ("X said ..."),
so the splitter, the attribution parser and the judge's detectors all have work to do. The same
seed gives the same text on every machine. Used by benchmarks/score_e2e.py (and meant for the
end-to-end scaling runs of issue 5).

    python benchmarks/synth.py --articles 3 --seed 7     # print three articles
"""

from __future__ import annotations

import argparse
import random

ACTORS = ["the prime minister", "the foreign ministry", "the opposition leader", "the mayor",
          "the central bank", "the defence minister", "union leaders", "the port authority",
          "the health ministry", "the election commission", "the army", "local officials",
          "the finance minister", "the president", "rebel commanders", "the police"]
PLACES = ["Lahore", "Mumbai", "Geneva", "the capital", "the northern province", "the harbour",
          "Washington", "Dhaka", "the border region", "Nairobi", "the coastal district"]
THINGS = ["the ceasefire", "the trade deal", "the new budget", "the ferry terminal",
          "the peace talks", "the vaccine programme", "the election", "the bridge project",
          "the fuel subsidy", "the border agreement", "the tariff cut", "the flood relief plan"]
VERBS = ["approved", "rejected", "delayed", "announced", "suspended", "welcomed", "criticised",
         "signed", "extended", "cancelled"]
CUES = ["said", "told reporters", "claimed", "insisted", "denied that", "confirmed that"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SEASONS = ["spring", "summer", "autumn", "winter"]
UNITS = ["people", "troops", "million dollars", "per cent", "families", "vehicles"]

TEMPLATES = [
    "{Actor} {verb} {thing} on {day} {month}.",
    "{Actor} {cue} {thing} would be finished by the {season}.",
    "At least {n} {unit} were affected in {place}, according to {actor}.",
    "{Actor} {cue} {actor2} had asked for {thing}.",
    "{Thing} was {verb} after talks in {place} lasted {n} hours.",
    "The talks in {place} ended without agreement on {thing}.",
    "{Actor} said {n} {unit} would be sent to {place} in {month}.",
    "Officials in {place} expect {thing} to cost {n} million dollars.",
    "{Actor} {cue} {thing} had nothing to do with {actor2}.",
    "{Thing} will open next {season}, {actor} said.",
]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence(rng: random.Random) -> str:
    """One news-like sentence."""
    actor, actor2 = rng.sample(ACTORS, 2)
    thing = rng.choice(THINGS)
    return rng.choice(TEMPLATES).format(
        Actor=_cap(actor), actor=actor, actor2=actor2, Thing=_cap(thing), thing=thing,
        verb=rng.choice(VERBS), cue=rng.choice(CUES), place=rng.choice(PLACES),
        day=rng.randint(1, 28), month=rng.choice(MONTHS), season=rng.choice(SEASONS),
        n=rng.choice([3, 12, 40, 150, 2_000, 35_000]) * rng.randint(1, 9),
        unit=rng.choice(UNITS))


def sentences(n: int, seed: int = 0) -> list[str]:
    """``n`` sentences from ``seed``."""
    rng = random.Random(seed)
    return [sentence(rng) for _ in range(n)]


def article(seed: int, n_sentences: int = 30) -> str:
    """One article with a seed-style header (source, date, title) and ``n_sentences`` lines."""
    rng = random.Random(seed)
    source = f"Outlet {seed % 97}"
    body = " ".join(sentence(rng) for _ in range(n_sentences))
    title = f"{_cap(rng.choice(THINGS))} in {rng.choice(PLACES)}"
    return (f"title: {title}\nsource: {source}\n"
            f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n\n{body}\n")


SYLLABLES = ["ka", "lo", "ven", "dar", "mi", "tos", "rel", "an", "ush", "bor", "el", "gri",
             "pa", "zan", "tor", "ves", "qu", "ith", "mar", "sol"]
TITLES = ["Minister", "General", "Mayor", "Senator", "Governor", "Judge", "Ambassador"]
KINDS = ["accord", "dam", "summit", "strike", "merger", "ceasefire", "trial", "election"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def event_sentences(event: int, n: int, variant: int = 0) -> list[str]:
    """``n`` sentences about one made-up event, with its own people, places and things, so
    that events are told apart by names as in real news. Another ``variant`` tells the same
    event in other sentences (another outlet's article)."""
    rng = random.Random(1_000_003 * event + 17)
    people = [f"{rng.choice(TITLES)} {_name(rng)}" for _ in range(4)]
    places = [_name(rng) for _ in range(2)]
    things = [f"the {_name(rng)} {rng.choice(KINDS)}" for _ in range(3)]
    if variant:
        rng = random.Random(1_000_003 * event + 7_919 * variant)
    out = []
    for _ in range(n):
        actor, actor2 = rng.sample(people, 2)
        thing = rng.choice(things)
        out.append(rng.choice(TEMPLATES).format(
            Actor=actor, actor=actor, actor2=actor2, Thing=_cap(thing), thing=thing,
            verb=rng.choice(VERBS), cue=rng.choice(CUES), place=rng.choice(places),
            day=rng.randint(1, 28), month=rng.choice(MONTHS), season=rng.choice(SEASONS),
            n=rng.choice([3, 12, 40, 150, 2_000, 35_000]) * rng.randint(1, 9),
            unit=rng.choice(UNITS)))
    return out


def event_article(event: int, outlet: int, n_sentences: int = 30) -> str:
    """One outlet's article on one made-up event, with seed-style header lines."""
    body = " ".join(event_sentences(event, n_sentences, variant=outlet + 1))
    return (f"title: Report {event}-{outlet}\nsource: Outlet {outlet}\n"
            f"date: 2025-{event % 12 + 1:02d}-{outlet % 28 + 1:02d}\n\n{body}\n")


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    for k in range(a.articles):
        print(article(a.seed + k))
