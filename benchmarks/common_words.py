"""Build ``divergence/data/words/common_words.txt``: English words that open a sentence with a
capital but name nothing ("Asked", "Tensions", "Church leaders"), so ``judge.text.entities``
does not take them for names there.

    python benchmarks/common_words.py [--nli ../shared/nli]

A word is common when it is written in lower case at least 3 times and at least 4 times as often
as it is capitalised inside a sentence, counted over the MultiNLI dev sentences (OANC text, a
permissive licence; ../shared/nli/SOURCE.md) and the newsdev **dev** articles (our own writing;
never the test half). Country names, their capitals and demonyms are never common. Only the word
list is written, no sentence.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from divergence.evaluate.newsdev import default_root, load_newsdev  # noqa: E402
from divergence.ingest.io import atomic_write  # noqa: E402
from divergence.judge.text import COUNTRY_ALIASES  # noqa: E402

_WORD = re.compile(r"[A-Za-z][a-z]+")
_OPENS = re.compile(r"[.!?:;\"“(]\s*$")
HEADER = """# English words that open a sentence with a capital but name nothing (judge/text.py:
# entities). Built by benchmarks/common_words.py from MultiNLI dev and the newsdev dev articles:
# written in lower case at least 3 times and 4 times as often as capitalised inside a sentence.
"""


def count(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Lower-case uses of each word, and capitalised uses that do not open a sentence."""
    low: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    for t in texts:
        for m in _WORD.finditer(t):
            w = m.group(0)
            if w[0].islower():
                low[w] += 1
            elif t[: m.start()].strip() and not _OPENS.search(t[: m.start()]):
                mid[w.lower()] += 1
    return low, mid


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nli", default=str(HERE.parent.parent / "shared" / "nli"))
    args = ap.parse_args()
    texts: list[str] = []
    for name in ("dev_matched", "dev_mismatched"):
        with gzip.open(Path(args.nli) / "mnli" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                texts += [row["premise"], row["hypothesis"]]
    for path in load_newsdev(default_root(), "dev").articles:
        texts += Path(path).read_text(encoding="utf-8").splitlines()
    low, mid = count(texts)
    countries = {w for name, aliases in COUNTRY_ALIASES.items() for k in (name, *aliases)
                 for w in k.split()}
    common = sorted(w for w, n in low.items()
                    if n >= 3 and n >= 4 * mid[w] and w not in countries)
    out = HERE.parent / "divergence" / "data" / "words" / "common_words.txt"
    atomic_write(out, HEADER + "\n".join(common) + "\n")
    print(f"{len(common)} words from {len(texts)} texts -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
