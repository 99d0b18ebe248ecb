"""Renderers on a small hand-built report: Markdown, HTML (escaping, anchors), files, summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from divergence.errors import DivergenceError
from divergence.records import (
    Article,
    Claim,
    ClaimGroup,
    Event,
    Reason,
    Report,
    Skip,
    Span,
    Verdict,
)
from divergence.report import render_html, render_markdown, summary, write_reports

EVIL = "<script>alert(1)</script>"
TEXT_A = ("Trump claimed he brokered the ceasefire. The talks lasted | two days. "
          f"Markets rose {EVIL} on the news.")
TEXT_B = "New Delhi denied that Trump brokered the ceasefire. The talks lasted | two days."
TEXT_C = "A PTI copy: the talks lasted two days.\nThe ministers met in Delhi."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _claim(cid: str, aid: str, text: str, part: str, **kw: object) -> Claim:
    start, end = _span(text, part)
    return Claim(cid, aid, part, start, end, **kw)  # type: ignore[arg-type]


@pytest.fixture()
def report() -> Report:
    a = Article("aaa", "a.txt", TEXT_A, "The Hindu", wire="IANS", date="2025-05-28",
                title="Ceasefire row")
    b = Article("bbb", "b.txt", TEXT_B, "NDTV", date="2025-05-29", title=f"Denial {EVIL}")
    c = Article("ccc", "c.txt", TEXT_C, "Deccan Herald", wire="PTI")
    claims = (
        _claim("aaa:0", "aaa", TEXT_A, "Trump claimed he brokered the ceasefire.",
               speaker="Trump", cue="claimed", proposition="Trump brokered the ceasefire"),
        _claim("aaa:1", "aaa", TEXT_A, "The talks lasted | two days."),
        _claim("aaa:2", "aaa", TEXT_A, f"Markets rose {EVIL} on the news."),
        _claim("bbb:0", "bbb", TEXT_B, "New Delhi denied that Trump brokered the ceasefire.",
               speaker="New Delhi", stance="denies", cue="denied",
               proposition="Trump brokered the ceasefire"),
        _claim("bbb:1", "bbb", TEXT_B, "The talks lasted | two days."),
        _claim("ccc:0", "ccc", TEXT_C, "the talks lasted two days."),
        _claim("ccc:1", "ccc", TEXT_C, "The ministers met in Delhi."),
    )
    conflict = ClaimGroup(
        "g1", "conflict", 0.91, ("aaa:0", "bbb:0"), ("IANS", "NDTV"),
        reasons=(Reason("attribution", "Trump asserts what New Delhi denies", ("aaa:0", "bbb:0"),
                        (Span("aaa:0", 0, 5, "Trump"), Span("bbb:0", 0, 5, "Trump")), 0.9),),
        events=("e1", "e2"), verdict=Verdict("confirm", "ana", "2025-06-01T10:00:00Z"),
    )
    agree = ClaimGroup("g2", "agree", 0.8, ("aaa:1", "bbb:1", "ccc:0"), ("IANS", "NDTV", "PTI"),
                       events=("e1",))
    unique = ClaimGroup("g3", "unique", 0.6, ("aaa:2",), ("IANS",), events=("e1",))
    unique2 = ClaimGroup("g4", "unique", 0.5, ("ccc:1",), ("PTI",), events=("e2",))
    events = (
        Event("e1", "Ceasefire talks", ("aaa:0", "aaa:1", "aaa:2", "bbb:0", "bbb:1", "ccc:0"),
              ("aaa", "bbb", "ccc"), ("g1", "g2", "g3")),
        Event("e2", "Ministers' visit", ("ccc:1",), ("ccc",), ("g1", "g4")),
    )
    return Report((a, b, c), claims, events, (conflict, agree, unique, unique2),
                  model="test-model", created="2025-06-01T00:00:00Z",
                  skipped=(Skip("bad.txt", "empty file"),))


def test_markdown_has_sources_sections_and_table(report: Report) -> None:
    md = render_markdown(report)
    for name in ("The Hindu", "NDTV", "Deccan Herald", "IANS", "PTI"):
        assert name in md
    assert "### Conflicts (1)" in md and "### Agreements (1)" in md and "### Unique (1)" in md
    assert "Trump (asserts): Trump brokered the ceasefire" in md
    assert "New Delhi (denies): Trump brokered the ceasefire" in md
    assert "The Hindu (asserts): The talks lasted \\| two days." in md  # own voice, pipe escaped
    assert "| IANS (The Hindu) | NDTV |" in md
    assert "attribution" in md and "0.90" in md
    assert "see above, under *Ceasefire talks*" in md  # g1 is shown once, referenced in e2
    assert md.count("#### **conflict** `g1`") == 1
    assert "## Skipped inputs" in md and "bad.txt" in md
    assert "<script>" not in md


def test_html_escapes_article_and_claim_text(report: Report) -> None:
    page = render_html(report)
    assert EVIL not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()


def test_html_article_text_keeps_its_line_breaks() -> None:
    """Old code: the full text escaped every newline, so the page showed a literal \\x0a."""
    text = f"First line.\nSecond {EVIL} line\nruns on.\x1b[2J\u202e\n\nLast."
    art = Article("n", "n.txt", text, "Wire Daily")
    lo, hi = _span(text, "Second")[0], text.index("on.") + 3  # a claim across a line break
    claims = (Claim("n:0", "n", "First line.", 0, 11), Claim("n:1", "n", text[lo:hi], lo, hi))
    groups = (ClaimGroup("g", "unique", 0.5, ("n:1",), ("Wire Daily",)),)
    page = render_html(Report((art,), claims, (), groups))
    body = page[page.index('<div class="text">'):]
    body = body[:body.index("</div>")]
    assert "\\x0a" not in page
    assert "First line.</span>\n" in body and "&lt;/script&gt; line\nruns on." in body
    assert "\n\nLast." in body
    assert "\\x1b[2J\\u202e" in body and "\x1b" not in page and "\u202e" not in page
    assert EVIL not in page and "&lt;script&gt;" in body


def test_html_anchors_every_claim_and_links_to_them(report: Report) -> None:
    page = render_html(report)
    for c in report.claims:
        anchor = "claim-" + c.id.replace(":", "-")
        assert page.count(f'id="{anchor}"') == 1
    assert 'href="#claim-aaa-0"' in page
    assert "hl-conflict" in page and "hl-agree" in page and "hl-unique" in page
    assert "<mark>Trump</mark> brokered the ceasefire" in page


def test_html_columns_and_summary(report: Report) -> None:
    page = render_html(report)
    assert page.count('class="col"') == 2  # the conflict without a dispute: one per voice
    assert page.count('<details class="article"') == len(report.articles)  # texts, collapsed
    assert 'id="group-g1"' in page and page.count('id="group-g1"') == 1
    assert "see above, under Ceasefire talks" in page
    assert "Skipped inputs" in page


def test_write_reports_writes_atomically(report: Report, tmp_path: Path) -> None:
    stem = tmp_path / "out" / "run.v1"
    paths = write_reports(report, stem, ["md", "html", "json"])
    assert [p.name for p in paths] == ["run.v1.md", "run.v1.html", "run.v1.json"]
    assert all(p.is_file() for p in paths)
    assert not list((tmp_path / "out").glob("*.tmp"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)
    data = json.loads(paths[2].read_text(encoding="utf-8"))
    assert data["schema"] == "divergence.report/1"
    assert {g["id"] for g in data["groups"]} == {"g1", "g2", "g3", "g4"}


def test_write_reports_some_formats_and_unknown(report: Report, tmp_path: Path) -> None:
    assert [p.suffix for p in write_reports(report, str(tmp_path / "r"), ["json"])] == [".json"]
    with pytest.raises(DivergenceError, match="available: md, html, json"):
        write_reports(report, tmp_path / "r", ["pdf"])


def test_summary_counts_and_top_conflict(report: Report) -> None:
    text = summary(report)
    assert "3 articles, 7 claims, 2 events" in text
    assert "1 agree, 2 unique, 1 conflict" in text
    assert "0.91  IANS vs NDTV: Trump brokered the ceasefire" in text


def test_empty_report_renders() -> None:
    empty = Report((), (), (), ())
    assert "# Divergence report" in render_markdown(empty)
    assert "<html" in render_html(empty)
    assert "0 articles" in summary(empty)


def test_overlapping_and_bad_offsets_still_anchor_every_claim() -> None:
    text = "Officials said talks ended and a deal was signed. Later <b>more</b>."
    art = Article("x", "x.txt", text, "Wire Daily")
    sentence = text.index(".") + 1
    claims = (
        Claim("x:0", "x", "talks ended", 0, sentence),
        Claim("x:1", "x", "a deal was signed", 0, sentence),  # decomposed: same sentence span
        Claim("x:2", "x", "Later more", sentence + 1, len(text)),
        Claim("x:3", "x", "out of range", 500, 600),
    )
    groups = (ClaimGroup("g", "conflict", 0.7, ("x:1",), ("Wire Daily",)),
              ClaimGroup("h", "agree", 0.7, ("x:0",), ("Wire Daily",)))
    page = render_html(Report((art,), claims, (), groups))
    for c in claims:
        assert page.count(f'id="claim-{c.id.replace(":", "-")}"') == 1
    assert '<span class="hl hl-conflict"' in page  # the stronger label wins on the overlap
    assert "&lt;b&gt;more&lt;/b&gt;" in page and "<b>more</b>" not in page


def test_dispute_inside_one_outlet_gets_a_column_per_speaker() -> None:
    text = "Trump said he brokered it. India denied he brokered it."
    art = Article("y", "y.txt", text, "The Hindu")
    claims = (
        _claim("y:0", "y", text, "Trump said he brokered it.", speaker="Trump",
               proposition="he brokered it"),
        _claim("y:1", "y", text, "India denied he brokered it.", speaker="India",
               stance="denies", proposition="he brokered it"),
    )
    group = ClaimGroup("g", "conflict", 0.8, ("y:0", "y:1"), ("The Hindu",))
    md = render_markdown(Report((art,), claims, (), (group,)))
    assert "| Trump (The Hindu) | India (The Hindu) |" in md
    assert "Not tied to an event" in md


def test_a_pronoun_left_unresolved_is_shown_as_an_unnamed_speaker() -> None:
    """"He (asserts): the strike hit a depot" names nobody: the views say an unnamed speaker,
    and a claim with no speaker is its outlet's."""
    from divergence.records import Article, Claim
    from divergence.report.markdown import speaker_of

    art = Article(id="a", path="a.txt", source="Tarn Daily", text="He said the strike hit a depot.")
    said = Claim(id="a:0", article_id="a", text=art.text, start=0, end=len(art.text),
                 speaker="He", stance="asserts", proposition="the strike hit a depot")
    assert speaker_of(said, art) == "an unnamed speaker"
    named = Claim(id="a:1", article_id="a", text=art.text, start=0, end=len(art.text),
                  speaker="the ministry", stance="asserts", proposition="the strike hit a depot")
    assert speaker_of(named, art) == "the ministry"
    own = Claim(id="a:2", article_id="a", text=art.text, start=0, end=len(art.text))
    assert speaker_of(own, art) == "Tarn Daily"
    from divergence.records import ClaimGroup
    from divergence.report.markdown import columns

    group = ClaimGroup("g-1", "conflict", 0.8, ("a:0", "a:1"), ("Tarn Daily",))
    heads = [c.voice for c in columns(group, {"a:0": said, "a:1": named}, {"a": art})]
    assert heads == ["an unnamed speaker", "the ministry"]  # one outlet: a column per speaker
