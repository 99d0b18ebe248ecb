"""Meaning-level frames: compare what two claims say happened before comparing their values.

Outlets paraphrase, so two reports of one happening rarely align word by word. These detectors
first ask whether two claims speak of the same kind of happening (a ceasefire taking effect, a
blast, deaths, a summit: ``happenings``) about the same who and where, and only then compare
values: counts of the same thing ("the blast killed 12" / "31 people died in the explosion"),
times and dates of the happening ("began at 14:00" / "fell silent from 6 pm"), and who is credited
or blamed for it ("the US brokered the ceasefire" / "agreed bilaterally without mediation";
"Russian forces blew up the dam" / "Moscow blamed Ukrainian shelling"). Every conflict names its
values and spans; equal values of the same happening in other words are a ``same-value`` reason,
which the judge counts toward agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Claim, Reason, Span
from .detectors import DETECTORS, Credit, Pair, credit_phrase, credits, span_of, speaker_key
from .text import (
    COUNTRY_NAMES,
    DateRef,
    Quantity,
    countries,
    dates,
    entities,
    norm_actor,
    quantities,
)

# ---------------------------------------------------------------- happenings

_HAPPENING_PATTERNS: dict[str, str] = {
    "ceasefire": r"cease-?fires?|truces?|pause\s+in\s+(?:the\s+)?fighting|guns\s+(?:fell|went|"
                 r"were)\s+silent|stop(?:ped|s)?\s+(?:firing|shooting|fighting)|halt(?:ed|s)?\s+"
                 r"(?:the\s+)?(?:fighting|hostilities|attacks)|cessation\s+of\s+hostilities|"
                 r"armistice|hold\s+fire|lay\s+down\s+(?:their\s+)?arms|"
                 r"(?:fighting|firing|shelling|clashes|explosions|blasts|guns)\s+(?:[\w-]+\s+){0,4}?"
                 r"(?:stopped|ceased|ended|died\s+(?:away|down)|fell\s+silent|subsided)",
    "deal": r"deal|agreement|accord|pact|treaty|signed",
    "blast": r"blasts?|explosions?|exploded|blew\s+up|blown\s+up|bomb(?:ing|ed|s)?|detonat\w+",
    "strike": r"(?:air|drone|missile)?\s*strikes?|airstrikes?|missiles?|rockets?|shelling|"
              r"shelled|attacks?|attacked|raids?|bombard\w*|drones?",
    "deaths": r"killed|died|dead|deaths?|death\s+toll|toll|lives|fatalities|bodies|casualties",
    "injuries": r"injured|wounded|hurt|injuries",
    "meeting": r"summit|met\b|meetings?|talks|visit(?:ed|s)?|held\s+talks",
    "election": r"elections?|votes?|ballots?|polls?|tally|tallies|re-?elected|won",
    "hostages": r"hostages?|captives?|abductees",
    "prisoners": r"prisoners?|detainees?",
    "aircraft": r"jets?|aircraft|planes?|warplanes?|fighter\s+jets?|helicopters?",
    "displacement": r"displaced|evacuat\w+|fled|homeless|refugees",
    "capture": r"captured|seized|took\s+control|fell\s+to|overran|control\s+of|"
               r"(?:was|were|been|had)\s+taken|(?:have|has|had)\s+taken|entered(?!\s+into)|"
               r"moved\s+into|marched\s+into|swept\s+into|stormed",
    "flood": r"flood\w*|submerged|under\s+water|inundat\w+",
    "dam": r"dam|reservoir",
    "hospital": r"hospital",
}
_HAPPENINGS = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _HAPPENING_PATTERNS.items()}
# Happenings whose time or date two reports can disagree on.
TIMED = frozenset({"ceasefire", "deal", "blast", "strike", "meeting", "election", "capture",
                   "flood", "dam"})


@lru_cache(maxsize=65536)
def happenings(text: str) -> frozenset[str]:
    """The kinds of happening ``text`` speaks of ("ceasefire", "deaths", "blast", ...)."""
    return frozenset(k for k, rx in _HAPPENINGS.items() if rx.search(text))


# ---------------------------------------------------------------- what a number counts

_COUNT_PREDICATES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(rf"\b(?:{v})\b", re.I)) for k, v in (
        ("deaths", r"killed|died|dead|deaths?|death\s+toll|toll|lives|fatalities|bodies|"
                   r"perished|killing"),
        ("injuries", r"injured|wounded|hurt|injuries|injuring|wounding"),
        ("displacement", r"displaced|evacuated|fled|homeless|evacuees|refugees"),
        ("missing", r"missing|unaccounted"),
        ("arrests", r"arrested|detained|arrests"),
        ("losses", r"lost|shot\s+down|downed|destroyed|losses"),
        ("released", r"released|freed|release|handed\s+over|free"),
    )
)
_PERSON_GENERIC = frozenset({"people", "person", "persons", "individuals", "individual", "others",
                             "residents", "lives", "bodies", "victims", "casualties"})
_AIRCRAFT = frozenset({"jet", "jets", "aircraft", "plane", "planes", "warplane", "warplanes",
                       "fighter", "fighters", "fighter-jet", "fighter-jets", "helicopter",
                       "helicopters", "drone", "drones"})
_SCOPE_WORDS = re.compile(r"\b(?:total|overall|so\s+far|since|cumulative|in\s+all|combined|"
                          r"each|per|a\s+day|daily|annually|a\s+year|every)\b", re.I)


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
          "a handful": (2, 6), "scores": (40, 99)}
_VAGUE_RE = re.compile(r"\b(?P<v>" + "|".join(sorted(map(re.escape, _VAGUE), key=len,
                                                    reverse=True)) + r")\b(?:\s+of)?"
                       r"(?:\s+(?P<unit>[a-z-]+))?", re.I)
_RANGE_RE = re.compile(r"\b(?:between\s+|from\s+)?(?P<a>\d[\d,]*)\s*(?:-|–|to|and|-to-)\s*"
                       r"(?P<b>\d[\d,]*)(?:\s+(?P<unit>[a-z-]+))?", re.I)


def _singular(word: str) -> str:
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
    for q, lo, hi in _stated(text):
        unit = q.unit.lower()
        if not unit or unit in {"of", "more", "percent", "per"} and unit != "%":
            unit = _noun_after_of(text, q.start) or ""
        if unit == "%":
            out.append(Count(q, "share", _share_owner(text, q), lo, hi))
            continue
        head = "aircraft" if unit in _AIRCRAFT else _singular(unit) if unit else ""
        if head in _PERSON_GENERIC or head in {"people", "person"} or countries(head):
            head = "person"  # "471 Palestinians": people (whose, the actor guard reads)
        window = text[max(0, q.start - 50):min(len(text), q.end + 50)]
        kind = _nearest_predicate(text, q)
        if not head or head in {"dead", "killed", "died", "injured", "wounded", "toll"}:
            if kind in ("deaths", "injuries", "missing", "arrests", "displacement"):
                head = "person"  # "12 died", "killed 31", "the toll at 500"
            else:
                continue
        if head == "aircraft" and kind is None and re.search(r"\bshot\s+down\b", window, re.I):
            kind = "losses"
        out.append(Count(q, kind or "count", head, lo, hi))
    return tuple(out)


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
        lo, hi = _VAGUE[m.group("v").lower()]
        unit = (m.group("unit") or "").lower()
        out.append((Quantity(m.start(), m.end(), m.group(0), float(lo), unit, "~"), lo, hi))
    taken = [(q.start, q.end) for q, _, _ in out]
    for q in list(quantities(text)) + list(_zeros(text)):
        if any(s <= q.start < e or q.start <= s < q.end for s, e in taken):
            continue
        if q.text.split()[0].lower() == "one":
            continue  # "one of", "the one officials gave": rarely a count
        before = text[max(0, q.start - 20):q.start].lower()
        if re.search(r"(?:no|not)\s+(?:fewer|less)\s+than\s*$", before):
            q = Quantity(q.start, q.end, q.text, q.value, q.unit, ">")
        elif re.search(r"(?:no|not)\s+more\s+than\s*$", before):
            q = Quantity(q.start, q.end, q.text, q.value, q.unit, "<")
        out.append((q, *interval(q)))
    return [(q, lo, hi) if q.unit not in _NOT_UNITS else
            (Quantity(q.start, q.end, q.text, q.value, "", q.bound), lo, hi) for q, lo, hi in out]


_NOT_UNITS = frozenset({"range", "in", "on", "at", "are", "is", "were", "was", "have", "had"})


def _nearest_predicate(text: str, q: Quantity) -> str | None:
    """The kind of count the verb nearest to the number names, within its clause."""
    lo, hi = max(0, q.start - 60), min(len(text), q.end + 60)
    best: tuple[int, str] | None = None
    for kind, rx in _COUNT_PREDICATES:
        for m in rx.finditer(text, lo, hi):
            between = text[min(m.end(), q.end):max(m.start(), q.start)]
            if re.search(r"[;.]|\band\b\s+\d", between):
                continue  # another clause, or another number's verb
            d = m.start() - q.end if m.start() >= q.end else q.start - m.end()
            if best is None or d < best[0]:
                best = (d, kind)
    return best[1] if best else None


def _noun_after_of(text: str, start: int) -> str | None:
    """"two of its jets", "two of the army's jets": the noun after "of (its|the|...)"."""
    m = re.match(r"\S+\s+of\s+(?:its|the|their|his|her|our|those|these)\s+(?:[\w’'-]+['’]s\s+)?"
                 r"(?P<n>[a-z-]+)", text[start:], re.I)
    return m.group("n").lower() if m else None


_ZERO = re.compile(r"\b(?P<z>none|no|zero|not\s+a\s+single|not\s+one)\s+(?:of\s+(?:its|the|their|"
                   r"his|her|our)\s+)?(?P<unit>[a-z-]+)", re.I)


def _zeros(text: str) -> tuple[Quantity, ...]:
    """"none of its aircraft", "no casualties": counts of zero."""
    out = []
    for m in _ZERO.finditer(text):
        unit = m.group("unit").lower()
        if unit in {"one", "longer", "more", "less", "fewer", "doubt", "evidence", "comment",
                    "sign", "immediate", "such", "other", "further", "reason", "need", "way"}:
            continue
        out.append(Quantity(m.start(), m.end(), m.group(0), 0.0, unit))
    return tuple(out)


def _share_owner(text: str, q: Quantity) -> str:
    """Whose percentage: the name closest before it in its clause ("Maduro won 51%")."""
    clause_start = max(text.rfind(p, 0, q.start) for p in (",", ";", ".", " while ", " and "))
    names = [e for e in entities(text) if clause_start < e.start < q.start]
    if names:
        return names[-1].key
    after = [e for e in entities(text) if q.end <= e.start < q.end + 40]
    return after[0].key if after else ""


# ---------------------------------------------------------------- same happening?


_COUNTRY_NAMES = frozenset(COUNTRY_NAMES)


def _names(text: str) -> frozenset[str]:
    return frozenset(e.key for e in entities(text))


def _same_happening(p: Pair, kinds: frozenset[str], sim: float, bare: float = 0.2) -> bool:
    """Both claims speak of one of ``kinds`` and nothing marks them as different happenings:
    they share a name, or are close enough in meaning (``sim``), or one names no one at all
    (a sentence that leans on its article: "the toll looked like several dozen") and they are
    at least ``bare`` close; never when each is about other names."""
    if not (happenings(p.a.content) & happenings(p.b.content) & kinds):
        return False
    ca, cb = countries(p.a.content), countries(p.b.content)
    if ca and cb and not ca & cb:
        return False  # about other countries altogether (who says it may differ: that is news)
    na, nb = _names(p.a.content), _names(p.b.content)
    # People and places below the country: two meetings of other people, blasts in other towns.
    pa, pb = na - _COUNTRY_NAMES, nb - _COUNTRY_NAMES
    if pa and pb and not (pa & pb) and p.similarity < 0.75:
        return False
    if not na or not nb:
        return p.similarity >= bare
    return p.similarity >= sim or bool(pa & pb)


def _span(c: Claim, start: int, end: int) -> Span:
    return span_of(c, start, end)


# ---------------------------------------------------------------- counts


@DETECTORS.register("count")
def count(p: Pair) -> Reason | None:
    """Counts of the same thing in one happening that cannot both be true, however worded."""
    ca, cb = counts(p.a.content), counts(p.b.content)
    if not ca or not cb:
        return None
    if bool(_SCOPE_WORDS.search(p.a.content)) != bool(_SCOPE_WORDS.search(p.b.content)):
        return None  # a running total against one day's figure, a rate against a count
    if _dates_differ(p.a.content, p.b.content):
        return None  # counts of different days
    if _swapped_actor(p):
        return None
    keys = {(c.kind, c.head) for c in ca} & {(c.kind, c.head) for c in cb}
    for key in sorted(keys):
        xs = [c for c in ca if (c.kind, c.head) == key]
        ys = [c for c in cb if (c.kind, c.head) == key]
        if any(not clash(x, y) for x in xs for y in ys):
            continue
        kinds = frozenset({key[0]}) if key[0] in _HAPPENINGS else frozenset(_HAPPENINGS)
        if key[0] in ("count", "share", "losses", "released"):
            kinds = frozenset(_HAPPENINGS)
        floor = 0.4 if key[0] in ("losses", "released") else 0.55  # "its jets": one owner
        if not _same_happening(p, kinds, floor) and not (key[0] == "share" and key[1]):
            continue
        x, y = xs[0], ys[0]
        what = key[0] if key[0] not in ("count",) else key[1]
        sx, sy = _number_span(p.a, x.q), _number_span(p.b, y.q)
        return Reason("number", f"{sx.text!r} vs {sy.text!r} ({what})", (p.a.id, p.b.id),
                      (sx, sy), weight=0.6 + 0.3 * min(1.0, max(0.0, p.similarity)))
    return None


def _number_span(c: Claim, q: Quantity) -> Span:
    """The number and its noun ("12 people"), without the words the pattern ran on into."""
    words = q.text.split()
    keep = words[:1] + [w for w in words[1:2] if w.lower() not in _FILLER]
    if len(words) > 2 and words[1].lower() == "of":
        keep = words[:2] + [w for w in words[2:4]]
    text = " ".join(keep)
    return _span(c, q.start, q.start + len(text))


_FILLER = frozenset({"in", "on", "at", "of", "the", "were", "was", "died", "had", "have", "and"})


def _dates_differ(a: str, b: str) -> bool:
    da = {d.value for d in dates(a) if d.kind in ("monthday", "weekday")}
    db = {d.value for d in dates(b) if d.kind in ("monthday", "weekday")}
    kinds_a = {d.kind for d in dates(a) if d.kind in ("monthday", "weekday")}
    kinds_b = {d.kind for d in dates(b) if d.kind in ("monthday", "weekday")}
    return bool(da and db and kinds_a & kinds_b and not da & db)


def _swapped_actor(p: Pair) -> bool:
    """Each claim counts someone else's ("Israeli" vs "Palestinian" deaths)."""
    ca, cb = countries(p.a.content), countries(p.b.content)
    return bool(ca and cb and not ca & cb)


