"""Whose initiative a step between two sides was (``frames.initiative``)."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.credit import responsibility
from divergence.judge.frames.initiative import initiatives


def pair(a: str, b: str, sim: float = 0.7) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def read(text: str) -> set[tuple[str, str, str | None]]:
    return {(x.outcome, x.role, x.agent) for x in initiatives(text)}


def test_who_asked_for_a_step_in_the_forms_outlets_use() -> None:
    assert read("Trevania had requested the lull around Vostrin.") == {
        ("ceasefire", "initiator", "trevania")}
    assert read("The military hotline near Ostrel was set up at Korvia's request.") == {
        ("contact", "initiator", "korvia")}
    assert read("Estravel's navy had proposed suspending its blockade of Orvin port.") == {
        ("pause:blockade", "initiator", "estravel")}  # a pause of the blockade
    assert read("The proposal for a holiday truce came from Drevania's prime minister.") == {
        ("ceasefire", "initiator", "drevania")}
    assert read("The request for safe passage out of Pellin was made by Drevania's health "
                "ministry.") == {("corridor", "initiator", "drevania")}
    assert read("Nerith's coastguard asked Sundravia to suspend naval patrols.") == {
        ("pause:patrols", "initiator", "nerith")}  # a pause of patrols, not of the fighting
    assert read("The prisoner swap between Orlesk and Zalvora was Zalvora's idea.") == {
        ("swap", "initiator", "zalvora")}
    assert read("General Rell placed the first call to his Valdorian counterpart.") == {
        ("contact", "initiator", "rell")}
    # denials
    assert read("Drevanian officials had not contacted Kaltoria about a truce.") == {
        ("ceasefire", "not-requester", "drevanian")}
    assert read("Ildreth has made no request for a swap of captives.") == {
        ("swap", "not-requester", "ildreth")}
    # a public call, a plan, an order: no one's initiative
    for t in ("Kovia called for a ceasefire on Monday.",
              "Critics called on Washington to request a ceasefire.",
              "India called the report false and refused to request a ceasefire.",
              "The minister plans to discuss the truce next week."):
        assert read(t) == set(), t


def test_two_sides_each_said_to_have_asked_clash_and_aid_asked_twice_does_not() -> None:
    r = responsibility(pair(
        "Korvian officers said the Valdorian army had requested the lull around Ostrel.",
        "The proposal for the lull around Ostrel came from Korvia, a Valdorian spokesman said."))
    assert r is not None and r.type == "actor"
    assert responsibility(pair(
        "Ildreth has made no request for a swap of captives with Trevania, its ministry said.",
        "Trevanian officials said Ildreth had proposed a prisoner swap after the battle.")
    ) is not None
    # many may ask for aid: two askers are no dispute
    assert responsibility(pair("Belmora asked the bank for emergency financing.",
                               "Morvath applied for emergency financing from the bank.")) is None



def test_every_reader_has_a_gate() -> None:
    """Readers that open on a clause's subject are tried at every clause start: each must have
    a word it needs, which ``Gate`` looks for first."""
    from divergence.judge.frames.initiative import _GATES

    assert not any(g.open_always for g in _GATES)


def test_review_mediators_senses_and_denials_are_no_initiative() -> None:
    """(2026-12-05 review) Each of these was read as a side's initiative."""
    for t in ("Ravelia urged both sides to halt the fighting in Sarrow.",
              "UN Secretary-General Anna Lind called again for a ceasefire in Sarrow.",
              "Ravelian diplomats drafted the truce.",
              "The talks in Doha were arranged by Qatar.",
              "Korvia accepted the Ravelian proposal for a truce.",
              "The exchange of fire near Sarrow was initiated by Korvian troops.",
              "First contact with the enemy was made by Korvian scouts.",
              "The call for a boycott of Korvian goods was made by Tessary activists.",
              "Korvia proposed a debt swap with its creditors.",
              "The bomb that shattered the truce was placed by Korvian agents.",
              "The king arrived at the invitation of King Olaf, days after the truce began.",
              "Neither side requested the lull.",
              "Did Korvia request the lull?"):
        assert {x for x in read(t) if x[1] == "initiator"} == set(), t
    assert read("Governor Ana Ruiz proposed a pause in the construction work after residents "
                "complained.") == {("pause:work", "initiator", "ruiz")}


