"""Who did it, told in the passive (``frames.doer``): one deed only one can have done, done "by"
two doers, is an ``actor`` conflict. Invented sentences."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair, is_conflict
from divergence.judge.frames.doer import doer


def pair(a: str, b: str, sim: float = 0.8) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


@pytest.mark.parametrize(("a", "b"), [
    ("The winning goal was scored by Tomas Brek in the second half.",
     "The winning goal was scored by Ilja Varn in the second half."),
    ("The fire at the Kessa market was started by an electrical fault.",
     "The fire at the Kessa market was started deliberately by arsonists."),
    ("The attack on the Orlen base was claimed by the Sahel Front.",
     "The attack on the Orlen base was carried out by the Northern Brigade."),
])
def test_two_doers_of_one_deed(a: str, b: str) -> None:
    r = doer(pair(a, b))
    assert r is not None and r.type == "actor" and is_conflict(r) and r.weight >= 0.6
    assert "who did it" in r.detail and r.spans[0].text in a and r.spans[1].text in b


@pytest.mark.parametrize(("a", "b"), [
    # a deed many do at once
    ("The accord was welcomed by the Kessan government.",
     "The accord was welcomed by the Orlen opposition."),
    # one doer, named two ways that share a word
    ("The goal was scored by Tomas Brek.", "The goal was scored by Brek, the captain."),
    # a pronoun names no one else
    ("The letter was written by the minister.", "The letter was written by him."),
    # other days: two deeds
    ("The bill was tabled by the Greens on Monday.", "The bill was tabled by Labour on Friday."),
    # too little in common besides the doers
    ("The goal was scored by Tomas Brek.", "The new stadium was designed by Ilja Varn."),
    # two deeds of other kinds: doing it and causing it
    ("The blast was caused by a gas leak.", "The blast was carried out by the Sahel Front."),
])
def test_not_two_doers_of_one_deed(a: str, b: str) -> None:
    assert doer(pair(a, b)) is None


@pytest.mark.slow
def test_the_judge_calls_two_doers_a_conflict() -> None:
    """The default judge agreed it (cosine 0.84, both name "Nobel")."""
    from .conftest import compare_json

    got = compare_json("The Nobel nomination was submitted by the Norwegian parliamentarian.",
                       "The Nobel nomination was submitted by a Swedish academic.")
    assert got["label"] == "conflict"
    assert any(r["detail"].startswith("who did it") for r in got["reasons"])
