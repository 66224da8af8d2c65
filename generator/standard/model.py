"""The data model of a professional standard: what every source reader produces.

One model covers all layouts: card → labour function → skill (an implicit single skill where the
layout has none) → abilities + knowledge. Field order here is the key order in the YAML files,
so the files read top-down like the standard itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

LEGAL_KINDS = (
    "constitution",
    "code",
    "law",
    "government_decree",
    "presidential_decree",
    "ministerial_order",
    "other",
)


@dataclass
class LegalRef:
    """A normative legal act cited in a knowledge item, parsed for the bibliography."""

    kind: str
    title: str
    issuer: Optional[str] = None
    date: Optional[str] = None  # ISO 8601, yyyy-mm-dd
    number: Optional[str] = None
    registration_number: Optional[str] = None


@dataclass
class Item:
    """One ability (A) or knowledge (K) item, its text verbatim after repair."""

    id: str
    text: str
    legal_ref: Optional[LegalRef] = None
    repaired_from: Optional[str] = None  # the text before a word-level repair at import (glued words)


@dataclass
class Skill:
    id: str
    number: int
    title: str
    recognition: Optional[bool] = None  # True: recognition of the skill is recommended
    recognition_text: Optional[str] = None
    abilities: list[Item] = field(default_factory=list)
    knowledge: list[Item] = field(default_factory=list)


@dataclass
class LabourFunction:
    id: str
    number: int
    title: str
    mandatory: bool = True
    skills: list[Skill] = field(default_factory=list)


@dataclass
class Speciality:
    code: str
    name: str


@dataclass
class Education:
    level: str
    specialities: list[Speciality] = field(default_factory=list)
    basis: Optional[str] = None  # the classifier act the speciality codes come from


@dataclass
class RelatedProfession:
    level: str
    name: str


@dataclass
class ListedFunction:
    """A labour function as named in the card's list (may differ from its description)."""

    number: int
    title: str
    mandatory: bool = True


@dataclass
class Card:
    code: str
    group_code: Optional[str]
    name: str
    heading: Optional[str] = None  # the name as given in the card's heading line
    level: Optional[str] = None
    sublevel: Optional[str] = None
    tariff_level: Optional[str] = None
    education: Optional[Education] = None
    nonformal_link: Optional[str] = None
    other_names: list[str] = field(default_factory=list)
    purpose: Optional[str] = None
    listed_functions: list[ListedFunction] = field(default_factory=list)
    functions: list[LabourFunction] = field(default_factory=list)
    personal_competencies: list[str] = field(default_factory=list)
    technical_regulations: list[str] = field(default_factory=list)
    related_professions: list[RelatedProfession] = field(default_factory=list)
    qualification_label_note: Optional[str] = None  # layout notes kept for lint


@dataclass
class ClassifierCode:
    code: str
    name: str


@dataclass
class CardListEntry:
    """A profession card as listed in the passport (item 8), with the level stated there."""

    name: str
    level: Optional[str] = None


@dataclass
class Approval:
    body: Optional[str] = None
    signed_by: Optional[str] = None
    signer_title: Optional[str] = None
    order_number: Optional[str] = None
    order_date: Optional[str] = None
    agreed_with: Optional[str] = None


@dataclass
class Developer:
    organisation: str
    executors: list[str] = field(default_factory=list)


@dataclass
class Technical:
    state_body: Optional[str] = None
    developers: list[Developer] = field(default_factory=list)
    sectoral_council: Optional[str] = None
    national_body: Optional[str] = None
    chamber_expertise: Optional[str] = None


@dataclass
class ImportNote:
    """A problem of the source that the importer read past: where it is, what was found there and
    what was assumed (``progen lint`` reports it, so it stays with the data)."""

    where: str  # file and line (a PDF: and page), e.g. "standard.docx:57"
    code: str  # duplicate-number, before-function, label-typo, list-numbering, skipped-item, …
    message: str
    id: Optional[str] = None  # the element it concerns, e.g. 2523-0-001-L5/F1/S3


