"""The prepared render path (issue 17) against the docxtpl path, its reference: the same documents,
member for member and byte for byte, and the same error messages."""
from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from helpers import KINDS
from prepared_testlib import (
    FIXTURE_FILES, FIXTURES, SOURCES, assert_same_document, design_source, feature_context, feature_template, members,
    word_tag,
)

from generator.exceptions import TemplateProblem
from generator.render import build_context, builtin_dir, find_template
from generator.render import prepared as pr
from generator.render.docx_render import render_bytes, render_bytes_docxtpl
from generator.render.sample import sample_program
from generator.workspace import Workspace

LANGS = ("kk", "ru")
# every Word kind of the registry (program, outline, assessment, guide, feedback and any added later)
DOCX_KINDS = tuple(name for name, kind in Workspace.builtin().kinds.items() if kind.renderer == "docx")
assert set(KINDS) <= set(DOCX_KINDS)


@pytest.fixture(scope="session")
def programs():
    cache: dict = {}

    def program(source, card, lang):
        if (source, card, lang) not in cache:
            cache[source, card, lang] = design_source(source, card, lang)
        return cache[source, card, lang]

    return program


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("source,card", SOURCES, ids=[f"{s}-{c}" for s, c in SOURCES])
def test_every_kind_equals_the_docxtpl_render(programs, source, card, lang):
    program = programs(source, card, lang)
    for kind in DOCX_KINDS:
        template = find_template(kind, lang)
        assert isinstance(pr.prepared(template, word_tag(lang)), pr.PreparedTemplate)  # not the fallback
        context = build_context(program, kind)
        options = {"title": program.title, "word_tag": word_tag(lang)}
        assert_same_document(render_bytes(template, context, **options), render_bytes_docxtpl(template, context, **options))


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")
def test_the_fixture_cards_are_compared():
    assert len(FIXTURE_FILES) >= 3
    assert [card for source, card in SOURCES if source == "fixture"] == FIXTURE_FILES


def test_numbering_restarts_are_compared_too(programs):
    """The seed program restarts a numbered list (numbering.xml gains a w:num with a start override), and
    the fast path's numbering.xml is docxtpl's."""
    program = programs("seed", "3412-0-003", "kk")
    data = render_bytes(find_template("program", "kk"), build_context(program, "program"), title="T", word_tag="kk-KZ")
    numbering = dict(members(data))["word/numbering.xml"]
    original = zipfile.ZipFile(builtin_dir() / "program.docx").read("word/numbering.xml")
    assert numbering.count(b"<w:startOverride") > original.count(b"<w:startOverride")
    reference = render_bytes_docxtpl(find_template("program", "kk"), build_context(program, "program"),
                                     title="T", word_tag="kk-KZ")
    assert_same_document(data, reference)
    assert b'<w:lang w:val="kk-KZ"' in dict(members(data))["word/styles.xml"]


@pytest.mark.parametrize("lang,title,columns", [("kk", "Курс & «тақырып»", "ТПБЖ"), ("ru", "", "Т"), ("", "Без языка", "")])
def test_docxtpl_features_in_a_user_template(tmp_path, lang, title, columns):
    """Split runs, {%p %}, {%tr %}, {%tc %} (grid columns added or removed), colspan, cellbg, vm, {{r }},
    listing characters, {_{ escapes, images (docPr ids), header, footer, two sections, footnotes,
    core properties."""
    template = feature_template(tmp_path / "features.docx")
    assert isinstance(pr.prepared(template), pr.PreparedTemplate)
    context = feature_context(list(columns))
    fast = render_bytes(template, context, title=title, word_tag=word_tag(lang))
    assert_same_document(fast, render_bytes_docxtpl(template, feature_context(list(columns)), title=title,
                                                    word_tag=word_tag(lang)))
    parts = dict(members(fast))
    assert b"2026" in parts["word/header1.xml"] and "Астана".encode() in parts["word/footer1.xml"]
    assert "(ескерту)".encode() in parts["word/footnotes.xml"] and b"{{" not in parts["word/footnotes.xml"]
    assert b'docPr id="1001"' in parts["word/document.xml"] and b"<w:br/>" in parts["word/document.xml"]


