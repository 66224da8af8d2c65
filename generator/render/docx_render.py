"""Render one DOCX template with the sandboxed environment; report problems in words.

:func:`render_bytes` fills a template prepared once per process (:mod:`generator.render.prepared`);
:func:`render_bytes_docxtpl` is docxtpl's own render with python-docx, the reference the prepared
path is tested against and its fallback. Errors raised while rendering (a misspelt variable, an
unknown filter, a syntax error, a sandbox violation) become :class:`TemplateProblem` naming the
template, the variable and the text of the Word paragraph where it occurs, the same on both paths.
A rendered document is post-processed (numbered lists restart in every block, document language,
title: :mod:`generator.render.docx_post`) and written atomically.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any, Callable, Optional
from xml.sax import saxutils

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

from generator.exceptions import TemplateProblem
from generator.render.docx_post import NumberingPlan, restart_numbering, set_language
from generator.render.environment import render_environment, xml_safe
from generator.render.limits import RenderTimeout, TemplateLimitError, run_limited, time_budget
from generator.render.stamp import finish_stamp, prepare_document
from generator.common.files import write_atomic

_TAG = re.compile(r"<[^>]+>")
# what a template that is not a Word document raises while python-docx reads it
UNREADABLE = (KeyError, ValueError, OSError, zipfile.BadZipFile, PackageNotFoundError)


class _Template(DocxTemplate):
    """docxtpl's template that remembers the XML it was rendering when Jinja failed."""

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        try:
            return super().render_xml_part(src_xml, part, context, jinja_env)
        except BaseException as error:  # any failure (a limit, the time budget) names its paragraph
            raise where(error, re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml), part)


def where(error: BaseException, lined_source: str, part: Any) -> BaseException:
    """``error`` with what :func:`describe_error` needs to name the paragraph: the source docxtpl gave
    Jinja (one Word paragraph per line) and the part."""
    error.progen_source = lined_source  # type: ignore[attr-defined]
    error.progen_part = str(getattr(part, "partname", "")) or "document"  # type: ignore[attr-defined]
    return error


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


# -- render ------------------------------------------------------------------------------------
def render_bytes(template_path: Path, context: dict[str, Any], *, title: str = "", word_tag: str = "") -> bytes:
    """Render ``template_path`` with ``context``; return the DOCX bytes (within the time budget).

    The template is prepared once per process and only filled and zipped per document
    (:mod:`generator.render.prepared`); a template or context the prepared path does not take goes
    through docxtpl (:func:`render_docxtpl`). Both give the same document.
    """
    from generator.render.prepared import render_prepared

    return limited(template_path, lambda: render_prepared(template_path, context, title=title, word_tag=word_tag))


def render_bytes_docxtpl(template_path: Path, context: dict[str, Any], *, title: str = "", word_tag: str = "") -> bytes:
    """Render with docxtpl and python-docx, as the library does it (within the time budget): the
    reference of the prepared path (tests compare the two)."""
    return limited(template_path, lambda: render_docxtpl(template_path, read_template(template_path), context,
                                                          title=title, word_tag=word_tag))


def limited(template_path: Path, render: Callable[[], bytes]) -> bytes:
    """``render()`` within one document's time budget; a timeout is a problem naming the paragraph."""
    return run_limited(render, lambda timeout: TemplateProblem(describe_error(template_path, timeout)))


def read_template(template_path: Path, checked: bool = True) -> bytes:
    """The bytes of a Word template within the size limit, and (``checked``) within the archive limits:
    parts and unpacked sizes, read from the ZIP directory (the prepared path checks a template's
    content once, when it prepares it)."""
    from generator.common.archive_limits import read_package

    try:
        data = read_package(Path(template_path), error_class=TemplateProblem, what="template")
    except UNREADABLE as error:
        raise unreadable(template_path, error) from error
    if checked:
        check_template(template_path, data)
    return data


def check_template(template_path: Path, data: bytes) -> None:
    from generator.common.archive_limits import check_package

    check_package(data, f"template {Path(template_path).name}", error_class=TemplateProblem, what="template")


def render_docxtpl(template_path: Path, data: bytes, context: dict[str, Any], *, title: str = "",
                   word_tag: str = "") -> bytes:
    """docxtpl's render of the template ``data`` (read from ``template_path``), post-processed and stamped."""
    try:
        template = _Template(io.BytesIO(data))
        template.init_docx()
    except UNREADABLE as error:  # not a DOCX
        raise unreadable(template_path, error) from error
    try:
        template.render(context, jinja_env=render_environment())
    except Exception as error:  # noqa: BLE001 - whatever a template's code raises: name it and its paragraph
        raise TemplateProblem(describe_error(template_path, error)) from error
    document = template.docx
    try:
        numbering = document.part.numbering_part.element
    except NotImplementedError:  # a template without numbering definitions
        numbering = None
    for num in restart_numbering(document.element.body, NumberingPlan.of(document.styles.element, numbering)):
        numbering.append(num)
    if word_tag:
        set_language(document.styles.element, word_tag)
    if title:
        document.core_properties.title = xml_safe(title)
    prepare_document(document)  # the stamp's part; its fingerprint of the saved parts follows
    buffer = io.BytesIO()
    template.save(buffer)
    return finish_stamp(buffer.getvalue())


def unreadable(template_path: Path, error: BaseException) -> TemplateProblem:
    return TemplateProblem(f"template {Path(template_path).name}: cannot be read as a Word document: {error}")


def render_to(template_path: Path, context: dict[str, Any], destination: Path, **options: Any) -> Path:
    """Render and write atomically (temporary file in the same folder, then rename)."""
    data = render_bytes(template_path, context, **options)
    try:
        write_atomic(Path(destination), data)
    except OSError as error:
        raise TemplateProblem(f"{destination}: cannot write the document: {error.strerror or error}") from error
    return Path(destination)
