"""The question a dispute answers, worded from its typed reasons: who is credited, who started
it, who is behind a deed, whether a harm was a mishap or an act, whether a truce was kept, how
many, when, what someone's title is, whether a meeting took place, whether anything was given in
return; else whether the first position holds."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..judge.credits import role_verb
from ..judge.frames.answered import WHO_STARTED
from ..judge.frames.contact import KINDS as _CONTACT_KINDS
from ..judge.frames.contact import asked as _contact_asked
from ..judge.frames.involved import WHO_BEHIND as _WHO_BEHIND
from ..judge.frames.mishap import HOW as _HOW_HARM
from ..judge.frames.terms import ON_TERMS as _ON_TERMS
from ..records import Position, Reason
from .titles import starts_with_name

# How a position that denies a statement is labelled: "Denied: the rebels asked for the truce."
DENIED = "Denied: "
# The reason types a question is worded from, first found first ("How many ...?" over "When
# ...?"); the claims they cite label the positions (``disputes._dispute``).
ASKED_KINDS = ("actor", "compliance", "number", "date", "title", "place")
_WHO = re.compile(r"who (?:is responsible for|gets credit for) (.+?)(?: —|:)")
_COUNT = re.compile(r"\(([^()]+)\)\s*$")
_WHEN = re.compile(r"\(when: ([^()]*)\)")
_TITLE = re.compile(r"([^:']{1,80}): '")


def subject(r: Reason) -> str | None:
    """What a typed reason asks about, read from its detail (``question`` and the disputes'
    ``_kind`` share it): the thing credited or blamed ("the ceasefire"), the compliance
    question, what is counted ("deaths"), the happening timed ("truce"), the person titled;
    None when its detail names none."""
    if r.type == "actor":
        m = _WHO.search(r.detail)
    elif r.type == "compliance":
        return r.detail.split(" — ", 1)[0]
    elif r.type == "number":
        m = _COUNT.search(r.detail)
    elif r.type == "date":
        m = _WHEN.search(r.detail)
        return m.group(1).split("/")[0] if m else None
    elif r.type == "title":
        m = _TITLE.match(r.detail)
    else:
        return None
    return m.group(1) if m else None


def question(reasons: Sequence[Reason], pos: Sequence[Position]) -> str:
    """The question the positions answer, from the typed reasons (see the module's docstring);
    ``pos[0]``'s label words the fallback."""
    return question_of(typed_question(reasons), pos)


def question_of(typed: tuple[str, Reason] | None, pos: Sequence[Position]) -> str:
    """The question ``typed_question`` found, or ``pos[0]``'s label asked as a yes/no one."""
    if typed is not None:
        return typed[0]
    first = pos[0].label.removeprefix(DENIED).rstrip(".…")
    return f"Is it so that {_sentence_inside(first)}?"


def typed_question(reasons: Sequence[Reason]) -> tuple[str, Reason] | None:
    """The question the typed reasons ask, with the reason it is worded from ("How many
    deaths?" from a "number" reason), None when none asks one: the claims such a reason cites
    label the positions (``disputes._dispute``)."""
    for kind in ASKED_KINDS:
        for r in sorted(reasons, key=lambda r: -r.weight):
            if r.type != kind:
                continue
            asked = _asked(r, kind)
            if asked is not None:
                return asked, r
    for r in sorted(reasons, key=lambda r: -r.weight):
        if r.type == "linkage" and r.detail.startswith(_ON_TERMS):
            return "Was anything given in return?", r  # frames.terms
        for kind in _CONTACT_KINDS:  # frames.contact
            if r.detail.startswith(_contact_asked(kind)):
                return _DID_CONTACT[kind], r
    return None


def _asked(r: Reason, kind: str) -> str | None:
    """The question one reason of a typed ``kind`` asks, or None when it names no subject."""
    what = subject(r)
    if kind == "actor" and r.detail.startswith(_HOW_HARM):
        return "Was it a mishap or an act?"  # frames.mishap
    if kind == "actor" and r.detail.startswith(_WHO_BEHIND):
        return "Who is behind it?"  # frames.involved
    if kind == "actor" and what == "the harm" and any(
            f" {role_verb(role)}" in r.detail for role in WHO_STARTED):
        return "Who started it?"  # frames.started, frames.answered
    if kind == "actor" and what is not None:
        return ("Who is responsible for the harm?" if what == "the harm"
                else f"Who brought about {what}?")
    if kind == "compliance":
        asked = (what or "").rstrip("?")
        return asked[:1].upper() + asked[1:] + "?"
    if kind == "number" and what is not None:
        return _HOW_MUCH.get(what) or f"How many {_plural(what)}?"
    if kind == "title" and what is not None:
        return f"What is {what}'s title?"
    if kind == "place":  # frames.where
        return "Where did it happen?"
    if kind == "date":
        return (_WHEN_DID.get(what or "") or f"When did the {what} happen?" if what
                else "When did it happen?")
    return None


# The contact frame's questions, by kind (its reasons name none in ``_subject``'s terms).
_DID_CONTACT = {"meeting": "Did the meeting take place?", "call": "Did the call take place?",
                "notice": "Was notice given?"}


# Count kinds whose question is not "How many <kind>?"; timed happenings with their own verb.
_HOW_MUCH = {"how long it lasted": "How long did it last?", "share": "What share?",
             "released": "How many were released?", "missing": "How many are missing?",
             "displacement": "How many were displaced?"}
_WHEN_DID = {"dam": "When was the dam breached?", "meeting": "When did the meeting take place?",
             "election": "When was the election held?", "deal": "When was the deal reached?"}
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women"}


def _plural(noun: str) -> str:
    """The plural of a counted noun as the count frames name it ("settlement", "person")."""
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith(("s", "x", "ch", "sh")) or last in ("aircraft", "personnel"):
        last = last if last.endswith("s") or last in ("aircraft", "personnel") else last + "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _sentence_inside(text: str) -> str:
    """A sentence set inside another: its first word lower-cased, unless it starts a name
    ("Qatar brokered the truce" stays; "The army said" becomes "the army said")."""
    return text if starts_with_name(text) else text[:1].lower() + text[1:]


__all__ = ["question", "subject"]
