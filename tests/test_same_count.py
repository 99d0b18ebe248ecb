"""One count or one claimed attack in other words is a sign of agreement; "no-one" is a zero."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge import NLIJudge
from divergence.judge.detectors import Pair
from divergence.judge.frames import counts, frame_credits, same_count, same_credit

from .conftest import NeutralNLI


def pair(a: str, b: str, sim: float = 0.6) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def judged(a: str, b: str, sim: float) -> str:
    j = NLIJudge(nli=NeutralNLI())
    return j.judge_pairs([claim_from_text(a, "a:0")], [claim_from_text(b, "b:0")], [sim])[0].label


HURT = "Four people who work at the Kell refinery were wounded on Sunday when drones struck it."


def test_one_count_of_one_harm_in_other_words_agrees() -> None:
    r = same_count(pair(HURT, "Four people were injured in those drone attacks on the refinery."))
    assert r is not None and r.type == "same-count" and "injuries" in r.detail
    assert judged(HURT, "Four people were injured in those drone attacks on the refinery.",
                  0.6) == "agree"


def test_counts_alike_only_when_exact_of_one_happening_and_close() -> None:
    other = "Four people were injured in those drone attacks on the refinery."
    assert same_count(pair(HURT, other.replace("Four", "At least four"))) is None
    assert same_count(pair(HURT, other.replace("Four", "Five"))) is None
    assert same_count(pair(HURT, other, sim=0.4)) is None  # not close enough to be one statement
    # two strikes in two named towns, each of which killed two people
    assert same_count(pair("Two people were killed when a shell hit a market in Dorn.",
                           "Two people were killed when a rocket hit a school in Vask.")) is None
    # a bare count of things is no happening's count
    assert same_count(pair("The convoy of 30 trucks reached Kell on Monday.",
                           "All 30 trucks of the convoy reached Kell on Monday.")) is None


def test_no_one_hyphenated_or_spaced_is_a_zero_not_one() -> None:
    for text in ("No-one was injured in the fire.", "No - one was injured in the fire.",
                 "Luckily no - one has been hurt, the shop said."):
        got = counts(text)
        assert got and all(c.hi == 0 for c in got), text
    # so two reports that nobody was hurt are no count conflict
    assert judged("No - one was injured in the fire.",
                  "Nobody is believed to have been hurt in the blaze at the shop.",
                  0.6) != "conflict"


def test_a_claimed_attack_credits_one_group_under_its_other_name() -> None:
    a = ("Responsibility for the shooting was claimed by Islamic State, the group that once held "
         "swathes of Iraq and Syria.")
    b = "ISIS, the jihadist group, has said it carried out the attack."
    r = same_credit(pair(a, b, 0.57))
    assert r is not None and r.type == "same-value" and "islamic state" in r.detail
    assert judged(a, b, 0.57) == "agree"


def test_a_strike_blamed_and_an_airstrike_told_are_one_outcome() -> None:
    a = "Last week Kessian officials accused Russia of striking the St Luke Hospital in Dorn."
    b = "The health ministry said a Russian airstrike hit the hospital on Tuesday."
    r = same_credit(pair(a, b, 0.54))
    assert r is not None and r.type == "same-value" and "russia" in r.detail


def test_a_count_keeps_its_verb_across_an_aside_and_others_are_people() -> None:
    (six, two) = counts("Six people, one of them a child, were killed in Dorn and two others "
                        "were wounded.")
    assert (six.kind, six.head, six.lo) == ("deaths", "person", 6)
    assert (two.kind, two.head) == ("injuries", "person")
    # "of which" without a closing comma is still a part of a whole: the 40 is no loss
    forty, _ = counts("40 drones, of which 35 were shot down.")
    assert forty.kind == "count"
    # "other" before a noun is no person
    assert {c.head for c in counts("They seized seven rifles and two other rifles.")} == {"rifle"}
    r = judged("An airstrike on the village of Dorn killed five people and wounded two.",
               "Six people, one of them a child, were killed in Dorn and two others were wounded.",
               0.68)
    assert r == "conflict"


def test_a_breakdown_in_an_aside_is_no_count_of_its_own() -> None:
    a = "Four soldiers, two of them officers, were wounded in the ambush near Kell."
    assert [(c.q.value, c.kind) for c in counts(a)] == [(4, "injuries")]
    # but after a semicolon "three of them were killed" is a count of what happened
    assert (3, "deaths") in [(c.q.value, c.kind) for c in counts(
        "The gunmen took 20 hostages; three of them were killed.")]
    assert judged(a, "Four troops were injured in the ambush near Kell.", 0.75) != "conflict"


def test_its_fighters_are_the_speakers_own() -> None:
    a = "The Kessian Front said its fighters carried out the bombing at the Dorn checkpoint."
    b = "Responsibility for the attack on the Dorn checkpoint was claimed by the Kessian Front."
    assert judged(a, b, 0.65) != "conflict"  # one group credited twice, not two
    # with no speaker to name the side, "its fighters" is read as before
    (x,) = frame_credits(claim_from_text(
        "Its fighters carried out the bombing at the Dorn checkpoint.", "c:0"))
    assert x.agent == "its fighters"


def test_soldiers_lost_are_soldiers_killed() -> None:
    (x,) = counts("It lost three soldiers in the ambush near Kestrel Pass.")
    assert (x.kind, x.head) == ("deaths", "soldier")
    assert counts("The army lost two jets.")[0].kind == "losses"  # things lost stay losses
    assert judged("The army said it lost three soldiers in the ambush near Kestrel Pass.",
                  "Five soldiers were killed when insurgents ambushed a patrol at Kestrel Pass.",
                  0.69) == "conflict"


def test_lives_saved_are_no_deaths() -> None:
    assert counts("He said ending the war had saved thousands of lives.") == ()
    assert counts("The fighting has cost thousands of lives.")[0].kind == "deaths"
