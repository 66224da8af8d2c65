"""Russian outcomes: "умеет …" / "знает …" with correct case forms (pymorphy3)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.language import get_phraser

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "standards"


@pytest.fixture(scope="module")
def ru():
    return get_phraser("ru")


@pytest.mark.parametrize(
    "item,expected,verb,bloom",
    [
        # deverbal nouns with a genitive object → verb + accusative, adjectives agreeing
        ("Организация обучающих мероприятий", "умеет организовывать обучающие мероприятия", "организовывать", "create"),
        ("Проведение резервного копирования баз данных", "умеет проводить резервное копирование баз данных", "проводить", "apply"),
        ("Анализ производительности", "умеет анализировать производительность", "анализировать", "analyse"),
        ("Установка системного ПО.", "умеет устанавливать системное ПО", "устанавливать", "apply"),
        ("Установка и конфигурация системного и прикладного ПО.",
         "умеет устанавливать и конфигурировать системное и прикладное ПО", "конфигурировать", "apply"),
        ("Создание, изменение, удаление учетных записей пользователей БД.",
         "умеет создавать, изменять, удалять учетные записи пользователей БД", "создавать", "create"),
        ("Ведение эксплуатационной документации по БД.", "умеет вести эксплуатационную документацию по БД", "вести", "apply"),
        ("Принятие мер при возникновении ошибок при установке и настройке ПО.",
         "умеет принимать меры при возникновении ошибок при установке и настройке ПО", "принимать", "apply"),
        ("Контроль выполнения процедур резервного копирования и восстановления БД.",
         "умеет контролировать выполнение процедур резервного копирования и восстановления БД", "контролировать", "evaluate"),
        ("Выявление наиболее ресурсоемких запросов, влияющих на производительность СУБД",
         "умеет выявлять наиболее ресурсоемкие запросы, влияющие на производительность СУБД", "выявлять", "analyse"),
        ("Консультирование пользователей", "умеет консультировать пользователей", "консультировать", "apply"),
        ("Обучение новых сотрудников", "умеет обучать новых сотрудников", "обучать", "apply"),
        ("Проведение анализа и оптимизации запросов", "умеет проводить анализ и оптимизацию запросов", "проводить", "apply"),
        ("Анализ и оценка производительности БД", "умеет анализировать и оценивать производительность БД", "оценивать", "evaluate"),
        ("Разработка нормативно-технической документации по функционированию БД.",
         "умеет разрабатывать нормативно-техническую документацию по функционированию БД", "разрабатывать", "create"),
        # other government and fixed phrases
        ("Управление уровнями доступа групп пользователей БД.", "умеет управлять уровнями доступа групп пользователей БД", "управлять", "create"),
        ("Работа в команде", "умеет работать в команде", "работать", "apply"),
        ("Мониторинг сети", "умеет проводить мониторинг сети", "проводить мониторинг", "evaluate"),
        # light verb when the complement cannot become an object
        ("Установка и управление ресурсами аппаратно-программного комплекса.",
         "умеет осуществлять установку и управление ресурсами аппаратно-программного комплекса", "управлять", "create"),
        ("Контроль за соблюдением регламентов", "умеет осуществлять контроль за соблюдением регламентов", "контролировать", "evaluate"),
        ("Резервное копирование баз данных", "умеет осуществлять резервное копирование баз данных", "осуществлять", "apply"),
        ("Осуществление мониторинга работоспособности ПО.", "умеет осуществлять мониторинг работоспособности ПО", "осуществлять", "apply"),
        # infinitives and prefixes
        ("Проводить аудит информационной безопасности", "умеет проводить аудит информационной безопасности", "проводить", "apply"),
        ("Настраивать сервер", "умеет настраивать сервер", "настраивать", "apply"),
        ("1. Определять и устранять ошибки", "умеет определять и устранять ошибки", "определять", "analyse"),
        ("Умение работать с документами", "умеет работать с документами", "работать", "apply"),
        ("Навыки работы с СУБД", "владеет навыками работы с СУБД", "владеть", "apply"),
        # fallback
        ("Документация проекта", "умеет выполнять: документация проекта", "выполнять", "apply"),
        ("Средства администрирования", "умеет выполнять: средства администрирования", "выполнять", "apply"),
        ("Прогноз и оценка рисков сбоев в работе БД.", "умеет прогнозировать и оценивать риски сбоев в работе БД", "оценивать", "evaluate"),
    ],
)
def test_ability(ru, item, expected, verb, bloom):
    outcome = ru.ability(item)
    assert outcome.text == expected
    assert (outcome.verb, outcome.bloom) == (verb, bloom)


@pytest.mark.parametrize(
    "item,expected,bloom",
    [
        ("Основы администрирования", "знает основы администрирования", "remember"),
        ("Методы оптимизации запросов", "знает методы оптимизации запросов", "remember"),
        ("Принципы работы СУБД", "знает принципы работы СУБД", "remember"),
        ("Знание драйверов для установки требуемых устройств", "знает драйверы для установки требуемых устройств", "remember"),
        ("Знание английского языка", "знает английский язык", "remember"),
        ("Структура базы данных", "знает структуру базы данных", "remember"),
        ("Основные средства и методы мониторинга функционирования БД.",
         "знает основные средства и методы мониторинга функционирования БД", "remember"),
        ("Система управления БД.", "знает систему управления БД", "remember"),
        ("Архитектуру распределенной системы", "знает архитектуру распределенной системы", "remember"),
        ("Потребители услуг", "знает потребителей услуг", "remember"),
        ("SQL и NoSQL", "знает SQL и NoSQL", "remember"),
        ("Закон Республики Казахстан «Об информатизации»", "знает Закон Республики Казахстан «Об информатизации»", "remember"),
        ("Иметь представление о ИБ.", "имеет представление о ИБ", "understand"),
        ("Понимание принципов ИБ", "понимает принципы ИБ", "understand"),
        ("2. Исправлять ошибки в приложениях", "знает, как исправлять ошибки в приложениях", "remember"),
        ("Реляционные (PostgreSQL) базы данных", "знает реляционные (PostgreSQL) базы данных", "remember"),
        ("Программное обеспечение для работы на сервере", "знает программное обеспечение для работы на сервере", "remember"),
    ],
)
def test_knowledge(ru, item, expected, bloom):
    outcome = ru.knowledge(item)
    assert outcome.text == expected
    assert outcome.bloom == bloom
    assert outcome.kind == "knowledge"


@pytest.mark.parametrize(
    "item,topic",
    [
        ("Знание методов оптимизации", "Методы оптимизации"),
        ("Знание драйверов для установки требуемых устройств", "Драйверы для установки требуемых устройств"),
        ("Основы администрирования.", "Основы администрирования"),
        ("знать принципы ИБ", "Принципы ИБ"),
    ],
)
def test_topic(ru, item, topic):
    assert ru.topic(item) == topic


def starts_with_infinitive(ru, item: str) -> bool:
    words = item.split()
    if len(words) > 1 and re.fullmatch(r"\d+[.)]?", words[0]):
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and ru._impl.is_infinitive(words[0].strip(".,;:"))


def _docx_items(path: Path) -> list[str]:
    docx = pytest.importorskip("docx")
    items = []
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
            if len(cells) < 2:
                continue
            for line in cells[-1].splitlines():
                line = " ".join(line.split())
                if 8 < len(line) < 200 and not line.endswith(":"):
                    items.append(line)
    return list(dict.fromkeys(items))


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="../shared/fixtures/standards is not available")
@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else [])
def test_real_standards_phrase_cleanly(ru, name):
    """Every line of the real DOCX standards phrases without error into a well-formed outcome."""
    items = _docx_items(FIXTURES / name)
    assert len(items) > 20
    for item in items:
        ability, knowledge = ru.ability(item), ru.knowledge(item)
        assert ability.text.startswith(("умеет ", "владеет ")), (item, ability.text)
        assert knowledge.text.startswith(("знает", "понимает ", "имеет ", "владеет ")), (item, knowledge.text)
        assert "  " not in ability.text and not ability.text.endswith(";")
        if starts_with_infinitive(ru, item):
            assert ability.text.startswith("умеет ") and ":" not in ability.text.split()[1], ability.text
            assert knowledge.text.startswith(("знает, как ", "имеет ", "понимает ", "владеет ")), knowledge.text
