"""Titles and roles of people: the ``title`` detector ("Senator Smith" / "Secretary Smith",
"former President Trump" / "President Trump", "Lt Gen Ghai" / "Air Marshal Ghai") and the
titled names that pair far-apart claims of one story (``titled_people``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lazy_re import lazy
from ..records import Reason
from .detectors import Pair, detector, text_span
from .text import WEEKDAYS

# A minister's or secretary's portfolio ("Intelligence Minister" is not "Interior Minister").
_ONE_PORTFOLIO = (
    r"(?:Defen[cs]e|Interior|Finance|Justice|Health|Energy|Trade|Information|Education|"
    r"Agriculture|Economy|Intelligence|(?:State\s+)?Security|Labou?r|Transport(?:ation)?|"
    r"Environment|Culture|Tourism|Oil|Petroleum|Industry|Science|Housing|Water\s+Resources|Water|"
    r"Irrigation|Fisheries|Forestry|Communications|Commerce|Immigration|Sports?|Youth|Planning|"
    r"Development|Infrastructure|Mines|Mining|Treasury|Homeland\s+Security|Construction|"
    r"Public\s+Works|Works|Electricity|Power|Telecommunications|Digital(?:\s+Affairs)?|Aviation|"
    r"Railways|"
    r"Emergency\s+Situations|Emergencies|Reconstruction|Defen[cs]e\s+Industry|"
    r"(?:Foreign|External|Internal|Home|Religious|Veterans|Social|Economic)\s+Affairs|Foreign|Home)"
)
_PORTFOLIO = rf"(?:{_ONE_PORTFOLIO}(?:\s+(?:and|&)\s+{_ONE_PORTFOLIO})?)"
# An office named by what it heads ("Minister of Foreign Affairs", "Speaker of Parliament").
_OF_OFFICE = (
    rf"(?:Minister|Secretary)\s+(?:of|for)\s+(?:State\s+for\s+)?(?:the\s+)?{_PORTFOLIO}|"
    r"Speaker\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:Parliament|House|(?:National\s+)?Assembly|Senate|Knesset|"
    r"Duma)|Chief\s+of\s+(?:the\s+)?(?:General\s+|Defen[cs]e\s+|Army\s+)?Staff"
)
# Services whose head a title names by them ("Police chief", "Air Force commander").
_BODY_WORDS = ("Army", "Navy", "Air Force", "Police", "Fire", "Militia", "Rebel", "Intelligence",
               "Border", "Prison", "Coast Guard", "Military", "Naval", "Command", "Northern",
               "Southern", "Eastern", "Western", "Central", "Marine", "Guard", "Security")
_BODIES = "(?i:" + "|".join(w.replace(" ", r"\s+") for w in _BODY_WORDS) + ")"  # any case
_TITLES = (
    r"(?:Secretary[- ]General|Director[- ]General|(?:Attorney|Prosecutor|Solicitor)[- ]General|"
    r"(?:Senate\s+|House\s+)?(?:Majority|Minority)\s+(?:Leader|Whip)|Premier|Prosecutor|"
    rf"{_PORTFOLIO}\s+(?:Minister|Secretary)|"
    r"President|Vice\s+President|Prime\s+Minister|Senator|Sen\.|Governor|Gov\.|Representative|"
    r"Rep\.|Secretary\s+of\s+State|Secretary|Minister|Foreign\s+Minister|Chancellor|General|"
    r"Colonel|Brigadier(?:\s+General)?|Lieutenant\s+(?:General|Colonel)|"
    r"Major\s+General|(?:Rear\s+|Vice\s+)?Admiral|(?:Field|Air(?:\s+Chief|\s+Vice)?)[\s-]+Marshal|"
    r"(?:Rear|Vice)\s+Adm\b\.?|Maj\b\.?(?!\s+Gen\b)|Sergeant|Sgt\b\.?|Corporal|Cpl\b\.?|"
    r"(?:Chief\s+|Detective\s+)?(?:Superintendent|Inspector)|(?:Chief\s+)?Cabinet\s+Secretary|"
    # ranks as wires and South Asian papers abbreviate them ("Lt Gen", "Maj. Gen.", "Gen Munir"),
    # not "Gen Z"
    r"(?:(?:Lt|Lieut|Maj|Brig)\.?\s+)?Gen\b\.?(?!\s+[XYZ]\b)|(?:Lt|Lieut)\.?\s+Col\b\.?|"
    r"Col\b\.?|Brig\b\.?|Adm\b\.?|Captain|Capt\b\.?|Commander|Cmdr\b\.?|"
    r"Major(?!\s+(?:General|Gen)\b)|"
    r"Ambassador|Mayor|Judge|Justice|Chief\s+Justice|Speaker|Leader|Chairman|"
    r"Chairwoman|Chief\s+Executive(?:\s+Officer)?|Chief\s+(?:Financial|Operating)\s+Officer|CEO|CFO|"
    r"COO|Managing\s+Director|Chief|Director|Commissioner|Deputy\s+\w+|Under\s+Secretary|"
    # a service's chief ("Fire chief", "Navy chief", "Northern Command chief", "Militia
    # commander"): the service names the post
    rf"(?:{_BODIES}\s+){{1,2}}(?i:chief|commander|head)(?!\s+of\b))"
)
# "Alexander Lukashenko, the self-proclaimed president of Belarus", "Helga Strand, Estmark's
# prime minister": an office given after the name (offices only: "the leader of Likud", "the
# chief of staff" describe, they do not title).
_OFFICES = (rf"{_OF_OFFICE}|{_PORTFOLIO}\s+(?:Minister|Secretary)|"
            r"President|Vice\s+President|Prime\s+Minister|Foreign\s+Minister|Minister|Senator|"
            r"Governor|Secretary|Ambassador|Chancellor|Mayor|Chief\s+of\s+Staff|Adviser|Advisor|"
            r"Chief\s+Executive(?:\s+Officer)?|Chief\s+(?:Financial|Operating)\s+Officer|"
            r"Chairman|Chairwoman|Managing\s+Director|Premier|(?:Attorney|Prosecutor)[- ]General|"
            # a service's chief ("the national police chief, Ramon Sabillon")
            rf"(?:{_BODIES}\s+){{1,2}}(?:chief|commander)(?!\s+of\b)|"
            # "commander of Ukraine's navy": the same office, told the other way round
            rf"(?:chief|commander)\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?{_BODIES}"
            rf"(?:\s+{_BODIES})?\b(?!\s+[A-Z])")  # (never before a name)
# Ranks told after a name ("Thurein Tun, a colonel who led a battalion").
_RANK_WORDS = (r"(?:lieutenant[\s-]+|major[\s-]+|brigadier[\s-]+)?general|(?:lieutenant[\s-]+)?"
               r"colonel|brigadier|captain|(?:rear[\s-]+|vice[\s-]+)?admiral|commodore|sergeant|"
               r"corporal")
# A qualifier that changes what a title says of its holder ("former President", "Acting Kursk
# Governor", "the self-proclaimed president of Belarus").
_QUALIFIER = (r"(?P<mod>(?i:former|acting|interim|self-proclaimed|self-styled|so-called|"
              r"deposed|ousted|incoming|outgoing|caretaker|shadow)\s+|(?i:ex)-)")
# "the new defence minister", "the current president": the office held now, as unqualified.
_NOW = r"(?:(?i:new|current|sitting|incumbent)\s+)?"
# "President-elect Ana Ruiz", "Defence Minister-designate" do not hold the office yet.
_ELECT = r"(?P<elect>-(?:elect|designate)\b)?"
# A name: capitalised words, one of which may open on a particle ("Khalid al-Aiser").
_NAME = r"(?P<name>(?:(?:al-|el-)?[A-Z][\w.'’-]*\s+){0,2}(?:al-|el-)?[A-Z][\w'’-]+)"
_TITLE_RE = lazy(
    rf"(?<![\w-])(?:{_QUALIFIER}(?:[A-Z][\w-]+\s+){{0,2}}?)?"
    # an office in either case ("prime minister Jan Novak", "chief executive Marta Ruiz"; not
    # "leader" or "chief", which describe), other titles capitalised; a capitalised name follows
    rf"(?P<title>(?:(?i:deputy|vice|assistant|junior)[\s-]+(?:{_BODIES}\s+)?|Lieutenant\s+"
    rf"(?=Governor))?(?:(?i:{_OFFICES})|{_TITLES})){_ELECT}\s+"
    rf"(?!{_TITLES}\b){_NAME}"
)
_APPOSITIVE_TITLE_RE = lazy(
    rf"(?<![\w-])(?<!In )(?<!On )(?<!At )(?<!For )(?<!From )(?<!With )(?<!By )"
    rf"(?!(?:In|On|At|For|From|With|By|The|A|An|And|But)\b)"
    rf"{_NAME},\s+(?:the\s+|an?\s+)?(?:[A-Za-z][\w-]*(?:['’]s|s['’])\s+)?"
    rf"{_QUALIFIER}?{_NOW}"
    rf"(?P<title>(?:(?!(?:new|current|then|now|who|which|was|were|is|running|candidate|"
    rf"once|later|until)\s)[A-Za-z][a-z-]*\s+){{0,2}}(?i:{_OFFICES}|{_RANK_WORDS}))"
    rf"{_ELECT}"
    rf"(?:\s+(?:of|in|for|to)\b|\s*,)"  # "Velia's ambassador to Kordan"
)
# "Ostrevia's prime minister, Mira Solen, ...": an office before the name, set off by a comma.
_POSSESSIVE_TITLE_RE = lazy(
    rf"(?<![\w-])(?:[A-Z][\w-]*|(?i:the)\s+(?:country|nation|kingdom|republic|state|government|"
    rf"army|party|region|province|city|island|emirate|bloc|alliance|union))['’]s\s+{_QUALIFIER}?"
    rf"{_NOW}"
    rf"(?P<title>(?:(?!(?:new|current|then|now)\s)[A-Za-z][a-z-]*\s+){{0,2}}"
    rf"(?i:{_OFFICES})){_ELECT}"
    r"(?:\s+(?:to|in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?,\s+"  # "ambassador to Washington,"
    rf"{_NAME.replace('{0,2}', '{1,2}')}\b"
)

# "The Velian foreign minister, Ada Pohl, ...", "the self-proclaimed president of Belarus,
# Alexander Lukashenko": "the", a place's adjective, an office (of a place), then the name.
_THE_TITLE_RE = lazy(
    rf"(?<![\w-])(?i:the)\s+{_QUALIFIER}?{_NOW}(?:[A-Z][\w-]*\s+|(?:national|top|senior|"
    rf"chief)\s+){{0,2}}"
    rf"(?P<title>(?i:{_OFFICES})){_ELECT}(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})?"
    # the name set off ("..., Ada Pohl,"): not "After meeting the president, Ana Ruiz told"
    rf",\s+{_NAME.replace('{0,2}', '{1,2}')}\b(?=\s*(?:[,.;)]|$))"
)
# "Hagari, who holds the rank of rear admiral": a rank told in a relative clause.
_RANK_HELD_RE = lazy(
    rf"(?<![\w.'’-]){_NAME},\s+who\s+holds\s+the\s+rank\s+of\s+(?:a\s+)?(?P<title>(?i:{_TITLES}))\b")

# "Oskar Lind, who is the country's interior minister,", "Ruta Kairys, who served as foreign
# minister until last year": an office in a relative clause; "was" or "served" makes it former.
_WHO_TITLE_RE = lazy(
    rf"(?<![\w.'’-]){_NAME},\s+who\s+(?:also\s+)?(?P<verb>is|was|has\s+been|had\s+been|serves\s+as|"
    rf"served\s+as)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?(?:[A-Za-z][\w-]*(?:['’]s|s['’])\s+)?{_QUALIFIER}?"
    rf"(?P<title>(?:(?!(?:new|current|then|now|who|which|running|candidate)\s)[A-Za-z][a-z-]*\s+)"
    rf"{{0,2}}(?i:{_OFFICES})){_ELECT}(?:\s+(?:of|in|for|until|from|and)\b|\s*[,.;])"
)
# Words that open a sentence before a comma and are no name ("However, the foreign minister
# said"): a name of one word before a comma must not be one of them.
_NOT_NAMES = frozenset({
    "however", "meanwhile", "separately", "earlier", "later", "still", "yet", "instead",
    "nevertheless", "nonetheless", "moreover", "also", "then", "now", "today", "yesterday",
    "tonight", "overall", "indeed", "finally", "similarly", "elsewhere", "again", "afterwards",
    "thus", "hence", "therefore", "besides", "furthermore", "regardless", "otherwise", "there",
    "here", "so", "but", "and", "or", "in", "on", "at", "for", "by", "with", "since", "after",
    "before", "during", "while", "when", "as", "if", "though", "although", "first",
    "second", "third", "last", "next", "once", "sources", "officials", "analysts", "critics",
    "diplomats", "witnesses", "residents", "police", "reuters"})


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
        if self.qualifier in ("elect", "designate"):
            return f"{self.title}-{self.qualifier}"
        return f"{self.qualifier} {self.title}".strip()


@lru_cache(maxsize=65536)
def _titles(text: str) -> dict[str, tuple[Titled, ...]]:
    """Titled people by lower-case surname, each with every title the sentence gives: "former
    President Donald Trump" -> {"trump": (Titled("Donald Trump", "president", "former", ...),)};
    "Deputy Prime Minister and Foreign Minister Ishan Darr", or "Interior Minister Novak, who
    also serves as deputy prime minister", hold two offices."""
    out: dict[str, tuple[Titled, ...]] = {}
    for rx in (_TITLE_RE, _APPOSITIVE_TITLE_RE, _POSSESSIVE_TITLE_RE, _THE_TITLE_RE,
               _WHO_TITLE_RE, _RANK_HELD_RE):
        if (rx in (_WHO_TITLE_RE, _RANK_HELD_RE) and ", who " not in text
                or rx is not _TITLE_RE and "," not in text):
            continue  # one cheap look before the patterns that need a comma
        for m in rx.finditer(text):
            if m.group("name").split()[0].lower() in WEEKDAYS:
                continue  # "the governor Tuesday declared": a day, not a name (not "Jan Novak")
            one = m.group("name")
            if rx is not _TITLE_RE and " " not in one and (
                    one.lower() in _NOT_NAMES or one.lower().endswith("ly") or one.isupper()
                    or text[:m.start()].strip(" \"“'‘")):
                continue  # "However, the foreign minister said", "After meeting Zelensky, the
                # British prime minister, Keir Starmer": one word names someone only first
            mod = (m.groupdict().get("mod") or "").strip(" -").lower()
            if m.groupdict().get("verb") in ("was", "had been", "served as"):
                if not re.match(r"\s+until\b", text[m.end("title"):]):
                    continue  # "who was chancellor in 2015", "who was elected president": no
                mod = mod or "former"  # change of office told; "who was minister until 2020" is
            if re.search(r"\b(?:nominee|candidate|pick|choice)\b", m.group("title"), re.I):
                mod = "designate"  # "the nominee for defence minister"
            if m.groupdict().get("elect"):
                mod = m.group("elect").strip("-").lower()
            mod = _QUALIFIERS.get(mod, mod)
            offices = [m.group("title")]
            both = _AND_TITLE.search(text, 0, m.start("title")) if rx is _TITLE_RE else None
            if both is not None:
                offices.append(both.group("title"))  # "Deputy Prime Minister and Foreign ..."
            key = m.group("name").split()[-1].lower().strip(".’'")
            for office in offices:
                got = Titled(m.group("name"), _office(office), mod, m.start(), m.end())
                if all((t.title, t.qualifier) != (got.title, got.qualifier)
                       for t in out.get(key, ())):
                    out[key] = (*out.get(key, ()), got)
    return out


