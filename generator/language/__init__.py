"""Phrasing: grammatical Kazakh and Russian learning outcomes from ability and knowledge items.

Use it as a library::

    from generator.language import get_phraser
    phraser = get_phraser(code)          # built-in data; Workspace.load(path).phraser(code) for a workspace
    phraser.ability("Оқыту іс-шараларын ұйымдастыру және өткізу", "3412-0-003/F2/S1/A1")
    # Outcome(text='оқыту іс-шараларын ұйымдастыра және өткізе алады', kind='ability',
    #         verb='ұйымдастыру', bloom='create', source='rule')

The rules live in ``kk.py`` and ``ru.py`` (the phraser class a language pack names); every word list
they use is data in the pack's ``lexicon.yaml`` (``generator/languages/<code>/``), which a workspace
extends with ``phrasing/<code>.yaml``.  ``phrasing/overrides.yaml`` maps item ids to hand-written
outcomes, which always win.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.exceptions import PhrasingError

__all__ = ["Outcome", "Explanation", "Note", "Phraser", "get_phraser", "keeps_capital", "BLOOM_LEVELS",
           "PhrasingError"]

BLOOM_LEVELS = ("remember", "understand", "apply", "analyse", "evaluate", "create")


@dataclass(frozen=True)
class Outcome:
    """One learning outcome phrased from an ability or knowledge item."""

    text: str  # e.g. "оқыту іс-шараларын ұйымдастыра және өткізе алады"
    kind: str  # "ability" | "knowledge"
    verb: str | None  # lemma of the head verb ("ұйымдастыру", "білу", "организовывать") or None
    bloom: str  # one of BLOOM_LEVELS
    source: str  # "rule" | "policy" | "override"


def bloom_of_verbs(bloom: dict) -> dict[str, str]:
    """Verb lemma → Bloom level, from a lexicon's ``bloom`` table (a verb listed twice keeps the lower level)."""
    levels: dict[str, str] = {}
    for level in BLOOM_LEVELS:
        for verb in bloom.get(level, []):
            levels.setdefault(verb, level)
    return levels


@dataclass(frozen=True)
class Note:
    """One decision a rule made, for ``progen phrase --explain`` and ``progen lint``.

    ``data`` names the data file and key a methodologist changes to change the decision
    (``kk.yaml verb_stems.hidden_vowel``: the workspace's ``phrasing/kk.yaml``, over the pack's lexicon); ``warn`` marks what lint reports (a reading that
    was assumed, a last-resort fallback, an agreement the phraser could not repair).
    """

    rule: str  # short id: "head", "converb", "stem", "accusative", "policy", "agreement", …
    detail: str
    data: str = ""
    warn: bool = False

    def __str__(self) -> str:
        where = f" [{self.data}]" if self.data else ""
        return f"{'warning: ' if self.warn else ''}{self.rule}: {self.detail}{where}"


@dataclass(frozen=True)
class Explanation:
    """Why an item came out as it did: the outcome and the notes of every rule that fired."""

    item: str
    outcome: "Outcome"
    notes: tuple[Note, ...]

    @property
    def warnings(self) -> tuple[Note, ...]:
        return tuple(note for note in self.notes if note.warn)


@dataclass
class Result:
    """What a language's rules (``kk.py``, ``ru.py``) found: the text, its head lemmas, rule or policy."""

    text: str
    verbs: list[str] = field(default_factory=list)
    source: str = "rule"
    notes: list[Note] = field(default_factory=list)


