"""Values of the right type and the wrong meaning: «—» items, invisible text, no cards, 21-million-hour
sessions, internal keys. Each is refused with one line naming the file and the place, or — where the
standard means "none" by «—» — read as nothing."""
from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest

from generator.standard.store import load_standard
from hostile_lib import REPO, SEED_TEXT, SEED_YAML, assert_refused, progen, snapshot

EMPTY = "is empty (only dashes, punctuation or invisible characters)"
KNOWLEDGE_LINE = 152  # the knowledge list of 3412-0-003, function 1, in the seed's published text


def _seed_with(tmp_path: Path, line: int, text: str) -> Path:
    lines = SEED_TEXT.read_text("utf-8").split("\n")
    assert lines[line - 2] == "Білім:"
    lines[line - 1] = text
    path = tmp_path / "standard.txt"
    path.write_text("\n".join(lines), "utf-8")
    return path


def _all_text(folder: Path) -> str:
    return "\n".join(p.text for path in sorted(folder.rglob("*.docx"))
                     for p in docx.Document(str(path)).paragraphs)


# -- «—» in a published table means "none" --------------------------------------------------------------------
@pytest.mark.parametrize("cell", ["—", "–", "-", "1. —", "\u200b", "— \u200b —"])
def test_a_knowledge_cell_of_only_a_dash_imports_as_no_items(tmp_path, cell):
    source = _seed_with(tmp_path, KNOWLEDGE_LINE, cell)
    target = tmp_path / "standard.yaml"
    result = progen("import", source, "-o", target)
    assert result.exit_code == 0, result.output
    standard = load_standard(target)  # loads: no wordless item was written
    skill = standard.card("3412-0-003").functions[0].skills[0]
    assert skill.knowledge == []
    lint = progen("lint", target)
    assert lint.exit_code == 0 and "3412-0-003/F1/S1: skill has no knowledge items [no-knowledge]" in lint.output


def test_a_dash_cell_in_a_docx_table_imports_as_no_items(tmp_path):
    sys.path.insert(0, str(REPO / "tests" / "ingest_docx"))
    try:
        from docx_testlib import docx_from_published_text
    finally:
        sys.path.pop(0)
    lines = SEED_TEXT.read_text("utf-8").split("\n")
    lines[KNOWLEDGE_LINE - 1] = "—"
    source = docx_from_published_text("\n".join(lines), tmp_path / "standard.docx")
    result = progen("import", source, "-o", tmp_path / "standard.yaml")
    assert result.exit_code == 0, result.output
    assert load_standard(tmp_path / "standard.yaml").card("3412-0-003").functions[0].skills[0].knowledge == []


def test_a_dash_cell_never_becomes_an_outcome(workspace, tmp_path):
    source = _seed_with(tmp_path, KNOWLEDGE_LINE, "—")
    (workspace / "standard_data" / "M84120.kk.yaml").unlink()
    assert progen("import", source, "-o", workspace / "standard_data" / "M84120.kk.yaml").exit_code == 0
    result = progen("build", "-C", workspace)
    assert result.exit_code == 0, result.output
    text = _all_text(workspace / "output")
    assert "— біледі" not in text and "Жастарға консультация беру" in text