def test_a_proposal_put_forward_by_a_side_is_its_initiative() -> None:
    """(2026-12-05, fourth session; newsdev dev karabakh-001's form) "accepted a ceasefire
    proposal put forward by the peacekeepers" is the passive reader without its "was". A
    review's false conflicts: a proposal by mediators or an envoy, and one by two sides, are no
    one side's step; and a step taken "after an appeal from" someone (an envoy, a council, a
    cleric) says nothing of which side asked, so it is not read."""
    assert read("The Orvani council accepted a ceasefire proposal put forward by Kestova.") == {
        ("ceasefire", "initiator", "kestova")}
    assert read("The government accepted a truce proposed by Norway.") == {
        ("ceasefire", "initiator", "norway")}
    assert read("The ceasefire was brokered by Norway.") == set()  # a mediator asks nothing
    for t in ("Karsvik accepted a pause in the fighting proposed by Velmara.",
              "The truce, first proposed by Velmara, took effect on Monday.",
              "Karsvik signed the ceasefire deal proposed by Velmara.",
              "Karsvik rejected a truce proposed by Velmara."):  # rejected, still Velmara's
        assert read(t) == {("ceasefire", "initiator", "velmara")}, t
    assert read("The truce was not proposed by Velmara.") == set()
    for t in ("Both sides accepted a ceasefire proposal put forward by Quennland's mediators.",
              "The truce proposal put forward by Velmara and Karsvik was welcomed.",
              "The truce was proposed by Velmara and Karsvik.",
              "The truce was reached after an appeal from Quennland's envoy.",
              "The talks were postponed after a visa request from the Velmaran delegation."):
        assert read(t) == set(), t
    got = responsibility(pair("Kestova accepted a truce proposed by Varnia.",
                              "Ostrava requested the truce, its foreign ministry said."))
    assert got is not None and got.type == "actor"
    got = responsibility(pair("Both sides accepted a truce proposal put forward by "
                              "Quennland's mediators, officials said.",
                              "Velmara had requested the truce, its foreign ministry said."))
    assert got is None or "quennland mediated" in got.detail  # not "quennland asked for it"


def test_a_states_president_and_the_state_are_one_side_of_who_asked() -> None:
    """(2026-12-05, fourth session) "Kestovan President Halvard proposed the truce" / "Kestova
    requested the truce" credited two initiators (halvard, kestova): a head of state or a
    minister the claim ties to a state acts for it. A person tied to no state stays apart."""
    from divergence.judge.frames.officials import officials, same_side

    assert officials("Kestovan President Halvard proposed the Easter truce.") == {
        ("halvard", "kestovan")}
    assert officials("President Olav Halvard of Kestova spoke.") == {("halvard", "kestova")}
    assert officials("Varnia's foreign minister Olav Brekke said so.") == {("brekke", "varnia")}
    assert officials("Acting President Halvard signed it.") == frozenset()
    assert same_side("Kestovan President Halvard proposed it.", "Kestova asked.", "halvard",
                     "kestova")
    assert not same_side("Halvard proposed it.", "Kestova asked.", "halvard", "kestova")
    for b in ("Kestova requested the truce, the ministry said.",
              "The truce was Halvard's idea, a Kestovan official said."):
        assert responsibility(pair("Kestovan President Halvard proposed the Easter truce.",
                                   b)) is None, b
    got = responsibility(pair("Kestovan President Halvard proposed the Easter truce.",
                              "Varnia requested the truce, the ministry said."))
    assert got is not None and got.type == "actor"


def test_a_halt_to_a_barrage_is_a_halt_to_the_fighting() -> None:
    """(valid8, read) "Korvath agreed to halt its artillery barrage at the request of the
    Dellmari government" is a truce asked for, not the pause of some other thing."""
    assert ("ceasefire", "initiator", "dellmari") in read(
        "Korvath agreed to halt its artillery barrage on Lessin at the request of the Dellmari "
        "government.")


