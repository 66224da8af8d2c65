"""The phrasing layer's query methods the design stage uses (they read items; they change no outcome):
content words, case forms of a noun phrase, the object of an ability, an ability as a nominal heading."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from generator.language import get_phraser

KK = get_phraser("kk")
RU = get_phraser("ru")


@pytest.mark.parametrize("phrase, case, expected", [
    ("оқыту іс-шаралары", "genitive", "оқыту іс-шараларының"),
    ("іс-шара жоспары", "locative", "іс-шара жоспарында"),
    ("жоспар", "dative", "жоспарға"),
    ("топ", "dative", "топқа"),
    ("мектеп", "dative", "мектепке"),
    ("заң", "genitive", "заңның"),
    ("заң", "ablative", "заңнан"),
    ("процесс", "genitive", "процестің"),
    ("мониторинг", "locative", "мониторингте"),
    ("ЖРО", "genitive", "ЖРО-ның"),
    ("сауалнама", "accusative", "сауалнаманы"),
    ("Оқытуды жүргізудің теориясы мен әдістемесі (оқыту стилі, т.б.)", "genitive",
     "Оқытуды жүргізудің теориясы мен әдістемесінің (оқыту стилі, т.б.)"),
])
def test_kazakh_case_forms_of_a_noun_phrase(phrase, case, expected):
    assert KK.inflect(phrase, case) == expected


def test_kazakh_accusative_back_to_the_nominative():
    assert KK.inflect("Жастар ресурстық орталықтары туралы үлгілік ережені", "nominative", "accusative") == \
        "Жастар ресурстық орталықтары туралы үлгілік ереже"


@given(st.sampled_from(["жоспар", "сабақ", "кітап", "бағдарлама", "іс-шара", "ереже", "заң", "құрал", "әдіс",
                        "топ", "ұйым", "кеңес", "жоба", "тапсырма"]),
       st.sampled_from(["genitive", "dative", "locative", "ablative", "accusative"]))
def test_kazakh_case_endings_keep_the_word_and_its_harmony(word, case):
    form = KK.inflect(word, case)
    assert form.startswith(word) and len(form) > len(word)
    ending = form[len(word):]
    back = any(v in "аоұы" for v in word.rsplit("-", 1)[-1])
    assert not (back and set(ending) & set("еіә")) and not (not back and set(ending) & set("аыұ"))


@pytest.mark.parametrize("item, expected", [
    ("Оқыту іс-шараларын ұйымдастыру және өткізу", "оқыту іс-шаралары"),
    ("Жастарға сенімді және жүйелі ақпарат беру", "сенімді және жүйелі ақпарат"),
    ("Жастарға көрсетілетін қызметтердің сапасын жақсарту үшін қажеттілік сауалнамалары мен кері байланыс "
     "сауалнамаларын жүргізу", "қажеттілік сауалнамалары мен кері байланыс сауалнамалары"),
    ("Көрсетілетін қызметтердің сапасына мониторинг жүргізу", None),  # a dative is no object
    ("Көшбасшылық, делегация, жоспарлау, жәрдемдесу, коммуникация", None),  # a list of skills
    ("Бағалау нәтижелерімен жұмыс істеу қабілеті және рефлексия жүргізу", None),
])
def test_kazakh_object_of_an_ability(item, expected):
    assert KK.ability_object(item) == expected


@pytest.mark.parametrize("item, expected", [
    ("Планирование установки системного ПО", "установка системного ПО"),
    ("Установка и конфигурация системного и прикладного ПО", "системное и прикладное ПО"),
    ("Определять требования к нагрузке приложения", "требования к нагрузке приложения"),
    ("Организация обучающих мероприятий для молодежи", "обучающие мероприятия для молодежи"),
])
def test_russian_object_of_an_ability(item, expected):
    assert RU.ability_object(item) == expected


def test_russian_cases_and_headings():
    assert RU.inflect("обучающее мероприятие", "genitive") == "обучающего мероприятия"
    assert RU.inflect("Типового положения о молодежных ресурсных центрах", "nominative", "genitive") == \
        "Типовое положение о молодежных ресурсных центрах"
    assert RU.ability_heading("Архивировать и восстанавливать ГС") == "Архивирование и восстановление ГС"
    assert RU.ability_heading("Проводить мониторинг работы приложений", {"проводить": "проведение"}) == \
        "Проведение мониторинга работы приложений"
    assert RU.ability_heading("Организация обучающих мероприятий") is None  # already a heading
    assert KK.ability_heading("Оқыту іс-шараларын ұйымдастыру") is None


def test_content_words():
    assert RU.lemmas("Языки запросов к БД") == ["язык", "запрос", "бд"]
    assert KK.lemmas("Ақпаратты/деректерді жинау, өңдеу") == ["ақпаратты", "деректерді", "жинау", "өңдеу"]


def test_a_phraser_class_without_queries_gets_plain_answers(monkeypatch):
    phraser = get_phraser("kk")
    monkeypatch.setattr(phraser, "_impl", object())
    assert phraser.lemmas("Бейресми білім") == ["бейресми", "білім"]
    assert phraser.inflect("жоспар", "genitive") is None and phraser.inflect("жоспар", "nominative") == "жоспар"
    assert phraser.ability_object("x") is None and phraser.ability_heading("x") is None
