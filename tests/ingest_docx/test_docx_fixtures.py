"""The three real standards in ../shared/fixtures/standards import with exactly their content.

Every number and title below was established by reading the documents (their text dumped with
python-docx, paragraph by paragraph, cell by cell), not taken from the importer. Notes on reading:

* 2022A («Администрирование баз данных», layout A) is one table; the card is repeated for ОРК
  levels 4, 5 and 6 under the same group code 2139 and no card code. Items are Word auto-numbered
  with a few typed numbers mixed in (L5 F1 ability 5, L5 F2 all typed 1–10 then an unnumbered
  knowledge item «Языки запросов к БД.», L5 F6 typed 1 then auto-numbered 2–3, L6 F5 typed 1–3 then
  an unnumbered 4th), and items broken over two paragraphs («…резервного» / «копирования…»).
* 2022B («Администрирование графических и операционных систем», layout B): two professions, each
  card repeated for levels 5 and 6 with the same code (2523-0-001, 2523-0-004). Labels with and
  without colons («Умения» / «Умения:»), a bare number «1 Типы использования ресурсов».
* 2019B («Разработка высоконагруженных и real-time приложений», layout B): three new professions
  without codes («Новая профессия»), cards per level (5–7, 5–6, 5–6), «Задача1:» without a space, a
  bulleted «Задача 2:» heading, and two ability paragraphs that run the next item on («…языки
  программирования 3. Документировать …», «…оборудования2. Использовать …»): each such run-on is
  a separate ability (so the L6 and L7 cards have one ability more than their paragraphs).
"""
from __future__ import annotations

import pytest
from docx_testlib import FIXTURES

from generator.ingest import import_standard
from generator.standard.lint import lint_standard

A_2022 = FIXTURES / "ru_2022A_administrirovanie-baz-dannykh.docx"
B_2022 = FIXTURES / "ru_2022B_administrirovanie-graficheskikh-i-os.docx"
B_2019 = FIXTURES / "ru_2019B_vysokonagruzhennye-i-real-time.docx"

pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")

DB_F = ["Установка и настройка ПО", "Обеспечение функционирования БД",
        "Мониторинг и управление резервным копированием БД", "Обеспечение ИБ БД",
        "Анализ и настройка производительности СУБД", "Обеспечение бесперебойной работы СУБД",
        "Управление развитием БД"]
# card code, profession, level, [(function title, abilities, knowledge)] — one implicit skill each
EXPECTED_2022A = [
    ("2139-P1-L4", "Администратор баз данных", "4",
     [(DB_F[0], 4, 3), (DB_F[1], 5, 4), (DB_F[2], 2, 4), (DB_F[4], 1, 1)]),
    ("2139-P1-L5", "Администратор баз данных", "5",
     [(DB_F[0], 5, 6), (DB_F[1], 10, 6), (DB_F[2], 6, 5), (DB_F[3], 4, 5), (DB_F[4], 3, 4), (DB_F[5], 3, 3),
      (DB_F[6], 2, 4)]),
    ("2139-P1-L6", "Администратор баз данных", "6",
     [(DB_F[0], 6, 8), (DB_F[1], 6, 5), (DB_F[2], 3, 4), (DB_F[3], 4, 5), (DB_F[4], 4, 3), (DB_F[5], 4, 4),
      (DB_F[6], 5, 3)]),
]

GS_F = ["Установка и сопровождение графических систем", "Обеспечение бесперебойной работы ГС"]
GS_S = ["Конфигурирование, внесения изменений, удаления ГС",
        "Сопровождение графических систем (программную и аппаратную часть)",
        "Управление и контроль производительностью аппаратно-программной части ГС",
        "Мониторинг производительности работы ГС, эксплуатация и поддержка ГС"]
OS_F = ["Установка и сопровождение операционных систем",
        "Определение системных данных операционной системы для взаимодействия с аппаратными компонентами"]
