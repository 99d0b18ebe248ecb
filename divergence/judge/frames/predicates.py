"""What a number counts, read from the verb beside it: "killed 12" counts deaths, "20 were
hospitalised" at least that many hurt, "45 were rounded up" arrests, "20,000 marched" the size
of a crowd (``nearest_predicate``, ``kind_of``). Read for ``counts.counts``."""

from __future__ import annotations

import re

from ...lazy_re import lazy
from ..text import Quantity

OF_WHOLE = r"of\s+(?:which|whom|them|those)"  # one spelling for the three readers in counts
# People moved away, active ("moved 800,000 civilians out of the city") or passive ("1,200
# people were moved out of Lindby"): the verbs, and where the people were moved from.
_MOVED = r"(?:moved|relocated|bus+ed)"
_AWAY = r"(?:out\s+of(?!\s+poverty)|from)\b"

COUNT_PREDICATES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, lazy(rf"\b(?:{v})\b", re.I)) for k, v in (
        ("deaths", r"killed|died|dead|deaths?|death\s+toll|toll|lives|fatalities|bodies|"
                   r"lost\s+(?:their|his|her|its|our)\s+li(?:ves|fe)|"
                   r"perished|killing|massacred|slaughtered|murdered|slain|gunned\s+down|"
                   r"drowned(?!\s+out)|"
                   # "crushed 14 people to death" (not "sentenced 14 people to death")
                   # (not "trampled 10 people, two of them to death": two died)
                   r"(?:crush|burn|beat|stabb|hack|trampl|ston|starv)(?:ed|t|en|ing)(?=\s+"
                   r"(?:(?!of\s+(?:them|whom)\b)[\w,]+\s+){0,5}?to\s+death\b)|"
                   r"shot\s+dead|(?<=were\s)executed|(?<=been\s)executed|"
                   # "executed 40 prisoners", not "executed a plan", "executed 40 trades"
                   r"executed(?=\s+(?:(?:more\s+than|at\s+least|about|some|over|nearly|up\s+to)"
                   r"\s+)?[\d,]+\s+(?:[a-z-]+\s+)?(?:people|civilians|prisoners|men|women|"
                   r"children|detainees|soldiers|villagers|residents|patients|captives)\b)"),
        ("injuries", r"injured|wounded|hurt|harmed|injuries|injuring|wounding"),
        ("displacement", r"displaced|evacuated|fled|homeless|evacuees|refugees|forced\s+from|"
                         r"driven\s+from|uprooted|from\s+their\s+homes|"
                         r"forced(?=\s+(?:[\w,]+\s+){1,5}?from\s+their\s+homes)|"
                         rf"{_MOVED}(?=\s+(?:(?:more\s+than|at\s+least|about|"
                         r"some|over|nearly|almost|up\s+to|around)\s+)?[\d,.]+(?:\s+(?:million|"
                         r"thousand))?\s+(?:[a-z-]+\s+)?(?:people|civilians|residents|families|"
                         rf"villagers|inhabitants|patients|children)\s+{_AWAY})|"
                         rf"(?<=were\s|been\s){_MOVED}(?=\s+{_AWAY})"),
        ("missing", r"missing|unaccounted"),
        ("arrests", r"arrested|detained|arrests|held\s+by\s+police|(?<=were\s)held|"
                    r"(?<=been\s)held|taken\s+into\s+custody|in\s+(?:[\w-]+\s+)?custody|"
                    r"under\s+arrest|behind\s+bars|rounded\s+up|in\s+detention|"
                    r"captured|taken\s+(?:prisoner|captive)"),
        # treated in hospital: at least that many hurt ("20 were hospitalised" / "six injured")
        ("treated", r"hospitali[sz]ed|(?:needing|needed|required|requiring|receiving|received|"
                    r"treated\s+for|getting)\s+(?:hospital\s+|medical\s+)?(?:treatment|care)|"
                    r"(?:taken|rushed)\s+to\s+(?:a\s+|the\s+)?hospitals?|"
                    r"(?<!\btaken\s)(?<!\brushed\s)to\s+(?:a\s+|the\s+)?hospitals?"),
        # a crowd's size, at a protest only (``counts.counts``): "20,000 marched", "took part"
        ("crowd", r"took\s+part|marched|rallied|turned\s+out|thronged|"
                  r"(?:joined|attended)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:protests?|march(?:es)?|"
                  r"rall(?:y|ies)|demonstrations?)|protested|demonstrated"),
        ("losses", r"lost|shot\s+down|brought\s+down|downed|destroyed|losses|burn[te]d?\s+down|"
                   r"razed|flattened|demolished|level+ed"),
        ("released", r"released|freed|release|handed\s+over|free"),
    )
)


