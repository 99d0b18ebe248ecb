"""Loaders (text, JSONL, HTML, folders, stdin), skips for bad input, ids, and atomic writes."""

from __future__ import annotations

import io
import json
import os
import sys
import types
from pathlib import Path

import pytest

from divergence.contract import claim_from_dict, claim_to_dict
from divergence.errors import DivergenceError
from divergence.ingest import io as dio
from divergence.ingest.io import (
    article_id,
    atomic_write,
    atomic_write_all,
    load,
    make_article,
    read_claims,
    read_file,
    write_claims,
)
from divergence.records import Article, Claim, Skip

SEEDS = Path(__file__).parent.parent / "seeds"
INPUTS = Path(__file__).parent / "data" / "inputs"
ARTICLE = "Washington, May 28 (IANS) Officials met on Wednesday.\n\nThey agreed to meet again.\n"


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _trafilatura_works() -> bool:
    try:
        import trafilatura  # noqa: F401
    except Exception:  # noqa: BLE001 - any failed import means "not usable here"
        return False
    return True


# ---------------------------------------------------------------- ids


def test_article_id_is_a_stable_content_hash() -> None:
    assert article_id(ARTICLE) == article_id(ARTICLE)
    assert article_id(ARTICLE) == article_id(ARTICLE.replace("\n", "  \n") + "\n\n")
    assert article_id(ARTICLE) != article_id(ARTICLE.replace("Wednesday", "Tuesday"))
    assert len(article_id(ARTICLE)) == 16 and int(article_id(ARTICLE), 16) >= 0


def test_seed_ids_are_content_hashes_and_do_not_depend_on_the_path(tmp_path: Path) -> None:
    first, _ = load([str(SEEDS)])
    assert len(first) == 5
    for a in first:
        assert a.id == article_id(a.text)
    copy = _write(tmp_path / "elsewhere.txt", (SEEDS / Path(first[0].path).name).read_bytes())
    (again,), _ = load([str(copy)])
    assert again.id == first[0].id


def test_crlf_text_reads_like_lf(tmp_path: Path) -> None:
    lf = _write(tmp_path / "lf.txt", ARTICLE)
    crlf = _write(tmp_path / "crlf.txt", ARTICLE.replace("\n", "\r\n").encode())
    (a,), _ = load([str(lf)])
    (b,), skipped = load([str(crlf)])
    assert "\r" not in b.text and b.text == a.text and b.id == a.id and b.body == a.body
    assert skipped == []


# ---------------------------------------------------------------- text files and folders


def test_load_text_file_finds_metadata_and_body(tmp_path: Path) -> None:
    (a,), skipped = load([str(INPUTS / "delhi.txt")])
    assert skipped == []
    assert (a.source, a.date, a.wire, a.place) == ("The Example Post", "2025-06-10", "PTI",
                                                   "New Delhi")
    assert a.title == "India and Japan sign a rail agreement"
    assert a.url == "https://example.org/rail"
    assert a.text[a.body[0][0]:].startswith("India and Japan signed")
    assert a.path == str(INPUTS / "delhi.txt")


def test_source_without_an_outlet_is_unknown_with_the_file_name(tmp_path: Path) -> None:
    (a,), _ = load([str(_write(tmp_path / "the-wire.txt", "Officials met on Wednesday."))])
    assert a.source == "unknown outlet (the-wire)"


def test_source_from_the_url_host_then_the_wire(tmp_path: Path) -> None:
    rows = [{"text": "NEW DELHI (Reuters) - Ministers met.", "url": "https://www.thehindu.com/a"},
            {"text": "NEW DELHI (Reuters) - Ministers met on Friday.", "url": "https://www.example-daily.in/b"},
            {"text": "NEW DELHI (Reuters) - Ministers met on Monday."}]
    path = _write(tmp_path / "feed.jsonl", "\n".join(map(json.dumps, rows)) + "\n")
    arts, _ = load([str(path)])
    assert [a.source for a in arts] == ["The Hindu", "example-daily.in", "Reuters"]
    assert {a.wire for a in arts} == {"Reuters"}


