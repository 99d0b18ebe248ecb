"""Opposite deeds and states in any tense: "the truce is holding" / "the truce has collapsed",
"the crossing stayed open" / "it remained closed", "the shelling continued" / "it stopped".
The antonym detector's own table lists word forms ("held collapsed"), and outlets use the
others; here each word is read back to the forms it may come from ("holding" -> hold,
"stopped" -> stop, "broken" -> break) and looked up by those."""

from __future__ import annotations

from functools import lru_cache

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
release arrest|allow block|reach miss|
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
    """Whether words ``x`` and ``y`` are forms of two opposite base forms, or one is the
    other with a negating prefix."""
    return (any((a, b) in LEMMA_OPPOSITES for a in bases(x) for b in bases(y))
            or negated_by_prefix(x, y))


def any_opposite(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """Whether some word of ``xs`` is opposite some word of ``ys`` (a cheap first look)."""
    lowered = ({x.lower() for x in xs}, {y.lower() for y in ys})
    for one, other in (lowered, lowered[::-1]):  # a prefixed word whose rest is on the other side
        if any(w[len(p):] in other and negated_by_prefix(w[len(p):], w)
               for w in one for p in _PREFIXES if w.startswith(p)):
            return True
    left = {b for x in xs for b in bases(x)}
    if not left:
        return False
    right = {b for y in ys for b in bases(y)}
    return any((a, b) in LEMMA_OPPOSITES for a in left for b in right)


__all__ = ["LEMMA_OPPOSITES", "any_opposite", "bases", "negated_by_prefix", "opposite"]
