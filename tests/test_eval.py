"""`compare` and `eval` through the CLI, on the small benchmark fixtures the tests ship."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from divergence.cli import main
from divergence.judge.model import PairClassifier, shipped

from .conftest import DATA

BENCH = DATA / "bench"


def test_shipped_classifier_loads_and_was_trained_on_train_splits() -> None:
    clf = shipped("st:all-MiniLM-L6-v2")
    assert clf is not None, "divergence/data/judge.npz missing from the installed package"
    assert set(clf.classes_) == {"agree", "conflict", "neither"}
    trained = " ".join(clf.meta_["trained_on"]).lower()
    assert "train" in trained and "test" not in trained
    assert shipped("st:some-other-model") is None  # tied to its embedder


def test_classifier_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 5))  # noqa: N806
    y = np.array(["agree", "conflict", "neither"] * 20)
    X[y == "conflict", 0] += 3
    clf = PairClassifier(C=1.0, embedder="e").fit(X, y)
    clf.save(tmp_path / "m.npz", {"trained_on": ["toy"]})
    back = PairClassifier.load(tmp_path / "m.npz")
    np.testing.assert_allclose(back.predict_proba(X), clf.predict_proba(X), rtol=1e-5)
    assert (back.predict(X) == "conflict").sum() >= 15


@pytest.mark.slow
def test_compare_number_and_date() -> None:
    res = CliRunner().invoke(main, ["compare", "Five soldiers were killed on Friday.",
                                    "Six soldiers were killed on Saturday.", "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["label"] == "conflict"
    assert {"number", "date"} <= {r["type"] for r in out["reasons"]}
    spans = [s["text"] for r in out["reasons"] for s in r["spans"]]
    assert "Five soldiers" in spans or "Five" in " ".join(spans)


@pytest.mark.slow
def test_compare_attribution_and_text_output() -> None:
    res = CliRunner().invoke(main, [
        "compare", "President Trump said the ceasefire was mediated by Washington.",
        "New Delhi denied that the ceasefire was mediated by Washington."])
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert first.startswith("conflict")
    assert "attribution" in res.stdout and "New Delhi denies" in res.stdout


@pytest.mark.slow
def test_compare_a_statement_that_tells_both_sides_is_no_conflict_with_one() -> None:
    """"X said P, a charge Y denied" reports the dispute: beside "Y denied P" it tells one of its
    two positions, not the other's account; a count that differs still clashes."""
    told = "Residents of Hove accused soldiers of beating detainees, an allegation the army denied."
    res = CliRunner().invoke(main, ["compare", told, "The army rejected accusations from Hove "
                                    "residents that its troops had beaten detainees.",
                                    "--format", "json"])
    assert json.loads(res.stdout)["label"] != "conflict"  # here the two denials agree
    res = CliRunner().invoke(main, ["compare", "The Tarn coast guard denied ramming a trawler "
                                    "from Brel on Sunday, contradicting the account given by its "
                                    "captain.", "The Tarn coast guard rammed a trawler from Brel "
                                    "on Sunday, the captain said.", "--format", "json"])
    out = json.loads(res.stdout)
    assert out["label"] == "neither" and "both-sides" in {r["type"] for r in out["reasons"]}
    # two voices in one sentence that do not dispute each other tell no dispute
    res = CliRunner().invoke(main, ["compare", "Troops entered Varn on Monday; the army says they "
                                    "met no resistance.", "No troops entered Varn, the defence "
                                    "ministry said.", "--format", "json"])
    assert json.loads(res.stdout)["label"] == "conflict"
    res = CliRunner().invoke(main, ["compare", "Residents said 12 detainees were beaten, an "
                                    "allegation the army denied.",
                                    "Residents said 40 detainees were beaten.", "--format", "json"])
    assert json.loads(res.stdout)["label"] == "conflict"


@pytest.mark.slow
def test_two_denials_by_one_voice_are_not_two_voices() -> None:
    """"X denied P" beside "Y says Q, an account X denies": X's two denials are one side. The pair
    classifier called such near-paraphrases of two claims a conflict (p 0.6-0.96), which kept the
    statement that tells both sides from being read as a report of the dispute."""
    res = CliRunner().invoke(main, [
        "compare", "The club denied that the coach had been sacked over the transfer row, despite "
        "reports that he had clashed with the owner.", "Reports say the coach clashed with the "
        "owner over transfers before he was sacked, an account the club denies.",
        "--format", "json"])
    out = json.loads(res.stdout)
    assert out["label"] == "neither" and "both-sides" in {r["type"] for r in out["reasons"]}


