"""Meaning-level frames: counts, times and credit compared across wordings; the news judge."""

from __future__ import annotations

import numpy as np
import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge import NLIJudge
from divergence.judge.detectors import Pair, attribution
from divergence.judge.frames import (
    count,
    counts,
    frame_credits,
    frame_keys,
    happenings,
    responsibility,
    same_value,
    times,
    when,
)
from divergence.judge.nli_judge import at_a_distance
from divergence.records import Judgement, Reason


def pair(a: str, b: str, sim: float = 0.6) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


# ---------------------------------------------------------------- what numbers count


def test_counts_read_the_thing_counted_from_verbs_and_nouns() -> None:
    (x,) = counts("The blast killed 12 people in Karachi on Monday.")
    (y,) = counts("Officials said 31 people died in the Karachi explosion.")
    assert (x.kind, x.head, x.lo, x.hi) == ("deaths", "person", 12, 12)
    assert (y.kind, y.head) == ("deaths", "person")


def test_policemen_are_police_and_a_single_boat_is_a_boat() -> None:
    """(2026-12-04 late night, read probes n024 and n048) "seven police officers" / "four
    policemen" were two heads, and "a single fishing boat" counted "fishing": each pair was
    agreed on the names it shares."""
    (x,) = counts("The Tarnish navy seized a single fishing boat on Thursday.")
    assert (x.head, x.lo) == ("ship", 1)
    assert [c.head for c in counts("One soldier was killed in the attack.")] == ["soldier"]
    a, b = ("The attack on the Norvick checkpoint killed 12 soldiers and seven police officers.",
            "Twelve soldiers and four policemen were killed in the attack on the checkpoint.")
    assert {c.head for c in counts(b)} == {"soldier", "police"}
    j = NLIJudge(nli=FakeNLI({}))
    assert judged(j, a, b, 0.9) == "conflict"
    assert judged(j, "Three fishing boats were seized by the Tarnish navy on Thursday.",
                  "The Tarnish navy seized a single fishing boat on Thursday.", 0.85) == "conflict"


def test_close_claims_counting_one_noun_apart_are_one_act() -> None:
    """(2026-12-04 late night, read probes n007, n034, n081, n084) "a train carrying 312
    passengers derailed" / "the train that derailed had about 150 passengers aboard" share no
    word around the numbers, so the bare counts were not read as one act, and the pair agreed
    on its names. From ``ONE_ACT_SIM`` the closeness of the two claims stands for the word."""
    from divergence.judge.frames.aligned import ONE_ACT_SIM, values_apart

    a = "The train, carrying 312 passengers, derailed outside Amberlo on Sunday morning."
    b = "The train that derailed near Amberlo on Sunday had about 150 passengers aboard."
    assert values_apart(pair(a, b, ONE_ACT_SIM)) is not None
    assert values_apart(pair(a, b, ONE_ACT_SIM - 0.1)) is None  # less close: the words decide
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.84) == "conflict"
    # close, but not one act by its words, and under the bar: "three boats capsized" / "six
    # boats were sent to the rescue" stay apart
    assert values_apart(pair("Three boats capsized off Kell on Friday.",
                             "Six boats were sent to the rescue off Kell on Friday.", 0.7)) is None


def test_counts_of_aircraft_lost_include_none_and_of_its() -> None:
    (z,) = counts("The army said none of its aircraft were lost.")
    (two,) = counts("Two of the army's jets were shot down.")
    assert (z.kind, z.head, z.hi) == ("losses", "aircraft", 0)
    assert (two.kind, two.head, two.lo) == ("losses", "aircraft", 2)


@pytest.mark.parametrize(("text", "head"), [
    ("The convoy of 38 aid trucks reached the coast.", "truck"),
    ("Iran fired 100 ballistic missiles.", "missile"),
    ("The salvo held 160 suicide drones.", "aircraft"),
    ("Some 1,000 Ukrainian troops crossed the border.", "soldier"),
    ("The strike wounded five Thai soldiers.", "soldier"),
    ("He said 12 kilometers of front had moved.", "kilometer"),
    ("The 30 trucks in the convoy were looted.", "truck"),
])
def test_counts_read_the_noun_past_its_modifier(text: str, head: str) -> None:
    assert [c.head for c in counts(text)] == [head]


@pytest.mark.parametrize("text", [
    "The strike killed 30 people, officials said.",
    "The flood killed 30 people across villages.",
    "The raid killed 30 people inside classrooms.",
])
def test_counts_of_people_stay_people_whatever_follows(text: str) -> None:
    assert [(c.kind, c.head) for c in counts(text)] == [("deaths", "person")]


def test_count_conflict_between_counts_of_modified_nouns() -> None:
    r = count(pair("The airstrike hit a convoy of 30 trucks in Gaza City.",
                   "The airstrike hit 38 aid trucks in Gaza City.", 0.55))
    assert r is not None and "30" in r.detail and "38" in r.detail


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("The toll looked like several dozen.", 24, 96),
    ("It put the toll at no fewer than 500.", 500, float("inf")),
    ("Estimates of the death toll are in the 100-to-300 range.", 100, 300),
    ("Some 500 people are thought to have died.", 425, 575),
    ("At least 47 people were killed in the blast.", 47, 47),  # a tally so far
    ("More than a dozen people were hurt.", 12, float("inf")),  # a vague bound stays one
    ("More than 25 people were hurt.", 25, float("inf")),  # "more than" excludes 25 itself
    ("Temperatures of at least 35 degrees were recorded.", 35, float("inf")),  # not a toll
])
def test_counts_keep_bounds_ranges_and_vague_numbers(text: str, lo: float, hi: float) -> None:
    (x,) = counts(text)
    assert (x.lo, x.hi) == (pytest.approx(lo), pytest.approx(hi))


def test_two_tallies_of_one_toll_conflict() -> None:
    """(2026-12-06, dev thailand-cambodia-truce-2025-07-012) "35 or more dead" / "no fewer than
    33 killed" read as two bounds that meet; a bound on a figure that is not round is the tally
    so far, and two tallies of one toll differ."""
    j = NLIJudge(nli=FakeNLI({}))
    assert judged(j, "The toll from the Orvan border clashes stands at 43 or more dead.",
                  "The number of people killed in the Orvan border clashes is no fewer than 37.",
                  0.75) == "conflict"
    assert judged(j, "The toll from the Orvan border clashes stands at more than 400 dead.",
                  "The number of people killed in the Orvan border clashes is 437.",
                  0.75) != "conflict"


def test_count_conflict_across_wordings_and_bounds_that_meet() -> None:
    r = count(pair("The blast killed 12 people in Karachi on Monday.",
                   "Officials said 31 people died in the Karachi explosion on Monday.", 0.75))
    assert r is not None and r.type == "number" and "12" in r.detail and "31" in r.detail
    assert r.spans[0].text.startswith("12") and r.spans[1].text.startswith("31")
    assert count(pair("At least 30 people were killed in the blast.",
                      "The blast killed 31 people.", 0.8)) is None  # 31 is at least 30


def test_everyone_safe_and_no_bloodshed_are_zeros_against_a_toll() -> None:
    """Old code: "rescued everyone" counted nothing and "drowned" was no death; "17 inmates"
    was no kind of the "person" that "without bloodshed" zeroes."""
    r = count(pair("The coast guard said it had rescued everyone on board the sinking dinghy.",
                   "At least twelve people from the dinghy drowned before rescuers arrived.", 0.6))
    assert r is not None and "rescued everyone" in r.detail and "twelve" in r.detail
    r = count(pair("The government insisted that the prison riot in Harn had been quelled "
                   "without bloodshed.", "At least 17 inmates died when guards stormed the Harn "
                   "prison to end the uprising.", 0.57))
    assert r is not None and "17 inmates" in r.detail
    assert count(pair("All 12 hostages were freed from the bus.",  # freed is not safe from harm
                      "Two hostages died on the bus.", 0.6)) is None
    assert count(pair("All 43 crew members of the fleet were accounted for on Sunday.",
                      "Eight fishermen from the fleet were missing on Monday.", 0.6)) is None


def test_count_ignores_other_days_other_actors_and_totals() -> None:
    assert count(pair("Five people died in the blast on Monday.",
                      "Nine people died in the blast on Tuesday.", 0.8)) is None
    assert count(pair("The war has killed 46,000 people in total.",
                      "The strike killed 12 people.", 0.5)) is None
    # a total over a stretch of time is a total too: against another, it compares
    assert count(pair("Over the past three days the militia killed 40 villagers in Tarsa.",
                      "The militia killed eight villagers in Tarsa on Monday.", 0.6)) is None
    r = count(pair("The militia had executed more than 2,000 villagers in Tarsa since Sunday.",
                   "The militia killed nearly 1,500 villagers in Tarsa over the previous three "
                   "days.", 0.6))
    assert r is not None and "2,000" in r.detail and "1,500" in r.detail


def test_counts_of_what_happened_in_places_apart_are_no_count_conflict() -> None:
    """The dead in each of two countries, the drones each side sent at the other: two counts."""
    assert count(pair("At least 400 people have been killed by Varnian strikes in Iran.",
                      "Officials put the number killed by the retaliatory attacks in Israel at "
                      "24.", 0.75)) is None
    assert count(pair("Russia fired 96 drones at Ukraine overnight.",
                      "Ukraine sent 90 drones towards Russia overnight.", 0.8)) is None
    r = count(pair("The blast killed 12 people in Karachi on Monday.",
                   "Officials said 31 people died in the explosion in Karachi on Monday.", 0.75))
    assert r is not None and "12" in r.detail and "31" in r.detail
    # a city is where a briefing was as often as where the dead were: still one count
    r = count(pair("In Geneva, the WHO put the death toll from the floods at 40.",
                   "The floods in Derna killed 11 people.", 0.75))
    assert r is not None and "40" in r.detail


def test_a_days_toll_against_a_running_total_is_no_count_conflict() -> None:
    """Old code compared any two counts over a scope, whatever the stretch: "40 killed in the
    past 24 hours" against "3,100 killed since the war began" was a conflict of deaths, and so
    was the last three days' toll against the one since a siege began (newsdev dev El-Fasher)."""
    from divergence.judge.frames.scope import period

    assert count(pair("Strikes killed 40 people in Varn in the past 24 hours, the health "
                      "ministry said.", "The health ministry says 3,100 people have been killed "
                      "in Varn since the war began.", 0.5)) is None
    assert count(pair("The militia had killed at least 1,500 people in Tarsa in the previous "
                      "three days.", "More than 14,000 people have died in Tarsa since the "
                      "militia's siege began in May 2024.", 0.7)) is None
    r = count(pair("Strikes killed 40 people in Varn in the past 24 hours.",  # one stretch
                   "Strikes killed 25 people in Varn in the past 24 hours.", 0.9))
    assert r is not None and "40" in r.detail and "25" in r.detail
    assert [period(t) for t in ("killed 12 overnight", "since Sunday", "so far this year",
                                "since October 2023", "since the start of the war",
                                "killed 40 in the past day and 3,000 since the war began",
                                "in the attack on Monday")] == [
        "recent", "recent", "long", "long", "long", None, None]


def test_a_comparison_since_and_one_attacks_total_are_no_running_scope() -> None:
    """Old code read any "since" or "total" as a running total and compared it with nothing:
    "its biggest wave of strikes since the truce, killing at least 11" is one day's toll, and
    "a total of 139 were killed in the attack" that attack's (newsdev dev crocus-016)."""
    from divergence.judge.frames.scope import scoped

    assert not scoped("The army launched its heaviest shelling since the truce, killing 11.")
    assert not scoped("A total of 139 people were killed in the attack on the concert hall.")
    assert scoped("Since the war began, 40,000 people have been killed.")
    assert scoped("A total of 40,000 people have been killed in the war since October.")
    assert scoped("A total of 300 people were killed in the three attacks.")
    assert scoped("The army has launched scores of air strikes on Varn, killing 3,000.")
    r = count(pair("The toll from the Marlow hall attack stands at no fewer than 143 dead.",
                   "A total of 139 people were killed in the attack on Marlow hall.", 0.5))
    assert r is not None and "143" in r.detail and "139" in r.detail
    r = count(pair("The army launched its biggest wave of strikes on Varn since the truce, "
                   "killing at least 11 people on Monday.",
                   "Monday's strikes on Varn killed 10 people.", 0.6))
    assert r is not None and "11" in r.detail and "10" in r.detail
    assert count(pair("Since the war began, 4,000 people have been killed in Varn.",
                      "The strike on Varn killed 12 people.", 0.5)) is None


def test_custody_hospital_and_crowds_are_counted_in_other_words() -> None:
    """Old code counted nothing in "in custody" or "rounded up", had "20,000 marched" count
    marchers against "5,000 people took part", and "hospitalised" told no harm."""
    assert [(c.kind, c.head) for c in counts("Eight suspects are in custody.")] == [
        ("arrests", "person")]
    assert [(c.kind, c.head) for c in counts("Police rounded up 45 protesters.")] == [
        ("arrests", "protester")]
    r = count(pair("Eight suspects are in custody over the Dunmore bombing.",
                   "Eleven people have been detained over the Dunmore bombing.", 0.6))
    assert r is not None and "Eight" in r.detail
    r = count(pair("The attack on the convoy took the lives of nine aid workers.",
                   "Fourteen aid workers were slain in the convoy attack.", 0.8))
    assert r is not None and "nine" in r.detail and "Fourteen" in r.detail
    # in hospital: at least so many hurt, and a count of the treated itself
    got = {(c.kind, c.lo, c.hi) for c in counts("Twenty people were hospitalised.")}
    assert got == {("treated", 20.0, 20.0), ("injuries", 20.0, float("inf"))}
    assert count(pair("Twenty people were hospitalised after the Tarsa blast.",
                      "The Tarsa blast injured six people.", 0.6)) is not None
    assert count(pair("The Tarsa strike left 14 people needing hospital treatment.",
                      "Thirty people were wounded in the Tarsa strike.", 0.6)) is None
    assert count(pair("Thirty people were taken to hospital after the gas leak.",
                      "The gas leak sent eight people to hospital.", 0.7)) is not None
    # a crowd is people, whatever they are called and however they came
    r = count(pair("Police said about 5,000 people took part in the march in Aldmoor.",
                   "Organisers said 20,000 marched through Aldmoor.", 0.5))
    assert r is not None and "5,000" in r.detail and "20,000" in r.detail
    assert [(c.kind, c.head) for c in counts("Delegates from 40 countries took part in the "
                                             "talks.")] == [("count", "country")]


def test_a_total_of_several_kinds_holds_its_parts() -> None:
    """Counts the precision audit of 2026-12-04 found set against each other wrongly: a total
    of several kinds against one kind, and a count of civilians' wounded against everyone's."""
    for a, b in (("Iran fired 170 attack drones, 120 ballistic missiles and 30 cruise missiles "
                  "at Israel on Saturday night.",
                  "Iran fired more than 300 attack drones and missiles at Israel overnight."),
                 ("The region confirmed 200 dead and more than 400 wounded.",
                  "At least seven civilians were killed and 35 injured in the operation.")):
        assert count(pair(a, b, 0.7)) is None, (a, b)
    # a part larger than the total, and one kind beside one kind, still clash
    assert count(pair("Rebels fired 40 rockets and mortars at the town.",
                      "Rebels fired 60 rockets at the town.", 0.7)) is not None
    r = count(pair("Iran fired more than 300 missiles and drones, among them 100 ballistic "
                   "missiles.", "Iran fired 120 ballistic missiles, the army said.", 0.6))
    assert r is not None and "100" in r.detail and "120" in r.detail


def test_two_sorts_of_one_weapon_are_two_parts_of_a_salvo() -> None:
    """From the dev conflict audit (2026-12-04 evening): "100 ballistic missiles" against "30
    cruise missiles" was flagged as one count told two ways."""
    a = "The salvo included 100 ballistic missiles fired at the air base, the army said."
    assert count(pair(a, "The salvo included 30 cruise missiles fired at the air base.",
                      0.8)) is None
    # one sort in two words, or the same sort, still clash
    r = count(pair("The militia launched 170 attack drones at the port overnight.",
                   "The militia launched 160 suicide drones at the port overnight.", 0.8))
    assert r is not None and "170" in r.detail
    assert count(pair(a, "The salvo included 120 ballistic missiles fired at the air base.", 0.8))


def test_how_long_a_siege_or_war_lasted_in_other_units() -> None:
    r = count(pair("The siege that preceded its fall had lasted more than 18 months.",
                   "After a 17-month siege, the fighters captured the city on Sunday.", 0.35))
    assert r is not None and "18 months" in r.detail and "17-month" in r.detail
    assert count(pair("Israel accepted the truce after more than 14 months of fighting.",
                      "The ceasefire ends 13 months of fighting.", 0.6)) is not None
    # a year is 12 months: no clash; a bound that meets, no clash; a truce's length is no war's
    assert count(pair("The siege lasted two years.", "The 24-month siege ended.", 0.6)) is None
    assert count(pair("The war has lasted almost two weeks.", "The 12-day war ended.", 0.6)) is None
    assert count(pair("Putin declared a 30-hour truce in the war.",
                      "Kyiv proposed a 30-day truce to end the war.", 0.6)) is None
    # review findings: spans that are not how long the war lasted
    assert count(pair("Israel and Hezbollah agreed to a 60-day truce to end the war.",
                      "After 14 months of fighting, the ceasefire took effect.", 0.67)) is None
    assert count(pair("The war began three years ago.",
                      "The war has lasted 14 months.", 0.6)) is None


# ---------------------------------------------------------------- times


def test_times_read_clock_words() -> None:
    (t,) = times("The guns fell silent half an hour before midnight.")
    assert (t.kind, t.value) == ("time", "23:30")
    (n,) = times("The truce began at noon.")
    assert n.value == "12:00"


def test_same_happening_other_time_is_a_date_conflict_same_time_agrees() -> None:
    p = pair("The pause in fighting began at 14:00 local time.", "The guns fell silent from 6 pm.",
             0.33)
    assert "ceasefire" in happenings(p.a.content) & happenings(p.b.content)
    r = when(p)
    assert r is not None and r.type == "date" and "14:00" in r.detail
    q = pair("Both sides would stop firing from 17:00.", "The truce took effect at 5 pm.", 0.46)
    assert when(q) is None
    s = same_value(q)
    assert s is not None and s.type == "same-value"


def test_a_stated_offset_explains_two_times_and_no_more() -> None:
    """Old code set "announced at 10:00, in force twelve hours later" against "in force at
    22:00" as a date conflict (10 of the times probe's 11 false conflicts were such)."""
    a = ("The ceasefire was announced at 10:00 on Monday and was set to take effect twelve hours "
         "later.")
    assert when(pair(a, "The ceasefire came into force at 22:00 on Monday.", 0.8)) is None
    assert when(pair(a, "The ceasefire came into force at 10 pm on Tuesday.", 0.8))  # 36 hours
    assert when(pair("The crossing reopened on 21 March, a week after it was closed after riots.",
                     "The crossing was closed on 14 March after riots.", 0.8)) is None
    # each states its own gap: the gap is in dispute
    from divergence.judge.moments import offset_explains

    assert not offset_explains("It reopened a week after it was closed.", "It reopened eleven "
                               "days after it was closed.", 7 * 1440)
    # "30 minutes before midnight" is a time, "two days later than planned" no gap between two
    from divergence.judge.moments import offsets

    assert offsets("The guns fell silent 30 minutes before midnight.") == ()
    assert offsets("Results were published two days later than planned.") == ()
    assert offsets("Rescuers reached them 48 hours after the collapse.") == (2880,)
    j = NLIJudge(nli=FakeNLI({}))  # two moments told apart agree no more than they conflict
    assert judged(j, "Tigray accused the government on Friday of a drone strike, less than 48 "
                  "hours after the two sides signed the Pretoria agreement.", "The two sides "
                  "signed the Pretoria agreement on Wednesday.", 0.6) == "neither"


def test_when_uses_the_speakers_date_when_the_proposition_has_none() -> None:
    p = pair("Qatar announced on Thursday that the two sides had agreed to a ceasefire.",
             "Qatar's prime minister announced on Wednesday a ceasefire agreement.", 0.7)
    r = when(p)
    assert r is not None and "Thursday" in r.detail


def test_a_day_that_dates_a_saying_or_a_negated_act_is_no_time_of_the_happening() -> None:
    """The precision audit of 2026-12-04 found none of 22 sampled ``date`` conflicts on newsdev
    dev to be a dispute; most set the day something was said against the day it happened."""
    for a, b in (
            ("The army said on Tuesday that the truce had been broken.",
             "The truce collapsed on Monday."),
            ("The minister was quoted by state radio on Friday as saying the truce had held.",
             "The truce took effect on Wednesday."),
            ("On Sunday the Kremlin made clear there would be no extension of the truce.",
             "The truce ended early on Monday."),
            ("The health ministry on Thursday put the toll from the strike at 40.",
             "The strike hit the market on Tuesday."),
            # two ends of one span, and a time its verb is negated beside
            ("The truce was to halt fighting from the evening of 19 April until midnight on "
             "21 April.", "The truce ran from 6:00 p.m."),
            ("The fighting had not stopped at the midnight deadline.",
             "The fighting stopped at 0:30 local time."),
            # a plan the happening did not keep, and "past midnight" as an end
            ("The truce had originally been planned for 6pm.",
             "The truce took effect at midnight."),
            ("No order was given to extend the truce past midnight on 21 April.",
             "The truce ran from 6:00 p.m.")):
        assert when(pair(a, b, 0.5)) is None, (a, b)
    # the day of the happening itself still counts, told first or last, beside a verb that is
    # no saying ("claimed 30 lives"), a report of the happening, a negation of another verb,
    # or "to" before a verb (found by a review of the first version)
    for a, b in (("The truce was announced on Friday.", "The truce was announced on Saturday."),
                 ("The blast at the port on Sunday claimed at least 30 lives.",
                  "The blast at the port on Saturday killed at least 30 people."),
                 ("Residents reported the explosion at the dam on Tuesday.",
                  "Residents reported the explosion at the dam on Wednesday."),
                 ("The ceasefire did not hold and collapsed on Friday.",
                  "The ceasefire collapsed on Thursday."),
                 ("The ceasefire is due to start Monday.", "The ceasefire will hold from Tuesday."),
                 ("On Saturday the rebels seized the town.",
                  "The rebels took the town on Sunday."),
                 ("Officials said the truce began on Monday.",
                  "The truce took effect on Tuesday.")):
        r = when(pair(a, b, 0.5))
        assert r is not None and r.type == "date", (a, b)


def test_strikes_on_two_days_in_two_places_and_two_moments_of_a_truce() -> None:
    """Found by a second, held-out audit of dev's date conflicts (2026-12-04): strikes of a war
    on two days, a truce sealed one day and in force the next, a saying at a sentence's end."""
    for a, b in (("The army carried out an air attack in southern Lebanon on Thursday.",
                  "The army carried out a drone strike on the town of Beit Lif on Tuesday."),
                 ("The leaders settled on the truce on July 28 in talks in Malaysia.",
                  "The truce took effect at midnight local time on July 29."),
                 ("The truce was sealed on Monday in Putrajaya.",
                  "Troops broke the truce after it came into force, a spokesman said on Tuesday."),
                 ("The army on Tuesday accused its neighbour of breaching the truce.",
                  "The truce was sealed on Monday in Putrajaya.")):
        assert when(pair(a, b, 0.5)) is None, (a, b)
    r = when(pair("He cited Russia's strike on Sumy on April 15.",
                  "He pointed to the April 13 strike in Sumy.", 0.7))
    assert r is not None and "April" in r.detail  # one place: one strike, two dates


def test_the_day_a_deal_was_briefed_on_is_not_the_day_it_was_signed() -> None:
    """Found by helper-221's read of the dev reports: "chaired a briefing on Friday" about a
    deal signed on Wednesday made a date dispute."""
    from divergence.judge.detectors import date

    a = "The prime minister chaired a briefing on Friday about the peace deal."
    b = "The peace deal was signed on Wednesday in the capital."
    assert when(pair(a, b, 0.6)) is None and date(pair(a, b, 0.6)) is None
    r = when(pair("The peace deal was signed on Friday in the capital.", b, 0.8))
    assert r is not None and "Friday" in r.detail  # one moment: still compared
    # an announcement is made at a news conference: one moment, still compared (helper-223)
    r = when(pair("The ceasefire was announced on Friday.",
                  "The ceasefire, first revealed at a press conference on Wednesday, covers the "
                  "whole front.", 0.8))
    assert r is not None and "Friday" in r.detail
    # a briefing that made nothing known is not the day of the announcement (helper-224)
    assert when(pair("At a briefing on Wednesday, Voss described the state of the truce talks "
                     "with the rebels.", "The truce with the rebels was announced on Friday.",
                     0.65)) is None


def test_a_time_dates_the_moment_whose_words_stand_near_it() -> None:
    """Found by the dev conflict audit (2026-12-04 evening): 6 of its 24 false ``date`` flags
    set the day a truce was declared against the day strikes brought it to an end, or the day it
    was broken, or the day a town was said to be held against the day it was taken."""
    from divergence.judge.moments import moments_apart, moments_near
    from divergence.judge.text import dates

    a = ("Missiles hit the capital early on Monday, bringing to an end the short holiday truce "
         "the president declared.")
    b = "On Saturday the president declared a holiday truce that was to run for 30 hours."
    assert moments_near(a, a.index("Monday"), a.index("Monday") + 6) == {"began or ended"}
    assert when(pair(a, b, 0.6)) is None  # the day of an end, the day of a declaration
    x, y = (next(d for d in dates(t) if d.kind == "weekday") for t in (a, b))
    assert moments_apart(a, x, b, y)
    # one moment, told with other words near each time: still compared
    r = when(pair("Rebels seized the airport at Tarven on Friday.",
                  "The offensive began on Thursday, when rebels captured the airport at Tarven.",
                  0.7))
    assert r is not None and "Friday" in r.detail
    r = when(pair("The militia took the city last Saturday.",
                  "On Sunday the militia declared full control of the city.", 0.7))
    assert r is not None and "Saturday" in r.detail  # "declared control": a capture told
    # a call that set the truce in motion, and the truce announced the next day
    assert when(pair("Officials said the president set the truce in motion in a phone call "
                     "with the rebel leader on Monday.", "The president announced on Tuesday "
                     "that both sides had agreed to a truce.", 0.7)) is None
    # a stated gap between moments is weighed by the offset, not set aside
    assert when(pair("The ceasefire was announced at 10:00 on Monday and was set to take effect "
                     "twelve hours later.", "The ceasefire came into force at 10 pm on Tuesday.",
                     0.8))


