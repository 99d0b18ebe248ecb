"""Who a frame names as the one who did something: the noun phrases credit frames read as
actors ("the United States", "Qatari mediators", "the Council of Aldren"), and their credits."""

from __future__ import annotations

import re

from ...lazy_re import lazy
from ..credits import Credit
from ..text import norm_actor
from .started import NOT_NAME_START

# A name of up to five capitalised words ("the Council of Aldren"), and the side noun after one.
NAME_WORDS = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){{0,{more}}}"
SIDE_NOUN = (r"(?:\s+(?:forces|troops|army|military|militants|fighters|rebels|officials|group|"
              r"government|authorities|leadership|diplomats|mediators|negotiators|envoys?|"
              r"facilitators|delegation|delegates|emissar(?:y|ies)|officers|agents|elders|charity|"
              r"intelligence(?:\s+(?:officers|officials|services?|agency|chiefs?))?))?")
# Each name starts at a word's start (the lookbehind): without it, a long capitalised token is
# rescanned from every letter, quadratic in its length.
# A body named by whose it is: "the government of Lusmoor", "officers from neighbouring
# Palvania", "diplomats from Estoria" (keyed by the name: ``norm_actor``).
_BODY_OF = (r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z]+\s+)?(?:government|officials|officers|diplomats|"
            r"envoys?|delegation|delegates|negotiators|mediators|representatives|leaders?|"
            r"leadership|authorities|president|king|queen|emir|sultan|ambassador|"
            r"foreign\s+minister|team|teams|fighters|militants|members|troops|soldiers|units|"
            r"gunmen|commanders)\s+(?:of|from)\s+(?:neighbouring\s+|nearby\s+)?")
# A public office named by its title, not its holder ("the governor", "the labour minister", "the
# prime minister's envoy"): who holds it is not known here, so a credit of one is set only
# against a claim that no one did it, never against a named actor (``is_office``), and only as a
# mediator (``credits_for``). Only public qualifiers: "the union president", "the company
# secretary", "the rebel envoy" are a party's own, sides of a dispute, not outsiders to it.
_OFFICE_WORDS = (r"(?:governor|mayor|minister|secretary|president|premier|chancellor|archbishop|"
                 r"bishop|pope|cardinal|patriarch|imam|church|envoy|ambassador|commissioner|"
                 r"ombudsman|emir)")
_PUBLIC = (r"(?:regional|provincial|state|city|county|district|municipal|local|deputy|acting|"
           r"interim|former|prime|foreign|interior|home|labou?r|transport|finance|defen[cs]e|"
           r"justice|health|education|trade|economy|energy|chief|vice|papal|apostolic|special)")
OFFICE_NP = (rf"[Tt]he\s+(?:{_PUBLIC}\s+){{0,2}}{_OFFICE_WORDS}"
             r"(?:['’]s\s+(?:envoys?|office|team|aides?|negotiators|mediators))?(?![\w’'-])"
             r"(?!\s+(?:of|from)\s+(?:the\s+)?[A-Z])")  # "the president of Tessary": Tessary
_OFFICE = lazy(OFFICE_NP)
AGENT_NP = (rf"(?P<agent>(?<![\w’'.-])(?:{OFFICE_NP}|(?:{_BODY_OF})?{NOT_NAME_START}"
            rf"{NAME_WORDS.format(more=4)}{SIDE_NOUN}))")
# Who mediated or asked may be two: "the United States and France brokered" (not for blame:
# "Israeli jets pounded Beirut and Hezbollah fired rockets").
AGENTS_NP = (rf"(?P<agent>(?<![\w’'.-])(?:{OFFICE_NP}|(?:{_BODY_OF})?{NOT_NAME_START}"
             rf"{NAME_WORDS.format(more=4)}(?:\s+and\s+{NAME_WORDS.format(more=3)})?{SIDE_NOUN}))")
_AND_SPLIT = lazy(r"\s+and\s+")
_OWN = lazy(r"(?:its|their|his|her|our)\s", re.I)  # "its troops": the speaker's own
PRONOUN = lazy(r"(?:he|she|they|his|her|their|its)", re.I)  # the speaker, if any


