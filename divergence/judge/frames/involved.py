"""Whose deed it was: a party said to have done, ordered, run or backed a deed, against the same
party said to have had no part in it ("the drones were launched by the Karvenian army" /
"Karvenia played no part in the strike on the airbase"; "the smuggling ring was run by officers
of the Marrowen customs agency" / "none of Marrowen customs' staff had any connection to it";
"the hackers work for Quellan's state security service" / "a criminal gang with no ties to any
government agency" is not read: no party is named). The ``involved`` detector: issue 10's
linkage and rejection kinds where the link in dispute is a named party's part in one deed.

Credit frames (``frame_credits``) read blame for harms; this reads the wider set of deeds a side
may be tied to (a strike, a riot, a leak, a campaign, a kidnapping) and the ways a tie is told
and denied. A claim that ties a party to a deed and denies it in one breath tells both sides.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...ingest.speakers import holder
from ...lazy_re import lazy
from ...records import Claim, Reason
from ..demonyms import same_actor
from ..detectors import Pair, detector, one_voice, same_speaker, span_of
from ..gate import Gate
from ..text import clause_start, norm_actor, token_set
from .counts import dates_differ

# A named party: up to four capitalised words (and "of"), owned or not, with the body's
# common nouns after it ("Quellan's state security service", "the Karvenian army", "the ruling
# People's Alliance"). Its key is read from the name alone (``_key``).
_NAME = r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}"
_BODY = (r"(?:state|military|naval|national|security|secret|border|customs|intelligence|"
         r"counter-intelligence|navy|army|air\s+force|government|presidency|service|services|"
         r"agency|forces|troops|commandos|police|ministry|party|movement|officials|officers|"
         r"agents|staff|units?|militia|guards?|special|operatives|leadership|authorities|"
         r"regime|elements|fighters|members|defence|interior|spy|embassy)")
_PARTY = (rf"(?P<party>(?<![\w’'-])(?:(?:the\s+)?(?:(?:ruling|opposition|exiled|governing|"
          rf"outlawed|banned|neighbouring)\s+)?{_NAME}(?:['’]s?)?(?:\s+(?:[a-z][\w-]*\s+){{0,2}}?"
          rf"{_BODY})?(?:\s+{_BODY}){{0,2}}|(?:his|her|its|their|our)\s+(?:own\s+)?(?:[a-z]+\s+)?"
          rf"{_BODY}|[Ww]e|[Ii]t(?=\s)))")
# Support a party may be said never to have given: "Delmora has never supplied or commanded the
# group".
_HELPED = (r"supplied|commanded|funded|armed|backed|directed|controlled|ordered|trained|"
           r"financed|sponsored|organi[sz]ed|paid|recruited|sent")
# What a denial is of, up to its clause's end.
_DEED = r"(?P<deed>[^,;.]{2,120})"
_ANY = r"(?:\s+whatsoever|\s+at\s+all)?"
_TIE = r"(?:part|role|hand|involvement|connection|links?|ties|say)"
# A party said to have had no part: "X had nothing to do with", "X played no part in", "X was
# not involved in", "no sign that X had any part in", "ruled out any role for X in".
_DENIED = tuple(lazy(rx) for rx in (
    rf"{_PARTY}\s+(?:has|have|had)(?:\s+had)?\s+(?:absolutely\s+)?nothing{_ANY}\s+to\s+do\s+"
    rf"with\s+{_DEED}",
    rf"{_PARTY}\s+(?:has|have|had|played|plays|bore|bears)\s+(?:absolutely\s+)?no\s+{_TIE}"
    rf"{_ANY}\s+(?:in|to|with)\s+{_DEED}",
    rf"{_PARTY}\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:not|never|in\s+no\s+way)\s+"
    rf"(?:involved|implicated)\s+in\s+{_DEED}",
    rf"\bno\s+(?:evidence|sign|signs|indication|proof|suggestion)\s+(?:so\s+far\s+|yet\s+)?"
    rf"(?:that\s+)?(?:anyone\s+from\s+|any\s+members?\s+of\s+|any\s+)?{_PARTY}\s+(?:had|has|"
    rf"have|played)\s+(?:any\s+)?{_TIE}\s+in\s+{_DEED}",
    rf"\bno\s+(?:evidence|sign|signs|indication|proof)\s+(?:so\s+far\s+|yet\s+)?(?:that\s+)?"
    rf"(?:anyone\s+from\s+|any\s+members?\s+of\s+)?{_PARTY}\s+(?:took|had\s+taken)\s+part\s+in"
    rf"\s+{_DEED}",
    rf"\bruled\s+out\s+any\s+(?:role|involvement|part|hand)\s+(?:for|by|of)\s+{_PARTY}\s+in\s+"
    rf"{_DEED}",
    rf"\b[Nn]one\s+of\s+{_PARTY}\s+(?:had|has|have)\s+(?:any\s+)?{_TIE}\s+(?:in|to|with)\s+{_DEED}",
    rf"\b[Nn]one\s+of\s+{_PARTY}\s+(?:took|had\s+taken)\s+part\s+in\s+{_DEED}",
    rf"{_PARTY}\s+(?:has\s+|had\s+|have\s+)?never\s+(?:{_HELPED})(?:\s+(?:or|nor)\s+(?:{_HELPED}))?"
    rf"\s+{_DEED}",
))
# Deeds done for or by a party: "ordered by X", "run by officers of X", "acting on orders from
# X", "working for X", "linked to X", "the work of X".
# The acts whose "by" names who had a hand in a deed ("ordered by", "hired and paid by"), read
# by both ``_DONE`` and ``_TIED_BY``; ``_DONE`` also reads the acts of the deed itself.
_BY_VERBS = (r"carried\s+out|ordered|organi[sz]ed|orchestrated|instigated|directed|funded|"
             r"financed|bankrolled|run|planned|masterminded|staged|sponsored|engineered|"
             r"commissioned|paid|hired|trained|armed|backed|controlled|commanded|coordinated|"
             r"plotted|supplied|incited|recruited")
_VERBS = (rf"{_BY_VERBS}|committed|launched|planted|placed|set\s+up|fomented|laid|set|detonated|"
          r"dropped|started")
_MEN = (r"(?:(?:[a-z]+\s+){0,2}?(?:men|agents?|members|officers|operatives|people|fighters|"
        r"commandos|units?|elements|cells?|officials|soldiers|troops)\s+(?:working\s+for|of|from|"
        r"linked\s+to|tied\s+to|loyal\s+to|acting\s+for|with|in)\s+)")
# Who does a deed, as a subject "works for" ties to a party ("the hackers work for X"; not "the
# journalist killed in the blast worked for X").
_DOERS = (r"hackers|gunmen|attackers|bombers|agents|operatives|kidnappers|saboteurs|assassins|"
          r"killers|spies|intruders|rioters|looters|provocateurs|perpetrators|culprits|"
          r"infiltrators|smugglers|arsonists")
_DONE = tuple(lazy(rx) for rx in (
    rf"\b(?:(?:was|were|had\s+been|has\s+been|is|are|being)\s+)?(?:secretly\s+|directly\s+|"
    rf"personally\s+|allegedly\s+)?(?:{_VERBS})(?:\s+and\s+(?:{_VERBS}))?\s+by\s+(?:a\s+|the\s+)?"
    rf"{_MEN}?"
    rf"{_PARTY}",
    rf"\b(?:acting|acted|worked|working|operating|operated)\s+on\s+(?:the\s+)?(?:direct\s+)?"
    rf"(?:orders?|instructions)\s+(?:of|from)\s+{_PARTY}",
    rf"\bat\s+the\s+behest\s+of\s+{_PARTY}",
    rf"\b(?:{_DOERS})\b(?:\s+[\w'’-]+){{0,8}}?\s+(?:work|works|worked|working)\s+for\s+"
    rf"{_PARTY}",
    rf"\b(?:linked|tied|connected)\s+to\s+{_PARTY}",
    rf"\b(?:the\s+)?work\s+of\s+{_PARTY}",
    rf"\bwith\s+the\s+(?:full\s+)?(?:knowledge|blessing|approval|complicity)"
    rf"\s+of\s+{_PARTY}",
))
# Words of a party's part in a deed, which a negation before them denies ("had never funded,
# steered or been in touch with", "bears no responsibility for", "does not arm, pay or direct").
_ROLE = (r"responsib\w*|part|role|hand|involvement|involved|links?|ties|connection|connected|"
         r"contacts?|knowledge|behind|to\s+do\s+with|party\s+to")
# ... and the acts a party may be said never (or did not) to have done: "had never engaged the
# armed men", "we did not plan this kidnapping" (not "has not paid the contractors": a debt).
_ROLE_ACTS = (r"arm|armed|arming|fund(?:ed|ing|s)?|financ\w*|bankroll\w*|plann?(?:ed|ing)?|"
              r"organi[sz]\w*|order(?:ed|s)?|direct(?:ed|s)?|steer\w*|shield\w*|back(?:ed|s)?|"
              r"sponsor\w*|encourag\w*|orchestrat\w*|mastermind\w*|instigat\w*|incit\w*|"
              r"recruit\w*|train(?:ed|s)?|carr(?:y|ied)\s+out")
# Everyday acts, denied only by "never" or "did not": "had never engaged the armed men" (not
# "has not paid the contractors").
_EVERYDAY_ACTS = (r"paid|pay|engag\w*|employ\w*|hir(?:e|ed)|operat\w*|ran|run|conduct\w*|sent|"
                  r"send|suppl\w*")
_NEGATED_ROLE = lazy(
    rf"\b(?:no|never|not|none|nothing|nor)\b(?:\s+[\w'’-]+){{0,5}}?\s+(?:{_ROLE})\b|"
    rf"n['’]t\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_ROLE})\b|"
    rf"\b(?:never|(?:did|does|do|had|has|have)\s+not|(?:did|does|do|had|has|have)n['’]t)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_ROLE_ACTS})\b|"
    rf"\b(?:never|(?:did|does|do)\s+not|(?:did|does|do)n['’]t)\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?:{_EVERYDAY_ACTS})\b", re.I)
# The party a negation's clause opens with, or a pronoun standing for the speaker's side.
_SUBJECT = lazy(rf"^\s*(?:and\s+|but\s+)?(?:[Nn]one\s+of\s+)?(?:{_PARTY})"
                      rf"(?:\s+[\w'’-]+){{0,4}}\s*$")
# A deed tied to a party in other words: "hired and paid by", "taking its orders directly
# from", "a front for", "in the pay of", "working under the direction of", "sent from".
_BY = (rf"(?:{_BY_VERBS}|staffed)(?:\s+and\s+[a-z]+)?\s+by|(?:orders|instructions|direction|"
       r"command|payroll|behest|control|guidance)\s+(?:directly\s+)?(?:of|from)|a\s+front\s+for|in\s+the"
       r"\s+pay\s+of|operating\s+(?:out\s+of|from|for)|sent\s+from|shipped\s+from")
_TIED_BY = lazy(rf"\b(?:{_BY})\s+(?:[\w'’-]+\s+){{0,4}}?{_PARTY}")
# A party that did the deed, told as the subject: "Valdorian military intelligence planned
# and paid for the bombing", "concluded that Adler masterminded the leak".
_DID = lazy(rf"(?:^|(?<=\bthat\s)|(?<=,\s)){_PARTY}\s+(?:[a-z]+\s+){{0,2}}?(?:planned|"
                  r"paid\s+for|ran|masterminded|orchestrated|ordered|organi[sz]ed|funded|financed|"
                  r"bankrolled|funnell?ed|armed|sponsored|directed|staged|instigated|incited|"
                  r"hired|was\s+behind|were\s+behind)\b(?!\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
                  r"(?:[\w-]+\s+)?(?:inquiry|investigation|probe|memorial|service|rebuilding|"
                  r"reconstruction|repairs?|search|rescue|protests?|vigil|funeral|aid|relief|"
                  r"evacuation|lawyers|talks|meetings?|review|compensation|ceremony|summit|"
                  r"conference|clean-?up)\b)")
# A negation in a tie's clause before it denies the tie ("was not organised by"); a denial
# or rejection there ("denied that it was run by") leaves it to the claim's stance.
_NOT = lazy(r"\b(?:no|not|never|none|nothing|nor)\b|n['’]t\b", re.I)
# Words before a tie that make it a possibility, a question or a pledge, not a tie told: "might
# have been planned by", "examining whether", "If the attack was ordered by", "will not fund".
_HEDGED = lazy(r"\b(?:may|might|could|possibl[ey]|possibility|whether|if|suspect\w*|"
                     r"perhaps|probably|likely|will|would|unclear|question)\b", re.I)
_DENYING = lazy(r"\b(?:den(?:y|ied|ies|ying)|reject\w*|dismiss\w*)\b", re.I)
_GATE = Gate(*_DENIED, *_DONE, _NEGATED_ROLE, _TIED_BY, _DID)


class Tie(NamedTuple):
    """A party's part in a deed as one claim tells it: the party's key, whether it did it, the
    deed's words as written (the subject or what follows the denial), and the span read."""

    party: str
    did: bool
    deed: str
    start: int
    end: int


