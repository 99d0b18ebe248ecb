"""Choose the headline-to-body relatedness threshold for FNC-1 without touching FNC-1.

    python benchmarks/tune_fnc_related.py [--bench ../shared/bench]

FNC-1 ships only its test set here, so the threshold comes from Emergent *train*: a claim against
bags of headlines standing in for bodies: one of its own articles' headlines among others'
(related) or only other claims' headlines (unrelated), about FNC-1's ratio of 2.6 unrelated to
one. Prints accuracy per threshold and the best; the value is set by hand in
divergence/evaluate/evals.py (FNC_RELATED).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

from divergence.embed import EmbeddingCache, SentenceTransformerEmbedder, embed
from divergence.evaluate.loaders import default_root, load_emergent
from divergence.ingest.split import claim_from_text, core

BAG = 15  # sentences in a simulated body


def main() -> int:
    """Sweep thresholds on Emergent train pairs and their shuffled negatives."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=default_root())
    args = ap.parse_args()
    if args.bench is None:
        print("no benchmark folder; pass --bench", file=sys.stderr)
        return 1
    pairs = load_emergent(args.bench, "train")
    rng = random.Random(0)
    emb, cache = SentenceTransformerEmbedder(), EmbeddingCache()
    claims = sorted({p.a for p in pairs})
    heads = sorted({p.b for p in pairs})
    vc = embed([core(claim_from_text(t).content) for t in claims], emb, cache)
    vh = embed([core(claim_from_text(t).content) for t in heads], emb, cache)
    ci = {t: i for i, t in enumerate(claims)}
    hi = {t: i for i, t in enumerate(heads)}
    own = {p.a: set() for p in pairs}
    for p in pairs:
        own[p.a].add(hi[p.b])
    # A "body" is a bag of sentences: related bodies hold one of the claim's own headlines among
    # others' headlines, unrelated ones only others'; the score is the best sentence's cosine,
    # as in divergence.evaluate.evals.eval_fnc1.
    sims, y = [], []
    for p in pairs:
        others = [i for i in range(len(heads)) if i not in own[p.a]]
        for related in (True, False, False, True, False, False, False):
            bag = rng.sample(others, BAG - 1 if related else BAG)
            if related:
                bag.append(hi[p.b])
            sims.append(float((vh[bag] @ vc[ci[p.a]]).max()))
            y.append(int(related))
    sims_arr, y_arr = np.array(sims), np.array(y)
    best = (0.0, 0.0)
    for thr in np.round(np.arange(0.2, 0.71, 0.025), 3):
        acc = float(((sims_arr >= thr) == (y_arr == 1)).mean())
        print(f"{thr:.3f}  accuracy {acc:.3f}")
        best = max(best, (acc, float(thr)))
    print(f"best: {best[1]:.3f} (accuracy {best[0]:.3f}; {int(y_arr.sum())} related and "
          f"{int((1 - y_arr).sum())} unrelated bags of {BAG} headlines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
