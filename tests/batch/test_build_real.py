"""End to end with the real pipeline: design, phrasing and docxtpl render from the built-in templates."""
from __future__ import annotations

import shutil

import docx
import pytest

from generator.batch import build
from generator.render import builtin_dir

CARDS = ("1210-0-020", "3412-0-003")
KINDS = ("program", "outline", "assessment", "guide")


def text_of(path):
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def built(workspace):
    report = build(workspace)
    assert report.ok, [r.message for r in report.failed]
    return workspace


def test_first_build_then_nothing_to_do(built):
    expected = sorted(f"output/{c}/{c}_{k}_kk.docx" for c in CARDS for k in KINDS)
    assert sorted(p.relative_to(built).as_posix() for p in (built / "output").rglob("*.docx")) == expected
    assert "Жастармен жұмыс жөніндегі маман" in text_of(built / "output/3412-0-003/3412-0-003_program_kk.docx")
    stamps = {p: p.stat().st_mtime_ns for p in (built / "output").rglob("*") if p.is_file()}
    report = build(built, jobs=2)
    assert [(r.status, r.reason) for r in report.results] == [("up-to-date", "")] * 8
    assert {p: p.stat().st_mtime_ns for p in (built / "output").rglob("*") if p.is_file()} == stamps


def test_a_workspace_template_override_rebuilds_only_its_kind(built):
    shutil.copy(builtin_dir() / "outline.docx", built / "templates" / "outline.docx")
    report = build(built, jobs=2)
    assert sorted(r.key for r in report.built) == [f"output/{c}/{c}_outline_kk.docx" for c in CARDS]
    assert {r.reason for r in report.built} == {"changed: templates"}
    shutil.copy(builtin_dir() / "program.docx", built / "templates" / "program_kk.docx")  # language-specific
    assert sorted(r.key for r in build(built).built) == [f"output/{c}/{c}_program_kk.docx" for c in CARDS]


def test_a_phrasing_override_reaches_the_document_of_its_card_only(built):
    (built / "phrasing").mkdir()
    (built / "phrasing" / "overrides.yaml").write_text(
        '"3412-0-003/F2/S1/A1": жастарға арналған оқыту іс-шараларын өз бетінше ұйымдастыра алады\n', "utf-8")
    report = build(built)
    assert sorted(r.key for r in report.built) == sorted(f"output/3412-0-003/3412-0-003_{k}_kk.docx" for k in KINDS)
    assert "өз бетінше ұйымдастыра алады" in text_of(built / "output/3412-0-003/3412-0-003_program_kk.docx")


def test_a_failing_template_fails_its_targets_with_the_message(built):
    (built / "templates" / "assessment.docx").write_bytes(b"not a word document")
    report = build(built, keep_going=True)
    assert sorted(r.key for r in report.failed) == [f"output/{c}/{c}_assessment_kk.docx" for c in CARDS]
    assert "assessment.docx" in report.failed[0].message
    assert not report.ok and not report.built


def test_markdown_is_a_build_kind_for_reviewing_programs_in_git(workspace):
    """programs.yaml may ask for the program as Markdown (issue 8): same content, its own output."""
    from generator.design import plan_program
    from generator.workspace.spec import ProgramSpec
    from generator.standard.store import load_standard

    manifest = workspace / "programs.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "\ntargets:\n  - card: 3412-0-003\n"
                        "    kinds: [program, markdown]\n", encoding="utf-8")
    report = build(workspace)
    assert report.ok, [r.message for r in report.failed]
    markdown = workspace / "output/3412-0-003/3412-0-003_program_kk.md"
    text = markdown.read_text("utf-8")
    program = plan_program(load_standard(workspace / "standard_data" / "M84120.kk.yaml"),
                           ProgramSpec(card="3412-0-003"))
    for module in program.modules:
        for outcome in module.outcomes:
            plain = outcome.text.replace('"', "").replace("«", "").replace("»", "")
            assert plain in text.replace('"', "").replace("«", "").replace("»", "")
    assert [r.status for r in build(workspace).results] == ["up-to-date", "up-to-date"]
    manifest.write_text(manifest.read_text("utf-8").replace("[program, markdown]", "[markdown, programme]"),
                        encoding="utf-8")
    from generator.exceptions import GeneratorError

    with pytest.raises(GeneratorError, match="valid kinds: program, outline, assessment, markdown"):
        build(workspace)
