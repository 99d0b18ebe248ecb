"""The dispute view on a hand-built report: Markdown, HTML, terminal, review list and page."""

from __future__ import annotations

import re

import pytest

from divergence.records import (
    Article,
    Claim,
    ClaimGroup,
    Dispute,
    Event,
    OutletPosition,
    Position,
    Reason,
    Report,
    Span,
)
from divergence.report import render_html, render_markdown
from divergence.report.dispute_view import layout, top_reasons, voice_text

EVIL = "<script>alert(1)</script>"
TEXT_A = ("President Trump said Washington mediated the ceasefire. New Delhi denied that "
          "Washington mediated the ceasefire. The talks lasted two days.")
TEXT_B = ("Trump claimed his administration brokered the ceasefire. The ceasefire followed "
          f"Pakistan's appeals, New Delhi said {EVIL}. The talks lasted two days.")
TEXT_C = "The US brokered the ceasefire between India and Pakistan. Markets rose."
TEXT_D = "The ministers met in Delhi. The talks lasted two days."


def _claim(cid: str, aid: str, text: str, part: str, **kw: object) -> Claim:
    start = text.index(part)
    return Claim(cid, aid, part, start, start + len(part), **kw)  # type: ignore[arg-type]


def dispute_report() -> Report:
    """Four articles on a ceasefire: two carry both sides (attributed), one states the US
    mediation as fact, one is silent; hostile text in a claim, a holder and an outlet name."""
    arts = (Article("aaa", "a.txt", TEXT_A, "Daijiworld"),
            Article("bbb", "b.txt", TEXT_B, "The Hindu", wire="IANS"),
            Article("ccc", "c.txt", TEXT_C, f"Global {EVIL}"),
            Article("ddd", "d.txt", TEXT_D, "Deccan Herald"))
    claims = (
        _claim("aaa:0", "aaa", TEXT_A, "President Trump said Washington mediated the ceasefire.",
               speaker="President Trump", cue="said",
               proposition="Washington mediated the ceasefire"),
        _claim("aaa:1", "aaa", TEXT_A, "New Delhi denied that Washington mediated the ceasefire.",
               speaker="New Delhi", stance="denies", cue="denied",
               proposition="Washington mediated the ceasefire"),
        _claim("aaa:2", "aaa", TEXT_A, "The talks lasted two days."),
        _claim("bbb:0", "bbb", TEXT_B, "Trump claimed his administration brokered the ceasefire.",
               speaker="Trump", cue="claimed",
               proposition="his administration brokered the ceasefire"),
        _claim("bbb:1", "bbb", TEXT_B,
               f"The ceasefire followed Pakistan's appeals, New Delhi said {EVIL}.",
               speaker=f"New Delhi {EVIL}", cue="said",
               proposition=f"The ceasefire followed Pakistan's appeals {EVIL}"),
        _claim("bbb:2", "bbb", TEXT_B, "The talks lasted two days."),
        _claim("ccc:0", "ccc", TEXT_C, "The US brokered the ceasefire between India and Pakistan."),
        _claim("ccc:1", "ccc", TEXT_C, "Markets rose."),
        _claim("ddd:0", "ddd", TEXT_D, "The ministers met in Delhi."),
        _claim("ddd:1", "ddd", TEXT_D, "The talks lasted two days."),
    )
    span = Span("aaa:0", 22, 55, "Washington mediated the ceasefire")
    reasons = tuple(Reason("actor", f"who is responsible, pair {i}", ("aaa:0", "bbb:1"),
                           (span,) if i == 0 else (), 0.8 - i / 100) for i in range(4))
    reasons = (Reason("attribution", "Trump asserts it; New Delhi denies it",
                      ("aaa:0", "aaa:1"), (span,), 0.9), *reasons)
    conflict = ClaimGroup("g1", "conflict", 0.95,
                          ("aaa:0", "aaa:1", "bbb:0", "bbb:1", "ccc:0"),
                          ("Daijiworld", "IANS", f"Global {EVIL}"), reasons=reasons,
                          events=("e1",))
    agree = ClaimGroup("g2", "agree", 0.8, ("aaa:2", "bbb:2", "ddd:1"),
                       ("Daijiworld", "IANS", "Deccan Herald"), events=("e1",),
                       reasons=(Reason("similarity", "same statement", (), (), 0.9),))
    uniques = (ClaimGroup("g3", "unique", 0.5, ("ccc:1",), (f"Global {EVIL}",), events=("e1",)),
               ClaimGroup("g4", "unique", 0.5, ("ddd:0",), ("Deccan Herald",), events=("e1",)))
    event = Event("e1", "Ceasefire talks", tuple(c.id for c in claims),
                  ("aaa", "bbb", "ccc", "ddd"), ("g1", "g2", "g3", "g4"))
    us = Position("p1", "Washington mediated the ceasefire", ("aaa:0", "bbb:0", "ccc:0"),
                  ("President Trump", "Trump", f"Global {EVIL}"))
    bilateral = Position("p2", f"The ceasefire followed Pakistan's appeals {EVIL}",
                         ("aaa:1", "bbb:1"), ("New Delhi", f"New Delhi {EVIL}"))
    outlets = (
        OutletPosition("aaa", "Daijiworld", "p1", "with-rejection", ("aaa:0",),
                       ("President Trump",)),
        OutletPosition("aaa", "Daijiworld", "p2", "attributed", ("aaa:1",), ("New Delhi",)),
        OutletPosition("bbb", "IANS", "p1", "with-rejection", ("bbb:0",), ("Trump",)),
        OutletPosition("bbb", "IANS", "p2", "attributed", ("bbb:1",), (f"New Delhi {EVIL}",)),
        OutletPosition("ccc", f"Global {EVIL}", "p1", "fact", ("ccc:0",), (f"Global {EVIL}",)),
        OutletPosition("ccc", f"Global {EVIL}", "p2", "omitted"),
        OutletPosition("ddd", "Deccan Herald", "p1", "omitted"),
        OutletPosition("ddd", "Deccan Herald", "p2", "omitted"),
    )
    dispute = Dispute("d1", "Who brought about the ceasefire?", "g1", 0.95, (us, bilateral),
                      outlets, ("e1",))
    return Report(arts, claims, (event,), (conflict, agree, *uniques), model="m",
                  created="2025-06-01T00:00:00Z", disputes=(dispute,))


