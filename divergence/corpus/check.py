"""`divergence check`: is the corpus file sound and in step, and put right what can be.

Looked at, in order: the file itself (SQLite's integrity and foreign-key checks), whole articles
(every claim numbered and with a vector of the right size), the grouping (every stored claim in
an event, the claim-to-group index matching it), the verdict log's hash chain, and the saved
neighbour index beside the file. A repair rescues the readable rows of a damaged file (the
damaged file is kept), splits and embeds again, from their stored text, the articles that lost
claims or vectors (removes them when the corpus's embedder cannot be had: ``add`` stores them),
regroups, and rebuilds a stale index. A rewritten verdict log is reported, never "repaired".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DivergenceError
from .locking import being_written, write_lock
from .salvage import beyond_repair, salvage
from .sqlite_guard import StorageError
from .store import Corpus

__all__ = ["CheckResult", "Finding", "check_corpus"]

# The remedy for claims the grouping does not cover (as after an interrupted add).
_GROUP_HINT = "; run add again (or divergence check --repair) to group them"
_LOST_HINT = "; run divergence check --repair"  # add refuses while claims are lost


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where it is, what is wrong, and what the repair did about it (None: not
    repaired)."""

    area: str  # file, articles, vectors, grouping, verdicts, index
    problem: str
    fixed: str | None = None
    repairable: bool = True  # False: --repair cannot put it right (restore a backup, or look)


@dataclass(slots=True)
class CheckResult:
    """Everything ``check_corpus`` found, in the order it looked."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a repair did beyond the findings

    @property
    def ok(self) -> bool:
        """Whether no problem remains (none found, or every one repaired)."""
        return all(f.fixed is not None for f in self.findings)

    @property
    def repairable(self) -> bool:
        """Whether ``repair`` could put right some problem that remains."""
        return any(f.fixed is None and f.repairable for f in self.findings)


def check_corpus(path: str | os.PathLike[str], repair: bool = False,
                 judge: Callable[[str], Any] | None = None,
                 on_wait: Callable[[], None] | None = None,
                 progress: bool = False) -> CheckResult:
    """Check the corpus at ``path``; with ``repair``, put right what is out of step.

    Args:
        judge: makes the judge for a regroup from the stored model's name (repair only).
        on_wait: called when another process is writing and a repair waits for it.
        progress: bars on stderr for a repair's embedding and regrouping.

    Raises:
        DivergenceError: no corpus file there, or too damaged to rescue.
    """
    res = CheckResult(Path(path))
    if res.path.is_dir():  # as every other command says it
        raise DivergenceError("is a folder; give the corpus database file", where=str(path))
    if not res.path.is_file():
        raise DivergenceError("no corpus database here", where=str(path))
    if not repair:
        busy = being_written(res.path)
        _check(res, judge=None)
        if busy and res.findings:
            res.notes.append("another process is writing this corpus now; what it has not yet "
                             "regrouped shows as a problem until it finishes: check again then")
        return res
    _opens(res.path)  # a file that is no corpus is refused before a lock file is left beside it
    with write_lock(res.path, on_wait):
        _check(res, judge=judge, progress=progress)
    return res


def _opens(path: Path) -> None:
    """Raise the usual error when ``path`` is no corpus at all; damage is left to the repair."""
    try:
        with Corpus(path, create=False):
            pass
    except StorageError as e:
        if e.kind not in ("damaged", "io", "busy"):
            raise


def _check(res: CheckResult, judge: Callable[[str], Any] | None, progress: bool = False
           ) -> None:
    repair = judge is not None
    damage = _damage(res.path)
    salvaged = False
    if damage:
        if not repair:
            hopeless = beyond_repair(res.path)
            res.findings.append(Finding("file", damage) if hopeless is None else Finding(
                "file", f"the file is too damaged to repair: {hopeless}; restore a backup",
                repairable=False))
            return
        saved = salvage(res.path)
        lost = sum(saved.unreadable.values())
        res.findings.append(Finding("file", damage, fixed=(
            f"copied every readable row into a new file ({lost} unreadable stretch(es) "
            f"skipped); the damaged file is kept as {saved.backup.name}")))
        again = _damage(res.path)
        if again:
            res.findings.append(Finding("file", f"still damaged after the rescue: {again}",
                                        repairable=False))
            return
        salvaged = True
    with Corpus(res.path, create=False) as corpus:
        _contents(res, corpus, judge, salvaged, progress)


def _damage(path: Path) -> str | None:
    """What SQLite's integrity check reports for the file, or None when it is sound."""
    try:
        with Corpus(path, create=False) as corpus:
            found = corpus.integrity(keys=False)  # rows pointing nowhere: the contents pass
    except StorageError as e:
        if e.kind not in ("damaged", "io"):
            raise
        return e.message.split(";")[0]
    if not found:
        return None
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"the file is damaged: {found[0]}{more}"


