"""The output folder of a build: one build at a time, temporary files, backups of hand edits.

Every document is written to a temporary file next to its final place (``TEMP_MARK`` in its name) and
renamed into place by the build process; what a killed build left is removed by the next one.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from generator.batch.record import LOCK_NAME
from generator.common.files import TEMP_MARK, backup_copy, temp_for  # noqa: F401 - the build's names for them
from generator.exceptions import BuildError
LOCK_WAIT = 2.0  # seconds to wait for the lock of another build


class OutputLock:
    """One build at a time per output folder: an OS lock on ``.progen-build.lock``, released by the
    OS when the build dies however it dies."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK_NAME
        self.handle = None

    @staticmethod
    def _try(handle) -> bool:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                return False
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def __enter__(self):
        self.handle = open(self.path, "a+b")  # noqa: SIM115
        self.handle.seek(0)
        deadline = time.monotonic() + LOCK_WAIT
        while not self._try(self.handle):
            # the workers of a build killed a moment ago may still hold it for a few milliseconds
            if time.monotonic() >= deadline:
                self.handle.close()
                raise BuildError(f"{self.path.parent}: another progen build is running in this output folder")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.handle.close()


def check_writable(out_dir: Path, where: str) -> None:
    import tempfile

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".progen-probe-", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise BuildError(f"{where}: the output folder {out_dir} is not writable: "
                         f"{error.strerror or error}") from error


def check_bookkeeping(out_dir: Path, names: tuple[str, ...], folders: tuple[str, ...]) -> None:
    """The build's own files (``names``) and folders (``folders``) in the output folder are what they
    should be: something else standing there is one line, before the build starts."""
    for name in names:
        path = out_dir / name
        if path.exists() and not path.is_file():
            raise BuildError(f"{path}: progen keeps its build bookkeeping in this file, but a folder (or other "
                             f"non-file) stands there; remove or rename it")
    for name in folders:
        path = out_dir / name
        if path.exists() and not path.is_dir():
            raise BuildError(f"{path}: progen keeps its build cache in this folder, but a file stands there; "
                             f"remove or rename it")


def remove_temporaries(out_dir: Path) -> int:
    """Delete what a killed build left: temporary outputs and PDF work folders."""
    count = 0
    for path in sorted(out_dir.rglob(f"*{TEMP_MARK}*"), key=lambda q: len(q.parts), reverse=True):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        count += 1
    return count
