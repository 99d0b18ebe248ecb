"""Whose deed it was and on what terms (``frames.involved``, ``frames.terms``): a named party tied
to a deed against the same party said to have had no part in it, and a deed done in return for
something against one done for nothing. The forms of
``benchmarks/data/type_probes_linkage.jsonl``, on invented sentences."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import frame_keys, frame_partners
from divergence.judge.frames.involved import claim_ties, involved, ties
from divergence.judge.frames.terms import bargained, terms


def pair(a: str, b: str, sim: float = 0.45) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


@pytest.mark.parametrize(("text", "party", "did"), [
    ("Tarsk's coast guard had nothing whatsoever to do with the ferry collision.", "tarsk",
     False),
    ("Orlen played no part in the raid on the Kaves depot.", "orlen", False),
    ("There is no sign that anyone from the Green Union took part in the riot.", "green union",
     False),
    ("Prosecutors ruled out any role for the Blue Hand Brigade in the judge's murder.",
     "blue hand brigade", False),
    ("Velmora has never funded or commanded the fighters holding the dam.", "velmora", False),
    ("The sabotage of the cable was ordered by the Orlenian navy.", "orlenian", True),
    ("The fire at the depot was started by men working for Tarsk's interior ministry.", "tarsk",
     True),
    ("The hackers who broke into the port's systems work for Velmora's spy agency.", "velmora",
     True),
    ("The kidnappers were acting on orders from the Red Dawn Front.", "red dawn front", True),
])
def test_a_party_tied_to_a_deed_or_denied_one(text: str, party: str, did: bool) -> None:
    got = ties(text)
    assert [(t.party, t.did) for t in got] == [(party, did)]


@pytest.mark.parametrize("text", [
    "The minister said the raid on the depot had been a success.",  # no party tied
    "The attack was carried out by unknown gunmen.",  # no named party
    "The talks were held in Orlen on Monday.",
    "Our investigation found no sign of a leak at the plant.",
])
def test_no_party_no_tie(text: str) -> None:
    assert ties(text) == ()


def test_a_party_tied_and_denied_by_two_voices_is_a_conflict() -> None:
    r = involved(pair("The mine that holed the ferry was laid by Tarskan commandos, Orlen's "
                      "navy said.",
                      "Tarsk had nothing whatsoever to do with the ferry incident, a Tarskan "
                      "navy spokesman said.", 0.42))
    assert r is not None and r.type == "actor" and "tarsk" in r.detail
    # a pronoun is the speaker's side: "his party had no link" is the Green Union's denial
    r = involved(pair("The mob that stormed the town hall in Kaves was organised by the Green "
                      "Union, the mayor charged.",
                      "Green Union leader Ivo Brand said his party had no link to those who "
                      "broke into the town hall.", 0.3))
    assert r is not None and r.type == "actor"


@pytest.mark.parametrize(("a", "b"), [
    # another party: both may hold
    ("Orlen played no part in the raid on the Kaves depot, its defence minister said.",
     "The raid on the Kaves depot was ordered by the Red Dawn Front, police said."),
    # another deed, in another place
    ("Orlen played no part in the raid on the Kaves depot, its defence minister said.",
     "The bombing of the Tarsk bridge was ordered by Orlen's army, officials said."),
    # one voice telling both sides
    ("The raid was ordered by Orlen, officials said.",
     "Officials said the raid was ordered by Orlen, though Orlen had nothing to do with the "
     "raid, its envoy insisted."),
])
def test_other_party_other_deed_or_both_sides_is_no_conflict(a: str, b: str) -> None:
    assert involved(pair(a, b)) is None


def test_a_denied_tie_is_paired_with_the_tie_told() -> None:
    told = frame_keys(claim_from_text("The hackers work for Velmora's spy agency, the firm "
                                      "said."))
    denied = frame_keys(claim_from_text("Velmora had nothing to do with the breach, its "
                                        "ministry said."))
    assert "party:velmo" in told and "noparty:velmo" in denied
    assert "party:velmo" in frame_partners(denied)


@pytest.mark.parametrize(("text", "bargain"), [
    ("Kaves freed the two pilots in return for the release of a jailed trader.", True),
    ("The trucks were let through as part of a wider deal on grain.", True),
    ("The hostages were freed after the company paid a ransom of $2 million.", True),
    ("The strike ended only once the board conceded a pay rise.", True),
    ("The release was unconditional.", False),
    ("The pardon came with no strings attached.", False),
    ("No money changed hands, the company said.", False),
    ("Nothing was asked of Tarsk in exchange, the ministry said.", False),
])
def test_a_deed_on_terms_or_for_nothing(text: str, bargain: bool) -> None:
    got = terms(text)
    assert got and {t.bargain for t in got} == {bargain}


def test_on_terms_against_for_nothing_is_a_linkage_conflict() -> None:
    r = bargained(pair("Kaves freed the two pilots in return for Tarsk dropping its lawsuit, "
                       "diplomats said.",
                       "The pilots' release was unconditional, Kaves's foreign ministry said."))
    assert r is not None and r.type == "linkage"
    # two deeds of one pair of countries: no word in common but the names
    assert bargained(pair("Kaves lifted its ban on Tarskan wine as an unconditional gesture, "
                          "its trade ministry said.",
                          "Kaves eased fishing quotas for Tarsk in exchange for port access, "
                          "diplomats said.", 0.59)) is None
    # two releases of different sizes
    assert bargained(pair("The release of 30 inmates at Easter was unconditional, the ministry "
                          "said.",
                          "Kaves freed 12 prisoners in exchange for two border guards, "
                          "officials said.")) is None


def test_a_denied_report_of_a_reason_denies_the_link() -> None:
    from divergence.judge.frames.reasons import linkage
    # "denied that the curfew was imposed because of the protests" is the ministry's denial of
    # the link, not the link given: it is set against the link told in other words
    r = linkage(pair("The interior ministry denied that the curfew in Dask was imposed because of "
                     "the student protests.",
                     "Residents said the curfew in Dask was ordered because of the student "
                     "protests, opposition lawmakers said.", 0.6))
    assert r is not None and r.type == "linkage"


@pytest.mark.parametrize(("a", "b"), [
    ("The Tolven mill will shut next month because the new import duties have made its pulp too "
     "costly, the labour office said.",
     "The mill's owners insisted the import duties played no part in the closure, citing only "
     "the age of its machines."),
    ("Pellan's office said her departure was purely personal and was unconnected to the audit of "
     "the port contracts.",
     "Finance Minister Vera Pellan stepped down on Monday under pressure over the audit of the "
     "port contracts, party officials said."),
])
def test_a_link_denied_in_other_words_meets_the_link_told(a: str, b: str) -> None:
    from divergence.judge.frames.reasons import linkage
    r = linkage(pair(a, b, 0.4))
    assert r is not None and r.type == "linkage"


def test_a_link_rejected_between_two_things_is_denied_both_ways() -> None:
    from divergence.judge.frames.reasons import reasons
    got = reasons("Company executives rejected any link between the job cuts and the move to "
                  "electric cars.")
    assert {(w.explained, w.reason, w.denied) for w in got} >= {
        ("the job cuts", "the move to electric cars", True),
        ("the move to electric cars", "the job cuts", True)}


@pytest.mark.parametrize(("text", "explained", "reason"), [
    ("Worn brake pads alone caused the Morrow tram crash.", "the Morrow tram crash",
     "Worn brake pads"),
    ("Driver fatigue was the sole cause of the Delve coach accident.",
     "the Delve coach accident", "Driver fatigue"),
    ("A falling crane brought down the Olm footbridge.", "the Olm footbridge", "A falling crane"),
    ("The council attributed the flooding largely to blocked drains.", "the flooding",
     "blocked drains"),
    # (2026-12-06) more verbs of causing, a cause traced or put down to, one ruled out inside
    ("A cracked fuel line was behind the Harsk ferry fire.", "the Harsk ferry fire",
     "A cracked fuel line"),
    ("Sparks from a grinder ignited the blaze at the Tolv warehouse.",
     "the blaze at the Tolv warehouse", "Sparks from a grinder"),
    ("The food poisoning cases in Ardry were traced to a batch of undercooked rice.",
     "The food poisoning cases in Ardry", "a batch of undercooked rice"),
    ("Inspectors put the Vell mine collapse down to poor roof supports.",
     "the Vell mine collapse", "poor roof supports"),
    ("A frozen pump, not any act of sabotage, caused the Quill plant blackout.",
     "the Quill plant blackout", "A frozen pump"),
])
def test_a_cause_told_in_other_verbs(text: str, explained: str, reason: str) -> None:
    from divergence.judge.frames.reasons import reasons
    assert (explained, reason) in {(w.explained, w.reason) for w in reasons(text)}


def test_a_cause_ruled_out_inside_the_sentence_is_denied() -> None:
    """"A frozen pump, not any act of sabotage, caused the blackout": sabotage is ruled out."""
    from divergence.judge.frames.reasons import reasons
    got = {(w.reason, w.denied) for w in reasons(
        "A frozen pump, not any act of sabotage, caused the Quill plant blackout.")}
    assert got == {("A frozen pump", False), ("any act of sabotage", True)}


def test_two_causes_are_apart_though_each_says_where_in_one_word() -> None:
    """"guards firing pepper spray into the crowded terraces" / "a broken gate on the north
    terrace": only where they happened shares a word, so the two causes are two (this was the
    same cause given twice), while a shared word of what the cause is still makes one."""
    from divergence.judge.frames.reasons import linkage
    a = ("The stampede at Orvel arena was caused by guards firing pepper spray into the crowded "
         "terraces, witnesses told local radio.")
    b = "A broken gate on the north terrace caused the stampede at Orvel arena, the club said."
    r = linkage(pair(a, b, sim=0.7))
    assert r is not None and r.type == "linkage"
    c = ("A broken gate on the south terrace caused the stampede at Orvel arena, the arena's "
         "staff said.")
    assert linkage(pair(b, c, sim=0.8)) is None  # one cause: a broken gate


def test_two_causes_of_two_happenings_told_apart_by_place_or_day_are_no_conflict() -> None:
    """Two derailments, near Pennel and at Kastro, each with its cause: no dispute; the same
    derailment with two causes is one."""
    from divergence.judge.frames.reasons import linkage
    a = "The derailment near Pennel was caused by a cracked wheel, the operator said."
    b = "Vandals were to blame for the derailment at Kastro, police said."
    assert linkage(pair(a, b, sim=0.7)) is None
    c = "Vandals were to blame for the derailment near Pennel, police said."
    assert linkage(pair(a, c, sim=0.7)) is not None


def test_two_claims_each_with_its_own_reason_are_never_one_statement() -> None:
    """(2026-12-06) "Ice on the runway caused the jet to skid" / "it overran the strip because
    its brakes failed": whatever name and words they share, two reasons are two accounts (the
    judge's agreement is blocked); a reason shared in one word, or a bare report, is not."""
    from divergence.judge.frames.reasons import causes_apart
    a = claim_from_text("Ice on the runway caused the cargo jet to skid off the tarmac at Velm, "
                        "the operator said.", "a:0")
    b = claim_from_text("The cargo jet overran the runway at Velm because its brakes failed, the "
                        "pilots' union said.", "b:0")
    c = claim_from_text("The cargo jet skidded off the tarmac at Velm because of ice, officials "
                        "said.", "c:0")
    d = claim_from_text("The cargo jet skidded off the tarmac at Velm on Monday.", "d:0")
    assert causes_apart(a, b) and causes_apart(b, c)  # ice / the brakes
    assert not causes_apart(a, c)  # ice / ice: one reason
    assert not causes_apart(a, d) and not causes_apart(d, b)  # a bare report gives none


