"""standard_data/M84120.kk.yaml: reproducible bytes, loading back the same model, and validation."""
from __future__ import annotations

import dataclasses

import pytest
import yaml

from generator.exceptions import StandardDataError
from generator.ingest import import_standard
from generator.standard import model as m
from generator.standard.store import default_filename, load_standard, save_standard, standard_to_yaml
from generator.common.yaml_io import parse_yaml


@pytest.fixture(scope="module")
def fresh(seed_path) -> m.Standard:
    return import_standard(seed_path)


def test_committed_yaml_equals_a_fresh_import_byte_for_byte(fresh, seed_yaml_path, tmp_path):
    target = tmp_path / "M84120.kk.yaml"
    save_standard(fresh, target)
    assert target.read_bytes() == seed_yaml_path.read_bytes()


def test_importing_again_gives_the_same_bytes(seed_path, tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    save_standard(import_standard(seed_path), first)
    save_standard(import_standard(seed_path), second)
    assert first.read_bytes() == second.read_bytes()


def test_loading_the_committed_yaml_gives_the_same_model(fresh, seed_yaml_path):
    loaded = load_standard(seed_yaml_path)
    assert loaded == fresh
    assert standard_to_yaml(loaded) == seed_yaml_path.read_text(encoding="utf-8")


def test_default_file_name_is_ascii(fresh):
    # the code is written with a Cyrillic М in the source
    assert fresh.code == "М84120"
    assert default_filename(fresh) == "M84120.kk.yaml"


def test_yaml_keeps_items_on_one_line_with_stable_ids(seed_yaml_path):
    text = seed_yaml_path.read_text(encoding="utf-8")
    assert "id: 3412-0-003/F2/S1/A3\n" in text
    assert "text: Оқыту іс-шараларын ұйымдастыру және өткізу\n" in text
    assert "\\u" not in text and "\\x" not in text, "Kazakh letters are written as they are"


def test_the_data_is_plain_safe_yaml(seed_yaml_path):
    data = yaml.safe_load(seed_yaml_path.read_text(encoding="utf-8"))
    assert data["cards"][1]["functions"][1]["skills"][0]["abilities"][2]["id"] == "3412-0-003/F2/S1/A3"


# --- validation --------------------------------------------------------------------------------
def _variant(seed_yaml_path, tmp_path, old: str, new: str, name: str = "variant.yaml"):
    text = seed_yaml_path.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_misspelt_key_is_reported_with_file_line_and_suggestion(seed_yaml_path, tmp_path):
    path = _variant(seed_yaml_path, tmp_path, "\ntitle: ", "\ntitel: ")
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{path}: 2 problems found"
    assert f"{path}:5: titel: unknown key 'titel' (did you mean 'title'?)" in lines
    assert any(line.endswith("title: this key is required but missing") for line in lines)


def test_wrong_type_is_reported_with_path(seed_yaml_path, tmp_path):
    path = _variant(seed_yaml_path, tmp_path, "    level: '6'\n", "    level: 6\n")
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    line = seed_yaml_path.read_text(encoding="utf-8").splitlines().index("    level: '6'") + 1
    assert str(caught.value) == (  # one problem: one line
        f"{path}:{line}: cards[0].level: expected text, got the number 6 (put it in quotes: \"6\")")


def test_every_problem_is_reported_at_once(seed_yaml_path, tmp_path):
    text = seed_yaml_path.read_text(encoding="utf-8")
    text = text.replace("year: 2023", "year: soon").replace("        mandatory: true", "        mandatory: 'yes'", 1)
    text = text.replace("    purpose:", "    purpos:", 1)
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    message = str(caught.value)
    assert message.splitlines()[0] == f"{path}: 3 problems found"
    assert "year: expected a whole number, got the text 'soon'" in message
    assert "cards[0].listed_functions[0].mandatory: expected true or false" in message
    assert "cards[0].purpos: unknown key 'purpos' (did you mean 'purpose'?)" in message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo owned']",
                                 "!!python/object:generator.standard.model.Standard {}",
                                 "!!python/name:os.system"])
def test_python_tags_are_refused(seed_yaml_path, tmp_path, tag):
    path = _variant(seed_yaml_path, tmp_path, "\ntitle: Мемлекеттік жастар саясаты саласындағы қызмет\n",
                    f"\ntitle: {tag}\n")
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    assert f"{path}:5: title: the tag tag:yaml.org,2002:python/" in str(caught.value)
    assert "is not allowed in progen data" in str(caught.value)


