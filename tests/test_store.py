"""The corpus database: round trips, incremental adds, refusals, bad files, a killed add."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from divergence.corpus.ops import add_articles, corpus_report
from divergence.corpus.store import Corpus
from divergence.embed import HashingEmbedder
from divergence.errors import DivergenceError
from divergence.ingest.io import load
from divergence.ingest.split import split
from divergence.judge import Judge
from divergence.records import ClaimGroup, Event, Reason, Span, Verdict

from .conftest import run_cli

DATA = Path(__file__).parent / "data"
A, B = str(DATA / "agree_a.txt"), str(DATA / "agree_b.txt")


_run = run_cli


@pytest.fixture(autouse=True)
def _in_tmp(in_tmp: Path) -> None:
    """Every test here runs in its own temp folder."""


def _stored(db: Path) -> Corpus:
    corpus = Corpus(db)
    arts, _ = load([A, B])
    add_articles(corpus, arts, HashingEmbedder())
    return corpus


def test_round_trip(tmp_path: Path) -> None:
    arts, _ = load([A, B])
    claims = [c for a in arts for c in split(a)]
    vecs = np.random.default_rng(0).random((len(claims), 8), dtype=np.float32)
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.model is None and len(corpus) == 0
        assert corpus.add(arts, claims, vecs, "m", batch=1) == 2
    with Corpus(tmp_path / "c.db", create=False) as corpus:
        assert corpus.articles() == arts
        assert corpus.claims() == claims
        assert np.array_equal(corpus.vectors(), vecs)
        assert corpus.model == "m" and corpus.has(arts[0].id) and not corpus.has("nope")


def test_grouping_round_trip(tmp_path: Path) -> None:
    span = Span("a:0", 0, 3, "abc")
    group = ClaimGroup("g1", "conflict", 0.8, ("a:0", "b:0"), ("A", "B"),
                       (Reason("date", "x vs y", ("a:0", "b:0"), (span,), 0.9),), ("e1",),
                       Verdict("confirm", "me", "2024-01-01", None))
    event = Event("e1", "label", ("a:0", "b:0"), ("a", "b"), ("g1",))
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.load_grouping() is None
        corpus.save_grouping([event], [group])
        assert corpus.load_grouping() == ([event], [group])


def test_reads_by_claim_without_loading_everything(tmp_path: Path) -> None:
    """Scoring reads neighbours alone: claims and vectors by row, voices, events and groups."""
    with _stored(tmp_path / "c.db") as corpus:
        claims, vectors = corpus.claims(), corpus.vectors()
        rows, again = corpus.rows()
        assert np.array_equal(again, vectors) and len(rows) == len(claims) == corpus.n_claims()
        found = corpus.claims_at([int(rows[1]), int(rows[-1]), int(rows[1])])
        assert [found[int(r)][0] for r in (rows[1], rows[-1])] == [claims[1], claims[-1]]
        assert np.array_equal(found[int(rows[-1])][1], vectors[-1])
        assert corpus.n_claims(claims[0].article_id) == 3
        assert corpus.voices([claims[0].article_id, "nope"]) == {
            claims[0].article_id: "Harbour Gazette"}
        assert set(corpus.vectors_of([claims[2].id, "nope"])) == {claims[2].id}
        assert corpus.grouping_of([claims[0].id]) == ({}, {})
        assert not corpus.has_grouping()
        corpus_report(corpus, Judge())
        assert corpus.has_grouping()
        events, groups = corpus.load_grouping() or ([], [])
        ev, gs = corpus.grouping_of([c.id for c in claims])
        for c in claims:
            assert ev[c.id] == next(e for e in events if c.id in e.claims)
            assert gs.get(c.id, []) == [g for g in groups if c.id in g.claims]
        before = corpus.generation
    con = sqlite3.connect(tmp_path / "c.db")  # a corpus from before the members table
    con.execute("DROP TABLE members")
    con.commit()
    con.close()
    with Corpus(tmp_path / "c.db", create=False) as corpus:
        assert corpus.grouping_of([c.id for c in claims]) == (ev, gs)
        corpus.replace_vectors(vectors, "hashing:256")
        assert corpus.generation != before and corpus.grouping_of([claims[0].id]) == ({}, {})


def test_readding_skips_and_counts(tmp_path: Path) -> None:
    with _stored(tmp_path / "c.db") as corpus:
        arts, _ = load([A, B])
        res = add_articles(corpus, arts, HashingEmbedder())
        assert (res.added, res.present) == (0, 2)
        assert len(corpus) == 2
    result = _run("add", A, "--db", "c.db", "--embedder", "hashing", "--no-cache", "-q")
    assert result.exit_code == 0
    assert "1 article(s) already in the corpus; skipped" in result.output


def test_other_model_is_refused(tmp_path: Path) -> None:
    with _stored(tmp_path / "c.db") as corpus:
        arts, _ = load([A])
        claims = split(arts[0])
        with pytest.raises(DivergenceError, match="embedded with hashing:256"):
            corpus.add(arts, claims, np.zeros((len(claims), 4), np.float32), "other")
    result = _run("add", str(DATA / "inputs" / "delhi.txt"), "--db", "c.db",
                  "--embedder", "hashing", "--no-cache")
    assert result.exit_code == 0
    with Corpus("c.db") as corpus:
        old = corpus.vectors()
    # hashing:256 vs a stand-in model name: refused unless --reembed
    with Corpus("c.db") as corpus:
        corpus._db.execute("UPDATE meta SET value='st:other' WHERE key='model'")
        corpus._db.commit()
    result = _run("add", B, "--db", "c.db", "--embedder", "hashing", "--no-cache", "-q")
    assert result.exit_code == 1
    assert "embedded with st:other" in result.output and "--reembed" in result.output
    assert "Traceback" not in result.output
    result = _run("add", B, "--db", "c.db", "--embedder", "hashing", "--no-cache", "-q",
                  "--reembed")
    assert result.exit_code == 0, result.output
    with Corpus("c.db") as corpus:
        assert corpus.model == "hashing:256"
        assert np.allclose(corpus.vectors(), old)


def test_missing_and_corrupt_files(tmp_path: Path) -> None:
    with pytest.raises(DivergenceError, match="nope.db: no corpus database"):
        Corpus(tmp_path / "nope.db", create=False)
    (tmp_path / "bad.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(DivergenceError, match="is not a divergence corpus"):
        Corpus(tmp_path / "bad.db")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    with pytest.raises(DivergenceError, match="other.db: is not a divergence corpus"):
        Corpus(tmp_path / "other.db")
    result = _run("report", "--db", str(tmp_path / "bad.db"), "-q")
    assert result.exit_code == 1 and "is not a divergence corpus" in result.output


def test_default_db_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("add", A, "--embedder", "hashing", "--no-cache", "-q")
    assert _run(*args).exit_code == 0
    assert (tmp_path / ".divergence" / "corpus.db").is_file()
    monkeypatch.setenv("DIVERGENCE_DB", str(tmp_path / "env.db"))
    assert _run(*args).exit_code == 0
    assert (tmp_path / "env.db").is_file()
    assert _run(*args, "--db", "flag.db").exit_code == 0
    assert (tmp_path / "flag.db").is_file()


def test_report_from_db_embeds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run("add", A, B, "--db", "c.db", "--embedder", "hashing", "--no-cache",
                "-q").exit_code == 0

    def boom(*_: object, **__: object) -> None:
        raise AssertionError("report --db must not embed")

    monkeypatch.setattr("divergence.embed.HashingEmbedder.encode", boom)
    monkeypatch.setattr("divergence.embed.SentenceTransformerEmbedder.encode", boom)
    monkeypatch.setattr("divergence.embed.SentenceTransformerEmbedder._load", boom)
    result = _run("report", "--db", "c.db", "-o", "out/r", "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "r.json").is_file()
    with Corpus("c.db") as corpus:  # also without a stored grouping: regrouped from vectors
        corpus._db.execute("DELETE FROM grouping")
        corpus._db.commit()
        rep = corpus_report(corpus, Judge())
        assert len(rep.articles) == 2 and rep.claims and corpus.load_grouping() is not None


def test_report_needs_paths_or_db() -> None:
    assert _run("report").exit_code == 2
    assert _run("report", A, "--db", "c.db").exit_code == 2


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"source: Outlet {i % 7}\n\nThe council of town {i} met on day {i}. "
            f"It approved {i} new benches for the park. Residents of district {i} welcomed "
            f"the plan. The mayor said work on site {i} starts soon.\n")


def _check_consistent(db: Path) -> int:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = con.execute("SELECT count(*) FROM claims c LEFT JOIN articles a "
                          "ON a.id = c.article_id WHERE a.id IS NULL").fetchone()[0]
    no_vec = con.execute("SELECT count(*) FROM claims c LEFT JOIN vectors v "
                         "ON v.claim_id = c.id WHERE v.claim_id IS NULL").fetchone()[0]
    assert orphans == 0 and no_vec == 0
    # Whole articles: every stored article has every claim the splitter makes of it.
    with Corpus(db, create=False) as corpus:
        stored = {a.id: [c for c in corpus.claims() if c.article_id == a.id]
                  for a in corpus.articles()}
        for a in corpus.articles():
            assert stored[a.id] == split(a)
        n = len(corpus)
    con.close()
    return n


def test_killed_add_leaves_a_consistent_db(tmp_path: Path) -> None:
    total = 120
    _articles(tmp_path / "in", total)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "divergence.cli", "add", str(tmp_path / "in"), "--db", str(db),
           "--embedder", "hashing", "--no-cache", "--batch", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                seen = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.Error:
                seen = 0
            if seen >= 1:
                break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert seen >= 1 or db.exists(), proc.stderr.read().decode() if proc.stderr else ""
    partial = _check_consistent(db)
    print("stored before the kill:", partial)
    assert 1 <= partial <= total
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _check_consistent(db) == total
    with Corpus(db) as corpus:
        assert corpus.load_grouping() is not None


def test_a_model_retrained_in_its_folder_is_noticed_by_the_corpus(tmp_path: Path) -> None:
    """Old code checked the stored model by name only: vectors of a local model retrained in
    place were mixed with the old ones on add and score."""
    from divergence.corpus.ops import ensure_model

    emb = HashingEmbedder()
    emb.fingerprint = "one"  # type: ignore[attr-defined] - as a local folder's model has
    (a,), _ = load([A])
    (b,), _ = load([B])
    with Corpus(tmp_path / "c.db") as corpus:
        add_articles(corpus, [a], emb)
        assert corpus.model_files == "one"
        emb.fingerprint = "two"  # type: ignore[attr-defined]
        with pytest.raises(DivergenceError, match="holds other files"):
            add_articles(corpus, [b], emb)
        assert ensure_model(corpus, emb, reembed=True)  # re-embedded, and now the new files
        assert corpus.model_files == "two"
        assert add_articles(corpus, [b], emb).added == 1
        plain = HashingEmbedder()  # a name, no folder: nothing to compare, as before
        assert add_articles(corpus, [a, b], plain).added == 0
