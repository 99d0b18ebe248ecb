"""Who says what: find the speaker, cue and stance of a sentence, and the proposition itself.

"Indian officials maintain that P" is not P: it is (speaker=Indian officials, cue=maintain,
asserts, P). "Trump's claim that P — a statement firmly refuted by New Delhi" is two claims: Trump
asserts P, New Delhi denies P. The rules are surface patterns over English news prose; what they
miss stays an unattributed claim (the outlet's own voice), which is the safe default.
"""

from __future__ import annotations

import re

from ..wordlists import word_groups, word_set
from .apposed import apposed
from .called_false import called_false, said_false
from .clauses import finite_verb
from .cues import (
    ADDED_THING,
    ADVS,
    APPOSITIVE,
    ASSERT_CUES,
    ASSERT_RE,
    CLAIM_NOUNS,
    DENIED_NOUN,
    DENIED_NOUNS,
    DENY_CUES,
    DENY_RE,
    INSTRUCTED,
    LONG,
    NAME,
    Attributed,
    trim,
)
from .leads import CLOSING, NARRATED, closes, past_lead
from .second import second_voice
from .speakers import PRONOUNS, clean_speaker, finder_ok, named, plain, speaker_ok
from .views import background_saying, charge_denied, said_denial, stated_view

__all__ = ["DENIED_NOUNS", "Attributed", "attribute"]

# Names in a list speak together: "Israel, the US and Britain said", "Egypt, Qatar and the UN".
_ONE = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_LISTED = rf"(?:{_ONE},\s+){{1,4}}{_ONE},?\s+and\s+{_ONE}"
# "P, X said." / "\"P,\" X said in a post." / "P, the army's chief, Name, told a meeting."
_TRAILING = re.compile(
    rf"[,\"”]\s*(?P<spk>[^,\"“”]{{2,80}}?)(?:,\s+(?:{APPOSITIVE}|(?P<name>{NAME}))\s*,)?"
    r"\s+(?:(?:has|have|had)\s+)?(?P<cue>(?:was|were)\s+quoted\s+as\s+saying|said|say|"
    r"says|told|added|noted|stated|wrote|claimed|claim|claims|maintained|maintain|insisted|insist|"
    r"warned|reported|reports|announced|alleged|allege|alleges|believe|believes|argued|argue|"
    rf"argues|found|finds|concluded|concludes|{CLOSING})\b"  # found: an inquiry's (finder_ok)
    # after the cue, when and where ("on Tuesday", "in a statement"), never a clause of its own
    # ("said he was appalled, citing ..." opens what was said)
    r"(?:(?<=told)[^,\"“”]*|\s+(?!(?:he|she|they|it|we|I|that|there|this|the|a|an|his|her|its|"
    r"their|no|not)\b)[^,\"“”]*)?"
    # then the outlet's narration: "..., X said, as Q", "X said, without giving details"
    rf"(?:,\s*(?:[a-z]+ing|{NARRATED})\b[^\"“”]*)?"
    # "..., X has said, an account at odds with Y's": what the outlet makes of it, after
    r"(?:,\s*(?:an?|the)\s+(?:account|claim|assertion|version|statement|view|figure|"
    r"position)\b[^\"“”]*+)?\.?\s*$")
# "The best answer, he said, would be tanks": a short attribution between two commas.
_INSIDE = re.compile(
    r"(?P<p1>[^,\"“”]{3,}?)(?P<aside>,\s*(?P<spk>he|she|they|it|I|we|(?:the\s+)?[\w’'.-]+"
    r"(?:\s+[\w’'.-]+){0,4}?)\s+(?:also\s+)?(?P<cue>said|says|added|argued|insisted|warned|"
    r"noted|wrote|stressed|claimed|maintained)(?:\s+on\s+[A-Z]\w+)?\s*,)\s+(?P<p2>[^\"“”]{6,})$")


_QUOTES_WHOM = re.compile(
    r"\s*(?!(?:[\w’'.-]+\s+){0,6}?(?:was|were|been|is|are)\s+(?:\w+ly\s+)?(?:quoted|cited)\b)"
    r"(?:[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)\s+(?:quoted|cited)\s+(?P<spk>[^,;:\"“”]{2,80}?)"
    r"\s+as\s+saying\s*,?\s*(?:that\s+)?")
_AS_PUT = re.compile(
    r"(?:(?P<lead>\s*As\s+(?P<spk>[^,;:\"“”]{2,60}?)\s+(?:has\s+|had\s+)?(?P<cue>put\s+it|said|"
    r"claimed|noted|argued|warned|insisted|wrote)(?:\s+on\s+[A-Z]\w+)?\s*,\s*)|"
    r"[^,;\"“”]{3,}?(?P<aside>,\s*as\s+(?P<spk2>[^,;:\"“”]{2,60}?)\s+(?P<cue2>put\s+it|said|"
    r"claimed|noted|argued)\s*,))")
