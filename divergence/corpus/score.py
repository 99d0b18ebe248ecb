"""A new article against the corpus: nearest stored claims, support, contradiction, novelty.

Only the new article is split and embedded; neighbours come from an exact (numpy) search over the
stored vectors, and each new claim is judged against its neighbours with the corpus's judge. The
corpus is not regrouped: events come from its stored grouping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from ..embed import Embedder, EmbeddingCache, embed
from ..errors import DivergenceError
from ..ingest.split import embedding_text, split
from ..ingest.splitters import Splitter
from ..judge import Judge
from ..judge.once import judge_once
from ..records import (
    Article,
    Claim,
    ClaimGroup,
    Event,
    Judgement,
    Reason,
    Verdict,
    is_flagged,
)
from ..registry import Registry
from .store import Corpus

NOVEL = 0.5  # a claim whose novelty reaches this counts as new to the corpus
# A new claim this close (cosine) to one side of a reviewed conflict takes that side, so its
# conflict with the other side is the one the reviewer decided. The judge's strong-agree level.
SAME_SIDE = 0.8


class Index(Protocol):
    """Nearest neighbours by cosine over L2-normalised rows."""

    def fit(self, vectors: np.ndarray) -> Index: ...

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...


INDEXES: Registry[Index] = Registry("index", "divergence.indexes")


class ExactIndex:
    """Exact search: one matrix product; fine up to a few hundred thousand claims."""

    def fit(self, vectors: np.ndarray) -> ExactIndex:
        """Remember the corpus vectors."""
        self.vectors_ = np.asarray(vectors, dtype=np.float32)
        return self

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row ids and similarities of the ``k`` closest vectors to each query, best first."""
        n = self.vectors_.shape[0]
        k = min(k, n)
        if k == 0 or len(queries) == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.int64), empty.astype(np.float32)
        sims = np.asarray(queries, dtype=np.float32) @ self.vectors_.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        part = np.take_along_axis(sims, top, axis=1)
        order = np.argsort(-part, axis=1, kind="stable")
        return np.take_along_axis(top, order, axis=1), np.take_along_axis(part, order, axis=1)


@INDEXES.register("exact")
def _exact() -> Index:
    return ExactIndex()


@INDEXES.register("hnsw")
def _hnsw(m: int = 32, ef_construction: int = 100, ef_search: int = 128) -> Index:
    from .ann import HNSWIndex  # faiss is imported only when the index is built

    return HNSWIndex(m=m, ef_construction=ef_construction, ef_search=ef_search)


def build_index(name: str, vectors: np.ndarray, **kwargs: object) -> Index:
    """The index registered as ``name`` (see ``ann.choose_index``), fitted on ``vectors``."""
    return INDEXES.make(name, **kwargs).fit(vectors)


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A stored claim close to a new one, and the judge's label for the pair."""

    claim: Claim
    source: str
    similarity: float
    label: str
    confidence: float
    reasons: tuple[Reason, ...] = ()
    event: str | None = None
    # For a conflict: the reviewed corpus group it repeats and that group's verdict, and whether
    # it is under the corpus's calibrated flag threshold (unreviewed only).
    group: str | None = None
    verdict: Verdict | None = None
    muted: bool = False

    @property
    def flagged(self) -> bool:
        """A conflict that no verdict sets aside and the calibrated threshold lets through."""
        return is_flagged(self.label, self.verdict, self.muted)


@dataclass(frozen=True, slots=True)
class ClaimScore:
    """One new claim: its neighbours and how far the corpus supports, contradicts or lacks it."""

    claim: Claim
    neighbours: tuple[Neighbour, ...]
    support: float
    contradiction: float
    novelty: float


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """A new article against the corpus."""

    article: Article
    claims: tuple[ClaimScore, ...]
    events: tuple[tuple[Event, int], ...]  # matched events, with how many new claims touch each
    novel_share: float
    model: str

    @property
    def conflicts(self) -> list[tuple[Claim, Neighbour]]:
        """(new claim, stored claim) pairs judged a conflict, strongest first."""
        out = [(s.claim, n) for s in self.claims for n in s.neighbours if n.label == "conflict"]
        return sorted(out, key=lambda cn: -cn[1].confidence)

    @property
    def flagged(self) -> list[tuple[Claim, Neighbour]]:
        """The conflicts still worth a look: not set aside by a verdict or the calibration."""
        return [(c, n) for c, n in self.conflicts if n.flagged]


