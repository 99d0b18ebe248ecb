"""Benchmark grouping at scale: events and judged claim groups from stored claim vectors.

Per size (default 100 k and 1 M claims), in a fresh process each so peak memory is that size's:
the graph grouping of ``pipeline.group_all`` (voices, events, candidate pairs, judging, groups),
its time split by stage, the number of pairs judged, and peak RSS. Then agreement on a 20 k
sample: adjusted Rand index of the grouping from HNSW-neighbour pairs (what runs beyond 50 k
claims) against exact grouping (the graph with exact close pairs, what runs up to 50 k), and of
that exact graph grouping against the dense n x n path on 10 k claims.

Data (``data``): events of ~300 claims (10 articles of 30 claims), each with its own made-up
names (benchmarks/synth.py ``event_sentences``) and 15 points; the claims of one point share a
sentence and a tight vector cluster (384-d). Nothing is embedded, so the figures are grouping
alone.

    python benchmarks/grouping.py                       # 100 k and 1 M (1 M: tens of minutes)
    python benchmarks/grouping.py --sizes 20000 --sample 5000 --quick
Prints a markdown table (progress on stderr) and writes benchmarks/results/grouping.json
atomically. Goal (issue 5): 1 M claims in at most 4 GB; report the ARI, whatever it is.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

OUT = ROOT / "benchmarks" / "results" / "grouping.json"
DIM, PER_ARTICLE, NOISE = 384, 30, 0.028
# Above this many claims the pairs are found but not judged (judging is linear in the pairs: 1 M
# synthetic claims give ~10 M pairs, ~15 min here).
JUDGE_MAX = int(os.environ.get("GROUPING_JUDGE_MAX", 1_000_000))


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def data(n: int, seed: int = 0) -> tuple[list, list, np.ndarray]:
    """``n`` synthetic claims: events of ~300 claims (10 articles of 30), each event with its
    own names and 15 points; claims of one point share a sentence and a vector cluster."""
    import synth

    from divergence.records import Article, Claim

    rng = np.random.default_rng(seed)
    points_per_event, per_event = 15, PER_ARTICLE * 10
    n_events = max(1, -(-n // per_event))
    ev = rng.standard_normal((n_events, DIM)).astype(np.float32)
    arts, claims = [], []
    vectors = np.empty((n, DIM), np.float32)
    i = 0
    for e in range(n_events):
        texts = synth.event_sentences(e + 1_000 * seed, points_per_event)
        pts = ev[e] + 0.9 * rng.standard_normal((points_per_event, DIM)).astype(np.float32)
        pts /= np.linalg.norm(pts, axis=1, keepdims=True)
        for a in range(10):
            if i >= n:
                break
            aid = f"a{len(arts):07d}"
            arts.append(Article(aid, f"{aid}.txt", "", f"Outlet {(e * 7 + a) % 211}"))
            for k in range(min(PER_ARTICLE, n - i)):
                p = int(rng.integers(0, points_per_event))
                claims.append(Claim(f"{aid}:{k}", aid, texts[p], 0, 0))
                v = pts[p] + rng.standard_normal(DIM).astype(np.float32) * NOISE
                vectors[i] = v / np.linalg.norm(v)
                i += 1
    return arts, claims, vectors


class Peaks:
    """Peak RSS per stage, sampled every 0.2 s from /proc by a thread (ru_maxrss only gives
    the whole run's)."""

    def __init__(self) -> None:
        import threading

        self.stage, self.peak_mb = "data", {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE") / 2**20
        while not self._stop.wait(0.2):
            try:
                with open("/proc/self/statm") as f:
                    mb = int(f.read().split()[1]) * page
            except OSError:  # not Linux: per-stage peaks are simply not reported
                return
            self.peak_mb[self.stage] = max(self.peak_mb.get(self.stage, 0.0), mb)

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        return {k: round(v) for k, v in self.peak_mb.items()}


def run_size(n: int) -> dict:
    """Graph grouping of ``n`` claims, timed by stage (runs in this process)."""
    import resource

    from divergence.group.claims import attach, candidate_pairs, find_groups, voices
    from divergence.group.events import find_events
    from divergence.group.graph import NeighbourTable
    from divergence.judge import Judge
    from divergence.judge.model import shipped

    peaks = Peaks()
    arts, claims, vectors = data(n)
    judge = Judge(classifier=shipped("st:all-MiniLM-L6-v2"))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row: dict = {"n": n, "data_rss_mb": base}
    t0 = time.perf_counter()
    peaks.stage = "voices"
    table = NeighbourTable()  # voices and candidate pairs share one neighbour graph, as in a run
    voice_of = voices(arts, claims, vectors, graph=True, table=table)
    t1 = time.perf_counter()
    peaks.stage = "events"
    events = find_events(claims, vectors, graph=True)
    t2 = time.perf_counter()
    peaks.stage = "pairs"
    pairs = candidate_pairs(claims, vectors, graph=True, table=table)
    t3 = time.perf_counter()
    del table
    peaks.stage = "judge_groups"
    judged = n <= JUDGE_MAX
    groups = find_groups(claims, vectors, voice_of, judge, pairs=pairs) if judged else []
    attach(events, groups)
    t4 = time.perf_counter()
    row["stage_peak_rss_mb"] = peaks.stop()
    row.update(voices_s=t1 - t0, events_s=t2 - t1, pairs_s=t3 - t2,
               judge_groups_s=(t4 - t3) if judged else None, total_s=t4 - t0, judged=judged,
               pairs=len(pairs), events=len(events), groups=len(groups),
               conflicts=sum(g.label == "conflict" for g in groups),
               peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def agreement(n: int, dense_max: int = 10_000) -> dict:
    """ARI of the neighbour-graph (HNSW) grouping against exact grouping on ``n`` claims.

    Exact grouping is the close-pair graph with exact pairs (the same clusters as full
    average linkage; tests/test_graph.py checks it). The dense n x n path itself is also run,
    on the first ``dense_max`` claims (at 20 k its 3.2 GB matrices crashed BLAS here).
    """
    from sklearn.metrics import adjusted_rand_score

    from divergence.group import graph
    from divergence.judge import Judge
    from divergence.judge.model import shipped
    from divergence.pipeline import group_all

    arts, claims, vectors = data(n, seed=1)
    judge = Judge(classifier=shipped("st:all-MiniLM-L6-v2"))

    def labels(result: tuple, members: list) -> tuple[list[int], list[int]]:
        _, events, groups, _ = result
        ev = {cid: k for k, e in enumerate(events) for cid in e.claims}
        gr = {cid: k for k, g in enumerate(groups) for cid in g.claims}
        return [ev[c.id] for c in members], [gr[c.id] for c in members]

    def ari(a: tuple, b: tuple) -> dict:
        return {"events_ari": adjusted_rand_score(a[0], b[0]),
                "groups_ari": adjusted_rand_score(a[1], b[1])}

    out: dict = {"n": n}
    m = min(n, dense_max)
    sub_arts = [a for a in arts if int(a.id[1:]) * PER_ARTICLE < m]
    sub = claims[:m]
    t = time.perf_counter()
    dense = labels(group_all(sub_arts, sub, vectors[:m], judge, graph=False), sub)
    out["dense"] = {"n": m, "s": time.perf_counter() - t}
    t = time.perf_counter()
    exact_small = labels(group_all(sub_arts, sub, vectors[:m], judge, graph=True), sub)
    out["dense"].update(graph_s=time.perf_counter() - t, **ari(dense, exact_small))
    log(f"  dense vs exact graph on {m:,}: {out['dense']}")
    t = time.perf_counter()
    exact = labels(group_all(arts, claims, vectors, judge, graph=True), claims)
    out["exact_s"] = time.perf_counter() - t
    graph.EXACT_MAX = 0  # read at call time by events, pairs and voices: force HNSW pairs
    t = time.perf_counter()
    approx = labels(group_all(arts, claims, vectors, judge, graph=True), claims)
    out["hnsw"] = {"s": time.perf_counter() - t, **ari(exact, approx)}
    log(f"  hnsw vs exact on {n:,}: {out['hnsw']}")
    return out


def child(kind: str, n: int) -> dict:
    """Run ``kind`` for ``n`` in a fresh process (its own peak memory)."""
    res = subprocess.run([sys.executable, __file__, "--child", kind, str(n)], check=True,
                         stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100000,1000000")
    p.add_argument("--sample", type=int, default=20_000)
    p.add_argument("--quick", action="store_true", help="do not write results")
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, default=OUT)
    a = p.parse_args(argv)
    from divergence.ingest.io import atomic_write
    if a.child:
        kind, n = a.child[0], int(a.child[1])
        print(json.dumps(run_size(n) if kind == "size" else agreement(n)))
        return
    rows: list[dict] = []
    agree: dict | None = None

    def save() -> None:  # after every step, so a long run killed late keeps what it measured
        if a.quick:
            return
        atomic_write(a.out, json.dumps({"machine_cpus": os.cpu_count(), "sizes": rows,
                                        "agreement": agree}, indent=2) + "\n")

    log(f"agreement on {a.sample:,} claims")
    agree = child("agreement", a.sample)
    save()
    for s in a.sizes.split(","):
        log(f"{int(s):,} claims")
        rows.append(child("size", int(s)))
        log(f"  {rows[-1]['total_s']:.0f} s, peak {rows[-1]['peak_rss_mb']:.0f} MB")
        save()
    out = ["| claims | voices s | events s | pairs s | judge + groups s | total s | pairs judged "
           "| events | groups (conflict) | peak RSS MB |", "|" + "---|" * 10]
    for r in rows:
        judge = f"{r['judge_groups_s']:.0f}" if r.get("judged", True) else "not run"
        groups = f"{r['groups']:,} ({r['conflicts']:,})" if r.get("judged", True) else "—"
        out.append(f"| {r['n']:,} | {r['voices_s']:.0f} | {r['events_s']:.0f} | "
                   f"{r['pairs_s']:.0f} | {judge} | {r['total_s']:.0f} | "
                   f"{r['pairs']:,} | {r['events']:,} | {groups} | {r['peak_rss_mb']:.0f} |")
    print("\n".join(out))
    d, h = agree["dense"], agree["hnsw"]
    print(f"\nOn {d['n']:,} claims, dense n x n grouping ({d['s']:.0f} s) vs the graph with exact "
          f"pairs ({d['graph_s']:.0f} s): events ARI {d['events_ari']:.3f}, groups ARI "
          f"{d['groups_ari']:.3f}")
    print(f"On {agree['n']:,} claims, HNSW-neighbour pairs ({h['s']:.0f} s) vs exact pairs "
          f"({agree['exact_s']:.0f} s): events ARI {h['events_ari']:.3f}, groups ARI "
          f"{h['groups_ari']:.3f}")

if __name__ == "__main__":
    main()
