"""Who mediated: the wordings outlets use to credit a mediator, or its own side, with an end to
fighting, a release or a settlement (``frames.mediators``), and the disputes they make."""

from __future__ import annotations

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import frame_credits, responsibility
from divergence.judge.frames.mediators import mediated


def pair(a: str, b: str, sim: float = 0.5) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def credited(text: str, speaker: str | None = None) -> set[tuple[str, str, str | None]]:
    return {(c.outcome, c.role, c.agent) for c in mediated(text, speaker)}


@pytest.mark.parametrize(("text", "want"), [
    # an adjective between the mediator and its mediation; diplomacy is mediation too
    ("Norway's discreet mediation produced the deal that freed the four sailors.",
     ("release", "mediator", "norway")),
    ("Kenya's shuttle diplomacy secured the truce in Arvel.", ("ceasefire", "mediator", "kenya")),
    # a halt in fighting, and a war ended, are ends to fighting
    ("After Omani mediation, the two armies agreed to a halt in hostilities near Dast.",
     ("ceasefire", "mediator", "oman")),
    ("The fighting ended after weeks of Turkish mediation efforts.",
     ("ceasefire", "mediator", "turkey")),
    # an architect, the work of, the credit belongs to
    ("Ghana's president was the architect of the Velm truce.", ("ceasefire", "mediator", "ghana")),
    ("The Sorrel peace accord was entirely the work of Brazilian envoys.",
     ("ceasefire", "mediator", "brazil")),
    ("Credit for the Arvel treaty belongs to Chile, diplomats said.",
     ("settlement", "mediator", "chile")),
    # one who persuaded the parties to sign
    ("Austria persuaded the two governments to sign the river treaty.",
     ("settlement", "mediator", "austria")),
    # a release secured, a decision to free
    ("Swiss mediators secured their freedom after a month of talks.",
     ("release", "mediator", "switzerland")),
    # an outcome and who brokered it in a participle; good offices; mediation led by; acting as
    ("The border war ended in a truce brokered by Kessia, state radio said.",
     ("ceasefire", "mediator", "kessia")),
    ("The swap was arranged through the good offices of the Ardel Order.",
     ("settlement", "mediator", "ardel")),
    ("The accord was signed in Varn after mediation led by Prime Minister Ola Brandt.",
     ("settlement", "mediator", "brandt")),
    ("The truce held after the Emirate of Sabir, acting as sole mediator, persuaded both "
     "armies to hold their fire.", ("ceasefire", "mediator", "sabir")),
    ("It was visiting Senator Ivo Kast who single-handedly brokered the truce.",
     ("ceasefire", "mediator", "kast")),
    # freed after more words, lifted a blockade, an exchange of prisoners
    ("Three engineers kidnapped in Goran last month were freed thanks to mediation by the "
     "Sultan of Ibra.", ("release", "mediator", "ibra")),
    ("The navy lifted its blockade of Port Ness under a deal brokered by Tessary.",
     ("settlement", "mediator", "tessary")),
])
def test_wordings_that_credit_a_mediator(text: str, want: tuple[str, str, str]) -> None:
    assert want in credited(text)


def test_the_speakers_own_intervention_is_the_speakers() -> None:
    """"His personal intervention ended the war" credits whoever says it; told by no one, it
    credits no one."""
    text = "His personal intervention with the rebel council had ended the war."
    assert ("ceasefire", "mediator", "tarvo") in credited(text, "President Aldo Tarvo")
    assert not {c for c in credited(text) if c[1] == "mediator"}


def test_the_us_is_no_first_person() -> None:
    """"the recent US-brokered ceasefire" told by Israel's defence minister credits the United
    States; "US" was read as "us", the speaker's side."""
    from divergence.judge.frames.credit import frame_credits

    c = claim_from_text("Israel's defence minister said on Tuesday that Iran had broken the "
                        "recent US-brokered ceasefire.", "a:0")
    got = {(x.role, x.agent) for x in frame_credits(c) if x.outcome == "ceasefire"}
    assert got == {("mediator", "united states")}