def test_tables_docxtpl_would_not_fix_are_left_as_parsed(tmp_path):
    """The XPath check before docxtpl's fix_tables: a grid span that is not a number goes to docxtpl."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "{{ lang }}"
    document.save(str(tmp_path / "merged.docx"))
    for span in (b'w:gridSpan w:val="2"', b'w:gridSpan w:val="2.0"', b'w:gridSpan w:val=""', b"w:gridSpan"):
        with zipfile.ZipFile(tmp_path / "merged.docx") as source, \
                zipfile.ZipFile(tmp_path / "odd.docx", "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                target.writestr(info, data.replace(b'w:gridSpan w:val="2"', span) if "document" in info.filename else data)
        results = []
        for render in (render_bytes, render_bytes_docxtpl):
            try:
                results.append(members(render(tmp_path / "odd.docx", {"lang": "kk"}, word_tag="kk-KZ")))
            except (TemplateProblem, ValueError, TypeError) as error:  # docxtpl's int() of the span
                results.append(f"{type(error).__name__}: {error}")
        assert results[0] == results[1], span


def _nested_tables(path):
    """An outer table whose columns a {%tc %} loop makes, holding a table whose columns another makes,
    a table whose rows a loop makes (none for an empty list), and a plain one."""
    document = docx.Document()
    outer = document.add_table(rows=2, cols=3)
    for cell, text in zip(outer.rows[0].cells, ["{%tc for c in outer %}", "{{ c }}", "{%tc endfor %}"]):
        cell.text = text
    inner = outer.cell(1, 1).add_table(rows=1, cols=4)
    for cell, text in zip(inner.rows[0].cells, ["Бас", "{%tc for c in inner %}", "{{ c }}", "{%tc endfor %}"]):
        cell.text = text
    rows = document.add_table(rows=3, cols=2)
    for row, texts in zip(rows.rows, [["{%tr for c in inner %}", ""], ["{{ c }}", "{{ loop.index }}"], ["{%tr endfor %}", ""]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    document.add_table(rows=1, cols=2).cell(0, 0).text = "Тұрақты"
    document.save(str(path))
    return path


@pytest.mark.parametrize("outer,inner", [([], []), (["А"], ["Б", "В", "Г", "Д", "Е"]), (["А", "Б", "В", "Г"], ["Б"]),
                                         (["А", "Б", "В"], ["Б", "В"])])
def test_nested_tables_are_fixed_as_docxtpl_fixes_them(tmp_path, outer, inner):
    """docxtpl's fix_tables on the tables the check finds (an outer one with the tables inside it), and
    the rest left as parsed: the same grids as docxtpl's pass over the whole body."""
    template = _nested_tables(tmp_path / "nested.docx")
    context = {"outer": outer, "inner": inner}
    assert_same_document(render_bytes(template, dict(context)), render_bytes_docxtpl(template, dict(context)))


def test_the_body_is_moved_where_the_shell_cannot_hold_it(tmp_path, monkeypatch):
    """Where DocumentShell gives no text around the body, the body is parsed alone and moved into the
    document as docxtpl's map_tree does: the same document."""
    from generator.render.docx_shell import DocumentShell

    monkeypatch.setattr(DocumentShell, "document", lambda self, xml: None)
    template = feature_template(tmp_path / "features.docx")
    pr.clear_prepared()
    fast = render_bytes(template, feature_context(), title="Т", word_tag="kk-KZ")
    assert_same_document(fast, render_bytes_docxtpl(template, feature_context(), title="Т", word_tag="kk-KZ"))
    pr.clear_prepared()


