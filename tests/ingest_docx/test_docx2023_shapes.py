"""The 2023 layout drawn differently in Word: the same standard as its published text."""
from __future__ import annotations

from docx_testlib import UP, Num, add_paragraphs, add_table, new_document, save

from generator.ingest import import_standard

HEAD = """Глава 1. Общие положения
1. Область применения профессионального стандарта: профессиональный стандарт «Тестовая деятельность».
Глава 2. Паспорт профессионального стандарта
4. Наименование профессионального стандарта: «Тестовая деятельность».
5. Код профессионального стандарта: T12345.
8. Перечень карточек профессий:
1) Тестировщик – 5 уровень ОРК.
Глава 3. Карточки профессий
9. Карточка профессии «Тестировщик»:"""
TAIL = """Глава 4. Технические данные профессионального стандарта
11. Наименование государственного органа: Министерство цифрового развития.
16. Номер версии и год выпуска: версия 1, 2024 год.
17. Дата ориентировочного пересмотра: 01.01.2027 год."""
CARD_ROWS = [
    ("Код:", "2519-0-001"),
    ("Код группы:", "2519-0"),
    ("Профессия:", "Тестировщик"),
    ("Уровень квалификации по ОРК", "5"),
    ("Требования к личностным компетенциям", "Ответственность, внимательность."),
]
PUBLISHED = HEAD + "\n" + "\n".join(f"{a}\t|\t{b}" for a, b in CARD_ROWS[:4]) + """
Перечень трудовых функций\t|\tОбязательные трудовые функции:\t|\t1. Планирование тестирования;
2. Проведение тестирования.
\t|\tДополнительные трудовые функции\t|\t-
Описание трудовых функций
Трудовая функция 1:Планирование тестирования\t|\tНавык 1: Составление плана\t|\tУмения:
1. Составлять план тестирования;2. Оценивать трудозатраты.
Знания:
1. Методы тестирования.
Возможность признания навыка\t|\tрекомендуется
Трудовая функция 2:Проведение тестирования\t|\tНавык 1: Выполнение тестов\t|\tУмения:
1. Выполнять тесты.
Знания:
1. Виды тестов;2. Инструменты тестирования.
Возможность признания навыка\t|\tрекомендуется
\t|\tНавык 2: Оформление дефектов\t|\tУмения:
1. Описывать дефекты.
Знания:
1. Жизненный цикл дефекта.
Возможность признания навыка\t|\tне рекомендуется
""" + f"{CARD_ROWS[4][0]}\t|\t{CARD_ROWS[4][1]}\n" + TAIL + "\n"


def _word_copy(path):
    """The same standard as a Word file drawn another way: each function in a full-width row of its
    own, skill rows without the function's cell, «Возможность признания навыка: …» in one cell,
    items auto-numbered, labels without colons."""
    document = new_document()
    add_paragraphs(document, HEAD.split("\n"))
    rows = [list(row) for row in CARD_ROWS[:4]]
    rows += [
        ["Перечень трудовых функций", "Обязательные трудовые функции:",
         [Num("Планирование тестирования;"), Num("Проведение тестирования.")]],
        [UP, "Дополнительные трудовые функции", "-"],
        ["Описание трудовых функций"],
        ["Трудовая функция 1: Планирование тестирования"],
        ["Навык 1: Составление плана", ["Умения", Num("Составлять план тестирования;"), Num("Оценивать трудозатраты."),
                                        "Знания", Num("Методы тестирования.")]],
        ["Возможность признания навыка: рекомендуется"],
        ["Трудовая функция 2: Проведение тестирования"],
        ["Навык 1: Выполнение тестов", ["Умения:", Num("Выполнять тесты.")]],
        [UP, ["Знания:", Num("Виды тестов;"), Num("Инструменты тестирования.")]],
        ["Возможность признания навыка", "рекомендуется"],
        ["Навык 2: Оформление дефектов", ["Умения:", Num("Описывать дефекты."), "Знания:", Num("Жизненный цикл дефекта.")]],
        ["Возможность признания навыка", "не рекомендуется"],
        list(CARD_ROWS[4]),
    ]
    add_table(document, rows, cols=3)
    add_paragraphs(document, TAIL.split("\n"))
    return save(document, path)


def _shape(standard):
    return [(c.code, c.name, c.level, [(f.number, f.title, f.mandatory) for f in c.listed_functions],
             [(f.id, f.title, [(s.id, s.title, s.recognition, [i.text for i in s.abilities], [i.text for i in s.knowledge])
                               for s in f.skills]) for f in c.functions])
            for c in standard.cards]


def test_published_text_is_the_oracle(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(PUBLISHED, "utf-8")
    standard = import_standard(source)
    assert [(s.id, len(s.abilities), len(s.knowledge), s.recognition)
            for f in standard.cards[0].functions for s in f.skills] == [
        ("2519-0-001/F1/S1", 2, 1, True), ("2519-0-001/F2/S1", 1, 2, True), ("2519-0-001/F2/S2", 1, 1, False)]


def test_a_word_copy_drawn_differently_imports_like_the_published_text(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(PUBLISHED, "utf-8")
    from_text = import_standard(source)
    from_docx = import_standard(_word_copy(tmp_path / "t.docx"))
    assert from_docx.source.layout == "2023"
    assert _shape(from_docx) == _shape(from_text)
    assert (from_docx.code, from_docx.title) == (from_text.code, from_text.title) == ("T12345", "Тестовая деятельность")
