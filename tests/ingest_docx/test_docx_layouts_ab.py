"""Layouts A and B on synthetic standards: label variants, merged or repeated cells, codes, forcing."""
from __future__ import annotations

import pytest
from docx_testlib import UP, Num, add_table, new_document, save

from generator.exceptions import ImportFormatError
from generator.ingest import import_standard
from generator.ingest.layouts import detect_layout
from generator.ingest.docx_reader import read_docx_source
from generator.standard.lint import lint_standard
from generator.standard.store import load_standard, save_standard


def _b_card(level: str) -> list[list]:
    return [
        ["КАРТОЧКА ПРОФЕССИИ: ТЕСТИРОВЩИК"],
        ["Код:", "1234-5-678"],
        ["Код группы:", "1234-5"],
        ["Профессия:", "Тестировщик"],
        ["Квалификационный уровень по ОРК:", level],
        ["Основная цель деятельности:", "Проверка программ"],
        ["Трудовые функции:", "Обязательные трудовые функции:", "1. Планирование проверок"],
        [UP, UP, "2. Проведение проверок"],
        [UP, "Дополнительные трудовые функции:", "3. Обучение коллег"],
        # a typo in the function label, «Задача1» without a space, a singular label without a colon
        ["Трудавая функция 1:\nПланирование проверок", "Задача1:\nСоставление плана", "Умение"],
        [UP, UP, [Num("Составлять план проверок"), Num("Оценивать сроки")]],
        [UP, UP, "Знания:"],
        [UP, UP, [Num("Методы тестирования")]],
        [UP, "Задача 2\nСогласование плана", ["Умения и навыки:", Num("Согласовывать план с заказчиком")]],
        [UP, UP, ["Знания", Num("Регламенты согласования"), Num("Формы отчетности")]],
        ["Трудовая функция 2: Проведение проверок", "Задача 1: Выполнение тестов",
         ["Умения:", "1. Выполнять тесты;", "2. Фиксировать дефекты"]],
        [UP, UP, ["Знания:", "1. Виды тестов"]],
        ["Трудовая функция 3: Обучение коллег", "Задача 1: Наставничество",
         ["Умения:", Num("Объяснять методы"), "Знания:", Num("Основы педагогики")]],
        ["Требования к личностным компетенциям", "Ответственность, внимательность. Аккуратность"],
        ["Связь с другими профессиями в рамках ОРК", "5", "Старший тестировщик"],
    ]


def build_b(path):
    document = new_document()
    add_table(document, [
        ["Приложение № 5 к приказу Председателя Правления Национальной палаты предпринимателей "
         "Республики Казахстан «Атамекен» от 01.02.2021 г. № 12"],
        ["Профессиональный стандарт: «Тестирование программ»"],
        ["1. Паспорт профессионального стандарта"],
        ["Название ПС:", "Тестирование программ"],
        ["Номер ПС:", ""],
        ["Перечень карточек профессий", "Тестировщик", "4 - 5-й уровни ОРК"],
        *_b_card("4"),
        *_b_card("5"),
        ["Технические данные профессионального стандарта"],
        ["Номер версии и год выпуска:", "Версия 1, 2021 год"],
        ["Дата ориентировочного пересмотра:", "01.02.2024"],
    ], cols=3)
    return save(document, path)


def build_a(path, numbers=(1, 2), repeat_function_cells=True, second_profession=True):
    document = new_document()
    rows = [
        ["Профессиональный стандарт\n«Учет кадров»"],
        ["Перечень профессий", "Кадровик", "3-й уровень ОРК"],
        ["КАРТОЧКА ПРОФЕССИИ", ""],
        ["«СПЕЦИАЛИСТ ПО КАДРАМ»"],
        ["Код профессии:", "4416 «Служащие по кадрам»"],
        ["Наименование профессии:", "«Кадровик»"],
        ["Уровень квалификации по ОРК:", "3.\nОбщее среднее образование"],
        ["Трудовые функции", [Num("Ведение личных дел."), Num("Учет отпусков.")]],
    ]
    for number, title in zip(numbers, ["Ведение личных дел", "Учет отпусков"]):
        first = f"Трудовая функция {number}\n{title}"
        rows.append([first, ["Умения и навыки:", Num("Оформление личных дел сотрудников с"),
                             "соблюдением сроков.", "Проверка документов."]])
        rows.append([first if repeat_function_cells else UP, ["Знания", "Трудовое законодательство."]])
    rows.append(["Требования к личностным компетенциям", "Внимательность"])
    if second_profession:
        rows += [["КАРТОЧКА ПРОФЕССИИ «Архивист»"], ["Код профессии:", "Новая профессия"],
                 ["Наименование профессии:", "Архивист"],
                 ["Трудовая функция 1\nХранение дел", ["Умения и навыки:", "Хранение дел.", "Выдача дел."]],
                 [UP, ["Знания:", "Правила хранения."]]]
    add_table(document, rows, cols=3)
    return save(document, path)


