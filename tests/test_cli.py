"""The command line through click's CliRunner: formats, input modes, stdout hygiene, bad input."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from divergence.cli import main

INPUTS = Path(__file__).parent / "data" / "inputs"
SEEDS = Path(__file__).parent.parent / "seeds"
DELHI = str(INPUTS / "delhi.txt")
TOKYO = str(INPUTS / "tokyo.txt")
FEED = str(INPUTS / "more" / "feed.jsonl")
FAST = ("--embedder", "hashing", "--no-cache")
ARTICLE = "Washington, May 28 (IANS) Officials met on Wednesday in Washington to discuss trade.\n"


def _runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout (the default from click 8.2 on)."""
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    return CliRunner()


def _run(*args: str, stdin: str | bytes | None = None) -> Result:
    return _runner().invoke(main, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test inside tmp_path, so claims/ and reports/ land there."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIVERGENCE_CACHE", str(tmp_path / "cache"))


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _error(result: Result, code: int, *parts: str) -> None:
    """The run failed with ``code`` and a message on stderr holding every one of ``parts``."""
    _no_traceback(result)
    assert result.exit_code == code, result.stderr
    for part in parts:
        assert part in result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------- help, import cost


def test_help() -> None:
    for args in (["--help"], ["-h"], ["report", "--help"]):
        result = _run(*args)
        assert result.exit_code == 0, result.output
        assert "report" in result.stdout
    assert "--format" in _run("report", "--help").stdout


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0 and "version" in result.stdout


def test_no_command_shows_the_help() -> None:
    result = _run()
    assert result.exit_code in (0, 2)  # click >= 8.2 treats "no command" as a usage error
    assert "Commands:" in result.output and "report" in result.output


def test_python_dash_m_runs_the_command() -> None:
    """``python -m divergence`` (old code: "No module named divergence.__main__")."""
    out = subprocess.run([sys.executable, "-m", "divergence", "--version"], capture_output=True,
                         text=True)
    assert out.returncode == 0 and "version" in out.stdout, out.stderr


