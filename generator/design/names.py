"""Proper names: a word the design stage must never lower-case («Қазақстан Республикасының …»).

Where a sentence of the design stage starts with text of the standard (a personal competence, an
object, a task), its first letter may be lower-cased — unless the first word is a name. A word is a name
when the standard itself shows it capitalised where a sentence does not start (the item says so), when
the language's name list has it (the phrasing lexicon's ``proper_names``), when the Kazakh (or other)
hunspell dictionary lists it with a capital (``names_dictionary`` of the language's design wording, read
where hunspell is installed), or when it is an abbreviation or a Latin word.

(The phrasing layer keeps names at the start of outcomes by its own rule; this is the design stage's
check for the sentences it writes itself.)
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterable

DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/share/myspell"))
_WORD = re.compile(r"[^\W\d_][\w-]*")


@functools.lru_cache(maxsize=8)
def dictionary_names(name: str) -> frozenset[str]:
    """Capitalised entries of the hunspell dictionary ``name`` (kk_KZ), lower-cased; empty where absent."""
    if not name:
        return frozenset()
    for folder in DICTIONARY_DIRS:
        path = folder / f"{name}.dic"
        if path.is_file():
            words = set()
            for line in path.read_text("utf-8", errors="replace").splitlines()[1:]:
                word = line.split("/", 1)[0].strip()
                if word[:1].isupper() and not word.isupper():
                    words.add(word.lower())
            return frozenset(words)
    return frozenset()


def _abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


class ProperNames:
    """The names of one standard (and language): ask :meth:`is_name`, or :meth:`lower_first` a text."""

    def __init__(self, texts: Iterable[str], known: Iterable[str] = (), dictionary: str = ""):
        seen: set[str] = set()
        for text in texts:
            for sentence in re.split(r"[.!?;:]\s+|\n", text):
                words = _WORD.findall(sentence)
                for word in words[1:]:  # the first word of a sentence says nothing
                    if word[:1].isupper() and not _abbreviation(word):
                        seen.add(word.lower())
        self.stems = frozenset(seen | {n.lower() for name in known for n in name.split()[:1]})
        self.dictionary = dictionary_names(dictionary)
        self._by_start: dict[str, list[str]] = {}
        for stem in self.stems:
            self._by_start.setdefault(stem[:4], []).append(stem)

    def is_name(self, word: str) -> bool:
        """A name, an abbreviation or a Latin word (compared without its endings: Қазақстанның)."""
        word = word.strip("«»\"'()[]")
        if not word:
            return False
        if _abbreviation(word) or re.match(r"[A-Za-z]", word):
            return True
        lower = word.lower()
        if lower in self.dictionary:
            return True
        for stem in self._by_start.get(lower[:4], ()):  # a name and the word share their first letters
            short, long_ = sorted((stem, lower), key=len)
            if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 6:
                return True
        return False

    def lower_first(self, text: str) -> str:
        """Lower-case the first letter unless the first word is a name, or the word after it is
        capitalised (a name of several words: «Қазақстан Республикасының …», «Закон Республики …»)."""
        words = text.split()
        if not words or not words[0][:1].isupper():
            return text
        if self.is_name(words[0]):
            return text
        if len(words) > 1 and words[1][:1].isupper() and not _abbreviation(words[1]):
            return text
        return text[:1].lower() + text[1:]