@pytest.fixture(scope="module")
def b_doc(tmp_path_factory):
    return build_b(tmp_path_factory.mktemp("b") / "b.docx")


@pytest.fixture(scope="module")
def a_doc(tmp_path_factory):
    return build_a(tmp_path_factory.mktemp("a") / "a.docx")


def test_layout_b_is_detected_by_content(b_doc):
    assert detect_layout(read_docx_source(b_doc)) == "B"


def test_layout_b_reads_label_variants_tasks_and_items(b_doc):
    standard = import_standard(b_doc)
    assert (standard.source.layout, standard.language, standard.title) == ("B", "ru", "Тестирование программ")
    assert standard.code == "testirovanie-programm"
    card = standard.cards[0]
    assert [(f.id, f.title, f.mandatory) for f in card.functions] == [
        ("1234-5-678-L4/F1", "Планирование проверок", True),
        ("1234-5-678-L4/F2", "Проведение проверок", True),
        ("1234-5-678-L4/F3", "Обучение коллег", False),
    ]
    skills = [(s.id, s.title, [i.text for i in s.abilities], [i.text for i in s.knowledge])
              for f in card.functions for s in f.skills]
    assert skills == [
        ("1234-5-678-L4/F1/S1", "Составление плана", ["Составлять план проверок", "Оценивать сроки"],
         ["Методы тестирования"]),
        ("1234-5-678-L4/F1/S2", "Согласование плана", ["Согласовывать план с заказчиком"],
         ["Регламенты согласования", "Формы отчетности"]),
        ("1234-5-678-L4/F2/S1", "Выполнение тестов", ["Выполнять тесты", "Фиксировать дефекты"], ["Виды тестов"]),
        ("1234-5-678-L4/F3/S1", "Наставничество", ["Объяснять методы"], ["Основы педагогики"]),
    ]
    assert card.functions[0].skills[0].abilities[1].id == "1234-5-678-L4/F1/S1/A2"


def test_layout_b_card_fields_passport_and_technical_data(b_doc):
    standard = import_standard(b_doc)
    card = standard.cards[0]
    assert (card.group_code, card.name, card.heading, card.level) == ("1234-5", "Тестировщик", "ТЕСТИРОВЩИК", "4")
    assert card.purpose == "Проверка программ"
    assert [(f.number, f.title, f.mandatory) for f in card.listed_functions] == [
        (1, "Планирование проверок", True), (2, "Проведение проверок", True), (3, "Обучение коллег", False)]
    assert card.personal_competencies == ["Ответственность", "внимательность", "Аккуратность"]
    assert [(r.level, r.name) for r in card.related_professions] == [("5", "Старший тестировщик")]
    assert [(e.name, e.level) for e in standard.card_list] == [("Тестировщик", "4"), ("Тестировщик", "5")]
    assert (standard.approval.order_number, standard.approval.order_date) == ("12", "2021-02-01")
    assert (standard.version, standard.year, standard.review_date) == ("Версия 1, 2021 год", 2021, "2024-02-01")


def test_a_card_repeated_per_level_gets_distinct_codes_and_keeps_its_level(b_doc):
    standard = import_standard(b_doc)
    assert [(c.code, c.level) for c in standard.cards] == [("1234-5-678-L4", "4"), ("1234-5-678-L5", "5")]
    notes = {w.where: w.message for w in lint_standard(standard) if w.code == "code-label"}
    assert "1234-5-678" in notes["1234-5-678-L5"] and "level 5" in notes["1234-5-678-L5"]


