"""Reader for the official text as published online: tables flattened with ``TAB|TAB``.

One table row per line, cells separated by ``\\t|\\t``; a multi-line cell continues on the next
lines. Which plain line continues a cell and which starts a new paragraph is decided by the layout
parser (it knows the labels), so this reader only records lines faithfully.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from generator.exceptions import SourceError
from generator.ingest.blocks import Block, SourceDocument, decode_text


def read_text_source(path: Path) -> SourceDocument:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read the file: {error.strerror or error}") from error
    text = decode_text(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    blocks: list[Block] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        if "\t|\t" in raw:
            cells = [cell.strip() for cell in raw.split("\t|\t")]
            blocks.append(Block(cells=cells, line=number, is_row=True))
        else:
            blocks.append(Block(cells=[raw.strip()], line=number))
    return SourceDocument(path=path, blocks=blocks, sha256=hashlib.sha256(data).hexdigest(), reader="text")
