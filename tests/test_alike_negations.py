"""Two claims that negate one statement in other words are no conflict: "has not paid" / "is yet
to receive payment", "has not fallen" / "is still standing" (2026-12-06: each was a conflict)."""

from __future__ import annotations

import pytest

from divergence.judge.detectors import negations_against
from divergence.judge.nli_judge import _both_negate
from divergence.judge.opposites import implied_no, turned_back

PAIRS = [
    ("No shells fell on the village of Tarn overnight, the mayor said.",
     "The village of Tarn was spared any shelling overnight, residents said."),
    ("The government has not paid the Kessel contractors for the bridge work.",
     "The Kessel contractors are yet to receive payment from the government for the bridge work."),
    ("The old Orvan bridge has not fallen despite the flood, officials said.",
     "The old Orvan bridge is still standing despite the flood, officials said."),
    ("The ministry has not yet published the audit of the Selm port.",
     "The audit of the Selm port is still unpublished, the ministry said."),
    ("The talks in Pell have not resumed since March.",
     "The talks in Pell remain suspended since March."),
]


@pytest.mark.parametrize(("neg", "plain"), PAIRS)
def test_a_negation_in_other_words_is_read_as_one(neg: str, plain: str) -> None:
    assert turned_back(neg, plain, negations_against(neg, plain))


def test_implied_negations_cancel_only_a_negation_the_other_makes() -> None:
    assert implied_no("Pell was spared any shelling.", "No shells fell on Pell.")
    assert not implied_no("Pell was shelled.", "No shells fell on Pell.")
    # one negates, the other tells the opposite deed: no call on wording alone
    assert _both_negate(PAIRS[2][0], PAIRS[2][1])
    assert not _both_negate(PAIRS[2][0], "The old Orvan bridge has fallen in the flood.")


@pytest.mark.slow
@pytest.mark.parametrize(("neg", "plain"), PAIRS)
def test_alike_negations_are_no_conflict(neg: str, plain: str) -> None:
    from .conftest import compare_json

    assert compare_json(neg, plain)["label"] != "conflict"
