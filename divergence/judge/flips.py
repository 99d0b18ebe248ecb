"""Loose flips: one claim turns the other's statement around in other words, for the model to judge.

The strict ``negation`` and ``antonym`` detectors need two sentences aligned word by word. Outlets
reword: "the army captured the town" / "the army was unable to capture it"; "the crossing
remained open" / "the Rafah crossing stayed closed". These readers find such flips when the two
claims share most of their words (also read by stem: "captured" = "capture") and give a soft reason
(weight 0.5, "worded apart"): it rules out an agreement, and only the NLI model's contradiction
makes it a conflict (``NLIJudge._decide_news``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_re import lazy
from ..records import Claim, Reason
from ..wordlists import word_set
from .detectors import negations, negations_against, negations_apart, span_of, who
from .moments import two_moments
from .opposites import any_opposite, implied_words, opposite, turned_back
from .text import dates, overlap, token_set

FLIP_WEIGHT = 0.5  # a soft reason: the model must confirm it
# All of a thing against part of it in what is otherwise one statement ("all schools in Manila
# were closed" / "only some schools in Manila were closed") decides as a definite antonym does
# (``nli_judge.DEFINITE_ANTONYM``): the NLI model reads such pairs as entailment. Chosen on the
# read probe set ``paraphrase`` (0.8 and 0.85 found the same there; the higher kept).
SCOPE_WEIGHT = 0.8
SCOPE_SIM = 0.85
SCOPE_STEMS = 0.7
STEMS = 0.6  # share of content words by stem for a flip (``_share``)

_VERB_START = frozenset({"is", "are", "was", "were", "has", "have", "had", "did", "does", "do",
                         "not", "will", "would", "can", "could", "should", "may", "might",
                         "must", "never", "no", "said", "says"})
_SUBJECT_SKIP = frozenset({"a", "an", "the", "some", "this", "that", "these", "those", "its",
                           "his", "her", "their", "our", "two", "three", "four", "five", "several",
                           "many", "few", "all", "both", "each", "every", "nobody", "no", "one"})
_GENERIC = word_set("generic_actors")  # "Government forces", "Police": no names
# Words that carry a flip rather than say what it is about ("was unable to capture")
_FLIP_WORDS = frozenset({"unable", "refrained", "refrain", "declined", "held", "stopped",
                         "short", "fell", "prevented"})


def polarity_flip(a: Claim, b: Claim, words: float = 0.5) -> Reason | None:
    """One claim negates and the other does not, and they share at least ``words`` of their
    content words (``_share``): a negation too loosely worded for the strict detector; not the
    same statement said with a negation inside a word (``opposites.turned_back``)."""
    na = negations_against(a.content, b.content)
    nb = negations_against(b.content, a.content)
    if len(na) % 2 == len(nb) % 2 or not _share(a.content, b.content, words):
        return None
    if _two_subjects(a.content, b.content):
        return None  # "The man is not dancing" / "A woman is dancing": two people, no clash
    neg, cues = (a, na) if len(na) % 2 else (b, nb)
    if turned_back(neg.content, (b if neg is a else a).content, cues):
        return None  # "did not attend" / "stayed away": the same statement
    return Reason("negation", f"{who(neg, 'one claim')} negates ({cues[0].group(0)!r}); worded "
                  "apart",
                  (a.id, b.id), (span_of(neg, cues[0].start(), cues[0].end()),),
                  weight=FLIP_WEIGHT)


def opposite_flip(a: Claim, b: Claim, words: float = 0.5, sim: float = 0.0) -> Reason | None:
    """One claim says the opposite of the other in a word only it has ("stayed open" /
    "remained closed", "hit" / "missed"), and they share at least ``words`` of their content
    words (``_share``), or one says all of a thing and the other part of it; not two moments of
    one happening on two days ("opened on Monday" / "closed on Friday")."""
    if not _share(a.content, b.content, words) or negations_apart(a.content, b.content):
        return None  # little in common, or "was not open" / "was closed"
    # content words only: "in" / "out", "before" / "after" say where or when, not what
    wa, wb = token_set(a.content), token_set(b.content)
    xs, ys = wa - wb, wb - wa
    scope = _scope_apart(a.content, b.content)
    if (not scope and not any_opposite(xs, ys)
            or _two_subjects(a.content, b.content)):
        return None
    da, db = ({d.value for d in dates(t)} for t in (a.content, b.content))
    if da and db and not da & db and two_moments(a.content, b.content):
        return None
    if scope:
        x, y = scope
        return Reason("antonym", f"{x.group(0)!r} vs {y.group(0)!r}: all of it against part of "
                      "it; worded apart", (a.id, b.id),
                      (span_of(a, x.start(), x.end()), span_of(b, y.start(), y.end())),
                      weight=SCOPE_WEIGHT if _one_statement(a.content, b.content, sim)
                      else FLIP_WEIGHT)
    for x in re.finditer(r"[A-Za-z]+", a.content):
        if x.group(0).lower() not in xs:
            continue
        for y in re.finditer(r"[A-Za-z]+", b.content):
            if y.group(0).lower() in ys and opposite(x.group(0), y.group(0)):
                return Reason("antonym", f"{x.group(0)!r} vs {y.group(0)!r}; worded apart",
                              (a.id, b.id), (span_of(a, x.start(), x.end()),
                                             span_of(b, y.start(), y.end())),
                              weight=FLIP_WEIGHT)
    return None


# All of a thing against part of it: "the whole city" / "parts of the city", "every mine" /
# "a few of the mines". Not "at all", "all but" (nearly all), "every day", "as part of the deal",
# "some 300 people" (about 300), "the most serious".
_WHOLE = lazy(r"\b(?<!at\s)(?:all(?!\s+(?:but|over|along|too)\b)|entire|whole|every(?!\s+(?:"
                    r"day|week|month|year|time|night|morning|evening|hour|minute)\b))\b", re.I)
_PART = lazy(r"\b(?:some(?!\s+\d)|a\s+few|(?<!as\s)parts?\s+of|most\s+of|several|half\s+"
                   r"(?:of|the)|only\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+"
                   r"few|some|part))\b", re.I)


def _scope_apart(a: str, b: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """A whole in one claim against a part in the other, each absent from the other claim."""
    (wa, pa), (wb, pb) = _scopes(a), _scopes(b)
    for whole, part, flip in ((None if wb else wa, None if pa else pb, False),
                              (None if wa else wb, None if pb else pa, True)):
        if whole and part:
            return (part, whole) if flip else (whole, part)
    return None


@lru_cache(maxsize=65536)
def _scopes(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The first whole and the first part ``text`` tells of: read once per text, not in
    every pair (``_scope_apart``)."""
    return _WHOLE.search(text), _PART.search(text)


