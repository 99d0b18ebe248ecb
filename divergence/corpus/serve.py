"""A local review page for a corpus's flagged conflicts (``divergence serve``).

A stdlib ``ThreadingHTTPServer`` with three routes: ``GET /`` renders the page, ``GET /api/flagged``
lists the flagged groups as JSON, ``POST /api/verdicts`` stores a decision. A write needs the token
made fresh at every start, which only the page carries (header ``X-Divergence-Token``), a Host
header naming this server, and a same-origin ``Origin`` when one is sent; so another web site can
neither read the token nor post a verdict. Every request opens its own SQLite connection. All
article text is escaped (Jinja2 autoescape; the highlighted windows are escaped piece by piece),
control characters are shown escaped, and the Content-Security-Policy runs only the page's own
script, by nonce. Every answer, errors and 501s included, carries the security headers; a body is
read with a timeout, and a client that goes away is not an error worth a traceback.
"""

from __future__ import annotations

import errno
import functools
import json
import re
import secrets
import socket
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup

from ..contract import flagged_to_dict
from ..errors import DivergenceError
from ..ingest.textsafe import (
    MAX_NOTE,
    check_note,
    check_reviewer,
    clip,
    inert,
    json_dumps_safe,
)
from ..records import DECISIONS, Article, Claim, ClaimGroup, Reason, Report, Span
from ..report.dispute_view import all_disputes_by_group, top_reasons
from ..report.html import dispute_context, mark_spans, template_env
from ..report.markdown import columns, speaker_of
from .ops import corpus_report, ensure_grouping
from .review import default_reviewer, flagged_groups
from .store import Corpus

if TYPE_CHECKING:
    from ..judge import Judge

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
TOKEN_HEADER = "X-Divergence-Token"
TEMPLATE = "review.html.j2"
WINDOW = 240  # characters of article text shown on each side of a claim
_BREAKS = re.compile(r"[ \t]*\n\s*")  # blank lines and indents, shown as one line break
_MAX_BODY = 64 * 1024
READ_TIMEOUT = 10.0  # seconds a client may take to send a request line, headers or body
_WILDCARD = ("0.0.0.0", "::", "")


class ReviewServer(ThreadingHTTPServer):
    """The review page's server: the corpus path, the judge, the reviewer and a fresh token.

    Build it with ``make_server``; ``serve_forever()`` serves until ``shutdown()``.
    """

    daemon_threads = True

    def __init__(self, db: Path, judge: Judge, host: str, port: int, reviewer: str,
                 read_timeout: float = READ_TIMEOUT) -> None:
        self.db, self.judge, self.reviewer = db, judge, reviewer
        self.read_timeout = read_timeout
        self.token = secrets.token_urlsafe(32)
        self.lock = threading.Lock()  # one regroup at a time (after `add` while serving)
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _Handler)
        bound = str(self.server_address[0])
        every = host in _WILDCARD or bound in _WILDCARD  # "0" binds 0.0.0.0 too
        shown = bound if every else host  # the URL says 0.0.0.0, not the "0" typed
        shown = f"[{shown}]" if ":" in shown else shown
        self.url = f"http://{shown}:{self.server_address[1]}/"
        names = {"127.0.0.1", "localhost", "[::1]", shown, f"[{bound}]" if ":" in bound else bound}
        # Bound to every address, the server cannot know the names it is reached by; the token
        # still guards writes. Otherwise a foreign Host (DNS rebinding) is refused.
        self.hosts = None if every else {f"{n}:{self.server_address[1]}" for n in names}

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up or stalls is routine: no traceback. Anything else is reported
        as the base class does."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def make_server(db: str | PathLike[str], judge: Judge, host: str = DEFAULT_HOST,
                port: int = DEFAULT_PORT, reviewer: str | None = None,
                read_timeout: float = READ_TIMEOUT) -> ReviewServer:
    """A review server for the corpus at ``db``, listening but not yet serving.

    Args:
        judge: regroups the corpus when it holds no grouping (never grouped, or grown since).
        port: 0 picks a free port (see ``server.url``).
        reviewer: who the verdicts are stored under [default: ``default_reviewer()``].
        read_timeout: seconds a client may take to send a request (its body included).

    Raises:
        DivergenceError: no corpus at ``db``, an empty, too long or unprintable reviewer name,
            or the address is unusable.
    """
    who = check_reviewer(default_reviewer() if reviewer is None else reviewer)
    with Corpus(db, create=False) as corpus:
        ensure_grouping(corpus, judge)
    try:
        return ReviewServer(Path(db), judge, host, port, who, read_timeout)
    except OSError as e:
        hint = ("check --host: give an address of this machine, such as 127.0.0.1"
                if isinstance(e, socket.gaierror) or e.errno == errno.EADDRNOTAVAIL
                else "choose another --port, or --port 0 for a free one")
        raise DivergenceError(f"cannot listen on {host}:{port} ({e.strerror or e}); {hint}"
                              ) from None