@pytest.mark.slow
def test_compare_agree_paraphrase() -> None:
    res = CliRunner().invoke(main, [
        "compare", "The council approved the harbour budget on Friday.",
        "On Friday the city council approved the budget for the harbour.", "--format", "json"])
    assert json.loads(res.stdout)["label"] == "agree"


@pytest.mark.slow
def test_compare_reads_every_claim_of_a_compound_statement() -> None:
    """"The army shelled the town on Monday, saying rebels had fired first" makes two claims;
    compare read only the army's, and agreed or missed what the other half disputes."""
    res = CliRunner().invoke(main, [
        "compare", "The army shelled the town on Monday, saying rebels had fired first.",
        "The army did not shell the town.", "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["label"] == "conflict" and out["claims"] == {"a": 2, "b": 1}
    assert out["a"]["proposition"].startswith("The army shelled the town")
    text = CliRunner().invoke(main, [
        "compare", "The army shelled the town on Monday, saying rebels had fired first.",
        "The army did not shell the town."]).stdout
    assert "the deciding one of its 2 claims" in text


def test_compare_rejects_empty_text() -> None:
    res = CliRunner().invoke(main, ["compare", " ", "something"])
    assert res.exit_code == 2


@pytest.mark.slow
@pytest.mark.parametrize("bench", ["sick", "emergent", "fnc1", "ecbplus"])
def test_eval_on_fixtures(bench: str, tmp_path: Path) -> None:
    out = tmp_path / f"{bench}.json"
    res = CliRunner().invoke(main, ["eval", bench, "--bench-dir", str(BENCH), "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert data["bench"] == bench and data["split"] == "test" and data["n"] > 0
    assert "metric" in data and isinstance(data["metric"]["value"], float)
    if bench == "ecbplus":
        assert {"precision", "recall", "f1", "ari"} <= set(data["event"])
        assert "topic" in data and "B3" in res.stdout
    else:
        assert set(data["per_class"]) >= {"agree", "conflict", "neither"}
        assert len(data["confusion"]) == len(data["labels"])
        assert "precision" in res.stdout and "ms per pair" in res.stdout
    if bench == "fnc1":
        assert 0 <= data["fnc"]["percent"] <= 100 and "related_accuracy" in data


@pytest.mark.slow
def test_eval_limit_and_train_split(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["eval", "sick", "--bench-dir", str(BENCH), "--split", "train",
                                    "--limit", "2", "-o", str(tmp_path / "s.json"), "-q"])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "s.json").read_text())["n"] == 2
    assert res.stdout == ""


def test_eval_to_stdout_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: ``-o -`` wrote a file named "-"; now the JSON goes to stdout, the table to
    stderr, as ``report -o -`` does."""
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["eval", "sick", "--bench-dir", str(BENCH), "--limit", "2",
                                    "--embedder", "hashing", "-o", "-"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["n"] == 2 and "precision" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_eval_bad_split_and_missing_folder(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["eval", "fnc1", "--bench-dir", str(BENCH), "--split", "train",
                                    "--embedder", "hashing", "-o", str(tmp_path / "x.json")])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "fnc1" in res.output.lower() or "FNC" in res.output
    res = CliRunner().invoke(main, ["eval", "sick", "--bench-dir", str(tmp_path / "nope"),
                                    "--embedder", "hashing"])
    assert res.exit_code == 1 and "no benchmark folder" in res.output
    assert f"--bench-dir {tmp_path / 'nope'} is no folder" in res.output  # was "is none"


def test_compare_warns_when_a_statement_is_not_english() -> None:
    """A judgement of two Chinese sentences ("five soldiers died on Friday" / "six on Saturday")
    came out "agree" without a word; now stderr says it means little. Latin script passes."""
    from divergence.cli.judging import mostly_latin

    assert not mostly_latin("五名士兵周五死亡。") and not mostly_latin("!!!")
    assert mostly_latin("Five soldiers died.") and mostly_latin("Le président a dit non.")
    assert mostly_latin("Erdoğan said the strike hit a school in Şırnak.")