# The first of two offices held at once, before "and" ("Deputy Prime Minister and Foreign
# Minister Ishan Darr").
_AND_TITLE = lazy(rf"(?<![\w-])(?P<title>(?:(?i:deputy|vice)\s+)?(?i:{_OFFICES}))\s+"
                        r"(?:and|&)\s+\Z")  # read up to the second office


# Words an office is made of; any other capitalised word before it names a place or a body
# ("the Rwandan foreign minister", "Omani ..."), which the office does not change.
_OFFICE_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z]{2,}", _OFFICES + _TITLES)) | {
    w.lower() for b in _BODY_WORDS for w in b.split()} | {
    "defence", "defense", "labour", "labor", "transportation", "sports", "deputy", "vice",
    "assistant", "junior"}
# A service's name as ``_office`` spells it ("air force", "northern command").
_BODY_NAMES = "|".join(w.lower() for w in _BODY_WORDS) + r"|(?:\w+ )?command"
# One office, several names: "Minister of Foreign Affairs" is the foreign minister, a home
# minister the interior minister, every "chief of (the general) staff" one post.
_SAME_OFFICE = ((r"^(minister|secretary) (?:of|for) state for (?:the )?(.+)$", r"\2 \1 of state"),
                (r"^(minister|secretary) (?:of|for) (?!state for\b)(?:the )?(.+)$", r"\2 \1"),
                (r"\b(foreign|economic|social|religious|veterans|digital) affairs\b", r"\1"),
                (r"\bexternal affairs\b", "foreign"),
                (r"\b(?:internal affairs|home affairs|home)\b(?= (?:minister|secretary))",
                 "interior"),
                (rf"^(?:chief|commander|head) of (?:the )?({_BODY_NAMES})$", r"\1 commander"),
                (rf"^((?:deputy|vice) )?(?:\w+ )??({_BODY_NAMES}) (?:chief|head)$",
                 r"\1\2 commander"),
                (r"\bemergency situations\b", "emergencies"),
                (r"\belectricity\b(?= (?:minister|secretary))", "power"),
                (r"^speaker of .*", "speaker"), (r"\bchief of (?:the )?(?:\w+ )?staff\b",
                                                 "chief of staff"))


