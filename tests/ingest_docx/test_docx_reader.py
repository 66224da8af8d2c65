"""The DOCX reader: document order, merged cells, Word numbering, broken items (synthetic files)."""
from __future__ import annotations

from docx_testlib import UP, Bullet, Num, add_paragraphs, add_table, new_document, save, \
    wrap_last_paragraph_in_content_control

from generator.ingest.docx_reader import read_docx_source


def _read(tmp_path, document):
    return read_docx_source(save(document, tmp_path / "doc.docx"))


def _rows(doc):
    return [block.cells for block in doc.blocks if block.is_row]


def test_paragraphs_and_tables_keep_document_order(tmp_path):
    document = new_document()
    add_paragraphs(document, ["Before the table"])
    add_table(document, [["a", "b"]])
    add_paragraphs(document, ["After the table"])
    add_table(document, [["c", "d"]])
    doc = _read(tmp_path, document)
    assert [(b.is_row, b.cells) for b in doc.blocks] == [
        (False, ["Before the table"]), (True, ["a", "b"]), (False, ["After the table"]), (True, ["c", "d"])]
    assert doc.reader == "docx"
    assert [b.line for b in doc.blocks] == sorted(b.line for b in doc.blocks)


def test_a_cell_merged_across_columns_is_counted_once(tmp_path):
    document = new_document()
    add_table(document, [["label", "one", "two", "three"], ["Трудовые функции", "merged across three"]])
    assert _rows(_read(tmp_path, document)) == [["label", "one", "two", "three"],
                                                ["Трудовые функции", "merged across three"]]


def test_a_cell_merged_down_rows_is_empty_below_its_first_row(tmp_path):
    document = new_document()
    add_table(document, [["Трудовая функция 1: Title", "Умения:"], [UP, "1. item"], [UP, "Знания:"]])
    assert _rows(_read(tmp_path, document)) == [["Трудовая функция 1: Title", "Умения:"],
                                                ["", "1. item"], ["", "Знания:"]]


def test_content_controls_are_read(tmp_path):
    document = new_document()
    add_paragraphs(document, ["first", "inside a content control"])
    wrap_last_paragraph_in_content_control(document)
    assert [b.text for b in _read(tmp_path, document).blocks] == ["first", "inside a content control"]


def test_auto_numbers_are_synthesised_and_restart_in_each_cell_and_after_a_label(tmp_path):
    document = new_document()
    add_table(document, [
        ["x", ["Умения:", Num("Первое"), Num("Второе"), "Знания:", Num("Третье", direct=True)]],
        ["y", [Num("Снова первое"), Num("Снова второе")]],
    ])
    assert _rows(_read(tmp_path, document)) == [
        ["x", "Умения:\n1. Первое\n2. Второе\nЗнания:\n1. Третье"],
        ["y", "1. Снова первое\n2. Снова второе"],
    ]


def test_typed_numbers_mixed_with_auto_numbers_keep_one_count(tmp_path):
    document = new_document()
    add_table(document, [
        ["a", ["Умения:", "1. Набрано вручную", Num("Авто"), Num("Ещё авто")]],
        ["b", ["Умения:", Num("Раз"), Num("Два"), "3.  Набрано с пробелами", "4.Без пробела"]],
        ["c", ["Знания:", "1. Первое.", "2. Второе.", "Без номера, но с заглавной."]],
    ])
    assert _rows(_read(tmp_path, document)) == [
        ["a", "Умения:\n1. Набрано вручную\n2. Авто\n3. Ещё авто"],
        ["b", "Умения:\n1. Раз\n2. Два\n3. Набрано с пробелами\n4. Без пробела"],
        ["c", "Знания:\n1. Первое.\n2. Второе.\n3. Без номера, но с заглавной."],
    ]


def test_an_item_broken_over_paragraphs_or_line_breaks_is_joined(tmp_path):
    document = new_document()
    add_table(document, [["a", [
        "Умения и навыки:",
        Num("Соблюдение регламентов резервного"),
        "копирования и восстановления БД.",
        Num("Восстановление работоспособности СУБД и⏎целостности БД"),
        Num("Последнее"),
    ]]])
    assert _rows(_read(tmp_path, document)) == [["a", "Умения и навыки:\n"
                                                 "1. Соблюдение регламентов резервного копирования и восстановления БД.\n"
                                                 "2. Восстановление работоспособности СУБД и целостности БД\n"
                                                 "3. Последнее"]]


def test_bullets_are_items_but_a_label_styled_as_a_list_item_is_not(tmp_path):
    document = new_document()
    add_table(document, [
        ["Трудовая функция 2:", [Bullet("Задача 2:"), "Мониторинг проблем"]],
        ["x", ["Знания", Bullet("Первое"), Bullet("Второе")]],
    ])
    assert _rows(_read(tmp_path, document)) == [
        ["Трудовая функция 2:", "Задача 2:\nМониторинг проблем"],
        ["x", "Знания\n1. Первое\n2. Второе"],
    ]


def test_a_sub_level_joins_its_item(tmp_path):
    document = new_document()
    add_table(document, [["x", ["Знания:", Num("Законы:", direct=True), Num("о труде;", direct=True, level=1),
                                Num("Методы", direct=True)]]])
    assert _rows(_read(tmp_path, document)) == [["x", "Знания:\n1. Законы: о труде;\n2. Методы"]]


