"""The Kazakh rules of issue 18 one by one: verb stems, loanword harmony, negatives, names, lint."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from generator.language import get_phraser, keeps_capital
from generator.language.names import dictionary_names, names_in
from generator.review import lint as lint_standard
from generator.standard.store import load_standard


@pytest.fixture(scope="module")
def kk():
    return get_phraser("kk")


@pytest.fixture(scope="module")
def morph(kk):
    return kk._impl.morph


@pytest.mark.parametrize(
    "noun,converb,present,reading",
    [
        # ы/і stems hidden by -у: the lexicon decides
        ("оқу", "оқи", "оқиды", "hidden_vowel"),
        ("тану", "тани", "таниды", "hidden_vowel"),
        ("қамту", "қамти", "қамтиды", "hidden_vowel"),
        ("тоқу", "тоқи", "тоқиды", "hidden_vowel"),
        # consonant stems that look the same
        ("жазу", "жаза", "жазады", "consonant"),
        ("ашу", "аша", "ашады", "consonant"),
        ("қазу", "қаза", "қазады", "consonant"),
        ("жабу", "жаба", "жабады", "consonant"),
        ("егу", "еге", "егеді", "consonant"),
        ("таныту", "таныта", "танытады", "consonant"),
        ("оқыту", "оқыта", "оқытады", "consonant"),
        # vowel stems and -ю verbs
        ("сауу", "сауа", "сауады", "vowel"),
        ("тиеу", "тией", "тиейді", "vowel"),
        ("құю", "құя", "құяды", "ю"),
        ("сою", "соя", "сояды", "ю"),
        ("кию", "кие", "киеді", "ю"),
        ("қию", "қия", "қияды", "ю"),
    ],
)
def test_stems_and_converbs(morph, noun, converb, present, reading):
    assert morph.stem_of(noun)[1] == reading
    assert morph.converb(noun) == converb
    assert morph.present(converb) == present


def test_a_verb_not_in_the_lexicon_is_read_as_a_consonant_stem_and_reported(kk):
    explanation = kk.explain("ability", "Жаңа әдістерді сарқу")
    assert explanation.outcome.text == "жаңа әдістерді сарқа алады"
    [warning] = explanation.warnings
    assert warning.rule == "stem" and "сарқ-" in warning.detail and "kk.yaml" in warning.data


@pytest.mark.parametrize(
    "noun,accusative",
    [
        # «у» as the vowel of a closed last syllable: back
        ("форум", "форумды"), ("консилиум", "консилиумды"), ("вакуум", "вакуумды"), ("ресурс", "ресурсты"),
        ("минимум", "минимумды"), ("референдум", "референдумды"), ("вирус", "вирусты"), ("маршрут", "маршрутты"),
        # a final -кт: front, with the vowel і before the suffix
        ("акт", "актіні"), ("факт", "фактіні"), ("продукт", "продуктіні"), ("интеллект", "интеллектіні"),
        ("смарт-контракт", "смарт-контрактіні"),
        # -нк, -рк, -ск: front
        ("банк", "банкті"), ("парк", "паркті"), ("бланк", "бланкті"), ("диск", "дискті"),
        # a soft sign in the last syllable: front
        ("модуль", "модульді"), ("пульт", "пультті"), ("стиль", "стильді"),
        # ю-loans, one by one in the data
        ("шлюз", "шлюзді"), ("парашют", "парашютті"), ("меню", "менюді"),
        # -ия and native words keep their rules
        ("психология", "психологияны"), ("туризм", "туризмді"), ("баланс", "балансты"), ("бағалау", "бағалауды"),
    ],
)
def test_loanword_harmony(morph, noun, accusative):
    assert morph.accusative(noun) == accusative


def test_negative_verbal_nouns(morph, kk):
    assert morph.negative_of("етпеу") == "ету"
    assert morph.negative_of("бұзбау") == "бұзу"
    assert morph.negative_of("сақтамау") == "сақтау"
    assert morph.negative_of("тиемеу") == "тиеу"
    assert morph.negative_of("демеу") is None  # a verb of its own (деме-у), not «not say»
    assert morph.negative_of("жасау") is None
    assert kk.ability("Ақпаратты жария етпеу").text == "ақпаратты жария етпеуді қамтамасыз ете алады"
    assert kk.ability("Қауіпсіздік ережелерін бұзбау").text == "қауіпсіздік ережелерін сақтай алады"


@pytest.mark.parametrize(
    "item,outcome",
    [
        ("Іс қағаздарын жүргізу дағдыларын меңгеру", "іс қағаздарын жүргізе алады"),
        ("Мемлекеттік тілді меңгеру", "мемлекеттік тілді қолдана алады"),
        ("Компьютерде жұмыс істеуді меңгеру", "компьютерде жұмыс істей алады"),
        ("Толеранттылық", "толеранттылық таныта алады"),
        ("Көшбасшылық", "көшбасшылық қасиеттерін таныта алады"),
        ("Шығармашылық ойлау", "шығармашылықпен ойлай алады"),
        ("Құжаттама", "құжаттаманы жүргізе алады"),
        ("Мониторинг", "мониторинг жүргізе алады"),
        ("Ішкі бақылау", "ішкі бақылауды жүзеге асыра алады"),
        ("Жұмыс орнының қауіпсіздігін бақылау", "жұмыс орнының қауіпсіздігін бақылай алады"),
        ("Тазалық сақтау", "тазалық сақтай алады"),  # a -лық noun as the object, not an adjective
        ("Жаңа қызметкерлерге тәлімгерлік ету", "жаңа қызметкерлерге тәлімгерлік ете алады"),
    ],
)
def test_items_without_a_usable_verb(kk, item, outcome):
    assert kk.ability(item).text == outcome


@pytest.mark.parametrize(
    "item,outcome",
    [
        ("Оқу және тәрбие жұмысын жоспарлау", "оқу және тәрбие жұмысын жоспарлай алады"),
        ("Деректерді өңдеу (жинау, сақтау, жою) саясатын әзірлеу", "деректерді өңдеу (жинау, сақтау, жою) саясатын әзірлей алады"),
        ("Кітап оқу, спорт және өнер арқылы бос уақытты ұйымдастыру", "кітап оқу, спорт және өнер арқылы бос уақытты ұйымдастыра алады"),
        ("Диагноз қою және емдеу жоспарын құру", "диагноз қоя және емдеу жоспарын құра алады"),
        ("Деректерді жинау, өңдеу және талдау", "деректерді жинай, өңдей және талдай алады"),
    ],
)
def test_verbal_nouns_that_are_not_heads_stay(kk, item, outcome):
    assert kk.ability(item).text == outcome


@pytest.mark.parametrize(
    "text,keeps",
    [
        ("Каспий теңізінің жағалауы", True),  # data list
        ("Астанадағы кездесулер", True),  # a name with a case ending
        ("Республикалық бюджет", False),  # an adjective from a name
        ("Қазақстандық тәжірибе", False),
        ("Іле Алатауы ұлттық паркі", True),  # the next word is capitalised too
        ("Шарын шатқалы мен Шарын өзені", True),  # the item capitalises it again
        ("Оқыту іс-шаралары", False),
        ("ЖРО жұмысы", True),
        ("Excel бағдарламасы", True),
        ("«Электрондық үкімет» порталы", True),
    ],
)
def test_keeps_capital(text, keeps):
    assert keeps_capital(text, "kk") is keeps


def test_keeps_capital_with_names_the_caller_saw(tmp_path):
    assert not keeps_capital("Тобылғы бұтасы", "kk")
    assert keeps_capital("Тобылғы бұтасы", "kk", names={"Тобылғы"})
    assert names_in(["Өзен бойындағы Тобылғы бұтасы", "Бірінші сөйлем. Екінші сөйлем"]) == {"Тобылғы"}


def test_russian_keeps_capital():
    assert keeps_capital("Закон Республики Казахстан", "ru")
    assert not keeps_capital("Постановление Правительства", "ru")
    assert keeps_capital("Социальный кодекс Республики Казахстан", "ru")


@pytest.mark.skipif(not dictionary_names("/usr/share/hunspell/kk_KZ.dic"), reason="hunspell-kk is not installed")
def test_keeps_a_capitalised_entry_of_the_hunspell_dictionary():
    name = sorted(dictionary_names("/usr/share/hunspell/kk_KZ.dic"))[0]
    assert keeps_capital(f"{name} туралы әңгіме", "kk")


def test_lint_reports_phrasing(seed_yaml_path):
    standard = load_standard(seed_yaml_path)
    edited = copy.deepcopy(standard)
    item = edited.cards[1].functions[1].skills[0].abilities[0]
    item.text = "Жаңа әдістерді сарқу"
    warnings = [w for w in lint_standard(edited) if w.where == item.id]
    assert [w.code for w in warnings] == ["verb-stem"]
    assert "сарқа алады" in warnings[0].message and "kk.yaml" in warnings[0].message


def test_the_verb_lexicon_is_clean():
    import yaml

    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "generator/languages/kk/lexicon_verbs.yaml").read_text("utf-8"))
    stems = data["verb_stems"]
    assert all(stem.endswith(("ы", "і")) for stem in stems["hidden_vowel"])
    assert not any(stem.endswith(tuple("аәеоөұүыіуюяи")) for stem in stems["consonant"])
    assert all(stem.endswith(tuple("аәеоөұүу")) for stem in stems["vowel"])
    listed = stems["hidden_vowel"] + stems["consonant"] + stems["vowel"]
    assert len(listed) == len(set(listed)), "a stem is listed twice"
    assert all(set(stem) <= set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя") for stem in listed)
