"""Calibration: precision of the flags by confidence, a threshold for a target, applied later."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from divergence.corpus.review import calibrate, format_calibration
from divergence.corpus.store import Corpus

from .conftest import run_cli

DATA = Path(__file__).parent / "data"


def _rows(*spec: tuple[float, str]) -> list[tuple[str, str, float]]:
    return [(f"g-{i}", decision, conf) for i, (conf, decision) in enumerate(spec)]


def test_curve_and_lowest_threshold_reaching_the_target() -> None:
    rows = _rows((0.95, "confirm"), (0.9, "confirm"), (0.9, "confirm"), (0.8, "dismiss"),
                 (0.7, "confirm"), (0.6, "unrelated"), (0.5, "agree"))
    cal = calibrate(rows, target=0.75, min_flagged=2)
    assert [(p.threshold, p.flagged, p.confirmed) for p in cal.curve] == [
        (0.95, 1, 1), (0.9, 3, 3), (0.8, 4, 3), (0.7, 5, 4), (0.6, 6, 4), (0.5, 7, 4)]
    assert cal.threshold == 0.7  # 4/5 = 0.8 >= 0.75; at 0.6 it is 4/6
    assert cal.chosen is not None and cal.chosen.precision == pytest.approx(0.8)
    assert calibrate(rows, target=1.0, min_flagged=2).threshold == 0.9
    assert calibrate(rows, target=1.0, min_flagged=4).threshold is None
    assert calibrate([], target=0.5).threshold is None
    text = format_calibration(cal)
    assert "threshold 0.7000: precision 0.80 on 5 reviewed flag(s)" in text
    band = next(line for line in text.splitlines() if line.startswith("0.9-1.0"))
    assert band.split() == ["0.9-1.0", "3", "3", "1.00", "3", "1.00"]


@pytest.fixture()
def corpus_db(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """agree_a + agree_b with the hashing embedder: one spring-vs-autumn conflict."""
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    res = run_cli("add", str(DATA / "agree_a.txt"), str(DATA / "agree_b.txt"), "--db", "c.db",
                  "--embedder", "hashing", "--no-cache", "-q")
    assert res.exit_code == 0, res.output
    return "c.db"


def _log(db: str, *spec: tuple[float, str]) -> None:
    """Past verdicts on other conflicts, with the confidence each had when decided."""
    with Corpus(db, create=False) as corpus, corpus._db:
        corpus._db.executemany(
            "INSERT INTO verdicts (group_id, decision, reviewer, at, note, confidence) "
            "VALUES (?, ?, 'bob', '2026-01-01T00:00:00+00:00', NULL, ?)",
            [(gid, d, c) for gid, d, c in _rows(*spec)])


def _flagged(db: str) -> list[dict]:
    res = run_cli("review", "--list", "--db", db, "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_saved_threshold_mutes_weaker_conflicts(corpus_db: str) -> None:
    (item,) = _flagged(corpus_db)
    assert item["confidence"] < 0.9
    _log(corpus_db, *[(0.95, "confirm")] * 6, *[(0.85, "dismiss")] * 5)
    res = run_cli("calibrate", "--db", corpus_db, "--dry-run")
    assert res.exit_code == 0 and "threshold 0.9500" in res.stdout
    assert _flagged(corpus_db) == [item]  # a dry run saves nothing
    res = run_cli("calibrate", "--db", corpus_db, "--target", "0.9", "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["threshold"] == 0.95 and doc["precision"] == 1.0 and doc["reviewed"] == 11
    assert str(doc["at"]).endswith("+00:00")  # was null: the name also held the confidences
    assert _flagged(corpus_db) == []
    assert run_cli("report", "--db", corpus_db, "-o", "r", "--format", "json,md", "-q"
                   ).exit_code == 0
    report = json.loads(Path("r.json").read_text(encoding="utf-8"))
    assert report["flag_threshold"] == 0.95
    (g,) = [g for g in report["groups"] if g["id"] == item["id"]]
    assert g["label"] == "conflict" and g["muted"] is True and g["flagged"] is False
    md = Path("r.md").read_text(encoding="utf-8")
    assert "Set aside" in md and item["id"] in md
    # a reviewer can still confirm a muted conflict: confirmed ones are always flagged
    assert run_cli("review", "--decide", item["id"], "confirm", "--db", corpus_db).exit_code == 0
    assert [x["id"] for x in _flagged(corpus_db)] == [item["id"]]
    assert run_cli("calibrate", "--clear", "--db", corpus_db).exit_code == 0


def test_clear_and_other_model(corpus_db: str) -> None:
    (item,) = _flagged(corpus_db)
    _log(corpus_db, *[(0.95, "confirm")] * 6, *[(0.85, "dismiss")] * 5)
    assert run_cli("calibrate", "--db", corpus_db).exit_code == 0
    assert _flagged(corpus_db) == []
    res = run_cli("calibrate", "--clear", "--dry-run", "--db", corpus_db)
    assert res.exit_code == 0 and "nothing saved" in res.stderr
    assert _flagged(corpus_db) == []  # a dry run clears nothing either
    assert run_cli("calibrate", "--clear", "--db", corpus_db).exit_code == 0
    assert _flagged(corpus_db) == [item]
    res = run_cli("calibrate", "--target", "nan", "--db", corpus_db)
    assert res.exit_code == 2 and "nan is not a precision" in res.output
    assert run_cli("calibrate", "--db", corpus_db).exit_code == 0
    with Corpus(corpus_db, create=False) as corpus:  # learnt on other vectors: not applied
        corpus.save_calibration({**(corpus.calibration() or {}), "model": "st:other"})
    assert _flagged(corpus_db) == [item]


def test_a_threshold_on_another_scale_of_confidence_is_not_applied(corpus_db: str) -> None:
    """(2026-12-04, session 30) Conflict confidences became the share of such flags that are
    disputes (``judge.trust``): a threshold saved before, on the reasons' weights (no "scale"),
    or with other coefficients would mute by the wrong yardstick."""
    (item,) = _flagged(corpus_db)
    _log(corpus_db, *[(0.95, "confirm")] * 6, *[(0.85, "dismiss")] * 5)
    assert run_cli("calibrate", "--db", corpus_db).exit_code == 0
    assert _flagged(corpus_db) == []
    with Corpus(corpus_db, create=False) as corpus:
        saved = corpus.calibration() or {}
        assert saved["scale"].startswith("trust ")
        corpus.save_calibration({k: v for k, v in saved.items() if k != "scale"})
    assert _flagged(corpus_db) == [item]
    with Corpus(corpus_db, create=False) as corpus:
        corpus.save_calibration({**saved, "scale": "trust 0.1,0.2"})
    assert _flagged(corpus_db) == [item]


def test_verdicts_on_an_older_scale_count_at_todays_confidence(corpus_db: str) -> None:
    """Old code learnt a threshold from confidences logged on several scales at once: after
    the trust coefficients changed, a verdict given at 0.99 still counted at 0.99. Each verdict
    now logs its scale; one on another scale counts at its group's confidence today."""
    from divergence.judge.trust import scale

    (item,) = _flagged(corpus_db)
    assert run_cli("review", "--decide", item["id"], "confirm", "--db", corpus_db).exit_code == 0
    with Corpus(corpus_db, create=False) as corpus:
        assert corpus.off_scale(scale()) == 0  # logged on today's scale
        assert corpus.verify_verdicts()[0] == []  # and the scale is in its chain link
        corpus._db.execute("DROP TRIGGER verdicts_no_update")
        corpus._db.execute("UPDATE verdicts SET confidence = 0.99, scale = 'trust 0.1,0.2'")
        corpus._db.commit()
        assert corpus.verify_verdicts()[0]  # a rewritten scale breaks the chain
        assert corpus.off_scale(scale()) == 1
        assert corpus.reviewed() == [(item["id"], "confirm", 0.99)]  # as logged
        (_, _, today), = corpus.reviewed(scale())  # the stored grouping's, by default
        assert today == pytest.approx(item["confidence"], abs=1e-4)
    res = run_cli("calibrate", "--db", corpus_db, "--dry-run", "--format", "json",
                  "--min-reviewed", "1")
    assert res.exit_code == 0, res.output
    assert "1 verdict(s) were given when conflicts' confidences meant something else" in (
        res.stderr)
    doc = json.loads(res.stdout)
    assert doc["reviewed"] == 1 and doc["threshold"] == pytest.approx(item["confidence"],
                                                                        abs=1e-4)


