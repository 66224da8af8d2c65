"""The program's delivery sections (PEDAGOGY.md §2): explanatory note, organisation and methods as used,
conditions, calendar schedule, evaluation, feedback form, literature, developers and reviewers — in kk and
ru, from the spec, the card and the session plans."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.design import plan_program
from generator.design.program_sections import number_list
from generator.exceptions import SpecError
from generator.standard.store import load_standard
from generator.workspace.spec import PersonSpec, ProgramSpec, ProviderSpec, load_spec

SEED = Path(__file__).resolve().parents[2] / "standard_data" / "M84120.kk.yaml"


@pytest.fixture(scope="module")
def seed():
    return load_standard(SEED)


def test_explanatory_note_says_basis_purpose_audience_delivery_law_recognition_and_result(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    note = " ".join(program.explanatory_note)
    for expected in ("«Мемлекеттік жастар саясаты саласындағы қызмет» кәсіптік стандартының (М84120)",
                     "«Мемлекеттік жастар саясатын іске асыру, жастарға қызмет көрсету»",  # the card's purpose
                     "Бағдарламаның нысаналы тобы: «Жастармен жұмыс жөніндегі маман» кәсібі бойынша",
                     "Оқыту нысаны — күндізгі", f"72 академиялық сағат ({len(program.sessions)} сабақ)",
                     "2 академиялық сағат (90 минут)", "Оқыту тілі — қазақ тілі", "«Білім туралы»",
                     "«Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу»",  # a recognisable skill
                     "Қорытынды бағалаудан өткен қатысушыға бейресми білім беру бағдарламасы бойынша"):
        assert expected in note, expected
    assert "{" not in note


def test_russian_sections_read_in_russian(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003", language="ru", format="смешанный"))
    note = " ".join(program.explanatory_note)
    assert "Форма обучения — смешанная" in note  # PEDAGOGY §7: «форма», agreeing with it and f"({len(program.sessions)} занят" in note
    assert "2 академических часа (90 минут)" in note and "Язык обучения — русский язык" in note
    assert program.calendar[0].label == "День 1" and program.feedback_form.title == "Анкета обратной связи участника"
    assert program.organisation[0].startswith("Обучение построено на цикле обучения через опыт")


def test_methods_are_the_activities_used_with_where_and_how_long(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    used = {step.activity_id for s in program.sessions for step in s.steps}
    assert len(program.methods_used) == len(used)
    micro = next(m for m in program.methods_used if m.name == "Шағын оқыту сессиясы")
    sessions = [s.number for s in program.sessions if any(st.activity_id == "practice.micro_session" for st in s.steps)]
    minutes = sum(st.minutes for s in program.sessions for st in s.steps if st.activity_id == "practice.micro_session")
    assert micro.minutes == minutes and micro.sessions.startswith(number_list(sessions))
    assert micro.how.startswith("Нұсқау → Жоспарлау → Өткізу")
    assert number_list([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7, 8"


def test_conditions_gather_equipment_from_the_chosen_activities_and_the_trainer_from_the_card(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    conditions = program.conditions
    assert "кемінде 20 қатысушыға" in conditions.room[0]  # the group's maximum, 12–20
    assert any(item.startswith("флипчарт") for item in conditions.equipment)
    assert conditions.trainer[0] == ("білімі кәсіп карточкасындағы талаптан төмен емес: кәсіптік-техникалық білім; "
                                     "мамандықтар: 02 Өнер және гуманитарлық ғылымдар; 03 Әлеуметтік ғылымдар және "
                                     "ақпарат; 04 Бизнес, басқару және құқық")
    assert "«Жастармен жұмыс жөніндегі маман» кәсібі саласында" in conditions.trainer[1]
    assert conditions.accessibility and not any(item.endswith((".", ";")) for item in conditions.room)


def test_calendar_from_a_start_date_skips_to_teaching_days(seed):
    spec = ProgramSpec(card="3412-0-003", start_date="2026-09-12", sessions_per_day=4, days_per_week=5)
    program = plan_program(seed, spec)  # 12.09.2026 is a Saturday
    assert program.calendar[0].date == "14.09.2026" and program.calendar[5].date == "21.09.2026"
    assert [len(d.sessions) for d in program.calendar[:-1]] == [4] * (len(program.calendar) - 1)
    assert sum(d.hours for d in program.calendar) == program.total_hours
    assert program.sessions[4].day == 2 and program.sessions[4].date == "15.09.2026"
    assert any("not one of the 5 teaching days" in warning for warning in program.warnings)
    assert program.calendar_note[1] == "Оқудың басталу күні: 14.09.2026."
    without = plan_program(seed, ProgramSpec(card="3412-0-003"))
    assert [d.label for d in without.calendar[:2]] == ["1-күн", "2-күн"] and not without.calendar[0].date


def test_a_spec_start_date_is_checked(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text("card: 3412-0-003\nstart_date: 14.09.2026\nsessions_per_day: 9\n", "utf-8")
    from generator.workspace import Workspace
    from generator.workspace.spec import check_basic

    with pytest.raises(SpecError) as caught:
        check_basic(load_spec(path), Workspace.builtin().languages)
    assert "start_date: expected a date like 2026-09-14, got '14.09.2026'" in str(caught.value)
    assert "sessions_per_day: expected 1–6 sessions, got 9" in str(caught.value)
    path.write_text("card: 3412-0-003\nstart_date: 2026-09-14\n", "utf-8")  # a YAML date
    assert str(load_spec(path).start_date) == "2026-09-14"


def test_developers_and_reviewers_come_from_the_spec(seed):
    provider = ProviderSpec(developers=[PersonSpec(name="Б. Сейітова", position="әдіскер")],
                            reviewers=[PersonSpec(name="Д. Ахметов")])
    program = plan_program(seed, ProgramSpec(card="3412-0-003", provider=provider))
    assert [(p.name, p.position) for p in program.provider.developers] == [("Б. Сейітова", "әдіскер")]
    assert [(p.name, p.position) for p in program.provider.reviewers] == [("Д. Ахметов", "")]
    assert plan_program(seed, ProgramSpec(card="3412-0-003")).provider.developers == []


def test_literature_joins_the_law_to_the_acts_and_lists_the_curated_titles(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    acts = [r.citation for r in program.bibliography if r.kind != "other"]
    assert any("№ 319-III" in act for act in acts)  # the law on education, by legal force among the acts
    other = [r.citation for r in program.bibliography if r.kind == "other"]
    assert other[0].startswith("«Мемлекеттік жастар саясаты саласындағы қызмет» кәсіптік стандарты")
    assert any("T-Kit 6" in c for c in other) and any("Kolb" in c for c in other)
    assert [r.number for r in program.bibliography] == list(range(1, len(program.bibliography) + 1))


def test_the_feedback_form_and_evaluation_come_from_the_language_pack(seed):
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    form = program.feedback_form
    assert form.title == "Қатысушының кері байланыс парағы" and form.scale == [1, 2, 3, 4, 5]
    assert f"«{program.title}»" in form.intro and len(form.rating_questions) == 9
    assert form.fields[1] == "Оқыту нысаны (күндізгі, онлайн, аралас)"  # one field, commas and all
    assert len(program.evaluation) >= 3
