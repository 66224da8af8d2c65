"""Reading past the registry's mistakes: the most likely reading, and a note that says what was assumed.

A methodologist cannot fix a registry's file, so a numbering mistake no longer stops the import:

* a labour function or task (skill) number used twice with two different titles: the second is a
  function or task of its own — numbered as the card's list of functions numbers that title, else
  with the next free number;
* the same number and title again: the same function or task goes on (a table drawn in pieces);
* a task, or abilities and knowledge, before any labour function heading (the heading is missing or
  in a form no label matches): they belong to the labour function whose heading comes next, or to
  an unnamed one titled like its first task.

Each case is an :class:`~generator.standard.model.ImportNote` with the source line; the card parser
completes the note's id when the card's code is known.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from generator.standard import model as m


class Notebook:
    """The notes one card parser takes; ``where(line)`` names a source line."""

    def __init__(self, where: Callable[[Optional[int]], str]):
        self.where = where
        self.notes: list[m.ImportNote] = []

    def add(self, line: Optional[int], code: str, message: str, ref: Optional[str] = None) -> m.ImportNote:
        note = m.ImportNote(where=self.where(line), code=code, message=message, id=ref)
        self.notes.append(note)
        return note

    def settle(self, card_code: str) -> list[m.ImportNote]:
        """The notes with their ids made whole (``F2/S1`` → ``2523-0-001/F2/S1``)."""
        for note in self.notes:
            note.id = f"{card_code}/{note.id}" if note.id else card_code
        return self.notes


def title_key(text: str) -> str:
    return re.sub(r"[^\w]+", "", text.lower().replace("ё", "е"))


def same_title(first: str, second: str) -> bool:
    """The same title, written alike (case, spaces, punctuation), or one cut short of the other."""
    a, b = title_key(first), title_key(second)
    return not a or not b or a == b or a.startswith(b) or b.startswith(a)


def free_number(used: set[int], after: int, title: str = "",
                listed: Optional[list[m.ListedFunction]] = None) -> tuple[int, bool]:
    """The number a function or task whose number is taken most likely has: the number the card's
    list gives its title, if free (then True), else the first free number after ``after``."""
    for entry in listed or []:
        if entry.number not in used and title and same_title(entry.title, title):
            return entry.number, True
    number = after + 1
    while number in used:
        number += 1
    return number, False


def renumbered(kind: str, number: int, new: int, first_title: str, title: str, by_list: bool, of: str = "") -> str:
    """«task 2 of labour function 1 is described twice with different titles (…); read the second as task 3 …»."""
    why = "the card's list of labour functions gives that title this number" if by_list else "the next free number"
    return (f"{kind} {number}{of} is described twice with different titles ('{first_title[:50]}' and "
            f"'{title[:50]}'); read the second as {kind} {new} ({why})")


def new_function(functions: list[m.LabourFunction], number: int, title: str, line: int, notebook: Notebook,
                 listed: list[m.ListedFunction]) -> m.LabourFunction:
    """A labour function added to ``functions``; a number another function has (with another title)
    is changed to the most likely one (:func:`free_number`), noted."""
    existing = next((f for f in functions if f.number == number), None)
    if existing is not None:
        used = {f.number for f in functions}
        new, by_list = free_number(used, max(used), title, listed)
        notebook.add(line, "duplicate-number", renumbered("labour function", number, new, existing.title, title,
                                                          by_list), f"F{new}")
        number = new
    entry = next((f for f in listed if f.number == number), None)
    function = m.LabourFunction(id="", number=number, title=title, mandatory=entry.mandatory if entry else True)
    functions.append(function)
    return function


def skill_place(function: m.LabourFunction, number: int, title: str, line: int, notebook: Notebook,
                word: str) -> tuple[Optional[m.Skill], int]:
    """Where a task/skill heading belongs: (the skill of ``function`` that goes on — same number and
    title — or None, and the number a new skill gets: its own, or the next free one when another
    skill has it, noted). ``word`` names it: «task» (layout B) or «skill» (2023)."""
    existing = next((s for s in function.skills if s.number == number), None)
    if existing is not None and same_title(existing.title, title):
        return existing, number
    if existing is not None:
        used = {s.number for s in function.skills}
        new, _by_list = free_number(used, max(used))
        notebook.add(line, "duplicate-number", renumbered(word, number, new, existing.title, title, False,
                                                          f" of labour function {function.number}"),
                     f"F{function.number}/S{new}")
        number = new
    return None, number


class Orphans:
    """Tasks or items met before any labour function heading: kept in a function of their own
    until a heading names it."""

    def __init__(self, notebook: Notebook):
        self.notebook = notebook
        self.function: Optional[m.LabourFunction] = None
        self.note: Optional[m.ImportNote] = None
        self.line: Optional[int] = None

    def open(self, functions: list[m.LabourFunction], line: int, what: str) -> m.LabourFunction:
        number = max((f.number for f in functions), default=0) + 1
        self.function = m.LabourFunction(id="", number=number, title="")
        self.line = line
        self.note = self.notebook.add(line, "before-function", f"{what} comes before any labour function "
                                      f"heading; read as part of labour function {number}", f"F{number}")
        functions.append(self.function)
        return self.function

    def adopt(self, number: int, title: str, line: int, used: set[int]) -> Optional[m.LabourFunction]:
        """The heading that follows the orphans names their function (if its number is free)."""
        function, self.function = self.function, None
        if function is None or function.title or (number != function.number and number in used):
            return None
        function.number, function.title = number, title
        self.note.message = (f"{self.note.message.split('; read as')[0]}; read as part of labour function "
                             f"{number} '{title[:50]}', whose heading follows at {self.notebook.where(line)}")
        self.note.id = f"F{number}"
        return function

    def close(self) -> None:
        """No heading came: the function is titled like its first task."""
        function, self.function = self.function, None
        if function is not None and not function.title:
            function.title = function.skills[0].title if function.skills else ""
            self.note.message += " (no heading names it: titled like its first task)"
