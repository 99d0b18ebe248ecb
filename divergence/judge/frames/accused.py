"""A rejection that names no proposition, and the accusations it rejects: "Rwanda denies the
accusations" / "Kinshasa accuses Rwanda of backing the rebels"; "Kyiv rejected the Russian
accusations as lies" / "Putin alleged that people in Ukraine had readied an escape route". The
``accused`` detector. A rejection that states what it rejects ("denied claims that P") is read by
attribution as the denial of P and needs no frame; this one rests on who is accused.

The rejector must be a country or a named party (not "the ministry", "he", "Lawmakers"): that is
who the other claim must accuse, in another voice: "accused X", "blamed ... on X", "X was behind",
"a link to X", "planned by X", "X-backed", "X's troops attacked", or a harm credited to X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Claim, Reason
from ...wordlists import word_set
from ..demonyms import same_actor
from ..detectors import Pair, detector, span_of, speaker_key
from ..gate import Gate
from ..text import countries, token_set
from .credit import frame_credits

_CHARGES = (r"(?:accusations?|allegations?|charges|claims?|suggestions?|insinuations?|"
            r"assertions?|reports?|findings|account)")
_REJECT = (r"(?:denie[sd]|deny|denying|rejected|rejects|reject|rejecting|dismissed|dismisses|"
           r"dismissing|refuted|refutes|rebuffed|repudiated|denounced)")
_DET = r"(?:(?:the|these|those|such|all|any|all\s+such|all\s+the|similar)\s+)?"
# Whose charges, before the noun: "the Russian accusations", "Baku's claims", "Western claims".
_WHOSE = r"(?P<whose>(?:[A-Z][\w’'.-]*(?:’s|'s)?\s+){1,2})?(?:[a-z-]+\s+)??"
_FAKE = (r"(?:false|untrue|baseless|groundless|unfounded|lies|a\s+lie|nonsense|absurd|"
         r"fabricat\w+|fake|propaganda|disinformation|slander|ridiculous|stupid)")
# What ends the charge: "accusations of ethnic cleansing", never "claims that P" (read as P).
_OF = r"(?:\s+of\s+(?P<topic>[^,;.]{3,80}?))?"
_REJECTIONS = (
    # "Rwanda denies the accusations"; "X rejected the Armenian accusation of ethnic cleansing"
    lazy(rf"\b{_REJECT}\s+{_DET}{_WHOSE}{_CHARGES}\b(?!\s+(?:that|about|by|from|"
               rf"against)\b){_OF}(?=\s+as\b|\s*[,;.]|\s*$|\s+and\b|\s+(?:on|in|at)\s)"),
    # "X called all claims of Armenian mine-laying false"; "describing such claims as absurd"
    lazy(rf"\b(?:called|calling|described|describing|branded|branding|termed)\s+{_DET}"
               rf"{_WHOSE}{_CHARGES}{_OF}\s+(?:as\s+)?(?:[a-z]+\s+){{0,2}}?{_FAKE}\b"),
    # "Velia has denied any involvement", "rejected any role in the bombing"
    lazy(rf"\b{_REJECT}\s+(?:any|all)\s+(?:involvement|role|part|responsibility|"
               rf"complicity)(?:\s+in\s+(?P<topic>[^,;.]{{3,80}}?))?(?P<whose>)(?P<part>)"
               rf"(?=\s+as\b|\s*[,;.]|\s*$|\s+and\b)"),
    # "the allegations of mass executions in Marn were lies": said by the accused itself
    lazy(rf"\b(?i:the|these|those|such|all\s+the|all)\s+{_WHOSE}(?i:{_CHARGES}){_OF}"
               rf"(?P<copula>)\s+(?:are|were|is|was)\s+(?:all\s+|simply\s+|just\s+)?"
               rf"(?:[a-z]+\s+){{0,2}}?{_FAKE}\b"),
    # "The accusations against Rwanda are baseless": the party in the sentence itself
    lazy(rf"\b(?i:{_CHARGES})\s+against\s+(?P<against>(?:the\s+)?[A-Z][\w’'.-]*"
               rf"(?:\s+[A-Z][\w’'.-]*){{0,3}})(?P<whose>)(?P<topic>)\s+(?:are|were|is|was)\s+"
               rf"(?:[a-z]+\s+){{0,2}}?{_FAKE}\b"),
)
# "Accusations that its fighters abused civilians have been rejected by the RSF"
_PASSIVE = lazy(
    rf"\b(?i:{_CHARGES})\s+(?:(?:that|of)\s+[^;]{{3,160}}?\s+)?(?:have|has|had|were|was)\s+"
    rf"(?:been\s+)?(?:{_REJECT})\s+by\s+(?P<agent>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)"
    r"{0,4}(?:\s*\([A-Z][A-Z0-9]{1,6}\))?)")
# Where the rejecting clause starts: the last sentence or clause boundary before the verb.
_BOUNDARY = lazy(r"[;:]\s*|\.\s+|,?\s+but\s+|,?\s+while\s+|,?\s+whereas\s+|"
                       r",?\s+and\s+(?=[A-Z])")
# The subject of the rejecting verb at the head of its clause, an aside in commas skipped
# ("Kyiv, which has denied ..., rejected").
_SUBJECT = lazy(r"(?:(?:However|But|Meanwhile|Separately|In\s+turn),\s*)?"
                      r"(?:On\s+\w+day,?\s+)?"
                      r"(?P<subj>(?:the\s+)?[A-Z][^,;:]{0,60}?)(?:,[^;:]{0,160}?,)?"
                      r"\s+(?:(?:has|have|had|also|again|repeatedly|firmly|flatly|strongly|"
                      r"categorically|swiftly|quickly|later|on\s+\w+day)\s+)*")
# A participle right after the saying: "..., a spokesman said, dismissing ...".
_SAID_BEFORE = lazy(r"\b(?:said|says|added|told\s+\w+(?:\s+\w+)?)\s*,\s*$")
_ENDS = lazy(r"(?:\s+as\s+[\w\s-]{1,40}?)?\s*[.!\"”]*\s*$")  # "..., dismissing claims."
# A rejection conceded on the way to an accusation: "Although Rwanda denies the accusations, ..."
_CONCEDED = lazy(r"^(?:although|though|even\s+though|while|despite|even\s+as)\b", re.I)
# Who dismisses charges in court is a judge, not the accused.
_BENCH = lazy(r"\b(?:judge|justice|court|magistrate|jury|tribunal)\b", re.I)

# A party as written: a capitalised name, a demonym with what it names ("Cambodian troops"),
# "people in Ukraine"; the words of accusation around it, the party in the ``p`` group.
_P = (r"(?P<p>(?<![\w’'.-])(?:(?:the|people\s+in|forces\s+of)\s+)?"
      r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*(?:['’]s)?(?:\s+(?:troops|forces|army|military|soldiers|fighters|militias?|rebels|"
      r"special\s+services|intelligence|government|regime|agents|side))?)")
_ACCUSATIONS = tuple(lazy(rx) for rx in (
    rf"(?i:\baccus(?:e[sd]?|ing))\s+{_P}",                                 # "accused Ukraine"
    rf"(?i:\b(?:accusations?|allegations?|charges|blame))\s+(?i:against|on)\s+{_P}",
    rf"(?i:\bblam(?:e[sd]?|ing))\s+(?:[\w’'-]+\s+){{0,6}}?on\s+{_P}",     # "blamed it on Kyiv"
    rf"(?i:\bblam(?:e[sd]?|ing))\s+{_P}\s+(?i:for)\b",                    # "blamed Kyiv for"
    rf"{_P}\s+(?:[\w’'-]+\s+){{0,2}}?(?i:was|were|is|are|had\s+been|has\s+been|of\s+being)\s+"
    r"(?:(?:directly|probably|likely|most\s+likely|clearly|also)\s+)?"
    r"(?i:behind|responsible|involved|complicit|to\s+blame|guilty|linked)\b",
    rf"(?i:\blinks?|\blinked|\bconnections?|\binvolvement|\bcomplicity|\bhand)\s+"
    rf"(?i:to|with|of)\s+{_P}",                                           # "a link to Ukraine"
    rf"(?i:\b(?:planned|prepared|readied|organi[sz]ed|orchestrated|financed|funded|sponsored|"
    rf"ordered|perpetrated|masterminded|backed|armed|launched|fired|shelled|bombed|carried\s+out|"
    rf"committed))\s+by\s+(?:[\w’'-]+\s+){{0,3}}?{_P}",                   # "readied by people in X"
    rf"{_P}-(?i:backed|sponsored|funded|armed)\b",                          # "Rwanda-backed M23"
    rf"{_P}\s+(?:had\s+|has\s+|have\s+)?(?i:backs|backed|arms|armed|funds|funded|finances|"
    r"financed|sponsors|sponsored|orchestrated|masterminded|attacked|struck|shelled|bombed|"
    r"fired\s+on|opened\s+fire|violated|breached|broke|carried\s+out\s+(?:\w+\s+)?attacks?|"
    r"executed|massacred|tortured|abducted|killed|invaded|crossed\s+(?:the\s+|into\s+)?"
    r"(?:[\w-]+\s+)?(?:border|frontier)|(?:planned|plotted|organi[sz]ed|ordered)\s+(?:the\s+|"
    r"an?\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|assaults?|strikes?|"
    r"killings?|massacres?|raids?|shelling|shootings?|coup|sabotage|incursions?))\b",
))
_ACCUSING = Gate(*_ACCUSATIONS)  # the words one of them needs
# Words that take the accusation back: "no evidence Rwanda was behind", "was not involved".
_TAKEN_BACK = lazy(r"\b(?:not|never|no|nothing|denie[sd]|deny|rejected|dismissed|"
                         r"without|whether|presum\w*|assum\w*)\b|n't\b", re.I)
# ("presuming Korvia was guilty would be a libel", "whether Estmark was behind it": no charge)

# A credit that only names a side's forces ("Armenian army units are to leave") accuses no one.
_ONLY_NAMED = lazy(r"\b(?:forces|troops|military|army)$", re.I)
_ACTS = lazy(r"\s+(?:[\w-]+\s+)?(?:had\s+|have\s+|has\s+)?(?:shot|fired|attacked|struck|"
                   r"shelled|bombed|killed|opened\s+fire|broke|violated|breached|carried\s+out|"
                   r"launched|hit|targeted|destroyed|blew|raided|stormed|executed)\b", re.I)

_NOT_PARTY = (word_set("generic_actors") | word_set("stopwords") | frozenset({
    "he", "she", "it", "they", "we", "i", "you", "him", "them", "who", "police", "court",
    "committee", "officers", "prosecutors", "investigators", "residents", "witnesses", "critics",
    "experts", "analysts", "lawmakers", "judge", "justice", "president", "minister", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "prime", "foreign",
    "general", "secretary", "spokesman", "spokeswoman", "january", "february", "march", "april",
    "june", "july", "august", "september", "october", "november", "december"}))


# How close a rejection and an accusation must be (cosine) to be read as charge and answer;
# ``group.candidate_pairs`` pairs them from the same floor.
FLOOR = 0.25


@dataclass(frozen=True, slots=True)
class Rejection:
    """A rejection of charges against ``accused`` (an actor key), by ``accuser`` when named."""

    accused: str
    accuser: str | None
    topic: str | None
    start: int
    end: int


def _key(words: str, opens: bool = False) -> str | None:
    """A country or a named party as an actor key; None for "the ministry", "he", "Lawmakers".
    ``opens``: the words open a sentence, where any word has a capital."""
    acronym = re.search(r"\(([A-Z][A-Z0-9]{1,6})\)", words)
    if acronym:  # "the Sudan Founding Alliance (TASIS)": the party, not Sudan
        return acronym.group(1).lower()
    body = re.sub(r"^(?:the|people\s+in|forces\s+of)\s+", "", words.strip(), flags=re.I)
    names = re.findall(r"\b[A-Z][\w’'.-]*", body)
    found = countries(body)
    if len(found) == 1 and (len(names) <= 2 or re.match(rf"{re.escape(names[0])}\s+[a-z]", body)
                            and countries(names[0]) == found):
        return next(iter(found))  # "Kyiv", "Cambodian troops", "Rwandan spokeswoman Y. Z."
    if found or not names or len(names) > 4:
        return None  # several countries, or a body named after one ("Sudan Founding Alliance")
    words = [re.sub(r"['’]s$|\.+$", "", n).lower() for n in names]
    while words and words[0] in _NOT_PARTY:  # "President Kagame", "Monday's statement"
        words.pop(0)
    while words and words[-1] in _NOT_PARTY:  # "Hamas Friday": the day is no part of the name
        words.pop()
    key = " ".join(words)
    if not key or key in _NOT_PARTY:
        return None
    if opens and len(names) == 1 and body[:1].isupper() and not names[0].isupper() and (
            re.search(r"(?:ers|ists|ans|ors|ees)$", key)):
        return None  # "Lawmakers rejected the claims": a plural at a sentence's head
    return key


def same_party(a: str, b: str) -> bool:
    """Two actor keys for one party: equal, one the initials of the other ("klf" / "kessian
    liberation front"), or a single name that ends the other ("strand" / "helga strand")."""
    if a == b or _initials(a) == b or _initials(b) == a or same_actor(a, b):
        return True  # also a place and its people: "velia" / "velian"
    short, long_ = sorted((a, b), key=len)
    return " " not in short and len(short) > 3 and long_.endswith(" " + short)


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "the", "for", "and")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _rejector(text: str, at: int, speaker: str | None) -> tuple[str | None, str]:
    """Who rejects at offset ``at``: the subject at the head of its clause (or the speaker, when
    the clause has none), and the clause's text before the verb."""
    head = text[max(0, at - 260):at]
    cut = max((b.end() for b in _BOUNDARY.finditer(head)), default=0)
    clause = head[cut:]
    if not clause.strip():
        return (_key(speaker) if speaker else None), clause
    m = _SUBJECT.fullmatch(clause.rstrip() + " ")
    if m is None:
        return None, clause
    opens = at - len(head) + cut == 0 or bool(re.search(r"[.;:]\s*$", text[:at - len(clause)]))
    return _key(m.group("subj"), opens), clause


