"""Word refuses ("unreadable content") property elements out of schema order; check the ones we write."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from generator.render import builtin_dir, render_document
from helpers import KINDS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "trPr": ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
             "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
              "tblCaption", "tblDescription"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"],
}
SETTINGS_TAIL = ["updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids"]


def _check(xml: bytes, where: str) -> None:
    root = etree.fromstring(xml)
    for name, order in ORDER.items():
        for element in root.iter(W + name):
            children = [etree.QName(c).localname for c in element if etree.QName(c).namespace == W[1:-1]]
            known = [c for c in children if c in order]
            assert known == sorted(known, key=order.index), (where, name, children)


@pytest.mark.parametrize("kind", KINDS)
def test_templates_and_rendered_documents_keep_schema_order(kind, sample, tmp_path):
    rendered = render_document(sample, kind, tmp_path / f"{kind}.docx")
    for path in (builtin_dir() / f"{kind}.docx", rendered):
        with zipfile.ZipFile(path) as archive:
            for name in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
                _check(archive.read(name), f"{path.name}:{name}")
            settings = [etree.QName(c).localname for c in etree.fromstring(archive.read("word/settings.xml"))]
            tail = [c for c in settings if c in SETTINGS_TAIL]
            assert tail == sorted(tail, key=SETTINGS_TAIL.index) and "updateFields" in tail
