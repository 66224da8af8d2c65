"""Templates that never finish or fill the memory: refused with one line naming the template and paragraph.

The sandbox already stops escapes; generator/render/limits.py caps what a template can make and gives
each document a time budget. Every case is a colleague's Word template put in the workspace.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, strategies as st

from hostile_lib import SEED_YAML, assert_refused, progen


def make_template(folder: Path, name: str, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    document.add_paragraph("Курс: {{ program.title }}")
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / name
    document.save(str(path))
    return path


def render(tmp_path: Path, tag: str):
    make_template(tmp_path / "templates", "outline.docx", tag)
    return progen("render", "--standard", SEED_YAML, "--card", "3412-0-003", "--kind", "outline",
                  "--workspace", tmp_path, "-o", tmp_path / "out")


CASES = {
    "string repeated 10**10 times": ("{{ 'x' * 10**10 }}", "over the limit"),
    "list repeated": ("{{ ([1, 2] * 10**9)|length }}", "over the limit"),
    "range of 10**9": ("{{ range(10**9)|list|length }}", "Range too big"),
    "center() method": ("{{ 'x'.center(10**9) }}", "the width given to center()"),
    "center filter": ("{{ 'x'|center(10**9) }}", "the width given to |center"),
    "indent filter": ("{{ 'x'|indent(10**9) }}", "the width given to |indent"),
    "batch with padding": ("{{ [1]|batch(10**9, 0)|list|length }}", "the count given to |batch"),
    "percent format width": ("{{ '%999999999d' % 1 }}", "a width in a format string"),
    "format method width": ("{{ '{:>999999999}'.format(1) }}", "a width in a format string"),
    "format filter width": ("{{ '%999999999s'|format('x') }}", "a width in a format string"),
    "a power of 300,000 digits": ("{{ 10 ** 300000 }}", "a power of more than"),
    "doubling with ~ in a namespace": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
        "{{ ns.s|length }}", "a text joined with ~"),
    "doubling with + in a namespace": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}"
        "{{ ns.s|length }}", "over the limit"),
    "a list extending itself": ("{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) }}{% endfor %}",
                                "over the limit"),
    "joining a big list": ("{% set s = 'x' * 900000 %}{{ ([s] * 100)|join }}", "over the limit"),
    "joining with str.join": ("{% set s = 'x' * 900000 %}{{ ''.join([s] * 100) }}", "over the limit"),
    "replace that grows": ("{{ ('x' * 900000).replace('x', 'xxxx') }}", "replace() would make"),
    "lipsum of a million paragraphs": ("{{ lipsum(10**6) }}", "lipsum"),
    "a macro calling itself": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "calls itself without end"),
    "output over 64 MB": ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "over 64 MB of XML"),
    "a type error": ("{{ 1 + 'a' }}", "TypeError"),
    "a division by zero": ("{{ program.total_hours / 0 }}", "ZeroDivisionError"),
    "a number filter on text": ("{{ program.title|percent }}", "ValueError"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_render_refuses_a_template_that_asks_too_much(tmp_path, case):
    tag, contains = CASES[case]
    line = assert_refused(render(tmp_path, tag), "template outline.docx", contains=contains)
    assert "paragraph: «" in line, line  # where it is
    assert not list((tmp_path / "out").rglob("*.docx"))  # nothing half written


def test_a_loop_that_never_ends_stops_at_the_time_budget(tmp_path, monkeypatch):
    monkeypatch.setenv("PROGEN_RENDER_SECONDS", "1")
    tag = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    line = assert_refused(render(tmp_path, tag), "template outline.docx", contains="took more than 1 s to render")
    assert "PROGEN_RENDER_SECONDS" in line and "paragraph: «{% for i in range(100000) %}" in line
    assert not list((tmp_path / "out").rglob("*.docx"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_names_the_template_and_paragraph_of_every_failure(workspace, monkeypatch, jobs):
    monkeypatch.setenv("PROGEN_RENDER_SECONDS", "2")
    make_template(workspace / "templates", "outline.docx", "{{ 'x' * 10**10 }}")
    make_template(workspace / "templates", "assessment.docx",
                  "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    result = progen("build", "-C", workspace, "-j", jobs, "--keep-going", "3412-0-003")
    assert result.exit_code == 1 and "Traceback" not in result.output
    failed = {line.split()[1]: line for line in result.output.splitlines() if "FAILED" in line}
    assert sorted(failed) == ["output/3412-0-003/3412-0-003_assessment_kk.docx",
                              "output/3412-0-003/3412-0-003_outline_kk.docx"]
    outline = failed["output/3412-0-003/3412-0-003_outline_kk.docx"]
    assert "template outline.docx" in outline and "over the limit" in outline and "paragraph: «{{ 'x'" in outline
    assessment = failed["output/3412-0-003/3412-0-003_assessment_kk.docx"]
    assert "template assessment.docx" in assessment and "took more than 2 s" in assessment
    assert (workspace / "output/3412-0-003/3412-0-003_program_kk.docx").is_file()  # the good one was built
    assert not list((workspace / "output").rglob("*progen-tmp*"))


def test_a_control_character_in_the_data_does_not_break_the_document(tmp_path):
    """A \\x0b from a YAML escape would make word/document.xml unreadable: values lose it on the way in."""
    spec = tmp_path / "course.yaml"
    spec.write_text(f'standard: {SEED_YAML}\ncard: 3412-0-003\ntitle: "Курс\\x0bатауы"\n', "utf-8")
    result = progen("render", spec, "--kind", "outline", "-o", tmp_path / "out", "--workspace", tmp_path)
    assert result.exit_code == 0, result.output
    (document,) = (tmp_path / "out").rglob("*.docx")
    assert "Курсатауы" in "\n".join(p.text for p in docx.Document(str(document)).paragraphs)


def test_limits_change_nothing_in_a_real_document(monkeypatch):
    """The built-in program renders to the same XML with the limits as in Jinja's plain sandbox."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from generator.design import make_program
    from generator.render import build_context, docx_render
    from generator.render.environment import FILTERS
    from generator.workspace import Workspace

    ws = Workspace.builtin()
    program = make_program(standard=SEED_YAML, card="3412-0-003", workspace=ws)

    def document_xml(kind: str) -> bytes:
        data = docx_render.render_bytes(ws.find_template(kind, "kk"), build_context(program, kind, ws))
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")

    limited = {kind: document_xml(kind) for kind in ("program", "outline", "assessment")}
    plain = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    plain.filters.update({name: function for name, (function, _doc) in FILTERS.items()})
    monkeypatch.setattr(docx_render, "render_environment", lambda: plain)  # the docxtpl path (fallback)
    monkeypatch.setattr("generator.render.prepared.render_environment", lambda: plain)  # the prepared path
    for kind, xml in limited.items():
        assert document_xml(kind) == xml, kind


