"""The workspace object: read once through the layered loader, frozen, picklable without its caches."""
from __future__ import annotations

import dataclasses
import pickle

from pathlib import Path

import pytest

from generator.exceptions import WorkspaceDataError
from generator.languages import get_pack
from generator.workspace import Workspace, builtin_design_path, builtin_templates_dir


def test_a_folder_without_data_files_is_the_builtin_data(tmp_path):
    workspace = Workspace.load(tmp_path)
    builtin = Workspace.builtin()
    assert workspace.design == builtin.design and workspace.label_sets == builtin.label_sets
    assert workspace.lexicons == builtin.lexicons and workspace.kinds == builtin.kinds
    assert workspace.root == tmp_path.resolve() and builtin.root is None
    assert Workspace.of(None) is builtin and Workspace.of(workspace) is workspace


def test_the_object_is_frozen(tmp_path):
    with pytest.raises(dataclasses.FrozenInstanceError):
        Workspace.load(tmp_path).design = {}  # type: ignore[misc]


def test_it_pickles_for_build_workers_without_its_caches(tmp_path):
    workspace = Workspace.load(tmp_path)
    workspace.phraser("kk")
    copy = pickle.loads(pickle.dumps(workspace))
    assert copy.design == workspace.design and copy.root == workspace.root
    assert copy._cache == {} and copy.phraser("kk").ability("Оқу").text == "оқи алады"


def test_design_data_merges_by_key_and_a_level_may_be_written_as_a_number(tmp_path):
    (tmp_path / "design.yaml").write_text("hours:\n  ratio_by_level:\n    5: [0.2, 0.7, 0.1]\nkk:\n"
                                          "  module_methods: [рефлексия, шеңбер]\n", "utf-8")
    design = Workspace.load(tmp_path).design
    assert design["hours"]["ratio_by_level"]["5"] == [0.2, 0.7, 0.1]
    assert design["hours"]["ratio_by_level"]["6"] == Workspace.builtin().design["hours"]["ratio_by_level"]["6"]
    assert design["kk"]["module_methods"] == ["рефлексия", "шеңбер"]  # design lists are replaced, not extended
    assert design["ru"] == Workspace.builtin().design["ru"]


def test_every_problem_of_every_file_is_reported_with_its_line(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "design.yaml").write_text("hours:\n  min_module_hours: two\nkk:\n  goal: [a]\n", "utf-8")
    (tmp_path / "templates" / "labels.yaml").write_text("en:\n  approve: x\nkk:\n  aprove: x\n", "utf-8")
    (tmp_path / "templates" / "kinds.yaml").write_text("poster:\n  renderer: pdf\n  template: p.docx\n", "utf-8")
    with pytest.raises(WorkspaceDataError) as error:
        Workspace.load(tmp_path)
    lines = str(error.value).splitlines()
    assert lines[0] == f"{tmp_path.resolve()}: 5 problems in the workspace's data"
    assert any(line.endswith("design.yaml:2: hours.min_module_hours: expected a number like the built-in value, "
                             "got text") for line in lines)
    assert any(line.endswith("design.yaml:4: kk.goal: expected text like the built-in value, got a list")
               for line in lines)
    assert any(line.endswith("labels.yaml:1: en: unknown language 'en'; languages: kk, ru") for line in lines)
    assert any(line.endswith("labels.yaml:4: kk.aprove: unknown key 'aprove' (did you mean 'approve'?)")
               for line in lines)
    assert any("kinds.yaml: poster: renderer: 'pdf'" in line for line in lines)


def test_dependencies_name_every_file_a_document_is_made_from(tmp_path):
    (tmp_path / "phrasing").mkdir()
    (tmp_path / "phrasing" / "overrides.yaml").write_text("X/F1/S1/A1: x\n", "utf-8")
    (tmp_path / "design.yaml").write_text("hours:\n  session_hours: 3\n", "utf-8")
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "centre.yaml").write_text("activities: []\n", "utf-8")
    (tmp_path / "feedback.yaml").write_text("ru:\n  closing: Спасибо!\n", "utf-8")
    files = Workspace.load(tmp_path).dependencies("outline", "ru")
    assert files["templates"][:2] == [builtin_templates_dir() / "outline.docx", get_pack("ru").data_file("labels")]
    rules = [builtin_design_path()] + [get_pack(code).data_file(name) for code in ("kk", "ru")
                                       for name in ("design", "criteria", "personal")] + [tmp_path.resolve() / "design.yaml"]
    activities = sorted((Path(builtin_design_path()).parent / "activities").glob("*.yaml")) + [
        tmp_path.resolve() / "activities" / "centre.yaml"]
    texts = [get_pack("ru").data_file("feedback"), tmp_path.resolve() / "feedback.yaml",
             get_pack("ru").data_file("organisation")]
    assert files["design"] == rules + activities + texts  # the outline's groups: design, activities, texts
    program = Workspace.load(tmp_path).dependencies("program", "ru")["design"]
    assert program == rules + activities + [Path(builtin_design_path()).parent / "literature.yaml"] + texts
    assert Workspace.load(tmp_path).dependencies("assessment", "ru")["design"] == rules
    assert files["phrasing"] == [get_pack("ru").data_file("lexicon"), tmp_path.resolve() / "phrasing" / "overrides.yaml"]
    assert Workspace.load(tmp_path).dependencies("markdown", "kk")["templates"][0] == get_pack("kk").data_file("labels")


def test_a_file_where_the_workspace_folder_should_be_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x", "utf-8")
    with pytest.raises(WorkspaceDataError, match="is a file, not a workspace folder"):
        Workspace.load(tmp_path / "file")
