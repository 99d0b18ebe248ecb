"""Find an article's metadata in its own text: header block, date, outlet, dateline, credits.

News text arrives with loose headers (` date 2025-05-28 Washington, May 28 (IANS) ...`, an outlet
line such as `Daijiworld Media Network- Washington (DD)`, a trailing `Based On A PTI Report`). This
module returns what it found and the character ranges that remain article body, so header lines
never become claims. Only lines up to ``MAX_HEADER_LINE`` characters are read as header lines, which
keeps the cost linear however long an article's lines are.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources

from ..wordlists import word_sequences

WIRES = {
    "IANS": "IANS", "PTI": "PTI", "ANI": "ANI", "UNI": "UNI", "REUTERS": "Reuters", "AFP": "AFP",
    "AP": "AP", "DPA": "dpa", "EFE": "EFE", "XINHUA": "Xinhua", "BLOOMBERG": "Bloomberg",
    "ANSA": "ANSA", "KYODO": "Kyodo", "YONHAP": "Yonhap", "TASS": "TASS", "APP": "APP",
}
_WIRE_ALT = "|".join(sorted(WIRES, key=len, reverse=True))
_MONTH_NAMES = word_sequences("calendar")["months"]
_MONTHS = {m[:3]: i for i, m in enumerate(_MONTH_NAMES, start=1)}
# A month by name, its first three letters or "Sept", capitalised, a dot allowed: "Jan.", "June".
_MONTH = "(?:" + "|".join(sorted(
    {w.capitalize() for w in (*_MONTH_NAMES, *(m[:3] for m in _MONTH_NAMES), "sept")},
    key=lambda w: (-len(w), w))) + r")\.?"
# Header keys and their synonyms; other keys are allowed in a block but dropped.
_KEYS = {
    "source": "source", "outlet": "source", "publisher": "source", "site": "source",
    "date": "date", "published": "date", "url": "url", "link": "url", "title": "title",
    "headline": "title", "author": "author", "byline": "author", "wire": "wire", "agency": "wire",
    "place": "place", "dateline": "place",
}
_KV = re.compile(r"^[ \t]*([A-Za-z][A-Za-z_ -]{0,24}?)[ \t]*:[ \t]*(.*?)[ \t]*$")
_DATE_LINE = re.compile(r"^[ \t]*date[:\s][ \t]*(\d{4}-\d{2}-\d{2})[ \t]*", re.I)
# A place name: capitalised words, with the usual lower-case joiners ("Rio de Janeiro").
_PLACE = (r"[A-Z][A-Za-z.'’-]*(?:[ \t]+(?:[A-Z][A-Za-z.'’-]*|"
          r"(?:de|da|del|di|do|dos|la|le|el|al|of|am|an|der|es|on|upon)(?=[ \t]+[A-Z]))){0,3}")
_DAY = rf"(?:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})(?:,?[ \t]*\d{{4}})?"
# After the place, its country or state ("KYIV, Ukraine", "Washington, D.C.") or a bracketed
# one ("New Delhi [India]"): the wires' own forms.
_REGION = (r"(?:[ \t]*\[[A-Z][A-Za-z .'’-]{1,30}\])?"
           r"(?:,[ \t]+(?:D\.C\.|[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,2}))?")
# "Washington, May 28 (IANS)", "NEW DELHI, May 28:", "London, 28 May 2025 (Reuters) -",
# "KHARTOUM, Sudan, Oct 27 (Reuters) -", "New Delhi [India], May 10 (ANI):"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}){_REGION},[ \t]+(?P<day>{_DAY})"
    rf"(?:[ \t]*\((?P<wire>[A-Za-z]{{2,10}})\))?[ \t]*[:\-–—]?[ \t]*"
)
# "NEW DELHI (Reuters) -", "KYIV, Ukraine (AP) —"
_DATELINE_WIRE = re.compile(
    rf"^(?P<place>{_PLACE}){_REGION}[ \t]*\((?P<wire>(?i:{_WIRE_ALT}))\)[ \t]*(?:[:\-–—][ \t]*)?"
)
# "ATHENS —", "KYIV, Ukraine —", "NEW DELHI:": a place in capitals and a dash or a colon, the
# wire's form without a day, then a sentence ("A ferry sank"; not "UKRAINE WAR - LIVE UPDATES",
# a headline in capitals), and no label a page puts in capitals ("BREAKING —", "EXCLUSIVE -").
_DATELINE_CAPS = re.compile(
    r"^(?!(?:BREAKING|UPDATE|UPDATED|LIVE|EXCLUSIVE|WATCH|ANALYSIS|OPINION|EDITORIAL|VIDEO|"
    r"PHOTOS?|CORRECTION|URGENT|FLASH|DEVELOPING|NEWS|REPORT|EXPLAINER|FACT CHECK|NOTE|"
    r"EDITOR'?S NOTE|ALSO READ|READ MORE|READ|WARNING|TRANSCRIPT|SUMMARY|UPDATES)\b)"
    r"(?P<place>[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]+){0,2})(?:,[ \t]+(?:[A-Z][a-z]+|D\.C\.))?"
    r"(?:[ \t]+[—–-]|(?P<colon>:))[ \t]+(?=[\"“‘']?[A-Z](?:[a-z]|[ \t]+[a-z]))"
)
_OUTLET_WORDS = (
    r"Network|News|Media|Times|Post|Herald|Express|Tribune|Bureau|Desk|Agency|Daily|Journal|"
    r"Chronicle|Gazette|Telegraph|Online|Broadcasting|Television|Radio|Wire|Today|Observer"
)
# "Daijiworld Media Network", "Hindustan Times", "Times of India", "NDTV News Desk"
_OUTLET = re.compile(
    rf"^(?:[A-Z0-9][\w.&'’]*[ \t]+){{0,3}}(?:{_OUTLET_WORDS})(?:[ \t]+of[ \t]+[A-Z]\w*)?$"
)
_AGENCY = rf"(?:{_WIRE_ALT}|agencies)"
# "Based On A PTI Report", "(With inputs from PTI and ANI)", "Source: IANS", "-- PTI", "(IANS)"
_CREDIT = re.compile(
    rf"^[(\[]?[ \t]*(?:based[ \t]+on[ \t]+(?:an?[ \t]+)?|(?:with[ \t]+)?inputs?[ \t]+from[ \t]+"
    rf"|source[ \t]*:[ \t]*|[-–—]+[ \t]*)?(?P<wire>{_AGENCY})"
    rf"(?:[ \t]*(?:,|and|&)[ \t]*{_AGENCY})*(?:[ \t]+(?:report|inputs|copy))?"
    rf"[ \t]*\.?[ \t]*[)\]]?$",
    re.I,
)
# A credit glued to the end of the last paragraph: "... security. (IANS)" or "... security. -- PTI"
_CREDIT_TAIL = re.compile(
    rf"(?<=[.!?\"”’])[ \t]*(?:\((?P<w1>{_WIRE_ALT})\)|[-–—]+[ \t]*(?P<w2>{_WIRE_ALT}))[ \t]*$"
)
MAX_HEADER_LINE = 500  # a longer line is body text, never a header line
_BYLINE = re.compile(r"^By[ \t]+(?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
                     r"(?:[ \t]*[,|/][ \t]*(?P<outlet>[^,|/]{2,60}?))?[ \t]*$")


@dataclass(frozen=True, slots=True)
class Header:
    """Metadata found in an article's text and the body ranges left once it is removed."""

    body: tuple[tuple[int, int], ...]
    source: str | None = None
    wire: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    # An outlet named in a byline ("By Jane Roe, Hindustan Times") or a credit line in the body
    # ("This story has not been edited by NDTV staff"); ranked after the wire (``source_name``).
    outlet: str | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _looks_like_title(s: str) -> bool:
    """A short line with no closing full stop whose words are mostly capitalised."""
    s = s.strip()
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", s)
    if not words or len(words) > 30 or s.endswith((".", "?", "!", '"', "”")):
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.6


