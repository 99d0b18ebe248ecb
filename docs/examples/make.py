"""Regenerate the example reports in docs/examples/: the five seed articles, as README command 1
(``divergence report seeds/``) makes them, written here instead of reports/.

    .venv/bin/python docs/examples/make.py           # docs/examples/seeds.{md,html,json}
    .venv/bin/python docs/examples/make.py OUT_DIR   # elsewhere (tests/test_examples.py)

The claims files go to a temporary folder; the embedding cache is the usual one (.divergence/).
Run it after any change that shows in a report; tests/test_examples.py fails until you do.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FORMATS = ("md", "html", "json")


def make(out: Path = HERE) -> list[Path]:
    """Write ``out/seeds.{md,html,json}`` from ``seeds/``; the paths written."""
    from divergence.cli import main

    out = Path(out).resolve()
    cwd = os.getcwd()
    os.chdir(ROOT)  # article paths read "seeds/...", as after README command 1
    try:
        with tempfile.TemporaryDirectory() as claims:
            main(["report", "seeds/", "-o", str(out / "seeds"), "--claims-dir", claims, "-q",
                  "--format", ",".join(FORMATS)], standalone_mode=False)
    finally:
        os.chdir(cwd)
    return [out / f"seeds.{ext}" for ext in FORMATS]


if __name__ == "__main__":
    for path in make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path, file=sys.stderr)
