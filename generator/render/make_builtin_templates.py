"""Generate the built-in Word templates (program, outline, assessment, guide, feedback) with python-docx.

The program's builder is in ``template_program.py`` (its delivery sections in ``template_sections.py``), the
trainer's guide and the feedback form in ``template_sessions.py``; the course outline and the recognition
sheets (assessment) are built here.

Run ``python -m generator.render.make_builtin_templates`` after changing this file or its building
blocks in ``template_docx.py`` (styles, page, tables): it writes
``generator/render/builtin_templates/*.docx`` (shipped in the package) and the same bytes to the
repository's top-level ``templates/`` folder (the defaults a centre copies and edits in Word). A test
checks that both copies are identical, and that a regenerated template has the same document XML.

Layout decisions (customary for official documents in Kazakhstan; all set in styles, so a centre
changes them in one place — Home ▸ Styles ▸ Modify, or Layout ▸ Margins):

* A4 portrait; margins left 30 mm (binding), right 15 mm, top 20 mm, bottom 20 mm; header/footer 10 mm.
* Times New Roman (Word's has ә ғ қ ң ө ұ ү һ і), set for all four font slots (ascii, hAnsi, eastAsia, cs) in
  the document defaults and in every style, so no theme font (Calibri) leaks into Cyrillic text. Where Times
  New Roman is not installed, LibreOffice substitutes the metric-compatible Liberation Serif: version 2
  (Debian's fonts-liberation2) has the Kazakh letters, version 1.07 (fonts-liberation) has none, and a PDF
  made with it falls back to another font for them.
* Body ("Normal"): 14 pt, single line spacing, justified, first-line indent 1.25 cm, no spacing after.
  The course outline (a trainer's handout, 2–4 pages) uses 11 pt for its Normal style, the recognition sheet 12 pt
  (its criteria table 9 pt).
* Headings: "Heading 1" 14 pt bold centred, "Heading 2" 14 pt bold left; both keep with next; they
  feed the table of contents (a TOC field that Word refreshes on opening: w:updateFields).
* Tables: style "Table Grid", text in "Table Text" (12 pt, left, no indent), headers in "Table Head"
  (12 pt bold centred, repeated on every page), fixed column widths that add up to the text width.
* Lists: "List Number" (numbering restarts in every block, e.g. the criteria of each module: the
  renderer gives each block its own w:num) and "List Bullet".
* Footer: centred page number (PAGE field); the title page of the program has none.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from docx.shared import Pt

from generator.render.template_docx import (
    base_document, bullets, facts_table, keep_with_next, outcomes_by_module, page_break, para, row, table, tag,
    tag_row, tidy_merged,
)
from generator.render.template_program import build_program
from generator.render.template_sessions import build_feedback, build_guide

PACKAGE_DIR = Path(__file__).resolve().parent / "builtin_templates"
REPOSITORY_DIR = Path(__file__).resolve().parents[2] / "templates"


# -- the outline and the recognition sheet (the program is built in template_program.py) ------------
def build_outline():
    doc = base_document(11, title_page=False)  # a 2–4 page handout: 11 pt keeps a 72-hour card on 4 pages
    headings = doc.styles["Heading 1"].paragraph_format  # a handout: less space around headings
    headings.space_before, headings.space_after = Pt(8), Pt(3)
    para(doc, "{{ program.provider.name }}", "Title Line")
    para(doc, "{{ labels.outline_kind|upper }}", "Title Big").paragraph_format.space_before = Pt(12)
    para(doc, "«{{ program.title }}»", "Title Big")
    para(doc, "{{ labels.outline_info }}", "Heading 1")
    facts_table(doc, [55, 110], (
        ("basis", "{{ labels.basis_text|fill(program)|capfirst }}"),
        ("level", "{{ program.level or '–' }}"),
        ("duration", "{{ program.total_hours|hours_phrase }} ({{ labels.theory|lower }} – {{ totals.theory }}, "
                     "{{ labels.practice|lower }} – {{ totals.practice }}, {{ labels.assessment|lower }} – "
                     "{{ totals.assessment }})"),
        ("format", "{{ program.format_name|capfirst }}"),
        ("group_size", "{{ program.group_size }}"),
        ("audience", "{{ program.audience|capfirst }}"),
        ("trainer", "{{ labels.blank }}"),
    ))
    para(doc, "{{ labels.outcomes }}", "Heading 1")
    outcomes_by_module(doc, "{{ m|module_name }}. {{ m.title }} ({{ labels.topic_hours|fill(hours=m.hours.total) }})")
    para(doc, "{% for o in program.cross_cutting_outcomes %}{{ o.code|nbsp }} {{ o.text }}"
              "{{ '; ' if not loop.last else '.' }}{% endfor %}")
    tag(doc, "endif")
    para(doc, "{{ labels.schedule }}", "Heading 1")
    schedule = table(doc, [9, 79, 29, 34, 14])
    row(schedule, ["{{ labels.number }}", "{{ labels.session_column }}", "{{ labels.objective_column }}",
                   "{{ labels.main_activity_column }}", "{{ labels.hours_column }}"], style="Table Head", header=True,
        keep=True)
    tag_row(schedule, "for s in program.sessions")
    row(schedule, ["{{ s.number }}", "{{ s.title|quotes }}", "{{ s.objectives|outcome_codes }}", "{{ s.main_activity }}",
                   "{{ s.hours }}"],
        styles=["Table Number", "Table Small", "Table Small", "Table Small", "Table Number"], keep=True)
    tag_row(schedule, "endfor")
    totals = row(schedule, ["{{ labels.total }}", "", "", "", "{{ totals.total }}"], bold=True,
                 styles=["Table Text", "Table Text", "Table Text", "Table Text", "Table Number"], keep=True)
    totals.cells[0].merge(totals.cells[3])
    tidy_merged(schedule)
    para(doc, "{{ labels.methods }}", "Heading 1")
    para(doc, "{{ program.methods_used|map(attribute='name')|join(', ')|capfirst }}.")
    para(doc, "{{ labels.assessment_section }}", "Heading 1")
    bullets(doc, "program.modules", text="{{ item|module_name }}: {{ item.assessment|join(', ') }}"
                                         "{{ ';' if not loop.last else '.' }}")
    para(doc, "{{ program.final_assessment }} ({{ program.final_assessment_hours|hours_phrase }}).",
         bold_prefix="{{ labels.final_assessment }}: ")
    return doc


def build_assessment():
    """One recognition sheet per recognisable skill (PEDAGOGY §5, EXAMPLES §4), each from a new page."""
    doc = base_document(12, title_page=False)
    tag(doc, "for s in program.assessment_sheets")
    tag(doc, "if not loop.first")
    page_break(doc)
    tag(doc, "endif")
    _sheet_header(doc)
    _sheet_criteria(doc)
    _sheet_decision(doc)
    tag(doc, "endfor")
    tag(doc, "if not program.assessment_sheets")
    para(doc, "{{ labels.sheet_kind|upper }}", "Title Big")
    para(doc, "{{ labels.no_sheets }}")
    tag(doc, "endif")
    return doc


def _sheet_header(doc) -> None:
    """Standard, profession, function and skill; room for the participant, date and assessor; methods; scale."""
    para(doc, "{{ program.provider.name }}", "Title Line")
    para(doc, "{{ labels.sheet_kind|upper }}", "Title Big")
    facts_table(doc, [50, 115], [
        ("sheet_standard", "{{ labels.sheet_standard_text|fill(program) }}"),
        ("sheet_profession", "{{ labels.sheet_profession_text|fill(program) }}"
                             "{{ ' (' ~ labels.sheet_level|fill(level=program.level) ~ ')' if program.level else '' }}"),
        ("function", "{{ s.function_number }}. {{ s.function_title }}"),
        ("sheet_skill", "{{ s.skill_number }}. {{ s.title }}"),
        ("sheet_learner", ""),
        ("sheet_date", ""),
        ("sheet_assessor", ""),
        ("sheet_methods", "{{ s.methods|join('; ') }}"),
    ], blank_height=400)
    para(doc, "{{ labels.sheet_scale }}", "Label")
    scale = table(doc, [20, 145])
    row(scale, ["{{ labels.sheet_score }}", "{{ labels.sheet_meaning }}"], style="Table Head", keep=True)
    tag_row(scale, "for meaning in labels.scale")
    row(scale, ["{{ loop.index0 }}", "{{ meaning }}"], styles=["Table Number", "Table Text"], keep=True)
    tag_row(scale, "endfor")
    para(doc, "")


def _sheet_criteria(doc) -> None:
    """The program's criteria rated 0–1–2 with their evidence, the total, and the oral questions."""
    sheet = table(doc, [10, 36, 62, 18, 21, 18])
    row(sheet, ["{{ labels.number }}", "{{ labels.sheet_item }}", "{{ labels.sheet_criterion }}",
                "{{ labels.evidence_column }}", "{{ labels.sheet_rating }}", "{{ labels.sheet_comment }}"],
        style="Table Head", styles=["Table Head Small"] * 6, header=True, keep=True)
    tag_row(sheet, "for r in s.rows")
    criterion = row(sheet, ["{{ r.number }}", "{{ r.group|quotes }}", "{{ r.text|quotes }}", "{{ r.evidence }}",
                            "{{ labels.sheet_boxes }}", ""], styles=["Table Small"] * 6, keep=True)
    criterion.cells[1].paragraphs[0].runs[0].bold = True
    tag_row(sheet, "endfor")
    total = row(sheet, ["", "", "", "{{ labels.sheet_total }}", "{{ labels.sheet_total_value|fill(s) }}", ""],
                bold=True, styles=["Table Small"] * 6, keep=True)
    total.cells[0].merge(total.cells[2])
    tidy_merged(sheet)
    tag(doc, "if s.rows|selectattr('questions')|list")
    para(doc, "{{ labels.sheet_questions }}", "Label")
    questions = table(doc, [12, 153])
    tag_row(questions, "for r in s.rows if r.questions")
    cells = row(questions, ["{{ r.number }}", ""], styles=["Table Small", "Table Small"], keep=True).cells
    tag(cells[1], "for q in r.questions")
    para(cells[1], "{{ loop.index }}) {{ q|quotes }}", "Table Small")
    tag(cells[1], "endfor")
    tag_row(questions, "endfor")
    tag(doc, "endif")


