"""Event titles a person could have written, from an event's most central claims.

"Misri–Kessler talks on the India-US Strategic Trade Dialogue, May 2025": the names and the topic
come from the few claims closest to the event's centroid, the month from its articles' dates.
When no meeting of two people is there to name, the title is the most central claim that names
its subject, asides dropped, people by surname, cut at a phrase boundary near ``MAX_TITLE``
characters. Only ``CENTRAL`` claims are read per event, so titles cost the same on a million
claims as on five articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from ..judge.text import COUNTRY_NAMES, MONTHS, WEEKDAYS, Mention, entities
from ..records import Claim
from ..wordlists import alias_table, word_groups

MAX_TITLE = 80  # characters of the clause, before the date
CENTRAL = 8  # claims read per event
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
# "A met (with) B", "A held talks with B", "talks between A and his counterpart B"
_NAME = r"[A-Z][\w'’-]+"
_MET = (
    re.compile(rf"(?<![\w'’-])(?P<a>{_NAME})\s+(?:also\s+|on\s+\w+\s+|later\s+)?(?:met(?:\s+with)?|"
               rf"held\s+(?:\w+\s+)?talks\s+with|spoke\s+(?:with|to))\s+(?P<b>{_NAME})"),
    re.compile(rf"\btalks\s+between\s+(?P<a>{_NAME})\s+and\s+(?:(?:his|her|their)\s+"
               rf"(?:\w+\s+){{0,2}}counterpart\s+)?(?P<b>{_NAME})"),
)
# Phrase boundaries a long title may be cut before: a comma first, else a preposition.
_COMMA = re.compile(r",\s+|\s+[—–]\s+")
_PREP = re.compile(r"\s+(?=(?:to|in|on|for|with|from|at|by|during|after|before|amid|as|which|"
                   r"who|where|while|but)\b)")
# An aside between a subject and its verb: "The Dialogue, once formally launched, is ..."
_ASIDE = re.compile(r",\s+(?:once|when|if|after|before|though|although|already|now|still|"
                    r"like|unlike)\b[^,]{0,60},")
# Sentence adverbs that open a clause: "Notably, ", "However, ".
_LEAD = re.compile(r"^(?:[A-Z][a-z]+ly|However|Meanwhile|Still|Yet|Also|In addition|Earlier),\s+")


def _words() -> dict[str, frozenset[str]]:
    """The word lists in ``data/words/title_words.txt``."""
    return word_groups("title_words")


def event_title(claims: Sequence[Claim], vectors: np.ndarray,
                dates: Mapping[str, str | None] | None = None) -> str:
    """A title for the event made of ``claims`` (row i of ``vectors`` belongs to ``claims[i]``).

    Args:
        dates: article id -> ISO date; the month most of the event's claims carry ends the title.
    """
    if not claims:
        return "untitled event"
    central = _central(claims, vectors)
    if not any(entities(c.content) for c in central):  # an event of several outlets may centre
        central = _central(claims, vectors, 4 * CENTRAL)  # on generic words: look further
    people = {_surname(m) for c in central for m in entities(c.content) if _is_person(m)}
    when = _month(claims, dates or {})
    body = _meeting(central, people) or _clause(central, people)
    return f"{body}, {when}" if when else body


def _central(claims: Sequence[Claim], vectors: np.ndarray, most: int = CENTRAL) -> list[Claim]:
    """Up to ``most`` claims, closest to the event's centroid first."""
    v = np.asarray(vectors, dtype=np.float64)
    if v.ndim != 2 or v.shape[0] != len(claims):
        return list(claims[:most])
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    centroid = v.mean(axis=0)
    sims = v @ centroid
    k = min(most, len(claims))
    top = np.argpartition(-sims, k - 1)[:k]
    return [claims[i] for i in sorted(top.tolist(), key=lambda i: (-sims[i], i))]


