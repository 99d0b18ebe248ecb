"""Words that say the opposite of each other, for the antonym detector: the word forms of
``ANTONYMS`` ("approved" / "rejected", "held" / "collapsed"), and opposite deeds and states in
any tense: "the truce is holding" / "the truce has collapsed", "the crossing stayed open" / "it
remained closed", "the shelling continued" / "it stopped". For the second, each word is read
back to the forms it may come from ("holding" -> hold, "stopped" -> stop, "broken" -> break)
and looked up by those; a word against itself with a negating prefix is a third kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lazy_re import lazy
from .text import token_set

# Word forms that say the opposite of each other ("approved rejected"), as written.
_ANTONYM_PAIRS = """
near far|empty full|on off|in out|inside outside|up down|above below|over under|open closed|
open shut|start stop|started stopped|begin end|began ended|win lose|won lost|wins loses|
winning losing|rise fall|rose fell|rising falling|rises falls|increase decrease|
increased decreased|increases decreases|increasing decreasing|raise lower|raised lowered|
gain loss|gained lost|accept reject|accepted rejected|accepts rejects|approve reject|
approved rejected|approves rejects|allow ban|allowed banned|allows bans|support oppose|
supported opposed|supports opposes|confirm deny|confirmed denied|confirms denies|arrive depart|
arrived departed|enter exit|entered exited|sitting standing|sit stand|sat stood|sits stands|
wet dry|hot cold|large small|big small|huge small|huge tiny|big tiny|tall short|long short|
young old|new old|fast slow|quickly slowly|high low|higher lower|highest lowest|more fewer|
more less|most least|first last|before after|early late|earlier later|day night|light dark|
black white|alive dead|
true false|guilty innocent|acquitted convicted|legal illegal|peace war|success failure|
succeeded failed|strong weak|rich poor|cheap expensive|happy sad|laughing crying|asleep awake|
sleeping awake|push pull|pushing pulling|pushes pulls|buy sell|bought sold|buying selling|
buys sells|give take|giving taking|import export|imports exports|north south|east west|
with without|present absent|include exclude|included excluded|add remove|added removed|
adding removing|lift impose|lifted imposed|ally enemy|allies enemies|victory defeat|
majority minority|maximum minimum|profit loss|surplus deficit|expand shrink|expanded shrank|
upheld overturned|passed failed|wider narrower|entering leaving|into out|
resumed suspended|resumed halted|resume suspend|resumes suspends|reopened closed|reopen close|
reopens closes|held collapsed|hold collapse|holding collapsing|admitted denied|admit deny|
admits denies|agreed refused|agree refuse|accepted refused|released detained|freed detained|
destroyed intact|survived died|withdrew deployed|withdrawn deployed|lifted extended|
intensified eased|escalated eased
"""
ANTONYMS: frozenset[tuple[str, str]] = frozenset(
    pair
    for chunk in _ANTONYM_PAIRS.replace("\n", "").split("|")
    if len(words := chunk.split()) == 2
    for pair in ((words[0], words[1]), (words[1], words[0]))
)

# ANTONYMS indexed by its first word: the opposites of each form.
_OPPOSITES: dict[str, frozenset[str]] = {
    x: frozenset(y for x2, y in ANTONYMS if x2 == x) for x, _ in ANTONYMS
}


# Base forms that say the opposite of each other.
_PAIRS = """
hold collapse|hold break|open close|open shut|reopen close|continue stop|continue halt|
continue cease|continue end|persist stop|respect violate|respect break|observe violate|
observe break|honour violate|honor violate|keep break|advance retreat|advance withdraw|
win lose|rise fall|increase decrease|increase fall|accept reject|approve reject|confirm deny|
admit deny|allow ban|allow forbid|permit ban|support oppose|arrive depart|enter leave|
enter exit|release detain|free detain|release arrest|resume suspend|resume halt|lift impose|
escalate ease|intensify ease|uphold overturn|acquit convict|succeed fail|survive die|
expand shrink|include exclude|add remove|agree refuse|buy sell|import export|gain lose|
pass fail|welcome condemn|praise condemn|welcome reject|raise lower|strengthen weaken|
capture lose|seize lose|succeed collapse|succeed stall|succeed foil|pass defeat|achieve stall|
advance pull|attend skip|attend boycott|boycott join|accept turn|remain resign|stand collapse|
release arrest|allow block|reach miss|hit miss|rise drop|increase drop|gain drop|rise plunge|
rise slump|rise tumble|slow accelerate|float sink|afloat sink|release remand|succeed abandon|
repel overrun|repel capture|
peaceful violent|calm tense|calm violent|safe contaminated|safe dangerous|fair rigged|
warm hostile|friendly hostile|secure exposed|secure vulnerable|intact destroyed|
intact damaged|stable critical|alive dead|open closed|public private|success failure|
successful unsuccessful|victory defeat|legal illegal
"""
# A word and the same word with a negating prefix: "passable" / "impassable", "able" /
# "unable", "legal" / "illegal", "agree" / "disagree" (not "valuable" / "invaluable").
_PREFIXES = ("un", "im", "in", "il", "ir", "dis", "non")
_SAME_MEANING = frozenset({"invaluable", "inflammable", "unloosen", "disannul", "irregardless"})
_IRREGULAR = {
    "held": "hold", "broke": "break", "broken": "break", "kept": "keep", "won": "win",
    "lost": "lose", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
    "left": "leave", "shut": "shut", "sold": "sell", "bought": "buy", "froze": "freeze",
    "frozen": "freeze", "upheld": "uphold", "withdrew": "withdraw", "withdrawn": "withdraw",
    "forbade": "forbid", "forbidden": "forbid", "died": "die",
    "dying": "die", "overturned": "overturn", "freed": "free", "seized": "seize",
    "sank": "sink", "sunk": "sink", "overran": "overrun", "successfully": "succeed",
}
LEMMA_OPPOSITES: frozenset[tuple[str, str]] = frozenset(
    pair for chunk in _PAIRS.replace("\n", "").split("|") if len(w := chunk.split()) == 2
    for pair in ((w[0], w[1]), (w[1], w[0])))
_BASES = frozenset(x for x, _ in LEMMA_OPPOSITES)


@lru_cache(maxsize=65536)
def bases(word: str) -> frozenset[str]:
    """The base forms in the table ``word`` may be a form of: "holding" -> {hold}, "closed"
    -> {close}, "stopped" -> {stop}, "ceases" -> {cease}; none for a word outside it."""
    w = word.lower()
    if w in _IRREGULAR:
        return frozenset({_IRREGULAR[w]}) & _BASES
    forms = {w}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            forms |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "stopped", "stopping" -> stop
            if stem.endswith("i"):
                forms.add(stem[:-1] + "y")  # "denied", "denies" -> deny
    return frozenset(forms) & _BASES


def negated_by_prefix(x: str, y: str) -> bool:
    """Whether one word is the other with a negating prefix ("passable" / "impassable")."""
    x, y = x.lower(), y.lower()
    if len(x) > len(y):
        x, y = y, x
    # "in", "im", "dis" also begin words of their own ("inform", "import", "disease"): after
    # them the rest must be a longer word
    return y not in _SAME_MEANING and any(
        y == p + x and len(x) >= (5 if p in ("in", "im", "dis") else 4) for p in _PREFIXES)


def opposite(x: str, y: str) -> bool:
    """Whether words ``x`` and ``y`` are opposite forms (``ANTONYMS``), forms of two opposite
    base forms, or one is the other with a negating prefix."""
    return ((x.lower(), y.lower()) in ANTONYMS
            or any((a, b) in LEMMA_OPPOSITES for a in bases(x) for b in bases(y))
            or negated_by_prefix(x, y))


def any_opposite(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """Whether some word of ``xs`` is opposite some word of ``ys`` (a cheap first look; both
    sets lower-cased)."""
    if not ys.isdisjoint(y for x in xs for y in _OPPOSITES.get(x, ())):
        return True
    lowered = ({x.lower() for x in xs}, {y.lower() for y in ys})
    for one, other in (lowered, lowered[::-1]):  # a prefixed word whose rest is on the other side
        if any(rest in other and negated_by_prefix(rest, w)
               for w in one for rest in _unprefixed(w)):
            return True
    left = {b for x in xs for b in bases(x)}
    if not left:
        return False
    right = {b for y in ys for b in bases(y)}
    return any((a, b) in LEMMA_OPPOSITES for a in left for b in right)


@lru_cache(maxsize=65536)
def _unprefixed(word: str) -> tuple[str, ...]:
    """``word`` without each negating prefix it starts with, in ``_PREFIXES``' order: read once
    per word, not once per pair (``any_opposite`` tried every prefix on every word)."""
    return tuple(word[len(p):] for p in _PREFIXES if word.startswith(p))


# Words that carry a negation inside them ("unaffected" = not affected, "stayed away" = did not
# attend, "turned down" = rejected, "was spared any shelling" = none fell, "is yet to receive" =
# has not received, "remained suspended" = did not resume, "still standing" = has not fallen).
# Read only to cancel a negation the other claim makes in so many words ("did not attend" /
# "stayed away"): many are also descriptions ("undecided voters"), so they never make a
# negation of their own.
_IMPLIED_NO = lazy(
    r"\b(?:un(?:affected|hurt|harmed|injured|scathed|damaged|touched|changed|moved|decided|"
    r"confirmed|known|successful|answered|resolved|signed|paid|punished|reported|opposed|aware|"
    r"published)|spared|yet\s+to|(?:remain|remains|remained)\s+(?:suspended|shut|closed)|"
    r"still\s+standing|"
    r"absent|abstain(?:ed|s)?|boycott(?:ed|s|ing)?|skipp(?:ed|ing)|avoid(?:ed|s)?|spurn(?:ed|s)?|"
    r"lack(?:ed|s)?|(?:stay(?:ed|s)?|kept|keeps?)\s+away|turn(?:ed|s)?\s+(?:down|away)|"
    r"ruled\s+out|call(?:ed|s)?\s+off|free\s+of|still\s+undecided|no-show|halt(?:ed|s|ing)?|"
    r"moratorium|ban(?:ned|s)?\s+on|freez(?:e|es|ing)\s+on)\b", re.I)


def implied_no(text: str, other: str) -> bool:
    """Whether ``text`` carries a negation inside a word that ``other`` does not use in any
    form ("halted" against "did not halt" is the same word, negated)."""
    found = implied_words(text)
    if not found:
        return False
    low = other.lower()
    return any(w not in low for w in found)


@lru_cache(maxsize=65536)
def implied_words(text: str) -> tuple[str, ...]:
    """The first four letters of each word in ``text`` that carries a negation inside it."""
    return tuple(m.group(0).lower()[:4] for m in _IMPLIED_NO.finditer(text))


def turned_back(negated: str, plain: str, cues: Sequence[re.Match[str]] = ()) -> bool:
    """Whether the plain claim says in one word what the negated one says with its negation
    (``cues``, matches in ``negated``): "did not attend" / "stayed away", "the truce did not
    hold" / "it collapsed": two negations, one statement. The opposite must be what a cue
    negates (among the few words after it): in "the four were unarmed and shot without
    provocation" / "shot in an armed attack", "without" negates the provocation, and
    "unarmed" / "armed" is a clash of its own."""
    if implied_no(plain, negated):
        return True
    wp = token_set(plain)
    theirs = wp - token_set(negated)
    for m in cues:
        scope = frozenset(w.lower() for w in _WORD.findall(negated, m.end())[:_SCOPE])
        if any_opposite((scope & token_set(negated)) - wp, theirs):
            return True
    return False


_WORD = lazy(r"[A-Za-z]+")
_SCOPE = 5  # words after a negation cue that it negates ("did not fully hold")


__all__ = ["ANTONYMS", "LEMMA_OPPOSITES", "any_opposite", "bases", "implied_no", "implied_words",
           "negated_by_prefix", "opposite", "turned_back"]
