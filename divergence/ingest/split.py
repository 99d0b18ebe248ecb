"""Articles -> claims: sentences, compound statements split to be checkable, attribution.

Every claim keeps character offsets into its article's text:
``article.text[claim.start:claim.end]`` is the claim's ``text``.
Sentences come from a splitter (``splitters``, pysbd by default).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..records import Article, Claim
from ..wordlists import word_sequences, word_set
from .attribution import DENIED_NOUNS, Attributed
from .clauses import is_clause
from .leads import voiced
from .pronouns import resolve_pronoun_speakers
from .quoted import first_person, in_own_words
from .quotes import carry_quoted_speakers
from .relays import attributions
from .speakers import PRONOUNS, names_own_side, side_of
from .splitters import Splitter, default_splitter, sentences
from .textsafe import unicode_safe

_MIN_WORDS = 4
_LETTER_WORD = re.compile(r"[A-Za-z]+")
# A short sentence is a claim when it counts something in a full clause: "Ten people died.",
# "The toll is 12.", "Prices rose 5%." (at least two words, three with the number, and a
# lower-case word that is not page furniture). Not a date, a time, a list item, a credit or a
# reading time: "Reuters, 3 March 2024", "By Jane Doe | 12:30", "5 min read", "Page 2 of 3".
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                     r"|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?|millions?)\b", re.I)
_DIGITS = re.compile(r"\d+")
_CALENDAR = word_sequences("calendar")
_DAY_WORDS = sorted({*_CALENDAR["months"], *(m[:3] for m in _CALENDAR["months"]), "sept",
                     *_CALENDAR["weekdays"]}, key=len, reverse=True)
_WHEN_OR_LIST = re.compile(
    rf"\d:\d\d|\b(?:[ap]\.?m\b\.?|GMT|UTC|BST|CET|EST|{'|'.join(_DAY_WORDS)})\b|^\s*\d+[.)]\s",
    re.I)
_FURNITURE = frozenset({"min", "mins", "minute", "minutes", "read", "page", "pages", "of", "see",
                        "share", "on", "at", "by", "watch", "updated", "photo", "picture",
                        "video", "comments", "views", "more"})


def substantial(sentence: str) -> bool:
    """Whether ``sentence`` is long enough to be a claim: ``_MIN_WORDS`` English words, or a
    short count in a full clause ("Ten people died.")."""
    words = _LETTER_WORD.findall(sentence)
    if len(words) >= _MIN_WORDS:
        return True
    if len(words) < 2 or len(words) + len(_DIGITS.findall(sentence)) < _MIN_WORDS - 1:
        return False
    if not _NUMBER.search(sentence) or _WHEN_OR_LIST.search(sentence):
        return False
    return any(w.islower() and len(w) > 1 and w not in _FURNITURE for w in words)


# Split compound statements at ";" and at ", but"/", while"/", whereas" between two full clauses.
_COMPOUND = re.compile(
    r"(?<!not just)(?<!not only);\s+|,\s+(?=(?:but|while|whereas)\s+"
    r"(?!for\b|also\b|at\b|in\b|to\b|as\b|with\b|on\b|by\b|not\b|rather\b|from\b))"
)


_CHROME = re.compile(
    r"^\W*(?:published|updated|last\s+updated|posted|posted\s+on|copyright|©|follow\s+us|share\s+this|"
    r"click\s+here|read\s+more|sign\s+up|subscribe|advertisement|related\s*:|photo\s*:|image\s*:|"
    r"file\s+photo)\b",
    re.I,
)


_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b")  # in a word: a web address
# What a page says about itself or its links, beside an address: "originally published on",
# "republished with permission", "for more information, visit".
_ABOUT_THE_PAGE = re.compile(
    r"\b(?:(?:originally|first)\s+(?:published|appeared)|republished|reprinted|"
    r"for\s+more\s+(?:information|details)|visit(?:ing)?\b|click|subscribe|sign\s+up|"
    r"follow\s+(?:us|them)|read\s+(?:more|the\s+full)|download)", re.I)


def _boilerplate(s: str) -> bool:
    """Page chrome, not a statement: timestamps, share buttons, URLs and slugs. A sentence that
    cites a web address is a statement when what is left without it still is one ("the
    ministry said on its website https://... that twelve soldiers died"): outlets cite sources."""
    if _CHROME.match(s):
        return True
    if _URL.search(s):  # word by word: a pattern over the sentence would backtrack on junk
        rest = " ".join(w for w in s.split() if not _URL.search(w))
        if (len(_LETTER_WORD.findall(rest)) < 6 or not is_clause(rest)
                or _ABOUT_THE_PAGE.search(rest)):
            return True
    words = s.split()
    return len(words) >= 4 and s.count(" / ") + s.count(" - ") >= len(words) / 4


def _clause_ok(s: str) -> bool:
    return len(_LETTER_WORD.findall(s)) >= 5


def _whole_clause(s: str) -> bool:
    return _clause_ok(s) and is_clause(s)


_MOST_CUTS = 32  # places a sentence is tried at for a cut into clauses
# A later clause of an attributed statement that the same speaker opens with a verb of its own:
# "Araghchi denied that any agreement had been reached, but said Tehran would stop if Israel
# did" asserts the second clause; "the minister said the talks had stalled, but denied that
# they had collapsed" denies it. Not "but warned against ..." (no clause follows).
_SAID_AGAIN = re.compile(r"(?:(?:but|and|yet)\s+)?(?:also\s+)?(?:(?P<cue>said|says|added|insisted|"
                         r"stressed|noted|warned|acknowledged|conceded|argued|maintained)|(?P<deny>denied|"
                         r"rejected))\s+(?:that\s+)?(?!(?:against|of|about|on|to|for|with|any|"
                         r"the\s+(?:claims?|reports?|accusations?))\b)", re.I)


_WHILE = re.compile(r"(?:while|whereas)\s+", re.I)


def _beside(clause: str) -> dict[str, object] | None:
    """The speaker of a clause set beside a saying, when it names its own ("X says P, while
    official figures put the toll at Q"); None when it does not: Q goes on in X's voice
    ("X said two shells hit the school, while children were still inside")."""
    said = attributions(clause)
    if len(said) == 1 and said[0].speaker and said[0].speaker.lower() not in PRONOUNS:
        x = said[0]
        return {"speaker": x.speaker, "cue": x.cue, "stance": x.stance,
                "proposition": _tidy(clause[x.start:x.end])}
    return None


def _decompose(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut [a, b) of ``text`` into checkable clauses; one piece when it should stay whole."""
    pieces, cur = [], a
    for k, m in enumerate(_COMPOUND.finditer(text, a, b)):
        if k == _MOST_CUTS:  # each try reads the rest of the sentence: a list of hundreds of
            break            # "a; b; c" items would be quadratic, and is no news sentence
        left = text[cur : m.start()]
        right = text[m.end() : b]
        if _clause_ok(left) and _clause_ok(right) and is_clause(left) and is_clause(right):
            pieces.append((cur, m.start()))
            cur = m.end()
    pieces.append((cur, b))
    return pieces


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _sentences(article: Article, splitter: Splitter) -> Iterator[tuple[int, int]]:
    for ps, pe in article.body or ((0, len(article.text)),):  # none given: the whole text
        for s, e in sentences(splitter, article.text[ps:pe]):
            a, b = _strip_span(article.text, ps + s, ps + e)
            if b > a:
                yield a, b


def split(article: Article, splitter: Splitter | None = None) -> list[Claim]:
    """Cut one article's body into claims with offsets, speakers and stances."""
    splitter = splitter or default_splitter()
    text = article.text
    claims: list[Claim] = []

    def add(a: int, b: int, **kw: object) -> None:
        if not substantial(text[a:b]) or _boilerplate(text[a:b]):
            return
        claims.append(
            Claim(
                id=f"{article.id}:{len(claims)}",
                article_id=article.id,
                text=text[a:b],
                start=a,
                end=b,
                **kw,
            )
        )  # type: ignore[arg-type]

    for s, e in voiced(text, _sentences(article, splitter), _whole_clause):
        sent = text[s:e]
        atts = attributions(sent)
        if not atts:
            for i, (a, b) in enumerate(_decompose(text, s, e)):
                a, b = _strip_span(text, a, b)
                add(a, b, proposition=_tidy(text[a:b], joined=i > 0))
            continue
        for att in atts:
            ps, pe = s + att.start, s + att.end
            whole = _whole(sent, att)
            if whole is not None:  # one claim of the sentence; who holds it stays
                add(s, e, speaker=att.speaker, cue=att.cue, stance=att.stance,
                    proposition=_tidy(whole))
                continue
            parts = _decompose(text, ps, pe) if len(atts) == 1 else [(ps, pe)]
            for i, (a, b) in enumerate(parts):
                a, b = _strip_span(text, a, b)
                # A single clause keeps the whole sentence as text (the reader sees who said it);
                # pieces of a decomposed statement point at their own clause.
                ts, te = (s, e) if len(parts) == 1 else (a, b)
                w = _WHILE.match(text, a, b) if i > 0 else None
                beside = _beside(text[w.end():b]) if w else None
                if beside is not None:  # "X says P, while Y puts it at Q": Q is Y's
                    add(a, b, **beside)
                    continue
                again = _SAID_AGAIN.match(text, a, b) if i > 0 else None
                if again:  # "X denied that P, but said Q": Q is what X asserts, not denies
                    a = again.end()
                add(
                    ts,
                    te,
                    speaker=att.speaker,
                    cue=(again.group("cue") or again.group("deny")) if again else att.cue,
                    stance=("denies" if again.group("deny") else "asserts") if again
                    else att.stance,
                    proposition=_tidy(resolve(text[a:b], att, sent, len(atts) == 1)
                                      if i == 0 else first_person(text[a:b], att.speaker, sent),
                                      joined=i > 0),
                )
    return resolve_pronoun_speakers(carry_quoted_speakers(text, claims), text)


# After a pronoun, a verb of doing (not "is", "was", "would be": "police said it was an
# accident", "CNN reported that it was the minister who ..." say nothing of police or CNN).
_PRONOUN_SUBJECT = re.compile(r"(?P<pro>he|she|it|they)\s+(?P<next>[a-z]+)\b", re.I)
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being", "'s", "seemed", "remains",
                 "appeared"})
