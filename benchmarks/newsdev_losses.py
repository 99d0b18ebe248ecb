"""Where the report loses newsdev's gold pairs: stage by stage, on one split.

    python benchmarks/newsdev_losses.py [--split dev|test]

The report finds a gold pair only when every stage keeps it: both sentences become claims, the
two claims are a candidate pair (``candidate_pairs``: close, or sharing a frame, in one story),
the judge gives the pair the gold label, and grouping keeps the two claims in one group of that
label. Each gold pair is counted at the first stage that loses it, so the table says which stage
to work on. The same pipeline as ``divergence report`` (``pipeline.group_all``), taken apart so
the candidate pairs and the verdicts can be seen. Writes
benchmarks/results/newsdev_losses_<split>.json (gold pair ids and stages only; no texts).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, EmbeddingCache  # noqa: E402
from divergence.evaluate.metrics import per_class  # noqa: E402
from divergence.evaluate.newsdev import (  # noqa: E402
    TO_PAIR,
    default_root,
    load_newsdev,
    report_labels,
    side_claims,
)
from divergence.group.claims import candidate_pairs, find_groups, voices  # noqa: E402
from divergence.group.events import find_events  # noqa: E402
from divergence.group.stories import stories  # noqa: E402
from divergence.ingest.io import atomic_write, load  # noqa: E402
from divergence.judge import Judge  # noqa: E402
from divergence.pipeline import default_judge, embed_claims, split_articles  # noqa: E402
from divergence.records import Claim, Judgement  # noqa: E402

STAGES = ("no claim", "not paired", "judged conflict", "judged agree", "judged neither",
          "judged right, lost in grouping", "found")
LABELS = ("agree", "conflict", "neither")


class Recording(Judge):
    """The judge it wraps, remembering every verdict by (claim id, claim id)."""

    def __init__(self, inner: Judge) -> None:
        super().__init__()
        self.inner = inner
        self.agree_threshold = inner.agree_threshold
        self.seen: dict[tuple[str, str], Judgement] = {}

    def judge_pairs(self, left: Sequence[Claim], right: Sequence[Claim], sims: Sequence[float],
                    va: np.ndarray | None = None, vb: np.ndarray | None = None
                    ) -> list[Judgement]:
        """The inner judge's verdicts, recorded."""
        out = self.inner.judge_pairs(left, right, sims, va, vb)
        for a, b, v in zip(left, right, out, strict=True):
            self.seen[(a.id, b.id)] = self.seen[(b.id, a.id)] = v
        return out


def candidates(split: str) -> SimpleNamespace:
    """One split read as ``divergence report`` reads it, up to its candidate pairs: ``emb``,
    ``data`` (``load_newsdev``), ``articles``, ``claims``, ``vectors`` and ``pairs``
    (``candidate_pairs`` within stories). Also used by ``conflict_trust.py``."""
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    data = load_newsdev(default_root(), split)
    articles, _ = load([str(p) for p in data.articles])
    claims = split_articles(articles)
    vectors = np.ascontiguousarray(embed_claims(claims, emb, EmbeddingCache()), np.float32)
    dates = {a.id: a.date for a in articles}
    events = find_events(claims, vectors, dates=dates)
    story = stories(claims, vectors, {c: e.id for e in events for c in e.claims}, dates=dates)
    pairs = candidate_pairs(claims, vectors, 0.5, story_of=story)
    return SimpleNamespace(emb=emb, data=data, articles=articles, claims=claims, vectors=vectors,
                           pairs=pairs)


def losses(split: str) -> dict:
    """Each gold pair's stage, counts per gold label and stage, and the report's scores."""
    got = candidates(split)
    data, articles, claims, vectors, pairs = (got.data, got.articles, got.claims, got.vectors,
                                              got.pairs)
    judge = Recording(default_judge(got.emb.name))
    voice_of = voices(articles, claims, vectors)
    paired = {(claims[i].id, claims[j].id) for i, j, _ in pairs}
    paired |= {(b, a) for a, b in paired}
    groups = find_groups(claims, vectors, voice_of, judge, 0.5, pairs=pairs)
    report = SimpleNamespace(articles=articles, claims=claims, groups=groups)
    pred = report_labels(data.pairs, report, data.root)

    overlapping = side_claims(report, data.root)

    rows = []
    for p, got in zip(data.pairs, pred, strict=True):
        gold = TO_PAIR[p.label]
        xa, xb = overlapping(p.a), overlapping(p.b)
        keys = [(x.id, y.id) for x in xa for y in xb if (x.id, y.id) in paired]
        labels = {judge.seen[k].label for k in keys if k in judge.seen}
        if got == gold:
            stage = "found"
        elif not xa or not xb:
            stage = "no claim"
        elif not keys:
            stage = "not paired"
        elif gold in labels:
            stage = "judged right, lost in grouping"
        else:  # the verdict that kept it from its gold label: conflict, agree, then neither
            stage = next(f"judged {lab}" for lab in ("conflict", "agree", "neither")
                         if lab in labels or lab == "neither")
        rows.append({"id": p.id, "event": p.event, "gold": gold, "type": p.kind, "stage": stage})
    table = {g: dict(Counter(r["stage"] for r in rows if r["gold"] == g)) for g in LABELS}
    scores = per_class([r["gold"] for r in rows], pred, LABELS)
    return {"split": split, "pairs": len(rows), "candidate_pairs": len(pairs), "stages": table,
            "report_macro_f1": round(float(scores["macro"]["f1"]), 3), "rows": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    args = ap.parse_args()
    res = losses(args.split)
    print(f"newsdev {res['split']}: {res['pairs']} gold pairs, {res['candidate_pairs']} candidate "
          f"pairs, report macro-F1 {res['report_macro_f1']}")
    print("| gold | " + " | ".join(STAGES) + " |")
    print("|---" * (len(STAGES) + 1) + "|")
    for g in LABELS:
        row = res["stages"][g]
        print(f"| {g} ({sum(row.values())}) | "
              + " | ".join(str(row.get(s, 0)) for s in STAGES) + " |")
    out = HERE / "results" / f"newsdev_losses_{args.split}.json"
    atomic_write(out, json.dumps(res, indent=1) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