_LIES = (r"lies?|fiction|fake(?:\s+news)?|false|untrue|baseless|propaganda|fabrications?|"
         r"fabricated|nonsense|absurd|disinformation|slander|groundless|unfounded")
_BARE_LABEL = re.compile(r"called|branded|labell?ed|termed", re.I)  # "called P fake news"
_CALLED_LIE = re.compile(
    rf"\s*(?P<spk>[^,;:\"“”]{{1,80}}?)\s+{ADVS}(?P<cue>called|described|branded|dismissed|"
    r"labell?ed|termed|rejected|denounced)\s+"
    rf"(?:as\s+[\"“]?(?P<lie1>{_LIES})[\"”]?\s+)?"
    r"(?P<obj>(?:(?:the|these|those|all|such|any|his|her|their|its|[A-Z][\w’'-]*)\s+)?"
    r"(?:[\w’'-]+\s+){0,2}?(?:reports?|claims?|allegations?|accusations?|account|version|"
    r"assertions?|statements?|suggestions?|charges?|rumou?rs?|this|that|it|them))"
    # "of" a happening: kept whole, as "rejected claims of abuse, calling them lies" is
    r"(?!\s+of\b)(?:\s+that\s+(?P<p>[^\"“”]+?))?"
    r"\s*(?:,\s*)?(?:\s+as\s+)?[\"“]?(?:(?:an?|pure|complete|total|absolute|utter|outright|"
    rf"blatant)\s+)*(?:(?P<lie2>{_LIES})\b)?[\"”]?(?:[,;][^\n]*+)?\s*\.?[\"”]?\s*$", re.I)
# "said to be", "said to number": a hedge on what follows, not a saying.
_SAID_TO = re.compile(r"\s+to\s+(?!(?:reporters|journalists|the|a|an|his|her|their|its|our|me|"
                      r"him|them|us)\b)[a-z]+\b(?!(?:\s+[\w’'-]+){0,4}?\s+that\b)")
# "\"P1,\" X said, \"P2.\"": a quote broken by who said it.
_QUOTE_INSIDE = re.compile(
    r"\s*[\"“](?P<p1>[^\"“”]{3,}?)(?P<aside>,?[\"”]\s*(?P<spk>he|she|they|it|I|we|(?:the\s+)?"
    r"[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)\s+(?:also\s+)?(?P<cue>said|says|added|argued|insisted|"
    r"warned|noted|wrote|stressed|claimed|maintained|told\s+(?:reporters|journalists))"
    r"(?:\s+on\s+[A-Z]\w+)?\s*,\s*[\"“])(?P<p2>[^\"“”]{3,})[\"”]?\s*$")


# Auxiliaries, and the sayings among the past forms: neither opens a deed.
_NOT_DEEDS = frozenset({
    "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "do", "does", "did", "isn't", "aren't",
    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't",
    "don't", "doesn't", "didn't", "it's", "that's", "there's", "said", "told", "wrote"})
# A deed's verb: a past form ("grounded", "stormed", "took"); what it follows is its doer.
_PAST = (r"(?:(?:has|had|have)\s+)?(?:(?:did\s+not|didn['’]t|never|would\s+not|could\s+not)\s+"
         r"[a-z]+|[a-z]{2,}ed|"
         + "|".join(sorted(word_groups("clause_words")["finite"] - _NOT_DEEDS)) + r")\b")
_AND_SAID = re.compile(
    r"\s*(?:(?:In|On|At|During|Speaking|Writing|With|Using|After|Before|When)\b[^;:\"“”]{0,100}?"
    r",\s*)?"
    r"(?P<spk>He|She|They|We|(?:[Tt]he\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+"
    rf"(?P<act>(?:also\s+|then\s+)?{_PAST}[^;\"“”]{{0,160}}?)(?:,?\s+(?:and|but)\s+(?:also\s+|"
    r"then\s+)?(?P<cue>said|added|warned|insisted|stressed|argued)|\s+and\s+(?P<cue3>saying)|,\s+"
    r"(?P<cue2>saying|adding(?!\s+to\b)|insisting|arguing|warning(?=\s+(?:that|of|against)\b)|"
    r"stressing))\s+(?:that\s+)?")
# Cues that frame rather than quote: "X accused Y of P", "X called the strike a massacre",
# "X put the toll at 143": the whole sentence, with X, is the claim.
_FRAMING = (r"accused|accuses|described|describes|called|calls|blamed|blames|counted|branded|"
            r"(?<!,\s)(?:labell?ed|termed|dubbed)|"
            r"put\s+the\s+(?:death\s+)?(?:toll|number|figure|count)")


