"""Render a program model to documents: Word templates with Jinja tags (docxtpl), or Markdown.

Library entry point: :func:`render_document`. What a document kind is — its renderer, its template, its
file name, whether a PDF applies — is the workspace's kind registry (:mod:`generator.workspace.kinds`),
so a workspace adds a kind with one entry in ``templates/kinds.yaml`` and one template. Template design:

* one template per document kind — ``program.docx``, ``outline.docx``, ``assessment.docx`` — that serves
  every language: headings and labels come from the language pack's ``labels.yaml``
  (``{{ labels.passport }}``), the content from the program (``{{ program.title }}``); ``progen templates
  vars`` lists everything;
* a workspace's ``templates/`` folder overrides the built-ins by file name, first match wins; for
  one language only, name the file ``<kind>_<lang>.docx`` (e.g. ``program_kk.docx``). Search order:
  ``<workspace>/templates/<kind>_<lang>.docx``, ``<workspace>/templates/<kind>.docx``, then the same two
  names among the built-ins shipped in the package;
* ``<workspace>/templates/labels.yaml`` may override single labels of any language; the Markdown
  program uses the same labels.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Callable, Union

from generator.common.files import safe_filename_part
from generator.workspace import Workspace, builtin_templates_dir

WorkspaceLike = Union[Workspace, Path, str, None]


def builtin_dir() -> Path:
    """The folder of the templates shipped in the package."""
    return builtin_templates_dir()


def program_variant(card_code: str, skills, hours: int | None, full_hours: int | None = None) -> str:
    """What sets a program apart from the card's full one, for its file name; "" for the full one.

    Selected skills or functions (card code left out, ``/`` as ``-``, joined with ``+``) and the hours:
    ``F2_16h``, ``F2-S1+F3_24h``; a full card at other hours than ``full_hours`` (the workspace's usual
    total for the card): ``36h``. A long selection is shortened and given a hash, so names stay unique.
    """
    import hashlib

    parts = []
    if skills:
        ids = [str(s).strip().removeprefix(f"{card_code}/").replace("/", "-") for s in skills]
        selection = "+".join(dict.fromkeys(ids))
        if len(selection) > 60:
            selection = selection[:48] + "~" + hashlib.sha256(selection.encode("utf-8")).hexdigest()[:8]
        parts.append(selection)
    if hours is not None and (skills or hours != full_hours):
        parts.append(f"{hours}h")
    return "_".join(parts)


def variant_of(program, skills, workspace: WorkspaceLike = None) -> str:
    """:func:`program_variant` of a designed program: ``skills`` as selected, the hours it has, and the
    workspace's usual total for its card (programs.yaml ``hours_by_level``, else the design rules')."""
    from generator.workspace.manifest import hours_for_level

    ws = Workspace.of(workspace)
    usual = hours_for_level(ws.manifest.defaults.hours_by_level, program.level) or ws.design["hours"]["default_total"]
    return program_variant(program.card_code, skills, program.total_hours, usual)


def render_folder(workspace: WorkspaceLike = None) -> Path:
    """Where ``progen render`` writes by default: the workspace's output folder (programs.yaml ``output``,
    inside the workspace), else ``./output``."""
    ws = Workspace.of(workspace)
    if ws.manifest.path is None:
        return Path("output")
    from generator.batch.plan import inside

    return inside(ws.root, ws.manifest.output, ws.manifest.where("output"))


def output_name(card_code: str, kind: str, lang: str, workspace: WorkspaceLike = None, variant: str = "") -> str:
    """``<card>[_<variant>]_<kind>_<lang>.docx`` (the kind's extension), safe on Windows:
    ``3412-0-003_program_kk.docx``, ``3412-0-003_F2_16h_outline_kk.docx`` (see :func:`program_variant`)."""
    return Workspace.of(workspace).kind(kind).output_name(card_code, lang, variant)


def output_path(card_code: str, kind: str, lang: str, workspace: WorkspaceLike = None, variant: str = "") -> str:
    """Where a document goes inside an output folder: ``<card>/<card>[_<variant>]_<kind>_<lang>.docx``."""
    return f"{safe_filename_part(card_code)}/{output_name(card_code, kind, lang, workspace, variant)}"


def find_template(kind: str, lang: str, workspace: WorkspaceLike = None) -> Path:
    """The template a render of ``kind`` in ``lang`` uses; first match wins."""
    return Workspace.of(workspace).find_template(kind, lang)


def template_files(kind: str, lang: str, workspace: WorkspaceLike = None) -> list[Path]:
    """Every file the rendering of this kind reads: the resolved template and the label data."""
    return Workspace.of(workspace).dependencies(kind, lang)["templates"]


def build_context(program, kind: str, workspace: WorkspaceLike = None) -> dict:
    """The variables a template sees (documented in :mod:`generator.render.variables`)."""
    from generator.design.program import sum_hours

    ws = Workspace.of(workspace)
    totals = program.totals or sum_hours(program.modules)
    labels = copy.deepcopy(ws.labels(program.language))  # a template cannot change the next document's labels
    return {"program": program, "labels": labels, "lang": program.language, "kind": kind, "totals": totals}


def _render_docx(program, kind: str, destination: Path, ws: Workspace) -> Path:
    from generator.render.docx_render import render_to

    template = ws.find_template(kind, program.language)
    context = build_context(program, kind, ws)
    return render_to(template, context, Path(destination), title=program.title,
                     word_tag=ws.language(program.language).word_tag)


def _render_markdown(program, kind: str, destination: Path, ws: Workspace) -> Path:
    from generator.common.files import write_atomic
    from generator.exceptions import TemplateProblem
    from generator.render.markdown import program_markdown

    try:
        write_atomic(Path(destination), program_markdown(program, ws))
    except OSError as error:
        raise TemplateProblem(f"{destination}: cannot write the document: {error.strerror or error}") from error
    return Path(destination)


# a kind's renderer (kinds.yaml `renderer`) → the function that writes its document
RENDERERS: dict[str, Callable[..., Path]] = {"docx": _render_docx, "markdown": _render_markdown}


def render_document(program, kind: str, destination: Path, workspace: WorkspaceLike = None) -> Path:
    """Render ``program`` as a document of ``kind`` to ``destination``.

    ``workspace``: a :class:`~generator.workspace.Workspace`, a workspace folder, or None (built-in data).
    Atomic: written to a temporary file in the same folder and renamed, never a partial document. A
    Word template is prepared once per process (:mod:`generator.render.prepared`), each document only
    filled and zipped. Raises :class:`TemplateProblem` naming the template, the variable and the paragraph.
    """
    ws = Workspace.of(workspace)
    return RENDERERS[ws.kind(kind).renderer](program, kind, Path(destination), ws)


def render_documents(program, kinds, output_dir: Path, workspace: WorkspaceLike = None, variant: str = "",
                     on_backup: Callable[[Path, Path], None] | None = None) -> list[Path]:
    """Render several kinds to ``<output_dir>/<card>/<card>[_<variant>]_<kind>_<lang><extension>``.

    A file already there that is not progen's untouched output (a document edited by hand, another
    program's file) and differs from the new one is first copied to ``<name>.bak-<timestamp>``, and
    ``on_backup(document, copy)`` is told; nothing is lost.
    """
    ws = Workspace.of(workspace)
    return [_render_in_place(program, kind, Path(output_dir), ws, variant, on_backup) for kind in kinds]


def _render_in_place(program, kind: str, output_dir: Path, ws: Workspace, variant: str, on_backup) -> Path:
    """Render to a temporary file, save what it replaces if needed, rename it into place."""
    import os

    from generator.common.files import backup_copy, temp_for, unwritable_reason
    from generator.exceptions import TemplateProblem

    path = output_dir / output_path(program.card_code, kind, program.language, ws, variant)
    blocked = unwritable_reason(path, output_dir)
    if blocked:
        raise TemplateProblem(f"{path}: cannot write the document: {blocked}")
    temp = temp_for(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        render_document(program, kind, temp, ws)
        if _needs_copy(path, temp):
            backup = backup_copy(path)
            if on_backup is not None:
                on_backup(path, backup)
        os.replace(temp, path)
    except OSError as error:
        raise TemplateProblem(f"{path}: cannot write the document: {error.strerror or error}") from error
    except TemplateProblem as error:  # name the document, not its temporary file
        raise TemplateProblem(str(error).replace(str(temp), str(path))) from error
    finally:
        try:
            temp.unlink(missing_ok=True)
        except OSError:  # its folder could not be made: there is no temporary file
            pass
    return path


def _needs_copy(old: Path, new: Path) -> bool:
    """Whether the file at ``old`` must be saved before ``new`` replaces it."""
    from generator.render.stamp import document_state

    if not old.is_file():
        return False
    if old.suffix.lower() == ".docx" and document_state(old) == "generated":
        return False
    return old.stat().st_size != new.stat().st_size or old.read_bytes() != new.read_bytes()


def clear_caches() -> None:
    """Forget prepared and compiled templates (a long-lived process that wants its memory back).

    Not needed for correctness: prepared templates are kept by a hash of the file, compiled templates by
    their full text, and everything else a render reads comes from the Workspace object it is given.
    """
    from generator.render.environment import render_environment
    from generator.render.prepared import clear_prepared

    clear_prepared()
    render_environment().clear_cache()


__all__ = ["RENDERERS", "build_context", "builtin_dir", "clear_caches", "find_template", "output_name", "output_path",
           "program_variant", "render_document", "render_documents", "render_folder", "safe_filename_part",
           "template_files", "variant_of"]
