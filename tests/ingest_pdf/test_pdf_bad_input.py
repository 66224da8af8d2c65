"""Every PDF progen cannot use is one line naming the file, exit 1 and nothing written."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from docx_testlib import FIXTURES
from pdf_testlib import locked_pdf, scanned_pdf, text_pdf

from generator.cli import main

FIXTURE = FIXTURES / "ru_2022B_administrirovanie-graficheskikh-i-os.pdf"


def _cases(folder):
    half = folder / "half.pdf"
    if FIXTURE.is_file():
        half.write_bytes(FIXTURE.read_bytes()[: FIXTURE.stat().st_size // 2])
    else:
        half.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    garbage = folder / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\nnothing but words here, no objects, no xref\n")
    not_pdf = folder / "letter.pdf"
    not_pdf.write_bytes(b"Dear colleague, this is a plain text file named .pdf\n")
    return {
        "scan": (scanned_pdf(folder / "scan.pdf"), "scan.pdf: the PDF has no text layer (a scanned image); progen "
                                                   "reads text, not images"),
        "locked": (locked_pdf(folder / "locked.pdf"), "locked.pdf: the PDF is password-protected; open it with its "
                                                      "password, save or print it as a PDF without one"),
        "half": (half, "half.pdf: the PDF file is damaged and cannot be read ("),
        "garbage": (garbage, "garbage.pdf: the PDF file is damaged and cannot be read ("),
        "not a pdf": (not_pdf, "letter.pdf: not a PDF file (no %PDF header)"),
        "not a standard": (text_pdf(folder / "report.pdf", ["Quarterly report of the sales department",
                                                           "Revenue grew by ten percent this year", "Thank you all"]),
                           "report.pdf: not a professional standard in a known layout"),
    }


@pytest.mark.parametrize("case", ["scan", "locked", "half", "garbage", "not a pdf", "not a standard"])
def test_a_pdf_that_cannot_be_imported_is_one_line_and_writes_nothing(case, tmp_path):
    source, expected = _cases(tmp_path)[case]
    target = tmp_path / "out" / "standard.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    assert result.stderr.startswith("Error: " + expected), result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not target.parent.exists()
