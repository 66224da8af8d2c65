"""The curated literature list, the feedback form and the organisation texts (data, kk + ru)."""
import re
import string

import pytest

from generator.design.literature import literature_for, load_literature
from generator.design.program_texts import FILES, load_texts
from generator.exceptions import StandardDataError

PLACEHOLDERS = {"feedback": {"program"}, "organisation": {"session_length", "group_min", "group_optimal", "group_max"}}


def test_literature_entries_are_complete_and_cite_one_law_only():
    entries = load_literature()
    assert len(entries) >= 8 and len({e.id for e in entries}) == len(entries)
    laws = [e for e in entries if e.kind == "law"]
    assert [e.id for e in laws] == ["law_education"]  # no act numbers from memory beyond this one
    assert "№ 319-III" in laws[0].ru and "2007 жылғы 27 шілдедегі № 319-III" in laws[0].kk
    for entry in entries:
        assert re.search(r"\b(19|20)\d\d\b", entry.ru) and entry.verify.strip(), entry.id


def test_literature_is_chosen_by_content_kind_laws_first_and_not_twice():
    general = literature_for("ru", ["normative"])
    with_planning = literature_for("ru", ["planning"])
    assert general[0].startswith("Закон Республики Казахстан от 27 июля 2007 года № 319-III")
    assert not any("Project management" in c for c in general)
    assert any("T-Kit 3: Project management" in c for c in with_planning)
    assert any("Bookmarks" in c for c in literature_for("kk", ["digital"]))
    standard_acts = ["Қазақстан Республикасының «Білім туралы» 2007 жылғы 27 шілдедегі № 319-III Заңы"]
    assert not any("319-III" in c for c in literature_for("kk", ["planning"], already_cited=standard_acts))


def test_a_workspace_literature_file_replaces_the_list_and_is_validated(file_tree, tmp_path):
    file_tree({"literature.yaml": """\
        entries:
          - id: own
            fits: [planning, robotics]
            kind: article
            kk: ""
            ru: Иванов И. Проекты в МРЦ. — Астана, 2020.
            verify: каталог библиотеки
        """})
    with pytest.raises(StandardDataError) as caught:
        load_literature(tmp_path)
    message = str(caught.value)
    assert "entries[0] (own).fits: use [all] or content kinds" in message
    assert "entries[0] (own).kind: unknown kind 'article'" in message and "entries[0] (own).kk: must not be empty" in message


@pytest.mark.parametrize("name", FILES)
def test_program_texts_have_the_same_keys_in_kk_and_ru_and_known_placeholders(name):
    kk, ru = load_texts(name, "kk"), load_texts(name, "ru")
    assert set(kk) == set(ru)
    for texts in (kk, ru):
        for value in texts.values():
            for text in value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                    assert fields <= PLACEHOLDERS[name], (name, fields)


def test_the_feedback_form_asks_the_rating_questions_in_both_languages():
    kk, ru = load_texts("feedback", "kk"), load_texts("feedback", "ru")
    assert kk["scale"] == [1, 2, 3, 4, 5]
    assert list(kk["rating_questions"]) == list(ru["rating_questions"]) == kk["rating_ids"]
    assert {"relevance", "methods", "trainer", "organisation", "apply"} <= set(kk["rating_ids"])
    assert len(kk["open_questions"]) == len(ru["open_questions"]) >= 3
    assert "{program}" in kk["intro"] and len(kk["evaluation_section"]) >= 3


def test_organisation_texts_fill_in_without_leftovers():
    ru = load_texts("organisation", "ru")
    numbers = {f"group_{key}": value for key, value in ru["group_size"].items()}
    text = ru["group_rationale"].format(**numbers) + ru["session_structure"].format(session_length="2 академических часа (90 минут)")
    assert "{" not in text and "8–16, оптимально — 12" in text
    assert "форм" in ru["online"] and "аралас" in load_texts("organisation", "kk")["blended"].lower()


def test_a_workspace_text_file_missing_a_language_key_is_refused(file_tree, tmp_path):
    file_tree({"organisation.yaml": """\
        group_size: {min: 8, optimal: 12, max: 16}
        kk: {heading: Оқытуды ұйымдастыру, online: ""}
        ru: {heading: Организация обучения}
        """})
    with pytest.raises(StandardDataError) as caught:
        load_texts("organisation", "ru", tmp_path)
    assert "kk.online: a text is required here" in str(caught.value)
    assert "kk and ru must have the same keys" in str(caught.value)
