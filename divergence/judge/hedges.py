"""What keeps a statement at a distance: the words by which an outlet passes it on without vouching
for it ("reportedly", "may have", a headline's "report says").

A property of the text, read by the NLI judge (a plain statement beside its hedged report does not
agree) and by the dispute builder (an outlet that only hedges a side does not state it as fact).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_re import lazy

# Words by which an outlet passes a statement on without vouching for it. Chosen on Emergent
# train (its "observing" headlines) and newsdev dev; "said" and "according to" are not among
# them: "officials said 12 died" and "12 died" are one statement, the source named. Not "lay
# claim to the islands", "reported to police", "the alleged gunman", "could be higher", nor a
# question inside quotes; not "probably", which newsdev dev's sources use inside estimates they
# report as fact; not "may" with a verb ("fighters may now choose": permission, not doubt); not
# a hedged detail of what is stated ("arrested a man suspected of killing three", "as
# predicted", "beating forecasts", "became apparent", "twice as likely", "sales in May have").
# Words that open an object, not a verb: "claims to the islands", "appeared to reporters".
_OBJECT_OPENERS = ("the|a|an|its|his|her|their|this|that|these|those|him|them|me|us|it|"
                   "reporters|journalists")
_NOT_AN_OBJECT = rf"(?!(?:{_OBJECT_OPENERS}|crowds?|audiences?)\b)"
# "said to" / "reported to" before a verb, not before whom it was said or reported to.
_RECIPIENTS = (r"police|work|court|duty|hospital|officers?|authorities|investigators|himself"
               r"|herself|themselves|emergency|regulators|management|dispatchers|investors"
               r"|analysts|applause|cheers")
_SAID_TO_VERB = rf"{_NOT_AN_OBJECT}(?!(?:{_RECIPIENTS})\b)(?-i:[a-z]+)"
# What "it is/was ..." passes on without a speaker: "it was claimed that P", ", it is said, P".
_PASSIVE_SAYING = r"(?:claimed|alleged|reported|rumou?red|said|believed|thought|understood)"
_DISTANCE = lazy(
    r"\b(?:reportedly|allegedly|purported(?:ly)?|supposedly|rumou?r(?:s|ed)?|unconfirmed"
    r"|unverified|(?:said|reported) to (?:have|be)"
    rf"|(?:tipped|believed|thought|rumou?red|claim(?:s|ed)?) to {_NOT_AN_OBJECT}(?-i:[a-z]+)"
    rf"|(?:is|are|was|were|been|being) (?:\w+ly )?(?:said|reported) to {_SAID_TO_VERB}"
    r"|(?:(?-i:may)|might|could) have"
    # doubt in the outlet's words: "apparently", "appears to", "is likely", a prediction
    r"|apparently|(?<!became )(?<!become )apparent (?!that\b)(?-i:[a-z]+)|possibly"
    rf"|presumabl[ey]|presumed|(?:appears?|appeared|seems?|seemed) to(?= {_NOT_AN_OBJECT}\w)"
    r"|predicts?|predicted (?:that|to)|predictions?|expects?|expected to"
    r"|(?<!more )(?<!less )(?<!as )likely|feared (?:dead|killed|captured|kidnapped)"
    r"|(?:is|are|was|were|been|being) feared to (?:have|be)"
    r"|(?:is|are|was|were) suspected"
    # an agentless passive saying: "it was claimed that P", "it has been reported that P"
    rf"|\bit (?:is|was|has been|had been) (?:widely )?{_PASSIVE_SAYING} that\b"
    r"|(?<![Tt]he )might (?:(?:well|soon|also|even) )?(?!have\b|of\b)[a-z]+"
    r"|(?-i:may) (?:(?:well|soon|also|even) )?be"
    r"|(?<!Theresa )(?<![Ii]n )(?<![Oo]f )(?-i:May|MAY) (?-i:Be|BE|Have|HAVE|Soon|SOON|Not|NOT"
    r"|Also|ALSO))\b|\?\s*$"
    # a headline's unnamed source: "Source: P", "P, report says", "P: Reports", "P - report"
    r"|^\s*(?:sources?|report)\s*:|(?:[,:]|\s[-–—]+)\s*(?:(?:a|new|media|video) )?"
    r"(?:reports?|sources?)(?: (?:says?|suggests?|claims?))?\s*(?:[.!]\s*)?$"
    # ... anywhere in it: "Reports say P", "New report tips P", "P, says new report", "per reports"
    r"|(?:^\s*|\b(?:a|new|media|news|unconfirmed|latest) )reports? (?:says?|said|claims?"
    r"|suggests?|tips?|identif(?:y|ies))\b|\bsays? (?:a |new |media )?reports?\s*(?:[.!]\s*)?$"
    r"|\bper (?:media )?reports?\b"
    # what is being looked into: "investigates reports that P", "probing claims P"
    # (not "Probe claims three lives", not insurance or creditors' claims)
    r"|\b(?:investigat(?:e|es|ed|ing)|to probe|prob(?:es|ed|ing)|look(?:s|ed|ing)? into"
    r"|verif(?:y|ies|ied|ying)|confirm or deny) (?:the )?(?:claims?|reports?|allegations?"
    r"|rumou?rs?)\b(?! (?:for|from|by|filed|made|lodged|submitted|of \d)\b)",
    re.I)
# In a headline (no closing stop) "said to" needs no verb before it: "Store said to open in May";
# in prose, "the company said to investors that ..." is said to someone.
_HEADLINE_HEDGE = lazy(rf"\b(?:said|reported) to {_SAID_TO_VERB}", re.I)


# A title-case headline's "Claims To Have", "Reported to Begin", "Said to Select" (the lower-case
# forms are in ``_DISTANCE``): read only in a headline set in title case, so that "from Port Said
# to Ismailia" or "Xi Jinping Thought to the constitution" in prose is not one; not "Lays Claim
# To Crimea", "Reported To The Police", "Said To Reporters". Also "May" before any verb ("May Get
# An Early Release"), not the month ("In May Elections", "May Sales Rose", "May Day") nor a name.
_TITLE_HEDGE = lazy(
    r"(?<=\w )(?<!Lay )(?<!Lays )(?<!Laid )(?<!Renews )(?<!Renewed )(?:Said|Reported|Claims?"
    rf"|Claimed|Tipped|Believed|Thought|Rumou?red) [Tt]o (?!(?i:{_OBJECT_OPENERS}|{_RECIPIENTS})\b)"
    r"[A-Z][a-z]+"
    r"|(?<=\w )(?<!Theresa )(?<!Brian )(?<!Minister )(?<!Mrs )(?<!Ms )(?<!PM )(?<!Premier )"
    r"(?<!In )(?<!Of )(?<!Since )(?<!By )(?<!Until )(?<!Early )(?<!Late )(?<!Mid )(?<!Last )"
    r"(?<!Next )(?<!This )(?<!From )(?<!To )(?<!For )(?<!At )(?<!After )(?<!Before )(?<!During )"
    r"(?<!Ending )(?<!And )(?<!Than )(?<!Over )(?<!On )"
    # a verb after "may" takes no -s ("May Calls", "May Jobs Report" are a name and a month)
    r"\bMay (?!(?:Day|Meeting|Budget|Holiday|Vote|Poll|Deadline)\b)[A-Z][a-z]*(?:ss|[^s\W])\b")
_TITLE_WORD = lazy(r"\b[A-Za-z][a-z]{3,}\b")
_SMALL_WORDS = frozenset({"from", "with", "into", "onto", "over", "upon", "about", "after",
                          "under", "than", "that", "amid", "near"})


def _title_case(text: str) -> bool:
    """Whether ``text`` is set in title case, as headlines are: every word of four letters or
    more but a few prepositions begins with a capital ("ships sailed from Port Said" has
    "ships", "sailed" in lower case)."""
    words = [w for w in _TITLE_WORD.findall(text) if w not in _SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


# A hedge set off as an aside, which ``core`` cuts before the search: "By the afternoon, it
# is claimed, Prigozhin had turned back"; "The president, it was reported, refused".
_ASIDE_HEDGE = lazy(r"[,(—–]\s*(?P<cue>it(?:\s+is|\s+was|['’]s|\s+has\s+been|\s+had\s+been|"
                    rf"\s+is\s+being)\s+(?:(?:widely|now|later|also)\s+)?{_PASSIVE_SAYING})"
                    r"\s*(?:[,)—–]|[.!?]?\s*$)",
                    re.I)
# An aside inside a relative clause hedges that clause, not the claim ("Voss, who was, it is
# said, a friend of the minister, resigned": the resignation is vouched for).
# A relative clause left open before the aside ends on its verb's auxiliary ("who was, it is
# said, a friend"); a closed one ("The bridge, which links the towns, it is claimed, was
# mined") leaves the aside to the claim.
_IN_RELATIVE = lazy(r",\s*(?:who|which|whose|whom|where)\b[^,]*\b(?:was|is|were|are|had|has|"
                    r"have|would|will|been)\s*$", re.I)


@lru_cache(maxsize=65536)
def distance_cue(text: str) -> str | None:
    """The words of ``text`` (its asides left out) that keep its outlet at a distance
    ("reportedly", "may have", a headline's "report says"), or None when it vouches for what it
    says."""
    from ..ingest.split import core

    t = core(text)
    aside = _ASIDE_HEDGE.search(text)
    if aside is not None and _IN_RELATIVE.search(text, 0, aside.start()):
        aside = None
    m = (_DISTANCE.search(t) or aside or (_TITLE_HEDGE.search(t) if _title_case(t) else None)
         or (_HEADLINE_HEDGE.search(t) if not t.rstrip().endswith((".", "!", "?", '"', "”"))
             else None))
    return (m.groupdict().get("cue") or m.group(0)) if m else None


# An open question: "it is not clear whether P", "did not say whether P", "working to confirm
# whether P", "must answer whether P"; not a question asked and answered ("asked whether P, he
# said it was"), a decision ("will decide whether to extend it"), or "whether or not P".
_UNSETTLED = lazy(
    r"(?:\b(?:not|never|no\s+one|nobody)\s+(?:[\w’'-]+\s+){0,3}?|n['’]t\s+(?:[\w’'-]+\s+){0,2}?)"
    r"(?:clear|known|certain|sure|say|said|confirm|confirmed|determine|determined|establish|"
    r"established|tell|know|knew|answer|explain|clarify|reveal|disclose|verify|verified)\s+"
    r"(?:yet\s+)?whether\b(?!\s+(?:or\s+not|to)\b)|"
    r"\b(?:unclear|unknown|uncertain|undetermined|unconfirmed|investigat\w*|examin\w*|"
    r"(?:to|must|should|demand\w*\s+(?:that\s+)?(?:[\w’'-]+\s+){0,3}?)\s*(?:confirm|determine|"
    r"establish|verify|check|answer|say|explain|clarify))\s+(?:yet\s+)?whether\b"
    r"(?!\s+(?:or\s+not|to)\b)", re.I)


@lru_cache(maxsize=65536)
def unsettled(text: str) -> bool:
    """Whether ``text`` leaves what it speaks of open ("it was still not clear whether the
    hospital had been hit by an air strike"): it states neither side of the question."""
    return _UNSETTLED.search(text) is not None
