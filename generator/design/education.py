"""The card's education requirement, read as the language writes it: the program's entry requirements (one
sentence) and the trainer's education (the conditions of delivery).

A source may run alternatives together («…с практическим опытом Высшее образование…»): they are read apart
at a capital that starts a new word after a lower-case one, and joined with ``entry_or``; a note on work
experience is taken out of the level and said as ``entry_experience`` says it.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.design.names import ProperNames
from generator.standard import model as m

_GLUED_ALTERNATIVE = re.compile(r"(?<=[a-zа-яёәғқңөұүһі])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,}\b)")


def education_levels(card: m.Card, wording: dict, names: Optional[ProperNames] = None) -> list[tuple[str, str]]:
    """The card's education levels, each without its note on experience, and that note as the language says
    it: [(«высшее образование», « и опыт практической работы»), …]; empty when the card names none."""
    education = card.education
    if education is None or not education.level:
        return []
    names = names or ProperNames()
    levels = []
    for level in _GLUED_ALTERNATIVE.split(education.level.strip().rstrip(".")):
        level, note = _experience(level.strip().rstrip(",;"), wording)
        levels.append((names.lower_first(level), note))
    return levels


def specialities(card: m.Card, wording: dict) -> str:
    """«; мамандықтар: 6B01 …» / «; специальности: …», or "" when the card lists none."""
    listed = "; ".join(f"{s.code} {s.name}" for s in (card.education.specialities if card.education else []))
    return "; " + wording["entry_specialities"].format(specialities=listed) if listed else ""


def entry_requirements(card: m.Card, wording: dict, names: Optional[ProperNames] = None) -> str:
    """One sentence from the card's education level: «<level> білімі бар тұлғалар; мамандықтар: …» /
    «лица, имеющие <level> …» (alternatives joined with ``entry_or``, experience notes after them)."""
    levels = education_levels(card, wording, names)
    if not levels:
        return wording["entry_default"]
    parts = []
    for level, note in levels:
        for ending in (" білімі", " білім"):
            if level.endswith(ending):
                level = level[: -len(ending)]
        parts.append(wording["entry_education"].format(level=level) + note)
    text = f", {wording['entry_or']} ".join(parts) + specialities(card, wording)
    return text[:1].upper() + text[1:]


def _experience(level: str, wording: dict) -> tuple[str, str]:
    """A level without its note on work experience, and that note as the language says it."""
    experience = wording.get("entry_experience") or {}
    for key in ("without", "with"):
        for pattern in experience.get(f"{key}_patterns") or ():
            found = re.search(pattern, level, flags=re.IGNORECASE)
            if found:
                return (level[: found.start()] + level[found.end():]).strip(" ,;"), experience[key]
    return level, ""



__all__ = ["education_levels", "entry_requirements", "specialities"]
