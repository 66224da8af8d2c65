"""Limits on files progen unpacks (DOCX standards, Word templates, documents it checks, uploads).

A .docx is a ZIP package. A few megabytes of ZIP can unpack to gigabytes (a "zip bomb"), and every
reader of the package — ``zipfile``'s own check, python-docx, docxtpl — would inflate all of it before
saying anything. The limits here are checked on the ZIP's central directory only (names and the sizes
each part declares), so a bomb is refused in milliseconds without inflating a byte; ``zipfile`` itself
never returns more than the size a part declares (and fails its checksum if the data holds more), so
the declared sizes are a true bound.

Call :func:`read_package` (a file) or :func:`check_package` (bytes, e.g. an upload) at the entry of
any reader; :func:`check_size` is the same first check for files that are not packages (PDF, text).
Every refusal is one line naming the file and the limit.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from generator.common.bounded_yaml import MB, check_file, read_limited, size_text
from generator.exceptions import GeneratorError, SourceError


@dataclass(frozen=True)
class ArchiveLimits:
    """How big a package (and what it unpacks to) may be. Real standards: 50–700 KB, parts of 12:1."""

    max_file_bytes: int = 50 * MB  # the file as stored or uploaded
    max_members: int = 10_000  # parts in the package
    max_member_bytes: int = 32 * MB  # one part, unpacked (a 1,000-page document.xml is about 20 MB)
    max_total_bytes: int = 128 * MB  # all parts, unpacked
    max_ratio: int = 200  # unpacked / packed size of a part bigger than ratio_from (Word XML: about 12)
    ratio_from: int = 1 * MB


PACKAGE_LIMITS = ArchiveLimits()

ErrorClass = type[GeneratorError]


def check_size(size: int, name: str, limits: ArchiveLimits = PACKAGE_LIMITS,
               error_class: ErrorClass = SourceError, what: str = "file") -> None:
    """Refuse a file (or an upload, by its announced size) bigger than ``limits.max_file_bytes``."""
    if size > limits.max_file_bytes:
        raise error_class(f"{name}: the {what} is {size_text(size)}, over progen's limit of "
                          f"{size_text(limits.max_file_bytes)}; is it the right file?")


def check_source(path: Path, limits: ArchiveLimits = PACKAGE_LIMITS, error_class: ErrorClass = SourceError,
                 what: str = "file") -> int:
    """The size of a regular file within ``limits.max_file_bytes``; a device, a pipe or a bigger file is
    refused before it is opened."""
    size = check_file(Path(path), what, error_class, max_bytes=1 << 62)
    check_size(size, Path(path).name, limits, error_class, what)
    return size


def read_package(path: Path, limits: ArchiveLimits = PACKAGE_LIMITS, error_class: ErrorClass = SourceError,
                 what: str = "file") -> bytes:
    """The bytes of a file within the size limit (a device or a pipe refused before it is opened).

    Only the size is checked here: callers first tell a ZIP from other formats (a .doc, a PDF) for a
    better message, then call :func:`check_package` on the bytes.
    """
    path = Path(path)
    check_source(path, limits, error_class, what)
    try:
        return read_limited(path, what, error_class, limits.max_file_bytes)
    except error_class as error:
        if "over progen's limit" in str(error):  # it grew since it was checked
            raise error_class(f"{path.name}: the {what} is over progen's limit of "
                              f"{size_text(limits.max_file_bytes)}") from error
        raise


def check_package(data: Union[bytes, zipfile.ZipFile], name: str, limits: ArchiveLimits = PACKAGE_LIMITS,
                  error_class: ErrorClass = SourceError, what: str = "Word file") -> None:
    """Refuse a ZIP package that unpacks to more than the limits allow, before anything is inflated.

    ``data``: the file's bytes, or an open ZipFile. A file that is not a readable ZIP passes (the
    reader reports it as damaged, with its own words).
    """
    if isinstance(data, (bytes, bytearray)):
        check_size(len(data), name, limits, error_class, what)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
            return
        with archive:
            _check_members(archive.infolist(), name, limits, error_class, what)
    else:
        _check_members(data.infolist(), name, limits, error_class, what)


def _check_members(members: list[zipfile.ZipInfo], name: str, limits: ArchiveLimits, error_class: ErrorClass,
                   what: str) -> None:
    bomb = "it looks like a zip bomb, not a real document"
    if len(members) > limits.max_members:
        raise error_class(f"{name}: the {what} holds {len(members):,} parts, over progen's limit of "
                          f"{limits.max_members:,}; {bomb}")
    total = 0
    for member in members:
        unpacked, packed = member.file_size, member.compress_size
        if unpacked > limits.max_member_bytes:
            raise error_class(f"{name}: the part {member.filename} of the {what} unpacks to "
                              f"{size_text(unpacked)}, over progen's limit of {size_text(limits.max_member_bytes)} "
                              f"for one part; {bomb}")
        if unpacked > limits.ratio_from and unpacked > limits.max_ratio * max(packed, 1):
            raise error_class(f"{name}: the part {member.filename} of the {what} is packed "
                              f"{unpacked // max(packed, 1):,}:1, over progen's limit of {limits.max_ratio}:1 "
                              f"(Word packs text about 12:1); {bomb}")
        total += unpacked
        if total > limits.max_total_bytes:
            raise error_class(f"{name}: the {what} unpacks to more than {size_text(limits.max_total_bytes)} "
                              f"(progen's limit); {bomb}")


__all__ = ["ArchiveLimits", "PACKAGE_LIMITS", "check_package", "check_size", "check_source", "read_package"]
