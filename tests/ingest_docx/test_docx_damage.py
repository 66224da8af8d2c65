"""Damaged Word files never crash the importer: a model or a one-line SourceError, no traceback."""
from __future__ import annotations

import copy
import random
import zipfile
from pathlib import Path

import pytest
from docx_testlib import FIXTURES, Num, add_table, new_document, save
from lxml import etree
from test_docx_layouts_ab import build_b
from test_docx_seed import SEED

from generator.exceptions import GeneratorError
from generator.ingest import import_standard
from generator.standard.lint import lint_standard

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAGS = {W + tag for tag in ("p", "tc", "tr", "tbl", "numPr", "vMerge", "gridSpan", "t", "r", "br")}


def _edited(source: Path, target: Path, edit) -> Path:
    """``source`` with ``edit(body)`` applied to its document.xml."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        root = etree.fromstring(archive.read("word/document.xml"))
        edit(root)
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            out.writestr(item, data)
    return target


def _damaged(source: Path, target: Path, rng: random.Random) -> Path:
    """Remove, move or scramble up to 30 random paragraphs, cells, rows, runs and numbering marks."""
    def damage(root) -> None:
        nodes = [node for node in root.iter() if node.tag in _TAGS]
        for _ in range(rng.randint(1, 30)):
            node = rng.choice(nodes)
            parent = node.getparent()
            if parent is None:
                continue
            roll = rng.random()
            if roll < 0.5:
                parent.remove(node)
            elif node.tag == W + "t" and node.text:
                letters = list(node.text)
                rng.shuffle(letters)
                node.text = "".join(letters)
            else:
                parent.append(node)

    return _edited(source, target, damage)


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    from docx_testlib import docx_from_published_text

    folder = tmp_path_factory.mktemp("sources")
    built = [build_b(folder / "b.docx"), docx_from_published_text(SEED.read_text("utf-8"), folder / "seed.docx")]
    return built + (sorted(FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else [])


@pytest.mark.parametrize("seed", range(12))
def test_damaged_documents_import_or_fail_cleanly(sources, tmp_path, seed):
    rng = random.Random(seed)
    for index, source in enumerate(sources):
        damaged = _damaged(source, tmp_path / f"{index}.docx", rng)
        try:
            standard = import_standard(damaged)
        except GeneratorError as error:
            assert "\n" not in str(error) and damaged.name in str(error)
        else:
            assert standard.cards and all(card.functions for card in standard.cards)


# --- one mistake at a time: each is read past with a note naming its place --------------------------
A_2022 = FIXTURES / "ru_2022A_administrirovanie-baz-dannykh.docx"
B_2022 = FIXTURES / "ru_2022B_administrirovanie-graficheskikh-i-os.docx"
needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def _first_paragraph(root, starts: str):
    return next(p for p in root.iter(W + "p") if _text(p).strip().startswith(starts))


def _retype(paragraph, old: str, new: str) -> None:
    """Replace text in a paragraph whose runs may split it: the whole text goes into the first run."""
    texts = list(paragraph.iter(W + "t"))
    texts[0].text = _text(paragraph).replace(old, new, 1)
    for t in texts[1:]:
        t.text = ""


def _row_line(source: Path, text: str) -> int:
    """The line (row ordinal) of the first block holding ``text``, from the document itself."""
    from generator.ingest import read_source

    return next(b.line for b in read_source(source).blocks if any(text in cell for cell in b.cells))


def _data(standard) -> dict:
    from generator.common.yaml_io import to_plain

    data = to_plain(standard)
    data.pop("source")
    return data


# the text changed in the first place it occurs in 2022B, the note it gives, and its message
RETYPED = {
    "duplicated task number": ("Задача 2", "Задача 1", "duplicate-number", "2523-0-001-L5/F1/S2",
                               "task 1 of labour function 1 is described twice with different titles "
                               "('Конфигурирование, внесения изменений, удаления ГС' and 'Сопровождение графических "
                               "систем (программную и ап'); read the second as task 2 (the next free number)"),
    "function heading in an unusual form": ("Трудовая функция 1", "ТФ 1", "function-heading", "2523-0-001-L5/F1",
                                            "'ТФ 1:\nУстановка и сопровождение графических систем' is no known "
                                            "label, but its row describes a labour function; read as the heading "
                                            "of labour function 1"),
}


@needs_fixtures
@pytest.mark.parametrize("case", list(RETYPED))
def test_a_retyped_heading_is_read_with_a_note_and_the_same_data(case, tmp_path):
    old, new, code, element, message = RETYPED[case]
    line = _row_line(B_2022, old + ":")
    damaged = _edited(B_2022, tmp_path / "b.docx", lambda root: _retype(_first_paragraph(root, old), old, new))
    standard = import_standard(damaged)
    assert [(n.where, n.code, n.id, n.message) for n in standard.source.notes] == [
        (f"b.docx:{line}", code, element, message)]
    assert _data(standard) == _data(import_standard(B_2022))


@needs_fixtures
def test_a_deleted_label_is_reported_and_its_list_read_as_knowledge(tmp_path):
    line = _row_line(A_2022, "Знания:")

    def delete_label(root):
        label = _first_paragraph(root, "Знания:")
        label.getparent().remove(label)

    standard = import_standard(_edited(A_2022, tmp_path / "a.docx", delete_label))
    assert [(n.where, n.code, n.id) for n in standard.source.notes] == [
        (f"a.docx:{line}", "missing-label", "2139-P1-L4/F1/S1")]
    assert _data(standard) == _data(import_standard(A_2022))
    assert [w.code for w in lint_standard(standard)].count("missing-label") == 1


@needs_fixtures
def test_a_deleted_item_changes_the_count_and_nothing_else(tmp_path):
    def delete_item(root):
        item = _first_paragraph(root, "Установка системного ПО.")
        item.getparent().remove(item)

    standard = import_standard(_edited(A_2022, tmp_path / "a.docx", delete_item))
    original = import_standard(A_2022)
    assert standard.source.notes == []
    assert standard.source.account.items == original.source.account.items - 1
    assert standard.source.account.paragraphs == original.source.account.paragraphs - 1
    expected = _data(original)
    abilities = expected["cards"][0]["functions"][0]["skills"][0]["abilities"]
    assert abilities.pop(1)["text"] == "Установка системного ПО"
    for number, item in enumerate(abilities, start=1):
        item["id"] = f"2139-P1-L4/F1/S1/A{number}"
    assert _data(standard) == expected


@needs_fixtures
def test_a_duplicated_row_is_imported_and_its_items_reported_twice(tmp_path):
    def duplicate_row(root):
        row = next(tr for tr in root.iter(W + "tr") if _text(tr).startswith("Трудовая функция 1"))
        row.addnext(copy.deepcopy(row))

    standard = import_standard(_edited(A_2022, tmp_path / "a.docx", duplicate_row))
    function = standard.cards[0].functions[0]
    assert [s.number for s in function.skills] == [1]
    assert len(function.skills[0].abilities) == 8  # the function's four abilities, twice
    duplicates = {w.where for w in lint_standard(standard) if w.code == "duplicate-item"}
    assert duplicates == {f"2139-P1-L4/F1/S1/A{n}" for n in range(1, 9)}


@needs_fixtures
def test_reordered_functions_keep_their_numbers_and_items(tmp_path):
    def swap_functions(root):
        rows = [tr for tr in root.iter(W + "tr")]
        first = next(i for i, tr in enumerate(rows) if _text(tr).startswith("Трудовая функция 1"))
        second = next(i for i, tr in enumerate(rows) if _text(tr).startswith("Трудовая функция 2"))
        for row in rows[second:second + 2]:  # function 2 and its knowledge row, before function 1
            rows[first].addprevious(row)

    standard = import_standard(_edited(A_2022, tmp_path / "a.docx", swap_functions))
    original = import_standard(A_2022)
    assert [f.number for f in standard.cards[0].functions] == [2, 1, 3, 4]
    assert sorted((f.id, f.title, len(f.skills[0].abilities), len(f.skills[0].knowledge))
                  for f in standard.cards[0].functions) == sorted(
        (f.id, f.title, len(f.skills[0].abilities), len(f.skills[0].knowledge)) for f in original.cards[0].functions)
    assert standard.source.notes == [] and standard.source.account.skipped == 0


def test_a_task_before_its_function_heading_belongs_to_the_function_that_follows(tmp_path):
    document = new_document()
    add_table(document, [
        ["КАРТОЧКА ПРОФЕССИИ: ТЕСТИРОВЩИК"], ["Код:", "1234-5-678"], ["Профессия:", "Тестировщик"],
        ["", "Задача 1: Составление плана", ["Умения:", Num("Составлять план проверок")]],
        ["Трудовая функция 1: Планирование проверок", "Задача 2: Согласование плана",
         ["Умения:", Num("Согласовывать план"), "Знания:", Num("Регламенты согласования")]],
        ["Трудовая функция 2: Проведение проверок", "Задача 1: Выполнение тестов",
         ["Умения:", Num("Выполнять тесты"), "Знания:", Num("Виды тестов")]],
        ["Требования к личностным компетенциям", "Ответственность"],
    ], cols=3)
    standard = import_standard(save(document, tmp_path / "order.docx"), layout="B")
    functions = standard.cards[0].functions
    assert [(f.number, f.title, [(s.number, s.title) for s in f.skills]) for f in functions] == [
        (1, "Планирование проверок", [(1, "Составление плана"), (2, "Согласование плана")]),
        (2, "Проведение проверок", [(1, "Выполнение тестов")])]
    assert [(n.where, n.code, n.id) for n in standard.source.notes] == [("order.docx:4", "before-function",
                                                                          "1234-5-678/F1")]
    assert standard.source.notes[0].message == (
        "task 1 'Составление плана' comes before any labour function heading; read as part of labour function 1 "
        "'Планирование проверок', whose heading follows at order.docx:5")


def test_a_line_a_parser_loses_is_caught_by_the_account(tmp_path, monkeypatch):
    """The account reads the parsed card back against its source, so a parser that drops an item is
    caught, not trusted: here the item splitter is made to lose each list's last item."""
    from test_docx_layouts_ab import build_b

    import generator.ingest.cards_atameken as cards

    source = build_b(tmp_path / "b.docx")
    assert import_standard(source).source.account.skipped == 0
    losing = cards.split_items
    monkeypatch.setattr(cards, "split_items", lambda text: losing(text)[:-1])
    standard = import_standard(source)
    assert standard.source.account.skipped > 0
    skipped = [n for n in standard.source.notes if n.code == "skipped-item"]
    assert skipped and all(n.where.startswith("b.docx:") for n in skipped)
    assert any("Составлять план проверок" in n.message or "Оценивать сроки" in n.message for n in skipped)
