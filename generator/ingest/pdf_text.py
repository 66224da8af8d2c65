"""Text of a PDF page region as a person reads it: characters → lines → paragraphs.

A PDF's text layer is positioned glyphs, not paragraphs: a justified line often has no space
characters at all (each word is placed on its own), a wrapped line and a hard line break look the
same, and a list's numbers are plain text. This module rebuilds what the Word file had:

* **Words**: a space character or a gap wider than a fifth of the font size ends a word.
* **Lines**: characters whose vertical middles fall in the same band, left to right.
* **Paragraphs**: a line continues the paragraph above when the line above was full — the first
  word of this line would not have fitted after it, so the line wrapped — and starts a new one
  otherwise (a hard break or a paragraph end). A list marker («1.», «2)», «•») always starts a
  paragraph, and lines at a list item's hanging indent belong to that item. A larger vertical gap
  than the region's line pitch, a label line («Знания:»), a field line («Председатель: …») or a
  classifier code line («62.01.1 …») starts a paragraph too.
* **Joins**: wrapped lines are joined with a space, except inside a word — a compound cut at its
  hyphen, or a word too long for a narrow column cut anywhere. Where print hides whether the
  author typed a space, the document's own spelling decides (:class:`Hints`: the words it
  writes whole, the Russian dictionary for a Russian document, its habit with «- » at line ends).

The region's right edge (a table cell's inner edge or the page's text margin) is given by the
caller, so this module knows nothing of tables or pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

# typographic ligatures that some fonts map to one code point (ﬁ → fi); nothing else is normalised,
# so «№» and the like stay as they are
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_SPACES = {" ", "\u00a0", "\u2002", "\u2003", "\u2009", "\t"}
_BULLETS = "•·▪◦‣\uf0b7\uf0a7\uf0d8\uf076\uf06e\uf0fc-–—*"
# a marker alone as the first word of a line: «1.», «12)», «а)», a bullet glyph
MARKER = re.compile(rf"^(?:(?P<number>\d{{1,3}})(?P<delimiter>[.)])|(?P<letter>[a-zа-я])\)|(?P<bullet>[{re.escape(_BULLETS)}]))$")
_GLUED_MARKER = re.compile(r"^(\d{1,3}[.)])(?=[^\W\d_]|[«\"“])")
_HYPHENS = ("-", "\u2011")
_DASHES = ("–", "—")
_DASH_BULLETS = ("-", "–", "—", "*")
_KAZAKH = set("әғқңөұүһі")
_RUSSIAN_WORD = re.compile(r"^[а-яё]+(?:-[а-яё]+)*$")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Word:
    x0: float
    x1: float
    text: str
    glued: bool = False  # a list marker printed against its text («10.Жастар»)


@dataclass
class Line:
    """One printed line: its words left to right and its box (PDF points, top-down)."""

    top: float
    bottom: float
    size: float
    words: list[Word] = field(default_factory=list)
    page_break: bool = False  # the first line of a region part that continues on a new page
    page: int = 0
    trailing_space: bool = False  # a space character after the last word

    def ends_in_hyphen(self) -> bool:
        """The line ends in a word broken at its hyphen («аппаратно-», «5-»)."""
        last = self.words[-1].text if self.words else ""
        return last.endswith(_HYPHENS) and len(last) > 1 and last[-2].isalnum()

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    def marker(self) -> Optional[re.Match[str]]:
        """The list marker that opens the line, when it stands apart from the text after it. A dash
        is a bullet only before a gap wider than a space (a tab): «– СБШ 7-ші деңгейі» in running
        text is no list item."""
        if len(self.words) < 2:
            return None
        found = MARKER.match(self.words[0].text)
        if found and found.group(0) in _DASH_BULLETS and self.words[1].x0 - self.words[0].x1 < 0.45 * self.size:
            return None
        return found


@dataclass
class Paragraph:
    lines: list[Line]
    marker: Optional[re.Match[str]] = None
    left: float = 0.0  # the region's text edges
    right: float = 0.0

    @property
    def marker_x(self) -> float:
        return self.lines[0].x0

    @property
    def text_x(self) -> float:
        """Where the item's text starts (its hanging indent), after the marker."""
        first = self.lines[0]
        return first.words[1].x0 if self.marker and len(first.words) > 1 else first.x0

    def body(self, hints: Optional["Hints"] = None) -> str:
        """The paragraph's text without its marker; wrapped lines joined as the author typed them
        (a space between lines, none where the break is inside a word: see :meth:`_in_word`)."""
        hints = hints or Hints()
        parts: list[str] = []
        for index, line in enumerate(self.lines):
            words = line.words[1:] if index == 0 and self.marker else line.words
            text = " ".join(word.text for word in words)
            if not text:
                continue
            previous = self.lines[index - 1] if index else None
            if parts and previous is not None and self._in_word(previous, line, text, hints, parts[-1].split()[-1]):
                parts[-1] += text
            else:
                parts.append(text)
        return " ".join(parts)

    def _in_word(self, previous: Line, line: Line, text: str, hints: "Hints", before: str) -> bool:
        """Is the break between ``previous`` and ``line`` inside a word (no space to put back)?

        * At a word's own hyphen («аппаратно-» / «программного»), unless the source had a space
          after the hyphen: a space character printed after it says so; where none is printed (a
          justified line never prints one) the document's habit decides (:attr:`Hints.hyphen_space`).
          A hyphen alone on a line (a narrow column) joins both neighbours the same way.
        * After a dash that ends the line («программно –» / «аппаратной») when the document writes
          that dash glued to the next word elsewhere («–аппаратной»).
        * Where a word too long for a narrow column was cut («Конфигури» / «рование»): the line
          above is full to the edge, the two pieces would not fit on a line together, and the
          document's own words do not tell two words apart here (:meth:`Hints.one_word`).

        ``before`` is the last word so far, pieces joined before it included.
        """
        last, first = previous.words[-1], line.words[0]
        if previous.trailing_space:
            return False
        if text == "-" and _LETTER.match(last.text[-1:]):
            return not hints.hyphen_space
        if not _LETTER.match(text[:1]):
            return False
        if last.text == "-" and len(previous.words) == 1:
            return not hints.hyphen_space
        if previous.ends_in_hyphen():
            return not hints.hyphen_space
        if last.text in _DASHES:
            return (last.text + first.text).lower() in hints.tokens
        if last.text.endswith("/"):
            return True  # «Ақпаратты/» / «деректерді»: no space after a slash
        return self._cut_word(previous, line, text, hints, before)

    def _cut_word(self, previous: Line, line: Line, text: str, hints: "Hints", before: str) -> bool:
        """A word too long for a narrow column is cut where the line ends («Конфигури» / «рование»).

        A cut is possible when the next piece starts in lower case, the two pieces would not fit on
        one line together, and the line above is full to within a letter — or holds nothing but a
        piece that is no word. Then the words decide (:meth:`Hints.one_word`); where they do not,
        only a piece alone on its line is taken for part of a long word."""
        last, first = previous.words[-1], line.words[0]
        letter = (first.x1 - first.x0) / max(len(first.text), 1)  # about the width of one letter
        own = previous.words[1:] if self.marker and previous is self.lines[0] else previous.words
        alone = len(own) == 1 and hints.is_word(before) is False
        width = self.right - (self.text_x if self.marker else self.left)  # a list item's lines hang
        if not (text[:1].islower() and _LETTER.match(last.text[-1:])
                and (last.x1 - last.x0) + (first.x1 - first.x0) > width
                and (self.right - previous.x1 < letter or alone)):
            return False
        known = hints.one_word(before, first.text)
        return known if known is not None else len(own) == 1

    def text(self, hints: Optional["Hints"] = None) -> str:
        """The paragraph's text with its marker as printed («1. …»)."""
        body = self.body(hints)
        if not self.marker:
            return body
        return f"{self.marker.group(0)}{'' if self.lines[0].words[0].glued else ' '}{body}"


