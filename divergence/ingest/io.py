"""Reading articles (text, Markdown, JSONL, HTML, folders, stdin), claims files, atomic writes.

Loaders repair what they can, skip what they cannot (returning a ``Skip`` that says where and
why) and never raise for one bad article; only a path that does not exist, or a folder with no
article files, raises. An article longer than ``max_article_size()`` characters is skipped with a
message saying how to raise the limit, so one huge input cannot stall a run; a skip's text has
its control characters escaped, so printing it is safe.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import DivergenceError
from ..records import Article, Skip
from .files import SAFE_ID, atomic_write, atomic_write_all, dumps_jsonl, read_claims, write_claims
from .headers import WIRES, normalize_date, parse_header, source_name
from .markdown import MARKDOWN_EXT, plain_text
from .repeats import FOLDER_NOTES, GIVEN_TWICE, Paths, article_id, dedupe, lost, stdin_once
from .repeats import safe_skip as _safe_skip
from .textsafe import clip, inert, path_text, unicode_safe

TEXT_EXT = {".txt", ".text", *MARKDOWN_EXT}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
HTML_EXT = {".html", ".htm", ".xhtml"}
ARTICLE_EXT = TEXT_EXT | JSONL_EXT | HTML_EXT
MAX_ARTICLE_SIZE = 500_000  # characters of one article's text (about 80,000 words)
MAX_INPUT_BYTES = 1 << 30  # bytes read from one file or stream (stdin, a pipe): 1 GB
MAX_ARTICLE_SIZE_ENV = "DIVERGENCE_MAX_ARTICLE_SIZE"
_HTML_FACTOR = 10  # an HTML page may be this many times the article limit, markup included


def max_article_size() -> int:
    """The longest article text read, in characters: ``$DIVERGENCE_MAX_ARTICLE_SIZE`` (set by
    ``report --max-article-size``), else ``MAX_ARTICLE_SIZE``.

    Raises:
        DivergenceError: the variable is set but not a positive whole number.
    """
    raw = os.environ.get(MAX_ARTICLE_SIZE_ENV, "").strip()
    if not raw:
        return MAX_ARTICLE_SIZE
    # ASCII digits, grouped by "," or "_" in threes or not at all ("²" and "1,,0" are no size)
    if not _WHOLE.fullmatch(raw) or int(raw.replace(",", "").replace("_", "")) < 1:
        raise DivergenceError(f"${MAX_ARTICLE_SIZE_ENV} must be a positive number of "
                              f"characters, got {clip(raw, 40)!r}")
    return int(raw.replace(",", "").replace("_", ""))


_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:_[0-9]{3})+")


def _too_long(where: str, size: int, limit: int) -> Skip:
    return Skip(where, f"article of {size:,} characters, over the limit of {limit:,}; raise it "
                       f"with --max-article-size N (or ${MAX_ARTICLE_SIZE_ENV}) to read it")


# ---------------------------------------------------------------- loading


def load(paths: Paths, stdin: IO[bytes] | None = None) -> tuple[list[Article], list[Skip]]:
    """Read every article under ``paths`` ("-" is stdin; one path may stand alone); return the
    articles and what was skipped.

    The same text read twice is one article; a second article that reuses an id is skipped.

    Raises:
        DivergenceError: a path is empty or does not exist, or a folder holds no article files.
    """
    articles: list[Article] = []
    paths, skipped = stdin_once(paths)
    for p in paths:
        for art_or_skip in read_source(p, stdin):
            (articles if isinstance(art_or_skip, Article) else skipped).append(art_or_skip)
    unique, repeated = dedupe(articles)
    return unique, skipped + repeated


def read_source(p: str, stdin: IO[bytes] | None = None) -> Iterator[Article | Skip]:
    """The articles (and skips) of one path, folder (recursively) or ``-`` for stdin, in order,
    without ``load``'s removal of repeated articles (engines that read elsewhere dedupe later)."""
    if p == "-":
        stream = stdin or getattr(sys.stdin, "buffer", None)
        if stream is None:
            yield Skip("<stdin>", "there is no standard input to read")
            return
        data = _read_at_most(stream, "<stdin>")
        if isinstance(data, Skip):
            yield data
            return
        for item in _from_bytes("<stdin>", data, kind=_sniff(data)):
            yield _safe_skip(item) if isinstance(item, Skip) else item
        return
    path = Path(p)
    if not path.exists():
        raise DivergenceError(missing(path), where=inert(p))
    if path.is_dir():
        files, skipped = folder_entries(path)
        read = len(skipped)  # and files that are not divergence's own output (a report, claims)
        for entry in skipped:
            yield entry_skip(entry)
        for f in files:  # each opened once: the own-output test reads its bytes
            data = _read_bytes(f)
            if isinstance(data, bytes) and own_output(data):
                continue
            read += 1
            yield from _file_items(f, data)
        if not read:
            raise no_articles(p)
        return
    yield from read_file(path)