def test_who_asked_for_a_truce_told_as_a_pause_a_call_or_an_offer() -> None:
    """Old code read no request in a truce called a pause or a halt to the fighting, in "X
    phoned Y and proposed a ceasefire", "approached them with an offer to halt the fighting",
    "at the insistence of the rebel side", nor a first contact made to propose a truce."""
    from divergence.judge.frames.asked import askers

    def asked(text: str) -> set[tuple[str, str, str | None]]:
        return {(x.outcome, x.role, x.agent) for x in askers(text)}

    assert asked("The pause came at the request of the Orvan government.") == {
        ("ceasefire", "requester", "orvan")}
    assert asked("The militia's commander phoned the army chief and proposed a ceasefire.") == {
        ("ceasefire", "requester", "militia")}
    assert asked("The army approached the rebels with an offer to halt the fighting.") == {
        ("ceasefire", "requester", "army")}
    assert asked("The talks were held at the insistence of the rebel side.") == {
        ("meeting", "requester", "rebels")}  # as "the rebels" key
    assert asked("It was Kordan that first reached out to propose a halt to the fighting.") == {
        ("ceasefire", "requester", "kordan"), ("asked:contact", "requester", "kordan")}
    # a pause asked to be extended is another request than the pause itself
    assert asked("It was Korvath that asked for the Lessin pause to be extended.") == {
        ("asked:extension", "requester", "korvath")}
    r = responsibility(pair("The pause came at the request of the Orvan government, the UN "
                            "envoy said.", "The Sallic rebels said they had initiated the pause "
                            "to let aid through.", 0.58))
    assert r is not None and r.type == "actor"
    r = responsibility(pair("It was Kordan that first reached out to propose a halt to the "
                            "fighting, the Velian army said.", "Kordan's foreign ministry said "
                            "it never requested a ceasefire.", 0.46))
    assert r is not None and r.type == "actor"


def test_who_asked_told_after_the_step_or_by_a_clause_of_its_own() -> None:
    """Real coverage of a truce (newsdev dev, pakistan-afghanistan-truce-2025-10): "had agreed,
    at X's request, to stop fighting" (the step after the request), "the truce had come about
    because X asked and insisted on it", "took effect at 5:30 p.m. on Wednesday after X asked
    for it again and again" (a stop inside "p.m." is no sentence's end), "X was lobbying ...
    for a ceasefire"; a request with an object of its own is not the truce's."""
    assert read("Velia and the Korvan regime had agreed, at Korvia's request, to stop fighting "
                "for 48 hours.") == {("ceasefire", "initiator", "korvia")}
    assert read("The ceasefire had come about because the Velian side asked and insisted on "
                "it.") == {("ceasefire", "initiator", "velian")}
    assert read("A truce between the two countries had taken effect at 5:30 p.m. on Wednesday "
                "after Ostrava asked for it again and again.") == {
        ("ceasefire", "initiator", "ostrava")}
    assert read("By the afternoon Ostrava was lobbying through several channels for a "
                "ceasefire.") == {("ceasefire", "initiator", "ostrava")}
    assert read("The truce collapsed after Ostrava asked for a recess.") == set()
    # a step of another clause is not the one asked for (helper-231), but a comma just before
    # "after" leaves the clause it follows (helper-234)
    assert read("Two days into the truce, the Harl border crossing was reopened to traders "
                "because Velmora asked, officials said.") == set()
    assert read("A 48-hour ceasefire was agreed on Tuesday, after Velmora asked for it.") == {
        ("ceasefire", "initiator", "velmora")}
    r = responsibility(pair("Velia and Korvia had agreed, at Korvia's request, to stop fighting "
                            "for 48 hours, Velia's foreign office said.",
                            "Korvia's spokesman said the ceasefire had come about because the "
                            "Velian side asked and insisted on it.", 0.6))
    assert r is not None
