"""The 2023 layout as PDF: the seed's text made into the Word file it was flattened from, printed to
PDF by LibreOffice, imports as that Word file does (the whole standard data).

Needs LibreOffice (``.ci/run`` installs libreoffice-writer); skipped where it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from docx_testlib import docx_from_published_text

from generator.ingest import import_standard
from generator.render.pdf import convert_to_pdf, soffice_path
from generator.common.yaml_io import to_plain

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")]
RU_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "ru_sample_2023.txt"


@pytest.fixture(scope="module")
def printed(tmp_path_factory, seed_text):
    """(DOCX, PDF) of the seed, of the seed as Word copies word it (loose labels), and of the Russian sample."""
    folder = tmp_path_factory.mktemp("printed")
    documents = [docx_from_published_text(seed_text, folder / "seed.docx"),
                 docx_from_published_text(seed_text, folder / "seed-loose.docx", loose=True),
                 docx_from_published_text(RU_SAMPLE.read_text("utf-8"), folder / "ru.docx")]
    return dict(zip(["seed", "seed-loose", "ru"], zip(documents, convert_to_pdf(documents))))


def _data(standard) -> dict:
    data = to_plain(standard)
    data.pop("source")
    return data


@pytest.mark.parametrize("name", ["seed", "seed-loose", "ru"])
def test_the_printed_standard_imports_as_its_word_file(printed, name):
    docx, pdf = printed[name]
    from_docx, from_pdf = import_standard(docx), import_standard(pdf)
    assert (from_pdf.source.reader, from_pdf.source.layout) == ("pdf", "2023")
    assert _data(from_pdf) == _data(from_docx)
    assert from_pdf.source.account.skipped == 0
    assert [n.code for n in from_pdf.source.notes] == [n.code for n in from_docx.source.notes]


def test_the_seed_pdf_has_the_seeds_counts(printed, seed_yaml_path):
    from generator.standard.store import load_standard

    standard = import_standard(printed["seed"][1])
    assert _data(standard) == _data(load_standard(seed_yaml_path))
