"""A flagged conflict's confidence as the share of such flags readers found to be disputes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from divergence.judge import trust
from divergence.records import Judgement, Reason

AUDIT = Path(__file__).parent / "data" / "newsdev" / "audit"


def _conflict(*types: str, sim: float = 0.6, weights: tuple[float, ...] = ()) -> Judgement:
    ws = weights or (0.7,) * len(types)
    return Judgement("conflict", 0.75, tuple(Reason(t, "d", ("a", "b"), (), w)
                                            for t, w in zip(types, ws, strict=True)), sim)


def test_kind_is_the_strongest_typed_reason_else_the_model_that_called_it() -> None:
    assert trust.kind(_conflict("number", "date", weights=(0.6, 0.8))) == "date"
    assert trust.kind(_conflict("model")) == "model"
    assert trust.kind(_conflict("nli")) == "nli"
    assert trust.kind(_conflict("same-value", "model")) == "model"  # not a conflict reason


def test_trusted_is_the_logistic_estimate_and_leaves_other_labels_alone() -> None:
    coef = [0.0] * len(trust.FEATURES)
    coef[trust.FEATURES.index("bias")] = -1.0
    coef[trust.FEATURES.index("compliance")] = 2.0
    got = trust.trusted(_conflict("compliance"), coef).confidence
    assert got == pytest.approx(1 / (1 + math.exp(-1.0)), abs=1e-4)
    assert trust.trusted(_conflict("date"), coef).confidence == pytest.approx(
        1 / (1 + math.exp(1.0)), abs=1e-4)
    agree = Judgement("agree", 0.9, (), 0.8)
    assert trust.trusted(agree, coef) is agree
    # the label, the reasons and the closeness stay as they were
    v = _conflict("actor")
    t = trust.trusted(v, coef)
    assert (t.label, t.reasons, t.similarity) == (v.label, v.reasons, v.similarity)


def test_fit_ranks_a_kind_readers_confirm_above_one_they_reject() -> None:
    vs = [_conflict("compliance")] * 8 + [_conflict("date")] * 8
    right = [True] * 7 + [False] + [False] * 7 + [True]
    coef = trust.fit(vs, right, steps=500)
    hi = trust.trusted(_conflict("compliance"), coef).confidence
    lo = trust.trusted(_conflict("date"), coef).confidence
    assert hi > 0.6 > 0.4 > lo
    with pytest.raises(ValueError):
        trust.fit(vs, right[:3])


def test_the_shipped_coefficients_load_and_say_how_they_were_made() -> None:
    coef = trust.shipped()
    assert coef is not None and len(coef) == len(trust.FEATURES)
    raw = json.loads((Path(trust.__file__).parent.parent / "data" / trust.DATA).read_text())
    assert "newsdev dev" in raw["on"] and raw["by"].startswith("python benchmarks/")
    # fitted on the audit: a pair-model conflict is trusted less than a compliance one
    assert trust.trusted(_conflict("model")).confidence < trust.trusted(
        _conflict("compliance")).confidence


def test_coefficients_for_other_features_are_not_read(tmp_path: Path, monkeypatch) -> None:
    assert trust.trusted(_conflict("date"), None).confidence != 0.75  # shipped ones apply
    trust.shipped.cache_clear()
    monkeypatch.setattr(trust, "FEATURES", (*trust.FEATURES, "new"))
    try:
        assert trust.shipped() is None
        assert trust.trusted(_conflict("date")).confidence == 0.75  # left as it was
    finally:
        monkeypatch.undo()
        trust.shipped.cache_clear()


@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_audit_files_hold_labelled_sentence_pairs(split: str) -> None:
    rows = [json.loads(x) for x in (AUDIT / f"conflicts_{split}.jsonl").read_text(
        "utf-8").splitlines() if x.strip()]
    assert len(rows) >= 100
    assert {r["label"] for r in rows} == {"conflict", "same_side", "compatible"}
    assert all(r["a"].strip() and r["b"].strip() and r["a"] != r["b"] for r in rows)
