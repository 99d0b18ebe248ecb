"""Text analyses the detectors share: entities, actors and aliases, numbers, dates, negation.

Everything here is surface-level and general English news prose; no rule names a story or an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy_re import lazy
from ..wordlists import alias_table, country_table, word_sequences, word_set
from .gate import trie
from .places import not_the_country

# Countries by their usual names, capitals (metonymy: "Washington said"), and demonyms.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = country_table()
_ALIAS = {alias: name for name, aliases in COUNTRY_ALIASES.items() for alias in aliases}
COUNTRY_NAMES = frozenset(COUNTRY_ALIASES)  # the keys ``norm_actor`` folds countries to
# The countries set aside as a story's setting when two claims share them (see
# data/words/countries_more.txt for why not all).
SETTING_COUNTRIES = frozenset(alias_table("countries"))
_ALIAS.update({name: name for name in COUNTRY_ALIASES})
# Armed and political groups by their other names: actors, not countries (``countries`` and the
# country patterns leave them out).
_GROUPS = {alias: name for name, aliases in alias_table("groups").items()
           for alias in (name, *aliases)}

# A zone after a clock time ("5 pm IST", "1800 GMT") is a clock, not a name: the abbreviations
# of time_zones.txt join the list. Not those under three letters: "PT Pertamina", "Z".
_NOT_ENTITIES = word_set("not_entities") | {
    z.lower() for z in alias_table("time_zones") if z.isupper() and len(z) >= 3}
MONTHS = {m: i + 1 for i, m in enumerate(word_sequences("calendar")["months"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = list(word_sequences("calendar")["weekdays"])
NUMBER_WORDS = {
    **{w: n for n, w in enumerate([
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty"])},
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
    "half a": 0.5,  # only before a scale: "half a million", "half a dozen" (``quantities``)
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "crore": 1e7, "k": 1e3, "m": 1e6, "bn": 1e9, "dozen": 12}
# Verbs that deny their complement ("was unable to capture" = did not capture): negation cues
# since 2026-12-06, which the pair classifier was trained without (``features._as_trained``).
_DENYING = (r"unable\s+to|declin(?:ed|es|e|ing)\s+to|refrain(?:ed|s|ing)?\s+from|"
            r"(?:held|holds?|holding)\s+off\s+(?:on|from)|(?:stopped|stops?|stopping)\s+short\s+of|"
            r"(?:fell|falls?|falling)\s+short\s+of|(?:was|were|been|being)\s+prevented\s+from")
DENYING_VERBS = lazy(_DENYING, re.I)
NEGATIONS = lazy(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|can't|won't|isn't|aren't|"
    r"wasn't|weren't|didn't|doesn't|don't|hasn't|haven't|hadn't|couldn't|shouldn't|wouldn't|"
    r"denied|denies|deny|refused|refuses|failed|fails|rejected|rejects|dismissed|nowhere|"
    rf"n't|rather\s+than|instead\s+of|{_DENYING})\b",
    re.I,
)
_NEGATION_WORDS = word_set("negation_words")
_TOKEN = lazy(r"[A-Za-z0-9]+(?:['’][a-z]+)?")
STOPWORDS = word_set("stopwords")


_GENERIC = word_set("generic_actors")
_INSTITUTION = word_set("institution_words")
_GROUP_TYPES = word_set("group_types")
_PREFIXES = frozenset({"pro", "anti", "ex", "non", "post", "pre", "mid", "self", "semi", "neo"})
_POSSESSIVE = lazy(r"['’]s$")
_LEADING_ARTICLE = lazy(r"^(?:the|a|an)\s+")
_ACTOR_WORD = lazy(r"[^\W_][\w.'’+-]*")  # letters of any script: "élysée", "erdoğan"


@lru_cache(maxsize=65536)
def norm_actor(s: str, fold_groups: bool = True) -> str:
    """A comparable key for a country, place or person: aliases folded, titles and 's dropped.

    "New Delhi", "Indian officials" and "the Indian Embassy" -> "india"; "President Donald Trump" ->
    "trump"; "US Under Secretary Jeffrey Kessler" -> "kessler" (a person, not the country).
    With ``fold_groups``, a group's other names are one ("ISIS", "Islamic State"): for who did
    what; entity keys (name overlap, anchors) keep the names as written.
    """
    s = s.strip().strip(".,;:\"“”'’ ").lower()
    s = _POSSESSIVE.sub("", s)
    s = _LEADING_ARTICLE.sub("", s)
    if s in _ALIAS:
        return _ALIAS[s]
    groups = _GROUPS if fold_groups else {}
    if s in groups:
        return groups[s]  # "Islamic State", "ISIS": one group
    named = [_POSSESSIVE.sub("", x) for x in _ACTOR_WORD.findall(s)]  # "Kiev's": kiev
    words = [w for w in named if w not in _NOT_ENTITIES]
    head = [w for w in words if w not in _GENERIC]
    if head and " ".join(head) in _ALIAS and len(head) <= 3:
        return _ALIAS[" ".join(head)]
    if " ".join(head) in groups:
        return groups[" ".join(head)]
    while len(named) > 1 and named[-1] in _GENERIC:  # ("state" kept in ``named``)
        named.pop()  # "Islamic State militants": the group's name, its side noun off
        if " ".join(named) in groups:
            return groups[" ".join(named)]
    if not words:
        return s
    core = [w for w in head if w not in _INSTITUTION and w not in _GROUP_TYPES]
    # a body's branch or type named ("Air Force", "Interior Ministry", "Front"): its owner, or
    # its first own word ("Lebanon's Health Ministry" -> lebanon, "Free Kesh Front" -> free,
    # which a reader that caught only "Free" also gives); a group named after a country is not
    # that country ("Sudan Liberation Army", "Norwegian Refugee Council": the whole name)
    if core and len(core) < len(head) and (len(core) == 1 or named[-1] in _INSTITUTION
                                           or named[-1] in _GROUP_TYPES or named[-1] in _GENERIC):
        if core[0] in _ALIAS and any(w in _GROUP_TYPES for w in head):
            return " ".join(named)
        return _ALIAS.get(core[0], groups.get(core[0], core[0]))
    last = (head or words)[-1]  # a person by surname: "President Donald Trump" -> "trump"
    return _ALIAS.get(last, groups.get(last, last))  # "Russian strikes" -> russia


_COUNTRY_WORD = lazy(r"\b" + trie(_ALIAS, longest=True) + r"\b")  # ~20x the plain alternation


@lru_cache(maxsize=65536)
def countries(text: str) -> frozenset[str]:
    """The countries ``text`` names, by name, capital or demonym ("Kyiv", "Russian")."""
    low = text.lower()
    out = {_ALIAS[m.group(0)] for m in _COUNTRY_WORD.finditer(low)
           if (m.group(0) not in {"us", "delhi"} or text[m.start():m.end()].isupper())
           and not not_the_country(text, low, m, _ALIAS)}
    return frozenset(out)  # a name inside a longer one is not named ("sudan" in "South Sudan")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text with its normalised key."""

    start: int
    end: int
    text: str
    key: str


