"""`divergence add` and `divergence score`: grow a corpus, score a new article against it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .app import (
    BACKEND_OPTION,
    CACHE_DIR_OPTION,
    DB_OPTION,
    EMBEDDER_OPTION,
    INTERRUPTED,
    MAX_ARTICLE_SIZE_OPTION,
    MODEL_OPTION,
    NO_CACHE_OPTION,
    QUIET_OPTION,
    REEMBED_OPTION,
    article_limit,
    build_embedder,
    build_judge,
    clean_errors,
    echo_out,
    exit_with,
    judge_options,
    main,
    open_cache,
    progress_bar,
    read_inputs,
    resolve_db_path,
    say,
    warn_no_claims,
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@MODEL_OPTION
@BACKEND_OPTION
@EMBEDDER_OPTION
@CACHE_DIR_OPTION
@NO_CACHE_OPTION
@REEMBED_OPTION
@click.option("--strict", is_flag=True,
              help="Fail (exit 1) if any input article is left unread (a repeat or a "
                   "word-for-word copy, read once, is not).")
@MAX_ARTICLE_SIZE_OPTION
@click.option("--batch", type=click.IntRange(min=1), default=32, hidden=True,
              help="Articles per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@judge_options
@clean_errors
def add(paths: tuple[str, ...], db: str | None, model: str, backend: str,
        embedder: str, cache_dir: str | None, no_cache: bool, reembed: bool, strict: bool,
        max_article_size: int | None, batch: int, quiet: bool, nli: str | None,
        rules_only: bool) -> None:
    """Add the articles in PATHS to a corpus database, then regroup the corpus.

    Articles already stored (same content hash) are skipped and counted. Articles, claims,
    vectors (with the model name) and the grouping are stored in SQLite; each batch of
    articles is one transaction, so an interrupted run leaves a consistent database and the
    next run adds the rest. Two adds on one database take turns: the second waits (saying so
    on stderr) until the first has stored and regrouped, so the grouping always covers every
    stored claim; a grouping found missing claims, or made by another judge or version
    (the grouping records its judge), is redone. Check a corpus with divergence check.

    \b
    Examples:
      divergence add seeds/
      divergence add today/ --db news.db
      DIVERGENCE_DB=news.db divergence add feed.jsonl -q
    Exit codes: 0 ok, 1 error or (with --strict) a skipped input, 2 usage.
    """
    from ..corpus.ops import (
        add_articles,
        ensure_model,
        judge_identity,
        keep_lost_in_sight,
        regroup_corpus,
    )
    from ..corpus.store import Corpus
    from ..embed import EmbeddingCache

    emb = build_embedder(model, embedder, backend)
    with article_limit(max_article_size):
        articles, _ = read_inputs(paths, strict)
    cache = None if no_cache else open_cache(EmbeddingCache, cache_dir)
    path = resolve_db_path(db)
    try:
        with Corpus(path) as corpus, corpus.writing(on_wait=_waiting(path)):
            keep_lost_in_sight(corpus, "adding")  # before any progress is shown
            if ensure_model(corpus, emb, cache, reembed) and not quiet:
                click.echo(f"divergence: re-embedded the stored claims with {emb.name}",
                           err=True)
            with progress_bar(len(articles), "adding", not quiet) as tick:
                res = add_articles(corpus, articles, emb, cache, batch=batch, on_progress=tick)
            warn_no_claims(res.without_claims)
            if res.present:
                click.echo(f"divergence: {res.present} article(s) already in the corpus; "
                           "skipped", err=True)
            judge = build_judge(emb, nli, rules_only)
            if res.added or not corpus.grouping_current(judge_identity(judge)):
                if not res.added and not quiet:
                    why = ("misses some claims" if not corpus.grouping_current()
                           else "was made by another judge or version")
                    click.echo(f"divergence: the stored grouping {why}; regrouping", err=True)
                regroup_corpus(corpus, judge, progress=not quiet)
            if not quiet:
                click.echo(f"added {res.added} article(s), {res.claims} claims to {path}; "
                           f"the corpus holds {len(corpus)} article(s)", err=True)
    except KeyboardInterrupt:
        click.echo(f"divergence: interrupted; {_corpus_state(path)}", err=True)
        sys.exit(INTERRUPTED)


def _corpus_state(path: Path) -> str:
    """What an interrupted add left in the corpus at ``path``, and what to do about it. Each
    batch of articles is one transaction, so the stored ones are whole; the grouping is saved
    last, so it may not cover them yet."""
    import sqlite3

    from ..corpus.store import Corpus
    from ..errors import DivergenceError

    if not path.exists():
        return f"nothing was stored in {path}"
    try:
        with Corpus(path, create=False) as corpus:
            n, grouped = len(corpus), corpus.grouping_current()
        held = f"{n} article(s)"
    except (DivergenceError, OSError, sqlite3.Error):  # the advice below holds either way
        held, grouped = "the articles", False
    if grouped:
        return (f"{path} holds {held} in all, grouped; run add again to add the articles not "
                "stored yet")
    return (f"{path} holds {held} in all, the last ones not yet grouped; run add again (or "
            f"divergence check --repair --db {path}) to group them")


@main.command()
@click.argument("article")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md",
              show_default=True, help="Markdown for people, one JSON document for programs.")
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True,
              help="Closest corpus claims to judge per claim.")
@click.option("--fail-on-conflict", is_flag=True,
              help="Exit with code 3 when the article raises a flagged conflict (not one "
                   "a reviewer dismissed, nor one under the calibrated threshold).")
@click.option("--add", "add_after", is_flag=True,
              help="Store the article in the corpus afterwards (as add does).")
@MODEL_OPTION
@BACKEND_OPTION
@EMBEDDER_OPTION
@CACHE_DIR_OPTION
@NO_CACHE_OPTION
@REEMBED_OPTION
@MAX_ARTICLE_SIZE_OPTION
@click.option("--index", type=click.Choice(["auto", "exact", "hnsw"]), default="auto",
              show_default=True,
              help="Neighbour search: exact (numpy), hnsw (FAISS, needs divergence[ann]; built "
                   "once, saved next to the database, rebuilt when stale), or auto (hnsw from "
                   "50,000 stored claims when FAISS is installed).")
@judge_options
@QUIET_OPTION
@clean_errors
def score(article: str, db: str | None, fmt: str, top: int, fail_on_conflict: bool,
          add_after: bool, model: str, backend: str, embedder: str, cache_dir: str | None,
          no_cache: bool, reembed: bool, max_article_size: int | None, index: str,
          nli: str | None, rules_only: bool) -> None:
    """Score ARTICLE (a file, or - for stdin) against the stored corpus.

    Per claim: the closest corpus claims with their sources and labels, and support,
    contradiction and novelty scores. Per article: the events it matches, the share of novel
    claims and the conflicts it raises, with reasons. Only ARTICLE is embedded; the corpus is
    not regrouped. Reviewers' verdicts apply: a conflict that repeats a reviewed one (the new
    claim takes one side of a decided dispute) carries that verdict, and a dismissed, unrelated
    or agree verdict sets it aside; so does the calibrated threshold (divergence calibrate).

    \b
    Examples:
      divergence score today.txt
      divergence score today.txt --db news.db --format json | jq .conflicts
      divergence score today.txt --fail-on-conflict --add
    Exit codes: 0 ok, 1 error, 2 usage, 3 a conflict was found (with --fail-on-conflict).
    """
    from ..corpus.ops import add_articles, ensure_model, judge_identity, regroup_corpus
    from ..corpus.score import score as score_article
    from ..corpus.store import Corpus
    from ..embed import EmbeddingCache
    from ..ingest.io import load
    from ..report.score import render_score_json, render_score_markdown

    emb = build_embedder(model, embedder, backend)
    with article_limit(max_article_size):
        articles, skipped = load([article], stdin=getattr(sys.stdin, "buffer", None))
    if not articles:
        where, why = (skipped[0].where, skipped[0].why) if skipped else (article, "no text")
        exit_with(f"cannot score {where}: {why}")
    if len(articles) > 1:
        exit_with(f"{article} holds {len(articles)} articles; score one at a time")
    cache = None if no_cache else open_cache(EmbeddingCache, cache_dir)
    with Corpus(resolve_db_path(db), create=False) as corpus:
        _lost_before_scoring(corpus, add_after)
        ensure_model(corpus, emb, cache, reembed)
        judge = build_judge(emb, nli, rules_only)
        if len(corpus) and not corpus.grouping_current(judge_identity(judge)):
            click.echo("divergence: note: the stored grouping is out of date (claims added "
                       "since, or another judge or version made it); its events and sides are "
                       "used as they are; divergence report --db regroups it",
                       err=True)
        res = score_article(articles[0], corpus, emb, judge, cache, k=top,
                            index=_index(index, corpus, resolve_db_path(db)))
        warn_no_claims([] if res.claims else [articles[0].path])
        render = render_score_json if fmt == "json" else render_score_markdown
        echo_out(render(res))  # a closed pipe must not skip the add or the exit code
        if add_after:
            with corpus.writing(on_wait=_waiting(resolve_db_path(db))):
                added = add_articles(corpus, articles, emb, cache).added
                if added or not corpus.grouping_current(judge_identity(judge)):
                    regroup_corpus(corpus, judge)
            say(f"divergence: {'added' if added else 'already stored:'} {articles[0].path}")
    if fail_on_conflict and res.flagged:
        sys.exit(3)


def _lost_before_scoring(corpus: Any, add_after: bool) -> None:
    """Claims lost to damage: with ``--add``, refuse before a score is shown (the add would be
    refused after it, exit 1 hiding --fail-on-conflict's 3); else warn that the score cannot
    see them."""
    from ..corpus.ops import keep_lost_in_sight, repair_command

    if add_after:
        keep_lost_in_sight(corpus, "adding")
    elif lost := corpus.claims_lost():
        click.echo(f"divergence: warning: {len(lost)} stored article(s) lost claims to damage, "
                   f"which the score cannot see; run {repair_command(corpus)}", err=True)


def _index(name: str, corpus: Any, db_path: Path) -> Any:
    """The neighbour search over the whole stored corpus, by name ("auto" picks by size)."""
    from ..corpus.ann import choose_index
    from ..corpus.score import load_or_build

    if name == "auto":
        name = choose_index(corpus.n_claims())
    if name == "exact" or not corpus.n_claims():
        return None  # score() fits exact search itself
    return load_or_build(db_path, name, corpus)


def _waiting(path: Path) -> Any:
    """The message shown while another process writes to the corpus."""

    def say() -> None:
        click.echo(f"divergence: {path} is being written by another process; waiting for it "
                   "to finish", err=True)

    return say
