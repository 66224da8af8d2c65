"""The render API other stages depend on: names, template search, files for hashing."""
from __future__ import annotations

import pytest

from generator.exceptions import TemplateProblem
from generator.render import builtin_dir, find_template, output_name, render_document, template_files
from generator.workspace import Workspace
from helpers import DEFAULT_KINDS, KINDS


def test_kinds():
    kinds = Workspace.builtin().kinds
    assert tuple(name for name, kind in kinds.items() if kind.renderer == "docx") == KINDS
    assert Workspace.builtin().default_kinds() == DEFAULT_KINDS
    assert (kinds["markdown"].extension, kinds["markdown"].pdf, kinds["markdown"].default) == (".md", False, False)
    assert output_name("3412-0-003", "markdown", "kk") == "3412-0-003_program_kk.md"


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
    program = Workspace.builtin().kind("program")
    assert program.template_candidates("kk") == ["program_kk.docx", "program.docx"]
    assert program.template_candidates("ru") == ["program_ru.docx", "program.docx"]


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
    import generator.workspace as workspace

    empty = tmp_path / "nothing"
    empty.mkdir()
    monkeypatch.setattr(workspace, "builtin_templates_dir", lambda: empty)
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
    assert Workspace.load(tmp_path).template_dirs() == [tmp_path.resolve() / "templates", builtin_dir()]
    assert Workspace.builtin().template_dirs() == [builtin_dir()]


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


def test_labels_yaml_edited_between_loads_is_picked_up(sample, tmp_path):
    from helpers import full_text

    folder = tmp_path / "templates"
    folder.mkdir()
    labels = folder / "labels.yaml"
    labels.write_text("kk:\n  approve: «А»\n", encoding="utf-8")
    render_document(sample, "program", tmp_path / "a.docx", workspace=tmp_path)
    labels.write_text("kk:\n  approve: «Б»\n", encoding="utf-8")  # a folder is read again on every load
    render_document(sample, "program", tmp_path / "b.docx", workspace=tmp_path)
    assert "«А»" in full_text(tmp_path / "a.docx") and "«Б»" in full_text(tmp_path / "b.docx")


def test_a_template_cannot_change_the_labels_of_the_next_document(sample, tmp_path):
    from helpers import full_text

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "kinds.yaml").write_text("note:\n  template: note.docx\n", encoding="utf-8")
    make_template(tmp_path / "templates" / "note.docx", "{{ labels.update({'approve': 'CHANGED'}) }}{{ labels.approve }}")
    workspace = Workspace.load(tmp_path)
    render_document(sample, "note", tmp_path / "a.docx", workspace)
    render_document(sample, "note", tmp_path / "b.docx", workspace)
    assert full_text(tmp_path / "a.docx").endswith("CHANGED") and full_text(tmp_path / "b.docx").endswith("CHANGED")
    assert workspace.labels("kk")["approve"] == "«БЕКІТЕМІН»"


def make_template(path, text: str) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
