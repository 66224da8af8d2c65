"""Building blocks of the built-in Word templates (used by ``make_builtin_templates``).

The base document (A4 page, margins, Times New Roman in every font slot, the styles Normal, Heading 1–3,
Table Grid, Table Text, List Number …) and content helpers: paragraphs, Jinja tag paragraphs and rows,
fixed-width tables, a table of contents field. The layout decisions are listed in the docstring of
``make_builtin_templates``.
"""
from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15  # 165 mm between the margins


# Schema order matters to Word ("unreadable content" otherwise): children are inserted before the
# first element that must follow them.
_TBLPR_AFTER = {
    "w:tblW": ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
               "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:tblBorders": ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:tblLayout": ("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:tblCellMar": ("w:tblLook", "w:tblCaption", "w:tblDescription"),
}
_TRPR_AFTER = {
    "w:cantSplit": ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                    "w:trPrChange"),
    "w:trHeight": ("w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
    "w:tblHeader": ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
}
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def _add_tbl_pr(tbl_pr, xml: str, tag: str) -> None:
    for old in tbl_pr.findall(qn(tag)):
        tbl_pr.remove(old)
    tbl_pr.insert_element_before(parse_xml(xml), *_TBLPR_AFTER[tag])


def add_tr_pr(tr_pr, xml: str, tag: str) -> None:
    for old in tr_pr.findall(qn(tag)):
        tr_pr.remove(old)
    tr_pr.insert_element_before(parse_xml(xml), *_TRPR_AFTER[tag])


# -- styles ---------------------------------------------------------------------------------
def _set_fonts(rpr_parent) -> None:
    """Times New Roman in all four slots, no theme fonts."""
    rpr = rpr_parent.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>')
    rpr.insert(0, fonts)


def _style(doc, name: str, base: str | None = "Normal", *, size: float | None = None, bold: bool | None = None,
           italic: bool | None = None, align=None, first_line: float | None = None, left: float | None = None,
           hanging: float | None = None, before: float | None = None, after: float | None = None,
           keep_next: bool | None = None, caps: bool | None = None, kind=WD_STYLE_TYPE.PARAGRAPH):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, kind)
    if base is not None and style.name != base:
        style.base_style = styles[base]
    _set_fonts(style.element)
    font = style.font
    font.color.rgb = RGBColor(0, 0, 0)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if caps is not None:
        font.all_caps = caps
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if first_line is not None:
        fmt.first_line_indent = Cm(first_line)
    if left is not None:
        fmt.left_indent = Cm(left)
    if hanging is not None:
        fmt.first_line_indent = Cm(-hanging)
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_next is not None:
        fmt.keep_with_next = keep_next
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    return style


