"""What printing does to a document, undone: a row and its list broken across pages is one row and
one list, a paragraph broken across pages is one paragraph, the running header and the page
numbers are no text of the standard. The Word file is built here and printed by LibreOffice.
"""
from __future__ import annotations

import pytest
from docx_testlib import Num, add_paragraphs, add_table, new_document, save

from generator.ingest import read_source
from generator.render.pdf import convert_to_pdf, soffice_path

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")]

ITEMS = [f"Применять метод номер {n} при проверке программного обеспечения и оформлять результат" for n in
         range(1, 61)]
LONG = " ".join(["Настоящий профессиональный стандарт описывает требования к работникам отрасли."] * 80)


def _page_number_footer(section) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        else:
            code = OxmlElement("w:instrText")
            code.text = text
            run._r.append(code)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("breaks")
    document = new_document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Профессиональный стандарт «Тестирование программ»"
    _page_number_footer(section)
    add_paragraphs(document, [LONG])
    add_table(document, [["Трудовая функция 1: Проверка программ", ["Умения:", *[Num(text) for text in ITEMS]]],
                         ["Требования к личностным компетенциям", "Ответственность"]])
    docx = save(document, folder / "breaks.docx")
    return read_source(docx), read_source(convert_to_pdf([docx])[0])


def test_the_print_has_several_pages(printed):
    _docx, pdf = printed
    assert max(pdf.pages.values()) >= 3


def test_a_row_broken_across_pages_is_one_row_with_one_list(printed):
    docx, pdf = printed
    rows = [b for b in pdf.blocks if b.is_row]
    assert [b.cells[0] for b in rows] == ["Трудовая функция 1: Проверка программ", "Требования к личностным компетенциям"]
    assert rows[0].cells == next(b for b in docx.blocks if b.is_row).cells
    assert rows[0].cells[1].split("\n") == ["Умения:", *[f"{n}. {text}" for n, text in enumerate(ITEMS, start=1)]]


def test_a_paragraph_broken_across_pages_is_one_paragraph_and_headers_are_dropped(printed):
    docx, pdf = printed
    body = [b.text for b in pdf.blocks if not b.is_row]
    assert body == [b.text for b in docx.blocks if not b.is_row] == [LONG]
    first_row = next(b for b in pdf.blocks if b.is_row)
    assert pdf.pages[first_row.line] >= 2  # the paragraph before it filled more than the first page
