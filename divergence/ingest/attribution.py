"""Who says what: find the speaker, cue and stance of a sentence, and the proposition itself.

"Indian officials maintain that P" is not P: it is (speaker=Indian officials, cue=maintain,
asserts, P). "Trump's claim that P — a statement firmly refuted by New Delhi" is two claims: Trump
asserts P, New Delhi denies P. The rules are surface patterns over English news prose; what they
miss stays an unattributed claim (the outlet's own voice), which is the safe default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..wordlists import word_groups, word_set

ASSERT_CUES = (
    "said|says|say|claimed|claims|claim|maintained|maintains|maintain|stated|states|stressed|stresses|"
    "clarified|clarifies|asserted|asserts|insisted|insists|argued|argues|noted|notes|added|adds|"
    "reiterated|reiterates|highlighted|highlights|emphasised|emphasized|emphasises|emphasizes|"
    "confirmed|confirms|announced|announces|reported|reports|alleged|alleges|warned|warns|told|"
    "believes|believed|suggested|suggests|acknowledged|acknowledges|admitted|admits|conceded|"
    "contended|contends|affirmed|affirms|explained|explains|wrote|writes|tweeted|posted|"
    "boasted|boasts"
)
DENY_CUES = (
    "denied|denies|deny|refuted|refutes|refute|rejected|rejects|reject|dismissed|dismisses|"
    "disputed|disputes|dispute|contradicted|contradicts|rebutted|rebuts|rebuffed|rebuffs|rebuff"
)
CLAIM_NOUNS = (
    "claims?|assertions?|allegations?|statements?|remarks?|suggestions?|insistence|contention"
)
_ADVS = (
    r"(?:(?:also|consistently|repeatedly|firmly|strongly|categorically|earlier|later|again|"
    r"publicly|previously|however|always|flatly|separately|then|had|has|have|would|will|did|"
    r"does|last\s+week|"
    r"on\s+\w+day)[\s,]+)*"
)
_ASSERT_RE = re.compile(rf"\b(?:{ASSERT_CUES})\b", re.I)
_DENY_RE = re.compile(rf"\b(?:{DENY_CUES})\b", re.I)
_SPEAKERISH = re.compile(
    r"\b(?:[A-Z][\w’'.-]*|officials?|authorities|ministry|minister|government|spokes\w+|sources?|"
    r"he|she|they|police|analysts?|experts?|embassy|army|military|president|secretary|leaders?|"
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
    r"crew|operators?|navy|regulators?|inspectors?|coroners?|examiners?|master|workers?|"
    r"soldiers?|troops|captain|pilots?)\b"
)
# An appositive after a speaker's name: "Bjorn Lund, the network's director, said";
# "Mohammad Eslami, head of the agency, said"; "Redwan Hussein, Abiy's adviser, who led the
# team, said". Not a list of actors ("Israel, the US and Britain said").
_APPOSITIVE = (
    r"(?:the|a|an|his|her|its|their|one|who|which|as|head|chief|director|deputy|acting|"
    r"spokes\w+|member|"
    r"leader|adviser|advisor|minister|secretary|president|commander|founder|chair\w*|editor|"
    r"professor|ambassador|envoy|[A-Z][\w.-]*['’]s|[A-Z][\w-]*\s+(?:of|to|for|at))\b"
    r"(?:(?!\s(?:and|or)\s+(?:the\s+)?[A-Z])[^,;:\"“”]){1,150}?"
    r"(?:,\s+(?:who|which|whose)\b[^,;:\"“”]{1,120}?)?"
)
_NAME = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}"
# "told members of his government not to speak", "told troops to hold": whom, then an order.
_INSTRUCTED = re.compile(r"(?:(?:the|his|her|their|its|our)\s+)?[\w’'.-]+(?:\s+of\s+(?:the|his|"
                         r"her|their|its|our)\s+[\w’'.-]+)?\s+(?:not\s+)?to\s+[a-z]+", re.I)

# "P, X said." / "\"P,\" X said in a post." / "P, the army's chief, Name, told a meeting."
_TRAILING = re.compile(
    rf"[,\"”]\s*(?P<spk>[^,\"“”]{{2,80}}?)(?:,\s+(?:{_APPOSITIVE}|(?P<name>{_NAME}))\s*,)?"
    r"\s+(?P<cue>(?:was|were)\s+quoted\s+as\s+saying|said|"
    r"says|told|added|noted|stated|wrote|claimed|maintained|insisted|warned|reported|"
    r"announced)\b"
    # after the cue, when and where ("on Tuesday", "in a statement"), never a clause of its own
    # ("said he was appalled, citing ..." opens what was said)
    r"(?:(?<=told)[^,\"“”]*|\s+(?!(?:he|she|they|it|we|I|that|there|this|the|a|an|his|her|its|"
    r"their|no|not)\b)[^,\"“”]*)?(?:,\s*[a-z]+ing\b[^\"“”]*)?\.?\s*$")
# "The best answer, he said, would be tanks": a short attribution between two commas.
_INSIDE = re.compile(
    r"(?P<p1>[^,\"“”]{3,}?)(?P<aside>,\s*(?P<spk>he|she|they|it|I|we|(?:the\s+)?[\w’'.-]+"
    r"(?:\s+[\w’'.-]+){0,4}?)\s+(?:also\s+)?(?P<cue>said|says|added|argued|insisted|warned|"
    r"noted|wrote|stressed|claimed|maintained)(?:\s+on\s+[A-Z]\w+)?\s*,)\s+(?P<p2>[^\"“”]{6,})$")


_AND_SAID = re.compile(
    r"\s*(?:(?:In|On|At|During|Speaking|Writing|With|Using|After|Before|When)\b[^;:\"“”]{0,100}?"
    r",\s*)?"
    r"(?P<spk>He|She|They|We|(?:[Tt]he\s+)?[\w’'.-]+(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
    r"(?P<act>(?:also\s+|then\s+)?[a-z]+\b[^;\"“”]{0,160}?)(?:,?\s+(?:and|but)\s+(?:also\s+|then\s+)?"
    r"(?P<cue>said|added|warned|insisted|stressed|argued)|,\s+(?P<cue2>saying|adding|insisting|"
    r"arguing|warning|stressing))\s+(?:that\s+)?")
# Cues that frame rather than quote: "X accused Y of P", "X called the strike a massacre",
# "X put the toll at 143": the whole sentence, with X, is the claim.
_FRAMING = (r"accused|accuses|described|describes|called|calls|blamed|blames|counted|"
            r"put\s+the\s+(?:death\s+)?(?:toll|number|figure|count)")


def _acts(spk: str, act: str) -> bool:
    """In "X <act> and said P": X is a speaker and the act opens with a verb of its own ("The Thai
    army accused ..." is not "The Thai" doing "army accused ..."), not itself a saying."""
    first = act.split()[0] if act.split() else ""
    if first in ("also", "then") and len(act.split()) > 1:
        first = act.split()[1]
    return _speaker_ok(spk) and _finite_verb([first]) and not _ASSERT_RE.search(act)


def _trailing(s: str) -> re.Match[str] | None:
    """The attribution of all a sentence says at its end ("..., officials said."), if any."""
    m = _TRAILING.search(s)
    return m if m and _speaker_ok(m.group("spk")) and m.start() > 10 else None


def _named(spk: str, name: str | None) -> str:
    """The speaker of "the army's chief, Name, said": the name when one follows a description."""
    if name and not re.match(r"[A-Z]", spk.strip()):
        return _clean_speaker(name)
    return _clean_speaker(spk)
# What a denial rejects, before the proposition itself: "rejected (the) claims that P".
DENIED_NOUNS = (r"claims?|reports?|allegations?|suggestions?|accusations?|assertions?|charges?|"
                r"speculation|rumou?rs?")
_DENIED_NOUN = re.compile(rf"(?:the\s+|any\s+)?(?:{DENIED_NOUNS})\s+(?:that|of)\s+", re.I)
_QUOTED = (r"(?:(?:was|were)\s+quoted\s+(?:by\s+[^,;:\"“”]{1,40}?\s+(?:on\s+\w+\s+)?)?|"
           r"cited\s+[^,;:\"“”]{1,50}?\s+)as\s+saying")
# "X took to X (formerly Twitter), stating," / "X took to social media to say that"
_TOOK_TO = re.compile(
    r"\s*(?:(?:However|But|Meanwhile|Earlier|Also|Later),\s*)?(?P<spk>[^,;:\"“”]{1,80}?)\s+"
    r"(?:also\s+|later\s+|earlier\s+)?took\s+to\s+(?:X|Twitter|Facebook|Instagram|LinkedIn|"
    r"Threads|Bluesky|Truth\s+Social|social\s+media|(?:its|his|her|their)\s+(?:official\s+)?"
    r"(?:X\s+|Twitter\s+)?(?:handle|account|page))(?:\s*\([^()]{0,40}\))?"
    r"(?:\s*,\s*|\s+(?:to|and)\s+)(?P<cue>stating|saying|writing|posting|noting|adding|"
    r"asserting|claiming|announcing|say|write|state|post|note|announce|claim|assert)\b"
    r"\s*[,:]?\s*(?:that\s+)?"
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})  # subject pronouns
# What opens a thing added, not words: "added 200,000 jobs", "added extra reinforcement" (after
# a name or a body; "He added the toll had risen" is said).
_ADDED_THING = re.compile(r"\s+(?:\d[\d,.]*|an?|another|more|extra|additional|further|new|some|"
                          r"several|dozens|hundreds|thousands|millions|billions|two|three|four|"
                          r"five|six|seven|eight|nine|ten)\b", re.I)
