"""A generated document says so itself: a fingerprint of its content in its custom properties.

Every DOCX progen writes carries the custom property ``progen-content`` (``docProps/custom.xml``; Word
shows it under File → Info → Properties → Custom): a SHA-256 over the name, size and CRC-32 of every
part of the package as written — the document, styles, headers, numbering, core properties, images —
except the custom properties part itself and the package's bookkeeping (``[Content_Types].xml`` and
the ``.rels`` files). The ZIP's own directory holds each part's size and CRC-32, so writing and checking
the stamp read no part's content. Saving in Word or LibreOffice rewrites the parts, so the fingerprint
no longer matches; the property travels with the file, so this works without the build record (deleted,
or a copy made without hidden files) and says the same whether ``progen render`` or ``progen build``
wrote the file. (CRC-32 finds any accidental change; the stamp is not meant to resist forgery.)

:func:`document_state` reads it back: ``generated`` (untouched since progen wrote it), ``edited`` (a
progen document changed since), ``foreign`` (no stamp: written by something else, or by progen before
stamps) or ``unreadable`` (not a ZIP package at all).

Writing it: :func:`prepare_document` adds the custom properties part to a python-docx document before
it is saved (python-docx writes it last), and :func:`finish_stamp` fills in the fingerprint of the saved
bytes by rewriting only that last part. :func:`stamp_docx_bytes` does both for any DOCX given as bytes.
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
_PENDING = "pending"


def _counted(name: str) -> bool:
    """Members the fingerprint covers: the parts, not the package's bookkeeping or the stamp itself."""
    return name != CUSTOM_MEMBER and name != "[Content_Types].xml" and not name.endswith(".rels")


def content_digest(members: list[zipfile.ZipInfo]) -> str:
    """``sha256:<hex>`` of the name, size and CRC-32 of the members the fingerprint covers, in name order."""
    return digest_of((info.filename, info.file_size, info.CRC) for info in members)


def digest_of(entries: Iterable[tuple[str, int, int]]) -> str:
    """:func:`content_digest` of (name, size, CRC-32) entries: for a writer that knows them without a
    ZIP directory (the prepared render path, :mod:`generator.render.prepared`)."""
    digest = hashlib.sha256()
    for name, size, crc in sorted((entry for entry in entries if _counted(entry[0])), key=lambda entry: entry[0]):
        digest.update(f"{name}\0{size}\0{crc:08x}\n".encode("utf-8"))
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


def prepare_document(document) -> None:
    """Give a python-docx ``Document`` its custom properties part (the template's other properties kept),
    related last so that it is the last part python-docx writes; :func:`finish_stamp` the saved bytes."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    old = None
    for rel in list(package.rels.values()):
        if rel.reltype == CUSTOM_REL and not rel.is_external:
            old = rel.target_part.blob
            package.rels.pop(rel.rId)
    part = Part(PackURI("/" + CUSTOM_MEMBER), CUSTOM_TYPE, custom_properties_xml(_PENDING, old), package)
    package.relate_to(part, CUSTOM_REL)


def finish_stamp(data: bytes) -> bytes:
    """The saved DOCX with the fingerprint in its custom properties (only that part is written again)."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        members = archive.infolist()
        last = max(members, key=lambda info: info.header_offset)
        if last.filename != CUSTOM_MEMBER:  # another writer's order: rewrite the whole package
            return _restamp(data)
        custom = custom_properties_xml(content_digest(members), archive.read(last))
        archive.filelist.remove(last)
        del archive.NameToInfo[CUSTOM_MEMBER]
        archive.start_dir = last.header_offset  # the next member is written where the old one began
        archive.writestr(last, custom)
    return buffer.getvalue()


def stamp_docx_bytes(data: bytes) -> bytes:
    """Stamp a DOCX given as bytes (a render path that does not end with python-docx)."""
    return finish_stamp(_restamp(data))


def _restamp(data: bytes) -> bytes:
    """The package rewritten with its custom properties part registered and written last."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    old = contents.pop(CUSTOM_MEMBER, None)
    types = contents["[Content_Types].xml"].decode("utf-8")
    if f'PartName="/{CUSTOM_MEMBER}"' not in types:
        types = types.replace("</Types>", f'<Override PartName="/{CUSTOM_MEMBER}" ContentType="{CUSTOM_TYPE}"/></Types>')
    rels = contents.get("_rels/.rels", b"").decode("utf-8")
    if CUSTOM_REL not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdProgenCustom" Type="{CUSTOM_REL}" '
                                                f'Target="{CUSTOM_MEMBER}"/></Relationships>')
    contents["[Content_Types].xml"], contents["_rels/.rels"] = types.encode("utf-8"), rels.encode("utf-8")
    contents[CUSTOM_MEMBER] = custom_properties_xml(_PENDING, old)
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
    folder is read like any other untrusted package (only its directory and its custom properties).
    """
    from generator.common.archive_limits import check_package, check_source
    from generator.exceptions import GeneratorError

    try:
        check_source(Path(path), what="document")
        with zipfile.ZipFile(path) as archive:
            check_package(archive, Path(path).name, what="document")
            members = archive.infolist()
            if CUSTOM_MEMBER not in archive.NameToInfo:
                return "foreign"
            stamp = _stamp_value(archive.read(CUSTOM_MEMBER))
    except (GeneratorError, zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError):
        return "unreadable"
    if stamp is None:
        return "foreign"
    return "generated" if stamp == content_digest(members) else "edited"


__all__ = ["PROPERTY", "content_digest", "digest_of", "document_state", "finish_stamp", "prepare_document",
           "stamp_docx_bytes"]
