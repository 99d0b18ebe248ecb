"""A plugin as another package would ship it: a detector and a renderer, found by entry points
(see divergence_testplugin-0.1.dist-info/entry_points.txt). Used by tests/test_plugins.py."""

from __future__ import annotations

from divergence.records import Reason, Report


def shout_detector():  # noqa: ANN201 - the factory of a detector
    """A detector that calls two claims a conflict when exactly one of them shouts (ends '!')."""

    def shout(pair):  # noqa: ANN001, ANN202
        a, b = pair.a.content.rstrip().endswith("!"), pair.b.content.rstrip().endswith("!")
        if a != b:
            return Reason("shout", "one claim shouts", (pair.a.id, pair.b.id), weight=0.99)
        return None

    return shout


def text_renderer():  # noqa: ANN201 - the factory of a renderer
    """A renderer: one line per group."""

    def render(report: Report) -> str:
        return "".join(f"{g.label}\t{len(g.claims)}\n" for g in report.groups)

    return render