def _key(party: str) -> str:
    """A party's key from its name alone: the owner of an owned body ("Quellan's navy":
    quellan), else the capitalised words ("the Karvenian army": karvenian); a pronoun ("its
    staff", "we") is kept for ``claim_ties`` to give the speaker's."""
    if not party.split():
        return ""  # a pronoun's claim with no speaker: no one's
    own = party.split()[0].lower()
    if own in _OWN:
        return own
    party = re.sub(r"^(?:[Tt]he|Senior|Former|Top|Several|Some|Local|Junior|Acting|Deputy|"
                   r"Two|Three|Four|Many)\s+", "", party)  # capitalised as a sentence's start
    owned = re.match(r"(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w-]*)['’]s?\s+(?:[a-z]|[A-Z]\w*\s+[A-Z])",
                     party)  # "Quellan's navy", "Kastrel's State Security Directorate"
    if owned and owned.group(1).lower() not in _NAMED_FOR:
        return norm_actor(owned.group(1))
    name = re.match(r"(?:the\s+)?(?:[a-z]+\s+)?(?P<n>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)",
                    party)
    words = (name.group("n") if name else party).replace("’", "'").split()
    if len(words) == 1:
        return norm_actor(words[0])  # "the Karvenian army": karvenian; "Karvenia": karvenia
    return " ".join(re.sub(r"'s?$", "", w.lower()) for w in words
                    if w != "of")  # "Red Dawn Front", whole


