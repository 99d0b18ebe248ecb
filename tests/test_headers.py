"""Header lines found in article text: the five seeds as they are, and hand-written variants."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from divergence.ingest.headers import (
    Header,
    dateline_end,
    host_name,
    host_of,
    normalize_date,
    parse_header,
    source_name,
    unknown_outlet,
)

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed(prefix: str) -> tuple[str, Header]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return text, parse_header(text)


def _body(text: str, head: Header) -> list[str]:
    return [text[a:b] for a, b in head.body]


def _check_ranges(text: str, head: Header) -> None:
    """Body ranges are ordered, inside the text, within one line, and never blank."""
    prev = 0
    for a, b in head.body:
        assert prev <= a < b <= len(text)
        assert "\n" not in text[a:b] and text[a:b].strip()
        prev = b


# ---------------------------------------------------------------- the seeds as they are


def test_seed_000_outlet_line_and_dateline() -> None:
    text, head = _seed("000")
    assert head.source == "Daijiworld Media Network"
    assert head.place == "Washington"
    assert head.wire is None  # "(DD)" is not a wire agency
    body = _body(text, head)
    assert body[0].startswith("In a high-level engagement")
    assert not any("Daijiworld Media Network" in b or "May 28:" in b for b in body)


def test_seed_001_date_and_dateline_on_one_line() -> None:
    text, head = _seed("001")
    assert head.date == "2025-05-28"
    assert head.wire == "IANS"
    assert head.place == "Washington"
    assert head.title is None
    body = _body(text, head)
    assert body[0].startswith("Foreign Secretary Vikram Misri on Wednesday")
    assert not any("date 2025" in b or "(IANS)" in b for b in body)


def test_seed_002_date_line_alone() -> None:
    text, head = _seed("002")
    assert head.date == "2025-05-30"
    assert (head.title, head.wire, head.source) == (None, None, None)
    assert _body(text, head)[0].startswith("Foreign Secretary Vikram Misri and Deputy")


def test_seed_003_trailing_credit() -> None:
    text, head = _seed("003")
    assert head.wire == "PTI"
    assert head.date is None
    body = _body(text, head)
    assert body[0].startswith("India and the United States recently held")
    assert not any("Based On A PTI Report" in b for b in body)
    assert body[-1].endswith("energy, and security.")


def test_seed_004_date_and_title_on_one_line() -> None:
    text, head = _seed("004")
    assert head.date == "2025-07-02"
    assert head.title == ("Jaishankar Holds Talks With Top Officials Of Trump Administration; "
                          "Focus On Boosting Ties In Critical Sectors")
    body = _body(text, head)
    assert body[0].startswith("The external affairs minister also held")
    assert not any("Jaishankar Holds Talks" in b for b in body)


def test_a_loose_date_line_after_a_header_block_is_header_too() -> None:
    """A "source:" block put before seed 001's own "date 2025-05-28 Washington, May 28 (IANS)"
    line left that line in the body: a claim opened "Date 2025-05-28 Washington ..." and made
    a false dispute (helper-55's probe)."""
    text, _ = _seed("001")
    text = "source: BOM News\n\n" + text
    head = parse_header(text)
    assert head.date == "2025-05-28" and head.source == "BOM News"
    assert _body(text, head)[0].startswith("Foreign Secretary Vikram Misri")
    text = "source: X\n\ndate 2025-01-02\nThe council met on Friday to vote.\n"
    head = parse_header(text)
    assert head.date == "2025-01-02" and _body(text, head) == ["The council met on Friday to vote."]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_body_ranges_are_sane_and_cover_the_last_line(prefix: str) -> None:
    text, head = _seed(prefix)
    _check_ranges(text, head)
    last_line = text.rstrip().splitlines()[-1]
    body = _body(text, head)
    assert last_line in body or last_line == "Based On A PTI Report"
    assert len(body) >= 5


# ---------------------------------------------------------------- a key: value block


def test_key_value_block() -> None:
    text = ("source: The Hindu\ndate: 2025-05-28\nurl: https://example.org/a\n"
            "title: Talks held in Washington\nauthor: Jane Roe\n\n"
            "India and the US held talks on Wednesday.\nMore text follows here.\n")
    head = parse_header(text)
    assert head.source == "The Hindu"
    assert head.date == "2025-05-28"
    assert head.url == "https://example.org/a"
    assert head.title == "Talks held in Washington"
    assert head.author == "Jane Roe"
    assert _body(text, head) == ["India and the US held talks on Wednesday.",
                                 "More text follows here."]


def test_key_value_block_synonyms_case_and_leading_blank_lines() -> None:
    text = "\n\nOutlet: Example Post\nDate: May 28, 2025\nHeadline: A deal\n\nThe deal was signed."
    head = parse_header(text)
    assert (head.source, head.date, head.title) == ("Example Post", "2025-05-28", "A deal")
    assert _body(text, head) == ["The deal was signed."]


def test_key_value_block_then_dateline() -> None:
    text = "source: Example Post\n\nNew Delhi, June 10 (PTI) India and Japan signed a deal."
    head = parse_header(text)
    assert (head.source, head.place, head.wire) == ("Example Post", "New Delhi", "PTI")
    assert _body(text, head) == ["India and Japan signed a deal."]


def test_two_known_keys_without_a_blank_line_still_a_header() -> None:
    text = "Source: Reuters\nDate: 2025-05-28T09:30:00Z\nIndia and the US held talks."
    head = parse_header(text)
    assert (head.source, head.date) == ("Reuters", "2025-05-28")
    assert _body(text, head) == ["India and the US held talks."]


@pytest.mark.parametrize("text", [
    "Washington: The US said it would hold talks.\n\nMore text.",
    "Note: this is body text.\n\nMore text.",
])
def test_colon_in_the_first_paragraph_is_not_a_header(text: str) -> None:
    head = parse_header(text)
    assert head.source is None and head.title is None
    assert _body(text, head)[0] == text.splitlines()[0]


# ---------------------------------------------------------------- datelines


def test_reuters_style_dateline() -> None:
    text = "NEW DELHI (Reuters) - India said on Tuesday it would hold talks.\nA second paragraph."
    head = parse_header(text)
    assert (head.place, head.wire) == ("NEW DELHI", "Reuters")
    assert _body(text, head) == ["India said on Tuesday it would hold talks.",
                                 "A second paragraph."]


@pytest.mark.parametrize(("text", "place", "wire", "date", "first"), [
    ("Washington, May 28 (IANS) Officials met.", "Washington", "IANS", None, "Officials met."),
    ("NEW DELHI, May 28: Officials met.", "NEW DELHI", None, None, "Officials met."),
    ("London, 28 May 2025 (AFP) - Officials met.", "London", "AFP", "2025-05-28",
     "Officials met."),
    ("Rio de Janeiro, June 2, 2025 (Reuters) — Officials met.", "Rio de Janeiro", "Reuters",
     "2025-06-02", "Officials met."),
    ("Washington, May 28 (IANS)\nOfficials met on a separate line.", "Washington", "IANS", None,
     "Officials met on a separate line."),
])
def test_dateline_forms(text: str, place: str, wire: str | None, date: str | None,
                        first: str) -> None:
    head = parse_header(text)
    assert (head.place, head.wire, head.date) == (place, wire, date)
    assert _body(text, head)[0] == first


@pytest.mark.parametrize(("text", "place", "wire", "first"), [
    ("VELL, Kordania (AP) — Drones hit the plant.", "VELL", "AP", "Drones hit the plant."),
    ("OSTREL, Marrak, Oct 27 (Reuters) - The force said it held the city.", "OSTREL", "Reuters",
     "The force said it held the city."),
    ("New Vell [Kordania], May 10 (ANI): The army said it hit nine sites.", "New Vell", "ANI",
     "The army said it hit nine sites."),
    ("Washington, D.C., May 28 (IANS) Officials met.", "Washington", "IANS", "Officials met."),
    ("NEW VELL: Kordania said on Saturday it would respond.", "NEW VELL", None,
     "Kordania said on Saturday it would respond."),
])
def test_datelines_with_a_country_a_bracket_or_a_colon(text: str, place: str, wire: str | None,
                                                       first: str) -> None:
    """The wires' forms with the place's country ("VELL, Kordania (AP) —"), a bracketed one
    (ANI's "[Kordania]") or a colon after a place in capitals: old code kept them in the lede."""
    head = parse_header(text + "\nA second paragraph.")
    assert (head.place, head.wire) == (place, wire)
    assert _body(text, head)[0] == first


@pytest.mark.parametrize("text", ["NOTE: This story was updated on Friday.",
                                  "UN: Marrak broke the truce.", "NATO: Allies agreed to talks.",
                                  "KREMLIN: The talks failed.",
                                  "Marrak, Kordania and Velia agreed to talks."])
def test_a_label_or_a_list_of_names_is_no_dateline(text: str) -> None:
    assert parse_header(text + "\nMore.").place is None


def test_a_sentence_ending_in_a_wire_tag_is_not_a_dateline() -> None:
    text = "Officials met on Wednesday. (IANS)"
    head = parse_header(text)
    assert head.place is None
    assert head.wire == "IANS"
    assert _body(text, head) == ["Officials met on Wednesday."]


# ---------------------------------------------------------------- outlet, title, byline lines


def test_outlet_line_with_a_wire_tag() -> None:
    text = "Hindustan Times - New Delhi (PTI)\nOfficials met on Wednesday."
    head = parse_header(text)
    assert (head.source, head.place, head.wire) == ("Hindustan Times", "New Delhi", "PTI")
    assert _body(text, head) == ["Officials met on Wednesday."]


def test_a_title_with_an_outlet_word_is_a_title_not_an_outlet() -> None:
    text = "Trump Post On Ceasefire Draws Ire From Delhi\nThe post was criticised."
    head = parse_header(text)
    assert head.source is None
    assert head.title == "Trump Post On Ceasefire Draws Ire From Delhi"
    assert _body(text, head) == ["The post was criticised."]


def test_title_byline_and_dateline() -> None:
    text = "India And US Agree On Trade Pact\nBy Jane Roe\nNew Delhi, May 28 (PTI) Officials met."
    head = parse_header(text)
    assert head.title == "India And US Agree On Trade Pact"
    assert head.author == "Jane Roe"
    assert (head.place, head.wire) == ("New Delhi", "PTI")
    assert _body(text, head) == ["Officials met."]


def test_known_title_line_is_a_header_even_in_lower_case() -> None:
    text = "India, US hold talks\nThe two sides met on Wednesday."
    assert _body(text, parse_header(text))[0] == "India, US hold talks"
    head = parse_header(text, title="India, US hold  talks")
    assert head.title == "India, US hold talks"
    assert _body(text, head) == ["The two sides met on Wednesday."]


# ---------------------------------------------------------------- trailing credits


@pytest.mark.parametrize(("credit", "wire"), [
    ("Based On A PTI Report", "PTI"),
    ("based on an IANS report.", "IANS"),
    ("(With inputs from PTI and ANI)", "PTI"),
    ("With inputs from agencies", None),
    ("Source: Reuters", "Reuters"),
    ("-- AFP", "AFP"),
    ("(IANS)", "IANS"),
])
def test_trailing_credit_lines_are_dropped(credit: str, wire: str | None) -> None:
    text = f"Officials met on Wednesday.\n\nThey agreed to meet again.\n\n{credit}\n"
    head = parse_header(text)
    assert head.wire == wire
    assert _body(text, head) == ["Officials met on Wednesday.", "They agreed to meet again."]


def test_credit_glued_to_the_last_paragraph() -> None:
    text = "Officials met.\nThey agreed to meet again. -- PTI"
    head = parse_header(text)
    assert head.wire == "PTI"
    assert _body(text, head) == ["Officials met.", "They agreed to meet again."]


def test_dateline_wire_wins_over_credit_wire() -> None:
    text = "Washington, May 28 (IANS) Officials met.\nBased On A PTI Report"
    assert parse_header(text).wire == "IANS"


# ---------------------------------------------------------------- no header, nothing left


def test_no_header_at_all_is_all_body() -> None:
    text = "India and the US held talks on Wednesday. They agreed.\n\nAnother paragraph here.\n"
    head = parse_header(text)
    assert head == Header(body=((0, 54), (56, 79)))
    assert _body(text, head) == ["India and the US held talks on Wednesday. They agreed.",
                                 "Another paragraph here."]


@pytest.mark.parametrize("text", ["", "   \n\n\t", " date 2025-05-28 \n",
                                  "Washington, May 28 (IANS)\n", "source: X\ndate: 2025-01-01\n"])
def test_nothing_but_header_leaves_no_body(text: str) -> None:
    assert parse_header(text).body == ()


def test_single_short_line_stays_body() -> None:
    text = "India And Japan Sign Rail Deal"
    assert _body(text, parse_header(text)) == [text]


def test_random_text_never_raises_and_ranges_stay_sane() -> None:
    rng = random.Random(7)
    alphabet = "abcXYZ  \n\t:.,-()—’(IANS)PTI date 2025-05-28 Washington, May 28 "
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        if rng.random() < 0.3:
            text = " date 2025-01-02 " + text
        if rng.random() < 0.3:
            text += "\nBased on a PTI report"
        _check_ranges(text, parse_header(text))


@pytest.mark.parametrize(("raw", "iso"), [
    ("2025-05-28", "2025-05-28"), ("2025-05-28T10:00:00+05:30", "2025-05-28"),
    ("May 28, 2025", "2025-05-28"), ("28 Sept 2025", "2025-09-28"), ("Jan. 3 2024", "2024-01-03"),
    ("last Tuesday", "last Tuesday"), ("", None), (None, None),
    # RSS dates and a weekday first (old code kept them as given, so stories had no day)
    ("Mon, 03 Mar 2025 10:00:00 GMT", "2025-03-03"), ("Monday, March 3, 2025", "2025-03-03"),
    # no such day: kept as given, never read as a date (old code: "2024-13-45" as ISO)
    ("2024-13-45", "2024-13-45"), ("Feb 30, 2025", "Feb 30, 2025"),
])
def test_normalize_date(raw: str | None, iso: str | None) -> None:
    assert normalize_date(raw) == iso


def test_date_line_then_outlet_line_then_dateline() -> None:
    text = (" date 2025-05-28\nDaijiworld Media Network- Washington (DD)\n"
            "Washington, May 28: Officials met.\nBased On A PTI Report\n")
    head = parse_header(text)
    assert (head.date, head.source, head.place, head.wire) == (
        "2025-05-28", "Daijiworld Media Network", "Washington", "PTI")
    assert _body(text, head) == ["Officials met."]


# ---------------------------------------------------------------- the outlet's name


def _source(text: str, name: str = "f", **given: str) -> str:
    return source_name(parse_header(text), text, name, **given)


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.hindustantimes.com/india-news/x.html", "hindustantimes.com"),
    ("http://m.ndtv.com/a?b=c", "ndtv.com"), ("//amp.example.org/x", "example.org"),
    ("example.co.uk/path", "example.co.uk"),
    ("https://user@news.example.in:8080/", "news.example.in"),
    ("not a url", None), ("", None), (None, None), ("https://127.0.0.1/x", None),
])
def test_host_of(url: str | None, host: str | None) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize(("url", "text", "name"), [
    ("https://www.hindustantimes.com/x", "", "Hindustan Times"),  # a well-known host
    ("https://edition.cnn.com/x", "", "CNN"),  # the longest known suffix
    ("https://www.thenewdaily.in/x", "Officials met, The New Daily has learnt.", "The New Daily"),
    ("https://www.examplenews.in/x", "Officials met.", "examplenews.in"),  # the host as it is
])
def test_host_name(url: str, text: str, name: str) -> None:
    assert host_name(url, text) == name