# ---------------------------------------------------------------- times and dates


@DETECTORS.register("when")
def when(p: Pair) -> Reason | None:
    """The same happening at another time or on another day ("began at 14:00" / "from 6 pm")."""
    r = _when(p)
    return r if r is not None and r.type == "date" else None


@DETECTORS.register("same-value")
def same_value(p: Pair) -> Reason | None:
    """The same happening at the same time in other words ("from 17:00" / "at 5 pm"): a sign of
    agreement, not a conflict."""
    r = _when(p)
    return r if r is not None and r.type == "same-value" else None


_CLOCK_WORDS = re.compile(
    r"\b(?:(?P<off>half\s+an\s+hour|an\s+hour|(?P<n>\d+|ten|fifteen|twenty|thirty)\s+minutes)"
    r"\s+(?P<dir>before|after|past)\s+)?(?P<base>midnight|noon|midday)\b", re.I)
_MINUTES = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30}


@lru_cache(maxsize=65536)
def times(text: str) -> tuple[DateRef, ...]:
    """``text.dates`` plus clock times in words: "midnight", "noon", "half an hour before
    midnight" (23:30)."""
    out = list(dates(text))
    for m in _CLOCK_WORDS.finditer(text):
        if any(d.start <= m.start() < d.end for d in out):
            continue
        base = 0 if m.group("base").lower() == "midnight" else 12 * 60
        off = 0
        if m.group("off"):
            o = m.group("off").lower()
            off = 30 if o.startswith("half") else 60 if o.startswith("an") else int(
                _MINUTES.get(m.group("n").lower(), m.group("n")))
            off = -off if m.group("dir").lower() == "before" else off
        t = (base + off) % (24 * 60)
        out.append(DateRef(m.start(), m.end(), m.group(0), "time", f"{t // 60:02d}:{t % 60:02d}"))
    return tuple(sorted(out, key=lambda d: d.start))


