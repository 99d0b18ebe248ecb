"""MultiNLI and ANLI dev splits (``../shared/nli``, gzip JSONL) as labelled pairs for evaluation.

Only evaluation splits are read here: MNLI dev_mismatched (``test``, never trained on) or
dev_matched, and ANLI R1-R3 dev (CC BY-NC 4.0: evaluation only). Labels map contradiction ->
conflict, entailment -> agree, neutral -> neither.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from ..errors import DivergenceError
from .loaders import LabeledPair

_LABELS = {"contradiction": "conflict", "entailment": "agree", "neutral": "neither"}
_MNLI = {"test": "dev_mismatched", "dev_mismatched": "dev_mismatched",
         "dev_matched": "dev_matched"}
_ANLI = {"test": ("r1", "r2", "r3"), "dev": ("r1", "r2", "r3"), "r1": ("r1",), "r2": ("r2",),
         "r3": ("r3",)}


def nli_root(root: Path) -> Path:
    """The NLI folder: ``root`` itself, ``root/nli``, or ``root/../nli`` (beside bench/)."""
    for cand in (Path(root), Path(root) / "nli", Path(root).parent / "nli"):
        if (cand / "mnli").is_dir() or (cand / "anli").is_dir():
            return cand
    return Path(root)


def _read(path: Path, prefix: str) -> list[LabeledPair]:
    if not path.is_file():
        raise DivergenceError("NLI file not found; pass --bench-dir with the folder that holds "
                              "mnli/ and anli/ (../shared/nli)", where=str(path))
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            row = json.loads(line)
            label = _LABELS.get(row.get("label"))
            if label is None:
                raise DivergenceError(f"unknown label {row.get('label')!r}", where=str(path),
                                      line=n)
            out.append(LabeledPair(f"{prefix}{n}", row["premise"].strip(),
                                   row["hypothesis"].strip(), label))
    return out


def load_mnli(root: Path, split: str = "test") -> list[LabeledPair]:
    """MNLI: ``test`` is dev_mismatched (held out); ``dev_matched`` was trained on."""
    key = _MNLI.get(split.lower())
    if key is None:
        raise DivergenceError(f"unknown MNLI split {split!r}; available: {', '.join(_MNLI)}")
    return _read(nli_root(root) / "mnli" / f"{key}.jsonl.gz", f"{key}:")


def load_anli(root: Path, split: str = "test") -> list[LabeledPair]:
    """ANLI dev rounds: ``test``/``dev`` is R1-R3 together, or one round (r1, r2, r3)."""
    rounds = _ANLI.get(split.lower())
    if rounds is None:
        raise DivergenceError(f"unknown ANLI split {split!r}; available: {', '.join(_ANLI)}")
    return [p for r in rounds for p in _read(nli_root(root) / "anli" / f"{r}_dev.jsonl.gz",
                                             f"{r}:")]