# Names that open with a possessive and are no owner's: "People's Alliance", "Workers' Party".
_NAMED_FOR = frozenset({"people", "workers", "women", "martyrs", "patriots", "citizens",
                        "farmers", "nation", "children", "mothers", "veterans"})


@lru_cache(maxsize=65536)
def ties(text: str) -> tuple[Tie, ...]:
    """The parties ``text`` ties to a deed or denies one, in order."""
    if not _GATE.opens(text):
        return ()
    out = []
    for m in (m for rx in _DENIED for m in rx.finditer(text)):
        out.append(Tie(_key(m.group("party")), False, m.group("deed"), m.start(), m.end()))
    for m in (m for rx in _DONE for m in rx.finditer(text)):
        deed = re.split(r"[,;:]\s+|\bthat\s+", text[:m.start()])[-1]  # "the raid was ordered
        start = clause_start(text, m.start())  # by"
        if not _DENYING.search(text, start, m.start()):
            out.append(Tie(_key(m.group("party")), not _NOT.search(text, start, m.start()),
                           deed or text, m.start(), m.end()))
    out += _in_other_words(text, out)
    return tuple(t for t in out if t.party and (t.party in _OWN or t.party not in _NOT_PARTIES)
                 and not _HEDGED.search(text, 0, t.start))  # "might have been planned by"


