"""The built-in program template (оқу бағдарламасы / программа обучения), built with python-docx.

Sections in order (PEDAGOGY §2): title page (with the methodological council's line), developers and
reviewers, contents, passport, explanatory note (with the program's structure and how its hours were
chosen), goal and tasks, learning outcomes (and personal competences), the academic-thematic plan (topics
with theory and practice hours, each module's assessment, the final assessment), module contents (what each
topic covers and its practical task, items taught elsewhere, assessment tasks; the methods are described
once, as used, in the organisation of learning), the organisation of
learning with the methods as used, assessment (criteria with evidence and the assessor's questions, personal
competences as behaviour with their signs, final assessment, recognition), conditions, calendar schedule,
program evaluation, literature, the coverage matrix (annex 1) and the feedback form (annex 2). Layout
decisions are in ``make_builtin_templates``; the delivery sections' blocks in ``template_sections``.
"""
from __future__ import annotations

from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from generator.render.template_docx import (
    add_tr_pr, base_document, bullets, cell_text, conditional, facts_table, labelled_list, no_borders, outcome_lines,
    outcomes_by_module, page_break, para, row, table, tag, tag_row, tidy_merged, toc, vertical_text,
)
from generator.render.template_sections import (
    calendar_section, conditions_section, council_block, evaluation_section, feedback_form, organisation_section,
    paragraphs, people_block,
)


def build_program():
    doc = base_document(14, title_page=True)
    _title_page(doc)
    people_block(doc)
    para(doc, "{{ labels.contents }}", "Contents Heading").paragraph_format.space_before = Pt(18)
    toc(doc)
    page_break(doc)
    _passport(doc)
    para(doc, "{{ labels.goal_tasks }}", "Heading 1")
    para(doc, "{{ program.goal|sentence }}", bold_prefix="{{ labels.goal }}: ")
    labelled_list(doc, "{{ labels.tasks }}:", "task in program.tasks",
                  "{{ task|capfirst }}{{ ';' if not loop.last else '.' }}", "List Number")
    para(doc, "{{ labels.outcomes }}", "Heading 1")
    outcomes_by_module(doc, "{{ m|module_name }}. {{ m.title }}")
    outcome_lines(doc, "program.cross_cutting_outcomes")
    tag(doc, "endif")
    _plan(doc)
    _contents(doc)
    organisation_section(doc)  # the methods as this program uses them (from the session plans)
    _assessment(doc)
    conditions_section(doc)
    calendar_section(doc)
    evaluation_section(doc)
    _resources(doc)
    page_break(doc)
    para(doc, "{{ labels.annex_feedback }}", "Annex Mark")
    feedback_form(doc)
    return doc


def _title_page(doc) -> None:
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


def _passport(doc) -> None:
    para(doc, "{{ labels.passport }}", "Heading 1")
    facts_table(doc, [58, 107], [
        ("program_name", "«{{ program.title }}»"),
        ("basis", "{{ labels.basis_text|fill(program)|capfirst }}"),
        ("card", "{{ program.card_code }} «{{ program.card_name }}»"),
        ("level", "{{ program.level or '–' }}"),
        ("audience", "{{ program.audience|capfirst }}"),
        ("entry_requirements", "{{ program.entry_requirements|sentence }}"),
        ("duration", "{{ program.total_hours|hours_phrase }} ({{ labels.hour_minutes|fill(minutes=program.minutes_per_hour) }})"),
        ("format", "{{ program.format_name|capfirst }}"),
        ("group_size", "{{ program.group_size }}"),
        ("language", "{{ labels.language_name|capfirst }}"),
        ("document_issued", "{{ program.document_issued }}"),
        ("recognition", "{{ labels.recognition_yes|fill(count=program.assessment_sheets|length) "
                        "if program.assessment_sheets else labels.recognition_no }}"),
    ])
    para(doc, "{{ labels.explanatory_note }}", "Heading 1")
    paragraphs(doc, "program.explanatory_note")  # with the program's structure and how its hours were chosen


def _plan(doc) -> None:
    para(doc, "{{ labels.plan }}", "Heading 1")
    plan = table(doc, [12, 62, 15, 15, 15, 15, 31])
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
    tidy_merged(plan)
    number = ["Table Number"] * 7
    number[1] = "Table Text"
    number[6] = "Table Small"
    tag_row(plan, "for m in program.modules")
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
    tag_row(plan, "if program.final_assessment_hours")
    row(plan, ["", "{{ labels.final_row }}", "{{ program.final_assessment_hours }}", "–", "–",
               "{{ program.final_assessment_hours }}", ""], bold=True, styles=number, keep=True)
    tag_row(plan, "endif")
    totals = row(plan, ["{{ labels.total }}", "", "{{ totals.total }}", "{{ totals.theory }}",
                        "{{ totals.practice }}", "{{ totals.assessment }}", ""], bold=True, styles=number, keep=True)
    totals.cells[0].merge(totals.cells[1])
    tidy_merged(plan)


