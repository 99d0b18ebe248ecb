"""Typed detectors that explain themselves: each looks at a pair of claims, may return a Reason.

A detector fires only when the two claims speak to the same point and differ in one typed way
(polarity, a number, a date, who gets the credit, who asserts versus who denies, a title). Each is
registered by name, so the judge's set can be chosen and extended.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ..ingest.speakers import holder
from ..records import Claim, Reason, Span
from ..registry import Registry
from ..wordlists import word_set
from .charges import rejects_a_charge
from .contrasts import contrast
from .demonyms import same_actor
from .moments import two_moments
from .office_names import one_spelling
from .opposites import any_opposite, opposite, turned_back
from .people import one_person_respelt, title_for_name, two_people
from .roles import one_deed, roles_apart, side
from .text import (
    COUNTRY_NAMES,
    NEGATIONS,
    DateRef,
    Quantity,
    compatible,
    content_tokens,
    dates,
    elsewhere,
    norm_actor,
    overlap,
    quantities,
    token_set,
)
from .zones import ZONE_ABBREVIATIONS, one_clock


@dataclass(frozen=True, slots=True)
class Pair:
    """What a detector sees: two claims and their embedding similarity."""

    a: Claim
    b: Claim
    similarity: float


Detector = Callable[[Pair], "Reason | None"]
DETECTORS: Registry[Detector] = Registry("detector")


def detector(name: str) -> Callable[[Detector], Detector]:
    """Decorator: register a detector function under ``name`` (its factory returns it, so
    ``DETECTORS.make(name)`` gives the function, as for every other registry)."""

    def deco(fn: Detector) -> Detector:
        DETECTORS.add(name, lambda: fn)
        return fn

    return deco


def span_of(c: Claim, start: int, end: int) -> Span:
    return Span(c.id, start, end, c.content[start:end])


def text_span(c: Claim, start: int, end: int) -> Span | None:
    """A span from offsets into ``c.text``: the same piece of ``c.content`` when it lies inside
    the proposition, else None (it sits in the attribution: "Prime Minister X said ...")."""
    at = _body_at(c.content.rstrip(" ."), c.text)
    if at is None or start < at[0] or end > at[1]:
        return None
    return span_of(c, start - at[0], end - at[0])


@lru_cache(maxsize=65536)
def _body_at(body: str, text: str) -> tuple[int, int] | None:
    """Where ``body`` (a claim's proposition) stands in ``text`` (its sentence), in any case:
    found once per claim, not once per span (a pattern compiled per proposition)."""
    m = re.search(re.escape(body), text, re.I) if body else None  # same length, any case
    return None if m is None else (m.start(), m.end())


def same_point(p: Pair, sim: float = 0.6, words: float = 0.5) -> bool:
    """Both claims are about the same thing: close in meaning or sharing most content words."""
    return p.similarity >= sim or overlap(p.a.content, p.b.content) >= words


def speaker_key(c: Claim) -> str | None:
    """The claim's speaker folded to an actor key ("New Delhi", "Indian officials" -> india);
    someone tied to an actor is not that actor ("critics of the mayor" -> critics:mayor)."""
    return _speaker_key(c.speaker) if c.speaker else None


@lru_cache(maxsize=65536)
def _speaker_key(speaker: str) -> str:
    """``speaker_key`` of a speaker's words: read once per speaker, not once per pair."""
    near = _NEAR.match(speaker)
    return (norm_actor(speaker) if near is None
            else f"{norm_actor(near['who'])}:{norm_actor(speaker[near.end():])}")


# People who speak about an actor, or beside it, in their own voice: "critics of Governor Hesk",
# "sources close to the president", "a lawyer for Dell", "the family of Ivo Brant" (a spokesman
# or officials "of" a body speak as it: they stay that body). "Hesk's critics" reads so as is.
_NEAR = re.compile(r"(?:the\s+|a\s+|an\s+|some\s+|several\s+|two\s+|three\s+|other\s+)*"
                   r"(?P<who>(?:[\w-]+\s+)?(?:critics?|opponents?|rivals?|detractors?|accusers?|"
                   r"enemies|foes?|allies|ally|aides?|associates?|supporters?|friends?|"
                   r"relatives?|family|families|lawyers?|attorneys?|advis[eo]rs?|victims?|"
                   r"neighbou?rs?|(?:sources?|people|those|figures?)\s+close))"
                   r"\s+(?:of|to|for)\s+", re.I)


# Speakers that name no one: "he" in two articles is two people, not one voice.
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
                       "our", "him", "them", "us"})


