"""The older «Атамекен» layouts A and B (2019–2022 standards still in force): blocks → Standard.

Both layouts are one or a few tables: a passport (name, number, ОКЭД, description, list of
profession cards with their ОРК levels), the profession cards, and technical data. They differ
only below the labour function: layout A lists «Умения и навыки» + «Знания» directly (the importer
gives each function one implicit skill with the function's title), layout B has «Задача N» (the
skill level) with «Умения» + «Знания». See :mod:`generator.ingest.cards_atameken`.

Card codes (ids are ``<card code>/F<n>/S<n>/A<n>``, so a code must be unique in the standard):

* a card with an official code like 2523-0-001 keeps it; when the same card is repeated for each
  qualification level (one card per ОРК level, same code), each copy gets the level appended:
  ``2523-0-001-L5``, ``2523-0-001-L6``;
* a card without such a code («Новая профессия», or only a group code like «2139 IT-специалисты…»)
  gets a derived code ``<group>-P<p>-L<level>``: the 4-digit group code (``0000`` when there is
  none), ``p`` the 1-based number of the profession among the standard's distinct professions in
  document order, and its level: ``2139-P1-L4``. A clash left after that gets ``-2``, ``-3``.
Derived and suffixed codes are stable for the same document and are reported by ``progen lint``
(warning ``code-label``), so a reviewer sees that the code is not official.

A standard without a number gets a code derived from its title, transliterated to Latin
(«Администрирование баз данных» → ``administrirovanie-baz-dannykh``).

The passport's list of cards gives a level range per profession («5 - 7-й уровень ОРК»); it is
expanded to one entry per level, so that it lines up with the cards (one per level) for lint.
The same parser reads these layouts as published text (``TAB|TAB`` rows, a plain line continuing
the row above), though they mostly come as Word files.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.exceptions import ImportFormatError
from generator.ingest.account import Region
from generator.ingest.blocks import Block, SourceDocument
from generator.ingest.cards_atameken import AtamekenCardParser, text_of
from generator.ingest.labels_atameken import LANGUAGES, AtamekenLabels, atameken_labels, normalise
from generator.ingest.numbered import clean_item
from generator.ingest.vocabulary import forced_language
from generator.standard import model as m

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "a", "g", "q", "n", "o", "u", "u", "h", "i"],
))
_MONTHS = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
           "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}


def slug(text: str, limit: int = 60) -> str:
    """«Администрирование баз данных» → 'administrirovanie-baz-dannykh' (ASCII, stable)."""
    latin = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    words = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    return words[:limit].rstrip("-") or "standard"


def detect_language(doc: SourceDocument, forced: Optional[str]) -> str:
    name = doc.path.name
    texts = [cell for block in doc.blocks for cell in block.cells if cell and len(cell) < 2000]
    scores = {lang: atameken_labels(lang).score(texts) for lang in LANGUAGES}
    if forced:
        return forced_language(scores, name, forced, "layout A/B")
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    if scores[best] == 0:
        raise ImportFormatError(f"{name}: no labels of layout A/B found ('Трудовая функция 1', 'Задача 1', "
                                "'Умения', 'Знания'); it is not a professional standard in a known layout")
    return best


def merge_text_rows(blocks: list[Block], labels: AtamekenLabels) -> list[Block]:
    """Published text: a plain line after a row continues the row's last cell (unless a heading)."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (not block.is_row and previous is not None and previous.is_row
                and labels.card_heading_name(block.text) is None and not _is_technical(block.text, labels)):
            previous.cells[-1] = f"{previous.cells[-1]}\n{block.text}"
            continue
        merged.append(Block(cells=list(block.cells), line=block.line, is_row=block.is_row))
    return merged


def _is_technical(text: str, labels: AtamekenLabels) -> bool:
    key = re.sub(r"^\d+\s*", "", normalise(text.split("\n", 1)[0]))
    return bool(key) and any(key == form or key.startswith(form + " ") for form in labels.technical) \
        or labels.is_label(key, labels.technical)