OS_S = ["Обеспечение бесперебойной работы операционной системы", "Анализ и мониторинг работы ОС",
        "Управление сервисными программами и оборудованиям", "Использование возможностей ОС"]
# card code, profession, level, [(function title, [(task title, abilities, knowledge)])]
EXPECTED_2022B = [
    ("2523-0-001-L5", "Администратор графических систем", "5",
     [(GS_F[0], [(GS_S[0], 2, 3), (GS_S[1], 3, 3)]), (GS_F[1], [(GS_S[2], 3, 2), (GS_S[3], 4, 3)])]),
    ("2523-0-001-L6", "Администратор графических систем", "6",
     [(GS_F[0], [(GS_S[0], 4, 5), (GS_S[1], 4, 4)]), (GS_F[1], [(GS_S[2], 3, 4), (GS_S[3], 5, 2)])]),
    ("2523-0-004-L5", "Администратор операционных систем", "5",
     [(OS_F[0], [(OS_S[0], 4, 4), (OS_S[1], 5, 3)]), (OS_F[1], [(OS_S[2], 4, 3), (OS_S[3], 5, 3)])]),
    ("2523-0-004-L6", "Администратор операционных систем", "6",
     [(OS_F[0], [(OS_S[0], 4, 3), (OS_S[1], 3, 2)]), (OS_F[1], [(OS_S[2], 4, 2), (OS_S[3], 4, 4)])]),
]

HL = "Специалист по разработке высоконагруженных приложений"
RT = "Специалист по разработке real-time приложений"
GO = "Разработчик на языке GO"
HL_F = ["Проектирование и разработка высоконагруженных систем",
        "Администрирование и эксплуатация программно –аппаратной части высоконагруженных систем"]
HL_S2 = "Разработка интерфейса и тестирование высоконагруженных приложений"
HL_S3 = "Эксплуатация высоконагруженных приложений"
HL_S4 = "Мониторинг проблем возникающихнавыскоконагруженныхсистемах и приложениях и их оптимизация"
RT_F = ["Проектирование иразработкаприложенияреальноговремени",
        "Верификация, тестирование , ввод в эксплуатацию приложения реального времени"]
RT_S = ["Создание приложения реального времени", "Компиляция приложений реального времени",
        "Отладка программного кода приложения", "Средства мониторинга систем реального времени"]
GO_F = ["Разработка сетевых компонентов приложения", "Программирование бэкенда и фронтэнда программного обеспечения"]
GO_S = ["Программирование задач и подзадач", "Реализация параллельного вычисления",
        "СредствоинтеграцииAPI и интерфейсов", "Развертка Go-приложения"]


def _hl(db_title, counts):
    return [(HL_F[0], [(db_title, *counts[0]), (HL_S2, *counts[1])]),
            (HL_F[1], [(HL_S3, *counts[2]), (HL_S4, *counts[3])])]


def _two_by_two(functions, skills, counts):
    return [(functions[0], [(skills[0], *counts[0]), (skills[1], *counts[1])]),
            (functions[1], [(skills[2], *counts[2]), (skills[3], *counts[3])])]


EXPECTED_2019B = [
    ("0000-P1-L5", HL, "5", _hl("Разработка и управлением БДв высоконагруженных системах",
                                [(3, 4), (4, 3), (3, 3), (5, 3)])),
    ("0000-P1-L6", HL, "6", _hl("Разработка и управлением БДв высоконагруженных системах",
                                [(4, 5), (5, 4), (5, 3), (5, 2)])),
    ("0000-P1-L7", HL, "7", _hl("Разработка и управлением БД в высоконагруженных системах",
                                [(4, 4), (4, 3), (4, 3), (3, 4)])),
    ("0000-P2-L5", RT, "5", _two_by_two(RT_F, RT_S, [(4, 4), (5, 3), (2, 3), (3, 4)])),
    ("0000-P2-L6", RT, "6", _two_by_two(RT_F, RT_S, [(6, 2), (4, 3), (5, 4), (3, 3)])),
    ("0000-P3-L5", GO, "5", _two_by_two(GO_F, GO_S, [(3, 4), (3, 4), (6, 4), (5, 3)])),
    ("0000-P3-L6", GO, "6", _two_by_two(GO_F, GO_S, [(5, 5), (2, 4), (4, 4), (3, 4)])),
]


