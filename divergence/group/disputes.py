"""Disputes: a conflict group read as a question with positions, holders and outlet voices.

A conflict group says "these claims disagree". A reader asks more: what is the question, which
sides are there, who holds each, and which outlet tells which side in whose voice. Positions come
from the judge's verdicts inside the group: agreeing claims share a side, conflicting claims sit
on different sides, and claims that contradict the same side are on one side together (a
two-sided reading: "the enemy of my enemy"). Speakers hold positions; an unattributed claim is
held by its outlet, which then states it as fact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import NamedTuple

import numpy as np

from ..ids import stable_id
from ..ingest.speakers import nameless
from ..judge.detectors import is_conflict
from ..judge.hedges import distance_cue
from ..judge.once import judge_once
from ..judge.pair import Judge, noisy_or
from ..records import Article, Claim, ClaimGroup, Dispute, OutletPosition, Position, Reason
from .asking import DENIED, question, question_of, typed_question
from .asking import subject as _subject

# Within a conflict group of at most this many claims every pair is judged again; beyond, each
# claim is judged against its NEAREST closest claims of the group (the cost stays linear).
ALL_PAIRS_MAX = 40
NEAREST = 8
# Two conflicts of one kind at one claim answer one question when their other claims are at
# least this close (cosine): "the US mediated" against "no third party" and against "Pakistan
# asked for it"; not against a death toll the same claim also gives.
SAME_QUESTION = 0.4
# A conflict group is read as at most this many questions: beyond, the least sure are read
# together as one (a group of many loose denials would otherwise make a dispute of each).
MAX_QUESTIONS = 12
# A conflict group beyond this many claims (a chain across a large corpus) is shown as a group,
# not read as a dispute: its sides would not fit on a page, and splitting it costs ~ n^2.
MAX_CLAIMS = 120
# Outlets that leave a dispute out are listed while its story has at most this many articles;
# beyond, only the outlets that carry a position are listed.
MAX_LISTED = 60


def find_disputes(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    groups: Sequence[ClaimGroup],
    judge: Judge,
    story_of: Mapping[str, object] | None = None,
    event_of: Mapping[str, str] | None = None,
) -> list[Dispute]:
    """The disputes of each conflict group, strongest first: one per question its conflicts
    answer (``questions``) with at least two positions.

    Pairs inside a conflict group are read again by ``judge.without_model()``: its typed reasons,
    similarity and classifier place claims on sides at a small part of the NLI model's cost.

    Args:
        vectors: row i belongs to ``claims[i]``.
        story_of: article id -> story (``group.stories``); an outlet row is listed for every
            article of the dispute's stories, so a silent outlet shows as an omission. Without
            it, the articles that share an event with the dispute are listed.
        event_of: claim id -> its event: a dispute is under the events of the claims its
            conflicts join (else under all its group's).
    """
    lean = getattr(judge, "without_model", None)  # a plugin judge may have no lean form
    judge = lean() if lean is not None else judge
    row = {c.id: n for n, c in enumerate(claims)}
    by_article = {a.id: a for a in articles}
    of_story: dict[object, list[str]] = defaultdict(list)
    for a in articles:
        if story_of is not None:
            of_story[story_of.get(a.id)].append(a.id)
    of_event: dict[str, set[str]] = defaultdict(set)
    if story_of is None:
        for other in groups:
            for e in other.events:
                of_event[e] |= {cid.rsplit(":", 1)[0] for cid in other.claims}
    agree_of: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        if g.label == "agree":
            for cid in g.claims:
                agree_of[cid].append(g)
    out = []
    for g in groups:
        if g.label != "conflict":
            continue
        idx = list(dict.fromkeys(row[c] for c in g.claims if c in row))
        if not 2 <= len(idx) <= MAX_CLAIMS:
            continue
        known = {(min(row[a], row[b]), max(row[a], row[b])): r
                 for r in g.reasons if is_conflict(r) and len(r.claims) == 2
                 for a, b in [r.claims] if a in row and b in row and a != b}
        asked = questions(idx, claims, vectors, judge, known)

        def build(q: Question, several: bool, g: ClaimGroup = g) -> Dispute:
            members = [n for side in q.sides for n in side]
            listed = _listed_articles(members, claims, g, story_of, of_story, of_event,
                                      by_article)
            events = g.events
            if event_of is not None:
                own = {event_of.get(claims[n].id) for n in q.core}
                events = tuple(e for e in g.events if e in own) or g.events
            key = [f"{claims[i].id}|{claims[j].id}" for i, j in sorted(q.pairs)]
            sure = q.confidence
            return _dispute(g, q.sides, claims, by_article, listed, q.reasons, q.core, events,
                            min(g.confidence, sure) if sure is not None else None,
                            key if several else ())

        made = [(build(q, len(asked) > 1), q) for q in
                (q._replace(sides=_widen(q.sides, claims, row, agree_of)) for q in asked)
                if len(q.sides) >= 2]
        out.extend(d for d, _ in _one_per_question(made, lambda q: build(q, True)))
    out.sort(key=lambda d: (-len({o.article for o in d.outlets if o.voice != "omitted"}),
                            -d.confidence, d.id))
    return out


def _one_per_question(made: list[tuple[Dispute, Question]],
                      build: Callable[[Question], Dispute]) -> list[tuple[Dispute, Question]]:
    """One conflict group's disputes, those that ask the same question over a shared claim
    made one (helper-221 found "When did the ceasefire happen?" twice in one group, with the
    same first position): their sides joined where they share a claim, unless a joined side
    would hold both claims of one of their conflicts."""
    made = list(made)
    k = 0
    while k < len(made):
        for m in range(k + 1, len(made)):
            (d, q), (e, r) = made[k], made[m]
            if d.question != e.question:
                continue
            sides = _joined([*q.sides, *r.sides])
            pairs = q.pairs | r.pairs
            if len(sides) == len(q.sides) + len(r.sides) or len(sides) < 2 or any(
                    i in s and j in s for s in map(set, sides) for i, j in pairs):
                continue  # nothing shared, or one side would hold a conflict
            why = sorted(dict.fromkeys([*q.reasons, *r.reasons]), key=lambda x: -x.weight)
            sure = [x for x in (q.confidence, r.confidence) if x is not None]
            both = Question(sides, tuple(why), q.core | r.core, max(sure) if sure else None,
                            pairs)
            made[k] = (build(both), both)
            del made[m]
            break
        else:
            k += 1
    return made


def _joined(sides: Sequence[Sequence[int]]) -> list[list[int]]:
    """Sides that share a claim, made one (in order of their first claim)."""
    out: list[set[int]] = []
    for s in sides:
        into = [o for o in out if o & set(s)]
        merged = set(s).union(*into)
        out = [o for o in out if o not in into] + [merged]
    return sorted((sorted(o) for o in out), key=lambda s: (-len(s), s[0]))


def positions(idx: Sequence[int], claims: Sequence[Claim], vectors: np.ndarray,
              judge: Judge, known: Collection[tuple[int, int]] = frozenset()
              ) -> list[list[int]]:
    """Split claims (rows of ``claims``) into sides from the judge's verdicts on their pairs;
    ``known`` pairs (i < j) are conflicts already established (the group's own reasons, which
    the full judge, NLI model included, found). All of them are read as one question."""
    agree, against = _verdicts(idx, claims, vectors, judge, dict.fromkeys(known))
    return _sides(idx, agree, set(against))


class Question(NamedTuple):
    """One question of a conflict group: its sides (rows of claims), the reasons of its
    conflicts (strongest first), the claims its conflicts join, and how sure its strongest
    conflict is (None when the judge named no reason: the group's confidence stands)."""

    sides: list[list[int]]
    reasons: tuple[Reason, ...]
    core: frozenset[int]
    confidence: float | None
    pairs: frozenset[tuple[int, int]] = frozenset()  # its conflicts (i < j)


def _strength(reasons: Sequence[Reason]) -> float:
    """A conflict's confidence from its reasons, as the judge combines them: typed reasons
    together (noisy-or), or a model's reading, whichever is surer."""
    typed = [r.weight for r in reasons if is_conflict(r)]
    read = [r.weight for r in reasons if not is_conflict(r)]
    return max([noisy_or(typed)] * bool(typed) + read, default=0.0)


def questions(idx: Sequence[int], claims: Sequence[Claim], vectors: np.ndarray, judge: Judge,
              known: Mapping[tuple[int, int], Reason] | None = None
              ) -> list[Question]:
    """The questions a conflict group's claims (rows of ``claims``) disagree on (``Question``:
    sides, reasons, the claims its conflicts join, its confidence).

    A chain of conflicts across one event's coverage joins claims that disagree on different
    things (a death toll, the hour a truce began, who brokered it); read as one dispute, its
    "positions" would be unrelated statements. Conflicts answer one question when they share a
    claim and a kind (``_kind``: the same count or time of the same thing, a title; any other
    reason is a disagreement on whether a statement holds); claims that agree with a member of
    one question, and oppose none of its members, take part in it too.
    """
    known = dict(known or {})
    agree, against = _verdicts(idx, claims, vectors, judge, known)
    edges = sorted(against.items())
    kinds = [_kind(rs) for _, rs in edges]
    parent = list(range(len(edges)))

    def find(e: int) -> int:
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    def union(e: int, f: int) -> None:
        parent[find(e)] = find(f)

    # A named question (who brought about X, was X kept) is one per group. Counts or times of
    # one thing join at a shared claim; statements too, when their other claims are close.
    asked: dict[str, int] = {}
    at: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)  # (claim, kind) ->
    for e, ((i, j), kind) in enumerate(zip((k for k, _ in edges), kinds, strict=True)):
        if kind.startswith(_ASKED):                                 # its edges and far ends
            union(e, asked.setdefault(kind, e))
        at[(i, kind)].append((e, j))
        at[(j, kind)].append((e, i))
    for (_, kind), ends in at.items():
        for k, (e, y) in enumerate(ends):
            for f, z in ends[:k]:
                if find(e) != find(f) and (kind != "statement"
                                           or float(vectors[y] @ vectors[z]) >= SAME_QUESTION):
                    union(e, f)
    # A statement conflict at a claim of a typed question is one more reason on it when its
    # other claim is in it too, or close to one of its other claims; it joins one at most.
    typed: dict[int, set[int]] = defaultdict(set)
    for e, ((i, j), kind) in enumerate(zip((k for k, _ in edges), kinds, strict=True)):
        if kind != "statement":
            typed[find(e)] |= {i, j}
    for e, ((i, j), kind) in enumerate(zip((k for k, _ in edges), kinds, strict=True)):
        if kind != "statement" or find(e) in typed:
            continue
        for root, cs in typed.items():
            if any(x in cs and (y in cs or any(float(vectors[y] @ vectors[z]) >= SAME_QUESTION
                                               for z in cs - {x}))
                   for x, y in ((i, j), (j, i))):
                union(e, root)
                break
    parts: dict[int, list[int]] = defaultdict(list)
    for e in range(len(edges)):
        parts[find(e)].append(e)
    chains = sorted(parts.values())
    if len(chains) > MAX_QUESTIONS:  # many loose denials: the surest questions stand, the rest
        def rank(es: list[int]) -> tuple[float, int, int]:  # are read together as one dispute
            return -max(_strength(edges[e][1]) for e in es), -len(es), es[0]
        ranked = sorted(chains, key=rank)
        rest = sorted(e for es in ranked[MAX_QUESTIONS - 1:] for e in es)
        chains = sorted([*ranked[:MAX_QUESTIONS - 1], rest])
    out = []
    for es in chains:
        inside = {x for e in es for x in edges[e][0]}
        opposed = {edges[e][0] for e in es}
        joined = {y for _, i, j in agree for x, y in ((i, j), (j, i))
                  if x in inside and y not in inside
                  and not any((min(y, z), max(y, z)) in against for z in inside)}
        members = sorted(inside | joined)
        keep = set(members)
        sides = _sides(members, [a for a in agree if a[1] in keep and a[2] in keep],
                       [k for k in against if k in opposed or (k[0] in keep and k[1] in keep)])
        why = sorted(dict.fromkeys(r for e in es for r in edges[e][1]),  # edges in order:
                     key=lambda r: -r.weight)                               # ties stay put
        sure = [_strength(edges[e][1]) for e in es if edges[e][1]]
        out.append(Question(sides, tuple(why), frozenset(inside), max(sure) if sure else None,
                            frozenset(opposed)))
    return out


def _verdicts(idx: Sequence[int], claims: Sequence[Claim], vectors: np.ndarray, judge: Judge,
              known: Mapping[tuple[int, int], Reason | None]
              ) -> tuple[list[tuple[float, int, int]], dict[tuple[int, int], list[Reason]]]:
    """The judge's agreements (confidence, i, j), strongest first, and conflicts (i, j) ->
    their conflict reasons, over the pairs of ``idx``; ``known`` conflicts (with the reason
    that names them, if any) are added."""
    pairs = _pairs(idx, vectors)
    left = [claims[i] for i, _ in pairs]
    right = [claims[j] for _, j in pairs]
    sims = [float(vectors[i] @ vectors[j]) for i, j in pairs]
    ii = np.array([i for i, _ in pairs], dtype=np.int64)
    jj = np.array([j for _, j in pairs], dtype=np.int64)
    verdicts = judge_once(judge, left, right, sims, vectors[ii], vectors[jj]) if pairs else []
    agree = sorted(((v.confidence, i, j) for (i, j), v in zip(pairs, verdicts, strict=True)
                    if v.label == "agree"), reverse=True)
    against = {(i, j): [r for r in v.reasons if is_conflict(r) or r.type in _JUDGES]
               for (i, j), v in zip(pairs, verdicts, strict=True) if v.label == "conflict"}
    inside = set(idx)
    for (i, j), r in known.items():
        if i in inside and j in inside:
            against.setdefault((i, j), [])
            if r is not None and not any(_same_reason(r, x) for x in against[(i, j)]):
                against[(i, j)].append(r)  # the judge's own reading of it, read once more
    agree = [(c, i, j) for c, i, j in agree if (i, j) not in against]
    return agree, against


def _same_reason(r: Reason, x: Reason) -> bool:
    """One reason read twice: weights computed from a cosine in another float32 sum differ
    in the seventh place, and counting both would make a conflict surer than either reading."""
    return (r.type, r.detail, r.claims, r.spans) == (x.type, x.detail, x.claims, x.spans)


_JUDGES = ("model", "nli")  # a conflict's reason from a model: evidence, though untyped
_ASKED = ("who: ", "kept: ")  # kinds that name their question: one per conflict group


def _kind(reasons: Sequence[Reason]) -> str:
    """What a conflict is about, from its strongest typed reason: who brought about or is
    blamed for a thing, whether a truce was kept (questions named outright), the count or the
    time of one thing (``number: deaths``, ``date: truce``), a title, a place, or else whether a
    statement holds (a denial, a negation: the claims themselves are the question)."""
    for r in sorted(reasons, key=lambda r: -r.weight):
        what = _subject(r)
        if r.type == "actor" and what is not None:
            return f"{_ASKED[0]}{what}"
        if r.type == "compliance":
            return f"{_ASKED[1]}{what}"
        if r.type in ("number", "date"):  # "12 people" vs "31": what another reason counts
            what = what or next((w for x in reasons if x.type == r.type
                                 and (w := _subject(x)) is not None), None)
            return f"{r.type}: {what or ''}"
        if r.type in ("title", "place"):
            return r.type
    return "statement"


def _sides(idx: Sequence[int], agree: Sequence[tuple[float, int, int]],
           against: Collection[tuple[int, int]]) -> list[list[int]]:
    """Sides of claims ``idx``: agreeing claims share one unless that puts a conflict inside
    it, and sides that contradict the same side (and not each other) are one."""
    side = {i: i for i in idx}  # each claim's side: a representative row
    enemies: dict[int, set[int]] = {i: set() for i in idx}  # side -> sides it contradicts
    for i, j in against:
        enemies[i].add(j)
        enemies[j].add(i)

    def join(keep: int, gone: int) -> None:
        for i in idx:
            if side[i] == gone:
                side[i] = keep
        for t in enemies.pop(gone):
            enemies[t].discard(gone)
            enemies[t].add(keep)
            enemies[keep].add(t)

    for _, i, j in agree:  # the same statement: one side, unless that puts a conflict inside it
        a, b = sorted((side[i], side[j]))
        if a != b and b not in enemies[a]:
            join(a, b)
    while True:  # sides that contradict the same side, and not each other, are one side
        reps = sorted(enemies)
        found = next(((a, b) for a in reps for b in reps
                      if a < b and b not in enemies[a] and enemies[a] & enemies[b]), None)
        if found is None:
            break
        join(*found)

    def members(s: int) -> list[int]:
        return [i for i in idx if side[i] == s]

    sides = [members(s) for s in sorted(set(side.values()))]
    # A claim that opposes no one and agrees with no one stays out: nothing places it.
    placed = {x for i, j in against for x in (i, j)}
    sides = [s for s in sides if len(s) > 1 or s[0] in placed]
    return sorted(sides, key=lambda s: (-len(s), s[0]))


def _pairs(idx: Sequence[int], vectors: np.ndarray) -> list[tuple[int, int]]:
    idx = sorted(idx)
    if len(idx) <= ALL_PAIRS_MAX:
        return [(a, b) for k, a in enumerate(idx) for b in idx[k + 1:]]
    sub = vectors[idx]
    sims = sub @ sub.T
    np.fill_diagonal(sims, -np.inf)
    near = np.argsort(-sims, axis=1)[:, :NEAREST]
    found = {(min(idx[r], idx[c]), max(idx[r], idx[c])) for r in range(len(idx)) for c in near[r]}
    return sorted(found)


def _widen(sides: list[list[int]], claims: Sequence[Claim], row: Mapping[str, int],
           agree_of: Mapping[str, Sequence[ClaimGroup]]) -> list[list[int]]:
    """Claims that an agree group ties to exactly one side join that side (an outlet telling it
    in other words, without being in the conflict itself)."""
    where = {n: k for k, s in enumerate(sides) for n in s}
    extra: dict[int, set[int]] = defaultdict(set)
    for k, s in enumerate(sides):
        for n in s:
            for g in agree_of.get(claims[n].id, ()):
                for cid in g.claims:
                    m = row.get(cid)
                    if m is not None and m not in where:
                        extra[m].add(k)
    out = [list(s) for s in sides]
    for m, ks in sorted(extra.items()):
        if len(ks) == 1:
            out[next(iter(ks))].append(m)
    return [sorted(s) for s in out]


def _listed_articles(members: Sequence[int], claims: Sequence[Claim], g: ClaimGroup,
                     story_of: Mapping[str, object] | None,
                     of_story: Mapping[object, list[str]], of_event: Mapping[str, set[str]],
                     by_article: Mapping[str, Article]) -> list[str]:
    """The articles an outlet row is shown for: those of the dispute's stories (or events),
    while there are at most ``MAX_LISTED``; else the ones that carry a position."""
    own = {claims[n].article_id for n in members}
    if story_of is not None:
        listed = {a for key in {story_of.get(a) for a in own} for a in of_story.get(key, ())}
    else:
        listed = set().union(*(of_event.get(e, set()) for e in g.events)) if g.events else set()
    if len(listed | own) > MAX_LISTED:
        listed = set()
    order = {a: k for k, a in enumerate(by_article)}
    return sorted(listed | own, key=lambda a: order.get(a, len(order)))


def _dispute(g: ClaimGroup, sides: Sequence[Sequence[int]], claims: Sequence[Claim],
             by_article: Mapping[str, Article], listed: Sequence[str],
             why: Sequence[Reason] = (), core: Collection[int] = (),
             events: tuple[str, ...] | None = None, confidence: float | None = None,
             key: Sequence[str] = ()) -> Dispute:
    """A dispute of ``g`` over ``sides``; its id hashes its claims and ``key`` (the conflicts
    of its question, when its group answers several: two questions may hold the same claims)."""
    def source(article_id: str) -> str:
        a = by_article.get(article_id)
        return a.voice if a is not None else article_id

    asked: Sequence[Reason] = why if why or key else g.reasons  # the group's: for its one
    if key:  # question, when the judge named no reason; one of several: its own kind asks
        kind = _kind(why)
        asked = [r for r in why if _kind([r]) == kind] or why
    typed = typed_question(asked)  # read once: it words the question and picks the labels
    worded = typed[1].type if typed is not None else None
    cited = {cid for r in asked if worded in (None, r.type) for cid in r.claims}
    pos = []
    for s in sides:
        # The claims in the conflict itself first, then those that only agree with them: a
        # reader meets the evidence before the outlets that tell the side in other words.
        first = sorted(s, key=lambda n: n not in core)
        cs = [claims[n] for n in first]
        held = holders([(c.speaker, source(c.article_id)) for c in cs])
        # The label: a claim the question's reasons cite ("What is X's title?" shows a title),
        # else one said in the conflict itself.
        named = ([claims[n] for n in s if claims[n].id in cited]
                 or [claims[n] for n in s if n in core] or cs)
        pos.append(Position(id=stable_id("p-", [c.id for c in cs]), label=_label(named),
                            claims=tuple(c.id for c in cs), holders=held))
    outlets = []
    for art in listed:
        carried = [[claims[n] for n in s if claims[n].article_id == art] for s in sides]
        for p, cs in zip(pos, carried, strict=True):
            mine = [(c.speaker, source(art)) for c in cs]
            rest = [(c.speaker, source(art)) for x in carried if x is not cs for c in x]
            own = holders(mine)
            if not cs:
                voice = "omitted"
            elif any(c.speaker is None and distance_cue(c.text) is None for c in cs):
                voice = "fact"
            elif any(c.speaker is None for c in cs):
                voice = "hedged"  # its own words, not vouched for: "reportedly", "may have"
            elif rest and len(holders([*mine, *rest])) > len(own):  # beside someone else's
                voice = "with-rejection"  # side, not one speaker telling two ("he also said")
            else:
                voice = "attributed"
            outlets.append(OutletPosition(
                article=art, source=source(art), position=p.id, voice=voice,  # type: ignore[arg-type]
                claims=tuple(c.id for c in cs), holders=own))
    members = sorted(c for p in pos for c in p.claims)
    return Dispute(id=stable_id("d-", [*members, *key]), question=question_of(typed, pos),
                   group=g.id, confidence=g.confidence if confidence is None else confidence,
                   positions=tuple(pos),
                   outlets=tuple(outlets), events=g.events if events is None else events,
                   reasons=strongest_reasons(why))


def strongest_reasons(reasons: Sequence[Reason], keep: int = 8) -> tuple[Reason, ...]:
    """Reasons as a group or a dispute keeps them: one per type and wording (claim ids
    aside), strongest first, at most ``keep``."""
    best: dict[tuple[str, str], Reason] = {}
    for r in reasons:
        key = (r.type, re.sub(r"\S+:\d+", "", r.detail))
        if key not in best or r.weight > best[key].weight:
            best[key] = r
    return tuple(sorted(best.values(), key=lambda r: -r.weight)[:keep])


def holders(pairs: Sequence[tuple[str | None, str]]) -> tuple[str, ...]:
    """Speakers, each once; an unattributed claim is held by its outlet, and a pronoun that
    attribution left unresolved ("He also said …") by an unnamed speaker in that outlet."""
    kept: list[tuple[frozenset[str], str]] = []
    for speaker, outlet in pairs:
        name = speaker or outlet
        if nameless(name):
            name = f"an unnamed speaker in {outlet}"
        words = frozenset(re.findall(r"\w+", name.lower())) - _TITLE_WORDS
        if not words:  # a title alone ("the President"): its words stand for the name
            words = frozenset(re.findall(r"\w+", name.lower()))
        if any(w and (words <= w or w <= words) for w, _ in kept):
            continue  # "President Trump" and "President Donald Trump" are one holder
        kept.append((words, name))
    return tuple(name for _, name in kept)


# Words of a title or article, dropped before telling two holders' names apart.
_TITLE_WORDS = frozenset({
    "the", "president", "prime", "minister", "secretary", "foreign", "external", "affairs",
    "general", "lieutenant", "major", "maj", "gen", "lt", "col", "colonel", "admiral", "rear",
    "deputy", "former", "mr", "ms", "mrs", "dr", "sir"})


def _label(cs: Sequence[Claim]) -> str:
    """The side in one clause: its shortest asserted proposition of moderate length."""
    asserted = [c for c in cs if c.stance == "asserts"] or list(cs)
    best = min(asserted, key=lambda c: (len(c.content) < 30, len(c.content)))
    text = best.content.strip()
    if best.stance == "denies":
        text = DENIED + text
    return _clip(text, 160)


def _clip(text: str, most: int) -> str:
    if len(text) <= most:
        return text
    cut = text[:most].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


__all__ = ["ALL_PAIRS_MAX", "Question", "find_disputes", "holders", "positions", "question",
           "questions", "strongest_reasons"]
