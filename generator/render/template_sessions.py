"""Builders of the built-in templates for the trainer: the session plans (``guide.docx``, сабақ жоспарлары /
планы занятий) and the participant feedback form (``feedback.docx``). Used by ``make_builtin_templates``.

A session plan follows the outline of a T-Kit / «Compass» activity and PEDAGOGY_EXAMPLES.md §2: the session's
heading and facts, objectives (outcome codes), materials, preparation, the timed table (time, minutes, stage of
the experiential cycle, activity, what happens, result / evidence) with its total, the steps of every activity
with their minutes, debriefing questions, tips, the evidence collected for assessment with the rows of the
recognition sheet, and the online variant. Each session starts on a new page.
"""
from __future__ import annotations

from docx.shared import Pt

from generator.render.template_docx import (
    base_document, bullets, facts_table, page_break, para, row, table, tag, tag_row,
)
from generator.render.template_sections import feedback_form

MINUTES = "{{ labels.activity_terms.labels.minutes_unit }}"


def _facts(doc) -> None:
    facts_table(doc, [45, 120], (
        ("session_module", "{% for m in program.modules if m.id == s.module_id %}{{ m|module_name }}. "
                           "{{ m.title }}{% endfor %}"),
        ("session_duration", "{{ s.minutes }} " + MINUTES + " ({{ s.hours|hours_phrase }})"),
        ("session_day", "{{ labels.day|fill(number=s.day) }}{{ ', ' ~ s.date if s.date }}"),
        ("group_size", "{{ program.group_size }}"),
    ))


def _objectives(doc) -> None:
    para(doc, "{{ labels.objectives }}", "Label")
    bullets(doc, "s.objectives", text="{{ item.text|quotes }} ({{ item.code|nbsp }}){{ ';' if not loop.last else '.' }}")
    tag(doc, "if s.observed")
    para(doc, "{% for o in s.observed %}{{ o.code|nbsp }} — {{ o.text|quotes }}{{ '; ' if not loop.last else '.' }}"
              "{% endfor %}", bold_prefix="{{ labels.observed }}: ")
    tag(doc, "endif")


def _timed_table(doc) -> None:
    """The timed plan (PEDAGOGY_EXAMPLES.md §2): what the result of each activity is, the evidence table says."""
    para(doc, "{{ labels.session_course }}", "Label")
    plan = table(doc, [7, 19, 10, 29, 40, 60])
    row(plan, ["{{ labels.number }}", "{{ labels.time_column }}", "{{ labels.minutes_column }}",
               "{{ labels.stage_column }}", "{{ labels.activity_column }}", "{{ labels.what_column }}"],
        style="Table Head Small", styles=["Table Head Small"] * 6, header=True, keep=True)
    tag_row(plan, "for st in s.steps")
    row(plan, ["{{ st.number }}", "{{ st.start }}–{{ st.end }}", "{{ st.minutes }}",
               "{{ labels.session_stages[st.stage] }}", "{{ st.name }}",
               "{% for x in st.steps %}{{ x.title }} – {{ x.minutes }}{{ '; ' if not loop.last }}{% endfor %}"],
        styles=["Table Small"] * 6, keep=True)
    tag_row(plan, "endfor")
    row(plan, ["", "", "{{ s.minutes }}", "", "", ""], bold=True, styles=["Table Small"] * 6, keep=True)


REFERENCED = ("{% for st in s.steps if st.described_in %}{{ st.name }}: {{ labels.see_session|fill(number="
              "st.described_in) }}{{ '; ' if not loop.last else '.' }}{% endfor %}")


def _steps(doc) -> None:
    """Every activity used here for the first time in full; the others name the plan that describes them."""
    para(doc, "{{ labels.steps_heading }}", "Label")
    tag(doc, "for st in s.steps if not st.described_in")
    head = para(doc, " ({{ st.activity_id }})", "Approval",
                bold_prefix="{{ st.number }}. {{ st.name }}, {{ st.minutes }} " + MINUTES)
    head.paragraph_format.keep_with_next = True
    tag(doc, "for x in st.steps")
    para(doc, "{{ x.text }}", "Step", bold_prefix="{{ x.title }} ({{ x.minutes }} " + MINUTES + "). ")
    tag(doc, "endfor")
    tag(doc, "endfor")
    tag(doc, "if s.steps|selectattr('described_in')|list")
    para(doc, REFERENCED, "Step")
    tag(doc, "endif")


