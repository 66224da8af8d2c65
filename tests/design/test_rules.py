"""Unit tests of the design rules, one rule at a time."""
import pytest
from hypothesis import given, strategies as st

from generator.design import rules as r
from generator.design.bibliography import build_bibliography, cite
from generator.design.engine import entry_requirements
from generator.design.content import ContentWords, normal_text
from generator.design.criteria import fill_slots
from generator.design.engine import standard_code
from generator.design.hours import largest_remainder, module_minimum, share_with_minimums
from generator.design.names import ProperNames
from generator.design.program import Outcome
from generator.design.titles import ability_heading, act_short_title
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


@given(st.integers(min_value=0, max_value=300), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)),
                                                         min_size=1, max_size=12))
def test_shares_keep_every_minimum_and_add_up(total, parts):
    weights, minimums = [w for w, _ in parts], [m for _, m in parts]
    if total < sum(minimums):
        with pytest.raises(SpecError, match="cannot give"):
            share_with_minimums(total, weights, minimums)
        return
    shares = share_with_minimums(total, weights, minimums)
    assert sum(shares) == total and all(s >= m for s, m in zip(shares, minimums))


def _outcome(bloom, kind="ability"):
    return Outcome(code="ОН 1.1", text="x", source_ids=["a"], bloom=bloom, kind=kind)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_methods_follow_bloom(lang):
    rules = Workspace.builtin().design[lang]
    create = [_outcome("create")]
    assert set(rules["methods_by_bloom"]["create"]) <= set(r.methods_for(create, rules))
    assert r.methods_for(create, rules)[-1] == rules["module_methods"][-1]


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


def test_garbled_russian_entry_requirements_read_as_one_sentence():
    """The 2022A fixture's cell runs two alternatives together («…с практическим опытом Высшее образование…»)."""
    ru = Workspace.builtin().design["ru"]
    level = ("Техническое и профессиональное образование, с практическим опытом Высшее образование, дополнительные "
             "профессиональные образовательные программы, без практического опыта")
    card = Card(code="1-1", group_code=None, name="n", education=Education(level=level))
    assert entry_requirements(card, ru) == (
        "Лица, имеющие техническое и профессиональное образование и опыт практической работы, либо лица, имеющие "
        "высшее образование, дополнительные профессиональные образовательные программы (опыт практической работы "
        "не требуется)")
    card.education = Education(level="общее среднее ТиПО (5 уровень МСКО)")  # an abbreviation starts no alternative
    assert entry_requirements(card, ru) == "Лица, имеющие общее среднее ТиПО (5 уровень МСКО)"


def test_a_standard_without_a_code_says_so_in_words():
    from generator.standard.model import Source, Standard

    source = Source(file="x.docx", sha256="0", layout="A", reader="docx")
    ru = Workspace.builtin().design["ru"]
    assert standard_code(Standard(code="administrirovanie-baz-dannykh", title="Т", language="ru", source=source),
                         ru) == ("", "код в источнике не указан")
    assert standard_code(Standard(code="М84120", title="Т", language="kk", source=source), ru) == ("М84120", "М84120")


def test_kazakh_stems_match_across_endings():
    words = ContentWords(Workspace.builtin().phraser("kk"), Workspace.builtin().design["kk"]["topic_matching"])
    assert words.stem("сауалнамаларын") == words.stem("сауалнамалары") == "сауалнама"
    assert words.stem("топтарының") == words.stem("топтық") == "топ"
    assert words.stem("дағдыларды") == "дағды" and words.stem("іс-шараларын") == "іс-шара"
    assert words.shared("Деректерді жинауға арналған сауалнама технологияларын білу",
                        "Ақпаратты/деректерді жинау, өңдеу және талдау дағдылары") >= 2


def test_the_same_item_in_other_words_is_the_same_item():
    assert normal_text("Состав аппаратно- программного комплекса.") == normal_text("состав аппаратно-программного комплекса")


def test_proper_names_keep_their_capital():
    names = ProperNames(Workspace.builtin().phraser("kk"), ["Қазақстан Республикасының Конституциясы",
                         '"Мемлекеттік жастар саясаты туралы" Қазақстан Республикасының Заңы'])
    assert names.lower_first("Қазақстан Республикасының Конституциясы") == "Қазақстан Республикасының Конституциясы"
    assert names.lower_first("Бастамашылық") == "бастамашылық"
    assert names.lower_first("ЖРО қызметі") == "ЖРО қызметі"
    assert names.lower_first("Конституциясын біледі") == "Конституциясын біледі"  # the item shows it capitalised


