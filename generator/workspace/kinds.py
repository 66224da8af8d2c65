"""Document kinds: one registry of what progen can write (the built-in ones are data, ``data/kinds.yaml``).

A kind is one entry — renderer, template, file extension, whether a PDF applies, whether it is built by
default, the design data it depends on. The command line, the spec and manifest checks, ``progen build``
and the renderers all read this registry; a workspace adds a kind with one entry in
``templates/kinds.yaml`` and one template.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Optional

from generator.exceptions import StandardDataError

RENDERERS = ("docx", "markdown")
# groups of design data a kind may depend on (see Workspace.dependencies): the rules, the activity library,
# the literature list, the program texts of the document's language (feedback, organisation)
DESIGN_DATA = ("design", "activities", "literature", "texts")


@dataclass
class KindEntry:
    """The shape of one entry of kinds.yaml."""

    renderer: str = "docx"
    template: Optional[str] = None
    extension: Optional[str] = None
    file_stem: Optional[str] = None
    pdf: Optional[bool] = None
    default: bool = False
    design: list[str] = field(default_factory=lambda: list(DESIGN_DATA))
    description: str = ""


@dataclass(frozen=True)
class DocumentKind:
    name: str
    renderer: str
    template: Optional[str]
    extension: str
    file_stem: str
    pdf: bool
    default: bool
    design: tuple[str, ...]
    description: str

    def output_name(self, card_code: str, lang: str, variant: str = "") -> str:
        """``<card>[_<variant>]_<file_stem>_<lang><extension>``, safe as a Windows file name; the variant
        names a program other than the card's full one (``F2_16h``: see ``generator.render.program_variant``)."""
        from generator.common.files import safe_filename_part

        middle = f"_{safe_filename_part(variant)}" if variant else ""
        return f"{safe_filename_part(card_code)}{middle}_{self.file_stem}_{safe_filename_part(lang)}{self.extension}"

    def template_candidates(self, lang: str) -> list[str]:
        """Template file names looked for, most specific first: ``program_kk.docx``, ``program.docx``."""
        if not self.template:
            return []
        from generator.common.files import safe_filename_part

        stem, dot, suffix = self.template.rpartition(".")
        return [f"{stem}_{safe_filename_part(lang)}.{suffix}" if dot else f"{self.template}_{lang}", self.template]


def builtin_kinds_path() -> Path:
    return Path(str(resources.files("generator.workspace").joinpath("data/kinds.yaml")))


def _entry_problems(name: str, entry: KindEntry) -> list[str]:
    problems = []
    if entry.renderer not in RENDERERS:
        problems.append(f"{name}: renderer: '{entry.renderer}' is not one of {', '.join(RENDERERS)}")
    if entry.renderer == "docx" and not entry.template:
        problems.append(f"{name}: template: a docx kind needs the file name of its Word template")
    for group in entry.design:
        if group not in DESIGN_DATA:
            problems.append(f"{name}: design: unknown design data '{group}'; known: {', '.join(DESIGN_DATA)}")
    if not name.replace("_", "").replace("-", "").isalnum() or not name.isascii():
        problems.append(f"{name}: a kind's name is one word of Latin letters, digits, '-' or '_' (it is part of file names)")
    return problems


def read_kinds(path: Path) -> tuple[dict[str, DocumentKind], list[str]]:
    """The kinds of one kinds.yaml; problems are returned with the file's name (not raised)."""
    from generator.common.yaml_io import parse_yaml, read_text_file

    text = read_text_file(Path(path), "document kinds", StandardDataError)
    if not text.strip():
        return {}, []
    try:
        entries = parse_yaml(text, dict[str, KindEntry], str(path))
    except StandardDataError as error:
        return {}, str(error).splitlines()
    kinds, problems = {}, []
    for name, entry in entries.items():
        found = _entry_problems(name, entry)
        problems += [f"{path}: {message}" for message in found]
        if found:
            continue
        extension = entry.extension or (".md" if entry.renderer == "markdown" else ".docx")
        kinds[name] = DocumentKind(
            name=name, renderer=entry.renderer, template=entry.template, extension=extension,
            file_stem=entry.file_stem or name, pdf=entry.pdf if entry.pdf is not None else extension == ".docx",
            default=entry.default, design=tuple(entry.design), description=entry.description)
    return kinds, problems
