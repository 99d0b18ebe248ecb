"""`--engine dask`: the same claims, vectors and reports as the local engine, on a LocalCluster.

One 2-worker LocalCluster (processes, one thread each) serves the whole module; runs reach it
with ``--scheduler``. Tests that need it skip when dask[distributed] is not installed.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner, Result

from divergence.cli import main
from divergence.contract import report_to_dict
from divergence.embed import EmbeddingCache
from divergence.engines import (
    DASK_HINT,
    ENGINES,
    DaskEngine,
    EmbedderSpec,
    LocalEngine,
    report_paths,
)
from divergence.errors import DivergenceError
from divergence.ingest.io import read_claims
from divergence.pipeline import Options

from .conftest import DATA, SEEDS, run_cli

FAST = ("--embedder", "hashing", "--no-cache", "-q")
HASHING = EmbedderSpec.of("hashing")
STDIN = (b'{"text": "Ministers met on Thursday in Tokyo to talk about the new rail line."}\n'
         b'{"id": "wire-1", "text": "A second article that reuses the id of the feed in data."}\n')


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a 2-worker LocalCluster shared by the module (started once, ~2 s)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture()
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """seeds/ and tests/data/, plus a folder of traps, as relative paths from a temp cwd.

    The traps: a seed copied under another name (same text), a JSONL line reusing an id, an
    empty file, a non-UTF-8 file, a hidden file, a file whose extension is not an article's.
    """
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(DATA, "data")
    extra = tmp_path / "extra"
    extra.mkdir()
    first_seed = sorted(SEEDS.iterdir())[0]
    shutil.copy(first_seed, extra / "zz_copy.txt")
    (extra / "clash.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": "Officials in Tokyo said the line opens in 2030."})
        + "\n", encoding="utf-8")
    (extra / "empty.txt").write_bytes(b"")
    (extra / "latin.txt").write_bytes(b"Officials met.\nCaf\xe9 owners met on Monday.\n")
    (extra / ".hidden.txt").write_text("Hidden files are never read by anyone at all.\n")
    (extra / "notes.csv").write_text("a,b\n")
    (extra / "report.md").write_text("# Divergence report\n\nA run's own output, not news.\n")
    return ["seeds", "data", "extra"]


def _cli(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def _warnings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "warning:" in line]


def _claims(folder: Path) -> dict[str, list[Any]]:
    return {p.name: read_claims(p) for p in sorted(folder.iterdir())}


def _report(path: Path) -> dict[str, Any]:
    rep = json.loads(path.read_text("utf-8"))
    rep.pop("created")
    return rep


# ---------------------------------------------------------------- the same result


@pytest.mark.slow  # 5-9 s each here; test_cli_run_cli_seeds keeps dask = local in the fast set
@pytest.mark.parametrize("partitions", ["1", "4", "50"])
def test_cli_dask_gives_the_local_result(scheduler: str, inputs: list[str],
                                         partitions: str) -> None:
    args = ("report", *inputs, "-", *FAST, "--format", "json")
    local = _cli(*args, "-o", "r/local", "--claims-dir", "c-local", stdin=STDIN)
    dask = _cli(*args, "-o", "r/dask", "--claims-dir", "c-dask", "--engine", "dask",
                "--scheduler", scheduler, "--partitions", partitions, stdin=STDIN)
    assert local.exit_code == 0 and dask.exit_code == 0, dask.stderr
    assert _warnings(dask) == _warnings(local)
    # The traps did their part: every kind of skip happened, in io.load's order.
    joined = "\n".join(_warnings(local))
    for why in ("empty file", "not UTF-8", "same text as seeds/", "is already used by",
                'missing "text"'):
        assert why in joined
    assert "extra/latin.txt:2" in joined and ".hidden" not in joined
    assert _claims(Path("c-dask")) == _claims(Path("c-local"))
    assert len(list(Path("c-local").iterdir())) >= 20
    assert _report(Path("r/dask.json")) == _report(Path("r/local.json"))


def test_cli_run_cli_seeds(scheduler: str, tmp_path: Path) -> None:
    out = {}
    for engine in ("local", "dask"):
        extra = ("--scheduler", scheduler) if engine == "dask" else ()
        res = run_cli("report", str(SEEDS), str(DATA / "inputs"), *FAST, "--engine", engine,
                      *extra, "-o", str(tmp_path / engine), "--claims-dir",
                      str(tmp_path / f"c-{engine}"), "--format", "json,md")
        assert res.exit_code == 0, res.output
        out[engine] = _report(tmp_path / f"{engine}.json")
        assert (tmp_path / f"{engine}.md").is_file()
    assert out["dask"] == out["local"]
    assert _claims(tmp_path / "c-dask") == _claims(tmp_path / "c-local")


@pytest.mark.slow  # a Dask cluster's round trip (9 s here); the CLI tests cover the same path
def test_library_engines_agree(scheduler: str, inputs: list[str]) -> None:
    local = LocalEngine().run(inputs, HASHING)
    dask = ENGINES.make("dask", scheduler=scheduler, partitions=3).run(inputs, HASHING)
    assert dask.articles == local.articles
    assert dask.claims == local.claims
    assert dask.skipped == local.skipped
    assert dask.vectors.dtype == local.vectors.dtype == np.float32
    assert np.array_equal(dask.vectors, local.vectors)

    opts = Options(progress=False, claims_dir=None)
    reps = [report_paths(inputs, eng, HASHING, options=opts)
            for eng in (LocalEngine(), DaskEngine(scheduler))]
    dicts = [report_to_dict(r) for r in reps]
    for d in dicts:
        d.pop("created")
    assert dicts[0] == dicts[1]


def test_the_driver_reads_and_fills_the_cache(scheduler: str, inputs: list[str],
                                              tmp_path: Path) -> None:
    eng = DaskEngine(scheduler, partitions=2)
    cache = EmbeddingCache(tmp_path / "cache")
    first = eng.run(inputs, HASHING, cache=cache)
    keys = [EmbeddingCache.key(t) for t in _texts(first.claims)]
    assert len(cache.get_many("hashing:256", sorted(set(keys)))) == len(set(keys))
    # Overwrite the cached vectors: a second run must take them instead of embedding again.
    fake = {k: np.full(256, 1 / 16, np.float32) for k in set(keys)}
    cache.put_many("hashing:256", fake)
    second = eng.run(inputs, HASHING, cache=cache)
    assert np.array_equal(second.vectors, np.full_like(first.vectors, 1 / 16))
    cache.close()


def _texts(claims: list[Any]) -> list[str]:
    from divergence.ingest.split import core

    return [core(c.content) for c in claims]


# ---------------------------------------------------------------- bad input on workers


def test_bad_files_in_partitions_give_the_local_warnings(scheduler: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    shutil.copy(DATA / "inputs" / "delhi.txt", "in/a.txt")
    Path("in/b.txt").write_bytes(b"")
    Path("in/c.txt").write_bytes(b"Caf\xe9 owners met on Monday in Paris.\n")
    Path("in/d.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    dask_args = ("--engine", "dask", "--scheduler", scheduler, "--partitions", "4")
    local = _cli("report", "in", *FAST, "-o", "r/l", "--claims-dir", "cl")
    dask = _cli("report", "in", *FAST, "-o", "r/d", "--claims-dir", "cd", *dask_args)
    assert local.exit_code == dask.exit_code == 0
    assert _warnings(dask) == _warnings(local) == [
        "divergence: warning: skipped in/b.txt: empty file",
        "divergence: warning: skipped in/c.txt:1: not UTF-8 text (byte 0xe9 at offset 3); "
        "re-save the file as UTF-8",
        "divergence: warning: skipped in/d.txt: binary file (NUL bytes); expected UTF-8 text, "
        "JSONL or HTML",
    ]
    strict = _cli("report", "in", *FAST, "--strict", "--claims-dir", "cs", *dask_args)
    assert strict.exit_code == 1 and "Traceback" not in strict.output
    assert "divergence: error: 3 input(s) skipped and --strict is set" in strict.stderr
    assert not Path("cs").exists()  # failed after reading, before embedding or writing


def test_no_readable_article_is_the_local_error(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = _cli("report", str(tmp_path / "empty.txt"), *FAST, "--engine", "dask",
               "--scheduler", scheduler)
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "no readable articles in" in res.stderr


def test_a_folder_scan_skips_divergence_output_as_the_local_engine_does(tmp_path: Path) -> None:
    """A report or claims file written into a folder is not read back as an article."""
    from divergence.engines import _expand

    (tmp_path / "a.txt").write_text("The council approved the harbour budget on Friday.\n")
    (tmp_path / "report.md").write_text("# Divergence report\n\n- Model: `st:x`\n")
    (tmp_path / "claims.jsonl").write_text(
        '{"id": "abc:0", "article_id": "abc", "text": "The council approved it."}\n')
    assert [Path(f.shown).name for f in _expand([str(tmp_path)], None)] == ["a.txt"]
    (tmp_path / "a.txt").unlink()
    with pytest.raises(DivergenceError, match="folder holds no article files"):
        _expand([str(tmp_path)], None)


def test_a_missing_path_fails_before_any_task(scheduler: str, tmp_path: Path) -> None:
    res = _cli("report", str(tmp_path / "nope.txt"), *FAST, "--engine", "dask",
               "--scheduler", scheduler)
    assert res.exit_code == 1
    missing = tmp_path / "nope.txt"
    assert res.stderr.strip() == f"divergence: error: {missing}: no such file or folder"


def test_a_divergence_error_in_a_task_reaches_the_driver(scheduler: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver's splitter check is switched off, so the workers' registry raises."""
    from divergence import engines

    monkeypatch.setattr(engines.SPLITTERS, "get", lambda name: None)
    with pytest.raises(DivergenceError) as info:
        DaskEngine(scheduler).run([str(SEEDS)], HASHING, splitter="nope")
    assert str(info.value) == "unknown splitter 'nope'; available: pysbd, regex"