def _list_indent(doc, style_name: str, left_twips: int, hanging_twips: int) -> None:
    """Indent of the first list level in numbering.xml (Word lets it win over the style): room for «10.»."""
    style = doc.styles[style_name].element
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    ppr = level.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse_xml(f'<w:pPr {nsdecls("w")}/>')
        level.append(ppr)
    for old in ppr.findall(qn("w:ind")) + ppr.findall(qn("w:tabs")):
        ppr.remove(old)
    ppr.append(parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="num" w:pos="{left_twips}"/></w:tabs>'))
    ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:left="{left_twips}" w:hanging="{hanging_twips}"/>'))


def base_document(body_size: float = 14, title_page: bool = True):
    doc = Document()
    # document defaults: Times New Roman everywhere, no theme fonts
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr_default.findall(qn("w:rFonts")):
        rpr_default.remove(old)
    rpr_default.insert(0, parse_xml(
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        defaults.remove(ppr_default)
    defaults.append(parse_xml(f'<w:pPrDefault {nsdecls("w")}><w:pPr><w:spacing w:after="0" w:line="240" '
                              f'w:lineRule="auto"/></w:pPr></w:pPrDefault>'))

    normal = _style(doc, "Normal", None, size=body_size, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=1.25,
                    before=0, after=0)
    normal.font.name = FONT
    _style(doc, "Heading 1", "Normal", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=0,
           before=12, after=6, keep_next=True, italic=False)
    _style(doc, "Heading 2", "Normal", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=0,
           before=10, after=4, keep_next=True, italic=False)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.keep_together = True
    _style(doc, "Title Line", "Normal", align=WD_ALIGN_PARAGRAPH.CENTER, first_line=0)
    _style(doc, "Title Big", "Normal", size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=0,
           before=6, after=6)
    _style(doc, "Approval", "Normal", align=WD_ALIGN_PARAGRAPH.LEFT, first_line=0)
    _style(doc, "Contents Heading", "Normal", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=0, after=12)
    _style(doc, "Label", "Normal", bold=True, first_line=0, before=6, keep_next=True,
           align=WD_ALIGN_PARAGRAPH.LEFT)
    _style(doc, "Outcome", "Normal", left=1.25, hanging=1.25 if body_size >= 14 else 1.0)
    _style(doc, "Reference", "Normal", left=1.0, hanging=1.0)
    _style(doc, "Annex Mark", "Normal", align=WD_ALIGN_PARAGRAPH.RIGHT, first_line=0)
    _style(doc, "Sign Line", "Normal", first_line=0, before=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _style(doc, "Small Note", "Normal", size=max(body_size - 2, 10), italic=True, first_line=0, before=6)
    _style(doc, "Table Text", "Normal", size=12 if body_size >= 14 else 11, align=WD_ALIGN_PARAGRAPH.LEFT,
           first_line=0)
    _style(doc, "Table Head", "Table Text", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "Table Number", "Table Text", align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "Table Small", "Table Text", size=10 if body_size >= 14 else 9)
    _style(doc, "Table Head Small", "Table Head", size=10 if body_size >= 14 else 9)
    for name in ("List Number", "List Bullet"):
        _style(doc, name, "Normal", first_line=0, left=1.25, hanging=0.75)
        _list_indent(doc, name, left_twips=709, hanging_twips=425)
    for name, left in (("TOC 1", 0), ("TOC 2", 0.5)):
        _style(doc, name, "Normal", first_line=0, left=left, align=WD_ALIGN_PARAGRAPH.LEFT)
    _style(doc, "Header", "Normal", first_line=0, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "Footer", "Normal", first_line=0, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = title_page
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))

    # Word refreshes fields (the table of contents, page numbers) when it opens the document
    settings = doc.settings.element
    settings.insert_element_before(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'),
                                   *_SETTINGS_AFTER_UPDATE_FIELDS)
    return doc


# -- content helpers ------------------------------------------------------------------------
def para(doc_or_cell, text: str = "", style: str = "Normal", *, bold_prefix: str | None = None):
    """A paragraph; ``bold_prefix`` becomes a bold run before ``text`` (both may hold Jinja tags)."""
    paragraph = doc_or_cell.add_paragraph(style=style)
    if bold_prefix:
        paragraph.add_run(bold_prefix).bold = True
    if text:
        paragraph.add_run(text)
    return paragraph


def tag(doc_or_cell, statement: str):
    """A paragraph-level Jinja statement (``{%p … %}``): docxtpl removes the paragraph itself."""
    return para(doc_or_cell, "{%p " + statement + " %}")


def page_break(doc):
    paragraph = doc.add_paragraph(style="Normal")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    return paragraph


def cell_text(cell, text: str, style: str = "Table Text", bold: bool = False):
    paragraph = cell.paragraphs[0]
    paragraph.style = cell.part.document.styles[style]
    if text:
        paragraph.add_run(text).bold = bold or None
    return paragraph


def table(doc, widths_mm: list[float], style: str = "Table Grid"):
    """A fixed-layout table whose columns add up to the text width."""
    if abs(sum(widths_mm) - TEXT_WIDTH_MM) > 0.05:
        raise ValueError(f"table columns {widths_mm} add up to {sum(widths_mm)} mm, not the text width {TEXT_WIDTH_MM} mm")
    tbl = doc.add_table(rows=0, cols=len(widths_mm))
    tbl.style = doc.styles[style]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    tbl_pr = tbl._tbl.tblPr
    _add_tbl_pr(tbl_pr, f'<w:tblW {nsdecls("w")} w:w="{int(sum(widths_mm) * 56.7)}" w:type="dxa"/>', "w:tblW")
    _add_tbl_pr(tbl_pr, f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>', "w:tblLayout")
    _add_tbl_pr(tbl_pr, f'<w:tblCellMar {nsdecls("w")}><w:left w:w="80" w:type="dxa"/>'
                        f'<w:right w:w="80" w:type="dxa"/></w:tblCellMar>', "w:tblCellMar")
    grid = tbl._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(width * 56.7)))
    tbl._widths = widths_mm
    return tbl


def row(tbl, texts: list[str], *, style: str = "Table Text", bold: bool = False, header: bool = False,
        styles: list[str] | None = None, keep: bool = False):
    """Append a row; texts may hold Jinja tags. ``header`` repeats it on every page."""
    new = tbl.add_row()
    for index, (cell, text) in enumerate(zip(new.cells, texts)):
        cell.width = Mm(tbl._widths[index])
        cell_text(cell, text, (styles[index] if styles else style), bold)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if header else WD_CELL_VERTICAL_ALIGNMENT.TOP
    tr_pr = new._tr.get_or_add_trPr()
    if header:
        add_tr_pr(tr_pr, f'<w:tblHeader {nsdecls("w")}/>', "w:tblHeader")
    if keep:
        add_tr_pr(tr_pr, f'<w:cantSplit {nsdecls("w")}/>', "w:cantSplit")
    return new


def facts_table(doc, widths_mm: list[float], facts, blank_height: int = 0) -> object:
    """A two-column table of ``(label key, value)`` rows: the label (``labels.<key>``) in bold; an empty
    value gets ``blank_height`` (twips) of room to write by hand."""
    tbl = table(doc, widths_mm)
    labelled_rows(tbl, list(facts), blank_height)
    return tbl


def tag_row(tbl, statement: str):
    """A row-level Jinja statement (``{%tr … %}``): docxtpl removes the whole row."""
    new = tbl.add_row()
    for index, cell in enumerate(new.cells):
        cell.width = Mm(tbl._widths[index])
    cell_text(new.cells[0], "{%tr " + statement + " %}")
    return new


def vertical_text(cell):
    """Text written bottom to top (narrow hour columns of a plan table's header)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    direction = parse_xml(f'<w:textDirection {nsdecls("w")} w:val="btLr"/>')
    valign = tc_pr.find(qn("w:vAlign"))
    if valign is not None:  # schema order: … w:textDirection, w:tcFitText, w:vAlign
        valign.addprevious(direction)
    else:
        tc_pr.append(direction)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def no_borders(tbl):
    _add_tbl_pr(tbl._tbl.tblPr, f'<w:tblBorders {nsdecls("w")}>' + "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>", "w:tblBorders")


def toc(doc):
    paragraph = doc.add_paragraph(style="TOC 1")
    p = paragraph._p
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u '
                       f'</w:instrText></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>{{{{ labels.toc_hint }}}}</w:t></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def outcome_lines(doc, outcomes: str, style: str = "Outcome"):
    tag(doc, f"for o in {outcomes}")
    paragraph = para(doc, "{{ o.code|nbsp }}", style)
    paragraph.runs[0].bold = True
    paragraph.add_run(" {{ o.text|quotes }}{{ ';' if not loop.last else '.' }}")
    tag(doc, "endfor")


def bullets(doc, items: str, style: str = "List Bullet", text: str = "{{ item }}{{ ';' if not loop.last else '.' }}"):
    tag(doc, f"for item in {items}")
    para(doc, text, style)
    tag(doc, "endfor")


def tidy_merged(tbl):
    """python-docx keeps the paragraphs of merged cells; drop the empty ones it leaves behind."""
    for tr in tbl.rows:
        for cell in tr.cells:
            paragraphs = cell.paragraphs
            if len(paragraphs) > 1:
                for paragraph in paragraphs:
                    if not paragraph.text and len(cell.paragraphs) > 1:
                        paragraph._p.getparent().remove(paragraph._p)


def labelled_rows(tbl, rows: list[tuple[str, str]], blank_height: int = 0) -> None:
    """Two-column rows «label | value» with a bold label; an empty value gets room to write by hand."""
    for label, value in rows:
        row(tbl, ["{{ labels." + label + " }}", value], keep=True)
        tbl.rows[-1].cells[0].paragraphs[0].runs[0].bold = True
        if not value and blank_height:
            add_tr_pr(tbl.rows[-1]._tr.get_or_add_trPr(),
                      f'<w:trHeight {nsdecls("w")} w:val="{blank_height}" w:hRule="atLeast"/>', "w:trHeight")


def keep_with_next(paragraphs) -> None:
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True


def conditional(doc, condition: str, text: str, style: str = "Normal", *, bold_prefix: str | None = None):
    """A paragraph shown only when the Jinja ``condition`` holds (``{%p if … %}`` around it)."""
    tag(doc, f"if {condition}")
    paragraph = para(doc, text, style, bold_prefix=bold_prefix)
    tag(doc, "endif")
    return paragraph


def outcomes_by_module(doc, module_label: str) -> None:
    """Each module's label and its outcomes; then the personal competences (as behaviour)."""
    tag(doc, "for m in program.modules")
    para(doc, module_label, "Label")
    outcome_lines(doc, "m.outcomes")
    tag(doc, "endfor")
    tag(doc, "if program.cross_cutting_outcomes")
    para(doc, "{{ labels.cross_cutting }}", "Label")


def labelled_list(doc, label: str, loop: str, text: str, style: str) -> None:
    """A bold label, then one paragraph per item of the Jinja ``loop`` («r in s.rows if r.questions»)."""
    para(doc, label, "Label")
    tag(doc, f"for {loop}")
    para(doc, text, style)
    tag(doc, "endfor")
