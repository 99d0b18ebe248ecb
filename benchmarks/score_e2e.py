"""Benchmark `divergence score` end to end: one 30-claim article against stored corpora.

Unlike benchmarks/score.py (the index alone), this times the whole scoring path against a real
SQLite corpus: split and embed the article, search the persisted HNSW index, read the
neighbours from the database, judge every pair (shipped classifier and detectors), apply
verdicts. Per corpus size (10 k, 100 k, 1 M claims):

- build: inserting the corpus (``Corpus.add``) and building the HNSW index (``load_or_build``);
- warm, in one process with the model loaded: ``score()`` median of 7 with the article's
  vectors already in the embedding cache ("beyond embedding": the part that depends on the
  corpus), and the article's own embedding time (``encode`` of its 30 claims, median of 7);
- cold: a fresh ``divergence score ARTICLE --db DB --index hnsw --format json --no-cache``
  process, median of 3 (model load and embedding included).

The corpus: sentences from benchmarks/synth.py; a pool of 4,000 of them is embedded with the
real model and claim i stores pool sentence i mod 4,000 with that vector plus small noise
(cosine about 0.97 to it), so a new article's claims have real near neighbours to judge. The
corpora are kept in --work (default /tmp/divergence-bench) and reused when present.

    python benchmarks/score_e2e.py                      # 10 k, 100 k, 1 M (1 M: ~25 min build)
    python benchmarks/score_e2e.py --sizes 10000 --quick
Prints a markdown table (stdout; progress on stderr) and merges rows by size into
benchmarks/results/score_e2e.json (written atomically). Goal (issue 4): warm scoring against
1 M claims under 50 ms plus the article's own embedding time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import synth  # noqa: E402

from divergence.corpus.ann import IndexFile, load_or_build  # noqa: E402
from divergence.corpus.score import score  # noqa: E402
from divergence.corpus.store import Corpus  # noqa: E402
from divergence.embed import EmbeddingCache, SentenceTransformerEmbedder  # noqa: E402
from divergence.ingest.io import atomic_write, load  # noqa: E402
from divergence.ingest.split import embedding_text, split  # noqa: E402
from divergence.judge import Judge  # noqa: E402
from divergence.judge.model import shipped  # noqa: E402
from divergence.records import Article, Claim  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "score_e2e.json"
POOL, PER_ARTICLE, NOISE = 4_000, 30, 0.012


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def rss_peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(db: Path, n: int, emb: SentenceTransformerEmbedder) -> dict:
    """Fill ``db`` with ``n`` synthetic claims (reused when it already holds them)."""
    with Corpus(db) as corpus:
        if corpus.n_claims() == n:
            log(f"  reusing {db}")
            return {"insert_s": None}
        if corpus.n_claims():
            raise SystemExit(f"{db} holds {corpus.n_claims()} claims, not {n}; delete it")
    texts = synth.sentences(POOL, seed=12345)
    pool = emb.encode(texts)
    rng = np.random.default_rng(0)
    t = time.perf_counter()
    with Corpus(db) as corpus:
        for a0 in range(0, n, PER_ARTICLE * 1_000):
            arts, claims = [], []
            for i in range(a0, min(n, a0 + PER_ARTICLE * 1_000), PER_ARTICLE):
                aid = f"syn{i // PER_ARTICLE:07d}"
                rows = range(i, min(n, i + PER_ARTICLE))
                arts.append(Article(aid, f"{aid}.txt", " ".join(texts[r % POOL] for r in rows),
                                    f"Outlet {i // PER_ARTICLE % 97}"))
                claims += [Claim(f"{aid}:{k}", aid, texts[r % POOL], 0, 0)
                           for k, r in enumerate(rows)]
            idx = np.array([(int(c.article_id[3:]) * PER_ARTICLE + int(c.id.split(":")[1]))
                            % POOL for c in claims])
            base = pool[idx] + rng.standard_normal((len(claims), pool.shape[1])).astype(
                np.float32) * NOISE
            base /= np.linalg.norm(base, axis=1, keepdims=True)
            corpus.add(arts, claims, base.astype(np.float32), emb.name, batch=1_000)
            log(f"  inserted {a0 + len(claims):,} / {n:,}")
    return {"insert_s": time.perf_counter() - t}


def bench(n: int, work: Path, emb: SentenceTransformerEmbedder, judge: Judge,
          article_path: Path, repeats: int, cold_repeats: int) -> dict:
    db = work / f"corpus-{n}.db"
    log(f"{n:,} claims: {db}")
    row: dict = {"n": n, **build(db, n, emb)}
    row["db_mb"] = db.stat().st_size / 2**20
    fresh = IndexFile(db).is_fresh
    with Corpus(db, create=False) as corpus:
        from divergence.corpus.ann import corpus_key

        t = time.perf_counter()
        had = fresh(corpus_key(corpus))
        searcher = load_or_build(db, "hnsw", corpus)
        row["index_s"] = time.perf_counter() - t
        row["index_reused"] = had
        log(f"  index {'loaded' if had else 'built'} in {row['index_s']:.1f} s")
        (art,), _ = load([str(article_path)])
        texts = [embedding_text(c) for c in split(art)]
        row["article_claims"] = len(texts)
        cache = EmbeddingCache(str(work / "cache"))
        runs, embeds = [], []
        res = score(art, corpus, emb, judge, cache, index=searcher)  # fills the cache
        for _ in range(repeats):
            t = time.perf_counter()
            res = score(art, corpus, emb, judge, cache, index=searcher)
            runs.append(time.perf_counter() - t)
            t = time.perf_counter()
            emb.encode(texts)
            embeds.append(time.perf_counter() - t)
        row["warm_beyond_embedding_ms"] = median(runs) * 1e3
        row["article_embedding_ms"] = median(embeds) * 1e3
        row["pairs_judged"] = sum(len(cs.neighbours) for cs in res.claims)
        row["conflicts"] = len(res.conflicts)
        row["peak_rss_mb"] = rss_peak_mb()
    log(f"  warm {row['warm_beyond_embedding_ms']:.1f} ms + embedding "
        f"{row['article_embedding_ms']:.1f} ms")
    walls = []
    for _ in range(cold_repeats):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "divergence.cli", "score", str(article_path),
                        "--db", str(db), "--index", "hnsw", "--format", "json", "--no-cache"],
                       check=True, capture_output=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        walls.append(time.perf_counter() - t)
    row["cold_s"] = median(walls) if walls else None
    if walls:
        log(f"  cold {row['cold_s']:.2f} s")
    return row


def table(rows: list[dict]) -> str:
    out = ["| claims | insert s | index s | DB MB | warm beyond embedding ms "
           "| article embedding ms | pairs judged | cold process s | peak RSS MB |",
           "|" + "---|" * 9]
    for r in rows:
        ins = f"{r['insert_s']:.0f}" if r.get("insert_s") else "reused"
        idx = f"{r['index_s']:.1f}" + (" (loaded)" if r["index_reused"] else " (built)")
        cold = f"{r['cold_s']:.2f}" if r.get("cold_s") else "not run"
        out.append(f"| {r['n']:,} | {ins} | {idx} | {r['db_mb']:.0f} "
                   f"| {r['warm_beyond_embedding_ms']:.1f} | {r['article_embedding_ms']:.1f} "
                   f"| {r['pairs_judged']} | {cold} | {r['peak_rss_mb']:.0f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10000,100000,1000000")
    p.add_argument("--work", type=Path, default=Path("/tmp/divergence-bench"))
    p.add_argument("--quick", action="store_true", help="few repeats, no cold runs")
    p.add_argument("--out", type=Path, default=OUT)
    a = p.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    article_path = a.work / "article.txt"
    article_path.write_text(synth.article(seed=7), encoding="utf-8")
    emb = SentenceTransformerEmbedder()
    judge = Judge(classifier=shipped(emb.name))
    repeats, cold_repeats = (3, 0) if a.quick else (7, 3)
    rows = [bench(int(s), a.work, emb, judge, article_path, repeats, cold_repeats)
            for s in a.sizes.split(",")]
    print(table(rows))
    if a.quick:
        return
    try:
        old = json.loads(a.out.read_text(encoding="utf-8"))["sizes"]
    except (OSError, ValueError, KeyError):
        old = {}
    for r in rows:
        prev = old.get(str(r["n"]), {})
        if r.get("insert_s") is None and prev.get("insert_s"):
            r["insert_s"] = prev["insert_s"]  # keep the build time of the run that built it
        old[str(r["n"])] = r
    atomic_write(a.out, json.dumps({"machine_cpus": os.cpu_count(), "sizes": dict(
        sorted(old.items(), key=lambda kv: int(kv[0])))}, indent=2) + "\n")


if __name__ == "__main__":
    main()
