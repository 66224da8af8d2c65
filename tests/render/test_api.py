"""The render API other stages depend on: names, template search, files for hashing."""
from __future__ import annotations

import pytest

from generator.exceptions import TemplateProblem
from generator.render import (
    KINDS, builtin_dir, find_template, output_name, render_document, search_dirs, template_files, template_name,
)


def test_kinds():
    assert KINDS == ("program", "outline", "assessment")


def test_output_name_is_card_kind_lang():
    assert output_name("3412-0-003", "program", "kk") == "3412-0-003_program_kk.docx"
    assert output_name("1210-0-020", "assessment", "ru") == "1210-0-020_assessment_ru.docx"


@pytest.mark.parametrize("card", ['a<b>c:d"e/f\\g|h?i*j', "CON", "card. ", "\t"])
def test_output_name_is_safe_on_windows(card):
    name = output_name(card, "outline", "kk")
    assert not set(name) & set('<>:"/\\|?*')
    assert name.split("_")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
    assert not name.split("_")[0].endswith((".", " "))
    assert name.endswith("_outline_kk.docx")


def test_unknown_kind_is_a_template_problem():
    with pytest.raises(TemplateProblem, match="unknown document kind 'syllabus'"):
        output_name("3412-0-003", "syllabus", "kk")


def test_template_name_is_one_template_per_kind():
    assert template_name("program", "kk") == template_name("program", "ru") == "program.docx"


def test_builtins_exist_for_every_kind():
    for kind in KINDS:
        for lang in ("kk", "ru"):
            assert find_template(kind, lang) == builtin_dir() / f"{kind}.docx"


def test_workspace_overrides_by_name_first_match_wins(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    generic = folder / "program.docx"
    generic.write_bytes((builtin_dir() / "program.docx").read_bytes())
    assert find_template("program", "kk", tmp_path) == generic
    specific = folder / "program_kk.docx"
    specific.write_bytes(generic.read_bytes())
    assert find_template("program", "kk", tmp_path) == specific
    assert find_template("program", "ru", tmp_path) == generic
    assert find_template("outline", "kk", tmp_path) == builtin_dir() / "outline.docx"


def test_missing_template_lists_every_searched_folder(tmp_path, monkeypatch):
    import generator.render as render

    empty = tmp_path / "nothing"
    empty.mkdir()
    monkeypatch.setattr(render, "builtin_dir", lambda: empty)
    with pytest.raises(TemplateProblem) as error:
        find_template("outline", "kk", tmp_path)
    message = str(error.value)
    assert "outline_kk.docx or outline.docx" in message
    assert str(tmp_path / "templates") in message and str(empty) in message


def test_template_files_lists_template_and_labels(tmp_path):
    files = template_files("program", "kk")
    assert files[0] == builtin_dir() / "program.docx"
    assert any(f.name == "labels.yaml" for f in files)
    assert all(f.is_file() for f in files)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_text("kk:\n  approve: «КЕЛІСІЛДІ»\n", encoding="utf-8")
    (tmp_path / "templates" / "outline.docx").write_bytes((builtin_dir() / "outline.docx").read_bytes())
    files = template_files("outline", "kk", tmp_path)
    assert files[0] == tmp_path / "templates" / "outline.docx"
    assert tmp_path / "templates" / "labels.yaml" in files


def test_search_dirs_order(tmp_path):
    assert search_dirs(tmp_path) == [tmp_path / "templates", builtin_dir()]
    assert search_dirs() == [builtin_dir()]


def test_render_document_returns_destination(sample, tmp_path):
    target = tmp_path / "deep" / "folder" / "x.docx"
    assert render_document(sample, "outline", target) == target
    assert target.is_file()
    assert [p.name for p in target.parent.iterdir()] == ["x.docx"]  # no temporary file left


def test_clear_caches_then_render_again(sample, tmp_path):
    from generator.render import clear_caches

    render_document(sample, "outline", tmp_path / "a.docx")
    clear_caches()
    render_document(sample, "outline", tmp_path / "b.docx")
    from helpers import full_text

    assert full_text(tmp_path / "a.docx") == full_text(tmp_path / "b.docx")


def test_labels_yaml_edited_between_renders_is_picked_up(sample, tmp_path):
    import os

    from helpers import full_text

    folder = tmp_path / "templates"
    folder.mkdir()
    labels = folder / "labels.yaml"
    labels.write_text("kk:\n  approve: «А»\n", encoding="utf-8")
    render_document(sample, "program", tmp_path / "a.docx", workspace=tmp_path)
    labels.write_text("kk:\n  approve: «Б»\n", encoding="utf-8")
    stat = labels.stat()
    os.utime(labels, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    render_document(sample, "program", tmp_path / "b.docx", workspace=tmp_path)
    assert "«А»" in full_text(tmp_path / "a.docx") and "«Б»" in full_text(tmp_path / "b.docx")