# ---------------------------------------------------------------- the page


def render_page(report: Report, token: str, nonce: str, reviewer: str, db: str = "") -> str:
    """The review page: flagged conflicts (most confident first), then the reviewed groups."""
    claims, articles = report.claims_by_id(), report.articles_by_id()
    reviewed = sorted((g for g in report.groups if g.verdict and not g.flagged),
                      key=lambda g: (-g.confidence, g.id))
    disputes = all_disputes_by_group(report)

    def card(g: ClaimGroup) -> dict[str, Any]:
        view = _card(g, claims, articles)
        view["disputes"] = [dispute_context(report, d, claims, articles, claim_view=_item,
                                            claim_links=False)
                            for d in disputes.get(g.id, ())]  # one per question
        return view

    return _env().get_template(TEMPLATE).render(
        pending=[card(g) for g in flagged_groups(report)],
        reviewed=[card(g) for g in reviewed],
        decisions=DECISIONS, token=token, nonce=nonce, reviewer=reviewer, db=db,
        token_header=TOKEN_HEADER)


def context_window(article: Article | None, claim: Claim, spans: Sequence[Span] = (),
                   width: int = WINDOW) -> Markup:
    """Escaped article text around a claim, the claim in ``<mark class="claim">``.

    Up to ``width`` characters each side, cut at a space and kept inside the article body; the
    reason spans are marked inside the claim. Without usable offsets, the claim text alone.
    """
    start, end = claim.start, claim.end
    if article is None or not 0 <= start < end <= len(article.text):
        return Markup('<mark class="claim">{}</mark>').format(mark_spans(claim.text, spans))
    text = article.text
    while start < end - 1 and text[start].isspace():  # the mark hugs the words
        start += 1
    body_lo = min(min((lo for lo, _ in article.body), default=0), start)
    body_hi = max(max((hi for _, hi in article.body), default=len(text)), end)
    lo, hi = max(body_lo, start - width), min(body_hi, end + width)
    if lo > body_lo and (cut := text.find(" ", lo, start)) >= 0:
        lo = cut + 1
    if hi < body_hi and (cut := text.rfind(" ", end, hi)) >= 0:
        hi = cut
    return Markup('{}{}<mark class="claim">{}</mark>{}{}').format(
        "…" if lo > body_lo else "", inert(_BREAKS.sub("\n", text[lo:start].lstrip()), True),
        mark_spans(text[start:end], spans), inert(_BREAKS.sub("\n", text[end:hi].rstrip()), True),
        "…" if hi < body_hi else "")


def _item(c: Claim, a: Article | None, spans: Sequence[Span]) -> dict[str, Any]:
    """One claim on the page: who says it, where, and its window of article text."""
    return {"speaker": speaker_of(c, a), "own": c.speaker is None, "stance": c.stance,
            "cue": c.cue, "outlet": a.source if a else c.article_id,
            "date": a.date if a else None, "title": a.title if a else None,
            "window": context_window(a, c, [s for s in spans if s.claim == c.id])}


