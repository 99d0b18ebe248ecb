"""A claim in the forms outlets write it: a quotation in the speaker's own voice, "said of" what
it is about, and the same denial or credit in other words (``benchmarks/form_probes.py``)."""

from __future__ import annotations

import pytest

from divergence.ingest.speakers import side_of
from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.asked import askers
from divergence.judge.frames.credit import frame_credits, responsibility
from divergence.judge.frames.started import subject_key


def prop(text: str) -> str:
    return claim_from_text(text, "x:0").content


def pair(a: str, b: str, sim: float = 0.6) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def credits(text: str) -> set[tuple[str, str, str | None]]:
    return {(x.outcome, x.role, x.agent) for x in frame_credits(claim_from_text(text, "x:0"))}


@pytest.mark.parametrize(("speaker", "side"), [
    ("a rebel spokesman", "the rebels"),
    ("a spokesman for the rebels", "the rebels"),
    ("Marek Dolan, a spokesman for the rebels", "the rebels"),
    ("an army spokesman", "the army"),
    ("an air force officer", "the air force"),
    ("a Harl district official", "Harl district"),
    ("Hamas officials", "Hamas"),
    ("the army's spokesman", "the army"),
    ("Ilse Marn, the rebels' negotiator", "the rebels"),
    ("Rebel spokesman Ander Voss", "the rebels"),
    ("a Korvian army officer", "the Korvian army"),
    ("a militia commander", "the militia"),
    ("Kaltorian officials", "Kaltorian officials"),  # keyed as Kaltoria
    ("the Red Dune Movement", None),  # a body speaks as itself
    ("a senior official", None),  # whose, no one says
    ("a security source", None),
    ("a hospital official", None),
    ("Mara Tolk, a farmer", None),
    ("Sundravia's economy minister", "Sundravia"),
    ("deputy party leader Ewa Marsh", "the party"),
    ("the chief executive of Valdo Telecom", "Valdo Telecom"),  # the head of a named body
    ("Defence Minister Ivo Brekk of Norlund", "Norlund"),
    ("the Osk city council's press chief", "the Osk city council"),
    ("a resident of Tarn", None),  # no office: whose "we", not said
    ("Nora Bell of Tarn", None),
    ("Dario Fenn of the Kessa Times", None),
])
def test_the_side_a_speakers_we_stands_for(speaker: str, side: str | None) -> None:
    assert side_of(speaker) == side


def test_we_in_a_quotation_is_the_speakers_side() -> None:
    assert prop('"We did not ask for a truce," a rebel spokesman said.') == (
        "The rebels did not ask for a truce.")
    assert prop('"We did not ask for anything," said Marek Dolan, a spokesman for the rebels.'
                ) == "The rebels did not ask for anything."
    assert prop('"The army came to us asking for a pause," the Front said.') == (
        "The army came to the Front asking for a pause.")
    # not one side; not a quotation; the speaker's own "our" is left to the frames
    assert prop('"It was settled between the two of us," the ministers said.').startswith(
        "It was settled between the two of us")
    assert prop("The ministry said we should wait.") == "We should wait."
    for who in ("a senior official", "a witness", "Mara Tolk, a farmer", "a government soldier",
                "the foreign minister"):  # whose "we" is not said
        assert prop(f'"We did not ask for a truce," {who} said.').startswith("We did not")
    assert prop('"We journalists were not told," a reporter said.').startswith("We journalists")
    assert prop('"Let us be clear," a rebel spokesman said.') == "Let us be clear."
    assert prop('"Our planes were not hit," the air force said.') == "Our planes were not hit."


def test_i_in_a_quotation_is_the_named_speaker() -> None:
    assert prop("'I did not vote for the budget,' lawmaker Ines Varl wrote on Wednesday.") == (
        "Ines Varl did not vote for the budget.")
    assert prop('"I have never taken a gift from a contractor," Deputy Minister Arlo Penn said.'
                ) == "Arlo Penn has never taken a gift from a contractor."
    assert prop('"I want a recount," said Mara Tolk.') == "Mara Tolk wants a recount."
    # a view ("I think": "X thinks" reads as hedged), an adverb first, a quotation inside
    # another's account: left as said
    assert prop('"I think the plan will fail," said Mara Tolk.') == "I think the plan will fail."
    assert prop('"I also want a recount," said Mara Tolk.') == "I also want a recount."
    assert prop('Mara Tolk said the guard shouted, "I will shoot."').endswith('"I will shoot.')
    # a verb whose third person is not known, an unnamed speaker: left as said
    assert prop('"I go home now," said Mara Tolk.') == "I go home now."
    assert prop('"I did not see it," the official said.') == "I did not see it."
    # someone speaking for another; a numeral after a name; "succeed" is no past tense
    assert prop("'I was not at the club,' said a lawyer for Ines Varl.") == (
        "I was not at the club.")
    assert prop("'World War I ended in 1918,' historian Nora Bell said.") == (
        "World War I ended in 1918.")
    assert prop("'I succeed where others failed,' Dario Fenn said.") == (
        "I succeed where others failed.")


