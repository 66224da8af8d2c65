"""Registry of layout parsers: each takes a SourceDocument and returns a Standard."""
from __future__ import annotations

from typing import Callable, Optional

from generator.exceptions import ImportFormatError
from generator.ingest.blocks import SourceDocument
from generator.standard.model import Standard

Parser = Callable[[SourceDocument, Optional[str]], Standard]


def _layout_2023(doc: SourceDocument, lang: Optional[str]) -> Standard:
    from generator.ingest.layout2023 import parse_standard

    if not doc.has_cells:
        return parse_standard(doc, lang)
    from generator.ingest.docx2023 import adapt

    try:
        return parse_standard(adapt(doc), lang)  # a Word/PDF copy: merged label cells, loosely worded labels
    except ImportFormatError as error:
        if "not a professional standard in a known layout" not in str(error):
            raise
        raise ImportFormatError(f"{error}; or the older layouts A/B with 'КАРТОЧКА ПРОФЕССИИ', "
                                "'Трудовая функция 1', 'Задача 1', 'Умения и навыки'") from error


def _layout_a(doc: SourceDocument, lang: Optional[str]) -> Standard:
    from generator.ingest.layout_atameken import parse_atameken

    return parse_atameken(doc, lang, "A")


def _layout_b(doc: SourceDocument, lang: Optional[str]) -> Standard:
    from generator.ingest.layout_atameken import parse_atameken

    return parse_atameken(doc, lang, "B")


# layout name → parser; the detectors (``DETECTORS`` below) say which layout a document looks like.
PARSERS: dict[str, Parser] = {"2023": _layout_2023, "A": _layout_a, "B": _layout_b}


def detect_layout(doc: SourceDocument) -> str:
    """The layout name for ``doc``; the 2023 layout is the default that reports what it expected."""
    for name, detector in DETECTORS.items():
        if detector(doc):
            return name
    return "2023"


def _structure(doc: SourceDocument) -> dict[str, bool]:
    """Which structural labels occur: decides between the 2023 layout and the older A and B.

    2023: 'Навык N' / 'Дағды N' under the labour functions. B: 'Задача N' under 'Трудовая функция N'.
    A: 'Трудовая функция N' with 'Умения (и навыки)' / 'Знания' and no skill level at all.
    """
    cached = getattr(doc, "_progen_structure", None)
    if cached is not None and cached[0] == len(doc.blocks):
        return cached[1]
    from generator.ingest.labels_atameken import LANGUAGES as OLD_LANGUAGES, atameken_labels
    from generator.ingest.vocabulary import LANGUAGES, vocabulary

    found = {"function": False, "task": False, "kind": False, "skill_2023": False, "chapter_2023": False,
             "card_heading": False}
    old = [atameken_labels(lang) for lang in OLD_LANGUAGES]
    new = [vocabulary(lang) for lang in LANGUAGES]
    for block in doc.blocks:
        for cell in block.cells:
            if not cell or len(cell) > 3000:
                continue
            for line in cell.split("\n")[:3]:
                if any(v.match("skill", line) for v in new):
                    found["skill_2023"] = True
                if any(v.match("chapter", line) for v in new):
                    found["chapter_2023"] = True
            if not found["card_heading"] and any(
                    labels.card_heading_name(cell) is not None or labels.field(cell, labels.passport)
                    for labels in old):
                found["card_heading"] = True  # or the passport of an older standard
            # labels start a cell, or a line of it when one cell holds function, task and lists
            lines = [line for line in cell.split("\n")[:60] if line.strip() and not line.lstrip()[:1].isdigit()]
            for labels in old:
                for line in lines:
                    if labels.numbered(line, labels.function):
                        found["function"] = True
                    elif labels.numbered(line, labels.skill):
                        found["task"] = True
                    elif labels.kind(line):
                        found["kind"] = True
    doc._progen_structure = (len(doc.blocks), found)  # type: ignore[attr-defined]
    return found


def _is_layout_b(doc: SourceDocument) -> bool:
    """Layout B; also an Atameken-style card («КАРТОЧКА ПРОФЕССИИ») with «Навык N» and no 2023 chapters."""
    found = _structure(doc)
    if not (found["function"] and found["task"]):
        return False
    return not found["skill_2023"] or (not found["chapter_2023"] and found["card_heading"])


def _is_layout_a(doc: SourceDocument) -> bool:
    """Layout A; also any document with the older card headings («КАРТОЧКА ПРОФЕССИИ») and nothing of
    the 2023 layout, so that a broken older standard gets the older layout's precise error."""
    found = _structure(doc)
    if found["skill_2023"] or found["chapter_2023"]:
        return False
    return (found["function"] and found["kind"] and not found["task"]) or found["card_heading"]


DETECTORS: dict[str, Callable[[SourceDocument], bool]] = {"B": _is_layout_b, "A": _is_layout_a}


def _line_kind(standard: Standard):
    """The classifier of card lines for the import's account, by layout and language."""
    if standard.source.layout == "2023":
        from generator.ingest.layout2023 import line_kind
        from generator.ingest.vocabulary import vocabulary

        return line_kind(vocabulary(standard.language))
    from generator.ingest.labels_atameken import atameken_labels
    from generator.ingest.layout_atameken import line_kind

    return line_kind(atameken_labels(standard.language))


def parse(doc: SourceDocument, lang: Optional[str] = None, layout: Optional[str] = None) -> Standard:
    """The standard in ``doc``, with the account of what became of every line of its cards and the
    notes of what was read past (``standard.source``)."""
    from generator.ingest import account

    name = layout or detect_layout(doc)
    if name not in PARSERS:
        raise ImportFormatError(f"unknown layout '{name}'; known layouts: {', '.join(sorted(PARSERS))}")
    standard = PARSERS[name](doc, lang)
    account.settle(doc, standard, _line_kind(standard))
    return standard
