"""Counts said without a number: "none of its aircraft", "nobody was harmed", "quelled without
bloodshed", "everyone on board was rescued"; and a named group of people outnumbering all the
people another claim counts ("17 inmates died" / "no one died"). Read for ``counts.count``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, TypeVar

from ...lazy_re import lazy
from ..text import Quantity


class Counted(Protocol):
    """What ``more_than_all`` reads of a ``counts.Count``."""

    @property
    def kind(self) -> str: ...
    @property
    def head(self) -> str: ...
    @property
    def lo(self) -> float: ...
    @property
    def hi(self) -> float: ...


C = TypeVar("C", bound=Counted)

_MANY = frozenset({"aircraft", "personnel", "staff", "livestock", "cattle", "people", "children",
                   "women", "men", "police"})  # plurals without an -s
_COUNTED_AFTER = lazy(r"\s+(?:was|were|has|had|is|are|died|survived)\b", re.I)
_ZERO = lazy(r"\b(?P<z>none|no|zero|not\s+a\s+single|not\s+one)\s+(?:of\s+(?:its|the|their|"
                   r"his|her|our)\s+)?(?-i:[A-Z][a-z]+\s+)?(?P<unit>[a-z-]+)", re.I)
# Nobody killed, hurt or held: a zero of people, the verb after it says of what ("No one had
# died in the floods", "Nobody outside the post was harmed"); harm of none is no death either.
_NOBODY = lazy(r"\b(?:no\s+one|no\s*-\s*one|nobody)\b"
                     r"(?=(?:\s+[\w-]+){0,5}?\s+(?:had\s+|has\s+|"
                     r"have\s+|was\s+|were\s+)?(?:been\s+)?(?P<v>died|killed|harmed|hurt|injured|"
                     r"wounded|arrested|detained)\b)", re.I)
# No one killed or hurt, said of casualties: "caused no casualties", "there were no injuries or
# deaths"; not "no casualty figures", "no military casualties" (of one side only).
_NOT_A_FIGURE = r"(?!\s+(?:figures?|counts?|numbers?|tolls?|data|reports?|claims?)\b)"
_NO_CASUALTIES = lazy(r"\b(?:no|zero|without\s+(?:any\s+)?)\s*(?P<civ>civilian\s+)?"
                            r"(?:casualties|injuries\s+or\s+deaths|deaths\s+or\s+injuries)\b"
                            + _NOT_A_FIGURE, re.I)
# No one killed, said of deaths: "caused no deaths", "there were no fatalities", "without loss
# of life" is ``_BLOODLESS``'s.
_NO_DEATHS = lazy(r"\bno\s+(?P<civ>civilian\s+)?(?:deaths|fatalities)\b" + _NOT_A_FIGURE,
                        re.I)
# A zero of some only ("no casualties on its side", "among the crew", "from the second blast"),
# and one hoped for or of another sense ("hoped there would be", "treated no casualties").
_OF_SOME = lazy(r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:reported|"
                      r"recorded|suffered|sustained))?"
                      r"\s+(?:on\s+(?:its|their|our|his|her|the\s+[\w-]+)\s+side|among|from|"
                      r"of\s+(?:its|their|our|the)|in\s+(?:its|their|our)\s+ranks)\b", re.I)
_HOPED = lazy(r"\b(?:hop\w*|expect\w*|would|could|should|will|may|might|aim\w*|"
                    r"ensure\w*|to|treated|received|admitted|target\w*|promis\w*|pledg\w*|"
                    r"vow\w*|goal)\b(?:\s+[\w-]+){0,4}\s*$", re.I)
_BLOODLESS = lazy(r"\bwithout\s+(?:any\s+)?(?:bloodshed|casualties|loss\s+of\s+life|"
                        r"(?:a\s+)?(?:single\s+)?(?:death|shot\s+being\s+fired))\b", re.I)


@lru_cache(maxsize=65536)
def zeros(text: str) -> tuple[Quantity, ...]:
    """"none of its aircraft", "no casualties": counts of zero."""
    out = []
    for m in _ZERO.finditer(text):
        unit = m.group("unit").lower()
        if unit in {"one", "longer", "more", "less", "fewer", "doubt", "evidence", "comment",
                    "sign", "immediate", "such", "other", "further", "reason", "need", "way"}:
            continue
        if (m.group("z").lower() == "no" and " of " not in m.group(0).lower()
                and not (unit.endswith("s") and not unit.endswith("ss")) and unit not in _MANY
                and not _COUNTED_AFTER.match(text, m.end())):
            continue  # "no idea", "no order", "no proof": no count; "no casualties", "no
            # civilian was hurt" are
        out.append(Quantity(m.start(), m.end(), m.group(0), 0.0, unit))
    for m in _NOBODY.finditer(text):
        out.append(Quantity(m.start(), m.end(), m.group(0), 0.0, "people"))
    return tuple(out)


@lru_cache(maxsize=65536)
def no_harm(text: str) -> tuple[tuple[Quantity, str, str], ...]:
    """Zeros of people said without a count, each with the kind it zeroes and whom: "nobody was
    harmed" (no one hurt is no one killed) and "quelled without bloodshed" are no deaths of
    anyone ("person"), "caused no casualties" no deaths and no injuries; "everyone on board was
    rescued" no deaths and no one missing, and "all 30 crew were rescued" none of the crew
    ("crew": not the passengers)."""
    found = [(m, ("deaths",), "person") for m in _NOBODY.finditer(text)
             if m.group("v").lower() in ("harmed", "hurt", "injured", "wounded")]
    found += [(m, ("deaths",), "person") for m in _BLOODLESS.finditer(text)]
    found += [(m, zeroed, "civilian" if m.group("civ") else "person")  # "no civilian
              for rx, zeroed in ((_NO_CASUALTIES, ("deaths", "injuries")),  # casualties":
                                 (_NO_DEATHS, ("deaths",)))                 # of civilians
              for m in rx.finditer(text)
              if not _OF_SOME.match(text, m.end())  # "no casualties on its side": of some
              and not _HOPED.search(text, max(0, m.start() - 50), m.start())]
    for m in _ALL_SAFE.finditer(text):
        group = _GROUP.search(m.group(0))
        noun = group.group(0).lower() if group else "people"
        found.append((m, ("deaths", "missing"), _ONE_OF.get(noun, noun.rstrip("s"))))
    return tuple((Quantity(m.start(), m.end(), m.group(0), 0.0, "people"), kind, head)
                 for m, kinds, head in found for kind in kinds)


_GROUP = lazy(r"\b(?:crew|passengers?|workers?|miners?|pupils?|students?|children|child|"
                    r"hostages?|sailors?|fishermen|fisherman|staff|patients?)\b", re.I)
_ONE_OF = {"people": "person", "child": "children", "pupils": "children", "pupil": "children",
           "fisherman": "fishermen"}  # the rest are their own noun without an -s


# Everyone safe: "rescued everyone on board", "all 43 crew members had been accounted for",
# "every worker had been brought out", "all the passengers survived".
_SAFE_VERB = (r"(?:rescued|saved|evacuated|accounted\s+for|brought\s+(?:out|to\s+safety)|"
              r"pulled\s+out|survived|safe)")
_EVERYONE = (r"(?:everyone|everybody|all\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:[\d,]+\s+|"
             r"[a-z]+-?[a-z]*\s+)?(?:crew|passengers|workers|miners|people|members|residents|"
             r"pupils|students|children|hostages|sailors|fishermen|staff|patients|those)"
             r"(?:\s+members)?|every\s+(?:one\s+of\s+the\s+)?(?:worker|miner|passenger|person|"
             r"crew\s+member|member|resident|pupil|student|child|hostage|sailor|fisherman))")
_ALL_SAFE = lazy(
    rf"\b(?:{_SAFE_VERB}\s+{_EVERYONE}|{_EVERYONE}(?:\s+(?:reported\s+missing(?:\s+[\w-]+){{0,4}}?|"
    rf"on\s+board|aboard|inside|"
    rf"underground|(?:in|of|from)\s+the\s+(?:[\w-]+\s+){{0,2}}?[\w-]+))?\s+(?:(?:was|were|had|"
    rf"has|have)\s+)?(?:now\s+)?(?:been\s+)?(?:now\s+)?(?:safely\s+)?{_SAFE_VERB})\b", re.I)


# Counts of people a happening befalls: a named group of them ("300 protesters") cannot
# outnumber all of them ("112 people") in one happening; fewer is a part ("five children").
_PEOPLE_KINDS = frozenset({"deaths", "injuries", "arrests", "missing", "displacement", "released"})
_HUMAN = frozenset({"protester", "demonstrator", "civilian", "soldier", "fighter", "child",
                    "children", "woman", "women", "man", "men", "worker", "migrant", "refugee",
                    "student", "journalist", "passenger", "tourist", "miner", "villager",
                    "patient", "worshipper", "pilgrim", "prisoner", "detainee", "hostage",
                    "activist", "officer", "policeman", "teenager", "farmer", "fisherman",
                    "inmate", "crew", "sailor", "pilot", "guard", "nurse", "doctor", "employee",
                    "voter", "supporter", "resident", "pupil", "diver", "climber", "guest",
                    "fan", "spectator", "mourner", "staff"})


def human(head: str) -> bool:
    """Whether a count's noun names people of some kind ("inmate", "fishermen")."""
    return head in _HUMAN or head.endswith(("man", "men"))


def more_than_all(ca: tuple[C, ...], cb: tuple[C, ...]
                  ) -> list[tuple[list[C], list[C], tuple[str, str]]]:
    """Pairs of one kind where a named group of people outnumbers all the people the other
    claim counts: "more than 300 protesters were arrested" / "112 people were detained"."""
    if len(ca) * len(cb) > 2500:
        return []  # a table of numbers, not a sentence: the comparison is quadratic
    out = []
    for xs, ys in ((ca, cb), (cb, ca)):
        for x in xs:
            for y in ys:
                if (x.kind == y.kind and x.kind in _PEOPLE_KINDS and human(x.head)
                        and y.head == "person" and x.lo > y.hi):
                    out.append(([x], [y], (x.kind, "person")) if xs is ca else
                               ([y], [x], (x.kind, "person")))
    return out
