"""Language packs: everything that differs between languages, one folder per language.

A pack is a folder named by its code (``kk/``, ``ru/``) holding ``pack.yaml`` — the language's name, the
Word language tag, its plural rule, the format words of a spec, the class that phrases outcomes — and its
data files, each the built-in layer a workspace may change:

* ``lexicon.yaml`` — phrasing data (workspace: ``phrasing/<code>.yaml``);
* ``labels.yaml`` — headings and labels of every document kind and of the exports
  (workspace: ``templates/labels.yaml`` under ``<code>:``);
* ``design.yaml`` — the wording of the design rules (workspace: ``design.yaml`` under ``<code>:``);
* ``ingest.yaml`` — the labels of published standards, for the importer (when the language has them);
* ``feedback.yaml`` — the participant feedback form and the program-evaluation section (workspace:
  ``feedback.yaml`` under ``<code>:``);
* ``organisation.yaml`` — the paragraphs about sessions, groups, online and blended study, conditions and
  the explanatory note (workspace: ``organisation.yaml`` under ``<code>:``).

A pack that lacks some data (activity texts, feedback or organisation texts) names another pack in
``fallback:`` whose data stands in; ``letters:`` lists letters that mark texts of the language (a data
check reports such letters in another language's block, and a long text of the language without one).

Adding a language is adding a folder here (or :func:`register_pack` for one kept elsewhere) and, if no
existing phraser fits, a phraser class. Everything else — command-line choices, validation, builds, the
template labels — reads this registry, never a list of codes.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from generator.exceptions import GeneratorError

PACKS_DIR = Path(__file__).resolve().parent
PACK_FILE = "pack.yaml"


def _one_other(number: int) -> str:
    return "one" if number == 1 else "many"


def _east_slavic(number: int) -> str:
    n = abs(number)
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


# import repairs inside words a pack may ask for (pack.yaml `word_repairs`; generator/ingest/repair_words.py):
# split_glued_words — a token the language's dictionary does not know split into known words (pymorphy3:
# Russian); latin_run_in — a Cyrillic word run into a Latin one split («XMLи»)
WORD_REPAIRS = ("split_glued_words", "latin_run_in")

# plural rule name (pack.yaml `plural`) → form of a noun after a number: one | few | many
PLURAL_RULES: dict[str, Callable[[int], str]] = {"one_other": _one_other, "east_slavic": _east_slavic}


@dataclass
class SampleSpec:
    standard: str  # standard data YAML, relative to the pack folder
    card: str


@dataclass
class PackFile:
    """The shape of ``pack.yaml`` (checked with file:line:key like all progen data)."""

    code: str
    name: str
    native_name: str
    word_tag: str
    plural: str
    formats: list[str]
    phraser: str
    lexicon_open_keys: list[str] = field(default_factory=list)
    action_pattern: Optional[str] = None
    knowing_words: list[str] = field(default_factory=list)
    word_repairs: list[str] = field(default_factory=list)
    sample: Optional[SampleSpec] = None
    fallback: Optional[str] = None
    letters: str = ""


@dataclass(frozen=True)
class LanguagePack:
    """One language: its settings and the folder of its data files."""

    code: str
    name: str
    native_name: str
    folder: Path
    word_tag: str
    plural: str
    formats: tuple[str, ...]
    phraser: str  # "module:Class"
    lexicon_open_keys: tuple[str, ...] = ()
    action_pattern: Optional[str] = None
    knowing_words: tuple[str, ...] = ()
    word_repairs: tuple[str, ...] = ()  # import repairs inside words (WORD_REPAIRS) this language needs
    sample_standard: Optional[Path] = None
    sample_card: Optional[str] = None
    fallback: Optional[str] = None  # the pack whose data stands in where this one has none
    letters: str = ""  # letters that mark a text of this language

    def data_file(self, name: str) -> Path:
        """``<folder>/<name>.yaml`` (it may not exist: a pack need not have every kind of data)."""
        return self.folder / f"{name}.yaml"

    def phraser_class(self) -> type:
        module_name, _, class_name = self.phraser.partition(":")
        try:
            return getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError) as error:
            raise LanguageError(f"{self.folder / PACK_FILE}: phraser: cannot load '{self.phraser}' "
                                f"({error})") from error

    def plural_form(self, number: int) -> str:
        """``one``, ``few`` or ``many``: which form of a noun follows ``number``."""
        return PLURAL_RULES[self.plural](int(number))

    def reads_like_action(self, text: str) -> bool:
        """Whether an item reads like an action (a lint check on swapped lists of abilities and knowledge)."""
        if not self.action_pattern or not re.search(self.action_pattern, text, re.IGNORECASE):
            return False
        words = re.sub(r"[^\w-]+$", "", text).split()
        return not words or words[-1].lower() not in self.knowing_words


class LanguageError(GeneratorError):
    """A language pack is missing or broken, or a language code is unknown."""


def load_pack(folder: Path, builtin: bool = False) -> LanguagePack:
    """Read ``<folder>/pack.yaml``; every problem is reported with the file and line. A built-in pack's
    folder is named by its code (that is how the registry finds it)."""
    from generator.common.yaml_io import load_yaml
    from generator.exceptions import StandardDataError

    folder = Path(folder)
    path = folder / PACK_FILE
    try:
        data = load_yaml(path, PackFile, what="language pack")
    except StandardDataError as error:
        raise LanguageError(str(error)) from error
    problems = []
    if builtin and data.code != folder.name:
        problems.append(f"{path}: code: '{data.code}' differs from the folder's name '{folder.name}'")
    if data.plural not in PLURAL_RULES:
        problems.append(f"{path}: plural: '{data.plural}' is not one of {', '.join(PLURAL_RULES)}")
    unknown = [name for name in data.word_repairs if name not in WORD_REPAIRS]
    if unknown:
        problems.append(f"{path}: word_repairs: unknown {', '.join(unknown)}; known: {', '.join(WORD_REPAIRS)}")
    if not data.formats:
        problems.append(f"{path}: formats: give at least one format word")
    if data.fallback == data.code:
        problems.append(f"{path}: fallback: a pack cannot fall back on itself")
    if ":" not in data.phraser:
        problems.append(f"{path}: phraser: expected 'module:Class', got '{data.phraser}'")
    if problems:
        raise LanguageError("\n".join(problems))
    sample = (folder / data.sample.standard).resolve() if data.sample else None
    return LanguagePack(
        code=data.code, name=data.name, native_name=data.native_name, folder=folder, word_tag=data.word_tag,
        plural=data.plural, formats=tuple(data.formats), phraser=data.phraser,
        lexicon_open_keys=tuple(data.lexicon_open_keys), action_pattern=data.action_pattern,
        knowing_words=tuple(w.lower() for w in data.knowing_words), word_repairs=tuple(data.word_repairs),
        sample_standard=sample, sample_card=data.sample.card if data.sample else None, fallback=data.fallback,
        letters="".join(dict.fromkeys(data.letters.replace(" ", ""))))


_REGISTRY: dict[str, LanguagePack] = {}
_BUILTIN_LOADED = False


def _registry() -> dict[str, LanguagePack]:
    global _BUILTIN_LOADED
    if not _BUILTIN_LOADED:
        for folder in sorted(PACKS_DIR.iterdir()):
            if (folder / PACK_FILE).is_file() and folder.name not in _REGISTRY:
                _REGISTRY[folder.name] = load_pack(folder, builtin=True)
        _BUILTIN_LOADED = True
    return _REGISTRY


def builtin_codes() -> tuple[str, ...]:
    """Codes of the packs shipped with progen, without reading them (for command-line choices)."""
    return tuple(sorted(f.name for f in PACKS_DIR.iterdir() if (f / PACK_FILE).is_file()))


def packs() -> dict[str, LanguagePack]:
    """Every registered pack by code: the built-in ones and those added by :func:`register_pack`."""
    return dict(_registry())


def codes() -> tuple[str, ...]:
    return tuple(_registry())


def get_pack(code: str) -> LanguagePack:
    registry = _registry()
    if code not in registry:
        raise LanguageError(f"unknown language '{code}'; languages: {', '.join(registry)}")
    return registry[code]


def data_chain(code: str, packs_by_code: Optional[dict[str, LanguagePack]] = None) -> list[LanguagePack]:
    """The pack of ``code`` and the packs it falls back on, in order (a cycle or unknown code is an error)."""
    known = packs_by_code if packs_by_code is not None else _registry()
    chain: list[LanguagePack] = []
    current: Optional[str] = code
    while current is not None:
        if current not in known:
            where = f"{chain[-1].folder / PACK_FILE}: fallback: " if chain else ""
            raise LanguageError(f"{where}unknown language '{current}'; languages: {', '.join(known)}")
        if any(pack.code == current for pack in chain):
            raise LanguageError(f"{chain[0].folder / PACK_FILE}: fallback: the packs fall back on each other "
                                f"({' → '.join(p.code for p in chain)} → {current})")
        chain.append(known[current])
        current = known[current].fallback
    return chain


def register_pack(pack_or_folder) -> LanguagePack:
    """Add a language (a :class:`LanguagePack` or the folder of one); the same code replaces the old one."""
    pack = pack_or_folder if isinstance(pack_or_folder, LanguagePack) else load_pack(Path(pack_or_folder))
    _registry()[pack.code] = pack
    return pack


def unregister_pack(code: str) -> None:
    """Forget a pack added with :func:`register_pack` (the built-in ones come back on the next use)."""
    global _BUILTIN_LOADED
    _registry().pop(code, None)
    if (PACKS_DIR / code / PACK_FILE).is_file():
        _BUILTIN_LOADED = False


__all__ = ["LanguagePack", "LanguageError", "PLURAL_RULES", "builtin_codes", "codes", "data_chain", "get_pack",
           "load_pack", "packs", "register_pack", "unregister_pack"]
