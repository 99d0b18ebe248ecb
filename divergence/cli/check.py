"""`divergence check` and `divergence verdicts verify`: is the corpus file sound and untampered."""

from __future__ import annotations

import sys

import click

from .app import (
    DB_OPTION,
    QUIET_KEY,
    QUIET_OPTION,
    clean_errors,
    echo_out,
    judge_for,
    judge_options,
    main,
    resolve_db_path,
    say,
)
from .review import verdicts


@main.command()
@DB_OPTION
@click.option("--repair", is_flag=True,
              help="Put right what is out of step: rescue the readable rows of a damaged file "
                   "(keeping the damaged one), split and embed again from their stored text "
                   "the articles missing claims or vectors (removing those it cannot, saved "
                   "first as a feed beside the corpus to add again), regroup, rebuild a stale "
                   "index.")
@judge_options
@QUIET_OPTION
@clean_errors
def check(db: str | None, repair: bool, nli: str | None, rules_only: bool) -> None:
    """Check a corpus database: the file, whole articles, the grouping, the verdict log, the
    saved index.

    Prints one line per problem on stdout (area: problem, and what --repair did about it).
    The verdict log is only reported: its hash chain shows a rewrite or a deletion, which a
    repair must not hide (see: divergence verdicts verify).

    \b
    Examples:
      divergence check --db news.db
      divergence check --db news.db --repair
    Exit codes: 0 no problem left, 1 a problem remains (or an error), 2 usage.
    """
    from ..corpus.check import check_corpus

    path = resolve_db_path(db)

    def judge(model: str) -> object:
        return judge_for(model, nli, rules_only)

    def waiting() -> None:
        click.echo(f"divergence: {path} is being written by another process; waiting for it "
                   "to finish", err=True)

    quiet = bool(click.get_current_context().meta.get(QUIET_KEY))
    res = check_corpus(path, repair=repair, judge=judge if repair else None, on_wait=waiting,
                       progress=not quiet)
    for f in res.findings:
        done = f"  -> repaired: {f.fixed}" if f.fixed else ""
        echo_out(f"{f.area}: {f.problem}{done}")  # the exit code says it even to no reader
    for note in res.notes:
        click.echo(f"divergence: {note}", err=True)
    if res.ok:
        what = "repaired" if res.findings else "no problems found"
        say(f"{path}: ok ({what})")
        return
    left = sum(f.fixed is None for f in res.findings)
    said = all("--repair" in f.problem for f in res.findings if f.fixed is None and f.repairable)
    hint = ("; run again with --repair to put right what can be"
            if res.repairable and not repair and not said else "")  # not twice over
    click.echo(f"divergence: {path}: {left} problem(s) remain{hint}", err=True)
    sys.exit(1)


@verdicts.command("verify")
@DB_OPTION
@QUIET_OPTION
@clean_errors
def verify_verdicts(db: str | None) -> None:
    """Recompute the verdict log's hash chain: find any verdict rewritten, removed or inserted
    behind divergence's back.

    Each verdict carries a hash of the one before it and of itself; the last hash is printed
    on stdout, so a copy kept elsewhere also shows a log rewritten as a whole.

    \b
    Examples:
      divergence verdicts verify --db news.db
    Exit codes: 0 intact, 1 tampered with (or an error), 2 usage.
    """
    from ..corpus.store import Corpus

    path = resolve_db_path(db)
    with Corpus(path, create=False) as corpus:
        problems, head = corpus.verify_verdicts()
        n = len(corpus.verdicts())
    for p in problems:
        click.echo(f"{path}: {p}", err=True)
    tampered = [p for p in problems if "trigger" not in p]
    if head:
        echo_out(head)
    if tampered:
        click.echo(f"divergence: {path}: the verdict log was changed behind divergence's back "
                   f"({len(tampered)} problem(s))", err=True)
        sys.exit(1)
    say(f"{n} verdict(s), chain intact")
