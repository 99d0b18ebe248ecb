"""Vectors -> claim groups: independent voices, candidate pairs, judged groups.

Events come from ``events.py``; stories (topic-level document clusters) bound which far-apart
claims are paired. Claim groups: candidate pairs (close in meaning, or both crediting someone
with an outcome) are judged; conflict edges form conflict groups, agree edges form agreement groups,
and what is left is unique. Groups are formed over all claims, so they can cross events.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from ..ids import stable_id
from ..judge import Judge
from ..judge.frames import ONE_SIDED, frame_keys
from ..judge.frames.accused import FLOOR as ACCUSED_FLOOR
from ..judge.once import judge_once
from ..judge.text import entities
from ..records import Article, Claim, ClaimGroup, Event, Judgement, Reason
from .agreements import (
    Adjacency,
    UnionFind,
    agree_parts,
    conflicts_with,
    dispute_members,
    positions,
)
from .disputes import MAX_CLAIMS, strongest_reasons
from .graph import NeighbourTable, check_rows

# ---------------------------------------------------------------- voices


def voices(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    copy_similarity: float = 0.95,
    copy_share: float = 0.5,
    graph: bool = False,
    table: NeighbourTable | None = None,
) -> dict[str, str]:
    """Map article id -> independent voice: the wire agency; one voice for copies of one text.

    With ``graph``, near-copies come from ``graph.close_pairs`` (exact up to its size limit, a
    neighbour graph beyond, kept in ``table`` for ``candidate_pairs``) instead of a pass over
    all pairs.
    """
    check_rows(claims, vectors)
    ids = [a.id for a in articles]
    uf = UnionFind(len(ids))
    pos = {aid: k for k, aid in enumerate(ids)}
    owner = np.array([pos.get(c.article_id, -1) for c in claims])
    # Only claims with a near-copy in another article matter: find them all in one pass.
    if graph:
        from .graph import close_pairs

        ii, jj, _ = close_pairs(vectors, copy_similarity, table=table)
        found = zip(ii.tolist(), jj.tolist(), strict=True)
    else:
        found = ((i, j) for i, j, _ in _pairs_above(vectors, copy_similarity))
    close = [(i, j) for i, j in found
             if owner[i] != owner[j] and owner[i] >= 0 and owner[j] >= 0
             and _copied(claims[i], claims[j])]
    sizes = np.bincount(owner[owner >= 0], minlength=len(ids))
    copied: dict[tuple[int, int], set[int]] = defaultdict(set)  # (x, y) -> claims of x copied in y
    for i, j in close:
        copied[(owner[i], owner[j])].add(i)
        copied[(owner[j], owner[i])].add(j)
    for (x, y), mine in copied.items():
        if x < y:
            theirs = copied.get((y, x), set())
            shared = min(len(mine) / sizes[x], len(theirs) / sizes[y])
            # two short articles that share one sentence (a quote, a wire line) are two voices:
            # a copy shares two claims or more, or the whole of both
            enough = min(len(mine), len(theirs)) >= 2 or shared == 1.0
            if shared >= copy_share and enough:
                uf.union(int(x), int(y))
    out = {}
    for members in uf.groups():
        arts = [articles[i] for i in members]
        name = next((a.wire for a in arts if a.wire), None) or arts[0].source
        for a in arts:
            out[a.id] = a.wire or name
    return out


def _copied(a: Claim, b: Claim) -> bool:
    """Two close claims that are one text copied: the same speaker and stance (a statement is no
    copy of someone's claim of it, though their propositions match) and the same numbers
    ("21 killed" and "22 killed" are two reports)."""
    return (a.stance == b.stance and _plain(a.speaker) == _plain(b.speaker)
            and _NUMBERS.findall(a.text) == _NUMBERS.findall(b.text))


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


def _plain(speaker: str | None) -> str:
    return re.sub(r"\W+", " ", (speaker or "").lower()).strip()


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


class PairSet:
    """Candidate pairs as three aligned arrays (i < j, in row-major order, and their cosine):
    12 bytes a pair where a list of Python tuples takes ~100, which matters at ten million
    pairs. Iterating gives (i, j, similarity) tuples."""

    def __init__(self, i: np.ndarray, j: np.ndarray, s: np.ndarray) -> None:
        wide = len(i) and max(int(np.max(i)), int(np.max(j))) >= 2**31
        self.i = np.asarray(i, np.int64 if wide else np.int32)
        self.j = np.asarray(j, np.int64 if wide else np.int32)
        self.s = np.asarray(s, np.float32)

    @classmethod
    def of(cls, pairs: PairSet | Sequence[tuple[int, int, float]]) -> PairSet:
        """``pairs`` as a PairSet (a list of (i, j, similarity) tuples is converted)."""
        if isinstance(pairs, PairSet):
            return pairs
        if not len(pairs):
            return cls(np.zeros(0), np.zeros(0), np.zeros(0))
        i, j, sim = zip(*pairs, strict=True)
        return cls(np.array(i), np.array(j), np.array(sim))

    def canonical(self) -> PairSet:
        """Each pair as i < j, once (the first given), in row-major order: this set when it
        already is (``candidate_pairs`` gives it so), else a sorted copy."""
        lo, hi = np.minimum(self.i, self.j), np.maximum(self.i, self.j)
        key = lo.astype(np.int64) * (int(hi.max()) + 1 if len(hi) else 1) + hi
        if (self.i < self.j).all() and (key[1:] > key[:-1]).all():
            return self
        _, first = np.unique(key, return_index=True)
        return PairSet(lo[first], hi[first], self.s[first])

    def __len__(self) -> int:
        return len(self.i)

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        for k in range(0, len(self.i), 65_536):  # a slice at a time: no list of every pair
            yield from zip(self.i[k : k + 65_536].tolist(), self.j[k : k + 65_536].tolist(),
                           self.s[k : k + 65_536].tolist(), strict=True)


# A claim is judged against its CANDIDATES closest claims from other voices (and those that have
# it among theirs): the judging cost per claim stays bounded as the corpus grows.
CANDIDATES = 30
# Crediting pairs are all judged while there are at most CREDIT_ALL crediting claims; beyond,
# only those at least CREDIT_FLOOR close.
CREDIT_ALL, CREDIT_FLOOR = 2_000, 0.3
# Claims that count the same kind of thing or time the same kind of happening are also paired
# with their FRAME_PER_CLAIM closest such claims at cosine >= FRAME_FLOOR: "the toll looked like
# several dozen" and "the strike killed at least 471" share few words (cosine 0.23).
FRAME_PER_CLAIM, FRAME_FLOOR = 8, 0.2
# A rejection of unstated charges meets its REJECTED_PER_CLAIM closest accusations of its story
# at the ``accused`` detector's own floor: rejections are few, accusations many.
REJECTED_PER_CLAIM = 32


def candidate_pairs(
    claims: Sequence[Claim], vectors: np.ndarray, min_similarity: float = 0.5,
    block: int = 1024, graph: bool = False, per_claim: int | None = None,
    story_of: Sequence[int] | None = None,
    table: NeighbourTable | None = None,
    on_progress: Progress | None = None,
) -> PairSet:
    """Pairs worth judging: from different articles (or different speakers), among each other's
    ``per_claim`` [``CANDIDATES``] closest and at least ``min_similarity`` close, or both
    crediting someone for an outcome, or both counting or timing the same kind of thing
    (``judge.frames.frame_keys``).

    Exact (blocks of rows, memory ~ block x n); with ``graph`` and beyond
    ``graph.EXACT_MAX`` claims, the closest come from the HNSW neighbour table. Beyond
    ``CREDIT_ALL`` crediting claims, crediting pairs must reach ``CREDIT_FLOOR``. With
    ``story_of`` (a story per claim, ``stories``), claims are paired only within a story:
    the time of one truce does not contradict the time of another.
    ``table`` lends the neighbour graph that ``voices`` built over the same rows;
    ``on_progress`` is called with the number of claims whose frames were just read.
    """
    from .graph import close_pairs, nearest_pairs

    check_rows(claims, vectors)
    art = np.array([hash(c.article_id) for c in claims])
    spk = np.array([hash(c.speaker or "") for c in claims])
    keys, told = [], 0
    for n, c in enumerate(claims, 1):
        keys.append(frame_keys(c))
        if on_progress and (n % 256 == 0 or n == len(claims)):
            on_progress(n - told)
            told = n

    def other_voice(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return ~((art[i] == art[j]) & (spk[i] == spk[j]))

    k = CANDIDATES if per_claim is None else per_claim
    parts = [nearest_pairs(vectors, k, min_similarity, keep=other_voice, block=block, table=table,
                           exact_max=None if graph else len(claims))]
    story = story_of
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, ks in enumerate(keys):
        for key in ks:
            if story is not None:  # frames compare claims of one story only
                key = f"{key}@{story[n]}"
            buckets[key].append(n)
    for key in sorted(buckets):
        kind, _, rest = key.partition(":")
        if kind in _MANY:  # paired from the few's side only
            continue
        if kind in ONE_SIDED:  # a rejection against the accusations of its story, an act said
            # not to have happened against the same act told, a mishap against a harm told as
            # an act, a contact denied against one told: not each other
            other, floor = ONE_SIDED[kind]
            parts.insert(0, _across(vectors, buckets[key], buckets.get(f"{other}:{rest}", []),
                                    other_voice, floor))
            continue
        who = np.array(buckets[key])
        if len(who) < 2:
            continue
        if key.partition("@")[0] == "credit":  # who is credited: every pair while few
            every = len(who) <= CREDIT_ALL
            floor, most = (-2.0, len(who)) if every else (CREDIT_FLOOR, 256)
        else:  # a count or a time of the same kind of thing: the closest few, however worded
            floor, most = FRAME_FLOOR, FRAME_PER_CLAIM
        ci, cj, cs = close_pairs(vectors[who], floor, max_per_row=most)
        gi, gj = who[ci], who[cj]
        mask = other_voice(gi, gj)
        parts.insert(0, (gi[mask], gj[mask], cs[mask]))  # first: its similarity wins a tie
    i, j, sim = (np.concatenate([p[col] for p in parts]) for col in range(3))
    if story is not None:  # two truces, two blasts: claims of different stories never meet
        st = np.asarray(story)
        keep = st[i] == st[j]
        i, j, sim = i[keep], j[keep], sim[keep]
    return PairSet(i, j, sim).canonical()  # row-major; of a duplicate, the first


# The many side of the one-sided frame keys (``judge.frames.ONE_SIDED``): each claim of the few
# is paired with its closest of the many, from the frame's own floor.
_MANY = frozenset(other for other, _ in ONE_SIDED.values())


def _across(vectors: np.ndarray, left: Sequence[int], right: Sequence[int],
            keep: Callable[[np.ndarray, np.ndarray], np.ndarray], floor: float = ACCUSED_FLOOR
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each of ``left`` with its ``REJECTED_PER_CLAIM`` closest of ``right`` (at least
    ``floor``, the detector's own) that ``keep`` allows: the few rejections of a story meet its
    accusations, the few denials of an act its reports."""

    if not left or not right:
        empty = np.zeros(0, np.int64)
        return empty, empty.copy(), np.zeros(0, np.float32)
    li, ri = np.asarray(left), np.asarray(right)
    sims = vectors[li] @ vectors[ri].T
    rows, cols = [], []
    for r in range(len(li)):
        best = np.argsort(-sims[r], kind="stable")[:REJECTED_PER_CLAIM]
        best = best[sims[r, best] >= floor]
        rows.extend([r] * len(best))
        cols.extend(best.tolist())
    i, j = li[np.asarray(rows, np.int64)], ri[np.asarray(cols, np.int64)]
    s = sims[np.asarray(rows, np.int64), np.asarray(cols, np.int64)].astype(np.float32)
    mask = keep(i, j) & (i != j)
    return i[mask], j[mask], s[mask]


# Agree verdicts kept whole while there are at most this many; beyond, only (i, j, confidence)
# is kept and the reasons of the agree edges inside a formed group are judged again (the judge
# is deterministic, so the report is the same; memory stays ~16 bytes an agree edge).
KEEP_AGREE = 200_000
# Reasons that make an agreement strong enough for an article's second sentence to join a group
# its article is already in: the NLI model read it as entailed, or the same values in other words
# (not closeness with one shared name).
STRONG_AGREE = frozenset({"nli", "same-value"})


def find_groups(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    voice_of: dict[str, str],
    judge: Judge,
    min_similarity: float = 0.5,
    on_progress: Progress | None = None,
    pairs: PairSet | Sequence[tuple[int, int, float]] | None = None,
) -> list[ClaimGroup]:
    """Judge candidate pairs and form agree / unique / conflict groups over all claims.

    Args:
        voice_of: article id -> independent voice (see ``voices``).
        on_progress: called with the number of pairs just judged.
        pairs: the candidate pairs when already computed (``candidate_pairs``).
    """
    check_rows(claims, vectors)
    n = len(claims)
    pairs = PairSet.of(candidate_pairs(claims, vectors, min_similarity) if pairs is None
                       else pairs).canonical()  # _AgreeEdges needs row-major order
    conflicts: dict[tuple[int, int], Judgement] = {}
    agree = _AgreeEdges(judge, claims, vectors)
    close: dict[tuple[int, int], Judgement] = {}  # worded alike: agree inside a dispute only
    # Pairs per judge call: the NLI model reads a call's pairs while the rules read on, and
    # the rules wait for it only at a call's end (58 waits, 1.1 s of 2048-pair calls on the
    # ECB+ cost workload; 0.1-0.8 s with 16384).
    batch = 16384
    for k in range(0, len(pairs), batch):
        ii, jj = pairs.i[k : k + batch], pairs.j[k : k + batch]
        sims = pairs.s[k : k + batch].tolist()
        results = judge_once(judge, [claims[i] for i in ii], [claims[j] for j in jj], sims,
                             vectors[ii], vectors[jj])
        for i, j, s, res in zip(ii.tolist(), jj.tolist(), sims, results, strict=True):
            if res.label == "conflict":
                conflicts[(i, j)] = res
            elif res.label == "agree":
                agree.add(i, j, s, res)
            elif len(close) < KEEP_AGREE and any(r.type == "close" for r in res.reasons):
                close[(i, j)] = res
        if on_progress:
            on_progress(len(ii))
    adj = agree.adjacency(n)

    def voice(i: int) -> str:
        return voice_of.get(claims[i].article_id, claims[i].article_id)

    groups: list[ClaimGroup] = []
    used: set[int] = set()
    # Conflicts: components of the conflict graph, with the claims that tell a side in other words.
    # A component of more than MAX_CLAIMS (templated wires: every count against every other)
    # is cut where its conflicts are weakest: the strongest edges join first, up to the cap, and
    # an edge between two parts joins no group. Smaller components are whole, as before.
    uf = UnionFind(n)
    ranked = sorted(conflicts.items(), key=lambda kv: (  # ties by claim id: any input order
        -kv[1].confidence, claims[kv[0][0]].id, claims[kv[0][1]].id))
    joined = {e for e, _ in ranked if uf.union(*e, cap=MAX_CLAIMS)}
    alone = {x for e in conflicts for x in e} - {x for e in joined for x in e}
    for e, _ in ranked:  # a claim whose every conflict was refused joins its strongest one's
        if alone & set(e):  # part past the cap: a claim in conflict is never unique
            alone -= set(e)
            joined.add(e)
            uf.union(*e)
    conflict_edges = [(i, j, v) for (i, j), v in conflicts.items() if (i, j) in joined]
    by_root: dict[int, list[tuple[int, int, Judgement]]] = defaultdict(list)
    for e in conflict_edges:  # each component's edges, gathered once (linear in the edges)
        by_root[uf.find(e[0])].append(e)
    sides = positions(by_root, adj)
    for root, edges in by_root.items():
        core = {x for i, j, _ in edges for x in (i, j)}  # names the group: a paraphrase that
        comp = sorted(core | sides.get(root, set()))    # joins later keeps its reviews
        reasons = strongest_reasons([r for _, _, v in edges for r in v.reasons])
        conf = max(v.confidence for _, _, v in edges)
        groups.append((root, _group("conflict", conf, comp, claims, voice, reasons, key=core)))
        used |= set(comp)
    groups_out = [g for _, g in sorted(groups, key=lambda x: x[0])]
    # Agreements: components of the agree graph over all claims, split where linkage is weak, one
    # claim per article (an article makes a point once; its other sentences go back to the pool).
    # A claim in a conflict can also agree: the outlets that tell one side of a dispute in other
    # words form an agree group (a position) inside the conflict group.
    in_dispute = set(used)
    def strong(i: int, j: int) -> bool:  # an agreement read by the model, or the same values;
        got = agree.kept.get((i, j))      # beyond KEEP_AGREE verdicts, never judged again here
        return got is not None and any(r.type in STRONG_AGREE for r in got.reasons)

    parts = agree_parts(n, agree.pairs, adj, claims, vectors, judge.agree_threshold, voice,
                        set(conflicts), strong)
    parts = _one_side(parts, adj, close, claims, voice, set(conflicts),
                      dispute_members(by_root))
    agreeing: set[int] = set()
    # In the order of their first claim: the order agree_parts finds them in follows float
    # ties in the weak-linkage cut, which two CPUs (AVX2, AVX-512) break apart.
    for part in sorted(parts, key=min):
        inside = set(part)
        edges = [(i, j, c) for i in part for j, c in adj.get(i).items() if i < j and j in inside]
        if edges:
            verdicts = [agree.judgement(i, j) for i, j, _ in edges]
            conf = float(np.mean([c for _, _, c in edges]))
        else:  # claims of a dispute worded alike: no agree edge, their closeness
            verdicts = [close[(i, j)] for i in part for j in part if (i, j) in close]
            conf = float(np.mean([v.similarity for v in verdicts]))
        reasons = strongest_reasons([r for v in verdicts for r in v.reasons], keep=3)
        reasons += _details(part, claims, voice)
        groups_out.append(_group("agree", conf, part, claims, voice, reasons))
        agreeing |= inside
    used = in_dispute | agreeing
    # Unique: one group per claim left (its voice alone says it).
    for i in range(n):
        if i not in used:
            groups_out.append(_group("unique", 1.0, [i], claims, voice, ()))
    return groups_out


def _one_side(parts: list[list[int]], adj: Adjacency, close: dict[tuple[int, int], Judgement],
              claims: Sequence[Claim], voice: Callable[[int], str],
              conflicts: set[tuple[int, int]], dispute_of: dict[int, int]) -> list[list[int]]:
    """Two claims of one dispute that the judge found agreeing, or worded alike (``close``),
    from two voices, that no agree group holds together tell one side in other words, and the
    reader of the dispute should not have to guess it: when neither is in an agree group they
    make one of their own; when one is, the other joins that group (if its article is not there
    yet and it conflicts with no member). A claim stays in at most one agree group (the
    contract), so two claims already in two groups are left there. Worded alike outside a
    dispute is only a shared topic. Returns the groups, ``parts`` first (grown by the joins),
    then the new pairs."""
    parts = [list(p) for p in parts]
    group_of: dict[int, int] = {i: k for k, part in enumerate(parts) for i in part}
    alike: dict[int, list[int]] = defaultdict(list)
    for i, j in close:
        alike[i].append(j)
        alike[j].append(i)
    for x in sorted(dispute_of):
        for y in [*adj.get(x), *alike.get(x, ())]:
            if (x >= y or dispute_of.get(y) != dispute_of[x] or (x, y) in conflicts
                    or voice(x) == voice(y) or claims[x].article_id == claims[y].article_id):
                continue
            gx, gy = group_of.get(x), group_of.get(y)
            if gx is not None and gy is not None:
                continue  # together already, or each in a group of its own
            if gx is None and gy is None:
                parts.append([x, y])
                group_of[x] = group_of[y] = len(parts) - 1
                continue
            k, new = (gx, y) if gx is not None else (gy, x)
            if (claims[new].article_id in {claims[i].article_id for i in parts[k]}
                    or conflicts_with(new, parts[k], conflicts)):
                continue
            parts[k].append(new)
            group_of[new] = k
    return [sorted(p) for p in parts]


class _AgreeEdges:
    """The agree verdicts: (i, j, similarity, confidence) for every edge in compact arrays, the
    whole Judgement for the first ``KEEP_AGREE``; a dropped one is judged again when a group
    needs its reasons."""

    def __init__(self, judge: Judge, claims: Sequence[Claim], vectors: np.ndarray) -> None:
        self.judge, self.claims, self.vectors = judge, claims, vectors
        code = "i" if len(claims) < 2**31 else "q"  # 4- or 8-byte claim numbers
        self._i, self._j = array(code), array(code)
        self._sim, self._conf = array("f"), array("d")  # as the pairs have them; as judged
        self.kept: dict[tuple[int, int], Judgement] = {}
        self._keys: np.ndarray | None = None

    def add(self, i: int, j: int, sim: float, verdict: Judgement) -> None:
        """Record the agree edge i < j (edges come in row-major order)."""
        self._i.append(i)
        self._j.append(j)
        self._sim.append(sim)
        self._conf.append(verdict.confidence)
        if len(self.kept) < KEEP_AGREE:
            self.kept[(i, j)] = verdict

    def pairs(self) -> Iterator[tuple[int, int]]:
        """The edges (i, j), in the order they were judged."""
        return zip(self._i, self._j, strict=True)

    def adjacency(self, n: int) -> Adjacency:
        """Both directions, each claim's neighbours in the judged order of their edges."""
        i, j = self._ints(self._i), self._ints(self._j)
        conf = np.frombuffer(self._conf, np.float64) if len(self._conf) else np.zeros(0)
        # In row-major order, claim x meets the edges (y, x), y < x, before the edges (x, y).
        src, dst = np.concatenate([j, i]), np.concatenate([i, j])
        order = np.argsort(src, kind="stable")
        indptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
        return Adjacency(indptr, dst[order], np.concatenate([conf, conf])[order])

    @staticmethod
    def _ints(a: array) -> np.ndarray:
        return np.frombuffer(a, np.int32 if a.typecode == "i" else np.int64).astype(np.int64)

    def judgement(self, i: int, j: int) -> Judgement:
        """The verdict on the agree edge i < j: kept, or judged again, with the same numbers (the
        shipped classifier computes each row alone, and the shipped NLI model reads each pair
        alone; the group's confidence comes from the stored ones)."""
        got = self.kept.get((i, j))
        if got is not None:
            return got
        n = len(self.claims)
        if self._keys is None:  # row-major order: the keys come sorted
            self._keys = self._ints(self._i) * n + self._ints(self._j)
        k = int(np.searchsorted(self._keys, i * n + j))
        if k >= len(self._keys) or self._keys[k] != i * n + j:
            raise KeyError(f"({i}, {j}) is not an agree edge")
        c = self.claims
        return self.judge.judge_pairs([c[i]], [c[j]], [self._sim[k]], self.vectors[[i]],
                                      self.vectors[[j]])[0]


def _details(
    part: Sequence[int], claims: Sequence[Claim], voice: Callable[[int], str]
) -> tuple[Reason, ...]:
    """In an agreement, the names only one voice mentions: what it adds to the others."""
    from ..judge.text import COUNTRY_ALIASES

    names: dict[str, dict[str, str]] = defaultdict(dict)  # voice -> key -> text
    for i in part:
        for m in entities(claims[i].content):
            if m.key not in COUNTRY_ALIASES:
                names[voice(i)].setdefault(m.key, m.text)
    out = []
    for v, keys in names.items():
        others = set().union(*(set(k) for w, k in names.items() if w != v))
        only = [keys[k] for k in keys if k not in others]
        if only:
            ids = tuple(claims[i].id for i in part if voice(i) == v)
            out.append(Reason("detail", f"only {v} mentions {', '.join(only)}", ids, weight=0.0))
    return tuple(out)


def _group(
    label: str,
    conf: float,
    idx: Sequence[int],
    claims: Sequence[Claim],
    voice: Callable[[int], str],
    reasons: tuple[Reason, ...],
    key: Sequence[int] | None = None,
) -> ClaimGroup:
    """A group of claims ``idx``; its id hashes the claims of ``key`` (default: all of them)."""
    idx = sorted(idx)
    ids = tuple(claims[i].id for i in idx)
    srcs = tuple(dict.fromkeys(voice(i) for i in idx))
    return ClaimGroup(
        id=stable_id("g-", ids if key is None else tuple(claims[i].id for i in sorted(key))),
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
