"""Documents made for a download: rendered into a private temporary folder, read, and the folder removed.

Nothing is written into the workspace: a download is the trainer's copy, and ``output/`` stays the
build's (its record and hand-edit detection are not disturbed).
"""
from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.common.files import safe_filename_part
from generator.render import render_document

MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".md": "text/markdown; charset=utf-8",
    ".zip": "application/zip",
}


@dataclass
class Download:
    name: str
    data: bytes

    @property
    def mimetype(self) -> str:
        return MIME_TYPES.get(Path(self.name).suffix, "application/octet-stream")


def pdf_available() -> bool:
    from generator.render.pdf import soffice_path

    return soffice_path() is not None


def _render(program, kind: str, workspace, folder: Path, pdf: bool) -> list[Path]:
    document = workspace.kind(kind)
    path = render_document(program, kind, folder / document.output_name(program.card_code, program.language),
                           workspace)
    if pdf and document.pdf:
        from generator.render.pdf import convert_to_pdf

        return [path, *convert_to_pdf([path])]
    return [path]


def one_document(program, kind: str, workspace, as_pdf: bool = False) -> Download:
    """One document of ``kind``: its DOCX (or Markdown), or with ``as_pdf`` its PDF."""
    with tempfile.TemporaryDirectory(prefix="progen-download-") as folder:
        paths = _render(program, kind, workspace, Path(folder), as_pdf)
        chosen = paths[-1]
        return Download(chosen.name, chosen.read_bytes())


def all_documents(program, kinds, workspace, with_pdf: bool = False) -> Download:
    """Every document of ``kinds`` (and their PDFs) in one ZIP named after the card and the language."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="progen-download-") as folder:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for kind in kinds:
                for path in _render(program, kind, workspace, Path(folder), with_pdf):
                    archive.write(path, path.name)
    name = f"{safe_filename_part(program.card_code)}_{safe_filename_part(program.language)}.zip"
    return Download(name, buffer.getvalue())
