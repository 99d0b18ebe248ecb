"""Nothing lost, nothing rewritten (issue 13, items 1, 2 and 5): concurrent writers, a grouping
that covers every claim, `divergence check`, the tamper-evident verdict log, storage faults."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from divergence.corpus.store import Corpus
from divergence.errors import DivergenceError
from divergence.ingest.io import load

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
A, B = str(DATA / "agree_a.txt"), str(DATA / "agree_b.txt")
DELHI = str(DATA / "inputs" / "delhi.txt")
HASHING = ("--embedder", "hashing", "--no-cache", "-q")


@pytest.fixture(autouse=True)
def _in_tmp(in_tmp: Path) -> None:
    """Every test here runs in its own temp folder."""


def _articles(folder: Path, n: int, first: int = 0) -> Path:
    folder.mkdir()
    for i in range(first, first + n):
        (folder / f"a{i:04d}.txt").write_text(
            f"source: Outlet {i % 7}\n\nThe council of town {i} met on day {i}. "
            f"It approved {i} new benches for the park. Residents of district {i} welcomed "
            f"the plan. The mayor said work on site {i} starts soon.\n")
    return folder


def _add(*args: str) -> None:
    res = run_cli("add", *args, *HASHING)
    assert res.exit_code == 0, res.output


def _ungrouped(db: Path) -> int:
    """Stored claims in no event of the stored grouping, read with plain SQL."""
    con = sqlite3.connect(db)
    claims = {r[0] for r in con.execute("SELECT id FROM claims")}
    grouped: set[str] = set()
    for (body,) in con.execute("SELECT body FROM grouping WHERE kind='event'"):
        grouped |= set(json.loads(body)["claims"])
    con.close()
    return len(claims - grouped)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("divergence: note:")]


# ---------------------------------------------------------------- one writer at a time


def test_two_adds_at_once_store_and_group_every_claim(tmp_path: Path) -> None:
    """Two `add` processes on one new database: both succeed, nothing is left ungrouped."""
    for round_ in range(2):
        folders = [_articles(tmp_path / f"r{round_}-{k}", 20, first=100 * k) for k in (0, 1)]
        db = tmp_path / f"r{round_}.db"
        procs = [subprocess.Popen(
            [sys.executable, "-m", "divergence.cli", "add", str(f), "--db", str(db), "--batch",
             "5", *HASHING], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True) for f in folders]
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (_, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, err
            assert "Traceback" not in err
        assert _ungrouped(db) == 0
        with Corpus(db, create=False) as corpus:
            assert len(corpus) == 40
            assert corpus.grouping_problems() == []


def test_a_writer_that_comes_in_during_a_regroup_waits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race made certain: while one `add` regroups, a second `add` runs to the end (or
    waits). The first one's grouping must not overwrite the second one's claims."""
    import divergence.corpus.ops as ops

    db = tmp_path / "c.db"
    log = tmp_path / "second.err"
    second: list[subprocess.Popen[bytes]] = []
    real = ops.regroup

    def regroup_while_another_adds(*args: object, **kwargs: object) -> object:
        if not second:  # the first regroup has read the corpus: now the other writer comes in
            with open(log, "wb") as err:
                second.append(subprocess.Popen(
                    [sys.executable, "-m", "divergence.cli", "add", B, "--db", str(db),
                     *HASHING], env=_env(), stdout=subprocess.DEVNULL, stderr=err))
            deadline = time.monotonic() + 60
            while second[0].poll() is None and time.monotonic() < deadline:
                if b"waiting" in log.read_bytes():
                    break
                time.sleep(0.1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ops, "regroup", regroup_while_another_adds)
    _add(A, "--db", str(db))
    assert second[0].wait(timeout=120) == 0, log.read_text()
    assert _ungrouped(db) == 0
    assert "being written by another process; waiting" in log.read_text()
    with Corpus(db, create=False) as corpus:
        assert len(corpus) == 2