def _in_other_words(text: str, found: list[Tie]) -> list[Tie]:
    """Ties told in the wider words of ``_ROLE``, ``_TIED_BY`` and ``_DID``, where the fixed
    forms read none: a negated part whose clause opens with the party or a pronoun for it;
    a deed tied by a preposition or done by a party named as the subject (denied when a
    negation comes before it in its clause)."""
    out: list[Tie] = []
    for m in _NEGATED_ROLE.finditer(text):
        start = clause_start(text, m.start())
        subject = _SUBJECT.match(text[start:m.start()] + " ")
        if subject and not any(t.start <= m.start() < t.end for t in found):
            deed = re.split(r"[;.]", text[m.end():m.end() + 160])[0]  # to the sentence's end
            out.append(Tie(_key(subject.group("party")), False, deed, m.start(), m.end()))
    for m in (*_TIED_BY.finditer(text), *_DID.finditer(text)):
        start = clause_start(text, m.start())
        if any(t.start <= m.start() < t.end or m.start() <= t.start < m.end()
               for t in (*found, *out)) or _DENYING.search(text, start, m.end()):
            continue
        deed = text[start:m.start()] if m.re.pattern == _TIED_BY.pattern else text[m.end():]
        out.append(Tie(_key(m.group("party")), not _NOT.search(text, start, m.start()),
                       deed or text, m.start(), m.end()))
    return out


