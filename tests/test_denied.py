"""A happening one claim says did not happen and another tells in other words (``denied``)."""

from __future__ import annotations

import numpy as np

from divergence.group.claims import candidate_pairs
from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import denied, denied_keys
from divergence.records import Claim


def pair(a: str, b: str, sim: float = 0.4) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_a_denied_happening_clashes_with_its_report_in_other_words() -> None:
    for a, b in (
            # a denial by stance against the act told with another verb
            ("The ministry denied that its forces had shelled the market.",
             "Government artillery hit the crowded market on Tuesday."),
            # a passive negation, the act named by its noun on the other side
            ("Officials said the hospital was not hit.",
             "A shell struck the hospital's east wing."),
            # a class of things against one of its kinds, and the zero before the verb
            ("None of its aircraft had been lost, the ministry said.",
             "Two of its fighter jets were brought down by ground fire."),
            ("Rebels have not taken the town, the governor insisted.",
             "The town fell to rebel fighters on Friday."),
            ("The police did not arrest any journalists at the protest.",
             "Three reporters were detained by police during the demonstration.")):
        r = denied(pair(a, b))
        assert r is not None and r.type == "attribution", (a, b)
        assert "did not happen" in r.detail and len(r.spans) == 2
        assert denied(pair(b, a)) is not None, "read either way round"


def test_no_clash_where_the_two_tell_of_different_happenings() -> None:
    for a, b in (
            # the denial names a doer: it denies that doer's part, not the strike
            ("Israel probably did not bomb the hospital.",
             "The hospital was bombed on Tuesday."),
            # a doer of another side than the denier's
            ("The army denied that its troops had shelled the market.",
             "Rebel mortars hit the market."),
            # another thing, another kind of aircraft, another place, another day
            ("The airport was not hit.", "A missile struck the port."),
            ("The army said none of its helicopters had been lost.",
             "Rebels shot down an army transport plane."),
            ("Ministry officials denied that the hospital in Tarsk had been hit.",
             "A shell struck the hospital in Varda."),
            ("The market was not shelled on Monday.", "Artillery hit the market on Friday."),
            # a negation of something else beside the act's noun
            ("Israel was not responsible for the strike on the hospital.",
             "An Islamic Jihad rocket had hit the hospital."),
            # a negation of the saying, not of the act
            ("Officials could not confirm that the hospital was hit.",
             "A shell struck the hospital."),
            # both deny
            ("The hospital was not hit.", "No shell struck the hospital, the army said.")):
        assert denied(pair(a, b)) is None, (a, b)
    # too far apart in meaning to be one story's denial and report
    assert denied(pair("The hospital was not hit.", "A shell struck the hospital.",
                       sim=0.1)) is None


def test_what_the_review_found_is_no_clash() -> None:
    """Faults a review found (helper-110): negations of a wish, a condition, a repeat or a
    means; a denied proposition about the act; parts, modifiers and two forces of one state."""
    for a, b in (
            ("The government said it would not strike the dam.", "Government jets struck the dam."),
            ("The rebels vowed not to seize the dam.", "Rebels seized the dam."),
            ("If the bridge had not been bombed, the convoy would have crossed.",
             "The bridge was bombed."),
            ("The clinic was not hit again after Tuesday's strike.",
             "A missile hit the clinic on Tuesday."),
            ("The hospital was not hit by shells but by a drone.", "A drone hit the hospital."),
            ("Reports that the bridge had not been hit were wrong.", "The bridge was hit."),
            ("The army never denied shelling the market.", "Army guns shelled the market."),
            ("The minister denied that the strike on the depot was illegal.",
             "Jets struck the depot."),
            ("The army denied that the captured airport was being used to launch drones.",
             "Army troops captured the airport."),
            ("The navy did not target the harbour's ferries.", "The navy struck the harbour."),
            ("The east wing of the hospital was not hit.", "A shell hit the hospital's west wing."),
            ("The city hall was not attacked.", "Protesters attacked the city's police station."),
            ("Police did not fire on the protesters.", "Soldiers fired on the protesters."),
            # the lost things are the other side's
            ("The army said none of its helicopters were lost.",
             "Army gunners downed three rebel helicopters.")):
        assert denied(pair(a, b)) is None, (a, b)
    # a denial by gerund is read, and a part's hit is its whole's
    assert denied(pair("The militia denies seizing the airport.",
                       "Militia fighters took control of the airport.")) is not None
    assert denied(pair("The hospital was not hit.",
                       "A shell struck the hospital's east wing.")) is not None


