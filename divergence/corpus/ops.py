"""Growing a corpus: add articles in batches, re-embed for a new model, regroup, report from it."""

from __future__ import annotations

import datetime as _dt
import hashlib
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..embed import Embedder, EmbeddingCache, embed
from ..errors import DivergenceError
from ..group.claims import voices
from ..ingest.split import embedding_text, split
from ..ingest.splitters import Splitter
from ..judge import Judge
from ..judge.trust import scale
from ..pipeline import (
    claimless,
    disputes_of,
    group_all,
    in_reading_order,
    mark_copies,
    use_graph,
)
from ..records import Article, Claim, ClaimGroup, Event, Report, Skip, Verdict
from .sqlite_guard import StorageError
from .store import Corpus


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add_articles`` call did."""

    added: int
    present: int  # already in the corpus (same content hash), skipped
    claims: int
    without_claims: tuple[str, ...] = ()  # paths of added articles that gave no claims


def repair_command(corpus: Corpus) -> str:
    """The command that puts lost claims back, as a user can paste it (the path quoted)."""
    return f"divergence check --db {shlex.quote(str(corpus.path))} --repair"


def lost_skips(corpus: Corpus, articles: Sequence[Article], lost: set[str]) -> list[Skip]:
    """A Skip for each article in ``lost`` (``Corpus.claims_lost``), named by its path (by its
    id, under the corpus file, when its row is gone too), saying how to put the claims back."""
    why = f"claims lost to damage are left out of this report; run {repair_command(corpus)}"
    paths = {a.id: a.path for a in articles if a.id in lost}
    return [Skip(paths.get(aid, f"{corpus.path}: article {aid}"), why) for aid in sorted(lost)]


def keep_lost_in_sight(corpus: Corpus, doing: str) -> None:
    """Refuse a write that forgets the saved grouping (adding, embedding again, regrouping)
    while that grouping names claims the corpus lost to damage: it is their only trace, and
    ``check --repair`` puts them back from the stored text."""
    if lost := corpus.claims_lost():
        raise DivergenceError(f"{len(lost)} stored article(s) lost claims (a damaged file); run "
                              f"{repair_command(corpus)} before {doing}", where=str(corpus.path))


def ensure_model(corpus: Corpus, embedder: Embedder, cache: EmbeddingCache | None = None,
                 reembed: bool = False) -> bool:
    """Make the stored vectors match ``embedder``: refuse another model's, or re-embed them all.

    Returns:
        True when the stored claims were re-embedded.

    Raises:
        DivergenceError: the corpus holds another model's vectors and ``reembed`` is False.
    """
    files = getattr(embedder, "fingerprint", None)
    same = corpus.model in (None, embedder.name) and (
        not files or corpus.model_files in (None, files))  # not retrained in its folder since
    if not reembed or same or not len(corpus):
        corpus.check_model(embedder.name, files)
        return False
    keep_lost_in_sight(corpus, "embedding again")
    claims = corpus.claims()
    vectors = embed([embedding_text(c) for c in claims], embedder, cache)
    corpus.replace_vectors(vectors, embedder.name, files)
    return True


def add_articles(
    corpus: Corpus,
    articles: Sequence[Article],
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    splitter: Splitter | None = None,
    batch: int = 32,
    on_progress: Callable[[int], None] | None = None,
) -> AddResult:
    """Split, embed and store the articles the corpus lacks, one transaction per ``batch``.

    Args:
        on_progress: called with the number of articles just stored (or found present).

    Raises:
        DivergenceError: another model's vectors, or stored claims lost to damage that the
            saved grouping still names (``check --repair`` puts them back; adding would
            forget the grouping, and with it the only sign of the loss).
    """
    corpus.check_model(embedder.name, getattr(embedder, "fingerprint", None))
    keep_lost_in_sight(corpus, "adding")
    new = [a for a in {a.id: a for a in articles}.values() if not corpus.has(a.id)]
    present = len(articles) - len(new)
    if on_progress and present:
        on_progress(present)
    n_claims, empty = 0, []
    for k in range(0, len(new), max(1, batch)):
        chunk = new[k : k + max(1, batch)]
        claims = [c for a in chunk for c in split(a, splitter)]
        empty += [a.path for a in claimless(chunk, claims)]
        vectors = embed([embedding_text(c) for c in claims], embedder, cache)
        corpus.add(chunk, claims, vectors, embedder.name, batch=batch,  # an article may have
                   files=getattr(embedder, "fingerprint", None))  # no claims
        n_claims += len(claims)
        if on_progress:
            on_progress(len(chunk))
    return AddResult(added=len(new), present=present, claims=n_claims,
                     without_claims=tuple(empty))


def regroup(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    judge: Judge,
    progress: bool = False,
) -> tuple[list[Event], list[ClaimGroup]]:
    """Events and judged claim groups over stored claims and vectors (the pipeline's grouping,
    in its reading order: the order articles were added in does not matter)."""
    claims, vectors = in_reading_order(articles, claims, vectors)
    _, events, groups, _ = group_all(articles, claims, vectors, judge, progress=progress)
    return events, groups


def regroup_corpus(corpus: Corpus, judge: Judge, progress: bool = False, tries: int = 3) -> bool:
    """Regroup the whole stored corpus and save the grouping.

    The claims are read from one snapshot, and the grouping is saved only if no claims were
    written meanwhile; another writer's claims start a new round (at most ``tries``). Under
    ``Corpus.writing`` the first round always saves.

    Returns:
        Whether a grouping covering every stored claim was saved.
    """
    keep_lost_in_sight(corpus, "regrouping")
    for _ in range(max(1, tries)):
        events, groups, generation = _grouping(corpus, judge, progress)
        if corpus.save_grouping(events, groups, generation=generation,
                                judge=judge_identity(judge)):
            return True
    return False


def _grouping(corpus: Corpus, judge: Judge, progress: bool = False
              ) -> tuple[list[Event], list[ClaimGroup], str]:
    """Events and groups over one consistent read of the corpus, with its write generation."""
    with corpus.snapshot():
        generation = corpus.generation
        articles, claims, vectors = corpus.articles(), corpus.claims(), corpus.vectors()
    events, groups = regroup(articles, claims, vectors, judge, progress=progress)
    return events, groups, generation


def ensure_grouping(corpus: Corpus, judge: Judge, progress: bool = False) -> None:
    """Regroup and save when the stored grouping does not cover the stored claims (never
    grouped, grown since, or saved by a writer that raced another), or another judge made it."""
    if not corpus.grouping_current(judge_identity(judge)):
        regroup_corpus(corpus, judge, progress=progress)


def judge_identity(judge: Judge) -> str:
    """What a stored grouping was made by: the judge's name and detectors, and a digest of the
    code and data that judge and group (``judge/``, ``group/``, ``data/``), so that an upgrade,
    a retrained model, ``--judge`` or ``--detectors`` regroups a corpus instead of showing groups
    this judge would not make. (An ``--nli`` folder is known by its name alone.)"""
    detectors = ",".join(getattr(judge, "detectors", ()))
    return f"{judge.name} [{detectors}] (code {_code_digest()})"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A short digest of this install's judging and grouping code and its packaged data."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=8)
    for sub in ("judge", "group", "data"):
        for path in sorted((root / sub).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def apply_verdicts(groups: Sequence[ClaimGroup], latest: dict[str, Verdict],
                   threshold: float = 0.0) -> list[ClaimGroup]:
    """Attach each group's latest verdict; an ``agree`` verdict relabels the group agree.

    Unreviewed conflicts under the calibrated ``threshold`` are muted. Whether a group is still
    flagged follows from label, verdict and mute (``ClaimGroup.flagged``).
    """
    out = []
    for g in groups:
        v = latest.get(g.id)
        if v is not None:
            g = replace(g, verdict=v, label="agree" if v.decision == "agree" else g.label)
        elif g.label == "conflict" and g.confidence < threshold:
            g = replace(g, muted=True)
        out.append(g)
    return out


def flag_threshold(corpus: Corpus) -> float:
    """The calibrated confidence below which unreviewed conflicts are not flagged (0 if none).

    A calibration made on another model's vectors, or on another scale of confidence (before
    ``judge.trust``, or with other coefficients), does not apply: confidences depend on both.
    """
    cal = corpus.calibration()
    if (not cal or cal.get("threshold") is None or cal.get("model") != corpus.model
            or cal.get("scale") != scale()):
        return 0.0
    return float(cal["threshold"])


def corpus_report(corpus: Corpus, judge: Judge, progress: bool = False,
                  skipped: Sequence[Skip] = ()) -> Report:
    """A Report over the stored corpus: stored vectors and grouping, nothing embedded.

    The grouping is recomputed from the stored vectors (and saved, unless the file is read-only
    or the disk full, or claims were lost to damage) when none covering every stored claim is
    stored. Each group carries its latest verdict (see ``apply_verdicts``). While claims are
    lost to damage the saved grouping (which names them) is neither used nor replaced, and each
    article that lost claims is among the skips.
    """
    with corpus.snapshot():
        generation, lost = corpus.generation, corpus.claims_lost()
        articles, claims, vectors = corpus.articles(), corpus.claims(), corpus.vectors()
        made_by = judge_identity(judge)  # a saved grouping that names lost claims is not used
        grouping = corpus.load_grouping() if not lost and corpus.grouping_current(made_by) else None
    skipped = (*skipped, *lost_skips(corpus, articles, lost))
    if grouping is None:
        grouping = regroup(articles, claims, vectors, judge, progress=progress)
        try:
            if not lost:  # the saved grouping is the lost claims' only trace: keep it
                corpus.save_grouping(*grouping, generation=generation, judge=made_by)
        except StorageError as e:
            if e.kind not in ("read-only", "full"):
                raise  # a report from a read-only or full disk needs no saved grouping
    events, groups = grouping
    threshold = flag_threshold(corpus)
    groups = apply_verdicts(groups, corpus.latest_verdicts(), threshold)
    voice_of = (voices(articles, claims, vectors, graph=use_graph("auto", len(claims)))
                if claims else {})
    articles = mark_copies(articles, voice_of)
    disputes = disputes_of(articles, *in_reading_order(articles, claims, vectors), events, groups,
                           judge) if claims else []
    return Report(
        articles=tuple(articles), claims=tuple(claims), events=tuple(events),
        groups=tuple(groups), model=corpus.model or "",
        created=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        skipped=tuple(skipped), flag_threshold=threshold, disputes=tuple(disputes))
