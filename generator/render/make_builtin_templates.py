"""Generate the built-in Word templates (program, outline, assessment) with python-docx.

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
  The course outline (a trainer's handout, 2–4 pages) uses 11 pt for its Normal style, the assessment sheet 12 pt.
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

from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from generator.render.template_docx import (
    add_tr_pr, base_document, bullets, cell_text, facts_table, no_borders, outcome_lines, page_break, para, row,
    table, tag, tag_row, toc, vertical_text,
)
from generator.render.template_sessions import build_feedback, build_guide
from generator.render.template_sections import (
    calendar_section, conditions_section, council_block, evaluation_section, feedback_form, organisation_section,
    paragraphs, people_block,
)

PACKAGE_DIR = Path(__file__).resolve().parent / "builtin_templates"
REPOSITORY_DIR = Path(__file__).resolve().parents[2] / "templates"


# -- the three templates --------------------------------------------------------------------
def build_program():
    doc = base_document(14, title_page=True)
    # title page
    para(doc, "{{ program.provider.name }}", "Title Line").runs[0].bold = True
    approval = table(doc, [85, 80])
    no_borders(approval)
    cells = approval.add_row().cells
    cells[0].width, cells[1].width = Mm(85), Mm(80)
    council_block(cells[0])
    first = cell_text(cells[1], "{{ labels.approve }}", "Approval", bold=True)
    first.paragraph_format.space_before = Pt(24)
    para(cells[1], "{{ program.provider.approver_title }}", "Approval")
    para(cells[1], "{{ program.provider.name }}", "Approval")
    para(cells[1], "{{ labels.signature_line }} {{ program.provider.approver_name }}", "Approval")
    para(cells[1], "{{ labels.approve_date|fill(program) }}", "Approval")
    big = para(doc, "{{ labels.program_kind|upper }}", "Title Big")
    big.paragraph_format.space_before = Pt(110)
    para(doc, "«{{ program.title }}»", "Title Big")
    basis = para(doc, "{{ labels.basis_text|fill(program)|capfirst }}", "Title Line")
    basis.paragraph_format.space_before = Pt(18)
    tag(doc, "if program.level")
    para(doc, "{{ labels.level }}: {{ program.level }}", "Title Line")
    tag(doc, "endif")
    para(doc, "{{ program.total_hours|hours_phrase }}", "Title Line")
    city = para(doc, "{{ labels.city_year|fill(program) }}", "Title Line")
    city.paragraph_format.space_before = Pt(150)
    page_break(doc)
    # developers and reviewers, contents
    people_block(doc)
    para(doc, "{{ labels.contents }}", "Contents Heading").paragraph_format.space_before = Pt(18)
    toc(doc)
    page_break(doc)
    # passport
    para(doc, "{{ labels.passport }}", "Heading 1")
    facts_table(doc, [58, 107], (
        ("program_name", "«{{ program.title }}»"),
        ("basis", "{{ labels.basis_text|fill(program)|capfirst }}"),
        ("card", "{{ program.card_code }} «{{ program.card_name }}»"),
        ("level", "{{ program.level or '–' }}"),
        ("audience", "{{ program.audience|capfirst }}"),
        ("entry_requirements", "{{ program.entry_requirements|capfirst }}"),
        ("duration", "{{ program.total_hours|hours_phrase }} ({{ labels.hour_minutes|fill(minutes=program.minutes_per_hour) }})"),
        ("format", "{{ program.format|capfirst }}"),
        ("group_size", "{{ program.group_size }}"),
        ("language", "{{ labels.language_name|capfirst }}"),
        ("document_issued", "{{ program.document_issued }}"),
        ("recognition", "{{ labels.recognition_yes|fill(count=program.assessment_sheets|length) "
                        "if program.assessment_sheets else labels.recognition_no }}"),
    ))
    para(doc, "{{ labels.explanatory_note }}", "Heading 1")
    paragraphs(doc, "program.explanatory_note")
    # goal and tasks
    para(doc, "{{ labels.goal_tasks }}", "Heading 1")
    para(doc, "{{ program.goal|sentence }}", bold_prefix="{{ labels.goal }}: ")
    para(doc, "{{ labels.tasks }}:", "Label")
    tag(doc, "for task in program.tasks")
    para(doc, "{{ task|capfirst }}{{ ';' if not loop.last else '.' }}", "List Number")
    tag(doc, "endfor")
    # outcomes by module
    para(doc, "{{ labels.outcomes }}", "Heading 1")
    tag(doc, "for m in program.modules")
    para(doc, "{{ m|module_name }}. {{ m.title }}", "Label")
    outcome_lines(doc, "m.outcomes")
    tag(doc, "endfor")
    tag(doc, "if program.cross_cutting_outcomes")
    para(doc, "{{ labels.cross_cutting }}", "Label")
    outcome_lines(doc, "program.cross_cutting_outcomes")
    tag(doc, "endif")
    # academic-thematic plan
    para(doc, "{{ labels.plan }}", "Heading 1")
    widths = [12, 62, 15, 15, 15, 15, 31]
    plan = table(doc, widths)
    head1 = row(plan, ["{{ labels.number }}", "{{ labels.module_topic }}", "{{ labels.hours_count }}", "", "", "",
                       "{{ labels.assessment_form }}"], style="Table Head", header=True, keep=True)
    head2 = row(plan, ["", "", "{{ labels.total }}", "{{ labels.theory }}", "{{ labels.practice }}",
                       "{{ labels.assessment }}", ""], style="Table Head",
                styles=["Table Head"] * 2 + ["Table Head Small"] * 4 + ["Table Head"], header=True, keep=True)
    for cell in head2.cells[2:6]:
        vertical_text(cell)
    add_tr_pr(head2._tr.get_or_add_trPr(), f'<w:trHeight {nsdecls("w")} w:val="1050" w:hRule="atLeast"/>',
               "w:trHeight")
    head1.cells[2].merge(head1.cells[5])
    for col in (0, 1, 6):
        head1.cells[col].merge(head2.cells[col])
    _tidy_merged(plan)
    tag_row(plan, "for m in program.modules")
    number = ["Table Number"] * 7
    number[1] = "Table Text"
    number[6] = "Table Small"
    row(plan, ["{{ m.number }}", "{{ m|module_name }}. {{ m.title }}", "{{ m.hours.total }}",
               "{{ m.hours.theory|dash }}", "{{ m.hours.practice|dash }}", "{{ m.hours.assessment|dash }}",
               "{{ m.assessment|join(', ') }}"], bold=True, styles=number, keep=True)
    plan.rows[-1].cells[6].paragraphs[0].runs[0].bold = False
    for cell in plan.rows[-1].cells:  # a module row never ends a page: it stays with its first topic
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    tag_row(plan, "for r in m|plan_rows")
    row(plan, ["{{ r.number }}", "{{ r.title|quotes }}", "{{ r.hours|dash }}", "{{ r.theory|dash }}",
               "{{ r.practice|dash }}", "{{ r.assessment|dash }}", ""], styles=number, keep=True)
    tag_row(plan, "endfor")
    tag_row(plan, "endfor")
    totals = row(plan, ["{{ labels.total }}", "", "{{ totals.total }}", "{{ totals.theory }}",
                        "{{ totals.practice }}", "{{ totals.assessment }}", ""], bold=True, styles=number, keep=True)
    totals.cells[0].merge(totals.cells[1])
    _tidy_merged(plan)
    # module contents
    para(doc, "{{ labels.contents_section }}", "Heading 1")
    tag(doc, "for m in program.modules")
    para(doc, "{{ m|module_name }}. {{ m.title }}", "Heading 2")
    tag(doc, "if m.function_title")
    para(doc, "{{ m.function_number }}. «{{ m.function_title|quotes }}»", bold_prefix="{{ labels.function }}: ")
    tag(doc, "endif")
    para(doc, "{{ labels.module_hours|fill(m.hours) }}.")
    para(doc, "{{ m.outcomes|map(attribute='code')|join(', ') }}.", bold_prefix="{{ labels.module_outcomes }}: ")
    for kind, label in (("theory", "theory_topics"), ("practice", "practical_sessions")):
        tag(doc, f"if m|topics|kind_of('{kind}')")
        para(doc, "{{ labels." + label + " }}:", "Label")
        tag(doc, f"for t in m|topics|kind_of('{kind}')")
        para(doc, "{{ t.number }}. {{ t.title|quotes|capfirst }} ({{ labels.topic_hours|fill(hours=t.hours) }}).",
             "Outcome")
        tag(doc, "endfor")
        tag(doc, "endif")
    tag(doc, "if m.reference_note")
    para(doc, "{{ m.reference_note|sentence }}", "Small Note")
    tag(doc, "endif")
    tag(doc, "if m.assessment")
    para(doc, "{{ labels.assessment_label }}:", "Label")
    bullets(doc, "m.assessment")
    tag(doc, "endif")
    tag(doc, "endfor")
    organisation_section(doc)  # the methods as this program uses them (from the session plans)
    # assessment
    para(doc, "{{ labels.assessment_section }}", "Heading 1")
    para(doc, "{{ labels.criteria_intro }}")
    tag(doc, "for m in program.modules if m.criteria")
    para(doc, "{{ m|module_name }}. {{ m.title }}", "Label")
    tag(doc, "for c in m.criteria")
    numbered = para(doc, "{{ c.outcome_code|nbsp }}", "List Number")
    numbered.runs[0].bold = True
    numbered.add_run(": {{ c.text|quotes|lower_first }}{{ ';' if not loop.last else '.' }}")
    tag(doc, "endfor")
    tag(doc, "endfor")
    para(doc, "{{ labels.final_assessment }}", "Heading 2")
    para(doc, "{{ program.final_assessment|drop_prefix(labels.final_assessment)|sentence }}")
    para(doc, "{{ labels.recognition }}", "Heading 2")
    para(doc, "{{ labels.recognition_yes|fill(count=program.assessment_sheets|length) if program.assessment_sheets "
              "else labels.recognition_no }}{{ ':' if program.assessment_sheets else '.' }}")
    bullets(doc, "program.assessment_sheets", text="{{ item.title }}{{ ';' if not loop.last else '.' }}")
    conditions_section(doc)
    calendar_section(doc)
    evaluation_section(doc)
    # resources
    para(doc, "{{ labels.resources }}", "Heading 1")
    tag(doc, "if program.bibliography|normative_acts")
    para(doc, "{{ labels.normative_acts }}", "Heading 2")
    tag(doc, "for ref in program.bibliography|normative_acts")
    para(doc, "{{ ref.number }}. {{ ref.citation|quotes }}", "Reference")
    tag(doc, "endfor")
    tag(doc, "endif")
    tag(doc, "if program.bibliography|literature")
    para(doc, "{{ labels.literature }}", "Heading 2")
    tag(doc, "for ref in program.bibliography|literature")
    para(doc, "{{ ref.number }}. {{ ref.citation|quotes }}", "Reference")
    tag(doc, "endfor")
    tag(doc, "endif")
    # annex: coverage matrix
    page_break(doc)
    para(doc, "{{ labels.annex }}", "Annex Mark")
    para(doc, "{{ labels.coverage }}", "Heading 1")
    para(doc, "{{ labels.coverage_text|fill(program, coverage_percent=program.coverage_percent|percent) }}")
    matrix = table(doc, [30, 20, 75, 18, 22])
    row(matrix, ["{{ labels.item_column }}", "{{ labels.kind_column }}", "{{ labels.text_column }}",
                 "{{ labels.module_column }}", "{{ labels.outcome_column }}"], style="Table Head", header=True,
        keep=True)
    tag_row(matrix, "for c in program.coverage")
    row(matrix, ["{{ c.item_id|short_id(program.card_code) }}", "{{ labels.kinds[c.kind] }}", "{{ c.text|quotes }}",
                 "{{ c.module_id|replace('M', '') }}", "{{ c.outcome|nbsp }}"],
        styles=["Table Text", "Table Text", "Table Text", "Table Number", "Table Text"], keep=True)
    tag_row(matrix, "endfor")
    # annex 2: the participant feedback form
    page_break(doc)
    para(doc, "{{ labels.annex_feedback }}", "Annex Mark")
    feedback_form(doc)
    return doc


def _tidy_merged(tbl):
    """python-docx keeps the paragraphs of merged cells; drop the empty ones it leaves behind."""
    for tr in tbl.rows:
        for cell in tr.cells:
            paragraphs = cell.paragraphs
            if len(paragraphs) > 1:
                for paragraph in paragraphs:
                    if not paragraph.text and len(cell.paragraphs) > 1:
                        paragraph._p.getparent().remove(paragraph._p)


def build_outline():
    doc = base_document(11, title_page=False)  # a 2–4 page handout: 11 pt keeps a 72-hour card on 4 pages
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
        ("format", "{{ program.format|capfirst }}"),
        ("group_size", "{{ program.group_size }}"),
        ("audience", "{{ program.audience|capfirst }}"),
        ("trainer", "{{ labels.blank }}"),
    ))
    para(doc, "{{ labels.outcomes }}", "Heading 1")
    tag(doc, "for m in program.modules")
    para(doc, "{{ m|module_name }}. {{ m.title }} ({{ labels.topic_hours|fill(hours=m.hours.total) }})", "Label")
    outcome_lines(doc, "m.outcomes")
    tag(doc, "endfor")
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
    _tidy_merged(schedule)
    para(doc, "{{ labels.methods }}", "Heading 1")
    para(doc, "{{ program.methods_used|map(attribute='name')|join(', ')|capfirst }}.")
    para(doc, "{{ labels.assessment_section }}", "Heading 1")
    bullets(doc, "program.modules", text="{{ item|module_name }}: {{ item.assessment|join(', ') }}"
                                         "{{ ';' if not loop.last else '.' }}")
    para(doc, "{{ program.final_assessment|sentence }}")
    return doc


def build_assessment():
    doc = base_document(12, title_page=False)
    tag(doc, "for s in program.assessment_sheets")
    tag(doc, "if not loop.first")
    page_break(doc)
    tag(doc, "endif")
    para(doc, "{{ program.provider.name }}", "Title Line")
    para(doc, "{{ labels.sheet_kind|upper }}", "Title Big")
    info = table(doc, [55, 110])
    for label, value in (
        ("card", "{{ program.card_code }} «{{ program.card_name }}»"),
        ("function", "{{ s.function_title }}"),
        ("sheet_skill", "{{ s.title }}"),
        ("sheet_learner", ""),
        ("sheet_date", ""),
    ):
        row(info, ["{{ labels." + label + " }}", value], keep=True)
        info.rows[-1].cells[0].paragraphs[0].runs[0].bold = True
        if not value:  # room to write by hand
            add_tr_pr(info.rows[-1]._tr.get_or_add_trPr(),
                       f'<w:trHeight {nsdecls("w")} w:val="454" w:hRule="atLeast"/>', "w:trHeight")
    para(doc, "")
    widths = [11, 79, 24, 24, 27]
    sheet = table(doc, widths)
    row(sheet, ["{{ labels.number }}", "{{ labels.sheet_criterion }}", "{{ labels.sheet_met }}",
                "{{ labels.sheet_not_met }}", "{{ labels.sheet_signature }}"], style="Table Head",
        styles=["Table Head", "Table Head", "Table Head Small", "Table Head Small", "Table Head Small"],
        header=True, keep=True)
    for kind, label in (("ability", "sheet_abilities"), ("knowledge", "sheet_knowledge")):
        tag_row(sheet, f"if s.criteria|kind_of('{kind}')")
        group = row(sheet, ["{{ labels." + label + " }}", "", "", "", ""], bold=True, keep=True)
        group.cells[0].merge(group.cells[4])
        _tidy_merged(sheet)
        group.cells[0].paragraphs[0].paragraph_format.keep_with_next = True  # never alone at a page end
        tag_row(sheet, f"for c in s.criteria|kind_of('{kind}')")
        criterion = row(sheet, ["{{ c.number }}", "{{ c.text|quotes|capfirst }}", "", "", ""],
                        styles=["Table Number", "Table Text", "Table Text", "Table Text", "Table Text"], keep=True)
        if kind == "knowledge":  # the last group goes with the signatures when a sheet needs two pages
            for cell in criterion.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        tag_row(sheet, "endfor")
        tag_row(sheet, "endif")
    closing = [para(doc, "{{ labels.sheet_note }}", "Small Note"),
               para(doc, "{{ labels.sheet_result }}", "Sign Line"),
               para(doc, "{{ labels.sheet_assessor }}", "Sign Line"),
               para(doc, "{{ labels.sheet_learner_sign }}", "Sign Line")]
    for paragraph in closing[:-1]:  # the closing block stays together on one page
        paragraph.paragraph_format.keep_with_next = True
    tag(doc, "endfor")
    tag(doc, "if not program.assessment_sheets")
    para(doc, "{{ labels.sheet_kind|upper }}", "Title Big")
    para(doc, "{{ labels.no_sheets }}")
    tag(doc, "endif")
    return doc


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