@pytest.mark.parametrize("lang, item, short", [
    ("kk", Item(id="a", text='"Жастар ресурстық орталықтары туралы үлгілік ережені бекіту туралы" Қазақстан '
                            'Республикасы Ақпарат және қоғамдық даму министрінің 2019 жылғы 19 қарашадағы № 444 бұйрығы '
                            '(Нормативтік құқықтық актілердің мемлекеттік тіркеу тізілімінде № 19619 тіркелген)',
                legal_ref=LegalRef(kind="ministerial_order",
                                   title="Жастар ресурстық орталықтары туралы үлгілік ережені бекіту туралы")),
     "Жастар ресурстық орталықтары туралы үлгілік ереже"),
    ("ru", Item(id="a", text="Закон Республики Казахстан от 9 февраля 2015 года № 285-V «О государственной молодежной "
                             "политике»", legal_ref=LegalRef(kind="law", title="О государственной молодежной политике")),
     "Закон Республики Казахстан «О государственной молодежной политике»"),
    ("ru", Item(id="a", text="Приказ … «Об утверждении Типового положения о молодежных ресурсных центрах»",
                legal_ref=LegalRef(kind="ministerial_order",
                                   title="Об утверждении Типового положения о молодежных ресурсных центрах")),
     "Типовое положение о молодежных ресурсных центрах"),
])
def test_acts_are_named_by_their_short_title(lang, item, short):
    workspace = Workspace.builtin()
    assert act_short_title(item, workspace.phraser(lang), workspace.design[lang]["titles"]) == short


def test_titles_lose_the_capacity_word_and_russian_infinitives_become_nouns():
    workspace = Workspace.builtin()
    kk = workspace.design["kk"]["titles"]
    assert ability_heading(Item(id="a", text="Аудиториямен жұмыс істеу қабілеті"), workspace.phraser("kk"), kk) == \
        "Аудиториямен жұмыс істеу"
    assert ability_heading(Item(id="a", text="Ақпаратты/деректерді жинау, өңдеу және талдау дағдылары"),
                           workspace.phraser("kk"), kk) == "Ақпаратты/деректерді жинау, өңдеу және талдау"
    assert ability_heading(Item(id="a", text="Определять требования к нагрузке приложения"), workspace.phraser("ru"),
                           workspace.design["ru"]["titles"]) == "Определение требований к нагрузке приложения"


def test_criterion_slots_take_the_case_they_ask_for():
    kk, ru = Workspace.builtin().phraser("kk"), Workspace.builtin().phraser("ru")
    assert fill_slots("Кіріспеде қатысушыларға {object:genitive} мақсатын айтады.", "object", "оқыту іс-шаралары", kk) \
        == "Кіріспеде қатысушыларға оқыту іс-шараларының мақсатын айтады."
    assert fill_slots("{object:locative} мақсат көрсетілген.", "object", "іс-шара жоспары", kk) == \
        "Іс-шара жоспарында мақсат көрсетілген."
    assert fill_slots("Цель {object:genitive}.", "object", "обучающее мероприятие", ru) == \
        "Цель обучающего мероприятия."


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


def test_a_title_loses_a_skill_wrapper_after_a_verbal_noun():
    """«… жоспарларды әзірлеу дағдыларын меңгеру» is a topic about developing plans, not about «меңгеру»."""
    workspace = Workspace.builtin()
    kk, phraser = workspace.design["kk"]["titles"], workspace.phraser("kk")
    assert ability_heading(Item(id="a", text="Қызметкердің біліктілік деңгейін жетілдіру бойынша жоспарларды әзірлеу "
                                             "дағдыларын меңгеру"), phraser, kk) == \
        "Қызметкердің біліктілік деңгейін жетілдіру бойынша жоспарларды әзірлеу"
    # a skill named by a noun keeps its wrapper: the title would be a bare noun phrase
    assert ability_heading(Item(id="a", text="Тиімді жобалық менеджмент дағдыларын меңгеру"), phraser, kk) == \
        "Тиімді жобалық менеджмент дағдыларын меңгеру"
