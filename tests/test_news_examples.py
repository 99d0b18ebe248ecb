"""The judge on the paraphrased news pairs a reader brings (the real model, default judge)."""

from __future__ import annotations

import json

import pytest

from .conftest import run_cli

PAIRS = [
    ("The ceasefire was mediated by the United States.",
     "The ceasefire was worked out directly between India and Pakistan, with no third party.",
     "conflict", "actor"),
    ("The US brokered the ceasefire between the two countries.",
     "The ceasefire was agreed bilaterally without mediation.", "conflict", "actor"),
    ("The blast killed 12 people in Karachi on Monday.",
     "Officials said 31 people died in the Karachi explosion on Monday.", "conflict", "number"),
    ("The summit between the two leaders took place on 14 March 2025.",
     "The leaders met for the summit on 21 April 2025.", "conflict", "date"),
    ("The pause in fighting began at 14:00 local time.", "The guns fell silent from 6 pm.",
     "conflict", "date"),
    ("Rebel leaders asked for the truce.",
     "A rebel spokesman denied that they had sought a truce.", "conflict", "attribution"),
    ("The army said none of its aircraft were lost.", "Two of the army's jets were shot down.",
     "conflict", "number"),
    ("Both sides would stop firing from 17:00.", "The truce took effect at 5 pm.", "agree",
     "same-value"),
    ("The bridge opened on Friday.", "The bridge did not open on Friday.", "conflict", "negation"),
    # issue 10's linkage example
    ("The fighting stopped because of trade pressure.", "Trade never came up in the talks.",
     "conflict", "linkage"),
]


@pytest.mark.slow
def test_what_was_not_said_is_not_said() -> None:
    """Old code: "X did not say that P" read as X asserting P, agreeing with P at 0.96."""
    res = run_cli("compare", "The health ministry did not say that 40 people had died in the "
                  "hospital blast.", "Forty people had died in the hospital blast, local "
                  "officials said.", "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["label"] == "neither"


@pytest.mark.slow
def test_a_claim_one_side_reports_of_the_other_is_the_others() -> None:
    """Old code: Moscow reporting Kyiv's claim read as Moscow asserting it, and agreed with
    Moscow's own opposite account at NLI entailment 0.98."""
    res = run_cli("compare", "Moscow said Kyiv had claimed that the dam was destroyed by Russian "
                  "shelling.", "Moscow said the dam was destroyed by Ukrainian shelling.",
                  "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["label"] == "conflict"
    assert (out["a"]["speaker"], out["b"]["speaker"]) == ("Kyiv", "Moscow")


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b", "label", "reason"), PAIRS)
def test_paraphrased_news_pairs_get_the_label_a_reader_expects(a: str, b: str, label: str,
                                                               reason: str) -> None:
    res = run_cli("compare", a, b, "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["label"] == label
    assert reason in [r["type"] for r in out["reasons"]]
    if label == "conflict":  # every conflict says why, with the spans it points at
        assert any(r["spans"] for r in out["reasons"] if r["type"] == reason) or reason in (
            "attribution",)
