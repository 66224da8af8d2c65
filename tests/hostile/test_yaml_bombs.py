"""Small YAML files that ask for unbounded work: alias bombs, deep nesting, endless or huge files, bad scalars.

Every YAML progen reads goes through one bounded loader (generator/common/bounded_yaml.py); each case is a
file of one kind a user or a colleague can put in a workspace, refused with one line naming the file.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile_lib import (SEED_YAML, alias_bomb, assert_refused, deep_block, deep_flow, measured, progen, snapshot,
                         standard_alias_bomb, without)

ALIASES = "aliases (*name) expand to more than 10,000 values"
DEEP = "nested more than 64 deep"

# where a workspace file goes → how its content is framed (a top-level mapping where the file needs one)
WORKSPACE_FILES = {
    "programs.yaml": "defaults:\n  provider:\n    name: x\n{body}",
    "design.yaml": "hours:\n  default_total: 72\n{body}",
    "phrasing/kk.yaml": "{body}",
    "phrasing/overrides.yaml": "{body}",
    "templates/labels.yaml": "kk:\n  passport: Паспорт\n{body}",
    "templates/kinds.yaml": "{body}",
}


def _put(workspace: Path, name: str, body: str) -> Path:
    path = workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WORKSPACE_FILES[name].format(body=body), "utf-8")
    return path


def _build_refused(workspace: Path, name: str, contains: str) -> None:
    before = snapshot(workspace)
    result = progen("build", "-C", workspace)
    assert_refused(result, name.split("/")[-1], contains=contains)
    assert snapshot(workspace) == before  # nothing written, nothing lost


# -- alias bombs, one per kind of file ------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(WORKSPACE_FILES))
def test_alias_bomb_in_a_workspace_file_is_refused(workspace, name):
    _put(workspace, name, alias_bomb())
    _build_refused(workspace, name, ALIASES)


@pytest.mark.parametrize("command", ["show", "lint"])
def test_alias_bomb_standard_data_is_refused_by_show_and_lint(tmp_path, command):
    path = tmp_path / "bomb.kk.yaml"
    path.write_text(standard_alias_bomb(), "utf-8")
    assert_refused(progen(command, path), str(path), contains=ALIASES)


def test_alias_bomb_standard_data_in_a_workspace_stops_the_build_before_anything_is_written(workspace):
    (workspace / "standard_data" / "bomb.kk.yaml").write_text(standard_alias_bomb(), "utf-8")
    _build_refused(workspace, "bomb.kk.yaml", ALIASES)


def test_alias_bomb_program_spec_is_refused(tmp_path):
    spec = tmp_path / "course.yaml"
    spec.write_text(f"standard: {SEED_YAML}\ncard: 3412-0-003\n" + alias_bomb(), "utf-8")
    assert_refused(progen("plan", spec), str(spec), contains=ALIASES)


def test_alias_bomb_given_to_export_is_refused(tmp_path):
    path = tmp_path / "bomb.kk.yaml"
    path.write_text(standard_alias_bomb(), "utf-8")
    before = snapshot(tmp_path)
    assert_refused(progen("export", path, "--format", "markdown", "--card", "3412-0-003"), str(path), contains=ALIASES)
    assert snapshot(tmp_path) == before


def test_an_alias_to_its_own_list_is_refused(workspace):
    _put(workspace, "programs.yaml", "targets: &t\n  - card: 3412-0-003\n    kinds: *t\n")
    _build_refused(workspace, "programs.yaml", "refers to a list or mapping that contains it")


def test_a_few_aliases_are_still_fine(workspace):
    """Aliases are YAML a person may write (one provider for several targets): within the budget they work."""
    (workspace / "programs.yaml").write_text(
        "targets:\n  - card: 3412-0-003\n    kinds: &k [markdown]\n    provider: &p {name: Орталық, city: Астана}\n"
        "  - card: 1210-0-020\n    kinds: *k\n    provider: *p\n", "utf-8")
    result = progen("build", "-C", workspace)
    assert result.exit_code == 0, result.output
    assert "2 built" in result.output


# -- deep nesting ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["programs.yaml", "design.yaml", "phrasing/kk.yaml", "templates/labels.yaml"])
def test_600_deep_lists_are_one_line(workspace, name):
    _put(workspace, name, "deep: " + deep_flow(600) + "\n")
    _build_refused(workspace, name, DEEP)


def test_600_deep_block_mappings_are_one_line(workspace):
    _put(workspace, "design.yaml", deep_block(600))
    _build_refused(workspace, "design.yaml", DEEP)


def test_100000_deep_lists_do_not_crash_the_interpreter(workspace):
    """LibYAML's composer dies with a segmentation fault at this depth; the check stops at level 65."""
    _put(workspace, "phrasing/kk.yaml", "deep: " + deep_flow(100_000) + "\n")
    _build_refused(workspace, "kk.yaml", DEEP)


@pytest.mark.parametrize("command", ["show", "lint"])
def test_deep_standard_data_is_one_line(tmp_path, command):
    path = tmp_path / "deep.kk.yaml"
    path.write_text("code: " + deep_flow(600) + "\n", "utf-8")
    assert_refused(progen(command, path), str(path), contains=DEEP)


