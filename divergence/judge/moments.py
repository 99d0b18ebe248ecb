"""Two moments of one happening: "the truce was announced on Friday" / "it took effect on
Saturday" give two days, not a dispute over one. Read by the ``date`` detector and the
``when`` frame before they compare days and hours."""

from __future__ import annotations

import re
from functools import lru_cache

# Two moments of one happening, each with its own day or hour: "the truce was announced on
# Friday" / "it took effect on Saturday"; "the summit opened on 14 March" / "closed on 16 March";
# "seized on 3 June" / "released on 19 June". A claim naming one side and the other claim only
# the other side speak of two moments, whose times may differ.
_PHASES = tuple((re.compile(rf"\b(?:{x})\b", re.I), re.compile(rf"\b(?:{y})\b", re.I)) for x, y in (
    (r"announced|declared|unveiled|proclaimed|agreed|signed|brokered",
     r"took\s+effect|takes?\s+effect|(?:came|comes|come|went|goes|go)\s+into\s+(?:force|effect)|"
     r"kicked\s+in|began|begins?|started|starts?"),
    (r"began|started|broke\s+out|erupted|struck|hit|went\s+out",
     r"entered\s+its|in\s+its\s+\w+\s+(?:day|week|month)|dragged\s+on|went\s+on\s+for|"
     r"rose\s+to|climbed\s+to|was\s+restored|were\s+restored|restored|was\s+back"),
    (r"opened|opens|began|begins|started|starts|launched|took\s+effect|imposed|introduced",
     r"closed|closes|ended|ends|concluded|wrapped\s+up|finished|expired|collapsed|broke\s+down|"
     r"lifted|eased"),
    (r"seized|captured|detained|arrested|abducted|kidnapped|hijacked|taken\s+hostage",
     r"released|freed|let\s+go|handed\s+over|rescued"),
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


@lru_cache(maxsize=65536)
def _phases(text: str) -> tuple[tuple[bool, bool], ...]:
    """For each pair of moments, whether ``text`` names the first and the second (read once
    per text: a claim meets many others)."""
    text = _CLOCKS.sub("", text)
    return tuple((bool(first.search(text)), bool(then.search(text))) for first, then in _PHASES)


# Openings and closings that tell the time of day, not a moment of the happening ("announced
# before markets opened").
_CLOCKS = re.compile(r"\b(?:markets?|stock\s+exchanges?|polls|shops|stores|schools|offices)\s+"
                     r"(?:opened|closed|opens|closes|open|close)\b|\b(?:opened|closed)\s+(?:their|its|"
                     r"the)\s+(?:stalls|shops|stores|doors|offices|gates)\b", re.I)
