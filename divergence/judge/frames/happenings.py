"""What kind of happening a claim speaks of, and whether two claims speak of the same one."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ..demonyms import DEMONYM_WORD, same_actor
from ..detectors import Pair
from ..gate import Gate
from ..text import COUNTRY_NAMES, countries, elsewhere, entities

_HAPPENING_PATTERNS: dict[str, str] = {
    "ceasefire": r"cease-?fires?|truces?|pause\s+in\s+(?:the\s+)?(?:fighting|hostilities)|"
                 r"(?:humanitarian|military)\s+pauses?|guns\s+(?:fell|went|"
                 r"were)\s+(?:silent|quiet(?!\s+(?:for|briefly|before|until)\b))|stop(?:ped|s)?\s+(?:firing|shooting|fighting)|halt(?:ed|s)?\s+"
                 r"(?:the\s+)?(?:fighting|hostilities|attacks)|cessation\s+of\s+hostilities|"
                 r"armistice|hold\s+fire|lay\s+down\s+(?:their\s+)?arms|"
                 r"(?:halt|stop|end)\s+to\s+(?:the\s+)?(?:fighting|firing|hostilities|shelling)|"
                 r"cessation\s+of\s+(?:firing|fighting|military\s+action)|"
                 r"(?:fighting|firing|shelling|clashes|explosions|blasts|guns)\s+(?:[\w-]+\s+){0,6}?"
                 # past tense, or "die(s) away" as a witness tells it ("the shelling stops
                 # every night", "until the guns fall silent" are no truce)
                 r"(?:stopped|ceased|ended|(?:died|dies|die|dying)\s+(?:away|down)|fell\s+silent|"
                 # (not a lull: "went quiet for two hours before resuming")
                 r"(?:went|fell)\s+quiet(?!\s+(?:for|briefly|before|until)\b)|subsided)|"
                 # a truce's hour told as when fighting was to stop
                 r"(?:fighting|firing|shelling|hostilities)\s+(?:was|were|is|are)\s+"
                 r"(?:supposed|due|set|expected|scheduled)\s+to\s+(?:stop|end|cease)",
    "deal": r"deal|agreement|accord|pact|treaty|signed",
    "blast": r"blasts?|explosions?|exploded|blew\s+up|blown\s+up|blowing\s+up|bomb(?:ing|ed|s)?|"
             r"detonat\w+|"
             # the sabotage of a pipeline, not of talks
             r"sabotage[ds]?(?!\s+(?:the\s+|a\s+|any\s+)?(?:talks|negotiations|deal|ceasefire|"
             r"truce|peace|process|efforts?|agreement))",
    "crash": r"crash(?:ed|es)?|shot\s+down|downing(?!\s+street)",
    # a military strike, not a walkout ("a 48-hour strike", "the dockworkers' strike", "went
    # on strike", "strike action")
    "strike": r"(?:air|drone|missile)\s*strikes?|(?<!workers['’]\s)(?<!workers\s)(?<!general\s)"
              r"(?<!hunger\s)(?<!labour\s)(?<!labor\s)(?<!national\s)(?<!hour\s)(?<!day\s)"
              r"(?<!on\s)(?<!rail\s)(?<!union\s)(?<!teachers['’]\s)(?<!week-long\s)"
              r"(?<!indefinite\s)(?<!nationwide\s)(?<!s['’]\s)strikes?"
              r"(?!\s+(?:action|ballot|pay|over\s+(?:pay|wages|pensions)|by\s+(?:\w+\s+)?"
              r"(?:workers|doctors|nurses|teachers|staff|employees|pilots|drivers|miners|"
              r"unions?|dockers)))|"
              r"airstrikes?|missiles?|rockets?|shelling|"
              r"shelled|attacks?|attacked|raids?|bombard\w*|drones?|shootings?|gunfire|"
              r"opened\s+fire|massacres?|assaults?",
    "deaths": r"killed|killing|died|dead|deaths?|death\s+toll|toll|lives|fatalities|bodies|"
              r"casualties|slain",
    # the killed and the hurt, and the treated
    "injuries": r"injured|injuring|wounded|wounding|hurt|harmed|injuries|casualties|"
                r"hospitali[sz]ed|(?:hospital|medical)\s+treatment",
    "meeting": r"summit|met\b|meetings?|talks|visit(?:ed|s)?|held\s+talks",
    "election": r"elections?|votes?|ballots?|polls?|tally|tallies|re-?elected|won",
    "hostages": r"hostages?|captives?|abductees",
    "prisoners": r"prisoners?|detainees?",
    # captives set free (not a statement, a video or figures released)
    "release": r"released(?!\s+(?:(?:an?|the|its|their|his|her|new|fresh)\s+)?(?:[\w-]+\s+)?"
               r"(?:statements?|reports?|videos?|figures|data|footage|photos?|images?|details|"
               r"lists?|findings|results|tall(?:y|ies)|timelines?|audio|recordings?|"
               r"documents?|plans?|budgets?|names|estimates?))|freed|walked\s+free|set\s+free",
    "aircraft": r"jets?|aircraft|planes?|warplanes?|fighter\s+jets?|helicopters?",
    "displacement": r"displaced|evacuat\w+|fled|homeless|refugees|forced\s+from|driven\s+from|"
                    r"uprooted",
    "capture": r"(?:re-?)?captured|seized|hijack(?:ed|ing)|took\s+control|retook|retaken|"
               r"fell\s+to|overran|control\s+of|"
               # "had taken the town", not "had taken effect / shelter / part / steps"
               r"(?:(?:was|were|been|had)\s+taken|(?:have|has|had)\s+taken)(?!\s+(?:effect|shelter|"
               r"off|out|place|part|steps?|measures?|action|note|care|ill|seriously|aback|"
               r"advantage|into\s+account|to\b|the\s+steps?)\b)|"
               r"entered(?!\s+into)|"
               r"moved\s+into|marched\s+into|swept\s+into|stormed|"
               # "have controlled it since March 2022": held since its capture
               r"(?:controlled|occupied|held)\s+(?:[\w-]+\s+){0,8}?since|"
               r"took\s+(?:the\s+(?:city|town|village|base|airport|capital|port|plant)\b|"
               # "took El-Fasher"; not "took Israel by surprise", "took Russia two years",
               # "took Biden's call"
               r"(?-i:[A-Z])[\w-]*\b(?![’'])(?!\s+(?:by|to|\w+\s+(?:years?|months?|weeks?|"
               r"days?|hours?))\b))",
    "flood": r"flood\w*|submerged|under\s+water|inundat\w+",
    # a fire that burns, not one that is opened, returned or exchanged ("opened fire", "under
    # fire", "exchange of fire", "ceasefire" is a word of its own)
    "fire": r"(?<!opened\s)(?<!open\s)(?<!returned\s)(?<!under\s)(?<!of\s)(?<!cross\s)"
            r"(?<!heavy\s)(?<!sniper\s)(?<!artillery\s)(?<!friendly\s)(?<!cease-)(?<!cease\s)"
            # the verb ("fires rockets", "fire tear gas at") is no burning
            r"fires?(?!\s+(?:rockets?|missiles?|shells?|tear\s+gas|rubber|live|warning|shots?|"
            r"back|at|on|upon|into|off)\b)|blazes?|"
            r"wildfires?|inferno|caught\s+fire|set\s+(?:\w+\s+)?(?:on\s+)?fire|burned\s+down|"
            r"burnt\s+down|engulfed\s+in\s+flames",
    # when a war or a round of fighting began: "fighting started on 3 November", "the attack
    # that set off the war", "since the start of the invasion"
    "outbreak": r"(?:war|fighting|conflict|clashes|hostilities|invasion|offensive|incursion|"
                r"attack)\s+(?:[\w-]+\s+){0,3}?(?:started|began|broke\s+out|erupted)|"
                r"set\s+off\s+the\s+(?:war|fighting|conflict)|(?:start|outbreak|beginning)\s+of\s+"
                r"(?:the\s+|their\s+|its\s+)?(?:war|fighting|conflict|invasion)",
    # a military operation, told by what it is ("the offensive began at dawn", "the incursion
    # started on 6 August"); not a plant's or an airport's operations
    "operation": r"(?<!rescue\s)(?<!relief\s)(?:military\s+|ground\s+|counter-?terror(?:ism)?\s+)?"
                 r"operation(?!s?\s+(?:at|of|to)\b)|(?:counter-?)?offensive|incursion|invasion",
    "dam": r"dam|reservoir",
    # happenings of other news, timed as often: a quake, a blackout, a walkout, a collapse
    "quake": r"(?:earth)?quakes?",
    "outage": r"blackouts?|power\s+(?:cuts?|outages?|failures?)|outages?",
    "walkout": r"walk-?outs?|walked\s+out|went\s+on\s+strike|on\s+strike|strike\s+action|"
               r"(?:general|national|nationwide|labou?r|rail|union|indefinite|\d+-(?:hour|day)|"
               r"(?:day|week)-long|teachers['’]?|workers['’]?|nurses['’]?|doctors['’]?)\s+"
               r"strikes?|strikes?\s+(?:by|over)\s+(?:\w+\s+)?(?:workers|doctors|nurses|teachers|"
               r"staff|employees|pilots|drivers|miners|unions?|dockers|pay|wages|pensions)",
    # of a structure: "support for the government collapsed" is no happening with an hour
    "collapse": r"(?:building|bridge|dam|tunnel|mine|roof|wall|tower|embankment|levee|stadium|"
                r"shaft|block|house)s?\b[^.;]{0,40}?\b(?:collapsed|caved\s+in|gave\s+way|burst)|"
                r"collapse\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:building|bridge|dam|tunnel|mine|"
                r"roof|tower|stadium)",
    "hospital": r"hospital",
    # a crowd in the street; "March" the month and "marched into" a town are not one
    # (a crowd may watch a match or storm a police station: no protest word alone)
    "protest": r"protests?|protesters|demonstrations?|demonstrators|rall(?:y|ies)|"
               r"marchers|(?-i:march(?:ed|es)?)(?!\s+into\b)",
}
HAPPENINGS = {k: lazy(rf"\b(?:{v})\b", re.I) for k, v in _HAPPENING_PATTERNS.items()}
# Happenings whose time or date two reports can disagree on.
TIMED = frozenset({"ceasefire", "deal", "blast", "strike", "meeting", "election", "capture",
                   "flood", "dam", "outbreak", "operation", "crash", "fire", "quake", "outage",
                   "walkout", "collapse", "release"})


# Each kind's first look (``gate.Gate``): most texts name few kinds, and a word search on the
# casefolded text rules out the rest before their patterns run (3x faster, the same kinds).
_GATES = {k: Gate(rx) for k, rx in HAPPENINGS.items()}


@lru_cache(maxsize=65536)
def happenings(text: str) -> frozenset[str]:
    """The kinds of happening ``text`` speaks of ("ceasefire", "deaths", "blast", ...)."""
    low = text.casefold()
    return frozenset(k for k, rx in HAPPENINGS.items()
                     if _GATES[k].opens_folded(low) and rx.search(text))


# One struck place or one harm, named as such: "the hospital", "its nuclear power plant", "the
# strike"; not "hospitals in Gaza", "a refinery", "scores of strikes", "the overnight attack"
# (a harm told with its own words is one side's act, not yet the incident in dispute).
# The harms a claim may name as one incident ("the strike", "the blast"): ``targets`` gives them
# by these nouns, and a harm beside a struck place is that place's incident (``credit``).
THE_HARMS = frozenset({"strike", "attack", "bombing", "explosion", "blast", "shelling", "shooting"})
_TARGET = lazy(r"\b(?:the|its|their|this|that)\s+(?:(?:[\w'’-]+\s+){0,4}?(?P<n>hospital|"
                     r"plant|station|reactor|dam|embassy|consulate|school|market|convoy|pipeline|"
                     r"bridge|airport|mosque|church|port|harbou?r|refinery|depot|base|camp|town|"
                     r"village|building|checkpoint|theatre|theater|hotel|mall|hypermarket|"
                     r"supermarket|shelter|prison|jail|stadium|factory|warehouse|cathedral|"
                     r"kindergarten|university|train|ferry|tanker|airliner)|(?P<h>(?:air\s*)?(?:"
                     + "|".join(sorted(THE_HARMS)) + r")))\b", re.I)


@lru_cache(maxsize=65536)
def targets(text: str) -> frozenset[str]:
    """The one struck place or harm a claim names ("the plant", "the embassy", "the strike"):
    one incident's, by its noun ("the air strike" and "the strike", "the plant" and "the
    station" are one)."""
    return frozenset(_ONE_TARGET.get(n, n) for n in (
        re.sub(r"^air\s*", "", (m.group("n") or m.group("h")).lower())
        for m in _TARGET.finditer(text)))