def _sheet_decision(doc) -> None:
    """Threshold, decision, recommendations and appeal, kept together with the signatures."""
    closing = [para(doc, "{{ (labels.sheet_threshold if s.no_zero else labels.sheet_threshold_plain)|fill(s) }}",
                    "Sign Line", bold_prefix="{{ labels.sheet_threshold_label }} "),
               para(doc, "{{ labels.sheet_decision|fill(s, card_code=program.card_code) }}", "Sign Line",
                    bold_prefix="{{ labels.sheet_decision_label }} "),
               para(doc, "{{ labels.sheet_recognised|fill(s) }}", "Table Text"),
               para(doc, "{{ labels.sheet_not_recognised|fill(s) }}", "Table Text"),
               para(doc, "{{ labels.sheet_recommendations }}", "Sign Line"),
               para(doc, "{{ labels.sheet_appeal }}", "Small Note")]
    keep_with_next(closing)
    signatures = table(doc, [70, 35, 35, 25])
    row(signatures, ["", "{{ labels.sign_column }}", "{{ labels.sign_name }}", "{{ labels.sign_date }}"],
        style="Table Head", styles=["Table Small"] * 4, keep=True)
    for who in ("sign_assessor", "sign_second", "sign_learner"):
        row(signatures, ["{{ labels." + who + " }}", "{{ labels.sign_blank }}", "{{ labels.sign_blank }}",
                         "{{ labels.sign_blank }}"], styles=["Table Small"] * 4, keep=True)
    for line in signatures.rows[:-1]:
        for cell in line.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    para(doc, "{{ labels.seal }}", "Small Note")


BUILDERS = {"program": build_program, "outline": build_outline, "assessment": build_assessment,
            "guide": build_guide, "feedback": build_feedback}


def _fixed_core_properties(doc) -> None:
    """Stable metadata so that regenerating gives the same document parts."""
    import datetime

    props = doc.core_properties
    props.author = "progen"
    props.last_modified_by = "progen"
    props.title = ""
    props.comments = ""
    props.revision = 1
    stamp = datetime.datetime(2026, 1, 1)
    props.created = stamp
    props.modified = stamp


def template_bytes(kind: str) -> bytes:
    doc = BUILDERS[kind]()
    _fixed_core_properties(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    targets = [PACKAGE_DIR] + ([REPOSITORY_DIR] if REPOSITORY_DIR.parent.joinpath("setup.cfg").exists() else [])
    for kind in BUILDERS:
        data = template_bytes(kind)
        for folder in targets:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{kind}.docx").write_bytes(data)
            print(f"wrote {folder / (kind + '.docx')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
