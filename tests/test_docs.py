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