def test_different_meetings_of_other_people_are_not_compared() -> None:
    p = pair("Modi met Trump at the White House on 13 February.",
             "Misri met Kessler in Washington on 28 May.", 0.6)
    assert when(p) is None


def test_a_town_taken_on_one_day_and_entered_on_another() -> None:
    p = pair("Rebels took control of Bunia on Saturday evening, a local official said.",
             "The rebel fighters moved into Bunia on Sunday.", 0.6)
    assert "capture" in happenings(p.a.content) & happenings(p.b.content)
    r = when(p)
    assert r is not None and r.type == "date" and "Saturday" in r.detail
    # "fighters" are people here, not aircraft; a truce that "entered into force" is no capture
    assert "aircraft" not in happenings(p.b.content)
    assert "capture" not in happenings("The truce entered into force at midnight.")


def test_a_town_taken_named_after_took() -> None:
    r = when(pair("The RSF seized the city last Saturday.",
                  "On Sunday the RSF took El-Fasher, the army's last holdout.", 0.46))
    assert r is not None and r.type == "date"
    assert "capture" not in happenings("The truce took effect at midnight.")
    assert "capture" not in happenings("He took part in the talks.")
    for text in ("The attack took Israel by surprise on Saturday.",
                 "It took Russia two years to retake the town.", "He took Biden's call."):
        assert "capture" not in happenings(text), text


def test_a_denied_credit_sides_with_no_third_party() -> None:
    denied = claim_from_text("New Delhi denied that the US mediated the ceasefire.", "a:0")
    assert denied.stance == "denies"
    bilateral = claim_from_text("The ceasefire was agreed bilaterally without mediation.", "b:0")
    assert responsibility(Pair(denied, bilateral, 0.6)) is None


# ---------------------------------------------------------------- credit and blame


def test_credit_frames_beyond_fixed_phrases() -> None:
    c = claim_from_text("The Qatar-brokered truce took effect on Sunday.", "a:0")
    assert [(x.role, x.agent) for x in frame_credits(c)] == [("mediator", "qatar")]
    d = claim_from_text("The ceasefire was agreed bilaterally without mediation.", "b:0")
    assert [(x.role, x.agent) for x in frame_credits(d)] == [("mediator", None)]


def test_a_credit_the_claim_withholds_is_no_credit() -> None:
    """helper-221: "people should not assume Israel was behind the blast" agreed with "an air
    strike only Israel could have carried out" as one credit of the harm."""
    for text in ("His message was that people should not assume Varnia was behind the blast.",
                 "There was no proof that Varnia was behind the blast at the depot.",
                 "It is not clear whether Qatar brokered the truce in the north."):
        assert frame_credits(claim_from_text(text, "a:0")) == [], text
    held = claim_from_text("Officials said Varnia was behind the blast at the depot.", "a:0")
    assert [x.agent for x in frame_credits(held)] == ["varnia"]


def test_mediator_against_no_third_party() -> None:
    r = responsibility(pair("The US brokered the ceasefire between the two countries.",
                            "The ceasefire was agreed bilaterally without mediation.", 0.57))
    assert r is not None and r.type == "actor" and "no third party" in r.detail


def test_two_actors_blamed_for_destroying_one_building() -> None:
    # A thing destroyed is a harm ("destroyed" names none of the harm words), and a theatre, a
    # hotel, a ferry are one struck target; "fighters of X" are X's.
    r = responsibility(pair("The governor said the city theatre had been destroyed by a Moldovan "
                            "airstrike.",
                            "The ministry accused fighters of the Ostrava brigade of blowing up "
                            "the city theatre.", 0.5))
    assert r is not None and "moldova" in r.detail and "ostrava" in r.detail
    t = responsibility(pair("Rebels destroyed the hotel, the army said.",
                            "Government troops blew up the hotel, the rebels said.", 0.6))
    assert t is not None and r.type == "actor"
    # each side striking other things is no dispute over one; nor two hotels by name; nor
    # "rebels" and "rebel fighters"
    for a, b in (("Rebels destroyed the hotel, the army said.",
                  "Government troops blew up the bridge, the rebels said."),
                 ("Government troops destroyed the Marlow hotel, rebels said.",
                  "Rebels destroyed the Sorrel hotel, the ministry said."),
                 ("Rebels shelled the Marlow hotel, the army said.",
                  "Rebel fighters shelled the Marlow hotel, witnesses said."),
                 ("Government troops destroyed the Mira factory, the rebels said.",
                  "The government said its troops destroyed the Mira factory.")):
        assert responsibility(pair(a, b, 0.6)) is None, a


def test_a_denier_naming_itself_the_group_and_blame_by_a_weapon_used() -> None:
    # "the group" the speaker says had no part is the speaker's own (its organisation when a
    # spokesman speaks); "a rocket used by X", "held X responsible" blame X; a weapon's model
    # and a backer's proxy are no actors; a denial of one attack is no rival to another.
    for a, b in (("The ministry said the rocket was launched by the Sarn Front.",
                  "A Sarn Front spokesman said the group was not responsible for the attack."),
                 ("Officials said the market was hit by a Kestrel-2 rocket used by the Sarn "
                  "Front.", "The Sarn Front firmly rejected any role in the strike on the "
                  "market."),
                 ("The army held the Sarn Front responsible for the bombing of the bridge.",
                  "The Sarn Front said it had nothing whatsoever to do with the bombing of the "
                  "bridge.")):
        r = responsibility(pair(a, b, 0.5))
        assert r is not None and "sarn" in r.detail, a
    # the weapon named by its model, the blame on who fired it
    r = responsibility(pair("Officials blamed the deaths at the depot on a Grad rocket fired by "
                            "the Sarn Front.", "Police said government troops blew up the depot "
                            "themselves.", 0.5))
    assert r is not None and "sarn" in r.detail and "grad" not in r.detail
    for a, b in (("The Sarn Front firmly denied any role in the shooting at the Nemo shelter.",
                  "The Sarn Front shelled the Ulm refinery, the ministry said."),
                 ("The Sarn Front said the group had nothing to do with the bombing, referring "
                  "to the Dawn Legion.", "Police said the Sarn Front carried out the bombing.")):
        assert responsibility(pair(a, b, 0.5)) is None, a
    assert not any(c.agent in ("falaq-1", "grad", "iran-backed") for t in (
        "The town was hit by a Falaq-1 rocket.", "A Grad rocket hit the school.",
        "The Iran-backed group had nothing to do with the attack.")
        for c in frame_credits(claim_from_text(t, "a:0")))


def test_blame_for_a_blast_and_its_denial() -> None:
    r = responsibility(pair("An Israeli airstrike hit the hospital on Tuesday.",
                            "The blast came from a rocket launched by Islamic Jihad.", 0.45))
    assert r is not None and "israel" in r.detail and "jihad" in r.detail
    d = responsibility(pair("Israel carried out the airstrike on the hospital.",
                            "US intelligence judged Israel not responsible for the blast.", 0.5))
    assert d is not None and "did not bring it about" in d.detail
    # "had nothing to do with" denies; a cleft names the one who did it; "Kiev's forces" is
    # Ukraine
    n = responsibility(pair("The plant was hit by Ukrainian drones three times on April 7.",
                            "An official said Ukraine had nothing to do with the drone "
                            "explosion at the plant.", 0.6))
    assert n is not None and "ukraine did not bring it about" in n.detail
    c = responsibility(pair("Kamikaze drones launched by Kiev's forces hit the plant.",
                            "Kovalenko said it is Russia that is attacking the station with "
                            "drones.", 0.6))
    assert c is not None and "ukraine brought it about" in c.detail and "russia" in c.detail
    # review findings: a side's fighters are the side; an adjective before a demonym drops
    from divergence.judge.text import norm_actor

    assert norm_actor("Hamas militants") == "hamas" and norm_actor("M23 rebels") == "m23"
    assert norm_actor("Massive Russian") == "russia"
    assert responsibility(pair("Hamas militants fired the rocket at the hospital.",
                               "Hamas fired the rocket that hit the hospital.", 0.8)) is None
    # a cleft passive names the one hit, not the one who hit
    assert responsibility(pair("Russian missiles struck Kharkiv overnight, killing five.",
                               "It was Kharkiv that was hit hardest by the Russian strikes.",
                               0.72)) is None
    # a weapon's description is not who fired it: both blame Ukraine, no conflict
    assert responsibility(pair("Kamikaze drones launched by Kiev's forces hit the plant.",
                               "The plant was hit by Ukrainian drones on April 7.", 0.7)) is None
    # Blame for unrelated harms far apart in meaning is not compared.
    assert responsibility(pair("An Israeli airstrike hit the hospital.",
                               "Russian missiles hit a power plant in Kharkiv.", 0.2)) is None


def test_each_side_striking_is_no_dispute_over_who_did_one_harm() -> None:
    """The precision audit of 2026-12-04: most sampled ``actor`` conflicts set two sides' acts
    of war against each other ("Israel launched air strikes" / "Hamas fired rockets"). Two
    sides blamed for one incident still clash."""
    for a, b in (("Israel has launched scores of air strikes on Gaza, killing 300 people.",
                  "Hamas fired a barrage of rockets towards Israel."),
                 ("Russian troops carried out 96 assaults on Ukrainian positions in one day.",
                  "Ukrainian forces made six attempts to attack Russian positions near Bohatyr."),
                 ("Iran carried out a drone and missile attack on Israel at the weekend.",
                  "The barrage answered the air strike Israel carried out on Iran's consulate.")):
        assert responsibility(pair(a, b, 0.55)) is None, (a, b)
    for a, b in (("Israel carried out the air strike, witnesses said.",
                  "The strike was the work of Islamic Jihad."),  # both attribute it
                 ("Russian shelling destroyed the dam overnight.",
                  "Ukrainian forces blew up the dam, Moscow said."),  # one struck target
                 ("An Israeli airstrike killed 471 people at the hospital.",
                  "A misfired Islamic Jihad rocket had caused the damage.")):  # a cause, a target
        assert responsibility(pair(a, b, 0.5)) is not None, (a, b)


def test_a_denial_and_blame_laid_on_another_are_one_side() -> None:
    from divergence.judge.frames.credit import other_culprits

    denial = claim_from_text("The Kremlin rejected any suggestion that Russia attacked the "
                             "pipelines.", "a:0")
    assert denial.stance == "denies"
    for blame in ("The United States and Britain were responsible for the blasts, Putin said.",
                  "The sabotage was the work of a pro-Ukrainian group, the paper reported."):
        assert other_culprits(denial, claim_from_text(blame, "b:0")), blame
    # the same culprit named, an act of war that blames no one, a counter-charge in the denial
    assert not other_culprits(denial, claim_from_text("Russia was behind the blasts, Warsaw "
                                                      "said.", "b:1"))
    assert not other_culprits(
        claim_from_text("Iran denied that it had fired missiles at Israel.", "a:1"),
        claim_from_text("Sirens sounded as the Israeli military reported rocket fire.", "b:2"))
    assert not other_culprits(
        claim_from_text("Azerbaijan denied launching the assault and accused Armenia of "
                        "provocations.", "a:2"),
        claim_from_text("Armenia accused Azerbaijan of launching the assault.", "b:3"))


def test_review_of_the_precision_fixes_keeps_real_disputes() -> None:
    """A review of the first version of 2026-12-04's precision fixes found real disputes they
    hid; each pair below was a conflict before them and must stay one."""
    from divergence.judge.detectors import states_negated
    from divergence.judge.frames.credit import other_culprits
    from divergence.judge.frames.happenings import one_place

    # a culprit named by a pronoun or a bare noun is no other culprit
    for d, b in (("Israel denied that its missile hit the hospital.",
                  "Hamas said an Israeli missile hit the hospital."),
                 ("Russia denied that its forces were behind the blast at the dam.",
                  "Ukraine said Russian forces were behind the blast at the dam.")):
        assert not other_culprits(claim_from_text(d, "a:0"), claim_from_text(b, "b:0")), d
    # "without warning", "denied civilians access", "no militants": no statement negated
    assert not states_negated("Soldiers fired without warning on civilians in the square.",
                              "Soldiers fired on civilians in the square.")
    assert not states_negated("The army denied civilians access to food in Gaza.",
                              "It blocked food to civilians.")
    assert not states_negated("The jets struck a school with no militants inside.",
                              "Its military jets struck a school.")
    # counts of one kind beside a second clause, and soldiers named beside civilians
    for a, b in (("Twelve people were killed and scores injured in the blast.",
                  "Ten people were killed in the blast."),
                 ("Israeli forces killed 30 in strikes and raids on the camp.",
                  "Israeli forces killed 25 people in the camp."),
                 ("Seven civilians were killed and 35 soldiers wounded in the attack.",
                  "80 soldiers were wounded in the attack.")):
        assert count(pair(a, b, 0.6)) is not None, a
    # two sides' strikes on different places are no one incident; a party is no place
    assert responsibility(pair("Israel launched air strikes on hospitals in Gaza.",
                               "Hamas fired rockets at Israeli towns.", 0.55)) is None
    assert not one_place("Israel killed a Hezbollah commander in Tyre on Tuesday.",
                         "Israel killed a Hezbollah commander in Nabatieh on Thursday.")
    assert not one_place("Drones hit a refinery in the Ryazan region.",
                         "Drones hit a refinery in the Volgograd region.")


def test_frame_keys_pair_claims_that_count_the_same_thing() -> None:
    a = claim_from_text("The toll looked like several dozen.", "a:0")
    b = claim_from_text("The strike killed at least 471 Palestinians.", "b:0")
    assert "count:deaths:person" in frame_keys(a) & frame_keys(b)
    assert frame_keys(claim_from_text("The weather was fine.", "c:0")) == frozenset()


# ---------------------------------------------------------------- the news judge


class FakeNLI:
    """Stands in for the NLI model: fixed probabilities per ordered pair of texts."""

    name = "nli:fake"

    def __init__(self, table: dict[tuple[str, str], tuple[float, float, float]]) -> None:
        self.table = table
        self.seen: list[tuple[str, str]] = []

    def predict(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        self.seen += pairs
        return np.array([self.table.get(p, (0.1, 0.1, 0.8)) for p in pairs], dtype=np.float32)

    def reason(self, a: str, b: str, p: np.ndarray) -> Reason:
        return Reason("nli", f"fake {p.tolist()}", (a, b), weight=float(p.max()))


def judged(judge: NLIJudge, a: str, b: str, sim: float) -> str:
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    return judge.judge_pairs([ca], [cb], [sim])[0].label


def test_news_judge_topic_closeness_alone_never_agrees() -> None:
    j = NLIJudge(nli=FakeNLI({}))
    assert judged(j, "Misri met Kessler in Washington.", "Modi met Trump in Washington.",
                  0.8) == "neither"


def test_news_judge_marks_claims_worded_alike_without_agreeing() -> None:
    """Two claims of other articles that share many words and are close say so with a
    ``close`` reason on a neither verdict (grouping agrees them inside a dispute only)."""
    j = NLIJudge(nli=FakeNLI({}))
    a, b = ("Talks on the disputed border will resume next week, the ministry said.",
            "Negotiators will hold talks on the frontier again next month.")
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    got = j.judge_pairs([ca], [cb], [0.7])[0]
    assert got.label == "neither" and "close" in [r.type for r in got.reasons]
    assert "worded alike" in got.reasons[0].detail
    far = j.judge_pairs([ca], [cb], [0.6])[0]  # below close_sim
    assert not any(r.type == "close" for r in far.reasons)
    same_article = j.judge_pairs([ca], [claim_from_text(b, "a:1")], [0.7])[0]
    assert not any(r.type == "close" for r in same_article.reasons)
    # a near-paraphrase differing in one word is the model's to judge, not "worded alike"
    x, y = (claim_from_text("Police said the protest outside parliament was peaceful.", "a:0"),
            claim_from_text("Police said the protest outside parliament was violent.", "b:0"))
    swap = j.judge_pairs([x], [y], [0.9])[0]
    assert not any(r.type == "close" for r in swap.reasons)


def test_news_judge_agrees_on_entailment_either_way_and_reads_both_orders() -> None:
    a, b = "Hamas freed 33 hostages on Sunday.", "In all, 33 hostages were released."
    fake = FakeNLI({(b, a): (0.02, 0.9, 0.08)})
    assert judged(NLIJudge(nli=fake), a, b, 0.4) == "neither"  # pinned, worded apart: by
    assert fake.seen == []  # default not read (the model agrees news worse than cosine)
    j = NLIJudge(nli=fake, read_apart=0.3)
    assert judged(j, a, b, 0.4) == "agree"  # read from 0.3: asked, both ways
    assert (a, b) in fake.seen and (b, a) in fake.seen
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.4) == "neither"
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.7) == "agree"  # close and pinned


def test_news_judge_model_conflict_needs_confidence_and_other_articles() -> None:
    a, b = "The talks collapsed.", "The talks ended in a deal."
    sure = FakeNLI({(a, b): (0.98, 0.0, 0.02), (b, a): (0.97, 0.0, 0.03)})
    assert judged(NLIJudge(nli=sure), a, b, 0.8) == "neither"  # by default it never calls alone
    assert judged(NLIJudge(nli=sure, nli_conflict=0.95), a, b, 0.8) == "conflict"
    c = "Both delegations signed an agreement."
    apart = FakeNLI({(a, c): (0.98, 0.0, 0.02), (c, a): (0.97, 0.0, 0.03)})
    assert judged(NLIJudge(nli=apart, nli_conflict=0.95), a, c, 0.5) == "neither"  # apart
    unsure = FakeNLI({(a, b): (0.6, 0.1, 0.3), (b, a): (0.5, 0.1, 0.4)})
    assert judged(NLIJudge(nli=unsure, nli_conflict=0.95), a, b, 0.8) == "neither"


def test_news_judge_reads_with_the_model_only_what_it_could_change() -> None:
    fake = FakeNLI({})
    j = NLIJudge(nli=fake)
    judged(j, "The weather was fine.", "Stocks fell.", 0.1)  # too far apart to agree
    assert fake.seen == []
    assert judged(j, "The pause in fighting began at 14:00 local time.",
                  "The guns fell silent from 6 pm.", 0.33) == "conflict"
    assert fake.seen == []  # a structural reason decides alone
    a, b = "The minister attended the summit in Geneva.", "The minister did not attend the summit."
    sure = FakeNLI({(a, b): (0.9, 0.05, 0.05), (b, a): (0.9, 0.05, 0.05)})
    assert judged(NLIJudge(nli=sure), a, b, 0.8) == "conflict"  # negation, confirmed
    assert (a, b) in sure.seen
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.8) != "conflict"  # negation, not confirmed


def test_news_judge_without_a_model_still_names_frames() -> None:
    j = NLIJudge(nli=None)
    assert judged(j, "Both sides would stop firing from 17:00.", "The truce took effect at 5 pm.",
                  0.46) == "agree"
    assert judged(j, "The US brokered the ceasefire between the two countries.",
                  "The ceasefire was agreed bilaterally without mediation.", 0.57) == "conflict"



def test_a_statement_passed_on_at_a_distance_does_not_agree_with_it_stated() -> None:
    """"Reportedly P" or "X claims to have done P" beside the outlet's own "P": not the same
    statement (a ``distance`` reason on a neither verdict); a named source's "P", or two
    hedged accounts, still agree, and values apart are still a conflict."""
    j = NLIJudge(nli=FakeNLI({}))
    plain = "Rebels seized 40 trucks of the convoy near Goma on Friday."
    hedged = "Rebels reportedly seized 40 trucks of the convoy near Goma on Friday."
    far = judge_one(j, plain, hedged)
    why = [r for r in far.reasons if r.type == "distance"]
    assert far.label == "neither" and why and why[0].spans[0].text == "reportedly"
    for other in ("The militia claims to have seized 40 trucks of the convoy near Goma on Friday.",
                  "Did rebels seize 40 trucks of the convoy near Goma on Friday?"):
        assert judge_one(j, plain, other).label == "neither", other
    for a, b in (("Officials said rebels seized 40 trucks of the convoy near Goma on Friday.",
                  hedged),  # a named source's account beside a hedged one
                 (hedged, "Rebels allegedly took 40 trucks of the convoy near Goma on Friday."),
                 (plain, "He said to reporters that rebels seized 40 trucks of the convoy near "
                  "Goma on Friday.")):  # "said to" someone hedges nothing
        assert judge_one(j, a, b).label == "agree", (a, b)
    fewer = "Rebels reportedly seized 12 trucks of the convoy near Goma on Friday."
    assert judge_one(j, plain, fewer).label == "conflict"  # two accounts of one count clash
    for a, b, sim in (("The truce took effect at 5 pm local time.",  # the same value
                       "The truce reportedly took effect from 17:00 local time.", 0.8),
                      (plain, hedged, 0.97)):  # near-copies
        got = judge_one(NLIJudge(nli=None), a, b, sim)
        assert got.label == "neither" and got.confidence == 0.9, (a, b)
        assert [r.type for r in got.reasons].count("same-value") <= 1
    for text in ("Vietnam and China both lay claim to the Paracel Islands.",
                 "The theft was reported to police on Friday.",
                 "The governor, who is believed to have fled, said 40 people died.",
                 'Protesters chanting "Where is the money?" marched on Friday.'):
        # none of these hedges what it states
        assert at_a_distance(claim_from_text(plain, "a:0"), claim_from_text(text, "b:0")) is None


def test_doubt_words_and_a_headline_unnamed_source_keep_a_statement_at_a_distance() -> None:
    """"Apparently", "appears to", "might", "may be", a title-case "May Be", a prediction, and a
    headline's "P, report says" / "Source: P" pass P on without vouching for it; "may" with a
    verb (leave given), "probably" inside a source's estimate, the month of May and a named
    report's account do not."""
    plain = claim_from_text("Rebels seized 40 trucks of the convoy near Goma on Friday.", "a:0")
    for text, cue in (
            ("Rebels apparently seized 40 trucks of the convoy near Goma.", "apparently"),
            ("Rebels appear to have seized 40 trucks near Goma.", "appear to"),
            ("Rebels might be holding 40 trucks of the convoy near Goma.", "might be"),
            ("The 40 trucks may be in rebel hands near Goma.", "may be"),
            ("Rebels May Be Holding 40 Trucks Near Goma", "May Be"),
            ("Rebels Claim To Have Seized 40 Trucks Near Goma", "Claim To Have"),
            ("Rebels are likely to have seized 40 trucks near Goma.", "likely"),
            ("Analysts predict rebels will seize 40 trucks near Goma.", "predict"),
            ("Rebels seize 40 trucks of convoy near Goma, report says", ", report says"),
            ("Rebels seize 40 trucks near Goma: Sources", ": Sources"),
            ("Rebels ready to seize 40 trucks near Goma - report", " - report"),
            ("Source: rebels seize 40 trucks near Goma", "Source:"),
            ("Rebel unit said to hold 40 trucks seized near Goma", "said to hold"),
            ("Rebels reported to seize 40 trucks near Goma", "reported to seize"),
            ("Reports say rebels seized 40 trucks near Goma", "Reports say"),
            ("New report tips rebels to seize 40 trucks near Goma", "New report tips"),
            ("Rebels seized 40 trucks near Goma, says new report", "says new report"),
            ("Rebels seized 40 trucks near Goma, per reports", "per reports"),
            ("Rebels seized 40 trucks near Goma -- report", " -- report"),
            ("Goma Rebels May Hold 40 Seized Trucks", "May Hold"),
            ("Officials are investigating reports that rebels seized 40 trucks near Goma",
             "investigating reports"),
            ("UN probing claims rebels seized 40 trucks near Goma", "probing claims")):
        why = at_a_distance(plain, claim_from_text(text, "b:0"))
        assert why is not None and f"({cue!r})" in why.detail, text  # a span when in the claim
        assert [s.text for s in why.spans] in ([cue], []), text
    for text in ("Drivers may now choose to return to Goma with the 40 trucks.",
                 "Rebels probably seized some 40 trucks near Goma, US intelligence estimated.",
                 "In May rebels seized 40 trucks near Goma.",
                 "The report says rebels seized 40 trucks near Goma.",
                 "The UN report said rebels seized 40 trucks near Goma.",
                 "The convoy chief reports to the governor on 40 trucks seized near Goma.",
                 "A well-reported raid saw rebels seize 40 trucks near Goma.",
                 # a hedged detail of what is stated, a noun, a comparison, a name
                 "Police arrested a man suspected of seizing 40 trucks near Goma.",
                 "Rebels seized 40 trucks near Goma, beating forecasts.",
                 "It became apparent that rebels had seized 40 trucks near Goma.",
                 "Rebels are twice as likely to seize trucks near Goma.",
                 "Theresa May Not Told Of 40 Trucks Seized Near Goma",
                 "Seizures in May have risen to 40 trucks near Goma.",
                 "The might of the rebels seized 40 trucks near Goma.",
                 "The rebel leader appeared to reporters beside 40 seized trucks near Goma.",
                 "Reported to Police, the seizure of 40 trucks near Goma was logged.",
                 "The driver reported to police that rebels seized 40 trucks near Goma.",
                 "The commander said to reporters that rebels seized 40 trucks near Goma.",
                 "Drivers reported to work after rebels seized 40 trucks near Goma.",
                 # title case only in a headline set in it, and not before an object or a place
                 "Rebels drove the 40 trucks from Port Said to Ismailia via Goma.",
                 "Rebels Seize 40 Trucks Near Goma, Lay Claim To Kivu",
                 "Seizure Of 40 Trucks Near Goma Reported To The Police",
                 "Seizure Of 40 Trucks Near Goma Reported To Investigators",
                 "Rebels Seized 40 Trucks Near Goma In May Offensive",
                 "May Seizures Of 40 Trucks Near Goma Rose",
                 "Brian May Hears Rebels Seized 40 Trucks Near Goma",
                 "Police investigated the seizure of 40 trucks near Goma by rebels.",
                 # a review's prose (helper-54): said to someone, a name or a month, a claim
                 # that is a demand, "claims" as a verb
                 "The rebel chief said to investors that 40 trucks were seized near Goma.",
                 "Rebels Seize 40 Trucks Near Goma As Prime Minister May Calls Election",
                 "Rebels Seized 40 Trucks Near Goma, May Jobs Report Shows",
                 "The insurer is investigating claims for 40 trucks seized near Goma.",
                 "Probe claims 40 trucks seized near Goma",
                 "The probe found rebels seized 40 trucks near Goma, the report said."):
        assert at_a_distance(plain, claim_from_text(text, "b:0")) is None, text


