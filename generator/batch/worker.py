"""What runs in a worker process: design a program once, render its stale document kinds.

A task is small (paths, a card code, the spec as a dict, file names); the standard is loaded once
per process and kept (a worker's memory does not grow with the number of targets). Outputs are
written to temporary files next to their final place; the parent process renames them, after
writing its journal line, so only the parent ever puts a document in place.
"""
from __future__ import annotations

import os
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.batch.hashing import _Mismatch, fast_load_standard, sha256_file, standard_from_json
from generator.exceptions import GeneratorError

_STATE: dict = {"pipeline": None, "workspace": None, "standards": {}}
_KEEP_STANDARDS = 2


@dataclass
class Job:
    """One document of a program: render ``kind`` to ``temp`` (and its PDF to ``pdf_temp``)."""

    key: str
    kind: str
    temp: Optional[str]  # None: the DOCX is up to date, only the PDF is wanted
    docx: str  # the final DOCX (source of a PDF-only job)
    pdf_temp: Optional[str] = None


@dataclass
class Task:
    standard_path: str
    standard_sha: str
    cache_path: Optional[str]  # the card's slice of the standard (JSON), if the build left one
    spec: dict
    jobs: list[Job] = field(default_factory=list)


@dataclass
class JobResult:
    key: str
    ok: bool
    output: Optional[str] = None  # sha256 of the DOCX bytes written to the temporary file
    pdf: Optional[str] = None
    error: Optional[str] = None
    detail: Optional[str] = None
    seconds: float = 0.0


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the build process dies, so no orphan keeps writing."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):  # pragma: no cover - not Linux
        pass


def quiet_child(parent_pid: int) -> None:
    """Start of a pool's process (the build's workers, the scan's): Ctrl-C is the parent's to handle, and
    the process dies with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides how to stop
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def fork_context():
    """The fork context when this process has a single thread (fast, no re-import), else None."""
    import multiprocessing
    import threading

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return None


def init_worker(pipeline, workspace, parent_pid: Optional[int] = None) -> None:
    """Process pool initializer (also called in-process for ``-j 1``): the workspace object, loaded once by
    the build, arrives here once; whatever a stage caches lives on it, so every build starts fresh."""
    if parent_pid is not None:
        import gc

        gc.freeze()  # objects inherited by fork: never scanned, so their pages are never copied
        quiet_child(parent_pid)
    _STATE["pipeline"] = pipeline
    _STATE["workspace"] = workspace
    _STATE["standards"] = {}


def _standard(task: Task):
    """The card's slice of the standard (small), or else the whole standard, loaded once per process."""
    if task.cache_path:
        try:
            return standard_from_json(Path(task.cache_path).read_text("utf-8"))
        except (OSError, ValueError, TypeError, _Mismatch):
            pass
    cached = _STATE["standards"].get(task.standard_sha)
    if cached is not None:
        return cached
    standard = fast_load_standard(Path(task.standard_path))
    standards = _STATE["standards"]
    while len(standards) >= _KEEP_STANDARDS:
        standards.pop(next(iter(standards)))
    standards[task.standard_sha] = standard
    return standard


def _spec(data: dict):
    from generator.workspace.spec import ProgramSpec, ProviderSpec

    values = dict(data)
    values["provider"] = ProviderSpec(**(values.get("provider") or {}))
    return ProgramSpec(**values)


def run_task(task: Task) -> list[JobResult]:
    pipeline, workspace = _STATE["pipeline"], _STATE["workspace"]
    started = time.perf_counter()
    try:
        program = pipeline.plan(_standard(task), _spec(task.spec), workspace)
    except Exception as error:  # noqa: BLE001 - reported per target, the build goes on or stops
        message, detail = _describe(error)
        return [JobResult(job.key, False, error=message, detail=detail) for job in task.jobs]
    design_seconds = time.perf_counter() - started
    results = []
    for job in task.jobs:
        started = time.perf_counter()
        try:
            output = None
            if job.temp is not None:
                Path(job.temp).parent.mkdir(parents=True, exist_ok=True)  # the card's folder, new or not
                pipeline.render(program, job.kind, Path(job.temp), workspace)
                output = sha256_file(Path(job.temp))
            pdf = None
            if job.pdf_temp is not None:
                from generator.batch.pdf import convert

                convert(Path(job.temp or job.docx), Path(job.pdf_temp))
                pdf = sha256_file(Path(job.pdf_temp))
            results.append(JobResult(job.key, True, output=output, pdf=pdf,
                                     seconds=time.perf_counter() - started + design_seconds / len(task.jobs)))
        except Exception as error:  # noqa: BLE001
            message, detail = _describe(error)
            for leftover in (job.temp, job.pdf_temp):
                if leftover:
                    try:
                        os.unlink(leftover)
                    except FileNotFoundError:
                        pass
            results.append(JobResult(job.key, False, error=message, detail=detail))
    return results


def _describe(error: Exception) -> tuple[str, Optional[str]]:
    if isinstance(error, GeneratorError):
        return str(error), None
    return f"{type(error).__name__}: {error}", traceback.format_exc()
