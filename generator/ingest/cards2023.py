"""Profession cards of the 2023 layout: table rows → Card with functions, skills and items."""
from __future__ import annotations

import re
from typing import Optional

from generator.exceptions import ImportFormatError
from generator.ingest.blocks import Block
from generator.ingest.legal import parse_legal_ref
from generator.ingest.numbered import clean_item, restart_at, split_numbered
from generator.ingest.repair import repair_glued
from generator.ingest.tolerance import Notebook, Orphans, new_function, same_title, skill_place
from generator.ingest.vocabulary import Vocabulary
from generator.standard import model as m

CARD_CODE = re.compile(r"^\s*(\d{4}-\d-\d{3})\b")
GROUP_CODE = re.compile(r"^\s*(\d{4}-\d)\s*$")
SPECIALITY = re.compile(r"((?:\d[A-Z])?\d{2,4})\s+(.+?)(?=\s+(?:\d[A-Z])?\d{2,4}\s+[А-ЯЁӘҒҚҢӨҰҮҺІ]|\s*[\"«]|$)", re.DOTALL)


def _leading_lines(text: str) -> int:
    """How many line breaks come before the first visible character."""
    return text[: len(text) - len(text.lstrip())].count("\n")


def _text(value: str) -> str:
    return repair_glued(re.sub(r"\s*\n\s*", " ", value))


