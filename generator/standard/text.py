"""What the text of a standard's items must not look like: words the publication glued together.

The importer repairs these (``generator.ingest.repair``) and lint reports what is left, so both use the
character classes and the detector defined here (the standard stage never imports the importer).
"""
from __future__ import annotations

import re

LOWER = "a-zа-яёәғқңөұүһі"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
CYR_LOWER = "а-яёәғқңөұүһі"
CYR_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"

_GLUED = re.compile(rf"\S*[{CYR_LOWER}][{CYR_UPPER}][{CYR_LOWER}]\S*|\S*\d[{CYR_LOWER}{CYR_UPPER}]{{2,}}\S*")


def find_glued(text: str) -> list[str]:
    """Words that still look glued (for lint and tests): a lower-case letter directly before a
    capital (``РеспубликасыныңКонституциясы``), or a number run into a word (``247қаулысы``, ``1ЖРО``)."""
    return _GLUED.findall(text)


def has_words(text: str) -> bool:
    """Whether a text says anything: at least one letter or digit. An item of dashes («—», common in
    published tables for "none"), punctuation, spaces or invisible characters (zero-width spaces) has none."""
    return any(ch.isalnum() for ch in text)
