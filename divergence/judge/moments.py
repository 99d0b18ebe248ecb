"""Two moments of one happening: "the truce was announced on Friday" / "it took effect on
Saturday" give two days, not a dispute over one. Read by the ``date`` detector and the
``when`` frame before they compare days and hours."""

from __future__ import annotations

import re
from functools import lru_cache

from ..ingest.leads import NARRATED
from ..lazy_re import lazy
from .text import NUMBER_WORDS, DateRef

# Words of a moment that both tables below read: a settlement declared, one coming into force,
# captives freed.
_DECLARED = r"announced|declared|unveiled|proclaimed|agreed|signed|brokered|sealed"
_IN_FORCE = (r"took\s+effect|takes?\s+effect|(?:came|comes|come|went|goes|go)\s+into\s+"
             r"(?:force|effect)|kicked\s+in|began|begins?|started|starts?")
_FREED = r"released|freed|let\s+go|handed\s+over|rescued"

# Two moments of one happening, each with its own day or hour: "the truce was announced on
# Friday" / "it took effect on Saturday"; "the summit opened on 14 March" / "closed on 16 March";
# "seized on 3 June" / "released on 19 June". A claim naming one side and the other claim only
# the other side speak of two moments, whose times may differ.
_PHASES = tuple((lazy(rf"\b(?:{x})\b", re.I), lazy(rf"\b(?:{y})\b", re.I)) for x, y in (
    (_DECLARED + r"|settled\s+on|struck\s+(?:a|the)\s+deal|(?:deal|agreement|accord|pact|"
     r"truce),?\s+(?:was\s+)?struck", _IN_FORCE),
    (r"began|started|broke\s+out|erupted|struck|hit|went\s+out",
     r"entered\s+its|in\s+its\s+\w+\s+(?:day|week|month)|dragged\s+on|went\s+on\s+for|"
     r"rose\s+to|climbed\s+to|was\s+restored|were\s+restored|restored|was\s+back"),
    (r"opened|opens|began|begins|started|starts|launched|took\s+effect|imposed|introduced|"
     r"ran\s+from",
     r"closed|closes|ended|ends|ending|concluded|wrapped\s+up|finished|expired|collapsed|"
     r"broke\s+down|lifted|eased|(?:bringing|brought|bring)\s+(?:it\s+)?to\s+an\s+end"),
    (r"seized|captured|detained|arrested|abducted|kidnapped|hijacked|taken\s+hostage", _FREED),
    (r"closed|shut|suspended|halted|paused", r"reopened|resumed|restarted"),
    (r"voted|vote\s+was\s+held|went\s+to\s+the\s+polls|polls\s+opened|election\s+was\s+held",
     r"results?\s+(?:were|was)\s+(?:announced|published|released|declared)|"
     r"(?:announced|published|released|declared)\s+(?:the\s+)?(?:\w+\s+)?results?"),
))


def two_moments(a: str, b: str) -> bool:
    """Whether one text names one moment of a happening and the other only another (``_PHASES``:
    announced / took effect, opened / closed, seized / released, closed / reopened, the vote /
    its results)."""
    for (fa, ta), (fb, tb) in zip(_phases(a), _phases(b), strict=True):
        if fa and not ta and tb and not fb or ta and not fa and fb and not tb:
            return True
    return False


# Characters from a time to the words of its moment.
MOMENT_REACH = 50


def moments_near(text: str, start: int, end: int, reach: int = MOMENT_REACH) -> frozenset[str]:
    """The moments (``_MOMENTS``) whose words stand within ``reach`` characters of the time at
    ``start:end`` of ``text``: what that time dates ("strikes early on Monday brought the truce
    to an end": an end; "on Saturday Putin declared a truce": a declaration)."""
    return frozenset(name for name, at, to in _moment_words(text)
                     if (start - to if to <= start else at - end if at >= end else 0) <= reach)


