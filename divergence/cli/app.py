"""The CLI's shared parts: the command group, clean error handling, common options and helpers.

Command modules (report, judging, corpus, review) register on ``main``; heavy libraries load only
inside commands.
"""

from __future__ import annotations

import errno
import functools
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from ..errors import DivergenceError

FORMATS = ("md", "html", "json")  # report.FORMATS, spelt out so --help imports nothing heavy


def exit_with(msg: str) -> NoReturn:
    click.echo(f"divergence: error: {msg}", err=True)
    sys.exit(1)


def refuse_folder_output(output: str | None) -> None:
    """``-o FILE`` naming a folder fails before minutes of work, not after them."""
    if output not in (None, "-") and Path(output).is_dir():
        exit_with(f"{output}: is a folder; give -o a file name")


def refuse_overwrite(outputs: Iterable[str | Path], reads: Iterable[str | Path]) -> None:
    """An output that is a file this run reads (an input article, a file a folder input would
    read, stdin's file, the corpus or its journal files) is a usage error before anything is
    read: ``report feed.json -o feed`` wrote the report over its own input, ``verdicts export
    -o corpus.db`` over the corpus. A report of an earlier run is replaced as before."""
    import os

    from ..ingest.files import STDIN_FILE
    from ..ingest.io import own_output_file, picked

    files: set[str] = set()
    folders: list[Path] = []
    for r in reads:
        p = Path(STDIN_FILE if str(r) == "-" else r)
        if p.is_dir():
            folders.append(Path(os.path.realpath(p)))
        elif str(r) != "-" or p.resolve().is_file():
            files |= {os.path.realpath(f"{p}{x}") for x in ("", "-wal", "-shm", "-journal",
                                                            ".lock")}

    for out in outputs:
        if str(out) == "-":
            continue
        real = os.path.realpath(out)  # and as named: a link in a folder input is read there
        named = Path(os.path.realpath(os.path.dirname(os.path.abspath(out)))) / Path(out).name
        read = real in files or (os.path.isfile(real) and any(
            p.is_relative_to(f) and picked(p, f) for p in {Path(real), named} for f in folders))
        if read and not own_output_file(Path(real)):
            raise click.UsageError(f"-o would write {out} over a file this run reads; choose "
                                   "another output name")


def clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Bad input or a failed read or write: one line on stderr and exit 1, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DivergenceError as e:
            exit_with(str(e))
        except BrokenPipeError as e:
            if e.filename is not None:  # a named pipe given as a path: a failed write like any
                exit_with(_os_message(e))
            reader_gone()
        except OSError as e:
            exit_with(_os_message(e))
        except sqlite3.Error as e:  # a storage fault outside the corpus (the embedding cache)
            from ..corpus.sqlite_guard import storage_error

            err = storage_error(e, None)
            if err is None:
                raise
            exit_with(str(err))
        except KeyboardInterrupt:
            click.echo("divergence: interrupted; files written so far are complete", err=True)
            sys.exit(INTERRUPTED)

    return wrapper


