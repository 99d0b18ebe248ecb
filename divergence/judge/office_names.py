"""One office in several spellings ("Premier" / "Prime Minister", "Sen." / "Senator", "Minister
of Foreign Affairs" / "Foreign Minister", ``data/words/office_names.txt``), spelt one way before
two sentences are aligned word by word: a title written two ways is no name swapped in
(``detectors._swapped_name``), so "Premier Keita signed it" and "Prime Minister Keita signed it"
can agree, and their numbers and dates be compared."""

from __future__ import annotations

import re
from functools import lru_cache

from ..wordlists import alias_table


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    to = {" ".join(alias.split()): key for key, aliases in alias_table("office_names").items()
          for alias in aliases}
    alts = sorted(to, key=len, reverse=True)  # "lt gen" before "gen."
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?<![\w.-])(?:{body})(?![\w-])", re.I), to


@lru_cache(maxsize=65536)
def one_spelling(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]] | None:
    """``text`` with each office spelt one way, and where its spans fall in ``text``: for each
    offset of the new text, the offset in ``text`` of a span starting there and of a span ending
    there (an office spelt anew maps whole onto its old spelling). None: nothing to respell."""
    rx, to = _table()
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    at = 0
    for m in rx.finditer(text):
        key = to[" ".join(m.group(0).lower().split())]
        if key == m.group(0).lower():
            continue
        new = key.title() if m.group(0)[:1].isupper() else key
        out.append(text[at:m.start()])
        starts.extend(range(at, m.start()))
        ends.extend(range(at + 1, m.start() + 1))
        out.append(new)
        starts.extend([m.start()] * len(new))
        ends.extend([m.end()] * len(new))
        at = m.end()
    if not out:
        return None
    out.append(text[at:])
    starts.extend(range(at, len(text) + 1))
    ends.extend(range(at + 1, len(text) + 1))
    return "".join(out), tuple(starts), tuple(ends)


__all__ = ["one_spelling"]
