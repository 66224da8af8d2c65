"""A Russian text of the 2023 layout imports into the same model.

tests/data/ru_sample_2023.txt is a short synthetic standard written for these tests in the seed's
published format (TAB|TAB rows, a cell continuing on the next lines, items run together, glued
words, numbers inside items, «Обязательные трудовые функции::», three «Навык 1» variants). The
counts below were established by hand from that file:

card 1349-0-012 (ОРК 6): F1 4 abilities / 5 knowledge, F2 3 / 4
card 3412-0-004 (ОРК 5): F1 3 / 3, F2 4 / 2, F3 2 / 3
in all: 2 cards, 5 labour functions, 5 skills, 16 abilities, 17 knowledge items.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest import import_standard
from generator.standard.text import find_glued
from generator.standard import model as m
from generator.review import lint as lint_standard
from generator.standard.store import load_standard, save_standard, standard_to_yaml

EXPECTED = {"1349-0-012": [(4, 5), (3, 4)], "3412-0-004": [(3, 3), (4, 2), (2, 3)]}


@pytest.fixture(scope="module")
def ru(ru_sample_path) -> m.Standard:
    return import_standard(ru_sample_path)


def test_language_is_detected_and_forced(ru, ru_sample_path):
    assert ru.language == "ru"
    assert import_standard(ru_sample_path, lang="ru") == ru


def test_counts_established_by_hand(ru):
    assert [c.code for c in ru.cards] == list(EXPECTED)
    for card in ru.cards:
        assert [len(f.skills) for f in card.functions] == [1] * len(EXPECTED[card.code])
        assert [(len(f.skills[0].abilities), len(f.skills[0].knowledge)) for f in card.functions] == EXPECTED[card.code]
    kinds = [kind for *_, kind, _i in ru.iter_items()]
    assert (kinds.count("ability"), kinds.count("knowledge")) == (16, 17)


def test_passport(ru):
    assert ru.code == "М84125"
    assert ru.title == "Деятельность в сфере государственной молодежной политики"
    assert [c.code for c in ru.classifier] == ["O", "84", "84.1", "84.12"]
    assert ru.classifier[0].name == "Государственное управление и оборона; обязательное социальное обеспечение"
    assert ru.common_knowledge == ["правила и нормы охраны труда", "техника безопасности",
                                   "производственная санитария и противопожарная защита",
                                   "правила документационного обеспечения и деловой переписки",
                                   "этика делового общения"]
    assert [(e.name, e.level) for e in ru.card_list] == [
        ("Руководитель молодежного ресурсного центра", "6"), ("Специалист по работе с молодежью", "5")]
    assert ru.approval.order_number == "100"
    assert ru.approval.signed_by == "К. Искаков"
    assert (ru.version, ru.year, ru.review_date) == ("версия 1, 2023 год", 2023, "2026-11-05")
    assert ru.technical.developers[0].executors == ["Иванова А.Б., a.ivanova@example.kz, 74-00-00"]


def test_cards(ru):
    head, specialist = ru.cards
    assert (head.group_code, specialist.group_code) == ("1349-0", "3412-0")
    assert (head.level, specialist.level) == ("6", "5")
    assert head.sublevel is None and head.tariff_level is None
    # "Высшее образованиеСпециальность:6B01 Педагогические науки6B03 …«Об утверждении …»"
    assert head.education.level == "Высшее образование"
    assert [(s.code, s.name) for s in head.education.specialities] == [
        ("6B01", "Педагогические науки"), ("6B03", "Социальные науки, журналистика и информация")]
    assert head.education.basis.startswith("«Об утверждении Классификатора")
    assert specialist.education.level == "Техническое и профессиональное образование"
    assert [(s.code, s.name) for s in specialist.education.specialities] == [
        ("02", "Искусство и гуманитарные науки"), ("03", "Социальные науки и информация")]
    assert specialist.education.basis is None
    assert head.purpose == ("Обеспечение деятельности молодежного ресурсного центра и взаимодействия "
                            "с государственными органами всех уровней")
    assert head.personal_competencies == ["Ответственность", "инициативность", "коммуникабельность",
                                          "стрессоустойчивость"]
    assert specialist.personal_competencies == ["Ответственность", "коммуникабельность", "эмпатия"]
    assert [f.title for f in head.listed_functions] == [
        "Управление деятельностью молодежного ресурсного центра (далее – МРЦ)",
        "Планирование и контроль работы специалистов по работе с молодежью"]
    assert [(r.level, r.name) for r in specialist.related_professions] == [
        ("5", "Социальный работник"), ("5", "Специалист по социальной работе")]


def test_skill_titles_and_recognition(ru):
    head, specialist = ru.cards
    assert head.functions[0].skills[0].title == "Организация деятельности МРЦ"  # "Навык 1Организация"
    assert head.functions[1].skills[0].title == "Планирование работы специалистов МРЦ"  # "Навык 1 (…): …"
    assert specialist.functions[0].skills[0].title == "Консультирование молодежи"  # "Навык 1: …"
    assert [f.skills[0].recognition for c in ru.cards for f in c.functions] == [True, True, True, True, False]
    assert specialist.functions[2].skills[0].recognition_text == "не рекомендуется"


HAND_WRITTEN = {
    "1349-0-012/F1/S1/A2": "Разработка планов развития МРЦ на 2024 – 2026 годы с учетом потребностей региона",
    "1349-0-012/F1/S1/A3": "Взаимодействие с руководителями других МРЦ в целях обмена опытом",  # "опытом.4.Ведение"
    "1349-0-012/F1/S1/A4": "Ведение деловых переговоров и публичные выступления",
    "1349-0-012/F1/S1/K2": "Трудовой кодекс Республики Казахстан",  # "РеспубликиКазахстан"
    "1349-0-012/F1/S1/K5": "Приказ Министра информации и общественного развития Республики Казахстан от 19 ноября "
                           "2019 года № 444 «Об утверждении Типового положения о молодежных ресурсных центрах» "
                           "(зарегистрирован в Реестре государственной регистрации нормативных правовых актов "
                           "под № 19619)",
    # a clause number inside an item is not the next item number
    "1349-0-012/F2/S1/A2": "Контроль качества оказываемых услуг в соответствии с п. 3.1 Типового положения",
    "1349-0-012/F2/S1/K3": "Теория и методика проведения обучения (стили обучения, предпочтения и т.д.)",
    "3412-0-004/F1/S1/A3": "Владение коммуникативными навыками, необходимыми для работы с молодежью",
    "3412-0-004/F2/S1/A1": "Проведение не менее 3 обучающих мероприятий в квартал для групп по 10–15 человек",
    "3412-0-004/F2/S1/A4": "Проведение опросов потребностей и анкет обратной связи",
    "3412-0-004/F3/S1/K2": "Знание теории и основных методов анализа данных",  # "данных.3. Приказ"
}


@pytest.mark.parametrize("item_id", sorted(HAND_WRITTEN))
def test_item_texts(ru, item_id):
    found = [i for *_, i in ru.iter_items() if i.id == item_id]
    assert [i.text for i in found] == [HAND_WRITTEN[item_id]]


def test_no_glued_words(ru, model_strings):
    for path, value in model_strings(ru):
        assert find_glued(value) == [], f"{path}: {value!r}"
        for glued in ("РеспубликиКазахстан", "образованиеСпециальность", "науки6B03", "науки03", "1Организация",
                      "Специальность:6"):
            assert glued not in value, path


def test_russian_citations_are_structured(ru):
    knowledge = ru.card("1349-0-012").functions[0].skills[0].knowledge
    refs = [k.legal_ref for k in knowledge]
    assert [r.kind for r in refs] == ["constitution", "code", "law", "government_decree", "ministerial_order"]
    assert (refs[2].date, refs[2].number) == ("2015-02-09", "285-V")
    assert (refs[3].date, refs[3].number, refs[3].issuer) == ("2023-03-28", "247", "Правительство Республики Казахстан")
    assert (refs[4].date, refs[4].number, refs[4].registration_number) == ("2019-11-19", "444", "19619")


def test_the_consistent_sample_has_no_contradiction_warnings(ru):
    codes = {w.code for w in lint_standard(ru)}
    assert not codes & {"level-mismatch", "function-count", "function-title", "name-mismatch", "glued-word"}


def test_yaml_round_trip_and_cli(ru, ru_sample_path, tmp_path):
    target = tmp_path / "out" / "ru.yaml"
    result = CliRunner().invoke(main, ["import", str(ru_sample_path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "language ru, 2 cards, 16 abilities, 17 knowledge items" in result.stdout
    assert target.read_text(encoding="utf-8") == standard_to_yaml(ru)
    assert load_standard(target) == ru
    save_standard(load_standard(target), tmp_path / "again.yaml")
    assert (tmp_path / "again.yaml").read_bytes() == target.read_bytes()


def test_forcing_the_wrong_language_is_a_clear_error(ru_sample_path):
    from generator.exceptions import ImportFormatError

    with pytest.raises(ImportFormatError, match=r"no labels of the 2023 layout in 'kk' found; it looks like 'ru'"):
        import_standard(ru_sample_path, lang="kk")
