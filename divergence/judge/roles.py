"""Who did what to whom, told both ways round: the same words, two of them on the other sides
of a third ("Police attacked the protesters" / "The protesters attacked the police"; "the
rebels attacked the army convoy" / "the army attacked the rebel convoy"). The NLI model reads
such a pair as one statement (P(entailment) 0.99 for the first), and the name detector looks
only for a name put in another's place. Read by the ``entity`` detector, which keeps such a
pair from agreeing."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_re import lazy
from ..wordlists import word_set
from .text import MONTHS, STOPWORDS, WEEKDAYS

_WORD = lazy(r"[A-Za-z][A-Za-z’'-]*")
# "the protesters were attacked by police": the doer after "by", so the order says nothing
# ("2,000 were approved", "workers were laid off at the plant": a passive turns the order)
_PASSIVE = lazy(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?"
                      r"(?:\w+(?:ed|en|wn|t|d|ck|ng)|hit|shot|put|set|cut|made|paid|laid)\b",
                      re.I)
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)  # "Monday", "September": no actors
# Who can do a deed to another: a side's noun, or a name (a capitalised word).
_ACTORS = word_set("generic_actors") | {
    "protester", "demonstrator", "crowd", "militia", "militiamen", "villager", "resident",
    "student", "worker", "guard", "settler", "insurgent", "attacker", "separatist", "army",
    "rebel", "soldier", "fighter", "militant", "troop", "officer"}
# Words before a noun that make it one party to a deed ("the tenant", "her rival").
_DETERMINER = r"(?:the|a|an|his|her|their|its)"
# Deeds of two sides alike: "Israel met Hamas" is "Hamas met Israel".
_BOTH_WAYS = frozenset({
    "met", "meet", "meets", "meeting", "talked", "talk", "talks", "spoke", "clashed", "clash",
    "fought", "negotiated", "signed", "exchanged", "agreed", "traded", "shook", "hugged",
    "married", "joined", "between", "and", "with"})


def _stem(word: str) -> str:
    """A word folded enough to meet its plural ("rebels" / "rebel", "police's" / "police")."""
    w = re.sub(r"['’]s?$", "", word.lower())
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


@lru_cache(maxsize=65536)
def _reading(text: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """A text's content words in order and as a set, read once per text; None for a passive
    text, whose order says nothing of who acted."""
    if _PASSIVE.search(text):
        return None
    words = tuple(_stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS)
    return words, frozenset(words)


def _actor(stem: str, a: str, b: str) -> bool:
    """Whether the word ``stem`` names someone who can act: a side (``side``), or a noun that
    follows "the" or another determiner in both texts ("the landlord sued the tenant")."""
    if side(stem, a, b):
        return True
    return stem not in _CALENDAR and all(_after_determiner(stem, t) for t in (a, b))


def side(stem: str, a: str, b: str) -> bool:
    """Whether the word ``stem`` names a side: a side's noun ("rebels", "police"), or a name
    capitalised in both texts and not only where a sentence starts (not a day or a month)."""
    if stem in _ACTORS or stem + "s" in _ACTORS:
        return True
    if stem in _CALENDAR:
        return False
    at = [_word_at(stem, t) for t in (a, b)]
    return (all(i >= 0 and t[i].isupper() for i, t in zip(at, (a, b), strict=True))
            and any(i > 0 for i in at))


# Where each word of a text starts, and where one after a determiner does ("the tenant").
_WORD_START = lazy(r"\b\w")
_AFTER_DETERMINER = lazy(rf"\b{_DETERMINER}\s+", re.I)


# The only characters that ``re.I`` matches to an ASCII letter or digit other than as their
# ``str.lower()`` does ("İ" is "i" to ``re``, two characters lower-cased; "ı", "ſ").
_ODD_CASES = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=65536)
def _layout(text: str) -> tuple[str, tuple[int, ...], frozenset[int]] | None:
    """A text lower-cased, where its words start and where a word after a determiner starts,
    read once per text: ``side`` and ``_actor`` look a word up in them instead of compiling a
    pattern per word (~0.1 s of the ECB+ workload's judging). None for a text ``str.lower``
    cannot stand in ``re.I``'s place for (``_ODD_CASES``)."""
    if any(ch in text for ch in _ODD_CASES):
        return None
    return (text.lower(), tuple(m.start() for m in _WORD_START.finditer(text)),
            frozenset(m.end() for m in _AFTER_DETERMINER.finditer(text)))


def _starts(stem: str, text: str) -> tuple[int, ...] | None:
    """Where ``\\bstem`` matches ``text`` in any case, or None where only ``re`` can tell (a
    word not ASCII or not starting with a letter or digit, a text without a ``_layout``)."""
    got = _layout(text) if stem.isascii() and stem[:1].isalnum() else None
    if got is None:
        return None
    low, starts, _ = got
    return tuple(i for i in starts if low.startswith(stem.lower(), i))


def _word_at(stem: str, text: str) -> int:
    """Where ``re.search(rf"\\b{re.escape(stem)}", text, re.I)`` first matches (-1: none)."""
    found = _starts(stem, text)
    if found is None:
        m = re.search(rf"\b{re.escape(stem)}", text, re.I)
        return -1 if m is None else m.start()
    return found[0] if found else -1


def _after_determiner(stem: str, text: str) -> bool:
    """``re.search(rf"\\b{_DETERMINER}\\s+{re.escape(stem)}\\b", text, re.I)`` found."""
    found = _starts(stem, text)
    if found is None:
        return re.search(rf"\b{_DETERMINER}\s+{re.escape(stem)}\b", text, re.I) is not None
    after = _layout(text)[2]  # type: ignore[index]  # found: the text has a layout
    return any(i in after and _boundary(text, i + len(stem)) for i in found)


def _boundary(text: str, j: int) -> bool:
    """Whether ``\\b`` matches at ``j`` of ``text`` (``re``'s word characters are these)."""
    def word(k: int) -> bool:
        return 0 <= k < len(text) and (text[k].isalnum() or text[k] == "_")
    return word(j - 1) != word(j)


def _as_noun(stem: str, a: str, b: str, actors: list[str]) -> bool:
    """Whether the word ``stem`` is a thing in either text: right after "a", "the" or a
    possessive, or after one more word that is no actor ("Sunday's call", "a phone call"; not
    "the tenant sued"), not a deed."""
    for t in (a, b):
        for one, two in _befores(t):
            if one.startswith(stem) or two.startswith(stem) and _stem(one) not in actors:
                return True
    return False


@lru_cache(maxsize=65536)
def _befores(text: str) -> tuple[tuple[str, str], ...]:
    """The words after each determiner of ``text`` (``_BEFORE``), lower-cased: read once per
    text, not once per word ``_as_noun`` asks of."""
    return tuple((m.group(1).lower(), (m.group(2) or "").lower()) for m in _BEFORE.finditer(text))


# A determiner or a possessive and the one or two words after it (read at every determiner).
_BEFORE = lazy(r"(?:\b(?:a|an|the|its|his|her|their|this|that)|['’]s)\s+(?=([\w-]+)"
                     r"(?:\s+([\w-]+))?)", re.I)


def one_deed(a: str, b: str) -> bool:
    """Whether two texts that swap two sides tell one deed: the same words (``ONE_DEED`` of
    the shorter's content words) and the same numbers. "Air defences shot down 12 rebel
    drones" / "the rebels said they shot down 3 Kestovan drones" are each side's own losses:
    two deeds, and only kept from agreeing."""
    ra, rb = _reading(a), _reading(b)
    if ra is None or rb is None:
        return False
    sa, sb = ra[1], rb[1]
    if len(sa & sb) < ONE_DEED * min(len(sa), len(sb)):
        return False
    return set(_NUMBER.findall(a)) == set(_NUMBER.findall(b))


ONE_DEED = 0.9
_NUMBER = lazy(r"\d[\d,.]*")


# The same words in another order are near-copies (0.94-0.99 on the review's swaps): below
# this cosine the order is not read, which keeps the reading off most candidate pairs.
ROLES_SIMILARITY = 0.8


def roles_apart(a: str, b: str, similarity: float) -> tuple[str, str] | None:
    """``swapped_roles`` for two near-copies (cosine ``ROLES_SIMILARITY`` or more), else None."""
    return swapped_roles(a, b) if similarity >= ROLES_SIMILARITY else None


@lru_cache(maxsize=65536)
def swapped_roles(a: str, b: str) -> tuple[str, str] | None:
    """The two actors ``a`` and ``b`` put on the other sides of a shared word (the deed), or
    None. Only where most content words are shared, each once, both words name someone who
    can act (a side's noun, or a name capitalised mid-sentence too), and neither text is
    passive ("were attacked by police", "2,000 were approved") nor tells a deed of both sides
    alike ("met", "signed")."""
    ra, rb = _reading(a), _reading(b)
    if ra is None or rb is None:
        return None
    (ta, sa), (tb, sb) = ra, rb
    shared = sa & sb
    if len(shared) < 3 or len(shared) < 0.6 * max(len(sa), len(sb)):
        return None
    if shared & _BOTH_WAYS:
        return None
    once = sorted(w for w in shared if ta.count(w) == 1 and tb.count(w) == 1)
    actors = [w for w in once if _actor(w, a, b)]  # in order: the same pair every run
    pa, pb = {w: ta.index(w) for w in once}, {w: tb.index(w) for w in once}
    for v in (w for w in once if w not in actors and w not in _CALENDAR
              and not _as_noun(w, a, b, actors)):  # the deed
        # between them, not a third actor nor a day nor a thing ("placed Sunday's call to" /
        # "received a call on Sunday from": two verbs of one call, each from its own end)
        x = [w for w in actors if pa[w] < pa[v] and pb[w] > pb[v]]  # before it in a, after
        y = [w for w in actors if pa[w] > pa[v] and pb[w] < pb[v]]  # in b; and the other
        if x and y:
            return x[0], y[0]
    return None


__all__ = ["ONE_DEED", "ROLES_SIMILARITY", "one_deed", "roles_apart", "side", "swapped_roles"]