def test_body_paragraphs_are_numbered_per_list_across_the_document(tmp_path):
    document = new_document()
    add_paragraphs(document, ["1-тарау. Жалпы ережелер", Num("Бірінші", direct=True), Num("Екінші", direct=True),
                              "2-тарау. Паспорт", Num("Үшінші", direct=True), "Нөмірсіз абзац"])
    assert [b.text for b in _read(tmp_path, document).blocks] == [
        "1-тарау. Жалпы ережелер", "1. Бірінші", "2. Екінші", "2-тарау. Паспорт", "3. Үшінші", "Нөмірсіз абзац"]


def test_numbers_inside_text_and_non_list_numbers_stay_as_typed(tmp_path):
    document = new_document()
    add_table(document, [["КС", ["185. Техник-программист", "140. Инженер-программист"]],
                         ["ОКЭД", ["62.01 Деятельность", "62.01.1. Разработка"]]])
    assert _rows(_read(tmp_path, document)) == [["КС", "185. Техник-программист\n140. Инженер-программист"],
                                                ["ОКЭД", "62.01 Деятельность\n62.01.1. Разработка"]]


def test_a_table_nested_in_a_cell_stays_in_that_cell(tmp_path):
    document = new_document()
    table = add_table(document, [["outer", "cell"]])
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Inner one"
    inner.cell(0, 1).text = "Inner two"
    assert _rows(_read(tmp_path, document)) == [["outer", "cell\nInner one\nInner two"]]


def test_typed_dashes_and_bullets_in_a_cell_are_items(tmp_path):
    document = new_document()
    add_table(document, [["x", ["Умения:", "- Первое", "• Второе", "Знания:", "– Третье"]], ["y", "-"]])
    assert _rows(_read(tmp_path, document)) == [["x", "Умения:\n1. Первое\n2. Второе\nЗнания:\n1. Третье"],
                                                ["y", "-"]]


def test_contact_lines_are_not_joined_to_the_name_above(tmp_path):
    document = new_document()
    add_table(document, [["Разработано:", ["ТОО «Фактор»", "Исин Н.К.", "info@itk.kz", "+7 701 1111871"]]])
    assert _rows(_read(tmp_path, document)) == [["Разработано:", "ТОО «Фактор»\nИсин Н.К.\ninfo@itk.kz\n+7 701 1111871"]]


def test_an_auto_numbered_paragraph_with_line_breaks_is_one_item(tmp_path):
    document = new_document()
    add_table(document, [["x", ["Білім:", Num("«Мемлекеттік жастар саясаты туралы»⏎Қазақстан Республикасының Заңы"),
                                Num("Екінші")]],
                         ["y", ["Умения:", "1. Первое⏎2. Второе⏎Третье без номера"]]])
    assert _rows(_read(tmp_path, document)) == [
        ["x", "Білім:\n1. «Мемлекеттік жастар саясаты туралы» Қазақстан Республикасының Заңы\n2. Екінші"],
        ["y", "Умения:\n1. Первое\n2. Второе\n3. Третье без номера"]]


def test_a_numbered_item_ending_in_a_colon_is_still_an_item(tmp_path):
    document = new_document()
    add_table(document, [["x", ["Білім:", "1. Мыналарды білу:", Num("Конституция"), Num("Еңбек кодексі")]]])
    assert _rows(_read(tmp_path, document)) == [["x", "Білім:\n1. Мыналарды білу:\n2. Конституция\n3. Еңбек кодексі"]]


def _python_docx_rows(path):
    """Rows as python-docx sees them: a merged cell's ``_tc`` is repeated, so count each one once,
    and a cell whose ``_tc`` already appeared in the row above continues a vertical merge."""
    import docx

    rows = []
    for table in docx.Document(str(path)).tables:
        above: list = []
        for row in table.rows:
            seen: list = []
            for cell in row.cells:
                if not any(cell._tc is other for other in seen):
                    seen.append(cell._tc)
            row_cells = [(any(tc is other for other in above), "".join(tc.itertext()).strip()) for tc in seen]
            above = seen
            if any(text and not continued for continued, text in row_cells):  # the reader skips blank rows
                rows.append([continued for continued, _text in row_cells])
    return rows


def test_merged_cells_match_python_docx_tc_identity(tmp_path):
    """Cross-check against python-docx: one cell per distinct ``_tc``; empty where it continues the row above."""
    from docx_testlib import FIXTURES

    document = new_document()
    add_table(document, [["a", "b", "c"], [UP, "merged across two"], [UP, "p", "q"], ["x", "y", "z"]])
    paths = [save(document, tmp_path / "merged.docx")]
    paths += sorted(FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else []
    for path in paths:
        ours = [block.cells for block in read_docx_source(path).blocks if block.is_row]
        theirs = [row for row in _python_docx_rows(path) if len(row) > 1]
        assert [len(cells) for cells in ours] == [len(row) for row in theirs], path.name
        for cells, continued in zip(ours, theirs):
            assert all(cell == "" for cell, cont in zip(cells, continued) if cont), path.name
