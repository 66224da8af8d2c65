"""The zip writer of the prepared render path writes what zipfile (python-docx's writer) writes."""
from __future__ import annotations

import io
import time
import zipfile
import zlib

import docx
import pytest

from generator.render import builtin_dir
from generator.render.docx_zip import Member, deflate, inflate, raw_members, write_zip

MOMENT = (2026, 3, 21, 10, 42, 58)


def _zipfile_archive(members: dict[str, bytes]) -> bytes:
    """As ``ZipFile.writestr(name, data)`` writes them, dated MOMENT."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=MOMENT)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def test_byte_for_byte_what_zipfile_writes_non_ascii_names_included():
    members = {"[Content_Types].xml": b"<Types/>", "word/document.xml": "<w:t>Сәлем</w:t>".encode() * 200,
               "word/media/сурет.png": bytes(range(256)) * 3, "empty.xml": b""}
    expected = _zipfile_archive(members)
    moment = time.mktime(MOMENT + (0, 0, -1))
    ours = write_zip([deflate(name, data, zlib.Z_DEFAULT_COMPRESSION) for name, data in members.items()], moment)
    assert ours == expected
    # at progen's own level only the deflated streams differ: zipfile reads the archive back the same
    with zipfile.ZipFile(io.BytesIO(write_zip([deflate(n, d) for n, d in members.items()], moment))) as archive:
        assert archive.testzip() is None
        assert {info.filename: archive.read(info) for info in archive.infolist()} == members


def test_members_read_back_still_compressed():
    document = docx.Document(str(builtin_dir() / "outline.docx"))
    buffer = io.BytesIO()
    document.save(buffer)
    members = raw_members(buffer.getvalue())
    with zipfile.ZipFile(buffer) as archive:
        assert [m.name for m in members] == archive.namelist()
        assert all(inflate(m) == archive.read(m.name) for m in members)
        moment = time.mktime(archive.infolist()[0].date_time + (0, 0, -1))
        if len({info.date_time for info in archive.infolist()}) == 1:  # saved within one second
            assert write_zip(members, moment) == buffer.getvalue()


def test_a_stored_member_is_refused_and_a_huge_one_too():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.xml", b"<a/>")
    with pytest.raises(ValueError, match="a.xml: not deflated"):
        raw_members(buffer.getvalue())
    with pytest.raises(ValueError, match="too large"):
        write_zip([Member("big.bin", 0, 0x1_0000_0000, b"")])
