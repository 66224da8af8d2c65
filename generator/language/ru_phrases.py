"""Russian noun phrases for phrasing: parse adjectives + noun in a case and put them in another.

When a noun changes case (the genitive object of «Анализ информации» becomes the accusative of
«анализировать информацию»), everything that agreed with it follows: the adjectives before it, and a
participle after it — with or without the comma the source forgot, and after the noun's own complements
(«информации о работе БД, полученной» → «информацию о работе БД, полученную»).  A participle that
agrees with a nearer noun of the noun's genitive complement stays with that noun («причины отклонений,
выявленных»).  Where the source itself lost agreement («неисправности, возникающих»), the participle's
number wins («неисправности, возникающие»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.language.tokens import Token

CYRILLIC = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*-?$")
COORDINATORS = ("и", "или")
DETERMINERS = ("его", "её", "ее", "их")  # indeclinable possessives inside a noun phrase
_ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|ых|их|ыми|ими)(?:ся|сь)?$")
QUANTIFIERS = ("не", "менее", "более", "свыше", "до", "около", "порядка")


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def match_case(source: str, form: str) -> str:
    """Keep the source's capital and its spelling of е/ё."""
    if "ё" not in source.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    if source[:1].isupper():
        form = form[:1].upper() + form[1:]
    return form


def is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Phrase:
    """Adjectives + noun found at a place: token indices, their parses, and the index after them."""

    adjectives: list
    noun_index: int
    noun: object | None  # a pymorphy Parse, or None for an indeclinable abbreviation
    end: int


@dataclass
class Converted:
    """A noun the phraser put in another case: where it is, its old parse, its new grammemes."""

    index: int
    old: object
    number: str
    gender: str | None
    animacy: str
    participle: str | None = None  # «полученной → полученную»: a participle that followed the noun


