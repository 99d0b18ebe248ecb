"""Threads started beside the caller's, and a process that exits while one still runs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from divergence import background


def test_beside_runs_the_work_and_drops_its_error() -> None:
    done = threading.Event()
    t = background.beside(done.set, "test-set")
    t.join(5)
    assert done.is_set() and t.daemon and t.name == "test-set"

    def broken() -> None:
        raise RuntimeError("opened nothing")

    t = background.beside(broken, "test-broken")
    t.join(5)
    assert not t.is_alive()  # the error stays on the thread; the caller meets it on first use


def test_the_exit_hook_waits_for_a_thread_still_running() -> None:
    t = background.beside(lambda: time.sleep(0.3), "test-slow")
    background._finish(wait=10)
    assert not t.is_alive()


def test_the_exit_hook_gives_up_after_its_wait() -> None:
    release = threading.Event()
    t = background.beside(lambda: release.wait(10), "test-stuck")
    began = time.monotonic()
    background._finish(wait=0.2)
    assert time.monotonic() - began < 5 and t.is_alive()
    release.set()
    t.join(5)


@pytest.mark.slow
def test_an_error_while_the_model_opens_exits_1_not_abort(tmp_path: Path) -> None:
    """A missing input fails while the embedder still opens on its thread: one line, exit 1.
    Before, the interpreter tore down under ONNX Runtime and the process aborted (134) with
    "terminate called without an active exception"."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    for _ in range(2):
        out = subprocess.run([sys.executable, "-m", "divergence", "report",
                              str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r"), "-q",
                              "--format", "json"], capture_output=True, text=True, env=env,
                             timeout=300)
        assert out.returncode == 1, out.stderr
        assert "terminate called" not in out.stderr
        assert out.stderr.strip().splitlines() == [
            f"divergence: error: {tmp_path / 'missing.txt'}: no such file or folder"]
