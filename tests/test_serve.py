"""`divergence serve`: the review page's HTTP API, its escaping, one run in headless Chromium."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from divergence.corpus import serve as serve_mod
from divergence.corpus.serve import TOKEN_HEADER, ReviewServer, context_window, make_server
from divergence.corpus.store import Corpus
from divergence.errors import DivergenceError
from divergence.judge import Judge
from divergence.records import Article, Claim

from .conftest import chromium, run_cli

DATA = Path(__file__).parent / "data"
PLANTED = "<script>window.pwned=1</script>"


@pytest.fixture()
def corpus_db(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A hashing-embedded corpus of agree_a + agree_b (one spring-vs-autumn conflict), with
    script tags planted in b's title and next to its conflicting claim."""
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "alice")
    b = (DATA / "agree_b.txt").read_text(encoding="utf-8")
    b = b.replace("date: 2024-03-02", "date: 2024-03-02\ntitle: Ferry <script>window.pwned=2"
                  "</script>").replace("Local fishermen", f"Local fishermen {PLANTED}")
    (in_tmp / "b.txt").write_text(b, encoding="utf-8")
    result = run_cli("add", str(DATA / "agree_a.txt"), "b.txt", "--db", "c.db",
                     "--embedder", "hashing", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return in_tmp / "c.db"


@pytest.fixture()
def server(corpus_db: Path) -> Iterator[ReviewServer]:
    """The review server on a free port, serving in a thread."""
    srv = make_server(corpus_db, Judge(), port=0)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def _request(srv: ReviewServer, path: str, body: Any = None, headers: dict[str, str] | None = None,
             raw: bytes | None = None) -> tuple[int, dict[str, str], str]:
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(srv.url.rstrip("/") + path, data=data,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8")


def _token(srv: ReviewServer) -> str:
    _, _, page = _request(srv, "/")
    m = re.search(r'<meta name="divergence-token" content="([^"]+)">', page)
    assert m, "the page carries the token"
    return m.group(1)


def _decide(srv: ReviewServer, body: Any, **headers: str) -> tuple[int, dict[str, Any]]:
    status, _, text = _request(srv, "/api/verdicts", body, headers)
    return status, json.loads(text)


def _group_id(srv: ReviewServer) -> str:
    status, _, text = _request(srv, "/api/flagged")
    assert status == 200
    (item,) = json.loads(text)
    return item["id"]


# ---------------------------------------------------------------- the page


def test_page_lists_the_conflict_side_by_side_escaped(server: ReviewServer) -> None:
    status, headers, page = _request(server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = headers["Content-Security-Policy"]
    assert "script-src 'nonce-" in csp and "unsafe-inline" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert f'<script nonce="{nonce}">' in page  # the page's own script, and no other
    assert page.count("<script") == 1
    assert "window.pwned" in page and "<script>window.pwned" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "Ferry &lt;script&gt;window.pwned=2" in page  # the title, escaped too
    # the conflict as a dispute: two positions side by side, a row per outlet
    assert page.count('class="position"') == 2 and 'class="outlets"' in page
    assert "Harbour Gazette" in page and "Coastal Times" in page
    assert '<mark class="claim">' in page and "<mark>spring</mark>" in page
    for d in ("confirm", "dismiss", "agree", "unrelated"):
        assert f'data-decision="{d}"' in page
    assert _group_id(server) in page


def test_every_link_on_the_page_has_its_target(server: ReviewServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: a dispute's reasons linked to "#claim-..." anchors that only the report's
    article texts have; the review page shows windows of text, so every such link led nowhere.
    (A group's reasons show per dispute when it has two questions: its dispute, twice here.)"""
    import divergence.corpus.serve as serve

    def twice(report):  # noqa: ANN001, ANN202
        return {g: [*ds, *ds] for g, ds in all_disputes_by_group(report).items()}

    all_disputes_by_group = serve.all_disputes_by_group
    monkeypatch.setattr(serve, "all_disputes_by_group", twice)
    _, _, page = _request(server, "/")
    assert 'class="reasons"' in page
    targets = set(re.findall(r'\bid="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', page)
    assert [x for x in links if x not in targets] == []


def test_context_window_cuts_escapes_and_marks() -> None:
    text = "x" * 50 + " " + "word " * 100 + "<b>The claim</b> here." + " tail" * 100
    start = text.index("<b>")
    article = Article("a", "a.txt", text, "S", body=((0, len(text)),))
    claim = Claim("a:0", "a", "<b>The claim</b> here.", start, start + 22)
    out = str(context_window(article, claim, width=40))
    assert out.startswith("…word") and out.endswith("tail…")
    assert '<mark class="claim">&lt;b&gt;The claim&lt;/b&gt; here.</mark>' in out
    assert len(out) < 200
    bad = Claim("a:1", "a", "<i>no offsets</i>", -1, 0)
    assert str(context_window(article, bad)) == (
        '<mark class="claim">&lt;i&gt;no offsets&lt;/i&gt;</mark>')


def test_api_flagged_is_json(server: ReviewServer) -> None:
    status, headers, text = _request(server, "/api/flagged")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    (item,) = json.loads(text)
    assert item["label"] == "conflict" and item["flagged"] and item["verdict"] is None


# ---------------------------------------------------------------- writes


def test_write_needs_the_token(server: ReviewServer, corpus_db: Path) -> None:
    gid = _group_id(server)
    status, doc = _decide(server, {"group": gid, "decision": "dismiss"})
    assert status == 403 and TOKEN_HEADER in doc["error"]
    status, _ = _decide(server, {"group": gid, "decision": "dismiss"}, **{TOKEN_HEADER: "nope"})
    assert status == 403
    with Corpus(corpus_db, create=False) as corpus:
        assert corpus.latest_verdicts() == {}


def test_decision_is_stored(server: ReviewServer, corpus_db: Path) -> None:
    gid, token = _group_id(server), _token(server)
    status, doc = _decide(server, {"group": gid, "decision": "dismiss", "note": "two ferries"},
                          **{TOKEN_HEADER: token})
    assert status == 201, doc
    assert doc["flagged"] is False and doc["verdict"]["decision"] == "dismiss"
    assert doc["verdict"]["reviewer"] == "alice"
    with Corpus(corpus_db, create=False) as corpus:
        v = corpus.latest_verdicts()[gid]
    assert (v.decision, v.reviewer, v.note) == ("dismiss", "alice", "two ferries")
    assert json.loads(_request(server, "/api/flagged")[2]) == []
    page = _request(server, "/")[2]
    assert 'id="pending-count">0<' in page and 'id="reviewed-count">1<' in page
    status, doc = _decide(server, {"group": gid, "decision": "confirm"}, **{TOKEN_HEADER: token})
    assert status == 201 and doc["flagged"] is True


def test_bad_requests(server: ReviewServer) -> None:
    gid, token = _group_id(server), _token(server)
    auth = {TOKEN_HEADER: token}
    status, doc = _decide(server, {"group": "g-nope", "decision": "dismiss"}, **auth)
    assert status == 404 and "unknown group id 'g-nope'" in doc["error"]
    status, doc = _decide(server, {"group": gid, "decision": "maybe"}, **auth)
    assert status == 400 and "confirm, dismiss, agree, unrelated" in doc["error"]
    status, doc = _decide(server, {"group": gid, "decision": "dismiss", "note": 5}, **auth)
    assert status == 400
    status, _, text = _request(server, "/api/verdicts", raw=b"{not json", headers=auth)
    assert status == 400 and "not valid JSON" in text
    deep = b'{"group":' + b"[" * 30000 + b"]" * 30000 + b"}"  # dropped the connection before
    status, _, text = _request(server, "/api/verdicts", raw=deep, headers=auth)
    assert status == 400 and "nested too deep" in text
    status, doc = _decide(server, ["dismiss"], **auth)
    assert status == 400
    assert _request(server, "/nowhere")[0] == 404


def test_cross_origin_and_foreign_host_are_refused(server: ReviewServer) -> None:
    gid, token = _group_id(server), _token(server)
    body = {"group": gid, "decision": "agree"}
    status, doc = _decide(server, body, **{TOKEN_HEADER: token, "Origin": "http://evil.example"})
    assert status == 403 and "cross-origin" in doc["error"]
    # DNS rebinding: a foreign name that resolves to 127.0.0.1 gets nothing, not even the page
    rebound = {"Host": f"evil.example:{server.server_address[1]}"}
    status, _, text = _request(server, "/", headers=rebound)
    assert status == 403 and "divergence-token" not in text
    own = server.url.rstrip("/")
    status, doc = _decide(server, body, **{TOKEN_HEADER: token, "Origin": own})
    assert status == 201, doc


def test_host_is_loopback_by_default(corpus_db: Path) -> None:
    from divergence.cli.serve import serve

    srv = make_server(corpus_db, Judge(), port=0)
    try:
        assert srv.server_address[0] == "127.0.0.1" and srv.url.startswith("http://127.0.0.1:")
    finally:
        srv.server_close()
    assert serve_mod.DEFAULT_HOST == "127.0.0.1"
    assert next(p for p in serve.params if p.name == "host").default == "127.0.0.1"


def test_a_bad_host_is_blamed_not_the_port(corpus_db: Path) -> None:
    """``--host 256.1.1.1`` was told to "choose another --port"."""
    with pytest.raises(DivergenceError, match="check --host") as err:
        make_server(corpus_db, Judge(), host="256.1.1.1", port=0)
    assert "--port" not in str(err.value)


def test_each_start_makes_a_new_token(corpus_db: Path) -> None:
    a, b = (make_server(corpus_db, Judge(), port=0) for _ in range(2))
    try:
        assert a.token != b.token and len(a.token) >= 32
    finally:
        a.server_close()
        b.server_close()


# ---------------------------------------------------------------- the command


def _no_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    def stop(self: ReviewServer, poll_interval: float = 0.5) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ReviewServer, "serve_forever", stop)


def test_cli_prints_the_url_and_stops_cleanly(corpus_db: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _no_serving(monkeypatch)
    result = run_cli("serve", "--db", str(corpus_db), "--port", "0", "--reviewer", "bob")
    assert result.exit_code == 0, result.output
    assert re.search(r"at http://127\.0\.0\.1:\d+/ ", result.stderr)
    assert "as bob" in result.stderr and "warning" not in result.stderr
    assert result.stdout == ""


def test_sigterm_is_caught_before_the_start_line(corpus_db: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code printed "reviewing ... at URL" and only then caught SIGTERM: a supervisor (or
    test) that stopped the server on reading that line could kill it silently (exit -15)."""
    import signal

    import click

    from divergence.cli import serve as serve_cli

    seen: list[object] = []
    echo = click.echo

    def watch(message: object = None, *args: Any, **kwargs: Any) -> None:
        if "reviewing" in str(message):
            seen.append(signal.getsignal(signal.SIGTERM))
        echo(message, *args, **kwargs)

    monkeypatch.setattr(click, "echo", watch)
    _no_serving(monkeypatch)
    result = run_cli("serve", "--db", str(corpus_db), "--port", "0")
    assert result.exit_code == 0, result.output
    assert seen == [serve_cli._stop]
    assert signal.getsignal(signal.SIGTERM) is not serve_cli._stop  # put back after


def test_cli_warns_for_another_address(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_serving(monkeypatch)
    result = run_cli("serve", "--db", str(corpus_db), "--port", "0", "--host", "0.0.0.0")
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0" in result.stderr


def test_a_short_form_of_every_address_is_every_address(corpus_db: Path) -> None:
    # "0" binds 0.0.0.0: the URL names that, and a request by the machine's own name is
    # served, not refused as a foreign Host
    srv = make_server(corpus_db, Judge(), host="0", port=0)
    try:
        assert re.fullmatch(r"http://0\.0\.0\.0:\d+/", srv.url)
        assert srv.hosts is None
    finally:
        srv.server_close()


def test_cli_errors_are_one_line(in_tmp: Path, corpus_db: Path) -> None:
    result = run_cli("serve", "--db", "missing.db")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        "divergence: error: missing.db: no corpus database here; create one with: "
        "divergence add PATHS --db missing.db"]
    busy = make_server(corpus_db, Judge(), port=0)
    try:
        result = run_cli("serve", "--db", str(corpus_db), "--port", str(busy.server_address[1]))
    finally:
        busy.server_close()
    assert result.exit_code == 1 and "cannot listen on 127.0.0.1" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_help_teaches() -> None:
    result = run_cli("serve", "--help")
    assert result.exit_code == 0
    for text in ("Examples:", "divergence serve --db news.db", "--host", "--port", "127.0.0.1",
                 "Ctrl-C", "/api/flagged"):
        assert text in result.output


# ---------------------------------------------------------------- in a real browser


def test_browser_dismiss_is_stored_and_planted_script_does_not_run(
        server: ReviewServer, corpus_db: Path) -> None:
    gid = _group_id(server)
    t0 = time.monotonic()
    with chromium() as (sync_api, browser):
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url)
        card = page.locator(f'.card[data-group="{gid}"]')
        sync_api.expect(card).to_be_visible()
        card.locator("input.note").fill("two <b>ferries</b>")
        card.get_by_role("button", name="dismiss").click()
        sync_api.expect(card.locator(".status")).to_have_text("saved")
        sync_api.expect(page.locator(f'#reviewed .card[data-group="{gid}"]')).to_be_visible()
        sync_api.expect(page.locator("#pending-count")).to_have_text("0")
        verdict = card.locator(".verdict")
        sync_api.expect(verdict).to_contain_text("dismiss by alice")
        assert "two <b>ferries</b>" in verdict.inner_text()  # the note shown as text
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert "window.pwned=1" in card.inner_text()  # shown as text, not run
        assert errors == []
    with Corpus(corpus_db, create=False) as corpus:
        v = corpus.latest_verdicts()[gid]
    assert (v.decision, v.reviewer, v.note) == ("dismiss", "alice", "two <b>ferries</b>")
    print(f"browser test: {time.monotonic() - t0:.1f} s")


# ---------------------------------------------------------------- s61 audit: odd requests


def test_head_answers_as_get_without_a_body(server: ReviewServer) -> None:
    """``curl -I`` and uptime checks got 501 Not Implemented."""
    req = urllib.request.Request(server.url, method="HEAD")
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200 and r.read() == b""
        assert r.headers["Content-Type"].startswith("text/html")


def test_a_failure_no_handler_foresaw_is_a_500_with_json(server: ReviewServer,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """A damaged calibration row raised a JSONDecodeError: the connection was dropped with
    no answer, and the server printed a traceback for every request."""
    def broken(*args: Any, **kwargs: Any) -> None:
        raise ValueError("a row that cannot be read")

    monkeypatch.setattr(serve_mod, "corpus_report", broken)
    status, _, text = _request(server, "/api/flagged")
    assert status == 500 and "a row that cannot be read" in json.loads(text)["error"]
    assert "Traceback" not in capsys.readouterr().err


def test_a_404_shows_the_path_as_sent_and_cut_short(server: ReviewServer) -> None:
    """``GET /é`` came back as ``/Ã©``; a 60 KB group id came back whole."""
    import socket
    from urllib.parse import urlsplit

    where = urlsplit(server.url)
    with socket.create_connection((where.hostname, where.port), timeout=10) as conn:
        conn.sendall(f"GET /é HTTP/1.1\r\nHost: {where.netloc}\r\nConnection: close\r\n\r\n"
                     .encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.0 404") or answer.startswith(b"HTTP/1.1 404")
    assert "/é" in json.loads(answer.split(b"\r\n\r\n", 1)[1].decode("utf-8"))["error"]
    status, body = _decide(server, {"group": "g" * 60_000, "decision": "dismiss"},
                           **{TOKEN_HEADER: _token(server)})
    assert status == 404 and len(body["error"]) < 300


def test_sigterm_stops_the_server_as_ctrl_c_does(corpus_db: Path) -> None:
    """Old code: `docker stop` / systemd's SIGTERM ended serve with exit 143 and no word."""
    import os
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "divergence.cli", "serve", "--db",
                             str(corpus_db), "--port", "0", "--rules-only"],
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert "reviewing" in line, line
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0 and "stopped; every verdict is stored" in err
