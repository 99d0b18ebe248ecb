"""One name in two spellings (``judge.spelling``): outlets transliterate names differently, and
a name that pins two claims to one fact pins them in either spelling. Invented sentences."""

from __future__ import annotations

import pytest

from divergence.judge.anchors import specific_anchors
from divergence.judge.frames.counts import counts
from divergence.judge.spelling import shared_names, spelled_alike
from divergence.judge.text import name_overlap, shared_anchors


@pytest.mark.parametrize(("x", "y"), [
    ("zelensky", "zelenskyy"), ("zelensky", "zelenskiy"), ("lukashenko", "lukashenka"),
    ("haris", "harees"), ("mohammad", "mohammed"), ("shehbaz", "shahbaz"),
    ("el fasher", "al-fashir"), ("hussein", "hussien"), ("podolyak", "podoliak"),
    ("grindavik", "grindavík"), ("pashinyan", "pashinian"),
])
def test_one_name_in_two_spellings(x: str, y: str) -> None:
    assert spelled_alike(x, y) and spelled_alike(y, x)


@pytest.mark.parametrize(("x", "y"), [
    ("paris", "peres"), ("sudan", "sidon"),  # two vowel runs apart
    ("gaza", "giza"), ("kyiv", "kiev"),      # too few consonants to tell
    ("iran", "iraq"), ("hassan", "hussein"), ("khan", "kahn"),  # other consonants
    ("conceal", "council"), ("monday:3", "monday:4"),
])
def test_two_names(x: str, y: str) -> None:
    assert not spelled_alike(x, y)


def test_shared_names_keeps_the_first_sets_keys() -> None:
    assert shared_names(frozenset({"harees", "beirut"}), frozenset({"haris", "tyre"})) == {
        "harees"}
    assert shared_names(frozenset({"weekday:monday"}), frozenset({"weekday:tuesday"})) == set()


def test_anchors_and_name_overlap_read_either_spelling() -> None:
    a = "Lukashenko said he had spoken to Prigozhin for a whole day."
    b = "Lukashenka spent the day on the phone with the mercenary chief."
    assert "lukashenko" in specific_anchors(a, b)
    assert shared_anchors(a, b)
    assert name_overlap("Zelensky met Rutte.", "Zelenskyy met Rutte.") == 1.0


@pytest.mark.parametrize(("text", "kind"), [
    ("The militia moved almost 800,000 civilians out of the city.", "displacement"),
    ("Officials relocated 1,200 families from the flooded district.", "displacement"),
    ("The army moved 2,000 troops from the border.", "count"),  # not people driven out
])
def test_people_moved_out_are_displaced(text: str, kind: str) -> None:
    assert [c.kind for c in counts(text)] == [kind]


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("Israeli jets struck the village of Haris overnight.",
     "The village of Harees was hit by Israeli air strikes during the night."),
    ("Rebel fighters entered the centre of el-Fasher after a long siege.",
     "The paramilitaries pushed into central El Fashir after besieging it for months."),
    ("Lukashenko persuaded the mercenary chief to stop his march.",
     "The mercenary leader halted his march after talks with Lukashenka."),
])
def test_the_judge_agrees_one_statement_whatever_the_spelling(a: str, b: str) -> None:
    """Each was ``neither`` while the two spellings were two names (no shared anchor)."""
    from .conftest import compare_json

    assert compare_json(a, b)["label"] == "agree"


@pytest.mark.slow
def test_people_moved_out_and_people_killed_are_two_statements() -> None:
    """Agreed before, pinned by the city alone (cosine 0.63)."""
    from .conftest import compare_json

    assert compare_json("The militia moved 800,000 civilians out of El Fasher, its spokesman said.",
                        "More than 14,000 people have died in El Fasher since the siege began."
                        )["label"] != "agree"
