"""Recognition sheets (дағдыны тану парағы / лист признания навыка, PEDAGOGY §5 and EXAMPLES §4).

One sheet per skill the card recommends for recognition: for every ability of the skill, the program's
own criteria of its outcome (rows 1.1, 1.2 …); for every knowledge item, its explain/apply criterion
(rows Б.1 / З.1 …) with the oral questions for the assessor. Items taught elsewhere (normative acts,
items an earlier skill has) bring the criteria of the outcome that teaches them. Each row is rated
0–1–2; the skill is recognised with at least ``recognition.threshold_share`` of the maximum and, with
``no_zero``, no row rated 0.
"""
from __future__ import annotations

import math

from generator.design.program import Criterion, CoverageRow, Module, RecognitionSheet, SheetRow


def _threshold(max_score: int, share: float) -> int:
    return min(max_score, math.floor(max_score * share + 0.5))


def recognition_sheets(modules: list[Module], selected, coverage: list[CoverageRow], headings: dict[str, str],
                       wording: dict, rules: dict, evidence_names: dict) -> list[RecognitionSheet]:
    """The sheets of the recognisable skill modules, in module order."""
    criteria: dict[str, list[Criterion]] = {}
    for module in modules:
        for criterion in module.criteria:
            criteria.setdefault(criterion.outcome_code, []).append(criterion)
    outcome_of = {row.item_id: row.outcome for row in coverage}
    sheets = []
    for module in modules:
        if module.kind != "skill" or not module.recognition:
            continue
        entry = next(e for e in selected if e.skill.id == module.skill_id)
        sheet = RecognitionSheet(skill_id=module.skill_id, module_id=module.id, title=module.title,
                                 skill_number=entry.skill.number, function_number=entry.function.number,
                                 function_title=entry.function.title, methods=[],
                                 no_zero=bool(rules["recognition"]["no_zero"]))
        _rows(sheet, entry.skill, criteria, outcome_of, headings, wording["sheet"])
        sheet.methods = _methods(sheet, modules, wording["sheet"]["methods"], evidence_names,
                                 rules["recognition"]["interview_minutes"])
        top = max(rules["recognition"]["scale"])
        sheet.max_score = top * len(sheet.rows)
        sheet.threshold = _threshold(sheet.max_score, rules["recognition"]["threshold_share"])
        sheets.append(sheet)
    return sheets


def _rows(sheet: RecognitionSheet, skill, criteria, outcome_of, headings, words: dict) -> None:
    for number, item in enumerate(skill.abilities, start=1):
        code = outcome_of[item.id]
        title = words["ability_group"].format(number=number, title=headings[item.id])
        for index, criterion in enumerate(c for c in criteria.get(code, []) if c.kind == "ability"):
            sheet.rows.append(SheetRow(number=f"{number}.{index + 1}", kind="ability", group=title if index == 0 else "",
                                       outcome_code=code, text=criterion.text, evidence=criterion.evidence,
                                       source_id=item.id))
    for number, item in enumerate(skill.knowledge, start=1):
        code = outcome_of[item.id]
        found = [c for c in criteria.get(code, []) if c.kind == "knowledge"]
        if not found:
            continue
        criterion = found[0]
        sheet.rows.append(SheetRow(number=f"{words['knowledge_prefix']}.{number}", kind="knowledge",
                                   group=words["knowledge_group"].format(title=headings[item.id]),
                                   outcome_code=code, text=criterion.text, evidence=criterion.evidence,
                                   source_id=item.id, questions=list(criterion.questions)))


def _methods(sheet: RecognitionSheet, modules: list[Module], methods: dict, evidence_names: dict,
             interview_minutes: int) -> list[str]:
    """How the skill is assessed: observation of its practical tasks, product analysis, interview."""
    used = {key for key, name in evidence_names.items() for row in sheet.rows if name in row.evidence.split(", ")}
    codes = {row.outcome_code for row in sheet.rows if row.kind == "ability"}
    topics = [t.number for mo in modules for t in mo.topics if t.task and codes & set(t.outcome_codes)]
    values = {"topics": ", ".join(dict.fromkeys(topics)), "minutes": interview_minutes}
    return [methods[key].format(**values) for key in ("observation", "product", "interview") if key in used]


def merge_sheet_rows(rows) -> list[str]:
    """Rows of recognition sheets one piece of evidence feeds, one entry per sheet, rows in order:
    «2-модуль: Б.1», «2-модуль: Б.2», «3-модуль: Б.1» → «2-модуль: Б.1, Б.2», «3-модуль: Б.1»."""
    by_sheet: dict[str, list[str]] = {}
    for row in rows:
        sheet, _, numbers = row.rpartition(": ")
        for number in numbers.split(", "):
            if number not in by_sheet.setdefault(sheet, []):
                by_sheet[sheet].append(number)
    return [f"{sheet}: {', '.join(sorted(numbers, key=code_order))}" if sheet else ", ".join(numbers)
            for sheet, numbers in by_sheet.items()]


def code_order(number: str) -> tuple:
    """«1.2» < «1.10» < «Б.1»: numbered rows or codes (digits) before lettered ones, each by its parts."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in number.split("."))
