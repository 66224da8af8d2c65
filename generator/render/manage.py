"""Template management behind ``progen templates init|check``."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from generator.exceptions import TemplateProblem


def init_templates(directory: Path, force: bool = False) -> list[Path]:
    """Copy the built-in templates and labels.yaml into ``directory``; refuse to overwrite without force."""
    from generator.render import KINDS, builtin_dir, template_name
    from generator.render.labels import builtin_labels_path

    directory = Path(directory)
    sources = [builtin_dir() / template_name(kind, "kk") for kind in KINDS] + [builtin_labels_path()]
    existing = [directory / s.name for s in sources if (directory / s.name).exists()]
    if existing and not force:
        raise TemplateProblem(f"{directory}: already has {', '.join(p.name for p in existing)}; "
                              "use --force to overwrite them")
    written = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for source in sources:
            target = directory / source.name
            shutil.copyfile(source, target)
            written.append(target)
    except OSError as error:
        raise TemplateProblem(f"{directory}: cannot copy the templates there: {error.strerror or error}") from error
    return written


def check_command(directory: Optional[Path]) -> tuple[str, int]:
    """The report of ``progen templates check`` and its number of errors."""
    from generator.render import builtin_dir
    from generator.render.check import check_folder

    if directory is None:
        directory = Path("templates") if Path("templates").is_dir() else builtin_dir()
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
