"""Exports for learning platforms and for review: Moodle competency CSV, CASE 1.0 JSON, Markdown.

Entry point: :func:`export` (what ``progen export`` calls). The format modules can also be used
on their own: ``moodle.moodle_csv(standard)``, ``case.case_json(standard)``,
``generator.render.markdown.program_markdown(program, workspace)``. Their labels are the language
pack's (``labels.yaml``, the exports under ``export:``), changed by a workspace's ``templates/labels.yaml``.

Inputs:

- ``moodle`` and ``case`` export a **standard data** file (``standard_data/<code>.<lang>.yaml``),
  the whole standard or one card (``card=``).
- ``markdown`` renders a **program**, so it takes either a program spec YAML (a mapping with a
  ``standard:`` key, as for ``progen plan SPEC``) or a standard data file plus ``card=`` (the card
  may be left out when the standard has only one). A file is taken as a spec when its top level
  has a ``standard`` key and no ``cards`` key.

Default output: ``<workspace>/output/exports/<standard file stem>[.<card>].<ext>``, where the
workspace is the folder holding ``standard_data/`` (or the standard file's own folder when it does
not sit in a ``standard_data`` folder). Every file is written atomically.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from generator.exceptions import ExportError

FORMATS = ("moodle", "case", "markdown")
EXTENSIONS = {"moodle": ".moodle.csv", "case": ".case.json", "markdown": ".md"}

__all__ = ["FORMATS", "export", "labels", "default_output", "check_card"]


def labels(language: str, workspace=None) -> dict:
    """The export labels of ``language``: the ``export:`` labels of its language pack (and workspace)."""
    from generator.workspace import Workspace

    ws = Workspace.of(workspace)
    if language not in ws.languages:
        raise ExportError(f"no export labels for language '{language}'; known: {', '.join(ws.languages)}")
    return ws.labels(language)["export"]


def workspace_root(standard_path: Path) -> Path:
    """The workspace a standard data file belongs to (the parent of ``standard_data/``)."""
    folder = Path(standard_path).resolve().parent
    return folder.parent if folder.name == "standard_data" else folder


def default_output(standard_path: Path, fmt: str, card: Optional[str] = None) -> Path:
    stem = Path(standard_path).name
    for suffix in (".yaml", ".yml"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    name = f"{stem}.{card}" if card else stem
    return workspace_root(standard_path) / "output" / "exports" / f"{name}{EXTENSIONS[fmt]}"


def write_export(path: Path, data: str) -> None:
    """Write atomically; a folder or an unwritable place is an ExportError naming the path."""
    from generator.common.files import write_atomic

    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name for the export")
    try:
        write_atomic(path, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"{path}: cannot write the export: {reason}") from error


def check_card(standard, card: Optional[str]) -> None:
    """Raise ExportError when ``card`` is given and is not a card of ``standard``."""
    if card is not None and card not in [c.code for c in standard.cards]:
        raise ExportError(f"card: {standard.no_such_card(card)}")


def _is_spec(path: Path) -> bool:
    """A program spec has a ``standard`` key at the top; standard data has ``cards``."""
    from generator.common.bounded_yaml import STANDARD_DATA_LIMITS, compose, decode_text, read_limited
    from generator.exceptions import GeneratorError

    try:
        text = decode_text(read_limited(path, "YAML", ExportError, STANDARD_DATA_LIMITS.max_bytes), path, "YAML")
        node = compose(text, str(path), ExportError, STANDARD_DATA_LIMITS)
    except GeneratorError:
        return False  # let the standard loader report the problem with its own message
    if not isinstance(node, yaml.MappingNode):
        return False
    keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return "standard" in keys and "cards" not in keys


def _program(source: Path, card: Optional[str], workspace):
    """Design the program to render; returns (program, standard data path)."""
    from generator.design import make_program

    if _is_spec(source):
        from generator.workspace.spec import load_spec

        spec = load_spec(source)
        program = make_program(source, card=card, workspace=workspace)
        return program, Path(spec.standard) if spec.standard else source
    from generator.design import plan_program
    from generator.workspace.spec import ProgramSpec
    from generator.standard.store import load_standard

    standard = load_standard(source)
    check_card(standard, card)
    if card is None:
        if len(standard.cards) != 1:
            valid = ", ".join(c.code for c in standard.cards)
            raise ExportError(f"{source}: the standard has {len(standard.cards)} cards; "
                              f"choose one with --card ({valid}) or give a program spec")
        card = standard.cards[0].code
    return plan_program(standard, ProgramSpec(standard=str(source), card=card), workspace), source


def export(source_path: Path, fmt: str, out_path: Optional[Path] = None, *, card: Optional[str] = None,
           workspace=None) -> Path:
    """Export ``source_path`` as ``fmt`` (moodle, case, markdown) and return the file written.

    ``card`` limits moodle/case to one profession card and picks the card of a markdown program;
    ``workspace`` (a Workspace, a folder or None) gives the design, phrasing and label data.
    Raises ExportError (unknown format, unwritable output, unknown card), StandardDataError or
    SpecError for invalid input.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'; valid formats: {', '.join(FORMATS)}")
    from generator.workspace import Workspace

    source_path = Path(source_path)
    workspace = Workspace.of(workspace)
    if fmt == "markdown":
        from generator.render.markdown import program_markdown

        program, standard_path = _program(source_path, card, workspace)
        data = program_markdown(program, workspace)
        target = out_path or default_output(standard_path, fmt, program.card_code)
    else:
        from generator.standard.store import load_standard

        standard = load_standard(source_path)
        check_card(standard, card)
        if fmt == "moodle":
            from generator.export.moodle import moodle_csv

            data = moodle_csv(standard, card, workspace)
        else:
            from generator.export.case import case_json

            data = case_json(standard, card, workspace=workspace)
        target = out_path or default_output(source_path, fmt, card)
    write_export(Path(target), data)
    return Path(target)
