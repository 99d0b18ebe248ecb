"""Who can be a speaker: the words that name one, and what a speaker's words must not be.

``attribution`` finds where a sentence says who said it; this module decides whether the words
it found there name someone ("the Thai army", "officials", "Ilse Morrow") or are the tail of
another clause ("and former President", "Nobody in the government", "Koldrast's"), and tidies
them ("On Wednesday Israel" -> "Israel").
"""

from __future__ import annotations

import re

from ..wordlists import word_sequences

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})  # subject pronouns
# A speaker may be a possessive too ("By his account, P": his), named later as a pronoun is.
POSSESSIVES = frozenset({"his", "her", "their", "its"})
SPEAKERISH = re.compile(
    r"\b(?:he|she|they|it)\b|"  # no plural: not "its"
    r"\b(?:[A-Z][\w’'.-]*|officials?|authorities|ministry|minister|government|spokes\w+|sources?|"
    r"police|analysts?|experts?|embassy|army|military|president|secretary|leaders?|"
    r"authority|agency|agencies|council|court|commission|company|board|department|office|"
    r"committee|union|party|witness(?:es)?|residents?|survey|report|study|investigators?|"
    r"prosecutors?|lawyers?|attorneys?|diplomats?|observers?|organi[sz]ers?|researchers?|"
    # reporting bodies and documents: "according to the paper", "the network said"
    r"paper|newspaper|daily|network|broadcaster|channel|outlet|station|television|radio|media|"
    r"website|probe|inquiry|investigation|statement|communiqu[eé]|unit|services?|alliance|"
    r"movement|coalition|command|monitor|observatory|institute|team|watchdog|cabinet|parliament|"
    r"presidency|delegation|negotiators?|envoys?|ambassadors?|doctors?|medics?|eyewitnesses|"
    r"survivors?|journalists?|reporters?|correspondents?|intelligence|assessment|timeline|"
    r"findings|rebels?|militants?|fighters|activists?|groups?|side|governors?|mayors?|"
    r"commanders?|generals?|chiefs?|heads?|aides?|advis[eo]rs?|data|figures|estimates|tally|"
    # who speaks at a disaster: "the coast guard said", "according to the fire brigade"
    r"guard|coastguard|brigade|firefighters?|rescuers?|paramedics?|responders|hospitals?|staff|"
    r"crew|operators?|navy|regulators?|inspectors?|inspectorate|coroners?|examiners?|master|"
    r"workers?|tribunal|panel|"
    r"soldiers?|troops|captain|pilots?|junta|regime|administration|leadership|forces?|sides|"
    r"mediators?|premier|chancellor|king|queen|emir|prince|monarch|pope|speaker|airlines?|"
    r"banks?|league|club|federation|association|firms?|utility|carrier|militias?|insurers?|"
    r"manufacturers?|exchange|fund|nurses?|treaty|document|memo|filing|indictment|ruling|"
    r"resolution|decree|charter|cable|agents?|directors?|editors?|founders?|chairs?|ceo|"
    # the other side of a dispute: "the opposition alleged", "critics say"
    r"opposition|critics|opponents|supporters|protesters|demonstrators|campaigners|lawmakers|"
    r"legislators|senators|deputies|ministers|officers|prosecution|defence|defense|clerics|"
    r"monitors|villagers|locals|citizens|voters|families|relatives|"
    # who speaks for someone close: "their employer said", "his brother told"
    r"employers?|owners?|neighbou?rs?|friends?|colleagues?|teachers?|managers?|wife|husband|"
    r"mother|father|sons?|daughters?|brothers?|sisters?|parents?|family)(?:s|es)?\b"
)
# Who acts or speaks by trade, as the head of a short speaker: "a farmer", "two bankers", "the
# defendant", "a fisherman". Only the last word of at most four, with no "of": "The attack on her
# home", "the largest cluster", "another attack" name no one.
_AGENT = re.compile(
    r"(?!(?:water|number|order|border|after|other|another|under|over|never|ever|whether|together|"
    r"however|rather|further|either|neither|quarter|matter|center|computer|summer|winter|power|"
    r"tower|manner|answer|chapter|register|letter|meter|barrier|corner|cancer|danger|dinner|"
    r"finger|paper|silver|river|weather|wonder|disaster|thunder|powder|shelter|theater|proper|"
    r"cluster|offer|surrender|encounter|counter|chamber|container|character|charter|master|"
    r"filter|banner|layer|laser|poster|cover|lever|mister|sister|oyster|monster|"
    r"higher|lower|larger|greater|bigger|smaller|wider|longer|stronger|weaker|older|younger|"
    r"earlier|later|faster|slower|closer|harder|easier|better|fewer|deeper|broader|tighter|"
    r"list|human|median|german|roman|omen|specimen|regimen|abdomen|acumen|floor|door|error|"
    r"mirror|terror|horror|honou?r|labou?r|harbou?r|colou?r|favou?r|rumou?r|humou?r|tumou?r|"
    r"sector|factor|vector|motor|minor|major|manor|corridor|meteor|tractor|reactor|indicator|"
    r"elevator|razor|anchor|armou?r|flavou?r|vapou?r|odou?r|tenor|decor|junior|senior|interior|"
    r"exterior|superior|inferior|mayor)s?$)"
    r"[a-z]{2,}(?:er|or|ist|ian|man|men|woman|women|person)s?|(?:defend|applic|assist|attend|"
    r"consult|immigr|inform|merch|migr|particip|serge|serv|ten|occup|claim|complain|account|"
    r"lieuten)ants?")

