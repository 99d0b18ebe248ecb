"""Who holds a place: one voice says an actor took it, another that a different actor still holds
it ("rebels captured the airport" / "the army retained full control of the airport"; "the town
fell to the militia" / "the town remains under government control"), or that a place was taken
whole while another says it is still fought over ("fully captured Velk" / "fighting is still
going on in Velk"). The ``control`` detector: a report and its rejection in other words, common
wherever a front line is disputed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Reason
from ..demonyms import same_actor
from ..detectors import Pair, detector, one_voice, span_of
from ..gate import Gate
from ..text import COUNTRY_NAMES, dates, norm_actor

# Who: a name of up to four capitalised words, or a side noun with its modifiers.
_SIDE = (r"rebels?|army|military|troops|forces|fighters|militants|militias?|government|soldiers|"
         r"police|insurgents|paramilitaries|separatists|jihadists")
# (each word at a word's start: without it a long capitalised token is rescanned from every
# letter, quadratic in its length)
_WHO = (rf"(?P<who>(?<![\w'’.-])(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’.-]*|pro-[\w-]+|government|rebel|"
        rf"army)\s+){{0,3}}(?:{_SIDE}|[A-Z][\w'’.-]*))")
# Where: a place name, or a place noun ("the airport", "the border crossing", "the main base").
_PLACE_NOUN = (r"airport|airfield|city|town|village|base|port|harbou?r|bridge|plant|dam|crossing|"
               r"capital|hill|district|province|region|checkpoint|headquarters|garrison|"
               r"stronghold|outpost|mine|refinery")
_WHERE = (rf"(?<![\w'’-])(?P<where>(?:[Tt]he\s+)?(?:(?:[A-Za-z][\w'’-]*\s+)?(?:{_PLACE_NOUN})\b"
          rf"(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?|"
          rf"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}))")
_TOOK = lazy(
    rf"{_WHO}\s+(?:have\s+|has\s+|had\s+)?(?:now\s+)?(?:re)?(?:captured|seized|took(?:\s+(?:full\s+)?"
    rf"control\s+of)?|taken(?:\s+(?:full\s+)?control\s+of)?|overran|overrun|occupied|"
    rf"(?:re)?gained\s+control\s+of|retook|retaken|(?:have|has|had)\s+fallen\s+upon)\s+"
    rf"{_WHERE}"
    rf"|{_WHERE.replace('where', 'where2')}\s+(?:has\s+|had\s+)?(?:fell|fallen)\s+to\s+"
    rf"{_WHO.replace('who', 'who2')}")
_HOLDS = lazy(
    rf"{_WHO}\s+(?:still\s+|firmly\s+)?(?:retained|retains|retain|kept|keeps|keep|holds?|held|"
    rf"controls?|controlled|(?:remained|remains|remain|(?:was|is|were|are)\s+(?:still\s+)?)"
    rf"(?:firmly\s+|fully\s+)?in\s+(?:full\s+)?control\s+of|(?:retained|retains|maintained|"
    rf"maintains|kept|keeps|had|has|have)\s+(?:full\s+|firm\s+|total\s+)?control\s+(?:of|over)|"
    rf"repelled|repulsed|fended\s+off)\s+(?:(?:an?|the)\s+(?:[\w-]+\s+)?(?:attack|assault|"
    rf"offensive|attempt)\s+(?:on|to\s+take)\s+)?{_WHERE}"
    rf"|{_WHERE.replace('where', 'where2')}\s+(?:remains|remained|is|was|stays|stayed)\s+"
    rf"(?:still\s+|firmly\s+|fully\s+)?"
    rf"(?:under|in)\s+(?:the\s+)?(?!(?:the|a|an)\b)(?P<who2>[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
    rf"(?:control|hands)\b"
    # "Tel Amar is now held by government troops", "the hands of the militia"
    rf"|{_WHERE.replace('where', 'where3')}\s+(?:is|was|remains|remained)\s+(?:now\s+|still\s+|"
    rf"firmly\s+)?(?:held|controlled|occupied)\s+by\s+{_WHO.replace('who', 'who3')}"
    rf"|{_WHERE.replace('where', 'where4')}\s+(?:remains|remained|is|was)\s+(?:still\s+|firmly\s+)?"
    rf"in\s+the\s+hands\s+of\s+{_WHO.replace('who', 'who4')}")
# A turn of the front, not a rival account: a place taken back, or held for a while (then lost).
_SEQUEL = lazy(r"\b(?:re(?:captured|took|taken|gained|seized|occupied)|took\s+back|"
                     r"won\s+back)\b", re.I)
_HELD_FOR = lazy(r"\s*(?:,\s*)?(?:for|until|since)\s+(?:more\s+than\s+|nearly\s+|"
                       r"about\s+|almost\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?|\d{4})\b",
                       re.I)
_NEGATED = lazy(r"(?:\b(?:not|never|no\s+longer)|n['’]t)\s+(?:\w+\s+)?$", re.I)
_STATE = frozenset({"army", "military", "troops", "forces", "government", "soldiers", "police"})
_NONSTATE = frozenset({"rebel", "rebels", "fighters", "militants", "militia", "militias",
                       "insurgents", "paramilitaries", "separatists", "jihadists"})


# A place taken whole ("fully liberated Artyomovsk", "captured the whole of Velk", "Velk had
# been captured") against one still fought over or held in part ("fighting is still going on in
# Velk", "the battle for Velk has not stopped", "still held part of Velk", "Velk was not
# occupied").
_W = _WHERE
_WHOLE = lazy(
    rf"\b(?:fully|completely|entirely|totally)\s+(?:captured|liberated|taken|seized|occupied)\s+"
    rf"(?:(?:all|the\s+whole|the\s+entirety)\s+of\s+)?{_W}"
    rf"|\b(?:captured|liberated|took|taken|seized|occupied)\s+(?:all|the\s+whole|the\s+entirety)"
    rf"\s+of\s+{_W.replace('where', 'where2')}"
    rf"|\b(?:took|taken|gained|established)\s+(?:full|complete|total)\s+control\s+(?:of|over)\s+"
    rf"{_W.replace('where', 'where3')}"
    rf"|{_W.replace('where', 'where4')},?\s+(?:had|has|have)\s+(?:now\s+|finally\s+)?been\s+"
    rf"(?:fully\s+|completely\s+|entirely\s+|finally\s+)?(?:liberated|captured|taken)\b"
    rf"|\bcompleted\s+the\s+(?:liberation|capture|seizure)\s+of\s+{_W.replace('where', 'where5')}")
_CONTESTED = lazy(
    rf"\b(?:fighting|battles?|clashes|combat)\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?"
    rf"(?:still\s+)?(?:going\s+on|continu(?:es|ed|ing)|raging|under\s*way|ongoing)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:in|inside|within)\s+{_W}"
    rf"|\b(?:battle|fight|fighting)\s+for\s+{_W.replace('where', 'where2')}\s+(?:(?:has|had|is|was)"
    rf"\s*(?:not|n['’]t)\s+(?:yet\s+)?(?:stopped|ended|over|finished)|(?:is|was)\s+(?:still\s+)?"
    rf"(?:going\s+on|continuing|raging|under\s*way|ongoing))"
    rf"|\b(?:(?:still|were|was|are|is)\s+)+fighting\s+(?:in|inside|for)\s+"
    rf"{_W.replace('where', 'where3')}"
    rf"|\bstill\s+(?:held|holds?|hold|holding|controlled|controls?|control|controlling)\s+"
    rf"(?:an?\s+|some\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:part|parts|section|sections|area|areas|district|districts|pocket|"
    rf"foothold)\s+(?:of|in)\s+{_W.replace('where', 'where4')}"
    rf"|{_W.replace('where', 'where5')}\s+(?:was|is|had|has)\s+(?:still\s+)?(?:not|n['’]t)\s+"
    rf"(?:been\s+)?(?:yet\s+)?(?:occupied|captured|taken|fallen)\b")
# "Artyomovsk, which Ukraine calls Bakhmut", "Artyomovsk (Bakhmut)": one place by two names.
_CALLED = lazy(r"(?P<a>[A-Z][\w'’-]+),?\s+(?:which|as)\s+(?:[\w'’-]+\s+){1,2}?(?:calls?|names?)"
               r"\s+(?:it\s+)?(?P<b>[A-Z][\w'’-]+)|(?P<c>[A-Z][\w'’-]+)\s+\((?P<d>[A-Z][\w'’-]+)\)")


_GATE = Gate(_WHOLE, _CONTESTED)


def _places_of(rx: re.Pattern[str], text: str) -> dict[str, tuple[int, int]]:
    """The place keys ``rx`` finds in ``text`` (each with its other name from the text), and
    where each was said."""
    found: dict[str, tuple[int, int]] = {}
    for m in rx.finditer(text):
        if not _NEGATED.search(text[max(0, m.start() - 20):m.start()] + " "):
            where = next(v for k, v in m.groupdict().items() if k.startswith("where") and v)
            found.setdefault(_place_key(where), (m.start(), m.end()))
    for m in _CALLED.finditer(text):
        one = {(m.group("a") or m.group("c")).lower(), (m.group("b") or m.group("d")).lower()}
        span = next((found[k] for k in sorted(one) if k in found), None)
        for k in one if span else ():
            found.setdefault(k, span)
    found.pop("", None)
    return found


@dataclass(frozen=True, slots=True)
class Hold:
    """A claim's word on who holds a place: ``took`` it, or holds it still."""

    place: str
    holder: str
    took: bool
    start: int
    end: int
    retake: bool = False  # "retook", "regained": a turn of the front after a capture
    past: bool = False  # "held it for ten months": a hold that ended


