"""A third language from one place: a language pack made of test data (tests/data/langpack_en) is registered
and a program is designed and rendered in it — every kind, through the library and the command line —
with nothing in progen's code changed."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator import languages
from generator.cli import main
from generator.design import plan_program
from generator.render import render_documents
from generator.standard.store import load_standard
from generator.workspace import Workspace
from generator.workspace.spec import ProgramSpec

PACK = Path(__file__).resolve().parents[1] / "data" / "langpack_en"
STANDARD = PACK / "standard.en.yaml"


@pytest.fixture
def english(monkeypatch):
    monkeypatch.syspath_prepend(str(PACK))  # the pack's phraser class (en_phraser.py) lives in its folder
    pack = languages.register_pack(PACK)
    yield pack
    languages.unregister_pack("en")


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs) + "\n" + "\n".join(
        cell.text for table in docx.Document(str(path)).tables for row in table.rows for cell in row.cells)


def test_the_pack_is_registered_and_every_registry_reader_sees_it(english):
    assert "en" in languages.codes() and languages.get_pack("en").word_tag == "en-GB"
    workspace = Workspace.builtin()
    assert "en" in workspace.languages and workspace.labels("en")["passport"] == "Program passport"
    assert workspace.phraser("en").ability("Organising training events").text == "can organise training events"
    assert load_standard(STANDARD).language == "en"  # standard data in the new language validates


def test_a_program_in_the_third_language_is_designed_and_rendered_as_every_kind(english, tmp_path):
    program = plan_program(load_standard(STANDARD), ProgramSpec(card="2422-0-001", year=2026))
    assert program.language == "en" and program.format == "classroom"
    assert [o.text for o in program.modules[1].outcomes][:2] == [
        "can advise young people on education and work", "can run information sessions"]
    assert program.modules[0].title == "Legal framework of the profession"  # the act two skills cite, taught once
    workspace = Workspace.builtin()
    written = render_documents(program, ["program", "outline", "assessment", "markdown", "guide", "feedback"],
                               tmp_path, workspace)
    assert [p.name for p in written] == ["2422-0-001_program_en.docx", "2422-0-001_outline_en.docx",
                                         "2422-0-001_assessment_en.docx", "2422-0-001_program_en.md",
                                         "2422-0-001_guide_en.docx", "2422-0-001_feedback_en.docx"]
    guide = text_of(written[4])
    for label in ("SESSION PLANS", "Session 1.", "Objectives. By the end of the session the participant:",
                  "Recalling experience", "Debriefing questions"):
        assert label in guide, label
    # the pack has no activity or feedback texts of its own: its fallback's (Russian) stand in
    assert "Знакомство, ожидания и групповые договоренности" in guide
    assert "Анкета обратной связи участника".upper() in text_of(written[5])
    assert program.sessions[0].steps[0].activity_id == "opening.intro_expectations_agreement"
    program_text = text_of(written[0])
    for label in ("«APPROVED»", "Program passport", "Curriculum plan", "72 academic hours", "LO 2.1",
                  "can organise training events", "knows methods of active listening"):
        assert label in program_text, label
    assert "SKILL RECOGNITION SHEET" in text_of(written[2])
    with zipfile.ZipFile(written[0]) as archive:
        assert 'w:val="en-GB"' in archive.read("word/styles.xml").decode()
    markdown = written[3].read_text("utf-8")
    assert "## Program passport" in markdown and "| Duration | 72 academic hours (1 academic hour – 45 minutes) |" in markdown


def test_the_command_line_offers_and_builds_the_third_language(english, tmp_path):
    (tmp_path / "standard_data").mkdir()
    (tmp_path / "standard_data" / "EN-0001.en.yaml").write_bytes(STANDARD.read_bytes())
    (tmp_path / "programs.yaml").write_text("defaults:\n  languages: [en]\n  kinds: [outline]\n", "utf-8")
    result = CliRunner().invoke(main, ["build", "-C", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "2422-0-001" / "2422-0-001_outline_en.docx").is_file()
    result = CliRunner().invoke(main, ["plan", "--standard", str(STANDARD), "--card", "2422-0-001", "--json",
                                       "--workspace", str(tmp_path)])
    assert result.exit_code == 0 and '"language": "en"' in result.output
    assert CliRunner().invoke(main, ["phrase", "--lang", "en", "--kind", "knowledge", "Principles"]).output == \
        "knows principles\n"


def test_without_the_pack_the_language_is_refused_with_the_known_ones(tmp_path):
    from generator.exceptions import StandardDataError

    with pytest.raises(StandardDataError, match="language: 'en' is not one of kk, ru"):
        load_standard(STANDARD)
