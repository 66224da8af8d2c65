"""``progen init [DIR]``: scaffold a workspace with the bundled seed standard.

Creates ``programs.yaml`` (commented defaults), ``standard_data/`` with the bundled standard M84120
(its reviewed YAML and, in ``sources/``, the published text it was imported from), an empty
``templates/`` for overrides of the built-in templates, and ``output/``. Existing files are kept.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.exceptions import BuildError
from generator.common.files import default_file_mode, write_atomic

BUNDLED = ("M84120.kk.yaml",)
BUNDLED_SOURCES = ("M84120.kk.txt",)

MANIFEST_TEMPLATE = """\
# progen workspace manifest: what `progen build` makes.
#
# Every key is optional. Without `targets`, every profession card of every standard in
# standard_data/ is built as every document kind. Values under `defaults` apply to every target;
# a target's own keys win over them. `progen render` and `progen plan` in this folder start from
# `defaults` too, so they make the same documents.
#
# Outputs go to `output:` as <card code>/<card code>_<kind>_<lang>.docx. A document is rebuilt only
# when its inputs change (its card in the standard data, its settings here, the templates it uses,
# the phrasing data, the progen version). A document edited by hand is kept, never overwritten,
# unless you run `progen build --force` (which first saves a .bak copy).

output: output

defaults:
  # The training centre on the title page and in the approval block («БЕКІТЕМІН»).
  provider:
    name: Жастар ресурстық орталығы
    city: Астана
    approver_name: "____________________"
    approver_title: Директор
  # Total academic hours of a full-card program, by the card's level (СБШ / ОРК).
  hours_by_level:
    "4": 72
    "5": 72
    "6": 72
    "7": 72
  # Document kinds: program (full training program), outline (course outline for trainers),
  # assessment (assessment sheet per recognisable skill), guide (the trainer's session plans); add
  # feedback for the participant feedback form on its own page (it is also the program's annex 2),
  # markdown for the program as Markdown, to review changes in git.
  kinds: [program, outline, assessment, guide]
  # Languages of the standard data to build (standard_data/<code>.<lang>.yaml): kk, ru.
  languages: [kk, ru]
  # format: күндізгі          # күндізгі | онлайн | аралас (ru: очный | онлайн | смешанный)
  # group_size: "12–20"
  # minutes_per_hour: 45
  # year: 2026                # default: the current year

# targets:                    # uncomment to build only these (each: a card and any program setting)
#   - card: 3412-0-003
#     kinds: [program, outline]
#     hours: 72
#   - card: 3412-0-003
#     skills: [F2]            # a short outline of one labour function: its own file,
#     hours: 16               # 3412-0-003_F2_16h_outline_kk.docx, beside the full card's
#     kinds: [outline]
"""

GITIGNORE = "output/\n"


def _bundled(name: str) -> bytes:
    return resources.files("generator.standard").joinpath(f"bundled/{name}").read_bytes()


def init_workspace(directory, force: bool = False) -> list[Path]:
    """Create the workspace folders and files; return the files written (existing ones are kept)."""
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise BuildError(f"{root}: exists and is not a folder")
    written: list[Path] = []

    def write(path: Path, data) -> None:
        if path.exists() and not force:
            return
        write_atomic(path, data)
        path.chmod(default_file_mode())
        written.append(path)

    try:
        for folder in ("standard_data/sources", "templates", "output"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        write(root / "programs.yaml", MANIFEST_TEMPLATE)
        for name in BUNDLED:
            write(root / "standard_data" / name, _bundled(name))
        for name in BUNDLED_SOURCES:
            write(root / "standard_data" / "sources" / name, _bundled(name))
        write(root / ".gitignore", GITIGNORE)
    except OSError as error:
        raise BuildError(f"{root}: cannot create the workspace: {error.strerror or error}") from error
    return written
