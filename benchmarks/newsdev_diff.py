"""Is judge B better than judge A on newsdev, or did the split's events make it look so?

    divergence eval newsdev --split dev -o a.json          # today's judge
    divergence eval newsdev --split dev -o b.json          # the change (another checkout, --judge)
    python benchmarks/newsdev_diff.py a.json b.json [--level report|pair] [--rounds 2000]

Both files must be one split's evaluation (the same gold pairs). For each level it prints both
macro-F1 figures, the 95 % interval of B minus A over the split's events resampled with
replacement (``metrics.cluster_bootstrap``: the pairs of one event share articles, so events are
the unit), and the share of resamples in which B is better. A dev gain whose interval holds
zero is no reason to ship; nor, read once, is a test gain. Reads only ids and labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.evaluate.metrics import cluster_bootstrap  # noqa: E402
from divergence.evaluate.newsdev import TO_PAIR, default_root, load_newsdev  # noqa: E402

LABELS = ("agree", "conflict", "neither")


def compare(a: dict, b: dict, level: str, rounds: int) -> dict:
    """The bootstrap of B against A at one level, over the gold pairs both labelled."""
    if a.get("split") != b.get("split"):
        raise SystemExit(f"newsdev_diff: the files are of splits {a.get('split')!r} and "
                         f"{b.get('split')!r}")
    pa, pb = a[level].get("pred"), b[level].get("pred")
    if pa is None or pb is None:
        raise SystemExit("newsdev_diff: a file has no per-pair labels (written before "
                         "`eval newsdev` kept them); evaluate again")
    data = load_newsdev(default_root(), a["split"])
    pairs = [p for p in data.pairs if p.id in pa and p.id in pb]
    if len(pairs) != len(data.pairs):
        raise SystemExit(f"newsdev_diff: the files label {len(pairs)} of the split's "
                         f"{len(data.pairs)} gold pairs; evaluate both on the whole split")
    gold = [TO_PAIR[p.label] for p in pairs]
    res = cluster_bootstrap(gold, [[pa[p.id] for p in pairs], [pb[p.id] for p in pairs]],
                            [p.event for p in pairs], LABELS, rounds=rounds)
    res["changed"] = sum(pa[p.id] != pb[p.id] for p in pairs)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path, help="eval newsdev JSON of the judge compared against")
    ap.add_argument("b", type=Path, help="eval newsdev JSON of the judge that may be better")
    ap.add_argument("--level", choices=("pair", "report"), action="append")
    ap.add_argument("--rounds", type=int, default=2000)
    args = ap.parse_args()
    a, b = (json.loads(f.read_text(encoding="utf-8")) for f in (args.a, args.b))
    print(f"newsdev {a.get('split')}: A = {args.a.name} ({a.get('judge')}), "
          f"B = {args.b.name} ({b.get('judge')})")
    print("| level | A macro-F1 | B macro-F1 | B - A, 95 % over events | B better in | "
          "labels changed |")
    print("|---|---|---|---|---|---|")
    for level in args.level or ["pair", "report"]:
        r = compare(a, b, level, args.rounds)
        lo, hi = r["diff_ci95"]
        print(f"| {level} | {r['macro_f1'][0]:.3f} | {r['macro_f1'][1]:.3f} | "
              f"{r['macro_f1'][1] - r['macro_f1'][0]:+.3f} ({lo:+.3f} to {hi:+.3f}) | "
              f"{r['p_better']:.0%} of {r['rounds']} | {r['changed']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