def test_the_judge_does_not_agree_two_accounts_that_each_give_a_reason() -> None:
    """One jet, one airport, two reasons told in the outlets' own voices: no agreement (before,
    the shared name and wording made them "the same statement"); the same reason in other words
    still agrees."""
    from divergence.judge.nli_judge import NLIJudge

    from .conftest import NeutralNLI

    a = claim_from_text("Ice on the runway caused the cargo jet to skid off the tarmac at Velm "
                        "airport.", "a:0")
    b = claim_from_text("The cargo jet skidded off the tarmac at Velm airport because the "
                        "pilot landed too fast.", "b:0")
    c = claim_from_text("The cargo jet skidded off the tarmac at Velm airport because of ice on "
                        "the runway.", "c:0")
    judge = NLIJudge(nli=NeutralNLI())
    assert judge.judge_pairs([a], [b], [0.85])[0].label != "agree"
    assert judge.judge_pairs([a], [c], [0.85])[0].label == "agree"


@pytest.mark.parametrize("text", [
    "The car was behind the truck when it crashed.",  # a place, not a cause
    "Most voters were behind the president's plan.",
    "Late goals sank the visitors.",  # sport, not a sinking
    "His comments ignited the crowd.",
    "The remarks were attributed to a senior official.",  # a source, not a cause
    "The army put the uprising down to restore order.",
])
def test_loose_verbs_of_causing_need_a_mishap(text: str) -> None:
    from divergence.judge.frames.reasons import reasons
    assert reasons(text) == ()