@lru_cache(maxsize=65536)
def holds(text: str, speaker: str | None = None) -> tuple[Hold, ...]:
    """Who took or holds which place in ``text`` (not what is denied: "did not capture");
    "their control" is the ``speaker``'s."""
    out = []
    for rx, took in ((_TOOK, True), (_HOLDS, False)):
        for m in rx.finditer(text):
            if _NEGATED.search(text[max(0, m.start() - 20):m.start()] + " "):
                continue
            groups = m.groupdict()
            who = next((groups[k] for k in ("who", "who2", "who3", "who4") if groups.get(k)), None)
            if who and who.lower() in ("their", "its", "our") and speaker:
                who = speaker  # "under their control", as the fighters who say it put it
            if _NEGATED.search(text[m.start():m.end()]):
                continue
            place = _place_key(next((groups[k] for k in ("where", "where2", "where3", "where4")
                                     if groups.get(k)), ""))
            if who and place:
                out.append(Hold(place, _side(who), took, m.start(), m.end(),
                                bool(_SEQUEL.search(m.group(0))),
                                not took and bool(_HELD_FOR.match(text, m.end()))))
    return tuple(out)


def _place_key(where: str) -> str:
    """A place as compared: "the village of Robotyne" is "robotyne", "the main airport" is
    "airport" (but "the Goma airport" is "goma airport"), "El Fasher" is "el fasher"."""
    where = re.sub(r"^.*\bof\s+(?=[A-Z])", "", where.strip())
    words = re.sub(r"^(?:the|a|an)\s+", "", where, flags=re.I).lower().split()
    if words and re.fullmatch(_PLACE_NOUN, words[-1]) and not (
            len(words) > 1 and re.search(r"[A-Z]", where.split()[-2])):
        return words[-1]  # "the main airport" and "the airport": one, in one story; not
        # "the Goma airport" and "the airport" (which may be another)
    return " ".join(words[-2:]) if words else ""