_FRAMING_AT = re.compile(rf"(?:{_FRAMING})\b", re.I)  # read at the cue, with what follows
# A speaker that ends on a body that speaks frames too: "the Hamas-run health ministry put the
# toll at 112", "the paramilitary group described the victory as ...".
_BODY_LAST = re.compile(r"\b(?:ministry|group|army|government|agency|office|council|committee|"
                        r"authorit(?:y|ies)|officials?|spokes\w+|police|military|command|forces)$",
                        re.I)


def _acts(spk: str, act: str) -> bool:
    """In "X <act> and said P": X is a speaker and the act opens with a verb of its own ("The Thai
    army accused ..." is not "The Thai" doing "army accused ..."), not itself a saying."""
    first = act.split()[0] if act.split() else ""
    if first in ("also", "then") and len(act.split()) > 1:
        first = act.split()[1]
    return speaker_ok(spk) and finite_verb([first]) and not ASSERT_RE.search(act)


def _trailing(s: str) -> re.Match[str] | None:
    """The attribution of all a sentence says at its end ("..., officials said."), if any."""
    m = _TRAILING.search(s, max(0, len(s) - LONG))  # it ends the sentence: a long one is read
    if m and not closes(m.group("cue"), s, m.end("cue")):
        return None  # "12 soldiers admitted to hospital"
    if m and not finder_ok(m.group("cue"), m.group("spk")):
        return None  # "Searches went on for days, rescuers found": a finding, not a claim
    return m if m and speaker_ok(m.group("spk")) and m.start() > 10 else None  # from near its end


_DENIED_BY = re.compile(
    rf"\s*(?:The\s+)?(?:{DENIED_NOUNS})\s+that\s+(?P<p>[^\"“”]+?)\s+(?:was|were|have\s+been|"
    rf"has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<cue>{DENY_CUES})\s+(?:on\s+\w+\s+)?by\s+"
    r"(?P<spk>[^,;:\"“”]{2,80}?)\s*(?:,[^\"“”]*)?\.?\s*$", re.I)
_QUOTED = (r"(?:(?:was|were)\s+(?:\w+ly\s+)?quoted\s+"
           r"(?:by\s+[^,;:\"“”]{1,40}?\s+(?:on\s+\w+\s+)?)?|"
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
# after "said at a meeting" / "told the men": a "that" opening a relative clause ("that lasted
# five hours", "that he had hired") is not the one that opens what was said
_NOT_RELATIVE = r"(?!(?:was|were|is|are|had|has|have|would|will|could|\w+ed)\b)"
# A time word before the channel: "announced earlier on Truth Social that", "said later in a
# statement that".
_TIME_WORD = r"(?:(?:earlier|later|again|also|first)\s+)?"
# A title and a name, all capitalised: "Secretary of State Marco Rubio", "Deputy Minister Ali".
_TITLED_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of|for|and|the)?\s*[A-Z][\w’'.-]*)*\s+"
                          r"[A-Z][\w’'.-]+")
_RELAYING = re.compile(r"[^,\"“”]*,\s*(?:quoting|citing)\s+(?P<spk>[^,;\"“”]{2,80}?)\s*\.?\s*$")
# What a denial of blame rejects: "rejected all responsibility for", "denied any involvement".
_BLAME = re.compile(r"(?:(?:all|any)\s+(?:[\w’'-]+\s+)?)?(?:responsibility|involvement|"
                    r"role|blame|wrongdoing|link|links)\b", re.I)
# Where a denial's proposition ends: the speaker's next act, or the outlet's concession.
_THEN_SAID = re.compile(r"\s+and\s+(?:also\s+|then\s+)?(?P<cue>said|added|insisted|argued|"
                        r"stressed|warned)\s+(?:that\s+)?|\s+and\s+(?:also\s+|then\s+)?(?:told|"
                        r"called|accused)\b|,\s*(?:even\s+though|although|though|despite)\b", re.I)
# A denial that is negated or hedged denies nothing: "Kyiv has not denied", "few would deny".
_HEDGED = re.compile(r"\b(?:not|never|no|nobody|none|few|hardly|n['’]t)\b|n['’]t\b", re.I)


_SPACES = re.compile(r"\s{2,}")


