"""Counts of the same thing in other words: what a number counts, its interval, and the
``count`` detector ("the blast killed 12" / "31 people died in the explosion")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Claim, Reason, Span
from ..detectors import Pair, detector, span_of
from ..gazetteer import Located, apart, located
from ..text import Quantity, countries, dates, elsewhere, entities, quantities, shared_anchors
from .happenings import HAPPENINGS, happenings, same_happening
from .owners import two_owners
from .predicates import OF_WHOLE, kind_of, nearest_predicate
from .scope import period, scoped
from .told import told_count, told_late
from .totals import MODIFIER_STOP, of_one_kind, one_noun, part_and_whole, part_of_a_total, two_sorts
from .zeros import human, more_than_all, no_harm, zeros

_PERSON_GENERIC = frozenset({"people", "person", "persons", "individuals", "individual",
                             "others", "survivors", "survivor",
                             "residents", "lives", "bodies", "victims", "casualties"})
_AIRCRAFT = frozenset({"jet", "jets", "aircraft", "plane", "planes", "warplane", "warplanes",
                       "fighter", "fighters", "fighter-jet", "fighter-jets", "helicopter",
                       "helicopters", "drone", "drones"})
# Durations: "a 17-month siege", "more than 14 months of fighting", in days.
DAYS_PER_UNIT = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365 / 12, "year": 365.0}
# A span tied to what lasts: "a 17-month siege", "14 months of fighting", "lasted 18 months";
# not "three years ago", "within 48 hours", "a 60-day truce", "set back by two years".
_LASTING_NOUN = (r"(?:wars?|sieges?|blockades?|fighting|conflict|occupation|invasion|offensive|"
                 r"hostilities|clashes|combat)")
# A duration is compared only between claims that both speak of what lasts.
_LASTING = lazy(rf"\b(?:{_LASTING_NOUN}|occupied|besieged)\b", re.I)
_LASTS_BEFORE = lazy(r"\b(?:lasted|lasting|has\s+lasted|had\s+lasted|raged\s+for|"
                           r"went\s+on\s+for)\s+(?:(?:more|less|fewer)\s+than\s+|nearly\s+|"
                           r"almost\s+|about\s+|some\s+|over\s+)?$", re.I)
_LASTS_AFTER = lazy(rf"^(?:\s*-?\s*long)?\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+)?"
                          rf"{_LASTING_NOUN}\b|(?:[\w-]+\s+)?{_LASTING_NOUN}\b)", re.I)


def _lasts(text: str, q: Quantity) -> bool:
    """Whether the number says how long a war, siege or the fighting lasted."""
    if re.search(rf"\b{_LASTING_NOUN}\b", q.text, re.I):
        return True  # "17-month siege": the noun came with the number
    return bool(_LASTS_BEFORE.search(text[max(0, q.start - 40):q.start])
                or _LASTS_AFTER.match(text[q.end:q.end + 40]))


@dataclass(frozen=True, slots=True)
class Count:
    """A number with what it counts: ``kind`` (deaths, injuries, ...) and ``head`` (the noun),
    and the interval of values it allows ("more than 300": 300 to infinity)."""

    q: Quantity
    kind: str
    head: str
    lo: float = 0.0
    hi: float = float("inf")


def interval(q: Quantity) -> tuple[float, float]:
    """The values a stated number allows: exact, a bound either way, or about (±15 %)."""
    v = q.value
    if q.bound == ">":
        return v, float("inf")
    if q.bound == "<":
        return 0.0, v
    if q.bound == "~":
        return 0.85 * v, 1.15 * v
    return v, v


def clash(x: Count, y: Count) -> bool:
    """Two counts of one thing whose intervals do not meet."""
    return x.hi < y.lo or y.hi < x.lo


_VAGUE = {"several dozen": (24, 96), "a few dozen": (24, 60), "dozens": (24, 99),
          "hundreds": (200, 999), "several hundred": (200, 900), "thousands": (2000, 9999),
          "several thousand": (2000, 9000), "tens of thousands": (20000, 99999),
          "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 9_999_999),
          "a handful": (2, 6), "scores": (40, 99), "a few hundred": (200, 600),
          "a few thousand": (2000, 6000), "two dozen": (24, 24), "a single": (1, 1),
          "only one": (1, 1), "a score of": (20, 20), "a hundred": (100, 100),
          "a thousand": (1000, 1000), "a million": (1_000_000, 1_000_000)}
_ROUND = frozenset({"two dozen", "a score of", "a hundred", "a thousand", "a million"})
_VAGUE_BOUND = lazy(r"\b(?:more\s+than|over|fewer\s+than|less\s+than|under|almost|nearly|"
                          r"about|around|some|roughly)\s+$", re.I)
_VAGUE_RE = lazy(r"\b(?P<v>" + "|".join(sorted(map(re.escape, _VAGUE), key=len,
                                                    reverse=True)) + r")\b(?:\s+of)?"
                       r"(?:\s+(?P<unit>[a-z-]+))?", re.I)
_RANGE_RE = lazy(r"\b(?:between\s+|from\s+)?(?<![\d,])(?P<a>\d[\d,]*)\s*"
                       r"(?:-|–|to|and|-to-)\s*(?P<b>\d[\d,]*)(?:\s+(?P<unit>[a-z-]+))?", re.I)


def singular(word: str) -> str:
    """A noun's singular, lower case ("casualties" -> "casualty", "tanks" -> "tank")."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


