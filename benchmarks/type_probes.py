"""The judge on type probes: conflict-or-not pairs of one kind each (titles, times, counts,
credit, rejections), written by helper sessions that never read the judge's code.

    python benchmarks/type_probes.py [--root CHECKOUT] [NAME ...]

Data: benchmarks/data/type_probes_<name>.jsonl, one pair a line ("a", "b", "label": conflict or
compatible, and a "form" or "kind" tag). Every pair is judged as `divergence compare` judges it;
a pair is right when the judge says conflict exactly when the label does (for ``agree``,
labelled agree or neither: agree exactly when the label does). Prints, per probe,
conflicts found, false conflicts and pairs right, and conflicts found per kind; `--root` judges
with another checkout's code (the same data), so two commits compare side by side. Writes
benchmarks/results/type_probes[_<root>].json.

Which were read (2026-12-04): each probe was scored once at 4702bfa and once with that
session's first code, before anything was read from it (docs/evaluation.md gives those held-out
figures); titles, times, credit and rejections were then read to fix misses, so their later
figures are dev figures. ``valid`` (all four kinds, written after the fixes) and ``agree``
(agreement or not; agree counts as "compatible") are held out whole: score, never read.
``valid2`` (2026-12-04, second session: rejections, linkage, who asked, and compatible pairs
marked ``agree`` true or false) was written blind mid-session and is held out the same way.
``valid3`` (2026-12-04, third session: credit against no third party, who made first contact,
parts and wholes, blame; agreements in other words and look-alikes) likewise: written blind by
a helper while that session's readers were being built, scored once at the end, never read.
``valid4`` (2026-12-04, fourth session: a happening said not to have happened against its
report in other words, look-alikes and agreements) likewise. ``provoked`` (2026-12-05: who
started or provoked a clash, each side telling its blow as an answer; 70 conflicts, 70 hard
negatives) is read: written by a helper for the ``answered`` frame. ``valid5`` (the same theme,
written blind by another helper at the same time) is held out: scored once before the frame and
once at the end, never read. ``asked`` (2026-12-05: who asked for a pause, a call, talks, a
swap or a corridor; 100 pairs in wire style, ids qa-, and 100 in the style of partisan and state
media, ids qb-, by two helpers) is read: written for the ``initiative`` frame; the qb- half was
first scored after the frame was built on the qa- half. ``valid6`` (the same theme, written
blind by a third helper) is held out like ``valid5``. ``valid7`` (2026-12-05, third session:
numbers and their denials, 50 conflicts of five kinds and 50 compatible pairs, written blind by
a helper who saw no code, test or probe) is held out: scored only. ``valid8`` (2026-12-05,
seventh session: who gets the credit for a truce, a release or a deal, and who asked for it; 50
conflicts of five kinds, 20 agreements, 30 look-alikes, written blind by a helper) was scored
once at 0fe905e and once after the session's first credit readings (55 both), then read: its
later figures are dev figures. ``valid9`` (the same theme, written blind by another helper at
the same time) is held out: scored at 0fe905e, once mid-session (7d8c158) and at the end.
``valid10`` (2026-12-05, eighth session: tolls in other words and in scope words, who asked for
a truce in other words, charges rejected, times; 60 conflicts, 20 agreements, 20 look-alikes,
written blind by a helper who saw no code, test or probe, after the session's count, who-asked
and rejection readings were built) is held out: scored at 25f9c2b (the session's start) and at
the end only. ``valid11`` (2026-12-05, ninth session: titles, times, linkage, credit and who
asked, who the dead were; 60 conflicts, 20 agreements, 20 look-alikes, written blind by a helper
who saw no code, test or probe, while that session's readings were being built) is held out:
scored at d546258 (the session's start) and at the end only.
``denials`` (2026-12-05, eleventh session: a denial or rejection on one side, a report on the
other; 90 conflicts of six kinds (the same act in other words, a happening denied, a report
called false, none against some, an own role denied, a quoted denial) and 90 compatible pairs
(another act, actor, place or day, another charge, both sides of the dispute told, the same
denial), written by a helper who saw no code, test or probe) is read: the session's readings of
reports called false and of statements that tell both sides were built on it. ``valid12`` (the
same theme and kinds, 60 and 60, written blind by another helper before any of it was read) is
held out: scored at 0bf3626 (the session's start) and at the end only.
``linkage`` (2026-12-05, thirteenth session: why something happened or a link asserted and
denied; 90 conflicts of six kinds (a link denied, two causes, an aim disputed, a deed on terms
or for nothing, a party tied to a deed or denied it, a first-person quoted denial) and 90
compatible pairs (the same reason, reasons that add up, another happening, a reason beside a
bare report, a link to another party, both sides told), written by a helper who saw no code,
test or probe) is read: the ``involved`` and ``terms`` frames were built on it. ``valid13`` (the
same theme and kinds, 60 and 60, written blind by another helper at the same time) is held out:
scored at a9519ba (the session's start) and at the end only. ``linkage2`` (the same theme, four
conflict kinds: a party's part, terms, two causes, a link denied, 25 each, and 100 compatible
pairs, by a third helper) was scored once at a9519ba (101 right) and once with the session's
first frames (102) before it was read; it is read since: its later figures are dev figures.
``lookalikes`` is read, and not written for the judge: 150 pairs of newsdev dev claims drawn
at random (seed 28) from the 655 that the judge of 8ef3cb8 agreed on a shared name at cosine
0.45 or more, none of them a gold pair, labelled by a helper who saw only the two sentences: 12
the same statement, 136 only related (one topic, event or person), 2 in conflict. It measures
how often that agreement is a topic neighbour.
``paraphrase`` (2026-12-06, fifteenth session: 150 contradictory pairs that read like
paraphrases, in ten kinds N1-N10 (a verb that denies its complement, an opposite in other
words, success or failure, counts, times, credit, a report and its rejection, place, roles,
all or part), and 60 compatible pairs E1-E4 (extra detail, one value in other words,
attributed or stated, one negation in other words), by a helper who saw no code) is read: the
``flips`` readers were built on it. ``valid14`` (the same theme, 160 and 80 in kinds F1-F10 and
G1-G5, written blind by another helper who saw neither the code nor ``paraphrase``) is held
out: scored at 99704e7 (the session's start) and at the end only. For these two the figure that
counts most is ``disputes_agreed``: contradictory pairs the judge calls agreements.
``valid15`` (2026-12-06, sixteenth session: 40 pairs of one happening told in two places far
apart, P1 cities and P2 countries, and 80 compatible pairs, C1 one place at two sizes, C2 two
ends of one trip, C3 two happenings in two places, C4 one place spelt two ways, written by a
helper who saw no code) is held out: scored at fcf30cb and after the place reader was built,
never read. ``valid16`` (2026-12-06, nineteenth session: why a happening happened, 60 conflicts
of five kinds (two causes, a cause ruled out, blame against a causal verb, a cause told as a
noun against one told as a verb, an attack against an accident) and 60 compatible pairs (the
same cause in other words, a cause and its cause, two causes that add up, causes of two
happenings, a cause beside none), written blind by a helper who saw no code, test or probe
while that session's cause readers were built on ``linkage2``) is held out: scored at 8f72bf6,
once mid-session and at the end only, never read. ``places`` (2026-12-06, twentieth session:
165 pairs, 156 of them one happening denied and told in one place named two ways (spellings,
"Al-" prefixes, a city and its district, landmark or region, a day or a venue beside a place)
and 9 of two different places, written by a helper reviewing a rule that dropped a denial
between two places; the rule was reverted) is read: a place rule must keep its conflicts.
``places2`` (2026-12-06, twenty-first session: 302 pairs, 220 conflicts and 82 compatible, by
two helpers reviewing a second place rule, one built on the gazetteer's towns and regions; r-
ids the first review, whose harms the rule was then guarded against, s- ids a second, blind one:
a denial covering every town, an alibi, a town of the subject or of the object, a nationwide
act, region lists, a town in a time clause; the rule was not landed) is read.
``speakers`` (2026-12-06, twenty-third session: 120 pairs by a helper who saw no code, A two
people of one surname or one person named two ways, B a denial beside a statement that tells
both sides, C a happening denied with an irregular verb; ``agree`` marks the compatible pairs
that are one statement) is read: that session's mends were found in it. ``valid17`` (150 pairs
on the same themes and on blame denied, groups E-H, written blind by another helper) is held
out: scored at a8f607a and at the session's end only. ``valid18`` (2026-12-06, twenty-fourth
session: 160 pairs, one actor's line told both ways, opposite deeds in other words, counts of one
thing under another noun, someone near an actor speaking; 20 conflicts and 20 compatible each,
written blind by a helper after the session's first mends) is held out: scored only.
``opposites`` (100 pairs of opposite outcomes in other words and look-alike controls, by another
helper who saw no code) is read: the ``deeds`` outcome readings were checked against it.
``valid19`` (2026-12-07, twenty-ninth session: 80 pairs, offices credited with ends to strikes,
standoffs and releases, a name against its title, rival causes, voluntary against forced; 10
conflicts and 10 compatible each, written blind by a helper while that session's office and
linkage readings were built) is held out: scored at c42a6c0, once the readings landed and
after a review narrowed them, never read. ``offices``
(32 pairs: offices credited, ends to strikes and standoffs, who asked) and ``causes`` (16 pairs:
a link denied as "no effect", a free choice against a cause), written by that session's main
writer, are read: the office and linkage readings were built on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMES = ("titles", "times", "credit", "rejections", "counts", "valid", "agree", "valid2",
         "valid3", "valid4", "valid5", "valid6", "lookalikes", "provoked", "asked", "valid7",
         "valid8", "valid9", "valid10", "valid11", "denials", "valid12", "linkage",
         "valid13", "linkage2", "paraphrase", "valid14", "valid15", "valid16", "places",
         "places2", "speakers", "valid17", "valid18", "opposites", "valid19", "offices", "causes")


def score(rows: list[dict], judged: dict[str, str]) -> dict:
    """Found, false and right counts of one probe (of conflicts, or of agreements for a probe
    labelled agree / neither), and found per kind."""
    target = "agree" if any(r["label"] == "agree" for r in rows) else "conflict"
    conflict = [r for r in rows if r["label"] == target]
    found = [r for r in conflict if judged[r["id"]] == target]
    false = [r for r in rows if r["label"] != target and judged[r["id"]] == target]
    kind = Counter(r.get("kind") or r.get("group") or "-" for r in conflict)
    got = Counter(r.get("kind") or r.get("group") or "-" for r in found)
    out = {"target": target, "pairs": len(rows), "conflicts": len(conflict), "found": len(found),
           "false": len(false), "right": len(rows) - (len(conflict) - len(found)) - len(false),
           "found_by_kind": {k: f"{got[k]}/{n}" for k, n in sorted(kind.items())}}
    if target == "conflict":  # the worst error: a dispute told to the reader as agreement
        out["disputes_agreed"] = sum(judged[r["id"]] == "agree" for r in conflict)
    marked = [r for r in rows if "agree" in r]  # compatible pairs marked one statement or not
    if marked:
        same = [r for r in marked if r["agree"]]
        alike = [r for r in marked if not r["agree"]]
        out["agreed"] = f"{sum(judged[r['id']] == 'agree' for r in same)}/{len(same)}"
        out["look_alikes_agreed"] = f"{sum(judged[r['id']] == 'agree' for r in alike)}/{len(alike)}"
        marks = Counter(r.get("kind") or "-" for r in marked)
        hits = Counter(r.get("kind") or "-" for r in marked if judged[r["id"]] == "agree")
        out["agreed_by_kind"] = {k: f"{hits[k]}/{n}" for k, n in sorted(marks.items())}
    return out


def probe_args(doc: str, names: tuple[str, ...]) -> argparse.Namespace:
    """``--root`` and the probe names, for this script and ``context_probes.py``."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--root", type=Path, default=HERE.parent, help="checkout whose judge to use")
    ap.add_argument("names", nargs="*", default=list(names), help=f"probes ({', '.join(names)})")
    return ap.parse_args()


