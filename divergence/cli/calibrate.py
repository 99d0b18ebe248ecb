"""`divergence calibrate`: the flag threshold that reviewers' verdicts say reaches a precision."""

from __future__ import annotations

import click

from .app import (
    DB_OPTION,
    QUIET_OPTION,
    clean_errors,
    echo_out,
    exit_with,
    judge_for,
    main,
    resolve_db_path,
    say,
)


def _a_number(value: float) -> float:
    """--target as given, unless it is NaN (which passes every range check)."""
    if value != value:
        raise click.BadParameter("nan is not a precision; give a number from 0 to 1")
    return value + 0.0  # -0 is 0 ("target -0.00" otherwise)


@main.command()
@DB_OPTION
@click.option("--target", type=click.FloatRange(0.0, 1.0), default=0.9, show_default=True,
              callback=lambda _ctx, _param, v: _a_number(v),
              help="The precision wanted: the share of flagged conflicts a reviewer confirms.")
@click.option("--min-reviewed", type=click.IntRange(1), default=5, show_default=True,
              help="A threshold needs at least this many reviewed conflicts at or above it.")
@click.option("--dry-run", is_flag=True, help="Show the curve and the choice; save nothing.")
@click.option("--clear", is_flag=True,
              help="Forget the saved threshold: flag every conflict again.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A table for people, or JSON for programs.")
@QUIET_OPTION
@clean_errors
def calibrate(db: str | None, target: float, min_reviewed: int, dry_run: bool, clear: bool,
              fmt: str) -> None:
    """Learn from the verdicts which confidence is worth a reviewer's time.

    Reads every conflict a reviewer decided (confirm counts as right; dismiss, agree and
    unrelated as wrong), at the confidence it had when it was shown (or, when the judge has
    changed since, at its confidence today), and prints the precision
    of the flags in each confidence band and at or above it. Then it picks the lowest threshold
    whose precision reaches --target (so as many true conflicts as possible stay flagged) and
    saves it in the corpus. Later runs on the corpus (report --db, review, serve, score) stop
    flagging unreviewed conflicts below it; they stay in the JSON (label conflict, "muted":
    true) and in a "set aside" part of the Markdown and HTML reports. A threshold learnt on one
    model's vectors is ignored after --reembed with another.

    \b
    Examples:
      divergence calibrate --db news.db --target 0.9
      divergence calibrate --dry-run --format json | jq .threshold
      divergence calibrate --clear
    Exit codes: 0 saved (or --dry-run, --clear); 1 no threshold reaches the target, or an error.
    """
    import datetime as _dt
    import json

    from ..corpus.review import calibrate as fit
    from ..corpus.review import format_calibration
    from ..corpus.store import Corpus
    from ..judge.trust import scale

    with Corpus(resolve_db_path(db), create=False) as corpus:
        now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        if clear:
            if dry_run:
                say("dry run: the saved threshold would be cleared; nothing saved")
                return
            corpus.save_calibration({"threshold": None, "model": corpus.model, "at": now})
            say("calibration cleared: every conflict is flagged again")
            return
        on, today = scale(), None  # today: the confidences of today's judge, when needed
        moved = corpus.off_scale(on)
        if moved:  # confidences from before the judge changed: read today's for their groups
            from ..corpus.ops import corpus_report

            rep = corpus_report(corpus, judge_for(corpus.model or "", None, False))
            today = {g.id: g.confidence for g in rep.groups if g.label == "conflict"}
            click.echo(f"divergence: note: {moved} verdict(s) were given when conflicts' "
                       "confidences meant something else (the judge has changed since); they "
                       "count at their groups' confidence today, or not at all where the group "
                       "is gone", err=True)
        cal = fit(corpus.reviewed(on, today), target, min_flagged=min_reviewed)
        chosen = cal.chosen
        saved = {"threshold": cal.threshold, "target": target,
                 "precision": round(chosen.precision, 4) if chosen else None,
                 "flagged": chosen.flagged if chosen else None, "reviewed": cal.reviewed,
                 "confirmed": cal.confirmed, "model": corpus.model, "scale": scale(),
                 "at": now}
        if cal.threshold is not None and not dry_run:
            corpus.save_calibration(saved)
    if fmt == "json":
        curve = [{"threshold": round(p.threshold, 4), "flagged": p.flagged,
                  "confirmed": p.confirmed,
                  "precision": round(p.precision, 4)} for p in cal.curve]
        echo_out(json.dumps({**saved, "curve": curve}, indent=2))
    elif cal.reviewed:  # with none reviewed, the table is empty: the error below says it all
        echo_out(format_calibration(cal, why_none=False), nl=False)
    if cal.threshold is None:
        exit_with(f"{cal.why_none()}; nothing saved")
    if not dry_run:
        say(f"saved threshold {cal.threshold:.4f} to {resolve_db_path(db)}")