@dataclass
class ImportAccount:
    """What became of every paragraph in the cards of the source (nothing is dropped silently):
    each is an item, a label, a heading, a field value, or skipped (and then an ImportNote)."""

    paragraphs: int = 0
    item_paragraphs: int = 0
    items: int = 0  # abilities and knowledge items made from them
    labels: int = 0
    headings: int = 0
    fields: int = 0
    skipped: int = 0


@dataclass
class Source:
    """Where the data came from, so a reviewer can trace every line back, and what the import
    found on the way."""

    file: str
    sha256: str
    layout: str
    reader: str
    account: Optional[ImportAccount] = None
    notes: list[ImportNote] = field(default_factory=list)


@dataclass
class Standard:
    code: str
    title: str
    language: str
    source: Source
    description: Optional[str] = None
    classifier: list[ClassifierCode] = field(default_factory=list)
    common_knowledge: list[str] = field(default_factory=list)
    card_list: list[CardListEntry] = field(default_factory=list)
    approval: Optional[Approval] = None
    version: Optional[str] = None
    year: Optional[int] = None
    review_date: Optional[str] = None
    technical: Optional[Technical] = None
    cards: list[Card] = field(default_factory=list)

    # -- navigation helpers (not stored) ---------------------------------------------------
    def card(self, code: str) -> Card:
        """Return the card with this code; KeyError(code) when there is none (callers list the valid codes)."""
        for card in self.cards:
            if card.code == code:
                return card
        raise KeyError(code)

    def no_such_card(self, code: str) -> str:
        """The message for a card code this standard does not have, listing the valid codes."""
        return f"no card '{code}' in standard {self.code}; valid cards: {', '.join(c.code for c in self.cards)}"

    def iter_items(self):
        """Yield (card, function, skill, kind, item) for every ability and knowledge item."""
        for card in self.cards:
            for function in card.functions:
                for skill in function.skills:
                    for item in skill.abilities:
                        yield card, function, skill, "ability", item
                    for item in skill.knowledge:
                        yield card, function, skill, "knowledge", item


def function_id(card_code: str, number: int) -> str:
    return f"{card_code}/F{number}"


def skill_id(card_code: str, function_number: int, number: int) -> str:
    return f"{function_id(card_code, function_number)}/S{number}"


def item_id(skill: str, kind: str, number: int) -> str:
    return f"{skill}/{'A' if kind == 'ability' else 'K'}{number}"


def assign_ids(functions: list[LabourFunction], card_code: str) -> None:
    """Give every function, skill and item of a card its stable id: <card>/F2, <card>/F2/S1, <card>/F2/S1/A3."""
    for function in functions:
        function.id = function_id(card_code, function.number)
        for skill in function.skills:
            skill.id = skill_id(card_code, function.number, skill.number)
            for index, item in enumerate(skill.abilities, start=1):
                item.id = item_id(skill.id, "ability", index)
            for index, item in enumerate(skill.knowledge, start=1):
                item.id = item_id(skill.id, "knowledge", index)


def drop_wordless_items(standard: Standard) -> Standard:
    """Remove items that say nothing — «—» (a published table's "none"), punctuation, invisible
    characters — from every list of the standard, and renumber the ids of the items that remain."""
    from generator.standard.text import has_words

    standard.common_knowledge = [text for text in standard.common_knowledge if has_words(text)]
    for card in standard.cards:
        for name in ("other_names", "personal_competencies", "technical_regulations"):
            setattr(card, name, [text for text in getattr(card, name) if has_words(text)])
        for function in card.functions:
            for skill in function.skills:
                skill.abilities = [item for item in skill.abilities if has_words(item.text)]
                skill.knowledge = [item for item in skill.knowledge if has_words(item.text)]
        assign_ids(card.functions, card.code)
    return standard
