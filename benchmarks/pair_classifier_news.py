"""The cheap pair classifier retrained on the news pairs: does it carry to real news?

    python benchmarks/pair_classifier_news.py [--bench ../shared/bench]

The shipped pair classifier (``judge.model``: logistic regression over ``features.pair_features``,
trained on SICK train and Emergent train) is refitted on ``training/newspairs`` (both ways round;
``unrelated`` is ``neither``; C 0.0003, the best of 0.0003 / 0.001 / 0.003 in 5 folds by event),
with SICK train and Emergent train added when ``--bench`` holds them. The detectors' weights are
left at zero: the second look reads only pairs they left alone, and it then costs next to
nothing. Measured:

1. The classifier alone on newsdev's gold pairs, dev and test: ROC AUC of P(conflict) for the
   conflicts against the rest and of P(agree) for the agreements, and macro-F1 of its argmax.
2. A **second look** at report level: the shipped judge, then the news classifier relabels
   pairs the judge left ``neither`` (from two articles) as a conflict from P(conflict) 0.7
   (the best of 0.6 / 0.7 / 0.8 on dev, with the first 3,555 pairs), and as an agreement from
   P(agree) 0.7 to 0.9. Report macro-F1, pair macro-F1 (the judge with its second
   look on the gold sentences) and the report's load (claims in conflict and agree groups).
3. The same second look on ``seeds/``: the verdicts it adds and the groups that change.

Writes benchmarks/results/pair_classifier_news.json (figures only, no texts). With
``--eval-json DIR`` it also writes ``divergence eval newsdev``'s JSON for the shipped judge and
for the two settings of ``EVALUATED``, on dev and test, for ``benchmarks/newsdev_diff.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.embed import EMBEDDERS, EmbeddingCache  # noqa: E402
from divergence.evaluate.evals import eval_newsdev, judge_labelled  # noqa: E402
from divergence.evaluate.loaders import LabeledPair, load_emergent, load_sick  # noqa: E402
from divergence.evaluate.metrics import per_class, roc_auc  # noqa: E402
from divergence.evaluate.newsdev import (  # noqa: E402
    TO_PAIR,
    default_root,
    load_newsdev,
    report_labels,
    report_load,
)
from divergence.ingest.io import atomic_write, load  # noqa: E402
from divergence.judge import Judge  # noqa: E402
from divergence.judge.features import pair_features  # noqa: E402
from divergence.judge.model import PairClassifier, shipped  # noqa: E402
from divergence.judge.nli_judge import at_a_distance  # noqa: E402
from divergence.judge.pair import compatible_speakers  # noqa: E402
from divergence.judge.train import featurize  # noqa: E402
from divergence.judge.train_nli import NEWSPAIRS, read_news_pairs  # noqa: E402
from divergence.pipeline import Options, default_judge, run  # noqa: E402
from divergence.records import Claim, Judgement, Reason  # noqa: E402

SEEDS = HERE.parent / "seeds"
LABELS = ("agree", "conflict", "neither")
EVALUATED = ("conflict 0.7", "agree 0.7")
SETTINGS = {"conflict 0.7": (0.7, 1.01), "conflict 0.7, agree 0.7": (0.7, 0.7),
            "agree 0.7": (1.01, 0.7), "agree 0.8": (1.01, 0.8),
            "agree 0.9": (1.01, 0.9)}


def macro(gold: Sequence[str], pred: Sequence[str]) -> dict:
    """F1 per label and their mean, rounded."""
    scores = per_class(gold, pred, LABELS)
    return {**{lab: round(scores[lab]["f1"], 3) for lab in LABELS},
            "macro": round(scores["macro"]["f1"], 3)}


class SecondLook(Judge):
    """The judge it wraps; then ``clf`` relabels the pairs it left ``neither`` between two
    articles: a conflict from P(conflict) ``conflict``, an agreement from P(agree) ``agree``
    (same stance, neither passing on the other's statement at a distance)."""

    def __init__(self, inner: Judge, clf: PairClassifier, conflict: float, agree: float
                 ) -> None:
        super().__init__()
        self.inner, self.clf, self.conflict, self.agree = inner, clf, conflict, agree
        self.agree_threshold = inner.agree_threshold
        self.counts = {"read": 0, "conflict": 0, "agree": 0}

    def judge_pairs(self, left: Sequence[Claim], right: Sequence[Claim], sims: Sequence[float],
                    va: np.ndarray | None = None, vb: np.ndarray | None = None
                    ) -> list[Judgement]:
        """The inner verdicts, with the classifier's second look at the ``neither`` ones."""
        out = self.inner.judge_pairs(left, right, sims, va, vb)
        idx = [i for i, j in enumerate(out)
               if j.label == "neither" and left[i].article_id != right[i].article_id]
        if va is None or vb is None or not idx:
            return out
        cols = [list(self.clf.classes_).index(lab) for lab in ("conflict", "agree")]
        probs = self.clf.predict_proba(pair_features([left[i] for i in idx],
                                                     [right[i] for i in idx], va[idx], vb[idx],
                                                     [()] * len(idx)))
        self.counts["read"] += len(idx)
        for i, (pc, pa) in zip(idx, probs[:, cols].tolist(), strict=True):
            a, b = left[i], right[i]
            if pc >= self.conflict and pc > pa:
                label, p = "conflict", pc
            elif pa >= self.agree and compatible_speakers(a, b) and at_a_distance(a, b) is None:
                label, p = "agree", pa
            else:
                continue
            self.counts[label] += 1
            why = Reason("news-classifier", f"{label} (p={p:.2f})", (a.id, b.id), weight=p)
            out[i] = Judgement(label, p, (why,), out[i].similarity)  # type: ignore[arg-type]
        return out


def news_rows(path: Path) -> list[LabeledPair]:
    """The news pairs both ways round, ``unrelated`` read as ``neither``, as ``train_nli``
    reads them (its NLI labels named as pair labels)."""
    to = {"contradiction": "conflict", "entailment": "agree", "neutral": "neither"}
    return [LabeledPair(str(n), p.premise, p.hypothesis, to[p.label])
            for n, p in enumerate(read_news_pairs(path))]


def fit(emb: object, cache: EmbeddingCache, bench: Path | None) -> dict[str, PairClassifier]:
    """The classifiers compared: news pairs alone, and with SICK and Emergent train."""
    news = news_rows(NEWSPAIRS)
    xn, yn = featurize(news, emb, cache, "n", False), np.array([p.label for p in news])
    out = {"newspairs": PairClassifier(C=0.0003).fit(xn, yn)}
    if bench is not None and (bench / "sick").is_dir():
        sick, emer = load_sick(bench, "train"), load_emergent(bench, "train")
        x = np.vstack([featurize(sick, emb, cache, "s", False),
                       featurize(emer, emb, cache, "e", False), xn])
        y = np.concatenate([[p.label for p in sick], [p.label for p in emer], yn])
        out["newspairs+SICK+Emergent"] = PairClassifier(C=0.0003).fit(x, y)
    return out


def alone(clf: PairClassifier, emb: Any, cache: EmbeddingCache, split: str) -> dict:
    """The classifier alone on one newsdev split's gold pairs."""
    data = load_newsdev(default_root(), split)
    lp = [LabeledPair(p.id, p.a.text, p.b.text, TO_PAIR[p.label]) for p in data.pairs]
    gold = np.array([p.label for p in lp])
    probs = clf.predict_proba(featurize(lp, emb, cache, split[:2], clf is shipped(emb.name)))
    classes = list(clf.classes_)
    return {"conflict_auc": round(roc_auc(probs[:, classes.index("conflict")],
                                          gold == "conflict"), 3),
            "agree_auc": round(roc_auc(probs[:, classes.index("agree")], gold == "agree"), 3),
            "argmax": macro(gold.tolist(), [classes[k] for k in probs.argmax(1)])}


def second_look(articles: list, emb: object, cache: EmbeddingCache, clf: PairClassifier | None,
                setting: tuple[float, float], split: str | None) -> dict:
    """One report with (or, ``clf`` None, without) the second look: its scores and load."""
    inner = default_judge(emb.name)  # type: ignore[attr-defined]
    judge = SecondLook(inner, clf, *setting) if clf is not None else inner
    rep = run(articles, emb, judge, cache, options=Options(progress=False, claims_dir=None))
    out: dict = {"load": report_load(rep),
                 "groups": {lab: sum(g.label == lab for g in rep.groups) for lab in LABELS[:2]}}
    if isinstance(judge, SecondLook):
        out["relabelled"] = judge.counts
    if split is not None:
        data = load_newsdev(default_root(), split)
        gold = [TO_PAIR[p.label] for p in data.pairs]
        out["report"] = macro(gold, report_labels(data.pairs, rep, data.root))
        lp = [LabeledPair(p.id, p.a.text, p.b.text, gold[k]) for k, p in enumerate(data.pairs)]
        out["pair"] = macro(gold, judge_labelled(lp, judge, emb, cache))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench",
                    help="SICK and Emergent train, added to the news pairs when present")
    ap.add_argument("--eval-json", type=Path, default=None, metavar="DIR",
                    help="also write eval newsdev JSONs (shipped judge and EVALUATED) here")
    args = ap.parse_args()
    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    cache = EmbeddingCache()
    clfs = fit(emb, cache, args.bench if args.bench.is_dir() else None)
    base = shipped(emb.name)
    out: dict = {"alone": {}, "second_look": {}}
    for name, clf in ({"shipped (SICK+Emergent)": base, **clfs}).items():
        if clf is not None:
            out["alone"][name] = {s: alone(clf, emb, cache, s) for s in ("dev", "test")}
    news = clfs["newspairs"]
    corpora = {s: (load([str(p) for p in load_newsdev(default_root(), s).articles])[0], s)
               for s in ("dev", "test")}
    corpora["seeds"] = (load(sorted(str(p) for p in SEEDS.iterdir()))[0], None)
    for corpus, (articles, split) in corpora.items():
        res = {"shipped judge": second_look(articles, emb, cache, None, (2, 2), split)}
        for name, setting in SETTINGS.items():
            res[name] = second_look(articles, emb, cache, news, setting, split)
        out["second_look"][corpus] = res
    print("| classifier | split | conflict AUC | agree AUC | argmax macro-F1 |")
    print("|---|---|---|---|---|")
    for name, by in out["alone"].items():
        for s, r in by.items():
            print(f"| {name} | {s} | {r['conflict_auc']} | {r['agree_auc']} | "
                  f"{r['argmax']['macro']} |")
    print("\n| corpus | judge | pair macro-F1 | report macro-F1 | conflict groups / claims | "
          "agree groups / claims | relabelled (conflict, agree of read) |")
    print("|---|---|---|---|---|---|---|")
    for corpus, res in out["second_look"].items():
        for name, r in res.items():
            ld, rl = r["load"], r.get("relabelled")
            moved = f"{rl['conflict']}, {rl['agree']} of {rl['read']}" if rl else "-"
            print(f"| {corpus} | {name} | {r.get('pair', {}).get('macro', '-')} | "
                  f"{r.get('report', {}).get('macro', '-')} | "
                  f"{ld['conflict_groups']} / {ld['claims_in_conflicts']} of {ld['claims']} | "
                  f"{ld['agree_groups']} / {ld['claims_in_agreements']} | "
                  f"{moved} |")
    atomic_write(HERE / "results" / "pair_classifier_news.json", json.dumps(out, indent=1) + "\n")
    if args.eval_json:
        write_evals(args.eval_json, emb, cache, news)
    return 0


def write_evals(folder: Path, emb: Any, cache: EmbeddingCache, clf: PairClassifier) -> None:
    """``eval newsdev`` JSONs: the shipped judge and each setting of ``EVALUATED``, both splits."""
    folder.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "test"):
        data = load_newsdev(default_root(), split)
        for name in ("shipped", *EVALUATED):
            inner = default_judge(emb.name)
            judge = inner if name == "shipped" else SecondLook(inner, clf, *SETTINGS[name])
            res = eval_newsdev(data, judge, emb, cache)
            res.update(split=split, judge=f"{inner.name}, second look: {name}")
            path = folder / f"{split}-{name.replace(' ', '-')}.json"
            atomic_write(path, json.dumps(res) + "\n")
            print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
