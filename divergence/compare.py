"""Judge one pair of statements: the ``compare`` command's library side."""

from __future__ import annotations

from typing import Any

from .contract import comparison_to_dict
from .embed import Embedder, embed
from .ingest.headers import dateline_end
from .ingest.io import make_article
from .ingest.split import claim_from_text, embedding_text, split
from .ingest.textsafe import inert, json_dumps_safe
from .judge import Judge
from .records import Article, Claim

_FIRST = {"conflict": 0, "agree": 1, "neither": 2}  # which verdict decides a compound statement


def statement_claims(text: str, side: str) -> list[Claim]:
    """The claims of one statement: those ``report`` reads when it makes more than one ("The
    army shelled the town, saying rebels fired first": the shelling and the army's claim), else
    the whole statement as one claim with its attribution."""
    art = make_article(text, path=side, id=side)
    found = split(art) if isinstance(art, Article) else []
    return found if len(found) > 1 else [claim_from_text(text[dateline_end(text):], f"{side}:0")]


def compare_texts(text_a: str, text_b: str, embedder: Embedder, judge: Judge) -> dict[str, Any]:
    """Label, confidence, similarity and reasons for two statements (attribution read from each).

    A statement of several claims is judged claim by claim against the other's; the pair shown
    is the one that decides: a conflict first, then the surest agreement, else the closest."""
    ca, cb = statement_claims(text_a, "a"), statement_claims(text_b, "b")
    vecs = embed([embedding_text(c) for c in (*ca, *cb)], embedder)
    va, vb = vecs[:len(ca)], vecs[len(ca):]
    pairs = [(i, j) for i in range(len(ca)) for j in range(len(cb))]
    sims = [float(va[i] @ vb[j]) for i, j in pairs]
    got = judge.judge_pairs([ca[i] for i, _ in pairs], [cb[j] for _, j in pairs], sims,
                            va[[i for i, _ in pairs]], vb[[j for _, j in pairs]])
    k = min(range(len(pairs)), key=lambda n: (_FIRST[got[n].label], -got[n].confidence
                                              if got[n].label != "neither" else -sims[n]))
    i, j = pairs[k]
    out = comparison_to_dict(ca[i], cb[j], got[k], sims[k], judge.name, embedder.name)
    out["claims"] = {"a": len(ca), "b": len(cb)}
    return out


def format_comparison(res: dict[str, Any], fmt: str = "text") -> str:
    """The result as JSON, or as a few lines for people; either way the statements' control
    and bidi characters are shown escaped (they are printed to terminals)."""
    if fmt == "json":
        return json_dumps_safe(res)
    lines = [f"{res['label']}  (confidence {res['confidence']:.2f}, cosine {res['similarity']:.2f},"
             f" judged by {res['judge']})"]
    many = res.get("claims", {})
    for side in ("a", "b"):
        c = res[side]
        who = f"{c['speaker']} {c['stance']}" if c["speaker"] else "unattributed"
        of = f" (the deciding one of its {many[side]} claims)" if many.get(side, 1) > 1 else ""
        lines.append(f"  {side.upper()}: [{who}] {c['proposition'] or c['text']}{of}")
    for r in res["reasons"]:
        spans = "; ".join(f"{s['claim'].upper()}: “{s['text']}”" for s in r["spans"])
        lines.append(f"  - {r['type']} ({r['confidence']:.2f}): {r['detail']}"
                     + (f" [{spans}]" if spans else ""))
    return inert("\n".join(lines), keep_lines=True)
