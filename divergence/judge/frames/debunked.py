"""Evidence one side calls fake and the other cites: "the ministry said the video was fabricated" /
"the video showed soldiers firing on the crowd"; "officials dismissed the report as propaganda" /
"the report found 30 civilians were killed". The ``debunked`` detector: a report and its
rejection, where the rejection names the evidence rather than restating what it shows."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Reason
from ..detectors import Pair, detector, one_voice, span_of
from .counts import singular

_EVIDENCE = (r"(?P<obj>videos?|footage|images?|photos?|photographs?|pictures?|reports?|"
             r"recordings?|documents?|tallies|tally\s+sheets?|figures|accounts?|testimon(?:y|ies))")
_FAKE = (r"(?:fake|faked|fabricated|doctored|staged|false|untrue|baseless|forged|manipulated|"
         r"misleading|a\s+fabrication|fabrications|propaganda|lies|a\s+lie|disinformation|"
         r"a\s+hoax|unfounded)")
# Words between the evidence and "was fake" that make the fake thing another one: "the video
# shows that the statement was untrue", "the report was accurate and claims it was false".
_GAP = r"(?:(?!(?:shows?|showed|said|says|that|claims?|which|and|but)\b)[\w-]+\s+)"
_CALLED_FAKE = (
    re.compile(rf"\b{_EVIDENCE}\s+{_GAP}{{0,6}}?(?:was|were|is|are|had\s+been|have\s+been)"
               rf"\s+(?:all\s+|entirely\s+|completely\s+)?{_FAKE}\b", re.I),
    re.compile(rf"\b(?:dismissed|rejected|denounced|branded|called|described)\s+(?:the\s+|these\s+"
               rf"|such\s+|all\s+)?(?:[\w-]+\s+){{0,2}}?{_EVIDENCE}\s+(?:(?:of|from|about)\s+"
               rf"(?:[\w-]+\s+){{0,4}}?)?(?:as\s+)?{_FAKE}\b", re.I),
)
_CITED = re.compile(rf"\b{_EVIDENCE}\s+(?:[\w-]+\s+){{0,4}}?(?:showed|shows|show|appeared\s+to\s+"
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
                detail = (f"the {noun}: {x.speaker or 'the outlet'} calls it fake; "
                          f"{y.speaker or 'the outlet'} cites what it shows")
                spans = (span_of(x, s0, e0), span_of(y, s1, e1))
                return Reason("attribution", detail, (p.a.id, p.b.id),
                              spans[::-1] if flip else spans, weight=0.65)
    return None


__all__ = ["debunked"]
