"""A country's name that names something else: "the Niger Delta" (Nigeria's), "Atlanta,
Georgia" and "the US state of Georgia" (the American state). Read where ``text.countries`` finds
a country, so the setting of a story is not mistaken for one."""

from __future__ import annotations

import re
from collections.abc import Container

from ..lazy_re import lazy

_NIGER_OTHER = lazy(r"\s+(?:delta|river|state)\b")
_STATE_OF = lazy(r"(?:\bstate\s+of\s+|(?P<place>[A-Z][\w’'.-]*),\s*)$")


def not_the_country(text: str, low: str, m: re.Match[str], aliases: Container[str]) -> bool:
    """Whether the country word ``m`` (found in ``low``, the lower-cased ``text``) names
    something else: "niger" before delta, river or state; "georgia" after "state of" or after a
    place that is no country's alias ("Atlanta, Georgia"; not "Tbilisi, Georgia", nor "Russia,
    Georgia and Armenia")."""
    word = m.group(0)
    if word == "niger":
        return bool(_NIGER_OTHER.match(low, m.end()))
    if word == "georgia":
        before = _STATE_OF.search(text, max(0, m.start() - 40), m.start())
        return bool(before) and (before.group("place") is None
                                 or before.group("place").lower() not in aliases)
    return False
