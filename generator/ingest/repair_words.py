"""Word-level repairs of item texts after import, each recorded so that lint can report it.

What the publication broke inside words:

* words glued where a line break was lost, both halves in lower case («описаниемкаждогопроцесса»):
  a token that pymorphy3's dictionary does not know is split into dictionary words (Russian only);
* a hyphen followed by a space inside a compound («аппаратно- программного» → «аппаратно-программного»),
  unless a conjunction follows (the suspended hyphen of «тепло- и водоснабжение»);
* Latin letters that look Cyrillic inside a Cyrillic word («Cетевых» with a Latin C);
* a Latin word run into a Cyrillic one («языкUML», «XMLи», «ИспользоватьAPI»).

A dictionary word is never split, and neither is a compound whose first part is a known combining
form (авто-, энерго-, тепло- …, pymorphy3's list plus ``combining_forms``) or an adverb (высоко-).
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from generator.common.bounded_yaml import load_plain

_CYR = "а-яёәғқңөұүһі"
_LOOKALIKES = str.maketrans("ACEHKMOPTXaceopxyB", "АСЕНКМОРТХасеорхуВ")
_TOKEN = re.compile(r"\S+")
_CYR_THEN_LATIN = re.compile(rf"(?<=[{_CYR}]{{2}})(?=[A-Z][A-Za-z])")
_LATIN_THEN_CYR = re.compile(rf"(?<=[A-Z]{{2}})(?=[{_CYR}])")
_SPLIT_HYPHEN = re.compile(rf"(?<=[{_CYR}{_CYR.upper()}A-Za-z])- (?=([{_CYR}a-z]+))")
_WORD = re.compile(rf"[{_CYR}{_CYR.upper()}]+")


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("generator.ingest").joinpath("data/repairs.yaml").read_text("utf-8")
    return load_plain(text, "repairs.yaml") or {}


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=1)
def _combining_forms() -> tuple[str, ...]:
    from pymorphy3.lang.ru.config import KNOWN_PREFIXES

    extra = _data().get("combining_forms") or []
    return tuple(sorted({p.rstrip("-") for p in KNOWN_PREFIXES} | set(extra), key=len, reverse=True))


@functools.lru_cache(maxsize=20000)
def is_dictionary_word(word: str) -> bool:
    """In pymorphy3's dictionary as it is (not guessed, not a compound it analysed by analogy)."""
    return _morph().word_is_known(word.lower())


_SINGLE_LETTER_WORDS = {"в", "с", "к", "о", "у", "и", "а"}
_RARE = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Arch", "Infr", "Slng", "Erro", "Dist", "Init"}