def test_source_order_header_then_url_then_wire_then_text() -> None:
    text = "Hindustan Times - New Delhi (PTI)\nOfficials met on Wednesday.\nThey agreed."
    assert _source(text, url="https://ndtv.com/a") == "Hindustan Times"  # the outlet line
    text = "New Delhi, May 28 (PTI) Officials met on Wednesday.\nThey agreed."
    assert _source(text, url="https://ndtv.com/a") == "NDTV"  # the host before the wire
    assert _source(text) == "PTI"  # the wire credit
    text += "\n(This story has not been edited by NDTV staff and is auto-generated.)"
    assert _source(text) == "PTI"  # the wire still before a credit line in the text
    assert _source(text, source="Given Name", url="https://ndtv.com/") == "Given Name"


@pytest.mark.parametrize(("text", "outlet"), [
    ("Officials met on Wednesday.\nThey agreed to meet again.\n"
     "(This story has not been edited by NDTV staff and is auto-generated.)", "NDTV"),
    ("India And Japan Sign Rail Deal\nBy Jane Roe, Hindustan Times\nOfficials met.\nMore.",
     "Hindustan Times"),
    ("Officials met on Wednesday.\nThey agreed to meet again.\nThe Example Post",
     "The Example Post"),
    ("Officials met on Wednesday.\nThey agreed.\n"
     "Copyright © 2025 Example Daily. All rights reserved.", "Example Daily"),
])
def test_outlet_named_in_a_byline_or_credit_line(text: str, outlet: str) -> None:
    head = parse_header(text)
    assert head.outlet == outlet
    assert _source(text) == outlet


