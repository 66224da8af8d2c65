"""The stages a build runs for each target, behind one small interface.

:class:`Pipeline` is the real thing: design with ``generator.design``, render with ``generator.render``,
and the files a document depends on from the workspace (``Workspace.dependencies``). Tests may pass
another object with the same methods to ``generator.batch.build`` (private ``_pipeline`` argument); it
must be picklable, as it is sent once to each worker process.
"""
from __future__ import annotations

from pathlib import Path


class Pipeline:
    """Design with ``generator.design``, render with ``generator.render``."""

    def output_name(self, card_code: str, kind: str, lang: str, workspace, variant: str = "") -> str:
        """``<card>/<card>[_<variant>]_<kind>_<lang>.docx`` (the layout of ``progen render``; the kind's extension)."""
        from generator.render import output_path

        return output_path(card_code, kind, lang, workspace, variant)

    def dependencies(self, kind: str, lang: str, workspace) -> dict[str, list[Path]]:
        """The files a document of ``kind`` in ``lang`` is made from, by group (templates, design, phrasing)."""
        return workspace.dependencies(kind, lang)

    def plan(self, standard, spec, workspace):
        from generator.design import plan_program

        return plan_program(standard, spec, workspace)

    def render(self, program, kind: str, destination: Path, workspace) -> Path:
        from generator.render import render_document

        return render_document(program, kind, destination, workspace)
