"""Lint reports the seed's own contradictions; cited normative acts become structured references."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest import import_standard
from generator.ingest.legal import parse_legal_ref
from generator.standard import model as m
from generator.review import lint as lint_standard


@pytest.fixture(scope="module")
def seed(seed_path) -> m.Standard:
    return import_standard(seed_path)


@pytest.fixture(scope="module")
def warnings(seed):
    return [str(w) for w in lint_standard(seed)]


def test_level_in_the_passport_list_differs_from_the_card(warnings):
    assert "1210-0-020: level 7 in the passport's list of cards, but 6 on the card [level-mismatch]" in warnings


def test_card_lists_three_functions_and_describes_four(warnings):
    assert "3412-0-003: lists 3 labour functions, describes 4 [function-count]" in warnings
    assert any(w.startswith("3412-0-003/F4: labour function 4") and w.endswith("[function-not-listed]")
               for w in warnings)


def test_function_title_differs_between_list_and_description(warnings):
    assert ("3412-0-003/F1: titled differently in the list and in its description: "
            "'Жастарды ақпараттандыруды және оларға кеңес беруді қамтамасыз ету' vs "
            "'Жастарды ақпараттандыруды және оларға консультация беруді қамтамасыз ету' "
            "(«кеңес» vs «консультация») [function-title]") in warnings


def test_abbreviation_introduced_in_the_list_is_not_a_difference(warnings):
    # list: "Жастар ресурстық орталығының (бұдан әрі - ЖРО) жұмысын …", description: "ЖРО жұмысын …"
    assert not any(w.startswith("1210-0-020/F1:") for w in warnings)


def test_lint_reports_and_does_not_fix(seed):
    # the model keeps both values as the standard states them
    assert seed.card_list[0].level == "7" and seed.cards[0].level == "6"
    assert len(seed.card("3412-0-003").listed_functions) == 3
    assert len(seed.card("3412-0-003").functions) == 4


@pytest.mark.parametrize("source", ["text", "yaml"])
def test_progen_lint_on_the_seed(seed_path, seed_yaml_path, source):
    path = seed_path if source == "text" else seed_yaml_path
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exit_code == 0, result.output
    assert "level 7 in the passport's list of cards, but 6 on the card [level-mismatch]" in result.stdout
    assert "3412-0-003: lists 3 labour functions, describes 4 [function-count]" in result.stdout
    assert "3412-0-003/F1: titled differently in the list and in its description" in result.stdout
    strict = CliRunner().invoke(main, ["lint", "--strict", str(path)])
    assert strict.exit_code == 1
    assert strict.stdout == result.stdout


# --- normative acts ------------------------------------------------------------------------------
def _refs(seed):
    refs = {}
    for *_, kind, each in seed.iter_items():
        if each.legal_ref is not None:
            assert kind == "knowledge", each.id
            refs.setdefault((each.legal_ref.kind, each.legal_ref.title), []).append(each.legal_ref)
    return refs


def test_five_distinct_acts_are_cited(seed):
    refs = _refs(seed)
    assert sorted(kind for kind, _title in refs) == sorted(
        ["constitution", "code", "law", "government_decree", "ministerial_order"])
    for versions in refs.values():  # the same act is parsed the same way every time it is cited
        assert all(v == versions[0] for v in versions)
    # Labour Code once, Constitution twice (card 1210-0-020, F1 and F2); the law, the decree and the
    # order in every function but 3412-0-003/F2, whose knowledge cites no act
    assert sorted(len(v) for v in refs.values()) == [1, 2, 6, 6, 6]


def test_government_decree_247(seed):
    ref = seed.card("1210-0-020").functions[0].skills[0].knowledge[3].legal_ref
    assert ref == m.LegalRef(
        kind="government_decree",
        title="Қазақстан Республикасы мемлекеттік жастар саясатының 2023 – 2029 жылдарға арналған тұжырымдамасын "
              "бекіту туралы",
        issuer="Қазақстан Республикасы Үкіметі",
        date="2023-03-28",
        number="247",
    )


def test_ministers_order_444_with_registration(seed):
    ref = seed.card("3412-0-003").functions[0].skills[0].knowledge[2].legal_ref
    assert ref == m.LegalRef(
        kind="ministerial_order",
        title="Жастар ресурстық орталықтары туралы үлгілік ережені бекіту туралы",
        issuer="Қазақстан Республикасы Ақпарат және қоғамдық даму министрі",
        date="2019-11-19",
        number="444",
        registration_number="19619",
    )


def test_constitution_code_and_law(seed):
    knowledge = seed.card("1210-0-020").functions[0].skills[0].knowledge
    assert knowledge[0].legal_ref == m.LegalRef(kind="constitution", title="Қазақстан Республикасының Конституциясы")
    assert knowledge[1].legal_ref == m.LegalRef(kind="code", title="Қазақстан Республикасының Еңбек кодексі")
    assert knowledge[2].legal_ref == m.LegalRef(kind="law", title="Мемлекеттік жастар саясаты туралы")


def test_plain_knowledge_items_have_no_reference(seed):
    knowledge = seed.card("1210-0-020").functions[1].skills[0].knowledge
    assert [k.legal_ref is None for k in knowledge] == [False, False, False, False, True, True, True, True, True]


@pytest.mark.parametrize("text, expected", [
    ("Конституция Республики Казахстан", m.LegalRef(kind="constitution", title="Конституция Республики Казахстан")),
    ("Трудовой кодекс Республики Казахстан", m.LegalRef(kind="code", title="Трудовой кодекс Республики Казахстан")),
    ("Закон Республики Казахстан от 9 февраля 2015 года № 285-V «О государственной молодежной политике»",
     m.LegalRef(kind="law", title="О государственной молодежной политике", date="2015-02-09", number="285-V")),
    ("Постановление Правительства Республики Казахстан от 28 марта 2023 года № 247 «Об утверждении Концепции»",
     m.LegalRef(kind="government_decree", title="Об утверждении Концепции",
                issuer="Правительство Республики Казахстан", date="2023-03-28", number="247")),
    ("Приказ Министра информации и общественного развития Республики Казахстан от 19 ноября 2019 года № 444 "
     "«Об утверждении Типового положения» (зарегистрирован в Реестре государственной регистрации нормативных "
     "правовых актов под № 19619)",
     m.LegalRef(kind="ministerial_order", title="Об утверждении Типового положения",
                issuer="Министр информации и общественного развития Республики Казахстан", date="2019-11-19",
                number="444", registration_number="19619")),
    ("Знание методов неформального образования", None),
    ("Деректерді талдаудың теориясы мен негізгі әдістерін білу", None),
])
def test_russian_and_plain_citations(text, expected):
    assert parse_legal_ref(text) == expected


def test_a_consistent_standard_passes_strict_lint(ru_sample_path):
    result = CliRunner().invoke(main, ["lint", "--strict", str(ru_sample_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == "0 warning(s)\n"


def test_lint_sees_glued_words_and_repeated_items_left_in_reviewed_data(seed):
    import copy

    edited = copy.deepcopy(seed)
    skill = edited.card("3412-0-003").functions[1].skills[0]
    skill.abilities[0].text = "Оқыту іс-шараларынұйымдастыру және өткізу №5бұйрығы"
    skill.knowledge[2].text = skill.knowledge[1].text
    warnings = [str(w) for w in lint_standard(edited)]
    assert "3412-0-003/F2/S1/A1: looks glued: №5бұйрығы [glued-word]" in warnings
    assert "3412-0-003/F2/S1/K2: the same knowledge appears twice in this skill [duplicate-item]" in warnings
    assert "3412-0-003/F2/S1/K3: the same knowledge appears twice in this skill [duplicate-item]" in warnings
