"""A sentence that tells both sides of a dispute: a claim and, in the same sentence, another
voice's rejection of it ("Residents accused soldiers of beating detainees, an allegation the army
denied"; "Fishermen say a vessel rammed the trawler; the coast guard says its ship never touched
the boat"). Such a statement reports the dispute: it does not contradict a statement of either
side, which is one of the two positions it already tells (``compare`` reads it so).
"""

from __future__ import annotations

import re

_REJECTS = (r"(?:(?:has|have|had)\s+)?(?:strongly\s+|firmly\s+|flatly\s+|categorically\s+)?"
            r"(?:denied|denies|deny|rejected|rejects|disputed|disputes|dismissed|dismisses|"
            r"refuted|refutes|contested|contests)")
_CLAIM = (r"(?:charges?|claims?|allegations?|accusations?|accounts?|assertions?|reports?|"
          r"versions?|figures?)")
_WORDS = r"(?:[\w’'-]+\s+)"
# Another voice and its saying: "the coach insisted on Monday that", "the navy says".
_VOICE = r"(?:the\s+|a\s+|an\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,4}?"
_SAYS = (r"\s+(?:said|says|insisted|insists|maintained|maintains|countered|counters|replied|"
         r"responded)\s+(?:(?:on|late\s+on)\s+[A-Z]\w+\s+)?(?:that\s+)?")
_BOTH = tuple(re.compile(rx, re.I) for rx in (
    # ", a charge the army denied", ", an allegation the ministry has rejected"
    rf",\s+(?:an?|the)\s+{_WORDS}?{_CLAIM}\s+(?:that\s+|which\s+)?{_WORDS}{{1,5}}?{_REJECTS}\b",
    # "X said P, which the commission denies." (a claim before it, and ending the clause: not
    # "Kyiv, which has denied ...,", nor "X proposed a tax, which the council rejected")
    rf"\b(?:said|says|say|accused|alleged|alleges|claimed|claims|claim|reported|reports|charged|"
    rf"blamed|insisted|insists)\b[^.;]*,\s+which\s+{_WORDS}{{1,5}}?{_REJECTS}(?=\s*[.;,]|\s*$)",
    # ", contradicting the account given by the captain"
    r"\bcontradict(?:ing|s|ed)\s+(?:the\s+|an?\s+)?(?:account|version|claims?|statement|report)",
    # "Club sources said he had been sacked, but the coach insisted he had not been"; "Fishermen
    # say a vessel rammed them; the navy says no such collision took place": a saying, then
    # another voice's saying that negates it, after "but" (not "X said P, but Y said Q": no
    # negation), or after a semicolon only with "no such" ("...; the army says they met no
    # resistance" tells no dispute)
    rf"\b(?:said|says|say|claimed|claims|claim|alleged|alleges|allege|accused|reported|"
    rf"insisted)\b[^.;]*?(?:,\s+but\s+{_VOICE}{_SAYS}[^.;]*?(?:\b(?:not|never|no|nothing|none)"
    rf"\b|n[’']t\b)|;\s+{_VOICE}{_SAYS}[^.;]*?\bno\s+such\b)",
    # "X denied that P after Y alleged Q" (a denial of a proposition: not "rejected the plan
    # after residents reported flooding")
    rf"\b{_REJECTS}\s+that\s+[^.;]*?\bafter\s+{_WORDS}{{1,6}}?(?:alleged|reported|accused|"
    r"claimed)\b",
))
# A sentence of two voices may also tell both sides in a claim of each ("Fishermen say P; the
# coast guard says its ship never touched the boat"): ``compare`` finds those by judging the
# statement's own claims against each other, not by these words.


def tells_both_sides(sentence: str) -> bool:
    """Whether ``sentence`` tells a claim and, in so many words, another voice's rejection of
    it."""
    return any(rx.search(sentence) for rx in _BOTH)
