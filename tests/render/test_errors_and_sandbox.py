"""What a broken or hostile template does: a clear TemplateProblem, never a partial DOCX."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.exceptions import GeneratorError, TemplateProblem
from generator.render import builtin_dir, render_document
from helpers import full_text


def make_template(folder: Path, name: str, *paragraphs: str | list[str]) -> Path:
    """A workspace template: each argument a paragraph (a list = one paragraph of several runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for run in ([text] if isinstance(text, str) else text):
            paragraph.add_run(run)
    path = folder / name
    document.save(str(path))
    return path


def test_template_problem_is_a_generator_error():
    assert issubclass(TemplateProblem, GeneratorError)


def test_misspelt_variable_names_template_variable_and_paragraph(sample, tmp_path):
    make_template(tmp_path / "templates", "outline.docx", "Курс: {{ program.title }}",
                  "Орталық: {{ program.provider.nmae }} қаласы")
    with pytest.raises(TemplateProblem) as error:
        render_document(sample, "outline", tmp_path / "out.docx", workspace=tmp_path)
    message = str(error.value)
    assert "outline.docx" in message
    assert "'nmae'" in message
    assert "Орталық: {{ program.provider.nmae }} қаласы" in message
    assert not (tmp_path / "out.docx").exists()


def test_misspelt_variable_in_a_loop_of_the_builtin_template(sample, tmp_path):
    """A methodologist's typo in the real program template (inside {%p for %})."""
    folder = tmp_path / "templates"
    folder.mkdir()
    document = docx.Document(str(builtin_dir() / "program.docx"))
    for paragraph in document.paragraphs:
        if paragraph.text == "{{ m|module_name }}. {{ m.title }}" and paragraph.style.name == "Heading 2":
            paragraph.runs[0].text = paragraph.runs[0].text.replace("m.title", "m.titel")
            break
    else:
        raise AssertionError("module heading not found")
    document.save(str(folder / "program.docx"))
    with pytest.raises(TemplateProblem) as error:
        render_document(sample, "program", tmp_path / "p.docx", workspace=tmp_path)
    message = str(error.value)
    assert message.startswith("template program.docx: unknown variable 'titel'")
    assert "{{ m|module_name }}. {{ m.titel }}" in message


def test_unknown_filter_and_syntax_error(sample, tmp_path):
    make_template(tmp_path / "a" / "templates", "outline.docx", "{{ program.title|shout }}")
    with pytest.raises(TemplateProblem, match=r"outline.docx: unknown filter 'shout'.*paragraph: «\{\{ program.title\|shout \}\}»"):
        render_document(sample, "outline", tmp_path / "o.docx", workspace=tmp_path / "a")
    make_template(tmp_path / "b" / "templates", "outline.docx", "Бірінші", "{% if program.title %}жоқ endif")
    with pytest.raises(TemplateProblem, match="outline.docx: template syntax error"):
        render_document(sample, "outline", tmp_path / "o.docx", workspace=tmp_path / "b")


def test_failed_render_keeps_the_previous_document(sample, tmp_path):
    target = tmp_path / "o.docx"
    render_document(sample, "outline", target)
    before = target.read_bytes()
    make_template(tmp_path / "templates", "outline.docx", "{{ program.nothing }}")
    with pytest.raises(TemplateProblem):
        render_document(sample, "outline", target, workspace=tmp_path)
    assert target.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_not_a_docx_is_a_template_problem(sample, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "outline.docx").write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="outline.docx"):
        render_document(sample, "outline", tmp_path / "o.docx", workspace=tmp_path)


def test_quotes_ampersands_and_angle_brackets_survive(sample, tmp_path):
    tricky = 'ЖРО «Жас Өркен» & "Болашақ" <2026> \'бір\' әғқңөұүһі'
    sample.provider.name = tricky
    sample.modules[1].outcomes[0].text = 'a < b && c > d "x"'
    for kind in ("program", "outline", "assessment"):
        path = render_document(sample, kind, tmp_path / f"{kind}.docx")
        text = full_text(path)
        assert tricky in text
    assert 'a < b && c > d «x»' in full_text(tmp_path / "program.docx")


def test_values_cannot_inject_word_markup(sample, tmp_path):
    sample.provider.name = '</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ИНЪЕКЦИЯ'
    sample.title = "{{ program.provider.approver_name }}"  # data is printed, never rendered again
    path = render_document(sample, "program", tmp_path / "p.docx")
    text = full_text(path)
    assert '</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ИНЪЕКЦИЯ' in text
    assert "«{{ program.provider.approver_name }}»" in text


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ program.__class__.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].listdir('/') }}",
    "{{ joiner.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}",
    "{{ program.modules.__class__.__base__.__subclasses__() }}",
    "{{ labels.__class__.__init__ }}",
    "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
])
def test_sandbox_refuses_python_internals(sample, tmp_path, attack):
    make_template(tmp_path / "templates", "outline.docx", "Сәлем", attack)
    with pytest.raises(TemplateProblem) as error:
        render_document(sample, "outline", tmp_path / "o.docx", workspace=tmp_path)
    message = str(error.value)
    assert "outline.docx" in message
    assert "sandbox" in message or "unknown variable" in message
    assert not (tmp_path / "o.docx").exists()


def test_sandbox_refuses_format_string_escape(sample, tmp_path):
    make_template(tmp_path / "templates", "outline.docx", "{{ '{0.__class__}'.format(program) }}")
    with pytest.raises(TemplateProblem, match="sandbox"):
        render_document(sample, "outline", tmp_path / "o.docx", workspace=tmp_path)


def test_label_placeholders_cannot_reach_into_objects(sample, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_text(
        "kk:\n  city_year: \"{provider.__class__} {year}\"\n", encoding="utf-8")
    path = render_document(sample, "program", tmp_path / "p.docx", workspace=tmp_path)
    assert "{provider.__class__} 2026" in full_text(path)  # left as text, nothing evaluated
