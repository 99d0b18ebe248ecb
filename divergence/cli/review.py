"""`divergence review` and `divergence verdicts`: decisions on flagged conflicts."""

from __future__ import annotations

from typing import Any

import click

from .app import (
    DB_OPTION,
    INTERRUPTED,
    QUIET_OPTION,
    REVIEWER_OPTION,
    checked,
    clean_errors,
    judge_for,
    judge_options,
    main,
    refuse_overwrite,
    resolve_db_path,
    say,
)

_DECISION_CHOICE = click.Choice(["confirm", "dismiss", "agree", "unrelated"])


def _check_note(value: str) -> str | None:
    from ..ingest.textsafe import check_note

    return check_note(value)


@main.command()
@click.option("--list", "list_", is_flag=True,
              help="Print the flagged conflicts, most confident first, with their group ids.")
@click.option("--decide", nargs=2, type=(str, _DECISION_CHOICE), default=None,
              metavar="GROUP_ID DECISION",
              help="Store a verdict on one group: confirm, dismiss, agree or unrelated.")
@click.option("--note", default=None, metavar="TEXT", callback=checked(_check_note),
              help="With --decide: a note kept with the verdict (at most 2,000 characters, as "
                   "on the page). In the review loop, press n instead.")
@REVIEWER_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="For --list: plain text for people, JSON for programs.")
@DB_OPTION
@judge_options
@QUIET_OPTION
@clean_errors
def review(list_: bool, decide: tuple[str, str] | None, note: str | None, reviewer: str | None,
           fmt: str, db: str | None, nli: str | None, rules_only: bool) -> None:
    """Review the flagged conflicts in a corpus: one at a time, side by side, or by script.

    With no --list or --decide, walks the undecided flagged conflicts, most confident first,
    each shown with one column per source (speakers, stances, the spans that differ
    highlighted) and the reasons. Keys: c confirm, d dismiss, a agree (relabel), u unrelated,
    n add a note to the decision, s skip, q quit, ? help. Each decision is stored the
    moment it is made; quitting, Ctrl-C or a crash loses nothing, and the next run resumes with
    the conflicts still undecided (skipped ones come back). With stdin not a terminal, one key
    per line is read (printf 'd\\nc\\nq\\n' | divergence review).

    Every verdict is appended to the corpus database at once (group id, decision, reviewer,
    UTC time, note), so nothing is lost on quitting; the latest verdict per group wins. Group
    ids are hashes of their claim ids, so a verdict still applies after a regroup that forms
    the same group. Reports from the corpus (report --db) carry each group's "verdict" and a
    "flagged" field: true only for a conflict that is not dismissed, relabelled agree, or
    called unrelated. An "agree" verdict also relabels the group agree; "confirm" keeps it
    flagged and marks it reviewed.

    \b
    Examples:
      divergence review --db news.db                   # the interactive loop
      divergence review --list --db news.db
      divergence review --list --format json | jq '.[].id'
      divergence review --decide g-3ae7e59e35 dismiss --note "different ferries"
      divergence verdicts export -o verdicts.jsonl
    Exit codes: 0 ok (or quit), 1 error, 2 usage, 130 interrupted (Ctrl-C).
    """
    from ..corpus.ops import corpus_report, ensure_grouping
    from ..corpus.review import default_reviewer
    from ..corpus.store import Corpus
    from ..ingest.textsafe import check_reviewer, inert

    if list_ and decide:
        raise click.UsageError("give --list or --decide, not both")
    if fmt != "text" and not list_:
        raise click.UsageError("--format is for --list (the review loop and --decide print text)")
    if note is not None and not decide:
        raise click.UsageError("--note needs --decide (in the review loop, press n to add a "
                               "note to a decision)")
    # a name is read only to record verdicts: --list works whatever $DIVERGENCE_REVIEWER holds
    who = "" if list_ else reviewer if reviewer is not None else check_reviewer(default_reviewer())
    with Corpus(resolve_db_path(db), create=False) as corpus:
        judge = judge_for(corpus.model or "", nli, rules_only)
        if decide:
            ensure_grouping(corpus, judge)
            group_id, decision = decide
            v = corpus.add_verdict(group_id, decision, who, note)
            click.echo(inert(f"recorded {v.decision} on {group_id} by {v.reviewer} at {v.at}"))
            return
        rep = corpus_report(corpus, judge)
        if not list_:
            _loop(corpus, rep, who)
            return
    _print_flagged(rep, fmt)


_KEYS = {"c": "confirm", "d": "dismiss", "a": "agree", "u": "unrelated"}
_HELP = ("[c]onfirm  [d]ismiss  [a]gree  [u]nrelated  [n]ote  [s]kip  [q]uit  [?]help")