@lru_cache(maxsize=65536)
def _rejections(text: str, speaker: str | None) -> tuple[Rejection, ...]:
    out = []
    for rx in _REJECTIONS:
        for m in rx.finditer(text):
            accused, clause = _rejector(text, m.start(), speaker)
            if (m.group(0).split()[0].lower().endswith("ing") and speaker
                    and (_SAID_BEFORE.search(text, 0, m.start())
                         or _ENDS.match(text, m.end()))):
                accused = _key(speaker)  # "..., a KLF spokesman said, dismissing claims of ..."
            if "against" in rx.groupindex:
                accused = _key(m.group("against"))
            elif "copula" in rx.groupindex and speaker:
                accused = _key(speaker)  # the speaker calls the charges against it lies
            if _CONCEDED.match(clause.strip()) or _BENCH.search(clause):
                continue
            topic = m.group("topic") or None
            if accused is None and topic and countries(topic) and "part" not in rx.groupindex:
                # "claims of Armenian mining" (not "any part in the blast in Gaza": the place)
                accused = _key(topic)
            whose = m.group("whose") or None
            accuser = _key(whose) if whose else None
            if accused and accuser != accused:
                out.append(Rejection(accused, accuser, topic, m.start(), m.end()))
    for m in _PASSIVE.finditer(text):
        accused = None if _BENCH.search(m.group("agent")) else _key(m.group("agent"))
        if accused:
            out.append(Rejection(accused, None, None, m.start(), m.end()))
    return tuple(out)


