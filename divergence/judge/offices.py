"""Titles and roles of people: the ``title`` detector ("Senator Smith" / "Secretary Smith",
"former President Trump" / "President Trump", "Lt Gen Ghai" / "Air Marshal Ghai") and the
titled names that pair far-apart claims of one story (``titled_people``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Reason
from .detectors import Pair, detector, same_point, text_span
from .text import WEEKDAYS

_TITLES = (
    r"(?:Secretary[- ]General|Director[- ]General|"
    r"(?:Defen[cs]e|Interior|Finance|Justice|Health|Energy|Trade|Home|Information|Education|"
    r"Agriculture|Economy)\s+(?:Minister|Secretary)|"
    r"President|Vice\s+President|Prime\s+Minister|Senator|Sen\.|Governor|Gov\.|Representative|"
    r"Rep\.|Secretary\s+of\s+State|Secretary|Minister|Foreign\s+Minister|Chancellor|General|"
    r"Colonel|Brigadier(?:\s+General)?|Lieutenant\s+(?:General|Colonel)|"
    r"Major\s+General|(?:Rear\s+|Vice\s+)?Admiral|(?:Field|Air(?:\s+Chief|\s+Vice)?)\s+Marshal|"
    # ranks as wires and South Asian papers abbreviate them ("Lt Gen", "Maj. Gen.", "Gen Munir"),
    # not "Gen Z"
    r"(?:(?:Lt|Lieut|Maj|Brig)\.?\s+)?Gen\b\.?(?!\s+[XYZ]\b)|(?:Lt|Lieut)\.?\s+Col\b\.?|"
    r"Col\b\.?|Brig\b\.?|Adm\b\.?|Captain|Capt\b\.?|Commander|Cmdr\b\.?|"
    r"Major(?!\s+(?:General|Gen)\b)|"
    r"Ambassador|Mayor|Judge|Justice|Chief\s+Justice|Speaker|Leader|Chairman|"
    r"Chairwoman|Chief\s+Executive(?:\s+Officer)?|Chief\s+(?:Financial|Operating)\s+Officer|CEO|CFO|"
    r"COO|Managing\s+Director|Chief|Director|Commissioner|Deputy\s+\w+|Under\s+Secretary)"
)
# "Alexander Lukashenko, the self-proclaimed president of Belarus", "Helga Strand, Estmark's
# prime minister": an office given after the name (offices only: "the leader of Likud", "the
# chief of staff" describe, they do not title).
_OFFICES = (r"President|Vice\s+President|Prime\s+Minister|Foreign\s+Minister|Minister|Senator|"
            r"Governor|Secretary|Ambassador|Chancellor|Mayor|Chief\s+of\s+Staff|Adviser|Advisor|"
            r"Chief\s+Executive(?:\s+Officer)?|Chief\s+(?:Financial|Operating)\s+Officer|"
            r"Chairman|Chairwoman|Managing\s+Director")
# A qualifier that changes what a title says of its holder ("former President", "Acting Kursk
# Governor", "the self-proclaimed president of Belarus").
_QUALIFIER = r"(?P<mod>(?i:former|acting|interim|self-proclaimed|deposed|ousted)\s+|(?i:ex)-)"
_NAME = r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+)"
_TITLE_RE = re.compile(
    rf"(?<![\w-])(?:{_QUALIFIER}(?:[A-Z][\w-]+\s+){{0,2}}?)?"
    # an office in either case ("prime minister Jan Novak", "chief executive Marta Ruiz"; not
    # "leader" or "chief", which describe), other titles capitalised; a capitalised name follows
    rf"(?P<title>(?:(?i:deputy|vice|assistant|junior)\s+)?(?:(?i:{_OFFICES})|{_TITLES}))\s+"
    rf"(?!{_TITLES}\b){_NAME}"
)
_APPOSITIVE_TITLE_RE = re.compile(
    rf"(?<![\w-])(?<!In )(?<!On )(?<!At )(?<!For )(?<!From )(?<!With )(?<!By )"
    rf"(?!(?:In|On|At|For|From|With|By|The|A|An|And|But)\b)"
    rf"{_NAME.replace('{0,2}', '{1,2}')},\s+(?:the\s+|a\s+)?(?:[A-Za-z][\w-]*['’]s\s+)?"
    rf"{_QUALIFIER}?"
    rf"(?P<title>(?:(?!(?:new|current|then|now|who|which|was|were|is|running|candidate|"
    rf"once|later|until)\s)[a-z]+\s+){{0,2}}(?i:{_OFFICES}))(?:\s+(?:of|in|for)\b|\s*,)"
)
# "Ostrevia's prime minister, Mira Solen, ...": an office before the name, set off by a comma.
_POSSESSIVE_TITLE_RE = re.compile(
    rf"(?<![\w-])[A-Z][\w-]*['’]s\s+{_QUALIFIER}?"
    rf"(?P<title>(?:(?!(?:new|current|then|now)\s)[a-z]+\s+){{0,2}}(?i:{_OFFICES})),\s+"
    rf"{_NAME.replace('{0,2}', '{1,2}')}\b"
)


@dataclass(frozen=True, slots=True)
class Titled:
    """A person given a title in a sentence: name as written, title, its qualifier ("former",
    "acting", "self-proclaimed" or ""), span."""

    name: str
    title: str
    qualifier: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.qualifier} {self.title}".strip()


@lru_cache(maxsize=65536)
def _titles(text: str) -> dict[str, Titled]:
    """Titled people by lower-case surname: "former President Donald Trump" ->
    {"trump": Titled("Donald Trump", "president", "former", ...)}."""
    out: dict[str, Titled] = {}
    for rx in (_TITLE_RE, _APPOSITIVE_TITLE_RE, _POSSESSIVE_TITLE_RE):
        for m in rx.finditer(text):
            if m.group("name").split()[0].lower() in WEEKDAYS:
                continue  # "the governor Tuesday declared": a day, not a name (not "Jan Novak")
            title = re.sub(r"\s+", " ", m.group("title")).lower()
            title = title.replace(".", "")
            title = _TITLE_ABBREVIATIONS.get(title, title).replace("-", " ").replace(
                "defense", "defence").replace("advisor", "adviser")  # one office, two spellings
            title = re.sub(r"\bspokes(?:man|woman|person)\b", "spokesperson", title)
            mod = (m.group("mod") or "").strip(" -").lower()
            out.setdefault(m.group("name").split()[-1].lower().strip(".’'"), Titled(
                m.group("name"), title, _QUALIFIERS.get(mod, mod), m.start(), m.end()))
    return out


def surname_key(surname: str) -> str:
    """A lower-case surname's first letter and the consonants after it: the two spellings of
    one name ("hussein"/"hussien") share it, and so do other names ("hassan"): a key that pairs
    claims to compare, not a match (``same_surname``)."""
    return surname[:1] + re.sub(r"[aeiouy’'-]", "", surname[1:])


def same_surname(x: str, y: str) -> bool:
    """One surname, spelt the same or with two neighbouring letters swapped ("hussein" /
    "hussien"); not "hassan", nor "scholz" / "schulz" (another letter)."""
    if x == y:
        return True
    if len(x) != len(y):
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and (x[diff[0]], x[diff[1]]) == (y[diff[1]], y[diff[0]]))


def titled_people(text: str) -> frozenset[str]:
    """Surname keys (``surname_key``) of people given a title with a first name ("Prime
    Minister Nikol Pashinyan"): a person whose title two claims of one story may give
    differently, however far apart they are. Candidate pairs only: the title detector checks
    the names."""
    return frozenset(surname_key(k) for k, t in _titles(text).items() if len(t.name.split()) > 1)


_ROLE = re.compile(r"\b(?:spokesperson|envoy)\b")  # roles held beside an office
# Words that make a longer title another office: "Deputy Interior Minister" is not "Interior
# Minister" ("Foreign Minister" shortened to "Minister" is the same one).
_LESSER = frozenset({"deputy", "vice", "assistant", "under", "junior", "associate", "sub"})
# (not "lieutenant" nor "major": wires shorten "Lt Gen" and "Maj Gen" alike to "Gen")


def _other_office(x: str, y: str) -> bool:
    """Two titles of one person that name two offices: neither contains the other, or the
    longer adds a word that makes it a lesser office ("deputy", "vice", "under")."""
    if x not in y and y not in x:
        return True
    short, long_ = sorted((x, y), key=len)
    extra = set(long_.split()) - set(short.split())
    return bool(extra & _LESSER)
_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative",
                        "ceo": "chief executive", "chief executive officer": "chief executive",
                        "cfo": "chief financial officer", "coo": "chief operating officer",
                        "gen": "general", "col": "colonel", "lt gen": "lieutenant general",
                        "lieut gen": "lieutenant general", "maj gen": "major general",
                        "brig gen": "brigadier general", "brig": "brigadier",
                        "lt col": "lieutenant colonel", "lieut col": "lieutenant colonel",
                        "adm": "admiral", "capt": "captain", "cmdr": "commander"}
_QUALIFIERS = {"interim": "acting", "ex": "former", "deposed": "former", "ousted": "former"}


@detector("title")
def title(p: Pair) -> Reason | None:
    """The same person given different titles or roles ("Senator Smith" vs "Secretary Smith",
    "former President Trump" vs "President Trump"): in close sentences, or anywhere when both
    give the full name ("Armenian President Nikol Pashinyan" / "Prime Minister Nikol
    Pashinyan"). A title may follow the name ("Lukashenko, the self-proclaimed president of
    Belarus"); a surname may be spelled two ways ("Hussein"/"Hussien")."""
    ta, tb = _titles(p.a.text), _titles(p.b.text)  # the whole sentence: the speaker's title too
    both = sorted((kx, ky) for kx in ta for ky in tb if same_surname(kx, ky))
    if not both:
        return None
    close = same_point(p, sim=0.6, words=0.6)
    for kx, ky in both:
        x, y = ta[kx], tb[ky]
        fx, fy = x.name.split(), y.name.split()
        if not close and not (len(fx) > 1 and len(fy) > 1
                              and fx[0][:3].lower() == fy[0][:3].lower()):
            continue  # far apart, and not surely one person: two Smiths ("Alexey"/"Alexei": one)
        if _ROLE.search(x.title) or _ROLE.search(y.title):
            continue  # a spokesperson or an envoy may also hold an office or a rank
        if x.qualifier != y.qualifier or _other_office(x.title, y.title):
            spans = (text_span(p.a, x.start, x.end), text_span(p.b, y.start, y.end))
            return Reason("title", f"{fx[-1]}: {str(x)!r} vs {str(y)!r}", (p.a.id, p.b.id),
                          tuple(sp for sp in spans if sp is not None), weight=0.7)
    return None


__all__ = ["Titled", "same_surname", "surname_key", "title", "titled_people"]
