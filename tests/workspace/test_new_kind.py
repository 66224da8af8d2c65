"""A new document kind from one entry (templates/kinds.yaml) and one template: rendered by `progen render`,
built by `progen build`, checked by `progen templates check` — nothing else to change."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.exceptions import WorkspaceDataError
from generator.workspace import Workspace
from generator.workspace.scaffold import init_workspace

CERTIFICATE = "certificate:\n  template: certificate.docx\n  description: a certificate of completion\n"


def make_certificate_template(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ program.document_issued|upper }}")
    document.add_paragraph("«{{ program.title }}», {{ program.total_hours|hours_phrase }}")
    document.add_paragraph("{%p for m in program.modules %}")
    document.add_paragraph("{{ m|module_name }}. {{ m.title }}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    root = tmp_path / "ws"
    init_workspace(root)
    (root / "templates" / "kinds.yaml").write_text(CERTIFICATE, "utf-8")
    make_certificate_template(root / "templates" / "certificate.docx")
    return root


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_the_entry_makes_a_kind(workspace):
    kind = Workspace.load(workspace).kind("certificate")
    assert (kind.renderer, kind.template, kind.extension, kind.pdf, kind.default) == (
        "docx", "certificate.docx", ".docx", True, False)
    assert "certificate" not in Workspace.load(workspace).default_kinds()  # asked for, not built unasked


def test_render_writes_the_new_kind(workspace):
    result = CliRunner().invoke(main, ["render", "--standard", str(workspace / "standard_data" / "M84120.kk.yaml"),
                                       "--card", "3412-0-003", "--kind", "certificate", "--workspace", str(workspace),
                                       "-o", str(workspace / "out")])
    assert result.exit_code == 0, result.output
    path = workspace / "out" / "3412-0-003" / "3412-0-003_certificate_kk.docx"
    text = paragraphs(path)
    assert text[0] == "БЕЙРЕСМИ БІЛІМ БЕРУ БАҒДАРЛАМАСЫ БОЙЫНША ОҚУДЫ АЯҚТАҒАНЫ ТУРАЛЫ СЕРТИФИКАТ"
    assert text[1] == "«Жастармен жұмыс жөніндегі маман», 72 академиялық сағат"
    assert text[2:4] == ["1-модуль. Кәсіби қызметтің нормативтік-құқықтық негіздері", "2-модуль. Жастарға консультация беру"]


def ask_for(workspace: Path, kinds: str) -> None:
    text = (workspace / "programs.yaml").read_text("utf-8")
    text = text.replace("kinds: [program, outline, assessment, guide]", f"kinds: [{kinds}]")
    (workspace / "programs.yaml").write_text(text, "utf-8")


def test_build_makes_the_new_kind_when_programs_yaml_asks(workspace):
    ask_for(workspace, "outline, certificate")
    result = CliRunner().invoke(main, ["build", "-C", str(workspace)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (workspace / "output" / "3412-0-003").iterdir()) == [
        "3412-0-003_certificate_kk.docx", "3412-0-003_outline_kk.docx"]


def test_an_edit_of_the_template_rebuilds_only_that_kind(workspace):
    ask_for(workspace, "outline, certificate")
    assert CliRunner().invoke(main, ["build", "-C", str(workspace)]).exit_code == 0
    document = docx.Document(str(workspace / "templates" / "certificate.docx"))
    document.add_paragraph("{{ program.provider.city }}")
    document.save(str(workspace / "templates" / "certificate.docx"))
    result = CliRunner().invoke(main, ["build", "-C", str(workspace), "--dry-run"])
    lines = [line for line in result.output.splitlines() if "would build" in line]
    assert len(lines) == 2 and all("_certificate_kk.docx  (changed: templates)" in line for line in lines), result.output


def test_templates_check_knows_the_new_kind(workspace):
    result = CliRunner().invoke(main, ["templates", "check", str(workspace / "templates")])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(workspace / "templates" / "certificate.docx"))
    document.add_paragraph("{{ program.titel }}")
    document.save(str(workspace / "templates" / "certificate.docx"))
    result = CliRunner().invoke(main, ["templates", "check", str(workspace / "templates")])
    assert result.exit_code == 1 and "certificate.docx: error: unknown variable 'titel'" in result.output


@pytest.mark.parametrize("entry, message", [
    ("poster:\n  renderer: pdf\n  template: poster.docx\n", "poster: renderer: 'pdf' is not one of docx, markdown"),
    ("poster:\n  description: no template\n", "poster: template: a docx kind needs the file name of its Word template"),
    ("poster:\n  templat: poster.docx\n", "poster.templat: unknown key 'templat' (did you mean 'template'?)"),
    ("плакат:\n  template: poster.docx\n", "плакат: a kind's name is one word of Latin letters"),
])
def test_a_broken_entry_is_reported_with_the_file(workspace, entry, message):
    (workspace / "templates" / "kinds.yaml").write_text(entry, "utf-8")
    with pytest.raises(WorkspaceDataError) as error:
        Workspace.load(workspace)
    assert message in str(error.value) and "kinds.yaml" in str(error.value)