# -- hand-written standard data ------------------------------------------------------------------------------
@pytest.mark.parametrize("old, new, where", [
    ("text: Жастармен жұмыс", "text: —", "text"),
    ("text: Жастармен жұмыс", 'text: "\\u200b\\u200b"', "text"),
    ("text: Жастармен жұмыс", 'text: "-–—"', "text"),
    ("text: Жастармен жұмыс", 'text: "«» ()"', "text"),
    ("name: Жастармен жұмыс жөніндегі маман", "name: —", "name"),
])
def test_wordless_items_and_names_in_standard_data_are_refused_with_their_line(tmp_path, old, new, where):
    text = SEED_YAML.read_text("utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith(old))
    path = tmp_path / "edited.kk.yaml"
    path.write_text(text.replace(first, first.replace(first.strip(), new), 1), "utf-8")
    line = assert_refused(progen("show", path), str(path), contains=EMPTY)
    assert f".{where}: " in line and f"{path}:" in line


def test_a_standard_without_cards_is_refused_not_built(workspace):
    path = workspace / "standard_data" / "M84120.kk.yaml"
    assert progen("build", "-C", workspace).exit_code == 0
    path.write_text(path.read_text("utf-8").split("cards:\n")[0] + "cards: []\n", "utf-8")
    before = snapshot(workspace)
    result = progen("build", "-C", workspace)
    assert_refused(result, "M84120.kk.yaml", contains="the standard has no profession cards")
    assert "removed" not in result.output + result.stderr
    assert snapshot(workspace) == before


def test_a_standard_without_cards_is_refused_by_show(tmp_path):
    path = tmp_path / "none.kk.yaml"
    path.write_text(SEED_YAML.read_text("utf-8").split("cards:\n")[0], "utf-8")
    assert_refused(progen("show", path), str(path), contains="the standard has no profession cards")


# -- numbers within sane bounds (design.yaml `limits`) ----------------------------------------------------------
@pytest.mark.parametrize("args, contains", [
    (["--hours", "1000000000"], "hours: 1000000000 is outside 1–2000 academic hours"),
    (["--hours", "0"], "hours: must be a positive number"),
    (["--hours", "2001"], "hours: 2001 is outside 1–2000"),
])
def test_render_refuses_hours_out_of_bounds(tmp_path, args, contains):
    result = progen("render", "--standard", SEED_YAML, "--card", "3412-0-003", *args, "-o", tmp_path / "out",
                    "--workspace", tmp_path)
    assert_refused(result, contains=contains)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("manifest, contains", [
    ("targets:\n  - card: 3412-0-003\n    hours: 1000000000\n", "targets[0]: hours: 1000000000 is outside"),
    ("defaults:\n  hours_by_level: {'5': 1000000000}\n", "defaults.hours_by_level.5: 1000000000 is outside"),
    ("defaults:\n  group_size: '100000'\n", "group_size: '100000' is outside 1–500 participants"),
    ("defaults:\n  group_size: '—'\n", "group_size: '—' is empty"),
    ("defaults:\n  year: 99999\n", "year: 99999 is outside 2000–2100"),
    ("defaults:\n  minutes_per_hour: 0\n", "minutes_per_hour: 0 is outside 30–60 minutes"),
    ("defaults:\n  min_module_hours: 5000\n", "min_module_hours: 5000 is outside 1–100"),
])
def test_programs_yaml_numbers_out_of_bounds_are_refused(workspace, manifest, contains):
    (workspace / "programs.yaml").write_text(manifest, "utf-8")
    before = snapshot(workspace)
    assert_refused(progen("build", "-C", workspace), "programs.yaml", contains=contains)
    assert snapshot(workspace) == before


def test_a_spec_file_with_absurd_hours_is_refused(tmp_path):
    spec = tmp_path / "course.yaml"
    spec.write_text(f"standard: {SEED_YAML}\ncard: 3412-0-003\nhours: 1000000000\n", "utf-8")
    assert_refused(progen("plan", spec), contains="hours: 1000000000 is outside")


def test_a_workspace_may_change_the_bounds(workspace):
    (workspace / "design.yaml").write_text("limits:\n  hours: [1, 5000]\n", "utf-8")
    (workspace / "programs.yaml").write_text("targets:\n  - card: 3412-0-003\n    hours: 3000\n"
                                             "    kinds: [markdown]\n", "utf-8")
    assert progen("build", "-C", workspace).exit_code == 0


# -- messages offer only keys a user may write ----------------------------------------------------------------
@pytest.mark.parametrize("key", ["path", "lines"])
def test_internal_manifest_fields_are_not_keys(workspace, key):
    (workspace / "programs.yaml").write_text(f"{key}: x\n", "utf-8")
    line = assert_refused(progen("build", "-C", workspace), "programs.yaml", contains=f"unknown key '{key}'")
    assert "path" not in line.split("valid keys:")[-1] and "lines" not in line.split("valid keys:")[-1]


def test_an_empty_skill_selection_item_is_refused(workspace):
    (workspace / "programs.yaml").write_text("targets:\n  - card: 3412-0-003\n    skills: ['']\n", "utf-8")
    assert_refused(progen("build", "-C", workspace), "programs.yaml", contains="unknown skill or function ''")


def test_phrase_prints_nothing_for_an_item_without_words():
    result = progen("phrase", "--lang", "kk", "--kind", "knowledge", "—", "\u200b", "Заң")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["", "", "заңды біледі"]
