"""Agreements that were disputes: who did what to whom told both ways round
(``judge.roles``), opposite deeds in other tenses (``judge.opposites``), and a capitalised
generic actor taken for a name (``judge.anchors``). Invented sentences."""

from __future__ import annotations

import re

import pytest

from divergence.ingest.split import claim_from_text
from divergence.judge.anchors import specific_anchors
from divergence.judge.detectors import Pair, antonym, entity, is_conflict
from divergence.judge.opposites import bases, opposite
from divergence.judge.roles import one_deed, side, swapped_roles


def pair(a: str, b: str, sim: float = 0.9) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


@pytest.mark.parametrize(("a", "b"), [
    ("Police attacked the protesters.", "The protesters attacked the police."),
    ("Settlers attacked the villagers near the river.",
     "The villagers attacked settlers near the river."),
    ("Government troops ambushed the rebel convoy on the ridge road.",
     "The rebels ambushed government troops on the ridge road."),
    ("Kesh accused Valmora of sabotaging the pipeline.",
     "Valmora accused Kesh of sabotaging the pipeline."),
    # parties named by a noun after "the" (no name, no side's word)
    ("The landlord sued the tenant over unpaid rent in an Orlen court.",
     "The tenant sued the landlord over unpaid rent in an Orlen court."),
    ("The senator endorsed the governor in the primary race.",
     "The governor endorsed the senator in the primary race."),
])
def test_roles_told_both_ways_round_keep_a_pair_from_agreeing(a: str, b: str) -> None:
    """Two sides (a side's word, a name) in each other's places are an ``actor`` conflict;
    two parties named by nouns after "the" keep the pair from agreeing (``entity``)."""
    got = swapped_roles(a, b)
    assert got is not None
    why = entity(pair(a, b))
    assert why is not None and "who did what to whom" in why.detail
    sides = all(side(w, a, b) for w in got)
    assert why.type == ("actor" if sides else "entity")
    assert is_conflict(why) == sides
    assert sides == ("landlord" not in a and "senator" not in a)


@pytest.mark.parametrize(("a", "b"), [
    ("Police attacked the protesters.", "The protesters were attacked by police."),  # passive
    ("Kesh and Valmora signed the accord in Orlen.", "Valmora and Kesh signed the accord in "
                                                      "Orlen."),
    ("The foreign minister met the envoy in Tarsk.", "The envoy met the foreign minister in "
                                                     "Tarsk."),  # a deed of both sides
    ("After the talks, the minister left Orlen.", "The minister left Orlen after the talks."),
    ("Police attacked the protesters.", "Police attacked the protesters again."),
    ("About 2,000 of the applications were approved.", "The ministry approved 2,000 of the "
                                                        "applications."),  # passive, no "by"
    ("The shelling of Dremmin wounded 64 people.", "Scores of people were wounded in the "
                                                    "shelling of Dremmin."),
    ("Aldmoor council approved a 2.3 billion florin budget.",
     "Aldmoor's budget, approved by the council, totals 230 million florins."),
    ("The government of Zaharan asked Oman to mediate with the rebels.",
     "Oman agreed to mediate between Zaharan's government and the rebels."),  # a request taken
    ("Regulators fined Kessol Bank 45 million marks on Monday.",
     "On Monday, regulators imposed a 4.5 million mark fine on Kessol Bank."),  # no actor: a day
    ("More than a thousand workers were laid off at the Hollin steel plant.",
     "The Hollin steel plant laid off 430 workers."),
    ("The cholera outbreak in Drisk has killed nearly 200 people.",
     "Health officials said 197 people had died in Drisk's cholera outbreak."),
    # nouns after "the" in another order, no deed between them swapped
    ("The talks in the capital ended on Monday.", "In the capital the talks ended on Monday."),
    ("The town the army captured lies on the river.",
     "The army captured the town that lies on the river."),
    # one call told from each end: the shared word is the thing, not the deed
    ("Korvian General Rell placed Sunday's call to Valdoria's chief of staff.",
     "Valdoria's chief of staff received a call on Sunday from Korvian General Rell."),
])
def test_one_statement_in_another_order_is_no_swap(a: str, b: str) -> None:
    assert swapped_roles(a, b) is None