class CardParser:
    """Reads the rows of one card. ``where(line)`` formats locations for messages."""

    def __init__(self, vocab: Vocabulary, where, heading: str, heading_line: int):
        self.vocab = vocab
        self.where = where
        self.heading = heading
        self.heading_line = heading_line
        self.fields: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.functions: list[m.LabourFunction] = []
        self.listed: list[m.ListedFunction] = []
        self.related: list[m.RelatedProfession] = []
        self.in_related = False
        self.saw_personal = False
        self.current: Optional[m.LabourFunction] = None  # the function and skill that rows below belong to
        self.skill: Optional[m.Skill] = None
        self.notebook = Notebook(where)  # what was read past, completed with the card's code
        self.orphans = Orphans(self.notebook)
        self.blocks: list[Block] = []  # the card's region of the source (for the account of what was read)

    # -- rows ---------------------------------------------------------------------------------
    def feed(self, block: Block) -> None:
        self.blocks.append(block)
        cells = block.cells
        first = cells[0]
        v = self.vocab
        if not first and len(cells) > 1:
            self._continuation(block)
            return
        if self.in_related and re.match(r"^\d+$", first) and len(cells) > 1:
            self.related.append(m.RelatedProfession(level=first, name=_text(cells[1])))
            return
        if v.match("function", first):
            self._function(block)
            return
        if v.match("function_list", first):
            self._function_list(cells[1:], block.line)
            return
        if v.match("recognition", first):
            self._recognition(cells[1] if len(cells) > 1 else "", block.line)
            return
        if v.match("related", first):
            self.in_related = True
            return
        if v.match("personal", first):
            self.saw_personal = True
        for key in ("group_code", "occupation_code", "profession_name", "level", "sublevel", "tariff_level",
                    "education", "nonformal", "other_names", "purpose", "personal", "regulations"):
            if v.match(key, first):
                self.fields[key] = cells[1] if len(cells) > 1 else ""
                self.labels[key] = first
                return
        if v.match("abilities", first) or v.match("knowledge", first):
            self._content(first + ("\n" + "\n".join(cells[1:]) if len(cells) > 1 else ""), block.line)

    def _continuation(self, block: Block) -> None:
        cells = block.cells[1:]
        if self.vocab.match("additional", cells[0]):
            self._listed(cells[1] if len(cells) > 1 else "", False, block.line)
        elif self.vocab.match("mandatory", cells[0]):
            self._listed(cells[1] if len(cells) > 1 else "", True, block.line)
        elif self.vocab.match("skill", cells[0]):
            self._skill(cells[0], "\n".join(cells[1:]), block.line)
        elif self.vocab.match("recognition", cells[0]):
            self._recognition(cells[1] if len(cells) > 1 else "", block.line)
        else:
            self._content("\n".join(cells), block.line)

    def _function_list(self, cells: list[str], line: int) -> None:
        for index, cell in enumerate(cells):
            if self.vocab.match("mandatory", cell):
                self._listed(cells[index + 1] if index + 1 < len(cells) else "", True, line)
            elif self.vocab.match("additional", cell):
                self._listed(cells[index + 1] if index + 1 < len(cells) else "", False, line)

    def _listed(self, cell: str, mandatory: bool, line: int) -> None:
        if self.vocab.is_none(cell):
            return
        problem = lambda text: self.notebook.add(line, "list-numbering", f"list of labour functions: {text}")  # noqa: E731
        for title in split_numbered(cell, f"{self.where(line)}: list of labour functions", problem):
            self.listed.append(m.ListedFunction(number=len(self.listed) + 1, title=_text(title), mandatory=mandatory))

    def _function(self, block: Block) -> None:
        match = self.vocab.match("function", block.cells[0])
        number = int(match.group("number"))
        title = _text(match.group("title"))
        used = {f.number for f in self.functions}
        existing = next((f for f in self.functions if f.number == number), None)
        adopted = self.orphans.adopt(number, title, block.line, used - {self.orphans.function.number}
                                     if self.orphans.function else used)
        if adopted is not None:
            self.current = adopted
        elif existing is not None and same_title(existing.title, title):
            self.current = existing  # the function goes on (its rows drawn apart)
        else:
            self.current = new_function(self.functions, number, title, block.line, self.notebook, self.listed)
        rest = block.cells[1:]
        if rest and self.vocab.match("skill", rest[0]):
            self._skill(rest[0], "\n".join(rest[1:]), block.line)
        elif rest:
            self._content("\n".join(rest), block.line)

    def _skill(self, cell: str, content: str, line: int) -> None:
        match = self.vocab.match("skill", cell)
        number, title = int(match.group("number")), _text(match.group("title"))
        if self.current is None:
            self.current = self.orphans.open(self.functions, line, f"skill {number} '{title[:40]}'")
        self.skill, number = skill_place(self.current, number, title, line, self.notebook, "skill")
        if self.skill is None:
            self.skill = m.Skill(id="", number=number, title=title)
            self.current.skills.append(self.skill)
        if content:
            self._content(content, line)

    def _current_skill(self, line: int) -> m.Skill:
        if self.current is None:
            self.current = self.orphans.open(self.functions, line, "a list of abilities or knowledge")
        function = self.current
        if not function.skills:  # no skill heading: one implicit skill
            function.skills.append(m.Skill(id="", number=1, title=function.title))
            self.notebook.add(line, "no-skill-heading", f"labour function {function.number} has no skill heading "
                              "before its abilities and knowledge; read as one skill titled like the function",
                              f"F{function.number}/S1")
        return self.skill if self.skill in function.skills else function.skills[-1]

    def _content(self, text: str, line: int) -> None:
        """Abilities and knowledge of the current skill, possibly in one cell with both labels."""
        skill = self._current_skill(line)
        v = self.vocab
        starts = sorted(
            {0}
            | {mt.start() for mt in re.finditer(r"(?m)^[ \t]*", text)
               if v.match("abilities", text[mt.end():]) or v.match("knowledge", text[mt.end():])}
        )
        for begin, end in zip(starts, starts[1:] + [len(text)]):
            part = text[begin:end]
            part_line = line + text[:begin].count("\n")
            stripped = part.strip()
            if not stripped:
                continue
            ability = v.match("abilities", stripped)
            knowledge = v.match("knowledge", stripped)
            if ability:
                kind, body = "ability", stripped[ability.end():]
            elif knowledge:
                kind, body = "knowledge", stripped[knowledge.end():]
            else:
                continue  # text without a label: not read (the import's account reports it)
            # the list's own line: "Қабілет:" ends one line and the items usually start on the next
            list_line = part_line + _leading_lines(part) + _leading_lines(body)
            restart = restart_at(body) if kind == "ability" else None
            if restart is not None:  # a second list from 1 with no label: the knowledge, its label lost
                self.notebook.add(list_line + body[:restart].count("\n"), "missing-label",
                                  "a second list starts at 1 after the abilities with no label before it; read as "
                                  "the knowledge (its label looks missing)", self._ref(skill))
                self._items(skill, "knowledge", body[restart:], list_line + body[:restart].count("\n"))
                body = body[:restart]
            self._items(skill, kind, body, list_line)

    def _ref(self, skill: m.Skill) -> str:
        return f"F{self.current.number}/S{skill.number}"

    def _items(self, skill: m.Skill, kind: str, body: str, line: int) -> None:
        place = f"skill '{skill.title[:40]}', {'abilities' if kind == 'ability' else 'knowledge'}"
        problem = lambda text: self.notebook.add(line, "list-numbering", f"{place}: {text}", self._ref(skill))  # noqa: E731
        target = skill.abilities if kind == "ability" else skill.knowledge
        for text_item in split_numbered(body, f"{self.where(line)}: {place}", problem):
            repaired = repair_glued(text_item)
            target.append(m.Item(id="", text=repaired,
                                 legal_ref=parse_legal_ref(repaired) if kind == "knowledge" else None))

    def _recognition(self, value: str, line: int) -> None:
        skill = self._current_skill(line)
        value = _text(value)
        skill.recognition_text = value or None
        skill.recognition = bool(value) and bool(self.vocab.match("recognition_yes", value))

    # -- result -------------------------------------------------------------------------------
    def card(self) -> m.Card:
        self.orphans.close()
        v = self.vocab
        codes = [self.fields.get(k, "") for k in ("group_code", "occupation_code")]
        code = next((c.group(1) for c in map(CARD_CODE.match, codes) if c), None)
        group = next((g.group(1) for g in map(GROUP_CODE.match, codes) if g), None)
        note = None
        if code and not CARD_CODE.match(self.fields.get("occupation_code", "")):
            note = f"the card code {code} is given under the label '{self.labels.get('group_code', '')}'"
        if not code:
            raise ImportFormatError(
                f"{self.where(self.heading_line)}: card '{self.heading[:60]}' has no card code "
                "like 1234-5-678 in its code rows"
            )
        if not self.functions:
            raise ImportFormatError(
                f"{self.where(self.heading_line)}: card {code} has no labour function descriptions; "
                "expected rows like 'Еңбек функциясы 1: …' / 'Трудовая функция 1: …'"
            )
        if not self.saw_personal:
            raise ImportFormatError(
                f"{self.where(self.heading_line)}: card {code} ends before its personal competencies row — "
                "the text looks cut off; import the complete standard"
            )
        m.assign_ids(self.functions, code)
        self.notebook.settle(code)
        fields = {k: (None if v.is_none(val) else clean_item(_text(val))) for k, val in self.fields.items()}
        return m.Card(
            code=code,
            group_code=group,
            name=fields.get("profession_name") or _text(self.heading),
            heading=_text(self.heading),
            level=fields.get("level"),
            sublevel=fields.get("sublevel"),
            tariff_level=fields.get("tariff_level"),
            education=self._education(self.fields.get("education")),
            nonformal_link=fields.get("nonformal"),
            other_names=[n for n in re.split(r"\s*[;\n]\s*", fields.get("other_names") or "") if n],
            purpose=fields.get("purpose"),
            listed_functions=self.listed,
            functions=self.functions,
            personal_competencies=[clean_item(p) for p in re.split(r"\s*[,;]\s*", fields.get("personal") or "") if clean_item(p)],
            technical_regulations=[clean_item(p) for p in re.split(r"\s*;\s*", fields.get("regulations") or "") if clean_item(p)],
            related_professions=self.related,
            qualification_label_note=note,
        )

    def _education(self, raw: Optional[str]) -> Optional[m.Education]:
        if raw is None or self.vocab.is_none(raw):
            return None
        text = _text(raw)
        match = self.vocab.match("speciality", text)
        if not match:
            return m.Education(level=clean_item(text))
        level = clean_item(text[: match.start()])
        rest = text[match.end():].strip()
        quote = re.search(r"[\"«]", rest)
        specialities_text, basis = (rest[: quote.start()], rest[quote.start():]) if quote else (rest, None)
        specialities = [m.Speciality(code=c, name=clean_item(n)) for c, n in SPECIALITY.findall(specialities_text)]
        return m.Education(level=level, specialities=specialities, basis=clean_item(basis) if basis else None)
