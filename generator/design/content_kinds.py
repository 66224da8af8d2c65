"""The content kind of a learning outcome: what sort of thing is learnt, so a session chooses activities that fit
(a case for analysis, guided practice for software, a role play for communication — never for software).

The rule, all of it data (``design.yaml`` ``sessions.content_kind_default`` and the language pack's
``design.yaml`` ``content_kind_words``):

1. an item that cites a normative legal act (or an outcome of the legal module) is ``normative``;
2. else the first kind, in the order the data lists them, one of whose stems begins a word of the item's
   text — a stem of several words matches consecutive words, a stem written in capitals matches that whole
   word in capitals only («ПО» is software, «по» a preposition);
3. else a knowledge item takes the most frequent kind of its module's abilities (knowledge serves the
   practice of its skill), and an ability takes the default kind.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterable, Optional

_WORD_START = r"(?<![^\W_])"


def _stem_body(stem: str) -> str:
    """A stem as a regular expression from the start of a word: each of its words begins a word of the text
    (in capitals: is a whole word)."""
    parts = []
    for part in stem.split():
        if len(part) > 1 and part.isupper():  # an abbreviation: the whole word, as written
            parts.append(f"(?-i:{re.escape(part)})(?![^\\W_])")
        else:
            parts.append(re.escape(part.lower()) + r"[^\W_]*(?:-[^\W_]+)*")
    return r"[^\w]+".join(parts)


@functools.lru_cache(maxsize=256)
def _kind_patterns(words: tuple) -> tuple:
    """One pattern per kind: a word start, then any of its stems (the start is checked once per place, not
    once per stem: the same matches, several times faster)."""
    return tuple((kind, re.compile(_WORD_START + "(?:" + "|".join(_stem_body(s) for s in stems) + ")", re.IGNORECASE))
                 for kind, stems in words if stems)


def kind_by_words(text: str, words_by_kind: dict[str, list[str]]) -> Optional[str]:
    """The first kind (in data order) with a stem in ``text``, or None."""
    key = tuple((kind, tuple(stems)) for kind, stems in words_by_kind.items())
    for kind, pattern in _kind_patterns(key):
        if pattern.search(text):
            return kind
    return None


def outcome_kinds(modules: Iterable, item_text: dict[str, str], legal_items: set[str],
                  words_by_kind: dict[str, list[str]], default: str) -> dict[str, str]:
    """Outcome code → content kind, for every outcome of ``modules`` (see the module docstring).

    ``item_text``: item id → text of the standard; ``legal_items``: ids of items that cite a legal act.
    """
    kinds: dict[str, str] = {}
    for module in modules:
        pending = []
        for outcome in module.outcomes:
            if module.kind == "legal" or set(outcome.source_ids) & legal_items:
                kinds[outcome.code] = "normative"
                continue
            text = " ".join(item_text.get(sid, "") for sid in outcome.source_ids) or outcome.text
            found = kind_by_words(text, words_by_kind)
            if found is not None:
                kinds[outcome.code] = found
            elif outcome.kind == "knowledge":
                pending.append(outcome)
            else:
                kinds[outcome.code] = default
        abilities = Counter(kinds[o.code] for o in module.outcomes if o.kind == "ability" and o.code in kinds)
        fallback = abilities.most_common(1)[0][0] if abilities else default
        for outcome in pending:
            kinds[outcome.code] = fallback
    return kinds


__all__ = ["kind_by_words", "outcome_kinds"]