def test_the_shell_holds_the_body_only_where_one_parse_gives_docxtpls_tree():
    from docx.oxml.parser import parse_xml

    from generator.render.docx_shell import DocumentShell

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    document = parse_xml(f'<w:document xmlns:w="{w}" xmlns:wp="{wp}"><w:body><w:p/></w:body></w:document>')
    body = f'<w:body xmlns:w="{w}" xmlns:wp="{wp}"><w:p/></w:body>'
    shell = DocumentShell.of(document, body)
    assert shell.start_in_document == "<w:body>"
    assert shell.document(body.replace("<w:p/>", "<w:p>x</w:p>")).endswith("<w:body><w:p>x</w:p></w:body></w:document>")
    assert shell.document("<w:body><w:p/></w:body>") is None  # not the source's start tag: moved instead
    own = DocumentShell.of(document, body.replace(">", ' xmlns:x="urn:x">', 1))  # a namespace of its own stays
    assert own.start_in_document == '<w:body xmlns:x="urn:x">'
    for odd in (body.replace('xmlns:wp=', 'xmlns:wq='),  # the document's namespace under another prefix
                body.replace(f'xmlns:wp="{wp}"', 'xmlns:wp="urn:other"'),  # a prefix for another namespace
                "<w:p/>"):  # no body start tag
        assert DocumentShell.of(document, odd).head is None, odd
    background = parse_xml(f'<w:document xmlns:w="{w}" xmlns:wp="{wp}"><w:background><wp:docPr id="1"/>'
                           f'</w:background><w:body/></w:document>')
    assert DocumentShell.of(background, body).head is None  # fix_docpr_ids would see the background


# -- errors ------------------------------------------------------------------------------------
def _template(folder, name, paragraphs=(), footer=None, author=None):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if author:
        document.core_properties.author = author
    folder.mkdir(parents=True, exist_ok=True)
    document.save(str(folder / name))
    return folder / name


def _messages(template, context):
    messages = []
    for render in (render_bytes, render_bytes_docxtpl):
        with pytest.raises(TemplateProblem) as error:
            render(template, context, title="T", word_tag="kk-KZ")
        messages.append(str(error.value))
    return messages


@pytest.mark.parametrize("paragraphs,footer,author,expected", [
    (["Курс: {{ program.title }}", "Орталық: {{ program.provider.nmae }} қаласы"], None, None,
     "unknown variable 'nmae'"),
    (["Бірінші", "{% if program.title %}жоқ endif"], None, None, "template syntax error"),
    (["{{ program.title|shout }}"], None, None, "unknown filter 'shout'"),
    (["Сәлем", "{{ ''.__class__.__mro__ }}"], None, None, "sandbox"),
    (["{{ '{0.__class__}'.format(program) }}"], None, None, "sandbox"),
    (["{{ program.title }}"], "Бет {{ program.page }}", None, "in word/footer1.xml"),
    (["{{ program.title }}"], "{% for x in program.modules %}", None, "in word/footer1.xml"),
    (["{{ program.title }}"], None, "{{ program.autor }}", "'autor'"),
    (["{{ program.nothing }}"], "{{ program.page }}", None, "'nothing'"),  # the body's error comes first
])
def test_template_errors_give_the_docxtpl_message(tmp_path, paragraphs, footer, author, expected):
    template = _template(tmp_path, "outline.docx", paragraphs, footer, author)
    fast, reference = _messages(template, build_context(sample_program("kk"), "outline"))
    assert fast == reference
    assert fast.startswith("template outline.docx: ") and expected in fast


@pytest.mark.parametrize("paragraphs,footer,expected", [
    (["Сәлем", "{{ 'x' * 10**10 }}"], None, "over the limit"),
    (["{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"], None, "calls itself without end"),
    (["{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"], None, "over 64 MB of XML"),
    (["{{ program.title }}"], "{{ 'x'.center(10**9) }}", "the width given to center()"),
    (["{{ 1 + 'a' }}"], None, "TypeError"),
    (["{{ program.total_hours / 0 }}"], None, "ZeroDivisionError"),
])
def test_template_limits_give_the_docxtpl_message(tmp_path, paragraphs, footer, expected):
    """generator/render/limits.py on both paths: the same refusal, naming the template and the paragraph."""
    template = _template(tmp_path, "outline.docx", paragraphs, footer)
    fast, reference = _messages(template, build_context(sample_program("kk"), "outline"))
    assert fast == reference
    assert fast.startswith("template outline.docx: ") and expected in fast and "paragraph: «" in fast


