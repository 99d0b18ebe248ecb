"""Verdicts on flagged conflicts: which groups need a look, who decides, and how they read."""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import DivergenceError
from ..records import DECISIONS, ClaimGroup, Dispute, Report

__all__ = ["DECISIONS", "Calibration", "CalibrationPoint", "calibrate", "default_reviewer",
           "flagged_groups", "format_calibration", "format_flagged", "pending"]


def default_reviewer() -> str:
    """``$DIVERGENCE_REVIEWER``, else the OS user name, else ``unknown``."""
    env = os.environ.get("DIVERGENCE_REVIEWER", "").strip()
    if env:
        from ..ingest.textsafe import check_reviewer

        try:  # name the variable: no --reviewer was given
            return check_reviewer(env, "set it to another name or give --reviewer NAME")
        except DivergenceError as e:
            raise DivergenceError(f"$DIVERGENCE_REVIEWER: {e}") from None
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):  # no user name in some containers
        return "unknown"


def flagged_groups(report: Report) -> list[ClaimGroup]:
    """The groups still flagged as conflicts, most confident first (ties by id)."""
    return sorted((g for g in report.groups if g.flagged), key=lambda g: (-g.confidence, g.id))


def format_flagged(report: Report, groups: list[ClaimGroup]) -> str:
    """The groups as plain text: a header line each, one line per claim, the disputes it was
    built into (question, positions, outlets; one per question), then the reasons."""
    from ..report.dispute_view import all_disputes_by_group

    claims, arts = report.claims_by_id(), report.articles_by_id()
    disputes = all_disputes_by_group(report)
    out: list[str] = []
    for g in groups:
        mark = f"  [{g.verdict.decision} by {g.verdict.reviewer}]" if g.verdict else ""
        out.append(f"{g.id}  {g.label}  {g.confidence:.2f}  sources: {', '.join(g.sources)}"
                   f"{mark}")
        for cid in g.claims:
            c = claims.get(cid)
            if c is None:
                continue
            a = arts.get(c.article_id)
            who = c.speaker or (a.voice if a else c.article_id)
            via = f" via {a.voice}" if c.speaker and a else ""
            out.append(f"  - {who}{via} ({c.stance}): {c.text}")
        for d in disputes.get(g.id, ()):
            out += _dispute_lines(report, d)
        out += [f"  reason {r.type} ({r.weight:.2f}): {r.detail}" for r in g.reasons]
        out.append("")
    return "\n".join(out)


def _dispute_lines(report: Report, d: Dispute) -> list[str]:
    """A dispute a conflict was built into: the question, each position with its holders, one
    line per outlet saying which positions it carries and in whose voice, then its strongest
    reason."""
    from ..report.dispute_view import layout, voice_text

    view = layout(report, d)
    out = [f"  dispute: {d.question}"]
    out += [f"    {p.letter}: {p.label} (held by {', '.join(p.holders) or 'no one named'})"
            for p in view.positions]
    for r in view.rows:
        cells = ", ".join(f"{p.letter} {voice_text(c)}"
                          for p, c in zip(view.positions, r.cells, strict=True))
        out.append(f"    {r.outlet}: {cells}")
    if d.reasons:  # the evidence for this question (the group's reasons follow, all of them)
        top = d.reasons[0]
        out.append(f"    because: {top.type} ({top.weight:.2f}): {top.detail}")
    return out


def pending(report: Report) -> list[ClaimGroup]:
    """Flagged conflicts no reviewer has decided yet, most confident first: where review resumes."""
    return [g for g in flagged_groups(report) if g.verdict is None]


# ---------------------------------------------------------------- calibration

POSITIVE = "confirm"  # every other decision says the flag was wrong


@dataclass(frozen=True, slots=True)
class CalibrationPoint:
    """Flag every conflict at or above ``threshold``: how many reviewed ones, how many right."""

    threshold: float
    flagged: int
    confirmed: int

    @property
    def precision(self) -> float:
        """The share of those flags a reviewer confirmed."""
        return self.confirmed / self.flagged if self.flagged else 0.0


