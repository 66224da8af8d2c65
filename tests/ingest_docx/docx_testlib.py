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
import re
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


def _restarted_list(document) -> str:
    """A new list (w:num) of the «List Number» style's numbering that starts again at 1, as Word
    makes for each list typed in a table cell."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    abstract = next(num.find(qn("w:abstractNumId")).get(qn("w:val")) for num in numbering.findall(qn("w:num"))
                    if num.get(qn("w:numId")) == style_num)
    num_id = str(max(int(num.get(qn("w:numId"))) for num in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    abstract_ref = OxmlElement("w:abstractNumId")
    abstract_ref.set(qn("w:val"), abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(abstract_ref)
    num.append(override)
    numbering.append(num)
    return num_id


def fill(container, specs: Union[Spec, list[Spec]], document, first=None) -> None:
    """Write paragraph specs into a cell or the document body (``first``: an empty paragraph to reuse).

    In a cell each run of «List Number» paragraphs is a list of its own that starts at 1 (printed
    so, too); in the body they are one list, as the style gives them.
    """
    specs = [specs] if isinstance(specs, (str, Num, Bullet)) else specs
    in_cell = hasattr(container, "_tc")
    cell_list = None
    for index, spec in enumerate(specs):
        paragraph = first if (index == 0 and first is not None) else container.add_paragraph()
        if not (isinstance(spec, Num) and not spec.direct):
            cell_list = None
        if isinstance(spec, Num):
            if spec.direct:
                _set_numpr(paragraph, _num_id(document, "decimal"), spec.level)
            else:
                paragraph.style = document.styles["List Number"]
                if in_cell:
                    cell_list = cell_list or _restarted_list(document)
                    _set_numpr(paragraph, cell_list, spec.level)
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
    table.style = document.styles["Table Grid"]  # ruled, as standards are (and as a PDF reader needs)
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


# --- a published text (TAB|TAB rows) rebuilt as the Word file it was flattened from -------------
_ROW = "\t|\t"
_NUMBERED = re.compile(r"^\s*(\d+)\s*\.(?!\d)\s*")  # «84.12 …» is a classifier code, not an item
_RECOGNITION = re.compile(r"^(Возможность признания навыка|Дағдыны тану мүмкіндігі)")
_RELATED = re.compile(r"^(Связь с другими профессиями|СБШ шеңберіндегі басқа кәсіптермен)")
# loosely worded labels seen in Word copies (what the importer must still read)
LOOSE_LABELS = [
    (re.compile(r"^Умения:\s*$"), "Умение"),
    (re.compile(r"^Знания:\s*$"), "Знания"),
    (re.compile(r"^Қабілет:\s*$"), "Қабілеттер"),
    (re.compile(r"^Білім:\s*$"), "Білім"),
    (re.compile(r"^Трудовая функция(?=\s*2)"), "Трудовая функцыя"),
    (re.compile(r"^Еңбек функциясы(?=\s*2)"), "Еңбек функцисы"),
]


def split_run_together(line: str) -> list[str]:
    """'1. a;2. b' → ['a;', 'b'], splitting only where the next expected number starts an item."""
    first = _NUMBERED.match(line)
    number = int(first.group(1))
    rest = line[first.end():]
    items = []
    while True:
        following = re.search(rf"(?<=[;.])\s*{number + 1}\s*\.(?!\d)\s*", rest)
        if not following:
            items.append(rest)
            return items
        items.append(rest[: following.start()])
        rest = rest[following.end():]
        number += 1


def _cell_specs(lines: list[str], loose: bool) -> list:
    specs: list = []
    for line in lines:
        if _NUMBERED.match(line):
            specs.extend(Num(item) for item in split_run_together(line))
            continue
        if loose:
            for pattern, replacement in LOOSE_LABELS:
                line = pattern.sub(replacement, line)
        specs.append(line)
    return specs


def _is_structural(line: str) -> bool:
    return bool(re.match(r"^\s*(\d+\s*-\s*тарау|Глава\s*\d)", line) or "карточкасы" in line
                or "Карточка профессии" in line
                or line.startswith(("Еңбек функцияларының сипаттамасы", "Описание трудовых функций")))


def docx_from_published_text(text: str, path: Path, loose: bool = False, body_numbers: str = "auto") -> Path:
    """The Word file a published text was flattened from.

    Every ``TAB|TAB`` row is a table row (a shorter row's last cell spans the remaining columns;
    an empty first cell continues the cell above), lines continuing a cell are paragraphs of it,
    run-together numbered items («1. …;2. …») are separate auto-numbered paragraphs without the
    number in their text, and the numbered paragraphs of the standard's chapters are auto-numbered.
    ``loose`` builds it as Word copies often are: the function cell merged down over the
    recognition row, the «related professions» label merged down over its level rows, and labels
    without colons, in the singular or with typos (``LOOSE_LABELS``). ``body_numbers`` is how the
    chapters' numbered paragraphs carry their numbers: ``auto`` (Word numbering), ``typed`` (in the
    text) or ``lost`` (nowhere: the list formatting was lost when the file was made).
    """
    document = new_document()
    table: list[list] = []  # rows of cells; a cell is a list of lines, or UP
    in_standard = False
    previous_was_row_text = False
    in_related = False

    def flush() -> None:
        if not table:
            return
        cols = max(len(row) for row in table)
        add_table(document, [[cell if cell is UP else _cell_specs(cell, loose) for cell in row] for row in table],
                  cols)
        table.clear()

    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            previous_was_row_text = False
            continue
        if _ROW in line:
            cells = [cell.strip() for cell in line.split(_ROW)]
            row: list = [[cell] if cell else [] for cell in cells]
            if not cells[0] and table:
                row[0] = UP
            elif loose and table and len(cells) == 2 and (_RECOGNITION.match(cells[0])
                                                         or (in_related and cells[0].isdigit())):
                row = [UP, *row]
            in_related = bool(_RELATED.match(cells[0])) or (in_related and cells[0].isdigit())
            table.append(row)
            previous_was_row_text = True
            continue
        if table and previous_was_row_text and not _is_structural(line):
            table[-1][-1].append(line.strip())
            continue
        if table and line.startswith(("Еңбек функцияларының сипаттамасы", "Описание трудовых функций")):
            table.append([[line.strip()]])
            continue
        flush()
        previous_was_row_text = False
        in_standard = in_standard or bool(re.match(r"^\s*(1\s*-\s*тарау|Глава\s*1\b)", line))
        numbered = _NUMBERED.match(line)
        if in_standard and numbered and body_numbers != "typed":
            body = line[numbered.end():]
            add_paragraphs(document, [Num(body, direct=True) if body_numbers == "auto" else body])
        else:
            add_paragraphs(document, [line.strip()])
    flush()
    return save(document, path)
