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