def _key(word: str) -> str:
    return re.sub(r"[^\w-]+", "", word.lower())


@dataclass(frozen=True)
class Hints:
    """What the whole document tells about its own spelling, for joining broken lines."""

    hyphen_space: bool = False  # the document writes «аппаратно- программного» where lines end
    words: frozenset = frozenset()  # words seen whole (inside lines), lower case, letters only
    russian: bool = False  # the document is in Russian (no Kazakh letters): the dictionary can tell words
    tokens: frozenset = frozenset()  # the same words as printed (with punctuation), lower case

    def one_word(self, before: str, after: str) -> Optional[bool]:
        """Are the pieces either side of a cut one word? Yes when the joined piece is a word (of the
        document in any ending, or the beginning of one: it may be cut again; or of the dictionary,
        «коммуникативным» + «и») or the piece before is no word; no when the piece before is a word
        and the piece after is or begins one; None when neither is known."""
        if self.known(before + after) or self.is_word(before + after):
            return True
        word = self.is_word(before)
        if word is False:
            return True
        if word and (self.known(after) or self.is_word(after)):
            return False
        return None

    def is_word(self, text: str) -> Optional[bool]:
        """Is ``text`` a whole word: seen whole in the document, or in the Russian dictionary (for a
        Russian document)? None when nothing can tell (a Kazakh document, a word not in Cyrillic)."""
        word = _key(text)
        if word in self.words:
            return True
        if not self.russian or not _RUSSIAN_WORD.match(word):
            return None
        from generator.ingest.repair_words import is_dictionary_word

        return is_dictionary_word(word)

    def known(self, text: str) -> bool:
        return self._known(_key(text))

    def _known(self, word: str) -> bool:
        if word in self.words:
            return True
        stem = word[:max(3, len(word) - 2)]  # «поддержка» is known from «поддержки»
        return len(word) >= 3 and any(known.startswith(stem) for known in self.words)


