"""Event titles from an event's most central claims, its names and its articles' dates."""

from __future__ import annotations

import numpy as np
import pytest

from divergence.group.titles import MAX_TITLE, event_title
from divergence.records import Claim


def _claims(*texts: str, article: str = "a", speaker: str | None = None) -> list[Claim]:
    return [Claim(f"{article}:{i}", article, t, 0, len(t), speaker=speaker, proposition=t)
            for i, t in enumerate(texts)]


def _vectors(n: int, central: int = 0) -> np.ndarray:
    """Unit rows; row ``central`` is closest to the centroid."""
    v = np.eye(n + 1)[:n] * 0.2
    v[:, n] = 1.0
    v[central, n] = 3.0
    return v


def test_a_meeting_of_two_people_with_its_topic_and_month() -> None:
    cs = _claims(
        "Foreign Secretary Vikram Misri on Wednesday met with US Under Secretary Jeffrey Kessler "
        "to discuss the early convening of the India-US Strategic Trade Dialogue.",
        "The talks emphasized removing bottlenecks in export controls.",
        "Analysts note that the dialogue reflects shared ambitions.")
    title = event_title(cs, _vectors(3), {"a": "2025-05-28"})
    assert title == "Misri–Kessler talks on the India-US Strategic Trade Dialogue, May 2025"


def test_one_person_meeting_several() -> None:
    cs = _claims(
        "Ways to deepen ties figured during talks between External Affairs Minister S Jaishankar "
        "and his American counterpart Marco Rubio.",
        "Jaishankar also met US Energy Secretary Chris Wright and discussed energy ties.",
        "The external affairs minister also held a separate meeting with the defence secretary.")
    assert event_title(cs, _vectors(3), {"a": "2025-07-02"}) == (
        "Jaishankar’s talks with Rubio and Wright, July 2025")


def test_an_attributed_claim_names_its_speaker_by_surname() -> None:
    cs = _claims("The recent India-Pakistan ceasefire was mediated by Washington.",
                 speaker="President Donald Trump")
    assert event_title(cs, _vectors(1)) == (
        "Trump: the recent India-Pakistan ceasefire was mediated by Washington")
    named = _claims("Russian forces had also blown up the plant's machine hall.",
                    speaker="Volodymyr Kovalenko")
    assert event_title(named, _vectors(1)) == (  # a name keeps its capital after the speaker
        "Kovalenko: Russian forces had also blown up the plant's machine hall")


def test_the_central_claim_that_names_its_subject_is_shortened() -> None:
    cs = _claims(
        "It spotlighted the emerging convergence on critical minerals and defence innovation.",
        "The Strategic Trade Dialogue, once formally launched, is expected to serve as the nerve "
        "center for resolving trade-tech policy frictions and fostering deeper cooperation.",
        "Notably, it was a good day.")
    title = event_title(cs, _vectors(3, central=0))
    assert title == "The Strategic Trade Dialogue is expected to serve as the nerve center"
    assert len(title) <= MAX_TITLE


@pytest.mark.parametrize("dates", [None, {}, {"a": None}, {"a": "last Tuesday"}])
def test_no_usable_date_means_no_month(dates: dict[str, str | None] | None) -> None:
    cs = _claims("India and Japan signed a rail agreement in Tokyo on Monday.")
    assert event_title(cs, _vectors(1), dates) == (
        "India and Japan signed a rail agreement in Tokyo on Monday")


def test_the_month_most_claims_carry() -> None:
    cs = (_claims("India and Japan signed a rail agreement in Tokyo.", article="a")
          + _claims("India and Japan signed a rail pact.", "Japan will fund the line.",
                    article="b"))
    dates = {"a": "2025-05-30", "b": "2025-06-01"}
    assert event_title(cs, _vectors(3), dates).endswith(", June 2025")


def test_titles_are_deterministic_and_never_keyword_lists() -> None:
    cs = _claims("Officials met in Delhi on Monday to discuss the budget.",
                 "The budget talks will resume on Friday, officials said.")
    v = _vectors(2)
    assert event_title(cs, v) == event_title(list(cs), v.copy())
    assert " · " not in event_title(cs, v)
    assert event_title([], np.zeros((0, 3))) == "untitled event"


