"""Tables of a PDF page and tables that go on across pages, for :mod:`generator.ingest.pdf_reader`.

Cells come from the page's visible ruling lines (pdfplumber finds the cells between them). A
table nested in a cell is read as that one cell, as the DOCX reader reads it. Across a page
break: a row split by the break is one row, the part of a merged cell printed on the new page
joins the part above, and a paragraph goes on into the body text of the next page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from generator.ingest.pdf_text import Line, build_lines, continues, paragraphs

MAX_MARGIN = 12.0  # a cell's inner margin is no wider (more is centred or indented text)
_STRIP = 10.0  # an empty cell narrower than this is the margin around a nested table


@dataclass
class Cell:
    """A table cell as printed: its left and right edges and its lines."""

    x0: float
    x1: float
    lines: list[Line] = field(default_factory=list)
    spans: bool = False  # merged down over more than one row of its page


@dataclass
class Merged:
    """The place, in a row, of a cell merged down from a row above (``origin``)."""

    origin: Cell


@dataclass
class Row:
    """A table row: its cells left to right (a cell merged down from above is a ``Merged``)."""

    page: int
    cells: list[Union[Cell, Merged]]

    def texts(self) -> list[str]:
        return [" ".join(line.text for line in cell.lines) if isinstance(cell, Cell) else "" for cell in self.cells]


@dataclass
class Body:
    """Lines of text outside tables, one after another (one or more paragraphs)."""

    page: int
    lines: list[Line]


Element = Union[Row, Body]


# --- finding tables ------------------------------------------------------------------------------
def _white(color) -> bool:
    values = color if isinstance(color, (tuple, list)) else (color,)
    if len(values) == 4:  # CMYK: no ink
        return all(v == 0 for v in values)
    return bool(values) and all(isinstance(v, (int, float)) and v >= 0.99 for v in values)


def _visible(edge: dict) -> bool:
    """A drawn line or border, not the edge of a white background (LibreOffice fills paragraph and
    cell backgrounds with white rectangles, whose edges are no table lines)."""
    if edge.get("object_type") == "rect_edge" and edge.get("fill") and not edge.get("stroke"):
        return not _white(edge.get("non_stroking_color"))
    return not (edge.get("stroke", True) and _white(edge.get("stroking_color")))


def find_tables(page) -> list[list[tuple]]:
    """Cells of the page's tables, found from its visible ruling lines."""
    edges = [edge for edge in page.edges if _visible(edge)]
    if not edges:
        return []
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": [e for e in edges if e["orientation"] == "v"],
                "explicit_horizontal_lines": [e for e in edges if e["orientation"] == "h"]}
    return [table.cells for table in page.find_tables(settings)]


def inside(char: dict, box: tuple) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _outer_cells(cells: list[tuple], chars: list[dict]) -> list[tuple]:
    """The cells of the table itself, with a table nested in a cell read as that one cell (as the
    DOCX reader reads it). A nested table shows as cells inside a cell, or, where it fills the
    cell's height, as its cells flanked by two empty strips, one of them narrow (the outer cell's
    margins)."""
    def empty(cell: tuple) -> bool:
        return not any(inside(ch, cell) for ch in chars)

    blank = [c for c in cells if empty(c)]
    outer = list(cells)
    for left in blank:
        right = next((c for c in blank if c is not left and abs(c[1] - left[1]) < 0.5 and abs(c[3] - left[3]) < 0.5
                      and c[0] > left[2] and min(c[2] - c[0], left[2] - left[0]) < _STRIP), None)
        if right is None:
            continue
        merged = (left[0], left[1], right[2], left[3])
        outer = [c for c in outer if not _contains(merged, c)] + [merged]
    return [c for c in outer if not any(o is not c and _contains(o, c) for o in outer)]


def _contains(box: tuple, cell: tuple) -> bool:
    return box[0] - 0.5 <= cell[0] and box[1] - 0.5 <= cell[1] and cell[2] <= box[2] + 0.5 and cell[3] <= box[3] + 0.5


