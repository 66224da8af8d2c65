"""The document part around a rendered body: put together as text, parsed once.

docxtpl renders ``<w:body …>…</w:body>`` alone (its source is the body serialised by lxml, so its start
tag declares every namespace of the document) and then moves the parsed body into python-docx's
document element. lxml then drops the body's declarations the document element already makes and
points every element of the body at the document's own — a walk over the whole body, about a tenth
of a long document's render.

:class:`DocumentShell` gives the same tree from one parse: the text of the document element before and
after its body, and the body's start tag without the declarations lxml would drop. It is only used
where that is provably the same (:meth:`DocumentShell.of` returns None otherwise, and the body is moved
as docxtpl moves it):

* every namespace the body's start tag declares is declared on the document element with the same
  prefix, or not at all (lxml matches declarations by URI; another prefix would rename elements);
* the document part holds nothing outside the body that the per-document steps look at over the whole
  tree (``w:tbl``, ``wp:docPr``: docxtpl's ``fix_tables`` and ``fix_docpr_ids`` see only the body);
* the rendered body begins with the source's start tag (Jinja cannot reach into it; checked anyway).
"""
from __future__ import annotations

import copy
import re
import uuid
from dataclasses import dataclass
from typing import Optional
from xml.sax.saxutils import unescape

from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

_START = re.compile(r"<w:body(?:\s[^>]*)?>")
_DECLARATION = re.compile(r'\sxmlns(?::([\w.\-]+))?="([^"]*)"')
_LOOKED_AT = ("w:tbl", "wp:docPr", ":docPr")  # what fix_tables and fix_docpr_ids look for


@dataclass(frozen=True)
class DocumentShell:
    """The document part of a template with its body left out (see the module docstring)."""

    empty: bytes  # the document part with an empty body, as python-docx writes it (to move a body into)
    head: Optional[str] = None  # the document element up to its body (no XML declaration)
    tail: Optional[str] = None  # after the body
    start: Optional[str] = None  # the body's start tag at the beginning of the prepared source
    start_in_document: Optional[str] = None  # the same without the declarations lxml drops

    @classmethod
    def of(cls, element, body_source: str) -> "DocumentShell":
        """From python-docx's document element and the body's source after docxtpl's ``patch_xml``."""
        root = copy.deepcopy(element)
        body = root.find(qn("w:body"))
        for child in list(body):
            body.remove(child)
        empty = serialize_part_xml(root)
        marker = f"progen-body-{uuid.uuid4().hex}"
        root.replace(body, etree.Comment(marker))
        head, found, tail = etree.tostring(root, encoding="unicode").partition(f"<!--{marker}-->")
        start = _START.match(body_source)
        if not found or start is None or any(name in head + tail for name in _LOOKED_AT):
            return cls(empty)
        declared = root.nsmap
        start_in_document = start.group(0)
        for match in _DECLARATION.finditer(start.group(0)):
            prefix, uri = match.group(1), unescape(match.group(2), {"&quot;": '"'})
            if declared.get(prefix) == uri:
                start_in_document = start_in_document.replace(match.group(0), "", 1)
            elif prefix in declared or uri in declared.values():  # lxml would rename, or an odd spelling
                return cls(empty)
        return cls(empty, head, tail, start.group(0), start_in_document)

    def document(self, body_xml: str) -> Optional[str]:
        """The document part's XML around a rendered body, or None (the body is then moved)."""
        if self.start is None or not body_xml.startswith(self.start):
            return None
        return f"{self.head}{self.start_in_document}{body_xml[len(self.start):]}{self.tail}"

    def part(self, tree) -> bytes:
        """The document part as python-docx writes it: ``tree`` is the whole document element parsed from
        :meth:`document`, or a rendered body to put in the empty one (docxtpl's ``map_tree``)."""
        if tree.tag == qn("w:document"):
            return serialize_part_xml(tree)
        root = parse_xml(self.empty)
        root.replace(root.find(qn("w:body")), tree)
        return serialize_part_xml(root)
