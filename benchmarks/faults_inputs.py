"""Odd inputs of the fault matrix (loaded by benchmarks/faults.py), from a robustness audit of
2026-12-07: each once ended in a traceback, filled the memory or ran for minutes.

    .venv/bin/python benchmarks/faults.py odd-inputs -v

- a file whose name is not UTF-8, and an empty one beside it (``report`` and ``add``);
- an endless pipe on stdin (``yes | divergence report -``), cut off at ``MAX_INPUT_BYTES``;
- a note and a reviewer name with a byte that is not UTF-8 (``review --decide``);
- a pasted article as a ``compare`` statement (1,000 sentences);
- a sentence file that is not UTF-8 for ``bench embed``, and ``--backends ''``;
- ``--judge nli --rules-only`` (a usage error, exit 2).

``odd-surfaces``, from a second audit the same day (each once a traceback, a replaced device
node or a silent misreading):

- a report written through a link to ``/dev/null`` (the link and the device stay);
- an empty path argument (``"$UNSET"``), which read the whole working folder;
- ``--model`` naming a folder with no model, on the default onnx backend;
- a cut-short ``model.onnx`` in an ``--nli`` folder;
- ``$DIVERGENCE_MAX_ARTICLE_SIZE=²``.

``damaged-rows``, from a third audit (2026-12-07, the corpus and HTTP side): rows SQLite reads
but divergence cannot decode, each once a traceback in every reader (``check`` among them) or an
"ok" from ``check``; and two outputs that replaced what the run read:

- a grouping row, the saved calibration and an article's body ranges that are not JSON, each
  through ``review --list``, ``report --db``, ``check`` and ``check --repair``;
- vectors of the wrong length, through ``review --list`` and ``score``;
- ``verdicts export -o`` the corpus itself, and ``report feed.json -o feed``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from faults import CLI, TIME_LIMIT, Outcome, exit_outcome, fault, report_outcome, run_cli

HASHING = ("--embedder", "hashing", "--no-cache", "-q")
ARTICLE = b"The army said five soldiers died on Friday in the town of Marr.\n"


@fault("odd-inputs")
def odd_inputs(tmp: Path) -> list[Outcome]:
    """Names not UTF-8, an endless pipe, stray bytes in notes, pasted articles, odd flags."""
    folder = tmp / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xffname.txt")).write_bytes(ARTICLE)
    (folder / os.fsdecode(b"empty\xfe.txt")).write_bytes(b"")
    (folder / "ok.txt").write_bytes(b"Officials said six soldiers died on Friday in Marr.\n")
    out = [report_outcome("name-not-utf8", [folder], tmp, expect_articles=3)]
    code, _, err, _ = run_cli(["add", str(folder), "--db", "c.db", *HASHING], tmp)
    out.append(exit_outcome("add-name-not-utf8", code, err, (0,)))

    t = subprocess.Popen(["yes", "The army said five soldiers died."], stdout=subprocess.PIPE)
    try:
        p = subprocess.run([*CLI, "report", "-", "-o", str(tmp / "yes"), *HASHING],
                           stdin=t.stdout, capture_output=True, timeout=TIME_LIMIT, cwd=tmp)
        out.append(exit_outcome("endless-stdin", p.returncode,
                                p.stderr.decode("utf-8", "replace"), (1,)))
    except subprocess.TimeoutExpired:
        out.append(Outcome("endless-stdin", "hang", f"> {TIME_LIMIT:.0f} s"))
    finally:
        t.kill()
        t.wait()

    code, stdout, err, _ = run_cli(["review", "--db", "c.db", "--list", "--format", "json"],
                                      tmp)
    gid = next((line.split('"')[3] for line in stdout.splitlines() if '"id"' in line), None)
    if gid is not None:
        note, who = os.fsdecode(b"bad \xff note"), os.fsdecode(b"bob\xff")
        code, _, err, _ = run_cli(["review", "--db", "c.db", "--decide", gid, "dismiss",
                                      "--note", note, "--reviewer", who], tmp)
        out.append(exit_outcome("note-not-utf8", code, err, (0,)))

    pasted = "Five soldiers died on Friday. " * 1000
    code, _, err, _ = run_cli(["compare", pasted, "Six soldiers died.", "--embedder",
                                  "hashing"], tmp)
    out.append(exit_outcome("compare-pasted-article", code, err, (1,)))

    bad = tmp / "lines.txt"
    bad.write_bytes(b"one line\n\xff two\n")
    for name, extra in (("bench-sentences-not-utf8", ()), ("bench-no-backends",
                                                           ("--backends", ""))):
        code, _, err, _ = run_cli(["bench", "embed", "--sentences", str(bad), "--sick", "0",
                                      *extra], tmp)
        out.append(exit_outcome(name, code, err, (1,)))
    code, _, err, _ = run_cli(["compare", "Five died.", "Six died.", "--judge", "nli",
                                  "--rules-only", "--embedder", "hashing"], tmp)
    out.append(exit_outcome("judge-and-rules-only", code, err, (2,)))
    return out


@fault("odd-surfaces")
def odd_surfaces(tmp: Path) -> list[Outcome]:
    """Output through a link to a device, an empty path, folders with no model, odd variables."""
    import shutil
    import stat

    art = tmp / "a.txt"
    art.write_bytes(ARTICLE)
    (tmp / "null.json").symlink_to(os.devnull)
    code, _, err, _ = run_cli(["report", str(art), "-o", "null", "--format", "json",
                               "--claims-dir", "cl", *HASHING], tmp)
    kept = (tmp / "null.json").is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    out = [exit_outcome("output-link-to-dev-null", code, err if kept else "Traceback: replaced",
                        (0,))]
    code, _, err, _ = run_cli(["report", "", "-o", "e", *HASHING], tmp)
    out.append(exit_outcome("empty-path", code, err, (1,)))
    (tmp / "nomodel").mkdir()
    code, _, err, _ = run_cli(["compare", "Five died.", "Six died.", "--model", "nomodel",
                               "--judge", "rules"], tmp)
    out.append(exit_outcome("model-folder-without-model", code, err, (1,)))
    from divergence.judge.nli_onnx import shipped_folder

    src = shipped_folder()
    if src is not None:
        cut = Path(shutil.copytree(src, tmp / "nli-cut"))
        with open(cut / "model.onnx", "r+b") as f:
            f.truncate(1_000_000)
        code, _, err, _ = run_cli(["compare", "Five died.", "Six died.", "--nli", str(cut),
                                   "--embedder", "hashing"], tmp)
        out.append(exit_outcome("nli-model-cut-short", code, err, (1,)))
    before = os.environ.get("DIVERGENCE_MAX_ARTICLE_SIZE")
    os.environ["DIVERGENCE_MAX_ARTICLE_SIZE"] = "\u00b2"
    try:
        code, _, err, _ = run_cli(["report", str(art), "-o", "s", *HASHING], tmp)
    finally:
        os.environ.pop("DIVERGENCE_MAX_ARTICLE_SIZE")
        if before is not None:
            os.environ["DIVERGENCE_MAX_ARTICLE_SIZE"] = before
    out.append(exit_outcome("article-size-superscript", code, err, (1,)))
    return out


@fault("damaged-rows")
def damaged_rows(tmp: Path) -> list[Outcome]:
    """Undecodable grouping, calibration, body and vector rows; outputs over what is read."""
    import shutil
    import sqlite3

    feed = tmp / "feed.json"
    feed.write_text("".join(json.dumps({
        "text": f"The council of town {i} met on day {i}. It approved {i} new benches. The mayor "
                "said work starts soon.", "source": f"Outlet {i % 3}"}) + "\n" for i in range(6)))
    base = tmp / "base.db"
    code, _, err, _ = run_cli(["add", str(feed), "--db", str(base), *HASHING], tmp)
    out = [exit_outcome("add", code, err)]
    damage = {"grouping": "UPDATE grouping SET body='{not json'",
              "calibration": "INSERT OR REPLACE INTO meta VALUES ('calibration', '{bad')",
              "body": "UPDATE articles SET body='[[1,'",
              "vectors": "UPDATE vectors SET v=x'00010203' WHERE rowid % 3 = 0"}
    for name, sql in damage.items():
        db = tmp / f"{name}.db"
        shutil.copy(base, db)
        con = sqlite3.connect(db)
        con.execute(sql)
        con.commit()
        con.close()
        runs = [("check", ["check"]), ("review", ["review", "--list"]),
                ("report", ["report", "-o", "-"]), ("repair", ["check", "--repair"])]
        if name == "vectors":
            one = tmp / "one.txt"
            one.write_bytes(ARTICLE)
            runs = [("review", ["review", "--list"]), ("score", ["score", str(one), *HASHING])]
        for what, args in runs:
            code, _, err, _ = run_cli([*args, "--db", str(db)], tmp)
            ok = (1,) if name == "vectors" or what == "check" else (0,)
            out.append(exit_outcome(f"{name}-{what}", code, err, ok))
    before = base.read_bytes()
    code, _, err, _ = run_cli(["verdicts", "export", "--db", str(base), "-o", str(base)], tmp)
    out.append(exit_outcome("export-over-corpus", code, err if base.read_bytes() == before
                            else "Traceback: the corpus was replaced", (2,)))
    text = feed.read_text()
    code, _, err, _ = run_cli(["report", str(feed), "-o", str(tmp / "feed"), *HASHING], tmp)
    out.append(exit_outcome("report-over-input", code, err if feed.read_text() == text
                            else "Traceback: the input was replaced", (2,)))
    return out
