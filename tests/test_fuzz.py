"""Fuzzing the input edge (issue 13): generated bad inputs through loading and splitting.

Random bytes, text in many encodings, JSON Lines of every shape, tag soup and header lines go
through ``read_source`` (stdin, sniffed) and ``read_file`` (by extension), then every article is
split. Nothing may raise: each input becomes articles or skips, and every claim points at its
own text. ``DIVERGENCE_FUZZ_EXAMPLES`` scales the run (default 2,000 per strategy, half that for
the slow ones: 11,000 inputs in all, under a minute on two cores); the run is derandomised, so CI
sees the same inputs each time.
"""

from __future__ import annotations

import io
import json
import os
import string
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")  # in the dev extra: pip install -e '.[dev]'

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from divergence.ingest.headers import parse_header  # noqa: E402
from divergence.ingest.io import read_file, read_source  # noqa: E402
from divergence.ingest.split import split  # noqa: E402
from divergence.ingest.splitters import RegexSplitter  # noqa: E402
from divergence.records import Article, Skip  # noqa: E402

pytestmark = pytest.mark.slow  # most of a minute: not in the fast subset (-m "not slow")

N = int(os.environ.get("DIVERGENCE_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(max_examples=N, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
FEW = settings(FUZZ, max_examples=max(1, N // 2))  # HTML extraction and pysbd are slower
REGEX = RegexSplitter()

# ---------------------------------------------------------------- strategies

WORDS = ["The", "minister", "said", "ferry", "sank", "on", "Monday", "not", "denied", "U.S.",
         "Mr.", "officials", "port", "(IANS)", "PTI", "Reuters", "—", ";", ",", "but", "while",
         "http://x.com", "said:", "\"", "“", "”", "...", "!", "?", ".", "\t", "  ", "\n", "\n\n",
         "\x1b[31m", "\x00", "\u202e", "\ufeff", "é", "中文", "🙂", "\r\n", "\r", "\x0c", "\u2028"]
HEADER_KEYS = ["source", "date", "title", "url", "wire", "author", "place", "outlet", "byline",
               "x", "http", "Source ", "DATE"]

words = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
text_any = st.text(max_size=400) | words


@st.composite
def header_text(draw: st.DrawFn) -> str:
    """Header blocks, datelines, outlet lines, bylines and credits around a short body."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["kv", "date", "dateline", "outlet", "byline", "title",
                                     "blank", "credit", "spaces"]))
        if kind == "kv":
            lines.append(f"{draw(st.sampled_from(HEADER_KEYS))}:{draw(st.text(max_size=30))}")
        elif kind == "date":
            lines.append(f" date {draw(st.sampled_from(['2025-05-28', '2025-13-99', 'x']))} "
                         f"{draw(words)}")
        elif kind == "dateline":
            lines.append(f"{draw(st.sampled_from(['Washington', 'NEW DELHI', 'Rio de Janeiro']))}"
                         f", {draw(st.sampled_from(['May 28', '28 May 2025', 'Foo 99']))} "
                         f"({draw(st.sampled_from(['IANS', 'Reuters', 'XYZ', '']))}) - "
                         f"{draw(words)}")
        elif kind == "outlet":
            lines.append(f"{draw(st.sampled_from(['Daijiworld Media Network', 'Times of India']))}"
                         f"- {draw(st.sampled_from(['Washington', 'x', '']))} (DD)")
        elif kind == "byline":
            lines.append(f"By {draw(st.text(string.ascii_letters + ' ', max_size=30))}")
        elif kind == "title":
            lines.append(draw(words).title())
        elif kind == "credit":
            lines.append(draw(st.sampled_from(["Based On A PTI Report", "(With inputs from ANI)",
                                               "-- PTI", "(IANS)", "Source: agencies"])))
        elif kind == "spaces":  # long runs that once made the header regexes quadratic
            lines.append("a:" + " " * draw(st.integers(0, 3000)) + draw(st.text(max_size=5)))
        else:
            lines.append("")
    lines.append(draw(words))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", " (IANS)", ". -- PTI"]))


json_scalar = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
               | st.text(max_size=40))
json_value = st.recursive(json_scalar, lambda kids: st.lists(kids, max_size=4)
                          | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=12)


@st.composite
def article_object(draw: st.DrawFn) -> object:
    """An object that is nearly an article: text of any type, ids of any shape, extra keys."""
    obj = draw(st.dictionaries(st.sampled_from(["id", "source", "date", "title", "url", "wire",
                                                "other"]), json_value, max_size=4))
    if draw(st.booleans()):
        obj["text"] = draw(st.one_of(header_text(), words, json_value))
    if draw(st.booleans()):
        obj["id"] = draw(st.sampled_from(["a", "../x", "x" * 5000, "", "a b", "é", 5]))
    return obj if draw(st.integers(0, 9)) else draw(json_value)


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """JSON Lines, one-line and multi-line arrays, pretty objects, broken lines, blank lines."""
    items = draw(st.lists(article_object(), max_size=6))
    shape = draw(st.sampled_from(["lines", "array", "pretty", "pretty-array", "broken"]))
    if shape == "lines":
        text = "\n".join(json.dumps(i, ensure_ascii=draw(st.booleans())) for i in items)
    elif shape == "array":
        text = json.dumps(items)
    elif shape == "pretty":
        text = json.dumps(items[0] if items else {}, indent=2)
    elif shape == "pretty-array":
        text = json.dumps(items, indent=draw(st.integers(0, 3)))
    else:
        text = "\n".join(json.dumps(i)[: draw(st.integers(0, 50))] for i in items)
    text = draw(st.sampled_from(["", "\ufeff", " \n"])) + text + draw(st.sampled_from(["", "\n"]))
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    """Tag soup: real and broken tags, scripts, entities, unclosed comments."""
    parts = [draw(st.sampled_from(["<!doctype html>", "<html>", "", "<?xml version='1.0'?>"]))]
    for _ in range(draw(st.integers(0, 12))):
        parts.append(draw(st.sampled_from([
            "<body>", "<p>", "</p>", "<article>", "<title>", "</title>", "<script>", "</script>",
            "<!--", "-->", "<div class='x'", ">", "&amp;", "&#0;", "&#x1b;", "<meta name=x>",
            "<h1>", "<br/>", "<table><tr><td>", "\x00", "]]>",
        ])))
        parts.append(draw(words))
    return "".join(parts).encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])),
                                 errors="replace")


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    """Article text in an encoding the reader may or may not accept, with or without a BOM."""
    text = draw(st.one_of(header_text(), words))
    enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                "latin-1", "cp1252", "shift_jis", "utf-32"]))
    data = text.encode(enc, errors="replace")
    if draw(st.booleans()):  # cut mid-character
        data = data[: draw(st.integers(0, len(data)))]
    return data


# ---------------------------------------------------------------- properties


def _check(items: list[Article | Skip]) -> None:
    for item in items:
        assert isinstance(item, (Article, Skip))
        if isinstance(item, Skip):
            assert item.where and item.why
            continue
        n = len(item.text)
        assert all(0 <= s < e <= n for s, e in item.body)
        for c in split(item, REGEX):
            assert item.text[c.start:c.end] == c.text


def _through_stdin(data: bytes) -> list[Article | Skip]:
    return list(read_source("-", io.BytesIO(data)))


def _through_file(tmp: Path, name: str, data: bytes) -> list[Article | Skip]:
    path = tmp / name
    path.write_bytes(data)
    return list(read_file(path))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _check(_through_stdin(data))


@FUZZ
@given(encoded_text())
def test_encodings(data: bytes) -> None:
    _check(_through_stdin(data))


@FUZZ
@given(jsonl_bytes())
def test_jsonl_shapes(data: bytes) -> None:
    _check(_through_stdin(data))


@FUZZ
@given(header_text())
def test_header_lines(text: str) -> None:
    head = parse_header(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert all(0 <= s < e <= len(text) for s, e in head.body)
    _check(_through_stdin(text.encode("utf-8", errors="replace")))


@FEW
@given(st.sampled_from([".txt", ".jsonl", ".html", ".md", ".ndjson", ".dat", ""]),
       st.one_of(st.binary(max_size=500), jsonl_bytes(), html_bytes(), encoded_text()))
def test_any_bytes_under_any_extension(tmp_path_factory: pytest.TempPathFactory, ext: str,
                                       data: bytes) -> None:
    _check(_through_file(tmp_path_factory.getbasetemp(), f"fuzz{ext}", data))


@FEW
@given(html_bytes())
def test_html(data: bytes) -> None:
    _check(_through_stdin(data))


@FEW
@given(st.one_of(header_text(), words))
def test_pysbd_split(text: str) -> None:
    """The default splitter (pysbd) as well, on fewer inputs: it is slower."""
    for item in _through_stdin(text.encode("utf-8", errors="replace")):
        if isinstance(item, Article):
            for c in split(item):
                assert item.text[c.start:c.end] == c.text
