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
class Person:
    """A developer or reviewer of the program (spec ``provider.developers`` / ``provider.reviewers``)."""

    name: str
    position: str = ""


@dataclass
class Provider:
    name: str
    city: str
    approver_name: str
    approver_title: str
    developers: list[Person] = field(default_factory=list)  # empty: the template prints lines to fill in
    reviewers: list[Person] = field(default_factory=list)


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
class ActivityStep:
    """One step of an activity as run in a session: its minutes scaled to the activity's minutes."""

    title: str
    text: str
    minutes: int


@dataclass
class PlanStep:
    """One row of a session's timed plan: an activity in a stage of the experiential cycle."""

    number: int
    start: str  # "00:12" from the session's start
    end: str
    minutes: int
    stage: str  # warm_up | input | experience | energiser | assessment | reflection | application
    activity_id: str
    name: str
    phase: str  # the library phase of the activity
    steps: list[ActivityStep] = field(default_factory=list)
    result: str = ""  # what it produces (may be empty)
    online: str = ""  # how it runs online
    described_in: int = 0  # the session whose plan describes it in full (0: this one, its first use)


@dataclass
class Evidence:
    """Evidence a session collects for assessment."""

    what: str
    kinds: list[str]  # observation | product | interview | self_assessment
    outcomes: list[str]  # outcome codes
    sheet_rows: list[str] = field(default_factory=list)  # rows of the recognition sheet it feeds
    assessed: bool = False  # collected by an assessment activity (not only formative)


@dataclass
class Session:
    """One teaching session: a row of the course outline and a page of the trainer's guide."""

    number: int
    module_id: str
    title: str
    hours: int
    kind: str  # theory | practice | assessment
    methods: list[str] = field(default_factory=list)
    minutes: int = 0
    position: str = "middle"  # first | middle | last | only
    day: int = 0
    date: str = ""  # dd.mm.yyyy when the spec gives a start date
    topics: list[str] = field(default_factory=list)  # topic numbers taught, and the assessment it holds
    objectives: list[Outcome] = field(default_factory=list)  # outcomes taught (or assessed) in the session
    observed: list[Outcome] = field(default_factory=list)  # personal outcomes the trainer observes
    main_activity: str = ""
    steps: list[PlanStep] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    preparation: list[str] = field(default_factory=list)
    debrief: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class MethodUse:
    """A method (an activity of the library) as this program uses it."""

    name: str
    phase: str
    sessions: str  # "2, 5, 9-сабақтар" / "занятия 2, 5, 9"
    minutes: int
    how: str  # its steps, in short
    result: str = ""


@dataclass
class Conditions:
    """Conditions of delivery: room, equipment and materials, trainer, accessibility."""

    room: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    materials_note: str = ""
    trainer: list[str] = field(default_factory=list)
    accessibility: str = ""


@dataclass
class CalendarDay:
    number: int
    date: str  # dd.mm.yyyy, or empty
    label: str  # «1-күн» / «День 1», or the date
    sessions: list[int] = field(default_factory=list)
    topics: str = ""  # its sessions' topic numbers and assessments: «1.1, 1.2; 1.3, Аралық бағалау»
    hours: int = 0


@dataclass
class FeedbackForm:
    """The participant feedback form (one printable page; an annex of the program)."""

    title: str
    intro: str
    fields: list[str]
    scale: list[int]
    scale_legend: str
    rating_heading: str
    rating_questions: list[str]
    open_heading: str
    open_questions: list[str]
    closing: str


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
    # delivery (generator/design/delivery.py): session plans, organisation, conditions, calendar, evaluation
    session_minutes: int = 0  # the usual length of a session
    explanatory_note: list[str] = field(default_factory=list)
    organisation: list[str] = field(default_factory=list)
    methods_used: list[MethodUse] = field(default_factory=list)
    conditions: Conditions = field(default_factory=Conditions)
    calendar: list[CalendarDay] = field(default_factory=list)
    calendar_note: list[str] = field(default_factory=list)
    evaluation: list[str] = field(default_factory=list)
    feedback_form: Optional[FeedbackForm] = None
