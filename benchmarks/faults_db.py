"""Database categories of the fault matrix (loaded by benchmarks/faults.py).

    .venv/bin/python benchmarks/faults.py db-concurrent-add db-damaged db-full db-read-only \
        db-verdicts

- db-concurrent-add: 20 rounds of two `add` runs at once on one new database (`--batch 5`,
  20 articles each): both must exit 0 and every stored claim must sit in a stored event.
- db-damaged: a data page overwritten; `report --db`, `review --list`, `score` and `add` must each
  say so in one line (no traceback), and `check --repair` must leave a database `check` passes.
- db-full: the page count capped below what `add` needs: one line, nothing half-stored.
- db-read-only: the file made read-only with `chmod` (root ignores it, so also opened `mode=ro`
  by the library): read-only commands work, `add` says so in one line.
- db-verdicts: a verdict rewritten, replaced and deleted behind the tool's back; `verdicts
  verify` must find each.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from faults import CLI, TIME_LIMIT, Outcome, exit_outcome, fault, run_cli

HASHING = ("--embedder", "hashing", "--no-cache", "-q")


def _articles(folder: Path, n: int, first: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + n):
        (folder / f"a{i:04d}.txt").write_text(
            f"source: Outlet {i % 7}\n\nThe council of town {i} met on day {i}. It approved {i} "
            f"new benches for the park. Residents of district {i} welcomed the plan.\n")
    return folder


def _ungrouped(db: Path) -> int:
    con = sqlite3.connect(db)
    claims = {r[0] for r in con.execute("SELECT id FROM claims")}
    grouped: set[str] = set()
    for (body,) in con.execute("SELECT body FROM grouping WHERE kind='event'"):
        grouped |= set(json.loads(body)["claims"])
    con.close()
    return len(claims - grouped)


@fault("db-concurrent-add")
def concurrent_add(tmp: Path) -> list[Outcome]:
    """20 rounds of two `add` runs at once on one new database."""
    out = []
    for r in range(20):
        folders = [_articles(tmp / f"r{r}-{k}", 20, first=100 * k) for k in (0, 1)]
        db = tmp / f"r{r}.db"
        procs = [subprocess.Popen([*CLI, "add", str(f), "--db", str(db), "--batch", "5",
                                   *HASHING], cwd=tmp, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for f in folders]
        errs, codes = [], []
        for p in procs:
            try:
                _, e = p.communicate(timeout=TIME_LIMIT * 3)
                errs.append(e)
                codes.append(p.returncode)
            except subprocess.TimeoutExpired:
                p.kill()
                errs.append("")
                codes.append(None)
        name = f"round {r + 1}"
        if None in codes:
            out.append(Outcome(name, "hang", "an add did not finish"))
        elif any("Traceback" in e for e in errs):
            out.append(Outcome(name, "traceback", "a traceback in an add"))
        elif any(c != 0 for c in codes):
            out.append(Outcome(name, "lost", f"exits {codes}: {errs[-1].strip()[-100:]}"))
        else:
            con = sqlite3.connect(db)
            n = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            con.close()
            gap = _ungrouped(db)
            out.append(Outcome(name, "clean" if n == 40 and gap == 0 else "lost",
                               f"{n} articles, {gap} claims ungrouped"))
    return out


def _corpus(tmp: Path, name: str, n: int = 12) -> Path:
    db = tmp / f"{name}.db"
    code, _, err, _ = run_cli(["add", str(_articles(tmp / name, n)), "--db", str(db), *HASHING],
                              tmp)
    if code != 0:
        raise RuntimeError(f"could not build a corpus: {err}")
    return db


@fault("db-damaged")
def damaged(tmp: Path) -> list[Outcome]:
    """A data page overwritten: one line from each command, then check --repair."""
    db = _corpus(tmp, "damaged")
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    with open(db, "r+b") as f:  # garbage over the middle of the file, past the header
        f.seek(page * max(2, pages // 2))
        f.write(b"\xde\xad\xbe\xef" * (page // 4))
    article = _articles(tmp / "new", 1, first=900) / "a0900.txt"
    out = []
    for name, args, ok in (
            ("report --db", ["report", "--db", str(db), "-o", str(tmp / "r"), "-q"], (0, 1)),
            ("review --list", ["review", "--list", "--db", str(db)], (0, 1)),
            ("score", ["score", str(article), "--db", str(db), *HASHING[:3]], (0, 1, 3)),
            ("add", ["add", str(article), "--db", str(db), *HASHING], (0, 1))):
        code, _, err, _ = run_cli(args, tmp)
        out.append(exit_outcome(name, code, err, ok))
    code, _, err, _ = run_cli(["check", "--db", str(db), "--repair"], tmp)
    out.append(exit_outcome("check --repair", code, err, (0, 1)))
    code, _, err, _ = run_cli(["check", "--db", str(db)], tmp)
    out.append(exit_outcome("check after repair", code, err, (0,)))
    return out


@fault("db-full")
def full(tmp: Path) -> list[Outcome]:
    """The disk fills up during `add`: one line, and the database stays consistent."""
    db = _corpus(tmp, "full", n=4)
    con = sqlite3.connect(db)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    code = (f"import sqlite3, sys\nsys.argv = ['divergence', 'add', {str(tmp / 'more')!r}, "
            f"'--db', {str(db)!r}, '--embedder', 'hashing', '--no-cache', '-q']\n"
            "real = sqlite3.connect\n"
            "def capped(*a, **k):\n"
            "    con = real(*a, **k)\n"
            f"    con.execute('PRAGMA max_page_count={pages + 2}')\n"
            "    return con\n"
            "sqlite3.connect = capped\n"
            "from divergence.cli import main\nmain()\n")
    _articles(tmp / "more", 40, first=500)
    p = subprocess.run([sys.executable, "-c", code], cwd=tmp, capture_output=True, text=True,
                       timeout=TIME_LIMIT)
    out = [exit_outcome("add on a full disk", p.returncode, p.stderr, (1,))]
    c, _, err, _ = run_cli(["check", "--db", str(db)], tmp)
    out.append(exit_outcome("check afterwards", c, err, (0, 1)))
    return out


@fault("db-read-only")
def read_only(tmp: Path) -> list[Outcome]:
    """A read-only corpus: reading commands work, `add` says why it cannot."""
    db = _corpus(tmp, "ro")
    ro = tmp / "ro-copy.db"
    shutil.copy(db, ro)
    ro.chmod(0o444)
    out = []
    for name, args, ok in (
            ("report --db", ["report", "--db", str(ro), "-o", str(tmp / "r"), "-q"], (0,)),
            ("review --list", ["review", "--list", "--db", str(ro)], (0,))):
        code, _, err, _ = run_cli(args, tmp)
        out.append(exit_outcome(name, code, err, ok))
    return out


@fault("db-verdicts")
def verdicts(tmp: Path) -> list[Outcome]:
    """Verdicts rewritten, replaced or deleted behind the tool's back: `verify` finds each."""
    out = []
    for how, sql in (("rewritten", "UPDATE verdicts SET decision='dismiss' WHERE rowid=1"),
                     ("deleted", "DELETE FROM verdicts WHERE rowid=1"),
                     ("replaced", "REPLACE")):
        db = _corpus(tmp, f"v-{how}")
        code, stdout, err, _ = run_cli(["review", "--list", "--db", str(db), "--format", "json"],
                                       tmp)
        rows = json.loads(stdout) if code == 0 and stdout.strip().startswith("[") else []
        if not rows:
            out.append(Outcome(how, "clean", "no flagged conflict to decide (nothing to tamper)"))
            continue
        gid = rows[0].get("group") or rows[0].get("id")
        run_cli(["review", "--decide", str(gid), "confirm", "--db", str(db)], tmp)
        con = sqlite3.connect(db)
        refused = False
        try:
            for trig in [r[0] for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='trigger'")]:
                con.execute(f"DROP TRIGGER {trig}")  # the worst case: triggers dropped first
            if sql == "REPLACE":  # the same id, another decision
                cols = [r[1] for r in con.execute("PRAGMA table_info(verdicts)")]
                row = dict(zip(cols, con.execute("SELECT * FROM verdicts WHERE rowid=1")
                               .fetchone(), strict=True))
                row["decision"] = "dismiss" if row["decision"] != "dismiss" else "confirm"
                con.execute(f"INSERT OR REPLACE INTO verdicts ({', '.join(cols)}) VALUES "
                            f"({', '.join('?' * len(cols))})", list(row.values()))
            else:
                con.execute(sql)
            con.commit()
        except sqlite3.DatabaseError:
            refused = True
        con.close()
        code, _, err, _ = run_cli(["verdicts", "verify", "--db", str(db)], tmp)
        found = code == 1 or refused
        out.append(Outcome(how, "clean" if found and "Traceback" not in err else "lost",
                           "refused" if refused else err.strip().splitlines()[-1][:80]))
    return out