def test_folder_is_read_recursively_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Officials met on Wednesday in Delhi.")
    _write(tmp_path / "sub" / "deeper" / "b.md", "Ministers met on Thursday in Tokyo.")
    _write(tmp_path / "sub" / "c.jsonl", json.dumps({"text": "Leaders met on Friday."}) + "\n")
    _write(tmp_path / ".hidden" / "d.txt", "Hidden folder text.")
    _write(tmp_path / ".e.txt", "Hidden file text.")
    _write(tmp_path / "notes.csv", "not,an,article")
    arts, skipped = load([str(tmp_path)])
    assert skipped == []
    assert sorted(Path(a.path.split(":")[0]).name for a in arts) == ["a.txt", "b.md", "c.jsonl"]


def test_missing_path_raises_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(DivergenceError, match=r"nope\.txt: no such file or folder"):
        load([str(missing)])
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")  # a loop: old code said "no such file"
    with pytest.raises(DivergenceError, match=r"a: a symbolic link that leads nowhere"):
        load([str(tmp_path / "a")])


def test_a_dead_link_in_a_folder_is_a_skip(tmp_path: Path) -> None:
    """Old code passed over it in silence (given by name, it is an error)."""
    _write(tmp_path / "in" / "a.txt", ARTICLE)
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "in" / "x.md").symlink_to(tmp_path / "in" / "y.md")
    (tmp_path / "in" / "y.md").symlink_to(tmp_path / "in" / "x.md")  # a loop
    (tmp_path / "in" / "notes.csv").symlink_to(tmp_path / "nowhere.csv")  # not an article file
    arts, skipped = load([str(tmp_path / "in")])
    assert [Path(a.path).name for a in arts] == ["a.txt"]
    why = "a symbolic link that leads nowhere (a missing target, or a loop)"
    assert skipped == [Skip(str(tmp_path / "in" / n), why) for n in ("gone.txt", "x.md", "y.md")]
    assert dio.folder_entries(tmp_path / "in")[0] == [tmp_path / "in" / "a.txt"]
    (tmp_path / "in" / "a.txt").unlink()  # only dead links: skips, not "holds no article files"
    assert load([str(tmp_path / "in")]) == ([], skipped)


def test_folder_without_articles_raises_naming_it(tmp_path: Path) -> None:
    _write(tmp_path / "empty" / "data.csv", "a,b")
    with pytest.raises(DivergenceError, match=r"empty: folder holds no article files"):
        load([str(tmp_path / "empty")])


def test_unknown_extension_given_by_name_is_sniffed(tmp_path: Path) -> None:
    _write(tmp_path / "a.dat", json.dumps({"text": "Officials met.", "source": "X"}) + "\n")
    _write(tmp_path / "b.dat", ARTICLE)
    arts, _ = load([str(tmp_path / "a.dat"), str(tmp_path / "b.dat")])
    assert [a.source for a in arts] == ["X", "IANS"]  # b: the wire credit of its dateline
    assert arts[0].path.endswith("a.dat:1")


