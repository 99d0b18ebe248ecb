"""A report called false, read as the denial of what it says: "the company called the newspaper's
claim that it used expired meat 'baseless'", "the mayor dismissed as 'gossip' an auditor's
finding that 2 million crowns were missing", "the ministry said claims that the refinery had been
damaged were pure disinformation". Each is the speaker's denial of what the report says ("it used
expired meat", "the refinery had been damaged"), as "X denied that P" is; read as the speaker's
plain assertion of the whole sentence, it agreed with the report it rejects on the words they
share.
"""

from __future__ import annotations

import re

from .cues import ADVS, Attributed, trim
from .speakers import clean_speaker, speaker_ok

# What calls a report false: a verdict word, after up to three qualifiers ("grossly inflated
# propaganda", "pure disinformation", "'baseless and defamatory'"); qualifiers are intensifiers
# and verdicts only, so that the end of what was reported is not read as one.
_VERDICT = (r"(?:fake|faked|fabricated|false|untrue|baseless|unfounded|groundless|fabrications?|"
            r"propaganda|lies|lie|lying|disinformation|misinformation|hoax|nonsense|absurd|"
            r"fiction|invention|invented|rumou?rs|gossip|slander|slanderous|defamatory|"
            r"fantasy|ridiculous|preposterous|"
            r"fairy[\s-]tales?|smears?|libel|libell?ous|made[\s-]up|without\s+foundation|"
            r"not\s+true|incorrect|inaccurate|wishful\s+thinking)")
_ANY_VERDICT = re.compile(rf"\b{_VERDICT}\b", re.I)  # every reading below needs one
_QUALIFIER = (rf"(?:pure|absolute|complete|utter|total|outright|blatant|crude|cheap|malicious|"
              rf"deliberate|politically|motivated|hostile|enemy|foreign|western|misleading|"
              rf"exaggerated|inflated|alarmist|\w+ly|{_VERDICT})")
_CALLED = (rf"[\"“‘']?(?:an?\s+|the\s+)?(?:{_QUALIFIER}\s+){{0,3}}?{_VERDICT}\b(?:\s+and\s+"
           rf"(?:{_QUALIFIER}\s+){{0,2}}?[\w’'-]+)?[\"”’']?")
# What was reported: the noun, up to three words before it and its source after it ("the
# newspaper's claim", "a report by the Inland Monitor", "an auditor's finding"). After "of" only
# a report's own nouns carry what it says ("reports of a strike"); "the army's account of the
# clash" or "the figure of 12 dead" name a topic or a value, not a happening denied.
_SOURCE = r"(?:\s+(?:by|from|in|published\s+by|carried\s+by)\s+(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)?"
_DET = r"(?:(?:the|a|an|these|those|such|all|its|their|his|her)\s+)?(?:[\w’'-]+\s+){0,3}?"
_THAT_NOUN = (rf"{_DET}(?:claims?|reports?|allegations?|accusations?|assertions?|charges?|"
              rf"suggestions?|speculation|rumou?rs?|findings?|accounts?|stories|story|versions?|"
              rf"narratives?|statements?|articles?){_SOURCE}")
_OF_NOUN = (rf"{_DET}(?:claims?|reports?|allegations?|accusations?|suggestions?|rumou?rs?|"
            rf"stories|story){_SOURCE}")
# "that" opening what was said, not a relative clause ("the figures that were published").
_THAT = r"that\s+(?!(?:was|were|is|are|had|has|have|would|will|could|did|\w+ed)\b)"
_REPORTED = rf"(?:(?P<noun>{_THAT_NOUN})\s+(?P<link>{_THAT})|(?P<noun2>{_OF_NOUN})\s+(?P<of>of)\s+)"
_SPEAKER = r"(?P<spk>[^,;:\"“”]{2,80}?)"
# Verbs that call a thing something (the verdict must follow), and verbs that reject it (then
# "as" brings the verdict: "dismissed reports that P as gossip"; "rejected reports that the
# suspect was lying" is a plain denial, read by ``attribution``).
_CALLING = r"(?:called|calls|branded|brands|described|describes|labell?ed|labels|termed|terms)"
_REJECTING = r"(?:denounced|denounces|dismissed|dismisses|rejected|rejects)"
# Where what was reported ends: a clause break, the speaker's next act, the sentence's end.
_ENDS = (r"(?=\s*(?:[,;]\s*(?:and\s+)?(?:said|saying|adding|added|insisting|insisted|calling|and|"
         r"but)\b|\s+and\s+(?:said|added|insisted)\b|\.?\s*$))")
