"""The judge's conflicts under neutral context: does a found conflict survive what outlets add?

    python benchmarks/context_probes.py [--root CHECKOUT] [NAME ...]

Real sentences carry more than the claim: a dateline ("VELL, Kordania (AP) — "), a lead that
moves the story on ("In the latest development, "), the outlet's narration after the
attribution ("..., X said, amid growing concern abroad"; "..., X said, without giving
details"), a second clause ("..., and aid agencies warned of shortages") or a remark on the
claim ("..., a claim that drew wide attention"). None of these changes what the two sides say,
so a conflict the judge finds in a probe pair should still be found with them. The wrappings
marked B say the same kinds of thing in other words; they were written after the readers were
mended on the first ones (2026-12-05), so they test the mends on wordings not seen.

For each probe (``benchmarks/data/type_probes_<name>.jsonl``, its conflict pairs only), every
pair is judged as written and under each wrapping (as ``divergence compare`` judges it), and
the conflicts found are counted per wrapping. ``--root`` judges with another checkout's code, so
two commits compare side by side. Writes benchmarks/results/context_probes[_<root>].json.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from type_probes import probe_args, probe_rows, root_judge, write_results  # noqa: E402

NAMES = ("titles", "times", "credit", "rejections", "counts", "provoked", "asked", "valid8",
         "valid", "valid2", "valid3", "valid4", "valid5", "valid6", "valid7", "valid9",
         "valid10", "valid11")
_OPENERS = ("The", "A", "An", "It", "There", "This", "That", "Its", "Their", "His", "Her",
            "After", "Following", "Before", "When", "Only", "No", "None", "Both")


def _tail(text: str, more: str) -> str:
    """``text`` with ``more`` before its closing full stop."""
    text = text.rstrip()
    return (text[:-1] if text.endswith(".") else text) + more + "."


def _lead(text: str, lead: str) -> str:
    """``text`` after a lead, its first word in lower case unless a name."""
    first = text.split()[0] if text.split() else ""
    return lead + (text[0].lower() + text[1:] if first in _OPENERS else text)


def _said_tail(text: str) -> str:
    """"..., X said." -> "..., X said, without giving details." (unchanged without one)."""
    return re.sub(r"( said| told reporters)([^,]*)\.$", r"\1\2, without giving details.", text)


WRAPS: dict[str, Callable[[str, str], tuple[str, str]]] = {
    "as written": lambda a, b: (a, b),
    "dateline": lambda a, b: ("OSTREL (Reuters) - " + a, "VELL, Kordania (AP) — " + b),
    "lead": lambda a, b: (_lead(a, "In the latest development, "),
                          _lead(b, "In a further twist, ")),
    "narration": lambda a, b: (_tail(a, ", as tensions in the region remained high"),
                               _tail(b, ", amid growing concern abroad")),
    "no details": lambda a, b: (a, _said_tail(b)),
    "second clause": lambda a, b: (_tail(a, ", and aid agencies warned of shortages of food "
                                            "and fuel"), b),
    "remark": lambda a, b: (a, _tail(b, ", a claim that drew wide attention in the capital")),
    # The same kinds in other words, written after the readings were mended on the ones above.
    "dateline B": lambda a, b: ("DORN, Velia, March 3 (AFP) - " + a, "NEW OSTREL: " + b),
    "lead B": lambda a, b: (_lead(a, "In its latest update, "), _lead(b, "Meanwhile, ")),
    "narration B": lambda a, b: (_tail(a, ", though no evidence was offered"),
                                 _tail(b, ", while talks in the capital stalled")),
    "second clause B": lambda a, b: (_tail(a, ", and the UN said it was alarmed by the "
                                              "reports"), b),
}


def main() -> int:
    args = probe_args(__doc__, NAMES)
    label = root_judge(args.root)

    out: dict = {"root": str(args.root), "wraps": list(WRAPS), "probes": {}}
    print("| probe | conflicts | " + " | ".join(WRAPS) + " |")
    print("|---|---|" + "---|" * len(WRAPS))
    total = dict.fromkeys(WRAPS, 0)
    for name in args.names:
        rows = probe_rows(name, "context_probes")
        if rows is None:
            continue
        rows = [r for r in rows if r["label"] == "conflict"]
        found = {w: sum(label(*f(r["a"], r["b"])) == "conflict" for r in rows)
                 for w, f in WRAPS.items()}
        out["probes"][name] = {"conflicts": len(rows), "found": found}
        for w in WRAPS:
            total[w] += found[w]
        print(f"| {name} | {len(rows)} | " + " | ".join(str(found[w]) for w in WRAPS) + " |",
              flush=True)
    out["total"] = total
    print("| all | " + str(sum(p["conflicts"] for p in out["probes"].values())) + " | "
          + " | ".join(str(total[w]) for w in WRAPS) + " |")
    write_results("context_probes", args.root, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