def targets_apart(a: str, b: str) -> bool:
    """Whether two texts name one kind of target by two names ("the Marlow hotel" / "the Sorrel
    hotel"): two places, though ``targets`` gives both as "hotel"."""
    na, nb = _target_names(a), _target_names(b)
    return any(na[k] and nb[k] and not na[k] & nb[k] for k in na.keys() & nb.keys())


@lru_cache(maxsize=65536)
def _target_names(text: str) -> dict[str, frozenset[str]]:
    """Each struck place ``text`` names, by its noun, with the capitalised words it is named by
    ("the Marlow hotel": hotel, {marlow}); read once per text, as ``targets`` is (a credit pair
    asks it for every two credits). The dict is shared: read it, never change it."""
    out: dict[str, set[str]] = {}
    for m in _TARGET.finditer(text):
        if m.group("n"):
            noun = _ONE_TARGET.get(m.group("n").lower(), m.group("n").lower())
            out.setdefault(noun, set()).update(
                w.lower() for w in m.group(0).split()[1:] if w[:1].isupper())
    return {k: frozenset(v) for k, v in out.items()}


# Two words for one struck place: a nuclear "station" is its "plant".
_ONE_TARGET = {"station": "plant", "harbor": "port", "harbour": "port"}


# Who reports, not where or to whom it happened: "the Investigative Committee put the toll at
# 143" and "139 were killed at Crocus City Hall" speak of one attack.
_REPORTERS = frozenset({
    "committee", "ministry", "agency", "office", "council", "network", "service", "services",
    "department", "commission", "organization", "organisation", "unit", "spokesperson",
    "spokesman", "command", "forces", "army", "police", "guard", "court", "institute",
    "observatory", "monitor", "broadcaster", "media", "news", "times", "post", "press"})


