"""Since when a place has been held, besieged, or a person detained (``frames.since``)."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import frame_keys
from divergence.judge.frames.since import since, since_apart


def pair(a: str, b: str, sim: float = 0.7) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_a_dated_state_reads_its_kind_month_year_and_what_is_held() -> None:
    x = since("Kestovan forces have occupied the dam, the largest in the region, since the start "
              "of their invasion in February 2022.")
    assert x is not None and (x.kind, x.month, x.year) == ("hold", "02", "2022")
    assert "dam" in x.words and "kestovan" not in x.words  # the holder is not what is held
    y = since("The city has been under siege since May 2024.")
    assert y is not None and (y.kind, y.words) == ("siege", {"city"})
    assert since("Prices have risen since March 2022.") is None  # no state held
    assert since("Kestova has held the town since 2014 and the airport since 2016.") is None
    assert since("Kestova has occupied the dam since March.") is None  # which March?
    assert "since:hold" in frame_keys(claim_from_text("Kestova has occupied the dam since June "
                                                      "2022.", "a:0"))


def test_one_state_dated_to_two_months_is_a_conflict() -> None:
    """(2026-12-05, fourth session; newsdev dev zaporizhzhia-015's form) "have occupied the
    plant since the start of their invasion in February 2022" / "has occupied the plant since
    March 2022": one occupation, two starts."""
    r = since_apart(pair("Kestovan forces have occupied the dam in the north, the largest in "
                         "the region, since the start of their invasion in February 2022.",
                         "Kestova has occupied the Orvel dam, the region's biggest, since March "
                         "2022."))
    assert r is not None and r.type == "date" and "March 2022" in r.detail
    assert since_apart(pair("Varnian rebels have held the town of Osk since 2014.",
                            "Rebels have controlled Osk since 2016, officials said.")) is not None


@pytest.mark.parametrize(("a", "b"), [
    ("Kestova has occupied the dam since June 2022.",
     "Kestova has occupied the airport since 2023."),           # two places held
    ("Kestova has occupied the dam since 2022.",
     "Kestova has occupied the dam since June 2022."),          # a year, then its month
    ("Kestova has occupied the dam since June 2022.",
     "The dam has been under siege since May 2022."),           # held, besieged: two states
    ("Kestova has occupied the dam since June 2022.",
     "Kestova has occupied the dam since June 2022, officials said."),  # alike
    # a review's false conflicts: custody against holding, talks held, a city against its
    # airport, two detainees of one country
    ("Two Varnian sailors have been held captive since March 2024, their families said.",
     "The Varnian tanker has been held at Osk port since January 2024."),
    ("Kestova has held talks with the Sarn Front since January 2024, mediators said.",
     "Kestova has held the Sarn valley since January 2023, the rebels said."),
    ("Rebels have besieged Kalth since August 2023, the UN said.",
     "Rebels have besieged the Kalth airport since March 2024, the army said."),
    ("The Varnian journalist Mira Tolvan has been detained in Kestova since January 2024.",
     "The Varnian aid worker Jonas Ekberg has been detained in Kestova since October 2023."),
])
def test_states_of_two_places_kinds_or_told_alike_are_no_conflict(a: str, b: str) -> None:
    assert since_apart(pair(a, b)) is None


def test_two_held_places_or_dates_are_neither_a_date_clash_nor_one_statement() -> None:
    """(a second review's pairs) "occupied the Varno airport since April 2022" / "the Varno
    power plant since August 2022" were a conflict of dates by the word-aligned date reader, and
    without it agreed on their shared names: two things held. One thing held since two months
    stays a conflict."""
    from divergence.judge import NLIJudge
    from divergence.judge.frames.since import states_apart, two_held

    a = "Kestovan troops have occupied the Varno airport since April 2022."
    b = "Kestovan troops have occupied the Varno power plant since August 2022."
    assert two_held(a, b) and states_apart(a, b)
    j = NLIJudge()
    x, y = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    assert not any(r.type == "date" for r in j._reasons(x, y, 0.83))
    assert j.judge_pairs([x], [y], [0.83])[0].label == "neither"
    c = claim_from_text("Kestova has occupied the Varno airport since June 2022.", "b:0")
    assert j.judge_pairs([x], [c], [0.8])[0].label == "conflict"


def test_a_hold_dated_by_its_taking_on_another_date_is_a_conflict() -> None:
    """(2026-12-05, ninth session) "has controlled Dornfeld since early 2021" / "seized
    Dornfeld in November 2022": the hold began with the taking, so one start is told twice.
    Two takings, or a taking in the year the hold began, are no such conflict."""
    r = since_apart(pair("The militia has controlled Dornfeld since early 2021.",
                         "The militia seized Dornfeld in November 2022.", sim=0.86))
    assert r is not None and r.type == "date" and "November 2022" in r.detail
    assert since_apart(pair("Kordan has occupied the island since 2014.",
                            "Kordanian troops took the island in 2016, officials said.", 0.79))
    for a, b in (("Kordan has occupied the island since 2014.",
                  "Kordanian troops took the island in March 2014."),
                 ("Kordan has held the port since 2019.", "The rebels captured the airport in "
                  "2021."),
                 ("The militia seized Dornfeld in 2021.", "The militia captured Dornfeld in "
                  "2022."),  # two takings: the since reader's business is the hold
                 ("Kordan has held the port since 2019.", "Kordan's president took office in "
                  "2021."),
                 # a hold dated by another happening's start dates that happening, loosely
                 ("Kordan has occupied the dam since the start of its invasion in February "
                  "2022.", "Kordanian troops took control of the dam in March 2022.")):
        assert since_apart(pair(a, b, 0.8)) is None, b