_BODY_WORDS = re.compile(r"\b(?:police|ministry|army|military|government|officials?|authorities|"
                         r"forces|agency|office|council|committee|service|group|network|paper|"
                         r"statement|spokes\w+|company|court|embassy|command|unit)\b", re.I)


def resolve(prop: str, att: Attributed, sentence: str, single: bool = True) -> str:
    """"ISIS said it carried out the attack": the claim is that ISIS carried it out. A pronoun
    that opens what a named speaker said, doing something, stands for the speaker: it for a
    body or a one-word name, they for a plural, he or she only for a person's name. Not in a
    quote before its speaker ("\"He is a criminal,\" X said of Y"), not when the sentence has
    two speakers, and never before "is" or "was" ("it was an accident"). First person in a
    quotation is the speaker's side (``first_person``)."""
    prop = in_own_words(prop, att, sentence)
    speaker = att.speaker
    body = prop.lstrip("\"“‘' ")
    m = _PRONOUN_SUBJECT.match(body)
    if (not m or not speaker or not single or speaker.lower() in {"he", "she", "it", "they", "we"}
            or not sentence[:att.start].strip(" \"“‘'")):  # the statement opens the sentence
        return prop
    pro, who = m.group("pro").lower(), speaker.strip()
    if pro == "it" and m.group("next").lower() in _BE:
        return prop  # "it was an accident", "it is time": no one
    last = who.split()[-1]
    plural = last.endswith("s") and not last.isupper() and not last.endswith(("'s", "’s", "ss"))
    named = " " not in who and who[:1].isupper()  # "Hamas said it": a name, not a plural
    person = (not re.match(r"(?:the|a|an)\s", who, re.I) and not plural and not who.isupper()
              and not _BODY_WORDS.search(who) and who[:1].isupper())
    side = side_of(who) if pro == "they" and not plural else None
    if side is not None and names_own_side(body[m.end("pro"):], side):
        return prop  # "a rebel spokesman said they shelled our positions": the other side
    if side is not None:
        who = side  # "a rebel spokesman said they had not asked": the rebels had not
    if ((pro in ("he", "she") and person) or (pro == "they" and (plural or side is not None))
            or (pro == "it" and (not plural or named) and (named or not person))):
        start = len(prop) - len(body)
        return prop[:start] + who + prop[start + len(m.group("pro")):]
    return prop


