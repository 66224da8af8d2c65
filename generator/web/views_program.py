"""Make a program: choices → live preview → documents to download → saved as a spec and a build target."""
from __future__ import annotations

import datetime
import io
import os
from pathlib import Path
from urllib.parse import urlencode

from flask import Blueprint, flash, g, make_response, redirect, render_template, request, send_file

from generator.exceptions import GeneratorError
from generator.web import choices as c
from generator.web import documents, preview as pv
from generator.web.app import first_line, needs_workspace, server, tr
from generator.common.files import write_atomic
from generator.web.yaml_edit import append_target, dump_entry, restore

blueprint = Blueprint("program", __name__)
blueprint.before_request(needs_workspace)
SPECS_DIR = "specs"
MANIFEST_HEADER = "# progen workspace manifest: what `progen build` makes (see `progen init` for every key).\n"


def _resolved(values):
    catalogue = server().catalogues.catalogue(g.ws)
    return catalogue, c.resolve(c.read_choices(values), catalogue, g.ws)


def _address(resolved) -> str:
    query = urlencode(resolved.choices.query())
    return "/?" + query if query else "/"




@blueprint.get("/")
def program_page():
    catalogue, resolved = _resolved(request.args)
    return render_template("program.html", **_context(catalogue, resolved, request.args.get("name")))


@blueprint.post("/")
def program_submit():
    """The form without the page's script: show the preview of the new choices at their own address."""
    _catalogue, resolved = _resolved(request.form)
    return redirect(_address(resolved), code=303)


@blueprint.post("/preview")
def preview_fragment():
    """The preview part of the page, for the page's script (live preview while choosing)."""
    catalogue, resolved = _resolved(request.form)
    response = make_response(render_template("_preview.html", **_context(catalogue, resolved)))
    response.headers["X-Progen-Address"] = _address(resolved)
    return response


def _context(catalogue, resolved, name=None) -> dict:
    result = pv.design(resolved, g.ws)
    kinds = [kind for kind in g.ws.kinds.values()]
    return {
        "catalogue": catalogue, "resolved": resolved, "choices": resolved.choices, "preview": result,
        "kinds": kinds, "default_kinds": g.ws.default_kinds(), "pdf_available": documents.pdf_available(),
        "address": _address(resolved), "name": name or c.suggested_name(resolved),
        "provider_defaults": c.provider_defaults(g.ws), "has_targets": g.ws.manifest.targets is not None,
        "outcome_item": pv.outcome_item, "skill_key": c.skill_key,
        "overrides": g.ws.overrides,
    }


# -- documents ----------------------------------------------------------------------------------------------
def _program_or_page():
    catalogue, resolved = _resolved(request.form)
    result = pv.design(resolved, g.ws)
    if not result.ok:
        return None, (render_template("program.html", **_context(catalogue, resolved),
                                      error=tr("no_program_yet")), 400)
    return result.program, None


@blueprint.post("/document")
def document_download():
    program, page = _program_or_page()
    if program is None:
        return page
    kind = request.args.get("kind", "")
    if kind not in g.ws.kinds:
        return render_template("message.html", title=tr("error_title"), message=tr("not_found")), 404
    as_pdf = request.args.get("as") == "pdf"
    try:
        download = documents.one_document(program, kind, g.ws, as_pdf=as_pdf)
    except GeneratorError as error:
        return _document_error(error)
    return _send(download)


@blueprint.post("/documents.zip")
def documents_zip():
    program, page = _program_or_page()
    if program is None:
        return page
    with_pdf = request.form.get("zip_pdf") == "1" and documents.pdf_available()
    try:
        download = documents.all_documents(program, g.ws.default_kinds(), g.ws, with_pdf=with_pdf)
    except GeneratorError as error:
        return _document_error(error)
    return _send(download)


def _document_error(error: GeneratorError):
    catalogue, resolved = _resolved(request.form)
    return render_template("program.html", **_context(catalogue, resolved),
                           error=tr("document_failed", detail=first_line(error))), 400


def _send(download: documents.Download):
    return send_file(io.BytesIO(download.data), mimetype=download.mimetype, as_attachment=True,
                     download_name=download.name, max_age=0)


