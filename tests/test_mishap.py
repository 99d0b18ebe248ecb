"""A harm one voice tells as a mishap and another as an act (``mishap``)."""

from __future__ import annotations

import numpy as np

from divergence.group.claims import candidate_pairs
from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import frame_keys, mishap
from divergence.judge.frames.mishap import claim_side, side
from divergence.records import Claim


def pair(a: str, b: str, sim: float = 0.5) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_a_mishap_and_an_act_of_one_harm_clash() -> None:
    for a, b in (
            ("The fire service said the warehouse blaze was started by faulty wiring, an "
             "accident.",
             "Police said the warehouse blaze was arson."),
            ("The health ministry said the victims were trampled in a crush at the gate.",
             "Doctors said every casualty they treated had gunshot wounds."),
            ("The airline said the plane crashed after an engine failure.",
             "Witnesses said the plane was shot down by a missile."),
            # a ruled-out act stands for a mishap, a ruled-out accident for an act
            ("Officials said the explosion at the depot was caused by a gas leak, ruling out "
             "sabotage.",
             "The rebels said their fighters blew up the depot."),
            ("The family's lawyer said the collapse of the mine was no accident.",
             "The mining company said the collapse of the mine followed heavy rain.")):
        r = mishap(pair(a, b))
        assert r is not None and r.type == "actor", (a, b)
        assert "how the harm came about" in r.detail and len(r.spans) == 2
        assert mishap(pair(b, a)) is not None, "read either way round"


def test_no_clash_without_two_sides_of_one_harm() -> None:
    for a, b in (
            # both tell an act, or both a mishap
            ("The army said the depot was blown up by saboteurs.",
             "Residents said the depot was hit by two drones."),
            ("The blaze was an accident, the fire service said.",
             "Investigators said faulty wiring caused the blaze."),
            # a mishap feared, not told
            ("The agency set out rules meant to prevent a serious nuclear accident.",
             "The plant has been hit by drones, the operator said."),
            # a claim that tells both sides takes none
            ("The army said the crash was an accident, but witnesses said the jet was shot "
             "down.",
             "The jet was shot down by a missile, the rebels said."),
            # suicide drones are weapons, not a suicide
            ("Iran launched 160 suicide drones at Israel.",
             "Most of the drones were shot down, the army said."),
            # a denial of who did it is no account of how it happened
            ("The minister said Ukraine had no information about pro-Ukrainian sabotage "
             "groups.",
             "Poland's prime minister described the damage as sabotage.")):
        assert mishap(pair(a, b)) is None, (a, b)
    # one speaker's two lines, and claims too far apart, are no dispute
    a, b = ("The army said the crash was an accident.", "The army said the jet was shot down.")
    assert mishap(pair(a, b)) is None
    assert mishap(pair("The blaze was an accident.", "The blaze was arson.", sim=0.2)) is None


def test_the_side_a_claim_takes() -> None:
    got = side("Aviation officials said there was no indication it had been struck by a "
               "missile.")
    assert got is not None and got.side == "accident" and got.ruled_out
    assert side("The crash was no accident.").side == "attack"  # type: ignore[union-attr]
    assert side("The meeting ended early.") is None


def test_mishaps_are_paired_with_acts_of_harm_and_not_acts_with_each_other() -> None:
    texts = ("The blaze at the depot was an accident, the fire service said.",
             "Arson destroyed the depot, police said.",
             "Saboteurs set the depot on fire and it was arson, the owner said.")
    claims = [claim_from_text(t, f"a{k}:0") for k, t in enumerate(texts)]
    claims = [Claim(c.id, f"a{k}", c.text, 0, len(c.text), proposition=c.proposition,
                    speaker=c.speaker, stance=c.stance) for k, c in enumerate(claims)]
    assert "accident:harm" in frame_keys(claims[0])
    assert {"inflicted:harm"} <= frame_keys(claims[1]) & frame_keys(claims[2])
    # the mishap at cosine 0.35 from each act, the two acts at 0.4: all below the closeness
    # that pairs claims, above the floor a frame shared by both sides would pair them from
    v = np.array([[1.0, 0.0, 0.0], [0.35, 0.937, 0.0], [0.35, 0.296, 0.889]], np.float32)
    got = {(int(i), int(j)) for i, j, _ in candidate_pairs(claims, v, 0.5)}
    assert got == {(0, 1), (0, 2)}


def test_a_denial_and_a_double_negative_read_the_right_side() -> None:
    """Review, 2026-12-05: the stance a claim's splitter took off ("X denied that P") and a
    ruling-out that is itself negated ("have not ruled out arson") were read the wrong way."""
    denied = claim_from_text("The minister denied that the warehouse fire was an accident.", "a:0")
    assert denied.stance == "denies"
    got = claim_side(denied)
    assert got is not None and got.side == "attack"
    assert "inflicted:harm" in frame_keys(denied)
    arson = claim_from_text("Police said the warehouse fire was arson.", "b:0")
    assert mishap(Pair(denied, arson, 0.6)) is None
    for a, b in (
            ("Police have not ruled out arson in the warehouse fire.",
             "The fire service said the warehouse fire was arson."),
            ("There were no deaths in the stampede at the stadium, police said.",
             "Stewards said the stampede at the stadium began in a crush at the gate."),
            ("The president won the election by a landslide.",
             "Soldiers opened fire on protesters after the election, killing four."),
            ("The general vowed to crush the rebels who killed 12 soldiers.",
             "The soldiers were killed by rebel drones, the army said."),
            ("The ministry deliberately delayed the report on the blast.",
             "The blast was an accident, the ministry said."),
            ("The garrison repelled an attack on the base, where two soldiers died.",
             "The two soldiers died in an accident at the base, the army said.")):
        assert mishap(pair(a, b, sim=0.6)) is None, (a, b)


def test_the_news_judge_calls_the_two_accounts_a_conflict() -> None:
    from divergence.judge import NLIJudge

    judge = NLIJudge()  # rules and frames alone
    p = pair("The navy said the warship was damaged in a fire that followed an electrical "
             "fault in the engine room, an accident.",
             "Coastal officials said the warship was hit by two anti-ship missiles.", sim=0.55)
    v = judge.judge_pairs([p.a], [p.b], [0.55])[0]
    assert v.label == "conflict"
    assert any(r.type == "actor" and "mishap" in r.detail for r in v.reasons)


def test_emphasis_is_no_ruling_out_and_a_leak_named_is_no_cause() -> None:
    got = side("Podoliak said the gas leak from the pipeline was nothing other than a terrorist "
               "attack planned by Moscow.")
    assert got is not None and got.side == "attack" and not got.ruled_out
    got = side("Engineers said a gas leak caused the explosion.")
    assert got is not None and got.side == "accident"


def test_a_harm_named_an_accident_or_a_cause_guessed_takes_no_side() -> None:
    assert side("Sabotage could be behind the damage to the pipeline.") is None
    got = side("The accident on the pipeline was man-made, and Russia was behind it.")
    assert got is not None and got.side == "attack"