@dataclass(frozen=True, slots=True)
class Calibration:
    """The precision of flagged conflicts at each confidence, and the threshold for a target."""

    target: float
    reviewed: int
    confirmed: int
    curve: tuple[CalibrationPoint, ...]  # highest threshold first
    threshold: float | None  # the lowest threshold whose precision reaches ``target``; None if none
    min_flagged: int = 5  # reviewed flags a threshold needs at or above it

    @property
    def chosen(self) -> CalibrationPoint | None:
        """The curve point at ``threshold``."""
        return next((p for p in self.curve if p.threshold == self.threshold), None)

    def why_none(self) -> str:
        """Why no threshold was chosen, and what would help: the target is out of reach, or
        it is reached only by fewer reviewed flags than a threshold needs."""
        if not self.reviewed:
            return "no conflict has been reviewed yet; review some first (divergence review)"
        if any(p.precision >= self.target for p in self.curve):
            return (f"precision {self.target:.2f} is reached only with fewer than "
                    f"{self.min_flagged} reviewed flags at or above a threshold; review more "
                    "conflicts or lower --min-reviewed")
        return f"no threshold reaches precision {self.target:.2f}; review more conflicts or " \
               "lower --target"


def calibrate(reviewed: Sequence[tuple[str, str, float]], target: float,
              min_flagged: int = 5) -> Calibration:
    """Precision of the flags at each confidence, from reviewers' verdicts on conflicts.

    Args:
        reviewed: (group id, decision, confidence when decided), as ``Corpus.reviewed`` gives.
        target: the precision wanted, 0..1.
        min_flagged: a threshold needs at least this many reviewed flags at or above it, so one
            lucky verdict does not set it.

    Returns:
        The curve, and the lowest threshold (most conflicts still flagged) whose precision
        reaches ``target``.
    """
    ranked = sorted(((conf, decision == POSITIVE) for _, decision, conf in reviewed),
                    key=lambda r: -r[0])
    curve: list[CalibrationPoint] = []
    confirmed = 0
    for i, (conf, ok) in enumerate(ranked):
        confirmed += ok
        if i + 1 == len(ranked) or ranked[i + 1][0] < conf:  # last of a run of equal confidences
            curve.append(CalibrationPoint(conf, i + 1, confirmed))  # unrounded: compared as is
    good = [p for p in curve if p.flagged >= min_flagged and p.precision >= target]
    return Calibration(target=target, reviewed=len(ranked), confirmed=confirmed,
                       curve=tuple(curve), threshold=good[-1].threshold if good else None,
                       min_flagged=min_flagged)


def format_calibration(cal: Calibration, bins: int = 10, why_none: bool = True) -> str:
    """The curve as a plain-text table (one row per confidence band), then the choice; without
    ``why_none``, no line when there is none (a command that fails says why on stderr)."""
    lines = [f"{cal.reviewed} reviewed conflict(s), {cal.confirmed} confirmed", "",
             f"{'confidence':<11}{'reviewed':>9}{'confirmed':>10}{'precision':>10}"
             f"{'flagged at or above':>21}{'precision':>10}"]
    rows = _bands(cal)
    for k in range(bins, 0, -1):
        lo, hi = (k - 1) / bins, k / bins
        inside = [ok for conf, ok in rows if lo <= conf < hi or (k == bins and conf >= 1.0)]
        if not inside:
            continue
        above = next(p for p in reversed(cal.curve) if p.threshold >= lo)
        lines.append(f"{f'{lo:.1f}-{hi:.1f}':<11}{len(inside):>9}{sum(inside):>10}"
                     f"{sum(inside) / len(inside):>10.2f}{above.flagged:>21}"
                     f"{above.precision:>10.2f}")
    if cal.threshold is None:
        lines += ["", cal.why_none()] if why_none else []
    else:
        lines.append("")
        p = cal.chosen
        assert p is not None
        lines.append(f"threshold {cal.threshold:.4f}: precision {p.precision:.2f} on {p.flagged} "
                     f"reviewed flag(s), {p.confirmed} of {cal.confirmed} confirmed kept "
                     f"(target {cal.target:.2f})")
    return "\n".join(lines) + "\n"


def _bands(cal: Calibration) -> list[tuple[float, bool]]:
    """The (confidence, confirmed) rows back out of the cumulative curve."""
    out, prev = [], CalibrationPoint(1.1, 0, 0)
    for p in cal.curve:
        n, ok = p.flagged - prev.flagged, p.confirmed - prev.confirmed
        out += [(p.threshold, True)] * ok + [(p.threshold, False)] * (n - ok)
        prev = p
    return out
