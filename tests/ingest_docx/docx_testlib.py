"""Build small Word documents for the DOCX importer tests (python-docx, written under tmp_path).

A cell is given as a list of paragraph specs (or one string for a single paragraph):

* ``"text"`` — a plain paragraph; ``"first⏎second"`` puts a hard line break (``w:br``) inside it;
* ``Num("text")`` — auto-numbered through the style «List Number» (numPr inherited from the style);
* ``Num("text", direct=True, level=1)`` — auto-numbered by a numPr in the paragraph itself;
* ``Bullet("text")`` — a bulleted paragraph (the bullet format of the document's numbering);
* ``UP`` — the cell continues the cell above (vertical merge); a row shorter than the table has its
  last cell merged across the remaining columns (``gridSpan``).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "standards"
BREAK = "⏎"
UP = object()


@dataclass
class Num:
    text: str
    direct: bool = False
    level: int = 0


@dataclass
class Bullet:
    text: str


Spec = Union[str, Num, Bullet]


def new_document() -> docx.document.Document:
    return docx.Document()


def _num_id(document, fmt: str) -> str:
    """The numId of a list whose first level has format ``fmt`` (decimal or bullet)."""
    numbering = document.part.numbering_part.element
    formats = {}
    for abstract in numbering.findall(qn("w:abstractNum")):
        lvl = abstract.find(qn("w:lvl"))
        formats[abstract.get(qn("w:abstractNumId"))] = lvl.find(qn("w:numFmt")).get(qn("w:val"))
    for num in numbering.findall(qn("w:num")):
        abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        if formats.get(abstract) == fmt:
            return num.get(qn("w:numId"))
    raise AssertionError(f"no {fmt} list in the default template")


def _set_numpr(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(num)
    ppr.append(numpr)


def _write(paragraph, text: str) -> None:
    for index, part in enumerate(text.split(BREAK)):
        run = paragraph.add_run(part)
        if index < len(text.split(BREAK)) - 1:
            run.add_break()


def fill(container, specs: Union[Spec, list[Spec]], document, first=None) -> None:
    """Write paragraph specs into a cell or the document body (``first``: an empty paragraph to reuse)."""
    specs = [specs] if isinstance(specs, (str, Num, Bullet)) else specs
    for index, spec in enumerate(specs):
        paragraph = first if (index == 0 and first is not None) else container.add_paragraph()
        if isinstance(spec, Num):
            if spec.direct:
                _set_numpr(paragraph, _num_id(document, "decimal"), spec.level)
            else:
                paragraph.style = document.styles["List Number"]
            _write(paragraph, spec.text)
        elif isinstance(spec, Bullet):
            _set_numpr(paragraph, _num_id(document, "bullet"), 0)
            _write(paragraph, spec.text)
        else:
            _write(paragraph, spec)


def add_table(document, rows: list[list], cols: int | None = None):
    """A table from rows of cell specs (see the module docstring); returns the python-docx table."""
    cols = cols or max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=cols)
    for r, row in enumerate(rows):
        if len(row) < cols:
            table.cell(r, len(row) - 1).merge(table.cell(r, cols - 1))
        for c, spec in enumerate(row):
            cell = table.cell(r, c)
            if spec is UP:
                table.cell(r - 1, c).merge(cell)
                continue
            fill(cell, spec, document, first=cell.paragraphs[0])
    return table


def add_paragraphs(document, specs: list[Spec]) -> None:
    fill(document, specs, document)


def wrap_last_paragraph_in_content_control(document) -> None:
    """Move the body's last paragraph into a block-level content control (w:sdt)."""
    body = document.element.body
    paragraph = [child for child in body if child.tag == qn("w:p")][-1]
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    paragraph.addprevious(sdt)
    content.append(copy.deepcopy(paragraph))
    body.remove(paragraph)


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path
