"""The design engine: applies the design rules in order and assembles the Program.

select skills → the legal module and one module per skill with their topics, outcomes and criteria
(``topics.py``, ``criteria.py``) → hours (``allocation.py``) → topic numbers and references → personal outcomes (``personal.py``) →
recognition sheets (``recognition.py``) → bibliography, coverage and the checks the plan reports → the
session plans and delivery sections (``delivery.py``: the planner of ``sessions.py`` over the topics).
"""
from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import Optional, Union

from generator.design import rules as r
from generator.design.allocation import HoursPlan, allocate, auto_total, minimum_total
from generator.design.bibliography import build_bibliography
from generator.design.content import ContentWords
from generator.design.criteria import CriteriaMaker, shapes
from generator.design.delivery import complete_program
from generator.design.education import entry_requirements
from generator.design.names import ProperNames
from generator.design.personal import personal_outcomes
from generator.design.program import Module, Program, Provider, sum_hours
from generator.design.recognition import recognition_sheets
from generator.design.topics import ModuleBuilder, renumber
from generator.exceptions import SpecError
from generator.standard import model as m
from generator.workspace import Workspace
from generator.workspace.spec import AUTO, ProgramSpec, ProviderSpec, check_basic, load_spec, merge_specs


def default_year() -> int:
    """The current year, or the one of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).year
    return datetime.date.today().year


def resolve(spec_path: Optional[Path] = None, *, standard: Optional[Path] = None, card: Optional[str] = None,
            hours: Optional[Union[int, str]] = None, skills: Optional[list[str]] = None,
            workspace: Optional[Workspace] = None, base: Optional[ProgramSpec] = None,
            hours_by_level: Optional[dict] = None) -> Program:
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


def _names(card: m.Card, item_texts: list[str], phraser) -> ProperNames:
    """The names the card's own text shows.  Only the card: a build designs each card from its slice of
    the standard and rebuilds it when that card changes, so another card's text must not change it
    (it did, and scanning every item of the standard for every card made planning quadratic)."""
    return ProperNames(phraser, [card.name, card.purpose or ""] + [f.title for f in card.functions] + item_texts)


def design(standard: m.Standard, spec: ProgramSpec, workspace: Workspace) -> Program:
    lang = spec.language or standard.language
    check_basic(ProgramSpec(**{**spec.__dict__, "language": lang}), workspace.languages, workspace.kinds,
                limits=workspace.design.get("limits", {}))
    card = _card(standard, spec.card)
    rules = workspace.design
    wording = rules[lang]
    phraser = workspace.phraser(lang)
    selected = r.select_skills(card, spec.skills)
    item_texts = [i.text for f in card.functions for s in f.skills for i in s.abilities + s.knowledge]
    names = _names(card, item_texts, phraser)
    words = ContentWords(phraser, wording["topic_matching"], rules["topics"]["min_word_length"])
    words.learn_common(item_texts, rules["topics"]["common_share"])
    builder = ModuleBuilder(phraser, wording, rules, words, CriteriaMaker(phraser, words, wording, rules["criteria"],
                                                                          names))
    legal_acts = r.shared_legal_acts(selected, rules)
    modules: list[Module] = [builder.legal_module(selected, legal_acts)] if legal_acts else []
    for entry in selected:
        modules.append(builder.skill_module(entry, len(modules) + 1, legal_acts))
    minutes = spec.minutes_per_hour or rules["sessions"]["minutes_per_hour"]
    hours = _plan_hours(modules, spec, card, selected, rules, wording, minutes, builder, lang)
    renumber(modules, builder, wording)
    practice_topics = [t.number for mo in modules for t in mo.topics if t.task and mo.kind == "skill"]
    personal, personal_warnings = personal_outcomes(card, wording, phraser, names, practice_topics)
    program = _program(standard, spec, card, selected, modules, hours, wording, names, lang, minutes)
    program.tasks = _tasks(selected, legal_acts, card, wording, names)
    program.cross_cutting_outcomes = personal
    program.personal_signs_needed = rules["personal"]["signs_needed"]
    program.coverage = builder.coverage
    program.assessment_sheets = recognition_sheets(modules, selected, builder.coverage, builder.heading_of, wording,
                                                   rules, wording["evidence_names"])
    program.criteria_shapes = shapes([c for mo in modules for c in mo.criteria], rules["criteria"]["max_shape_share"])
    _coverage_check(program, selected, wording)
    program.warnings = hours.warnings + personal_warnings + program.warnings
    return complete_program(program, card, spec, workspace)  # session plans and delivery sections


def _program(standard, spec, card, selected, modules, hours: HoursPlan, wording, names, lang, minutes) -> Program:
    """The program's own fields (its lists are filled in by :func:`design`)."""
    code, code_text = standard_code(standard, wording)
    version = standard_version(standard, wording)
    items = [item for entry in selected for item in entry.skill.abilities + entry.skill.knowledge]
    full_card = spec.skills is None
    return Program(
        language=lang, standard_code=code, standard_code_text=code_text, standard_title=standard.title,
        standard_version=version, card_code=card.code, card_name=card.name, level=card.level,
        title=spec.title or (card.name if full_card or len(selected) > 1 else selected[0].skill.title),
        total_hours=hours.total, minutes_per_hour=minutes,
        format=spec.format or wording["format_default"],
        format_name=wording["format_names"].get(spec.format or wording["format_default"], spec.format or ""),
        audience=spec.audience or wording["audience_default"].format(card_name=card.name),
        group_size=spec.group_size or wording["group_size_default"],
        provider=_provider(spec.provider, wording["provider_default"]),
        year=spec.year or default_year(), goal=wording["goal"].format(card_name=card.name), tasks=[],
        entry_requirements=entry_requirements(card, wording, names), document_issued=wording["document_issued"],
        structure_note=structure_note(modules, wording), modules=modules, cross_cutting_outcomes=[],
        personal_signs_needed=0,
        bibliography=build_bibliography(items, [wording["standard_citation"].format(
            title=standard.title, code=code_text, version=version)]),
        coverage=[], final_assessment=wording["final_assessment"], final_assessment_hours=hours.final,
        hours_basis=hours.basis, recommended_hours=hours.recommended, minimum_hours=hours.minimum, totals=sum_hours(modules, hours.final))