def test_no_threshold_is_a_one_line_error(corpus_db: str) -> None:
    _log(corpus_db, (0.9, "confirm"), (0.8, "dismiss"))
    res = run_cli("calibrate", "--db", corpus_db)
    assert res.exit_code == 1
    # 0.90 is reached (at 0.9, one confirmed), but by 1 reviewed flag of the 5 needed: the
    # advice names --min-reviewed (old code: "lower --target", which cannot help)
    assert "reached only with fewer than 5 reviewed flags" in res.stderr
    assert "--min-reviewed" in res.stderr and "--target" not in res.stderr
    assert res.stderr.strip().count("\n") == 0
    with Corpus(corpus_db, create=False) as corpus:
        assert corpus.calibration() is None
    assert run_cli("calibrate", "--db", "missing.db").exit_code == 1


def test_nothing_reviewed_prints_no_empty_table(corpus_db: str) -> None:
    """Old code printed an empty table and the same message on stdout and stderr."""
    res = run_cli("calibrate", "--db", corpus_db)
    assert res.exit_code == 1 and res.stdout == ""
    assert "no conflict has been reviewed yet" in res.stderr


def test_a_target_out_of_reach_says_to_lower_it(corpus_db: str) -> None:
    _log(corpus_db, (0.9, "dismiss"), (0.8, "dismiss"))
    res = run_cli("calibrate", "--db", corpus_db, "--min-reviewed", "1")
    assert res.exit_code == 1 and "no threshold reaches precision 0.90" in res.stderr
    assert "lower --target" in res.stderr


def test_verdict_keeps_the_confidence_it_was_shown_at(corpus_db: str) -> None:
    (item,) = _flagged(corpus_db)
    assert run_cli("review", "--decide", item["id"], "dismiss", "--db", corpus_db).exit_code == 0
    with Corpus(corpus_db, create=False) as corpus:
        assert corpus.reviewed() == [(item["id"], "dismiss", pytest.approx(item["confidence"],
                                                                            abs=1e-4))]


def test_threshold_is_not_rounded_past_the_confidences_it_keeps() -> None:
    cal = calibrate(_rows(*[(0.70006, "confirm")] * 5), target=0.9)
    assert cal.threshold == 0.70006 and cal.chosen is not None and cal.chosen.flagged == 5


def test_a_target_of_minus_zero_is_zero() -> None:
    """``--target -0`` printed "(target -0.00)"."""
    from divergence.cli.calibrate import _a_number

    assert str(_a_number(-0.0)) == "0.0"
