"""Who asked for it, beyond a truce and talks: "Tessary appealed to the UN for peacekeepers" /
"Tessary has never asked for peacekeepers"; "the opposition asked for the recount" / "the
ruling party requested the recount"; "Dravia reached out first" / "Estmark made the first
approach". Each is a credit for what was asked, which ``responsibility`` compares with the same
thing asked in the other claim: an ``asker`` (many may ask for one thing: "Argentina sought a
loan" / "Egypt sought a loan" is no dispute), a ``requester`` where the wording makes one the
one who asked ("it was the rebels who asked", "reached out first", "was asked ... by X"; and,
as ``credit`` reads it, whoever asked for a truce), or a ``not-requester`` ("never asked for
it"), which meets either in the same actor."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ..credits import Credit
from .started import CLAUSE_START as _START
from .started import SUBJECT as _SUBJ
from .started import subject_key

# What may be asked for, and the outcome it is compared under (talks and sessions are meetings,
# a truce a ceasefire; anything else is its own: "asked:loan").
_ASKABLE = (r"peacekeepers|troops|soldiers|loans?|aid|assistance|help|talks|negotiations|"
            r"meetings?|sessions?|summit|ceasefire|truce|recount|extension|mediation|"
            r"intervention|sanctions|evacuation|corridor|inquiry|investigation|referendum|"
            r"postponement|delay|protection|asylum|reinforcements|observers|monitors|"
            r"shelling|elections?|vote|dialogue|swap|exchange")
_AS = {"talks": "meeting", "negotiations": "meeting", "session": "meeting", "summit": "meeting",
       "dialogue": "meeting", "truce": "ceasefire", "soldiers": "troops", "help": "assistance",
       "aid": "assistance", "election": "vote", "elections": "vote", "exchange": "swap",
       "meetings": "meeting", "sessions": "meeting", "loans": "loan",
       "evacuation": "corridor",  # "an evacuation corridor", "a corridor": one thing asked
       "peace": "ceasefire"}  # "sued for peace"
# A truce in other words: "a halt to the fighting", "an end to the shelling", "a pause", "a
# cessation of hostilities", "a stop to the firing" (asked for, it is a ceasefire asked for).
_TRUCE = (r"pause|armistice|de-?escalation|"
          r"(?:halt|end|stop|stoppage)\s+(?:to|of|in)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?"
          r"(?:fighting|hostilities|firing|attacks|strikes|war|clashes|bombardment|combat)|"
          r"cessation\s+of\s+(?:hostilities|firing|fighting|military\s+action)|"
          r"halt(?=\s*(?:[,.;]|$))")  # "seeking a halt." asked for, a truce (not "to stop")
_TRUCE_RX = lazy(rf"(?:{_TRUCE})$", re.I)
_THING = (rf"(?:an?\s+|the\s+|any\s+|more\s+)?(?:[\w’'-]+\s+){{0,3}}?"
          rf"(?P<out>{_TRUCE}|{_ASKABLE})\b")
_ASK = (r"(?:(?:asked|appealed|applied|pressed|pushed|lobbied|begged|pleaded)\s+"
        r"(?:[^.;,]{0,40}?\s)?for|requested|sought|called\s+for|initiated|proposed)")
_NOT = (r"(?:never|did\s+not|didn't|has\s+not|had\s+not|have\s+not|hasn't|had\s+never|"
        r"has\s+never|have\s+never|at\s+no\s+(?:point|time|stage))\s+(?:ask|request|seek|"
        r"sought|appeal|beg|plead)(?:ed)?|"
        r"(?:has|have|had)\s+declined\s+to\s+(?:request|ask\s+for|seek)|"
        r"(?:has\s+|have\s+|had\s+)?made\s+no\s+(?:such\s+)?(?:request|appeal|plea)s?")
# What a denial of asking covers when it names nothing: "we did not ask for anything", "made no
# request of any kind": a truce and talks among the rest.
_ANYTHING = (r"\s*(?:for\s+)?(?:anything|nothing)(?:\s+(?:at\s+all|whatsoever))?\s*(?:[,.;]|$)|"
             r"\s*(?:of\s+any\s+kind|whatsoever|at\s+all)?\s*(?:[,.;]|$)")
_CALLING = r"called|contacted|approached|phoned|rang|telephoned"  # ambiguous outside talks
_CONTACTED = rf"(?:reached\s+out\s+to|{_CALLING})"
_READERS = (
    # "Tessary appealed to the UN for peacekeepers", "The opposition asked for the recount"
    (rf"{_START}{_SUBJ}\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?{_ASK}\s+{_THING}", "asker"),
    # "called Lenz to ask for an end to the shelling", "asked Brennmark to send troops"
    (rf"{_START}{_SUBJ}\s+(?:had\s+|has\s+)?(?:personally\s+)?(?:(?:asked|begged)\s+"
     rf"(?:[\w’'-]+\s+){{0,4}}?to\s+(?:send|provide|deploy|grant|lend|arrange|hold)|called\s+"
     rf"(?:[\w’'-]+\s+){{1,4}}?to\s+ask\s+for)\s+(?:an?\s+end\s+to\s+)?{_THING}", "asker"),
    # "it was the rebels who asked Oman to mediate", "Oman was asked to mediate by Zaharan"
    (r"\b[Ii]t\s+was\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:that|who)\s+"
     rf"(?:had\s+|first\s+)?(?:asked|requested|sought|begged|pleaded|came\s+(?:to\s+"
     rf"(?:[\w’'-]+\s+){{1,5}}?)?(?:asking|to\s+ask|begging|pleading)(?:\s+for)?)\s+"
     rf"(?:[\w’'-]+\s+){{0,5}}?(?:for\s+|to\s+)?"
     rf"(?:(?:mediate|intervene)\b(?P<med>)|{_THING})", "requester"),
    # "Kessa's envoy phoned the army chief and proposed a truce", "the rebels contacted the
    # mediators and asked for a pause": whoever calls to ask is the one who asked
    (rf"{_START}{_SUBJ}\s+(?:had\s+|has\s+)?(?:{_CONTACTED})\s+(?:[\w’'-]+\s+){{0,5}}?and\s+"
     rf"(?:asked\s+for|requested|proposed|sought|pleaded\s+for|begged\s+for)\s+{_THING}",
     "requester"),
    # "the army approached the rebels with an offer to halt the fighting" / "of a truce"
    (rf"{_START}{_SUBJ}\s+(?:had\s+|has\s+)?(?:{_CONTACTED})\s+(?:[\w’'-]+\s+){{0,4}}?with\s+"
     rf"(?:an?\s+|its\s+|their\s+)?(?:offer|proposal|request|plea)\s+(?:to\s+(?P<halt>"
     r"(?:halt|end|stop)\s+(?:the\s+)?(?:fighting|hostilities|firing|shelling|attacks))|"
     rf"(?:for|of)\s+{_THING})", "requester"),
    # "the session was called at the request of Tessary", "arranged at the behest of X"
    (rf"\b{_THING}[^.;]{{0,80}}?\bat\s+the\s+(?:request|behest|urging|initiative|"
     r"insistence)\s+of\s+"
     r"(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?=\s*[,.;]|\s+(?:who|which|that|"
     r"and|after|before|on|in)\b|$)", "requester"),
    # "the pause was agreed at the rebels' request", "at Kessa's urging"
    (rf"\b{_THING}[^.;]{{0,80}}?\bat\s+(?P<who>(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+)['’]s?\s+"
     r"(?:request|behest|urging|initiative|insistence)\b", "requester"),
    (r"\bwas\s+asked\s+to\s+(?:mediate|intervene)(?P<med>)\s+by\s+(?P<who>(?:the\s+)?"
     r"(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?=\s*[,.;]|\s+(?:who|which|that|and)\b)", "requester"),
    # "Washington came to the rebels asking for a halt", "came to us begging for a truce"
    (rf"{_START}{_SUBJ}\s+(?:had\s+|first\s+)?came\s+to\s+(?:[\w’'-]+\s+){{1,5}}?"
     rf"(?:asking|to\s+ask|begging|pleading|seeking)\s+(?:for\s+)?{_THING}", "requester"),
    # "the Front sued for peace": it asked for an end to the fighting
    (rf"{_START}{_SUBJ}\s+(?:had\s+|has\s+)?sued\s+for\s+(?P<out>peace)\b", "asker"),
    # "Tessary has never asked for peacekeepers", "Estmark has declined to request assistance"
    (rf"{_START}{_SUBJ}\s+(?:{_NOT})\s+(?:[^.;,]{{0,30}}?\s)?(?:for\s+)?{_THING}",
     "not-requester"),
    # "the rebels had not asked to meet the commanders": no meeting asked for
    (rf"{_START}{_SUBJ}\s+(?:{_NOT})\s+to\s+(?P<meet>meet|talk|negotiate)\b", "not-requester"),
    # "we did not ask for anything", "Kessa made no such request": nothing asked for
    (rf"{_START}{_SUBJ}\s+(?:{_NOT})(?=(?:{_ANYTHING}))(?P<any>)", "not-requester"),
    # "Dravia reached out first", "Estmark made the first approach", "the commander called the
    # army first", "rebel leaders first contacted the army"
    (rf"{_START}{_SUBJ}\s+(?:had\s+|has\s+)?(?:reached\s+out\s+first|made\s+the\s+first\s+"
     rf"(?:approach|move|contact|call|overture)|(?:made|initiated)\s+(?:the\s+)?(?:first\s+)?"
     rf"contact|first\s+(?:{_CONTACTED}|reached\s+out\b)|{_CONTACTED}\s+(?:[\w’'-]+\s+){{0,4}}?first\b)(?P<contact>)",
     "requester"),
    # "It was the army that reached out first", "it was Dravia who made the first call"
    (r"\b[Ii]t\s+was\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:that|who)\s+"
     rf"(?:(?:first\s+)?initiated\s+(?:the\s+|a\s+)?(?:first\s+)?(?:call|contact|contacts|"
     rf"approach)|first\s+(?:{_CONTACTED}|reached\s+out\b)|(?:{_CONTACTED}|reached\s+out)\s+(?:[\w’'-]+\s+){{0,4}}?first\b|"
     rf"made\s+the\s+first\s+(?:approach|move|contact|call|overture))(?P<contact>)", "requester"),
    # "The request for a ceasefire came from the army" (a call for one may come from anyone)
    (rf"\b(?:[Tt]he\s+)?(?:request|proposal|initiative)\s+for\s+{_THING}\s+"
     r"(?:had\s+)?came\s+from\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)"
     r"(?=\s*[,.;]|\s+(?:who|which|that|and|after|before|on|in)\b|$)", "requester"),
)
_RX = tuple((lazy(rx), role) for rx, role in _READERS)
_EXTENDED = lazy(r"\s+(?:[\w’'-]+\s+){0,3}?(?:to\s+be\s+)?(?:extended|prolonged|renewed)\b")
# What a first contact was for: "reached out first to propose a truce" asked for the truce.
_PURPOSE = lazy(rf"\s+(?:first\s+)?(?:(?:through|via|over|by)\s+(?:the\s+|an?\s+)?"
                      rf"(?:[\w-]+\s+){{0,2}}?(?:hotline|channel|line|phone|intermediar\w+|"
                      rf"back-?channel|envoy)s?\s+)?"
                      rf"(?:(?:to\s+)?(?:propose|ask\s+for|request|seek|offer)|"
                      rf"(?:proposing|asking\s+for|requesting|seeking|offering)|"
                      rf"and\s+(?:proposed|asked\s+for|requested|sought|offered))\s+{_THING}")
_CALLED = lazy(rf"\b(?:{_CALLING})\b")
_TALKS = lazy(rf"truce|ceasefire|cease-fire|talks|negotiat|peace|pause|halt|armistice|"
                    rf"dialogue|mediat|hostilities|de-?escalat|stop\w*\s+(?:the\s+)?(?:fighting|"
                    rf"firing|attacks)|{_TRUCE}", re.I)
_ANY_ASK = lazy(r"ask|request|sought|seek|appeal|begg|plead|appli|call|press|push|lobb|"
                      r"initiat|propos|reached\s+out|first|contact|declined|behest|came\s+from|"
                      r"sued|insistence|phoned|rang|approached|came\s+to",
                      re.I)


def _asked_for(thing: str) -> str:
    """What a request is for, by its thing's word: a truce in other words ("a pause", "a halt
    to the fighting") is a ceasefire, talks a meeting (``_AS``), anything else itself."""
    word = thing.lower()
    return "ceasefire" if _TRUCE_RX.match(word) else _AS.get(word, word)