# Capitalised words that open a clause but name no party.
_NOT_PARTIES = frozenset({"it", "this", "that", "there", "they", "he", "she", "we", "i", "the",
                          "officials", "investigators", "police", "prosecutors", "none", "any",
                          "no", "some", "all", "both", "each", "every", "neither", "nor", "not"})


def claim_ties(c: Claim) -> tuple[Tie, ...]:
    """A claim's ties as its voice holds them: one that denies its content ("X denied that its
    agents ran the ring") denies the tie it reports."""
    return _claim_ties(c.content, c.text, c.speaker, c.stance)


@lru_cache(maxsize=65536)
def _claim_ties(content: str, text: str, speaker: str | None, stance: str) -> tuple[Tie, ...]:
    """``claim_ties`` of what it reads of a claim, once per claim, not once per pair."""
    got = tuple(t._replace(party=_speaker_key(speaker or "")) if t.party in _OWN else t
                for t in ties(content))  # "his party had no link": the speaker's
    got = tuple(t for t in got if t.party and t.party not in _NOT_PARTIES)
    if not got:
        return ()
    from ...ingest.both_sides import tells_both_sides  # (ingest imports the judge)
    whole = ties(text) if text != content else got
    if tells_both_sides(text) or {t.did for t in whole} == {True, False}:
        return ()  # "..., a charge Drovia denies": the sentence tells both sides
    if stance != "denies":
        return got
    return tuple(t._replace(did=not t.did) for t in got)


_OWN = frozenset({"his", "her", "its", "their", "our", "we", "it"})


def _speaker_key(speaker: str) -> str:
    """The side a speaker speaks for: a titled official's country by its adjective ("Tessarian
    Foreign Minister Ilse Varnholt": tessarian), else the speaker's key."""
    side = re.match(r"(?:the\s+)?([A-Z][a-z]+(?:an|i|ese|ish))\s+(?:[A-Z][a-z]+\s+){0,2}?"
                    r"(?:[Mm]inister|[Pp]resident|[Ss]pokes\w+|[Gg]eneral|[Aa]mbassador|[Ee]nvoy|"
                    r"[Cc]hief|[Oo]fficials?|[Gg]overnment|[Mm]inistry)\b", speaker)
    return norm_actor(side.group(1)) if side else _key(speaker)


