"""The seed (published Kazakh text of М84120) imports exactly: structure, counts, texts, no glued words."""
from __future__ import annotations

import re

import pytest

from generator.ingest import import_standard
from generator.standard.text import find_glued
from generator.standard import model as m

# (abilities, knowledge) per labour function, as counted by hand in the source
EXPECTED = {
    "1210-0-020": [(7, 6), (7, 9), (4, 7)],
    "3412-0-003": [(3, 4), (4, 3), (3, 5), (5, 6)],
}


@pytest.fixture(scope="module")
def seed(seed_path) -> m.Standard:
    return import_standard(seed_path)


def item(standard: m.Standard, item_id: str) -> m.Item:
    found = [i for *_, i in standard.iter_items() if i.id == item_id]
    assert len(found) == 1, item_id
    return found[0]


def test_cards_functions_skills_and_item_counts(seed):
    assert [card.code for card in seed.cards] == list(EXPECTED)
    for card in seed.cards:
        counts = [(len(f.skills[0].abilities), len(f.skills[0].knowledge)) for f in card.functions]
        assert counts == EXPECTED[card.code], card.code
        assert [f.number for f in card.functions] == list(range(1, len(EXPECTED[card.code]) + 1))
        assert all(len(f.skills) == 1 for f in card.functions), "one skill per labour function"
    kinds = [kind for *_, kind, _item in seed.iter_items()]
    assert kinds.count("ability") == 33
    assert kinds.count("knowledge") == 40


def test_ids_are_stable_paths(seed):
    card = seed.card("3412-0-003")
    skill = card.functions[1].skills[0]
    assert card.functions[1].id == "3412-0-003/F2"
    assert skill.id == "3412-0-003/F2/S1"
    assert skill.abilities[2].id == "3412-0-003/F2/S1/A3"
    assert skill.knowledge[1].id == "3412-0-003/F2/S1/K2"
    ids = [i.id for *_, i in seed.iter_items()]
    assert len(ids) == len(set(ids)) == 73


def test_standard_passport(seed):
    assert seed.code == "М84120"
    assert seed.language == "kk"
    assert seed.title == "Мемлекеттік жастар саясаты саласындағы қызмет"
    assert seed.source.layout == "2023" and seed.source.reader == "text"
    assert [c.code for c in seed.classifier] == ["M", "84", "84.1", "84.12", "84.12.0"]
    assert seed.description.startswith("Мемлекеттік жастар саясаты саласындағы жастармен жұмысты ұйымдастыруды")
    assert [(e.level) for e in seed.card_list] == ["7", "5"]
    assert seed.year == 2023
    assert seed.review_date == "2026-11-05"
    assert seed.technical.state_body == "Қазақстан Республикасының Мәдениет және ақпарат министрлігі"
    assert len(seed.technical.developers) == 2


def test_item_7_common_knowledge_requirements(seed):
    assert seed.common_knowledge == [
        "еңбекті қорғау ережелері мен нормалары",
        "қауіпсіздік техникасы",
        "өндірістік санитария және өрттен қорғау",
        "құжаттамалық қамтамасыз ету және іскерлік хат алмасу ережесі",
        "іскерлік қарым-қатынас этикасы, мемлекеттік және орыс тілдерінде сауатты ауызша және жазбаша сөйлеу",
        "кеңсе бағдарламалық қамтамасыз етуді пайдалану",
    ]


def test_card_fields(seed):
    director, specialist = seed.cards
    assert director.group_code == "1210-0" and specialist.group_code == "3412-0"
    assert director.name == ("Орталықтың директоры (меңгерушісі) (жастарға ақпарат, жастарға консультативтік "
                             "қызметтер, жастарға әлеуметтік-психологиялық көмек)")
    assert specialist.name == "Жастармен жұмыс жөніндегі маман"
    assert (director.level, specialist.level) == ("6", "5")
    assert director.sublevel is None and specialist.sublevel is None
    assert director.education.level == "Жоғары/жоғары оқу орнынан кейінгі"
    assert [(s.code, s.name) for s in director.education.specialities] == [
        ("6B01", "Педагогикалық ғылымдар"),
        ("6B02", "Өнер және гуманитарлық ғылымдар"),
        ("6B03", "Әлеуметтік ғылымдар, журналистика және ақпарат"),
        ("6B04", "Бизнес, басқару және құқық"),
    ]
    assert "№ 569 бұйрығы (Нормативтік" in director.education.basis
    assert specialist.education.level == "Кәсіптік-техникалық білім"
    assert [s.code for s in specialist.education.specialities] == ["02", "03", "04"]
    assert director.purpose == "Ұйым мен барлық деңгейдегі мемлекеттік органдар арасындағы ынтымақтастықты қамтамасыз ету"
    assert specialist.purpose == "Мемлекеттік жастар саясатын іске асыру, жастарға қызмет көрсету"
    personal = ["Бастамашылық", "жауапкершілік", "тиімділік", "шығармашылық", "коммуникативтілік", "икемділік",
                "өзін-өзі дамыту", "білімдарлық"]
    assert director.personal_competencies == personal
    assert specialist.personal_competencies == personal
    assert director.other_names == ["1210-0-057 Орталықтың директоры"]
    assert director.nonformal_link == "Қажет емес"
    assert [(r.level, r.name) for r in specialist.related_professions] == [
        ("5", "Әлеуметтік қызметкер"), ("5", "Әлеуметтік жұмыс жөніндегі қызметкер")]
    assert [f.title for f in specialist.listed_functions] == [
        "Жастарды ақпараттандыруды және оларға кеңес беруді қамтамасыз ету",
        "Білім беру бағдарламалары арқылы жастардың дамуына ықпал ету",
        "ЖРО-ға жүгінген тұлғалардың қажеттіліктерін зерделеу, жастардың қажеттіліктері мен үміттерін анықтау",
    ]
    assert all(f.mandatory for f in specialist.listed_functions)


