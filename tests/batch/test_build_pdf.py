"""`--pdf`: each document also as PDF through LibreOffice (skipped where it is not installed)."""
from __future__ import annotations

import shutil

import pytest

from generator.batch import build
from generator.exceptions import BuildError

HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_pdf_next_to_each_document(workspace):
    report = build(workspace, targets=["3412-0-003/outline"], pdf=True)
    assert report.ok, [r.message for r in report.failed]
    pdf = workspace / "output/3412-0-003/3412-0-003_outline_kk.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not build(workspace, targets=["3412-0-003/outline"], pdf=True).built
    pdf.unlink()  # only the PDF is missing: it is made again from the document in place
    docx_before = (workspace / "output/3412-0-003/3412-0-003_outline_kk.docx").stat().st_mtime_ns
    report = build(workspace, targets=["3412-0-003/outline"], pdf=True)
    assert [r.reason for r in report.built] == ["PDF missing"] and pdf.exists()
    assert (workspace / "output/3412-0-003/3412-0-003_outline_kk.docx").stat().st_mtime_ns == docx_before


def test_pdf_without_libreoffice_is_a_clear_error(workspace, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match="LibreOffice is not installed"):
        build(workspace, pdf=True)