def _one_statement(a: str, b: str, sim: float) -> bool:
    """Two claims that are one statement but for a flip: close (``SCOPE_SIM``) and sharing
    ``SCOPE_STEMS`` of their content words by stem."""
    return sim >= SCOPE_SIM and stem_overlap(a, b) >= SCOPE_STEMS


def _share(a: str, b: str, words: float) -> bool:
    """Whether two claims share ``words`` of their content words as written, or ``STEMS``
    of them by stem ("captured" = "capture"): read by stem, the bar is higher, as stems make
    more words meet ("the Temmer group played no role in the attack" / "gunmen of another
    group attacked the post" share 0.56 by stem, 0.44 as written)."""
    return overlap(a, b) >= words or stem_overlap(a, b) >= max(words, STEMS)


@lru_cache(maxsize=65536)
def stem_overlap(a: str, b: str) -> float:
    """``overlap`` read by stems, words that only carry a flip left out: "The army captured the
    town" / "The army was unable to capture the town" share all their words."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return overlap(a, b)
    return max(overlap(a, b), len(sa & sb) / min(len(sa), len(sb)))


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in token_set(text) if w not in _FLIP_WORDS)


def _stem(w: str) -> str:
    """A crude stem that makes the forms of one verb or noun meet: "captured", "capture",
    "captures" -> captur; "stopped" -> stop; "killings" -> kill."""
    if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        w = w[:-1]  # "killings" -> killing, "closes" -> close
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
                w = w[:-1]  # "stopped" -> stop; "killed" stays kill
            break
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


def _two_subjects(a: str, b: str) -> bool:
    """Both open with a simple subject, and they are two different actors."""
    sa, sb = _subject(a), _subject(b)
    if not (sa and sb) or sa[0] == sb[0]:
        return False
    # no word in common, or only common nouns: "Kesh forces" / "Valmora forces"
    return not sa[1] & sb[1] or bool(sa[2] and sb[2] and not sa[2] & sb[2])


@lru_cache(maxsize=65536)
def _subject(text: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """A simple subject's actor key, words and names ("Russian forces" -> russia, {russian,
    forces}, {russian}), or None when the sentence does not open with one (a pronoun, a clause,
    more than four words)."""
    from .text import norm_actor

    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    head = []
    for w in words[:6]:
        if w.lower() in _VERB_START or (w.lower().endswith("ed") and head):
            break
        head.append(w)
    else:
        return None
    head = [w for w in head if w.lower() not in _SUBJECT_SKIP]
    if not head or len(head) > 4 or head[-1].lower() in {"he", "she", "they", "it", "we", "i"}:
        return None
    names = frozenset(w.lower() for w in head if w[0].isupper() and w.lower() not in _GENERIC)
    return norm_actor(" ".join(head)), frozenset(w.lower() for w in head), names


def existence_denied(a: str, b: str) -> bool:
    """One claim opens by denying that a happening took place at all ("there were no arrests",
    "there was no tornado", "nothing was damaged") and the other, negating nothing, tells that
    happening by the same word ("police arrested five fans", "a tornado struck Dallas", "the
    storm damaged homes"): a statement and its denial, never one statement, however close the
    rest (old code agreed the arrests pair, both naming Glasgow and Saturday). A denial against
    other words, against a denial inside a word ("postponed for lack of a quorum") or against
    an opposite word ("no majority" / "only a minority") may be the same statement ("no one was
    hurt" / "all escaped unharmed") and is left alone."""
    for x, y in ((a, b), (b, a)):
        m = _NO_SUCH.match(x)
        if m and (cues := negations(x)) and not negations(y) and not implied_words(y):
            word = (m.group("what") or m.group("verb")).split()[-1]  # one branch holds it
            return (_lemma(word.lower()) in {_lemma(w) for w in token_set(y)
                                             if w not in _FLIP_WORDS}
                    and not turned_back(x, y, cues))  # "no majority" / "only a minority"
    return False


# Verbs of happenings whose past forms do not end in -ed, each form to its base: "no missile
# struck the base" / "a missile struck it"; "nothing was stolen" / "thieves stole jewels". Not
# verbs of saying or knowing ("no one said", "nothing was found").
_IRREGULAR = {form: forms.split()[0] for forms in (
    "strike struck stricken", "hit", "shoot shot", "hurt", "steal stole stolen",
    "break broke broken", "lose lost", "catch caught", "fight fought", "throw threw thrown",
    "tear tore torn", "beat beaten", "blow blew blown", "fall fell fallen", "sink sank sunk",
    "overrun overran", "flee fled", "burn burnt", "slay slew slain", "bite bit bitten",
    "sting stung", "sweep swept", "dig dug", "shake shook shaken", "drive drove driven",
    "fly flew flown", "bring brought", "sell sold", "pay paid", "send sent", "build built",
    "hold held", "win won", "withdraw withdrew withdrawn", "freeze froze frozen",
    "hide hid hidden", "spread", "shut", "cut", "seek sought", "take took taken",
) for form in forms.split()}
_IRREGULAR_PAST = "|".join(sorted((f for f in _IRREGULAR if not f.endswith("ed")),
                                  key=len, reverse=True))


def _lemma(word: str) -> str:
    """``_stem`` of the word's base: "struck" and "strikes" meet at "strik"."""
    return _stem(_IRREGULAR.get(word, word))


# A main clause that opens by denying its happening, after at most a short opening phrase ("On
# Friday, ..."), and the word that tells it: the head noun of "there were no arrests", "there
# was no immediate claim of responsibility" (the last word before a preposition), the verb of
# "no tornado touched down", "nothing was damaged", "no one was arrested" (a verb in -ed: "no
# civilians were killed" denies the killing, not the civilians). Not "no longer", "no fewer".
_NO_SUCH = lazy(
    r"(?:[^,;]{0,40},\s+)?(?:there\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+"
    r"be)\s+no\s+(?P<what>[a-z]+(?:\s+[a-z]+){0,2}?)(?=\s+(?:of|on|in|at|after|before|during|for|"
    r"from|to|with|by|between|among|against|near|over|since|until|that|which|who|and|or|but|as|"
    r"when|while|despite|because|[a-z]+ed)\b|\s*[,.;:]|\s*$)(?<!\bthan)|(?:no\s+(?!(?:longer|"
    r"later|sooner|doubt|less|more|fewer|matter)\b)(?:[a-z'-]+\s+){1,3}?|nobody\s+|nothing\s+|"
    r"none\s+(?:of\s+(?:[a-z'-]+\s+){1,3}?)?)(?:(?:was|were|has|have|had|is|are|been|being)\s+)*"
    rf"(?P<verb>[a-z]+ed|{_IRREGULAR_PAST})\b)", re.I)