def test_function_and_skill_titles(seed):
    director, specialist = seed.cards
    assert director.functions[0].title == "ЖРО жұмысын басқару және ұйымдастыру"
    # "Дағды 1ЖРО қызметін ұйымдастыру": the number glued to the title
    assert director.functions[0].skills[0].title == "ЖРО қызметін ұйымдастыру"
    # "Дағды 1: …" and "Дағды 1 (кәсіби міндет): …"
    assert director.functions[1].skills[0].title == "Жастармен жұмыс жөніндегі мамандардың жұмысын ұйымдастыру"
    assert director.functions[2].skills[0].title == ("Жастарға көрсетілетін қызметтердің сапасын арттыру бойынша "
                                                     "жоспар әзірлеу")
    assert specialist.functions[0].title == "Жастарды ақпараттандыруды және оларға консультация беруді қамтамасыз ету"
    assert specialist.functions[3].skills[0].title == ("Басқарушылық тәсілдерді, цифрлық технологияларды пайдалана "
                                                       "отырып, жастарға арналған жобаларды ұйымдастыру, әзірлеу")
    skills = [s for c in seed.cards for f in c.functions for s in f.skills]
    assert all(s.recognition is True and s.recognition_text == "ұсынылады" for s in skills)


# Full texts written by hand from the source lines, with the publication's glued words separated.
HAND_WRITTEN = {
    "1210-0-020/F1/S1/A1": "ЖРО қызметіне басшылық жасау және оның жұмысының нәтижелері үшін жауапты болу",
    "1210-0-020/F1/S1/A4": "ЖРО қызметтері туралы халықты хабардар етуді ұйымдастыру мақсатында іскерлік келіссөздер "
                           "жүргізу және көпшілік алдында сөз сөйлеу әдістерін қолдану, әлеуметтік әріптестермен "
                           "іскерлік қатынастар орнату",
    "1210-0-020/F1/S1/A7": "ЖРО-ның қаржы-шаруашылық қызметіне басшылық жасау",
    "1210-0-020/F1/S1/K1": "Қазақстан Республикасының Конституциясы",
    "1210-0-020/F1/S1/K2": "Қазақстан Республикасының Еңбек кодексі",
    "1210-0-020/F1/S1/K3": '"Мемлекеттік жастар саясаты туралы" Қазақстан Республикасының Заңы',
    "1210-0-020/F1/S1/K4": '"Қазақстан Республикасы мемлекеттік жастар саясатының 2023 – 2029 жылдарға арналған '
                           'тұжырымдамасын бекіту туралы" Қазақстан Республикасы Үкіметінің 2023 жылғы 28 наурыздағы '
                           '№ 247 қаулысы',
    "1210-0-020/F1/S1/K5": '"Жастар ресурстық орталықтары туралы үлгілік ережені бекіту туралы" Қазақстан Республикасы '
                           'Ақпарат және қоғамдық даму министрінің 2019 жылғы 19 қарашадағы № 444 бұйрығы '
                           '(Нормативтік құқықтық актілердің мемлекеттік тіркеу тізілімінде № 19619 тіркелген)',
    "1210-0-020/F1/S1/K6": "ЖРО қызметі мен мамандану ерекшеліктерін білу",
    # "…білу.6. Оқытуды…": an item ended by a full stop, not a semicolon
    "1210-0-020/F2/S1/K5": "ЖРО қызметі мен мамандану ерекшеліктерін білу",
    "1210-0-020/F2/S1/K6": "Оқытуды жүргізудің теориясы мен әдістемесі (оқыту стилі, қалауы және т.б.)",
    "1210-0-020/F2/S1/K8": "Бейресми оқытуды бағалау (процестерді, бағалау механизмдері мен құралдарын білу)",
    "1210-0-020/F2/S1/K9": "ҚР іс қағаздарын жүргізу және ҚР мен ұйымның басқа да заңнамалық актілерінің теориясы",
    "1210-0-020/F3/S1/A2": "Мамандардың лауазымдық нұсқаулықтарын орындауын, сапасы мен мерзімі бойынша құжаттардың "
                           "орындалуын бақылауды жүзеге асыру",
    "1210-0-020/F3/S1/K7": "Өкілеттілікті табыстау, жоспарлау, мониторинг және бақылау теориясы",
    # the last ability of a list without final punctuation
    "3412-0-003/F1/S1/A3": "Жастармен жұмыс істеу үшін қажетті коммуникативтік дағдыларды меңгеру",
    "3412-0-003/F1/S1/K4": "Жастарға арналған мемлекеттік қолдау шаралары туралы өзекті ақпаратты білу",
    "3412-0-003/F2/S1/A3": "Топтық басқару және фасилитация, тәлімгерлік дағдылары",
    "3412-0-003/F3/S1/A2": "Ақпаратты/деректерді жинау, өңдеу және талдау дағдылары",
    # "4.Көшбасшылық" and "5.Қаржылық": no space after the number
    "3412-0-003/F4/S1/A4": "Көшбасшылық, делегация, жоспарлау, жәрдемдесу, коммуникация",
    "3412-0-003/F4/S1/A5": "Қаржылық менеджмент, адам ресурстарын басқару және дамыту, қаражат жинау, коммуникация, "
                           "мүдделерді қорғау, желі құру",
    "3412-0-003/F4/S1/K5": "Деректерді талдаудың теориясы мен негізгі әдістерін білу",
    "3412-0-003/F4/S1/K6": "Ақпараттық, коммуникациялық және әлеуметтік медиа құралдарын білу",
}


