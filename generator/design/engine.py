"""The design engine: applies the rules of ``rules.py`` in order and assembles the Program."""
from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Optional

from generator.design import rules as r
from generator.design.bibliography import act_key, build_bibliography
from generator.design.delivery import complete_program
from generator.design.hours import largest_remainder, module_minimum, split_module
from generator.design.program import (
    AssessmentSheet, CoverageRow, Hours, Module, Outcome, Program, Provider, SheetCriterion, sum_hours,
)
from generator.exceptions import SpecError
from generator.standard import model as m
from generator.workspace import Workspace
from generator.workspace.spec import ProgramSpec, ProviderSpec, check_basic, load_spec, merge_specs


def default_year() -> int:
    """The current year, or the one of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).year
    return datetime.date.today().year


def resolve(spec_path: Optional[Path] = None, *, standard: Optional[Path] = None, card: Optional[str] = None,
            hours: Optional[int] = None, skills: Optional[list[str]] = None, workspace: Optional[Workspace] = None,
            base: Optional[ProgramSpec] = None, hours_by_level: Optional[dict] = None) -> Program:
    """Merge base (manifest) < spec file < options, load the standard and design.

    ``hours_by_level`` (programs.yaml): the total of a full-card program when none is given.
    """
    from generator.standard.store import load_standard

    layers = [base or ProgramSpec()]
    if spec_path is not None:
        layers.append(load_spec(Path(spec_path)))
    layers.append(ProgramSpec(standard=str(standard) if standard else None, card=card, hours=hours, skills=skills))
    spec = merge_specs(*layers)
    if not spec.standard:
        raise SpecError("standard: no standard data file given (spec key 'standard' or --standard FILE)")
    if not spec.card:
        raise SpecError("card: no profession card given (spec key 'card' or --card CODE)")
    standard = load_standard(Path(spec.standard))
    if spec.hours is None and spec.skills is None and hours_by_level:
        from generator.workspace.manifest import hours_for_level

        spec.hours = hours_for_level(hours_by_level, _card(standard, spec.card).level)
    return design(standard, spec, workspace)


def _card(standard: m.Standard, code: str) -> m.Card:
    try:
        return standard.card(code)
    except KeyError:
        raise SpecError(f"card: {standard.no_such_card(code)}") from None


def design(standard: m.Standard, spec: ProgramSpec, workspace: Workspace) -> Program:
    lang = spec.language or standard.language
    check_basic(ProgramSpec(**{**spec.__dict__, "language": lang}), workspace.languages, workspace.kinds,
                limits=workspace.design.get("limits", {}))
    card = _card(standard, spec.card)
    rules = workspace.design
    lang_rules = rules[lang]
    phraser = workspace.phraser(lang)
    selected = r.select_skills(card, spec.skills)
    full_card = spec.skills is None
    legal_acts = r.shared_legal_acts(selected, rules)

    modules: list[Module] = []
    coverage: list[CoverageRow] = []
    if legal_acts:
        modules.append(_legal_module(selected, legal_acts, lang_rules, phraser, coverage))
    for entry in selected:
        modules.append(_skill_module(entry, len(modules) + 1, legal_acts, modules[0] if legal_acts else None,
                                     lang_rules, phraser, coverage))

    total = spec.hours if spec.hours is not None else (
        rules["hours"]["default_total"] if full_card else rules["hours"]["default_total_per_skill"] * len(selected))
    _allocate_hours(modules, total, card.level, rules, spec.min_module_hours)
    all_items = [item for entry in selected for item in entry.skill.abilities + entry.skill.knowledge]
    version = standard.version or str(standard.year or "")
    bibliography = build_bibliography(
        all_items, [lang_rules["standard_citation"].format(title=standard.title, code=standard.code, version=version)])
    expected_ids = [item.id for item in all_items]
    covered = {row.item_id for row in coverage}
    coverage_percent = round(100.0 * len(covered & set(expected_ids)) / len(expected_ids), 1) if expected_ids else 100.0
    warnings = [f"{item_id} is not used by any module" for item_id in expected_ids if item_id not in covered]
    provider = _provider(spec.provider, lang_rules["provider_default"])
    title = spec.title or (card.name if full_card or len(selected) > 1 else selected[0].skill.title)
    program = Program(
        language=lang,
        standard_code=standard.code,
        standard_title=standard.title,
        card_code=card.code,
        card_name=card.name,
        level=card.level,
        title=title,
        total_hours=total,
        minutes_per_hour=spec.minutes_per_hour or rules["sessions"]["minutes_per_hour"],
        format=spec.format or lang_rules["format_default"],
        audience=spec.audience or lang_rules["audience_default"].format(card_name=card.name),
        group_size=spec.group_size or lang_rules["group_size_default"],
        provider=provider,
        year=spec.year or default_year(),
        goal=lang_rules["goal"].format(card_name=card.name),
        tasks=_tasks(selected, legal_acts, card, lang_rules),
        entry_requirements=entry_requirements(card, lang_rules),
        document_issued=lang_rules["document_issued"],
        modules=modules,
        cross_cutting_outcomes=_personal_outcomes(card, modules, lang_rules),
        bibliography=bibliography,
        coverage=coverage,
        final_assessment=lang_rules["final_assessment"],
        assessment_sheets=_assessment_sheets(modules, selected, coverage),
        totals=sum_hours(modules),
        coverage_percent=coverage_percent,
        warnings=warnings,
    )
    return complete_program(program, card, spec, workspace)  # session plans and delivery sections


def _legal_module(selected, legal_acts, lang_rules, phraser, coverage) -> Module:
    """Module 1: every normative act of the selection, taught once; each act one outcome and topic."""
    module = Module(id="M1", number=1, title=lang_rules["legal_module_title"], kind="legal",
                    hours=Hours(0, 0, 0, 0))
    by_act: dict[tuple, list[m.Item]] = {key: [] for key in legal_acts}
    for entry in selected:
        for item in entry.skill.knowledge:
            if item.legal_ref is not None and act_key(item.legal_ref) in by_act:
                by_act[act_key(item.legal_ref)].append(item)
    prefix = lang_rules["outcome_prefix"]
    for index, key in enumerate(legal_acts, start=1):
        items = by_act[key]
        outcome = r.knowledge_outcome(phraser, items, f"{prefix} 1.{index}")
        module.outcomes.append(outcome)
        topic = r.theory_topic(phraser, items[0], f"1.{index}")
        topic.source_ids = [i.id for i in items]
        module.theory_topics.append(topic)
        coverage.extend(CoverageRow(item_id=i.id, kind="knowledge", module_id=module.id, outcome=outcome.code,
                                    text=i.text) for i in items)
    module.methods = r.methods_for(module.outcomes, lang_rules)
    module.assessment = r.assessment_for(module.outcomes, lang_rules)
    module.criteria = r.criteria_for(module.outcomes, lang_rules, _subjects(module))
    return module


def _subjects(module: Module) -> dict[str, str]:
    """What each outcome is about, from the topic or session made of the same item."""
    by_item = {sid: t.title for t in module.theory_topics + module.practical_sessions for sid in t.source_ids}
    return {o.code: by_item.get(o.source_ids[0], "") for o in module.outcomes}


def _skill_module(entry: r.Selected, number: int, legal_acts, legal_module, lang_rules, phraser, coverage) -> Module:
    """One module per skill: abilities → practice and "can do", knowledge → theory and "knows"."""
    skill, function = entry.skill, entry.function
    module = Module(id=f"M{number}", number=number, title=skill.title, kind="skill", hours=Hours(0, 0, 0, 0),
                    function_id=function.id, function_number=function.number, function_title=function.title,
                    skill_id=skill.id, recognition=bool(skill.recognition))
    prefix = lang_rules["outcome_prefix"]
    outcome_number = 0
    for item in skill.abilities:
        outcome_number += 1
        outcome = r.ability_outcome(phraser, item, f"{prefix} {number}.{outcome_number}")
        module.outcomes.append(outcome)
        module.practical_sessions.append(r.practical_session(item, f"{number}.{len(module.practical_sessions) + 1}"))
        coverage.append(CoverageRow(item_id=item.id, kind="ability", module_id=module.id, outcome=outcome.code,
                                    text=item.text))
    for item in skill.knowledge:
        if item.legal_ref is not None and legal_module is not None and act_key(item.legal_ref) in legal_acts:
            module.references.append(item.id)
            continue
        outcome_number += 1
        outcome = r.knowledge_outcome(phraser, [item], f"{prefix} {number}.{outcome_number}")
        module.outcomes.append(outcome)
        module.theory_topics.append(r.theory_topic(phraser, item, f"{number}.{len(module.theory_topics) + 1}"))
        coverage.append(CoverageRow(item_id=item.id, kind="knowledge", module_id=module.id, outcome=outcome.code,
                                    text=item.text))
    for index, topic in enumerate(module.theory_topics + module.practical_sessions, start=1):
        topic.number = f"{number}.{index}"  # one numbering per module: theory first, then practice
    if module.references:
        module.reference_note = lang_rules["legal_reference_note"].format(module=legal_module.number)
    module.methods = r.methods_for(module.outcomes, lang_rules)
    module.assessment = r.assessment_for(module.outcomes, lang_rules)
    module.criteria = r.criteria_for(module.outcomes, lang_rules, _subjects(module))
    return module


def _allocate_hours(modules: list[Module], total: int, level, rules, min_hours) -> None:
    """Share the total over modules by content, then split each into theory/practice/assessment."""
    weights = rules["hours"]["weights"]
    shares = [
        (len(mo.outcomes) * weights["legal_act"]) if mo.kind == "legal" else
        (len(mo.practical_sessions) * weights["ability"] + len(mo.theory_topics) * weights["knowledge"])
        for mo in modules
    ]
    minimum = module_minimum(total, len(modules), min_hours or rules["hours"]["min_module_hours"])
    totals = largest_remainder(total, shares, minimum)
    for module, module_total in zip(modules, totals):
        ratio = rules["hours"]["legal_ratio"] if module.kind == "legal" else r.content_ratio(
            r.level_ratio(level, rules), len(module.theory_topics), len(module.practical_sessions))
        theory, practice, assessment = split_module(module_total, ratio, bool(module.practical_sessions))
        module.hours = Hours(total=module_total, theory=theory, practice=practice, assessment=assessment)
        for topics, hours in ((module.theory_topics, theory), (module.practical_sessions, practice)):
            if topics and hours:
                for topic, share in zip(topics, largest_remainder(hours, [1] * len(topics))):
                    topic.hours = share


def _provider(spec: ProviderSpec, defaults: dict) -> Provider:
    return Provider(**{key: getattr(spec, key) or defaults[key] for key in defaults})


def _tasks(selected, legal_acts, card: m.Card, lang_rules) -> list[str]:
    tasks = []
    if legal_acts:
        tasks.append(lang_rules["task_legal"])
    seen = []
    for entry in selected:
        if entry.function.id not in seen:
            seen.append(entry.function.id)
            tasks.append(lang_rules["task_function"].format(title=entry.function.title))
    if card.personal_competencies:
        competencies = ", ".join(r.lower_first(c) for c in card.personal_competencies)
        tasks.append(lang_rules["task_personal"].format(competencies=competencies))
    return tasks


def entry_requirements(card: m.Card, lang_rules: dict) -> str:
    """From the card's education level: '<level> білімі бар тұлғалар; мамандықтар: …'."""
    education = card.education
    if education is None or not education.level:
        return lang_rules["entry_default"]
    level = education.level.strip().rstrip(".")
    for ending in (" білімі", " білім"):
        if level.endswith(ending):
            level = level[: -len(ending)]
    text = lang_rules["entry_education"].format(level=level)
    if education.specialities:
        listed = "; ".join(f"{s.code} {s.name}" for s in education.specialities)
        text += "; " + lang_rules["entry_specialities"].format(specialities=listed)
    return text


