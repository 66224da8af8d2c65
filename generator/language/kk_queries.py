"""Queries the design stage asks of Kazakh items (a mixin of :class:`~generator.language.kk.KazakhPhraser`):
content words, case forms of a noun phrase, the object of an ability. They read items; they change no
outcome and no phrasing rule. The case endings are data: ``cases`` of the Kazakh pack's ``lexicon.yaml``.
"""
from __future__ import annotations

from generator.language.kk_morphology import KAZAKH_WORD, LATIN
from generator.language.tokens import Token, lower_first, render, split_trailing_parenthetical, strip_final_punctuation, tokenize


class KazakhQueries:
    """Mixed into KazakhPhraser: it uses the phraser's morphology, word lists and head finder."""

    def lemmas(self, text: str) -> list[str]:
        """The words of an item in lower case (Kazakh stems are matched by the design stage's data)."""
        words = [part for t in tokenize(text) for part in t.lower.split("/") if part]  # ақпаратты/деректерді
        return [w for w in words if KAZAKH_WORD.match(w) or LATIN.match(w)]

    def inflect(self, phrase: str, case: str, source: str = "nominative") -> str | None:
        """``phrase`` (a noun phrase in the nominative, or the accusative with ``source``) with its last
        word in ``case``: nominative, genitive, dative, accusative, locative or ablative; None when the
        case or the word is not known.

        оқыту іс-шаралары → оқыту іс-шараларының (genitive), жоспар → жоспарда (locative),
        үлгілік ережені (accusative) → үлгілік ереже (nominative).
        """
        tokens = tokenize(phrase)
        if not tokens or source not in ("nominative", "accusative"):
            return None
        body, paren = split_trailing_parenthetical(tokens)
        if paren:  # «… әдістемесі (оқыту стилі, т.б.)»: the ending goes on the head before the brackets
            inflected = self.inflect(render(body), case, source)
            return f"{inflected} {render(paren)}" if inflected else None
        last = tokens[-1]
        if source == "accusative":
            last.core = self.morph.nominative_of_accusative(last.core)
        if case == "nominative":
            return render(tokens)
        if case == "accusative":
            last.core = self.morph.accusative(last.core)
            return render(tokens)
        table = self.cases.get(case)
        word = last.core
        lower = word.lower()
        if not isinstance(table, dict) or not lower:
            return None
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):  # ЖРО → ЖРО-ның
            spoken = self.morph.letter_names.get(lower[-1], lower[-1])
            last.core = f"{word}-{self._case_suffix(table, spoken, spoken, False)}"
            return render(tokens)
        if not KAZAKH_WORD.match(lower):
            return None
        if len(lower) > 3 and lower[-1] == lower[-2] and lower[-1] not in self.morph.vowels:
            word, lower = word[:-1], lower[:-1]  # процесс → процестің
        last.core = word + self._case_suffix(table, lower, lower, self.morph.is_possessive(lower))
        return render(tokens)

    def _case_suffix(self, table: dict, word: str, sound: str, possessive: bool) -> str:
        """The ending of ``table`` (one case) for a word ending in ``sound``, in the word's harmony."""
        last = sound.rstrip("ьъ")[-1:] or "л"
        if possessive:
            pair = table["possessive"]
        elif last in self.morph.vowels:
            pair = table["after_vowel"]
        elif last in self.cases.get("nasals", ()):
            pair = table["after_nasal"]
        elif last in self.morph.voiced:
            pair = table["after_voiced"]
        else:
            pair = table["after_voiceless"]
        return pair[0] if self.morph.is_back(word) else pair[1]

    def ability_object(self, text: str) -> str | None:
        """The object of an ability item's verbal heads, in the nominative, or None.

        «Дайын білім беру материалдарын пайдалану және бейімдеу» → «дайын білім беру материалдары»;
        «Жастарға сенімді және жүйелі ақпарат беру» → «сенімді және жүйелі ақпарат». The phrase stops
        at a comma, a postposition or converb (``function_words``) and a word in a case of
        ``cases.boundary_endings`` (жастарға, негізінде).
        """
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        body, _ = split_trailing_parenthetical(tokens)
        body = [t for t in body if not (t.lower in self.capacity_words and t.plain)]  # «… істеу қабілеті»
        if len(body) < 2 or not self.heads.bare_verbal_noun(body[-1]):
            return None
        head, _ = self.heads.find(body, set())
        if self.heads.nominal_list(body, head):
            return None  # «Көшбасшылық, делегация, жоспарлау …»: a list of skills, no object
        end = head.index(True)
        if end > 0 and (body[end - 1].lower, body[end].lower) in self.compounds:
            end -= 1  # консультация беру: the noun belongs to the verb
        boundary = tuple(self.cases.get("boundary_endings", ()))

        def stops(token: Token) -> bool:
            lower = token.lower
            if lower in self.heads.coordinators:
                return bool(token.post or token.pre)
            return bool(token.post or token.pre or lower in self.heads.function_words
                        or lower.endswith(self.heads.converb_endings)
                        or (boundary and len(lower) > 4 and lower.endswith(boundary)))

        if end == 0 or stops(body[end - 1]):
            return None
        start = end - 1
        while start > 0 and not stops(body[start - 1]):
            start -= 1
        phrase = body[start:end]
        if phrase[0].lower in self.heads.coordinators:
            return None
        phrase[-1] = Token(phrase[-1].pre, self.morph.nominative_of_accusative(phrase[-1].core), phrase[-1].post)
        lower_first(phrase, self.keep_capital)
        return render(phrase)
