"""The stages a build runs for each target, behind one small interface.

:class:`Pipeline` is the real thing (design → render, template and phrasing files for hashing).
Tests may pass another object with the same methods to ``generator.batch.build`` (private
``_pipeline`` argument); it must be picklable, as it is sent once to each worker process.
"""
from __future__ import annotations

from pathlib import Path


class Pipeline:
    """Design with ``generator.design``, render with ``generator.render``."""

    def kinds(self) -> tuple[str, ...]:
        """The kinds built when programs.yaml names none: the DOCX documents."""
        from generator.design.spec import DOCUMENT_KINDS

        return tuple(DOCUMENT_KINDS)

    def valid_kinds(self) -> tuple[str, ...]:
        """Every kind a manifest may ask for: the documents and the Markdown program for review."""
        from generator.design.spec import ALL_KINDS

        return tuple(ALL_KINDS)

    def output_name(self, card_code: str, kind: str, lang: str) -> str:
        """``<card>/<card>_<kind>_<lang>.docx`` (the layout of ``progen render``); ``.md`` for markdown."""
        from generator import render

        if kind == "markdown":
            name = render.output_name(card_code, "program", lang)  # the program, as <card>_program_<lang>.md
            return f"{render.safe_filename_part(card_code)}/{name[: -len('.docx')]}.md"
        return f"{render.safe_filename_part(card_code)}/{render.output_name(card_code, kind, lang)}"

    def template_files(self, kind: str, lang: str, workspace: Path) -> list[Path]:
        from generator import render

        if kind == "markdown":
            from importlib import resources

            return [Path(str(resources.files("generator.export").joinpath("data/labels.yaml")))]
        return [Path(p) for p in render.template_files(kind, lang, workspace=workspace)]

    def phrasing_files(self, lang: str, workspace: Path) -> list[Path]:
        from generator.language import Phraser

        return [Path(p) for p in Phraser(lang, workspace).data_files()]  # uncached: files may have changed

    def design_files(self, workspace: Path) -> list[Path]:
        from generator.design.rules import design_data_files

        return [Path(p) for p in design_data_files(workspace)]

    def plan(self, standard, spec, workspace: Path):
        from generator.design import plan_program

        return plan_program(standard, spec, workspace)

    def render(self, program, kind: str, destination: Path, workspace: Path) -> Path:
        from generator import render

        if kind == "markdown":
            from generator.export.markdown import program_markdown
            from generator.common.files import write_atomic

            write_atomic(Path(destination), program_markdown(program))
            return Path(destination)
        return render.render_document(program, kind, destination, workspace=workspace)

    def forget_caches(self) -> None:
        """Workspace data changed since this process last designed: drop in-process caches."""
        try:
            from generator import language
        except ImportError:  # pragma: no cover
            return
        cached = getattr(language, "_cached", None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
        try:
            from generator import render
        except ImportError:  # pragma: no cover
            return
        clear = getattr(render, "clear_caches", None)
        if callable(clear):
            clear()
