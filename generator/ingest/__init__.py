"""Ingest: source readers (published text, DOCX, PDF) and layout parsers that produce one Standard model.

Entry point: :func:`import_standard`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.exceptions import ImportFormatError, SourceError
from generator.standard.model import Standard


def read_source(path: Path):
    """Pick a reader by content (a DOCX is a ZIP, a PDF starts with %PDF), not by the file name alone."""
    from generator.ingest.text_reader import read_text_source

    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if path.is_dir():
        raise SourceError(f"{path}: is a folder; give the standard's .txt, .docx or .pdf file")
    from generator.common.archive_limits import check_source

    check_source(path)  # a device, a pipe or a file over the size limit is refused before it is opened
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
            magic = head[:4]
    except OSError as error:
        raise SourceError(f"{path}: cannot read the file: {error.strerror or error}") from error
    if path.suffix.lower() in (".yaml", ".yml") and magic != b"PK\x03\x04":
        raise SourceError(f"{path}: this is standard data (YAML), which needs no import; use `progen show` or "
                          "`progen lint` on it, or import the published .txt or .docx of the standard")
    if b"%PDF" in head or path.suffix.lower() == ".pdf":
        from generator.ingest.pdf_reader import read_pdf_source

        return read_pdf_source(path)
    if magic == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        try:
            from generator.ingest.docx_reader import read_docx_source
        except ImportError as error:  # pragma: no cover - the DOCX reader ships with the package
            raise SourceError(f"{path}: DOCX standards are not supported by this installation") from error
        return read_docx_source(path)
    return read_text_source(path)


def import_standard(path: Path, lang: Optional[str] = None, layout: Optional[str] = None) -> Standard:
    """Read a professional standard as published (text, DOCX, PDF) and return its model.

    ``lang`` forces the label vocabulary (kk or ru); ``layout`` forces a layout parser. Mistakes of
    the source that can be read past are in ``standard.source.notes``, the account of every line of
    the cards in ``standard.source.account``. Raises SourceError / ImportFormatError with the file
    and line on anything that is not a standard or has no reading.
    """
    from generator.ingest import layouts
    from generator.ingest.repair_words import repair_items

    from generator.standard.model import drop_wordless_items
    from generator.standard.store import structure_problems

    doc = read_source(Path(path))
    standard = layouts.parse(doc, lang=lang, layout=layout)
    repair_items(standard)
    drop_wordless_items(standard)  # a table's «—» means "none"
    problems = structure_problems(standard)  # never write a file that `progen show` would refuse
    if problems:
        raise ImportFormatError(f"{Path(path).name}: the imported standard cannot be used: {problems[0]}")
    return standard
