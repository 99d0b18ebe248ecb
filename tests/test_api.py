"""The library API: the public names resolve, and a library run has no side effects."""

from __future__ import annotations

from pathlib import Path

import pytest

import divergence
from divergence.embed import HashingEmbedder
from divergence.ingest.io import make_article
from divergence.pipeline import run


def test_every_public_name_resolves() -> None:
    for name in divergence.__all__:
        assert getattr(divergence, name) is not None, name
    with pytest.raises(AttributeError):
        divergence.no_such_name  # noqa: B018


def test_a_library_run_writes_nothing_and_prints_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    arts = [make_article("The council approved the budget on Monday.", "a.txt"),
            make_article("The council rejected the budget on Monday.", "b.txt")]
    rep = run(arts, HashingEmbedder())  # default Options, default judge
    assert len(rep.articles) == 2 and rep.claims
    assert list(tmp_path.iterdir()) == []  # no claims/ folder, no cache
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_with_progress_every_long_stage_shows_on_stderr(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Old code showed bars for embedding and judging only: splitting a huge article and reading
    the frames of its claims ran silent for a minute."""
    from divergence.judge import Judge
    from divergence.pipeline import Options

    monkeypatch.chdir(tmp_path)
    arts = [make_article("The council approved the budget on Monday.", "a.txt"),
            make_article("The council rejected the budget on Monday.", "b.txt")]
    run(arts, HashingEmbedder(), Judge(), options=Options(progress=True, claims_dir=None))
    err = capsys.readouterr().err
    for stage in ("splitting", "embedding", "events", "pairing", "judging"):
        assert stage in err, stage