def _evidence(doc) -> None:
    tag(doc, "if s.evidence")
    para(doc, "{{ labels.evidence_heading }}", "Label")
    proof = table(doc, [62, 30, 33, 40])
    row(proof, ["{{ labels.evidence_what_column }}", "{{ labels.evidence_kind_column }}", "{{ labels.outcome_column }}",
                "{{ labels.sheet_row_column }}"], style="Table Head Small", styles=["Table Head Small"] * 4,
        header=True, keep=True)
    tag_row(proof, "for e in s.evidence")
    row(proof, ["{{ e.what }}",
                "{% for k in e.kinds %}{{ labels.activity_terms.evidence[k] }}{{ ', ' if not loop.last }}{% endfor %}",
                "{{ e.outcomes|outcome_codes }}", "{{ e.sheet_rows|join('; ') or '–' }}"],
        styles=["Table Small"] * 4, keep=True)
    tag_row(proof, "endfor")
    tag(doc, "endif")


def _online(doc) -> None:
    para(doc, "{{ labels.activity_terms.labels.online }}", "Label")
    online = table(doc, [7, 9, 149])
    tag_row(online, "for st in s.steps if not st.described_in")
    row(online, ["{{ st.number }}", "{{ st.minutes }}", "{{ st.name }}: {{ st.online }}"],
        styles=["Table Small"] * 3, keep=True)
    tag_row(online, "endfor")
    tag(doc, "if s.steps|selectattr('described_in')|list")
    para(doc, REFERENCED, "Step")
    tag(doc, "endif")


def _add_step_style(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm

    style = doc.styles.add_style("Step", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.paragraph_format.left_indent = Cm(0.6)
    style.paragraph_format.first_line_indent = Cm(0)
    style.font.size = Pt(10)


def build_guide():
    """The trainer's session plans: a title block, then one session per page (or so)."""
    doc = base_document(11, title_page=False)
    _add_step_style(doc)
    para(doc, "{{ program.provider.name }}", "Title Line")
    para(doc, "{{ labels.guide_kind|upper }}", "Title Big").paragraph_format.space_before = Pt(12)
    para(doc, "«{{ program.title }}»", "Title Big")
    facts_table(doc, [55, 110], (
        ("basis", "{{ labels.basis_text|fill(program)|capfirst }}"),
        ("duration", "{{ program.total_hours|hours_phrase }}"),
        ("sessions_count", "{{ program.sessions|length }}"),
        ("session_length", "{{ program.session_minutes }} " + MINUTES),
        ("group_size", "{{ program.group_size }}"),
        ("format", "{{ program.format|capfirst }}"),
        ("trainer", "{{ labels.blank }}"),
    ))
    para(doc, "{{ labels.guide_intro|fill(minutes=program.minutes_per_hour) }}").paragraph_format.space_before = Pt(6)
    tag(doc, "for s in program.sessions")
    page_break(doc)
    para(doc, "{{ labels.session_heading|fill(number=s.number) }}. {{ s.title|quotes }}", "Heading 2")
    _facts(doc)
    _objectives(doc)
    para(doc, "{{ s.materials|join('; ') }}.", bold_prefix="{{ labels.activity_terms.labels.materials }}: ")
    para(doc, "{{ labels.activity_terms.labels.preparation }}", "Label")
    tag(doc, "for text in s.preparation")
    para(doc, "{{ text }}", "Step")
    tag(doc, "endfor")
    _timed_table(doc)
    _steps(doc)
    para(doc, "{{ labels.activity_terms.labels.debrief }}", "Label")
    tag(doc, "for q in s.debrief")
    para(doc, "{{ loop.index }}. {{ q }}", "Step")
    tag(doc, "endfor")
    tag(doc, "if s.tips")
    para(doc, "{{ labels.activity_terms.labels.tips }}", "Label")
    bullets(doc, "s.tips", text="{{ item }}")
    tag(doc, "endif")
    _evidence(doc)
    _online(doc)
    tag(doc, "endfor")
    return doc


def build_feedback():
    """The participant feedback form: one printable page."""
    doc = base_document(11, title_page=False)
    para(doc, "{{ program.provider.name }}", "Title Line")
    feedback_form(doc, heading_style="Title Big")
    return doc


__all__ = ["build_feedback", "build_guide"]
