"""Run the judge and the event grouping on public labelled benchmarks and score them.

The same judge the report uses (rules, the shipped classifier, an NLI model if given) and the same
embedder; nothing here is fitted on a test split. Results are plain dicts, ready for JSON.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..embed import Embedder, EmbeddingCache, embed
from ..errors import DivergenceError
from ..ingest.split import claim_from_text, embedding_text
from ..judge import Judge
from ..judge.once import judge_once
from .loaders import BENCHES, Doc, LabeledPair
from .metrics import ari, b_cubed, confusion, fnc_score, per_class

PAIR_LABELS = ("agree", "conflict", "neither")
FNC_LABELS = ("agree", "conflict", "neither", "unrelated")
# Headline-to-body relatedness: the best sentence's cosine must reach this. Chosen on Emergent
# *train* by benchmarks/tune_fnc_related.py (bags of headlines stand in for bodies), not on FNC.
FNC_RELATED = 0.525
FNC_TOP_SENTENCES = 3

Progress = Callable[[str], None]


def embed_statements(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None,
                     prefix: str) -> tuple[list, np.ndarray]:
    """Standalone statements as claims (attribution read) and their vectors, row i for text i."""
    claims = [claim_from_text(t, f"{prefix}{i}:0") for i, t in enumerate(texts)]
    vecs = embed([embedding_text(c) for c in claims], embedder, cache)
    return claims, vecs


def judge_labelled(pairs: Sequence[LabeledPair], judge: Judge, embedder: Embedder,
                   cache: EmbeddingCache | None = None) -> list[str]:
    """The judge's label for each labelled pair (its text A against text B)."""
    ca, va = embed_statements([p.a for p in pairs], embedder, cache, "a")
    cb, vb = embed_statements([p.b for p in pairs], embedder, cache, "b")
    sims = np.einsum("ij,ij->i", va, vb) if len(pairs) else np.zeros(0)
    out: list[str] = []
    for k in range(0, len(pairs), 512):
        sl = slice(k, k + 512)
        out += [j.label for j in judge_once(judge, ca[sl], cb[sl], sims[sl], va[sl], vb[sl])]
    return out


def eval_pairs(name: str, pairs: Sequence[LabeledPair], judge: Judge, embedder: Embedder,
               cache: EmbeddingCache | None = None) -> dict[str, Any]:
    """SICK or Emergent: per-class P/R/F1, confusion matrix, accuracy, time per pair."""
    t0 = time.perf_counter()
    pred = judge_labelled(pairs, judge, embedder, cache)
    secs = time.perf_counter() - t0
    gold = [p.label for p in pairs]
    res = _scores(gold, pred, PAIR_LABELS)
    res.update(bench=name, n=len(pairs), seconds=secs, ms_per_pair=1000 * secs / max(1, len(pairs)))
    res["metric"] = ({"name": "conflict F1", "value": res["per_class"]["conflict"]["f1"]}
                     if name == "sick" else {"name": "accuracy", "value": res["accuracy"]})
    return res


def _scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    pc = per_class(gold, pred, labels)
    return {"labels": list(labels), "per_class": {k: v for k, v in pc.items() if k in labels},
            "macro": pc["macro"], "accuracy": pc["accuracy"],
            "confusion": confusion(gold, pred, labels).tolist()}


