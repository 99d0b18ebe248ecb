"""The example reports in docs/examples/ are what docs/examples/make.py makes today."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the real model over the seeds

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
# The one thing that differs run to run: "created 2025-05-28T10:00:00+00:00".
_CREATED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?")


def _make():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make


def _masked(text: str) -> str:
    return "\n".join(_CREATED.sub("<created>", line) if "reated" in line else line
                     for line in text.splitlines())


def test_examples_are_current(tmp_path: Path) -> None:
    written = _make()(tmp_path)
    assert [p.name for p in written] == ["seeds.md", "seeds.html", "seeds.json"]
    stale = "stale: run .venv/bin/python docs/examples/make.py and commit docs/examples/"
    for fresh in written:
        kept = EXAMPLES / fresh.name
        assert kept.is_file(), f"{kept} is missing; {stale}"
        if fresh.suffix == ".json":
            a, b = json.loads(fresh.read_text("utf-8")), json.loads(kept.read_text("utf-8"))
            a.pop("created", None)
            b.pop("created", None)
            assert a == b, f"{kept.name} {stale}"
        else:
            assert _masked(fresh.read_text("utf-8")) == _masked(kept.read_text("utf-8")), (
                f"{kept.name} {stale}")


def test_generated_folders_are_ignored_but_keep_their_readme() -> None:
    ignore = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    for folder in ("reports", "claims"):
        assert f"{folder}/*" in ignore and f"!{folder}/README.md" in ignore
        assert (ROOT / folder / "README.md").is_file()
