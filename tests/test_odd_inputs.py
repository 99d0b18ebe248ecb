"""Inputs a robustness audit found crashing, hanging or filling the memory: names that are not
UTF-8, endless pipes, a damaged or unwritable model cache, pasted articles in ``compare``, and
long claims read by the NLI model. Each test fails on the code before its fix."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from divergence.errors import DivergenceError
from divergence.ingest import io as ingest_io
from divergence.ingest.textsafe import check_note, check_reviewer, path_text
from divergence.records import Article, Skip

BAD = os.fsdecode(b"bad\xffname.txt")  # how Python reads a file name that is not UTF-8


def test_a_path_that_is_not_utf8_is_shown_with_escapes() -> None:
    assert path_text(BAD) == "bad\\xffname.txt"
    assert path_text("plain/näme.txt") == "plain/näme.txt"
    assert path_text("x\ud800y") == "x?y"  # a surrogate no byte gives: replaced
    path_text(BAD).encode("utf-8")


def test_a_file_whose_name_is_not_utf8_is_read_and_named(tmp_path: Path) -> None:
    """It was read, then the report, the claims files and the corpus could not write its
    path (UnicodeEncodeError after the whole report was computed)."""
    (tmp_path / BAD).write_text("The army said five soldiers died on Friday in Marr.\n")
    (tmp_path / os.fsdecode(b"empty\xfe.txt")).write_text("")
    arts, skipped = ingest_io.load([str(tmp_path)])
    assert [Path(a.path).name for a in arts] == ["bad\\xffname.txt"]
    assert [Path(s.where).name for s in skipped] == ["empty\\xfe.txt"]
    json.dumps([a.path for a in arts] + [s.where for s in skipped],
               ensure_ascii=False).encode("utf-8")


def test_a_note_or_reviewer_with_a_stray_byte_is_stored_not_crashed_on() -> None:
    """A byte the terminal gave that is not UTF-8 (``--note $'bad \\xff'``) reached the verdict
    hash and crashed it; it is stored as "?" as other text with one is."""
    assert check_note(os.fsdecode(b"bad \xff note")) == "bad ? note"
    assert check_reviewer(os.fsdecode(b"bob\xff")) == "bob?"
    assert check_note("\ud800") == "?"  # a JSON "\ud800" from the review page


def test_an_endless_stream_is_cut_off_with_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    """``yes | divergence report -`` read stdin whole and filled the memory."""
    monkeypatch.setattr(ingest_io, "MAX_INPUT_BYTES", 1000)
    items = list(ingest_io.read_source("-", io.BytesIO(b"The army said five died.\n" * 100)))
    assert len(items) == 1 and isinstance(items[0], Skip) and "split it" in items[0].why
    ok = list(ingest_io.read_source("-", io.BytesIO(b"The army said five died on Friday.\n")))
    assert ok and isinstance(ok[0], Article)


def test_a_stream_is_read_a_block_at_a_time() -> None:
    """``read(MAX_INPUT_BYTES + 1)`` reserved the whole bound (1 GB) for every stream."""
    asked: list[int] = []

    class Stream(io.BytesIO):
        def read(self, n: int | None = -1) -> bytes:
            asked.append(-1 if n is None else n)
            return super().read(n)

    got = ingest_io._read_at_most(Stream(b"x" * 5000), "<stdin>", block=1024)
    assert got == b"x" * 5000 and max(asked) == 1024


def test_a_file_past_the_input_bound_is_skipped(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_io, "MAX_INPUT_BYTES", 100)
    (tmp_path / "big.txt").write_text("The army said five soldiers died on Friday. " * 10)
    (tmp_path / "small.txt").write_text("The army said five soldiers died.")
    arts, skipped = ingest_io.load([str(tmp_path)])
    assert [Path(a.path).name for a in arts] == ["small.txt"]
    assert [Path(s.where).name for s in skipped] == ["big.txt"]


def test_an_unwritable_model_cache_is_named_in_one_error(tmp_path: Path) -> None:
    """A cache folder that cannot be made or written gave "<dir>/onnx: Operation not permitted"
    with no word of the cache; a file stands in the folder's place here (root ignores modes)."""
    pytest.importorskip("onnxruntime")
    from divergence.embed.onnx_backend import prepare

    (tmp_path / "cache").write_text("a file, not a folder")
    with pytest.raises(DivergenceError, match=r"model cache.*DIVERGENCE_CACHE"):
        prepare("all-MiniLM-L6-v2", "onnx", tmp_path / "cache")


