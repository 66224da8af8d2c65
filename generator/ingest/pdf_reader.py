"""Reader for standards published as PDF with a text layer: pages → Blocks, like the DOCX reader.

The PDF library is pdfplumber (MIT, on pdfminer.six): it gives every character with its position
and font size, and finds table cells from the ruling lines, which is what rebuilding a standard's
tables needs; it is pure Python and well kept. (PyMuPDF is faster but AGPL; pypdf gives text
without positions or cells.)

What the printed page adds or breaks, and how it is undone (see :mod:`generator.ingest.pdf_text`
for lines and paragraphs):

* **Headers, footers, page numbers**: lines in the top or bottom band of a page that are a page
  number («3», «- 3 -», «Стр. 3 из 19») or whose text (digits aside) repeats on other pages.
* **Tables broken across pages**: a table that goes on at the top of the next page is the same
  table; a header row Word repeats on every page is read once; a row split by the page break is
  one row when its cells on the new page continue the cells above (the list numbers go on, a
  wrapped item goes on at its indent, or the text goes on in lower case).
* **A paragraph or list continued on the next page** is one paragraph or list.
* **Merged cells**: a cell merged down the rows gives an empty cell in the rows below (as in the
  DOCX reader and the published text); a cell merged across columns is one cell.
* **List numbers** are printed text: a number or bullet standing apart from the text after it is a
  list marker, and list items in a cell are numbered as the DOCX reader numbers Word's lists.

``Block.line`` is the ordinal of the paragraph or table row, as for DOCX; messages also name the
page (:attr:`SourceDocument.pages`).
"""
from __future__ import annotations

import hashlib
import logging
import re
import warnings
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from generator.exceptions import SourceError
from generator.ingest.blocks import Block, SourceDocument, read_bytes, row_blocks
from generator.ingest.cell_lines import CellLines
from generator.ingest.pdf_tables import (Body, Cell, Element, element_lines, find_tables, inside, join_pages,
                                        table_boxes, table_rows, text_right)
from generator.ingest.pdf_text import Hints, Paragraph, build_lines, document_hints, line_pitch, paragraphs

_BAND = 0.09  # headers and footers live in the top and bottom 9 % of a page
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:(?:стр|страница|бет|page)\.?\s*)?\d{1,4}"
                          r"(?:\s*(?:из|of|/|-)\s*\d{1,4})?(?:\s*[-–—])?(?:\s*(?:бет|page))?$", re.IGNORECASE)
MAX_MARGIN = 12.0  # a cell's inner margin is no wider (more is centred or indented text)


# --- opening ------------------------------------------------------------------------------------
@dataclass
class _Page:
    width: float
    height: float
    chars: list[dict]
    tables: list[list[tuple]]
    pictures: int  # images drawn on the page (a page of pictures and no text is a scan)


