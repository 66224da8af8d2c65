"""A build killed at any moment (SIGKILL, SIGINT) leaves no partial DOCX, and the next build completes.

Runs the real `progen` (real design and render) as a subprocess, kills it at random moments of
`progen build -j 2 --force`, and after every kill checks each .docx in output/ is a whole document.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from generator.batch.record import RECORD_NAME

KILLS = 24


def progen(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def wait_group_gone(pgid: int, timeout: float = 10.0) -> None:
    """The build and its workers (they die with it) are all gone."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("worker processes outlived the killed build")


def assert_whole_documents(output: Path) -> int:
    documents = list(output.rglob("*.docx"))
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
        docx.Document(str(path))  # opens with python-docx
    return len(documents)


def run(args, cwd, env) -> subprocess.CompletedProcess:
    return subprocess.run(progen(*args), cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_killed_builds_never_leave_a_partial_docx(workspace):
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    rng = random.Random(20261125)
    first = run(["build", "-j", "2"], workspace, env)
    assert first.returncode == 0, first.stderr + first.stdout
    started = time.monotonic()
    full = run(["build", "-j", "2", "--force"], workspace, env)
    assert full.returncode == 0, full.stderr
    duration = time.monotonic() - started
    kinds, running = [], 0
    for attempt in range(KILLS):
        process = subprocess.Popen(progen("build", "-j", "2", "--force"), cwd=workspace, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        how = rng.choice(["SIGKILL the build", "SIGKILL the group", "SIGINT the group"])
        kinds.append(how)
        running += process.poll() is None
        try:
            if how == "SIGKILL the build":
                process.send_signal(signal.SIGKILL)
            else:
                os.killpg(process.pid, signal.SIGKILL if how == "SIGKILL the group" else signal.SIGINT)
        except ProcessLookupError:  # it had already finished
            pass
        process.wait(timeout=60)
        wait_group_gone(process.pid)
        assert_whole_documents(workspace / "output")
        record = workspace / "output" / RECORD_NAME
        if record.exists():
            json.loads(record.read_text("utf-8"))  # written atomically: never half a record
    assert running >= KILLS // 2, f"only {running} of {KILLS} kills hit a running build"
    after = run(["build", "-j", "2"], workspace, env)
    assert after.returncode == 0, after.stderr + after.stdout
    assert "kept" not in after.stdout + after.stderr  # a kill is never taken for a hand edit
    assert assert_whole_documents(workspace / "output") == 8
    assert not list((workspace / "output").rglob("*progen-tmp*"))
    again = run(["build"], workspace, env)
    assert again.returncode == 0 and again.stdout.startswith("0 built, 8 up to date, 0 failed"), again.stdout