def _when(p: Pair) -> Reason | None:
    if not _same_happening(p, TIMED, 0.3):
        return None
    da, db = times(p.a.content), times(p.b.content)
    if not da or not db:  # "Qatar announced on Thursday that ...": the date is the speaker's
        da, db = times(p.a.text), times(p.b.text)
    for kind in ("time", "monthday", "weekday"):
        xs = [d for d in da if d.kind == kind]
        ys = [d for d in db if d.kind == kind]
        if not xs or not ys:
            continue
        same = [(x, y) for x in xs for y in ys if _same_day(x, y)]
        if same:
            x, y = same[0]
            if x.text.strip().lower() == y.text.strip().lower():
                return None  # the very same words: no paraphrase to note
            return Reason("same-value", f"{x.text!r} and {y.text!r} name the same {_unit(kind)}",
                          (p.a.id, p.b.id),
                          (_span(p.a, x.start, x.end), _span(p.b, y.start, y.end)), weight=0.7)
        if len(xs) > 1 or len(ys) > 1:
            continue  # ranges and several times: too easy to misalign
        x, y = xs[0], ys[0]
        what = "/".join(sorted(happenings(p.a.content) & happenings(p.b.content) & TIMED))
        return Reason("date", f"{x.text!r} vs {y.text!r} (when: {what})", (p.a.id, p.b.id),
                      (_span(p.a, x.start, x.end), _span(p.b, y.start, y.end)),
                      weight=0.6 + 0.25 * min(1.0, max(0.0, p.similarity)))
    return None


