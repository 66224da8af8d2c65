"""Repair what the online publication broke: words glued where line breaks were lost.

The rules only ever insert a space; they never change a letter, so an item stays verbatim.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from generator.common.bounded_yaml import load_plain
from generator.standard.text import CYR_LOWER as _CYR_LOWER
from generator.standard.text import CYR_UPPER as _CYR_UPPER
from generator.standard.text import LOWER as _LOWER
from generator.standard.text import UPPER as _UPPER

_RULES = [
    # РеспубликасыныңКонституциясы, кейінгіМамандығы
    (re.compile(rf"(?<=[{_CYR_LOWER}])(?=[{_CYR_UPPER}][{_CYR_LOWER}])"), " "),
    # № 247қаулысы, Дағды 1ЖРО (a number glued to a following Cyrillic word)
    (re.compile(rf"(?<=\d)(?=[{_CYR_LOWER}{_CYR_UPPER}]{{2}})"), " "),
    # ғылымдар6B02, ғылымдар03 Әлеуметтік (a classifier code glued to the preceding word)
    (re.compile(rf"(?<=[{_CYR_LOWER}])(?=(?:\d[A-Z])?\d{{2}}\s+[{_CYR_UPPER}])"), " "),
    # бұйрығы(Нормативтік
    (re.compile(rf"(?<=[{_LOWER}])\((?=[{_UPPER}])"), " ("),
    # Мамандығы:6B01
    (re.compile(rf"(?<=[{_CYR_LOWER}]):(?=\d)"), ": "),
]


@functools.lru_cache(maxsize=1)
def _glued_words() -> dict[str, str]:
    data = load_plain(resources.files("generator.ingest").joinpath("data/repairs.yaml").read_text("utf-8"), "repairs.yaml")
    return dict(data.get("glued_words") or {})


def repair_glued(text: str) -> str:
    """Insert the spaces the publication lost; collapse runs of spaces."""
    for glued, repaired in _glued_words().items():
        text = text.replace(glued, repaired)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()
