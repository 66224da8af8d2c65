"""Uploaded standards: size and type checked by content, kept under a random name, imported once.

The browser's file name is only ever shown (escaped), never used as a path: the upload is saved as
``upload.<type>`` in a private temporary folder, where the type comes from the bytes — a Word file is a
ZIP with ``word/document.xml``, a PDF starts with ``%PDF-``, a text has no NUL bytes. A Word file is
also checked as an archive before any reader opens it (:func:`check_archive`): how much it would
unpack to, in all and per member, and how many members it has, so a ZIP bomb named ``.docx`` is
refused in milliseconds, with the limits every DOCX reader of progen applies
(``generator/common/archive_limits.py``).
"""
from __future__ import annotations

import importlib.util
import secrets
import shutil
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

UPLOAD_LIMIT = 20 * 1024 * 1024  # bytes of one upload: published standards are 0.1–5 MB
PENDING_LIMIT = 4  # imports shown and not yet saved, kept in memory (the oldest goes first)
PENDING_SECONDS = 3600

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc


class UploadRefused(Exception):
    """An upload that is not imported; ``key`` names the interface text that says why."""

    def __init__(self, key: str, **params) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def pdf_supported() -> bool:
    """Whether this progen reads PDF standards (the PDF reader of issue 14 is installed)."""
    return importlib.util.find_spec("generator.ingest.pdf_reader") is not None


def sniff(head: bytes) -> str:
    """``docx``, ``pdf`` or ``txt`` from the first bytes of a file; UploadRefused for anything else."""
    if not head:
        raise UploadRefused("upload_empty")
    if head.startswith(ZIP_MAGIC):
        return "docx"
    if head.startswith(b"%PDF-"):
        if not pdf_supported():
            raise UploadRefused("upload_pdf_unsupported")
        return "pdf"
    if head.startswith(OLE_MAGIC):
        raise UploadRefused("upload_old_doc")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRefused("upload_unknown_type")
    return "txt"


def check_archive(path: Path) -> None:
    """Refuse a Word file that is not a readable ZIP, is not a Word document, or would unpack too far
    (the archive limits every DOCX reader of progen applies: generator/common/archive_limits.py)."""
    from generator.common.archive_limits import PACKAGE_LIMITS, check_package
    from generator.exceptions import SourceError

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise UploadRefused("upload_bad_docx")
            check_package(archive, path.name)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused("upload_bad_docx") from None
    except SourceError:
        raise UploadRefused("upload_docx_too_big", limit=PACKAGE_LIMITS.max_total_bytes // (1024 * 1024)) from None


def receive(stream, limit: int = UPLOAD_LIMIT) -> tuple[Path, str]:
    """Copy an uploaded file (a binary stream) to a private folder; return its path and type.

    Reads at most ``limit`` + 1 bytes, so an upload without a declared length is bounded too.
    """
    folder = Path(tempfile.mkdtemp(prefix="progen-upload-"))
    try:
        head = stream.read(64 * 1024)
        kind = sniff(head)
        target = folder / f"upload.{kind}"
        size = len(head)
        with target.open("wb") as handle:
            handle.write(head)
            while size <= limit:
                chunk = stream.read(256 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                handle.write(chunk)
        if size > limit:
            raise UploadRefused("upload_too_large", limit=limit // (1024 * 1024))
        if kind == "docx":
            check_archive(target)
        return target, kind
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def discard(path: Path) -> None:
    """Remove an upload's private folder."""
    shutil.rmtree(Path(path).parent, ignore_errors=True)


@dataclass
class PendingImport:
    """An imported standard shown to the trainer and not yet saved."""

    standard: object  # generator.standard.model.Standard
    display_name: str
    created: float = field(default_factory=time.monotonic)


class PendingImports:
    """Imports waiting for the trainer's "save": in memory, by random id, a few at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, PendingImport] = {}

    def add(self, item: PendingImport) -> str:
        with self._lock:
            self._expire()
            while len(self._items) >= PENDING_LIMIT:
                self._items.pop(next(iter(self._items)))
            key = secrets.token_urlsafe(12)
            self._items[key] = item
            return key

    def get(self, key: str) -> Optional[PendingImport]:
        with self._lock:
            self._expire()
            return self._items.get(key)

    def remove(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def _expire(self) -> None:
        now = time.monotonic()
        for key in [k for k, item in self._items.items() if now - item.created > PENDING_SECONDS]:
            del self._items[key]
