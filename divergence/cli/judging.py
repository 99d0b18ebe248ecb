"""`divergence compare` and `divergence eval`: the judge on one pair, or on a benchmark."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .app import (
    BACKEND_OPTION,
    EMBEDDER_OPTION,
    JUDGE_KEY,
    MODEL_OPTION,
    build_embedder,
    build_judge,
    clean_errors,
    exit_with,
    judge_options,
    main,
    open_cache,
    refuse_folder_output,
)


@main.command()
@click.argument("text_a")
@click.argument("text_b")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Plain text for people, JSON for programs.")
@MODEL_OPTION
@BACKEND_OPTION
@EMBEDDER_OPTION
@judge_options
@clean_errors
def compare(text_a: str, text_b: str, fmt: str, model: str, backend: str, embedder: str,
            nli: str | None, rules_only: bool) -> None:
    """Judge one pair of statements: agree, conflict or neither, with reasons.

    The same judge the report uses. Attribution is read from each text, so "Trump said the
    ceasefire was mediated by Washington" and "New Delhi denied that the ceasefire was mediated
    by Washington" are a dispute between two actors. A statement of several claims ("The army
    shelled the town, saying rebels fired first") is judged claim by claim; the pair that
    decides (a conflict first, then the surest agreement) is shown. A statement holds at most
    100 claims: compare whole articles with divergence report. One statement given as - is
    read from stdin.

    \b
    Examples:
      divergence compare "Five soldiers died on Friday." "Six soldiers died on Saturday."
      divergence compare "The truce was brokered by Qatar." "The truce was a bilateral matter."
      divergence compare "Stocks rose on Monday." "Stocks fell on Monday." --format json
    """
    from ..compare import compare_texts, format_comparison

    if text_a == text_b == "-":
        raise click.BadParameter("only one statement can be read from stdin (-)")
    if "-" in (text_a, text_b):
        try:
            given = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError as e:
            raise click.BadParameter(f"stdin is not UTF-8 text (byte {e.start:,})") from None
        text_a, text_b = (given if t == "-" else t for t in (text_a, text_b))
    if not text_a.strip() or not text_b.strip():
        raise click.BadParameter("both statements must be non-empty")
    for name, text in (("A", text_a), ("B", text_b)):
        if not mostly_latin(text):
            click.echo(f"divergence: warning: statement {name} is not English prose; divergence "
                       "reads English, so this judgement means little", err=True)
    emb = build_embedder(model, embedder, backend)
    res = compare_texts(text_a, text_b, emb, build_judge(emb, nli, rules_only))
    click.echo(format_comparison(res, fmt))


def mostly_latin(text: str) -> bool:
    """Whether most of a text's letters are Latin ones (English or not: a cheap first sign)."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters)
    return bool(letters) and latin >= 0.5 * len(letters)


@main.command("eval")
@click.argument("bench", type=click.Choice(["sick", "fnc1", "emergent", "ecbplus", "newsdev",
                                           "mnli", "anli"]))
@click.option("--split", default="test", show_default=True,
              help="Which split to score: test (the default), or train/trial/dev/all where the "
                   "benchmark has them.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first N items (quick checks); for newsdev, the first N "
                   "events.")
@click.option("--bench-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding sick/, fnc1/, emergent/, ecbplus/ (and nli/ beside it for "
                   "mnli and anli) [default: $DIVERGENCE_BENCH, else ../shared/bench when "
                   "present; newsdev: tests/data/newsdev].")
@click.option("-o", "--output", default=None, metavar="PATH",
              help="Where to write the JSON results, - for stdout (the table then goes to "
                   "stderr) [default: reports/eval-BENCH-SPLIT.json].")
@MODEL_OPTION
@BACKEND_OPTION
@EMBEDDER_OPTION
@judge_options
@click.option("-q", "--quiet", is_flag=True, help="Only write the JSON; print nothing.")
@clean_errors
def evaluate(bench: str, split: str, limit: int | None, bench_dir: str | None,
             output: str | None, model: str, backend: str, embedder: str, nli: str | None,
             rules_only: bool, quiet: bool) -> None:
    """Score the judge (or, for ecbplus, the event grouping) on a public labelled benchmark.

    \b
    sick      SICK sentence pairs: CONTRADICTION/ENTAILMENT/NEUTRAL -> conflict/agree/neither
    fnc1      FNC-1 competition test: headline vs body, with the official FNC score
    emergent  Emergent claim vs article headline: for/against/observing
    ecbplus   ECB+ documents grouped into events: B-cubed and ARI, topic and event level
    newsdev   the project's real-news set (tests/data/newsdev): the judge on the gold pairs and
              the whole report over the articles; P/R/F1 per label, conflict recall per type
    mnli      MultiNLI dev_mismatched (--split test) with the NLI model alone: 3-way accuracy
    anli      ANLI R1-R3 dev (--split test, or r1/r2/r3) with the NLI model alone

    Prints per-class precision, recall and F1, the confusion matrix, the benchmark's own metric
    and the time per pair, and writes the same as JSON.

    \b
    Examples:
      divergence eval sick
      divergence eval emergent --split test --limit 100
      divergence eval ecbplus --bench-dir /data/bench -o results/ecb.json
      divergence eval newsdev --split dev --judge classifier
      divergence eval mnli --bench-dir ../shared/nli
    """
    import json

    from ..embed import EmbeddingCache
    from ..evaluate.evals import format_result, run_eval
    from ..evaluate.loaders import default_root
    from ..ingest.io import atomic_write

    refuse_folder_output(output)
    ctx = click.get_current_context()
    if bench in ("mnli", "anli") and (rules_only or ctx.meta.get(JUDGE_KEY) not in (None, "nli")):
        click.echo(f"divergence: note: {bench} scores the NLI model alone (--nli, else the "
                   "shipped one); --judge and --rules-only are not used", err=True)
    if bench == "newsdev":
        from ..evaluate.newsdev import default_root as newsdev_root

        root = Path(bench_dir) if bench_dir else newsdev_root()
        if root is not None and (root / "newsdev").is_dir():
            root = root / "newsdev"
    else:
        root = Path(bench_dir) if bench_dir else default_root()
    if root is None or not root.is_dir():
        given = (f"--bench-dir {bench_dir}" if bench_dir else
                 f"$DIVERGENCE_BENCH={os.environ['DIVERGENCE_BENCH']}"
                 if os.environ.get("DIVERGENCE_BENCH") else None)
        exit_with(f"no benchmark folder: {given} is no folder" if given and root is not None else
                  "no benchmark folder: pass --bench-dir PATH or set DIVERGENCE_BENCH")
    if output not in (None, "-") and Path(output).resolve().is_file() and Path(
            output).resolve().is_relative_to(root.resolve()):
        raise click.UsageError(f"-o would write {output} over a file of the benchmark folder "
                               f"{root}; choose another output name")
    emb = build_embedder(model, embedder, backend)
    res = run_eval(bench, root, split, build_judge(emb, nli, rules_only), emb,
                   open_cache(EmbeddingCache, None), limit=limit)
    doc = json.dumps(res, indent=2, ensure_ascii=False) + "\n"
    if output == "-":
        if not quiet:
            click.echo(format_result(res), err=True)
        click.echo(doc, nl=False)
        return
    out = Path(output) if output else Path("reports") / f"eval-{bench}-{split}.json"
    atomic_write(out, doc)
    if not quiet:
        click.echo(format_result(res))
        click.echo(f"wrote {out}", err=True)
