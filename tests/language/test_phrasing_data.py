"""Phrasing data: workspace extensions, overrides, validation errors, data files and caching."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.exceptions import PhrasingError, WorkspaceDataError
from generator.language import Phraser, get_phraser
from generator.languages import get_pack
from generator.workspace import Workspace

KK_LEXICON = get_pack("kk").data_file("lexicon")
KK_VERBS = get_pack("kk").folder / "lexicon_verbs.yaml"
RU_LEXICON = get_pack("ru").data_file("lexicon")


def workspace_phraser(lang: str, root: Path) -> Phraser:
    """The phraser of a workspace folder (its phrasing/ files over the language pack's lexicon)."""
    return Workspace.load(root).phraser(lang)


def build_file_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_builtin_data_files(tmp_path):
    kk = Phraser("kk")
    assert kk.data_files() == [KK_LEXICON, KK_VERBS]
    assert kk.override_ids() == frozenset()
    assert workspace_phraser("ru", tmp_path).data_files() == [RU_LEXICON]


def test_unknown_language():
    with pytest.raises(PhrasingError, match="Unknown phrasing language: unknown language 'en'"):
        Phraser("en")


def test_workspace_extension_is_merged(tmp_path):
    build_file_tree(tmp_path, {
        "phrasing/kk.yaml": """
            proper_names: [Ақмола]
            verbs:
              hidden_vowel_stems: {жасу: жасы}
              not_verbal_nouns: [бейімдеу]
            verb_stems:
              hidden_vowel: [қабы]
            light_verb_nouns:
              жоба: әзірлей +acc
            bloom:
              analyse: [жинау]
            policy:
              ability:
                verbless_suffix: дағдыларын меңгерген
        """,
    })
    kk = workspace_phraser("kk", tmp_path)
    assert kk.data_files() == [KK_LEXICON, KK_VERBS, tmp_path / "phrasing" / "kk.yaml"]
    assert kk.ability("Ақмола облысында іс-шаралар өткізу").text == "Ақмола облысында іс-шаралар өткізе алады"
    # a list was extended, not replaced: built-in not-verbal nouns still hold
    assert kk.ability("Материалдарды бейімдеу").text == "материалдарды бейімдеу дағдыларын меңгерген"
    assert kk.ability("Тау").text == "тау дағдыларын меңгерген"
    # verb stems and light verbs of lexicon_verbs.yaml are extended the same way
    assert kk.ability("Жаңа әдістерді қабу").text == "жаңа әдістерді қаби алады"
    assert kk.ability("Оқу").text == "оқи алады"
    assert kk.ability("Әлеуметтік жоба").text == "әлеуметтік жобаны әзірлей алады"
    assert kk.ability("Мониторинг").text == "мониторинг жүргізе алады"
    assert kk.ability("Деректерді жинау").bloom == "analyse"
    assert Phraser("kk").ability("Деректерді жинау").bloom == "apply"


def test_russian_workspace_extension(tmp_path):
    build_file_tree(tmp_path, {"phrasing/ru.yaml": "nouns_to_verbs:\n  дефрагментация: дефрагментировать\n"})
    ru = workspace_phraser("ru", tmp_path)
    assert ru.ability("Дефрагментация жестких дисков").text == "умеет дефрагментировать жесткие диски"


@pytest.mark.parametrize(
    "text,message",
    [
        ("verbs:\n  stemz: [a]\n", ":2: verbs.stemz: unknown key 'stemz'"),
        ("colour: red\n", ":1: colour: unknown key 'colour'"),
        ("proper_names: Астана\n", ":1: proper_names: expected a list like the built-in value, got text"),
        ("verbs:\n  hidden_vowel_stems: {оқу: [оқы]}\n",
         ":2: verbs.hidden_vowel_stems.оқу: expected text like the built-in value, got a list"),
        ("policy:\n  ability:\n    final_verb: [алады]\n",
         ":3: policy.ability.final_verb: expected text like the built-in value, got a list"),
        ("- a\n- b\n", ":1: the top level must be a mapping"),
        ("verbs: [\n", ":2: not valid YAML"),
        ("!!python/object/apply:os.system ['echo hi']\n", ":1: the tag tag:yaml.org,2002:python/object/apply:os.system "
                                                         "is not allowed in progen data"),
    ],
)
def test_invalid_extension(tmp_path, text, message):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": text})
    with pytest.raises(WorkspaceDataError) as info:
        workspace_phraser("kk", tmp_path)
    assert message in str(info.value)
    assert str(tmp_path / "phrasing" / "kk.yaml") in str(info.value)


@pytest.mark.parametrize("name", ["kk.yaml", "overrides.yaml"])
def test_phrasing_file_that_is_not_utf8_is_one_line(tmp_path, name):
    (tmp_path / "phrasing").mkdir()
    (tmp_path / "phrasing" / name).write_bytes(b"verbs: \xff\n")
    with pytest.raises(WorkspaceDataError) as info:
        workspace_phraser("kk", tmp_path)
    what = "phrasing data" if name == "kk.yaml" else "phrasing overrides"
    assert str(info.value) == (f"{tmp_path / 'phrasing' / name}:1: not UTF-8 text (byte 7); "
                               f"save the {what} file as UTF-8")


def test_every_error_is_reported(tmp_path):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": "colour: red\nverbs:\n  stemz: []\nproper_names: 1\n",
                               "phrasing/overrides.yaml": "X/F1/S1/A1: []\n", "design.yaml": "colour: red\n"})
    with pytest.raises(WorkspaceDataError) as info:
        workspace_phraser("kk", tmp_path)
    for key in ("kk.yaml:1: colour", "kk.yaml:3: verbs.stemz", "kk.yaml:4: proper_names", "overrides.yaml:1: X/F1/S1/A1",
                "design.yaml:1: colour"):
        assert key in str(info.value)
    assert str(info.value).startswith(f"{tmp_path}: 5 problems in the workspace's data")