def _wire(tag: str | None) -> str | None:
    return WIRES.get(tag.upper()) if tag else None


def header_key(name: str) -> str | None:
    """The header field a key names (``Outlet`` -> ``source``), or None for one not read."""
    return _KEYS.get(name.strip().lower().replace(" ", "_"))


def _set(meta: dict[str, str | None], key: str, value: str | None) -> None:
    """Set ``key`` unless it already holds a value (the first place that names it wins)."""
    if value and not meta.get(key):
        meta[key] = value


def normalize_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for ISO stamps, "May 28, 2025" / "28 May 2025" (a weekday before them
    too) and the RSS form "Wed, 28 May 2025 10:00:00 GMT"; anything else as given (an impossible
    day such as 2024-13-45 too: it is not read as a date)."""
    if not value or not value.strip():
        return None
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", v)
    if m:
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3))) or v
    if re.match(r"^[A-Z][a-z]{2},[ \t]+\d{1,2}[ \t]+[A-Z][a-z]{2}[ \t]+\d{4}[ \t]+\d", v):
        try:  # RFC 2822, as RSS feeds and mail headers write it
            return parsedate_to_datetime(v).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return v
    v = re.sub(r"^(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+", "",
               v)
    m = re.match(rf"^(?:({_MONTH})[ \t]+(\d{{1,2}})|(\d{{1,2}})[ \t]+({_MONTH})),?[ \t]*(\d{{4}})$",
                 v, re.I)
    if m:
        month = _MONTHS[(m.group(1) or m.group(4))[:3].lower()]
        day = int(m.group(2) or m.group(3))
        return _day(int(m.group(5)), month, day) or value.strip()
    return value.strip()


def _day(year: int, month: int, day: int) -> str | None:
    """The ISO day, or None when there is no such day."""
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _kv_block(text: str, lines: list[tuple[int, int]]) -> tuple[dict[str, str | None], int] | None:
    """A leading block of ``key: value`` lines: (metadata, index of the first line after it).

    The block ends at a blank line; without one it still counts when two or more known keys
    name it a header (``source: X`` then ``date: Y`` then the body).
    """
    i = 0
    while i < len(lines) and not text[slice(*lines[i])].strip():
        i += 1
    meta: dict[str, str | None] = {}
    known = 0
    j = i
    for s, e in lines[i:]:
        if e - s > MAX_HEADER_LINE:
            break
        m = _KV.match(text[s:e])
        if not text[s:e].strip() or not m or m.group(1).lower().startswith("http"):
            break
        key = _KEYS.get(m.group(1).strip().lower().replace(" ", "_"))
        if key:
            known += 1
            _set(meta, key, m.group(2))
        j += 1
    ended = j < len(lines) and not text[slice(*lines[j])].strip()
    if j == i or not known or not (ended or known >= 2) or known * 2 < j - i:
        return None
    return meta, j


def _outlet(line: str) -> dict[str, str | None] | None:
    """``Daijiworld Media Network- Washington (DD)`` -> source, place and maybe wire."""
    m = re.match(r"^(?P<src>.+?)(?:[ \t]*[-–—|][ \t]*(?P<place>[^-–—|]+?))?"
                 r"(?:[ \t]*\((?P<tag>[^()]{1,20})\))?[ \t]*$", line.strip())
    if not m or not _OUTLET.match(m.group("src").strip()):
        return None
    place = (m.group("place") or "").strip()
    if place and not re.fullmatch(_PLACE, place):
        return None
    return {"source": m.group("src").strip(), "place": place or None,
            "wire": _wire(m.group("tag"))}


# Labels in capitals before a colon that are a source, not a place ("KREMLIN: ..."); a colon
# needs a place of five letters or two words ("NEW DELHI:", "ISLAMABAD:"; not "WHO:", "NATO:").
_NOT_PLACES = frozenset({"SOURCES", "SOURCE", "KREMLIN", "PENTAGON", "MINISTRY", "POLICE",
                         "OFFICIALS", "OFFICIAL", "MILITARY", "ARMY", "WITNESSES", "REPORTS",
                         "WHITE HOUSE", "STATE MEDIA", "OFFICIALS SAY"})


def _caps_dateline(line: str) -> re.Match[str] | None:
    m = _DATELINE_CAPS.match(line)
    if m and m.group("colon"):
        place = m.group("place")
        if place in _NOT_PLACES or (len(place) < 5 and " " not in place):
            return None
    return m


def _is_dateline(line: str) -> bool:
    return bool(_DATELINE.match(line) or _DATELINE_WIRE.match(line) or _caps_dateline(line))


def _loose_header(text: str, nonblank: list[tuple[int, int]], meta: dict[str, str | None],
                  title: str | None) -> tuple[int, int | None]:
    """Date line, outlet line, title line, byline at the top: (first body line, start within it)."""
    s, e = nonblank[0]
    i = 0
    m = _DATE_LINE.match(text[s:e])
    if m:
        meta["date"] = m.group(1)
        rest_start = s + m.end()
        rest = text[rest_start:e]
        if not rest.strip():
            i = 1
        elif len(nonblank) > 1 and not _is_dateline(rest) and (
                _same_title(rest, title) or _looks_like_title(rest)):
            meta["title"] = rest.strip()
            i = 1
        else:
            return 0, rest_start
    # At most one each of outlet, title and byline, and only while body lines follow.
    while i < len(nonblank) - 1:
        line = text[slice(*nonblank[i])].strip()
        if len(line) > MAX_HEADER_LINE or _is_dateline(line):
            break
        found = None if meta.get("source") else _outlet(line)
        if found:
            for k, v in found.items():
                _set(meta, k, v)
        elif not meta.get("author") and (b := _BYLINE.match(line)) and (
                not b.group("outlet") or _OUTLET.match(b.group("outlet"))):
            meta["author"] = b.group("who")
            _set(meta, "outlet", b.group("outlet"))
        elif not meta.get("title") and (_same_title(line, title) or (
                _looks_like_title(line) and len(line.split()) >= 3)):
            meta["title"] = line
        else:
            break
        i += 1
    return i, None


def _same_title(line: str, title: str | None) -> bool:
    return bool(title) and " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


def _dateline(text: str, start: int, end: int, meta: dict[str, str | None]) -> int | None:
    """Where the body starts after a dateline at ``text[start:end]``; None when there is none."""
    head = text[start:end]
    m = _DATELINE.match(head) or _DATELINE_WIRE.match(head) or _caps_dateline(head)
    if not m:
        return None
    _set(meta, "place", m.group("place").strip())
    _set(meta, "wire", _wire(m.groupdict().get("wire")))
    day = m.groupdict().get("day")
    if day and re.search(r"\d{4}$", day):
        _set(meta, "date", normalize_date(day))
    return start + m.end()


def dateline_end(text: str) -> int:
    """Where a statement starts after the dateline that opens it ("KYIV, Ukraine (AP) — "), or
    0: ``compare`` is given a lede as it was printed."""
    line = text.split("\n", 1)[0]
    after = _dateline(text, 0, len(line), {})
    return after if after is not None and text[after:len(line)].strip() else 0


def _credit(text: str, body: list[tuple[int, int]], meta: dict[str, str | None]) -> None:
    """Drop a trailing credit line ("Based On A PTI Report") or a credit at the end of the body."""
    s, e = body[-1]
    cm = _CREDIT.match(text[s:e].strip())
    if cm and len(body) > 1:
        wire = _wire(cm.group("wire"))
        _set(meta, "wire", wire)
        body.pop()
        return
    tm = _CREDIT_TAIL.search(text, s, e)
    if tm and tm.start() > s:
        _set(meta, "wire", _wire(tm.group("w1") or tm.group("w2")))
        body[-1] = (s, tm.start())


def parse_header(text: str, title: str | None = None) -> Header:
    """Split ``text`` into metadata and body ranges; never raises, finds what it can.

    Args:
        text: the article text, newlines already normalised to ``\\n``.
        title: a title known from elsewhere (JSONL, HTML metadata); a first line equal to it is a
            header line.
    """
    meta: dict[str, str | None] = {}
    lines = _lines(text)
    nonblank = [(s, e) for s, e in lines if text[s:e].strip()]
    if not nonblank:
        return Header(body=())
    kv = _kv_block(text, lines)
    if kv is not None:
        meta, after_kv = kv
        first = sum(1 for s, _ in nonblank if s < lines[after_kv - 1][1])
        start = None
        if first < len(nonblank):  # a loose "date 2025-05-28" opening the body: header too
            s0, e0 = nonblank[first]
            m = _DATE_LINE.match(text[s0:e0])
            if m:
                meta.setdefault("date", m.group(1))
                if text[s0 + m.end():e0].strip():
                    start = s0 + m.end()
                else:
                    first += 1
    else:
        first, start = _loose_header(text, nonblank, meta, title)
    body = list(nonblank[first:])
    if not body:
        return Header(body=(), **_clean(meta))
    s, e = body[0]
    s = start if start is not None else s
    after = _dateline(text, s, e, meta)
    if after is not None and text[after:e].strip():
        s = after
    elif after is not None:
        body.pop(0)  # the dateline stands on a line of its own
        if not body:
            return Header(body=(), **_clean(meta))
        s = body[0][0]
    body[0] = (s, body[0][1])
    _credit(text, body, meta)
    body = [(a, b) for a, b in body if text[a:b].strip()]
    if not meta.get("outlet"):
        meta["outlet"] = _outlet_in_body(text, body)
    return Header(body=tuple(body), **_clean(meta))


def _clean(meta: dict[str, str | None]) -> dict[str, str | None]:
    keys = {"source", "wire", "date", "place", "title", "url", "author", "outlet"}
    out = {k: (v.strip() or None) if isinstance(v, str) else v
           for k, v in meta.items() if k in keys}
    if out.get("wire"):
        out["wire"] = _wire(out["wire"]) or out["wire"]
    if out.get("date"):
        out["date"] = normalize_date(out["date"])
    return out


# ---------------------------------------------------------------- the outlet's name

UNKNOWN_OUTLET = "unknown outlet ({})"
# Credit lines in the body that name the outlet carrying the text.
_BODY_CREDITS = (
    # "(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)"
    re.compile(r"^\W*This\s+(?:story|article|report)\s+has\s+not\s+been\s+edited\s+by\s+"
               r"(?P<outlet>[A-Z][\w&.'’ -]{0,40}?)\s+staff\b", re.I),
    # "Copyright © 2025 The Example Post. All rights reserved." / "© Example Post 2025"
    re.compile(r"^\W*(?:copyright\s*)?©\s*(?:\d{4}\s+)?(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)"
               r"(?:[ ,]+\d{4})?\.?(?:\s+all\s+rights\s+reserved\.?)?\s*$", re.I),
)
_EDGE_LINES = 3  # body lines read at either end for an outlet or credit line
# A run of capitalised words, which may name the outlet a URL's host spells ("The Hindu").
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w&'’.-]*){0,4}")
_NAME_SCAN = 20_000  # characters of text searched for the host's name
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//(?:[^@/?#]*@)?(?P<host>[^/?#:\s]+)", re.I)
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}


def unknown_outlet(name: str) -> str:
    """The one form used when no outlet is known: ``unknown outlet (<file name>)``."""
    return UNKNOWN_OUTLET.format(name)


def _outlet_in_body(text: str, body: list[tuple[int, int]]) -> str | None:
    """An outlet named by a line of its own, a byline or a credit near either end of the body."""
    edge = body[:_EDGE_LINES] + body[max(_EDGE_LINES, len(body) - _EDGE_LINES):]
    for s, e in edge:
        if e - s > MAX_HEADER_LINE:
            continue
        line = text[s:e].strip()
        b = _BYLINE.match(line)
        if b and b.group("outlet") and _OUTLET.match(b.group("outlet")):
            return b.group("outlet")
        if len(body) > 1 and _OUTLET.match(line.rstrip(".")):
            return line.rstrip(".")
        for pattern in _BODY_CREDITS:
            m = pattern.match(line)
            if m:
                return m.group("outlet").strip(" .")
    return None


@lru_cache(maxsize=1)
def _known_hosts() -> dict[str, str]:
    """Well-known hosts and the names their outlets use (``data/outlet_hosts.tsv``)."""
    ref = resources.files("divergence") / "data" / "outlet_hosts.tsv"
    out = {}
    for line in ref.read_text("utf-8").splitlines():
        host, _, name = line.partition("\t")
        if host.strip() and not host.startswith("#") and name.strip():
            out[host.strip().lower()] = name.strip()
    return out


def known_outlets() -> frozenset[str]:
    """The names well-known outlets use ("AFP", "Al Jazeera"), from ``data/outlet_hosts.tsv``."""
    return frozenset(_known_hosts().values())


def host_of(url: str | None) -> str | None:
    """The readable host of ``url`` ("https://www.hindustantimes.com/x" -> "hindustantimes.com")."""
    if not url or not url.strip():
        return None
    u = url.strip()
    m = _HOST.match(u if "//" in u else "//" + u)
    host = m.group("host").lower().rstrip(".") if m else ""
    changed = True
    while changed:
        changed = False
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host, changed = host[len(prefix):], True
    if not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", host) or host.replace(".", "").isdigit():
        return None
    return host


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _named_in_text(label: str, text: str) -> str | None:
    """The capitalised words of ``text`` that spell the host's ``label`` ("thehindu" ->
    "The Hindu", "daijiworld" -> "Daijiworld")."""
    if len(label) < 3:
        return None
    for m in _NAME_RUN.finditer(text, 0, min(len(text), _NAME_SCAN)):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if _squash(" ".join(words[i:j])) == label:
                    return " ".join(words[i:j]).rstrip(".’'")
    return None


def host_name(url: str | None, text: str = "") -> str | None:
    """The outlet behind ``url``: a well-known host's name, else the name the text spells from
    the host ("thehindu.com" and "... The Hindu ..."), else the readable host itself."""
    host = host_of(url)
    if host is None:
        return None
    parts = host.split(".")
    known = _known_hosts()
    for i in range(len(parts) - 1):  # the longest known suffix: "edition.cnn.com" -> cnn.com
        name = known.get(".".join(parts[i:]))
        if name:
            return name
    label = parts[-3] if len(parts) > 2 and parts[-2] in _SECOND_LEVEL else parts[-2]
    return _named_in_text(label, text) or host


def source_name(head: Header, text: str, name: str, *, source: str | None = None,
                url: str | None = None, wire: str | None = None) -> str:
    """The outlet an article is from, as people name it.

    In order: an explicit ``source`` (JSONL field, HTML site name), the header block or outlet
    line, the URL's host, the wire credit, an outlet named in a byline or credit line of the
    text; when none is known, ``unknown outlet (<name>)``.

    Args:
        head: what ``parse_header`` found in ``text``.
        name: what the article is called when no outlet is known (its file name).
        url, wire: given from elsewhere (JSONL, HTML metadata); they win over the header's.
    """
    for found in (source, head.source, host_name(url or head.url, text),
                  _wire(wire) or wire or head.wire, head.outlet):
        if found and found.strip():
            return found.strip()
    return unknown_outlet(name)
