"""How well a flagged conflict's confidence says whether it is a dispute, before and after
``judge.trust``: on newsdev conflict verdicts labelled blind by readers.

    python benchmarks/conflict_trust.py [--split dev|test] [--fit] [--cv]

The report's candidate pairs of one split are judged as ``divergence report`` judges them, once
with the old confidence (the strongest reason's weight) and once trusted; each conflict verdict
is matched by its two sentences to the audit file
``tests/data/newsdev/audit/conflicts_<split>.jsonl`` (readers who saw only the two sentences
labelled each conflict, same_side or compatible). Prints, for both confidences: ROC AUC
(conflict against the rest), the Brier score, and the share of disputes among the top third.
``--fit`` (dev only) fits the coefficients on the dev audit and writes
``divergence/data/conflict_trust.json``; the test audit is never fitted on. ``--cv`` scores
the fit on dev articles held out in turn (five folds), to choose features without the test
half. Writes benchmarks/results/conflict_trust_<split>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from newsdev_losses import candidates  # noqa: E402

from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.judge import trust  # noqa: E402
from divergence.pipeline import default_judge  # noqa: E402

AUDIT = ROOT / "tests" / "data" / "newsdev" / "audit"


def conflict_verdicts(split: str) -> list[tuple[str, str, object, str]]:
    """(sentence a, sentence b, untrusted verdict, article of sentence a) for each candidate
    pair judged a conflict (``--cv`` folds by the article)."""
    got = candidates(split)  # as the report pairs them
    claims, vectors, pairs = got.claims, got.vectors, list(got.pairs)
    judge = default_judge(got.emb.name)
    judge.trust = False
    ii, jj = [i for i, _, _ in pairs], [j for _, j, _ in pairs]
    got = judge.judge_pairs([claims[i] for i in ii], [claims[j] for j in jj],
                            [s for *_, s in pairs], vectors[ii], vectors[jj])
    return [(claims[i].text, claims[j].text, v, claims[i].article_id)
            for i, j, v in zip(ii, jj, got, strict=True) if v.label == "conflict"]


def cross_validate(rows: list[tuple], y: np.ndarray, folds: int = 5) -> dict:
    """AUC and mean log loss of ``trust.fit`` scored on held-out articles: the dev audit's
    verdicts in ``folds`` parts by the article of their first sentence, each fitted on the
    rest. How a choice about the features is made without the test half."""
    arts = sorted({r[3] for r in rows})
    conf, loss = np.zeros(len(rows)), 0.0
    for k in range(folds):
        held = set(arts[k::folds])
        train = [n for n, r in enumerate(rows) if r[3] not in held]
        coef = trust.fit([rows[n][2] for n in train], y[train].tolist())
        for n, r in enumerate(rows):
            if r[3] in held:
                p = min(max(trust.trusted(r[2], coef).confidence, 1e-6), 1 - 1e-6)
                conf[n] = p
                loss -= float(np.log(p if y[n] else 1 - p))
    return {"folds": folds, "auc": round(auc(conf, y), 3), "log_loss": round(loss / len(rows), 4)}


def audit(split: str) -> dict[tuple[str, str], str]:
    """The readers' labels by sentence pair, both ways round."""
    out = {}
    for line in (AUDIT / f"conflicts_{split}.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out[(r["a"], r["b"])] = out[(r["b"], r["a"])] = r["label"]
    return out


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC by ranks (ties count half)."""
    pos, neg = score[y], score[~y]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def scores(conf: np.ndarray, y: np.ndarray) -> dict:
    """AUC, Brier, and the share of disputes among the most confident third."""
    top = np.argsort(-conf, kind="stable")[: max(1, len(conf) // 3)]
    return {"auc": round(auc(conf, y), 3), "brier": round(float(np.mean((conf - y) ** 2)), 3),
            "top_third_precision": round(float(y[top].mean()), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--fit", action="store_true", help="fit on the dev audit and ship the result")
    ap.add_argument("--cv", action="store_true",
                    help="cross-validate the fit over the dev audit's articles (5 folds)")
    args = ap.parse_args()
    if (args.fit or args.cv) and args.split != "dev":
        ap.error("--fit and --cv read the dev audit only")
    labels = audit(args.split)
    if args.cv:
        got = [r for r in conflict_verdicts("dev") if (r[0], r[1]) in labels]
        ys = np.array([labels[(r[0], r[1])] == "conflict" for r in got])
        cv = cross_validate(got, ys)
        print(f"cross-validated over articles ({cv['folds']} folds, {len(got)} verdicts, "
              f"features {', '.join(trust.FEATURES)}): AUC {cv['auc']}, log loss {cv['log_loss']}")
        return 0
    rows = [(v, labels[(a, b)]) for a, b, v, _ in conflict_verdicts(args.split)
            if (a, b) in labels]
    verdicts = [v for v, _ in rows]
    y = np.array([lab == "conflict" for _, lab in rows])
    if args.fit:
        coef = trust.fit(verdicts, y.tolist())
        trust.save(coef, ROOT / "divergence" / "data" / trust.DATA, {
            "fitted": date.today().isoformat(), "on": f"{len(rows)} blind-labelled conflict "
            f"verdicts of newsdev dev ({int(y.sum())} disputes)",
            "by": "python benchmarks/conflict_trust.py --fit"})
        trust.shipped.cache_clear()
    coef = trust.shipped()
    old = np.array([v.confidence for v in verdicts])
    new = np.array([trust.trusted(v, coef).confidence for v in verdicts])
    kinds: dict[str, list[int]] = {}
    for k, v in enumerate(verdicts):
        kinds.setdefault(trust.kind(v), []).append(k)
    res = {"split": args.split, "labelled_conflicts": len(rows), "disputes": int(y.sum()),
           "old": scores(old, y), "trusted": scores(new, y),
           "by_kind": {k: {"flags": len(ix), "disputes": int(y[ix].sum()),
                           "trusted_mean": round(float(new[ix].mean()), 3)}
                       for k, ix in sorted(kinds.items(), key=lambda kv: -len(kv[1]))}}
    print(f"newsdev {args.split}: {len(rows)} labelled conflict verdicts, {int(y.sum())} disputes")
    print("| confidence | AUC | Brier | disputes in top third |\n|---|---|---|---|")
    for name in ("old", "trusted"):
        s = res[name]
        print(f"| {name} | {s['auc']} | {s['brier']} | {s['top_third_precision']} |")
    for k, s in res["by_kind"].items():
        print(f"  {k}: {s['disputes']}/{s['flags']} disputes, trusted mean {s['trusted_mean']}")
    out = HERE / "results" / f"conflict_trust_{args.split}.json"
    atomic_write(out, json.dumps(res, indent=1) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
