"""A report called false, read as the denial of what it reports, and a statement that tells both
sides of a dispute (``ingest.called_false``, ``ingest.both_sides``): the forms of
``benchmarks/data/type_probes_denials.jsonl``, on invented sentences."""

from __future__ import annotations

import pytest

from divergence.ingest.attribution import attribute
from divergence.ingest.both_sides import tells_both_sides
from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import denied


def read(sentence: str) -> list[tuple[str | None, str, str]]:
    return [(x.speaker, x.stance, sentence[x.start:x.end]) for x in attribute(sentence)]


@pytest.mark.parametrize(("sentence", "speaker", "denied_text"), [
    ("Velto Foods called the newspaper's claim that it sold expired fish in its canteens "
     "'baseless and defamatory'.", "Velto Foods", "it sold expired fish in its canteens"),
    ("The Marsh government rejected as 'false' a report by the Harbour Monitor that it had sold "
     "its fuel reserves.", "The Marsh government", "it had sold its fuel reserves"),
    ("The mayor of Ostrel dismissed as 'gossip' an auditor's finding that 3 million crowns were "
     "missing from the school fund.", "The mayor of Ostrel",
     "3 million crowns were missing from the school fund"),
    ("The farm ministry called reports of a blight in the northern valleys 'alarmist fiction' on "
     "Monday.", "The farm ministry", "reports of a blight in the northern valleys"),
    ("Kessa's energy ministry said claims that the pipeline had been damaged in the raid were "
     "'pure disinformation'.", "Kessa's energy ministry", "the pipeline had been damaged in the "
     "raid"),
    ("The ministry dismissed as rumours reports that the president was ill and said he would "
     "speak on Friday.", "The ministry", "the president was ill"),
])
def test_a_report_called_false_is_its_speakers_denial(sentence: str, speaker: str,
                                                      denied_text: str) -> None:
    assert read(sentence)[0] == (speaker, "denies", denied_text)


def test_what_the_speaker_goes_on_to_say_is_asserted() -> None:
    got = read("The interior ministry called claims that 30,000 people had fled Dask 'grossly "
               "inflated propaganda' and said fewer than 4,000 had crossed.")
    assert got == [("The interior ministry", "denies", "30,000 people had fled Dask"),
                   ("The interior ministry", "asserts", "fewer than 4,000 had crossed")]
    # more after it than the speaker's next words: the sentence is read as it was
    assert all(stance == "asserts" for _, stance, _ in read(
        "The army called claims that its jets bombed a school in Tarn 'lies' and accused rebels "
        "of staging the attack."))
    assert all(stance == "asserts" for _, stance, _ in read(
        "The ministry rejected as baseless claims by residents that troops looted Brenn, but "
        "villagers insisted they had seen it."))


@pytest.mark.parametrize("sentence", [
    "The army called the report accurate.",
    "The minister called the claim that talks had stalled premature.",
    "Police called the protest that blocked the bridge illegal.",
    "The ministry said the figures were accurate.",
    "The ministry called reports of a swarm in the east worrying.",
    # a relative clause, not what was said; a topic or a value, not a happening denied
    "The statistics office said the figures that were published on Monday were incorrect.",
    "The company called the article that accused it of dumping waste libellous.",
    "The rebels called the army's account of the clash at Tarn 'lies'.",
    "The labour minister said the 20 percent jobless figure published by employers was 'a "
    "fabrication'.",
])
def test_a_report_called_anything_else_is_no_denial(sentence: str) -> None:
    assert all(stance == "asserts" for _, stance, _ in read(sentence))


def test_a_verdict_word_inside_what_is_rejected_is_part_of_it() -> None:
    assert read("Police rejected reports that the suspect was lying.") == [
        ("Police", "denies", "the suspect was lying")]


def test_a_denied_report_of_a_strike_says_it_did_not_happen() -> None:
    """The frames read what a denied report tells as denied: "called reports of a strike on the
    bridge a fabrication" says the bridge was not struck."""
    for a in ("The ministry called reports of a strike on the Ulm bridge a fabrication.",
              "The ministry said reports of strikes on the Ulm bridge were untrue."):
        r = denied(Pair(claim_from_text(a, "a:0"),
                        claim_from_text("A missile struck the Ulm bridge on Friday.", "b:0"),
                        0.6))
        assert r is not None and "did not happen" in r.detail, a


@pytest.mark.parametrize("sentence", [
    "Residents of Hove accused soldiers of beating detainees, an allegation the army denied.",
    "The border guard said troops had crossed the frontier near Brel, which Tarsk denied.",
    "The coast guard denied ramming the trawler, contradicting the account given by its captain.",
    "The minister denied that files had been shredded, after two clerks alleged they were "
    "destroyed.",
    # a saying, then another voice's that negates it: after "but", or "no such" after ";"
    "Club sources said the coach had been sacked, but he insisted he had not been dismissed.",
    "Fishermen say a navy cutter rammed their boat; the navy says no such collision took place.",
])
def test_a_sentence_that_tells_both_sides(sentence: str) -> None:
    assert tells_both_sides(sentence)


@pytest.mark.parametrize("sentence", [
    "Kyiv, which has denied any role, rejected the accusations as lies.",
    "The alliance denied the charges; it said it had harmed no civilians.",
    "The army said it had shelled the depot at dawn.",
    "The rebels denied that they had asked for a truce.",
    # two voices, in so many words no rejection (``compare`` judges such claims to find out)
    "Troops entered Varn on Monday; the army says they met no resistance.",
    "The army said troops entered Varn; the ministry said they met no resistance.",
    "Officials said the bridge was closed, but the mayor said traffic would resume on Monday.",
    "Police arrested 12 protesters in Orra, though officials said most were later released.",
    "The crew kept working while the captain said prayers.",
    "The minister said he would resign after parliament rejected his budget.",
    "The mayor proposed a new parking tax, which the council rejected.",
    "The council rejected the housing plan after residents reported flooding.",
])
def test_a_sentence_that_tells_one_side(sentence: str) -> None:
    assert not tells_both_sides(sentence)
