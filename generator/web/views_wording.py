"""Wording: a learning outcome written by hand for one item, kept in ``phrasing/overrides.yaml``.

An override wins over the phrasing rules wherever the item is used, and survives a new import of the
standard (ids are stable). The file keeps its comments and its other entries line for line
(:func:`generator.web.yaml_edit.set_override`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask import Blueprint, flash, g, redirect, render_template, request

from generator.exceptions import GeneratorError
from generator.language import Phraser
from generator.web.app import first_line, needs_workspace, local_target, server, tr
from generator.web.choices import clean_text
from generator.web.yaml_edit import set_override
from generator.workspace import OVERRIDES_FILE, PHRASING_DIR

blueprint = Blueprint("wording", __name__)
blueprint.before_request(needs_workspace)
MAX_OUTCOME = 500


@dataclass
class ItemWording:
    """One item of a workspace standard and the outcomes made of it."""

    item_id: str
    kind: str  # ability | knowledge
    text: str  # as in the standard
    language: str
    rule: str  # what the phrasing rules make of it
    override: Optional[str]


def find_item(item_id: str) -> Optional[ItemWording]:
    """The item with this id in the workspace's standards (the first standard that has it)."""
    catalogue = server().catalogues.catalogue(g.ws)
    for entry in catalogue.entries:
        for *_path, kind, item in entry.standard.iter_items():
            if item.id == item_id:
                return _wording(item, kind, entry.language)
    return None


def _wording(item, kind: str, language: str) -> ItemWording:
    ws = g.ws
    rules_only = Phraser(ws.language(language), ws.lexicons[language], {})
    phrase = rules_only.ability if kind == "ability" else rules_only.knowledge
    return ItemWording(item.id, kind, item.text, language, phrase(item.text).text, ws.overrides.get(item.id))


def _overrides_page(error: Optional[str] = None):
    rows = []
    for item_id, text in g.ws.overrides.items():
        found = find_item(item_id)
        rows.append({"id": item_id, "text": text, "item": found})
    return render_template("wording.html", rows=rows, error=error,
                           file=f"{PHRASING_DIR}/{OVERRIDES_FILE}")




@blueprint.get("/wording")
def wording_list():
    return _overrides_page()


@blueprint.get("/wording/edit")
def wording_edit():
    item = find_item(request.args.get("item", ""))
    if item is None:
        return render_template("message.html", title=tr("error_title"), message=tr("item_unknown")), 404
    return render_template("wording_edit.html", item=item, back=local_target(request.args.get("back"), "/wording"))


@blueprint.post("/wording/edit")
def wording_save():
    back = local_target(request.form.get("back"), "/wording")
    item = find_item(request.form.get("item", ""))
    if item is None:
        return render_template("message.html", title=tr("error_title"), message=tr("item_unknown")), 404
    remove = request.form.get("action") == "remove"
    text = clean_text(request.form.get("text"), MAX_OUTCOME + 1)
    if not remove and not text:
        return render_template("wording_edit.html", item=item, back=back, error=tr("outcome_empty")), 400
    if len(text) > MAX_OUTCOME:
        return render_template("wording_edit.html", item=item, back=back,
                               error=tr("outcome_too_long", limit=MAX_OUTCOME)), 400
    value = None if remove or text == item.rule else text
    path = server().root / PHRASING_DIR / OVERRIDES_FILE
    try:
        with server().write_lock:
            set_override(path, item.item_id, value)
    except (GeneratorError, OSError) as error:
        detail = first_line(error) if isinstance(error, GeneratorError) else (error.strerror or str(error))
        return render_template("wording_edit.html", item=item, back=back,
                               error=tr("save_failed", detail=detail)), 400
    flash(tr("override_removed" if value is None else "override_saved", item=item.item_id))
    return redirect(back, code=303)