_ENT = lazy(  # "2+2": a digit run starts after no digit (a long run was quadratic)
    r"(?:[A-Z][\w’'.&-]*|(?<![\w+])[0-9]+\+[0-9]+)(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w’'.&-]*)*"
)


_LOWER_PART = lazy(r"[a-z][\w’']*")


def _suffix_cut(word: str) -> str:
    """``word`` without its trailing lower-case hyphen parts ("US-brokered" -> "US"). Read part
    by part: a regex anchored at the end retried from every hyphen of a long token."""
    parts = word.split("-")
    k = len(parts)
    while k > 1 and _LOWER_PART.fullmatch(parts[k - 1]):
        k -= 1
    return "-".join(parts[:k])


def _add_entity(out: list[Mention], start: int, span: str) -> None:
    """The name in ``span`` (at ``start``), without the words that start no name (a title, a
    function word, a quantifier)."""
    start += len(span) - len(span.lstrip())  # the offsets below are into the stripped span
    span = re.sub(r"['’]s$", "", span.strip().rstrip(".’'"))
    words = span.split()
    while words and words[0].lower().strip(".") in _NOT_ENTITIES:
        words = words[1:]
    if len(words) == 1 and "-" in words[0].strip("-"):
        at = start + span.find(words[0])
        name = _suffix_cut(words[0])  # "US-brokered", "Al-Shabaab-linked"
        if name.lower() in _PREFIXES:
            return  # "Pro-government", "Anti-war"
        parts = name.split("-")
        if any(x.lower() in _ALIAS for x in parts) and all(x[:1].isupper() for x in parts):
            for x in parts:  # "Israel-Hamas", "Cambodian-Thai": each side a name
                _add_entity(out, at, x)
                at += len(x) + 1
            return
        words = [name]  # "Al-Shabaab", "Guinea-Bissau", "Port-au-Prince" stay one name
    if not words:
        return
    phrase = " ".join(words)
    key = norm_actor(phrase, fold_groups=False)  # names as written: "ISIS", "Islamic State"
    if not key or key in _NOT_ENTITIES or key.lower() in MONTHS or key in WEEKDAYS:
        return
    begin, end = start + span.find(words[0]), start + span.rfind(words[-1]) + len(words[-1])
    out.append(Mention(begin, end, phrase, key))  # the words' span as written ("El  Fasher")


