"""DOCX → PDF through LibreOffice (``progen render --pdf``).

``soffice --headless --convert-to pdf --outdir DIR`` with a private, temporary user profile
(``-env:UserInstallation=file:///tmp/…``), so a conversion never touches the user's LibreOffice
settings and never collides with an open LibreOffice window.
Note: LibreOffice does not refresh the table-of-contents field on conversion; Word does when it opens
the DOCX (w:updateFields), so the DOCX is the document to hand out, the PDF a preview.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from generator.exceptions import ExportError

TIMEOUT = 240
MISSING = ("PDF not written: LibreOffice is not installed (no 'soffice' or 'libreoffice' on PATH). "
           "Install it (Debian/Ubuntu: apt-get install libreoffice-writer; Windows: libreoffice.org) "
           "or open the DOCX in Word and save as PDF.")


def soffice_path() -> Optional[str]:
    """The LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: list[Path], outdir: Optional[Path] = None) -> list[Path]:
    """Convert DOCX files to PDF next to them (or into ``outdir``); returns the PDF paths."""
    executable = soffice_path()
    if executable is None:
        raise ExportError(MISSING)
    results = []
    profile = Path(tempfile.mkdtemp(prefix="progen-lo-profile-"))
    try:
        for document in documents:
            document = Path(document)
            target_dir = Path(outdir) if outdir else document.parent
            work = Path(tempfile.mkdtemp(prefix=".pdf-", dir=target_dir))
            try:
                command = [executable, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", "pdf", "--outdir", str(work), str(document)]
                try:
                    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
                except subprocess.TimeoutExpired as error:
                    raise ExportError(f"{document}: LibreOffice did not finish the PDF in {TIMEOUT} s") from error
                produced = work / (document.stem + ".pdf")
                if done.returncode != 0 or not produced.exists():
                    detail = (done.stderr or done.stdout or "").strip().splitlines()
                    raise ExportError(f"{document}: LibreOffice could not convert it to PDF"
                                      + (f": {detail[-1]}" if detail else ""))
                pdf = target_dir / produced.name
                os.replace(produced, pdf)  # atomic: never a half-written PDF
                results.append(pdf)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return results
