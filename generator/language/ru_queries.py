"""Queries the design stage asks of Russian items (a mixin of :class:`~generator.language.ru.RussianPhraser`):
content words (pymorphy3 normal forms), case forms of a noun phrase, the object of an ability, an infinitive
ability as a nominal heading. They read items; they change no outcome and no phrasing rule.
"""
from __future__ import annotations

import re

from generator.language.ru_phrases import is_abbreviation
from generator.language.tokens import Token, render, tokenize

_CYRILLIC = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*-?$")
_COORDINATORS = ("и", "или")


class RussianQueries:
    """Mixed into RussianPhraser: it uses the phraser's pymorphy3 parses, noun phrases and case conversion."""

    _CASES = {"nominative": "nomn", "genitive": "gent", "dative": "datv", "accusative": "accs",
              "instrumental": "ablt", "locative": "loct"}
    _FUNCTION_POS = ("PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED")

    def lemmas(self, text: str) -> list[str]:
        """Normal forms (pymorphy3) of an item's content words; abbreviations and Latin words in lower case."""
        found = []
        for token in tokenize(text):
            for word in re.split(r"[/–—]", token.core):
                word = word.strip("-")
                if not word:
                    continue
                if is_abbreviation(word) or not _CYRILLIC.match(word):
                    if re.search(r"\w", word) and not word.isdigit():
                        found.append(word.lower())
                    continue
                parses = self.parses(word.lower())
                if parses and parses[0].tag.POS not in self._FUNCTION_POS:
                    found.append(parses[0].normal_form)
        return found

    def inflect(self, phrase: str, case: str, source: str = "nominative") -> str | None:
        """A noun phrase in ``source`` case (the nominative by default) put into ``case`` (genitive,
        dative, accusative, instrumental, locative, nominative), adjectives agreeing: «обучающее
        мероприятие» → «обучающего мероприятия»; None when pymorphy3 cannot parse the phrase."""
        target, start = self._CASES.get(case), self._CASES.get(source)
        tokens = tokenize(phrase)
        if target is None or start is None or not tokens:
            return None
        if target == start:
            return phrase
        if self.morph.noun_phrase(tokens, 0, start) is None or self.morph.convert_chain(tokens, 0, start, target) is None:
            return None
        return render(tokens)

    def ability_heading(self, text: str, verb_nouns: dict | None = None) -> str | None:
        """An infinitive ability as a nominal heading: «Определять требования к нагрузке» → «Определение
        требований к нагрузке» (the action noun from ``nouns_to_verbs`` read backwards, or ``verb_nouns``;
        the object into the genitive). None for items that are not infinitives or cannot be converted."""
        tokens = self._prepare(text)
        if not tokens or not self.is_infinitive(tokens[0].core):
            return None
        nouns: dict[str, str] = {}
        for noun, spec in self.actions.nouns_to_verbs.items():
            parts = spec.split()
            if len(parts) == 1 or (len(parts) == 2 and parts[1].startswith("+")):
                nouns.setdefault(parts[0], noun)  # "руководство: руководить +ablt" read backwards
        nouns.update(verb_nouns or {})
        out, index, governs = [], 0, "accs"
        while index < len(tokens) and self.is_infinitive(tokens[index].core):
            lemma = self.parses(tokens[index].lower)[0].normal_form
            if lemma not in nouns:
                return None
            spec = self.actions.nouns_to_verbs.get(nouns[lemma], "")
            governs = spec.split()[1][1:] if len(spec.split()) == 2 and spec.split()[1].startswith("+") else "accs"
            out.append(Token("", nouns[lemma], tokens[index].post))
            index += 1
            if index + 1 < len(tokens) and tokens[index].lower in _COORDINATORS and self.is_infinitive(tokens[index + 1].core):
                out.append(Token("", tokens[index].lower, ""))
                index += 1
        rest = [Token(t.pre, t.core, t.post) for t in tokens[index:]]
        if rest and governs == "accs" and not is_abbreviation(rest[0].core):
            if self.morph.noun_phrase(rest, 0, "accs") is None or self.morph.convert_chain(rest, 0, "accs", "gent") is None:
                return None
        heading = out + rest
        heading[0].core = heading[0].core[:1].upper() + heading[0].core[1:]
        return render(heading)

    def ability_object(self, text: str) -> str | None:
        """The object of an ability item in the nominative, or None: the genitive after action nouns
        («Установка и настройка ПО» → «ПО»), the accusative after infinitives («Проводить мониторинг
        работы сервера» → «мониторинг работы сервера»)."""
        tokens = self._prepare(text)
        if len(tokens) < 2:
            return None
        if tokens[0].lower in self.prefixes and tokens[0].plain:
            tokens = tokens[1:]
        index, source = 0, None
        if self.is_infinitive(tokens[0].core):
            while index < len(tokens) and (self.is_infinitive(tokens[index].core)
                                           or tokens[index].lower in _COORDINATORS):
                index += 1
            source = "accs"
        else:
            heads = self.actions.heads(tokens, 0, "nomn")
            if heads:
                index, source = heads[-1][0] + 1, "gent"
        rest = [Token(t.pre, t.core, t.post) for t in tokens[index:]]
        if source is None or not rest or rest[0].pre:
            return None
        if is_abbreviation(rest[0].core):
            return render(rest)
        if self.morph.noun_phrase(rest, 0, source) is None or self.morph.convert_chain(rest, 0, source, "nomn") is None:
            return None
        self._lower_first(rest)
        return render(rest)
