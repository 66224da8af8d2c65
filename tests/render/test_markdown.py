"""Markdown of a program: the DOCX program's sections, every outcome, the hours table."""
import re

import pytest

from helpers import SEED
from generator.design.program import (AssessmentTask, CoverageRow, CrossReference, Criterion, Hours, MethodUse, Module,
                                      Outcome, PersonalOutcome, Program, Provider, RecognitionSheet, Reference, SheetRow,
                                      Topic)
from generator.render.markdown import program_markdown

KK_SECTIONS = ["«БЕКІТЕМІН»", "Әдістемелік кеңесте қаралды", "**Әзірлеушілер:**", "## Бағдарлама паспорты",
               "## Түсіндірме жазба", "## Бағдарламаның мақсаты мен міндеттері", "## Оқыту нәтижелері",
               "## Оқу-тақырыптық жоспар", "## Бағдарламаның мазмұны", "## Оқытуды ұйымдастыру",
               "### Бағдарламада қолданылатын әдістер", "## Оқыту нәтижелерін бағалау", "### Жеке құзыреттерді бағалау",
               "### Қорытынды бағалау", "### Дағдыны тану парағы: 1. Оқыту іс-шараларын ұйымдастыру",
               "## Жүзеге асыру шарттары", "## Күнтізбелік кесте", "## Бағдарламаны бағалау",
               "## Оқу-әдістемелік қамтамасыз ету", "### Нормативтік құқықтық актілер", "### Әдебиеттер тізімі",
               "## Сәйкестік матрицасы"]