def _office(raw: str) -> str:
    """A title as written -> one spelling of its office: "Minister of Foreign Affairs" ->
    "foreign minister", "the Rwandan Foreign Minister" -> "foreign minister", "Lt. Gen." ->
    "lieutenant general"."""
    words = [w for w in raw.split() if not (w[:1].isupper() and any(
        part not in _OFFICE_WORDS for part in w.lower().strip(".").split("-")))]
    title = re.sub(r"['’]s\b", "", " ".join(words or raw.split()).lower().replace(".", ""))
    title = _TITLE_ABBREVIATIONS.get(title, title).replace("-", " ").replace(
        "defense", "defence").replace("advisor", "adviser").replace(
        "labor", "labour").replace("premier", "prime minister")  # one office, two spellings
    for pattern, to in _SAME_OFFICE:
        title = re.sub(pattern, to, title)
    rank = _RANK_MODIFIERS.sub("", title)  # "a retired general", "an army colonel": the rank
    title = rank if rank in _RANKS else title
    return re.sub(r"\bspokes(?:man|woman|person)\b", "spokesperson", title)


_RANK_MODIFIERS = re.compile(r"^(?:(?:retired|serving|(?:one|two|three|four|five) star|army|navy|"
                             r"military|senior|top)\s+)+")


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
    """Surname keys (``surname_key``) of people given a title ("Prime Minister Nikol
    Pashinyan", "President Kagame"): a person whose title two claims of one story may give
    differently, however far apart they are. Candidate pairs only: the title detector checks
    the names."""
    return frozenset(surname_key(k) for k in _titles(text))


