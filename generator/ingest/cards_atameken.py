"""Profession cards of the older «Атамекен» layouts A and B: table rows → Card.

Rows are read by what their cells say, not by column position, because every standard draws the
grid differently (2 to 13 columns, labels merged down rows or repeated in each row):

* «Трудовая функция N» (title in the same cell) opens or continues function N;
* layout B: «Задача N» opens or continues skill N of the current function (the skill level);
  layout A has no skill level: each function gets one implicit skill titled like the function;
* «Умения…» / «Знания…» set the current item kind; the numbered lines in that cell or in the
  following cells and rows are its items;
* other labels (Код, Профессия, Квалификационный уровень по ОРК, Трудовые функции → Обязательные /
  Дополнительные, …) are card fields whose value is in the next cells of the row.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.ingest.blocks import Block
from generator.ingest.card_fields_atameken import CardFields, text_of
from generator.ingest.labels_atameken import AtamekenLabels
from generator.ingest.legal import parse_legal_ref
from generator.ingest.numbered import clean_item
from generator.ingest.repair import repair_glued
from generator.ingest.tolerance import Notebook, Orphans, new_function, same_title, skill_place
from generator.standard import model as m

_ITEM_NUMBER = re.compile(r"^\s*(\d{1,3})(?:\s*[.)](?!\d)\s*|\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"«]))")
_GLUED_NEXT = r"(?<=\S)\s*(?<!\d){n}\s*\.\s*(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])"
_TYPED_BULLET = re.compile(r"^\s*[-–—•·▪*]\s+")


def split_items(text: str) -> list[str]:
    """The items of a list cell: one per line (the reader numbered them), numbers dropped.

    A line that runs the next item on (``…оборудования2. Использовать …``) is split where the
    *next* number starts an item; other numbers inside an item stay. A cell of one unnumbered
    paragraph with two or more semicolons is a list written inline («a; b; c»).
    """
    items: list[str] = []
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and not _ITEM_NUMBER.match(lines[0]) and lines[0].count(";") >= 2:
        lines = [part for part in re.split(r"\s*;\s*", lines[0]) if part]  # «a; b; c» in one paragraph
    for line in lines:
        match = _ITEM_NUMBER.match(line)
        body = line[match.end():] if match else _TYPED_BULLET.sub("", line)
        pieces = []
        if match:
            number = int(match.group(1))
            while True:  # «1. a;2. b» (published text) or «…оборудования2. Использовать…» (run on)
                following = re.search(_GLUED_NEXT.format(n=number + 1), body)
                if not following:
                    break
                pieces.append(body[: following.start()])
                body = body[following.end():]
                number += 1
        pieces.append(body)
        for piece in pieces:
            cleaned = clean_item(repair_glued(piece))
            if cleaned and cleaned not in ("-", "—", "–"):
                items.append(cleaned)
    return items


class AtamekenCardParser(CardFields):
    """Reads the rows of one card of layout A (``has_skills=False``) or B (``has_skills=True``)."""

    def __init__(self, labels: AtamekenLabels, where, heading: str, heading_line: int, has_skills: bool):
        self.labels = labels
        self.where = where
        self.heading = heading
        self.heading_line = heading_line
        self.has_skills = has_skills
        self.fields: dict[str, list[str]] = {}
        self.functions: list[m.LabourFunction] = []
        self.listed: list[m.ListedFunction] = []
        self.function: Optional[m.LabourFunction] = None
        self.skill: Optional[m.Skill] = None
        self.kind: Optional[str] = None
        self.list_mandatory: Optional[bool] = None  # inside «Трудовые функции»: True/False per sub-label
        self.field_name: Optional[str] = None  # the last field label, for value rows below it
        self.columns: dict[int, str] = {}  # a header row «… | Умения | Знания»: column (from the right) → kind
        self.untitled: Optional[object] = None  # a function/skill whose title is in the next cell
        self.notebook = Notebook(where)  # what was read past, completed with the card's code
        self.blocks: list[Block] = []  # the card's region of the source (for the account of what was read)
        self.orphans = Orphans(self.notebook)
        self.listed_since_label = 0  # items read since the last «Умения» / «Знания» label …
        self.listed_skill: Optional[m.Skill] = None  # … into this skill and list
        self.listed_kind: Optional[str] = None

    # -- rows ---------------------------------------------------------------------------------
    def starts_new_card(self, block: Block) -> bool:
        """A card without a heading row: its code or profession row after a described card."""
        if not self.functions:
            return False
        first = next((cell for cell in block.cells if cell.strip()), "")
        return self.labels.field(first, self.labels.card_fields) in ("code", "group_code", "profession_name")

    def feed(self, block: Block) -> None:
        self.blocks.append(block)
        cells = [cell for cell in block.cells if cell.strip()]
        if (not block.is_row and self.heading == "" and cells and not self.functions and not self.fields
                and not self._is_label(cells[0]) and not self.labels.kind(cells[0])):
            self.heading = text_of(cells[0]).strip("«»\"“”")
            return
        if block.is_row and self._header_row(block):
            return
        pending: Optional[str] = None
        size = len(block.cells)
        skip = self._unusual_heading(block)
        for index, cell in enumerate(block.cells):
            if not cell.strip() or index == skip:
                continue
            column_kind = self.columns.get(index - size) if block.is_row else None
            if column_kind and not self._is_label(cell):
                self.kind = column_kind
                self._items(cell, block.line)
                continue
            for chunk in self._chunks(cell):
                pending = self._cell(chunk, pending, block.line)

    def _unusual_heading(self, block: Block) -> Optional[int]:
        """A row whose first cell no label matches, while a later cell of it opens a task or a list
        of abilities or knowledge: the first cell is its labour function's heading in an unusual
        form («ТФ 1: Установка ПО», «1. Установка ПО»). Read it as that; its index, or None."""
        if not block.is_row or not block.cells[0].strip():
            return None
        first, labels = block.cells[0], self.labels
        if self._is_label(first) or labels.kind(first) or labels.unnumbered(first) is not None \
                or labels.card_heading_name(first) is not None:
            return None
        if not any(labels.numbered(cell, labels.skill) or labels.kind(cell) for cell in block.cells[1:] if cell.strip()):
            return None
        head, _, rest = first.strip().partition("\n")
        label, colon, after = head.partition(":")
        number = re.search(r"(?<!\d)(\d{1,2})(?!\d)", label if colon else head[:12])
        title = " ".join(part for part in ((after if colon else head[number.end():] if number else head), rest) if part)
        used = {f.number for f in self.functions}
        value = int(number.group(1)) if number and int(number.group(1)) not in used else max(used, default=0) + 1
        self.notebook.add(block.line, "function-heading", f"'{first.strip()[:50]}' is no known label, but its row "
                          f"describes a labour function; read as the heading of labour function {value}", f"F{value}")
        self._function(value, text_of(title).strip(" .:"), block.line)
        return 0

    def _chunks(self, cell: str) -> list[str]:
        """A cell holding several structural parts («Трудовая функция 1: …\nЗадача 1: …\nУмения: …»)."""
        lines = cell.split("\n")
        if len(lines) < 2:
            return [cell]
        labels = self.labels
        starts = [0] + [i for i, line in enumerate(lines) if i and line.strip() and not line.strip()[0].isdigit()
                        and (labels.numbered(line, labels.function) or labels.numbered(line, labels.skill)
                             or labels.kind(line))]
        if len(starts) == 1:
            return [cell]
        # a kind label's items stay with it; the heading parts end where the next part starts
        return ["\n".join(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)])]

    def _header_row(self, block: Block) -> bool:
        """«Трудовая функция | Задача | Умения | Знания» above rows of items: remember the columns."""
        # columns counted from the right: the item columns are the last ones, whatever the left holds
        size = len(block.cells)
        kinds = {i - size: self.labels.kind(cell) for i, cell in enumerate(block.cells) if cell.strip()}
        columns = {i: kind[0] for i, kind in kinds.items() if kind and not kind[1]}
        if len(columns) < 2 or len(set(columns.values())) < 2:
            return False
        self.columns, self.kind = columns, None
        return True

    def _is_label(self, cell: str) -> bool:
        labels = self.labels
        return bool(labels.numbered(cell, labels.function) or labels.numbered(cell, labels.skill)
                    or labels.field(cell, labels.card_fields))

    def _cell(self, cell: str, pending: Optional[str], line: int) -> Optional[str]:
        labels = self.labels
        if self.untitled is not None and not self._is_label(cell) and not labels.kind(cell):
            # «Трудовая функция 1 | Установка ПО | …»: the title in the cell after the label
            self.untitled.title = clean_item(text_of(cell))
            if isinstance(self.untitled, m.LabourFunction):
                for skill in self.untitled.skills:
                    skill.title = skill.title or self.untitled.title
            self.untitled = None
            return None
        self.untitled = None
        function = labels.numbered(cell, labels.function)
        if function:
            self._label_typo(cell, line)
            self._function(*function, line)
            return None
        title = labels.unnumbered(cell)
        if title is not None:
            number = max((f.number for f in self.functions), default=0) + 1
            self.notebook.add(line, "function-number", f"a labour function heading without its number "
                              f"('{cell.strip()[:50]}'); read as labour function {number}", f"F{number}")
            self._function(number, title, line)
            return None
        skill = labels.numbered(cell, labels.skill)
        if skill:
            self._label_typo(cell, line)
            if self.has_skills:
                self._skill(*skill, line)
            else:  # layout A forced on a document with tasks: their items join the function's one skill
                self.kind, self.field_name = None, None
            return None
        kind = labels.kind(cell)
        if kind:
            self._label_typo(cell, line)
            self.kind, self.field_name, self.list_mandatory = kind[0], None, None
            self.listed_since_label = 0
            if kind[1]:
                self._items(kind[1], line)
            return None
        field = labels.field(cell, labels.card_fields)
        if field:
            self._label_typo(cell, line)
            self.kind = None
            if field in ("personal", "related", "regulations", "education", "tariff_level"):
                self.columns = {}  # the functions' part of the card is over
            if field in ("mandatory", "additional"):
                self.list_mandatory = field == "mandatory"
                self.field_name = "function_list"
                return "function_list"
            self.list_mandatory = True if field == "function_list" else None
            self.field_name = field
            self.fields.setdefault(field, [])
            rest = cell.split(":", 1)[1].strip() if ":" in cell.split("\n", 1)[0] else ""
            if rest:
                self._value(field, rest)
            return field
        if self.kind:
            self._items(cell, line)
            return None
        target = pending or self.field_name
        if target:
            self._value(target, cell)
            return target
        return None

    def _label_typo(self, text: str, line: int) -> None:
        spelling = self.labels.misspelt(text)
        if spelling:
            self.notebook.add(line, "label-typo", f"the label '{spelling[0]}' is read as '{spelling[1]}'")

    def _value(self, field: str, value: str) -> None:
        if field == "function_list":
            self._listed(value)
        else:
            self.fields.setdefault(field, []).append(value)

    def _listed(self, value: str) -> None:
        mandatory = self.list_mandatory if self.list_mandatory is not None else True
        if value.strip() in ("-", "—", "–"):
            return
        for line in value.split("\n"):
            match = _ITEM_NUMBER.match(line)
            for title in split_items(line):
                number = int(match.group(1)) if match and match.group(1) else len(self.listed) + 1
                if any(f.number == number for f in self.listed):
                    number = len(self.listed) + 1
                self.listed.append(m.ListedFunction(number=number, title=title, mandatory=mandatory))

    def _function(self, number: int, title: str, line: int) -> None:
        title = clean_item(repair_glued(title))
        self.kind, self.field_name, self.list_mandatory = None, None, None
        used = {f.number for f in self.functions}
        adopted = self.orphans.adopt(number, title, line, used - {self.orphans.function.number}
                                     if self.orphans.function else used)
        if adopted is not None:
            self.function, self.skill = adopted, adopted.skills[-1] if adopted.skills else None
            return
        current = self.function
        if current is not None and current.number == number and same_title(current.title, title):
            current.title = current.title or title
            return
        existing = next((f for f in self.functions if f.number == number), None)
        if existing is not None and same_title(existing.title, title):
            self.function, self.skill = existing, existing.skills[-1] if existing.skills else None
            return
        self.function = new_function(self.functions, number, title, line, self.notebook, self.listed)
        self.skill = None
        if not title:
            self.untitled = self.function

    def _skill(self, number: int, title: str, line: int) -> None:
        title = clean_item(repair_glued(title))
        if self.function is None:
            self.function = self.orphans.open(self.functions, line, f"task {number} '{title[:40]}'")
            self.skill = None
        self.kind, self.field_name = None, None
        skills = self.function.skills
        if self.skill is not None and self.skill.number == number and self.skill in skills \
                and same_title(self.skill.title, title):
            return
        self.skill, number = skill_place(self.function, number, title, line, self.notebook, "task")
        if self.skill is not None:
            return
        self.skill = m.Skill(id="", number=number, title=title)
        skills.append(self.skill)
        if not title:
            self.untitled = self.skill

    def _items(self, text: str, line: int) -> None:
        if self.function is None:
            self.function = self.orphans.open(self.functions, line, "a list of abilities or knowledge")
            self.skill = None
        if self.skill is None or self.skill not in self.function.skills:
            if self.has_skills and self.function.skills:
                self.skill = self.function.skills[-1]
            else:
                # layout A, or a B function without «Задача»: one implicit skill, titled like the function
                self.skill = m.Skill(id="", number=1, title=self.function.title)
                self.function.skills.append(self.skill)
        # a cell may hold both lists: «Умения:\n1. …\nЗнания:\n1. …»
        segment: list[str] = []
        for line_text in text.split("\n") + [None]:
            kind = self.labels.kind(line_text) if line_text is not None and not line_text[:1].isdigit() else None
            if line_text is not None and kind is None:
                segment.append(line_text)
                continue
            self._add_items("\n".join(segment), line)
            segment = []
            if kind is not None:
                self._label_typo(line_text, line)
                self.kind = kind[0]
                self.listed_since_label = 0
                if kind[1]:
                    segment.append(kind[1])

    def _add_items(self, text: str, line: int) -> None:
        first = next((part for part in text.split("\n") if part.strip()), "")
        number = _ITEM_NUMBER.match(first)
        if number and number.group(1) == "1" and self.listed_since_label \
                and (self.listed_skill, self.listed_kind) == (self.skill, self.kind):
            self._missing_label(line)
        items = split_items(text)
        target = self.skill.abilities if self.kind == "ability" else self.skill.knowledge
        if (self.listed_skill, self.listed_kind) != (self.skill, self.kind):
            self.listed_since_label = 0
        self.listed_since_label += len(items)
        self.listed_skill, self.listed_kind = self.skill, self.kind
        for text_item in items:
            target.append(m.Item(id="", text=text_item,
                                 legal_ref=parse_legal_ref(text_item) if self.kind == "knowledge" else None))

    def _missing_label(self, line: int) -> None:
        """A list of the skill starts again at 1 with no label before it: most likely the label of
        the knowledge list (which follows the abilities) is missing."""
        ref = f"F{self.function.number}/S{self.skill.number}"
        if self.kind == "ability":
            self.kind = "knowledge"
            self.notebook.add(line, "missing-label", "a second list starts at 1 after the abilities with no label "
                              "before it; read as the knowledge (its label «Знания» looks missing)", ref)
        else:
            self.notebook.add(line, "missing-label", "a list starts again at 1 after the knowledge with no label "
                              "before it; read on as knowledge — check for a missing label", ref)
        self.listed_since_label = 0
