"""Russian phrasing: "умеет …" and "знает …" outcomes with correct case forms (pymorphy3).

Ability items come in three shapes in Kazakhstan standards:

* infinitives ("Проводить аудит …") → "умеет проводить аудит …";
* deverbal nouns ("Организация обучающих мероприятий", "Установка и настройка ПО") → the nouns
  are replaced by verbs from the Russian pack's ``lexicon.yaml`` (``nouns_to_verbs``) and the genitive complement
  becomes the direct object in the accusative, adjectives agreeing: "умеет организовывать
  обучающие мероприятия", "умеет устанавливать и настраивать ПО";
* anything else: a light verb with the head noun phrase in the accusative ("умеет осуществлять
  резервное копирование баз данных"), or, when no noun phrase is found, "умеет выполнять: …".

Knowledge items are noun phrases ("Методы оптимизации запросов") or "Знание X"; the head noun
phrase goes into the accusative after "знает".
"""
from __future__ import annotations

import re
from functools import lru_cache

from generator.language import Result, bloom_of_verbs
from generator.language.ru_queries import RussianQueries
from generator.language.tokens import Token, render, strip_final_punctuation, tokenize

_NUMBERING = re.compile(r"^\d+[.)]?$")
_CYRILLIC = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*-?$")
_COORDINATORS = ("и", "или")


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _match_case(source: str, form: str) -> str:
    if "ё" not in source.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    if source[:1].isupper():
        form = form[:1].upper() + form[1:]
    return form


