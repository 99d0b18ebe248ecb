"""Benchmark whether overlapping splitting with embedding pays on this machine.

Two ways over the same synthetic articles (benchmarks/synth.py), side by side in one run,
alternating, medians of ``--repeats``: split everything, then embed (what ``report`` does; texts
sorted by length across the whole corpus), and split in a background thread a window of articles
at a time while the main thread embeds the windows already split (sorted within each window).
The default onnx backend, no cache. Splitting is pure Python and holds the interpreter lock;
ONNX Runtime releases it but already uses every core for one batch, so the overlap can only win
the share of splitting that the model leaves idle.

    python benchmarks/overlap.py                 # 200 articles (~6,000 claims), 3 repeats
Prints a table and writes benchmarks/results/overlap.json atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
OUT = ROOT / "benchmarks" / "results" / "overlap.json"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--window", type=int, default=40, help="articles split per window")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--quick", action="store_true", help="do not write results")
    a = p.parse_args(argv)

    import synth

    from divergence.embed import SentenceTransformerEmbedder, embed
    from divergence.ingest.io import atomic_write, load
    from divergence.ingest.split import embedding_text, split

    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.articles):
            Path(tmp, f"{k:06d}.txt").write_text(synth.event_article(k // 10, k % 10),
                                                 encoding="utf-8")
        articles, _ = load([tmp])
    emb = SentenceTransformerEmbedder(backend="onnx")
    emb.encode(["warm up"])

    def sequential() -> tuple[float, float, np.ndarray]:
        t0 = time.perf_counter()
        claims = [c for art in articles for c in split(art)]
        t1 = time.perf_counter()
        vectors = embed([embedding_text(c) for c in claims], emb, None)
        return time.perf_counter() - t0, t1 - t0, vectors

    def overlapped() -> tuple[float, np.ndarray]:
        t0 = time.perf_counter()
        ready: queue.Queue = queue.Queue(maxsize=4)

        def produce() -> None:
            for k in range(0, len(articles), a.window):
                ready.put([c for art in articles[k : k + a.window] for c in split(art)])
            ready.put(None)

        worker = threading.Thread(target=produce)
        worker.start()
        parts = []
        while (claims := ready.get()) is not None:
            parts.append(embed([embedding_text(c) for c in claims], emb, None))
        worker.join()
        return time.perf_counter() - t0, np.concatenate(parts)

    seq_s, split_s, over_s = [], [], []
    for _ in range(a.repeats):
        total, sp, v1 = sequential()
        seq_s.append(total)
        split_s.append(sp)
        total, v2 = overlapped()
        over_s.append(total)
    row = {"articles": len(articles), "claims": len(v1), "window": a.window,
           "split_s": statistics.median(split_s), "sequential_s": statistics.median(seq_s),
           "overlapped_s": statistics.median(over_s),
           "ratio": statistics.median(over_s) / statistics.median(seq_s),
           "max_abs_vector_difference": float(np.abs(v1 - v2).max()),
           "ideal_ratio": (statistics.median(seq_s) - statistics.median(split_s) / 2)
           / statistics.median(seq_s),
           "machine_cpus": os.cpu_count()}
    print("| claims | split | split, then embed | overlapped | ratio | best possible |\n"
          "|---|---|---|---|---|---|")
    print(f"| {row['claims']:,} | {row['split_s']:.1f} s | {row['sequential_s']:.1f} s "
          f"| {row['overlapped_s']:.1f} s | {row['ratio']:.3f} | {row['ideal_ratio']:.3f} |")
    if not a.quick:
        atomic_write(OUT, json.dumps(row, indent=2) + "\n")


if __name__ == "__main__":
    main()
