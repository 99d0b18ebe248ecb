"""Issue 13, items 3, 4, 6 and 7: hostile text stays inert, splitting stays linear and input is
bounded, `serve` survives slow and vanishing clients, and the small input fixes.

Every test here fails on the code before the fix (the docstrings say how).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from divergence.corpus.serve import ReviewServer, make_server, render_page
from divergence.errors import DivergenceError
from divergence.ingest.headers import parse_header
from divergence.ingest.io import MAX_ARTICLE_SIZE_ENV, load, make_article
from divergence.ingest.split import split
from divergence.ingest.splitters import WINDOW, PysbdSplitter, RegexSplitter, sentences
from divergence.ingest.textsafe import MAX_NOTE, check_note, check_reviewer, clip, inert
from divergence.judge import Judge
from divergence.records import (
    Article,
    Claim,
    ClaimGroup,
    Event,
    Reason,
    Report,
    Skip,
    Span,
    Verdict,
)
from divergence.report.html import render_html
from divergence.report.markdown import render_markdown
from divergence.report.terminal import render_group

from .conftest import run_cli

DATA = Path(__file__).parent / "data"
ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"  # retitle, clear the screen, turn red
HOSTILE = (ESC, "\x9b31m", "\u202e", "\x07", "\x00")


def _raw_controls(text: str) -> list[str]:
    return [h for h in HOSTILE if h in text]


# ---------------------------------------------------------------- 3. inert text


def _hostile_report() -> Report:
    text = f"source: Evil{ESC}Times\n\nThe ferry{ESC} sank on Monday near the old port.\n"
    a = Article("a1", "a.txt", text, source=f"Evil{ESC}Times", title=f"T{ESC}", date="2024-01-01",
                body=((len(text) - 47, len(text) - 1),))
    b = Article("b1", "b.txt", "The ferry did not sink on Monday.", source="Calm\u202e Post")
    ca = Claim("a1:0", "a1", f"The ferry{ESC} sank on Monday near the old port.", 0, 10,
               speaker=f"Bob{ESC}", cue="said\x9b31m", proposition=f"The ferry{ESC} sank.")
    cb = Claim("b1:0", "b1", "The ferry did not sink on Monday.", 0, 33, stance="denies")
    reason = Reason("negation", f"one side{ESC} denies", ("a1:0", "b1:0"),
                    (Span("a1:0", 0, 9, f"The ferry{ESC}"),), 0.9)
    g = ClaimGroup("g-1", "conflict", 0.9, ("a1:0", "b1:0"), (f"Evil{ESC}Times", "Calm\u202e Post"),
                   (reason,), ("e1",), Verdict("confirm", f"mallory{ESC}", "2024-01-02",
                                               f"note{ESC}\x00"))
    return Report((a, b), (ca, cb), (Event("e1", f"Ferry{ESC}", ("a1:0", "b1:0"), ("a1", "b1"),
                                           ("g-1",)),), (g,), model=f"m{ESC}",
                  skipped=(Skip(f"x{ESC}.txt", f"bad{ESC}"),))


def test_terminal_render_shows_control_characters_escaped() -> None:
    """Old code: render_group printed the ESC sequences of sources, claims, notes raw."""
    rep = _hostile_report()
    plain = render_group(rep, rep.groups[0], width=100, color=False)
    assert "\x1b" not in plain and not _raw_controls(plain)
    assert "\\x1b" in plain  # shown, not dropped: the reviewer sees something is there
    colored = render_group(rep, rep.groups[0], width=100, color=True)
    assert not _raw_controls(colored)
    assert "\x1b]" not in colored and "\x1b[2J" not in colored  # only our own SGR codes remain


def test_markdown_and_html_reports_show_control_characters_escaped() -> None:
    """Old code: md_escape and Jinja autoescape let ESC, C1 controls and bidi overrides through."""
    rep = _hostile_report()
    for out in (render_markdown(rep), render_html(rep),
                render_page(rep, "tok", "nonce", f"rev{ESC}", "c.db")):
        assert "\x1b" not in out, out[max(0, out.find("\x1b") - 80):out.find("\x1b") + 20]
        assert not _raw_controls(out)


def test_inert_and_clip() -> None:
    assert inert("a\x1b[31mb") == "a\\x1b[31mb"
    assert inert("a\tb\nc", keep_lines=True) == "a\tb\nc"
    assert inert("a\nb") == "a\\x0ab"
    assert inert("x\u202ey") == "x\\u202ey"
    assert inert("plain, ünïcode — text") == "plain, ünïcode — text"
    shown = clip("x" * 5000)
    assert len(shown) < 120 and "5,000 characters" in shown


def _corpus(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """agree_a + agree_b in a hashing corpus, ESC sequences in b's source line and text."""
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    b = (DATA / "agree_b.txt").read_text(encoding="utf-8")
    b = b.replace("source: Coastal Times", f"source: Coastal{ESC} Times").replace(
        "Local fishermen", f"Local{ESC} fishermen")
    (in_tmp / "b.txt").write_text(b, encoding="utf-8")
    result = run_cli("add", str(DATA / "agree_a.txt"), "b.txt", "--db", "c.db",
                     "--embedder", "hashing", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return in_tmp / "c.db"


def test_review_list_and_report_summary_are_inert(in_tmp: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: review --list and the report's stderr summary printed the source's ESC raw."""
    _corpus(in_tmp, monkeypatch)
    listed = run_cli("review", "--list", "--db", "c.db")
    assert listed.exit_code == 0, listed.output
    assert "Coastal" in listed.stdout and "\x1b" not in listed.output
    as_json = run_cli("review", "--list", "--db", "c.db", "--format", "json")
    assert "\x1b" not in as_json.output and json.loads(as_json.stdout)
    (in_tmp / "in").mkdir()
    (in_tmp / "in" / "b.txt").write_text((in_tmp / "b.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (in_tmp / "in" / "a.txt").write_text((DATA / "agree_a.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    rep = run_cli("report", "in", "-o", "out/r", "--embedder", "hashing", "--no-cache")
    assert rep.exit_code == 0, rep.output
    assert "conflict" in rep.stderr and "\x1b" not in rep.stderr
    for ext in ("md", "html"):
        assert "\x1b" not in (in_tmp / "out" / f"r.{ext}").read_text(encoding="utf-8")


def test_score_and_compare_print_article_text_inert(in_tmp: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: score's Markdown printed the source's ESC sequence raw (it retitled the
    terminal), and compare printed its statements raw, a bidi override included."""
    _corpus(in_tmp, monkeypatch)
    for fmt in ("md", "json"):
        scored = run_cli("score", "b.txt", "--db", "c.db", "--format", fmt, "--embedder",
                         "hashing", "--no-cache")
        assert scored.exit_code == 0, scored.output
        assert "Coastal" in scored.stdout and "\x1b" not in scored.stdout
    for fmt in ("text", "json"):
        compared = run_cli("compare", f"The ferry{ESC} sank.", "The ferry \u202esank.",
                           "--embedder", "hashing", "--format", fmt)
        assert compared.exit_code == 0, compared.output
        assert "\x1b" not in compared.stdout and "\u202e" not in compared.stdout


def test_note_and_reviewer_bounded_on_the_command_line(in_tmp: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: --note of any length and a reviewer name with ESC were stored as given."""
    _corpus(in_tmp, monkeypatch)
    listed = json.loads(run_cli("review", "--list", "--db", "c.db", "--format", "json").stdout)
    gid = listed[0]["id"]
    long_note = run_cli("review", "--db", "c.db", "--decide", gid, "dismiss",
                        "--note", "n" * (MAX_NOTE + 1))
    assert long_note.exit_code == 2 and "at most 2,000 characters" in long_note.output
    bad_name = run_cli("review", "--db", "c.db", "--decide", gid, "dismiss",
                       "--reviewer", f"eve{ESC}")
    assert bad_name.exit_code == 2 and "control characters" in bad_name.output
    assert "\x1b" not in bad_name.output
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "x" * 500)
    env_name = run_cli("review", "--db", "c.db", "--decide", gid, "dismiss")
    assert env_name.exit_code == 1 and "at most 100 characters" in env_name.output
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    ok = run_cli("review", "--db", "c.db", "--decide", gid, "dismiss", "--note", "n" * MAX_NOTE)
    assert ok.exit_code == 0, ok.output
    # serve checks --reviewer as review does: a usage error, exit 2 (old code: 1)
    served = run_cli("serve", "--db", "c.db", "--port", "0", "--reviewer", "x" * 101)
    assert served.exit_code == 2 and "at most 100 characters" in served.output
    # --format is for --list (old code: started the review loop and ignored it)
    looped = run_cli("review", "--db", "c.db", "--format", "json")
    assert looped.exit_code == 2 and "--format is for --list" in looped.output


def test_note_and_reviewer_checks() -> None:
    assert check_note("  ") is None and check_note(" a\nb ") == "a\nb"
    with pytest.raises(DivergenceError, match="at most 2,000"):
        check_note("n" * 2001)
    with pytest.raises(DivergenceError, match="control characters"):
        check_note(f"a{ESC}")
    assert check_reviewer(" alice ") == "alice"
    for bad in ("", "x" * 101, "a\x1bb", "a\nb"):
        with pytest.raises(DivergenceError):
            check_reviewer(bad)


# ---------------------------------------------------------------- 4. linear splitting, bounds


class _Recorder:
    """A splitter that notes the longest text it was given (the regex splitter underneath)."""

    name = "recorder"

    def __init__(self) -> None:
        self.longest = 0
        self._inner = RegexSplitter()

    def sentences(self, text: str) -> list[tuple[int, int]]:
        self.longest = max(self.longest, len(text))
        return self._inner.sentences(text)


def _paragraph(n: int) -> str:
    verbs = ("said", "reported", "confirmed", "denied")
    return " ".join(f"Officials {verbs[i % 4]} that {i} ferries sank near the port on Monday."
                    for i in range(n))


def test_splitter_never_sees_more_than_a_window() -> None:
    """Old code: a 5,000-sentence paragraph went to pysbd whole (quadratic: minutes)."""
    text = _paragraph(5000)
    art = make_article(text, path="long.txt")
    assert isinstance(art, Article)
    rec = _Recorder()
    claims = split(art, rec)
    assert rec.longest <= WINDOW
    assert len(claims) == 5000
    assert all(art.text[c.start:c.end] == c.text for c in claims)


def test_windowed_split_is_the_same_as_whole_for_news_paragraphs() -> None:
    """A long paragraph of ordinary news sentences splits the same a window at a time."""
    arts, _ = load([str(Path(__file__).parent.parent / "seeds")])
    text = " ".join(a.text[s:e] for a in arts for s, e in a.body)
    sp = PysbdSplitter()

    def shown(spans: list[tuple[int, int]]) -> list[str]:
        return [text[s:e].strip() for s, e in spans if text[s:e].strip()]

    assert shown(sentences(sp, text, window=1500)) == shown(sp.sentences(text))
    assert sentences(sp, text[:1000]) == sp.sentences(text[:1000])


def test_a_5000_sentence_paragraph_splits_in_seconds() -> None:
    """Old code: did not finish in 500 s (issue 13); now a few seconds with pysbd."""
    art = make_article(_paragraph(5000), path="long.txt")
    assert isinstance(art, Article)
    t = time.perf_counter()
    claims = split(art, PysbdSplitter())
    assert time.perf_counter() - t < 30
    assert len(claims) == 5000


def test_one_endless_sentence_is_cut_not_lost() -> None:
    text = ("word " * 30_000).strip() + "."
    spans = sentences(PysbdSplitter(), text)
    assert spans and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(e - s <= WINDOW for s, e in spans)


def test_header_lines_cost_stays_linear() -> None:
    """Old code: a key line with a long run of spaces made the header regexes quadratic."""
    for text in ("a:" + " " * 60_000 + "x\nbody text here.\n",
                 "Daily News" + " " * 60_000 + "y\nbody text here.\n"):
        t = time.perf_counter()
        parse_header(text)
        assert time.perf_counter() - t < 1.0


def test_an_article_over_the_size_limit_is_skipped_with_a_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: no limit; a 20 MB single line was read and never finished splitting."""
    big = tmp_path / "big.txt"
    big.write_text("The ferry sank near the port on Monday. " * 500_000, encoding="utf-8")  # 20 MB
    t = time.perf_counter()
    arts, skipped = load([str(big)])
    assert time.perf_counter() - t < 10
    assert not arts and len(skipped) == 1
    assert "over the limit of 500,000" in skipped[0].why
    assert "--max-article-size" in skipped[0].why
    small = tmp_path / "small.txt"
    small.write_text(_paragraph(200), encoding="utf-8")
    monkeypatch.setenv(MAX_ARTICLE_SIZE_ENV, "1000")
    assert load([str(small)])[1][0].why.startswith("article of 12,")
    monkeypatch.setenv(MAX_ARTICLE_SIZE_ENV, "100000")
    assert len(load([str(small)])[0]) == 1


def test_report_flag_raises_the_limit(in_tmp: Path) -> None:
    """Old code: no --max-article-size option (usage error)."""
    (in_tmp / "a.txt").write_text((DATA / "agree_a.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    small = run_cli("report", "a.txt", "-o", "out/r", "--embedder", "hashing", "--no-cache",
                    "--max-article-size", "50")
    assert small.exit_code == 1
    assert "over the limit of 50;" in small.stderr and "--max-article-size" in small.stderr
    ok = run_cli("report", "a.txt", "-o", "out/r", "--embedder", "hashing", "--no-cache",
                 "--max-article-size", "100000", "-q")
    assert ok.exit_code == 0, ok.output


# ---------------------------------------------------------------- 6. serve


@pytest.fixture()
def quick_server(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReviewServer]:
    """A review server whose reads time out after half a second."""
    db = _corpus(in_tmp, monkeypatch)
    srv = make_server(db, Judge(), port=0, read_timeout=0.5)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def _raw(srv: ReviewServer, data: bytes, wait: float = 5.0, close: bool = False) -> bytes:
    host, port = srv.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=wait) as s:
        s.sendall(data)
        if close:
            return b""
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


_SECURITY = (b"content-security-policy:", b"x-content-type-options: nosniff",
             b"x-frame-options: deny", b"referrer-policy: no-referrer")


def test_a_stalled_body_times_out_with_an_answer(quick_server: ReviewServer,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    """Old code: the handler waited for the 60,000 bytes forever (and make_server had no
    read_timeout)."""
    host = f"127.0.0.1:{quick_server.server_address[1]}"
    head = (f"POST /api/verdicts HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"X-Divergence-Token: {quick_server.token}\r\nContent-Length: 60000\r\n\r\n{{}}")
    t = time.perf_counter()
    answer = _raw(quick_server, head.encode())
    assert time.perf_counter() - t < 4
    assert answer.startswith(b"HTTP/1.0 400") and b"did not arrive within" in answer
    assert all(h in answer.lower() for h in _SECURITY)
    assert "Traceback" not in capfd.readouterr().err


def test_a_client_that_hangs_up_leaves_no_traceback(quick_server: ReviewServer,
                                                    capfd: pytest.CaptureFixture[str]) -> None:
    """Old code: a BrokenPipeError/ConnectionResetError traceback on stderr."""
    host = f"127.0.0.1:{quick_server.server_address[1]}"
    head = (f"POST /api/verdicts HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"X-Divergence-Token: {quick_server.token}\r\nContent-Length: 60000\r\n\r\n{{}}")
    for _ in range(3):
        _raw(quick_server, head.encode(), close=True)
        _raw(quick_server, f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(), close=True)
    _raw(quick_server, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", close=True)  # headers unfinished
    time.sleep(1.5)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Error" not in err


@pytest.mark.parametrize("method", ["PUT", "OPTIONS", "DELETE", "PATCH", "HEAD", "TRACE"])
def test_every_answer_carries_the_security_headers(quick_server: ReviewServer,
                                                   method: str) -> None:
    """Old code: the base class's 501 page had none of them. HEAD is answered as GET is."""
    host = f"127.0.0.1:{quick_server.server_address[1]}"
    answer = _raw(quick_server, f"{method} / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.0 200" if method == "HEAD" else b"HTTP/1.0 501"), \
        answer[:80]
    assert all(h in answer.lower() for h in _SECURITY)
    many = "".join(f"X-{i}: 1\r\n" for i in range(120))
    bad = _raw(quick_server, f"GET / HTTP/1.1\r\nHost: {host}\r\n{many}\r\n".encode())
    assert bad.startswith(b"HTTP/1.0 431") and all(h in bad.lower() for h in _SECURITY)


def test_page_note_rules_match_the_command_line(quick_server: ReviewServer) -> None:
    """Old code: the page accepted a note with ESC sequences."""
    import urllib.error
    import urllib.request

    listed = json.loads(urllib.request.urlopen(quick_server.url + "api/flagged", timeout=5).read())
    for note, status in ((f"x{ESC}", 400), ("n" * (MAX_NOTE + 1), 400), ("fine", 201)):
        req = urllib.request.Request(
            quick_server.url + "api/verdicts", method="POST",
            data=json.dumps({"group": listed[0]["id"], "decision": "dismiss",
                             "note": note}).encode(),
            headers={"Content-Type": "application/json", "X-Divergence-Token": quick_server.token})
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                got = r.status
        except urllib.error.HTTPError as e:
            got = e.code
        assert got == status, note[:20]


def test_serve_refuses_a_hostile_reviewer_name(in_tmp: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = _corpus(in_tmp, monkeypatch)
    with pytest.raises(DivergenceError, match="control characters"):
        make_server(db, Judge(), port=0, reviewer=f"eve{ESC}")


# ---------------------------------------------------------------- 7. small input fixes


def test_text_null_is_reported_as_null(tmp_path: Path) -> None:
    """Old code: 'missing "text"'."""
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": null}\n{"id": "b"}\n', encoding="utf-8")
    _, skipped = load([str(f)])
    assert "got null" in skipped[0].why
    assert skipped[1].why.startswith('missing "text"')


def test_a_one_line_json_array_is_read_like_a_multi_line_one(tmp_path: Path) -> None:
    """Old code: 'expected a JSON object ..., got an array' for the one-line form."""
    items = [{"text": "The ferry sank near the old port on Monday, officials said."},
             {"text": "The ferry did not sink on Monday, the operator said firmly."}]
    one, many = tmp_path / "one.json", tmp_path / "many.json"
    one.write_text(json.dumps(items), encoding="utf-8")
    many.write_text(json.dumps(items, indent=2), encoding="utf-8")
    a1, s1 = load([str(one)])
    a2, s2 = load([str(many)])
    assert not s1 and not s2
    assert [a.text for a in a1] == [a.text for a in a2] == [i["text"] for i in items]
    assert len({a.source for a in a1}) == 2  # each item its own voice, as over several lines
    jl = tmp_path / "feed.jsonl"
    jl.write_text(json.dumps(items) + "\n" + json.dumps({"text": 5}) + "\n", encoding="utf-8")
    arts, skipped = load([str(jl)])
    assert len(arts) == 2 and skipped[0].where.endswith(":2")


def test_a_long_id_is_shortened_in_the_warning(tmp_path: Path) -> None:
    """Old code: the 5,000-character id was printed whole."""
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "x" * 5000, "text": "Some text long enough for a claim."})
                 + "\n" + json.dumps({"id": "y/" * 2500, "text": "Other text for a claim."})
                 + "\n", encoding="utf-8")
    _, skipped = load([str(f)])
    assert len(skipped) == 2
    assert all(len(s.why) < 300 and "5,000 characters" in s.why for s in skipped)


def test_skip_messages_are_inert(tmp_path: Path) -> None:
    f = tmp_path / f"bad{ESC}.jsonl"
    f.write_text("not json\n", encoding="utf-8")
    _, skipped = load([str(tmp_path)])
    assert skipped and "\x1b" not in skipped[0].where + skipped[0].why
