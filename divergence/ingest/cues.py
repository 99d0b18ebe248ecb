"""The words of attribution, and the record it yields: what reporting cues, denials and claim
nouns look like, and a proposition with who asserts or denies it (shared by ``attribution`` and
``second``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

ASSERT_CUES = (
    # "states" only before "that", and not after a word that makes it the noun ("member states
    # said", "Gulf states that fund it": a speaker "Several member" said "Said the plan was dead")
    r"said|says|say|claimed|claims|claim|maintained|maintains|maintain|stated|"
    r"(?<![Mm]ember\s)(?<!Gulf\s)(?<!Arab\s)(?<!Baltic\s)(?<!\ball\s)(?<!\bmany\s)(?<!other\s)"
    r"(?<![Ss]everal\s)(?<!\bthe\s)(?<!\bThe\s)(?<!\btwo\s)(?<!\bsome\s)states(?=\s+that\b)|"
    r"stressed|stresses|"
    "clarified|clarifies|asserted|asserts|insisted|insists|argued|argues|noted|notes|added|adds|"
    "reiterated|reiterates|highlighted|highlights|emphasised|emphasized|emphasises|emphasizes|"
    "confirmed|confirms|announced|announces|reported|reports|alleged|alleges|warned|warns|told|"
    "believes|believed|suggested|suggests|acknowledged|acknowledges|admitted|admits|conceded|"
    "contended|contends|affirmed|affirms|explained|explains|wrote|writes|tweeted|posted|"
    "predicted|predicts|repeated|repeats|insist|"
    "boasted|boasts|assured|assures|"
    # verbs that report a claim only when a clause follows: "vowed that those behind it would",
    # "found that the bank had"; not "vowed revenge", "ruled that region", "found that village"
    r"(?:vowed|vows|pledged|pledges|promised|promises|projected|projects|ruled|rules|found|finds|"
    r"concluded|concludes|estimated|estimates|forecast|forecasts|charged|charges|speculated|"
    r"speculates|observed|observes)(?=\s+that\s+(?:the|a|an|his|her|"
    r"its|their|our|it|he|she|they|we|there|every|each|all|no|those|these|some|any|[A-Z0-9]|"
    r"[\w’'-]+\s+(?:had|has|have|was|were|is|are|would|will|could|should|must|might|may|did|"
    r"needed|remained)\b))"
)
DENY_CUES = (
    "denied|denies|deny|refuted|refutes|refute|rejected|rejects|reject|dismissed|dismisses|"
    "disputed|disputes|dispute|contradicted|contradicts|rebutted|rebuts|rebuffed|rebuffs|rebuff"
)
CLAIM_NOUNS = (
    "claims?|assertions?|allegations?|statements?|remarks?|suggestions?|insistence|contention"
)
ASSERT_RE = re.compile(rf"\b(?:{ASSERT_CUES})\b", re.I)
DENY_RE = re.compile(rf"\b(?:{DENY_CUES})\b", re.I)
NAME = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}"
# "told members of his government not to speak", "told troops to hold": whom, then an order.
INSTRUCTED = re.compile(r"(?:(?:the|his|her|their|its|our)\s+)?[\w’'.-]+(?:\s+of\s+(?:the|his|"
                        r"her|their|its|our)\s+[\w’'.-]+)?\s+(?:not\s+)?to\s+[a-z]+", re.I)

# Adverbs and auxiliaries between a speaker and its cue: "has consistently maintained".
ADVS = (
    r"(?:(?:also|consistently|repeatedly|firmly|strongly|categorically|earlier|later|again|"
    r"publicly|previously|however|always|flatly|separately|then|had|has|have|would|will|did|"
    r"further|went\s+on\s+to|"
    r"does|last\s+week|"
    r"on\s+\w+day)[\s,]+)*"
)
# Sentences longer than this (a news sentence is rarely a tenth of it) are read by the first
# patterns only: the later ones, and nested sayings, would cost time quadratic in the length.
LONG = 2000

# What a denial rejects, before the proposition itself: "rejected (the) claims that P".
DENIED_NOUNS = (r"claims?|reports?|allegations?|suggestions?|accusations?|assertions?|charges?|"
                r"speculation|rumou?rs?")
# Up to two words may qualify the noun: "the Armenian accusation of", "the opposition's claims
# that", "all such reports of".
DENIED_NOUN = re.compile(rf"(?:the\s+|any\s+|all\s+|these\s+|such\s+)?(?:(?!that\b|of\b)"
                         rf"[\w’'-]+\s+){{0,2}}?(?:{DENIED_NOUNS})\s+(?:that|of)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Attributed:
    """A proposition with who asserts or denies it; offsets are relative to the sentence."""

    start: int  # of the proposition within the sentence
    end: int
    speaker: str | None
    cue: str | None
    stance: str  # "asserts" | "denies"
    aside: tuple[int, int] | None = None  # "P1, he said, P2": the attribution inside, cut out


def trim(s: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past spaces, quotes and connective punctuation at either end."""
    junk = " \t\n,;:\"“”'‘’—–-"
    while a < b and s[a] in junk:
        a += 1
    while b > a and s[b - 1] in junk + ".":
        b -= 1
    return a, b


# What opens a thing added, not words: "added 200,000 jobs", "added extra reinforcement" (after
# a name or a body; "He added the toll had risen" is said); "floors added by the owner", "troops
# added to the garrison": a participle ("added to reporters that P" is said).
ADDED_THING = re.compile(r"\s+(?:(?:by|to)\b(?![^,.;]*\bthat\s)|\d[\d,.]*|an?|another|more|extra|"
                         r"additional|further|new|some|several|dozens|hundreds|thousands|"
                         r"millions|billions|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)

# An appositive after a speaker's name: "Bjorn Lund, the network's director, said";
# "Mohammad Eslami, head of the agency, said"; "Redwan Hussein, Abiy's adviser, who led the
# team, said". Not a list of actors ("Israel, the US and Britain said").
APPOSITIVE = (
    r"(?:the|a|an|his|her|its|their|one|who|which|as|head|chief|director|deputy|acting|"
    r"spokes\w+|member|"
    r"leader|adviser|advisor|minister|secretary|president|commander|founder|chair\w*|editor|"
    r"governor|mayor|senator|general|official|prosecutor|negotiator|coordinator|analyst|"
    r"economist|lawyer|attorney|former|"
    r"professor|ambassador|envoy|speaking|writing|addressing|responding|answering|asked|citing|"
    r"quoted|cited|interviewed|reached|contacted|released|issued|published|posted|signed|read|"
    r"[A-Z][\w.-]*['’]s|[A-Z][\w-]*\s+(?:of|to|for|at))\b"
    r"(?:(?!\s(?:and|or)\s+(?:the\s+)?[A-Z])[^,;:\"“”]){1,150}?"
    r"(?:,\s+(?:who|which|whose)\b[^,;:\"“”]{1,120}?)?"
)
