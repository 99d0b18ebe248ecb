"""`python -m divergence.cli`: the same as the `divergence` command."""

from . import run

run()
