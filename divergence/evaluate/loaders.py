"""Benchmark loaders (SICK, FNC-1, Emergent, ECB+) mapped onto the tool's labels; stdlib only.

Every loader takes ``root``, the benchmark's own folder (e.g. ``bench/sick``; the parent folder
that holds ``sick/``, ``fnc1/``, ``emergent/``, ``ecbplus/`` works too), and a split name, and
raises ``DivergenceError`` naming the file and line for a missing file or a malformed row.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import DivergenceError

LABELS = ("agree", "conflict", "neither", "unrelated")


@dataclass(frozen=True, slots=True)
class LabeledPair:
    """Two texts and the gold relation between them (agree, conflict, neither or unrelated)."""

    id: str
    a: str
    b: str
    label: str
    group: str | None = None  # a cluster key: Emergent claimId, FNC-1 Body ID


@dataclass(frozen=True, slots=True)
class Doc:
    """One ECB+ news document and the gold event cluster it reports (e.g. "1a")."""

    id: str
    topic: str
    event: str
    text: str


_SICK = {"CONTRADICTION": "conflict", "ENTAILMENT": "agree", "NEUTRAL": "neither"}
_FNC = {"agree": "agree", "disagree": "conflict", "discuss": "neither", "unrelated": "unrelated"}
_EMERGENT = {"for": "agree", "against": "conflict", "observing": "neither"}
# The common ECB+ split (Cybulska & Vossen 2015; Kenyon-Dean et al. 2018; Barhom et al. 2019):
# test = topics 36-45, dev = 8 topics, train = the rest of 1-35.
_ECB_DEV = (2, 5, 12, 18, 21, 23, 34, 35)
_ECB_SPLITS: dict[str, tuple[int, ...] | None] = {
    "train": tuple(t for t in range(1, 36) if t not in _ECB_DEV),
    "dev": _ECB_DEV,
    "test": tuple(range(36, 46)),
    "all": None,
}


def load_sick(root: Path, split: str = "test") -> list[LabeledPair]:
    """SICK sentence pairs: ENTAILMENT -> agree, CONTRADICTION -> conflict, NEUTRAL -> neither.

    Args:
        root: the SICK folder, holding ``sick_full.jsonl``.
        split: train, trial, test or all (case-insensitive).
    """
    split = _split(split, ("train", "trial", "test", "all"), "SICK")
    path = _find(root, "sick", "sick_full.jsonl")
    pairs = []
    for n, row in _jsonl(path, ("pair_id", "sentence_a", "sentence_b", "label", "split")):
        if split != "all" and str(row["split"]).lower() != split:
            continue
        label = _label(row["label"], _SICK, path, n)
        pairs.append(LabeledPair(str(row["pair_id"]), row["sentence_a"], row["sentence_b"], label))
    return pairs


def load_fnc1(root: Path, split: str = "test") -> list[LabeledPair]:
    """FNC-1 headline/body pairs (a=headline, b=body, group=Body ID); only the test set exists.

    Stances map agree -> agree, disagree -> conflict, discuss -> neither, unrelated -> unrelated.
    The pair id is the 1-based row number in ``competition_test_stances.csv``.
    """
    if split.lower() != "test":
        raise DivergenceError(
            f"unknown FNC-1 split {split!r}; FNC-1 ships only its competition test set here "
            "(use split 'test')"
        )
    bodies_path = _find(root, "fnc1", "competition_test_bodies.csv")
    bodies: dict[str, str] = {}
    for n, row in _csv(bodies_path, ("Body ID", "articleBody")):
        body_id = _nonempty(row, "Body ID", bodies_path, n)
        if body_id in bodies:
            raise DivergenceError(f"duplicate Body ID {body_id!r}", where=str(bodies_path), line=n)
        bodies[body_id] = row["articleBody"]
    path = _find(root, "fnc1", "competition_test_stances.csv")
    pairs = []
    for i, (n, row) in enumerate(_csv(path, ("Headline", "Body ID", "Stance")), start=1):
        body_id = _nonempty(row, "Body ID", path, n)
        if body_id not in bodies:
            raise DivergenceError(
                f"Body ID {body_id!r} is not in {bodies_path.name}", where=str(path), line=n
            )
        label = _label(row["Stance"], _FNC, path, n)
        pairs.append(LabeledPair(str(i), row["Headline"], bodies[body_id], label, group=body_id))
    return pairs


def load_emergent(root: Path, split: str = "test") -> list[LabeledPair]:
    """Emergent claim vs. article headline (group=claimId): for/against/observing.

    Maps for -> agree, against -> conflict, observing -> neither; the pair id is the file's
    unnamed first (index) column.

    Args:
        root: the Emergent folder, holding ``url-versions-2015-06-14-clean-<split>.csv``.
        split: train or test (case-insensitive).
    """
    split = _split(split, ("train", "test"), "Emergent")
    path = _find(root, "emergent", f"url-versions-2015-06-14-clean-{split}.csv")
    cols = ("", "claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")
    pairs = []
    for n, row in _csv(path, cols):
        label = _label(row["articleHeadlineStance"], _EMERGENT, path, n)
        claim = _nonempty(row, "claimId", path, n)
        pairs.append(
            LabeledPair(row[""], row["claimHeadline"], row["articleHeadline"], label, group=claim)
        )
    return pairs


def load_ecbplus(root: Path, split: str = "test") -> list[Doc]:
    """ECB+ documents with their event cluster, split by topic number; text is detokenized.

    Splits (the common one): test = topics 36-45, dev = 2, 5, 12, 18, 21, 23, 34, 35, train = the
    other topics of 1-35, all = every topic. (The corpus has no topics 15 and 17.)

    Args:
        root: the ECB+ folder, holding ``ecbplus_docs.jsonl``.
        split: train, dev, test or all (case-insensitive).
    """
    split = _split(split, tuple(_ECB_SPLITS), "ECB+")
    topics = _ECB_SPLITS[split]
    path = _find(root, "ecbplus", "ecbplus_docs.jsonl")
    docs = []
    for n, row in _jsonl(path, ("doc_id", "topic", "event_cluster", "text")):
        try:
            topic = int(row["topic"])
        except (TypeError, ValueError):
            msg = f"topic must be a number, got {row['topic']!r}"
            raise DivergenceError(msg, where=str(path), line=n) from None
        if topics is not None and topic not in topics:
            continue
        text = detokenize(str(row["text"]))
        docs.append(Doc(str(row["doc_id"]), str(topic), str(row["event_cluster"]), text))
    return docs


_DETOK = [
    ("`` ", '"'),
    (" ''", '"'),
    ("( ", "("),
    (" )", ")"),
    ("[ ", "["),
    (" ]", "]"),
    (" ,", ","),
    (" .", "."),
    (" ;", ";"),
    (" :", ":"),
    (" ?", "?"),
    (" !", "!"),
    (" n't", "n't"),
    (" 's", "'s"),
    (" 're", "'re"),
    (" 've", "'ve"),
    (" 'm", "'m"),
    (" 'll", "'ll"),
    (" 'd", "'d"),
]


def detokenize(text: str) -> str:
    """Undo the obvious Penn-style tokenisation: spaces before punctuation and clitics, `` ''.

    Line breaks are kept; hyphens split as " - " are left alone because the corpus uses the same
    token for dashes.
    """
    for tok, repl in _DETOK:
        text = text.replace(tok, repl)
    return text.replace("``", '"').replace("''", '"')


BENCHES: dict[str, Callable[..., list[Any]]] = {
    "sick": load_sick,
    "fnc1": load_fnc1,
    "emergent": load_emergent,
    "ecbplus": load_ecbplus,
}


def default_root() -> Path | None:
    """Where the benchmarks live: $DIVERGENCE_BENCH, else ../shared/bench from cwd or the repo."""
    env = os.environ.get("DIVERGENCE_BENCH")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    for cand in (Path.cwd() / ".." / "shared" / "bench", repo / ".." / "shared" / "bench"):
        if cand.is_dir():
            return cand.resolve()
    return None


# ---------------------------------------------------------------- helpers


def _split(split: str, allowed: tuple[str, ...], bench: str) -> str:
    key = split.lower()
    if key not in allowed:
        raise DivergenceError(f"unknown {bench} split {split!r}; available: {', '.join(allowed)}")
    return key


def _label(raw: object, mapping: dict[str, str], path: Path, line: int) -> str:
    try:
        return mapping[str(raw).strip()]
    except KeyError:
        expected = ", ".join(mapping)
        msg = f"unknown label {raw!r} (expected one of {expected})"
        raise DivergenceError(msg, where=str(path), line=line) from None


def _nonempty(row: dict[str, str], col: str, path: Path, line: int) -> str:
    value = row[col].strip()
    if not value:
        raise DivergenceError(f"empty {col!r}", where=str(path), line=line)
    return value


def _find(root: Path, bench: str, name: str) -> Path:
    """``root/name``, or ``root/bench/name`` when root is the folder of all benchmarks."""
    path = Path(root) / name
    if not path.exists() and (Path(root) / bench / name).exists():
        return Path(root) / bench / name
    return path


def _open(path: Path) -> IO[str]:
    try:
        return path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        msg = "benchmark file not found; pass the folder that holds it or set DIVERGENCE_BENCH"
        raise DivergenceError(msg, where=str(path)) from None
    except OSError as e:
        raise DivergenceError(f"cannot read: {e.strerror}", where=str(path)) from None


def _jsonl(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) per non-blank line, checking the required keys."""
    need = ", ".join(required)
    with _open(path) as f:
        try:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    raise DivergenceError(
                        f"not valid JSON ({e.msg}); expected one object per line with {need}",
                        where=str(path),
                        line=n,
                    ) from None
                if not isinstance(row, dict):
                    msg = f"expected a JSON object with {need}"
                    raise DivergenceError(msg, where=str(path), line=n)
                missing = [k for k in required if row.get(k) is None]
                if missing:
                    msg = f"missing {', '.join(map(repr, missing))} (need {need})"
                    raise DivergenceError(msg, where=str(path), line=n)
                yield n, row
        except UnicodeDecodeError:
            raise DivergenceError("not UTF-8 text", where=str(path)) from None


def _csv(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (first line of the record, row) per CSV record; quoted fields may span lines."""
    with _open(path) as f:
        reader = csv.reader(f, strict=True)
        start = 1
        try:
            header = next(reader, None)
            if header is None:
                raise DivergenceError("empty file; expected a CSV header", where=str(path), line=1)
            missing = [c for c in required if c not in header]
            if missing:
                msg = f"header lacks {', '.join(map(repr, missing))} (need {', '.join(required)})"
                raise DivergenceError(msg, where=str(path), line=1)
            start = reader.line_num + 1
            for record in reader:
                if record:  # csv yields [] for a blank line
                    if len(record) != len(header):
                        raise DivergenceError(
                            f"expected {len(header)} fields, got {len(record)}",
                            where=str(path),
                            line=start,
                        )
                    yield start, dict(zip(header, record, strict=True))
                start = reader.line_num + 1
        except csv.Error as e:
            raise DivergenceError(f"malformed CSV ({e})", where=str(path), line=start) from None
        except UnicodeDecodeError:
            raise DivergenceError("not UTF-8 text", where=str(path)) from None