class RussianMorph:
    """pymorphy3 with a cache, and the noun-phrase machinery over it."""

    def __init__(self, np_adverbs: set[str], abbreviations: dict[str, str]):
        self.morph = analyzer()
        self.np_adverbs = np_adverbs
        self.abbreviations = abbreviations
        self._cache: dict[str, list] = {}

    # --- words -------------------------------------------------------------------------------
    def parses(self, word: str) -> list:
        if word not in self._cache:
            try:
                self._cache[word] = self.morph.parse(word)
            except (KeyError, ValueError):  # pymorphy3 fails on letters without a Unicode name
                self._cache[word] = []
        return self._cache[word]

    def find(self, word: str, pos: set[str], case: str | None = None):
        for parse in self.parses(word):
            if parse.tag.POS in pos and (case is None or case in parse.tag):
                return parse
        return None

    def pos(self, word: str) -> str | None:
        found = self.parses(word.lower())
        return str(found[0].tag.POS) if found else None

    def is_infinitive(self, word: str) -> bool:
        return self.pos(word) == "INFN"

    def content_word(self, word: str) -> bool:
        """Not a preposition, conjunction or particle (pymorphy also offers rare noun readings)."""
        found = self.parses(word)
        return bool(found) and found[0].tag.POS not in ("PREP", "CONJ", "PRCL", "INTJ") and len(word) > 2

    def known(self, word: str) -> bool:
        """In pymorphy3's dictionary, or a compound of dictionary words (ресурсоёмких); not a guess."""
        found = self.parses(word.lower())
        return bool(found) and type(found[0].methods_stack[0][0]).__name__ == "DictionaryAnalyzer"

    def suspicious(self, word: str) -> bool:
        """A lower-case word pymorphy3 can only read as a name it guessed (занния, внешенго): a typo."""
        found = self.parses(word.lower())
        return (word[:1].islower() and bool(found) and not self.known(word)
                and bool({"Name", "Surn", "Patr"} & set(str(found[0].tag).replace(" ", ",").split(","))))

    # --- noun phrases ------------------------------------------------------------------------
    def noun_phrase(self, tokens: list[Token], start: int, case: str) -> Phrase | None:
        """Adjectives + noun in *case* from *start*.

        Adjectives may be coordinated ("системного и прикладного ПО") and preceded by degree adverbs
        ("наиболее ресурсоемких запросов") or a possessive (их подачи); the noun may be an indeclinable
        abbreviation.
        """
        adjectives = []
        index = start
        while index < len(tokens):
            token = tokens[index]
            if token.pre and index > start:
                return None
            word = token.core
            lower = word.lower()
            if lower in self.np_adverbs or lower in DETERMINERS or (lower.endswith("-") and CYRILLIC.match(word)):
                index += 1
                continue
            if adjectives and lower in COORDINATORS and token.plain and index == adjectives[-1][0] + 1:
                index += 1
                continue
            if is_abbreviation(word):
                return Phrase(adjectives, index, None, index + 1)
            if "/" in word:  # «информации/данных»: alternatives, each in the case
                parts = [self.find(part, {"NOUN"}, case) for part in lower.split("/") if CYRILLIC.match(part)]
                ok = len(parts) == lower.count("/") + 1 and all(parts)
                return Phrase(adjectives, index, parts[0], index + 1) if ok else None
            if not CYRILLIC.match(word) or not self.content_word(lower):
                return None
            adjective = self.find(lower, {"ADJF", "PRTF"}, case)
            noun = self.find(lower, {"NOUN"}, case)
            if adjective is not None and token.post in ("", ",") and (
                noun is None or adjective.score > noun.score or self._noun_follows(tokens, index, adjective, case)
            ):
                if self._adjective_continues(tokens, index, case):
                    adjectives.append((index, adjective))
                    index += 1
                    continue
            if noun is None and adjective is not None and adjective.tag.POS == "PRTF" and "plur" in adjective.tag:
                noun = adjective  # обучающихся, пострадавшим: a participle used as a noun (people)
            if noun is None or self.suspicious(word):
                return None  # never inflect a word that is only a guess at a name (a typo)
            return Phrase(adjectives, index, noun, index + 1)
        return None

    def _noun_follows(self, tokens: list[Token], index: int, adjective, case: str) -> bool:
        """«зерновых культур»: a word that is also a noun is an adjective before an agreeing noun."""
        if index + 1 >= len(tokens) or tokens[index].post:
            return False
        noun = self.find(tokens[index + 1].lower, {"NOUN"}, case)
        return noun is not None and noun.tag.number == adjective.tag.number

    def _adjective_continues(self, tokens: list[Token], index: int, case: str) -> bool:
        following = index + 1
        if tokens[index].post == ",":  # "нормативные, правовые акты": two adjectives, not participles
            if following >= len(tokens) or self.pos(tokens[index].lower) != "ADJF" or self.pos(tokens[following].lower) != "ADJF":
                return False
            following += 1
        elif following < len(tokens) and tokens[following].lower in COORDINATORS:
            following += 1  # "системного и прикладного"
        if following >= len(tokens):
            return False
        nxt = tokens[following]
        return is_abbreviation(nxt.core) or nxt.lower in DETERMINERS or bool(
            CYRILLIC.match(nxt.core) and self.content_word(nxt.lower) and self.find(nxt.lower, {"NOUN", "ADJF", "PRTF"}, case)
        )

    def _abbreviation_gender(self, word: str) -> str | None:
        gender = self.abbreviations.get(word.lower())
        if gender is None:
            for parse in self.parses(word.lower()):
                if "Abbr" in parse.tag and parse.tag.POS == "NOUN":
                    return str(parse.tag.gender) if parse.tag.gender else None
        return gender

    def agree(self, word: str, parse, case: str, number: str, gender: str | None, animacy: str) -> str | None:
        """*word* (an adjective or participle) in *case*, agreeing with a noun of these grammemes."""
        grammemes = {case, number}
        if number == "sing" and gender in ("masc", "femn", "neut"):
            grammemes.add(gender)
        if case == "accs" and (number == "plur" or gender == "masc"):
            grammemes.add(animacy)
        form = parse.inflect(grammemes) or parse.inflect(grammemes - {"anim", "inan"})
        return match_case(word, form.word) if form is not None else None

    def inflect_phrase(self, tokens: list[Token], phrase: Phrase, case: str, number: str | None = None):
        """([(index, new word)], Converted | None) putting *phrase* into *case*; None if impossible."""
        changes = []
        converted = None
        if phrase.noun is None:  # indeclinable abbreviation
            gender = self._abbreviation_gender(tokens[phrase.noun_index].core)
            if phrase.adjectives and gender is None:
                return None
            number, animacy = ("plur" if gender == "plur" else "sing"), "inan"
        else:
            wanted = {case} | ({number} if number else set())
            if phrase.noun.tag.POS != "NOUN" and case == "accs":
                wanted |= {"anim"}
            form = phrase.noun.inflect(wanted)
            if form is None:
                return None
            word = tokens[phrase.noun_index].core
            if "/" in word:
                alternatives = [self.find(part, {"NOUN"}, phrase.noun.tag.case).inflect({case}) for part in word.lower().split("/")]
                if not all(alternatives):
                    return None
                changes.append((phrase.noun_index, match_case(word, "/".join(a.word for a in alternatives))))
            else:
                changes.append((phrase.noun_index, match_case(word, form.word)))
            number = str(form.tag.number or "sing")
            gender = str(form.tag.gender) if form.tag.gender else None
            animacy = str(form.tag.animacy or ("anim" if phrase.noun.tag.POS != "NOUN" else "inan"))
            converted = Converted(phrase.noun_index, phrase.noun, number, gender, animacy)
        for index, adjective in phrase.adjectives:
            word = self.agree(tokens[index].core, adjective, case, number, gender, animacy)
            if word is None:
                return None
            changes.append((index, word))
        return changes, converted

    # --- participles after a noun --------------------------------------------------------------
    def participle(self, word: str, case: str):
        """A participle (or adjective) reading of *word* in *case* that is not also a noun."""
        if not CYRILLIC.match(word) or not _ADJECTIVE_ENDING.search(word.lower()):
            return None  # not even shaped like one: no need to parse it
        lower = word.lower()
        if self.find(lower, {"NOUN"}, case) or self.pos(lower) in ("NOUN", "PREP", "CONJ", "INFN", "VERB"):
            return None
        return self.find(lower, {"PRTF", "ADJF"}, case)

    @staticmethod
    def agrees(parse, noun) -> bool:
        """Does a participle parse agree with a noun parse in number (and gender in the singular)?"""
        if parse.tag.number != noun.tag.number:
            return False
        return noun.tag.number == "plur" or parse.tag.gender == noun.tag.gender or noun.tag.gender is None

    def following_participle(self, tokens: list[Token], phrase: Phrase, source: str) -> int | None:
        """The index of a participle that agrees (in *source*) with the phrase's noun: right after it,
        or after a comma that ends the noun's genitive complement and prepositional phrases."""
        noun = phrase.noun
        if noun is None:
            return None
        index = phrase.end
        if index + 1 < len(tokens) and not tokens[index - 1].post and tokens[index].plain:
            candidate = self.participle(tokens[index].core, source)
            following = self.pos(tokens[index + 1].lower)
            if candidate is not None and candidate.tag.POS == "PRTF" and self.agrees(candidate, noun) \
                    and following in ("PREP", "ADVB", "NOUN"):
                return index  # «Терминология используемая в …»: the source forgot the comma
        comma = next((j for j in range(phrase.end - 1, len(tokens)) if tokens[j].post), None)
        if comma is None or tokens[comma].post != "," or comma + 1 >= len(tokens) or tokens[comma + 1].pre:
            return None
        candidate = self.participle(tokens[comma + 1].core, source)  # parse the words between only if needed
        if candidate is None:
            return None
        for token in tokens[phrase.end: comma + 1]:  # «причины отклонений, выявленных»: the nearer noun wins
            if CYRILLIC.match(token.core) and not is_abbreviation(token.core) and self.pos(token.lower) == "NOUN":
                rival = self.find(token.lower, {"NOUN"}, source)
                if rival is not None and self.agrees(candidate, rival):
                    return None
        plural_error = noun.tag.number == "sing" and candidate.tag.number == "plur"
        return comma + 1 if self.agrees(candidate, noun) or plural_error else None

    def convert_chain(self, tokens: list[Token], start: int, source: str, target: str,
                      across_complements: bool = False) -> list[Converted] | None:
        """Put the noun phrase(s) at *start* from *source* into *target*, coordinated ones too, with
        the participles that agree with them.  *across_complements*: coordinated phrases may follow
        the first one's genitive complement («Методы тестирования и модель …»), for nominative lists.
        Returns what was converted (None: nothing could be)."""
        index = start
        changes: list[tuple[int, str]] = []
        converted: list[Converted] = []
        while True:
            phrase = self.noun_phrase(tokens, index, source)
            if phrase is None:
                break
            number = self._number_from_participle(tokens, phrase, source)
            result = self.inflect_phrase(tokens, phrase, target, number)
            if result is None:
                break
            phrase_changes, noun = result
            changes.extend(phrase_changes)
            if noun is not None:
                converted.append(noun)
                participle = self.following_participle(tokens, phrase, source)
                if participle is not None:
                    word = tokens[participle].core
                    form = self.agree(word, self.participle(word, source), target, noun.number, noun.gender, noun.animacy)
                    if form:
                        changes.append((participle, form))
                        noun.participle = f"{word} → {form}"
            index = self._next_conjunct(tokens, phrase, source, across_complements)
            if index is None:
                break
        if not changes:
            return None
        for position, word in changes:
            tokens[position].core = word
        return converted

    def _number_from_participle(self, tokens: list[Token], phrase: Phrase, source: str) -> str | None:
        """«неисправности, возникающих»: a plural participle makes a noun the source left singular plural."""
        if phrase.noun is None or phrase.noun.tag.number != "sing":
            return None
        index = self.following_participle(tokens, phrase, source)
        if index is None:
            return None
        participle = self.participle(tokens[index].core, source)
        if participle.tag.number == "plur" and phrase.noun.inflect({source, "plur"}) is not None:
            return "plur"
        return None

    def _next_conjunct(self, tokens: list[Token], phrase: Phrase, source: str, across: bool) -> int | None:
        end = phrase.end
        last = tokens[end - 1]
        if end >= len(tokens):
            return None
        if last.post == ",":
            nxt = tokens[end].lower
            if self.participle(tokens[end].core, source) is not None and not self.find(nxt, {"NOUN"}, source):
                return None
            return end
        if not last.post and tokens[end].plain and tokens[end].lower in COORDINATORS and end + 1 < len(tokens):
            return end + 1
        if not across:
            return None
        for j in range(end, len(tokens) - 1):  # skip the genitive complement to «и <phrase in source>»
            token = tokens[j]
            if token.pre or token.post not in ("",) or not CYRILLIC.match(token.core) and not is_abbreviation(token.core):
                return None
            nxt = tokens[j + 1]
            if nxt.plain and nxt.lower in COORDINATORS and j + 2 < len(tokens):
                candidate = self.noun_phrase(tokens, j + 2, source)
                if candidate and candidate.noun is not None and not self.find(tokens[candidate.noun_index].lower, {"NOUN"}, "gent"):
                    return j + 2
                return None
        return None