def _same_day(x: DateRef, y: DateRef) -> bool:
    if x.kind == "monthday":
        (ma, da), (mb, db) = (v.split("-", 1) for v in (x.value, y.value))
        if ma != mb:
            return False
        ra = [int(d) for d in da.split("-")]
        rb = [int(d) for d in db.split("-")]
        return max(ra[0], rb[0]) <= min(ra[-1], rb[-1])
    return x.value == y.value


def _unit(kind: str) -> str:
    return {"time": "time", "monthday": "date", "weekday": "day"}[kind]


# ---------------------------------------------------------------- credit and blame

_HARM = (r"(?:blasts?|explosions?|attacks?|strikes?|airstrikes?|bombings?|destruction|collapse|"
         r"breach|shelling|rockets?|missiles?|dam|hospital|massacre|killings?|fire|incident)")
_AGENT_NP = (r"(?P<agent>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"
             r"(?:\s+(?:forces|troops|army|military|militants|fighters|rebels|officials))?)")
_DEMONYM_ACT = re.compile(
    r"\b(?:an?\s+|the\s+)?(?P<agent>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:air\s*strike|airstrike|"
    r"strike|missile|rocket|shell(?:ing)?|attack|bomb(?:ing)?|drone|forces|troops|military|army|"
    r"sabotage)s?\b")
