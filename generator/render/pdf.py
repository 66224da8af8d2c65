"""DOCX → PDF through LibreOffice (``progen render --pdf``).

``soffice --headless --convert-to pdf --outdir DIR`` with a private, temporary user profile
(``-env:UserInstallation=file:///tmp/…``), so a conversion never touches the user's LibreOffice
settings and never collides with an open LibreOffice window.

``soffice --convert-to`` keeps the cached text of the table-of-contents field (Word refreshes it when it
opens the DOCX — w:updateFields —, LibreOffice does not). So when a Python with LibreOffice's ``uno``
module is available (Debian: python3-uno; Windows: LibreOffice's own program/python), the conversion
runs through ``lo_convert.py``, which updates every index before exporting: the PDF then has a real
table of contents with page numbers. Otherwise the plain conversion is used and the PDF's contents page
shows the hint to refresh it in Word.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
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


@functools.lru_cache(maxsize=4)
def uno_python(soffice: str) -> Optional[str]:
    """A Python interpreter that can ``import uno`` (LibreOffice's bridge), or None."""
    program_dir = Path(os.path.realpath(soffice)).parent
    candidates = [sys.executable, str(program_dir / "python"), str(program_dir / "python.exe"),
                  shutil.which("python3") or "", "/usr/bin/python3"]
    for candidate in dict.fromkeys(c for c in candidates if c and Path(c).is_file()):
        try:
            done = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return candidate
    return None


def _convert_with_uno(python: str, executable: str, profile: Path, documents: list[Path], work: Path) -> None:
    script = Path(__file__).with_name("lo_convert.py")
    command = [python, str(script), executable, profile.as_uri(), str(work), *map(str, documents)]
    try:
        subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT * max(1, len(documents)),
                       check=False)
    except subprocess.TimeoutExpired:
        pass  # whatever was not produced is converted the plain way


def convert_to_pdf(documents: list[Path], outdir: Optional[Path] = None) -> list[Path]:
    """Convert DOCX files to PDF next to them (or into ``outdir``); returns the PDF paths."""
    executable = soffice_path()
    if executable is None:
        raise ExportError(MISSING)
    results = []
    profile = Path(tempfile.mkdtemp(prefix="progen-lo-profile-"))
    python = uno_python(executable)
    try:
        for document in documents:
            document = Path(document)
            target_dir = Path(outdir) if outdir else document.parent
            work = Path(tempfile.mkdtemp(prefix=".pdf-", dir=target_dir))
            try:
                produced = work / (document.stem + ".pdf")
                if python:
                    _convert_with_uno(python, executable, profile, [document], work)
                if produced.exists():
                    os.replace(produced, target_dir / produced.name)
                    results.append(target_dir / produced.name)
                    continue
                command = [executable, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", "pdf", "--outdir", str(work), str(document)]
                try:
                    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
                except subprocess.TimeoutExpired as error:
                    raise ExportError(f"{document}: LibreOffice did not finish the PDF in {TIMEOUT} s") from error
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
