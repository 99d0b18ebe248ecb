"""Embedding backends by name: torch, onnx (exported on first use) and onnx-int8 (quantised).

A tiny random 2-layer BERT, saved as a sentence-transformers model, is exported here; the real
packaged model's int8 fidelity is a slow test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from divergence.embed import (
    EMBEDDERS,
    SentenceTransformerEmbedder,
    base_name,
    embedder_name,
)
from divergence.errors import DivergenceError

from .conftest import ROOT, SEEDS, run_cli, tiny_bert_parts

SENTENCES = [
    "The central bank raised rates on Wednesday.",
    "Officials said 14 people were killed when the bridge collapsed.",
    "Stocks fell.",
    "The minister denied that the government had known about the plan in advance, "
    "according to a statement released late on Friday by her office in the capital.",
    "Rain forced thousands to leave their homes along the river.",
]


@pytest.fixture(scope="module")
def ort() -> None:
    """Skip when the onnx extra is not installed."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer, 32-wide BERT with random weights as a sentence-transformers model folder."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertModel

    folder = tmp_path_factory.mktemp("tiny")
    tok, cfg = tiny_bert_parts()
    raw = folder / "raw"
    BertModel(cfg).save_pretrained(raw)
    tok.save_pretrained(raw)
    word = models.Transformer(str(raw), max_seq_length=64)
    get = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    dim = get()
    out = folder / "tiny-st"
    pool = models.Pooling(dim, pooling_mode="mean")
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(out))
    return out