@lru_cache(maxsize=65536)
def entities(text: str) -> tuple[Mention, ...]:
    """Capitalised names and acronyms, with country aliases folded ("New Delhi" -> india)."""
    out: list[Mention] = []
    for m in _ENT.finditer(text):
        # "Prime Minister Narendra Modi’s February trip": a possessive ends a name.
        for seg in re.finditer(r"[^’']+(?:['’]s\b|['’](?!s\b)[^’']*)?|.+", m.group(0)):
            _add_entity(out, m.start() + seg.start(), seg.group(0))
    # Lower-case demonyms and country words also name actors ("indian jets").
    for m in re.finditer(r"\b[a-z]+(?:\s[a-z]+)?\b", text):
        k = m.group(0)
        if (
            k in _ALIAS
            and k not in {"us", "delhi"}
            and not any(o.start <= m.start() < o.end for o in out)
        ):
            out.append(Mention(m.start(), m.end(), k, _ALIAS[k]))
    return tuple(sorted(out, key=lambda x: x.start))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with the word it counts ("five jets" -> 5.0, "jets")."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    bound: str = "="  # ">" for "more than 400", "<" for "up to 10", "~" for "about 12"


_NUM = lazy(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:"
    # a whole word: not the "ten" of "tensions", the "six" of "sixth", the "dozen" of "dozens"
    + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True))
    + r")\b)(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|lakh|crore|bn|k|m|dozen)\b)?"
    r"(?:\s*(?P<pct>%|per\s*cent|percent))?(?:[\s-]+(?P<unit>[A-Za-z][a-z-]*))?"
    r"(?:\s+(?P<unit2>[a-z][a-z-]*))?",
    re.I,
)


_BOUNDS = (
    (lazy(r"(?:more\s+than|over|at\s+least|above|exceeding|upwards?\s+of)\s*$"), ">"),
    (lazy(r"(?:less\s+than|fewer\s+than|under|up\s+to|at\s+most|below|nearly|almost|"
                r"as\s+many\s+as)\s*$"), "<"),
    (lazy(r"(?:about|around|roughly|approximately|some|nearly|an\s+estimated|dozens\s+of)\s*$"),
     "~"),
)


def _bound(before: str, after: str = "") -> str:
    """How the words around a number qualify it: exact, a lower or upper bound, or a guess
    ("at least 35", "35 or more")."""
    for rx, sign in _BOUNDS:
        if rx.search(before):
            return sign
    return ">" if _OR_MORE.match(after) else "="


_OR_MORE = lazy(r"\s+or\s+(?:more|above)\b")


def compatible(x: Quantity, y: Quantity) -> bool:
    """Whether two quantities of one thing can both be true ("439" and "more than 400")."""
    if abs(x.value - y.value) <= 1e-9 * max(abs(x.value), 1):
        return True
    for a, b in ((x, y), (y, x)):
        if a.bound == ">" and b.value > a.value and b.bound in "=>~":
            return True
        if a.bound == "<" and b.value < a.value and b.bound in "=<~":
            return True
        if a.bound == "~" and abs(b.value - a.value) <= 0.15 * max(abs(a.value), 1):
            return True
    return x.bound == y.bound and x.bound in "<>"  # two bounds the same way never clash