def test_remembered_sandbox_answers_refuse_as_often_as_they_allow():
    """is_safe_attribute is remembered per (type, name): an unsafe attribute stays refused, a name safe on
    one type is asked again for another, and an object that lies about its class is asked every time."""
    import types

    from jinja2.exceptions import SecurityError

    from generator.render.environment import make_environment

    env = make_environment()

    def attack():
        return 1

    class Liar:
        claims = [int, types.FrameType]  # what isinstance sees: first an int, then a frame (all internal)

        @property
        def __class__(self):
            return Liar.claims[0]

    for _ in range(3):
        with pytest.raises(SecurityError):
            env.from_string("{{ f.__globals__ }}").render(f=attack)
        with pytest.raises(SecurityError):
            env.from_string("{{ t.mro() }}").render(t=int)  # «mro» of a type: refused …
    assert env.from_string("{{ d.mro }}|{{ n.real }}").render(d={"mro": "ok"}, n=3) == "ok|3"  # … of a dict: its item
    assert env.is_safe_attribute(Liar(), "f_globals", None) is True
    Liar.claims.pop(0)
    assert env.is_safe_attribute(Liar(), "f_globals", None) is False  # asked again, not remembered
    assert len(env._safe_attributes) <= env.SAFE_ATTRIBUTES_KEPT


def _same_lookup(ours, jinjas) -> bool:
    """Whether two answers of a sandboxed getattr are the same: the value itself, an equal bound method,
    Jinja's wrapper of the same str.format, or an Undefined saying the same thing."""
    from jinja2 import Undefined

    if isinstance(jinjas, Undefined):
        return (type(ours) is type(jinjas) and ours._undefined_hint == jinjas._undefined_hint
                and ours._undefined_obj is jinjas._undefined_obj and ours._undefined_name == jinjas._undefined_name
                and ours._undefined_exception is jinjas._undefined_exception)
    if hasattr(jinjas, "__wrapped__"):  # Jinja's sandboxed str.format, made anew per access
        return getattr(ours, "__wrapped__", None) == jinjas.__wrapped__ and ours.__code__ is jinjas.__code__
    return ours is jinjas or (type(ours) is type(jinjas) and ours == jinjas)


def _lookup_objects():
    import types
    from collections import OrderedDict
    from dataclasses import dataclass

    from generator.standard import model as m

    @dataclass
    class Row:
        name: str = "x"
        format: str = "{}"  # a field named like str's method

    class DictLike(dict):
        pass

    def function():
        return 1

    return [{"mro": "ok", "items": "shadowed", "name": 1}, {}, DictLike(keys="k", a=1), OrderedDict(b=2),
            Row(), m.Skill(id="s", number=1, title="t"), "{} text", "", 5, [1, 2], (3,), types.SimpleNamespace(a=1, _b=2),
            function, int, types.SimpleNamespace(f="{}".format), None]


@pytest.mark.parametrize("index", range(16))
def test_sandboxed_getattr_answers_as_jinjas_for_every_name(index):
    """LimitedEnvironment.getattr takes short ways for dicts and plain values: for every name an object
    has (dunders included) and names it does not, it answers exactly what Jinja's sandbox answers."""
    from jinja2.sandbox import SandboxedEnvironment

    from generator.render.environment import make_environment

    ours, jinjas = make_environment(), make_environment()
    obj = _lookup_objects()[index]
    names = set(dir(obj)) | set(dir(type(obj))) | {"mro", "items", "name", "a", "_b", "f", "format", "format_map",
                                                    "missing", "__dict__", "__globals__", "__class__", "keys"}
    if isinstance(obj, dict):
        names |= set(obj)
    for name in sorted(names):
        assert _same_lookup(ours.getattr(obj, name), SandboxedEnvironment.getattr(jinjas, obj, name)), name


@given(st.text(max_size=12), st.sampled_from(range(16)))
def test_sandboxed_getattr_answers_as_jinjas_for_any_text(name, index):
    from jinja2.sandbox import SandboxedEnvironment

    from generator.render.environment import make_environment

    env = make_environment()
    obj = _lookup_objects()[index]
    assert _same_lookup(env.getattr(obj, name), SandboxedEnvironment.getattr(env, obj, name))