def document_hints(lines: list[Line]) -> Hints:
    """:class:`Hints` from every line of a document.

    A justified line prints no trailing space, so most line ends cannot tell whether «- » was
    typed; a left-aligned line prints it. One line that shows the space is taken as the document's
    habit (documents converted from an earlier PDF keep «- » exactly where its lines ended). The
    words seen whole are those inside lines (not a line's first or last word, which may be cut).
    """
    inner = [word.text.lower() for line in lines for word in line.words[1:-1]]
    words = frozenset(_key(word) for word in inner if _key(word))
    hyphen_space = any(line.trailing_space and line.ends_in_hyphen() for line in lines)
    letters = "".join(word.text for line in lines for word in line.words).lower()
    cyrillic = sum(1 for ch in letters if "а" <= ch <= "я" or ch == "ё")
    kazakh = sum(1 for ch in letters if ch in _KAZAKH)
    return Hints(hyphen_space=hyphen_space, words=words, tokens=frozenset(inner),
                 russian=cyrillic > 0 and kazakh < 0.002 * cyrillic)


# --- characters → lines --------------------------------------------------------------------------
def build_lines(chars: list[dict]) -> list[Line]:
    """Group upright characters into lines (by vertical overlap) and words (by spaces and gaps)."""
    rows: list[list[dict]] = []
    for char in sorted((c for c in chars if c.get("upright", True)), key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        for row in reversed(rows[-3:]):
            top, bottom = row[0]["top"], max(c["bottom"] for c in row)
            if top - 0.5 <= middle <= bottom + 0.5:
                row.append(char)
                break
        else:
            rows.append([char])
    lines = [_line(row) for row in rows]
    return sorted((line for line in lines if line.words), key=lambda line: line.top)


def _is_space(char: dict) -> bool:
    return char["text"] in _SPACES or not char["text"].strip()


def _real_spaces(chars: list[dict]) -> list[dict]:
    """Drop space characters drawn on top of letters (a hyperlink's text is sometimes laid over
    with spaces): a real space lies between its neighbours, not across them."""
    glyphs = [c for c in chars if not _is_space(c)]
    kept = []
    for char in chars:
        if _is_space(char) and any(min(char["x1"], g["x1"]) - max(char["x0"], g["x0"]) > 0.5 for g in glyphs):
            continue
        kept.append(char)
    return kept


def _line(chars: list[dict]) -> Line:
    chars = _real_spaces(sorted(chars, key=lambda c: c["x0"]))
    size = max(c["size"] for c in chars)
    line = Line(top=min(c["top"] for c in chars), bottom=max(c["bottom"] for c in chars), size=size)
    groups: list[list[dict]] = []
    joining = False
    for char in chars:
        if _is_space(char):
            line.trailing_space = bool(groups)
            joining = False
            continue
        line.trailing_space = False
        if joining and char["x0"] - max(c["x1"] for c in groups[-1]) <= 0.2 * size:
            groups[-1].append(char)
        else:
            groups.append([char])
        joining = True
    for index, group in enumerate(groups):
        glued = _GLUED_MARKER.match("".join(c["text"] for c in group)) if index == 0 else None
        if glued:  # «10.Жастар»: a list number printed without a gap is a marker all the same
            cut = len(glued.group(1))
            line.words.append(_word(group[:cut], glued=True))
            group = group[cut:]
        word = _word(group)
        if word.text:
            line.words.append(word)
    return line


def _word(chars: list[dict], glued: bool = False) -> Word:
    text = "".join(c["text"] for c in chars).translate(_LIGATURES).replace("\u00ad", "")
    return Word(chars[0]["x0"], max(c["x1"] for c in chars), text, glued)


# --- lines → paragraphs --------------------------------------------------------------------------
def line_pitch(lines: list[Line]) -> Optional[float]:
    """The distance between lines of one paragraph: the smallest step from a line to the next."""
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if not b.page_break and b.top > a.top]
    return min(steps) if steps else None


