"""Was a truce kept? One side says an actor broke it, the other that the actor kept it or that
nothing happened ("Cambodian troops broke the ceasefire" / "no gunfire was heard along the
border"; "Russian forces strictly kept to the ceasefire" / "Russian troops broke the ceasefire
2,000 times"), or the actor denies breaking it in other words. The ``compliance`` detector."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Claim, Reason
from ..detectors import Pair, detector, one_voice, span_of
from ..text import countries, entities, norm_actor
from .happenings import happenings

_TRUCE = (r"(?:cease-?fires?|truces?|(?:the|this)\s+(?:agreement|deal|understanding|pause)|"
          r"armistice)")
# "to meeting the conditions of", "violated the terms of": a truce's terms are the truce.
_TERMS_OF = (r"(?:(?:meet|honou?r|implement|fulfil|uphold|respect)\w*\s+)?(?:all\s+)?the\s+"
             r"(?:terms|conditions|provisions|obligations)\s+(?:of|under)\s+")
_VIOLATION = lazy(
    rf"\b(?:violat\w*|breach\w*|broke|broken|break(?:s|ing)?|flout\w*|undermin\w*)\s+"
    rf"(?:{_TERMS_OF})?(?:\w+\s+){{0,3}}?{_TRUCE}"
    rf"|\b(?:violations?|breaches?)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){{0,2}}?{_TRUCE}"
    rf"|\b{_TRUCE}\s+(?:violations?|breaches?)", re.I)
_COMPLIANCE = lazy(
    rf"\b(?:(?:kept|keep(?:s|ing)?|stuck|stick(?:s|ing)?|adher(?:e|es|ed|ing))\s+(?:strictly\s+)?to|"
    rf"(?<!with\s)(?<!in\s)respect(?:s|ed|ing)?|honou?r(?:s|ed|ing)?|observ(?:e|es|ed|ing)|"
    rf"abid(?:e|es|ed|ing)\s+by|"
    rf"(?:fully|wholly|remained|remains|stay(?:s|ed)?)\s+committed\s+to)\s+"
    rf"(?:{_TERMS_OF})?(?:\w+\s+){{0,3}}?{_TRUCE}"
    # "the ceasefire (between A and B) has (largely) held", not "ceasefire talks were held in"
    rf"|\b{_TRUCE}(?:\s+(?:between|in|along|across)\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)"
    rf"{{0,2}})?\s+(?:is\s+|was\s+|has\s+(?:been\s+)?|had\s+(?:been\s+)?)?"
    rf"(?:largely\s+|so\s+far\s+|mostly\s+)?(?:holding|held)\b(?!\s+(?:up|in|on|at|back|talks))"
    rf"|\bno\s+(?:gunfire|shots?|firing|shelling|violations?|breaches?|clashes)\b"
    rf"|\bnot\s+a\s+single\s+(?:shot|violation|breach|clash|front-line\s+position)", re.I)
# A breach said not to have happened ("did not violate", "never broke", "had not breached"),
# a truce said not kept ("has not honoured", "failed to respect", "refused to abide by").
_NEGATED = lazy(r"(?:\b(?:not|never|failed\s+to|refused\s+to)|n['’]t)\s+(?:\w+\s+)?$", re.I)

@dataclass(frozen=True, slots=True)
class Compliance:
    """A claim about whether ``actor`` (None: no one in particular) kept a truce."""

    kept: bool
    actor: str | None
    start: int
    end: int


@lru_cache(maxsize=65536)
def _compliance(text: str, speaker: str | None) -> tuple[Compliance, ...]:
    out = []
    for rx, kept in ((_VIOLATION, False), (_COMPLIANCE, True)):
        for m in rx.finditer(text):
            who = _actor(text, m.start(), speaker) or _agent_after(text, m.end())
            negated = bool(_NEGATED.search(text[max(0, m.start() - 40):m.start()]))
            out.append(Compliance(kept != negated, who, m.start(), m.end()))
    return tuple(out)


def _actor(text: str, at: int, speaker: str | None) -> str | None:
    """Who broke or kept it: the last name before the verb in its clause ("Cambodian troops
    broke ..."), "its/our forces" meaning the speaker's side; else no one in particular."""
    # its clause, looked for within 300 characters: splitting all the text before every match
    # was quadratic on a long run of "violated the ceasefire and ..."
    clause = re.split(r"[.;:]|\bthat\b|\bsaid\b|,\s", text[max(0, at - 300):at])[-1]
    if re.search(r"\b(?:its|our|their\s+own)\s+(?:forces|troops|army|side|soldiers)\b", clause,
                 re.I) and speaker:
        return speaker_key_of(speaker)
    names = [norm_actor(m.text) for m in entities(clause)]
    return next((k for k in reversed(names) if k), None)


def _agent_after(text: str, end: int) -> str | None:
    """The actor a passive or a noun names after the match: "breaches of the truce by Ukrainian
    forces"."""
    m = re.match(r"\s+by\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)",
                 text[end:end + 200])
    if not m:
        return None
    names = [norm_actor(e.text) for e in entities(m.group(1))]
    return next((k for k in names if k), None)


def speaker_key_of(speaker: str) -> str:
    """A speaker's side as an actor key ("Cambodia's Ministry of Defence" -> cambodia)."""
    found = sorted(countries(speaker))
    if found:
        return found[0]
    names = [norm_actor(m.text) for m in entities(speaker)]
    return next((k for k in names if k), norm_actor(speaker))


def compliance(c: Claim) -> tuple[Compliance, ...]:
    """What a claim says about a truce being kept or broken, and by whom."""
    return _compliance(c.content, c.speaker)


@detector("compliance")
def kept_or_broken(p: Pair) -> Reason | None:
    """One claim says an actor broke the truce, the other that it kept it (or that nothing was
    fired at all), or denies that it broke it: a conflict. Both say the same actor broke it (or
    kept it), in other words: a ``same-value`` reason, a sign of agreement."""
    if "ceasefire" not in happenings(p.a.text) | happenings(p.b.text):
        return None
    single = one_voice(p)  # one side's line, carried twice: it may agree, never conflict
    same: Reason | None = None
    for x in compliance(p.a):
        for y in compliance(p.b):
            xk = x.kept != (p.a.stance == "denies")  # "denied that it broke it": kept
            yk = y.kept != (p.b.stance == "denies")
            if xk == yk:
                if same is None and x.actor is not None and x.actor == y.actor:
                    what = "kept" if xk else "broke"
                    same = Reason("same-value", f"both say {x.actor} {what} the truce",
                                  (p.a.id, p.b.id),
                                  (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                                  weight=0.7)
                continue
            broke, kept = (x, y) if not xk else (y, x)
            if single or broke.actor is None:
                continue  # "the truce was broken" says not by whom
            if kept.actor not in (None, broke.actor):
                continue  # "Russia kept it" says nothing against "Ukraine broke it"
            if kept.actor is None and p.similarity < 0.35:
                continue  # "no gunfire" about another front altogether
            who = broke.actor
            return Reason("compliance", f"was the truce kept by {who}? — broken / kept",
                          (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.7)
    return same


__all__ = ["Compliance", "compliance", "kept_or_broken", "speaker_key_of"]
