"""Vectors -> events and claim groups.

Events: claims clustered by meaning and names, each smoothed with its neighbours in the article so
that a sentence that only says "The talks emphasised ..." joins the event it belongs to. One article
can touch several events. Claim groups: candidate pairs (close in meaning, or both crediting someone
with an outcome) are judged; conflict edges form conflict groups, agree edges form agreement groups,
and what is left is unique. Groups are formed over all claims, so they can cross events.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from .judge import Judge, credits
from .judge.text import entities
from .records import Article, Claim, ClaimGroup, Event, Judgement, Reason


def _stable_id(prefix: str, keys: Sequence[str]) -> str:
    return prefix + hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:10]


def _check(claims: Sequence[Claim], vectors: np.ndarray) -> None:
    if vectors.shape[0] != len(claims):
        raise ValueError(f"{vectors.shape[0]} vectors for {len(claims)} claims")


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


# ---------------------------------------------------------------- voices


def voices(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    copy_similarity: float = 0.95,
    copy_share: float = 0.5,
    graph: bool = False,
) -> dict[str, str]:
    """Map article id -> independent voice: the wire agency; one voice for copies of one text.

    With ``graph``, near-copies come from ``graph.close_pairs`` (exact up to its size limit, a
    neighbour graph beyond) instead of a pass over all pairs.
    """
    _check(claims, vectors)
    ids = [a.id for a in articles]
    uf = _UnionFind(len(ids))
    pos = {aid: k for k, aid in enumerate(ids)}
    owner = np.array([pos.get(c.article_id, -1) for c in claims])
    # Only claims with a near-copy in another article matter: find them all in one pass.
    if graph:
        from .graph import close_pairs

        ii, jj, _ = close_pairs(vectors, copy_similarity)
        found = zip(ii.tolist(), jj.tolist(), strict=True)
    else:
        found = ((i, j) for i, j, _ in _pairs_above(vectors, copy_similarity))
    close = [(i, j) for i, j in found
             if owner[i] != owner[j] and owner[i] >= 0 and owner[j] >= 0]
    sizes = np.bincount(owner[owner >= 0], minlength=len(ids))
    copied: dict[tuple[int, int], set[int]] = defaultdict(set)  # (x, y) -> claims of x copied in y
    for i, j in close:
        copied[(owner[i], owner[j])].add(i)
        copied[(owner[j], owner[i])].add(j)
    for (x, y), mine in copied.items():
        if x < y:
            theirs = copied.get((y, x), set())
            shared = min(len(mine) / sizes[x], len(theirs) / sizes[y])
            if shared >= copy_share:
                uf.union(int(x), int(y))
    out = {}
    for members in uf.groups():
        arts = [articles[i] for i in members]
        name = next((a.wire for a in arts if a.wire), None) or arts[0].source
        for a in arts:
            out[a.id] = a.wire or name
    return out


def _pairs_above(vectors: np.ndarray, threshold: float,
                 block: int = 2048) -> list[tuple[int, int, float]]:
    """All pairs i < j with cosine at least ``threshold``."""
    return _blocked_pairs(vectors, lambda r0, r1, sims: sims >= threshold, block)


def _blocked_pairs(vectors: np.ndarray, keep: Callable[[int, int, np.ndarray], np.ndarray],
                   block: int = 2048) -> list[tuple[int, int, float]]:
    """Pairs i < j (row-major order) that ``keep(r0, r1, sims)`` marks in each block of rows'
    similarities to all vectors; memory stays about block x n."""
    n = vectors.shape[0]
    out: list[tuple[int, int, float]] = []
    for r0 in range(0, n, block):
        r1 = min(n, r0 + block)
        sims = vectors[r0:r1] @ vectors.T
        mask = keep(r0, r1, sims) & (np.arange(r0, r1)[:, None] < np.arange(n)[None, :])
        for i, j in zip(*np.nonzero(mask), strict=True):
            out.append((r0 + int(i), int(j), float(sims[i, j])))
    return out


# ---------------------------------------------------------------- claim groups

Progress = Callable[[int], None]


# With the graph, crediting pairs are all judged (as in the dense path) while there are at most
# CREDIT_ALL crediting claims; beyond, only those at least CREDIT_FLOOR close.
CREDIT_ALL, CREDIT_FLOOR = 2_000, 0.3


def candidate_pairs(
    claims: Sequence[Claim], vectors: np.ndarray, min_similarity: float = 0.5,
    block: int = 2048, graph: bool = False,
) -> list[tuple[int, int, float]]:
    """Pairs worth judging: from different articles (or different speakers) and close in meaning,
    or both crediting someone for an outcome. Vectorised in blocks of rows (memory ~ block x n).

    With ``graph``, close pairs come from ``graph.close_pairs``; beyond ``CREDIT_ALL`` crediting
    claims, crediting pairs must reach ``CREDIT_FLOOR`` (all of them would be too many to judge).
    """
    _check(claims, vectors)
    art = np.array([hash(c.article_id) for c in claims])
    spk = np.array([hash(c.speaker or "") for c in claims])
    cred = np.array([bool(credits(c)) for c in claims])
    if graph:
        return _graph_candidates(vectors, min_similarity, art, spk, cred)

    def keep(r0: int, r1: int, sims: np.ndarray) -> np.ndarray:
        close = (sims >= min_similarity) | (cred[r0:r1, None] & cred[None, :])
        same_voice = (art[r0:r1, None] == art[None, :]) & (spk[r0:r1, None] == spk[None, :])
        return close & ~same_voice

    return _blocked_pairs(vectors, keep, block)


def _graph_candidates(vectors: np.ndarray, min_similarity: float, art: np.ndarray,
                      spk: np.ndarray, cred: np.ndarray) -> list[tuple[int, int, float]]:
    from .graph import close_pairs

    def other_voice(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return ~((art[i] == art[j]) & (spk[i] == spk[j]))

    found = {}
    ii, jj, ss = close_pairs(vectors, min_similarity, keep=other_voice)
    found.update(zip(zip(ii.tolist(), jj.tolist(), strict=True), ss.tolist(), strict=True))
    who = np.flatnonzero(cred)
    if len(who) > 1:
        every = len(who) <= CREDIT_ALL
        ci, cj, cs = close_pairs(vectors[who], -2.0 if every else CREDIT_FLOOR,
                                 max_per_row=len(who) if every else 256)
        gi, gj = who[ci], who[cj]
        mask = other_voice(gi, gj)
        found.update(zip(zip(gi[mask].tolist(), gj[mask].tolist(), strict=True),
                         cs[mask].tolist(), strict=True))
    return [(i, j, float(s)) for (i, j), s in sorted(found.items())]


def find_groups(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    voice_of: dict[str, str],
    judge: Judge,
    min_similarity: float = 0.5,
    on_progress: Progress | None = None,
    pairs: list[tuple[int, int, float]] | None = None,
) -> list[ClaimGroup]:
    """Judge candidate pairs and form agree / unique / conflict groups over all claims.

    Args:
        voice_of: article id -> independent voice (see ``voices``).
        on_progress: called with the number of pairs just judged.
        pairs: the candidate pairs when already computed (``candidate_pairs``).
    """
    _check(claims, vectors)
    n = len(claims)
    if pairs is None:
        pairs = candidate_pairs(claims, vectors, min_similarity)
    verdicts: dict[tuple[int, int], Judgement] = {}
    batch = 256
    for k in range(0, len(pairs), batch):
        chunk = pairs[k : k + batch]
        ii = [i for i, _, _ in chunk]
        jj = [j for _, j, _ in chunk]
        results = judge.judge_pairs([claims[i] for i in ii], [claims[j] for j in jj],
                                    [s for _, _, s in chunk], vectors[ii], vectors[jj])
        for (i, j, _), res in zip(chunk, results, strict=True):
            verdicts[(i, j)] = res
        if on_progress:
            on_progress(len(chunk))

    def voice(i: int) -> str:
        return voice_of.get(claims[i].article_id, claims[i].article_id)

    groups: list[ClaimGroup] = []
    used: set[int] = set()
    # Conflicts: components of the conflict graph.
    uf = _UnionFind(n)
    conflict_edges = [(i, j, v) for (i, j), v in verdicts.items() if v.label == "conflict"]
    for i, j, _ in conflict_edges:
        uf.union(i, j)
    by_root: dict[int, list[tuple[int, int, Judgement]]] = defaultdict(list)
    for e in conflict_edges:  # each component's edges, gathered once (linear in the edges)
        by_root[uf.find(e[0])].append(e)
    for comp in uf.groups():
        if len(comp) < 2:
            continue
        cs = set(comp)
        edges = by_root[uf.find(comp[0])]
        reasons = _merge_reasons([r for _, _, v in edges for r in v.reasons])
        conf = max(v.confidence for _, _, v in edges)
        groups.append(_group("conflict", conf, comp, claims, voice, reasons))
        used |= cs
    # Agreements: components of the agree graph among the rest, split where linkage is weak, one
    # claim per article (an article makes a point once; its other sentences go back to the pool).
    agree = {(i, j): v for (i, j), v in verdicts.items() if v.label == "agree"}
    adj: dict[int, dict[int, Judgement]] = defaultdict(dict)  # both directions
    for (i, j), v in agree.items():
        adj[i][j] = adj[j][i] = v
    for _ in range(3):
        edges_left = [(i, j, v) for (i, j), v in agree.items() if i not in used and j not in used]
        uf = _UnionFind(n)
        for i, j, _v in edges_left:
            uf.union(i, j)
        formed = False
        for comp in uf.groups():
            if len(comp) < 2 or comp[0] in used:
                continue
            for part in _split_weak(comp, vectors, judge.agree_threshold):
                part = _one_per_article(part, claims, adj, vectors)
                inside = set(part)
                edges = [(i, j, v) for i in part for j, v in adj[i].items()
                         if i < j and j in inside]
                if len({voice(i) for i in part}) >= 2 and edges:
                    conf = float(np.mean([v.confidence for _, _, v in edges]))
                    reasons = _merge_reasons([r for _, _, v in edges for r in v.reasons], keep=3)
                    reasons += _details(part, claims, voice)
                    groups.append(_group("agree", conf, part, claims, voice, reasons))
                    used |= set(part)
                    formed = True
        if not formed:
            break
    # Unique: one group per claim left (its voice alone says it).
    for i in range(n):
        if i not in used:
            groups.append(_group("unique", 1.0, [i], claims, voice, ()))
    return groups


def _details(
    part: Sequence[int], claims: Sequence[Claim], voice: Callable[[int], str]
) -> tuple[Reason, ...]:
    """In an agreement, the names only one voice mentions: what it adds to the others."""
    from .judge.text import _COUNTRIES

    names: dict[str, dict[str, str]] = defaultdict(dict)  # voice -> key -> text
    for i in part:
        for m in entities(claims[i].content):
            if m.key not in _COUNTRIES:
                names[voice(i)].setdefault(m.key, m.text)
    out = []
    for v, keys in names.items():
        others = set().union(*(set(k) for w, k in names.items() if w != v))
        only = [keys[k] for k in keys if k not in others]
        if only:
            ids = tuple(claims[i].id for i in part if voice(i) == v)
            out.append(Reason("detail", f"only {v} mentions {', '.join(only)}", ids, weight=0.0))
    return tuple(out)


def _one_per_article(
    part: list[int],
    claims: Sequence[Claim],
    adj: dict[int, dict[int, Judgement]],
    vectors: np.ndarray,
) -> list[int]:
    """A coherent set with one claim per article: start from the best-agreeing claim, then add, per
    article, the claim closest to those chosen that agrees with at least one of them.

    Args:
        adj: the agree edges, both ways (claim -> claim -> judgement).
    """

    members = set(part)
    links: dict[int, set[int]] = defaultdict(set)
    weight: dict[int, float] = defaultdict(float)
    for x in part:
        for y, v in adj.get(x, {}).items():
            if y in members:
                links[x].add(y)
                if claims[x].article_id != claims[y].article_id:
                    weight[x] += v.confidence

    def linked(i: int, j: int) -> bool:
        return j in links[i]

    def score(i: int) -> float:
        return weight[i]

    chosen = [max(part, key=lambda i: (score(i), -i))]
    while True:
        arts = {claims[i].article_id for i in chosen}
        cands = [
            i
            for i in part
            if claims[i].article_id not in arts and any(linked(i, j) for j in chosen)
        ]
        if not cands:
            return sorted(chosen)
        chosen.append(max(cands, key=lambda i: (float(np.mean(vectors[chosen] @ vectors[i])), -i)))


def _split_weak(comp: list[int], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Cut a chained component by average linkage so every part is close on average."""
    if len(comp) <= 2:
        return [comp]
    from sklearn.cluster import AgglomerativeClustering

    from .graph import DENSE_COMPONENT, average_linkage, close_pairs

    if len(comp) > DENSE_COMPONENT:  # the same cut, without a full distance matrix
        sub = np.ascontiguousarray(vectors[comp], dtype=np.float32)
        cut = 1.0 - (threshold - 0.05)
        found = average_linkage(sub, close_pairs(sub, 1.0 - cut), cut)
        groups: dict[int, list[int]] = defaultdict(list)
        for idx, lab in zip(comp, found.tolist(), strict=True):
            groups[lab].append(idx)
        return list(groups.values())
    sub = vectors[comp]
    dist = np.clip(1.0 - sub @ sub.T, 0.0, 2.0)  # precomputed: a zero vector is just far away
    np.fill_diagonal(dist, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - (threshold - 0.05),
    ).fit_predict(dist)
    parts: dict[int, list[int]] = defaultdict(list)
    for idx, lab in zip(comp, labels, strict=True):
        parts[int(lab)].append(idx)
    return list(parts.values())


