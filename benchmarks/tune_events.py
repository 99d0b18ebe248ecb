"""Choose the document-clustering thresholds on ECB+ *train* topics (1-35 less the dev topics) only.

    python benchmarks/tune_events.py [--bench ../shared/bench] [--split train]

Prints B³-F1 and ARI per distance threshold at the topic and the event level, and the best of each;
writes benchmarks/results/tune_events.json. The chosen values are set by hand in
divergence/group/events.py (DOC_TOPIC_THRESHOLD, DOC_EVENT_THRESHOLD). Never run this on the
test split.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

import numpy as np

from divergence.embed import EmbeddingCache, SentenceTransformerEmbedder, embed
from divergence.evaluate.loaders import default_root, load_ecbplus
from divergence.evaluate.metrics import ari, b_cubed
from divergence.group.events import cluster_documents
from divergence.ingest.io import atomic_write, make_article
from divergence.ingest.split import embedding_text, split
from divergence.records import Article


def main() -> int:
    """Grid-search the two thresholds on the given (train) split and print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=default_root())
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--names", type=float, nargs="*", default=[0.5, 1.0, 2.0],
                    help="weights of the names-and-words vector to try")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results/tune_events.json"))
    args = ap.parse_args()
    if args.bench is None:
        print("no benchmark folder; pass --bench", file=sys.stderr)
        return 1
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    docs = load_ecbplus(args.bench, args.split)
    claims = []
    for d in docs:
        art = make_article(d.text, path=d.id, source=d.id, id=d.id)
        claims.append(split(art) if isinstance(art, Article) else [])
    flat = [c for cs in claims for c in cs]
    vecs = embed([embedding_text(c) for c in flat], SentenceTransformerEmbedder(), EmbeddingCache())
    rows = []
    for names, thr in itertools.product(args.names, np.round(np.arange(0.30, 0.96, 0.05), 2)):
        labels = cluster_documents(claims, vecs, float(thr), names=names)
        row = {"names": names, "threshold": float(thr), "clusters": len(set(labels))}
        for level in ("topic", "event"):
            gold = [getattr(d, level) for d in docs]
            row[level] = {**b_cubed(gold, labels), "ari": ari(gold, labels)}
        rows.append(row)
        print(f"names {names:.1f} {thr:.2f}  clusters {row['clusters']:4d}  "
              f"topic F1 {row['topic']['f1']:.3f} "
              f"ARI {row['topic']['ari']:.3f}  event F1 {row['event']['f1']:.3f} "
              f"ARI {row['event']['ari']:.3f}")
    best = {lvl: {k: max(rows, key=lambda r, lvl=lvl: r[lvl]["f1"])[k]
                  for k in ("names", "threshold")} for lvl in ("topic", "event")}
    print(f"best on {args.split}: topic {best['topic']}, event {best['event']} "
          f"({len(docs)} docs, {len({d.topic for d in docs})} topics)")
    atomic_write(args.out, json.dumps({"split": args.split, "rows": rows, "best": best},
                                      indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
