"""`progen import / show / lint`: argument mapping, the JSON contract, the tree with counts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from unittest import mock

import jsonschema
import pytest
from click.testing import CliRunner

import generator.ingest
import generator.standard.store
from generator.cli import main
from generator.standard.store import load_standard
from generator.common.yaml_io import to_plain

ITEM = {"type": "object", "required": ["id", "text"],
        "properties": {"id": {"type": "string", "pattern": r"^\d{4}-\d-\d{3}/F\d+/S\d+/[AK]\d+$"},
                       "text": {"type": "string", "minLength": 1}}}
# what scripts and checks rely on (issue 2): keep these keys stable
SHOW_JSON_CONTRACT = {
    "type": "object",
    "required": ["code", "title", "language", "cards"],
    "properties": {"cards": {"type": "array", "minItems": 1, "items": {
        "type": "object", "required": ["code", "functions"],
        "properties": {"code": {"type": "string", "pattern": r"^\d{4}-\d-\d{3}$"},
                       "functions": {"type": "array", "items": {
                           "type": "object", "required": ["id", "skills"],
                           "properties": {"skills": {"type": "array", "items": {
                               "type": "object", "required": ["id", "abilities", "knowledge"],
                               "properties": {"abilities": {"type": "array", "items": ITEM},
                                              "knowledge": {"type": "array", "items": ITEM}}}}}}}}}}},
}


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("source", ["yaml", "text"])
def test_show_json_contract(seed_path, seed_yaml_path, source):
    data = json.loads(_invoke("show", str(seed_yaml_path if source == "yaml" else seed_path), "--json").stdout)
    jsonschema.validate(data, SHOW_JSON_CONTRACT)
    assert [c["code"] for c in data["cards"]] == ["1210-0-020", "3412-0-003"]
    skill = data["cards"][1]["functions"][1]["skills"][0]
    assert skill["abilities"][0] == {"id": "3412-0-003/F2/S1/A1", "text": "Оқыту іс-шараларын ұйымдастыру және өткізу",
                                     "legal_ref": None, "repaired_from": None}
    assert skill["knowledge"][2]["id"] == "3412-0-003/F2/S1/K3"
    assert sum(len(s["abilities"]) for c in data["cards"] for f in c["functions"] for s in f["skills"]) == 33
    assert sum(len(s["knowledge"]) for c in data["cards"] for f in c["functions"] for s in f["skills"]) == 40


def test_show_json_is_the_whole_model(seed_yaml_path):
    data = json.loads(_invoke("show", str(seed_yaml_path), "--json").stdout)
    assert data == json.loads(json.dumps(to_plain(load_standard(seed_yaml_path)), ensure_ascii=False))
    ref = data["cards"][0]["functions"][0]["skills"][0]["knowledge"][4]["legal_ref"]
    assert (ref["kind"], ref["number"], ref["registration_number"]) == ("ministerial_order", "444", "19619")


def test_show_json_of_one_card(seed_yaml_path):
    data = json.loads(_invoke("show", str(seed_yaml_path), "--json", "--card", "3412-0-003").stdout)
    jsonschema.validate(data, SHOW_JSON_CONTRACT)
    assert [c["code"] for c in data["cards"]] == ["3412-0-003"]


def test_show_tree_has_counts(seed_yaml_path):
    lines = _invoke("show", str(seed_yaml_path)).stdout.splitlines()
    assert lines[0] == "М84120 «Мемлекеттік жастар саясаты саласындағы қызмет» (kk, layout 2023)"
    assert any(line.startswith("├─ 1210-0-020 ") and line.endswith("— level 6; 3 functions, 18 abilities, 22 knowledge")
               for line in lines)
    assert any(line.startswith("├─ 3412-0-003 Жастармен жұмыс жөніндегі маман — level 5; 4 functions, 15 abilities, "
                               "18 knowledge") for line in lines)
    assert "│  │  ├─ S1 ЖРО қызметін ұйымдастыру [recognition] — 7 abilities, 6 knowledge" in lines
    assert "│  │  │  A1 Оқыту іс-шараларын ұйымдастыру және өткізу" in lines
    totals = lines.index("└─ 2 cards, 33 abilities, 40 knowledge items")
    # after the tree, what a reviewer must see: the import's account and the lint warnings
    assert lines[totals + 1:totals + 4] == [
        "", "import of M84120.kk.txt (text): 136 paragraphs read in the cards: 73 items (from 17 paragraphs), "
            "59 labels, 16 headings, 44 field values, 0 skipped", "9 lint warning(s):"]
    assert len(lines) == totals + 4 + 9


def test_show_tree_of_one_card(seed_yaml_path):
    lines = _invoke("show", str(seed_yaml_path), "--card", "1210-0-020").stdout.splitlines()
    assert lines[-1] == "└─ 1 cards, 18 abilities, 22 knowledge items"
    assert not any("3412-0-003" in line for line in lines)


def test_show_the_russian_sample(ru_sample_path):
    lines = _invoke("show", str(ru_sample_path)).stdout.splitlines()
    assert lines[0] == "М84125 «Деятельность в сфере государственной молодежной политики» (ru, layout 2023)"
    assert "└─ 2 cards, 16 abilities, 17 knowledge items" in lines
    assert lines[-1] == "0 lint warning(s)"


# --- import: end to end and argument mapping ---------------------------------------------------------
def test_import_end_to_end(seed_path, seed_yaml_path, tmp_path):
    target = tmp_path / "data" / "seed.yaml"
    result = _invoke("import", str(seed_path), "-o", str(target))
    assert result.stdout == (f"{seed_path}: layout 2023, language kk, 2 cards, 33 abilities, 40 knowledge items "
                             f"→ {target}\n136 paragraphs read in the cards: 73 items (from 17 paragraphs), 59 labels, "
                             "16 headings, 44 field values, 0 skipped\n")
    # 6 contradictions of the seed + 3 ability items phrased by the «… дағдыларын қолдана алады» fallback
    assert result.stderr == f"9 lint warning(s); see `progen lint {target}`\n"
    assert target.read_bytes() == seed_yaml_path.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["seed.yaml"], "no temporary file left behind"


def test_import_default_target_is_standard_data_in_the_current_folder(seed_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _invoke("import", str(seed_path))
    assert (tmp_path / "standard_data" / "M84120.kk.yaml").is_file()


def test_import_maps_arguments_to_the_library(tmp_path, seed_yaml_path):
    standard = load_standard(seed_yaml_path)
    source = tmp_path / "in.txt"
    with mock.patch.object(generator.ingest, "import_standard", autospec=True, return_value=standard) as core, \
            mock.patch.object(generator.standard.store, "save_standard", autospec=True) as save:
        _invoke("import", str(source), "--lang", "ru", "--layout", "2023", "-o", str(tmp_path / "x.yaml"))
    core.assert_called_once_with(source, lang="ru", layout="2023")
    save.assert_called_once_with(standard, tmp_path / "x.yaml", keep_copy=True)  # a reviewed file is copied first


def test_lint_strict_and_counts_on_stderr(seed_yaml_path):
    result = _invoke("lint", str(seed_yaml_path))
    assert result.stderr == "9 warning(s)\n"  # 6 contradictions + 3 phrasing fallbacks
    assert len(result.stdout.splitlines()) == 9


def test_python_m_generator_help_and_version(tmp_path):
    run = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True,
                         cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stderr
    assert "Usage:" in run.stdout
    for command in ("import", "show", "lint"):
        assert f"  {command} " in run.stdout
    version = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True,
                             cwd=tmp_path, check=False)
    assert version.returncode == 0 and version.stdout.startswith("progen ")
    assert list(Path(tmp_path).iterdir()) == [tmp_path / "home"]


@pytest.mark.parametrize("command", ["import", "show", "lint"])
def test_every_command_has_help(command):
    result = _invoke(command, "-h")
    assert "Usage:" in result.stdout and "--help" in result.stdout
