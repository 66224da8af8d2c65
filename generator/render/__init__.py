"""Render a program model to DOCX documents from Word templates with Jinja tags (docxtpl).

Library entry point: :func:`render_document`. Template design:

* one template per document kind — ``program.docx``, ``outline.docx``, ``assessment.docx`` — that serves
  both languages: headings and labels come from ``data/labels.yaml`` (``{{ labels.passport }}``), the
  content from the program (``{{ program.title }}``); ``progen templates vars`` lists everything;
* a workspace's ``templates/`` folder overrides the built-ins by file name, first match wins; for
  one language only, name the file ``<kind>_<lang>.docx`` (e.g. ``program_kk.docx``). Search order:
  ``<workspace>/templates/<kind>_<lang>.docx``, ``<workspace>/templates/<kind>.docx``, then the same two
  names among the built-ins shipped in the package;
* ``<workspace>/templates/labels.yaml`` may override single labels (see :mod:`generator.render.labels`).
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Optional

from generator.exceptions import TemplateProblem

KINDS = ("program", "outline", "assessment")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def builtin_dir() -> Path:
    """The folder of the templates shipped in the package."""
    return Path(str(resources.files("generator.render").joinpath("builtin_templates")))


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise TemplateProblem(f"unknown document kind '{kind}'; valid kinds: {', '.join(KINDS)}")


def safe_filename_part(text: str) -> str:
    """A piece of a file name that Windows accepts: no <>:"/\\|?* or control characters, no trailing
    dots or spaces, not a reserved device name."""
    cleaned = _UNSAFE.sub("_", str(text)).strip().rstrip(". ")
    if not cleaned:
        cleaned = "_"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def output_name(card_code: str, kind: str, lang: str) -> str:
    """``<card>_<kind>_<lang>.docx``, safe on Windows: ``3412-0-003_program_kk.docx``."""
    _check_kind(kind)
    return f"{safe_filename_part(card_code)}_{kind}_{safe_filename_part(lang)}.docx"


def template_name(kind: str, lang: str) -> str:
    """The built-in template of a kind: ``program.docx`` (the same for every language; labels come from
    data). A workspace may add ``<kind>_<lang>.docx`` for one language: see :func:`template_candidates`."""
    _check_kind(kind)
    return f"{kind}.docx"


def template_candidates(kind: str, lang: str) -> list[str]:
    """File names looked for, most specific first: ``program_kk.docx``, ``program.docx``."""
    _check_kind(kind)
    return [f"{kind}_{safe_filename_part(lang)}.docx", template_name(kind, lang)]


def search_dirs(workspace: Optional[Path] = None) -> list[Path]:
    """Template folders in search order: the workspace's ``templates/``, then the built-ins."""
    dirs = []
    if workspace is not None:
        dirs.append(Path(workspace) / "templates")
    dirs.append(builtin_dir())
    return dirs


def find_template(kind: str, lang: str, workspace: Optional[Path] = None) -> Path:
    """The template a render of ``kind`` in ``lang`` uses; first match wins."""
    names = template_candidates(kind, lang)
    for folder in search_dirs(workspace):
        for name in names:
            path = folder / name
            if path.is_file():
                return path
    searched = "; ".join(str(folder) for folder in search_dirs(workspace))
    raise TemplateProblem(f"no template {' or '.join(names)} for '{kind}' ({lang}); searched: {searched}")


def template_files(kind: str, lang: str, workspace: Optional[Path] = None) -> list[Path]:
    """Every file the rendering of this kind reads: the resolved template and the label data."""
    from generator.render.labels import label_files

    return [find_template(kind, lang, workspace), *label_files(workspace)]


def build_context(program, kind: str, workspace: Optional[Path] = None) -> dict:
    """The variables a template sees (documented in :mod:`generator.render.variables`)."""
    from generator.design.program import sum_hours
    from generator.render.labels import load_labels

    totals = program.totals or sum_hours(program.modules)
    return {"program": program, "labels": load_labels(program.language, workspace), "lang": program.language,
            "kind": kind, "totals": totals}


def render_document(program, kind: str, destination: Path, workspace: Optional[Path] = None) -> Path:
    """Render ``program`` as a document of ``kind`` to ``destination`` (a .docx path).

    Atomic: written to a temporary file in the same folder and renamed, never a partial DOCX.
    Raises :class:`TemplateProblem` naming the template, the variable and the paragraph.
    """
    from generator.render.docx_render import render_to

    _check_kind(kind)
    template = find_template(kind, program.language, workspace)
    context = build_context(program, kind, workspace)
    return render_to(template, context, Path(destination), title=program.title, lang=program.language)


def render_documents(program, kinds: tuple[str, ...] | list[str], output_dir: Path,
                     workspace: Optional[Path] = None) -> list[Path]:
    """Render several kinds to ``<output_dir>/<card>/<card>_<kind>_<lang>.docx``."""
    folder = Path(output_dir) / safe_filename_part(program.card_code)
    return [render_document(program, kind, folder / output_name(program.card_code, kind, program.language),
                            workspace) for kind in kinds]


def clear_caches() -> None:
    """Forget cached labels and compiled templates (a long-lived process whose workspace changed).

    Not needed for correctness — labels are cached by file modification time and compiled templates by
    their full text — but it frees memory and makes a fresh start explicit.
    """
    from generator.render import labels
    from generator.render.environment import render_environment

    labels._builtin.cache_clear()
    labels._load.cache_clear()
    render_environment().clear_cache()


__all__ = ["KINDS", "clear_caches", "safe_filename_part", "output_name", "template_name", "template_files", "render_document", "render_documents",
           "find_template", "search_dirs", "builtin_dir", "build_context", "template_candidates"]