def test_a_hedged_report_and_a_plain_statement_do_not_agree_inside_a_dispute() -> None:
    """Worded alike, both against a denial: still not one position (no ``close`` reason)."""
    j = NLIJudge(nli=FakeNLI({}))
    a = "The army shelled the village overnight, killing several civilians."
    b = "The army reportedly shelled a village in the north, and residents fled."
    got = judge_one(j, a, b, 0.7)
    assert got.label == "neither" and not any(r.type == "close" for r in got.reasons)
    assert any(r.type == "close" for r in judge_one(j, a, b.replace("reportedly ", ""),
                                                     0.7).reasons)


def judge_one(judge: NLIJudge, a: str, b: str, sim: float = 0.8) -> Judgement:
    """The judge's verdict on two standalone sentences at cosine ``sim``."""
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    return judge.judge_pairs([ca], [cb], [sim])[0]


# ---------------------------------------------------------------- was the truce kept?


def test_truce_broken_by_one_side_against_kept_or_denied() -> None:
    from divergence.judge.frames import kept_or_broken

    r = kept_or_broken(pair("Rebel fighters broke the truce within hours, the army said.",
                            "The rebels have fully respected the truce, their spokesman said."))
    assert r is not None and r.type == "compliance" and "rebel" in r.detail
    d = kept_or_broken(pair("Moldova's defence ministry denied that its forces had breached "
                            "the ceasefire.", "Moldova breached the ceasefire twice overnight."))
    assert d is not None and d.type == "compliance"
    quiet = kept_or_broken(pair("No gunfire was heard along the border after the truce began.",
                                "Ukrainian troops broke the ceasefire near the border.", 0.5))
    assert quiet is not None


def test_truce_claims_that_do_not_conflict() -> None:
    from divergence.judge.frames import compliance, kept_or_broken

    # Each side blames the other: both may be true, and neither says the other kept it.
    assert kept_or_broken(pair("Israel said Hamas violated the ceasefire.",
                               "Hamas said Israel violated the ceasefire.")) is None
    # "Russia kept it" says nothing against "Ukraine broke it".
    assert kept_or_broken(pair("Russian forces kept to the ceasefire.",
                               "Ukrainian forces broke the ceasefire.")) is None
    # Mutual accusations name no one in particular.
    c = claim_from_text("Both sides accused each other of violating the truce.", "a:0")
    assert [x.actor for x in compliance(c)] == [None]
    # The same side's line carried by two outlets is not a dispute.
    assert kept_or_broken(pair("Pakistan said it remains committed to the ceasefire.",
                               "Pakistan said India broke the ceasefire.")) is None


def test_truce_broken_by_the_same_side_in_other_words_agrees() -> None:
    from divergence.judge.frames import kept_or_broken

    r = kept_or_broken(pair("M23 fighters broke the truce within hours, the army said.",
                            "The army accused the M23 of breaching the truce overnight."))
    assert r is not None and r.type == "same-value" and "m23 broke the truce" in r.detail


def test_truce_breaches_by_a_named_side_and_counts_that_open_a_sentence() -> None:
    from divergence.judge.frames import compliance

    c = claim_from_text("Almost 300 breaches of the truce by Houthi fighters were logged.", "a:0")
    assert [(x.kept, x.actor) for x in compliance(c)] == [(False, "houthis")]


def test_who_asked_in_a_cleft_or_through_a_call_to_the_other_side() -> None:
    cleft = claim_from_text("It was Transnistria that asked for the pause in fighting.", "b:0")
    assert {(x.role, x.agent) for x in frame_credits(cleft)} <= {
        ("requester", "transnistria"), ("initiator", "transnistria")}  # whose idea it was too
    assert ("requester", "transnistria") in {(x.role, x.agent) for x in frame_credits(cleft)}
    call = claim_from_text("Georgia's army chief called his Russian counterpart to request a "
                           "cessation of firing.", "a:0")
    assert [(x.role, x.agent) for x in frame_credits(call)] == [("requester", "georgia")]
    r = responsibility(pair("Moldova requested the pause in fighting.",
                            "It was Transnistria that asked for the pause in fighting."))
    assert r is not None and "moldova" in r.detail and "transnistria" in r.detail


@pytest.mark.parametrize("text", [
    "Ceasefire talks were held in Cairo on Monday.",
    "The agreement was held up by last-minute disputes.",
    "Observers monitoring the ceasefire recorded 300 violations.",
    "With respect to the ceasefire, the army said nothing.",
])
def test_sentences_about_a_truce_that_say_nothing_of_it_being_kept(text: str) -> None:
    from divergence.judge.frames import compliance

    assert compliance(claim_from_text(text, "a:0")) == ()


def test_kept_to_the_terms_of_a_truce_is_the_truce_kept() -> None:
    from divergence.judge.frames import compliance, kept_or_broken

    # "committed to meeting the conditions of the truce": keeping its terms is keeping it.
    c = claim_from_text("Kosovo, it said, remains committed to meeting the conditions of the "
                        "truce in the north.", "a:0")
    assert [(x.kept, x.actor) for x in compliance(c)] == [(True, "kosovo")]
    r = kept_or_broken(pair("Serbia stays committed to honouring the terms of the ceasefire, "
                            "its ministry said.",
                            "Serbian units violated the ceasefire twice overnight.", 0.45))
    assert r is not None and r.type == "compliance" and "serbia" in r.detail
    broke = claim_from_text("Serbia breached the terms of the ceasefire twice overnight.", "b:0")
    assert [(x.kept, x.actor) for x in compliance(broke)] == [(False, "serbia")]


def test_a_truce_said_not_honoured_is_broken() -> None:
    from divergence.judge.frames import compliance

    for text in ("Serbia has not honoured the terms of the ceasefire.",
                 "Serbia failed to respect the truce."):
        c = claim_from_text(text, "a:0")
        assert [(x.kept, x.actor) for x in compliance(c)] == [(False, "serbia")], text


def test_a_denied_breach_in_the_clause_reads_as_kept() -> None:
    from divergence.judge.frames import compliance, kept_or_broken

    c = claim_from_text("Ukraine did not violate the ceasefire.", "a:0")
    assert [(x.kept, x.actor) for x in compliance(c)] == [(True, "ukraine")]
    r = kept_or_broken(pair("Ukraine did not violate the ceasefire.",
                            "Ukraine violated the ceasefire on Sunday."))
    assert r is not None and r.type == "compliance"


@pytest.mark.parametrize("text", [
    "India called the report false and refused to request a ceasefire.",
    "Critics called on Washington to request a ceasefire.",
    "Rubio called it a step and urged both sides to propose a truce.",
])
def test_calls_that_name_no_requester(text: str) -> None:
    assert frame_credits(claim_from_text(text, "a:0")) == []



def test_news_judge_reads_the_other_way_only_while_agreement_is_open() -> None:
    long = "Hamas freed 33 hostages from Gaza on Sunday under the first phase of the deal."
    short = "Hamas freed 33 hostages."
    similar = "Hamas let 33 captives go from Gaza on Sunday, in the first phase of the deal."
    # (pinned to one fact, 33, and worded apart: read when read_apart lets the model agree them)
    # the longer claim is read first; the much shorter one, not entailed by it, is not read back
    fake = FakeNLI({(long, short): (0.1, 0.2, 0.7)})
    assert judged(NLIJudge(nli=fake, read_apart=0.3), short, long, 0.4) == "neither"
    assert fake.seen == [(long, short)]
    # a contradiction holds both ways: no second reading
    fake = FakeNLI({(long, similar): (0.8, 0.1, 0.1)})
    judged(NLIJudge(nli=fake, read_apart=0.3), long, similar, 0.4)
    assert fake.seen == [(long, similar)]
    # near-equal length, neutral the first way: read back, and an entailment there agrees
    fake = FakeNLI({(long, similar): (0.1, 0.2, 0.7), (similar, long): (0.02, 0.9, 0.08)})
    assert judged(NLIJudge(nli=fake, read_apart=0.3), long, similar, 0.4) == "agree"
    assert fake.seen == [(long, similar), (similar, long)]
    # a third shorter, half-entailed the first way: the longer stands for the pair, not read back
    medium = "Hamas freed 33 hostages from Gaza on Sunday under the deal."
    fake = FakeNLI({(long, medium): (0.1, 0.5, 0.4), (medium, long): (0.02, 0.9, 0.08)})
    assert judged(NLIJudge(nli=fake, read_apart=0.3), medium, long, 0.4) == "neither"
    assert fake.seen == [(long, medium)]
    # entailed the first way: agreed without the second reading
    fake = FakeNLI({(long, short): (0.02, 0.9, 0.08)})
    assert judged(NLIJudge(nli=fake, read_apart=0.3), short, long, 0.4) == "agree"
    assert fake.seen == [(long, short)]


def test_without_model_drops_the_nli_model_of_either_judge() -> None:
    from divergence.judge import Judge

    fake = FakeNLI({})
    lean = NLIJudge(nli=fake).without_model()
    assert lean.model is None and "nli" not in lean.name
    assert Judge(nli=fake).without_model().nli is None
    assert NLIJudge(nli=fake).model is fake  # the judge itself keeps it


def test_one_speaker_and_closeness_alone_do_not_agree() -> None:
    """"Putin said the truce would hold" / "Putin said the truce was over" are two statements of
    one man: a shared speaker pins nothing (a shared speaker as anchor was tried and dropped)."""
    c, d = "Putin said the truce would hold.", "Putin said the truce was over."
    assert judged(NLIJudge(nli=FakeNLI({})), c, d, 0.7) == "neither"


def test_the_model_does_not_read_what_the_pair_classifier_decides() -> None:
    a, b = "The bridge opened on Friday.", "The bridge did not open on Friday."
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    fake = FakeNLI({(a, b): (0.05, 0.05, 0.9)})
    judge = NLIJudge(nli=fake, classifier=FakePairClassifier())
    judge._probs = lambda *args: np.array([[0.1, 0.8, 0.1]])  # type: ignore[method-assign]
    res = judge.judge_pairs([ca], [cb], [0.9], np.zeros((1, 2)), np.zeros((1, 2)))[0]
    assert res.label == "conflict" and fake.seen == []  # a strict negation, confirmed by it
    judge._probs = lambda *args: np.array([[0.1, 0.2, 0.7]])  # type: ignore[method-assign]
    res = judge.judge_pairs([ca], [cb], [0.9], np.zeros((1, 2)), np.zeros((1, 2)))[0]
    assert res.label == "neither" and fake.seen == [(a, b)]  # unsure: the model reads, and vetoes


def test_near_copies_agree_without_the_model() -> None:
    a = "No one was injured in the fire, which police are treating as suspicious."
    fake = FakeNLI({(a, a): (0.06, 0.9, 0.04)})  # a reading short of bare_agree
    assert judged(NLIJudge(nli=fake), a, a, 0.99) == "agree" and fake.seen == []
    b = "No one was hurt in the fire, which police are treating as suspicious."
    fake = FakeNLI({})
    assert judged(NLIJudge(nli=fake), a, b, 0.93) == "neither" and fake.seen  # read, refused
    # one proposition, one side attributed: the reason says who says it (helper-55's probe)
    ca = claim_from_text("Hamas claimed Israel bombed the hospital.", "a:0")
    cb = claim_from_text("Israel bombed the hospital.", "b:0")
    got = NLIJudge(nli=FakeNLI({})).judge_pairs([ca], [cb], [0.99])[0]
    assert got.label == "agree"
    assert "Hamas claimed it, the other states it" in got.reasons[0].detail


def test_a_loose_negation_needs_one_subject() -> None:
    """"The man is not dancing" / "A woman is dancing" are two people, not a clash; "Russian
    troops did not cross" / "Russia crossed" are one actor."""
    from divergence.judge.nli_judge import polarity_flip

    def flip(a: str, b: str) -> bool:
        return polarity_flip(claim_from_text(a, "a:0"), claim_from_text(b, "b:0")) is not None

    assert not flip("The man is not dancing on the stage.", "A woman is dancing on the stage.")
    assert flip("Russian troops did not cross the river on Sunday.",
                "Russia crossed the river on Sunday.")
    assert flip("The bridge did not open on Friday.", "The bridge opened on Friday.")
    assert flip("Hamas has not freed the hostages.", "The Hamas militants freed the hostages.")


# ---------------------------------------------------------------- was a truce agreed at all


def test_a_truce_agreed_against_no_agreement_or_its_denial() -> None:
    from divergence.judge.frames import agreed_or_not

    r = agreed_or_not(pair("Iranian officials confirmed that a deal to halt the war had been "
                           "reached.", "Araghchi insisted there was no agreement on any ceasefire.",
                           0.5))
    assert r is not None and r.type == "attribution" and "not agreed" in r.detail
    d = agreed_or_not(pair("Trump said Israel and Iran agreed to a phased ceasefire.",
                           "Araghchi denied that any ceasefire agreement had been brokered.", 0.66))
    assert d is not None
    # the same side twice, both agreed, other sides' truces, and "not agreed" twice: nothing
    assert agreed_or_not(pair("Israel and Iran agreed to a ceasefire.",
                              "A ceasefire had been reached between Israel and Iran.", 0.8)) is None
    assert agreed_or_not(pair("Thailand and Cambodia agreed to a ceasefire.",
                              "Russia has not agreed to a ceasefire with Ukraine.", 0.5)) is None
    assert agreed_or_not(pair("Hamas has not agreed to the truce.",
                              "There was no agreement on a ceasefire.", 0.6)) is None
    # review findings: refusals, conditionals and other agreements are not "agreed" / "not"
    assert agreed_or_not(pair("Russia refused to agree to a ceasefire with Ukraine.",
                              "Russia has not agreed to a ceasefire with Ukraine.", 0.87)) is None
    assert agreed_or_not(pair("Hamas will agree to a ceasefire only if Israel withdraws.",
                              "There was no agreement on any ceasefire.", 0.6)) is None
    assert agreed_or_not(pair("Israel and Hamas agreed to a ceasefire in January.",
                              "No agreement has been reached on the hostages.", 0.5)) is None


def test_the_body_that_reports_a_toll_does_not_make_it_another_happening() -> None:
    """"The Health Ministry put the toll at 52" and "the strike on Riverside market killed 40"
    speak of one strike: the ministry reports it, the market is where it happened."""
    r = count(pair("The Health Ministry put the death toll from the market strike at 52.",
                   "The strike on the Riverside market killed 40 people.", sim=0.4))
    assert r is not None and "52" in r.detail and "40" in r.detail
    # Two places are still two happenings.
    assert count(pair("The strike on the Hillside market killed 52 people.",
                      "The strike on the Riverside market killed 40 people.", sim=0.4)) is None


def test_reporting_bodies_named_with_a_possessive_or_a_final_s_are_still_reporters() -> None:
    from divergence.judge.frames.happenings import _names

    assert _names("The State Emergency Service said 12 people were killed in Kharkiv.") == {
        "kharkiv"}
    assert _names("The Associated Press said the strike hit Kharkiv.") == {"kharkiv"}


def test_a_denial_of_what_the_other_states_negated_is_one_position() -> None:
    """"The State Department denied that the administration took part" and "the administration
    had no part" hold one position: read through the stance, the negation is an agreement, and
    the attribution reason (one asserts what the other denies) does not apply."""
    a = "The State Department denied that the administration took part in planning the raid."
    b = "The press secretary said the administration had no part in planning the raid."
    j = NLIJudge(nli=FakeNLI({}))
    res = j.judge_pairs([claim_from_text(a, "a:0")], [claim_from_text(b, "b:0")], [0.6])[0]
    assert res.label == "agree" and res.reasons[0].type == "one-position"
    # Both asserting, the same negation, confirmed by the model, is a conflict.
    c = "The State Department said the administration had a part in planning the raid."
    cc, cb = claim_from_text(c, "a:0"), claim_from_text(b, "b:0")
    sure = FakeNLI({(cc.content, cb.content): (0.9, 0.05, 0.05)})
    assert judged(NLIJudge(nli=sure), c, b, 0.8) == "conflict"
    # ... and the same pair across a denial is one position.
    d = "The State Department denied that the administration had a part in planning the raid."
    assert judged(NLIJudge(nli=sure), d, b, 0.8) == "agree"


def test_a_denial_in_its_own_words_is_not_one_position_with_what_it_denies() -> None:
    """"Rwanda denied backing the rebels" denies "UN experts said Rwandan troops fought beside
    the rebels": the gerund is what is denied (attribution), never an agreement; and a nominal
    denial kept whole ("Israel denied any part in the blast") against a report of the act is
    not one position either."""
    a = "Rwanda denied backing the M23 rebels."
    ca = claim_from_text(a, "a:0")
    assert (ca.speaker, ca.stance, ca.content) == ("Rwanda", "denies",
                                                   "Rwanda backing the M23 rebels.")
    b = "UN experts said Rwandan troops were fighting alongside the M23 rebels."
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.7) == "conflict"
    c = "Hamas officials denied requesting a pause in the fighting."
    assert judged(NLIJudge(nli=FakeNLI({})), "Hamas asked mediators for a pause in the fighting.",
                  c, 0.75) == "conflict"
    assert claim_from_text("The ministry denied wrongdoing in the contract award.",
                           "a:0").content.startswith("The ministry denied")  # a noun, kept
    d, e = "Israel denied any part in the blast.", "An Israeli strike caused the blast."
    assert judged(NLIJudge(nli=FakeNLI({})), d, e, 0.6) != "agree"


def test_a_denial_of_reports_of_a_happening_denies_the_happening() -> None:
    """"Israel denied reports of a strike on the hospital" denies the strike (not a denial kept
    whole, as "denied any part in the blast" is), so it conflicts with a report of the strike;
    reports that name no happening, or are called something after it, keep the whole sentence;
    "rebuffed claims that P" denies P."""
    a = claim_from_text("Israel denied reports of a strike on the hospital.", "a:0")
    assert (a.speaker, a.stance, a.content) == ("Israel", "denies", "A strike on the hospital.")
    for whole in ("Kyiv rejected the accusations of ethnic cleansing as lies.",
                  "Hamas denied claims of responsibility.",
                  "The army rejected claims of excessive force, calling them baseless."):
        assert claim_from_text(whole, "a:0").content == whole
    r = claim_from_text("The ministry rebuffed claims that the convoy was hit.", "a:0")
    assert (r.speaker, r.stance, r.content) == ("The ministry", "denies", "The convoy was hit.")
    assert claim_from_text("The government rebuffed the offer of talks.",
                           "a:0").stance == "asserts"  # an act, not a denial
    assert judged(NLIJudge(nli=FakeNLI({})), "Israel denied reports of a strike on the hospital.",
                  "Witnesses said an Israeli strike hit the hospital.", 0.6) == "conflict"


def test_a_loose_negation_across_a_denial_needs_the_model_to_agree() -> None:
    a = "The White House rejected claims that Ukraine had told Washington in advance."
    b = "The White House said Ukraine gave no advance notice."
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    contradiction = {(ca.content, cb.content): (0.9, 0.05, 0.05),
                     (cb.content, ca.content): (0.9, 0.05, 0.05)}
    assert judged(NLIJudge(nli=FakeNLI(contradiction)), a, b, 0.6) == "agree"
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.6) == "neither"


def test_hundreds_of_thousands_is_a_count_of_people_not_of_thousands() -> None:
    from divergence.judge.frames.counts import clash

    (x,) = counts("The war is believed to have killed hundreds of thousands of people.")
    (y,) = counts("The war has left tens of thousands of people dead.")
    assert (x.kind, x.head, x.lo) == ("deaths", "person", 200_000)
    assert clash(x, y)


def test_ordinal_days_months_with_capitals_and_when_a_war_began() -> None:
    from divergence.judge.text import dates

    assert [(d.kind, d.value) for d in dates("Fighting started on November 3rd, 2020.")][0] == (
        "monthday", "11-03")
    assert [(d.kind, d.value) for d in dates("on the 21st of April")] == [("monthday", "04-21")]
    assert ("month", "02") in [(d.kind, d.value) for d in dates("since February 2022")]
    assert not [d for d in dates("They march on; it may rain.") if d.kind == "month"]
    assert "outbreak" in happenings("Fighting in the region started on 3 November.")
    assert "outbreak" in happenings("an attack on the base, which set off the war")
    assert "capture" in happenings("Russian troops have controlled the plant since March.")
    r = when(pair("Fighting in the north started on November 3rd, 2020.",
                  "Fighting in the north broke out on 4 November 2020.", sim=0.8))
    assert r is not None and r.type == "date"


def test_claimed_responsibility_and_one_named_not_the_other() -> None:
    """"IS claimed responsibility" credits IS with the attack; "Ukraine, not IS, was behind the
    attack" credits Ukraine and rules IS out: a conflict over who did it."""
    def who(text: str) -> set[tuple[str, str | None]]:
        return {(x.role, x.agent) for x in frame_credits(claim_from_text(text, "a:0"))}

    assert ("cause", "hamas") in who("Hamas claimed responsibility for the attack on Friday.")
    assert ("cause", "hamas") in who("Responsibility for the shooting was claimed by Hamas.")
    assert who("Officials said that Ukraine, not Hamas, was behind the attack.") >= {
        ("cause", "ukraine"), ("not-cause", "hamas")}
    assert "strike" in happenings("The shooting at the concert hall killed 40 people.")
    r = responsibility(pair("Hamas claimed responsibility for the shooting at the mall.",
                            "Officials said that Ukraine, not Hamas, was behind the attack on "
                            "the mall.", sim=0.5))
    assert r is not None and r.type == "actor"


def test_blame_read_from_participles_coordination_and_the_work_of() -> None:
    """"an attack planned by X", "A and B were responsible", "the work of a pro-X group"."""
    def who(text: str) -> set[str | None]:
        return {x.agent for x in frame_credits(claim_from_text(text, "a:0")) if x.role == "cause"}

    assert who("The raid was planned by Hamas.") == {"hamas"}
    assert who("The bombing was orchestrated by Hezbollah, the ministry said.") == {"hezbollah"}
    assert who("The airliner was shot down by Russian air defences.") == {"russia"}
    assert who("Canada and Norway were responsible for the blasts.") == {"canada", "norway"}
    assert who("The sabotage was the work of a pro-Ukrainian group.") == {"pro-ukraine"}
    assert who("More than 70 drones were downed by US fighter jets.") == set()  # defence
    # everyday verbs blame only when a harm was done; "and" joins agents that open a clause
    assert who("The evacuation of the town was ordered by Israel on Monday.") == set()
    assert who("Officials praised the work of the Red Cross after the blast.") == set()
    assert who("Israeli jets pounded Beirut and Hezbollah fired rockets at Haifa.") >= {
        "hezbollah"}
    assert "lebanon" not in who("Israeli jets pounded Beirut and Hezbollah fired rockets.")
    assert "crash" not in happenings("Downing Street on Friday condemned the attack.")
    assert "blast" not in happenings("Hamas sabotaged the talks on Monday.")
    assert "crash" in happenings("The airliner crashed near Aktau.")
    assert "blast" in happenings("the sabotage of the pipelines")


def test_an_unnamed_harm_is_one_harm_only_when_both_frames_attribute_it() -> None:
    """"Russia was behind it" and "the sabotage was the work of Norway" dispute one harm; in a
    war, "Hezbollah fired at an Israeli post" and "Israel hit targets near Tyre" are two acts."""
    r = responsibility(pair("Officials said Russia was behind it.",
                            "The sabotage was the work of Norway.", sim=0.32))
    assert r is not None and r.type == "actor"
    assert responsibility(pair("Hezbollah fired at an Israeli military post.",
                               "Israel hit targets near Tyre in airstrikes on Monday.",
                               sim=0.32)) is None
    assert responsibility(pair("Officials said Russia was behind it.",
                               "The sabotage was the work of Norway.", sim=0.25)) is None
    # acts of war reported in the passive are not attributions; naming one more agent is not
    # naming another
    assert responsibility(pair("The convoy was attacked by Russian troops near Kharkiv.",
                               "A depot near Belgorod was hit by Ukraine.", sim=0.4)) is None
    assert responsibility(pair("Canada and Norway were responsible for the blasts.",
                               "Norway was responsible for the blasts.", sim=0.6)) is None


# ---------------------------------------------------------------- why: reasons and aims


def test_reasons_read_cues_aims_and_the_reason_of_an_adjective() -> None:
    from divergence.judge.frames import reasons

    (w,) = reasons("The army had pulled out for military reasons.")
    assert (w.explained, w.reason) == ("The army had pulled out", "military")
    (w,) = reasons("Commanders withdrew in order to spare the city further destruction.")
    assert w.reason == "spare the city further destruction"
    (w,) = reasons("Ruritania's aim had been to be highly destructive, and it failed.")
    assert (w.explained, w.reason) == ("Ruritania", "be highly destructive")
    (w,) = reasons("The aim of the incursion seemed to be to force a retreat.")
    assert (w.explained, w.reason) == ("the incursion", "force a retreat")
    assert reasons("The talks ended on Friday.") == ()
    # a cue ends at a word's end (old code: "because of" in "because officials" left "ficials")
    (w,) = reasons("The ceasefire was delayed because officials had not received the list.")
    assert w.reason == "officials had not received the list"