def test_a_place_named_in_the_cause_does_not_make_two_happenings() -> None:
    """"the blast at the hospital in Gaza" / "a rocket that misfired near Jabalia caused the
    blast at the hospital": Jabalia is where the cause was, not a second blast."""
    from divergence.judge.frames.reasons import linkage
    a = ("The blast at the al-Ahli hospital in Gaza was caused by an Israeli air strike, "
         "officials said.")
    b = "A rocket that misfired near Jabalia caused the blast at the hospital, the army said."
    assert linkage(pair(a, b, sim=0.6)) is not None


def test_a_participle_after_a_comma_ends_the_reason() -> None:
    from divergence.judge.frames.reasons import linkage, reasons
    got = reasons("The ministry blamed the refinery fire on a bomb left by the Red Dawn Front, "
                  "saying the plant itself was in good repair.")
    assert [w.reason for w in got] == ["a bomb left by the Red Dawn Front"]
    # so two causes that share no word but "plant" are two causes of one fire
    r = linkage(pair("Rust in a forty-year-old section of the plant caused the fire at the Kaves "
                     "refinery, the operator said.",
                     "The ministry blamed the refinery fire on a bomb left by the Red Dawn Front, "
                     "saying the plant itself was in good repair."))
    assert r is not None and r.type == "linkage"