def _personal_outcomes(card: m.Card, modules: list[Module], lang_rules) -> list[Outcome]:
    """Personal competencies are cross-cutting: served by the methods of every skill module."""
    return [Outcome(code=f"{lang_rules['outcome_prefix']} {lang_rules['personal_prefix']}{index}",
                    text=r.lower_first(competency), source_ids=[f"{card.code}/personal/{index}"],
                    bloom="apply", kind="personal", source="rule")
            for index, competency in enumerate(card.personal_competencies, start=1)]


def _assessment_sheets(modules: list[Module], selected, coverage: list[CoverageRow]) -> list[AssessmentSheet]:
    """One sheet per recognisable skill: its abilities and knowledge as criteria (legal ones included)."""
    outcome_text = {o.code: o.text for mo in modules for o in mo.outcomes}
    row_for = {row.item_id: row for row in coverage}
    sheets = []
    for module in modules:
        if module.kind != "skill" or not module.recognition:
            continue
        entry = next(e for e in selected if e.skill.id == module.skill_id)
        sheet = AssessmentSheet(skill_id=module.skill_id, module_id=module.id, title=module.title,
                                function_title=module.function_title or "")
        for kind, items in (("ability", entry.skill.abilities), ("knowledge", entry.skill.knowledge)):
            for item in items:
                row = row_for.get(item.id)
                text = outcome_text.get(row.outcome, item.text) if row else item.text
                sheet.criteria.append(SheetCriterion(number=len(sheet.criteria) + 1, text=text, source_id=item.id,
                                                     kind=kind))
        sheets.append(sheet)
    return sheets


__all__ = ["design", "resolve", "entry_requirements", "default_year"]