def test_same_text_twice_is_read_once(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", ARTICLE)
    b = _write(tmp_path / "b.txt", ARTICLE)
    arts, skipped = load([str(a), str(b)])
    assert len(arts) == 1
    assert skipped == [Skip(str(b), f"same text as {a}; read once")]
    arts, skipped = load([str(a), str(a)])  # not "same text as itself"
    assert len(arts) == 1 and skipped == [Skip(str(a), "given twice; read once")]


# ---------------------------------------------------------------- bad bytes


@pytest.mark.parametrize(("data", "where", "why"), [
    (b"", "x.txt", "empty file"),
    (b"  \n\n\t \n", "x.txt", "empty file"),
    (b"abc\x00\x01\x02def", "x.txt", "binary file"),
    (b"Line one is fine.\nCaf\xe9 owners met.\n", "x.txt:2", "not UTF-8 text (byte 0xe9"),
    (b" date 2025-05-28 \n\n", "x.txt", "no article body after the header lines"),
])
def test_bad_bytes_are_skipped_with_where_and_why(tmp_path: Path, data: bytes, where: str,
                                                  why: str) -> None:
    path = _write(tmp_path / "x.txt", data)
    arts, skipped = load([str(path)])
    assert arts == []
    (skip,) = skipped
    assert skip.where == str(tmp_path / where)
    assert why in skip.why


def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path: Path) -> None:
    """Old code skipped it as "not UTF-8"; a page's head says its encoding. A text file, and a
    page that declares nothing, still must be UTF-8."""
    body = ("<p>A blast hit the caf\xe9 in the capital on Sunday, killing 12 people, officials "
            "said. Rescuers searched the rubble through the night.</p>")
    page = _write(tmp_path / "p.html", (f'<html><head><meta charset="windows-1252"></head>'
                                        f"<body><article>{body}</article></body></html>"
                                        ).encode("latin-1"))
    bare = _write(tmp_path / "q.html", f"<html><body>{body}</body></html>".encode("latin-1"))
    arts, skipped = load([str(page), str(bare)])
    assert [a.path for a in arts] == [str(page)] and "café" in arts[0].text
    assert [s.where for s in skipped] == [str(bare) + ":1"] and "not UTF-8" in skipped[0].why


def test_utf8_bom_is_dropped_and_utf16_is_repaired(tmp_path: Path) -> None:
    bom = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    u16 = _write(tmp_path / "u16.txt", ARTICLE.replace("met", "gathered").encode("utf-16"))
    arts, skipped = load([str(bom), str(u16)])
    assert skipped == []
    assert arts[0].text == ARTICLE and arts[0].wire == "IANS"
    assert arts[1].text.startswith("Washington, May 28 (IANS) Officials gathered")


def test_unreadable_file_is_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.txt", ARTICLE)

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    arts, skipped = load([str(path)])
    assert arts == []
    assert skipped == [Skip(str(path), "cannot read: Permission denied")]


# ---------------------------------------------------------------- JSONL


def test_jsonl_fields_and_line_numbers(tmp_path: Path) -> None:
    rows = [
        {"id": "wire-1", "text": "Officials met on Wednesday.", "source": "Wire Daily",
         "date": "May 28, 2025", "title": "Talks", "url": "https://example.org/1", "wire": "pti"},
        {"text": "NEW DELHI (Reuters) - Ministers met on Thursday."},
    ]
    path = _write(tmp_path / "feed.jsonl", "\n" + "\n".join(map(json.dumps, rows)) + "\n\n")
    (a, b), skipped = load([str(path)])
    assert skipped == []
    assert (a.id, a.source, a.date, a.title, a.url, a.wire) == (
        "wire-1", "Wire Daily", "2025-05-28", "Talks", "https://example.org/1", "PTI")
    assert a.path == f"{path}:2" and b.path == f"{path}:3"
    assert b.id == article_id(rows[1]["text"])
    (c,), _ = load([str(_write(tmp_path / "n.jsonl", '{"id": 7, "date": null, "text": "Met."}'))])
    assert c.id == "7" and c.date is None  # a number is a fine id; null is a field left out
    newsapi = ('{"source": {"id": null, "name": "BBC News"}, "wire": true, "title": ["x"], '
               '"text": "Ministers met."}')
    (d,), skipped = load([str(_write(tmp_path / "api.jsonl", newsapi))])
    assert skipped == [] and d.source == "BBC News"  # NewsAPI's source object: its name
    assert d.wire is None and d.title is None  # other shapes are no value, as before
    assert (b.source, b.wire, b.place) == ("Reuters", "Reuters", "NEW DELHI")
    assert b.text[b.body[0][0]:b.body[0][1]] == "Ministers met on Thursday."


