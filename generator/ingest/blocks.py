"""The common currency of source readers: a document as paragraphs and table rows in order.

Every reader (published text, DOCX) turns its file into a list of Blocks; the layout parsers
read Blocks, so a new source format needs a reader and nothing else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.exceptions import SourceError


@dataclass
class Block:
    """A paragraph (one cell) or a table row (several cells). ``line`` is 1-based in the source."""

    cells: list[str]
    line: int
    is_row: bool = False
    # lines of each cell's continuation, relative to ``line`` (text sources only)
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.cells[0] if self.cells else ""


@dataclass
class SourceDocument:
    path: Path
    blocks: list[Block]
    sha256: str
    reader: str  # "text", "docx" or "pdf"
    pages: dict[int, int] = field(default_factory=dict)  # PDF: block line → page number
    # filled while parsing: what was read past, and the blocks of each card (for the account)
    notes: list = field(default_factory=list)
    regions: list = field(default_factory=list)

    @property
    def has_cells(self) -> bool:
        """Tables come as real cells (Word, PDF), not flattened into text lines (the published text)."""
        return self.reader in ("docx", "pdf")

    def note(self, line: int | None, code: str, message: str) -> None:
        """Record a problem of the source that the import read past (see ImportNote)."""
        from generator.standard.model import ImportNote

        self.notes.append(ImportNote(where=self.where(line), code=code, message=message))

    def where(self, line: int | None) -> str:
        if not line:
            return self.path.name
        page = self.pages.get(line)
        return f"{self.path.name}:{line} (page {page})" if page else f"{self.path.name}:{line}"


def read_bytes(path: Path) -> bytes:
    """The bytes of a source file within progen's size limit (generator/common/archive_limits.py), or a
    one-line SourceError naming it."""
    from generator.common.archive_limits import read_package

    return read_package(Path(path))


def row_blocks(cells: list[str], line: int) -> list[Block]:
    """A table row as Blocks: a row of one cell is its lines (a heading or text across the table),
    a row of several cells one row Block; an empty row nothing."""
    if not any(cells):
        return []
    if len(cells) == 1:
        return [Block(cells=[text], line=line) for text in cells[0].split("\n") if text]
    return [Block(cells=cells, line=line, is_row=True)]


_IMAGE_MAGIC = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"))
# control bytes that no text (UTF-8 or a legacy code page) contains: all but tab, line breaks,
# form feed and a DOS end-of-file mark (0x1a)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")


def decode_text(path: Path, data: bytes) -> str:
    """Decode a published text as UTF-8, or say clearly why it is not usable text."""
    name = path.name
    if not data.strip():
        raise SourceError(f"{name}: the file is empty; expected the published text of a professional standard")
    if data.startswith(b"PK\x03\x04"):
        raise SourceError(f"{name}: this is a ZIP/DOCX file, not text; import it as a .docx file")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError(
            f"{name}: this is an old binary Word (.doc) or encrypted Office file; "
            "open it in Word and save it as .docx, then import that"
        )
    if data.startswith(b"%PDF"):
        raise SourceError(f"{name}: this is a PDF; copy the text of the standard into a UTF-8 .txt file or use the .docx")
    for magic, kind in _IMAGE_MAGIC:
        if data.startswith(magic):
            raise SourceError(f"{name}: this is a {kind} image, not text; expected the published text of a "
                              "professional standard (UTF-8 .txt) or its .docx")
    nul = data.find(b"\x00")
    if nul >= 0:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise SourceError(f"{name}: the text is UTF-16; save it as UTF-8 and import again")
        raise SourceError(f"{name}: not a text file (binary data at byte {nul}); expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        control = _CONTROL_BYTES.search(data)
        if control:
            raise SourceError(f"{name}: not a text file (binary data at byte {control.start()}); "
                              "expected UTF-8 text") from error
        try:
            data.decode("cp1251")
            hint = "it looks like Windows-1251 (cp1251); save it as UTF-8 (in Notepad: Save as → Encoding UTF-8)"
        except UnicodeDecodeError:
            hint = "save it as UTF-8"
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(f"{name}:{line}: not UTF-8 text (byte {error.start}); {hint}") from error