def test_linkage_reads_causes_told_as_caused_by_and_died_of() -> None:
    """Old code read "was caused by" only after "was": not "an accident caused by", "X caused
    the blaze" nor "died of"."""
    from divergence.judge.frames import linkage

    r = linkage(pair("Police said the protester had died of a heart attack.",
                     "The family's lawyer said the protester died from blunt force injuries to "
                     "the head.", sim=0.62))
    assert r is not None and "heart attack" in r.detail and "blunt force" in r.detail
    r = linkage(pair("The company said the blast at the chemical plant was an accident caused by "
                     "a pressure build-up in a tank.", "Officials said an act of sabotage "
                     "caused the blast at the chemical plant.", sim=0.6))
    assert r is not None and "pressure build-up" in r.detail and "sabotage" in r.detail
    # one cause, told twice; and a start that is no cause ("the talks started on Monday")
    assert linkage(pair("Police said the protester died of a heart attack.",
                        "Doctors said the protester died from a heart attack.", sim=0.8)) is None
    from divergence.judge.frames.reasons import reasons

    assert reasons("The talks started on Monday.") == ()


def test_linkage_a_link_denied_meets_one_told_in_time_or_either_way() -> None:
    """Old code read "had nothing to do with" one way only (the threat explained by the strike)
    and no link in "ended after", "resigned over" or "were separate matters"."""
    from divergence.judge.frames import linkage

    r = linkage(pair("The strike at the port ended after the government threatened to deploy "
                     "soldiers, the transport minister said.", "The government's threat to send "
                     "soldiers had nothing to do with the end of the port strike, union leaders "
                     "said.", sim=0.6))
    assert r is not None and "threatened" in r.detail and "not" in r.detail
    assert linkage(pair("The defence minister resigned over the failed offensive, officials "
                        "close to him said.", "The defence minister's resignation was unrelated "
                        "to the offensive, the prime minister's office said.", sim=0.8))
    assert linkage(pair("The ceasefire was linked to the release of the hostages, the group "
                        "said.", "Army officials said the ceasefire and the hostage release "
                        "were separate matters.", sim=0.6))
    # "after" is a link in time: never set against another reason, nor against another after
    assert linkage(pair("The strike ended after talks with the mayor, the union said.",
                        "The strike ended because of a pay offer, the company said.",
                        sim=0.7)) is None
    assert linkage(pair("The truce began after midnight, the army said.",
                        "The truce began after a phone call, the rebels said.", sim=0.7)) is None


def test_linkage_two_speakers_give_one_act_different_reasons() -> None:
    from divergence.judge.frames import linkage

    a = "The army said it had pulled out of the city for military reasons."
    b = "The governor said troops pulled out of the city in order to spare it more damage."
    r = linkage(pair(a, b, sim=0.6))
    assert r is not None and r.type == "linkage" and "military" in r.detail
    # the same reason in other words, or one reason told by the outlet's own voice: no dispute
    assert linkage(pair(a, "The governor said troops pulled out of the city because of "
                          "military needs.", sim=0.8)) is None
    assert linkage(pair(a, "Troops pulled out of the city in order to spare it more damage.",
                        sim=0.6)) is None
    # two different things explained, each named by both sides of a war
    assert linkage(pair("The minister said Ruritania fired the missiles to punish Borduria.",
                        "An official said the embassy stayed shut because Borduria and "
                        "Ruritania have no relations.", sim=0.45)) is None


def test_who_won_a_vote_is_a_credit_two_claims_can_dispute() -> None:
    """"declared Ruiz the winner" / "tallies showed Lima had won": one vote, two winners; the same
    words about two years' elections are two votes."""
    def won(text: str) -> set[str | None]:
        return {x.agent for x in frame_credits(claim_from_text(text, "a:0"))
                if x.role == "winner"}

    assert won("The commission declared Ana Ruiz the winner of Sunday's vote.") == {"ruiz"}
    assert won("The opposition said its tally sheets showed Pedro Lima had won the election.") == {
        "lima"}
    assert won("Lima won 52 percent of the vote.") == set()  # a share is not the win
    assert won("Ruiz was declared the winner by the commission.") == {"ruiz"}
    r = responsibility(pair("The commission declared Ana Ruiz the winner of Sunday's vote.",
                            "The opposition said Pedro Lima had won the election.", sim=0.5))
    assert r is not None and "won" in r.detail
    assert responsibility(pair("Ana Ruiz won the 2019 election.",
                               "Pedro Lima won the 2024 election.", sim=0.5)) is None
    assert responsibility(pair("Ana Ruiz won the presidential election.",
                               "Pedro Lima won the mayoral race in the capital.", sim=0.5)) is None
    assert responsibility(pair("The Liberal Party won the election.",
                               "Liberals won the election.", sim=0.9)) is None
    # "It was X that had begged for it": a cleft with its auxiliary
    assert ("requester", "borduria") in {
        (x.role, x.agent) for x in frame_credits(claim_from_text(
            "It was Borduria that had begged for the ceasefire.", "a:0"))}


def test_evidence_called_fake_against_what_it_shows() -> None:
    from divergence.judge.frames import debunked

    r = debunked(pair("The ministry said the video was fabricated.",
                      "The video showed soldiers firing on the crowd, witnesses said.", sim=0.4))
    assert r is not None and r.type == "attribution" and "video" in r.detail
    assert debunked(pair("The ministry dismissed the photos as propaganda.",
                         "Photos appeared to show a burning convoy.", sim=0.35)) is not None
    # other evidence, or a denial that the video was fake
    assert debunked(pair("The ministry said the video was fabricated.",
                         "The report found 30 civilians were killed.", sim=0.4)) is None
    assert debunked(pair("The lawyer said the video shows that the police account was untrue.",
                         "Witnesses said the video shows officers beating a man.",
                         sim=0.6)) is None
    assert debunked(pair("The ministry denied that the video was fake.",
                         "The video showed soldiers firing on the crowd.", sim=0.4)) is None


def test_a_story_called_false_against_its_plain_statement() -> None:
    from divergence.judge.frames.debunked import called_false_detector as called_false

    plain = "Rebels seized 40 trucks of the Goma convoy on Friday."
    # a speaker's "reports that P are untrue" is its denial of P (``ingest.called_false``),
    # which the attribution detector sets against P
    said = pair("Reports that rebels seized the Goma convoy's trucks are untrue, the army said.",
                plain)
    assert (said.a.speaker, said.a.stance) == ("the army", "denies")
    assert attribution(said) is not None
    for false in ("Fake: rebels seized 40 trucks of the Goma convoy",
                  "No, rebels did not seize 40 trucks of the Goma convoy",
                  "The Goma convoy seizure story was a hoax, officials said.",
                  "THE CONVOY SEIZURE IS A HOAX"):  # capitals hide the names: "convoy" is shared
        r = called_false(pair(false, plain))
        assert r is not None and r.type == "attribution" and "false" in r.detail, false
        assert called_false(pair(plain, false)) is not None, false  # either way round
    for not_so in ("Rebels used fake passports to seize 40 trucks of the Goma convoy.",
                   "The seizure of 40 trucks of the Goma convoy is no hoax, witnesses said.",
                   "Real or hoax? Rebels seize 40 trucks of the Goma convoy",
                   "Fake: the army shelled a market in Bukavu",  # no shared name, date or word
                   # a review's prose (helper-54): a quote's "No,", a hoax as a crime, doubt
                   # about a hoax, satire as a description, a fake news law
                   "No, the rebel chief said, 40 trucks of the Goma convoy were not seized.",
                   "Hoax bomb calls halted the Goma convoy of 40 trucks on Friday.",
                   "Police found no evidence the Goma convoy seizure on Friday was a hoax.",
                   "The satirical paper reported rebels seized 40 trucks of the Goma convoy.",
                   "A fake news law was used against reports of the Goma convoy seizure."):
        assert called_false(pair(not_so, plain)) is None, not_so
    assert called_false(pair("Fake: rebels seized 40 trucks of the Goma convoy", plain,
                             sim=0.3)) is None  # not close enough to be one story


def test_more_ways_to_say_who_mediated_asked_or_why() -> None:
    from divergence.judge.frames import linkage

    # a trade deal reached without mediators says nothing of who brokered a truce
    assert responsibility(pair("Valdora and Kessia reached the trade agreement directly, "
                               "without mediators.", "The ceasefire between Valdora and Kessia "
                               "was brokered by Norway.", sim=0.5)) is None
    assert not frame_credits(claim_from_text(
        "The central bank called for a pause in interest rate hikes.", "a:0"))
    assert not frame_credits(claim_from_text(
        "The minister resigned at the request of President Ana Ruiz.", "a:0"))
    asked = {(x.role, x.agent) for t in ("The humanitarian pause was proposed by the Valdoran "
                                          "side.",
                                          "Valdora never requested a truce.")
             for x in frame_credits(claim_from_text(t, "a:0"))}
    assert ("not-requester", "valdora") in asked and any(r == "requester" for r, _ in asked)
    assert responsibility(pair("Valdora asked for a truce on Friday, Kessia said.",
                               "Valdora never requested a truce.", sim=0.6)) is not None
    assert linkage(pair("Analysts said the army withdrew because of heavy losses.",
                        "The army said it withdrew as a goodwill gesture.", sim=0.7)) is not None
    assert linkage(pair("Officials said the strike was a response to rocket fire.",
                        "Kessia said the strike was unprovoked.", sim=0.65)) is not None
    assert "strike" in happenings("The assault started late on Monday night.")


def test_aligned_claims_with_other_values_conflict_instead_of_agreeing() -> None:
    """Two claims the judge aligns as one statement (a shared name, close) agree, unless they
    give another clock time, date or count of the same kind: then that is the conflict."""
    from divergence.judge.frames.aligned import values_apart

    j = NLIJudge(nli=FakeNLI({}))
    a = "The Kavu ferry sank at 14:00, the coastguard said."  # no timed happening: only the
    b = "The Kavu ferry went down at 9:30, officials said."  # alignment compares the times
    assert judged(j, a, b, 0.8) == "conflict"
    assert values_apart(pair(a, b, sim=0.8)) is not None
    # the same values agree; the day something was said is not the day it happened; a part is
    # not set against the whole; nor a breakdown, a vague figure, or weekdays
    assert judged(j, a, "The Kavu ferry went down at 2 pm, officials said.", 0.8) == "agree"
    assert judged(j, "Officials said on March 3 that the Kavu bridge had reopened.",
                  "The Kavu bridge has reopened to traffic, officials said on March 4.",
                  0.8) == "agree"
    assert values_apart(pair("On Monday rebels killed 20 people in Kavu village.",
                             "On Monday rebels killed 8 civilians in Kavu village.",
                             sim=0.9)) is None
    for x, y in (("Reports said fighters had executed more than 2,000 civilians since Sunday.",
                  "The government on Wednesday put the civilian toll at more than 2,000."),
                 ("The war has driven millions from their homes in Vellmark.",
                  "More than 12 million people have been displaced in Vellmark."),
                 ("A seven-year-old girl was among at least 12 people injured in Vellmark.",
                  "12 people were wounded in Vellmark.")):
        assert values_apart(pair(x, y, sim=0.7)) is None, x


def test_aligned_claims_compare_counts_of_things_round_figures_and_synonyms() -> None:
    """Old code compared only counts of happenings (deaths, arrests) given exactly: "three
    boats seized" / "six boats seized", "about 450 migrants" / "at most 200", "17 inmates" /
    "nine prisoners" and "a few hundred" / "more than 50,000" agreed on a name and a cosine."""
    from divergence.judge.frames.aligned import values_apart

    for x, y in (("Three fishing boats were seized by the Tarnish navy on Thursday.",
                  "The Tarnish navy seized six fishing boats on Thursday."),
                 ("At most 200 migrants were on board the boat that capsized off Sarrit.",
                  "The boat that overturned near Sarrit was carrying about 450 migrants."),
                 ("Seventeen inmates escaped from Dovrak central prison on Sunday.",
                  "Nine prisoners broke out of Dovrak central prison on Sunday."),
                 ("The march through central Aldmoor on Saturday drew a few hundred people.",
                  "More than 50,000 people marched through central Aldmoor on Saturday."),
                 # helper-222: a count opening a sentence ("Some 1,000") is no name's number,
                 # and "four gas leaks" counts leaks
                 ("Some 1,000 Tarnish troops crossed into the Aldmoor region.",
                  "As many as 300 Tarnish soldiers crossed into the Aldmoor region."),
                 ("Four gas leaks were found on the Aldmoor pipelines.",
                  "Divers found three leaks on the Aldmoor pipelines.")):
        r = values_apart(pair(x, y, sim=0.8))
        assert r is not None and r.type == "number", x
    # the number of a name, a loose plural, a fraction's whole: no count to set against another
    for x, y in (("The Nord Stream 1 pipeline was damaged, Podoliak said.",
                  "One line of the Nord Stream 2 pipeline began leaking southeast of Bornholm."),
                 ("Scores of people were killed as the RSF captured el-Fasher.",
                  "The RSF killed 460 people at the Saudi hospital in el-Fasher."),
                 ("The UN said 2.2 million people in Gaza are at risk of famine.",
                  "The UN says a quarter of Gaza's 2.3 million people face starvation.")):
        assert values_apart(pair(x, y, sim=0.7)) is None, x


def test_aligned_claims_compare_how_long_and_how_much() -> None:
    """Old code left spans of time and shares of aligned claims uncompared: "a three-week
    strike" / "lasted 40 days" and "52 percent of the vote" / "barely a third" agreed."""
    from divergence.judge.frames.aligned import values_apart
    from divergence.judge.frames.spans import durations, shares

    for x, y in (("Dock workers in Port Halla ended a three-week strike on Monday.",
                  "The strike by Port Halla dockers, which lasted 40 days, ended on Monday."),
                 ("The curfew imposed in Harl on Sunday will last 72 hours.",
                  "Harl's curfew, imposed on Sunday, will stay in force for two weeks."),
                 ("The Unity Party won 52 percent of the vote in Velmar's election.",
                  "The Unity Party took barely a third of the vote in Velmar's election."),
                 ("Nine out of ten workers at the Grell plant joined the strike.",
                  "Only about a third of workers at the Grell plant walked out.")):
        r = values_apart(pair(x, y, sim=0.8))
        assert r is not None and r.type == "number", x
    # moments and windows are no spans; "a year" is loose; a share agrees within its bounds
    for t in ("It happened two years ago.", "Talks resume within 48 hours.",
              "Rescuers arrived 48 hours after the collapse.", "in the last two weeks",
              "Israel joins at the 12th hour.", "Israel follows 12 hours afterwards."):
        assert durations(t) == (), t
    assert durations("The debate lasted for 11 days before the vote.")[0].lo > 10
    assert values_apart(pair("After a 17-month siege, the RSF captured el-Fasher.",
                             "El-Fasher had spent a year under blockade.", sim=0.7)) is None
    assert values_apart(pair("The Unity Party won 52 percent of the vote.",
                             "The Unity Party won just over half of the vote.", sim=0.8)) is None
    assert [round(m.hi, 2) for m in shares("Nine out of ten workers joined.")] == [0.91]


def test_counts_read_more_ways_people_are_counted_and_told_apart() -> None:
    """Old code: "more than a thousand" counted nothing, "300 protesters were held" was no
    arrest, "forced 90,000 people from their homes" no displacement, embassy "employees" were
    not its "staff", ages went uncompared; "this year's" and "last year's" heatwave were one,
    "twelve of those wounded" a toll, and "all 30 crew were rescued" a zero of passengers."""
    from divergence.judge.frames.aligned import values_apart

    def read(t: str) -> list[tuple[str, str, float, float]]:
        return [(c.kind, c.head, c.lo, c.hi) for c in counts(t)]

    assert read("More than a thousand workers were laid off.") == [
        ("count", "worker", 1000, float("inf"))]
    assert read("More than 300 protesters were held after the rally.")[0][0] == "arrests"
    assert read("The fighting has forced 90,000 people from their homes.")[0][0] == "displacement"
    assert read("Twelve of those wounded were police officers.") == []
    assert count(pair("The embassy said none of its staff were injured in the rocket attack.",
                      "Two embassy employees were wounded in the rocket attack.", 0.6))
    assert values_apart(pair("The 82-year-old former president Oskar Thal died on Monday.",
                             "Former president Oskar Thal died on Monday aged 67.", 0.9))
    assert count(pair("This year's heatwave in Brisla killed 400 people.",
                      "Last year's heatwave in Brisla killed 150 people.", 0.9)) is None
    assert count(pair("All 30 crew members of the ferry Orla were rescued, the coastguard said.",
                      "Four passengers from the ferry Orla are still missing.", 0.7)) is None
    assert count(pair("Rescuers said everyone reported missing after the landslide had now been "
                      "accounted for.", "Twenty-three people remain missing after the landslide.",
                      0.77))


def test_the_review_of_the_new_readers_edges() -> None:
    """A review (239 pairs written against the session's new rules) found these wrong at
    221e888: a part of a count, another act, another whole, another person, a round figure, a
    drowned-out speech, a role in something else, a gap of another act, a chain of causes."""
    from divergence.judge.frames import linkage
    from divergence.judge.frames.aligned import values_apart

    for x, y in (("Halden Bank laid off 200 employees in Kessa this week, the union said.",
                  "Halden Bank employs 350 staff in Kessa, the union said."),
                 ("Half of the hospitals in Ossa were damaged in the fighting, the WHO said.",
                  "A third of the schools in Ossa were destroyed in the fighting, the UN said."),
                 ("The 82-year-old former president Halvor Dunn led mourners at the funeral.",
                  "Dunn's wife Mira, who died aged 67, was buried on Sunday."),
                 ("Almost a thousand people fled the fighting in Ossa overnight, the UN said.",
                  "The UN said 985 people fled the fighting in Ossa overnight."),
                 ("Former minister Ivo Brand was jailed for 12 years on Tuesday.",
                  "The trial of former minister Ivo Brand lasted six months.")):
        assert values_apart(pair(x, y, sim=0.7)) is None, x
    assert count(pair("No one was killed in the protest in Dorn on Saturday, police said.",
                      "Chants from 300 protesters drowned out the minister's speech in Dorn on "
                      "Saturday.", 0.6)) is None
    assert responsibility(pair("Egypt had not been consulted on the border closure, officials in "
                               "Cairo said, a day before the ceasefire.", "Egypt helped broker the "
                               "ceasefire, officials said.", sim=0.6)) is None
    assert responsibility(pair("The president praised Qatar for its role in hosting the games, "
                               "hours after the hostages were released.", "Qatar played no part "
                               "in the release of the hostages, officials said.", sim=0.5)) is None
    assert when(pair("The Orlo bridge collapsed on Monday and rescuers pulled out the last "
                     "survivor the following day.", "The Orlo bridge collapsed on Tuesday, "
                     "officials said.", 0.8))
    assert linkage(pair("Fire investigators said a short circuit caused the blaze at the Korr "
                        "warehouse.", "The fire service said an overloaded cable caused the short "
                        "circuit that started the Korr warehouse blaze.", sim=0.7)) is None
    assert linkage(pair("Officials said the ceasefire and the hostage release were separate "
                        "matters.", "Mediators said the ceasefire came after the hostage "
                        "release.", sim=0.6)) is None
    from divergence.judge.detectors import negations

    assert negations("Engineers said it was the cooling pump that failed on Friday.")


def test_a_link_drawn_and_denied_and_who_asked_for_talks() -> None:
    from divergence.judge.frames import linkage, reasons

    assert not any(w.denied for w in reasons(
        "The school was closed because the boiler could not supply heating."))
    assert linkage(pair("Police said the shooting was unrelated to the city's gang feud.",
                        "Officials said the shooting was the result of a dispute at the city's "
                        "market.", sim=0.6)) is None
    assert any(w.denied and w.reason == "flooding" for w in reasons(
        "The order to evacuate the town was issued because of an expected assault, not flooding."))
    r = linkage(pair("The mayor said the town was evacuated because of rising floodwaters.",
                     "Officers said the town was evacuated because of an expected assault, not "
                     "flooding.", sim=0.6))
    assert r is not None and "not 'flooding'" in r.detail
    assert linkage(pair("Prosecutors said the arrest of the general was linked to the coup.",
                        "His lawyer said the arrest of the general was unrelated to the coup.",
                        sim=0.7)) is not None
    assert linkage(pair("Officials said the fire at the plant was started by a drone strike.",
                        "Investigators blamed the fire at the plant on a gas leak.", sim=0.6))
    talks = {(x.outcome, x.agent) for t in (
        "The Aldmoor government asked for the talks in Lisvar.",
        "The talks were convened at the request of the rebel Highland Alliance.")
        for x in frame_credits(claim_from_text(t, "a:0")) if x.role == "requester"}
    assert talks == {("meeting", "aldmoor"), ("meeting", "highland")}


def test_a_time_told_loosely_is_the_same_time() -> None:
    from divergence.judge.frames.times import compare_times

    r = compare_times(pair("A drone struck the plant shortly before 3 am, the operator said.",
                           "The plant was hit by a drone at about 2:50 am.", sim=0.7))
    assert r is not None and r.type == "same-value"
    r = compare_times(pair("A drone struck the plant at 3 am.", "The plant was hit at 2:50 am.",
                           sim=0.7))
    assert r is not None and r.type == "date"  # both told exactly: ten minutes apart
    assert (counts("Only two reporters were held by police at the protest.")[0].kind
            == "arrests")


def test_counts_read_killing_verbs_a_number_told_late_and_bounds_that_are_not_denials() -> None:
    from divergence.judge.detectors import negations

    (x,) = counts("RSF fighters had executed more than 2,000 civilians since Sunday.")
    assert (x.kind, x.head, x.lo) == ("deaths", "civilian", 2000)
    (y,) = counts("The government put the number of civilians killed by the RSF in the city "
                  "since its fighters entered it at more than 2,000.")
    assert (y.kind, y.head, y.lo) == ("deaths", "civilian", 2000)
    assert not negations("No fewer than 2,000 people have died in the city.")
    assert not negations("Not more than ten people were hurt.")
    assert negations("No one died in the city.")


def test_a_toll_that_reached_its_number_far_on_is_read_and_killing_is_a_death() -> None:
    """Old code read no death toll in "the death toll from the strikes on the depot has reached
    31" nor in "the number of people killed by U.S. strikes ... has climbed to 31" (a period
    of "U.S." ended the search), and "killing 12 and wounding 40" told of no deaths or injuries,
    so two tolls of one strike did not meet."""
    (x, _) = counts("The death toll from the strikes on the Marsa fuel depot has reached 31, "
                    "with 40 wounded.")
    assert (x.kind, x.head, x.lo, x.hi) == ("deaths", "person", 31, 31)
    (y, _) = counts("The number of people killed by overnight U.S. strikes on Marsa, a fuel depot "
                    "on the coast, has climbed to 31, with another 40 injured.")
    assert (y.kind, y.head, y.lo) == ("deaths", "person", 31)
    assert {"deaths", "injuries"} <= happenings("Air strikes hit the Marsa fuel depot on Friday, "
                                                 "killing 12 workers and wounding 40.")
    assert count(pair("Air strikes hit the Marsa fuel depot on Friday, killing 12 people and "
                      "wounding 40.", "The death toll from the strikes on the Marsa fuel depot "
                      "has reached 31, with 40 wounded.", 0.7)) is not None
    # a road is no toll, and a count of another thing stays itself; a new clause between the
    # toll and a rise tells of something else (helper-239's review)
    assert [(c.kind, c.head) for c in counts("The toll road from the port has reached 74 km.")
            ] == [("count", "km")]
    assert not [c for c in counts("The death toll from the strikes remains unclear, but officials "
                                  "said the fires had spread and rescue teams had grown to 40.")
                if c.kind == "deaths"]


def test_counts_read_people_called_fighters_staff_lorries_and_captives() -> None:
    (x,) = counts("At least 40 Kessian fighters were taken prisoner before the truce.")
    assert (x.kind, x.head) == ("arrests", "fighter")
    (y,) = counts("Only nine rebels were captured before the ceasefire took hold.")
    assert (y.kind, y.head) == ("arrests", "fighter")
    (z,) = counts("Two fighters were shot down over the border.")
    assert (z.kind, z.head) == ("losses", "aircraft")
    (w,) = counts("Nine foreign relief staff were freed by their captors on Friday.")
    assert (w.kind, w.head) == ("released", "staff")  # not workers: hospital staff are not
    (v,) = counts("Only a dozen lorries made it into the city.")
    assert v.head == "truck"


def test_counts_of_one_happening_pinned_by_a_place_and_a_zero_total() -> None:
    r = count(pair("At least 40 fighters were taken prisoner at the Merro Pass, the army said.",
                   "Only nine rebels were captured at the Merro Pass, the Front said.", sim=0.4))
    assert r is not None and r.type == "number"
    # bare counts of things, or a day alone, pin nothing (review, helper-40)
    assert count(pair("Thirty aid trucks reached Kalmi on Wednesday, the UN said.",
                      "Twelve trucks were turned back at the Kalmi crossing on Wednesday, the "
                      "army said.", sim=0.5)) is None
    assert count(pair("Estmark said 40 people were detained in Kalmi on Tuesday.",
                      "Estmark said 12 people were detained at the Tarsia border on Tuesday.",
                      sim=0.45)) is None
    # a total of none since the start holds for any week of it
    assert count(pair("The air force said none of its jets had been lost since the offensive "
                      "began.", "Two of its warplanes were shot down this week, the rebels said.",
                      sim=0.5)) is not None
    # a total against one day's figure is not a clash
    assert count(pair("The army said 12 of its soldiers had been killed since the offensive "
                      "began.", "Three soldiers were killed on Tuesday, the army said.",
                      sim=0.6)) is None


def test_clock_times_in_words_of_the_day() -> None:
    got = {d.value for d in times("The square was cleared at around two in the morning.")}
    assert "02:00" in got
    assert {d.value for d in times("Shots rang out at ten at night.")} == {"22:00"}


def test_counts_of_a_group_of_people_one_holder_and_homes_burned() -> None:
    """(2026-12-04) A named group outnumbering all the people of one happening ("more than 300
    protesters" / "112 people") conflicts, a part of them does not; two counts held by one noun
    ("a convoy of 30 trucks" / "the 45-truck convoy") are one thing; "burned down" counts
    losses, and houses are homes."""
    assert count(pair("More than 300 protesters were arrested in the capital on Saturday.",
                      "Police said they detained 112 people during Saturday's protests in the "
                      "capital.", sim=0.7))
    assert count(pair("The strike killed 12 people, the health ministry said.",
                      "Five children were among those killed in the strike.", sim=0.73)) is None
    assert count(pair("A convoy of 30 trucks reached the city on Monday.",
                      "The 45-truck convoy arrived in the city on Monday, the UN said.", sim=0.79))
    assert count(pair("A convoy of 30 trucks reached the city on Monday.",
                      "A second convoy of 45 trucks is expected next week.", sim=0.66)) is None
    assert count(pair("The UN said 2.2 million people are at risk of famine.",
                      "The UN says a quarter of the 2.3 million people face starvation.",
                      sim=0.6)) is None
    assert count(pair("The fire destroyed 120 homes in the village.",
                      "About 40 houses burned down in the village, the mayor said.", sim=0.79))