class Phraser:
    """Phrases items of one language with a lexicon (built-in or a workspace's) and per-item overrides."""

    def __init__(self, pack, lexicon: Optional[dict] = None, overrides: Optional[dict[str, str]] = None,
                 files=None):
        """``pack``: a language code or :class:`~generator.languages.LanguagePack`; without ``lexicon``, the
        pack's built-in one. ``files``: the data files the lexicon and overrides came from (for hashing)."""
        from generator import languages

        if isinstance(pack, str):
            try:
                pack = languages.get_pack(pack)
            except languages.LanguageError as error:
                raise PhrasingError(f"Unknown phrasing language: {error}") from error
        self.lang = pack.code
        if lexicon is None:
            from generator.language.lexicon import builtin_lexicon

            lexicon, files = builtin_lexicon(pack)
        self._overrides = dict(overrides or {})
        self._files = list(files or [])
        self._impl = pack.phraser_class()(lexicon)

    def __repr__(self) -> str:
        return f"Phraser({self.lang!r})"

    def _best(self, lemmas: list[str]) -> tuple[str | None, str]:
        """The lemma with the highest Bloom level (the last one on a tie) and that level."""
        best_lemma, best_level = None, None
        for lemma in lemmas:
            level = self._impl.bloom(lemma)
            if best_level is None or BLOOM_LEVELS.index(level) >= BLOOM_LEVELS.index(best_level):
                best_lemma, best_level = lemma, level
        return best_lemma, best_level or self._impl.bloom_default

    def _override(self, kind: str, item_id: str | None) -> Outcome | None:
        if item_id is None or item_id not in self._overrides:
            return None
        text = self._overrides[item_id]
        verbs = self._impl.outcome_verbs(text)
        if kind == "knowledge" and not verbs:
            verbs = [self._impl.knows_verb]
        verb, bloom = self._best(verbs)
        if kind == "knowledge" and verb == self._impl.knows_verb:
            bloom = self._impl.knowledge_bloom(text, [verb])
        return Outcome(text, kind, verb, bloom, "override")

    def ability(self, text: str, item_id: str | None = None) -> Outcome:
        """A "can do" outcome (kk: "… алады", ru: "умеет …") from an ability item."""
        override = self._override("ability", item_id)
        if override:
            return override
        result = self._impl.ability(text)
        verb, bloom = self._best(result.verbs)
        if result.source == "policy":
            bloom = self._impl.policy_bloom
        return Outcome(result.text, "ability", verb, bloom, result.source)

    def knowledge(self, text: str, item_id: str | None = None) -> Outcome:
        """A "knows" outcome (kk: "… біледі", ru: "знает …") from a knowledge item."""
        override = self._override("knowledge", item_id)
        if override:
            return override
        result = self._impl.knowledge(text)
        verb = result.verbs[0] if result.verbs else None
        return Outcome(result.text, "knowledge", verb, self._impl.knowledge_bloom(text, result.verbs), result.source)

    def explain(self, kind: str, text: str, item_id: str | None = None) -> Explanation:
        """The outcome of an item with the notes of the rules that made it (``progen phrase --explain``)."""
        method = self.ability if kind == "ability" else self.knowledge
        outcome = method(text, item_id)
        if outcome.source == "override":
            files = ", ".join(str(p) for p in self._files if p.name == "overrides.yaml")
            notes = [Note("override", f"hand-written outcome for {item_id}", files)]
        else:
            notes = list(getattr(self._impl, kind)(text).notes)
            check = getattr(self._impl, "check", None)
            if check is not None and not any(n.rule == "policy" and n.warn for n in notes):
                notes += check(outcome.text, text)
        return Explanation(text, outcome, tuple(notes))

    def keeps_capital(self, text: str, names: frozenset[str] | set[str] = frozenset()) -> bool:
        """Must the first word of *text* keep its capital letter (a proper name, an abbreviation)?

        *names* are words the caller knows to be names (e.g. capitalised mid-sentence elsewhere in
        the standard); the item itself, the language's data and hunspell-kk's dictionary are consulted.
        """
        method = getattr(self._impl, "keeps_capital_text", None)
        if method is None:  # a pack whose phraser has no name rules: what the text itself shows
            from generator.language.names import NameEvidence
            from generator.language.tokens import tokenize

            return NameEvidence([], [], lambda word, name: word == name).why(tokenize(text), names) is not None
        return method(text, names)

    def topic(self, text: str) -> str:
        """A nominal topic heading from a knowledge item (… ерекшеліктерін білу → … ерекшеліктері)."""
        return self._impl.topic(text)

    # -- queries for the design stage: they read items and phrases, they change no outcome ------------
    def lemmas(self, text: str) -> list[str]:
        """The content words of an item as lemmas (ru: pymorphy3 normal forms; kk: lower-case words,
        which the design stage reduces to stems with its data). A language pack whose phraser class has
        no ``lemmas`` gets the lower-case words."""
        method = getattr(self._impl, "lemmas", None)
        if method is not None:
            return method(text)
        return [word.lower() for word in re.findall(r"\w+", text)]

    def inflect(self, phrase: str, case: str, source: str = "nominative") -> Optional[str]:
        """A noun phrase in ``source`` case put into ``case`` (nominative, genitive, dative, accusative,
        locative …), or None when the language cannot say it (the design stage then picks a sentence
        without that slot)."""
        method = getattr(self._impl, "inflect", None)
        if method is None:
            return phrase if case == source else None
        return method(phrase, case, source)

    def ability_heading(self, text: str, verb_nouns: Optional[dict] = None) -> Optional[str]:
        """An ability as a nominal heading where the item is not one (ru: «Определять требования» →
        «Определение требований»); None where the item already is one or cannot be converted."""
        method = getattr(self._impl, "ability_heading", None)
        return method(text, verb_nouns) if method is not None else None

    def ability_object(self, text: str) -> Optional[str]:
        """The object of an ability item in the nominative («оқыту іс-шаралары»), or None."""
        method = getattr(self._impl, "ability_object", None)
        return method(text) if method is not None else None

    def data_files(self) -> list[Path]:
        """Every data file this phraser read (built-in and workspace), for build hashing."""
        return list(self._files)

    def override_ids(self) -> frozenset[str]:
        return frozenset(self._overrides)


def get_phraser(lang: str, workspace=None) -> Phraser:
    """The phraser of *lang*: of the built-in data (made once), or of ``workspace`` (a Workspace or folder)."""
    from generator.workspace import Workspace

    return Workspace.of(workspace).phraser(lang)


def keeps_capital(text: str, lang: str, workspace=None, names=frozenset()) -> bool:
    """Must the first word of *text* keep its capital letter?  One rule for outcomes, topics and
    templates (``lower_first``): a proper name (data list, hunspell-kk's capitalised entries, a word
    the item itself or *names* shows capitalised mid-sentence, a name of several capitalised words),
    an abbreviation (ЖРО, ҚР), a Latin word, a quoted title."""
    return get_phraser(lang, workspace).keeps_capital(text, frozenset(names))
