"""Build ``divergence/data/words/common_words.txt``: words written in lower case inside
sentences at least as often as capitalised there, in the MultiNLI and SNLI dev/test sentences.

``judge.text.entities`` reads a capitalised single word that opens a sentence as a name only
when it is not one of these ("Police said", "Fighting began", "Talks stalled" name no one).
Only word counts are kept, no sentence. Run from the project root:
``python training/common_words.py ../shared/nli``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "divergence" / "data" / "words" / "common_words.txt"
# A word inside a sentence: after a lower-case word, a comma or a semicolon and one space.
_MID = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b")


def count(folder: Path) -> tuple[Counter[str], Counter[str]]:
    """Lower-case and capitalised uses of each word inside sentences, over every file read."""
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for path in sorted(folder.glob("*/*.jsonl.gz")):
        if path.parent.name == "anli":
            continue  # ANLI is for evaluation only (its licence): not even its word counts
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for text in (row["premise"], row["hypothesis"]):
                    for m in _MID.finditer(text):
                        w = m.group(1)
                        (low if w[0].islower() else cap)[w.lower()] += 1
    return low, cap


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nli", type=Path, help="the folder of NLI data (../shared/nli)")
    ap.add_argument("--min", type=int, default=2, help="lower-case uses a word needs")
    args = ap.parse_args(argv)
    low, cap = count(args.nli)
    words = sorted(w for w, n in low.items() if n >= args.min and n >= cap[w] and len(w) > 2)
    head = ["# Words written in lower case inside sentences at least as often as capitalised",
            f"# ({args.min}+ uses) in MultiNLI and SNLI dev/test: training/common_words.py.",
            "# A capitalised single word opening a sentence is no name when it is one of these."]
    OUT.write_text("\n".join(head + words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