def _structure_b(standard):
    return [(card.code, card.name, card.level,
             [(f.title, [(s.title, len(s.abilities), len(s.knowledge)) for s in f.skills]) for f in card.functions])
            for card in standard.cards]


@pytest.fixture(scope="module")
def db():
    return import_standard(A_2022)


@pytest.fixture(scope="module")
def gs():
    return import_standard(B_2022)


@pytest.fixture(scope="module")
def hl():
    return import_standard(B_2019)


# --- 2022A -----------------------------------------------------------------------------------
def test_2022a_is_layout_a_with_three_level_cards(db):
    assert (db.source.layout, db.source.reader, db.language) == ("A", "docx", "ru")
    assert db.title == "Администрирование баз данных"
    assert db.code == "administrirovanie-baz-dannykh"
    assert [(e.name, e.level) for e in db.card_list] == [("Администратор баз данных", "4"),
                                                         ("Администратор баз данных", "5"),
                                                         ("Администратор баз данных", "6")]


def test_2022a_cards_functions_and_item_counts(db):
    actual = [(card.code, card.name, card.level,
               [(f.title, len(f.skills[0].abilities), len(f.skills[0].knowledge)) for f in card.functions])
              for card in db.cards]
    assert actual == EXPECTED_2022A
    assert sum(len(s.abilities) for c in db.cards for f in c.functions for s in f.skills) == 12 + 33 + 32
    assert sum(len(s.knowledge) for c in db.cards for f in c.functions for s in f.skills) == 12 + 33 + 32


def test_2022a_each_function_has_one_implicit_skill_titled_like_it(db):
    for card in db.cards:
        assert card.group_code == "2139"
        assert card.heading == "СПЕЦИАЛИСТ ПО АДМИНИСТРИРОВАНИЮ БАЗ ДАННЫХ"
        assert [f.number for f in card.functions] == list(range(1, len(card.functions) + 1))
        assert [f.title for f in card.listed_functions] == [f.title for f in card.functions]
        for function in card.functions:
            assert [(s.id, s.number, s.title) for s in function.skills] == [(f"{function.id}/S1", 1, function.title)]


def test_2022a_items_joined_renumbered_and_verbatim(db):
    items = {item.id: item.text for *_, item in db.iter_items()}
    assert items["2139-P1-L4/F3/S1/A2"] == "Соблюдение регламентов резервного копирования и восстановления БД"
    assert items["2139-P1-L5/F1/S1/A5"] == "Использование технической документации по установке и настройке ПО"
    assert items["2139-P1-L5/F2/S1/A10"] == "Создание и выполнение запросов к БД"
    assert items["2139-P1-L5/F2/S1/K6"] == "Языки запросов к БД"
    assert items["2139-P1-L5/F6/S1/A1"] == ("Восстановление работоспособности СУБД и целостности БД, "
                                            "в случае возникновения внештатных ситуаций")
    assert items["2139-P1-L5/F6/S1/A3"] == "Настройка и мониторинг зеркалирование БД"
    assert items["2139-P1-L6/F5/S1/A4"] == ("Разработка перспективного плана развития аппаратно-программного "
                                            "комплекса в целях увеличения производительности СУБД")
    assert items["2139-P1-L4/F1/S1/K3"] == "Иметь представление о ИБ"


