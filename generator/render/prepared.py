"""Render DOCX templates prepared once per process: per document only fill the parts and zip.

docxtpl spends most of a render on work that is the same for every document of a template: reading
the DOCX with python-docx, cleaning the Jinja tags out of Word's XML, compiling Jinja and writing
every part again. A :class:`PreparedTemplate` does that once (per process, per template content):

* python-docx reads the template once and writes it once to memory, with the document language
  already set in styles.xml (so a template is prepared once per language it is rendered in); the
  members of that archive, still compressed, are what every document copies unchanged (styles,
  theme, fonts, settings …);
* docxtpl's own ``patch_xml`` prepares the body and every header and footer (``{%tr %}``, ``{%p %}``,
  ``{%tc %}``, split runs …) exactly as in ``DocxTemplate.render``; Jinja compiles each source once
  in the shared sandboxed environment (it keeps compiled templates by source, see
  :mod:`.environment`);
* the numbering of list styles (for the restarts) and the document part without its body.

Per document, docxtpl's functions run on the prepared sources in docxtpl's order — body
(``render_xml_part``, ``fix_tables``, ``fix_docpr_ids``), headers, footers, core properties,
footnotes — in the same limited environment and within the same time budget as the docxtpl path
(:mod:`.limits`; a failure is described by the same function, naming template and paragraph), then
the post-processing of :mod:`.docx_post` on the rendered XML (numbering restarts, title), the content
stamp of :mod:`.stamp` (its custom properties part is added when the template is prepared; its value
is computed from the names, sizes and CRC-32s of the members, as ``finish_stamp`` computes it from
the ZIP directory), and the archive is written with the changed members deflated and the rest copied
as they are (:mod:`.docx_zip`). The archive limits are checked when a template's content is prepared.

Where docxtpl's steps do work that provably changes nothing, they are narrowed: ``resolve_listing``
is skipped without tab, bell, newline or form feed in the XML, ``fix_docpr_ids`` without a ``docPr``
in it; ``fix_tables`` runs on the tables an XPath check finds it would change (:class:`TableCheck`,
which stops at the first row that decides), not on the whole body; ``render_xml_part``'s
two regular expressions are plain replacements of the same text, and its four replacements of the
literal-brace marks (``{_{`` …) run only on a text that holds a brace; the rendered body is parsed inside
the text of its document part instead of being moved into it (:mod:`.docx_shell`). The output is the
docxtpl path's, part for part and byte for byte (only the zip's dates differ).

The docxtpl path (:func:`~generator.render.docx_render.render_bytes_docxtpl`) is the reference
(tests compare every part) and takes what this path does not (:func:`unsupported` says why):

* a template without core properties (python-docx would invent them, stamped with the render time);
* a header or footer part reached by two relationships (docxtpl would write it twice);
* a template python-docx cannot read (the docxtpl path reports it in its words);
* every template, with a docxtpl whose ``render`` calls a step this module does not reproduce, or
  whose ``render_xml_part`` is not the one reproduced here (:func:`docxtpl_unknown_steps`);
* a context holding objects bound to a ``DocxTemplate`` (``InlineImage``, ``Subdoc``: they add
  parts to the template object that renders them). docxtpl's other per-render features —
  ``replace_pic``, ``replace_media``, ``replace_embedded``, ``replace_zipname``, ``build_url_id`` —
  are methods of a ``DocxTemplate`` that progen never calls, and a template cannot reach them.
"""
from __future__ import annotations

import hashlib
import io
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Optional, Union

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from lxml import etree

from generator.exceptions import TemplateProblem
from generator.render.docx_shell import DocumentShell
from generator.render.docx_tables import TableCheck
from generator.render.docx_post import NumberingPlan, restart_numbering, set_language
from generator.render.docx_render import (
    UNREADABLE, _Template, check_template, describe_error, read_template, render_docxtpl, where,
)
from generator.render.docx_zip import Member, deflate, inflate, raw_members, write_zip
from generator.render.environment import render_environment, xml_safe
from generator.render.stamp import CUSTOM_MEMBER, custom_properties_xml, digest_of, prepare_document

CACHE_SIZE = 16  # prepared templates kept per process (a workspace has a few kinds × languages)
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_LISTING = "\t\a\n\f"  # what docxtpl's resolve_listing turns into Word markup
_SECTIONS = "./w:p/w:pPr/w:sectPr | ./w:sectPr"  # python-docx's Sections, from the body
_BODY = qn("w:body")


