"""The first look of the frame readers: the words a pattern cannot match without."""

from __future__ import annotations

import re

import pytest

from divergence.judge.gate import Gate, needed

CREDIT_LIKE = re.compile(
    r"(?:was|were|had\s+been)\s+(?:brokered|mediated)\s+by\s+(?P<agent>[A-Z]\w+)")


def test_needed_words_come_from_the_rarest_part_of_the_pattern() -> None:
    assert needed(CREDIT_LIKE) == {"brokered", "mediated"}  # not "was" / "were"
    assert needed(re.compile(r"\bceasefire\b", re.I)) == {"ceasefire"}
    assert needed(re.compile(r"(?i:Accus(?:ed|ing))\s+\w+")) == {"accus"}
    assert needed(re.compile(r"(?:talks)?\s*signed\s+by")) == {"signed"}  # "talks" may be absent
    assert needed(re.compile(r"(?:a|\w+)\s+\d+")) is None  # a branch needs no word: none known
    assert needed(re.compile(r"[A-Z]\w+\s+\d+")) is None


@pytest.mark.parametrize(("text", "opens"), [
    ("The truce was brokered by Qatar.", True),
    ("THE TRUCE WAS MEDIATED BY EGYPT", True),  # a case-sensitive pattern still opens: safe
    ("Qatar's mediation ended the fighting.", False),
    ("", False),
])
def test_a_gate_opens_for_any_text_a_pattern_could_match(text: str, opens: bool) -> None:
    gate = Gate(CREDIT_LIKE, re.compile(r"\bthanks\s+to\s+\w+"))
    assert gate.opens(text) is opens
    if CREDIT_LIKE.search(text):
        assert gate.opens(text)


def test_a_pattern_that_needs_no_word_keeps_the_gate_open() -> None:
    gate = Gate(CREDIT_LIKE, re.compile(r"[A-Z]\w+\s+\d+"))
    assert gate.open_always and gate.opens("nothing of the sort")


def test_the_frame_readers_still_read_what_they_read() -> None:
    """The gated readers find what the patterns behind them find."""
    from divergence.judge.frames.accused import _accused_in
    from divergence.judge.frames.credit import _frame_credits
    from divergence.judge.frames.mediators import mediated
    from divergence.judge.frames.reasons import reasons

    assert {c.agent for c in _frame_credits("The truce was brokered by Qatar.", None)} == {"qatar"}
    assert mediated("The two sides agreed the ceasefire directly, without mediation.", None)
    assert reasons("The strike ended because of the pay offer.")
    assert _accused_in("Kinshasa accused Rwanda of backing the rebels.")
    assert not _frame_credits("Rain fell on the town all day.", None)


@pytest.mark.parametrize("text", [
    "The GUNS FELL SILENT at 6 pm after the truce was signed.",
    "A quake struck before dawn; the dam burst and the building collapsed.",
    "Rebels stormed the airport and took control of the port.",
    "Blackouts followed the drone strikes, and thousands of protesters marched.",
    "The offensive began on Monday; 12 hostages and 40 prisoners were freed.",
    "Doctors went on strike over pay at the hospital.",
    "Nothing happened in the quiet town.",
])
def test_happenings_gated_find_every_kind_their_patterns_find(text: str) -> None:
    """``happenings`` looks for each kind's words before running its pattern: the kinds found
    are the ones every pattern run over the text finds."""
    import sys

    from divergence.judge.frames import happenings

    mod = sys.modules[happenings.__module__]
    whole = frozenset(k for k, rx in mod.HAPPENINGS.items() if rx.search(text))
    assert happenings(text) == whole


def test_frames_are_read_ahead_on_another_thread_and_errors_wait_for_grouping(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from divergence.judge import frames
    from divergence.records import Claim

    claims = [Claim(f"a:{k}", "a", f"The blast killed {k + 2} people.", 0, 28) for k in range(3)]
    seen: list[str] = []
    monkeypatch.setattr(frames, "frame_keys", lambda c: seen.append(c.id) or frozenset())
    t = frames.read_ahead(claims)
    assert t is not None and t.daemon
    t.join()
    assert seen == ["a:0", "a:1", "a:2"]
    monkeypatch.setattr(frames, "READ_AHEAD_MAX", 2)
    assert frames.read_ahead(claims) is None  # more than the caches keep: not read twice
    assert frames.read_ahead([]) is None

    def broken(c: Claim) -> frozenset[str]:
        raise ValueError("a reader broke")

    import threading

    escaped: list[object] = []
    monkeypatch.setattr(threading, "excepthook", escaped.append)
    monkeypatch.setattr(frames, "READ_AHEAD_MAX", 100)
    monkeypatch.setattr(frames, "frame_keys", broken)
    t = frames.read_ahead(claims)
    assert t is not None
    t.join()
    assert escaped == []  # no error here: grouping reads the claim again and reports it


def test_the_trie_finds_what_the_plain_alternation_finds() -> None:
    """The gate's pattern is a trie of its words; it must open exactly where one regex of all
    the words would (words inside others, shared beginnings, regex metacharacters)."""
    from divergence.judge.gate import trie as _trie

    words = {"caus", "caused", "causing", "kill", "kidnap", "ki", "a.b", "(x)", "shell", "she"}
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(_trie(words))
    texts = ["", "k", "kx", "the cause", "cau", "a.b", "axb", "(x)", "x)", "shel", "sh e",
             "he said she would", "kidnapped", "ca us ing", "blaming (x) first"]
    for text in texts + [w[:-1] for w in words] + [w[1:] for w in words]:
        assert (trie.search(text) is None) == (plain.search(text) is None), text
    assert re.compile(_trie(set())).search("anything")  # no words: open, as before


def test_a_gate_reads_its_patterns_at_the_first_look(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building a gate reads nothing (a report pays the reading beside the embedder, where its
    frame reader looks first); the first look reads every pattern once, later looks none."""
    import divergence.judge.gate as gate

    read: list[str] = []
    real = gate.needed
    monkeypatch.setattr(gate, "needed", lambda p: read.append(p.pattern) or real(p))
    g = Gate(re.compile(r"\bbrokered by\b"), re.compile(r"mediat(?:ed|ion)"))
    assert read == []
    assert g.opens("Qatar mediated the deal.") and not g.opens("The deal was signed.")
    assert read == [r"\bbrokered by\b", r"mediat(?:ed|ion)"]
    always = Gate(re.compile(r"\d+"))
    assert always.opens("nothing here") and always.open_always
    assert read[-1] == r"\d+" and len(read) == 3
