"""The judge's fast paths give what the slow paths give: alignment skips, shared caches, rows."""

from __future__ import annotations

import difflib

import numpy as np
import pytest

from divergence.judge import DETECTORS, Pair
from divergence.judge.detectors import (
    _alignment,
    _lower_seq,
    _other_actors,
    _ratio_bound,
    _replaced,
    _swapped_name,
    entity,
)
from divergence.judge.features import pair_features, scalar_features
from divergence.judge.opposites import _OPPOSITES, ANTONYMS
from divergence.judge.text import norm_actor, shared_anchors
from divergence.records import Claim


def claim(text: str, cid: str = "a:0") -> Claim:
    return Claim(cid, cid.split(":")[0], text, 0, len(text), proposition=text)


TEXTS = [
    ("Five Indian jets were shot down on Friday.", "Five Pakistani jets were shot down on Friday."),
    ("The ceasefire was mediated by the United States.", "The ceasefire was not mediated."),
    ("Stocks rose sharply in early trading.", "Stocks fell sharply in early trading."),
    ("A man is playing a guitar.", "A woman is slicing an onion in the kitchen."),
    ("Officials said 40 people died.", "Officials said 40 people died."),
    ("Talks", "Talks will resume in Geneva next week after a pause of two months."),
    ("the the the cat", "cat the"),
    ("", "Something happened."),
]


def _full_replaced(a: str, b: str, most: int, ratio: float) -> list[tuple[int, int, int, int]]:
    """``_replaced`` without the upper-bound skip: always align."""
    r, runs = _alignment.__wrapped__(a, b)
    if r < ratio:
        return []
    return [(i1, i2, j1, j2) for i1, i2, j1, j2 in runs if i2 - i1 <= most and j2 - j1 <= most]


@pytest.mark.parametrize(("a", "b"), TEXTS + [(b, a) for a, b in TEXTS])
def test_ratio_bound_is_an_upper_bound(a: str, b: str) -> None:
    sa, sb = _lower_seq(a), _lower_seq(b)
    bound = _ratio_bound(a, b)
    if sa and sb:
        sm = difflib.SequenceMatcher(a=sa, b=sb, autojunk=False)
        assert sm.ratio() <= bound == pytest.approx(sm.quick_ratio())
    else:
        assert bound == 0.0


@pytest.mark.parametrize(("a", "b"), TEXTS + [(b, a) for a, b in TEXTS])
@pytest.mark.parametrize("ratio", [0.5, 0.6, 0.7])
def test_replaced_with_the_skip_equals_the_full_alignment(a: str, b: str, ratio: float) -> None:
    assert _replaced(a, b, 3, ratio) == _full_replaced(a, b, 3, ratio)


def test_the_skip_happens_and_also_does_not() -> None:
    # Different sentences: the bound alone rules the alignment out.
    assert _ratio_bound(*TEXTS[3]) < 0.5
    assert _replaced(*TEXTS[3], 3, 0.5) == []
    # A swapped name: the bound lets it through, and the alignment finds the run.
    assert _ratio_bound(*TEXTS[0]) >= 0.7
    assert _replaced(*TEXTS[0], 3, 0.7) == [(1, 2, 1, 2)]
    # A bound that is reached while the alignment is not ("the the the cat" / "cat the").
    a, b = TEXTS[6]
    assert _ratio_bound(a, b) >= 0.6 > _alignment.__wrapped__(a, b)[0]
    assert _replaced(a, b, 3, 0.6) == []


def test_entity_is_computed_once_and_reused_by_number_and_date() -> None:
    a = claim("Five Indian jets were shot down on Friday, 12 pilots said.", "x:1")
    b = claim("Five Pakistani jets were shot down on Saturday, 14 pilots said.", "y:2")
    p = Pair(a, b, 0.9)
    _swapped_name.cache_clear()
    # number and date ask first; both stand down because a name is swapped
    assert DETECTORS.make("number")(p) is None
    assert DETECTORS.make("date")(p) is None
    assert _swapped_name.cache_info().misses == 1
    r = entity(p)
    assert _swapped_name.cache_info().misses == 1
    assert r is not None and r.detail == "'Indian' vs 'Pakistani'"
    assert [(s.claim, s.text) for s in r.spans] == [("x:1", "Indian"), ("y:2", "Pakistani")]
    # Below the similarity floor neither the detector nor _other_actors sees the swap.
    low = Pair(a, b, 0.4)
    assert entity(low) is None and not _other_actors(low)


