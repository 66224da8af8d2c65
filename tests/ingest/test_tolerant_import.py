"""The registry's mistakes in the 2023 layout are read past, each with a note naming its line.

Every case is the published seed with one mistake put in. What the note must say, and what the
data must be, was worked out from the seed text itself: the items and their order are those of the
source; only numbers the source got wrong change.
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest import import_standard
from generator.standard.lint import lint_standard
from generator.standard.store import load_standard
from generator.common.yaml_io import to_plain


def _variant(seed_text: str, old: str, new: str) -> str:
    assert seed_text.count(old) == 1, old
    return seed_text.replace(old, new)


# name → (old, new, note code, where (file:line), message pattern)
CASES = {
    "duplicated.txt": (";2. Жастарға сенімді", ";1. Жастарға сенімді", "list-numbering", 150,
                       r"skill 'Жастарға консультация беру', abilities: item number 1 appears again after item 1; "
                       r"read as 3 items in the order written"),
    "duplicated-2.txt": ("талдау дағдылары;3. Бағалау", "талдау дағдылары;2. Бағалау", "list-numbering", 160,
                         r"abilities: item number 2 appears again after item 2; read as 3 items"),
    "duplicated-knowledge.txt": ("тіркелген);4. Жастарға арналған", "тіркелген);3. Жастарға арналған",
                                 "list-numbering", 152, r"knowledge: item number 3 appears again after item 3"),
    "skipped.txt": (";2. Жастарға сенімді", ";3. Жастарға сенімді", "list-numbering", 150,
                    r"item 1 is followed by item 3; read as 3 items in the order written"),
    "function-twice.txt": ("Еңбек функциясы 4:Жастарға", "Еңбек функциясы 3:Жастарға", "duplicate-number", 164,
                           r"labour function 3 is described twice with different titles \('ЖРО-ға жүгінген .*' and "
                           r"'Жастарға арналған .*'\); read the second as labour function 4 \(the next free number\)"),
}


def _data(standard) -> dict:
    """The standard data without its source (file, hash, account, notes)."""
    data = to_plain(standard)
    data.pop("source")
    return data


@pytest.fixture(scope="module")
def original(seed_path):
    return _data(import_standard(seed_path))


@pytest.mark.parametrize("name", list(CASES))
def test_a_numbering_mistake_is_read_past_with_a_note(name, seed_text, original, tmp_path):
    old, new, code, line, message = CASES[name]
    source = tmp_path / name
    source.write_text(_variant(seed_text, old, new), encoding="utf-8")
    standard = import_standard(source)
    notes = standard.source.notes
    assert [(n.code, n.where) for n in notes] == [(code, f"{name}:{line}")]
    assert re.search(message, notes[0].message), notes[0].message
    # the data is the seed's: the same items in the same order; the mistaken number is corrected
    assert _data(standard) == original
    assert [w for w in lint_standard(standard) if w.code == code][0].message.endswith(f"(source: {name}:{line})")


def test_the_cli_prints_the_notes_and_lint_reports_them_from_the_yaml(seed_text, tmp_path):
    source, target = tmp_path / "function-twice.txt", tmp_path / "out.yaml"
    source.write_text(_variant(seed_text, *CASES["function-twice.txt"][:2]), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == ("136 paragraphs read in the cards: 73 items (from 17 paragraphs), 59 labels, 16 headings, "
                        "44 field values, 0 skipped")
    assert lines[2].startswith("1 problem(s) of the source read past")
    assert lines[3].startswith("  function-twice.txt:164: labour function 3 is described twice")
    assert lines[3].endswith("[duplicate-number]")
    lint = CliRunner().invoke(main, ["lint", str(target)])
    assert "3412-0-003/F4: labour function 3 is described twice" in lint.stdout
    assert "(source: function-twice.txt:164) [duplicate-number]" in lint.stdout
    shown = CliRunner().invoke(main, ["show", str(target)]).stdout
    assert "  function-twice.txt:164: labour function 3 is described twice" in shown
    assert load_standard(target).source.notes[0].id == "3412-0-003/F4"


def test_text_without_a_label_is_skipped_and_reported(seed_text, tmp_path):
    source = tmp_path / "unlabelled.txt"
    source.write_text(_variant(seed_text, "\t|\tДағды 1Жастарға консультация беру\t|\tҚабілет:\n",
                               "\t|\tЕскерту\nқосымша мәтін\nҚабілет:\n"), encoding="utf-8")
    standard = import_standard(source)
    notes = [(n.where, n.code, n.message) for n in standard.source.notes]
    assert ("unlabelled.txt:149", "skipped-paragraph", "not read into the standard: «Ескерту»") in notes
    assert ("unlabelled.txt:149", "skipped-paragraph", "not read into the standard: «қосымша мәтін»") in notes
    assert standard.source.account.skipped == 2
    function = standard.card("3412-0-003").functions[0]
    assert [(s.number, s.title) for s in function.skills] == [(1, function.title)]
    assert ("unlabelled.txt:149", "no-skill-heading") in [(n.where, n.code) for n in standard.source.notes]


def test_a_lost_knowledge_label_reads_the_second_list_as_knowledge(seed_text, original, tmp_path):
    source = tmp_path / "no-label.txt"
    lines = seed_text.split("\n")
    assert lines[119] == "Білім:"  # line 120: the knowledge label of card 1210-0-020, function 2
    text = "\n".join(lines[:119] + lines[120:])
    source.write_text(text, encoding="utf-8")
    standard = import_standard(source)
    assert [(n.code, n.id) for n in standard.source.notes] == [("missing-label", "1210-0-020/F2/S1")]
    assert _data(standard) == original


def test_a_skipped_line_that_looks_like_an_item_is_a_lint_warning(seed_text, tmp_path):
    source = tmp_path / "stray.txt"
    source.write_text(_variant(seed_text, "\t|\tДағды 1Жастарға консультация беру\t|\tҚабілет:\n",
                               "\t|\tДағды 1Жастарға консультация беру\t|\t1. Қосымша жоспар құру;\nҚабілет:\n"),
                      encoding="utf-8")
    standard = import_standard(source)
    assert [(n.where, n.code, n.id) for n in standard.source.notes] == [("stray.txt:149", "skipped-item", "3412-0-003")]
    warning = next(w for w in lint_standard(standard) if w.code == "skipped-item")
    assert str(warning) == ("3412-0-003: not read into the standard, though it looks like an item: «1. Қосымша жоспар "
                            "құру;» (source: stray.txt:149) [skipped-item]")


def test_show_says_when_the_data_has_no_account(seed_yaml_path, tmp_path):
    text = seed_yaml_path.read_text("utf-8")
    start, end = text.index("  account:\n"), text.index("  notes: []\n") + len("  notes: []\n")
    path = tmp_path / "old.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    shown = CliRunner().invoke(main, ["show", str(path)]).stdout.splitlines()
    assert "import of M84120.kk.txt: no account kept (imported by an earlier progen; import it again)" in shown


def test_a_card_code_used_twice_gives_the_second_card_a_suffix(seed_text, tmp_path):
    source = tmp_path / "same-code.txt"
    source.write_text(_variant(seed_text, "Код:\t|\t3412-0-003", "Код:\t|\t1210-0-020"), encoding="utf-8")
    standard = import_standard(source)
    assert [c.code for c in standard.cards] == ["1210-0-020", "1210-0-020-2"]
    assert [(n.code, n.id, n.message) for n in standard.source.notes] == [
        ("duplicate-code", "1210-0-020-2", "card code 1210-0-020 is used by an earlier card too; this card is read "
                                           "as 1210-0-020-2")]
    assert standard.cards[1].functions[0].id == "1210-0-020-2/F1"


def test_an_item_split_off_at_a_line_break_is_a_lint_warning(seed_yaml_path):
    standard = load_standard(seed_yaml_path)
    item = standard.card("3412-0-003").functions[1].skills[0].abilities[1]
    item.text = "және бейімдеу"
    warnings = [(w.where, w.code) for w in lint_standard(standard) if w.code == "item-fragment"]
    assert warnings == [(item.id, "item-fragment")]
