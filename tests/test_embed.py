"""Embedders, the disk cache, and loading real models offline (packaged, or tiny, built here)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from divergence.cli import main
from divergence.embed import (
    EMBEDDERS,
    EmbeddingCache,
    HashingEmbedder,
    SentenceTransformerEmbedder,
    embed,
    packaged_model_path,
)
from divergence.errors import DivergenceError

from .conftest import DATA, tiny_bert_parts


class Counting:
    """Wraps an embedder and counts the texts it was asked to encode."""

    def __init__(self) -> None:
        self.inner = HashingEmbedder(64)
        self.name = "counting"
        self.seen = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += len(texts)
        return self.inner.encode(texts)


def test_cache_second_run_embeds_nothing_new(tmp_path: Path) -> None:
    emb = Counting()
    texts = ["alpha beta", "gamma delta", "alpha beta"]
    v1 = embed(texts, emb, EmbeddingCache(tmp_path))
    assert emb.seen == 2  # duplicates embedded once
    v2 = embed(texts, emb, EmbeddingCache(tmp_path))
    assert emb.seen == 2
    np.testing.assert_array_equal(v1, v2)
    assert v1.shape == (3, 64)
    embed([*texts, "new one"], emb, EmbeddingCache(tmp_path))
    assert emb.seen == 3


def test_cache_is_keyed_by_model(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    a, b = HashingEmbedder(32), HashingEmbedder(16)
    assert embed(["x y z"], a, cache).shape == (1, 32)
    assert embed(["x y z"], b, cache).shape == (1, 16)


def test_a_model_retrained_in_its_folder_is_not_served_old_vectors(tmp_path: Path) -> None:
    """Old code cached vectors by the --model string: a model retrained into the same folder
    got the old model's vectors back, mixed with new ones."""
    import os

    folder = tmp_path / "mymodel"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "model.safetensors").write_bytes(b"weights one")
    emb = Counting()
    emb.fingerprint = SentenceTransformerEmbedder(str(folder)).fingerprint
    assert emb.fingerprint
    cache = EmbeddingCache(tmp_path / "cache")
    embed(["alpha beta"], emb, cache)
    (folder / "model.safetensors").write_bytes(b"weights, two")  # retrained in place
    os.utime(folder / "model.safetensors", ns=(1, 1))
    again = SentenceTransformerEmbedder(str(folder)).fingerprint
    assert again and again != emb.fingerprint
    emb.fingerprint = again
    embed(["alpha beta"], emb, cache)
    assert emb.seen == 2  # encoded again, not read from the old model's cache rows
    assert SentenceTransformerEmbedder().fingerprint is None  # the packaged model: its name


def test_damaged_cache_rows_are_embedded_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                               ) -> None:
    """Old code trusted every cached row: a cut-short blob was a traceback, NaN a SciPy
    traceback, and another length silently wrong groups."""
    import sqlite3

    emb = Counting()
    texts = ["one two", "three four", "five six", "seven eight"]
    first = embed(texts, emb, EmbeddingCache(tmp_path))
    con = sqlite3.connect(tmp_path / "embeddings.sqlite")
    keys = [EmbeddingCache.key(t) for t in texts]
    con.execute("UPDATE vec SET v=? WHERE key=?", (b"\x01", keys[0]))
    con.execute("UPDATE vec SET v=? WHERE key=?",
                (np.full(64, np.nan, np.float32).tobytes(), keys[1]))
    con.execute("UPDATE vec SET v=?, dim=4 WHERE key=?",
                (np.ones(4, np.float32).tobytes(), keys[2]))
    con.commit()
    con.close()
    again = embed(texts, emb, EmbeddingCache(tmp_path))
    assert emb.seen == 4 + 4  # lengths disagree: which is damaged cannot be told, none trusted
    np.testing.assert_allclose(again, first)
    assert "4 cached vector(s)" in capsys.readouterr().err
    con = sqlite3.connect(tmp_path / "embeddings.sqlite")  # every row one wrong length: told
    con.execute("UPDATE vec SET v=?, dim=4 WHERE key<>?", (np.ones(4, np.float32).tobytes(),
                                                           keys[3]))
    con.execute("DELETE FROM vec WHERE key=?", (keys[3],))
    con.commit()
    con.close()
    with pytest.raises(DivergenceError, match="vectors of another length"):
        embed(texts, emb, EmbeddingCache(tmp_path))


