"""The three real standards printed to PDF by LibreOffice import as their Word files do.

``../shared/fixtures/standards/*.pdf`` are the fixture DOCX printed by LibreOffice 7.4. The whole
standard data is compared (everything but ``source``: file name, hash, reader and the account of
paragraphs differ by nature). Two things the print cannot carry are listed below with the reason;
any other difference fails.
"""
from __future__ import annotations

import pytest
from docx_testlib import FIXTURES

from generator.ingest import import_standard, read_source
from generator.standard.lint import lint_standard
from generator.common.yaml_io import to_plain

pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")

NAMES = ["ru_2022A_administrirovanie-baz-dannykh", "ru_2022B_administrirovanie-graficheskikh-i-os",
         "ru_2019B_vysokonagruzhennye-i-real-time"]

# (fixture, path in the data) → (DOCX value, PDF value). Found by reading both files, not the importer:
# * 2022A L5 F2 A8: the Word text has «аппаратно-программного» where the printed line ends after the
#   hyphen; the same document writes «аппаратно- программного» (with a space) at 16 other line ends,
#   and a justified line prints no trailing space, so the PDF reader takes the document's habit; the
#   import's word repair then joins «аппаратно- программного» again, so the text is the same and the PDF's
#   data only records the repair (``repaired_from``).
# * 2019B, the «Разработчик на языке GO» cards: the heading is typed in lower case and shown in capitals
#   by Word's «All caps» format, which a PDF prints as capitals.
PRINT_LOSSES = {
    ("ru_2022A_administrirovanie-baz-dannykh", "cards[1].functions[1].skills[0].abilities[7].repaired_from"): (
        None,
        "Анализ необходимости модернизации аппаратно- программного комплекса на основе результатов эксплуатации БД"),
    ("ru_2019B_vysokonagruzhennye-i-real-time", "cards[5].heading"): ("Разработчик на языке GO",
                                                                      "РАЗРАБОТЧИК НА ЯЗЫКЕ GO"),
    ("ru_2019B_vysokonagruzhennye-i-real-time", "cards[6].heading"): ("Разработчик на языке GO",
                                                                      "РАЗРАБОТЧИК НА ЯЗЫКЕ GO"),
}


def _flat(value, path: str = "") -> dict:
    """{"cards[0].functions[1].title": "…", …}: every leaf of plain data by its path."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flat(item, f"{path}.{key}" if path else key).items()}
    if isinstance(value, list):
        return {k: v for index, item in enumerate(value) for k, v in _flat(item, f"{path}[{index}]").items()}
    return {path: value}


@pytest.fixture(scope="module", params=NAMES)
def pair(request):
    name = request.param
    return name, import_standard(FIXTURES / f"{name}.docx"), import_standard(FIXTURES / f"{name}.pdf")


def test_the_pdf_imports_as_the_docx(pair):
    name, docx, pdf = pair
    assert (pdf.source.reader, pdf.source.layout) == ("pdf", docx.source.layout)
    left, right = (_flat({k: v for k, v in to_plain(s).items() if k != "source"}) for s in (docx, pdf))
    assert left.keys() == right.keys()
    differences = {path: (left[path], right[path]) for path in left if left[path] != right[path]}
    assert differences == {path: values for (fixture, path), values in PRINT_LOSSES.items() if fixture == name}


def test_every_line_of_the_cards_is_read_and_nothing_is_noted(pair):
    _name, docx, pdf = pair
    assert pdf.source.notes == [] and pdf.source.account.skipped == 0
    assert pdf.source.account.items == docx.source.account.items
    assert [w.code for w in lint_standard(pdf)] == [w.code for w in lint_standard(docx)]


def test_page_headers_and_numbers_are_not_read_as_text():
    for name in NAMES:
        blocks = read_source(FIXTURES / f"{name}.pdf").blocks
        assert not any("MERGEFORMAT" in cell for block in blocks for cell in block.cells)  # 2019B's header field
        assert not any(block.text.strip().isdigit() for block in blocks if not block.is_row)  # page numbers


def test_messages_name_the_page():
    doc = read_source(FIXTURES / f"{NAMES[1]}.pdf")
    line = next(b.line for b in doc.blocks if any("Задача 2:" in cell for cell in b.cells))
    assert doc.where(line) == f"{NAMES[1]}.pdf:{line} (page 3)"


def test_progen_import_of_a_pdf_writes_the_data_and_prints_the_account(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main
    from generator.standard.store import load_standard

    source, target = FIXTURES / f"{NAMES[1]}.pdf", tmp_path / "gs.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{source}: layout B, language ru, 4 cards, 61 abilities, 50 knowledge items → {target}",
        "338 paragraphs read in the cards: 111 items (from 115 paragraphs), 96 labels, 28 headings, 99 field values, "
        "0 skipped"]
    assert load_standard(target).source.reader == "pdf"
