"""How far does newsdev's report move when grouping loses agreements no gold pair is about?

    python benchmarks/newsdev_regroup_noise.py [--split dev] [--drop 0.01,0.02] [--rounds 8]

A rule that changes no gold pair's verdict still moves the report-level score: one agree edge
more or less between two claims of an event regroups its agree groups, and gold pairs that sat
in a group together may land in two (a day's toll kept from agreeing with a running total moved
dev by -0.008 that way). This measures that band. Each round runs the report over the split's
articles with the default judge, and turns a random share (``--drop``) of the agree verdicts of
grouping into "neither", sparing every pair whose two claims are the two sides of a gold pair.
Which pairs drop is fixed by the round and the claims' ids, so a round is reproducible. Prints
the unperturbed macro-F1 and, per share, the rounds' min / median / max; writes
benchmarks/results/newsdev_regroup_noise_<split>.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, EmbeddingCache  # noqa: E402
from divergence.evaluate.evals import PAIR_LABELS  # noqa: E402
from divergence.evaluate.metrics import per_class  # noqa: E402
from divergence.evaluate.newsdev import (  # noqa: E402
    TO_PAIR,
    default_root,
    load_newsdev,
    report_labels,
    side_claims,
)
from divergence.group import claims as grouping  # noqa: E402
from divergence.ingest.io import atomic_write, load  # noqa: E402
from divergence.pipeline import Options, default_judge, run  # noqa: E402
from divergence.records import Judgement  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--drop", default="0.01,0.02", help="shares of agree verdicts to drop")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    data = load_newsdev(default_root(), args.split)
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    judge = default_judge(emb.name)
    cache = EmbeddingCache()
    articles, _ = load([str(p) for p in data.articles])
    gold = [TO_PAIR[p.label] for p in data.pairs]

    def score(rep: object) -> dict:
        got = per_class(gold, report_labels(list(data.pairs), rep, data.root), PAIR_LABELS)
        return {"macro_f1": got["macro"]["f1"], "agree_f1": got["agree"]["f1"],
                "conflict_f1": got["conflict"]["f1"]}

    t0 = time.perf_counter()
    base = run(articles, emb, judge, cache, options=Options())
    overlapping = side_claims(base, data.root)
    spared = {frozenset((x.id, y.id)) for p in data.pairs
              for x in overlapping(p.a) for y in overlapping(p.b)}
    original = grouping.judge_once
    out: dict = {"split": args.split, "rounds": args.rounds, "seed": args.seed,
                 "base": score(base), "drop": {}}
    print(f"newsdev {args.split} report, unperturbed: macro-F1 {out['base']['macro_f1']:.4f}")
    for share in (float(x) for x in args.drop.split(",")):
        rows = []
        for r in range(args.rounds):
            seen = {"agree": 0, "dropped": 0}

            def perturbed(judge_, left, right, *rest, _r=r, _share=share,  # noqa: ANN001, ANN202
                          _seen=seen):
                got = original(judge_, left, right, *rest)
                out_ = []
                for a, b, v in zip(left, right, got, strict=True):
                    if v.label == "agree" and frozenset((a.id, b.id)) not in spared:
                        _seen["agree"] += 1
                        if random.Random(f"{args.seed}:{_r}:{a.id}|{b.id}").random() < _share:
                            _seen["dropped"] += 1
                            v = Judgement("neither", 0.5, v.reasons, v.similarity)
                    out_.append(v)
                return out_

            grouping.judge_once = perturbed
            try:
                rows.append({**score(run(articles, emb, judge, cache, options=Options())), **seen})
            finally:
                grouping.judge_once = original
        macro = [x["macro_f1"] for x in rows]
        out["drop"][str(share)] = {"rounds": rows, "min": min(macro), "max": max(macro),
                                   "median": statistics.median(macro)}
        dropped = statistics.median(x["dropped"] for x in rows)
        print(f"  dropping {share:.0%} of the other agree verdicts ({dropped:.0f} of "
              f"{rows[0]['agree']}), {args.rounds} rounds: "
              f"macro-F1 {min(macro):.4f} / {statistics.median(macro):.4f} / {max(macro):.4f} "
              f"(min / median / max)")
    out["seconds"] = time.perf_counter() - t0
    atomic_write(HERE / "results" / f"newsdev_regroup_noise_{args.split}.json",
                 json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
