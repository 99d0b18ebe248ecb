"""A meeting, call or notice one voice tells and another says never happened (``contact``)."""

from __future__ import annotations

import numpy as np

from divergence.group.claims import candidate_pairs
from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames import contact, frame_keys
from divergence.judge.frames.contact import contacts
from divergence.records import Claim


def pair(a: str, b: str, sim: float = 0.4) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


def test_a_contact_told_and_denied_clash() -> None:
    for a, b in (
            ("The minister said Velnia had given the neighbours 48 hours' notice of the test.",
             "Officials in Ostrel said Velnia had given them no notice of the test."),
            ("The envoy said talks with the Amari Brigades had never taken place.",
             "Negotiators for the government and the Amari Brigades sat down for six hours in "
             "Tarsk, two diplomats said."),
            ("Arvo Lind spoke with the Kivaran president by phone on Friday, his office said.",
             "The Kivaran president has not spoken to Arvo Lind, a spokesman said.")):
        r = contact(pair(a, b))
        assert r is not None and r.type == "attribution", (a, b)
        assert "did the" in r.detail and len(r.spans) == 2
        assert contact(pair(b, a)) is not None, "read either way round"


def test_no_clash_without_one_contact_told_and_denied() -> None:
    for a, b in (
            # the topic is denied, not the call
            ("Lind did not speak about trade with the Kivaran president.",
             "Lind spoke with the Kivaran president on Friday."),
            # a plan, and an order not to speak
            ("Lind plans to meet the Kivaran president next week.",
             "Lind has not met the Kivaran president."),
            ("Lind told his ministers not to speak to the Kivaran press.",
             "Lind's ministers spoke to Kivaran reporters on Friday."),
            # another person at the talks: "Halloran's deputy" is not Halloran
            ("Former minister Halloran denied taking part in talks with the rebels in Lindmoor.",
             "Halloran's former deputy, Nils Orre, attended the talks with the rebels in "
             "Lindmoor, people familiar with the meetings said."),
            # no name in common
            ("The envoy said talks had never taken place.",
             "Negotiators sat down for six hours in Tarsk.")):
        assert contact(pair(a, b)) is None, (a, b)
    a, b = ("The office said Lind met Varga.", "The office said Lind had never met Varga.")
    assert contact(pair(a, b)) is None, "one speaker's two lines"


def test_what_a_claim_says_of_contact() -> None:
    got = contacts("Washington had not been given 72 hours' notice.")
    assert [(c.kind, c.negated) for c in got] == [("notice", True)]
    got = contacts("Iran had neither notified Washington nor warned its neighbours.")
    assert [(c.kind, c.negated) for c in got] == [("notice", True)]
    assert [c.negated for c in contacts("The two leaders met in Geneva.")] == [False]
    assert contacts("The minister called reports of a meeting in Carsa fabricated.") == ()


def test_denied_contacts_are_paired_with_contacts_told_and_not_those_with_each_other() -> None:
    texts = ("Lind has never met Varga, his office said.",
             "Lind and Varga met secretly in Tarsk, two aides said.",
             "Varga and Lind held a meeting in the capital, officials said.")
    claims = [claim_from_text(t, f"a{k}:0") for k, t in enumerate(texts)]
    claims = [Claim(c.id, f"a{k}", c.text, 0, len(c.text), proposition=c.proposition,
                    speaker=c.speaker, stance=c.stance) for k, c in enumerate(claims)]
    assert "nocontact:meeting" in frame_keys(claims[0])
    assert "contact:meeting" in frame_keys(claims[1]) & frame_keys(claims[2])
    # the denial at cosine 0.35 from each report, the reports at 0.4: all below the closeness
    # that pairs claims, above the floor a frame shared by both sides would pair them from
    v = np.array([[1.0, 0.0, 0.0], [0.35, 0.937, 0.0], [0.35, 0.296, 0.889]], np.float32)
    got = {(int(i), int(j)) for i, j, _ in candidate_pairs(claims, v, 0.5)}
    assert got == {(0, 1), (0, 2)}


def test_review_false_readings_of_contact() -> None:
    """Review, 2026-12-05: a denial by stance, a claim telling both, "meet the deadline",
    "spoke at a rally", "refused to meet", "no doubt that they met"."""
    denied = claim_from_text("Lind denied that he met Varga in Tarsk.", "a:0")
    assert denied.stance == "denies"
    assert "nocontact:meeting" in frame_keys(denied)
    never = claim_from_text("Lind has never met Varga in Tarsk, an aide said.", "b:0")
    assert contact(Pair(denied, never, 0.6)) is None
    for a, b in (
            ("Lind's office said he had never met Varga, but two aides said they met in Tarsk.",
             "Lind met Varga in Tarsk, officials said."),
            ("Kivara did not meet the deadline set by Varga.",
             "Lind met Varga in Tarsk, two aides said."),
            ("Varga spoke at a rally in Tarsk.",
             "Varga has not spoken to Lind, his office said."),
            ("Varga refused to meet Lind, his office said.",
             "Varga has never met Lind, aides said."),
            ("There is no doubt that Lind met Varga in Tarsk, the envoy said.",
             "Lind met Varga in Tarsk, officials said."),
            # a contact with people a common noun names is not one with the named party
            ("Lind met reporters after the summit in Tarsk, aides said.",
             "Lind has never met Varga, his office said."),
            ("Prime Minister Lind spoke to farmers in the north on Friday.",
             "Lind has not spoken to President Varga since the crisis began, his office said.")):
        assert contact(pair(a, b, sim=0.6)) is None, (a, b)