# Words before a surname that are no first name ("Mr Kagame"; in "Sheikh Ahmad al-Sabah" the
# first name is Ahmad, so two sheikhs of one family are two people).
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
                         "madam", "mx", "sheikh", "sheikha", "prince", "princess", "emir",
                         "sayyid", "sayed"})


def _first(name: str) -> str:
    """The first name's first three letters, lower case, or "" when none is given."""
    words = [w for w in name.split()[:-1] if w.lower().strip(".") not in _HONORIFICS]
    return words[0].lower().strip(".")[:3] if words else ""


_ROLE = lazy(r"\b(?:spokesperson|envoy)\b")  # roles held beside an office
# Military and police ranks, as ``_office`` spells them: a rank is held beside a post.
_RANKS = frozenset({
    "general", "lieutenant general", "major general", "brigadier", "brigadier general",
    "colonel", "lieutenant colonel", "major", "captain", "admiral", "rear admiral",
    "vice admiral", "field marshal", "air marshal", "air chief marshal", "air vice marshal",
    "sergeant", "corporal", "superintendent", "chief superintendent", "inspector",
    "chief inspector",
    "detective inspector"})
# Words that make a longer title another office: "Deputy Interior Minister" is not "Interior
# Minister" ("Foreign Minister" shortened to "Minister" is the same one).
_LESSER = frozenset({"deputy", "vice", "assistant", "under", "junior", "associate", "sub", "rear"})
# (not "lieutenant" nor "major": wires shorten "Lt Gen" and "Maj Gen" alike to "Gen")