_CALENDAR = word_sequences("calendar")
_A_DAY = re.compile(rf"(?:yesterday|today|(?:{'|'.join(_CALENDAR['weekdays'])})(?:\s+(?:morning|"
                    rf"afternoon|evening|night))?|{'|'.join(_CALENDAR['months'])}|"
                    r"(?:last|this|next)\s+\w+)", re.I)
_NOT_SPEAKER_START = {"and", "but", "or", "while", "as", "after", "before", "when", "because",
                      "since", "until", "if", "though", "although", "whereas"}
_STOP_SPEAKER = {"this", "that", "these", "those", "there", "which", "who", "what"}
_DANGLING = {"the", "a", "an", "who", "which", "that", "whose", "of", "to", "and", "was",
             "were", "is", "are", "been", "be", "has", "have", "had"}
_NOT_SPEAKER_WORDS = {"in", "on", "at", "during", "speaking", "writing", "with", "using", "after",
                      "before", "while", "when", "asked", "addressing", "responding", "citing"}


# A finding closes a sentence as an attribution only when an inquiry finds it ("..., the
# labour inspectorate found."), not when searchers find something ("..., rescuers found.").
_FINDING = frozenset({"found", "finds", "concluded", "concludes"})
_INQUIRY = re.compile(r"\b(?:inquir\w*|investigat\w*|inspector\w*|inquest|probe|review|report|"
                      r"study|audit|panel|tribunal|court|coroner|regulator|committee|commission|"
                      r"board|experts?|researchers?|scientists?|analys\w+|authorit\w+|agency|"
                      r"ministry|office|watchdog|monitors?|survey)\b", re.I)


def finder_ok(cue: str, spk: str) -> bool:
    """Whether ``spk`` may close a sentence with ``cue``: any speaker with a verb of saying, only
    an inquiry or a body with "found" or "concluded"."""
    return cue.lower() not in _FINDING or bool(_INQUIRY.search(spk))


def speaker_ok(spk: str, named: bool = False) -> bool:
    """Whether ``spk`` names someone who speaks, not the tail of another clause, a date, a
    possessive or someone who says nothing. ``named``: the construction itself makes it a
    speaker ("announced by the palace", "quoted two bankers as saying"), so its words need
    not be a known speaking noun."""
    raw = spk.strip().split()
    spk = re.sub(r"^(?:The|A|An|Their|Its|His|Her|Our)\s+", "", spk.strip())
    words = spk.split()
    if not words or len(words) > 9 or _A_DAY.fullmatch(spk):
        return False  # "By Monday's estimate", "By Tuesday evening's count": a day says nothing
    if words[0].lower() in _STOP_SPEAKER and not words[0].isupper():  # "the WHO" is a body
        return False
    # Not a speaker but the tail of another clause: "..., and former President Trump (claimed
    # credit)", "a plan he (said had been ...)", "coming after Trump (warned ...)".
    if raw[0].lower() in _NOT_SPEAKER_START or raw[0].endswith("ing") and raw[0].islower():
        return False
    if len(raw) > 1 and (raw[-1].lower() in PRONOUNS or raw[-1] in _DANGLING):
        return False  # "The official called the (claim untrue)", "The officials who (confirmed)"
    if len(raw) > 1 and _SUBORDINATE.search(" ".join(raw[1:])):
        return False  # "Shares rose after (the company said P)": the saying is a clause's
    if len(raw) == 1 and raw[0].lower() in _NOT_SPEAKER_WORDS:
        return False  # "In (his address, X said)", "Speaking (to the paper, X said)"
    if (_NO_SPEAKER.search(" ".join(raw)) or raw[-1].endswith(("'s", "’s"))
            or (len(raw) == 1 and raw[0].lower() in _DANGLING)):  # "The (claims have not ...)"
        return False  # "Nobody in the government (has said)", "Kell could not confirm (reports
        # that)", "Koldrast's (claim was contradicted)": no one asserts what follows
    if named or SPEAKERISH.search(spk):
        return True
    return len(words) <= 4 and "of" not in words and bool(_AGENT.fullmatch(words[-1].lower()))