class _Fill(_Template):
    """docxtpl's template object without a python-docx document: its XML functions only."""

    def __init__(self, docx: Any = None) -> None:
        super().__init__(None)
        self.docx = docx  # as DocxTemplate.render_init, without reading the template again
        self.pic_map = {}
        self.current_rendering_part = None
        self.docx_ids_index = 1000

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        # docxtpl's render_xml_part (its code is checked: _RENDER_XML_PART) with its two regular
        # expressions as replacements of the same text: r"<w:p([ >])" → "\n<w:p\1" puts each paragraph on
        # a line of its own for Jinja, the reverse takes the line breaks out again; re.sub expands its
        # template in Python once per paragraph
        lined = src_xml.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")
        try:
            self.current_rendering_part = part
            dst_xml = jinja_env.from_string(lined).render(context)
        except BaseException as error:  # any failure (a limit, the time budget) names its paragraph
            if isinstance(error, TemplateError) and getattr(error, "lineno", None) is not None:
                line_number = max(error.lineno - 4, 0)  # as docxtpl adds it
                error.docx_context = [re.sub(r"<[^>]+>", "", line)
                                      for line in lined.splitlines()[line_number:line_number + 7]]
            raise where(error, lined, part)
        dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        if "{" in dst_xml or "}" in dst_xml:  # each of the four marks holds a brace; a character is found
            # at memory speed, while each replacement searches the whole text for its mark
            dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self.resolve_listing(dst_xml)

    def resolve_listing(self, xml):
        # docxtpl only turns \t \a \n \f inside w:t into Word markup: without them its regexes return
        # the text unchanged, so skip them
        return super().resolve_listing(xml) if any(char in xml for char in _LISTING) else xml

    def fix_tables(self, xml):
        # docxtpl's fix_tables parses the body and then, in Python, counts the cells of every row to
        # widen or narrow a table's grid. It changes only the grid (w:tblGrid) of each table, from the
        # cells of that table's rows, so tables are independent: docxtpl's own function runs on each
        # table TableCheck finds to fix (nested ones with it), and the rest is left as parsed
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        namespace = tree.nsmap.get("w")
        if namespace is None:
            return super().fix_tables(xml)  # docxtpl fails its own way
        check = TableCheck.of(namespace)
        for table in check.to_fix(tree):
            fixed = super().fix_tables(etree.tostring(table, encoding="unicode"))
            # the same tables in the same order: each takes its grid as docxtpl left it
            for original, done in zip(list(table.iter(check.tbl)), list(fixed.iter(check.tbl))):
                grid, new = original.find(check.grid), done.find(check.grid)
                if grid is not None and new is not None:
                    original.replace(grid, new)
        return tree


def _member(partname) -> str:
    """The zip member of a part: ``/word/document.xml`` → ``word/document.xml``."""
    return str(partname).lstrip("/")


@dataclass(frozen=True)
class _Part:
    """A part docxtpl renders: its name (``/word/footer1.xml``, as errors name it), its source after
    ``patch_xml``, its encoding."""

    partname: str
    source: str
    encoding: str = "utf-8"


@dataclass
class PreparedTemplate:
    """What every document of one template shares (see the module docstring)."""

    members: list[Member]  # python-docx's save of the template, in its order
    body: _Part
    shell: DocumentShell  # the document part around the body
    headers_footers: list[_Part]  # headers, then footers, as docxtpl renders them
    footnotes: list[str]  # partnames of footnotes parts (docxtpl renders them once per section)
    core: str  # member names
    numbering: Optional[str]
    plan: Optional[NumberingPlan]
    _by_name: dict[str, Member] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_name = {member.name: member for member in self.members}

    def original(self, name: str) -> bytes:
        """A member of the template as python-docx writes it."""
        return inflate(self._by_name[_member(name)])


# What DocxTemplate's render, render_init and save call (docxtpl 0.17 to 0.20): the steps this module
# reproduces. A docxtpl whose render does more (another part rendered, say) gets the docxtpl path
# until this list and the module are reviewed; tests/render/test_prepared.py checks the installed one.
_REPRODUCED = {
    "render": {"Environment", "FOOTER_URI", "HEADER_URI", "autoescape", "build_headers_footers_xml", "build_xml",
               "fix_docpr_ids", "fix_tables", "is_rendered", "map_headers_footers_xml", "map_tree",
               "render_footnotes", "render_init", "render_properties"},
    "render_init": {"current_rendering_part", "docx_ids_index", "init_docx", "is_saved", "pic_map"},
    "save": {"Document", "docx", "is_rendered", "is_saved", "post_processing", "pre_processing", "save",
             "template_file"},
}