def test_hashing_is_deterministic_and_normalised() -> None:
    v = HashingEmbedder().encode(
        ["the council approved the budget", "the council approved the budget"]
    )
    assert np.allclose(v[0], v[1]) and np.allclose(np.linalg.norm(v, axis=1), 1.0)


def test_registry_lists_names_on_a_miss() -> None:
    with pytest.raises(DivergenceError, match="available: hashing, sentence-transformers"):
        EMBEDDERS.make("minilm")


@pytest.mark.slow
def test_packaged_model_loads_offline(real_embedder: SentenceTransformerEmbedder) -> None:
    assert packaged_model_path() is not None
    v = real_embedder.encode(["The ceasefire held.", "The truce held.", "Stocks fell sharply."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_missing_model_is_a_clean_error() -> None:
    emb = SentenceTransformerEmbedder("/nonexistent/model/folder", backend="torch")
    with pytest.raises(DivergenceError, match="cannot load sentence-transformers model"):
        emb.encode(["x"])


def test_a_folder_holding_no_model_is_a_clean_error_on_onnx(tmp_path: Path) -> None:
    """Old code: the onnx backend's export raised the transformers traceback for an empty or
    non-model folder (the torch backend said it in one line), and left an empty cache folder;
    ``--model ""`` loaded the working folder."""
    (tmp_path / "emptydir").mkdir()
    # a file named in no encoding under it: the folder is refused before it is walked (old
    # code: UnicodeEncodeError from the cache key; "--model /" walked the whole file system)
    (tmp_path / "emptydir" / "sub").mkdir()
    import contextlib
    import os
    with contextlib.suppress(OSError):  # a file system that refuses such names
        open(os.fsencode(str(tmp_path / "emptydir" / "sub")) + b"/bad\xffname", "w").close()
    with pytest.raises(DivergenceError, match="emptydir: not a model folder"):
        SentenceTransformerEmbedder(str(tmp_path / "emptydir"), onnx_dir=tmp_path / "c"
                                    ).encode(["x"])
    assert not list((tmp_path / "c" / "onnx").glob("*"))
    from divergence.embed.models import files_digest
    assert len(files_digest(tmp_path / "emptydir", "x")) == 64  # hashed as its bytes
    with pytest.raises(DivergenceError, match="model name is empty"):
        SentenceTransformerEmbedder("")


def _tiny_model(folder: Path) -> Path:
    """A 2-layer, 32-wide BERT with random weights and the packaged model's vocabulary."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertModel

    tok, cfg = tiny_bert_parts()
    raw = folder / "raw"
    BertModel(cfg).save_pretrained(raw)
    tok.save_pretrained(raw)
    word = models.Transformer(str(raw), max_seq_length=64)
    dim = (getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension)()
    pool = models.Pooling(dim, pooling_mode="mean")
    out = folder / "tiny-st"
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(out))
    return out


@pytest.mark.slow
def test_any_sentence_transformers_model_by_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _tiny_model(tmp_path)
    emb = SentenceTransformerEmbedder(str(model), backend="torch")
    v = emb.encode(["one sentence here", "another one"])
    assert v.shape == (2, 32)
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(
        main,
        [
            "report",
            str(DATA / "agree_a.txt"),
            str(DATA / "agree_b.txt"),
            "--model",
            str(model),
            "-o",
            "r",
            "--format",
            "json",
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["model"] == f"st:{model}"
    assert rep["groups"]


def test_library_and_cli_share_one_default_backend() -> None:
    from divergence.cli.app import DEFAULT_BACKEND as CLI_DEFAULT
    from divergence.embed import DEFAULT_BACKEND, SentenceTransformerEmbedder

    assert CLI_DEFAULT == DEFAULT_BACKEND == SentenceTransformerEmbedder().backend == "onnx"


def test_a_damaged_embedding_cache_is_set_aside_and_started_anew(tmp_path: Path) -> None:
    """Old code: a cache file that is no database warned on every run ("file is not a
    database", no path) and was never rebuilt; it only saves time, so a new one starts."""
    from divergence.embed import EmbeddingCache

    (tmp_path / "embeddings.sqlite").write_bytes(b"\x13garbage" * 400)
    cache = EmbeddingCache(tmp_path)
    assert cache.set_aside == tmp_path / "embeddings.sqlite.damaged"
    assert cache.set_aside.read_bytes().startswith(b"\x13garbage")
    cache.put_many("m", {"k": np.ones(3, dtype=np.float32)})
    assert EmbeddingCache(tmp_path).set_aside is None