def root_judge(root: Path) -> Callable[[str, str], str]:
    """The label ``divergence compare`` gives a pair, with the code of the checkout at ``root``
    (imported from there: call before anything imports ``divergence``)."""
    sys.path.insert(0, str(root.resolve()))
    from divergence.compare import compare_texts
    from divergence.embed import EMBEDDERS
    from divergence.pipeline import default_judge

    emb = EMBEDDERS.make("sentence-transformers", model="all-MiniLM-L6-v2", backend="onnx")
    judge = default_judge(emb.name)
    return lambda a, b: compare_texts(a, b, emb, judge)["label"]


def write_results(stem: str, root: Path, out: object) -> None:
    """``results/<stem>[_<root>].json`` (the root's folder name when it is another checkout),
    written whole or not at all, and said on stderr."""
    from divergence.ingest.io import atomic_write

    tag = "" if root.resolve() == HERE.parent else f"_{root.resolve().name}"
    dest = HERE / "results" / f"{stem}{tag}.json"
    atomic_write(dest, json.dumps(out, indent=1) + "\n")
    print(f"wrote {dest}", file=sys.stderr)


def probe_rows(name: str, tool: str) -> list[dict] | None:
    """A probe's pairs (``data/type_probes_<name>.jsonl``), or None (said on stderr)."""
    path = HERE / "data" / f"type_probes_{name}.jsonl"
    if not path.is_file():
        print(f"{tool}: no {path.name}, skipped", file=sys.stderr)
        return None
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def main() -> int:
    args = probe_args(__doc__, NAMES)
    label = root_judge(args.root)

    out = {"root": str(args.root)}
    for name in args.names:
        rows = probe_rows(name, "type_probes")
        if rows is None:
            continue
        judged = {r["id"]: label(r["a"], r["b"]) for r in rows}
        out[name] = s = score(rows, judged)
        what = "conflicts" if s["target"] == "conflict" else "agreements"
        print(f"{name:10s} {what} found {s['found']}/{s['conflicts']}, false {what} "
              f"{s['false']}/{s['pairs'] - s['conflicts']}, right {s['right']}/{s['pairs']}"
              + ("; " + ", ".join(f"{k} {v}" for k, v in s["found_by_kind"].items())
                 if len(s["found_by_kind"]) > 1 else "")
              + (f"; agreed {s['agreed']}, look-alikes agreed {s['look_alikes_agreed']}"
                 if "agreed" in s else "")
              + (f"; disputes agreed {s['disputes_agreed']}" if s.get("disputes_agreed") else ""))
    write_results("type_probes", args.root, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
