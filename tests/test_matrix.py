"""Outlet × outlet counts on hand-written reports (``report.matrix.outlet_matrix``)."""

from __future__ import annotations

from divergence.records import Article, Claim, ClaimGroup, Event, Report, Verdict
from divergence.report.matrix import outlet_matrix


def _report(groups: tuple[ClaimGroup, ...], events: tuple[Event, ...]) -> Report:
    arts = (Article("a", "a.txt", "x", "Alpha"), Article("b", "b.txt", "x", "Beta"),
            Article("c", "c.txt", "x", "Gamma Daily", wire="PTI"),
            Article("d", "d.txt", "x", "Delta"))
    claims = tuple(Claim(f"{aid}:{n}", aid, f"{aid}{n}", 0, 1) for aid in "abcd" for n in range(4))
    return Report(arts, claims, events, groups)


EVENTS = (Event("e1", "talks", ("a:0", "a:1", "a:2", "b:0", "b:1", "c:0", "c:1"),
                ("a", "b", "c")),
          Event("e2", "visit", ("d:0", "a:3"), ("a", "d")))


def test_agree_conflict_and_one_sided() -> None:
    groups = (
        ClaimGroup("g1", "agree", 0.9, ("a:0", "b:0", "c:0"), ("Alpha", "Beta", "PTI")),
        ClaimGroup("g2", "conflict", 0.8, ("a:1", "b:1"), ("Alpha", "Beta")),
        ClaimGroup("g3", "unique", 0.5, ("a:2",), ("Alpha",)),
        ClaimGroup("g4", "agree", 0.7, ("a:0", "c:1"), ("Alpha", "PTI")),  # a and PTI, not b
        ClaimGroup("g5", "unique", 0.5, ("d:0",), ("Delta",)),
        ClaimGroup("g6", "unique", 0.5, ("a:3",), ("Alpha",)),  # e2: b does not cover it
    )
    m = outlet_matrix(_report(groups, EVENTS))
    assert m.outlets == ("Alpha", "Beta", "PTI", "Delta")  # the wire is the voice
    ab = next(p for p in m.pairs if (p.a, p.b) == ("Alpha", "Beta"))
    assert (ab.agree, ab.conflict, ab.only_a, ab.only_b) == (1, 1, 2, 0)  # g3 and g4; not g6
    assert m.count("agree", "Alpha", "PTI") == m.count("agree", "PTI", "Alpha") == 2
    assert m.count("one-sided", "PTI", "Beta") == 1  # g4
    assert m.count("one-sided", "Beta", "PTI") == 0  # g2 is a conflict: not one-sided
    assert m.count("one-sided", "Alpha", "Delta") == 1  # g6, in e2 both cover; g1-g4 are in e1
    assert m.count("one-sided", "Delta", "Alpha") == 1  # g5
    assert m.count("conflict", "Alpha", "Alpha") == 0
    assert m.peak("agree") == 2 and m.peak("conflict") == 1


def test_conflicts_set_aside_do_not_count() -> None:
    dismissed = ClaimGroup("g", "conflict", 0.9, ("a:1", "b:1"), ("Alpha", "Beta"),
                           verdict=Verdict("dismiss", "ana", "2025-01-01T00:00:00Z"))
    muted = ClaimGroup("h", "conflict", 0.3, ("a:2", "b:2"), ("Alpha", "Beta"), muted=True)
    m = outlet_matrix(_report((dismissed, muted), EVENTS))
    assert m.count("conflict", "Alpha", "Beta") == 0
    assert m.count("one-sided", "Alpha", "Beta") == 0  # nor are they one-sided


def test_group_events_come_from_claims_or_the_group() -> None:
    # a claim in no event, but the group names e1: Beta covers e1
    g = ClaimGroup("g", "unique", 0.5, ("d:3",), ("Delta",), events=("e1",))
    m = outlet_matrix(_report((g,), EVENTS))
    assert m.count("one-sided", "Delta", "Beta") == 1
    assert outlet_matrix(Report((), (), (), ())).pairs == ()


def test_many_outlets_show_the_largest_and_say_how_many_more() -> None:
    from divergence.records import Article, Claim, ClaimGroup, Report
    from divergence.report.matrix import outlet_matrix

    arts = tuple(Article(f"a{k}", f"{k}.txt", "x", f"Outlet {k}") for k in range(30))
    claims = tuple(Claim(f"a{k}:{n}", f"a{k}", "x", 0, 1) for k in range(30) for n in range(k + 1))
    groups = (ClaimGroup("g", "agree", 0.9, ("a29:0", "a28:0"), ("Outlet 29", "Outlet 28")),)
    m = outlet_matrix(Report(arts, claims, (), groups), most=5)
    assert m.outlets == tuple(f"Outlet {k}" for k in range(25, 30)) and m.left_out == 25
    assert m.count("agree", "Outlet 29", "Outlet 28") == 1