def eval_fnc1(pairs: Sequence[LabeledPair], judge: Judge, embedder: Embedder,
              cache: EmbeddingCache | None = None, related: float = FNC_RELATED,
              top: int = FNC_TOP_SENTENCES) -> dict[str, Any]:
    """FNC-1: unrelated when no body sentence is close to the headline; else the judge's stance
    over the body sentences closest to the headline (mean of their probabilities)."""
    from ..ingest.io import make_article
    from ..ingest.split import split
    from ..records import Article

    t0 = time.perf_counter()
    bodies: dict[str, list] = {}
    for p in pairs:
        if p.group not in bodies:
            art = make_article(p.b, path=f"body:{p.group}", source="fnc1", id=f"b{p.group}")
            bodies[p.group] = split(art) if isinstance(art, Article) else []
    heads = sorted({p.a for p in pairs})
    hclaims, hvecs = embed_statements(heads, embedder, cache, "h")
    hidx = {h: i for i, h in enumerate(heads)}
    keys = list(bodies)
    flat = [c for k in keys for c in bodies[k]]
    bvecs = embed([embedding_text(c) for c in flat], embedder, cache)
    spans, pos = {}, 0
    for k in keys:
        spans[k] = (pos, pos + len(bodies[k]))
        pos += len(bodies[k])
    pred: list[str] = []
    left, right, sims, va, vb, owner = [], [], [], [], [], []
    for n, p in enumerate(pairs):
        s0, s1 = spans[p.group]
        hv = hvecs[hidx[p.a]]
        if s1 == s0:
            pred.append("unrelated")
            continue
        cos = bvecs[s0:s1] @ hv
        if float(cos.max()) < related:
            pred.append("unrelated")
            continue
        pred.append("")  # filled below
        for j in np.argsort(-cos)[:top]:
            left.append(hclaims[hidx[p.a]])
            right.append(flat[s0 + int(j)])
            sims.append(float(cos[j]))
            va.append(hv)
            vb.append(bvecs[s0 + int(j)])
            owner.append(n)
    votes: dict[int, list] = defaultdict(list)
    for k in range(0, len(left), 512):
        sl = slice(k, k + 512)
        res = judge_once(judge, left[sl], right[sl], sims[sl], np.array(va[sl]), np.array(vb[sl]))
        for o, r in zip(owner[sl], res, strict=True):
            votes[o].append(r)
    for n, rs in votes.items():
        pred[n] = _stance(rs)
    secs = time.perf_counter() - t0
    gold = [p.label for p in pairs]
    res = _scores(gold, pred, FNC_LABELS)
    rel_gold = ["unrelated" if g == "unrelated" else "related" for g in gold]
    rel_pred = ["unrelated" if g == "unrelated" else "related" for g in pred]
    res.update(bench="fnc1", n=len(pairs), seconds=secs,
               ms_per_pair=1000 * secs / max(1, len(pairs)),
               related_accuracy=float(np.mean([a == b for a, b in zip(rel_gold, rel_pred,
                                                                      strict=True)])),
               fnc=fnc_score(gold, pred), settings={"related": related, "top": top})
    res["metric"] = {"name": "FNC score (% of max)", "value": res["fnc"]["percent"]}
    return res


def _stance(results: Sequence) -> str:
    """One stance from a headline's verdicts against its closest body sentences."""
    conflict = [r for r in results if r.label == "conflict"]
    agree = [r for r in results if r.label == "agree"]
    if conflict and len(conflict) >= len(agree):
        return "conflict"
    if agree and len(agree) * 2 >= len(results):
        return "agree"
    return "neither"


def eval_ecbplus(docs: Sequence[Doc], embedder: Embedder, cache: EmbeddingCache | None = None,
                 on_progress: Progress | None = None) -> dict[str, Any]:
    """ECB+: documents clustered by the project's event grouping; B³ and ARI at both levels."""
    from ..group.events import (
        DOC_EVENT_NAMES,
        DOC_EVENT_THRESHOLD,
        DOC_TOPIC_NAMES,
        DOC_TOPIC_THRESHOLD,
        cluster_documents,
    )
    from ..ingest.io import make_article
    from ..ingest.split import split
    from ..records import Article

    t0 = time.perf_counter()
    claims_by_doc = []
    for d in docs:
        art = make_article(d.text, path=d.id, source=d.id, id=d.id)
        claims_by_doc.append(split(art) if isinstance(art, Article) else [])
    flat = [c for cs in claims_by_doc for c in cs]
    vecs = embed([embedding_text(c) for c in flat], embedder, cache)
    out: dict[str, Any] = {"bench": "ecbplus", "n": len(docs)}
    for level, thr, names in (("topic", DOC_TOPIC_THRESHOLD, DOC_TOPIC_NAMES),
                              ("event", DOC_EVENT_THRESHOLD, DOC_EVENT_NAMES)):
        labels = cluster_documents(claims_by_doc, vecs, thr, names=names)
        gold = [getattr(d, level) for d in docs]
        out[level] = {**b_cubed(gold, labels), "ari": ari(gold, labels),
                      "clusters": len(set(labels)), "gold_clusters": len(set(gold)),
                      "threshold": thr, "names": names}
    out["seconds"] = time.perf_counter() - t0
    out["metric"] = {"name": "event B3-F1", "value": out["event"]["f1"]}
    return out