@lru_cache(maxsize=65536)
def counts(text: str) -> tuple[Count, ...]:
    """Each number of ``text`` with what it counts, read from its noun and the verbs around it.

    "The blast killed 12 people" and "31 people died" both count (deaths, person); "two of its jets
    were shot down" counts (losses, aircraft); "none of its aircraft were lost" is a zero of it.
    Numbers with no countable noun (years, ordinals, "one of the") are left out.
    """
    out = []
    late = told_late(text)  # read once: many numbers, one text
    whole = ""  # the noun of a whole a later part is counted out of ("40 drones, of which 35")
    for q, lo, hi in sorted(_stated(text), key=lambda x: x[0].start):
        number_end = q.start + len(q.text.split()[0]) if q.text.split() else q.end
        if _A_WHOLE.search(text, max(0, q.start - 30), q.start) and not _COUNTED_NOUN.match(
                text, number_end):
            continue  # the 25 of "19 of the 25 drones": the whole, not what happened; but the
            # 12 of "five of the 12 dead" counts the dead
        part = _PART_OF.match(text, number_end)
        if part and (_COUNTED_NOUN.match(text, part.end())
                     or part["back"] and text[:q.start].rstrip().endswith(",")):
            continue  # the five of "five of the 12 dead were children": a breakdown of a count;
            # the two of "Four soldiers, two of them officers, were wounded"
        if _OF_WHICH.match(text, q.end):
            whole = q.unit.lower()
        unit = q.unit.lower()
        if (whole and _OF_WHICH_BEFORE.search(text, max(0, q.start - 20), q.start)
                and _DONE_TO.match(text, number_end)):
            unit = whole  # the 35 of "40 drones, of which 35 were shot down"; not the five
            # of "12 people, of whom five were children"
        elif not unit or unit in _NO_UNIT and unit != "%":
            unit = _noun_after_of(text, q.start) or ""
        told = told_count(text, q) if late and (not unit or unit.endswith("ed")) else None
        if told:  # "put the number of civilians killed by the RSF at more than 2,000", "put
            unit = told[0]  # the crowd at 50,000"
        if unit == "lives" and _SAVED.search(text, max(0, q.start - 30), q.start):
            continue  # "saved thousands of lives": lives not lost
        if unit == "%":
            out.append(Count(q, "share", _share_owner(text, q), lo, hi))
            continue
        unit = _plural_after(text, q, unit)
        head = "aircraft" if unit in _AIRCRAFT else singular(unit) if unit else ""
        if unit in ("fighter", "fighters") and not _AIRBORNE.search(
                text[max(0, q.start - 50):q.end + 50]):
            head = "fighter"  # "40 Kessian fighters were taken prisoner": people, not jets
        head = _SAME_HEAD.get(head, head)
        if head in _PERSON_GENERIC or unit in _PERSON_GENERIC or countries(head):
            head = "person"  # "471 Palestinians": people (whose, the actor guard reads)
        window = text[max(0, q.start - 50):min(len(text), q.end + 50)]
        kind = kind_of(told[1]) if told else nearest_predicate(text, q)
        if not head or head in {"dead", "killed", "died", "injured", "wounded", "toll"}:
            if kind in ("deaths", "injuries", "missing", "arrests", "displacement"):
                head = "person"  # "12 died", "killed 31", "the toll at 500"
            else:
                continue
        if head in DAYS_PER_UNIT:  # how long something lasted, whatever the unit
            if _lasts(text, q):
                f = DAYS_PER_UNIT[head]  # units round: 24 months and two years are one span
                out.append(Count(q, "duration", "days", lo * f * 0.98, hi * f * 1.02))
            continue
        if (head == "aircraft" and kind is None and re.search(r"\bshot\s+down\b", window, re.I)
                and not _OF_WHICH.match(text, q.end)):
            kind = "losses"
        if kind and re.search(r"\b(?:nearly|almost)\s*$", text[max(0, q.start - 12):q.start], re.I):
            lo = 0.75 * hi  # "nearly 20,000 families" displaced: close below it, not any fewer;
            # a bare count ("nearly 100 vessels" beside "two vessels" boarded) stays up to it
        if kind in _TOLLS and hi == float("inf") and _tally(text, q, lo):
            hi = lo  # "at least 471 were killed": the tally so far, not any number above it
        if kind == "losses" and (head == "person" or human(head)):
            kind = "deaths"  # "it lost three soldiers in the ambush": three were killed
        if kind == "arrests" and head in _HELD:
            head = "person"  # "eight suspects are in custody" / "eleven people were detained"
        if kind == "treated":  # so many in hospital, and at least so many hurt
            out.append(Count(q, "treated", head, lo, hi))
            kind, hi = "injuries", float("inf")
        if kind in (None, "crowd"):  # a crowd's size counts people, whoever they are:
            if "protest" in happenings(text) and (head in _MARCHERS or head == "person"):
                head = "person"  # "20,000 marched" / "5,000 protesters took part"
            kind = None  # "40 countries took part in the talks": a count of them
        out.append(Count(q, kind or "count", head, lo, hi))
    return tuple(out)


