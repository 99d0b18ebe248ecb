"""What a contrast rules out: ", not Y," ("civilians, not fighters, were killed") and "X rather
than Y" / "X instead of Y" state X and deny only Y. Read by the negation readers of
``detectors``: a contrast bears on another claim only when that claim speaks of Y."""

from __future__ import annotations

import itertools
import re

from ..lazy_re import lazy


def contrast(text: str, m: re.Match[str]) -> str | None:
    """What the contrast whose cue ``m`` found rules out (Y; "" when it names nothing, as in
    "instead of through it"), or None when ``m`` is no contrast but a plain negation."""
    if m.group(0).lower().startswith(("rather", "instead")):
        c = _RATHER.match(text, m.end())
        if not c:
            return None
        first, *rest = c.group(1).split()
        kept = [first, *itertools.takewhile(lambda w: w.lower() not in _LINKS, rest)]
        return " ".join(w for w in kept if w.lower() not in _LINKS | _FUNCTION_WORDS)
    if m.group(0).lower() != "not" or not re.search(r",\s*$", text[: m.start()]):
        return None
    c = _CONTRAST.match(text, m.end())
    return text[m.end():c.end()].strip(" ,") if c else None


# ", not fighters," / ", not Muscat, that": a contrast inside commas, not a negated clause
_CONTRAST = lazy(r"\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*,")
# "fired into the crowd rather than as warning shots": up to four words, and of those the thing
# ruled out only, not what it shares with the rest of its clause ("warning shots rather than
# live rounds at the protesters" rules out live rounds)
_RATHER = lazy(r"\s+([\w'’-]+(?:\s+[\w'’-]+){0,3})")
_LINKS = frozenset({"at", "on", "in", "into", "to", "toward", "towards", "from", "for", "with",
                    "by", "during", "after", "before", "over", "near", "because", "so", "and",
                    "but", "while", "which", "that", "who", "as", "through"})
_FUNCTION_WORDS = frozenset({"it", "them", "this", "that", "those", "these", "its", "their",
                             "his", "her", "him", "us", "one"})

__all__ = ["contrast"]