@pytest.mark.parametrize(("word", "base"), [
    ("holding", "hold"), ("held", "hold"), ("collapsed", "collapse"), ("stopped", "stop"),
    ("broken", "break"), ("denies", "deny"), ("closes", "close"), ("continuing", "continue"),
])
def test_words_are_read_back_to_their_base_forms(word: str, base: str) -> None:
    assert base in bases(word)


@pytest.mark.parametrize(("a", "b"), [
    ("The ceasefire is holding across the front line.",
     "The ceasefire has collapsed across the front line."),
    ("The ceasefire was respected by both sides.", "The ceasefire was broken by both sides."),
    ("Residents said the shelling continued through the night.",
     "Residents said the shelling stopped during the night."),
    ("The army advanced towards the city.", "The army retreated from the city."),
])
def test_opposite_deeds_in_other_tenses_are_antonyms(a: str, b: str) -> None:
    why = antonym(pair(a, b))
    assert why is not None and why.type == "antonym"


@pytest.mark.parametrize(("a", "b"), [
    ("The protests in central Orlen were peaceful, police said.",
     "The protests in central Orlen were violent, police said."),
    ("The roads into Kesh are passable again, the ministry said.",
     "The roads into Kesh are impassable, the ministry said."),
    ("The peace talks between Tarsk and the Brell militia succeeded, the mediator said.",
     "The peace talks between Tarsk and the Brell militia collapsed, the mediator said."),
    ("The impeachment motion against President Ida Voss passed.",
     "The impeachment motion against President Ida Voss was defeated."),
])
def test_opposite_states_and_outcomes_are_antonyms(a: str, b: str) -> None:
    why = antonym(pair(a, b))
    assert why is not None and why.type == "antonym"


def test_words_that_are_no_opposites() -> None:
    assert not opposite("valuable", "invaluable")
    assert not opposite("form", "inform") and not opposite("ease", "disease")
    assert opposite("able", "unable") and opposite("legal", "illegal")
    assert not opposite("holding", "held")
    assert not opposite("closed", "shut")
    assert antonym(pair("The ceasefire is holding across the front line.",
                        "The ceasefire is holding along the front line.")) is None


@pytest.mark.parametrize(("a", "b", "pinned"), [
    ("Government forces withdrew from the town after heavy fighting.",
     "Government forces advanced into the town after heavy fighting.", set()),
    ("Police said the protesters attacked officers first.",
     "Police fired tear gas at the crowd outside the court.", set()),
    ("The Wagner Group said the convoy left at dawn.", "Wagner fighters left at dawn.",
     {"wagner"}),
])
def test_a_generic_actor_starting_a_sentence_pins_nothing(a: str, b: str,
                                                          pinned: set[str]) -> None:
    assert set(specific_anchors(a, b)) == pinned


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("Police attacked the protesters.", "The protesters attacked the police."),
    ("The ceasefire is holding across the front line.",
     "The ceasefire has collapsed across the front line."),
    ("Government forces withdrew from the town after heavy fighting.",
     "Government forces advanced into the town after heavy fighting."),
    ("The senator endorsed the governor in the primary race.",
     "The governor endorsed the senator in the primary race."),
])
def test_the_judge_no_longer_agrees_them(a: str, b: str) -> None:
    """The default judge agreed each of these (the NLI model at P(entailment) 0.97-0.99, or
    cosine 0.70 with "government" as a shared name)."""
    from .conftest import compare_json

    assert compare_json(a, b)["label"] != "agree"