@pytest.mark.parametrize("text", [
    # a party's negotiators are a party to the talks, not a mediator
    "Rebel negotiators and Velmish negotiators met to discuss the truce.",
    "The strike hit a building in which Hamas negotiators were weighing ceasefire proposals.",
    # an end to fighting is not what an intervention in a war mediates
    "Talks on a truce began after the Marsh offensive.",
    # a place before "after mediation" is where it was signed, not who mediated
    "The accord was signed in Vellin after mediation.",
    # (a review's pairs, 2026-12-05) a party's own negotiators, diplomats and diplomacy
    "Kamber officials said their negotiators won the release of the eight teachers.",
    "Kamber said its diplomats had negotiated the prisoner swap with Aldane.",
    "Dorian diplomacy persuaded Kamber's allies to back the ceasefire.",
    # the parties' own swap; a host; a party's delegation
    "The prisoner swap negotiated by Doria and Kamber took place at the border.",
    "The ceasefire followed talks hosted by Meridal.",
    "The ceasefire talks led by Kamber's foreign minister resumed.",
    # a side's own efforts, failed efforts, other works, a cabinet persuaded, a side's forces
    "Tessary's relief efforts in the Vallor valley resumed after the ceasefire took hold.",
    "Lusmoor's efforts to stop the fighting collapsed in March.",
    "The violations of the ceasefire were the work of the Free Kesh Front.",
    "General Ovid Brenn was the architect of the siege of Orrin, which ended in a deal.",
    "Prime Minister Ovid Brenn persuaded his cabinet to accept the ceasefire.",
    "The truce came after the Tessary army intervened on the government's side.",
])
def test_parties_and_wars_credit_no_mediator(text: str) -> None:
    assert not {c for c in credited(text) if c[1] == "mediator" and c[2] is not None}


def test_a_call_that_had_nothing_to_do_with_it_is_no_mediation() -> None:
    text = ("The militias agreed to stop fighting after a vote of their council, and the Arvish "
            "president's call had nothing to do with it.")
    assert ("ceasefire", "not-mediator", "arvish") in credited(text)
    assert "not-mediator" not in {c[1] for c in credited(
        "The Arvish president's call had nothing to do with the weather.")}


@pytest.mark.parametrize(("a", "b"), [
    ("President Aldo Tarvo said his intervention had ended the war with the Sarn militias.",
     "The Sarn militias agreed to stop fighting after their own council voted, and President "
     "Tarvo's call had nothing to do with it, a militia spokesman said."),
    ("After Omani mediation, the Dast government and the Hill Front agreed to a 10-day halt in "
     "hostilities.",
     "Mediators had nothing to do with the Dast ceasefire, which was agreed in one phone call "
     "between the two commanders."),
    ("The Sorrel peace accord was entirely the work of Brazilian envoys, a Sorrel official said.",
     "The UN praised Chile for its role in bringing the Sorrel factions to the table, calling "
     "Santiago's diplomacy decisive for the peace accord."),
])
def test_mediators_told_in_other_words_make_a_dispute(a: str, b: str) -> None:
    r = responsibility(pair(a, b))
    assert r is not None and r.type == "actor"


def test_two_requests_told_in_long_sentences_still_meet() -> None:
    """Who asked for one truce, told with asides that pull the two sentences apart (cosine 0.3):
    below ``FAR_REQUESTS`` they would be taken for two requests."""
    a = ("Arvish state radio insisted the truce was entirely Velm's idea, quoting a senior "
         "diplomat as saying his country had only answered repeated appeals.")
    b = ("The ceasefire along the Dast line took effect at the behest of Arvel, according to a "
         "statement from the Velmish presidency.")
    r = responsibility(pair(a, b, 0.3))
    assert r is not None and r.type == "actor"
    assert responsibility(pair(a, b, 0.2)) is None  # far apart: two requests


def test_a_supporter_named_beside_the_mediators_is_no_rival_mediator() -> None:
    """"Credited Washington's dogged diplomacy" against "the deal, which Oman mediated and
    Washington supported": both name the United States in the deal, so no dispute over who
    mediated it."""
    a = "The president attributed the hostage deal to Washington's dogged diplomacy."
    b = ("Under the hostage deal, which Oman mediated and Washington supported, ten captives "
         "were freed.")
    assert ("ceasefire", "involved", "united states") in credited(b)
    assert responsibility(pair(a, b)) is None
    assert responsibility(pair(a, "Under the hostage deal, which Oman mediated, ten captives "
                                  "were freed.")) is not None


def test_a_sides_military_intervention_mediates_nothing() -> None:
    assert not credited("The truce collapsed after Velm's military intervention in Arvel.")


