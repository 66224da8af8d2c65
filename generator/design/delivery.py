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


def teaching_units(program: Program, titles: dict) -> list[TeachingUnit]:
    """The plan table's rows, in order: each module's topics (theory, then practice), hours without topics,
    and its assessment hours (assessing every outcome of the module)."""
    units: list[TeachingUnit] = []
    for module in program.modules:
        for kind, topics, hours in (("theory", module.theory_topics, module.hours.theory),
                                    ("practice", module.practical_sessions, module.hours.practice)):
            for topic in topics:
                units.append(TeachingUnit(module.id, module.title, topic.number, topic.title, kind, topic.hours,
                                          _outcomes_of(module, topic.source_ids, kind)))
            missing = hours - sum(t.hours for t in topics)
            if missing > 0:
                units.append(TeachingUnit(module.id, module.title, "", f"{titles[kind]}: {module.title}", kind,
                                          missing, _outcomes_of(module, [], kind)))
        if module.hours.assessment:
            units.append(TeachingUnit(module.id, module.title, "", module.title, "assessment",
                                      module.hours.assessment, list(module.outcomes)))
    return units


def _outcomes_of(module: Module, source_ids: list[str], kind: str) -> list:
    ids = set(source_ids)
    found = [o for o in module.outcomes if ids & set(o.source_ids)]
    if found:
        return found
    wanted = "knowledge" if kind == "theory" else "ability"
    return [o for o in module.outcomes if o.kind == wanted] or list(module.outcomes)


def group_size_range(text: str, data: dict) -> tuple[int, int, int]:
    """(min, optimal, max) from a group size like «12–20» (the program's), the optimum from the data."""
    numbers = [int(n) for n in re.findall(r"\d+", text or "")]
    low, high = (numbers[0], numbers[-1]) if numbers else (data["min"], data["max"])
    low, high = min(low, high), max(low, high)
    return low, min(max(data["optimal"], low), high), high


def _sheet_rows(program: Program, module_label: str) -> dict[str, list[str]]:
    """Outcome code → the recognition-sheet rows that assess its items: «3-модуль: 1, 2»."""
    rows: dict[str, list[str]] = {}
    numbers = {m.id: m.number for m in program.modules}
    outcomes = [o for m in program.modules for o in m.outcomes]
    for sheet in program.assessment_sheets:
        label = module_label.replace("{number}", str(numbers.get(sheet.module_id, "")))
        for outcome in outcomes:
            hit = [str(c.number) for c in sheet.criteria if c.source_id in outcome.source_ids]
            if hit:
                rows.setdefault(outcome.code, []).append(f"{label}: {', '.join(hit)}")
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
    texts = workspace.texts(lang)["organisation"]
    wording = {"assessment": texts["interim_assessment_title"], "final_assessment": texts["final_assessment_title"],
               "trainer_observation": texts["trainer_observation"]}
    personal = list(program.cross_cutting_outcomes)
    planner = Planner(workspace.activities, settings, lang, kinds, wording,
                      _sheet_rows(program, workspace.labels(lang)["module"]), personal)
    return planner.plan(teaching_units(program, rules["session_titles"]))


def _people(values) -> list[Person]:
    return [Person(name=p.name, position=p.position or "") for p in values or []]


def complete_program(program: Program, card, spec, workspace) -> Program:
    """Add the session plans and the delivery sections to a designed program (the engine's last step)."""
    from generator.design import program_sections as sections

    kinds = content_kinds(program, card, workspace)
    program.sessions = plan_program_sessions(program, kinds, workspace)
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