@dataclass(frozen=True, slots=True)
class CorpusIndex:
    """A neighbour search fitted on the stored vectors, and the claim row number of each of its
    positions (``Corpus.rows``), so neighbours are read from the database one by one."""

    index: Index
    rows: np.ndarray


def corpus_index(corpus: Corpus, name: str = "exact") -> CorpusIndex:
    """An index registered as ``name`` over every stored vector (built in memory, not saved)."""
    rows, vectors = corpus.rows()
    return CorpusIndex(INDEXES.make(name).fit(vectors), rows)


def _neighbours(searcher: CorpusIndex, corpus: Corpus, queries: np.ndarray, article_id: str,
                k: int) -> list[list[tuple[Claim, np.ndarray, float]]]:
    """Per query, the ``k`` closest stored claims (with vectors and similarity), best first,
    leaving out the scored article's own claims when it is already stored."""
    n = len(searcher.rows)
    if n == 0 or len(queries) == 0:
        return [[] for _ in range(len(queries))]
    own = corpus.n_claims(article_id)
    pos, sims = searcher.index.search(queries, min(n, k + own))
    valid = pos >= 0
    found = corpus.claims_at(searcher.rows[pos[valid]].tolist())
    out = []
    for row_pos, row_sims in zip(pos.tolist(), sims.tolist(), strict=True):
        hits = [(*found[int(searcher.rows[p])], float(sim))
                for p, sim in zip(row_pos, row_sims, strict=True)
                if p >= 0 and int(searcher.rows[p]) in found]
        out.append([h for h in hits if h[0].article_id != article_id][:k])
    return out


def score(
    article: Article,
    corpus: Corpus,
    embedder: Embedder,
    judge: Judge,
    cache: EmbeddingCache | None = None,
    splitter: Splitter | None = None,
    index: CorpusIndex | None = None,
    k: int = 5,
    min_similarity: float = 0.5,
) -> ArticleScore:
    """Score ``article`` against the stored corpus (not regrouped, nothing stored).

    Only the neighbours are read from the database (claims, vectors, sources, their events and
    reviewed groups), so the cost beyond the search does not grow with the corpus.

    Args:
        index: a neighbour search over the stored claims (``corpus_index``, or
            ``ann.load_or_build`` for the persisted HNSW index); exact search by default.
        k: neighbours per claim.
        min_similarity: a neighbour this close links the claim to the neighbour's event.

    Raises:
        DivergenceError: the corpus holds another model's vectors.
    """
    corpus.check_model(embedder.name, getattr(embedder, "fingerprint", None))
    claims = split(article, splitter)
    if not claims:  # nothing to score (no English sentence of a claim's length): say so, no crash
        return ArticleScore(article, (), (), novel_share=0.0, model=embedder.name)
    qv = embed([embedding_text(c) for c in claims], embedder, cache)
    searcher = index if index is not None else corpus_index(corpus)
    near = _with_frames(claims, _neighbours(searcher, corpus, qv, article.id,
                                            max(k, FRAME_NEIGHBOURS)), k)
    event_of, groups_of = corpus.grouping_of([h[0].id for hits in near for h in hits])
    near = _in_story(near, k, {c: e.id for c, e in event_of.items()}, min_similarity)
    flat = [(i, hit) for i, hits in enumerate(near) for hit in hits]
    source = corpus.voices([hit[0].article_id for _, hit in flat])
    pairs = judge_once(
        judge, [claims[i] for i, _ in flat], [hit[0] for _, hit in flat],
        [hit[2] for _, hit in flat], qv[[i for i, _ in flat]],
        np.stack([hit[1] for _, hit in flat])) if flat else []
    taken = _positions_taken(claims, qv, flat, pairs, groups_of, corpus, judge)
    taken += _sides_told(claims, qv, flat, pairs, groups_of, corpus, taken)
    replaced = {(i, m.id) for i, m, *_ in taken}  # a side taken outweighs "neither"
    keep = [k for k, (i, hit) in enumerate(flat) if (i, hit[0].id) not in replaced]
    flat = [flat[k] for k in keep] + [(i, (m, vm, sim)) for i, m, vm, sim, _ in taken]
    pairs = [pairs[k] for k in keep] + [v for *_, v in taken]
    source |= corpus.voices([m.article_id for _, m, _, _, _ in taken])
    event_of |= corpus.grouping_of([m.id for _, m, _, _, _ in taken])[0]
    decided = _Decided(corpus, groups_of)
    by_claim: list[list[Neighbour]] = [[] for _ in claims]
    for (i, (other, _, sim)), v in zip(flat, pairs, strict=True):
        ev = event_of.get(other.id)
        by_claim[i].append(decided.apply(Neighbour(
            other, source.get(other.article_id, "?"), sim, v.label, float(v.confidence),
            v.reasons, ev.id if ev else None), qv[i]))
    events = {e.id: e for e in event_of.values()}
    scored, touched = [], Counter()
    for c, nbs in zip(claims, by_claim, strict=True):
        touched.update({n.event for n in nbs if n.event and n.similarity >= min_similarity})
        scored.append(ClaimScore(
            c, tuple(nbs),
            support=max((n.confidence for n in nbs if n.label == "agree"), default=0.0),
            contradiction=max((n.confidence for n in nbs if n.label == "conflict"), default=0.0),
            novelty=float(np.clip(1.0 - max((n.similarity for n in nbs), default=0.0), 0, 1))))
    novel = sum(s.novelty >= NOVEL for s in scored) / len(scored) if scored else 0.0
    return ArticleScore(article, tuple(scored),
                        tuple((events[e], n) for e, n in touched.most_common()),
                        novel_share=novel, model=embedder.name)


