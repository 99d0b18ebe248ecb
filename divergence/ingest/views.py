"""Readings of a whole sentence beside the cue-first ones: a view stated ("X's position is that
P", "X repeated its allegation that P", "What X said was that P"), a charge the outlet reports and
another denies ("P, a charge the army denied"), a saying in a background clause ("..., after X
accused Y of P, ..."), and a denial in the speaker's own words ("we deny that P", "it was untrue
that P")."""

from __future__ import annotations

import re

from .cues import ADVS, DENIED_NOUN, DENY_CUES, NAME, Attributed, trim
from .speakers import clean_speaker, speaker_ok

# "The government's reading is that P", "Kyiv's position remains that P": a view stated.
_VIEW_IS = re.compile(r"\s*(?P<spk>[^,;:\"“”]{2,80}?)['’]s?\s+(?:own\s+|official\s+)?"
                      r"(?P<cue>account|view|reading|position|assessment|version|argument|"
                      r"contention|line|explanation|conclusion|stance)\s+(?:is|was|has\s+been|"
                      r"had\s+been|remains|remained)\s+that\s+(?!of\b)")
# "What the minister said was that P"; "It was announced by the palace that P".
_WHAT_SAID = re.compile(
    r"\s*(?:What\s+(?P<spk>[^,;:\"“”]{2,60}?)\s+(?P<cue>said|claimed|argued|told\s+\w+)\s+"
    r"(?:was|is)|It\s+(?:was|has\s+been|had\s+been|is)\s+(?P<cue2>announced|said|confirmed|"
    r"reported|claimed|stated)\s+by\s+(?P<spk2>[^,;:\"“”]{2,60}?))\s+that\s+")
# "Moscow repeated its allegation that P", "He made the claim that P": a view held, then P.
_HELD_VIEW = re.compile(
    rf"\s*(?P<spk>[^,;:\"“”]{{1,80}}?)\s+{ADVS}(?P<cue>repeated|reiterated|renewed|restated|"
    r"made|voiced|aired|levell?ed|stood\s+by|maintained)\s+(?:its|his|her|their|the|an?|this)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:claims?|allegations?|accusations?|assertions?|charges?|view|position|"
    r"belief|argument|contention|insistence)\s+that\s+(?!(?:was|were|is|are|had|has|have|would|"
    r"will|could|appeared|\w+ed)\b)")
# "P, a charge the army denied.": the outlet states P, and the army denies it.
_CHARGE_DENIED = re.compile(
    r"(?:,|\s+[—–-]+)\s*(?:a|an)\s+(?:charge|claim|accusation|allegation|account|figure|version|"
    rf"report|assertion|number|toll)\s+(?:that\s+)?(?P<spk>{NAME}|(?:the|its|their)\s+[\w’'.-]+"
    r"(?:\s+[\w’'.-]+){0,3}?)\s+(?:(?:has|had|have)\s+)?(?:\w+ly\s+)?"
    rf"(?P<cue>{DENY_CUES}|questioned|contested)\b[^\"“”]*$")
# A saying in a background clause of the outlet's sentence: "The fighting broke out in 2020,
# after Addis Ababa accused Tigrayan fighters of attacking the army, and later spread".
_BACKGROUND = re.compile(
    r"(?:,\s+|\s+)(?:(?:shortly|soon|days|hours|weeks|a\s+day|a\s+week)\s+)?(?:after|when|since|"
    r"as)\s+"
    rf"(?P<spk>{NAME}|(?:the|its|their)\s+[\w’'.-]+(?:\s+[\w’'.-]+){{0,3}}?)\s+"
    r"(?:(?:had|has|have)\s+)?(?P<cue>accused|blamed|said|claimed|alleged|announced|reported|"
    r"warned|insisted)\s+(?P<rest>[^,;:\"“”]{10,300}?)\s*(?=[,;]|\.?\s*$)")
# A denial in the speaker's own words (we, I, it: the speaker itself; "they rejected" may be
# others): "we (categorically) deny that P", "it \"firmly rejects\"
# suggestions that P", "it was simply untrue that P", "there was no truth in reports that P".
_DENIAL_SAID = re.compile(
    r"[\"“'‘\s]*(?:(?:we|i|it)\s+(?:(?!only\b)\w+ly\s+)?[\"“]?(?:(?!only\b)\w+ly\s+)?(?:deny|denies|denied|"
    r"reject|rejects|rejected|refute|refutes|dispute|disputes)[\"”]?\s+(?:that\s+|"
    rf"{DENIED_NOUN.pattern})|it\s+(?:is|was|would\s+be)\s+(?:(?!not\b|never\b)\w+\s+)?[\"“]?"
    rf"(?:(?!not\b|never\b)\w+\s+)?(?:false|"
    r"untrue|not\s+true|a\s+lie|baseless|nonsense)[\"”]?\s+(?:to\s+say\s+)?that\s+|there\s+(?:is|"
    rf"was)\s+no\s+truth\s+(?:in|to)\s+{DENIED_NOUN.pattern})", re.I)


def stated_view(s: str) -> list[Attributed]:
    """"X's reading is that P", "X repeated its allegation that P", "What X said was that P",
    "It was announced by X that P": X asserts P (the construction names X a speaker)."""
    m = _VIEW_IS.match(s) or _HELD_VIEW.match(s) or _WHAT_SAID.match(s)
    spk = m and (m.group("spk") or m.groupdict().get("spk2"))
    if not m or not spk or not speaker_ok(spk, named=bool(m.groupdict().get("spk2"))):
        return []
    a, b = trim(s, m.end(), len(s))
    cue = m.group("cue") or m.groupdict().get("cue2")
    return [Attributed(a, b, clean_speaker(spk), cue, "asserts")] if b - a > 10 else []


def charge_denied(s: str, start: int) -> list[Attributed]:
    """"P, a charge the military denied": the outlet's P (first: the sentence's own clause),
    then the military's denial of it; [] when the sentence does not end so."""
    m = _CHARGE_DENIED.search(s, start)
    if not m or not speaker_ok(m.group("spk")) or m.start() <= 10:
        return []
    a, b = trim(s, 0, m.start())
    return [Attributed(a, b, None, None, "asserts"),
            Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue"), "denies")]


def said_denial(s: str, x: Attributed) -> Attributed:
    """``x``, or the speaker's denial of P when what it says is a denial in its own words."""
    m = _DENIAL_SAID.match(s, x.start, x.end) if x.speaker and x.stance == "asserts" else None
    a, b = trim(s, m.end(), x.end) if m else (0, 0)
    return Attributed(a, b, x.speaker, x.cue, "denies", x.aside) if b - a > 10 else x


def background_saying(s: str) -> list[Attributed]:
    """The saying inside an own-voice sentence's background clause ("..., after Addis Ababa
    accused Tigrayan fighters of attacking the army, ..."): the speaker's claim (an accusation
    or blame whole, with its speaker; else what follows the cue), then the outlet's sentence."""
    m = _BACKGROUND.search(s)
    if not m or not speaker_ok(m.group("spk")) or m.start() <= 10:
        return []
    framed = m.group("cue") in ("accused", "blamed")
    a, b = trim(s, m.start("spk") if framed else m.start("rest"), m.end("rest"))
    if b - a <= 10:
        return []
    return [Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue"), "asserts"),
            Attributed(*trim(s, 0, len(s)), None, None, "asserts")]
