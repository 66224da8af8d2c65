"""Import a standard: upload → checked and imported in a private folder → shown as a tree → saved on "yes"."""
from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request

from generator.exceptions import GeneratorError
from generator.review import lint
from generator.standard.store import default_filename, save_standard
from generator.web import uploads
from generator.web.app import first_line, server, tr
from generator.web.choices import clean_text
from generator.workspace import STANDARD_DIR

blueprint = Blueprint("importing", __name__)
LAYOUTS = ("2023", "A", "B")


def import_page(error: str | None = None, pending_key: str | None = None, pending=None):
    languages = [(code, pack.native_name) for code, pack in g.interface_ws.languages.items()]
    context = {"error": error, "pending_key": pending_key, "pending": pending, "languages": languages,
               "layouts": LAYOUTS, "limit_mb": server().upload_limit // (1024 * 1024),
               "pdf_supported": uploads.pdf_supported()}
    if pending is not None:
        standard = pending.standard
        context.update(tree=_tree(standard), warnings=[str(w) for w in lint(standard)],
                       target=f"{STANDARD_DIR}/{default_filename(standard)}",
                       exists=_target(standard).exists())
    return render_template("import.html", **context)


@blueprint.get("/import")
def import_form():
    return import_page()


@blueprint.post("/import")
def import_upload():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return import_page(error=tr("upload_missing")), 400
    display_name = clean_text(upload.filename, 120)
    lang = request.form.get("lang") or None
    layout = request.form.get("layout") or None
    if lang not in (None, *g.interface_ws.languages) or layout not in (None, *LAYOUTS):
        return import_page(error=tr("bad_request")), 400
    try:
        path, _kind = uploads.receive(upload.stream, server().upload_limit)
    except uploads.UploadRefused as refused:
        return import_page(error=tr(refused.key, **refused.params)), 400
    try:
        from generator.ingest import import_standard

        standard = import_standard(path, lang=lang, layout=layout)
    except GeneratorError as error:
        message = first_line(error).replace(str(path), display_name)
        return import_page(error=tr("import_failed", detail=message)), 400
    finally:
        uploads.discard(path)
    pending = uploads.PendingImport(standard, display_name)
    key = server().imports.add(pending)
    return import_page(pending_key=key, pending=pending)


@blueprint.post("/import/save")
def import_save():
    key = request.form.get("pending", "")
    pending = server().imports.get(key)
    if pending is None:
        return import_page(error=tr("import_expired")), 400
    target = _target(pending.standard)
    if target.exists() and request.form.get("replace") != "1":
        return import_page(error=tr("standard_exists", file=f"{STANDARD_DIR}/{target.name}"),
                           pending_key=key, pending=pending), 400
    try:
        with server().write_lock:
            save_standard(pending.standard, target)
    except GeneratorError as error:
        return import_page(error=tr("save_failed", detail=first_line(error)), pending_key=key, pending=pending), 400
    server().imports.remove(key)
    flash(tr("standard_saved", file=f"{STANDARD_DIR}/{target.name}"))
    return redirect("/?standard=" + _key_of(pending.standard) + "&lang=" + pending.standard.language, code=303)


def _key_of(standard) -> str:
    from urllib.parse import quote

    from generator.standard.store import safe_code

    return quote(safe_code(standard.code))


def _target(standard):
    """``<workspace>/standard_data/<code>.<lang>.yaml``: a name made from the standard, never from the upload."""
    folder = (server().root / STANDARD_DIR).resolve()
    path = (folder / default_filename(standard)).resolve()
    if path.parent != folder:
        raise GeneratorError(f"{default_filename(standard)}: not a plain file name")
    return path


def _tree(standard) -> dict:
    """Cards → functions → skills with counts, for the page."""
    cards = []
    for card in standard.cards:
        functions = []
        for function in card.functions:
            skills = [{"number": s.number, "title": s.title, "abilities": len(s.abilities),
                       "knowledge": len(s.knowledge), "recognition": s.recognition} for s in function.skills]
            functions.append({"number": function.number, "title": function.title, "skills": skills})
        cards.append({"code": card.code, "name": card.name, "level": card.level or "?", "functions": functions,
                      "abilities": sum(s["abilities"] for f in functions for s in f["skills"]),
                      "knowledge": sum(s["knowledge"] for f in functions for s in f["skills"])})
    return {"code": standard.code, "title": standard.title, "language": standard.language,
            "layout": standard.source.layout, "cards": cards,
            "functions": sum(len(card["functions"]) for card in cards),
            "skills": sum(len(f["skills"]) for card in cards for f in card["functions"]),
            "abilities": sum(card["abilities"] for card in cards),
            "knowledge": sum(card["knowledge"] for card in cards)}
