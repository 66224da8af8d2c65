"""The built-in templates: shipped copy == repository copy, reproducible from the generator script."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.render import builtin_dir
from helpers import KINDS
from generator.render.make_builtin_templates import template_bytes

REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize("kind", KINDS)
def test_package_and_repository_copies_are_identical(kind):
    assert (builtin_dir() / f"{kind}.docx").read_bytes() == (REPO_TEMPLATES / f"{kind}.docx").read_bytes()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".xml")}


@pytest.mark.parametrize("kind", KINDS)
def test_committed_template_matches_the_generator(kind):
    """Regenerate with `python -m generator.render.make_builtin_templates` when this fails."""
    fresh = _members(template_bytes(kind))
    committed = _members((builtin_dir() / f"{kind}.docx").read_bytes())
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml"):
        if name in fresh or name in committed:
            assert fresh.get(name) == committed.get(name), name


def test_word_refreshes_fields_on_opening():
    settings = _members((builtin_dir() / "program.docx").read_bytes())["word/settings.xml"].decode()
    assert '<w:updateFields w:val="true"/>' in settings


@pytest.mark.parametrize("kind", KINDS)
def test_page_setup_and_fonts_are_in_styles(kind):
    import docx

    document = docx.Document(str(builtin_dir() / f"{kind}.docx"))
    section = document.sections[0]
    def mm(length):
        return round(length.mm)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    styles = _members((builtin_dir() / f"{kind}.docx").read_bytes())["word/styles.xml"].decode()
    defaults = styles[styles.index("<w:docDefaults>"):styles.index("</w:docDefaults>")]
    assert 'w:ascii="Times New Roman"' in defaults and 'w:cs="Times New Roman"' in defaults
    assert "Theme" not in defaults  # no theme font (Calibri) for Cyrillic text
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == {"program": 14, "outline": 11, "assessment": 12, "guide": 11, "feedback": 11}[kind]
    for name in ("Heading 1", "Heading 2", "Label"):
        assert document.styles[name].paragraph_format.keep_with_next


def test_program_has_toc_field_and_page_numbers():
    members = _members((builtin_dir() / "program.docx").read_bytes())
    assert 'TOC \\o "1-2"' in members["word/document.xml"].decode()
    footers = [v.decode() for k, v in members.items() if k.startswith("word/footer")]
    assert any('w:instr=" PAGE "' in footer for footer in footers)
