"""The seed standard as a Word file imports into the same data as its published text.

The DOCX is built here from the seed's own content (standard_data/sources/M84120.kk.txt): every
``TAB|TAB`` row becomes a table row (a shorter row's last cell spans the remaining columns, an empty
first cell continues the cell above), the lines that continue a cell become paragraphs of that cell,
run-together numbered items («1. …;2. …») become separate Word auto-numbered paragraphs with no
number in their text, and the numbered paragraphs of the standard's chapters are auto-numbered too.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_testlib import UP, Num, add_paragraphs, add_table, new_document, save

from generator.ingest import import_standard

SEED = Path(__file__).resolve().parents[2] / "standard_data" / "sources" / "M84120.kk.txt"
_ROW = "\t|\t"
_NUMBERED = re.compile(r"^\s*(\d+)\s*\.(?!\d)\s*")  # «84.12 …» is a classifier code, not an item


def _items(line: str) -> list[str]:
    """'1. a;2. b' → ['a;', 'b'], splitting only where the next expected number starts an item."""
    first = _NUMBERED.match(line)
    number = int(first.group(1))
    rest = line[first.end():]
    items = []
    while True:
        following = re.search(rf"(?<=[;.])\s*{number + 1}\s*\.\s*", rest)
        if not following:
            items.append(rest)
            return items
        items.append(rest[: following.start()])
        rest = rest[following.end():]
        number += 1


def _cell_specs(lines: list[str]) -> list:
    specs: list = []
    for line in lines:
        if _NUMBERED.match(line):
            specs.extend(Num(item) for item in _items(line))
        else:
            specs.append(line)
    return specs


def _is_structural(line: str) -> bool:
    return bool(re.match(r"^\s*\d+\s*-\s*тарау", line) or "карточкасы" in line
                or line.startswith("Еңбек функцияларының сипаттамасы"))


def build_seed_docx(path: Path) -> Path:
    document = new_document()
    lines = SEED.read_text("utf-8").split("\n")
    table: list[list] = []  # rows of cells, each cell a list of lines (or UP)
    in_standard = False  # numbered paragraphs of the standard (after chapter 1) are auto-numbered
    previous_was_row_text = False

    def flush() -> None:
        if not table:
            return
        cols = max(len(row) for row in table)
        add_table(document, [[cell if cell is UP else _cell_specs(cell) for cell in row] for row in table], cols)
        table.clear()

    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            previous_was_row_text = False
            continue
        if _ROW in line:
            cells = [cell.strip() for cell in line.split(_ROW)]
            row: list = [[cell] if cell else [] for cell in cells]
            if not cells[0] and table:
                row[0] = UP
            table.append(row)
            previous_was_row_text = True
            continue
        if table and previous_was_row_text and not _is_structural(line):
            table[-1][-1].append(line.strip())
            continue
        if table and line.startswith("Еңбек функцияларының сипаттамасы"):
            table.append([[line.strip()]])
            continue
        flush()
        previous_was_row_text = False
        in_standard = in_standard or bool(re.match(r"^\s*1\s*-\s*тарау", line))
        numbered = _NUMBERED.match(line)
        if in_standard and numbered:
            add_paragraphs(document, [Num(line[numbered.end():], direct=True)])
        else:
            add_paragraphs(document, [line.strip()])
    flush()
    return save(document, path)


def _shape(standard):
    return {
        "code": standard.code,
        "title": standard.title,
        "card_list": [(e.name, e.level) for e in standard.card_list],
        "common_knowledge": standard.common_knowledge,
        "classifier": [(c.code, c.name) for c in standard.classifier],
        "description": standard.description,
        "version": (standard.version, standard.year, standard.review_date),
        "technical": standard.technical,
        "approval": standard.approval,
        "cards": [
            {
                "code": card.code, "name": card.name, "level": card.level, "heading": card.heading,
                "listed": [(f.number, f.title, f.mandatory) for f in card.listed_functions],
                "personal": card.personal_competencies,
                "functions": [
                    (f.id, f.number, f.title, f.mandatory,
                     [(s.id, s.title, s.recognition,
                       [(i.id, i.text) for i in s.abilities], [(i.id, i.text) for i in s.knowledge])
                      for s in f.skills])
                    for f in card.functions
                ],
            }
            for card in standard.cards
        ],
    }


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> Path:
    return build_seed_docx(tmp_path_factory.mktemp("seed") / "M84120.kk.docx")


def test_the_built_docx_hides_item_numbers_in_word_numbering(seed_docx):
    import docx

    document = docx.Document(str(seed_docx))
    texts = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert any(t.startswith("ЖРО қызметіне басшылық жасау") for t in texts)
    assert not any(re.match(r"^\d+\.\s*ЖРО қызметіне", t) for t in texts)


def test_seed_docx_imports_into_the_same_data_as_the_seed_text(seed_docx):
    from_text = import_standard(SEED)
    from_docx = import_standard(seed_docx)
    assert from_docx.source.reader == "docx" and from_docx.source.layout == "2023"
    assert from_docx.language == "kk"
    assert _shape(from_docx) == _shape(from_text)


def test_seed_docx_has_the_seed_counts(seed_docx):
    standard = import_standard(seed_docx)
    counts = {card.code: [(len(s.abilities), len(s.knowledge)) for f in card.functions for s in f.skills]
              for card in standard.cards}
    assert counts == {"1210-0-020": [(7, 6), (7, 9), (4, 7)],
                      "3412-0-003": [(3, 4), (4, 3), (3, 5), (5, 6)]}
