"""The build: decide what is stale, build it in worker processes, put outputs in place safely.

Order of work (see ``generator.batch.build`` for the options):

1. read ``programs.yaml`` and index the standards; expand and validate every target — any problem
   stops the build before anything is written;
2. take the output folder's lock, load the record (and replay the journal of a killed build);
3. per target: compare the hashes of its inputs with the record, and the output file with the hash
   of the bytes last written (a hand edit is kept and reported, unless ``force``, which backs it up);
4. build the stale ones, grouped by program so each program is designed once; workers write to
   temporary files, this process journals and renames them into place one by one.
"""
from __future__ import annotations

import logging
import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from generator.batch import plan as p
from generator.batch.hashing import InputHasher, changed_components
from generator.batch.outputs import (OutputLock, backup_copy, check_bookkeeping, check_writable,
                                     remove_temporaries, temp_for)
from generator.batch.record import JOURNAL_NAME, LOCK_NAME, RECORD_NAME, BuildRecord
from generator.batch.interrupts import NotedInterrupts
from generator.batch.worker import Job, JobResult, Task, fork_context, init_worker, run_task
from generator.common.files import default_file_mode, unwritable_reason
from generator.exceptions import BuildError, SpecError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass
class TargetResult:
    """What happened to one target."""

    key: str  # output path relative to the workspace
    card: str
    kind: str
    language: str
    standard: str
    status: str  # built | up-to-date | kept | failed | skipped | would-build
    reason: str = ""  # why it was (or would be) built, or why it was kept
    message: str = ""  # the error of a failed target
    backup: Optional[str] = None  # the copy --force saved of a hand-edited output
    seconds: float = 0.0