def folder_entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """A folder's article files and the entries among them that are no articles (a README, a
    link to a missing target or in a loop, a named pipe: each a skip), both sorted, in one
    walk: an article extension, no hidden part in the path below ``folder``."""
    files: list[Path] = []
    skipped: list[Path] = []
    for f in folder.rglob("*"):
        if not picked(f, folder):
            continue
        if f.is_file() and not _FOLDER_NOTES.fullmatch(f.stem):
            files.append(f)
        elif not f.is_dir():  # notes, a link leading nowhere, a named pipe, a socket, a device
            skipped.append(f)
    return sorted(files), sorted(skipped)


def picked(path: Path, folder: Path) -> bool:
    """Whether a walk of ``folder`` reads ``path`` (a path below it): an article extension, no
    hidden part below the folder."""
    return path.suffix.lower() in ARTICLE_EXT and not any(
        part.startswith(".") for part in path.relative_to(folder).parts)


def entry_skip(entry: Path) -> Skip:
    """The skip of a folder's entry that is no article: its README or licence, a symbolic link
    that leads nowhere, or a named pipe, socket or device (a pipe may wait for a writer for
    ever). Each is read when named on the command line."""
    if entry.is_file():  # said so: a README in a folder is no input --strict counts as lost
        return _safe_skip(Skip(str(entry), FOLDER_NOTES))
    if entry.exists():
        return _safe_skip(Skip(str(entry), "not a regular file (a named pipe, socket or "
                                           "device); give it by name to read it"))
    return _safe_skip(Skip(str(entry), missing(entry)))


# A folder's notes about itself, not an article: README.md, LICENSE.txt, CHANGELOG.md (the stem,
# as a whole: "changes-to-visa-rules.txt" is an article).
_FOLDER_NOTES = re.compile(r"(?:readme|licen[cs]e|copying|changelog|changes|contributing)"
                           r"(?:[._-][a-z]{2})?", re.I)  # README, README.fr, LICENSE-en


def own_output_file(path: Path) -> bool:
    """Whether the file at ``path`` is divergence's own output, by its first bytes (False when it
    cannot be read: reading it says why)."""
    try:
        with path.open("rb") as f:
            return own_output(f.read(_OWN_HEAD))
    except OSError:
        return False


def no_articles(folder: str) -> DivergenceError:
    """The error for a folder with no article files in it."""
    exts = ", ".join(sorted(ARTICLE_EXT))
    return DivergenceError(f"folder holds no article files (looked for {exts})",
                           where=inert(folder))


def own_output(data: bytes) -> bool:
    """Whether ``data`` (a file's bytes, or at least its first kilobyte) is a report or claims
    file divergence wrote: skipped when a folder is read."""
    return bool(_OWN_OUTPUT.match(data[:_OWN_HEAD]))


# What divergence itself writes, by its opening bytes: a report (md, html, json), a score and a
# claims file (one claim a line, "id": "<article>:<n>", "article_id"). Read again as articles, a
# second `report .` would compare the first run's output with the articles.
_OWN_OUTPUT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:# Divergence report\n|<!doctype html>.{0,400}?<title>Divergence report"
    rb"|\{\"id\": \"[^\"]*:\d+\", \"article_id\": "
    rb"|\{\s{0,8}\"schema\": \"divergence\.)", re.S)  # a JSON report or score
_OWN_HEAD = 1024  # bytes of a file the own-output test reads


def read_file(path: Path) -> Iterator[Article | Skip]:
    """The articles (and skips) of one file, without removing repeated articles."""
    yield from _file_items(path, _read_bytes(path))


