"""Template management behind ``progen templates init|check``."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from generator.exceptions import TemplateProblem


def labels_file_text(workspace=None) -> str:
    """Every language's labels as one ``labels.yaml`` for a workspace (each pack's file under its code,
    comments kept), to edit and trim to the labels a centre changes."""
    from generator.workspace import Workspace

    parts = ["# Headings and labels of the documents, by language. Keep only the labels you change: the others\n"
             "# come from progen's language packs. Placeholders in {braces} are filled from the program.\n"]
    for code, pack in Workspace.of(workspace).languages.items():
        text = pack.data_file("labels").read_text("utf-8")
        body = "".join(f"  {line}" if line.strip() else line for line in text.splitlines(keepends=True))
        parts.append(f"{code}:\n{body}")
    return "".join(parts)


def init_templates(directory: Path, force: bool = False) -> list[Path]:
    """Copy the built-in templates and a labels.yaml into ``directory``; refuse to overwrite without force."""
    from generator.common.files import write_atomic
    from generator.workspace import Workspace, builtin_templates_dir

    directory = Path(directory)
    templates = sorted({kind.template for kind in Workspace.builtin().kinds.values() if kind.template})
    names = templates + ["labels.yaml"]
    existing = [name for name in names if (directory / name).exists()]
    if existing and not force:
        raise TemplateProblem(f"{directory}: already has {', '.join(existing)}; use --force to overwrite them")
    written = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in templates:
            shutil.copyfile(builtin_templates_dir() / name, directory / name)
            written.append(directory / name)
        write_atomic(directory / "labels.yaml", labels_file_text())
        written.append(directory / "labels.yaml")
    except OSError as error:
        raise TemplateProblem(f"{directory}: cannot copy the templates there: {error.strerror or error}") from error
    return written


def check_command(directory: Optional[Path]) -> tuple[str, int]:
    """The report of ``progen templates check`` and its number of errors."""
    from generator.render.check import check_folder
    from generator.workspace import builtin_templates_dir

    if directory is None:
        directory = Path("templates") if Path("templates").is_dir() else builtin_templates_dir()
    directory = Path(directory)
    if not directory.is_dir():
        raise TemplateProblem(f"{directory}: no such folder")
    templates = [p for p in sorted(directory.glob("*.docx")) if not p.name.startswith("~$")]
    if not templates:
        raise TemplateProblem(f"{directory}: no .docx templates in it")
    findings = check_folder(directory)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    lines = [str(f) for f in findings]
    lines.append(f"{len(templates)} template(s) in {directory}: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines), errors
