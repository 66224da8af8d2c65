"""Workspaces and batch builds (init, build), the trainer's page (serve) and Word templates."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.app import main


# --- workspaces and batch builds: init, build ---------------------------------------------------
@main.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite programs.yaml and the bundled standard if they exist.")
def init_command(directory: Path, force: bool) -> None:
    """Create a workspace: programs.yaml, standard_data/ with the bundled standard, templates/, output/."""
    from generator.workspace.scaffold import init_workspace

    written = init_workspace(directory, force=force)
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"workspace ready in {directory} ({len(written)} file(s) written); "
               f"next: edit programs.yaml, then `progen build`")


class _ProgressLine:
    """A one-line progress bar on a terminal (stderr), nothing otherwise."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self.width = 0

    def __call__(self, done: int, total: int, key: str) -> None:
        if not self.active or not total:
            return
        filled = int(30 * done / total)
        line = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {key}"[:110]
        sys.stderr.write("\r" + line.ljust(self.width))
        self.width = len(line)
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


@main.command("build")
@click.argument("targets", nargs=-1)
@click.option("-C", "--workspace", type=click.Path(path_type=Path, file_okay=False), default=".",
              help="Workspace folder (default: the current folder).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per CPU).")
@click.option("--force", is_flag=True, help="Rebuild up-to-date targets too; back up hand-edited outputs first.")
@click.option("-n", "--dry-run", is_flag=True, help="Only say what would be built.")
@click.option("--clean", is_flag=True, help="Delete outputs of targets removed from programs.yaml.")
@click.option("--pdf", is_flag=True, help="Also convert each document to PDF (needs LibreOffice).")
@click.option("-k", "--keep-going", is_flag=True, help="After a failure, build the other targets.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every target, up-to-date ones included, and log details (tracebacks of failures).")
def build_command(targets, workspace, jobs, force, dry_run, clean, pdf, keep_going, verbose) -> None:
    """Build the stale documents of a workspace (make-style: only what changed).

    TARGETS are card codes (3412-0-003), CARD/KIND (3412-0-003/program), kinds, output paths or
    globs; default: everything programs.yaml lists.
    """
    import logging

    from generator.batch import build

    if verbose:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        logger = logging.getLogger("generator.batch")
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)

    progress = _ProgressLine()
    try:
        report = build(workspace, targets=list(targets) or None, jobs=jobs, force=force, dry_run=dry_run,
                       clean=clean, pdf=pdf, keep_going=keep_going, progress=progress)
    except KeyboardInterrupt:
        if progress.width:
            sys.stderr.write("\n")  # end the progress line before click's "Aborted!"
        raise
    labels = {"built": "built", "would-build": "would build", "failed": "FAILED", "kept": "kept",
              "skipped": "not built", "up-to-date": "up to date"}
    for result in report.results:
        if result.status == "up-to-date" and not verbose:
            continue
        detail = result.message or result.reason
        click.echo(f"{labels[result.status]:>11}  {result.key}" + (f"  ({detail})" if detail else ""),
                   err=result.status in ("failed", "kept"))
        if result.backup:
            click.echo(f"{'':>11}  warning: the previous file (edited by hand?) was saved as {result.backup}",
                       err=True)
    for key in report.removed:
        action = ("deleted" if key in report.cleaned
                  else "no longer a target of programs.yaml or the standard data; --clean deletes it")
        click.echo(f"{'removed':>11}  {key}  ({action})", err=True)
    click.echo(report.summary())
    if not report.ok:
        raise SystemExit(1)


# --- the trainer's page: serve -------------------------------------------------------------------
@main.command("serve")
@click.argument("workspace", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port to listen on (default: 8765, or the next free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any other than 127.0.0.1 lets other computers of the network open "
                   "the page (with the key in its address); a warning says so.")
@click.option("--no-browser", is_flag=True, help="Do not open the web browser.")
def serve_command(workspace: Path, port: int | None, host: str, no_browser: bool) -> None:
    """Open a local web page to make programs, import standards, edit wording and build (Ctrl-C stops it)."""
    from generator.web.server import serve

    serve(workspace, host=host, port=port, open_browser=not no_browser, echo=click.echo)



@main.group("templates")
def templates_group() -> None:
    """Word templates: copy the built-ins for editing, check edited ones, list their variables."""


@templates_group.command("init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite templates that already exist in DIRECTORY.")
def templates_init(directory: Path, force: bool) -> None:
    """Copy the built-in templates (and labels.yaml) into DIRECTORY for editing in Word."""
    from generator.render.manage import init_templates

    for path in init_templates(directory, force=force):
        click.echo(str(path))


@templates_group.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
def templates_check(directory: Path | None) -> None:
    """Report split tags, smart quotes in tags, unknown variables/filters and syntax errors.

    DIRECTORY defaults to ./templates, or the built-ins when there is none.
    """
    from generator.render.manage import check_command

    text, errors = check_command(directory)
    click.echo(text)
    if errors:
        raise SystemExit(1)


@templates_group.command("vars")
def templates_vars() -> None:
    """Print every variable and filter a template can use, with a description."""
    from generator.render.variables import describe
    from generator.workspace import Workspace

    ws = Workspace.builtin()
    click.echo(describe(sorted(ws.labels(next(iter(ws.languages))))))
