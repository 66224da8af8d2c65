"""Post-processing of a rendered document on its XML (lxml elements), shared by both render paths.

The docxtpl path passes python-docx's elements, the prepared path (:mod:`generator.render.prepared`)
the elements of the parts it renders itself; both therefore change the XML in exactly the same way:

* numbered lists restart in every block (:func:`restart_numbering`);
* the spell-check language of the document defaults (:func:`set_language`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from lxml import etree

# elements that follow w:numPr in w:pPr (schema order; Word rejects a document otherwise)
_AFTER_NUMPR = tuple(qn(name) for name in ("w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"))
NUMBERED_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")
_P, _PPR, _PSTYLE, _NUMPR = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:numPr")
_VAL = qn("w:val")
_NUMBERED = etree.XPath("w:p[w:pPr/w:pStyle/@w:val[" + " or ".join(f". = $s{i}" for i in range(len(NUMBERED_STYLES)))
                        + "]]", namespaces={"w": nsmap["w"]})


@dataclass(frozen=True)
class NumberingPlan:
    """What numbering restarts need from a template: the numbered list styles and their numbering.

    ``style_num``: list style id → its w:numId; ``abstract_of``: w:numId → w:abstractNumId;
    ``next_id``: the first free w:numId.
    """

    style_num: dict[str, str]
    abstract_of: dict[str, str]
    next_id: int

    @classmethod
    def of(cls, styles, numbering) -> Optional["NumberingPlan"]:
        """From the roots of styles.xml and numbering.xml; None when no numbered list style applies."""
        if numbering is None:  # a template without numbering definitions
            return None
        style_num: dict[str, str] = {}
        for style_id in NUMBERED_STYLES:
            style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
            if style is None:
                continue
            num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if num_id is not None:
                style_num[style_id] = num_id.get(_VAL)
        if not style_num:
            return None
        abstract_of = {num.get(qn("w:numId")): num.find(qn("w:abstractNumId")).get(_VAL)
                       for num in numbering.findall(qn("w:num"))}
        return cls(style_num, abstract_of, max((int(n) for n in abstract_of), default=0) + 1)


def _insert_before(parent, element, tags) -> None:
    """python-docx's ``insert_element_before`` on plain lxml: before the first child with the first
    of ``tags`` that ``parent`` has (one pass over the children instead of a find per tag)."""
    first: dict = {}
    for child in parent:
        first.setdefault(child.tag, child)
    for tag in tags:
        if tag in first:
            first[tag].addprevious(element)
            return
    parent.append(element)


def _style_of(element) -> Optional[str]:
    """The paragraph style of a body child (None for tables, comments …)."""
    if element is None or element.tag != _P:
        return None
    style = element.find(f"{_PPR}/{_PSTYLE}")
    return style.get(_VAL) if style is not None else None


def restart_numbering(body, plan: Optional[NumberingPlan]) -> list:
    """Give every block of consecutive numbered-list paragraphs its own numbering, starting at 1.

    docxtpl repeats the template paragraph, so without this the criteria of module 3 would
    continue the numbers of module 2. A block is a run of body paragraphs of one numbered style
    (a paragraph with its own w:numPr keeps it and does not end the block). Adds a w:numPr to the
    paragraphs of ``body`` and returns the w:num elements (one per block) the caller appends to
    numbering.xml.
    """
    if plan is None:
        return []
    added: list = []
    next_id = plan.next_id
    current: Optional[str] = None
    # the body's paragraphs in a numbered style (found by libxml2; the loop sees only those)
    for element in _NUMBERED(body, **{f"s{i}": style for i, style in enumerate(NUMBERED_STYLES)}):
        style_id = _style_of(element)
        if style_id not in plan.style_num or element.find(f"{_PPR}/{_NUMPR}") is not None:
            continue
        if style_id != _style_of(element.getprevious()):
            abstract = plan.abstract_of.get(plan.style_num[style_id])
            current = None
            if abstract is not None:
                current = str(next_id)
                next_id += 1
                added.append(parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{current}"><w:abstractNumId w:val="{abstract}"/>'
                    f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        if current is not None:
            _insert_before(element.find(_PPR), parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current}"/></w:numPr>'), _AFTER_NUMPR)
    return added


def set_language(styles, tag: str) -> bool:
    """Spell-check language of the document defaults, in the root of styles.xml: the language pack's
    Word tag (kk-KZ, ru-RU). Returns whether styles.xml was changed."""
    if not tag:
        return False
    rpr = styles
    for name in ("w:docDefaults", "w:rPrDefault", "w:rPr"):
        rpr = rpr.find(qn(name))
        if rpr is None:
            return False
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{tag}" w:eastAsia="{tag}" w:bidi="ar-SA"/>'))
    return True