def test_nobody_harmed_and_jets_brought_down_are_counts() -> None:
    """(2026-12-04) "No one had died in the floods" is none dead against seven bodies; "nobody
    was harmed" is no one killed either; "brought down" counts lost aircraft."""
    assert count(pair("Officials said no one had died in the floods in the valley towns.",
                      "The bodies of seven people have been recovered from the flooded valley "
                      "towns, rescuers said.", sim=0.6))
    assert count(pair("The strike on Brenna killed four civilians, the health department said.",
                      "Nobody was harmed in the Brenna strike, the army said.", sim=0.6))
    assert count(pair("The ministry said none of its aircraft had been lost overnight.",
                      "Two of its fighter jets were brought down by ground fire overnight.",
                      sim=0.6))
    assert count(pair("The riot was quelled without bloodshed, the ministry said.",
                      "No one was arrested during the riot, police said.", sim=0.6)) is None


def test_two_moments_of_one_happening_neither_conflict_nor_agree() -> None:
    """(2026-12-04) "announced on Friday" / "took effect on Saturday", "opened on 14 March" /
    "closed on 16 March", "seized on 3 June" / "released on 19 June" are two moments: no date
    conflict, and no agreement either; one moment on two days still conflicts."""
    from divergence.judge import Judge
    from divergence.judge.moments import two_moments

    judge = Judge()
    for a, b in (("The truce was announced on Friday.", "The truce took effect on Saturday."),
                 ("The summit opened on 14 March.", "The summit closed on 16 March."),
                 ("The ship was seized on 3 June, its operator said.",
                  "The ship was released on 19 June, the operator said."),
                 ("The curfew was imposed on Monday.", "The curfew was lifted on Thursday.")):
        assert two_moments(a, b), a
        assert NLIJudge(nli=None).judge(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"),
                                        0.85).label == "neither", a
        assert judge.judge(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"),
                           0.85).label != "conflict", a
    for a, b in (("The truce took effect at midnight on Sunday.",
                  "The ceasefire came into force at 8 a.m. on Sunday."),
                 ("The bank announced the merger before markets opened on Monday.",
                  "The merger was announced after markets closed on Monday.")):
        assert not two_moments(a, b), a
    assert when(pair("The truce took effect at midnight on Sunday, the army said.",
                     "The ceasefire came into force at 8 a.m. on Sunday, officials said.", 0.66))


def test_parts_of_the_day_are_times_that_may_conflict() -> None:
    """"At dawn" and "shortly before midnight" cannot both time one strike; "morning" and
    "afternoon" of one day are two times; parts of the day that meet are one time; "Monday
    night" and "early on Tuesday" may be one night (2026-12-04)."""
    assert when(pair("The strike hit the town at dawn, residents said.",
                     "The air raid on the town came shortly before midnight, the army said.",
                     sim=0.5)) is not None
    assert when(pair("The strike on the port came on Monday morning.",
                     "An air strike hit the port on Monday afternoon, officials said.", sim=0.85))
    assert when(pair("Drones struck the port at 3 p.m., the navy said.",
                     "The port was struck by drones before dawn.", sim=0.7))
    for a, b in (("The strike came at dawn on Monday.", "The port was struck early on Monday "
                  "morning."),
                 ("The strike came in the evening.", "The port was struck at night, officials "
                  "said."),
                 ("Drones struck the port at 2 a.m.", "The port was hit by drones overnight."),
                 ("The ship was seized early on Tuesday off the coast.",
                  "Coast guard officials said the ship was seized on Monday night."),
                 ("Drones struck the port overnight into Tuesday.",
                  "The port was hit by drones on Monday night, officials said."),
                 ("The night shift at the port was cut.", "The port opened at 8 a.m.")):
        assert when(pair(a, b, sim=0.8)) is None, a
    # another night is another day
    assert when(pair("Drones struck the port on Tuesday night.",
                     "The port was hit by drones on Monday night, officials said.", sim=0.9))
    assert [d.value for d in times("Shots rang out late on Tuesday.") if d.kind == "daypart"] == [
        "960-1440"]  # half a day, as loosely as outlets say it
    # review (2026-12-04): the hour a speaker spoke, a deadline, a metaphor are no time of it
    for a, b in (("The utility said late on Monday that the blackout had hit 2 million homes.",
                  "The blackout hit 2 million homes at about 11 a.m. on Monday."),
                 ("Authorities ordered residents to evacuate by nightfall as the flood rose.",
                  "Authorities issued the flood evacuation order at 11 a.m."),
                 ("The quake struck late on Monday, the survey said.",
                  "The quake struck in the early hours of Tuesday, the survey said."),
                 ("The walkout began late on Friday.", "The walkout began on Friday at 5 p.m.")):
        assert when(pair(a, b, sim=0.85)) is None, a


def test_a_number_both_claims_give_pins_them_only_when_it_counts_one_kind() -> None:
    from divergence.judge.anchors import specific_anchors

    assert "14" not in specific_anchors(
        "The militia released 14 aid workers on Friday.",
        "Fourteen militia fighters were killed on Friday in clashes.")
    assert "200" not in specific_anchors("About 200 people were detained at the protest.",
                                          "Some 200 police officers were deployed.")
    assert "12" in specific_anchors("Twelve miners were killed in the explosion.",
                                     "The blast left a dozen workers dead.")


def test_who_proposed_a_swap_a_corridor_or_talks_in_more_words() -> None:
    def asked(text: str) -> set[tuple[str, str, str | None]]:
        return {(x.outcome, x.role, x.agent) for x in frame_credits(claim_from_text(text, "a:0"))}

    assert ("meeting", "requester", "caspen") in asked(
        "A spokeswoman said it was Caspen that had pressed for the meeting.")
    assert ("swap", "requester", "volte") in asked(
        "Rovian President Kasimir Volte proposed the prisoner swap in a letter last month.")
    assert ("swap", "requester", "strand") in asked(
        "The idea for the prisoner exchange originated with Estmark Prime Minister Helga Strand.")
    assert ("corridor", "requester", "northern") in asked(
        "The Northern Serevan Front proposed the humanitarian corridor into Kalmi.")
    assert ("meeting", "requester", "government") in asked(
        "Barant said the Government had invited the movement to talks.")
    assert ("corridor", "not-requester", "kessia") in asked(
        "Valdora opened the humanitarian corridor after an appeal from aid groups, not at "
        "Kessia's request.")
    assert responsibility(pair("Kasimir Volte proposed the prisoner swap, his spokesman said.",
                               "The idea for the prisoner exchange originated with Helga Strand, "
                               "officials said.", sim=0.5)) is not None
    # an everyday proposal is no one asking for talks
    assert not asked("The minister proposed a new budget on Monday.")


def test_who_mediated_a_release_is_compared_with_releases_only() -> None:
    a = "The 14 aid workers were freed after mediation by Qal-Meris, diplomats said."
    b = ("According to a source, it was the Tarsian intelligence service, not any foreign "
         "mediator, that secured the release of the aid workers.")
    assert responsibility(pair(a, b, sim=0.5)) is not None
    assert responsibility(pair(
        "The tanker's crew were released on Sunday following mediation by Ormaz, officials said.",
        "State media said the crew were let go after a court ruling, dismissing any role by "
        "outside mediators.", sim=0.5)) is not None
    # a release and a truce are other outcomes
    assert responsibility(pair("The hostages were freed after mediation by Qatar.",
                               "The ceasefire was brokered by Egypt.", sim=0.5)) is None


def test_reasons_given_in_return_for_on_orders_only_after_and_in_other_verbs() -> None:
    from divergence.judge.frames import linkage, reasons

    def why(text: str) -> list[str]:
        return [w.reason for w in reasons(claim_from_text(text, "a:0").content)]

    assert why("The hostages were released in return for six jailed fighters.") == [
        "six jailed fighters"]
    assert why("The mines were shut down on orders from the inspectorate.") == ["the inspectorate"]
    assert why("Lehl accepted the deal only after the bloc threatened sanctions.") == [
        "the bloc threatened sanctions"]
    assert why("Dorran dismissed the general over his role in the coup.") == [
        "his role in the coup"]
    assert linkage(pair("The Red Hand said it freed the aid workers in return for a ransom.",
                        "The hostages were released in exchange for six jailed militants, a "
                        "security official said.", sim=0.4)) is not None
    # a deal's terms and its aim, an order and a reason, may both hold (review, helper-40)
    assert linkage(pair("Estmark will buy 40 jets in return for access to Tarsian ports, the "
                        "minister said.", "Estmark is buying the jets in order to modernise "
                        "its air force, analysts said.", sim=0.6)) is None
    assert linkage(pair("The troops withdrew from Kalmi on orders from the general staff, the "
                        "ministry said.", "The troops withdrew from Kalmi because of heavy "
                        "losses, analysts said.", sim=0.7)) is None
    assert not why("The strike was called off only after midnight.")
    # whole verbs only: "suspected" is not "suspended"
    from divergence.judge.frames.reasons import act_stems
    assert not act_stems("the suspected gunmen") & act_stems("flights were suspended")


def test_a_time_in_gmt_is_not_compared_with_a_local_time() -> None:
    """"0400 GMT" is a time; against a local "3:30 a.m." there is no common clock, so neither
    a conflict nor the same time; two GMT times compare."""
    from divergence.judge.text import dates

    assert [(d.kind, d.value) for d in dates("beginning around 0400 GMT on Tuesday")][0] == (
        "time", "04:00")
    assert when(pair("The ceasefire began around 0400 GMT on Tuesday.",
                     "The ceasefire began at 3:30 a.m. on Tuesday.", sim=0.8)) is None
    r = when(pair("The ceasefire began at 0400 GMT on Tuesday.",
                  "The ceasefire began at 0600 GMT on Tuesday.", sim=0.9))
    assert r is not None and r.type == "date"


def test_times_in_two_zones_are_compared_on_one_clock() -> None:
    """Coverage from two countries gives one moment in two zones: "5 pm IST" is "4:30 pm PKT"
    (the same time, not a conflict), "1800 GMT" is "9 pm Moscow time", "17:00 GMT" is not "5 pm
    Moscow time". A zone whose offset the name does not fix ("Kyiv time") compares only with
    itself; a zoned time against one with no zone has no common clock."""
    from divergence.judge.detectors import DETECTORS

    same = [("The ceasefire took effect at 5 pm IST on Saturday.",
             "The ceasefire took effect at 4:30 pm PKT on Saturday."),
            ("The truce began at 1800 GMT on Friday.",
             "The truce began at 9 pm Moscow time on Friday."),
            ("The truce began at 13:00 (GMT+4) on Tuesday.",
             "The truce began at 9:00 GMT on Tuesday."),
            # "local time (GMT+2)": the zone after "local time" (old code: no zone, no clock)
            ("The missile struck Velk at 02:00 GMT on Tuesday.",
             "The missile struck Velk at 04:00 local time (GMT+2) on Tuesday.")]
    for a, b in same:
        p = pair(a, b, sim=0.85)
        r = same_value(p)
        assert r is not None and r.type == "same-value", a
        assert when(p) is None and DETECTORS.make("date")(p) is None, a
        assert DETECTORS.make("entity")(p) is None, a  # "IST" / "PKT" is no swap of names
    r = same_value(pair(*same[0], sim=0.85))
    assert [sp.text for sp in r.spans] == ["5 pm IST", "4:30 pm PKT"]
    for a, b in (("The ceasefire took effect at 17:00 GMT.",
                  "The ceasefire took effect at 5 pm Moscow time."),
                 ("The missile struck Velk at 02:00 GMT on Tuesday.",
                  "The missile struck Velk at 09:00 local time (GMT+2) on Tuesday."),
                 ("The truce began at 9 am Kyiv time.", "The truce began at 10 am Kyiv time.")):
        r = when(pair(a, b, sim=0.85))
        assert r is not None and r.type == "date", a
    for a, b in (("The truce began at 5 pm on Saturday.", "The truce began at 4:30 pm PKT on "
                  "Saturday."), ("The truce began at 9 am Kyiv time.", "The truce began at "
                                 "10 am Moscow time.")):
        p = pair(a, b, sim=0.85)
        assert when(p) is None and same_value(p) is None, a


def test_zone_abbreviations_are_no_names() -> None:
    """Every zone abbreviation of time_zones.txt (three letters or more) after a clock time is a
    clock, not a name: "5 pm EST" names nobody, as "5 pm IST" does not."""
    from divergence.judge.text import entities
    from divergence.wordlists import alias_table

    zones = [z for z in alias_table("time_zones") if z.isupper() and len(z) >= 3]
    assert {"GMT", "IST", "EST", "PST"} <= set(zones)
    for z in zones:
        assert not entities(f"The truce began at 5 pm {z} on Friday."), z


def test_the_guns_falling_silent_in_the_present_tense_is_a_truce() -> None:
    """"heard the blasts die away around 30 minutes before midnight" is when the fighting
    stopped, set against "the fighting stopped at 0:30"."""
    assert "ceasefire" in happenings("A reporter heard the blasts die away around 30 minutes "
                                     "before midnight.")
    assert "ceasefire" not in happenings("The talks end today.")
    # a habit or a condition is no truce (review, helper-44)
    assert "ceasefire" not in happenings("The shelling stops around 2 a.m. every night.")
    assert "ceasefire" not in happenings("Convoys will cross once the guns fall silent.")
    r = when(pair("The fighting between the two sides stopped at 0:30 local time.",
                  "A reporter in the town heard the blasts die away around 30 minutes before "
                  "midnight.", sim=0.4))
    assert r is not None and r.type == "date"


def test_times_of_a_truce_told_as_quiet_or_as_fighting_due_to_stop_and_of_a_release() -> None:
    """(2026-12-05, ninth session) Old code named no happening in "the guns went quiet", "fighting
    was supposed to stop at 6 p.m." or "the detainees walked free on Tuesday", nor a time in
    "shortly after dawn", so their days and hours were never compared."""
    for a, b in (("The truce took hold at 8 p.m. on Thursday.",
                  "The guns only went quiet on Friday morning, residents said."),
                 ("The ceasefire was due to start at noon.",
                  "Fighting was supposed to stop at 6 p.m., according to the rebels."),
                 ("The prisoners were released on Monday afternoon.",
                  "The detainees walked free on Tuesday, their lawyers said."),
                 ("The rebels said the strike on the depot came shortly after dawn.",
                  "The army said the strike on the depot came at 11 p.m.")):
        r = when(pair(a, b, sim=0.45))
        assert r is not None and r.type == "date", a
    # a deal struck on one day and its first release on another are two moments (found through
    # a false flag this session's release reading gave on a test pair, labelled blind)
    assert when(pair("The first captives could be freed on Sunday, when the deal takes effect.",
                     "The agreement, struck on Wednesday, provides for 33 captives to be "
                     "released.", sim=0.5)) is None
    assert "release" not in happenings("The army released a statement on Monday.")
    assert "release" not in happenings("The ministry released new figures on Tuesday.")
    assert "release" not in happenings("The ministry released figures on Tuesday.")
    assert when(pair("The army released a statement on Monday.",
                     "The rebels released a video on Tuesday.", sim=0.5)) is None
    # after dawn meets the morning
    assert when(pair("The strike on the depot came shortly after dawn.",
                     "The depot was struck by a missile at 7 a.m.", sim=0.6)) is None


def test_mediators_named_in_more_words() -> None:
    """Two mediators of one verb, and a central role in mediating; not a role in the talks."""
    def credited(t: str) -> set[tuple[str, str | None]]:
        return {(x.role, x.agent) for x in frame_credits(claim_from_text(t, "a:0"))}

    assert credited("The deal, which Qatar and Egypt brokered, took effect on Sunday.") == {
        ("mediator", "qatar"), ("mediator", "egypt")}
    assert ("mediator", "united states") in credited(
        "An official said the US had a central role in mediating the truce.")
    # review (helper-44): a party to the talks has a role in them too; the parties that
    # negotiated are not two mediators; praise for both sides names no mediator
    assert credited("Congo played a central role in the talks on the ceasefire.") == set()
    assert ("mediator", "congo") not in credited("Congo and Rwanda negotiated a ceasefire.")
    assert credited("The emir gave credit to both sides for agreeing to the ceasefire.") == set()


def test_a_mediator_named_in_a_clause_set_off_by_commas() -> None:
    """"The agreement, brokered by the US and France, came into force" credited no one (found
    reading dev's agreements judged "neither", 2026-12-04 night)."""
    def credited(t: str) -> set[tuple[str, str | None]]:
        return {(x.role, x.agent) for x in frame_credits(claim_from_text(t, "a:0"))}

    assert credited("The agreement between the two governments, brokered by Qatar and Egypt, "
                    "came into force at 4 a.m.") == {("mediator", "qatar"), ("mediator", "egypt")}
    r = responsibility(pair("The truce, brokered by Qatar, took hold on Monday.",
                            "Egypt mediated the truce that took hold on Monday.", 0.7))
    assert r is not None and "qatar" in r.detail and "egypt" in r.detail
    # a comma before another participle, or before "by" of a date, credits no one
    assert credited("The truce, signed by both commanders, took hold on Monday.") == set()


def test_two_named_mediators_and_foreign_mediators_naming_no_one() -> None:
    """(2026-12-04 late night) "Qatari and Egyptian mediators" credited Egypt alone, and
    "Foreign mediators left the talks" a mediator called "foreign"."""
    def credited(t: str) -> set[tuple[str, str | None]]:
        return {(x.role, x.agent) for x in frame_credits(claim_from_text(t, "a:0"))}

    assert credited("The truce was agreed after Qatari and Egyptian mediators met both sides."
                    ) == {("mediator", "qatar"), ("mediator", "egypt")}
    assert credited("Foreign mediators left the ceasefire talks on Monday.") == set()
    assert credited("Outside mediators met both sides before the truce.") == set()
    assert credited("Omani mediators met both sides before the truce.") == {("mediator", "oman")}


def test_a_facilitator_took_part_against_no_outsider_involved() -> None:
    """(2026-12-04 late night, read probes c023 and c034) "The swap was facilitated by the Red
    Cross" beside "a purely bilateral arrangement with no outside organisation involved" was
    called agree on the names both share. A facilitator is no mediator (an earlier review), but
    it took part: that clashes with "no outsider was involved", and with nothing less."""
    def credited(t: str) -> set[tuple[str, str | None]]:
        return {(x.role, x.agent) for x in frame_credits(claim_from_text(t, "a:0"))}

    assert credited("The prisoner swap was facilitated by the Red Cross.") == {
        ("involved", "cross")}
    assert ("involved", "switzerland") in credited(
        "The railway agreement was signed after Swiss facilitators spent a year on its annexes.")
    assert ("involved", None) in credited(
        "No third party was involved in the railway agreement at any point.")
    assert ("involved", None) not in credited("The truce was agreed bilaterally, without "
                                              "mediation.")
    j = NLIJudge(nli=FakeNLI({}))
    a = "The Varn-Oskel prisoner swap was facilitated by the Red Cross, which moved the detainees."
    b = ("The Varn-Oskel prisoner swap was a purely bilateral arrangement with no outside "
         "organisation involved, the defence ministry said.")
    assert judged(j, a, b, 0.6) == "conflict"
    assert responsibility(pair(a, "The Varn-Oskel prisoner swap was agreed without mediation.",
                               0.6)) is None  # no mediation: a facilitator may still have helped
    assert responsibility(pair(a, "Qatar mediated the Varn-Oskel prisoner swap.", 0.6)) is None


def test_mediators_as_outlets_name_them_and_no_mediator_in_more_words() -> None:
    """(2026-12-04) "Qatari diplomats brokered", "after Omani mediation", "thanked Korvia on
    Tuesday for its help", "was facilitated by the Red Cross", "it was Egyptian intelligence,
    not Muscat, who persuaded them"; and no mediator: "mediators had nothing to do with it", "no
    outside government had any role", "a purely bilateral arrangement"."""
    def credited(t: str) -> set[tuple[str, str | None]]:
        return {(x.role, x.agent) for x in frame_credits(claim_from_text(t, "a:0"))
                if x.role == "mediator"}

    assert ("mediator", "qatar") in credited(
        "Qatari diplomats brokered the overnight agreement between the two sides.")
    assert ("mediator", "oman") in credited(
        "After Omani mediation, the two sides agreed on Monday to a 30-day truce.")
    assert ("mediator", "korvia") in credited(
        "President Lenz thanked Korvia on Tuesday for what he called its help in securing the "
        "truce.")
    assert ("mediator", "egypt") in credited(
        "It was Egyptian intelligence officers, not Muscat, who persuaded the captors to agree "
        "to the hostage deal.")
    assert credited("The prisoner swap was negotiated by the Red Cross.") != set()
    # review: a facilitator (logistics) is no mediator; humanitarian help is no mediation
    assert credited("The prisoner swap was facilitated by the Red Cross.") == set()
    assert credited("Sudan's army chief thanked Turkey on Tuesday for its humanitarian help "
                    "after the truce.") == set()
    for t in ("Mediators had nothing to do with Monday's ceasefire, which was agreed in one call.",
              "The truce is a strictly bilateral matter and no outside government had any role "
              "in it.",
              "The prisoner swap was a purely bilateral arrangement, the ministry said."):
        assert ("mediator", None) in credited(t), t
    assert credited("After the truce took effect, aid reached the town.") == set()


def test_who_started_it_in_the_forms_outlets_use() -> None:
    """(2026-12-04) "opened fire first", "were the first to open fire", "began when X fired",
    "was started by X", "X started the feud", "only returned fire after X's guns opened up", "in
    response to X's seizure" name who started it; two claims naming two starters conflict."""
    from divergence.judge.frames.started import starters

    def who(t: str) -> set[str | None]:
        return {x.agent for x in starters(t)}

    assert who("The Dravian patrol opened fire first, the border service said.") == {"dravian"}
    assert who("Police were the first to open fire during the protest.") == {"police"}
    assert who("The clashes began when Estmark border guards fired on a patrol.") == {"estmark"}
    assert who("The unrest was started by students who set fire to a station.") == {"students"}
    assert who("The Rumo clan started the Marsabit feud by killing a shepherd.") == {"rumo"}
    assert who("The militias only returned fire after Kovian guns opened up on them.") == {
        "kovian"}
    # review: "in response to" names a cause, not who started a fight; a first that is no
    # adverb, a cause that is no actor, an act that is no attack name no one
    for t in ("The frigates came in response to Tessary's seizure of a boat.",
              "The rebels launched their first drone attack on the capital on Monday.",
              "Ukraine struck the airfield for the first time since the war began.",
              "The unrest was triggered by a rise in bread prices.",
              "The shelling started when most residents returned home from work.",
              "Pfizer was the first to launch an updated vaccine."):
        assert who(t) == set(), t
    assert who("The guards returned fire only after one of them was hit.") == set()
    assert who("The talks began when the delegations arrived.") == set()  # no fight
    r = responsibility(pair("The clashes began when Estmark border guards fired on a Dravian "
                            "patrol near Holm.", "The Dravian patrol opened fire first, Estmark's "
                            "border service said.", sim=0.6))
    assert r is not None and "started" in r.detail


def test_a_named_actor_with_no_part_in_it_against_its_mediation() -> None:
    """Old code read no named denial of mediation ("Turkish officials said they had not
    arranged the evacuation", "Algeria was not involved", "and not Qatar") and no praise for a
    role."""
    r = responsibility(pair("The evacuation of 3,000 civilians from Rask was arranged by Turkish "
                            "negotiators, the mayor said.", "Turkish officials said they had not "
                            "arranged the Rask evacuation.", sim=0.6))
    assert r is not None and "had no part in it" in r.detail
    assert responsibility(pair("The hostage release was negotiated by Qatari officials, a source "
                               "said.", "It was a Norwegian church group, and not Qatar, that "
                               "negotiated the release of the hostages, the families said.",
                               sim=0.7))
    assert responsibility(pair("The UN envoy praised Algeria for its role in brokering the deal "
                               "that ended the standoff.", "The only mediator in the standoff was "
                               "the UN envoy's own team; Algeria was not involved, a commander "
                               "said.", sim=0.7))
    # another actor's denial says nothing against this one's mediation
    assert responsibility(pair("The swap was negotiated by the Red Cross, officials said.",
                               "Kenya was not involved in the swap, its envoy said.",
                               sim=0.6)) is None


def test_the_one_who_asked_against_another_asker_and_at_the_request_of() -> None:
    """Old code: "it was Lenz who asked" (the one who asked) against "the president called to
    ask" (an asker) was no dispute, and "called at the request of Tessary" named no one."""
    assert responsibility(pair("The Korvian president called Lenz on Saturday to ask for an end "
                               "to the shelling, an aide said.", "It was Lenz who asked for the "
                               "shelling to stop, Korvian officials said.", sim=0.8))
    r = responsibility(pair("The emergency session of the Security Council was called at the "
                            "request of Tessary, diplomats said.", "Korvia asked for the "
                            "emergency Security Council session, the council presidency said.",
                            sim=0.7))
    assert r is not None and "tessary" in r.detail.lower() and "korvia" in r.detail.lower()
    # two plain asks: many may ask for one thing
    assert responsibility(pair("Korvia asked for the emergency session, diplomats said.",
                               "Tessary asked for the emergency session, its envoy said.",
                               sim=0.8)) is None