_CAUSE_VERBS = (r"blew\s+up|destroyed|bombed|struck|shelled|hit|targeted|attacked|mined|"
                r"sabotaged|caused|carried\s+out|launched|fired|was\s+behind|were\s+behind|"
                r"(?:was|were)\s+responsible\s+for|started|triggered|provoked|initiated|"
                r"opened\s+fire")
_MEDIATION = (r"mediat\w+|brokered|broker|negotiated|facilitated|secured|engineered|"
              r"helped\s+(?:to\s+)?(?:broker|secure|negotiate|mediate|reach)")
# What a credit frame beyond the fixed phrases must be about: an end to fighting, not any deal.
PEACE = (r"(?:cease-?fires?|truces?|armistice|de-?escalation|cessation\s+of\s+hostilities|"
         r"peace\s+(?:deal|agreement|accord|talks|pact|plan)|hostage\s+(?:deal|release)|"
         r"(?:ceasefire|truce)\s+(?:deal|agreement)|pause\s+in\s+(?:the\s+)?fighting)")
_NO_THIRD = re.compile(
    r"\b(?:without\s+(?:any\s+)?(?:mediation|mediators?|intermediar(?:y|ies)|"
    r"third[- ]part(?:y|ies)|outside\s+(?:help|involvement|mediation)|external\s+\w+|"
    r"foreign\s+\w+|international\s+\w+)|"
    r"no\s+(?:third[- ]party|mediators?|mediation|intermediar(?:y|ies)|outside\s+(?:party|help|"
    r"involvement|mediation))|(?:directly|bilaterally)\s+(?:between|by|with)|"
    r"agreed\s+bilaterally|reached\s+directly|worked\s+out\s+directly)", re.I)


