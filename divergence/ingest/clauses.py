"""Is a proposition a clause? What an attribution cue leaves behind may be a fragment
("mediating between India and Pakistan", "the engagement as wide-ranging"), which is no
statement to judge; the sentence is then kept whole."""

from __future__ import annotations

import re

from ..wordlists import word_groups

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _clause_words() -> dict[str, frozenset[str]]:
    """The word lists of ``is_clause`` (``data/words/clause_words.txt``)."""
    return word_groups("clause_words")


def finite_verb(words: list[str]) -> bool:
    """Whether any word looks like a finite verb: an auxiliary, a past form, or a verb in -s
    followed by what verbs take ("comes as", "remains a")."""
    lists = _clause_words()
    finite, dets, after = lists["finite"], lists["determiners"], lists["after_verb"]
    low = [w.lower().replace("’", "'") for w in words]
    for i, w in enumerate(low):
        if w in finite:
            return True
        if words[i][0].isupper() and i > 0:
            continue  # a name ("United", "Red")
        prev = low[i - 1] if i else ""
        if len(w) > 4 and w.endswith("ed") and w not in lists["not_past"] and prev not in dets:
            return True
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics"))
                and nxt in after and prev not in dets and prev not in after):
            return True
    return False


def is_clause(text: str) -> bool:
    """Whether ``text`` reads as a clause, not a fragment an attribution cue left behind.

    A fragment begins with a gerund or participle ("mediating between India and Pakistan"),
    or is a noun phrase with an "as" complement ("the engagement as wide-ranging"), or has no
    finite verb at all ("their commitment to strengthening the Quad"). Quoted speech that drops
    its subject ("Discussed our bilateral partnership ...") still has a finite verb and passes.
    """
    words = WORD.findall(text)
    if not words:
        return False
    first = words[0].lower()
    if first.endswith("ing") and first not in _clause_words()["not_gerund"]:
        return False
    np_as = re.match(r"\W*(?:the|a|an|its|their|his|her|our)\s+(?:[\w’'-]+\s+){0,3}as\b", text,
                     re.I)
    if np_as and not finite_verb(WORD.findall(np_as.group(0))):
        return False  # "The engagement as ...", not "His visit comes as ..."
    # A verb inside a relative clause is not the clause's own: "any part in the blast, in which
    # hundreds died" is a noun phrase.
    return finite_verb(WORD.findall(_RELATIVE.sub(" ", text)))


# A relative clause between commas, or closing the text.
_RELATIVE = re.compile(r",\s*(?:in\s+which|which|who|whom|whose|where)\b[^,;]*(?:,|$)", re.I)
