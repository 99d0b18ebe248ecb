"""How badly a struck place was damaged (``frames.damage``): levels, and two voices apart."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import frame_keys
from divergence.judge.frames.damage import damage, level


def pair(a: str, b: str, sim: float = 0.4) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


@pytest.mark.parametrize(("text", "want"), [
    ("Both depots had been badly damaged and put out of action.", 2),
    ("The port was heavily damaged in the overnight strike.", 2),
    ("The bridge was completely destroyed, the governor said.", 2),
    ("The strike caused extensive damage to the refinery.", 2),
    ("The base suffered only minor damage.", 1),
    ("Officials said the hangar was slightly damaged.", 1),
    ("The base was not badly damaged.", 1),  # not "badly damaged"
    ("No serious damage was reported at the port.", 1),
    ("The strike caused no damage.", 0),
    ("The dam remained intact after the shelling.", 0),
    ("Air defences destroyed 12 drones over the city.", None),  # weapons downed: no damage told
    ("Twelve drones were destroyed over the refinery.", None),  # nor when passive
    ("The ceasefire remained intact after the strike.", None),  # no struck place
    ("The strike that destroyed the consulate was in April.", None),
    ("The depot was destroyed but the runway suffered minor damage.", None),  # two places
])
def test_damage_levels(text: str, want: int | None) -> None:
    got = level(text)
    assert (got.level if got else None) == want


def test_one_strikes_damage_told_at_two_levels_is_a_conflict() -> None:
    """(2026-12-05, fourth session; newsdev dev iran-israel-007's form) "both sites had been
    badly damaged" / "the rockets caused minor damage to a military base": no word in common
    but the damage, and a conflict of measure."""
    r = damage(pair("General Orlov said both sites had been badly damaged and put out of "
                    "action.", "The army admitted that a few rockets caused minor damage to a "
                    "military base in the south.", sim=0.3))
    assert r is not None and r.type == "number" and "minor damage" in r.detail
    assert damage(pair("The Kestovan navy said the port was left intact.",
                       "Rebels said the port of Varn was heavily damaged.")) is not None
    assert "damage" in frame_keys(claim_from_text("The base suffered minor damage.", "a:0"))


@pytest.mark.parametrize(("a", "b"), [
    # two struck places
    ("The strike destroyed the consulate, the ministry said.",
     "Rebels said the rockets caused minor damage to the base."),
    # one level each way: the same measure
    ("The base suffered minor damage, the army said.",
     "Rebels said their rockets caused only limited damage to the base."),
    # denied: "denied that the port was badly damaged" tells no level of its own
    ("The Kestovan navy denied that the port was badly damaged.",
     "Rebels said the port suffered minor damage."),
    # one speaker's two accounts are its own
    ("The army said the hangar was slightly damaged.",
     "The army said the hangar was heavily damaged."),
    # too far apart to be one strike
    ("The storm left the harbour heavily damaged.", "The election caused no damage to trust."),
    # a review's false conflicts: weapons destroyed, a truce intact, other things or places hit,
    # damage told at a distance, or of another day
    ("Twelve drones were destroyed over the Kerrin refinery overnight, the air force said.",
     "The Kerrin refinery was left undamaged after the overnight drone attack."),
    ("The ceasefire remained intact despite the strike on the Ardel depot, mediators said.",
     "The Ardel depot was heavily damaged in the strike, local officials said."),
    ("Dozens of homes were destroyed in the shelling of Mirrow.",
     "The Mirrow water plant was undamaged by the shelling, the city said."),
    ("A Kestovan strike heavily damaged a fuel depot in Varnia on Sunday.",
     "A Varnian strike caused minor damage to a fuel depot in Kestova on Sunday."),
    ("The Brask dam may have been badly damaged in the strike, a local official said.",
     "The Brask dam suffered only minor damage in the strike, engineers said."),
    ("The Veska bridge, heavily damaged in 2023, has since been repaired.",
     "The Veska bridge suffered no damage in Saturday's strike, officials said."),
])
def test_damage_told_alike_or_of_two_places_is_no_conflict(a: str, b: str) -> None:
    sim = 0.1 if "election" in b else 0.5
    assert damage(pair(a, b, sim=sim)) is None


def test_damage_told_at_two_levels_is_never_one_statement() -> None:
    """Claims that tell two levels of damage are not agreed on their shared names, whether or
    not they conflict ("may have been badly damaged" / "suffered only minor damage")."""
    from divergence.judge.frames.damage import levels_apart

    assert levels_apart("The Brask dam may have been badly damaged in the strike.",
                        "The Brask dam suffered only minor damage in the strike.")
    assert not levels_apart("The Brask dam suffered minor damage.",
                            "The Brask dam was slightly damaged.")
