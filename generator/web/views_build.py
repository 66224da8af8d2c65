"""Batch: what ``progen build`` would do for the workspace, a button that does it, and the documents it made."""
from __future__ import annotations

import io
from pathlib import Path

from flask import Blueprint, g, jsonify, redirect, render_template, request, send_file

from generator.exceptions import GeneratorError
from generator.web.app import first_line, server, tr
from generator.web.documents import MIME_TYPES

blueprint = Blueprint("building", __name__)
STATUS_ORDER = ("would-build", "kept", "failed", "up-to-date", "skipped", "built")
REASONS = {"new": "reason_new", "output missing": "reason_missing", "not in the build record": "reason_unknown",
           "forced": "reason_forced"}
CHANGED = "changed: "


def reason_text(row) -> str:
    """The build's reason for a target in the interface language (the library says it in English)."""
    reason = row.reason or ""
    if reason in REASONS:
        return tr(REASONS[reason])
    if reason.startswith(CHANGED):
        parts = [part.strip() for part in reason[len(CHANGED):].split(",")]
        return tr("reason_changed", parts=", ".join(g.labels.get(f"part_{part}", part) for part in parts))
    if reason.startswith("edited by hand"):
        return tr("reason_edited")
    return reason or row.message


def _dry_run():
    """The build's own decision for every target (nothing written), or the one-line reason it cannot run."""
    from generator.batch import build

    try:
        return build(server().root, dry_run=True), None
    except GeneratorError as error:
        return None, first_line(error)


@blueprint.get("/build")
def build_page():
    state = server().builds.status()
    report, error = (None, None) if state.running else _dry_run()
    rows = []
    if report is not None:
        rows = sorted(report.results, key=lambda r: (STATUS_ORDER.index(r.status), r.key))
    return render_template("build.html", state=state, rows=rows, error=error or state.error,
                           files=_existing(rows), reason_text=reason_text)


def _existing(rows) -> set[str]:
    return {row.key for row in rows if (server().root / row.key).is_file()}


@blueprint.post("/build")
def build_start():
    force = request.form.get("force") == "1"
    server().builds.start(server().root, force=force)
    return redirect("/build", code=303)


@blueprint.get("/build/status")
def build_status():
    return jsonify(server().builds.status().as_json())


@blueprint.get("/build/file")
def build_file():
    """A document the build made: only a target's output inside the workspace, by its key."""
    key = request.args.get("key", "")
    report, _error = _dry_run()
    keys = {row.key for row in report.results} if report is not None else set()
    root = server().root
    path = (root / key).resolve() if key in keys else None
    if path is None or root not in path.parents or not path.is_file():
        return render_template("message.html", title=tr("error_title"), message=tr("not_found")), 404
    # read at once: a file held open while it streams would stop a build from replacing it on Windows
    return send_file(io.BytesIO(path.read_bytes()), as_attachment=True, download_name=Path(key).name, max_age=0,
                     mimetype=MIME_TYPES.get(path.suffix, "application/octet-stream"))
