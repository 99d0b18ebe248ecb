"""`divergence review` and `divergence verdicts`: decisions on flagged conflicts."""

from __future__ import annotations

from typing import Any

import click

from ._app import (
    _DB,
    _clean_errors,
    _db_path,
    _judge_for,
    _judge_options,
    main,
)

_DECISION_CHOICE = click.Choice(["confirm", "dismiss", "agree", "unrelated"])


@main.command()
@click.option("--list", "list_", is_flag=True,
              help="Print the flagged conflicts, most confident first, with their group ids.")
@click.option("--decide", nargs=2, type=(str, _DECISION_CHOICE), default=None,
              metavar="GROUP_ID DECISION",
              help="Store a verdict on one group: confirm, dismiss, agree or unrelated.")
@click.option("--note", default=None, metavar="TEXT", help="A note kept with the verdict.")
@click.option("--reviewer", default=None, metavar="NAME",
              help="Who decides [default: $DIVERGENCE_REVIEWER, else the OS user name].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="For --list: plain text for people, JSON for programs.")
@_DB
@_judge_options
@_clean_errors
def review(list_: bool, decide: tuple[str, str] | None, note: str | None, reviewer: str | None,
           fmt: str, db: str | None, nli: str | None, rules_only: bool) -> None:
    """List the flagged conflicts in a corpus, or record a verdict on one.

    Every verdict is appended to the corpus database at once (group id, decision, reviewer,
    UTC time, note), so nothing is lost on quitting; the latest verdict per group wins. Group
    ids are hashes of their claim ids, so a verdict still applies after a regroup that forms
    the same group. Reports from the corpus (report --db) carry each group's "verdict" and a
    "flagged" field: true only for a conflict that is not dismissed, relabelled agree, or
    called unrelated. An "agree" verdict also relabels the group agree; "confirm" keeps it
    flagged and marks it reviewed.

    \b
    Examples:
      divergence review --list --db news.db
      divergence review --list --format json | jq '.[].id'
      divergence review --decide g-3ae7e59e35 dismiss --note "different ferries"
      divergence verdicts export -o verdicts.jsonl
    The interactive loop is not built yet. Exit codes: 0 ok, 1 error, 2 usage.
    """
    from ..corpus_ops import corpus_report, ensure_grouping
    from ..store import Corpus

    if list_ and decide:
        raise click.UsageError("give --list or --decide, not both")
    if not list_ and not decide:
        raise click.UsageError("the interactive review loop is not built yet; use "
                               "--list to see the flagged conflicts and --decide GROUP_ID "
                               "confirm|dismiss|agree|unrelated to record a verdict")
    with Corpus(_db_path(db), create=False) as corpus:
        judge = _judge_for(corpus.model or "", nli, rules_only)
        if decide:
            from ..review import default_reviewer

            ensure_grouping(corpus, judge)
            group_id, decision = decide
            who = reviewer if reviewer is not None else default_reviewer()
            v = corpus.add_verdict(group_id, decision, who, note)
            click.echo(f"recorded {v.decision} on {group_id} by {v.reviewer} at {v.at}")
            return
        rep = corpus_report(corpus, judge)
    _print_flagged(rep, fmt)


def _print_flagged(rep: Any, fmt: str) -> None:
    """The flagged conflicts on stdout (text or a JSON array); the count on stderr."""
    import json

    from ..io import flagged_to_dict
    from ..review import flagged_groups, format_flagged

    groups = flagged_groups(rep)
    if fmt == "json":
        click.echo(json.dumps([flagged_to_dict(rep, g) for g in groups], indent=2,
                              ensure_ascii=False))
    elif groups:
        click.echo(format_flagged(rep, groups), nl=False)
    click.echo(f"{len(groups)} flagged conflict(s); record a verdict with: divergence review "
               "--decide GROUP_ID confirm|dismiss|agree|unrelated", err=True)


@main.group()
def verdicts() -> None:
    """The reviewers' verdict log of a corpus."""


@verdicts.command("export")
@_DB
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE",
              help="Where to write the JSON Lines; - for stdout.")
@_clean_errors
def export_verdicts(db: str | None, output: str) -> None:
    """Write every verdict, oldest first, as JSON Lines (group, decision, reviewer, at, note).

    \b
    Examples:
      divergence verdicts export --db news.db > verdicts.jsonl
      divergence verdicts export -o verdicts.jsonl
    """
    from ..io import atomic_write, dumps_jsonl, verdict_to_dict
    from ..store import Corpus

    with Corpus(_db_path(db), create=False) as corpus:
        log = corpus.verdicts()
    text = dumps_jsonl(verdict_to_dict(g, v) for g, v in log)
    if output == "-":
        click.echo(text, nl=False)
    else:
        atomic_write(output, text)
        click.echo(f"wrote {len(log)} verdict(s) to {output}", err=True)