def test_empty_extension_is_fine(tmp_path):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": "# nothing yet\n", "phrasing/overrides.yaml": ""})
    assert workspace_phraser("kk", tmp_path).ability("Оқу").text == "оқи алады"


def test_overrides_win(tmp_path):
    build_file_tree(tmp_path, {
        "phrasing/overrides.yaml": """
            3412-0-003/F2/S1/A3: "топты басқара және фасилитация жасай алады"
            3412-0-003/F2/S1/K2: "бейресми білім беру әдістерін біледі"
            1210-0-020/F1/S1/A1: "  ЖРО   қызметіне басшылық жасай алады "
        """,
    })
    kk = workspace_phraser("kk", tmp_path)
    assert kk.override_ids() == {"3412-0-003/F2/S1/A3", "3412-0-003/F2/S1/K2", "1210-0-020/F1/S1/A1"}
    assert tmp_path / "phrasing" / "overrides.yaml" in kk.data_files()
    outcome = kk.ability("Топтық басқару және фасилитация, тәлімгерлік дағдылары", "3412-0-003/F2/S1/A3")
    assert outcome.text == "топты басқара және фасилитация жасай алады"
    assert (outcome.source, outcome.kind, outcome.verb, outcome.bloom) == ("override", "ability", "басқару", "create")
    knows = kk.knowledge("Бейресми білім беру әдістерін білу", "3412-0-003/F2/S1/K2")
    assert (knows.source, knows.verb, knows.bloom) == ("override", "білу", "remember")
    lead = kk.ability("whatever", "1210-0-020/F1/S1/A1")
    assert lead.text == "ЖРО қызметіне басшылық жасай алады"
    assert lead.verb == "басшылық жасау"
    # other ids and no id: the rules
    assert kk.ability("Оқыту іс-шараларын өткізу", "3412-0-003/F2/S1/A1").source == "rule"
    assert kk.ability("Оқыту іс-шараларын өткізу").source == "rule"


def test_russian_override_bloom(tmp_path):
    build_file_tree(tmp_path, {"phrasing/overrides.yaml": "X/F1/S1/A1: умеет разрабатывать и тестировать API\n"})
    outcome = workspace_phraser("ru", tmp_path).ability("Разработка API", "X/F1/S1/A1")
    assert (outcome.text, outcome.verb, outcome.bloom, outcome.source) == (
        "умеет разрабатывать и тестировать API", "разрабатывать", "create", "override")


@pytest.mark.parametrize(
    "text,message",
    [
        ("- a\n", "should be a mapping of item id to outcome text"),
        ("X/F1/S1/A1: [a, b]\n", "X/F1/S1/A1: the outcome should be a non-empty string"),
        ("X/F1/S1/A1: ''\n", "X/F1/S1/A1: the outcome should be a non-empty string"),
        ("'': text\n", "the key should be an item id"),
        ("X/F1/S1/A1: !!python/name:os.system\n", ":1: X/F1/S1/A1: the tag tag:yaml.org,2002:python/name:os.system is not"),
    ],
)
def test_invalid_overrides(tmp_path, text, message):
    build_file_tree(tmp_path, {"phrasing/overrides.yaml": text})
    with pytest.raises(WorkspaceDataError) as info:
        workspace_phraser("kk", tmp_path)
    assert message in str(info.value)
    assert "overrides.yaml" in str(info.value)


def test_a_phraser_is_made_once_per_language_and_workspace_object(tmp_path):
    assert get_phraser("kk") is get_phraser("kk")  # the built-in data: one workspace object per process
    workspace = Workspace.load(tmp_path)
    assert workspace.phraser("kk") is workspace.phraser("kk")
    assert workspace.phraser("kk") is not get_phraser("kk")
    assert Workspace.load(tmp_path).phraser("kk") is not workspace.phraser("kk")  # a new load starts fresh
    assert get_phraser("ru") is not get_phraser("kk")


def test_a_workspace_list_extends_the_builtin_one_and_a_mapping_is_updated(tmp_path):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": "coordinators: [және, немесе, яки]\nverbs: {hidden_vowel_stems: {тану: таны}}\n"})
    lexicon = Workspace.load(tmp_path).lexicons["kk"]
    builtin = Workspace.builtin().lexicons["kk"]
    assert lexicon["coordinators"] == builtin["coordinators"] + ["яки"]
    assert lexicon["verbs"]["hidden_vowel_stems"] == builtin["verbs"]["hidden_vowel_stems"]
    assert "яки" not in builtin["coordinators"]  # the built-in data is not changed


def test_policy_is_documented_in_the_data_file():
    text = KK_LEXICON.read_text(encoding="utf-8")
    for phrase in ("skill_verb: қолдана алады", "verbless_suffix: дағдыларын қолдана алады", "capacity_words"):
        assert phrase in text