def _statement(sentence: str, att: Attributed) -> bool:
    """Whether what an attribution leaves is a statement, not a fragment ("assertions about
    mediating between ..."). What opens the sentence ("P, X said") or follows "according to X,"
    is taken as said; what follows a cue must read as a clause (``is_clause``)."""
    return not sentence[:att.start].strip(" \"“‘'") or att.cue == "according to" or is_clause(
        sentence[att.start:att.end])


def _whole(sentence: str, att: Attributed) -> str | None:
    """The proposition when it is not the span after the cue: the sentence with an aside cut out
    ("P1, he said, P2", its pronoun read as the speaker), or the whole sentence when the cue left
    a fragment ("assertions about mediating between ..."); None when the span is a statement.
    ``split`` and ``claim_from_text`` read a sentence the same way through it."""
    if att.aside:
        return resolve(without_aside(sentence, att), att, sentence)
    if _statement(sentence, att):
        return None
    if att.stance == "denies" and att.speaker and _GERUND.match(sentence, att.start, att.end):
        # "Rwanda denied backing the rebels" -> "Rwanda backing the rebels", denied
        return f"{att.speaker} {sentence[att.start:att.end].strip()}"
    if att.stance == "denies" and _reported_happening(sentence, att):
        return None  # "Israel denied reports of a strike on the hospital": the strike, denied
    return sentence