def table_rows(cells: list[tuple], chars: list[dict], page: int) -> list[tuple[float, Row]]:
    """Rows of one table: cells grouped by their top edge; the place of a cell merged down from a
    row above is a ``Merged`` (once, however many columns it spans)."""
    cells = _outer_cells(cells, chars)
    columns = sorted({round(c[0], 1) for c in cells})
    tops = sorted({round(c[1], 1) for c in cells})
    by_top: dict[float, list[tuple]] = {top: [] for top in tops}
    for cell in cells:
        by_top[round(cell[1], 1)].append(cell)
    rows: list[tuple[float, Row]] = []
    made: dict[tuple, Cell] = {}
    for top in tops:
        row_cells = sorted(by_top[top], key=lambda c: c[0])
        entries: list[Union[Cell, Merged]] = []
        merged: set[tuple] = set()
        for x in columns:
            cell = next((c for c in row_cells if abs(c[0] - x) < 0.2), None)
            if cell is not None:
                spans = cell[3] > min(c[3] for c in row_cells) + 0.5
                made[cell] = Cell(cell[0], cell[2], build_lines([ch for ch in chars if inside(ch, cell)]), spans)
                entries.append(made[cell])
                continue
            if any(c[0] < x < c[2] for c in row_cells):
                continue  # a cell of this row spans the column
            above = next((c for c in cells if c[0] - 0.2 <= x < c[2] - 0.2 and c[1] < top < c[3] - 0.2), None)
            if above is not None and above in made and above not in merged:
                merged.add(above)
                entries.append(Merged(made[above]))
        rows.append((top, Row(page, entries)))
    return rows


def table_boxes(tables: list) -> list[tuple[tuple, list]]:
    """(bounding box, cells) of each table on a page; a table nested in another's cell is part of it."""
    boxed = [((min(c[0] for c in t), min(c[1] for c in t), max(c[2] for c in t), max(c[3] for c in t)), t)
             for t in tables if t]
    return [(box, cells) for box, cells in boxed
            if not any(other is not box and _contains(other, box) for other, _c in boxed)]


# --- pages → one stream: tables and paragraphs that go on across page breaks ----------------------
def join_pages(pages: list[list[Element]]) -> list[Element]:
    """The elements of all pages as one stream, with what a page break cut joined again: body text
    that goes on, a header row repeated on the new page, a row (or a merged cell) split by the break."""
    stream: list[Element] = []
    table_header: Optional[list[str]] = None  # the first row of the table being read
    for elements in pages:
        for index, element in enumerate(elements):
            previous = stream[-1] if stream else None
            page_start = index == 0
            if isinstance(element, Body):
                if page_start and isinstance(previous, Body):
                    element.lines[0].page_break = True
                    previous.lines.extend(element.lines)  # a paragraph or list goes on
                else:
                    stream.append(element)
                continue
            if page_start and isinstance(previous, Row):
                if table_header and any(table_header) and element.texts() == table_header:
                    continue  # a header row Word repeats on every page
                _carry_merged(previous, element)
                if _row_goes_on(previous, element):
                    _merge_rows(previous, element)
                    continue
                _lift_split_label(previous, element)
            elif not isinstance(previous, Row):
                table_header = element.texts()
            stream.append(element)
    return stream


def element_lines(element: Element) -> list[Line]:
    return element.lines if isinstance(element, Body) else [line for cell in row_cells(element) for line in cell.lines]


def row_cells(row: Row) -> list[Cell]:
    return [cell for cell in row.cells if isinstance(cell, Cell)]


def _partner(row: Row, cell: Cell) -> Optional[Cell]:
    """The cell of ``row`` in the same column as ``cell`` (most of their widths overlap); for a
    place merged down from above, the cell it continues."""
    for other in [entry.origin if isinstance(entry, Merged) else entry for entry in row.cells]:
        overlap = min(other.x1, cell.x1) - max(other.x0, cell.x0)
        if overlap > 0.8 * min(other.x1 - other.x0, cell.x1 - cell.x0):
            return other
    return None


