"""Lint: where a standard contradicts itself. Reported, never silently "fixed".

Each warning names the place by stable id so a reviewer finds it in the YAML and the source.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from generator.ingest.repair import find_glued
from generator.standard import model as m


@dataclass(frozen=True)
class Warning_:
    where: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.code}]"


def _normalise(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _expand_abbreviations(title: str) -> str:
    """'Жастар ресурстық орталығының (бұдан әрі - ЖРО) жұмысын' → 'ЖРО жұмысын'."""
    def replace(match: re.Match[str]) -> str:
        abbreviation = match.group("abbr")
        words = match.group("before").split()
        count = len(re.sub(r"[^А-ЯЁӘҒҚҢӨҰҮҺІA-Z]", "", abbreviation)) or 1
        return " ".join(words[:-count] + [abbreviation])

    return re.sub(r"(?P<before>.*?)\s*\((?:бұдан әрі|далее)\s*[-–—]\s*(?P<abbr>[^)]+)\)", replace, title)


def _same_title(a: str, b: str) -> bool:
    return _normalise(_expand_abbreviations(a)) == _normalise(_expand_abbreviations(b))


def _difference(a: str, b: str) -> str:
    left, right = _normalise(a).split(), _normalise(b).split()
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right).get_opcodes():
        if tag in ("replace", "delete"):
            removed.extend(left[i1:i2])
        if tag in ("replace", "insert"):
            added.extend(right[j1:j2])
    return f"«{' '.join(removed)}» vs «{' '.join(added)}»"


def lint_standard(standard: m.Standard) -> list[Warning_]:
    warnings: list[Warning_] = []
    add = lambda where, code, message: warnings.append(Warning_(where, code, message))  # noqa: E731
    if len(standard.card_list) and len(standard.card_list) != len(standard.cards):
        add("passport", "card-count", f"the passport lists {len(standard.card_list)} cards, "
            f"chapter 3 describes {len(standard.cards)}")
    for index, card in enumerate(standard.cards):
        listed = standard.card_list[index] if index < len(standard.card_list) else None
        if listed and listed.level and card.level and listed.level != card.level:
            add(card.code, "level-mismatch", f"level {listed.level} in the passport's list of cards, "
                f"but {card.level} on the card")
        if listed and not _same_title(listed.name, card.name):
            add(card.code, "name-mismatch", f"the passport lists the card as '{listed.name}', the card names it "
                f"'{card.name}' ({_difference(listed.name, card.name)})")
        if card.heading and not _same_title(card.heading, card.name):
            add(card.code, "name-mismatch", f"the card's heading differs from its profession name "
                f"({_difference(card.heading, card.name)})")
        if card.qualification_label_note:
            add(card.code, "code-label", card.qualification_label_note)
        if card.listed_functions and len(card.listed_functions) != len(card.functions):
            add(card.code, "function-count", f"lists {len(card.listed_functions)} labour functions, "
                f"describes {len(card.functions)}")
        for function in card.functions:
            listed_function = next((f for f in card.listed_functions if f.number == function.number), None)
            if listed_function is None and card.listed_functions:
                add(function.id, "function-not-listed", f"labour function {function.number} "
                    f"'{function.title}' is described but not in the card's list")
            elif listed_function and not _same_title(listed_function.title, function.title):
                add(function.id, "function-title", f"titled differently in the list and in its description: "
                    f"'{listed_function.title}' vs '{function.title}' ({_difference(listed_function.title, function.title)})")
            if not function.skills:
                add(function.id, "empty-function", "has no skills")
            for skill in function.skills:
                if not skill.abilities:
                    add(skill.id, "no-abilities", "skill has no abilities")
                if not skill.knowledge:
                    add(skill.id, "no-knowledge", "skill has no knowledge items")
                if skill.recognition is None:
                    add(skill.id, "no-recognition", "the skill does not say whether recognition is possible")
                for kind, items in (("ability", skill.abilities), ("knowledge", skill.knowledge)):
                    texts = [_normalise(item.text) for item in items]
                    for item, text in zip(items, texts):
                        if texts.count(text) > 1:
                            add(item.id, "duplicate-item", f"the same {kind} appears twice in this skill")
                        glued = find_glued(item.text)
                        if glued:
                            add(item.id, "glued-word", f"looks glued: {', '.join(glued)}")
    return warnings