def test_a_quotation_in_single_marks_before_said_and_its_speaker() -> None:
    assert claim_from_text("'We will never give up the town,' said Ander Voss, a rebel "
                           "spokesman.", "x:0").speaker == "Ander Voss"
    assert prop("'We will never give up the town,' said Ander Voss, a rebel spokesman.") == (
        "The rebels will never give up the town.")


def test_they_after_a_spokesman_is_the_side_he_speaks_for() -> None:
    assert prop("A rebel spokesman said they did not ask for anything.") == (
        "The rebels did not ask for anything.")
    assert prop("The minister said they would wait.") == "They would wait."  # no side named
    assert prop("A hospital official said they had died of gunshot wounds.") == (
        "They had died of gunshot wounds.")  # the dead, not the hospital
    # "they" that does something to the speaker's own side is the other side: left as said
    assert prop("A rebel spokesman said they had shelled our positions overnight.") == (
        "They had shelled our positions overnight.")
    assert prop("An army spokesman said they attacked army posts near the river.") == (
        "They attacked army posts near the river.")
    # the side named in another role says nothing of whom "they" means
    assert prop("A rebel spokesman said they lost 4 fighters in rebel-held Tarn.") == (
        "The rebels lost 4 fighters in rebel-held Tarn.")
    assert prop("A rebel spokesman said they would defend our villages to the last man.") == (
        "The rebels would defend our villages to the last man.")
    assert prop("An army spokesman said they had repelled an attack on the army base.") == (
        "The army had repelled an attack on the army base.")


def test_a_quotation_carried_into_the_next_sentence_speaks_for_the_same_side() -> None:
    from divergence.ingest.io import make_article
    from divergence.ingest.split import split

    text = ('"We never asked for a truce," a rebel spokesman said on Monday. "We are ready to '
            'fight on and we will not stop now."\n\n"We had nothing to do with it," the senior '
            'official said. "We were never there."')
    got = [(c.speaker, c.content) for c in split(make_article(text, path="x", id="x"))]
    assert got[1] == ("a rebel spokesman",
                      "The rebels are ready to fight on and the rebels will not stop now.")
    assert got[3] == ("the senior official", "We were never there.")  # whose "we": not said


def test_what_a_quotation_is_said_of() -> None:
    assert prop('"It was a massacre," the minister said of the strike.') == (
        "The strike was a massacre.")
    assert prop('"No third country played any role," the ministry said of the deal.') == (
        "No third country played any role in the deal.")
    assert prop('"They came to us asking for a truce," the Front said of the delegation.'
                ) == "The delegation came to the Front asking for a truce."
    assert prop('"We stopped a war," Dorn said.') == "We stopped a war."  # whose "we"?
    assert prop('"It is too early to say," the minister said of the cause of the crash.') == (
        "It is too early to say.")  # an "it" that stands for nothing
    assert prop('"It was the rebels who fired first," he said of the clashes.') == (
        "It was the rebels who fired first.")  # a cleft, read by the frames as it is
    assert prop('"They should be ashamed," she said of the strike.') == (
        "They should be ashamed.")  # "they" is people, not the strike
    assert prop('"We had nothing to do with it," the Front said of the bombing.') == (
        "The Front had nothing to do with it.")  # "it" is the bombing already
    assert prop('"He is a criminal," Dorn said of Vell.') == "He is a criminal."  # a person


def test_a_sides_man_keys_the_side() -> None:
    assert subject_key("Rebel leaders") == subject_key("the rebels") == "rebels"
    assert subject_key("a rebel spokesman") == "rebels"


def test_its_neighbour_is_not_the_speaker() -> None:
    """"Kessia said its neighbour had asked for the truce" read Kessia as the one who asked,
    and set it against "Lerat asked for the truce": a false conflict."""
    assert subject_key("its border police") == "its"  # the speaker's own side
    assert subject_key("its neighbour") is None and subject_key("their rivals") is None
    assert responsibility(pair("Lerat asked for the truce, diplomats said.",
                               "Kessia said its neighbour had asked for the truce.")) is None