def _merge_reasons(reasons: Sequence[Reason], keep: int = 8) -> tuple[Reason, ...]:
    best: dict[tuple[str, str], Reason] = {}
    for r in reasons:
        key = (r.type, re.sub(r"\S+:\d+", "", r.detail))
        if key not in best or r.weight > best[key].weight:
            best[key] = r
    return tuple(sorted(best.values(), key=lambda r: -r.weight)[:keep])


def _group(
    label: str,
    conf: float,
    idx: Sequence[int],
    claims: Sequence[Claim],
    voice: Callable[[int], str],
    reasons: tuple[Reason, ...],
) -> ClaimGroup:
    idx = sorted(idx)
    ids = tuple(claims[i].id for i in idx)
    srcs = tuple(dict.fromkeys(voice(i) for i in idx))
    return ClaimGroup(
        id=_stable_id("g-", ids),
        label=label,
        confidence=float(conf),  # type: ignore[arg-type]
        claims=ids,
        sources=srcs,
        reasons=reasons,
    )


def attach(
    events: Sequence[Event], groups: Sequence[ClaimGroup]
) -> tuple[list[Event], list[ClaimGroup]]:
    """Link groups and events both ways; a group lists its claims' events, most claims first."""
    event_of = {cid: e.id for e in events for cid in e.claims}
    out_groups = []
    by_event: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        evs = tuple(
            e for e, _ in Counter(event_of[c] for c in g.claims if c in event_of).most_common()
        )
        out_groups.append(
            ClaimGroup(g.id, g.label, g.confidence, g.claims, g.sources, g.reasons, evs, g.verdict)
        )
        for e in evs:
            by_event[e].append(g.id)
    out_events = [
        Event(e.id, e.label, e.claims, e.articles, tuple(by_event.get(e.id, ()))) for e in events
    ]
    return out_events, out_groups
