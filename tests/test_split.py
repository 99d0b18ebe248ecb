"""Sentence splitting, decomposition and attribution on tiny hand-written texts."""

from __future__ import annotations

from divergence.attribution import attribute
from divergence.io import load, make_article
from divergence.records import Article
from divergence.split import RegexSplitter, core, split

from .conftest import SEEDS


def _article(text: str) -> Article:
    art = make_article(text, path="t.txt", source="Test")
    assert isinstance(art, Article)
    return art


def test_abbreviations_and_initials_do_not_split() -> None:
    art = _article(
        "The U.S. team met Mr. Smith and S Jaishankar between May 7-10 in Washington. "
        "Lt. Col. Ray said the talks went well."
    )
    claims = split(art)
    assert len(claims) == 2
    assert claims[0].text.startswith("The U.S. team met Mr. Smith")


def test_offsets_point_at_the_text() -> None:
    art = _article(
        "First line of the story is here.\n\nSecond paragraph says more things; "
        "and a third clause follows it here too."
    )
    for c in split(art):
        assert art.text[c.start : c.end] == c.text


def test_every_seed_claim_points_at_its_text() -> None:
    articles, skipped = load([str(SEEDS)])
    assert len(articles) == 5 and not skipped
    for a in articles:
        claims = split(a)
        assert claims, a.path
        for c in claims:
            assert a.text[c.start : c.end] == c.text
            # Header lines never become claims.
            assert not c.text.lstrip().startswith("date ")
            assert "Based On A PTI Report" not in c.text
            assert "Daijiworld Media Network-" not in c.text


def test_speaker_cue_and_stance() -> None:
    [att] = attribute(
        "Indian officials maintain that the de-escalation was an outcome of the strikes."
    )
    assert att.speaker == "Indian officials" and att.cue == "maintain" and att.stance == "asserts"
    s = "Indian officials maintain that the de-escalation was an outcome of the strikes."
    assert s[att.start : att.end] == "the de-escalation was an outcome of the strikes"


def test_claim_refuted_by_another_actor_gives_two_claims() -> None:
    art = _article(
        "The visit comes after President Trump's claim that the ceasefire was mediated by "
        "Washington — a statement firmly refuted by New Delhi."
    )
    claims = split(art)
    assert [(c.speaker, c.stance) for c in claims] == [
        ("President Trump", "asserts"),
        ("New Delhi", "denies"),
    ]
    assert (
        claims[0].proposition
        == claims[1].proposition
        == "The ceasefire was mediated by Washington."
    )


def test_according_to_and_trailing_said() -> None:
    [a] = attribute("According to the ministry, the talks will resume on Monday.")
    assert a.speaker == "the ministry" and a.cue == "according to"
    [b] = attribute('"We will not back down," the minister said on Tuesday.')
    assert b.speaker == "the minister" and b.cue == "said"
    [c] = attribute(
        "New Delhi, however, has consistently denied that any third party was involved."
    )
    assert c.speaker == "New Delhi" and c.stance == "denies"


def test_unattributed_sentence_stays_in_the_outlets_voice() -> None:
    assert attribute("The meeting took place on the sidelines of the summit on Tuesday.") == []
    assert attribute("The talks emphasized removing bottlenecks in export controls.") == []


def test_compound_statement_is_split_into_checkable_clauses() -> None:
    art = _article(
        "Several countries had contacted the government in May, but the government "
        "acted alone without any outside mediation."
    )
    claims = split(art)
    assert len(claims) == 2
    assert claims[1].proposition.startswith("The government acted alone")
    # "not only ... but also" and "but for" stay whole.
    art2 = _article("The plan is poised not just for growth, but for leadership in the region.")
    assert len(split(art2)) == 1


def test_core_drops_asides() -> None:
    assert (
        core(
            "The COMPACT initiative, aimed at driving change across pillars, was launched "
            "in February."
        )
        == "The COMPACT initiative was launched in February."
    )
    assert core("Talks (held online) ended — as expected — on Friday.") == "Talks ended on Friday."


def test_regex_splitter_is_a_usable_fallback() -> None:
    spans = RegexSplitter().sentences("Mr. Smith arrived. He left at noon! Did he? Yes.")
    assert len(spans) == 4
