"""Who started it, in the forms the cause verbs of ``credit`` do not read: "X fired first", "X
was the first to open fire", "the clashes began when X fired on ...", "the unrest was started by
X", "X started the feud", "Y only returned fire after X's guns opened up". Each is a
``starter`` credit, which ``responsibility`` compares across two claims
of one fight ("the patrol opened fire first" / "the clashes began when the guards fired")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ...wordlists import word_groups, word_sequences
from ..credits import Credit
from ..gate import Gate
from ..text import norm_actor

# What one side started: "started the war", "fired first" (a fight, not a harm with a name).
FIGHT = lazy(r"\b(?:war|fighting|conflict|clashes|hostilities|violence|escalation|"
                   r"battle|skirmish\w*|exchange\s+of\s+fire|first\s+(?:shots?|salvo)|feud|row|"
                   r"standoff|unrest|shelling|truce|ceasefire|riots?|(?:fired|struck|attacked|"
                   r"shot|opened\s+fire|returned\s+fire)(?:\s+\w+){0,4}\s+first|"
                   r"returned\s+fire|retaliat\w+|reprisals?|unprovoked|self-defen[cs]e|"
                   r"(?:response|answer|reaction)\s+to)\b", re.I)
# Words that open a clause with a capital and name no one ("After Qatari mediation, ..."): for
# the agents ``credit`` reads.
NOT_NAME_START = (r"(?!(?:After|Following|Through|With|Thanks|Under|Despite|Before|Since|When|"
                  r"While|Once|If|As|In|On|At|By|For|From|But|And|Yet|So|Only|Even)\s)")
# Where a subject may begin: a clause's start ("..., the patrol opened fire first"); and the
# subject, up to six words (``subject_key`` reads who it names). Shared with ``asked``.
CLAUSE_START = (r"(?:^|(?<=, )|(?<=; )|(?<=: )|(?<=that )|(?<=and )|"
                # a subordinate clause's subject: "agreed only after the rebels asked for it"
                r"(?<=\bafter )|(?<=\bwhen )|(?<=\bonce )|(?<=\bbecause )|(?<=\buntil ))")
SUBJECT = r"(?P<who>(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'-]+\s+){0,6}?[\w’'-]+)"
_FIGHTS = (r"clashes|fighting|war|feud|row|dispute|standoff|conflict|unrest|violence|crisis|"
           r"shelling|hostilities|battle|skirmish\w*|riots?|protests?|exchange\s+of\s+fire")
# Hostile acts that start a fight ("the shelling started when most residents returned home"
# names no one who started it).
ACTED = (r"(?:fired|shot|struck|attacked|shelled|stormed|raided|killed|seized|crossed|set\s+fire|"
         r"breached|violated|broke|"
         r"threw|stole|expelled|opened\s+fire|opened\s+up|bombed|invaded|ambushed|rammed)")
# "first" as the adverb of who acted first, not "their first drone attack", "the first time".
_FIRST = (r"\bfirst\b(?=\s*(?:[,.;]|$)|\s+(?:and|on|in|at|after|before|with|when|against|near|"
          r"around|along|across|over|during|inside|outside|by|from)\b)")
_TRUCE = r"(?:truce|ceasefire|cease-fire|armistice)\b"


def who_phrase(words: int) -> str:
    """A short noun phrase naming who did or asked (group ``who``): "the", then up to
    ``words`` + 1 words; the readers end it with ``clause_end``."""
    return rf"(?P<who>(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){{0,{words}}}?[\w’'-]+)"


def clause_end(*also: str) -> str:
    """Where a who-phrase's clause goes on: a comma or stop, "who", "and", "in", "after" ...,
    the words in ``also``, or the end."""
    ends = "|".join(("who", "which", "that", "and", "in", "on", "at", "after", "before", "when",
                     "whose", *also))
    return rf"(?=\s*[,.;]|\s+(?:{ends})\b|$)"


# "the opening salvo of the exercise", "the first shots of the campaign": another thing's start,
# not the fight's (a fight's own name within five words: "the first shots of the war", "of the
# latest round of fighting").
_FIGHT_NOUN = (r"(?:war|clash|clashes|fighting|battle|conflict|hostilities|escalation|assault|"
               r"offensive|attack|exchange|confrontation|skirmish|standoff|feud|violence|invasion|"
               r"siege|bombardment|uprising|operation|campaign|incursion|insurgency|rebellion|"
               r"revolt|raid|shelling|strikes|crisis)\b")
OF_NO_FIGHT = (rf"(?!\s+of\s+(?:the|a|an|its|their|this|that)\s+(?!(?:[\w-]+\s+){{0,4}}?"
               rf"{_FIGHT_NOUN})[a-z])")
# "fired first", "attacked first", "fired the first shots": who started it (``credit``)
FIRST_AFTER = lazy(rf"(?i)\s+(?:first\b|the\s+(?:first|opening)\s+(?:shot|salvo|round)s?\b"
                         rf"{OF_NO_FIGHT})")
_BY = who_phrase(3) + clause_end("without")
_BLOWS = (r"(?:bombardment|incursion|attack|raid|strike|assault|shelling|offensive|invasion|"
          r"barrage|ambush|operation)")
_NOT_DAY = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
_STARTERS = tuple(lazy(rx) for rx in (
    # "the Dravian patrol opened fire first", "Marrak forces violated the truce first"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+)?(?:fired|opened\s+fire|struck|"
    rf"attacked|shot|shelled|violated|broke|breached|crossed|expelled)\b[^.;]{{0,50}}?{_FIRST}",
    # "a coast guard vessel fired the first shots at the trawlers"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+)?fired\s+the\s+(?:very\s+)?(?:first|opening)\s+"
    rf"(?:shots?|salvos?|rounds?|volleys?)\b{OF_NO_FIGHT}",
    # "Iran had pushed the region towards escalation", "dragged the country into war"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+)?(?:pushed|dragged|drove|plunged)\s+"
    rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:towards?|into)\s+(?:an?\s+)?(?:further\s+|wider\s+|"
    rf"new\s+|open\s+|all-out\s+)?(?:escalation|war|conflict|violence|confrontation)\b",
    # "police were the first to open fire"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:was|were)\s+the\s+first\s+to\s+(?:open\s+fire|fire|attack|"
    rf"strike|shoot|break|violate|breach|cross)\b",
    # "the clashes began when border guards fired on a patrol", "the fighting broke out after
    # Kessan fighters attacked border posts" (a fight: not "the talks began when the
    # delegations arrived")
    rf"\b(?i:{_FIGHTS})\b[^.;]{{0,200}}?\b(?:began|started|erupted|broke\s+out|was\s+(?:triggered|"
    rf"sparked)|were\s+(?:triggered|sparked))\s+(?:[^.;]{{0,40}}?\s)?(?:when|after|once)\s+"
    rf"{SUBJECT}\s+(?:had\s+)?(?:{ACTED}|(?:carried\s+out|launched)\s+(?:an?\s+|the\s+|its\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:air\s*strikes?|strikes?|attacks?|offensive|assault|raids?|rockets|"
    rf"missiles|drones|invasion|(?:military|ground)\s+operation|bombardment|shelling))\b",
    # "it was Kessan forces that opened the cross-border attacks"
    r"\b[Ii]t\s+was\s+(?P<who>(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:that|who)\s+"
    r"(?:opened|started|began|launched|initiated)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?(?:attacks?|"
    r"hostilities|fire|fighting|clashes)\b",
    # "the unrest was started by students", "the line was first crossed by Marrak units"
    r"\b(?:was|were)\s+(?:first\s+)?(?:begun|started|provoked|triggered|sparked|initiated|"
    r"set\s+off|"
    r"crossed|breached|violated|broken)\s+by\s+(?P<who>(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"[\w’'-]+)(?=\s*[,.;]|\s+(?:who|which|that|and|in|on|at|after|before|when)\b|$)",
    # "the Rumo clan started the feud", "Korvia provoked the naval standoff"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:started|began|provoked|triggered|sparked|launched|opened|"
    rf"instigated)\s+(?:the\s+|this\s+|a\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:feud|row|clash(?:es)?|"
    rf"fighting|war|dispute|standoff|conflict|unrest|shelling|hostilities|crisis|violence|"
    rf"(?<!legal\s)(?<!court\s)(?<!political\s)battle|(?<!prisoner\s)(?<!student\s)"
    rf"(?<!hostage\s)(?<!body\s)exchange|riots?|"
    rf"skirmish)\b(?!\s+of\s+(?:prisoners|captives|bodies|views|letters))",
    # "Belmora accused Ondarian troops of breaking the truce", "blamed fans for starting it"
    r"\b(?:accus\w*|blam\w*)\s+(?P<who>(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,6}?[\w’'-]+)\s+"
    r"(?:of|for)\s+(?:an?\s+|the\s+)?(?:unprovoked|starting|provoking|triggering|sparking|"
    r"instigating|opening\s+fire|firing\s+first|striking\s+first|attacking\s+first)\b",
    # "it was Tarkeshi gunners who started the exchange"
    r"\b[Ii]t\s+was\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:who|that)\s+"
    r"(?:started|began|provoked|triggered|sparked|opened\s+fire|fired\s+first|struck\s+first|"
    r"attacked\s+first|broke|breached|violated|fired\s+the\s+first)\b",
    # "the Guard attacked troops without any provocation", "gunned down by X without provocation"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+)?{ACTED}\b[^.;]{{0,80}}?\bwithout\s+"
    rf"(?:any\s+)?provocation\b",
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+)?opened\s+fire\s+without\s+(?:any\s+)?warning\b",
    rf"\bby\s+{_BY}\s+without\s+(?:any\s+)?provocation\b",
    # "the Marovian bombardment was an unprovoked first strike"
    rf"\b(?!(?:The|An?|This|That)\b)(?P<who>[A-Z][\w’'-]+)\s+(?:[\w-]+\s+)?{_BLOWS}\b"
    rf"[^.;]{{0,60}}?\b(?:was|were)\s+"
    rf"(?:an?\s+)?unprovoked\b",
    # "called Tuesday's Marovian air raid on the depots an unprovoked act of war"
    rf"\b(?:called|described|branded|denounced|condemned)\s+(?:[\w’'-]+\s+){{0,3}}?{_NOT_DAY}"
    rf"(?P<who>[A-Z][\w’'-]+)\s+(?:[\w-]+\s+){{0,2}}?{_BLOWS}s?\b[^.;]{{0,60}}?\b(?:as\s+)?"
    rf"(?:an?\s+)?"
    rf"(?:unprovoked|act\s+of\s+(?:aggression|war)|aggression)\b",
    # "branded Elmaria the aggressor"
    r"\b(?:branded|called|named|labelled|labeled|described)\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+)"
    r"{0,3}?[\w’'-]+)\s+(?:as\s+)?the\s+aggressor\b",
    # "Y only returned fire after Kovian guns opened up": the other one started it
    rf"\b(?:only\s+(?:returned\s+fire|responded|retaliated|fired\s+back|shot\s+back)|returned\s+"
    rf"fire\s+only)\b[^.;]{{0,30}}?\b(?:after|when)\s+{SUBJECT}\s+{ACTED}\b",
))
# Who broke a truce: both sides may have, so a ``breaker`` is set only against the same side
# saying it only answered ("its forces acted only after Zembrian troops breached the truce").
_BREAKERS = tuple(lazy(rx) for rx in (
    # "Ravelian troops violated the ceasefire", "broke the three-week truce"
    rf"{CLAUSE_START}{SUBJECT}\s+(?:had\s+|has\s+|have\s+)?(?:repeatedly\s+)?(?:broke|breached|"
    rf"violated|broken)\s+(?:the\s+|a\s+|its\s+)?(?:(?!of\b|news\b|word\b)[\w-]+\s+){{0,3}}?"
    rf"{_TRUCE}",
    # "a breach of the ceasefire by the Mount Adrel Brotherhood"
    rf"\b(?:breach(?:es)?|violations?)\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?{_TRUCE}\s+by\s+{_BY}",
    # "accused Ondarian troops of breaking the harvest truce"
    r"\b(?:accus\w*|blam\w*)\s+(?P<who>(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
    rf"(?:of|for)\s+(?:breaking|violating|breaching)\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+)"
    rf"{{0,3}}?{_TRUCE}",
))
# Common nouns that open a sentence with a capital and are the actor themselves ("Police were
# the first to open fire", "Protesters in Ansel opened fire").
_PEOPLE = frozenset({"police", "protesters", "demonstrators", "soldiers", "troops", "students",
                     "rebels", "militants", "officers", "guards", "residents", "hackers",
                     "fighters", "settlers", "villagers", "workers", "gunmen", "insurgents",
                     "inmates", "prisoners", "fans", "youths", "strikers", "rioters", "activists",
                     "dockworkers", "miners", "farmers", "snipers", "commandos", "marines",
                     "gunners", "militiamen", "tribesmen", "separatists", "guerrillas",
                     "mercenaries", "hooligans", "mobs", "gangs"})
# Titles and ranks before a person's name, which name no side.
_TITLES = word_groups("title_words")["person_titles"] | {
    "colonel", "col", "major", "maj", "lieutenant", "lt", "captain", "capt", "commander",
    "sergeant", "admiral", "brigadier", "gen", "marshal"}
# Words after a possessive that name the other side, and capitalised openers that name no one.
_OTHERS = frozenset({"rivals", "opponents", "enemies", "foes", "adversaries", "critics",
                     "rival", "opponent", "enemy", "foe", "adversary", "neighbour", "neighbor",
                     "neighbours", "neighbors", "counterpart", "counterparts"})
_COMMON_OPENERS = frozenset({"senior", "local", "armed", "rival", "several", "most", "some",
                             "sanctions", "inflation", "protests", "prices"})
# Month and weekday names: a possessor that names a time, not a side ("Friday's incursion").
CALENDAR = frozenset(w for ws in word_sequences("calendar").values() for w in ws)
_NO_ONE = frozenset({"one", "it", "they", "he", "she", "we", "them", "both", "each", "either",
                     "neither", "which", "what", "whose", "no", "none", "nobody", "any", "every",
                     "all", "some", "many", "few", "several", "other", "others", "another",
                     "not", "never", "were", "was", "had", "has", "have", "did"})
_SIDES = frozenset({"clan", "militia", "militias", "forces", "army", "party", "group", "faction",
                    "union", "side", "government", "supporters", "opposition", "navy", "guard"})


# A reading said not to hold: "not"/"never" inside it ("It was not Korvia that started it",
# "had not acted in self-defence"), or a denial or rejection just before it ("No one has
# accused Korvia of", "rejected claims the Korvian strike was unprovoked").
NEGATION = lazy(r"\b(?:not|never|no)\b|n['’]t\b", re.I)
_NOT_BEFORE = lazy(r"\b(?:not|never|no\s+one|nobody|neither|rejected|denied|denies|"
                         r"dismissed|disputed|refuted)\b[^.;]{0,40}$|"
                         r"\b(?:whether|if)\s+[^.;]{0,20}$",
                         re.I)


def denied_before(text: str, m: re.Match[str]) -> bool:
    """Whether a match is said not to hold: a negation by its subject ("had not fired first"),
    or a denial, rejection or "whether" just before it."""
    near = text[m.start():min(m.end(), m.end("who") + 12)]  # the subject and its verb
    return bool(NEGATION.search(near) or _NOT_BEFORE.search(text, max(0, m.start() - 60),
                                                           m.start()))


# Every reader with the role it gives, and the words one of them needs (``Gate``: derived from
# the patterns, so an edited pattern keeps its gate right).
_READERS = tuple((rx, "starter") for rx in _STARTERS) + tuple((rx, "breaker") for rx in _BREAKERS)
_GATE = Gate(*_STARTERS, *_BREAKERS)


# Sides a common noun names ("the militias", "police"): no one in particular.
GENERIC_SIDES = _PEOPLE | _SIDES


def subject_key(span: str) -> str | None:
    """The actor a subject names: its first proper word ("Estmark border guards": estmark, "a
    Pellarian coast guard vessel": pellarian), or the people it names ("Police", "Protesters in
    Ansel": protesters); None for "one of them"."""
    words = span.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words or words[0].lower() in _NO_ONE:
        return None
    if words[0].lower() in ("its", "their", "our"):  # the speaker's own side ("its border
        # police"), which ``credit`` reads; not "its neighbour", "their rivals": the other one
        return None if len(words) > 1 and words[1].lower() in _OTHERS else "its"
    if words[0].lower() in _PEOPLE:
        return words[0].lower()
    if len(words) > 1 and f"{words[0].lower()}s" in _PEOPLE:
        return f"{words[0].lower()}s"  # "Rebel leaders", "a rebel spokesman": the rebels
    if len(words) > 1 and words[1].lower() in _OTHERS:
        return None  # "Korvia's rivals": the other side
    if words[0][:1].isupper() and (words[0].lower() in _COMMON_OPENERS or words[0].lower().endswith(
            ("ing", "ed"))) and len(words) > 1:
        words = words[1:]  # "Striking dockworkers", "Masked gunmen": no name
    proper = [w for w in words if w[:1].isupper() and w.lower() not in _TITLES]
    if proper:  # "General Tomas Rell": rell, as ``norm_actor`` keys a person
        if len(proper) < len([w for w in words if w[:1].isupper()]):
            return norm_actor(" ".join(proper)) or None
        key = norm_actor(proper[0])
        return None if not key or key in CALENDAR else key  # "Friday's incursion": no one
    owner = re.sub(r"['’]s$", "", words[0].lower())
    if owner != words[0].lower() and owner in _PEOPLE | _SIDES and len(words) > 1:
        return owner  # "the militia's commander": the militia, by its man
    head = words[-1].lower().strip("’'")  # "a rise in bread prices" started no fight
    if head in ("side", "camp") and len(words) > 1:
        mod = words[-2].lower()  # "the rebel side": the rebels
        return (mod if mod in _PEOPLE | _SIDES else f"{mod}s" if f"{mod}s" in _PEOPLE | _SIDES
                else head)  # "the rebel side" keys "rebels", as "the rebels" does
    return head if head in _PEOPLE | _SIDES else None


@lru_cache(maxsize=65536)
def starters(text: str) -> tuple[Credit, ...]:
    """The ``starter`` and ``breaker`` credits of ``text`` in the forms above (outcome
    "harm")."""
    out: list[Credit] = []
    if text.rstrip().endswith("?") or not _GATE.opens(text):
        return ()  # most claims say nothing of who started: one cheap look first
    for rx, role in _READERS:
        at = 0
        while (m := rx.search(text, at)) is not None:
            key = subject_key(m.group("who"))
            if key and not denied_before(text, m):
                out.append(Credit("harm", role, key, m.start(), m.end()))
            # a subject that names no one may hide one later ("Friday's Halvenian incursion")
            at = m.end() if key else m.start("who") + 1
    return tuple(out)
