"""The curated literature list, the feedback form and the organisation texts (data, kk + ru)."""
import re
import string

import pytest

from generator.design.literature import literature_for, load_literature
from generator.design.program_texts import TEXT_FILES
from generator.exceptions import StandardDataError, WorkspaceDataError
from generator.workspace import Workspace

PLACEHOLDERS = {"feedback": {"program"},
                "organisation": {"session_length", "group_min", "group_optimal", "group_max", "standard_title",
                                 "standard_code", "card_name", "card_code", "purpose", "audience", "entry_requirements",
                                 "format", "duration", "sessions", "language", "document", "skills", "education",
                                 "level", "sessions_per_day", "days_per_week", "start_date", "minutes", "structure",
                                 "hours_basis"}}


def test_literature_entries_are_complete_and_cite_one_law_only():
    entries = load_literature()
    assert len(entries) >= 8 and len({e.id for e in entries}) == len(entries)
    laws = [e for e in entries if e.kind == "law"]
    assert [e.id for e in laws] == ["law_education"]  # no act numbers from memory beyond this one
    assert "№ 319-III" in laws[0].citation("ru") and "2007 жылғы 27 шілдедегі № 319-III" in laws[0].citation("kk")
    for entry in entries:
        assert re.search(r"\b(19|20)\d\d\b", entry.citation("ru")) and entry.verify.strip(), entry.id


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


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return "list" if isinstance(value, list) else "text"


@pytest.mark.parametrize("name", TEXT_FILES)
def test_program_texts_have_the_same_keys_in_kk_and_ru_and_known_placeholders(name):
    workspace = Workspace.builtin()
    kk, ru = workspace.texts("kk")[name], workspace.texts("ru")[name]
    assert _shape(kk) == _shape(ru)
    for texts in (kk, ru):
        for _path, text in _texts(texts):
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert fields <= PLACEHOLDERS[name], (name, fields)


def _texts(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")
    else:
        yield path, value


def test_the_feedback_form_asks_the_rating_questions_in_both_languages():
    workspace = Workspace.builtin()
    kk, ru = workspace.texts("kk")["feedback"], workspace.texts("ru")["feedback"]
    ids = workspace.design["feedback"]["rating_ids"]
    assert workspace.design["feedback"]["scale"] == [1, 2, 3, 4, 5]
    assert list(kk["rating_questions"]) == list(ru["rating_questions"]) == ids
    assert {"relevance", "methods", "trainer", "organisation", "apply"} <= set(ids)
    assert len(kk["open_questions"]) == len(ru["open_questions"]) >= 3
    assert "{program}" in kk["intro"] and len(kk["evaluation_section"]) >= 3


def test_organisation_texts_fill_in_without_leftovers():
    from generator.design.program_sections import fill

    workspace = Workspace.builtin()
    ru = workspace.texts("ru")["organisation"]
    text = fill(ru["group_rationale"], "test", group_min=8, group_optimal=12, group_max=16) + fill(
        ru["session_structure"], "test", session_length="2 академических часа (90 минут)")
    assert "{" not in text and "8–16, оптимально — 12" in text
    assert "форм" in ru["online"] and "аралас" in workspace.texts("kk")["organisation"]["blended"].lower()


def test_a_workspace_changes_single_texts_and_an_emptied_text_or_unknown_key_is_refused(file_tree, tmp_path):
    file_tree({"organisation.yaml": """\
        kk: {heading: Біздің орталықта оқыту}
        """})
    assert Workspace.load(tmp_path).texts("kk")["organisation"]["heading"] == "Біздің орталықта оқыту"
    assert Workspace.load(tmp_path).texts("ru")["organisation"]["heading"] == "Организация обучения"
    file_tree({"organisation.yaml": """\
        kk: {heading: Оқытуды ұйымдастыру, online: ""}
        ru: {headng: Организация обучения}
        """, "feedback.yaml": """\
        ru:
          rating_questions: {relevance: Нужно ли это?}
        """})
    with pytest.raises(WorkspaceDataError) as caught:
        Workspace.load(tmp_path)
    message = str(caught.value)
    assert "kk.online: a text is required here" in message
    assert "organisation.yaml:2: ru.headng: unknown key 'headng' (did you mean 'heading'?)" in message
    assert "ru.rating_questions: must have exactly the rating ids of the design data" not in message  # merged


def test_a_pack_without_texts_reads_its_fallback_and_without_fallback_is_refused(tmp_path):
    from generator.languages import LanguagePack
    from generator.workspace.design_data import text_sources

    packs = Workspace.builtin().languages
    third = LanguagePack(code="xx", name="X", native_name="x", folder=tmp_path, word_tag="x", plural="one_other",
                         formats=("a",), phraser="m:C", fallback="ru")
    assert text_sources("feedback", "xx", {**packs, "xx": third}) == packs["ru"].data_file("feedback")
    alone = LanguagePack(code="xx", name="X", native_name="x", folder=tmp_path, word_tag="x", plural="one_other",
                         formats=("a",), phraser="m:C")
    assert text_sources("feedback", "xx", {**packs, "xx": alone}) is None


@pytest.mark.parametrize("lang, longer", [("kk", "26, 34-сабақтар — 3 академиялық сағат (135 минут)"),
                                          ("ru", "занятия 26, 34 — 3 академических часа (135 минут)")])
def test_the_session_length_names_the_sessions_that_are_longer(lang, longer):
    """3412-0-003 at 72 h has two 3-hour sessions: «Сабақтың ұзақтығы — 90 минут» alone would contradict them."""
    from pathlib import Path

    from generator.design import plan_program
    from generator.standard.store import load_standard
    from generator.workspace.spec import ProgramSpec

    seed = load_standard(Path(__file__).resolve().parents[2] / "standard_data" / "M84120.kk.yaml")
    program = plan_program(seed, ProgramSpec(card="3412-0-003", hours=72, year=2026, language=lang))
    assert [s.number for s in program.sessions if s.hours == 3] == [26, 34]
    assert longer in program.organisation[1] and longer in " ".join(program.explanatory_note)