def test_who_asked_for_what_beyond_a_truce() -> None:
    """(2026-12-04) "appealed to the UN for peacekeepers" / "has never asked for peacekeepers",
    "asked for the recount" / "requested the recount", "reached out first" / "made the first
    approach", "it was the rebels who asked Oman to mediate"; "had also pressed for talks" names
    no sole requester, and "called for a pause in rate hikes" no truce."""
    from divergence.judge.frames.asked import askers

    def asked(t: str) -> set[tuple[str, str, str | None]]:
        return {(x.outcome, x.role, x.agent) for x in askers(t)}

    assert asked("Tessary appealed to the United Nations for peacekeepers, diplomats said.") == {
        ("asked:peacekeepers", "asker", "tessary")}
    assert asked("Tessary has never asked for peacekeepers.") == {
        ("asked:peacekeepers", "not-requester", "tessary")}
    assert asked("The ruling party requested the Kessel recount.") == {
        ("asked:recount", "asker", "party")}
    assert asked("Dravia reached out first, sending a message.") == {
        ("asked:contact", "requester", "dravia")}
    assert asked("It was the rebels who asked Oman to mediate.") == {
        ("asked:mediation", "requester", "rebels")}
    assert asked("The militias had also pressed for direct talks.") == set()
    # a truce's requester does not make the next plain ask of the sentence exclusive
    assert asked("The rebels requested a truce, and the government requested a recount.") == {
        ("ceasefire", "requester", "rebels"), ("asked:recount", "asker", "government")}
    assert asked("The central bank called for a pause in interest rate hikes.") == set()
    assert responsibility(pair("Tessary appealed to the UN for peacekeepers, diplomats said.",
                               "Tessary has never asked for peacekeepers, its envoy said.",
                               sim=0.7))
    assert responsibility(pair("Dravia reached out first, Estmark officials said.",
                               "Estmark made the first approach, a Dravian diplomat said.",
                               sim=0.7))
    # many may ask for one thing (review, 2026-12-04): no dispute over who asked
    for a, b in (("Argentina sought a new loan from the IMF.", "Egypt sought a new loan from the "
                  "IMF."),
                 ("The families of the victims called for an inquiry.",
                  "Lawmakers called for an inquiry into the crash."),
                 ("Ukraine requested an urgent session of the Security Council.",
                  "Britain and France requested an urgent session of the Security Council.")):
        assert responsibility(pair(a, b, sim=0.75)) is None, a


def test_a_cause_blamed_for_or_traced_to() -> None:
    """(2026-12-04) "Investigators blamed arson for the fire" and "traced the outbreak to its
    water supply" give causes, against another cause of the same thing."""
    from divergence.judge.frames import linkage, reasons

    assert [w.reason for w in reasons("Investigators blamed arson for the fire at the archive.")] \
        == ["arson"]
    assert [w.reason for w in reasons("Officials traced the outbreak to the town's water supply.")
            ] == ["the town's water supply"]
    assert linkage(pair("The fire at the archive was caused by an electrical fault, the brigade "
                        "said.", "Investigators blamed arson for the fire at the archive.",
                        sim=0.7))


def test_two_speakers_of_one_head_noun_named_apart_are_two_voices() -> None:
    """"the Tessarian navy" and "the Korvian navy" fold to one key ("navy": the country list
    does not know them); they are two voices, while "Israeli officials" / "the Israeli
    military" stay one."""
    from divergence.judge.detectors import same_speaker

    a = claim_from_text("Korvia provoked the standoff, the Tessarian navy said.", "a:0")
    b = claim_from_text("Korvian ships acted in response, the Korvian navy said.", "b:0")
    assert not same_speaker(a, b)
    c = claim_from_text("The strike hit a depot, Israeli officials said.", "c:0")
    d = claim_from_text("The strike hit a depot, the Israeli military said.", "d:0")
    assert same_speaker(c, d)
    # names the list folds to one actor are one voice (a first form split these, which moved
    # the seeds' dispute positions)
    e = claim_from_text("The ceasefire was bilateral, New Delhi said on Monday.", "e:0")
    f = claim_from_text("Islamabad sought a ceasefire, Indian authorities said.", "f:0")
    assert same_speaker(e, f)


class FakePairClassifier:
    """Calls every pair it reads a conflict (P 0.9) and counts the rows it was given."""

    classes_ = np.array(["agree", "conflict", "neither"])

    def __init__(self) -> None:
        self.rows = 0

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        self.rows += x.shape[0]
        return np.tile([0.05, 0.9, 0.05], (x.shape[0], 1))


def test_news_judge_asks_the_pair_classifier_only_what_it_could_change() -> None:
    clf = FakePairClassifier()
    j = NLIJudge(nli=None, classifier=clf)
    far = (claim_from_text("The weather was fine.", "a:0"), claim_from_text("Stocks fell.", "b:0"))
    close = (claim_from_text("The rebels took the town on Monday.", "a:1"),
             claim_from_text("The town fell to the rebels on Monday.", "b:1"))
    own = (close[0], claim_from_text("The town fell to the rebels on Monday.", "a:2"))
    v = np.eye(4, dtype=np.float32)
    got = j.judge_pairs([far[0], close[0], own[0]], [far[1], close[1], own[1]], [0.1, 0.8, 0.8],
                        v[:3], v[1:4])
    assert clf.rows == 1  # the near-paraphrases of two articles only: it may call them apart
    assert [g.label for g in got][:2] == ["neither", "conflict"]
    assert got[1].reasons[0].type == "model"
    assert got[2].label != "conflict"  # one article's claims are never called apart by it


def test_two_voices_close_by_a_name_agree_unless_the_pair_classifier_calls_them_apart() -> None:
    """The army's account beside the residents' shares the place's name: agreed by closeness
    only when the pair classifier does not call them apart (``voices_pair``); one voice, or
    none, is not asked."""
    a = "The army said its strike on Harlen had destroyed a rebel weapons depot."
    b = "Residents said the missile that hit Harlen struck a primary school."
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    assert ca.speaker and cb.speaker
    v = np.eye(4, dtype=np.float32)
    clf = FakePairClassifier()
    got = NLIJudge(nli=None, classifier=clf).judge_pairs([ca], [cb], [0.6], v[:1], v[1:2])[0]
    assert got.label == "neither" and clf.rows == 1
    assert got.reasons[-1].type == "model" and "two accounts apart" in got.reasons[-1].detail
    never = NLIJudge(nli=None, classifier=FakePairClassifier(), voices_pair=1.01)
    assert never.judge_pairs([ca], [cb], [0.6], v[:1], v[1:2])[0].label == "agree"
    plain = [claim_from_text(ca.content, "a:1"), claim_from_text(cb.content, "b:1")]
    assert not plain[0].speaker and not plain[1].speaker
    quiet = FakePairClassifier()
    got = NLIJudge(nli=None, classifier=quiet).judge_pairs(plain[:1], plain[1:], [0.6], v[:1],
                                                           v[1:2])[0]
    assert got.label == "agree" and quiet.rows == 0


def test_two_voices_each_pair_by_its_own_probability() -> None:
    """Several pairs in one call: each is kept or set apart by its own P(conflict)."""
    texts = [("The weather in Harlen was fine.", "Stocks in Harlen fell."),  # not asked
             ("The army said its strike on Harlen had destroyed a rebel weapons depot.",
              "Residents said the missile that hit Harlen struck a primary school."),
             ("The ministry said the Orvel dam was closed on Monday for repairs.",
              "Engineers said the Orvel dam was shut on Monday so repairs could begin.")]
    left = [claim_from_text(x, f"a:{n}") for n, (x, _) in enumerate(texts)]
    right = [claim_from_text(y, f"b:{n}") for n, (_, y) in enumerate(texts)]
    p_conflict = {left[1].id: 0.9, left[2].id: 0.3}  # the army's is the one set apart
    j = NLIJudge(nli=None, classifier=FakePairClassifier())
    j._probs = lambda ls, rs, va, vb, reasons: np.array(  # type: ignore[method-assign]
        [[0.5, p_conflict[c.id], 0.5 - p_conflict[c.id] / 2] for c in ls])
    v = np.eye(6, dtype=np.float32)
    got = j.judge_pairs(left, right, [0.1, 0.6, 0.6], v[:3], v[3:6])
    assert [g.label for g in got] == ["neither", "neither", "agree"]
    assert got[1].reasons[-1].type == "model" and got[0].reasons == ()


def test_one_mediator_in_other_words_is_a_sign_of_agreement() -> None:
    """Two voices that credit one actor with one role ("thanked Egypt for helping secure the
    truce" / "Cairo played a key role in securing the ceasefire") give a ``same-value`` sign;
    another mediator, a denial, a harm, or one outlet's own two sentences give none. A prisoner
    swap is a settlement a mediator may be credited with, or denied."""
    from divergence.judge.detectors import DETECTORS

    same = DETECTORS.make("same-credit")
    r = same(pair("The president thanked Egypt for helping secure the truce.",
                  "Cairo played a key role in securing the ceasefire.", 0.6))
    assert r is not None and r.type == "same-value" and "egypt" in r.detail
    assert same(pair("Turkey mediated the grain deal.",
                     "The grain deal was brokered by Ankara.", 0.7)) is not None
    for a, b in (("Egypt mediated the truce.", "Qatar mediated the truce."),
                 ("Russian forces shelled the hospital.", "Russian troops shelled the hospital.")):
        assert same(pair(a, b, 0.8)) is None, a
    one = pair("Egypt mediated the truce.", "Cairo brokered the ceasefire.", 0.8)
    one = Pair(one.a, claim_from_text("Cairo brokered the ceasefire.", "a:1"), 0.8)
    assert same(one) is None  # one article's two sentences: not two voices
    r = responsibility(pair("Qatar brokered the prisoner swap between the two sides.",
                            "The two governments negotiated the swap directly, without any "
                            "intermediary.", 0.6))
    assert r is not None and r.type == "actor"


def test_who_the_dead_were_fighters_or_civilians() -> None:
    """One count of the dead, fighters in one voice and civilians in another, is a conflict
    over who they were; two different counts, an open-ended one, a breakdown naming both, or
    two happenings are not."""
    from divergence.judge.frames.victims import victims

    r = victims(pair("The strike killed 15 fighters, the military said.",
                     "Local health officials said all 15 killed were civilians.", 0.6))
    assert r is not None and r.type == "number" and "fighters" in r.detail
    assert victims(pair("The army said 40 terrorists were killed in the operation.",
                        "Residents said 40 villagers were killed in the operation.", 0.7))
    for a, b, sim in (
            ("The strike killed 15 fighters.", "The strike killed 3 civilians.", 0.7),
            ("At least seven civilians were killed in the offensive.",
             "80 soldiers were killed in the offensive.", 0.6),
            ("The raid killed 12 militants and two civilians.", "The raid killed 12 civilians.",
             0.8),
            ("Clashes in the north killed 10 soldiers on Monday.",
             "Shelling of a market in the capital killed 10 civilians on Monday.", 0.5)):
        assert victims(pair(a, b, sim)) is None, a
    # a subset named after the count ("among them four children") is of the count
    assert victims(pair("The military said its airstrike on Wadi Sahr killed 12 militants.",
                        "Local medics said the 12 people killed in the Wadi Sahr strike were "
                        "civilians, among them four children.", 0.67))


def test_civilians_counted_dead_against_the_dead_told_as_fighters_only() -> None:
    """(2026-12-05, ninth session) "The airstrike killed 14 civilians" / "only militants were
    killed in the strike": no count on one side, but the dead were fighters alone, so no
    civilian died. Old code compared counts only. A claim that names civilians too, or
    fighters counted against fighters, is no such conflict."""
    from divergence.judge.frames.victims import victims

    for b in ("The military said only militants were killed in the strike.",
              "The military said all those killed in the strike were militants.",
              "The military said the strike killed only Velian fighters."):
        r = victims(pair("The airstrike killed 14 civilians, local officials said.", b, 0.45))
        assert r is not None and "fighters only" in r.detail, b
    for a, b in (("The airstrike killed 14 civilians, local officials said.",
                  "Only militants and two civilians were killed, the army said."),
                 ("The airstrike killed 14 fighters, the army said.",
                  "Only militants were killed in the strike, the army said."),
                 ("The airstrike killed 14 civilians, local officials said.",
                  "The army said only militants were targeted in the strike.")):
        r = victims(pair(a, b, 0.5))
        assert r is None or "fighters only" not in r.detail, b


def test_a_cause_that_played_no_part_denies_the_link() -> None:
    """"US pressure played no part in ending the fighting" denies the link that "the fighting
    ended because of pressure from Washington" draws (two named voices)."""
    from divergence.judge.frames.reasons import linkage, reasons

    (w,) = reasons("Officials said that US pressure played no part in ending the fighting.")
    assert w.denied and w.reason == "US pressure" and w.explained == "ending the fighting"
    r = linkage(pair("The president said the fighting ended because of pressure from Washington.",
                     "Officials said US pressure played no part in ending the fighting.", 0.6))
    assert r is not None and r.type == "linkage"
    assert not reasons("He played no part in the attack.")  # a pronoun is no cause


def test_no_effect_denies_a_link_and_a_free_choice_is_a_rival_cause() -> None:
    """"The frost had no effect on prices" denies the link "prices rose because of the frost"
    draws; "the pull-back was voluntary" or "left of their own accord" gives their own choice
    as the cause, against one a second voice names. One voice alone disputes nothing."""
    from divergence.judge.frames.reasons import linkage, reasons

    assert any(w.denied and w.reason == "prices" for w in reasons(
        "The frost had no effect on prices, growers said."))
    r = linkage(pair("The ministry said the rise in coffee prices was driven by the frost.",
                     "Growers said the frost had no effect on coffee prices.", 0.55))
    assert r is not None and r.type == "linkage"
    (w,) = reasons("The pull-back of the brigade from Tesk was voluntary.")
    assert (w.explained, w.reason, w.denied) == ("The pull-back of the brigade from Tesk",
                                                 "their own choice", False)
    r = linkage(pair("The ministry said the pull-back of the brigade from Tesk was voluntary.",
                     "The rebels said the brigade pulled back from Tesk because of their "
                     "offensive.", 0.7))
    assert r is not None and r.type == "linkage"
    assert linkage(pair("The brigade left Tesk of its own accord, the ministry said.",
                        "The brigade left Tesk of its own accord, officials said.", 0.9)) is None
    # a free choice may have its reasons: only what compels is its rival (a review's finds)
    assert linkage(pair("The minister resigned voluntarily, his office said.",
                        "The minister resigned because of ill health, his family said.",
                        0.7)) is None
    assert not reasons("The troops did not withdraw from Tesk voluntarily.")


def test_a_link_left_open_or_taken_back_is_not_denied() -> None:
    """Old code read "may have no effect on", "if ... had no effect on" and "it is not true
    that ... had no effect on" as a denied link, like the plain "had no effect on"."""
    from divergence.judge.frames.reasons import linkage, reasons

    for t in ("The levy may have no effect on fuel prices, the minister said.",
              "The drought may have had no effect on coffee prices, traders said.",
              "The levy should have no effect on fuel prices, the minister said.",  # a second
              "The drought probably had no effect on coffee prices, traders said.",  # review
              "It isn't true that the drought had no effect on coffee prices, traders said.",
              "If the drought had no effect on coffee prices, growers would have said so.",
              "It is not true that the drought had no effect on coffee prices, traders said."):
        assert not any(w.denied for w in reasons(t)), t
    for t in ("The drought will have no effect on coffee prices, growers said.",  # firm: a
              "If anything, the levy had no effect on fuel prices.",  # review's finds
              "Even if prices rose later, the levy had no effect on fuel prices."):
        assert any(w.denied for w in reasons(t)), t
    assert linkage(pair("Traders said the rise in coffee prices was driven by the drought.",
                        "It is not true that the drought had no effect on coffee prices, "
                        "growers said.", 0.6)) is None
    assert any(w.denied for w in reasons("The levy had no effect on fuel prices, the minister "
                                         "said."))


def test_who_holds_a_place_took_it_or_still_holds_it() -> None:
    """One voice says an actor took a place, another that a different actor still holds it: a
    conflict over who holds it. Not a denial ("did not capture"), not one side under two names
    ("M23 rebels" / "rebels"; "the army" may be Russia's), not two days, not two places."""
    from divergence.judge.frames.control import control, holds

    assert [(h.place, h.holder, h.took) for h in holds(
        "Russian forces captured the village of Robotyne.")] == [("robotyne", "russia", True)]
    assert not holds("Rebels did not capture the airport.")
    for a, b in (("Rebels captured the airport on Sunday.",
                  "The army retained full control of the airport, a spokesman said."),
                 ("M23 fighters seized Goma.", "Goma remains under government control."),
                 ("Russian forces captured Robotyne.", "Ukrainian troops still hold Robotyne."),
                 ("The town fell to the militia.", "The army repelled an attack on the town."),
                 ("The hill of Tel Amar is now held by government troops.",
                  "Opposition fighters said Tel Amar remained firmly under their control."),
                 ("Government forces recaptured the airport.",
                  "The airport remains in the hands of the militia.")):
        r = control(pair(a, b))
        assert r is not None and r.type == "actor" and "who holds" in r.detail, a
    for a, b in (("Russian forces captured Robotyne.", "The army still holds Robotyne."),
                 ("M23 rebels captured Goma.", "Rebels took Goma."),
                 ("Rebels captured the airport on Sunday.",
                  "The army held the airport on Friday."),
                 ("Rebels captured the Goma airport.", "The army holds the Bukavu airport.")):
        assert control(pair(a, b)) is None, a


def test_a_place_taken_whole_against_one_still_fought_over() -> None:
    """"Fully captured Velk" / "fighting is still going on in Velk": a capture and its
    rejection. One place under two names ("Artyomovsk, which Ukraine calls Bakhmut") is one;
    not two places, not another district, not a denial, not two days."""
    from divergence.judge.frames.control import control

    for a, b in (("The ministry said its forces had fully captured Velk.",
                  "The army said fighting was still going on in Velk."),
                 ("Wagner said it had captured the whole of Velk.",
                  "Kyiv's troops still held a part of Velk, a general said."),
                 ("The ministry said Artyomovsk, which Ukraine calls Bakhmut, had been fully "
                  "liberated.", "The General Staff said the battle for Bakhmut has not stopped."),
                 ("The rebels took full control of Sarn, their spokesman said.",
                  "Government units were still fighting in Sarn, the army said.")):
        r = control(pair(a, b))
        assert r is not None and r.type == "actor" and "taken whole" in r.detail, a
        assert len(r.spans) == 2
    for a, b in (("The ministry said its forces had fully captured Velk.",
                  "The army said fighting was still going on in Darn."),
                 ("The ministry said its forces had fully captured Velk.",
                  "The army said fighting was still going on near Velk."),
                 ("The ministry said its forces had not fully captured Velk.",
                  "The army said fighting was still going on in Velk."),
                 ("The ministry said its forces had fully captured Velk on Sunday.",
                  "The army said fighting was still going on in Velk on Friday.")):
        assert control(pair(a, b)) is None, (a, b)


def test_a_count_told_of_a_separate_happening_neither_conflicts_nor_agrees() -> None:
    """"30 people at a separate protest" is not the news's count: no number conflict with "14
    after the clashes" (the frame, the word-aligned detector, the aligned values), and no
    agreement on the shared "police" either; "last week" is still the news's own."""
    from divergence.judge.detectors import DETECTORS
    from divergence.judge.text import ANOTHER_HAPPENING

    a, b = ("Police arrested 14 people after the clashes.",
            "Police arrested 30 people at a separate protest last year.")
    p = pair(a, b, 0.61)
    assert count(p) is None and DETECTORS.make("number")(p) is None
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.61) == "neither"
    assert not ANOTHER_HAPPENING.search("The incursion began last week near Sudzha.")


def test_a_fire_is_a_happening_with_a_time() -> None:
    """"The fire started shortly after midnight" / "the blaze broke out at around 12:15 am" are
    one time told loosely; "opened fire" and "under fire" are no fire."""
    assert "fire" in happenings("The blaze broke out at around 12:15 am.")
    assert "fire" not in happenings("Troops opened fire on the crowd.")
    assert "fire" not in happenings("The convoy came under fire near the border.")
    r = same_value(pair("The fire started shortly after midnight.",
                        "The blaze broke out at around 12:15 am.", 0.6))
    assert r is not None and r.type == "same-value"


def test_a_walkout_is_no_military_strike() -> None:
    """"The dockworkers' strike ended on Tuesday" and "a 48-hour strike on Thursday" are no
    strikes with a time to dispute; an air strike, a drone strike and "the strike on the
    bridge" are."""
    for t in ("The dockworkers' strike ended on Tuesday.", "Rail workers began a 48-hour strike.",
              "Workers went on strike."):
        assert "strike" not in happenings(t), t
    for t in ("The air strike killed 12.", "A drone strike hit the convoy.",
              "The strike on the bridge killed five.", "An Israeli strike hit the camp."):
        assert "strike" in happenings(t), t


def test_review_findings_on_the_new_frames() -> None:
    """helper-57's review: a comma after GMT is no offset; a place taken back, or held for a
    while, is a turn of the front; two descriptions of one side are no rival holders; small
    matching counts of the dead and breakdowns named in the plural are no victims dispute;
    a cease-fire and a walkout are no fire and no strike; one actor crediting other outcomes
    is no agreement."""
    from divergence.judge.detectors import DETECTORS
    from divergence.judge.frames.control import control
    from divergence.judge.frames.victims import victims
    from divergence.judge.text import dates
    from divergence.judge.zones import zone

    t = "The explosion hit the depot at 0400 GMT, 20 minutes after the convoy arrived."
    (d,) = [d for d in dates(t) if d.kind == "time"]
    assert zone(t, d)[0] == 0
    for a, b in (("Islamic State fighters seized Mosul in 2014.",
                  "Iraqi forces retook Mosul in 2017."),
                 ("Ukrainian troops held Bakhmut for ten months.",
                  "Wagner fighters captured Bakhmut in May."),
                 ("Syrian rebels captured Aleppo on Saturday.", "HTS fighters seized Aleppo."),
                 ("Rwandan-backed rebels captured Goma airport.",
                  "M23 rebels seized Goma airport.")):
        assert control(pair(a, b)) is None, a
    assert control(pair("Syrian rebels captured Aleppo.", "The army still holds Aleppo."))
    for a, b in (("Six soldiers were killed in the attack on the convoy.",
                  "The attack on the convoy killed six civilians and several soldiers."),
                 ("Three soldiers were killed in the ambush.",
                  "Three civilians were killed in the crossfire during the ambush.")):
        assert victims(pair(a, b, 0.75)) is None, a
    assert "fire" not in happenings("The cease-fire took effect at 8 am.")
    assert "fire" not in happenings("Police fire tear gas at protesters.")
    assert "strike" not in happenings("Doctors' strike began on Monday.")
    assert "strike" not in happenings("A strike by nurses closed the ward.")
    same = DETECTORS.make("same-credit")
    assert same(pair("Saudi Arabia brokered a deal between the two oil companies.",
                     "Riyadh mediated the truce between Sudan's army and the RSF.", 0.39)) is None
    assert same(pair("Turkey brokered the grain deal.", "Turkey brokered the prisoner swap.",
                     0.6)) is None


@pytest.mark.parametrize(("a", "b"), [
    ("Twelve soldiers were killed in the ambush near Velk.",
     "Twelve soldiers were wounded in the ambush near Velk."),
    ("Forty people were arrested at the protest in Merrin.",
     "Forty people were injured at the protest in Merrin."),
    ("The Ostrel blast killed 12 people.", "The Ostrel blast destroyed 12 shops."),
    ("12 people were killed in the Ostrel blast.", "30 people were wounded in the Ostrel blast."),
])
def test_counts_of_different_things_neither_agree_nor_clash(a: str, b: str) -> None:
    """A user's probe (invented events): the same words counting the dead and the wounded
    agreed at 0.95, and "12 killed" / "30 wounded" was a number conflict. Two measures state
    different facts."""
    from divergence.judge.frames.aligned import measures_apart

    assert measures_apart(a, b)
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.9) == "neither"
    # the dead against the dead, or a bare count, are one measure
    assert not measures_apart("The blast killed 12 people.", "Officials said 31 people died.")
    assert not measures_apart("Hamas freed 33 hostages.", "Hamas let 33 captives go.")


def test_a_definite_antonym_decides_though_the_model_reads_agreement() -> None:
    """A user's probe: "exports resumed" / "exports were suspended" (same day) was "neither":
    the small NLI model read entailment 0.98, and an antonym waited for it to confirm."""
    a = "Grain exports from Varnia resumed on Monday."
    b = "Grain exports from Varnia were suspended on Monday."
    fake = FakeNLI({(a, b): (0.01, 0.98, 0.01), (b, a): (0.01, 0.98, 0.01)})
    assert judged(NLIJudge(nli=fake), a, b, 0.83) == "conflict"
    # between indefinite descriptions (SICK's scenes) it still needs the model
    x, y = "A man is standing.", "A man is sitting."
    fake = FakeNLI({(x, y): (0.01, 0.98, 0.01), (y, x): (0.01, 0.98, 0.01)})
    assert judged(NLIJudge(nli=fake), x, y, 0.6) != "conflict"


def test_counts_of_two_happenings_in_two_places_do_not_clash() -> None:
    """A user's probe: "12 died in the blast in Ostrel on Monday" / "31 died in the fire in Velk
    on Tuesday" was a number and date conflict (0.95). Another kind of happening, about other
    places, is another happening; a blast and a fire with no place named may be one."""
    from divergence.judge.frames.happenings import happenings_apart

    a, b = ("12 people died in the blast in Ostrel on Monday.",
            "31 people died in the fire in Velk on Tuesday.")
    assert happenings_apart(a, b)
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.8) == "neither"
    assert not happenings_apart("The blast at the depot killed 12 people.",
                                "The fire at the depot killed 31 people.")
    assert not happenings_apart("The blast in Ostrel killed 12.", "The blast in Velk killed 31.")


@pytest.mark.parametrize(("a", "b"), [
    ("12 soldiers were killed on Monday.", "30 soldiers were wounded on Monday."),
    ("12 people died in the blast in Ostrel on Monday.",
     "31 people died in the fire in Velk on Tuesday."),
])
def test_the_earlier_judge_sees_no_clash_between_values_of_other_things(a: str, b: str) -> None:
    """The two filters above act where the detectors' reasons are gathered (``Judge._reasons``),
    not in the news judge alone: the earlier judge, and the pair classifier both judges ask,
    read no number or date clash in these (before, a ``number`` conflict each)."""
    from divergence.judge.pair import DEFAULT_DETECTORS, Judge

    res = Judge(detectors=DEFAULT_DETECTORS).judge(claim_from_text(a, "a:0"),
                                                    claim_from_text(b, "b:0"), 0.8)
    assert res.label != "conflict"
    assert not [r for r in res.reasons if r.type in ("number", "date")]