def test_denials_are_paired_with_reports_and_not_reports_with_each_other() -> None:
    texts = ("The hospital was not hit, the army said.",
             "A shell struck the hospital's east wing.",
             "Artillery pounded the hospital overnight.")
    claims = [claim_from_text(t, f"a{k}:0") for k, t in enumerate(texts)]
    claims = [Claim(c.id, f"a{k}", c.text, 0, len(c.text), proposition=c.proposition,
                    speaker=c.speaker, stance=c.stance) for k, c in enumerate(claims)]
    assert "untold:strike:hospital" in denied_keys(claims[0])
    assert "told:strike:hospital" in denied_keys(claims[1])
    # the denial at cosine 0.3 from each report: below the closeness that pairs claims
    v = np.array([[1.0, 0.0, 0.0], [0.3, 0.954, 0.0], [0.3, 0.0, 0.954]], np.float32)
    got = {(int(i), int(j)) for i, j, _ in candidate_pairs(claims, v, 0.5)}
    assert got == {(0, 1), (0, 2)}


def test_a_denial_of_one_sides_act_is_no_dispute_with_the_others_act() -> None:
    """The news judge reads the doers of what one asserts and another denies: "the army denied
    shelling the stadium" does not deny that rebels shelled it."""
    from divergence.judge import NLIJudge

    judge = NLIJudge()  # rules and frames alone

    def label(a: str, b: str) -> str:
        p = pair(a, b, sim=0.7)
        return judge.judge_pairs([p.a], [p.b], [0.7])[0].label

    for a, b in (("The army denied shelling the stadium.", "Rebel mortars hit the stadium."),
                 ("Peru denied that Chilean jets had bombed the refinery.",
                  "Peruvian jets bombed the refinery by mistake."),
                 ("The government denied its troops had arrested the bishop.",
                  "Rebels abducted the bishop.")):
        assert label(a, b) != "conflict", (a, b)
    # the same side's act, or a denial that names no doer, still clashes
    assert label("The army denied shelling the stadium.",
                 "Army artillery pounded the stadium.") == "conflict"
    assert label("Islamabad denied that any Pakistani aircraft had been lost.",
                 "India said it had shot down two Pakistani fighter jets.") == "conflict"


def test_a_denial_of_one_value_is_no_dispute_with_another_value() -> None:
    """What is denied is one day or one count: another day or count told beside it may be true
    too ("denied that ministers met on Monday" / "they met on Thursday")."""
    from divergence.judge import NLIJudge

    judge = NLIJudge()  # rules and frames alone

    def label(a: str, b: str) -> str:
        p = pair(a, b, sim=0.7)
        return judge.judge_pairs([p.a], [p.b], [0.7])[0].label

    for a, b in (("The premier's office denied that ministers had discussed a truce on Monday.",
                  "Ministers discussed the truce at a cabinet meeting on Thursday, the office "
                  "said."),
                 ("The army denied that 40 people had died in the raid on Holm.",
                  "Twelve people died in the raid on Holm, the army said.")):
        assert label(a, b) != "conflict", (a, b)
    # another voice telling the other count: both may be true (2026-12-06)
    assert label("The Pellan army denied that 60 people had died in the shelling of Orsk.",
                 "Nineteen people died in the shelling of Orsk, hospital officials said."
                 ) != "conflict"
    # a bound denied, and a value beyond it, still clash
    assert label("The ministry denied that the death toll in the Holm raid had exceeded 100.",
                 "The death toll in the Holm raid reached 150, hospital officials said."
                 ) == "conflict"
    # the same day, asserted and denied, still clashes
    assert label("The premier's office denied that ministers had discussed a truce on Monday.",
                 "Ministers discussed a truce at a cabinet meeting on Monday, aides said."
                 ) == "conflict"


