"""What a designed program needs to be delivered: session plans, the calendar, and the program sections that
come from them and from data (explanatory note, organisation and methods as used, conditions, evaluation,
feedback form, methodological literature, developers and reviewers).

The engine calls :func:`complete_program` once, on the designed program; everything here reads the program
through :func:`teaching_units` (its modules, topics, hours and outcomes) and the workspace's data, so the
design of topics and hours may change without touching the planner.
"""
from __future__ import annotations

from datetime import date as _date

import re
from typing import Optional

from generator.design.content_kinds import outcome_kinds
from generator.design.program import Module, Person, Program
from generator.design.sessions import Planner, SessionSettings, TeachingUnit
from generator.exceptions import SpecError

FINAL = ""  # the module id of the final assessment's sessions (it belongs to no module)
# keys of design.yaml sessions.task_activities besides the verb classes of criteria.yaml
KNOWLEDGE_TASK, LEGAL_TASK, FINAL_TASK = "knowledge", "legal", "final"


def teaching_units(program: Program, titles: dict) -> list[TeachingUnit]:
    """The plan table's rows, in order: each module's topics (a topic's theory hours, then its practice
    hours), the module's assessment hours (its assessment tasks' outcomes), and the final assessment.

    A topic's theory part serves its knowledge outcomes and its practice part its ability outcomes (the
    practical task); a part without outcomes of its own kind serves all the topic's outcomes. Personal
    outcomes are observed in the practice of the skill modules (PEDAGOGY §6), not in the legal module.
    """
    units: list[TeachingUnit] = []
    for module in program.modules:
        by_code = {o.code: o for o in module.outcomes}
        classes = _task_classes(module)
        for topic in module.topics:
            outcomes = [by_code[code] for code in topic.outcome_codes if code in by_code]
            for kind, hours, wanted in (("theory", topic.hours.theory, "knowledge"),
                                        ("practice", topic.hours.practice, "ability")):
                if hours:
                    served = [o for o in outcomes if o.kind == wanted] or outcomes
                    task = _classes(topic.outcome_codes, classes) if kind == "practice" and topic.task else ()
                    units.append(TeachingUnit(module.id, module.title, topic.number, topic.title, kind, hours,
                                              served, task_classes=task,
                                              observes_personal=module.kind == "skill" and kind == "practice"))
        if module.hours.assessment:
            codes = list(dict.fromkeys(c for task in module.assessment_tasks for c in task.outcome_codes))
            task = tuple(dict.fromkeys(cls for task in module.assessment_tasks
                                       for cls in _classes(task.outcome_codes, classes)))
            units.append(TeachingUnit(module.id, module.title, "", module.title, "assessment",
                                      module.hours.assessment,
                                      [by_code[c] for c in codes if c in by_code] or list(module.outcomes),
                                      task_classes=task))
    if program.final_assessment_hours:
        outcomes = [o for mo in program.modules if mo.kind == "skill" for o in mo.outcomes if o.kind == "ability"]
        units.append(TeachingUnit(FINAL, "", "", titles["final"], "assessment",
                                  program.final_assessment_hours,
                                  outcomes or [o for mo in program.modules for o in mo.outcomes],
                                  task_classes=(FINAL_TASK,)))
    return units


def _task_classes(module: Module) -> dict[str, str]:
    """Outcome code → what its task is: an ability's verb class (its criteria's), ``knowledge`` for a
    knowledge outcome (oral questions), ``legal`` for the legal module (its case on applying the acts)."""
    classes = {c.outcome_code: c.verb_class for c in module.criteria if c.kind == "ability"}
    return {o.code: LEGAL_TASK if module.kind == "legal" else classes.get(o.code, KNOWLEDGE_TASK)
            for o in module.outcomes}


def _classes(codes: list[str], classes: dict[str, str]) -> tuple[str, ...]:
    """The task classes of ``codes``, abilities first (their task is what a session practises or checks)."""
    found = [classes[c] for c in codes if c in classes]
    return tuple(dict.fromkeys(sorted(found, key=lambda cls: cls == KNOWLEDGE_TASK)))


def group_size_range(text: str, data: dict) -> tuple[int, int, int]:
    """(min, optimal, max) from a group size like «12–20» (the program's), the optimum from the data."""
    numbers = [int(n) for n in re.findall(r"\d+", text or "")]
    low, high = (numbers[0], numbers[-1]) if numbers else (data["min"], data["max"])
    low, high = min(low, high), max(low, high)
    return low, min(max(data["optimal"], low), high), high