Taken = tuple[int, Claim, np.ndarray, float, Judgement]


def _positions_taken(claims: Sequence[Claim], qv: np.ndarray,
                     flat: list[tuple[int, tuple[Claim, np.ndarray, float]]],
                     verdicts: Sequence[Judgement], groups_of: dict[str, list[ClaimGroup]],
                     corpus: Corpus, judge: Judge) -> list[Taken]:
    """A new claim that says what a stored claim says takes its side: where that claim is in a
    stored conflict group, the new claim conflicts with each member the judge finds it
    conflicting with, as ``report`` puts the outlets that tell a side in other words into the
    dispute (``group.agreements.positions``). Returns (new claim index, member, its vector,
    cosine, judgement), the strongest per new claim and member, leaving out pairs already
    judged agree or conflict."""
    seen = {(i, hit[0].id) for (i, hit), v in zip(flat, verdicts, strict=True)
            if v.label != "neither"}
    asks: list[tuple[int, Claim, np.ndarray, Judgement, str]] = []
    for (i, (y, vy, _)), v in zip(flat, verdicts, strict=True):
        if v.label != "agree":
            continue
        for g in groups_of.get(y.id, []):
            if g.label == "conflict":
                asks += [(i, y, vy, v, m) for m in g.claims if m != y.id and (i, m) not in seen]
    if not asks:
        return []
    stored = corpus.claims_by_id([m for *_, m in asks])
    asks = [a for a in asks
            if a[4] in stored and stored[a[4]][0].article_id != claims[a[0]].article_id]
    if not asks:
        return []
    sides = judge_once(judge, [y for _, y, _, _, _ in asks], [stored[m][0] for *_, m in asks],
                       [float(vy @ stored[m][1]) for _, _, vy, _, m in asks],
                       np.stack([vy for _, _, vy, _, _ in asks]),
                       np.stack([stored[m][1] for *_, m in asks]))
    best: dict[tuple[int, str], Taken] = {}
    for (i, y, _, agree, m), side in zip(asks, sides, strict=True):
        if side.label != "conflict":
            continue
        member, vm = stored[m]
        why = "; ".join(f"{r.type}: {r.detail}" for r in side.reasons if r.type != "detail")
        conf = min(agree.confidence, side.confidence)
        reason = Reason("position", f"says what “{_short(y.content)}” says, which conflicts with "
                        f"“{_short(member.content)}” ({why})", (claims[i].id, m), weight=conf)
        if (i, m) not in best or conf > best[(i, m)][4].confidence:
            best[(i, m)] = (i, member, vm, float(qv[i] @ vm),
                            Judgement("conflict", conf, (reason,)))
    return list(best.values())