def _read_bytes(path: Path) -> bytes | Skip:
    """The bytes of ``path``, or a Skip that says why it cannot be read. A device is not read:
    /dev/zero never ends, and reading it filled the memory until the process was killed; a
    named pipe (``<(command)``, /dev/stdin fed by one) is read to its end, as ``-`` is."""
    try:
        st = path.stat()
        mode = st.st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            return Skip(str(path), "a device, not a file: give files, folders, or - to read "
                                   "standard input")
        if stat.S_ISREG(mode):
            if st.st_size > MAX_INPUT_BYTES:
                return _too_big(str(path))
            return path.read_bytes()
        with path.open("rb") as f:  # a named pipe: read to its end, as far as the bound
            return _read_at_most(f, str(path))
    except OSError as e:
        return Skip(str(path), f"cannot read: {e.strerror or e}")


def _read_at_most(stream: IO[bytes], where: str, block: int = 1 << 20) -> bytes | Skip:
    """All of ``stream``, or a Skip when it holds more than ``MAX_INPUT_BYTES``: an endless
    pipe (``yes | divergence report -``) filled the memory until the process was killed. Read a
    block at a time: ``read(MAX_INPUT_BYTES + 1)`` would reserve the whole bound at once."""
    parts: list[bytes] = []
    total = 0
    while chunk := stream.read(block):
        total += len(chunk)
        if total > MAX_INPUT_BYTES:
            return _too_big(where)
        parts.append(chunk)
    return b"".join(parts)


def _too_big(where: str) -> Skip:
    return Skip(where, f"more than {MAX_INPUT_BYTES >> 20:,} MB in one input; split it into "
                       "files (a folder of them, or JSONL files of fewer articles)")


def _file_items(path: Path, data: bytes | Skip) -> Iterator[Article | Skip]:
    """The articles (and skips) in ``data``, read from ``path`` (its extension names the kind)."""
    if isinstance(data, Skip):
        yield _safe_skip(data)
        return
    ext = path.suffix.lower()
    kind = "jsonl" if ext in JSONL_EXT else "html" if ext in HTML_EXT else (
        "markdown" if ext in MARKDOWN_EXT else "text" if ext in TEXT_EXT else _sniff(data))
    for item in _from_bytes(str(path), data, kind):
        yield _safe_skip(item) if isinstance(item, Skip) else item


def _sniff(data: bytes) -> str:
    """Guess "jsonl", "html", "markdown" or "text" from the bytes of a file with no telling
    extension (or stdin)."""
    head = data.removeprefix(codecs.BOM_UTF8)[:512].lstrip().lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"[") and _is_json(data):  # a JSON array; "[Updated] ..." is text
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in data[:4096].lower():
        return "html"
    if re.match(rb"(?:---|\+\+\+)[ \t]*\r?\n|#{1,6}[ \t]", head):  # front matter, a heading
        return "markdown"
    return "text"


# What json.loads raises on text that is no JSON for us: a syntax error, an integer of more than
# 4,300 digits (ValueError), nesting deeper than the interpreter's stack (RecursionError).
_NOT_JSON = (ValueError, RecursionError)