def test_the_swapped_pair_named_is_the_same_in_every_process() -> None:
    """The reason names the same two actors whatever the process's string hashing (a set's
    order once chose them: 'Real' in one run, 'Madrid' in the next)."""
    import os
    import subprocess
    import sys

    code = ("from divergence.judge.roles import swapped_roles; print(swapped_roles("
            "'Real Madrid beat Barcelona in the final at the Bernabeu on Sunday.', "
            "'Barcelona beat Real Madrid in the final at the Bernabeu on Sunday.'))")
    got = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": str(seed)}, check=True).stdout
           for seed in range(6)}
    assert got == {"('madrid', 'barcelona')\n"}


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [
    ("Vellan troops shelled a Korvian border post near the river.",
     "Korvian troops shelled a Vellan border post near the river."),
    ("The Marrak navy intercepted a Sabrat fishing trawler off the cape.",
     "The Sabrat navy intercepted a Marrak fishing trawler off the cape."),
])
def test_two_sides_in_each_others_places_are_a_conflict(a: str, b: str) -> None:
    """The default judge left each neither (the swap kept it from agreeing, nothing more)."""
    from .conftest import compare_json

    got = compare_json(a, b)
    assert got["label"] == "conflict"
    assert any("who did what to whom" in r["detail"] for r in got["reasons"])


def test_each_sides_own_losses_are_two_deeds() -> None:
    """Two sides swapped around "shot down", each telling the other's drones it downed, with
    other counts: two deeds, kept from agreeing, no conflict of who did it."""
    a = "Kestovan air defences shot down 12 rebel drones over Varn overnight."
    b = "The rebels said they shot down 3 Kestovan drones over Varn overnight."
    assert not one_deed(a, b)
    why = entity(pair(a, b))
    assert why is None or not is_conflict(why)
    assert one_deed("Vellan troops shelled a Korvian border post.",
                    "Korvian troops shelled a Vellan border post, officials said.")


_TEXTS = ("The landlord sued the tenant.", "the Landlord_s tenant", "İstanbul's mayor met the ıman",
          "an  Army unit and THE army", "armys army-led", "Sunday's call with the ſenate",
          "Rebels shelled the town; the rebel's leader", "x-the tenant_ tenant", "",
          "Police: the police’s chief", "ñandú the Ñandú")
_STEMS = ("tenant", "landlord", "army", "rebel", "police", "istanbul", "senate", "Army",
          "nandu", "x", "the", "_x", "ñandú")


def test_word_lookups_find_what_the_patterns_they_replace_found() -> None:
    """``side`` and ``_actor`` look a word up in each text's layout instead of compiling a
    pattern per word: every answer must be the pattern's, odd cases (İ, ı, ſ) included."""
    from divergence.judge.roles import _DETERMINER, _after_determiner, _word_at

    for t in _TEXTS:
        for stem in _STEMS:
            m = re.search(rf"\b{re.escape(stem)}", t, re.I)
            assert _word_at(stem, t) == (-1 if m is None else m.start()), (stem, t)
            want = re.search(rf"\b{_DETERMINER}\s+{re.escape(stem)}\b", t, re.I) is not None
            assert _after_determiner(stem, t) == want, (stem, t)


def test_country_names_match_as_the_plain_alternation_did() -> None:
    """The trie of country names finds what the alternation, longest first, found."""
    from divergence.judge.text import _ALIAS, _COUNTRY_WORD

    plain = re.compile(r"\b(?:" + "|".join(sorted((re.escape(k) for k in _ALIAS), key=len,
                                                  reverse=True)) + r")\b")
    text = ("Officials in North Korea, South Sudan and Sudan, the Democratic Republic of the "
            "Congo and Congo, Guinea-Bissau, Guinea, Papua New Guinea, the United States and "
            "the US, Niger and Nigeria, Dominica and the Dominican Republic met in Oman.")
    assert [m.span() for m in _COUNTRY_WORD.finditer(text)] == [
        m.span() for m in plain.finditer(text)]