def _sides_told(claims: Sequence[Claim], qv: np.ndarray,
                flat: list[tuple[int, tuple[Claim, np.ndarray, float]]],
                verdicts: Sequence[Judgement], groups_of: dict[str, list[ClaimGroup]],
                corpus: Corpus, taken: Sequence[Taken]) -> list[Taken]:
    """The other half of ``_positions_taken``: a new claim that conflicts with a stored claim
    conflicts with the outlets that say the same in other words (its stored agree group), as
    ``report`` puts them on that side of the dispute. Pairs already judged agree or conflict,
    or taken, keep their verdict; claims of the scored article itself are left out."""
    seen = {(i, hit[0].id) for (i, hit), v in zip(flat, verdicts, strict=True)
            if v.label != "neither"} | {(i, m.id) for i, m, *_ in taken}
    asks: dict[tuple[int, str], tuple[Claim, Judgement]] = {}
    for (i, (y, _, _)), v in zip(flat, verdicts, strict=True):
        if v.label != "conflict":
            continue
        for g in groups_of.get(y.id, []):
            if g.label != "agree":
                continue
            for m in g.claims:
                if m != y.id and (i, m) not in seen and (
                        (i, m) not in asks or v.confidence > asks[(i, m)][1].confidence):
                    asks[(i, m)] = (y, Judgement("conflict", min(v.confidence, g.confidence),
                                                 v.reasons))
    stored = corpus.claims_by_id([m for _, m in asks]) if asks else {}
    out: list[Taken] = []
    for (i, m), (y, v) in asks.items():
        if m not in stored or stored[m][0].article_id == claims[i].article_id:
            continue
        member, vm = stored[m]
        why = "; ".join(f"{r.type}: {r.detail}" for r in v.reasons if r.type != "detail")
        reason = Reason("position", f"conflicts with “{_short(y.content)}”, which "
                        f"“{_short(member.content)}” says in other words ({why})",
                        (claims[i].id, m), weight=v.confidence)
        out.append((i, member, vm, float(qv[i] @ vm), Judgement("conflict", v.confidence,
                                                                 (reason,))))
    return out


def _short(text: str, most: int = 80) -> str:
    """A stored claim as a reason quotes it: its words, cut at a space (never its id)."""
    return text if len(text) <= most else text[:most - 1].rsplit(" ", 1)[0] + "…"


# Beyond its k closest, a new claim is also judged against those of its FRAME_NEIGHBOURS closest
# stored claims that count or time the same kind of thing or credit someone (``frame_keys``), at
# cosine FRAME_FLOOR or more: "the toll looked like several dozen" and "the strike killed 471" are
# far apart in wording. On newsdev dev, 30 neighbours (until 2026-12-01) flagged 16 of 84 gold
# conflicts, 150 flag 28 (precision 0.67 -> 0.68; 300 and 1,000 flag no more); keeping only the
# 8 closest frame-sharing ones, as ``report`` does within a story, flagged 11.
FRAME_NEIGHBOURS = 150


def _with_frames(claims: Sequence[Claim], near: list[list[tuple[Claim, np.ndarray, float]]],
                 k: int) -> list[list[tuple[Claim, np.ndarray, float]]]:
    """Each claim's ``k`` closest hits, plus the further ones that share a frame key with it
    (``score`` then keeps those of the article's story)."""
    from ..group.claims import FRAME_FLOOR
    from ..judge.frames import frame_keys, frame_partners

    out = []
    for c, hits in zip(claims, near, strict=True):
        mine = frame_partners(frame_keys(c))
        more = [h for h in hits[k:] if mine and h[2] >= FRAME_FLOOR and mine & frame_keys(h[0])]
        out.append(hits[:k] + more)
    return out