@pytest.mark.slow  # the workers import torch (5-20 s here)
def test_a_worker_error_is_one_line(scheduler: str, tmp_path: Path) -> None:
    """A DivergenceError raised inside a task (a model the workers cannot load) reaches the user
    as the same one-line message, with no traceback."""
    res = _cli("report", str(DATA / "inputs" / "delhi.txt"), "--no-cache", "-q", "--rules-only",
               "--model", str(tmp_path / "no-such-model"), "--engine", "dask",
               "--scheduler", scheduler, "-o", str(tmp_path / "r"))
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    (line,) = res.stderr.strip().splitlines()
    # the message of the default backend (onnx: "cannot find model"; torch: "cannot load ...")
    assert line.startswith("divergence: error: cannot ") and "no-such-model" in line


def test_an_unreachable_scheduler_is_a_clean_error() -> None:
    pytest.importorskip("distributed")
    with pytest.raises(DivergenceError, match="cannot reach the dask scheduler at tcp://"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1).run([str(SEEDS)], HASHING)


# ---------------------------------------------------------------- usage and install errors


def test_missing_dask_is_a_clean_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    res = _cli("report", str(SEEDS), *FAST, "--engine", "dask", "-o", str(tmp_path / "r"))
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.strip() == f"divergence: error: {DASK_HINT}"
    assert DASK_HINT == ("the dask engine needs dask[distributed]: "
                         "pip install 'divergence[dask]'")


