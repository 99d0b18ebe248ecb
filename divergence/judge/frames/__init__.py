"""Meaning-level frames: compare what two claims say happened before comparing their values.

Outlets paraphrase, so two reports of one happening rarely align word by word. These detectors
first ask whether two claims speak of the same kind of happening (a ceasefire taking effect, a
blast, deaths, a summit: ``happenings``) about the same who and where, and only then compare
values: counts of the same thing ("the blast killed 12" / "31 people died in the explosion"),
times and dates of the happening ("began at 14:00" / "fell silent from 6 pm"), and who is credited
or blamed for it ("the US brokered the ceasefire" / "agreed bilaterally without mediation";
"Russian forces blew up the dam" / "Moscow blamed Ukrainian shelling"). Every conflict names its
values and spans; equal values of the same happening in other words are a ``same-value`` reason,
which the judge counts toward agreement.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ...background import beside
from ...lazy_re import compile_waiting
from ...records import Claim
from ..detectors import all_negations
from ..hedges import distance_cue
from ..offices import titled_people
from ..text import entities
from .accused import FLOOR as ACCUSED_FLOOR
from .accused import accused, accused_keys
from .agreed import agreed, agreed_or_not
from .compliance import compliance, kept_or_broken
from .contact import FLOOR as CONTACT_FLOOR
from .contact import contact, contact_keys
from .control import control, holds
from .counts import Count, count, counts
from .credit import frame_credits, responsibility
from .damage import damage
from .damage import level as damage_level
from .debunked import called_false, debunked
from .denied import FLOOR as DENIED_FLOOR
from .denied import denied, denied_keys
from .doer import doer
from .happenings import TIMED, happenings
from .involved import FLOOR as INVOLVED_FLOOR
from .involved import involved, involved_keys
from .mishap import FLOOR as MISHAP_FLOOR
from .mishap import mishap, mishap_keys
from .reasons import linkage, reasons
from .same_count import same_count
from .same_credit import same_credit
from .since import since, since_apart
from .spans import durations, shares
from .struck import struck, struck_kind
from .terms import FLOOR as TERMS_FLOOR
from .terms import bargained, terms_keys
from .times import same_value, times, when
from .victims import victims
from .where import where
from .zeros import no_harm


def frame_keys(c: Claim) -> frozenset[str]:
    """The frames a claim carries, as keys two claims must share to be compared by a frame:
    ``credit`` (someone credited or blamed), ``count:KIND:HEAD`` (a number of something),
    ``when:HAPPENING`` (a time or date of a happening), ``truce`` (a truce said kept or broken),
    ``agreed`` (a truce said agreed or not), ``why`` (a reason or aim given), ``title:KEY`` (a
    person given a title with a first name, by ``detectors.surname_key``), ``accused:KEY`` /
    ``accuses:KEY`` (charges against a party rejected / made: paired one with the other),
    ``untold:KIND:THING`` / ``told:KIND:THING`` (an act said not to have happened / to have
    happened: paired one with the other), ``accident:harm`` / ``inflicted:harm`` (a harm told
    as a mishap / as an act: paired one with the other), ``nocontact:KIND`` / ``contact:KIND``
    (a meeting, call or notice denied / told: paired one with the other), ``noparty:KEY`` /
    ``party:KEY`` (a named party's part in a deed denied / told: paired one with the other),
    ``noterms:deal`` / ``terms:deal`` (a deed said done for nothing / on terms: likewise),
    ``damage`` (one level of damage told), ``struck`` (a strike said to have hit civilian or
    military things), ``since:KIND`` (since when a place has been held, besieged or a person
    detained).
    Candidate pairs are also drawn between
    claims sharing a key, however differently worded (``group.candidate_pairs``)."""
    keys = set()
    if frame_credits(c):
        keys.add("credit")
    for x in counts(c.content):
        keys.add(f"count:{x.kind}:{x.head}")
    if compliance(c):
        keys.add("truce")
    if agreed(c):
        keys.add("agreed")
    if reasons(c.content):
        keys.add("why")
    keys |= accused_keys(c)
    keys |= denied_keys(c)
    keys |= mishap_keys(c)
    keys |= contact_keys(c)
    keys |= involved_keys(c)
    keys |= terms_keys(c)
    keys |= {f"title:{name}" for name in titled_people(c.text)}  # as the title detector reads
    if damage_level(c.content) is not None:
        keys.add("damage")
    if struck(c.content) is not None:
        keys.add("struck")
    held = since(c.content)
    if held is not None:
        keys.add(f"since:{held.kind}")
    timed = happenings(c.text) & TIMED
    if timed and times(c.text):
        keys |= {f"when:{h}" for h in timed}
    return frozenset(keys)


# Keys compared one side with the other, never within a side: the few (a rejection, an act
# said not to have happened, a mishap, a contact denied) against the many (accusations, the
# act told, acts of harm, contacts told), from the frame's own cosine floor. One table for
# ``frame_partners`` (``score``) and ``group.candidate_pairs`` (``report``).
ONE_SIDED: dict[str, tuple[str, float]] = {
    "accused": ("accuses", ACCUSED_FLOOR), "untold": ("told", DENIED_FLOOR),
    "accident": ("inflicted", MISHAP_FLOOR), "nocontact": ("contact", CONTACT_FLOOR),
    "noparty": ("party", INVOLVED_FLOOR), "noterms": ("terms", TERMS_FLOOR)}
_OTHER_SIDE = {**{few: many for few, (many, _) in ONE_SIDED.items()},
               **{many: few for few, (many, _) in ONE_SIDED.items()}}


def frame_partners(keys: frozenset[str]) -> frozenset[str]:
    """The keys a claim with ``keys`` is compared through: its own, except that a one-sided key
    (``ONE_SIDED``) meets the other side's and never its own: a rejection (``accused:KEY``)
    meets accusations (``accuses:KEY``), an act said not to have happened (``untold:``) the
    same act told (``told:``), a mishap (``accident:``) an act of harm (``inflicted:``), a
    contact denied (``nocontact:``) one told (``contact:``), and the other way round."""
    out = set()
    for key in keys:
        kind, _, rest = key.partition(":")
        out.add(f"{_OTHER_SIDE[kind]}:{rest}" if kind in _OTHER_SIDE else key)
    return frozenset(out)


# Claims ``read_ahead`` reads at most: its readers keep 65,536 texts each, and a longer run
# would push out the first claims' frames before grouping asks for them again.
READ_AHEAD_MAX = 20_000


def read_ahead(claims: Sequence[Claim]) -> threading.Thread | None:
    """Start reading each claim's frames (``frame_keys``) on a daemon thread, which fills the
    readers' caches while the caller waits on a model that frees the GIL (the embedder: on the
    ECB+ cost workload ~1 s of frames beside ~3.5 s of embedding); None when there are more
    claims than the caches keep. An error is left for the real reading to raise."""
    if not claims or len(claims) > READ_AHEAD_MAX:
        return None

    def read() -> None:  # an error is left for grouping, which reads the same claims
        for c in claims:
            frame_keys(c)
        for c in claims:
            pair_readers(c)
        compile_waiting()  # the patterns judging reads and these did not

    return beside(read, "read-frames", wait=False)


def pair_readers(c: Claim) -> None:
    """Read what the pair detectors read of one claim alone, for their caches to keep: whether
    its outlet keeps a distance, who holds a place, its times, spans and shares, harms denied,
    negations, what it calls false, its names, places and outcomes. ``read_ahead`` runs it
    after the frames, so that judging finds them read: on the ECB+ cost workload ~0.4 s of the
    first pairs' reading, moved beside the embedder, whose model frees the GIL."""
    from ..deeds import outcomes  # deeds reads frames.counts: imported once frames is
    from ..gazetteer import located

    distance_cue(c.text)
    holds(c.content, c.speaker)
    for text in (c.content, c.text):
        times(text)
    for read in (called_false, shares, durations, no_harm, all_negations, entities, outcomes,
                 located):
        read(c.content)


FRAME_DETECTORS = ("count", "when", "same-value", "responsibility", "compliance", "agreed",
                   "linkage", "debunked", "accused", "same-credit", "victims", "control",
                   "denied", "mishap", "contact", "damage", "since", "lasted",
                   "same-count", "involved", "terms", "where", "doer", "struck")

__all__ = ["FRAME_DETECTORS", "ONE_SIDED", "TIMED", "Count", "accused", "accused_keys", "agreed",
           "agreed_or_not", "bargained", "compliance", "contact", "control", "count", "counts",
           "damage", "debunked", "denied", "denied_keys", "frame_credits", "frame_keys",
           "frame_partners", "happenings", "involved", "involved_keys", "kept_or_broken",
           "linkage", "mishap", "mishap_keys", "pair_readers", "read_ahead", "reasons",
           "responsibility", "same_count", "same_credit", "same_value", "since", "since_apart",
           "victims", "when", "where", "doer", "struck", "struck_kind"]
