""""X rather than Y" and "X instead of Y" rule out Y as ", not Y," does, and nothing more."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge import NLIJudge
from divergence.judge.detectors import all_negations, negations, negations_against

from .conftest import NeutralNLI


def test_rather_than_is_a_contrast_that_bears_only_on_what_it_rules_out() -> None:
    text = "The shots were fired straight into the crowd rather than as warning shots."
    assert [m.group(0) for m in all_negations(text)] == ["rather than"]
    assert negations(text) == ()  # it states where the shots went; it negates no clause
    assert negations_against(text, "The troops fired warning shots toward the crowd.")
    assert not negations_against(text, "The troops fired live rounds at the crowd.")


def test_instead_of_rules_out_only_the_thing_it_names() -> None:
    # "through it" names nothing: no clause negated, nothing ruled out that another claim says
    text = "The liner flew its passengers over the gulf instead of through it to avoid any attack."
    assert negations(text) == ()
    assert negations_against(text, "The liner passed through the gulf on Monday.") == ()
    # what it shares with the clause is not ruled out: "at the protesters" is where both fired
    text = "Soldiers fired warning shots rather than live rounds at the protesters."
    assert not negations_against(text, "Soldiers fired warning shots toward the protesters.")
    assert negations_against(text, "Soldiers fired live rounds into the crowd.")


def test_one_contrast_worded_two_ways_is_no_clash_of_polarity() -> None:
    a = claim_from_text("The minister said the vote marked the start of the reform rather than "
                        "its end.", "a:0")
    b = claim_from_text("She warned that the vote marked the beginning of the reform, not its "
                        "end.", "b:0")
    got = NLIJudge(nli=NeutralNLI()).judge_pairs([a], [b], [0.85])[0]
    assert got.label != "conflict"
    assert not any(r.type == "negation" for r in got.reasons)
