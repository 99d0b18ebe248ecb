"""newsdev: the hand-labelled real-news set loads, is well formed, and is scored at both levels."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from divergence.errors import DivergenceError
from divergence.evaluate.evals import format_newsdev
from divergence.evaluate.newsdev import (
    CONFLICT_KINDS,
    TO_PAIR,
    GoldPair,
    Side,
    load_newsdev,
    report_labels,
    report_load,
)
from divergence.records import Article, Claim, ClaimGroup, Report

from .conftest import DATA

NEWSDEV = DATA / "newsdev"


def _body(path: Path) -> str:
    text = path.read_text("utf-8")
    return text.split("\n\n", 1)[1] if "\n\n" in text else text


def test_the_set_is_well_formed_and_split_by_event() -> None:
    dev, test = load_newsdev(NEWSDEV, "dev"), load_newsdev(NEWSDEV, "test")
    assert not set(dev.events) & set(test.events)
    every = dev.pairs + test.pairs
    assert len({p.id for p in every}) == len(every)
    for p in every:
        assert p.a.article != p.b.article, p.id
        for side in (p.a, p.b):
            assert side.text in _body(NEWSDEV / side.article), (p.id, side.text)
        if p.cross_event:  # both sides in one split
            split = {e: json.loads((NEWSDEV / e / "event.json").read_text())["split"]
                     for e in (p.a.article.split("/")[0], p.b.article.split("/")[0])}
            assert len(set(split.values())) == 1, p.id


def test_the_set_is_as_large_as_the_issue_asks() -> None:
    both = load_newsdev(NEWSDEV, "all")
    labels = Counter(p.label for p in both.pairs)
    assert len(both.articles) >= 30 and len(both.events) >= 6
    assert len(both.pairs) >= 200
    assert labels["conflict"] >= 70 and labels["agree"] >= 70 and labels["unrelated"] >= 50
    assert sum(p.cross_event for p in both.pairs) >= 30
    for split in ("dev", "test"):
        kinds = Counter(p.kind for p in load_newsdev(NEWSDEV, split).pairs if p.kind)
        assert set(kinds) == set(CONFLICT_KINDS), (split, kinds)


def test_a_limited_run_takes_whole_events_and_their_pairs() -> None:
    """Old code: ``eval newsdev --limit N`` ignored N and scored every pair."""
    dev = load_newsdev(NEWSDEV, "dev")
    two = dev.first(2)
    assert two.events == dev.events[:2]
    assert {a.parent.name for a in two.articles} == set(two.events)
    assert 0 < len(two.pairs) < len(dev.pairs)
    inside = {a.relative_to(NEWSDEV).as_posix() for a in two.articles}
    assert all(p.a.article in inside and p.b.article in inside for p in two.pairs)
    assert [p for p in dev.pairs if p.a.article in inside and p.b.article in inside] == list(
        two.pairs)


def test_every_article_has_an_outlet_date_and_url() -> None:
    from divergence.ingest.io import load

    articles, skipped = load([str(p) for p in load_newsdev(NEWSDEV, "all").articles])
    assert not skipped
    for a in articles:
        assert a.url and a.url.startswith("http"), a.path
        assert a.date, a.path
        assert Path(a.path).stem != a.source, a.path  # the outlet comes from the header


def _event(tmp: Path, name: str, split: str, gold: list[dict]) -> None:
    (tmp / name).mkdir()
    (tmp / name / "event.json").write_text(json.dumps({"event": name, "split": split}))
    (tmp / name / "x.txt").write_text("source: X\n\nOne. Two.", "utf-8")
    (tmp / name / "y.txt").write_text("source: Y\n\nThree. Four.", "utf-8")
    (tmp / name / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))


def test_loader_names_file_and_line_of_a_bad_pair(tmp_path: Path) -> None:
    ok = {"id": "e-1", "a": {"article": "e/x.txt", "text": "One."},
          "b": {"article": "e/y.txt", "text": "Three."}, "label": "agree", "type": None}
    bad = dict(ok, id="e-2", label="conflict", type="vibes")
    _event(tmp_path, "e", "dev", [ok, bad])
    with pytest.raises(DivergenceError) as err:
        load_newsdev(tmp_path, "dev")
    assert "gold.jsonl" in str(err.value) and ":2" in str(err.value) and "vibes" in str(err.value)
    with pytest.raises(DivergenceError, match="no newsdev events"):
        load_newsdev(tmp_path, "test")


def test_report_labels_match_sides_by_offsets(tmp_path: Path) -> None:
    text_a, text_b = "Alpha said one. Beta said two.", "Gamma said three. Delta said four."
    arts = (Article("A", str(tmp_path / "e/x.txt"), text_a, "X"),
            Article("B", str(tmp_path / "e/y.txt"), text_b, "Y"))
    cl = [Claim("A:0", "A", "Alpha said one.", 0, 15), Claim("A:1", "A", "Beta said two.", 16, 30),
          Claim("B:0", "B", "Gamma said three.", 0, 17),
          Claim("B:1", "B", "Delta said four.", 18, 34)]
    groups = (ClaimGroup("g1", "conflict", 0.9, ("A:0", "B:0"), ("X", "Y")),
              ClaimGroup("g2", "agree", 0.8, ("A:1", "B:1"), ("X", "Y")))
    rep = Report(arts, tuple(cl), (), groups)
    pairs = [GoldPair("1", Side("e/x.txt", "Alpha said one."), Side("e/y.txt", "Gamma said three."),
                      "conflict", "count", "e", False),
             GoldPair("2", Side("e/x.txt", "Beta said two."), Side("e/y.txt", "Delta said four."),
                      "agree", None, "e", False),
             GoldPair("3", Side("e/x.txt", "Alpha said one."), Side("e/y.txt", "Delta said four."),
                      "unrelated", None, "e", False)]
    assert report_labels(pairs, rep, tmp_path) == ["conflict", "agree", "neither"]
    more = Report(arts, tuple(cl), (), groups + (
        ClaimGroup("g3", "conflict", 0.7, ("A:0", "B:1"), ("X", "Y")),
        ClaimGroup("g4", "unique", 0.5, ("A:1",), ("X",))))
    assert report_load(more) == {"claims": 4, "conflict_groups": 2, "claims_in_conflicts": 3,
                                 "agree_groups": 1, "claims_in_agreements": 2}


@pytest.mark.slow
def test_eval_newsdev_writes_both_levels(tmp_path: Path) -> None:
    from .conftest import run_cli

    out = tmp_path / "nd.json"
    res = run_cli("eval", "newsdev", "--split", "dev", "--limit", "2", "-o", str(out), "-q")
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert data["limit"] == 2 and data["events"] == list(load_newsdev(NEWSDEV, "dev").events[:2])
    for level in ("pair", "report"):
        r = data[level]
        assert set(r["per_class"]) == {"agree", "conflict", "neither"}
        assert sum(map(sum, r["confusion"])) == data["n"]
        kinds = {p.kind for p in load_newsdev(NEWSDEV, "dev").first(2).pairs if p.kind}
        assert set(r["conflict_recall_by_type"]) == kinds
    load = data["report"]["load"]
    assert 0 < load["claims_in_conflicts"] <= load["claims"]
    assert 0 <= load["claims_in_agreements"] <= load["claims"]
    assert f"report: {load['conflict_groups']} conflict groups holding" in format_newsdev(data)
    for level in ("pair", "report"):  # each pair's label, and an interval around the figure
        r = data[level]
        assert len(r["pred"]) == data["n"] and set(r["pred"].values()) <= set(r["per_class"])
        assert r["ci95"][0] <= r["macro_f1"] <= r["ci95"][1]
    assert "95 % interval over events" in format_newsdev(data)


def test_newsdev_diff_bootstraps_two_evaluations(tmp_path: Path) -> None:
    """benchmarks/newsdev_diff.py reads two evaluations' per-pair labels. B is right on one
    more event than A: it is better in the resamples that hold that event (1 - (14/15)**15 of
    them, about 64 %) and equal in the rest. Files of other splits are refused."""
    import subprocess
    import sys

    data = load_newsdev(NEWSDEV, "dev")
    first = data.events[0]
    a = {p.id: "neither" for p in data.pairs}
    b = {p.id: (TO_PAIR[p.label] if p.event == first else "neither") for p in data.pairs}
    for name, pred, split in (("a", a, "dev"), ("b", b, "dev"), ("t", a, "test")):
        level = {"pred": pred}
        (tmp_path / f"{name}.json").write_text(json.dumps(
            {"split": split, "judge": name, "pair": level, "report": level}))
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "newsdev_diff.py"
    run = [sys.executable, str(script), str(tmp_path / "a.json")]
    out = subprocess.run([*run, str(tmp_path / "b.json"), "--rounds", "200"],
                         capture_output=True, text=True, check=True).stdout
    row = next(line for line in out.splitlines() if line.startswith("| pair |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert float(cells[2]) > float(cells[1]) and cells[3].split("(")[1].startswith("+0.000 to +")
    assert 50 <= int(cells[4].split("%")[0]) <= 80
    bad = subprocess.run([*run, str(tmp_path / "t.json")], capture_output=True, text=True)
    assert bad.returncode != 0 and "splits 'dev' and 'test'" in bad.stderr


NEWSFRESH = Path(__file__).parent.parent / "benchmarks" / "data" / "newsfresh"


def test_the_fresh_set_is_well_formed_and_apart_from_newsdev() -> None:
    """benchmarks/data/newsfresh: real coverage written blind to the judge, scored only. Its
    events are none of newsdev's, each side's text is in its article, every article names its
    outlet, date and page."""
    from divergence.ingest.io import load

    fresh = load_newsdev(NEWSFRESH, "all")
    assert len(fresh.events) >= 3 and len(fresh.pairs) >= 100
    assert not set(fresh.events) & set(load_newsdev(NEWSDEV, "all").events)
    assert len({p.id for p in fresh.pairs}) == len(fresh.pairs)
    for p in fresh.pairs:
        assert p.a.article != p.b.article, p.id
        for side in (p.a, p.b):
            assert side.text in _body(NEWSFRESH / side.article), (p.id, side.text)
    assert {p.label for p in fresh.pairs} == {"conflict", "agree", "unrelated"}
    articles, skipped = load([str(p) for p in fresh.articles])
    assert not skipped
    for a in articles:
        assert a.url and a.url.startswith("http") and a.date, a.path
