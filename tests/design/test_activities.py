"""The activity library: built-in data, selection helpers, workspace additions and changes, and
the problem messages a methodologist sees."""
import re

import pytest

from generator.design.activities import CONTENT_KINDS, EVIDENCE_KINDS, PHASES, PLACEMENTS, load_library
from generator.design.activity_show import activity_terms, list_table, show_text
from generator.exceptions import ActivityDataError
from generator.language import BLOOM_LEVELS
from generator.languages import builtin_codes
from generator.workspace import Workspace

LANGUAGES = builtin_codes()


@pytest.fixture(scope="module")
def library():
    return load_library(None)


def test_the_built_in_library_has_every_phase_and_at_least_forty_activities(library):
    assert len(library) >= 40
    assert {a.phase for a in library} == set(PHASES)
    assert all(library.sources[a.id] == "built-in" for a in library)
    assert [a.phase for a in library] == sorted((a.phase for a in library), key=PHASES.index)


def test_kazakh_texts_name_the_profession_as_the_standard_does(library):
    """«жастар жұмысшысы» is a calque of "youth worker"; the standard's profession is «жастармен жұмыс
    жөніндегі маман» (it stood in «Сарапшымен кездесу»)."""
    for a in library:
        texts = a.text("kk")
        whole = " ".join([texts.name, texts.preparation, texts.online, *texts.materials, *texts.debrief,
                          *(f"{step.title} {step.text}" for step in texts.steps)])
        assert "жастар жұмысшы" not in whole.lower(), a.id


def test_every_activity_has_every_field_in_both_languages(library):
    for a in library:
        assert a.minutes.min <= a.minutes.default <= a.minutes.max, a.id
        assert sum(a.step_minutes) == a.minutes.default, a.id
        for lang in LANGUAGES:
            texts = a.text(lang)
            assert texts.name and texts.preparation and texts.online and texts.materials, (a.id, lang)
            assert 3 <= len(texts.steps) <= 6 and len(texts.steps) == len(a.step_minutes), (a.id, lang)
            assert len(texts.debrief) == 3 and all(q.endswith("?") for q in texts.debrief), (a.id, lang)
            assert not a.evidence or texts.result, (a.id, lang)


def test_worked_example_a_micro_session_is_reproduced(library):
    a = library.get("practice.micro_session")
    assert (a.phase, a.bloom, a.content_kinds) == ("practice", ["apply", "evaluate", "create"],
                                                   ["procedure", "communication", "planning"])
    assert (a.minutes.min, a.minutes.default, a.minutes.max) == (60, 62, 120)
    assert (a.group.min, a.group.max) == (6, 16)
    assert a.step_minutes == [2, 18, 30, 9, 3]  # 2 + 18 + 3 pairs × (10 + 3) + 3 = 62
    assert [s.title for s in a.kk.steps] == ["Нұсқау", "Жоспарлау", "Өткізу", "Кері байланыс", "Жоспарды жетілдіру"]
    assert a.ru.name == "Учебная мини-сессия" and a.kk.name == "Шағын оқыту сессиясы"
    assert a.kk.debrief[2] == "Осы тәжірибеден жастармен өткізетін келесі іс-шараңызға қандай бір ережені аласыз?"


def test_worked_example_b_opening_is_first_session_only(library):
    b = library.get("opening.intro_expectations_agreement")
    assert (b.minutes.min, b.minutes.default, b.minutes.max, b.group.min, b.group.max) == (30, 45, 60, 8, 25)
    assert b.placement == "first_session" and set(b.content_kinds) == set(CONTENT_KINDS)
    assert [s.title for s in b.ru.steps][:2] == ["«Линия опыта»", "«Дерево ожиданий»"]
    assert b.id not in [a.id for a in library.select("opening", session="middle")]
    assert b.id in [a.id for a in library.select("opening", session="first")]


@pytest.mark.parametrize("activity_id, minutes, used", [
    ("opening.memorable_lesson", (5, 10), 5),
    ("input.mini_lecture", (5, 20), 7),
    ("practice.micro_session", (60, 120), 62),
    ("reflection.circle", (10, 20), 11),
    ("evaluation.exit_ticket", (3, 10), 5),
])
def test_the_example_session_plan_fits_the_library_ranges(library, activity_id, minutes, used):
    """PEDAGOGY_EXAMPLES §2: 5 + 7 + 62 + 11 + 5 = 90, each within its activity's range."""
    a = library.get(activity_id)
    assert (a.minutes.min, a.minutes.max) == minutes
    steps = a.steps_for(used)
    assert sum(steps) == used and min(steps) >= 1


