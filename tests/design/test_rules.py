"""Unit tests of the design rules, one rule at a time."""
import pytest
from hypothesis import given, strategies as st

from generator.design import rules as r
from generator.design.bibliography import build_bibliography, cite
from generator.design.engine import entry_requirements
from generator.design.hours import largest_remainder, module_minimum, split_module
from generator.design.program import Outcome
from generator.exceptions import SpecError, WorkspaceDataError
from generator.standard.model import Card, Education, Item, LegalRef
from generator.workspace import Workspace


@given(st.integers(min_value=0, max_value=500), st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=12))
def test_largest_remainder_adds_up_exactly(total, weights):
    shares = largest_remainder(total, weights)
    assert sum(shares) == total
    assert all(share >= 0 for share in shares)


@given(st.integers(min_value=1, max_value=300), st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=10))
def test_minimum_per_module_is_kept(total, weights):
    try:
        minimum = module_minimum(total, len(weights), 2)
    except SpecError:
        assert total < len(weights)
        return
    shares = largest_remainder(total, weights, minimum)
    assert sum(shares) == total and min(shares) >= 1


def test_largest_remainder_is_proportional_and_deterministic():
    assert largest_remainder(10, [1, 1, 1]) == [4, 3, 3]
    assert largest_remainder(72, [2, 1]) == [48, 24]


def test_fewer_hours_than_modules_is_a_clear_error():
    with pytest.raises(SpecError, match="fewer than the 5 modules"):
        module_minimum(4, 5, 2)


@given(st.integers(min_value=1, max_value=200), st.booleans())
def test_module_split_adds_up(total, has_practice):
    theory, practice, assessment = split_module(total, [0.3, 0.6, 0.1], has_practice)
    assert theory + practice + assessment == total
    assert min(theory, practice, assessment) >= 0
    if has_practice:
        assert practice >= 1
    else:
        assert practice == 0


def test_level_ratio_gives_more_practice_at_lower_levels():
    data = Workspace.builtin().design
    assert r.level_ratio("4", data)[1] > r.level_ratio("7", data)[1]
    assert r.level_ratio(None, data) == data["hours"]["ratio_by_level"]["default"]


def _outcome(bloom, kind="ability"):
    return Outcome(code="ОН 1.1", text="x", source_ids=["a"], bloom=bloom, kind=kind)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_methods_and_assessment_follow_bloom(lang):
    rules = Workspace.builtin().design[lang]
    create = [_outcome("create")]
    remember = [_outcome("remember", "knowledge")]
    assert set(rules["methods_by_bloom"]["create"]) <= set(r.methods_for(create, rules))
    assert r.assessment_for(create, rules) == rules["assessment_by_bloom"]["create"]
    assert r.assessment_for(remember, rules) == rules["assessment_by_bloom"]["remember"]
    both = r.assessment_for(create + remember, rules)
    assert both[0] == rules["assessment_by_bloom"]["create"][0] and rules["assessment_by_bloom"]["remember"][0] in both
    assert [c.text for c in r.criteria_for(create, rules)] == [rules["criteria_by_bloom"]["create"]]


def test_bibliography_is_deduplicated_and_ordered_by_legal_force():
    order = LegalRef(kind="ministerial_order", title="Б туралы", number="444", date="2019-11-19")
    items = [
        Item(id="c/F1/S1/K1", text='"Б туралы" министрінің № 444 бұйрығы', legal_ref=order),
        Item(id="c/F1/S1/K2", text='"А туралы" Қазақстан Республикасының Заңы', legal_ref=LegalRef(kind="law", title="А туралы")),
        Item(id="c/F2/S1/K1", text='"Б туралы" министрінің № 444 бұйрығы', legal_ref=order),
        Item(id="c/F2/S1/K2", text="Қазақстан Республикасының Конституциясы",
             legal_ref=LegalRef(kind="constitution", title="Қазақстан Республикасының Конституциясы")),
        Item(id="c/F2/S1/K3", text="Әдістер", legal_ref=None),
    ]
    bibliography = build_bibliography(items, ["Кәсіптік стандарт"])
    assert [b.kind for b in bibliography] == ["constitution", "law", "ministerial_order", "other"]
    assert bibliography[2].item_ids == ["c/F1/S1/K1", "c/F2/S1/K1"]
    assert [b.number for b in bibliography] == [1, 2, 3, 4]
    assert bibliography[1].citation == "«А туралы» Қазақстан Республикасының Заңы."


def test_cite_uses_guillemets_and_one_full_stop():
    assert cite('"X" Заңы.') == "«X» Заңы."


def test_entry_requirements_from_education_level():
    kk = Workspace.builtin().design["kk"]
    card = Card(code="1-1", group_code=None, name="n", education=Education(level="Кәсіптік-техникалық білім"))
    assert entry_requirements(card, kk) == "Кәсіптік-техникалық білімі бар тұлғалар"
    card.education = None
    assert entry_requirements(card, kk) == kk["entry_default"]


def test_lower_first_keeps_abbreviations_and_quotes():
    assert r.lower_first("Бастамашылық") == "бастамашылық"
    assert r.lower_first("ЖРО қызметі") == "ЖРО қызметі"
    assert r.lower_first("«Мем» заңы") == "«Мем» заңы"


def test_workspace_design_data_overrides_and_rejects_typos(tmp_path):
    (tmp_path / "design.yaml").write_text("hours:\n  min_module_hours: 3\n", encoding="utf-8")
    assert Workspace.load(tmp_path).design["hours"]["min_module_hours"] == 3
    (tmp_path / "design.yaml").write_text("hours:\n  min_modul_hours: 3\n", encoding="utf-8")
    with pytest.raises(WorkspaceDataError, match=r"design.yaml:2: hours.min_modul_hours: unknown key 'min_modul_hours' \(did you mean 'min_module_hours'\?\)"):
        Workspace.load(tmp_path).design


@pytest.mark.parametrize("make, message", [
    (lambda path: path.mkdir(), "design.yaml: is a folder, expected a design rules file"),
    (lambda path: path.write_bytes(b"hours:\n  x: \xff\n"), "design.yaml:2: not UTF-8 text (byte 12)"),
    (lambda path: path.write_text("hours: [\n", encoding="utf-8"), "design.yaml:2: not valid YAML: "),
])
def test_unreadable_workspace_design_data_is_one_line(tmp_path, make, message):
    make(tmp_path / "design.yaml")
    with pytest.raises(WorkspaceDataError) as info:
        Workspace.load(tmp_path).design
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_content_ratio_keeps_the_level_ratio_for_a_balanced_module_and_skews_otherwise():
    assert r.content_ratio([0.3, 0.6, 0.1], 3, 3) == [0.3, 0.6, 0.1]
    theory, practice, _ = r.content_ratio([0.35, 0.5, 0.15], 1, 7)
    assert theory < 0.1 < practice
    assert r.content_ratio([0.3, 0.6, 0.1], 0, 0) == [0.3, 0.6, 0.1]
