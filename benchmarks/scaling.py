"""Benchmark how `divergence report` grows with the corpus: claims/s at 1 k, 10 k and 100 k claims.

Articles come from benchmarks/synth.py (``event_article``): events told by 10 outlets each, 30
sentences an article, every event with its own names. Each size runs in a fresh process (its own
peak memory) through the library's stages with the real packaged model (the default onnx
backend) and no embedding cache, timed by stage: split, embed, group (voices, events, candidate
pairs, judging); ``--grouping`` picks the grouping path as ``report`` does. The fitted
exponent is the slope of log(total seconds) against log(claims); the goal (issue 5) is <= 1.2.

    python benchmarks/scaling.py                      # 1 k, 10 k, 100 k (100 k: ~20 min here)
    python benchmarks/scaling.py --sizes 1000,5000 --quick
Prints a markdown table (progress on stderr) and writes benchmarks/results/scaling.json
atomically after every size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
OUT = ROOT / "benchmarks" / "results" / "scaling.json"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run_size(n_claims: int, grouping: str = "auto") -> dict:
    """Split, embed and group about ``n_claims`` claims; seconds per stage and peak memory."""
    import resource

    import synth

    from divergence.embed import SentenceTransformerEmbedder, embed
    from divergence.ingest.io import load
    from divergence.ingest.split import embedding_text, split
    from divergence.judge import Judge
    from divergence.judge.model import shipped
    from divergence.pipeline import group_all, use_graph

    n_articles = max(2, n_claims // 30)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(n_articles):
            Path(tmp, f"{k:06d}.txt").write_text(synth.event_article(k // 10, k % 10),
                                                 encoding="utf-8")
        emb = SentenceTransformerEmbedder(backend="onnx")  # the CLI's default backend
        judge = Judge(classifier=shipped(emb.name))
        t0 = time.perf_counter()
        articles, _ = load([tmp])
        t1 = time.perf_counter()
        claims = [c for a in articles for c in split(a)]
        t2 = time.perf_counter()
        vectors = embed([embedding_text(c) for c in claims], emb, None)
        t3 = time.perf_counter()
        graph = use_graph(grouping, len(claims))
        _, events, groups, _ = group_all(articles, claims, vectors, judge, graph=graph)
        t4 = time.perf_counter()
    return {"claims": len(claims), "articles": len(articles), "graph": graph,
            "load_s": t1 - t0, "split_s": t2 - t1, "embed_s": t3 - t2, "group_s": t4 - t3,
            "total_s": t4 - t0, "claims_per_s": len(claims) / (t4 - t0),
            "events": len(events), "groups": len(groups),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument("--quick", action="store_true", help="do not write results")
    p.add_argument("--grouping", default="auto", choices=["auto", "dense", "graph"])
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, default=OUT)
    a = p.parse_args(argv)
    from divergence.ingest.io import atomic_write
    if a.child:
        print(json.dumps(run_size(a.child, a.grouping)))
        return
    rows: list[dict] = []
    for s in a.sizes.split(","):
        log(f"{int(s):,} claims")
        res = subprocess.run([sys.executable, __file__, "--child", s, "--grouping", a.grouping],
                             check=True,
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        log(f"  {r['total_s']:.0f} s, {r['claims_per_s']:.0f} claims/s, "
            f"peak {r['peak_rss_mb']:.0f} MB")
        x = np.log([r["claims"] for r in rows])
        exponent = (float(np.polyfit(x, np.log([r["total_s"] for r in rows]), 1)[0])
                    if len(rows) > 1 else None)
        if not a.quick:
            atomic_write(a.out, json.dumps({"machine_cpus": os.cpu_count(), "rows": rows,
                                            "fitted_exponent": exponent}, indent=2) + "\n")
    print("| claims | grouping | split s | embed s | group s | total s | claims/s | events "
          "| peak RSS MB |\n|" + "---|" * 9)
    for r in rows:
        print(f"| {r['claims']:,} | {'graph' if r['graph'] else 'dense'} | {r['split_s']:.1f} "
              f"| {r['embed_s']:.1f} | {r['group_s']:.1f} | {r['total_s']:.1f} "
              f"| {r['claims_per_s']:.0f} | {r['events']:,} | {r['peak_rss_mb']:.0f} |")
    if exponent is not None:
        print(f"\nfitted exponent of total time against claims: {exponent:.2f} (goal <= 1.2)")


if __name__ == "__main__":
    main()
