"""Every kind of both seed cards converts in LibreOffice (skipped where soffice or a serif font with the Kazakh
letters is not installed; .ci/run installs libreoffice-writer and fonts-liberation2, so CI runs it)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from generator.render import render_documents
from generator.render.pdf import convert_to_pdf
from helpers import CARDS, KINDS, kazakh_serif_font, soffice

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed"),
              pytest.mark.skipif(kazakh_serif_font() is None,
                                 reason="no serif font with the Kazakh letters (Times New Roman, or Liberation Serif "
                                        "2 from fonts-liberation2): LibreOffice would fall back to another font")]


def _pages(pdf) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    return pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")


def test_seed_documents_convert_to_pdf(seed_programs, tmp_path):
    documents = []
    for card in CARDS:
        documents += render_documents(seed_programs[card], KINDS, tmp_path)
    pdfs = convert_to_pdf(documents)
    assert [p.with_suffix(".docx") for p in pdfs] == documents
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF")
        pages = _pages(pdf)
        if "_outline_" in pdf.name:
            assert 2 <= pages <= 4, (pdf.name, pages)  # a trainer's 2–4 page outline
        elif "_feedback_" in pdf.name:
            assert pages == 1, (pdf.name, pages)  # a printable one-page form
        elif "_guide_" in pdf.name:
            sessions = len(seed_programs[pdf.name.split("_")[0]].sessions)
            assert sessions < pages <= 3 * sessions, (pdf.name, pages)  # a page or so per session
        else:
            assert pages >= 1
    assert not [p for p in tmp_path.rglob(".pdf-*")]  # no work folders left
    if shutil.which("pdffonts"):
        # Kazakh letters found in the chosen font: LibreOffice fell back to no other font (DejaVu …)
        for pdf in pdfs:
            out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
            fonts = {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}
            assert fonts and all(f.startswith(("LiberationSerif", "TimesNewRoman", "Times", "OpenSymbol"))
                                 for f in fonts), (pdf.name, fonts)


def test_russian_sample_converts(sample_ru, tmp_path):
    documents = render_documents(sample_ru, KINDS, tmp_path)
    assert all(p.read_bytes().startswith(b"%PDF") for p in convert_to_pdf(documents, tmp_path))


def test_pdf_has_a_real_table_of_contents_when_uno_is_there(seed_programs, tmp_path):
    from generator.render.pdf import soffice_path, uno_python

    if not uno_python(soffice_path()) or not shutil.which("pdftotext"):
        pytest.skip("no Python with LibreOffice's uno module, or no pdftotext")
    (document,) = render_documents(seed_programs[CARDS[1]], ["program"], tmp_path)
    (pdf,) = convert_to_pdf([document])
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
    assert "Мазмұны" in contents and "Word" not in contents  # the hint was replaced by entries
    for heading in ("Бағдарлама паспорты", "Оқу-тақырыптық жоспар", "Сәйкестік матрицасы", "1-модуль."):
        line = next(line for line in contents.splitlines() if heading in line)
        assert line.rstrip()[-1].isdigit(), line  # with its page number