@contextmanager
def _quiet():
    """pdfminer logs every repairable flaw of a damaged file; the user gets one line from progen."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _damaged(name: str, error: BaseException) -> SourceError:
    cause = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
    return SourceError(f"{name}: the PDF file is damaged and cannot be read ({_describe(cause)}); "
                       "download it again, or use the standard's .docx")


def _describe(error: object) -> str:
    text = " ".join(str(error).split())[:80]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _read_pages(path: Path, data: bytes) -> list[_Page]:
    """Every page's characters, table cells and pictures; a one-line SourceError for a PDF that is
    locked with a password or too damaged to read."""
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    damage = (PdfminerException, MalformedPDFException, PSException, KeyError, ValueError, TypeError,
              AttributeError, IndexError, AssertionError, ZeroDivisionError, OverflowError, RecursionError)
    name = path.name
    with _quiet():
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except PdfminerException as error:
            cause = error.args[0] if error.args else error
            if isinstance(cause, PDFPasswordIncorrect):
                raise SourceError(f"{name}: the PDF is password-protected; open it with its password, save or "
                                  "print it as a PDF without one, and import that") from error
            if isinstance(cause, PDFEncryptionError):
                raise SourceError(f"{name}: the PDF is encrypted in a way that cannot be read ({cause}); save it "
                                  "again without protection, or use the standard's .docx") from error
            raise _damaged(name, error) from error
        except damage as error:
            raise _damaged(name, error) from error
        try:
            pages = []
            for page in pdf.pages:
                chars = [c for c in page.chars if c.get("text")]
                pages.append(_Page(float(page.width), float(page.height), chars, find_tables(page), len(page.images)))
                page.close()
            return pages
        except damage as error:
            raise _damaged(name, error) from error
        finally:
            with suppress(*damage):  # closing walks the pages again
                pdf.close()


def _letters(page: _Page) -> int:
    return sum(1 for c in page.chars if any(ch.isalpha() for ch in c["text"]) and not c["text"].startswith("(cid:"))


def _check_text_layer(name: str, pages: list[_Page]) -> None:
    chars = [c["text"] for page in pages for c in page.chars]
    if sum(_letters(page) for page in pages) < 20:
        raise SourceError(f"{name}: the PDF has no text layer (a scanned image); progen reads text, not "
                          "images — use the standard's .docx or its published text, or run OCR first")
    unmapped = sum(1 for text in chars if text.startswith("(cid:"))
    if unmapped > 0.2 * len(chars):
        raise SourceError(f"{name}: the PDF's fonts carry no Unicode map, so its text cannot be read; use the "
                          "standard's .docx or its published text")


# --- pages → elements ---------------------------------------------------------------------------
def _page_elements(page: int, chars: list[dict], tables: list, furniture: set) -> list[Element]:
    boxed = table_boxes(tables)
    boxes = [box for box, _cells in boxed]
    tables = [cells for _box, cells in boxed]
    positioned: list[tuple[float, Element]] = []
    for box, cells in zip(boxes, tables):
        in_table = [c for c in chars if inside(c, box)]
        for top, row in table_rows(cells, in_table, page):
            positioned.append((top, row))
    free = [c for c in chars if not any(inside(c, box) for box in boxes)]
    for line in build_lines(free):
        if (page, round(line.top)) in furniture:
            continue
        positioned.append((line.top, Body(page, [line])))
    positioned.sort(key=lambda pair: pair[0])
    elements: list[Element] = []
    for _top, element in positioned:  # consecutive body lines are one run
        if isinstance(element, Body) and elements and isinstance(elements[-1], Body):
            elements[-1].lines.extend(element.lines)
        else:
            elements.append(element)
    return elements


def _furniture(pages: list[_Page]) -> set[tuple[int, int]]:
    """(page, rounded top) of header and footer lines: page numbers, and lines repeated on other pages."""
    candidates: list[tuple[int, int, str]] = []
    for number, page in enumerate(pages, start=1):
        boxes = [box for box, _cells in table_boxes(page.tables)]
        free = [c for c in page.chars if not any(inside(c, box) for box in boxes)]
        height = page.height
        for line in build_lines(free):
            if line.bottom < height * _BAND or line.top > height * (1 - _BAND):
                band = "top" if line.bottom < height * _BAND else "bottom"
                shape = re.sub(r"\d+", "#", line.text)
                candidates.append((number, round(line.top), f"{band}:{shape}"))
    found: set[tuple[int, int]] = set()
    for page, top, key in candidates:
        text = key.split(":", 1)[1]
        repeated = sum(1 for other in candidates if other[2] == key and other[0] != page)
        if _PAGE_NUMBER.match(text.replace("#", "1")) or (len(pages) > 1 and repeated >= max(1, len(pages) // 3)):
            found.add((page, top))
    return found


# --- stream → Blocks ---------------------------------------------------------------------------
@dataclass
class _ListTrail:
    """The last numbered list item printed in a cell: its number and its place in the cell."""

    number: int = 0
    offset: float = -1.0

    def goes_on(self, number: int, offset: float) -> bool:
        return number > 1 and number == self.number + 1 and abs(offset - self.offset) < 2


def _cell_text(cell: Cell, hints: Hints, trail: _ListTrail, lone: bool) -> str:
    """A cell's paragraphs through the DOCX reader's list rules.

    A printed number is kept as typed text (Word prints typed and automatic numbers alike, and the
    DOCX reader keeps typed ones), except that a list printed as going on from another one —
    the last list before it ended at the number before, at the same place in its cell, or it runs
    «5.», «6.», … at the start of a cell of a row of several — is numbered from 1, as the DOCX
    reader numbers each cell's Word lists. Bullets and lettered sub-items are Word list items.
    ``lone``: the cell fills its row (a numbered heading such as «3. Карточки профессий»).
    """
    lines = CellLines(in_cell=True)
    found = paragraphs(cell.lines, text_right(cell))
    marker_left = min((p.marker_x for p in found if p.marker), default=0.0)
    offset = 0
    for index, paragraph in enumerate(found):
        marker = paragraph.marker
        if marker is None:
            lines.add_paragraph(paragraph.text(hints), None)
            continue
        number = marker.group("number")
        if number:
            value, place = int(number), paragraph.marker_x - cell.x0
            previous = found[index - 1] if index else None
            if previous is None or not (previous.marker and previous.marker.group("number")):
                follows_item = bool(lines.kinds) and lines.kinds[-1] == "item"
                run = _numbers(found[index:])
                runs_on = not lone and len(run) > 1 and all(b == a + 1 for a, b in zip(run, run[1:]))
                offset = value - 1 if not follows_item and (trail.goes_on(value, place) or runs_on) else 0
            trail.number, trail.offset = value, place
            glue = "" if paragraph.lines[0].words[0].glued and not offset else " "
            lines.add_paragraph(f"{value - offset}{marker.group('delimiter')}{glue}{paragraph.body(hints)}", None)
            continue
        level = 1 if paragraph.marker_x > marker_left + 4 else 0
        fmt = "bullet" if marker.group("bullet") else "decimal"
        lines.add_paragraph(paragraph.body(hints), ("pdf", level, fmt, ")" if marker.group("letter") else ".", 1))
    return lines.text()


def _numbers(run: list[Paragraph]) -> list[int]:
    """The numbers of the numbered paragraphs that open ``run``."""
    numbers = []
    for paragraph in run:
        if not (paragraph.marker and paragraph.marker.group("number")):
            break
        numbers.append(int(paragraph.marker.group("number")))
    return numbers


def _body_right(stream: list[Element]) -> float:
    """The right margin of the body text: the median over pages of the widest body line of several
    words (one odd line, a tab-aligned signature, does not move it)."""
    widest: dict[int, float] = {}
    for body in stream:
        if isinstance(body, Body):
            for line in body.lines:
                if len(line.words) > 2:
                    widest[line.page] = max(widest.get(line.page, 0.0), line.x1)
    values = sorted(widest.values())
    return values[len(values) // 2] if values else 0.0


def _blocks(stream: list[Element]) -> tuple[list[Block], dict[int, int]]:
    blocks: list[Block] = []
    pages: dict[int, int] = {}
    right = _body_right(stream)
    hints = document_hints([line for element in stream for line in element_lines(element)])
    body_counters: dict = {}
    trail = _ListTrail()
    ordinal = 0
    for element in stream:
        if isinstance(element, Body):
            for paragraph in paragraphs(element.lines, right, line_pitch(element.lines)):
                ordinal += 1
                pages[ordinal] = paragraph.lines[0].page
                lines = CellLines(in_cell=False, body_counters=body_counters)
                bullet = paragraph.marker is not None and paragraph.marker.group("bullet")
                text = paragraph.body(hints) if bullet else paragraph.text(hints)
                lines.add_paragraph(text, None)
                blocks.extend(Block(cells=[line], line=ordinal) for line in lines.lines)
            continue
        ordinal += 1
        pages[ordinal] = element.page
        lone = len(element.cells) == 1
        cells = [_cell_text(cell, hints, trail, lone) if isinstance(cell, Cell) else "" for cell in element.cells]
        blocks.extend(row_blocks(cells, ordinal))
    return blocks, pages


def read_pdf_source(path: Path) -> SourceDocument:
    """Read a PDF's text layer into Blocks; refuse scans, encrypted or damaged files with one clear line."""
    path = Path(path)
    data = read_bytes(path)
    if b"%PDF" not in data[:1024]:
        raise SourceError(f"{path.name}: not a PDF file (no %PDF header); give the standard's PDF, .docx or "
                          "published text")
    pages = _read_pages(path, data)
    if not pages:
        raise SourceError(f"{path.name}: the PDF has no pages")
    _check_text_layer(path.name, pages)
    furniture = _furniture(pages)
    per_page = []
    for number, page in enumerate(pages, start=1):
        elements = _page_elements(number, page.chars, page.tables, furniture)
        for element in elements:
            for line in element_lines(element):
                line.page = number
        per_page.append(elements)
    blocks, page_of = _blocks(join_pages(per_page))
    if not blocks:
        raise SourceError(f"{path.name}: the PDF has no text outside its headers and footers")
    doc = SourceDocument(path=path, blocks=blocks, sha256=hashlib.sha256(data).hexdigest(), reader="pdf",
                         pages=page_of)
    for number, page in enumerate(pages, start=1):
        if page.pictures and _letters(page) < 5:  # a scanned page among pages of text
            doc.note(None, "scanned-page", f"page {number} is a picture without a text layer (a scanned page); "
                     "its content is not imported — check it against the standard")
    return doc