def parse_atameken(doc: SourceDocument, lang: Optional[str], layout: str) -> m.Standard:
    name = doc.path.name
    lang = detect_language(doc, lang)
    labels = atameken_labels(lang)
    blocks = doc.blocks if doc.has_cells else merge_text_rows(doc.blocks, labels)
    passport: list[Block] = []
    technical: list[Block] = []
    parsers: list[AtamekenCardParser] = []
    section = "passport"
    for block in blocks:
        first = next((cell for cell in block.cells if cell.strip()), "")
        heading = labels.card_heading_name(first)
        if heading is not None:
            parsers.append(AtamekenCardParser(labels, doc.where, heading, block.line, has_skills=layout == "B"))
            parsers[-1].blocks.append(block)
            section = "card"
            if block.is_row:
                rest = [c for c in block.cells if c.strip() and c is not first]
                if rest and not heading:
                    parsers[-1].heading = text_of(rest[0]).strip("«»\"“”")
            continue
        if section == "card" and _is_technical(first, labels):
            section = "technical"
            continue
        implicit = (section == "passport"
                    and labels.field(first, labels.card_fields) in ("code", "group_code", "profession_name")
                    and not labels.field(first, labels.passport))
        if implicit or (section == "card" and parsers[-1].starts_new_card(block)):
            # a card without a heading row: it starts with its code or profession row
            parsers.append(AtamekenCardParser(labels, doc.where, "", block.line, has_skills=layout == "B"))
            section = "card"
        if section == "passport":
            passport.append(block)
        elif section == "card":
            parsers[-1].feed(block)
        else:
            technical.append(block)
    # a heading-like line that opened nothing (no fields, no functions) is not a card; its lines
    # belong to the card before it (or after it) for the account of what was read
    kept = [p for p in parsers if p.functions or p.fields or p.listed]
    for index, parser in enumerate(parsers):
        if parser not in kept and kept:
            owner = next((p for p in reversed(parsers[:index]) if p in kept), kept[0])
            owner.blocks.extend(parser.blocks)
    parsers = kept
    if not parsers:
        raise ImportFormatError(f"{name}: no profession card found; expected headings like 'КАРТОЧКА ПРОФЕССИИ "
                                "«…»' with rows 'Трудовая функция 1', 'Умения', 'Знания'")
    standard = m.Standard(code="", title="", language=lang,
                          source=m.Source(file=name, sha256=doc.sha256, layout=layout, reader=doc.reader))
    _parse_passport(standard, passport, labels)
    _parse_technical(standard, technical, labels)
    standard.cards = _cards(parsers)
    for parser in parsers:
        doc.notes.extend(parser.notebook.notes)
        doc.regions.append(Region(parser.blocks, [value for values in parser.fields.values() for value in values]))
    if not any(kind == "ability" for *_, kind, _item in standard.iter_items()):
        raise ImportFormatError(
            f"{name}: read as layout {layout}, but no abilities were found; if the standard "
            "uses another layout, leave --layout out to detect it, or try --layout 2023"
        )
    if not standard.title:
        standard.title = standard.cards[0].name
    if not standard.code:
        standard.code = slug(standard.title)
    return standard


def line_kind(labels: AtamekenLabels):
    """For the import's account: a card line's heading or label, and the text after the label."""
    from generator.ingest.cell_lines import is_label

    def classify(line: str) -> Optional[tuple[str, str]]:
        if labels.card_heading_name(line) is not None or labels.unnumbered(line) is not None:
            return "heading", ""
        if labels.numbered(line, labels.function) or labels.numbered(line, labels.skill):
            return "heading", ""
        kind = labels.kind(line)
        if kind:
            return "label", kind[1]
        if labels.field(line, labels.card_fields):
            return "label", line.split(":", 1)[1] if ":" in line else ""
        return ("label", "") if is_label(line) else None

    return classify


