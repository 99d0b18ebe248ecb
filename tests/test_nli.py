"""The optional NLI cross-encoder, loaded offline from tiny random models built and saved here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from divergence.errors import DivergenceError
from divergence.judge.nli import LABELS, NLIBackend, map_labels

from .conftest import tiny_bert_parts

NLI = {0: "contradiction", 1: "entailment", 2: "neutral"}
PAIRS = [
    ("The ceasefire was mediated by Washington.", "The ceasefire was not mediated."),
    ("Five jets were downed.", "Five jets were shot down."),
    ("Talks began on Friday.", "Stocks fell sharply in Mumbai."),
]


def _build(folder: Path, id2label: dict[int, str]) -> Path:
    """A 2-layer, 32-wide BERT classifier with random weights and the packaged vocabulary."""
    import torch
    from transformers import BertForSequenceClassification

    tok, cfg = tiny_bert_parts(num_labels=len(id2label), id2label=id2label,
                               label2id={v: k for k, v in id2label.items()})
    torch.manual_seed(0)
    BertForSequenceClassification(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Tiny models: NLI names, the same weights with names permuted, generic names, one output."""
    root = tmp_path_factory.mktemp("nli")
    return {
        "nli": _build(root / "nli", NLI),
        "permuted": _build(root / "permuted", {0: "NEUTRAL", 1: "Contradiction", 2: "entailment"}),
        "generic": _build(root / "generic", {i: f"LABEL_{i}" for i in range(3)}),
        "score": _build(root / "score", {0: "LABEL_0"}),
    }


@pytest.mark.slow
def test_loads_by_path_and_predicts_probabilities(models: dict[str, Path]) -> None:
    nli = NLIBackend(str(models["nli"]), batch_size=2)
    assert nli._ce is None  # nothing loads until first use
    probs = nli.predict(PAIRS)
    assert probs.shape == (3, 3)
    assert probs.dtype == np.float32
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert (probs >= 0).all()
    assert nli.label_order == LABELS
    assert nli.label_source == "config"
    assert nli.name == f"nli:{models['nli']}"
    # row i belongs to pairs[i], whatever order the batches ran in
    assert np.allclose(nli.predict(PAIRS[2:]), probs[2:], atol=1e-5)


@pytest.mark.slow
def test_columns_follow_the_config_names(models: dict[str, Path]) -> None:
    ref = NLIBackend(str(models["nli"])).predict(PAIRS)
    perm = NLIBackend(str(models["permuted"]))
    probs = perm.predict(PAIRS)
    assert perm.label_order == ("neither", "conflict", "agree")
    assert perm.label_source == "config"
    # same weights (same seed), so model column 0 is "neither" here and "conflict" in ref
    assert np.allclose(probs[:, LABELS.index("neither")], ref[:, 0], atol=1e-5)
    assert np.allclose(probs[:, LABELS.index("conflict")], ref[:, 1], atol=1e-5)
    assert np.allclose(probs[:, LABELS.index("agree")], ref[:, 2], atol=1e-5)


@pytest.mark.slow
def test_generic_labels_use_the_assumed_order(models: dict[str, Path]) -> None:
    gen = NLIBackend(str(models["generic"])).load()
    assert gen.label_source == "assumed"
    assert gen.label_order == ("conflict", "agree", "neither")
    assert np.allclose(gen.predict(PAIRS), NLIBackend(str(models["nli"])).predict(PAIRS))


@pytest.mark.slow
def test_a_one_output_model_is_a_clear_error(models: dict[str, Path]) -> None:
    with pytest.raises(DivergenceError, match="has 1 output .* not a 3-way NLI model"):
        NLIBackend(str(models["score"])).predict(PAIRS)


def test_empty_input_loads_nothing() -> None:
    nli = NLIBackend("/nonexistent/nli/model")
    assert nli.predict([]).shape == (0, 3)
    assert nli._ce is None


def test_missing_model_is_a_clean_error() -> None:
    nli = NLIBackend("/nonexistent/nli/model")
    with pytest.raises(DivergenceError, match="cannot load NLI cross-encoder") as e:
        nli.predict(PAIRS)
    assert "no downloads happen here" in str(e.value)
    assert "\n" not in str(e.value)
    assert e.value.__cause__ is None


@pytest.mark.slow
def test_a_missing_name_does_not_reach_the_network() -> None:
    """A hub-style name not in the cache fails fast offline instead of trying to download."""
    code = (
        "import os, socket\n"
        "def no(*a, **k): raise SystemExit('network use')\n"
        "socket.socket.connect = no; socket.create_connection = no\n"
        "from divergence.errors import DivergenceError\n"
        "from divergence.judge.nli import NLIBackend\n"
        "try:\n"
        "    NLIBackend('no-such-org/no-such-nli-model').predict([('a', 'b')])\n"
        "except DivergenceError as e:\n"
        "    print(e)\n"
    )
    env = {"PATH": "", "HOME": "/nonexistent-home"}  # no HF_HUB_OFFLINE: the module sets it
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert "cannot load NLI cross-encoder 'no-such-org/no-such-nli-model'" in out.stdout


def test_map_labels() -> None:
    assert map_labels(NLI) == (("conflict", "agree", "neither"), "config")
    assert map_labels({"1": "ENTAILMENT", "0": "NEUTRAL", "2": "CONTRADICTION"}) == (
        ("neither", "agree", "conflict"),
        "config",
    )
    assert map_labels({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})[1] == "assumed"
    with pytest.raises(DivergenceError, match="cannot tell which output"):
        map_labels({0: "yes", 1: "no", 2: "maybe"})


def test_reason_names_the_top_label_and_model() -> None:
    nli = NLIBackend("some/nli-model")
    r = nli.reason("a:1", "b:2", np.array([0.1, 0.7, 0.2], dtype=np.float32))
    assert r.type == "nli"
    assert r.detail == "agree (p=0.70) by some/nli-model"
    assert r.claims == ("a:1", "b:2")
    assert r.weight == pytest.approx(0.7)


@pytest.mark.slow
def test_judge_and_cli_use_the_nli_model(models: dict[str, Path], tmp_path: Path) -> None:
    """--nli MODEL: every judged pair carries an `nli` reason from the model, in compare and
    in a report."""
    import json

    from click.testing import CliRunner

    from divergence.cli import main

    res = CliRunner().invoke(main, ["compare", "The bridge opened on Friday.",
                                    "The bridge did not open on Friday.", "--format", "json",
                                    "--nli", str(models["nli"])])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["judge"].endswith(f"nli:{models['nli']}")
    assert any(r["type"] == "nli" for r in out["reasons"])
    data = Path(__file__).parent / "data"
    res = CliRunner().invoke(main, ["report", str(data / "agree_a.txt"), str(data / "agree_b.txt"),
                                    "--nli", str(models["nli"]), "-o", str(tmp_path / "r"),
                                    "--format", "json", "--claims-dir", str(tmp_path / "c"), "-q"])
    assert res.exit_code == 0, res.output
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["groups"]
    bad = CliRunner().invoke(main, ["compare", "a b c d", "e f g h", "--nli",
                                    str(tmp_path / "missing-model")])
    assert bad.exit_code == 1 and "Traceback" not in bad.output
