"""Proper names in the sentences the design stage writes itself («Қазақстан Республикасының …» never
lower-cased).

Where such a sentence starts with text of the standard (a personal competence, an object, a task, an
education level), its first letter is lower-cased unless the first word must keep its capital. That
decision is the phrasing layer's one rule (:meth:`generator.language.Phraser.keeps_capital`: an
abbreviation or Latin word, the language's name list, hunspell's capitalised entries, a name of several
capitalised words, a quoted title), given the words the card itself capitalises mid-sentence
(:func:`generator.language.names.names_in`).
"""
from __future__ import annotations

from typing import Iterable

from generator.language.names import NameEvidence, names_in
from generator.language.tokens import tokenize

_NO_LANGUAGE = NameEvidence([], [], lambda word, name: word == name)  # abbreviations, Latin, several capitals


class ProperNames:
    """The names one card shows, for one language's phraser; without a phraser only what the text shows."""

    def __init__(self, phraser=None, texts: Iterable[str] = ()):
        self.phraser = phraser
        self.names = frozenset(names_in(texts))
        self._known: dict[str, bool] = {}

    def keeps_capital(self, text: str) -> bool:
        if text not in self._known:
            if self.phraser is None:
                self._known[text] = _NO_LANGUAGE.why(tokenize(text), self.names) is not None
            else:
                self._known[text] = self.phraser.keeps_capital(text, self.names)
        return self._known[text]

    def lower_first(self, text: str) -> str:
        """The text with its first letter lower-cased, unless its first word must keep its capital."""
        if not text or not text[:1].isupper() or self.keeps_capital(text):
            return text
        return text[:1].lower() + text[1:]
