"""Who did it, told in the passive: one deed that only one can have done, done "by" two
different doers ("the goal was scored by Kyogo" / "scored by Callum McGregor"; "the fire was
started by an electrical fault" / "started deliberately by an arsonist"). The ``doer``
detector: an ``actor`` conflict when two claims give the same deed of this kind (its verb from
``_DEEDS``, one kind for both) with a doer after "by" each, the doers share no word, and the
claims, their doers left out, share most of their words by stem (the same thing done).

Not read: deeds many can do at once ("welcomed by", "condemned by", "attended by"), a doer
said with a pronoun ("by him"), or two claims that tell of other occasions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ...records import Reason
from ..detectors import Pair, detector, span_of
from ..flips import stem_overlap
from ..text import STOPWORDS
from .counts import another_occasion

DOER_SIM = 0.6  # cosine from which two claims may tell one deed
DOER_STEMS = 0.6  # share of content words by stem, the doers left out
WEIGHT = 0.6  # structural, as the frames' other actor reasons

# Deeds one doer does, by kind: two verbs of one kind tell the same deed ("claimed by" /
# "carried out by": who did the attack).
_DEEDS = {
    "did": r"carried\s+out|perpetrated|committed|orchestrated|claimed|staged|masterminded|"
           r"launched|fired|planted|detonated",
    "caused": r"caused|started|triggered|sparked|set\s+off",
    "made": r"developed|designed|invented|built|written|authored|drafted|produced",
    "scored": r"scored|won|kicked",
    "sent": r"submitted|filed|tabled|sent|leaked|signed|ordered|issued",
    "led": r"led|headed|chaired|negotiated|brokered|mediated",
}
_KIND = {k: lazy(rf"^(?:{v})$", re.I) for k, v in _DEEDS.items()}
_BY = lazy(r"\b(?:was|were|had\s+been|has\s+been|have\s+been|been|being)\s+"
                 r"(?:(?:\w+ly|entirely|solely|jointly|reportedly|allegedly)\s+)?"
                 r"(?P<verb>" + "|".join(f"(?:{v})" for v in _DEEDS.values()) + r")"
                 r"(?:\s+\w+ly)?\s+by\s+(?P<doer>[^,;.()]{2,60}?)(?=\s*(?:[,;.()]|$|\s+(?:in|on|at|"
                 r"after|before|during|for|with|from|to|near|over|who|which|that|when|while|and|"
                 r"but|as|according|officials|police|investigators)\b))", re.I)
_PRONOUN = lazy(r"^(?:him|her|them|it|us|me|you|one|someone|somebody|unknown|others?)\b",
                      re.I)


@lru_cache(maxsize=65536)
def _doers(text: str) -> tuple[tuple[str, int, int, frozenset[str]], ...]:
    """(kind, start, end, the doer's content words) of each deed done "by" someone."""
    out = []
    for m in _BY.finditer(text):
        doer = m.group("doer").strip()
        if _PRONOUN.match(doer):
            continue
        kind = next(k for k, rx in _KIND.items() if rx.match(" ".join(m.group("verb").split())))
        words = frozenset(w for w in re.findall(r"[a-z][\w'-]+", doer.lower())
                          if w not in STOPWORDS)
        if words:
            out.append((kind, m.start("doer"), m.start("doer") + len(doer), words))
    return tuple(out)


@detector("doer")
def doer(p: Pair) -> Reason | None:
    """Two doers of one deed (see the module's docstring)."""
    if p.similarity < DOER_SIM:
        return None
    a, b = p.a.content, p.b.content
    xs, ys = _doers(a), _doers(b)
    if not xs or not ys or another_occasion(a, b):
        return None
    for kind, s0, e0, wa in xs:
        for kind_b, s1, e1, wb in ys:
            if kind != kind_b or wa & wb:
                continue
            if stem_overlap(a[:s0] + a[e0:], b[:s1] + b[e1:]) < DOER_STEMS:
                continue
            sa, sb = span_of(p.a, s0, e0), span_of(p.b, s1, e1)
            return Reason("actor", f"who did it: {sa.text!r} vs {sb.text!r}", (p.a.id, p.b.id),
                          (sa, sb), weight=WEIGHT)
    return None