def rejections(c: Claim) -> tuple[Rejection, ...]:
    """The charges a claim rejects without stating them, each with who is accused."""
    return _rejections(c.text, c.speaker)


@lru_cache(maxsize=65536)
def _accused_in(text: str) -> frozenset[str]:
    out = set()
    if not _ACCUSING.opens(text):
        return frozenset()  # no word an accusation needs
    for rx in _ACCUSATIONS:
        for m in rx.finditer(text):
            if _TAKEN_BACK.search(text[max(0, m.start() - 40):m.end()]):
                continue  # "no evidence Rwanda was behind", "Kigali was not involved"
            key = _key(m.group("p"), m.start("p") == 0)
            if key:
                out.add(key)
    return frozenset(out)


def accusations(c: Claim) -> frozenset[str]:
    """The parties a claim accuses: by words of accusation aimed at them, or by crediting them
    with a harm; none in a denial, nor the speaker's own side."""
    if c.stance == "denies" or rejections(c):
        return frozenset()
    named = set(_accused_in(c.content))
    named |= {x.agent for x in frame_credits(c) if x.role == "cause" and x.agent
              and not _TAKEN_BACK.search(c.content[max(0, x.start - 40):x.start])
              and not (_ONLY_NAMED.search(c.content[x.start:x.end])
                       and not _ACTS.match(c.content, x.end))}
    spk = c.speaker or ""
    own = {speaker_key(c)} | set(countries(spk))
    return frozenset(k for k in named if k not in own
                     and not re.search(rf"\b{re.escape(k)}['’]s\b", spk, re.I))