def _is_person(m: Mention) -> bool:
    """Whether a name is a person's: a title word before it, or a given name and a surname."""
    words = m.text.replace("’", "'").split()
    if len(words) < 2 or m.key in COUNTRY_NAMES or " " in m.key:
        return False
    last = words[-1].lower().strip(".'")
    lists = _words()
    if last in lists["not_person"] or last != m.key or not words[-1][:1].isupper():
        return False
    if "-" in words[-1] or words[-1].isupper():
        return False
    titled = any(w.lower().strip(".") in lists["person_titles"] for w in words[:-1])
    return titled or (len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words))


def _surname(m: Mention) -> str:
    return m.text.split()[-1].strip(".,'’")


def _topic(m: Mention) -> str | None:
    """A named programme, meeting or agreement ("India-US Strategic Trade Dialogue")."""
    words = m.text.split()
    if words and words[-1].lower() in _words()["topic_words"] and len(words) >= 2:
        return m.text
    return None


def _month(claims: Sequence[Claim], dates: Mapping[str, str | None]) -> str | None:
    """"May 2025": the month of the article dates most of the claims carry."""
    months: Counter[tuple[int, int]] = Counter()
    for c in claims:
        m = re.match(r"(\d{4})-(\d{2})", dates.get(c.article_id) or "")
        if m and 1 <= int(m.group(2)) <= 12:
            months[(int(m.group(1)), int(m.group(2)))] += 1
    if not months:
        return None
    (year, month), _ = min(months.items(), key=lambda kv: (-kv[1], kv[0]))
    return f"{_MONTH_NAMES[month - 1]} {year}"


def _meeting(central: Sequence[Claim], people: set[str]) -> str | None:
    """"Misri–Kessler talks on <topic>" or "Jaishankar's talks with Rubio and Wright" when
    central claims say people met."""
    met: list[tuple[str, str, Claim]] = []
    for c in central:
        short = _short_names(c.content, people)
        for pattern in _MET:
            for m in pattern.finditer(short):
                a, b = m.group("a"), m.group("b")
                if a in people and b in people and a != b and (a, b) not in [x[:2] for x in met]:
                    met.append((a, b, c))
    if not met:
        return None
    host = Counter(a for a, _, _ in met).most_common(1)[0][0]
    partners = list(dict.fromkeys(b for a, b, _ in met if a == host))
    if len(partners) > 1:
        return f"{host}’s talks with {', '.join(partners[:-1])} and {partners[-1]}"
    head = f"{host}–{partners[0]} talks"
    claim = next(c for a, _, c in met if a == host)
    topics = [t for m in entities(claim.content) if (t := _topic(m))]
    if topics:
        topic = max(topics, key=len)
        return f"{head} on {topic}" if topic.lower().startswith("the ") else \
            f"{head} on the {topic}"
    return head