@pytest.mark.parametrize(("a", "b"), [
    ("The fighting stopped because of trade pressure.", "Trade never came up in the talks."),
    ("Koldrast agreed to the truce under trade pressure from Talvor.",
     "Koldrast's foreign minister said trade was not discussed during the truce talks."),
    ("The ceasefire was agreed because of trade threats, Trump said.",
     "India said trade did not come up in any of the discussions."),
])
def test_a_reason_ruled_out_of_the_talks_is_a_linkage_conflict(a: str, b: str) -> None:
    """Issue 10's linkage example ("because of trade pressure" / "trade never came up in the
    talks") was "neither": the linkage frame read only reasons given by two named voices, and
    knew no topic ruled out of a process."""
    from divergence.judge.frames import linkage

    r = linkage(pair(a, b, sim=0.33))
    assert r is not None and r.type == "linkage" and "not 'Trade'" in r.detail.replace(
        "not 'trade'", "not 'Trade'")
    # a topic ruled out sets against a reason with its words only
    assert linkage(pair("The factory closed because of weak demand.",
                        "Trade never came up in the talks.", sim=0.3)) is None


def test_a_denied_loss_counts_none_against_the_loss_reported() -> None:
    """A user's probe: "Koldrast shot down two Varnian jets" / "Varnia denied losing any
    aircraft" was "neither": the denial had no count, and "Varnian" and "Varnia" were two names
    (so two happenings)."""
    from divergence.judge.frames import count
    from divergence.judge.frames.counts import denied_loss

    b = claim_from_text("Varnia denied losing any aircraft.", "b:0")
    assert [(c.kind, c.head, c.hi) for c in denied_loss(b)] == [("losses", "aircraft", 0.0)]
    assert denied_loss(claim_from_text("Varnia said it lost no jets.", "c:0")) == ()
    r = count(pair("Koldrast's defence ministry said it shot down two Varnian jets.",
                   "Varnia denied losing any aircraft.", sim=0.47))
    assert r is not None and r.type == "number" and "(losses)" in r.detail


def test_losses_of_two_sides_are_not_one_loss() -> None:
    """type probe counts n072: "None of its aircraft were lost", said by the Kestovan air force,
    against "Kestovan jets shot down two rebel drones": the air force's aircraft and the rebels'
    drones, two owners. A loss whose owner one claim leaves unsaid still compares."""
    from divergence.judge.frames.owners import owner

    a = "The Kestovan air force said none of its aircraft were lost during the raids."
    b = "Kestovan jets shot down two rebel drones during the raids."
    ca, cb = claim_from_text(a, "a:0"), claim_from_text(b, "b:0")
    assert [owner(ca, c.q) for c in counts(ca.content)] == ["kestovan"]
    assert [owner(cb, c.q) for c in counts(cb.content)] == ["rebel"]
    assert count(pair(a, b, sim=0.6)) is None
    c = "Rebels said they shot down two Kestovan jets during the raids."
    r = count(pair(a, c, sim=0.6))
    assert r is not None and r.type == "number"
    assert count(pair("Varnia lost three helicopters.", "Rebels downed five Varnian helicopters.",
                      sim=0.7)) is not None


def test_nobody_harmed_is_no_death_when_counts_are_measured_apart() -> None:
    """type probe rejections r005: "the strike killed four civilians" / "nobody outside the post
    was harmed in the strike" was set aside as two measures (deaths / injuries), though harm
    of no one is no death either."""
    from divergence.judge.frames.aligned import measures_apart

    a = "The shelling of Tarn killed three farmers, the clinic said."
    b = "Nobody outside the barracks was harmed in the Tarn shelling, the army said."
    assert not measures_apart(a, b)
    assert measures_apart("Twelve soldiers were killed.", "Twelve soldiers were wounded.")
    r = count(pair(a, b, sim=0.6))
    assert r is not None and "(deaths)" in r.detail


def test_no_casualties_is_no_one_killed_or_hurt() -> None:
    """newsdev dev zaporizhzhia-009: "three workers were wounded when drones struck the station"
    / "the strikes caused no critical damage and no casualties" was neither: "no casualties"
    counted nothing of people."""
    from divergence.judge.frames.zeros import no_harm

    assert [(k, h) for _, k, h in no_harm("The shelling caused no casualties.")] == [
        ("deaths", "person"), ("injuries", "person")]
    assert [h for _, _, h in no_harm("No civilian casualties were reported.")] == [
        "civilian", "civilian"]  # of civilians only: soldiers may have been hurt
    assert no_harm("There were no casualty figures yet.") == ()
    r = count(pair("Four people were wounded when shells hit the Tarn depot, the army said.",
                   "The shelling of the Tarn depot caused no casualties, officials said.",
                   sim=0.6))
    assert r is not None and "(injuries)" in r.detail


def test_no_deaths_is_no_one_killed() -> None:
    """"caused no deaths" / "there were no fatalities" counted nothing of people: against "at
    least 11 were killed by the earthquake" the judge had only the pair model's word, and an
    outlet's narration after it ("..., amid growing concern abroad") turned it to agree."""
    from divergence.judge.frames.zeros import no_harm

    assert [(k, h) for _, k, h in no_harm("The quake caused no deaths.")] == [
        ("deaths", "person")]
    assert [h for _, _, h in no_harm("There were no civilian fatalities.")] == ["civilian"]
    assert no_harm("There were no deaths on its side.") == ()
    assert no_harm("Officials hoped there would be no deaths in the storm.") == ()
    assert no_harm("No death figures were given.") == ()
    assert no_harm("The government targets zero deaths on the roads by 2030.") == ()
    assert no_harm("The minister promised there would be no deaths this winter.") == ()
    assert no_harm("The plan's goal is no deaths at work.") == ()
    r = count(pair("The earthquake in northern Taskia caused no deaths, the agency said.",
                   "At least 11 people were killed by the earthquake that struck northern "
                   "Taskia, amid growing concern abroad.", sim=0.6))
    assert r is not None and "(deaths)" in r.detail


def test_review_zeros_crowds_and_owners_that_are_no_conflict() -> None:
    """A helper's review of the new count readings: a zero of some ("no casualties on its
    side", "among the crew", "from the second blast"), a hoped-for zero, a sports crowd and a
    total over many happenings are no count against one happening's; side words that name one
    side ("militant" / "insurgent") are one owner, and "army helicopters" may be any state's."""
    from divergence.judge.frames.owners import two_owners

    for a, b in (("The ministry said there were no casualties on its side.",
                  "The ministry said 12 militants were killed in the clashes."),
                 ("No casualties were reported among the Varnian peacekeepers in Tarn.",
                  "Four civilians were killed in Tarn."),
                 ("There were no deaths or injuries among the crew, the airline said.",
                  "Two passengers were injured, the airline said."),
                 ("Officials said there were no casualties from the second blast in Tarn.",
                  "Officials said the Tarn blasts killed 7 people."),
                 ("Officials hoped the evacuation would mean no casualties in Tarn.",
                  "The floods in Tarn killed 12 people."),
                 ("A total of 60 drones were launched at Tarn over two nights.",
                  "25 drones were launched at Tarn on Tuesday night.")):
        assert count(pair(a, b, sim=0.7)) is None, a
    assert [c.head for c in counts("A crowd of 60,000 watched the cup final.")] != ["person"]
    x = claim_from_text("The army said it shot down 12 militant drones.", "a:0")
    y = claim_from_text("The army said it shot down 3 insurgent drones.", "b:0")
    assert not two_owners(x, counts(x.content)[0].q, y, counts(y.content)[0].q)
    x = claim_from_text("The Varnian defence ministry said it lost two of its helicopters.", "a:0")
    y = claim_from_text("Rebels said they shot down five army helicopters.", "b:0")
    assert not two_owners(x, counts(x.content)[0].q, y, counts(y.content)[0].q)
    assert [c.kind for c in counts("Police put the number of people still missing at 40.")] == [
        "missing"]


def test_two_sides_losses_are_neither_one_statement_nor_one_count() -> None:
    """(2026-12-05, fourth session; the owner check ``count`` had, now in the aligned and the
    word-aligned readers) "12 rebel drones" / "3 Kestovan drones" shot down, and the army's
    "14 of its soldiers" / rebel commanders' "40 of their fighters" killed, were a conflict of
    numbers (and, without it, agreed on their shared names): two sides' losses, two statements.
    One side's losses told two ways still meet."""
    j = NLIJudge(nli=FakeNLI({}))
    for a, b in (("Kestovan air defences shot down 12 rebel drones over Varn overnight.",
                  "The rebels said they shot down 3 Kestovan drones over Varn overnight."),
                 ("The army said 14 of its soldiers were killed in the Varn fighting on Monday.",
                  "Rebel commanders said 40 of their fighters were killed in the Varn fighting "
                  "on Monday.")):
        assert judged(j, a, b, 0.85) == "neither", a
    a = "The army said 14 of its soldiers were killed in Varn on Monday."
    assert judged(j, a, "Rebels said they killed 40 government soldiers in Varn on Monday.",
                  0.7) == "conflict"
    assert judged(j, a, "Fourteen army soldiers died in Varn on Monday, the defence ministry "
                        "said.", 0.9) == "agree"
    # a review's cases: "its" / "their" after an act done to them is the speaker's side, not
    # the doer's ("rebels killed 12 of its soldiers, the army said")
    for a, b in (("Rebels said government forces killed 40 of their fighters near Merrow.",
                  "The army said it killed 200 rebel fighters near Merrow."),
                 ("In the ambush near Dunhollow, army troops killed 40 of their fighters, rebels "
                  "said.", "The army said it killed 200 rebel fighters in the ambush near "
                  "Dunhollow."),
                 ("During the raid on Merrow, rebels killed 12 of its soldiers, the army said.",
                  "The rebels said they killed 40 government soldiers in the raid on Merrow.")):
        assert judged(j, a, b, 0.8) == "conflict", a


def test_crowd_sizes_are_counts_of_people() -> None:
    """type probe rejections r108: "only a few hundred joined the march" / "observers put the
    crowd at the march at more than 50,000" was neither: a crowd told as "put the crowd at N"
    or "a crowd of N" counted nothing, and a march was no happening."""
    got = [(c.kind, c.head, c.lo) for c in counts("Police put the crowd at the rally at 20,000.")]
    assert got == [("count", "person", 20000.0)]
    assert [(c.head, c.lo) for c in counts("A crowd of 9,000 marched to the square.")] == [
        ("person", 9000.0)]
    assert counts("The crowd gathered at 10 am.") == ()
    # a crowd that watches a match is no protest's (review: "a crowd of 60,000 watched the
    # final" / "5,000 protested after the final" was a conflict)
    assert [c.head for c in counts("A crowd of 60,000 watched the cup final.")] != ["person"]
    assert happenings("Hundreds joined the march.") == {"protest"}
    assert "protest" not in happenings("In March troops marched into the town.")
    r = count(pair("Only a few hundred people joined the rally in Velk on Sunday, police said.",
                   "Organisers put the crowd at Sunday's rally in Velk at 40,000.", sim=0.55))
    assert r is not None and "a few hundred people" in r.detail


def test_we_and_our_are_the_speakers_side() -> None:
    """"'We had nothing to do with it,' a spokesman for the Amari Brigades said": the denial is
    the Amari Brigades' (it was read as of someone called "we"), and "'Our forces did not fire
    a single shot,' the Kivaran commander said" is Kivara's."""
    from divergence.judge.frames.credit import frame_credits

    c = claim_from_text("'We had nothing to do with the ambush,' a spokesman for the Tarn "
                        "Brigade said.", "a:0")
    assert [(x.role, x.agent) for x in frame_credits(c)] == [("not-cause", "tarn")]
    c = claim_from_text("'Our forces did not fire a single shot,' the Ossan commander said.", "b:0")
    assert [(x.role, x.agent) for x in frame_credits(c)] == [("not-cause", "ossan")]


def test_a_long_names_people_and_common_openers_in_one_happening() -> None:
    """times read probe m001 (the issue's own form): "the ceasefire with the Marevian Liberation
    Front took effect at 14:00" / "Guns across the Marevian front lines fell silent from 6 pm"
    were two happenings: "Guns" opening the sentence was read as a name, and the Front's name
    keyed by its last word only."""
    from divergence.judge.frames.happenings import _names

    assert _names("Guns across the Tarnish front lines fell silent.") == {"tarnish"}
    # the Front is keyed by its own first word, no longer by "front" (``norm_actor``)
    assert _names("The truce with the Tarnish Liberation Front held.") == {"tarnish"}
    assert _names("Talks stalled in Doha.") == {"qatar"}
    r = when(pair("The ceasefire between the army and the Tarnish Liberation Front took effect "
                  "at 14:00 local time on Sunday.",
                  "Guns across the Tarnish front lines fell silent from 6 pm local time on "
                  "Sunday.", sim=0.5))
    assert r is not None and r.type == "date"


def test_dates_in_figures_and_ordinal_days_are_dates() -> None:
    """times read probe m025, m091: "began on 14/3" / "started on 13 March" and "blown up on
    the 14th" / "destroyed on the 15th" agreed: dates in figures and a day told by its ordinal
    alone were no dates. Only one reading of figures is taken (one past 12), never "24/7"."""
    from divergence.judge.text import dates

    assert [d.value for d in dates("The strike began on 14/3.")] == ["03-14"]
    assert [d.value for d in dates("It broke out on 7/22/2024.")] == ["07-22"]
    assert [d.kind for d in dates("Shops open 24/7; the vote was 3/4.")] == []
    assert [d.value for d in dates("The bridge fell on the 14th.")] == ["00-14"]
    assert dates("They met on the 14th floor.") == ()
    r = when(pair("The bridge at Tarn was blown up on the 14th as troops withdrew.",
                  "The bridge at Tarn was blown up on the 15th, villagers said.", sim=0.8))
    assert r is not None and r.type == "date"
    same = when(pair("The bridge at Tarn was blown up on the 14th.",
                     "The bridge at Tarn was blown up on 14 June.", sim=0.8))
    assert same is None or same.type != "date"  # a day of whichever month: no clash


def test_a_second_bomb_is_another_happening() -> None:
    """A user's probe: "a car bomb exploded on Monday" / "on Thursday, a second bomb went off"
    was a date conflict (when: blast). A second, another or new one is another happening; two
    claims about the same second bomb still compare."""
    a = "A car bomb exploded in Ostrel on Monday, killing 12."
    b = "On Thursday, a second bomb went off in Ostrel, killing 5."
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.7) != "conflict"
    c = "The second bomb went off in Ostrel on Friday, police said."
    assert judged(NLIJudge(nli=FakeNLI({})), b, c.replace("The second", "A second"), 0.8) == (
        "conflict")


def test_a_part_counted_out_of_a_whole_is_the_count() -> None:
    """A probe: "shot down 19 of the 25 drones" / "downed nineteen drones out of twenty-five"
    was a number conflict, 25 drones against nineteen: the whole was read as the count."""
    got = [(c.q.value, c.head) for c in counts("Koldrast shot down 19 of the 25 drones.")]
    assert got == [(19.0, "aircraft")]
    got = [(c.q.value, c.head) for c in counts("Nineteen of the twenty-five drones fell.")]
    assert got == [(19.0, "aircraft")]
    # "40 drones, of which 35 were shot down": the whole first, then the part of it
    got = [(c.q.value, c.kind, c.head) for c in counts(
        "Russian forces launched 40 drones overnight, of which 35 were shot down.")]
    assert got == [(40.0, "count", "aircraft"), (35.0, "losses", "aircraft")]
    # a part with a noun of its own, or of a count ("the 12 dead"), is a breakdown, not a toll
    assert [c.q.value for c in counts("The blast killed 12 people, of whom five were children.")
            if c.kind == "deaths"] == [12.0]
    assert [c.q.value for c in counts("Five of the 12 dead were children.")] == [12.0]
    for a in ("The blast killed 12 people, of whom five were children.",
              "Five of the 12 dead were children."):
        assert judged(NLIJudge(nli=FakeNLI({})), a, "The blast killed 12 people.", 0.8) != (
            "conflict")
    # a range after "the low end of the" is no part of a whole
    assert [c.lo for c in counts("The toll is at the low end of the 100-to-300 range.")] == [100]
    a, b = ("Koldrast shot down 19 of the 25 drones.",
            "Koldrast downed nineteen drones out of twenty-five.")
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.86) != "conflict"


def test_a_place_and_its_adjective_hold_a_town_together() -> None:
    """A probe: "Koldrast's army captured Pell" / "Pell fell to Koldrastan forces" was an
    actor conflict (who holds Pell)."""
    a, b = ("Koldrast's army captured the town of Pell on Saturday.",
            "Pell fell to Koldrastan forces on Saturday.")
    assert judged(NLIJudge(nli=FakeNLI({})), a, b, 0.64) != "conflict"
    c = "Pell fell to Varnian forces on Saturday."
    assert judged(NLIJudge(nli=FakeNLI({})), a, c, 0.64) == "conflict"


def test_lost_their_lives_counts_the_dead() -> None:
    """A probe: "killed 54 people" / "fifty-four people lost their lives" was neither: "lost"
    read the count as losses, another measure than deaths."""
    assert [(c.kind, c.head) for c in counts("Fifty-four people lost their lives.")] == [
        ("deaths", "person")]
    assert [c.kind for c in counts("The army lost 12 tanks.")] == ["losses"]


def test_two_denials_of_one_role_are_one_position_not_a_dispute() -> None:
    """"Egypt denied it had mediated the deal" credits Egypt under a denial; "Cairo said it
    played no role in brokering the agreement" denies Egypt the role outright. Read as
    mediator against not-mediator, the pair was an ``actor`` conflict; both deny it."""
    from divergence.judge.detectors import DETECTORS

    denied = pair("Egypt denied it had mediated the deal.",
                  "Cairo said it played no role in brokering the agreement.", 0.6)
    assert responsibility(denied) is None
    # a denial against the claim it denies is still a dispute
    r = responsibility(pair("Egypt mediated the deal, officials said.",
                            "Cairo said it played no role in brokering the agreement.", 0.6))
    assert r is not None and r.type == "actor"
    same = DETECTORS.make("same-credit")
    r = same(denied)  # a denial against a stated "no role": one position read through the stance
    assert r is not None and r.type == "one-position" and "both deny" in r.detail
    r = same(pair("Israel denied any part in the hospital blast.",
                  "Israel rejected all responsibility for the blast at the hospital.", 0.75))
    assert r is not None and "israel" in r.detail
    # one story's harm named two ways ("the strike" / "the hospital blast"), newsdev dev
    assert same(pair("Israel has rejected all responsibility for the strike.",
                     "On Wednesday Israel denied any part in the hospital blast.", 0.6))


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Moscow said Ukraine was behind the attack.",
     "Russian officials blamed Kyiv for the attack.", True),
    ("Investigators said Islamic State was responsible for the bombing.",
     "Officials blamed Islamic State for the bombing.", True),
    # acts of war, not attributions: one side's two strikes may be two statements
    ("Israeli jets struck the town.", "An Israeli airstrike hit the town.", False),
    # one blames, the other denies: a dispute, not one position
    ("Moscow said Ukraine was behind the attack.",
     "Kyiv denied any role in the attack.", False),
])
def test_one_culprit_named_alike_is_a_sign_of_agreement(a: str, b: str, same: bool) -> None:
    from divergence.judge.detectors import DETECTORS

    got = DETECTORS.make("same-credit")(pair(a, b, 0.6))
    assert (got is not None) is same, got


def test_the_pair_classifier_does_not_call_one_position_apart() -> None:
    """Near-paraphrases of two denials ("Israel denied any part in the hospital blast" /
    "Israel rejected all responsibility for the blast at the hospital") were a conflict by the
    pair classifier alone; the frames say both deny one thing, and they agree."""
    j = NLIJudge(nli=None, classifier=FakePairClassifier())
    a = claim_from_text("Israel denied any part in the hospital blast.", "a:0")
    b = claim_from_text("Israel rejected all responsibility for the blast at the hospital.", "b:0")
    v = np.eye(2, dtype=np.float32)
    (got,) = j.judge_pairs([a], [b], [0.8], v[:1], v[1:])
    assert got.label == "agree" and got.reasons[0].type == "same-value"


@pytest.mark.parametrize(("text", "open_"), [
    ("It was still not clear whether the hospital had been hit by an air strike.", True),
    ("He said he was not in a position to say whether an Israeli air strike was involved.", True),
    ("Zakharova demanded that Biden say whether the United States had made good on its threat.",
     True),
    ("Analysts are working to confirm whether a failed rocket caused the blast.", True),
    ("The strike went ahead whether or not the talks resumed.", False),
    ("An Israeli air strike hit the hospital.", False),
])
def test_a_claim_that_leaves_the_question_open(text: str, open_: bool) -> None:
    from divergence.judge.hedges import unsettled

    assert unsettled(text) is open_


def test_an_open_question_credits_no_one_and_agrees_with_no_answer() -> None:
    """"Not in a position to say whether an Israeli air strike was involved" was read as
    blaming Israel: a conflict with every denial in its story (newsdev dev, hospital blast)."""
    agnostic = "He said he was not in a position to say whether an Israeli air strike was involved."
    assert not frame_credits(claim_from_text(agnostic))
    assert frame_credits(claim_from_text("He said an Israeli air strike was involved."))
    j = NLIJudge(nli=None, classifier=None)
    a = claim_from_text("It was still not clear whether Hamas fired the rocket that hit the "
                        "hospital, officials said.", "a:0")
    b = claim_from_text("Hamas fired the rocket that hit the hospital, officials said.", "b:0")
    (got,) = j.judge_pairs([a], [b], [0.9])
    assert got.label != "agree"


def test_a_word_after_a_number_across_a_comma_counts_nothing() -> None:
    """"put civilian deaths alone at between 300,000 and 400,000, from atrocities" counted
    atrocities, so it never met "the war has left tens of thousands of people dead" (newsdev
    dev, Tigray)."""
    (x,) = counts("Reports put civilian deaths alone at between 300,000 and 400,000, from "
                  "atrocities, starvation and the lack of health care.")
    assert (x.kind, x.head, x.lo, x.hi) == ("deaths", "person", 300_000, 400_000)
    r = count(pair("The war has left tens of thousands of people dead.",
                   "Reports put civilian deaths alone at between 300,000 and 400,000, from "
                   "atrocities, starvation and the lack of health care.", 0.56))
    assert r is not None and r.type == "number"


@pytest.mark.parametrize(("a", "b", "clash"), [
    # a part inside the whole: both may hold
    ("About 600,000 people had been killed in the war.",
     "Reports put civilian deaths alone at between 300,000 and 400,000 in the war.", False),
    ("At least seven civilians were killed in the shelling of the town.",
     "At least 27 people were killed in the shelling of the town.", False),
    # a part larger than the whole cannot be
    ("The war has left tens of thousands of people dead.",
     "Reports put civilian deaths alone at between 300,000 and 400,000 in the war.", True),
    # "civilians among them" after the count says what it holds, not that it is a part
    ("Officials said 27 people were killed in the offensive.",
     "Authorities confirmed 200 dead in the offensive, civilians among them.", True),
])
def test_a_count_of_a_part_meets_the_whole_only_when_it_exceeds_it(a: str, b: str,
                                                                  clash: bool) -> None:
    assert (count(pair(a, b, 0.7)) is not None) is clash


@pytest.mark.parametrize(("text", "none"), [
    ("Thailand denied any third-party role in the ceasefire.", True),
    ("Bangkok said no other country had mediated the truce.", True),
    ("The government rejected any foreign mediation in the truce talks.", True),
    ("No third country was involved in the ceasefire.", True),
    ("No foreign troops were involved in the fighting before the ceasefire.", False),
    ("No other country has had such a role in the ceasefire as Qatar.", False),
])
def test_no_third_party_said_as_a_denial_of_any_role(text: str, none: bool) -> None:
    from divergence.judge.frames.mediators import mediated

    got = [c for c in mediated(text, None) if c.role == "mediator" and c.agent is None]
    assert bool(got) is none


def test_a_denial_of_any_third_party_meets_a_named_mediator_not_another_denial() -> None:
    """"Thailand denied any third-party role in the ceasefire" holds the "no third party" side:
    against "brokered by Malaysia" a dispute; against "no other country had mediated" (read
    under a denial stance it was mediator against mediator, asserted and denied) none."""
    r = responsibility(pair("Thailand denied any third-party role in the ceasefire.",
                            "The truce was brokered by Malaysia.", 0.4))
    assert r is not None and r.type == "actor" and "malaysia" in r.detail
    assert responsibility(pair("Thailand denied any third-party role in the ceasefire.",
                               "Bangkok said no other country had mediated the truce.")) is None


def test_two_claims_of_no_third_party_are_one_side() -> None:
    from divergence.judge.detectors import DETECTORS

    r = DETECTORS.make("same-credit")(pair(
        "The foreign ministry said the truce was agreed directly by the two sides.",
        "The truce was worked out bilaterally, the ministry said.", 0.86))
    assert r is not None and "no third party" in r.detail


@pytest.mark.parametrize(("text", "who"), [
    ("It was the army that reached out first to propose a truce.", "army"),
    ("The army made the first call to propose a ceasefire.", "army"),
    ("Rebel leaders first contacted the army to seek a pause.", "rebels"),
    ("The army approached the rebels first, seeking a truce.", "army"),
    ("The request for a ceasefire came from the army.", "army"),
])
def test_who_made_the_first_contact_in_other_words(text: str, who: str) -> None:
    got = {(c.role, c.agent) for c in frame_credits(claim_from_text(text))}
    assert ("requester", who) in got


def test_two_first_contacts_by_different_sides_are_a_dispute() -> None:
    r = responsibility(pair("It was the army that reached out first to propose a truce.",
                            "Rebel leaders first contacted the army to seek a pause.", 0.5))
    assert r is not None and r.type == "actor"


@pytest.mark.parametrize(("a", "b"), [
    # a review helper's pairs (2026-12-04): one culprit, two harms; "no third party", two truces
    ("Hamas accused Israel of striking the hospital in Gaza City.",
     "An Israeli airstrike hit a hospital in Khan Younis."),
    ("The Sudanese ceasefire was agreed directly, with no mediator.",
     "Israel and Hamas agreed the Gaza truce without any third party, an official claimed."),
])
def test_one_position_needs_one_happening(a: str, b: str) -> None:
    from divergence.judge.detectors import DETECTORS

    assert DETECTORS.make("same-credit")(pair(a, b, 0.6)) is None