# after "said at a meeting" / "told the men": a "that" opening a relative clause ("that lasted
# five hours", "that he had hired") is not the one that opens what was said
_NOT_RELATIVE = r"(?!(?:was|were|is|are|had|has|have|would|will|could|\w+ed)\b)"
# lower-case words that open a clause, never a speaker: "..., after Israel said P"
_NOT_SPEAKER_START = {"and", "but", "or", "while", "as", "after", "before", "when", "because",
                      "since", "until", "if", "though", "although", "whereas"}
_STOP_SPEAKER = {"this", "that", "these", "those", "it", "there", "which", "who", "what"}
_DANGLING = {"the", "a", "an", "who", "which", "that", "whose", "of", "to", "and", "was",
             "were", "is", "are", "been", "be", "has", "have", "had"}
# A denial that is negated or hedged denies nothing: "Kyiv has not denied", "few would deny".
_HEDGED = re.compile(r"\b(?:not|never|no|nobody|none|few|hardly|n['’]t)\b|n['’]t\b", re.I)
_NOT_SPEAKER_WORDS = {"in", "on", "at", "during", "speaking", "writing", "with", "using", "after",
                      "before", "while", "when", "asked", "addressing", "responding", "citing"}


@dataclass(frozen=True, slots=True)
class Attributed:
    """A proposition with who asserts or denies it; offsets are relative to the sentence."""

    start: int  # of the proposition within the sentence
    end: int
    speaker: str | None
    cue: str | None
    stance: str  # "asserts" | "denies"
    aside: tuple[int, int] | None = None  # "P1, he said, P2": the attribution inside, cut out


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past spaces, quotes and connective punctuation at either end."""
    junk = " \t\n,;:\"“”'‘’—–-"
    while a < b and s[a] in junk:
        a += 1
    while b > a and s[b - 1] in junk + ".":
        b -= 1
    return a, b


def _speaker_ok(spk: str) -> bool:
    raw = spk.strip().split()
    spk = re.sub(r"^(?:The|A|An|Their|Its|His|Her|Our)\s+", "", spk.strip())
    words = spk.split()
    if not words or len(words) > 9:
        return False
    if words[0].lower() in _STOP_SPEAKER and not words[0].isupper():  # "the WHO" is a body
        return False
    # Not a speaker but the tail of another clause: "..., and former President Trump (claimed
    # credit)", "a plan he (said had been ...)", "coming after Trump (warned ...)".
    if raw[0].lower() in _NOT_SPEAKER_START or raw[0].endswith("ing") and raw[0].islower():
        return False
    if len(raw) > 1 and (raw[-1].lower() in PRONOUNS or raw[-1] in _DANGLING):
        return False  # "The official called the (claim untrue)", "The officials who (confirmed)"
    if len(raw) == 1 and raw[0].lower() in _NOT_SPEAKER_WORDS:
        return False  # "In (his address, X said)", "Speaking (to the paper, X said)"
    return bool(_SPEAKERISH.search(spk))


def _plain(spk: str) -> bool:
    """A speaker that is only a name or a reporting noun ("Officials", "The Thai army"), with no
    verb of its own: framing cues ("called", "described") need one."""
    lower = [w for w in _clean_speaker(spk).split() if w[:1].islower()]
    return all(w in {"the", "a", "an", "of", "for", "and", "in", "at"} or _SPEAKERISH.fullmatch(w)
               or w.endswith(("'s", "’s")) or w in _SIDES for w in lower)


_SIDES = {"both", "each", "side", "sides", "other", "army", "forces", "troops", "foreign",
          "defence", "defense", "state", "national", "security", "thai", "local"}


def _clean_speaker(spk: str) -> str:
    spk = re.sub(
        r"^(?:However|But|And|Meanwhile|Earlier|Later|Also|Separately)\s*,?\s+", "", spk.strip()
    )
    # "Earlier in the day the fire service (said)": the time is not the speaker
    spk = re.sub(r"^(?:(?:Earlier|Later|Early|Late)\s+)?(?:in|on|during|that|this)\s+(?:the\s+)?"
                 r"(?:day|week|month|year|morning|afternoon|evening|night)\s*,?\s+", "", spk,
                 flags=re.I)
    # "On Wednesday Israel (denied)", "Last week Hamas (accused)": the time is not the speaker
    spk = re.sub(r"^(?:On|By|Late\s+on|Early\s+on)\s+(?:[A-Z]\w+day|\d{1,2}\s+[A-Z]\w+|"
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
    # "(denied) by Ukraine on Monday": the time is not the speaker
    spk = re.sub(r"\s+(?:(?:early\s+|late\s+)?on\s+(?:[A-Z]\w+day|\d{1,2}\s+[A-Z]\w+|"
                 r"[A-Z]\w+\s+\d{1,2})|"
                 r"(?:last|this)\s+\w+|today|yesterday)$", "", spk)
    spk = re.sub(r",?\s*(?:however|meanwhile|too|also|nonetheless|nevertheless|instead|in\s+turn|"
                 r"for\s+(?:its|his|her|their)\s+part)\s*,?\s*$", "", spk, flags=re.I)
    # "an IDF spokesperson issued a (written) statement (saying)": the one who issued it
    spk = re.sub(r"\s+(?:issued|released|put\s+out|posted)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
                 r"(?:statement|message|post)$", "", spk)
    return spk.strip(' ,"“”')


_SPACES = re.compile(r"\s{2,}")


def attribute(sentence: str) -> list[Attributed]:
    """Attributions in one sentence; an empty list means the outlet speaks in its own voice.

    Runs of whitespace are read as one space (offsets map back to ``sentence``): the readers'
    optional spaces could otherwise share out a long run in polynomially many ways (a sentence
    with 800 spaces in it took 31 s)."""
    if not _SPACES.search(sentence):
        return _asserted(_attribute(sentence))
    keep = [True] * len(sentence)
    for m in _SPACES.finditer(sentence):
        for k in range(m.start() + 1, m.end()):
            keep[k] = False
    at = [k for k, kept in enumerate(keep) if kept]  # position in the sentence of each kept
    s = "".join(" " if sentence[k].isspace() else sentence[k] for k in at)
    at.append(len(sentence))

    def back(a: int, b: int) -> tuple[int, int]:
        return at[a], (at[b - 1] + 1 if b > a else at[a])

    out = []
    for x in _attribute(s):
        start, end = back(x.start, x.end)
        aside = back(*x.aside) if x.aside else None
        out.append(Attributed(start, end, x.speaker, x.cue, x.stance, aside))
    return _asserted(out)


# The saying verbs whose report, inside another's, is the inner speaker's claim.
_RELAYED = re.compile(r"(?:said|says|say|claimed|claims|claim|stated|states|insisted|insists|"
                      r"alleged|alleges|maintained|maintains|announced|announces|confirmed|"
                      r"confirms|denied|denies|reported|reports|admitted|admits|acknowledged|"
                      r"acknowledges|asserted|asserts|argued|argues|wrote|writes)", re.I)


def innermost(sentence: str, att: Attributed) -> Attributed:
    """The attribution a claim belongs to when what one speaker says is another's saying:
    "Moscow said Kyiv had claimed that P" is Kyiv's claim P (as Moscow tells it), not Moscow's
    P; "Reuters reported that officials said P" is the officials'. Read only when the outer
    speaker asserts it and the inner speaker opens what was said ("the spokesman denied that
    Varnia had claimed P" is the spokesman's denial, and stays)."""
    if att.stance != "asserts" or att.aside:
        return att
    said = sentence[att.start:att.end]
    inner = attribute(said)
    if len(inner) != 1 or not inner[0].speaker or inner[0].aside:
        return att
    x = inner[0]
    head = said[:x.start]
    if not x.start or not head.lstrip(" \"“‘'").startswith(x.speaker.strip()):
        return att  # "P, she said" inside, or a speaker the outer words do not open with
    if (not _RELAYED.fullmatch(x.cue or "") or not is_clause(said[x.start:x.end])
            or _finite_verb(_WORD.findall(x.speaker))):  # "he is forming a panel to look into
        # reports of ...": no one
        return att  # "Energoatom said the Kremlin was lying about P" is Energoatom's charge;
        # "Iran had told its friends, including ..., that P": a listener the reading may cut
    return innermost(sentence, Attributed(att.start + x.start, att.start + x.end, x.speaker,
                                          x.cue, x.stance))


# Whom a speaker told, before what ("told the coast guard | the engine had failed", "told Reuters
# | the toll had risen"): words up to a clause, a subject then a verb of tense.
_LISTENER = re.compile(
    r"(?:[\w’'.-]+\s+){1,4}?(?=(?:the|a|an|his|her|its|their|it|he|she|they|we|[A-Z][\w’'-]*)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:had|has|have|was|were|is|are|would|will|could|did|should|might|"
    r"may)\b)")


# A saying negated: "The ministry did not say that P", "X never claimed P", "X has not confirmed
# P" assert nothing, and P is no one's claim there (read as P, it agreed with outlets stating P).
_UNSAID = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno\s+longer|\byet\s+to|\brefused\s+to|"
                     rf"\bdeclined\s+to)(?:\s+(?:{'|'.join(sorted(word_set('saying_adverbs')))}))?$",
                     re.I)


