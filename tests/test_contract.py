"""The JSON contract: a report written and read back is the same report; old forms still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from divergence.contract import (
    group_from_dict,
    load_report,
    reason_from_dict,
    report_from_dict,
    report_to_dict,
)
from divergence.errors import DivergenceError
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
    Skip,
    Span,
    Verdict,
)


def _report() -> Report:
    a = Article("a1", "a.txt", "source: X\n\nThe US mediated.", "Outlet X", wire="AP",
                date="2025-05-01", title="T", url="https://x.example/1", body=((11, 27),),
                copy_of="Outlet W")  # a copy of W's text that W took from the wire
    b = Article("b1", "b.txt", "No third party took part.", "Outlet Y", copy_of="Outlet Z")
    ca = Claim("a1:0", "a1", "The US mediated.", 11, 27, speaker="Trump", cue="said",
               proposition="The US mediated.")
    cb = Claim("b1:0", "b1", "No third party took part.", 0, 25)
    why = Reason("actor", "who is responsible for the ceasefire — x; y", ("a1:0", "b1:0"),
                 (Span("a1:0", 4, 6, "US"),), 0.85)
    g = ClaimGroup("g-1", "conflict", 0.9, ("a1:0", "b1:0"), ("AP", "Outlet Z"), (why,),
                   ("e-1",), Verdict("confirm", "ana", "2026-01-01T00:00:00+00:00", "ok"))
    e = Event("e-1", "The ceasefire, May 2025", ("a1:0", "b1:0"), ("a1", "b1"), ("g-1",))
    d = Dispute("d-1", "Who brought about the ceasefire?", "g-1", 0.9,
                (Position("p-1", "The US mediated.", ("a1:0",), ("Trump",)),
                 Position("p-2", "No third party took part.", ("b1:0",), ("Outlet Z",))),
                (OutletPosition("a1", "AP", "p-1", "attributed", ("a1:0",), ("Trump",)),
                 OutletPosition("a1", "AP", "p-2", "omitted")), ("e-1",), (why,))
    return Report((a, b), (ca, cb), (e,), (g,), model="m", created="2026-12-01T00:00:00+00:00",
                  skipped=(Skip("c.txt", "empty"),), flag_threshold=0.5, disputes=(d,))


def test_round_trip_is_exact(tmp_path: Path) -> None:
    rep = _report()
    first = report_to_dict(rep)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(first))
    back = load_report(path)
    assert back == rep  # records compare field by field: nothing lost, nothing invented
    assert report_to_dict(back) == first


def test_older_stored_group_form_still_reads() -> None:
    old = {"id": "g", "label": "agree", "confidence": 0.7, "claims": ["a:0", "b:0"],
           "sources": ["A", "B"], "events": [], "verdict": None,
           "reasons": [{"type": "similarity", "detail": "d", "claims": [], "spans": [],
                        "weight": 0.7}]}
    g = group_from_dict(old)
    assert g.reasons[0].weight == 0.7 and not g.muted
    assert reason_from_dict({"type": "t", "detail": "d", "confidence": 0.3}).weight == 0.3


@pytest.mark.parametrize("bad", [
    [], {"schema": "other/1"}, {"schema": "divergence.report/1"},
    {"schema": "divergence.report/1", "articles": [], "claims": [], "events": [],
     "groups": [[1]]}])
def test_bad_report_is_one_line_error(bad: object) -> None:
    with pytest.raises(DivergenceError) as err:
        report_from_dict(bad, where="r.json")  # type: ignore[arg-type]
    assert str(err.value).startswith("r.json: ") and "\n" not in str(err.value)


def test_unreadable_file_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "r.json"
    p.write_text('{"schema":\n  oops}')
    with pytest.raises(DivergenceError, match=r"r\.json:2: not valid JSON"):
        load_report(p)


def test_dispute_of_a_dismissed_conflict_is_set_aside_as_the_views_do() -> None:
    """Old code: the JSON listed a dismissed conflict's dispute as live; md and html dropped it."""
    from dataclasses import replace

    from divergence.report import render_html, render_markdown
    from divergence.report.dispute_view import shown_disputes

    rep = _report()
    live = report_to_dict(rep)["disputes"][0]
    assert live["flagged"] is True and live["verdict"]["decision"] == "confirm"
    dismissed = Verdict("dismiss", "bo", "2026-01-02T00:00:00+00:00")
    rep = replace(rep, groups=(replace(rep.groups[0], verdict=dismissed),))
    doc = report_to_dict(rep)
    (d,) = doc["disputes"]  # still listed, as its group is
    assert d["flagged"] is False and d["flagged"] == doc["groups"][0]["flagged"]
    assert d["verdict"] == doc["groups"][0]["verdict"] and d["verdict"]["decision"] == "dismiss"
    assert [x["id"] for x in doc["disputes"] if x["flagged"]] == [
        x.id for x in shown_disputes(rep)] == []
    question = rep.disputes[0].question
    assert question not in render_markdown(rep) and question not in render_html(rep)
    assert report_from_dict(doc) == rep  # derived: not read back
    orphan = replace(rep, groups=())  # a dispute whose group the report does not hold is shown
    assert report_to_dict(orphan)["disputes"][0]["flagged"] is True
