"""Registry of layout parsers: each takes a SourceDocument and returns a Standard."""
from __future__ import annotations

from typing import Callable, Optional

from generator.exceptions import ImportFormatError
from generator.ingest.blocks import SourceDocument
from generator.standard.model import Standard

Parser = Callable[[SourceDocument, Optional[str]], Standard]


def _layout_2023(doc: SourceDocument, lang: Optional[str]) -> Standard:
    from generator.ingest.layout2023 import parse_standard

    return parse_standard(doc, lang)


# name → (parser, detector). A detector returns True when the document looks like that layout.
PARSERS: dict[str, Parser] = {"2023": _layout_2023}


def detect_layout(doc: SourceDocument) -> str:
    """The layout name for ``doc``; the 2023 layout is the default that reports what it expected."""
    for name, detector in DETECTORS.items():
        if detector(doc):
            return name
    return "2023"


DETECTORS: dict[str, Callable[[SourceDocument], bool]] = {}


def parse(doc: SourceDocument, lang: Optional[str] = None, layout: Optional[str] = None) -> Standard:
    name = layout or detect_layout(doc)
    if name not in PARSERS:
        raise ImportFormatError(f"unknown layout '{name}'; known layouts: {', '.join(sorted(PARSERS))}")
    return PARSERS[name](doc, lang)