def checked(check: Callable[[str], Any]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback running a ``textsafe`` check: its message becomes a usage error (exit 2),
    the same for every command that takes the value."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
        if value is None:
            return None
        try:
            return check(value)
        except DivergenceError as e:
            raise click.BadParameter(str(e), ctx=ctx, param=param) from None

    return callback


def _check_reviewer(value: str) -> str:
    from ..ingest.textsafe import check_reviewer

    return check_reviewer(value)


def echo_out(text: str, nl: bool = True) -> None:
    """Write ``text`` to stdout for a command with work left after it (``score --add`` stores
    the article, ``--fail-on-conflict`` sets the exit code): a reader that has closed the pipe
    stops the output, not the work."""
    try:
        click.echo(text, nl=nl)
    except BrokenPipeError:
        mute_stdout()


def reader_gone() -> NoReturn:
    """Stdout's reader closed the pipe (``| head``, ``| true``): it wants no more, which is no
    error. Leave quietly with exit 0, as when the reader closes it after the last write."""
    mute_stdout()
    sys.exit(0)


def mute_stdout() -> None:
    """Point stdout at the null device, so that flushing what is still buffered for a reader
    that has gone cannot fail again at shutdown ("Exception ignored", exit 120)."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real file behind stdout (a test runner's buffer)
        pass


def _os_message(e: OSError) -> str:
    """``path: what went wrong`` for a failed read or write."""
    where = f"{e.filename}: " if e.filename else ""
    if not where and e.errno == errno.EBADF:  # stdout closed (>&-): its stand-in refuses data
        return "cannot write the output: standard output is closed"
    if isinstance(e, (FileExistsError, NotADirectoryError)):
        return f"{where}is a file where a folder is needed; move it or choose another path"
    return f"{where}{e.strerror or e}"


def parse_formats(ctx: click.Context | None, param: click.Parameter | None,
                  value: str) -> list[str]:
    """Parse ``--format md,json`` into a list; a bad name is a usage error (exit 2)."""
    out = list(dict.fromkeys(f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()))
    known = FORMATS
    if any(f not in known for f in out):  # maybe a plugin's renderer: ask the registry
        from ..report import RENDERERS

        known = FORMATS + tuple(n for n in RENDERERS.names() if n not in FORMATS)
    bad = [f for f in out if f not in known]
    if bad or not out:
        shown = ", ".join(map(repr, bad)) if bad else repr(value)
        raise click.BadParameter(f"{shown} is not a report format; choose from "
                                 f"{', '.join(known)} (comma-separated, e.g. md,json)",
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


INTERRUPTED = 130


def run() -> None:
    """The ``divergence`` command: ``main`` with fewer collector pauses
    (``gil.fewer_collections``), and after an interrupt, leave at once. Every file
    and transaction is closed by then; what is left is the interpreter's own shutdown, in which
    the model runtime's native worker threads could abort the process ("terminate called without
    an active exception", exit 134 instead of 130)."""
    import contextlib
    import os

    from ..gil import fewer_collections
    from .streams import forgiving_stderr, stand_in_for_closed_streams

    fewer_collections()
    stand_in_for_closed_streams()
    forgiving_stderr()  # a reader of the progress that has gone stops the progress, not the job
    try:
        _standalone()
    except SystemExit as e:
        if e.code != INTERRUPTED:
            try:  # flush here, not at shutdown, where a closed pipe is an "Exception ignored"
                sys.stdout.flush()
            except OSError:  # a reader gone, a closed stdout: what is left goes nowhere
                mute_stdout()
            except ValueError:
                pass
            raise
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe
                stream.flush()
        os._exit(INTERRUPTED)


def _standalone() -> None:
    """``main`` in click's standalone mode, except that a reader who closed stdout before
    ``--help`` or ``--version`` was printed is no error: click exits 1 there, after wrapping
    ``sys.stdout`` (the one place it replaces it); exit 0 quietly, as every command does."""
    out = sys.stdout
    try:
        main()
    except SystemExit as e:
        if e.code == 1 and sys.stdout is not out:
            sys.stdout = out
            reader_gone()
        raise
    except OSError as e:  # --help or --version to a full disk: click's own writes, unwrapped
        why = (_os_message(e) if e.errno == errno.EBADF  # a closed stdout's stand-in
               else f"cannot write the output ({e.strerror or e})")
        print(f"divergence: error: {why}", file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the last resort: a bug, told in one line
        import os

        if os.environ.get("DIVERGENCE_DEBUG"):
            raise
        first = (str(e).splitlines() or [""])[0][:200]
        print(f"divergence: internal error: {type(e).__name__}: {first} (a bug in divergence: "
              "run it again with DIVERGENCE_DEBUG=1 for the traceback, and report it)",
              file=sys.stderr)
        sys.exit(1)


JUDGE_NAMES = ("nli", "classifier", "rules")  # judge.JUDGES, named here to keep start-up light
JUDGE_KEY = "divergence.judge"
_DETECTORS_KEY = "divergence.detectors"
SPLITTER_KEY = "divergence.splitter"


def _remember_judge(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.meta[JUDGE_KEY] = value


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def keep(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        ctx.meta[key] = value

    return keep


QUIET_KEY = "divergence.quiet"
QUIET_OPTION = click.option(
    "-q", "--quiet", is_flag=True, expose_value=False, is_eager=True, callback=_remember(QUIET_KEY),
    help="No status lines on stderr (warnings and errors still show).")


def say(msg: str) -> None:
    """A status line on stderr, which -q silences; warnings and errors use ``click.echo``."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.meta.get(QUIET_KEY):
        click.echo(msg, err=True)


def _names(value: str | None) -> tuple[str, ...] | None:
    return tuple(n.strip() for n in value.split(",") if n.strip()) if value else None


_REGISTRIES = {"splitter": ("divergence.ingest.splitters", "SPLITTERS"),
               "embedder": ("divergence.embed", "EMBEDDERS"),
               "detector": ("divergence.judge.detectors", "DETECTORS")}


def part_name(kind: str, name: str) -> str:
    """``name`` as the registry of ``kind`` holds it (case aside); an unknown name is a usage
    error listing the known ones, as a Choice's is."""
    from importlib import import_module

    module, attr = _REGISTRIES[kind]
    try:
        return str(getattr(import_module(module), attr).canonical(name))
    except DivergenceError as e:
        raise click.BadParameter(str(e)) from None


def _part(kind: str, key: str | None = None) -> Callable[[click.Context, click.Parameter, Any],
                                                          Any]:
    """A callback that checks a part's name when given (not its default), and keeps it in
    ``ctx.meta[key]`` when the option is not passed on."""
    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        given = ctx.get_parameter_source(param.name or "") != click.core.ParameterSource.DEFAULT
        value = part_name(kind, value) if value is not None and given else value
        if key is not None:
            ctx.meta[key] = value
        return value

    return check


def _remember_detectors(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Keep --detectors; one that names none ("", ",") is a usage error, not the default set."""
    names = _names(value)
    if value is not None and not names:
        raise click.BadParameter("name at least one detector (e.g. negation,number), or leave "
                                 "the option out for the judge's own set")
    ctx.meta[_DETECTORS_KEY] = ",".join(part_name("detector", n) for n in names or ()) or None


SPLITTER_OPTION = click.option(
    "--splitter", default=None, metavar="NAME", expose_value=False,  # not eager: --help first
    callback=_part("splitter", SPLITTER_KEY),
    help="How articles are cut into claims: pysbd (the default), regex, or a plugin's "
         "(entry point group divergence.splitters).")


def judge_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--judge, --detectors, --nli and --rules-only: which judge labels pairs of claims."""
    fn = click.option("--detectors", default=None, metavar="NAMES", expose_value=False,
                      callback=_remember_detectors,  # not eager: --help comes first
                      help="The typed detectors the judge runs, comma-separated (e.g. "
                           "negation,number,count); plugins add theirs through the entry point "
                           "group divergence.detectors [default: the judge's own set].")(fn)
    fn = click.option("--rules-only", is_flag=True,
                      help="Judge by the typed detectors and similarity alone (the same as "
                           "--judge rules).")(fn)
    fn = click.option("--nli", default=None, metavar="MODEL_OR_PATH",
                      help="The NLI cross-encoder to judge with instead of the shipped one: a "
                           "folder exported by divergence.judge.nli_onnx, or any "
                           "sentence-transformers CrossEncoder with 3 labels, loaded locally "
                           "(nothing is downloaded).")(fn)
    return click.option("--judge", "judge_name", type=click.Choice(JUDGE_NAMES), default=None,
                        expose_value=False, callback=_remember_judge,  # --help comes first
                        help="Which judge: nli (detectors, frames and the shipped NLI model; "
                             "the default), classifier (detectors and the pair classifier of "
                             "earlier releases), rules (detectors and similarity).")(fn)


def build_judge(emb: Any, nli: str | None, rules_only: bool) -> Any:
    """The judge for an embedder: the one --judge names (default nli), with --nli's model."""
    return judge_for(emb.name, nli, rules_only)


def judge_for(name: str, nli: str | None, rules_only: bool) -> Any:
    """The judge for vectors of the embedder called ``name`` (no model is loaded for it)."""
    from ..judge import DEFAULT_JUDGE, make_judge

    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx else {}
    named = meta.get(JUDGE_KEY)
    if rules_only and named not in (None, "rules"):
        raise click.UsageError(f"--rules-only is --judge rules; it cannot go with --judge {named}")
    kind = "rules" if rules_only else named or DEFAULT_JUDGE
    detectors = _names(meta.get(_DETECTORS_KEY))
    backend = _nli_backend(nli).load() if nli else None  # a bad --nli fails here, not midway
    judge = make_judge(kind, embedder=name, nli=backend, detectors=detectors)
    if kind == "classifier" and getattr(judge, "classifier", 1) is None and name.startswith("st:"):
        click.echo(f"divergence: note: no trained pair classifier for {name}; judging by "
                   "rules (the shipped one fits all-MiniLM-L6-v2)", err=True)
    if kind == "nli" and getattr(judge, "model", 1) is None:
        click.echo("divergence: note: no NLI model in this install; judging by detectors and "
                   "frames alone", err=True)
    return judge


def _nli_backend(nli: str) -> Any:
    """An exported ONNX folder runs in ONNX Runtime; anything else as a CrossEncoder."""
    nli = str(Path(nli).expanduser()) if nli.startswith("~") else nli
    if nli.startswith(("/", ".")) and not Path(nli).exists():
        raise DivergenceError(f"--nli {nli}: no such folder (give a folder exported by "
                              "divergence.judge.nli_onnx, or a CrossEncoder's name or folder)")
    if (Path(nli) / "model.onnx").is_file():
        from ..judge.nli_onnx import OnnxNLI

        return OnnxNLI(nli)
    from ..judge.nli import NLIBackend

    return NLIBackend(nli)


def build_embedder(model: str, embedder: str, backend: str = "torch") -> Any:
    from ..embed import EMBEDDERS

    kwargs: dict[str, Any] = ({"model": model, "backend": backend}
                              if embedder == "sentence-transformers" else {})
    return EMBEDDERS.make(embedder, **kwargs)


DEFAULT_BACKEND = "onnx"  # embed.DEFAULT_BACKEND, spelt out so --help imports nothing heavy
BACKEND_OPTION = click.option(
    "--backend", type=click.Choice(["torch", "onnx", "onnx-int8"]), default=DEFAULT_BACKEND,
    show_default=True,
    help="How the sentence-transformers model runs: onnx (ONNX Runtime, the same vectors as "
         "torch, starts without importing torch); torch; onnx-int8 (quantised, about twice as "
         "fast, cosine ~0.998 to fp32, stored under its own name). The ONNX files are made from "
         "the local model on first use and cached.")


MODEL_OPTION = click.option("--model", default="all-MiniLM-L6-v2", show_default=True,
                            help="sentence-transformers model name or local path.")
EMBEDDER_OPTION = click.option("--embedder", default="sentence-transformers", show_default=True,
                               callback=_part("embedder"),
                               help="Embedder by name: sentence-transformers, or hashing (fast, "
                                    "for dry runs).")
MAX_ARTICLE_SIZE_OPTION = click.option(
    "--max-article-size", type=click.IntRange(min=1), default=None, metavar="CHARS",
    help="Skip (with a warning) any article longer than this many characters; a bigger limit "
         "reads bigger articles, more slowly [default: $DIVERGENCE_MAX_ARTICLE_SIZE, else "
         "500000].")


@contextmanager
def article_limit(chars: int | None) -> Iterator[None]:
    """``--max-article-size`` for this run, through the variable the loaders (and any Dask
    workers started here) read; restored afterwards."""
    import os

    from ..ingest.io import MAX_ARTICLE_SIZE_ENV

    if chars is None:
        yield
        return
    before = os.environ.get(MAX_ARTICLE_SIZE_ENV)
    os.environ[MAX_ARTICLE_SIZE_ENV] = str(chars)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(MAX_ARTICLE_SIZE_ENV, None)
        else:
            os.environ[MAX_ARTICLE_SIZE_ENV] = before


# Who decides, for review and serve alike: bounded and free of control characters.
REVIEWER_OPTION = click.option(
    "--reviewer", default=None, metavar="NAME", callback=checked(_check_reviewer),
    help="Who decides [default: $DIVERGENCE_REVIEWER, else the OS user name]; at most 100 "
         "characters.")
DB_OPTION = click.option("--db", default=None, metavar="PATH",
                         help="Corpus database [default: $DIVERGENCE_DB, else "
                              ".divergence/corpus.db].")
CACHE_DIR_OPTION = click.option("--cache-dir", default=None,
                                help="Embedding cache folder [default: $DIVERGENCE_CACHE or "
                                     "~/.cache/divergence]. The exported ONNX models stay in "
                                     "the default folder.")
NO_CACHE_OPTION = click.option("--no-cache", is_flag=True,
                               help="Do not read or write the embedding cache.")
REEMBED_OPTION = click.option("--reembed", is_flag=True,
                              help="When the corpus was embedded with another model, re-embed "
                                   "all its claims with this one (one transaction) instead of "
                                   "refusing.")


def resolve_db_path(db: str | None) -> Path:
    from ..corpus.store import default_db

    if db is not None and not db.strip():  # "$UNSET": not the default corpus, quietly
        raise click.UsageError("--db is empty (an unset variable?); give a database path")
    from ..ingest.files import writes_into

    path = Path(db) if db else default_db()
    if writes_into(path):  # SQLite would put its journal beside it
        where = "--db" if db else "$DIVERGENCE_DB"
        raise click.UsageError(f"{where} {path}: a device or stream, not a database file")
    return path


def progress_bar(total: int, desc: str, enabled: bool) -> Any:
    """A progress bar over articles on stderr (``progress.bar``)."""
    from ..progress import bar

    return bar(total, desc, enabled, "article")


SKIPS_SHOWN = 3  # warnings per input file; the rest of its skipped lines are counted


def skip_warnings(skipped: Sequence[Any]) -> list[str]:
    """One warning line per skipped input, but at most ``SKIPS_SHOWN`` per file: a JSON Lines
    file of another shape (a gold file, a log) would otherwise print a line for each of its
    lines. The rest of a file's skips are summed up in one line with their reasons."""
    from collections import Counter

    from ..ingest.files import file_of as path_of

    def file_of(where: str) -> str:  # "f.jsonl:12" and "f.jsonl:12:2" (an item of line 12);
        return "<stdin>" if where.startswith("<stdin>") else path_of(where)  # stdin as shown

    seen: Counter[str] = Counter()
    rest: dict[str, Counter[str]] = {}
    out = []
    for s in skipped:
        f = file_of(s.where)
        seen[f] += 1
        if seen[f] <= SKIPS_SHOWN:
            out.append(f"divergence: warning: skipped {s.where}: {s.why}")
        else:
            rest.setdefault(f, Counter())[s.why] += 1
    for f, whys in rest.items():
        n = sum(whys.values())
        common = whys.most_common(1)[0][0]
        why = common if len(whys) == 1 else f"{common}, and {len(whys) - 1} other reason(s)"
        out.append(f"divergence: warning: skipped {n} more input(s) from {f}: {why}")
    return out


def warn_no_claims(paths: Iterable[str]) -> None:
    """A warning on stderr per article that gave no claims: read, but nothing in it to compare
    (a language other than English, or only fragments), which an empty report would not say."""
    from ..ingest.textsafe import inert

    for p in paths:
        click.echo(inert(f"divergence: warning: {p}: no claims read (divergence reads English "
                         "prose: sentences of four words or more, or a short count such as "
                         "\"Ten people died.\")"), err=True)


def read_inputs(paths: tuple[str, ...], strict: bool) -> tuple[list[Any], list[Any]]:
    """Load PATHS, then ``check_inputs``."""
    from ..ingest.io import load

    articles, skipped = load(paths, stdin=getattr(sys.stdin, "buffer", None))
    check_inputs(paths, strict, articles, skipped)
    return articles, skipped


def check_inputs(paths: Sequence[str], strict: bool, articles: Sequence[Any],
                 skipped: Sequence[Any]) -> None:
    """A warning on stderr for each skip; fail (DivergenceError) on none readable, or with
    ``strict`` on any skip that left something unread (an input given twice was read once)."""
    from ..ingest.io import lost
    from ..ingest.textsafe import inert

    for line in skip_warnings(skipped):
        click.echo(inert(line), err=True)
    if strict and lost(skipped):
        raise DivergenceError(f"{len(lost(skipped))} input(s) skipped and --strict is set")
    if not articles:
        why = f" ({len(skipped)} skipped, see warnings above)" if skipped else ""
        raise DivergenceError(inert(f"no readable articles in {', '.join(paths)}{why}"))


def open_cache(factory: Callable[[str | None], Any], folder: str | None) -> Any:
    """The embedding cache, or None with a warning when it cannot be opened (it only saves time)."""
    import sqlite3

    from ..ingest.textsafe import inert

    try:
        cache = factory(folder)
    except (OSError, sqlite3.Error) as e:
        from ..embed import default_cache_dir

        where = Path(folder) if folder else default_cache_dir()
        why = _os_message(e) if isinstance(e, OSError) else f"{where}: {e}"  # "path: what"
        click.echo(inert(f"divergence: warning: embedding cache unusable ({why}); embedding "
                         "without it (the exported model, kept in $DIVERGENCE_CACHE, may still "
                         "need it)"), err=True)
        return None
    if getattr(cache, "set_aside", None) is not None:
        click.echo(inert(f"divergence: warning: the embedding cache {cache.path} was damaged; "
                         f"moved it to {cache.set_aside} and started a new one"), err=True)
    return cache


def output_stem(output: str | None, paths: tuple[str, ...]) -> str:
    """The report path without extension: ``-o`` as given, inside it when it names a folder."""
    if not output:
        return str(Path("reports") / _default_name(paths))
    from ..ingest.files import writes_into

    if writes_into(output):  # /dev/null.md is no output
        raise click.UsageError(f"-o {output}: a device or stream; -o takes a name that .md, "
                               ".html and .json are added to; for stdout: -o - --format json")
    if output.endswith(("/", "\\")) or Path(output).is_dir():
        return str(Path(output) / _default_name(paths))
    path = Path(output)
    if path.suffix.lower().lstrip(".") in FORMATS:  # "-o reports/x.json" means the stem reports/x
        return str(path.with_suffix(""))
    return output


def _default_name(paths: tuple[str, ...]) -> str:
    first = paths[0] if paths else "report"
    if first == "-":
        return "stdin"
    name = Path(first.rstrip("/")).stem or "report"
    return name if len(paths) == 1 else f"{name}-and-{len(paths) - 1}-more"