# An adverb of manner or habit ends no speaker's name ("routinely", "repeatedly"); nouns in -ly
# do ("an ally", "the assembly", "the family").
_MANNER = re.compile(r"(?!(?:ally|assembly|family|daily|weekly|monthly|quarterly|rally|"
                     r"anomaly|monopoly|supply|bully)$)[a-z]+ly")
# A clause opening inside what was read as a speaker: what precedes it is another clause.
_SUBORDINATE = re.compile(r"(?:^|\s)(?:after|before|when|since|because|until|once|whereas|although|"
                          r"though|unless)\s", re.I)
# Who says nothing: no one, a saying negated or refused inside the speaker's words, or what is
# set against a saying ("Contrary to what X said, P" is the outlet's P).
_NO_SPEAKER = re.compile(
    r"^(?:no(?!\.)|nobody|neither|none|contrary|unlike|why|how|what|when|where|whether|did|does|"
    r"do|will|would|could|should|is|are|was|were)\b|\b(?:could|would|might|may|can|should|"
    r"must)$|\b(?:could|would|did|does|do|has|"
    r"have|had|can|will|may|might|was|were|is|are)\s+(?:not|never)\b|\b(?:refused|declined|"
    r"failed)\s+to\b|n['’]t\b", re.I)


def plain(spk: str) -> bool:
    """A speaker that is only a name or a reporting noun ("Officials", "The Thai army"), with no
    verb of its own: framing cues ("called", "described") need one."""
    lower = [w for w in clean_speaker(spk).split() if w[:1].islower()]
    return all(w in {"the", "a", "an", "of", "for", "and", "in", "at"} or SPEAKERISH.fullmatch(w)
               or w.endswith(("'s", "’s")) or w in _SIDES for w in lower)


_SIDES = {"both", "each", "side", "sides", "other", "army", "forces", "troops", "foreign",
          "defence", "defense", "state", "national", "security", "thai", "local", "prime",
          "deputy", "vice", "senior", "top", "former", "acting"}


