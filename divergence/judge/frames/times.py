"""Times and dates of the same happening: ``when`` (another time) and ``same-value`` (the same
time in other words: "from 17:00" / "at 5 pm")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ...records import Reason, Span
from ..detectors import Pair, detector, span_of, text_span
from ..text import DateRef, dates, one_clock
from .happenings import TIMED, happenings, same_happening


@detector("when")
def when(p: Pair) -> Reason | None:
    """The same happening at another time or on another day ("began at 14:00" / "from 6 pm")."""
    r = _when(p)
    return r if r is not None and r.type == "date" else None


@detector("same-value")
def same_value(p: Pair) -> Reason | None:
    """The same happening at the same time in other words ("from 17:00" / "at 5 pm"): a sign of
    agreement, not a conflict."""
    r = _when(p)
    return r if r is not None and r.type == "same-value" else None


_CLOCK_WORDS = re.compile(
    r"\b(?:(?P<off>half\s+an\s+hour|an\s+hour|(?P<n>\d+|ten|fifteen|twenty|thirty)\s+minutes)"
    r"\s+(?P<dir>before|after|past)\s+)?(?P<base>midnight|noon|midday)\b", re.I)
_MINUTES = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30}
# "two in the morning", "9 in the evening", "eleven at night": the hour and the part of the day.
_HOURS = {w: n for n, w in enumerate(("twelve", "one", "two", "three", "four", "five", "six",
                                      "seven", "eight", "nine", "ten", "eleven"))}
_DAYPART = re.compile(r"\b(?:at|around|about|by|until|till|before|after|since|from)\s+(?:about\s+|"
                      r"around\s+)?(?P<h>1[0-2]|[1-9]|" + "|".join(_HOURS) + r")(?:\s+o['’]clock)?"
                      r"\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"
                      r"(?!\s+(?:shift|crew|session|briefing|meeting|news|edition|service|show))",
                      re.I)
# The hours each part of the day holds, and what to add to reach the 24-hour clock.
_PART_HOURS = {"morning": (range(1, 12), 0), "afternoon": (range(12, 13), 0),
               "evening": (range(5, 12), 12), "night": (range(7, 12), 12)}


@lru_cache(maxsize=65536)
def times(text: str) -> tuple[DateRef, ...]:
    """``text.dates`` plus clock times in words: "midnight", "noon", "half an hour before
    midnight" (23:30), "two in the morning" (02:00), "ten at night" (22:00)."""
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
    for m in _DAYPART.finditer(text):
        if any(d.start <= m.start() < d.end for d in out):
            continue
        h = m.group("h").lower()
        hour = int(h) if h.isdigit() else (_HOURS[h] or 12)
        part = m.group("part").lower().split()[-1]
        hours, add = _PART_HOURS[part]
        if part == "afternoon" and 1 <= hour <= 6:
            hours, add = range(1, 7), 12
        if hour not in hours:
            continue  # "nine in the afternoon", "one in the evening": not a time of day
        t = f"{(hour + add) % 24:02d}:00"
        out.append(DateRef(m.start("h"), m.end(), text[m.start("h"):m.end()], "time", t))
    return tuple(sorted(out, key=lambda d: d.start))


# The last pair ``_when`` read and its reading: the ``when`` and ``same-value`` detectors read
# one pair in turn, and the second takes the first's (one tuple, swapped whole, so a reader in
# another thread sees a matching pair and result; ``is`` keeps the pair alive).
_last: tuple[Pair | None, Reason | None] = (None, None)


def _when(p: Pair) -> Reason | None:
    global _last
    seen, r = _last
    if seen is p:
        return r
    r = compare_times(p) if same_happening(p, TIMED, 0.3) else None
    _last = (p, r)
    return r


def compare_times(p: Pair, kinds: tuple[str, ...] = ("time", "monthday", "weekday"),
                  fallback: bool = True) -> Reason | None:
    """The days or times two claims give, compared (no check that they speak of one
    happening: the caller knows): a ``date`` conflict, a ``same-value`` sign, or None. With
    ``fallback``, a claim without a time is read with its whole sentence."""
    da, db = times(p.a.content), times(p.b.content)
    where = span_of
    in_text = False
    if (not da or not db) and fallback:  # "Qatar announced on Thursday that ...": the date
        in_text = True
        da, db = times(p.a.text), times(p.b.text)  # is the speaker's
        where = text_span  # offsets into the sentence, not the proposition
    ta, tb = (p.a.text, p.b.text) if in_text else (p.a.content, p.b.content)
    for kind in kinds:
        xs = [d for d in da if d.kind == kind]
        ys = [d for d in db if d.kind == kind]
        if not xs or not ys:
            continue
        if kind == "time":
            xs, ys = one_clock(ta, xs, tb, ys)
            if not xs:
                continue  # "0400 GMT" against a local "3:30 a.m.": no common clock to compare on
        same = [(x, y) for x in xs for y in ys if _same_day(x, y)
                or kind == "time" and _hedged_close(p, x, y, in_text)]
        if same:
            x, y = same[0]
            if x.text.strip().lower() == y.text.strip().lower():
                return None  # the very same words: no paraphrase to note
            return Reason("same-value", f"{x.text!r} and {y.text!r} name the same {_unit(kind)}",
                          (p.a.id, p.b.id), _spans(where, p, x, y), weight=0.7)
        if len(xs) > 1 or len(ys) > 1:
            continue  # ranges and several times: too easy to misalign
        x, y = xs[0], ys[0]
        what = "/".join(sorted(happenings(p.a.content) & happenings(p.b.content) & TIMED))
        return Reason("date", f"{x.text!r} vs {y.text!r} (when: {what})", (p.a.id, p.b.id),
                      _spans(where, p, x, y),
                      weight=0.6 + 0.25 * min(1.0, max(0.0, p.similarity)))
    return None


def _spans(where: Callable[..., Span | None], p: Pair, x: DateRef, y: DateRef) -> tuple[Span, ...]:
    """The two values' spans in the propositions (one read from the attribution has none)."""
    found = (where(p.a, x.start, x.end), where(p.b, y.start, y.end))
    return tuple(sp for sp in found if sp is not None)


def _same_day(x: DateRef, y: DateRef) -> bool:
    if x.kind == "monthday":
        (ma, da), (mb, db) = (v.split("-", 1) for v in (x.value, y.value))
        if ma != mb:
            return False
        ra = [int(d) for d in da.split("-")]
        rb = [int(d) for d in db.split("-")]
        return max(ra[0], rb[0]) <= min(ra[-1], rb[-1])
    return x.value == y.value


_HEDGE = re.compile(r"\b(?:about|around|approximately|roughly|shortly|nearly|some|just|soon|"
                    r"almost|circa|c\.)\W+(?:\w+\W+)?$", re.I)


def _hedged_close(p: Pair, x: DateRef, y: DateRef, in_text: bool = False) -> bool:
    """Two clock times within half an hour, one of them hedged ("shortly before 3 am" / "at
    about 2:50 am"): one time, told loosely. ``in_text``: the times were read from the
    sentences, not the claims."""
    hx, mx = (int(v) for v in x.value.split(":"))
    hy, my = (int(v) for v in y.value.split(":"))
    gap = abs((hx * 60 + mx) - (hy * 60 + my))
    if min(gap, 24 * 60 - gap) > 30:
        return False
    return any(_HEDGE.search((c.text if in_text else c.content)[max(0, d.start - 25):d.start])
               for c, d in ((p.a, x), (p.b, y)))


def _unit(kind: str) -> str:
    return {"time": "time", "monthday": "date", "weekday": "day"}[kind]


