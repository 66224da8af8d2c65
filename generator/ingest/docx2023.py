"""The 2023 layout as a Word file: adapt DOCX blocks to what the 2023 parser reads.

The 2023 parser was written for the published text; a Word copy of the same standard differs in
two ways that this module evens out before parsing (DOCX only, the text path is untouched):

* A row under a label cell merged down the rows («Связь с другими профессиями в рамках ОРК» over
  its «6 | Директор центра» rows) comes with an empty first cell; the published text has no cell
  there. Such level rows lose the empty cell.
* Item numbers Word did not keep: a paragraph of the passport or the technical data that starts
  with an item's label («Код профессионального стандарта: …»), or a card heading («Карточка
  профессии «…»»), without its number gets a placeholder number so the parser sees the item.
* Rows drawn differently: a labour function in a full-width row of its own above its skill rows,
  a skill row without the function's cell, the recognition label and its value in one cell.
* Labels are worded loosely in Word copies: «Умение», «Умения и навыки» or «Знания» without the
  colon, typos in «Трудовая функцыя 2» or «Навик 1». A line that the 2023 vocabulary does not
  match but that is close to one of its labels (data: ``layout_2023_variants`` in
  each language pack's ``ingest.yaml``) is rewritten to the canonical label. Item lines (numbered) are never
  touched.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional

from generator.ingest.blocks import Block, SourceDocument
from generator.ingest.labels_atameken import _best_ratio, _data, normalise
from generator.ingest.vocabulary import LANGUAGES, vocabulary

_NUMBERED_HEADING = re.compile(r"^(?P<label>[^\d:\n]{4,40}?)\s*(?P<number>\d{1,2})(?!\d)(?P<rest>.*)$", re.DOTALL)
_LEVEL = re.compile(r"^\s*\d{1,2}(\s*[-–—]\s*\d{1,2})?\s*$")
_KEYS_2023 = ("function", "skill", "abilities", "knowledge", "recognition")


@functools.lru_cache(maxsize=1)
def _variants() -> dict:
    data = _data().get("layout_2023_variants", {})
    fuzzy = float(_data()["fuzzy"])
    return {lang: {kind: (entry["canonical"], tuple(entry["forms"])) for kind, entry in table.items()}
            for lang, table in data.items()} | {"_fuzzy": fuzzy}


def _known(line: str) -> bool:
    return any(vocabulary(lang).match(key, line) for lang in LANGUAGES for key in _KEYS_2023)


def canonical_line(line: str) -> str:
    """A loosely worded 2023 label → its canonical form; any other line unchanged."""
    return _canonical(line)[0]


def _canonical(line: str) -> tuple[str, Optional[tuple[str, str]]]:
    """(the line with a loosely worded label made canonical, and — when that label was misspelt,
    matched by similarity only and not one of the known variant forms — (label as written, label read))."""
    stripped = line.strip()
    if not stripped or stripped[0].isdigit() or _known(stripped):
        return line, None
    variants = _variants()
    fuzzy = variants["_fuzzy"]
    head, colon, after = stripped.partition(":")
    key = normalise(head)
    if key and len(key.split()) <= 4:
        for lang in LANGUAGES:
            for kind in ("abilities", "knowledge"):
                canonical, forms = variants[lang][kind]
                if _best_ratio(key, forms, fuzzy):
                    text = f"{canonical} {after.strip()}".rstrip() if colon and after.strip() else canonical
                    return text, None if key in forms else (head.strip(), canonical)
    heading = _NUMBERED_HEADING.match(stripped)
    if heading:
        label = normalise(heading.group("label"))
        for lang in LANGUAGES:
            for kind in ("function", "skill"):
                canonical, forms = variants[lang][kind]
                if _best_ratio(label, forms, fuzzy):
                    written = f"{heading.group('label').strip()} {heading.group('number')}"
                    return (f"{canonical} {heading.group('number')}{heading.group('rest')}",
                            None if label in forms else (written, f"{canonical} {heading.group('number')}"))
    return line, None


def _canonical_cell(cell: str, doc: SourceDocument, line: int) -> str:
    lines = []
    for text in cell.split("\n"):
        canonical, misspelt = _canonical(text)
        if misspelt:
            doc.note(line, "label-typo", f"the label '{misspelt[0]}' is read as '{misspelt[1]}'")
        lines.append(canonical)
    return "\n".join(lines)


_NUMBERED_PARAGRAPH = re.compile(r"^\s*\d+\s*\.\s+")
# paragraphs of chapters 2 and 4 that start a numbered item (by their label)
_ITEM_LABELS = {2: ("standard_title", "standard_code", "classifier", "description", "card_list"),
                4: ("state_body", "organisations", "sectoral_council", "national_body", "chamber", "version",
                    "review_date")}


def _unnumbered_item(text: str, chapter: int) -> bool:
    """A paragraph whose item number Word did not keep (no numbering, or a format we do not see)."""
    if _NUMBERED_PARAGRAPH.match(text):
        return False
    keys = _ITEM_LABELS.get(chapter, ())
    for lang in LANGUAGES:
        vocab = vocabulary(lang)
        if chapter == 3 and vocab.match("card_heading", f"0. {text}"):
            return True
        if any(vocab.match(key, text) and vocab.match(key, text).start() < 100 for key in keys):
            return True
    return False


def _matches(key: str, text: str) -> bool:
    return any(vocabulary(lang).match(key, text) for lang in LANGUAGES)


def _row_shape(cells: list[str]) -> list[str]:
    """Cells as the published text has them."""
    if len(cells) >= 3 and not cells[0] and _LEVEL.match(cells[1]):
        return cells[1:]  # a level row under the merged «related professions» label
    if cells and _matches("skill", cells[0]):
        return ["", *cells]  # a skill row whose function cell is not drawn at all
    if cells and _matches("recognition", cells[-1]) and ":" in cells[-1]:
        label, _, value = cells[-1].partition(":")
        if value.strip():  # «Возможность признания навыка: рекомендуется» in one cell
            return [*cells[:-1], label.strip(), value.strip()]
    return cells


def adapt(doc: SourceDocument) -> SourceDocument:
    blocks: list[Block] = []
    chapter = 0
    for block in doc.blocks:
        cells = [_canonical_cell(cell, doc, block.line) for cell in block.cells]
        if block.is_row:
            cells = _row_shape(cells)
        elif chapter == 3 and _matches("function", cells[0]):
            # «Трудовая функция 1: …» in a row of its own, across the table: the row of the function
            blocks.append(Block(cells=cells, line=block.line, is_row=True))
            continue
        elif chapter == 3 and _matches("recognition", cells[0]):
            # «Возможность признания навыка: рекомендуется» across the table
            label, _, value = cells[0].partition(":")
            blocks.append(Block(cells=[label.strip(), value.strip()], line=block.line, is_row=True))
            continue
        if not block.is_row:
            heading = next((m for m in (vocabulary(lang).match("chapter", cells[0]) for lang in LANGUAGES) if m), None)
            if heading:
                chapter = int(heading.group(1))
            elif _unnumbered_item(cells[0], chapter):
                # the parser groups chapters 2–4 by item numbers; the number itself is not kept
                cells = [f"0. {cells[0]}"]
        blocks.append(Block(cells=cells, line=block.line, is_row=block.is_row))
    return replace(doc, blocks=blocks)