def test_a_sides_own_peace_efforts_credit_it_with_no_truce() -> None:
    """"Trump warned he might step back from US peace efforts" credits the US with no truce."""
    assert not credited("Kyiv called the truce a stunt, coming after Trump warned he might step "
                        "back from US peace efforts.")
    assert ("ceasefire", "mediator", "egypt") in credited(
        "The truce came about thanks to Egypt's efforts.")


@pytest.mark.parametrize(("text", "want"), [
    ("The Gavron militia released 30 captured border guards after mediation by the Emir of "
     "Sabrat.", ("release", "mediator", "sabrat")),
    ("The Emir of Sabrat had 'nothing whatsoever to do' with freeing the guards, a militia "
     "leader said.", ("release", "not-mediator", "sabrat")),
    ("Sources said the Isle of Monn played a decisive intermediary role in ending the blockade.",
     ("settlement", "mediator", "monn")),
    ("The Grey Crescent charity negotiated the release of the nine teachers.",
     ("release", "mediator", "grey")),
    ("The two sides struck their ceasefire in direct talks between their defence ministers.",
     ("ceasefire", "mediator", None)),
    ("The clan heads hammered out the truce alone, meeting without any go-between.",
     ("ceasefire", "mediator", None)),
    ("The treaty was agreed by the two countries' negotiators, without the involvement of any "
     "outside party.", ("settlement", "mediator", None)),
])
def test_more_wordings_of_mediation_and_of_none(text: str, want: tuple) -> None:
    assert want in credited(text)


def test_a_sides_own_diplomats_are_that_side() -> None:
    """"Its diplomats had quietly mediated the exchange", the Orsan foreign ministry said."""
    assert ("settlement", "mediator", "orsan") in credited(
        "Its diplomats had quietly mediated the prisoner exchange.", "the Orsan foreign ministry")


def test_a_body_named_by_whose_it_is_is_that_side() -> None:
    """"the government of Lusk", "officers from neighbouring Palvo", "diplomats from Estor":
    a lower-case body of a named side credits that side."""
    assert ("ceasefire", "mediator", "palvo") in credited(
        "The truce was mediated by officers from neighbouring Palvo, an army statement said.")
    assert ("settlement", "mediator", "lusk") in credited(
        "The exchange of 40 prisoners was arranged by the government of Lusk.")
    r = responsibility(pair(
        "The exchange of 40 prisoners was arranged by the government of Lusk, officials said.",
        "The exchange of 40 prisoners was arranged through the good offices of the Ardel Order."))
    assert r is not None and r.type == "actor"


def test_suing_for_peace_is_asking_and_taking_no_part_is_no_mediation() -> None:
    from divergence.judge.frames.asked import askers

    assert {(x.outcome, x.agent) for x in askers("The Orsk Front sued for peace after its lines "
                                                 "collapsed.")} == {("ceasefire", "orsk")}
    assert ("ceasefire", "not-mediator", "kell") in credited(
        "The war was ended by the two armies' chiefs, and President Ada Kell took no part in "
        "the negotiations.")
    assert ("release", "mediator", None) in credited(
        "The release of the 40 captives was decided without any outside prompting.")
    asked = askers("Fennick's rebel council appealed to the army for an evacuation corridor.")
    assert {x.outcome for x in asked} == {"asked:corridor"}


def test_direct_talks_between_the_parties_say_no_mediator_talks_held_somewhere_do_not() -> None:
    """(2026-12-05, two dev flags a blind reader called compatible, and a review) "settled on the
    truce in direct talks held in Malaysia" does not deny that Malaysia's leader mediated them,
    nor do talks with a mediator's envoy, or direct talks a third party chaired."""
    assert ("ceasefire", "mediator", None) in credited(
        "The truce was struck in direct talks between the two defence ministers.")
    for text in ("The two leaders settled on the truce in direct talks held in Varnia.",
                 "Rebel leaders held direct talks with Meridal's envoy before the ceasefire.",
                 "The truce followed direct talks between Dorian and Kamber commanders that "
                 "Meridal hosted and chaired."):
        assert ("ceasefire", "mediator", None) not in credited(text), text


def test_an_end_told_of_the_siege_or_blockade_and_adverbs_before_the_mediation() -> None:
    assert ("settlement", "mediator", None) in credited(
        "The siege of Orrin was lifted without the involvement of any outside country.")
    assert ("settlement", "mediator", "meridal") in credited(
        "The blockade of Port Ness ended after Meridal personally brokered a compromise.")
    assert ("settlement", "mediator", "kiran") in credited(
        "The treaty was negotiated entirely by Kiran's envoys.")