# Counts of people harmed or held, which outlets give as a tally so far ("at least 471 killed").
_TOLLS = frozenset({"deaths", "injuries", "arrests", "missing", "displacement"})
_AT_LEAST = lazy(r"\b(?:at\s+least|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than)"
                       r"\s*$", re.I)
_OR_MORE = lazy(r"\s*(?:[\w-]+\s+)?or\s+more\b", re.I)


def _tally(text: str, q: Quantity, lo: float) -> bool:
    """Whether a lower bound is the tally so far: an inclusive bound ("at least", "no fewer
    than", "or more") on a figure in digits that is not round (not a multiple of 10); "more
    than 25" excludes 25, and "at least 400" is a rough floor."""
    if not q.text[:1].isdigit() or lo < 10 or not lo % 10:
        return False
    number_end = q.start + len(q.text.split()[0])
    return bool(_AT_LEAST.search(text, max(0, q.start - 25), q.start)
                or _OR_MORE.match(text, number_end))


# Who a crowd is made of: one head, so "5,000 took part" meets "20,000 protesters marched".
_MARCHERS = frozenset({"protester", "marcher", "participant", "supporter", "marched", "rallied",
                       "took", "turned", "thronged", "joined", "attended", "protested",
                       "demonstrated"})
_HELD = frozenset({"suspect", "detainee", "prisoner", "captive"})
# Words read after a number that count nothing: "400,000, from atrocities" counts no atrocity.
_NO_UNIT = frozenset({"of", "more", "percent", "per", "from", "in", "on", "at", "by", "since",
                      "after", "during", "across", "to", "with", "for", "and", "or"})
_SAME_HEAD = {"troop": "soldier", "serviceman": "soldier", "servicemen": "soldier", "house": "home",
              "household": "home", "demonstrator": "protester",
              "reporter": "journalist", "vessel": "ship", "boat": "ship", "lorry": "truck",
              "rebel": "fighter", "militant": "fighter", "inmate": "prisoner", "pupil": "children",
              "child": "children", "employee": "staff",
              "insurgent": "fighter", "combatant": "fighter", "policeman": "police",
              "policemen": "police", "policewoman": "police", "policewomen": "police"}