# Phrases that name a mediator, read only in a claim about an end to fighting (``PEACE``).
_MEDIATOR_PHRASES = tuple(re.compile(rx) for rx in (
    rf"(?:mediation|brokering|help|efforts?|intervention|pressure)\s+(?:of|by|from)\s+{_AGENT_NP}",
    rf"{_AGENT_NP}['’]s?\s+(?:mediation|brokering|intervention|efforts)",
    rf"\b(?:thanks\s+to|credited|with\s+the\s+help\s+of)\s+{_AGENT_NP}",
    rf"{_AGENT_NP}\s+(?:has\s+|had\s+|have\s+)?(?:{_MEDIATION})\b",
))


@lru_cache(maxsize=65536)
def _frame_credits(text: str, speaker: str | None) -> tuple[Credit, ...]:
    """Credit and blame frames beyond ``detectors.credits``' fixed phrases."""
    out: list[Credit] = []

    def add(outcome: str, role: str, agent: str | None, m: re.Match[str]) -> None:
        key = None
        if agent is not None:
            key = norm_actor(speaker) if re.fullmatch(r"(?:he|she|they|his|her|their)",
                                                      agent.strip(), re.I) and speaker \
                else norm_actor(agent)
        out.append(Credit(outcome, role, key, m.start(), m.end()))

    about_peace = bool(re.search(PEACE, text, re.I))  # credit frames need a ceasefire
    for m in re.finditer(rf"{_AGENT_NP}[- ](?:brokered|mediated|backed|negotiated|led)\s+"
                         rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})", text):
        add("ceasefire", "mediator", m.group("agent"), m)
    if about_peace:  # "mediation by X", "X's efforts", "thanks to X", "X helped broker"
        for rx in _MEDIATOR_PHRASES:
            for m in rx.finditer(text):
                add("ceasefire", "mediator", m.group("agent"), m)
        for m in _NO_THIRD.finditer(text):
            out.append(Credit("ceasefire", "mediator", None, m.start(), m.end()))
    # Who asked for it.
    for m in re.finditer(rf"{_AGENT_NP}\s+(?:had\s+|has\s+|have\s+)?(?:requested|sought|asked\s+"
                         rf"for|begged\s+for|pleaded\s+for|appealed\s+for|called\s+for|"
                         rf"proposed|reached\s+out\s+for)\s+(?:a\s+|an\s+|the\s+)?"
                         rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})", text):
        add("ceasefire", "requester", m.group("agent"), m)
    for m in re.finditer(rf"at\s+{_AGENT_NP}['’]s?\s+(?:request|urging|behest|plea)", text):
        add("ceasefire", "requester", m.group("agent"), m)
    # Who started it, who caused the harm.
    for m in re.finditer(rf"{_AGENT_NP}\s+(?:had\s+|has\s+)?(?:{_CAUSE_VERBS})\b", text):
        agent = m.group("agent")
        if re.fullmatch(r"(?:The|A|An|It|This|That|They|He|She|We)", agent.strip()):
            continue
        role = "starter" if re.search(r"started|triggered|provoked|initiated|opened\s+fire",
                                      m.group(0), re.I) else "cause"
        add("harm", role, agent, m)
    for m in re.finditer(rf"(?:was|were|had\s+been)\s+(?:{_CAUSE_VERBS}|"
                         rf"blown\s+up|hit|struck|caused|carried\s+out|fired|launched|"
                         rf"destroyed)\s+by\s+{_AGENT_NP}", text):
        add("harm", "cause", m.group("agent"), m)
    for m in _DEMONYM_ACT.finditer(text):
        if countries(m.group("agent")):  # "an Israeli airstrike", "Russian forces"
            add("harm", "cause", m.group("agent"), m)
    for m in re.finditer(rf"(?:blamed|accused)\s+{_AGENT_NP}", text):
        add("harm", "cause", m.group("agent"), m)
    for m in re.finditer(rf"(?:launch(?:ed)?|fired|shot|carried\s+out|planted)\s+by\s+"
                         rf"(?:the\s+)?{_AGENT_NP}", text):
        add("harm", "cause", m.group("agent"), m)  # "a rocket launch by Islamic Jihad"
    for m in re.finditer(rf"{_AGENT_NP}\s+(?:rocket|missile|drone|shell|mine|bomb|device)s?\b",
                         text):
        if not re.fullmatch(r"(?:The|A|An)", m.group("agent").strip()):
            add("harm", "cause", m.group("agent"), m)  # "an Islamic Jihad rocket"
    for m in re.finditer(rf"{_AGENT_NP}\s+(?:could|would|must|might)\s+have\s+"
                         rf"(?:carried\s+out|caused|fired|launched|done)", text):
        add("harm", "cause", m.group("agent"), m)
    for m in re.finditer(rf"{_AGENT_NP}\s+(?:took|claimed|sought|deserves?)\s+(?:the\s+|a\s+)?"
                         rf"(?:share\s+of\s+the\s+)?credit", text):
        if about_peace:
            add("ceasefire", "mediator", m.group("agent"), m)
    # Responsibility denied: "Israel was not responsible", "Israel did not bomb the hospital".
    for m in re.finditer(rf"{_AGENT_NP}\s+(?:was|were|is|are)\s+not\s+responsible|"
                         rf"{_AGENT_NP.replace('agent', 'agent2')}\s+(?:probably\s+)?"
                         rf"(?:did\s+not|didn['’]t|had\s+not|never)\s+(?:bomb|strike|hit|attack|"
                         rf"fire|launch|carry\s+out|cause|blow\s+up|destroy)", text):
        add("harm", "not-cause", m.group("agent") or m.group("agent2"), m)
    for m in re.finditer(rf"(?:judged|found|deemed|held|considered)\s+{_AGENT_NP}\s+"
                         rf"not\s+responsible", text):
        add("harm", "not-cause", m.group("agent"), m)
    return tuple(c for c in out if c.agent not in ("", "the", "it"))


