"""Small PDFs written byte by byte, for what LibreOffice will not print: a scan without text, a file
locked with a password nobody gave, a PDF of some other text."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bytes(page_content: bytes, encrypt: Optional[bytes] = None, image: bool = False) -> bytes:
    """A one-page PDF whose page draws ``page_content`` (with Helvetica as /F1, and an 8×8 grey
    image as /Im1 when ``image``); ``encrypt`` is an /Encrypt dictionary for the trailer."""
    resources = b"<< /Font << /F1 4 0 R >>" + (b" /XObject << /Im1 6 0 R >>" if image else b"") + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources " + resources + b" >>",
        _FONT,
        b"<< /Length %d >>\nstream\n" % len(page_content) + page_content + b"\nendstream",
    ]
    if image:
        pixels = bytes(range(64))
        objects.append(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Length 64 >>\nstream\n" + pixels + b"\nendstream")
    if encrypt is not None:
        objects.append(encrypt)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if encrypt is not None:
        trailer += b" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" % len(objects)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF that prints ``lines`` (ASCII) one under the other."""
    content = b"BT /F1 12 Tf 72 780 Td 14 TL " + b" ".join(b"(%s) '" % line.encode("ascii") for line in lines) + b" ET"
    path.write_bytes(pdf_bytes(content))
    return path


def scanned_pdf(path: Path) -> Path:
    """A page that is one picture and no text, as a scanner makes it."""
    path.write_bytes(pdf_bytes(b"q 500 0 0 700 48 70 cm /Im1 Do Q", image=True))
    return path


def locked_pdf(path: Path) -> Path:
    """A PDF encrypted with a user password (RC4, 40 bits) that is not the empty one."""
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
               b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>")
    path.write_bytes(pdf_bytes(b"BT /F1 12 Tf 72 780 Td (secret) Tj ET", encrypt=encrypt))
    return path
