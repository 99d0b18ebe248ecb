"""newsdev: real-news articles written for this project, with hand-labelled claim pairs.

Layout (``tests/data/newsdev/FORMAT.md``): one folder per disputed event holding articles
(``*.txt`` with a header block), ``event.json`` (its split: dev or test) and ``gold.jsonl``
(claim pairs: exact sentences of two articles, labelled conflict / agree / unrelated, conflicts
typed credit, who_asked, count, time, rejection, linkage or title). The split is by event, so
nothing of a test event is ever tuned on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DivergenceError

GOLD_LABELS = ("conflict", "agree", "unrelated")
CONFLICT_KINDS = ("credit", "who_asked", "count", "time", "rejection", "linkage", "title")
# gold label -> the judge's pair label
TO_PAIR = {"conflict": "conflict", "agree": "agree", "unrelated": "neither"}


@dataclass(frozen=True, slots=True)
class Side:
    """One claim of a gold pair: the article file (relative to the newsdev root) and its text."""

    article: str
    text: str


@dataclass(frozen=True, slots=True)
class GoldPair:
    """A hand-labelled pair of claims from two articles."""

    id: str
    a: Side
    b: Side
    label: str  # conflict | agree | unrelated
    kind: str | None  # the conflict type, for conflicts
    event: str  # the event of side a
    cross_event: bool


@dataclass(frozen=True, slots=True)
class NewsDev:
    """The articles and gold pairs of one split."""

    root: Path
    split: str
    events: tuple[str, ...]
    articles: tuple[Path, ...]
    pairs: tuple[GoldPair, ...]

    def first(self, n: int) -> NewsDev:
        """The first ``n`` events only, with the gold pairs whose two articles they hold (a
        quick run: the report level reads whole events, so events are the unit)."""
        events = self.events[:n]
        articles = tuple(a for a in self.articles if a.parent.name in events)
        known = {a.relative_to(self.root).as_posix() for a in articles}
        pairs = tuple(p for p in self.pairs if p.a.article in known and p.b.article in known)
        return NewsDev(self.root, self.split, events, articles, pairs)


def default_root() -> Path | None:
    """``tests/data/newsdev`` of a source checkout, when present."""
    here = Path(__file__).resolve().parents[2] / "tests" / "data" / "newsdev"
    return here if here.is_dir() else None


def load_newsdev(root: Path, split: str = "test") -> NewsDev:
    """The events of ``split`` (dev, test or all): their article files and gold pairs.

    Raises:
        DivergenceError: a malformed ``event.json`` or gold line (named with file and line).
    """
    if split not in ("dev", "test", "all"):
        raise DivergenceError(f"unknown newsdev split {split!r}; choose dev, test or all")
    root = Path(root)
    events: list[str] = []
    articles: list[Path] = []
    pairs: list[GoldPair] = []
    for folder in sorted(p for p in root.iterdir() if (p / "event.json").is_file()):
        meta_path = folder / "event.json"
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
        except ValueError as e:
            raise DivergenceError(f"not JSON: {e}", where=str(meta_path)) from None
        if split != "all" and meta.get("split") != split:
            continue
        events.append(folder.name)
        articles += sorted(folder.glob("*.txt"))
        gold = folder / "gold.jsonl"
        if gold.is_file():
            pairs += _read_gold(gold, folder.name)
    if not events:
        raise DivergenceError(f"no newsdev events of split {split!r}", where=str(root))
    known = {p.relative_to(root).as_posix() for p in articles}
    for p in pairs:
        for side in (p.a, p.b):
            if side.article not in known:
                raise DivergenceError(f"pair {p.id}: article {side.article!r} is not in split "
                                      f"{split!r}", where=str(root))
    return NewsDev(root, split, tuple(events), tuple(articles), tuple(pairs))


def _read_gold(path: Path, event: str) -> list[GoldPair]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                a, b = Side(**row["a"]), Side(**row["b"])
                label = row["label"]
                kind = row.get("type")
            except (ValueError, KeyError, TypeError) as e:
                raise DivergenceError(f"bad gold pair: {e}", where=str(path), line=n) from None
            if label not in GOLD_LABELS:
                raise DivergenceError(f"label {label!r} is not one of {', '.join(GOLD_LABELS)}",
                                      where=str(path), line=n)
            if label == "conflict" and kind not in CONFLICT_KINDS:
                raise DivergenceError(f"conflict type {kind!r} is not one of "
                                      f"{', '.join(CONFLICT_KINDS)}", where=str(path), line=n)
            cross = a.article.split("/")[0] != b.article.split("/")[0]
            out.append(GoldPair(str(row.get("id", f"{event}-{n}")), a, b, label,
                                kind if label == "conflict" else None, event, cross))
    return out


def side_span(text: str, side: Side) -> tuple[int, int] | None:
    """Where ``side.text`` stands in an article's text (first occurrence), or None."""
    i = text.find(side.text)
    return None if i < 0 else (i, i + len(side.text))