def run_eval(bench: str, root: Path, split: str, judge: Judge, embedder: Embedder,
             cache: EmbeddingCache | None = None, limit: int | None = None) -> dict[str, Any]:
    """Load ``bench`` from ``root`` and score it; ``limit`` keeps the first N items."""
    if bench in ("mnli", "anli"):
        from .nli_data import load_anli, load_mnli

        items = (load_mnli if bench == "mnli" else load_anli)(root, split)
        res = eval_nli_model(bench, items[:limit] if limit else items, _nli_model(judge))
        res.update(split=split, judge=res["model"], embedder=None, limit=limit)
        return res
    if bench == "newsdev":
        from .newsdev import load_newsdev

        data = load_newsdev(root, split)
        res = eval_newsdev(data.first(limit) if limit else data, judge, embedder, cache)
        res.update(split=split, judge=judge.name, embedder=embedder.name, limit=limit)
        return res
    if bench not in BENCHES:
        raise DivergenceError(f"unknown benchmark {bench!r}; available: {', '.join(BENCHES)}")
    items = BENCHES[bench](root, split)
    if limit:
        items = items[:limit]
    if not items:
        raise DivergenceError(f"no items in {bench} split {split!r}", where=str(root))
    if bench == "ecbplus":
        res = eval_ecbplus(items, embedder, cache)  # type: ignore[arg-type]
    elif bench == "fnc1":
        res = eval_fnc1(items, judge, embedder, cache)  # type: ignore[arg-type]
    else:
        res = eval_pairs(bench, items, judge, embedder, cache)  # type: ignore[arg-type]
    res.update(split=split, judge=judge.name, embedder=embedder.name, limit=limit)
    return res


def _nli_model(judge: Judge) -> Any:
    """The NLI model a judge reads pairs with, else the shipped one."""
    model = getattr(judge, "model", None) or getattr(judge, "nli", None)
    if model is None:
        from ..judge.nli_onnx import shipped_nli

        model = shipped_nli()
    if model is None:
        raise DivergenceError("no NLI model to evaluate: this install ships none; pass --nli")
    return model


def eval_nli_model(name: str, pairs: Sequence[LabeledPair], model: Any) -> dict[str, Any]:
    """MNLI or ANLI: the NLI model alone, premise -> hypothesis, its most probable label."""
    t0 = time.perf_counter()
    probs = model.predict([(p.a, p.b) for p in pairs])
    secs = time.perf_counter() - t0
    nli_cols = ("conflict", "agree", "neither")
    pred = [nli_cols[int(i)] for i in np.argmax(probs, axis=1)] if len(pairs) else []
    res = _scores([p.label for p in pairs], pred, PAIR_LABELS)
    res.update(bench=name, n=len(pairs), seconds=secs, model=model.name,
               ms_per_pair=1000 * secs / max(1, len(pairs)),
               pairs_per_second=len(pairs) / max(secs, 1e-9))
    res["metric"] = {"name": "accuracy", "value": res["accuracy"]}
    return res


def format_result(res: dict[str, Any]) -> str:
    """A terminal summary of one evaluation: metric, per-class table, confusion, timing."""
    from .metrics import format_confusion, format_table

    if res["bench"] == "newsdev":
        return format_newsdev(res)

    head = (f"{res['bench']} ({res['split']}, n={res['n']}, judge={res.get('judge')}, "
            f"embedder={res.get('embedder')})")
    m = res["metric"]
    lines = [head, f"{m['name']}: {m['value']:.4f}"]
    if res["bench"] == "ecbplus":
        for level in ("topic", "event"):
            r = res[level]
            lines.append(f"  {level:<6} B3 P {r['precision']:.3f} R {r['recall']:.3f} "
                         f"F1 {r['f1']:.3f}  ARI {r['ari']:.3f}  clusters {r['clusters']} "
                         f"(gold {r['gold_clusters']})")
        lines.append(f"time: {res['seconds']:.1f} s")
        return "\n".join(lines)
    pcs = dict(res["per_class"])
    pcs["macro"] = res["macro"]
    pcs["accuracy"] = res["accuracy"]
    lines += [format_table(pcs, res["labels"]),
              format_confusion(np.array(res["confusion"]), res["labels"])]
    if res["bench"] == "fnc1":
        lines.append(f"related/unrelated accuracy: {res['related_accuracy']:.4f}; FNC score "
                     f"{res['fnc']['score']:.2f} of {res['fnc']['max']:.2f} "
                     f"({res['fnc']['percent']:.2f} %)")
    lines.append(f"time: {res['seconds']:.1f} s ({res['ms_per_pair']:.2f} ms per pair)")
    return "\n".join(lines)


