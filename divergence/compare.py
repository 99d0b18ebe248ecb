"""Judge one pair of statements: the ``compare`` command's library side."""

from __future__ import annotations

from typing import Any

from .contract import comparison_to_dict
from .embed import Embedder, embed
from .errors import DivergenceError
from .ingest.both_sides import tells_both_sides
from .ingest.headers import dateline_end
from .ingest.io import make_article
from .ingest.split import claim_from_text, embedding_text, split
from .ingest.textsafe import inert, json_dumps_safe
from .judge import Judge
from .records import Article, Claim, Judgement, Reason

_FIRST = {"conflict": 0, "agree": 1, "neither": 2}  # which verdict decides a compound statement


def statement_claims(text: str, side: str) -> list[Claim]:
    """The claims of one statement: those ``report`` reads when it makes more than one ("The
    army shelled the town, saying rebels fired first": the shelling and the army's claim), else
    the whole statement as one claim with its attribution. No article size applies: a statement
    is held to 100 claims where it is read."""
    art = make_article(text, path=side, limit=len(text), id=side)
    found = split(art) if isinstance(art, Article) else []
    return found if len(found) > 1 else [claim_from_text(text[dateline_end(text):], f"{side}:0")]


def compare_texts(text_a: str, text_b: str, embedder: Embedder, judge: Judge) -> dict[str, Any]:
    """Label, confidence, similarity and reasons for two statements (attribution read from each).

    A statement of several claims is judged claim by claim against the other's; the pair shown
    is the one that decides: a conflict first, then the surest agreement, else the closest."""
    ca, cb = statement_claims(text_a, "a"), statement_claims(text_b, "b")
    for side, claims in (("A", ca), ("B", cb)):
        if len(claims) > MAX_CLAIMS:  # every pair is judged: a pasted article took minutes
            raise DivergenceError(
                f"statement {side} makes {len(claims):,} claims; compare reads statements of up "
                f"to {MAX_CLAIMS} (a paragraph or so): compare whole articles with "
                "divergence report")
    vecs = embed([embedding_text(c) for c in (*ca, *cb)], embedder)
    va, vb = vecs[:len(ca)], vecs[len(ca):]
    # A claim both statements make is judged against its twin alone: against the other's
    # remaining claims it would set a statement's own sentences against each other.
    twin_a, twin_b = {c.content for c in cb}, {c.content for c in ca}
    pairs = [(i, j) for i in range(len(ca)) for j in range(len(cb))
             if ca[i].content == cb[j].content
             or (ca[i].content not in twin_a and cb[j].content not in twin_b)]
    sims = [float(va[i] @ vb[j]) for i, j in pairs]
    got = judge.judge_pairs([ca[i] for i, _ in pairs], [cb[j] for _, j in pairs], sims,
                            va[[i for i, _ in pairs]], vb[[j for _, j in pairs]])
    got = _disputes_told((ca, va), (cb, vb), pairs, got, judge)
    k = min(range(len(pairs)), key=lambda n: (_FIRST[got[n].label], -got[n].confidence
                                              if got[n].label != "neither" else -sims[n]))
    i, j = pairs[k]
    out = comparison_to_dict(ca[i], cb[j], got[k], sims[k], judge.name, embedder.name)
    out["claims"] = {"a": len(ca), "b": len(cb)}
    return out


_VALUES = ("number", "date", "title")  # a dispute told whole still gives its values
# Claims one statement may make: its claims are judged against the other's and against each
# other, so the pairs grow with the square (1,000 sentences took 46 s and 2 GB).
MAX_CLAIMS = 100


def _disputes_told(a: tuple[list[Claim], Any], b: tuple[list[Claim], Any],
                   pairs: list[tuple[int, int]], got: list[Judgement], judge: Judge
                   ) -> list[Judgement]:
    """``got`` with each conflict that a statement telling both sides already reports made
    neither (``_reported``): the other statement's claim clashes with one side of it and not
    with the other. Both sides are two of its claims the judge sets against each other, or a
    claim and its rejection in so many words (``tells_both_sides``)."""
    if not any(x.label == "conflict" for x in got):
        return got  # nothing to read as one side of a dispute told whole
    before = dict(zip(pairs, got, strict=True))
    after = dict(before)
    for side, (claims, vecs) in enumerate((a, b)):
        sides = _two_sides(claims, vecs, judge)
        worded = {k for k, c in enumerate(claims) if tells_both_sides(c.text)}
        for (i, j), x in before.items():
            mine, theirs = (i, j) if side == 0 else (j, i)
            if x.label != "conflict" or not (mine in (sides or ()) or mine in worded):
                continue
            # the other side: the other of the two claims, or the sentence's other claims
            others = ([k for k in sides if k != mine] if sides and mine in sides else
                      [k for k in worded if k != mine and claims[k].text == claims[mine].text])
            if not others or any(
                    before[(k, theirs) if side == 0 else (theirs, k)].label != "conflict"
                    for k in others):
                after[(i, j)] = _reported(x, claims[mine].text, (a[0][i].id, b[0][j].id))
    return [after[ij] for ij in pairs]


def _two_sides(claims: list[Claim], vecs: Any, judge: Judge) -> tuple[int, int] | None:
    """Two claims of one statement that the judge sets against each other ("Fishermen say a
    vessel rammed the trawler; the coast guard says its ship never touched it"): the statement
    tells both sides of that dispute. Not a claim and its rejection nested in one clause ("X
    rejected Y's claims that P": Y's P and X's denial of it), which is the rejecter's voice: only
    the words ``tells_both_sides`` knows make that a report of both. None for a statement of one
    claim or of no dispute."""
    if len(claims) < 2:
        return None
    pairs = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))]
    got = judge.judge_pairs([claims[i] for i, _ in pairs], [claims[j] for _, j in pairs],
                            [float(vecs[i] @ vecs[j]) for i, j in pairs],
                            vecs[[i for i, _ in pairs]], vecs[[j for _, j in pairs]])
    said = [c.content.strip(" .").lower() for c in claims]
    return next(((i, j) for (i, j), x in zip(pairs, got, strict=True)
                 if x.label == "conflict" and said[i] != said[j]), None)


def _reported(got: Judgement, text: str, ids: tuple[str, str]) -> Judgement:
    """A conflict between two statements when one of them already tells both sides of the
    dispute ("X accused Y of P, a charge Y denied" / "Y denied P"): it reports the dispute, and
    the other statement tells one of its positions (it clashes with one side only); neither,
    unless their values differ."""
    if got.label != "conflict" or any(r.type in _VALUES for r in got.reasons):
        return got
    why = Reason("both-sides", "one statement tells both sides of the dispute (a claim and "
                 f"its rejection: {text[:80]!r}); the other tells one of them",
                 ids, weight=got.confidence)
    return Judgement("neither", got.confidence, (*got.reasons, why), got.similarity)


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