def _other_office(x: str, y: str) -> bool:
    """Two titles of one person that name two offices: neither contains the other, or the
    longer adds a word that makes it a lesser office ("deputy", "vice", "under")."""
    if x not in y and y not in x:
        return True
    short, long_ = sorted((x, y), key=len)
    extra = set(long_.split()) - set(short.split())
    # a lieutenant governor is not the governor; a lieutenant general is a general (a rank)
    return bool(extra & _LESSER) or ("lieutenant" in extra and short not in _RANKS)
_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative",
                        "ceo": "chief executive", "chief executive officer": "chief executive",
                        "cfo": "chief financial officer", "coo": "chief operating officer",
                        "gen": "general", "col": "colonel", "lt gen": "lieutenant general",
                        "lieut gen": "lieutenant general", "maj gen": "major general",
                        "brig gen": "brigadier general", "brig": "brigadier",
                        "lt col": "lieutenant colonel", "lieut col": "lieutenant colonel",
                        "adm": "admiral", "capt": "captain", "cmdr": "commander",
                        "rear adm": "rear admiral", "vice adm": "vice admiral", "maj": "major",
                        "sgt": "sergeant", "cpl": "corporal"}
_QUALIFIERS = {"interim": "acting", "ex": "former", "self-styled": "self-proclaimed",
               "deposed": "former", "ousted": "former",
               "incoming": "elect", "outgoing": "", "caretaker": ""}  # still in office