def test_an_offer_to_mediate_mediates_nothing() -> None:
    from divergence.judge.credits import _credits

    assert not _credits("Osteria offered on Monday to mediate between Korvath and Dellmar.",
                        "Osterian radio")
    assert _credits("Qatar has been mediating between Velm and Arvel.", "the emir")


@pytest.mark.parametrize(("text", "speaker", "want"), [
    ("There was no role of any third country in the cessation of hostilities.", None,
     ("ceasefire", "mediator", None)),
    ("The understanding on stopping firing was reached bilaterally between the two armies.",
     None, ("ceasefire", "mediator", None)),
    ("No third party was involved in the decision to stop firing.", None,
     ("ceasefire", "mediator", None)),
    ("His administration helped broker the ceasefire between Velm and Arvel.",
     "Tessary's president", ("ceasefire", "mediator", "tessary")),
    ("He had spoken to the leaders of both countries and helped secure the truce.",
     "Foreign Minister Ada Rusk", ("ceasefire", "mediator", "rusk")),
    ("The truce came after Tessary intervened.", None, ("ceasefire", "mediator", "tessary")),
    ("Arvel's prime minister thanked the Tessarian president for his leadership in securing the "
     "truce.", None, ("ceasefire", "mediator", "tessarian")),
])
def test_who_mediated_a_halt_in_firing_in_officials_words(text: str, speaker: str | None,
                                                          want: tuple) -> None:
    assert want in credited(text, speaker)


def test_offers_to_help_mediate_mediate_nothing() -> None:
    from divergence.judge.credits import _credits

    for t in ("Osteria said it was ready to help mediate between Korvath and Dellmar.",
              "Osteria offered its mediation between Korvath and Dellmar on Monday."):
        assert not _credits(t, "Osterian radio"), t


def test_credit_as_fruit_or_claimed_against_talks_alone_and_no_outside_help() -> None:
    """Old code read no mediator in "the fruit of Qatari efforts" nor in "claimed credit for
    ending the war", and no one ruled out in "talks between the two commanders alone", "no
    foreign government had played any part" or "not because of any outside help"."""
    for a, b in (("Velian officials credited Oman's behind-the-scenes diplomacy for the truce.",
                  "The truce was reached in talks between the two military commanders alone, "
                  "Kordan said."),
                 ("President Hale said his envoys had secured the deal after days of shuttle "
                  "diplomacy.", "Kordan's foreign ministry said no foreign government had "
                  "played any part in reaching the deal."),
                 ("Hale claimed credit for ending the war between Kordan and Velia.",
                  "Kordan said the war ended because Velia's army had been defeated, not "
                  "because of any outside help."),
                 ("The agreement was the fruit of Qatari efforts, the rebels said.",
                  "The government said the agreement came out of its own contacts with the "
                  "rebels, without intermediaries.")):
        r = responsibility(pair(a, b, 0.4))
        assert r is not None and r.type == "actor", a
    assert ("settlement", "mediator", "qatar") in credited(
        "The agreement was the fruit of Qatari efforts.")
    # the result of one side's appeals is who asked, not who mediated
    assert credited("The truce was the result of Kordan's urgent appeals.") == set()


