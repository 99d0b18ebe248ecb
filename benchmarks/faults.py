"""Fault matrix (issue 13): hostile inputs and clients, each tried as a user would meet them.

Every category is a function that tries its faults and returns one ``Outcome`` per try: clean (a
result or one clear message), traceback (a Python traceback reached the user), lost (an input
that ended neither in the report nor in a skip warning, or a verdict not stored) or hang (no
answer within the time limit). Prints a table, one row per category; exits 1 if anything was
not clean.

    .venv/bin/python benchmarks/faults.py                 # every category
    .venv/bin/python benchmarks/faults.py serve huge      # some of them
    .venv/bin/python benchmarks/faults.py --list

Extending it (the database faults live elsewhere): register more categories with the ``fault``
decorator in a module named in ``EXTENSIONS`` (``benchmarks/faults_db.py`` is loaded when it
exists), e.g.

    from faults import Outcome, fault

    @fault("db-concurrent-add")
    def concurrent_add(tmp: Path) -> list[Outcome]: ...
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [str(ROOT / ".venv" / "bin" / "divergence")]
TIME_LIMIT = 60.0  # seconds any one try may take
ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
EXTENSIONS = ("faults_db", "faults_inputs")  # modules beside this one with more categories


@dataclass(frozen=True)
class Outcome:
    """One try: its name, what happened (clean/traceback/lost/hang) and a short note."""

    name: str
    result: str
    note: str = ""


Category = Callable[[Path], list[Outcome]]
FAULTS: dict[str, Category] = {}


def fault(name: str) -> Callable[[Category], Category]:
    """Register a category of faults under ``name`` (the hook other fault modules use)."""

    def register(fn: Category) -> Category:
        FAULTS[name] = fn
        return fn

    return register


# ---------------------------------------------------------------- running the CLI


def run_cli(args: list[str], cwd: Path, stdin: bytes | None = None,
            timeout: float = TIME_LIMIT) -> tuple[int | None, str, str, float]:
    """(exit code or None on a hang, stdout, stderr, seconds) of one ``divergence`` run."""
    t = time.perf_counter()
    try:
        p = subprocess.run(CLI + args, cwd=cwd, input=stdin, capture_output=True,
                           timeout=timeout, env={**os.environ, "NO_COLOR": "1"})
    except subprocess.TimeoutExpired as e:
        return None, "", (e.stderr or b"").decode("utf-8", "replace"), time.perf_counter() - t
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"), time.perf_counter() - t)


def exit_outcome(name: str, code: int | None, err: str, ok: tuple[int, ...] = (0,)) -> Outcome:
    """One run's outcome from its exit code and stderr: clean when it ended in time with an
    expected code and no traceback (the note: its last line of stderr)."""
    if code is None:
        return Outcome(name, "hang", f"> {TIME_LIMIT:.0f} s")
    if "Traceback" in err:
        return Outcome(name, "traceback", err.strip().splitlines()[-1][:120])
    if code not in ok:
        return Outcome(name, "lost", f"exit {code}: {err.strip()[-120:]}")
    return Outcome(name, "clean", err.strip().splitlines()[-1][:80] if err.strip() else "")


def report_outcome(name: str, files: list[Path], cwd: Path, extra: tuple[str, ...] = (),
                   expect_articles: int | None = None) -> Outcome:
    """Run ``report`` on ``files``; every file must end in the report or in a skip warning."""
    out = cwd / "out" / name.replace(".", "-")
    code, _, err, secs = run_cli(["report", *map(str, files), "-o", str(out), "--embedder",
                                  "hashing", "--no-cache", "--claims-dir",
                                  str(cwd / "claims"), *extra], cwd)
    if code is None:
        return Outcome(name, "hang", f"> {TIME_LIMIT:.0f} s")
    if "Traceback" in err:
        return Outcome(name, "traceback", err.strip().splitlines()[-1][:120])
    if "\x1b" in err:
        return Outcome(name, "traceback", "raw ESC reached the terminal")
    read = 0
    if code == 0:
        doc = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
        read = len(doc["articles"])
        for ext in ("md", "html"):
            if "\x1b" in out.with_suffix(f".{ext}").read_text(encoding="utf-8"):
                return Outcome(name, "traceback", f"raw ESC in the {ext} report")
    warned = err.count("warning: skipped")
    if expect_articles is not None and read + warned < expect_articles:
        return Outcome(name, "lost", f"{read} read + {warned} skipped < {expect_articles}")
    if code not in (0, 1) or (code == 1 and "error:" not in err):
        return Outcome(name, "lost", f"exit {code} without a message")
    return Outcome(name, "clean", f"{secs:.1f} s, {read} read, {warned} skipped")


# ---------------------------------------------------------------- input categories


def _write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


@fault("bytes")
def random_bytes(tmp: Path) -> list[Outcome]:
    """Random bytes, NUL-laden text and truncated UTF-8 under article extensions."""
    rng = random.Random(13)
    cases = {
        "random.txt": bytes(rng.randrange(256) for _ in range(4000)),
        "nul.txt": b"The ferry sank\x00 on Monday.\x00" * 20,
        "cut-utf8.txt": "Der Fährmann sagte, die Fähre sei gesunken.".encode()[:-1] + b"\xc3",
        "random.jsonl": bytes(rng.randrange(256) for _ in range(2000)),
        "random.html": b"<html>" + bytes(rng.randrange(256) for _ in range(2000)),
        "empty.txt": b"", "spaces.txt": b" \n\t\n",
    }
    return [report_outcome(n, [_write(tmp, n, d)], tmp, expect_articles=1)
            for n, d in cases.items()]


@fault("encodings")
def encodings(tmp: Path) -> list[Outcome]:
    """One article in many encodings, with and without a byte-order mark."""
    text = "source: Zeitung\n\nDie Fähre sank am Montag, sagte der Minister. Café « ok »."
    out = []
    for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252",
                "shift_jis"):
        path = _write(tmp, f"enc-{enc}.txt", text.encode(enc, errors="replace"))
        out.append(report_outcome(f"enc-{enc}", [path], tmp, expect_articles=1))
    return out


@fault("jsonl")
def jsonl_shapes(tmp: Path) -> list[Outcome]:
    """JSON Lines shapes: one-line and pretty arrays, null and odd types, long ids, bad lines."""
    art = {"text": "The ferry sank near the port on Monday, officials said."}
    art2 = {"text": "The ferry did not sink on Monday, the operator said."}
    cases: dict[str, tuple[str, int]] = {
        "one-line-array.json": (json.dumps([art, art2]), 2),
        "pretty-array.json": (json.dumps([art, art2], indent=2), 2),
        "pretty-object.json": (json.dumps(art, indent=2), 1),
        "text-null.jsonl": (json.dumps({"text": None}) + "\n" + json.dumps(art), 2),
        "text-number.jsonl": (json.dumps({"text": 5}) + "\n" + json.dumps(art), 2),
        "long-id.jsonl": (json.dumps({**art, "id": "x" * 5000}) + "\n" + json.dumps(art2), 2),
        "bad-lines.jsonl": ("{\n" + json.dumps(art) + "\n[1,2]\nnull\n\"s\"\n", 5),
        "esc-source.jsonl": (json.dumps({**art, "source": f"Evil{ESC}"}) + "\n"
                             + json.dumps({**art2, "source": f"Calm{ESC}"}), 2),
    }
    return [report_outcome(n, [_write(tmp, n, t.encode())], tmp, expect_articles=k)
            for n, (t, k) in cases.items()]


@fault("html")
def html_pages(tmp: Path) -> list[Outcome]:
    """Tag soup, script-only pages, entities for control characters, a huge page."""
    body = "<p>The ferry sank near the port on Monday, officials said.</p>"
    cases = {
        "soup.html": f"<html><body><div><p>{body}<table><tr><td>x</div></body>",
        "script.html": "<html><script>alert(1)</script></html>",
        "entities.html": f"<html><head><title>T&#x1b;[31m</title></head><body>{body}"
                         "<p>Second &#x1b;]0;x&#7; paragraph of the page here.</p></body></html>",
        "unclosed.html": "<!doctype html><html><body><!-- " + body,
        "huge.html": "<html><body>" + body * 120_000 + "</body></html>",
    }
    return [report_outcome(n, [_write(tmp, n, t.encode())], tmp, expect_articles=1)
            for n, t in cases.items()]


@fault("headers")
def header_lines(tmp: Path) -> list[Outcome]:
    """Header blocks with long space runs, ESC in the source line, odd datelines and credits."""
    body = "The ferry sank near the port on Monday, officials said.\n"
    cases = {
        "kv-spaces.txt": "a:" + " " * 200_000 + "x\n" + body,
        "outlet-spaces.txt": "Daily News" + " " * 200_000 + "y\n" + body,
        "esc-source.txt": f"source: Evil{ESC}Times\ntitle: T{ESC}\n\n" + body,
        "dateline.txt": "NEW DELHI, May 28 (IANS) " + body + "-- PTI\n",
        "only-header.txt": "source: X\ndate: 2025-01-01\n\n",
        "credit-dashes.txt": body + "." + "-" * 100_000 + " PTI",
    }
    return [report_outcome(n, [_write(tmp, n, t.encode())], tmp, expect_articles=1)
            for n, t in cases.items()]


@fault("huge")
def huge_inputs(tmp: Path) -> list[Outcome]:
    """A 5,000-sentence paragraph (split, then the whole report), a 20 MB line, 20 MB of JSONL."""
    from divergence.ingest.io import make_article
    from divergence.ingest.split import split

    verbs = ("said", "reported", "confirmed", "denied")
    para = " ".join(f"Officials {verbs[i % 4]} that {i} ferries sank near the port on Monday."
                    for i in range(5000))
    out = []
    t = time.perf_counter()
    art = make_article(para, path="para5000.txt")
    claims = split(art) if not hasattr(art, "why") else []
    secs = time.perf_counter() - t
    out.append(Outcome("split-5000-sentences", "clean" if secs < TIME_LIMIT and
                       len(claims) == 5000 else "hang", f"{secs:.1f} s, {len(claims)} claims"))
    out.append(report_outcome("report-5000-sentences", [_write(tmp, "para5000.txt",
                                                               para.encode())], tmp,
                              expect_articles=1))  # the whole report, within the time limit
    line = ("The minister said the ferry sank near the port on Monday. " * 350_000)[:20_000_000]
    out.append(report_outcome("single-line-20mb", [_write(tmp, "big.txt", line.encode())], tmp,
                              expect_articles=1))
    out.append(report_outcome("jsonl-20mb", [_write(tmp, "big.jsonl", json.dumps(
        {"text": line}).encode())], tmp, expect_articles=1))
    return out


@fault("control-text")
def control_text(tmp: Path) -> list[Outcome]:
    """ESC, C1 and bidi controls in article text, titles and sources through every output."""
    a = f"source: Evil{ESC}Times\n\nThe new ferry{ESC} terminal will open next spring, " \
        "officials said.\n"
    b = "source: Calm\u202e Post\n\nThe new ferry terminal will open in the autumn\x9b31m, " \
        "according to the port authority.\n"
    files = [_write(tmp, "ctl-a.txt", a.encode()), _write(tmp, "ctl-b.txt", b.encode())]
    out = [report_outcome("report-md-html", files, tmp, expect_articles=2)]
    db = tmp / "ctl.db"
    code, _, err, _ = run_cli(["add", *map(str, files), "--db", str(db), "--embedder", "hashing",
                               "--no-cache", "-q"], tmp)
    code2, listed, err2, _ = run_cli(["review", "--list", "--db", str(db)], tmp)
    bad = [s for s in (err, listed, err2) if "\x1b" in s or "Traceback" in s]
    out.append(Outcome("review-list", "clean" if code == code2 == 0 and not bad else
                       "traceback", f"exit {code}/{code2}"))
    note = run_cli(["review", "--db", str(db), "--decide", "g-x", "dismiss", "--note",
                    "n" * 5000], tmp)
    out.append(Outcome("note-5000-chars", "clean" if note[0] == 2 and "at most" in note[2]
                       else "lost", f"exit {note[0]}"))
    return out


# Patterns that once made a text reader backtrack for minutes (the fuzz review of 2026-12-02):
# optional spaces sharing out a long run, a name regex restarting at every letter of one long
# token, an end-anchored regex retried from every hyphen, "1,1,1,..." read as numbers.
PATHOLOGICAL = {
    "spaces-in-a-sentence": "The ceasefire" + " " * 3000 + "was agreed on Friday, officials said.",
    "capital-token": "A" * 100_000,
    "digit-commas": "1," * 20_000,
    "hyphen-token": "a-" * 50_000,
    "digit-run": "1" * 100_000,
    "semicolon-list": "a; " * 20_000,
    "said-chain": " ".join(f"Officials said Foo{i} said the minister said the war is over."
                           for i in range(1500)),
    "dates": "The talks were held on May 5, 2025, at 14:00. " * 2_000,
}


@fault("pathological-text")
def pathological_text(tmp: Path) -> list[Outcome]:
    """Each pattern as an article (``report``) and as a statement (``compare``, whose input the
    splitter does not cut), each within the time limit and without a traceback."""
    out = []
    for name, text in PATHOLOGICAL.items():
        body = "The truce held on Monday, the army said.\n\n" + text + "\n"
        out.append(report_outcome(f"report-{name}", [_write(tmp, f"{name}.txt", body.encode())],
                                  tmp, expect_articles=1))
        code, _, err, secs = run_cli(["compare", text, "The ceasefire held on Monday.",
                                      "--embedder", "hashing"], tmp)
        result = ("hang" if code is None else "traceback" if "Traceback" in err
                  else "clean" if code == 0 else "lost")
        out.append(Outcome(f"compare-{name}", result, f"{secs:.1f} s, exit {code}"))
    return out


# ---------------------------------------------------------------- serve


def _serve_outcomes(tmp: Path) -> list[Outcome]:
    from divergence.corpus.serve import make_server
    from divergence.judge import Judge

    a = "source: A\n\nThe new ferry terminal will open next spring, officials said.\n"
    b = "source: B\n\nThe new ferry terminal will open in the autumn, the port authority said.\n"
    files = [_write(tmp, "s-a.txt", a.encode()), _write(tmp, "s-b.txt", b.encode())]
    db = tmp / "serve.db"
    run_cli(["add", *map(str, files), "--db", str(db), "--embedder", "hashing", "--no-cache",
             "-q"], tmp)
    srv = make_server(db, Judge(), port=0, reviewer="fault-matrix", read_timeout=1.0)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    host = f"127.0.0.1:{srv.server_address[1]}"
    post = (f"POST /api/verdicts HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"X-Divergence-Token: {srv.token}\r\nContent-Length: 60000\r\n\r\n{{}}")
    cases: dict[str, tuple[bytes, bool, bytes]] = {  # request, hang up at once, answer start
        "stalled-body": (post.encode(), False, b"HTTP/1.0 400"),
        "stalled-body-hangup": (post.encode(), True, b""),
        "get-hangup": (f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(), True, b""),
        "half-headers-hangup": (b"GET / HTTP/1.1\r\nHost: x\r\n", True, b""),
        "silent-client": (b"", False, b""),
        **{f"method-{m}": (f"{m} / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(), False,
                           b"HTTP/1.0 501") for m in ("PUT", "OPTIONS", "DELETE", "PATCH")},
        "too-many-headers": ((f"GET / HTTP/1.1\r\nHost: {host}\r\n"
                              + "".join(f"X-{i}: 1\r\n" for i in range(120)) + "\r\n").encode(),
                             False, b"HTTP/1.0 431"),
    }
    out = []
    try:
        for name, (req, hangup, want) in cases.items():
            t = time.perf_counter()
            answer = b""
            with socket.create_connection(("127.0.0.1", srv.server_address[1]), timeout=10) as s:
                s.sendall(req)
                if not hangup:
                    with contextlib.suppress(TimeoutError):
                        while chunk := s.recv(65536):
                            answer += chunk
            secs = time.perf_counter() - t
            headers = answer.lower()
            if secs >= 10:
                out.append(Outcome(name, "hang", f"{secs:.1f} s"))
            elif want and not (answer.startswith(want) and b"content-security-policy" in headers
                               and b"x-frame-options: deny" in headers):
                out.append(Outcome(name, "lost", answer[:60].decode("latin-1")))
            else:
                out.append(Outcome(name, "clean", f"{secs:.2f} s"))
        time.sleep(1.5)  # let stalled handlers time out and write (to nobody)
    finally:
        srv.shutdown()
        srv.server_close()
    return out


@fault("serve")
def serve_faults(tmp: Path) -> list[Outcome]:
    """Slow and vanishing clients, unsupported methods, header floods; stderr must stay quiet."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        out = _serve_outcomes(tmp)
    if "Traceback" in err.getvalue() or "Error" in err.getvalue():
        last = err.getvalue().strip().splitlines()[-1][:120]
        out.append(Outcome("stderr-quiet", "traceback", last))
    else:
        out.append(Outcome("stderr-quiet", "clean"))
    return out