def test_who_asked_in_other_words() -> None:
    def read(text: str) -> set[tuple[str, str, str | None]]:
        return {(x.outcome, x.role, x.agent) for x in askers(text)}

    assert read("The rebels did not ask for anything.") == {
        ("ceasefire", "not-requester", "rebels"), ("meeting", "not-requester", "rebels"),
        ("asked:mediation", "not-requester", "rebels")}
    assert ("ceasefire", "not-requester", "kessa") in read("Kessa made no such request.")
    assert read("The rebels at no point requested a truce.") == {
        ("ceasefire", "not-requester", "rebels")}  # and no request read in it
    assert read("The Front has not asked to meet the commanders.") == {
        ("meeting", "not-requester", "front")}
    assert read("The army came to the Front leaders asking for a halt to the fighting.") == {
        ("ceasefire", "requester", "army")}
    assert read("It was the government that had requested the ceasefire.") == {
        ("ceasefire", "requester", "government")}
    assert read("The Front too has appealed for a ceasefire.") == set()  # not the only one
    assert read("The rebels did not ask for anything in return for the hostages.") == set()


def test_quoted_denials_of_asking_meet_the_request() -> None:
    asked = "Rebel leaders asked for the truce."
    for said in ('"We did not ask for anything," a rebel spokesman said.',
                 '"We never asked for a truce," said Marek Dolan, a spokesman for the rebels.',
                 "A rebel spokesman said they had not asked for anything."):
        assert responsibility(pair(asked, said)) is not None, said
    assert responsibility(pair(asked, '"We did not ask for anything," the army said.')) is None


def test_who_fired_the_opening_salvo_started_it() -> None:
    assert ("harm", "starter", "korvian") in credits(
        "A Korvian corvette fired the opening salvo near the islands on Saturday.")
    assert ("harm", "starter", "korvian") in credits(
        "A Korvian corvette fired the opening salvo of the border clashes on Saturday.")
    for text in ("A Korvian corvette fired the opening salvo of the naval exercise on Saturday.",
                 "The Korvian navy fired the first shots of the annual drills on Saturday."):
        assert not any(role == "starter" for _, role, _ in credits(text))  # a drill's start
    assert ("harm", "starter", "ostrian") in credits(
        "The Ostrian navy fired the opening salvo of the invasion of Kell.")
    assert ("harm", "starter", "korvian") in credits(
        "A Korvian corvette fired the first shots of the latest round of fighting on Saturday.")


@pytest.mark.parametrize("text", [
    "The ceasefire of Monday owed nothing to any mediator.",
    "The ministries said outside parties had played no role at any stage of their rail accord.",
    "The two sides arranged the prisoner exchange, and no external organisation was involved.",
    '"No third country played any role," the foreign ministry said of the deal.',
])
def test_no_one_mediated_in_other_words(text: str) -> None:
    assert any(role == "mediator" and agent is None for _, role, agent in credits(text)), text


def test_a_named_mediator_said_to_have_had_no_part_in_other_words() -> None:
    assert ("ceasefire", "not-mediator", "kenya") in credits(
        "Ethiopian envoys alone produced the peace deal, with Kenya playing no role at any point.")
    assert ("settlement", "not-mediator", "tessary") in credits(
        "The treaty was worked out by technical experts, with no involvement from the president "
        "of Tessary.")


def test_a_quotation_after_a_colon_is_what_was_said() -> None:
    assert prop('A rebel spokesman told reporters: "We never asked for any truce."') == (
        "The rebels never asked for any truce.")
    assert prop('The ministry said in a statement: "Dravia called first."') == (
        "Dravia called first.")
    assert prop("Officials said three things: the truce held and roads opened.").startswith(
        "Three things:")  # no quotation: left as it was
    assert prop('The army said the rebels had one demand: "a full withdrawal".').startswith(
        "The rebels had one demand:")  # what was said, not a lead


def test_a_cleft_names_whose_initiative_it_was() -> None:
    from divergence.judge.frames.initiative import initiatives

    def read(text: str) -> set[tuple[str, str, str | None]]:
        return {(x.outcome, x.role, x.agent) for x in initiatives(text)}

    assert read("It was Drevania that put forward the halt to air strikes.") == {
        ("ceasefire", "initiator", "drevania")}
    assert read("It was Zalvora that came up with the exchange of prisoners.") == {
        ("swap", "initiator", "zalvora")}
