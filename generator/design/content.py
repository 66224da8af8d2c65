"""What items are about: their content words, and when two items are the same item.

Topics join a skill's items that share content words (PEDAGOGY §3). The words come from the phrasing
layer (``Phraser.lemmas``: pymorphy3 normal forms in Russian, lower-case words in Kazakh) and are reduced
to stems with the language's ``topic_matching`` data (Kazakh endings; stop words in both languages).
A word used by many items of the card (``topics.common_share``) says nothing about any one topic and is
left out, so «жастар» in a youth standard or «БД» in a database standard never joins topics by itself.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable


def normal_text(text: str) -> str:
    """An item's text for comparing items: lower case, ё as е, «аппаратно- программного» joined, no
    punctuation, single spaces. Two items with the same normal text are the same item."""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)
    text = re.sub(r"[^\w\s-]+", " ", text)
    return " ".join(text.split())


def _by_length(endings: set[str]) -> list[tuple[int, frozenset[str]]]:
    """Endings grouped by length, longest first (the empty ending never removes anything)."""
    lengths = sorted({len(e) for e in endings if e}, reverse=True)
    return [(n, frozenset(e for e in endings if len(e) == n)) for n in lengths]


class ContentWords:
    """The content stems of item texts, for one language and card."""

    def __init__(self, phraser, matching: dict, min_length: int = 3):
        self.phraser = phraser
        self.stop = {word.lower() for word in matching.get("stop_words") or ()}
        # each layer's endings by length, longest first: a word has one ending of each length
        self.layers = [_by_length({e.lower() for e in layer}) for layer in (matching.get("endings") or ())]
        self.min_stem = int(matching.get("min_stem") or 3)
        self.min_length = min_length
        self.common: frozenset[str] = frozenset()
        self._cache: dict[str, frozenset[str]] = {}
        self._stems: dict[str, str] = {}
        self._every: dict[str, frozenset[str]] = {}

    def stem(self, word: str) -> str:
        """Remove at most one ending of each layer (case, possessive, plural, word-forming), longest first,
        while the stem keeps ``min_stem`` letters; a hyphenated word changes its last part (іс-шараларын →
        іс-шара)."""
        if word not in self._stems:
            self._stems[word] = self._stem(word)
        return self._stems[word]

    def _stem(self, word: str) -> str:
        head, sep, word = word.rpartition("-")
        for layer in self.layers:
            for length, endings in layer:
                if len(word) - length >= self.min_stem and word[-length:] in endings:
                    word = word[:-length]
                    break
        return head + sep + word

    def all_of(self, text: str) -> frozenset[str]:
        """Every content stem of ``text`` (common words included)."""
        if text not in self._cache:
            stems = set()
            for word in self.phraser.lemmas(text):
                word = word.lower().strip("-")
                if not word or word in self.stop:
                    continue
                stem = self.stem(word)
                if len(stem) >= self.min_length and stem not in self.stop:
                    stems.add(stem)
            self._cache[text] = frozenset(stems)
        return self._cache[text]

    def stems(self, text: str) -> frozenset[str]:
        """Every stem of ``text``, stop words included (for naming what an item is: its verb class)."""
        if text not in self._every:
            self._every[text] = frozenset(self.stem(word.lower().strip("-")) for word in self.phraser.lemmas(text)
                                          if word.strip("-"))
        return self._every[text]

    def of(self, text: str) -> frozenset[str]:
        """The distinctive content stems of ``text``: without the card's common words."""
        return self.all_of(text) - self.common

    def learn_common(self, texts: Iterable[str], share: float) -> None:
        """Mark as common the stems used by more than ``share`` of ``texts`` (at least two of them)."""
        texts = list(texts)
        counts = Counter(stem for text in texts for stem in self.all_of(text))
        limit = max(2, share * len(texts))
        self.common = frozenset(stem for stem, count in counts.items() if count > limit)

    def shared(self, a: str, b: str) -> int:
        """How many distinctive stems two texts share."""
        return len(self.of(a) & self.of(b))