@pytest.mark.parametrize(("text", "party", "did"), [
    # a negated part whose clause opens with the party, in wider words
    ("The Harl Front bore no responsibility for the kidnapping of two nurses.", "harl front",
     False),
    ("Osk's customs service has never operated or shielded the cigarette ring.", "osk", False),
    # a deed tied by a preposition, or done by the party told as the subject
    ("The kidnapping was carried out by a cell taking its orders directly from the Harl Front's "
     "leadership.", "harl front", True),
    ("The charity is a front for the Sons of Morva militia.", "sons morva", True),
    ("Dravian military intelligence planned and paid for the bombing of the depot.", "dravian",
     True),
])
def test_a_part_told_in_wider_words(text: str, party: str, did: bool) -> None:
    assert (party, did) in {(t.party, t.did) for t in ties(text)}


def test_a_negation_before_a_tie_denies_it() -> None:
    assert [(t.party, t.did) for t in ties("The riot was not organised by the Green Union.")] == [
        ("green union", False)]
    got = ties("The raid was not carried out by a cell taking its orders from the Harl Front.")
    assert [(t.party, t.did) for t in got] == [("harl front", False)]


def test_a_titled_speakers_we_is_his_country() -> None:
    r = involved(pair('"We have never armed the fighters at the ford," Dravian Defence Minister '
                      "Ola Brenn said.",
                      "The fighters who took the ford were armed and trained by Dravia, a UN "
                      "panel said.", 0.4))
    assert r is not None and "dravia" in r.detail


def test_two_deeds_in_one_country_are_two() -> None:
    # the only words the deeds share are a place's name
    assert involved(pair("Morvan hackers were behind last week's attack on the Estel tax "
                         "office's website, the agency said.",
                         "Morva played no part in Tuesday's power blackout in Estel, the grid "
                         "operator said.", 0.42)) is None


