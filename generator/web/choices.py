"""The trainer's choices on the program page: read from a form or an address, checked, turned into a spec.

Every value is checked against what the workspace offers (a standard of the catalogue, a card of that
standard, skills of that card, a format word of the language); what is not offered falls back to the
default instead of reaching the library. Problems the trainer can fix are returned as (label key,
parameters) so the page says them in the interface language.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from generator.standard import model as m
from generator.web.catalogue import Catalogue, StandardEntry
from generator.workspace.spec import ProgramSpec, ProviderSpec

PROVIDER_FIELDS = ("name", "city", "approver_name", "approver_title")
MAX_HOURS = 1000
MAX_TEXT = 300  # characters of a provider field or a program name


@dataclass
class Choices:
    """What the form says, as given (strings), before it is matched with the workspace."""

    standard: str = ""
    lang: str = ""
    card: str = ""
    skills: Optional[list[str]] = None  # card-relative skill ids ticked ("F2/S1"); None: not given
    hours: str = ""
    format: str = ""
    provider: dict[str, str] = field(default_factory=dict)

    def query(self) -> list[tuple[str, str]]:
        """The choices as address parameters (what the page's own links and redirects carry)."""
        pairs = [("standard", self.standard), ("lang", self.lang), ("card", self.card)]
        if self.skills is not None:
            pairs.append(("skills_card", self.card))
            pairs += [("skill", skill) for skill in self.skills]
        pairs += [("hours", self.hours), ("format", self.format)]
        pairs += [(f"provider_{key}", value) for key, value in self.provider.items() if value]
        return [(key, value) for key, value in pairs if value]


@dataclass
class Resolved:
    """The choices matched with the workspace: everything the page shows and the spec to design with."""

    choices: Choices
    entry: Optional[StandardEntry] = None
    card: Optional[m.Card] = None
    checked: set[str] = field(default_factory=set)  # card-relative skill ids
    hours: Optional[int] = None
    formats: tuple[str, ...] = ()
    problems: list[tuple[str, dict]] = field(default_factory=list)

    def spec(self) -> Optional[ProgramSpec]:
        """The program spec of these choices, or None while something needed is missing or wrong."""
        if self.entry is None or self.card is None or self.problems:
            return None
        provider = ProviderSpec(**{key: self.choices.provider.get(key) or None for key in PROVIDER_FIELDS})
        return ProgramSpec(standard=str(self.entry.path), card=self.card.code, skills=self.skill_selection(),
                           hours=self.hours, format=self.choices.format or None, language=self.entry.language,
                           provider=provider)

    def skill_selection(self) -> Optional[list[str]]:
        """None for the whole card; else function ids where all its skills are ticked, skill ids otherwise."""
        if self.card is None:
            return None
        every = [skill_key(f, s) for f in self.card.functions for s in f.skills]
        if set(every) <= self.checked:
            return None
        selection: list[str] = []
        for function in self.card.functions:
            keys = [skill_key(function, s) for s in function.skills]
            ticked = [key for key in keys if key in self.checked]
            if ticked and len(ticked) == len(keys):
                selection.append(f"F{function.number}")
            else:
                selection.extend(ticked)
        return selection


def skill_key(function: m.Function, skill: m.Skill) -> str:
    """``F2/S1``: a skill's id relative to its card (what the checkboxes send)."""
    return f"F{function.number}/S{skill.number}"


def clean_text(value: Optional[str], limit: int = MAX_TEXT) -> str:
    """One line of text: control characters removed, spaces collapsed, at most ``limit`` characters."""
    text = unicodedata.normalize("NFC", value or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())[:limit]


def read_choices(values) -> Choices:
    """The choices of a form or an address (a werkzeug MultiDict)."""
    skills = None
    if values.get("skills_card") is not None:
        skills = [clean_text(v, 40) for v in values.getlist("skill")]
    return Choices(
        standard=clean_text(values.get("standard"), 80), lang=clean_text(values.get("lang"), 12),
        card=clean_text(values.get("card"), 40), hours=clean_text(values.get("hours"), 12),
        format=clean_text(values.get("format"), 40), skills=skills if (
            values.get("skills_card") == values.get("card")) else None,
        provider={key: clean_text(values.get(f"provider_{key}")) for key in PROVIDER_FIELDS})


def resolve(choices: Choices, catalogue: Catalogue, workspace) -> Resolved:
    """Match the choices with the workspace's standards and languages; fill in defaults."""
    result = Resolved(choices)
    keys = catalogue.keys()
    if not keys:
        result.problems.append(("no_standards", {}))
        return result
    if choices.standard not in keys:
        choices.standard = keys[0]
    entry = catalogue.find(choices.standard, choices.lang or None)
    result.entry = entry
    choices.lang = entry.language
    cards = entry.standard.cards
    if not cards:
        result.problems.append(("standard_without_cards", {}))
        return result
    card = next((c for c in cards if c.code == choices.card), cards[0])
    choices.card = card.code
    result.card = card
    every = [skill_key(f, s) for f in card.functions for s in f.skills]
    if choices.skills is None:
        result.checked = set(every)
    else:
        result.checked = {key for key in choices.skills if key in every}
        choices.skills = [key for key in every if key in result.checked]
        if not result.checked:
            result.problems.append(("no_skill_chosen", {}))
    result.formats = workspace.language(entry.language).formats
    if choices.format not in result.formats:
        default_format = workspace.manifest.defaults.format
        choices.format = default_format if default_format in result.formats else ""
    _read_hours(choices, result)
    return result


def _read_hours(choices: Choices, result: Resolved) -> None:
    text = choices.hours.strip()
    if not text or text.lower() in ("auto", "авто", "автоматты"):
        choices.hours = ""
        return
    if not text.isdigit() or not 1 <= int(text) <= MAX_HOURS:
        result.problems.append(("hours_invalid", {"max": MAX_HOURS}))
        return
    result.hours = int(text)
    choices.hours = str(result.hours)


def provider_defaults(workspace) -> dict[str, str]:
    """The provider of ``programs.yaml``'s defaults, field by field ('' where it names none)."""
    provider = workspace.manifest.defaults.provider
    return {key: getattr(provider, key) or "" for key in PROVIDER_FIELDS}


def program_name(value: Optional[str]) -> Optional[str]:
    """A program's name as a file and folder name: letters, digits, '-' and '_' only (no dot, no slash),
    at most 60 characters; None when nothing usable is left. What the trainer typed is never a path."""
    text = unicodedata.normalize("NFC", clean_text(value, 200))
    name = re.sub(r"[^\w-]+", "-", text).strip("-_")[:60].strip("-_")
    return name or None


def suggested_name(resolved: Resolved) -> str:
    """``3412-0-003``, ``3412-0-003_F2_16h``: the card, the selection and the hours."""
    if resolved.card is None:
        return ""
    parts = [resolved.card.code]
    selection = resolved.skill_selection()
    if selection:
        parts.append("-".join(key.replace("/", "") for key in selection))
    if resolved.hours:
        parts.append(f"{resolved.hours}h")
    return "_".join(parts)
