"""Both seed cards × three kinds: the documents carry the plan's content and numbers."""
from __future__ import annotations

import re

import docx
import pytest
from docx.oxml.ns import qn

from helpers import CARDS
from generator.render import output_name, render_document, render_documents
from helpers import KINDS
from generator.render.environment import quotes
from helpers import find_table, full_text, paragraphs, part, table_rows

KAZAKH = set("әғқңөұүһі")


@pytest.fixture(scope="module")
def rendered(seed_programs, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    return {card: dict(zip(KINDS, render_documents(seed_programs[card], KINDS, out))) for card in CARDS}


@pytest.mark.parametrize("card", CARDS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_and_opens(rendered, card, kind):
    path = rendered[card][kind]
    assert path.name == output_name(card, kind, "kk") and path.parent.name == card
    document = docx.Document(str(path))
    text = full_text(path)
    assert text.strip()
    assert "{{" not in text and "{%" not in text and "}}" not in text, "raw Jinja left in the document"
    assert '"' not in text, "straight quotes: Kazakh documents print «»"
    assert KAZAKH <= set(text.lower()) | {"һ"}  # every Kazakh letter the content uses survives
    assert document.sections[0].page_width is not None


@pytest.mark.parametrize("card", CARDS)
def test_program_contains_every_outcome(rendered, seed_programs, card):
    text = full_text(rendered[card]["program"])
    program = seed_programs[card]
    outcomes = [o for m in program.modules for o in m.outcomes] + program.cross_cutting_outcomes
    assert outcomes
    for outcome in outcomes:
        assert quotes(outcome.text) in text, outcome.code
        assert outcome.code.replace(" ", "\u00a0") in text


@pytest.mark.parametrize("card", CARDS)
def test_plan_table_matches_the_hours(rendered, seed_programs, card):
    program = seed_programs[card]
    table = find_table(rendered[card]["program"], "№")
    rows = table_rows(table)
    module_rows = {r[0]: r for r in rows if r[0].isdigit()}
    assert len(module_rows) == len(program.modules)
    for module in program.modules:
        r = module_rows[str(module.number)]
        hours = module.hours
        expected = [str(hours.total)] + [str(v) if v else "–" for v in (hours.theory, hours.practice, hours.assessment)]
        assert r[2:6] == expected, module.id
        assert module.title in r[1]
    totals = rows[-1]
    assert totals[0] == "Барлығы"
    t = program.totals
    assert totals[2:6] == [str(t.total), str(t.theory), str(t.practice), str(t.assessment)]
    assert t.total == program.total_hours
    final = next(r for r in rows if r[1] == "Қорытынды бағалау")
    assert final[2] == final[5] == str(program.final_assessment_hours)
    # topic rows (and the interim assessment) add up to their module row
    current, sums = None, {}
    for r in rows[2:rows.index(final)]:
        if r[0].isdigit():
            current = r[0]
            sums[current] = [0, 0, 0, 0]
        elif current:
            for i in range(4):
                sums[current][i] += 0 if r[2 + i] == "–" else int(r[2 + i])
    for number, (total, theory, practice, assessment) in sums.items():
        module = program.modules[int(number) - 1]
        assert (total, theory, practice, assessment) == (module.hours.total, module.hours.theory,
                                                         module.hours.practice, module.hours.assessment)
    assert all(int(r[2]) >= 1 for r in rows[2:-1] if r[2] != "–")  # no topic or module row at 0 hours


def test_plan_header_has_merged_cells(rendered):
    table = find_table(rendered[CARDS[1]]["program"], "№")
    xml = table._tbl.xml
    assert 'w:gridSpan w:val="4"' in xml  # «Сағат саны» over total/theory/practice/assessment
    assert "<w:vMerge" in xml  # №, name and form span both header rows
    assert xml.count("<w:tblHeader/>") >= 2  # header repeats on every page


@pytest.mark.parametrize("card", CARDS)
def test_bibliography_lists_the_normative_acts(rendered, seed_programs, card):
    text = full_text(rendered[card]["program"])
    program = seed_programs[card]
    acts = [r for r in program.bibliography if r.kind != "other"]
    assert acts
    for reference in program.bibliography:
        assert f"{reference.number}. {quotes(reference.citation)}" in text
    assert "Нормативтік құқықтық актілер" in text


@pytest.mark.parametrize("card", CARDS)
def test_program_sections_in_order(rendered, card):
    lines = paragraphs(rendered[card]["program"])
    headings = ["Әдістемелік кеңесте қаралды", "«БЕКІТЕМІН»", "Әзірлеушілер:", "Пікір берушілер:", "Бағдарлама паспорты",
                "Түсіндірме жазба", "Бағдарламаның мақсаты мен міндеттері", "Оқыту нәтижелері", "Оқу-тақырыптық жоспар",
                "Бағдарламаның мазмұны", "Оқытуды ұйымдастыру", "Оқыту нәтижелерін бағалау", "Жеке құзыреттерді бағалау",
                "Қорытынды бағалау", "Дағдыны тану", "Жүзеге асыру шарттары", "Оқу орны", "Жабдықтар мен материалдар",
                "Тренерге қойылатын талаптар", "Қолжетімділік", "Күнтізбелік кесте", "Бағдарламаны бағалау",
                "Оқу-әдістемелік қамтамасыз ету", "Нормативтік құқықтық актілер", "Әдебиеттер тізімі", "1-қосымша",
                "Сәйкестік матрицасы", "2-қосымша", "ҚАТЫСУШЫНЫҢ КЕРІ БАЙЛАНЫС ПАРАҒЫ"]
    position = -1
    for heading in headings:  # each after the previous one
        position = lines.index(heading, position + 1)


def test_title_page(rendered, seed_programs):
    program = seed_programs[CARDS[1]]
    text = full_text(rendered[CARDS[1]]["program"])
    for expected in ("«БЕКІТЕМІН»", program.provider.name, "БЕЙРЕСМИ БІЛІМ БЕРУ БАҒДАРЛАМАСЫ", f"«{program.title}»",
                     program.standard_code, program.card_code, f"СБШ біліктілік деңгейі: {program.level}",
                     f"{program.provider.city}, {program.year} ж.", "72 академиялық сағат"):
        assert expected in text


def test_coverage_matrix_lists_every_item(rendered, seed_programs):
    program = seed_programs[CARDS[1]]
    table = find_table(rendered[CARDS[1]]["program"], "Стандарт элементі")
    rows = table_rows(table)[1:]
    assert len(rows) == len(program.coverage)
    assert {r[0] for r in rows} == {c.item_id.split("/", 1)[1] for c in program.coverage}


def _num_ids(paragraph_elements):
    ids = []
    for p in paragraph_elements:
        num = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        ids.append(num.get(qn("w:val")) if num is not None else None)
    return ids


def test_numbered_lists_restart_per_module(rendered, seed_programs):
    path = rendered[CARDS[1]]["program"]
    document = docx.Document(str(path))
    numbered = [p for p in document.element.body.iterchildren()
                if p.tag == qn("w:p") and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
                and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "ListNumber"]
    ids = _num_ids(numbered)
    blocks = list(dict.fromkeys(ids))
    assert None not in blocks
    assert len(blocks) == 1  # the program's tasks (criteria are in tables now)
    numbering = part(path, "word/numbering.xml")
    for num_id in blocks:
        assert re.search(rf'<w:num w:numId="{num_id}"><w:abstractNumId w:val="\d+"/><w:lvlOverride w:ilvl="0">'
                         r'<w:startOverride w:val="1"/>', numbering)


def test_document_language_and_title(rendered, seed_programs):
    path = rendered[CARDS[0]]["program"]
    assert 'w:lang w:val="kk-KZ"' in part(path, "word/styles.xml")
    assert docx.Document(str(path)).core_properties.title == seed_programs[CARDS[0]].title


@pytest.mark.parametrize("card", CARDS)
def test_outline_has_schedule_and_every_session(rendered, seed_programs, card):
    program = seed_programs[card]
    table = find_table(rendered[card]["outline"], "№")
    rows = table_rows(table)
    assert rows[0] == ["№", "Сабақ", "Мақсаттары", "Негізгі әрекет", "Сағат"]
    assert len(rows) == 1 + len(program.sessions) + 1
    assert sum(int(r[4]) for r in rows[1:-1]) == program.total_hours
    assert rows[-1][4] == str(program.total_hours)
    assert [r[3] for r in rows[1:-1]] == [s.main_activity for s in program.sessions]
    assert all(r[2].startswith("ОН") for r in rows[1:-1])  # each session's objective
    text = full_text(rendered[card]["outline"])
    for outcome in (o for m in program.modules for o in m.outcomes):
        assert quotes(outcome.text) in text


@pytest.mark.parametrize("card", CARDS)
def test_one_recognition_sheet_per_recognisable_skill(rendered, seed_programs, card):
    program = seed_programs[card]
    path = rendered[card]["assessment"]
    lines = paragraphs(path)
    assert lines.count("ДАҒДЫНЫ ТАНУ ПАРАҒЫ") == len(program.assessment_sheets) > 0
    document = docx.Document(str(path))
    sheets = [t for t in document.tables if t.rows[0].cells[0].text.strip() == "№"]
    assert len(sheets) == len(program.assessment_sheets)
    outcomes = {quotes(o.text) for m in program.modules for o in m.outcomes}
    for table, sheet in zip(sheets, program.assessment_sheets):
        header = [c.text.strip() for c in table.rows[0].cells]
        assert header == ["№", "Қабілет / білім", "Критерий", "Дәлел түрі", "Балл", "Түсініктеме"]
        rows = table_rows(table)[1:]
        assert [r[0] for r in rows[:-1]] == [row.number for row in sheet.rows]
        assert [r[2] for r in rows[:-1]] == [quotes(row.text) for row in sheet.rows]
        assert not {r[2] for r in rows[:-1]} & outcomes  # the program's criteria, never its outcomes
        assert all(r[4] == "□0 □1 □2" for r in rows[:-1])
        assert rows[-1][3:5] == ["Жалпы балл", f"___ / {sheet.max_score}"]
    text = full_text(path)
    for sheet in program.assessment_sheets:
        assert f"Жалпы балл кемінде {sheet.threshold} болса (ең жоғарғы балл — {sheet.max_score})" in text
    assert text.count("□ ТАНЫЛДЫ") == text.count("□ ТАНЫЛМАДЫ") == len(program.assessment_sheets)
    assert lines.count("Қатысушы: бағалау нәтижесімен таныстым") == len(program.assessment_sheets)


def test_assessment_without_recognisable_skills_says_so(sample, tmp_path):
    sample.assessment_sheets = []
    path = render_document(sample, "assessment", tmp_path / "a.docx")
    assert "тануға ұсынылған дағдылар жоқ" in full_text(path)


def test_russian_documents_use_russian_labels(sample_ru, tmp_path):
    paths = {kind: render_document(sample_ru, kind, tmp_path / f"{kind}.docx") for kind in KINDS}
    program = full_text(paths["program"])
    for label in ("«УТВЕРЖДАЮ»", "Паспорт программы", "Учебно-тематический план", "Итого", "Матрица соответствия",
                  "Нормативные правовые акты", "72 академических часа", "Рассмотрено на методическом совете",
                  "Разработчики:", "Рецензенты:", "Организация обучения", "Методы, используемые в программе",
                  "Условия реализации", "Требования к тренеру", "Календарный график", "День 1", "Оценка программы",
                  "Приложение 2", "АНКЕТА ОБРАТНОЙ СВЯЗИ УЧАСТНИКА"):
        assert label in program, label
    guide = full_text(paths["guide"])
    for label in ("ПЛАНЫ ЗАНЯТИЙ", "Занятие 1.", "Цели. К концу занятия участник:", "Ход занятия",
                  "Вопросы для обсуждения", "Онлайн-вариант", "Доказательства, собираемые для оценки"):
        assert label in guide, label
    assert "Отметьте один балл по каждому утверждению" in full_text(paths["feedback"])
    assert "ЛИСТ ПРИЗНАНИЯ НАВЫКА" in full_text(paths["assessment"])
    assert "Итоговое оценивание" in program and "Итоговая аттестация" not in program
    assert 'w:lang w:val="ru-RU"' in part(paths["program"], "word/styles.xml")


def test_no_empty_sections_for_a_module_without_methods_or_criteria(sample, tmp_path):
    module = sample.modules[1]
    module.methods, module.assessment, module.assessment_tasks, module.criteria = [], [], [], []
    lines = paragraphs(render_document(sample, "program", tmp_path / "p.docx"))
    assert "Оқыту әдістері:" not in lines  # methods are described once, as used, under «Оқытуды ұйымдастыру»
    label = "Бағалау тапсырмалары:"
    positions = [i for i, line in enumerate(lines) if line == label]
    assert len(positions) == len(sample.modules) - 1
    for position in positions:
        assert lines[position + 1]  # the label is followed by its list
    assert f"2-модуль. {module.title}" not in lines[lines.index("Оқыту нәтижелерін бағалау"):]