# ---------------------------------------------------------------- the table


RESULTS = ("clean", "traceback", "lost", "hang")


def run(names: list[str], verbose: bool = False) -> dict[str, dict[str, int]]:
    """Run the named categories; print and return the counts per category."""
    table: dict[str, dict[str, int]] = {}
    print(f"{'category':<16}{'tried':>7}" + "".join(f"{r:>11}" for r in RESULTS) + "   seconds")
    for name in names:
        t = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"faults-{name}-") as tmp:
            outcomes = FAULTS[name](Path(tmp))
        counts = {r: sum(o.result == r for o in outcomes) for r in RESULTS}
        table[name] = {"tried": len(outcomes), **counts}
        print(f"{name:<16}{len(outcomes):>7}" + "".join(f"{counts[r]:>11}" for r in RESULTS)
              + f"{time.perf_counter() - t:>10.1f}", flush=True)
        for o in outcomes:
            if verbose or o.result != "clean":
                print(f"    {o.result:<10} {o.name}: {o.note}")
    return table


def _load_extensions() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.modules.setdefault("faults", sys.modules[__name__])  # run as __main__: one registry
    for mod in EXTENSIONS:
        if (Path(__file__).resolve().parent / f"{mod}.py").exists():
            importlib.import_module(mod)


def main(argv: list[str]) -> int:
    _load_extensions()
    if "--list" in argv:
        for name, fn in FAULTS.items():
            print(f"{name:<16}{(fn.__doc__ or '').strip().splitlines()[0]}")
        return 0
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")] or list(FAULTS)
    unknown = [n for n in names if n not in FAULTS]
    if unknown:
        print(f"unknown category {', '.join(unknown)}; available: {', '.join(FAULTS)}",
              file=sys.stderr)
        return 2
    table = run(names, verbose)
    if names == list(FAULTS):  # the whole matrix: keep it beside the other results
        sys.path.insert(0, str(ROOT))
        from divergence.ingest.io import atomic_write

        atomic_write(ROOT / "benchmarks" / "results" / "faults.json", json.dumps(
            {"when": time.strftime("%Y-%m-%d %H:%M"), "categories": table}, indent=1) + "\n")
    bad = sum(row[r] for row in table.values() for r in RESULTS[1:])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