def test_new_database_created_by_many_processes_at_once(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    start = time.time() + 2
    code = ("import sys, time\nfrom divergence.corpus.store import Corpus\n"
            f"time.sleep(max(0, {start} - time.time()))\nCorpus(sys.argv[1]).close()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], env=_env(),
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Corpus(db, create=False) as corpus:
        assert len(corpus) == 0


def _stale_grouping(db: Path) -> None:
    """Leave the grouping an older writer saved: A's claims only, B's stored but ungrouped."""
    _add(A, "--db", str(db))
    con = sqlite3.connect(db)
    old = con.execute("SELECT kind, n, body FROM grouping").fetchall()
    con.close()
    _add(B, "--db", str(db))
    con = sqlite3.connect(db)
    con.execute("DELETE FROM grouping")
    con.executemany("INSERT INTO grouping VALUES (?, ?, ?)", old)
    con.execute("DELETE FROM members")
    con.execute("DELETE FROM meta WHERE key='grouped'")
    con.commit()
    con.close()
    assert _ungrouped(db) > 0


def test_add_notices_a_grouping_that_misses_claims(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _stale_grouping(db)
    res = run_cli("add", A, B, "--db", str(db), "--embedder", "hashing", "--no-cache")
    assert res.exit_code == 0, res.output
    assert "already in the corpus; skipped" in res.stderr
    assert _ungrouped(db) == 0


def test_an_interrupted_add_says_what_the_corpus_holds_and_how_to_group_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: Ctrl-C during an add said "files written so far are complete" and check then
    said only "no grouping stored for N claim(s)", naming no remedy."""
    import divergence.corpus.ops as ops

    def interrupt(*args: object, **kwargs: object) -> bool:
        raise KeyboardInterrupt

    db = tmp_path / "j.db"
    with monkeypatch.context() as m:
        m.setattr(ops, "regroup_corpus", interrupt)
        res = run_cli("add", A, B, "--db", str(db), *HASHING)
    assert res.exit_code == 130, res.output
    assert "files written" not in res.stderr
    assert "holds 2 article(s) in all, the last ones not yet grouped; run add again" in res.stderr
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1
    assert "no grouping stored" in res.stdout and "run add again" in res.stdout
    assert "run again with --repair" not in res.stderr  # the remedy is given once
    _add(A, B, "--db", str(db))  # nothing new to store: the add groups what is there
    assert _ungrouped(db) == 0 and run_cli("check", "--db", str(db)).exit_code == 0


def test_report_regroups_a_grouping_that_misses_claims(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _stale_grouping(db)
    res = run_cli("report", "--db", str(db), "-o", "out/r", "--format", "json", "-q")
    assert res.exit_code == 0, res.output
    rep = json.loads((tmp_path / "out" / "r.json").read_text())
    in_events = {c for e in rep["events"] for c in e["claims"]}
    assert {c["id"] for c in rep["claims"]} <= in_events
    assert _ungrouped(db) == 0


def test_a_grouping_made_by_another_judge_is_not_current(tmp_path: Path) -> None:
    """Old code: a corpus grouped by one judge kept those groups under another (an upgrade,
    ``--judge``, ``--detectors``) until an article was added. The grouping records its judge."""
    from divergence.corpus.ops import corpus_report, ensure_grouping, judge_identity, regroup_corpus
    from divergence.judge import make_judge

    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db), "--judge", "rules")
    rules = make_judge("rules", embedder="hashing")
    fewer = make_judge("rules", embedder="hashing", detectors=("negation",))
    assert judge_identity(rules) != judge_identity(fewer)
    with Corpus(db) as corpus:
        assert corpus.grouping_judge() == judge_identity(rules)
        assert corpus.grouping_current(judge_identity(rules))
        assert corpus.grouping_current()  # covers the claims, whoever made it
        assert not corpus.grouping_current(judge_identity(fewer))
        ensure_grouping(corpus, fewer)
        assert corpus.grouping_judge() == judge_identity(fewer)
        assert corpus.grouping_current(judge_identity(fewer))
        assert regroup_corpus(corpus, rules)
        corpus_report(corpus, fewer)  # report --db regroups as well, and saves it
        assert corpus.grouping_judge() == judge_identity(fewer)
    _raw(db, "DELETE FROM meta WHERE key='grouped_by'")  # a file from before this was kept
    with Corpus(db) as corpus:
        assert corpus.grouping_current() and not corpus.grouping_current(judge_identity(rules))
    res = run_cli("score", B, "--db", str(db), "--judge", "rules", *HASHING[:-1])
    assert res.exit_code == 0, res.output
    assert "the stored grouping is out of date" in res.stderr  # said, and used as it is
    res = run_cli("add", A, "--db", str(db), "--judge", "rules", "--embedder", "hashing",
                  "--no-cache")
    assert res.exit_code == 0, res.output
    assert "the stored grouping was made by another judge or version; regrouping" in res.stderr
    with Corpus(db) as corpus:
        assert corpus.grouping_judge() == judge_identity(rules)
    res = run_cli("score", B, "--db", str(db), "--judge", "rules", *HASHING[:-1])
    assert res.exit_code == 0 and "out of date" not in res.stderr


# ---------------------------------------------------------------- divergence check


def test_check_finds_and_repairs_what_is_out_of_step(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    con = sqlite3.connect(db)
    victim = con.execute("SELECT claim_id FROM vectors LIMIT 1").fetchone()[0]
    con.execute("DELETE FROM vectors WHERE claim_id=?", (victim,))
    con.execute("DELETE FROM grouping WHERE kind='event' AND n=0")
    con.commit()
    con.close()
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1
    assert "vectors: 1 claim(s) have no vector" in res.stdout
    assert "grouping:" in res.stdout and "--repair" in res.stderr
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 0, res.output
    assert "repaired: split and embedded again 1 incomplete article(s)" in res.stdout
    assert run_cli("check", "--db", str(db)).exit_code == 0
    whole = tmp_path / "whole.db"  # what the three articles are when stored undamaged
    _add(A, B, DELHI, "--db", str(whole))
    with Corpus(db) as corpus, Corpus(whole) as fresh:  # old code removed the article
        assert len(corpus) == 3 and corpus.vector_problems() == []
        got, want = corpus.claims(), fresh.claims()
        ids = [c.id for c in want]
        assert {c.id: c for c in got} == {c.id: c for c in want} and victim in ids
        assert np.array_equal(corpus.vectors_of(ids)[victim], fresh.vectors_of(ids)[victim])
    _add(A, B, DELHI, "--db", str(db))  # present whole: nothing to add
    assert run_cli("check", "--db", str(db)).exit_code == 0


def test_a_repair_without_the_corpus_embedder_removes_what_it_cannot_embed(
        tmp_path: Path) -> None:
    """Vectors made by an embedder no built-in one gives (a plugin's) cannot be made again:
    the incomplete article is removed, as before, and the note says why; its stored text is
    saved first as a feed beside the corpus (a review: the stored text may be the only copy)."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    victim, text = _raw_row(db, "SELECT a.id, a.text FROM articles a JOIN claims c ON "
                                "c.article_id = a.id JOIN vectors v ON v.claim_id = c.id "
                                "WHERE v.rowid = 1")
    _raw(db, "UPDATE meta SET value = 'someplugin:7' WHERE key = 'model'",
         "DELETE FROM vectors WHERE rowid = 1")
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only")
    assert res.exit_code == 0 and "removed 1 incomplete article(s)" in res.stdout, res.output
    assert "not embedded again" in res.stderr and "someplugin:7" in res.stderr
    with Corpus(db) as corpus:
        assert len(corpus) == 2 and corpus.vector_problems() == []
    (saved,) = tmp_path.glob("c.db.removed-*.jsonl")
    assert saved.name in res.stdout
    (row,) = [json.loads(line) for line in saved.read_text().splitlines()]
    assert (row["id"], row["text"]) == (victim, text)


def test_a_repair_never_stores_a_damaged_text_again(tmp_path: Path) -> None:
    """A review of the repair: a stored text cut short was split again and stored under the
    article's id, after which ``add`` skipped the article as present, one claim of three for
    good. A text whose split does not give back the claims that survived is removed, and ``add``
    stores it whole again."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    victim = _raw_one(db, "SELECT id FROM articles WHERE path LIKE '%agree_a.txt'")
    n = _raw_one(db, f"SELECT count(*) FROM claims WHERE article_id = '{victim}'")
    _raw(db, f"UPDATE articles SET text = substr(text, 1, 60) WHERE id = '{victim}'",
         f"DELETE FROM vectors WHERE claim_id = '{victim}:1'")
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only")
    assert res.exit_code == 0 and "removed 1 incomplete article(s)" in res.stdout, res.output
    assert "were not split again" in res.stderr
    _add(A, "--db", str(db))
    assert _raw_one(db, f"SELECT count(*) FROM claims WHERE article_id = '{victim}'") == n > 1


def test_a_repair_that_cannot_write_changes_nothing(tmp_path: Path) -> None:
    """A review of the repair: the damaged rows were deleted in one transaction and the article
    stored again in another, so a write failing between (a full disk) lost it unnamed; then the
    failed store fell back to removing it. Now a store that fails changes nothing, says so, and
    leaves the problem for a later repair."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, "DELETE FROM vectors WHERE rowid = 1",
         "CREATE TRIGGER no_room BEFORE INSERT ON claims BEGIN "
         "SELECT RAISE(ABORT, 'disk full (simulated)'); END")
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only")
    assert "Traceback" not in res.output and "disk full" in res.stderr, res.output
    assert res.exit_code == 1 and "left as they were" in res.stderr and "removed" not in res.stdout
    with Corpus(db) as corpus:
        assert len(corpus) == 3
    _raw(db, "DROP TRIGGER no_room")
    assert run_cli("check", "--db", str(db), "--repair", "--rules-only").exit_code == 0
    with Corpus(db) as corpus:
        assert len(corpus) == 3 and corpus.vector_problems() == []


def _raw_row(db: Path, sql: str) -> tuple:
    """One row read behind divergence's back."""
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(sql).fetchone())
    finally:
        con.close()


def test_one_undecodable_text_costs_no_other_article(tmp_path: Path) -> None:
    """A second review: one article's text of no valid UTF-8 made the repair read no article,
    remove every incomplete one (readable or not) and then stop on a traceback while
    regrouping, the removal never told. Now the incomplete one is stored again and the other
    is read with its bad bytes replaced."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    bad, broken = (_raw_one(db, f"SELECT id FROM articles WHERE path LIKE '%{n}'")
                   for n in ("agree_b.txt", "agree_a.txt"))
    _raw(db, f"UPDATE articles SET text = CAST(x'ff' || CAST(text AS BLOB) AS TEXT) "
             f"WHERE id = '{bad}'", f"DELETE FROM vectors WHERE claim_id = '{broken}:1'")
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only")
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    assert "split and embedded again 1 incomplete article(s)" in res.stdout
    with Corpus(db) as corpus:
        assert len(corpus) == 3 and corpus.vector_problems() == []
        assert next(a for a in corpus.articles() if a.id == bad).text.startswith("\ufffd")


def _raw_one(db: Path, sql: str) -> object:
    """One value read behind divergence's back."""
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_a_repair_that_embeds_again_tells_its_progress(tmp_path: Path) -> None:
    """A review of the repair: a corpus whose vectors were all lost was embedded again without
    a word on stderr (a long, silent wait on a large corpus); -q still silences it."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, "DELETE FROM vectors")
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only")
    assert res.exit_code == 0 and "embedding again: 9 claim(s)" in res.stderr, res.output
    _raw(db, "DELETE FROM vectors")
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only", "-q")
    assert res.exit_code == 0 and "embedding again" not in res.stderr, res.output


def test_one_repair_of_several_problems_is_told_once(tmp_path: Path) -> None:
    """Old code: a claim without a vector and a vector cut short printed the same "removed 2
    incomplete article(s) ..." sentence after each of the two problems."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    con = sqlite3.connect(db)
    first, second = (r[0] for r in con.execute(
        "SELECT claim_id FROM vectors WHERE claim_id IN (SELECT id FROM claims) "
        "GROUP BY substr(claim_id, 1, instr(claim_id, ':')) LIMIT 2"))
    con.execute("DELETE FROM vectors WHERE claim_id=?", (first,))
    con.execute("UPDATE vectors SET v = substr(v, 1, 8) WHERE claim_id=?", (second,))
    con.commit()
    con.close()
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 0, res.output
    vectors = [line for line in res.stdout.splitlines() if line.startswith("vectors:")]
    assert len(vectors) >= 2, res.stdout
    assert res.stdout.count("incomplete article(s)") == 1
    assert all(v.endswith("-> repaired: by the same step") for v in vectors[1:]), res.stdout


def test_check_during_an_add_says_the_add_is_under_way(tmp_path: Path) -> None:
    """Old code: a plain check while an add held the write lock told the user to repair what
    the add was about to regroup."""
    from divergence.corpus.locking import being_written, write_lock

    db = tmp_path / "c.db"
    _stale_grouping(db)
    assert not being_written(db)
    with write_lock(db):
        assert being_written(db)
        res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1 and "grouping:" in res.stdout
    assert "another process is writing this corpus now" in res.stderr
    assert not being_written(db)
    res = run_cli("check", "--db", str(db))
    assert "another process" not in res.stderr


def test_check_reports_a_stale_index(tmp_path: Path) -> None:
    pytest.importorskip("faiss")
    db = tmp_path / "c.db"
    _add(A, "--db", str(db))
    res = run_cli("score", B, "--db", str(db), "--index", "hnsw", "--embedder", "hashing",
                  "--no-cache")
    assert res.exit_code == 0, res.output
    assert run_cli("check", "--db", str(db)).exit_code == 0
    _add(B, "--db", str(db))
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1 and "index:" in res.stdout
    assert run_cli("check", "--db", str(db), "--repair").exit_code == 0
    assert run_cli("check", "--db", str(db)).exit_code == 0


# ---------------------------------------------------------------- the verdict log


def _with_verdicts(db: Path, n: int = 3) -> str:
    _add(A, B, DELHI, "--db", str(db))
    with Corpus(db) as corpus:
        grouping = corpus.load_grouping()
        assert grouping is not None and grouping[1]
        gid = grouping[1][0].id
        for k, decision in zip(range(n), ["confirm", "dismiss", "agree", "unrelated"],
                               strict=False):
            corpus.add_verdict(gid, decision, f"r{k}", at=f"2024-01-0{k + 1}T00:00:00+00:00")
    return gid


def _raw(db: Path, *sql: str) -> None:
    """Change the file behind divergence's back."""
    con = sqlite3.connect(db)
    try:
        for s in sql:
            con.execute(s)
        con.commit()
    finally:
        con.close()


def test_insert_or_replace_cannot_rewrite_a_verdict(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    gid = _with_verdicts(db, 1)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _raw(db, "INSERT OR REPLACE INTO verdicts (id, group_id, decision, reviewer, at) "
                 f"VALUES (1, '{gid}', 'dismiss', 'mallory', '2024-02-01')")
    with Corpus(db) as corpus:
        assert [(v.decision, v.reviewer) for _, v in corpus.verdicts()] == [("confirm", "r0")]


def test_dropped_triggers_are_restored_on_opening(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _with_verdicts(db, 1)
    _raw(db, "DROP TRIGGER verdicts_no_update", "DROP TRIGGER verdicts_no_delete")
    with Corpus(db, create=False):
        pass
    for sql in ("UPDATE verdicts SET decision='dismiss'", "DELETE FROM verdicts"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            _raw(db, sql)


@pytest.mark.parametrize(("tamper", "found"), [
    ("UPDATE verdicts SET decision='dismiss' WHERE id=1", "verdict 1"),
    ("DELETE FROM verdicts WHERE id=2", "removed"),
    ("DELETE FROM verdicts WHERE id=3", "head record"),
    ("INSERT INTO verdicts (id, group_id, decision, reviewer, at) "
     "VALUES (9, 'g', 'dismiss', 'x', 'y')", "no hash"),
])
def test_verify_finds_a_change_made_behind_its_back(tmp_path: Path, tamper: str,
                                                    found: str) -> None:
    db = tmp_path / "c.db"
    _with_verdicts(db)
    res = run_cli("verdicts", "verify", "--db", str(db))
    assert res.exit_code == 0, res.output
    assert len(res.stdout.strip()) == 64 and "3 verdict(s), chain intact" in res.stderr
    _raw(db, "DROP TRIGGER IF EXISTS verdicts_no_update",
         "DROP TRIGGER IF EXISTS verdicts_no_delete", tamper)
    res = run_cli("verdicts", "verify", "--db", str(db))
    assert res.exit_code == 1
    assert found in res.stderr and "behind divergence's back" in res.stderr
    assert run_cli("check", "--db", str(db)).exit_code == 1


def test_an_older_log_is_chained_on_first_opening(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _with_verdicts(db)
    _raw(db, "DROP TRIGGER verdicts_no_update", "DROP TRIGGER verdicts_no_delete",
         "DROP TRIGGER IF EXISTS verdicts_no_replace", "ALTER TABLE verdicts DROP COLUMN hash",
         "DELETE FROM meta WHERE key='verdicts_head'")
    res = run_cli("verdicts", "verify", "--db", str(db))
    assert res.exit_code == 0, res.output
    with Corpus(db) as corpus:
        assert len(corpus.verdicts()) == 3
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM verdicts WHERE hash IS NULL").fetchone()[0] == 0
    con.close()


# ---------------------------------------------------------------- storage faults


def _damage(db: Path) -> None:
    """Overwrite one data page of the claims table with garbage (after a checkpoint)."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    try:
        pages = [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name='claims' AND pagetype='leaf' ORDER BY pageno")]
    except sqlite3.OperationalError:  # no dbstat in this SQLite: the table's root page
        pages = [con.execute("SELECT rootpage FROM sqlite_master WHERE name='claims'")
                 .fetchone()[0]]
    con.close()
    page = pages[len(pages) // 2]
    with open(db, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xa5" * size)


def test_damaged_pages_are_one_line_naming_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _add(str(_articles(tmp_path / "in", 30)), "--db", str(db))
    _damage(db)
    for args in (("report", "--db", str(db), "-o", "out/r", "-q"),
                 ("review", "--list", "--db", str(db)),
                 ("score", DELHI, "--db", str(db), "--embedder", "hashing", "--no-cache"),
                 ("add", DELHI, "--db", str(db), *HASHING)):
        res = run_cli(*args)
        assert res.exit_code == 1, (args, res.output)
        lines = _error_lines(res.stderr)
        assert len(lines) == 1, (args, res.stderr)
        assert str(db) in lines[0] and "damaged" in lines[0], lines
        assert "divergence check --repair" in lines[0]
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1 and "damaged" in res.stdout
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 0, res.output
    assert list(tmp_path.glob("c.db.damaged-*"))  # the damaged file is kept
    assert run_cli("check", "--db", str(db)).exit_code == 0
    assert run_cli("report", "--db", str(db), "-o", "out/r", "-q").exit_code == 0
    _add(str(tmp_path / "in"), "--db", str(db))  # what was lost is added again
    with Corpus(db) as corpus:
        stored = {a.id for a in corpus.articles()}
        assert {a.id for a in load([str(tmp_path / "in")])[0]} <= stored
        assert all(corpus.n_claims(a) for a in stored)
        assert corpus.grouping_problems() == [] and corpus.vector_problems() == []


def _break_table_list(db: Path) -> None:
    """Overwrite the list of tables (page 1, after the file header): nothing can be rescued."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(db, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\xa5" * (size - 100))


def test_a_repair_through_a_link_mends_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    """Old code renamed the link aside and wrote the rescued rows in its place: the link
    became a file, and the database it pointed to stayed damaged."""
    real = tmp_path / "data" / "c.db"
    real.parent.mkdir()
    _add(str(_articles(tmp_path / "in", 30)), "--db", str(real))
    _damage(real)
    link = tmp_path / "c.db"
    link.symlink_to(real)
    res = run_cli("check", "--db", str(link), "--repair")
    assert res.exit_code == 0, res.output
    assert link.is_symlink() and list(real.parent.glob("c.db.damaged-*"))
    assert run_cli("check", "--db", str(real)).exit_code == 0


def test_check_does_not_advise_a_repair_that_cannot_work(tmp_path: Path) -> None:
    """Old code: after check --repair said "too damaged to repair ... restore a backup", a
    plain check still ended "run again with --repair to put right what can be"."""
    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    _break_table_list(db)
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 1 and "too damaged to repair" in res.stderr, res.output
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1
    assert "too damaged to repair" in res.stdout and "restore a backup" in res.stdout
    assert "--repair" not in res.stderr, res.stderr


def test_a_repair_of_a_file_that_is_no_corpus_leaves_no_lock_file(tmp_path: Path) -> None:
    """Old code: check --repair refused the file but left ``notes.txt.lock`` beside it."""
    other = tmp_path / "notes.txt"
    other.write_text("a shopping list, not a corpus\n", "utf-8")
    res = run_cli("check", "--db", str(other), "--repair")
    assert res.exit_code == 1 and "is not a divergence corpus" in res.stderr, res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_commands_do_not_send_a_hopeless_file_to_check_repair(tmp_path: Path) -> None:
    """Old code: a file whose list of tables is unreadable (a truncated copy, say) made every
    command say "run: divergence check --repair", which then answered "too damaged to repair"."""
    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    _break_table_list(db)
    for args in (("review", "--list", "--db", str(db)),
                 ("score", DELHI, "--db", str(db), "--embedder", "hashing", "--no-cache"),
                 ("report", "--db", str(db), "-o", str(tmp_path / "r"), "-q")):
        res = run_cli(*args)
        assert res.exit_code == 1, (args, res.output)
        lines = _error_lines(res.stderr)
        assert len(lines) == 1 and str(db) in lines[0], (args, res.stderr)
        assert "too damaged to repair" in lines[0] and "restore a backup" in lines[0], lines
        assert "--repair" not in lines[0], lines


def _connect_with(monkeypatch: pytest.MonkeyPatch, pragma: str | None = None,
                  read_only: bool = False) -> None:
    real = sqlite3.connect

    def connect(path: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if read_only and str(path).endswith(".db"):
            con = real(f"file:{Path(str(path)).resolve()}?mode=ro", *args, uri=True,
                       **kwargs)  # type: ignore[arg-type]
        else:
            con = real(path, *args, **kwargs)  # type: ignore[arg-type]
        if pragma and str(path).endswith(".db"):
            count = con.execute("PRAGMA page_count").fetchone()[0]
            con.execute(f"PRAGMA max_page_count = {max(count, 1)}")
        return con

    monkeypatch.setattr(sqlite3, "connect", connect)


def _drop_grouping(db: Path) -> None:
    _raw(db, "DELETE FROM grouping", "DELETE FROM members")


def test_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.db"
    _add(A, "--db", str(db))
    _drop_grouping(db)
    _connect_with(monkeypatch, pragma="full")
    res = run_cli("add", str(_articles(tmp_path / "in", 30)), "--db", str(db), *HASHING)
    assert res.exit_code == 1
    lines = _error_lines(res.stderr)
    assert len(lines) == 1 and str(db) in lines[0] and "disk is full" in lines[0], res.stderr
    for args in (("report", "--db", str(db), "-o", "out/r", "-q"),
                 ("review", "--list", "--db", str(db))):
        res = run_cli(*args)  # reading needs no room: the grouping is just not saved
        assert res.exit_code == 0, (args, res.output)
    monkeypatch.undo()
    with Corpus(db) as corpus:
        assert len(corpus) == 1


def test_read_only_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    _drop_grouping(db)  # as after an add killed before it regrouped
    _raw(db, "DROP TRIGGER verdicts_no_update")  # not put back: the file is read-only
    _connect_with(monkeypatch, read_only=True)
    for args in (("report", "--db", str(db), "-o", "out/r", "-q"),
                 ("review", "--list", "--db", str(db)),
                 ("score", DELHI, "--db", str(db), "--embedder", "hashing", "--no-cache"),
                 ("verdicts", "export", "--db", str(db)),
                 ("check", "--db", str(db))):
        res = run_cli(*args)
        assert res.exit_code in (0, 1) and "Traceback" not in res.output
        if args[0] != "check":
            assert res.exit_code == 0, (args, res.output)
    res = run_cli("add", DELHI, "--db", str(db), *HASHING)
    assert res.exit_code == 1
    lines = _error_lines(res.stderr)
    assert len(lines) == 1 and "read-only" in lines[0] and str(db) in lines[0], res.stderr


def test_a_read_only_log_from_before_scales_reads_and_calibrates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only file whose verdict log predates the ``scale`` column cannot gain it: read
    through a stand-in, its verdicts verify, export and calibrate (old code: no such column)."""
    db = tmp_path / "c.db"
    _with_verdicts(db)
    _raw(db, "DROP TRIGGER verdicts_no_update", "DROP TRIGGER verdicts_no_delete",
         "DROP TRIGGER IF EXISTS verdicts_no_replace", "UPDATE verdicts SET scale = NULL",
         "ALTER TABLE verdicts DROP COLUMN scale")
    _connect_with(monkeypatch, read_only=True)
    for args in (("verdicts", "verify"), ("verdicts", "export"), ("calibrate", "--dry-run")):
        res = run_cli(*args, "--db", str(db))
        assert "Traceback" not in res.output and "no such column" not in res.output, args
        assert res.exit_code in (0, 1), (args, res.output)
    with Corpus(db, create=False) as corpus:
        assert len(corpus.verdicts()) == 3 and corpus.off_scale("any") == 0
        assert [d for _, d, _ in corpus.reviewed("any")] in ([], ["agree"])  # the latest


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="file permissions do not bind root")
def test_read_only_file_permissions(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    db.chmod(0o444)
    try:
        assert run_cli("report", "--db", str(db), "-o", "out/r", "-q").exit_code == 0
        res = run_cli("add", DELHI, "--db", str(db), *HASHING)
        assert res.exit_code == 1 and "read-only" in res.stderr
    finally:
        db.chmod(0o644)


# ---------------------------------------------------------------- rows SQLite reads, we cannot


@pytest.mark.parametrize(("sql", "area"), [
    ("UPDATE grouping SET body='{not json'", "grouping"),
    ("INSERT OR REPLACE INTO meta VALUES ('calibration', '{bad')", "calibration"),
    ("UPDATE articles SET body='[[1,'", "articles"),
    # a review of the first fix: a threshold that is no number, a size note that is none
    ("""INSERT OR REPLACE INTO meta VALUES ('calibration', '{"threshold": "x"}')""",
     "calibration"),
    ("UPDATE vectors SET dim='abc' WHERE rowid = 1", "vectors"),
    # a third review: text stored as bytes gave a traceback in the HTML report
    ("UPDATE articles SET text = CAST(text AS BLOB) WHERE rowid = 1", "text"),
])
def test_a_row_that_cannot_be_decoded_is_found_repaired_and_read_around(
        tmp_path: Path, sql: str, area: str) -> None:
    """A damaged grouping, calibration or body row (bit rot, another tool) gave a traceback
    in every reader, ``check`` included, or ``check`` called the corpus ok."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, sql)
    res = run_cli("review", "--list", "--db", str(db))  # read around: no traceback
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    res = run_cli("report", "--db", str(db), "-o", "-")
    assert res.exit_code == 0 and json.loads(res.stdout)["groups"], res.output
    res = run_cli("report", "--db", str(db), "-o", "-", "--format", "html")
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    if area != "grouping":  # the reads above grouped the corpus again: nothing left to find
        res = run_cli("check", "--db", str(db))
        assert res.exit_code == 1 and f"{area}:" in res.stdout, res.output
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    assert run_cli("check", "--db", str(db)).exit_code == 0


@pytest.mark.parametrize("body", [
    "'[1]'",  # JSON, but no object
    "json_set(body, '$.label', 5)",  # a label that is none: report crashed, review lost a flag
    "json_set(body, '$.claims', json('[5]'))",  # a claim id that is a number: check crashed
])
def test_a_grouping_row_that_cannot_be_read_is_a_finding(tmp_path: Path, body: str) -> None:
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, f"UPDATE grouping SET body={body} WHERE kind='group' AND n=0")
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1 and "cannot be read" in res.stdout, res.output
    assert run_cli("check", "--db", str(db), "--repair").exit_code == 0
    assert run_cli("check", "--db", str(db)).exit_code == 0


def test_a_vector_of_the_wrong_length_is_one_line_naming_the_repair(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, "UPDATE vectors SET v=x'00010203' WHERE rowid % 3 = 0")
    for args in (["review", "--list"], ["report", "--db", str(db), "-o", "-"],
                 ["score", DELHI, *HASHING]):
        res = run_cli(*args, *([] if "--db" in args else ["--db", str(db)]))
        assert res.exit_code == 1 and "Traceback" not in res.output, res.output
        assert "check --repair" in res.stderr


def test_verdicts_export_over_the_corpus_is_refused(tmp_path: Path) -> None:
    """``verdicts export --db c.db -o c.db`` replaced the corpus with the verdict log, exit 0."""
    db = tmp_path / "c.db"
    _with_verdicts(db)
    for target in (db, Path(f"{db}-wal"), tmp_path / "link.db"):
        if target.name == "link.db":
            target.symlink_to(db)
        res = run_cli("verdicts", "export", "--db", str(db), "-o", str(target))
        assert res.exit_code == 2 and "over a file this run reads" in res.output
    with Corpus(db) as corpus:
        assert len(corpus) == 3 and len(corpus.verdicts()) == 3


def test_permission_faults_name_the_file_that_is_not_permitted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable corpus was "check that its folder exists and is writable"; -wal and -shm
    files another user's read left behind were "make the file and its folder writable", though
    both were. (Root may read anything, so ``os.access`` stands in for another user here.)"""
    from divergence.corpus import sqlite_guard

    db = tmp_path / "c.db"
    db.write_bytes(b"")
    denied: set[str] = {str(db)}
    monkeypatch.setattr(os, "access", lambda p, mode: str(p) not in denied)
    err = sqlite_guard.storage_error(sqlite3.OperationalError("unable to open database file"), db)
    assert err is not None and "cannot read the file" in str(err)
    for tail in ("-wal", "-shm"):
        Path(f"{db}{tail}").write_bytes(b"")
    denied = {f"{db}-wal", f"{db}-shm"}
    err = sqlite_guard.storage_error(
        sqlite3.OperationalError("attempt to write a readonly database"), db)
    assert err is not None and "c.db-wal and c.db-shm" in str(err) and "another user" in str(err)


@pytest.mark.parametrize("note", ["dim = 128 WHERE rowid = 1", "dim = 'abc'"])
def test_a_wrong_size_note_is_mended_and_a_stray_size_removed(tmp_path: Path, note: str) -> None:
    """A whole vector whose ``dim`` note was wrong cost its article on repair; vectors of two
    sizes made the repair fail after it had dropped the grouping."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, f"UPDATE vectors SET {note}")  # one note wrong; every note no number
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 0 and "mended the size" in res.stdout, res.output
    with Corpus(db) as corpus:
        assert len(corpus) == 3 and corpus.vector_problems() == []
    _raw(db, "UPDATE vectors SET dim = 128, v = substr(v, 1, 512) WHERE rowid = 1")
    res = run_cli("check", "--db", str(db), "--repair")
    assert res.exit_code == 0 and "embedded again 1 incomplete article(s)" in res.stdout
    assert run_cli("check", "--db", str(db)).exit_code == 0


def test_unreadable_body_ranges_are_read_again_from_the_text(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    with Corpus(db) as corpus:
        before = [a.body for a in corpus.articles()]
    assert any(before)
    _raw(db, "UPDATE articles SET body='[[50, 2]]'")  # JSON, but no range
    assert run_cli("check", "--db", str(db), "--repair").exit_code == 0
    with Corpus(db) as corpus:
        assert [a.body for a in corpus.articles()] == before


def test_verdicts_export_with_a_folder_db_blames_the_folder(tmp_path: Path) -> None:
    (tmp_path / "dd").mkdir()
    (tmp_path / "dd" / "v.jsonl").write_text("{}\n")
    res = run_cli("verdicts", "export", "--db", str(tmp_path / "dd"), "-o",
                  str(tmp_path / "dd" / "v.jsonl"))
    assert res.exit_code == 1 and "is a folder" in res.stderr


@pytest.mark.parametrize("damage", [
    "v = substr(v, 1, length(v) / 2) WHERE claim_id IN (SELECT c.id FROM claims c JOIN "
    "articles a ON a.id = c.article_id WHERE a.rowid IN (2, 3))",  # two articles of three cut
    "v = substr(v, 1, length(v) / 2)",  # every vector cut: none tells the size
    "dim = 128",  # every note wrong, every vector whole: none tells the size either
])
def test_vectors_cut_short_are_never_the_reference(tmp_path: Path, damage: str) -> None:
    """A review of the mend: with most vectors cut to half, their size became the corpus's,
    the repair mended their notes and removed the intact articles (and readers gave a numpy
    traceback). The size is now that of vectors whose bytes agree with their note; when no
    vector agrees, nothing is removed and the problem stays, with advice."""
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, f"UPDATE vectors SET {damage}")
    res = run_cli("score", DELHI, "--db", str(db), *HASHING)
    assert res.exit_code == 1 and "Traceback" not in res.output and "check --repair" in res.stderr
    res = run_cli("check", "--db", str(db), "--repair")
    assert "mended" not in res.stdout and "Traceback" not in res.output, res.output
    with Corpus(db) as corpus:
        if "rowid" in damage:  # the articles of the cut vectors are embedded again
            assert res.exit_code == 0 and len(corpus) == 3
            assert corpus.vector_problems() == []
        else:
            assert res.exit_code == 1 and len(corpus) == 3 and "new corpus" in res.stderr


def test_a_vector_stored_as_text_and_a_text_stored_as_bytes_are_findings(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    _raw(db, "UPDATE vectors SET v = CAST(v AS TEXT) WHERE rowid = 1")
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1 and "vectors:" in res.stdout
    assert run_cli("check", "--db", str(db), "--repair").exit_code == 0
    _raw(db, "UPDATE articles SET body = '{bad', text = CAST(text AS BLOB) WHERE rowid = 1")
    res = run_cli("check", "--db", str(db), "--repair")
    assert "Traceback" not in res.output, res.output


def test_a_repair_refuses_a_model_folder_with_other_files_and_says_how_to_mend(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Vectors are made again only by the model files the corpus was embedded with; other
    files are refused by the corpus's own test (``Corpus.check_model``), with the way out that
    fits a repair: ``add`` with --reembed."""
    from divergence.corpus import check
    from divergence.embed import HashingEmbedder

    db = tmp_path / "c.db"
    _add(A, "--db", str(db))
    _raw(db, "INSERT OR REPLACE INTO meta VALUES ('model_files', 'old')")
    emb = HashingEmbedder()
    emb.fingerprint = "new"  # type: ignore[attr-defined]
    monkeypatch.setattr("divergence.embed.embedder_named", lambda *a, **k: emb)
    with Corpus(db) as corpus, pytest.raises(DivergenceError) as err:
        check._embed_again(corpus, corpus.claims()[:1], lambda c: c.text)
    assert "holds other files" in str(err.value) and "add PATHS --reembed" in str(err.value)


@pytest.mark.parametrize(("lost", "vectors_left", "index_lost"),
                         [("tail", False, False), ("tail", True, False), ("all", False, False),
                          ("tail", False, True)])
def test_claims_lost_from_the_end_of_an_article_are_found_and_put_back(
        tmp_path: Path, lost: str, vectors_left: bool, index_lost: bool) -> None:
    """A lost tail of claims (or all of an article's) leaves no gap in the numbers; the saved
    grouping still names them. Before, check found only "claims not stored" in the grouping,
    and the repair regrouped without them, for good (``add`` then skipped the article). Two
    reviews: their vectors, when left behind, are orphans whose removal forgot that grouping;
    with the members index damaged too, the grouping's rows still name them; and every write
    that forgets the grouping (adding, embedding again, saving a regrouping) is refused."""
    db, whole = tmp_path / "c.db", tmp_path / "whole.db"
    _add(A, B, DELHI, "--db", str(db))
    _add(A, B, DELHI, "--db", str(whole))
    victim, last = _raw_row(db, "SELECT article_id, max(n) FROM claims GROUP BY article_id "
                                "ORDER BY article_id LIMIT 1")
    cut = f"n >= {last - 1}" if lost == "tail" else "1"
    gone = f"SELECT id FROM claims WHERE article_id = '{victim}' AND {cut}"
    _raw(db, *([] if vectors_left else [f"DELETE FROM vectors WHERE claim_id IN ({gone})"]),
         *([f"DELETE FROM members WHERE claim_id IN ({gone})"] if index_lost else []),
         f"DELETE FROM claims WHERE article_id = '{victim}' AND {cut}")
    if not index_lost:  # the index is what add and regroup read (one query)
        other = tmp_path / "other.txt"
        other.write_text("Officials said the bridge reopened on Friday after repairs.\n")
        res = run_cli("add", str(other), "--db", str(db), *HASHING[:-1])  # would forget names
        assert res.exit_code == 1, res.output
        assert f"run divergence check --db {db} --repair before adding" in res.stderr
        assert "adding:" not in res.stderr  # refused before any progress
    res = run_cli("check", "--db", str(db))
    assert res.exit_code == 1, res.output
    assert "1 article(s) lost claims or vectors" in res.stdout
    assert "run add again" not in res.stdout  # add refuses until the repair
    res = run_cli("check", "--db", str(db), "--repair", "--rules-only")
    assert res.exit_code == 0, res.output
    assert "split and embedded again 1 incomplete article(s)" in res.stdout
    assert run_cli("check", "--db", str(db)).exit_code == 0
    with Corpus(db) as corpus, Corpus(whole) as fresh:
        assert {c.id: c for c in corpus.claims()} == {c.id: c for c in fresh.claims()}


def test_dropping_orphan_vectors_alone_keeps_the_grouping(tmp_path: Path) -> None:
    """Vectors whose claim is gone change no claim: the saved grouping still fits (and still
    names any lost claims, the only trace of them, should the repair fail later). Orphan
    claims, which it does not fit, still make it go."""
    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    _raw(db, "INSERT INTO vectors SELECT 'nobody:0', dim, v FROM vectors LIMIT 1")
    with Corpus(db) as corpus:
        assert corpus.drop_orphans() == 1 and corpus.has_grouping()
    _raw(db, "INSERT INTO claims SELECT 'nobody:0', 'nobody', n, text, start, \"end\", "
             "speaker, stance, cue, proposition FROM claims LIMIT 1")
    with Corpus(db) as corpus:
        assert corpus.drop_orphans() == 1 and not corpus.has_grouping()


def test_no_regrouping_is_saved_over_claims_lost_to_damage(tmp_path: Path) -> None:
    """Saving a regrouping forgets the names of lost claims, their only trace: it waits for
    the repair (as adding and embedding again do), and says so in one line."""
    from divergence.corpus.ops import ensure_model, regroup_corpus
    from divergence.embed import HashingEmbedder
    from divergence.judge import make_judge

    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    _raw(db, "DELETE FROM vectors WHERE claim_id = (SELECT max(id) FROM claims)",
         "DELETE FROM claims WHERE id = (SELECT max(id) FROM claims)")
    with Corpus(db) as corpus:
        with pytest.raises(DivergenceError, match="--repair before regrouping"):
            regroup_corpus(corpus, make_judge("rules"))
        with pytest.raises(DivergenceError, match="--repair before embedding again"):
            ensure_model(corpus, HashingEmbedder(dim=128), reembed=True)
        assert corpus.has_grouping()


@pytest.mark.parametrize("judge", [[], ["--rules-only"]])
def test_a_report_from_a_damaged_corpus_names_the_loss_and_keeps_its_trace(
        tmp_path: Path, judge: list[str]) -> None:
    """Old code: ``report --db`` with another judge than the saved grouping's regrouped
    without the lost claims and saved that, erasing their only trace (check then saw an
    orphan vector, not a lost claim); with the same judge it showed the saved grouping, whose
    groups name the lost claims (a conflict with one side); and no report said anything."""
    db = tmp_path / "my corpus.db"
    _add(A, B, "--db", str(db))
    victim = _raw_row(db, "SELECT article_id FROM claims WHERE id = (SELECT max(id) FROM claims)")
    _raw(db, "DELETE FROM claims WHERE id = (SELECT max(id) FROM claims)")
    res = run_cli("report", "--db", str(db), *judge, "-q", "--format", "json",
                  "-o", str(tmp_path / "r"))
    assert res.exit_code == 0, res.output
    assert f"divergence check --db '{db}' --repair" in res.stderr  # quoted: it can be pasted
    doc = json.loads((tmp_path / "r.json").read_text("utf-8"))
    stored = {c["id"] for c in doc["claims"]}
    assert all(set(g["claims"]) <= stored for g in doc["groups"])
    with Corpus(db) as corpus:
        path = next(a.path for a in corpus.articles() if a.id == victim[0])
        assert corpus.claims_lost() == {victim[0]}  # the saved grouping still names them
    assert [s["where"] for s in doc["skipped"]] == [path]
    res = run_cli("report", "--db", str(db), *judge, "-q", "--strict", "--format", "json",
                  "-o", str(tmp_path / "strict"))
    assert res.exit_code == 1 and "lost claims and --strict is set" in res.stderr
    assert not (tmp_path / "strict.json").exists()
    assert run_cli("check", "--db", str(db), "--repair", "--rules-only").exit_code == 0
    res = run_cli("report", "--db", str(db), *judge, "-q", "--strict", "--format", "json",
                  "-o", str(tmp_path / "r2"))
    assert res.exit_code == 0 and "lost" not in res.stderr


def test_many_articles_that_lost_claims_are_warned_about_in_a_few_lines(
        capsys: pytest.CaptureFixture[str]) -> None:
    """One line per damaged article could bury the output; three are named, then a count."""
    from divergence.cli.report import _warn_lost
    from divergence.records import Skip

    _warn_lost([Skip(f"a{i}.txt", "claims lost") for i in range(5)], strict=False)
    assert capsys.readouterr().err.splitlines() == [
        "divergence: warning: a0.txt: claims lost", "divergence: warning: a1.txt: claims lost",
        "divergence: warning: a2.txt: claims lost",
        "divergence: warning: … and 2 more article(s) that lost claims"]


def test_score_over_lost_claims_warns_and_with_add_refuses_before_scoring(
        tmp_path: Path) -> None:
    """Old code scored a damaged corpus without a word, and with --add printed the score,
    then failed the add (exit 1, hiding --fail-on-conflict's 3): half of what was asked."""
    db = tmp_path / "c.db"
    _add(A, B, "--db", str(db))
    _raw(db, "DELETE FROM claims WHERE id = (SELECT max(id) FROM claims)")
    res = run_cli("score", DELHI, "--db", str(db), "--format", "json", *HASHING)
    assert res.exit_code == 0, res.output
    assert "1 stored article(s) lost claims to damage, which the score cannot see" in res.stderr
    assert json.loads(res.stdout)  # the score itself is still shown
    res = run_cli("score", DELHI, "--db", str(db), "--add", "--fail-on-conflict", *HASHING)
    assert res.exit_code == 1 and res.stdout == ""  # refused before any score is printed
    assert f"run divergence check --db {db} --repair before adding" in res.stderr


def test_check_reads_the_whole_file_once_and_still_finds_orphan_rows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's integrity check reads every page: ``check`` runs it once (it ran twice, the
    second time only for the rows that point at a missing row, which the foreign-key check
    alone finds), and those rows are still found and removed."""
    from divergence.corpus.check import check_corpus

    db = tmp_path / "c.db"
    _add(A, B, DELHI, "--db", str(db))
    con = sqlite3.connect(db)
    article = con.execute("SELECT article_id FROM claims LIMIT 1").fetchone()[0]
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("DELETE FROM articles WHERE id=?", (article,))
    con.commit()
    con.close()
    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kw: object) -> sqlite3.Connection:
        con = connect(*args, **kw)  # type: ignore[arg-type]
        con.set_trace_callback(seen.append)
        return con

    monkeypatch.setattr(sqlite3, "connect", traced)
    res = check_corpus(db)
    assert sum("integrity_check" in s for s in seen) == 1
    assert any("of claims point at a missing article" in f.problem for f in res.findings)
    monkeypatch.undo()
    res = run_cli("check", "--db", str(db), "--repair")
    assert "removed" in res.stdout and run_cli("check", "--db", str(db)).exit_code == 0


def test_an_empty_database_is_an_unfinished_corpus_not_a_foreign_file(tmp_path: Path) -> None:
    """Old code called the empty file a first add left on a full disk "not a divergence corpus
    ... move the file away", though running the add again makes it."""
    empty, other = tmp_path / "empty.db", tmp_path / "other.db"
    for db, sql in ((empty, "PRAGMA user_version=0"), (other, "CREATE TABLE notes (body TEXT)")):
        con = sqlite3.connect(db)
        con.execute(sql)
        con.commit()
        con.close()
    res = run_cli("check", "--db", str(empty))
    assert res.exit_code == 1 and "holds no corpus yet" in res.stderr
    assert "divergence add" in res.stderr and "move the file away" not in res.stderr
    res = run_cli("check", "--db", str(other))
    assert res.exit_code == 1 and "is not a divergence corpus" in res.stderr
    _add(A, "--db", str(empty))  # the add makes it
    assert run_cli("check", "--db", str(empty)).exit_code == 0
