"""``progen build`` from the page: one build at a time, in a background thread, with progress to poll.

The build itself is the library's (:func:`generator.batch.build`): make-style, atomic, hand-edited
documents kept. It runs in this process (``jobs=1``): a page serves one trainer, and a worker pool would
fork a threaded server. The page asks :meth:`BuildRunner.status` twice a second.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.exceptions import GeneratorError

log = logging.getLogger(__name__)


@dataclass
class BuildState:
    running: bool = False
    done: int = 0
    total: int = 0
    current: str = ""
    started: float = 0.0
    finished: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)  # status → number of targets
    failures: list[tuple[str, str]] = field(default_factory=list)  # (key, message)
    error: Optional[str] = None  # the build could not start (manifest, lock…)

    def as_json(self) -> dict:
        return {"running": self.running, "done": self.done, "total": self.total, "current": self.current,
                "counts": self.counts, "failures": [list(f) for f in self.failures], "error": self.error,
                "finished": bool(self.finished)}


class BuildRunner:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = BuildState()
        self._thread: Optional[threading.Thread] = None

    def status(self) -> BuildState:
        with self._lock:
            return BuildState(**{**self._state.__dict__, "counts": dict(self._state.counts),
                                 "failures": list(self._state.failures)})

    def start(self, workspace: Path, force: bool = False) -> bool:
        """Start a build; False when one is running already."""
        with self._lock:
            if self._state.running:
                return False
            self._state = BuildState(running=True, started=time.time())
            self._thread = threading.Thread(target=self._run, args=(Path(workspace), force), daemon=True,
                                            name="progen-build")
            self._thread.start()
            return True

    def wait(self, timeout: float) -> None:
        """Wait for the running build (tests, and the server's shutdown)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _progress(self, done: int, total: int, key: str) -> None:
        with self._lock:
            self._state.done, self._state.total, self._state.current = done, total, key

    def _run(self, workspace: Path, force: bool) -> None:
        from generator.batch import build

        counts: dict[str, int] = {}
        failures: list[tuple[str, str]] = []
        error = None
        try:
            report = build(workspace, jobs=1, force=force, keep_going=True, progress=self._progress)
            for result in report.results:
                counts[result.status] = counts.get(result.status, 0) + 1
                if result.status == "failed":
                    failures.append((result.key, result.message.splitlines()[0] if result.message else ""))
        except GeneratorError as problem:
            error = str(problem).splitlines()[0]
        except Exception as problem:  # noqa: BLE001 - a bug must not leave the page saying "running" forever
            log.exception("the build failed")
            error = f"{type(problem).__name__}"
        with self._lock:
            self._state.running = False
            self._state.finished = time.time()
            self._state.counts, self._state.failures, self._state.error = counts, failures, error
