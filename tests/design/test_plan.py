"""The design engine on the seed standard, through the library and `progen plan`."""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.design import plan_program
from generator.design.output import program_yaml
from generator.workspace.spec import ProgramSpec
from generator.standard.store import load_standard

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "standard_data" / "M84120.kk.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"
CARDS = ["1210-0-020", "3412-0-003"]
SHARED_ACTS = 5  # the five normative acts cited in the seed's knowledge items


def golden_view(program):
    """The plan without the activity library's texts in its session plans (they are library data, checked in
    tests/design/test_activities.py): which activity, in which stage, for how many minutes stays."""
    import dataclasses

    sessions = [dataclasses.replace(
        session, materials=[], preparation=[], debrief=[], tips=[], objectives=[o.code for o in session.objectives],
        observed=[o.code for o in session.observed],
        steps=[dataclasses.replace(step, steps=[s.minutes for s in step.steps], result="", online="")
               for step in session.steps]) for session in program.sessions]
    return dataclasses.replace(program, sessions=sessions)


@pytest.fixture(scope="module")
def seed():
    return load_standard(SEED)


@pytest.fixture(autouse=True)
def fixed_year(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01


def _plan(seed, **spec):
    return plan_program(seed, ProgramSpec(**spec))


@pytest.mark.parametrize("code", CARDS)
def test_every_item_of_the_card_is_covered_once(seed, code):
    program = _plan(seed, card=code)
    card = seed.card(code)
    expected = {i.id for f in card.functions for s in f.skills for i in s.abilities + s.knowledge}
    covered = [row.item_id for row in program.coverage]
    assert set(covered) == expected and len(covered) == len(expected)
    modules = {mo.id for mo in program.modules}
    assert all(row.module_id in modules for row in program.coverage)
    assert program.coverage_percent == 100.0 and program.warnings == []


@pytest.mark.parametrize("code", CARDS)
def test_shared_normative_acts_are_taught_once_in_the_legal_module(seed, code):
    program = _plan(seed, card=code)
    legal = program.modules[0]
    assert legal.kind == "legal" and legal.number == 1
    acts = {b.citation for b in program.bibliography if b.kind != "other" and b.item_ids}  # the standard's acts
    assert len(legal.outcomes) == len(acts)
    legal_items = {row.item_id for row in program.coverage if row.module_id == legal.id}
    for module in program.modules[1:]:
        texts = " ".join(o.text for o in module.outcomes)
        assert "Заң" not in texts and "қаулысы" not in texts and "бұйрығы" not in texts
        assert set(module.references) <= legal_items
        if module.references:
            assert module.reference_note


def test_the_five_shared_acts_appear_once_each(seed):
    programs = [_plan(seed, card=code) for code in CARDS]
    kinds = {b.kind for p in programs for b in p.bibliography}
    assert {"constitution", "law", "government_decree", "ministerial_order"} <= kinds
    three = programs[1]  # 3412-0-003 cites the law, decree No. 247 and order No. 444 in three functions
    assert len(three.modules[0].outcomes) == 3
    assert all(len(o.source_ids) == 3 for o in three.modules[0].outcomes)
    one = programs[0]
    assert len(one.modules[0].outcomes) == SHARED_ACTS


@pytest.mark.parametrize("code", CARDS)
@pytest.mark.parametrize("total", [8, 16, 24, 36, 37, 72, 144])
def test_hours_add_up_exactly_with_no_module_at_zero(seed, code, total):
    program = _plan(seed, card=code, hours=total)
    assert program.total_hours == total == sum(mo.hours.total for mo in program.modules)
    for module in program.modules:
        h = module.hours
        assert h.total >= 1 and h.theory + h.practice + h.assessment == h.total
        assert sum(t.hours for t in module.theory_topics) in (0, h.theory)
        assert sum(t.hours for t in module.practical_sessions) in (0, h.practice)
    assert program.totals.total == total
    assert sum(s.hours for s in program.sessions) == total


@pytest.mark.parametrize("code", CARDS)
def test_methods_and_assessment_match_bloom_levels(seed, code):
    from generator.workspace import Workspace

    table = Workspace.builtin().design["kk"]
    for module in _plan(seed, card=code).modules:
        assert module.methods and module.assessment
        for outcome in module.outcomes:
            assert outcome.bloom in table["methods_by_bloom"]
            assert set(table["methods_by_bloom"][outcome.bloom]) <= set(module.methods)
            assert set(table["assessment_by_bloom"][outcome.bloom]) <= set(module.assessment)
        assert [c.outcome_code for c in module.criteria] == [o.code for o in module.outcomes]


def test_one_skill_gives_a_short_course_with_its_items_only(seed):
    program = _plan(seed, card="3412-0-003", skills=["F1/S1"])
    assert program.total_hours == 16
    skill = seed.card("3412-0-003").functions[0].skills[0]
    ids = {i.id for i in skill.abilities + skill.knowledge}
    assert {row.item_id for row in program.coverage} == ids
    assert program.modules[0].kind == "legal"  # the three acts this skill needs
    assert {b.kind for b in program.bibliography if b.kind != "other"} == {"law", "government_decree", "ministerial_order"}
    assert program.title == skill.title
    no_law = _plan(seed, card="3412-0-003", skills=["3412-0-003/F2/S1"], hours=16)
    assert [mo.kind for mo in no_law.modules] == ["skill"]


def test_personal_competencies_become_cross_cutting_outcomes(seed):
    program = _plan(seed, card="3412-0-003")
    assert [o.text for o in program.cross_cutting_outcomes][:2] == ["бастамашылық", "жауапкершілік"]
    assert len(program.assessment_sheets) == 4
    sheet = program.assessment_sheets[1]
    assert len(sheet.criteria) == 4 + 3


@pytest.mark.parametrize("spec, message", [
    (dict(card="9999-9-999"), "valid cards: 1210-0-020, 3412-0-003"),
    (dict(card="3412-0-003", skills=["F9/S1"]), "unknown skill or function 'F9/S1'"),
    (dict(card="3412-0-003", hours=3), "fewer than the 5 modules"),
    (dict(card="3412-0-003", hours=-4), "hours: must be a positive number"),
    (dict(card="3412-0-003", skills=[]), "the selection is empty"),
    (dict(card="3412-0-003", kinds=["programme"]), "valid kinds: program, outline, assessment"),
])
def test_bad_spec_input_names_the_field_and_the_choices(seed, spec, message):
    from generator.exceptions import SpecError

    with pytest.raises(SpecError, match=message.replace("(", r"\(")):
        _plan(seed, **spec)


def test_misspelt_spec_key_is_reported_with_line(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"standard: {SEED}\ncard: 3412-0-003\nhuors: 16\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["plan", str(spec)])
    assert result.exit_code == 1
    assert "spec.yaml:3: huors: unknown key 'huors' (did you mean 'hours'?)" in result.output
    assert "Traceback" not in result.output


def test_plan_cli_json_has_the_documented_keys(tmp_path):
    result = CliRunner().invoke(main, ["plan", "--standard", str(SEED), "--card", "3412-0-003", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total_hours"] == 72
    module = data["modules"][1]
    assert set(module["hours"]) == {"total", "theory", "practice", "assessment"}
    assert {"id", "title", "outcomes", "methods", "assessment"} <= set(module)
    assert {"text", "source_ids", "bloom"} <= set(module["outcomes"][0])
    assert {"item_id", "module_id", "outcome"} <= set(data["coverage"][0])
    first = data["sessions"][0]  # the session plans travel with the plan
    assert first["minutes"] == 90 == sum(step["minutes"] for step in first["steps"])
    assert first["steps"][0]["activity_id"] == "opening.intro_expectations_agreement"
    assert {"objectives", "materials", "preparation", "debrief", "evidence", "day"} <= set(first)
    assert {"explanatory_note", "methods_used", "conditions", "calendar", "feedback_form"} <= set(data)


def test_plan_output_is_deterministic():
    args = ["plan", "--standard", str(SEED), "--card", "1210-0-020", "--hours", "37"]
    first, second = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert first.exit_code == 0 and first.output == second.output


def test_plan_cli_needs_a_spec_or_standard_and_card():
    result = CliRunner().invoke(main, ["plan", "--card", "3412-0-003"])
    assert result.exit_code == 2 and "give a SPEC file" in result.output


@pytest.mark.parametrize("code", CARDS)
def test_golden_plans(seed, code):
    """Regenerate with: UPDATE_GOLDEN=1 python -m pytest tests/design -k golden"""
    golden = GOLDEN / f"plan_{code}.yaml"
    text = program_yaml(golden_view(_plan(seed, card=code)))
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