@dataclass
class BuildReport:
    workspace: Path
    output_dir: Path
    results: list[TargetResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # built before, no longer in the manifest
    cleaned: list[str] = field(default_factory=list)  # removed outputs deleted by --clean
    dry_run: bool = False
    seconds: float = 0.0

    def having(self, status: str) -> list[TargetResult]:
        return [r for r in self.results if r.status == status]

    @property
    def built(self) -> list[TargetResult]:
        return self.having("built")

    @property
    def up_to_date(self) -> list[TargetResult]:
        return self.having("up-to-date")

    @property
    def failed(self) -> list[TargetResult]:
        return self.having("failed")

    @property
    def kept(self) -> list[TargetResult]:
        return self.having("kept")

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        if self.dry_run:
            parts = [f"{len(self.having('would-build'))} would be built", f"{len(self.up_to_date)} up to date"]
        else:
            parts = [f"{len(self.built)} built", f"{len(self.up_to_date)} up to date", f"{len(self.failed)} failed"]
        for status, label in (("kept", "kept (edited by hand)"), ("skipped", "not built (stopped)")):
            if self.having(status):
                parts.append(f"{len(self.having(status))} {label}")
        if self.removed:
            parts.append(f"{len(self.removed)} no longer targets"
                         + (" (deleted)" if self.cleaned else ""))
        return ", ".join(parts) + f" in {self.seconds:.1f} s"


# -- the build ----------------------------------------------------------------------------------------
@dataclass
class _Work:
    target: p.Target
    reason: str
    render: bool
    pdf: bool
    backup: bool = False
    temp: Optional[Path] = None
    pdf_temp: Optional[Path] = None


def run_build(workspace, targets=None, jobs=1, force=False, dry_run=False, clean=False, pdf=False,
              keep_going=False, progress: Optional[Progress] = None, pipeline=None) -> "BuildReport":
    started = time.perf_counter()
    workspace = Path(workspace).resolve()
    if not workspace.is_dir():
        raise BuildError(f"{workspace}: no such workspace folder (create one with `progen init`)")
    from generator.workspace import Workspace

    ws = Workspace.load(workspace)
    manifest = ws.manifest
    out_dir = p.inside(workspace, manifest.output, manifest.where("output"))
    if out_dir == workspace or any(parent == out_dir for parent in (workspace / p.STANDARD_DIR).parents):
        raise SpecError(f"{manifest.where('output')}: the output folder must be a subfolder of the workspace, "
                        f"not the workspace itself")
    if pipeline is None:
        from generator.batch.pipeline import Pipeline

        pipeline = Pipeline()
    if pdf:
        from generator.batch.pdf import find_soffice

        find_soffice()
    from generator.design.engine import default_year

    # everything that can be wrong with the manifest is found before anything is written
    standards = p.discover_standards(ws, manifest, BuildRecord.load(out_dir, quiet=True), out_dir,
                                     _processes(jobs))
    if not standards:
        raise BuildError(f"{workspace}: no standard data in {p.STANDARD_DIR}/ — is this a workspace? "
                         f"`progen init` makes one with the bundled standard; `progen import` adds a standard")
    all_targets = p.expand(ws, standards, out_dir, pipeline, default_year())
    chosen = p.select(all_targets, targets)
    hasher = InputHasher(ws, pipeline)
    for target in chosen:
        target.inputs = hasher.inputs(target)
    if dry_run:
        return _decide(workspace, out_dir, BuildRecord.load(out_dir), all_targets, chosen, force, True, clean,
                       pdf, started)[0]
    check_writable(out_dir, manifest.where("output"))
    check_bookkeeping(out_dir, (RECORD_NAME, JOURNAL_NAME, LOCK_NAME), (p.CACHE_DIR,))
    with OutputLock(out_dir):
        record = BuildRecord.load(out_dir)  # again: another build may have finished meanwhile
        p.write_caches(record, standards)
        report, work, results = _decide(workspace, out_dir, record, all_targets, chosen, force, False, clean,
                                        pdf, started)
        remove_temporaries(out_dir)
        stopped = bool(report.failed) and not keep_going  # a target that cannot be written stops the build
        try:
            _execute([] if stopped else work, results, record, ws, jobs, keep_going, progress, pipeline)
        finally:
            _mark_skipped(work, results)
            p.prune_cache(out_dir, standards)
            record.save()
    report.seconds = time.perf_counter() - started
    return report


def _decide(workspace, out_dir, record, all_targets, chosen, force, dry_run, clean, pdf, started):
    """Statuses of every chosen target, and the work to do; ``--clean`` deletes removed outputs."""
    report = BuildReport(workspace, out_dir, dry_run=dry_run)
    _removed_targets(report, workspace, out_dir, record, all_targets, clean and not dry_run)
    work: list[_Work] = []
    results: dict[str, TargetResult] = {}
    for target in chosen:
        result = TargetResult(target.key, target.card, target.kind, target.language, target.standard.rel,
                              "up-to-date")
        results[target.key] = result
        job = _stale(target, result, workspace, record, force, pdf)
        if job is not None:
            work.append(job)
    report.results = [results[t.key] for t in chosen]
    report.seconds = time.perf_counter() - started
    return report, work, results


def _removed_targets(report, workspace, out_dir, record, all_targets, delete: bool) -> None:
    """Targets the record knows and programs.yaml no longer lists; deleted (with an emptied card
    folder) when ``delete``, unless edited by hand."""
    current = {t.key for t in all_targets}
    for key in sorted(set(record.targets) | set(record.pending)):
        if key in current:
            continue
        report.removed.append(key)
        if not delete:
            continue
        path = workspace / key
        state, _entry = record.output_state(key, path)
        if state == "edited":
            log.warning("%s: removed from the manifest but edited by hand; kept", key)
            continue
        path.unlink(missing_ok=True)
        path.with_suffix(".pdf").unlink(missing_ok=True)
        record.forget(key)
        report.cleaned.append(key)
        for folder in path.parents:  # and the card's folder once it is empty
            if folder == out_dir or out_dir not in folder.parents:
                break
            try:
                folder.rmdir()
            except OSError:
                break


def _stale(target, result, workspace, record, force, pdf) -> Optional[_Work]:
    """Why ``target`` must be built (``result`` says it), or None when it is up to date or kept."""
    blocked = _blocked(target.path, workspace)
    if blocked:
        result.status, result.message = "failed", blocked
        return None
    state, entry = record.output_state(target.key, target.path)
    changed = changed_components(entry.get("inputs", {}), target.inputs) if entry else list(target.inputs)
    if state == "edited" and not force:
        result.status = "kept"
        if entry is None:  # the record does not know it: its own stamp says it was changed
            result.reason = ("edited by hand (its content no longer matches the stamp progen gave it); "
                             "--force rebuilds it after saving a backup")
        else:
            result.reason = ("edited by hand after it was built" +
                             (f"; its inputs changed ({', '.join(changed)}); --force rebuilds it after saving "
                              f"a backup" if changed else ""))
        return None
    if force:
        reason = "forced"
    elif state == "missing":
        reason = "output missing" if entry else "new"
    elif state == "unknown":
        reason = "not in the build record; the file there is saved as a copy first"
    elif state == "generated":  # progen's own untouched document, the record lost or another run's
        reason = ("not in the build record" if entry is None
                  else "replaced since the last build by another progen run (`progen render`?)")
    elif changed:
        reason = "changed: " + ", ".join(changed)
    else:
        reason = ""
    wants_pdf = pdf and target.path.suffix == ".docx" and (bool(reason) or not target.path.with_suffix(".pdf").exists()
                         or (entry or {}).get("pdf_source") != (entry or {}).get("output"))
    if not (reason or wants_pdf):
        return None
    result.status = "would-build"
    result.reason = reason or "PDF missing"
    return _Work(target, result.reason, render=bool(reason), pdf=wants_pdf, backup=state in ("edited", "unknown"))


def _blocked(path: Path, workspace: Path) -> str:
    """Why a document cannot go to ``path``, found before anything is built, or ""."""
    reason = unwritable_reason(path, workspace)
    return f"cannot put the output in place: {reason}" if reason else ""


def _tasks(work: list[_Work]) -> list[tuple[Task, list[_Work]]]:
    groups: dict[tuple, list[_Work]] = {}
    for item in work:
        groups.setdefault(item.target.group, []).append(item)
    tasks = []
    for items in groups.values():
        first = items[0].target
        jobs = []
        for item in items:  # a worker makes the target's folder (in parallel; a thousand new folders take a while)
            item.temp = temp_for(item.target.path) if item.render else None
            item.pdf_temp = temp_for(item.target.path.with_suffix(".pdf")) if item.pdf else None
            jobs.append(Job(item.target.key, item.target.kind, str(item.temp) if item.temp else None,
                            str(item.target.path), str(item.pdf_temp) if item.pdf_temp else None))
        standard = first.standard
        cache = standard.card_cache(first.card)
        tasks.append((Task(str(standard.path), standard.sha, str(cache) if cache else None, first.spec, jobs),
                      items))
    return tasks


class _Finisher:
    """Puts finished documents in place (in this process, one by one) and keeps count for the progress line."""

    def __init__(self, results, record, total: int, keep_going: bool, progress: Optional[Progress]):
        self.results, self.record, self.total = results, record, total
        self.keep_going, self.progress = keep_going, progress
        self.done, self.stop = 0, False

    def __call__(self, items: list[_Work], job_results: list[JobResult]) -> None:
        by_key = {r.key: r for r in job_results}
        for item in items:
            outcome = by_key[item.target.key]
            result = self.results[item.target.key]
            result.seconds = outcome.seconds
            if outcome.ok:
                try:
                    _put_in_place(item, outcome, result, self.record)
                except OSError as error:
                    hint = " (is it open in Word or another program?)" if isinstance(error, PermissionError) else ""
                    outcome = JobResult(outcome.key, False, error=f"cannot put the output in place: {error}{hint}")
                    _remove_leftovers(item)
            if not outcome.ok:
                result.status, result.message = "failed", outcome.error or "failed"
                if outcome.detail:
                    log.debug("%s failed:\n%s", item.target.key, outcome.detail)
                self.stop = self.stop or not self.keep_going
            self.done += 1
            if self.progress:
                self.progress(self.done, self.total, item.target.key)


def _remove_leftovers(item: _Work) -> None:
    for leftover in (item.temp, item.pdf_temp):
        if leftover is not None:
            leftover.unlink(missing_ok=True)


def _execute(work, results, record, ws, jobs, keep_going, progress, pipeline) -> None:
    if progress:
        progress(0, len(work), "")
    if not work:
        return
    tasks = _tasks(work)
    finish = _Finisher(results, record, len(work), keep_going, progress)
    jobs = min(_processes(jobs), len(tasks))
    if jobs == 1:
        init_worker(pipeline, ws)
        for task, items in tasks:
            if finish.stop:
                break
            finish(items, run_task(task))
    else:
        _run_in_pool(tasks, jobs, finish, pipeline, ws)


def _processes(jobs) -> int:
    """``-j``: that many processes; 0 or none, one per processor."""
    return jobs if jobs and jobs > 0 else os.cpu_count() or 1


def _mark_skipped(work: list[_Work], results: dict) -> None:
    """What was to be built and was not (a failure stopped the build, or Ctrl-C)."""
    for item in work:
        result = results[item.target.key]
        if result.status == "would-build":
            result.status = "skipped"
            result.reason = "not built: the build stopped at the first failure (--keep-going builds the rest)"
            _remove_leftovers(item)


def _run_in_pool(tasks, jobs: int, finish: _Finisher, pipeline, ws) -> None:
    """Worker processes get the pipeline and the workspace once; at most two tasks each are queued.

    Ctrl-C (SIGINT) does not raise in the middle of the pool's bookkeeping (a KeyboardInterrupt between a
    lock's acquire and release there can leave the pool waiting forever): it is noted, no task is started
    after it, the running ones finish and are put in place, then KeyboardInterrupt is raised here. A
    second Ctrl-C ends the process at once (the next build cleans up, as after a kill).
    """
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(), initializer=init_worker,
                             initargs=(pipeline, ws, os.getpid())) as pool, NotedInterrupts() as interrupted:
        queue = list(reversed(tasks))
        running: dict = {}
        try:
            while queue or running:
                while queue and not finish.stop and not interrupted and len(running) < jobs * 2:
                    task, items = queue.pop()
                    running[pool.submit(run_task, task)] = items
                if not running:
                    break
                if interrupted:
                    for future in running:
                        future.cancel()  # queued ones: never started
                finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in finished:
                    items = running.pop(future)
                    if future.cancelled():
                        continue
                    try:
                        job_results = future.result()
                    except BrokenProcessPool as error:  # a worker was killed (out of memory, a signal)
                        job_results = [JobResult(i.target.key, False, error=f"a worker process died: {error}")
                                       for i in items]
                    finish(items, job_results)
        except BaseException:
            for future in running:
                future.cancel()
            raise
        if interrupted:
            raise KeyboardInterrupt