def test_the_time_budget_holds_on_both_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("PROGEN_RENDER_SECONDS", "0.5")
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    template = _template(tmp_path, "outline.docx", ["Сәлем", loop])
    fast, reference = _messages(template, {})
    assert fast == reference
    assert "took more than 0.5 s to render" in fast and f"paragraph: «{loop}" in fast


def test_the_archive_limits_hold_on_both_paths(tmp_path):
    template = _template(tmp_path, "outline.docx", ["{{ lang }}"])
    with zipfile.ZipFile(template, "a") as archive:  # a part that unpacks to 40 MB
        archive.writestr("word/media/big.bin", b"\0" * (40 << 20), compress_type=zipfile.ZIP_DEFLATED)
    pr.clear_prepared()
    fast, reference = _messages(template, {"lang": "kk"})
    assert fast == reference and "over progen's limit" in fast
    assert fast == _messages(template, {"lang": "kk"})[0]  # refused again: a refusal is never cached


def test_the_content_stamp_is_the_docxtpl_paths(tmp_path, programs):
    """The stamp covers every part (name, size, CRC-32): equal stamps, and a fast document is «generated»."""
    from generator.render.stamp import CUSTOM_MEMBER, document_state

    program = programs("seed", "3412-0-003", "ru")
    template, context = find_template("guide", "ru"), build_context(program, "guide")
    fast = render_bytes(template, context, title=program.title, word_tag="ru-RU")
    reference = render_bytes_docxtpl(template, context, title=program.title, word_tag="ru-RU")
    stamp = dict(members(fast))[CUSTOM_MEMBER]
    assert b"progen-content" in stamp and b"sha256:" in stamp and stamp == dict(members(reference))[CUSTOM_MEMBER]
    (tmp_path / "guide.docx").write_bytes(fast)
    assert document_state(tmp_path / "guide.docx") == "generated"


def test_error_in_a_loop_of_the_builtin_template_names_the_paragraph(tmp_path):
    document = docx.Document(str(builtin_dir() / "program.docx"))
    heading = next(p for p in document.paragraphs if p.text == "{{ m|module_name }}. {{ m.title }}")
    heading.runs[0].text = heading.runs[0].text.replace("m.title", "m.titel")
    document.save(str(tmp_path / "program.docx"))
    fast, reference = _messages(tmp_path / "program.docx", build_context(sample_program("kk"), "program"))
    assert fast == reference
    assert fast.startswith("template program.docx: unknown variable 'titel'")
    assert "paragraph: «{{ m|module_name }}. {{ m.titel }}»" in fast


def test_not_a_docx_or_no_file_gives_the_docxtpl_message(tmp_path):
    (tmp_path / "outline.docx").write_text("not a zip", encoding="utf-8")
    for path, expected in ((tmp_path / "outline.docx", "cannot be read as a Word document"),
                           (tmp_path / "gone.docx", "gone.docx: no such template file")):
        fast, reference = _messages(path, {})
        assert fast == reference and expected in fast


# -- what is prepared, and when -----------------------------------------------------------------
def test_a_template_is_prepared_once_per_content(tmp_path, monkeypatch):
    calls, real = [], pr.prepare
    monkeypatch.setattr(pr, "prepare", lambda data, word_tag="": calls.append(len(data)) or real(data, word_tag))
    pr.clear_prepared()
    template = _template(tmp_path / "a", "outline.docx", ["Бір {{ lang }}"])
    for _ in range(3):
        render_bytes(template, {"lang": "kk"})
    assert len(calls) == 1
    copy = tmp_path / "b" / "other.docx"
    copy.parent.mkdir()
    copy.write_bytes(template.read_bytes())
    render_bytes(copy, {"lang": "kk"})
    assert len(calls) == 1  # the same content elsewhere: the same preparation