def same_speaker(a: Claim, b: Claim) -> bool:
    """Whether two claims' speakers fold to one actor; a pronoun ("he said") names no one, so
    two of them are not the same speaker."""
    return _same_speaker(a.speaker or "", b.speaker or "")


@lru_cache(maxsize=65536)
def _same_speaker(sa: str, sb: str) -> bool:
    """``same_speaker`` of two speakers' words (all it reads), once per two speakers."""
    ka, kb = _speaker_key(sa) if sa else None, _speaker_key(sb) if sb else None
    if one_person_respelt(sa, sb, ka, kb):
        return True  # "Omar al-Rasheed" / "Omar al-Rashid"
    return (ka == kb and ka not in _PRONOUNS and not _other_names(sa, sb, ka)
            and not two_people(sa, sb, ka))


@lru_cache(maxsize=65536)
def _other_names(a: str, b: str, key: str | None) -> bool:
    """Two speakers folded to one generic head by names the country list does not know ("the
    Tessarian navy" / "the Korvian navy": both "navy"): each names someone the other does not,
    and neither's names give the key ("New Delhi" and "Indian officials" are both India)."""
    na, nb = ([w for w in re.findall(r"\b[A-Z][\w’'-]+", c) if w not in ("The", "A", "An")]
              for c in (a, b))
    if not (na and nb and key) or set(na) & set(nb):
        return False
    whole = norm_actor(" ".join(na)), norm_actor(" ".join(nb))
    named = set(whole) | {norm_actor(w) for w in na + nb}
    return key not in named and whole[0] != whole[1]  # "Chinese" / "Beijing's": one china


def one_voice(p: Pair) -> bool:
    """Both claims carry one speaker's line the same way ("New Delhi said P" twice, in two
    outlets): frames that compare sides have nothing to compare."""
    return bool(speaker_key(p.a)) and same_speaker(p.a, p.b) and p.a.stance == p.b.stance


# ---------------------------------------------------------------- negation


def who(c: Claim, otherwise: str, beside: Claim | None = None) -> str:
    """A claim as a reason names it to readers: its speaker, else ``otherwise`` ("the other");
    never its id, which means nothing to them. A speaker both claims share (``beside``) tells
    them apart no better than an id would: then ``otherwise``."""
    if beside is not None and c.speaker and c.speaker == beside.speaker:
        return otherwise
    return c.speaker or otherwise


@detector("negation")
def negation(p: Pair) -> Reason | None:
    """One claim negates what the other asserts ("was mediated" vs "was not mediated")."""
    na = negations_against(p.a.content, p.b.content)
    nb = negations_against(p.b.content, p.a.content)
    if (len(na) % 2) == (len(nb) % 2):
        return None  # same polarity: cheapest test first
    words = overlap(p.a.content, p.b.content)
    if not (p.similarity >= 0.75 and words >= 0.6) and words < 0.8:
        return None
    neg_claim, cues = (p.a, na) if len(na) % 2 else (p.b, nb)
    other = p.b if neg_claim is p.a else p.a
    if turned_back(neg_claim.content, other.content, cues):
        return None  # "did not attend" / "stayed away": the same statement
    cue = cues[0]
    return Reason(
        "negation",
        f"{who(neg_claim, 'one claim', other)} negates ({cue.group(0)!r}) what "
        f"{who(other, 'the other', neg_claim)} states",
        (p.a.id, p.b.id),
        (span_of(neg_claim, cue.start(), cue.end()),),
        weight=min(0.95, 0.45 + 0.5 * max(p.similarity, words)),
    )


def cue_words(cues: Sequence[re.Match[str]]) -> frozenset[str]:
    """The lower-cased words of negation cues."""
    return frozenset(w.lower() for m in cues for w in re.findall(r"[A-Za-z]+", m.group(0)))