def test_an_interrupt_leaves_at_once_with_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command exits 130 by ``os._exit`` after an interrupt (the interpreter's shutdown could
    abort with 134 in the model runtime's threads); any other exit passes through."""
    import os

    from divergence.cli import app

    left: list[int] = []

    def leave(code: int) -> None:
        left.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", leave)
    for code, expected in ((130, [130]), (0, []), (2, []), ("message", [])):
        def stop(code: object = code) -> None:
            raise SystemExit(code)

        monkeypatch.setattr(app, "main", stop)
        with pytest.raises(SystemExit) as got:
            app.run()
        assert got.value.code == code and left == expected
        left.clear()


def test_a_missing_nli_folder_is_named() -> None:
    """Old code passed the path on as a model name: a library's line on the revision, then
    "Repo id must use alphanumeric chars"."""
    result = _run("compare", "The blast killed 12.", "The blast killed 31.", "--nli",
                  "/nonexistent/nli-model")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("divergence: error: --nli /nonexistent/nli-model: no such "
                                     "folder (give a folder exported by divergence.judge.nli_onnx, "
                                     "or a CrossEncoder's name or folder)")


def test_cli_import_loads_no_heavy_library() -> None:
    code = ("import divergence.cli, sys; print([m for m in ('torch', 'sentence_transformers', "
            "'sklearn', 'numpy', 'trafilatura') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- formats and -o


@pytest.mark.parametrize(("fmt", "exts"), [
    ("md", [".md"]), ("json", [".json"]), ("md,html,json", [".html", ".json", ".md"]),
    (" JSON , md ,", [".json", ".md"]),
])
def test_formats(tmp_path: Path, fmt: str, exts: list[str]) -> None:
    result = _run("report", DELHI, TOKYO, *FAST, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    written = sorted(p.suffix for p in (tmp_path / "reports").iterdir())
    assert written == exts
    assert all(p.name.startswith("delhi-and-1-more.") for p in (tmp_path / "reports").iterdir())
    assert "wrote reports/delhi-and-1-more" in result.stderr


def test_default_format_writes_all_three(tmp_path: Path) -> None:
    assert _run("report", DELHI, *FAST, "-q").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "delhi.html", "delhi.json", "delhi.md"]


@pytest.mark.parametrize("fmt", ["pdf", "md,pdf", "", ","])
def test_bad_format_is_a_usage_error(tmp_path: Path, fmt: str) -> None:
    result = _run("report", DELHI, *FAST, "--format", fmt)
    _error(result, 2, "--format", "choose from md, html, json")
    assert not (tmp_path / "claims").exists()


@pytest.mark.parametrize(("out", "expect"), [
    ("out/today", "out/today.json"),
    ("out/today.json", "out/today.json"),
    ("out/", "out/delhi.json"),
])
def test_output_stem(tmp_path: Path, out: str, expect: str) -> None:
    result = _run("report", DELHI, *FAST, "-q", "--format", "json", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert [str(p.relative_to(tmp_path)) for p in (tmp_path / "out").iterdir()] == [expect]


def test_output_dash_prints_one_format_on_stdout(tmp_path: Path) -> None:
    """`-o -` printed nothing and wrote a file named "-.md" (helper-55's probe)."""
    result = _run("report", DELHI, *FAST, "-q", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["schema"] == "divergence.report/1"  # json by default
    result = _run("report", DELHI, *FAST, "-q", "-o", "-", "--format", "md")
    assert result.exit_code == 0 and result.stdout.startswith("# Divergence report")
    result = _run("report", DELHI, *FAST, "-q", "-o", "-", "--format", "md,json")
    assert result.exit_code == 2 and "one format" in result.stderr
    assert not list(tmp_path.glob("-*")) and not (tmp_path / "reports").exists()


def test_output_into_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "dest").mkdir()
    assert _run("report", DELHI, *FAST, "-q", "--format", "md", "-o", "dest").exit_code == 0
    assert (tmp_path / "dest" / "delhi.md").is_file()


# ---------------------------------------------------------------- claims and the report JSON


def _report(tmp_path: Path, name: str) -> dict:
    return json.loads((tmp_path / "reports" / f"{name}.json").read_text(encoding="utf-8"))


def _check_claims(tmp_path: Path, report: dict) -> int:
    """Every article has claims/<id>.jsonl and every row's offsets point at its text."""
    n = 0
    for art in report["articles"]:
        rows = [json.loads(line) for line in
                (tmp_path / "claims" / f"{art['id']}.jsonl").read_text("utf-8").splitlines()]
        assert rows, art["path"]
        for row in rows:
            assert row["article_id"] == art["id"]
            assert art["text"][row["start"]:row["end"]] == row["text"]
        n += len(rows)
    return n


def test_claims_files_and_offsets_for_seeds(tmp_path: Path) -> None:
    result = _run("report", str(SEEDS), *FAST, "-q", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = _report(tmp_path, "seeds")
    assert report["schema"] == "divergence.report/1"
    assert len(report["articles"]) == 5
    assert sorted(p.stem for p in (tmp_path / "claims").iterdir()) == sorted(
        a["id"] for a in report["articles"])
    assert _check_claims(tmp_path, report) == len(report["claims"])
    for claim in report["claims"]:  # header lines never become claims
        for header in ("date 2025", "Daijiworld Media Network-", "(IANS)", "Based On A PTI",
                       "Jaishankar Holds Talks With Top Officials"):
            assert header not in claim["text"]
    by_name = {Path(a["path"]).name[:3]: a for a in report["articles"]}
    assert (by_name["001"]["wire"], by_name["001"]["date"]) == ("IANS", "2025-05-28")
    assert by_name["000"]["source"] == "Daijiworld Media Network"


def test_claims_dir_option(tmp_path: Path) -> None:
    result = _run("report", DELHI, *FAST, "-q", "--format", "json", "--claims-dir", "cl")
    assert result.exit_code == 0
    (art,) = _report(tmp_path, "delhi")["articles"]
    assert (tmp_path / "cl" / f"{art['id']}.jsonl").is_file()


def test_a_report_on_stdout_writes_no_claims_unless_asked(tmp_path: Path) -> None:
    """Old code wrote claims/*.jsonl into the current folder for `-o -` too."""
    result = _run("report", DELHI, *FAST, "-q", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
    result = _run("report", DELHI, *FAST, "-q", "-o", "-", "--claims-dir", "cl")
    (art,) = json.loads(result.stdout)["articles"]
    assert (tmp_path / "cl" / f"{art['id']}.jsonl").is_file()


def test_cache_dir_option(tmp_path: Path) -> None:
    args = ("report", DELHI, "--embedder", "hashing", "--cache-dir", "vc", "-q", "--format", "md")
    assert _run(*args).exit_code == 0
    assert (tmp_path / "vc" / "embeddings.sqlite").is_file()
    assert _run(*args).exit_code == 0  # the second run reads the cache


def test_unusable_cache_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "vc").write_text("a file where a folder should be")
    result = _run("report", DELHI, "--embedder", "hashing", "--cache-dir", "vc", "-q",
                  "--format", "md")
    assert result.exit_code == 0
    assert "embedding cache unusable" in result.stderr


# ---------------------------------------------------------------- stdin and mixed inputs


def test_stdin_text(tmp_path: Path) -> None:
    result = _run("report", "-", *FAST, "-q", "--format", "json", stdin=ARTICLE)
    assert result.exit_code == 0, result.stderr
    (art,) = _report(tmp_path, "stdin")["articles"]
    assert (art["path"], art["wire"], art["text"]) == ("<stdin>", "IANS", ARTICLE)
    _check_claims(tmp_path, _report(tmp_path, "stdin"))


def test_stdin_jsonl(tmp_path: Path) -> None:
    feed = Path(FEED).read_bytes()
    result = _run("report", "-", *FAST, "-q", "--format", "json", "-o", "reports/feed",
                  stdin=feed)
    assert result.exit_code == 0, result.stderr
    report = _report(tmp_path, "feed")
    assert [a["source"] for a in report["articles"]] == ["Wire Daily", "Metro Times"]
    assert [a["path"] for a in report["articles"]] == ["<stdin>:1", "<stdin>:2"]
    assert report["articles"][0]["id"] == "wire-1"
    _check_claims(tmp_path, report)


def test_files_jsonl_and_stdin_together(tmp_path: Path) -> None:
    result = _run("report", DELHI, FEED, "-", *FAST, "-q", "--format", "json", "-o", "r/all",
                  stdin=ARTICLE)
    assert result.exit_code == 0, result.stderr
    report = json.loads((tmp_path / "r" / "all.json").read_text("utf-8"))
    assert len(report["articles"]) == 4
    assert len(list((tmp_path / "claims").iterdir())) == 4


# ---------------------------------------------------------------- stdout carries data only


def test_json_stdout_is_json_lines_only() -> None:
    result = _run("report", DELHI, TOKYO, FEED, *FAST, "--json-stdout", "--format", "md")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines, "expected one group per line"
    groups = [json.loads(line) for line in lines]
    for g in groups:
        assert {"id", "label", "confidence", "claims", "sources", "reasons"} <= set(g)
        assert g["label"] in ("agree", "unique", "conflict")
    assert "articles" in result.stderr and "wrote" in result.stderr  # the summary went there


def test_without_json_stdout_nothing_goes_to_stdout() -> None:
    result = _run("report", DELHI, TOKYO, *FAST, "--format", "md")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "groups:" in result.stderr


def test_quiet_prints_nothing_when_all_is_well() -> None:
    result = _run("report", DELHI, *FAST, "-q", "--format", "md")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


# ---------------------------------------------------------------- bad input


def test_missing_path(tmp_path: Path) -> None:
    _error(_run("report", "nope.txt", *FAST), 1, "nope.txt: no such file or folder")
    assert not (tmp_path / "reports").exists()


def test_folder_with_no_articles(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "x.csv").write_text("a,b")
    _error(_run("report", "empty", *FAST), 1, "empty: folder holds no article files")


@pytest.mark.parametrize(("name", "data", "where", "why"), [
    ("empty.txt", b"", "empty.txt", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt", "binary file"),
    ("latin.txt", b"Officials met.\nCaf\xe9 owners met.\n", "latin.txt:2", "not UTF-8"),
    ("bad.jsonl", b'{"text": "Officials met."\n', "bad.jsonl:1", "not valid JSON"),
    ("notext.jsonl", b'{"title": "t"}\n', "notext.jsonl:1", 'missing "text"'),
])
def test_a_single_bad_input_fails_with_where_and_why(tmp_path: Path, name: str, data: bytes,
                                                     where: str, why: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = _run("report", name, *FAST)
    _error(result, 1, f"skipped {where}: {why}", f"no readable articles in {name}")
    assert not (tmp_path / "reports").exists()


def _mixed(tmp_path: Path) -> list[str]:
    """One good article and a JSONL file with a bad line 2."""
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": "Ministers met on Thursday in Tokyo to talk about rail."}) + "\n"
        "{not json}\n", encoding="utf-8")
    return [DELHI, "feed.jsonl"]


def test_bad_lines_are_skipped_with_a_warning_and_counted(tmp_path: Path) -> None:
    result = _run("report", *_mixed(tmp_path), *FAST, "--format", "json", "-o", "reports/m")
    assert result.exit_code == 0
    _no_traceback(result)
    assert "warning: skipped feed.jsonl:2: not valid JSON" in result.stderr
    assert "skipped 1 input(s)" in result.stderr
    report = _report(tmp_path, "m")
    assert len(report["articles"]) == 2
    assert report["skipped"] == [{"where": "feed.jsonl:2", "why": report["skipped"][0]["why"]}]


def test_a_file_of_another_shape_warns_three_times_then_counts(tmp_path: Path) -> None:
    gold = "".join(json.dumps({"id": n, "label": "agree"}) + "\n" for n in range(40))
    (tmp_path / "gold.jsonl").write_text(gold, encoding="utf-8")
    result = _run("report", DELHI, "gold.jsonl", *FAST, "--format", "json", "-o", "reports/g")
    assert result.exit_code == 0
    lines = [x for x in result.stderr.splitlines() if "warning: skipped" in x]
    assert [x.split(": ", 2)[1] for x in lines[:3]] == [
        "warning", "warning", "warning"] and "gold.jsonl:3: missing" in lines[2]
    assert lines[3].startswith("divergence: warning: skipped 37 more input(s) from gold.jsonl: "
                               'missing "text"')
    assert len(lines) == 4
    assert len(_report(tmp_path, "g")["skipped"]) == 40  # the report keeps every one


def test_skip_warnings_name_other_reasons() -> None:
    from types import SimpleNamespace

    from divergence.cli.app import skip_warnings

    skips = [SimpleNamespace(where=f"f.jsonl:{n}", why="bad" if n % 2 else "worse")
             for n in range(1, 8)] + [SimpleNamespace(where="C:/x/b.txt", why="empty file")]
    items = [SimpleNamespace(where=f"a.jsonl:{n}:{k}", why="bad") for n in (1, 2) for k in (1, 2)]
    assert skip_warnings(items)[-1] == "divergence: warning: skipped 1 more input(s) from " \
        "a.jsonl: bad"  # an item of a line (line:column) counts toward its file
    out = skip_warnings(skips)
    assert out[:3] == [f"divergence: warning: skipped f.jsonl:{n}: {w}"
                       for n, w in ((1, "bad"), (2, "worse"), (3, "bad"))]
    assert out[3] == "divergence: warning: skipped C:/x/b.txt: empty file"
    assert out[4] == ("divergence: warning: skipped 4 more input(s) from f.jsonl: worse, and 1 "
                      "other reason(s)")


def test_strict_turns_a_skip_into_a_failure(tmp_path: Path) -> None:
    result = _run("report", *_mixed(tmp_path), *FAST, "--strict")
    _error(result, 1, "skipped feed.jsonl:2", "1 input(s) skipped and --strict is set")
    assert not (tmp_path / "reports").exists() and not (tmp_path / "claims").exists()


def test_strict_passes_when_nothing_is_skipped() -> None:
    assert _run("report", DELHI, TOKYO, *FAST, "-q", "--strict", "--format", "md").exit_code == 0


def test_strict_passes_when_an_input_was_only_given_twice() -> None:
    """Old code: "1 input(s) skipped and --strict is set" though nothing was left unread."""
    result = _run("report", str(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]), str(SEEDS),
                  *FAST, "-q", "--strict", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "given twice; read once" in result.stderr


def test_strict_passes_on_a_word_for_word_copy_in_a_feed(tmp_path: Path) -> None:
    """Old code: a feed line with the text of an earlier one (a wire story two outlets ran)
    failed --strict, though its text was read once, as two files with one text were."""
    line = {"text": "Ministers met on Thursday in Tokyo to talk about rail."}
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({**line, "id": "x1"}) + "\n" + json.dumps({**line, "id": "x2"}) + "\n",
        encoding="utf-8")
    result = _run("report", DELHI, str(tmp_path / "feed.jsonl"), *FAST, "-q", "--strict",
                  "--format", "md", "-o", str(tmp_path / "r"))
    assert result.exit_code == 0, result.stderr
    assert "feed.jsonl:2: same text as" in result.stderr and "read once" in result.stderr


def test_stdin_given_twice_is_read_once() -> None:
    """Old code read stdin again for the second -: "skipped <stdin>: empty file"."""
    result = _run("report", "-", "-", *FAST, "-q", "--strict", "--format", "md", stdin=ARTICLE)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "divergence: warning: skipped <stdin>: given twice; read once\n"


def _trafilatura_works() -> bool:
    try:
        import trafilatura  # noqa: F401
    except Exception:  # noqa: BLE001 - any failed import means "not usable here"
        return False
    return True


@pytest.mark.skipif(not _trafilatura_works(), reason="trafilatura does not import here "
                    "(it needs lxml_html_clean with lxml >= 5.2)")
def test_html_input(tmp_path: Path) -> None:
    result = _run("report", str(INPUTS / "page.html"), *FAST, "-q", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = _report(tmp_path, "page")
    (art,) = report["articles"]
    assert art["source"] == "Example Chronicle" and art["title"] == "Rail pact signed in Delhi"
    assert art["date"] == "2025-06-10"
    _check_claims(tmp_path, report)


def test_html_input_without_a_working_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    result = _run("report", str(INPUTS / "page.html"), DELHI, *FAST, "-q", "--format", "md")
    assert result.exit_code == 0
    _no_traceback(result)
    assert "page.html: reading HTML needs trafilatura" in result.stderr
    assert "pip install trafilatura" in result.stderr


def test_empty_stdin() -> None:
    _error(_run("report", "-", *FAST, stdin=""), 1, "skipped <stdin>: empty file",
           "no readable articles in -")


def test_unknown_embedder() -> None:
    """A usage error (exit 2), as an unknown --format or --judge is."""
    _error(_run("report", DELHI, "--embedder", "nope", "--no-cache"), 2,
           "unknown embedder 'nope'; available:", "hashing")


def test_unwritable_claims_dir_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "claims").write_text("a file, not a folder")
    result = _run("report", DELHI, *FAST, "-q")
    _error(result, 1, "claims: is a file where a folder is needed")


def test_unwritable_report_path_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file, not a folder")
    result = _run("report", DELHI, *FAST, "-q", "-o", "out/r")
    _error(result, 1, "out")


def test_missing_paths_argument_is_a_usage_error() -> None:
    result = _run("report")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


# ---------------------------------------------------------------- a reader that has gone


def _to_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with stdout a pipe whose reader closed before the first write
    (``| true``)."""
    import os

    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "divergence.cli", *args], stdout=write,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "HF_HUB_OFFLINE": "1"})
    finally:
        os.close(write)


def test_a_closed_pipe_is_quiet_and_exits_0(tmp_path: Path) -> None:
    """Old code: "divergence: error: Broken pipe" and exit 1 whenever the reader closed the pipe
    before the first write (``| head -1`` after it already exited 0)."""
    db = str(tmp_path / "c.db")
    assert _run("add", str(SEEDS), "--db", db, *FAST, "-q").exit_code == 0
    group = _run("review", "--list", "--db", db, "--format", "json")
    assert group.exit_code == 0, group.stderr
    gid = json.loads(group.stdout)[0]["id"]
    assert _run("review", "--decide", gid, "confirm", "--db", db).exit_code == 0
    for args in (["report", str(SEEDS), *FAST, "-q", "--json-stdout", "-o", "r/bp"],
                 ["report", str(SEEDS), *FAST, "-q", "-o", "-"],
                 ["compare", "The blast killed 12 people.", "The blast killed 31 people.",
                  "--embedder", "hashing"],
                 ["review", "--list", "--db", db],
                 ["verdicts", "export", "--db", db]):
        out = _to_a_closed_pipe(*args)
        assert (out.returncode, out.stderr) == (0, ""), args


def test_progress_to_a_closed_pipe_or_a_full_device_does_not_stop_the_job(tmp_path: Path) -> None:
    """Old code: ``report ... 2>&1 | head -2`` and ``2>/dev/full`` left no report (the first
    exited 0, as if stdout's reader had gone) and ``add`` stopped half way; the progress is lost,
    the job is not."""
    import os

    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    try:
        out = subprocess.run([sys.executable, "-m", "divergence.cli", "report", str(SEEDS),
                              *FAST, "-o", str(tmp_path / "r" / "seeds")], stderr=write,
                             stdout=subprocess.PIPE, text=True, env=env)
        db = str(tmp_path / "c.db")
        add = subprocess.run([sys.executable, "-m", "divergence.cli", "add", str(SEEDS), "--db",
                              db, *FAST], stderr=write, stdout=subprocess.PIPE, text=True, env=env)
    finally:
        os.close(write)
    assert out.returncode == 0 and (tmp_path / "r" / "seeds.json").is_file()
    assert add.returncode == 0 and _run("check", "--db", db).exit_code == 0
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            out = subprocess.run([sys.executable, "-m", "divergence.cli", "report", str(SEEDS),
                                  *FAST, "-o", str(tmp_path / "f" / "seeds")], stderr=full,
                                 text=True, env=env)
        assert out.returncode == 0 and (tmp_path / "f" / "seeds.md").is_file()


def test_a_forgiving_stream_drops_writes_only_for_want_of_a_reader_or_room() -> None:
    import errno
    import io

    from divergence.cli.streams import ForgivingStream

    class Failing(io.StringIO):
        def __init__(self, code: int) -> None:
            super().__init__()
            self.code = code

        def write(self, text: str) -> int:
            raise OSError(self.code, "failed")

    gone = ForgivingStream(Failing(errno.EPIPE))
    assert gone.write("progress") == 8 and gone.lost and gone.write("more") == 4
    with pytest.raises(OSError):
        ForgivingStream(Failing(errno.EBADF)).write("progress")
    kept = ForgivingStream(io.StringIO())
    kept.write("progress")
    assert kept.getvalue() == "progress" and not kept.lost


def test_help_to_a_closed_pipe_exits_0() -> None:
    """Old code: ``divergence --help | true`` exited 1 (click's own answer to a closed pipe)."""
    for args in (["--help"], ["report", "--help"], ["--version"]):
        out = _to_a_closed_pipe(*args)
        assert (out.returncode, out.stderr) == (0, ""), args
    assert _to_a_closed_pipe("no-such-command").returncode == 2  # a usage error stays one


def _with_closed(fds: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with the standard streams in ``fds`` ("0", "1", "2") closed, as a
    shell's ``<&-``, ``>&-``, ``2>&-`` leave them; the others are pipes."""
    import os

    def close() -> None:
        for fd in fds:
            os.close(int(fd))

    return subprocess.run([sys.executable, "-m", "divergence.cli", *args], text=True,
                          stdin=subprocess.PIPE if "0" not in fds else None,
                          stdout=subprocess.PIPE if "1" not in fds else None,
                          stderr=subprocess.PIPE if "2" not in fds else None,
                          preexec_fn=close, env={**os.environ, "HF_HUB_OFFLINE": "1"})


def test_a_closed_standard_stream_is_no_traceback(tmp_path: Path) -> None:
    """Old code: with stdout closed every command ended in a traceback ('NoneType' has no
    'flush'), review with stdin closed too ('isatty'), and with stderr closed the progress
    went into the next file opened in its place."""
    import os

    out = _with_closed("1", "report", str(SEEDS), *FAST, "-q", "-o", str(tmp_path / "r"))
    assert (out.returncode, out.stderr) == (0, "") and (tmp_path / "r.json").is_file()
    for args in (["--version"], ["report", str(SEEDS), *FAST, "-q", "-o", "-"],
                 ["report", str(SEEDS), *FAST, "-q", "--json-stdout", "-o", str(tmp_path / "j")]):
        out = _with_closed("1", *args)  # data that cannot be delivered is an error, not a loss
        assert out.returncode == 1, args
        assert out.stderr == "divergence: error: cannot write the output: standard output is " \
                             "closed\n", args
    out = _with_closed("2", "report", str(SEEDS), *FAST, "-o", "-", "--format", "json")
    assert out.returncode == 0 and len(json.loads(out.stdout)["articles"]) == 5
    odd = os.fsdecode(bytes(tmp_path) + b"/r\xff")  # "wrote ..." names it: no UnicodeEncodeError
    out = _with_closed("2", "report", str(SEEDS), *FAST, "-o", odd)
    assert out.returncode == 0 and (tmp_path / os.fsdecode(b"r\xff.json")).is_file()
    db = str(tmp_path / "c.db")
    assert _run("add", str(SEEDS), "--db", db, *FAST, "-q").exit_code == 0
    out = _with_closed("0", "review", "--db", db)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert "undecided left" in out.stderr


def test_a_failure_keeps_its_exit_code_when_the_reader_has_gone(tmp_path: Path) -> None:
    """Old code: check, verdicts verify and calibrate exited 0 when stdout's reader closed the
    pipe before their first line: under ``set -o pipefail`` a tampered verdict log passed."""
    import sqlite3

    db = str(tmp_path / "c.db")
    assert _run("add", str(SEEDS), "--db", db, *FAST, "-q").exit_code == 0
    gid = json.loads(_run("review", "--list", "--db", db, "--format", "json").stdout)[0]["id"]
    assert _run("review", "--decide", gid, "confirm", "--db", db).exit_code == 0
    calibrated = _to_a_closed_pipe("calibrate", "--db", db, "--dry-run")
    assert calibrated.returncode == _run("calibrate", "--db", db, "--dry-run").exit_code == 1
    con = sqlite3.connect(db)
    for (name,) in list(con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")):
        con.execute(f"DROP TRIGGER {name}")
    con.execute("UPDATE verdicts SET decision='dismiss'")
    con.commit()
    con.close()
    assert _run("verdicts", "verify", "--db", db).exit_code == 1
    assert _to_a_closed_pipe("verdicts", "verify", "--db", db).returncode == 1
    con = sqlite3.connect(db)  # a claim without its vector: check finds it, says so on stdout
    con.execute("DELETE FROM vectors WHERE claim_id = (SELECT min(claim_id) FROM vectors)")
    con.commit()
    con.close()
    assert _run("check", "--db", db).exit_code == 1
    assert _to_a_closed_pipe("check", "--db", db).returncode == 1


def test_a_failed_calibration_says_why_once(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code printed why no threshold was chosen under the table on stdout and again as the
    error on stderr; and a $DIVERGENCE_REVIEWER that cannot be stored broke review --list,
    which records nothing."""
    db = str(tmp_path / "c.db")
    assert _run("add", str(SEEDS), "--db", db, *FAST, "-q").exit_code == 0
    gid = json.loads(_run("review", "--list", "--db", db, "--format", "json").stdout)[0]["id"]
    assert _run("review", "--decide", gid, "confirm", "--db", db).exit_code == 0
    res = _run("calibrate", "--db", db, "--dry-run")
    assert res.exit_code == 1 and "reviewed flags" in res.stderr
    assert "reviewed flags" not in res.stdout and "0.6-0.7" in res.stdout
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "a\nb")
    assert _run("review", "--list", "--db", db).exit_code == 0
    said = _run("review", "--decide", gid, "dismiss", "--db", db)
    assert said.exit_code == 1 and said.stderr.count("\n") == 1
    assert "$DIVERGENCE_REVIEWER: " in said.stderr and "; or set" not in said.stderr


# ---------------------------------------------------------------- progress


def test_progress_into_a_log_is_plain_lines() -> None:
    """Old code drew tqdm bars (carriage returns, "0%|") into stderr that was not a terminal."""
    result = _run("report", DELHI, TOKYO, *FAST, "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "\r" not in result.stderr and "%|" not in result.stderr
    assert "splitting: 2 article(s)\n" in result.stderr
    assert "embedding: " in result.stderr


def test_progress_on_a_terminal_is_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from divergence.progress import bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    with bar(4, "judging", True, "pair") as tick:
        tick(4)
    drawn = term.getvalue()
    assert "judging" in drawn and "\r" in drawn
    with bar(4, "judging", False, "pair") as tick:  # disabled (-q): nothing at all
        tick(4)
    assert term.getvalue() == drawn
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with bar(4, "judging", True, "pair") as tick:
        tick(4)
    assert sys.stderr.getvalue() == "judging: 4 pair(s)\n"


def test_a_closed_pipe_does_not_stop_score_from_adding(tmp_path: Path) -> None:
    """Review of the closed-pipe change: ``score --add`` rendered before it stored the article,
    so a reader gone before the first write skipped the add (and the exit code) with exit 0."""
    seeds = sorted(SEEDS.iterdir())
    dbs = [str(tmp_path / f"{k}.db") for k in ("piped", "plain")]
    for db in dbs:
        assert _run("add", *map(str, seeds[:4]), "--db", db, *FAST, "-q").exit_code == 0
    args = ("score", str(seeds[4]), "--add", "--fail-on-conflict", *FAST)
    piped = _to_a_closed_pipe(*args, "--db", dbs[0])
    plain = _run(*args, "--db", dbs[1])
    assert piped.returncode == plain.exit_code and "Broken pipe" not in piped.stderr
    again = _run("score", str(seeds[4]), "--add", *FAST, "--db", dbs[0])
    assert "already stored:" in again.stderr  # the piped run stored it


def test_quiet_silences_the_status_lines_of_every_corpus_command(tmp_path: Path) -> None:
    """Old code: -q existed only on report, add and eval; score, check, calibrate, review and
    verdicts answered "No such option: -q" (exit 2) to a script written like the others."""
    db = str(tmp_path / "c.db")
    assert _run("add", DELHI, "--db", db, *FAST, "-q").exit_code == 0
    for args in (("score", TOKYO, "--db", db, *FAST, "--add"),
                 ("check", "--db", db),
                 ("review", "--list", "--db", db),
                 ("calibrate", "--clear", "--dry-run", "--db", db),
                 ("verdicts", "verify", "--db", db),
                 ("verdicts", "export", "--db", db, "-o", str(tmp_path / "v.jsonl"))):
        said = _run(*args)
        quiet = _run(*args, "-q")
        assert said.exit_code == quiet.exit_code == 0, (args, quiet.stderr)
        assert said.stderr.strip(), args  # a status line, which -q leaves out
        assert quiet.stderr == "", (args, quiet.stderr)
        if args[0] != "score":  # score --add stored TOKYO the first time
            assert quiet.stdout == said.stdout, args


def test_report_from_a_corpus_says_which_reading_options_it_leaves_unused(
        tmp_path: Path) -> None:
    """Old code took --splitter or --model beside --db without a word, though the stored
    claims and vectors stand; eval mnli took --judge rules and scored the NLI model. (--strict
    now applies to --db: it fails on stored articles that lost claims.)"""
    db = str(tmp_path / "c.db")
    assert _run("add", DELHI, "--db", db, *FAST, "-q").exit_code == 0
    res = _run("report", "--db", db, "-o", str(tmp_path / "r"), "-q", "--splitter", "regex",
               "--strict", "--judge", "rules")
    assert res.exit_code == 0, res.stderr
    assert "note: --splitter not used" in res.stderr
    plain = _run("report", "--db", db, "-o", str(tmp_path / "r"), "-q", "--judge", "rules")
    assert "not used" not in plain.stderr


def test_skips_of_a_file_named_with_a_trailing_number_are_counted_under_its_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review: the summed warning for skips of ``w.md:1``.. named a file ``w.md`` that does
    not exist (the warnings grouped by a name cut at ":<digits>")."""
    from divergence.cli.app import SKIPS_SHOWN, skip_warnings
    from divergence.records import Skip

    monkeypatch.chdir(tmp_path)
    (tmp_path / "w.md:1").write_text("")
    lines = skip_warnings([Skip("w.md:1", "empty file")] * (SKIPS_SHOWN + 1))
    assert lines[-1].endswith("from w.md:1: empty file"), lines
    lines = skip_warnings([Skip(f"<stdin>:{n}", "not an article") for n in range(9)])
    assert lines[-1].startswith("divergence: warning: skipped") and "from <stdin>:" in lines[-1]


def test_eval_and_bench_embed_refuse_to_write_over_their_inputs(tmp_path: Path) -> None:
    """Old code: ``eval sick --bench-dir B -o B/sick/sick_full.jsonl`` and ``bench embed a.txt -o
    a.txt`` replaced their own input with the results (exit 0)."""
    (tmp_path / "b" / "sick").mkdir(parents=True)
    data = tmp_path / "b" / "sick" / "sick_full.jsonl"
    data.write_text('{"a": 1}\n', encoding="utf-8")
    r = _run("eval", "sick", "--bench-dir", str(tmp_path / "b"), "-o", str(data), "-q")
    assert r.exit_code == 2 and "over a file of the benchmark folder" in r.stderr
    article = tmp_path / "a.txt"
    article.write_text("One sentence here. Another one there.\n", encoding="utf-8")
    r = _run("bench", "embed", str(article), "--sick", "0", "-o", str(article))
    assert r.exit_code == 2 and "over a file this run reads" in r.stderr
    assert data.read_text(encoding="utf-8") == '{"a": 1}\n'
    assert article.read_text(encoding="utf-8").startswith("One sentence")


def test_an_unexpected_error_is_one_line_unless_debugging(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Old code: any bug ended in a 40-line traceback with no word that it is one."""
    from divergence.cli import app

    def broken() -> None:
        raise RuntimeError("something inside\nmore lines")

    monkeypatch.setattr(app, "main", broken)
    monkeypatch.delenv("DIVERGENCE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        app._standalone()
    err = capsys.readouterr().err
    assert e.value.code == 1 and err.count("\n") == 1
    assert "internal error: RuntimeError: something inside" in err and "DIVERGENCE_DEBUG=1" in err
    monkeypatch.setenv("DIVERGENCE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        app._standalone()


def test_a_broken_json_line_is_told_without_a_doubled_word(tmp_path: Path) -> None:
    """Old code: "Unterminated string starting at at column 10"."""
    (tmp_path / "feed.jsonl").write_text('{"text": "abc\n', encoding="utf-8")
    result = _run("report", str(tmp_path / "feed.jsonl"), *FAST, "-o", "reports/f")
    assert "starting at column 10" in result.stderr and "at at" not in result.stderr


def test_compare_reads_one_statement_from_stdin() -> None:
    """Old code: ``compare - -`` judged the two literal "-" strings as agreeing."""
    r = _run("compare", "-", "The blast killed 31 people.", "--embedder", "hashing",
             stdin="The blast killed 12 people.\n")
    assert r.exit_code == 0 and "A: [unattributed] The blast killed 12 people." in r.stdout
    both = _run("compare", "-", "-", "--embedder", "hashing", stdin="x")
    assert both.exit_code == 2 and "only one statement" in both.stderr


def test_bench_embed_names_what_it_cannot_read(tmp_path: Path) -> None:
    """Old code: an unreadable article was dropped without a word ("no sentences: give article
    PATHS" though one was given), and a sentence file not in UTF-8 named no line."""
    (tmp_path / "b.jsonl").write_text('{"text": "abc\n', encoding="utf-8")
    r = _run("bench", "embed", str(tmp_path / "b.jsonl"), "--sick", "0")
    assert r.exit_code == 1 and "skipped " in r.stderr and "b.jsonl:1: not valid JSON" in r.stderr
    (tmp_path / "l.txt").write_bytes(b"a good line\ncaf\xe9 bad\n")
    r = _run("bench", "embed", "--sentences", str(tmp_path / "l.txt"), "--sick", "0")
    assert r.exit_code == 1 and "l.txt:2: not UTF-8 text" in r.stderr
