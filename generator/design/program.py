"""The program model: the result of curriculum design, plain data with no formatting.

Templates render it (``render``), ``progen plan`` prints it as YAML/JSON, exports convert it.
Field names are part of the template contract: ``progen templates vars`` documents them
(``generator/render/variables.py``; a test fails when a field is not described there).

The shape, top down: a Program has Modules (the legal module, then one per skill); a Module has
Outcomes, Topics (each joins knowledge and the practice that uses it), Criteria (observable, 2–4 per
ability, one per knowledge item with open questions for the assessor) and CrossReferences to items
taught in another topic; the Program also has PersonalOutcomes (behaviour observed in practice),
Sessions (the session plans: the outline's rows and the trainer's guide) and one RecognitionSheet per recognisable skill.
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
    kind: str = "ability"  # ability | knowledge
    source: str = "rule"  # rule | policy | override (from the phrasing layer)


@dataclass
class Topic:
    """A topic of a module: knowledge and the practice that uses it, taught together.

    ``content`` lists what the theory covers (the knowledge items as headings), ``task`` what the
    participants do in practice (the ability as a task, with its form: «… (рөлдік ойын)»).
    """

    number: str  # "3.1"
    title: str
    kind: str  # integrated (theory and practice) | theory | practice
    hours: Hours  # assessment is always 0 here: it is the module's
    ability_ids: list[str] = field(default_factory=list)
    knowledge_ids: list[str] = field(default_factory=list)
    outcome_codes: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    task: Optional[str] = None
    task_form: Optional[str] = None  # the form of the practical task (рөлдік ойын, кейс, практикум …)


@dataclass
class CrossReference:
    """An item of this module's skill that is taught in another topic (the first place it occurs)."""

    item_id: str
    taught_item: str  # the id of the item (of an earlier skill, or a normative act) where it is taught
    title: str  # the item as a heading
    topic: str  # "2.3": the topic that teaches it
    outcome: str  # the outcome code there
    note: str  # «2.3-тақырыпты қараңыз» / «см. тему 2.3»


@dataclass
class Criterion:
    """An observable assessment criterion of one outcome."""

    outcome_code: str
    text: str
    evidence: str  # what the assessor looks at: бақылау, өнім, сұхбат … (observation, product, interview)
    kind: str  # ability | knowledge
    verb_class: str  # the class of the ability's verb (event, document, analysis …) or the knowledge kind
    shape: str  # id of the sentence it was made from (class.index), to measure how often one is used
    questions: list[str] = field(default_factory=list)  # open questions for the assessor (knowledge)


@dataclass
class AssessmentTask:
    """A task the module is assessed with: its form, the outcomes it shows and its hours for a group."""

    title: str
    form: str  # практикалық тапсырма, кейс шешу, жоба қорғау, ауызша сұрақтар …
    outcome_codes: list[str]
    evidence: str
    minutes: int


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
    skill_number: Optional[int] = None
    recognition: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    assessment: list[str] = field(default_factory=list)  # assessment forms, e.g. «практикалық тапсырма»
    assessment_tasks: list[AssessmentTask] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    references: list[CrossReference] = field(default_factory=list)
    reference_note: Optional[str] = None  # the sentence that introduces the references


def sum_hours(modules: list[Module], final: int = 0) -> Hours:
    """The hours of ``modules`` added up field by field, plus ``final`` assessment hours: a program's totals."""
    return Hours(total=sum(mo.hours.total for mo in modules) + final,
                 theory=sum(mo.hours.theory for mo in modules),
                 practice=sum(mo.hours.practice for mo in modules),
                 assessment=sum(mo.hours.assessment for mo in modules) + final)


@dataclass
class PersonalOutcome:
    """A personal competence of the card as behaviour observed during practice."""

    code: str  # "ОН Ж1" / "РО Л1"
    competency: str  # the card's word: «бастамашылық»
    text: str  # the behaviour: «топтық жұмыста бастамашылық танытады»
    verb: str  # its finite verb: «танытады»
    signs: list[str]  # observable signs (the outcome is shown when `signs_needed` of them are observed)
    observed_in: list[str]  # topic numbers whose practical tasks it is observed in
    source_ids: list[str]
    source: str = "lexicon"  # lexicon | fallback (the noun is not in the lexicon: «… танытады»)
    kind: str = "personal"


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
    topic: str = ""  # the topic that teaches it


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
class SheetRow:
    """One criterion row of a recognition sheet: the program's own criterion, rated 0–1–2."""

    number: str  # "1.1" for abilities, "Б.1" / "З.1" for knowledge
    kind: str  # ability | knowledge
    group: str  # «1-қабілет. …» / «Білім. …» on the first row of its item, else ""
    outcome_code: str
    text: str  # the criterion
    evidence: str
    source_id: str  # the standard's item
    questions: list[str] = field(default_factory=list)  # oral questions (knowledge rows)


@dataclass
class RecognitionSheet:
    """The recognition sheet (дағдыны тану парағы) of one recognisable skill (PEDAGOGY §5)."""

    skill_id: str
    module_id: str
    title: str  # the skill
    skill_number: int
    function_number: int
    function_title: str
    methods: list[str]  # how it is assessed: observation (task), product, interview
    rows: list[SheetRow] = field(default_factory=list)
    max_score: int = 0
    threshold: int = 0  # recognised with at least this total and no criterion rated 0 (when no_zero)
    no_zero: bool = True


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
    kind: str  # theory | practice | integrated | assessment
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
class CriteriaShapes:
    """How often the most used criterion sentence occurs: the check that criteria are not boilerplate."""

    criteria: int  # criteria in the program
    largest: int  # uses of the most used sentence shape
    shape: str  # its id
    share: float  # largest / criteria
    limit: float  # the share design data allows


@dataclass
class Program:
    language: str
    standard_code: str  # "" when the source has no code (see standard_code_text)
    standard_code_text: str  # the code, or the words saying the source has none
    standard_title: str
    standard_version: str  # «1-нұсқа, 2023 ж.» / «версия 2, 2022 г.»
    card_code: str
    card_name: str
    level: Optional[str]
    title: str
    total_hours: int
    minutes_per_hour: int
    format: str
    format_name: str  # the format as it reads after «Оқыту нысаны» / «Форма обучения» (очная)
    audience: str
    group_size: str
    provider: Provider
    year: int
    goal: str
    tasks: list[str]
    entry_requirements: str
    document_issued: str
    structure_note: str  # what the modules are: the legal module, then one module per skill
    modules: list[Module]
    cross_cutting_outcomes: list[PersonalOutcome]
    personal_signs_needed: int  # a personal outcome is shown when this many of its signs are observed
    bibliography: list[Reference]
    coverage: list[CoverageRow]
    final_assessment: str
    final_assessment_hours: int = 0
    hours_basis: str = ""  # how the total was chosen (given, default, or computed from content: how)
    recommended_hours: int = 0  # the total the content needs at the design data's rates
    minimum_hours: int = 0  # the smallest total that teaches every topic on its own (below it topics are merged)
    assessment_sheets: list[RecognitionSheet] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    totals: Optional[Hours] = None
    coverage_percent: float = 100.0
    criteria_shapes: Optional[CriteriaShapes] = None
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