def negations_apart(a: str, b: str) -> bool:
    """Whether one text negates and the other does not, a cue that is itself the opposite of a
    word of the other aside ("failed" / "succeeded" is an antonym, not a negation as well)."""
    wa, wb = _lower_words(a), _lower_words(b)
    na = [m for m in negations_against(a, b) if not any_opposite(cue_words((m,)), wb)]
    nb = [m for m in negations_against(b, a) if not any_opposite(cue_words((m,)), wa)]
    return len(na) % 2 != len(nb) % 2


# A saying negated ("did not say who", "has not confirmed that", "never publicly named"): what
# was not said is neither stated nor denied.
# Against a claim about a saying ("police blamed the protesters") it is a clash as before.
_SAYINGS = (r"(?:say|said|says|claim|claimed|claims|confirm|confirmed|confirms|comment|commented|"
            r"specify|specified|state|stated|mention|mentioned|disclose|disclosed|reveal|revealed|"
            r"identify|identified|name|named|elaborate|elaborated|announce|announced|report|"
            r"reported|attribute|attributed|blame|blamed)(?![\w-])")  # not "state-owned"
# A claim that tells of a saying, by its verb ("blamed", "said"; not the nouns "Borno state",
# "claims"): against it a negated saying clashes as any negation does.
_SAYING = re.compile(r"\b(?:said|says|told|claimed|confirmed|commented|stated|mentioned|"
                     r"disclosed|revealed|identified|announced|reported|attributed|blamed|"
                     r"denied)(?![\w-])", re.I)
_WITHOUT_SAYING = re.compile(r"\bwithout\s+(?:saying|naming|specifying|mentioning|identifying|"
                             r"elaborating|commenting|confirming|disclosing|blaming)\b", re.I)
_UNSAID = re.compile(rf"\s+(?:(?:{'|'.join(sorted(word_set('saying_adverbs')))})\s+)?{_SAYINGS}",
                     re.I)


@lru_cache(maxsize=65536)
def all_negations(text: str) -> tuple[re.Match[str], ...]:
    """Negation cues, minus the ones that do not negate ("not only ... but also", "no doubt",
    "no fewer than"); contrasts ("X, not Y,", "X rather than Y") included."""
    return tuple(m for m in NEGATIONS.finditer(text) if not _NOT_NEGATING.match(text, m.end())
                 and not (m.group(0).lower() == "failed"
                          and _DETERMINER_BEFORE.search(text, 0, m.start()))
                 # "rather than" / "instead of" negate only as a contrast with what they rule out
                 and (not m.group(0).lower().startswith(("rather", "instead"))
                      or contrast(text, m) is not None))


# "a failed rocket launch", "the army's failed offensive": a description, not a denial
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|this|[\w-]+['’]s)\s+$",
                                re.I)


# After a cue, what keeps it from negating: "not only", "no doubt", "no fewer than 2,000" (a
# bound, not a denial). Matched in place: a slice per cue made long texts quadratic.
_NOT_NEGATING = re.compile(r"\s+(?:(?:the\s+)?only|just|merely|least|until|to\s+mention|doubt|"
                           r"(?:fewer|less|more)\s+than|"
                           # "not clear whether P" leaves P open; it does not deny it
                           r"(?:yet\s+|immediately\s+)?(?:clear|known|certain|sure)\s+"
                           r"(?:whether|if))\b", re.I)


@lru_cache(maxsize=65536)
def negations(text: str) -> tuple[re.Match[str], ...]:
    """``all_negations`` but a contrast set off by commas ("civilians, not fighters, were
    killed" states who was killed; it denies only the fighters: ``negations_against``)."""
    return tuple(m for m in all_negations(text) if contrast(text, m) is None)


def negations_beside(text: str, other: str) -> tuple[re.Match[str], ...]:
    """``all_negations`` of ``text`` but a negated saying ("did not say that P") when ``other``
    speaks of no saying: against P, what was not said neither states nor denies P."""
    found = all_negations(text)
    if not found or _speaks_of_saying(other):  # most texts negate nothing: no search
        return found
    return _said_negations(text)


@lru_cache(maxsize=65536)
def _said_negations(text: str) -> tuple[re.Match[str], ...]:
    """``all_negations`` of ``text`` but its negated sayings: read once per text."""
    return tuple(m for m in all_negations(text) if not _UNSAID.match(text, m.end()))


