"""Shared helpers of the export tests: paths, a hand-made Russian standard, a Moodle-like CSV reader."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.standard import model as m

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "standard_data" / "M84120.kk.yaml"
SHARED = REPO.parent / "shared" / "fixtures"
CASE_SCHEMA = SHARED / "case" / "case-v1p0-cfpackage-schema.json"
DOCX_FIXTURES = sorted((SHARED / "standards").glob("*.docx")) if (SHARED / "standards").is_dir() else []
SEED_COUNTS = {"cards": 2, "functions": 7, "skills": 7, "abilities": 33, "knowledge": 40}
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


def counts(standard: m.Standard) -> dict:
    functions = [f for c in standard.cards for f in c.functions]
    skills = [s for f in functions for s in f.skills]
    return {"cards": len(standard.cards), "functions": len(functions), "skills": len(skills),
            "abilities": sum(len(s.abilities) for s in skills), "knowledge": sum(len(s.knowledge) for s in skills)}


def tree(standard: m.Standard) -> dict:
    """{stable id: (parent id, text)} for every element, as the exports should reproduce it."""
    nodes = {}
    for card in standard.cards:
        nodes[card.code] = ("", card.name)
        for function in card.functions:
            nodes[function.id] = (card.code, function.title)
            for skill in function.skills:
                nodes[skill.id] = (function.id, skill.title)
                for item in skill.abilities + skill.knowledge:
                    nodes[item.id] = (skill.id, item.text)
    return nodes


def moodle_rows(text: str) -> list[list[str]]:
    """Read CSV text the way Moodle's csv_import_reader does: BOM trimmed, CR/CRLF → LF, fgetcsv."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"'))


def moodle_import(text: str):
    """Mimic framework_importer: framework row, flat competencies, children attached from ''.

    Returns (header, framework row, {idnumber: row}, reachable idnumbers in tree order).
    """
    rows = moodle_rows(text)
    header, body = rows[0], rows[1:]
    framework = [r for r in body if r[12]]
    flat = {r[1]: r for r in body if not r[12]}
    reached: list[str] = []

    def add_children(parent: str) -> None:
        for idnumber, row in flat.items():
            if row[0] == parent:
                reached.append(idnumber)
                add_children(idnumber)

    add_children("")
    return header, framework, flat, reached


def russian_standard(card_code: str = "2139-P1-L4") -> m.Standard:
    """A small Russian standard with the hard cases: commas, quotes, line breaks, long and repeated texts."""
    long_text = ("Знание нормативных правовых актов, регулирующих администрирование баз данных, "
                 "включая требования к информационной безопасности, резервному копированию и «отказоустойчивости»")
    law = m.LegalRef(kind="law", title="Об информатизации", number="418-V")
    card = m.Card(code=card_code, group_code=None, name="Администратор баз данных", level="4",
                  purpose="Обеспечение работы БД, в том числе \"критичных\" систем")
    for f_number in (1, 2):
        function = m.LabourFunction(id=m.function_id(card_code, f_number), number=f_number,
                                    title=f"Трудовая функция {f_number}: установка, настройка", mandatory=f_number == 1)
        skill_id = m.skill_id(card_code, f_number, 1)
        skill = m.Skill(id=skill_id, number=1, title="Навык 1, с запятой и \"кавычками\"", recognition=True,
                        recognition_text="рекомендуется")
        skill.abilities = [
            m.Item(id=m.item_id(skill_id, "ability", 1), text="Устанавливать СУБД; ёлка, щука, объём"),
            m.Item(id=m.item_id(skill_id, "ability", 2), text="Строка с переводом\nстроки и | чертой"),
        ]
        skill.knowledge = [
            m.Item(id=m.item_id(skill_id, "knowledge", 1), text=long_text),
            m.Item(id=m.item_id(skill_id, "knowledge", 2), text="Закон Республики Казахстан «Об информатизации»",
                   legal_ref=law),
        ]
        function.skills.append(skill)
        card.functions.append(function)
    return m.Standard(code="R2139", title="Администрирование баз данных", language="ru",
                      source=m.Source(file="r.docx", sha256="0" * 64, layout="A", reader="docx"),
                      year=2022, cards=[card])
