"""divergence: where news articles about one event agree, what only one says, where they conflict.

The library is the product; the CLI is a thin shell over it::

    from divergence import compare_paths, load_report
    report = compare_paths(["seeds/"])          # a Report: articles, claims, events, groups
    for d in report.disputes:                   # who says what, which outlet tells which side
        print(d.question, [p.label for p in d.positions])
    same = load_report("reports/seeds.json")    # a report file read back into the same records

Names are imported on first use, so ``import divergence`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_API = {
    **{name: "records" for name in (
        "Article", "Claim", "ClaimGroup", "Dispute", "Event", "Judgement", "OutletPosition",
        "Position", "Reason", "Report", "Skip", "Span", "Verdict")},
    "DivergenceError": "errors",
    "load_report": "contract",
    "report_to_dict": "contract",
    "load": "ingest.io",
    "Options": "pipeline",
    "run": "pipeline",
    "Judge": "judge",
    "make_judge": "judge",
    "Corpus": "corpus.store",
    "write_reports": "report",
}

__all__ = sorted([*_API, "compare_paths", "__version__"])

if TYPE_CHECKING:
    from .records import Report


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name in _API:
        value = getattr(import_module(f".{_API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'divergence' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def compare_paths(
    paths: list[str] | str,
    model: str = "all-MiniLM-L6-v2",
    claims_dir: str | None = None,
    progress: bool = False,
) -> Report:
    """Load the articles under ``paths`` and run the whole pipeline with the default parts
    (the packaged model on ONNX Runtime, the default judge, the embedding cache)."""
    from .embed import EmbeddingCache, SentenceTransformerEmbedder
    from .ingest.io import load
    from .judge import make_judge
    from .pipeline import Options, run

    articles, skipped = load(paths)
    embedder = SentenceTransformerEmbedder(model, backend="onnx")
    return run(
        articles,
        embedder,
        judge=make_judge("nli", embedder.name),
        cache=EmbeddingCache(),
        skipped=skipped,
        options=Options(progress=progress, claims_dir=claims_dir),
    )