@pytest.fixture()
def report() -> Report:
    return dispute_report()


def test_layout_letters_rows_and_voices(report: Report) -> None:
    view = layout(report, report.disputes[0])
    assert [(p.letter, len(p.claims)) for p in view.positions] == [("A", 3), ("B", 2)]
    assert [r.outlet for r in view.rows] == ["Daijiworld", "IANS", f"Global {EVIL}",
                                             "Deccan Herald"]
    assert view.rows[1].source == "The Hindu"  # wire copy: the article's own name kept
    assert [voice_text(c) for c in view.rows[0].cells] == [
        "attributed to President Trump, with rejection", "attributed to New Delhi"]
    assert [voice_text(c) for c in view.rows[2].cells] == ["stated as fact", "—"]
    assert voice_text(None) == "—"
    shown, rest = top_reasons(report.groups[0].reasons)
    assert [r.weight for r in shown] == [0.9, 0.8, 0.79] and len(rest) == 2


def test_markdown_dispute_first_with_outlet_table(report: Report) -> None:
    md = render_markdown(report)
    assert md.index("## Dispute: Who brought about the ceasefire?") < md.index("## Articles")
    assert "| A: Washington mediated the ceasefire | B: The ceasefire followed" in md
    assert "held by President Trump, Trump, Global \\<script\\>" in md
    assert "President Trump (asserts): Washington mediated the ceasefire — *Daijiworld*" in md
    assert "| Outlet | A | B |" in md
    assert "| IANS (The Hindu) | attributed to Trump, with rejection |" in md
    assert "| Deccan Herald | — | — |" in md
    assert "| Global \\<script\\>alert(1)\\</script\\> | stated as fact | — |" in md
    assert "… and 2 more reason(s) (actor ×2)" in md
    assert "shown above" in md and md.count("#### **conflict**") == 0  # no column table
    assert "## Outlet × outlet" in md and "| Daijiworld | IANS | 1 | 1 | 0 | 0 |" in md
    assert "<script>" not in md


def test_html_dispute_in_summary_escaped_and_compact(report: Report) -> None:
    page = render_html(report)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.index('id="dispute-d1"') < page.index('id="outlets"') < page.index('id="events"')
    dispute = page[page.index('id="dispute-d1"'):page.index('class="overview"')]
    assert dispute.count('class="position"') == 2
    assert re.search(r'<td class="v v-fact">stated as fact</td>\s*<td class="v v-omitted">—</td>',
                     dispute)
    assert "attributed to President Trump, with rejection" in dispute
    assert dispute.count("<li>") == 5 and "2 more reasons</summary>" in dispute  # top 3 shown
    assert "<mark>Washington mediated the ceasefire</mark>" in dispute
    assert 'id="group-g1"' in page and 'href="#dispute-d1"' in page
    assert page.count('class="col"') == 0  # the dispute replaces the column table
    assert '<details class="section unique">' in page  # unique claims collapsed
    assert page.count('<table class="heat') == 3
    assert 'aria-label="Daijiworld and IANS agree on 1 point(s)"' in page
    for c in report.claims:
        assert page.count(f'id="claim-{c.id.replace(":", "-")}"') == 1