@pytest.mark.parametrize(("text", "bargain"), [
    ("The strikers went back to work after the board agreed to a pay rise.", True),
    ("The guns were handed over on condition that the fighters join the police.", True),
    ("The vote was secured by promising the party two ministries.", True),
    ("No promises of jobs were made in exchange for the handover, the negotiator said.", False),
    ("The loan was not conditional on any sale of state assets.", False),
    ("The union called off its strike without securing any promise of higher pay.", False),
    ("The pardon was a goodwill gesture with nothing expected in return.", False),
])
def test_terms_in_wider_words(text: str, bargain: bool) -> None:
    got = terms(text)
    assert got and {t.bargain for t in got} == {bargain}


def test_two_releases_of_other_sizes_in_words_are_two_deeds() -> None:
    assert bargained(pair("Kaves released 15 fishermen from Tarsk in exchange for two Kavesi "
                          "sailors, the ministry said.",
                          "The three Tarskan reporters freed by Kaves in March were let go "
                          "unconditionally, their paper said.", 0.49)) is None


@pytest.mark.parametrize(("text", "reason", "denied"), [
    ("The drills near Tarsk are not aimed at any neighbour.", "any neighbour", True),
    ("The levy was never meant to punish importers.", "punish importers", True),
    ("Bread prices rose as a direct consequence of the new flour tax.", "the new flour tax",
     False),
    ("The editor was fired in reprisal for the interview with the mayor.",
     "the interview with the mayor", False),
    ("Two ministers quit in protest at the budget cuts.", "the budget cuts", False),
])
def test_reasons_in_more_words(text: str, reason: str, denied: bool) -> None:
    from divergence.judge.frames.reasons import reasons
    assert (reason, denied) in {(w.reason, w.denied) for w in reasons(text)}


def test_a_link_denied_in_the_outlets_voice_meets_the_link_told() -> None:
    from divergence.judge.frames.reasons import linkage
    # neither claim names its voice: the denial is a position all the same
    r = linkage(pair("The subsidies played no role in Osk's new steel tariff.",
                     "Osk's new tariff on imported steel was prompted by the subsidies Kaves pays "
                     "its mills.", 0.55))
    assert r is not None and r.type == "linkage"


def test_a_dispute_of_these_frames_asks_its_own_question() -> None:
    from divergence.group.asking import question
    r = involved(pair("The sabotage of the cable was ordered by the Orlenian navy, officials "
                      "said.",
                      "Orlen had nothing to do with the sabotage of the cable, its envoy said."))
    assert r is not None and question([r], []) == "Who is behind it?"
    r = bargained(pair("Kaves freed the two pilots in return for Tarsk dropping its lawsuit, "
                       "diplomats said.",
                       "The pilots' release was unconditional, Kaves's foreign ministry said."))
    assert r is not None and question([r], []) == "Was anything given in return?"


def test_a_pronoun_with_no_speaker_ties_no_one() -> None:
    # "it" / "we" with no speaker to stand for: no tie, and no error
    r = involved(pair("We had nothing to do with the fire at the depot.",
                      "The fire at the depot was started by agents of Tarsk, police said."))
    assert r is None
    assert claim_ties(claim_from_text("It had nothing to do with the fire at the depot.")) == ()


@pytest.mark.parametrize("text", [
    "The prisoners were freed on Tuesday after the court agreed to hear their appeals.",
    "The truce took effect after both sides agreed to a UN plan.",
    "The rebels could release the nurses in exchange for food supplies.",
    "The militia is demanding an amnesty in return for its weapons.",
])
def test_a_bargain_only_in_time_or_only_offered_is_none(text: str) -> None:
    assert not any(t.bargain for t in terms(text))


@pytest.mark.parametrize("text", [
    "The government demanded the unconditional surrender of the rebels.",
    "The president offered unconditional support to the army.",
    "The release of the sailors was not unconditional, the lawyer said.",
])
def test_unconditional_in_other_roles_is_no_deed_for_nothing(text: str) -> None:
    assert not any(not t.bargain for t in terms(text))