def nearest_predicate(text: str, q: Quantity) -> str | None:
    """The kind of count the verb nearest to the number names, within its clause; none when
    the number's own verb names no count ("abducted 30 others", "deployed 200 police")."""
    base = max(0, q.start - 40)
    own = _VERB_BEFORE.search(text[base:q.start])
    if own and not any(rx.match(text, base + own.start("v")) or rx.search(q.text)
                       for _, rx in COUNT_PREDICATES):
        return None  # but "recovered 31 bodies" counts the dead
    lo, hi = max(0, q.start - 60), min(len(text), q.end + 60)
    best: tuple[int, str] | None = None
    for kind, rx in COUNT_PREDICATES:
        for m in rx.finditer(text, lo, hi):
            between = text[min(m.end(), q.end):max(m.start(), q.start)]
            if re.search(rf"[;.]|\band\b\s+\d|\b{OF_WHOLE}\b", _ASIDE.sub("", between)) or (
                    m.start() >= q.end and _ANOTHER_NUMBER.search(between)):
                continue  # another clause, another number's verb, or the verb of a part
                # ("40 drones, of which 35 were shot down": not the 40's); a noun counted by
                # another number ("38 aid trucks, causing dozens of deaths": not the trucks')
            if m.start() >= q.start:  # the verb after the number
                clause = text[q.start:m.start()]
                joined = bool(_AND_VERB.search(clause)) and not _OWN_VERB.search(clause)
            else:
                joined = bool(_ONLY_AND.match(between))
            if joined:
                continue  # a verb joined by "and" to the clause: "killed three civilians and
                # injured a dozen", "a nurse died and three more were hurt"; but "twelve were
                # shot and killed" is one clause
            d = m.start() - q.end if m.start() >= q.end else q.start - m.end()
            if best is None or d < best[0]:
                best = (d, kind)
    return best[1] if best else None


# An aside between a count and its verb: "Six people, one of them a child, were killed".
_ASIDE = lazy(r"^\s*,[^,;.]{1,60},")
_AND_VERB = lazy(r"\band\s+(?:[a-z]+\s+)?$", re.I)  # a verb joined by "and" before it
_ANOTHER_NUMBER = lazy(r"\d|\b(?:dozens|hundreds|thousands|scores)\s+of\b", re.I)
# A past-tense verb right before the number, over its bound: "abducted (at least) 30".
_VERB_BEFORE = lazy(r"\b(?P<v>[a-z]+ed)\s+(?:(?:at\s+least|more\s+than|some|about|nearly|"
                          r"almost|around|over|up\s+to|another|a\s+further)\s+)?$")
_OWN_VERB = lazy(r"\b(?:was|were|been|being|had|have|has)\b", re.I)
_ONLY_AND = lazy(r"\s*and\s+$", re.I)  # "died and [three]": the verb of the clause before


def kind_of(verb: str | None) -> str | None:
    """The kind of count a verb names ("killed": deaths), or None."""
    return next((k for k, rx in COUNT_PREDICATES if verb and rx.fullmatch(verb)), None)
