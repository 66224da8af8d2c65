"""The seed standard (and the Russian 2023 sample) as Word files import into the same data as their text.

The DOCX files are built here from the standards' own published text (see
``docx_testlib.docx_from_published_text``): every ``TAB|TAB`` row becomes a table row, run-together
numbered items become Word auto-numbered paragraphs with no number in their text, the numbered
paragraphs of the chapters are auto-numbered too. The «loose» builds add what Word copies of the
2023 layout do: label cells merged down rows, labels without colons, singular, or misspelt.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_testlib import docx_from_published_text

from generator.ingest import import_standard

SEED = Path(__file__).resolve().parents[2] / "standard_data" / "sources" / "M84120.kk.txt"
RU_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "ru_sample_2023.txt"


def _shape(standard):
    return {
        "code": standard.code,
        "title": standard.title,
        "card_list": [(e.name, e.level) for e in standard.card_list],
        "common_knowledge": standard.common_knowledge,
        "classifier": [(c.code, c.name) for c in standard.classifier],
        "description": standard.description,
        "version": (standard.version, standard.year, standard.review_date),
        "technical": standard.technical,
        "approval": standard.approval,
        "cards": [
            {
                "code": card.code, "name": card.name, "level": card.level, "heading": card.heading,
                "listed": [(f.number, f.title, f.mandatory) for f in card.listed_functions],
                "personal": card.personal_competencies,
                "functions": [
                    (f.id, f.number, f.title, f.mandatory,
                     [(s.id, s.title, s.recognition,
                       [(i.id, i.text) for i in s.abilities], [(i.id, i.text) for i in s.knowledge])
                      for s in f.skills])
                    for f in card.functions
                ],
            }
            for card in standard.cards
        ],
    }


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> Path:
    return docx_from_published_text(SEED.read_text("utf-8"), tmp_path_factory.mktemp("seed") / "M84120.kk.docx")


def test_the_built_docx_hides_item_numbers_in_word_numbering(seed_docx):
    import docx

    document = docx.Document(str(seed_docx))
    texts = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert any(t.startswith("ЖРО қызметіне басшылық жасау") for t in texts)
    assert not any(re.match(r"^\d+\.\s*ЖРО қызметіне", t) for t in texts)


def test_seed_docx_imports_into_the_same_data_as_the_seed_text(seed_docx):
    from_text = import_standard(SEED)
    from_docx = import_standard(seed_docx)
    assert from_docx.source.reader == "docx" and from_docx.source.layout == "2023"
    assert from_docx.language == "kk"
    assert _shape(from_docx) == _shape(from_text)


def test_seed_docx_has_the_seed_counts(seed_docx):
    standard = import_standard(seed_docx)
    counts = {card.code: [(len(s.abilities), len(s.knowledge)) for f in card.functions for s in f.skills]
              for card in standard.cards}
    assert counts == {"1210-0-020": [(7, 6), (7, 9), (4, 7)],
                      "3412-0-003": [(3, 4), (4, 3), (3, 5), (5, 6)]}


@pytest.mark.parametrize("source", [SEED, RU_SAMPLE], ids=["seed-kk", "sample-ru"])
@pytest.mark.parametrize("loose", [False, True], ids=["clean", "loose"])
def test_2023_docx_with_merged_cells_and_loose_labels_imports_like_the_text(tmp_path, source, loose):
    if not source.exists():
        pytest.skip(f"{source} not found")
    built = docx_from_published_text(source.read_text("utf-8"), tmp_path / f"{source.stem}.docx", loose=loose)
    assert _shape(import_standard(built)) == _shape(import_standard(source))


def test_loose_build_really_has_loose_labels(tmp_path):
    import docx

    built = docx_from_published_text(RU_SAMPLE.read_text("utf-8"), tmp_path / "ru.docx", loose=True)
    texts = {p.text for t in docx.Document(str(built)).tables for r in t.rows for c in r.cells for p in c.paragraphs}
    assert {"Умение", "Знания"} <= texts and not {"Умения:", "Знания:"} & texts
    assert any(t.startswith("Трудовая функцыя 2") for t in texts)


@pytest.mark.parametrize("source", [SEED, RU_SAMPLE], ids=["seed-kk", "sample-ru"])
@pytest.mark.parametrize("body_numbers", ["typed", "lost"])
def test_2023_docx_with_typed_or_lost_item_numbers_imports_like_the_text(tmp_path, source, body_numbers):
    if not source.exists():
        pytest.skip(f"{source} not found")
    built = docx_from_published_text(source.read_text("utf-8"), tmp_path / f"{source.stem}.docx",
                                     body_numbers=body_numbers)
    assert _shape(import_standard(built)) == _shape(import_standard(source))


def test_misspelt_labels_of_a_word_copy_are_noted_with_their_row(tmp_path):
    built = docx_from_published_text(SEED.read_text("utf-8"), tmp_path / "seed.docx", loose=True)
    from generator.ingest import read_source

    rows = [b.line for b in read_source(built).blocks if any(c.startswith("Еңбек функцисы 2") for c in b.cells)]
    notes = import_standard(built).source.notes
    assert [(n.where, n.code, n.message) for n in notes] == [
        (f"seed.docx:{row}", "label-typo", "the label 'Еңбек функцисы 2' is read as 'Еңбек функциясы 2'")
        for row in rows]
    assert len(rows) == 2  # the typo is in function 2 of each card (docx_testlib.LOOSE_LABELS)