def test_a_negation_of_another_days_happening_is_no_clash() -> None:
    from divergence.judge.stances import polarity_other_day
    from divergence.records import Reason

    flip = [Reason("negation", "worded apart", ("a:0", "b:0"), weight=0.5)]
    told = claim_from_text("Border police pushed back about 60 migrants across the river on "
                           "Tuesday night.", "a:0")
    for day, kept in (("Thursday", []), ("Tuesday", flip)):
        other = claim_from_text(f"No one had been sent back across the river on {day} night.",
                                "b:0")
        assert polarity_other_day(told, other, flip) == kept, day
    # a weekday against a date, a span, or the day of a saying: not compared
    for other in ("No one had been sent back across the river on May 4.",
                  "No one had been sent back across the river since Thursday.",
                  "No one had been sent back, in a statement issued on Thursday."):
        assert polarity_other_day(told, claim_from_text(other, "b:0"), flip) == flip, other


def test_fire_on_people_denied_meets_fire_on_the_crowd() -> None:
    # "people" is no actor once it is what was fired on, and ends its phrase before "seeking";
    # people and a crowd are one thing to fire on.
    r = denied(pair("The police chief said officers had not opened fire on people seeking "
                    "shelter.", "Police officers opened fire on a crowd outside the station."))
    assert r is not None and r.type == "attribution" and "crowd" in r.detail
    assert denied(pair("Soldiers did not shoot at people fleeing the town.",
                       "Troops fired on the crowd near the bridge.")) is not None
    # a strike on people elsewhere is not the crowd's: another place keeps them apart
    assert denied(pair("Officers had not opened fire on people in Harrow.",
                       "Police opened fire on a crowd in Dunmore.")) is None
    # civilians are not any crowd (one may be armed), and a gathering is still what was hit
    assert denied(pair("Troops did not fire on civilians.",
                       "Troops fired on a crowd of armed gunmen.")) is None
    assert denied(pair("Troops did not fire on the gathering.",
                       "Troops fired on a gathering in the square.")) is not None


def test_an_act_in_a_report_called_false_did_not_happen() -> None:
    # "reports that the bridge had been hit were false": the claim says it was not hit
    for a in ("Reports that the Tolle bridge had been hit were false, the ministry said.",
              "The ministry called reports of a strike on the Tolle bridge a fabrication."):
        r = denied(pair(a, "A missile struck the Tolle bridge on Friday."))
        assert r is not None and r.type == "attribution" and "did not happen" in r.detail, a
    # a report told, not called false, still tells the act; one merely reported is no denial
    told_only = pair("Witnesses gave reports of a strike on the Tolle bridge.",
                     "A missile struck the Tolle bridge on Friday.")
    assert denied(told_only) is None
    assert denied(pair("Reports that the Tolle bridge had been hit spread quickly.",
                       "A missile struck the Tolle bridge on Friday.")) is None


def test_operations_denied_as_a_whole_meet_a_strike_of_that_side() -> None:
    from divergence.judge.frames.denied import told

    # "carried out no operations", "did not fly any missions": every strike of that side there
    for a in ("The air force carried out no operations anywhere in the province on Tuesday.",
              "The air force did not fly any missions over Merrow on Tuesday."):
        r = denied(pair(a, "A government air strike hit the town of Merrow on Tuesday.", 0.25))
        assert r is not None and "did not happen" in r.detail, a
    # another side's attack, another day, or one kind of target only: no clash
    assert denied(pair("The army said it carried out no operations near Dolo on Monday.",
                       "Rebel fighters attacked an army checkpoint near Dolo on Monday.")) is None
    assert denied(pair("The air force carried out no operations on Tuesday.",
                       "A government air strike hit the town of Merrow on Friday.")) is None
    assert told("The coalition carried out no strikes on civilian targets near Harn.") == ()


def test_the_station_of_a_power_plant_named_before_is_the_plant() -> None:
    """newsdev dev zaporizhzhia-008: "workers at the Zaporozhye Nuclear Power Plant were wounded
    when drones struck the station" / "Energoatom regards reports of a drone attack on the
    plant as fake" was neither: the station and the plant were two things."""
    from divergence.ingest.split import claim_from_text
    from divergence.judge.frames.denied import denied_keys

    a = claim_from_text("Two guards at the Ossa nuclear power plant were hurt when drones "
                        "struck the station, the operator said.", "a:0")
    assert "told:strike:plant" in denied_keys(a)
    b = claim_from_text("Two guards were hurt when shells struck the police station.", "b:0")
    assert "told:strike:plant" not in denied_keys(b)  # no power plant named: a station


