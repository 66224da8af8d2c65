"""The methodologist's workflow: edit a copy of the built-in template in Word, check it, render with it."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
from docx.shared import Mm

from generator.render import builtin_dir, find_template, render_document
from generator.render.check import check_folder, check_template
from generator.render.manage import init_templates
from helpers import full_text, paragraphs, part
from test_errors_and_sandbox import make_template


def tiny_png(path: Path) -> Path:
    """A 4×4 blue PNG (a centre's logo)."""
    raw = b"".join(b"\x00" + b"\x20\x40\xc0" * 4 for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def customise(source: Path, target: Path, logo: Path) -> None:
    """What a methodologist does in Word, done with python-docx."""
    document = docx.Document(str(source))
    section = document.sections[0]
    for header in (section.header, section.first_page_header):  # a logo on every page
        header.is_linked_to_previous = False
        header.paragraphs[0].add_run().add_picture(str(logo), width=Mm(18))
    title = document.paragraphs[0]  # the centre's name typed over the tag
    assert title.text == "{{ program.provider.name }}"
    title.runs[0].text = "«Болашақ» жастар ресурстық орталығы"
    body = document.paragraphs
    heading = next(i for i, p in enumerate(body) if p.text == "{{ labels.explanatory_note }}")
    note_end = next(p for p in body[heading:] if p.text.startswith("{%p endfor"))  # after the note's paragraphs
    added = note_end.insert_paragraph_before("Бағдарлама орталықтың әдістемелік кеңесінде қаралды (№ 3 хаттама).")
    note_end._p.addnext(added._p)  # after the explanatory note, not before
    heading = next(p for p in body if p.text == "{{ labels.organisation }}")  # drop the section «organisation»
    element = heading._p
    doomed = [element]
    sibling = element.getnext()
    while sibling is not None and not (sibling.tag.endswith("}p") and sibling.style == "Heading1"):
        doomed.append(sibling)
        sibling = sibling.getnext()
    for node in doomed:
        node.getparent().remove(node)
    document.save(str(target))


def test_customised_template_still_renders(sample, tmp_path):
    workspace = tmp_path / "centre"
    init_templates(workspace / "templates")
    customise(builtin_dir() / "program.docx", workspace / "templates" / "program.docx", tiny_png(tmp_path / "logo.png"))
    assert find_template("program", "kk", workspace) == workspace / "templates" / "program.docx"
    assert [f for f in check_folder(workspace / "templates") if f.severity == "error"] == []
    path = render_document(sample, "program", tmp_path / "p.docx", workspace=workspace)
    text = full_text(path)
    lines = paragraphs(path)
    assert "«Болашақ» жастар ресурстық орталығы" in lines[0]
    assert "Бағдарлама орталықтың әдістемелік кеңесінде қаралды (№ 3 хаттама)." in lines
    assert lines.index("Бағдарлама орталықтың әдістемелік кеңесінде қаралды (№ 3 хаттама).") == \
        next(i for i, line in enumerate(lines) if line.startswith("Қорытынды бағалаудан өткен қатысушыға")) + 1
    assert "Оқытуды ұйымдастыру" not in lines
    for kept in ("Бағдарлама паспорты", "Оқу-тақырыптық жоспар", "Оқыту нәтижелерін бағалау", "Сәйкестік матрицасы"):
        assert kept in lines
    assert "{{" not in text
    rendered = docx.Document(str(path))
    header_xml = rendered.sections[0].header._element.xml
    assert "<pic:pic" in header_xml or "graphicData" in header_xml
    assert any(name.startswith("word/media/") for name in _names(path))


def _names(path: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_changed_labels_from_workspace(sample, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_text(
        "kk:\n  approve: «КЕЛІСІЛДІ»\n  kinds:\n    ability: Іскерлік\n", encoding="utf-8")
    path = render_document(sample, "program", tmp_path / "p.docx", workspace=tmp_path)
    text = full_text(path)
    assert "«КЕЛІСІЛДІ»" in text and "«БЕКІТЕМІН»" not in text
    assert "Іскерлік" in text


def test_unknown_label_key_is_reported(sample, tmp_path):
    import pytest

    from generator.exceptions import WorkspaceDataError

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_text("kk:\n  aprove: x\n", encoding="utf-8")
    with pytest.raises(WorkspaceDataError, match=r"labels.yaml:2: kk.aprove: unknown key 'aprove' \(did you mean 'approve'\?\)"):
        render_document(sample, "program", tmp_path / "p.docx", workspace=tmp_path)


def test_labels_of_a_language_that_are_not_a_mapping_are_reported(sample, tmp_path):
    import pytest

    from generator.exceptions import WorkspaceDataError

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_text("kk: КЕЛІСІЛДІ\n", encoding="utf-8")
    with pytest.raises(WorkspaceDataError, match="labels.yaml:1: kk: expected a mapping like the built-in labels, got text"):
        render_document(sample, "program", tmp_path / "p.docx", workspace=tmp_path)


def test_labels_yaml_that_is_not_utf8_is_one_line(sample, tmp_path):
    import pytest

    from generator.exceptions import WorkspaceDataError

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_bytes(b"kk:\n  approve: \xff\n")
    with pytest.raises(WorkspaceDataError) as info:
        render_document(sample, "program", tmp_path / "p.docx", workspace=tmp_path)
    assert str(info.value) == (f"{tmp_path / 'templates' / 'labels.yaml'}:2: not UTF-8 text (byte 15); "
                               "save the labels file as UTF-8")


# -- templates check ---------------------------------------------------------------------------
def test_builtin_templates_pass_the_check():
    assert check_folder(builtin_dir()) == []


def test_split_tag_is_reported_and_still_renders(sample, tmp_path):
    path = make_template(tmp_path / "templates", "outline.docx", ["Курс: {{ program.", "title }} ", "соңы"])
    findings = check_template(path)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == "warning"
    assert "split across 2 Word runs" in finding.message
    assert finding.paragraph == "Курс: {{ program.title }} соңы"
    assert "outline.docx" in str(finding)
    rendered = render_document(sample, "outline", tmp_path / "o.docx", workspace=tmp_path)
    assert f"Курс: {sample.title} соңы" in full_text(rendered)


def test_smart_quotes_inside_tags(tmp_path):
    folder = tmp_path / "t"
    make_template(folder, "outline.docx", "{{ labels[«approve»] }}", "{{ labels[“approve”] }}")
    findings = check_folder(folder)
    assert [f.severity for f in findings][:2] == ["error", "warning"]
    assert "typographic quotes « »" in findings[0].message and findings[0].paragraph == "{{ labels[«approve»] }}"
    assert "smart quotes “ ”" in findings[1].message


def test_unknown_variables_filters_and_syntax_errors(tmp_path):
    folder = tmp_path / "t"
    make_template(folder, "program.docx", "{%p for m in program.modules %}", "Модуль: {{ m.titel }}",
                  "{%p endfor %}", "{{ program.provider.nmae }}")
    make_template(folder, "outline.docx", "{{ program.title|shout }}", "{{ progam.title }}")
    make_template(folder, "assessment.docx", "{% if program.title %} жабылмаған")
    findings = {f.template: [] for f in check_folder(folder)}
    for finding in check_folder(folder):
        findings[finding.template].append(finding)
    program = [str(f) for f in findings["program.docx"]]
    assert any("unknown variable 'titel'" in f and "«Модуль: {{ m.titel }}»" in f for f in program)
    assert any("unknown variable 'nmae'" in f and "«{{ program.provider.nmae }}»" in f for f in program)
    outline = [str(f) for f in findings["outline.docx"]]
    assert any("unknown filter 'shout'" in f and "«{{ program.title|shout }}»" in f for f in outline)
    assert any("unknown variable 'progam'" in f for f in outline)
    assessment = [str(f) for f in findings["assessment.docx"]]
    assert len(assessment) == 1 and "syntax error" in assessment[0]
    assert all(f.severity == "error" for fs in findings.values() for f in fs)


def test_check_reports_sandbox_violations(tmp_path):
    folder = tmp_path / "t"
    make_template(folder, "outline.docx", "{{ program.__class__ }}")
    findings = check_folder(folder)
    assert findings and findings[0].severity == "error"
    assert "sandbox" in findings[0].message


def test_check_of_something_that_is_not_a_docx(tmp_path):
    (tmp_path / "program.docx").write_text("hello", encoding="utf-8")
    findings = check_folder(tmp_path)
    assert len(findings) == 1 and "not a Word document" in findings[0].message


def test_headers_are_checked_too(tmp_path):
    folder = tmp_path / "t"
    path = make_template(folder, "outline.docx", "Мәтін")
    document = docx.Document(str(path))
    document.sections[0].header.paragraphs[0].add_run("{{ program.provider.nmae }}")
    document.save(str(path))
    findings = check_folder(folder)
    assert len(findings) == 1 and findings[0].part == "header1" and "'nmae'" in findings[0].message
    assert part(path, "word/header1.xml")


def test_check_validates_labels_yaml(tmp_path):
    init_templates(tmp_path / "t")
    assert check_folder(tmp_path / "t") == []
    (tmp_path / "t" / "labels.yaml").write_text("kk:\n  pasport: Паспорт\n", encoding="utf-8")
    findings = check_folder(tmp_path / "t")
    assert len(findings) == 1 and findings[0].message == (
        f"{tmp_path / 't' / 'labels.yaml'}:2: kk.pasport: unknown key 'pasport' (did you mean 'passport'?)")


def test_misspelt_label_in_a_template_is_reported(tmp_path):
    folder = tmp_path / "t"
    make_template(folder, "outline.docx", "{{ labels.pasport }}")
    findings = check_folder(folder)
    assert len(findings) == 1 and "unknown variable 'pasport'" in findings[0].message