# How an ``involved`` reason begins (``group.asking.question`` asks its own question by it).
WHO_BEHIND = "who is behind it"
# How close two claims must be (cosine) to be read as one story's; ``group.candidate_pairs``
# pairs a tie denied with one told from the same floor.
FLOOR = 0.25


def involved_keys(c: Claim) -> frozenset[str]:
    """``party:KEY`` for each party a claim ties to a deed, ``noparty:KEY`` for each it denies
    one (paired one with the other); keyed by the name's first five letters, so that a place
    and its adjective ("Karvenia", "the Karvenian army") meet."""
    return frozenset(f"{'party' if t.did else 'noparty'}:{t.party[:5]}" for t in claim_ties(c))


def _words(text: str, party: str) -> frozenset[str]:
    """A deed's content words that are no name, cut to five letters: two deeds in one country
    ("the attack on the Estmarch tax office's website" / "the power blackout in Estmarch")
    share its name."""
    names = {w.lower() for w in re.findall(r"\b[A-Z][\w-]+", text)}
    return frozenset(w[:5] for w in token_set(text) if w not in names
                     and not w.startswith(party[:5]))


def _one_deed(p: Pair, x: Tie, y: Tie) -> bool:
    """Two deeds are one when they share a content word (the party's name aside: both name
    it), unless each names a place or body the other does not (in the deed, else in its claim);
    a deed left unnamed ("had nothing to do with it") is the other's when the claims are close
    (cosine 0.4)."""
    wx, wy = _words(x.deed, x.party), _words(y.deed, y.party)
    if not wx - _PLAIN or not wy - _PLAIN:
        return p.similarity >= 0.4
    nx, ny = (names(t.deed) - own or names(c.content) - own  # the deed's, else its claim's
              for c, t in ((p.a, x), (p.b, y))
              for own in [names(" " + t.party) | {t.party[:5]}])
    if nx and ny and not nx & ny:
        return False  # "the Teskar attack" / "the raid in Orvell": two places, two deeds
    return bool(wx & wy) or p.similarity >= 0.45


def names(text: str, places: bool = False) -> set[str]:
    """The capitalised words of a text past its first, cut to five letters ("Vardania" and
    "Vardanian" are one); with ``places``, not a side's adjective ("Karvenian": a side, not a
    place). ``terms`` compares deeds by them too."""
    return {w.lower()[:5] for w in re.findall(r"(?<=\s)[A-Z][\w-]+", text)
            if not (places and re.search(r"(?:an|ese|ish|i)$", w))}


_PLAIN = frozenset({"it", "this", "that", "them", "thing", "matte", "event", "incid", "affai"})


@detector("involved")
def involved(p: Pair) -> Reason | None:
    """One voice ties a named party to a deed (did, ordered, ran, backed it), another says the
    same party had no part in it: two speakers (or a speaker and an outlet), claims from
    cosine ``FLOOR``, one deed (``_one_deed``), neither claim telling both."""
    if one_voice(p) or p.similarity < FLOOR or same_speaker(p.a, p.b) and p.a.speaker:
        return None
    xs = claim_ties(p.a)
    ys = claim_ties(p.b) if xs else ()
    if not xs or not ys or dates_differ(p.a.content, p.b.content):
        return None  # "Monday's attack" / "Tuesday's attack": two deeds
    for x in xs:
        for y in ys:
            if x.did == y.did or not same_actor(x.party, y.party):
                continue
            if not _one_deed(p, x, y):
                continue
            who = "; ".join(f"{holder(c.speaker)}: {'' if t.did else 'no '}part for "
                            f"{t.party}" for c, t in ((p.a, x), (p.b, y)))
            return Reason("actor", f"{WHO_BEHIND} — {who}", (p.a.id, p.b.id),
                          (span_of(p.a, x.start, x.end), span_of(p.b, y.start, y.end)),
                          weight=0.75)
    return None


__all__ = ["FLOOR", "WHO_BEHIND", "Tie", "claim_ties", "involved", "involved_keys", "names",
           "ties"]