# Fighters are aircraft only where something flies: "two fighters were shot down".
_AIRBORNE = lazy(r"\b(?:shot\s+down|downed|jets?|planes?|aircraft|air\s+force|airspace|"
                       r"crash\w*|flew|flying|sorties?|squadrons?)\b", re.I)
# Plurals without an s: the counted thing itself ("30 people, officials said" counts people).
_PLURAL_NOUNS = frozenset({"people", "children", "men", "women", "police", "personnel", "staff",
                           "servicemen", "aircraft", "cattle", "sheep"})


# Singular nouns in -s, which may modify the noun counted ("four gas leaks" counts leaks).
_SINGULAR_S = frozenset({"gas", "bus", "news", "status", "census", "virus", "campus", "bonus",
                         "surplus", "bias", "atlas", "lens"})


def _plural_after(text: str, q: Quantity, unit: str) -> str:
    """The counted noun when the word after the number modifies it: "38 aid trucks" counts
    trucks, "100 ballistic missiles" missiles (the plural noun within the next two words)."""
    if (not unit or unit.endswith("s") and unit not in _SINGULAR_S or not unit.isalpha()
            or unit in _PERSON_GENERIC or unit in _PLURAL_NOUNS):
        return unit
    at = re.search(rf"\b{re.escape(unit)}\b", text[q.start:q.end + 30], re.I)
    if at is None:
        return unit
    if q.value == 1:  # "a single fishing boat on Thursday": the word before the phrase ends
        return one_noun(text, q.start + at.end()) or unit
    # the next one or two words, joined by spaces only: a comma or a digit ends the phrase
    m = re.match(r"((?:\s+[a-z-]+){1,2})", text[q.start + at.end():q.start + at.end() + 40])
    for w in (m.group(1).split() if m else ()):
        if MODIFIER_STOP.match(w):
            return unit
        if w.endswith("s") and not w.endswith("ss") and len(w) > 3 or w in _PLURAL_NOUNS:
            return w  # "38 aid trucks", "nine foreign relief staff"
    return unit


def _stated(text: str) -> list[tuple[Quantity, float, float]]:
    """Numbers with their intervals: plain ones, zeros, ranges ("100 to 300") and vague ones
    ("several dozen", "hundreds")."""
    ranges = []
    for m in _RANGE_RE.finditer(text):
        try:
            a, b = float(m.group("a").replace(",", "")), float(m.group("b").replace(",", ""))
        except ValueError:
            continue
        if a < b and not (1900 <= a <= 2100 and 1900 <= b <= 2100):
            q = Quantity(m.start(), m.end(), m.group(0), a, (m.group("unit") or "").lower(), "~")
            ranges.append((q, a, b))
    out = list(ranges)
    for m in _VAGUE_RE.finditer(text):
        if re.search(r"\b(?:not|without|no)\s+$", text[max(0, m.start() - 9):m.start()], re.I):
            continue  # "not a single soldier": a zero (``zeros``)
        if re.search(r"\bhalf\s+$", text[max(0, m.start() - 6):m.start()], re.I):
            continue  # "half a million": 500,000, read by ``quantities``
        lo, hi = _VAGUE[m.group("v").lower()]
        bound = _VAGUE_BOUND.search(text, max(0, m.start() - 12), m.start())
        word = bound.group(0).lower() if bound else ""
        if word.startswith(("more", "over")):  # "more than a thousand"
            lo, hi = lo, float("inf")
        elif word.startswith(("fewer", "less", "under", "almost", "nearly")):
            lo, hi = 0, hi  # "almost a thousand": up to it (of a harm: ``counts``)
        elif word or m.group("v").lower() in _ROUND:
            lo, hi = 0.85 * lo, 1.15 * hi  # "about a hundred", "two dozen": round figures
        unit = (m.group("unit") or "").lower()
        out.append((Quantity(m.start(), m.end(), m.group(0), float(lo), unit, "~"), lo, hi))
    taken = [(q.start, q.end) for q, _, _ in out]
    for q in list(quantities(text)) + list(zeros(text)):
        if any(s <= q.start < e or q.start <= s < q.end for s, e in taken):
            continue
        if q.text.split()[0].lower() == "one" and q.value == 1 and not _ONE_HARMED.match(
                text, q.start):
            continue  # "one of", "the one officials gave": rarely a count
        before = text[max(0, q.start - 20):q.start].lower()
        if re.search(r"(?:no|not)\s+(?:fewer|less)\s+than\s*$", before):
            q = Quantity(q.start, q.end, q.text, q.value, q.unit, ">")
        elif re.search(r"(?:no|not)\s+more\s+than\s*$", before):
            q = Quantity(q.start, q.end, q.text, q.value, q.unit, "<")
        out.append((q, *interval(q)))
    for m in _ONE_HARMED.finditer(text):  # "one was wounded": no noun, so no quantity
        if not any(s <= m.start() < e for s, e in taken) and not any(
                q.start == m.start() for q, _, _ in out):
            q = Quantity(m.start(), m.end("one"), m.group("one"), 1.0, "", "=")
            out.append((q, 1.0, 1.0))
    return [(q, lo, hi) if q.unit not in _NOT_UNITS else
            (Quantity(q.start, q.end, q.text, q.value, "", q.bound), lo, hi) for q, lo, hi in out]


