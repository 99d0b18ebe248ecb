"""Registries are open: a package adds a detector or a renderer through entry points."""

from __future__ import annotations

from pathlib import Path

import pytest

from divergence.errors import DivergenceError
from divergence.ingest.io import make_article
from divergence.judge import DETECTORS, make_judge
from divergence.records import Claim
from divergence.registry import Registry
from divergence.report import RENDERERS, write_reports

from .conftest import run_cli

PLUGINS = Path(__file__).parent / "plugins"


@pytest.fixture()
def plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test plugin installed: its folder on sys.path, the registries asked afresh."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    for reg in (DETECTORS, RENDERERS):
        monkeypatch.setattr(reg, "_plugins_loaded", False)
        monkeypatch.setattr(reg, "_factories", dict(reg._factories))


def _claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], text, 0, len(text), proposition=text)


def test_without_the_plugin_its_names_are_unknown() -> None:
    fresh: Registry[object] = Registry("detector")
    with pytest.raises(DivergenceError, match="unknown detector 'shout'"):
        fresh.get("shout")


def test_a_plugin_detector_serves_the_judge(plugin: None) -> None:
    assert "shout" in DETECTORS.names()
    judge = make_judge("rules", detectors=["negation", "shout"])
    got = judge.judge(_claim("a:0", "The bridge opened on Monday!"),
                      _claim("b:0", "The bridge opened on Monday."), 0.99)
    assert got.label == "conflict" and got.reasons[0].type == "shout"


def test_a_plugin_renderer_writes_its_format(plugin: None, tmp_path: Path) -> None:
    from divergence.embed import HashingEmbedder
    from divergence.pipeline import run

    rep = run([make_article("The council met on Monday. It approved the plan.", "a.txt")],
              HashingEmbedder(), judge=make_judge("rules"))
    (path,) = write_reports(rep, tmp_path / "r", ["txt"])
    assert path.suffix == ".txt" and path.read_text().startswith("unique\t1")


def test_the_cli_takes_plugin_formats_and_detectors(plugin: None, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The bridge opened on Monday!\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The bridge opened on Monday.\n", encoding="utf-8")
    res = run_cli("report", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o",
                  str(tmp_path / "out"), "--format", "txt,json", "--embedder", "hashing",
                  "--judge", "rules", "--detectors", "shout", "--claims-dir",
                  str(tmp_path / "claims"), "-q")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out.txt").read_text().startswith("conflict\t2")


def test_unknown_detector_on_the_cli_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The bridge opened on Monday.\n", encoding="utf-8")
    res = run_cli("report", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                  "--embedder", "hashing", "--detectors", "nope", "-q")
    assert res.exit_code == 2  # a usage error, as a Choice's
    assert "unknown detector 'nope'; available:" in res.output


def test_a_broken_plugin_says_why_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGINS))
    splitters: Registry[object] = Registry("splitter")
    splitters.add("pysbd", object)
    assert splitters.names() == ["pysbd"]  # the broken one is left out, the rest still work
    with pytest.raises(DivergenceError, match="cannot load splitter plugin 'broken'"):
        splitters.get("broken")
