"""Opposite outcomes told in other words (``judge.deeds``)."""

from __future__ import annotations

import pytest

from divergence.judge import NLIJudge
from divergence.judge.deeds import outcomes, outcomes_apart

from .test_frames import FakeNLI, judged


@pytest.mark.parametrize(("text", "way"), [
    ("The Orvan assembly passed the water bill on Tuesday.", 0),
    ("Deputies voted the water bill down on Tuesday.", 1),
    ("The Selm marathon went ahead despite the heat.", 0),
    ("Organisers called the Selm marathon off at dawn.", 1),
    ("The ferry was turned back two miles from Pell harbour.", 1),
    ("The ferry never reached Pell harbour.", 1),
    ("The coach would stay on for next season, the club said.", 1),
    ("The border post stayed shut to lorries on Friday.", 1),
])
def test_outcomes_are_read_from_many_wordings(text: str, way: int) -> None:
    (got,) = outcomes(text).values()
    assert got[0] == way


def test_an_outcome_told_both_ways_or_negated_is_not_read() -> None:
    assert outcomes("The court upheld the ban but struck down the fine.").get("ruling") is None
    assert "passage" not in outcomes("The assembly did not pass the water bill.")


def test_opposite_outcomes_of_one_day_are_apart() -> None:
    assert outcomes_apart("The Orvan assembly passed the water bill on Tuesday.",
                          "The water bill was voted down in the Orvan assembly on Tuesday.")
    # two days, two happenings: "turned back on Monday" / "reached it on Thursday"
    assert not outcomes_apart("The first Pell relief convoy was turned back on Monday.",
                              "A second relief convoy reached Pell on Thursday.")


@pytest.mark.parametrize("text", [
    "Ivo Brant, convicted of fraud in 2019, left Karsk prison on Monday.",  # an aside
    "Shots were fired near the Karsk prison on Monday.",  # no one was sacked
    "Empty shelves and apartment blocks lined the street.",  # nouns, not deeds
    "The two sides reached a deal on Monday.",  # a deal, not a place
    "Troops remained on alert in Karsk.",  # no one stayed in office
])
def test_no_outcome_is_read_where_none_is_told(text: str) -> None:
    """(2026-12-06, a review of the first version) Each was read as an outcome."""
    assert outcomes(text) == {}


def test_a_long_text_is_read_in_linear_time() -> None:
    text = "The ferry never reached the port. " * 4000
    assert outcomes(text)["arrival"][0] == 1


def test_opposite_outcomes_sharing_a_name_do_not_agree() -> None:
    """(2026-12-06, read probes op-007, op-076) "passed the bill" / "voted the bill down" agreed
    on the names and the day the two share; the model did not read them."""
    j = NLIJudge(nli=FakeNLI({}))
    a = "The Orvan assembly passed the water bill on Tuesday, the speaker's office said."
    b = "Deputies in the Orvan assembly voted the water bill down on Tuesday, officials said."
    assert judged(j, a, b, 0.8) == "neither"  # the words do not say it is one bill