def test_a_damaged_model_cache_is_built_again(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A cut-short model.onnx gave a traceback on every run until the folder was found and
    deleted by hand: now it is forgotten and built again, once."""
    pytest.importorskip("onnxruntime")
    import divergence.embed.onnx_backend as backend
    from divergence.embed import SentenceTransformerEmbedder

    built: list[Path] = []
    folder = tmp_path / "onnx" / "key" / "fp32"

    def prepare(model: str, kind: str, root: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        built.append(folder)
        return folder

    class Encoder:
        opened = 0

        def __init__(self, path: Path, batch_size: int = 0) -> None:
            Encoder.opened += 1
            if Encoder.opened == 1:
                raise RuntimeError("INVALID_PROTOBUF: cut short")

    monkeypatch.setattr(backend, "prepare", prepare)
    monkeypatch.setattr(backend, "OnnxEncoder", Encoder)
    sibling = folder.parent / "int8"
    sibling.mkdir(parents=True)
    (folder.parent / ".fp32-another-build").mkdir()
    emb = SentenceTransformerEmbedder(backend="onnx", onnx_dir=str(tmp_path))
    assert isinstance(emb._load_onnx(), Encoder)
    assert len(built) == 2 and Encoder.opened == 2
    assert sibling.is_dir() and (folder.parent / ".fp32-another-build").is_dir()

    def short_of_memory(*a: object, **k: object) -> None:
        raise MemoryError

    monkeypatch.setattr(Encoder, "__init__", short_of_memory)  # no sign of damage: not rebuilt
    with pytest.raises(MemoryError):
        SentenceTransformerEmbedder(backend="onnx", onnx_dir=str(tmp_path))._load_onnx()
    assert len(built) == 3 and folder.is_dir()

    Encoder.opened = -10  # broken however often it is built: one error naming the folder
    monkeypatch.setattr(Encoder, "__init__", lambda *a, **k: (_ for _ in ()).throw(
        RuntimeError("still broken")))
    emb = SentenceTransformerEmbedder(backend="onnx", onnx_dir=str(tmp_path))
    with pytest.raises(DivergenceError, match="delete the folder"):
        emb._load_onnx()


def test_a_model_cache_that_cannot_be_written_is_tried_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code tried the export again on the first encode after the read-ahead thread's try
    had failed: "exporting ... to ONNX" twice on stderr before the one error."""
    from divergence.embed import SentenceTransformerEmbedder, onnx_backend

    tries: list[int] = []

    def unwritable(*a: object, **k: object) -> Path:
        tries.append(1)
        raise DivergenceError("cannot write the model cache (Not a directory)")

    monkeypatch.setattr(onnx_backend, "prepare", unwritable)
    emb = SentenceTransformerEmbedder(backend="onnx", onnx_dir=str(tmp_path))
    for _ in range(2):  # the read-ahead's open, then the first encode
        with pytest.raises(DivergenceError, match="cannot write the model cache"):
            emb.encode(["The army said five soldiers died."])
    assert len(tries) == 1
    with pytest.raises(DivergenceError):  # handed over once: a later call (the cause mended?)
        emb.encode(["The army said five soldiers died."])  # tries again
    assert len(tries) == 2


def test_compare_refuses_a_pasted_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair of a statement's claims is judged: 1,000 sentences took 46 s and 2 GB."""
    import divergence.compare as compare

    monkeypatch.setattr(compare, "MAX_CLAIMS", 2)
    text = "The army said five died. Rebels said ten died. Officials said six died."
    with pytest.raises(DivergenceError, match="statement A makes 3 claims"):
        compare.compare_texts(text, "Six died.", embedder=None, judge=None)  # type: ignore[arg-type]


def test_bench_embed_says_a_sentence_file_is_not_utf8(tmp_path: Path) -> None:
    from divergence.cli import main

    bad = tmp_path / "lines.txt"
    bad.write_bytes(b"one line\n\xff two\n")
    res = CliRunner().invoke(main, ["bench", "embed", "--sentences", str(bad), "--sick", "0"])
    assert res.exit_code == 1 and "not UTF-8" in res.output and "Traceback" not in res.output
    good = tmp_path / "good.txt"
    good.write_text("one line\n")
    res = CliRunner().invoke(main, ["bench", "embed", "--sentences", str(good), "--sick", "0",
                                    "--backends", ""])
    assert res.exit_code == 2 and "no backends" in res.output


@pytest.mark.slow
def test_long_pairs_are_tokenised_a_few_at_a_time() -> None:
    """Two 4,000-character claims keep ~12 MB of overflow in their encoding; all pairs of a
    call were encoded at once (1.3 GB for one long article). Rows still come back whole, and
    the numbers are those of each pair read alone."""
    from divergence.judge.nli_onnx import ENCODE_AT_ONCE, OnnxNLI, shipped_folder

    if shipped_folder() is None:
        pytest.skip("no shipped NLI model")
    m = OnnxNLI().load()
    sizes: list[int] = []

    class Counting:
        def __init__(self, tok: object) -> None:
            self.tok = tok

        def encode_batch(self, pairs: list[tuple[str, str]]) -> object:
            sizes.append(len(pairs))
            return self.tok.encode_batch(pairs)  # type: ignore[attr-defined]

    m._tok = Counting(m._tok)
    long = "army said soldiers river border ceasefire talks " * 80
    pairs = [(f"{long} {i}", f"{i} {long}") for i in range(3 * ENCODE_AT_ONCE + 1)]
    rows = np.concatenate([r for r, _ in m.batches(pairs)])
    assert sorted(rows.tolist()) == list(range(len(pairs)))
    assert max(sizes) == ENCODE_AT_ONCE and len(sizes) == 4
    whole = m.logits(pairs)
    assert np.allclose(whole[5], m.logits([pairs[5]])[0])


def test_rules_only_beside_another_judge_is_a_usage_error() -> None:
    """``--judge nli --rules-only`` judged by rules without a word."""
    from divergence.cli import main

    res = CliRunner().invoke(main, ["compare", "Five died.", "Six died.", "--judge", "nli",
                                    "--rules-only", "--embedder", "hashing"])
    assert res.exit_code == 2 and "--rules-only" in res.output
    res = CliRunner().invoke(main, ["compare", "Five died.", "Six died.", "--judge", "rules",
                                    "--rules-only", "--embedder", "hashing"])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_detectors_that_name_none_are_a_usage_error(value: str) -> None:
    """``--detectors ''`` judged with the default set, as if the option were left out."""
    from divergence.cli import main

    res = CliRunner().invoke(main, ["compare", "Five died.", "Six died.", "--detectors", value,
                                    "--embedder", "hashing", "--rules-only"])
    assert res.exit_code == 2 and "--detectors" in res.output and "at least one" in res.output
    res = CliRunner().invoke(main, ["compare", "Five died.", "Six died.", "--detectors",
                                    "number", "--embedder", "hashing", "--rules-only"])
    assert res.exit_code == 0, res.output


def test_one_path_given_alone_is_one_path(tmp_path: Path) -> None:
    """Old code iterated a string's characters: ``load("/abs/dir")`` read "/", the whole disk."""
    (tmp_path / "a.txt").write_text("The army said five soldiers died on Friday in Marr.\n")
    for given in (str(tmp_path), tmp_path, [str(tmp_path)]):
        arts, _ = ingest_io.load(given)
        assert [Path(a.path).name for a in arts] == ["a.txt"]


def test_an_empty_path_is_refused_not_read_as_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``divergence add "$UNSET"`` read every article under the working folder."""
    from divergence.cli import main

    (tmp_path / "a.txt").write_text("The army said five soldiers died on Friday in Marr.\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DivergenceError, match="empty path"):
        ingest_io.load([""])
    for args in (["report", "", "-o", "r"], ["report", "", "-o", "r", "--engine", "dask"],
                 ["add", "", "--db", "c.db"]):
        res = CliRunner().invoke(main, [*args, "--embedder", "hashing", "--no-cache", "-q"])
        assert res.exit_code == 1 and "empty path" in res.output, (args, res.output)
    assert not (tmp_path / "c.db").exists() and not list(tmp_path.glob("r.*"))


def _nli_copy(tmp_path: Path, name: str) -> Path:
    import shutil

    from divergence.judge.nli_onnx import shipped_folder

    src = shipped_folder()
    assert src is not None
    return Path(shutil.copytree(src, tmp_path / name))


@pytest.mark.parametrize(("damage", "said"), [
    ("cut", "cannot load the NLI model"),
    ({"max_length": -1}, '"max_length" must be a whole number'),
    ({"max_length": "abc"}, '"max_length" must be a whole number'),
    ([], "expected a JSON object"),
    ({"labels": ["a", "b"]}, '"labels" must list contradiction, entailment, neutral'),
])
def test_a_damaged_nli_folder_is_one_line(tmp_path: Path, damage: object, said: str) -> None:
    """Old code: a cut-short model.onnx or odd meta.json values gave ONNX Runtime, int() or
    tokenizers tracebacks, or "cannot read meta.json: 'a'"."""
    from divergence.judge.nli_onnx import OnnxNLI

    folder = _nli_copy(tmp_path, "nli")
    if damage == "cut":
        with open(folder / "model.onnx", "r+b") as f:
            f.truncate(1_000_000)
    else:
        meta = json.loads((folder / "meta.json").read_text())
        meta = {**meta, **damage} if isinstance(damage, dict) else damage
        (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(DivergenceError, match=said.replace("(", r"\(")):
        OnnxNLI(folder).load()


def test_articles_built_in_code_are_read_whole_and_their_ids_checked(tmp_path: Path) -> None:
    """Old code: an Article built without ``body`` gave no claims and no word, and an id such
    as ``../../x`` wrote its claims file outside the claims folder."""
    from divergence import Options, run
    from divergence.embed import HashingEmbedder

    text = "The army said ten people died in the town on Monday. Officials confirmed it later."
    rep = run([Article(id="a1", path="p", text=text, source="s")], HashingEmbedder())
    assert len(rep.claims) == 2
    folder = tmp_path / "deep" / "cl"
    for bad in ("../../evil", "/abs/x", "", "x" * 300):
        arts = [Article(id="fine", path="p", text=text, source="s"),
                Article(id=bad, path="q", text=text.upper(), source="t")]
        with pytest.raises(DivergenceError, match="cannot name a claims file"):
            run(arts, HashingEmbedder(), options=Options(claims_dir=str(folder)))
    assert not list(tmp_path.rglob("*.jsonl"))  # not even the good article's file
    with pytest.raises(DivergenceError, match="claims folder name is empty"):
        run(arts[:1], HashingEmbedder(), options=Options(claims_dir=""))


def test_a_statement_compared_with_itself_agrees() -> None:
    """Old code judged each claim against every claim of the other statement: a text of two
    claims compared with itself was a conflict between its own first and second claims."""
    from .conftest import compare_json

    text = "Five soldiers died in the north on Friday. Six soldiers died in the south on Saturday."
    got = compare_json(text, text)
    assert got["label"] == "agree" and got["claims"] == {"a": 2, "b": 2}
    assert got["a"]["text"] == got["b"]["text"]
    one, two = text.split(". ", 1)
    for other in (f"{two} {one}.", f"{text} Officials said more could be buried."):
        assert compare_json(text, other)["label"] == "agree", other  # swapped, or one more


@pytest.mark.parametrize("value", ["²", "1,,0", "١٢٣", "0", "-5", "1_0"])
def test_article_size_variable_takes_ascii_whole_numbers_only(
        monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """"²" passed str.isdigit and then failed int() with a traceback; "1,,0" read as 10."""
    monkeypatch.setenv(ingest_io.MAX_ARTICLE_SIZE_ENV, value)
    with pytest.raises(DivergenceError, match="must be a positive number"):
        ingest_io.max_article_size()
    monkeypatch.setenv(ingest_io.MAX_ARTICLE_SIZE_ENV, " 500,000 ")
    assert ingest_io.max_article_size() == 500_000


def test_environment_variables_are_read_as_a_user_means_them(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """$DIVERGENCE_DB=" " made a file named " " and "~/x.db" a folder named "~"; a bad
    $DIVERGENCE_BENCH or $DIVERGENCE_REVIEWER was blamed on an option not given."""
    from divergence.cli import main
    from divergence.corpus.review import default_reviewer
    from divergence.corpus.store import DEFAULT_DB, default_db

    monkeypatch.setenv("DIVERGENCE_DB", "  ")
    assert default_db() == DEFAULT_DB
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("DIVERGENCE_DB", "~/x.db")
    assert default_db() == tmp_path / "x.db"
    monkeypatch.setenv("DIVERGENCE_REVIEWER", "bad\x01name")
    with pytest.raises(DivergenceError, match=r"\$DIVERGENCE_REVIEWER"):
        default_reviewer()
    monkeypatch.setenv("DIVERGENCE_BENCH", str(tmp_path / "nowhere"))
    res = CliRunner().invoke(main, ["eval", "sick", "--embedder", "hashing"])
    assert res.exit_code == 1 and "$DIVERGENCE_BENCH=" in res.output and "nowhere" in res.output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_help_to_a_full_disk_is_one_line() -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-m", "divergence", "report", "--help"],
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "No space left on device" in res.stderr


def test_library_calls_with_the_wrong_things_say_so() -> None:
    """Old code: run(generator) was "object of type 'generator' has no len()", run(arts,
    None) an AttributeError on 'name', HashingEmbedder(0) a ZeroDivisionError."""
    from divergence import run
    from divergence.embed import HashingEmbedder

    text = "The army said ten people died in the town on Monday."
    arts = [Article(id="a1", path="p", text=text, source="s")]
    assert len(run(iter(arts), HashingEmbedder()).claims) == 1
    with pytest.raises(TypeError, match="embedder must be an Embedder"):
        run(arts, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="articles must be Article records"):
        run(["a text"], HashingEmbedder())  # type: ignore[list-item]
    for dim in (0, -1, 2.5):
        with pytest.raises(ValueError, match="dim must be"):
            HashingEmbedder(dim)  # type: ignore[arg-type]


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
def test_output_to_dev_stdout_appends_to_the_redirected_file(tmp_path: Path) -> None:
    """A review of the first fix: /dev/stdout leads (through /proc/self/fd/1) to the file the
    shell redirected to, which the atomic write then replaced: ``>> log`` lost the log."""
    import subprocess
    import sys

    log = tmp_path / "log.txt"
    log.write_text("kept\n")
    code = ("from divergence.ingest.files import atomic_write; import sys; "
            "atomic_write('/dev/stdout', 'new\\n'); sys.stdout.write('after\\n')")
    with open(log, "a") as out:
        subprocess.run([sys.executable, "-c", code], stdout=out, check=True, timeout=60,
                       cwd=Path(__file__).resolve().parent.parent)
    assert log.read_text() == "kept\nnew\nafter\n"


def test_report_to_a_device_and_an_empty_db_are_usage_errors(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """``report -o /dev/null`` wrote /dev/null.md, .html and .json (files in /dev, as root);
    ``--db ""`` quietly used the default corpus; ``eval -o FOLDER`` failed after the run."""
    from divergence.cli import main
    from divergence.embed import default_cache_dir

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The army said five soldiers died on Friday in Marr.\n")
    res = CliRunner().invoke(main, ["report", "a.txt", "-o", os.devnull, "--embedder",
                                    "hashing", "--no-cache", "-q"])
    assert res.exit_code == 2 and "a device or stream" in res.output
    res = CliRunner().invoke(main, ["review", "--list", "--db", ""])
    assert res.exit_code == 2 and "--db is empty" in res.output
    res = CliRunner().invoke(main, ["eval", "sick", "-o", str(tmp_path), "--embedder",
                                    "hashing"])
    assert res.exit_code == 1 and "is a folder" in res.output
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("DIVERGENCE_CACHE", "~/cache")
    assert default_cache_dir() == tmp_path / "cache"


@pytest.mark.parametrize(("option", "value"), [("--splitter", "nope"), ("--embedder", "nope"),
                                               ("--detectors", "number,nope")])
def test_an_unknown_part_is_a_usage_error(option: str, value: str) -> None:
    """A name no registry holds exits 2 naming the option, as a Choice's bad value does."""
    from divergence.cli import main

    args = ["compare", "Five died.", "Six died.", "--embedder", "hashing", "--rules-only"]
    if option == "--splitter":  # compare has no splitter: report does
        args = ["report", "-", "-o", "-", "--embedder", "hashing", "--judge", "rules"]
    res = CliRunner().invoke(main, [*args, option, value], input="Five people died.\n")
    assert res.exit_code == 2, res.output
    assert f"'{option}'" in res.output and "unknown" in res.output and "available" in res.output


@pytest.mark.parametrize(("option", "value"), [("--embedder", "Hashing"),
                                               ("--detectors", "NUMBER")])
def test_a_part_named_in_other_case_is_found(option: str, value: str) -> None:
    """``--embedder Hashing`` is the hashing embedder, as ``--format MD`` is markdown."""
    from divergence.cli import main

    args = ["compare", "Five people died.", "Six people died.", "--rules-only"]
    args += ["--embedder", "hashing"] if option != "--embedder" else []
    res = CliRunner().invoke(main, [*args, option, value])
    assert res.exit_code == 0, res.output


def test_compare_ignores_the_article_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """``compare`` reads no article, so a bad $DIVERGENCE_MAX_ARTICLE_SIZE is no error there."""
    from divergence.cli import main

    monkeypatch.setenv("DIVERGENCE_MAX_ARTICLE_SIZE", "lots")
    res = CliRunner().invoke(main, ["compare", "Five people died.", "Six people died.",
                                    "--embedder", "hashing", "--rules-only"])
    assert res.exit_code == 0, res.output


def test_a_db_that_is_a_pipe_is_a_usage_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite left ``PIPE-journal`` beside a device or pipe named as the corpus."""
    from divergence.cli import main

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for args in (["review", "--list", "--db", str(fifo)], ["report", "--db", str(fifo)]):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 2 and "a device or stream" in res.output, res.output
    monkeypatch.setenv("DIVERGENCE_DB", str(fifo))
    res = CliRunner().invoke(main, ["review", "--list"])
    assert res.exit_code == 2 and "$DIVERGENCE_DB" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_files_under_dev_are_files_unless_they_name_a_descriptor(tmp_path: Path) -> None:
    """``-o /dev/shm/x`` was refused as a device (and would have been appended to): only the
    names of descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N) lead to a stream."""
    from divergence.cli.app import output_stem
    from divergence.ingest.files import is_stream

    assert not is_stream("/dev/shm/report.json") and not is_stream("/dev/mqueue/x")
    assert all(is_stream(p) for p in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"))
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    assert is_stream(link)
    if Path("/dev/shm").is_dir():
        assert output_stem("/dev/shm/report", ("a.txt",)) == "/dev/shm/report"


def test_a_report_over_its_own_input_is_refused(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``report feed.json -o feed`` wrote the JSON report over the feed it had just read; a
    report of an earlier run in the folder read is replaced as before."""
    from divergence.cli import main

    monkeypatch.chdir(tmp_path)
    feed = tmp_path / "in" / "feed.json"
    feed.parent.mkdir()
    text = json.dumps({"text": "The army said five soldiers died on Friday in Marr.",
                       "source": "X"}) + "\n"
    feed.write_text(text)
    args = ["--embedder", "hashing", "--no-cache", "-q"]
    for given in ("in/feed.json", "in"):
        res = CliRunner().invoke(main, ["report", given, "-o", "in/feed", *args])
        assert res.exit_code == 2 and "over a file this run reads" in res.output
        assert feed.read_text() == text
    assert CliRunner().invoke(main, ["report", "in", "-o", "in/out", *args]).exit_code == 0
    assert CliRunner().invoke(main, ["report", "in", "-o", "in/out", *args]).exit_code == 0


