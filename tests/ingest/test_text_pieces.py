"""The importer's building blocks: numbered lists run together, glued-word repair, decoding."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.exceptions import ImportFormatError, SourceError
from generator.ingest.blocks import decode_text
from generator.ingest.numbered import clean_item, split_numbered
from generator.ingest.repair import repair_glued
from generator.standard.text import find_glued


# --- numbered lists ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, items", [
    ("1. Бір;2. Екі;3. Үш.", ["Бір", "Екі", "Үш"]),
    ("1. Бір білу.2. Екі білу.", ["Бір білу", "Екі білу"]),  # "… білу.6. …"
    ("1. Бір;\n2. Екі;\n3. Үш", ["Бір", "Екі", "Үш"]),
    ("1. Бір;2. Екі;3. Үш;4.Көшбасшылық;5.Қаржылық менеджмент.", ["Бір", "Екі", "Үш", "Көшбасшылық",
                                                                  "Қаржылық менеджмент"]),
    ("1) бірінші; 2) екінші", ["бірінші", "екінші"]),
    # numbers inside items are not item numbers
    ("1. 2023 – 2029 жылдарға арналған тұжырымдама;2. № 19619 тіркелген;3. 84.12 сынып",
     ["2023 – 2029 жылдарға арналған тұжырымдама", "№ 19619 тіркелген", "84.12 сынып"]),
    ("1. Жоспар 2. кезеңде;2. Екі", ["Жоспар 2. кезеңде", "Екі"]),
    ("1. Контроль по п. 2.1 Правил;2. Разработка", ["Контроль по п. 2.1 Правил", "Разработка"]),
    ("1. Знание;2. Контроль по п. 3.1 Положения;3. Разработка.", ["Знание", "Контроль по п. 3.1 Положения",
                                                                   "Разработка"]),
    ("1. Стилі, қалауы және т.б.;2. Екі", ["Стилі, қалауы және т.б.", "Екі"]),
    ("1. Методы (стили, предпочтения и т.д.);2. Два", ["Методы (стили, предпочтения и т.д.)", "Два"]),
    ("Нөмірсіз жалғыз тармақ.", ["Нөмірсіз жалғыз тармақ"]),
    ("", []),
])
def test_split_numbered(text, items):
    assert split_numbered(text, "f.txt:1: test") == items


@pytest.mark.parametrize("text, message", [
    ("1. Бір;2. Екі;2. Екі тағы", r"f\.txt:1: test: item number 2 appears again after item 2"),
    ("1. Бір;1. Бір тағы", r"item number 1 appears again after item 1"),
    ("1. Бір;3. Үш", r"item 1 is followed by item 3; item 2 is missing"),
    ("2. Екі;3. Үш", r"the list starts with item 2, expected 1"),
])
def test_broken_numbering_is_an_error(text, message):
    with pytest.raises(ImportFormatError, match=message):
        split_numbered(text, "f.txt:1: test")


def test_clean_item_keeps_abbreviation_dots():
    assert clean_item("  Бір   екі ;") == "Бір екі"
    assert clean_item("а ,.") == "а"  # found by the property below: "…,." kept its comma
    assert clean_item("және т.б.;") == "және т.б."
    assert clean_item("және т.б.") == "және т.б."
    assert clean_item("соңы.") == "соңы"


WORD = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщыэюяәғқңөұүһі", min_size=1, max_size=8)
ITEM = st.lists(st.one_of(WORD, WORD.map(str.capitalize), st.integers(0, 3000).map(str),
                          st.sampled_from(["–", "№", "(", ")", ",", "2023 – 2029", "№ 19619", "84.12", "п. 3.1"])),
                min_size=1, max_size=8).map(" ".join).filter(lambda t: re.match(r"^[^\W\d]", t) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEM, min_size=1, max_size=9), st.lists(st.sampled_from([";", ";\n", ". ", ".", "; "]), min_size=9,
                                                        max_size=9), st.booleans())
def test_any_list_run_together_splits_back_into_its_items(items, separators, space_after_number):
    gap = " " if space_after_number else ""
    text = "".join(f"{separators[i - 1] if i > 1 else ''}{i}.{gap}{item}" for i, item in enumerate(items, start=1))
    assert split_numbered(text, "w") == [clean_item(item) for item in items]


# --- glued words ------------------------------------------------------------------------------------
@pytest.mark.parametrize("glued, repaired", [
    ("Қазақстан РеспубликасыныңКонституциясы", "Қазақстан Республикасының Конституциясы"),
    ("Министрдіңміндетін атқарушы", "Министрдің міндетін атқарушы"),
    ("Бұйрығыменбекітілген", "Бұйрығымен бекітілген"),
    ("Дағды 1ЖРО қызметін ұйымдастыру", "Дағды 1 ЖРО қызметін ұйымдастыру"),
    ("кейінгіМамандығы:6B01 Педагогикалық ғылымдар6B02 Өнер", "кейінгі Мамандығы: 6B01 Педагогикалық ғылымдар 6B02 Өнер"),
    ("білімМамандығы:02 Өнер ғылымдар03 Әлеуметтік", "білім Мамандығы: 02 Өнер ғылымдар 03 Әлеуметтік"),
    ("№ 247қаулысы", "№ 247 қаулысы"),
    ("№ 444бұйрығы(Нормативтік құқықтық", "№ 444 бұйрығы (Нормативтік құқықтық"),
    ("Трудовой кодекс РеспубликиКазахстан", "Трудовой кодекс Республики Казахстан"),
    ("Высшее образованиеСпециальность:6B01", "Высшее образование Специальность: 6B01"),
])
def test_repair_glued(glued, repaired):
    assert repair_glued(glued) == repaired
    assert find_glued(glued) != [] or glued.startswith(("Министр", "Бұйрығы"))  # no rule sees these two
    assert find_glued(repaired) == []


@pytest.mark.parametrize("text", ["ЖРО-ның қаржы-шаруашылық қызметіне", "2023 – 2029 жылдарға", "№ 19619 тіркелген",
                                  "6B01 Педагогикалық", "ҚР іс қағаздары", "Ақпаратты/деректерді жинау",
                                  "№ 285-V «О государственной молодежной политике»", "№01- 04/12 хаттама"])
def test_repair_leaves_good_text_alone(text):
    assert repair_glued(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_repair_only_ever_inserts_spaces(text):
    """An item stays verbatim: the repair changes no letter, it only separates words."""
    repaired = repair_glued(text)
    squeeze = lambda value: re.sub(r"[ \t\u00a0]+", "", value)  # noqa: E731
    assert squeeze(repaired) == squeeze(text.strip(" \t\u00a0")) or squeeze(repaired) == squeeze(text).strip()
    assert repair_glued(repaired) == repaired or find_glued(repaired) == find_glued(repair_glued(repaired))


# --- decoding ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b"PK\x03\x04rest", "this is a ZIP/DOCX file, not text; import it as a .docx file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old binary Word (.doc)"),
    (b"%PDF-1.7\n", "this is a PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "this is a JPEG image, not text"),
    (b"GIF89a\x01\x00", "this is a GIF image, not text"),
    (b"text\x00more", "not a text file (binary data at byte 4)"),
    (b"\xc3\x28\x01\x02 not utf-8 and control bytes", "not a text file (binary data at byte 2)"),
    ("Қабілет".encode("utf-16-le"), "not a text file"),
    ("Умения: привет".encode("cp1251"), "f.txt:1: not UTF-8 text (byte 0); it looks like Windows-1251 (cp1251)"),
    (b"ok line\n\x98\x98", "f.txt:2: not UTF-8 text (byte 8); save it as UTF-8"),
])
def test_decode_text_errors(data, message):
    with pytest.raises(SourceError) as caught:
        decode_text(Path("f.txt"), data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_decode_text_accepts_utf8_with_bom_and_dos_end_mark():
    assert decode_text(Path("f.txt"), "\ufeffҚабілет:".encode("utf-8")) == "Қабілет:"
    assert decode_text(Path("f.txt"), "Қабілет:\r\n\x1a".encode("utf-8")) == "Қабілет:\r\n\x1a"


def test_a_list_of_only_punctuation_has_no_items():
    """Found by the fuzzer: «Умения:\n;» imported an ability with empty text, which the data checks refuse."""
    assert split_numbered(";", "x") == [] and split_numbered(" ; ", "x") == []
