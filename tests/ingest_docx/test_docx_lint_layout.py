"""Layout-specific lint: numbering, knowledge lists that read like abilities, empty skills."""
from __future__ import annotations

from generator.standard import model as m
from generator.standard.lint import lint_layout, lint_standard


def _items(skill_id: str, kind: str, texts: list[str]) -> list[m.Item]:
    return [m.Item(id=m.item_id(skill_id, kind, i), text=t) for i, t in enumerate(texts, start=1)]


def _standard(functions: list[tuple[int, list[tuple[int, list[str], list[str]]]]], layout="B", language="ru",
              listed: list[int] | None = None) -> m.Standard:
    code = "1234-5-678"
    card = m.Card(code=code, group_code="1234-5", name="Тест")
    for number, skills in functions:
        function = m.LabourFunction(id=m.function_id(code, number), number=number, title=f"F{number}")
        for s_number, abilities, knowledge in skills:
            sid = m.skill_id(code, number, s_number)
            function.skills.append(m.Skill(id=sid, number=s_number, title=f"S{s_number}",
                                           abilities=_items(sid, "ability", abilities),
                                           knowledge=_items(sid, "knowledge", knowledge)))
        card.functions.append(function)
    card.listed_functions = [m.ListedFunction(number=n, title=f"F{n}") for n in (listed or [])]
    return m.Standard(code="x", title="x", language=language, cards=[card],
                      source=m.Source(file="x.docx", sha256="0", layout=layout, reader="docx"))


def _codes(warnings):
    return sorted((w.where, w.code) for w in warnings)


GOOD = (["Проводить проверку"], ["Методы проверки"])


def test_a_clean_standard_has_no_layout_warnings():
    assert lint_layout(_standard([(1, [(1, *GOOD), (2, *GOOD)]), (2, [(1, *GOOD)])], listed=[1, 2])) == []


def test_skipped_and_repeated_numbers():
    standard = _standard([(1, [(1, *GOOD), (3, *GOOD)]), (2, [(1, *GOOD), (1, *GOOD)]), (4, [(1, *GOOD)])],
                         listed=[1, 2, 2])
    warnings = lint_layout(standard)
    assert _codes(warnings) == [("1234-5-678", "function-numbering"), ("1234-5-678", "list-numbering"),
                                ("1234-5-678/F1", "skill-numbering"), ("1234-5-678/F2", "skill-numbering")]
    messages = {(w.where, w.code): w.message for w in warnings}
    assert "skips 3" in messages[("1234-5-678", "function-numbering")]
    assert "skips 2" in messages[("1234-5-678/F1", "skill-numbering")]
    assert "repeats 1" in messages[("1234-5-678/F2", "skill-numbering")]
    assert "repeats 2" in messages[("1234-5-678", "list-numbering")]


def test_an_empty_skill():
    warnings = lint_layout(_standard([(1, [(1, [], [])])]))
    assert _codes(warnings) == [("1234-5-678/F1/S1", "empty-skill")]


def test_a_russian_knowledge_list_that_reads_like_abilities():
    swapped = (["Методы тестирования"], ["Выполнять тесты", "Фиксировать дефекты", "Основы тестирования"])
    assert _codes(lint_layout(_standard([(1, [(1, *swapped)])]))) == [("1234-5-678/F1/S1", "knowledge-like-abilities")]
    # nouns ending like verbs are not actions; a single item is not a list
    fine = (["Выполнять тесты"], ["Сеть и связь", "Безопасность данных", "Ответственность сторон"])
    assert lint_layout(_standard([(1, [(1, *fine)])])) == []


def test_a_kazakh_knowledge_list_that_reads_like_abilities():
    swapped = (["Жоспар құру"], ["Іс-шараларды ұйымдастыру", "Сауалнама жүргізу", "Заңнама"])
    assert _codes(lint_layout(_standard([(1, [(1, *swapped)])], language="kk"))) == [
        ("1234-5-678/F1/S1", "knowledge-like-abilities")]
    knowing = (["Жоспар құру"], ["Жастардың ерекшеліктерін білу", "Қазақстан Республикасының Конституциясы"])
    assert lint_layout(_standard([(1, [(1, *knowing)])], language="kk")) == []


def test_an_item_that_still_starts_with_a_number():
    warnings = lint_layout(_standard([(1, [(1, ["Проводить тесты", "3. Документировать код"], ["Методы"])])]))
    assert _codes(warnings) == [("1234-5-678/F1/S1/A2", "item-number")]


def test_older_layouts_do_not_warn_about_recognition_but_2023_does():
    older = [w.code for w in lint_standard(_standard([(1, [(1, *GOOD)])], layout="A"))]
    newer = [w.code for w in lint_standard(_standard([(1, [(1, *GOOD)])], layout="2023"))]
    assert "no-recognition" not in older and "no-recognition" in newer


def test_lint_standard_includes_the_layout_checks():
    assert "empty-skill" in [w.code for w in lint_standard(_standard([(1, [(1, [], [])])]))]
