"""What a methodologist checks before signing (issue 12, PEDAGOGY §8), over many programs.

For both seed cards, both cards of the Russian sample and every card of the three DOCX fixtures, at 16,
36, 72 and 144 academic hours and `auto`:

* no topic part, topic, session or module under its minimum (never 0 hours), and hours that add up;
* no outcome or topic text twice in one program; every item covered exactly once;
* no criterion sentence used for more than the share design data allows (``criteria.max_shape_share``,
  12 %); 2–4 criteria for every ability, one for every knowledge item, with questions for the assessor;
* every personal-competence outcome has its finite verb;
* no recognition-sheet criterion equals an outcome's text, and every item of a recognisable skill has a row.

The DOCX fixtures are read from ../shared/fixtures (never copied into the repository); those cases are
skipped where the folder is absent.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.design import plan_program
from generator.ingest import import_standard
from generator.standard.store import load_standard
from generator.workspace import Workspace
from generator.workspace.spec import ProgramSpec

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO.parent / "shared" / "fixtures" / "standards"
SOURCES = {
    "seed": REPO / "standard_data" / "M84120.kk.yaml",
    "sample": REPO / "tests" / "data" / "ru_sample_2023.txt",
    "2022A": FIXTURES / "ru_2022A_administrirovanie-baz-dannykh.docx",
    "2022B": FIXTURES / "ru_2022B_administrirovanie-graficheskikh-i-os.docx",
    "2019B": FIXTURES / "ru_2019B_vysokonagruzhennye-i-real-time.docx",
}
HOURS = (16, 36, 72, 144, "auto")


@pytest.fixture(scope="module")
def standards():
    loaded = {}
    for name, path in SOURCES.items():
        if path.is_file():
            loaded[name] = load_standard(path) if path.suffix == ".yaml" else import_standard(path)
    return loaded


def _cases() -> list:
    """A list, not a generator: pytest 9.2 refuses iterators in parametrize (a deprecation turned error)."""
    cases = []
    for name, path in SOURCES.items():
        marks = [] if name in ("seed", "sample") else [
            pytest.mark.skipif(not path.is_file(), reason=f"fixture not found at {path}")]
        cases.append(pytest.param(name, marks=marks, id=name))
    return cases


def _programs(standards, name):
    standard = standards[name]
    for card in standard.cards:
        for hours in HOURS:
            yield card, hours, plan_program(standard, ProgramSpec(card=card.code, hours=hours, year=2026))


@pytest.mark.parametrize("name", _cases())
def test_hours_never_under_their_minimum_and_add_up(standards, name):
    rules = Workspace.builtin().design["hours"]
    for card, hours, program in _programs(standards, name):
        where = (card.code, hours)
        if hours != "auto":
            assert program.total_hours == hours, where
        assert program.totals.total == program.total_hours == sum(s.hours for s in program.sessions), where
        assert program.final_assessment_hours >= 1, where
        for module in program.modules:
            assert module.hours.total >= 1, where
            assert module.hours.total == module.hours.theory + module.hours.practice + module.hours.assessment
            assert sum(t.hours.total for t in module.topics) + module.hours.assessment == module.hours.total, where
            for topic in module.topics:
                assert topic.hours.total == topic.hours.theory + topic.hours.practice, (where, topic.number)
                if topic.kind in ("theory", "integrated"):
                    assert topic.hours.theory >= rules["min_part_hours"], (where, topic.number)
                if topic.kind in ("practice", "integrated"):
                    assert topic.hours.practice >= rules["min_part_hours"], (where, topic.number)
        length = rules["session_hours"]  # sessions of a module: whole sessions, a leftover hour joins the last
        for module in program.modules + [None]:
            sizes = [s.hours for s in program.sessions if s.module_id == (module.id if module else "")]
            assert sizes and min(sizes) >= 1 and all(size == length for size in sizes[:-1]), (where, sizes)
            assert sizes[-1] < 2 * length, (where, sizes)


@pytest.mark.parametrize("name", _cases())
def test_no_text_twice_and_every_item_once(standards, name):
    for card, hours, program in _programs(standards, name):
        where = (card.code, hours)
        outcomes = [o.text for m in program.modules for o in m.outcomes]
        topics = [t.title for m in program.modules for t in m.topics]
        assert [t for t, n in Counter(outcomes + topics).items() if n > 1] == [], where
        items = [i.id for f in card.functions for s in f.skills for i in s.abilities + s.knowledge]
        assert sorted(row.item_id for row in program.coverage) == sorted(items), where
        assert program.coverage_percent == 100.0, where


@pytest.mark.parametrize("name", _cases())
def test_criteria_are_varied_and_fit_the_outcome(standards, name):
    settings = Workspace.builtin().design["criteria"]
    for card, hours, program in _programs(standards, name):
        where = (card.code, hours)
        shapes = program.criteria_shapes
        assert shapes.limit == settings["max_shape_share"] == 0.12
        assert shapes.share <= shapes.limit, (where, shapes)
        for module in program.modules:
            per_outcome = Counter(c.outcome_code for c in module.criteria)
            texts = [c.text for c in module.criteria]
            assert len(texts) == len(set(texts)), where  # no two outcomes of a module share a sentence
            for outcome in module.outcomes:
                if outcome.kind == "ability":
                    assert 2 <= per_outcome[outcome.code] <= 4, (where, outcome.code)
                else:
                    assert per_outcome[outcome.code] == 1, (where, outcome.code)
                    (criterion,) = [c for c in module.criteria if c.outcome_code == outcome.code]
                    assert 2 <= len(criterion.questions) <= 3, (where, outcome.code)
            assert all("{" not in c.text and c.text.lstrip("«\"")[:1].isupper() for c in module.criteria), where


@pytest.mark.parametrize("name", _cases())
def test_personal_outcomes_are_behaviour_with_a_verb(standards, name):
    for card, hours, program in _programs(standards, name):
        assert len(program.cross_cutting_outcomes) == len(card.personal_competencies)
        for outcome in program.cross_cutting_outcomes:
            assert outcome.verb and outcome.verb in outcome.text.split(), (card.code, outcome)
            assert outcome.text != outcome.competency and len(outcome.signs) == 3
            assert outcome.observed_in  # observed in practical tasks


@pytest.mark.parametrize("name", _cases())
def test_recognition_sheets_use_criteria_not_outcomes(standards, name):
    for card, hours, program in _programs(standards, name):
        outcomes = {o.text for m in program.modules for o in m.outcomes}
        criteria = {c.text for m in program.modules for c in m.criteria}
        recognisable = {s.id for f in card.functions for s in f.skills if s.recognition}
        assert {sheet.skill_id for sheet in program.assessment_sheets} == recognisable
        for sheet in program.assessment_sheets:
            assert not {row.text for row in sheet.rows} & outcomes
            assert {row.text for row in sheet.rows} <= criteria  # the program's own criteria
            skill = next(s for f in card.functions for s in f.skills if s.id == sheet.skill_id)
            assert {row.source_id for row in sheet.rows} == {i.id for i in skill.abilities + skill.knowledge}
            assert sheet.max_score == 2 * len(sheet.rows) and 0 < sheet.threshold < sheet.max_score
