"""Ctrl-C in a parallel build: it stops soon, never hangs, leaves whole documents, and the next build finishes.

The first SIGINT is noted and the running tasks finish (a KeyboardInterrupt raised inside the process
pool's bookkeeping could leave it waiting forever on a lock); a second one ends the process at once.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from hostile_lib import REPO, kinds_per_card

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")


def start(workspace: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "-j", "2", "--force"], cwd=workspace,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def whole_documents(output: Path) -> int:
    documents = list(output.rglob("*.docx"))
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
    return len(documents)


def finish(process: subprocess.Popen, seconds: float) -> tuple[int, str]:
    try:
        _out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"the build did not stop within {seconds} s of Ctrl-C") from None
    return process.returncode, err


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5])
def test_one_ctrl_c_stops_a_parallel_build_soon(workspace, delay):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "generator", "build", "-j", "2"], cwd=workspace, env=env, check=True,
                   capture_output=True)
    process = start(workspace)
    time.sleep(delay)
    try:
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the build and its workers
    except ProcessLookupError:
        pass
    code, err = finish(process, 60)
    assert code in (0, 1, -signal.SIGINT), err  # done, "Aborted!", or stopped by the signal while starting
    assert "Traceback" not in err
    whole_documents(workspace / "output")
    after = subprocess.run([sys.executable, "-m", "generator", "build", "-j", "2"], cwd=workspace, env=env,
                           capture_output=True, text=True, timeout=120)
    assert after.returncode == 0, after.stderr
    assert "kept" not in after.stdout + after.stderr and whole_documents(workspace / "output") == 2 * kinds_per_card(workspace)


@pytest.mark.slow
def test_a_second_ctrl_c_ends_the_build_at_once(workspace):
    process = start(workspace)
    time.sleep(0.8)
    for _ in range(2):
        try:
            os.killpg(process.pid, signal.SIGINT)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    code, _err = finish(process, 10)
    assert code in (0, 1, 130, -signal.SIGINT)
    whole_documents(workspace / "output")