@lru_cache(maxsize=65536)
def _speaks_of_saying(text: str) -> bool:
    return _SAYING.search(text) is not None


@lru_cache(maxsize=65536)
def negated_sayings(text: str) -> int:
    """How many negations in ``text`` negate a saying ("did not say", "has not confirmed",
    "without naming")."""
    return (sum(1 for m in all_negations(text) if negates_a_saying(text, m.end()))
            + len(_WITHOUT_SAYING.findall(text)))


def negates_a_saying(text: str, end: int) -> bool:
    """Whether the negation that ends at ``end`` negates a saying ("not say", "not yet
    confirmed")."""
    return _UNSAID.match(text, end) is not None


def negations_against(text: str, other: str) -> tuple[re.Match[str], ...]:
    """The negations of ``text`` that bear on ``other``: a contrast ("it was Marrak, not Kovia,
    that asked") only when ``other`` speaks of what it rules out ("Kovia asked"), or negates
    something itself (then parity is read as before: "Qatar, not Egypt, brokered it" / "it was
    not brokered by the US" is no clash of polarity)."""
    found = negations_beside(text, other)
    if not _has_contrast(text) or negations(other):
        return found
    theirs = token_set(other)
    return tuple(m for m in found if (y := contrast(text, m)) is None or token_set(y) & theirs)


@lru_cache(maxsize=65536)
def _has_contrast(text: str) -> bool:
    return any(contrast(text, m) is not None for m in all_negations(text))


# ---------------------------------------------------------------- numbers


# Two claims with more numbers or dates than this many pairs (50 each) are tables or lists:
# the number and date detectors leave them (newsdev and the seeds: at most 7 in a claim).
MOST_VALUE_PAIRS = 50 * 50