def credits_for(outcome: str, role: str, agent: str | None, m: re.Match[str],
                speaker: str | None) -> list[Credit]:
    """A credit for each actor of ``agent`` ("Qatar and Egypt": two), over the span of ``m``; a
    pronoun ("he", "their") is the speaker."""
    out = []
    for one in (_AND_SPLIT.split(agent) if agent else [None]):
        key = None
        if one is not None and _OFFICE.fullmatch(one.strip()):
            if role not in _OFFICE_ROLES or not _MEDIATES.search(m.group(0)):
                continue  # "the governor stepped in and agreed to a raise": a party may too
            key = "the " + " ".join(one.split()[1:]).replace("’", "'")  # "the governor"
        elif one is not None:
            key = norm_actor(speaker) if (PRONOUN.fullmatch(one.strip()) or _OWN.match(
                one.strip())) and speaker else norm_actor(one)
        out.append(Credit(outcome, role, key, m.start(), m.end()))
    return out


_OFFICE_ROLES = frozenset({"mediator", "not-mediator", "involved"})
# What only a go-between does ("the mayor mediated", "brokered by the archbishop"); not
# "negotiated", "secured" or "stepped in", which a party to the dispute does as well.
_MEDIATES = lazy(r"mediat|broker|go-between|intermediar|good\s+offices|facilitat", re.I)


def is_office(key: str | None) -> bool:
    """Whether an actor key names an office by its title ("the governor": ``credits_for``)."""
    return key is not None and key.startswith("the ")


def title_against_name(x: str | None, y: str | None) -> bool:
    """Two actor keys, one an office by its title, that may name one holder ("the president" /
    "hale"), or two offices: neither is set against the other as a rival."""
    return None not in (x, y) and x != y and (is_office(x) or is_office(y))


# Capitalised at a sentence's start, these describe the weapon, not who fired it ("Kamikaze
# drones hit the plant").
NOT_AGENTS = frozenset({"kamikaze", "suicide", "attack", "armed", "unmanned", "explosive", "enemy",
                        "ballistic", "cruise", "guided", "long-range", "several", "many", "some",
                        "more", "new", "two", "three", "four", "five",
                        # weapons by their model ("a Grad rocket", "Kalibr missiles")
                        "grad", "katyusha", "qassam", "iskander", "kalibr", "shahed", "tochka",
                        "tochka-u", "tomahawk", "himars", "atacms", "kinzhal", "storm shadow",
                        "smerch", "uragan", "hellfire", "scud", "burkan", "fateh", "zelzal",
                        "kornet", "javelin", "stinger", "patriot", "geran", "lancet"})


_NO_DOER = lazy(r"(?:no|nobody|none|nothing)\b", re.I)
_NO_DOER_BEFORE = lazy(r"\b(?:none\s+of|not|no)\s+(?:(?:a|an|the|any)\s+)?$", re.I)


# What keeps a credit from being held: "people should not assume (Israel was behind it)",
# "there was no proof that (Israel struck it)", "it is not clear whether (Qatar brokered it)".
_WITHHELD_BEFORE = lazy(
    r"(?:\b(?:not|never|n['’]t)\s+(?:\w+\s+){0,2}?(?:assume|assumed|say|said|suggest|"
    r"conclude|concluded|prove|proved|proven|confirm|confirmed|establish|established|know|"
    r"determine|determined|clear|certain|sure|known)|"
    r"\bno\s+(?:\w+\s+)?(?:proof|evidence|sign|indication)|"
    r"\bnothing\s+to\s+(?:suggest|show|indicate)|\bunclear|\bunknown)"
    r"\s+(?:(?:that|whether|if)\s+)?(?:it\s+was\s+)?$", re.I)


def not_held(text: str, role: str, start: int) -> bool:
    """Whether the credit of ``role`` found at ``start`` is one its claim does not hold: a cause
    whose doer is denied (``no_doer``), or any credit it will not grant ("should not assume",
    "no proof that", "unclear whether")."""
    return (role == "cause" and no_doer(text, start)
            or bool(_WITHHELD_BEFORE.search(text, max(0, start - 80), start)))


def no_doer(text: str, start: int) -> bool:
    """Whether the doer a frame found at ``start`` is denied: "No drone (struck the depot)",
    "Nobody (attacked)", "none of (the Russian missiles hit it)", "it was not (a Ukrainian
    drone that struck it)"."""
    return bool(_NO_DOER.match(text, start) or _NO_DOER_BEFORE.search(text, 0, start))