def attribute(sentence: str) -> list[Attributed]:
    """Attributions in one sentence; an empty list means the outlet speaks in its own voice.

    Runs of whitespace are read as one space (offsets map back to ``sentence``): the readers'
    optional spaces could otherwise share out a long run in polynomially many ways (a sentence
    with 800 spaces in it took 31 s)."""
    if not _SPACES.search(sentence):
        return _asserted(past_lead(sentence, _attribute), sentence)
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
    for x in past_lead(s, _attribute):
        start, end = back(x.start, x.end)
        aside = back(*x.aside) if x.aside else None
        out.append(Attributed(start, end, x.speaker, x.cue, x.stance, aside))
    return _asserted(out, sentence)


_ACCORDING_AFTER = re.compile(
    r",\s*according\s+to\s+(?P<spk>[^,]{2,90}?)(?:,\s*(?:which|who)\b[^\"“”]*|,\s*(?:while|"
    r"whereas|though|although|but)\b(?P<beside>[^\"“”]*))?\s*\.?\s*$")
_SPEECH_ACTS = word_set("speech_acts")
# "said nothing about P, but confirmed that Q": what is said after all.
_BUT_SAID = re.compile(r",?\s+but\s+(?:also\s+)?(?P<cue>said|confirmed|added|insisted|"
                       r"acknowledged|stressed)\s+(?:that\s+)?", re.I)
# What follows a cue when nothing is said: a question, or "nothing/little" as the object ("said
# nothing about P"), not as a subject ("said nothing had changed" says that).
_NOTHING_SAID = re.compile(r"\s*(?:whether\b(?!\s+or\s+not\b)|(?:nothing|little)\b(?!\s+(?:had|"
                           r"has|have|was|were|is|are|would|will|could|can|should|might|may|did)\b))",
                           re.I)
# A label the speaker puts on it after what was said: not part of what was said.
_FRAMED_AFTER = re.compile(r",\s*(?:calling|describing|branding|labell?ing|terming)\s+(?:it|this|"
                           r"that|them|the|their|its|his|her|these|those)\b[^\"“”]*$", re.I)
# Whom a speaker told, before what ("told the coast guard | the engine had failed", "told Reuters
# | the toll had risen"): words up to a clause, a subject then a verb of tense.
_LISTENER = re.compile(
    r"(?:[\w’'.-]+\s+){1,4}?(?=(?:the|a|an|his|her|its|their|it|he|she|they|we|[A-Z][\w’'-]*)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:had|has|have|was|were|is|are|would|will|could|did|should|might|"
    r"may|[a-z]{3,}ed)\b)")


# A saying negated: "The ministry did not say that P", "X never claimed P", "X has not confirmed
# P" assert nothing, and P is no one's claim there (read as P, it agreed with outlets stating P).
_UNSAID = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno\s+longer|\byet\s+to|\brefused\s+to|"
                     rf"\bdeclined\s+to)(?:\s+(?:{'|'.join(sorted(word_set('saying_adverbs')))}))?$",
                     re.I)


def _asserted(found: list[Attributed], s: str) -> list[Attributed]:
    """``found`` unless a speaker ends in a negated saying: then the sentence is the outlet's
    own statement about what was not said, attributed to no one. What a speaker says that is
    itself a denial ("we deny that P", "it was untrue that P") or calls a report of P false
    ("called the claim that P baseless", ``called_false``) is the speaker's denial of P."""
    if any(x.speaker and _UNSAID.search(x.speaker.strip()) for x in found):
        return []
    whole = called_false(s) if len(s) <= LONG else []
    if whole and all(x.speaker == whole[0].speaker for x in found):
        return whole  # "X called the claim that P 'baseless'": X denies P
    return [said_false(s, said_denial(s, x)) for x in found]


