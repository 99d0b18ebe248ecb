"""Flips worded apart (``judge.flips``) and verbs that deny their complement ("was unable to
capture"): agreements that were disputes. Invented sentences."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import negated_sayings, negations
from divergence.judge.flips import opposite_flip, polarity_flip, stem_overlap
from divergence.judge.opposites import opposite


def claims(a: str, b: str):  # noqa: ANN201 - a test helper
    return claim_from_text(a, "a:0"), claim_from_text(b, "b:0")


@pytest.mark.parametrize("text", [
    "The army was unable to capture the town.",
    "The ministry declined to confirm the deaths.",
    "The minister refrained from criticising Beijing.",
    "The government held off on imposing sanctions.",
    "The report stopped short of blaming the navy.",
    "The offensive fell short of its goals.",
    "Aid convoys were prevented from entering the city.",
])
def test_verbs_that_deny_their_complement_negate(text: str) -> None:
    assert negations(text)


@pytest.mark.parametrize("text", [
    "Exports declined by 5 percent in May.",
    "The defenders held off the attack for three days.",
    "The convoy stopped at the checkpoint.",
    "Prices fell sharply on Monday.",
])
def test_look_alikes_do_not(text: str) -> None:
    assert not negations(text)


def test_declining_to_comment_is_a_saying_negated() -> None:
    assert negated_sayings("The ministry declined to comment on the report.") == 1


def test_stems_make_the_forms_of_a_verb_meet() -> None:
    a, b = "The army captured the town of Selydove.", "The army was unable to capture Selydove."
    assert stem_overlap(a, b) == 1.0
    assert stem_overlap("The killing continued.", "The killings continued.") == 1.0


@pytest.mark.parametrize(("a", "b"), [
    ("The army captured the town of Selydove on Tuesday.",
     "The army was unable to capture Selydove on Tuesday."),
    ("The minister refrained from criticising Beijing.",
     "The minister criticised Beijing sharply."),
])
def test_a_denying_verb_against_the_deed_is_a_loose_negation(a: str, b: str) -> None:
    why = polarity_flip(*claims(a, b))
    assert why is not None and why.type == "negation" and why.weight == 0.5


@pytest.mark.parametrize(("a", "b", "words"), [
    ("The border crossing at Rafah remained open on Sunday.",
     "The Rafah border crossing stayed closed on Sunday.", ("open", "closed")),
    ("The drone hit the reactor building at Zaporizhzhia.",
     "The drone missed the reactor building at Zaporizhzhia.", ("hit", "missed")),
])
def test_an_opposite_worded_apart_is_a_soft_antonym(a: str, b: str, words: tuple[str, str]
                                                    ) -> None:
    ca, cb = claims(a, b)
    why = opposite_flip(ca, cb)
    assert why is not None and why.type == "antonym" and why.weight == 0.5
    assert [ca.text[s.start:s.end] for s in why.spans[:1]] == [words[0]]
    assert why.detail.endswith("worded apart")


@pytest.mark.parametrize(("a", "b"), [
    # two moments of one happening, on two days
    ("The crossing opened on Monday after talks.", "The crossing closed on Friday after talks."),
    # two actors
    ("Kesh forces have advanced on the bridge.", "Valmora forces have withdrawn from the bridge."),
    # the opposite is in both claims
    ("The crossing, closed since May, was open on Sunday.",
     "The crossing was open on Sunday, after being closed since May."),
    # little in common
    ("The market rose.", "The minister said the currency fell after the vote in parliament."),
])
def test_no_soft_antonym_without_one_statement_turned(a: str, b: str) -> None:
    assert opposite_flip(*claims(a, b)) is None


@pytest.mark.parametrize(("x", "y"), [
    ("hit", "missed"), ("rose", "dropped"), ("slowed", "accelerated"), ("afloat", "sank"),
    ("repelled", "overran"), ("released", "remanded"), ("successfully", "foiled"),
])
def test_opposite_deeds_in_other_words(x: str, y: str) -> None:
    assert opposite(x, y) and opposite(y, x)


@pytest.mark.parametrize(("a", "b", "words"), [
    ("The strike shut down all the mines in the Copperbelt.",
     "The strike shut down a few of the mines in the Copperbelt.", ("all", "a few")),
    ("Parts of Santiago were left without power on Thursday.",
     "The whole of Santiago was left without power on Thursday.", ("Parts of", "whole")),
])
def test_all_of_it_against_part_of_it_is_a_soft_antonym(a: str, b: str,
                                                         words: tuple[str, str]) -> None:
    ca, cb = claims(a, b)
    why = opposite_flip(ca, cb)
    assert why is not None and why.type == "antonym" and "part of it" in why.detail
    assert (ca.text[why.spans[0].start:why.spans[0].end],
            cb.text[why.spans[1].start:why.spans[1].end]) == words


@pytest.mark.parametrize(("a", "b"), [
    ("All 12 passengers survived the crash near Tarsk.", "The 12 passengers survived the crash "
                                                         "near Tarsk."),
    ("Some 300 people fled the town of Orlen.", "All the people of Orlen fled the town."),
    ("Prisoners were freed as part of the deal in Orlen.", "All the prisoners were freed under "
                                                           "the deal in Orlen."),
    ("The ferry sails to Orlen every day, some residents said.",
     "The ferry sails to Orlen every day."),
])
def test_no_scope_clash_without_a_part_against_a_whole(a: str, b: str) -> None:
    assert opposite_flip(*claims(a, b)) is None


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("The army captured the town of Selydove on Tuesday.",
     "The army was unable to capture Selydove on Tuesday."),
    ("The border crossing at Rafah remained open on Sunday.",
     "The Rafah border crossing stayed closed on Sunday."),
    ("The drone hit the reactor building at Zaporizhzhia.",
     "The drone missed the reactor building at Zaporizhzhia."),
    ("The strike shut down all the mines in the Copperbelt.",
     "The strike shut down a few of the mines in the Copperbelt."),
])
def test_the_judge_no_longer_agrees_them(a: str, b: str) -> None:
    """The default judge agreed each of these (cosine 0.70-0.98 with a shared name)."""
    from .conftest import compare_json

    assert compare_json(a, b)["label"] != "agree"


@pytest.mark.parametrize(("a", "b"), [
    ("The defence minister did not attend the summit in Orlen.",
     "The defence minister stayed away from the Orlen summit."),
    ("The storm did not affect trains on the coast line.",
     "Trains on the coast line were unaffected by the storm."),
    ("The witness was not present at the hearing in Tarsk.",
     "The witness was absent from the hearing in Tarsk."),
    ("The truce between the clans did not hold.", "The truce between the clans collapsed."),
])
def test_a_negation_said_in_one_word_is_the_same_statement(a: str, b: str) -> None:
    from divergence.judge.detectors import Pair, antonym, negation

    p = Pair(*claims(a, b), 0.85)
    assert negation(p) is None and antonym(p) is None
    assert polarity_flip(*claims(a, b)) is None and opposite_flip(*claims(a, b)) is None


@pytest.mark.parametrize(("a", "b"), [
    ("The offensive to retake Selvan succeeded, commanders said.",
     "Commanders conceded the offensive to retake Selvan had failed."),
    ("The two leaders left the meeting in Orlen with a signed accord.",
     "The two leaders left the meeting in Orlen without a signed accord."),
])
def test_a_cue_that_is_itself_the_opposite_still_turns_the_statement(a: str, b: str) -> None:
    from divergence.judge.detectors import Pair, antonym, negation, negations_apart

    assert not negations_apart(a, b)
    p = Pair(*claims(a, b), 0.85)
    assert antonym(p) is not None or negation(p) is not None or opposite_flip(*claims(a, b))


def test_two_negations_alike_are_no_call_for_the_pair_classifier() -> None:
    from divergence.judge.nli_judge import _both_negate

    assert _both_negate("The minister refused to resign despite the protests in Tarsk.",
                        "Despite the protests in Tarsk, the minister would not step down.")
    assert not _both_negate("Inmates at Corla refused meals on Thursday, relatives said.",
                            "Officials said there was no hunger strike at Corla on Thursday.")
    assert _both_negate("The opposition boycotted the vote.",
                        "The opposition did not take part in the vote.")
    assert not _both_negate("The opposition boycotted the vote.",
                            "The opposition took part in the vote.")
    assert not _both_negate("The minister did not resign.", "The minister resigned.")


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("The defence minister did not attend the summit in Orlen.",
     "The defence minister stayed away from the Orlen summit."),
    ("The mayor refused to resign despite the protests in Tarsk.",
     "Despite the protests in Tarsk, the mayor would not step down."),
    ("The storm did not affect trains on the coast line near Kesh.",
     "Trains on the coast line near Kesh were unaffected by the storm."),
])
def test_the_judge_no_longer_calls_them_conflicts(a: str, b: str) -> None:
    """The default judge called each a conflict (a negation against a word that carries one,
    or the pair classifier on two negations alike)."""
    from .conftest import compare_json

    assert compare_json(a, b)["label"] != "conflict"


@pytest.mark.slow
def test_a_loose_flip_leaves_the_times_of_one_happening_to_clash() -> None:
    """"early" / "late" is a loose flip that keeps the pair from agreeing; the two times of the
    one departure are still its conflict (``frames.values_apart``), as before the flip."""
    from .conftest import compare_json

    out = compare_json("The convoy left the Orlen depot early on Friday after loading fuel, "
                       "officials said.", "The convoy's departure from the Orlen depot took "
                       "place late on Friday, the ministry said.")
    assert out["label"] == "conflict"
    assert any(r["type"] == "date" for r in out["reasons"])


def test_a_word_negated_is_no_negation_inside_a_word() -> None:
    from divergence.judge.opposites import implied_no

    assert implied_no("The army halted its advance on Orlen.", "The army kept advancing on Orlen.")
    assert not implied_no("The army halted its advance on Orlen.",
                          "The army did not halt its advance on Orlen.")
    assert implied_no("Both sides agreed a halt to drone strikes.",
                      "Both sides would hold off from drone strikes.")


def test_only_what_a_cue_negates_can_turn_it_back() -> None:
    from divergence.judge.opposites import turned_back

    neg = "The two guards were unarmed and were shot without warning, their families said."
    plain = "Police said they shot the two guards during an armed raid on the depot."
    assert not turned_back(neg, plain, negations(neg))  # "without" negates the warning
    neg, plain = "The truce between the clans did not hold.", "The truce between the clans broke."
    assert turned_back(neg, plain, negations(neg))


@pytest.mark.parametrize(("a", "b"), [
    ("All schools in Kessa were closed because of the typhoon.",
     "Only some schools in Kessa were closed because of the typhoon."),
    ("The government lifted all restrictions on travel to the province.",
     "The government lifted some of the restrictions on travel to the province."),
])
def test_all_against_part_in_one_statement_decides(a: str, b: str) -> None:
    """Close (cosine 0.85 or more) and sharing 0.7 of their words by stem: the flip is the
    whole difference, and it decides as a definite antonym; below, the model must confirm."""
    sure = opposite_flip(*claims(a, b), sim=0.9)
    assert sure is not None and sure.weight >= 0.8 and "all of it against part" in sure.detail
    loose = opposite_flip(*claims(a, b), sim=0.7)
    assert loose is not None and loose.weight == 0.5


def test_all_against_part_with_more_said_stays_loose() -> None:
    a = "All the hostages were released unharmed, the police said."
    b = "Police said most of the hostages were released, but two were wounded in the raid."
    got = opposite_flip(*claims(a, b), sim=0.9)
    assert got is not None and got.weight == 0.5  # shares too few words to be one statement


@pytest.mark.slow
def test_the_judge_calls_all_against_part_a_conflict() -> None:
    """The default judge left it neither (the NLI model read entailment, P 0.93)."""
    from .conftest import compare_json

    got = compare_json("The strike shut down all the mines in the Kessa valley.",
                       "The strike shut down a few of the mines in the Kessa valley.")
    assert got["label"] == "conflict"
    assert any("all of it against part of it" in r["detail"] for r in got["reasons"])


@pytest.mark.parametrize(("a", "b"), [
    ("The council plans to raise parking fees next spring.",
     "The council has ruled out raising parking fees next spring."),
    ("The dockworkers' strike will go ahead on Friday.",
     "The dockworkers called off Friday's strike."),
    ("Both parties took part in the vote on the budget.",
     "One of the parties boycotted the vote on the budget."),
])
def test_a_denial_inside_a_word_against_its_plain_statement(a: str, b: str) -> None:
    from divergence.judge.nli_judge import _negated_alone

    assert _negated_alone(a, b) and _negated_alone(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Work at the mill was halted after the fire.", "The fire stopped work at the mill."),
    ("Two ministers stayed away from the ceremony.", "Two ministers did not attend the ceremony."),
    ("The council plans to raise parking fees.", "The council will raise parking fees."),
])
def test_no_denial_where_both_negate_or_a_process_stops(a: str, b: str) -> None:
    from divergence.judge.nli_judge import _negated_alone

    assert not _negated_alone(a, b)


@pytest.mark.slow
def test_a_plan_and_its_ruling_out_do_not_agree() -> None:
    """The NLI model reads "plans to raise" / "has ruled out raising" as entailment (0.97)."""
    from .conftest import compare_json

    assert compare_json("The council plans to raise parking fees next spring.",
                        "The council has ruled out raising parking fees next spring."
                        )["label"] != "agree"


@pytest.mark.parametrize(("a", "b", "denied"), [
    ("There were no arrests after the match.", "Police arrested five fans after the match.", True),
    ("On Tuesday, there was no tornado in the county.", "A tornado struck the county.", True),
    ("No civilians were killed in the strike.", "The strike killed four civilians.", True),
    ("Nothing was damaged when the storm hit.", "The storm damaged dozens of homes.", True),
    ("No one was arrested after the protest.", "Police arrested 12 people after it.", True),
    # the same statement in other words, or with a denial inside a word
    ("No one was hurt in the fire.", "All workers escaped the fire unharmed.", False),
    ("No civilians were killed in the strike.", "Civilians were spared in the strike.", False),
    ("None of the hostages were harmed.", "The hostages were freed unharmed.", False),
    ("There was no quorum at the session.", "The vote was postponed for lack of a quorum.", False),
    ("There was no electricity in the city.", "The city was plunged into darkness.", False),
    # the head noun, not its modifier; the same said with an opposite word
    ("There was no immediate claim of responsibility for the bombing.",
     "The bombing remained unclaimed in the immediate aftermath.", False),
    ("On Sunday, no candidate secured a majority in the first round.",
     "Every candidate secured only a minority of the votes in the first round.", False),
    ("There were no reported injuries.", "Two workers reported injuries.", True),
    # a verb whose past does not end in -ed, told in another of its forms
    ("No missile struck the base.", "A missile struck the base.", True),
    ("Nothing was stolen from the museum.", "Thieves stole three paintings from the museum.",
     True),
    ("No villages were overrun this week.", "Troops overran two villages this week.", True),
    ("No one said the talks had failed.", "Officials said the talks had failed.", False),
    # both deny, or no denial of a happening
    ("No tornado touched down.", "The storm did not produce a tornado.", False),
    ("No fewer than 20 people died.", "At least 20 people died.", False),
    ("No later than Friday, the army withdrew.", "The army withdrew on Friday.", False),
])
def test_a_happening_denied_outright_against_its_telling(a: str, b: str, denied: bool) -> None:
    from divergence.judge.flips import existence_denied

    assert existence_denied(a, b) is denied
    assert existence_denied(b, a) is denied


def test_a_happening_and_its_outright_denial_never_agree() -> None:
    """Old code agreed them: close enough, and both name Glasgow and Saturday
    (``anchored_sim``)."""
    from divergence.judge import NLIJudge

    a, b = claims("Police arrested five fans after the match in Glasgow on Saturday.",
                  "There were no arrests after the match in Glasgow on Saturday, police said.")
    got = NLIJudge().judge_pairs([a], [b], [0.6])[0]  # rules and frames alone
    assert got.label != "agree", got
    # a denial in other words still agrees ("no one was hurt" / "escaped unharmed")
    a, b = claims("No one was hurt in the fire at the Leeds depot on Monday.",
                  "All workers escaped the fire at the Leeds depot on Monday unharmed.")
    assert NLIJudge().judge_pairs([a], [b], [0.7])[0].label == "agree"
