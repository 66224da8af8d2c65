"""The 2023 layout (order No. 377 of 07.09.2023), Kazakh or Russian: blocks → Standard.

Chapters: 1 general provisions, 2 passport, 3 profession cards, 4 technical data. The
passport and technical data are numbered paragraphs; the cards are tables.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.exceptions import ImportFormatError
from generator.ingest.account import Region
from generator.ingest.blocks import Block, SourceDocument
from generator.ingest.cards2023 import CardParser
from generator.ingest.numbered import clean_item
from generator.ingest.repair import repair_glued
from generator.ingest.vocabulary import Vocabulary, detect_language, vocabulary
from generator.standard import model as m

LAYOUT = "2023"
_PARAGRAPH_NUMBER = re.compile(r"^\s*(\d+)\s*\.\s+")
_NUMBERED_SUB = re.compile(r"^\s*\d+\)\s*")


def _is_structural(text: str, vocab: Vocabulary) -> bool:
    return bool(
        vocab.match("chapter", text) or vocab.match("card_heading", text) or vocab.match("function_descriptions", text)
    )


def merge_continuations(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    """In text sources a cell continues on plain lines: attach them to the row above.

    A plain line after a row continues the row's last cell unless it is a heading the layout
    knows (chapter, card heading, 'description of labour functions').
    """
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            not block.is_row
            and previous is not None
            and previous.is_row
            and not _is_structural(block.text, vocab)
        ):
            previous.cells[-1] = f"{previous.cells[-1]}\n{block.text}"
            continue
        merged.append(Block(cells=list(block.cells), line=block.line, is_row=block.is_row))
    return merged


def _chapters(blocks: list[Block], vocab: Vocabulary) -> dict[int, tuple[int, int]]:
    starts = [(int(vocab.match("chapter", b.text).group(1)), i) for i, b in enumerate(blocks)
              if not b.is_row and vocab.match("chapter", b.text)]
    spans: dict[int, tuple[int, int]] = {}
    for index, (number, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(blocks)
        spans.setdefault(number, (start + 1, end))
    return spans


def _after_label(text: str, vocab: Vocabulary, label: str) -> Optional[str]:
    match = vocab.match(label, text)
    if not match:
        return None
    value = text[match.end():].strip()
    return clean_item(repair_glued(value)).strip('"«»“”').strip() or None


def parse_standard(doc: SourceDocument, lang: Optional[str] = None) -> m.Standard:
    name = doc.path.name
    texts = [cell for block in doc.blocks for cell in block.cells[:2]]
    lang = detect_language(texts, name, lang)
    vocab = vocabulary(lang)
    blocks = doc.blocks
    spans = _chapters(blocks, vocab)
    if 3 not in spans:
        raise ImportFormatError(f"{name}: no chapter 3 (profession cards) heading found; expected "
                                f"'3-тарау. …' (kk) or 'Глава 3. …' (ru)")
    if 4 not in spans:
        last = blocks[-1].line if blocks else 0
        raise ImportFormatError(f"{doc.where(last)}: the text ends before chapter 4 (technical data) — "
                                "it looks cut off; import the complete standard")
    passport = [b for b in blocks[slice(*spans.get(2, (0, 0)))]]
    header = blocks[: min(start for start, _ in spans.values()) - 1]
    standard = m.Standard(
        code="",
        title="",
        language=lang,
        source=m.Source(file=name, sha256=doc.sha256, layout=LAYOUT, reader=doc.reader),
    )
    _parse_passport(standard, passport, vocab, doc)
    standard.approval = _parse_header(header, vocab)
    card_blocks = blocks[slice(*spans[3])]
    if doc.reader == "text":
        card_blocks = merge_continuations(card_blocks, vocab)
    standard.cards = _parse_cards(card_blocks, vocab, doc)
    _parse_technical(standard, blocks[slice(*spans[4])], vocab)
    return standard


def _numbered_paragraphs(blocks: list[Block]) -> list[tuple[int, list[Block]]]:
    groups: list[tuple[int, list[Block]]] = []
    for block in blocks:
        match = _PARAGRAPH_NUMBER.match(block.text) if not block.is_row else None
        if match:
            groups.append((int(match.group(1)), [block]))
        elif groups:
            groups[-1][1].append(block)
    return groups


def _parse_passport(standard: m.Standard, blocks: list[Block], vocab: Vocabulary, doc: SourceDocument) -> None:
    for _number, group in _numbered_paragraphs(blocks):
        head = group[0].text
        if vocab.match("standard_title", head):
            standard.title = _after_label(head, vocab, "standard_title") or ""
        elif vocab.match("standard_code", head):
            standard.code = (_after_label(head, vocab, "standard_code") or "").rstrip(".")
        elif vocab.match("classifier", head) and not vocab.match("description", head):
            _classifier(standard, group, head)
        elif vocab.match("description", head):
            standard.description = _after_label(head, vocab, "description")
            for block in group[1:]:
                common = vocab.match("common_knowledge", block.text)
                if common:
                    rest = block.text[common.end():]
                    standard.common_knowledge = [clean_item(repair_glued(p)) for p in rest.split(";") if clean_item(p)]
        elif vocab.match("card_list", head):
            for block in group[1:]:
                if not _NUMBERED_SUB.match(block.text):
                    continue
                text = repair_glued(_NUMBERED_SUB.sub("", block.text))
                level = vocab.match("card_list_level", text)
                card_name = text[: level.start()].strip() if level else clean_item(text)
                level_value = next((g for g in level.groups() if g), None) if level else None
                standard.card_list.append(m.CardListEntry(name=card_name, level=level_value))
    if not standard.code:
        raise ImportFormatError(f"{doc.path.name}: the passport gives no standard code "
                                "(item 5 'Кәсіптік стандарттың коды:' / 'Код профессионального стандарта:')")
    if not standard.title:
        raise ImportFormatError(f"{doc.path.name}: the passport gives no standard title (item 4)")


def _classifier(standard: m.Standard, group: list[Block], head: str) -> None:
    # "…: M секциясы …:" (kk) or "…: секция O …:" (ru)
    section = re.search(r":\s*(?:[Сс]екция\s+)?([A-Z])\s+(секция\w*|секциясы)?\s*(.+?):?\s*$", head)
    if section:
        standard.classifier.append(m.ClassifierCode(code=section.group(1), name=clean_item(section.group(3).rstrip(":"))))
    for block in group[1:]:
        match = re.match(r"^\s*(\d{2}(?:\.\d{1,2}){0,3})\s+(.+)$", block.text)
        if match:
            standard.classifier.append(m.ClassifierCode(code=match.group(1), name=clean_item(match.group(2))))


def _parse_header(blocks: list[Block], vocab: Vocabulary) -> Optional[m.Approval]:
    approval = m.Approval()
    texts = [repair_glued(" ".join(b.cells)) for b in blocks]
    for block, text in zip(blocks, texts):
        if block.is_row and len(block.cells) == 2 and block.cells[0] and block.cells[1] and not approval.signed_by:
            approval.signer_title = repair_glued(block.cells[0])
            approval.signed_by = repair_glued(block.cells[1])
    for index, text in enumerate(texts):
        if vocab.match("agreed", text):
            following = []
            for later in texts[index + 1:]:
                if vocab.match("approved", later) or later.startswith('"') or later.startswith("«"):
                    break
                following.append(later)
            approval.agreed_with = " ".join(following) or None
        if vocab.match("approved", text):
            number = re.search(r"№\s*([\w/-]+)", text)
            approval.order_number = number.group(1) if number else None
    return approval if any(vars(approval).values()) else None


def _parse_cards(blocks: list[Block], vocab: Vocabulary, doc: SourceDocument) -> list[m.Card]:
    parsers: list[CardParser] = []
    for block in blocks:
        heading = vocab.match("card_heading", block.text) if not block.is_row else None
        if heading:
            parsers.append(CardParser(vocab, doc.where, heading.group("name"), block.line))
            parsers[-1].blocks.append(block)
        elif parsers and block.is_row:
            parsers[-1].feed(block)
        elif parsers:  # a paragraph between the rows: part of the card's region, read by the account
            parsers[-1].blocks.append(block)
    if not parsers:
        raise ImportFormatError(f"{doc.path.name}: chapter 3 contains no profession card; expected headings like "
                                "'9. \"…\" кәсіптік карточкасы' / '9. Карточка профессии «…»'")
    cards = [parser.card() for parser in parsers]
    used: set[str] = set()
    for card, parser in zip(cards, parsers):
        code, count = card.code, 1
        while code in used:
            count += 1
            code = f"{card.code}-{count}"
        if code != card.code:
            m.assign_ids(card.functions, code)
            for note in parser.notebook.notes:
                note.id = code + note.id[len(card.code):] if note.id and note.id.startswith(card.code) else note.id
            parser.notebook.add(parser.heading_line, "duplicate-code", f"card code {card.code} is used by an "
                                f"earlier card too; this card is read as {code}").id = code
            card.code = code
        used.add(code)
        doc.notes.extend(parser.notebook.notes)
        doc.regions.append(Region(parser.blocks, [*parser.fields.values(), *parser.labels.values()]))
    return cards


_HEADINGS = ("card_heading", "function", "skill")
_LABELS = ("abilities", "knowledge", "recognition", "function_list", "mandatory", "additional", "function_descriptions",
           "related", "related_header", "personal", "regulations", "group_code", "occupation_code", "profession_name",
           "level", "sublevel", "tariff_level", "education", "nonformal", "other_names", "purpose")


def line_kind(vocab: Vocabulary):
    """For the import's account: a card line's heading or label, and the text after the label."""
    from generator.ingest.cell_lines import is_label

    def classify(line: str) -> Optional[tuple[str, str]]:
        if any(vocab.match(key, line) for key in _HEADINGS):
            return "heading", ""
        for key in _LABELS:
            match = vocab.match(key, line)
            if match and match.start() == 0:
                # a list's label ends in its colon; any other label may have its value after one
                rest = line[match.end():] if key in ("abilities", "knowledge") else line.partition(":")[2]
                return "label", rest
        return ("label", "") if is_label(line) else None

    return classify


def _parse_technical(standard: m.Standard, blocks: list[Block], vocab: Vocabulary) -> None:
    technical = m.Technical()
    for _number, group in _numbered_paragraphs(blocks):
        head = repair_glued(group[0].text)
        rest = [repair_glued(b.text) for b in group[1:]]
        if vocab.match("state_body", head):
            technical.state_body = _after_label(head, vocab, "state_body")
        elif vocab.match("organisations", head):
            for line in rest:
                executors = vocab.match("executors", line)
                if executors:
                    if technical.developers:
                        people = [clean_item(p) for p in [line[executors.end():]] if clean_item(p)]
                        technical.developers[-1].executors.extend(people)
                    continue
                if technical.developers and _looks_like_person(line):
                    technical.developers[-1].executors.append(clean_item(line))
                else:
                    technical.developers.append(m.Developer(organisation=clean_item(line)))
        elif vocab.match("sectoral_council", head):
            technical.sectoral_council = _after_label(head, vocab, "sectoral_council")
        elif vocab.match("national_body", head):
            technical.national_body = _after_label(head, vocab, "national_body")
        elif vocab.match("chamber", head):
            technical.chamber_expertise = clean_item(head.split(":", 1)[-1]) if ":" in head else clean_item(head)
        elif vocab.match("version", head):
            value = _after_label(head, vocab, "version") or ""
            standard.version = value or None
            year = re.search(r"(19|20)\d{2}", value)
            standard.year = int(year.group(0)) if year else None
        elif vocab.match("review_date", head):
            value = _after_label(head, vocab, "review_date") or ""
            date = re.search(r"(\d{2})\.(\d{2})\.(\d{4})", value)
            standard.review_date = f"{date.group(3)}-{date.group(2)}-{date.group(1)}" if date else (value or None)
    standard.technical = technical


def _looks_like_person(line: str) -> bool:
    """'Есекеева М.М., m.esekeeva@…' — a surname with initials, often an e-mail."""
    return bool(re.match(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s*[А-ЯЁӘҒҚҢӨҰҮҺІ]?\.?", line)) or "@" in line