# What a denial rejects when it names no clause: "denied reports of a strike", "rejected claims
# of civilian casualties". The happening reported is what is denied, not the denial itself.
_REPORTS_OF = re.compile(rf"\b(?:{DENIED_NOUNS})\s+of\s+$", re.I)
# What the reports were called, after the happening: left whole rather than cut ("dismissed
# reports of his death as greatly exaggerated", "rejected claims of abuse, calling them lies").
_CALLED = re.compile(r"\s+as\s+|,\s*(?:calling|describing|branding|saying)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_STOPWORDS = word_set("stopwords")


def _reported_happening(sentence: str, att: Attributed) -> bool:
    """Whether a denial's proposition is a happening named by the reports it denies ("of a
    strike on the hospital"): two content words at least ("of responsibility" names none), and
    nothing said of the reports after it."""
    if not _REPORTS_OF.search(sentence, 0, att.start):
        return False
    what = sentence[att.start:att.end]
    words = [w for w in _WORD.findall(what) if w.lower() not in _STOPWORDS]
    return len(words) >= 2 and not _CALLED.search(what)


# What a denial may deny as a gerund: "denied backing the rebels", "denied having sought a truce".
# Not a noun in -ing ("denied wrongdoing in the award", "denied funding for it was cut").
_GERUND = re.compile(r"\s*(?:having\s+)?(?!(?:nothing|anything|something|everything|during|"
                     r"according|including)\b)[a-z]+ing\s+(?!(?:of|for|in|on|at|by|to|with|from|"
                     r"was|were|is|are|had|has|have)\b)\w", re.I)


def without_aside(sentence: str, att: Attributed) -> str:
    """The proposition of "P1, he said, P2": P1 and P2 joined, the attribution cut out."""
    x0, x1 = att.aside or (att.end, att.end)
    return f"{sentence[att.start:x0].rstrip(' ,')} {sentence[x1:att.end].lstrip(' ,')}".strip()


def _tidy(p: str, joined: bool = False) -> str:
    """A proposition as a sentence: quotes off, a leading connective off, a full stop on.

    "while"/"whereas" go only from a clause cut off the end of a compound (``joined``): at the
    head of a sentence they subordinate ("While the US had reached out ..., it was not ...").
    """
    p = p.strip().strip("\"“”‘’'").strip()
    lead = "but|while|whereas|and|however" if joined else "but|and|however"
    p = re.sub(rf"^(?:{lead})\s*,?\s+", "", p, flags=re.I)
    if p and not p.endswith((".", "!", "?", "。", "！", "？")):
        p += "."
    return p[:1].upper() + p[1:] if p else p


_PAREN = re.compile(r"\s*\([^()]*\)")
_DASHED = re.compile(r"\s*[—–]\s[^—–]*?(?:\s[—–]\s*|$)|—[^—]*?(?:—|$)")
_NONRESTRICTIVE = re.compile(
    r",\s+(?:which|who|whose|aimed|designed|intended|focused|held|built|seen|described|comprising|"
    r"including|particularly|especially)\b[^,;]*?(?:,|(?=[.;]$)|$)"
)


@lru_cache(maxsize=65536)
def embedding_text(claim: Claim) -> str:
    """What is embedded for a claim, everywhere: its statement (the proposition, attribution
    frame removed) without asides (``core``)."""
    return core(claim.content)


def core(text: str) -> str:
    """The statement without asides: parentheses, dashed insertions and non-restrictive clauses.

    "The COMPACT initiative, aimed at driving change, was launched in February." -> "The COMPACT
    initiative was launched in February." What is embedded for grouping; the full text is kept.
    """
    t = re.sub(r"\s+", " ", text)  # first: a long run of spaces made the asides' \s* quadratic
    t = _PAREN.sub("", t)
    t = _DASHED.sub(" ", t)
    t = _NONRESTRICTIVE.sub(" ", t)
    t = re.sub(r"\s+", " ", t).strip(" ,")
    t = re.sub(r"\s+([.,;])", r"\1", t)
    return t if len(t.split()) >= 4 else text


def split_all(articles: Sequence[Article], splitter: Splitter | None = None) -> list[Claim]:
    """Claims of every article, in article order."""
    return [c for a in articles for c in split(a, splitter)]


def claim_from_text(text: str, claim_id: str = "x:0") -> Claim:
    """One standalone statement as a claim, with its attribution: for ``compare`` and benchmarks."""
    text = " ".join(unicode_safe(text).split())
    article_id = claim_id.split(":")[0]
    atts = attributions(text)
    if not atts:
        return Claim(claim_id, article_id, text, 0, len(text), proposition=_tidy(text))
    att = atts[0]
    whole = _whole(text, att)
    prop = whole if whole is not None else resolve(text[att.start:att.end], att, text,
                                                   len(atts) == 1)
    return Claim(claim_id, article_id, text, 0, len(text), speaker=att.speaker, cue=att.cue,
                 stance=att.stance, proposition=_tidy(prop))  # type: ignore[arg-type]