def _is_json(data: bytes) -> bool:
    """Whether the first line, or the whole of ``data``, parses as JSON."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    for candidate in (text.split("\n", 1)[0], text):
        try:
            json.loads(candidate)
            return True
        except _NOT_JSON:
            pass
    return False


def _declared_charset(page: bytes) -> str | None:
    """An HTML page that is not UTF-8, read in the charset its head declares
    (``<meta charset="windows-1252">``), or None when it declares none or does not decode."""
    m = re.search(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})",
                  page[:8192], re.I)
    if m is None:
        return None
    try:
        return page.decode(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _decode(where: str, data: bytes, html: bool = False) -> str | Skip:
    if not data.strip():
        return Skip(where, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Skip(where, "starts like UTF-16 text but does not decode; re-save it as UTF-8")
    if b"\x00" in data[:8192]:
        return Skip(where, "binary file (NUL bytes); expected UTF-8 text, JSONL or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        declared = _declared_charset(data) if html else None
        if declared is not None:
            return declared
        line = data[: e.start].count(b"\n") + 1
        return Skip(f"{where}:{line}", f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset "
                                       f"{e.start}); re-save the file as UTF-8")


def _from_bytes(where: str, data: bytes, kind: str) -> Iterator[Article | Skip]:
    text = _decode(where, data, html=kind == "html")
    if isinstance(text, Skip):
        yield text
        return
    if kind == "jsonl":
        yield from _from_jsonl(where, text)
    elif kind == "html":
        yield _from_html(where, text)
    elif kind == "markdown" and len(text) <= max_article_size():  # over it: skipped as text
        # its id hashes the file as written, as before it was converted: a corpus that stored
        # it then knows it again
        yield make_article(plain_text(text), path=where, id=article_id(_normalized(text)))
    else:
        yield make_article(text, path=where)


def make_article(text: str, path: str, limit: int | None = None,
                 **fields: str | None) -> Article | Skip:
    """Build an article from raw text, finding header metadata; ``fields`` override what is found.
    A text longer than ``limit`` characters (``max_article_size()`` unless given) is a skip.

    The id is a content hash of ``text`` unless ``fields`` gives one (it names the claims file, so
    it must be a plain file name: letters, digits, ``.``, ``_``, ``-``; at most 64).
    """
    text, path = _normalized(text), path_text(path)
    fields = {k: unicode_safe(v) if isinstance(v, str) else v for k, v in fields.items()}
    if not text.strip():
        return Skip(path, "empty article text")
    limit = max_article_size() if limit is None else limit
    if len(text) > limit:
        return _too_long(path, len(text), limit)
    aid = fields.get("id") or article_id(text)
    if not SAFE_ID.fullmatch(aid):
        return Skip(path, f"id {clip(aid)!r} cannot name a claims file; use letters, digits, "
                          "'.', '_' or '-' (at most 64), or leave id out for a content hash")
    head = parse_header(text, title=fields.get("title"))
    if not head.body:
        return Skip(path, "no article body after the header lines")
    return Article(
        id=aid,
        path=path,
        text=text,
        source=source_name(head, text, _name_from_path(path), source=fields.get("source"),
                           url=fields.get("url"), wire=_wire(fields.get("wire"))),
        wire=_wire(fields.get("wire")) or head.wire,
        date=normalize_date(fields.get("date")) or head.date,
        place=fields.get("place") or head.place,
        title=fields.get("title") or head.title,
        url=fields.get("url") or head.url,
        body=head.body,
    )


def _normalized(text: str) -> str:
    """An article's text as it is kept and hashed: safe Unicode, newlines as ``\\n``."""
    return unicode_safe(text).replace("\r\n", "\n").replace("\r", "\n")


def _wire(value: str | None) -> str | None:
    return (WIRES.get(value.strip().upper()) or value.strip()) if value and value.strip() else None


def _name_from_path(path: str) -> str:
    """What an article without a known outlet is called: its file name without the extension,
    with the line (and column) numbers of a JSONL item ("feed.jsonl:3" -> "feed:3")."""
    m = re.search(r"(?::\d+)+$", path)
    tail = m.group(0) if m else ""
    stem = Path(path[: len(path) - len(tail)]).stem
    return (stem or "text") + tail


_JSONL_FIELDS = ("id", "source", "date", "title", "url", "wire")


def _from_jsonl(where: str, text: str) -> Iterator[Article | Skip]:
    whole = _whole_json(text)
    if whole is not None:  # a pretty-printed object or an array: read it, do not fail each line
        for n, obj in whole:
            yield _from_json_obj(f"{where}:{n}", obj)
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        loc = f"{where}:{n}"
        try:
            obj = json.loads(line)
        except _NOT_JSON as e:
            why = (f"{e.msg.removesuffix(' at')} at column {e.colno}"  # "starting at" + "at"
                   if isinstance(e, json.JSONDecodeError)
                   else "nested too deep" if isinstance(e, RecursionError)
                   else "a number too long to read")  # over 4,300 digits
            yield Skip(loc, f"not valid JSON ({why}); expected one JSON object per line with "
                            'a "text" field')
            continue
        if isinstance(obj, list) and any(isinstance(i, dict) for i in obj):
            # an array of articles on one line: its items, as when spread over several lines
            for col, item in _array_items(line, obj):
                yield _from_json_obj(f"{loc}:{col}", item)
            continue
        yield _from_json_obj(loc, obj)


def _whole_json(text: str) -> list[tuple[int, Any]] | None:
    """(line, value) pairs when ``text`` is one JSON object or array spread over several lines."""
    start = len(text) - len(text.lstrip())
    if "\n" not in text.strip() or not text.startswith(("[", "{"), start):
        return None
    try:
        json.loads(text[start:].splitlines()[0])
        return None  # the first line stands alone: this is JSON Lines
    except _NOT_JSON:
        pass
    try:
        doc = json.loads(text)
    except _NOT_JSON:
        return None
    if not isinstance(doc, list):
        return [(text.count("\n", 0, start) + 1, doc)]
    # Find where each item starts, so a bad item is reported at its own line.
    dec, out, pos = json.JSONDecoder(), [], start + 1
    for _ in doc:
        pos = _skip(text, pos, " \t\r\n,")
        obj, end = dec.raw_decode(text, pos)
        out.append((text.count("\n", 0, pos) + 1, obj))
        pos = end
    return out


