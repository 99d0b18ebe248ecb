"""`python -m divergence`: the same as the `divergence` command."""

from .cli import run

run()