def _short_names(text: str, people: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """``text`` with each person's name cut to the surname ("Foreign Secretary Vikram Misri"
    -> "Misri", titles before it too) and parenthetical asides dropped."""
    titles = _words()["person_titles"]
    out, pos = [], 0
    for m in entities(text):
        if m.start < pos or not (_is_person(m) or m.text in people):
            continue
        start = m.start
        while True:  # "Foreign Secretary " before "Vikram Misri"
            before = re.search(r"([A-Za-z]+)\s+$", text[pos:start])
            if not before or before.group(1).lower() not in titles:
                break
            start = pos + before.start()
        out.append(text[pos:start])
        out.append(_surname(m))
        pos = m.end
    out.append(text[pos:])
    short = re.sub(r"\s*\([^()]*\)", "", "".join(out))
    return re.sub(r"\s+", " ", short).strip()


def _clause(central: Sequence[Claim], people: set[str]) -> str:
    """The most central claim that names its subject, shortened to about ``MAX_TITLE``. A claim
    its speaker asserts comes before one its speaker denies: "Trump: the ceasefire was mediated by
    Washington", never "New Delhi: the ceasefire was ..." for New Delhi's refutation of the same
    words; a denial left alone is titled as one ("New Delhi denies: ...")."""
    from ..ingest.split import core
    from ..ingest.splitters import RegexSplitter

    vague = _words()["vague_heads"]

    def rank(i: int) -> tuple[bool, int, int]:
        text = _LEAD.sub("", central[i].content)
        first = re.match(r"\W*(\w+)", text)
        head_vague = not first or first.group(1).lower() in vague
        named = bool(entities(_cut(_ASIDE.sub("", core(text)))))  # a name the title keeps
        return (central[i].stance == "denies", int(head_vague) + int(not named), i)

    best = central[min(range(len(central)), key=rank)]
    text = _short_names(_ASIDE.sub("", core(best.content)), people)
    spans = RegexSplitter().sentences(text)  # its first sentence: not cut at "Gov." or "U.S."
    text = (text[: spans[0][1]] if spans else text).strip().rstrip(" .!?;:")
    text = _LEAD.sub("", text)
    text = text[:1].upper() + text[1:]
    speaker = _short_names(_drop_titles(best.speaker), people) if best.speaker else ""
    denies = best.stance == "denies"
    if speaker and len(speaker) <= 30 and (denies or speaker.lower() not in text.lower()):
        lower = text[1:2].islower() and not starts_with_name(text)  # "Russian forces" stays
        said = f"{speaker} denies" if denies else speaker
        text = f"{said}: {text[:1].lower() + text[1:] if lower else text}"
    elif denies:
        text = f"Denied: {text}"
    return _cut(text)


def starts_with_name(text: str) -> bool:
    """Whether ``text`` opens with a name, a day or a month, whose capital stays when the text is
    set inside another sentence ("Is it so that Putin ...", "Kovalenko: Russian forces ...");
    else its first word is lower-cased there ("the army said ...")."""
    first = text.split(maxsplit=1)[0].strip(".,;:'\"’") if text.strip() else ""
    if first.lower() in MONTHS or first.lower() in WEEKDAYS:
        return True
    if _NAME_OF_WORDS.match(text):  # "Doctors Without Borders", "Students for Fair Admissions"
        return True
    head = next((m for m in entities(text) if m.start == 0), None)
    if head is None:
        return False
    # A sentence's first word is capitalised anyway: "Following the ceasefire", "Speaking on
    # Monday" start no name, while a known actor ("Beijing", "Hamas"), two capitalised words
    # ("Vladimir Putin") or a word of no such form ("Netanyahu") are read as one; plural people
    # nouns ("Gunmen", "Rescuers") are in not_entities.txt and start no entity.
    known = head.key in COUNTRY_NAMES or head.key in _GROUP_NAMES or " " in head.text
    return known or not re.search(r"(?:ing|ed|ly)$", first.lower())


_GROUP_NAMES = frozenset(alias_table("groups"))
# A name of several capitalised words, maybe joined by "for", "of", "without" ...: a sentence's
# second word is not capitalised unless a name goes on.
_NAME_OF_WORDS = re.compile(r"(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our)\b)"
                            r"[A-Z][\w’'-]*\s+(?:(?:for|of|without|against)\s+)?[A-Z][a-z]")


def _drop_titles(name: str) -> str:
    """"President Donald Trump" -> "Donald Trump", "President Trump" -> "Trump"."""
    words = name.split()
    titles = _words()["person_titles"]
    while len(words) > 1 and words[0].lower().strip(".") in titles:
        words = words[1:]
    return " ".join(words)


_DANGLING = re.compile(r"(?:[\s,]+(?:and|or|but|nor))+$", re.I)


def _cut(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` cut before a phrase boundary at most ``limit`` characters in, else at a space."""
    if len(text) <= limit:
        return text
    for boundary in (_COMMA, _PREP):
        cuts = [m.start() for m in boundary.finditer(text, 0, limit + 1) if m.start() >= limit // 2]
        if cuts:  # "footage attributed to Wagner fighters and | to Prigozhin": not "and"
            return _DANGLING.sub("", text[: cuts[-1]].rstrip(" ,;:—–"))
    space = text.rfind(" ", 0, limit)
    return (text[:space] if space > limit // 2 else text[:limit]).rstrip(" ,;:—–") + "…"
