"""divergence: where news articles about one event agree, what only one says, where they conflict.

The library is the product; the CLI is a thin shell over it::

    from divergence import compare_paths
    report = compare_paths(["seeds/"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .records import Report


def compare_paths(
    paths: list[str],
    model: str = "all-MiniLM-L6-v2",
    claims_dir: str | None = None,
    progress: bool = False,
) -> Report:
    """Load the articles under ``paths`` and run the whole pipeline with the default parts."""
    from .embed import EmbeddingCache, SentenceTransformerEmbedder
    from .io import load
    from .pipeline import Options, run

    articles, skipped = load(paths)
    return run(
        articles,
        SentenceTransformerEmbedder(model),
        cache=EmbeddingCache(),
        skipped=skipped,
        options=Options(progress=progress, claims_dir=claims_dir),
    )
