"""Standard data files (``standard_data/<code>.<lang>.yaml``): write, load, validate.

The YAML is what a person reviews and what programs are generated from. Loading checks types
and keys (yaml_io) and then the structure: ids that match their place (items numbered from 1
without gaps), card codes that occur once, a language progen knows.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.exceptions import StandardDataError
from generator.standard import model as m
from generator.common.yaml_io import STANDARD_DATA_LIMITS, dump_yaml, line_of, load_yaml_located, problem_report
from generator.standard.text import has_words
from generator.common.files import write_atomic

HEADER = (
    "Professional standard data, produced by `progen import` from the published source.\n"
    "Review it against the source; edit item texts here if the source has a typo. Ids are stable:\n"
    "card code / F<function> / S<skill> / A<ability> or K<knowledge>."
)
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")


def standard_to_yaml(standard: m.Standard) -> str:
    return dump_yaml(standard, header=HEADER, omit_none=(m.Item, m.LegalRef, m.ImportNote))


def safe_code(code: str) -> str:
    """The code as an ASCII-safe file name part (the seed writes М84120 with a Cyrillic М)."""
    latin = unicodedata.normalize("NFC", code).translate(_LOOKALIKES)
    return re.sub(r"[^\w.-]+", "_", latin, flags=re.ASCII).strip("_") or "standard"


def default_filename(standard: m.Standard) -> str:
    return f"{safe_code(standard.code)}.{standard.language}.yaml"


def save_standard(standard: m.Standard, path: Path, keep_copy: bool = False) -> Path | None:
    """Write the YAML atomically; a file that cannot be written is a StandardDataError naming it.

    ``keep_copy``: a different file already there (a reviewed standard, fixed by hand) is first copied
    to ``<name>.bak-<timestamp>``, whose path is returned.
    """
    from generator.common.files import backup_copy

    path = Path(path)
    if path.is_dir():
        example = path / default_filename(standard)
        raise StandardDataError(f"{path}: is a folder; give the YAML file to write, e.g. {example}")
    text = standard_to_yaml(standard)
    try:
        copy = None
        if keep_copy and path.is_file() and path.read_bytes() != text.encode("utf-8"):
            copy = backup_copy(path)
        write_atomic(path, text)
    except OSError as error:
        raise StandardDataError(f"{path}: cannot write the standard data file: {error.strerror or error}") from error
    return copy


def load_standard(path: Path) -> m.Standard:
    """Load and fully validate a standard data file; every problem is listed with its line."""
    standard, lines = load_yaml_located(Path(path), m.Standard, what="standard data", limits=STANDARD_DATA_LIMITS)
    problems = structure_problems(standard)
    if problems:
        located = []
        for problem in problems:
            line = line_of(lines, problem.split(": ", 1)[0])
            located.append(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")
        raise StandardDataError(problem_report(str(path), located))
    return standard


_EMPTY = "is empty (only dashes, punctuation or invisible characters); write its text or remove it"


def text_problems(standard: m.Standard, cards_only: bool = False) -> list[str]:
    """Codes, names and titles without a word (only «—», punctuation or invisible characters)."""
    named = [] if cards_only else [("code", standard.code), ("title", standard.title)]
    for c_index, card in enumerate(standard.cards):
        where = f"cards[{c_index}]"
        named += [(f"{where}.code", card.code), (f"{where}.name", card.name)]
        named += [(f"{where}.{key}[{i}]", text) for key in ("personal_competencies", "other_names")
                  for i, text in enumerate(getattr(card, key))]
        for f_index, function in enumerate(card.functions):
            named.append((f"{where}.functions[{f_index}].title", function.title))
            named += [(f"{where}.functions[{f_index}].skills[{s_index}].title", skill.title)
                      for s_index, skill in enumerate(function.skills)]
    return [f"{path}: {_EMPTY}" for path, text in named if not has_words(text)]


def structure_problems(standard: m.Standard, whole: bool = True) -> list[str]:
    """Ids that do not match their place, duplicated card codes, cards without labour functions, empty
    item texts, unknown legal act kinds, a language that has no language pack; a standard without cards
    (``whole=False``: only a part of a standard is checked, as the batch build reads one card at a time)."""
    from generator.languages import codes

    problems: list[str] = []
    if standard.language not in codes():
        problems.append(f"language: '{standard.language}' is not one of {', '.join(codes())}")
    if whole and not standard.cards:
        problems.append("cards: the standard has no profession cards; import the standard again "
                        "(`progen import`) or restore its cards")
    seen_codes: set[str] = set()
    for c_index, card in enumerate(standard.cards):
        where = f"cards[{c_index}]"
        if card.code in seen_codes:
            problems.append(f"{where}.code: card {card.code} appears twice")
        seen_codes.add(card.code)
        if not card.functions:
            problems.append(f"{where}.functions: card {card.code} has no labour functions")
        for f_index, function in enumerate(card.functions):
            f_where = f"{where}.functions[{f_index}]"
            expected = m.function_id(card.code, function.number)
            if function.id != expected:
                problems.append(f"{f_where}.id: is '{function.id}', expected '{expected}'")
            for s_index, skill in enumerate(function.skills):
                s_where = f"{f_where}.skills[{s_index}]"
                expected = m.skill_id(card.code, function.number, skill.number)
                if skill.id != expected:
                    problems.append(f"{s_where}.id: is '{skill.id}', expected '{expected}'")
                for kind, items in (("ability", skill.abilities), ("knowledge", skill.knowledge)):
                    key = "abilities" if kind == "ability" else "knowledge"
                    for i_index, item in enumerate(items):
                        expected = m.item_id(skill.id, kind, i_index + 1)
                        if item.id != expected:
                            problems.append(f"{s_where}.{key}[{i_index}].id: is '{item.id}', expected '{expected}'")
                        if not has_words(item.text):
                            problems.append(f"{s_where}.{key}[{i_index}].text: {_EMPTY}")
                        if item.legal_ref and item.legal_ref.kind not in m.LEGAL_KINDS:
                            problems.append(f"{s_where}.{key}[{i_index}].legal_ref.kind: '{item.legal_ref.kind}' "
                                            f"is not one of {', '.join(m.LEGAL_KINDS)}")
    return problems + text_problems(standard, cards_only=not whole)
