"""Proper names at the start of an outcome or a heading: when the first word keeps its capital.

A first word is capitalised in the source for two reasons: it starts the item, or it is a name.
Only the second must survive lower-casing (``lower_first``).  The evidence, in order:

* an abbreviation (ЖРО, ҚР, ИТ), a Latin word (Excel), a number;
* the language's list of names (``proper_names`` in the pack's ``lexicon.yaml``), matched with the case and
  possessive endings a Kazakh name takes (Астанадағы, Республикасының — not the adjective Республикалық);
* the capitalised entries of hunspell-kk's dictionary, where it is installed (personal names);
* what the source shows: the next word is capitalised too (Іле Алатауы, Ыбырай Алтынсарин, Қазақстан
  Республикасы), or the same word appears capitalised later in the item or in *names*, the words the
  caller has seen capitalised mid-sentence elsewhere (:func:`names_in`; the design stage gives the
  card's own texts, so a card's program never depends on another card).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from generator.language.tokens import QUOTES, Token, tokenize

# the endings a Kazakh name takes: possessive (-ы, -сы) then a case (Республикасының, Астанадағы)
KK_NAME_ENDING = re.compile(
    r"^(?:ы|і|сы|сі)?(?:н|ны|ні|ды|ді|ты|ті|ның|нің|дың|дің|тың|тің|на|не|ға|ге|қа|ке|нда|нде|да|де|та|те"
    r"|ндағы|ндегі|дағы|дегі|тағы|тегі|нан|нен|дан|ден|тан|тен|мен|бен|пен)?$"
)
_LETTERS = re.compile(r"[^\w]", re.U)


def is_abbreviation(word: str) -> bool:
    letters = [c for c in word.split("-")[0] if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def is_latin(word: str) -> bool:
    return bool(re.match(r"[A-Za-z]", word))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not is_abbreviation(word) and not is_latin(word)


def kk_form_of(word: str, name: str) -> bool:
    """Is *word* the name *name* with Kazakh endings (Абайдың, Астанадағы, Республикасының)?"""
    return word == name or (word.startswith(name) and bool(KK_NAME_ENDING.match(word[len(name):])))


@lru_cache(maxsize=4)
def dictionary_names(path: str) -> frozenset[str]:
    """Capitalised entries of a hunspell dictionary whose lower-case form is not an entry too."""
    file = Path(path)
    if not file.is_file():
        return frozenset()
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    except OSError:
        return frozenset()
    entries = {line.split("/")[0].strip().lstrip("\ufeff") for line in lines}
    return frozenset(e for e in entries if e[:1].isupper() and e.lower() not in entries and len(e) > 2)


def names_in(texts: Iterable[str]) -> set[str]:
    """Words capitalised in the middle of a text (not first, not an abbreviation): the names a
    standard itself shows, for callers that decide capitals of other texts (topics, templates)."""
    found: set[str] = set()
    for text in texts:
        tokens = tokenize(text)
        for previous, token in zip(tokens, tokens[1:]):
            if not token.core[:1].isupper() or not token.core.isalpha():  # most words: not even capitalised
                continue
            if previous.post.endswith((".", "!", "?", ":")) or any(q in token.pre for q in QUOTES):
                continue
            if _capitalised(token.core):
                found.add(token.core)
    return found


class NameEvidence:
    """The checks above for one language; *forms_match(word, name)* compares a word with a name."""

    def __init__(self, names: list[str], dictionaries: list[str], forms_match):
        self.by_first: dict[str, list[list[str]]] = {}  # a name's first word → the names starting with it
        for name in names:
            words = name.split()
            self.by_first.setdefault(words[0], []).append(words)
        self.dictionaries = list(dictionaries)
        self.forms_match = forms_match

    def _listed(self, tokens: list[Token]) -> str | None:
        first = tokens[0].core
        for size in range(len(first), 1, -1):  # the name is the first word or a beginning of it
            for name in self.by_first.get(first[:size], ()):
                if len(tokens) < len(name):
                    continue
                cores = [t.core for t in tokens[: len(name)]]
                if cores[:-1] == name[:-1] and self.forms_match(cores[-1], name[-1]):
                    return " ".join(name)
        return None

    def _in_dictionary(self, word: str) -> str | None:
        for path in self.dictionaries:
            entries = dictionary_names(path)
            if word in entries:
                return path
            for size in range(len(word) - 1, 2, -1):
                if word[:size] in entries and self.forms_match(word, word[:size]):
                    return path
        return None

    def why(self, tokens: list[Token], names: frozenset[str] | set[str] = frozenset()) -> str | None:
        """Why the first word keeps its capital, or None when it is an ordinary word."""
        if not tokens or not tokens[0].core:
            return None
        first = tokens[0].core
        if is_abbreviation(first) or is_latin(first) or not first[0].isalpha():
            return "an abbreviation, a Latin word or a number"
        listed = self._listed(tokens)
        if listed:
            return f"a name in the data list ({listed})"
        nxt = tokens[1] if len(tokens) > 1 else None
        if nxt is not None and not tokens[0].post and nxt.plain and _capitalised(nxt.core):
            return f"part of a name of capitalised words ({first} {nxt.core})"
        later = {t.core for t in tokens[1:] if _capitalised(t.core)} | set(names)
        if any(self.forms_match(first, word) or self.forms_match(word, first) for word in later if len(word) > 2):
            return "the source capitalises it in the middle of a sentence"
        dictionary = self._in_dictionary(first)
        if dictionary:
            return f"a capitalised entry of {dictionary}"
        return None
