"""Who "he", "it" and "the ministry" are: an article's speakers named from the claims before.

"X said P. He added Q": Q is X's. Read after the article's claims are split, in article order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..records import Claim
from ..wordlists import word_set
from .speakers import PRONOUNS

# "X said P. He added Q": Q is X's. A "he" or "she" who speaks is the last person named as a
# speaker in the article, or as the subject of a sentence in the outlet's voice ("Hagari set
# out a timeline. He said ..."), when one was named in the last few claims (each claim so
# resolved carries the chain on); else the pronoun stays, and names no one.
_HE_SHE = frozenset({"he", "she", "his", "her"})  # "his": "By his account, P"
_CHAIN = 3  # how many claims after a named speaker's a pronoun may stand for them, at most
_NOT_A_PERSON = re.compile(
    r"\b(?:ministry|council|committee|office|agency|army|forces?|department|government|"
    r"commission|times|post|news|network|media|paper|newspaper|report|statement|military|"
    r"police|services?|administration|embassy|kremlin|house|channel|tv|radio|group|party|"
    r"court|parliament|authorit(?:y|ies)|officials?|sources?|spokes(?:man|woman|person)'s|"
    r"pentagon|street|hamas|hezbollah|taliban|houthis?|reuters|xinhua|tass|interfax|"
    r"alliance|movement|organi[sz]ation|union|bureau|intelligence|"
    # a place named after a person: "Queen Elizabeth Hospital", "King Hussein Bridge"
    r"hospital|bridge|city|dam|road|avenue|airport|square|station|port|university|school|"
    r"college|camp|base|plant|prison|stadium|hotel|mosque|cathedral|park|river|lake)\b",
    re.I)
_ENDS_WITH_NAME = re.compile(r"\b[A-Z][\w'’.-]*$")
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?$")  # CNN, IDF, NATO, FSB: an outlet or a body


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    """Words that mark the name after them as a person's ("spokesman", "minister", "gen")."""
    from ..wordlists import word_groups

    return word_groups("title_words").get("person_titles", frozenset()) | frozenset({
        "spokesman", "spokeswoman", "spokesperson", "gen", "maj", "lt", "col", "adm",
        "commander", "governor", "mayor", "leader", "head", "official"})


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Outlets' names and title words: a speaker made only of these is no one's name."""
    from ..wordlists import word_groups
    from .headers import known_outlets

    titles = {w for ws in word_groups("title_words").values() for w in ws}
    return frozenset({n.lower() for n in known_outlets()} | titles | _person_titles())


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    from ..wordlists import country_table

    return frozenset(x for name, aliases in country_table().items() for x in (name, *aliases))


def names_a_person(speaker: str) -> bool:
    """Whether a speaker reads as a person's name ("Hagari", "spokesman Maj Gen Winthai"):
    not a pronoun, not "the army", not a country or capital, not an office or outlet."""
    s = speaker.strip()
    low = s.lower()
    raw = re.findall(r"[\w'’.-]+", s)
    words = [w.lower() for w in raw]
    titled = [k for k, w in enumerate(words) if w.strip(".") in _person_titles()]
    tail = raw[titled[-1] + 1:] if titled else []
    if tail and not _ACRONYM.search(s) and all(w[:1].isupper() for w in tail) and not (
            _NOT_A_PERSON.search(" ".join(tail))
            or any(w.lower().strip(".") in _not_names() for w in tail)):
        return True  # a name after a title: "Thai army spokesperson Vintay Suwari"
    return not (low in PRONOUNS
                or low.startswith(("the ", "a ", "an ")) or low in _place_names()
                or low in _not_names() or all(w.strip(".") in _not_names() for w in words)
                or _NOT_A_PERSON.search(s) or _ACRONYM.search(s)
                ) and bool(_ENDS_WITH_NAME.search(s))


def resolve_pronoun_speakers(claims: Sequence[Claim], text: str = "") -> list[Claim]:
    """One article's claims with a speaker "he" or "she" named (the last person who spoke or
    was a sentence's subject, within ``_CHAIN`` claims), "it" likewise (the last body that
    spoke), and a speaker "the ministry", "the paper" named (the last named speaker holding
    that noun, ``_described``). ``text``, the article's, shows the sentences too short to be
    claims ("Putin appeared doubtful.") between them."""
    from dataclasses import replace

    names = _names_mid_sentence(claims)
    people = _people(claims)
    out: list[Claim] = []
    last: tuple[str, int] | None = None  # the person, and the claim that last stood for them
    body: tuple[str, int] | None = None  # likewise the last body ("it said")
    named: list[str] = []  # the speakers named so far, latest last

    def about(who: str | None, n: int) -> None:
        """A sentence in the outlet's voice was about ``who``: "he" is now them (the latest
        subject, as readers take it; whether "she" fits, nothing here knows), under the
        fuller name they were last given ("army spokesperson Daniel Hagari" for "Hagari").
        About someone or something not known as a person (""), "he" and "its" name no one:
        better left unnamed than given to the speaker before ("Jonas Brink visited the camp.
        He said ..." is not the governor who spoke first)."""
        nonlocal last, body
        if who == "":
            last = body = None
        elif who:
            same = last is not None and _one_person(who, last[0])
            last = (last[0] if same and last is not None else who, n)

    end = -1
    for n, c in enumerate(claims):
        if 0 <= end < c.start:  # sentences too short to be claims, in this claim's paragraph
            for piece in _SENTENCE_END.split(text[end:c.start].rpartition("\n")[2]):
                about(subject(piece.strip(), names, people), n)
        end = max(end, c.end)
        sp = c.speaker
        if sp and sp.strip().lower() in _HE_SHE:
            if last is not None and n - last[1] <= _CHAIN:
                c = replace(c, speaker=last[0])
                last = (last[0], n)
        elif sp and sp.strip().lower() in ("it", "its"):
            if body is not None and n - body[1] <= _CHAIN:
                c = replace(c, speaker=body[0])
                body = (body[0], n)
        elif sp and (m := _THE_ONE.fullmatch(sp.strip())):
            found = _described(m.group(1).lower(), named)
            if found is not None:
                c = replace(c, speaker=found)
                if names_a_person(found):  # "According to the archbishop, ... He said"
                    last = (found, n)
        elif sp:
            named.append(sp)
            if names_a_person(sp):
                last = (sp, n)
            elif not _PLURAL_BODY.search(sp):
                body = (sp, n)
        else:
            about(subject(c.text, names, people), n)
        out.append(c)
    return out


# Speakers that are many people, not one body ("officials", "witnesses"): not an "it". A name
# in -s ("Reuters") is one of them too, and stays unread as an "it".
_PLURAL_BODY = re.compile(r"s$", re.I)


# "the ministry said", "the paper reported": the last named speaker whose name holds that
# noun ("Russia's Defence Ministry", "the Cambodian newspaper Khmer Times").
_THE_ONE = re.compile(r"[Tt]he ([a-z]+)")
_LOOK_BACK = 50  # named speakers looked through, latest first (a long article stays linear)
_PAPERS = ("paper", "newspaper", "daily")
_SAME_NOUN = {"paper": _PAPERS, "newspaper": _PAPERS, "daily": _PAPERS}


def _described(noun: str, named: Sequence[str]) -> str | None:
    """The latest of ``named`` that a definite description ("the ministry") stands for: one
    whose head is the noun ("Russia's Defence Ministry") or that names a person after it
    ("spokesman Maj Gen Winthai"), and says more than the description itself. A plural ("the
    officials") stands for no one in particular."""
    if noun.endswith("s"):
        return None
    nouns = _SAME_NOUN.get(noun, (noun,))
    for sp in reversed(named[-_LOOK_BACK:]):
        words, lower = _speaker_words(sp)
        at = [k for k, w in enumerate(lower) if w in nouns]
        if at and len(words) > 2 and all(w[:1].isupper() for w in words[at[-1] + 1:]):
            return sp
    return None


@lru_cache(maxsize=4096)
def _speaker_words(speaker: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A speaker's words as written and lowered, read once: each "the ministry" of a long
    article looks back through the same ``_LOOK_BACK`` speakers."""
    words = tuple(re.findall(r"[\w'’-]+", speaker))
    return words, tuple(w.lower() for w in words)


# A sentence's subject, when it is a person's name: at its start ("Hagari, who holds the rank
# of rear admiral, set out ...") or after an opening phrase ("Describing his part, Lukashenko
# praised ..."), followed by a verb or an aside, not a possessive ("Hagari's office").
_OPENING = re.compile(r"[^,]{3,120}?,\s+")
_TOKEN = re.compile(r"\S+")
_MID_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MOST_WORDS = 6  # words a subject's name and titles run to, at most
_MODIFIERS = frozenset({"former", "acting", "late", "then", "ex"})  # "Former president X"


def _one_person(a: str, b: str) -> bool:
    """Whether two names are one person's: the words of one all in the other ("Hagari" and
    "army spokesperson Daniel Hagari"; not "Lena Voss" and "Governor Arne Voss")."""
    x, y = ({w.lower() for w in re.findall(r"[\w'’-]+", n)} for n in (a, b))
    return bool(x and y) and (x <= y or y <= x)


def _names_mid_sentence(claims: Sequence[Claim]) -> frozenset[str]:
    """Capitalised words an article writes after a lower-case word: names, not a sentence's
    first word ("Describing")."""
    return frozenset(m.group(0) for c in claims for m in _MID_NAME.finditer(c.text))


def _people(claims: Sequence[Claim]) -> frozenset[str]:
    """The surnames an article shows to be people's: a speaker's that reads as a person
    ("Hagari said"), or a full name after a title ("president Olusegun Obasanjo"). A place
    or a body ("Lake Varna", "General Motors": a title and one word) is neither."""
    out = {sp.split()[-1] for c in claims if (sp := c.speaker) and names_a_person(sp)}
    titles = _person_titles()
    for m in _titled().finditer(" ".join(c.text for c in claims)):  # not a headline's words
        run = m.group("run").split()  # "Deputy Foreign Minister Arne Voss": Arne Voss
        while run and run[0].lower().rstrip(".") in titles:
            run = run[1:]
        if (len(run) >= 2 or run and m.group("title").lower().rstrip(".") in _HONORIFICS) and (
                names_a_person(" ".join(run))):  # not "Queen Elizabeth Hospital"
            out.add(run[-1])  # "Mr Dalen" too; not "General Motors" (a title and one word)
    return frozenset(out)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr"})


@lru_cache(maxsize=1)
def _titled() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _person_titles()), key=len, reverse=True))
    name = r"[A-Z][\w'’-]+"
    return re.compile(rf"\b(?P<title>(?i:{words}))\.?[ \t]+(?P<run>{name}(?:[ \t]+{name}){{0,4}})"
                      r"(?![\w'’-])")  # spaces only: not across a line ("the Wagner chief.\n")


def subject(text: str, names: frozenset[str], people: frozenset[str] = frozenset()
            ) -> str | None:
    """The person a sentence in the outlet's voice is about, when it opens on their name and
    goes on with a verb or an aside: a name ``people`` holds (``_people``), each of its words a
    name the article writes mid-sentence (``names``) or a title. "" when it opens on another
    name ("Israel struck ...", "Lake Varna overflowed"), None when it opens on none."""
    opening = _OPENING.match(text)
    first = text.split(None, 1)[0].rstrip(",;:") if text.strip() else ""
    if not (first in _LEAD_WORDS or first in ("The", "A", "An") or first.endswith("ing")):
        opening = None  # "He used the occasion to urge partners, Germany above all, to ...":
        # a clause, not a lead, before the comma; "Describing his part, Lukashenko ..." is one
    described = _DESCRIBED.match(text)  # "The lawyer Jonas Brink visited ...": the name after
    for at in (0, opening.end() if opening else -1, described.start("name") if described else -1):
        if at < 0:
            continue
        who = _subject_at(text, at, names, people)
        if who is not None:
            return who
    return None


def _subject_at(text: str, at: int, names: frozenset[str], people: frozenset[str]
                ) -> str | None:
    """The person named at ``at``, "" for a name that is not a person's (the sentence is about
    someone or something else), None when no name starts there."""
    titles = _person_titles()
    words: list[str] = []
    end = at
    for m in _TOKEN.finditer(text, at):
        w = m.group(0)
        bare = w.rstrip(",;:")
        joins = bare == "of" and words and words[-1][:1].isupper()  # "Archbishop of Canterbury"
        if not (bare[:1].isupper() or bare.lower() in titles or joins) or len(words) == _MOST_WORDS:
            break
        words.append(bare)
        end = m.start() + len(bare)
        if bare != w:
            break  # "Hagari, who ...": the aside ends the name
    while words and not words[-1][:1].isupper():
        words.pop()  # a title with no name after it
    if words and words[0].lower() in _MODIFIERS:
        words = words[1:]
    if not words or words[0] in _LEAD_WORDS or (
            len(words) == 1 and words[0] not in names and words[0] not in people
            and (at > 0 or _COMMON_FIRST.fullmatch(words[0]))):
        return None  # a sentence's first word ("Describing", "The"), a lead ("In May, ..."):
        # no name; any other word opening a sentence ("Dalen visited ...") is one, unknown
    titled = [k for k, w in enumerate(words) if w.lower().rstrip(".") in titles]
    checked = words[titled[0]:] if titled else words  # "Health Minister Lena Berg": a title's
    known = [w for w in checked if w in names or w in people or w.lower() in titles or w == "of"]
    if len(known) < len(checked) or words[-1].endswith(("'s", "’s")):  # own modifiers aside
        return ""  # "Lake Varna", "Jonas Brink" never shown as a person, "Hagari's office"
    after = text[end:].lstrip(" ,").split(None, 1)
    group = bool(after) and after[0].lower() in _GROUP_NOUNS  # "Other Wagner members"
    who = " ".join(words)
    return who if words[-1] in people and names_a_person(who) and not group else ""


_GROUP_NOUNS = word_set("generic_actors") | {"members", "supporters", "residents", "staff"}
# A sentence's first word that names no one: "The", "It", "Describing", "Asked", "Quickly".
_COMMON_FIRST = re.compile(r"[A-Z][a-z]*(?:ing|ed|ly)|The|A|An|It|This|That|These|Those|There|"
                           r"They|We|He|She|I|His|Her|Its|Their|Our|Both|Each|All|Some|Many|"
                           r"Most|Few|Several|No|None|Not|One|Two|Three|Such|What|Who|Why|How")
# "The lawyer Jonas Brink ...", "A spokesman, Tomas Dalen, ...": a name after a described role.
_DESCRIBED = re.compile(r"(?:The|A|An)\s+(?:[a-z-]+\s+){1,2},?\s*(?P<name>[A-Z])")
# Capitalised words that open a sentence's lead, not its subject ("In Kharkiv, rescuers ...").
_LEAD_WORDS = frozenset({"In", "On", "At", "After", "Before", "During", "Across", "Over", "Last",
                         "This", "Since", "From", "By", "For", "With", "Without", "Under",
                         "Near", "Outside", "Inside", "Later", "Earlier", "Meanwhile", "Then",
                         "But", "And", "Yet", "So", "As", "When", "While", "Also", "However"})