def test_imported_b_standard_round_trips_through_yaml(b_doc, tmp_path):
    standard = import_standard(b_doc)
    save_standard(standard, tmp_path / "b.yaml")
    assert load_standard(tmp_path / "b.yaml") == standard


def test_layout_a_gives_each_function_one_implicit_skill(a_doc):
    standard = import_standard(a_doc)
    assert standard.source.layout == "A" and standard.title == "Учет кадров"
    card = standard.cards[0]
    assert (card.code, card.group_code, card.name, card.heading, card.level) == (
        "4416-P1-L3", "4416", "Кадровик", "СПЕЦИАЛИСТ ПО КАДРАМ", "3")
    assert card.education.level == "Общее среднее образование"
    assert [f.title for f in card.listed_functions] == ["Ведение личных дел", "Учет отпусков"]
    for function in card.functions:
        [skill] = function.skills
        assert (skill.id, skill.title) == (f"{function.id}/S1", function.title)
        assert [i.text for i in skill.abilities] == ["Оформление личных дел сотрудников с соблюдением сроков",
                                                     "Проверка документов"]
        assert [i.text for i in skill.knowledge] == ["Трудовое законодательство"]


def test_cards_without_any_code_get_derived_codes_per_profession(a_doc):
    standard = import_standard(a_doc)
    assert [(c.code, c.name, c.level) for c in standard.cards] == [("4416-P1-L3", "Кадровик", "3"),
                                                                   ("0000-P2", "Архивист", None)]
    archive = standard.cards[1].functions[0].skills[0]
    assert [i.text for i in archive.abilities] == ["Хранение дел", "Выдача дел"]


def test_merged_function_cells_read_like_repeated_ones(tmp_path):
    merged = import_standard(build_a(tmp_path / "merged.docx", repeat_function_cells=False))
    repeated = import_standard(build_a(tmp_path / "repeated.docx", repeat_function_cells=True))
    assert merged.cards == repeated.cards


def test_skipped_function_numbers_are_a_lint_warning(tmp_path):
    standard = import_standard(build_a(tmp_path / "a.docx", numbers=(1, 3), second_profession=False))
    assert [f.id for f in standard.cards[0].functions] == ["4416-P1-L3/F1", "4416-P1-L3/F3"]
    warnings = [w for w in lint_standard(standard) if w.code == "function-numbering"]
    assert [(w.where, "skips 2" in w.message) for w in warnings] == [("4416-P1-L3", True)]


def test_a_function_number_reused_with_another_title_is_read_as_the_next_function(tmp_path):
    document = new_document()
    add_table(document, [["КАРТОЧКА ПРОФЕССИИ «Кадровик»"], ["Код профессии:", "4416"],
                         ["Трудовая функция 1\nВедение дел", ["Умения и навыки:", "Ведение."]],
                         ["Трудовая функция 2\nУчет", ["Знания:", "Учет."]],
                         ["Трудовая функция 1\nДругое", ["Знания:", "Другое."]]], cols=2)
    standard = import_standard(save(document, tmp_path / "twice.docx"))
    assert [(f.number, f.title) for f in standard.cards[0].functions] == [(1, "Ведение дел"), (2, "Учет"),
                                                                          (3, "Другое")]
    assert [(n.where, n.code, n.id) for n in standard.source.notes] == [("twice.docx:5", "duplicate-number",
                                                                          "4416-P1/F3")]
    assert standard.source.notes[0].message == (
        "labour function 1 is described twice with different titles ('Ведение дел' and 'Другое'); read the second as "
        "labour function 3 (the next free number)")


def test_forcing_a_layout(b_doc):
    forced_a = import_standard(b_doc, layout="A")
    assert forced_a.source.layout == "A"
    first = forced_a.cards[0].functions[0]
    assert [(s.title, len(s.abilities), len(s.knowledge)) for s in first.skills] == [
        ("Планирование проверок", 3, 3)]  # the tasks' items joined into the one implicit skill
    with pytest.raises(ImportFormatError, match="chapter 3"):
        import_standard(b_doc, layout="2023")