def test_deep_program_spec_is_one_line(tmp_path):
    spec = tmp_path / "course.yaml"
    spec.write_text(f"standard: {SEED_YAML}\ncard: {deep_flow(600)}\n", "utf-8")
    assert_refused(progen("render", spec, "-o", tmp_path / "out"), str(spec), contains=DEEP)
    assert not (tmp_path / "out").exists()


# -- files that never end or are far too big ------------------------------------------------------------------
def _fifo_or_skip(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(path)


def test_a_named_pipe_as_standard_data_is_refused_not_read_forever(workspace):
    _fifo_or_skip(workspace / "standard_data" / "pipe.kk.yaml")
    result = progen("build", "-C", workspace)
    assert_refused(result, "pipe.kk.yaml", contains="is not a regular file")


def test_a_named_pipe_as_design_yaml_is_refused(workspace):
    _fifo_or_skip(workspace / "design.yaml")
    assert_refused(progen("build", "-C", workspace), "design.yaml", contains="is not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_as_programs_yaml_is_refused(workspace):
    (workspace / "programs.yaml").unlink()
    (workspace / "programs.yaml").symlink_to("/dev/zero")
    assert_refused(progen("build", "-C", workspace), "programs.yaml", contains="is not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_given_to_show_is_refused(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    assert_refused(progen("show", link), str(link), contains="is not a regular file")


def test_a_huge_standard_data_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.kk.yaml"
    with open(path, "wb") as handle:  # sparse: no disk is used, nothing is read
        handle.truncate(65 << 20)
    assert_refused(progen("show", path), str(path), contains="over progen's limit of 64 MB")


def test_a_huge_programs_yaml_is_refused_before_it_is_read(workspace):
    with open(workspace / "programs.yaml", "r+b") as handle:
        handle.truncate(9 << 20)
    _build_refused(workspace, "programs.yaml", "over progen's limit of 8 MB")


# -- values YAML cannot make -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value, contains", [
    ("year: 2024-13-45", "is not a valid timestamp"),
    ("year: " + "9" * 5000, "is not a valid int"),
    ("minutes_per_hour: 0x" + "f" * 5000, "is not a valid int"),
])
def test_scalars_yaml_cannot_turn_into_values_are_one_line(workspace, value, contains):
    (workspace / "programs.yaml").write_text(f"defaults:\n  {value}\n", "utf-8")
    _build_refused(workspace, "programs.yaml", contains)


def test_python_tags_stay_refused(workspace):
    _put(workspace, "programs.yaml", "output: !!python/object/apply:os.system [echo hi]\n")
    result = progen("build", "-C", workspace)
    assert result.exit_code == 1 and "is not allowed in progen data" in result.stderr


def test_a_file_of_many_wrong_values_lists_fifty_problems_not_all(workspace):
    body = "targets:\n" + "".join(f"  - card: 3412-0-003\n    hours: x{i}\n" for i in range(500))
    (workspace / "programs.yaml").write_text(body, "utf-8")
    result = progen("build", "-C", workspace)
    assert result.exit_code == 1
    assert "… and 450 more problems" in result.stderr
    assert len(result.stderr.splitlines()) < 60


# -- memory and time bounds (measured in a fresh interpreter) ---------------------------------------------------
def test_3kb_alias_standard_is_refused_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "bomb.kk.yaml"
    path.write_text(standard_alias_bomb(), "utf-8")
    assert 2500 < path.stat().st_size < 3600
    for loader in ("from generator.standard.store import load_standard as load",
                   "from generator.batch.standard_scan import scan_standard as load"):
        result = measured(f"""
            {loader}
            from generator.exceptions import GeneratorError
            # -- measured
            try:
                load(Path({str(path)!r}))
            except GeneratorError as error:
                report(str(error))
            """)
        assert ALIASES in result["message"], result
        assert result["rss_mb"] < 100 and result["traced_mb"] < 10, result
        assert result["seconds"] < 5, result  # a generous ceiling; benchmarks/bench_hostile.py prints the time


def test_44kb_alias_programs_yaml_is_refused_in_bounded_time_and_memory(workspace):
    body = "".join(alias_bomb(9, 60, f"p{n}") for n in range(13))
    (workspace / "programs.yaml").write_text(body, "utf-8")
    assert (workspace / "programs.yaml").stat().st_size > 40_000
    result = measured(f"""
        from generator.workspace import Workspace
        from generator.exceptions import GeneratorError
        Workspace.builtin()  # modules and built-in data, read before the clock starts
        # -- measured
        try:
            Workspace.load(Path({str(workspace)!r}))
        except GeneratorError as error:
            report(str(error))
        """)
    assert ALIASES in result["message"] and "programs.yaml" in result["message"], result
    assert result["rss_mb"] < 100 and result["seconds"] < 5, result


def test_nothing_was_left_behind_by_refused_builds(workspace):
    """A refused build does not even create the build record or the lock."""
    (workspace / "standard_data" / "bomb.kk.yaml").write_text(standard_alias_bomb(), "utf-8")
    before = without(snapshot(workspace), "output/.progen")
    progen("build", "-C", workspace)
    assert snapshot(workspace) == before
