"""Split a numbered list that the publication ran together: ``1. …;2. …;3. …``.

A list is split only where the *expected next* number starts an item after a boundary
(start, ``;``, ``.``, a line break), so numbers inside items (``2023 – 2029``, ``№ 19619``,
``84.12``, ``п. 3.1``) are never taken for item numbers.
"""
from __future__ import annotations

import re

from generator.exceptions import ImportFormatError

_ABBREVIATIONS = ("т.б.", "т.с.с.", "т.т.", "и т.д.", "и т.п.", "и др.", "т.е.")
# "3.1" (a clause number inside an item) is not the start of item 3: no digit right after the dot
_ITEM_START = r"(?:^|(?<=[;.\n:!?]))\s*{n}\s*[.)](?!\d)\s*(?=\S)"


def _start(number: int) -> re.Pattern[str]:
    return re.compile(_ITEM_START.format(n=number))


def clean_item(text: str) -> str:
    """Collapse whitespace and drop the list punctuation after an item (not an abbreviation's dot)."""
    text = re.sub(r"\s+", " ", text).strip()
    while text:  # "…;", "…,", "…." and combinations such as "…,." (each stripped in turn)
        if text[-1] in ";,":
            text = text[:-1].rstrip()
        elif text.endswith(".") and not text.endswith(_ABBREVIATIONS) and not text.endswith(".."):
            text = text[:-1].rstrip()
        else:
            break
    return text


def split_numbered(text: str, where: str) -> list[str]:
    """Return the items of a numbered list, raising ImportFormatError on broken numbering.

    ``where`` names the place for messages, e.g. ``"file.txt:123: card 1210-0-020, function 2, abilities"``.
    """
    text = text.strip()
    if not text:
        return []
    first = _start(1).match(text)
    if not first:
        # a list of one item without a number
        if re.match(r"^\s*\d+\s*[.)]\s", text):
            number = re.match(r"^\s*(\d+)", text).group(1)
            raise ImportFormatError(f"{where}: the list starts with item {number}, expected 1")
        item = clean_item(text)
        return [item] if item else []  # only list punctuation (";" left in an empty cell): no item
    items: list[str] = []
    position = first.end()
    number = 1
    while True:
        following = _start(number + 1).search(text, position)
        end = following.start() if following else len(text)
        body = text[position:end]
        _check_stray_number(body, number, where)
        items.append(clean_item(body))
        if not following:
            break
        position = following.end()
        number += 1
    return items


def _check_stray_number(body: str, number: int, where: str) -> None:
    """An item that contains another item start (``;2. Capital``) means the numbering is broken."""
    for match in re.finditer(r"(?:(?<=[;\n])|(?<=\.\s)|(?<=[;.]))\s*(\d{1,2})\s*\.\s*(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"«])", body):
        found = int(match.group(1))
        if found == number + 1:
            continue
        if found <= number:
            raise ImportFormatError(
                f"{where}: item number {found} appears again after item {number}; "
                "fix the duplicated numbering in the source"
            )
        raise ImportFormatError(
            f"{where}: item {number} is followed by item {found}; item {number + 1} is missing — "
            "fix the numbering in the source"
        )
