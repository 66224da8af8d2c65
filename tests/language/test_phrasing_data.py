"""Phrasing data: workspace extensions, overrides, validation errors, data files and caching."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.exceptions import PhrasingError
from generator.language import Phraser, get_phraser
from generator.language.lexicon import DATA_DIR, merge


def build_file_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_builtin_data_files(tmp_path):
    kk = Phraser("kk")
    assert kk.data_files() == [DATA_DIR / "kk.yaml", DATA_DIR / "kk_verbs.yaml"]
    assert kk.override_ids() == frozenset()
    assert Phraser("ru", tmp_path).data_files() == [DATA_DIR / "ru.yaml"]


def test_unknown_language():
    with pytest.raises(PhrasingError, match="Unknown phrasing language 'en'"):
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
    kk = Phraser("kk", tmp_path)
    assert kk.data_files() == [DATA_DIR / "kk.yaml", DATA_DIR / "kk_verbs.yaml", tmp_path / "phrasing" / "kk.yaml"]
    assert kk.ability("Ақмола облысында іс-шаралар өткізу").text == "Ақмола облысында іс-шаралар өткізе алады"
    # a list was extended, not replaced: built-in not-verbal nouns still hold
    assert kk.ability("Материалдарды бейімдеу").text == "материалдарды бейімдеу дағдыларын меңгерген"
    assert kk.ability("Тау").text == "тау дағдыларын меңгерген"
    # verb stems and light verbs of kk_verbs.yaml are extended the same way
    assert kk.ability("Жаңа әдістерді қабу").text == "жаңа әдістерді қаби алады"
    assert kk.ability("Оқу").text == "оқи алады"
    assert kk.ability("Әлеуметтік жоба").text == "әлеуметтік жобаны әзірлей алады"
    assert kk.ability("Мониторинг").text == "мониторинг жүргізе алады"
    assert kk.ability("Деректерді жинау").bloom == "analyse"
    assert Phraser("kk").ability("Деректерді жинау").bloom == "apply"


def test_russian_workspace_extension(tmp_path):
    build_file_tree(tmp_path, {"phrasing/ru.yaml": "nouns_to_verbs:\n  дефрагментация: дефрагментировать\n"})
    ru = Phraser("ru", tmp_path)
    assert ru.ability("Дефрагментация жестких дисков").text == "умеет дефрагментировать жесткие диски"


@pytest.mark.parametrize(
    "text,message",
    [
        ("verbs:\n  stemz: [a]\n", "unknown key verbs.stemz"),
        ("colour: red\n", "unknown key colour"),
        ("proper_names: Астана\n", "proper_names should be a list of strings"),
        ("verbs:\n  hidden_vowel_stems: {оқу: [оқы]}\n", "verbs.hidden_vowel_stems.оқу should be a string"),
        ("policy:\n  ability:\n    final_verb: [алады]\n", "policy.ability.final_verb should be a string"),
        ("- a\n- b\n", "Top-level element of phrasing file"),
        ("verbs: [\n", ":2: not valid YAML"),
        ("!!python/object/apply:os.system ['echo hi']\n", ":1: not valid YAML: could not determine a constructor"),
    ],
)
def test_invalid_extension(tmp_path, text, message):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": text})
    with pytest.raises(PhrasingError) as info:
        Phraser("kk", tmp_path)
    assert message in str(info.value)
    if "Top-level" not in message:
        assert str(tmp_path / "phrasing" / "kk.yaml") in str(info.value)


@pytest.mark.parametrize("name", ["kk.yaml", "overrides.yaml"])
def test_phrasing_file_that_is_not_utf8_is_one_line(tmp_path, name):
    (tmp_path / "phrasing").mkdir()
    (tmp_path / "phrasing" / name).write_bytes(b"verbs: \xff\n")
    with pytest.raises(PhrasingError) as info:
        Phraser("kk", tmp_path)
    assert str(info.value) == (f"{tmp_path / 'phrasing' / name}:1: not UTF-8 text (byte 7); "
                               "save the phrasing file as UTF-8")


def test_every_error_is_reported(tmp_path):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": "colour: red\nverbs:\n  stemz: []\nproper_names: 1\n"})
    with pytest.raises(PhrasingError) as info:
        Phraser("kk", tmp_path)
    for key in ("colour", "verbs.stemz", "proper_names"):
        assert key in str(info.value)


def test_empty_extension_is_fine(tmp_path):
    build_file_tree(tmp_path, {"phrasing/kk.yaml": "# nothing yet\n", "phrasing/overrides.yaml": ""})
    assert Phraser("kk", tmp_path).ability("Оқу").text == "оқи алады"


def test_overrides_win(tmp_path):
    build_file_tree(tmp_path, {
        "phrasing/overrides.yaml": """
            3412-0-003/F2/S1/A3: "топты басқара және фасилитация жасай алады"
            3412-0-003/F2/S1/K2: "бейресми білім беру әдістерін біледі"
            1210-0-020/F1/S1/A1: "  ЖРО   қызметіне басшылық жасай алады "
        """,
    })
    kk = Phraser("kk", tmp_path)
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
    outcome = Phraser("ru", tmp_path).ability("Разработка API", "X/F1/S1/A1")
    assert (outcome.text, outcome.verb, outcome.bloom, outcome.source) == (
        "умеет разрабатывать и тестировать API", "разрабатывать", "create", "override")


@pytest.mark.parametrize(
    "text,message",
    [
        ("- a\n", "should be a mapping of item id to outcome text"),
        ("X/F1/S1/A1: [a, b]\n", "X/F1/S1/A1: the outcome should be a non-empty string"),
        ("X/F1/S1/A1: ''\n", "X/F1/S1/A1: the outcome should be a non-empty string"),
        ("1: text\n", "key 1 should be an item id"),
        ("X/F1/S1/A1: !!python/name:os.system\n", ":1: not valid YAML: could not determine a constructor"),
    ],
)
def test_invalid_overrides(tmp_path, text, message):
    build_file_tree(tmp_path, {"phrasing/overrides.yaml": text})
    with pytest.raises(PhrasingError) as info:
        Phraser("kk", tmp_path)
    assert message in str(info.value)
    assert "overrides.yaml" in str(info.value)


def test_get_phraser_is_cached_per_language_and_workspace(tmp_path):
    assert get_phraser("kk") is get_phraser("kk")
    assert get_phraser("kk", tmp_path) is get_phraser("kk", tmp_path / "." )
    assert get_phraser("kk", tmp_path) is not get_phraser("kk")
    assert get_phraser("ru") is not get_phraser("kk")


def test_merge():
    base = {"a": [1], "b": {"c": "x", "d": [2]}, "e": "s"}
    assert merge(base, {"a": [3, 1], "b": {"d": [4], "f": "y"}, "e": "t"}) == {
        "a": [1, 3], "b": {"c": "x", "d": [2, 4], "f": "y"}, "e": "t"}
    assert base == {"a": [1], "b": {"c": "x", "d": [2]}, "e": "s"}


def test_policy_is_documented_in_the_data_file():
    text = (DATA_DIR / "kk.yaml").read_text(encoding="utf-8")
    for phrase in ("skill_verb: қолдана алады", "verbless_suffix: дағдыларын қолдана алады", "capacity_words"):
        assert phrase in text
