"""Where it happened (``judge.gazetteer``, ``frames.where``): one statement told in two places
that cannot be one is a ``place`` conflict; one place told at two sizes, two ends of one flight
and places the gazetteer does not know are not. Invented sentences, real place names."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.where import place_apart, where
from divergence.judge.gazetteer import apart, far, located, lookup


def pair(a: str, b: str, sim: float = 0.8) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_a_name_has_its_readings_the_largest_first() -> None:
    valencia = lookup("Valencia")
    assert {p.country for p in valencia} >= {"ES", "VE"}
    assert lookup("Basrah") and lookup("Basra") and lookup("Tikrit")  # other spellings, accents
    assert lookup("Malaysia")[0].kind == "country"
    assert not lookup("Ostrelvania")


def test_places_are_read_after_a_word_that_locates() -> None:
    got = located("The car bomb exploded in the northern city of Kirkuk on Saturday.")
    assert [x.name for x in got] == ["Kirkuk"]
    assert [x.name for x in located("The riots began in the Paris suburb of Nanterre.")] == [
        "Paris", "Nanterre"]
    assert not located("Moscow said the offer was serious.")  # an actor, not a place
    assert not located("The vote was held in January.")
    hall = located("The gunmen opened fire at Crocus City Hall.")
    assert hall and not hall[0].readings  # a venue the table does not know: kept, unread
    # a city's name takes no "the": an institution (there is a town called University)
    oxford = located("The vaccine was made at the University of Oxford.")
    assert oxford and not oxford[0].readings
    assert located("The talks were held in the Hague.")[0].readings
    assert located("The tanker was seized off the Netherlands.")[0].readings


def test_roles_whence_and_whither() -> None:
    assert [x.role for x in located("The plane took off from Juba.")] == ["from"]
    assert [x.role for x in located("Rockets were fired towards Israel.")] == ["to"]
    assert [x.role for x in located("Iran fired missiles at Israel.")] == ["to"]
    assert [x.role for x in located("The talks were held at a hotel in Doha.")] == ["in"]


def test_far_and_near() -> None:
    kirkuk, basra = lookup("Kirkuk")[0], lookup("Basra")[0]
    assert far(kirkuk, basra)
    assert not far(lookup("Krasnogorsk")[0], lookup("Moscow")[0])  # 20 km: one place, two sizes
    assert not far(lookup("Putrajaya")[0], lookup("Malaysia")[0])  # a city in its country
    assert far(lookup("Putrajaya")[0], lookup("Indonesia")[0])
    assert not far(lookup("Houston")[0], lookup("Texas")[0])


@pytest.mark.parametrize(("a", "b"), [
    ("The explosion took place in Lahore.", "The explosion took place in Karachi."),
    ("The car bomb exploded in the northern city of Kirkuk on Saturday.",
     "The car bomb exploded in the southern port of Basra on Saturday."),
    ("The cargo plane crashed shortly after takeoff from Juba airport.",
     "The cargo plane crashed shortly after taking off from Entebbe airport."),
    ("The peace talks were held in Geneva.", "The peace talks took place in Vienna."),
])
def test_one_statement_in_two_places_apart(a: str, b: str) -> None:
    r = where(pair(a, b))
    assert r is not None and r.type == "place" and r.weight >= 0.6
    assert len(r.spans) == 2 and r.spans[0].text in a and r.spans[1].text in b


@pytest.mark.parametrize(("a", "b"), [
    # one place at two sizes, or named in both
    ("The attack happened in Krasnogorsk.", "The attack happened in Moscow."),
    ("The truce was sealed in Putrajaya.", "The truce was sealed in Malaysia."),
    ("The gunmen struck in Krasnogorsk, outside Moscow.", "The gunmen struck in Moscow."),
    # two ends of one flight, not two places
    ("Rockets were fired from Gaza on Sunday.", "Rockets were fired towards Israel on Sunday."),
    # a place the table does not know may hold the other's
    ("The boat sank off Lesbos.", "The boat sank off Mytilene."),
    # another occasion
    ("The protest was held in Lyon last year.", "The protest was held in Paris this year."),
    # several happenings, each may have had its place
    ("Rockets hit a market in Kharkiv on Sunday.", "Rockets hit a market in Odesa on Sunday."),
    # too little in common besides the places
    ("Strikes hit Kharkiv overnight.", "Talks on grain exports resumed in Istanbul."),
])
def test_not_two_places_of_one_statement(a: str, b: str) -> None:
    assert where(pair(a, b)) is None


def test_aligned_claims_need_fewer_words_in_common() -> None:
    """The summit pair shares 0.8 of its other words by stem; "fired at Israel" / "launched
    from sites across Iran" shares too little to be one statement."""
    a, b = ("The summit of African leaders took place in Nairobi this week.",
            "This week's summit of African leaders was held in Kigali.")
    assert place_apart(pair(a, b, 0.74)) is not None
    a, b = ("Iran fired more than 300 missiles and drones at Israel on Saturday.",
            "Launched from a number of sites across Iran, the salvoes included cruise missiles.")
    assert place_apart(pair(a, b, 0.7)) is None


def test_apart_needs_every_reading_far() -> None:
    spain = located("The floods hit homes in Valencia.")
    assert apart(spain, located("The floods hit homes in Badajoz."))  # every reading far
    assert not apart(spain, located("The floods hit homes in Spain."))  # Spain holds one reading


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("The summit of African leaders took place in Nairobi this week.",
     "This week's summit of African leaders was held in Kigali."),
    ("The fire broke out at a textile factory in Chittagong.",
     "The fire broke out at a textile factory outside Dhaka."),
])
def test_the_judge_calls_them_conflicts_with_the_places(a: str, b: str) -> None:
    """The default judge agreed the summit pair (cosine 0.74, both name "African") and left the
    factory pair neither."""
    from .conftest import compare_json

    got = compare_json(a, b)
    assert got["label"] == "conflict"
    assert any(r["type"] == "place" for r in got["reasons"])


def test_a_dispute_of_places_asks_where() -> None:
    from divergence.group.asking import question

    r = where(pair("The explosion took place in Lahore.", "The explosion took place in Karachi."))
    assert r is not None and question([r], []) == "Where did it happen?"
