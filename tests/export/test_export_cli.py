"""`progen export`: argument mapping, default outputs, and one-line errors with exit code 1."""
import shutil
import textwrap
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner

from export_testlib import SEED, moodle_import
from generator.cli import main


@pytest.fixture(autouse=True)
def fixed_year(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01


@pytest.fixture
def workspace(tmp_path) -> Path:
    (tmp_path / "standard_data").mkdir()
    shutil.copy(SEED, tmp_path / "standard_data" / SEED.name)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_arguments_map_to_the_library_entry_point(tmp_path):
    with mock.patch("generator.export.export", autospec=True, return_value=tmp_path / "x.csv") as export:
        result = run("export", tmp_path / "s.yaml", "--format", "moodle", "-o", tmp_path / "x.csv",
                     "--card", "3412-0-003", "--workspace", tmp_path)
    assert result.exit_code == 0, result.output
    export.assert_called_once_with(tmp_path / "s.yaml", "moodle", tmp_path / "x.csv", card="3412-0-003",
                                   workspace=tmp_path)


def test_workspace_defaults_to_the_current_folder(tmp_path):
    with mock.patch("generator.export.export", autospec=True, return_value=tmp_path / "x.md") as export:
        result = run("export", tmp_path / "s.yaml", "-f", "case")
    assert result.exit_code == 0, result.output
    export.assert_called_once_with(tmp_path / "s.yaml", "case", None, card=None, workspace=Path.cwd())


@pytest.mark.parametrize("fmt, card, name", [
    ("moodle", None, "M84120.kk.moodle.csv"),
    ("case", None, "M84120.kk.case.json"),
    ("case", "1210-0-020", "M84120.kk.1210-0-020.case.json"),
    ("markdown", "3412-0-003", "M84120.kk.3412-0-003.md"),
])
def test_default_output_is_the_workspaces_output_exports(workspace, fmt, card, name):
    source = workspace / "standard_data" / SEED.name
    result = run("export", source, "-f", fmt, *(["--card", card] if card else []), "--workspace", workspace)
    assert result.exit_code == 0, result.output
    target = workspace / "output" / "exports" / name
    assert target.is_file() and result.output == f"{source} → {target}\n"
    assert [p.name for p in target.parent.iterdir()] == [name]  # no temporary file left behind


def test_moodle_file_is_utf8_lf_and_round_trips(workspace):
    target = workspace / "out.csv"
    result = run("export", workspace / "standard_data" / SEED.name, "-f", "moodle", "-o", target)
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")
    _header, _framework, flat, reached = moodle_import(data.decode("utf-8"))
    assert len(flat) == 89 and sorted(reached) == sorted(flat)


def test_markdown_from_a_program_spec(workspace):
    spec = workspace / "programs" / "youth.yaml"
    spec.parent.mkdir()
    spec.write_text("standard: ../standard_data/M84120.kk.yaml\ncard: 3412-0-003\nhours: 72\n", "utf-8")
    result = run("export", spec, "-f", "markdown", "--workspace", workspace)
    assert result.exit_code == 0, result.output
    text = (workspace / "output" / "exports" / "M84120.kk.3412-0-003.md").read_text("utf-8")
    assert text.startswith("# Жастармен жұмыс жөніндегі маман\n") and "## Оқу-тақырыптық жоспар" in text


def test_markdown_from_a_standard_needs_a_card_when_it_has_several(workspace):
    source = workspace / "standard_data" / SEED.name
    result = run("export", source, "-f", "markdown")
    assert result.exit_code == 1
    assert result.output == (f"Error: {source}: the standard has 2 cards; choose one with --card "
                             "(1210-0-020, 3412-0-003) or give a program spec\n")


def test_unknown_format_is_one_line_error(workspace):
    result = run("export", workspace / "standard_data" / SEED.name, "--format", "xml")
    assert result.exit_code == 1
    assert result.output == "Error: unknown export format 'xml'; valid formats: moodle, case, markdown\n"


@pytest.mark.parametrize("fmt", ["moodle", "case"])
def test_unknown_card_is_one_line_error(workspace, fmt):
    result = run("export", workspace / "standard_data" / SEED.name, "-f", fmt, "--card", "9999-9-999")
    assert result.exit_code == 1
    assert result.output == ("Error: card: no card '9999-9-999' in standard М84120; "
                             "valid cards: 1210-0-020, 3412-0-003\n")


@pytest.mark.parametrize("fmt", ["moodle", "case", "markdown"])
def test_standard_that_fails_validation_is_reported_with_file_and_line(tmp_path, fmt):
    bad = tmp_path / "bad.kk.yaml"
    text = SEED.read_text("utf-8").replace("id: 3412-0-003/F2/S1/A3\n", "id: 3412-0-003/F2/S1/A9\n", 1)
    bad.write_text(text.replace("\nyear: 2023\n", "\nyear: twenty\n"), "utf-8")
    result = run("export", bad, "-f", fmt, "--card", "3412-0-003")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}:")  # one problem: one line naming it
    assert "year: expected a whole number, got the text 'twenty'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "output").exists()


def test_structure_problems_are_reported_too(tmp_path):
    bad = tmp_path / "bad.kk.yaml"
    bad.write_text(SEED.read_text("utf-8").replace("id: 3412-0-003/F2/S1/A3\n", "id: 3412-0-003/F2/S1/A9\n", 1),
                   "utf-8")
    result = run("export", bad, "-f", "moodle")
    assert result.exit_code == 1
    assert "is '3412-0-003/F2/S1/A9', expected '3412-0-003/F2/S1/A3'" in result.output


def test_missing_standard_file(tmp_path):
    result = run("export", tmp_path / "none.yaml", "-f", "case")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'none.yaml'}: no such standard data file\n"


def test_output_inside_a_file_is_unwritable(workspace):
    blocker = workspace / "blocker"
    blocker.write_text("not a folder", "utf-8")
    target = blocker / "out.csv"
    result = run("export", workspace / "standard_data" / SEED.name, "-f", "moodle", "-o", target)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {target}: cannot write the export: ")
    assert result.output.count("\n") == 1


def test_output_that_is_a_folder(workspace):
    result = run("export", workspace / "standard_data" / SEED.name, "-f", "case", "-o", workspace)
    assert result.exit_code == 1
    assert result.output == f"Error: {workspace}: is a folder; give a file name for the export\n"


def test_output_is_replaced_atomically(workspace):
    target = workspace / "out.json"
    target.write_text("old", "utf-8")
    result = run("export", workspace / "standard_data" / SEED.name, "-f", "case", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8").startswith("{")
    assert [p.name for p in workspace.iterdir() if p.name.startswith(".out.json")] == []  # no temporary left


def test_help_documents_the_command():
    result = run("export", "--help")
    assert result.exit_code == 0
    for word in ("moodle", "case", "markdown", "--card", "--output", "--format"):
        assert word in result.output
    assert textwrap.dedent("""\
        Export a standard for Moodle or CASE, or a program as Markdown for review.""") in result.output
