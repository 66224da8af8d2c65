"""The design engine on the seed standard, through the library and `progen plan`."""
import json
import os
import re
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
        assert {r.item_id for r in module.references} <= legal_items | {row.item_id for row in program.coverage}
        if module.references:
            assert module.reference_note
            assert all(r.note == f"{r.topic}-тақырыпты қараңыз" for r in module.references)
    assert legal.topics[-1].kind == "practice" and legal.topics[-1].task.endswith("(кейс)")  # a case on the acts
    assert legal.hours.practice >= 1


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
@pytest.mark.parametrize("total", [16, 24, 36, 37, 72, 144])
def test_hours_add_up_exactly_with_no_module_at_zero(seed, code, total):
    program = _plan(seed, card=code, hours=total)
    assert program.total_hours == total == sum(mo.hours.total for mo in program.modules) + program.final_assessment_hours
    for module in program.modules:
        h = module.hours
        assert h.total >= 1 and h.theory + h.practice + h.assessment == h.total
        assert sum(t.hours.theory for t in module.topics) == h.theory
        assert sum(t.hours.practice for t in module.topics) == h.practice
        assert all(t.hours.total >= 1 for t in module.topics)
    assert program.totals.total == total
    assert sum(s.hours for s in program.sessions) == total


@pytest.mark.parametrize("code, modules", [("1210-0-020", 4), ("3412-0-003", 5)])
def test_too_few_hours_are_refused_with_the_hours_needed(seed, code, modules):
    from generator.exceptions import SpecError

    with pytest.raises(SpecError, match=rf"cannot hold the {modules} modules of this program even with one topic each; "
                                        r"give at least \d+ hours"):
        _plan(seed, card=code, hours=8)


def test_short_totals_merge_topics_and_warn_with_the_recommended_hours(seed):
    program = _plan(seed, card="1210-0-020", hours=16)
    assert any("тақырып біріктірілді" in w and f"{program.recommended_hours} академиялық сағат" in w
               for w in program.warnings)
    full = _plan(seed, card="1210-0-020", hours=72)
    assert sum(len(m.topics) for m in program.modules) < sum(len(m.topics) for m in full.modules)


def test_auto_hours_come_from_content_and_level_and_the_plan_says_how(seed):
    program = _plan(seed, card="3412-0-003", hours="auto")
    assert program.total_hours == program.recommended_hours and program.total_hours % 2 == 0
    assert program.hours_basis.startswith("Бағдарламаның көлемі мазмұннан есептелді:")
    assert f"— {program.total_hours} академиялық сағат." in program.hours_basis
    level6 = _plan(seed, card="1210-0-020", hours="auto")
    assert "коэффициенті 1,15" in level6.hours_basis