# Qualifiers that deny the office alike: "so-called" and "self-proclaimed" are one doubt.
_DOUBTED = frozenset({"so-called", "self-proclaimed"})


@detector("title")
def title(p: Pair) -> Reason | None:
    """The same person given different titles or roles ("Senator Smith" vs "Secretary Smith",
    "former President Trump" vs "President Trump"), however far apart the two claims: one
    surname in one pair of claims is one person unless two first names differ ("John Smith" /
    "Jane Smith"). A title may follow the name ("Lukashenko, the self-proclaimed president of
    Belarus") or precede it with a comma ("the country's foreign minister, X"); a surname may
    be spelled two ways ("Hussein"/"Hussien")."""
    ta, tb = _titles(p.a.text), _titles(p.b.text)  # the whole sentence: the speaker's title too
    if not ta or not tb:
        return None  # no titled person on one side (what ``both`` finds, sooner)
    both = sorted((kx, ky) for kx in ta for ky in tb if same_surname(kx, ky))
    if not both:
        return None
    for kx, ky in both:
        fx = max((_first(x.name) for x in ta[kx]), key=len)
        fy = max((_first(y.name) for y in tb[ky]), key=len)
        if fx and fy and (fx[0] != fy[0] if min(len(fx), len(fy)) < 3 else fx != fy):
            continue  # two first names: two Smiths ("Alexey"/"Alexei", "J."/"John": one)
        if not (fx and fy) and p.similarity < 0.4:
            continue  # "Senator Johnson" / "Speaker Mike Johnson" far apart: maybe two
        clash = _two_offices(ta[kx], tb[ky], bool(fx and fy))
        if clash is not None:
            x, y = clash
            spans = (text_span(p.a, x.start, x.end), text_span(p.b, y.start, y.end))
            return Reason("title", f"{x.name.split()[-1]}: {str(x)!r} vs {str(y)!r}",
                          (p.a.id, p.b.id),
                          tuple(sp for sp in spans if sp is not None), weight=0.7)
    return None


def _two_offices(xs: Sequence[Titled], ys: Sequence[Titled], first_names: bool
                 ) -> tuple[Titled, Titled] | None:
    """Two titles one person cannot hold at once, when no title of one side is the other's:
    ranks set against ranks, commands against commands, posts against posts ("Admiral Sokol" /
    "Vice-Admiral Sokol, the fleet's chief of staff" are two ranks whatever post the second
    adds)."""
    for kind in ("rank", "command", "post"):
        xr = [x for x in xs if _kind(x.title) == kind]
        yr = [y for y in ys if _kind(y.title) == kind]
        clashes = [(x, y) for x in xr for y in yr if _clash(x, y, first_names)]
        if clashes and len(clashes) == len(xr) * len(yr):
            return clashes[0]
    return None


def _kind(title: str) -> str:
    """A rank ("brigadier general"), a service's command ("navy commander", "army chief"), or a
    post; each is set only against its own kind: a general may head the army or a ministry, and
    an army chief may lead a junta's council too."""
    return "rank" if title in _RANKS else "command" if title.endswith(" commander") else "post"


def _clash(x: Titled, y: Titled, first_names: bool) -> bool:
    """Whether two titles of one person cannot both be true of them at once."""
    if {x.qualifier, y.qualifier} <= _DOUBTED and x.title == y.title:
        return False  # "the so-called president" / "the self-proclaimed president"
    if _ROLE.search(x.title) or _ROLE.search(y.title):
        return False  # a spokesperson or an envoy may also hold an office or a rank
    other = _other_office(x.title, y.title)
    if "former" in (x.qualifier, y.qualifier) and (other or x.title != y.title):
        return False  # "who was mayor until 2020" / "Governor Jan Kowal": one career
    if x.qualifier != y.qualifier and not first_names:
        return False  # "Prime Minister Trudeau" / "former Prime Minister Pierre Trudeau": two
    return x.qualifier != y.qualifier or other


__all__ = ["Titled", "same_surname", "surname_key", "title", "titled_people"]