_NOT_UNITS = frozenset({"range", "in", "on", "at", "are", "is", "were", "was", "have", "had"})
# "One" counts only where it is harmed: "one was wounded", "one soldier died"; not "one of them"
# nor "the one officials gave".
_ONE_HARMED = lazy(r"(?<!\bno\s)(?<!\bnot\s)(?<!\bno-)(?<!\bno\s-\s)"
                         r"\b(?P<one>one)\s+(?:[a-z]+\s+)?"
                         r"(?:(?:was|has\s+been|had\s+been)\s+)?"
                         r"(?:killed|wounded|injured|hurt|died)\b", re.I)  # "no-one": none


_SAVED = lazy(r"\b(?:sav|spar|protect|rescu)\w*\s+(?:[\w-]+\s+){0,2}$", re.I)
def _noun_after_of(text: str, start: int) -> str | None:
    """"two of its jets", "two of the army's jets": the noun after "of (its|the|...)"."""
    m = _OF_ITS.match(text, start, start + 120)  # a bounded look: a long token ahead is
    return m.group("n").lower() if m else None   # read once, not once per number in it


# "40 drones (overnight), of which 35 ...": a whole, then the part counted out of it.
_OF_WHICH = lazy(rf"(?:\s+[a-z]+){{0,2}}\s*,?\s+{OF_WHOLE}\b", re.I)
_OF_WHICH_BEFORE = lazy(rf"\b{OF_WHOLE}\s+$", re.I)
# "were shot down", "had been destroyed": what was done to a part.
_DONE_TO = lazy(r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:[a-z]+ed|shot|"
                      r"hit|lost|struck|taken|held|brought|down)\b", re.I)
# A noun that is itself a count of what happened: "the 12 dead", "the 40 wounded".
_COUNTED_NOUN = lazy(r"\s+(?:dead|killed|wounded|injured|missing|detained|arrested|"
                           r"displaced|casualties|victims)\b", re.I)
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?")
_OF_ITS = lazy(r"\S+\s+(?:out\s+)?of\s+(?:its|the|their|his|her|our|those|these)\s+"
                     rf"(?:[\w’'-]+['’]s\s+)?(?:(?:[\d,]+|{_NUMBER_WORD})\s+)?(?P<n>[a-z-]+)",
                     re.I)
# The whole a part is counted out of: "19 of the 25 drones", "nineteen out of twenty-five": the
# count is the part.
_PART_OF = lazy(rf"\s+(?:out\s+)?of\s+(?:(?:the\s+|its\s+|their\s+)?(?:\d[\d,]*|"
                      rf"{_NUMBER_WORD})|(?P<back>those|them|whom))", re.I)
_A_WHOLE = lazy(rf"\b(?:(?:\d[\d,]*|{_NUMBER_WORD})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|"
                      r"their\s+)?|(?:half|(?:a|one|two|three)\s+(?:quarter|third|fifth|tenth)s?|"
                      r"majority|most)\s+of\s+(?:the\s+|its\s+|their\s+|[\w-]+['’]s\s+)?)$", re.I)