def moments_apart(a: str, x: DateRef, b: str, y: DateRef) -> bool:
    """Whether time ``x`` of ``a`` and time ``y`` of ``b`` date different moments: each has
    words of a moment near it and they share none, and neither text states an offset between
    moments (which ``offset_explains`` weighs instead)."""
    ma, mb = moments_near(a, x.start, x.end), moments_near(b, y.start, y.end)
    return bool(ma and mb and not ma & mb and not offsets(a) and not offsets(b))


@lru_cache(maxsize=65536)
def _moment_words(text: str) -> tuple[tuple[str, int, int], ...]:
    text = _CLOCKS.sub(lambda m: " " * len(m.group(0)), text)  # offsets kept
    return tuple((name, m.start(), m.end()) for name, pattern in _MOMENTS
                 for m in pattern.finditer(text))


# The moments of a happening a claim may date, each in its usual words.
_MOMENTS = tuple((name, lazy(rf"\b(?:{words})\b", re.I)) for name, words in (
    ("declared", _DECLARED + r"|announces|declares|struck\s+(?:a|the)\s+deal"),
    # one moment: the pause in fighting began when the guns fell silent
    ("began or ended", _IN_FORCE + r"|launched|opened|broke\s+out|erupted|ended|ends|ending|"
                       r"concluded|expired|collapsed|broke\s+down|lifted|stopped|fell\s+silent|"
                       r"(?:bringing|brought|bring)\s+(?:it\s+|\w+\s+)?to\s+an\s+end"),
    ("broken", r"(?:broke|broken|breaking)\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+)?"
               r"(?:truce|ceasefire|agreement|deal)|violat\w+|breach\w*"),
    ("seized", r"seized|captured|overran|overrun|took\s+(?:control|over)|(?:declared|claimed|"
               r"announced)\s+(?:full\s+|complete\s+|total\s+)?control"),
    ("freed", _FREED),
    ("talked", r"(?:phone\s+)?calls?\s+with|phone\s+call|talks|negotiations|met\s+with|"
               r"meetings?|summit"),
    # made known: "announced on Friday" and "first revealed at a press conference on Wednesday"
    # share it; a briefing that made nothing known ("spoke", below) does not
    ("announced", r"announced|announces|announcement|declared|declares|unveiled|proclaimed|"
                  r"revealed"),
    # one side spoke of it: "chaired a briefing on Friday about the deal" dates the briefing
    ("spoke", r"briefings?|briefed|(?:press|news)\s+conference|interview(?:s|ed)?|speech|addressed|"
              r"televised\s+address"),
))


@lru_cache(maxsize=65536)
def _phases(text: str) -> tuple[tuple[bool, bool], ...]:
    """For each pair of moments, whether ``text`` names the first and the second (read once
    per text: a claim meets many others)."""
    text = _CLOCKS.sub("", text)
    return tuple((bool(first.search(text)), bool(then.search(text))) for first, then in _PHASES)


# Openings and closings that tell the time of day, not a moment of the happening ("announced
# before markets opened").
_CLOCKS = lazy(r"\b(?:markets?|stock\s+exchanges?|polls|shops|stores|schools|offices)\s+"
                     r"(?:opened|closed|opens|closes|open|close)\b|\b(?:opened|closed)\s+(?:their|its|"
                     r"the)\s+(?:stalls|shops|stores|doors|offices|gates)\b", re.I)


# A stated offset between two moments: "twelve hours later", "48 hours after the collapse", "a
# week after it was shut", "two weeks' notice", "the day before the vote", "on the eve of".
_UNIT_MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200}
_OFFSET = lazy(
    r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|twenty-four|forty-eight|seventy-two)\s+(?P<u>minute|hour|day|week|"
    r"month)s?(?:['’])?\s+(?:after|later|before|earlier|afterwards|on|notice)\b"
    r"(?!\s+(?:than|midnight|noon|midday|dawn|dusk|sunrise|sunset)\b)"
    r"|\b(?:the|a)\s+(?P<day>day)\s+(?:before|after|later|earlier)\b"
    r"|\b(?:on\s+)?the\s+(?P<eve>eve)\s+of\b|\bthe\s+(?:next|following)\s+(?P<next>day)\b", re.I)


