"""Linkage conflicts the newspairs training pairs showed the detector missing: a link drawn by
an active "linked X to Y", a link denied in other words than the one given ("any resolution
passed in Orlo" / "a resolution of the Orlo assembly"), a denied link whose happening is told
in other words ("the releases" / "the prisoners were let go"), and a happening told as
revenge or an answer. All names and places are invented."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.reasons import linkage, reasons


def pair(a: str, b: str, sim: float = 0.6) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_an_active_linked_to_draws_a_link() -> None:
    """"Prosecutors linked the collapse to shoddy repair work" explains the collapse; an
    infinitive after the explained part ("the decision to suspend the talks") is part of it."""
    (w,) = reasons("Prosecutors linked the collapse to shoddy repair work.")
    assert (w.explained, w.reason, w.denied) == ("the collapse", "shoddy repair work", False)
    (w,) = reasons("Dalen linked the decision to suspend the talks to a resolution passed in "
                   "Orlo.")
    assert w.explained == "the decision to suspend the talks"
    assert w.reason.startswith("a resolution passed in Orlo")
    # "tied X to Y" is a condition or a rope, not a cause (helper-231)
    assert reasons("The government tied the release of aid funds to progress on reforms.") == ()
    # the passive is read once, by its cue, not as a link drawn by "was"
    assert [w.reason for w in reasons("The fire was linked to a faulty heater.")] == [
        "a faulty heater"]
    r = linkage(pair("Prosecutors linked the collapse of the Tarn bridge to shoddy repair work.",
                     "The ministry said the repair work had no bearing on the collapse of the "
                     "Tarn bridge.", 0.5))
    assert r is not None and r.type == "linkage"


def test_a_denied_link_in_other_words_is_the_link_given() -> None:
    """The denied reason is the given one when its head word is there ("any resolution passed
    last week" / "a resolution of the regional assembly") or two of its words are ("Dorran's
    overture to Kessel" / "Dorran's call for Kessel to speak"); not by one word aside."""
    r = linkage(pair("Mayor Dalen said the council halted the talks because of a resolution "
                     "of the regional assembly.",
                     "The council said its move to halt the talks had no connection to any "
                     "resolution passed last week.", 0.5))
    assert r is not None and r.type == "linkage"
    r = linkage(pair("The Tarvan front said the attack was unrelated to Dorran's overture to "
                     "Kessel.",
                     "A Tarvan-run outlet said the attack was a direct answer to Dorran's call "
                     "for Kessel to speak.", 0.55))
    assert r is not None and r.type == "linkage"
    assert linkage(pair("Police said the shooting was unrelated to the city's gang feud.",
                        "Residents said the shooting happened because of a dispute at the "
                        "city's market.", 0.5)) is None


def test_a_denied_link_is_set_only_against_the_same_thing_explained() -> None:
    """A link denied for one thing and the same cause given for another are two statements
    (helper-231's review: "the resignation of Halvor was unrelated to the corruption inquiry" /
    "the arrest of Pell was linked to the corruption inquiry"); "the releases" / "the prisoners
    were let go" are one release worded apart, which the detector does not see (a miss)."""
    assert linkage(pair("The minister said the resignation of Halvor was unrelated to the "
                        "corruption inquiry.",
                        "Prosecutor Dane said the arrest of Pell was linked to the corruption "
                        "inquiry.", 0.34)) is None
    assert linkage(pair("The fire chief said the warehouse fire had nothing to do with the "
                        "heatwave.", "Farmers said the crop failure was caused by the heatwave.",
                        0.29)) is None
    a = "Brask officials said the prisoners were let go because of the frozen funds."
    b = "The Velmar ministry said the releases had nothing to do with the frozen funds."
    assert linkage(pair(a, b, 0.5)) is None


def test_revenge_and_an_answer_give_a_reason() -> None:
    """"The raid was revenge for ...", "was a direct answer to ...", "was punishment for ...":
    a reason, as "was a response to" is."""
    for t, want in (("The raid was revenge for the killing of a gang member.",
                     "the killing of a gang member"),
                    ("The strike was a direct answer to the minister's speech.",
                     "the minister's speech"),
                    ("The bombing was punishment for their support of the rebels.",
                     "their support of the rebels")):
        assert [w.reason for w in reasons(t)] == [want], t