def _names(text: str) -> frozenset[str]:
    """People and places a claim is about (not the bodies that report it); a long name's
    people too ("the Marevian Liberation Front": marevian, as "Marevian front lines" say)."""
    found = [e for e in entities(text)
             if re.sub(r"['’]s$", "", e.text.split()[-1].lower()) not in _REPORTERS]
    return frozenset(e.key for e in found) | frozenset(
        w.lower() for e in found if " " in e.text
        and DEMONYM_WORD.fullmatch(w := e.text.split()[0]))


@lru_cache(maxsize=65536)
def happenings_apart(a: str, b: str) -> bool:
    """Whether two texts tell of two happenings: each of a kind the other does not name (a blast
    / a fire, a fire / a flood), and each about places or people the other does not name ("in
    Ostrel" / "in Velk"). Their counts, days and hours are of two things, not one in dispute."""
    ka, kb = happenings(a) & TIMED, happenings(b) & TIMED
    if not (ka and kb) or ka & kb:
        return False
    na, nb = _names(a) - COUNTRY_NAMES, _names(b) - COUNTRY_NAMES
    return bool(na and nb) and not any(same_actor(x, y) for x in na for y in nb)


def one_place(a: str, b: str) -> bool:
    """Whether two texts name one place or target beyond a country: a name after "in", "at" or
    "near" ("in Sumy"), or one struck place ("the plant"). What makes two strikes in a war one;
    a party both name ("a Hezbollah commander") is no place."""
    return bool(places(a) & places(b) - COUNTRY_NAMES or targets(a) & targets(b))


