"""Render one DOCX template with docxtpl and the sandboxed environment; report problems in words.

Errors raised while rendering (a misspelt variable, an unknown filter, a syntax error, a sandbox
violation) become :class:`TemplateProblem` naming the template, the variable and the text of the
Word paragraph where it occurs. A rendered document is post-processed (numbered lists restart in
every block, document language, title) and written atomically.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any, Optional
from xml.sax import saxutils

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

from generator.exceptions import TemplateProblem
from generator.render.environment import render_environment, xml_safe
from generator.render.limits import RenderTimeout, TemplateLimitError, run_limited, time_budget
from generator.render.stamp import finish_stamp, prepare_document
from generator.common.files import write_atomic

# elements that follow w:numPr in w:pPr (schema order; Word rejects a document otherwise)
_AFTER_NUMPR = ("w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
NUMBERED_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")
_TAG = re.compile(r"<[^>]+>")


class _Template(DocxTemplate):
    """docxtpl's template that remembers the XML it was rendering when Jinja failed."""

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        try:
            return super().render_xml_part(src_xml, part, context, jinja_env)
        except BaseException as error:  # any failure (a limit, the time budget) names its paragraph
            error.progen_source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            error.progen_part = str(getattr(part, "partname", "")) or "document"
            raise


def _template_line(error: BaseException) -> Optional[int]:
    """The template line of an error: from a syntax error, or from Jinja's rewritten traceback."""
    lineno = getattr(error, "lineno", None)
    if lineno:
        return lineno
    found = None
    tb = error.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:  # compiled template code (a traceback Jinja did not rewrite: a timeout)
            found = template.get_corresponding_lineno(tb.tb_lineno)
        elif tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def unescape_xml(text: str) -> str:
    """Character data of Word XML as plain text (the five predefined entities)."""
    return saxutils.unescape(text, {"&quot;": '"', "&apos;": "'"})


def paragraph_text(xml_line: str) -> str:
    """The visible text of one line of docxtpl's template XML (one Word paragraph per line)."""
    text = " ".join(unescape_xml(_TAG.sub("", xml_line)).split())
    # docxtpl puts the statement of a removed {%p …%} paragraph on the neighbouring line: drop it there
    trimmed = re.sub(r"(\s*\{%.*?%\})+\s*$", "", re.sub(r"^(\s*\{%.*?%\})+\s*", "", text))
    return trimmed if trimmed.strip() else text


def _paragraph_of(error: BaseException) -> str:
    source = getattr(error, "progen_source", None)
    line = _template_line(error)
    if not source or not line:
        return ""
    lines = source.splitlines()
    if 1 <= line <= len(lines):
        text = paragraph_text(lines[line - 1])
        # a statement tag alone on its line ({%p for … %}) — show the next paragraph with text as well
        if text.startswith("{%") and text.endswith("%}") and line < len(lines):
            following = paragraph_text(lines[line])
            if following:
                text = f"{text} … {following}"
        return text
    return ""


def _variable_of(error: BaseException) -> Optional[str]:
    message = str(error)
    for pattern in (r"has no attribute '([^']+)'", r"'([^']+)' is undefined", r"no filter named '([^']+)'",
                    r"placeholder (\{[^}]+\})", r"no test named '([^']+)'"):
        match = re.search(pattern, message, re.I)
        if match:
            return match.group(1)
    return None


def _limit_message(error: BaseException) -> str:
    if isinstance(error, RenderTimeout):
        return (f"the document took more than {time_budget():g} s to render (progen's limit per document; "
                f"PROGEN_RENDER_SECONDS changes it) — a loop that does not end?")
    if isinstance(error, MemoryError):
        return "the template asked for more memory than there is (a value repeated too often?)"
    if isinstance(error, RecursionError):
        return "a macro or recursive loop calls itself without end"
    return f"a limit of the sandbox: {error}"


def describe_error(template: Path | str, error: BaseException) -> str:
    """A one-paragraph message: template, what is wrong (the variable), where (paragraph text)."""
    name = Path(str(template)).name
    variable = _variable_of(error)
    if isinstance(error, SecurityError):
        what = f"unsafe operation refused by the sandbox: {error}"
    elif isinstance(error, (TemplateLimitError, RenderTimeout, MemoryError, RecursionError)):
        what = _limit_message(error)
    elif isinstance(error, UndefinedError):
        what = (f"unknown variable '{variable}' ({error})" if variable else f"undefined value: {error}")
        what += "; see `progen templates vars`"
    elif isinstance(error, TemplateSyntaxError):
        what = f"template syntax error: {error.message}"
        if variable and "filter" in str(error):
            what = f"unknown filter '{variable}' ({error.message}); see `progen templates vars`"
    else:
        what = f"{type(error).__name__}: {error}"
    where = _paragraph_of(error)
    part = getattr(error, "progen_part", "")
    location = f" in {part.lstrip('/')}" if part and part != "/word/document.xml" else ""
    return f"template {name}: {what}{location}" + (f"; paragraph: «{where}»" if where else "")