def hand_made_program(language: str = "kk") -> Program:
    prefix = "ОН" if language == "kk" else "РО"
    legal = Module(id="M1", number=1, title="Кәсіби қызметтің нормативтік-құқықтық негіздері", kind="legal",
                   hours=Hours(total=4, theory=2, practice=1, assessment=1),
                   outcomes=[Outcome(code=f"{prefix} 1.1", text="Қазақстан Республикасының Конституциясын біледі",
                                     source_ids=["X/F1/S1/K1"], bloom="remember", kind="knowledge")],
                   topics=[Topic(number="1.1", title="Қазақстан Республикасының Конституциясы", kind="theory",
                                 hours=Hours(2, 2, 0, 0), knowledge_ids=["X/F1/S1/K1"], outcome_codes=[f"{prefix} 1.1"]),
                           Topic(number="1.2", title="Актілерді қолдану", kind="practice", hours=Hours(1, 0, 1, 0),
                                 outcome_codes=[f"{prefix} 1.1"], task="Актілерді қолдану (кейс)", task_form="кейс")],
                   methods=["мини-дәріс"], assessment=["кейс шешу"],
                   assessment_tasks=[AssessmentTask(title="Актілерді қолдану (кейс)", form="кейс шешу",
                                                    outcome_codes=[f"{prefix} 1.1"], evidence="өнім", minutes=25)],
                   criteria=[Criterion(outcome_code=f"{prefix} 1.1", text="Конституцияның | негізгі ережелерін түсіндіреді.",
                                       evidence="сұхбат", kind="knowledge", verb_class="legal", shape="legal.1",
                                       questions=["Қай ережесі жұмысыңызға қатысты?"])])
    skill = Module(id="M2", number=2, title="Оқыту іс-шараларын ұйымдастыру", kind="skill",
                   hours=Hours(total=11, theory=2, practice=8, assessment=1), function_id="X/F1",
                   function_number=1, function_title="Жастардың дамуына ықпал ету", skill_id="X/F1/S1",
                   skill_number=1, recognition=True,
                   outcomes=[Outcome(code=f"{prefix} 2.1", text="оқыту іс-шараларын ұйымдастыра және өткізе алады",
                                     source_ids=["X/F1/S1/A1"], bloom="create"),
                             Outcome(code=f"{prefix} 2.2", text="бейресми білім беру әдістерін біледі",
                                     source_ids=["X/F1/S1/K2"], bloom="remember", kind="knowledge")],
                   topics=[Topic(number="2.1", title="Оқыту іс-шарасын өткізу", kind="integrated",
                                 hours=Hours(10, 2, 8, 0), ability_ids=["X/F1/S1/A1"], knowledge_ids=["X/F1/S1/K2"],
                                 outcome_codes=[f"{prefix} 2.1", f"{prefix} 2.2"],
                                 content=["Бейресми білім беру әдістері"],
                                 task="Оқыту іс-шарасын өткізу (рөлдік ойын)", task_form="рөлдік ойын")],
                   methods=["жобалық жұмыс", "мини-дәріс"], assessment=["практикалық тапсырма"],
                   assessment_tasks=[AssessmentTask(title="Оқыту іс-шарасын өткізу (рөлдік ойын)",
                                                    form="практикалық тапсырма", outcome_codes=[f"{prefix} 2.1"],
                                                    evidence="бақылау", minutes=25)],
                   criteria=[Criterion(outcome_code=f"{prefix} 2.1", text="Кіріспеде мақсатты нақты айтады.",
                                       evidence="бақылау", kind="ability", verb_class="event", shape="event.1")],
                   references=[CrossReference(item_id="X/F1/S1/K1", taught_item="X/F1/S1/K1",
                                              title="Қазақстан Республикасының Конституциясы", topic="1.1",
                                              outcome=f"{prefix} 1.1", note="1.1-тақырыпты қараңыз")],
                   reference_note="Осы дағдының келесі элементтері басқа тақырыптарда оқытылады:")
    return Program(
        language=language, standard_code="М84120", standard_code_text="М84120",
        standard_title="Мемлекеттік жастар саясаты саласындағы қызмет", standard_version="1-нұсқа, 2023 ж.",
        card_code="3412-0-003", card_name="Жастармен жұмыс жөніндегі маман", level="5",
        title="Жастармен жұмыс жөніндегі маман", total_hours=16, minutes_per_hour=45, format="күндізгі",
        format_name="күндізгі", audience="жастармен жұмыс істейтін тұлғалар", group_size="12–20",
        provider=Provider(name="Жастар ресурстық орталығы", city="Астана", approver_name="А. Б. Сапарова",
                          approver_title="Директор"),
        year=2026, goal="Кәсіби құзыреттерді қалыптастыру", tasks=["нормативтік негіздерді меңгерту",
                                                                  "оқыту дағдыларын дамыту"],
        entry_requirements="Кәсіптік-техникалық білімі бар тұлғалар",
        document_issued="Сертификат", structure_note="Бағдарлама 2 модульден тұрады.", modules=[legal, skill],
        cross_cutting_outcomes=[PersonalOutcome(code=f"{prefix} Ж1", competency="бастамашылық",
                                                text="топтық жұмыста бастамашылық танытады", verb="танытады",
                                                signs=["ұсыныс айтады", "өзі ұсынылады", "шешу жолын ұсынады"],
                                                observed_in=["2.1"], source_ids=["X/personal/1"])],
        personal_signs_needed=2,
        bibliography=[Reference(number=1, kind="constitution", citation="Қазақстан Республикасының Конституциясы.",
                                item_ids=["X/F1/S1/K1"]),
                      Reference(number=2, kind="other", citation="«Мемлекеттік жастар саясаты» кәсіптік стандарты.")],
        coverage=[CoverageRow(item_id="X/F1/S1/K1", kind="knowledge", module_id="M1", outcome=f"{prefix} 1.1",
                              text="Қазақстан Республикасының Конституциясы", topic="1.1"),
                  CoverageRow(item_id="X/F1/S1/A1", kind="ability", module_id="M2", outcome=f"{prefix} 2.1",
                              text="Оқыту іс-шараларын ұйымдастыру және өткізу", topic="2.1"),
                  CoverageRow(item_id="X/F1/S1/K2", kind="knowledge", module_id="M2", outcome=f"{prefix} 2.2",
                              text="Бейресми білім беру әдістерін білу", topic="2.1")],
        final_assessment="Кешенді практикалық тапсырма", final_assessment_hours=1,
        hours_basis="Бағдарламаның көлемі тапсырыс берушінің талабы бойынша белгіленді: 16 академиялық сағат.",
        assessment_sheets=[RecognitionSheet(skill_id="X/F1/S1", module_id="M2", title="Оқыту іс-шараларын ұйымдастыру",
                                            skill_number=1, function_number=1,
                                            function_title="Жастардың дамуына ықпал ету", methods=["бақылау"],
                                            rows=[SheetRow(number="1.1", kind="ability",
                                                           group="1-қабілет. Оқыту іс-шараларын ұйымдастыру",
                                                           outcome_code=f"{prefix} 2.1",
                                                           text="Кіріспеде мақсатты нақты айтады.", evidence="бақылау",
                                                           source_id="X/F1/S1/A1")],
                                            max_score=2, threshold=1)],
        totals=Hours(total=16, theory=4, practice=9, assessment=3),
        explanatory_note=["Бағдарлама кәсіптік стандарт негізінде әзірленді.", "Бағдарлама 2 модульден тұрады.",
                          "Бағдарламаның көлемі тапсырыс берушінің талабы бойынша белгіленді: 16 академиялық сағат."],
        methods_used=[MethodUse(name="Кейс-стади", phase="practice", sessions="2, 5-сабақтар; барлығы 90 мин",
                                minutes=90, how="Нұсқау → Топтық талдау → Таныстыру", result="Топтардың шешімдері")],
    )


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The cells of the first table after ``heading``."""
    section = markdown.split(heading, 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("|"):
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
        elif rows:
            break
    return rows


def test_hand_made_program_has_every_section_in_docx_order():
    text = program_markdown(hand_made_program())
    positions = [text.index(section) for section in KK_SECTIONS]
    assert positions == sorted(positions)
    assert text.startswith("# Жастармен жұмыс жөніндегі маман\n")
    assert text.endswith("\n") and not text.endswith("\n\n") and "\r" not in text


def test_hand_made_program_has_every_outcome_and_the_hours_table():
    program = hand_made_program()
    text = program_markdown(program)
    for outcome in [o for mo in program.modules for o in mo.outcomes] + program.cross_cutting_outcomes:
        assert f"**{outcome.code}** {outcome.text}" in text
    rows = table_rows(text, "## Оқу-тақырыптық жоспар")
    assert rows[0] == ["№", "Модульдің / тақырыптың атауы", "Барлығы", "Теория", "Практика", "Бағалау", "Бағалау нысаны"]
    assert rows[2] == ["**1**", "**1-модуль. Кәсіби қызметтің нормативтік-құқықтық негіздері**", "**4**", "**2**",
                       "**1**", "**1**", "кейс шешу"]
    assert ["2.1", "Оқыту іс-шарасын өткізу", "10", "2", "8", "", ""] in rows
    assert ["", "Аралық бағалау", "1", "", "", "1", ""] in rows
    assert ["", "**Қорытынды бағалау**", "**1**", "", "", "**1**", ""] in rows
    assert rows[-1] == ["", "**Барлығы**", "**16**", "**4**", "**9**", "**3**", ""]


def test_hand_made_program_content_details():
    text = program_markdown(hand_made_program())
    assert ("*Еңбек функциясы: 1. «Жастардың дамуына ықпал ету»; Сағат саны: 11 (теория – 2, практика – 8, "
            "бағалау – 1)*") in text
    assert "**2.1. Оқыту іс-шарасын өткізу** (10 сағ.: теория – 2, практика – 8)" in text
    assert "- Қарастырылатын мәселелер: Бейресми білім беру әдістері" in text
    assert "- Практикалық тапсырма: Оқыту іс-шарасын өткізу (рөлдік ойын)" in text
    assert "- Қазақстан Республикасының Конституциясы (1.1-тақырыпты қараңыз)" in text
    assert "| ОН 1.1 | Конституцияның \\| негізгі ережелерін түсіндіреді.<br>*Бағалаушыға арналған ашық сұрақтар:* 1) " \
           "Қай ережесі жұмысыңызға қатысты? | сұхбат |" in text  # a pipe inside a cell is escaped
    assert "| ОН Ж1 | бастамашылық | топтық жұмыста бастамашылық танытады | ұсыныс айтады; өзі ұсынылады; шешу жолын ұсынады |" in text
    assert "Кешенді практикалық тапсырма (1 академиялық сағат)." in text
    assert "| 1.1 | 1-қабілет. Оқыту іс-шараларын ұйымдастыру | Кіріспеде мақсатты нақты айтады. | бақылау |" in text
    assert "1. Қазақстан Республикасының Конституциясы." in text
    assert "2. «Мемлекеттік жастар саясаты» кәсіптік стандарты." in text
    assert "| X/F1/S1/A1 | Қабілет | 2.1 | ОН 2.1 | Оқыту іс-шараларын ұйымдастыру және өткізу |" in text
    assert ("| Дағдыны тану | Бағдарламаны дағдыларды тану рәсімінде пайдалануға болады: 1 дағды үшін дағдыны тану "
            "парағы әзірленген |") in text
    assert "Бағдарлама 2 модульден тұрады." in text and "тапсырыс берушінің талабы бойынша белгіленді" in text
    assert ("| Кейс-стади (практика) | Нұсқау → Топтық талдау → Таныстыру. Нәтижесі: Топтардың шешімдері | "
            "2, 5-сабақтар; барлығы 90 мин |") in text
    assert "**Әзірлеушілер:** ____" in text  # no developers in the spec: a line to fill in


def test_russian_program_gets_russian_headings():
    text = program_markdown(hand_made_program("ru"))
    for heading in ("«УТВЕРЖДАЮ»", "## Паспорт программы", "## Учебно-тематический план", "## Матрица соответствия",
                    "**Итого**", "Модуль 2. Оқыту іс-шараларын ұйымдастыру"):
        assert heading in text
    assert "**РО 2.1**" in text


def test_rendering_is_deterministic():
    assert program_markdown(hand_made_program()) == program_markdown(hand_made_program())


@pytest.fixture(autouse=True)
def fixed_year(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01


@pytest.mark.parametrize("card", ["1210-0-020", "3412-0-003"])
def test_seed_program_contains_every_outcome_and_the_hours_table(card):
    from generator.design import make_program

    program = make_program(None, standard=SEED, card=card)
    text = program_markdown(program)
    outcomes = [o for mo in program.modules for o in mo.outcomes] + program.cross_cutting_outcomes
    assert outcomes
    for outcome in outcomes:
        assert f"**{outcome.code}** {outcome.text}" in text
    rows = table_rows(text, "## Оқу-тақырыптық жоспар")
    for module in program.modules:
        h = module.hours
        assert [f"**{h.total}**", f"**{h.theory}**", f"**{h.practice}**", f"**{h.assessment}**"] in \
            [row[2:6] for row in rows]
    assert rows[-1][1:3] == ["**Барлығы**", f"**{program.total_hours}**"]
    modules = sum(int(row[2].strip("*")) for row in rows[2:-1] if row[0].startswith("**"))
    assert modules + program.final_assessment_hours == program.total_hours
    for row in program.coverage:
        assert f"| {row.item_id} |" in text


def test_duration_uses_the_language_packs_plural_rule():
    from generator.render.environment import counted

    forms = {"one": "академический час", "few": "академических часа", "many": "академических часов"}
    assert [counted(n, forms, "ru") for n in (1, 2, 5, 11, 21, 24, 72, 112)] == [
        "1 академический час", "2 академических часа", "5 академических часов", "11 академических часов",
        "21 академический час", "24 академических часа", "72 академических часа", "112 академических часов"]
    assert counted(72, {"one": "сағат", "many": "сағат"}, "kk") == "72 сағат"
    program = hand_made_program("ru")
    assert ("| Продолжительность обучения | 16 академических часов (1 академический час – 45 минут) |"
            in program_markdown(program))
    assert ("| Оқу ұзақтығы | 16 академиялық сағат (1 академиялық сағат – 45 минут) |"
            in program_markdown(hand_made_program()))
