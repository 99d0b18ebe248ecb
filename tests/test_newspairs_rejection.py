"""Rejections found on training/newspairs: a report and its denial in other words (invented
sentences, made-up names and places)."""

from __future__ import annotations

from divergence.ingest.split import claim_from_text
from divergence.judge.detectors import Pair
from divergence.judge.frames.agreed import agreed_or_not
from divergence.judge.frames.denied import denied


def pair(a: str, b: str, sim: float = 0.5) -> Pair:
    return Pair(claim_from_text(a, "a:0"), claim_from_text(b, "b:0"), sim)


# ---------------------------------------------------------------- a deal made or not


def test_a_deal_signed_against_none_signed() -> None:
    """(newspairs fit) "signed a framework agreement on X" / "no X agreement was signed": the
    truce reader read only ceasefires, so any other deal said made and not made passed."""
    r = agreed_or_not(pair(
        "The two premiers signed a framework agreement on fisheries cooperation in Velmora, "
        "the Tessarian cabinet said.",
        "Korvian officials said no fisheries agreement was signed, adding that talks would go on."))
    assert r is not None and "deal" in r.detail


def test_agreed_to_against_no_agreement_reached() -> None:
    """"agreed to reopen the border posts" / "no agreement was reached on reopening the posts"."""
    assert agreed_or_not(pair(
        "Tessaria and Korvia agreed to reopen the Dunmar border posts at the Osk meeting, "
        "officials said.",
        "No agreement was reached on reopening the Dunmar border posts, Tessarian diplomats "
        "said.")) is not None


def test_a_memorandum_not_signed() -> None:
    """"signed a memorandum on X" / "a planned memorandum on X was not signed"."""
    assert agreed_or_not(pair(
        "Tessaria and Korvia signed a memorandum on river dredging during the visit, the "
        "Tessarian ministry said.",
        "A planned memorandum on river dredging was not signed during the visit, Korvian "
        "officials said.")) is not None


def test_deals_on_other_subjects_do_not_clash() -> None:
    """A deal on one subject made, none on another: no clash; nor two deals both made."""
    assert agreed_or_not(pair(
        "The two premiers signed a memorandum on fisheries cooperation, the cabinet said.",
        "No agreement was reached on railway tariffs, Korvian officials said.")) is None
    assert agreed_or_not(pair(
        "The two premiers signed a memorandum on fisheries cooperation, the cabinet said.",
        "A fisheries memorandum was signed by both premiers, Korvian officials said.")) is None
    assert agreed_or_not(pair(
        "The premiers would sign an agreement on fisheries only if quotas were cut, aides said.",
        "No fisheries agreement was signed, Korvian officials said.")) is None


# ---------------------------------------------------------------- a launch denied


def test_rockets_fired_denied_against_rockets_launched() -> None:
    """(newspairs fit, newsdev dev) "no rockets were fired from X" / "rockets were launched
    from X": what was fired, not what it hit, is the thing; "fired" alone was no act."""
    r = denied(pair("The Tessarian army said no rockets were fired from the Varno strip after "
                    "the truce began.",
                    "Sirens sounded in Osk after the truce began, as several rockets were "
                    "launched from the strip, residents said."))
    assert r is not None and "launch of the rocket" in r.detail
    assert denied(pair("The Tessarian army said no rockets were fired from the Varno strip.",
                       "Several mortar shells were launched from the strip, residents said.")) \
        is None
