"""An accident or an attack: two voices telling one harm, one as a mishap nobody inflicted ("the
fire broke out after an electrical fault", "victims were trampled in a stampede", "the plane
crashed in thick fog") and the other as an act ("started deliberately by saboteurs", "struck by
bullets", "shot down by a missile"). The ``mishap`` detector: a report and its rejection where
neither names the other's version, only its own cause.

A claim that rules out the other version says which side it takes: "ruling out foul play", "no
indication it had been struck" read as a mishap; "was no accident" as an act; so does a claim
that denies its content ("the minister denied that the fire was an accident": an act). A claim
that tells both (the army's account and the witnesses') takes no side here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...lazy_re import lazy
from ...records import Claim, Reason
from ..detectors import Pair, detector, one_voice, same_speaker, span_of
from ..gate import Gate
from ..text import clause_start
from .happenings import same_happening

# Harm done, however it is named: "the victims", "every casualty", "were injured", "was
# damaged".
_HARMED = lazy(r"\b(?:victims?|casualt(?:y|ies)|killed|died|dead|deaths?|wounded|"
                     r"injured|injuries|harmed|hurt|damaged?|destroyed)\b", re.I)

# A mishap: what went wrong by itself, or by nobody's design.
_ACCIDENT = (
    r"(?:tragic\s+|an?\s+|(?<=\bno\s))accident|accidental(?:ly)?|by\s+accident|"
    r"(?:technical|mechanical|electrical|engine|structural|equipment|power)\s+(?:fault|failure|"
    r"malfunction|problem|defect)s?|malfunction(?:ed|ing)?|short[\s-]circuit|faulty\s+(?:wiring|"
    r"equipment|valve|grenade|gas\s+\w+)|old\s+wiring|(?<!the\s)gas\s+leak|gas\s+(?:explosion|"
    r"cylinder)|"
    r"pressure\s+build-?up|mishandl\w+|(?:pilot|human)\s+error|bird\s+strike|"
    r"(?:thick|heavy|dense)\s+fog|(?:bad|poor|severe)\s+weather|heavy\s+rains?|"
    # a landslide that falls, not one that wins; a crush of people, not "to crush the rebels"
    r"(?<!by\sa\s)landslides?(?!\s+(?:victory|win|majority|election))|"
    r"stampedes?|(?<=\ba\s)crush|(?<=\bthe\s)crush|trampled|natural\s+causes|heart\s+attack|(?:committed|died\s+by|"
    r"was\s+an?)\s+suicide|took\s+(?:his|her|their)\s+own\s+li(?:fe|ves)|"
    r"illegal\s+construction|structural\s+causes|wear\s+and\s+tear|negligence")
# An act: someone inflicted it.
_ATTACK = (
    r"shot\s+down|brought\s+down\s+by|(?:hit|struck|killed|downed|damaged)\s+by\s+(?:(?:an?|the|"
    r"two|three|several|\d+)\s+)?(?:[\w-]+\s+){0,2}?(?:missiles?|rockets?|drones?|shells?|"
    r"projectiles?|bullets?|gunfire|shrapnel|air\s*strikes?|bombs?|sniper)|"
    r"sabotage[ds]?(?!\s+(?:groups?|units?|teams?|squads?|cells?))|saboteurs?|"
    # done on purpose to the harmed thing, not "deliberately delayed the report"
    r"deliberately\s+(?:[\w-]+\s+)?(?:set|started|lit|blown|blew|loosened|sunk|sank|scuttled|"
    r"targeted|fired|caused|damaged|destroyed|sabotaged|planted|rammed|cut)|"
    r"(?:set|started|lit|caused|damaged)\s+deliberately|"
    r"arson\w*|petrol\s+bomb|fire\s*bomb|"
    r"blown\s+up|blew\s+up|planted\s+(?:a\s+|an\s+)?(?:bomb|explosives?|device)|"
    r"act\s+of\s+(?:sabotage|terror\w*)|terrorist\s+attack|foul\s+play|murder(?:ed)?|man-made|"
    r"assassinat\w+|fired\s+(?:on|into|at)\s+(?:the\s+)?(?:crowd|people|them|civilians)|"
    r"opened\s+fire|gunfire|gunshot\s+wounds?|live\s+(?:rounds|ammunition|fire)|shot\s+dead|"
    # the harm called an attack, not "repelled an attack"
    r"(?:was|were|is|as)\s+an\s+attack|(?:result|work)\s+of\s+an\s+attack")
_CUES = lazy(rf"\b(?:(?P<accident>{_ACCIDENT})|(?P<attack>{_ATTACK}))\b", re.I)
# Words that rule out the cue after them in their clause: "was no accident", "ruling out foul
# play", "no indication it had been struck by", "dismissing suggestions of an attack".
_RULED_OUT = lazy(
    r"\b(?:no|not|never|nothing|without|ruling\s+out|ruled\s+out|rule\s+out|excluded|"
    r"dismiss\w*\s+(?:(?:the\s+)?(?:suggestions?|claims?|reports?|talk|idea)\s+(?:of|that)\b)|"
    r"den(?:y|ied|ies|ying)|reject\w*)\b"
    # "nothing other than a terrorist attack", "no less than": emphasis, not a denial
    r"(?!\s+(?:one|longer|only|less|more|doubt|other|else|short|but)\b)", re.I)
# ... unless it is itself negated: "have not ruled out arson", "refused to rule out sabotage".
_NOT_RULED = lazy(r"(?:\b(?:not|never|refused\s+to|declined\s+to|cannot|can['’]t)|"
                        r"n['’]t)\s+(?:yet\s+|been\s+|be\s+)*$", re.I)
# The words that may stand between a ruling-out and its cue: "no sign it had been struck by",
# "not an accident"; not a noun of its own ("no deaths in the stampede": the deaths are denied).
_BETWEEN = frozenset({"a", "an", "the", "any", "sign", "signs", "indication", "indications",
                      "evidence", "of", "that", "it", "they", "had", "has", "have", "been", "was",
                      "were", "be", "being", "is", "are", "suggestion", "suggestions", "by",
                      "caused", "from", "trace", "traces", "hint"})
# Words that make what follows in their clause a fear, not what happened: "to prevent a serious
# nuclear accident", "the risk of an attack".
_MAYBE = lazy(r"\b(?:prevent\w*|avert\w*|avoid\w*|risks?|danger|threat|fears?|feared|"
                    r"warn\w*|possib\w+|potential|could|would|might|(?-i:may)|if|whether)\b",
                    re.I)
# ... or right after it: "sabotage could be behind the damage".
_MAYBE_AFTER = lazy(r"\s+(?:could|might|(?-i:may)|possibly|perhaps)\b", re.I)
_NEAR = 4  # words at most between a ruling-out and its cue ("no indication it had been struck")
# The harms whose cause two voices may dispute.
HARMS = frozenset({"blast", "crash", "fire", "deaths", "injuries", "collapse", "aircraft",
                   "hospital", "dam", "flood", "strike"})


class Cue(NamedTuple):
    """One reading of how a harm came about: ``side`` ("accident" or "attack", after any
    ruling-out), and the cue's span in the claim's content."""

    side: str
    start: int
    end: int
    ruled_out: bool = False  # the cue is denied ("was no accident"): it stands for the other side


_GATE = Gate(_CUES)


@lru_cache(maxsize=65536)
def cues(text: str) -> tuple[Cue, ...]:
    """How ``text`` says a harm came about, cue by cue: a cue ruled out in its own clause
    ("no indication it had been struck by a missile") stands for the other side, unless the
    ruling-out is itself negated ("have not ruled out arson"); one feared or only possible ("to
    prevent a nuclear accident", "sabotage could be behind it") is no reading; "the accident"
    names the harm, not its cause."""
    if not _GATE.opens(text):
        return ()
    out = []
    for m in _CUES.finditer(text):
        side = "accident" if m.group("accident") else "attack"
        cut = clause_start(text, m.start())
        if _MAYBE.search(text, cut, m.start()) or _MAYBE_AFTER.match(text, m.end()):
            continue
        ruled = any(len(gap := text[r.end():m.start()].lower().split()) <= _NEAR
                    and set(gap) <= _BETWEEN and not _NOT_RULED.search(text, cut, r.start())
                    for r in _RULED_OUT.finditer(text, cut, m.start()))
        if ruled:
            side = "attack" if side == "accident" else "accident"
        out.append(Cue(side, m.start(), m.end(), ruled))
    return tuple(out)


def side(text: str) -> Cue | None:
    """The one side ``text`` takes, by its first cue; None when it takes none or both."""
    got = cues(text)
    if not got or len({c.side for c in got}) > 1:
        return None
    return got[0]


def claim_side(c: Claim) -> Cue | None:
    """The side a claim takes: its content's, the other one when the claim denies its content
    ("the minister denied that the fire was an accident" takes the act's side)."""
    got = side(c.content)
    if got is None or c.stance != "denies":
        return got
    return got._replace(side="attack" if got.side == "accident" else "accident",
                        ruled_out=not got.ruled_out)


# How a mishap reason begins (``group.disputes.question`` asks its own question by it).
HOW = "how the harm came about"
# How close an accident and an attack must be (cosine) to be read as one harm;
# ``group.candidate_pairs`` pairs them from the same floor.
FLOOR = 0.3


def mishap_keys(c: Claim) -> frozenset[str]:
    """``accident:harm`` for a claim that tells a harm as a mishap, ``inflicted:harm`` for one
    that tells it as an act: candidate pairs join the few of the first to the second."""
    got = claim_side(c)
    if got is None:
        return frozenset()
    return frozenset({"accident:harm" if got.side == "accident" else "inflicted:harm"})


@detector("mishap")
def mishap(p: Pair) -> Reason | None:
    """One voice tells a harm as an accident, another as an attack: the same harm (a blast, a
    crash, a fire, deaths; ``same_happening`` from cosine 0.45, at least 0.3), or a harm one of
    them names ("the victims", "every casualty", "was damaged") in claims from cosine 0.4;
    from two speakers, or a speaker and an outlet."""
    if one_voice(p) or p.similarity < FLOOR or same_speaker(p.a, p.b) and p.a.speaker:
        return None
    x, y = claim_side(p.a), claim_side(p.b)
    if x is None or y is None or x.side == y.side:
        return None
    if not (same_happening(p, HARMS, 0.45) or p.similarity >= 0.4
            and (_HARMED.search(p.a.content) or _HARMED.search(p.b.content))):
        return None  # one harm: of one kind, or a harm done in claims of one story
    return Reason("actor", f"{HOW} — {_told(p.a, x)}; {_told(p.b, y)}",
                  (p.a.id, p.b.id),
                  (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)), weight=0.7)


def _told(c: Claim, cue: Cue) -> str:
    """One side as a reason gives it: "the army: a mishap ('stampede')", "Hagari: denies an act
    ('opened fire')"."""
    words = c.content[cue.start:cue.end]
    what = (f"denies {'a mishap' if cue.side == 'attack' else 'an act'} ({words!r})"
            if cue.ruled_out else f"{'a mishap' if cue.side == 'accident' else 'an act'} "
            f"({words!r})")
    return f"{c.speaker or 'the outlet'}: {what}"


__all__ = ["FLOOR", "HARMS", "HOW", "Cue", "claim_side", "cues", "mishap", "mishap_keys", "side"]