# "X called the claim that P 'baseless'", "X dismissed reports of P as fabricated"
_NOUN_THEN_VERDICT = tuple(re.compile(
    rf"\s*{_SPEAKER}\s+{ADVS}(?P<cue>{verb})\s+{_REPORTED}(?P<p>[^\"“”]+?),?\s+{as_}"
    rf"(?P<v>{_CALLED})(?=\s*(?:[,;.]|$|\s+(?:and|but|saying|adding|insisting|on\s+\w+day)\b))",
    re.I) for verb, as_ in ((_CALLING, r"(?:as\s+)?"), (_REJECTING, r"as\s+")))
# "X dismissed as 'gossip' an auditor's finding that P", "X rejected as false reports that P"
_VERDICT_THEN_NOUN = re.compile(
    rf"\s*{_SPEAKER}\s+{ADVS}(?P<cue>{_CALLING}|{_REJECTING})\s+as\s+(?P<v>{_CALLED}),?\s+"
    rf"{_REPORTED}(?P<p>[^\"“”]+?){_ENDS}", re.I)
# What a speaker says: "claims that P were pure disinformation", "reports of P are untrue"
_SAID_FALSE = re.compile(
    rf"\s*{_REPORTED}(?P<p>[^\"“”]+?)\s+(?:was|were|is|are|had\s+been|have\s+been)\s+(?:all\s+|"
    rf"entirely\s+|completely\s+|simply\s+|totally\s+)?(?P<v>{_CALLED})(?=\s*(?:[,;.]|$))", re.I)


# What the speaker says next: "... 'propaganda' and said fewer than 5,000 had crossed".
_THEN = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?P<cue>said|saying|added|adding|insisted|insisting)"
                   r"\s+(?:that\s+)?(?P<q>[^\"“”]{10,}?)\s*\.?\s*$", re.I)
# Nothing after what was called false but a day and the stop (else: "..., but villagers said P",
# "... and accused rebels of P": more than the denial).
_NOTHING_MORE = re.compile(r"\s*(?:,?\s*on\s+\w+day)?\s*[.!]?[\"”’']*\s*", re.I)


def called_false(s: str) -> list[Attributed]:
    """The speaker's denial of what a report says, when the sentence calls the report false as a
    whole ("X called the claim that P 'baseless'", "X dismissed as gossip reports that P"),
    then what the speaker goes on to say ("..., saying Q"); [] otherwise."""
    if not _ANY_VERDICT.search(s):
        return []  # most sentences call nothing false: no speaker to try at every length
    m = next((x for rx in (*_NOUN_THEN_VERDICT, _VERDICT_THEN_NOUN) if (x := rx.match(s))),
             None)
    if not m or not speaker_ok(clean_speaker(m.group("spk"))):
        return []
    a, b = trim(s, _start(m), m.end("p"))
    if b - a <= 10:
        return []
    who = clean_speaker(m.group("spk"))
    out = [Attributed(a, b, who, m.group("cue"), "denies")]
    end = m.end()  # past the verdict, or past what was reported when the verdict came first
    then = _THEN.match(s, end)
    if then:
        out.append(Attributed(*trim(s, then.start("q"), then.end("q")), who, then.group("cue"),
                              "asserts"))
    elif not _NOTHING_MORE.fullmatch(s, end):
        return []  # "..., but villagers insisted P", "... and accused rebels of P": read as the
        # sentence was
    return out


def said_false(s: str, x: Attributed) -> Attributed:
    """``x``, or the speaker's denial of P when what it says calls a report of P false ("the
    ministry said claims that P were disinformation")."""
    if not x.speaker or x.stance != "asserts" or not _ANY_VERDICT.search(s, x.start, x.end):
        return x
    m = _SAID_FALSE.match(s, x.start, x.end)
    if not m:
        return x
    a, b = trim(s, _start(m), m.end("p"))
    return Attributed(a, b, x.speaker, x.cue, "denies", x.aside) if b - a > 10 else x


def _start(m: re.Match[str]) -> int:
    """Where what is denied starts: the clause after "that"; for "reports of a strike", the
    report itself, which the frames read as a report called false (``frames.denied``)."""
    return m.start("noun2") if m.group("of") else m.start("p")
