"""A rejection of unstated charges, and the accusations of its story it answers."""

from __future__ import annotations

import numpy as np

from divergence.group.claims import candidate_pairs
from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import accused, accused_keys
from divergence.judge.frames.accused import rejections
from divergence.records import Claim


def pair(a: str, b: str, sim: float = 0.4) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def who(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.accused, r.accuser, r.topic) for r in rejections(claim_from_text(text))]


def test_a_rejection_names_who_is_accused_and_by_whom() -> None:
    assert who("Rwanda denies the accusations.") == [("rwanda", None, None)]
    assert who("Kyiv, which has denied any role in the attack, rejected the Russian accusations "
               "as lies.") == [("ukraine", "russia", None)]
    assert who("Hamas dismissed the Israeli claims as lies.") == [("hamas", "israel", None)]
    # passive, the party by its acronym rather than the country in its name
    assert who("Accusations that its fighters abused civilians have been rejected by the "
               "Sudan Founding Alliance (TASIS).") == [("tasis", None, None)]
    # a pronoun rejects: the charge's own demonym says who is accused
    assert who("The ministry repeated that it called all claims of Armenian mine-laying "
               "false.") == [("armenia", None, "Armenian mine-laying")]


def test_no_rejection_without_a_named_party_or_with_its_proposition_stated() -> None:
    for text in ("The ministry denied the charges on Monday.",
                 "Police rejected the claims of a cover-up.",
                 "The court dismissed the charges against the activists.",
                 "The official called the claim absolutely untrue.",
                 # what is rejected is stated: attribution reads it as Israel denying P
                 "Israel denied claims that its troops fired on the crowd."):
        assert not who(text), text


def test_a_bare_rejection_conflicts_with_an_accusation_of_that_party() -> None:
    r = accused(pair("Rwanda denies the accusations.",
                     "Kinshasa accuses Rwanda of backing the M23 rebels."))
    assert r is not None and r.type == "attribution" and "Rwanda rejects" in r.detail
    # read either way round, and through a harm credited to the party
    assert accused(pair("Russian forces blew up the dam, Kyiv said.",
                        "Moscow dismissed the allegations as baseless.")) is not None
    assert accused(pair("Kyiv rejected the Russian accusations as lies.",
                        "FSB chief Alexander Bortnikov said initial information from the "
                        "detainees confirmed a link to Ukraine.")) is not None


def test_no_conflict_without_an_accusation_of_that_party_by_another_voice() -> None:
    # the party named, but not accused
    assert accused(pair("Rwanda denies the accusations.",
                        "Rwanda's president met Congo's president in Doha.")) is None
    # the party's own words
    assert accused(pair("Rwanda denies the accusations.",
                        "Rwanda said it backs the peace process.")) is None
    # the rejection answers Russia's charges; Britain's are another matter
    assert accused(pair("Kyiv rejected the Russian accusations as lies.",
                        "Britain said Ukraine was behind the attack.")) is None
    # the word of accusation is about someone else, far from the party's name
    assert accused(pair("Rwanda denies the accusations.",
                        "Rwanda hosted the talks last year, and in a separate case the "
                        "prosecutors accused a former minister of taking bribes.")) is None
    # too far apart in meaning to be one story's charge and answer
    assert accused(pair("Rwanda denies the accusations.",
                        "Kinshasa accuses Rwanda of backing the M23 rebels.", sim=0.1)) is None


def test_rejections_are_paired_with_accusations_and_not_accusations_with_each_other() -> None:
    texts = ("Rwanda denies the accusations.",
             "Kinshasa accuses Rwanda of backing the M23 rebels.",
             "UN experts accused Rwanda of arming the rebels.")
    claims = [Claim(f"a{k}:0", f"a{k}", t, 0, len(t), proposition=t)
              for k, t in enumerate(texts)]
    assert accused_keys(claims[0]) == {"accused:rwanda"}
    assert accused_keys(claims[1]) >= {"accuses:rwanda"}
    # the rejection at cosine 0.35 from each accusation: below the closeness that pairs claims
    v = np.array([[1.0, 0.0, 0.0], [0.35, 0.937, 0.0], [0.35, 0.0, 0.937]], np.float32)
    got = {(int(i), int(j)) for i, j, _ in candidate_pairs(claims, v, 0.5)}
    assert got == {(0, 1), (0, 2)}