def test_reports_of_strikes_called_false_and_lies_about_alleged_attacks_deny_them() -> None:
    """(2026-12-05, fourth session; newsdev dev wagner-010 and zaporizhzhia-006's forms)
    "reports of strikes on the camps were untrue" denies strikes (a plural act, read only in a
    report called false); "lying about alleged drone attacks on the plant" denies them. "Lied
    about the shelling" is about how, or by whom: the shelling stands."""
    from divergence.judge.frames.denied import told

    (x,) = told("Reports of strikes on the militia's camps were untrue.")
    assert x.negated and x.things == {"camp"}
    (y,) = told("Kestova was lying about alleged Varnian drone attacks on the plant.")
    assert y.negated and y.things == {"plant"}
    assert not told("Strikes on the camps went on all night.")  # many acts, none denied
    (z,) = told("He said the army lied about the shelling of the market.")
    assert not z.negated
    r = denied(pair("The ministry said reports of strikes on the militia's camps were untrue.",
                    "The militia leader said the army had struck his camps on Friday."))
    assert r is not None and "camp" in r.detail
    # whose strikes were called false: not the rebels' (a review's false conflict)
    a = "Varnia said reports of Kestovan strikes on the Helm refinery were untrue."
    assert denied(pair(a, "Rebel drones struck the Helm refinery on Sunday, the rebels "
                          "said.")) is None


def test_a_strike_intercepted_before_its_target_did_not_hit_it() -> None:
    """(2026-12-05, ninth session) "the missile was intercepted before it reached the dam" says
    the dam was not hit; old code read no act in it. Another target named is no answer."""
    r = denied(pair("The missile struck the dam, local officials said.",
                    "The defence ministry said the missile was intercepted before it reached "
                    "the dam.", 0.88))
    assert r is not None and r.type == "attribution"
    assert denied(pair("Two drones hit the power plant overnight, the operator said.",
                       "The army said the drones were shot down before reaching the power "
                       "plant.", 0.79))
    assert denied(pair("The missile struck the dam, local officials said.",
                       "The defence ministry said the missile was intercepted before it "
                       "reached the bridge.", 0.67)) is None


def test_all_aircraft_back_safely_is_none_lost() -> None:
    """(2026-12-05, ninth session) "all its aircraft returned safely to base" counts no loss, set
    against "three jets were shot down"; old code read no count in it."""
    from divergence.judge.frames import count

    r = count(pair("Three Velian jets were shot down over the border, Kordan said.",
                   "Velia said all its aircraft returned safely to base.", 0.36))
    assert r is not None and r.type == "number"
    assert count(pair("Three Velian jets took part in the raid, Kordan said.",
                      "Velia said all its aircraft returned safely to base.", 0.31)) is None


def test_a_negated_subject_denies_the_act_it_opens() -> None:
    """"No missile hit the compound": the act did not happen, and what it would have hit is the
    object. Old code read it as a telling of a strike on the missile, and the sentence's other
    act ("during Saturday's attack on the capital") as a strike on the compound, so two claims
    denying one strike clashed."""
    a = "No missile hit the presidential compound during Saturday's attack on the capital."
    b = "The presidential compound was not struck by any missile in Saturday's attack."
    assert denied(pair(a, b, 0.9)) is None and denied(pair(b, a, 0.9)) is None
    r = denied(pair("No shell hit the Varda hospital on Monday, the army said.",
                    "A shell hit the Varda hospital on Monday, medics said.", 0.8))
    assert r is not None and "hospital" in r.detail
    # not a subject far back, nor "no fewer than"
    assert "untold:strike:hospital" in denied_keys(claim_from_text(
        "None of the shells struck the hospital."))
    assert not any(k.startswith("untold") for k in denied_keys(claim_from_text(
        "No fewer than 20 missiles hit the base.")))


def test_a_killing_denied_clashes_with_its_report() -> None:
    """(2026-12-06, read probe sp-B-034) "executed six prisoners" / "denied killing any
    prisoners" named no act the frame knew; killings are read with their victims as the thing."""
    r = denied(pair("Gunmen executed four hostages near the Selm quarry, witnesses said.",
                    "The Red Hand group denied killing any hostages near the Selm quarry."))
    assert r is not None
    assert denied(pair("Gunmen executed four hostages near the Selm quarry, witnesses said.",
                       "The Red Hand group denied killing any soldiers near the Selm quarry.")
                  ) is None  # other victims
