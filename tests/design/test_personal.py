"""Personal competences as behaviour (PEDAGOGY §6): the lexicon, its fallback, lint and a workspace's additions."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.design import plan_program
from generator.standard.store import load_standard, save_standard
from generator.workspace import Workspace
from generator.workspace.spec import ProgramSpec

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "standard_data" / "M84120.kk.yaml"
SAMPLE = REPO / "tests" / "data" / "ru_sample_2023.txt"


@pytest.fixture
def unknown_kk(tmp_path):
    """The seed with a competence the Kazakh lexicon does not have (төзімділік)."""
    standard = copy.deepcopy(load_standard(SEED))
    standard.cards[1].personal_competencies = ["Бастамашылық", "төзімділік"]
    path = tmp_path / "standard_data" / "M84120.kk.yaml"
    path.parent.mkdir()
    save_standard(standard, path)
    return path


def test_the_lexicon_gives_behaviour_with_signs():
    program = plan_program(load_standard(SEED), ProgramSpec(card="3412-0-003", year=2026))
    first = program.cross_cutting_outcomes[0]
    assert (first.code, first.competency, first.text, first.verb) == (
        "ОН Ж1", "бастамашылық", "топтық жұмыста бастамашылық танытады", "танытады")
    assert first.signs[0] == "жұппен немесе топпен жоспарлауда ұсыныс айтады"
    assert first.observed_in and all(number[0] != "1" for number in first.observed_in)  # not the legal module
    assert program.personal_signs_needed == 2


def test_an_unknown_competence_falls_back_and_is_reported(unknown_kk):
    program = plan_program(load_standard(unknown_kk), ProgramSpec(card="3412-0-003", year=2026))
    fallback = program.cross_cutting_outcomes[1]
    assert (fallback.text, fallback.verb, fallback.source) == ("төзімділік танытады", "танытады", "fallback")
    assert fallback.signs[0] == "практикалық тапсырмаларда төзімділік танытатын нақты әрекет жасайды"
    assert any("«төзімділік» жеке құзыреті" in w for w in program.warnings)
    result = CliRunner().invoke(main, ["lint", str(unknown_kk), "--workspace", str(unknown_kk.parents[1])])
    assert "3412-0-003: the personal competence «төзімділік» is not in the kk lexicon" in result.stdout
    assert "[personal-unknown]" in result.stdout


def test_a_workspace_adds_a_competence_to_the_lexicon(unknown_kk):
    workspace = unknown_kk.parents[1]
    (workspace / "design.yaml").write_text(
        "kk:\n  competences:\n    төзімділік:\n      text: қиын жағдайда сабырлы әрі нәтижелі жұмыс істейді\n"
        "      verb: істейді\n      signs: [уақыт тапшы болғанда басымдықтарды анықтайды, сынға сабырмен жауап "
        "береді, күтпеген жағдайда жұмысты тоқтатпайды]\n", "utf-8")
    program = plan_program(load_standard(unknown_kk), ProgramSpec(card="3412-0-003", year=2026), workspace)
    assert program.cross_cutting_outcomes[1].text == "қиын жағдайда сабырлы әрі нәтижелі жұмыс істейді"
    assert program.cross_cutting_outcomes[1].source == "lexicon" and not program.warnings
    result = CliRunner().invoke(main, ["lint", str(unknown_kk), "--workspace", str(workspace)])
    assert "personal-unknown" not in result.stdout


def test_russian_fallback_puts_the_noun_in_the_accusative():
    from generator.ingest import import_standard

    standard = import_standard(SAMPLE)
    standard.cards[0].personal_competencies = ["Лидерство", "Ответственность", "Самоотдача"]
    program = plan_program(standard, ProgramSpec(card=standard.cards[0].code, year=2026))
    texts = [o.text for o in program.cross_cutting_outcomes]
    assert texts == ["проявляет лидерство", "берет на себя ответственность за результат своей работы",
                     "проявляет самоотдачу"]
    assert [o.code for o in program.cross_cutting_outcomes] == ["РО Л1", "РО Л2", "РО Л3"]


def test_every_lexicon_entry_has_a_finite_verb_and_three_signs():
    for code in ("kk", "ru"):
        wording = Workspace.builtin().design[code]
        for name, entry in wording["competences"].items():
            assert entry["verb"] in entry["text"].split(), (code, name)
            assert len(entry["signs"]) == 3 and all(sign.strip() for sign in entry["signs"]), (code, name)
