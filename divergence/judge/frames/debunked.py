"""Evidence one side calls fake and the other cites: "the ministry said the video was fabricated" /
"the video showed soldiers firing on the crowd"; "officials dismissed the report as propaganda" /
"the report found 30 civilians were killed". The ``debunked`` detector: a report and its
rejection, where the rejection names the evidence rather than restating what it shows. And the
``called-false`` detector: a story called false as a whole ("Fake: McDonald's will stop serving
overweight customers", "No, a planetary alignment won't decrease gravity", "sex tape exposed as a
hoax") beside the plain statement of it."""

from __future__ import annotations

import re
from functools import lru_cache

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Reason
from ..detectors import Pair, detector, one_voice, span_of
from ..text import shared_anchors, token_set
from .counts import singular

_EVIDENCE = (r"(?P<obj>videos?|footage|images?|photos?|photographs?|pictures?|reports?|"
             r"recordings?|documents?|tallies|tally\s+sheets?|figures|accounts?|testimon(?:y|ies))")
# What calls a thing false, in the words this frame and ``denied`` (reports called false) share.
CALLED_FALSE = (r"fake|faked|fabricated|false|untrue|baseless|unfounded|a\s+fabrication|"
                r"fabrications|propaganda|lies|a\s+lie|disinformation|a\s+hoax")
_FAKE = rf"(?:{CALLED_FALSE}|doctored|staged|forged|manipulated|misleading)"  # evidence tampered
# Words between the evidence and "was fake" that make the fake thing another one: "the video
# shows that the statement was untrue", "the report was accurate and claims it was false".
_GAP = r"(?:(?!(?:shows?|showed|said|says|that|claims?|which|and|but)\b)[\w-]+\s+)"
_CALLED_FAKE = (
    lazy(rf"\b{_EVIDENCE}\s+{_GAP}{{0,6}}?(?:was|were|is|are|had\s+been|have\s+been)"
               rf"\s+(?:all\s+|entirely\s+|completely\s+)?{_FAKE}\b", re.I),
    lazy(rf"\b(?:dismissed|rejected|denounced|branded|called|described)\s+(?:the\s+|these\s+"
               rf"|such\s+|all\s+)?(?:[\w-]+\s+){{0,2}}?{_EVIDENCE}\s+(?:(?:of|from|about)\s+"
               rf"(?:[\w-]+\s+){{0,4}}?)?(?:as\s+)?{_FAKE}\b", re.I),
)
_CITED = lazy(rf"\b{_EVIDENCE}\s+(?:[\w-]+\s+){{0,4}}?(?:showed|shows|show|appeared\s+to\s+"
                    rf"show|appear\s+to\s+show|revealed|reveal|found|documented|suggested|"
                    rf"indicated|confirmed)\b", re.I)


def _noun(word: str) -> str:
    """The evidence noun, singular and lower case, photographs and pictures as photos."""
    w = singular(re.sub(r"\s+", " ", word))
    return "photo" if w in ("photograph", "picture") else w


