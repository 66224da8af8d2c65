"""Make-style batch builds of a workspace (``progen build``).

Use it as a library::

    from generator.batch import build
    report = build("path/to/workspace", targets=["3412-0-003"], jobs=2)
    print(report.summary())          # "3 built, 0 up to date, 0 failed in 1.2 s"
    for result in report.failed:
        print(result.key, result.message)

A workspace holds ``programs.yaml`` (what to build; see :mod:`generator.workspace.manifest`),
``standard_data/``, ``templates/`` (overrides of the built-in templates), ``phrasing/`` and
``output/``. The build record lives in the output folder (``.progen-build.json``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Union

from generator.batch.engine import BuildReport, TargetResult

__all__ = ["build", "BuildReport", "TargetResult"]


def build(workspace: Union[str, Path], targets: Optional[list[str]] = None, jobs: int = 1, force: bool = False,
          dry_run: bool = False, clean: bool = False, pdf: bool = False, keep_going: bool = False,
          progress: Optional[Callable[[int, int, str], None]] = None, _pipeline=None) -> BuildReport:
    """Build every stale target of ``workspace`` and return what happened to each.

    :param targets: card codes, ``CARD/KIND``, kinds, output paths or globs (default: every target).
    :param jobs: worker processes (``0``: one per CPU; ``1``: build in this process).
    :param force: rebuild even up-to-date targets; a hand-edited output is first copied to
        ``<name>.bak-<timestamp>``.
    :param dry_run: decide and report only; write nothing.
    :param clean: delete the outputs of targets no longer in the manifest (hand-edited ones are kept).
    :param pdf: also convert each document to PDF with LibreOffice.
    :param keep_going: after a failure, build the other targets (default: stop at the first).
    :param progress: called as ``progress(done, total, key)``, once with ``done=0`` before building.
    :raises SpecError: the manifest is invalid (unknown card or kind, two targets writing one file,
        a path outside the workspace); nothing is built.
    :raises BuildError: the build cannot start (output folder not writable, another build running).
    A target that fails does not raise: it is reported with status ``failed``.
    """
    from generator.batch.engine import run_build

    return run_build(workspace, targets=targets, jobs=jobs, force=force, dry_run=dry_run, clean=clean, pdf=pdf,
                     keep_going=keep_going, progress=progress, pipeline=_pipeline)
