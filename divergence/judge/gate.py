"""A cheap first look for costly pattern readers: the words their patterns cannot match without.

A frame reader runs dozens of regular expressions over every claim, and on most claims none
matches (on the ECB+ cost workload, 16 of 2,008 claims credit anyone). ``Gate`` reads, from
each pattern itself, a set of words one of which every match must contain (the strongest such
set along the pattern: "was|were|had been caused by X" needs one of the verbs, not "was"), and
joins them all in one search. A text without any of them cannot match any of the patterns, so
the reader may return at once; a text with one is read in full, as before. Derived, not listed
by hand, so a pattern edited later keeps its gate right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

try:  # Python 3.11+: the parser ``re.compile`` itself uses
    import re._constants as _c
    import re._parser as _sre
except ImportError:  # Python 3.10 (deprecated names from 3.11 on)
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]
from typing import Any

# Words too common to be worth a gate: a set that holds one says little about a text.
_COMMON = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "not", "no", "that", "this", "it", "its", "who", "which", "he", "she", "they", "we",
    "his", "her", "their"
})

Clause = frozenset[str]  # one of these words is in every match
AT, BRANCH, LITERAL, SUBPATTERN = _c.AT, _c.BRANCH, _c.LITERAL, _c.SUBPATTERN
REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None))  # 3.11+
ATOMIC_GROUP = getattr(_c, "ATOMIC_GROUP", None)  # 3.11+


def _strength(clause: Clause) -> tuple[bool, int, int]:
    """How much a clause rules out: no common word, then longer shortest word, then fewer."""
    return not (clause & _COMMON), min(map(len, clause)), -len(clause)


def _sequence(items: Any) -> list[Clause]:
    """The clauses a match of this run of pattern items must meet, all of them."""
    out: list[Clause] = []
    run = ""
    for op, av in items:
        if op is LITERAL:
            run += chr(av)
            continue
        if op is AT:  # \b, ^, $: zero-width, a run of letters goes on across it
            continue
        if run:
            out.append(frozenset({run.casefold()}))
            run = ""
        out += _item(op, av)
    if run:
        out.append(frozenset({run.casefold()}))
    return out


def _item(op: Any, av: Any) -> list[Clause]:
    """The clauses of one item: a group's, a repeat's taken at least once, an alternation's
    (the union of each branch's strongest clause); none for anything else (a class, \\w)."""
    if op is SUBPATTERN:
        return _sequence(av[-1])
    if op is ATOMIC_GROUP:
        return _sequence(av)
    if op in REPEATS:
        return _sequence(av[2]) if av[0] >= 1 else []
    if op is BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            clauses = _sequence(branch)
            if not clauses:
                return []  # a branch that needs no word: the alternation needs none
            words |= max(clauses, key=_strength)
        return [frozenset(words)]
    return []


def needed(pattern: re.Pattern[str]) -> Clause | None:
    """Casefolded words one of which is in the casefolded text of every match of ``pattern``,
    or None when the pattern needs no word this reading can name."""
    try:
        clauses = _sequence(_sre.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a pattern this reading cannot follow: no gate, no harm
        return None
    return max(clauses, key=_strength) if clauses else None


def trie(words: Iterable[str], longest: bool = False) -> str:
    """A pattern that finds any of ``words``, as a trie ("caus(?:e|ing)|ki(?:ll|dnap)"): the
    search follows one branch a letter instead of trying every word at every place (about a
    third faster on the frame readers' gates). A word another starts with is found by it alone,
    and no words give the empty pattern, which finds something in every text. With ``longest``
    the longer word is tried first and the shorter kept (an empty branch, last), as an
    alternation longest first finds them: for a match that must end at a word's end."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        if "" in node and not longest:
            return ""  # a word ends here: what follows it needs no look
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        alts += [""] if "" in node else []
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return branch(tree) if tree else ""


class Gate:
    """Whether a text may match any of ``patterns``: False only when it cannot.

    The words are read from the patterns at the first look, not at import (~0.14 s for the
    frame readers' 64 gates, which a report's frame reader pays beside the embedder instead of
    before it). Two threads looking first may both read them; either reading is the same."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self._patterns = patterns

    @cached_property
    def _any(self) -> re.Pattern[str] | None:
        """The search for any word some pattern needs; None when a pattern needs none that this
        reading can name (it can match anything: no gate)."""
        words: set[str] = set()
        for p in self._patterns:
            got = needed(p)
            if got is None:
                return None
            words |= got
        return re.compile(trie(words))

    @property
    def open_always(self) -> bool:
        """True when some pattern needs no word this reading can name: every text may match."""
        return self._any is None

    def opens(self, text: str) -> bool:
        """True when ``text`` holds a word some pattern needs (it may match), else False."""
        return self.opens_folded(text.casefold())

    def opens_folded(self, folded: str) -> bool:
        """``opens`` for a text already casefolded: several gates read one text folded once."""
        found = self._any
        return found is None or found.search(folded) is not None
