"""The NLI cross-encoder trained here: training runs end to end, the export loads without torch,
and the shipped model labels clear pairs right."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from divergence.judge.nli_onnx import OnnxNLI, shipped_folder

CLEAR = [
    ("A man is playing a guitar on stage.", "A man is playing an instrument.", "agree"),
    ("Two children are sleeping in a tent.", "Two children are playing football in a park.",
     "conflict"),
    ("The museum opened on Monday.", "The museum did not open on Monday.", "conflict"),
    ("A woman is slicing tomatoes in a kitchen.", "A woman is cooking.", "agree"),
    ("A dog runs across the beach.", "The dog belongs to a fisherman.", "neither"),
]


def _tiny_nli_dir(root: Path, n: int = 60) -> Path:
    rows = []
    for i in range(n):
        a, b, lab = CLEAR[i % len(CLEAR)]
        label = {"agree": "entailment", "conflict": "contradiction", "neither": "neutral"}[lab]
        rows.append({"premise": f"{a} ({i})", "hypothesis": b, "label": label, "uid": str(i)})
    (root / "mnli").mkdir(parents=True)
    with gzip.open(root / "mnli" / "dev_matched.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    return root


@pytest.mark.slow
def test_training_runs_end_to_end_on_50_pairs_and_exports(tmp_path: Path) -> None:
    from divergence.judge.nli_onnx import export
    from divergence.judge.train_nli import main

    nli = _tiny_nli_dir(tmp_path / "nli")
    out = tmp_path / "run"
    assert main(["--out", str(out), "--nli", str(nli), "--sources", "mnli_m", "--limit", "50",
                 "--epochs", "1", "--batch-size", "16", "--seed", "1"]) == 0
    card = json.loads((out / "model_card.json").read_text())
    assert card["train_pairs"] == 50 and card["best_epoch"] == 1
    assert all(len(h) == 64 for h in card["files"].values())  # sha256 of each data file
    assert (out / "best" / "config.json").is_file() and (out / "checkpoint.pt").is_file()
    # Resume after the last epoch is a no-op that keeps the same best epoch.
    assert main(["--out", str(out), "--nli", str(nli), "--sources", "mnli_m", "--limit", "50",
                 "--epochs", "1", "--batch-size", "16", "--seed", "1", "--resume"]) == 0
    pairs = [(a, b) for a, b, _ in CLEAR]
    meta = export(out / "best", tmp_path / "onnx", pairs, int8=True, card=card)
    assert meta["variant"] == "int8" and meta["labels"] == ["contradiction", "entailment",
                                                             "neutral"]
    p = OnnxNLI(tmp_path / "onnx").predict(pairs)
    assert p.shape == (len(pairs), 3) and np.allclose(p.sum(axis=1), 1.0, atol=1e-5)


def test_news_pairs_train_both_ways_and_replay_keeps_them_all(tmp_path: Path) -> None:
    from divergence.judge.train_nli import load_training_data, replay

    news = tmp_path / "pairs.jsonl"
    rows = [{"a": "The blast killed 12.", "b": "The explosion killed 31.", "label": "conflict",
             "type": "count"},
            {"a": "The truce began at 5 pm.", "b": "Firing stopped from 17:00.", "label": "agree"},
            {"a": "The minister resigned.", "b": "The minister visited Paris.",
             "label": "unrelated"}]
    news.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    nli = _tiny_nli_dir(tmp_path / "nli", n=20)
    train, _, files = load_training_data(nli, None, ["mnli_m", "newspairs"], news=news)
    mine = [r for r in train if r.source == "newspairs"]
    assert [(r.premise, r.label) for r in mine[:2]] == [
        ("The blast killed 12.", "contradiction"), ("The explosion killed 31.", "contradiction")]
    assert [r.label for r in mine[2::2]] == ["entailment", "neutral"]
    assert str(news) in files
    kept = replay(train, "newspairs", 5, seed=1)
    assert len(kept) == 6 + 5 and kept[:6] == mine
    assert replay(train, "newspairs", 5, seed=1) == kept  # seeded
    old = [r for r in train if r.source != "newspairs"]
    with pytest.raises(ValueError, match="--replay needs the source newspairs"):
        replay(old, "newspairs", 5, seed=1)  # nothing new: it would train on old pairs alone
    with pytest.raises(ValueError, match="unknown source newspair"):
        load_training_data(nli, None, ["mnli_m", "newspair"], news=news)
    news.write_text(json.dumps({"a": "x", "b": "y", "label": "neither?"}) + "\n")
    with pytest.raises(ValueError, match="pairs.jsonl:1"):
        load_training_data(nli, None, ["newspairs"], news=news)


def test_the_news_pairs_file_is_well_formed() -> None:
    """Every row of training/newspairs reads, with a conflict type exactly on conflicts."""
    from divergence.judge.train_nli import NEWSPAIRS, read_news_pairs

    types = {"credit", "who_asked", "count", "time", "rejection", "linkage", "title",
             "control", "victims"}
    rows = [json.loads(line) for line in NEWSPAIRS.read_text("utf-8").splitlines()]
    assert len(rows) > 3000
    assert all((r["type"] in types) == (r["label"] == "conflict") for r in rows)
    assert len({(r["a"], r["b"]) for r in rows}) == len(rows)
    assert len(read_news_pairs(NEWSPAIRS)) == 2 * len(rows)


@pytest.mark.slow
def test_shipped_model_loads_without_torch_and_labels_clear_pairs() -> None:
    code = (
        "import sys, json\n"
        "from divergence.judge.nli_onnx import shipped_nli\n"
        f"pairs = {[(a, b) for a, b, _ in CLEAR]!r}\n"
        "p = shipped_nli().predict(pairs)\n"
        "print(json.dumps({'torch': 'torch' in sys.modules, 'labels': "
        "[['conflict', 'agree', 'neither'][i] for i in p.argmax(1)]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["torch"] is False
    assert res["labels"] == [lab for _, _, lab in CLEAR]


def test_shipped_model_is_small_and_says_what_it_is() -> None:
    folder = shipped_folder()
    assert folder is not None, "the package must ship divergence/data/nli/model.onnx"
    assert (folder / "model.onnx").stat().st_size <= 25 * 2**20
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["variant"] == "int8" and meta["card"]["hyperparameters"]["seed"] is not None
    assert set(meta["card"]["train_sources"]) <= {"mnli_m", "snli", "sick", "emergent"}


def test_shipped_model_reads_a_pair_once_per_process() -> None:
    folder = shipped_folder()
    if folder is None:
        pytest.skip("no shipped NLI model in this install")
    nli = OnnxNLI(folder)
    calls: list[int] = []
    logits = nli.logits

    def counting(pairs):  # noqa: ANN001, ANN202
        calls.append(len(pairs))
        return logits(pairs)

    nli.logits = counting  # type: ignore[method-assign]
    a = ("The truce began at noon.", "The truce did not begin at noon.")
    b = ("Rebels took the town.", "The town fell to the rebels.")
    first = nli.predict([a, b, a])
    again = nli.predict([b, a])
    assert calls == [2]  # three rows, two distinct pairs, read once
    assert np.array_equal(first[0], first[2]) and np.array_equal(again, first[[1, 0]])
    again[0, 0] = 9.0  # the rows handed out are the caller's own
    assert nli.predict([list(b)])[0, 0] != 9.0  # a list pair is the same pair
    assert calls == [2]


def test_a_pair_reads_the_same_alone_or_among_others() -> None:
    folder = shipped_folder()
    if folder is None:
        pytest.skip("no shipped NLI model in this install")
    pair = ("Officials said 12 people died in the blast.", "The explosion killed 31 people.")
    others = [("The truce began at noon.", "The guns fell silent from 6 pm on Sunday evening, "
               "local officials and residents of the border villages said."),
              ("Rebels took the town.", "The town fell to the rebels.")]
    alone = OnnxNLI(folder).predict([pair])
    among = OnnxNLI(folder).predict([others[0], pair, others[1]])  # a fresh memory
    assert np.array_equal(alone[0], among[1])  # int8 ranges are per pass: one pair per pass


def test_the_pair_memory_forgets_beyond_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from divergence.judge import nli_onnx

    folder = shipped_folder()
    if folder is None:
        pytest.skip("no shipped NLI model in this install")
    monkeypatch.setattr(nli_onnx, "_SEEN_MAX", 3)
    nli = OnnxNLI(folder)
    pairs = [(f"The truce began at {h}:00.", "The truce began at noon.") for h in range(1, 6)]
    want = nli.predict(pairs)
    nli.predict([("A new pair.", "Another.")])  # past the bound: the memory starts over
    assert len(nli._seen) == 1
    assert np.allclose(nli.predict(pairs), want, atol=1e-4)  # read again, the same answers
