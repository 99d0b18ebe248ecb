"""Who says what: score attribution against hand-labelled newsdev sentences.

    python benchmarks/attribution_eval.py [--split dev|test|both]

``tests/data/attribution/<split>.jsonl`` holds newsdev sentences labelled by hand (speaker as
written, stance, proposition; see its FORMAT.md). Each sentence is read as ``compare`` reads a
statement (``ingest.split.claim_from_text``) and scored:
- attributed: whether the sentence is given a speaker at all (P / R / F1 against the gold);
- speaker: of the sentences both call attributed, how many name the gold speaker (the same words
  once case, articles and possessives are set aside; an appositive kept is allowed: "Bjorn Lund,
  the network's director" names "Bjorn Lund");
- stance: of those, how many also have the gold stance (asserts / denies);
- proposition: mean word-overlap F1 of the proposition with the gold one;
- exact: the share of all sentences read fully right (own voice both, or speaker and stance).
Writes benchmarks/results/attribution_<split>.json (ids and scores, no texts).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.ingest.split import claim_from_text  # noqa: E402

DATA = HERE.parent / "tests" / "data" / "attribution"


def _words(text: str | None) -> list[str]:
    words = re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'"))
    return [w for w in words if w not in {"the", "a", "an", "s"}]


def same_speaker(gold: str, got: str) -> bool:
    """The gold speaker's words all appear in the speaker read (appositives may ride along)."""
    g, p = set(_words(gold)), set(_words(got))
    return bool(g) and g <= p


def overlap_f1(gold: str | None, got: str | None) -> float:
    """Word-overlap F1 of two texts (bags of words)."""
    g, p = _words(gold), _words(got)
    if not g or not p:
        return float(g == p)
    common = sum(min(g.count(w), p.count(w)) for w in set(g))
    if not common:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def score(rows: list[dict]) -> dict:
    """Attribution scores over labelled rows, and each row's outcome."""
    tp = fp = fn = speaker_ok = stance_ok = exact = 0
    props: list[float] = []
    out_rows = []
    for r in rows:
        c = claim_from_text(r["sentence"])
        gold_att, got_att = r["speaker"] is not None, c.speaker is not None
        ok_spk = ok_stance = False
        if gold_att and got_att:
            tp += 1
            ok_spk = same_speaker(r["speaker"], c.speaker or "")
            ok_stance = ok_spk and (r["stance"] or "asserts") == c.stance
            speaker_ok += ok_spk
            stance_ok += ok_stance
            props.append(overlap_f1(r["proposition"], c.proposition or c.content))
        elif got_att:
            fp += 1
        elif gold_att:
            fn += 1
        right = ok_stance if gold_att else not got_att
        exact += right
        out_rows.append({"id": r["id"], "gold_attributed": gold_att, "attributed": got_att,
                         "speaker_ok": ok_spk, "stance_ok": ok_stance, "right": right})
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n": len(rows), "gold_attributed": tp + fn,
            "attributed": {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3)},
            "speaker_right": round(speaker_ok / tp, 3) if tp else 0.0,
            "stance_right": round(stance_ok / tp, 3) if tp else 0.0,
            "proposition_f1": round(sum(props) / len(props), 3) if props else 0.0,
            "exact": round(exact / len(rows), 3) if rows else 0.0,
            "rows": out_rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="both", choices=("dev", "test", "both"))
    ap.add_argument("--show", action="store_true", help="print each sentence read wrong")
    args = ap.parse_args()
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        path = DATA / f"{split}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        res = score(rows)
        a = res["attributed"]
        print(f"{split}: {res['n']} sentences ({res['gold_attributed']} attributed by hand): "
              f"attributed P/R/F1 {a['p']:.3f}/{a['r']:.3f}/{a['f1']:.3f}, speaker right "
              f"{res['speaker_right']:.3f}, stance right {res['stance_right']:.3f}, proposition "
              f"F1 {res['proposition_f1']:.3f}, exact {res['exact']:.3f}")
        if args.show:
            for r, o in zip(rows, res["rows"], strict=True):
                if not o["right"]:
                    c = claim_from_text(r["sentence"])
                    print(f"- {r['sentence']}\n    gold: {r['speaker']} {r['stance']} | "
                          f"read: {c.speaker} {c.stance if c.speaker else ''} | {c.content[:80]}")
        atomic_write(HERE / "results" / f"attribution_{split}.json",
                     json.dumps({"split": split, **res}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