# --- 2022B -----------------------------------------------------------------------------------
def test_2022b_is_layout_b_with_cards_repeated_per_level(gs):
    assert (gs.source.layout, gs.language) == ("B", "ru")
    assert gs.title == "Администрирование графических и операционных систем"
    assert _structure_b(gs) == EXPECTED_2022B
    assert [(e.name, e.level) for e in gs.card_list] == [
        ("Администратор графических систем", "5"), ("Администратор графических систем", "6"),
        ("Администратор операционных систем", "5"), ("Администратор операционных систем", "6")]


def test_2022b_functions_are_listed_as_mandatory_and_ids_follow_the_codes(gs):
    for card in gs.cards:
        assert card.group_code == "2523-0"
        assert [(f.number, f.mandatory) for f in card.listed_functions] == [(1, True), (2, True)]
        assert all(f.mandatory for f in card.functions)
        for function in card.functions:
            assert function.id == f"{card.code}/F{function.number}"
            assert [s.id for s in function.skills] == [f"{function.id}/S1", f"{function.id}/S2"]
    items = {item.id: item.text for *_, item in gs.iter_items()}
    assert items["2523-0-004-L5/F1/S1/K1"] == "Типы использования ресурсов: сетевые и не сетевые"
    assert items["2523-0-001-L6/F2/S2/A5"] == ("Осуществлять комплекс мер по противодействию различным угрозам "
                                               "несанкционированного доступа")


# --- 2019B -----------------------------------------------------------------------------------
def test_2019b_cards_tasks_and_item_counts(hl):
    assert (hl.source.layout, hl.language) == ("B", "ru")
    assert hl.title == "Разработка высоконагруженных и real-time приложений"
    assert _structure_b(hl) == EXPECTED_2019B
    assert [(e.name, e.level) for e in hl.card_list] == [
        (HL, "5"), (HL, "6"), (HL, "7"), (RT, "5"), (RT, "6"), (GO, "5"), (GO, "6")]


def test_2019b_run_on_items_are_split_at_the_next_number(hl):
    items = {item.id: item.text for *_, item in hl.iter_items()}
    assert items["0000-P1-L6/F1/S2/A2"] == "Разрабатывать интерфейс приложения применяя скриптовые языки программирования"
    assert items["0000-P1-L6/F1/S2/A3"] == ("Документировать разработку веб приложения, (планы по распределению задач, "
                                            "определение сроков выполнения работы)")
    assert items["0000-P1-L7/F2/S1/A1"] == ("Применять методы и средства анализа производительности "
                                            "высоконагруженного веб-приложения и оборудования")
    assert items["0000-P1-L7/F2/S1/A2"] == "Использовать отдельные серверы для загрузки, хранения и обработки файлов"
    assert items["0000-P2-L6/F1/S2/A3"] == "Интеграция со средствами разработки приложения системы реального времени"


def test_2019b_derived_codes_are_reported_by_lint(hl):
    notes = [w for w in lint_standard(hl) if w.code == "code-label"]
    assert [w.where for w in notes] == [card.code for card in hl.cards]
    assert "Новая профессия" in notes[0].message


def test_fixtures_have_no_empty_skills_and_no_leftover_numbers(db, gs, hl):
    for standard in (db, gs, hl):
        codes = {w.code for w in lint_standard(standard)}
        assert not codes & {"empty-skill", "item-number", "function-numbering", "skill-numbering",
                            "knowledge-like-abilities", "no-recognition"}


def test_fixtures_round_trip_through_validated_yaml(db, gs, hl, tmp_path):
    from generator.standard.store import default_filename, load_standard, save_standard

    folder = tmp_path / "standard_data"
    for standard in (db, gs, hl):
        path = folder / default_filename(standard)
        save_standard(standard, path)
        assert load_standard(path) == standard
    assert sorted(p.name for p in folder.iterdir()) == [
        "administrirovanie-baz-dannykh.ru.yaml", "administrirovanie-graficheskikh-i-operatsionnykh-sistem.ru.yaml",
        "razrabotka-vysokonagruzhennykh-i-real-time-prilozhenii.ru.yaml"]
