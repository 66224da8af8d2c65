"""Ctrl-C while worker processes build: noted, not raised in the middle of the pool's bookkeeping.

A KeyboardInterrupt raised at an arbitrary point of ``concurrent.futures`` (between a lock's acquire and its
release in ``wait``, in ``submit``) can leave the pool's manager thread waiting forever, and the build with
it. So while the pool runs, SIGINT only sets a flag the build loop reads at a safe point; a second SIGINT
ends the process at once, which is as safe as a kill (documents are renamed into place whole, the journal
and the next build do the rest).
"""
from __future__ import annotations

import os


class NotedInterrupts:
    """While a parallel build runs: the first SIGINT is noted (truthy), a second one ends the process."""

    def __init__(self) -> None:
        self.count = 0
        self.previous = None

    def __bool__(self) -> bool:
        return self.count > 0

    def _handle(self, _signum, _frame) -> None:
        self.count += 1
        if self.count > 1:
            os._exit(130)  # like a kill: outputs are whole, the journal and the next build do the rest

    def __enter__(self) -> "NotedInterrupts":
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
