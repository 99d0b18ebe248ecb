"""Who provoked it, read from the act a claim says was answered (``frames.answered``)."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.answered import provokers
from divergence.judge.frames.credit import frame_credits, responsibility


def pair(a: str, b: str, sim: float = 0.55) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def who(text: str, role: str = "provoker") -> set[str | None]:
    return {x.agent for x in provokers(text) if x.role == role}


def test_the_side_whose_act_was_answered() -> None:
    assert who("The wave of raids was Dravia's answer to a Kovian breach of the truce.") == {
        "kovian"}
    assert who("Citing repeated Estmark violations, the militia announced a defensive "
               "operation.") == {"estmark"}
    assert who("Korvian frigates entered the area only in response to Tessary's seizure of a "
               "fishing boat.") == {"tessary"}
    assert who("The missile tests were a response to military exercises staged by Tessary on "
               "the border.") == {"tessary"}
    assert who("The shelling was retaliation for an unprovoked attack by Valdorian troops.") >= {
        "valdorian"}
    assert who("Officials condemned Korvia's unprovoked aggression against the island.") == {
        "korvia"}


def test_no_side_when_no_hostile_act_was_answered() -> None:
    for t in ("The ministry spoke in response to a question about the Kovian strikes.",
              "The army moved in in response to Tuesday's attack on the depot.",
              "The troops were deployed in response to the floods in the north.",
              "The cabinet gave the minister authority to decide on a response to the Kovian "
              "attack.",
              "Dravia vowed a response to the Estmark raid."):
        assert who(t) == set(), t


def test_two_sides_each_telling_its_blow_as_an_answer_clash() -> None:
    r = responsibility(pair(
        "The strikes on the border villages were Dravia's answer to a Kovian breach of the "
        "ceasefire, the Dravian army said.",
        "Citing repeated Dravian violations of the ceasefire, Kovian militias announced a "
        "defensive operation against a border post."))
    assert r is not None and r.type == "actor" and "provoked it" in r.detail
    # the answered act against a claim that the other side started it
    assert responsibility(pair(
        "Korvia provoked the naval standoff by sending two frigates into disputed waters, the "
        "Tessarian navy said.",
        "Korvian frigates entered the area only in response to Tessary's seizure of a Korvian "
        "fishing boat, the Korvian navy said.")) is not None


def test_the_answer_told_is_no_rival_and_one_provoker_twice_agrees() -> None:
    # the answering blow, told plainly, is what the other claim explains, not a rival account
    assert responsibility(pair(
        "Kovia fired more than 300 drones at Dravia over the weekend, the Dravian army said.",
        "The barrage was Kovia's answer to a Dravian air strike on its consulate, Kovian state "
        "television said.")) is None
    assert responsibility(pair(
        "The raids were retaliation for Kovian shelling of Holm, the Dravian army said.",
        "Dravia said its aircraft acted in response to Kovian attacks on the town of Holm.")
    ) is None


def test_the_side_that_says_it_only_answered() -> None:
    """"Its troops" is the speaker's side; a common noun names no one; a response told with
    no hostile act answered is no answer."""
    def responder(text: str) -> set[str | None]:
        c = claim_from_text(text, "a:0")
        return {x.agent for x in frame_credits(c) if x.role == "responder"}

    assert responder("The Dravian army said its troops came under fire and responded.") == {
        "dravian"}
    assert responder("Zembrian soldiers at the Dunmarro checkpoint were ambushed and returned "
                     "fire, a Zembrian army statement said.") == {"zembrian"}
    assert responder("Halvenia said its units at the oil field were responding to a Zembrian "
                     "assault on a supply column.") == {"halvenia"}
    assert responder("Dovan Reth said the Sarn fighters acted only after police raided a "
                     "village.") == {"sarn"}
    for t in ("The police responded quickly to the call, the mayor said.",
              "Tehran answered with ballistic missile attacks on Kovian targets.",
              "The ministry responded to criticism of the raid on Tuesday."):
        assert responder(t) == set(), t


def test_who_started_it_in_more_of_the_forms_outlets_use() -> None:
    from divergence.judge.frames.started import starters

    def who(t: str, role: str = "starter") -> set[str | None]:
        return {x.agent for x in starters(t) if x.role == role}

    assert who("Police blamed supporters of the opposition Silver Lantern party for starting "
               "the riot.") == {"silver"}
    assert who("Nuvania accused Tarkesh of an unprovoked assault on the hamlet.") == {"tarkesh"}
    assert who("It was Tarkeshi gunners who started the exchange over the salient.") == {
        "tarkeshi"}
    assert who("The Guard attacked troops in Fennmoor without any provocation.") == {"guard"}
    assert who("Friday's Halvenian incursion into Tessavar was unprovoked aggression.") == {
        "halvenian"}
    assert who("The president called Tuesday's Marovian air raid on the depots an unprovoked "
               "act of war.") == {"marovian"}
    assert who("A Pellarian coast guard vessel fired the first shots at the trawlers.") == {
        "pellarian"}
    assert who("Kovia had pushed the region towards escalation, he said.") == {"kovia"}
    assert who("The Sarn Liberation Army broke the three-week truce on Friday.", "breaker") == {
        "sarn"}
    assert who("Its border police fired first at the gate.") == {"its"}  # the speaker's side
    for t in ("The talks broke down on Friday.", "The unrest was triggered by a rise in bread "
              "prices.", "The minister called Tuesday's meeting a waste of time."):
        assert who(t) == set() and who(t, "breaker") == set(), t


def test_answers_and_first_blows_meet_only_in_one_clash() -> None:
    # "we only answered" against "you started it"
    assert responsibility(pair(
        "The Tolvan Brigade said its fighters returned fire after Qarvani helicopters strafed "
        "their camp at Ormund.",
        "Qarvani officials said the Tolvan Brigade attacked the helicopters over Ormund without "
        "any provocation.")) is not None
    # a truce broken by one side against that side saying it only answered
    assert responsibility(pair(
        "Halvenia said its forces acted only after Zembrian troops breached the truce in "
        "Arvanne.",
        "Halvenian units broke the truce in Arvanne on Monday, Zembrian commanders said.")
    ) is not None
    # both sides may break a truce: two breaches are no dispute
    assert responsibility(pair(
        "Kyiv said Russian troops had broken the Easter truce 2,000 times.",
        "Moscow said Ukrainian forces had broken the Easter truce 4,900 times.")) is None
    # "the militias returned fire" / "the Brenn militias fired back": one side, twice
    assert responsibility(pair(
        "Kovian guns opened up on militia trenches along the Arn, and the militias returned "
        "fire.",
        "A militia spokesman said the Brenn militias fired back after coming under Kovian "
        "artillery fire.")) is None
    # two clashes at two places: two first blows, no dispute
    assert responsibility(pair(
        "Teskaria said Marovian border guards shot first at the Lusva river crossing on Friday.",
        "Marovian officials said that at the Fennick post it was Teskarian guards who opened "
        "fire first.")) is None


def test_a_dispute_over_who_started_it_asks_so() -> None:
    """Before 2026-12-05 such a dispute asked "Who is responsible for the harm?"."""
    from divergence.group.asking import question

    r = responsibility(pair(
        "The strikes on the border villages were Dravia's answer to a Kovian breach of the "
        "ceasefire, the Dravian army said.",
        "Citing repeated Dravian violations of the ceasefire, Kovian militias announced a "
        "defensive operation against a border post."))
    assert r is not None and question([r], []) == "Who started it?"
    blame = responsibility(pair("Officials said Marrak gunmen planted the bomb that hit the "
                                "market.", "The militia said Kovian agents were behind the "
                                "market bombing.", sim=0.7))
    assert blame is None or question([blame], []) != "Who started it?"


def test_review_negations_reactions_and_other_answers_take_no_side() -> None:
    """(2026-12-05 review) Each of these gave a side a role in who started it."""
    from divergence.judge.frames.started import starters

    for t in ("It was not Korvia that started the war, Ravelian officials said.",
              "No one has accused Korvia of starting the clashes.",
              "Tessary has not blamed Korvia for starting the war.",
              "Tessary rejected claims the Korvian strike was unprovoked.",
              "Korvian troops had not fired first, Ravelian monitors said.",
              "He broke the news of the ceasefire.",
              "Korvia launched a legal battle against the ruling.",
              "Korvia opened the prisoner exchange on Monday."):
        assert starters(t) == (), t
    for t in ("Oil prices rose in reaction to Korvian strikes on Tessary refineries.",
              "Aid convoys reached Sarrow only after Korvian shelling stopped.",
              "Korvia's answer to Tessary's proposal for talks came on Friday.",
              "Korvian Railways resumed operations after the shelling stopped.",
              "PM Berg hit back at critics on Monday.",
              "Tessary said Korvian troops had not acted in self-defence.",
              "Were Korvian troops acting in self-defence?",
              "The troops struck back in retaliation for the Tessary consulate bombing."):
        assert {(x.role, x.agent) for x in provokers(t)} <= {("responder", "troops")}, t
    # a common noun for the other side is not the speaker's own
    c = claim_from_text("Tessary's army said militants returned fire after its troops raided "
                        "the camp.", "a:0")
    assert "tessary" not in {x.agent for x in frame_credits(c) if x.role == "responder"}


def test_its_blow_told_as_an_answer_meets_its_truce_breach() -> None:
    """(2026-12-05 review: missed) The speaker's own strikes told as an answer, against a claim
    that its forces broke the truce."""
    assert responsibility(pair(
        "Korvia's army said its strikes near Holm were an answer to Tessary's breach of the "
        "truce.",
        "Tessarian officials said Korvian forces broke the truce near Holm on Monday.")) is not None