def _by_one_repair(problems: list[tuple[str, str]], fixed: str | None) -> list[Finding]:
    """Findings that one repair step put right: the first says what it did, the others that the
    same step mended them (the sentence is not printed once per problem)."""
    return [Finding(area, p, fixed if n == 0 or fixed is None else "by the same step")
            for n, (area, p) in enumerate(problems)]


_MENDED = {"articles": "read the ranges again from the stored text",
           "calibration": "removed it (divergence calibrate sets a threshold again)",
           "text": "stored it as text"}


def _contents(res: CheckResult, corpus: Corpus, judge: Callable[[str], Any] | None,
              salvaged: bool = False, progress: bool = False) -> None:
    """Whole articles, grouping, verdicts and index, repaired in that order when asked."""
    repair = judge is not None
    lost = corpus.claims_lost(decode=True)  # before a repair forgets the grouping naming them
    orphans = corpus.integrity(structure=False)  # its pages passed ``_damage``
    if orphans:
        fixed = f"removed {corpus.drop_orphans()} row(s)" if repair else None
        res.findings += _by_one_repair([("articles", p) for p in orphans], fixed)
    rows = corpus.row_problems()
    if rows and repair:
        corpus.mend_rows()
    res.findings += [Finding(area, p, _MENDED[area] if repair else None) for area, p in rows]
    problems = [("vectors", p) for p in corpus.vector_problems()]
    broken = corpus.incomplete_articles(empty=salvaged, lost=lost)
    if broken and not problems:
        problems = [("articles", f"{len(broken)} article(s) lost claims or vectors")]
    stuck = False  # vectors a repair could not put right: no regroup over them
    if problems:
        fixed = None
        if repair:
            done = []
            if mended := corpus.mend_sizes():  # whole vectors with a wrong note of their size
                done.append(f"mended the size noted for {mended} whole vector(s)")
            told = _store_again(corpus, broken, res.notes, progress) if broken else ""
            done += [told] if told else []
            stuck = told is None or bool(corpus.vector_problems())
            fixed = "; ".join(done) if not stuck else None
            if stuck and told is not None:
                res.notes.append("no vector agrees with the size noted with it, so the damaged "
                                 "cannot be told from the intact: add the articles to a new "
                                 "corpus, or restore a backup")
        res.findings += _by_one_repair(problems, fixed)
    grouping = corpus.grouping_problems()
    if grouping:
        fixed = None
        if repair and judge is not None and not stuck:
            from .ops import regroup_corpus

            regroup_corpus(corpus, judge(corpus.model or ""), progress=progress)
            left = corpus.grouping_problems()
            fixed = "regrouped the corpus" if not left else None
        hint = "" if fixed or repair else _LOST_HINT if lost else _GROUP_HINT
        res.findings += _by_one_repair([("grouping", p + hint) for p in grouping], fixed)
    log, head = corpus.verify_verdicts()
    res.findings += [Finding("verdicts", p, repairable=False)  # never "repaired": see verify
                     for p in log if "trigger" not in p]
    res.notes += [p for p in log if "trigger" in p]
    if head:
        res.notes.append(f"verdict log head {head}")
    _index(res, corpus, repair)


def _store_again(corpus: Corpus, broken: list[str], notes: list[str], progress: bool = False
                 ) -> str | None:
    """Split and embed the articles that lost claims or vectors again from their stored text,
    with the embedder the corpus's vectors came from, and store them in place of their rows in
    one transaction. Only where the stored text is shown whole (``_whole``); the others, and
    all of them when that embedder cannot be had, are removed, after their stored text and
    metadata are saved as a feed beside the corpus (``add`` reads it). A write that fails
    changes nothing (None: not repaired). What was done, as the finding's repair."""
    import sqlite3

    from ..ingest.split import embedding_text, split

    lost = corpus.articles_of(broken)
    kept: dict[str, list[Any]] = {a.id: [] for a in lost}  # the claims that survived
    for c in corpus.claims():
        if c.article_id in kept:
            kept[c.article_id].append(c)
    fresh = {a.id: split(a) for a in lost}
    again = [a for a in lost if _whole(a, kept[a.id], fresh[a.id])]
    if len(again) < len(lost):
        notes.append(f"the stored text of {len(lost) - len(again)} incomplete article(s) does "
                     "not give back the claims that survived, so they were not split again")
    done = []
    if again:
        try:
            claims = [c for a in again for c in fresh[a.id]]
            vectors = _embed_again(corpus, claims, embedding_text, progress)
        except (DivergenceError, OSError, ValueError) as e:  # no embedder here: nothing stored
            notes.append(f"the incomplete articles were not embedded again: {e}")
            again = []
        else:
            try:
                corpus.restore_articles(again, claims, vectors)
            except (sqlite3.Error, DivergenceError, OSError) as e:  # rolled back: unchanged
                notes.append(f"the incomplete articles could not be stored again, and were left "
                             f"as they were: {e}")
                return None
            done.append(f"split and embedded again {_named(again)}")
    stored = {a.id for a in again}
    gone = [a for a in lost if a.id not in stored]
    if gone:
        try:
            saved = _save_removed(corpus, gone)
        except OSError as e:
            notes.append(f"the incomplete articles could not be saved before removal ({e}), so "
                         "they were left as they were")
            return "; ".join(done) or None
        corpus.drop_articles([a.id for a in gone])
        done.append(f"removed {_named(gone)}, saved first to {saved.name}: add it to store "
                    "them again")
    return "; ".join(done)