def side_claims(report: object, root: Path) -> Callable[[Side], list[Any]]:
    """For a gold side, the claims of ``report`` (with ``articles`` and ``claims``) that overlap
    its sentence in its article (by character offsets); none for an article the report does not
    hold or a sentence it cannot find."""
    by_path: dict[str, Any] = {}
    for art in report.articles:  # type: ignore[attr-defined]
        try:
            rel = Path(art.path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
        by_path[rel] = art
    claims_of: dict[str, list[Any]] = {}
    for c in report.claims:  # type: ignore[attr-defined]
        claims_of.setdefault(c.article_id, []).append(c)

    def overlapping(side: Side) -> list[Any]:
        art = by_path.get(side.article)
        span = side_span(art.text, side) if art is not None else None
        if span is None:
            return []
        s, e = span
        return [c for c in claims_of.get(art.id, []) if c.start < e and s < c.end]

    return overlapping


def report_load(report: Any) -> dict[str, int]:
    """How much of a report is conflict and agreement: groups and the claims they hold. The
    gold pairs score a group only where it holds both sides of one, so a judge that floods the
    report with false conflicts between unlabelled claims shows here, not in the F1. Muted
    conflicts (under a calibrated threshold) count too: the report still shows them."""
    def held(label: str) -> tuple[int, int]:
        groups = [g for g in report.groups if g.label == label]
        return len(groups), len({c for g in groups for c in g.claims})

    (cg, cc), (ag, ac) = held("conflict"), held("agree")
    return {"claims": len(report.claims), "conflict_groups": cg, "claims_in_conflicts": cc,
            "agree_groups": ag, "claims_in_agreements": ac}


def report_labels(pairs: Sequence[GoldPair], report: object, root: Path) -> list[str]:
    """For each gold pair, the label the report gives it: ``agree`` when one agree group holds a
    claim of each side, else ``conflict`` when one conflict group does (claims matched by
    character offsets), else ``neither``. ``report`` is a ``records.Report`` over the split's
    articles."""
    overlapping = side_claims(report, root)
    groups_of: dict[str, list] = {}
    for g in report.groups:  # type: ignore[attr-defined]
        for cid in g.claims:  # a claim may be in a conflict group and in an agree group
            groups_of.setdefault(cid, []).append(g)

    def claim_ids(side: Side) -> set[str]:
        return {c.id for c in overlapping(side)}

    out = []
    for p in pairs:
        ga = {id(g): g for c in claim_ids(p.a) for g in groups_of.get(c, ())}
        gb = {id(g) for c in claim_ids(p.b) for g in groups_of.get(c, ())}
        labels = {g.label for k, g in ga.items() if k in gb}  # type: ignore[attr-defined]
        # Two claims of one position inside a dispute agree; of two positions, they conflict.
        out.append("agree" if "agree" in labels else "conflict" if "conflict" in labels
                   else "neither")
    return out