def _no_harm(text: str) -> tuple[Count, ...]:
    """``zeros.no_harm`` as counts of people (``_all_counts`` keeps them once per claim)."""
    return tuple(Count(q, kind, head, 0.0, 0.0) for q, kind, head in no_harm(text))


def denied_loss(c: Claim) -> tuple[Count, ...]:
    """A denial of any loss ("Varnia denied losing any aircraft", "denied that a single soldier
    was killed"), or all of a kind back safe ("all its aircraft returned safely"), as a count of
    zero: the loss it rules out, against a count of it elsewhere."""
    return _denied_loss(c.content, c.stance)


def _denied_loss(content: str, stance: str) -> tuple[Count, ...]:
    """``denied_loss`` of a claim's content and stance (all it reads); ``_all_counts`` keeps
    it once per claim."""
    if stance == "asserts":
        m = _ALL_BACK.search(content)
        unit, verb = (m.group("unit"), "lost") if m else ("", "")
    elif stance == "denies":
        m = _DENIED_ANY.search(content)
        unit = (m.group("unit") or m.group("unit2")) if m else ""
        verb = (m.group("verb") or "lost") if m else ""
    else:
        return ()
    if m is None:
        return ()
    said = counts(f"No {unit} were {verb}.")
    q = Quantity(m.start(), m.end(), m.group(0), 0.0, unit)
    return tuple(Count(q, x.kind, x.head, 0.0, 0.0) for x in said[:1])


# "all its aircraft returned safely to base", "every one of our jets came back unharmed"
_ALL_BACK = lazy(
    r"\b(?:all|every\s+one)\s+(?:of\s+)?(?:its|their|our|the)\s+(?:[\w-]+\s+)?(?P<unit>aircraft|"
    r"jets|planes|warplanes|helicopters|drones|ships|vessels|boats|tanks|pilots)\s+(?:had\s+|have\s+)?"
    r"(?:returned|came\s+back|made\s+it\s+back|landed)\s+(?:safely|unharmed|intact|to\s+(?:base|"
    r"port))(?![^.;]*\b(?:except|but|apart\s+from|save\s+for|other\s+than)\b)", re.I)
# "losing any aircraft", "that any of its jets were shot down", "a single soldier was killed"
_DENIED_ANY = lazy(
    r"\b(?:(?:losing|having\s+lost|lost)\s+(?:any|a\s+single)\s+(?P<unit>[a-z-]+)"
    r"|(?:any|a\s+single)\s+(?:of\s+(?:its|their|his|her)\s+)?(?P<unit2>[a-z-]+)\s+(?:was|were|"
    r"had\s+been)\s+(?P<verb>lost|killed|shot\s+down|downed|destroyed|captured))", re.I)


def _share_owner(text: str, q: Quantity) -> str:
    """Whose percentage: the name closest before it in its clause ("Maduro won 51%")."""
    clause_start = max(text.rfind(p, 0, q.start) for p in (",", ";", ".", " while ", " and "))
    names = [e for e in entities(text) if clause_start < e.start < q.start]
    if names:
        return names[-1].key
    after = [e for e in entities(text) if q.end <= e.start < q.end + 40]
    return after[0].key if after else ""



