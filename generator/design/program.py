"""The program model: the result of curriculum design, plain data with no formatting.

Templates render it (``render``), ``progen plan`` prints it as YAML/JSON, exports convert it.
Field names are part of the template contract: ``progen templates vars`` documents them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Hours:
    total: int
    theory: int
    practice: int
    assessment: int


@dataclass
class Outcome:
    code: str  # "ОН 3.1" / "РО 3.1": module number . outcome number
    text: str
    source_ids: list[str]
    bloom: str
    verb: Optional[str] = None
    kind: str = "ability"  # ability | knowledge | personal
    source: str = "rule"  # rule | policy | override (from the phrasing layer)


@dataclass
class Topic:
    number: str  # "3.1"
    title: str
    kind: str  # theory | practice
    source_ids: list[str]
    hours: int = 0


@dataclass
class Criterion:
    outcome_code: str
    text: str


@dataclass
class Module:
    id: str  # "M1", "M2", …
    number: int
    title: str
    kind: str  # legal (introductory normative module) | skill
    hours: Hours
    function_id: Optional[str] = None
    function_number: Optional[int] = None
    function_title: Optional[str] = None
    skill_id: Optional[str] = None
    recognition: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    theory_topics: list[Topic] = field(default_factory=list)
    practical_sessions: list[Topic] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    assessment: list[str] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # legal items taught in the legal module, by item id
    reference_note: Optional[str] = None  # "Нормативтік-құқықтық негіздер 1-модульде қарастырылады"


def sum_hours(modules: list[Module]) -> Hours:
    """The hours of ``modules`` added up field by field: a program's totals."""
    return Hours(total=sum(mo.hours.total for mo in modules), theory=sum(mo.hours.theory for mo in modules),
                 practice=sum(mo.hours.practice for mo in modules),
                 assessment=sum(mo.hours.assessment for mo in modules))


@dataclass
class Reference:
    number: int
    kind: str  # constitution | code | law | government_decree | presidential_decree | ministerial_order | other
    citation: str  # formatted the way Kazakh/Russian programs cite it
    item_ids: list[str] = field(default_factory=list)


@dataclass
class CoverageRow:
    item_id: str
    kind: str  # ability | knowledge
    module_id: str
    outcome: str  # outcome code
    text: str  # the item text as in the standard


@dataclass
class Provider:
    name: str
    city: str
    approver_name: str
    approver_title: str


@dataclass
class SheetCriterion:
    number: int
    text: str
    source_id: str
    kind: str  # ability | knowledge


@dataclass
class AssessmentSheet:
    skill_id: str
    module_id: str
    title: str
    function_title: str
    criteria: list[SheetCriterion] = field(default_factory=list)


@dataclass
class Session:
    """One teaching session of the course outline (a day or half-day block)."""

    number: int
    module_id: str
    title: str
    hours: int
    kind: str  # theory | practice | assessment
    methods: list[str] = field(default_factory=list)


@dataclass
class Program:
    language: str
    standard_code: str
    standard_title: str
    card_code: str
    card_name: str
    level: Optional[str]
    title: str
    total_hours: int
    minutes_per_hour: int
    format: str
    audience: str
    group_size: str
    provider: Provider
    year: int
    goal: str
    tasks: list[str]
    entry_requirements: str
    document_issued: str
    modules: list[Module]
    cross_cutting_outcomes: list[Outcome]
    bibliography: list[Reference]
    coverage: list[CoverageRow]
    final_assessment: str
    assessment_sheets: list[AssessmentSheet] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    totals: Optional[Hours] = None
    coverage_percent: float = 100.0
    warnings: list[str] = field(default_factory=list)