@lru_cache(maxsize=65536)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Numbers in ``text`` (digits or words, with scales), each with the noun that follows."""
    out = []
    seen = bytearray(len(text) + 1)  # positions inside a date or a number word: a mark per
    for d in dates(text):             # character, not a scan of every span per number
        seen[d.start:d.end] = b"\x01" * (d.end - d.start)
    words = [(a, b, _word_number(text[a:b])) for a, b in _word_runs(text)]
    for a, b, _ in words:
        seen[a:b] = b"\x01" * (b - a)
    for s, e, val in words:
        tail = _UNIT_AFTER.match(text, e)
        unit = (tail.group("unit") or "").lower()
        if (unit in _ALIAS or (tail.group("unit") or " ")[0].isupper()) and tail.group("unit2"):
            unit = tail.group("unit2").lower()
        unit = "" if unit in STOPWORDS else unit
        bound = _bound(text[max(0, s - 24):s].lower(), text[e:e + 64])
        out.append(Quantity(s, tail.end(), text[s:tail.end()], val, unit, bound))
    for m in _NUM.finditer(text):
        raw = m.group("num").lower()
        if seen[m.start()] or "+" in text[max(0, m.start() - 1) : m.end() + 1]:
            continue
        before = text[max(0, m.start() - 24) : m.start()].lower()
        if re.search(r"(?:19|20)\d\d$", raw) and len(raw) == 4:
            continue  # a year: the date detector's job
        if any(mo in before.split()[-1:] for mo in MONTHS) or re.search(r"\d+\s*[-–]\s*$", before):
            continue  # "May 7", the end of "7-10": dates
        if raw in NUMBER_WORDS:
            val = float(NUMBER_WORDS[raw])
        else:
            try:
                val = float(raw.replace(",", ""))
            except ValueError:
                continue
        if m.group("scale"):
            val *= SCALES[m.group("scale").lower()]
        elif raw == "half a":
            continue  # "half a day": a part, not a count
        unit = "%" if m.group("pct") else (m.group("unit") or "").lower()
        if (unit in _ALIAS or (m.group("unit") or " ")[0].isupper()) and m.group("unit2"):
            unit = m.group("unit2").lower()  # "five Indian jets" counts jets
        if unit in STOPWORDS and unit not in {"more"}:
            unit = ""
        if raw == "one" and not unit:
            continue
        bound = _bound(before, text[m.end("num"):m.end("num") + 64])
        out.append(Quantity(m.start(), m.end(), m.group(0), val, unit, bound))
    return tuple(sorted(out, key=lambda q: q.start))


_SMALL = {w: n for w, n in NUMBER_WORDS.items() if " " not in w and w not in ("hundred", "dozen")}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUMBER_WORD = "|".join(sorted([*_SMALL, "hundred", *_BIG], key=len, reverse=True))
_WORD_RUN = lazy(rf"\b(?:{_NUMBER_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_NUMBER_WORD}))*\b", re.I)
_WORD_TOKEN = lazy(rf"\b(?:{_NUMBER_WORD})\b", re.I)
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_UNITS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_SCALE_WORDS = frozenset({"hundred", *_BIG})


def _word_runs(text: str) -> list[tuple[int, int]]:
    """Numbers written in words of more than one word, as (start, end): "seventy-two" (tens,
    hyphen, units), "one hundred and twenty", "two hundred thousand" (a space only next to a
    scale word, "and" only after one). "Forty two-room houses" is forty, "two and three" two,
    "two thirty in the morning" two."""
    out = []
    for run in _WORD_RUN.finditer(text):
        toks = [(m.start(), m.end(), m.group(0).lower())
                for m in _WORD_TOKEN.finditer(text, run.start(), run.end())]
        groups = [[toks[0]]]
        for tok in toks[1:]:
            prev = groups[-1][-1]
            sep = text[prev[1]:tok[0]].strip().lower()
            hyphened = text[tok[1]:tok[1] + 1] == "-"  # "two-room": a word of its own
            joins = not hyphened and (
                (sep == "-" and prev[2] in _TENS and tok[2] in _UNITS)
                or (sep == "" and (tok[2] in _SCALE_WORDS or prev[2] in _SCALE_WORDS))
                or (sep == "and" and prev[2] in _SCALE_WORDS))
            if joins:
                groups[-1].append(tok)
            else:
                groups.append([tok])
        out += [(g[0][0], g[-1][1]) for g in groups if len(g) > 1]
    return out


_UNIT_AFTER = lazy(r"(?:[\s-]+(?P<unit>[A-Za-z][a-z-]*))?(?:\s+(?P<unit2>[a-z][a-z-]*))?")


def _word_number(words: str) -> float:
    """The value of a number written in words: "one hundred and twenty" -> 120, "seventy-two"
    -> 72, "two hundred thousand" -> 200,000."""
    total, current = 0.0, 0.0
    for w in re.split(r"\s+and\s+|\s+|-", words.lower()):
        if w == "hundred":
            current = max(current, 1.0) * 100
        elif w in _BIG:
            total += max(current, 1.0) * _BIG[w]
            current = 0.0
        elif w in _SMALL:
            current += _SMALL[w]
    return total + current


@dataclass(frozen=True, slots=True)
class DateRef:
    """A day, date, month, year or clock time mentioned in a text."""

    start: int
    end: int
    text: str
    kind: str  # weekday | monthday | month | year | time
    value: str


_TIME = lazy(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)|\b(?P<h24>[01]?\d|2[0-3]):"
    r"(?P<m24>[0-5]\d)\b"
    # "0400 GMT", "1300 hours": four digits only before a time zone or "hours"
    r"|\b(?P<hz>[01]\d|2[0-3])(?P<mz>[0-5]\d)(?=\s*(?:GMT|UTC|hrs|hours|local\s+time)\b)",
    re.I,
)
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTHDAY = lazy(
    rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*(?:[-–]|and|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?\b"
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH_RE})\b",
    re.I,
)


# A day and month in figures, either order ("14/3", "22/7/2024", "7/22"); not "24/7" (round
# the clock), a score or a fraction (read only when one figure is past 12).
_NUMERIC_DATE = lazy(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?:\d{4}|\d{2}))?"
                           r"(?![\d/])(?<!\b24/7)")
# "on the 14th", "since the 3rd": a day whose month the story gave earlier.
_ORDINAL_DAY = lazy(r"\b(?:on|since|from|until|by|before|after)\s+the\s+"
                          r"(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\b|century|"
                          r"anniversary|floor|time|round|birthday|minute|hour|day|year|place))",
                          re.I)
_MAY_VERB = lazy(r"\s+(?:be|have|not|also|well)\b")


# A claim that places what it counts in another happening than the one in the news ("30 were
# arrested at a separate protest last year"): no count of it contradicts the news's.
ANOTHER_HAPPENING = lazy(
    r"\b(?:(?:a|an)\s+(?:separate|earlier|previous|prior|unrelated|second|third|new)|another)\s+"
    r"(?:[\w-]+\s+)?(?:attack|protest|incident|clash(?:es)?|raid|strike|blast|bomb|explosion|"
    r"operation|offensive|fire|crash|round|wave|earthquake|quake|flood|storm)\b", re.I)
# not "last week" or "last year's sabotage": the news's own, told later


# Where a clause ends: punctuation, or a word that opens another clause.
_CLAUSE_BREAK = lazy(r"[,;:.]|\b(?:but|while|whereas|although|though|and\s+that)\b",
                           re.I)


def clause_start(text: str, at: int) -> int:
    """Where the clause holding position ``at`` begins: after the last comma, semicolon, colon,
    full stop or clause word (but, while, whereas, although, though, "and that") before it.
    What a cue's clause says of it ("was no accident", "plans to meet") is read from there."""
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)), default=0)