def paragraphs(lines: list[Line], right: float, pitch: Optional[float] = None) -> list[Paragraph]:
    """Paragraphs of one region (a cell, or the body text between tables) whose text ends at ``right``."""
    result: list[Paragraph] = []
    pitch = pitch or line_pitch(lines)
    left = min((line.x0 for line in lines), default=0.0)
    for line in lines:
        marker = line.marker()
        current = result[-1] if result else None
        if current is None or marker or not continues(current, line, left, right, pitch):
            result.append(Paragraph([line], marker, left, right))
        else:
            current.lines.append(line)
    return result


def continues(paragraph: Paragraph, line: Line, left: float, right: float, pitch: Optional[float]) -> bool:
    """Does ``line`` go on with ``paragraph`` (a wrap, or a line at a list item's hanging indent)?"""
    previous = paragraph.lines[-1]
    if _opens_paragraph(previous.text, line.text) or _parallel(paragraph, line):
        return False
    if paragraph.marker and abs(line.x0 - paragraph.text_x) <= 2.5:
        return True  # at the item's hanging indent: the item goes on (a wrap or a break inside it)
    if not line.page_break and pitch and line.top - previous.top > 1.3 * pitch:
        return False  # space between paragraphs
    return not _fits_after(previous, line, left, right)


_FIELD = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\s:]*(?:\s+[^\s:]+){0,3}:(?:\s|$)")


# a line that starts with a classifier code: ОКЭД «62.01.1», a speciality «1304000» or «6B06101»,
# a qualification «130404 3»
_CODE = re.compile(r"^(?:\d{2}(?:\.\d{1,3})+\.?|\d{6,7}|\d[A-Z]\d{2,5})(?:\s+\S|$)")


_TYPED_ITEM = re.compile(r"^\d{1,2}[.)](?!\d)\S")  # «3.Архитектуру»: an item typed without a space


def _parallel(paragraph: Paragraph, line: Line) -> bool:
    """A line that starts with the same two capitalised words as the paragraph (not a list item)
    is the next entry of a list of names («Специалист по разработке …» / «Специалист по …»)."""
    if paragraph.marker:
        return False
    head = [word.text for word in paragraph.lines[0].words[:2]]
    return len(head) == 2 and head[0][:1].isupper() and [word.text for word in line.words[:2]] == head


def _opens_paragraph(before: str, text: str) -> bool:
    """A label line («Знания:», «Трудовая функция 2»), a field line («Председатель: Омаров Ж.Б.»)
    or a classifier code line («62.01.1 Разработка …») starts a paragraph, and so does any
    capitalised line after a line that ends in a colon: text does not wrap into those."""
    from generator.ingest.cell_lines import is_label

    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    if before.endswith(":") or _CODE.match(text) or _TYPED_ITEM.match(text):
        return True
    return text[:1].isupper() and (bool(_FIELD.match(text)) or is_label(text))


def _fits_after(previous: Line, line: Line, left: float, right: float) -> bool:
    """Would the first word of ``line`` have fitted at the end of ``previous``? Then the line above
    ended by a hard break. A centred line has its free space on both sides."""
    free_right = right - previous.x1
    free_left = previous.x0 - left
    slack = free_right + free_left if free_left > 3 and abs(free_left - free_right) <= 4 else free_right
    first = line.words[0]
    return first.x1 - first.x0 + 0.25 * line.size + 1.0 <= slack