def _attribute(sentence: str) -> list[Attributed]:
    """``attribute`` on a sentence without runs of whitespace."""
    out: list[Attributed] = []
    s = sentence
    short = len(s) <= LONG

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
            rf"provocation)\s+by\s+(?P<dspk2>[^,.;—–]+)"
            # "X's claim that P was (quickly) rejected / contradicted by Y"
            rf"|\s+(?:was|were|is|are|have\s+been|has\s+been)\s+(?:\w+ly\s+)?(?P<dcue3>"
            rf"{DENY_CUES}|challenged)\s+by\s+(?P<dspk3>[^,.;—–]+)",
            rest,
        )
        # the outlet's own word on the claim ends it: "X's claim that P is false"
        stop = re.search(r"\s*[—–;]|\s+-\s+|,\s+(?:which|while|but)\b|\s+(?:is|was|are|were)\s+"
                         r"(?:\w+ly\s+)?(?:false|untrue|wrong|baseless|unfounded|misleading|"
                         r"not\s+true|not\s+supported|unsupported)\b", rest)
        p1 = p0 + (dm.start() if dm else stop.start() if stop else len(rest))
        a, b = trim(s, p0, p1)
        if b > a:
            before = re.search(rf"(?:^|[,;]\s*)(?P<dspk>[^,;:\"“”]{{1,80}}?)\s+{ADVS}"
                               rf"(?P<dcue>{DENY_CUES})\s+(?:the\s+)?$", s[:m.start()])
            if (before and speaker_ok(clean_speaker(before.group("dspk")))
                    and not _HEDGED.search(before.group(0))):  # "Kyiv has not denied"
                out.append(Attributed(a, b, clean_speaker(before.group("dspk")),
                                      before.group("dcue"), "denies"))
            out.append(Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue"), "asserts"))
            if dm:
                who = dm.group("dspk") or dm.group("dspk2") or dm.group("dspk3")
                if speaker_ok(clean_speaker(who)):
                    out.append(Attributed(a, b, clean_speaker(who), dm.group("dcue")
                                          or dm.group("dcue2") or dm.group("dcue3"), "denies"))
            return out

    # 1b. "Reports that P were denied by X": X denies P.
    m = _DENIED_BY.match(s) if short else None
    if m and speaker_ok(clean_speaker(m.group("spk"))):
        a, b = trim(s, m.start("p"), m.end("p"))
        if b - a > 10:
            return [Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue"), "denies")]

    # 2. "X took to X (formerly Twitter), stating, "P"" / "X took to social media to say that P".
    m = _TOOK_TO.match(s)
    if m and speaker_ok(clean_speaker(m.group("spk"))):
        a, b = trim(s, m.end(), len(s))
        if b - a > 10:
            return [Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue").lower(),
                               "asserts")]

    # 2b. "State television quoted Kell as saying P", "Agence Norda cited a diplomat as saying
    #     P": the one quoted said it; the outlet only relays.
    m = _QUOTES_WHOM.match(s) if short else None
    if m and speaker_ok(clean_speaker(m.group("spk")), named=True):
        a, b = trim(s, m.end(), len(s))
        if b - a > 10:
            return [Attributed(a, b, clean_speaker(m.group("spk")), "as saying", "asserts")]

    # 2c. "As X put it / said on Monday, P" and "P, as X put it, Q": X's, unless set against
    #     ("Contrary to what X said, P" is the outlet's).
    m = _AS_PUT.match(s) if short else None
    if m and speaker_ok(m.group("spk") or m.group("spk2")):
        spk = clean_speaker(m.group("spk") or m.group("spk2"))
        cue = " ".join((m.group("cue") or m.group("cue2")).split())
        if m.group("lead"):
            a, b = trim(s, m.end(), len(s))
            return [Attributed(a, b, spk, cue, "asserts")]
        a, b = trim(s, 0, len(s))
        return [Attributed(a, b, spk, cue, "asserts", aside=(m.start("aside"), m.end("aside")))]

    # 3. "According to X, P" / "P, according to X." / "X's reading is that P".
    view = stated_view(s)
    if view:
        return view
    m = re.match(r"\s*(?:[Aa]ccording\s+to\s+(?P<spk>(?:[A-Z][\w-]*,\s+){1,4}[A-Z][\w-]*\s+and\s+"
                 r"[A-Z][\w-]*(?:\s+[a-z]+)?(?:\s+speaking\b[^,]{0,60})?(?=,)|[^,]{2,90})|"
                 r"(?:[Ii]n|[Bb]y)\s+(?:(?P<own>his|her|their|its)(?:\s+own)?|(?P<spk2>[^,]{2,80}?)['’]s?)"
                 r"\s+(?:account|view|words|telling|version|assessment|reading|opinion|estimate)"
                 # "According to X, speaking on Wednesday, P": how X spoke is not what X said
                 r"),\s*(?:(?:speaking|writing|quoted|citing|which|who)\b[^,]{0,80},\s*)?", s)
    if m and (m.group("spk2") or m.group("own")):  # "In Putin's account, P", "By his account"
        spk = m.group("own") or m.group("spk2")  # "his", as written: named later (pronouns)
        if m.group("own") or speaker_ok(spk):
            a, b = trim(s, m.end(), len(s))
            return [Attributed(a, b, clean_speaker(spk), "according to", "asserts")]
        m = None
    if m and speaker_ok(m.group("spk")):  # "According to the governor, Name, P": one speaker
        spk, more = apposed(m.group("spk"), s[m.end():])
        a, b = trim(s, m.end() + more, len(s))
        return [Attributed(a, b, spk, "according to", "asserts")]
    # "P, according to X." / "P, according to X, which blamed Y." / "..., while Q": what
    # follows the source is about it or beside it, not part of P
    m = _ACCORDING_AFTER.search(s, max(0, len(s) - LONG))  # it ends the sentence: from near
    if m and speaker_ok(m.group("spk")):
        a, b = trim(s, 0, m.start())
        said = [Attributed(a, b, clean_speaker(m.group("spk")), "according to", "asserts")]
        x, y = trim(s, *m.span("beside")) if m.group("beside") else (0, 0)
        return said + ([Attributed(x, y, None, None, "asserts")] if y - x > 10 else [])

    # 4. "He called it a violation and said P": a first act, then the saying.
    m = _AND_SAID.match(s)
    if m and _acts(m.group("spk"), m.group("act")) and not (
            re.search(rf"\b(?:{DENY_CUES})\s+(?:that\b|{DENIED_NOUN.pattern})", m.group("act"),
                      re.I)):  # "X denied that P and said Q" is a denial first
        a, b = trim(s, m.start("spk"), len(s))  # the act is said too: "put the toll at 120"
        if m.end() < b - 10:
            spk = clean_speaker(m.group("spk"))
            cue = m.group("cue") or m.group("cue2") or m.group("cue3")
            verb = next((w for w in m.group("act").lower().split()
                         if w not in ("also", "then", "has", "had", "have")), "")
            if verb in _SPEECH_ACTS or _FRAMING_AT.match(re.sub(r"^(?:also|then)\s+", "",
                                                                m.group("act"))):
                return [Attributed(a, b, spk, cue, "asserts")]
            # "Rebels seized the airport, saying the army had fled": the seizure is the outlet's
            # report, what follows "saying" the rebels'
            x, y = trim(s, m.end(), b)
            return [Attributed(x, y, spk, cue, "asserts"),
                    Attributed(a, trim(s, a, m.start("act") + len(m.group("act")))[1], None,
                               None, "asserts")]

    # 4b. A label that denies: "X called reports of P 'a lie'", "X rejected as baseless claims
    #     that P", "X branded the allegations of P propaganda": X denies P.
    m = _CALLED_LIE.match(s) if short else None
    if m and m.group("lie2") and not m.group("lie1") and not re.search(
            r"(?:\bas|[,\"“])\s*(?:an?\s+|pure\s+|complete\s+|total\s+|utter\s+)*$",
            s[:m.start("lie2")]) and not _BARE_LABEL.fullmatch(m.group("cue")):
        m = None  # "rejected reports that the photographs were fake": the label is P's own
    if (m and m.group("p") and (m.group("lie1") or m.group("lie2"))
            and speaker_ok(clean_speaker(m.group("spk")))
            and not re.fullmatch(r"(?:this|that|it|them)", m.group("obj").strip(), re.I)):
        a, b = trim(s, *(m.span("p") if m.group("p") else m.span("obj")))
        if b - a > 3:
            return [Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue"), "denies")]

    # 5. "X (has consistently) maintained that P" / "X denied P" at the head of the sentence.
    m = re.match(
        rf"\s*(?:(?:However|But|Meanwhile|Earlier|Also|Separately|Still|Yet|Later),\s*)?"
        # a leading phrase: "In a post on Truth Social, he said", "While conceding P, X argued"
        rf"(?:(?!At\s+(?:least|most)\b)"
        rf"(?:In|On|At|During|Speaking|Writing|While|After|Before|Asked|Addressing|Responding|"
        rf"When|Following|With|Using|Citing|Referring|Commenting|Despite|Shortly|Earlier|Later|"
        rf"Late|Early|Hours|Days|Only|Just|[A-Z][a-z]+ing(?=\s))"  # not a name: "Velling, who"
        # not a relative clause's opening ("forces which, he said, were ...")
        rf"\b[^;:\"“”]{{0,160}}?(?<!\bwhich)(?<!\bwho)(?<!\bwhom)(?<!\bthat),\s*)?"
        # "Lotte Vaar, 62, said"
        rf"(?P<spk>{_LISTED}|[^,;:\"“”]{{1,80}}?)(?:,\s+\d{{1,3}}(?=\s*,))?"
        rf"(?:,\s+(?:(?P<appo>{APPOSITIVE})|(?P<name>{NAME}))(?:,\s+\d{{1,3}})?\s*(?=,))?"
        rf"(?:\s*,\s*(?:for\s+(?:its|his|her|their)\s+part|however|meanwhile|in\s+turn|too)\s*,)?"
        rf"\s*,?\s+{ADVS}(?P<cue>{_QUOTED}|{ASSERT_CUES}|{DENY_CUES}"
        rf"|(?<=statement\s)saying|(?<=message\s)saying|(?<=post\s)saying|{_FRAMING})\b"
        # "announced on social media overnight into Tuesday that": no subject in between (not
        # "said on Sunday it had captured that village")
        rf"(?:\s+{_TIME_WORD}(?:on|overnight)\s+(?:(?!(?:it|he|she|they|we|I|the|a|an|his|her|its|"
        rf"their)\b)"
        rf"[\w’'.-]+\s+){{0,5}}?(?=that\s+{_NOT_RELATIVE})"
        rf"|\s+(?:last\s+\w+|on\s+\w+|earlier|in\s+a\s+[\w\s]+?post|to\s+\w+(?:\s+\w+)?)"
        # "said in a statement on Monday that", "said at a briefing that": only before "that"
        rf"|\s+{_TIME_WORD}(?:in|at|during|via|through|after|before)\s+(?:[\w’'.-]+\s+){{0,6}}?"
        rf"(?=that\s+{_NOT_RELATIVE})"
        # "told state media on Monday that", "told reporters (that) he": whom, then the claim
        # "told reporters he P": an audience, not a person whom "he" could mean
        rf"|(?<=told)\s+(?:[\w’'.-]+\s+){{1,12}}?(?=that\s+{_NOT_RELATIVE})"
        rf"|(?<=told)\s+(?:reporters|journalists|the\s+press|(?:state\s+)?(?:media|television|TV|"
        rf"radio)|a\s+news\s+conference|a\s+briefing|parliament|lawmakers)\s+"
        rf"(?=(?:he|she|they|it|we)\s+(?!to\b)))?"
        # "He admitted, though, that P": the aside is no part of P
        rf"(?:\s*,\s*(?:though|however|too|also|in\s+turn|nonetheless)\s*(?=,))?"
        rf"\s*,?\s*(?:that\s+)?"
        # "says he is convinced that P": the conviction is the saying
        rf"(?:(?:he|she|they|we|it)\s+(?:is|was|are|were)\s+(?:convinced|sure|certain|"
        rf"confident)\s+that\s+)?",
        s,
    )
    if (m and DENY_RE.fullmatch(m.group("cue")) and not m.group("cue").lower().startswith("den")
            and not DENIED_NOUN.match(s, m.end()) and not s[:m.end()].rstrip().endswith("that")
            and not _BLAME.match(s, m.end())):
        m = None  # "X rejected the appeal": an act, not the denial of a proposition
    if m and m.group("cue").lower() == "said" and _SAID_TO.match(s, m.end("cue")):
        m = None  # "troops said to number 3,000", "the report said to be circulating": hedges
    if m and m.group("cue").lower() == "told" and INSTRUCTED.match(s, m.end("cue") + 1):
        m = None  # "X told his ministers not to speak": an order given, not a claim
    if (m and m.group("cue").lower() in ("added", "adds") and ADDED_THING.match(s, m.end("cue"))
            and clean_speaker(m.group("spk")).lower() not in PRONOUNS):
        m = None  # "Apple added extra reinforcement", "the economy added 200,000 jobs": things
    framing = bool(m and _FRAMING_AT.match(s, m.start("cue")))
    if m and framing and (not (plain(sp := m["spk"]) or _BODY_LAST.search(sp)) or _trailing(s)):
        m = None  # "Al-Burhan refused to have the retreat (described as ...)"; "Residents
        # described hearing blasts, officials said": the trailing speaker says it all
    if m and speaker_ok(clean_speaker(m.group("spk"))) and m.end() < len(s) - 3:
        cue = m.group("cue")
        stance = "denies" if DENY_RE.fullmatch(cue) else "asserts"
        start = m.end()
        if stance == "denies":  # "X rejected claims that P": X denies P, not "claims that P"
            lead = DENIED_NOUN.match(s, start)
            start = lead.end() if lead else start
        if framing:  # "X accused Y of P": the accusation is the claim
            start = m.start("spk")
        if (cue.lower() == "told" and not s[:start].rstrip().lower().endswith("that")
                and (lead := _LISTENER.match(s, start))):
            start = lead.end()  # "told the coast guard the engine had failed": not the listener
        if (stance == "asserts" and _NOTHING_SAID.match(s, start)
                and not s[:start].rstrip().lower().endswith("that")):
            # "will say on Friday whether P", "said nothing about P": nothing said, unless
            # "..., but confirmed that P" follows
            but = _BUT_SAID.search(s, start)
            x, y = trim(s, but.end(), len(s)) if but else (0, 0)
            return [Attributed(x, y, clean_speaker(m.group("spk")), but.group("cue"),
                               "asserts")] if but and y - x > 10 else []
        a, b = trim(s, start, len(s))
        framed = _FRAMED_AFTER.search(s, max(a, b - LONG), b) if stance == "asserts" else None
        if framed and s.count('"', a, framed.start()) % 2 == 0:
            b = trim(s, a, framed.start())[1]  # "X said P, calling the march a riot": X's label
        then_said: list[Attributed] = []
        if (stance == "denies" and (then := _THEN_SAID.search(s, a, b))
                and trim(s, a, then.start())[1] - a > 10):
            x, y = trim(s, then.end(), b) if then.group("cue") else (0, 0)
            if y - x > 10:  # "X denied P and said Q": Q is X's too
                then_said = [Attributed(x, y, clean_speaker(m.group("spk")), then.group("cue"),
                                        "asserts")]
            b = trim(s, a, then.start())[1]  # "..., even though Q": the outlet's concession
        if b - a > 10:
            spk = m.group("spk")
            if (m.group("name") and re.search(r"(?:^|\s)[a-z]", spk) and not re.search(
                    r"\b(?:capital|city|town|village|region|province|country|state|district)$",
                    spk)):  # "Officials in the capital, Ostrel, said": a place, not a name
                spk = m.group("name")  # "Talvor's president, Ilse Morrow, said": the name
            elif (m.group("appo") and re.search(r"(?:^|\s)[a-z]", spk)
                  and _TITLED_NAME.fullmatch(m.group("appo"))):
                spk = m.group("appo")  # "Kenya's top envoy, Special Envoy Amina Otieno, said"
            b, other = second_voice(s, a, b) if short and not framing else (b, [])
            return [Attributed(a, b, clean_speaker(spk), cue, stance), *then_said, *other]

    # 6. Trailing: "P, X said." / "\"P,\" X said in a post." / "\"P,\" an official was quoted
    #    as saying, underscoring Q."
    m = _trailing(s)
    if m:
        a, b = trim(s, 0, m.start() + 1)
        if b > a:
            spk = named(m.group("spk"), m.group("name"))
            # "the Herald reported, quoting X": X's; not "officials said, citing figures"
            relay = (_RELAYING.match(s, m.end("cue"))
                     if m.group("cue").lower() in ("reported", "reports", "wrote") else None)
            if relay and speaker_ok(relay.group("spk")):
                return [Attributed(a, b, clean_speaker(relay.group("spk")), m.group("cue"),
                                   "asserts")]
            return [Attributed(a, b, spk, m.group("cue"), "asserts")]

    # 7. Inside: "P1, he said, P2" (the attribution cut out of the proposition).
    m = _INSIDE.match(s)
    if m and speaker_ok(m.group("spk")):
        a, b = trim(s, 0, len(s))
        return [Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue"), "asserts",
                           aside=(m.start("aside"), m.end("aside")))]

    # 7b. "\"P1,\" X said, \"P2.\"" (the attribution and its quote marks cut out).
    m = _QUOTE_INSIDE.match(s) if short else None
    if m and speaker_ok(m.group("spk")):
        a, b = trim(s, 0, len(s))
        return [Attributed(a, b, clean_speaker(m.group("spk")), m.group("cue").split()[0],
                           "asserts", aside=(m.start("aside"), m.end("aside")))]

    # 8. Inverted: "P, said X." / "\"P,\" said X, the army's spokesman, on Tuesday." (or in
    # single quotes, as British outlets write it: "'P,' said X.")
    m = re.search(r",\s*[\"”'’]?\s*(?P<cue>said|says|added|noted|insisted|wrote)\s+"
                  # not when or where it was said: "P, Name, governor of X, said on Thursday"
                  r"(?!(?:on|in|at|during|late|early|earlier|later|last|this|yesterday|today|"
                  r"tonight|overnight)\b)"
                  rf"(?P<spk>[^,]{{2,80}}?)(?:,\s+\d{{1,3}})?(?:,\s+(?:{APPOSITIVE}|"
                  rf"(?P<name>{NAME})))?"
                  r"(?:,?\s+on\s+[A-Z]\w+)?\s*\.?\s*$", s)
    if m and re.search(r"\b(?:had|has|have|was|were|is|are|would|will|could)\b", m.group("spk")):
        m = None  # "X, the spokesperson, said P had happened": a clause, not a speaker
    if m and speaker_ok(m.group("spk")) and m.start() > 10:
        a, b = trim(s, 0, m.start())
        return [Attributed(a, b, named(m.group("spk"), m.group("name")).rstrip("."),
                           m.group("cue"), "asserts")]

    # 9. "P, a charge the army denied.": the outlet states P, and the army denies it.
    # 10. "..., after X accused Y of P, ...": X's accusation inside the outlet's own sentence.
    return out or charge_denied(s, max(0, len(s) - LONG)) or (
        background_saying(s) if short else [])
