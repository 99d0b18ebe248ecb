"""Text from articles and users made inert for terminals, Markdown, HTML and messages.

Article text, metadata, notes and reviewer names can carry control characters: an ESC sequence
in a source line would recolour, retitle or clear the terminal of whoever reads the review list,
and a bidi override would make a note read differently from what it says. Every renderer passes
such text through ``inert`` (control characters shown escaped, ``\\x1b``), and the command line
and the review page bound notes and reviewer names with the same checks (``check_note``,
``check_reviewer``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import DivergenceError

__all__ = ["MAX_NOTE", "MAX_REVIEWER", "check_note", "check_reviewer", "clip", "inert",
           "json_dumps_safe", "path_text", "unicode_safe"]

MAX_NOTE = 2000  # characters in a verdict's note, on the command line and on the page
MAX_REVIEWER = 100  # characters in a reviewer's name

# C0 and C1 controls and DEL, the bidi embeddings, overrides and isolates, and the line and
# paragraph separators: everything that moves the cursor, starts an escape sequence or reorders
# what a reader sees.
_MARKS = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_MARKS}]")
_CONTROL_KEEP_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_MARKS}]")  # not \t, \n
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_MARKS}]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str, keep_lines: bool = False) -> str:
    """``text`` with every control character shown escaped (ESC becomes the four characters
    ``\\x1b``), so printing it cannot move the cursor, restyle or retitle a terminal.

    Args:
        keep_lines: keep newlines and tabs as they are (multi-line output such as a list or a
            summary); otherwise they are escaped too.
    """
    pattern = _CONTROL_KEEP_LINES if keep_lines else _CONTROL
    return pattern.sub(_escape, text) if pattern.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_safe(s: str) -> str:
    """``s`` with lone surrogates replaced by "?": a JSON "\\ud800" escape or an undecodable
    command-line byte gives one, and UTF-8 cannot write it (hashing or saving would fail)."""
    return s.encode("utf-8", "replace").decode("utf-8") if _SURROGATE.search(s) else s


def path_text(path: str) -> str:
    """A file's path as text that UTF-8 can write: bytes of a name that are not UTF-8 (which
    Python reads as lone surrogates) shown as ``\\xff`` escapes, as ``ls -b`` shows them, so the
    report, the claims files and the corpus can name the file."""
    if not _SURROGATE.search(path):
        return path
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no undecodable byte gives (a JSON "\\ud800")
        return unicode_safe(path)
    return raw.decode("utf-8", "backslashreplace")


def clip(text: str, width: int = 80) -> str:
    """``text`` inert and cut to ``width`` characters, saying how long it was: for messages that
    quote an id or value a user gave."""
    if len(text) <= width:
        return inert(text)
    return f"{inert(text[:width])}… ({len(text):,} characters)"


def json_dumps_safe(doc: Any, **kwargs: Any) -> str:
    """``json.dumps`` with UTF-8 kept readable but DEL, C1 controls and bidi marks as ``\\u``
    escapes (``ensure_ascii=False`` writes them raw, and some terminals obey C1 controls)."""
    text = json.dumps(doc, ensure_ascii=False, **kwargs)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _controls(text: str, allowed: str = "") -> list[str]:
    return sorted({c for c in _CONTROL.findall(text) if c not in allowed})


def check_note(note: str | None) -> str | None:
    """A verdict's note as stored: stripped, None when empty.

    Raises:
        DivergenceError: longer than ``MAX_NOTE`` characters, or holding control characters other
            than newlines and tabs.
    """
    if note is None or not note.strip():
        return None
    note = unicode_safe(note.strip())  # a byte the terminal gave that is not UTF-8: "?"
    if len(note) > MAX_NOTE:
        raise DivergenceError(f"a note holds at most {MAX_NOTE:,} characters (this one has "
                              f"{len(note):,}); shorten it")
    bad = _controls(note, allowed="\n\t")
    if bad:
        raise DivergenceError(f"a note cannot hold control characters ({inert(''.join(bad))}); "
                              "remove them")
    return note


def check_reviewer(name: str, fix: str = "give another --reviewer NAME") -> str:
    """A reviewer's name as stored: stripped, one line, at most ``MAX_REVIEWER`` characters.
    ``fix`` ends the message: what to do instead (the option, or the variable that named it).

    Raises:
        DivergenceError: empty, too long, or holding control characters.
    """
    name = unicode_safe(name.strip())
    if not name:
        raise DivergenceError("a verdict needs a reviewer name; give --reviewer NAME")
    if len(name) > MAX_REVIEWER:
        raise DivergenceError(f"a reviewer name holds at most {MAX_REVIEWER} characters (this "
                              f"one has {len(name):,}); {fix}")
    bad = _controls(name)
    if bad:
        raise DivergenceError(f"a reviewer name cannot hold control characters "
                              f"({inert(''.join(bad))}); {fix}")
    return name
