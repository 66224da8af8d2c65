"""Shortcuts of the render path that must give what the long way gives: the table check, the quotes filter."""
from __future__ import annotations

from docxtpl import DocxTemplate
from hypothesis import given, settings, strategies as st
from lxml import etree

from generator.render.docx_tables import TableCheck

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# the check as first written, with «.//» (every row collected); the one in use stops at the first row found
FIRST_WRITTEN = etree.XPath(
    "boolean(.//w:tr[count(w:tc) > $n]) "
    "or not(.//w:tr[count(w:tc[not(w:tcPr[1]/w:gridSpan)]) + sum(w:tc/w:tcPr[1]/w:gridSpan[1]/@w:val) >= $n]) "
    "or boolean(.//w:tc/w:tcPr[1]/w:gridSpan[1][not(@w:val) or @w:val = '' "
    "or translate(@w:val, '0123456789', '') != ''])", namespaces={"w": W})

SPANS = st.sampled_from([None, "1", "2", "3", "0", "", "2.0", "x", "no value"])
CELL = st.tuples(SPANS, st.booleans())  # (grid span, a second tcPr/gridSpan after the first)
ROW = st.lists(CELL, max_size=5)
TABLE = st.tuples(st.integers(0, 4), st.booleans(), st.lists(ROW, max_size=4), st.booleans())


def _cell(span, second) -> str:
    if span is None:
        return "<w:tc><w:p/></w:tc>"
    value = "" if span == "no value" else f' w:val="{span}"'
    extra = '<w:gridSpan w:val="9"/>' if second else ""
    return f"<w:tc><w:tcPr><w:gridSpan{value}/>{extra}</w:tcPr><w:p/></w:tc>"


def _table(columns, widths, rows, nested) -> str:
    grid = "".join(f'<w:gridCol w:w="{1000 + 10 * i}"/>' if widths else "<w:gridCol/>" for i in range(columns))
    body = "".join("<w:tr>" + "".join(_cell(*cell) for cell in row) + "</w:tr>" for row in rows)
    inner = ("<w:tr><w:tc><w:tbl><w:tblGrid><w:gridCol w:w=\"500\"/></w:tblGrid><w:tr>"
             + _cell(None, False) * 3 + "</w:tr></w:tbl></w:tc></w:tr>") if nested else ""
    return f'<w:tbl xmlns:w="{W}"><w:tblGrid>{grid}</w:tblGrid>{body}{inner}</w:tbl>'


@settings(max_examples=300, deadline=None)
@given(TABLE)
def test_the_check_answers_as_first_written(table):
    """Stopping at the first row found changes nothing: the same answer for every table."""
    check = TableCheck.of(W)
    tree = etree.fromstring(_table(*table))
    columns = len(tree.find(check.grid).findall(check.col))
    assert check.needs_fixing(tree) == FIRST_WRITTEN(tree, n=columns)


@settings(max_examples=300, deadline=None)
@given(TABLE)
def test_a_table_left_alone_is_one_docxtpl_leaves_alone(table):
    """Where the check finds no table to fix (the nested one included), docxtpl's own fix_tables neither
    changes the table nor fails on it."""
    xml = _table(*table)
    if TableCheck.of(W).to_fix(etree.fromstring(xml)):
        return
    fixed = DocxTemplate.fix_tables(None, xml)
    assert etree.tostring(fixed) == etree.tostring(etree.fromstring(xml))


@given(st.one_of(st.text(alphabet='"ab\n «»', max_size=12), st.integers()))
def test_quotes_skips_only_texts_without_straight_quotes(text):
    """The |quotes filter's shortcut (no straight quote, nothing to do) gives what its pattern gives."""
    import re

    from generator.render.environment import quotes

    assert quotes(text) == re.sub(r'"([^"\n]+)"', "«\\1»", str(text))
    assert type(quotes(text)) is str


PIECES = st.sampled_from(["{", "}", "_", "%", "{_{", "}_}", "{_%", "%_}", "<w:p>", "<w:p ", "\n", "а", "ә", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.lists(PIECES, max_size=12).map("".join))
def test_a_part_renders_as_docxtpl_renders_it(static, value):
    """The prepared path's render_xml_part (docxtpl's regular expressions as replacements, the literal-brace
    marks replaced only in a text with a brace) gives docxtpl's own result, for marks in the template's text
    and in a value."""
    from jinja2 import Environment

    from generator.render.prepared import _Fill, _Part

    source = f"<w:body>{{% raw %}}{static}{{% endraw %}}<w:t>{{{{ value }}}}</w:t></w:body>"
    environment = Environment(autoescape=True)
    part = _Part("/word/document.xml", "")
    ours = _Fill(None).render_xml_part(source, part, {"value": value}, environment)
    theirs = DocxTemplate(None).render_xml_part(source, part, {"value": value}, environment)
    assert ours == theirs


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=())) | st.text(
    alphabet="a ә\t\n\r\x00\x08\x0b\x1f\x7f\x85\xa0\u2028\ufffe\uffff\ud800\udfff\U0010ffff", max_size=8))
def test_xml_safe_answers_as_its_pattern(text):
    """xml_safe's shortcut (a printable text is returned at once) removes what its pattern removes."""
    from markupsafe import Markup

    from generator.render.environment import _NOT_IN_XML, xml_safe

    assert xml_safe(text) == _NOT_IN_XML.sub("", text)
    assert xml_safe(Markup(text)) == _NOT_IN_XML.sub("", text)
    assert type(xml_safe(Markup(text))) is Markup
