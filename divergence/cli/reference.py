"""The CLI reference (docs/cli.md), generated from the commands' own ``--help``.

    python -m divergence.cli.reference > docs/cli.md

A test regenerates it and fails when docs/cli.md is out of date, so the reference never drifts
from the help text users see.
"""

from __future__ import annotations

import click

from . import main

HEADER = """# Command-line reference

Generated from `divergence --help` and each command's `--help` by
`python -m divergence.cli.reference > docs/cli.md`; CI checks it is current.
"""


def _help(path: list[str]) -> str:
    """What ``divergence ... --help`` prints, 100 columns wide."""
    from click.testing import CliRunner

    res = CliRunner().invoke(main, [*path[1:], "--help"], prog_name=path[0],
                             terminal_width=100, max_content_width=100)
    if res.exit_code != 0:
        raise RuntimeError(f"{' '.join(path)} --help failed: {res.output}")
    return res.output


def _walk(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += _walk(cmd.commands[name], [*path, name])
    return out


def reference() -> str:
    """Markdown with one section per command (subcommands included), each its ``--help``."""
    parts = [HEADER]
    for path, _cmd in _walk(main, ["divergence"]):
        title = " ".join(path)
        parts.append(f"## `{title}`\n\n```text\n{_help(path).rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
