"""What goes into a target's hash: only what its document depends on."""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from generator.batch.hashing import (
    STANDARD_FIELDS_USED, fast_load_standard, index_standard, override_slices, standard_from_json, standard_to_json,
)
from generator.design import plan_program
from generator.workspace.spec import ProgramSpec
from generator.exceptions import StandardDataError
from generator.standard import model as m
from generator.standard.store import load_standard
from generator.common.yaml_io import to_plain

SEED = Path(__file__).resolve().parents[2] / "standard_data" / "M84120.kk.yaml"


@pytest.fixture(scope="module")
def seed():
    return load_standard(SEED)


def test_fast_loader_gives_the_same_model(seed):
    assert fast_load_standard(SEED) == seed
    assert standard_from_json(standard_to_json(seed)) == seed


def test_fast_loader_falls_back_to_the_exact_error(tmp_path):
    bad = tmp_path / "bad.kk.yaml"
    bad.write_text(SEED.read_text("utf-8").replace("  - code: 1210-0-020\n", "  - code: 1210-0-020\n    colour: red\n"),
                   "utf-8")
    with pytest.raises(StandardDataError, match=r"bad.kk.yaml:\d+: cards\[0\].colour: unknown key 'colour'"):
        fast_load_standard(bad)


def test_standard_fields_outside_the_hash_do_not_change_any_program(seed, monkeypatch):
    """Soundness of STANDARD_FIELDS_USED: every other standard-level field can change freely."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    changed = copy.deepcopy(seed)
    for f in dataclasses.fields(m.Standard):
        if f.name in STANDARD_FIELDS_USED or f.name == "cards":
            continue
        value = getattr(changed, f.name)
        if isinstance(value, str):
            setattr(changed, f.name, value + " (changed)")
        elif isinstance(value, list):
            setattr(changed, f.name, [])
        else:
            setattr(changed, f.name, None)
    assert index_standard(changed) == index_standard(seed)
    for card in seed.cards:
        spec = ProgramSpec(card=card.code)
        assert to_plain(plan_program(changed, spec)) == to_plain(plan_program(seed, spec))


def test_each_card_has_its_own_hash(seed):
    changed = copy.deepcopy(seed)
    changed.card("1210-0-020").functions[0].skills[0].knowledge[0].text += "."
    before, after = index_standard(seed), index_standard(changed)
    assert before["cards"]["1210-0-020"]["hash"] != after["cards"]["1210-0-020"]["hash"]
    assert before["cards"]["3412-0-003"] == after["cards"]["3412-0-003"]
    assert before["fields"] == after["fields"]


def test_override_slices(tmp_path):
    path = tmp_path / "overrides.yaml"
    assert override_slices(path) == ("none", {})
    path.write_text('"3412-0-003/F1/S1/A1": бірінші\n"1210-0-020/F1/S1/K1": екінші\n', "utf-8")
    rest, per_id = override_slices(path)
    assert rest == "none" and sorted(per_id) == ["1210-0-020/F1/S1/K1", "3412-0-003/F1/S1/A1"]
    path.write_text("- not a mapping\n", "utf-8")
    rest, per_id = override_slices(path)
    assert rest not in ("none",) and per_id == {}


def test_a_card_slice_designs_the_same_program(seed, monkeypatch):
    """Workers load one card's slice of the standard (hashing.card_slices), never the whole of it."""
    from generator.batch.hashing import card_slices

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for code, text in card_slices(seed):
        sliced = standard_from_json(text)
        assert [c.code for c in sliced.cards] == [code]
        spec = ProgramSpec(card=code)
        assert to_plain(plan_program(sliced, spec)) == to_plain(plan_program(seed, spec))


def test_scanning_card_by_card_equals_loading_the_whole(seed):
    from generator.batch.hashing import card_slices
    from generator.batch.standard_scan import scan_standard

    import zlib

    index, slices = scan_standard(SEED)
    assert index == index_standard(seed)
    assert {code: zlib.decompress(packed).decode("utf-8") for code, packed in slices.items()} == dict(card_slices(seed))


def test_scanning_another_layout_falls_back_to_the_whole_file(seed, tmp_path):
    """Cards at column 0 (`- code:`), as another YAML writer would lay them out."""
    import yaml

    from generator.batch.standard_scan import scan_standard

    path = tmp_path / "other.kk.yaml"
    path.write_text(yaml.safe_dump(to_plain(seed), allow_unicode=True, sort_keys=False), "utf-8")
    assert "\n- code: 1210-0-020" in path.read_text("utf-8")
    index, slices = scan_standard(path)
    assert index == index_standard(seed) and sorted(slices) == ["1210-0-020", "3412-0-003"]


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("  - code: 3412-0-003", "  - code: 1210-0-020"), r"card 1210-0-020 appears twice"),
    (lambda t: t.replace("id: 3412-0-003/F2/S1/A3", "id: 3412-0-003/F2/S1/A9"),
     r"abilities\[2\].id: is '3412-0-003/F2/S1/A9', expected '3412-0-003/F2/S1/A3'"),
    (lambda t: t.replace("    level: '5'", "    level: 5"), r"\d+: cards\[1\].level: expected text, got the number 5"),
])
def test_scanning_reports_problems_like_the_typed_loader(tmp_path, change, message):
    from generator.batch.standard_scan import scan_standard

    path = tmp_path / "bad.kk.yaml"
    path.write_text(change(SEED.read_text("utf-8")), "utf-8")
    with pytest.raises(StandardDataError, match=message):
        scan_standard(path)


