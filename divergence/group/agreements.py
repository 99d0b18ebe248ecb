"""Agreement groups and the positions of a dispute, from the judged agree edges.

An agreement group is a set of claims from at least two voices that make one statement: a
component of the agree graph, cut where linkage is weak, one claim per article. A position is the
claims that tell one side of a dispute in other words; they sit in the dispute's conflict group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Sequence

import numpy as np

from ..records import Claim, Judgement
from .disputes import MAX_CLAIMS


class UnionFind:
    """Disjoint sets over 0..n-1 (path halving): the components of a graph, edge by edge."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, cap: int | None = None) -> bool:
        """Join the sets of i and j, unless together they would hold more than ``cap``;
        whether i and j are now in one set."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if cap is not None and self.size[ri] + self.size[rj] > cap:
            return False
        lo, hi = min(ri, rj), max(ri, rj)
        self.parent[hi] = lo
        self.size[lo] += self.size[hi]
        return True

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


class Adjacency:
    """Agree edges both ways in compressed rows: claim -> (neighbours, confidences)."""

    def __init__(self, indptr: np.ndarray, nbr: np.ndarray, conf: np.ndarray) -> None:
        self.indptr, self.nbr, self.conf = indptr, nbr, conf

    def get(self, x: int) -> dict[int, float]:
        """Claim x's neighbours and the confidence of each edge, in the judged order."""
        a, b = int(self.indptr[x]), int(self.indptr[x + 1])
        return dict(zip(self.nbr[a:b].tolist(), self.conf[a:b].tolist(), strict=True))


def dispute_members(by_root: dict[int, list[tuple[int, int, Judgement]]]) -> dict[int, int]:
    """Each claim of a conflict edge -> the root of its conflict component (its dispute)."""
    return {x: root for root, edges in by_root.items() for i, j, _ in edges for x in (i, j)}


def positions(by_root: dict[int, list[tuple[int, int, Judgement]]], adj: Adjacency
              ) -> dict[int, set[int]]:
    """The claims that tell a side of a dispute in other words: each claim outside every conflict
    component that the judge found agreeing with a member joins that member's component (its
    strongest such edge), so the outlets holding each position sit in the dispute they take
    part in. One hop only: what agrees with a position's paraphrase is not pulled in. A dispute
    takes at most ``disputes.MAX_CLAIMS`` claims in all (the strongest edges first): a claim
    repeated by many outlets must not grow its dispute past what the dispute view reads."""
    member = dispute_members(by_root)
    best: dict[int, tuple[float, int]] = {}
    for x, root in member.items():
        for y, conf in adj.get(x).items():
            if y not in member and (y not in best or (conf, -root) > (best[y][0], -best[y][1])):
                best[y] = (conf, root)
    room = Counter({root: MAX_CLAIMS for root in by_root})
    room.subtract(member.values())
    out: dict[int, set[int]] = defaultdict(set)
    for y, (_, root) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if room[root] > 0:
            out[root].add(y)
            room[root] -= 1
    return out