def test_published_text_of_layout_a_imports_too(tmp_path):
    text = ("Профессиональный стандарт: «Учет кадров»\n"
            "КАРТОЧКА ПРОФЕССИИ «Кадровик»\n"
            "Код профессии:\t|\t4416\n"
            "Наименование профессии:\t|\tКадровик\n"
            "Уровень квалификации по ОРК:\t|\t3\n"
            "Трудовая функция 1 Ведение личных дел\t|\tУмения и навыки:\n"
            "1. Оформление дел;2. Проверка документов.\n"
            "\t|\tЗнания:\n"
            "1. Трудовое законодательство.\n")
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    standard = import_standard(source)
    assert standard.source.layout == "A" and standard.source.reader == "text"
    skill = standard.cards[0].functions[0].skills[0]
    assert [i.text for i in skill.abilities] == ["Оформление дел", "Проверка документов"]
    assert [i.text for i in skill.knowledge] == ["Трудовое законодательство"]


def test_a_grid_with_column_headers_and_cards_without_heading_rows(tmp_path):
    """Another way to draw layout A: «Умения и навыки | Знания» column headers over one row per function,
    the label and its value in one cell («Код: …»), no «КАРТОЧКА ПРОФЕССИИ» row, the function title in
    the cell after its label, typed dashes for items, the level worded («Уровень 5»)."""
    document = new_document()
    document.add_paragraph("Карточки профессий")  # the section heading, not a card
    card = [
        ["Код: 2611-1-002"],
        ["Наименование профессии:", "Юрист"],
        ["Квалификационный уровень по ОРК:", "Уровень 5"],
        ["Трудовые функции", "Умения и навыки", "Знания"],
        ["Трудовая функция 1", "Консультирование", "- Консультировать клиентов\n- Готовить справки",
         "- Гражданский кодекс"],
        ["Трудовая функция 2 Представительство в суде", "1. Составлять иски", "1. Процессуальный кодекс\n2. Этика"],
        ["Требования к личностным компетенциям", "Ответственность"],
    ]
    second = [row[:] for row in card]
    second[0] = ["Код: 2611-1-003"]
    second[1] = ["Наименование профессии:", "Старший юрист"]
    add_table(document, card + second, cols=4)
    standard = import_standard(save(document, tmp_path / "grid.docx"))
    assert standard.source.layout == "A"
    assert [(c.code, c.name, c.level) for c in standard.cards] == [("2611-1-002", "Юрист", "5"),
                                                                   ("2611-1-003", "Старший юрист", "5")]
    functions = [(f.id, f.title, [i.text for i in f.skills[0].abilities], [i.text for i in f.skills[0].knowledge])
                 for f in standard.cards[0].functions]
    assert functions == [
        ("2611-1-002/F1", "Консультирование", ["Консультировать клиентов", "Готовить справки"], ["Гражданский кодекс"]),
        ("2611-1-002/F2", "Представительство в суде", ["Составлять иски"], ["Процессуальный кодекс", "Этика"]),
    ]
    assert standard.cards[0].functions[0].skills[0].title == "Консультирование"


def test_a_kazakh_layout_b_standard(tmp_path):
    """The Kazakh labels of the older layouts (the official translations; no real Kazakh fixture yet)."""
    document = new_document()
    add_table(document, [
        ["Кәсіптік стандарт: «Бағдарламаларды тестілеу»"],
        ["«Тестілеуші» кәсібінің карточкасы"],
        ["Код:", "2519-0-001"],
        ["Кәсіп:", "Тестілеуші"],
        ["СБШ бойынша біліктілік деңгейі:", "5"],
        ["Еңбек функциялары:", "Міндетті еңбек функциялары:", "1. Тестілеуді жоспарлау"],
        ["Еңбек функциясы 1:\nТестілеуді жоспарлау", "Міндет 1:\nЖоспар құру", "Біліктер:"],
        [UP, UP, [Num("Тестілеу жоспарын құру"), Num("Еңбек шығынын бағалау")]],
        [UP, UP, ["Білім", Num("Тестілеу әдістері")]],
        ["Жеке құзыреттерге қойылатын талаптар", "Жауапкершілік"],
    ], cols=3)
    standard = import_standard(save(document, tmp_path / "kk.docx"))
    assert (standard.source.layout, standard.language, standard.title) == ("B", "kk", "Бағдарламаларды тестілеу")
    card = standard.cards[0]
    assert (card.code, card.name, card.heading, card.level) == ("2519-0-001", "Тестілеуші", "Тестілеуші", "5")
    skill = card.functions[0].skills[0]
    assert (skill.id, skill.title) == ("2519-0-001/F1/S1", "Жоспар құру")
    assert [i.text for i in skill.abilities] == ["Тестілеу жоспарын құру", "Еңбек шығынын бағалау"]
    assert [i.text for i in skill.knowledge] == ["Тестілеу әдістері"]