class RussianPhraser(RussianQueries):
    """Rule-based Russian phrasing over a lexicon (see module docstring)."""

    def __init__(self, lexicon: dict):
        ability = lexicon["ability"]
        self.can = ability["verb"]
        self.light_verb = ability["light_verb"]
        self.fallback = ability["fallback"]
        self.prefixes = ability["prefixes"]
        self.nouns_to_verbs = lexicon["nouns_to_verbs"]
        self.deverbal_endings = tuple(lexicon["deverbal_endings"])
        self.not_deverbal = set(lexicon["not_deverbal"])
        self.abbreviations = lexicon["abbreviations"]
        self.np_adverbs = set(lexicon["np_adverbs"])
        self.proper_names = list(lexicon["proper_names"])
        knowledge = lexicon["knowledge"]
        self.knows = knowledge["verb"]
        self.knows_verb = knowledge["lemma"]
        self.knowledge_heads = knowledge["heads"]
        self.knowledge_verbs = knowledge["verbs"]
        self.knowledge_fallback = knowledge["fallback"]
        self.infinitive_prefix = knowledge["infinitive_prefix"]
        self.understand_words = set(knowledge["understand_words"])
        self.bloom_of = bloom_of_verbs(lexicon["bloom"])
        self.bloom_default = lexicon["bloom"]["default"]
        self.policy_bloom = self.bloom_default
        self.morph = _analyzer()
        self._parse_cache: dict[str, list] = {}

    # --- morphology helpers ------------------------------------------------------------------
    def parses(self, word: str) -> list:
        if word not in self._parse_cache:
            try:
                self._parse_cache[word] = self.morph.parse(word)
            except (KeyError, ValueError):  # pymorphy3 fails on letters without a Unicode name
                self._parse_cache[word] = []
        return self._parse_cache[word]

    def _is_abbreviation(self, word: str) -> bool:
        letters = [c for c in word if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    def _find(self, word: str, pos: set[str], case: str):
        for parse in self.parses(word):
            if parse.tag.POS in pos and case in parse.tag:
                return parse
        return None

    def is_infinitive(self, word: str) -> bool:
        found = self.parses(word.lower())
        return bool(found) and found[0].tag.POS == "INFN"

    def _content_word(self, word: str) -> bool:
        """Not a preposition, conjunction or particle (pymorphy also offers rare noun readings)."""
        found = self.parses(word)
        return bool(found) and found[0].tag.POS not in ("PREP", "CONJ", "PRCL", "INTJ") and len(word) > 2

    def noun_phrase(self, tokens: list[Token], start: int, case: str):
        """Parse adjectives + noun in *case* from *start*: ([(index, parse)], (index, parse|None), end).

        Adjectives may be coordinated ("системного и прикладного ПО") and preceded by degree
        adverbs ("наиболее ресурсоемких запросов"); the noun may be an indeclinable abbreviation.
        """
        adjectives = []
        index = start
        while index < len(tokens):
            token = tokens[index]
            if token.pre and index > start:
                return None
            word = token.core
            lower = word.lower()
            if lower in self.np_adverbs or (lower.endswith("-") and _CYRILLIC.match(word)):
                index += 1
                continue
            if adjectives and lower in _COORDINATORS and token.plain and index == adjectives[-1][0] + 1:
                index += 1
                continue
            if self._is_abbreviation(word):
                return adjectives, (index, None), index + 1
            if not _CYRILLIC.match(word) or not self._content_word(lower):
                return None
            adjective = self._find(lower, {"ADJF", "PRTF"}, case)
            noun = self._find(lower, {"NOUN"}, case)
            if adjective is not None and (noun is None or adjective.score > noun.score) and token.post in ("", ","):
                following = index + 1
                if token.post == "," or (
                    following < len(tokens) and tokens[following].lower in _COORDINATORS
                ):
                    following += 1  # "системного и прикладного", "нормативные, правовые"
                if following < len(tokens):
                    nxt = tokens[following]
                    if self._is_abbreviation(nxt.core) or (
                        _CYRILLIC.match(nxt.core)
                        and self._content_word(nxt.lower)
                        and self._find(nxt.lower, {"NOUN", "ADJF", "PRTF"}, case)
                    ):
                        adjectives.append((index, adjective))
                        index += 1
                        continue
            if noun is None:
                return None
            return adjectives, (index, noun), index + 1
        return None

    def _inflect_phrase(self, tokens: list[Token], phrase, case: str) -> list[tuple[int, str]] | None:
        adjectives, (noun_index, noun), _ = phrase
        changes = []
        if noun is None:  # indeclinable abbreviation
            gender = self.abbreviations.get(tokens[noun_index].core.lower())
            if gender is None:
                for parse in self.parses(tokens[noun_index].core.lower()):
                    if "Abbr" in parse.tag and parse.tag.POS == "NOUN":
                        gender = str(parse.tag.gender) if parse.tag.gender else None
                        break
            if adjectives and gender is None:
                return None
            number = "plur" if gender == "plur" else "sing"
            animacy = "inan"
        else:
            form = noun.inflect({case})
            if form is None:
                return None
            changes.append((noun_index, _match_case(tokens[noun_index].core, form.word)))
            number = str(form.tag.number or "sing")
            gender = str(form.tag.gender) if form.tag.gender else None
            animacy = str(form.tag.animacy or "inan")
        for index, adjective in adjectives:
            grammemes = {case, number}
            if number == "sing" and gender in ("masc", "femn", "neut"):
                grammemes.add(gender)
            if case == "accs" and (number == "plur" or gender == "masc"):
                grammemes.add(animacy)
            form = adjective.inflect(grammemes) or adjective.inflect(grammemes - {"anim", "inan"})
            if form is None:
                return None
            changes.append((index, _match_case(tokens[index].core, form.word)))
        return changes

    def convert_chain(self, tokens: list[Token], start: int, source: str, target: str) -> bool:
        """Put the noun phrase(s) at *start* from case *source* into *target*, coordinated ones too.

        A participle after a comma that agrees with a converted noun follows it
        ("запросов, влияющих" → "запросы, влияющие").
        """
        index = start
        changes = []
        while True:
            phrase = self.noun_phrase(tokens, index, source)
            if phrase is None:
                break
            result = self._inflect_phrase(tokens, phrase, target)
            if result is None:
                break
            changes.extend(result)
            end = phrase[2]
            last = tokens[end - 1]
            if last.post == "," and end < len(tokens):
                participle = self._agreeing_participle(tokens, phrase, end, source, target)
                if participle is not None:
                    changes.append(participle)
                    break
                nxt = tokens[end].lower
                if _CYRILLIC.match(tokens[end].core) and self._find(nxt, {"PRTF"}, source) and not self._find(nxt, {"NOUN"}, source):
                    break
                index = end
            elif not last.post and end + 1 < len(tokens) and tokens[end].plain and tokens[end].lower in _COORDINATORS:
                index = end + 1
            else:
                break
        if not changes:
            return False
        for position, word in changes:
            tokens[position].core = word
        return True

    def _agreeing_participle(self, tokens, phrase, end, source, target):
        _, (noun_index, noun), _ = phrase
        word = tokens[end].core
        if noun is None or not _CYRILLIC.match(word):
            return None
        participle = self._find(word.lower(), {"PRTF", "ADJF"}, source)
        if participle is None or self._find(word.lower(), {"NOUN"}, source):
            return None
        number = noun.tag.number
        if participle.tag.number != number or (number == "sing" and participle.tag.gender != noun.tag.gender):
            return None
        grammemes = {target, number}
        if number == "sing":
            grammemes.add(noun.tag.gender)
        if target == "accs" and (number == "plur" or noun.tag.gender == "masc"):
            grammemes.add(noun.tag.animacy or "inan")
        form = participle.inflect(grammemes) or participle.inflect(grammemes - {"anim", "inan"})
        if form is None:
            return None
        return end, _match_case(word, form.word)

    def _lower_first(self, tokens: list[Token]) -> None:
        if not tokens:
            return
        first = tokens[0]
        word = first.core
        start = " ".join(t.core for t in tokens[:3])
        if any(start.startswith(name) for name in self.proper_names):
            return
        if word and word[0].isupper() and not self._is_abbreviation(word.split("-")[0]):
            following = tokens[1].core if len(tokens) > 1 else ""
            if following[:1].isupper() and _CYRILLIC.match(following) and not self._is_abbreviation(following):
                return  # "Закон Республики Казахстан …" keeps its capital
            if re.match(r"[A-Za-z]", word):
                return
            first.core = word[0].lower() + word[1:]

    def _prepare(self, text: str) -> list[Token]:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if len(tokens) > 1 and _NUMBERING.match(tokens[0].text):
            tokens = tokens[1:]
        return tokens

    # --- ability -----------------------------------------------------------------------------
    def ability(self, text: str) -> Result:
        tokens = self._prepare(text)
        if not tokens:
            return Result("", [self.light_verb], "policy")
        first = tokens[0].lower
        if first in self.prefixes and len(tokens) > 1 and tokens[0].plain:
            replacement = self.prefixes[first]
            rest = tokens[1:]
            if replacement:
                self._lower_first(rest)
                words = [Token("", w, "") for w in replacement.split()]
                lemma = self.parses(words[0].core)[0].normal_form
                return Result(render(words + rest), [lemma], "rule")
            tokens = rest
        if self.is_infinitive(tokens[0].core):
            lemmas = [
                self.parses(t.lower)[0].normal_form for t in tokens if t.core and self.is_infinitive(t.core)
            ]
            self._lower_first(tokens)
            return Result(render([Token("", self.can, "")] + tokens), lemmas, "rule")
        return self._nominal_ability(tokens)

    def _heads(self, tokens: list[Token]) -> list[int]:
        heads = []
        index = 0
        while index < len(tokens) and tokens[index].lower in self.nouns_to_verbs and not tokens[index].pre:
            if self._find(tokens[index].lower, {"NOUN"}, "nomn") is None:
                break
            heads.append(index)
            token = tokens[index]
            if token.post == ",":
                index += 1
            elif not token.post and index + 2 < len(tokens) and tokens[index + 1].lower in _COORDINATORS:
                index += 2
            else:
                break
        return heads

    def _nominal_ability(self, tokens: list[Token]) -> Result:
        heads = self._heads(tokens)
        if heads:
            specs = [self._spec(self.nouns_to_verbs[tokens[i].lower]) for i in heads]
            complement = heads[-1] + 1
            kinds = {kind for kind, _, _ in specs}
            cases = {case for _, _, case in specs}
            verbs = [verb for _, verb, _ in specs]
            rest = tokens[complement:]
            if kinds == {"verb"} and len(cases) == 1:
                ok = self._complement_fits(rest, cases.pop())
                if ok:
                    out = self._join_verbs(tokens, heads, verbs) + rest
                    return Result(render([Token("", self.can, "")] + out), verbs, "rule")
            elif len(heads) == 1 and kinds == {"phrase"}:
                out = [Token("", w, "") for w in verbs[0].split()]
                out[-1].post = tokens[heads[0]].post
                return Result(render([Token("", self.can, "")] + out + rest), verbs, "rule")
        return self._light(tokens, heads)

    def _is_preposition(self, word: str) -> bool:
        found = self.parses(word.lower())
        return bool(found) and found[0].tag.POS == "PREP"

    def _complement_fits(self, rest: list[Token], case: str) -> bool:
        """Can the words after the heads follow the verb (turning a genitive object into *case*)?"""
        if not rest or self._is_abbreviation(rest[0].core):
            return True
        if rest[0].pre or not _CYRILLIC.match(rest[0].core):
            return False
        if self._is_preposition(rest[0].core):
            return case == "keep"
        if case == "accs":
            return self.noun_phrase(rest, 0, "gent") is not None and self.convert_chain(rest, 0, "gent", "accs")
        if case == "keep":
            return False
        return self._find(rest[0].lower, {"NOUN", "ADJF", "PRTF"}, case) is not None

    def _spec(self, value: str) -> tuple[str, str, str]:
        parts = value.split()
        if len(parts) == 2 and parts[1].startswith("+"):
            return "verb", parts[0], parts[1][1:]
        if len(parts) == 1:
            return "verb", parts[0], "accs"
        return "phrase", value, "keep"

    def _join_verbs(self, tokens: list[Token], heads: list[int], verbs: list[str]) -> list[Token]:
        out = []
        for position, (index, verb) in enumerate(zip(heads, verbs)):
            out.append(Token("", verb, tokens[index].post))
            if position + 1 < len(heads) and heads[position + 1] == index + 2:
                out.append(Token("", tokens[index + 1].lower, ""))
        return out

    def _light(self, tokens: list[Token], heads: list[int]) -> Result:
        """"умеет осуществлять <noun phrase in the accusative> …" or the last-resort fallback."""
        phrase = self.noun_phrase(tokens, 0, "nomn")
        if phrase is not None:
            _, (noun_index, noun), _ = phrase
            lemma = noun.normal_form if noun is not None else ""
            if heads or (lemma.endswith(self.deverbal_endings) and lemma not in self.not_deverbal):
                working = [Token(t.pre, t.core, t.post) for t in tokens]
                if self.convert_chain(working, 0, "nomn", "accs"):
                    self._lower_first(working)
                    lemmas = [self._spec(self.nouns_to_verbs[tokens[i].lower])[1] for i in heads]
                    return Result(
                        render([Token("", self.can, ""), Token("", self.light_verb, "")] + working),
                        lemmas or [self.light_verb],
                        "rule",
                    )
        self._lower_first(tokens)
        words = [Token("", w, "") for w in self.fallback.split()]
        verb = words[1].core.strip(":") if len(words) > 1 else self.light_verb
        return Result(render(words + tokens), [verb], "policy")

    # --- knowledge ---------------------------------------------------------------------------
    def knowledge(self, text: str) -> Result:
        tokens = self._prepare(text)
        if not tokens:
            return Result("", [self.knows_verb], "rule")
        first = tokens[0].lower
        if first in self.knowledge_heads and len(tokens) > 1 and tokens[0].plain:
            verb = self.knowledge_heads[first]
            rest = tokens[1:]
            lemma = self.parses(verb)[0].normal_form
            if self._is_abbreviation(rest[0].core) or not _CYRILLIC.match(rest[0].core):
                return Result(render([Token("", verb, "")] + rest), [lemma], "rule")
            if self.convert_chain(rest, 0, "gent", "accs"):
                return Result(render([Token("", verb, "")] + rest), [lemma], "rule")
            self._lower_first(tokens)
            words = [Token("", w, "") for w in self.knowledge_fallback.split()]
            return Result(render(words + tokens), [lemma], "policy")
        if first in self.knowledge_verbs and len(tokens) > 1 and tokens[0].plain:
            verb = self.knowledge_verbs[first]
            return Result(render([Token("", verb, "")] + tokens[1:]), [first], "rule")
        if self.is_infinitive(tokens[0].core):
            self._lower_first(tokens)
            words = [Token("", w, "") for w in self.infinitive_prefix.split()]
            return Result(render(words + tokens), [self.knows_verb], "rule")
        if tokens[0].plain or tokens[0].post == ",":
            if self.noun_phrase(tokens, 0, "nomn") is not None:
                self.convert_chain(tokens, 0, "nomn", "accs")
        self._lower_first(tokens)
        return Result(render([Token("", self.knows, "")] + tokens), [self.knows_verb], "rule")

    def knowledge_bloom(self, text: str, verbs: list[str]) -> str:
        words = {w.strip("().,;:«»\"").lower() for w in text.split()}
        if words & self.understand_words:
            return "understand"
        return self.bloom(verbs[0]) if verbs else "remember"

    # --- Bloom, topics, overrides ------------------------------------------------------------
    def bloom(self, lemma: str) -> str:
        if lemma in self.bloom_of:
            return self.bloom_of[lemma]
        return self.bloom_of.get(lemma.split()[0], self.bloom_default) if lemma else self.bloom_default

    def topic(self, text: str) -> str:
        tokens = self._prepare(text)
        if not tokens:
            return ""
        first = tokens[0].lower
        if (first in self.knowledge_heads or first in self.knowledge_verbs) and len(tokens) > 1 and tokens[0].plain:
            rest = tokens[1:]
            if first in self.knowledge_heads:
                self.convert_chain(rest, 0, "gent", "nomn")
            tokens = rest
        word = tokens[0].core
        if word[:1].islower():
            tokens[0].core = word[0].upper() + word[1:]
        return render(tokens)

    def outcome_verbs(self, text: str) -> list[str]:
        lemmas = []
        for token in tokenize(text):
            lower = token.lower
            if lower == self.knows:
                lemmas.append(self.knows_verb)
            elif _CYRILLIC.match(token.core) and self.is_infinitive(lower):
                lemmas.append(self.parses(lower)[0].normal_form)
        return lemmas