def accused_keys(c: Claim) -> frozenset[str]:
    """The frame keys that pair a bare rejection with the accusations of its story:
    ``accused:KEY`` for a party a claim rejects charges for, ``accuses:KEY`` for one it accuses
    (``group.candidate_pairs`` pairs the first with the second only)."""
    keys = {f"accused:{k}" for r in rejections(c) for k in (r.accused, _initials(r.accused)) if k}
    return frozenset(keys or {f"accuses:{k}" for a in accusations(c) for k in (a, _initials(a))
                              if k})  # a name meets its initials: "KLF" / "Kessian ... Front"


@detector("accused")
def accused(p: Pair) -> Reason | None:
    """One voice rejects the charges against a party, another accuses that party: "Rwanda denies
    the accusations" / "Kinshasa accuses Rwanda of backing the rebels". Claims of one story, at
    least 0.25 close; a rejection that names its charge ("accusations of ethnic cleansing") meets
    only an accusation that shares a word with it, one that names its accuser only that
    accuser's (when the accusing voice is a country)."""
    if p.similarity < FLOOR:
        return None
    for x, y, flip in ((p.a, p.b, False), (p.b, p.a, True)):
        for r in rejections(x):
            if not (any(same_party(r.accused, k) for k in accusations(y))
                    or _from_the_source(r, y)) or any(
                    same_party(r.accused, k) for k in _accused_in(x.content)):
                continue  # the rejecting claim accuses the party too: it reports both sides
            voice = countries(y.speaker) if y.speaker else frozenset()
            if r.accuser and len(voice) == 1 and r.accuser not in voice:
                continue  # "Kyiv rejected the Russian accusations" / what Britain said
            if r.topic and not token_set(r.topic) & token_set(y.content):
                continue  # "accusations of abuses at home" / "of backing the rebels"
            what = f"the charges of {r.topic}" if r.topic else "the charges"
            who = _as_written(r.accused, x.text)
            detail = f"{who} rejects {what}; {y.speaker or 'the other outlet'} accuses {who}"
            spans = (span_of(x, *_content_span(x, r)), span_of(y, 0, len(y.content)))
            return Reason("attribution", detail, (p.a.id, p.b.id),
                          spans[::-1] if flip else spans, weight=0.6)
    return None


