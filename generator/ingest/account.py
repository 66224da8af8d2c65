"""The account of an import: what became of every paragraph in the cards of the source.

Nothing may be dropped silently. Every line of every cell in a card's region (from its heading to
the next card or the technical data) is one of:

* a **heading** — the card's heading, a labour function or a task/skill heading;
* a **label** — «Умения:», «Знания», «Код профессии:», «Дағдыны тану мүмкіндігі» …; text after the
  label on the same line must be read like any other line;
* an **item** — its text is in the card's abilities or knowledge (numbers, spacing and punctuation
  aside; a line that ran two items together counts once);
* a **field value** — its text is somewhere else in the card: a title, a level, a code, the
  personal competencies, or a value the parser kept;
* **skipped** — none of these. A skipped line becomes an ImportNote (``skipped-item`` when it
  looks like an item, which lint warns about, else ``skipped-paragraph``).

The check reads the parsed card back against its source, independently of how the layout parser
got there, so a parser that loses a line is caught too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from generator.ingest.blocks import Block, SourceDocument
from generator.standard import model as m

# list numbers at the start of a line or of a run-on item («…оборудования2. Использовать»)
_LIST_NUMBER = re.compile(r"(?:^|(?<=[\s;.:,)]))\d{1,3}\s*[.)](?!\d)|(?<=[^\W\d_])\d{1,2}\s*\.(?=\s*[^\W\d_])"
                          r"|^\s*[-–—•·▪*]\s+")
_ITEM_LIKE = re.compile(r"^\s*(\d{1,3}\s*[.)]|[-–—•·▪*]\s)|[;.]\s*$")


@dataclass
class Region:
    """The source blocks of one card, and raw values its parser read that the model does not keep
    verbatim (the whole «Код профессии» cell, for instance)."""

    blocks: list[Block]
    texts: list[str] = field(default_factory=list)


def normal(text: str) -> str:
    """The letters and digits of a text, lower case, list numbers dropped: what must match."""
    text = _LIST_NUMBER.sub(" ", text.lower().replace("ё", "е"))
    return re.sub(r"[\W_]+", "", text)


def _card_texts(card: m.Card) -> list[str]:
    texts = [card.code, card.group_code or "", card.name, card.heading or "", card.level or "", card.sublevel or "",
             card.tariff_level or "", card.nonformal_link or "", card.purpose or "", *card.other_names,
             *card.personal_competencies, *card.technical_regulations]
    if card.education:
        texts += [card.education.level, card.education.basis or ""]
        texts += [f"{s.code} {s.name}" for s in card.education.specialities]
    texts += [f"{r.level} {r.name}" for r in card.related_professions]
    texts += [f.title for f in card.listed_functions]
    for function in card.functions:
        texts.append(function.title)
        for skill in function.skills:
            texts += [skill.title, skill.recognition_text or ""]
    return texts


Classifier = Callable[[str], Optional[tuple[str, str]]]  # line → (kind, text after the label) or None


def settle(doc: SourceDocument, standard: m.Standard, classify: Classifier) -> None:
    """Count what became of every line of the cards' regions; note each skipped one; keep both in
    ``standard.source``."""
    account = m.ImportAccount(items=sum(1 for _ in standard.iter_items()))
    for card, region in zip(standard.cards, doc.regions):
        items = "".join(normal(item.text) for skill in _skills(card) for item in [*skill.abilities, *skill.knowledge])
        others = "".join(normal(text) for text in [*_card_texts(card), *region.texts])
        for block in region.blocks:
            for cell in block.cells:
                for line in cell.split("\n"):
                    if line.strip():
                        kind = _kind(line.strip(), classify, items, others)
                        _count(account, kind)
                        if kind == "skipped":
                            _note_skipped(doc, block, line.strip(), card.code)
    standard.source.account = account
    standard.source.notes = list(doc.notes)


def _skills(card: m.Card):
    return (skill for function in card.functions for skill in function.skills)


def _kind(line: str, classify: Classifier, items: str, others: str) -> str:
    labelled = classify(line)
    if labelled is not None:
        kind, rest = labelled
        if kind == "heading" or not normal(rest):
            return kind
        line = rest  # text after a label is read like a line of its own
        found = _where_found(normal(line), items, others)
        return "label" if found else "skipped"
    return _where_found(normal(line), items, others) or "skipped"


def _where_found(text: str, items: str, others: str) -> Optional[str]:
    if not text:
        return "field"  # «-», «—»: the value «none»
    if text in items:
        return "item"
    if text in others:
        return "field"
    return None


def _count(account: m.ImportAccount, kind: str) -> None:
    account.paragraphs += 1
    attribute = {"item": "item_paragraphs", "label": "labels", "heading": "headings", "field": "fields",
                 "skipped": "skipped"}[kind]
    setattr(account, attribute, getattr(account, attribute) + 1)


def _note_skipped(doc: SourceDocument, block: Block, line: str, card_code: str) -> None:
    looks_like_item = bool(_ITEM_LIKE.search(line)) or (len(line.split()) >= 4 and line[:1].isupper())
    shown = line if len(line) <= 80 else line[:77] + "…"
    if looks_like_item:
        doc.note(block.line, "skipped-item", f"not read into the standard, though it looks like an item: «{shown}»")
    else:
        doc.note(block.line, "skipped-paragraph", f"not read into the standard: «{shown}»")
    doc.notes[-1].id = card_code


def summary(account: m.ImportAccount) -> str:
    """«412 paragraphs read in the cards: 150 items (from 148 paragraphs), 60 labels, …, 0 skipped»."""
    return (f"{account.paragraphs} paragraphs read in the cards: {account.items} items "
            f"(from {account.item_paragraphs} paragraphs), {account.labels} labels, {account.headings} headings, "
            f"{account.fields} field values, {account.skipped} skipped")