def _loop(corpus: Any, rep: Any, reviewer: str) -> None:
    """The interactive review: show each undecided flagged conflict, store each decision at once."""
    import os
    import shutil
    import sys

    from ..corpus.review import flagged_groups, pending
    from ..errors import DivergenceError
    from ..ingest.textsafe import check_note, inert
    from ..report.terminal import render_group

    queue = pending(rep)
    total = len(flagged_groups(rep))
    if not queue:
        say(f"nothing to review: {total} flagged conflict(s), all decided" if total
            else "nothing to review: no conflict is flagged")
        return
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = max(40, min(160, shutil.get_terminal_size((100, 24)).columns))
    say(f"{len(queue)} undecided of {total} flagged conflict(s); reviewer {inert(reviewer)}. "
        f"{_HELP}")
    done = skipped = 0
    note: str | None = None
    stopped = False
    try:
        for i, g in enumerate(queue, 1):
            click.echo()
            click.echo(render_group(rep, g, width=width, color=color,
                                    position=f"{i} of {len(queue)}"), nl=False)
            while True:
                key = _key(f"decision [{'/'.join([*_KEYS, 'n', 's', 'q', '?'])}]")
                if key in _KEYS:
                    v = corpus.add_verdict(g.id, _KEYS[key], reviewer, note)
                    click.echo(inert(f"recorded {v.decision}" + (f" ({v.note})" if v.note
                                                                  else "")))
                    done, note = done + 1, None
                    break
                if key == "n":
                    typed = _ask("note (kept with this conflict's decision)")
                    try:
                        note = check_note(typed)
                    except DivergenceError as e:
                        note = None
                        click.echo(f"note not kept: {e}", err=True)
                    if not sys.stdin.isatty():
                        click.echo(inert(note or ""))
                elif key == "s":
                    _drop_note(note)  # a note belongs to its own conflict's decision
                    skipped, note = skipped + 1, None
                    break
                elif key == "q":
                    raise EOFError
                else:
                    click.echo(_HELP)
    except (EOFError, KeyboardInterrupt, click.Abort) as e:  # Abort: end of input at a prompt
        click.echo()
        _drop_note(note)
        stopped = isinstance(e, KeyboardInterrupt)  # q and the end of input are no interrupt
    left = len(queue) - done
    say(f"{done} decided, {skipped} skipped, {left} undecided left; every decision is stored"
        + ("; run divergence review again to go on" if left else ""))
    if stopped:  # a script can tell a review cut short from one finished or quit
        sys.exit(INTERRUPTED)


def _drop_note(note: str | None) -> None:
    """Say so when a typed note goes with no decision (skip or quit before deciding)."""
    if note:
        click.echo("note discarded (no decision made)", err=True)


def _key(prompt: str) -> str:
    """One key: a keypress on a terminal, else the first letter of a line; q at end of input."""
    import sys

    click.echo(f"{prompt} ", nl=False)
    if sys.stdin.isatty():
        ch = click.getchar()
        click.echo(ch if ch.isprintable() else "")
        if ch == "\x03":  # Ctrl-C in raw mode: an interrupt, as at any other moment
            raise KeyboardInterrupt
        if ch == "\x04":  # Ctrl-D: the end of input
            return "q"
        return ch.lower()
    from ..ingest.textsafe import inert

    line = sys.stdin.readline()
    click.echo(inert(line.strip()))
    if not line:
        return "q"
    return line.strip()[:1].lower()


def _ask(prompt: str) -> str:
    """A line typed at ``prompt``. Not ``click.prompt``, which turns Ctrl-C into the Abort of
    the end of input: an interrupted review must still exit 130."""
    import sys

    click.echo(f"{prompt}: ", nl=False)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def _print_flagged(rep: Any, fmt: str) -> None:
    """The flagged conflicts on stdout (text or a JSON array); the count on stderr."""
    from ..contract import flagged_to_dict
    from ..corpus.review import flagged_groups, format_flagged
    from ..ingest.textsafe import inert, json_dumps_safe

    groups = flagged_groups(rep)
    if fmt == "json":
        click.echo(json_dumps_safe([flagged_to_dict(rep, g) for g in groups], indent=2))
    elif groups:
        click.echo(inert(format_flagged(rep, groups), keep_lines=True), nl=False)
    say(f"{len(groups)} flagged conflict(s); record a verdict with: divergence review "
        "--decide GROUP_ID confirm|dismiss|agree|unrelated")


@main.group()
def verdicts() -> None:
    """The reviewers' verdict log of a corpus."""


@verdicts.command("export")
@DB_OPTION
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE",
              help="Where to write the JSON Lines; - for stdout.")
@QUIET_OPTION
@clean_errors
def export_verdicts(db: str | None, output: str) -> None:
    """Write every verdict, oldest first, as JSON Lines (group, decision, reviewer, at, note).

    \b
    Examples:
      divergence verdicts export --db news.db > verdicts.jsonl
      divergence verdicts export -o verdicts.jsonl
    """
    from ..contract import verdict_to_dict
    from ..corpus.store import Corpus
    from ..ingest.io import atomic_write, dumps_jsonl

    if not output:
        raise click.UsageError("-o is empty (an unset variable?); give a file name, or - for "
                               "stdout")
    path = resolve_db_path(db)
    refuse_overwrite([output], [] if path.is_dir() else [path])  # a folder: refused below
    with Corpus(path, create=False) as corpus:
        log = corpus.verdicts()
    text = dumps_jsonl(verdict_to_dict(g, v) for g, v in log)
    if output == "-":
        click.echo(text, nl=False)
    else:
        atomic_write(output, text)
        say(f"wrote {len(log)} verdict(s) to {output}")
