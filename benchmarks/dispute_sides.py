"""How the report's disputes read newsdev's gold pairs: conflicts on two sides, agreements on one.

    python benchmarks/dispute_sides.py [--split dev|test]

The report over a split's articles (as ``divergence eval newsdev`` runs it) is read through its
disputes, not its groups. For each gold pair, the two claims overlapping its sides are looked up
in every dispute: ``two sides`` when one dispute puts them on different positions, ``one side``
when a dispute puts them on the same position (and none on two), else ``none``. A reader of a
dispute is served when gold conflicts sit on two sides and gold agreements on one; gold
agreements or unrelated pairs on two sides are misreadings. Prints and writes
benchmarks/results/dispute_sides_<split>.json (counts and ids only, no texts):
- ``sides_precision``: conflicts on two sides / all pairs on two sides;
- ``conflicts_on_two_sides``: of the gold conflicts, the share on two sides of one dispute;
- the number of disputes, positions per dispute and the largest dispute's claims.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, EmbeddingCache  # noqa: E402
from divergence.evaluate.newsdev import TO_PAIR, default_root, load_newsdev, side_claims  # noqa: E402
from divergence.ingest.io import atomic_write, load  # noqa: E402
from divergence.pipeline import Options, default_judge, run  # noqa: E402


def measure(split: str) -> dict:
    """The counts and shares of one split."""
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    data = load_newsdev(default_root(), split)
    articles, _ = load([str(p) for p in data.articles])
    report = run(articles, emb, default_judge(emb.name), EmbeddingCache(),
                 options=Options(progress=False, claims_dir=None))
    overlapping = side_claims(report, data.root)

    def ids(side: object) -> set[str]:
        return {c.id for c in overlapping(side)}  # type: ignore[arg-type]

    where = defaultdict(set)  # claim -> (dispute, position)
    for d in report.disputes:
        for p in d.positions:
            for cid in p.claims:
                where[cid].add((d.id, p.id))
    counts: Counter[tuple[str, str]] = Counter()
    rows = []
    for p in data.pairs:
        pa = {x for c in ids(p.a) for x in where[c]}
        pb = {x for c in ids(p.b) for x in where[c]}
        two = any(da == db and qa != qb for da, qa in pa for db, qb in pb)
        read = "two sides" if two else "one side" if pa & pb else "none"
        gold = TO_PAIR[p.label]
        counts[(gold, read)] += 1
        rows.append({"id": p.id, "gold": gold, "read": read})
    on_two = {g: counts[(g, "two sides")] for g in ("conflict", "agree", "neither")}
    n_conflict = sum(v for (g, _), v in counts.items() if g == "conflict")
    sizes = [sum(len(p.claims) for p in d.positions) for d in report.disputes]
    return {
        "split": split, "pairs": len(rows),
        "read": {g: {r: counts[(g, r)] for r in ("two sides", "one side", "none")}
                 for g in ("conflict", "agree", "neither")},
        "sides_precision": round(on_two["conflict"] / max(1, sum(on_two.values())), 3),
        "conflicts_on_two_sides": round(on_two["conflict"] / max(1, n_conflict), 3),
        "disputes": len(report.disputes),
        "positions_per_dispute": round(
            sum(len(d.positions) for d in report.disputes) / max(1, len(report.disputes)), 2),
        "largest_dispute_claims": max(sizes, default=0),
        "rows": rows,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    args = ap.parse_args()
    res = measure(args.split)
    print(f"newsdev {res['split']}: {res['disputes']} disputes, {res['positions_per_dispute']} "
          f"positions each, the largest {res['largest_dispute_claims']} claims")
    print("| gold | two sides | one side | none |\n|---|---|---|---|")
    for g, r in res["read"].items():
        print(f"| {g} | {r['two sides']} | {r['one side']} | {r['none']} |")
    print(f"sides precision {res['sides_precision']}, conflicts on two sides "
          f"{res['conflicts_on_two_sides']}")
    out = HERE / "results" / f"dispute_sides_{args.split}.json"
    atomic_write(out, json.dumps(res, indent=1) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