def _from_the_source(r: Rejection, y: Claim) -> bool:
    """Whether ``y`` is what the rejected report says of the accused: "Orlen Front dismissed the
    UN report" / "the Orlen Front recruited child soldiers, the UN report said" (its speaker is
    the report's author, and it names the accused party as it states a charge)."""
    source = _key(y.speaker) if y.speaker else None
    return bool(r.accuser and source and same_party(r.accuser, source) and y.stance == "asserts"
                and re.search(rf"\b{re.escape(r.accused)}\b", y.content, re.I)
                and _WRONGS.search(y.content))


# What a report charges a party with (not "released 40 child soldiers", not a budget).
_WRONGS = lazy(r"\b(?:recruit|enlist|abus|tortur|kill|execut|murder|rap(?:e|ed|ing)\b|loot|"
                     r"attack|shell|bomb|abduct|kidnap|detain|forc(?:ed|ibly)|destroy|burn|massacr|"
                     r"violat|starv|besieg|block|displac|expel|deport|persecut|beat|shot|shoot|"
                     r"fired\s+on|target|arm(?:ed|ing)\s+(?!forces)|fund(?:ed|ing)|financ|rigg|"
                     r"fraud|brib|embezzl|laund|smuggl|traffick|war\s+crimes?|crimes?\s+against|"
                     r"genocide|ethnic\s+cleansing)", re.I)


def _as_written(key: str, text: str) -> str:
    """A party's key as the claim writes it ("klf" -> "KLF"), else in capitals ("Rwanda")."""
    m = re.search(rf"\b{re.escape(key)}\b", text, re.I)
    return m.group(0) if m else key.title()


def _content_span(c: Claim, r: Rejection) -> tuple[int, int]:
    """The rejection's offsets in ``c.content`` (the whole content when it lies outside)."""
    at = c.content.find(c.text[r.start:r.end])
    return (at, at + r.end - r.start) if at >= 0 else (0, len(c.content))


__all__ = ["FLOOR", "Rejection", "accusations", "accused", "accused_keys", "rejections",
           "same_party"]
