"""Reviewer verdicts: listing flagged conflicts, an append-only log, reports that respect it."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from divergence.contract import verdict_from_dict
from divergence.corpus.store import Corpus
from divergence.errors import DivergenceError

from .conftest import run_cli

DATA = Path(__file__).parent / "data"
A, B = str(DATA / "agree_a.txt"), str(DATA / "agree_b.txt")


@pytest.fixture(autouse=True)
def _corpus(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hashing-embedded corpus c.db of agree_a + agree_b (one spring-vs-autumn conflict)."""
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    result = run_cli("add", A, B, "--db", "c.db", "--embedder", "hashing", "--no-cache", "-q")
    assert result.exit_code == 0, result.output


def _run(*args: str):  # noqa: ANN202 - a click Result
    result = run_cli(*args)
    assert "Traceback" not in result.output
    return result


def _listed() -> list[dict]:
    result = _run("review", "--list", "--db", "c.db", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _report_groups() -> dict[str, dict]:
    assert _run("report", "--db", "c.db", "-o", "out/r", "--format", "json", "-q").exit_code == 0
    doc = json.loads(Path("out/r.json").read_text(encoding="utf-8"))
    return {g["id"]: g for g in doc["groups"]}


def _conflict_id() -> str:
    (item,) = _listed()
    return item["id"]


def test_list_text_and_json() -> None:
    items = _listed()
    assert len(items) == 1
    g = items[0]
    assert g["label"] == "conflict" and g["flagged"] and g["verdict"] is None
    assert sorted(g["sources"]) == ["Coastal Times", "Harbour Gazette"]
    assert {c["speaker"] for c in g["claims"]} == {"officials", "the port authority"}
    assert any("spring" in r["detail"] for r in g["reasons"])
    text = _run("review", "--list", "--db", "c.db")
    assert text.exit_code == 0
    first = text.stdout.splitlines()[0]
    assert first.startswith(g["id"]) and "conflict" in first
    assert f"{g['confidence']:.2f}" in first
    assert "next spring" in text.stdout and "(asserts)" in text.stdout
    assert "1 flagged conflict(s)" in text.stderr


def test_confirm_is_marked_and_stays_flagged() -> None:
    gid = _conflict_id()
    result = _run("review", "--decide", gid, "confirm", "--db", "c.db", "--note", "checked")
    assert result.exit_code == 0 and f"recorded confirm on {gid} by alice" in result.stdout
    (item,) = _listed()
    assert item["verdict"]["decision"] == "confirm" and item["verdict"]["note"] == "checked"
    g = _report_groups()[gid]
    assert g["label"] == "conflict" and g["flagged"] is True
    assert g["verdict"]["reviewer"] == "alice" and g["verdict"]["at"].endswith("+00:00")
    assert _run("report", "--db", "c.db", "-o", "out/r", "--format", "md", "-q").exit_code == 0
    assert "reviewed: **confirm** by alice" in Path("out/r.md").read_text(encoding="utf-8")


def test_dismiss_unflags_and_latest_wins() -> None:
    gid = _conflict_id()
    assert _run("review", "--decide", gid, "confirm", "--db", "c.db").exit_code == 0
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db",
                "--reviewer", "bob").exit_code == 0
    with Corpus("c.db", create=False) as corpus:
        log = corpus.verdicts()
        assert [(g, v.decision, v.reviewer) for g, v in log] == [
            (gid, "confirm", "alice"), (gid, "dismiss", "bob")]
        assert corpus.latest_verdicts()[gid].decision == "dismiss"
    assert _listed() == []
    g = _report_groups()[gid]
    assert g["label"] == "conflict" and g["flagged"] is False
    assert g["verdict"]["decision"] == "dismiss"
    assert all(not x["flagged"] for x in _report_groups().values())