def test_a_denial_and_a_stated_no_role_agree_in_the_judge() -> None:
    j = NLIJudge(nli=None, classifier=None)
    a = claim_from_text("Egypt denied it had mediated the truce between the two militias.", "a:0")
    b = claim_from_text("Cairo said it played no role in brokering the ceasefire between the "
                        "militias.", "b:0")
    (got,) = j.judge_pairs([a], [b], [0.7])
    assert got.label == "agree" and got.reasons[0].type == "one-position"


@pytest.mark.parametrize("text", [
    "Asked whether Egypt had mediated the truce, the minister said it had.",
    "The government will decide whether to extend the truce, which Qatar brokered last month.",
    "Voters decided whether to keep the monarchy, and chose to keep it.",
])
def test_a_question_answered_or_a_decision_is_not_left_open(text: str) -> None:
    from divergence.judge.hedges import unsettled

    assert not unsettled(text)


def test_a_credit_after_whether_to_is_stated() -> None:
    got = frame_credits(claim_from_text(
        "The cabinet will vote on whether to ratify the truce that Egypt mediated."))
    assert ("mediator", "egypt") in {(c.role, c.agent) for c in got}


def test_a_part_is_named_with_its_count_not_anywhere_before_it() -> None:
    r = count(pair("The children's charity said 40 people died in the camp fire.",
                   "Officials said 60 people died in the camp fire.", 0.8))
    assert r is not None and r.type == "number"


@pytest.mark.parametrize(("a", "b"), [
    ("Police first called the protest illegal, then banned it.",
     "Organisers first contacted police about the march last week."),
    ("Apple first contacted regulators about the merger in March.",
     "Regulators made the first contact with Microsoft about its merger in March."),
])
def test_a_first_contact_outside_talks_or_a_truce_is_no_dispute(a: str, b: str) -> None:
    assert responsibility(pair(a, b, 0.6)) is None


def test_not_clear_whether_is_no_negation() -> None:
    from divergence.judge.detectors import all_negations

    assert not all_negations("It was not clear whether Iran had supplied the drones.")
    assert all_negations("Iran had not supplied the drones.")


def test_counts_a_noun_counted_by_another_number_is_not_this_ones_verb() -> None:
    """(2026-12-04, session 30) "38 aid trucks, causing dozens of deaths": the deaths are the
    dozens', not the trucks'; so a convoy of 30 trucks and one of 38 are one thing counted
    twice, and the span runs to the noun counted."""
    got = [(c.kind, c.head) for c in counts(
        "A stampede broke out when a crowd surrounded a convoy of 38 aid trucks, causing "
        "dozens of deaths.")]
    assert got == [("count", "truck"), ("deaths", "death")]
    r = count(pair("The convoy of 30 trucks heading north ran into huge crowds.",
                   "A crowd surrounded a convoy of 38 aid trucks, causing dozens of deaths.",
                   0.68))
    assert r is not None and r.spans[1].text == "38 aid trucks"
    # a verb after the number, with no other number between, stays its verb
    assert [(c.kind, c.head) for c in counts("Some 40 people were killed in the stampede.")] == [
        ("deaths", "person")]


@pytest.mark.parametrize(("text", "got"), [
    ("In Tallousa, four people were killed and one was wounded.",
     [("deaths", 4), ("injuries", 1)]),
    ("One soldier was killed and three were hurt.", [("deaths", 1), ("injuries", 3)]),
    ("Only one person died in the fire.", [("deaths", 1)]),
    ("One of the victims was a child.", []),
    ("The army said one of its jets was lost.", []),
    ("No one was hurt in the blast.", [("injuries", 0)]),
    ("Not one soldier was killed.", [("deaths", 0)]),
])
def test_counts_of_one_only_where_one_is_harmed(text: str, got: list) -> None:
    """(2026-12-04, session 30) "one" counts where it is killed, wounded or hurt; "one of the
    victims", "one of its jets" are a part, not a count of one."""
    assert [(c.kind, c.lo) for c in counts(text)] == got


def _count(a: str, b: str, sim: float = 0.7) -> object:
    from divergence.judge.frames import count

    return count(pair(a, b, sim))


def test_nearly_a_number_is_close_below_it() -> None:
    """"Nearly 20,000 families" allowed any count up to 20,000, so "about 5,000 families" was
    no conflict; "almost" and "nearly" mean close below the number. "Fewer than" still means
    anything below."""
    near = counts("Nearly 20,000 families have been forced from their homes by the flooding.")
    assert [(c.lo, c.hi) for c in near] == [(15000.0, 20000.0)]
    assert [(c.lo, c.hi) for c in counts("Almost a thousand people were evacuated.")] == [
        (750.0, 1000.0)]
    assert [(c.lo, c.hi) for c in counts("Fewer than 200 people were evacuated.")] == [
        (0.0, 200.0)]
    assert _count("The floods have displaced about 5,000 families.",
                  "Nearly 20,000 families have been forced from their homes by the flooding.")
    assert _count("The floods have displaced about 18,000 families.",
                  "Nearly 20,000 families have been forced from their homes by flooding.") is None


def test_one_count_in_other_words_and_not_of_other_days() -> None:
    """Demonstrators are protesters and households homes: their counts are compared. Counts of
    other days are not, even aligned. (Boats "intercepted" are caught, drones "intercepted"
    brought down: the word is left to neither.)"""
    from divergence.judge.frames.aligned import values_apart

    assert _count("Police arrested 45 protesters on Saturday.",
                  "More than 300 demonstrators were detained on Saturday, organisers said.")
    assert {c.head for c in counts("Storms cut power to 8,000 households.")} == {"home"}
    assert values_apart(pair("Police arrested 40 protesters in Quorn on Monday.",
                             "On Tuesday, police in Quorn detained 12 demonstrators outside the "
                             "city hall.", 0.8)) is None


def test_a_group_that_speaks_of_itself_is_credited() -> None:
    """"ISIS said it was behind the attack": the pronoun opening what a group says is the
    group; "the Islamic State group claimed responsibility" names Islamic State. The two agree
    as one credit. A person's "he" is someone else ("Police said he was behind it")."""
    from divergence.judge.frames.credit import frame_credits

    def agents(text: str) -> set[str | None]:
        return {c.agent for c in frame_credits(claim_from_text(text, "a:0"))}

    assert agents("ISIS said it was behind the attack.") == {"islamic state"}
    assert agents("Hamas said they carried out the attack.") == {"hamas"}
    assert agents("The Islamic State group claimed responsibility for the attack.") == {
        "islamic state"}
    assert agents("Police said he was behind the attack.") == set()
    from divergence.judge.detectors import DETECTORS

    r = DETECTORS.make("same-credit")(pair("The Islamic State group claimed responsibility for "
                                           "the attack.", "ISIS said it was behind the attack.",
                                           0.6))
    assert r is not None and r.type == "same-value"


def test_a_named_group_is_keyed_by_its_name_not_group() -> None:
    """Review of the self-crediting groups: "the Red Dawn group" was keyed "group", so two rival
    groups' claims agreed as one credit and "Red Dawn" / "the Red Dawn group" were two actors.
    "Group" and "movement" are side nouns, as "forces" is; a place after "behind" is no harm."""
    from divergence.judge.detectors import DETECTORS
    from divergence.judge.frames.credit import frame_credits
    from divergence.judge.text import norm_actor

    assert norm_actor("The Red Dawn group") == norm_actor("Red Dawn") == "dawn"
    assert norm_actor("the Red Dawn movement") == "dawn"
    p = pair("The Black Banner group said it was behind the bombing of the bridge.",
             "The Red Dawn group said it was behind the bombing of the bridge.", 0.9)
    assert DETECTORS.make("same-credit")(p) is None
    assert DETECTORS.make("responsibility")(p) is not None
    assert not frame_credits(claim_from_text(
        "Police said they were behind the barricades when the blast went off.", "a:0"))
    assert {c.agent for c in frame_credits(claim_from_text(
        "The Coastal Army said it was responsible for the hijacking.", "a:0"))} == {"coastal"}


def test_how_long_on_two_days_is_no_clash() -> None:
    from divergence.judge.detectors import DETECTORS

    assert DETECTORS.make("lasted")(pair("Shelling of the port lasted six hours on Monday.",
                                         "Shelling of the port lasted less than an hour on "
                                         "Wednesday.", 0.9)) is None


def test_linkage_reads_who_blames_relative_clauses_and_a_second_predicate() -> None:
    """(2026-12-05, ninth session) "The grid operator blamed the blackout on a technical fault"
    gives a reason in the operator's voice, as a speaker would; a reason inside a relative
    clause explains that clause ("the embassy, which looks after our interests because ..."); a
    denied link ends where a second predicate of its subject begins ("had nothing to do with the
    election and were aimed at its oil industry")."""
    from divergence.judge.frames import linkage

    r = linkage(pair("The blackout was caused by a cyberattack, officials said.",
                     "The grid operator blamed the blackout on a technical fault.", sim=0.64))
    assert r is not None and "The grid operator: 'a technical fault'" in r.detail
    assert linkage(pair("The army blamed the fire on rebel shelling.",
                        "The rebels blamed the fire on a gas leak at the depot.", sim=0.6))
    # one voice, or the outlet's own, giving the second reason: no dispute between voices
    assert linkage(pair("The army blamed the fire on rebel shelling.",
                        "The army blamed the fire on a gas leak.", sim=0.8)) is None
    assert linkage(pair("The blackout was caused by a cyberattack, officials said.",
                        "The blackout was blamed on a technical fault.", sim=0.7)) is None
    r = linkage(pair("Velia said the sanctions were imposed in response to the election fraud.",
                     "Kordan said the sanctions had nothing to do with the election and were "
                     "aimed at its oil industry.", sim=0.45))
    assert r is not None and "not 'the election'" in r.detail
    assert linkage(pair("The minister said Velia sent a message meant to punish Kordan.",
                        "An official said the message went through the embassy, which handles "
                        "the talks because the two have no relations.", sim=0.45)) is None


def test_linkage_reads_aims_told_by_a_bare_infinitive_and_what_a_punishment_was_for() -> None:
    """(2026-12-05, ninth session) Old code read no aim in "shut the border to punish Velian
    traders" (only "in order to") and no reason in "arrested for tax evasion"; nor one act told
    as "fled" / "withdrew", "exploded" / "the blast", "arrested" / "detained". An aim of an act
    only called for ("should take steps to stop"), or of trying ("crowds trying to seize the
    aid"), is none."""
    from divergence.judge.frames import linkage
    from divergence.judge.frames.reasons import reasons

    for a, b in (("Kordan said the border was closed for security reasons.",
                  "Velia said Kordan shut the border to punish Velian traders."),
                 ("The army said it withdrew from Marn to spare civilians.",
                  "The rebels said the army fled Marn because it had run out of ammunition."),
                 ("The ministry said the journalist was arrested for tax evasion.",
                  "The journalist's newspaper said he was detained over his reporting on "
                  "corruption."),
                 ("The company said the plant exploded due to a gas leak.",
                  "Workers' unions said the blast was caused by years of neglected "
                  "maintenance.")):
        r = linkage(pair(a, b, sim=0.45))
        assert r is not None and r.type == "linkage", a
    assert reasons("The convoy ran into huge crowds trying to seize the aid it carried.") == ()
    assert reasons("The peacekeepers should take clear steps to stop the aggression.") == ()
    assert reasons("Velia agreed to protect the convoy.") == ()
    assert reasons("The journalist was detained for two days.") == ()


def test_review_of_the_ninth_session_false_conflicts_stay_apart() -> None:
    """(2026-12-05, review helper-157) Pairs the session's new readings flagged, none a dispute:
    a report's neutral news of a party; a partial interception; "not only militants"; figures
    released; a stay "over the weekend"; a title of another clause's object; a side's own "they
    stopped the war"; a denial of something else an outsider did; a taking that did not last;
    a lull; two aims that may both hold; "so-called" and "self-proclaimed"; an exception to
    "all returned safely"; a convoy told to stop."""
    from divergence.judge.frames import count, linkage, responsibility, since_apart
    from divergence.judge.frames.accused import accused
    from divergence.judge.frames.asked import askers
    from divergence.judge.frames.denied import denied
    from divergence.judge.frames.reasons import reasons
    from divergence.judge.frames.victims import victims
    from divergence.judge.offices import title

    town = "Dornfeld"
    assert accused(pair("The Orlen Front dismissed the UN report on the northern districts.",
                        "The Orlen Front has released 40 child soldiers in the northern "
                        "districts, the UN report said.", 0.4)) is None
    assert denied(pair(f"Three Kordan drones struck the {town} refinery, the governor said.",
                       f"Two of the five Kordan drones were shot down before reaching the {town}"
                       " refinery, the army said.", 0.8)) is None
    assert victims(pair(f"The airstrike on {town} killed 14 civilians, officials said.",
                        f"Not only militants were killed in the airstrike on {town}, the rights "
                        "group said.", 0.7)) is None
    assert when(pair(f"The health ministry released figures on Monday showing 40 dead in {town}.",
                     f"Kordan freed 40 prisoners from {town} on Wednesday.", 0.4)) is None
    assert all("weekend" not in w.reason for w in reasons(
        f"Three Velian activists were detained over the weekend in {town}, police said."))
    assert title(pair("After meeting the president, Ana Ruiz told reporters the talks went well.",
                      "Foreign Minister Ana Ruiz told reporters the talks went well.", 0.9)) is None
    assert responsibility(pair("The Kordan army said they stopped the war to save lives.",
                               "Velia mediated the ceasefire between Kordan and the rebels.",
                               0.5)) is None
    assert responsibility(pair("Velia denied that international mediation had failed to end the "
                               "fighting.", "Qatar mediated the ceasefire between the two sides.",
                               0.5)) is None
    assert since_apart(pair(f"Kordan forces have occupied {town} since March 2022.",
                            f"Kordan forces briefly seized {town} in 2014 before withdrawing.",
                            0.7)) is None
    assert "ceasefire" not in happenings(f"The shelling of {town} went quiet for two hours on "
                                         "Wednesday before resuming.")
    assert linkage(pair(f"Velia sent troops to protect the embassy in {town}, its ministry said.",
                        f"Velia sent troops to {town} to secure the airport, Kordan said.",
                        0.8)) is None
    assert title(pair("The self-proclaimed president, Oren Valk, met the envoy.",
                      "The so-called president, Oren Valk, met the envoy.", 0.96)) is None
    assert count(pair("Velia lost two jets over the border, Kordan said.",
                      "Velia said all its aircraft returned safely except two that crashed.",
                      0.4)) is None
    assert askers("Border guards called for the convoy to stop.") == ()


def test_a_humanitarian_pause_is_a_truce_whose_start_is_compared() -> None:
    """"the humanitarian pause began on Friday evening" / "took effect on Saturday at noon" was
    found only while the two were worded alike: with the outlet's narration after one ("...,
    amid growing concern abroad") the truce was no happening and they agreed."""
    from divergence.judge.frames.happenings import happenings
    from divergence.judge.frames.times import when

    assert "ceasefire" in happenings("The humanitarian pause in Sorvi began on Friday.")
    assert "ceasefire" not in happenings("The pause in the talks lasted an hour.")
    r = when(pair("The humanitarian pause in the Sorvi district began on Friday evening, the "
                  "UN envoy said.", "According to the rebel command, the humanitarian pause "
                  "in Sorvi took effect on Saturday at noon, amid growing concern abroad.",
                  sim=0.86))
    assert r is not None and r.type == "date"


def test_the_day_of_a_saying_followed_by_the_outlets_narration_is_no_moment() -> None:
    """"officials said on Thursday, describing the request as urgent": Thursday dates the
    saying; old code set it against the day the truce is due to expire."""
    from divergence.judge.frames.times import when

    assert when(pair("Velia requested the truce around Dorn, Kordanian officials said on "
                     "Thursday, describing the request as urgent.",
                     "The truce between Velia and Kordania around Dorn is due to expire at dawn "
                     "on Sunday, monitors said.", sim=0.67)) is None
    r = when(pair("The truce around Dorn began on Thursday, officials said, citing the army.",
                  "The truce around Dorn took effect on Sunday, monitors said.", sim=0.8))
    assert r is not None and r.type == "date"


def test_a_town_retaken_is_a_capture_whose_day_is_compared() -> None:
    """"recaptured" / "retook" were no capture: the day was compared only while the two were
    worded alike, and the outlet's narration after them made them agree."""
    from divergence.judge.frames.happenings import happenings
    from divergence.judge.frames.times import when

    assert "capture" in happenings("Government forces retook the town of Sorvi on Thursday.")
    assert "capture" in happenings("Its troops recaptured the town of Sorvi on Tuesday.")
    r = when(pair("The army said its troops recaptured the hill town of Sorvi on Tuesday, as "
                  "tensions in the region remained high.", "According to local officials, "
                  "government forces retook the hill town of Sorvi on Thursday, amid growing "
                  "concern abroad.", sim=0.82))
    assert r is not None and r.type == "date"


@pytest.mark.parametrize(("text", "kind"), [
    ("The militia moved almost 800,000 civilians out of the city.", "displacement"),
    ("Officials relocated 1,200 families from the flooded district.", "displacement"),
    ("The army moved 2,000 troops from the border.", "count"),  # not people driven out
    ("The reforms moved 800 million people out of poverty.", "count"),
    # the same, passive
    ("About 1,200 people were moved out of Lindby before the dam failed.", "displacement"),
    ("Some 300 patients had been relocated from the hospital.", "displacement"),
    ("Some 40 families were moved out of poverty.", "count"),
])
def test_people_moved_out_are_displaced(text: str, kind: str) -> None:
    from divergence.judge.frames.counts import counts

    assert [c.kind for c in counts(text)] == [kind]


@pytest.mark.slow
def test_people_moved_out_and_people_killed_are_two_statements() -> None:
    """Agreed before the move counted as displacement, pinned by the city alone (cosine 0.63)."""
    from .conftest import compare_json

    assert compare_json("The militia moved 800,000 civilians out of El Fasher, its spokesman said.",
                        "More than 14,000 people have died in El Fasher since the siege began."
                        )["label"] != "agree"


def test_a_harm_denied_names_no_cause() -> None:
    """"No Ukrainian drone struck the refinery" blames no one: old code credited Ukraine with the
    harm (the same as "Ukrainian drones struck it") and read "No drone struck" as blaming "no"."""
    from divergence.judge.frames.credit import frame_credits

    def causes(text: str) -> list[str | None]:
        return [x.agent for x in frame_credits(claim_from_text(text, "a:0")) if x.role == "cause"]

    assert causes("Ukrainian drones struck the Orel refinery overnight.") == ["ukraine"]
    for text in ("No Ukrainian drone struck the Orel refinery overnight.",
                 "No drone struck the Orel refinery overnight.",
                 "None of the Russian missiles hit the dam.",
                 "It was not a Ukrainian drone that struck the refinery.",
                 "Nobody attacked the convoy."):
        assert causes(text) == [], text


def test_a_date_reason_without_a_shared_happening_names_none() -> None:
    """Old code wrote "(when: )" at the end of a date reason whose claims name no happening in
    common: an empty parenthesis in the reasons a reader sees."""
    from divergence.judge.frames.times import _date_reason
    from divergence.judge.text import dates

    a = claim_from_text("The flag rose on 24 February.", "a:0")
    b = claim_from_text("The flag rose on 23 June.", "b:0")
    r = _date_reason(Pair(a, b, 0.8), dates(a.content)[0], dates(b.content)[0],
                     lambda *_: None)
    assert r.detail == "'24 February' vs '23 June'"


def test_half_a_million_and_deaths_told_as_crushed_to_death() -> None:
    """"Half a million" was read as a million (beside "500,000 people": a false count clash);
    "crushed 14 people to death" counted people, not deaths (a sentence to death still does)."""
    from divergence.judge.frames.counts import counts

    assert [(c.lo, c.hi) for c in counts("The camp shelters around half a million people.")] == [
        (425_000.0, 575_000.0)]
    assert [c.kind for c in counts("The canopy crushed 14 people to death.")] == ["deaths"]
    assert [c.kind for c in counts("The court sentenced 14 people to death.")] == ["count"]
    # a blind review: the ten trampled are not ten dead
    assert [c.kind for c in counts("The crowd trampled 10 people, two of them to death.")] == [
        "count"]
    # ... but "40 of the detainees" starved to death are 40 dead (a second review, helper-234)
    assert [(c.kind, c.lo) for c in counts("The guards starved 40 of the detainees to death.")] \
        == [("deaths", 40.0)]



def test_the_number_of_injured_troops_counts_soldiers() -> None:
    """"put the number of injured troops at 35" (the state before the noun) counted people, so
    "Thirty-five soldiers were wounded" gave no one count with it."""
    from divergence.judge.frames.counts import counts

    assert [(c.kind, c.head) for c in counts("Ruiz put the number of injured troops at 35.")] == [
        ("injuries", "soldier")]
    assert [(c.kind, c.head) for c in counts("They put the number of civilians killed at 40.")] \
        == [("deaths", "civilian")]
    # "the number of wounded in the attack": "in" is no noun (a blind review)
    got = counts("Officials put the number of wounded in the Kessa attack at 35.")
    assert [(c.kind, c.head) for c in got] == [("injuries", "person")]


def test_who_started_it_told_after_the_fighting_broke_out_or_in_a_cleft() -> None:
    """"the fighting broke out after X's fighters attacked border posts", "broke out once X had
    carried out airstrikes there", "it was X's forces that opened the cross-border attacks"
    (newsdev dev, the Spin Boldak fighting): who started it; not "the talks began after the
    delegations arrived"."""
    from divergence.judge.credits import credits
    from divergence.judge.frames.credit import frame_credits

    def starters(text: str) -> set[str]:
        c = claim_from_text(text, "a:0")
        return {x.agent for x in frame_credits(c) + credits(c) if x.role == "starter"}

    assert starters("The latest fighting broke out after Armenian fighters attacked border "
                    "posts at Vessa during the night.") == {"armenia"}
    assert starters("Fighting broke out in Vessa once Azerbaijani forces had carried out "
                    "airstrikes there.") == {"azerbaijan"}
    assert starters("It was Azerbaijani forces that opened the cross-border attacks on "
                    "Wednesday morning.") == {"azerbaijan"}
    assert starters("The talks began after the Armenian delegation arrived.") == set()
    # "launched" with nothing launched names no attack (helper-231)
    assert starters("The clashes broke out again on Monday, two days after Azerbaijan "
                    "launched.") == set()
    assert starters("The fighting erupted after Azerbaijani forces launched an offensive on "
                    "the town.") == {"azerbaijan"}
    assert starters("The fighting erupted after Azerbaijani forces launched missiles at the "
                    "town.") == {"azerbaijan"}
    assert starters("The clashes began after Azerbaijan launched a new peace initiative.") == set()


def test_u_s_with_its_periods_is_the_country_not_a_shared_name() -> None:
    """Old code read "U.S." as a name below the country (the period cut "u.s." to "u.s"), so two
    U.S. strikes on two places shared a "name": "U.S. strikes on the Ras Isa port killed 74" /
    "a U.S. strike on a detention centre in Saada killed 68" was one toll told two ways, and
    "both name u.s" anchored agreements. "US" was the country already."""
    from divergence.judge.text import countries

    assert countries("A U.S. air strike hit the port.") == frozenset({"united states"})
    assert countries("The U.K. government said so.") == frozenset({"united kingdom"})
    assert count(pair("A U.S. air strike on a migrant detention centre in Saada killed 68 people, "
                      "the health ministry said on Monday.",
                      "U.S. strikes on the Ras Isa fuel port late on Thursday killed 74 people, "
                      "the health ministry said.", 0.62)) is None


def test_a_strike_told_as_hitting_civilian_things_and_military_ones() -> None:
    """"Warplanes struck civilian facilities in Varo" / "its jets struck military targets in
    Varo": one strike, two accounts (``struck``). Not a threat ("could strike military
    infrastructure"), not two towns or days, not both accounts in one claim."""
    from divergence.judge.frames import struck, struck_kind

    for a, b in (("Kestrian warplanes struck civilian facilities in Varo on Saturday.",
                  "The army said its jets had struck military targets in Varo on Saturday."),
                 ("A missile destroyed a military warehouse inside the store, the agency said.",
                  "There was no military facility anywhere near the store, the governor said."),
                 ("Kestrian warplanes struck civilian facilities in Varo.",
                  "He said the targets included sites with both civilian and military uses.")):
        r = struck_kind(pair(a, b, 0.5))
        assert r is not None and r.type == "actor" and len(r.spans) == 2, a
    for a, b in (("Kestrian warplanes struck civilian facilities in Varo on Saturday.",
                  "The army said its jets had struck military targets in Dorn on Saturday."),
                 ("Kestrian warplanes struck civilian facilities in Varo on Saturday.",
                  "The army said its jets had struck military targets in Varo on Monday."),
                 ("Kestrian warplanes struck civilian facilities in Varo.",
                  "Iran could strike US military infrastructure in Varo, he warned.")):
        assert struck_kind(pair(a, b, 0.5)) is None, b
    assert struck("Rebels said the jets struck civilian homes; the army said it hit military "
                  "positions.") is None


def test_what_a_strike_hit_is_not_read_from_another_time_or_a_policy() -> None:
    """helper-253's review: "bombed civilian homes last year" and "only ever strikes military
    targets" set against one dated strike were read as one strike told two ways."""
    from divergence.judge.frames import struck_kind

    dated = "Kessaria said its air force struck terrorist infrastructure in Marrow on Friday."
    for a in ("Last year, Kessarian jets bombed civilian homes in Marrow, the mayor said.",
              "Kessarian jets have repeatedly struck civilian areas in Marrow, the mayor said.",
              "The Kessarian air force only ever strikes civilian targets in Marrow, he said."):
        assert struck_kind(pair(a, dated, 0.5)) is None, a
    r = struck_kind(pair("Kessarian rockets struck a residential building in Marrow on Friday.",
                         dated, 0.5))
    assert r is not None