@functools.lru_cache(maxsize=20000)
def common_word(word: str) -> bool:
    """A dictionary word with an ordinary reading (not only a name, an abbreviation or a rare form:
    «инг», «онагр» would make nonsense splits)."""
    if not is_dictionary_word(word):
        return False
    readings = [p for p in _morph().parse(word) if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
    rare_animal = word in (_data().get("glued_split") or {}).get("never_parts", [])
    return not rare_animal and any(not (_RARE & set(str(p.tag).replace(" ", ",").split(","))) for p in readings)


# The cases Russian prepositions govern: the word after a preposition in a split must be in one of them.
_GOVERNS = {
    "в": {"accs", "loct", "loc2"}, "во": {"accs", "loct"}, "на": {"accs", "loct", "loc2"}, "о": {"loct"},
    "об": {"loct"}, "с": {"gent", "ablt", "accs"}, "со": {"gent", "ablt"}, "к": {"datv"}, "у": {"gent"},
    "по": {"datv", "loct", "accs"}, "для": {"gent"}, "из": {"gent"}, "от": {"gent"}, "при": {"loct"},
    "до": {"gent"}, "за": {"accs", "ablt"}, "без": {"gent"}, "через": {"accs"}, "под": {"accs", "ablt"},
    "над": {"ablt"}, "между": {"ablt", "gent"}, "после": {"gent"}, "перед": {"ablt"},
}


def _governed(parts: tuple[str, ...]) -> bool:
    """After a preposition comes a word in a case it governs (not «венд о ринг»); a short last word
    may be an uninflected modifier of the next token («для веб разработки»)."""
    for preposition, following in zip(parts, parts[1:]):
        cases = _GOVERNS.get(preposition)
        if cases is None or following is parts[-1] and len(following) <= 3:
            continue
        if not any(p.tag.case in cases for p in _morph().parse(following)):
            return False
    return True


def _long_enough(part: str, last: bool) -> bool:
    """A content word of a split has 4+ letters (3 at the end: «для веб»); short ones are function
    words (на, по, их, в)."""
    if _morph().parse(part)[0].tag.POS in ("PREP", "CONJ", "PRCL", "NPRO"):
        return True
    return len(part) >= (3 if last else 4)


def compound(lower: str) -> bool:
    """A combining form + a dictionary word (энергоаудит, автозапчастей, высоконагруженных)."""
    for prefix in _combining_forms():
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2:
            rest = lower[len(prefix):].lstrip("о")
            if is_dictionary_word(rest) or _morph().parse(rest)[0].tag.POS in ("ADJF", "PRTF", "NOUN") and \
                    type(_morph().parse(rest)[0].methods_stack[0][0]).__name__ == "DictionaryAnalyzer":
                return True
    return False


@functools.lru_cache(maxsize=4096)
def split_glued(word: str) -> tuple[str, ...] | None:
    """Split an unknown Cyrillic token into 2–4 dictionary words, or None.

    The split with the fewest parts wins, then the one whose shortest part is longest.  Refused:
    a first part that is a combining form or an adverb (высоконагруженных, автозапчастей), a
    one-letter part other than a preposition or conjunction, a one-letter last part.
    """
    lower = word.lower()
    minimum = (_data().get("glued_split") or {}).get("min_length", 9)
    if len(lower) < minimum or not re.fullmatch(rf"[{_CYR}]+", lower) or is_dictionary_word(lower):
        return None
    if compound(lower):
        return None
    best: tuple[str, ...] | None = None

    def part_ok(part: str) -> bool:
        return (len(part) > 1 or part in _SINGLE_LETTER_WORDS) and common_word(part)

    @functools.lru_cache(maxsize=None)
    def splits(start: int, left: int) -> list[tuple[str, ...]]:
        if start == len(lower):
            return [()]
        if left == 0:
            return []
        found = []
        for end in range(len(lower), start, -1):
            part = lower[start:end]
            if part_ok(part):
                found += [(part, *rest) for rest in splits(end, left - 1)]
        return found

    for parts in splits(0, 4):
        if len(parts) < 2 or len(parts[-1]) == 1 or not all(_long_enough(p, p is parts[-1]) for p in parts):
            continue
        if not _governed(parts):
            continue
        first = _morph().parse(parts[0])[0].tag.POS
        if first in ("ADVB", "ADJS", "PRCL", "INTJ", "COMP") or parts[0] in _SINGLE_LETTER_WORDS:
            continue
        key = (len(parts), -min(len(p) for p in parts))
        if best is None or key < (len(best), -min(len(p) for p in best)):
            best = parts
    if best is None:
        return None
    out, offset = [], 0
    for part in best:  # keep the source's capitals
        out.append(word[offset: offset + len(part)])
        offset += len(part)
    return tuple(out)


_OBLIQUE_ENDINGS = ("ого", "его", "ому", "ему", "ой", "ей", "ых", "их", "ым", "им", "ами", "ями", "ом", "ем",
                    "ах", "ях", "ии", "ию", "ки", "ти", "ни", "ры", "ды")


def glued_suspect(word: str) -> bool:
    """An unknown token that starts with an oblique-case dictionary word of 5+ letters followed by 4+
    more letters: probably glued, although no split into dictionary words was found (a typo in
    one half: «рекурсивногоинерфейса»)."""
    lower = word.lower()
    if len(lower) < 12 or not re.fullmatch(rf"[{_CYR}]+", lower) or is_dictionary_word(lower) or compound(lower):
        return False
    for end in range(len(lower) - 5, 4, -1):
        head = lower[:end]
        if not head.endswith(_OBLIQUE_ENDINGS) or not is_dictionary_word(head):
            continue
        first = _morph().parse(head)[0].tag
        if first.POS == "ADJF" or first.POS == "NOUN" and first.case != "nomn":
            return True
    return False


def _cyrillic_lookalikes(word: str) -> str:
    """«Cетевых» → «Сетевых»: single Latin letters with a Cyrillic twin inside a Cyrillic word
    (never a Latin word such as PHP run into a Cyrillic one)."""
    letters = [c for c in word if c.isalpha()]
    latin = [i for i, c in enumerate(word) if "a" <= c.lower() <= "z"]
    cyrillic = sum(1 for c in letters if re.match(rf"[{_CYR}]", c, re.I))
    if not latin or cyrillic < 2 or any(word[i] not in "ACEHKMOPTXaceopxyB" for i in latin):
        return word
    if any(b - a == 1 for a, b in zip(latin, latin[1:])):
        return word
    return word.translate(_LOOKALIKES)


def repair_text(text: str, language: str) -> tuple[str, list[str]]:
    """The repaired text and a list of «before → after» for each repair."""
    changes: list[str] = []
    from generator.ingest.vocabulary import ingest_data

    conjunctions = set(ingest_data().get(language, {}).get("suspended_hyphen_words") or [])

    def hyphen(match: re.Match[str]) -> str:
        if match.group(1) in conjunctions:
            return match.group(0)
        changes.append(f"«{text[max(0, match.start() - 12):match.start()].split()[-1]}- {match.group(1)}» → joined")
        return "-"

    text = _SPLIT_HYPHEN.sub(hyphen, text)

    def lookalike(match: re.Match[str]) -> str:
        word = match.group(0)
        fixed = _cyrillic_lookalikes(word)
        if fixed != word:
            changes.append(f"«{word}» → «{fixed}» (Latin letters that look Cyrillic)")
        return fixed

    text = _TOKEN.sub(lookalike, text)
    repairs = _word_repairs(language)
    for pattern in (_CYR_THEN_LATIN,) + ((_LATIN_THEN_CYR,) if "latin_run_in" in repairs else ()):
        for match in list(pattern.finditer(text))[::-1]:
            token = re.search(r"\S+$", text[: match.start()]).group() + re.match(r"\S*", text[match.start():]).group()
            changes.append(f"«{token}» → split before its {'Latin' if pattern is _CYR_THEN_LATIN else 'Cyrillic'} part")
            text = text[: match.start()] + " " + text[match.start():]
    if "split_glued_words" in repairs:
        text = _split_dictionary(text, changes)
    return text, changes


def _word_repairs(language: str) -> tuple[str, ...]:
    """The word repairs the language's pack asks for (pack.yaml ``word_repairs``); none for an unknown one."""
    from generator.languages import LanguageError, get_pack

    try:
        return get_pack(language).word_repairs
    except LanguageError:
        return ()


def _split_dictionary(text: str, changes: list[str]) -> str:
    def split(match: re.Match[str]) -> str:
        parts = split_glued(match.group(0))
        if parts is None:
            return match.group(0)
        changes.append(f"«{match.group(0)}» → «{' '.join(parts)}»")
        return " ".join(parts)

    return _WORD.sub(split, text)


def repair_items(standard) -> int:
    """Repair every ability and knowledge item in place; keep the text before repair in
    ``repaired_from``.  Returns the number of items repaired."""
    count = 0
    for *_, item in standard.iter_items():
        repaired, changes = repair_text(item.text, standard.language)
        if changes and repaired != item.text:
            item.repaired_from = item.text
            item.text = repaired
            count += 1
    return count