def test_steps_scale_to_any_minutes_in_range_and_add_up_exactly(library):
    for a in library:
        for minutes in range(a.minutes.min, a.minutes.max + 1):
            steps = a.steps_for(minutes)
            assert sum(steps) == minutes and len(steps) == len(a.step_minutes) and min(steps) >= 1, (a.id, minutes)
    with pytest.raises(ActivityDataError, match="outside its range 60–120"):
        library.get("practice.micro_session").steps_for(45)


@pytest.mark.parametrize("kind", CONTENT_KINDS)
@pytest.mark.parametrize("phase, minutes", [("input", 20), ("practice", 60), ("reflection", 15),
                                            ("assessment", 45), ("evaluation", 10)])
def test_every_content_kind_finds_activities_in_every_core_phase(library, kind, phase, minutes):
    chosen = library.select(phase, content_kind=kind, minutes=minutes, group_size=12)
    assert chosen, (phase, kind)
    assert all(kind in a.content_kinds and a.minutes.min <= minutes for a in chosen)


def test_role_play_is_never_chosen_for_digital_content(library):
    assert "digital" in library.get("practice.role_play").not_for
    for bloom in BLOOM_LEVELS:
        ids = [a.id for a in library.select("practice", bloom=bloom, content_kind="digital")]
        assert "practice.role_play" not in ids and "practice.simulation" not in ids
    assert "practice.guided_practice" in [a.id for a in library.select("practice", content_kind="digital")]


def test_select_ranks_by_bloom_and_honours_exclude_group_and_placement(library):
    best = library.select("practice", bloom="create", content_kind="planning")[0]
    assert "create" in best.bloom
    remembered = library.select("assessment", bloom="remember")
    assert "remember" in remembered[0].bloom
    ids = [a.id for a in library.select("practice", content_kind="planning", exclude=[best.id])]
    assert best.id not in ids and ids
    assert all(a.group.min <= 40 <= a.group.max for a in library.select("practice", group_size=40))
    assert "opening.recap_carousel" not in [a.id for a in library.select("opening", session="first")]
    assert "evaluation.feedback_form" in [a.id for a in library.select("evaluation", session="last")]
    assert "evaluation.feedback_form" not in [a.id for a in library.select("evaluation", session="middle")]
    with pytest.raises(ActivityDataError, match="unknown phase 'warmup'"):
        library.select("warmup")


def test_every_machine_value_has_a_label_in_every_language():
    workspace = Workspace.builtin()
    stages = {slot["stage"] for slot in workspace.design["sessions"]["cycle"]} | {"energiser", "closing"}
    for lang in workspace.languages:
        terms = activity_terms(workspace, lang)
        assert set(terms["phases"]) == set(PHASES)
        assert set(terms["bloom"]) == set(BLOOM_LEVELS)
        assert set(terms["content_kinds"]) == set(CONTENT_KINDS)
        assert set(terms["evidence"]) == set(EVIDENCE_KINDS)
        assert set(terms["placement"]) == set(PLACEMENTS)
        assert set(workspace.labels(lang)["session_stages"]) == stages


def test_names_are_unique_and_russian_texts_hold_no_kazakh_letters(library):
    for lang in LANGUAGES:
        names = [a.name(lang) for a in library]
        assert len(names) == len(set(names))
    kazakh = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
    for a in library:
        texts = a.ru
        every = [texts.name, texts.preparation, texts.online, *texts.materials, *texts.debrief,
                 *(s.text for s in texts.steps), *(texts.tips or [])]
        assert not [t for t in every if kazakh.search(t)], a.id


def test_list_and_show_are_readable(library):
    workspace = Workspace.builtin()
    table = list_table(library, "kk", activity_terms(workspace, "kk"), "practice")
    assert "Практика (practice)" in table and "practice.micro_session" in table and "60–120 (62)" in table
    assert "Ашылу" not in table
    text = show_text(library.get("practice.micro_session"), "ru", activity_terms(workspace, "ru"))
    assert "Шаги:" in text and "1. Инструктаж (2 мин)." in text and "Вопросы для обсуждения:" in text
    assert "Онлайн-вариант:" in text and "Доказательства для оценки: продукт, наблюдение" in text
