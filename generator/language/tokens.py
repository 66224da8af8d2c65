"""Splitting an item into words that keep their punctuation, and putting them back together.

A token is one whitespace-separated word: leading punctuation (quotes, an opening bracket), the
word itself, trailing punctuation (comma, full stop, closing quote or bracket).  Phrasing changes
the word of a few tokens and adds tokens; ``render`` joins them with single spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = "\"'«“„‘([{"
_CLOSING = "\"'»”’)]}.,;:!?…"
_TOKEN = re.compile(rf"^([{re.escape(_OPENING)}]*)(.*?)([{re.escape(_CLOSING)}]*)$", re.S)
QUOTES = "\"'«»“”„‘’"


@dataclass
class Token:
    pre: str
    core: str
    post: str

    @property
    def text(self) -> str:
        return f"{self.pre}{self.core}{self.post}"

    @property
    def lower(self) -> str:
        return self.core.lower()

    @property
    def plain(self) -> bool:
        """No punctuation on either side."""
        return not self.pre and not self.post


def tokenize(text: str) -> list[Token]:
    tokens = []
    for chunk in text.split():
        if chunk[0] not in _OPENING and chunk[-1] not in _CLOSING:  # most words: no punctuation around them
            tokens.append(Token("", chunk, ""))
            continue
        match = _TOKEN.match(chunk)
        pre, core, post = match.groups()
        if not core:  # punctuation only, e.g. "–" is a core but "," alone is not
            pre, core, post = "", chunk, ""
        # Abbreviations such as "т.б." keep their final full stop in the word.
        if post.startswith(".") and "." in core:
            core, post = core + ".", post[1:]
        tokens.append(Token(pre, core, post))
    return tokens


def render(tokens: list[Token]) -> str:
    return " ".join(token.text for token in tokens if token.text)


def strip_final_punctuation(tokens: list[Token]) -> None:
    """Drop a final full stop, semicolon or colon (items are list entries, outcomes get no stop)."""
    if tokens:
        last = tokens[-1]
        last.post = last.post.rstrip(".;:,!?… ")
        if not last.text:
            tokens.pop()


def split_trailing_parenthetical(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split ``… head (note, note)`` into the body and the parenthetical (which may be empty)."""
    if not tokens or ")" not in tokens[-1].post:
        return tokens, []
    depth = 0
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        depth += token.post.count(")") + token.core.count(")")
        depth -= token.pre.count("(") + token.core.count("(")
        if depth <= 0:
            if index == 0:
                return tokens, []
            return tokens[:index], tokens[index:]
    return tokens, []


def lower_first(tokens: list[Token], keep) -> None:
    """Lower-case the first letter of the outcome unless *keep(tokens)* says it is a name."""
    if not tokens:
        return
    first = tokens[0]
    if any(q in first.pre for q in QUOTES) or not first.core:
        return
    if first.core[0].isupper() and not keep(tokens):
        first.core = first.core[0].lower() + first.core[1:]
