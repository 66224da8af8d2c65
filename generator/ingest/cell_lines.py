"""Lines of one table cell (or of the body) as a reader meets them, with list numbers made explicit.

Shared by the DOCX and PDF readers: both hand over paragraphs or lines, auto-numbered or typed, and
both need the same decisions — what is a label, what continues the line before, where a list restarts.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

_LOWER = "a-zа-яёәғқңөұүһі"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
TYPED_NUMBER = re.compile(r"^\s*(\d{1,3})\s*([.)])(?!\d)\s*(?=\S)")
_BARE_NUMBER = re.compile(rf"^\s*(\d{{1,2}})\s+(?=[{_UPPER}\"«])")
_STARTS_LOWER = re.compile(rf"^[{_LOWER}]")
_STARTS_ITEMLIKE = re.compile(rf"^[{_UPPER}\"«“(]")
_TYPED_BULLET = re.compile(r"^[-–—•·▪◦*]\s+(?=\S)")
_CONTACT = re.compile(r"^(\S+@\S+|https?://\S+|www\.\S+)")  # an e-mail or web address on its own line
_TYPED_MARK = re.compile(r"^([•·▪◦‣\uf0b7\uf0a7\uf0d8\uf076\uf06e]\s*|[-–—*]\s+)")  # a bullet typed as well


def is_label(text: str, colon: bool = True) -> bool:
    """A heading inside a cell or list: it ends a list and is never numbered itself.

    A known structural label (any layout, kk or ru) always is; with ``colon`` so is any short
    line ending in a colon («Квалификация:»).
    """
    if colon and text.endswith(":") and len(text) <= 80:
        return True
    return any(pattern.search(text) for pattern in _label_patterns())


@functools.lru_cache(maxsize=1)
def _label_patterns() -> tuple[re.Pattern[str], ...]:
    from generator.ingest.labels_atameken import label_patterns
    from generator.ingest.vocabulary import LANGUAGES, vocabulary

    patterns = list(label_patterns())
    for lang in LANGUAGES:
        vocab = vocabulary(lang)
        for key in ("function", "skill", "abilities", "knowledge", "recognition", "mandatory", "additional",
                    "function_list", "function_descriptions"):
            patterns.append(vocab.patterns[key])
    return tuple(patterns)


class CellLines:
    """The lines of one cell (or of the body), with list numbers made explicit."""

    def __init__(self, in_cell: bool, body_counters: Optional[dict] = None):
        self.in_cell = in_cell
        self.lines: list[str] = []
        self.kinds: list[str] = []  # "label", "item", "text"
        self.counter = 0
        self.base_level: Optional[int] = None
        self.body_counters = body_counters if body_counters is not None else {}

    def _append(self, text: str, kind: str) -> None:
        self.lines.append(text)
        self.kinds.append(kind)

    def _join(self, text: str) -> None:
        previous = self.lines[-1]
        glue = "" if previous.endswith("-") and not previous.endswith(" -") else " "
        self.lines[-1] = previous + glue + text

    def _continues(self, text: str) -> bool:
        return bool(
            _STARTS_LOWER.match(text)
            and not _CONTACT.match(text)
            and self.lines
            and self.kinds[-1] != "label"
            and not self.lines[-1].endswith((";", ":"))
        )

    def add_paragraph(self, text: str, numbering) -> None:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if numbering is not None and lines:
            # an auto-numbered paragraph is one item, whatever line breaks it holds
            self._add_line(" ".join(lines), numbering)
            return
        for line in lines:
            self._add_line(line, None)

    def _add_line(self, text: str, numbering) -> None:
        if numbering is not None:
            self._auto(text, numbering)
            return
        typed = TYPED_NUMBER.match(text)
        if not typed and is_label(text):
            self._append(text, "label")
            self.counter, self.base_level = 0, None
            return
        bare = _BARE_NUMBER.match(text) if not typed else None
        if bare and self.in_cell and int(bare.group(1)) == self.counter + 1:
            typed = bare
        if typed:
            number = int(typed.group(1))
            delimiter = typed.group(2) if typed.re is TYPED_NUMBER else "."
            rest = text[typed.end():].strip()
            if self.in_cell and (self.counter > 0 or number == 1):
                self.counter = number
                self._append(f"{number}{delimiter} {rest}", "item")
            else:
                self._append(text, "text")
            return
        bullet = _TYPED_BULLET.match(text) if self.in_cell else None
        if bullet:  # «- пункт», «• пункт» typed by hand: an item like an auto-numbered one
            self.counter += 1
            self._append(f"{self.counter}. {text[bullet.end():]}", "item")
            return
        if self._continues(text):
            self._join(text)
            return
        if self.in_cell and self.counter > 0 and self.kinds and self.kinds[-1] == "item" \
                and _STARTS_ITEMLIKE.match(text):
            self.counter += 1
            self._append(f"{self.counter}. {text}", "item")
            return
        self._append(text, "text")

    def _auto(self, text: str, numbering) -> None:
        key, level, fmt, delimiter, start = numbering
        if self.in_cell and is_label(text, colon=False) and not TYPED_NUMBER.match(text):
            # a heading styled as a list item («Задача 2:» with a bullet): not an item
            self._append(text, "label")
            self.counter, self.base_level = 0, None
            return
        if self.in_cell:
            if self.base_level is None or level < self.base_level:
                self.base_level = level
            if level > self.base_level and self.kinds and self.kinds[-1] == "item":
                self._join(text)
                return
            typed = TYPED_NUMBER.match(text)
            if typed and int(typed.group(1)) == self.counter + 1:
                text = text[typed.end():].strip()
            self.counter += 1
            self._append(f"{self.counter}{delimiter} {_TYPED_MARK.sub('', text).strip()}", "item")
            return
        counters = self.body_counters
        number = counters.get((key, level), start - 1) + 1
        counters[(key, level)] = number
        for deeper in [k for k in counters if k[0] == key and k[1] > level]:
            del counters[deeper]
        if fmt == "bullet":
            self._append(text, "text")
        else:
            self._append(f"{number}{delimiter} {text}", "item")

    def text(self) -> str:
        return "\n".join(self.lines)
