"""Label vocabulary of the older «Атамекен» layouts A and B (each language pack's ``ingest.yaml``).

Real standards of these years word and spell their labels loosely («Умения:», «Умение», «Умения и
навыки:», «Задача1», «Трудавая функция 2»), so labels are compared tolerantly: lower case, without
punctuation, and with a similarity ratio (difflib) of at least ``fuzzy`` for the words of a label.
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from generator.common.bounded_yaml import load_plain

_NUMBERED = re.compile(r"^\s*(?P<label>[^\d:\n]{4,40}?)\s*(?P<number>\d{1,2})(?!\d)\s*[:.]?\s*(?P<title>.*)$", re.DOTALL)


def normalise(text: str) -> str:
    """Lower case, punctuation → spaces, spaces collapsed: the form labels are compared in."""
    text = text.lower().replace("ё", "е")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]+", " ", text)).strip()


_MEMO: dict = {}


def _memo(method):
    """Remember a label check per language, method and text: every row asks it again."""
    @functools.wraps(method)
    def wrapper(self, text, *args):
        key = (self.lang, method.__name__, text, *(id(a) for a in args))
        if key not in _MEMO:
            if len(_MEMO) > 200_000:
                _MEMO.clear()
            _MEMO[key] = method(self, text, *args)
        return _MEMO[key]
    return wrapper


@dataclass(frozen=True)
class AtamekenLabels:
    lang: str
    fuzzy: float
    function: tuple[str, ...]
    skill: tuple[str, ...]
    abilities: tuple[str, ...]
    knowledge: tuple[str, ...]
    card_heading: tuple[str, ...]
    card_section: tuple[str, ...]
    technical: tuple[str, ...]
    card_fields: dict[str, tuple[str, ...]]
    passport: dict[str, tuple[str, ...]]
    technical_fields: dict[str, tuple[str, ...]]
    standard_heading: re.Pattern[str]
    approval: re.Pattern[str]
    level_range: re.Pattern[str]

    # -- tolerant comparison ------------------------------------------------------------------
    def _similar(self, text: str, forms: tuple[str, ...]) -> float:
        return _best_ratio(text, forms, self.fuzzy)

    def is_label(self, text: str, forms: tuple[str, ...]) -> bool:
        return self._similar(normalise(text), forms) >= self.fuzzy

    @_memo
    def field(self, text: str, table: dict[str, tuple[str, ...]]) -> Optional[str]:
        """The field whose label ``text`` is (the whole cell's first line), or None."""
        first = text.strip().split("\n", 1)[0]
        if not first or first[0].isdigit() or len(first) > 120:
            return None
        key = normalise(first)
        if not key:
            return None
        heads = [key]
        if ":" in first:  # «Код: 2523-0-001» — the label and its value in one cell
            heads.append(normalise(first.split(":", 1)[0]))
        for head in heads:
            scores = {name: self._similar(head, forms) for name, forms in table.items()}
            name = max(scores, key=scores.get)
            if scores[name] >= self.fuzzy:
                return name
        # a long label followed by words of its own («Связь с ЕТКС или КС или другими справочниками»)
        for name, forms in table.items():
            if any(len(form.split()) >= 3 and key.startswith(form + " ") for form in forms):
                return name
        return None

    @_memo
    def numbered(self, text: str, forms: tuple[str, ...]) -> Optional[tuple[int, str]]:
        """«Трудовая функция 2: Title» / «Задача1:\\nTitle» → (2, 'Title')."""
        match = _NUMBERED.match(text.strip())
        if not match or self._similar(normalise(match.group("label")), forms) < self.fuzzy:
            return None
        title = re.sub(r"\s*\n\s*", " ", match.group("title")).strip()
        # a title line the DOCX reader numbered because Word styled it as a list item
        title = re.sub(r"^\d{1,2}[.)]\s+", "", title)
        return int(match.group("number")), title

    @_memo
    def kind(self, text: str) -> Optional[tuple[str, str]]:
        """«Умения и навыки:\\n1. …» → ('ability', '1. …'); «Знания» → ('knowledge', '')."""
        stripped = text.strip()
        first, _, rest = stripped.partition("\n")
        head, colon, after = first.partition(":")
        candidates = [(first, rest)]
        if colon:
            candidates.insert(0, (head, (after + "\n" + rest).strip()))
        for label, body in candidates:
            key = normalise(label)
            if not key or len(key.split()) > 5:
                continue
            if self._similar(key, self.abilities) >= self.fuzzy:
                return "ability", body.strip()
            if self._similar(key, self.knowledge) >= self.fuzzy:
                return "knowledge", body.strip()
        return None

    @_memo
    def card_heading_name(self, text: str) -> Optional[str]:
        """«КАРТОЧКА ПРОФЕССИИ: АДМИНИСТРАТОР …» / «КАРТОЧКА ПРОФЕССИИ\\n«…»» → the name ('' if on the next line)."""
        stripped = text.strip()
        words = normalise(stripped).split()
        if words and words[0] in self.card_section:  # «Карточки профессий»: the section, not a card
            return None
        for form in self.card_heading:
            size = len(form.split())
            if len(words) >= size and self._similar(" ".join(words[:size]), (form,)) >= self.fuzzy:
                # drop the label words from the original text
                rest = stripped
                for _ in range(size):
                    rest = re.sub(r"^\W*\w+", "", rest, count=1)
                return rest.strip(" :\n\t").strip("«»\"“”").strip()
            quoted = re.match(r"^\s*\d*\s*\.?\s*[«\"“](?P<name>[^»\"”]+)[»\"”]\s*(?P<label>[^«»\"“”]+)$", stripped)
            if quoted and self._similar(normalise(quoted.group("label")), (form,)) >= self.fuzzy:
                # Kazakh order: «Тестілеуші» кәсібінің карточкасы
                return quoted.group("name").strip()
        return None

    def misspelt(self, text: str) -> Optional[tuple[str, str]]:
        """(label as written, label it was read as) when ``text`` opens with a structural label
        matched only by similarity («Трудавая функция 2» → «трудовая функция»), else None."""
        first = text.strip().split("\n", 1)[0]
        numbered = _NUMBERED.match(first)
        heads = [numbered.group("label")] if numbered else []
        heads.append(first.split(":", 1)[0])
        tables = [self.function, self.skill, self.abilities, self.knowledge, *self.card_fields.values()]
        for head in heads:
            key = normalise(head)
            if not key or any(key in forms for forms in tables):
                return None
            for forms in tables:
                if self._similar(key, forms):
                    best = max(forms, key=lambda form: difflib.SequenceMatcher(None, key, form).ratio())
                    return head.strip(), best
        return None

    def unnumbered(self, text: str) -> Optional[str]:
        """«Трудовая функция: Установка ПО» (a function heading without its number) → its title."""
        head, colon, title = text.strip().partition(":")
        title = re.sub(r"\s*\n\s*", " ", title).strip()
        if colon and title and not title[:1].isdigit() and normalise(head) in self.function:
            return title
        return None

    def score(self, texts: list[str]) -> int:
        """How many structural labels of this language occur (detects language and layout)."""
        count = 0
        for text in texts:
            if self.numbered(text, self.function) or self.numbered(text, self.skill) or self.kind(text) \
                    or self.card_heading_name(text) is not None or self.field(text, self.passport):
                count += 1
        return count


@functools.lru_cache(maxsize=65536)
def _best_ratio(text: str, forms: tuple[str, ...], threshold: float) -> float:
    """The best similarity of ``text`` to one of ``forms`` (0 when below ``threshold``); cached,
    because a standard repeats its labels in every row."""
    best = 0.0
    for form in forms:
        if text == form:
            return 1.0
        if abs(len(text) - len(form)) > max(3, len(form) // 4):
            continue
        matcher = difflib.SequenceMatcher(None, text, form, autojunk=False)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        best = max(best, matcher.ratio())
    return best if best >= threshold else 0.0


@functools.lru_cache(maxsize=None)
def _data() -> dict:
    """``fuzzy`` (data/labels_2022.yaml), each language's labels of these layouts (its pack's ingest.yaml,
    ``layout_atameken``), and the label variants of 2023 Word copies (``layout_2023_variants``)."""
    from generator.ingest.vocabulary import ingest_data

    shared = load_plain(resources.files("generator.ingest").joinpath("data/labels_2022.yaml").read_text("utf-8"),
                        "labels_2022.yaml")
    packs = ingest_data()
    return {"fuzzy": shared["fuzzy"], **{code: data["layout_atameken"] for code, data in packs.items()},
            "layout_2023_variants": {code: data["layout_2023_variants"] for code, data in packs.items()}}


# the languages whose labels the data has (mappings with the labels of a layout), in the file's order
LANGUAGES = tuple(key for key, value in _data().items() if isinstance(value, dict) and "function" in value)


@functools.lru_cache(maxsize=None)
def atameken_labels(lang: str) -> AtamekenLabels:
    data = _data()
    entry = data[lang]
    tupled = lambda table: {k: tuple(v) for k, v in table.items()}  # noqa: E731
    return AtamekenLabels(
        lang=lang,
        fuzzy=float(data["fuzzy"]),
        function=tuple(entry["function"]),
        skill=tuple(entry["skill"]),
        abilities=tuple(entry["abilities"]),
        knowledge=tuple(entry["knowledge"]),
        card_heading=tuple(entry["card_heading"]),
        card_section=tuple(entry["card_section"]),
        technical=tuple(entry["technical"]),
        card_fields=tupled(entry["card_fields"]),
        passport=tupled(entry["passport"]),
        technical_fields=tupled(entry["technical_fields"]),
        standard_heading=re.compile(entry["standard_heading"], re.IGNORECASE),
        approval=re.compile(entry["approval"], re.IGNORECASE | re.DOTALL),
        level_range=re.compile(entry["level_range"], re.IGNORECASE),
    )


@functools.lru_cache(maxsize=1)
def label_patterns() -> tuple[re.Pattern[str], ...]:
    """Exact-form patterns of the structural labels (for the DOCX reader's list handling)."""
    patterns = []
    for lang in LANGUAGES:
        labels = atameken_labels(lang)
        for forms in (labels.function, labels.skill):
            words = "|".join(re.escape(f) for f in forms)
            patterns.append(re.compile(rf"^\s*(?:{words})\s*\d{{1,2}}(?!\d)\s*[:.]?", re.IGNORECASE))
        for forms in (labels.abilities, labels.knowledge):
            words = "|".join(re.escape(f) for f in forms)
            patterns.append(re.compile(rf"^\s*(?:{words})\s*(?::|$)", re.IGNORECASE))
    return tuple(patterns)