@pytest.mark.parametrize(("line", "why"), [
    ('{"text": "Officials met.", ', "not valid JSON"),
    ("[1, 2]", 'expected a JSON object with a "text" field, got an array'),
    ('"just a string"', "got a string"),
    ('{"title": "no text"}', 'missing "text"'),
    ('{"text": "   "}', '"text" must be the article as a non-empty string, got an empty string'),
    ('{"text": 42}', '"text" must be the article as a non-empty string, got a number'),
    ('{"text": null}', '"text" must be the article as a non-empty string, got null'),
    ('{"id": "../../etc/passwd", "text": "Officials met."}', "cannot name a claims file"),
    # were dropped silently: the id became a content hash, the source the file's name
    ('{"id": ["x"], "text": "Officials met."}', '"id" must be a string or a number, got an array'),
    ('{"id": {"n": 1}, "text": "Met."}', '"id" must be a string or a number, got an object'),
])
def test_bad_jsonl_lines_are_skipped_with_file_and_line(tmp_path: Path, line: str,
                                                        why: str) -> None:
    good = json.dumps({"text": "Officials met on Wednesday in Delhi."})
    path = _write(tmp_path / "feed.jsonl", f"{good}\n{line}\n{good.replace('Delhi', 'Goa')}\n")
    arts, skipped = load([str(path)])
    assert [a.path for a in arts] == [f"{path}:1", f"{path}:3"]
    (skip,) = skipped
    assert skip.where == f"{path}:2"
    assert why in skip.why


def test_duplicate_jsonl_id_with_other_text_is_skipped(tmp_path: Path) -> None:
    rows = [{"id": "a1", "text": "Officials met."}, {"id": "a1", "text": "Ministers met."}]
    path = _write(tmp_path / "feed.jsonl", "\n".join(map(json.dumps, rows)))
    arts, skipped = load([str(path)])
    assert [a.text for a in arts] == ["Officials met."]
    assert skipped[0].where == f"{path}:2" and "'a1' is already used" in skipped[0].why


def test_pretty_printed_json_array_is_repaired(tmp_path: Path) -> None:
    doc = [{"text": "Officials met on Wednesday.", "source": "A"},
           {"title": "no text here"},
           {"text": "Ministers met on Thursday.", "source": "B"}]
    path = _write(tmp_path / "feed.json", json.dumps(doc, indent=2))
    arts, skipped = load([str(path)])
    assert [a.source for a in arts] == ["A", "B"]
    text = path.read_text()
    lines = [n for n, ln in enumerate(text.splitlines(), start=1) if ln.startswith("  {")]
    assert [a.path for a in arts] == [f"{path}:{lines[0]}", f"{path}:{lines[2]}"]
    assert skipped == [Skip(f"{path}:{lines[1]}", skipped[0].why)]


def test_text_starting_with_a_bracket_is_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.dat", "[Updated] Officials met on Wednesday.")
    (a,), skipped = load([str(path)])
    assert a.text.startswith("[Updated]") and skipped == []


def test_pretty_printed_json_object_is_one_article(tmp_path: Path) -> None:
    path = _write(tmp_path / "one.jsonl", json.dumps({"text": "Officials met.", "id": "x"},
                                                     indent=2))
    (a,), skipped = load([str(path)])
    assert (a.id, skipped) == ("x", [])


def test_jsonl_from_fixture_folder() -> None:
    arts, skipped = load([str(INPUTS / "more")])
    assert skipped == []
    assert [a.source for a in arts] == ["Wire Daily", "Metro Times"]
    assert arts[0].id == "wire-1"


# ---------------------------------------------------------------- stdin