def _sheet_rows(program: Program, module_label: str) -> dict[str, list[str]]:
    """Outcome code → the recognition-sheet rows that rate it: «3-модуль: 1.1, 1.2» (a sheet may also
    rate an outcome taught in an earlier module, the item the skill shares with it)."""
    rows: dict[str, list[str]] = {}
    numbers = {m.id: m.number for m in program.modules}
    for sheet in program.assessment_sheets:
        label = module_label.replace("{number}", str(numbers.get(sheet.module_id, "")))
        by_code: dict[str, list[str]] = {}
        for row in sheet.rows:
            by_code.setdefault(row.outcome_code, []).append(row.number)
        for code, hit in by_code.items():
            rows.setdefault(code, []).append(f"{label}: {', '.join(hit)}")
    return rows


def content_kinds(program: Program, card, workspace) -> dict[str, str]:
    """Outcome code → content kind (see :mod:`generator.design.content_kinds`)."""
    design = workspace.design
    items = {i.id: i for f in card.functions for s in f.skills for i in s.abilities + s.knowledge}
    return outcome_kinds(program.modules, {k: i.text for k, i in items.items()},
                         {k for k, i in items.items() if i.legal_ref is not None},
                         design[program.language].get("content_kind_words") or {},
                         design["sessions"]["content_kind_default"])


def plan_program_sessions(program: Program, kinds: dict[str, str], workspace) -> list:
    """The session plans of ``program`` (they replace the outline's schedule: one row per session)."""
    lang = program.language
    design = workspace.design
    rules = design[lang]
    _low, optimal, _high = group_size_range(program.group_size, design["sessions"]["group_size"])
    settings = SessionSettings.from_design(design, program.minutes_per_hour, optimal)
    _check_task_activities(settings, workspace.activities)
    texts = workspace.texts(lang)["organisation"]
    wording = {"assessment": texts["interim_assessment_title"], "final_assessment": texts["final_assessment_title"],
               "trainer_observation": texts["trainer_observation"], "continued": rules["session_titles"]["continued"]}
    personal = list(program.cross_cutting_outcomes)
    planner = Planner(workspace.activities, settings, lang, kinds, wording,
                      _sheet_rows(program, workspace.labels(lang)["module"]), personal)
    return planner.plan(teaching_units(program, rules["session_titles"]))


def _as_planned(program: Program) -> None:
    """What the design said before the sessions existed, as the sessions do it: a personal outcome is
    observed in the topics of the sessions whose trainer observes it."""
    numbers = {t.number for m in program.modules for t in m.topics}
    for personal in program.cross_cutting_outcomes:
        personal.observed_in = list(dict.fromkeys(
            topic for s in program.sessions if any(o.code == personal.code for o in s.observed)
            for topic in s.topics if topic in numbers))


def _check_task_activities(settings: SessionSettings, library) -> None:
    """Every id of ``sessions.task_activities`` names an activity of the library (a typo is an error)."""
    from generator.design.activities import ActivityDataError

    for cls, parts in settings.task_activities.items():
        for part, ids in parts.items():
            for key in ids:
                try:
                    library.get(key)
                except ActivityDataError as error:
                    raise SpecError(f"design.yaml: sessions.task_activities.{cls}.{part}: {error}") from None


def _people(values) -> list[Person]:
    return [Person(name=p.name, position=p.position or "") for p in values or []]


def complete_program(program: Program, card, spec, workspace) -> Program:
    """Add the session plans and the delivery sections to a designed program (the engine's last step)."""
    from generator.design import program_sections as sections

    kinds = content_kinds(program, card, workspace)
    program.sessions = plan_program_sessions(program, kinds, workspace)
    _as_planned(program)
    program.session_minutes = int(workspace.design["hours"]["session_hours"]) * program.minutes_per_hour
    program.provider.developers = _people(spec.provider.developers)
    program.provider.reviewers = _people(spec.provider.reviewers)
    texts = workspace.texts(program.language)
    program.calendar, program.calendar_note = sections.calendar(program, spec, workspace.design["sessions"],
                                                                texts["organisation"], workspace.labels(program.language))
    program.explanatory_note = sections.explanatory_note(program, card, texts["organisation"], workspace)
    program.organisation = sections.organisation(program, texts["organisation"], workspace)
    program.methods_used = sections.methods_used(program, texts["organisation"], workspace)
    program.conditions = sections.conditions(program, card, texts["organisation"], workspace)
    program.evaluation = list(texts["feedback"]["evaluation_section"])
    program.feedback_form = sections.feedback_form(program, texts["feedback"], workspace.design["feedback"])
    sections.add_literature(program, set(kinds.values()), workspace)
    return program


def start_date(value) -> Optional[_date]:
    """A spec's ``start_date`` (a YAML date or «2026-09-14») as a date; a clear error otherwise."""
    import datetime

    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SpecError(f"start_date: expected a date like 2026-09-14, got {value!r}") from None


__all__ = ["complete_program", "content_kinds", "group_size_range", "plan_program_sessions", "start_date", "teaching_units"]
