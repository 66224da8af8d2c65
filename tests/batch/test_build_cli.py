"""`progen build` / `progen init`: argument mapping, output, exit codes, and a light `progen --help`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner

import generator.batch
from generator.batch.engine import BuildReport, TargetResult
from generator.cli import main

REPO = Path(__file__).resolve().parents[2]


def empty_report(tmp_path, results=()):
    return BuildReport(tmp_path, tmp_path / "output", results=list(results))


@pytest.mark.parametrize("args, expected", [
    ([], dict(targets=None, jobs=1, force=False, dry_run=False, clean=False, pdf=False, keep_going=False)),
    (["3412-0-003", "1210-0-020/program", "-j", "4", "--force", "--keep-going"],
     dict(targets=["3412-0-003", "1210-0-020/program"], jobs=4, force=True, dry_run=False, clean=False, pdf=False,
          keep_going=True)),
    (["-n", "--clean", "--pdf", "-j", "0"],
     dict(targets=None, jobs=0, force=False, dry_run=True, clean=True, pdf=True, keep_going=False)),
])
def test_options_map_to_the_library_call(tmp_path, args, expected):
    with mock.patch.object(generator.batch, "build", autospec=True, return_value=empty_report(tmp_path)) as build:
        result = CliRunner().invoke(main, ["build", "-C", str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    build.assert_called_once_with(tmp_path, progress=mock.ANY, **expected)


def test_failure_means_exit_code_1(tmp_path):
    failed = TargetResult("output/a.docx", "a", "program", "kk", "s.yaml", "failed", message="template broke")
    with mock.patch.object(generator.batch, "build", autospec=True, return_value=empty_report(tmp_path, [failed])):
        result = CliRunner().invoke(main, ["build", "-C", str(tmp_path)])
    assert result.exit_code == 1
    assert "FAILED  output/a.docx  (template broke)" in result.output
    assert "0 built, 0 up to date, 1 failed" in result.output


def test_end_to_end_build_and_errors(workspace):
    runner = CliRunner()
    result = runner.invoke(main, ["build", "-C", str(workspace), "3412-0-003"])
    assert result.exit_code == 0, result.output
    assert "built  output/3412-0-003/3412-0-003_program_kk.docx  (new)" in result.output
    assert "4 built, 0 up to date, 0 failed" in result.output
    result = runner.invoke(main, ["build", "-C", str(workspace), "-v", "3412-0-003"])
    assert "up to date  output/3412-0-003/3412-0-003_outline_kk.docx" in result.output
    (workspace / "programs.yaml").write_text("targets:\n  - card: 1111-1-111\n", "utf-8")
    result = runner.invoke(main, ["build", "-C", str(workspace)])
    assert result.exit_code == 1
    assert "programs.yaml:2: targets[0].card: unknown card '1111-1-111'" in result.output


def test_progress_line_only_on_a_terminal(monkeypatch, capsys):
    from generator.cli import _ProgressLine

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    line = _ProgressLine()
    line(1, 2, "output/x.docx")
    assert capsys.readouterr().err == ""
    line.active = True
    line(1, 2, "output/x.docx")
    line(2, 2, "output/y.docx")
    err = capsys.readouterr().err
    assert err.startswith("\r[###############...............] 1/2 output/x.docx") and err.endswith("\n")


def test_help_imports_nothing_heavy():
    """`progen --help` stays fast: the build engine, docx, docxtpl and the design are imported lazily."""
    code = ("import sys, generator.cli; "
            "heavy = [m for m in ('docx', 'docxtpl', 'jinja2', 'yaml', 'generator.batch', 'generator.design', "
            "'generator.render', 'concurrent.futures') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out.strip() == "[]"


def test_build_and_init_have_help():
    for command in ("build", "init"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
