"""Docs beside the code: the CLI reference matches --help; the README stays a front door."""

from __future__ import annotations

from pathlib import Path

from divergence.cli.reference import reference

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    got = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert got == reference(), (
        "docs/cli.md is out of date: python -m divergence.cli.reference > docs/cli.md")


def test_cli_reference_covers_every_command() -> None:
    from divergence.cli import main

    text = reference()
    for name in main.commands:
        assert f"## `divergence {name}`" in text


def test_cli_spells_out_the_report_formats_it_checks_first() -> None:
    from divergence.cli.app import FORMATS as CLI_FORMATS
    from divergence.report import FORMATS, RENDERERS

    assert CLI_FORMATS == FORMATS and set(FORMATS) <= set(RENDERERS.names())


def _shown_commands(text: str) -> list[list[str]]:
    """Every ``divergence ...`` command line inside the bash blocks of a Markdown text."""
    import shlex

    out = []
    for block in text.split("```bash")[1:]:
        for line in block.split("```", 1)[0].splitlines():
            line = line.split(" #", 1)[0].strip()
            if "divergence " in line:
                line = line[line.index("divergence "):].split("|", 1)[0]
                out.append(shlex.split(line)[1:])
    return out


def _check_commands(path: Path) -> None:
    from divergence.cli import main

    for args in _shown_commands(path.read_text(encoding="utf-8")):
        cmd = main.commands.get(args[0])
        assert cmd is not None, f"{path.name}: no command {args[0]!r}"
        while args[1:] and hasattr(cmd, "commands") and args[1] in cmd.commands:
            args = args[1:]
            cmd = cmd.commands[args[0]]
        known = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts)} | {"-h", "--help"}
        for a in args[1:]:
            if a.startswith("-") and a != "-":
                assert a.split("=", 1)[0] in known, f"{path.name}: {args[0]} has no option {a}"


def test_readme_is_a_front_door_whose_commands_exist() -> None:
    readme = ROOT / "README.md"
    assert len(readme.read_text(encoding="utf-8").splitlines()) <= 150
    assert len(_shown_commands(readme.read_text(encoding="utf-8"))) >= 8
    _check_commands(readme)


def test_guide_commands_exist() -> None:
    guide = ROOT / "docs" / "guide.md"
    assert len(_shown_commands(guide.read_text(encoding="utf-8"))) >= 20
    _check_commands(guide)


def test_the_checker_catches_a_wrong_option(tmp_path: Path) -> None:
    import pytest

    bad = tmp_path / "x.md"
    bad.write_text("```bash\ndivergence report seeds/ --no-such-flag\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="no option --no-such-flag"):
        _check_commands(bad)