@lru_cache(maxsize=65536)
def elsewhere(text: str) -> bool:
    """Whether ``text`` places itself in another happening than the news's (``ANOTHER_HAPPENING``):
    read once per claim, not once per pair."""
    return bool(ANOTHER_HAPPENING.search(text))


_ISO_DATE = lazy(r"\b(?:19|20)\d\d-(?P<mo>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])\b")


@lru_cache(maxsize=65536)
def dates(text: str) -> tuple[DateRef, ...]:
    """Weekdays, month-days, months, years and clock times in ``text``."""
    out: list[DateRef] = []
    taken = bytearray(len(text) + 1)  # a mark per character inside a date already read

    def add(s: int, e: int, kind: str, value: str) -> None:
        if not taken[s]:
            out.append(DateRef(s, e, text[s:e], kind, value))
            taken[s:e] = b"\x01" * (e - s)

    for m in _TIME.finditer(text):
        if m.group("h24") or m.group("hz"):
            h, mins = m.group("h24") or m.group("hz"), m.group("m24") or m.group("mz")
            add(m.start(), m.end(), "time", f"{int(h):02d}:{mins}")
        else:
            h = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
            add(m.start(), m.end(), "time", f"{h:02d}:{m.group('m') or '00'}")
    for m in _ISO_DATE.finditer(text):  # "2024-03-03"
        add(m.start(), m.end(), "monthday", f"{m.group('mo')}-{m.group('dd')}")
    for m in _MONTHDAY.finditer(text):
        mon = (m.group("mon") or m.group("mon2")).lower()
        if mon == "may" and m.group("mon") and not text[m.start()].isupper():
            continue  # the verb "may"
        day = m.group("d") or m.group("d3")
        rng = f"-{m.group('d2')}" if m.group("d2") else ""
        add(m.start(), m.end(), "monthday", f"{MONTHS[mon]:02d}-{int(day):02d}{rng}")
    for m in _NUMERIC_DATE.finditer(text):  # "14/3", "7/22/2024": one way to read only
        a, b = int(m.group("a")), int(m.group("b"))
        if (a > 12) != (b > 12) and max(a, b) <= 31 and min(a, b) >= 1:
            add(m.start(), m.end(), "monthday", f"{min(a, b):02d}-{max(a, b):02d}")
    for m in _ORDINAL_DAY.finditer(text):  # "on the 14th": a day of a month not named ("00")
        add(m.start("d"), m.end(), "monthday", f"00-{int(m.group('d')):02d}")
    for m in re.finditer(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", text, re.I):
        add(m.start(), m.end(), "weekday", m.group(0).lower())
    for m in re.finditer(rf"\b(?:{_MONTH_RE})\b", text, re.I):
        if not text[m.start()].isupper():
            continue  # "they march on", "it may": a month is written with a capital
        if m.group(0) == "May" and _MAY_VERB.match(text, m.end()):
            continue
        add(m.start(), m.end(), "month", f"{MONTHS[m.group(0).lower()]:02d}")
    for m in re.finditer(r"\b(?:19|20)\d\d\b", text):
        add(m.start(), m.end(), "year", m.group(0))
    for m in re.finditer(
        r"\b(?:spring|summer|autumn|winter)\b|(?:(?<=this )|(?<=next )|(?<=last )|(?<=the ))fall\b",
        text,
        re.I,
    ):
        add(
            m.start(),
            m.end(),
            "season",
            "autumn" if m.group(0).lower() == "fall" else m.group(0).lower(),
        )
    return tuple(sorted(out, key=lambda d: d.start))


@lru_cache(maxsize=65536)
def content_tokens(text: str) -> tuple[str, ...]:
    """Lower-cased words minus stopwords and negations: what two statements are about."""
    return tuple(
        t
        for t in (w.lower() for w in _TOKEN.findall(text))
        if t not in STOPWORDS and t not in _NEGATION_WORDS and not t.endswith("n't")
    )


@lru_cache(maxsize=65536)
def token_set(text: str) -> frozenset[str]:
    """The set of ``content_tokens``."""
    return frozenset(content_tokens(text))


@lru_cache(maxsize=65536)
def overlap(a: str, b: str) -> float:
    """Share of the smaller claim's content words that the other also has (cached: the
    detectors, the features and the judge each ask it of the same pair)."""
    ta, tb = token_set(a), token_set(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


@lru_cache(maxsize=65536)
def _names(t: str) -> frozenset[str]:
    from ..ingest.split import (
        core,  # asides (parentheses, dashes) name things the claim is not about
    )

    return frozenset(m.key for m in entities(core(t)) if m.key not in COUNTRY_ALIASES)


def shared_anchors(a: str, b: str) -> set[str]:
    """Names (other than countries) and dates that both statements mention: the same who or when."""
    return set(_anchors(a) & _anchors(b))


@lru_cache(maxsize=65536)
def _anchors(t: str) -> frozenset[str]:
    return _names(t) | {f"{d.kind}:{d.value}" for d in dates(t)}


def name_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the names two statements mention (1.0 when either names no one)."""
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return 1.0
    return len(na & nb) / len(na | nb)
