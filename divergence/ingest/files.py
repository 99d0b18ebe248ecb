"""Files written whole or not at all (atomic writes), and the claims JSONL files.

A write goes to a temp file beside its target, is flushed to disk, then renamed over it: a crash
or a full disk leaves the old file or the new one, never half of one. A target that is no
regular file (``/dev/null``, a FIFO), or a stream (``/dev/stdout``, whatever the shell sent it
to), is written into, as a shell's ``>>`` does; a symbolic link to a file has that file
replaced, and stays a link.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..contract import claim_from_dict, claim_to_dict
from ..errors import DivergenceError
from ..records import Article, Claim


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` via a temp file in the same folder and a rename: no half files."""
    return atomic_write_all({Path(path): data})[0]


def atomic_write_all(files: dict[Path, str | bytes]) -> list[Path]:
    """Write a set of files that belong together (one report's formats): every temp file first,
    then the renames, so a full disk, a read-only folder or a folder in a file's place fails
    before any file of the set changes (an interrupt between two renames can still leave a
    mixed set). An error names the file asked for, not its temp file."""
    staged: list[tuple[str, Path]] = []
    into: list[tuple[Path, bytes]] = []
    try:
        for path, data in files.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder; choose another output name",
                                        str(path))
            if writes_into(path):  # a rename would put a plain file in a
                into.append((path, raw))  # device's place, or cut a redirected stdout's file
                continue
            real = Path(os.path.realpath(path)) if path.is_symlink() else path
            staged.append((_stage(real, raw), real))
        for path, raw in into:  # first: a device that refuses leaves every file as it was
            _write_into(path, raw)
        while staged:
            tmp, real = staged[0]
            replace(tmp, real)
            staged.pop(0)  # renamed: its temp name is free again, not ours to remove
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
    return list(files)


def _stage(path: Path, raw: bytes) -> str:
    """A temp file beside ``path`` holding ``raw``, on disk; its name."""
    path.parent.mkdir(parents=True, exist_ok=True)  # its error names the folder in the way
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise _naming(e, path) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise _naming(e, path) from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def writes_into(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is written into rather than replaced: a device, pipe or socket, or a
    descriptor's name (``is_special``, ``is_stream``)."""
    return is_special(Path(path)) or is_stream(path)


def is_special(path: Path) -> bool:
    """Whether ``path`` (through any link) is there and is no regular file or folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # not there (or a dangling link): a new file
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


STDIN_FILE = "/proc/self/fd/0"  # what stdin comes from: a file, when it was redirected from one
_STREAM = re.compile(r"/dev/(?:std(?:in|out|err)|fd/[^/]+)|/proc/.+")


def is_stream(path: str | os.PathLike[str]) -> bool:
    """Whether ``path``, or a link on the way to what it names, is a descriptor's name:
    ``/dev/stdout``, ``/dev/fd/1`` and ``/proc/self/fd/1`` lead to whatever the shell redirected
    there, a regular file among them, which must be written into (appended to), not replaced.
    Other files under ``/dev`` (``/dev/shm/x.json``) are files like any."""
    p = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links followed
        if _STREAM.fullmatch(p):
            return True
        if not os.path.islink(p):
            return False
        p = os.path.normpath(os.path.join(os.path.dirname(p), os.readlink(p)))
    return False


def _write_into(path: Path, raw: bytes) -> None:
    """Write ``raw`` into a device, a pipe or a redirected stream as it stands (no temp file
    can stand in for it); appending, so that ``>> log`` keeps what the log held."""
    try:
        with open(path, "ab") as f:
            f.write(raw)
    except OSError as e:
        raise _naming(e, path) from e


def replace(tmp: str | os.PathLike[str], path: str | os.PathLike[str]) -> None:
    """``os.replace`` whose error names ``path``, the file asked for, not its temp file."""
    try:
        os.replace(tmp, path)
    except OSError as e:
        raise _naming(e, Path(path)) from e


def _naming(e: OSError, path: Path) -> OSError:
    """``e`` naming ``path`` (not a temp file beside it, nor nothing: a full disk can show first
    at the flush or the close)."""
    if e.filename == str(path):
        return e
    return type(e)(e.errno, e.strerror or str(e), str(path))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def dumps_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """Rows as JSON Lines (UTF-8 kept readable)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


# ---------------------------------------------------------------- claims JSONL

# What an article id may be, since it names its claims file: no "/", no "..", no "".
SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")


def check_claims_names(folder: str | os.PathLike[str], articles: Iterable[Article],
                       inputs: Iterable[str] = ()) -> None:
    """Refuse, before any file is written, an empty folder name (the working folder), an
    article id that cannot name a file in the folder (``../x``, ``/abs``, 300 characters):
    articles built in code skip the loader's check), or a claims file that would replace a file
    the run read: an article's, or one of ``inputs`` (read but giving no article)."""
    if not os.fspath(folder):
        raise DivergenceError("the claims folder name is empty; give a folder")
    articles = list(articles)
    for a in articles:
        if not SAFE_ID.fullmatch(a.id):
            raise DivergenceError(f"article id {a.id[:80]!r} cannot name a claims file: use "
                                  "letters, digits, '.', '_' or '-' (at most 64)", where=a.path)
    read = {os.path.realpath(p) for p in map(file_of, [*(a.path for a in articles), *inputs])
            if os.path.isfile(p)}
    for a in articles:
        target = os.path.realpath(Path(folder) / f"{a.id}.jsonl")
        if target in read:
            raise DivergenceError(f"its claims file {target} would replace an input of this run; "
                                  "give --claims-dir another folder", where=a.path)


def file_of(where: str) -> str:
    """The file an article (or a skip) was read from: its path without line numbers
    ("feed.jsonl:3:2"), or the file stdin comes from ("<stdin>:3"). A file whose own name ends
    in ":<digits>" ("wire-12:45") keeps it: the longest such prefix that exists is the file."""
    cut = where
    while (m := re.search(r":\d+$", cut)) and not os.path.lexists(cut):
        cut = cut[:m.start()]
    path = cut if os.path.lexists(cut) else re.sub(r"(?::\d+)+$", "", where)
    return STDIN_FILE if path == "<stdin>" else path


def write_claims(folder: str | os.PathLike[str], article: Article, claims: list[Claim]) -> Path:
    """Write ``claims/<article-id>.jsonl`` atomically."""
    check_claims_names(folder, [article])
    rows = dumps_jsonl(map(claim_to_dict, claims))
    return atomic_write(Path(folder) / f"{article.id}.jsonl", rows)


def read_claims(path: str | os.PathLike[str]) -> list[Claim]:
    """Read a claims JSONL file, naming the line of any bad row."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise DivergenceError(f"not valid JSON ({e.msg})", where=str(path), line=n) from None
        out.append(claim_from_dict(d, where=f"{path}:{n}"))
    return out


__all__ = ["atomic_write", "atomic_write_all", "dumps_jsonl", "file_of", "read_claims",
           "write_claims"]
