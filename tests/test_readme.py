"""The README's two set-up commands exist, and CI runs the README's test command verbatim."""

from __future__ import annotations

import re

from .conftest import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set-up: two commands", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_two_setup_commands() -> None:
    cmds = _commands()
    assert len(cmds) == 2
    assert "divergence report seeds/" in cmds[0]
    assert "pytest" in cmds[1]
    for c in cmds:
        assert "pip install" in c and "requirements.txt" in c


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


def test_requirements_pin_the_cpu_torch_and_install_the_project() -> None:
    req = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^torch==\d", req, re.M)
    assert re.search(r"^-e \.\[dev(?:,ann)?(?:,dask)?\]", req, re.M)
