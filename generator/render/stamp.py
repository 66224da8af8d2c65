"""A generated document says so itself: a hash of its content in its custom properties.

Every DOCX progen writes carries the custom property ``progen-content`` (``docProps/custom.xml``; Word
shows it under File → Info → Properties → Custom): the SHA-256 of every part of the package as written —
the document, styles, headers, numbering, core properties, images — except the custom properties part
itself and the package's bookkeeping (``[Content_Types].xml`` and the ``.rels`` files). Saving in Word
or LibreOffice rewrites the document's parts, so the hash no longer matches; the property travels with
the file, so this works without the build record (deleted, or a copy made without hidden files) and
says the same whether ``progen render`` or ``progen build`` wrote the file.

:func:`document_state` reads it back: ``generated`` (untouched since progen wrote it), ``edited`` (a
progen document changed since), ``foreign`` (no stamp: written by something else, or by progen before
stamps) or ``unreadable`` (not a ZIP package at all).
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

PROPERTY = "progen-content"
CUSTOM_MEMBER = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id of user-defined properties
_NS = ('xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"')
_PROPERTY_ELEMENT = re.compile(r"<(?:\w+:)?property\b[^>]*>.*?</(?:\w+:)?property>", re.S)


def _counted(name: str) -> bool:
    """Members the hash covers: the parts, not the package's bookkeeping or the stamp itself."""
    return name != CUSTOM_MEMBER and name != "[Content_Types].xml" and not name.endswith(".rels")


def content_digest(members: Iterable[tuple[str, bytes]]) -> str:
    """``sha256:<hex>`` of (member name, bytes) pairs, in name order, of the members the hash covers."""
    digest = hashlib.sha256()
    for name, data in sorted((name, data) for name, data in members if _counted(name)):
        digest.update(f"{name}\0{len(data)}\0".encode("utf-8"))
        digest.update(data)
    return "sha256:" + digest.hexdigest()


def custom_properties_xml(value: str, old: bytes | None = None) -> bytes:
    """``docProps/custom.xml`` holding ``progen-content = value`` and every other property of ``old``."""
    others = []
    if old:
        text = old.decode("utf-8", "replace")
        others = [p for p in _PROPERTY_ELEMENT.findall(text) if f'name="{PROPERTY}"' not in p]
    renumbered = [re.sub(r'\bpid="\d+"', f'pid="{index}"', p, count=1) for index, p in enumerate(others, start=2)]
    ours = (f'<property fmtid="{_FMTID}" pid="{len(others) + 2}" name="{PROPERTY}">'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties {_NS}>'
            + "".join(renumbered) + ours + "</Properties>").encode("utf-8")


def stamp_document(document) -> None:
    """Stamp a python-docx ``Document`` just before it is saved (its parts as they will be written)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    old = None
    for rel in list(package.rels.values()):
        if rel.reltype == CUSTOM_REL and not rel.is_external:
            old = rel.target_part.blob
            package.rels.pop(rel.rId)
    digest = content_digest((part.partname.membername, part.blob) for part in package.iter_parts())
    part = Part(PackURI("/" + CUSTOM_MEMBER), CUSTOM_TYPE, custom_properties_xml(digest, old), package)
    package.relate_to(part, CUSTOM_REL)


def stamp_docx_bytes(data: bytes) -> bytes:
    """The same stamp for a DOCX given as bytes (a render path that does not end with python-docx)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    contents = {info.filename: body for info, body in members}
    digest = content_digest(contents.items())
    contents[CUSTOM_MEMBER] = custom_properties_xml(digest, contents.get(CUSTOM_MEMBER))
    types = contents["[Content_Types].xml"].decode("utf-8")
    if f'PartName="/{CUSTOM_MEMBER}"' not in types:
        types = types.replace("</Types>", f'<Override PartName="/{CUSTOM_MEMBER}" ContentType="{CUSTOM_TYPE}"/></Types>')
    rels = contents.get("_rels/.rels", b"").decode("utf-8")
    if CUSTOM_REL not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdProgenCustom" Type="{CUSTOM_REL}" '
                                                f'Target="{CUSTOM_MEMBER}"/></Relationships>')
    contents["[Content_Types].xml"], contents["_rels/.rels"] = types.encode("utf-8"), rels.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in contents.items():
            archive.writestr(name, body)
    return out.getvalue()


def _stamp_value(custom: bytes) -> str | None:
    text = custom.decode("utf-8", "replace")
    for element in _PROPERTY_ELEMENT.findall(text):
        if f'name="{PROPERTY}"' in element:
            found = re.search(r"<(?:\w+:)?lpwstr>([^<]*)<", element)
            return found.group(1).strip() if found else ""
    return None


def document_state(path: Path) -> str:
    """``generated``, ``edited``, ``foreign`` or ``unreadable`` (see the module's docstring).

    The package is checked against progen's archive limits first: a file someone put in the output
    folder is read like any other untrusted package.
    """
    from generator.common.archive_limits import check_package, read_package
    from generator.exceptions import GeneratorError

    try:
        data = read_package(Path(path), what="document")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, Path(path).name, what="document")
            names = set(archive.namelist())
            if CUSTOM_MEMBER not in names:
                return "foreign"
            stamp = _stamp_value(archive.read(CUSTOM_MEMBER))
            if stamp is None:
                return "foreign"
            actual = content_digest((name, archive.read(name)) for name in names if _counted(name))
    except (GeneratorError, zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError):
        return "unreadable"
    return "generated" if stamp == actual else "edited"


__all__ = ["PROPERTY", "content_digest", "document_state", "stamp_docx_bytes", "stamp_document"]
