"""`divergence bench embed`: embedding speed and fidelity per backend, measured side by side."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .app import (
    MODEL_OPTION,
    clean_errors,
    exit_with,
    main,
    read_inputs,
    refuse_folder_output,
    refuse_overwrite,
)


@main.group()
def bench() -> None:
    """Measure the tool itself on this machine."""


@bench.command("embed")
@click.argument("paths", nargs=-1)
@click.option("--sentences", "sentence_file", type=click.Path(exists=True, dir_okay=False),
              default=None, help="A text file with one sentence per line (instead of, or besides, "
                                 "articles).")
@click.option("--sick", type=click.IntRange(min=0), default=2000, show_default=True,
              help="Also embed up to N SICK test sentences when the benchmark folder is found "
                   "(0: none).")
@click.option("--bench-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding sick/ [default: $DIVERGENCE_BENCH, else ../shared/bench].")
@click.option("--backends", default="torch,onnx,onnx-int8", show_default=True,
              help="Comma-separated backends to measure; cosine is to torch when it is included.")
@click.option("--runs", type=click.IntRange(min=1), default=3, show_default=True,
              help="Passes per backend, taking turns; the median counts.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Embed at most N sentences.")
@click.option("--no-cold-start", is_flag=True,
              help="Skip timing a fresh process per backend.")
@MODEL_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A markdown table for people, JSON for programs.")
@click.option("-o", "--output", default=None, metavar="PATH",
              help="Also write the JSON here; - prints only the JSON, on stdout.")
@clean_errors
def embed(paths: tuple[str, ...], sentence_file: str | None, sick: int, bench_dir: str | None,
          backends: str, runs: int, limit: int | None, no_cold_start: bool, model: str, fmt: str,
          output: str | None) -> None:
    """Sentences per second, share of the fp32 arithmetic limit and cosine to torch fp32, for
    each embedding backend (torch, onnx, onnx-int8), over the sentences of PATHS.

    PATHS are articles in any format `divergence report` reads (default: seeds/ when present);
    SICK test sentences are added when the benchmark folder is found. ONNX files are built on
    first use. Progress goes to stderr.

    \b
    Examples:
      divergence bench embed seeds/
      divergence bench embed --sentences lines.txt --sick 0 --backends onnx,onnx-int8
      divergence bench embed seeds/ --format json -o embed.json
    """
    from ..embed.bench import bench_embed, format_table, sentences_of, sick_sentences
    from ..embed.models import BACKENDS
    from ..evaluate.loaders import default_root
    from ..ingest.io import atomic_write

    names = [b.strip() for b in backends.split(",") if b.strip()]
    if not names:
        raise click.UsageError("no backends: give --backends as a comma-separated list "
                               "(torch,onnx,onnx-int8)")
    unknown = [b for b in names if b not in BACKENDS]
    if unknown:
        raise click.UsageError(f"unknown backend {', '.join(map(repr, unknown))} in --backends; "
                               f"choose from {', '.join(BACKENDS)}")
    refuse_folder_output(output)
    if not paths and not sentence_file and Path("seeds").is_dir():
        paths = ("seeds",)
    if output not in (None, "-"):
        refuse_overwrite([output], [*paths, *([sentence_file] if sentence_file else [])])
    # unreadable inputs are warned about, one line each, as report does
    texts: list[str] = sentences_of(read_inputs(paths, False)[0]) if paths else []
    if sentence_file:
        raw = Path(sentence_file).read_bytes()
        try:
            lines = raw.decode("utf-8").splitlines()
        except UnicodeDecodeError as e:
            line = raw.count(b"\n", 0, e.start) + 1
            exit_with(f"{sentence_file}:{line}: not UTF-8 text (byte {e.start:,}); give one "
                      "sentence a line in UTF-8")
        texts += [s.strip() for s in lines if s.strip()]
    root = Path(bench_dir) if bench_dir else default_root()
    texts += sick_sentences(root, sick)
    texts = list(dict.fromkeys(texts))[:limit]
    if not texts:
        exit_with(f"no sentences in {sentence_file}: give one sentence a line" if sentence_file
                  else "no sentences: give article PATHS or --sentences FILE (or run where "
                  "seeds/ is)")
    click.echo(f"divergence: {len(texts)} sentences, backends {', '.join(names)}", err=True)
    res = bench_embed(texts, names, model=model, runs=runs, cold=not no_cold_start,
                      on_progress=lambda s: click.echo(f"divergence: {s}", err=True))
    doc = json.dumps(res, indent=2) + "\n"
    if output == "-":
        click.echo(doc, nl=False)
        return
    if output:
        atomic_write(output, doc)
        click.echo(f"wrote {output}", err=True)
    click.echo(doc.rstrip("\n") if fmt == "json" else format_table(res))