@lru_cache(maxsize=65536)
def offsets(text: str) -> tuple[int, ...]:
    """The offsets between two moments ``text`` states, in minutes ("twelve hours later": 720)."""
    out = []
    for m in _OFFSET.finditer(text):
        if m.group("day") or m.group("eve") or m.group("next"):
            out.append(1440)
            continue
        n = m.group("n").lower()  # "twelve", "48", "a", "forty-eight"
        value = int(n) if n.isdigit() else 1 if n in ("a", "an") else int(
            sum(NUMBER_WORDS.get(part, 0) for part in n.split("-")))
        if value:
            out.append(value * _UNIT_MINUTES[m.group("u").lower()])
    return tuple(out)


def offset_explains(a: str, b: str, apart: int) -> bool:
    """Whether an offset one of two texts states explains the ``apart`` minutes between the
    times they give: "announced at 10:00 and set to take effect twelve hours later" / "the
    ceasefire came into force at 22:00" give two moments of it, not two times of one. Hours
    within a tenth (at least five minutes); days, weeks and months exactly (a month 28-31 days). Two
    texts that state different offsets dispute the gap itself."""
    oa, ob = offsets(a), offsets(b)
    if oa and ob and not set(oa) & set(ob):
        return False  # "a week after" / "eleven days later": the gap itself is in dispute
    for off in oa + ob:
        if off < 1440 and abs(apart - off) <= max(5, off // 10):
            return True
        if off >= 1440 and (apart == off or off == 43200 and 40320 <= apart <= 44640):
            return True
    return False


# Verbs of saying: a day or hour beside one dates the saying, not what it tells ("said on
# Tuesday that ...", "On Sunday the Kremlin made clear there would be no extension"). Not
# "announced": a truce announced is one moment of it ("Qatar announced on Thursday that the
# sides had agreed a truce" / "announced it on Wednesday" is a dispute over that moment); nor
# "rejected a deal", an act.
_SAYS = (r"(?:said|says|told|claimed|confirmed|noted|stated|added|wrote|insisted|argued|warned|"
         r"reported|quoted|accused|alleged|denied|branded|made\s+clear|"
         r"put\s+the\s+(?:death\s+)?(?:number|toll|figure))")
# The verb, up to six words, the day, then "that" or "as saying" ("said in a post on X on
# Thursday that"); or the verb just before a day that ends the sentence ("..., the spokesman
# said on Tuesday."), not "reported the explosion at the dam on Tuesday."
_SAID_BEFORE = lazy(rf"\b{_SAYS}(?:\s+[\w'’.-]+){{0,6}}?\s+$", re.I)
_THAT_NEXT = lazy(r"(?:['’]s)?(?:\s+[\w-]+){0,2}?\s*,?\s+(?:that|as\s+saying)\b", re.I)
_SAID_JUST = rf"\b{_SAYS}\s+(?:(?:late|early)\s+)?(?:on|at|in)?\s*$"  # the verb right before
_SAID_LAST = lazy(rf"{_SAID_JUST}|\b(?:branded|denied|"
                        r"dismissed|called|described)\b(?:\s+[\w'’.-]+){0,6}?\s+(?:on|at|in)?\s*$",
                        re.I)  # "... was branded disinformation by Ukraine on Monday."
_ENDS_HERE = lazy(r"\s*[.;]?\s*$")
# A saying dated, then only the outlet's narration ("said on Thursday, describing the request
# as urgent"; "..., amid fears of Q").
_SAID_JUST_RX = lazy(_SAID_JUST, re.I)
_NARRATED = lazy(rf",\s*(?:[a-z]+ing|{NARRATED})\b[^\"“”]*$")
_OPENS = lazy(r"(?:^|[,;:]|\band|\bbut)\s*(?:and\s+)?(?:(?:late|early)\s+)?(?:on|at|by)?\s*$",
                    re.I)
# ... or the day opens the clause and its subject speaks: "On Sunday the Kremlin made clear
# there"; not "On Tuesday troops fired on protesters who said they ...".
_SAYS_NEXT = lazy(rf",?(?:\s+(?!who\b|which\b|that\b)[\w'’.-]+){{0,5}}?\s+{_SAYS}\s+"
                        rf"(?:that|there|it|he|she|they|[\w.-]+\s+that)\b", re.I)
# "The government on Wednesday put the toll at ...", "officials on Monday said that"; not "the
# blast on Sunday claimed 30 lives".
_SAYS_RIGHT = lazy(rf"\s+(?:said|told|accused|put\s+the\s+(?:death\s+)?(?:number|toll|"
                         rf"figure)|{_SAYS}\s+that)\b", re.I)
# A time its verb is negated beside ("had not stopped at the midnight deadline") names no
# moment; "did not stop until 2 a.m." does, and so does "did not hold and collapsed on Friday".
_NOT_AT = lazy(r"(?:\bnot|\bnever|n['’]t)(?:\s+(?!and\b|but\b)[\w-]+){0,2}?\s+"
                     r"(?!until\b|till\b|and\b|but\b)[\w-]+\s+(?:the\s+)?$", re.I)
# Which end of a span a time gives: "from 6 pm" / "until midnight" / "to 9 pm"; not "due to
# start Monday", nor "shortly past midnight" (a time), but "extend the truce past midnight".
_ENDS = lazy(r"\b(?:(?P<end>until|till|through|to|ending)|(?P<start>from|starting|beginning|"
                   r"since))\s+(?:(?:the\s+)?(?:evening|morning|night|afternoon)\s+of\s+)?"
                   r"(?:the\s+)?$", re.I)
_PAST_END = lazy(r"\b(?:extend\w*|last\w*|continu\w*|run|ran|go|went|stay\w*)\b"
                       r"(?:\s+[\w'’-]+){0,4}?\s+(?:past|beyond)\s+$", re.I)
# A time a plan gave and the happening did not keep: "had originally been planned for 6pm".
_PLANNED = lazy(r"\b(?:originally|initially|first)\s+(?:been\s+)?(?:planned|scheduled|set|"
                      r"due|meant|expected)\s+(?:for|at|to\s+\w+\s+(?:at|on))\s+(?:the\s+)?$", re.I)


def dates_no_moment(text: str, d: DateRef) -> bool:
    """Whether the day or time ``d`` is no moment of the happening the text tells: it dates a
    saying ("said on Tuesday that", "was quoted on Tuesday as saying", "On Sunday the Kremlin
    made clear there ..."), an act told as not done ("had not stopped at midnight"), or a plan
    not kept ("originally planned for 6pm")."""
    before, after = text[max(0, d.start - 60):d.start], text[d.end:d.end + 80]
    return bool(_SAID_BEFORE.search(before) and _THAT_NEXT.match(after)
                or _SAID_LAST.search(before) and _ENDS_HERE.match(after)
                or _SAID_JUST_RX.search(before) and _NARRATED.match(after)
                or _OPENS.search(before) and _SAYS_NEXT.match(after)
                or _SAYS_RIGHT.match(after)
                or _NOT_AT.search(before[-40:]) or _PLANNED.search(before))


def span_end(text: str, d: DateRef) -> str | None:
    """Which end of a span the time ``d`` gives: "start" ("from 6 pm"), "end" ("until
    midnight", "extend the truce past midnight"), or None."""
    before = text[max(0, d.start - 60):d.start]
    if _PAST_END.search(before):
        return "end"
    m = _ENDS.search(before[-40:])
    return None if m is None else "end" if m.group("end") else "start"