@detector("count")
def count(p: Pair) -> Reason | None:
    """Counts of the same thing in one happening that cannot both be true, however worded."""
    ca = _all_counts(p.a.content, p.a.stance)
    cb = _all_counts(p.b.content, p.b.stance) if ca else ()
    if not ca or not cb:
        return None
    in_scope = scoped(p.a.content), scoped(p.b.content)
    if another_occasion(p.a.content, p.b.content) or swapped_actor(p):
        return None  # counts of different days, or "at a separate protest last year"
    if {period(p.a.content), period(p.b.content)} == {"recent", "long"}:
        return None  # the last day's toll against the toll since the war began: two stretches
    keys = {(c.kind, c.head) for c in ca} & {(c.kind, c.head) for c in cb}
    found = [([c for c in ca if (c.kind, c.head) == key],
              [c for c in cb if (c.kind, c.head) == key], key) for key in sorted(keys)]
    found += more_than_all(ca, cb)
    for xs, ys, key in found:
        if in_scope[0] != in_scope[1] and not any(c.hi == 0 for c in (xs if in_scope[0] else ys)):
            continue  # a running total against one day's figure, a rate against a count; but
            # "none of its jets lost since the offensive began" holds for any week of it
        xs, ys = of_one_kind(p, xs, ys)  # "100 ballistic missiles" beside the 300 of all kinds
        if (any(not clash(x, y) for x in xs for y in ys) or part_and_whole(p, xs[0], ys[0])
                or part_of_a_total(p, xs[0], ys[0]) or two_sorts(xs[0], ys[0])
                or two_owners(p.a, xs[0].q, p.b, ys[0].q)):
            continue
        if key[0] == "duration":  # how long the siege or the war lasted, in other units
            if not (_LASTING.search(p.a.content) and _LASTING.search(p.b.content)
                    and p.similarity >= 0.3):
                continue
            x, y = xs[0], ys[0]
            sx, sy = number_span(p.a, x.q), number_span(p.b, y.q)
            return Reason("number", f"{sx.text!r} vs {sy.text!r} (how long it lasted)",
                          (p.a.id, p.b.id), (sx, sy),
                          weight=0.6 + 0.3 * min(1.0, max(0.0, p.similarity)))
        kinds = frozenset({key[0]}) if key[0] in HAPPENINGS else frozenset(HAPPENINGS)
        harm = frozenset({"deaths", "injuries"})
        if key[0] in harm and all(harm & happenings(c.content) for c in (p.a, p.b)):
            kinds = frozenset(HAPPENINGS)  # "killed four" / "nobody was harmed": one harm
        if key[0] in ("count", "share", "losses", "released"):
            kinds = frozenset(HAPPENINGS)
        floor = 0.4 if key[0] in ("losses", "released") else 0.55  # "its jets": one owner
        x, y = xs[0], ys[0]
        # both count deaths: both tell of deaths, however worded ("killing 11"), when close
        told = frozenset({key[0]}) & kinds if p.similarity >= floor else frozenset()
        if not same_happening(p, kinds, floor, told=told) and not (
                key[0] == "share" and key[1]) and not (
                key[0] != "count" and _unnamed(p, floor)) and not pinned(p, key[0]) and not (
                key[0] == "count" and p.similarity >= 0.5 and _one_holder(p, x, y)):
            continue
        what = key[0] if key[0] not in ("count",) else key[1]
        sx, sy = number_span(p.a, x.q, x.head), number_span(p.b, y.q, y.head)
        return Reason("number", f"{sx.text!r} vs {sy.text!r} ({what})", (p.a.id, p.b.id),
                      (sx, sy), weight=0.6 + 0.3 * min(1.0, max(0.0, p.similarity)))
    return None


@lru_cache(maxsize=65536)
def _all_counts(content: str, stance: str) -> tuple[Count, ...]:
    """A claim's counts, with the zeros of a loss it denies and of harm it rules out: joined
    once per claim, not twice per pair."""
    return counts(content) + _denied_loss(content, stance) + _no_harm(content)


_HOLDER_STOP = frozenset({"that", "which", "were", "with", "from", "into", "than", "more", "about",
                          "some", "least", "said", "says", "have", "been", "their", "this",
                          "these", "those", "other", "after", "before", "over", "million",
                          "thousand", "hundred", "billion", "dozen", "percent"})


def _one_holder(p: Pair, x: Count, y: Count) -> bool:
    """Two counts of a thing held by one named noun beside each number ("a convoy of 30
    trucks" / "the 45-truck convoy"): one thing counted twice."""
    def near(text: str, q: Quantity) -> set[str]:
        if _ANOTHER.search(text[max(0, q.start - 30):q.end + 30].lower()):
            return set()  # "a second convoy of 45 trucks": another one
        # the noun the number is of: "a convoy of 30", "the 45-truck convoy" (common nouns: a
        # place holds many things; "the army deployed 2,000 troops" is no holder)
        of = re.search(r"\b([a-z]{4,})\s+of\s+(?:about\s+|some\s+|nearly\s+)?$", text[:q.start])
        first = (q.text.split() or [""])[0]
        after = "-" in first and re.match(r"\s+([a-z]{4,})\b", text[q.start + len(first):])
        return {singular(m.group(1)) for m in (of, after) if m} - _HOLDER_STOP - {x.head, y.head}
    return bool(near(p.a.content, x.q) & near(p.b.content, y.q))


