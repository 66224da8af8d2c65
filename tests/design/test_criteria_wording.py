"""The object a Kazakh criterion names is a whole noun phrase a methodologist would sign (read in the seed
programs): not a verbal noun put in the locative as if it were a document («…жоспарларын әзірлеуде мақсат …
көрсетілген»), not a phrase cut inside a possessive chain («Саясатын іске асырудың …»), not a participle left
without its complement («Қажетті коммуникативтік дағдылардың …»), and control carried out by a light verb is
assessed as control («…бақылауды жүзеге асыру» is not a plan to write)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.design import plan_program
from generator.standard.store import load_standard
from generator.workspace.spec import ProgramSpec

SEED = Path(__file__).resolve().parents[2] / "standard_data" / "M84120.kk.yaml"


@pytest.fixture(scope="module")
def seed_criteria():
    standard = load_standard(SEED)
    found = {}
    for card in standard.cards:
        program = plan_program(standard, ProgramSpec(card=card.code, hours=72, year=2026))
        for module in program.modules:
            outcomes = {o.code: o.text for o in module.outcomes}
            for criterion in module.criteria:
                texts = found.setdefault((card.code, outcomes[criterion.outcome_code]), [])
                texts.extend([criterion.text, *criterion.questions])
    return found


def _of(seed_criteria, card, outcome_start):
    (texts,) = [texts for (code, outcome), texts in seed_criteria.items()
                if code == card and outcome.startswith(outcome_start)]
    return texts


def test_an_action_is_not_named_as_a_document(seed_criteria):
    plans = _of(seed_criteria, "1210-0-020", "өңірлік қажеттіліктер")
    assert any(t.startswith("ЖРО дамытудың перспективалық жоспарларында мақсат") for t in plans), plans
    verbal_locative = re.compile(r"\w{3,}у(да|де) мақсат,")  # «…әзірлеуде мақсат, … көрсетілген»
    assert [t for texts in seed_criteria.values() for t in texts if verbal_locative.search(t)] == []


def test_a_long_object_is_not_cut_inside_its_phrase(seed_criteria):
    texts = _of(seed_criteria, "1210-0-020", "мемлекеттік жастар саясатын іске асырудың")
    assert not [t for t in texts if t.startswith("Саясатын")], texts


def test_a_participle_keeps_its_complement_or_goes(seed_criteria):
    texts = _of(seed_criteria, "3412-0-003", "жастармен жұмыс істеу үшін қажетті")
    assert not [t for t in texts if t.startswith("Қажетті")], texts
    assert not [t for t in texts if "дағдыларды сұхбаттасына" in t], texts  # a skill is not a memo to hand out


def test_control_by_a_light_verb_is_assessed_as_control(seed_criteria):
    texts = _of(seed_criteria, "1210-0-020", "мамандардың лауазымдық нұсқаулықтарын")
    assert not [t for t in texts if "нысаналы топ" in t or "бекітілген үлгіге" in t], texts


def test_one_methodology_is_not_counted_as_methods(seed_criteria):
    texts = _of(seed_criteria, "1210-0-020", "оқытуды жүргізудің теориясы мен әдістемесін")
    assert not [t for t in texts if "кемінде екеуін" in t or "бірін" in t], texts


def test_questions_on_features_read_for_any_features_item(seed_criteria):
    texts = _of(seed_criteria, "3412-0-003", "белсенді тыңдау мен вербалды емес")  # forms and elements
    assert not [t for t in texts if "ерекшелікті атап" in t or "нәтиже болмаған" in t], texts


def test_a_quoted_title_with_quotes_inside_gets_inner_quotation_marks():
    sample = Path(__file__).resolve().parents[2] / "generator" / "languages" / "ru" / "sample_standard.yaml"
    standard = load_standard(sample)
    texts = [text for card in standard.cards
             for m in plan_program(standard, ProgramSpec(card=card.code, hours=72, year=2026)).modules
             for c in m.criteria for text in [c.text, *c.questions]]
    assert any("«Закон Республики Казахстан „О государственной молодежной политике“»" in t for t in texts)
    assert [t for t in texts if re.search(r"«[^»]*«", t)] == []


def test_the_kind_of_knowledge_is_not_taken_from_its_brackets(seed_criteria):
    """«Бейресми оқытуды бағалау (процестер, … құралдары)» is about evaluation, not a set of tools to choose from."""
    texts = _of(seed_criteria, "1210-0-020", "бейресми оқытуды бағалауды")
    assert not [t for t in texts if "ішінен нақты міндетке сәйкесін" in t or "қайсысын жиі пайдаланасыз" in t], texts


def test_negotiation_and_public_speaking_are_not_assessed_as_a_consultation(seed_criteria):
    texts = _of(seed_criteria, "1210-0-020", "ЖРО қызметтері туралы халықты хабардар етуді")
    assert not [t for t in texts if "құпиялылықты" in t or "Сұхбаттасының сұрағын" in t], texts
    sample = load_standard(Path(__file__).resolve().parents[2] / "generator" / "languages" / "ru" / "sample_standard.yaml")
    program = plan_program(sample, ProgramSpec(card="1349-0-012", hours=72, year=2026))
    (code,) = [o.code for m in program.modules for o in m.outcomes if "переговоры" in o.text]
    texts = [c.text for m in program.modules for c in m.criteria if c.outcome_code == code]
    assert not [t for t in texts if "конфиденциальность" in t or "запрос собеседника" in t], texts