def _save_removed(corpus: Corpus, articles: list[Any]) -> Path:
    """The articles a repair removes, as a JSON Lines feed beside the corpus
    (``<corpus>.removed-<UTC time>.jsonl``): their stored text and metadata, ids kept, so
    ``divergence add`` stores them again."""
    import datetime as dt

    from ..ingest.files import atomic_write, dumps_jsonl

    when = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    path = Path(f"{corpus.path}.removed-{when}.jsonl")
    rows = ({k: v for k, v in (("id", a.id), ("text", a.text), ("source", a.source),
                                ("wire", a.wire), ("date", a.date), ("title", a.title),
                                ("url", a.url)) if v} for a in articles)
    return atomic_write(path, dumps_jsonl(rows))


def _whole(article: Any, kept: list[Any], claims: list[Any]) -> bool:
    """Whether ``article``'s stored text is shown whole: its id is the hash of it (a plain
    text's default id); or some claims of it survived and every one comes again from its split,
    word for word at the same place, and its body ranges lie inside it; or no claim survived
    and it gives none (an article without claims lost nothing)."""
    from ..ingest.io import article_id

    if article_id(article.text) == article.id:
        return True
    if not kept:
        return not claims
    new = {c.id: (c.text, c.start, c.end) for c in claims}
    return (all(new.get(c.id) == (c.text, c.start, c.end) for c in kept)
            and all(end <= len(article.text) for _, end in article.body))


def _embed_again(corpus: Corpus, claims: list[Any], text: Callable[[Any], str],
                 progress: bool = False) -> Any:
    """The vectors of ``claims`` (row i for ``claims[i]``) from the embedder the corpus names;
    a sentence-transformers model ONNX cannot run is run with torch."""
    from ..embed import embed, embedder_named
    from ..progress import bar

    emb = embedder_named(corpus.model or "")
    if emb is None:
        raise DivergenceError(f"the corpus names no built-in embedder ({corpus.model or 'none'})")
    corpus.check_model(corpus.model or "", getattr(emb, "fingerprint", None),
                       remedy="restore the model folder the corpus was embedded with, or "
                       "re-embed the stored claims with `divergence add PATHS --reembed`")
    texts = [text(c) for c in claims]
    with bar(len(texts), "embedding again", progress, "claim") as tick:
        try:
            return embed(texts, emb, on_progress=tick)
        except DivergenceError:
            torch = embedder_named(corpus.model or "", backend="torch")  # the same vectors
            if getattr(emb, "backend", None) != "onnx" or torch is None:
                raise
            return embed(texts, torch, on_progress=tick)


def _named(articles: list[Any]) -> str:
    """"3 incomplete article(s) (a.txt, b.txt, c.txt)", the first five named."""
    names = [a.path or a.id for a in articles]
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return f"{len(names)} incomplete article(s) ({', '.join(names[:5])}{more})"


def _index(res: CheckResult, corpus: Corpus, repair: bool) -> None:
    """The saved HNSW index beside the file: built from the claims as they stand?"""
    from .ann import IndexFile, corpus_key, has_faiss
    from .score import load_or_build

    f = IndexFile(res.path, "hnsw")
    if not (f.path.exists() or f.sidecar.exists() or f.rows.exists()):
        return
    if f.is_fresh(corpus_key(corpus, "hnsw")) and f.rows.exists():
        return
    fixed = None
    if repair:
        if has_faiss() and corpus.n_claims():
            load_or_build(res.path, "hnsw", corpus)
            fixed = "rebuilt it"
        else:
            for p in (f.path, f.sidecar, f.rows):
                p.unlink(missing_ok=True)
            fixed = "removed it (score builds it again when needed)"
    res.findings.append(Finding("index", f"the saved neighbour index {f.path.name} was built "
                                "from other claims than the stored ones", fixed))