# -- saving the choices ----------------------------------------------------------------------------------------
@blueprint.post("/save")
def save_program():
    catalogue, resolved = _resolved(request.form)
    name = c.program_name(request.form.get("name"))
    problems = _save_problems(resolved, name)
    if problems:
        return render_template("program.html", **_context(catalogue, resolved, request.form.get("name")),
                               error=problems[0]), 400
    try:
        with server().write_lock:
            saved = _save(resolved, name)
    except GeneratorError as error:
        return render_template("program.html", **_context(catalogue, resolved, name),
                               error=tr("save_failed", detail=first_line(error))), 400
    except OSError as error:
        return render_template("program.html", **_context(catalogue, resolved, name),
                               error=tr("save_failed", detail=error.strerror or str(error))), 400
    for text in saved:
        flash(text)
    return redirect(_address(resolved) + ("&" if "?" in _address(resolved) else "?") + urlencode({"name": name}),
                    code=303)


def _save_problems(resolved, name) -> list[str]:
    if resolved.spec() is None or not pv.design(resolved, g.ws).ok:
        return [tr("no_program_yet")]
    if name is None:
        return [tr("name_required")]
    as_spec, as_target = request.form.get("save_spec") == "1", request.form.get("save_target") == "1"
    if not as_spec and not as_target:
        return [tr("save_nothing_chosen")]
    replace = request.form.get("replace") == "1"
    if as_spec and _spec_path(name).exists() and not replace:
        return [tr("spec_exists", file=f"{SPECS_DIR}/{name}.yaml")]
    if as_target and any(t.folder == name for t in g.ws.manifest.targets or []):
        return [tr("target_exists", name=name)]
    return []


def _spec_path(name: str) -> Path:
    folder = server().root / SPECS_DIR
    path = (folder / f"{name}.yaml").resolve()
    if path.parent != folder.resolve():  # program_name() allows no separator; this is the second lock
        raise GeneratorError(f"{name}: not a plain file name")
    return path


def _save(resolved, name: str) -> list[str]:
    done = []
    if request.form.get("save_spec") == "1":
        path = _spec_path(name)
        write_atomic(path, _spec_text(resolved, path))
        done.append(tr("saved_spec", file=f"{SPECS_DIR}/{name}.yaml", command=f"progen render {SPECS_DIR}/{name}.yaml"))
    if request.form.get("save_target") == "1":
        _add_target(resolved, name)
        done.append(tr("saved_target", name=name))
    return done


def _spec_values(resolved) -> dict:
    """What the trainer chose, as spec keys (defaults left out, so programs.yaml's defaults still apply)."""
    values: dict = {"card": resolved.card.code}
    selection = resolved.skill_selection()
    if selection:
        values["skills"] = selection
    if resolved.hours:
        values["hours"] = resolved.hours
    if resolved.choices.format:
        values["format"] = resolved.choices.format
    provider = {key: value for key, value in resolved.choices.provider.items() if value}
    if provider:
        values["provider"] = provider
    return values


def _spec_text(resolved, path: Path) -> str:
    standard = Path(os.path.relpath(resolved.entry.path, path.parent)).as_posix()
    values = {"standard": standard, **_spec_values(resolved), "language": resolved.entry.language}
    today = datetime.date.today().isoformat()
    header = (f"# A program made on the progen page on {today}. Its documents: "
              f"progen render {SPECS_DIR}/{path.name}\n")
    return header + dump_entry(values)


def _add_target(resolved, name: str) -> None:
    """Append the target, then check the whole manifest as a build would; undo the edit if it fails."""
    from generator.batch import build
    from generator.workspace import Workspace

    manifest = server().root / "programs.yaml"
    existed = manifest.exists()
    old_text = manifest.read_text("utf-8") if existed else ""
    values = _spec_values(resolved)
    entry = {"card": values.pop("card"), "standard": resolved.entry.rel, "languages": [resolved.entry.language],
             **values, "folder": name}
    append_target(manifest, entry, header=MANIFEST_HEADER)
    try:
        Workspace.load(server().root)
        build(server().root, dry_run=True)
    except GeneratorError:
        restore(manifest, old_text, existed)
        raise
