"""Whose idea a joint undertaking was: who proposed a programme, a project, a partnership or a
target two sides then took up ("the research programme was proposed by Velmora" / "Ostrava
initiated the research programme"; "the cable was an Italian initiative"; "it was the Czech
side that floated the idea of buying gas jointly"). Outlets of each side often give their own
side the idea, so two claims naming different proposers of one undertaking conflict. Each
reading is a ``proposal`` credit of role ``initiator`` spanning what was proposed, which
``credit.responsibility`` compares only when the two spans share a word (``same_idea``): one
side's budget and the other's trade plan are two proposals. Truces, talks, swaps and corridors
are read by ``credit`` and ``initiative``, and left to them."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ..credits import Credit
from ..gate import Gate
from ..text import norm_actor
from .started import CLAUSE_START, subject_key

# What is proposed: up to seven words, ending before a clause goes on ("during the meeting",
# "which Argentina accepted", ", officials said").
_OBJ = (r"(?P<obj>(?:[\w’'-]+\s+){0,6}?[\w’'-]+)(?=\s*[,.;]|\s+(?:during|which|that|and|with|"
        r"at|in|earlier|later|last|this|on|to|when|after|before|while|but|as|from|"
        r"according)\b|$)")
_NP = r"(?P<obj>(?:[\w’'-]+\s+){0,6}?[\w’'-]+)"  # the same, as a subject
_PROPOSE = (r"(?:first\s+|originally\s+|initially\s+)?(?:proposed|initiated|put\s+forward|"
            r"floated|suggested|came\s+up\s+with|conceived|mooted)")
# Who proposed: a name and up to three words after it ("the Chilean president", "Egypt's foreign
# minister"), not a clause ("Kestova accepted a truce proposed by ...").
_NAME = (r"(?P<who>(?:(?:[Tt]he|[Aa]n?)\s+)?[A-Z][\w’'-]*(?:\s+(?!(?:a|an|the|to|had|has|have|was|"
         r"is|were|are|and|or|its|their)\b)[\w’'-]+){0,3}?)")
_IDEA_OF = r"(?:(?:the\s+)?(?:idea|creation|establishment|launch|setting\s+up)\s+(?:of|for)\s+)?"
_ARTICLE = r"(?:(?:a|an|the)\s+)?"
_READERS = tuple(lazy(rx) for rx in (
    # "New Zealand initiated the research programme", "the Argentine president put forward the
    # idea of a joint lithium council"
    rf"{CLAUSE_START}{_NAME}\s+(?:had\s+|has\s+|have\s+)?{_PROPOSE}\s+(?!by\b){_IDEA_OF}"
    rf"{_ARTICLE}{_OBJ}",
    # "the defence partnership was proposed by Canada"
    rf"\b(?:[Tt]he|[Aa]n?)\s+{_NP}\s+(?:was|were|had\s+been|has\s+been)\s+{_PROPOSE}\s+by\s+"
    rf"(?P<by>(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)(?=\s*[,.;]|\s+(?:and|in|during|at|"
    rf"on|earlier|later|last|this|which|who|with|according)\b|$)",
    # "the cable was an Italian initiative", "the corridor was its idea"
    rf"\b(?:[Tt]he|[Aa]n?)\s+{_NP}\s+(?:was|is|had\s+been)\s+(?:(?:an?|the)\s+)?"
    rf"(?P<of>[A-Z][\w’'-]+|its|their)(?:['’]s)?\s+(?:own\s+)?(?:proposal|"
    rf"initiative|idea|brainchild|plan)\b",
    # "it was the Czech side that floated the idea of buying gas jointly"
    rf"\b[Ii]t\s+was\s+{_NAME}\s+(?:that|who)\s+(?:had\s+)?{_PROPOSE}\s+{_IDEA_OF}"
    rf"{_ARTICLE}{_OBJ}",
))
_GATE = Gate(*_READERS)
# Steps between warring sides, which other readers credit ("a ceasefire", "talks", "a swap").
_OTHER_READERS = lazy(r"\b(?:cease-?fire|truce|pause|lull|halt|talks|negotiations|meeting|"
                      r"summit|dialogue|swap|exchange|corridor|evacuation|mediation|hostages?|"
                      r"prisoners?)\b", re.I)
# Words that say nothing of which undertaking it is.
_GENERIC = frozenset({"joint", "new", "idea", "project", "plan", "programme", "program",
                      "proposal", "initiative", "creation", "establishment", "the", "a", "an",
                      "of", "for", "on", "to", "in", "and", "with", "its", "their", "first",
                      "bilateral", "common", "scheme", "setting", "up", "launch", "jointly"})


@lru_cache(maxsize=65536)
def proposals(text: str, speaker: str | None) -> tuple[Credit, ...]:
    """Who a claim says proposed a joint undertaking: ``proposal`` credits of role ``initiator``
    over the span of what was proposed ("its idea": the speaker)."""
    if not _GATE.opens(text):
        return ()
    out = []
    for rx in _READERS:
        for m in rx.finditer(text):
            obj = m.group("obj")
            if _OTHER_READERS.search(obj) or not idea_words(obj):
                continue
            who = m.groupdict().get("who") or m.groupdict().get("by") or m.group("of")
            name = re.sub(r"^(?:the|an?)\s+", "", who.strip(), flags=re.I)
            # a name of its own ("New Zealand"), else who a phrase names ("the Chilean president")
            key = norm_actor(name) if all(w[:1].isupper() for w in name.split()) else None
            key = key or subject_key(who)
            if key == "its":
                key = subject_key(speaker) if speaker else None
            if key:
                out.append(Credit("proposal", "initiator", key, m.start("obj"), m.end("obj")))
    return tuple(out)


def idea_words(span: str) -> frozenset[str]:
    """The words of what was proposed that tell one undertaking from another, cut to five
    letters ("purchase" / "purchases"); numbers kept."""
    words = re.findall(r"[\w’'-]+", span.lower())
    return frozenset(w[:5] for w in words if w not in _GENERIC and (len(w) > 2 or w.isdigit()))


def same_idea(text_a: str, x: Credit, text_b: str, y: Credit) -> bool:
    """Whether two ``proposal`` credits are of one undertaking: their spans share a word."""
    return bool(idea_words(text_a[x.start:x.end]) & idea_words(text_b[y.start:y.end]))
