"""Helpers for the tests of the prepared render path: the programs compared, DOCX members, and a
template that uses docxtpl's features (made with python-docx, under tmp_path)."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Inches

from helpers import CARDS, REPO, design_seed

RU_SAMPLE = REPO / "tests" / "data" / "ru_sample_2023.txt"
FIXTURES = REPO.parent / "shared" / "fixtures" / "standards"
FIXTURE_FILES = sorted(p.name for p in FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else []
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# (source, card): both seed cards, both cards of the Russian sample, the first card of each fixture
SOURCES = [("seed", card) for card in CARDS] + [("ru_sample", 0), ("ru_sample", 1)] + [
    ("fixture", name) for name in FIXTURE_FILES]


def design_source(source: str, card, lang: str):
    """The program of one card of a source, designed in ``lang`` (year fixed)."""
    from generator.design.engine import design
    from generator.ingest import import_standard
    from generator.workspace import Workspace
    from generator.workspace.spec import ProgramSpec

    if source == "seed":
        return design_seed(card, lang=lang)
    standard = import_standard(RU_SAMPLE if source == "ru_sample" else FIXTURES / card)
    code = standard.cards[card if isinstance(card, int) else 0].code
    return design(standard, ProgramSpec(card=code, language=lang, year=2026), Workspace.builtin())


def word_tag(lang: str) -> str:
    """The Word language tag of a language pack (kk-KZ, ru-RU); empty for none."""
    from generator.workspace import Workspace

    return Workspace.builtin().language(lang).word_tag if lang else ""


def members(data: bytes) -> list[tuple[str, bytes]]:
    """Every member of a DOCX, in order, uncompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def layout(data: bytes) -> list[tuple]:
    """What a zip says of its members besides their content and date."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return [(i.filename, i.compress_type, i.create_system, i.external_attr, i.flag_bits)
                for i in archive.infolist()]


def assert_same_document(fast: bytes, reference: bytes) -> None:
    """Both DOCX hold the same members in the same order, byte for byte (nothing normalised)."""
    assert layout(fast) == layout(reference)
    for (name, ours), (_name, theirs) in zip(members(fast), members(reference)):
        if ours != theirs:
            at = next(i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b) if min(len(ours), len(theirs)) else 0
            raise AssertionError(f"{name} differs at byte {at}: {ours[max(at - 80, 0):at + 80]!r}\n"
                                 f"docxtpl: {theirs[max(at - 80, 0):at + 80]!r}")


def png(width: int = 2, height: int = 1) -> bytes:
    """A tiny valid PNG (grey pixels)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text


def _footnotes(document, text: str) -> None:
    """A footnotes part (python-docx has no API for it) with one footnote holding ``text``."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:footnotes {W}>'
           f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
           f'</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def feature_template(path: Path) -> Path:
    """A template using docxtpl's features: split runs, {%p %}, {%tr %}, {%tc %}, colspan, cellbg,
    vm/hm, {{r }}, values with newlines and tabs, {_{ escapes, an image (docPr ids), headers and
    footers, two sections, footnotes with a tag and a templated core property."""
    document = docx.Document()
    document.core_properties.author = "{{ author }}"
    document.core_properties.subject = "Тақырып: {{ title }}"
    paragraph = document.add_paragraph()
    for piece in ("Курс: {{ ti", "tle }} — ", "{{ text }}"):
        paragraph.add_run(piece)
    document.add_paragraph("{%p for item in items %}")
    document.add_paragraph("{{ loop.index }}. {{ item.name }} {{ item.hours }}", style="List Number")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("Бір", style="List Number")
    document.add_paragraph("{{r rich }} және {_{ literal }_}")
    loop = ["{%tc for c in columns %}", "{{ c }}", "{%tc endfor %}"]
    _table(document, [["Атауы", *loop, "Сағат"],
                      ["{%tr for item in items %}", "", "", "", ""],
                      ["{{ item.name }}", *loop, "{% cellbg item.color %}{{ item.hours }}"],
                      ["{%tr endfor %}", "", "", "", ""],
                      ["{% colspan 2 %}Барлығы", "", "", "", "{{ total }}"]])
    _table(document, [["{%tr for item in items %}", ""], ["{% vm %}{{ group }}", "{{ item.name }}"], ["{%tr endfor %}", ""]])
    _table(document, [["{%tc for c in columns %}", "{{ c }}", "{%tc endfor %}", "Соңы"]])  # grid of 4: wider or narrower
    document.add_picture(io.BytesIO(png()), width=Inches(0.5))
    document.add_paragraph("Сілтеме").add_run().element.append(docx.oxml.parse_xml(
        f'<w:footnoteReference {W} w:id="1"/>'))
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ title }} — {{ author }}"
    section.footer.paragraphs[0].text = "{{ footer }}"
    document.add_section()
    document.add_paragraph("{{ items|length }} тармақ")
    document.add_picture(io.BytesIO(png(3, 2)), width=Inches(0.3))
    _footnotes(document, "{{ title }} (ескерту)")
    document.save(str(path))
    return path


def feature_context(columns=("Т", "П", "Б", "Ж")) -> dict:
    from docxtpl import RichText

    return {"title": 'ЖРО «Жас Өркен» & "Болашақ" <2026>', "author": "А. Әлімова", "text": "бірінші\nекінші\tтаб",
            "items": [{"name": "Кіріспе", "hours": 4, "color": "FF0000"}, {"name": "Практика", "hours": 8, "color": "00FF00"},
                      {"name": "Бағалау", "hours": 2, "color": "0000FF"}],
            "columns": list(columns), "rich": RichText("қалың", bold=True), "total": 14, "group": "Модуль",
            "footer": "Астана\a2026\fбет"}