def clean_speaker(spk: str) -> str:
    """A speaker without the times, places and connectives that open or close its words."""
    spk = re.sub(
        r"^(?:However|But|And|Meanwhile|Earlier|Later|Also|Separately)\s*,?\s+", "", spk.strip()
    )
    # "Earlier in the day the fire service (said)": the time is not the speaker
    spk = re.sub(r"^(?:(?:Earlier|Later|Early|Late)\s+)?(?:in|on|during|that|this)\s+(?:the\s+)?"
                 r"(?:day|week|month|year|morning|afternoon|evening|night)\s*,?\s+", "", spk,
                 flags=re.I)
    # "On Wednesday Israel (denied)", "Earlier on Tuesday the IDF", "Last week Hamas (accused)":
    # the time is not the speaker
    spk = re.sub(r"^(?:[Oo]n|[Bb]y|[Ll]ate\s+on|[Ee]arly\s+on)\s+(?:[A-Z]\w+day|\d{1,2}\s+[A-Z]\w+|"
                 r"[A-Z]\w+\s+\d{1,2})(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s+"
                 r"(?=[A-Z]|the\s)", "", spk)
    spk = re.sub(r"^At\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|AM|PM|a\.m\.|p\.m\.|GMT|UTC|local\s+"
                 r"time)\s*,?\s+(?=[A-Z]|the\s)", "", spk)  # "At 9.20am the army"
    # "In its statement Energoatom (said)": where it was said is not the speaker
    spk = re.sub(r"^In\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?(?:statement|post|"
                 r"message|interview|briefing|letter|speech|address|report|tweet|video)\s*,?\s+"
                 r"(?=[A-Z]|the\s)", "", spk)
    # "His remarks came after Prigozhin (said)": the one who spoke is after the clause
    spk = re.sub(r"^[^,]{0,80}?\b(?:came|comes|come|followed|follows|spoke|speaks)\s+"
                 r"(?:[\w-]+\s+){0,2}?"
                 r"(?:after|as|when)\s+(?=[A-Z])", "", spk)
    spk = re.sub(r"^(?:Last|This|Next)\s+(?:week|month|year|[A-Z]\w+day)\s*,?\s+(?=[A-Z])", "",
                 spk)
    spk = re.sub(r"\s+(?:has|have|had|also|then|later|earlier|now|still)$", "", spk)  # "X has"
    words = spk.split()
    if len(words) > 1 and _MANNER.fullmatch(words[-1]):
        spk = " ".join(words[:-1])  # "Voss angrily (denied)", "the ministry initially (said)"
    # "officials speaking on condition of anonymity", "officials speaking on April 14": who
    spk = re.sub(r"\s+(?:speaking|writing)\b.*$", "", spk)
    # "(denied) by Ukraine on Monday": the time is not the speaker
    spk = re.sub(r"\s+(?:(?:early\s+|late\s+)?on\s+(?:[A-Z]\w+day|\d{1,2}\s+[A-Z]\w+|"
                 r"[A-Z]\w+\s+\d{1,2})|"
                 r"(?:last|this)\s+\w+|today|yesterday)$", "", spk)
    spk = re.sub(r",?\s*(?:however|meanwhile|too|also|nonetheless|nevertheless|instead|in\s+turn|"
                 r"for\s+(?:its|his|her|their)\s+part)\s*,?\s*$", "", spk, flags=re.I)
    # "an IDF spokesperson issued a (written) statement (saying)": the one who issued it
    spk = re.sub(r"\s+(?:issued|released|put\s+out|posted)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
                 r"(?:statement|message|post)$", "", spk)
    return spk.strip(' ,"“”‘’\'')  # "'We had nothing to do with it,' a spokesman said"


def named(spk: str, name: str | None) -> str:
    """The speaker of "the army's chief, Name, said": the name when one follows a description."""
    if name and not re.match(r"[A-Z]", spk.strip()):
        return clean_speaker(name)
    return clean_speaker(spk)


# Who speaks for a side: "a spokesman for the rebels", "a senior Harl district official".
_VOICE_OF = (r"spokes(?:man|woman|men|women|person|people)|officials?|representatives?|sources?|"
             r"envoys?|members?|aides?|commanders?|leaders?|officers?|negotiators?")
_FOR_SIDE = re.compile(rf"(?:an?|the|one|two|several)\s+(?:(?:senior|top|chief|local)\s+)?"
                       rf"(?:{_VOICE_OF}|statements?)\s+(?:for|of|from|by)\s+(?P<side>(?:the\s+)?[\w’'-]+"
                       rf"(?:\s+[\w’'-]+){{0,3}})$", re.I)
_SIDE_VOICE = re.compile(rf"(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Tt]he)\s+)?"
                         rf"(?:(?:[Ss]enior|[Tt]op|[Cc]hief|[Ll]ocal|[Dd]eputy|[Vv]ice|[Aa]cting|"
                         rf"[Ff]ormer)\s+)?"
                         rf"(?P<side>[\w’'-]+(?:\s+[\w’'-]+){{0,2}}?)\s+(?:{_VOICE_OF})"
                         rf"(?:\s+[A-Z][\w’'.-]*){{0,3}}$")  # "Rebel spokesman Ander Voss"
# A named side's man: "Sundravia's economy minister", "the Front's chief negotiator".
_OWNER = re.compile(r"(?P<the>the\s+)?(?P<side>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
                    r"(?:\s+(?:[a-z]+\s+)?(?:council|ministry|army|government|party|company|board|"
                    r"commission))?)"
                    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:minister|spokes\w+|officials?|envoy|ambassador|"
                    r"negotiator|commander|chief|president|leader|representative|executive|"
                    r"manager|director|head)")