def eval_newsdev(data: Any, judge: Judge, embedder: Embedder,
                 cache: EmbeddingCache | None = None, levels: Sequence[str] = ("pair", "report"),
                 on_progress: Progress | None = None) -> dict[str, Any]:
    """newsdev (``bench.newsdev.NewsDev``): the judge on the gold sentences (pair level) and the
    whole report over the split's articles (report level: a gold pair is conflict or agree when
    one group of that label holds a claim of each side). P/R/F1 per label, conflict recall per
    type, each pair's label (``pred``, by id, for ``benchmarks/newsdev_diff.py``), the pairs each
    level got wrong (ids), for reading, and a 95 % interval of macro-F1 over events resampled
    (``metrics.cluster_bootstrap``, 500 rounds)."""
    from .metrics import cluster_bootstrap
    from .newsdev import CONFLICT_KINDS, TO_PAIR, report_labels, report_load

    pairs = list(data.pairs)
    gold = [TO_PAIR[p.label] for p in pairs]
    out: dict[str, Any] = {"bench": "newsdev", "n": len(pairs), "events": list(data.events),
                           "articles": len(data.articles),
                           "gold": {lab: gold.count(lab) for lab in PAIR_LABELS}}
    for level in levels:
        t0 = time.perf_counter()
        if level == "pair":
            from .loaders import LabeledPair

            lp = [LabeledPair(p.id, p.a.text, p.b.text, TO_PAIR[p.label]) for p in pairs]
            pred = judge_labelled(lp, judge, embedder, cache)
        elif level == "report":
            from ..ingest.io import load
            from ..pipeline import Options, run

            articles, _ = load([str(p) for p in data.articles])
            report = run(articles, embedder, judge, cache,
                         options=Options(progress=False, claims_dir=None))
            pred = report_labels(pairs, report, data.root)
        else:
            raise DivergenceError(f"unknown newsdev level {level!r}; choose pair or report")
        res = _scores(gold, pred, PAIR_LABELS)
        res["macro_f1"] = res["macro"]["f1"]
        res["ci95"] = cluster_bootstrap(gold, [pred], [p.event for p in pairs], PAIR_LABELS,
                                        rounds=500)["ci95"][0]
        res["pred"] = {p.id: q for p, q in zip(pairs, pred, strict=True)}
        if level == "report":
            res["load"] = report_load(report)
        res["conflict_recall_by_type"] = {}
        for kind in CONFLICT_KINDS:
            idx = [i for i, p in enumerate(pairs) if p.kind == kind]
            if idx:
                hit = sum(pred[i] == "conflict" for i in idx)
                res["conflict_recall_by_type"][kind] = {"n": len(idx), "found": hit,
                                                        "recall": hit / len(idx)}
        res["wrong"] = [{"id": p.id, "gold": g, "pred": q}
                        for p, g, q in zip(pairs, gold, pred, strict=True) if g != q]
        res["seconds"] = time.perf_counter() - t0
        out[level] = res
        if on_progress:
            on_progress(f"{level} level done in {res['seconds']:.1f} s")
    main_level = "report" if "report" in out else levels[0]
    out["metric"] = {"name": f"{main_level}-level macro-F1", "value": out[main_level]["macro_f1"]}
    out["seconds"] = sum(out[lv]["seconds"] for lv in levels)
    return out


def format_newsdev(res: dict[str, Any]) -> str:
    """A terminal summary of a newsdev evaluation: each level's table and recall per type."""
    from .metrics import format_confusion, format_table

    lines = [f"newsdev ({res.get('split')}, {res['n']} pairs, {res['articles']} articles, "
             f"events {', '.join(res['events'])}; judge={res.get('judge')})"]
    for level in ("pair", "report"):
        if level not in res:
            continue
        r = res[level]
        pcs = dict(r["per_class"])
        pcs["macro"] = r["macro"]
        pcs["accuracy"] = r["accuracy"]
        ci = (f" (95 % interval over events {r['ci95'][0]:.3f}-{r['ci95'][1]:.3f})"
              if "ci95" in r else "")
        lines += [f"-- {level} level: macro-F1 {r['macro_f1']:.3f}{ci}",
                  format_table(pcs, r["labels"]),
                  format_confusion(np.array(r["confusion"]), r["labels"]),
                  "conflict recall by type: " + ", ".join(
                      f"{k} {v['found']}/{v['n']}"
                      for k, v in r["conflict_recall_by_type"].items())]
        if "load" in r:
            d = r["load"]
            lines.append(f"report: {d['conflict_groups']} conflict groups holding "
                         f"{d['claims_in_conflicts']} of {d['claims']} claims, "
                         f"{d['agree_groups']} agree groups holding {d['claims_in_agreements']}")
    lines.append(f"time: {res['seconds']:.1f} s")
    return "\n".join(lines)
