"""Markdown rendering of a program (``generator.design.program.Program``) for review in git diffs.

Same content and order as the DOCX program: title and approval block, developers and reviewers,
passport and explanatory note, goal and tasks, learning outcomes by module, the academic-thematic plan as a
table with hours, module contents (topics with their content and practical task, references, assessment
tasks), organisation of learning with the methods as used, assessment (criteria with evidence and
questions, personal competences, final assessment, recognition sheets), conditions, calendar schedule,
program evaluation, normative acts and literature, the coverage matrix and the feedback form. Headings and labels are the DOCX labels of the language pack (changed by a
workspace's ``templates/labels.yaml`` for both), and numbers take the pack's plural rule. The output is
deterministic and keeps one item per line, so a change of one outcome or one hour shows as one changed line.
"""
from __future__ import annotations

from generator.design.program import Module, Program, sum_hours
from generator.render.environment import counted, fill, percent


def _cell(text) -> str:
    """A table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _row(cells) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _hours(value: int) -> str:
    return str(value) if value else ""


class _Renderer:
    def __init__(self, program: Program, workspace):
        self.p = program
        self.w = workspace.labels(program.language)
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("")
        self.add("#" * level + " " + text, "")

    def module_title(self, module: Module) -> str:
        return f"{fill(self.w['module'], number=module.number)}. {module.title}"

    def render(self) -> str:
        for part in (self.title, self.people, self.passport, self.note, self.goal, self.outcomes, self.plan,
                     self.contents, self.organisation, self.assessment, self.conditions, self.calendar,
                     self.evaluation, self.support, self.coverage, self.feedback):
            part()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def title(self) -> None:
        p, w = self.p, self.w
        self.add(f"# {p.title}", "")
        self.add(f"**{w['approve']}**  ", f"{p.provider.approver_title}, {p.provider.name}  ",
                 f"{p.provider.approver_name}", "")
        self.add(f"{w['council_reviewed']}: {fill(w['council_protocol'], p)}", "")
        self.add(f"{w['basis']}: {self.basis()}  ", fill(w["city_year"], p))

    def people(self) -> None:
        p, w = self.p, self.w
        for key, people in (("developers", p.provider.developers), ("reviewers", p.provider.reviewers)):
            names = [f"{person.name}, {person.position}" if person.position else person.name for person in people]
            self.add("", f"**{w[key]}:** " + ("; ".join(names) if names else w["person_blank"]))

    def note(self) -> None:
        self.heading(2, self.w["explanatory_note"])
        for paragraph in self.p.explanatory_note:
            self.add(paragraph, "")

    def basis(self) -> str:
        p, w = self.p, self.w
        level = f"; {w['level']}: {p.level}" if p.level else ""
        return fill(w["basis_text"], p) + level

    def passport(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["passport"])
        sheets = len(p.assessment_sheets)
        recognition = fill(w["recognition_yes"], count=sheets) if sheets else w["recognition_no"]
        rows = [
            (w["basis"], self.basis()),
            (w["audience"], p.audience),
            (w["entry_requirements"], p.entry_requirements),
            (w["duration"], f"{counted(p.total_hours, w['hours_word'], p.language)} "
                            f"({fill(w['hour_minutes'], minutes=p.minutes_per_hour)})"),
            (w["format"], p.format_name),
            (w["group_size"], p.group_size),
            (w["language"], w["language_name"]),
            (w["document_issued"], p.document_issued),
            (w["recognition"], recognition),
        ]
        self.add("| | |", "|---|---|", *(_row(r) for r in rows))

    def goal(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["goal_tasks"])
        self.add(f"**{w['goal']}:** {p.goal}", "", f"**{w['tasks']}:**", "")
        self.add(*(f"{i}. {task}" for i, task in enumerate(p.tasks, start=1)))

    def outcomes(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["outcomes"])
        for module in p.modules:
            self.heading(3, self.module_title(module))
            self.add(*(f"- **{o.code}** {o.text}" for o in module.outcomes))
        if p.cross_cutting_outcomes:
            self.heading(3, w["cross_cutting"])
            self.add(*(f"- **{o.code}** {o.text}" for o in p.cross_cutting_outcomes))

    def plan(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["plan"])
        columns = [w[key] for key in ("number", "module_topic", "total", "theory", "practice", "assessment",
                                      "assessment_form")]
        self.add(_row(columns), "|---|---|--:|--:|--:|--:|---|")
        for module in p.modules:
            h = module.hours
            self.add(_row([f"**{module.number}**", f"**{self.module_title(module)}**", f"**{h.total}**",
                           f"**{h.theory}**", f"**{h.practice}**", f"**{h.assessment}**",
                           ", ".join(module.assessment)]))
            for topic in module.topics:
                t = topic.hours
                self.add(_row([topic.number, topic.title, _hours(t.total), _hours(t.theory), _hours(t.practice),
                               "", ""]))
            if h.assessment:
                self.add(_row(["", w["interim_assessment"], h.assessment, "", "", h.assessment, ""]))
        if p.final_assessment_hours:
            self.add(_row(["", f"**{w['final_row']}**", f"**{p.final_assessment_hours}**", "", "",
                           f"**{p.final_assessment_hours}**", ""]))
        totals = p.totals or sum_hours(p.modules, p.final_assessment_hours)
        self.add(_row(["", f"**{w['total']}**", f"**{totals.total}**", f"**{totals.theory}**",
                       f"**{totals.practice}**", f"**{totals.assessment}**", ""]))

    def contents(self) -> None:
        w = self.w
        self.heading(2, w["contents_section"])
        for module in self.p.modules:
            self.heading(3, self.module_title(module))
            parts = []
            if module.function_number is not None and module.function_title:
                parts.append(f"{w['function']}: {module.function_number}. «{module.function_title}»")
            parts.append(fill(w["module_hours"], module.hours))
            self.add("*" + "; ".join(parts) + "*", "")
            self.add(f"**{w['module_outcomes']}:**", "", *(f"- **{o.code}** {o.text}" for o in module.outcomes))
            for topic in module.topics:
                hours = fill(w["topic_split"], topic.hours) if topic.kind == "integrated" else \
                    fill(w["topic_hours"], hours=topic.hours.total)
                self.add("", f"**{topic.number}. {topic.title}** ({hours})")
                if topic.content and topic.kind == "integrated":
                    self.add(f"- {w['topic_content']}: {'; '.join(topic.content)}")
                if topic.task:
                    self.add(f"- {w['topic_task']}: {topic.task}")
            if module.references:
                self.add("", f"*{module.reference_note}*", "",
                         *(f"- {r.title} ({r.note})" for r in module.references))
            if module.assessment_tasks:
                self.add("", f"**{w['assessment_tasks_label']}:**", "",
                         *(f"- {task.title} — {task.form}" for task in module.assessment_tasks))

    def organisation(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["organisation"])
        for paragraph in p.organisation:
            self.add(paragraph, "")
        self.heading(3, w["methods_used"])
        phases = w["activity_terms"]["phases"]
        self.add(_row([w["methods_column"], w["method_course"], w["sessions_column"]]), "|---|---|---|")
        self.add(*(_row([f"{m.name} ({phases[m.phase].lower()})", m.how + (f". {w['method_result']}: {m.result}"
                                                                          if m.result else ""), m.sessions])
                   for m in p.methods_used))

    def conditions(self) -> None:
        c, w = self.p.conditions, self.w
        self.heading(2, w["conditions"])
        for key, items in (("room", c.room), ("equipment", c.equipment), ("trainer_requirements", c.trainer)):
            self.heading(3, w[key])
            self.add(*(f"- {item}" for item in items))
            if key == "equipment":
                self.add("", c.materials_note)
        self.heading(3, w["accessibility"])
        self.add(c.accessibility)

    def calendar(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["calendar"])
        for paragraph in p.calendar_note:
            self.add(paragraph, "")
        self.add(_row([w[k] for k in ("day_column", "date_column", "sessions_column", "topics_column",
                                      "hours_column")]), "|---|---|---|---|--:|")
        self.add(*(_row([fill(w["day"], number=d.number), d.date or "–", ", ".join(map(str, d.sessions)), d.topics,
                         d.hours]) for d in p.calendar))

    def evaluation(self) -> None:
        self.heading(2, self.w["program_evaluation"])
        for paragraph in self.p.evaluation:
            self.add(paragraph, "")

    def feedback(self) -> None:
        form, w = self.p.feedback_form, self.w
        if form is None:
            return
        self.heading(2, f"{w['annex_feedback']}. {form.title}")
        self.add(form.intro, "", *(f"- {field}: ______" for field in form.fields), "", f"**{form.rating_heading}** "
                 f"({form.scale_legend})", "")
        self.add(*(f"{i}. {q} — {' '.join(str(n) for n in form.scale)}"
                   for i, q in enumerate(form.rating_questions, start=1)))
        self.add("", f"**{form.open_heading}**", "", *(f"{i}. {q}" for i, q in enumerate(form.open_questions, 1)))
        self.add("", f"*{form.closing}*")

    def assessment(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["assessment_section"])
        self.add(w["criteria_intro"])
        self.heading(3, w["criteria_column"])
        self.add(_row([w["outcome_column"], w["criteria_column"], w["evidence_column"]]), "|---|---|---|")
        for module in p.modules:
            for c in module.criteria:
                questions = "".join(f" {i}) {q}" for i, q in enumerate(c.questions, start=1))
                text = f"{c.text}<br>*{w['questions_label']}:*{questions}" if questions else c.text
                self.add(_row([c.outcome_code, text, c.evidence]))
        if p.cross_cutting_outcomes:
            self.heading(3, w["personal_section"])
            self.add(fill(w["personal_intro"], signs_needed=p.personal_signs_needed), "")
            self.add(_row([w["number"], w["personal_column"], w["behaviour_column"], w["signs_column"]]),
                     "|---|---|---|---|")
            self.add(*(_row([o.code, o.competency, o.text, "; ".join(o.signs)]) for o in p.cross_cutting_outcomes))
        self.heading(3, w["final_assessment"])
        self.add(f"{p.final_assessment} ({counted(p.final_assessment_hours, w['hours_word'], p.language)}).")
        for sheet in p.assessment_sheets:
            self.sheet(sheet)

    def sheet(self, sheet) -> None:
        w = self.w
        self.heading(3, f"{w['sheet_kind']}: {sheet.skill_number}. {sheet.title}")
        self.add(f"*{w['sheet_methods']}:* {'; '.join(sheet.methods)}", "")
        self.add(_row([w["number"], w["sheet_item"], w["sheet_criterion"], w["evidence_column"]]), "|---|---|---|---|")
        self.add(*(_row([r.number, r.group, r.text, r.evidence]) for r in sheet.rows))
        self.add("", f"**{w['sheet_threshold_label']}** "
                     + fill(w["sheet_threshold"] if sheet.no_zero else w["sheet_threshold_plain"], sheet))
        questions = [f"- {r.number}: {' '.join(r.questions)}" for r in sheet.rows if r.questions]
        if questions:
            self.add("", f"*{w['sheet_questions']}:*", "", *questions)

    def support(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["resources"])
        acts = [r for r in p.bibliography if r.kind != "other"]
        other = [r for r in p.bibliography if r.kind == "other"]
        for key, references in (("normative_acts", acts), ("literature", other)):
            if references:
                self.heading(3, w[key])
                self.add(*(f"{r.number}. {r.citation}" for r in references))

    def coverage(self) -> None:
        p, w = self.p, self.w
        self.heading(2, w["coverage"])
        columns = [w[key] for key in ("item_column", "kind_column", "topic_column", "outcome_column", "text_column")]
        self.add(_row(columns), "|---|---|---|---|---|")
        kinds = w["kinds"]
        self.add(*(_row([r.item_id, kinds.get(r.kind, r.kind), r.topic, r.outcome, r.text]) for r in p.coverage))
        self.add("", fill(w["coverage_text"], p, coverage_percent=percent(p.coverage_percent)))
        if p.warnings:
            self.heading(3, w["warnings"])
            self.add(*(f"- {warning}" for warning in p.warnings))


def program_markdown(program: Program, workspace=None) -> str:
    """The program as Markdown (UTF-8 text, LF line endings, ends with one newline)."""
    from generator.workspace import Workspace

    return _Renderer(program, Workspace.of(workspace)).render()
