"""Split a numbered list that the publication ran together: ``1. …;2. …;3. …``.

A list is split only where the *expected next* number starts an item after a boundary
(start, ``;``, ``.``, a line break), so numbers inside items (``2023 – 2029``, ``№ 19619``,
``84.12``, ``п. 3.1``) are never taken for item numbers.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

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


_LINE_START_1 = re.compile(r"\n[ \t]*1\s*[.)](?!\d)\s*(?=\S)")


def restart_at(text: str) -> Optional[int]:
    """Where a numbered list starts again at 1, on a line of its own, after its first item (two
    lists run together, the label between them lost), or None. A «1.» inside a line (``…;1. …``)
    is a numbering mistake, not a new list."""
    offset = len(text) - len(text.lstrip())
    first = _start(1).match(text[offset:])
    if not first:
        return None
    again = _LINE_START_1.search(text, offset + first.end())
    return again.start() + 1 if again else None


class _Broken(Exception):
    """The list's numbering is broken; the message says how (without the place)."""


def split_numbered(text: str, where: str, on_problem: Optional[Callable[[str], None]] = None) -> list[str]:
    """Return the items of a numbered list.

    Broken numbering (an item number used twice, one missing, a list that does not start at 1)
    raises ImportFormatError naming ``where`` (e.g. ``"file.txt:123: card 1210-0-020, function 2,
    abilities"``) — or, with ``on_problem``, is read loosely: every number at an item's start (after
    a line break, ``;`` or ``.``, before a letter or quote) starts an item, in the order written, and
    ``on_problem`` is told what was found and how it was read.
    """
    try:
        return _split_strictly(text)
    except _Broken as problem:
        if on_problem is None:
            raise ImportFormatError(f"{where}: {problem}") from None
        items = _split_loosely(text)
        on_problem(f"{problem.args[0].split('; ')[0]}; read as {len(items)} items in the order written")
        return items


def _split_strictly(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    first = _start(1).match(text)
    if not first:
        # a list of one item without a number
        if re.match(r"^\s*\d+\s*[.)]\s", text):
            number = re.match(r"^\s*(\d+)", text).group(1)
            raise _Broken(f"the list starts with item {number}, expected 1")
        item = clean_item(text)
        return [item] if item else []  # only list punctuation (";" left in an empty cell): no item
    items: list[str] = []
    position = first.end()
    number = 1
    while True:
        following = _start(number + 1).search(text, position)
        end = following.start() if following else len(text)
        body = text[position:end]
        _check_stray_number(body, number)
        items.append(clean_item(body))
        if not following:
            break
        position = following.end()
        number += 1
    return items


_ANY_START = re.compile(r"(?:^|(?<=[;.\n:!?]))\s*\d{1,2}\s*[.)](?!\d)\s*(?=[^\W\d_]|[\"«“])")


def _split_loosely(text: str) -> list[str]:
    starts = list(_ANY_START.finditer(text))
    if not starts:
        return [clean_item(text)] if text.strip() else []
    ends = [match.start() for match in starts[1:]] + [len(text)]
    head = text[: starts[0].start()].strip()
    items = [clean_item(head)] if head else []
    items += [clean_item(text[match.end():end]) for match, end in zip(starts, ends)]
    return [item for item in items if item]


def _check_stray_number(body: str, number: int) -> None:
    """An item that contains another item start (``;2. Capital``) means the numbering is broken."""
    for match in re.finditer(r"(?:(?<=[;\n])|(?<=\.\s)|(?<=[;.]))\s*(\d{1,2})\s*\.\s*(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"«])", body):
        found = int(match.group(1))
        if found == number + 1:
            continue
        if found <= number:
            raise _Broken(f"item number {found} appears again after item {number}; "
                          "fix the duplicated numbering in the source")
        raise _Broken(f"item {number} is followed by item {found}; item {number + 1} is missing — "
                      "fix the numbering in the source")