def _side(who: str) -> str:
    """"state" for an unnamed state's forces ("the army"), "nonstate" for rebels the phrase does
    not name ("Syrian rebels", "Rwandan-backed rebels", "Kurdish-led forces", "opposition
    fighters"), else the actor's key ("m23", "russia" for "Russian forces")."""
    words = who.lower().split()
    key = norm_actor(who)
    if any(re.search(r"-(?:backed|led|aligned|allied|supported)$|^pro-", w) for w in words):
        return "nonstate"  # "Rwandan-backed rebels": whose proxies, not whose army
    if words[-1] in _NONSTATE or key in _NONSTATE or key in ("rebel", "opposition"):
        named = key not in COUNTRY_NAMES and key not in _NONSTATE and key not in (
            "rebel", "opposition") and len(key) > 2
        return key if named else "nonstate"  # "HTS fighters": hts; "Syrian rebels": unnamed
    if key in _STATE or words[-1] in _STATE and key == words[-1]:
        return "state"
    return key


def _other_holders(x: str, y: str) -> bool:
    """Two holders that cannot both be right: two named actors, or an unnamed side against the
    other kind; not an unnamed army against a country ("the army" may be its army), nor
    unnamed rebels against a named group (they may be it)."""
    if same_actor(x, y):  # "Koldrast's army" / "Koldrastan forces"
        return False
    generic = {"state", "nonstate"}
    if x in generic and y in generic:
        return True
    for g, named in ((x, y), (y, x)):
        if g == "state":
            return named not in COUNTRY_NAMES
        if g == "nonstate":
            return named in COUNTRY_NAMES
    return True