def test_what_the_review_found_is_no_conflict() -> None:
    """Faults found by review (helper-38): denials read as accusations, parties that are only
    named, pronouns and common nouns as parties, the wrong rejector, court news."""
    rwanda = "Rwanda denies the accusations."
    for other in ('"Rwanda denies the accusations," the minister said.',
                  "The accusations against Rwanda are baseless, its foreign minister said.",
                  "Kagame said Rwanda was not involved in the fighting.",
                  "US officials said there was no evidence Rwanda was behind the attack.",
                  "The UN has accused Uganda of backing rebels, while Rwanda hosted talks.",
                  "Rwanda carried out a census last year.",
                  "Rwanda organised a summit on the crisis in Kigali.",
                  "Although Rwanda denies the accusations, UN experts say it backs M23."):
        assert accused(pair(rwanda, other)) is None, other
    assert accused(pair("Ukraine rejected the accusations.",
                        "Russia is responsible for the attack on Ukraine, Britain said.")) is None
    assert accused(pair("Ukraine rejected the accusations.",
                        "Germany supported Ukraine with air defence systems.")) is None
    for a, b in (("It denied the charges.", "Prosecutors said it was linked to the fraud."),
                 ("He denied the accusations.", "Officials accused him of taking bribes."),
                 ("Manchester United dismissed the allegations as baseless.",
                  "The United States accused China of hacking."),
                 ("Lawmakers rejected the claims.",
                  "Opposition lawmakers accused the minister of lying to parliament."),
                 ("Judge Amy Chen dismissed the charges on Monday.",
                  "Prosecutors said Chen's ruling was linked to the delay."),
                 ("Rwanda denied accusations of human rights abuses at home.",
                  "Kinshasa accuses Rwanda of backing the M23 rebels.")):
        assert accused(pair(a, b)) is None, (a, b)
    # the rejector is the subject of its own clause, not the sentence's first name
    assert who("Congo said Rwanda backed the rebels, but Kigali rejected the claims.") == [
        ("rwanda", None, None)]
    assert who("Rwandan government spokeswoman Yolande Makolo dismissed the accusations as "
               "baseless.") == [("rwanda", None, None)]


def test_rejections_read_long_texts_in_linear_time() -> None:
    from divergence.judge.frames.accused import accusations

    text = ("Rwanda denied the accusations. " * 700)[:20000]
    assert len(rejections(claim_from_text(text))) > 100  # finishes: each is read locally
    assert not accusations(claim_from_text("Rwanda called the claims false. " * 600))


def test_score_meets_a_rejection_with_accusations_through_partner_keys() -> None:
    from divergence.judge.frames import frame_partners

    assert frame_partners(frozenset({"accused:rwanda", "count:deaths:person"})) == {
        "accuses:rwanda", "count:deaths:person"}
    assert frame_partners(frozenset({"accuses:rwanda"})) == {"accused:rwanda"}


def test_a_party_named_in_full_meets_its_initials() -> None:
    from divergence.judge.frames.accused import same_party

    assert same_party("klf", "kessian liberation front")
    assert not same_party("klf", "kessian front")
    r = accused(pair("Valdoria accused the Kessian Liberation Front of repeated violations of "
                     "the truce.", "A KLF spokesman said no shell had been fired, dismissing "
                     "claims of violations."))
    assert r is not None and "KLF rejects" in r.detail
    assert "accuses:klf" in accused_keys(claim_from_text(
        "Valdoria accused the Kessian Liberation Front of breaking the truce."))