@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ONNX cache folder for the module, so the tiny model is exported once."""
    return tmp_path_factory.mktemp("onnx-cache")


def _emb(model: Path, backend: str, onnx_dir: Path) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(str(model), backend=backend, onnx_dir=onnx_dir)


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1)


@pytest.mark.slow  # exports a model with torch first (7 s here)
def test_onnx_reproduces_torch_and_shares_its_name(ort: None, tiny: Path, onnx_dir: Path) -> None:
    ref = SentenceTransformerEmbedder(str(tiny), backend="torch").encode(SENTENCES)
    emb = _emb(tiny, "onnx", onnx_dir)
    v = emb.encode(SENTENCES)
    assert v.shape == ref.shape == (len(SENTENCES), 32)
    assert v.dtype == np.float32
    assert _cos(v, ref).min() > 0.999
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert emb.name == SentenceTransformerEmbedder(str(tiny), backend="torch").name == f"st:{tiny}"
    assert emb.dim == 32
    assert emb.encode([]).shape == (0, 32)


@pytest.mark.slow  # builds an int8 model: 7 s
def test_int8_is_close_and_named_apart(ort: None, tiny: Path, onnx_dir: Path) -> None:
    ref = SentenceTransformerEmbedder(str(tiny), backend="torch").encode(SENTENCES)
    emb = _emb(tiny, "onnx-int8", onnx_dir)
    v = emb.encode(SENTENCES)
    assert v.shape == ref.shape
    cos = _cos(v, ref)
    assert cos.mean() > 0.98, cos
    assert emb.name == f"st:{tiny}@onnx-int8" != f"st:{tiny}"
    assert base_name(emb.name) == f"st:{tiny}"
    folders = list((onnx_dir / "onnx").iterdir())
    assert len(folders) == 1 and {p.name for p in folders[0].iterdir()} == {"fp32", "int8"}
    meta = json.loads((folders[0] / "int8" / "meta.json").read_text())
    assert meta["variant"] == "int8" and meta["check"]["vs"] == "fp32"


def test_order_of_rows_follows_the_texts(ort: None, tiny: Path, onnx_dir: Path) -> None:
    emb = _emb(tiny, "onnx", onnx_dir)
    v = emb.encode(SENTENCES)
    w = emb.encode(SENTENCES[::-1])[::-1]
    assert _cos(v, w).min() > 0.99999


def test_passes_spread_over_cores_give_the_vectors_of_one(ort: None, tiny: Path,
                                                         onnx_dir: Path) -> None:
    from divergence.embed.onnx_backend import OnnxEncoder

    _emb(tiny, "onnx", onnx_dir).encode(["exports the model once"])
    folder = next(p.parent for p in onnx_dir.rglob("fp32/model.onnx"))
    one = OnnxEncoder(folder, batch_size=2, workers=1).encode(SENTENCES * 3)
    two = OnnxEncoder(folder, batch_size=2, workers=2).encode(SENTENCES * 3)
    assert np.array_equal(one, two)


def test_run_each_keeps_the_order_and_stops_at_an_error() -> None:
    import threading
    import time

    from divergence.embed.onnx_backend import run_each

    squares = [(x, x * x) for x in range(20)]
    assert list(run_each(range(20), lambda x: x * x, workers=3, window=7)) == squares
    assert list(run_each(iter(range(20)), lambda x: x * x, workers=1)) == squares
    here = threading.get_ident()  # one pass runs inline: a new thread would pay a warm-up
    assert list(run_each([1], lambda x: threading.get_ident(), workers=4)) == [(1, here)]
    ran: list[int] = []
    lock = threading.Lock()

    def run(x: int) -> int:
        if x == 0:
            raise ValueError("bad batch")
        time.sleep(0.01)
        with lock:
            ran.append(x)
        return x

    with pytest.raises(ValueError, match="bad batch"):
        list(run_each(range(200), run, workers=2))
    assert len(ran) < 100  # the passes not yet started were dropped, not waited for


def test_second_load_reuses_the_files(
    ort: None, tiny: Path, onnx_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from divergence.embed import onnx_backend as _onnx
    _emb(tiny, "onnx-int8", onnx_dir).encode(["build once"])
    stamps = {p: p.stat().st_mtime_ns for p in (onnx_dir / "onnx").rglob("model.onnx")}

    def boom(*a: object) -> None:
        raise AssertionError("rebuilt")

    monkeypatch.setattr(_onnx, "_export", boom)
    monkeypatch.setattr(_onnx, "_quantise", boom)
    for backend in ("onnx", "onnx-int8"):
        assert _emb(tiny, backend, onnx_dir).encode(["again"]).shape == (1, 32)
    assert stamps == {p: p.stat().st_mtime_ns for p in (onnx_dir / "onnx").rglob("model.onnx")}
    assert not [p for p in (onnx_dir / "onnx").rglob(".*")]  # no temporary folders left


def test_another_model_gets_its_own_files(ort: None, tiny: Path, tmp_path: Path) -> None:
    import shutil

    from divergence.embed.onnx_backend import cache_key

    other = tmp_path / "other"
    shutil.copytree(tiny, other)
    assert cache_key(other) != cache_key(tiny)
    before = cache_key(other)
    (other / "config.json").write_text((other / "config.json").read_text() + "\n")
    assert cache_key(other) != before  # a changed file is another model


def test_failed_build_leaves_nothing(
    ort: None, tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from divergence.embed import onnx_backend as _onnx
    def half(src: Path, out: Path) -> None:
        (out / "model.onnx").write_bytes(b"half a model")
        raise DivergenceError("export failed")

    monkeypatch.setattr(_onnx, "_export", half)
    with pytest.raises(DivergenceError, match="export failed"):
        _emb(tiny, "onnx", tmp_path).encode(["x"])
    assert not [p for p in (tmp_path / "onnx").rglob("*") if p.is_file()]


def test_missing_onnxruntime_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    emb = SentenceTransformerEmbedder(backend="onnx-int8")
    with pytest.raises(DivergenceError, match=r"onnx-int8 backend needs onnxruntime: "
                                              r"pip install 'divergence\[onnx\]'"):
        emb.encode(["x"])


def test_unknown_backend_lists_the_known_ones() -> None:
    with pytest.raises(DivergenceError, match="unknown backend 'openvino'; available: torch, onnx, "
                                              "onnx-int8"):
        SentenceTransformerEmbedder(backend="openvino")
    with pytest.raises(DivergenceError, match="CPU only"):
        SentenceTransformerEmbedder(backend="onnx", device="cuda")


def test_names_and_registry() -> None:
    assert embedder_name("m", "torch") == embedder_name("m", "onnx") == "st:m"
    assert embedder_name("m", "onnx-int8") == "st:m@onnx-int8"
    assert base_name("st:m@onnx-int8") == "st:m"
    assert base_name("st:user@host/model") == "st:user@host/model"  # not a backend suffix
    emb = EMBEDDERS.make("sentence-transformers", model="m", backend="onnx-int8")
    assert emb.name == "st:m@onnx-int8"


def test_shipped_classifier_serves_the_onnx_backends() -> None:
    from divergence.judge.model import shipped

    if shipped("st:all-MiniLM-L6-v2") is None:
        pytest.skip("no shipped classifier in this checkout")
    assert shipped("st:all-MiniLM-L6-v2@onnx-int8") is not None
    assert shipped("st:other-model@onnx-int8") is None


def test_onnx_backend_does_not_import_torch(ort: None, tiny: Path, onnx_dir: Path) -> None:
    _emb(tiny, "onnx-int8", onnx_dir).encode(["build first"])
    code = (
        "import sys\n"
        "from divergence.embed import SentenceTransformerEmbedder\n"
        f"e = SentenceTransformerEmbedder({str(tiny)!r}, backend=sys.argv[1], "
        f"onnx_dir={str(onnx_dir)!r})\n"
        "assert e.encode(['a sentence']).shape == (1, 32)\n"
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for backend in ("onnx", "onnx-int8"):
        out = subprocess.run([sys.executable, "-c", code, backend], capture_output=True,
                             text=True, env=env, check=True, timeout=120)
        assert out.stdout.split() == ["False", "False"], (backend, out.stdout, out.stderr)


def test_bench_embed_command(ort: None, tiny: Path, onnx_dir: Path, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    import divergence.cli.bench  # noqa: F401 - registers `bench` on main

    monkeypatch.setenv("DIVERGENCE_CACHE", str(onnx_dir))
    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join(SENTENCES * 4) + "\n\n")
    res = run_cli("bench", "embed", "--sentences", str(lines), "--sick", "0", "--model", str(tiny),
                  "--backends", "onnx,onnx-int8", "--runs", "1", "--no-cold-start",
                  "--format", "json", "-o", str(tmp_path / "r.json"))
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc == json.loads((tmp_path / "r.json").read_text())
    assert doc["sentences"] == len(SENTENCES)
    assert set(doc["backends"]) == {"onnx", "onnx-int8"}
    row = doc["backends"]["onnx-int8"]
    assert row["sentences_per_s"] > 0 and row["ratio_to_limit"] > 0
    assert row["cosine_mean"] is None  # no torch row to compare with
    assert doc["tokens_per_sentence"] > 5 and doc["matmul_gflops"] > 0
    table = run_cli("bench", "embed", "--sentences", str(lines), "--sick", "0", "--model",
                    str(tiny), "--backends", "onnx", "--runs", "1", "--no-cold-start")
    assert table.exit_code == 0 and "| onnx |" in table.stdout


def test_bench_embed_bad_backend_is_a_clean_error(tmp_path: Path) -> None:
    import divergence.cli.bench  # noqa: F401

    lines = tmp_path / "lines.txt"
    lines.write_text("One sentence.\n")
    res = run_cli("bench", "embed", "--sentences", str(lines), "--sick", "0",
                  "--backends", "torch,openvino")
    assert res.exit_code == 2  # a usage error, before any work (old code: 1, after a line)
    assert "unknown backend 'openvino'" in res.stderr and "sentences, backends" not in res.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    res = run_cli("bench", "embed", "--sentences", str(empty), "--sick", "0")
    assert res.exit_code == 1 and f"no sentences in {empty}" in res.stderr  # it was given


@pytest.mark.slow
def test_packaged_model_int8_fidelity_on_the_seeds(ort: None, tmp_path: Path) -> None:
    from divergence.embed.bench import sentences_from

    texts = sentences_from([str(SEEDS)])
    assert len(texts) > 50
    ref = SentenceTransformerEmbedder(backend="torch").encode(texts)
    cos = _cos(SentenceTransformerEmbedder(backend="onnx-int8", onnx_dir=tmp_path).encode(texts),
               ref)
    assert cos.mean() >= 0.995, (cos.mean(), cos.min())
    assert cos.min() >= 0.98
    fp32 = SentenceTransformerEmbedder(backend="onnx", onnx_dir=tmp_path).encode(texts)
    assert _cos(fp32, ref).min() > 0.99999
