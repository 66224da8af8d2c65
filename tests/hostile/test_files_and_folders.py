"""Things standing where progen writes: a file where a card's folder goes, a folder where its record goes;
and the permissions of what progen writes (the user's umask, like any other program)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.workspace import Workspace

from hostile_lib import SEED_TEXT, SEED_YAML, assert_refused, kinds_per_card, progen, snapshot


@pytest.fixture
def umask():
    mask = os.umask(0o027)  # a setting that differs from the usual 022, so the test sees it is followed
    yield mask
    os.umask(mask)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- a file where a folder should be -----------------------------------------------------------------------------
def test_a_file_where_a_card_folder_goes_stops_the_build_with_one_line(workspace):
    (workspace / "output" / "3412-0-003").write_text("a note someone saved here", "utf-8")
    before = snapshot(workspace)
    result = progen("build", "-C", workspace)
    assert result.exit_code == 1 and "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if "FAILED" in line]
    assert len(failed) == len(Workspace.load(workspace).manifest.defaults.kinds)  # every kind of the card
    assert all("output/3412-0-003 is a file where a folder should be; move it away" in line for line in failed)
    assert "0 built" in result.output  # the build stops at a failure; nothing half done
    assert (workspace / "output" / "3412-0-003").read_text("utf-8") == "a note someone saved here"
    assert {k: v for k, v in snapshot(workspace).items() if not k.startswith("output/.progen")} == before


def test_with_keep_going_the_other_cards_are_built(workspace):
    (workspace / "output" / "3412-0-003").write_text("x", "utf-8")
    result = progen("build", "-C", workspace, "--keep-going")
    assert result.exit_code == 1
    k = kinds_per_card(workspace)
    assert f"{k} built" in result.output and f"{k} failed" in result.output


def test_a_folder_where_a_document_goes_fails_that_document(workspace):
    (workspace / "output/3412-0-003/3412-0-003_outline_kk.docx").mkdir(parents=True)
    result = progen("build", "-C", workspace, "--keep-going")
    assert "3412-0-003_outline_kk.docx is a folder; move it away" in result.output and f"{2 * kinds_per_card(workspace) - 1} built" in result.output


def test_render_reports_a_file_where_the_card_folder_goes(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "3412-0-003").write_text("x", "utf-8")
    result = progen("render", "--standard", SEED_YAML, "--card", "3412-0-003", "--kind", "outline",
                    "-o", tmp_path / "out", "--workspace", tmp_path)
    assert_refused(result, "3412-0-003_outline_kk.docx", contains="3412-0-003 is a file where a folder should be")


@pytest.mark.parametrize("name, what", [(".progen-build.json", "folder"), (".progen-build.lock", "folder"),
                                        (".progen-build.journal", "folder"), (".progen-build-cache", "file")])
def test_the_build_s_own_files_replaced_by_something_else_are_one_line(workspace, name, what):
    path = workspace / "output" / name
    if what == "folder":
        path.mkdir()
    else:
        path.write_text("x", "utf-8")
    before = snapshot(workspace)
    assert_refused(progen("build", "-C", workspace), name, contains="remove or rename it")
    assert snapshot(workspace) == before


def test_an_output_folder_that_is_a_file_is_one_line(workspace):
    (workspace / "programs.yaml").write_text("output: docs\n", "utf-8")
    (workspace / "docs").write_text("x", "utf-8")
    assert_refused(progen("build", "-C", workspace), "programs.yaml", contains="is not writable")


def test_a_folder_named_like_standard_data_is_one_line(workspace):
    (workspace / "standard_data" / "folder.yaml").mkdir()
    assert_refused(progen("build", "-C", workspace), "folder.yaml", contains="is a folder")


# -- permissions ----------------------------------------------------------------------------------------------
def test_render_import_and_export_write_with_the_umask(tmp_path, umask):
    expected = 0o666 & ~0o027
    result = progen("render", "--standard", SEED_YAML, "--card", "3412-0-003", "--kind", "outline",
                    "--kind", "markdown", "-o", tmp_path / "out", "--workspace", tmp_path)
    assert result.exit_code == 0, result.output
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert len(written) == 2 and {mode(p) for p in written} == {expected}
    assert progen("import", SEED_TEXT, "-o", tmp_path / "s.yaml").exit_code == 0
    assert mode(tmp_path / "s.yaml") == expected
    assert progen("export", tmp_path / "s.yaml", "--format", "moodle", "-o", tmp_path / "s.csv").exit_code == 0
    assert mode(tmp_path / "s.csv") == expected


def test_build_outputs_and_its_record_follow_the_umask(workspace, umask):
    assert progen("build", "-C", workspace).exit_code == 0
    files = [p for p in (workspace / "output").rglob("*") if p.is_file() and ".progen-build-cache" not in p.parts]
    assert files and {mode(p) for p in files} == {0o666 & ~0o027}


def test_a_file_written_again_keeps_the_permissions_it_was_given(tmp_path):
    target = tmp_path / "s.yaml"
    assert progen("import", SEED_TEXT, "-o", target).exit_code == 0
    target.chmod(0o640)
    assert progen("import", SEED_TEXT, "-o", target).exit_code == 0
    assert mode(target) == 0o640
