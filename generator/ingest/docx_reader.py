"""Reader for standards published as Word files (.docx): body → Blocks, in document order.

What Word hides and this reader makes explicit, so that the layout parsers see the same text a
person sees on the page:

* **Document order.** The body's XML children are walked in order (paragraphs, tables, content
  controls), so a heading paragraph and the table under it stay together.
* **Merged cells.** A cell merged across columns (``gridSpan``; legacy ``hMerge``) is one cell. A cell
  merged down rows (``vMerge``) carries its text in the first row only; the rows below get an empty
  cell in its place — the same convention as the published text (``\\t|\\t`` rows with an empty first
  cell). This is the XML view of what python-docx gives by repeating the same ``_tc`` for every grid
  position of a merged cell: each underlying cell is counted once.
* **Word auto-numbering.** Numbers of auto-numbered paragraphs (``numPr`` in the paragraph or in its
  style chain) are not in the text; they are synthesised. In a table cell each list restarts at 1
  (a cell is one list, restarted after a label such as «Знания:»); typed numbers mixed into the list
  keep the count going (``1.`` typed, then two auto-numbered items → 1, 2, 3). A plain paragraph
  that follows numbered items in the same cell is the next item (its numbering was lost). Body
  paragraphs are numbered per list across the document, as Word does. Sub-levels join their item.
* **Broken items.** An auto-numbered paragraph is one item, whatever hard line breaks it holds. A
  plain paragraph, or a line after a hard line break, whose text starts in lower case continues the
  previous line (``резервного`` / ``копирования и восстановления БД``); e-mail and web addresses
  on their own line do not.

``Block.line`` for a DOCX is the ordinal of the body paragraph or table row (1-based), which is what
error messages cite.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from typing import Iterator, Optional

from generator.exceptions import SourceError
from generator.ingest.blocks import Block, SourceDocument, read_bytes, row_blocks
from generator.ingest.cell_lines import CellLines

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (_q(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml"))
T, TAB, BR, CR, NB_HYPHEN, PPR, RPR = (_q(t) for t in ("t", "tab", "br", "cr", "noBreakHyphen", "pPr", "rPr"))
_SKIP = {PPR, RPR, _q("txbxContent"), f"{{{MC}}}Fallback", _q("del"), _q("moveFrom")}
_CONTAINERS = {SDT, SDT_CONTENT, CUSTOM_XML, _q("ins"), _q("moveTo"), _q("smartTag")}
_VAL = _q("val")



# --- opening the file ------------------------------------------------------------------------
def _refuse_non_docx(path: Path, data: bytes) -> None:
    name = path.name
    if not data:
        raise SourceError(f"{name}: the file is empty; expected a professional standard as .docx")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise SourceError(f"{name}: the Word file is password-protected (encrypted); open it in Word, "
                              "remove the password (File → Info → Protect Document) and save it as .docx")
        if "WordDocument".encode("utf-16-le") in data:
            raise SourceError(f"{name}: this is an old binary Word (.doc) file; open it in Word or LibreOffice "
                              "and save it as .docx, then import that")
        raise SourceError(f"{name}: this is an old binary Office file or a password-protected document, not "
                          ".docx; save it as an unprotected .docx and import that")
    if data.startswith(b"%PDF"):
        raise SourceError(f"{name}: this is a PDF, not a .docx; use the standard's Word file or its published text")
    if not data.startswith(b"PK"):
        raise SourceError(f"{name}: not a .docx file (a .docx is a ZIP package); give the standard's Word "
                          "file or its published text as .txt")


def _open(path: Path, data: bytes):
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    name = path.name
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            bad = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise SourceError(f"{name}: the .docx file is damaged (not a readable ZIP package: {error}); "
                          "open and re-save it in Word") from error
    if bad is not None:
        raise SourceError(f"{name}: the .docx file is damaged (member {bad} fails its checksum); "
                          "open and re-save it in Word")
    if "word/document.xml" not in names:
        kind = ("an Excel workbook" if any(n.startswith("xl/") for n in names)
                else "a PowerPoint file" if any(n.startswith("ppt/") for n in names)
                else "an OpenDocument file" if "content.xml" in names else "a ZIP archive")
        raise SourceError(f"{name}: this is {kind}, not a Word document (.docx)")
    try:
        try:
            return docx.Document(io.BytesIO(data))
        except ValueError as error:
            if "content type" not in str(error):
                raise
            return _open_macro_or_template(io.BytesIO(data), name, error)
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile) as error:
        raise SourceError(f"{name}: the .docx file is damaged and cannot be read ({type(error).__name__}: "
                          f"{error}); open and re-save it in Word") from error


_WORD_MAIN_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


def _open_macro_or_template(stream, name: str, error: ValueError):
    """A macro-enabled document or a template has the same body as a .docx: read it as one."""
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _WORD_MAIN_TYPES:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    part = Package.open(stream).main_document_part
    if not isinstance(part, DocumentPart):
        raise SourceError(f"{name}: not a Word document ({error})") from error
    return part.document


# --- numbering ---------------------------------------------------------------------------------
class _Numbering:
    """Word's list definitions: for a paragraph, its list and level, number format, delimiter and start
    (see :meth:`of`), with numPr inherited from paragraph styles."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[tuple[str, int], int] = {}
        self._styles = {}
        self._style_cache: dict[str, tuple[Optional[str], Optional[int]]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        if numbering is not None:
            for abstract in numbering.iterchildren(_q("abstractNum")):
                aid = abstract.get(_q("abstractNumId"))
                for lvl in abstract.iterchildren(_q("lvl")):
                    ilvl = _int(lvl.get(_q("ilvl"))) or 0
                    fmt = _child_val(lvl, "numFmt") or "decimal"
                    text = _child_val(lvl, "lvlText") or ""
                    start = _int(_child_val(lvl, "start"))
                    start = 1 if start is None else start
                    delimiter = ")" if text.endswith(")") else "."
                    if fmt != "bullet" and not re.search(r"%\d", text):
                        fmt = "none"
                    self.levels[(aid, ilvl)] = (fmt, delimiter, start)
            for num in numbering.iterchildren(_q("num")):
                nid = num.get(_q("numId"))
                self.abstract_of[nid] = _child_val(num, "abstractNumId") or ""
                for override in num.iterchildren(_q("lvlOverride")):
                    start = override.find(_q("startOverride"))
                    value = _int(start.get(_VAL)) if start is not None else None
                    if value is not None:
                        self.overrides[(nid, _int(override.get(_q("ilvl"))) or 0)] = value
        try:
            styles = document.part.styles.element
        except (KeyError, NotImplementedError):
            styles = None
        if styles is not None:
            for style in styles.iterchildren(_q("style")):
                self._styles[style.get(_q("styleId"))] = style

    def _style_numpr(self, style_id: str, depth: int = 0) -> tuple[Optional[str], Optional[int]]:
        """The numPr a paragraph style gives, following its basedOn chain."""
        if style_id in self._style_cache:
            return self._style_cache[style_id]
        style = self._styles.get(style_id)
        result: tuple[Optional[str], Optional[int]] = (None, None)
        if style is not None and depth <= 10:
            ppr = style.find(PPR)
            numpr = ppr.find(_q("numPr")) if ppr is not None else None
            if numpr is not None:
                result = (_child_val(numpr, "numId"), _int(_child_val(numpr, "ilvl")))
            else:
                based = _child_val(style, "basedOn")
                result = self._style_numpr(based, depth + 1) if based else (None, None)
        self._style_cache[style_id] = result
        return result

    def of(self, p) -> Optional[tuple[str, int, str, str, int]]:
        """(list key, ilvl, format, delimiter, start) of an auto-numbered paragraph, else None."""
        ppr = p.find(PPR)
        num_id = ilvl = None
        style_id = None
        if ppr is not None:
            numpr = ppr.find(_q("numPr"))
            if numpr is not None:
                num_id, ilvl = _child_val(numpr, "numId"), _int(_child_val(numpr, "ilvl"))
            style_id = _child_val(ppr, "pStyle")
        if (num_id is None or ilvl is None) and style_id:
            style_num, style_ilvl = self._style_numpr(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0":
            return None
        ilvl = ilvl or 0
        abstract = self.abstract_of.get(num_id)
        fmt, delimiter, start = self.levels.get((abstract, ilvl), ("decimal", ".", 1))
        if fmt == "none":
            return None
        start = self.overrides.get((num_id, ilvl), start)
        key = f"{abstract}" if (num_id, ilvl) not in self.overrides else f"{abstract}/{num_id}"
        return key, ilvl, fmt, delimiter, start


def _child_val(element, tag: str) -> Optional[str]:
    child = element.find(_q(tag))
    return child.get(_VAL) if child is not None else None


def _int(value: Optional[str]) -> Optional[int]:
    return int(value) if value is not None and value.isdigit() else None


# --- text --------------------------------------------------------------------------------------
def paragraph_text(p) -> str:
    """The visible text of a paragraph; hard line breaks become newlines, tabs spaces."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == T:
                parts.append(child.text or "")
            elif tag == TAB:
                parts.append(" ")
            elif tag in (BR, CR):
                parts.append("\n")
            elif tag == NB_HYPHEN:
                parts.append("-")
            else:
                walk(child)

    walk(p)
    text = "".join(parts).replace("\u00a0", " ").replace("\u00ad", "")
    return "\n".join(re.sub(r"[ \t\u2002\u2003\u2009]+", " ", line).strip() for line in text.split("\n"))


# --- walking the body --------------------------------------------------------------------------
def _children(element, tags: tuple[str, ...]) -> Iterator:
    """The children of ``element`` with one of ``tags``, in order, looking inside content controls
    and tracked insertions (but not into nested tables: the rows of a table are its own only)."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tags)


def _block_children(element) -> Iterator:
    """Paragraphs and tables of a body or cell."""
    return _children(element, (P, TBL))


def _table_rows(tbl) -> Iterator:
    return _children(tbl, (TR,))


def _row_cells(tr) -> Iterator:
    return _children(tr, (TC,))


def _cell_merge(tc) -> tuple[bool, bool]:
    """(continues a vertical merge, continues a legacy horizontal merge)."""
    tcpr = tc.find(_q("tcPr"))
    if tcpr is None:
        return False, False
    vmerge = tcpr.find(_q("vMerge"))
    hmerge = tcpr.find(_q("hMerge"))
    return (vmerge is not None and vmerge.get(_VAL, "continue") == "continue",
            hmerge is not None and hmerge.get(_VAL, "continue") == "continue")


def _cell_text(tc, numbering: _Numbering) -> str:
    lines = CellLines(in_cell=True)
    for element in _block_children(tc):
        if element.tag == P:
            lines.add_paragraph(paragraph_text(element), numbering.of(element))
        else:  # a nested table: its cells' lines, row by row
            for tr in _table_rows(element):
                for inner in _row_cells(tr):
                    text = _cell_text(inner, numbering)
                    if text:
                        lines.add_paragraph(text, None)
    return lines.text()


def blocks_from_document(document) -> list[Block]:
    numbering = _Numbering(document)
    blocks: list[Block] = []
    body_counters: dict = {}
    ordinal = 0
    for element in _block_children(document.element.body):
        if element.tag == P:
            ordinal += 1
            lines = CellLines(in_cell=False, body_counters=body_counters)
            lines.add_paragraph(paragraph_text(element), numbering.of(element))
            for line in lines.lines:
                blocks.append(Block(cells=[line], line=ordinal))
            continue
        for tr in _table_rows(element):
            ordinal += 1
            cells: list[str] = []
            for tc in _row_cells(tr):
                vertical, horizontal = _cell_merge(tc)
                if horizontal:
                    continue
                cells.append("" if vertical else _cell_text(tc, numbering))
            blocks.extend(row_blocks(cells, ordinal))
    return blocks


def read_docx_source(path: Path) -> SourceDocument:
    """Read a .docx into Blocks; refuse .doc, encrypted, damaged or non-Word files with one clear line."""
    from generator.common.archive_limits import check_package

    path = Path(path)
    data = read_bytes(path)  # within the size limit
    _refuse_non_docx(path, data)
    check_package(data, path.name)  # what it unpacks to, before anything is inflated
    document = _open(path, data)
    blocks = blocks_from_document(document)
    if not blocks:
        raise SourceError(f"{path.name}: the Word document has no text")
    return SourceDocument(path=path, blocks=blocks, sha256=hashlib.sha256(data).hexdigest(), reader="docx")
