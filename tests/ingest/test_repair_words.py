"""Word-level import repairs (issue 18): glued Russian words, «X- Y», look-alike letters; and their lint."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest import import_standard
from generator.ingest.repair_words import glued_suspect, is_dictionary_word, repair_text, split_glued
from generator.review import lint as lint_standard
from generator.standard.store import load_standard, save_standard


@pytest.mark.parametrize(
    "text,repaired",
    [
        # glued where a line break was lost (the 2019B fixture)
        ("с описаниемкаждогопроцесса и функциональной", "с описанием каждого процесса и функциональной"),
        ("файлов с учетомихвеса и типа", "файлов с учетом их веса и типа"),
        ("Системы реальноговременина основеоткрытыхстандартов", "Системы реального времени на основе открытых стандартов"),
        ("Минимизировать числовозможных задержек", "Минимизировать число возможных задержек"),
        ("Использовать понеобходимости", "Использовать по необходимости"),
        ("Инструментальныесредстваразработкипрограмм, языкUML", "Инструментальные средства разработки программ, язык UML"),
        ("ИспользоватьWebAPI в XMLи JSONформатедлявеб разработки", "Использовать WebAPI в XML и JSON формате для веб разработки"),
        # a hyphen and a space inside a compound (the 2022A fixture); not before a conjunction
        ("Состав используемого аппаратно- программного комплекса", "Состав используемого аппаратно-программного комплекса"),
        ("тепло- и водоснабжение", "тепло- и водоснабжение"),
        # Latin letters that look Cyrillic; a Latin word stays Latin
        ("Cетевых протоколов (TCP, HTTP)", "Сетевых протоколов (TCP, HTTP)"),
        ("PHPи Python", "PHP и Python"),
        # compounds, loanwords and real long words stay
        ("высоконагруженных ресурсоемких автозапчастей энергоаудит", "высоконагруженных ресурсоемких автозапчастей энергоаудит"),
        ("вендоринг зависимостей, бэкенд, фронтэнд, дашборд, кэширование", "вендоринг зависимостей, бэкенд, фронтэнд, дашборд, кэширование"),
        ("сельскохозяйственных информационно-коммуникационных", "сельскохозяйственных информационно-коммуникационных"),
    ],
)
def test_russian_repairs(text, repaired):
    result, changes = repair_text(text, "ru")
    assert result == repaired
    assert bool(changes) == (text != repaired)


def test_kazakh_gets_no_dictionary_split_but_the_hyphen_and_look_alike_repairs():
    assert repair_text("ғылыми- зерттеу жұмыстары", "kk")[0] == "ғылыми-зерттеу жұмыстары"
    assert repair_text("ақпараттық- және коммуникациялық", "kk")[0] == "ақпараттық- және коммуникациялық"
    assert repair_text("Excelде деректерді өңдеу", "kk")[0] == "Excelде деректерді өңдеу"  # a suffix, not a word
    assert repair_text("Бағдарламалау тілі Cі", "kk")[0] == "Бағдарламалау тілі Cі"  # one Cyrillic letter


def test_a_typo_in_a_glued_word_is_not_split_but_suspected():
    assert split_glued("рекурсивногоинерфейса") is None
    assert glued_suspect("рекурсивногоинерфейса") and glued_suspect("разработкижзненногоцикла")
    assert not glued_suspect("зеркалирования") and not glued_suspect("высоконагруженных")


def _dictionary_words() -> list[str]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    words = []
    for prefix in ("пред", "рас", "инфо", "обес", "конф", "произ", "сель", "электро", "адми", "вза", "тепло"):
        words += [word for word, *_ in itertools.islice(morph.iter_known_word_parses(prefix), 400)]
    return sorted({w for w in words if w.isalpha()})


DICTIONARY_WORDS = _dictionary_words()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DICTIONARY_WORDS), min_size=1, max_size=6))
def test_repair_never_changes_a_dictionary_word(words):
    text = " ".join(words)
    assert all(is_dictionary_word(word) for word in words)
    assert repair_text(text, "ru") == (text, [])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([w for w in DICTIONARY_WORDS if len(w) >= 5]), min_size=2, max_size=3))
def test_a_glued_pair_of_dictionary_words_splits_into_dictionary_words(words):
    glued = "".join(words)
    parts = split_glued(glued)
    if parts is not None:  # it may refuse (a combining form first), but never invents a word
        assert "".join(parts) == glued and all(is_dictionary_word(p) for p in parts)


def test_import_records_the_repair_and_lint_reports_it(ru_sample_path, tmp_path):
    text = ru_sample_path.read_text(encoding="utf-8").replace(
        "4.Проведение опросов потребностей и анкет обратной связи.",
        "4.Проведение опросовпотребностей и анкет обратной связи аппаратно- программного комплекса.",
    )
    source = tmp_path / "sample.txt"
    source.write_text(text, encoding="utf-8")
    standard = import_standard(source)
    repaired = [item for *_, item in standard.iter_items() if item.repaired_from]
    assert [item.text for item in repaired] == [
        "Проведение опросов потребностей и анкет обратной связи аппаратно-программного комплекса"
    ]
    assert repaired[0].repaired_from.startswith("Проведение опросовпотребностей")
    target = tmp_path / "sample.yaml"
    save_standard(standard, target)
    assert target.read_text(encoding="utf-8").count("repaired_from:") == 1  # omitted where nothing was repaired
    warnings = [str(w) for w in lint_standard(load_standard(target)) if w.code == "repaired-word"]
    assert len(warnings) == 1
    assert "«опросовпотребностей» → «опросов потребностей»" in warnings[0]
    assert "«аппаратно- программного» → joined" in warnings[0]