def _many_cards(seed, count: int) -> m.Standard:
    """The seed's cards again and again under new codes (ids rewritten)."""
    standard = copy.deepcopy(seed)
    standard.cards = []
    for number in range(count):
        card = copy.deepcopy(seed.cards[number % len(seed.cards)])
        old, card.code = card.code, f"9000-0-{number:03d}"
        for function in card.functions:
            function.id = function.id.replace(old, card.code)
            for skill in function.skills:
                skill.id = skill.id.replace(old, card.code)
                for item in skill.abilities + skill.knowledge:
                    item.id = item.id.replace(old, card.code)
        standard.cards.append(card)
    return standard


@pytest.fixture
def scanned_in_processes(monkeypatch):
    """Every file is scanned in processes, two cards a batch; the list says how many times it was."""
    from generator.batch import standard_scan

    used = []
    original = standard_scan._in_processes

    def noting(chunks, scanner, jobs, context):
        used.append(jobs)
        return original(chunks, scanner, jobs, context)

    monkeypatch.setattr(standard_scan, "PARALLEL_FROM", 0)
    monkeypatch.setattr(standard_scan, "BATCH", 2)
    monkeypatch.setattr(standard_scan, "_in_processes", noting)
    return used


def test_scanning_in_processes_equals_scanning_here(seed, tmp_path, scanned_in_processes):
    from generator.batch.standard_scan import scan_standard
    from generator.standard.store import save_standard

    path = tmp_path / "many.kk.yaml"
    save_standard(_many_cards(seed, 11), path)  # 6 batches for 2 processes: results come back in file order
    here = scan_standard(path, jobs=1)
    assert scanned_in_processes == []
    assert scan_standard(path, jobs=2) == here and scanned_in_processes == [2]
    assert list(here[0]["cards"]) == [f"9000-0-{n:03d}" for n in range(11)]


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("  - code: 9000-0-007", "  - code: 9000-0-002"), r"card 9000-0-002 appears twice"),
    (lambda t: t.replace("id: 9000-0-009/F2/S1/A3", "id: 9000-0-009/F2/S1/A9"),
     r"abilities\[2\].id: is '9000-0-009/F2/S1/A9', expected '9000-0-009/F2/S1/A3'"),
])
def test_scanning_in_processes_reports_problems_like_the_typed_loader(seed, tmp_path, scanned_in_processes,
                                                                      change, message):
    from generator.batch.standard_scan import scan_standard
    from generator.standard.store import save_standard

    path = tmp_path / "many.kk.yaml"
    save_standard(_many_cards(seed, 11), path)
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    with pytest.raises(StandardDataError, match=message):
        scan_standard(path, jobs=2)
    assert scanned_in_processes == [2]


def test_code_fingerprint_is_stable_and_covers_the_pipeline_packages():
    import generator
    from generator.batch.hashing import code_fingerprint, pipeline_files

    assert code_fingerprint() == code_fingerprint() and len(code_fingerprint()) == 16
    root = Path(generator.__file__).parent
    packages = {path.relative_to(root).parts[0] for path in pipeline_files(root)}
    assert {"batch", "common", "design", "language", "render", "standard"} <= packages
    assert "ingest" not in packages and "cli" not in packages


def test_another_cards_text_does_not_change_a_program(seed, monkeypatch):
    """A build designs each card from its slice and rebuilds it only when that card changes, so the names
    another card shows must not decide capitals here (they did: «Зерклентау» capitalised mid-sentence in
    1210-0-020 kept the capital of 3412-0-003's personal competence in `progen plan`, not in the build)."""
    from generator.batch.hashing import card_slices

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    changed = copy.deepcopy(seed)
    card = changed.card("3412-0-003")
    card.personal_competencies[0] = "Зерклентау " + card.personal_competencies[0].lower()
    changed.card("1210-0-020").functions[0].skills[0].knowledge[0].text += " және Зерклентау өңірі"
    spec = ProgramSpec(card="3412-0-003")
    whole = to_plain(plan_program(changed, spec))
    sliced = to_plain(plan_program(standard_from_json(dict(card_slices(changed))["3412-0-003"]), spec))
    assert whole == sliced
    assert "зерклентау бастамашылық" in str(whole)