@lru_cache(maxsize=65536)
def _called_fake(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((_noun(m.group("obj")), m.start(), m.end())
                 for rx in _CALLED_FAKE for m in rx.finditer(text))


@lru_cache(maxsize=65536)
def _cited(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((_noun(m.group("obj")), m.start(), m.end()) for m in _CITED.finditer(text))


@detector("debunked")
def debunked(p: Pair) -> Reason | None:
    """One voice calls a piece of evidence fake, another cites what it shows: the same kind of
    evidence (video, report, tally) in claims of one story (cosine at least 0.3)."""
    if one_voice(p) or p.similarity < 0.3:
        return None
    for x, y, flip in ((p.a, p.b, False), (p.b, p.a, True)):
        if x.stance == "denies":
            continue  # "X denied the video was fake" calls nothing fake
        for noun, s0, e0 in _called_fake(x.content):
            for noun2, s1, e1 in _cited(y.content):
                if noun != noun2:
                    continue
                detail = (f"the {noun}: {holder(x.speaker)} calls it fake; "
                          f"{holder(y.speaker)} cites what it shows")
                spans = (span_of(x, s0, e0), span_of(y, s1, e1))
                return Reason("attribution", detail, (p.a.id, p.b.id),
                              spans[::-1] if flip else spans, weight=0.65)
    return None


# A story called false: "fake" said of it (not of a thing in it: "fake passports", nor a "fake
# news law"), a hoax (not "hoax bomb calls", a crime), "not real", "is false", "no truth to",
# satire as its source ("was satire", "from a satirical site"; not "the satirical magazine"),
# "debunked", "didn't actually", a headline's "No, P" (not a quote's "No, the minister said").
# Not when denied ("no hoax", "not fake", "denies hoax claims", "no evidence it was a hoax")
# nor asked ("Real or hoax?").
_CALLED_FALSE = lazy(
    r"\b(?:fake(?!\s+(?!news\b)[a-z])(?!\s+news\s+(?:law|bill|act|legislation|rules?)\b)"
    r"|(?:was|were|been|be) faked|hoax(?:es)?(?!\s+(?:bomb|calls?|callers?|threats?|e-?mails?"
    r"|alerts?|warnings?)\b)|not real|isn'?t real|(?:is|was|are|were)n'?t true|not true|untrue"
    r"|(?:is|was|are|were) (?:completely |entirely |categorically |totally )?false"
    r"|no truth (?:to|in)"
    r"|(?:is|was|as|from|by|on) (?:an? )?satir(?:e|ical)|^\s*satire\s*:|debunk(?:s|ed)?"
    r"|too good to check|didn'?t actually|(?:is|was)n'?t by)\b"
    r"|^\s*(?:no|nope)\s*,(?!\s*(?:[\w'’]+\s+){0,4}(?:said|says|added|replied|told)\b)", re.I)
_FALSE_DENIED = lazy(
    r"\b(?:no|not|denies|denied|deny|rejects?|dismiss\w*)\s+(?:a\s+|the\s+|any\s+|[a-z]+\s+)?"
    r"(?:fake|hoax|satir)\w*|\b(?:fake|hoax)\s+(?:claims?|rumou?rs?|allegations?)"
    r"|\b(?:no evidence|ruled out|not a)\b[^.;]{0,60}\b(?:fake|hoax|false)", re.I)


@lru_cache(maxsize=65536)
def called_false(text: str) -> tuple[int, int] | None:
    """Where ``text`` calls its story false (the span of the words), or None."""
    if "?" in text or _FALSE_DENIED.search(text):
        return None
    m = _CALLED_FALSE.search(text)
    return m.span() if m else None


def _one_subject(a: str, b: str) -> bool:
    """A shared name or date, or failing that a shared word of six letters or more that is not
    a word of falsehood ("Batmobile", "breasts"): headlines set in capitals hide names."""
    if shared_anchors(a, b):
        return True
    return bool((_long_stems(a) & _long_stems(b)) - {"hoaxes", "debunk", "satiri", "untrue"})


def _long_stems(text: str) -> set[str]:
    """The first six letters of each content word of six letters or more."""
    return {w[:6] for w in token_set(text) if len(w) >= 6}


@detector("called-false")
def called_false_detector(p: Pair) -> Reason | None:
    """One claim calls the story false, the other states it: two claims of one fact (a shared
    name or date, cosine at least 0.45) from two voices."""
    if one_voice(p) or p.similarity < 0.45:
        return None
    for x, y in ((p.a, p.b), (p.b, p.a)):
        at = called_false(x.content)
        if at is None or y.stance != "asserts" or called_false(y.content) is not None:
            continue
        if not _one_subject(x.content, y.content):
            return None
        detail = (f"{holder(x.speaker)} calls it false "
                  f"({x.content[at[0]:at[1]]!r}); {holder(y.speaker)} states it")
        spans = (span_of(x, *at),)
        return Reason("attribution", detail, (p.a.id, p.b.id), spans, weight=0.65)
    return None


__all__ = ["CALLED_FALSE", "called_false", "called_false_detector", "debunked"]