def test_the_cached_entity_names_the_claims_of_each_pair() -> None:
    """The cache is keyed on texts; reasons and spans still carry the ids of the pair asked."""
    a, b = TEXTS[0]
    r1 = entity(Pair(claim(a, "p:0"), claim(b, "q:0"), 0.9))
    r2 = entity(Pair(claim(a, "s:3"), claim(b, "t:4"), 0.9))
    assert r1 is not None and r2 is not None
    assert r1.claims == ("p:0", "q:0") and r2.claims == ("s:3", "t:4")
    assert [s.claim for s in r2.spans] == ["s:3", "t:4"]
    assert (r1.detail, r1.weight) == (r2.detail, r2.weight)


@pytest.mark.parametrize(
    ("a", "b", "fires"),
    [
        ("Officials said five jets were lost.", "Officials said six jets were lost.", True),
        ("Officials said five jets were lost.", "Officials said 5 jets were lost.", False),
        ("Officials said 439 children were saved.", "Officials said over 400 children were saved.",
         False),
        ("Officials said two drones were lost.", "Officials said 3 tanks were lost.", False),
    ],
)
def test_number_without_clashing_counts_needs_no_alignment(a: str, b: str, fires: bool) -> None:
    r = DETECTORS.make("number")(Pair(claim(a, "a:0"), claim(b, "b:0"), 0.9))
    assert (r is not None) == fires


@pytest.mark.parametrize(
    ("a", "b", "fires"),
    [
        ("The talks began on Friday.", "The talks began on Saturday.", True),
        ("The talks began on Friday.", "The talks began on Friday.", False),
        ("The talks ran May 3-5 in Doha.", "The talks ran May 4 in Doha.", False),
        ("Talks on Friday, not Saturday.", "Talks on Saturday, not Friday.", False),
    ],
)
def test_date_without_clashing_dates_needs_no_alignment(a: str, b: str, fires: bool) -> None:
    r = DETECTORS.make("date")(Pair(claim(a, "a:0"), claim(b, "b:0"), 0.9))
    assert (r is not None) == fires


def test_opposites_index_is_the_antonym_pairs() -> None:
    assert {(x, y) for x, ys in _OPPOSITES.items() for y in ys} == set(ANTONYMS)


@pytest.mark.parametrize(
    ("a", "b", "fires"),
    [
        ("The bill was approved on Monday.", "The bill was rejected on Monday.", True),
        ("Stocks rose sharply in early trading.", "Stocks fell sharply in early trading.", True),
        ("Stocks rose and fell in early trading.", "Stocks fell and rose in early trading.", False),
        ("The bill was approved on Monday.", "The bill was passed on Monday.", False),
    ],
)
def test_antonym_prefilter(a: str, b: str, fires: bool) -> None:
    r = DETECTORS.make("antonym")(Pair(claim(a, "a:0"), claim(b, "b:0"), 0.9))
    assert (r is not None) == fires


def test_cached_text_helpers_give_fresh_answers() -> None:
    assert norm_actor("New Delhi") == norm_actor("Indian officials") == "india"
    assert norm_actor("President Donald Trump’s") == "trump"
    shared = shared_anchors("Misri met Kessler on Friday.", "Kessler spoke on Friday.")
    assert shared == {"kessler", "weekday:friday"}
    shared.add("mutated")  # a set of one's own: the cache behind it is not touched
    assert "mutated" not in shared_anchors("Misri met Kessler on Friday.", "Kessler spoke.")