def test_credit_and_who_asked_in_more_wordings() -> None:
    """(2026-12-05, ninth session) Old code read no mediator in "helped the two sides reach the
    deal" nor in "he had personally stopped the war"; no one ruled out in "no foreign leader had
    any role", "the result of bilateral talks and nobody else's" (read as the cause "else"), or
    in a denial whose proposition is an outsider's part ("rejected any suggestion of
    third-party involvement"); and no asker after "only after" nor in "first reached out through
    the hotline seeking a halt", "it was X who initiated the call", "at the rebels' request"; a
    first approach made to propose a truce is also the first approach."""
    for a, b in (("Washington facilitated the understanding between the two sides, the State "
                  "Department said.", "Kordan rejected any suggestion of third-party "
                  "involvement in the understanding."),
                 ("The US president claimed he had personally stopped the war between the two "
                  "neighbours.", "Velia's government said no foreign leader had any role in "
                  "ending the hostilities."),
                 ("Qatar and Egypt helped the two sides reach the deal, diplomats said.",
                  "Kordan's prime minister said the deal was the result of bilateral talks and "
                  "nobody else's."),
                 ("It was Kordan's army chief who initiated the call seeking a cessation of "
                  "hostilities, Velian officials said.", "Kordan said it never sought a truce."),
                 ("Kordan approached Velia first to propose an end to the fighting, Velian "
                  "sources said.", "Kordan's foreign office said Velia had made the first "
                  "approach."),
                 ("The rebels said the government had requested the humanitarian pause.",
                  "A government spokesman said the pause was agreed at the rebels' request."),
                 ("Velia said it agreed to halt strikes only after Kordan's military chief "
                  "called and asked for a pause.", "Kordan said it was Velia that first "
                  "reached out through the hotline seeking a halt.")):
        r = responsibility(pair(a, b, 0.4))
        assert r is not None and r.type == "actor", a
    # a denial of something else an outsider did is no denial of mediation
    assert frame_credits(claim_from_text("Kordan denied any suggestion of foreign investment "
                                         "in the port.", "a:0")) == []
    # the speaker's own end of the war: his
    assert ("ceasefire", "mediator", "hale") in {
        (x.outcome, x.role, x.agent) for x in frame_credits(claim_from_text(
            "President Hale said he had personally stopped the war.", "a:0"))}


@pytest.mark.parametrize(("a", "b"), [
    # one who pressed the parties into it mediated; parties who did it themselves had none
    ("Ostrava pressed both sides into accepting the ceasefire in Mell.",
     "The ceasefire in Mell was agreed between the two armies, and Ostrava had no role."),
    ("Vessian envoys brokered the truce in Harl, state radio said.",
     "The warring parties said they had negotiated the Harl truce themselves."),
    # an office named by its title mediates as a name does, and an end to a strike, a standoff
    # or a blockade is a settlement it may be credited with
    ("The governor of Brell brokered the deal that ended the tram strike.",
     "The tram union and the operator settled the strike on their own, without outside help."),
    ("The strike at the Oskar mill ended after the labour secretary mediated between the sides.",
     "Mill owners and workers reached the deal directly, without mediation."),
    ("The archbishop helped broker the truce between the two clans, church officials said.",
     "Elders said the clans agreed the truce themselves and no intermediary took part."),
    ("The regional governor brokered an end to the blockade of the Tolm highway.",
     "Farmers lifted the blockade of the Tolm highway themselves, without any mediator."),
])
def test_a_credit_and_its_denial_in_other_words(a: str, b: str) -> None:
    r = responsibility(pair(a, b))
    assert r is not None and r.type == "actor", r


def test_an_office_is_never_set_against_a_name() -> None:
    # "the president" may well be Hale: a title and a name are not rival mediators
    assert responsibility(pair("President Hale brokered the truce between the two militias.",
                               "The president brokered the truce between the militias.")) is None
    assert ("settlement", "mediator", "the mayor") in credited(
        "The bus strike ended after the mayor mediated between drivers and the city.")
    # a title inside a name of its own is the name's ("the president of Kenya")
    assert credited("The president of Kenya brokered the truce in Arvel.") == {
        ("ceasefire", "mediator", "kenya")}


def test_a_partys_own_officer_and_a_compound_are_no_office() -> None:
    """A review's finds: "the union president", "the company secretary" and "the rebel envoy"
    are sides of the dispute; "the king prawn" is no king; a governor who "stepped in and agreed
    to a raise" may be a party; a walkout a meeting ended in, or a drone strike called off, is
    no settlement."""
    from divergence.judge.frames.mediators import _about

    for a in ("The lockout ended after the company president intervened.",
              "The strike ended after the union president stepped in.",
              "The company secretary brokered the deal that ended the lockout.",
              "The rebel envoy brokered the prisoner swap.",
              "The teachers' strike ended after the governor stepped in and agreed to a raise."):
        assert responsibility(pair(a, "The dispute was settled directly between the two sides, "
                                      "without any mediator.")) is None, a
    assert not frame_credits(claim_from_text(
        "The strike ended thanks to the king prawn fishermen's cooperative.", "a:0"))
    for text in ("The meeting ended in a walkout by union delegates.",
                 "The match ended with a late strike from Kane.",
                 "The drone strike was called off.", "Fans settled into the front row."):
        assert _about(text) is None, text