def test_a_hedged_cell_reads_hedged_in_markdown_and_html(report: Report) -> None:
    """An outlet that carries a side only in words it keeps at a distance: "hedged, not vouched
    for", not "stated as fact", in markdown and HTML (its own colour class)."""
    from dataclasses import replace

    d = report.disputes[0]
    outlets = tuple(replace(o, voice="hedged") if o.voice == "fact" else o for o in d.outlets)
    hedged = replace(report, disputes=(replace(d, outlets=outlets),))
    assert "| Global \\<script\\>alert(1)\\</script\\> | hedged, not vouched for | — |" in (
        render_markdown(hedged))
    page = render_html(hedged)
    assert re.search(r'<td class="v v-hedged">hedged, not vouched for</td>', page)
    assert ".v-hedged" in page and "stated as fact" not in page


def test_terminal_shows_the_dispute(report: Report) -> None:
    from divergence.report.terminal import render_group

    out = render_group(report, report.groups[0], width=80)
    assert "Who brought about the ceasefire?" in out
    assert "A · Washington mediated the ceasefire" in out
    assert "held by: President Trump, Trump" in out
    assert "stated as fact" in out and "with rejection" in out
    assert "(2 more reasons)" in out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "\x1b" not in render_group(report, report.groups[0], width=60)
    colored = render_group(report, report.groups[0], width=100, color=True)
    assert "Who brought about the ceasefire?" in colored


def test_review_list_names_the_dispute(report: Report) -> None:
    from divergence.corpus.review import format_flagged

    text = format_flagged(report, [report.groups[0]])
    assert "dispute: Who brought about the ceasefire?" in text
    assert "A: Washington mediated the ceasefire (held by President Trump" in text
    assert "Global <script>alert(1)</script>: A stated as fact, B —" in text


def test_serve_page_shows_positions_and_outlets(report: Report) -> None:
    from divergence.corpus.serve import render_page

    page = render_page(report, "tok", "nonce", "alice")
    assert "Who brought about the ceasefire?" in page
    assert page.count('class="position"') == 2
    assert "attributed to Trump, with rejection" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script") == 1  # the page's own script only


def test_every_view_shows_each_question_of_a_group() -> None:
    from dataclasses import replace

    from divergence.corpus.review import format_flagged
    from divergence.corpus.serve import render_page
    from divergence.report.terminal import render_group

    base = dispute_report()
    credit = base.disputes[0]
    toll_why = Reason("number", "'12' vs '31' (deaths)", ("aaa:0", "bbb:1"), weight=0.7)
    toll = replace(credit, id="d2", question="How many deaths?", confidence=0.7,
                   reasons=(toll_why,))
    report = replace(base, disputes=(credit, toll))
    md = render_markdown(report)
    assert "## Dispute: Who brought about the ceasefire?" in md
    assert "## Dispute: How many deaths?" in md
    assert "the disputes *Who brought about the ceasefire?*, *How many deaths?*, shown above" in md
    assert "- reason **number** (0.70) (A vs B): '12' vs '31' (deaths)" in md  # its evidence
    page = render_html(report)
    assert 'id="dispute-d1"' in page and 'id="dispute-d2"' in page
    assert 'shown as the disputes' in page and 'href="#dispute-d2"' in page
    out = render_group(report, report.groups[0], width=100)
    assert "Dispute: Who brought about the ceasefire?" in out and "Dispute: How many deaths?" in out
    assert "because: number (0.70): '12' vs '31' (deaths)" in out
    text = format_flagged(report, [report.groups[0]])
    assert "dispute: Who brought about the ceasefire?" in text
    assert "dispute: How many deaths?" in text and "because: number (0.70)" in text
    served = render_page(report, "tok", "nonce", "alice")
    assert "Dispute: Who brought about the ceasefire?" in served
    assert "Dispute: How many deaths?" in served
    assert "&#39;12&#39; vs &#39;31&#39; (deaths)" in served  # each question's own evidence
    alone = replace(report, groups=report.groups[1:])  # a dispute whose group is not held
    assert "- reason **number** (0.70) (A vs B): '12' vs '31' (deaths)" in render_markdown(alone)
