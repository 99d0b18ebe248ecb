"""`score` on newsdev: each article of a split against a corpus of all the other newsdev articles.

    python benchmarks/score_newsdev.py [--split test] [--judge nli] [--k 5] [--grouped]

For every article of the split, a fresh SQLite corpus holds every other newsdev article (both
halves), and the article is scored against it. A gold pair that involves the article counts as
predicted conflict when score judged a conflict between a claim overlapping its side in the
article and a stored claim overlapping the other side. Prints and writes (benchmarks/results/
score_newsdev_<split>[_grouped].json) conflict precision and recall over those gold pairs.

With ``--grouped`` each fresh corpus is also regrouped, as ``divergence add`` does: ``score``
then keeps far frame neighbours inside the article's story and takes a side in the stored
disputes. Without it (the figures before 2026-12-01 night) the corpus has no grouping.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.corpus.ops import add_articles, regroup_corpus  # noqa: E402
from divergence.corpus.score import score  # noqa: E402
from divergence.corpus.store import Corpus  # noqa: E402
from divergence.embed import EMBEDDERS, EmbeddingCache  # noqa: E402
from divergence.evaluate.newsdev import default_root, load_newsdev, side_span  # noqa: E402
from divergence.ingest.io import atomic_write, load  # noqa: E402
from divergence.judge import make_judge  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--judge", default="nli")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--grouped", action="store_true", help="regroup each corpus, as add does")
    args = ap.parse_args()
    root = default_root()
    everything = load_newsdev(root, "all")
    part = load_newsdev(root, args.split)
    articles, _ = load([str(p) for p in everything.articles])
    rel = {a.id: Path(a.path).resolve().relative_to(root.resolve()).as_posix() for a in articles}
    by_rel = {v: k for k, v in rel.items()}
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    judge = make_judge(args.judge, embedder=emb.name)
    cache = EmbeddingCache()
    tp = fp = fn = 0
    rows = []
    t0 = time.perf_counter()
    for path in part.articles:
        me = by_rel[Path(path).resolve().relative_to(root.resolve()).as_posix()]
        mine = [p for p in everything.pairs if rel[me] in (p.a.article, p.b.article)]
        if not mine:
            continue
        art = next(a for a in articles if a.id == me)
        with tempfile.TemporaryDirectory() as tmp, Corpus(Path(tmp) / "c.db") as corpus:
            add_articles(corpus, [a for a in articles if a.id != me], emb, cache)
            if args.grouped:  # as `divergence add` leaves it: stories and disputes stored
                regroup_corpus(corpus, judge)
            res = score(art, corpus, emb, judge, cache, k=args.k)
            stored = {a.id: a for a in articles}
            found = set()
            for claim, nb in res.conflicts:
                found.add((claim.start, claim.end, nb.claim.article_id, nb.claim.start,
                           nb.claim.end))
        for p in mine:
            here, there = (p.a, p.b) if p.a.article == rel[me] else (p.b, p.a)
            hs = side_span(art.text, here)
            other = stored[by_rel[there.article]]
            ts = side_span(other.text, there)
            hit = hs is not None and ts is not None and any(
                s < hs[1] and hs[0] < e and oid == other.id and os_ < ts[1] and ts[0] < oe
                for s, e, oid, os_, oe in found)
            gold = p.label == "conflict"
            tp += gold and hit
            fp += (not gold) and hit
            fn += gold and not hit
            rows.append({"article": rel[me], "pair": p.id, "gold": p.label, "flagged": hit})
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = {"when": time.strftime("%Y-%m-%d %H:%M"), "split": args.split, "judge": judge.name,
           "k": args.k, "grouped": args.grouped, "articles": len(part.articles),
           "pair_rows": len(rows),
           "conflict_precision": prec, "conflict_recall": rec, "tp": tp, "fp": fp, "fn": fn,
           "seconds": time.perf_counter() - t0, "rows": rows}
    name = f"score_newsdev_{args.split}{'_grouped' if args.grouped else ''}.json"
    atomic_write(HERE / "results" / name,
                 json.dumps(out, indent=2) + "\n")
    print(f"score on newsdev {args.split} ({judge.name}, k={args.k}"
          f"{', grouped' if args.grouped else ''}): conflict precision "
          f"{prec:.3f} ({tp}/{tp + fp}), recall {rec:.3f} ({tp}/{tp + fn}); "
          f"{out['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
