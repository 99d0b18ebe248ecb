"""The speaker of "According to X, Y, P" when X and Y name one person: a role and a name in
either order ("According to the province's deputy governor, Alireza Marhamati, P"; "According to
Ana Ruiz, the health minister, P"). Anything else leaves Y to what is said ("According to police,
Ana Ruiz, 34, was arrested"; "According to the minister, Ana Ruiz, Juan Perez and Luis Gomez were
arrested")."""

from __future__ import annotations

import re

from .clauses import WORD, finite_verb
from .pronouns import names_a_person
from .speakers import clean_speaker

# A role told as a description: "the province's deputy governor", "a senior army commander".
_ROLE = re.compile(r"(?:the|a|an|its|their|his|her|[A-Z][\w'’-]*['’]s?)\s+(?:[\w'’-]+\s+){0,5}?"
                   r"(?i:minister|governor|spokes(?:man|woman|person)|official|secretary|president|"
                   r"chief|commander|director|head|ambassador|envoy|adviser|advisor|mayor|general|"
                   r"colonel|leader|chairman|chairwoman|chair|prosecutor|representative|deputy)")
# A name: capitalised words (two to five), particles allowed ("Khalid al-Aiser").
_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|(?:al|el|bin|ibn|bint|de|da|van|von|"
                   r"der|le|la|abu|ul)(?:-[\w'’-]+)?)){1,4}")
# The appositive, ending at its comma; what follows must open a clause of its own, not tell
# more of a subject ("who ...", "aged 54", "34,").
_APPOSITIVE = re.compile(r"(?P<app>[^,]{2,60}),\s*(?=\S)(?!(?:which|who|whose|whom|aged)\b|\d)")
# "Juan Perez and Luis Gomez were arrested": the name was the first of a list.
_LIST = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:and|or)\s+[A-Z]")


def _person(text: str) -> bool:
    return bool(_NAME.fullmatch(text)) and names_a_person(text)


def _own_clause(rest: str) -> bool:
    """Whether ``rest`` opens with a clause that has a subject before its verb ("the attack killed
    nine people"), not a verb phrase ("was among the dead") or a noun phrase that ends at a comma
    ("a 34-year-old nurse, was ...")."""
    head = WORD.findall(rest.split(",", 1)[0])
    return (len(head) >= 2 and not _LIST.match(rest) and not finite_verb(head[:1])
            and not head[0].lower().endswith(("ing", "ed")) and finite_verb(head[1:]))


def apposed(spk: str, rest: str) -> tuple[str, int]:
    """The speaker of "According to X, Y, P" and how much of ``rest`` (the text after "X, ") the
    appositive Y takes: a role and a person's name in either order are one speaker, named by the
    name, when what follows opens a clause of its own; else Y is left to what is said (0)."""
    x = spk.strip()
    m = _APPOSITIVE.match(rest)
    if m is None or not _own_clause(rest[m.end():]):
        return clean_speaker(x), 0
    y = m.group("app").strip()
    if _ROLE.fullmatch(x) and _person(y):
        return clean_speaker(y), m.end()
    if _person(x) and _ROLE.fullmatch(y):
        return clean_speaker(x), m.end()
    return clean_speaker(x), 0