def test_an_edited_template_is_prepared_again_even_with_the_same_size_and_time(tmp_path):
    template = _template(tmp_path, "outline.docx", ["Бірінші {{ lang }}"])
    stat = template.stat()
    first = render_bytes(template, {"lang": "kk"})
    _template(tmp_path, "outline.docx", ["Екінші! {{ lang }}"])
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = render_bytes(template, {"lang": "kk"})
    assert "Бірінші kk".encode() in dict(members(first))["word/document.xml"]
    assert "Екінші! kk".encode() in dict(members(second))["word/document.xml"]


def test_the_cache_is_bounded(tmp_path):
    pr.clear_prepared()
    for number in range(pr.CACHE_SIZE + 3):
        render_bytes(_template(tmp_path, f"t{number}.docx", [f"{number} {{{{ lang }}}}"]), {"lang": "kk"})
    assert len(pr._CACHE) == pr.CACHE_SIZE


# -- the fallback -----------------------------------------------------------------------------------
def test_the_installed_docxtpl_renders_nothing_the_prepared_path_does_not_reproduce():
    assert pr.docxtpl_unknown_steps() is None


def test_a_docxtpl_that_renders_more_gets_the_docxtpl_path(tmp_path, monkeypatch, request):
    template = _template(tmp_path, "outline.docx", ["{{ lang }}"])
    monkeypatch.setitem(pr._REPRODUCED, "render", pr._REPRODUCED["render"] - {"render_footnotes"})
    pr.clear_prepared()
    request.addfinalizer(pr.clear_prepared)  # the reason stays cached with the template otherwise
    assert "render() also uses render_footnotes" in pr.prepared(template)

@pytest.fixture
def docxtpl_calls(monkeypatch):
    calls = []
    real = pr.render_docxtpl
    monkeypatch.setattr(pr, "render_docxtpl", lambda *args, **kw: calls.append(args[0]) or real(*args, **kw))
    return calls


def _without_core_properties(source, target):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename == "docProps/core.xml":
                continue
            data = old.read(info)
            if info.filename == "_rels/.rels":
                data = data.replace(b'Target="docProps/core.xml"', b'Target="docProps/app.xml"')
                data = data.replace(b"/metadata/core-properties", b"/officeDocument/2006/relationships/x-none")
            new.writestr(info, data)
    return target


def test_a_template_without_core_properties_renders_through_docxtpl(tmp_path, docxtpl_calls):
    template = _without_core_properties(_template(tmp_path / "src", "outline.docx", ["{{ lang }}"]), tmp_path / "o.docx")
    reason = pr.prepared(template)
    assert isinstance(reason, str) and "core properties" in reason
    data = render_bytes(template, {"lang": "kk"}, title="Т")
    assert docxtpl_calls == [template]
    assert "docProps/core.xml" in dict(members(data))  # python-docx's own, stamped now


def test_a_header_used_by_two_relationships_is_left_to_docxtpl(tmp_path):
    document = docx.Document()
    document.add_paragraph("{{ lang }}")
    header = document.sections[0].header
    header.paragraphs[0].text = "{{ lang }}"
    document.part.rels.add_relationship(RT.HEADER, header.part, "rId900")
    document.save(str(tmp_path / "h.docx"))
    assert "two relationships" in pr.prepared(tmp_path / "h.docx")


def test_a_context_bound_to_a_docxtpl_template_renders_through_docxtpl(tmp_path, monkeypatch):
    from docxtpl import DocxTemplate, InlineImage

    template = _template(tmp_path, "outline.docx", ["{{ lang }}"])
    image = InlineImage(DocxTemplate(str(template)), io.BytesIO(b""))
    assert pr.bound_to_docxtpl({"lang": "kk", "pictures": [{"logo": image}]})
    assert not pr.bound_to_docxtpl(build_context(sample_program("kk"), "outline"))
    monkeypatch.setattr(pr, "render_docxtpl", lambda path, data, context, **options: b"docxtpl")
    assert render_bytes(template, {"lang": "kk", "logo": image}) == b"docxtpl"
    assert render_bytes(template, {"lang": "kk"}) != b"docxtpl"