def test_one_act_of_two_deeds_is_no_dispute_of_terms() -> None:
    assert bargained(pair("Kaves freed three Tarskan sailors in return for Tarsk dropping its "
                          "lawsuit, diplomats said.",
                          "Kaves's release of the jailed Tarskan journalist Ina Vell was a "
                          "goodwill gesture, Kavesi officials said.", 0.55)) is None
    # one number in both: one deed, however worded
    r = bargained(pair("Kaves's release of 200 protesters was a goodwill gesture with nothing "
                       "expected in return, the ministry said.",
                       "The 200 jailed demonstrators walked free only after opposition leaders "
                       "agreed to call off a strike, opposition sources said.", 0.5))
    assert r is not None


@pytest.mark.parametrize("text", [
    "The journalist killed in the Kaves blast worked for Tessary's state broadcaster.",
    "Tessary ordered an inquiry into the bombing of the Kaves depot.",
    "Tessary funded the rebuilding of the bridge destroyed in the attack.",
    "The attack might have been planned by Drovian agents, officials said.",
    "Investigators are examining whether the raid was ordered by Drovia.",
    "Karvenia has not paid the contractors who built the Kaves dam.",
])
def test_no_tie_where_the_party_did_something_else_or_maybe(text: str) -> None:
    assert ties(text) == ()


def test_parties_of_one_first_word_are_two() -> None:
    assert involved(pair("The bombing of the Kaves bus depot was ordered by the Red Harbour "
                         "Brigade, police said.",
                         "The Red Dawn Front had nothing to do with the bombing of the Kaves bus "
                         "depot, its spokesman said.", 0.6)) is None


def test_a_deed_on_another_day_or_told_with_both_sides_is_no_dispute() -> None:
    assert involved(pair("Monday's attack on the Kaves pipeline was ordered by Drovia's army, "
                         "officials said.",
                         "Drovia had nothing to do with Tuesday's attack on the Kaves pipeline, "
                         "its envoy said.", 0.6)) is None
    assert claim_ties(claim_from_text("Prosecutors allege the hackers work for Drovia's spy "
                                      "agency, a charge Drovia denies.")) == ()


def test_a_had_not_denial_of_a_strong_act() -> None:
    got = ties("Valdoria's government had not organised, financed or encouraged any of the "
               "protests in Hesk.")
    assert [(t.party, t.did) for t in got] == [("valdoria", False)]


@pytest.mark.parametrize(("text", "reason", "denied"), [
    ("The plant closed not only because of falling orders.", "falling orders", False),
    ("The curfew was not prompted by the protests but by safety concerns.", "the protests",
     True),
])
def test_negations_that_do_or_do_not_deny_a_reason(text: str, reason: str, denied: bool) -> None:
    from divergence.judge.frames.reasons import reasons
    assert (reason, denied) in {(w.reason, w.denied) for w in reasons(text)}


def test_what_a_denier_says_after_saying_is_his_own() -> None:
    from divergence.judge.frames.reasons import claim_reasons
    got = claim_reasons(claim_from_text("The ministry denied that the fire was caused by a gas "
                                        "leak, saying it was started because of faulty "
                                        "wiring."))
    assert {(w.reason, w.denied) for w in got} >= {("faulty wiring", False)}


def test_a_tie_told_before_its_party_keeps_the_deed_before_it() -> None:
    """A blind review of 0fc1c9a: with the patterns compiled lazily, ``m.re is _TIED_BY`` was
    never true, so "planned by men in the pay of Quellan, a prosecutor said" took what follows
    the party (", a prosecutor said") as the deed, and a denial of a role in another bombing
    became a conflict."""
    found = ties("The Teskar bombing was planned by men in the pay of Quellan, a prosecutor "
                 "said.")
    assert [t.deed for t in found if t.party == "quellan"] == [
        "The Teskar bombing was planned by men "]
    assert involved(pair("The Teskar bombing was planned by men in the pay of Quellan, a "
                         "prosecutor said.",
                         "Quellan had no role in the Orvell bombing, its minister said.")) is None
