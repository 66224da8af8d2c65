"""`progen init`: the scaffold, and the seed standard shipped inside the package."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from generator.workspace.scaffold import init_workspace
from generator.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_bundled_seed_equals_the_repository_standard_data():
    bundled = resources.files("generator.standard").joinpath("bundled")
    assert bundled.joinpath("M84120.kk.yaml").read_bytes() == (REPO / "standard_data/M84120.kk.yaml").read_bytes()
    assert (bundled.joinpath("M84120.kk.txt").read_bytes()
            == (REPO / "standard_data/sources/M84120.kk.txt").read_bytes())


def test_init_scaffolds_a_workspace(tmp_path):
    written = init_workspace(tmp_path / "ws")
    names = sorted(p.relative_to(tmp_path / "ws").as_posix() for p in written)
    assert names == [".gitignore", "programs.yaml", "standard_data/M84120.kk.yaml",
                     "standard_data/sources/M84120.kk.txt"]
    assert (tmp_path / "ws/templates").is_dir() and not list((tmp_path / "ws/templates").iterdir())
    assert (tmp_path / "ws/output").is_dir()
    text = (tmp_path / "ws/programs.yaml").read_text("utf-8")
    assert text.startswith("# progen workspace manifest") and "hours_by_level" in text


def test_init_keeps_existing_files_unless_forced(tmp_path):
    init_workspace(tmp_path)
    (tmp_path / "programs.yaml").write_text("output: docs\n", "utf-8")
    assert init_workspace(tmp_path) == []
    assert (tmp_path / "programs.yaml").read_text("utf-8") == "output: docs\n"
    assert tmp_path / "programs.yaml" in init_workspace(tmp_path, force=True)
    assert "hours_by_level" in (tmp_path / "programs.yaml").read_text("utf-8")


def test_cli_init(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0, result.output
    assert "workspace ready" in result.output and (tmp_path / "new/programs.yaml").exists()
    (tmp_path / "file").write_text("x", "utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "file")])
    assert result.exit_code != 0