def test_assessment_hours_scale_with_the_tasks(seed):
    program = _plan(seed, card="3412-0-003", hours=144)
    for module in program.modules:
        minutes = sum(task.minutes for task in module.assessment_tasks)
        assert module.hours.assessment == min(-(-minutes // 45), max(1, int(0.2 * module.hours.total)))


@pytest.mark.parametrize("code", CARDS)
def test_methods_follow_bloom_and_assessment_follows_the_tasks(seed, code):
    from generator.workspace import Workspace

    table = Workspace.builtin().design["kk"]
    for module in _plan(seed, card=code).modules:
        assert module.methods and module.assessment
        for outcome in module.outcomes:
            if outcome.kind == "knowledge":
                assert set(table["methods_by_bloom"][outcome.bloom]) <= set(module.methods)
        assert {t.task_form for t in module.topics if t.task_form} <= set(module.methods)
        assert module.assessment == list(dict.fromkeys(task.form for task in module.assessment_tasks))
        assert "тест" not in module.assessment  # no test without questions: knowledge by oral questions
        codes = [o.code for o in module.outcomes]
        assert sorted({c.outcome_code for c in module.criteria}, key=codes.index) == codes


def test_topics_join_knowledge_to_the_practice_that_uses_it(seed):
    program = _plan(seed, card="3412-0-003")
    module = program.modules[2]  # 3-модуль: Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу
    integrated = [t for t in module.topics if t.kind == "integrated"]
    assert integrated and all(t.task and t.content for t in integrated)
    materials = next(t for t in module.topics if t.title.startswith("Дайын білім беру материалдарын"))
    assert materials.content == ["Бейресми білім беру әдістері"]
    assert materials.task.endswith("(практикум)")
    for topic in (t for m in program.modules for t in m.topics):
        assert "қабілеті" not in topic.title and "№" not in topic.title and "жылғы" not in topic.title


def test_an_item_two_skills_have_is_taught_once_and_referenced(seed):
    program = _plan(seed, card="3412-0-003")
    f4 = program.modules[4]
    references = {r.item_id: r for r in f4.references}
    data = references["3412-0-003/F4/S1/A2"]  # = F3/S1/A2 «Ақпаратты/деректерді жинау, өңдеу және талдау дағдылары»
    assert data.taught_item == "3412-0-003/F3/S1/A2" and data.topic.startswith("4.")
    assert data.note == f"{data.topic}-тақырыпты қараңыз"
    assert "ақпаратты/деректерді" not in " ".join(o.text for o in f4.outcomes)
    row = next(r for r in program.coverage if r.item_id == "3412-0-003/F4/S1/A2")
    assert row.module_id == "M4" and row.topic == data.topic
    director = _plan(seed, card="1210-0-020")
    texts = [o.text for m in director.modules for o in m.outcomes]
    assert texts.count("ЖРО қызметі мен мамандану ерекшеліктерін біледі") == 1  # was three times


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


def test_personal_competencies_become_behaviour(seed):
    program = _plan(seed, card="3412-0-003")
    assert [o.text for o in program.cross_cutting_outcomes][:2] == [
        "топтық жұмыста бастамашылық танытады", "өз жұмысының нәтижесі үшін жауапкершілік алады"]
    assert [o.code for o in program.cross_cutting_outcomes][:2] == ["ОН Ж1", "ОН Ж2"]
    assert all(o.source == "lexicon" and len(o.signs) == 3 for o in program.cross_cutting_outcomes)
    assert len(program.assessment_sheets) == 4
    sheet = program.assessment_sheets[1]
    assert [row.number for row in sheet.rows if row.group] == ["1.1", "2.1", "3.1", "4.1", "Б.1", "Б.2", "Б.3"]
    assert sheet.max_score == 2 * len(sheet.rows) and sheet.threshold == round(sheet.max_score * 0.67)


@pytest.mark.parametrize("spec, message", [
    (dict(card="9999-9-999"), "valid cards: 1210-0-020, 3412-0-003"),
    (dict(card="3412-0-003", skills=["F9/S1"]), "unknown skill or function 'F9/S1'"),
    (dict(card="3412-0-003", hours=3), "fewer than the 5 modules"),
    (dict(card="3412-0-003", hours=-4), "hours: must be a positive number"),
    (dict(card="3412-0-003", hours="a lot"), "hours: must be a positive number of academic hours or 'auto'"),
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
    data = json.loads(result.stdout)
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


def test_plan_prints_the_largest_share_of_one_criterion_sentence():
    result = CliRunner().invoke(main, ["plan", "--standard", str(SEED), "--card", "1210-0-020", "--hours", "auto"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stderr.splitlines() if line.startswith("criteria:"))
    assert re.fullmatch(r"criteria: \d+; the most used sentence \([\w.]+\) is used \d+ times, \d+\.\d% of the criteria "
                        r"\(limit 12%\)", line), line
    assert "hours_basis:" in result.stdout and "мазмұннан есептелді" in result.stdout
    bad = CliRunner().invoke(main, ["plan", "--standard", str(SEED), "--card", "1210-0-020", "--hours", "many"])
    assert bad.exit_code == 2 and "'many' is neither a whole number of academic hours nor 'auto'" in bad.output


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


def test_hours_auto_in_a_spec_file_and_in_programs_yaml(tmp_path):
    from generator.workspace.manifest import load_manifest
    from generator.workspace import Workspace

    spec = tmp_path / "spec.yaml"
    spec.write_text(f"standard: {SEED}\ncard: 3412-0-003\nhours: auto\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["plan", str(spec)])
    assert result.exit_code == 0, result.output
    assert "мазмұннан есептелді" in result.stdout
    spec.write_text(f"standard: {SEED}\ncard: 3412-0-003\nhours: lots\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["plan", str(spec)])
    assert result.exit_code == 1 and "hours: must be a positive number of academic hours or 'auto', got 'lots'" in \
        result.output
    (tmp_path / "programs.yaml").write_text("targets:\n  - card: 3412-0-003\n    hours: auto\n", encoding="utf-8")
    workspace = Workspace.builtin()
    manifest = load_manifest(tmp_path, workspace.languages, workspace.kinds)
    assert manifest.targets[0].hours == "auto"
    (tmp_path / "programs.yaml").write_text("targets:\n  - card: 3412-0-003\n    hours: [1]\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"programs.yaml:3: targets\[0\].hours: expected a whole number or text"):
        load_manifest(tmp_path, workspace.languages, workspace.kinds)