def _coverage_check(program: Program, selected, wording) -> None:
    """Every item of the selected skills is used: the share covered, and a warning for each one that is not."""
    expected = [item.id for entry in selected for item in entry.skill.abilities + entry.skill.knowledge]
    covered = {row.item_id for row in program.coverage}
    program.coverage_percent = round(100.0 * len(covered & set(expected)) / len(expected), 1) if expected else 100.0
    program.warnings = [wording["warnings"]["not_covered"].format(item=item_id)
                        for item_id in expected if item_id not in covered]


def _plan_hours(modules, spec: ProgramSpec, card, selected, rules, wording, minutes, builder, lang) -> HoursPlan:
    """The total (given, default or ``auto``), shared over modules and topics, and how it was chosen."""
    recommended, numbers = auto_total(modules, card.level, rules, minutes)
    if spec.hours == AUTO:
        total = recommended
        basis = wording["hours_basis"]["auto"].format(total_hours=hours_phrase(total, wording, lang), **numbers)
    elif spec.hours is not None:
        total = spec.hours
        basis = wording["hours_basis"]["given"].format(total_hours=hours_phrase(total, wording, lang))
    else:
        total = rules["hours"]["default_total"] if spec.skills is None else \
            rules["hours"]["default_total_per_skill"] * len(selected)
        basis = wording["hours_basis"]["default"].format(total_hours=hours_phrase(total, wording, lang),
                                                         recommended=recommended)
    minimum = minimum_total(modules, rules)
    final, merged, kept = allocate(modules, total, card.level, rules, minutes, builder.topic_of,
                                   wording["titles"]["merge_join"])
    warnings = []
    if total < recommended * rules["hours"]["warn_below_share"] and not merged:
        warnings.append(wording["warnings"]["below"].format(total=total, recommended=recommended))
    if merged:
        warnings.append(wording["warnings"]["short"].format(total=total, merged=merged, recommended=recommended))
    if not kept:
        warnings.append(wording["warnings"]["no_module_assessment"].format(total=total, recommended=recommended))
    return HoursPlan(total=total, final=final, recommended=recommended, minimum=minimum, basis=basis,
                     warnings=warnings)


def hours_phrase(total: int, wording: dict, lang: str) -> str:
    """«72 академиялық сағат» / «72 академических часа» (the language pack's plural rule)."""
    from generator.languages import get_pack

    return f"{total} {wording['hours_word'][get_pack(lang).plural_form(total)]}"


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def standard_code(standard: m.Standard, wording: dict) -> tuple[str, str]:
    """The standard's code and what documents print for it: the code, or words saying the source has none
    (the importer names a standard without a code after its file, e.g. «administrirovanie-baz-dannykh»)."""
    code = (standard.code or "").strip()
    if not code or (_SLUG.fullmatch(code) and re.search(r"[a-z]", code)):
        return "", wording["no_code"]
    return code, code


def standard_version(standard: m.Standard, wording: dict) -> str:
    """The standard's version as the language writes it («нұсқа 1, 2023 ж» → «1-нұсқа, 2023 ж.»), or as the
    source has it when it names no number."""
    number = re.search(r"\d+", re.sub(r"\b(?:19|20)\d\d\b", "", standard.version or ""))
    if number is None:
        return standard.version or str(standard.year or "")
    text = wording["version_format"].format(number=number.group(0), year=standard.year or "")
    return text if standard.year else text.split(",")[0]


def structure_note(modules: list[Module], wording: dict) -> str:
    """What the modules are: the legal module (if any), then one module per skill."""
    legal = bool(modules) and modules[0].kind == "legal"
    skills = [mo for mo in modules if mo.kind == "skill"]
    if legal:
        key = "legal_skills" if len(skills) > 1 else "legal_skill"
    else:
        key = "skills" if len(skills) > 1 else "skill"
    first = skills[0].number if skills else 1
    return wording["structure"][key].format(count=len(modules), first=first, last=modules[-1].number)


def _provider(spec: ProviderSpec, defaults: dict) -> Provider:
    return Provider(**{key: getattr(spec, key) or defaults[key] for key in defaults})


def _tasks(selected, legal_acts, card: m.Card, wording, names: ProperNames) -> list[str]:
    tasks = []
    if legal_acts:
        tasks.append(wording["task_legal"])
    seen = []
    for entry in selected:
        if entry.function.id not in seen:
            seen.append(entry.function.id)
            tasks.append(wording["task_function"].format(title=entry.function.title))
    if card.personal_competencies:
        competencies = ", ".join(names.lower_first(c) for c in card.personal_competencies)
        tasks.append(wording["task_personal"].format(competencies=competencies))
    return tasks


__all__ = ["design", "resolve", "entry_requirements", "default_year", "standard_code", "standard_version",
           "structure_note"]