# -- post-processing -------------------------------------------------------------------------
def restart_numbering(document) -> int:
    """Give every block of consecutive numbered-list paragraphs its own numbering, starting at 1.

    docxtpl repeats the template paragraph, so without this the criteria of module 3 would
    continue the numbers of module 2. Returns the number of blocks.
    """
    styles = document.styles.element
    try:
        numbering = document.part.numbering_part.element
    except NotImplementedError:  # a template without numbering definitions
        return 0
    style_num: dict[str, str] = {}
    for style_id in NUMBERED_STYLES:
        style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        if style is None:
            continue
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            style_num[style_id] = num_id.get(qn("w:val"))
    if not style_num:
        return 0
    abstract_of = {num.get(qn("w:numId")): num.find(qn("w:abstractNumId")).get(qn("w:val"))
                   for num in numbering.findall(qn("w:num"))}
    next_id = max((int(n) for n in abstract_of), default=0) + 1
    blocks = 0
    previous_style = None
    current: Optional[str] = None
    for element in document.element.body.iterchildren():
        style_id = None
        if element.tag == qn("w:p"):
            style_el = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = style_el.get(qn("w:val")) if style_el is not None else None
        if style_id in style_num and element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None:
            if style_id != previous_style:
                blocks += 1
                abstract = abstract_of.get(style_num[style_id])
                current = None
                if abstract is not None:
                    current = str(next_id)
                    next_id += 1
                    numbering.append(parse_xml(
                        f'<w:num {nsdecls("w")} w:numId="{current}"><w:abstractNumId w:val="{abstract}"/>'
                        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
            if current is not None:
                element.pPr.insert_element_before(
                    parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current}"/></w:numPr>'),
                    *_AFTER_NUMPR)
        previous_style = style_id
    return blocks


def set_language(document, tag: str) -> None:
    """Spell-check language of the document defaults: the language pack's Word tag (kk-KZ, ru-RU)."""
    if not tag:
        return
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        return
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{tag}" w:eastAsia="{tag}" w:bidi="ar-SA"/>'))


# -- render ------------------------------------------------------------------------------------
def render_bytes(template_path: Path, context: dict[str, Any], *, title: str = "", word_tag: str = "") -> bytes:
    """Render ``template_path`` with ``context``; return the DOCX bytes (within the time budget)."""
    return run_limited(lambda: _render_bytes(template_path, context, title, word_tag),
                       lambda timeout: TemplateProblem(describe_error(template_path, timeout)))


def _render_bytes(template_path: Path, context: dict[str, Any], title: str, word_tag: str) -> bytes:
    from generator.common.archive_limits import check_package, read_package

    name = f"template {Path(template_path).name}"
    try:
        check_package(read_package(Path(template_path), error_class=TemplateProblem, what="template"), name,
                      error_class=TemplateProblem, what="template")
        template = _Template(str(template_path))
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, PackageNotFoundError) as error:  # not a DOCX
        raise TemplateProblem(f"template {Path(template_path).name}: cannot be read as a Word document: {error}") from error
    try:
        template.render(context, jinja_env=render_environment())
    except Exception as error:  # noqa: BLE001 - whatever a template's code raises: name it and its paragraph
        raise TemplateProblem(describe_error(template_path, error)) from error
    document = template.docx
    restart_numbering(document)
    if word_tag:
        set_language(document, word_tag)
    if title:
        document.core_properties.title = xml_safe(title)
    prepare_document(document)  # the stamp's part; its fingerprint of the saved parts follows
    buffer = io.BytesIO()
    template.save(buffer)
    return finish_stamp(buffer.getvalue())


def render_to(template_path: Path, context: dict[str, Any], destination: Path, **options: Any) -> Path:
    """Render and write atomically (temporary file in the same folder, then rename)."""
    data = render_bytes(template_path, context, **options)
    try:
        write_atomic(Path(destination), data)
    except OSError as error:
        raise TemplateProblem(f"{destination}: cannot write the document: {error.strerror or error}") from error
    return Path(destination)
