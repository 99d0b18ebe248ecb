"""Vectors -> events and claim groups.

Events: claims clustered by meaning, each smoothed with its neighbours in the article so that a sentence
that only says "The talks emphasised ..." joins the event it belongs to. One article can touch several
events. Claim groups: candidate pairs (close in meaning, or both crediting someone with an outcome) are
judged; conflict edges form conflict groups, agree edges form agreement groups, and what is left is
unique. Groups are formed over all claims, so they can cross events.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from .judge import Judge, credits
from .judge.text import content_tokens, entities
from .records import Article, Claim, ClaimGroup, Event, Judgement, Reason
from .split import core


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


def voices(articles: Sequence[Article], claims: Sequence[Claim], vectors: np.ndarray,
           copy_similarity: float = 0.95, copy_share: float = 0.5) -> dict[str, str]:
    """Map article id -> independent voice: the wire agency, and one voice for copies of one text."""
    _check(claims, vectors)
    ids = [a.id for a in articles]
    uf = _UnionFind(len(ids))
    by_art: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_art[c.article_id].append(i)
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            ix, iy = by_art.get(ids[x], []), by_art.get(ids[y], [])
            if not ix or not iy:
                continue
            sims = vectors[ix] @ vectors[iy].T
            shared = min((sims.max(axis=1) >= copy_similarity).mean(),
                         (sims.max(axis=0) >= copy_similarity).mean())
            if shared >= copy_share:
                uf.union(x, y)
    out = {}
    for members in uf.groups():
        arts = [articles[i] for i in members]
        name = next((a.wire for a in arts if a.wire), None) or arts[0].source
        for a in arts:
            out[a.id] = a.wire or name
    return out


# ---------------------------------------------------------------- events


def find_events(claims: Sequence[Claim], vectors: np.ndarray, threshold: float = 0.5,
                context: float = 0.5, article: float = 0.5, names: float = 1.0,
                min_size: int = 3) -> list[Event]:
    """Cluster claims into events by average linkage over meaning and names.

    Each claim is described by its embedding and a tf-idf vector of its names and content words, both
    smoothed with its neighbours and its article's mean (sentences about one event come in runs).

    Args:
        threshold: cosine distance at which clusters stop merging.
        context: weight of the neighbouring sentences of the same article (half for two away).
        article: weight of the claim's article mean.
        names: weight of the names-and-words vector against the embedding.
        min_size: smaller clusters join their nearest event.
    """
    _check(claims, vectors)
    n = len(claims)
    if n == 0:
        return []
    feats = _event_features(claims, vectors, context, article, names)
    if n == 1:
        labels = np.zeros(1, dtype=int)
    else:
        from sklearn.cluster import AgglomerativeClustering

        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=threshold).fit_predict(feats)
    labels = _absorb_small(labels, feats, min_size)
    events = []
    for lab in sorted(set(labels.tolist()), key=lambda x: int(np.argmax(labels == x))):
        idx = [i for i in range(n) if labels[i] == lab]
        cl = [claims[i] for i in idx]
        arts = tuple(dict.fromkeys(c.article_id for c in cl))
        events.append(Event(id=_stable_id("e-", [c.id for c in cl]), label=_label(cl, claims),
                            claims=tuple(c.id for c in cl), articles=arts))
    return events


def _event_features(claims: Sequence[Claim], vectors: np.ndarray, context: float,
                    article: float, names: float) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [c.content for c in claims]
    try:
        tf = TfidfVectorizer(analyzer=_event_terms, sublinear_tf=True).fit_transform(texts)
        tfd = tf.toarray()
    except ValueError:  # no terms at all
        tfd = np.zeros((len(claims), 1))
    parts = [_smooth(claims, vectors.astype(np.float64), context, article),
             names * _smooth(claims, tfd, context, article)]
    feats = np.hstack(parts)
    return feats / np.maximum(np.linalg.norm(feats, axis=1, keepdims=True), 1e-12)


def _event_terms(text: str) -> list[str]:
    return [m.key for m in entities(text)] + content_tokens(text)


def _smooth(claims: Sequence[Claim], x: np.ndarray, context: float, article: float) -> np.ndarray:
    n = len(claims)
    out = x.copy()
    for i in range(n):
        for dist, w in ((1, context), (2, context / 2)):
            for j in (i - dist, i + dist):
                if 0 <= j < n and claims[j].article_id == claims[i].article_id:
                    out[i] += w * x[j]
    by_art: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_art[c.article_id].append(i)
    for idx in by_art.values():
        out[idx] += article * x[idx].mean(axis=0)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def _absorb_small(labels: np.ndarray, vecs: np.ndarray, min_size: int) -> np.ndarray:
    counts = Counter(labels.tolist())
    big = [lab for lab, k in counts.items() if k >= min_size]
    if not big or len(big) == len(counts):
        return labels
    cents = np.stack([vecs[labels == lab].mean(axis=0) for lab in big])
    out = labels.copy()
    for i, lab in enumerate(labels):
        if counts[int(lab)] < min_size:
            out[i] = big[int(np.argmax(cents @ vecs[i]))]
    return out


def _label(members: Sequence[Claim], all_claims: Sequence[Claim], k: int = 3) -> str:
    """The words and names that set this event apart (tf-idf over events' claims)."""
    df: Counter[str] = Counter()
    for c in all_claims:
        df.update(set(_terms(c.content)))
    tf: Counter[str] = Counter()
    for c in members:
        tf.update(set(_terms(c.content)))
    n = len(all_claims)
    scored = sorted(tf, key=lambda t: (-tf[t] * math.log(1 + n / df[t]) * (1.5 if " " in t or
                                                                         t[:1].isupper() else 1),
                                       t))
    picked: list[str] = []
    for t in scored:
        if any(t.lower() in p.lower() or p.lower() in t.lower() for p in picked):
            continue
        picked.append(t)
        if len(picked) == k:
            break
    return " · ".join(picked) or "misc"


def _terms(text: str) -> list[str]:
    ents = [m.text for m in entities(text) if len(m.text) > 2]
    words = [w for w in content_tokens(text) if len(w) > 3 and not w.isdigit()]
    return ents + words


# ---------------------------------------------------------------- claim groups

Progress = Callable[[int], None]


def candidate_pairs(claims: Sequence[Claim], vectors: np.ndarray,
                    min_similarity: float = 0.5) -> list[tuple[int, int, float]]:
    """Pairs worth judging: from different articles (or different speakers) and close in meaning,
    or both crediting someone for an outcome."""
    _check(claims, vectors)
    n = len(claims)
    sims = vectors @ vectors.T if n else np.zeros((0, 0))
    has_credit = [bool(credits(c)) for c in claims]
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            a, b = claims[i], claims[j]
            if a.article_id == b.article_id and (a.speaker or "") == (b.speaker or ""):
                continue
            s = float(sims[i, j])
            if s >= min_similarity or (has_credit[i] and has_credit[j]) or (
                a.content == b.content and a.stance != b.stance):
                out.append((i, j, s))
    return out


def find_groups(claims: Sequence[Claim], vectors: np.ndarray, voice_of: dict[str, str],
                judge: Judge, min_similarity: float = 0.5,
                on_progress: Progress | None = None) -> list[ClaimGroup]:
    """Judge candidate pairs and form agree / unique / conflict groups over all claims.

    Args:
        voice_of: article id -> independent voice (see ``voices``).
        on_progress: called with the number of pairs just judged.
    """
    _check(claims, vectors)
    n = len(claims)
    pairs = candidate_pairs(claims, vectors, min_similarity)
    verdicts: dict[tuple[int, int], Judgement] = {}
    for k, (i, j, s) in enumerate(pairs, start=1):
        verdicts[(i, j)] = judge.judge(claims[i], claims[j], s)
        if on_progress and (k % 64 == 0 or k == len(pairs)):
            on_progress(64 if k % 64 == 0 else k % 64)

    def voice(i: int) -> str:
        return voice_of.get(claims[i].article_id, claims[i].article_id)

    groups: list[ClaimGroup] = []
    used: set[int] = set()
    # Conflicts: components of the conflict graph.
    uf = _UnionFind(n)
    conflict_edges = [(i, j, v) for (i, j), v in verdicts.items() if v.label == "conflict"]
    for i, j, _ in conflict_edges:
        uf.union(i, j)
    for comp in uf.groups():
        if len(comp) < 2:
            continue
        cs = set(comp)
        edges = [(i, j, v) for i, j, v in conflict_edges if i in cs and j in cs]
        reasons = _merge_reasons([r for _, _, v in edges for r in v.reasons])
        conf = max(v.confidence for _, _, v in edges)
        groups.append(_group("conflict", conf, comp, claims, voice, reasons))
        used |= cs
    # Agreements: components of the agree graph among the rest, split where linkage is weak, one
    # claim per article (an article makes a point once; its other sentences go back to the pool).
    agree = {(i, j): v for (i, j), v in verdicts.items() if v.label == "agree"}
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
                part = _one_per_article(part, claims, agree, vectors)
                edges = [(i, j, v) for i, j, v in edges_left if i in part and j in part]
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


def _details(part: Sequence[int], claims: Sequence[Claim],
             voice: Callable[[int], str]) -> tuple[Reason, ...]:
    """In an agreement, the names only one voice mentions: what it adds that the others do not say."""
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


def _one_per_article(part: list[int], claims: Sequence[Claim],
                     agree: dict[tuple[int, int], Judgement], vectors: np.ndarray) -> list[int]:
    """A coherent set with one claim per article: start from the best-agreeing claim, then add, per
    article, the claim closest to those chosen that agrees with at least one of them."""
    def linked(i: int, j: int) -> bool:
        return (min(i, j), max(i, j)) in agree

    def score(i: int) -> float:
        return sum(v.confidence for (x, y), v in agree.items()
                   if (x == i and y in part or y == i and x in part)
                   and claims[x].article_id != claims[y].article_id)

    chosen = [max(part, key=lambda i: (score(i), -i))]
    while True:
        arts = {claims[i].article_id for i in chosen}
        cands = [i for i in part if claims[i].article_id not in arts
                 and any(linked(i, j) for j in chosen)]
        if not cands:
            return sorted(chosen)
        chosen.append(max(cands, key=lambda i: (float(np.mean(vectors[chosen] @ vectors[i])), -i)))


def _split_weak(comp: list[int], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Cut a chained component by average linkage so every part is close on average."""
    if len(comp) <= 2:
        return [comp]
    from sklearn.cluster import AgglomerativeClustering

    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=1.0 - (threshold - 0.05)
                                     ).fit_predict(vectors[comp])
    parts: dict[int, list[int]] = defaultdict(list)
    for idx, lab in zip(comp, labels):
        parts[int(lab)].append(idx)
    return list(parts.values())


def _merge_reasons(reasons: Sequence[Reason], keep: int = 8) -> tuple[Reason, ...]:
    best: dict[tuple[str, str], Reason] = {}
    for r in reasons:
        key = (r.type, re.sub(r"\S+:\d+", "", r.detail))
        if key not in best or r.weight > best[key].weight:
            best[key] = r
    return tuple(sorted(best.values(), key=lambda r: -r.weight)[:keep])


def _group(label: str, conf: float, idx: Sequence[int], claims: Sequence[Claim],
           voice: Callable[[int], str], reasons: tuple[Reason, ...]) -> ClaimGroup:
    idx = sorted(idx)
    ids = tuple(claims[i].id for i in idx)
    srcs = tuple(dict.fromkeys(voice(i) for i in idx))
    return ClaimGroup(id=_stable_id("g-", ids), label=label, confidence=float(conf),  # type: ignore[arg-type]
                      claims=ids, sources=srcs, reasons=reasons)


def attach(events: Sequence[Event], groups: Sequence[ClaimGroup]) -> tuple[list[Event], list[ClaimGroup]]:
    """Link groups and events both ways: a group lists the events of its claims (most claims first)."""
    event_of = {cid: e.id for e in events for cid in e.claims}
    out_groups = []
    by_event: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        evs = tuple(e for e, _ in Counter(event_of[c] for c in g.claims if c in event_of).most_common())
        out_groups.append(ClaimGroup(g.id, g.label, g.confidence, g.claims, g.sources, g.reasons,
                                     evs, g.verdict))
        for e in evs:
            by_event[e].append(g.id)
    out_events = [Event(e.id, e.label, e.claims, e.articles, tuple(by_event.get(e.id, ())))
                  for e in events]
    return out_events, out_groups
