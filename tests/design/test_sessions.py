"""Session plans (generator/design/sessions.py) on both seed cards and the Russian fixture card 2139-P1-L5:
minutes add up, no activity twice in a row, every outcome served and assessed, the first and last session
rules; the content-kind rule; a workspace activity is used; minutes fitting as a property."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.design import plan_program
from generator.design.activities import Range
from generator.design.content_kinds import kind_by_words
from generator.design.delivery import content_kinds
from generator.design.recognition import merge_sheet_rows
from generator.design.session_timing import Placed, Slot, fit_minutes
from generator.design.sessions import group_sessions, session_sizes, TeachingUnit
from generator.standard.store import load_standard
from generator.workspace import Workspace
from generator.workspace.spec import ProgramSpec

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "standard_data" / "M84120.kk.yaml"
FIXTURE = REPO.parent / "shared" / "fixtures" / "standards" / "ru_2022A_administrirovanie-baz-dannykh.docx"
FIRST = "opening.intro_expectations_agreement"
CLOSING = ["evaluation.expectations_review", "evaluation.feedback_form"]


@pytest.fixture(scope="module")
def seed():
    return load_standard(SEED)


@pytest.fixture(scope="module")
def russian(tmp_path_factory):
    """The 2022A fixture imported into a tmp folder (never copied into the repository)."""
    if not FIXTURE.is_file():
        pytest.skip(f"fixture not found: {FIXTURE}")
    from generator.ingest import import_standard
    from generator.standard.store import save_standard

    target = tmp_path_factory.mktemp("ru2022a") / "standard.ru.yaml"
    save_standard(import_standard(FIXTURE), target)
    return load_standard(target)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def check_plans(program, workspace=None) -> None:
    """Every invariant of PEDAGOGY.md §4 / PEDAGOGY_EXAMPLES.md §2 a test can check."""
    library = (workspace or Workspace.builtin()).activities
    sessions = program.sessions
    assert sum(s.hours for s in sessions) == program.total_hours
    for module in program.modules:  # the sessions agree with the plan table
        assert sum(s.hours for s in sessions if s.module_id == module.id) == module.hours.total, module.id
    for previous, session in zip([None] + sessions, sessions):
        ids = [step.activity_id for step in session.steps]
        assert session.minutes == session.hours * program.minutes_per_hour == sum(s.minutes for s in session.steps)
        assert len(set(ids)) == len(ids), (session.number, ids)
        if previous is not None:  # no activity twice in a row
            assert not set(ids) & {s.activity_id for s in previous.steps}, (session.number, ids)
        clock = 0
        for step in session.steps:
            activity = library.get(step.activity_id)
            assert activity.minutes.min <= step.minutes <= activity.minutes.max, (session.number, step.activity_id)
            assert sum(s.minutes for s in step.steps) == step.minutes and min(s.minutes for s in step.steps) >= 1
            assert (step.start, step.end) == (_clock(clock), _clock(clock + step.minutes))
            clock += step.minutes
            assert activity.placement != "first_session" or session.position in ("first", "only")
            assert activity.placement != "last_session" or session.position in ("last", "only")
        assert session.steps[0].stage == "warm_up" and session.steps[-1].stage in ("application", "closing")
    first, last = sessions[0], sessions[-1]
    assert first.steps[0].activity_id == FIRST  # introductions, expectations, group agreement
    assert [s.activity_id for s in last.steps[-2:]] == CLOSING  # feedback and evaluation close the program
    assert any(s.phase == "assessment" for s in last.steps[:-2])  # after the final assessment
    outcomes = [o for m in program.modules for o in m.outcomes] + program.cross_cutting_outcomes
    served = {o.code for s in sessions for o in s.objectives + s.observed}
    assessed = {code for s in sessions for e in s.evidence if e.assessed for code in e.outcomes}
    assert [o.code for o in outcomes if o.code not in served] == []
    assert [o.code for o in outcomes if o.code not in assessed] == []


@pytest.mark.parametrize("card", ["3412-0-003", "1210-0-020"])
@pytest.mark.parametrize("hours", [None, 16, 36, 144])
def test_seed_cards_plans_hold_every_invariant(seed, card, hours):
    check_plans(plan_program(seed, ProgramSpec(card=card, hours=hours)))


@pytest.mark.parametrize("hours", [None, 36])
def test_russian_fixture_card_plans_hold_every_invariant(russian, hours):
    program = plan_program(russian, ProgramSpec(card="2139-P1-L5", hours=hours))
    check_plans(program)
    kinds = content_kinds(program, russian.card("2139-P1-L5"), Workspace.builtin())
    library = Workspace.builtin().activities
    assert sum(kind == "digital" for kind in kinds.values()) > len(kinds) / 2  # a database administrator's card
    for session in program.sessions:  # never a role play or a simulation for software
        if all(kinds.get(o.code) == "digital" for o in session.objectives):
            assert not [s.activity_id for s in session.steps if "digital" in library.get(s.activity_id).not_for]


def test_methods_vary_across_sessions(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    main = [s.main_activity for s in program.sessions]
    assert len(set(main)) >= 10 and max(main.count(name) for name in main) <= len(main) // 4
    assert sum(1 for s in program.sessions for step in s.steps if step.activity_id == "input.expert_visit") <= 2


def test_a_worked_session_reads_like_the_example(seed):
    """Session plans carry objectives, materials, preparation, debrief and evidence tied to the sheet rows."""
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    session = next(s for s in program.sessions if any(e.sheet_rows for e in s.evidence))
    assert session.objectives and session.materials and session.preparation and len(session.debrief) == 3
    sheets = {f"{m.number}-модуль": {r.number for s in program.assessment_sheets if s.module_id == m.id for r in s.rows}
              for m in program.modules}
    for row in (row for s in program.sessions for e in s.evidence for row in e.sheet_rows):
        found = re.match(r"(\d+-модуль): ((?:\d+|Б)\.\d+(?:, (?:\d+|Б)\.\d+)*)$", row)
        assert found and set(found.group(2).split(", ")) <= sheets[found.group(1)], row  # rows of that module's sheet
    assert program.sessions[1].steps[0].described_in == 0 or program.sessions[1].steps[0].described_in == 1
    repeated = [step for s in program.sessions for step in s.steps if step.described_in]
    assert repeated and all(step.described_in < s.number for s in program.sessions for step in s.steps
                            if step.described_in)


def test_a_workspace_activity_is_used_by_the_planner(seed, file_tree, tmp_path):
    file_tree({"activities/centre.yaml": ACTIVITY})
    workspace = Workspace.load(tmp_path)
    program = plan_program(seed, ProgramSpec(card="3412-0-003"), workspace)
    used = [s.number for s in program.sessions for step in s.steps if step.activity_id == "practice.youth_forum"]
    assert used, "the workspace's activity is never chosen"
    check_plans(program, workspace)
    assert "Жастар форумының үлгісі" in [m.name for m in program.methods_used]


def test_sessions_follow_the_plan_table_and_leftover_hours_join_the_last_session():
    assert session_sizes(7, 2) == [2, 2, 3] and session_sizes(1, 2) == [1] and session_sizes(4, 2) == [2, 2]
    units = [TeachingUnit("M1", "A", "1.1", "t", "theory", 3), TeachingUnit("M1", "A", "1.2", "p", "practice", 3),
             TeachingUnit("M1", "A", "", "A", "assessment", 1), TeachingUnit("M2", "B", "2.1", "u", "theory", 1)]
    groups = group_sessions(units, 2)
    assert [[(p.unit.number, p.hours) for p in g] for g in groups] == [
        [("1.1", 2)], [("1.1", 1), ("1.2", 1)], [("1.2", 2), ("", 1)], [("2.1", 1)]]
    zero = [TeachingUnit("M1", "A", "1.1", "t", "theory", 0), TeachingUnit("M1", "A", "1.2", "p", "practice", 2),
            TeachingUnit("M1", "A", "1.3", "q", "practice", 0)]
    assert [[(p.unit.number, p.hours) for p in g] for g in group_sessions(zero, 2)] == [
        [("1.1", 0), ("1.2", 2), ("1.3", 0)]]  # a topic without hours is taught beside its neighbour


@pytest.mark.parametrize("text, words, expected", [
    ("Установка и конфигурация системного ПО", {"digital": ["ПО"], "procedure": ["установк"]}, "digital"),
    ("Документация по установке", {"digital": ["ПО"], "procedure": ["установк"]}, "procedure"),  # «по» ≠ ПО
    ("Ақпаратты/деректерді жинау, өңдеу және талдау", {"analysis": ["талда"]}, "analysis"),
    ("Әлеуметтік медиа құралдарын білу", {"digital": ["әлеуметтік медиа"]}, "digital"),
    ("Медиа әлеуметтік", {"digital": ["әлеуметтік медиа"]}, None),  # several words: in that order
])
def test_content_kind_words(text, words, expected):
    assert kind_by_words(text, words) == expected


def test_content_kinds_of_the_seed_card(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    kinds = content_kinds(program, seed.card("3412-0-003"), Workspace.builtin())
    assert {kinds[o.code] for o in program.modules[0].outcomes} == {"normative"}  # the legal module
    by_item = {o.source_ids[0].split("/", 1)[1]: kinds[o.code] for m in program.modules[1:] for o in m.outcomes}
    assert by_item["F1/S1/A1"] == "communication"  # консультация беру
    assert by_item["F2/S1/A3"] == "communication"  # топтық басқару және фасилитация
    assert by_item["F2/S1/A4"] == "analysis"  # қажеттілік сауалнамалары
    assert by_item["F4/S1/K4"] == "planning"  # жоба және ресурстарды басқару
    assert by_item["F4/S1/K6"] == "digital"  # әлеуметтік медиа құралдары
    assert by_item["F2/S1/K3"] == "communication"  # a knowledge item without a stem: its module's abilities'


def _placed(ranges, weights):
    slot = [Slot(f"s{i}", ("practice",), "any", w) for i, w in enumerate(weights)]

    class Fake:
        def __init__(self, low, high):
            self.minutes = Range(min=low, default=low, max=high)

    return [Placed(slot[i], Fake(low, high), target=low + (high - low) // 2) for i, (low, high) in enumerate(ranges)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(0, 60)), min_size=1, max_size=7),
       st.lists(st.integers(0, 9), min_size=7, max_size=7), st.integers(1, 400))
def test_fit_minutes_adds_up_exactly_within_every_range(spans, weights, total):
    ranges = [(low, low + extra) for low, extra in spans]
    placed = _placed(ranges, weights[:len(ranges)])
    feasible = sum(r[0] for r in ranges) <= total <= sum(r[1] for r in ranges)
    assert fit_minutes(placed, total) == feasible
    if feasible:
        assert sum(p.minutes for p in placed) == total
        assert all(low <= p.minutes <= high for p, (low, high) in zip(placed, ranges))


ACTIVITY = """\
activities:
  - id: practice.youth_forum
    phase: practice
    bloom: [understand, apply, analyse, evaluate, create]
    content_kinds: [normative, procedure, communication, planning, analysis]
    minutes: {min: 20, default: 40, max: 90}
    group: {min: 6, max: 30}
    step_minutes: [5, 25, 10]
    evidence: [product]
    kk:
      name: Жастар форумының үлгісі
      materials: [форум бағдарламасының үлгісі, флипчарт]
      preparation: Форумның үш секциясына арналған сұрақтарды дайындаңыз.
      steps:
        - title: Нұсқау
          text: Тренер форумның мақсатын және секциялардың тақырыптарын айтады.
        - title: Секциялар
          text: Топтар секцияларда жұмыс істеп, жастарға арналған ұсыныстар әзірлейді.
        - title: Пленарлық отырыс
          text: Әр секция ұсыныстарын таныстырады, топ ең маңыздысын таңдайды.
      debrief: ["Қай ұсыныс ең орындалатын?", "Жастарды қалай тартасыз?", "Өз орталығыңызда не қолданасыз?"]
      online: Секциялар бөлек бөлмелерде, пленарлық отырыс негізгі бөлмеде өтеді.
      result: Секциялардың ұсыныстары
    ru:
      name: Модель молодежного форума
      materials: [образец программы форума, флипчарт]
      preparation: Подготовьте вопросы для трех секций форума.
      steps:
        - title: Инструкция
          text: Тренер называет цель форума и темы секций.
        - title: Секции
          text: Группы работают в секциях и готовят предложения для молодежи.
        - title: Пленарное заседание
          text: Каждая секция представляет предложения, группа выбирает главное.
      debrief: ["Какое предложение самое выполнимое?", "Как вы привлечете молодежь?", "Что возьмете в свой центр?"]
      online: Секции работают в сессионных залах, пленарное заседание — в общем зале.
      result: Предложения секций
