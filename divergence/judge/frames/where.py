"""Where it happened: one statement told in two places that cannot be one ("the car bomb
exploded in Kirkuk" / "in the southern port of Basra"; "the summit was held in Nairobi" / "in
Kigali"). The ``where`` detector reads the places each claim locates something at
(``gazetteer.located``) and calls a ``place`` conflict when the two are apart (``gazetteer.apart``:
cities far from each other, a city outside the other's country) and the claims, their places
left out, share most of their words by stem: the same thing said, in another place.

Not read: a claim about another occasion ("at a separate protest last year", other days), about
happenings in the plural (several strikes may each have had their place), and places the
gazetteer does not know (a region, a venue: it may hold the other's city). Two claims the judge
has already aligned as one statement need fewer words in common (``place_apart``).
"""

from __future__ import annotations

import re

from ...lazy_re import lazy
from ...records import Reason
from ..detectors import Pair, detector, span_of
from ..flips import stem_overlap
from ..gazetteer import Located, apart, located
from .counts import another_occasion

WHERE_SIM = 0.5  # cosine from which two claims may tell one thing
WHERE_STEMS = 0.6  # share of content words by stem, places left out (as ``flips.STEMS``)
ALIGNED_STEMS = 0.5  # the same for two claims the judge aligned as one statement
WEIGHT = 0.6  # a structural reason: two places apart decide without the models
# Happenings told in the plural: several strikes or attacks may each have had their place.
_SEVERAL = lazy(r"\b(?:strikes|airstrikes|air\s+strikes|attacks|raids|missiles|rockets|"
                      r"drones|shells|bombs|bombings|explosions|blasts|clashes|protests|"
                      r"operations|incidents|sorties)\b", re.I)


def place_apart(p: Pair, stems: float = ALIGNED_STEMS) -> Reason | None:
    """The ``place`` reason of two claims told in places apart that share ``stems`` of their
    other content words by stem, when neither tells of another occasion. For claims the judge
    aligned as one statement (``aligned.values_apart``) the bar is lower than the detector's:
    "Iran fired 300 missiles at Israel" / "launched from sites across Iran" share too little
    to be one statement told in two places."""
    a, b = p.a.content, p.b.content
    xs, ys = located(a), located(b)  # read once per text; ``apart`` is the rarest test
    if not xs or not ys or not apart(xs, ys) or another_occasion(a, b):
        return None
    if _SEVERAL.search(a) or _SEVERAL.search(b):
        return None  # "missiles struck Bahawalpur" / "struck Muridke": one campaign, two targets
    if stem_overlap(_without(a, xs), _without(b, ys)) < stems:
        return None
    x, y = xs[0], ys[0]
    sa, sb = span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)
    return Reason("place", f"{sa.text!r} vs {sb.text!r} (where)", (p.a.id, p.b.id), (sa, sb),
                  weight=WEIGHT)


@detector("where")
def where(p: Pair) -> Reason | None:
    """Two places apart for what is otherwise one statement (see the module's docstring)."""
    return place_apart(p, WHERE_STEMS) if p.similarity >= WHERE_SIM else None


def _without(text: str, places: tuple[Located, ...]) -> str:
    """``text`` with its place names left out."""
    for x in reversed(places):
        text = text[:x.start] + text[x.end:]
    return text
