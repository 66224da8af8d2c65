"""Kazakh morphology for phrasing: vowel harmony, the accusative, converbs and their verbal nouns.

Every word list and ending it uses is data (the Kazakh pack's ``lexicon.yaml``); the rules that build outcomes from it
are in ``kk.py``.
"""
from __future__ import annotations

import re

KAZAKH_WORD = re.compile(r"^[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*$")
LATIN = re.compile(r"[A-Za-z]")


class KazakhMorphology:
    """Vowel harmony, accusative and converb formation from the lexicon data."""

    def __init__(self, lexicon: dict):
        harmony = lexicon["harmony"]
        self.back = set(harmony["back_vowels"])
        self.front = set(harmony["front_vowels"])
        self.neutral = set(harmony["neutral_vowels"])
        self.default_back = harmony["default"] == "back"
        self.front_words = set(harmony["front_words"])
        self.back_words = set(harmony["back_words"])
        self.front_endings = tuple(harmony["front_endings"])
        acc = lexicon["accusative"]
        self.acc_vowel = acc["after_vowel"]
        self.acc_voiced = acc["after_voiced"]
        self.acc_voiceless = acc["after_voiceless"]
        self.vowels = set(acc["vowels"])
        self.voiced = set(acc["voiced"])
        self.possessive_ending = acc["possessive_ending"]
        self.not_possessive = set(acc["not_possessive"])
        self.not_possessive_endings = tuple(acc["not_possessive_endings"])
        self.acc_exceptions = acc["exceptions"]
        self.letter_names = acc["letter_names"]
        self.latin_letter_names = acc["latin_letter_names"]
        self.numbers = acc["number_names"]
        self.epenthetic = acc["epenthetic_endings"]
        verbs = lexicon["verbs"]
        self.converb_exceptions = verbs["converb_exceptions"]
        self.not_verbal = set(verbs["not_verbal_nouns"])
        stems = lexicon["verb_stems"]
        # verbal noun → (stem, list it came from); hidden_vowel_stems is the older key of the same data
        self.stems: dict[str, tuple[str, str]] = {}
        for stem in stems["vowel"]:
            self.stems[stem + "у"] = (stem, "vowel")
        for stem in stems["consonant"]:
            self.stems[stem + "у"] = (stem, "consonant")
        for stem in stems["hidden_vowel"]:
            self.stems[stem[:-1] + "у"] = (stem, "hidden_vowel")
        for noun, stem in verbs["hidden_vowel_stems"].items():
            self.stems[noun] = (stem, "hidden_vowel")
        self.negation = tuple(verbs["negation"])
        self._converb_cache: dict[str, str | None] = {}

    # --- harmony -------------------------------------------------------------------------
    def is_back(self, word: str) -> bool:
        """Back or front suffixes, by the loanword rules (closed «у», final clusters, a soft sign, ю-loans listed in data), then the last vowel.

        Words listed in the data win (ю-loans are decided one by one there); a final cluster such as
        -кт, -нк (акт, банк) or a soft sign in the last syllable (модуль, пульт) takes front suffixes;
        «у» as the vowel of a closed last syllable (форум, консилиум, ресурс) takes back suffixes.
        """
        lower = word.lower()
        last_part = lower.rsplit("-", 1)[-1]
        if last_part in self.front_words or lower in self.front_words:
            return False
        if last_part in self.back_words or lower in self.back_words:
            return True
        if len(last_part) > 2 and last_part.endswith(self.front_endings):
            return False
        closed = False
        for char in reversed(lower):
            if char == "ь":
                return False
            if char == "у" and closed:
                return True
            if char in self.back or char in "aou":
                return True
            if char in self.front or char in "ei":
                return False
            closed = closed or char.isalpha() and char not in self.neutral
        return self.default_back

    # --- accusative ----------------------------------------------------------------------
    def _suffix_for_sound(self, last: str, back: bool) -> str:
        if last in self.vowels:
            pair = self.acc_vowel
        elif last in self.voiced:
            pair = self.acc_voiced
        else:
            pair = self.acc_voiceless
        return pair[0] if back else pair[1]

    def _number_name(self, digits: str) -> str:
        value = int(digits[-9:]) if digits else 0
        units, tens = self.numbers["units"], self.numbers["tens"]
        if value == 0:
            return units[0]
        if value % 10:
            return units[value % 10]
        if value % 100:
            return tens[(value % 100) // 10]
        if value % 1000:
            return self.numbers["hundred"]
        if value % 1_000_000:
            return self.numbers["thousand"]
        return self.numbers["million"]

    def _spoken_suffix(self, spoken: str) -> str:
        spoken = spoken.lower()
        return self._suffix_for_sound(spoken[-1], self.is_back(spoken))

    def accusative(self, word: str) -> str:
        """The accusative of a head word: Заңы → Заңын, мониторинг → мониторингті, ЖРО → ЖРО-ны."""
        if not word:
            return word
        lower = word.lower()
        if lower in self.acc_exceptions:
            result = self.acc_exceptions[lower]
            return result[0].upper() + result[1:] if word[0].isupper() else result
        last = lower[-1]
        if last in "0123456789":
            digits = re.search(r"[0-9]+$", lower).group()
            return f"{word}-{self._spoken_suffix(self._number_name(digits))}"
        letters = [c for c in word.split("-")[-1] if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            names = self.latin_letter_names if LATIN.match(last) else self.letter_names
            name = names.get(last, last)
            return f"{word}-{self._spoken_suffix(name)}"
        if LATIN.match(last):
            back = self.is_back(re.sub(r"[^A-Za-z]", "", lower) or lower)
            if last in "aeiouy":
                pair = self.acc_vowel
            elif last in "lrmnzjw":
                pair = self.acc_voiced
            else:
                pair = self.acc_voiceless
            return f"{word}-{pair[0] if back else pair[1]}"
        if not last.isalpha():
            return word
        if self.is_possessive(lower):
            return word + self.possessive_ending
        back = self.is_back(lower)
        if len(lower) > 3 and lower[-1] == lower[-2] and lower[-1] not in self.vowels:
            word, lower = word[:-1], lower[:-1]  # процесс → процесті, конгресс → конгресті
        for ending, vowel in self.epenthetic.items():
            if len(lower) > len(ending) and lower.endswith(ending):  # акт → актіні, факт → фактіні
                return word + vowel + self._suffix_for_sound(vowel, back)
        if last in "ьъ":
            core = lower.rstrip("ьъ")
            sound = core[-1] if core else "л"
            return word + self._suffix_for_sound(sound, back and last == "ъ")
        return word + self._suffix_for_sound(last, back)

    def harmony_reason(self, word: str) -> str:
        """Why :meth:`is_back` decided as it did, in words (for ``progen phrase --explain``)."""
        lower = word.lower()
        last_part = lower.rsplit("-", 1)[-1]
        side = "back" if self.is_back(word) else "front"
        if {last_part, lower} & (self.front_words | self.back_words):
            return f"{side} vowels: listed in harmony.front_words/back_words"
        if len(last_part) > 2 and last_part.endswith(self.front_endings):
            return "front vowels: a loanword ending in a consonant cluster (harmony.front_endings)"
        if "ь" in lower and self.is_back(lower.replace("ь", "")) != self.is_back(word):
            return "front vowels: a soft sign in the last syllable"
        return f"{side} vowels by the last vowel"

    def accusative_reason(self, word: str) -> str:
        lower = word.lower()
        if lower in self.acc_exceptions:
            return "accusative.exceptions"
        if self.is_possessive(lower):
            return "possessive form: -н"
        letters = [c for c in word.split("-")[-1] if c.isalpha()]
        if lower[-1:].isdigit() or len(letters) >= 2 and all(c.isupper() for c in letters) or LATIN.match(lower[-1:]):
            return "read aloud: suffix after a hyphen"
        return self.harmony_reason(word)

    def is_possessive(self, lower: str) -> bool:
        """A head in -ы/-і (-сы/-сі after a vowel) is a possessive form: it takes -н."""
        if len(lower) < 3 or lower[-1] not in "ыі" or not KAZAKH_WORD.match(lower):
            return False
        if lower in self.not_possessive or lower.rsplit("-", 1)[-1] in self.not_possessive:
            return False
        return not lower.endswith(self.not_possessive_endings)

    def nominative_of_accusative(self, word: str) -> str:
        """Undo :meth:`accusative` where it can be verified: ерекшеліктерін → ерекшеліктері."""
        for cut in (3, 2, 1):  # "-ны" after abbreviations, "-ны/-ды/-ты", possessive "-н"
            base = word[:-cut]
            if base and self.accusative(base) == word:
                return base
        return word

    # --- verbs ---------------------------------------------------------------------------
    def is_verbal_noun(self, word: str) -> bool:
        lower = word.lower()
        if len(lower) < 3 or lower[-1] not in "ую" or not KAZAKH_WORD.match(lower):
            return False
        last = lower.rsplit("-", 1)[-1]
        if len(last) < 2 or lower in self.not_verbal or last in self.not_verbal:
            return False
        letters = [c for c in word if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 2:
            return False
        return True

    def converb(self, word: str) -> str | None:
        """The -а/-е/-й converb of a verbal noun (өткізу → өткізе), or None for other words."""
        if word in self._converb_cache:
            return self._converb_cache[word]
        result = self._converb(word)
        self._converb_cache[word] = result
        return result

    def _converb(self, word: str) -> str | None:
        if not self.is_verbal_noun(word):
            return None
        lower = word.lower()
        if lower in self.converb_exceptions:
            result = self.converb_exceptions[lower]
        else:  # a hyphenated word changes its last part: іс-қимылдау → іс-қимылдай
            head, sep, last = lower.rpartition("-")
            form = self.converb_exceptions.get(last) or self._converb_of_word(last)
            result = head + sep + form
        if word[:1].isupper():
            result = result[0].upper() + result[1:]
        return result

    def stem_of(self, noun: str) -> tuple[str, str]:
        """The stem of a verbal noun and how it was decided: the list of ``verb_stems`` it is in, or
        ``assumed`` (a consonant + у noun not in the lexicon, read as a consonant stem), ``open`` (a
        vowel + у noun, which is never ambiguous) or ``ю`` (қою → қой-)."""
        lower = noun.lower().rsplit("-", 1)[-1]
        if lower in self.stems:
            return self.stems[lower]
        if lower.endswith("ю"):
            return lower[:-1] + ("" if lower[-2:-1] == "и" else "й"), "ю"
        stem = lower[:-1]
        if stem and stem[-1] in self.vowels:
            return stem, "open"
        return stem, "assumed"

    def negative_of(self, noun: str) -> str | None:
        """The positive verbal noun of a negative one (жария етпеу → жария ету, бұзбау → бұзу), or None.

        Only where the positive verb is in the lexicon and the word itself is not (демеу is a verb).
        """
        lower = noun.lower()
        if lower in self.stems or not lower.endswith(self.negation):
            return None
        stem = lower[:-3]
        for positive, readings in ((stem + "у", ("consonant", "vowel")), (stem[:-1] + "у", ("hidden_vowel",))):
            if positive in self.stems and self.stems[positive][1] in readings:
                return positive  # бермеу → беру, сақтамау → сақтау, оқымау → оқу
        return None

    def _converb_of_word(self, lower: str) -> str:
        stem, reading = self.stem_of(lower)
        if reading == "hidden_vowel":
            return stem[:-1] + "и"
        if reading in ("consonant", "assumed"):
            return stem + ("а" if self.is_back(stem) else "е")
        if lower.endswith("ю"):
            base = lower[:-1]
            if base.endswith("и"):
                return base + ("я" if self.is_back(base) else "е")
            return base + ("я" if self.is_back(base) else "йе")
        stem = lower[:-1]
        if stem[-1] in self.vowels:
            return stem + "й"
        if stem[-1] == "и":
            return stem + "я" if self.is_back(stem[:-1] or stem) else stem + "е"
        return stem + ("а" if self.is_back(stem) else "е")

    def present(self, converb: str) -> str:
        """Third person present tense from a converb: талдай → талдайды, ұйымдастыра → ұйымдастырады."""
        stem = converb[:-1] if converb.endswith("и") else converb  # оқи → оқиды (оқы-й-ды)
        return converb + ("ды" if self.is_back(stem) else "ді")

    def lemma_candidates(self, converb: str) -> list[str]:
        """Verbal nouns whose converb could be *converb* (checked by regenerating it)."""
        lower = converb.lower()
        guesses = []
        if lower.endswith("й"):
            guesses.append(lower[:-1] + "у")
        if lower.endswith(("а", "е")):
            guesses.append(lower[:-1] + "у")
        if lower.endswith("и"):
            guesses.append(lower[:-1] + "у")
        if lower.endswith("я"):
            guesses.append(lower[:-1] + "ю")
        if lower.endswith("йе"):
            guesses.append(lower[:-2] + "ю")
        return [g for g in guesses if self.converb(g) == lower]