@detector("number")
def number(p: Pair) -> Reason | None:
    """The same sentence with a different count ("five jets" vs "six jets"; "5" equals "five");
    bounds and guesses are respected ("439 children" agrees with "more than 400 children")."""
    qa, qb = _counts(p.a.content), _counts(p.b.content)
    if not qa or not qb:
        return None  # nothing to compare (what the test below finds, sooner)
    if len(qa) * len(qb) > MOST_VALUE_PAIRS:
        return None  # a table, not a sentence: every count against every other is quadratic
    if not any(_counts_clash(x, y) for x in qa for y in qb) or _other_actors(p):
        return None  # no two counts that could disagree: skip the alignment
    if elsewhere(p.a.content) or elsewhere(p.b.content):
        return None  # "at a separate protest last year": another happening, told as such
    from .frames.owners import two_owners

    for x, y in _in_swaps(p, qa, qb):
        if _counts_clash(x, y) and not two_owners(p.a, x, p.b, y):  # not "14 of its soldiers"
            return Reason(                                       # / "40 of their fighters"
                "number",
                f"{x.text!r} vs {y.text!r}",
                (p.a.id, p.b.id),
                (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                weight=0.7 + 0.2 * min(1.0, p.similarity),
            )
    return None


def _counts_clash(x: Quantity, y: Quantity) -> bool:
    """Two counts of one thing that cannot both be true."""
    return x.unit.rstrip("s") == y.unit.rstrip("s") and not compatible(x, y)


@lru_cache(maxsize=65536)
def _counts(text: str) -> tuple[Quantity, ...]:
    """The quantities of ``text`` outside parentheses (read once per text, not once per
    pair)."""
    return tuple(q for q in quantities(text) if not _in_parens(text, q.start))


def _in_parens(text: str, pos: int) -> bool:
    """Inside (...): a conversion or an aside, such as "320 kilometres (200 miles)"."""
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


def _other_actors(p: Pair) -> bool:
    """The sentences are about different people or places (a name is swapped): then different
    numbers or dates describe different things, not a disagreement."""
    near = p.similarity >= _ENTITY_SIMILARITY
    return near and _swapped_name(p.a.content, p.b.content) is not None


Swap = tuple[tuple[int, int], tuple[int, int]]
_Item = TypeVar("_Item", Quantity, DateRef)


def _swaps(p: Pair, most: int = 4, ratio: float = 0.5) -> list[Swap]:
    """Where one sentence puts other words in the same place of an otherwise matching sentence:
    (span in a, span in b) character ranges of each short replaced run."""
    ta, tb = _words(p.a.content), _words(p.b.content)
    return [((ta[i1][0], ta[i2 - 1][1]), (tb[j1][0], tb[j2 - 1][1]))
            for i1, i2, j1, j2 in _replaced(p.a.content, p.b.content, most, ratio)]


def _replaced(a: str, b: str, most: int, ratio: float) -> list[tuple[int, int, int, int]]:
    """Word-index runs (i1, i2, j1, j2) that b puts in place of a, each at most ``most`` words,
    when the two word sequences match at least ``ratio``; [] otherwise."""
    if _ratio_bound(a, b) < ratio:
        return []  # cannot match well enough: skip the alignment
    r, runs = _alignment(a, b)
    if r < ratio:
        return []
    return [(i1, i2, j1, j2) for i1, i2, j1, j2 in runs if i2 - i1 <= most and j2 - j1 <= most]


def _ratio_bound(a: str, b: str) -> float:
    """An upper bound on the alignment's match ratio (difflib's 2 * matches / total words), from
    word sets alone: each word both texts use can match, at most once more for each repeat."""
    sa, sb = _lower_seq(a), _lower_seq(b)
    wa, wb = _lower_words(a), _lower_words(b)
    if not sa or not sb:
        return 0.0
    repeats = min(len(sa) - len(wa), len(sb) - len(wb))
    return 2.0 * (len(wa & wb) + repeats) / (len(sa) + len(sb))


# Word pairs (words of one claim times words of the other) beyond which two claims are not
# aligned: 250 words each, far beyond a news sentence.
ALIGN_MOST = 250 * 250


@lru_cache(maxsize=65536)
def _alignment(a: str, b: str) -> tuple[float, tuple[tuple[int, int, int, int], ...]]:
    """One word alignment per pair of texts, shared by the detectors: match ratio and the
    replaced runs."""
    ta, tb = _words(a), _words(b)
    if not ta or not tb or len(ta) * len(tb) > ALIGN_MOST:
        return 0.0, ()  # two claims of hundreds of words each: no minimal pair, and the
        # alignment is quadratic (0.1-0.3 s a pair of 4,000-character claims)
    sm = difflib.SequenceMatcher(a=_lower_seq(a), b=_lower_seq(b), autojunk=False)
    runs = tuple((i1, i2, j1, j2) for op, i1, i2, j1, j2 in sm.get_opcodes() if op == "replace")
    return sm.ratio(), runs


def _in_swaps(p: Pair, xs: Sequence[_Item], ys: Sequence[_Item]) -> Iterator[tuple[_Item, _Item]]:
    """Pairs (x, y) of found items (quantities, dates) that sit in the same swapped run."""
    for (a0, a1), (b0, b1) in _swaps(p):
        for x in (x for x in xs if x.start < a1 and x.end > a0):
            for y in (y for y in ys if y.start < b1 and y.end > b0):
                yield x, y


# ---------------------------------------------------------------- dates


@detector("date")
def date(p: Pair) -> Reason | None:
    """The same sentence with another day, date, year or time ("Friday" vs "Saturday")."""
    da, db = dates(p.a.content), dates(p.b.content)
    if not da or not db:
        return None  # no date on one side (what the test below finds, sooner)
    if len(da) * len(db) > MOST_VALUE_PAIRS:
        return None  # a list of dates, not a sentence: the comparison below is cubic
    xa, xb = [d for d in da if d.kind == "time"], [d for d in db if d.kind == "time"]
    if xa and xb:  # clock times on one clock only: "5 pm IST" is "4:30 pm PKT"
        ta, tb = one_clock(p.a.content, xa, p.b.content, xb)
        da = [*(d for d in da if d.kind != "time"), *ta]
        db = [*(d for d in db if d.kind != "time"), *tb]
    if not any(_dates_clash(x, y, da, db) for x in da for y in db) or _other_actors(p):
        return None  # no two dates that could disagree: skip the alignment
    if two_moments(p.a.content, p.b.content):
        return None  # "announced on Friday" / "took effect on Saturday": two moments
    for x, y in _in_swaps(p, da, db):
        if _dates_clash(x, y, da, db):
            return Reason(
                "date",
                f"{x.text!r} vs {y.text!r}",
                (p.a.id, p.b.id),
                (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                weight=0.65 + 0.25 * min(1.0, p.similarity),
            )
    return None


def _dates_clash(x: DateRef, y: DateRef, da: Sequence[DateRef], db: Sequence[DateRef]) -> bool:
    """Dates x (of a, all ``da``) and y (of b, all ``db``) of one kind that name other days."""
    if x.kind != y.kind or x.value == y.value:
        return False
    if x.kind == "monthday" and _overlapping_days(x.value, y.value):
        return False
    # Both days named on both sides, in other roles, is no clash.
    return not (any(d.kind == x.kind and d.value == x.value for d in db)
                or any(d.kind == y.kind and d.value == y.value for d in da))


def _overlapping_days(a: str, b: str) -> bool:
    def rng(v: str) -> tuple[int, int, int]:
        mon, _, days = v.partition("-")
        d1, _, d2 = days.partition("-")
        return int(mon), int(d1), int(d2 or d1)

    ma, a1, a2 = rng(a)
    mb, b1, b2 = rng(b)
    return ma == mb and a1 <= b2 and b1 <= a2


# ---------------------------------------------------------------- attribution


@detector("attribution")
def attribution(p: Pair) -> Reason | None:
    """One actor asserts what another denies: a dispute between actors that the outlets report.

    "What another denies" is read loosely, at cosine 0.5 (was 0.75 until 2026-12-02): outlets
    word the two sides apart ("Russia was behind the leak" / "the Kremlin rejected any
    suggestion that Russia attacked the pipelines", cosine 0.68). On newsdev dev this found 6
    more gold conflicts for 1 unrelated pair (report macro-F1 0.420 -> 0.442; 0.6: 0.424);
    SICK trial and the seeds unchanged. A negation between the two is read through the stances
    first (``stances.through_stance``); a denial whose claim is its whole sentence is not read
    as denying it (``denial_inside``)."""
    if p.a.stance == p.b.stance or not (p.a.speaker or p.b.speaker):
        return None
    if same_speaker(p.a, p.b):
        return None
    same = p.a.content.strip().lower() == p.b.content.strip().lower()
    if not same and not same_point(p, sim=0.5, words=0.8):
        return None
    asserter, denier = (p.a, p.b) if p.a.stance == "asserts" else (p.b, p.a)
    if denial_inside(denier):
        return None  # "Israel denied any part in the blast": the denial is what it states
    if states_negated(asserter.content, denier.content) or rejects_a_charge(asserter.content):
        return None  # "it committed no violence against civilians" asserts what the other
        # denies only negated: "denies that its fighters abused civilians" is one position;
        # "it was unacceptable to accuse Baku of ethnic cleansing" rejects it as well
    return Reason(
        "attribution",
        f"{holder(asserter.speaker)} asserts it; "
        f"{holder(denier.speaker)} denies it ({denier.cue or 'denies'})",
        (p.a.id, p.b.id),
        (),
        weight=0.9 if same else 0.6 + 0.3 * p.similarity,
    )


# Where a negation's clause ends: a stop, a conjunction, a relative word ("U.S." is no stop).
_SCOPE_END = re.compile(r"[,;:]|\.(?:\s|$)|\b(?:and|but|while|whereas|which|who|whom|whose|"
                        r"because|although|after|before|when)\b", re.I)
# The negations that state a thing negated ("committed no violence", "had nothing to do with",
# "never harmed"); not "without warning", nor "denied civilians access" (withheld).
_STATES_NO = frozenset({"not", "no", "never", "none", "nothing", "nobody", "n't"})


def states_negated(text: str, other: str) -> bool:
    """Whether ``text`` negates, in the clause of its negation, something ``other`` (with no
    negation of its own) speaks of: "it had committed no violence against civilians" /
    "its fighters abused civilians"; not "police fired on a crowd that posed no threat" /
    "police fired on the crowd", where the negation bears on another thing. A negated saying
    ("did not say") negates nothing ``other`` states."""
    if negations(other):
        return False
    theirs = {w.rstrip("s") for w in token_set(other)}
    for m in negations(text):
        word = m.group(0).lower()
        if (word not in _STATES_NO and not word.endswith("n't")) or negates_a_saying(text, m.end()):
            continue
        rest = text[m.end():m.end() + 200]  # a clause, not the rest of a long text
        end = _SCOPE_END.search(rest)
        scope = rest[:end.start() if end else len(rest)]
        if {w.rstrip("s") for w in content_tokens(scope)[:8]} & theirs:
            return True
    return False


def denial_inside(c: Claim) -> bool:
    """A denial whose claim is its whole sentence, cue included ("Israel denied any part in the
    blast": what the cue left was no clause): what it states is already the denial."""
    return bool(c.stance == "denies" and c.cue
                and re.search(rf"\b{re.escape(c.cue)}\b", c.content, re.I))


# ---------------------------------------------------------------- antonyms

_INDEFINITE = re.compile(
    r"\s*(?:a|an|some|one|two|three|four|five|several|many|few|there\s+is|there\s+are)\b", re.I
)


@detector("antonym")
def antonym(p: Pair) -> Reason | None:
    """One word turned into its opposite in otherwise the same sentence ("approved"/"rejected").

    Between indefinite descriptions it is weak (0.55: the pair model must agree): in SICK TRAIN
    most such pairs are different scenes ("A big cat ..." / "A small cat ..."), not contradictions.
    Between definite statements it decides (0.8).
    """
    if overlap(p.a.content, p.b.content) < 0.5:
        return None
    wa, wb = _lower_words(p.a.content), _lower_words(p.b.content)
    if not any_opposite(wa - wb, wb - wa):
        return None  # no opposite pair at all: skip the alignment
    if negations_apart(p.a.content, p.b.content):
        return None  # "was not present" / "was absent": the same statement
    da, db = ({d.value for d in dates(t)} for t in (p.a.content, p.b.content))
    if da and db and not da & db and two_moments(p.a.content, p.b.content):
        return None  # "the operation began on Monday" / "ended on Thursday": two moments
    ta, tb = _words(p.a.content), _words(p.b.content)
    for i1, i2, j1, j2 in _replaced(p.a.content, p.b.content, most=3, ratio=0.6):
        for x in ta[i1:i2]:
            for y in tb[j1:j2]:
                if opposite(x[2], y[2]):
                    # "A big cat ..." / "A small cat ...": indefinite, so maybe two scenes.
                    # "Stocks rose" / "Stocks fell", "The bill was approved / rejected": one fact.
                    vague = _INDEFINITE.match(p.a.content) or _INDEFINITE.match(p.b.content)
                    return Reason("antonym", f"{x[2]!r} vs {y[2]!r}", (p.a.id, p.b.id),
                                  (span_of(p.a, x[0], x[1]), span_of(p.b, y[0], y[1])),
                                  weight=0.55 if vague else 0.8)
    return None


# ---------------------------------------------------------------- actors swapped (hard negatives)


_ENTITY_SIMILARITY = 0.5
ROLES_WEIGHT = 0.6  # two sides' roles swapped: structural, as the frames' actor reasons


@detector("entity")
def entity(p: Pair) -> Reason | None:
    """Same sentence, another actor swapped in ("five Indian jets" vs "five Pakistani jets"):
    not one statement. Two sides in each other's places around one deed ("Thai troops shelled
    a Cambodian post" / "Cambodian troops shelled a Thai post") are a conflict: who did it."""
    if p.similarity < _ENTITY_SIMILARITY:
        return None
    roles = _roles_swapped(p)
    if roles is not None and roles.type == "actor":
        return roles
    swap = _swapped_name(p.a.content, p.b.content)
    if swap is None:
        return roles
    sa, sb = span_of(p.a, *swap[0]), span_of(p.b, *swap[1])
    return Reason("entity", f"{sa.text!r} vs {sb.text!r}", (p.a.id, p.b.id), (sa, sb), weight=0.5)


def _roles_swapped(p: Pair) -> Reason | None:
    """The same deed with its doer and the one it was done to in each other's places
    (``roles.roles_apart``): an ``actor`` conflict when both are sides (names, or a side's
    word: ``roles.side``) and the two tell one deed (``roles.one_deed``), else an ``entity``
    reason that keeps the pair from agreeing ("the landlord sued the tenant" / the reverse: two
    parties a paraphrase may also reorder; each side's own losses told by each)."""
    if (got := roles_apart(p.a.content, p.b.content, p.similarity)) is None:
        return None
    found = [re.search(rf"\b{re.escape(w)}[\w’'-]*", p.a.content, re.I) for w in got]
    x, y = (m.group(0) if m else w for m, w in zip(found, got, strict=True))
    spans = tuple(span_of(p.a, m.start(), m.end()) for m in found if m)
    sides = (all(side(w, p.a.content, p.b.content) for w in got)
             and one_deed(p.a.content, p.b.content))
    return Reason("actor" if sides else "entity",
                  f"who did what to whom: {x!r} and {y!r} change places", (p.a.id, p.b.id),
                  spans, weight=ROLES_WEIGHT if sides else 0.5)


@lru_cache(maxsize=65536)
def _swapped_name(a: str, b: str) -> Swap | None:
    """The first name b puts in place of another in a, as (span in a, span in b); None if none.

    Cached: the number and date detectors ask it of the same pair (``_other_actors``) before the
    entity detector does. Offices are read in one spelling ("Premier" / "Prime Minister",
    ``office_names``): a title spelt two ways names no other person."""
    if overlap(a, b) < 0.5:
        return None  # too different to be one sentence with a name swapped: skip the alignment
    ra, rb = one_spelling(a), one_spelling(b)
    a1, b1 = ra[0] if ra else a, rb[0] if rb else b
    ta, tb = _words(a1), _words(b1)
    for i1, i2, j1, j2 in _replaced(a1, b1, most=3, ratio=0.7):
        xa = " ".join(w for _, _, w in ta[i1:i2])
        xb = " ".join(w for _, _, w in tb[j1:j2])
        if not (_is_name(xa) and _is_name(xb)) or same_actor(norm_actor(xa), norm_actor(xb)):
            continue
        if title_for_name(xa, xb, ta[i2:i2 + 1], tb[j2:j2 + 1]):
            continue  # "President Haldor" / "Erik Haldor": one person
        sa, sb = (ta[i1][0], ta[i2 - 1][1]), (tb[j1][0], tb[j2 - 1][1])
        return (_back(ra, sa), _back(rb, sb))  # offsets into the texts as written
    return None


def _back(respelt: tuple[str, tuple[int, ...], tuple[int, ...]] | None, span: tuple[int, int]
          ) -> tuple[int, int]:
    """A span of a respelt text (``office_names.one_spelling``) in the text as written."""
    return span if respelt is None else (respelt[1][span[0]], respelt[2][span[1]])


@lru_cache(maxsize=65536)
def _lower_seq(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for _, _, w in _words(text))


@lru_cache(maxsize=65536)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(_lower_seq(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0)) for m in re.finditer(r"[\w’'-]+", text))


def _is_name(s: str) -> bool:
    """A person, place or organisation: capitalised (not a day or month) or a country word."""
    if (dates(s) or s[:1].isdigit() or s in ZONE_ABBREVIATIONS
            or any(q.text == s and not q.unit for q in quantities(s))):
        return False  # "Friday", "May 7", "2024", "IST", "Five": the date and number detectors'
    return bool(s[:1].isupper()) or norm_actor(s) in COUNTRY_NAMES


CONFLICT_TYPES = ("negation", "antonym", "number", "date", "actor", "attribution", "title",
                  "compliance", "linkage", "place")
# Reason types of the built-in parts that are not conflicts: agreement signs (same-value;
# same-count, a weaker one the models may overrule; one position, a denial of what the other
# states negated), what blocks agreement (entity, a swap; distance, a statement passed on
# without vouching for it beside a plain one), and the judges' own (model, nli, similarity;
# close, two claims worded alike, which agree only inside a dispute; both-sides, a statement that
# tells a dispute whole beside one of its positions, in ``compare``).
_OTHER_TYPES = frozenset({"same-value", "same-count", "one-position", "entity", "distance",
                          "model", "nli", "similarity", "close", "both-sides"})


def is_conflict(r: Reason) -> bool:
    """Whether a detector's reason speaks for a conflict: the typed conflict reasons, and the
    reasons of a plugin's detectors (a detector that fires names a conflict, by convention)."""
    return r.type in CONFLICT_TYPES or r.type not in _OTHER_TYPES