def test_ids_that_do_not_match_their_place_are_refused_with_their_line(seed_yaml_path, tmp_path):
    path = _variant(seed_yaml_path, tmp_path, "id: 3412-0-003/F2/S1/A3", "id: 3412-0-003/F2/S1/A9")
    line = path.read_text(encoding="utf-8").splitlines().index("              - id: 3412-0-003/F2/S1/A9") + 1
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    assert str(caught.value).splitlines() == [  # one problem: one line
        f"{path}:{line}: cards[1].functions[1].skills[0].abilities[2].id: is '3412-0-003/F2/S1/A9', "
        f"expected '3412-0-003/F2/S1/A3'",
    ]


def test_structure_problems_name_their_line(seed_yaml_path, tmp_path):
    text = seed_yaml_path.read_text(encoding="utf-8").replace("\nlanguage: kk\n", "\nlanguage: en\n")
    text = text.replace("  - code: 3412-0-003\n", "  - code: 1210-0-020\n")
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    message = str(caught.value).splitlines()
    assert message[1] == f"{path}:6: language: 'en' is not one of kk, ru"
    assert f"{path}:{lines.index('  - code: 1210-0-020', 75) + 1}: cards[1].code: card 1210-0-020 appears twice" in message


@pytest.mark.parametrize("content, expected", [
    (b"", "the file is empty"),
    (b"- a\n- b\n", ":1: the top level must be a mapping"),
    (b"code: [unclosed\n", ":2: not valid YAML"),
    (b"code: a\x00b\n", ":1: not valid YAML: unacceptable character #x0000"),
    ("code: М84120\n".encode("cp1251"), ":1: not UTF-8 text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ":1: not UTF-8 text"),
], ids=["empty", "list", "unclosed", "nul", "cp1251", "png"])
def test_broken_yaml_gives_one_line_with_location(tmp_path, content, expected):
    path = tmp_path / "broken.yaml"
    path.write_bytes(content)
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert expected in message


def test_deeply_nested_yaml_is_an_error_not_a_crash(tmp_path):
    """The bounded loader refuses the depth before any composer recurses (libyaml's crashes at 100,000)."""
    path = tmp_path / "deep.yaml"
    path.write_bytes(b"code: " + b"[" * 5000 + b"]" * 5000 + b"\n")
    with pytest.raises(StandardDataError) as caught:
        load_standard(path)
    assert str(caught.value) == (f"{path}:1: lists or mappings nested more than 64 deep (progen's limit); "
                                 f"progen data is never nested this deep")


def test_missing_and_folder_paths(tmp_path):
    with pytest.raises(StandardDataError, match="no such standard data file"):
        load_standard(tmp_path / "missing.yaml")
    with pytest.raises(StandardDataError, match="is a folder"):
        load_standard(tmp_path)


def test_save_refuses_a_folder_and_an_unwritable_place(fresh, tmp_path):
    with pytest.raises(StandardDataError, match="is a folder"):
        save_standard(fresh, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StandardDataError, match="cannot write the standard data file"):
        save_standard(fresh, blocker / "sub" / "M84120.kk.yaml")


def test_round_trip_of_an_edited_model(fresh):
    edited = dataclasses.replace(fresh, version="нұсқа 2, 2025 ж", year=2025)
    assert parse_yaml(standard_to_yaml(edited), m.Standard, "edited.yaml") == edited


@pytest.mark.parametrize("text", ["a\x85b", "a\u2028b", "a\u2029b", "\x85", "a\x0bb", "a\tb", "\ufeffa", "a\nb", " a ",
                                  "'", '"', "yes", "null", "84.12", "2023", "- x", "# x", "a: b", "😀"])
def test_any_text_survives_the_yaml_round_trip(fresh, text):
    """Regression (found by fuzzing the Russian sample): NEL (U+0085) came back as a space."""
    edited = dataclasses.replace(fresh, title=text, version=f"x{text}y")
    assert parse_yaml(standard_to_yaml(edited), m.Standard, "edited.yaml") == edited
    assert yaml.safe_load(standard_to_yaml(edited))["title"] == text
