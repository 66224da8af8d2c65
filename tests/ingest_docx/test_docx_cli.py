"""`progen import FILE.docx` end to end: the layout it reports, and one-line errors for bad files."""
from __future__ import annotations

import zipfile

import docx
import pytest
from click.testing import CliRunner
from docx_testlib import FIXTURES, add_table, new_document, save

from generator.cli import main

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _import(*args):
    return CliRunner().invoke(main, ["import", *map(str, args)])


def _assert_one_line_error(result, *fragments):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception  # a handled error, not a crash
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")
@pytest.mark.parametrize("name, layout, cards", [
    ("ru_2022A_administrirovanie-baz-dannykh.docx", "A", 3),
    ("ru_2022B_administrirovanie-graficheskikh-i-os.docx", "B", 4),
    ("ru_2019B_vysokonagruzhennye-i-real-time.docx", "B", 7),
])
def test_import_reports_the_recognised_layout(tmp_path, name, layout, cards):
    out = tmp_path / "out.yaml"
    result = _import(FIXTURES / name, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"layout {layout}, language ru, {cards} cards" in result.output
    assert out.exists()


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")
def test_layout_option_forces_a_layout(tmp_path):
    result = _import(FIXTURES / "ru_2022B_administrirovanie-graficheskikh-i-os.docx", "--layout", "A",
                     "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.output
    assert "layout A" in result.output


def test_old_binary_doc(tmp_path):
    path = tmp_path / "standard.doc"
    path.write_bytes(CFB + b"\0" * 512 + "WordDocument".encode("utf-16-le") + b"\0" * 64)
    _assert_one_line_error(_import(path), "standard.doc", ".doc")


def test_old_binary_doc_renamed_to_docx(tmp_path):
    path = tmp_path / "standard.docx"
    path.write_bytes(CFB + b"\0" * 512 + "WordDocument".encode("utf-16-le") + b"\0" * 64)
    _assert_one_line_error(_import(path), "standard.docx", "old binary Word (.doc)", "save it as .docx")


def test_password_protected_docx(tmp_path):
    # an encrypted OOXML file is a CFB container holding EncryptionInfo and EncryptedPackage streams
    path = tmp_path / "locked.docx"
    path.write_bytes(CFB + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 16
                     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    _assert_one_line_error(_import(path), "locked.docx", "password-protected")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_docx(tmp_path, damage):
    path = tmp_path / "broken.docx"
    if damage == "garbage":
        path.write_bytes(b"PK\x03\x04" + b"not really a zip" * 20)
    else:
        good = save(new_document(), tmp_path / "good.docx").read_bytes()
        path.write_bytes(good[: len(good) // 2])
    _assert_one_line_error(_import(path), "broken.docx", "damaged")


def test_docx_with_broken_xml(tmp_path):
    good = save(new_document(), tmp_path / "good.docx")
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, b"<w:document><unclosed>" if item.filename == "word/document.xml" else data)
    _assert_one_line_error(_import(path), "badxml.docx", "damaged")


def test_a_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "table.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    _assert_one_line_error(_import(path), "table.docx", "Excel", "not a Word document")


def test_unrelated_docx(tmp_path):
    document = docx.Document()
    document.add_paragraph("Уважаемые коллеги! Приглашаем вас на конференцию.")
    add_table(document, [["Дата", "12 мая"], ["Место", "Астана"]])
    _assert_one_line_error(_import(save(document, tmp_path / "letter.docx")), "letter.docx",
                           "not a professional standard", "older layouts A/B")


def test_empty_docx(tmp_path):
    _assert_one_line_error(_import(save(docx.Document(), tmp_path / "empty.docx")), "empty.docx", "no text")


def test_docx_with_a_passport_but_no_profession_card(tmp_path):
    document = new_document()
    add_table(document, [["Наименование ПС:", "Администрирование баз данных"],
                         ["Перечень профессий", "Администратор баз данных"],
                         ["Краткое описание ПС:", "Установка и настройка СУБД"]])
    _assert_one_line_error(_import(save(document, tmp_path / "passport.docx")), "passport.docx",
                           "no profession card")


def test_docx_with_a_card_without_labour_functions(tmp_path):
    document = new_document()
    add_table(document, [["КАРТОЧКА ПРОФЕССИИ «Администратор»"], ["Код:", "2523-0-001"],
                         ["Профессия:", "Администратор"], ["Квалификационный уровень по ОРК:", "5"]])
    _assert_one_line_error(_import(save(document, tmp_path / "card.docx")), "card.docx",
                           "describes no labour function")


def test_2023_docx_without_cards(tmp_path):
    document = new_document()
    for text in ["Глава 1. Общие положения", "Глава 2. Паспорт профессионального стандарта",
                 "4. Наименование профессионального стандарта: «Тест».", "5. Код профессионального стандарта: T01.",
                 "Глава 3. Карточки профессий", "Глава 4. Технические данные профессионального стандарта"]:
        document.add_paragraph(text)
    add_table(document, [["Трудовая функция 1: Тест", "Навык 1: Тест", "Умения:"],
                         ["Трудовая функция 2: Тест", "Навык 1: Тест", "Знания:"]])
    _assert_one_line_error(_import(save(document, tmp_path / "nocards2023.docx")), "nocards2023.docx",
                           "no profession card")


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")
def test_forcing_the_wrong_language_says_which_one_fits(tmp_path):
    result = _import(FIXTURES / "ru_2022A_administrirovanie-baz-dannykh.docx", "--lang", "kk", "-o", tmp_path / "x.yaml")
    _assert_one_line_error(result, "no labels of layout A/B in 'kk'", "try --lang ru")


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"fixtures not found at {FIXTURES}")
def test_show_and_lint_read_the_imported_older_standard(tmp_path):
    out = tmp_path / "b.yaml"
    assert _import(FIXTURES / "ru_2022B_administrirovanie-graficheskikh-i-os.docx", "-o", out).exit_code == 0
    shown = CliRunner().invoke(main, ["show", str(out)])
    assert shown.exit_code == 0 and "2523-0-001-L5" in shown.output and "layout B" in shown.output
    linted = CliRunner().invoke(main, ["lint", str(out)])
    assert linted.exit_code == 0 and "[code-label]" in linted.output


def test_forcing_an_older_layout_on_a_2023_standard_is_refused(tmp_path):
    """A wrong --layout must not write an empty standard (0 abilities) under a made-up code."""
    from pathlib import Path

    from click.testing import CliRunner

    from generator.cli import main

    seed = Path(__file__).resolve().parents[2] / "standard_data" / "sources" / "M84120.kk.txt"
    target = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(seed), "--layout", "A", "-o", str(target)])
    assert result.exit_code == 1
    assert "but no abilities were found" in result.output and "Traceback" not in result.output
    assert not target.exists()
