"""Benchmark loaders on tiny real-format fixtures, their errors, and metrics on hand examples."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from divergence.errors import DivergenceError
from divergence.evaluate import (
    BENCHES,
    Doc,
    LabeledPair,
    ari,
    b_cubed,
    confusion,
    default_root,
    detokenize,
    fnc_score,
    format_confusion,
    format_table,
    load_ecbplus,
    load_emergent,
    load_fnc1,
    load_sick,
    per_class,
)

BENCH = Path(__file__).parent / "data" / "bench"


def _copy(name: str, tmp_path: Path) -> Path:
    """A writable copy of one fixture benchmark folder."""
    return Path(shutil.copytree(BENCH / name, tmp_path / name))


def _labels(pairs: list[LabeledPair]) -> Counter[str]:
    return Counter(p.label for p in pairs)


# ---------------------------------------------------------------- loaders


def test_sick_splits_and_labels() -> None:
    test = load_sick(BENCH / "sick")
    assert _labels(test) == {"conflict": 2, "agree": 1, "neither": 1}
    assert {p.id for p in test} == {"6", "10", "13", "20"}
    assert _labels(load_sick(BENCH / "sick", "TRAIN")) == {"neither": 1, "agree": 1, "conflict": 1}
    assert len(load_sick(BENCH / "sick", "trial")) == 2
    assert len(load_sick(BENCH / "sick", "all")) == 9
    first = load_sick(BENCH / "sick", "train")[0]
    assert first == LabeledPair(
        "1",
        "A group of kids is playing in a yard and an old man is standing in the background",
        "A group of boys in a yard is playing and a man is standing in the background",
        "neither",
    )


def test_fnc1_labels_groups_and_multiline_body() -> None:
    pairs = load_fnc1(BENCH / "fnc1")
    assert len(pairs) == 9
    assert _labels(pairs) == {"agree": 3, "conflict": 2, "neither": 2, "unrelated": 2}
    assert [p.id for p in pairs[:2]] == ["1", "2"]
    brain = next(p for p in pairs if p.group == "113" and p.label == "agree")
    assert brain.a.startswith("Teenager wakes up while undergoing BRAIN SURGERY")
    assert brain.b.count("\n") == 1 and brain.b.endswith("still working on her.")
    assert {p.group for p in pairs} == {"113", "1200", "2466"}


def test_fnc1_accepts_only_the_test_split() -> None:
    assert len(load_fnc1(BENCH / "fnc1", "TEST")) == 9
    with pytest.raises(DivergenceError, match="only its competition test set"):
        load_fnc1(BENCH / "fnc1", "train")


def test_emergent_splits_labels_and_groups() -> None:
    test = load_emergent(BENCH / "emergent")
    assert len(test) == 8
    assert _labels(test) == {"agree": 4, "conflict": 2, "neither": 2}
    assert len({p.group for p in test}) == 2
    assert test[0].id == "84" and test[0].label == "conflict"
    assert test[0].a.startswith("Egyptian President al-Sisi")
    train = load_emergent(BENCH / "emergent", "train")
    assert _labels(train) == {"agree": 3, "conflict": 2, "neither": 2}
    quoted = next(p for p in train if p.id == "195")  # a headline with a comma, quoted
    assert quoted.b.endswith(", but won't when it ships")


def test_ecbplus_topic_splits_and_detokenized_text() -> None:
    test = load_ecbplus(BENCH / "ecbplus")
    assert {d.topic for d in test} == {"36"}
    assert Counter(d.event for d in test) == {"36a": 2, "36b": 2}
    train = load_ecbplus(BENCH / "ecbplus", "train")
    assert Counter(d.event for d in train) == {"1a": 2, "1b": 2}
    assert load_ecbplus(BENCH / "ecbplus", "dev") == []
    assert len(load_ecbplus(BENCH / "ecbplus", "ALL")) == 8
    reid = next(d for d in train if d.id == "1_10ecb")
    assert isinstance(reid, Doc) and reid.topic == "1"
    assert reid.text.startswith("Perennial party girl Tara Reid checked herself into Promises")
    assert "her family's privacy at this time,\" the 33-year-old actress's rep" in reid.text
    assert 'the "American Pie" star' in reid.text
    assert reid.text.count("\n") == 4  # one sentence per line survives


def test_detokenize() -> None:
    text = "`` We ca n't say , '' she said ( again ) .\nIt 's over ; is it ?"
    assert detokenize(text) == "\"We can't say,\" she said (again).\nIt's over; is it?"


def test_registry_and_parent_root() -> None:
    """Every loader also finds its file when given the folder of all benchmarks."""
    sizes = {name: len(load(BENCH)) for name, load in BENCHES.items()}
    assert sizes == {"sick": 4, "fnc1": 9, "emergent": 8, "ecbplus": 4}


def test_default_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIVERGENCE_BENCH", str(tmp_path / "mine"))
    assert default_root() == tmp_path / "mine"
    monkeypatch.delenv("DIVERGENCE_BENCH")
    (tmp_path / "shared" / "bench").mkdir(parents=True)
    (tmp_path / "main").mkdir()
    monkeypatch.chdir(tmp_path / "main")
    assert default_root() == (tmp_path / "shared" / "bench").resolve()


# ---------------------------------------------------------------- loader errors


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DivergenceError, match="not found") as e:
        load_sick(tmp_path)
    assert e.value.where == str(tmp_path / "sick_full.jsonl")
    with pytest.raises(DivergenceError, match="competition_test_bodies.csv"):
        load_fnc1(tmp_path)


def test_unknown_split_lists_the_splits() -> None:
    with pytest.raises(DivergenceError, match="available: train, trial, test, all"):
        load_sick(BENCH / "sick", "dev")
    with pytest.raises(DivergenceError, match="available: train, test"):
        load_emergent(BENCH / "emergent", "dev")
    with pytest.raises(DivergenceError, match="available: train, dev, test, all"):
        load_ecbplus(BENCH / "ecbplus", "val")


def test_sick_bad_json_and_missing_key(tmp_path: Path) -> None:
    root = _copy("sick", tmp_path)
    path = root / "sick_full.jsonl"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "{not json\n", encoding="utf-8")
    with pytest.raises(DivergenceError, match=r"sick_full\.jsonl:10: not valid JSON"):
        load_sick(root)
    path.write_text(good + '{"pair_id": "x", "label": "NEUTRAL", "split": "TEST"}\n', "utf-8")
    with pytest.raises(DivergenceError, match=r":10: missing 'sentence_a', 'sentence_b'"):
        load_sick(root)


def test_sick_unknown_label(tmp_path: Path) -> None:
    root = _copy("sick", tmp_path)
    path = root / "sick_full.jsonl"
    text = path.read_text(encoding="utf-8").replace('"label": "ENTAILMENT"', '"label": "YES"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DivergenceError, match=r":2: unknown label 'YES' \(expected one of"):
        load_sick(root, "all")


def test_fnc1_bad_rows_report_the_record_line(tmp_path: Path) -> None:
    root = _copy("fnc1", tmp_path)
    bodies = root / "competition_test_bodies.csv"
    good = bodies.read_text(encoding="utf-8")
    # body 113 spans lines 2-3, so the appended record starts on line 6
    bodies.write_text(good + "9999\n", encoding="utf-8")
    with pytest.raises(DivergenceError, match=r"bodies\.csv:6: expected 2 fields, got 1"):
        load_fnc1(root)
    bodies.write_text(good, encoding="utf-8")
    stances = root / "competition_test_stances.csv"
    stances.write_text(
        stances.read_text(encoding="utf-8") + "Some headline,42,agree\nOther,1200,maybe\n", "utf-8"
    )
    with pytest.raises(DivergenceError, match=r"stances\.csv:11: Body ID '42' is not in"):
        load_fnc1(root)


def test_fnc1_unknown_stance_and_bad_header(tmp_path: Path) -> None:
    root = _copy("fnc1", tmp_path)
    stances = root / "competition_test_stances.csv"
    good = stances.read_text(encoding="utf-8")
    stances.write_text(good + "Other,1200,maybe\n", encoding="utf-8")
    with pytest.raises(DivergenceError, match=r"stances\.csv:11: unknown label 'maybe'"):
        load_fnc1(root)
    stances.write_text(good.replace("Stance", "Label", 1), encoding="utf-8")
    with pytest.raises(DivergenceError, match=r"stances\.csv:1: header lacks 'Stance'"):
        load_fnc1(root)


def test_emergent_unclosed_quote(tmp_path: Path) -> None:
    root = _copy("emergent", tmp_path)
    path = root / "url-versions-2015-06-14-clean-test.csv"
    path.write_text(path.read_text(encoding="utf-8") + '999,"open,x,for,a,b\n', encoding="utf-8")
    with pytest.raises(DivergenceError, match=r"clean-test\.csv:10: malformed CSV"):
        load_emergent(root)


def test_ecbplus_bad_topic(tmp_path: Path) -> None:
    root = _copy("ecbplus", tmp_path)
    path = root / "ecbplus_docs.jsonl"
    row = '{"doc_id": "x", "topic": "one", "event_cluster": "1a", "text": "t"}\n'
    path.write_text(path.read_text(encoding="utf-8") + row, encoding="utf-8")
    with pytest.raises(DivergenceError, match=r"ecbplus_docs\.jsonl:9: topic must be a number"):
        load_ecbplus(root, "all")


# ---------------------------------------------------------------- metrics

LABELS3 = ["agree", "conflict", "neither"]
GOLD = ["agree", "agree", "conflict", "neither", "neither"]
PRED = ["agree", "neither", "neither", "neither", "agree"]


def test_confusion_rows_are_gold() -> None:
    m = confusion(GOLD, PRED, LABELS3)
    assert m.tolist() == [[1, 0, 1], [0, 0, 1], [1, 0, 1]]
    with pytest.raises(ValueError, match="not in"):
        confusion(["agree"], ["unique"], LABELS3)
    with pytest.raises(ValueError, match="gold has 1 items but pred has 0"):
        confusion(["agree"], [], LABELS3)


def test_per_class_with_a_class_never_predicted() -> None:
    r = per_class(GOLD, PRED, LABELS3)
    assert r["agree"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert r["conflict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert r["neither"]["precision"] == pytest.approx(1 / 3)
    assert r["neither"]["recall"] == pytest.approx(0.5)
    assert r["neither"]["f1"] == pytest.approx(0.4)
    assert r["macro"]["precision"] == pytest.approx((0.5 + 0 + 1 / 3) / 3)
    assert r["macro"]["recall"] == pytest.approx(1 / 3)
    assert r["macro"]["f1"] == pytest.approx(0.3)
    assert r["macro"]["support"] == 5
    assert r["accuracy"] == pytest.approx(0.4)


def test_fnc_score_perfect_and_mixed() -> None:
    gold = ["agree", "conflict", "neither", "unrelated", "unrelated", "agree"]
    perfect = fnc_score(gold, gold)
    assert perfect == {"score": 4.5, "max": 4.5, "percent": 100.0}
    # 1.0 exact related + 0.25 related-but-wrong + 0 related->unrelated
    # + 0.25 unrelated right + 0 unrelated->related + 1.0 exact related
    pred = ["agree", "neither", "unrelated", "unrelated", "conflict", "agree"]
    mixed = fnc_score(gold, pred)
    assert mixed["score"] == 2.5 and mixed["max"] == 4.5
    assert mixed["percent"] == pytest.approx(100 * 2.5 / 4.5)
    with pytest.raises(ValueError, match="not FNC-1 labels"):
        fnc_score(["agree"], ["disagree"])


def test_b_cubed() -> None:
    gold = ["a", "a", "b", "b", "b", "c"]
    assert b_cubed(gold, [7, 7, 8, 8, 8, 9]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    one = b_cubed(gold, ["x"] * 6)
    assert one["precision"] == pytest.approx((2 * 2 + 3 * 3 + 1) / 36)
    assert one["recall"] == 1.0
    assert one["f1"] == pytest.approx(2 * (14 / 36) / (1 + 14 / 36))
    singletons = b_cubed(gold, list(range(6)))
    assert singletons["precision"] == 1.0 and singletons["recall"] == pytest.approx(0.5)


def test_ari() -> None:
    assert ari(["a", "a", "b", "b"], [0, 0, 1, 1]) == pytest.approx(1.0)
    assert ari(["a", "a", "b", "b"], [0, 1, 0, 1]) < 0.0


def test_format_tables() -> None:
    table = format_table(per_class(GOLD, PRED, LABELS3), LABELS3)
    lines = table.splitlines()
    assert lines[0].split() == ["precision", "recall", "f1", "support"]
    assert lines[2].split() == ["conflict", "0.000", "0.000", "0.000", "1"]
    assert lines[-1].split() == ["accuracy", "0.400", "5"]
    text = format_confusion(np.array([[1, 0, 1], [0, 0, 1], [1, 0, 1]]), LABELS3)
    assert text.splitlines()[0].split() == ["gold", "\\", "pred", *LABELS3]
    assert text.splitlines()[2].split() == ["conflict", "0", "0", "1"]


def test_cluster_bootstrap_resamples_whole_clusters() -> None:
    from divergence.evaluate.metrics import cluster_bootstrap

    labels = ("agree", "conflict", "neither")
    gold = ["agree", "conflict", "neither"] * 4
    right = list(gold)
    # event e1 judged right, e2 all wrong: the figure depends on which events a resample holds
    half = gold[:6] + ["neither", "agree", "conflict"] * 2
    clusters = ["e1"] * 6 + ["e2"] * 6
    one = cluster_bootstrap(gold, [right], clusters, labels, rounds=200)
    assert one["ci95"] == [[1.0, 1.0]] and one["clusters"] == 2
    r = cluster_bootstrap(gold, [half, right], clusters, labels, rounds=200)
    lo, hi = r["ci95"][0]
    assert lo == 0.0 and hi == 1.0  # a resample may hold e2 twice, or e1 twice
    assert r["diff_ci95"][0] == 0.0 and r["diff_ci95"][1] == 1.0 and 0.5 < r["p_better"] < 1
    assert r == cluster_bootstrap(gold, [half, right], clusters, labels, rounds=200)  # seeded
    same = cluster_bootstrap(gold, [half, half], clusters, labels, rounds=50)
    assert same["diff_ci95"] == [0.0, 0.0] and same["p_better"] == 0.0
    with pytest.raises(ValueError):
        cluster_bootstrap(gold, [right, right, right], clusters, labels)
    with pytest.raises(ValueError):
        cluster_bootstrap(gold, [right], clusters[:-1], labels)


def test_roc_auc_by_ranks_with_ties() -> None:
    import math

    from divergence.evaluate.metrics import roc_auc

    pos = np.array([False, False, True, True])
    assert roc_auc(np.array([0.1, 0.4, 0.35, 0.8]), pos) == 0.75  # 3 of 4 pairs ordered right
    assert roc_auc(np.array([0.5, 0.5, 0.5, 0.5]), pos) == 0.5  # ties share their mean rank
    assert roc_auc(np.array([0.9, 0.8, 0.1, 0.2]), pos) == 0.0
    assert math.isnan(roc_auc(np.array([0.1, 0.2]), np.array([True, True])))
