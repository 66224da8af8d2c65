"""Helpers for the render tests: the seed programs and reading rendered DOCX files.

Imported as ``helpers`` (a name no other test folder uses), never as ``conftest``: several test
folders have a conftest.py, and which one ``import conftest`` finds depends on collection order.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Optional

import docx
from docx.oxml.ns import qn

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "standard_data" / "M84120.kk.yaml"
CARDS = ("1210-0-020", "3412-0-003")
# the built-in kinds written from Word templates (the kind registry's docx entries), and those built by default
KINDS = ("program", "outline", "assessment", "guide", "feedback")
DEFAULT_KINDS = ("program", "outline", "assessment", "guide")


def design_seed(card: str, lang: Optional[str] = None, hours: Optional[int] = None, skills=None):
    """The seed program of ``card`` from the design engine (year fixed, so text is stable)."""
    from generator.design.engine import design
    from generator.workspace.spec import ProgramSpec
    from generator.standard.store import load_standard

    spec = ProgramSpec(standard=str(SEED), card=card, hours=hours, skills=skills, language=lang, year=2026)
    from generator.workspace import Workspace

    return design(load_standard(SEED), spec, Workspace.builtin())


def soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")


def kazakh_serif_font() -> Optional[str]:
    """The installed serif font the templates' Times New Roman becomes in LibreOffice, if it has the Kazakh
    letters (ә U+04D9 among them): Times New Roman itself, or Liberation Serif 2 (Debian's fonts-liberation2;
    version 1.07 of fonts-liberation has no Kazakh letters, so a PDF falls back to another font for them)."""
    import subprocess

    if not shutil.which("fc-list"):
        return None
    out = subprocess.run(["fc-list", ":charset=04d9", "family"], capture_output=True, text=True).stdout
    families = {name.strip() for line in out.splitlines() for name in line.split(",")}
    return next((name for name in ("Times New Roman", "Liberation Serif") if name in families), None)


def paragraphs(path: Path) -> list[str]:
    """Text of every paragraph of the body, tables included, in document order."""
    document = docx.Document(str(path))
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]


def full_text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def table_rows(table) -> list[list[str]]:
    """Cell texts of a python-docx table, merged cells repeated as python-docx reports them."""
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def find_table(path: Path, first_header: str):
    """The first table whose first row's first cell is ``first_header``."""
    document = docx.Document(str(path))
    for table in document.tables:
        if table.rows and table.rows[0].cells[0].text.strip() == first_header:
            return table
    raise AssertionError(f"no table starting with {first_header!r} in {path}")
