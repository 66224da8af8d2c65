"""Lines and paragraphs from positioned characters (generator.ingest.pdf_text), on laid-out text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.pdf_text import Hints, build_lines, paragraphs

LETTER, SPACE, SIZE, LEFT = 6.0, 3.0, 12.0, 100.0


def _typeset(words: list[str], width: float, top: float = 100.0, spaces: bool = True) -> list[dict]:
    """Characters of ``words`` set left-aligned in a column ``width`` wide, wrapped as a typesetter
    wraps (a word goes to the next line when it does not fit), 14 points per line."""
    chars, x, y = [], LEFT, top
    for word in words:
        if x > LEFT and x + SPACE + len(word) * LETTER > LEFT + width:
            x, y = LEFT, y + 14
        elif x > LEFT:
            if spaces:
                chars.append({"text": " ", "x0": x, "x1": x + SPACE, "top": y, "bottom": y + 10, "size": SIZE})
            x += SPACE
        for letter in word:
            chars.append({"text": letter, "x0": x, "x1": x + LETTER, "top": y, "bottom": y + 10, "size": SIZE})
            x += LETTER
    return chars


_WORD = st.text(alphabet="абвгдеклмнопрстуя", min_size=1, max_size=9)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=40, unique=True), width=st.integers(60, 400),
       spaces=st.booleans())
def test_a_wrapped_paragraph_is_one_paragraph_with_its_words(words, width, spaces):
    words = [words[0].capitalize(), *words[1:]]
    found = paragraphs(build_lines(_typeset(words, width, spaces=spaces)), LEFT + width)
    assert [p.text(Hints()) for p in found] == [" ".join(words)]


def test_a_hard_break_before_a_word_that_would_have_fitted_starts_a_paragraph():
    chars = _typeset(["Знания"], 300) + _typeset(["Основы", "права"], 300, top=114)
    assert [p.text() for p in paragraphs(build_lines(chars), LEFT + 300)] == ["Знания", "Основы права"]


def test_a_list_item_goes_on_at_its_hanging_indent_and_the_next_number_starts_an_item():
    def line(text: str, x: float, y: float) -> list[dict]:
        return [{"text": ch, "x0": x + i * LETTER, "x1": x + (i + 1) * LETTER, "top": y, "bottom": y + 10,
                 "size": SIZE} for i, ch in enumerate(text) if ch != " "]

    chars = (line("1.", LEFT, 100) + line("Состав", LEFT + 18, 100) + line("ПО", LEFT + 18, 114)
             + line("2.", LEFT, 128) + line("Сеть", LEFT + 18, 128))
    found = paragraphs(build_lines(chars), LEFT + 60)
    assert [(p.marker.group(0), p.body()) for p in found] == [("1.", "Состав ПО"), ("2.", "Сеть")]


def test_a_compound_cut_at_its_hyphen_is_one_word_unless_the_document_writes_a_space_there():
    chars = _typeset(["Состав", "аппаратно-"], 100) + _typeset(["программного"], 200, top=114)
    found = paragraphs(build_lines(chars), LEFT + 100)
    assert found[0].text(Hints()) == "Состав аппаратно-программного"
    assert found[0].text(Hints(hyphen_space=True)) == "Состав аппаратно- программного"


def test_spaces_drawn_over_letters_are_not_word_breaks():
    chars = _typeset(["info@itk.kz"], 300)
    chars.append({"text": " ", "x0": chars[3]["x0"] + 1, "x1": chars[3]["x0"] + 4, "top": 100, "bottom": 110,
                  "size": SIZE})
    assert build_lines(chars)[0].text == "info@itk.kz"
