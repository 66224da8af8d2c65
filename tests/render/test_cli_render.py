"""progen render and progen templates init|check|vars."""
from __future__ import annotations

from unittest import mock

import pytest
from click.testing import CliRunner

from helpers import SEED
from generator.cli import main
from generator.render import builtin_dir
from generator.render.environment import FILTERS
from generator.render.variables import TOP_LEVEL, TYPES
from test_errors_and_sandbox import make_template


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def program_stub(sample):
    with mock.patch("generator.cli.design_commands.make_program_from_options", autospec=True, return_value=sample) as stub:
        yield stub


def test_render_writes_every_kind(runner, program_stub, tmp_path):
    result = runner.invoke(main, ["render", "--standard", str(SEED), "--card", "3412-0-003", "--hours", "24",
                                  "-o", str(tmp_path / "out"), "--workspace", str(tmp_path)])
    assert result.exit_code == 0, result.output
    program_stub.assert_called_once_with(None, SEED, "3412-0-003", 24, None, mock.ANY)
    assert program_stub.call_args.args[5].root == tmp_path.resolve()  # the workspace, loaded once
    folder = tmp_path / "out" / "3412-0-003"
    assert sorted(p.name for p in folder.iterdir()) == [
        "3412-0-003_assessment_kk.docx", "3412-0-003_guide_kk.docx", "3412-0-003_outline_kk.docx",
        "3412-0-003_program_kk.docx"]
    assert result.output.splitlines() == [str(folder / f"3412-0-003_{k}_kk.docx")
                                          for k in ("program", "outline", "assessment", "guide")]


def test_render_one_kind_from_a_spec(runner, program_stub, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("card: 3412-0-003\n", encoding="utf-8")
    result = runner.invoke(main, ["render", str(spec), "--kind", "outline", "-o", str(tmp_path / "o"),
                                  "--workspace", str(tmp_path)])
    assert result.exit_code == 0, result.output
    program_stub.assert_called_once_with(spec, None, None, None, None, mock.ANY)
    assert program_stub.call_args.args[5].root == tmp_path.resolve()
    assert [p.name for p in (tmp_path / "o" / "3412-0-003").iterdir()] == ["3412-0-003_outline_kk.docx"]


def test_render_end_to_end_with_the_design_engine(runner, tmp_path):
    result = runner.invoke(main, ["render", "--standard", str(SEED), "--card", "1210-0-020", "--kind", "program",
                                  "-o", str(tmp_path / "out"), "--workspace", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "1210-0-020" / "1210-0-020_program_kk.docx").is_file()


def test_render_takes_the_kinds_of_the_spec(runner, program_stub, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("card: 3412-0-003\nkinds: [assessment, outline]\n", encoding="utf-8")
    result = runner.invoke(main, ["render", str(spec), "-o", str(tmp_path / "o"), "--workspace", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "o" / "3412-0-003").iterdir()) == [
        "3412-0-003_assessment_kk.docx", "3412-0-003_outline_kk.docx"]


def test_render_without_standard_or_spec_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["render", "--card", "3412-0-003", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "give a SPEC file, or --standard FILE and --card CODE" in result.output


def test_render_pdf_without_libreoffice_says_so(runner, program_stub, tmp_path, monkeypatch):
    monkeypatch.setattr("generator.render.pdf.shutil.which", lambda name: None)
    result = runner.invoke(main, ["render", "--standard", str(SEED), "--card", "3412-0-003", "--kind", "outline",
                                  "-o", str(tmp_path / "out"), "--pdf", "--workspace", str(tmp_path)])
    assert result.exit_code == 1
    assert "PDF not written: LibreOffice is not installed" in result.output
    assert (tmp_path / "out" / "3412-0-003" / "3412-0-003_outline_kk.docx").is_file()  # the DOCX is there


def test_render_reports_a_broken_template_in_one_line(runner, program_stub, tmp_path):
    make_template(tmp_path / "templates", "outline.docx", "Курс: {{ program.titel }}")
    result = runner.invoke(main, ["render", "--standard", str(SEED), "--card", "3412-0-003", "--kind", "outline",
                                  "-o", str(tmp_path / "out"), "--workspace", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: template outline.docx: unknown variable 'titel'")
    assert "paragraph: «Курс: {{ program.titel }}»" in result.output
    assert "Traceback" not in result.output


def test_render_into_an_unwritable_place_is_a_one_line_error(runner, program_stub, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["render", "--standard", str(SEED), "--card", "3412-0-003", "--kind", "outline",
                                  "-o", str(blocker / "out"), "--workspace", str(tmp_path)])
    assert result.exit_code == 1
    target = blocker / "out" / "3412-0-003" / "3412-0-003_outline_kk.docx"
    assert result.output.startswith(f"Error: {target}: cannot write the document: ")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_templates_init_copies_the_builtins(runner, tmp_path):
    target = tmp_path / "my templates"
    result = runner.invoke(main, ["templates", "init", str(target)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in target.iterdir())
    assert names == ["assessment.docx", "feedback.docx", "guide.docx", "labels.yaml", "outline.docx", "program.docx"]
    assert (target / "program.docx").read_bytes() == (builtin_dir() / "program.docx").read_bytes()
    again = runner.invoke(main, ["templates", "init", str(target)])
    assert again.exit_code == 1 and "--force" in again.output
    assert runner.invoke(main, ["templates", "init", str(target), "--force"]).exit_code == 0


def test_templates_init_into_an_unwritable_place_is_a_one_line_error(runner, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["templates", "init", str(blocker / "templates")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {blocker / 'templates'}: cannot copy the templates there: ")


def test_templates_check_ok_and_errors(runner, tmp_path):
    runner.invoke(main, ["templates", "init", str(tmp_path / "t")])
    ok = runner.invoke(main, ["templates", "check", str(tmp_path / "t")])
    assert ok.exit_code == 0, ok.output
    assert "5 template(s)" in ok.output and "0 error(s), 0 warning(s)" in ok.output
    make_template(tmp_path / "t", "outline.docx", ["{{ program.", "title }}"], "{{ program.provider.nmae }}")
    bad = runner.invoke(main, ["templates", "check", str(tmp_path / "t")])
    assert bad.exit_code == 1
    assert "outline.docx: warning: tag '{{ program.title }}' is split across 2 Word runs" in bad.output
    assert "outline.docx: error: unknown variable 'nmae'" in bad.output
    assert "1 error(s), 1 warning(s)" in bad.output


def test_templates_check_defaults(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["templates", "check"])
    assert result.exit_code == 0 and str(builtin_dir()) in result.output
    (tmp_path / "templates").mkdir()
    result = runner.invoke(main, ["templates", "check"])
    assert result.exit_code == 1 and "no .docx templates" in result.output


def test_templates_vars_lists_every_variable_and_filter(runner):
    result = runner.invoke(main, ["templates", "vars"])
    assert result.exit_code == 0
    for name in list(TOP_LEVEL) + list(FILTERS) + list(TYPES):
        assert name in result.output
    for _type, (_reached, fields) in TYPES.items():
        for field in fields:
            assert f".{field} " in result.output
    assert "approve" in result.output  # label keys


def test_every_command_has_help(runner):
    for args in (["render"], ["templates"], ["templates", "init"], ["templates", "check"], ["templates", "vars"]):
        result = runner.invoke(main, args + ["--help"])
        assert result.exit_code == 0 and "Usage" in result.output
