"""An optional NLI cross-encoder: P(conflict), P(agree), P(neither) for pairs of statements.

Any 3-way NLI model that sentence-transformers' ``CrossEncoder`` loads works, by local path or by
a name already in the Hugging Face cache; nothing is downloaded here. Columns follow the model's
``id2label`` names (contradiction -> conflict, entailment -> agree, neutral -> neither); a model
with generic names (LABEL_0..2) is read in the order sentence-transformers' NLI cross-encoders
use: contradiction, entailment, neutral.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np

from ..errors import DivergenceError
from ..lazy_re import lazy
from ..records import PairLabel, Reason

LABELS: tuple[PairLabel, PairLabel, PairLabel] = ("conflict", "agree", "neither")
# The column order of sentence-transformers' NLI cross-encoders (cross-encoder/nli-*).
ASSUMED_ORDER: tuple[PairLabel, PairLabel, PairLabel] = ("conflict", "agree", "neither")
_CUES: tuple[tuple[str, PairLabel], ...] = (
    ("contradict", "conflict"),
    ("entail", "agree"),
    ("neutral", "neither"),
)
_GENERIC = lazy(r"label_?\d+", re.I)


def map_labels(
    id2label: Mapping[int | str, str],
) -> tuple[tuple[PairLabel, ...], Literal["config", "assumed"]]:
    """The pair label of each model output column, and whether the config named them.

    Raises:
        DivergenceError: the names are neither NLI names nor generic ``LABEL_n`` ones.
    """
    names = [str(id2label[k]) for k in sorted(id2label, key=int)]
    order: list[PairLabel] = []
    for name in names:
        hits = [label for cue, label in _CUES if cue in name.lower()]
        if len(hits) != 1:
            break
        order.append(hits[0])
    if len(order) == 3 and len(set(order)) == 3:
        return tuple(order), "config"
    if all(_GENERIC.fullmatch(n) for n in names):
        return ASSUMED_ORDER, "assumed"
    raise DivergenceError(
        f"cannot tell which output is contradiction, entailment and neutral from the model's "
        f"labels {names}; expected names containing 'contradict', 'entail' and 'neutral'"
    )


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


class NLIBackend:
    """A 3-way NLI ``CrossEncoder`` on the CPU, loaded on first use, offline.

    Args:
        model: a local model folder or a name already in the Hugging Face cache.
        batch_size: pairs per forward pass.
        device: a torch device string.
    """

    def __init__(self, model: str, batch_size: int = 32, device: str = "cpu") -> None:
        self.model = model
        self.name = f"nli:{model}"
        self.batch_size = batch_size
        self.device = device
        # Set on load: the pair label of each model output column, and where that came from.
        self.label_order: tuple[PairLabel, ...] | None = None
        self.label_source: Literal["config", "assumed"] | None = None
        self._ce = None
        self._cols: list[int] = []

    def load(self) -> NLIBackend:
        """Load the model now (to fail early on a bad ``--nli``); later calls do nothing."""
        if self._ce is not None:
            return self
        from ..embed import offline_env

        offline_env()
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as e:  # pragma: no cover - a core dependency
            raise DivergenceError(
                "the NLI backend needs sentence-transformers: pip install sentence-transformers"
            ) from e
        try:
            ce = CrossEncoder(self.model, device=self.device)
        except Exception as e:  # noqa: BLE001 - any load failure is a user-facing error
            first = str(e).splitlines()[0][:200] if str(e) else ""
            raise DivergenceError(
                f"cannot load NLI cross-encoder {self.model!r} ({type(e).__name__}: {first}); "
                "give a local model folder or a name already in the Hugging Face cache "
                "(no downloads happen here)"
            ) from None
        # sentence-transformers >= 5 exposes .config; older versions keep it on .model
        config = getattr(ce, "config", None) or getattr(getattr(ce, "model", None), "config", None)
        n = int(getattr(ce, "num_labels", 0) or getattr(config, "num_labels", 0))
        if n != 3:
            raise DivergenceError(
                f"{self.model!r} has {n} output{'s' if n != 1 else ''} (a similarity or relevance "
                "score?), not a 3-way NLI model (contradiction, entailment, neutral)"
            )
        id2label = getattr(config, "id2label", None) or {i: f"LABEL_{i}" for i in range(3)}
        order, source = map_labels(id2label)
        self._cols = [order.index(label) for label in LABELS]
        self.label_order, self.label_source = order, source
        self._ce = ce
        return self

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities of shape (n, 3), columns in ``LABELS`` order, row i for ``pairs[i]``."""
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        self.load()
        import torch

        logits = self._ce.predict(  # type: ignore[union-attr]
            [[a, b] for a, b in pairs],
            batch_size=self.batch_size,
            activation_fn=torch.nn.Identity(),  # raw logits, whatever the saved config asks
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        logits = np.asarray(logits, dtype=np.float64).reshape(len(pairs), -1)
        return _softmax(logits[:, self._cols]).astype(np.float32)

    def reason(self, a_id: str, b_id: str, probs: np.ndarray) -> Reason:
        """A ``Reason`` for the most probable label of one row of ``predict``."""
        i = int(np.argmax(probs))
        p = float(probs[i])
        return Reason("nli", f"{LABELS[i]} (p={p:.2f}) by {self.model}", (a_id, b_id), weight=p)
