"""Typed records that flow between the stages: articles in, claims, events, groups and a report out.

All records are frozen; stages return new ones (``dataclasses.replace``). Only ``contract.py`` knows
JSON shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stance = Literal["asserts", "denies"]
Label = Literal["agree", "unique", "conflict"]
PairLabel = Literal["agree", "conflict", "neither"]
# A reviewer's decisions on a flagged group: keep it flagged, drop it, relabel it agree, or say its
# claims are about different things.
DECISIONS = ("confirm", "dismiss", "agree", "unrelated")


@dataclass(frozen=True, slots=True)
class Article:
    """One text from one outlet; ``text`` is the decoded text that claim offsets point into."""

    id: str
    path: str
    text: str
    source: str
    wire: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
    url: str | None = None
    # (start, end) character ranges of ``text`` that hold the article body (header lines
    # excluded); none means the whole text.
    body: tuple[tuple[int, int], ...] = ()
    # Set when grouping finds the text is a copy of another outlet's (same voice, not a wire).
    copy_of: str | None = None

    @property
    def voice(self) -> str:
        """The independent voice behind the article: the wire agency when it carries wire copy,
        the first outlet's name when it copies another's text, else its own source."""
        return self.wire or self.copy_of or self.source


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement with character offsets into its article's text."""

    id: str  # "<article_id>:<n>", stable across runs
    article_id: str
    text: str  # what the claim says, as shown to readers (verbatim span when possible)
    start: int
    end: int
    speaker: str | None = None  # who asserts it, when the article attributes it
    stance: Stance = "asserts"
    cue: str | None = None  # the attribution verb or noun: said, claimed, refuted, ...
    proposition: str = (
        ""  # the statement itself, attribution frame removed; what is embedded and judged
    )

    @property
    def content(self) -> str:
        """The text to embed and judge: the proposition, or the whole text when there is none."""
        return self.proposition or self.text


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a claim's content that a reason points at (offsets into ``Claim.content``)."""

    claim: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a pair or group was judged as it was; ``type`` is a detector name."""

    type: str
    detail: str
    claims: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    weight: float = 0.0  # the detector's confidence that this reason holds, 0..1


@dataclass(frozen=True, slots=True)
class Judgement:
    """The judge's verdict on one pair of claims."""

    label: PairLabel
    confidence: float
    reasons: tuple[Reason, ...] = ()
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Verdict:
    """A reviewer's decision on a flagged group."""

    decision: str
    reviewer: str
    at: str
    note: str | None = None


def is_flagged(label: str, verdict: Verdict | None, muted: bool) -> bool:
    """Whether a conflict is put in front of people: confirmed by a reviewer, or unreviewed and
    not under the calibrated threshold. The one rule for groups and for scored neighbours."""
    if label != "conflict":
        return False
    if verdict is None:
        return not muted
    return verdict.decision == "confirm"


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims from different articles on the same point, labelled agree/unique/conflict."""

    id: str
    label: Label
    confidence: float
    claims: tuple[str, ...]
    sources: tuple[str, ...]  # independent voices
    reasons: tuple[Reason, ...] = ()
    events: tuple[str, ...] = ()
    verdict: Verdict | None = None
    # Set on an unreviewed conflict whose confidence is under the corpus's calibrated threshold
    # (``divergence calibrate``): still a conflict, but not put in front of a reviewer.
    muted: bool = False

    @property
    def flagged(self) -> bool:
        """A conflict a reviewer confirmed, or an unreviewed one above the calibrated threshold."""
        return is_flagged(self.label, self.verdict, self.muted)


# How an outlet carries one position of a dispute: stated as its own fact (a claim with no
# speaker), in its own words but hedged ("reportedly", "may have"), attributed to someone,
# attributed and reported together with an opposing position, or not at all.
OutletVoice = Literal["fact", "hedged", "attributed", "with-rejection", "omitted"]


def dispute_shown(group: ClaimGroup | None) -> bool:
    """Whether a dispute is put in front of readers: while its conflict group is flagged (one a
    reviewer dismissed, or under the calibrated threshold, is set aside with it), or when the
    report does not hold that group. One rule for the views and the JSON's ``flagged``."""
    return group is None or group.flagged


@dataclass(frozen=True, slots=True)
class Position:
    """One side of a dispute: claims saying the same thing on its question, and who holds it."""

    id: str
    label: str  # the side in one clause (its most central asserted claim's proposition)
    claims: tuple[str, ...]
    holders: tuple[str, ...]  # the speakers; an unattributed claim is held by its outlet


@dataclass(frozen=True, slots=True)
class OutletPosition:
    """Which voice one article gives one position of a dispute."""

    article: str
    source: str  # the article's outlet (its independent voice)
    position: str  # a Position id
    voice: OutletVoice
    claims: tuple[str, ...] = ()  # the article's claims on this position (none when omitted)
    holders: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dispute:
    """A question the articles disagree on, built from one conflict group: its positions, who holds
    each, and for every article of the story which positions it carries and in which voice."""

    id: str
    question: str
    group: str  # the conflict group it was built from
    confidence: float
    positions: tuple[Position, ...]
    outlets: tuple[OutletPosition, ...]
    events: tuple[str, ...] = ()
    # The conflicts behind this question, strongest first; empty: read the group's reasons.
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """What a set of claims is about (a meeting, a ceasefire, a visit), found from the claims."""

    id: str
    label: str
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that could not be read, with where and why."""

    where: str
    why: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found; rendered to markdown, HTML and the JSON contract."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    groups: tuple[ClaimGroup, ...]
    model: str = ""
    created: str = ""
    skipped: tuple[Skip, ...] = ()
    # Conflicts below this confidence are not flagged unless confirmed (0 = no calibration).
    flag_threshold: float = 0.0
    disputes: tuple[Dispute, ...] = ()

    def claims_by_id(self) -> dict[str, Claim]:
        """Map claim id -> claim."""
        return {c.id: c for c in self.claims}

    def articles_by_id(self) -> dict[str, Article]:
        """Map article id -> article."""
        return {a.id: a for a in self.articles}

    def event_of(self) -> dict[str, str]:
        """Map claim id -> event id."""
        return {cid: e.id for e in self.events for cid in e.claims}