def test_pair_features_rows_are_scalar_features() -> None:
    pairs = [(claim(a, "a:0"), claim(b, "b:0")) for a, b in TEXTS if a and b]
    rng = np.random.default_rng(0)
    v = rng.normal(size=(2 * len(pairs), 8)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    va, vb = v[: len(pairs)], v[len(pairs) :]
    X = pair_features([a for a, _ in pairs], [b for _, b in pairs], va, vb)  # noqa: N806
    sims = np.einsum("ij,ij->i", va, vb)
    for k, (a, b) in enumerate(pairs):
        row = scalar_features(a, b, sims[k])
        assert row.dtype == np.float32
        assert X[k, : len(row)].tobytes() == row.tobytes()


class _PairReader:
    """A stand-in NLI model whose reading of a pair depends on that pair alone (as the shipped
    ONNX model's does); ``batch_size`` says whether the judge may read ahead with it."""

    name = "nli:stand-in"

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size
        self.calls = 0

    def predict(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        import hashlib

        self.calls += 1
        rows = [np.frombuffer(hashlib.md5(f"{a}\x00{b}".encode()).digest()[:3], dtype=np.uint8)
                .astype(np.float32) + 1 for a, b in pairs]
        return np.array([r / r.sum() for r in rows], dtype=np.float32).reshape(-1, 3)

    def reason(self, a_id: str, b_id: str, probs: np.ndarray) -> object:
        from divergence.records import Reason

        return Reason("nli", f"read {probs.round(4).tolist()}", (a_id, b_id),
                      weight=float(probs.max()))


def test_reading_ahead_gives_what_one_reading_at_the_end_gives() -> None:
    """``NLIJudge.judge_pairs`` hands each chunk's pairs to a model that reads pairs alone while
    the rules read on (``judge.reading``); every label, confidence and reason must be what one
    call for all the pairs, after the rules, gives."""
    from divergence.judge import NLIJudge

    who = ["The talks", "The strike", "The ceasefire", "The vote", "The march", "The summit"]
    what = ["went ahead", "did not go ahead", "was peaceful", "was violent", "was delayed",
            "ended early", "was not delayed", "began"]
    left, right, sims = [], [], []
    for i in range(700):  # past the first chunks (128, 256, ...)
        a = f"{who[i % 6]} {what[i % 8]} in the morning."
        b = f"{who[(i // 3) % 6]} {what[(i // 5) % 8]} in the morning."
        left.append(claim(a, f"a{i}:0"))
        right.append(claim(b, f"b{i}:0"))
        sims.append(0.6 + 0.35 * ((i * 7) % 11) / 10)
    ahead, once = _PairReader(batch_size=1), _PairReader(batch_size=32)
    got = NLIJudge(nli=ahead).judge_pairs(left, right, sims)
    want = NLIJudge(nli=once).judge_pairs(left, right, sims)
    assert once.calls >= 1 and ahead.calls > once.calls  # read in chunks, not in one call
    assert [(v.label, v.confidence, v.reasons) for v in got] == [
        (v.label, v.confidence, v.reasons) for v in want]


def test_reading_chunks_cover_every_row_once_and_stay_small() -> None:
    """``reading.chunks`` covers the rows in order, once each, and no chunk passes
    ``LAST_CHUNK``: what the model has left to read when the rules are done is one chunk's
    pairs, however long the batch (16,384 pairs a call from ``find_groups``)."""
    from divergence.judge.reading import FIRST_CHUNK, LAST_CHUNK, chunks

    for n in (0, 1, FIRST_CHUNK, FIRST_CHUNK + 1, 5000, 16384):
        got = list(chunks(n))
        assert [r for s, e in got for r in range(s, e)] == list(range(n))
        assert all(e - s <= LAST_CHUNK for s, e in got)
    sizes = [e - s for s, e in chunks(16384)]
    assert sizes[:4] == [FIRST_CHUNK, 2 * FIRST_CHUNK, 4 * FIRST_CHUNK, 8 * FIRST_CHUNK]
    assert max(sizes) == LAST_CHUNK == 1024


def test_quick_turns_shorten_the_switch_interval_and_restore_it() -> None:
    """``gil.quick_turns`` only ever shortens the interval, and gives the old one back, also
    when the block raises."""
    import sys

    from divergence.gil import QUICK, quick_turns

    before = sys.getswitchinterval()
    with quick_turns():
        assert sys.getswitchinterval() == min(before, QUICK)
    assert sys.getswitchinterval() == before
    with pytest.raises(RuntimeError), quick_turns(10.0):
        assert sys.getswitchinterval() == before  # never longer than it was
        raise RuntimeError
    assert sys.getswitchinterval() == before


def test_fewer_collections_only_raises_the_young_threshold() -> None:
    """``gil.fewer_collections`` raises the collector's young threshold where it is lower,
    keeps a higher one, leaves the collector off (0) when a caller turned it off, and never
    touches the older generations' thresholds (their meaning moves between CPythons)."""
    import gc

    from divergence.gil import fewer_collections

    before = gc.get_threshold()
    try:
        for start, want in [(700, 50_000), (90_000, 90_000), (0, 0)]:
            gc.set_threshold(start, *before[1:])
            fewer_collections(50_000)
            assert gc.get_threshold() == (want, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_the_command_collects_seldom(monkeypatch: pytest.MonkeyPatch) -> None:
    """``divergence`` (``cli.app.run``) runs its command with the collector's young threshold
    at least ``gil.FEW``: with the default, a report's growing caches cost ~0.8 s of full
    collections on the ECB+ cost workload."""
    import gc

    from divergence.cli import app
    from divergence.gil import FEW

    seen: list[int] = []
    before = gc.get_threshold()
    monkeypatch.setattr(app, "_standalone", lambda: seen.append(gc.get_threshold()[0]))
    try:
        gc.set_threshold(700, *before[1:])
        app.run()
    finally:
        gc.set_threshold(*before)
    assert seen == [FEW]


def test_no_agreement_within_reach_skips_the_blocking_reads() -> None:
    """``NLIJudge._decide_news`` no longer reads what would block an agreement (other
    measures, two moments, ...) when none is within reach (no same value, no shared anchor, no
    entailment at ``bare_agree``, not as close as ``copy_sim`` or ``close_sim``): every label
    and reason count here is what the full reading of 7ed96b9 gave (but the reasons the
    same-count reading adds since)."""
    from divergence.judge import NLIJudge
    from divergence.records import Reason

    texts = [
        ("The ceasefire took effect on Monday in Gaza.", "A truce began in Gaza on Monday."),
        ("The talks were peaceful.", "The talks were violent."),
        ("Protesters marched through the capital.",
         "Thousands of people marched in the city centre."),
        ("The strike hit a depot in Calder on Tuesday.",
         "The strike hit a school in Calder on Tuesday."),
        ("Officials said 40 people died in the blast.",
         "Forty people were killed in the explosion."),
        ("The president will visit Paris next week.", "Stocks fell sharply in early trading."),
        ("Rescuers pulled 12 miners from the mine.", "Twelve miners were rescued, officials said."),
        ("The vote was delayed until March.", "The vote went ahead as planned."),
    ]

    class Model:
        name = "nli:stand-in"

        def reason(self, a_id: str, b_id: str, q: np.ndarray) -> Reason:
            return Reason("nli", "read", (a_id, b_id), weight=float(q.max()))

    judge, got = NLIJudge(nli=None), []
    for k, (x, y) in enumerate(texts):
        for sim in (0.4, 0.5, 0.6, 0.7, 0.93):
            for p in (None, (0.1, 0.8, 0.1), (0.02, 0.97, 0.01), (0.8, 0.1, 0.1)):
                a = Claim(f"a{k}:0", f"a{k}", x, 0, len(x), proposition=x)
                b = Claim(f"b{k}:0", f"b{k}", y, 0, len(y), proposition=y,
                          speaker="Officials" if k % 3 == 0 else None)
                reasons = judge._read_once(a, b, sim)
                judge.model = None if p is None else Model()
                v = judge._decide_news(a, b, sim, list(reasons),
                                       None if p is None else np.array(p, dtype=np.float32))
                got.append((v.label[0], str(len(v.reasons))))
    # "The talks were peaceful" / "were violent": a conflict since 2026-12-06 (opposite states,
    # ``judge.opposites``), at every similarity and reading; neither before
    assert "".join(x for x, _ in got) == (
        "nnnnaaanaaanaaanaaanccccccccccccccccccccnnnnnnnnnnnnnnnnanannnanaaanaaanaaanaaannnnna"
        "aanaaanaaanaaannnnnnnnnnnnnnnnnanannnnnaaanaaanaaanaaannnnnnnnnnnnnnnnnanan")
    # reason counts as 7ed96b9 gave them, but where the same-count reading (2026-12-05, sixth
    # session) adds its reason to "40 people died" / "Forty people were killed" (2 where 1)
    assert "".join(n for _, n in got) == (
        "0111122112211221122112221222122212221222011101110111122111210121122112211221122101111"
        "222122212221222011101110111011111210111122112211221122101110111011112211121")