def _asserted(found: list[Attributed]) -> list[Attributed]:
    """``found`` unless a speaker ends in a negated saying: then the sentence is the outlet's
    own statement about what was not said, attributed to no one."""
    return [] if any(_UNSAID.search(x.speaker.strip()) for x in found) else found


def _attribute(sentence: str) -> list[Attributed]:
    """``attribute`` on a sentence without runs of whitespace."""
    out: list[Attributed] = []
    s = sentence

    # 1. Nominal: "X's (recent) claim(s) that P" / "X's assertions about P", maybe followed by
    #    "— a statement (firmly) refuted by Y".
    m = re.search(
        # a name starts a word: inside one long token every position would start a scan
        rf"(?:(?<![\w.-])|(?<=\bal-)|(?<=\bel-))(?P<spk>(?:[A-Z][\w.-]*\s+){{0,4}}[A-Z][\w.-]*"
        rf"|(?:[A-Z][\w.-]*\s+){{1,3}}[a-z]+s(?=[’']))"
        rf"[’']s?\s+(?:\w+\s+){{0,2}}?"  # "Russian officials' claims that P" too
        rf"(?P<cue>{CLAIM_NOUNS})\s+(?:that|about|of)\s+",
        s,
    )
    if m:
        p0 = m.end()
        rest = s[p0:]
        dm = re.search(
            rf"\s*[—–-]+\s*(?:a|an|the)\s+(?:\w+\s+)?(?:{CLAIM_NOUNS}|claim)\s+"
            rf"(?:\w+\s+){{0,2}}?(?P<dcue>{DENY_CUES})\s+by\s+(?P<dspk>[^,.;—–]+)"
            # "X's claims that P were branded disinformation by Y", "... dismissed as lies by Y"
            rf"|\s+(?:was|were|have\s+been|has\s+been)\s+(?P<dcue2>branded|dismissed|denounced|"
            rf"rejected|called|described)\s+(?:as\s+)?(?:an?\s+)?(?:\w+\s+)?(?:disinformation|lies|"
            rf"a\s+lie|false|fake|fabricat\w+|nonsense|propaganda|absurd|baseless|untrue|"
            rf"provocation)\s+by\s+(?P<dspk2>[^,.;—–]+)",
            rest,
        )
        stop = re.search(r"\s*[—–;]|\s+-\s+|,\s+(?:which|while|but)\b", rest)
        p1 = p0 + (dm.start() if dm else stop.start() if stop else len(rest))
        a, b = _trim(s, p0, p1)
        if b > a:
            before = re.search(rf"(?:^|[,;]\s*)(?P<dspk>[^,;:\"“”]{{1,80}}?)\s+{_ADVS}"
                               rf"(?P<dcue>{DENY_CUES})\s+(?:the\s+)?$", s[:m.start()])
            if (before and _speaker_ok(_clean_speaker(before.group("dspk")))
                    and not _HEDGED.search(before.group(0))):  # "Kyiv has not denied"
                out.append(Attributed(a, b, _clean_speaker(before.group("dspk")),
                                      before.group("dcue"), "denies"))
            out.append(Attributed(a, b, _clean_speaker(m.group("spk")), m.group("cue"), "asserts"))
            if dm:
                out.append(Attributed(a, b, _clean_speaker(dm.group("dspk") or dm.group("dspk2")),
                                      dm.group("dcue") or dm.group("dcue2"), "denies"))
            return out

    # 2. "X took to X (formerly Twitter), stating, "P"" / "X took to social media to say that P".
    m = _TOOK_TO.match(s)
    if m and _speaker_ok(_clean_speaker(m.group("spk"))):
        a, b = _trim(s, m.end(), len(s))
        if b - a > 10:
            return [Attributed(a, b, _clean_speaker(m.group("spk")), m.group("cue").lower(),
                               "asserts")]

    # 3. "According to X, P" / "P, according to X."
    m = re.match(r"\s*(?:According\s+to\s+(?P<spk>[^,]{2,90})|In\s+(?P<spk2>[^,]{2,80}?)['’]s?"
                 r"\s+(?:account|view|words|telling|version|assessment|reading|opinion|estimate)"
                 # "According to X, speaking on Wednesday, P": how X spoke is not what X said
                 r"),\s*(?:(?:speaking|writing|quoted|citing)\b[^,]{0,80},\s*)?", s)
    if m and m.group("spk2"):  # "In Putin's account, P"
        if _speaker_ok(m.group("spk2")):
            a, b = _trim(s, m.end(), len(s))
            return [Attributed(a, b, _clean_speaker(m.group("spk2")), "according to", "asserts")]
        m = None
    if m and _speaker_ok(m.group("spk")):
        a, b = _trim(s, m.end(), len(s))
        return [Attributed(a, b, _clean_speaker(m.group("spk")), "according to", "asserts")]
    m = re.search(r",\s*according\s+to\s+(?P<spk>[^,]{2,90}?)\s*\.?\s*$", s)
    if m and _speaker_ok(m.group("spk")):
        a, b = _trim(s, 0, m.start())
        return [Attributed(a, b, _clean_speaker(m.group("spk")), "according to", "asserts")]

    # 4. "He called it a violation and said P": a first act, then the saying.
    m = _AND_SAID.match(s)
    if m and _acts(m.group("spk"), m.group("act")) and not (
            re.search(rf"\b(?:{DENY_CUES})\s+(?:that\b|{_DENIED_NOUN.pattern})", m.group("act"),
                      re.I)):  # "X denied that P and said Q" is a denial first
        a, b = _trim(s, m.start("spk"), len(s))  # the act is said too: "put the toll at 120"
        if m.end() < b - 10:
            return [Attributed(a, b, _clean_speaker(m.group("spk")),
                               m.group("cue") or m.group("cue2"), "asserts")]

    # 5. "X (has consistently) maintained that P" / "X denied P" at the head of the sentence.
    m = re.match(
        rf"\s*(?:(?:However|But|Meanwhile|Earlier|Also|Separately|Still|Yet|Later),\s*)?"
        # a leading phrase: "In a post on Truth Social, he said", "While conceding P, X argued"
        rf"(?:(?!At\s+(?:least|most)\b)"
        rf"(?:In|On|At|During|Speaking|Writing|While|After|Before|Asked|Addressing|Responding|"
        rf"When|Following|With|Using|Citing|Referring|Commenting|Despite|Shortly|Earlier|Later|"
        rf"Late|Early|Hours|Days|Only|Just|[A-Z][a-z]+ing)"
        rf"\b[^;:\"“”]{{0,100}}?,\s*)?"
        rf"(?P<spk>[^,;:\"“”]{{1,80}}?)(?:,\s+{_APPOSITIVE}\s*(?=,))?"
        rf"(?:\s*,\s*(?:for\s+(?:its|his|her|their)\s+part|however|meanwhile|in\s+turn|too)\s*,)?"
        rf"\s*,?\s+{_ADVS}(?P<cue>{_QUOTED}|{ASSERT_CUES}|{DENY_CUES}"
        rf"|(?<=statement\s)saying|(?<=message\s)saying|(?<=post\s)saying|{_FRAMING})\b"
        # "announced on social media overnight into Tuesday that": no subject in between (not
        # "said on Sunday it had captured that village")
        rf"(?:\s+(?:on|overnight)\s+(?:(?!(?:it|he|she|they|we|I|the|a|an|his|her|its|their)\b)"
        rf"[\w’'.-]+\s+){{0,5}}?(?=that\s+{_NOT_RELATIVE})"
        rf"|\s+(?:last\s+\w+|on\s+\w+|earlier|in\s+a\s+[\w\s]+?post|to\s+\w+(?:\s+\w+)?)"
        # "said in a statement on Monday that", "said at a briefing that": only before "that"
        rf"|\s+(?:in|at|during|via|through|after|before)\s+(?:[\w’'.-]+\s+){{0,6}}?"
        rf"(?=that\s+{_NOT_RELATIVE})"
        # "told state media on Monday that", "told reporters (that) he": whom, then the claim
        # "told reporters he P": an audience, not a person whom "he" could mean
        rf"|(?<=told)\s+(?:[\w’'.-]+\s+){{1,6}}?(?=that\s+{_NOT_RELATIVE})"
        rf"|(?<=told)\s+(?:reporters|journalists|the\s+press|(?:state\s+)?(?:media|television|TV|"
        rf"radio)|a\s+news\s+conference|a\s+briefing|parliament|lawmakers)\s+"
        rf"(?=(?:he|she|they|it|we)\s+(?!to\b)))?"
        rf"\s*,?\s*(?:that\s+)?"
        # "says he is convinced that P": the conviction is the saying
        rf"(?:(?:he|she|they|we|it)\s+(?:is|was|are|were)\s+(?:convinced|sure|certain|"
        rf"confident)\s+that\s+)?",
        s,
    )
    if (m and _DENY_RE.fullmatch(m.group("cue")) and not m.group("cue").lower().startswith("den")
            and not _DENIED_NOUN.match(s, m.end()) and not s[:m.end()].rstrip().endswith("that")):
        m = None  # "X rejected the appeal": an act, not the denial of a proposition
    if m and m.group("cue").lower() == "told" and _INSTRUCTED.match(s, m.end("cue") + 1):
        m = None  # "X told his ministers not to speak": an order given, not a claim
    if (m and m.group("cue").lower() in ("added", "adds") and _ADDED_THING.match(s, m.end("cue"))
            and _clean_speaker(m.group("spk")).lower() not in PRONOUNS):
        m = None  # "Apple added extra reinforcement", "the economy added 200,000 jobs": things
    framing = bool(m and re.fullmatch(_FRAMING, m.group("cue"), re.I))
    if m and framing and (not _plain(m.group("spk")) or _trailing(s)):
        m = None  # "Al-Burhan refused to have the retreat (described as ...)"; "Residents
        # described hearing blasts, officials said": the trailing speaker says it all
    if m and _speaker_ok(_clean_speaker(m.group("spk"))) and m.end() < len(s) - 3:
        cue = m.group("cue")
        stance = "denies" if _DENY_RE.fullmatch(cue) else "asserts"
        start = m.end()
        if stance == "denies":  # "X rejected claims that P": X denies P, not "claims that P"
            lead = _DENIED_NOUN.match(s, start)
            start = lead.end() if lead else start
        if framing:  # "X accused Y of P": the accusation is the claim
            start = m.start("spk")
        if (cue.lower() == "told" and not s[:start].rstrip().lower().endswith("that")
                and (lead := _LISTENER.match(s, start))):
            start = lead.end()  # "told the coast guard the engine had failed": not the listener
        a, b = _trim(s, start, len(s))
        if b - a > 10:
            return [Attributed(a, b, _clean_speaker(m.group("spk")), cue, stance)]

    # 6. Trailing: "P, X said." / "\"P,\" X said in a post." / "\"P,\" an official was quoted
    #    as saying, underscoring Q."
    m = _trailing(s)
    if m:
        a, b = _trim(s, 0, m.start() + 1)
        if b > a:
            return [Attributed(a, b, _named(m.group("spk"), m.group("name")), m.group("cue"),
                               "asserts")]

    # 7. Inside: "P1, he said, P2" (the attribution cut out of the proposition).
    m = _INSIDE.match(s)
    if m and _speaker_ok(m.group("spk")):
        a, b = _trim(s, 0, len(s))
        return [Attributed(a, b, _clean_speaker(m.group("spk")), m.group("cue"), "asserts",
                           aside=(m.start("aside"), m.end("aside")))]

    # 8. Inverted: "P, said X."
    m = re.search(r",\s*(?P<cue>said|says|added|noted)\s+(?P<spk>[^,]{2,80}?)\s*\.?\s*$", s)
    if m and re.search(r"\b(?:had|has|have|was|were|is|are|would|will|could)\b", m.group("spk")):
        m = None  # "X, the spokesperson, said P had happened": a clause, not a speaker
    if m and _speaker_ok(m.group("spk")) and m.start() > 10:
        a, b = _trim(s, 0, m.start())
        return [Attributed(a, b, _clean_speaker(m.group("spk")), m.group("cue"), "asserts")]
    return out


