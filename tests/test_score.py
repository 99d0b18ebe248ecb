"""Scoring a new article against a stored corpus: index, scores, CLI formats, gates, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from divergence.corpus.ops import add_articles
from divergence.corpus.score import INDEXES, ExactIndex, score
from divergence.corpus.store import Corpus
from divergence.embed import HashingEmbedder
from divergence.errors import DivergenceError
from divergence.ingest.io import load
from divergence.judge import Judge
from divergence.judge.trust import scale

from .conftest import run_cli

DATA = Path(__file__).parent / "data"
A, B = str(DATA / "agree_a.txt"), str(DATA / "agree_b.txt")
FAST = ("--embedder", "hashing", "--no-cache")


_run = run_cli


@pytest.fixture(autouse=True)
def _in_tmp(in_tmp: Path) -> None:
    """Every test here runs in its own temp folder."""


def test_exact_index() -> None:
    v = np.eye(4, dtype=np.float32)
    q = np.array([[0.9, 0.1, 0, 0], [0, 0, 0.2, 0.8]], dtype=np.float32)
    ids, sims = INDEXES.make("exact").fit(v).search(q, 2)
    assert ids.tolist() == [[0, 1], [3, 2]]
    assert np.allclose(sims, [[0.9, 0.1], [0.8, 0.2]])
    ids, _ = ExactIndex().fit(v).search(q, 10)  # k larger than the corpus
    assert ids.shape == (2, 4)
    ids, sims = ExactIndex().fit(np.zeros((0, 4), np.float32)).search(q, 3)
    assert ids.shape == (2, 0)
    with pytest.raises(DivergenceError, match="available: exact, hnsw"):
        INDEXES.make("annoy")


def test_score_library_fast(tmp_path: Path) -> None:
    arts, _ = load([A, B])
    emb = HashingEmbedder()
    with Corpus(tmp_path / "c.db") as corpus:
        add_articles(corpus, arts[:1], emb)
        res = score(arts[1], corpus, emb, Judge(), k=2)
        assert len(res.claims) == 3
        for cs in res.claims:
            assert 1 <= len(cs.neighbours) <= 2
            assert all(n.claim.article_id == arts[0].id for n in cs.neighbours)
            assert 0 <= cs.novelty <= 1 and 0 <= cs.support <= 1
        assert 0 <= res.novel_share <= 1
        # Scoring an article that is already stored does not match it against itself.
        again = score(arts[0], corpus, emb, Judge(), k=2)
        assert all(not cs.neighbours for cs in again.claims)
        assert again.novel_share == 1.0


def test_score_cli_json_and_add() -> None:
    assert _run("add", A, "--db", "c.db", *FAST, "-q").exit_code == 0
    result = _run("score", B, "--db", "c.db", *FAST, "--format", "json", "--top", "2", "--add")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == "divergence.corpus.score/1"
    assert len(doc["claims"]) == 3 and all(len(c["neighbours"]) <= 2 for c in doc["claims"])
    assert {"support", "contradiction", "novelty"} <= set(doc["claims"][0])
    with Corpus("c.db") as corpus:
        assert len(corpus) == 2


def test_score_errors(tmp_path: Path) -> None:
    result = _run("score", B, "--db", "missing.db", *FAST)
    assert result.exit_code == 1 and "missing.db: no corpus database" in result.output
    assert _run("add", A, "--db", "c.db", *FAST, "-q").exit_code == 0
    (tmp_path / "empty.txt").write_text("  \n")
    result = _run("score", "empty.txt", "--db", "c.db", *FAST)
    assert result.exit_code == 1 and "cannot score empty.txt: empty file" in result.output
    result = _run("score", "nothere.txt", "--db", "c.db", *FAST)
    assert result.exit_code == 1 and "nothere.txt: no such file" in result.output
    (tmp_path / "bad.db").write_bytes(b"\x00garbage" * 200)
    result = _run("score", B, "--db", "bad.db", *FAST)
    assert result.exit_code == 1 and "is not a divergence corpus" in result.output
    result = _run("score", B, "--db", "c.db")  # the corpus holds hashing vectors
    assert result.exit_code == 1 and "embedded with hashing:256" in result.output
    assert "Traceback" not in result.output


def test_help_documents_the_gate() -> None:
    out = _run("score", "--help").output
    assert "--fail-on-conflict" in out and "3 a conflict was found" in out


@pytest.mark.slow
def test_score_finds_the_conflict_and_the_support(real_embedder: object) -> None:
    arts, _ = load([A, B])
    with Corpus("c.db") as corpus:
        add_articles(corpus, arts[:1], real_embedder)  # type: ignore[arg-type]
        from divergence.judge.model import shipped

        judge = Judge(classifier=shipped(real_embedder.name))  # type: ignore[attr-defined]
        res = score(arts[1], corpus, real_embedder, judge)  # type: ignore[arg-type]
    budget = next(cs for cs in res.claims if "budget" in cs.claim.text)
    ferry = next(cs for cs in res.claims if "ferry" in cs.claim.text)
    assert budget.support >= 0.5 and budget.contradiction == 0
    assert ferry.contradiction >= 0.5
    assert any(n.label == "conflict" and "ferry" in n.claim.text for n in ferry.neighbours)
    [(new, old)] = res.conflicts
    assert "autumn" in new.text and "spring" in old.claim.text
    assert any(r.type == "date" for r in old.reasons)
    assert 0 < res.novel_share < 1


@pytest.mark.slow
def test_fail_on_conflict_exit_code() -> None:
    assert _run("add", A, "--db", "c.db", "-q").exit_code == 0
    result = _run("score", B, "--db", "c.db", "--fail-on-conflict")
    assert result.exit_code == 3, result.output
    assert "## Conflicts" in result.stdout and "date" in result.stdout
    result = _run("score", B, "--db", "c.db")
    assert result.exit_code == 0


def _score_json(path: str, *extra: str) -> tuple[int, dict]:
    result = _run("score", path, "--db", "c.db", *FAST, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def test_score_respects_verdicts_and_calibration(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A new article repeating B's side of the reviewed A-vs-B dispute carries its verdict."""
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    assert _run("add", A, B, "--db", "c.db", *FAST, "-q").exit_code == 0
    (tmp_path / "c.txt").write_text(Path(B).read_text(encoding="utf-8") + "\nMore later.\n",
                                    encoding="utf-8")
    code, doc = _score_json("c.txt", "--fail-on-conflict")
    assert code == 3
    spring = [c for c in doc["conflicts"] if "spring" in c["other_text"]]
    assert spring and all(c["flagged"] and c["verdict"] is None for c in spring)
    listed = json.loads(_run("review", "--list", "--db", "c.db", "--format", "json").stdout)
    gid = listed[0]["id"]
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db").exit_code == 0
    code, doc = _score_json("c.txt", "--fail-on-conflict")
    spring = [c for c in doc["conflicts"] if "spring" in c["other_text"]]
    assert spring and all(not c["flagged"] and c["group"] == gid
                          and c["verdict"]["decision"] == "dismiss" for c in spring)
    assert code == (3 if any(c["flagged"] for c in doc["conflicts"]) else 0)
    md = _run("score", "c.txt", "--db", "c.db", *FAST).stdout
    assert "## Set aside" in md and f"reviewed: dismiss by alice (group `{gid}`)" in md
    assert _run("review", "--decide", gid, "confirm", "--db", "c.db").exit_code == 0
    code, doc = _score_json("c.txt", "--fail-on-conflict")
    assert code == 3 and any(c["verdict"] and c["verdict"]["decision"] == "confirm"
                             and c["flagged"] for c in doc["conflicts"])