@pytest.mark.parametrize("item_id", sorted(HAND_WRITTEN))
def test_item_texts_verbatim_after_repair(seed, item_id):
    assert item(seed, item_id).text == HAND_WRITTEN[item_id]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_item_is_in_the_source_letter_for_letter(seed, seed_text):
    """Repairs only insert spaces: without whitespace, each item is a piece of the source."""
    source = _squeeze(seed_text)
    for *_, kind, each in seed.iter_items():
        assert _squeeze(each.text) in source, each.id
        assert each.text == each.text.strip() and "  " not in each.text, each.id
        assert not each.text.endswith((";", ",")), each.id
        assert not re.match(r"^\d+\s*[.)]", each.text), f"{each.id} keeps its list number"


GLUED = ["РеспубликасыныңКонституциясы", "РеспубликасыныңЕңбек", "РеспубликасыныңЗаңы", "247қаулысы",
         "444бұйрығы", "бұйрығы(Нормативтік", "кейінгіМамандығы", "Дағды 1ЖРО", "1ЖРО", "Мамандығы:6B01",
         "ғылымдар6B02", "білімМамандығы", "ғылымдар03", "Министрдіңміндетін", "Бұйрығыменбекітілген",
         "1Жастарға", "394бұйрығы"]


def test_no_glued_word_anywhere_in_the_model(seed, model_strings):
    every = list(model_strings(seed))
    assert len(every) > 300
    for path, value in every:
        for glued in GLUED:
            assert glued not in value, f"{path}: {value!r}"
        assert find_glued(value) == [], f"{path}: {value!r}"
        assert not re.search(r"[а-яёәғқңөұүһі][А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]", value), path
        assert not re.search(r"\d[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{2}", value), path


def test_glued_header_and_technical_words_are_separated(seed):
    assert seed.approval.signer_title == "Министрдің міндетін атқарушы"
    assert seed.approval.signed_by == "Қ. Ысқақов"
    assert "бұйрығы (Нормативтік" in seed.cards[0].tariff_level


@pytest.mark.parametrize("variant", ["crlf", "bom", "nbsp", "trailing-spaces"])
def test_saved_by_other_editors_the_seed_imports_the_same(seed, seed_text, tmp_path, variant):
    text = {
        "crlf": seed_text.replace("\n", "\r\n"),
        "bom": "\ufeff" + seed_text,
        "nbsp": seed_text.replace("Қабілет:", "Қабілет:\u00a0").replace(" мен ", " мен\u00a0"),
        "trailing-spaces": seed_text.replace("\n", "  \n"),
    }[variant]
    path = tmp_path / "M84120.kk.txt"
    path.write_text(text, encoding="utf-8", newline="")
    again = import_standard(path)
    assert again.cards == seed.cards
    assert again.common_knowledge == seed.common_knowledge