def frame_credits(c: Claim) -> list[Credit]:
    """All credit and blame frames of a claim: ``detectors.credits`` and the wider ones here."""
    out: dict[tuple[str, str, str | None], Credit] = {}
    for x in [*credits(c), *_frame_credits(c.content, c.speaker)]:
        out.setdefault((_outcome(x), x.role, x.agent), x)  # one frame said twice is one
    return list(out.values())


@DETECTORS.register("responsibility")
def responsibility(p: Pair) -> Reason | None:
    """Two claims credit or blame different actors for one outcome: who brokered the truce, who
    asked for it, who started the fighting, who caused the blast."""
    sa, sb = speaker_key(p.a), speaker_key(p.b)
    if sa and sa == sb and p.a.stance == p.b.stance:
        return None
    fa, fb = frame_credits(p.a), frame_credits(p.b)
    if not fa or not fb:
        return None
    best: tuple[float, Credit, Credit] | None = None
    for x in fa:
        for y in fb:
            if _outcome(x) != _outcome(y) and "*" not in (x.outcome, y.outcome):
                continue
            negated = (x.role == "not-cause") != (y.role == "not-cause")
            if x.agent == y.agent and x.agent is not None and negated:
                w = 0.75  # "Israel hit the hospital" / "Israel was not responsible"
            elif negated or "not-cause" in (x.role, y.role):
                w = 0.0  # "X did not do it" says nothing against "Y did it"
            elif x.agent == y.agent and p.a.stance == p.b.stance:
                continue
            elif x.agent == y.agent:
                w = 0.7  # the same actor, asserted by one and denied by the other
            elif None in (x.agent, y.agent) and "denies" in (p.a.stance, p.b.stance):
                w = 0.0  # "X denied that Y mediated" is on the side of "no third party"
            elif None in (x.agent, y.agent):
                w = 0.85 if x.role == y.role == "mediator" else 0.0
            elif "denies" in (p.a.stance, p.b.stance):
                w = 0.0  # "X denied that Y did it" credits no one
            elif x.role == y.role:
                w = 0.75
            elif {x.role, y.role} <= {"cause", "starter"} or "mediator" in (x.role, y.role):
                w = 0.6
            else:
                w = 0.0
            if w and _outcome(x) == "harm" and not _same_harm(p):
                w = 0.0
            if w and (best is None or w > best[0]):
                best = (w, x, y)
    if best is None:
        return None
    w, x, y = best

    what = "the harm" if _outcome(x) == "harm" else f"the {_outcome(x)}"
    return Reason("actor", f"who is responsible for {what} — {credit_phrase(p.a, x)}; "
                  f"{credit_phrase(p.b, y)}",
                  (p.a.id, p.b.id), (_span(p.a, x.start, x.end), _span(p.b, y.start, y.end)),
                  weight=w)