def test_score_mutes_conflicts_under_the_calibrated_threshold(tmp_path: Path) -> None:
    assert _run("add", A, "--db", "c.db", *FAST, "-q").exit_code == 0
    code, doc = _score_json(B, "--fail-on-conflict")
    assert code == 3 and doc["conflicts"]
    with Corpus("c.db", create=False) as corpus:
        corpus.save_calibration({"threshold": 0.99, "model": corpus.model, "scale": scale()})
    code, doc = _score_json(B, "--fail-on-conflict")
    assert code == 0 and all(c["muted"] and not c["flagged"] for c in doc["conflicts"])


def test_a_new_contradiction_does_not_inherit_an_old_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dismissing spring-vs-autumn must not hide a new 9-vs-5-million conflict (review finding)."""
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    text = ("source: {src}\n\nThe new ferry terminal will open {when} and will cost {n} million "
            "dollars.\n")
    for name, src, when, n in (("a", "A Times", "next spring", 5),
                               ("b", "B Post", "in the autumn", 5),
                               ("c", "C Daily", "next spring", 9)):
        (tmp_path / f"{name}.txt").write_text(text.format(src=src, when=when, n=n), "utf-8")
    assert _run("add", "a.txt", "b.txt", "--db", "c.db", *FAST, "-q").exit_code == 0
    listed = json.loads(_run("review", "--list", "--db", "c.db", "--format", "json").stdout)
    (gid,) = [g["id"] for g in listed]
    assert _run("review", "--decide", gid, "dismiss", "--db", "c.db").exit_code == 0
    code, doc = _score_json("c.txt", "--fail-on-conflict")
    numbers = [c for c in doc["conflicts"]
               if any(r["type"] == "number" for r in c["reasons"])]
    assert numbers and all(c["flagged"] and c["verdict"] is None for c in numbers)
    assert code == 3


def test_far_neighbours_that_share_a_frame_are_judged_too() -> None:
    """Beyond the k closest, stored claims that count the same kind of thing are kept, however
    far down the list (above the cosine floor); others are not."""
    import numpy as np

    from divergence.corpus.score import FRAME_NEIGHBOURS, _with_frames
    from divergence.ingest.split import claim_from_text

    new = claim_from_text("The blast killed 31 people in Karachi.", "n:0")
    toll = claim_from_text("Officials put the death toll at 12.", "s:0")
    other = claim_from_text("The talks resumed in Doha.", "s:1")
    v = np.zeros(4, dtype=np.float32)
    hits = [(other, v, 0.9)] * 5 + [(other, v, 0.5)] * 100 + [(toll, v, 0.3), (toll, v, 0.1)]
    assert len(hits) < FRAME_NEIGHBOURS
    (kept,) = _with_frames([new], [hits], k=5)
    assert kept[:5] == hits[:5] and kept[5:] == [(toll, v, 0.3)]  # rank 106 kept; 0.1 below floor


def test_far_frame_neighbours_count_only_inside_the_articles_story() -> None:
    import numpy as np

    from divergence.corpus.score import _in_story, _with_frames
    from divergence.ingest.split import claim_from_text

    new = claim_from_text("The blast killed 31 people in Karachi.", "n:0")
    here = claim_from_text("Officials put the Karachi death toll at 12.", "s:0")
    there = claim_from_text("The attack in Ankara killed 47 people.", "t:0")
    other = claim_from_text("The talks resumed in Doha.", "s:1")
    v = np.zeros(4, dtype=np.float32)
    hits = [(other, v, 0.9)] * 5 + [(there, v, 0.45), (here, v, 0.3)]
    event_of = {other.id: "e-karachi", here.id: "e-karachi", there.id: "e-ankara"}
    (kept,) = _in_story(_with_frames([new], [hits], k=5), 5, event_of, 0.5)
    assert kept[5:] == [(here, v, 0.3)]
    assert _in_story([hits], 5, {}, 0.5) == [hits]  # no stored events: nothing to go by


# One dispute in three outlets: a (Qatar brokered it) conflicts with b (no one did) and agrees
# with c (Doha mediated it); the judge below says so and reads b / c as neither.
TRUCE = {"a": "Qatar brokered the truce in Gaza on Friday.",
         "b": "The sides reached the truce in Gaza on Friday directly.",
         "c": "Doha mediated the truce in Gaza on Friday."}


def _score_truce(tmp_path: Path, stored: str, new: str, k: int) -> tuple[dict[str, Any], Any]:
    """Score the outlet ``new`` against a corpus of the outlets ``stored`` (keys of ``TRUCE``),
    regrouped, under the scripted judge: the flagged neighbours by their text, and the score."""
    from divergence.corpus.ops import regroup_corpus
    from divergence.ingest.io import make_article
    from divergence.records import Judgement

    class Scripted(Judge):
        def judge_pairs(self, left, right, sims, va=None, vb=None):  # noqa: ANN001, ANN201
            def label(x: str, y: str) -> str:
                pair = {x, y}
                return ("conflict" if pair == {TRUCE["a"], TRUCE["b"]} else
                        "agree" if pair == {TRUCE["a"], TRUCE["c"]} else "neither")
            return [Judgement(label(a.text, b.text), 0.9, (), float(s))  # type: ignore[arg-type]
                    for a, b, s in zip(left, right, sims, strict=True)]

    arts = {key: make_article(TRUCE[key], f"{key}.txt", source=key.upper()) for key in TRUCE}
    emb, judge = HashingEmbedder(), Scripted()
    with Corpus(tmp_path / "c.db") as corpus:
        add_articles(corpus, [arts[key] for key in stored], emb)
        assert regroup_corpus(corpus, judge)
        res = score(arts[new], corpus, emb, judge, k=k)
    return {n.claim.text: n for _, n in res.flagged}, res


def test_a_new_claim_that_says_what_one_side_says_conflicts_with_the_other(tmp_path: Path) -> None:
    """Scoring takes a dispute's sides as ``report`` does: a new claim that agrees with one side
    of a stored conflict is flagged against the other side, though no detector links the two."""
    flagged, res = _score_truce(tmp_path, "ab", "c", k=1)
    assert set(flagged) == {TRUCE["b"]}
    assert flagged[TRUCE["b"]].reasons[0].type == "position"
    detail = flagged[TRUCE["b"]].reasons[0].detail  # the claims quoted, never their ids
    assert detail.startswith("says what “") and ":0" not in detail
    assert "a" not in {n.claim.article_id for _, n in res.conflicts}


def test_a_new_claim_against_one_outlet_conflicts_with_those_saying_it_too(tmp_path: Path
                                                                         ) -> None:
    """A new claim that conflicts with a stored claim conflicts with the outlets that say the same
    in other words (its stored agree group), though the judge reads that pair as neither, as
    ``report`` puts them on one side of the dispute."""
    flagged, _ = _score_truce(tmp_path, "ac", "b", k=2)
    assert set(flagged) == {TRUCE["a"], TRUCE["c"]}
    side = flagged[TRUCE["c"]].reasons[0]
    assert side.type == "position" and side.detail.startswith("conflicts with “Qatar")


def test_an_article_with_no_claims_is_said_not_a_traceback() -> None:
    """Old code: ``add`` and ``score`` of an article that gives no claims (not English, or only
    fragments) raised a numpy ValueError from reshaping an empty array; ``report`` was silent."""
    Path("ru.txt").write_text("Москва заявила, что перемирие было нарушено в понедельник.\n",
                              encoding="utf-8")
    added = _run("add", "ru.txt", A, "--db", "c.db", *FAST)
    assert added.exit_code == 0, added.output
    assert "ru.txt: no claims read" in added.stderr
    with Corpus("c.db") as corpus:
        assert len(corpus) == 2
    alone = _run("add", "ru.txt", "--db", "d.db", *FAST, "-q")
    assert alone.exit_code == 0 and "no claims read" in alone.stderr
    scored = _run("score", "ru.txt", "--db", "c.db", *FAST, "--format", "json")
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["claims"] == []
    assert "ru.txt: no claims read" in scored.stderr
    reported = _run("report", "ru.txt", A, "-o", "r", "--format", "json", *FAST)
    assert reported.exit_code == 0, reported.output
    assert "ru.txt: no claims read" in reported.stderr and "agree_a.txt" not in reported.stderr


def test_add_and_score_take_the_article_size_limit_they_advise(monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """Old code: the skip message said "raise it with --max-article-size N", which add and
    score refused (No such option)."""
    monkeypatch.delenv("DIVERGENCE_MAX_ARTICLE_SIZE", raising=False)
    res = _run("add", A, "--db", "c.db", *FAST, "-q", "--max-article-size", "50")
    assert res.exit_code == 1, res.output
    assert "over the limit of 50" in res.stderr and "--max-article-size N" in res.stderr
    assert _run("add", A, "--db", "c.db", *FAST, "-q",
                "--max-article-size", "6000000").exit_code == 0
    res = _run("score", B, "--db", "c.db", *FAST, "--max-article-size", "50")
    assert res.exit_code == 1 and "over the limit of 50" in res.stderr, res.output
    assert _run("score", B, "--db", "c.db", *FAST, "--max-article-size", "6000000"
                ).exit_code == 0
    assert "DIVERGENCE_MAX_ARTICLE_SIZE" not in os.environ  # restored after the run


def test_a_page_that_repeats_itself_is_judged_once_per_distinct_pair(tmp_path: Path) -> None:
    """A scraped page repeating one paragraph gave the judge the same pairs again and again;
    each distinct pair is read once, and every copy still gets its verdict."""
    from divergence.ingest.io import make_article

    class Counting(Judge):
        def __init__(self) -> None:
            super().__init__()
            self.read = 0

        def judge_pairs(self, left, right, sims, va=None, vb=None):  # type: ignore[no-untyped-def]
            self.read += len(left)
            return super().judge_pairs(left, right, sims, va, vb)

    arts, _ = load([A])
    para = ("The council approved the harbour budget on Friday after a long debate. "
            "The new terminal will open next spring with forty berths.")
    page = make_article("\n\n".join([para] * 20), path="page.txt", source="Scraper")
    emb = HashingEmbedder()
    with Corpus(tmp_path / "c.db") as corpus:
        add_articles(corpus, arts, emb)
        judge = Counting()
        res = score(page, corpus, emb, judge, k=2)
    assert len(res.claims) == 40
    judged = sum(len(cs.neighbours) for cs in res.claims)
    assert judged == 40 * 2 and judge.read <= judged // 20
