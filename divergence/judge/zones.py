"""Time zones after a clock time, and the clock two texts' times can be compared on ("0400
GMT" / "3:30 a.m. local": none)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..lazy_re import lazy
from ..wordlists import alias_table, zone_abbreviations
from .text import DateRef

# Time zones after a clock time, with their offsets from UTC in minutes where the name fixes
# one; a name whose offset depends on summer time or on the reader ("Kyiv time", "Israel time",
# "ET"; "PST" is Pacific or Pakistan, "CST" Central or China, "AST" Arabia or Atlantic) is a
# clock of its own, compared only with the same name. "Local time" is no zone: two local times
# of one happening are one clock, as before.
_ZONES = {k: (int(v[0]) if v else None) for k, v in alias_table("time_zones").items()}
_NAMED = [k[:-len(" time")] for k in _ZONES if k.lower().endswith(" time")]
ZONE_ABBREVIATIONS = zone_abbreviations()
_OFFSETS = {k.lower(): v for k, v in _ZONES.items() if v is not None}


def _alternatives(names: Iterable[str]) -> str:
    """Names as regex alternatives, longest first, any space between their words."""
    return "|".join(re.escape(n).replace(r"\ ", r"\s+")
                    for n in sorted(names, key=len, reverse=True))


_ZONE = lazy(
    # "13:00 (GMT+4)", "9 am local time (GMT+2)": the zone may follow "local time"
    r"\s*(?:local\s+time\s*)?(?:\(\s*)?"
    r"(?:(?P<fixed>(?:GMT|UTC)\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?)"
    rf"|(?P<abbr>{_alternatives(ZONE_ABBREVIATIONS)})\b"
    rf"|(?P<place>{_alternatives(_NAMED)})\s+(?i:time)\b)")


def zone(text: str, d: DateRef) -> tuple[int | str | None, int]:
    """The time zone a clock time is given in, and where its name ends: the zone's offset from
    UTC in minutes ("0400 GMT": 0, "5 pm IST": 330, "21:00 Moscow time": 180, "13:00 (GMT+4)":
    240), its name when the name fixes no offset ("9 am Kyiv time": "kyiv time"), or None (no zone,
    or "local time"; the end is then the time's)."""
    m = _ZONE.match(text, d.end)
    if m is None:
        return None, d.end
    if m.group("fixed"):
        off = int(m.group("oh")) * 60 + int(m.group("om") or 0)
        return (-off if m.group("sign") in "-−" else off), _closed(text, m)
    key = re.sub(r"\s+", " ", m.group("abbr") or f"{m.group('place')} time").lower()
    return _OFFSETS.get(key, key), _closed(text, m)


def _closed(text: str, m: re.Match[str]) -> int:
    """Where a zone's name ends, its closing bracket included: "13:00 (GMT+4)"."""
    return m.end() + 1 if "(" in m.group(0) and text[m.end():m.end() + 1] == ")" else m.end()


def one_clock(ta: str, xs: Sequence[DateRef], tb: str, ys: Sequence[DateRef]
              ) -> tuple[list[DateRef], list[DateRef]]:
    """The clock times of two texts that can be compared, on one clock: both in zones of known
    offset (converted to UTC: "5 pm IST" and "4:30 pm PKT" are 11:30), both in one named zone,
    or both without a zone. Empty lists when the two share no clock ("0400 GMT" / a local
    "3:30 a.m."; "5 pm" / "4:30 pm PKT")."""
    def keyed(text: str, ds: Sequence[DateRef]) -> list[tuple[object, DateRef]]:
        out: list[tuple[object, DateRef]] = []
        for d in ds:
            z, end = zone(text, d)
            if z is not None:  # the zone joins the time's words: "5 pm IST" is the value
                d = replace(d, end=end, text=text[d.start:end])
            if isinstance(z, int):
                h, m = (int(v) for v in d.value.split(":"))
                t = (h * 60 + m - z) % (24 * 60)
                out.append(("utc", replace(d, value=f"{t // 60:02d}:{t % 60:02d}")))
            else:
                out.append((z, d))
        return out
    kx, ky = keyed(ta, xs), keyed(tb, ys)
    shared = {k for k, _ in kx} & {k for k, _ in ky}
    if not shared:
        return [], []
    clock = "utc" if "utc" in shared else next(k for k, _ in kx if k in shared)
    return [d for k, d in kx if k == clock], [d for k, d in ky if k == clock]