def _in_story(near: list[list[tuple[Claim, np.ndarray, float]]], k: int,
              event_of: dict[str, str], min_similarity: float
              ) -> list[list[tuple[Claim, np.ndarray, float]]]:
    """Far frame-sharing hits (beyond each claim's ``k`` closest) kept only inside the article's
    story: the stored events its claims' close neighbours belong to, as ``report`` pairs frames
    within a story ("killed 31 in Karachi" is no rival to "killed 47 in Ankara"). With no
    stored events, all are kept."""
    story = {event_of[h[0].id] for hits in near for h in hits[:k]
             if h[2] >= min_similarity and h[0].id in event_of}
    if not story:
        return near
    return [hits[:k] + [h for h in hits[k:] if event_of.get(h[0].id) in story]
            for hits in near]


class _Decided:
    """Reviewers' verdicts and the calibrated threshold, applied to a new claim's conflicts."""

    def __init__(self, corpus: Corpus, groups_of: dict[str, list[ClaimGroup]]) -> None:
        from .ops import flag_threshold

        self.threshold = flag_threshold(corpus)
        latest = corpus.latest_verdicts()
        self.reviewed = {cid: [(g, latest[g.id]) for g in gs
                               if g.label == "conflict" and g.id in latest]
                         for cid, gs in groups_of.items()}
        members = {m for pairs in self.reviewed.values() for g, _ in pairs for m in g.claims}
        members |= set(self.reviewed)
        self.vectors = corpus.vectors_of(sorted(members))

    def apply(self, n: Neighbour, query: np.ndarray) -> Neighbour:
        """``n`` with the verdict of the reviewed conflict it repeats, or muted under threshold.

        The new claim repeats a reviewed conflict when the stored claim it conflicts with is in
        that group and the new claim is within ``SAME_SIDE`` of another member (it takes the
        other side of the same dispute).
        """
        if n.label != "conflict":
            return n
        mine = self.vectors.get(n.claim.id)
        for g, v in self.reviewed.get(n.claim.id, []):
            others = [self.vectors[cid] for cid in g.claims
                      if cid != n.claim.id and cid in self.vectors]
            if not others or not _same_dispute(n.reasons, g.reasons):
                continue
            side = float(np.max(np.stack(others) @ query))
            # close to another member, and closer to it than to the claim it conflicts with
            if side >= SAME_SIDE and (mine is None or side >= float(mine @ query)):
                return replace(n, group=g.id, verdict=v)
        return replace(n, muted=n.confidence < self.threshold)


def _same_dispute(new: Sequence[Reason], reviewed: Sequence[Reason]) -> bool:
    """Every reason of the new conflict is one the reviewed group already had: the same type,
    naming only spans the reviewer saw. A conflict with no typed reason is never carried over."""
    seen: dict[str, set[str]] = {}
    for r in reviewed:
        seen.setdefault(r.type, set()).update(sp.text.lower() for sp in r.spans)
    typed = [r for r in new if r.type != "detail"]
    return bool(typed) and all(
        r.type in seen and {sp.text.lower() for sp in r.spans} <= seen[r.type] for r in typed)


def load_or_build(db_path: str | Path, name: str, corpus: Corpus) -> CorpusIndex:
    """A fitted index over the stored claims: loaded from next to ``db_path`` when fresh, else
    rebuilt from every stored vector and saved (index, row numbers, then the key).

    Exact search has nothing to persist (the vectors are in the database) and is just fitted.

    Args:
        name: ``"exact"`` or ``"hnsw"`` (see ``ann.choose_index``).
    """
    from .ann import HNSWIndex, IndexFile, corpus_key, save_npy

    if name != "hnsw":
        return corpus_index(corpus, name)
    key = corpus_key(corpus, name)
    f = IndexFile(db_path, name)
    if f.is_fresh(key):
        try:
            rows = np.load(f.rows, allow_pickle=False)
            index = HNSWIndex.load(f.path)
            if len(rows) == key.n == int(index.index_.ntotal):
                return CorpusIndex(index, rows)
        except (DivergenceError, OSError, ValueError):
            pass  # unreadable: rebuild below
    rows, vectors = corpus.rows()
    index = HNSWIndex().fit(vectors)
    index.save(f.path)
    save_npy(f.rows, rows)
    f.write_key(key)
    return CorpusIndex(index, rows)