@pytest.mark.parametrize("extra", [("--scheduler", "tcp://h:8786"), ("--partitions", "3"),
                                   ("--engine", "local", "--partitions", "3")])
def test_dask_options_without_the_dask_engine_are_usage_errors(extra: tuple[str, ...]) -> None:
    res = _cli("report", str(SEEDS), *FAST, *extra)
    assert res.exit_code == 2
    assert "--scheduler and --partitions go with --engine dask" in res.stderr


def test_engine_with_db_is_a_usage_error(tmp_path: Path) -> None:
    res = _cli("report", "--db", str(tmp_path / "x.db"), "--engine", "dask")
    assert res.exit_code == 2 and "--engine applies to PATHS" in res.stderr


def test_engine_choice_matches_the_registry() -> None:
    from divergence.cli.report import ENGINE_NAMES

    assert sorted(ENGINE_NAMES) == ENGINES.names()
    assert "--engine dask --scheduler tcp://host:8786" in _cli("report", "--help").output


# ---------------------------------------------------------------- the real model


@pytest.mark.slow
def test_real_model_on_seeds(scheduler: str) -> None:
    """The packaged model on the workers gives the local vectors to float noise.

    The dask engine encodes the same batches as a local run (embed()'s own), so the only
    difference left is torch's thread count (workers run one thread): allclose, not equal.
    """
    spec = EmbedderSpec.of("sentence-transformers", model="all-MiniLM-L6-v2")
    local = LocalEngine().run([str(SEEDS)], spec)
    dask = DaskEngine(scheduler, partitions=3).run([str(SEEDS)], spec)
    assert dask.claims == local.claims and dask.articles == local.articles
    assert dask.vectors.shape == local.vectors.shape == (len(local.claims), 384)
    assert np.allclose(dask.vectors, local.vectors, atol=1e-5)


def test_a_dead_link_in_a_folder_is_a_skip_on_dask_too(tmp_path: Path) -> None:
    """As io.read_source: a link that leads nowhere is said, not passed over."""
    from divergence.engines import _expand
    from divergence.records import Skip

    (tmp_path / "a.txt").write_text("The council approved the harbour budget on Friday.\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = _expand([str(tmp_path)], None)
    skips = [x for x in items if isinstance(x, Skip)]
    assert [Path(s.where).name for s in skips] == ["gone.txt"]
    assert [Path(x.shown).name for x in items if not isinstance(x, Skip)] == ["a.txt"]