def test_an_empty_host_or_db_is_a_usage_error() -> None:
    """``serve --host ""`` listened on every address; ``report --db ""`` said ": is a folder"."""
    from divergence.cli import main

    res = CliRunner().invoke(main, ["serve", "--host", "", "--db", "x.db"])
    assert res.exit_code == 2 and "--host" in res.output and "empty" in res.output
    res = CliRunner().invoke(main, ["report", "--db", ""])
    assert res.exit_code == 2 and "--db is empty" in res.output


def test_claims_and_stdin_over_an_input_are_refused(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``report cl/feed.jsonl --claims-dir cl`` (article id ``feed``) replaced the feed with
    its claims; ``report - -o a < a.md`` replaced the file stdin came from."""
    import subprocess
    import sys

    from divergence.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "cl").mkdir()
    feed = tmp_path / "cl" / "feed.jsonl"
    text = json.dumps({"id": "feed", "text": "The army said five soldiers died in Marr."}) + "\n"
    feed.write_text(text)
    res = CliRunner().invoke(main, ["report", str(feed), "--claims-dir", "cl", "-o", "r",
                                    "--embedder", "hashing", "--no-cache", "-q"])
    assert res.exit_code == 1 and "would replace an input" in res.output
    assert feed.read_text() == text
    md = tmp_path / "a.md"
    md.write_text("The army said five soldiers died on Friday in the town of Marr.\n")
    with md.open("rb") as stdin:
        p = subprocess.run([sys.executable, "-m", "divergence.cli", "report", "-", "-o", "a",
                            "--format", "md", "--embedder", "hashing", "--no-cache", "-q"],
                           stdin=stdin, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert p.returncode == 2 and "over a file this run reads" in p.stderr
    assert md.read_text().startswith("The army said")


def test_claims_over_a_skipped_input_are_refused_before_any_splitting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: ``cl/b.jsonl`` (unreadable, so skipped) was replaced by the claims of article
    ``b`` from another feed, and the guard ran only once everything was split and embedded."""
    import divergence.engines as engines
    from divergence.cli import main

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("split before the claims files' names were checked")

    monkeypatch.setattr(engines, "split_articles", never)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cl").mkdir()
    broken = '{"id": "b", "text": a line cut short\n'
    (tmp_path / "cl" / "b.jsonl").write_text(broken)
    (tmp_path / "feed.jsonl").write_text(json.dumps(
        {"id": "b", "text": "The army said five soldiers died in Marr."}) + "\n")
    res = CliRunner().invoke(main, ["report", "cl/b.jsonl", "feed.jsonl", "--claims-dir", "cl",
                                    "-o", "r", "--embedder", "hashing", "--no-cache", "-q"])
    assert res.exit_code == 1 and "would replace an input" in res.output, res.output
    assert (tmp_path / "cl" / "b.jsonl").read_text() == broken


def test_a_report_over_a_link_target_read_through_a_folder_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: ``report in -o outside`` with ``in/link.md -> ../outside.md`` wrote the report
    over outside.md, which the run had read through the link."""
    from divergence.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    text = "The army said five soldiers died on Friday in Marr.\n"
    (tmp_path / "outside.md").write_text(text)
    (tmp_path / "in" / "link.md").symlink_to(tmp_path / "outside.md")
    (tmp_path / "in" / "b.md").write_text("Rebels said six soldiers died in Marr on Friday.\n")
    res = CliRunner().invoke(main, ["report", "in", "-o", "outside", "--format", "md",
                                    "--embedder", "hashing", "--no-cache", "-q"])
    assert res.exit_code == 2 and "over a file this run reads" in res.output, res.output
    assert (tmp_path / "outside.md").read_text() == text


def test_the_guards_refuse_nothing_a_run_would_lose_nothing_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review of the guards: a second `report .` stopped on the empty claims file of an
    article with no claims (skipped as empty, then guarded as an input), and a first run on a
    dead link to the report it was about to write."""
    from divergence.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The army said five soldiers died on Friday in Marr.\n")
    (tmp_path / "in" / "b.txt").write_text("Rebels said six soldiers died in Marr on Friday.\n")
    (tmp_path / "in" / "c.txt").write_text("Photo gallery.\n")  # no claims: an empty file
    (tmp_path / "in" / "latest.md").symlink_to(tmp_path / "reports" / "latest.md")
    args = ["report", "in", "--claims-dir", "in/claims", "-o", "reports/latest", "--format",
            "md", "--embedder", "hashing", "--no-cache", "-q"]
    for _ in range(2):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 0, res.output
    assert (tmp_path / "reports" / "latest.md").is_file()


def test_help_comes_before_a_bad_part_name() -> None:
    from divergence.cli import main

    res = CliRunner().invoke(main, ["report", "--splitter", "nope", "--help"])
    assert res.exit_code == 0 and "Usage:" in res.output


def test_claims_over_any_input_and_reports_over_a_linked_input_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review of the guards: a claims file could replace another input (``a.jsonl`` holding
    id ``b`` beside ``b.jsonl``) or a feed whose line holds a list (``feed.jsonl:1:1``); and a
    report could replace a link's target read through a folder."""
    from divergence.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "cl").mkdir()
    row = {"text": "The army said five soldiers died on Friday in the town of Marr."}
    other = {"text": "Rebels said six soldiers died in Marr on Friday night."}
    (tmp_path / "cl" / "a.jsonl").write_text(json.dumps({**row, "id": "b"}) + "\n")
    (tmp_path / "cl" / "b.jsonl").write_text(json.dumps({**other, "id": "x"}) + "\n")
    (tmp_path / "cl" / "feed.jsonl").write_text(json.dumps([{**row, "id": "feed"}]) + "\n")
    args = ["--claims-dir", "cl", "--embedder", "hashing", "--no-cache", "-q", "-o", "r"]
    for given in (["cl/a.jsonl", "cl/b.jsonl"], ["cl/feed.jsonl"]):
        before = {p.name: p.read_text() for p in (tmp_path / "cl").iterdir()}
        res = CliRunner().invoke(main, ["report", *given, *args])
        assert res.exit_code == 1 and "would replace an input" in res.output, res.output
        assert {p.name: p.read_text() for p in (tmp_path / "cl").iterdir()} == before
    (tmp_path / "in").mkdir()
    (tmp_path / "outside.md").write_text("The army said five soldiers died on Friday in Marr.\n")
    (tmp_path / "in" / "link.md").symlink_to(tmp_path / "outside.md")
    res = CliRunner().invoke(main, ["report", "in", "-o", "in/link", "--format", "md",
                                    "--embedder", "hashing", "--no-cache", "-q"])
    assert res.exit_code == 2 and "over a file this run reads" in res.output
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "q.md").write_text("An earlier note, not read by this run.\n")
    (tmp_path / "in" / "olink").symlink_to(tmp_path / "elsewhere")  # a folder link: not read
    res = CliRunner().invoke(main, ["report", "in", "-o", "in/olink/q", "--format", "md",
                                    "--embedder", "hashing", "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["compare", "a b", "a c", "--judge", "nope", "--help"])
    assert res.exit_code == 0 and "Usage:" in res.output


def test_a_file_named_with_a_trailing_number_keeps_its_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code cut any trailing ":<digits>" off a path read: ``wire.md:2`` was guarded as
    ``wire.md``, so writing the report ``wire.md`` beside it was refused as over an input."""
    from divergence.cli import main
    from divergence.ingest.files import file_of

    monkeypatch.chdir(tmp_path)
    (tmp_path / "wire.md:2").write_text("The army said five soldiers died on Friday in Marr.\n")
    (tmp_path / "b.md").write_text("Rebels said six soldiers died in Marr on Friday.\n")
    (tmp_path / "feed.jsonl").write_text("")
    assert file_of("wire.md:2") == "wire.md:2"
    assert file_of("wire.md:2:7") == "wire.md:2"  # line 7 of a feed so named
    assert file_of("feed.jsonl:3:2") == "feed.jsonl"
    assert file_of("gone.jsonl:3") == "gone.jsonl"  # a file no longer there: as before
    res = CliRunner().invoke(main, ["report", "wire.md:2", "b.md", "-o", "wire", "--format",
                                    "md", "--embedder", "hashing", "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "wire.md").is_file()
    assert (tmp_path / "wire.md:2").read_text().startswith("The army said")


def test_a_second_strict_run_passes_its_own_empty_claims_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: a second ``report in --claims-dir in/claims --strict`` failed, and without
    --strict warned and listed a skip, on the empty claims file the first run wrote for an
    article without claims. A user's own empty file is still warned about."""
    from divergence.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The army said five soldiers died on Friday in Marr.\n")
    (tmp_path / "in" / "b.txt").write_text("Rebels said six soldiers died in Marr on Friday.\n")
    (tmp_path / "in" / "c.txt").write_text("Photo gallery.\n")  # no claims: an empty file
    args = ["report", "in", "--claims-dir", "in/claims", "-o", "r", "--format", "json",
            "--embedder", "hashing", "--no-cache", "-q", "--strict"]
    for _ in range(2):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 0, res.output
        assert "skipped" not in res.output
        assert json.loads((tmp_path / "r.json").read_text())["skipped"] == []
    (tmp_path / "in" / "notes.jsonl").write_text("")  # the user's, outside the claims folder
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1 and "skipped in/notes.jsonl: empty file" in res.output
    # a review: an empty feed inside the claims folder, or named there, is no claims file
    (tmp_path / "in" / "notes.jsonl").unlink()
    (tmp_path / "in" / "claims" / "today.jsonl").write_text("")
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1 and "skipped in/claims/today.jsonl: empty file" in res.output
    (tmp_path / "in" / "claims" / "today.jsonl").unlink()
    (tmp_path / "in" / "c.txt").write_text("Photo gallery, page two.\n")  # edited: its old
    res = CliRunner().invoke(main, args)  # empty claims file is no longer of this run's ids
    assert res.exit_code == 0 and "skipped" not in res.output, res.output  # (a second review)
    own = next(p for p in (tmp_path / "in" / "claims").iterdir() if not p.stat().st_size)
    res = CliRunner().invoke(main, [*args, f"in/claims/{own.name}"])
    assert res.exit_code == 1 and f"skipped in/claims/{own.name}: empty file" in res.output