def _array_items(line: str, doc: list[Any]) -> list[tuple[int, Any]]:
    """(column, item) for each item of the JSON array ``doc`` read from one ``line``."""
    dec, out = json.JSONDecoder(), []
    pos = _skip(line, 0, " \t") + 1
    for _ in doc:
        pos = _skip(line, pos, " \t\r\n,")
        obj, end = dec.raw_decode(line, pos)
        out.append((pos + 1, obj))
        pos = end
    return out


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _from_json_obj(loc: str, obj: Any) -> Article | Skip:
    if not isinstance(obj, dict):
        return Skip(loc, f"expected a JSON object with a \"text\" field, got {_json_type(obj)}")
    if "text" not in obj:
        return Skip(loc, 'missing "text" (need text; optional id, source, date, title, url)')
    body = obj["text"]
    if not isinstance(body, str) or not body.strip():
        got = "an empty string" if isinstance(body, str) else _json_type(body)
        return Skip(loc, f'"text" must be the article as a non-empty string, got {got}')
    if obj.get("id") is not None and not _scalar(obj["id"]):  # as a hash the user never chose
        return Skip(loc, f'"id" must be a string or a number, got {_json_type(obj["id"])}; fix '
                         "it or leave it out")
    named = {k: v.get("name") if isinstance(v, dict) else v for k, v in obj.items()}
    fields = {k: str(named[k]).strip() for k in _JSONL_FIELDS  # {"source": {"name": "BBC"}}
              if _scalar(named.get(k)) and str(named[k]).strip()}  # (NewsAPI) reads "BBC"
    return make_article(body, path=loc, **fields)


def _scalar(value: Any) -> bool:
    """A JSON string or number (not a boolean), which a header field may be."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _json_type(obj: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null",
             int: "a number", float: "a number", dict: "an object"}
    return names.get(type(obj), type(obj).__name__)


def _from_html(where: str, html: str) -> Article | Skip:
    limit = max_article_size() * _HTML_FACTOR
    if len(html) > limit:  # extraction would take minutes; the text would be over the limit
        return Skip(where, f"HTML page of {len(html):,} characters, over the limit of "
                           f"{limit:,} ({_HTML_FACTOR} x the article limit); raise it with "
                           f"--max-article-size N (or ${MAX_ARTICLE_SIZE_ENV}) to read it")
    try:
        import trafilatura
    except Exception as e:  # noqa: BLE001 - a broken install must not become a traceback
        return Skip(where, f"reading HTML needs trafilatura, which failed to import ({_first(e)}); "
                           f"{_install_hint(e)}")
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # noqa: BLE001 - one bad page is a skip, not a crash
        return Skip(where, f"could not extract text from the HTML ({_first(e)})")
    if doc is None:
        return Skip(where, "no article text found in the HTML")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        return Skip(where, "no article text found in the HTML")
    fields = {"title": get("title"), "date": get("date"), "source": get("sitename"),
              "url": get("url")}
    return make_article(text, path=where, **{k: str(v) for k, v in fields.items() if v})


def _first(e: BaseException) -> str:
    msg = str(e).strip().splitlines()
    return f"{type(e).__name__}: {msg[0][:160]}" if msg else type(e).__name__


def _install_hint(e: BaseException) -> str:
    """The pip command that most likely fixes a failed import."""
    text = str(e)
    if "lxml_html_clean" in text or "lxml.html.clean" in text:
        return "pip install lxml_html_clean"
    name = getattr(e, "name", None)
    pkg = name.split(".")[0] if isinstance(name, str) and name else "trafilatura"
    return f"pip install {pkg}"


def missing(path: Path) -> str:
    """Why an input path cannot be read: not there, or a link that leads nowhere."""
    if path.is_symlink():
        return "a symbolic link that leads nowhere (a missing target, or a loop)"
    return "no such file or folder"


__all__ = ["GIVEN_TWICE", "atomic_write", "atomic_write_all", "dedupe", "dumps_jsonl",
           "entry_skip", "folder_entries", "load", "lost", "make_article", "max_article_size",
           "missing", "no_articles", "own_output", "own_output_file", "read_claims", "read_file",
           "read_source", "stdin_once", "write_claims"]