def test_a_table_with_skills_named_navyk_but_no_2023_chapters_is_layout_b(tmp_path):
    document = new_document()
    add_table(document, [
        ["КАРТОЧКА ПРОФЕССИИ: ТЕСТИРОВЩИК"],
        ["Код:", "2519-0-001"],
        ["Профессия:", "Тестировщик"],
        ["Трудовая функция 1: Планирование", "Навык 1: Составление плана", ["Умения:", Num("Составлять план")]],
        [UP, UP, ["Знания:", Num("Методы")]],
        [UP, "Навык 2: Согласование", ["Умения:", Num("Согласовывать")]],
    ], cols=3)
    standard = import_standard(save(document, tmp_path / "navyk.docx"))
    assert standard.source.layout == "B"
    assert [(s.id, s.title, len(s.abilities), len(s.knowledge)) for s in standard.cards[0].functions[0].skills] == [
        ("2519-0-001/F1/S1", "Составление плана", 1, 1), ("2519-0-001/F1/S2", "Согласование", 1, 0)]


def test_a_macro_enabled_copy_reads_like_the_docx(b_doc, tmp_path):
    import zipfile

    docm = tmp_path / "b.docm"
    with zipfile.ZipFile(b_doc) as source, zipfile.ZipFile(docm, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
                assert b"macroEnabled" in data
            target.writestr(item, data)
    assert import_standard(docm).cards == import_standard(b_doc).cards


def test_a_list_written_inline_with_semicolons(tmp_path):
    document = new_document()
    add_table(document, [
        ["КАРТОЧКА ПРОФЕССИИ «Кадровик»"], ["Код профессии:", "4416"],
        ["Трудовая функция 1\nВедение дел", ["Умения и навыки:", "Оформление дел; проверка документов; архивирование."]],
        [UP, ["Знания:", "Трудовой кодекс; правила делопроизводства; основы архивного дела"]],
    ], cols=2)
    skill = import_standard(save(document, tmp_path / "inline.docx")).cards[0].functions[0].skills[0]
    assert [i.text for i in skill.abilities] == ["Оформление дел", "проверка документов", "архивирование"]
    assert [i.text for i in skill.knowledge] == ["Трудовой кодекс", "правила делопроизводства", "основы архивного дела"]


def test_a_cell_holding_the_function_its_task_and_its_lists(tmp_path):
    document = new_document()
    add_table(document, [
        ["КАРТОЧКА ПРОФЕССИИ: ТЕСТИРОВЩИК"], ["Код:", "2519-0-001"],
        [["Трудовая функция 1:", "Планирование", "Задача 1:", "Составление плана", "Умения:", Num("Составлять план"),
          "Знания:", Num("Методы"), Num("Стандарты")], ""],
    ], cols=2)
    standard = import_standard(save(document, tmp_path / "onecell.docx"))
    function = standard.cards[0].functions[0]
    assert (function.title, [(s.title, [i.text for i in s.abilities], [i.text for i in s.knowledge])
                             for s in function.skills]) == (
        "Планирование", [("Составление плана", ["Составлять план"], ["Методы", "Стандарты"])])


def test_typos_in_headings_and_labels(tmp_path):
    document = new_document()
    add_table(document, [
        ["КАРТОЧКА ПРОФФЕСИИ: КАДРОВИК"], ["Код профессии:", "4416"], ["Наименование професии:", "Кадровик"],
        ["Трудовая функуия 1\nВедение дел", ["Умениия и навыки:", "Оформление дел."]],
        [UP, ["Знаня:", "Трудовой кодекс."]],
    ], cols=2)
    standard = import_standard(save(document, tmp_path / "typos.docx"))
    card = standard.cards[0]
    assert (card.code, card.name, card.heading) == ("4416-P1", "Кадровик", "КАДРОВИК")
    skill = card.functions[0].skills[0]
    assert ([i.text for i in skill.abilities], [i.text for i in skill.knowledge]) == (
        ["Оформление дел"], ["Трудовой кодекс"])