def agree_parts(n: int, edges: Callable[[], Iterable[tuple[int, int]]], adj: Adjacency,
                claims: Sequence[Claim], vectors: np.ndarray, threshold: float,
                voice: Callable[[int], str], conflicts: Container[tuple[int, int]] = (),
                strong: Callable[[int, int], bool] | None = None) -> list[list[int]]:
    """Agreement groups as claim lists: components of the agree graph, split where linkage is
    weak, one claim per article (an article makes a point once; its other sentences go back to
    the pool for a later round). Then a claim left out that was judged to agree with a grouped
    claim joins that group (its strongest such edge) when its article has no claim there yet: the
    weak-linkage cut or an earlier round's pick must not lose a judged agreement of two outlets;
    never into a group holding a claim it conflicts with (``conflicts``: pairs i < j).
    An article's second sentence joins only on a ``strong`` agreement (read by the NLI model, or
    the same values in other words): the judge's agreement on one shared name at cosine 0.45 is
    loose, and letting it through brought sentences that only share a named person into the
    seeds' groups. (Merging two groups that one strong agreement links, tried, made incoherent
    groups from one link, such as an article's own two sentences.)"""
    parts: list[list[int]] = []
    agreeing: set[int] = set()
    for _ in range(3):
        uf = UnionFind(n)
        for i, j in edges():
            if i not in agreeing and j not in agreeing:
                uf.union(i, j)
        formed = False
        for comp in uf.groups():
            if len(comp) < 2 or comp[0] in agreeing:
                continue
            for part in _split_weak(comp, vectors, threshold):
                part = _one_per_article(part, claims, adj, vectors, conflicts)
                inside = set(part)
                linked = any(j in inside for i in part for j in adj.get(i))
                if len({voice(i) for i in part}) >= 2 and linked:
                    parts.append(part)
                    agreeing |= inside
                    formed = True
        if not formed:
            break
    parts = settle_articles(parts, claims, vectors, adj, conflicts)
    group_of = {i: k for k, part in enumerate(parts) for i in part}
    articles = [{claims[i].article_id for i in part} for part in parts]
    joined: dict[int, list[int]] = defaultdict(list)
    for x in np.flatnonzero(np.diff(adj.indptr)).tolist():  # claims with an agree edge
        if x in group_of:
            continue
        best = max(((c, -y) for y, c in adj.get(x).items() if y in group_of
                    and (claims[x].article_id not in articles[group_of[y]]
                         or (strong is not None and strong(min(x, y), max(x, y))))),
                   default=None)
        if best is None:
            continue
        k = group_of[-best[1]]
        if conflicts_with(x, (*parts[k], *joined[k]), conflicts):
            continue
        joined[k].append(x)
        articles[k].add(claims[x].article_id)
    for k, more in joined.items():
        parts[k] = sorted(parts[k] + more)
    return parts


def settle_articles(parts: list[list[int]], claims: Sequence[Claim], vectors: np.ndarray,
                    adj: Adjacency, conflicts: Container[tuple[int, int]] = (),
                    rounds: int = 3) -> list[list[int]]:
    """Undo crossed picks of one article's sentences. Groups are grown from a seed, one claim per
    article, closest first, so an article's two sentences can land crosswise: "the RSF took
    El-Fasher on Sunday" beside "with el-Fasher gone, Darfur is in RSF hands", and "the win gave
    the RSF all of Darfur" beside "the force captured el-Fasher". Two sentences of one article
    in two groups trade places when together they sit closer to the groups they would join (the
    sum of their mean cosines rises by ``SWAP_GAIN``; one may fit its new group less well than
    the other fitted it), each is judged to agree with a member there, neither conflicts with
    one, and both groups stay linked; an article's sentence in no group takes its sibling's
    place on the same terms. The first such trade found is made, up to ``rounds`` passes."""
    parts = [list(p) for p in parts]
    group_of = {i: k for k, part in enumerate(parts) for i in part}
    vec = np.asarray(vectors, dtype=np.float64)
    total = [vec[part].sum(axis=0) for part in parts]  # each group's vector sum: a mean cosine
    # with one member set aside costs two dot products, not a pass over the group

    def fit(x: int, k: int, without: int) -> float:
        """Mean cosine of claim x to group k, ``without`` (a member) set aside."""
        n = len(parts[k]) - 1
        return float(total[k] @ vec[x] - vec[without] @ vec[x]) / n if n else -1.0

    def fits(x: int, rest: list[int]) -> bool:
        return (any(y in rest for y in adj.get(x)) and not conflicts_with(x, rest, conflicts)
                and _connected([*rest, x], adj))

    for _ in range(rounds):
        moved = False
        mine: dict[str, list[int]] = defaultdict(list)  # article -> its grouped claims
        for i in sorted(group_of):
            mine[claims[i].article_id].append(i)
        loose: dict[str, list[int]] = defaultdict(list)  # article -> its agreeing claims left out
        for x in np.flatnonzero(np.diff(adj.indptr)).tolist():
            if x not in group_of and claims[x].article_id in mine:
                loose[claims[x].article_id].append(x)
        for art in sorted(mine):
            for a in mine[art]:
                for b in [*mine[art], *loose.get(art, ())]:
                    ka, kb = group_of.get(a), group_of.get(b)
                    if a == b or ka is None or ka == kb or (kb is not None and b < a):
                        continue
                    now = fit(a, ka, a) + (fit(b, kb, b) if kb is not None else 0.0)
                    swap = fit(b, ka, a) + (fit(a, kb, b) if kb is not None else 0.0)
                    if swap <= now + SWAP_GAIN:
                        continue
                    rest_a = [y for y in parts[ka] if y != a]
                    rest_b = [y for y in parts[kb] if y != b] if kb is not None else []
                    if not fits(b, rest_a) or (kb is not None and not fits(a, rest_b)):
                        continue
                    parts[ka] = sorted([*rest_a, b])
                    total[ka] += vec[b] - vec[a]
                    group_of[b] = ka
                    if kb is not None:
                        parts[kb] = sorted([*rest_b, a])
                        total[kb] += vec[a] - vec[b]
                        group_of[a] = kb
                    else:
                        del group_of[a]
                    moved = True
                    break
                else:
                    continue
                break
        if not moved:
            break
    return parts