def test_byline_with_an_outlet_is_a_header_line() -> None:
    text = "By Jane Roe, Hindustan Times\nOfficials met on Wednesday."
    head = parse_header(text)
    assert (head.author, head.outlet) == ("Jane Roe", "Hindustan Times")
    assert _body(text, head) == ["Officials met on Wednesday."]


def test_no_outlet_anywhere_is_one_consistent_form() -> None:
    text = "Officials met on Wednesday.\nThey agreed to meet again."
    assert _source(text, name="002_abc") == unknown_outlet("002_abc") == "unknown outlet (002_abc)"
    # a sentence that merely mentions a newspaper is not a credit line
    text = "Officials told The Example Post on Wednesday that they met.\nThey agreed."
    assert _source(text, name="x") == "unknown outlet (x)"


def test_seed_sources_name_the_outlet_or_say_unknown() -> None:
    from divergence.ingest.io import load

    arts, _ = load([str(SEEDS)])
    got = {Path(a.path).name[:3]: a.source for a in arts}
    assert got == {
        "000": "Daijiworld Media Network",
        "001": "IANS",  # "Washington, May 28 (IANS)": the wire the copy comes from
        "002": "unknown outlet (002_49052bffb1c52651)",
        "003": "PTI",  # "Based On A PTI Report"
        "004": "unknown outlet (004_7922f3cea14daa66)",
    }
    for a in arts:  # a file name only ever inside the one unknown form
        assert Path(a.path).stem not in a.voice or a.voice == unknown_outlet(Path(a.path).stem)


