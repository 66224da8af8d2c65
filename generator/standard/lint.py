"""Lint: where a standard contradicts itself. Reported, never silently "fixed".

Each warning names the place by stable id so a reviewer finds it in the YAML and the source.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from generator.standard import model as m
from generator.standard.text import find_glued


@dataclass(frozen=True)
class LintWarning:
    """One contradiction: the stable id or part it is in, a short code such as card-count, the message."""

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


def lint_standard(standard: m.Standard) -> list[LintWarning]:
    """What the standard data itself shows: contradictions of the standard, layout problems, what the
    import read past. ``generator.review.lint`` adds the checks of later stages (word repairs, phrasing)."""
    warnings: list[LintWarning] = []
    add = lambda where, code, message: warnings.append(LintWarning(where, code, message))  # noqa: E731
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
                if skill.recognition is None and standard.source.layout not in OLDER_LAYOUTS:
                    add(skill.id, "no-recognition", "the skill does not say whether recognition is possible")
                for kind, items in (("ability", skill.abilities), ("knowledge", skill.knowledge)):
                    texts = [_normalise(item.text) for item in items]
                    for item, text in zip(items, texts):
                        if texts.count(text) > 1:
                            add(item.id, "duplicate-item", f"the same {kind} appears twice in this skill")
                        glued = find_glued(item.text)
                        if glued:
                            add(item.id, "glued-word", f"looks glued: {', '.join(glued)}")
    warnings.extend(lint_layout(standard))
    warnings.extend(lint_import(standard))
    return warnings


def lint_import(standard: m.Standard) -> list[LintWarning]:
    """What the import read past (kept in the data's ``source.notes``): numbering mistakes, labels
    with typos, blocks before their function heading, and skipped lines that look like items. A
    skipped line that looks like nothing in particular is only in the import's account."""
    return [LintWarning(note.id or "source", note.code, f"{note.message} (source: {note.where})")
            for note in standard.source.notes if note.code != "skipped-paragraph"]


# --- layout-specific checks (DOCX and the older «Атамекен» layouts A and B) ------------------------
OLDER_LAYOUTS = ("A", "B")
_LEFTOVER_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]\s")


def _number_problems(numbers: list[int]) -> str | None:
    """'skips 3' / 'repeats 2' for a list of numbers that should run 1, 2, 3, …"""
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    missing = sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
    parts = []
    if missing:
        parts.append(f"skips {', '.join(map(str, missing))}")
    if repeated:
        parts.append(f"repeats {', '.join(map(str, repeated))}")
    return " and ".join(parts) or None


def _reads_like_actions(items: list[m.Item], language: str) -> bool:
    """Most items read like actions (the language pack's pattern): knowledge that should be abilities."""
    from generator.languages import LanguageError, get_pack

    texts = [item.text.strip() for item in items if item.text.strip()]
    if len(texts) < 2:
        return False
    try:
        pack = get_pack(language)
    except LanguageError:
        return False
    return sum(1 for text in texts if pack.reads_like_action(text)) * 2 > len(texts)


def lint_layout(standard: m.Standard) -> list[LintWarning]:
    """Checks that matter most for DOCX and older layouts: numbering, misplaced lists, empty skills."""
    warnings: list[LintWarning] = []
    add = lambda where, code, message: warnings.append(LintWarning(where, code, message))  # noqa: E731
    for card in standard.cards:
        problem = _number_problems([f.number for f in card.functions])
        if problem:
            add(card.code, "function-numbering", f"the labour function numbers {problem} "
                f"({', '.join(str(f.number) for f in card.functions)})")
        problem = _number_problems([f.number for f in card.listed_functions])
        if problem:
            add(card.code, "list-numbering", f"the list of labour functions {problem}")
        for function in card.functions:
            problem = _number_problems([s.number for s in function.skills])
            if problem:
                add(function.id, "skill-numbering", f"the skill (task) numbers {problem} "
                    f"({', '.join(str(s.number) for s in function.skills)})")
            for skill in function.skills:
                if not skill.abilities and not skill.knowledge:
                    add(skill.id, "empty-skill", "the skill has neither abilities nor knowledge; "
                        "check the source for a misplaced label")
                if _reads_like_actions(skill.knowledge, standard.language):
                    add(skill.id, "knowledge-like-abilities", "the knowledge list reads like abilities "
                        "(most items name actions); check whether the source swapped the lists")
                for item in [*skill.abilities, *skill.knowledge]:
                    if _LEFTOVER_NUMBER.match(item.text):
                        add(item.id, "item-number", "the item starts with a number: a list numbered twice "
                            "or two items run together")
                    elif item.text[:1].islower():
                        add(item.id, "item-fragment", "the item starts in lower case: it may be the end of the "
                            "item before it, split off where the source broke a line")
    return warnings