# A swap of two sentences between groups must raise their summed mean cosine by this much.
SWAP_GAIN = 0.02


def _connected(members: Sequence[int], adj: Adjacency) -> bool:
    """Whether the agree edges among ``members`` link them all."""
    inside, seen, todo = set(members), {members[0]}, [members[0]]
    while todo:
        for y in adj.get(todo.pop()):
            if y in inside and y not in seen:
                seen.add(y)
                todo.append(y)
    return len(seen) == len(inside)


def conflicts_with(x: int, others: Iterable[int], conflicts: Container[tuple[int, int]]
                    ) -> bool:
    """Whether claim x was judged in conflict with any of ``others`` (pairs kept as i < j)."""
    return any((min(x, y), max(x, y)) in conflicts for y in others)


def _one_per_article(
    part: list[int],
    claims: Sequence[Claim],
    adj: Adjacency,
    vectors: np.ndarray,
    conflicts: Container[tuple[int, int]] = (),
) -> list[int]:
    """A coherent set with one claim per article: start from the best-agreeing claim, then add, per
    article, the claim closest to those chosen that agrees with at least one of them and
    conflicts with none (agreement chains through paraphrase: a - b - c can hold a and c that the
    judge found in conflict).

    Args:
        adj: the agree edges, both ways (claim -> claim -> confidence).
        conflicts: the judged conflict pairs (i < j).
    """

    members = set(part)
    links: dict[int, set[int]] = defaultdict(set)
    weight: dict[int, float] = defaultdict(float)
    for x in part:
        for y, conf in adj.get(x).items():
            if y in members:
                links[x].add(y)
                if claims[x].article_id != claims[y].article_id:
                    weight[x] += conf

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
            and not conflicts_with(i, chosen, conflicts)
        ]
        if not cands:
            return sorted(chosen)
        chosen.append(max(cands, key=lambda i: (float(np.mean(vectors[chosen] @ vectors[i])), -i)))


def _split_weak(comp: list[int], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Cut a chained component by average linkage so every part is close on average."""
    if len(comp) <= 2:
        return [comp]
    from .graph import DENSE_COMPONENT, average_linkage, close_pairs
    from .sparse import average_labels

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
    labels = average_labels(dist, 1.0 - (threshold - 0.05))
    parts: dict[int, list[int]] = defaultdict(list)
    for idx, lab in zip(comp, labels, strict=True):
        parts[int(lab)].append(idx)
    return list(parts.values())
