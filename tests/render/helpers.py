"""Helpers for reading rendered DOCX files in tests."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn


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
