"""Odd inputs of the fault matrix (loaded by benchmarks/faults.py), from a robustness audit of
2026-12-07: each once ended in a traceback, filled the memory or ran for minutes.

    .venv/bin/python benchmarks/faults.py odd-inputs -v

- a file whose name is not UTF-8, and an empty one beside it (``report`` and ``add``);
- an endless pipe on stdin (``yes | divergence report -``), cut off at ``MAX_INPUT_BYTES``;
- a note and a reviewer name with a byte that is not UTF-8 (``review --decide``);
- a pasted article as a ``compare`` statement (1,000 sentences);
- a sentence file that is not UTF-8 for ``bench embed``, and ``--backends ''``;
- ``--judge nli --rules-only`` (a usage error, exit 2).
"""

from __future__ import annotations

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