def _row_goes_on(above: Row, below: Row) -> bool:
    """Is ``below`` (first on its page) the rest of ``above`` (last on the page before)?

    Yes when each of its filled cells goes on from the cell above it; also when its first cell is
    empty under a filled one and none of its cells opens with a label or a new list (a row of its
    own under a merged label starts with «Знания:» or «1.»)."""
    filled = [cell for cell in row_cells(below) if cell.lines]
    if not filled:
        return False
    partners = [_partner(above, cell) for cell in filled]
    if any(partner is None or not partner.lines for partner in partners):
        return False
    if all(_cell_goes_on(partner, cell) for partner, cell in zip(partners, filled)):
        return True
    first_above, first_below = _first_cell(above), _first_cell(below)
    return (first_above is not None and first_below is not None and bool(first_above.lines)
            and not first_below.lines and not any(opens_anew(cell) for cell in filled))


def _first_cell(row: Row) -> Optional[Cell]:
    first = row.cells[0] if row.cells else None
    return first.origin if isinstance(first, Merged) else first


def opens_anew(cell: Cell) -> bool:
    """Does the cell open with a label or a list item (so it is not the rest of a cell above)?"""
    from generator.ingest.cell_lines import is_label

    first = paragraphs(cell.lines, text_right(cell))[0]
    return first.marker is not None or is_label(first.text())


def _cell_goes_on(above: Cell, below: Cell) -> bool:
    """Does the text of ``below`` go on from ``above``: a list's next number, a wrapped item or line,
    or the list under a label left alone at the foot of the page?"""
    from generator.ingest.cell_lines import is_label

    first = below.lines[0]
    marker = first.marker()
    found = paragraphs(above.lines, text_right(above))
    last = found[-1]
    if last.marker is None and is_label(last.text()):  # a label alone at the foot of the page: its list follows
        return not opens_anew(below) or (marker is not None and marker.group("number") == "1")
    if marker is not None:
        if marker.group("number"):
            numbers = [int(p.marker.group("number")) for p in found if p.marker and p.marker.group("number")]
            return bool(numbers) and int(marker.group("number")) == numbers[-1] + 1
        return bool(marker.group("bullet") and last.marker and last.marker.group("bullet"))
    left = min(line.x0 for line in above.lines)
    return first.text[:1].islower() or continues(last, first, left, text_right(above), None)


def _carry_merged(above: Row, below: Row) -> None:
    """A cell merged down over rows on both sides of a page break is printed in two parts; the
    part on the new page spans several rows there. Its text joins the part above (as one cell in
    Word) unless it opens anew under a filled part («Трудовая функция 3» under function 2)."""
    for index, cell in enumerate(below.cells):
        if not isinstance(cell, Cell) or not cell.spans or not cell.lines:
            continue
        partner = _partner(above, cell)
        if partner is None or (partner.lines and opens_anew(cell)):
            continue
        cell.lines[0].page_break = True
        partner.lines.extend(cell.lines)
        below.cells[index] = Merged(partner)


def _lift_split_label(above: Row, below: Row) -> None:
    """A label cell merged down over rows on both sides of a page break prints its text where it
    fits, sometimes only on the new page; it belongs to the first row of the merge (as in Word).
    So a first-column text whose cell above the break is empty while both rows have their own
    other cells moves up."""
    if not (above.cells and below.cells and isinstance(above.cells[0], Cell) and isinstance(below.cells[0], Cell)):
        return
    top, bottom = above.cells[0], below.cells[0]
    others_filled = all(any(cell.lines for cell in row_cells(row)[1:]) for row in (above, below))
    if not top.lines and bottom.lines and others_filled and abs(top.x0 - bottom.x0) < 1 and abs(top.x1 - bottom.x1) < 1:
        top.lines, bottom.lines = bottom.lines, []


def _merge_rows(above: Row, below: Row) -> None:
    for cell in row_cells(below):
        partner = _partner(above, cell)
        if partner is not None and cell.lines:
            cell.lines[0].page_break = True
            partner.lines.extend(cell.lines)


def text_right(cell: Cell) -> float:
    """Where the cell's text ends on the right: its margin taken as wide as the left one."""
    left = min((line.x0 for line in cell.lines), default=cell.x0)
    return cell.x1 - min(max(left - cell.x0, 1.0), MAX_MARGIN)