def test_second_review_a_day_after_the_name_a_title_and_a_reported_participle() -> None:
    """Faults found by the second review (helper-40)."""
    r = accused(pair("Israel accused Hamas Friday of violating the truce in Gaza.",
                     "Hamas rejected the accusations, a spokesman said."))
    assert r is not None and "Hamas rejects" in r.detail
    assert accused(pair("Strand denied the accusations.",
                        "Officials accused Estmark President Helga Strand of lying.")) is not None
    # a participle inside what someone else said is not the speaker's rejection
    assert accused(pair("Tarsia said Estmark, denying the accusations, had closed the border.",
                        "Estmark accused Tarsia of smuggling arms across the border.")) is None


def test_charges_called_lies_by_the_accused_meet_the_killing_they_name() -> None:
    """Old code read no rejection in "the allegations of X were lies", said by the accused
    party, and no accusation in "X's forces executed dozens": the pair agreed on its names."""
    assert who("Kordan's government said the allegations of mass executions in Marn were "
               "lies.") == [("kordan", None, "mass executions in Marn")]
    r = accused(pair("Kordan's government said the allegations of mass executions in Marn "
                     "were lies.", "Kordan's forces executed dozens of civilians in Marn, "
                     "witnesses said.", 0.6))
    assert r is not None and "kordan" in r.detail.lower()
    # charges called lies by someone else are not the speaker's own
    assert who("The claims were false, the ministry said.") == []


def test_bare_denials_of_any_part_meet_the_acts_their_parties_are_charged_with() -> None:
    """Old code read no rejection in "Velia has denied any involvement" or "the reports were
    fabricated" and no charge in "Kordanian agents had planned the bombing" or "troops crossed
    the border"; "Velia" and "Velian" were two parties."""
    assert who("Velia has denied any involvement.") == [("velia", None, None)]
    assert who("On Monday Kordan denied any part in the blast in Velia.") == [
        ("kordan", None, "the blast in Velia")]  # the place of the blast is not who denies
    assert who("The Orlen Front said the reports were fabricated.") == [
        ("orlen front", None, None)]
    for a, b in (("Kordan rejected the accusations as lies.",
                  "Velian officials said Kordanian agents had planned the bombing."),
                 ("Velia has denied any involvement.", "Kordan's interior minister said Velian "
                  "intelligence had financed the attackers."),
                 ("Kordan called the Velian claims absurd.",
                  "Velia said Kordanian troops crossed the border on Sunday.")):
        assert accused(pair(a, b, 0.3)) is not None, a
    # organising a summit, or presuming guilt, charges no one
    assert accused(pair("Kordan denies the accusations.",
                        "Kordan organised a summit on the crisis.", 0.4)) is None
    assert accused(pair("Kordan denied any part in the blast.", "The bishop warned that "
                        "presuming Kordan was guilty could amount to a libel.", 0.4)) is None


def test_a_report_dismissed_meets_what_its_author_says_of_the_party() -> None:
    """(2026-12-05, ninth session) "The Orlen Front's leader dismissed the UN report" rejects
    what "the Orlen Front recruited child soldiers, the UN report said" charges, though
    recruiting is no act the accusation readers know: the rejected report is the other claim's
    source. Old code read no rejection in "the report" (only "reports")."""
    a = "The Orlen Front recruited child soldiers, the UN report said."
    r = accused(pair(a, "The Orlen Front's leader dismissed the UN report as politically "
                        "motivated."))
    assert r is not None and r.type == "attribution" and "Orlen Front" in r.detail
    assert accused(pair("Kordan's army tortured detainees, Amnesty International said.",
                        "Kordan dismissed the Amnesty International report as biased."))
    # another party dismissing it, or another source's report: no answer to this charge
    assert accused(pair(a, "Velia dismissed the UN report as politically motivated.")) is None
    assert accused(pair(a, "The Orlen Front's leader dismissed the Velian report as lies.",
                        0.5)) is None