def _card(g: ClaimGroup, claims: dict[str, Claim], articles: dict[str, Article]) -> dict[str, Any]:
    spans = [s for r in g.reasons for s in r.spans]
    cols = [{"voice": col.voice, "outlets": [o for o in col.outlets if o != col.voice],
             "claims": [_item(c, articles.get(c.article_id), spans) for c in col.claims]}
            for col in columns(g, claims, articles)]
    shown, rest = top_reasons(g.reasons)
    return {"id": g.id, "label": g.label, "confidence": g.confidence, "sources": g.sources,
            "flagged": g.flagged, "verdict": g.verdict, "columns": cols, "disputes": [],
            "reasons": [_reason(r) for r in shown], "more": [_reason(r) for r in rest]}


def _reason(r: Reason) -> dict[str, Any]:
    return {"type": r.type, "detail": r.detail, "confidence": r.weight, "claims": [],
            "spans": list(dict.fromkeys(s.text for s in r.spans if s.text))}


@functools.lru_cache(maxsize=1)
def _env() -> Environment:
    return template_env()


# ---------------------------------------------------------------- HTTP


def _csp(nonce: str) -> str:
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer

    def setup(self) -> None:
        """Every read on this connection times out: a stalled client frees its thread."""
        self.timeout = self.server.read_timeout
        super().setup()

    def version_string(self) -> str:
        """The Server header: no Python version."""
        return "divergence"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Quiet: the terminal shows the URL and errors, not every request."""

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        """The page, or the flagged groups as JSON."""
        self._guarded(self._get)

    def do_HEAD(self) -> None:  # noqa: N802 - the base class's name
        """What GET answers, without the body (``_send``): uptime checks and ``curl -I``."""
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802 - the base class's name
        """Store one decision: JSON ``{group, decision, note}`` with the page's token."""
        self._guarded(lambda: self._json(*self._post()))

    def _guarded(self, answer: Callable[[], None]) -> None:
        """Answer; a failure no handler foresaw (a damaged row, a bug) is a 500 with JSON and one
        line on the server's stderr, never a dropped connection and a traceback."""
        try:
            answer()
        except (ConnectionError, TimeoutError):
            raise
        except Exception as e:  # noqa: BLE001 - the last guard of a long-running server
            why = f"{type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"
            print(inert(f"divergence: error answering {self.command} {clip(self.path)}: {why}"),
                  file=sys.stderr)
            self.close_connection = True
            self._json(500, {"error": f"the server failed ({why}); see its terminal"})

    def _get(self) -> None:
        path = urlsplit(self.path).path
        if not self._host_ok():
            self._json(403, {"error": "unknown Host; open the URL that divergence serve printed"})
        elif path not in ("/", "/api/flagged"):  # the request line was read as Latin-1
            shown = path.encode("latin-1", "replace").decode("utf-8", "replace")
            self._json(404, {"error": f"no page at {clip(shown)}; open /"})
        elif isinstance(report := self._report(), str):
            self._json(500, {"error": report})
        elif path == "/api/flagged":
            self._json(200, [flagged_to_dict(report, g) for g in flagged_groups(report)])
        else:
            nonce = secrets.token_urlsafe(16)
            page = render_page(report, self.server.token, nonce, self.server.reviewer,
                               str(self.server.db))
            self._send(200, page.encode("utf-8"), "text/html; charset=utf-8", _csp(nonce))

    def _post(self) -> tuple[int, dict[str, Any]]:
        if not self._host_ok():
            return 403, {"error": "unknown Host; open the URL that divergence serve printed"}
        if urlsplit(self.path).path != "/api/verdicts":
            return 404, {"error": "post verdicts to /api/verdicts"}
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{self.headers.get('Host', '')}":
            return 403, {"error": "cross-origin request refused"}
        token = self.headers.get(TOKEN_HEADER, "")
        if not secrets.compare_digest(token.encode(), self.server.token.encode()):
            return 403, {"error": f"missing or wrong {TOKEN_HEADER}; reload the page"}
        body, why = self._body()
        if why:
            return 400, {"error": why}
        group, decision, note = body.get("group"), body.get("decision"), body.get("note")
        if decision not in DECISIONS:
            return 400, {"error": f"unknown decision {decision!r}; choose from "
                                  f"{', '.join(DECISIONS)}"}
        if not isinstance(group, str) or not group:
            return 400, {"error": 'need "group": a group id'}
        if note is not None and not isinstance(note, str):
            return 400, {"error": f'"note" must be text of at most {MAX_NOTE} characters'}
        try:
            note = check_note(note)
        except DivergenceError as e:
            return 400, {"error": str(e)}
        return self._decide(group, decision, note)

    def _decide(self, group: str, decision: str, note: str | None) -> tuple[int, dict[str, Any]]:
        try:
            with Corpus(self.server.db, create=False) as corpus:
                with self.server.lock:
                    ensure_grouping(corpus, self.server.judge)
                grouping = corpus.load_grouping()
                g = {g.id: g for g in grouping[1]}.get(group) if grouping else None
                if g is None:
                    return 404, {"error": f"unknown group id {clip(group)!r}; reload the page "
                                          "(the corpus may have been regrouped)"}
                v = corpus.add_verdict(group, decision, self.server.reviewer, note)
        except (DivergenceError, sqlite3.Error) as e:
            return 500, {"error": str(e)}
        return 201, {"group": group, "verdict": asdict(v),
                     "flagged": replace(g, verdict=v).flagged}

    def _report(self) -> Report | str:
        """The corpus as a report with verdicts applied, or what went wrong."""
        try:
            with Corpus(self.server.db, create=False) as corpus:
                with self.server.lock:
                    ensure_grouping(corpus, self.server.judge)
                return corpus_report(corpus, self.server.judge)
        except (DivergenceError, sqlite3.Error) as e:
            return str(e)

    def _host_ok(self) -> bool:
        """A Host header naming this server (a rebound DNS name does not)."""
        return self.server.hosts is None or self.headers.get("Host", "") in self.server.hosts

    def _body(self) -> tuple[dict[str, Any], str | None]:
        try:
            size = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return {}, "need a Content-Length"
        if not 0 < size <= _MAX_BODY:
            return {}, f"the body must be 1 to {_MAX_BODY} bytes of JSON"
        if self.headers.get_content_type() != "application/json":
            return {}, "the body must be application/json"
        try:
            raw = self.rfile.read(size)
        except TimeoutError:
            self.close_connection = True
            return {}, (f"the body did not arrive within {self.server.read_timeout:g} s "
                        f"({size} bytes announced)")
        if len(raw) < size:  # the client closed its side early
            self.close_connection = True
            return {}, f"the body ended after {len(raw)} of the {size} bytes announced"
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return {}, "the body is not valid JSON"
        except RecursionError:  # "[[[[...": nested deeper than the parser goes
            return {}, "the body is JSON nested too deep"
        return (body, None) if isinstance(body, dict) else ({}, "the body must be a JSON object")

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """Errors the base class answers (501 for an unknown method, 400 for a bad request
        line, 414, 431, ...) as JSON with the same security headers as every other answer."""
        self.close_connection = True
        short, _ = self.responses.get(code, ("error", ""))
        self._json(code, {"error": message or short})

    def _json(self, status: int, doc: Any) -> None:
        data = json_dumps_safe(doc).encode("utf-8")
        self._send(status, data, "application/json; charset=utf-8", "default-src 'none'")

    def _send(self, status: int, data: bytes, ctype: str, csp: str) -> None:
        """Answer with the security headers; a client that has gone away is let go quietly."""
        head_only = self.command == "HEAD" or status < 200 or status in (204, 304)
        try:
            self.send_response(status)
            for name, value in (("Content-Type", ctype), ("Content-Length", str(len(data))),
                                ("Content-Security-Policy", csp),
                                ("X-Content-Type-Options", "nosniff"),
                                ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store"),
                                ("X-Frame-Options", "DENY")):
                self.send_header(name, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if not head_only:
                self.wfile.write(data)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
