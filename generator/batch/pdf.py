"""``--pdf``: each document also as PDF, through the render stage's LibreOffice conversion
(``generator.render.pdf``: private profile, table of contents refreshed when LibreOffice's UNO bridge
is there), written atomically like every output."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.exceptions import BuildError


def find_soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise BuildError("--pdf: LibreOffice is not installed (no 'soffice' on PATH); "
                         "install libreoffice-writer or build without --pdf")
    return found


def convert(docx: Path, pdf: Path) -> None:
    """Convert ``docx`` to ``pdf`` (any name, e.g. a temporary one) in a private work folder."""
    from generator.render.pdf import convert_to_pdf

    docx, pdf = Path(docx), Path(pdf)
    final_stem = pdf.name.split(".progen-tmp")[0].lstrip(".").removesuffix(".pdf").split(".pdf.")[0]
    work = Path(tempfile.mkdtemp(prefix=f".{pdf.name}.", suffix=".progen-tmp", dir=pdf.parent))
    try:
        source = work / f"{final_stem or 'document'}.docx"  # the PDF's title and file name come from it
        shutil.copyfile(docx, source)
        (produced,) = convert_to_pdf([source], outdir=work)
        os.replace(produced, pdf)
    finally:
        shutil.rmtree(work, ignore_errors=True)