# docxtpl's render_xml_part, which _Fill.render_xml_part does with replacements: the names it uses and
# its texts (the two regular expressions and their templates, the escapes it undoes)
_RENDER_XML_PART = ({"Template", "TemplateError", "current_rendering_part", "docx_context", "from_string",
                     "hasattr", "lineno", "map", "max", "re", "render", "replace", "resolve_listing",
                     "splitlines", "sub"},
                    {"<w:p([ >])", "\\n<w:p\\1", "lineno", "\\n<w:p([ >])", "<w:p\\1", "{_{", "{{", "}_}", "}}",
                     "{_%", "{%", "%_}", "%}"})


def docxtpl_unknown_steps() -> Optional[str]:
    """What the installed docxtpl does in a render that the prepared path does not reproduce, or None."""
    import docxtpl

    for method, known in _REPRODUCED.items():
        extra = set(getattr(DocxTemplate, method).__code__.co_names) - known
        if extra:
            return f"docxtpl {docxtpl.__version__}: {method}() also uses {', '.join(sorted(extra))}"
    code = DocxTemplate.render_xml_part.__code__
    names, texts = _RENDER_XML_PART
    if set(code.co_names) != names or {c for c in code.co_consts if isinstance(c, str)} != texts:
        return f"docxtpl {docxtpl.__version__}: render_xml_part() is not the one the prepared path reproduces"
    return None


def unsupported(document) -> Optional[str]:
    """Why the prepared path cannot give this template's documents exactly as docxtpl does, or None."""
    unknown = docxtpl_unknown_steps()
    if unknown:
        return unknown
    try:
        document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return "no core properties part (python-docx would add one stamped with the render time)"
    targets = [rel.target_part for rel in document.part.rels.values()
               if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)]
    if len({id(part) for part in targets}) != len(targets):
        return "a header or footer part is used by two relationships (docxtpl would write it twice)"
    return None


def prepare(data: bytes, word_tag: str = "") -> Union[PreparedTemplate, str]:
    """Prepare the template ``data`` (DOCX bytes) for documents in the language ``word_tag`` (set in
    styles.xml here, once); a string says why the template needs the docxtpl path."""
    template = _Template(io.BytesIO(data))
    try:
        template.init_docx()
    except UNREADABLE as error:
        return f"not readable by python-docx ({error})"
    document = template.docx
    reason = unsupported(document)
    if reason:
        return reason
    styles = document.part._styles_part  # as the post-processing does: python-docx adds default styles
    try:
        numbering = document.part.numbering_part
    except NotImplementedError:  # python-docx cannot add one; the post-processing skips the restarts
        numbering = None
    if word_tag:
        set_language(styles.element, word_tag)  # docxtpl's render does not touch styles.xml: now or later is one
    prepare_document(document)  # the stamp's part, written last (its value is each document's own)
    saved = io.BytesIO()
    document.save(saved)  # before docxtpl's render: the members every document shares
    hdrftr = [_Part(str(part.partname), template.patch_xml(xml), template.get_headers_footers_encoding(xml))
              for uri in (template.HEADER_URI, template.FOOTER_URI)
              for _key, part in template.get_headers_footers(uri)
              for xml in [template.get_part_xml(part)]]
    body = _Part(str(document.part.partname), template.patch_xml(template.get_xml()))
    return PreparedTemplate(
        members=raw_members(saved.getvalue()), body=body,
        shell=DocumentShell.of(document.element, body.source), headers_footers=hdrftr,
        footnotes=[str(part.partname) for part in document.part.package.iter_parts() if part.content_type == FOOTNOTES],
        core=_member(document.part.package.part_related_by(RT.CORE_PROPERTIES).partname),
        numbering=_member(numbering.partname) if numbering is not None else None,
        plan=NumberingPlan.of(styles.element, numbering.element if numbering is not None else None))


_CACHE: "OrderedDict[tuple[bytes, str], Union[PreparedTemplate, str]]" = OrderedDict()


def prepared(template_path: Path, word_tag: str = "", data: Optional[bytes] = None) -> Union[PreparedTemplate, str]:
    """The prepared template of the file's current content (``data``, when already read) in a language,
    cached per process by a hash of the content and the language. The archive limits are checked when a
    content is first prepared (a refused template is never cached, so it is refused every time)."""
    if data is None:
        data = read_template(template_path, checked=False)
    key = (hashlib.blake2b(data, digest_size=20).digest(), word_tag)
    found = _CACHE.get(key)
    if found is None:
        check_template(template_path, data)
        found = prepare(data, word_tag)
        _CACHE[key] = found
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return found


def clear_prepared() -> None:
    _CACHE.clear()


def bound_to_docxtpl(value: Any, depth: int = 4) -> bool:
    """Whether the context holds an object tied to a DocxTemplate (InlineImage, Subdoc: ``.tpl``)."""
    if isinstance(getattr(value, "tpl", None), DocxTemplate):
        return True
    if depth and isinstance(value, dict):
        return any(bound_to_docxtpl(item, depth - 1) for item in value.values())
    if depth and isinstance(value, (list, tuple)):
        return any(bound_to_docxtpl(item, depth - 1) for item in value)
    return False