def _same_bytes(old: Path, new: Path) -> bool:
    """Whether a file holds the same bytes as the one about to replace it (a Markdown output rebuilt
    after the record was lost needs no copy)."""
    from generator.batch.hashing import sha256_file

    try:
        return old.stat().st_size == new.stat().st_size and sha256_file(old) == sha256_file(new)
    except OSError:
        return False


def _mp_context():
    """fork when this process has a single thread (fast, no re-import), else spawn (always safe)."""
    import multiprocessing

    return fork_context() or multiprocessing.get_context("spawn")


def _put_in_place(item: _Work, outcome: JobResult, result: TargetResult, record: BuildRecord) -> None:
    target = item.target
    entry = dict(record.targets.get(target.key) or {})
    if item.render:
        if item.backup and target.path.exists() and not _same_bytes(target.path, item.temp):
            result.backup = backup_copy(target.path).name
        entry = {"inputs": target.inputs, "output": outcome.output, "card": target.card, "kind": target.kind,
                 "language": target.language, "standard": target.standard.rel,
                 "built": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        os.chmod(item.temp, default_file_mode())  # temporary files are private (0600); documents are not
        record.intent(target.key, entry)  # journal first: a kill after it is recognised by the hash
        os.replace(item.temp, target.path)
    if item.pdf and outcome.pdf:
        os.chmod(item.pdf_temp, default_file_mode())
        os.replace(item.pdf_temp, target.path.with_suffix(".pdf"))
        entry["pdf"] = outcome.pdf
        entry["pdf_source"] = entry.get("output")
    record.commit(target.key, entry, target.path)
    result.status = "built"
    result.reason = item.reason