_HARMS = frozenset({"blast", "strike", "dam", "hospital", "flood", "deaths", "capture"})


def _same_harm(p: Pair) -> bool:
    """Both speak of a harm (a blast, strike, flood, deaths) and are close enough in meaning to
    be about one; which actors they name is the very point in dispute, so names do not count."""
    return bool(happenings(p.a.content) & _HARMS and happenings(p.b.content) & _HARMS
                and p.similarity >= 0.35)


def _outcome(c: Credit) -> str:
    return "harm" if c.outcome == "harm" else "ceasefire" if c.outcome in (
        "ceasefire", "deal", "agreement", "accord", "pact", "talks", "*") else c.outcome


def frame_keys(c: Claim) -> frozenset[str]:
    """The frames a claim carries, as keys two claims must share to be compared by a frame:
    ``credit`` (someone credited or blamed), ``count:KIND:HEAD`` (a number of something),
    ``when:HAPPENING`` (a time or date of a happening). Candidate pairs are also drawn between
    claims sharing a key, however differently worded (``group.candidate_pairs``)."""
    keys = set()
    if frame_credits(c):
        keys.add("credit")
    for x in counts(c.content):
        keys.add(f"count:{x.kind}:{x.head}")
    timed = happenings(c.text) & TIMED
    if timed and times(c.text):
        keys |= {f"when:{h}" for h in timed}
    return frozenset(keys)


FRAME_DETECTORS = ("count", "when", "same-value", "responsibility")

__all__ = ["FRAME_DETECTORS", "TIMED", "Count", "count", "frame_keys", "counts", "frame_credits",
           "happenings", "responsibility", "same_value", "when"]