# -- per document --------------------------------------------------------------------------------
@dataclass
class _Filled:
    """The parts of one document that differ from the template's, as docxtpl leaves them."""

    tree: Any  # the document element parsed with its body, or the w:body element alone
    parts: dict[str, bytes]  # header/footer/footnotes partname → bytes
    core: Any  # the core properties element


def _fill(prepared: PreparedTemplate, context: dict[str, Any]) -> _Filled:
    """DocxTemplate.render on the prepared sources: the same functions, in the same order."""
    env = render_environment()
    core = parse_xml(prepared.original(prepared.core))
    fill = _Fill(SimpleNamespace(core_properties=CoreProperties(core)))
    xml = fill.render_xml_part(prepared.body.source, prepared.body, context, env)
    tree = fill.fix_tables(prepared.shell.document(xml) or xml)  # the whole document part where it can be
    if "docPr" in xml:  # docxtpl renumbers every wp:docPr (images): an element is named in the text
        fill.fix_docpr_ids(tree)
    parts: dict[str, bytes] = {}
    for part in prepared.headers_footers:
        xml = fill.render_xml_part(part.source, part, context, env)
        parts[part.partname] = serialize_part_xml(parse_xml(xml.encode(part.encoding)))
    fill.render_properties(context, env)
    if prepared.footnotes and hasattr(DocxTemplate, "render_footnotes"):  # docxtpl ≥ 0.18 renders them
        texts = {name: prepared.original(name).decode("utf-8") for name in prepared.footnotes}
        for _section in _body(tree).xpath(_SECTIONS, namespaces=nsmap):
            for name in prepared.footnotes:
                texts[name] = fill.render_xml_part(fill.patch_xml(texts[name]), _Part(name, ""), context, env)
        parts.update((name, text.encode("utf-8")) for name, text in texts.items())
    return _Filled(tree, parts, core)


def _body(tree):
    """The w:body of a rendered tree (the document element, or the body alone)."""
    return tree if tree.tag == _BODY else tree.find(_BODY)


def _archive(prepared: PreparedTemplate, filled: _Filled, *, title: str) -> bytes:
    """Post-process (numbering, title; the language is in the prepared styles) and zip: changed members
    deflated, the rest copied."""
    changed = {_member(name): data for name, data in filled.parts.items()}
    nums = restart_numbering(_body(filled.tree), prepared.plan)
    if nums:
        numbering = parse_xml(prepared.original(prepared.numbering))
        for num in nums:
            numbering.append(num)
        changed[prepared.numbering] = serialize_part_xml(numbering)
    if title:
        CoreProperties(filled.core).title = xml_safe(title)
    changed[prepared.core] = serialize_part_xml(filled.core)
    changed[_member(prepared.body.partname)] = prepared.shell.part(filled.tree)
    members = [deflate(member.name, changed[member.name]) if member.name in changed else member
               for member in prepared.members]
    return write_zip(_stamped(members, prepared.original(CUSTOM_MEMBER)))


def _stamped(members: list[Member], pending: bytes) -> list[Member]:
    """The members with the content stamp (:mod:`.stamp`) in the custom properties part: the same value
    :func:`~generator.render.stamp.finish_stamp` computes from the ZIP directory, from the same names,
    sizes and CRC-32s, without writing the archive twice."""
    custom = custom_properties_xml(digest_of((member.name, member.size, member.crc) for member in members), pending)
    return [deflate(CUSTOM_MEMBER, custom) if member.name == CUSTOM_MEMBER else member for member in members]


def render_prepared(template_path: Path, context: dict[str, Any], *, title: str = "", word_tag: str = "") -> bytes:
    """The DOCX bytes of ``template_path`` filled with ``context`` (see the module docstring); the
    caller gives it the time budget (:func:`~generator.render.docx_render.render_bytes`)."""
    data = read_template(template_path, checked=False)
    if bound_to_docxtpl(context):
        template: Union[PreparedTemplate, str] = "the context holds docxtpl objects"
    else:
        template = prepared(template_path, word_tag, data)
    if isinstance(template, str):  # why the docxtpl path renders it
        check_template(template_path, data)
        return render_docxtpl(template_path, data, context, title=title, word_tag=word_tag)
    try:
        filled = _fill(template, context)
    except Exception as error:  # noqa: BLE001 - as the docxtpl path: whatever a template's code raises
        raise TemplateProblem(describe_error(template_path, error)) from error
    return _archive(template, filled, title=title)