# --- cards and their codes ----------------------------------------------------------------------
def _cards(parsers: list[AtamekenCardParser]) -> list[m.Card]:
    infos = [(parser, *parser.codes(), parser.level()) for parser in parsers]
    official = [code for _p, code, _g, _l in infos if code]
    names: list[str] = []
    cards: list[m.Card] = []
    used: set[str] = set()
    for parser, code, group, level in infos:
        name_key = normalise(parser.value("profession_name") or parser.heading or "")
        if name_key not in names:
            names.append(name_key)
        suffix = f"-L{level}" if level else ""
        if code and official.count(code) == 1:
            final, note = code, None
        elif code:
            final = f"{code}{suffix}"
            note = (f"the card code {code} is used by one card per qualification level; this card "
                    f"(level {level or '?'}) gets the code {final}")
        else:
            base = (group or "0000").split("-")[0]
            final = f"{base}-P{names.index(name_key) + 1}{suffix}"
            raw = text_of(" ".join(parser.fields.get("code", []) or parser.fields.get("group_code", []))) or "none"
            note = (f"the card has no code like 1234-5-678 (code row: '{raw[:40]}'); progen derived {final} "
                    "from its group code, the order of its profession and its level")
        candidate, count = final, 1
        while candidate in used:
            count += 1
            candidate = f"{final}-{count}"
        if candidate != final:
            note = (note or "") + f"; another card has the same code, so this one is {candidate}"
        used.add(candidate)
        cards.append(parser.card(candidate, group, note))
    return cards


# --- passport ---------------------------------------------------------------------------------
def _row_values(block: Block, labels: AtamekenLabels, table: dict,
                previous: Optional[str] = None) -> tuple[Optional[str], list[str]]:
    """(field, values) of a label row; a row whose label cell is merged down from the row above
    (an empty first cell) continues the previous row's field."""
    cells = [c for c in block.cells if c.strip()]
    if not cells:
        return None, []
    field = labels.field(cells[0], table)
    if field is None:
        if block.is_row and not block.cells[0].strip() and previous:
            return previous, cells
        return None, []
    values = cells[1:]
    head = cells[0].split("\n", 1)[0]
    if ":" in head and head.split(":", 1)[1].strip():
        values = [head.split(":", 1)[1].strip()] + values
    return field, values


def _parse_passport(standard: m.Standard, blocks: list[Block], labels: AtamekenLabels) -> None:
    header: list[str] = []
    heading_next = False
    last: Optional[str] = None
    for block in blocks:
        text = block.text
        if heading_next and not block.is_row:
            standard.title = standard.title or clean_item(text).strip("«»\"“”").strip()
            heading_next = False
            continue
        heading = labels.standard_heading.match(text) if not block.is_row else None
        if heading and not standard.title:
            if heading.group("title").strip():
                standard.title = clean_item(heading.group("title")).strip("«»\"“”").strip()
            else:
                heading_next = True
            continue
        if not standard.title and not block.is_row:
            header.append(text)
        if re.match(r"^\s*профессиональный стандарт\s*:?\s*$", text, re.IGNORECASE) or \
                re.match(r"^\s*кәсіптік стандарт\s*:?\s*$", text, re.IGNORECASE):
            heading_next = True
            continue
        field, values = _row_values(block, labels, labels.passport, last)
        last = field if block.is_row else None
        if not field or not values:
            continue
        value = text_of(values[0])
        if field == "title":
            standard.title = clean_item(value).strip("«»\"“”").strip()
        elif field == "code":
            standard.code = clean_item(value)
        elif field == "description":
            standard.description = clean_item(value)
        elif field == "classifier":
            _classifier(standard, values[0])
        elif field == "card_list":
            _card_list(standard, values, labels)
    standard.approval = _approval(" ".join(header), labels)


def _classifier(standard: m.Standard, value: str) -> None:
    for line in value.split("\n"):
        match = re.match(r"^\s*([A-Z]|\d{2}(?:\.\d{1,2}){0,3})\.?\s+(.+)$", line.strip())
        if match:
            standard.classifier.append(m.ClassifierCode(code=match.group(1), name=clean_item(match.group(2))))