# The head of a named body, or a titled name of a country: "the chief executive of Valdren
# Telecom", "Defence Minister Halle Brekk of Norvand" (not "a resident of Tarn" or "Nora Bell of
# Tarn": no office).
_HEAD_OF = re.compile(r"(?:(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:chief|executive|manager|director|"
                      r"chairman|chairwoman|chair|head|president|minister|ambassador|secretary|"
                      r"governor|mayor|commander|spokes\w+)\s+|(?:[A-Z][\w’'.-]*\s+){0,2}?(?:Minister|President|"
                      r"Secretary|Governor|Mayor|Ambassador|Commander|General|Colonel|Captain|"
                      r"Admiral|Chief|Director|Chairman|Premier|Chancellor|Spokes\w+)\s+"
                      r"(?:[A-Z][\w’'.-]*\s+){1,3})of\s+"
                      r"(?P<side>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})")
# Who a member speaks for: "a rebel commander" for the rebels (not "a security source").
_MEMBERS = frozenset({"rebel", "separatist", "insurgent", "militant", "guerrilla", "loyalist"})
_BODIES = frozenset({"army", "military", "government", "police", "navy", "ministry", "cabinet",
                     "presidency", "command", "party", "movement", "council", "force", "guard",
                     "coastguard", "junta", "militia", "opposition"})


def side_of(speaker: str) -> str | None:
    """The side a speaker's "we" stands for, when the speaker's words name one: "a spokesman for
    the rebels" and "a rebel official" -> "the rebels", "an army spokesman" and "the army's
    spokesman" -> "the army", "a Harl district official" -> "Harl district", "Marek Dolan, a
    spokesman for the rebels" -> "the rebels", "Kaltorian officials" as they are (keyed as
    Kaltoria); None for "a senior official", "a security source", "a farmer", a body or a name
    (which speak as themselves)."""
    spk = re.sub(r"^[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3},\s+(?=(?:an?|the)\s)", "",
                 speaker.strip())
    own = _OWNER.fullmatch(spk)
    if own:
        return (own.group("the") or "") + own.group("side")  # "Sundravia's economy minister"
    head = _HEAD_OF.fullmatch(spk)
    if head:
        return head.group("side")  # "the chief executive of Valdren Telecom": Valdren Telecom
    m = _FOR_SIDE.fullmatch(spk) or _SIDE_VOICE.fullmatch(spk)
    if not m:
        return None
    side = re.sub(r"['’]s?$", "", m.group("side"))  # "the army's spokesman": the army
    if m.re is _FOR_SIDE:
        return side
    low = side.lower()
    if re.fullmatch(r"senior|top|chief|local|the", low):
        return None
    if re.fullmatch(r"[A-Z]\w+(?:ian|an|ese|ish|i)", side):
        return speaker.strip()  # "Kaltorian officials" speak for Kaltoria, keyed so
    last = low.split()[-1]
    if side[:1].isupper() and last not in _BODIES and low.rstrip("s") not in _MEMBERS:
        return side  # "a Grath Holdings spokesman", "Hamas officials"
    if last in _BODIES:  # "an army spokesman", "an air force officer", "a Korvian army officer"
        return f"the {side if side[:1].isupper() and ' ' in side else low}"
    if " " not in low and low.rstrip("s") in _MEMBERS:
        return f"the {low.rstrip('s')}s"  # "a rebel official": the rebels
    return None


# What a side is the target of: "attacked rebel posts", "fired on the army's positions".
_AT = (r"(?:attacked|attacking|shelled|shelling|struck|striking|hit|targeted|targeting|ambushed|"
       r"bombed|raided|overran|fired\s+(?:on|at)|opened\s+fire\s+on)\s+(?:the\s+)?")


def names_own_side(rest: str, side: str) -> bool:
    """Whether what follows a side's "they" makes that side its target ("they shelled our
    positions", "they attacked rebel posts"): then "they" is the other side, not the speaker's.
    The side named otherwise ("they lost 4 fighters in rebel-held Tarn") says nothing of it."""
    head = side.split()[-1].lower().rstrip("s")
    return len(head) > 2 and bool(re.search(rf"\b{_AT}(?:us\b|our\b|{re.escape(head)})", rest,
                                            re.I))


def holder(speaker: str | None) -> str:
    """Who a reason says holds a claim: its speaker; "an unnamed speaker" where attribution left
    a pronoun ("He also said ..."), which alone names nobody; the outlet where nobody is named."""
    if not speaker:
        return "the outlet"
    return "an unnamed speaker" if nameless(speaker) else speaker


def nameless(speaker: str) -> bool:
    """Whether a speaker is a pronoun or a possessive left unresolved ("he", "his"): it alone
    names nobody."""
    return speaker.strip().lower() in _NAMELESS


_NAMELESS = PRONOUNS | POSSESSIVES