def test_a_dateline_of_a_place_in_capitals_and_a_dash() -> None:
    """Old code kept "ATHENS —" in the first claim (and so in dispute questions)."""
    head = parse_header("Source: Aegean Post\n\nATHENS — A ferry sank off Lesbos on Sunday.\n")
    assert head.place == "ATHENS"
    head = parse_header("KYIV, Ukraine — Drones hit the plant.\n\nMore text here.\n")
    assert head.place == "KYIV"
    head = parse_header("Source: X\n\nIsrael — the army said — struck the port.\n")
    assert head.place is None  # a name in capitals only
    # a review's cases: a headline in capitals, a page's label, the capital's own form
    head = parse_header("UKRAINE WAR - LIVE UPDATES\n\nA ferry sank off Crete on Monday.\n")
    assert (head.title, head.place) == ("UKRAINE WAR - LIVE UPDATES", None)
    assert parse_header("Source: X\n\nBREAKING — A ferry sank off Crete.\n").place is None
    assert parse_header("Source: X\n\nWASHINGTON, D.C. — The Senate voted.\n").place == \
        "WASHINGTON"


def test_compare_reads_a_lede_without_its_dateline() -> None:
    """``compare`` is given a lede as printed: old code read "VELL, Kordania (AP) — Velia" as
    the credited side and lost who said it."""
    from divergence.compare import statement_claims

    (claim,) = statement_claims("VELL, Kordania (AP) — Velia brokered the deal that ended the "
                                "standoff, the envoy said.", "a")
    assert claim.speaker == "the envoy"
    assert claim.text.startswith("Velia brokered")
    assert dateline_end("Velia brokered the deal.") == 0
