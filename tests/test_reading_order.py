"""A report is a function of its articles, not of the order they are named in."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from divergence.pipeline import in_reading_order
from divergence.records import Article, Claim

from .conftest import DATA, run_cli


def _claim(article: str, start: int) -> Claim:
    return Claim(id=f"{article}:{start}", article_id=article, text="The port reopened.",
                 start=start, end=start + 18)


def _article(id_: str, path: str) -> Article:
    return Article(id=id_, path=path, text="", source=id_)


def test_claims_are_read_by_article_path_then_place_with_their_vectors() -> None:
    articles = [_article("h1", "news/b.txt"), _article("h2", "news/a.txt")]
    claims = [_claim("h1", 0), _claim("h1", 40), _claim("h2", 20), _claim("h2", 0)]
    vectors = np.arange(8, dtype=np.float32).reshape(4, 2)
    got, rows = in_reading_order(articles, claims, vectors)
    assert [c.id for c in got] == ["h2:0", "h2:20", "h1:0", "h1:40"]
    assert rows.tolist() == [[6.0, 7.0], [4.0, 5.0], [0.0, 1.0], [2.0, 3.0]]


def test_records_of_a_jsonl_file_are_read_in_line_order() -> None:
    articles = [_article("x", "in.jsonl:10"), _article("y", "in.jsonl:9")]
    claims = [_claim("x", 0), _claim("y", 0)]
    got, _ = in_reading_order(articles, claims, np.eye(2, dtype=np.float32))
    assert [c.article_id for c in got] == ["y", "x"]


def test_claims_already_in_reading_order_keep_their_vectors_uncopied() -> None:
    articles = [_article("h2", "a.txt"), _article("h1", "b.txt")]
    claims = [_claim("h2", 0), _claim("h2", 20), _claim("h1", 0)]
    vectors = np.ones((3, 2), dtype=np.float32)
    got, rows = in_reading_order(articles, claims, vectors)
    assert got == claims and rows is vectors


def _groups(out: Path) -> tuple[list[tuple[str, tuple[str, ...]]], list[str]]:
    rep = json.loads(out.read_text(encoding="utf-8"))
    groups = sorted((g["label"], tuple(sorted(g["claims"]))) for g in rep["groups"])
    return groups, sorted(d["id"] for d in rep["disputes"])


@pytest.mark.slow  # the real model on one newsdev event, twice: ~10 s
def test_naming_the_articles_in_another_order_gives_the_same_report(tmp_path: Path) -> None:
    # On this event, grouping's tie-breaks by position used to make 2 of its 9 agree and
    # conflict groups depend on the order of the command line.
    paths = sorted(str(p) for p in (DATA / "newsdev" / "zaporizhzhia-plant-drones-2024-04")
                   .glob("*.txt"))
    assert len(paths) >= 5
    for name, order in (("ahead", paths), ("back", paths[::-1])):
        res = run_cli("report", *order, "-o", str(tmp_path / name), "--format", "json", "-q")
        assert res.exit_code == 0, res.output
    assert _groups(tmp_path / "ahead.json") == _groups(tmp_path / "back.json")


@pytest.mark.slow  # the real model on one newsdev event, added to two corpora: ~15 s
def test_a_corpus_groups_alike_whatever_order_its_articles_were_added_in(tmp_path: Path) -> None:
    paths = sorted(str(p) for p in (DATA / "newsdev" / "zaporizhzhia-plant-drones-2024-04")
                   .glob("*.txt"))
    for name, order in (("ahead", paths), ("back", paths[::-1])):
        db = str(tmp_path / f"{name}.db")
        for path in order:  # one article at a time, as a newsroom adds them
            assert run_cli("add", path, "--db", db, "-q").exit_code == 0
        res = run_cli("report", "--db", db, "-o", str(tmp_path / name), "--format", "json",
                      "-q")
        assert res.exit_code == 0, res.output
    assert _groups(tmp_path / "ahead.json") == _groups(tmp_path / "back.json")
