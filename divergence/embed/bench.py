"""Embedding speed and fidelity per backend, side by side in one run (``divergence bench embed``).

For each backend: sentences per second (median of ``runs`` passes over the same sentences, the
backends taking turns so machine noise hits them alike), the ratio to the fp32 arithmetic limit
measured in the same run (a float32 matrix product's rate divided by the model's FLOP per
sentence), cosine to the torch fp32 vectors (mean and min), the in-process load time, and a
fresh process's time to its first vector, with whether it imported torch.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from statistics import median
from typing import Any

import numpy as np

from ..errors import DivergenceError
from . import BACKENDS, DEFAULT_MODEL, TORCH_BATCH, SentenceTransformerEmbedder

NOMINAL_GFLOP = 0.67  # all-MiniLM-L6-v2 at ~31 WordPiece tokens, when the model's config is unknown
_COLD = """
import json, sys, time
t0 = time.perf_counter()
from divergence.embed import SentenceTransformerEmbedder
e = SentenceTransformerEmbedder(sys.argv[1], backend=sys.argv[2])
e.encode(["The first vector of a fresh process."])
print(json.dumps({"seconds": time.perf_counter() - t0, "torch": "torch" in sys.modules}))
"""


def matmul_gflops(n: int = 2048, repeats: int = 5) -> float:
    """The machine's float32 matrix-product rate in GFLOP/s (numpy, all cores, median)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    a @ b  # warm up the BLAS threads
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - t)
    return 2 * n**3 / median(times) / 1e9


def model_flop(model: str, texts: Sequence[str]) -> tuple[float | None, float | None]:
    """(mean WordPiece tokens per sentence, GFLOP per sentence) from the model's own files.

    FLOP per token: 2 x the encoder's weights (4 d^2 + 2 d f per layer) plus the attention
    products (4 d per layer per token attended to). None when the model's files do not say.
    """
    from .onnx_backend import model_folder

    try:
        folder = model_folder(model)
        cfg = json.loads((folder / "config.json").read_text("utf-8"))
        layers, d = int(cfg["num_hidden_layers"]), int(cfg["hidden_size"])
        ff = int(cfg.get("intermediate_size", 4 * d))
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception:  # noqa: BLE001 - any gap in the model's files: use the nominal figure
        return None, None
    tok.no_padding()
    tok.no_truncation()
    lengths = np.array([min(len(e.ids), 512) for e in tok.encode_batch(list(texts))])
    per_token = 2 * layers * (4 * d * d + 2 * d * ff) + 4 * layers * d * lengths
    return float(lengths.mean()), float((per_token * lengths).sum() / len(texts) / 1e9)


def cold_start(model: str, backend: str) -> dict[str, Any]:
    """A fresh Python's time to its first vector, and whether it imported torch."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _COLD, model, backend], capture_output=True,
                          text=True, env=env, check=False)
    wall = time.perf_counter() - t
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"seconds": None, "torch": None, "error": last[:300]}
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return {"seconds": wall, "torch": bool(out["torch"])}


def bench_embed(
    texts: Sequence[str],
    backends: Sequence[str] = BACKENDS,
    model: str = DEFAULT_MODEL,
    runs: int = 3,
    batch_size: int | None = None,
    cold: bool = True,
    on_progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Measure each backend on ``texts``; returns a JSON-ready dict (see the module docstring).

    Args:
        batch_size: sentences per forward pass (None: each backend's own, as a report runs it).
        cold: also time a fresh process per backend (after the ONNX files are built).
        on_progress: called with a short line per step, for stderr.
    """
    bad = [b for b in backends if b not in BACKENDS]
    if bad:
        raise DivergenceError(f"unknown backend {bad[0]!r}; available: {', '.join(BACKENDS)}")
    if not texts:
        raise DivergenceError("no sentences to embed")
    say = on_progress or (lambda s: None)
    texts = list(texts)
    embedders: dict[str, SentenceTransformerEmbedder] = {}
    loads: dict[str, float] = {}
    for b in backends:
        if b != "torch":  # build the ONNX files first, so the load time is a load's, not a build's
            say(f"preparing {b}")
            SentenceTransformerEmbedder(model, backend=b).encode(["warm"])
    for b in backends:
        say(f"loading {b}")
        t = time.perf_counter()
        e = SentenceTransformerEmbedder(model, batch_size=batch_size, backend=b)
        e.encode(texts[:batch_size or TORCH_BATCH])
        loads[b] = time.perf_counter() - t
        embedders[b] = e
    rates: dict[str, list[float]] = {b: [] for b in backends}
    vecs: dict[str, np.ndarray] = {}
    gflops = []
    for r in range(runs):
        gflops.append(matmul_gflops())
        for b, e in embedders.items():
            say(f"run {r + 1}/{runs}: {b}")
            t = time.perf_counter()
            v = e.encode(texts)
            rates[b].append(len(texts) / (time.perf_counter() - t))
            vecs.setdefault(b, v)
    tokens, gflop = model_flop(model, texts)
    per_sentence = gflop if gflop else NOMINAL_GFLOP
    rate = median(gflops)
    limit = rate / per_sentence
    ref = vecs.get("torch")
    rows: dict[str, Any] = {}
    for b, e in embedders.items():
        sps = median(rates[b])
        row: dict[str, Any] = {
            "name": e.name, "sentences_per_s": round(sps, 1),
            "runs": [round(x, 1) for x in rates[b]], "ratio_to_limit": round(sps / limit, 3),
            "vs_torch": round(sps / median(rates["torch"]), 2) if "torch" in rates else None,
            "cosine_mean": None, "cosine_min": None, "load_s": round(loads[b], 2),
        }
        if ref is not None:
            cos = (vecs[b] * ref).sum(axis=1)
            row.update(cosine_mean=round(float(cos.mean()), 5),
                       cosine_min=round(float(cos.min()), 5))
        if cold:
            say(f"cold start: {b}")
            c = cold_start(model, b)
            row.update(cold_start_s=round(c["seconds"], 2) if c["seconds"] else None,
                       imports_torch=c["torch"], **({"error": c["error"]} if "error" in c else {}))
        rows[b] = row
    return {
        "model": model, "sentences": len(texts), "runs": runs,
        "batch_size": batch_size,  # None: each backend's own
        "tokens_per_sentence": round(tokens, 1) if tokens else None,
        "gflop_per_sentence": round(per_sentence, 4), "matmul_gflops": round(rate, 1),
        "matmul_gflops_runs": [round(g, 1) for g in gflops],
        "limit_sentences_per_s": round(limit, 1), "backends": rows, "machine": _machine(),
    }