def test_an_office_after_the_name_with_a_country_possessive() -> None:
    from divergence.ingest.split import claim_from_text
    from divergence.judge.detectors import Pair
    from divergence.judge.offices import title

    r = title(Pair(claim_from_text("The swap was announced by Helga Strand, Estmark's prime "
                                   "minister, in Halsgrad.", "a:0"),
                   claim_from_text("Estmark's foreign minister, Helga Strand, announced the "
                                   "exchange on Saturday.", "b:0"), 0.6))
    assert r is not None and "prime minister" in r.detail and "foreign minister" in r.detail


def test_one_office_in_two_spellings() -> None:
    from divergence.ingest.split import claim_from_text
    from divergence.judge.detectors import Pair
    from divergence.judge.offices import title

    assert title(Pair(claim_from_text("Erik Dahl, Estmark's defence minister, said the troops "
                                      "would stay.", "a:0"),
                      claim_from_text("Defense Minister Erik Dahl said the troops would stay.",
                                      "b:0"), 0.8)) is None


def test_a_sentence_opening_with_people_not_a_name_is_lower_cased_in_a_question() -> None:
    """Old code kept "Is it so that Rescuers pulled ...", "Gunmen ..." (a capital mid-sentence):
    a plural of people opening a sentence read as a name."""
    from divergence.group.titles import starts_with_name

    assert not starts_with_name("Rescuers pulled 45 survivors from the water.")
    assert not starts_with_name("Gunmen opened fire on the crowd.")
    assert starts_with_name("Putin said the talks were over.")
    assert starts_with_name("Kovalenko said the drones were Russian.")
    # a name that opens with such a noun keeps its capital (a review's case)
    assert starts_with_name("Doctors Without Borders said 12 staff were killed.")
    assert not starts_with_name("Rescuers in Gaza said 12 people were pulled out.")
    assert not starts_with_name("The Pentagon said the drill went ahead.")


def test_a_claim_asserted_titles_the_event_before_its_denial_in_the_same_words() -> None:
    words = "The recent ceasefire was mediated by Washington."
    refuted = Claim("a:0", "a", words, 0, len(words), speaker="New Delhi", stance="denies",
                    proposition=words)
    claimed = Claim("a:1", "a", words, 0, len(words), speaker="President Trump",
                    proposition=words)
    title = event_title([refuted, claimed], _vectors(2, central=0))
    assert title.startswith("Trump: the recent ceasefire"), title


def test_a_denial_alone_is_titled_as_a_denial() -> None:
    words = "The recent ceasefire was mediated by Washington."
    refuted = Claim("a:0", "a", words, 0, len(words), speaker="New Delhi", stance="denies",
                    proposition=words)
    assert event_title([refuted], _vectors(1)).startswith("New Delhi denies: the recent")
    unsaid = Claim("a:0", "a", words, 0, len(words), stance="denies", proposition=words)
    assert event_title([unsaid], _vectors(1)).startswith("Denied: The recent")


def test_a_title_is_not_cut_at_an_abbreviated_office() -> None:
    words = "Kursk Gov. Alexey Smirnov described the situation in the border region as difficult."
    (c,) = _claims(words, speaker="Kursk Gov. Alexey Smirnov")
    title = event_title([c], _vectors(1))
    assert title.startswith("Kursk Gov. Alexey Smirnov described the situation"), title


def test_a_title_cut_short_does_not_end_on_a_conjunction() -> None:
    words = ("Earlier on Friday, footage and audio attributed to Wagner fighters and to Prigozhin "
             "appeared online claiming that a missile attack had been launched at a Wagner camp.")
    title = event_title(_claims(words), _vectors(1))
    assert not title.rstrip(".…").endswith((" and", " or")), title
    assert title.startswith("Earlier on Friday, footage and audio attributed to Wagner"), title


def test_a_title_keeps_a_name_the_cut_would_drop() -> None:
    """"The visit comes at a time of both opportunity and challenge in India-US relations" was
    taken as named, then cut before its only name: a title naming no one."""
    cs = _claims(
        "The visit comes at a time of both opportunity and challenge, a test for India-US ties "
        "in the months ahead of the summit.",
        "The foreign secretary held talks in Washington on trade and critical minerals.")
    title = event_title(cs, _vectors(2, central=0))
    assert "Washington" in title or "India" in title, title


def test_a_title_looks_past_the_central_claims_when_none_names_anyone() -> None:
    unnamed = [f"The talks went on for a long time on day {w} of the visit." for w in
               ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")]
    cs = _claims(*unnamed, "The foreign secretary held talks in Washington on trade.")
    assert "Washington" in event_title(cs, _vectors(len(cs), central=0))