_ANOTHER = lazy(r"\b(?:first|second|third|another|next|new|further|earlier|previous|"
                      r"last|latest|each|every|per)\b")


def pinned(p: Pair, kind: str) -> bool:
    """Counts of one kind of happening (deaths, detentions, losses; not bare counts of things)
    in two claims that name the same place or person (a day alone is not enough) and at most
    one of which names a happening (two named happenings are for ``same_happening``): "40
    fighters were taken prisoner at the Merro Pass" / "only nine rebels were captured at the
    pass, the Front said"."""
    if kind == "count" or p.similarity < 0.35:
        return False
    if happenings(p.a.content) and happenings(p.b.content):
        return False
    return any(":" not in a for a in shared_anchors(p.a.content, p.b.content))


def _unnamed(p: Pair, floor: float) -> bool:
    """Neither claim names a kind of happening ("two tanks were destroyed" / "they destroyed
    three tanks"; "200 were detained" / "45 were arrested"), so nothing marks two happenings:
    the losses or arrests they count are one when the claims are this close."""
    return not happenings(p.a.content) and not happenings(p.b.content) and (
        p.similarity >= floor)


def number_span(c: Claim, q: Quantity, head: str = "") -> Span:
    """The number and its noun ("12 people"), without the words the pattern ran on into; up to
    ``head`` where a word comes between ("38 aid trucks")."""
    words = q.text.split()
    keep = words[:1] + [w for w in words[1:2] if w.lower() not in _FILLER]
    if len(words) > 2 and words[1].lower() == "of":
        keep = words[:2] + [w for w in words[2:4]]
    heads = {head, "people"} if head == "person" else {head}  # "a few hundred people"
    at = [k for k, w in enumerate(words[1:4], 1)
          if head and singular(w.lower().strip(",;:.")) in heads]
    if at and at[0] >= len(keep):
        keep = words[:at[0] + 1]
    text = " ".join(keep)
    return span_of(c, q.start, q.start + len(text))


_FILLER = frozenset({"in", "on", "at", "of", "the", "were", "was", "died", "had", "have", "and"})


def another_occasion(a: str, b: str) -> bool:
    """Whether two claims tell of two occasions: one of them tells of another ("at a separate
    protest last year": ``elsewhere``), or they date it to other days (``dates_differ``)."""
    return elsewhere(a) or elsewhere(b) or dates_differ(a, b)


def dates_differ(a: str, b: str) -> bool:
    """Whether two texts date what they count to other days or years ("this year's heatwave" /
    "last year's")."""
    (ya, da, kinds_a), (yb, db, kinds_b) = _days_of(a), _days_of(b)
    if ya and yb and not ya & yb:
        return True
    return bool(da and db and kinds_a & kinds_b and not da & db)


@lru_cache(maxsize=65536)
def _days_of(t: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What ``dates_differ`` compares of one text, read once per text, not once per pair: its
    "this / last / next year", and the values and kinds of its month-days and weekdays."""
    days = [d for d in dates(t) if d.kind in ("monthday", "weekday")]
    return (frozenset(_WHICH_YEAR.findall(t.lower())), frozenset(d.value for d in days),
            frozenset(d.kind for d in days))


_WHICH_YEAR = lazy(r"\b(this|last|next)\s+year")


def swapped_actor(p: Pair) -> bool:
    """Each claim counts someone else's ("Israeli" vs "Palestinian" deaths), or what happened
    in places apart ("killed in Iran" / "killed in Israel"; "fired at Ukraine" / "sent towards
    Russia")."""
    ca, cb = countries(p.a.content), countries(p.b.content)
    if ca and cb and not ca & cb:
        return True
    xs, ys = _countries_located(p.a.content), _countries_located(p.b.content)
    return bool(xs and ys and apart(xs, ys))


@lru_cache(maxsize=65536)
def _countries_located(text: str) -> tuple[Located, ...]:
    """The places a claim locates things at, when each is a country: where the dead or the
    drones were ("in Iran", "towards Russia"), not the city of a briefing ("at a briefing in
    Geneva") nor a town the gazetteer may misread."""
    xs = located(text)
    return xs if xs and all(r.kind == "country" for x in xs for r in x.readings) else ()