"""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=8), st.integers(0, 300), st.integers(0, 2))
def test_whole_number_weights_share_exactly_as_the_fraction_path(weights, total, minimum):
    from generator.design.hours import largest_remainder

    if sum(weights) == 0 or total < minimum * len(weights):
        return
    assert largest_remainder(total, weights, minimum) == largest_remainder(total, [float(w) for w in weights], minimum)


def test_sessions_do_what_the_program_says_its_tasks_are(seed):
    """A practical task given as a role play is practised in one, a case as a case; an assessment by case
    solving uses a written case (design.yaml sessions.task_activities)."""
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    table = Workspace.builtin().design["sessions"]["task_activities"]
    classes = {c.outcome_code: c.verb_class for m in program.modules for c in m.criteria if c.kind == "ability"}
    checked = 0
    for session in program.sessions:
        experience = [s.activity_id for s in session.steps if s.stage == "experience"]
        taught = [o for o in session.objectives if o.kind == "ability" and o.code in classes]
        if session.kind == "practice" and taught and experience:
            wanted = {key for o in taught for key in table[classes[o.code]]["practice"]}
            assert set(experience) & wanted, (session.number, experience, wanted)
            checked += 1
    assert checked >= 15
    legal = [s for s in program.sessions if s.module_id == "M1" and s.kind == "practice"]
    assert any(step.activity_id == "practice.case_study" for s in legal for step in s.steps)  # the legal case
    final = program.sessions[-1]
    assert final.module_id == "" and "assessment.portfolio" in [s.activity_id for s in final.steps]


def test_personal_outcomes_are_observed_in_the_skill_modules_practice(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    assert all(not s.observed for s in program.sessions if s.module_id == "M1")  # not in the legal module
    for personal in program.cross_cutting_outcomes:
        assert personal.observed_in and all(not number.startswith("1.") for number in personal.observed_in)
        sessions = [s for s in program.sessions if any(o.code == personal.code for o in s.observed)]
        assert set(personal.observed_in) <= {t for s in sessions for t in s.topics}


def test_an_unknown_activity_in_task_activities_is_one_clear_line(seed, file_tree, tmp_path):
    from generator.exceptions import SpecError

    file_tree({"design.yaml": "sessions:\n  task_activities:\n    event:\n      practice: [practice.rol_play]\n"})
    with pytest.raises(SpecError, match=r"sessions.task_activities.event.practice: activities: no activity "
                                        r"'practice.rol_play'; did you mean practice.role_play"):
        plan_program(seed, ProgramSpec(card="3412-0-003"), Workspace.load(tmp_path))


def test_evidence_names_each_recognition_sheet_once_with_its_rows_in_order():
    """«Модуль 2: З.1; Модуль 2: З.2; Модуль 3: З.1; Модуль 2: З.4» was one sheet four times, out of order."""
    assert merge_sheet_rows(["Модуль 2: З.1", "Модуль 2: З.2", "Модуль 3: З.1", "Модуль 2: З.4, З.3"]) == \
        ["Модуль 2: З.1, З.2, З.3, З.4", "Модуль 3: З.1"]
    sample = load_standard(REPO / "generator" / "languages" / "ru" / "sample_standard.yaml")
    program = plan_program(sample, ProgramSpec(card="1349-0-012", hours=72, year=2026))
    rows = [e.sheet_rows for s in program.sessions for e in s.evidence if e.sheet_rows]
    assert rows
    for sheet_rows in rows:
        sheets = [row.rpartition(": ")[0] for row in sheet_rows]
        assert len(sheets) == len(set(sheets)), sheet_rows
