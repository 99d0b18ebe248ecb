"""Times and dates of the same happening: ``when`` (another time) and ``same-value`` (the same
time in other words: "from 17:00" / "at 5 pm")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Reason, Span
from ..detectors import Pair, detector, span_of, text_span
from ..moments import (
    dates_no_moment,
    moments_apart,
    offset_explains,
    offsets,
    span_end,
    two_moments,
)
from ..text import WEEKDAYS, DateRef, dates
from ..zones import one_clock, zone
from .counts import dates_differ
from .happenings import TIMED, happenings, one_place, same_happening
from .spans import apart, durations, same_thing


@detector("when")
def when(p: Pair) -> Reason | None:
    """The same happening at another time or on another day ("began at 14:00" / "from 6 pm")."""
    r = _when(p)
    return r if r is not None and r.type == "date" else None


@detector("lasted")
def lasted(p: Pair) -> Reason | None:
    """One happening told as lasting two spans of time that cannot meet ("the shelling lasted
    for six hours" / "the bombardment went on for less than an hour"): one each, of one thing
    (``spans.same_thing``). Aligned claims get this from ``aligned.values_apart``; this reads
    claims worded apart."""
    ma, mb = durations(p.a.content), durations(p.b.content)
    if len(ma) != 1 or len(mb) != 1 or not apart(ma[0], mb[0]) or not same_thing(ma[0], mb[0]):
        return None
    what = frozenset(t.split(":", 1)[1] for t in ma[0].of & mb[0].of)  # "siege": what lasted
    if (not same_happening(p, TIMED | what, 0.3, told=what)
            or dates_differ(p.a.content, p.b.content)):
        return None  # not one happening, or one on two days
    sa, sb = span_of(p.a, ma[0].start, ma[0].end), span_of(p.b, mb[0].start, mb[0].end)
    return Reason("number", f"{sa.text!r} vs {sb.text!r} (how long)", (p.a.id, p.b.id),
                  (sa, sb), weight=0.6)


@detector("same-value")
def same_value(p: Pair) -> Reason | None:
    """The same happening at the same time in other words ("from 17:00" / "at 5 pm"): a sign of
    agreement, not a conflict."""
    r = _when(p)
    return r if r is not None and r.type == "same-value" else None


_CLOCK_WORDS = lazy(
    r"\b(?:(?P<off>half\s+an\s+hour|an\s+hour|(?P<n>\d+|ten|fifteen|twenty|thirty)\s+minutes)"
    r"\s+(?P<dir>before|after|past)\s+)?(?P<base>midnight|noon|midday)\b", re.I)
_MINUTES = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30}
# "two in the morning", "9 in the evening", "eleven at night": the hour and the part of the day.
_HOURS = {w: n for n, w in enumerate(("twelve", "one", "two", "three", "four", "five", "six",
                                      "seven", "eight", "nine", "ten", "eleven"))}
_DAYPART = lazy(r"\b(?:at|around|about|by|until|till|before|after|since|from)\s+(?:about\s+|"
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
    taken = bytearray(len(text) + 1)  # characters inside a time already read: one pass, not
    for o in out:  # a comparison of every part of the day with every time (100 kB of them)
        taken[o.start:o.end] = b"\x01" * (o.end - o.start)
    out += [d for d in dayparts(text) if not any(taken[d.start:d.end])]
    return tuple(sorted(out, key=lambda d: d.start))


# Parts of the day as spans of the clock, in minutes (an end past 1440 wraps past midnight),
# wide enough for how loosely outlets use them ("early Tuesday morning" at 2 a.m.): two of them,
# or one and a clock time, conflict only when they do not meet at all ("at dawn" / "shortly
# before midnight"; "on Monday morning" / "in the afternoon").
_PARTS = {"predawn": (0, 420), "dawn": (240, 480), "after dawn": (240, 600),
          "morning": (0, 720),
          "early morning": (0, 540), "late morning": (540, 750), "afternoon": (720, 1110),
          "early afternoon": (720, 930), "late afternoon": (900, 1140), "dusk": (990, 1260),
          "evening": (990, 1410), "early evening": (990, 1200), "late evening": (1200, 1440),
          "night": (1080, 1860), "late night": (1260, 1680), "early hours": (0, 420),
          "early": (0, 720), "late": (960, 1440)}
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAYPART_WORDS = lazy(
    r"\b(?:(?P<pre>before\s+(?:dawn|daybreak|first\s+light|sunrise)|pre-?dawn)"
    r"|(?:at|around|from)\s+(?P<dawn>dawn|daybreak|first\s+light|sunrise)"
    r"|(?:shortly|soon|just)\s+after\s+(?P<afterdawn>dawn|daybreak|first\s+light|sunrise)"
    r"|(?:at|around|from)\s+(?P<dusk>dusk|sunset|nightfall)"
    r"|in\s+the\s+(?:early|small|wee)\s+hours(?!\s+of\s+(?:the|a|an|his|her|its|their)\b)"
    r"|(?P<over>overnight|late\s+at\s+night|at\s+night)"
    rf"|(?P<edge2>early|late)(?=\s+(?:on\s+)?{_WEEKDAY}\b(?!\s+(?:morning|afternoon|evening|night)))"
    rf"|(?:in|during|on|late|early|last|this|that|yesterday|{_WEEKDAY})\s+(?:the\s+)?"
    rf"(?:{_WEEKDAY}\s+)?(?P<edge>early\s+|late\s+)?(?P<part>morning|afternoon|evening|night)(?!\s+of\b))\b"
    r"(?!\s+(?:shift|prayers?|session|briefing|news|edition|service|show|flight|bus|train|"
    r"market|class|crew|watch|sky|vigil)\b)", re.I | re.A)  # ASCII: "mornıng" is no morning


_ANY_PART = lazy(r"dawn|daybreak|light|sunrise|dusk|sunset|nightfall|hours|night|morning|"
                       r"afternoon|evening|early|late", re.I)
_SAID_THAT = lazy(r"(?:\s+on\s+\w+)?\s+that\b", re.I)


def dayparts(text: str) -> tuple[DateRef, ...]:
    """Parts of the day a text names ("at dawn", "before dawn", "on Monday morning", "late on
    Tuesday", "overnight"), each with its span of the clock as the value ("240-480"); the span
    of a day's part starts at the part ("night" of "Monday night": the day is a weekday)."""
    out: list[DateRef] = []
    if not _ANY_PART.search(text):
        return ()  # no word of a part of the day: one cheap look first
    for m in _DAYPART_WORDS.finditer(text):
        if _SAID_THAT.match(text, m.end()):
            continue  # "said late on Monday that ...": when it was said, not when it happened
        if m.group("pre"):
            key = "predawn"
        elif m.group("afterdawn"):
            key = "after dawn"
        elif m.group("dawn") or m.group("dusk"):
            key = "dawn" if m.group("dawn") else "dusk"
        elif m.group("over"):
            key = "late night" if m.group("over").lower().startswith("late") else "night"
        elif m.group("part"):
            part = m.group("part").lower()
            edge = (m.group("edge") or "").strip().lower()
            if not edge and m.group(0).lower().startswith(("late", "early")):
                edge = m.group(0).split()[0].lower()
            key = f"{edge} {part}".strip() if f"{edge} {part}".strip() in _PARTS else part
        elif m.group("edge2"):
            key = "early" if m.group("edge2").lower() == "early" else "late"  # half a day
        else:
            key = "early hours"
        if key not in _PARTS:
            continue
        lo, hi = _PARTS[key]
        at = m.start("part") if m.group("part") else m.start()  # "Monday night": the night
        if m.group("edge") and m.group("part"):
            at = m.start("edge")
        out.append(DateRef(at, m.end(), text[at:m.end()], "daypart", f"{lo}-{hi}"))
    return tuple(out)


def _minutes(d: DateRef) -> tuple[int, int]:
    """A clock time or a part of the day as a span of minutes (a time is a span of one)."""
    if d.kind == "time":
        h, m = (int(v) for v in d.value.split(":"))
        return h * 60 + m, h * 60 + m
    lo, hi = (int(v) for v in d.value.split("-"))
    return lo, hi


def _apart(x: DateRef, y: DateRef, margin: int = 30) -> bool:
    """Two times of day that cannot be one moment: their spans, widened by ``margin`` minutes
    and taken round the clock, never meet."""
    (a0, a1), (b0, b1) = _minutes(x), _minutes(y)
    for shift in (-1440, 0, 1440):
        if a0 - margin <= b1 + shift and b0 + shift <= a1 + margin:
            return False
    return True


# The last pair ``_when`` read and its reading: the ``when`` and ``same-value`` detectors read
# one pair in turn, and the second takes the first's (one tuple, swapped whole, so a reader in
# another thread sees a matching pair and result; ``is`` keeps the pair alive).
_last: tuple[Pair | None, Reason | None] = (None, None)


def _when(p: Pair) -> Reason | None:
    global _last
    seen, r = _last
    if seen is p:
        return r
    # no times on one side: none to compare
    timed = (times(p.a.content) and times(p.b.content)) or (times(p.a.text) and times(p.b.text))
    r = compare_times(p) if timed and same_happening(p, TIMED, 0.3) and not two_moments(
        p.a.content, p.b.content) and not two_strikes(p.a.content, p.b.content) else None
    _last = (p, r)
    return r


@lru_cache(maxsize=65536)
def two_strikes(a: str, b: str) -> bool:
    """Whether two texts tell strikes in no one place or target beyond a country: two strikes
    of a war, whose days and hours are not compared ("an air attack in southern Lebanon on
    Thursday" / "a drone strike on Beit Lif on Tuesday"; a group's attack on a convoy and its
    attack on a police station); "Russia's strike on Sumy on April 15" / "the April 13 strike in
    Sumy" are one."""
    return happenings(a) & happenings(b) & TIMED == {"strike"} and not one_place(a, b)


@lru_cache(maxsize=65536)
def _no_moments(text: str) -> frozenset[tuple[int, int]]:
    """The spans of the times ``text`` gives that are no moment of its happening
    (``moments.dates_no_moment``), read once per text: a claim meets many others."""
    return frozenset((d.start, d.end) for d in times(text) if dates_no_moment(text, d))


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
    if not da or not db:
        return None  # nothing to compare (the most common case)
    ta, tb = (p.a.text, p.b.text) if in_text else (p.a.content, p.b.content)
    na, nb = _no_moments(ta), _no_moments(tb)  # "said on Tuesday that": when it was said,
    da = tuple(d for d in da if (d.start, d.end) not in na)  # not when it happened
    db = tuple(d for d in db if (d.start, d.end) not in nb)
    for kind in kinds:
        if kind == "time" and not in_text:  # a part of the day the speaker spoke in is no time
            r = _dayparts_apart(p, da, db, ta, tb, where)  # of what it tells ("said late on")
            if r is not None:
                return r
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
        if None is not span_end(ta, x) != span_end(tb, y) is not None:
            continue  # "until midnight" / "from 6 pm": two ends of one span
        if kind == "weekday" and (_overnight(x, da, y, db) or _overnight(y, db, x, da)):
            return None  # "on Monday night" / "early on Tuesday": one night, told two ways
        if not _one_act(ta, x, tb, y) and any(offset_explains(ta, tb, gap)
                                              for gap in _gaps(x, y, da, db)):
            return None  # "announced at 10:00, in force twelve hours later" / "in force at 22:00"
        if moments_apart(ta, x, tb, y):
            return None  # "declared on Saturday" / "brought it to an end on Monday": two moments
        return _date_reason(p, x, y, where)
    return None


@lru_cache(maxsize=65536)
def told_apart(a: str, b: str) -> bool:
    """Whether two texts give different times or days of one kind that an offset one of them
    states explains ("signed on Wednesday" / "on Friday, less than 48 hours after it was
    signed"): two moments, neither a conflict nor one statement."""
    if not (offsets(a) or offsets(b)):
        return False  # most texts state no gap: nothing to read
    ta, tb = times(a), times(b)
    if len(ta) * len(tb) > 100:
        return False  # a timetable, not two moments of one happening
    return any(x.kind == y.kind and x.value != y.value and not _one_act(a, x, b, y)
               and any(offset_explains(a, b, gap) for gap in _gaps(x, y, ta, tb))
               for x in ta for y in tb)


def _one_act(a: str, x: DateRef, b: str, y: DateRef) -> bool:
    """Whether the two times date one act: the verb just before each is the same ("the bridge
    collapsed on Monday" / "the bridge collapsed on Tuesday"). Then a gap one claim states
    ("and rescuers reached it the following day") is another act's, and explains nothing."""
    def verbs(t: str, d: DateRef) -> set[str]:
        clause = re.split(r"[;,]", t[max(0, d.start - 45):d.start])[-1]
        words = re.findall(r"\b[a-z][a-z-]+", clause)[-4:]
        return {w[:5] for w in words if w.endswith("ed") or w in _PAST}
    va, vb = verbs(a, x), verbs(b, y)
    return bool(va & vb)


# Past tenses without -ed that date an act ("the quake struck at 03:40").
_PAST = frozenset({"struck", "hit", "began", "fell", "broke", "went", "came", "took", "shot",
                   "sank", "rose", "held", "left", "won", "lost", "met", "fled", "led", "spoke",
                   "told", "blew", "burnt", "caught", "drove", "flew", "ran", "rang", "sent"})


def _gaps(x: DateRef, y: DateRef, xs: Sequence[DateRef] = (), ys: Sequence[DateRef] = ()
          ) -> tuple[int, ...]:
    """The minutes between two times, days or dates of one kind, either way round (a clock
    time round the clock, or round the week when each claim names one weekday: "18:07 on
    Tuesday" / "4 a.m. on Wednesday" are ten hours apart, "10:00 on Monday" / "10 pm on Tuesday"
    36)."""
    if x.kind == "time":
        d = _minutes(y)[0] - _minutes(x)[0]
        wa = [v.value for v in xs if v.kind == "weekday" and v.value in _DAYS]
        wb = [v.value for v in ys if v.kind == "weekday" and v.value in _DAYS]
        if len(wa) == 1 and len(wb) == 1:
            d += (_DAYS.index(wb[0]) - _DAYS.index(wa[0])) * 1440
            return d % 10080, -d % 10080
        return d % 1440, -d % 1440
    if x.kind == "weekday" and x.value in _DAYS and y.value in _DAYS:
        d = _DAYS.index(y.value) - _DAYS.index(x.value)
        return d % 7 * 1440, -d % 7 * 1440
    if x.kind == "monthday":
        try:
            da, db = (date(2001, *map(int, v.value.split("-")[-2:])) for v in (x, y))
        except (ValueError, TypeError):
            return ()  # no month and day to read
        return (abs((db - da).days) * 1440,)
    return ()


def _date_reason(p: Pair, x: DateRef, y: DateRef, where: Callable[..., Span | None]) -> Reason:
    """The ``date`` conflict of two times of one happening, with the happening named."""
    what = "/".join(sorted(happenings(p.a.content) & happenings(p.b.content) & TIMED))
    when = f" (when: {what})" if what else ""  # no happening both name: none to show
    return Reason("date", f"{x.text!r} vs {y.text!r}{when}", (p.a.id, p.b.id),
                  _spans(where, p, x, y), weight=0.6 + 0.25 * min(1.0, max(0.0, p.similarity)))


_DAYS = tuple(WEEKDAYS)  # in their order: the day after is the next one


@lru_cache(maxsize=65536)
def one_night(a: str, b: str) -> bool:
    """Whether two texts tell one night on its two days ("late on Monday" / "early on
    Tuesday", "on Monday night" / "in the early hours of Tuesday"): one weekday each,
    ``_overnight`` either way round."""
    da, db = times(a), times(b)
    xs = [d for d in da if d.kind == "weekday"]
    ys = [d for d in db if d.kind == "weekday"]
    return len(xs) == 1 and len(ys) == 1 and (
        _overnight(xs[0], da, ys[0], db) or _overnight(ys[0], db, xs[0], da))


def _overnight(x: DateRef, xs: Sequence[DateRef], y: DateRef, ys: Sequence[DateRef]) -> bool:
    """Day ``x`` told at night and day ``y``, the next, in its small hours: one moment ("late
    on Monday" / "early on Tuesday"; "Monday night" / "Tuesday morning"). An evening and a
    morning that is not said to be early are two ("ended on Thursday evening" / "wrapped up on
    Friday morning")."""
    if x.value not in _DAYS or y.value not in _DAYS:
        return False
    if _DAYS.index(y.value) != (_DAYS.index(x.value) + 1) % 7:
        return False
    ends = [_minutes(d)[1] for d in xs if d.kind == "daypart"]
    morning = [d for d in ys if d.kind == "daypart" and _minutes(d)[0] < 420
               and _minutes(d)[1] <= 720 or d.text.lower() == "overnight"
               or d.kind == "time" and _minutes(d)[0] < 420]
    small_hours = any(d.kind != "daypart" or _minutes(d)[1] <= 540
                      or d.text.lower() in ("overnight", "early") for d in morning)
    return any(e >= 1440 for e in ends) and bool(morning) or (
        any(e >= 1380 for e in ends) and small_hours)


def _dayparts_apart(p: Pair, da: Sequence[DateRef], db: Sequence[DateRef], ta: str, tb: str,
                    where: Callable[..., Span | None]) -> Reason | None:
    """A part of the day against a part of the day or a clock time of no named zone, when
    one claim gives a part of the day and they cannot meet ("at dawn" / "before midnight")."""
    if not any(d.kind == "daypart" for d in (*da, *db)):
        return None  # the common case: no part of the day to read
    days = [{d.value for d in ds if d.kind == "weekday"} for ds in (da, db)]
    if all(days) and days[0] != days[1]:
        return None  # other days: "late on Monday" / "the early hours of Tuesday" may meet
    xs = [d for d in da if d.kind == "daypart" or d.kind == "time" and zone(ta, d)[0] is None]
    ys = [d for d in db if d.kind == "daypart" or d.kind == "time" and zone(tb, d)[0] is None]
    if len(xs) != 1 or len(ys) != 1 or "daypart" not in (xs[0].kind, ys[0].kind):
        return None  # several times of day, or two clock times (compared as such)
    x, y = xs[0], ys[0]
    if not _apart(x, y, 30 if "time" in (x.kind, y.kind) else -30):  # parts of the day may
        return None  # touch ("morning" ends at noon, "afternoon" begins) and still be two
    return _date_reason(p, x, y, where)


def _spans(where: Callable[..., Span | None], p: Pair, x: DateRef, y: DateRef) -> tuple[Span, ...]:
    """The two values' spans in the propositions (one read from the attribution has none)."""
    found = (where(p.a, x.start, x.end), where(p.b, y.start, y.end))
    return tuple(sp for sp in found if sp is not None)


def _same_day(x: DateRef, y: DateRef) -> bool:
    if x.kind == "monthday":
        (ma, da), (mb, db) = (v.split("-", 1) for v in (x.value, y.value))
        if ma != mb and "00" not in (ma, mb):  # "on the 14th": of whichever month
            return False
        ra = [int(d) for d in da.split("-")]
        rb = [int(d) for d in db.split("-")]
        return max(ra[0], rb[0]) <= min(ra[-1], rb[-1])
    return x.value == y.value


_HEDGE = lazy(r"\b(?:about|around|approximately|roughly|shortly|nearly|some|just|soon|"
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