def test_stdin_text_and_jsonl_are_sniffed() -> None:
    (a,), _ = load(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert (a.path, a.wire, a.place) == ("<stdin>", "IANS", "Washington")
    feed = "\n".join(json.dumps({"text": t}) for t in ("Officials met.", "Ministers met."))
    arts, _ = load(["-"], stdin=io.BytesIO(b"\n" + feed.encode()))
    assert [a.path for a in arts] == ["<stdin>:2", "<stdin>:3"]
    assert [a.source for a in arts] == ["unknown outlet (<stdin>:2)", "unknown outlet (<stdin>:3)"]


def test_empty_stdin_is_a_skip() -> None:
    arts, skipped = load(["-"], stdin=io.BytesIO(b""))
    assert arts == [] and skipped == [Skip("<stdin>", "empty file")]


def test_stdin_given_twice_is_read_once() -> None:
    """Old code read stdin again for the second ``-``: "<stdin>: empty file"."""
    arts, skipped = load(["-", "-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert len(arts) == 1 and skipped == [Skip("<stdin>", "given twice; read once")]
    assert dio.lost(skipped) == []


def test_only_a_skip_that_left_something_unread_is_lost(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", ARTICLE)
    empty = _write(tmp_path / "e.txt", "")
    _, skipped = load([str(a), str(tmp_path), str(empty)])
    assert [s.why for s in skipped] == ["empty file", "empty file", "given twice; read once"]
    assert dio.lost(skipped) == skipped[:2]


def test_a_copy_from_another_outlet_names_it(tmp_path: Path) -> None:
    """Old code: a feed line with an earlier line's text but another outlet was "read once",
    and the warning did not say that outlet is not listed. Copied text is one voice (the
    report's ``Article.voice``), so --strict still forgives it (a blind review: verbatim wire
    copy run by two outlets is the common case)."""
    text = "Ministers met on Thursday in Tokyo to talk about rail."
    feed = _write(tmp_path / "feed.jsonl", "".join(
        json.dumps({"text": text, "source": src, "id": f"x{i}"}) + "\n"
        for i, src in enumerate(["Reuters", "Kyodo", "reuters. ", "The  Hindu"])))
    arts, skipped = load([str(feed)])
    assert [a.source for a in arts] == ["Reuters"]
    assert [s.why for s in skipped] == [
        f"same text as {feed}:1 (from Reuters), so Kyodo's copy is no voice of its own; "
        "read once", f"same text as {feed}:1; read once",
        f"same text as {feed}:1 (from Reuters), so The  Hindu's copy is no voice of its own; "
        "read once"]
    assert dio.lost(skipped) == []


def test_a_copy_whose_outlet_is_unknown_names_none(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", "Ministers met on Thursday in Tokyo to talk about rail.\n")
    b = _write(tmp_path / "b.txt", a.read_text("utf-8"))
    _, skipped = load([str(a), str(b)])  # "unknown outlet (a.txt)" and "(b.txt)": no outlet
    assert [s.why for s in skipped] == [f"same text as {a}; read once"]


def test_no_stdin_at_all_is_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert load(["-"]) == ([], [Skip("<stdin>", "there is no standard input to read")])


# ---------------------------------------------------------------- HTML


@pytest.mark.skipif(not _trafilatura_works(), reason="trafilatura does not import here "
                    "(it needs lxml_html_clean with lxml >= 5.2)")
def test_html_main_text_and_metadata() -> None:
    (a,), skipped = load([str(INPUTS / "page.html")])
    assert skipped == []
    assert a.title == "Rail pact signed in Delhi"
    assert a.source == "Example Chronicle"
    assert a.date == "2025-06-10"
    body = " ".join(a.text[s:e] for s, e in a.body)
    assert body.startswith("India and Japan signed an agreement")
    assert "Subscribe" not in a.text and "Sport" not in a.text
    assert "Rail pact signed in Delhi" not in body


def _fake_trafilatura(monkeypatch: pytest.MonkeyPatch, result: object) -> None:
    mod = types.ModuleType("trafilatura")

    def bare_extraction(html: str, **kw: object) -> object:
        if isinstance(result, Exception):
            raise result
        return result

    mod.bare_extraction = bare_extraction  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trafilatura", mod)


def test_html_when_trafilatura_cannot_import(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    path = _write(tmp_path / "p.html", "<html><body><p>Officials met.</p></body></html>")
    arts, skipped = load([str(path)])
    assert arts == []
    (skip,) = skipped
    assert skip.where == str(path)
    assert "reading HTML needs trafilatura" in skip.why and "pip install" in skip.why


def test_install_hint_names_lxml_html_clean() -> None:
    err = ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")
    assert dio._install_hint(err) == "pip install lxml_html_clean"
    assert dio._install_hint(ModuleNotFoundError("x", name="justext.core")) == "pip install justext"


@pytest.mark.parametrize(("result", "why"), [
    (None, "no article text found in the HTML"),
    ({"text": "   "}, "no article text found in the HTML"),
    (ValueError("parser blew up"), "could not extract text from the HTML (ValueError: parser"),
])
def test_html_extraction_failures_are_skips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            result: object, why: str) -> None:
    _fake_trafilatura(monkeypatch, result)
    path = _write(tmp_path / "p.html", "<html><body>x</body></html>")
    arts, (skip,) = load([str(path)])
    assert arts == [] and skip.where == str(path) and skip.why.startswith(why)


def test_html_dict_and_object_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Rail Pact Signed\nIndia and Japan signed a rail deal on Tuesday."
    doc = {"text": text, "title": "Rail Pact Signed", "date": "2025-06-10",
           "sitename": "Example Chronicle", "url": "https://example.org/r"}
    path = _write(tmp_path / "p.htm", "<html><body>x</body></html>")
    for result in (doc, types.SimpleNamespace(**doc)):
        _fake_trafilatura(monkeypatch, result)
        (a,), _ = load([str(path)])
        assert (a.title, a.date, a.source, a.url) == (
            "Rail Pact Signed", "2025-06-10", "Example Chronicle", "https://example.org/r")
        assert [a.text[s:e] for s, e in a.body] == [text.splitlines()[1]]


def test_html_is_sniffed_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_trafilatura(monkeypatch, {"text": "Officials met on Wednesday."})
    (a,), _ = load(["-"], stdin=io.BytesIO(b"<!DOCTYPE html><html><body>x</body></html>"))
    assert a.text == "Officials met on Wednesday."


# ---------------------------------------------------------------- make_article


def test_make_article_fields_override_header() -> None:
    a = make_article(ARTICLE, path="p", source="S", wire="afp", date="2025-01-02", title="T")
    assert isinstance(a, Article)
    assert (a.source, a.wire, a.date, a.place, a.title) == ("S", "AFP", "2025-01-02",
                                                            "Washington", "T")


@pytest.mark.parametrize("bad_id", ["a/b", "..", ".hidden", "x" * 65, "a:b", "with space"])
def test_make_article_refuses_ids_that_cannot_name_a_file(bad_id: str) -> None:
    out = make_article(ARTICLE, path="p:3", id=bad_id)
    assert isinstance(out, Skip) and out.where == "p:3" and "cannot name a claims file" in out.why


# ---------------------------------------------------------------- atomic writes


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_text_bytes_and_parents(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "r.md"
    assert atomic_write(target, "héllo\n") == target
    assert target.read_text(encoding="utf-8") == "héllo\n"
    atomic_write(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert _leftovers(target.parent) == []


def test_atomic_write_writes_into_devices_and_pipes_and_keeps_links(tmp_path: Path) -> None:
    """Old code renamed its temp file over any target: ``-o /dev/null`` put a JSON file in the
    device's place (as root), a FIFO became a file, and a link lost its target's update."""
    import stat
    import threading

    null = tmp_path / "null.json"
    null.symlink_to(os.devnull)
    atomic_write(null, "{}")
    assert null.is_symlink() and stat.S_ISCHR(os.stat(null).st_mode)

    kept = tmp_path / "real.md"
    kept.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(kept.name)
    atomic_write(link, "new")
    assert link.is_symlink() and kept.read_text() == "new"

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write(fifo, "through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert _leftovers(tmp_path) == []


def test_atomic_write_respects_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = atomic_write(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_atomic_write_keeps_the_old_file_when_the_rename_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _write(tmp_path / "report.json", "old")

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dio.os, "replace", boom)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_atomic_write_keeps_the_old_file_when_writing_fails_midway(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _write(tmp_path / "report.md", "old")

    def boom(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(dio.os, "fsync", boom)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write(target, "new " * 1000)
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_a_set_of_files_changes_whole_or_not_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code wrote a report's formats one by one: when the second failed, the first was new
    and the rest old, and the error named a temp file (".r.html.x1y2.tmp")."""
    md, html = _write(tmp_path / "r.md", "old md"), _write(tmp_path / "r.html", "old html")
    calls = []

    def second_fails(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(dio.os, "fsync", second_fails)
    with pytest.raises(OSError, match="No space left") as got:
        atomic_write_all({md: "new md", html: "new html"})
    assert got.value.filename == str(html)
    assert md.read_text() == "old md" and html.read_text() == "old html"
    assert _leftovers(tmp_path) == []
    monkeypatch.undo()
    (tmp_path / "r.json").mkdir()
    with pytest.raises(IsADirectoryError, match="is a folder") as got:
        atomic_write_all({md: "new md", tmp_path / "r.json": "{}"})
    assert got.value.filename == str(tmp_path / "r.json") and md.read_text() == "old md"
    assert atomic_write_all({md: "new md", html: "new html"}) == [md, html]
    assert md.read_text() == "new md" and html.read_text() == "new html"


def test_atomic_write_keeps_the_old_file_when_encoding_fails(tmp_path: Path) -> None:
    target = _write(tmp_path / "report.md", "old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "half a surrogate: \ud800")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


# ---------------------------------------------------------------- claims JSONL


def _claims(aid: str) -> list[Claim]:
    return [Claim(f"{aid}:0", aid, "Officials met.", 0, 14),
            Claim(f"{aid}:1", aid, "Trump said “hi”.", 15, 31, speaker="Trump", cue="said",
                  proposition="hi")]


def test_claims_round_trip(tmp_path: Path) -> None:
    art = Article("abc", "a.txt", "x", "S")
    path = write_claims(tmp_path / "claims", art, _claims("abc"))
    assert path == tmp_path / "claims" / "abc.jsonl"
    assert read_claims(path) == _claims("abc")
    assert all(claim_from_dict(claim_to_dict(c)) == c for c in _claims("abc"))
    assert "“hi”" in path.read_text(encoding="utf-8")


def test_read_claims_names_the_bad_line(tmp_path: Path) -> None:
    good = json.dumps(claim_to_dict(_claims("abc")[0]))
    path = _write(tmp_path / "c.jsonl", f"{good}\n\n{{oops\n")
    with pytest.raises(DivergenceError, match=r"c\.jsonl:3: not valid JSON"):
        read_claims(path)
    _write(path, f"{good}\n" + json.dumps({"id": "x", "text": "t"}) + "\n")
    with pytest.raises(DivergenceError, match=r"c\.jsonl:2: missing 'article_id', 'start', 'end'"):
        read_claims(path)


def test_a_folder_read_again_skips_the_reports_and_claims_files_written_into_it(
        tmp_path: Path) -> None:
    """`divergence report .` run twice must not read the first run's report.md, report.html
    and claims/*.jsonl as articles; an article that merely mentions a report is read."""
    (tmp_path / "a.txt").write_text("source: Gazette\n\nThe council approved the harbour "
                                    "budget on Friday after a long debate.\n")
    (tmp_path / "b.md").write_text("# Divergence report is what our paper calls its column\n\n"
                                   "The council approved the harbour budget on Friday.\n")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "report.md").write_text("# Divergence report\n\n- Model: `st:x`\n")
    (out / "report.html").write_text("<!doctype html><html lang=\"en\">\n<head>\n<title>"
                                     "Divergence report — 2026</title></head></html>\n")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "abc.jsonl").write_text(
        '{"id": "abc:0", "article_id": "abc", "text": "The council approved it."}\n')
    arts, skips = load([str(tmp_path)])
    assert sorted(Path(a.path).name for a in arts) == ["a.txt", "b.md"] and not skips


def test_a_folder_reads_json_articles_but_not_json_reports(tmp_path: Path) -> None:
    """Old code: a folder of .json articles was "no article files", though each file named on
    the command line was read. Its JSON reports and scores are still not articles."""
    (tmp_path / "a.json").write_text('{"source": "J", "text": "The council approved the '
                                     'harbour budget on Friday."}\n')
    (tmp_path / "report.json").write_text('{\n  "schema": "divergence.report/1",\n  '
                                          '"articles": []\n}\n')
    (tmp_path / "score.json").write_text('{\n  "schema": "divergence.corpus.score/1"\n}\n')
    arts, skips = load([str(tmp_path)])
    assert [(Path(a.path).name, a.source) for a in arts] == [("a.json:1", "J")] and not skips


def test_a_folder_scan_opens_each_file_once(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The own-output test reads the bytes the article is parsed from: no second open."""
    (tmp_path / "a.txt").write_text("The council approved the harbour budget on Friday.\n")
    (tmp_path / "report.md").write_text("# Divergence report\n\n- Model: `st:x`\n")
    opened: list[str] = []
    real_open = Path.open

    def counting_open(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self.name)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", counting_open)
    arts, skips = load([str(tmp_path)])
    assert [Path(a.path).name for a in arts] == ["a.txt"] and not skips
    assert sorted(opened) == ["a.txt", "report.md"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_skipped_not_read() -> None:
    """/dev/zero never ends: reading it filled the memory until the process was killed. Run
    with a 2 GB address-space cap, so that the old reading fails at once instead."""
    import resource
    import subprocess

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    code = ("from pathlib import Path; from divergence.ingest.io import read_file; "
            "print([getattr(x, 'why', x) for x in read_file(Path('/dev/zero'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, preexec_fn=cap)
    assert out.returncode == 0, out.stderr[-500:]
    assert "a device, not a file" in out.stdout


def test_a_named_pipe_is_read_to_its_end(tmp_path: Path) -> None:
    """A named pipe (``<(command)``, /dev/stdin fed by one) is read like standard input."""
    import threading

    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    text = "The army said five soldiers died in the town on Monday.\n"
    writer = threading.Thread(target=lambda: fifo.write_text(text, "utf-8"))
    writer.start()
    got = list(read_file(fifo))
    writer.join(10)
    assert [a.text.strip() for a in got if isinstance(a, Article)] == [text.strip()]


def test_a_named_pipe_inside_a_folder_is_a_skip_that_says_so(tmp_path: Path) -> None:
    """Old code left a named pipe in a folder out without a word (a pipe named on the command
    line is read; one found in a folder may wait for a writer for ever)."""
    from divergence.ingest.io import load

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The army said five soldiers died in the town on Monday.\n")
    os.mkfifo(folder / "b.txt")
    articles, skips = load([str(folder)])
    assert len(articles) == 1
    assert [(Path(s.where).name, "named pipe" in s.why) for s in skips] == [("b.txt", True)]


def test_a_folders_readme_is_no_outlet(tmp_path: Path) -> None:
    """Old code read a folder's README.md as an article of "unknown outlet (README)"; named on
    the command line it is still read."""
    from divergence.ingest.io import load
    from divergence.ingest.repeats import lost

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The army said five soldiers died in the town on Monday.\n")
    (folder / "README.md").write_text("These are the articles we collected about the strike.\n")
    (folder / "LICENSE.txt").write_text("Permission is granted to copy these files freely.\n")
    (folder / "readmeister.txt").write_text("The readmeister said six soldiers died there.\n")
    (folder / "changes-to-visa-rules.txt").write_text("The ministry changed the visa rules.\n")
    articles, skips = load([str(folder)])
    assert sorted(Path(a.path).name for a in articles) == [
        "a.txt", "changes-to-visa-rules.txt", "readmeister.txt"]
    assert sorted(Path(s.where).name for s in skips) == ["LICENSE.txt", "README.md"]
    assert all("not an article" in s.why for s in skips) and not lost(skips)  # --strict passes
    named, _ = load([str(folder / "README.md")])
    assert len(named) == 1