def _card_list(standard: m.Standard, values: list[str], labels: AtamekenLabels) -> None:
    """«Администратор … | 5 - 6-й уровни ОРК» → one entry per level (cards repeat per level)."""
    name = clean_item(text_of(values[0]))
    level_text = text_of(values[-1]) if len(values) > 1 else ""
    match = labels.level_range.search(level_text)
    if not match:
        standard.card_list.append(m.CardListEntry(name=name, level=None))
        return
    low = int(match.group("low"))
    high = int(match.group("high")) if match.group("high") else low
    for level in range(low, max(low, high) + 1):
        standard.card_list.append(m.CardListEntry(name=name, level=str(level)))


def _approval(text: str, labels: AtamekenLabels) -> Optional[m.Approval]:
    match = labels.approval.search(text)
    if not match:
        return None
    groups = match.groupdict()
    body = groups.get("body") or groups.get("body2") or ""
    date = groups.get("date") or groups.get("date2")
    number = groups.get("number") or groups.get("number2")
    iso = None
    if date:
        day, month, year = date.split(".")
        iso = f"{year}-{int(month):02d}-{int(day):02d}"
    return m.Approval(body=clean_item(body) or None, order_number=number, order_date=iso)


# --- technical data ---------------------------------------------------------------------------
def _parse_technical(standard: m.Standard, blocks: list[Block], labels: AtamekenLabels) -> None:
    technical = m.Technical()
    last: Optional[str] = None
    for block in blocks:
        field, values = _row_values(block, labels, labels.technical_fields, last)
        last = field if block.is_row else None
        if not field or not values:
            continue
        lines = _balanced([line.strip() for line in values[0].split("\n") if line.strip()])
        if field == "developers" and lines:
            developer = m.Developer(organisation=clean_item(lines[0]))
            developer.executors = [line.strip() for line in lines[1:] if _PERSON.match(line)]
            technical.developers.append(developer)
        elif field == "updated" and lines:
            technical.developers.append(m.Developer(organisation=clean_item(lines[0])))
        elif field == "expertise" and lines:
            technical.chamber_expertise = clean_item(re.sub(r"^(Организация|Ұйым)\s*:\s*", "", lines[0]))
        elif field == "version" and lines:  # the last version given is the current one
            standard.version = clean_item(lines[0])
            year = re.search(r"(19|20)\d{2}", lines[0])
            standard.year = int(year.group(0)) if year else None
        elif field == "review_date" and lines:
            standard.review_date = _date(lines[0])
    standard.technical = technical


_PERSON = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s*([А-ЯЁӘҒҚҢӨҰҮҺІ]\.?)?$")  # «Исин Н.К.»


def _balanced(lines: list[str]) -> list[str]:
    """Join a name broken over lines inside its quotes: «АО «Национальный инфокоммуникационный» + «Холдинг «Зерде»»."""
    joined: list[str] = []
    open_quote = False
    for line in lines:
        if open_quote and ":" not in line and not _PERSON.match(line) and line[:1].isalpha():
            # one continuation line at most: the source's own quotes may never close
            joined[-1] = f"{joined[-1]} {line}"
            open_quote = False
        else:
            joined.append(line)
            # a name that ends in its closing quote is complete, even when the source left a quote
            # inside it open («АО «Национальный инфокоммуникационный Холдинг «Зерде»»)
            open_quote = line.count("«") > line.count("»") and not line.endswith("»")
    return joined


def _date(text: str) -> str:
    numeric = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if numeric:
        return f"{numeric.group(3)}-{int(numeric.group(2)):02d}-{int(numeric.group(1)):02d}"
    worded = re.search(r"(\d{1,2})\s+([а-я]+)\s+(\d{4})", text.lower())
    if worded and worded.group(2) in _MONTHS:
        return f"{worded.group(3)}-{_MONTHS[worded.group(2)]:02d}-{int(worded.group(1)):02d}"
    return clean_item(text)
