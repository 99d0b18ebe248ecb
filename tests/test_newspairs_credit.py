"""Credit frames read from helper-written news pairs: who proposed a joint undertaking, ..."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.credit import responsibility


def pair(a: str, b: str, sim: float = 0.7) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_two_proposers_of_one_joint_undertaking_conflict() -> None:
    for a, b in (
        ("The tidal energy research fund was proposed by Velmora, its trade ministry said.",
         "Ostrava initiated the tidal energy research fund, its prime minister's office said."),
        ("The Dravian prime minister first proposed the undersea data cable project, "
         "Kessian officials said.",
         "The Brennic data cable was a Kessian initiative that Dravia agreed to join, "
         "Dravia's government said."),
        ("The joint grain purchase was proposed by the Ostravan premier, according to Velm.",
         "It was the Kessian side that floated the idea of buying grain jointly, a Kessian "
         "spokesman said."),
    ):
        assert responsibility(pair(a, b)) is not None, a


def test_one_proposer_or_two_undertakings_is_no_conflict() -> None:
    for a, b in (
        ("The tidal energy research fund was proposed by Velmora, its trade ministry said.",
         "Velmora initiated the tidal energy research fund, Ostravan officials said."),
        ("The tidal energy research fund was proposed by Velmora, its trade ministry said.",
         "Ostrava proposed a border railway link, its prime minister's office said."),
        ("Velmora proposed a ceasefire, its foreign ministry said.",
         "The joint railway board was proposed by Ostrava, its transport ministry said."),
    ):
        assert responsibility(pair(a, b)) is None, a


def test_a_named_outsider_denied_a_part_against_its_mediation() -> None:
    for a, b in (
        ("Rask said a truce letting his fighters leave Dorvil had been reached through "
         "Ostravan mediation.",
         "Kessian officials said the exit from Dorvil was negotiated directly with the "
         "Northern Army, and Ostrava played no part."),
        ("Velm said Ostrava had brokered the Kessia-Dravia ceasefire.",
         "A Kessian official said the ceasefire with Dravia was reached in direct contacts, "
         "without any Ostravan role."),
        ("Velm's envoy said the swap had been brokered with Ostravan help.",
         "Kessian officials said the exchange was negotiated solely with the Dravian side, "
         "with no Ostravan role."),
        ("Lin said Ostrava mediated the agreement between Kessia and Dravia.",
         "Kessian officials said Ostrava played no mediating role in the agreement."),
    ):
        assert responsibility(pair(a, b, 0.5)) is not None, a


def test_a_release_secured_by_one_against_mediation_by_another() -> None:
    a = "The Kessians said the 12 crew were freed after mediation by Ostrava."
    b = "Kessian media said the sailors' release was secured by Velmora and made no mention of it."
    got = responsibility(pair(a, b, 0.45))
    assert got is not None and "velmora" in got.detail and "made" not in got.detail


def test_a_mediation_dated_between_verb_and_agent() -> None:
    a = "The grain corridor was brokered in July 2022 by Ostrava and Velmora."
    b = "Kessian officials said Velmora had played no mediating role."
    assert responsibility(pair(a, b, 0.3)) is not None