def test_agree_relabels_and_unrelated_unflags() -> None:
    gid = _conflict_id()
    assert _run("review", "--decide", gid, "agree", "--db", "c.db").exit_code == 0
    g = _report_groups()[gid]
    assert g["label"] == "agree" and g["flagged"] is False
    assert _run("review", "--decide", gid, "unrelated", "--db", "c.db").exit_code == 0
    g = _report_groups()[gid]
    assert g["label"] == "conflict" and g["flagged"] is False and _listed() == []


def test_verdict_survives_a_regroup() -> None:
    gid = _conflict_id()
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db").exit_code == 0
    with Corpus("c.db", create=False) as corpus:
        corpus._db.execute("DELETE FROM grouping")
        corpus._db.commit()
    assert _report_groups()[gid]["verdict"]["decision"] == "dismiss"  # regrouped: same id
    assert _listed() == []


def test_decide_regroups_when_no_grouping_is_stored() -> None:
    gid = _conflict_id()
    with Corpus("c.db", create=False) as corpus:
        corpus._db.execute("DELETE FROM grouping")
        corpus._db.commit()
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db").exit_code == 0


def test_log_is_append_only() -> None:
    gid = _conflict_id()
    assert _run("review", "--decide", gid, "confirm", "--db", "c.db").exit_code == 0
    with Corpus("c.db", create=False) as corpus:
        for sql in ("UPDATE verdicts SET decision='dismiss'", "DELETE FROM verdicts"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                corpus._db.execute(sql)
        assert len(corpus.verdicts()) == 1


def test_export_round_trips(tmp_path: Path) -> None:
    gid = _conflict_id()
    assert _run("review", "--decide", gid, "confirm", "--db", "c.db", "--note", "sure — ✓"
                ).exit_code == 0
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db").exit_code == 0
    out = _run("verdicts", "export", "--db", "c.db")
    assert out.exit_code == 0
    rows = [verdict_from_dict(json.loads(line)) for line in out.stdout.splitlines()]
    with Corpus("c.db", create=False) as corpus:
        assert rows == corpus.verdicts()
    assert rows[0][1].note == "sure — ✓" and rows[1][1].note is None
    res = _run("verdicts", "export", "--db", "c.db", "-o", "v.jsonl")
    assert res.exit_code == 0 and res.stdout == ""
    assert (tmp_path / "v.jsonl").read_text(encoding="utf-8") == out.stdout


def test_export_empty_and_default_db() -> None:
    assert _run("verdicts", "export", "--db", "c.db").stdout == ""
    res = _run("verdicts", "export")  # default .divergence/corpus.db does not exist here
    assert res.exit_code == 1 and "no corpus database" in res.stderr


def test_errors_are_one_line() -> None:
    res = _run("review", "--decide", "g-nope", "dismiss", "--db", "c.db")
    assert res.exit_code == 1
    assert res.stderr.strip().count("\n") == 0
    assert "unknown group id 'g-nope'" in res.stderr and "review --list" in res.stderr
    res = _run("review", "--decide", "g-nope", "maybe", "--db", "c.db")
    assert res.exit_code == 2 and "'maybe' is not one of" in res.stderr
    res = _run("review", "--list", "--decide", "g-nope", "dismiss", "--db", "c.db")
    assert res.exit_code == 2
    res = _run("review", "--list", "--db", "missing.db")
    assert res.exit_code == 1 and "no corpus database" in res.stderr
    with Corpus("c.db", create=False) as corpus:
        assert corpus.verdicts() == []


def test_library_validation() -> None:
    gid = _conflict_id()
    with Corpus("c.db", create=False) as corpus:
        with pytest.raises(DivergenceError, match="unknown decision 'maybe'"):
            corpus.add_verdict(gid, "maybe", "alice")
        with pytest.raises(DivergenceError, match="needs a reviewer"):
            corpus.add_verdict(gid, "confirm", " ")
        v = corpus.add_verdict(gid, "confirm", "alice", at="2024-01-01T00:00:00+00:00")
        assert corpus.latest_verdicts() == {gid: v}
        other = next(g for g in corpus.load_grouping()[1] if g.label != "conflict")
        with pytest.raises(DivergenceError, match="confirm answers a conflict"):
            corpus.add_verdict(other.id, "confirm", "alice")  # was stored (helper-55's probe)
        assert corpus.add_verdict(other.id, "unrelated", "alice").decision == "unrelated"


def test_older_corpus_gains_the_verdicts_table() -> None:
    con = sqlite3.connect("c.db")
    con.execute("DROP TABLE verdicts")
    con.commit()
    con.close()
    with Corpus("c.db", create=False) as corpus:
        assert corpus.verdicts() == []
    assert len(_listed()) == 1


def test_reviewer_falls_back_to_the_os_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIVERGENCE_REVIEWER")
    monkeypatch.setattr("getpass.getuser", lambda: "os-user")
    gid = _conflict_id()
    assert "by os-user" in _run("review", "--decide", gid, "confirm", "--db", "c.db").stdout


# ---------------------------------------------------------------- the interactive loop


def _loop(keys: str | io.BytesIO):  # noqa: ANN202 - a click Result
    """Run the interactive review with ``keys`` on stdin (one key per line)."""
    from click.testing import CliRunner

    from divergence.cli import main

    result = CliRunner().invoke(main, ["review", "--db", "c.db"], input=keys,
                                catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_loop_shows_the_conflict_side_by_side_and_stores_a_decision() -> None:
    gid = _conflict_id()
    res = _loop("d\n")
    assert res.exit_code == 0, res.output
    # the dispute: positions side by side, an outlet row each, the differing spans marked,
    # the reason, then the decision
    head = next(line for line in res.stdout.splitlines() if "│" in line)
    assert head.startswith("A · ") and "│ B · " in head
    rows = [line for line in res.stdout.splitlines() if line.startswith(("Harbour", "Coastal"))]
    assert len(rows) == 2 and all("│" in row for row in rows)
    assert "«spring»" in res.stdout and "«autumn»" in res.stdout
    assert "• date (" in res.stdout and "'spring' vs 'autumn'" in res.stdout
    assert "recorded dismiss" in res.stdout
    with Corpus("c.db", create=False) as corpus:
        (logged,) = corpus.verdicts()
    assert logged[0] == gid and logged[1].decision == "dismiss" and logged[1].reviewer == "alice"
    again = _loop("c\n")  # resumes: nothing undecided is left
    assert again.exit_code == 0 and "nothing to review" in again.stderr
    with Corpus("c.db", create=False) as corpus:
        assert len(corpus.verdicts()) == 1


def test_loop_skip_and_quit_store_nothing_and_resume() -> None:
    for keys in ("s\n", "q\n", "", "?\nx\nq\n"):
        res = _loop(keys)
        assert res.exit_code == 0, res.output
        assert "0 decided" in res.stderr and "1 undecided left" in res.stderr
    assert "[c]onfirm" in _loop("?\nq\n").stdout
    with Corpus("c.db", create=False) as corpus:
        assert corpus.verdicts() == []
    assert _loop("u\n").exit_code == 0
    with Corpus("c.db", create=False) as corpus:
        assert [v.decision for _, v in corpus.verdicts()] == ["unrelated"]


def test_ctrl_c_in_the_loop_exits_130_after_its_summary(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A review cut short exited 0 as one finished or quit did: a script could not tell."""
    import divergence.cli.review as review_cli

    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(review_cli, "_key", interrupted)
    res = _loop("")
    assert res.exit_code == 130 and "0 decided" in res.stderr and "1 undecided left" in res.stderr


class _CtrlC(io.BytesIO):
    """Standard input that is interrupted (Ctrl-C) once what it holds has been read."""

    def read1(self, size: int = -1) -> bytes:
        got = super().read1(size)
        if not got and size != 0:  # click asks read(0) to see that the stream holds bytes
            raise KeyboardInterrupt
        return got

    read = read1


def test_ctrl_c_at_the_note_prompt_exits_130() -> None:
    """Old code: click.prompt turned Ctrl-C at the note into the end of input: exit 0."""
    res = _loop(_CtrlC(b"n\n"))
    assert res.exit_code == 130, res.output
    assert "0 decided" in res.stderr and "1 undecided left" in res.stderr
    assert _loop("n\n").exit_code == 0  # the end of input at the note is no interrupt


def test_loop_note_goes_with_the_decision() -> None:
    res = _loop("n\nsame date, different ferries\nc\n")
    assert res.exit_code == 0, res.output
    with Corpus("c.db", create=False) as corpus:
        ((_, v),) = corpus.verdicts()
    assert v.decision == "confirm" and v.note == "same date, different ferries"
    assert _listed()[0]["verdict"]["note"] == "same date, different ferries"


def test_loop_reads_single_keypresses_on_a_terminal(in_tmp: Path) -> None:
    """A real pseudo-terminal: one keypress, no Enter, decides and is stored."""
    import os
    import subprocess
    import sys
    import time

    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "divergence.cli", "review", "--db", "c.db"],
                            stdin=slave, stdout=slave, stderr=slave, cwd=in_tmp, env=env)
    os.close(slave)
    seen, deadline = b"", time.monotonic() + 60
    try:
        while b"decision [" not in seen and time.monotonic() < deadline:
            seen += os.read(master, 4096)
        assert b"decision [" in seen, seen.decode(errors="replace")
        # A key typed before the loop puts the terminal in raw mode can wait in the line
        # buffer, as with a person typing ahead; press again until the loop takes it.
        for _ in range(30):
            os.write(master, b"d")
            try:
                assert proc.wait(timeout=2) == 0
                break
            except subprocess.TimeoutExpired:
                continue
        assert proc.returncode == 0
    finally:
        proc.kill()
        os.close(master)
    with Corpus("c.db", create=False) as corpus:
        assert [v.decision for _, v in corpus.verdicts()] == ["dismiss"]


def test_reports_set_dismissed_conflicts_aside() -> None:
    gid = _conflict_id()
    assert _run("report", "--db", "c.db", "-o", "before", "--format", "md", "-q").exit_code == 0
    assert "### Conflicts (1)" in Path("before.md").read_text(encoding="utf-8")
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db").exit_code == 0
    assert _run("report", "--db", "c.db", "-o", "after", "--format", "md,html", "-q"
                ).exit_code == 0
    md = Path("after.md").read_text(encoding="utf-8")
    assert "### Conflicts" not in md and "### Set aside (1)" in md
    assert f"`{gid}`" in md and "set aside: dismiss by a reviewer" in md
    assert "0 conflict" in md and "1 conflict(s) set aside" in md
    html = Path("after.html").read_text(encoding="utf-8")
    assert "Set aside: dismiss by a reviewer." in html and 'class="group conflict aside"' in html


def test_end_of_input_at_the_note_prompt_quits_cleanly() -> None:
    res = _loop("n\n")
    assert res.exit_code == 0 and "0 decided" in res.stderr


def test_loop_says_when_a_note_goes_with_no_decision() -> None:
    """Old code: a note typed and then skipped (or quit) was dropped without a word."""
    _conflict_id()
    for keys in ("n\nsame date\ns\n", "n\nsame date\nq\n"):
        res = _loop(keys)
        assert res.exit_code == 0, res.output
        assert "note discarded (no decision made)" in res.stderr
    assert "note discarded" not in _loop("s\n").stderr
    with Corpus("c.db", create=False) as corpus:
        assert corpus.verdicts() == []


def test_note_without_decide_is_a_usage_error() -> None:
    """Old code: review --note without --decide started the loop and gave the note, unsaid, to
    whichever conflict was decided first (a user read it as ignored); --list dropped it."""
    _conflict_id()
    for extra in ((), ("--list",)):
        res = _run("review", "--db", "c.db", "--note", "hi", *extra)
        assert res.exit_code == 2 and "--note needs --decide" in res.output, res.output
    with Corpus("c.db", create=False) as corpus:
        assert corpus.verdicts() == []
