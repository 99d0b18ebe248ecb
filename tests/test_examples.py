"""The example reports in docs/examples/ are what docs/examples/make.py makes today."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the real model over the seeds

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
def _make():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make


def test_examples_are_current(tmp_path: Path) -> None:
    written = _make()(tmp_path)
    assert [p.name for p in written] == ["seeds.md", "seeds.html", "seeds.json"]
    stale = "stale: run .venv/bin/python docs/examples/make.py and commit docs/examples/"
    for path in written:
        assert (EXAMPLES / path.name).is_file(), f"docs/examples/{path.name} is missing; {stale}"
    # The one thing that differs run to run is the "created" stamp (JSON, page title, header).
    new, old = (json.loads((d / "seeds.json").read_text("utf-8")) for d in (tmp_path, EXAMPLES))
    stamps = new.pop("created"), old.pop("created")
    assert new == old, f"seeds.json {stale}"
    for name in ("seeds.md", "seeds.html"):
        fresh, kept = ((d / name).read_text("utf-8").replace(stamp, "<created>")
                       for d, stamp in zip((tmp_path, EXAMPLES), stamps, strict=True))
        assert fresh == kept, f"{name} {stale}"


def test_generated_folders_are_ignored_but_keep_their_readme() -> None:
    ignore = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    for folder in ("reports", "claims"):
        assert f"{folder}/*" in ignore and f"!{folder}/README.md" in ignore
        assert (ROOT / folder / "README.md").is_file()