_AT_PLACE = lazy(r"\b(?:in|at|near|outside|on|struck|hit|shelled|bombed|attacked|targeted|"
                       r"(?:outskirts|edge|centre|center|heart|suburbs?|north|south|east|west)\s+"
                       r"of)(?:\s+the)?(?:\s+[\w'’-]+['’]s)?\s*$", re.I)


@lru_cache(maxsize=65536)
def places(text: str) -> frozenset[str]:
    """The names a text gives as where something happened ("in Tyre", "near Bakhmut", "on the
    edge of Tripoli", "in Myanmar's Shan state")."""
    return frozenset(e.text.lower() for e in entities(text)  # "Tripoli", not its country
                     if _AT_PLACE.search(text, max(0, e.start - 30), e.start))


def same_happening(p: Pair, kinds: frozenset[str], sim: float, bare: float = 0.2,
                   told: frozenset[str] = frozenset()) -> bool:
    """Both claims speak of one of ``kinds`` and nothing marks them as different happenings:
    they share a name, or are close enough in meaning (``sim``), or one names no one at all
    (a sentence that leans on its article: "the toll looked like several dozen") and they are
    at least ``bare`` close; never when each is about other names. ``told``: happenings both
    tell by what they count ("killing 11", "eight are in custody"), in words of their own."""
    if not ((happenings(p.a.content) | told) & (happenings(p.b.content) | told) & kinds):
        return False
    if elsewhere(p.a.content) != elsewhere(p.b.content):
        return False  # "a second bomb went off", "at a separate protest": another happening
    ca, cb = countries(p.a.content), countries(p.b.content)
    if ca and cb and not ca & cb:
        return False  # about other countries altogether (who says it may differ: that is news)
    na, nb = _names(p.a.content), _names(p.b.content)
    # People and places below the country: two meetings of other people, blasts in other towns.
    pa, pb = na - COUNTRY_NAMES, nb - COUNTRY_NAMES
    shared = any(same_actor(x, y) for x in pa for y in pb)  # "Varnia" / "Varnian jets" too
    if pa and pb and not shared and p.similarity < 0.75:
        return False
    if not na or not nb:
        return p.similarity >= bare
    return p.similarity >= sim or shared




