"""The judge's conflicts in other forms: does a pair keep its label when one side is quoted or
reworded as a second outlet would write it?

    python benchmarks/form_probes.py [--root CHECKOUT] [NAME ...]

Outlets rarely write a claim the way a probe pair does. One quotes the source in its own voice,
with the attribution after the quotation ("'We never asked for a pause,' a rebel spokesman
said."); another says the same thing in other words ("It was the rebels who sought the pause,
according to the ministry"). Neither changes what is claimed, so the label should not change.

For each probe (``benchmarks/data/type_probes_<name>.jsonl``) helpers who saw no code wrote its
side B again in two forms (``benchmarks/data/form_probes_<name>.jsonl``, 2026-12-05: ``quote`` and
``reworded``, side A unchanged, the label kept). Every pair is judged as written and in each
form (as ``divergence compare`` judges it): conflicts found among the conflict pairs, false
conflicts among the compatible ones. ``--root`` judges with another checkout's code, so two
commits compare side by side. Writes benchmarks/results/form_probes[_<root>].json.

Which were read: the forms of the read probes (titles, times, credit, rejections, counts,
provoked, asked, valid8) may be read to mend the readers; the forms of the held-out probes
(valid, valid2-7, valid9-11) are scored only, like the probes themselves.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from type_probes import probe_args, probe_rows, root_judge, write_results  # noqa: E402

NAMES = ("titles", "times", "credit", "rejections", "counts", "provoked", "asked", "valid8",
         "valid", "valid2", "valid3", "valid4", "valid5", "valid6", "valid7", "valid9",
         "valid10", "valid11")
FORMS = ("as written", "quote", "reworded")


def form_rows(name: str) -> list[dict] | None:
    """A probe's pairs in other forms (``data/form_probes_<name>.jsonl``), or None (said)."""
    path = HERE / "data" / f"form_probes_{name}.jsonl"
    if not path.is_file():
        print(f"form_probes: no {path.name}, skipped", file=sys.stderr)
        return None
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def score(rows: list[dict], said_of: dict[str, str]) -> dict[str, dict[str, int]]:
    """Per form: conflict pairs, conflicts found, compatible pairs, false conflicts
    (``said_of``: the judge's label by ``id|form``)."""
    out: dict[str, Counter] = {}
    for r in rows:
        c = out.setdefault(r["form"], Counter())
        said = said_of[f"{r['id']}|{r['form']}"] == "conflict"
        if r["label"] == "conflict":
            c["conflicts"] += 1
            c["found"] += said
        else:
            c["compatible"] += 1
            c["false"] += said
    return {form: dict(c) for form, c in out.items()}


def main() -> int:
    args = probe_args(__doc__, NAMES)
    label = root_judge(args.root)

    res: dict[str, dict] = {}
    labels: dict[str, dict[str, str]] = {}
    for name in args.names:
        base, forms = probe_rows(name, "form_probes"), form_rows(name)
        if base is None or forms is None:
            continue
        rows = [{**r, "form": "as written"} for r in base] + forms
        labels[name] = {f"{r['id']}|{r['form']}": label(r["a"], r["b"]) for r in rows}
        res[name] = score(rows, labels[name])
    print("| probe | " + " | ".join(f"{f}: found / false" for f in FORMS) + " |")
    print("|---|" + "---|" * len(FORMS))
    total: dict[str, Counter] = {f: Counter() for f in FORMS}
    for name, by_form in res.items():
        cells = []
        for f in FORMS:
            c = by_form.get(f, {})
            total[f].update(c)
            cells.append(f"{c.get('found', 0)}/{c.get('conflicts', 0)} / "
                         f"{c.get('false', 0)}/{c.get('compatible', 0)}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("| all | " + " | ".join(f"{total[f]['found']}/{total[f]['conflicts']} / "
                                   f"{total[f]['false']}/{total[f]['compatible']}"
                                   for f in FORMS) + " |")
    write_results("form_probes", args.root, {"root": str(args.root), "probes": res,
                                             "labels": labels})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
