"""Template blocks of the program's delivery sections (PEDAGOGY.md §2) for ``make_builtin_templates``: the
council line of the title page, developers and reviewers, the explanatory note, the organisation of learning
with the methods as used, the conditions, the calendar schedule, the program evaluation and the feedback form
(an annex of the program and a document kind of its own). Every text comes from the program model or the
labels, so a centre restyles these sections in Word like the rest.
"""
from __future__ import annotations

from docx.oxml.ns import nsdecls
from docx.shared import Pt

from generator.render.template_docx import add_tr_pr, bullets, cell_text, para, row, table, tag, tag_row


def council_block(cell) -> None:
    """«Әдістемелік кеңесте қаралды, хаттама № __» in the title page's left column (beside «БЕКІТЕМІН»)."""
    first = cell_text(cell, "{{ labels.council_reviewed }}", "Approval", bold=True)
    first.paragraph_format.space_before = Pt(24)
    para(cell, "{{ labels.council_protocol|fill(program) }}", "Approval")


def people_block(doc) -> None:
    """Developers and reviewers, or lines to fill in by hand when the spec names none."""
    for group, blanks in (("developers", 2), ("reviewers", 2)):
        para(doc, "{{ labels." + group + " }}:", "Label")
        tag(doc, f"for person in program.provider.{group}")
        para(doc, "{{ person.name }}{{ ', ' ~ person.position if person.position }}", "Sign Line")
        tag(doc, "endfor")
        tag(doc, f"if not program.provider.{group}")
        for _ in range(blanks):
            para(doc, "{{ labels.person_blank }}", "Sign Line")
        tag(doc, "endif")


def paragraphs(doc, items: str, style: str = "Normal") -> None:
    tag(doc, f"for text in {items}")
    para(doc, "{{ text }}", style)
    tag(doc, "endfor")


def organisation_section(doc) -> None:
    """«Оқытуды ұйымдастыру»: the paragraphs, then every method with how this program uses it."""
    para(doc, "{{ labels.organisation }}", "Heading 1")
    paragraphs(doc, "program.organisation")
    para(doc, "{{ labels.methods_used }}", "Heading 2")
    methods = table(doc, [45, 82, 38])
    row(methods, ["{{ labels.methods_column }}", "{{ labels.method_course }}", "{{ labels.sessions_column }}"],
        style="Table Head", header=True, keep=True)
    tag_row(methods, "for mu in program.methods_used")
    new = row(methods, ["{{ mu.name }}", "{{ mu.how }}", "{{ mu.sessions }}"],
              styles=["Table Text", "Table Small", "Table Small"], keep=True)
    para(new.cells[0], "{{ labels.activity_terms.phases[mu.phase]|lower }}", "Table Small")
    para(new.cells[1], "{{ labels.method_result ~ ': ' ~ mu.result if mu.result }}", "Table Small")
    tag_row(methods, "endfor")


def conditions_section(doc) -> None:
    para(doc, "{{ labels.conditions }}", "Heading 1")
    para(doc, "{{ labels.room }}", "Heading 2")
    bullets(doc, "program.conditions.room", text="{{ item|capfirst }}{{ ';' if not loop.last else '.' }}")
    para(doc, "{{ labels.equipment }}", "Heading 2")
    bullets(doc, "program.conditions.equipment", text="{{ item|capfirst }}{{ ';' if not loop.last else '.' }}")
    para(doc, "{{ program.conditions.materials_note }}")
    para(doc, "{{ labels.trainer_requirements }}", "Heading 2")
    bullets(doc, "program.conditions.trainer", text="{{ item|capfirst }}{{ ';' if not loop.last else '.' }}")
    para(doc, "{{ labels.accessibility }}", "Heading 2")
    para(doc, "{{ program.conditions.accessibility }}")


def calendar_section(doc) -> None:
    para(doc, "{{ labels.calendar }}", "Heading 1")
    paragraphs(doc, "program.calendar_note")
    days = table(doc, [20, 24, 22, 84, 15])
    row(days, ["{{ labels.day_column }}", "{{ labels.date_column }}", "{{ labels.sessions_column }}",
               "{{ labels.topics_column }}", "{{ labels.hours_column }}"], style="Table Head", header=True, keep=True)
    tag_row(days, "for d in program.calendar")
    row(days, ["{{ labels.day|fill(number=d.number) }}", "{{ d.date or '–' }}", "{{ d.sessions|join(', ') }}",
               "{{ d.topics }}", "{{ d.hours }}"],
        styles=["Table Text", "Table Number", "Table Number", "Table Small", "Table Number"], keep=True)
    tag_row(days, "endfor")


def evaluation_section(doc) -> None:
    para(doc, "{{ labels.program_evaluation }}", "Heading 1")
    paragraphs(doc, "program.evaluation")


def feedback_form(doc, heading_style: str = "Heading 1") -> None:
    """The participant feedback form: fields, rating statements on the scale, open questions."""
    form = "program.feedback_form"
    para(doc, "{{ " + form + ".title|upper }}", heading_style)
    para(doc, "«{{ program.title }}»", "Title Line")
    para(doc, "{{ " + form + ".intro }}").paragraph_format.space_before = None
    tag(doc, f"for field in {form}.fields")
    para(doc, "{{ field }}: ________________________________________", "Sign Line")
    tag(doc, "endfor")
    para(doc, "{{ " + form + ".rating_heading }}", "Label")
    para(doc, "{{ " + form + ".scale_legend }}", "Small Note")
    ratings = table(doc, [9, 106, 50])
    row(ratings, ["{{ labels.number }}", "{{ labels.feedback_statement }}",
                  "{% for n in " + form + ".scale %}{{ n }}{{ '   ' if not loop.last }}{% endfor %}"],
        style="Table Head", header=True, keep=True)
    tag_row(ratings, f"for q in {form}.rating_questions")
    new = row(ratings, ["{{ loop.index }}", "{{ q }}",
                        "{% for n in " + form + ".scale %}□{{ '   ' if not loop.last }}{% endfor %}"],
              styles=["Table Number", "Table Text", "Table Number"], keep=True)
    add_tr_pr(new._tr.get_or_add_trPr(), f'<w:trHeight {nsdecls("w")} w:val="380" w:hRule="atLeast"/>',
              "w:trHeight")
    tag_row(ratings, "endfor")
    para(doc, "{{ " + form + ".open_heading }}", "Label")
    tag(doc, f"for q in {form}.open_questions")
    para(doc, "{{ loop.index }}. {{ q }}", "Approval").paragraph_format.keep_with_next = True
    para(doc, "{{ labels.answer_line }}", "Approval").paragraph_format.keep_with_next = True
    para(doc, "{{ labels.answer_line }}", "Approval")
    tag(doc, "endfor")
    para(doc, "{{ " + form + ".closing }}", "Small Note")


__all__ = ["calendar_section", "conditions_section", "council_block", "evaluation_section", "feedback_form",
           "organisation_section", "paragraphs", "people_block"]
