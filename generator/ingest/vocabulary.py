"""Label vocabularies of the 2023 layout (each language pack's ``ingest.yaml``) and language detection."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.common.bounded_yaml import load_plain_file
from generator.exceptions import ImportFormatError

# labels that only a professional standard has: they decide language and layout
_STRUCTURAL = ("function", "skill", "abilities", "knowledge", "recognition", "card_heading", "function_list")


@dataclass(frozen=True)
class Vocabulary:
    lang: str
    patterns: dict[str, re.Pattern[str]]
    none_values: tuple[str, ...]

    def match(self, label: str, text: str) -> re.Match[str] | None:
        return self.patterns[label].search(text)

    def is_none(self, value: str | None) -> bool:
        return value is None or value.strip().rstrip(".").strip() in self.none_values or not value.strip()


@functools.lru_cache(maxsize=1)
def ingest_data() -> dict:
    """What each language pack says about published standards (its ``ingest.yaml``), by language code."""
    from generator.languages import packs

    return {code: load_plain_file(pack.data_file("ingest"), "language pack ingest data", ImportFormatError)
            for code, pack in packs().items() if pack.data_file("ingest").is_file()}


def _data() -> dict:
    return {code: data["layout_2023"] for code, data in ingest_data().items()}


# the languages whose labels the data has (its top-level keys), in the file's order
LANGUAGES = tuple(_data())


@functools.lru_cache(maxsize=None)
def vocabulary(lang: str) -> Vocabulary:
    entry = dict(_data()[lang])
    none_values = tuple(entry.pop("none_values"))
    patterns = {key: re.compile(value, re.IGNORECASE | re.DOTALL) for key, value in entry.items()}
    return Vocabulary(lang=lang, patterns=patterns, none_values=none_values)


def label_score(texts: list[str], lang: str) -> int:
    vocab = vocabulary(lang)
    return sum(1 for text in texts for label in _STRUCTURAL if vocab.match(label, text))


def forced_language(scores: dict[str, int], name: str, forced: str, layout: str) -> str:
    """``forced`` if labels of ``layout`` in it occur (``scores``: labels found per language); else an
    error that suggests the other language when its labels occur."""
    if forced not in LANGUAGES:
        raise ImportFormatError(f"{name}: unknown language '{forced}'; use one of {', '.join(LANGUAGES)}")
    if scores[forced] == 0:
        other = [lang for lang in LANGUAGES if scores[lang]]
        hint = f"; it looks like '{other[0]}' — try --lang {other[0]}" if other else ""
        raise ImportFormatError(f"{name}: no labels of {layout} in '{forced}' found{hint}")
    return forced


def detect_language(texts: list[str], name: str, forced: str | None = None) -> str:
    """Pick kk or ru by which vocabulary's structural labels occur; refuse anything else clearly."""
    scores = {lang: label_score(texts, lang) for lang in LANGUAGES}
    if forced:
        return forced_language(scores, name, forced, "the 2023 layout")
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    if scores[best] < 3:
        raise ImportFormatError(
            f"{name}: not a professional standard in a known layout: expected the 2023 layout with labels "
            "such as 'Еңбек функциясы 1', 'Дағды 1', 'Қабілет:', 'Білім:' (Kazakh) or "
            "'Трудовая функция 1', 'Навык 1', 'Умения:', 'Знания:' (Russian)"
        )
    return best