@lru_cache(maxsize=65536)
def askers(text: str) -> tuple[Credit, ...]:
    """The ``asker`` / ``requester`` / ``not-requester`` credits of ``text`` in the forms above."""
    out: list[Credit] = []
    if not _ANY_ASK.search(text):
        return ()  # most claims ask for nothing: one cheap look first
    for rx, role in _RX:
        for m in rx.finditer(text):
            if re.search(r"\b(?:also|too)\b", m.group(0)) or role != "not-requester" and re.search(
                    r"\b(?:never|not|declined|no\s+(?:point|time|stage))\b|n't\b", m.group(0)):
                continue  # "had also pressed for talks": not the only ones; "never asked": no
            groups = m.groupdict()
            if (groups.get("contact") is not None and _CALLED.search(m.group(0))
                    and not _TALKS.search(text)):
                continue  # "police first called the protest illegal", "first contacted
                # regulators about the merger": a first contact of talks or a truce only
            purpose = _PURPOSE.match(text, m.end()) if groups.get("contact") is not None else None
            if purpose is not None:  # "reached out first to propose a halt to the fighting"
                what = _asked_for(purpose.group("out"))
            elif groups.get("contact") is not None:
                what = "contact"
            elif groups.get("med") is not None:
                what = "mediation"
            elif _EXTENDED.match(text, m.end()):
                what = "extension"  # "asked for the pause to be extended": another request
            elif groups.get("halt") is not None:
                what = "ceasefire"  # "an offer to halt the fighting"
            elif groups.get("meet") is not None:
                what = "meeting"
            elif groups.get("any") is None:
                what = _asked_for(m.group("out"))
            else:  # nothing asked for: a truce, talks and mediation among the rest
                what = ""
            whats = (what,) if what else ("ceasefire", "meeting", "mediation")
            key = subject_key(m.group("who"))
            if key and key not in ("group", "side"):  # "the group had initiated contacts"
                for thing in whats:
                    outcome = thing if thing in ("meeting", "ceasefire") else f"asked:{thing}"
                    # who asked for the truce: one side, as credit.py reads it
                    one = "requester" if role == "asker" and outcome == "ceasefire" else role
                    out.append(Credit(outcome, one, key, m.start(), m.end()))
                if purpose is not None:  # "approached Velia first to propose an end to the
                    # fighting" also made the first approach ("Velia made the first approach")
                    out.append(Credit("asked:contact", role, key, m.start(), m.end()))
    return tuple(out)
