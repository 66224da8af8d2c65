"""Hypothesis fuzzing: whatever the input, the importer and the loader raise only GeneratorError.

Random text and bytes, and random mutations of the seed and of the Russian sample (lines deleted,
swapped, duplicated, cut; ``TAB|TAB`` and random Unicode inserted). When an import succeeds, its
model must also survive the YAML round trip and pass the loader's structure checks, so the
importer never writes a file that `progen show` would then refuse.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.exceptions import GeneratorError
from generator.ingest import import_standard
from generator.standard import model as m
from generator.standard.store import load_standard, standard_to_yaml, structure_problems
from generator.common.yaml_io import parse_yaml

REPO = Path(__file__).resolve().parents[2]
SEED_LINES = (REPO / "standard_data" / "sources" / "M84120.kk.txt").read_text("utf-8").split("\n")
RU_LINES = (Path(__file__).resolve().parents[1] / "data" / "ru_sample_2023.txt").read_text("utf-8").split("\n")
SEED_YAML_LINES = (REPO / "standard_data" / "M84120.kk.yaml").read_text("utf-8").split("\n")

# A longer campaign: PROGEN_FUZZ_EXAMPLES=5000 python -m pytest tests/ingest/test_fuzz_import.py
SCALE = max(1, int(os.environ.get("PROGEN_FUZZ_EXAMPLES", "200"))) / 200
FUZZ = settings(max_examples=int(200 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces that steer mutations towards the importer's decisions: labels, numbering, separators
PIECES = st.sampled_from([
    "\t|\t", "\n", ";", ".", ":", "::", "1.", "2.", "3.", "1)", " 7. ", "№ 19619", "2023 – 2029", "«", "»", '"',
    "Еңбек функциясы 1:", "Еңбек функциясы 9:", "Дағды 1", "Дағды 2 (кәсіби міндет):", "Қабілет:", "Білім:",
    "Дағдыны тану мүмкіндігі", "Жеке құзыреттерге қойылатын талаптар", "3-тарау. ", "4-тарау. ",
    "Топтың коды:", "1210-0-020", "Трудовая функция 1:", "Навык 1", "Умения:", "Знания:", "Глава 3. ",
    "9. \"Жаңа\" кәсіптік карточкасы", "10. Карточка профессии «Новая»:", "-", "\ufeff", "\u00a0", "\x0b", "\u2028",
])
UNICODE = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=12)


@st.composite
def mutated(draw, lines: list[str]) -> str:
    """The given text with 1–12 random edits."""
    lines = list(lines)
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "swap", "duplicate", "insert", "unicode", "cut-line",
                                          "truncate", "join"]))
        line = lines[index]
        position = draw(st.integers(0, len(line)))
        if operation == "delete":
            del lines[index]
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif operation == "insert":
            lines[index] = line[:position] + draw(PIECES) + line[position:]
        elif operation == "unicode":
            lines[index] = line[:position] + draw(UNICODE) + line[position:]
        elif operation == "cut-line":
            lines[index] = line[:position] + line[draw(st.integers(position, len(line))):]
        elif operation == "truncate":
            lines = lines[: index + 1]
            lines[index] = line[:position]
        elif operation == "join" and index + 1 < len(lines):
            lines[index: index + 2] = [line + lines[index + 1]]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "standard.txt"


def _import_checked(path: Path, data: bytes, lang: str | None = None) -> None:
    path.write_bytes(data)
    try:
        standard = import_standard(path, lang=lang)
    except GeneratorError as error:
        message = str(error)
        assert message and "\n" not in message, message
        assert message.startswith(path.name), message
        return
    assert structure_problems(standard) == []
    text = standard_to_yaml(standard)
    assert parse_yaml(text, m.Standard, "fuzz.yaml") == standard
    assert standard.cards and all(card.functions for card in standard.cards)


@FUZZ
@given(text=st.text(max_size=2000))
def test_random_text(fuzz_file, text):
    _import_checked(fuzz_file, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(fuzz_file, data):
    _import_checked(fuzz_file, data)


@FUZZ
@given(text=st.lists(st.one_of(PIECES, UNICODE, st.sampled_from(SEED_LINES)), max_size=60).map("".join))
def test_random_pieces_of_standards(fuzz_file, text):
    _import_checked(fuzz_file, text.encode("utf-8", "surrogatepass"))


@settings(FUZZ, max_examples=int(400 * SCALE))
@given(text=mutated(SEED_LINES), lang=st.sampled_from([None, None, "kk", "ru"]))
def test_mutations_of_the_seed(fuzz_file, text, lang):
    _import_checked(fuzz_file, text.encode("utf-8", "surrogatepass"), lang)


@FUZZ
@given(text=mutated(RU_LINES), lang=st.sampled_from([None, None, "kk", "ru"]))
def test_mutations_of_the_russian_sample(fuzz_file, text, lang):
    _import_checked(fuzz_file, text.encode("utf-8", "surrogatepass"), lang)


@settings(FUZZ, max_examples=int(100 * SCALE))
@given(text=mutated(SEED_YAML_LINES))
def test_mutations_of_the_seed_yaml(tmp_path_factory, text):
    path = tmp_path_factory.getbasetemp() / "fuzz-standard.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_standard(path)
    except GeneratorError as error:
        assert str(error).startswith(str(path)), str(error)


# Regression tests for what fuzzing found (each also a named case in test_bad_input.py or
# test_text_pieces.py): a two-line "one-line" error, a comma kept before a final full stop.
def test_found_by_fuzzing_unlabelled_text_error_is_one_line(fuzz_file):
    text = "\n".join(SEED_LINES).replace("\t|\tДағды 1Жастарға консультация беру\t|\tҚабілет:\n",
                                         "\t|\tДағды\n1Жастарға\nконсультация беру\nҚабілет:\n")
    _import_checked(fuzz_file, text.encode())


def test_found_by_fuzzing_a_next_line_character_survives_the_yaml_round_trip(fuzz_file):
    """A line "0\\x850" after the last related profession ended up in its name; the YAML writer
    wrote U+0085 raw and reading the file back turned it into a space."""
    text = "\n".join(RU_LINES).replace("5\t|\tСпециалист по социальной работе\n",
                                       "5\t|\tСпециалист по социальной работе\n0\x850\n")
    _import_checked(fuzz_file, text.encode())
    assert import_standard(fuzz_file).cards[1].related_professions[1].name == "Специалист по социальной работе 0\x850"
