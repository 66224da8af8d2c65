"""Every kind of both seed cards converts in LibreOffice (skipped where soffice is not installed;
.ci/run installs libreoffice-writer, so CI runs it)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import CARDS, soffice
from generator.render import KINDS, render_documents
from generator.render.pdf import convert_to_pdf

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")]


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
        else:
            assert pages >= 1
    assert not [p for p in tmp_path.rglob(".pdf-*")]  # no work folders left


def test_russian_sample_converts(sample_ru, tmp_path):
    documents = render_documents(sample_ru, KINDS, tmp_path)
    assert all(p.read_bytes().startswith(b"%PDF") for p in convert_to_pdf(documents, tmp_path))