# ---------------------------------------------------------------- is a proposition a clause?

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _clause_words() -> dict[str, frozenset[str]]:
    """The word lists of ``is_clause`` (``data/words/clause_words.txt``)."""
    return word_groups("clause_words")


def _finite_verb(words: list[str]) -> bool:
    """Whether any word looks like a finite verb: an auxiliary, a past form, or a verb in -s
    followed by what verbs take ("comes as", "remains a")."""
    lists = _clause_words()
    finite, dets, after = lists["finite"], lists["determiners"], lists["after_verb"]
    low = [w.lower().replace("’", "'") for w in words]
    for i, w in enumerate(low):
        if w in finite:
            return True
        if words[i][0].isupper() and i > 0:
            continue  # a name ("United", "Red")
        prev = low[i - 1] if i else ""
        if len(w) > 4 and w.endswith("ed") and w not in lists["not_past"] and prev not in dets:
            return True
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics"))
                and nxt in after and prev not in dets and prev not in after):
            return True
    return False


def is_clause(text: str) -> bool:
    """Whether ``text`` reads as a clause, not a fragment an attribution cue left behind.

    A fragment begins with a gerund or participle ("mediating between India and Pakistan"),
    or is a noun phrase with an "as" complement ("the engagement as wide-ranging"), or has no
    finite verb at all ("their commitment to strengthening the Quad"). Quoted speech that drops
    its subject ("Discussed our bilateral partnership ...") still has a finite verb and passes.
    """
    words = _WORD.findall(text)
    if not words:
        return False
    first = words[0].lower()
    if first.endswith("ing") and first not in _clause_words()["not_gerund"]:
        return False
    np_as = re.match(r"\W*(?:the|a|an|its|their|his|her|our)\s+(?:[\w’'-]+\s+){0,3}as\b", text,
                     re.I)
    if np_as and not _finite_verb(_WORD.findall(np_as.group(0))):
        return False  # "The engagement as ...", not "His visit comes as ..."
    # A verb inside a relative clause is not the clause's own: "any part in the blast, in which
    # hundreds died" is a noun phrase.
    return _finite_verb(_WORD.findall(_RELATIVE.sub(" ", text)))


# A relative clause between commas, or closing the text.
_RELATIVE = re.compile(r",\s*(?:in\s+which|which|who|whom|whose|where)\b[^,;]*(?:,|$)", re.I)