@detector("control")
def control(p: Pair) -> Reason | None:
    """One voice says an actor took or holds a place, the other that another actor holds it (or
    took it): a ``rejection``-kind conflict, typed ``actor``. Not on different days."""
    if one_voice(p):
        return None
    ha, hb = holds(p.a.content, p.a.speaker), holds(p.b.content, p.b.speaker)
    if (not ha or not hb) and not (_GATE.opens(p.a.content) and _GATE.opens(p.b.content)):
        return None
    for kinds in (("weekday", "monthday"), ("month",), ("year",)):
        da = {d.value for d in dates(p.a.content) if d.kind in kinds}
        db = {d.value for d in dates(p.b.content) if d.kind in kinds}
        if da and db and not da & db:
            return None  # "seized Mosul in 2014" / "retook it in 2017"
    for x in ha:
        for y in hb:
            if x.place != y.place or x.past or y.past:
                continue  # a hold that ended is no rival to a later capture
            if (x.retake and y.took) or (y.retake and x.took):
                continue  # a capture and a recapture: two turns of the front
            # (a recapture against "still holds" or "remains in X's hands" is a dispute)
            if not _other_holders(x.holder, y.holder):
                continue
            return Reason("actor", f"who holds {x.place}: {p.a.content[x.start:x.end]!r} vs "
                          f"{p.b.content[y.start:y.end]!r}", (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.7)
    return _whole_against_contested(p)


def _whole_against_contested(p: Pair) -> Reason | None:
    """One voice says a place was taken whole, the other that it is still fought over or held
    in part: a report and its rejection (the same-day check is ``control``'s)."""
    for a, b in ((p.a, p.b), (p.b, p.a)):
        whole, fought = _places_of(_WHOLE, a.content), _places_of(_CONTESTED, b.content)
        one = sorted(whole.keys() & fought.keys())
        if one:
            (sa, ea), (sb, eb) = whole[one[0]], fought[one[0]]
            spans = {a.id: span_of(a, sa, ea), b.id: span_of(b, sb, eb)}
            return Reason("actor", f"whether {one[0]} was taken whole: "
                          f"{a.content[sa:ea]!r} vs {b.content[sb:eb]!r}", (p.a.id, p.b.id),
                          (spans[p.a.id], spans[p.b.id]), weight=0.7)
    return None


__all__ = ["Hold", "control", "holds"]