def _contents(doc) -> None:
    para(doc, "{{ labels.contents_section }}", "Heading 1")
    tag(doc, "for m in program.modules")
    para(doc, "{{ m|module_name }}. {{ m.title }}", "Heading 2")
    conditional(doc, "m.function_title", "{{ m.function_number }}. «{{ m.function_title|quotes }}»",
                bold_prefix="{{ labels.function }}: ")
    para(doc, "{{ labels.module_hours|fill(m.hours) }}.")
    para(doc, "{{ m.outcomes|map(attribute='code')|join(', ') }}.", bold_prefix="{{ labels.module_outcomes }}: ")
    tag(doc, "for t in m.topics")
    topic = para(doc, "{{ t.number }}. {{ t.title|quotes|capfirst }} ", "Label")
    topic.add_run("({{ labels.topic_split|fill(t.hours) if t.kind == 'integrated' "
                  "else labels.topic_hours|fill(hours=t.hours.total) }})").bold = False
    conditional(doc, "t.content and t.kind == 'integrated'", "{{ t.content|join('; ')|quotes }}.",
                bold_prefix="{{ labels.topic_content }}: ")
    conditional(doc, "t.task", "{{ t.task|quotes }}.", bold_prefix="{{ labels.topic_task }}: ")
    tag(doc, "endfor")
    tag(doc, "if m.references")
    para(doc, "{{ m.reference_note }}", "Label")
    bullets(doc, "m.references", text="{{ item.title|quotes }} ({{ item.note }}){{ ';' if not loop.last else '.' }}")
    tag(doc, "endif")
    tag(doc, "if m.assessment_tasks")
    para(doc, "{{ labels.assessment_tasks_label }}:", "Label")
    bullets(doc, "m.assessment_tasks", text="{{ item.title|quotes }} — {{ item.form }}"
                                            "{{ ';' if not loop.last else '.' }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def _assessment(doc) -> None:
    para(doc, "{{ labels.assessment_section }}", "Heading 1")
    para(doc, "{{ labels.criteria_intro }}")
    tag(doc, "for m in program.modules if m.criteria")
    para(doc, "{{ m|module_name }}. {{ m.title }}", "Label")
    criteria = table(doc, [22, 113, 30])
    row(criteria, ["{{ labels.outcome_column }}", "{{ labels.criteria_column }}", "{{ labels.evidence_column }}"],
        style="Table Head", header=True, keep=True)
    tag_row(criteria, "for c in m.criteria")
    cells = row(criteria, ["{{ c.outcome_code|nbsp }}", "{{ c.text|quotes }}", "{{ c.evidence }}"],
                styles=["Table Text", "Table Text", "Table Small"]).cells
    tag(cells[1], "if c.questions")
    para(cells[1], "{{ labels.questions_label }}:", "Table Small").runs[0].italic = True
    tag(cells[1], "for q in c.questions")
    para(cells[1], "{{ loop.index }}) {{ q|quotes }}", "Table Small")
    tag(cells[1], "endfor")
    tag(cells[1], "endif")
    tag_row(criteria, "endfor")
    tag(doc, "endfor")
    tag(doc, "if program.cross_cutting_outcomes")
    para(doc, "{{ labels.personal_section }}", "Heading 2")
    para(doc, "{{ labels.personal_intro|fill(signs_needed=program.personal_signs_needed) }}")
    personal = table(doc, [17, 38, 48, 62])
    row(personal, ["{{ labels.number }}", "{{ labels.personal_column }}", "{{ labels.behaviour_column }}",
                   "{{ labels.signs_column }}"], style="Table Head", header=True, keep=True)
    tag_row(personal, "for o in program.cross_cutting_outcomes")
    row(personal, ["{{ o.code|nbsp }}", "{{ o.competency }}", "{{ o.text }}", "{{ o.signs|join('; ') }}"], keep=True)
    tag_row(personal, "endfor")
    tag(doc, "endif")
    para(doc, "{{ labels.final_assessment }}", "Heading 2")
    para(doc, "{{ program.final_assessment }} ({{ program.final_assessment_hours|hours_phrase }}).")
    para(doc, "{{ labels.recognition }}", "Heading 2")
    para(doc, "{{ labels.recognition_yes|fill(count=program.assessment_sheets|length) if program.assessment_sheets "
              "else labels.recognition_no }}{{ ':' if program.assessment_sheets else '.' }}")
    bullets(doc, "program.assessment_sheets", text="{{ item.title }}{{ ';' if not loop.last else '.' }}")


def _resources(doc) -> None:
    para(doc, "{{ labels.resources }}", "Heading 1")
    for key, test in (("normative_acts", "normative_acts"), ("literature", "literature")):
        tag(doc, f"if program.bibliography|{test}")
        para(doc, "{{ labels." + key + " }}", "Heading 2")
        tag(doc, f"for ref in program.bibliography|{test}")
        para(doc, "{{ ref.number }}. {{ ref.citation|quotes }}", "Reference")
        tag(doc, "endfor")
        tag(doc, "endif")
    page_break(doc)
    para(doc, "{{ labels.annex }}", "Annex Mark")
    para(doc, "{{ labels.coverage }}", "Heading 1")
    para(doc, "{{ labels.coverage_text|fill(program, coverage_percent=program.coverage_percent|percent) }}")
    matrix = table(doc, [28, 19, 74, 22, 22])
    row(matrix, ["{{ labels.item_column }}", "{{ labels.kind_column }}", "{{ labels.text_column }}",
                 "{{ labels.topic_column }}", "{{ labels.outcome_column }}"], style="Table Head", header=True,
        keep=True)
    tag_row(matrix, "for c in program.coverage")
    row(matrix, ["{{ c.item_id|short_id(program.card_code) }}", "{{ labels.kinds[c.kind] }}", "{{ c.text|quotes }}",
                 "{{ c.topic }}", "{{ c.outcome|nbsp }}"],
        styles=["Table Text", "Table Text", "Table Text", "Table Number", "Table Text"], keep=True)
    tag_row(matrix, "endfor")
