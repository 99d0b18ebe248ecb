"""Judge one pair of statements: the ``compare`` command's library side."""

from __future__ import annotations

from typing import Any

from .contract import comparison_to_dict
from .embed import Embedder, embed
from .ingest.split import claim_from_text, embedding_text
from .ingest.textsafe import inert, json_dumps_safe
from .judge import Judge


def compare_texts(text_a: str, text_b: str, embedder: Embedder, judge: Judge) -> dict[str, Any]:
    """Label, confidence, similarity and reasons for two statements (attribution read from each)."""
    a, b = claim_from_text(text_a, "a:0"), claim_from_text(text_b, "b:0")
    vecs = embed([embedding_text(a), embedding_text(b)], embedder)
    sim = float(vecs[0] @ vecs[1])
    res = judge.judge(a, b, sim, vecs[0], vecs[1])
    return comparison_to_dict(a, b, res, sim, judge.name, embedder.name)


def format_comparison(res: dict[str, Any], fmt: str = "text") -> str:
    """The result as JSON, or as a few lines for people; either way the statements' control
    and bidi characters are shown escaped (they are printed to terminals)."""
    if fmt == "json":
        return json_dumps_safe(res)
    lines = [f"{res['label']}  (confidence {res['confidence']:.2f}, cosine {res['similarity']:.2f},"
             f" judged by {res['judge']})"]
    for side in ("a", "b"):
        c = res[side]
        who = f"{c['speaker']} {c['stance']}" if c["speaker"] else "unattributed"
        lines.append(f"  {side.upper()}: [{who}] {c['proposition'] or c['text']}")
    for r in res["reasons"]:
        spans = "; ".join(f"{s['claim'].upper()}: “{s['text']}”" for s in r["spans"])
        lines.append(f"  - {r['type']} ({r['confidence']:.2f}): {r['detail']}"
                     + (f" [{spans}]" if spans else ""))
    return inert("\n".join(lines), keep_lines=True)
