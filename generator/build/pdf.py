"""DOCX → PDF through LibreOffice (``--pdf``), written atomically like every output."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.exceptions import BuildError

TIMEOUT = 180


def find_soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise BuildError("--pdf: LibreOffice is not installed (no 'soffice' on PATH); "
                         "install libreoffice-writer or build without --pdf")
    return found


def convert(docx: Path, pdf: Path) -> None:
    """Convert ``docx`` to ``pdf``; a private LibreOffice profile lets conversions run in parallel."""
    docx, pdf = Path(docx), Path(pdf)
    work = Path(tempfile.mkdtemp(prefix=f".{pdf.name}.", suffix=".progen-tmp", dir=pdf.parent))
    try:
        source = work / (pdf.stem + ".docx")
        shutil.copyfile(docx, source)
        profile = (work / "profile").as_uri()
        command = [find_soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(work), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as error:
            raise BuildError(f"{docx}: LibreOffice did not finish the PDF conversion in {TIMEOUT} s") from error
        produced = work / (pdf.stem + ".pdf")
        if done.returncode != 0 or not produced.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise BuildError(f"{docx}: LibreOffice could not convert it to PDF"
                             + (f": {detail[-1]}" if detail else ""))
        os.replace(produced, pdf)
    finally:
        shutil.rmtree(work, ignore_errors=True)