def _machine() -> dict[str, Any]:
    versions = {}
    for pkg in ("onnxruntime", "torch", "sentence-transformers", "transformers", "numpy"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    load = os.getloadavg() if hasattr(os, "getloadavg") else None  # other work skews the rates
    return {"cpus": os.cpu_count(), "processor": platform.processor() or platform.machine(),
            "load_average_1m_5m": [round(x, 2) for x in load[:2]] if load else None,
            "python": platform.python_version(), **versions}


def format_table(res: dict[str, Any]) -> str:
    """The result as a markdown table with a header line saying what the limit is."""
    head = (f"{res['sentences']} sentences ({res['tokens_per_sentence']} tokens each on average), "
            f"{res['model']}, batch {res['batch_size'] or 'as in a report'}, "
            f"median of {res['runs']} runs; fp32 limit "
            f"{res['limit_sentences_per_s']} sentences/s = {res['matmul_gflops']} GFLOP/s "
            f"(float32 matmul, this run) / {res['gflop_per_sentence']} GFLOP per sentence")
    lines = [head, "",
             "| backend | sentences/s | x torch | of fp32 limit | cosine to torch fp32 mean / min "
             "| load s | fresh process s | imports torch |",
             "|---|---|---|---|---|---|---|---|"]
    for b, r in res["backends"].items():
        cos = "—" if r["cosine_mean"] is None else f"{r['cosine_mean']:.5f} / {r['cosine_min']:.5f}"
        x = "—" if r["vs_torch"] is None else f"{r['vs_torch']:.2f}"
        cold = r.get("cold_start_s")
        torch = r.get("imports_torch")
        lines.append(f"| {b} | {r['sentences_per_s']:.0f} | {x} | {r['ratio_to_limit']:.2f} "
                     f"| {cos} | {r['load_s']:.2f} | {'—' if cold is None else f'{cold:.2f}'} "
                     f"| {'—' if torch is None else ('yes' if torch else 'no')} |")
    return "\n".join(lines)


def sentences_from(paths: Sequence[str]) -> list[str]:
    """The sentences (claims) of the articles in ``paths``, in order, without repeats."""
    from ..ingest.io import load

    articles, _ = load(paths)
    return sentences_of(articles)


def sentences_of(articles: Sequence[Any]) -> list[str]:
    """The sentences (claims) of ``articles``, in order, without repeats."""
    from ..ingest.split import split_all

    return list(dict.fromkeys(c.text for c in split_all(articles)))


def sick_sentences(root: Path | None, limit: int) -> list[str]:
    """Up to ``limit`` distinct SICK test sentences from the benchmark folder; [] when absent."""
    if root is None or limit <= 0:
        return []
    from ..evaluate.loaders import load_sick

    try:
        pairs = load_sick(Path(root), "test")
    except DivergenceError:
        return []
    return list(dict.fromkeys(s for p in pairs for s in (p.a, p.b)))[:limit]
