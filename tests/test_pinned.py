"""One person's remarks told by two outlets (``anchors.one_speaker``): when a named person says
both claims, the NLI model is asked whether they are one remark, and its entailment at the bar of
a pinned pair agrees them. Countries, bodies and pronouns are not asked about: a government says
many things. A person does too: two remarks of one person on one story stay apart. Invented
sentences."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.anchors import one_speaker, times_apart


def speaker(a: str, b: str) -> str | None:
    return one_speaker(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"))


def test_a_named_person_saying_both() -> None:
    said = speaker(
        "President Varga said on Monday that combat had resumed now that the truce was over.",
        "Varga told state media on Monday that military action had resumed after the pause.")
    assert said == "varga"


@pytest.mark.parametrize(("a", "b"), [
    ("India said any ceasefire with Pakistan was a strictly bilateral matter.",
     "India said the ceasefire came after Pakistan's urgent appeals."),
    ("The foreign ministry said the ambassador had been summoned.",
     "The foreign ministry said it had called in the envoy to protest."),
    ("He said the talks had collapsed.", "He said the negotiations had broken down."),
    ("Varga said the talks had collapsed.", "Orban said the negotiations had broken down."),
    ("Witnesses said the gunmen fled on foot.", "Witnesses said the attackers ran away."),
    ("Hillary Clinton said the deal was a good one.", "Bill Clinton said the deal was good."),
])
def test_a_country_a_body_a_pronoun_a_crowd_or_two_people(a: str, b: str) -> None:
    assert speaker(a, b) is None


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("His team would win the league this season.", "His team had won the league last season.",
     True),
    ("Inflation could rise above 6 percent this year.", "Inflation averaged 6 percent in 2024.",
     True),
    ("Combat resumed on Monday.", "Military action had resumed.", False),
    ("He was charged in 2019.", "The charges were brought in 2019, two years ago.", False),
    ("The truce took effect at 2000 GMT.", "The truce took effect at 1900 GMT.", False),
    ("Traffic on Route 2020 resumed.", "Traffic on Route 2019 resumed.", False),
    ("The plant closed last year.", "The plant closed a year ago.", False),
])
def test_times_apart(a: str, b: str, apart: bool) -> None:
    assert times_apart(a, b) is apart


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b", "who"), [
    ("Mayor Lindqvist said the fire had been started deliberately.",
     "The blaze was set on purpose, Lindqvist told local radio.", "lindqvist"),
    ("Foreign Minister Halvorsen said the ambassador had been summoned over his remarks.",
     "Halvorsen told reporters the envoy had been called in to explain his comments.",
     "halvorsen"),
])
def test_the_judge_agrees_one_persons_remark_told_twice(a: str, b: str, who: str) -> None:
    """``neither`` while only a name inside the claims could pin them (no shared name or day in
    what was said); the model reads each entailed (0.86, 0.96)."""
    from .conftest import compare_json

    verdict = compare_json(a, b)
    assert verdict["label"] == "agree"
    assert any(f"both said by {who}" in r["detail"] for r in verdict["reasons"])


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("Finance Minister Okafor said inflation would fall below 5 percent next year.",
     "Okafor said the economy would grow by more than 5 percent next year."),
    ("Coach Eriksen said his team would win the league this season.",
     "Eriksen said his team had won the league last season."),
])
def test_two_remarks_of_one_person_stay_apart(a: str, b: str) -> None:
    """The speaker alone agrees nothing: a first version that pinned such pairs like a shared
    name agreed the first (cosine 0.76); the model reads the second entailed (0.72), but the
    two tell two seasons."""
    from .conftest import compare_json

    assert compare_json(a, b)["label"] == "neither"


@pytest.mark.slow
def test_the_speakers_bar_stops_at_close_sim() -> None:
    """Near-paraphrases are the model's to agree at its own bar (0.95): "could have been" is not
    "was", though the model reads it entailed (0.93, cosine 0.92)."""
    from .conftest import compare_json

    assert compare_json("Mayor Lindqvist said the fire could have been arson.",
                        "Lindqvist said the fire was arson.")["label"] == "neither"

