"""Russian phrasing: "умеет …" and "знает …" outcomes with correct case forms (pymorphy3).

Ability items come in these shapes in Kazakhstan standards:

* infinitives, possibly after an adverb ("Проводить аудит …", "Оперативно устранять …") →
  "умеет проводить аудит …";
* action nouns, one or several coordinated, each with its object ("Приемка оборудования и оформление
  актов") → "умеет принимать оборудование и оформлять акты" (``ru_ability.py``);
* "Опыт …", "Навыки …" followed by action nouns in the genitive → "умеет …" (otherwise "имеет опыт …",
  "владеет навыками …"); "Владение …" → "владеет …";
* a noun phrase that is not an action ("Средства администрирования") → the policy "умеет использовать
  средства администрирования"; nothing parseable → "умеет выполнять: …".  Both are reported by lint.

Knowledge items are noun phrases ("Методы оптимизации запросов"), "Знание X" or a genitive left over
from a dropped "Знание" ("Современных программных средств"); the head noun phrase goes into the
accusative after "знает", with what agrees with it (``ru_phrases.py``).  "Глубокие знания X" →
"владеет глубокими знаниями X".
"""
from __future__ import annotations

import re

from generator.language import Note, Result, bloom_of_verbs
from generator.language.ru_ability import RussianAbility
from generator.language.ru_agreement import AgreementChecker
from generator.language.ru_phrases import COORDINATORS, CYRILLIC, RussianMorph, is_abbreviation
from generator.language.ru_queries import RussianQueries
from generator.language.tokens import QUOTES, Token, render, strip_final_punctuation, tokenize

_NUMBERING = re.compile(r"^\d+[.)]?$")
_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
DATA = "ru.yaml"


def words(text: str) -> list[Token]:
    return [Token("", word, "") for word in text.split()]


class RussianPhraser(RussianQueries):
    """Rule-based Russian phrasing over a lexicon (see module docstring)."""

    def __init__(self, lexicon: dict):
        ability = lexicon["ability"]
        self.can = ability["verb"]
        self.light_verb = ability["light_verb"]
        self.fallback = ability["fallback"]
        self.use_policy = ability["use_policy"]
        self.prefixes = ability["prefixes"]
        self.genitive_heads = ability["genitive_heads"]
        self.proper_names = list(lexicon["proper_names"])
        self.name_heads = set(lexicon["name_heads"])
        knowledge = lexicon["knowledge"]
        self.knows = knowledge["verb"]
        self.knows_verb = knowledge["lemma"]
        self.knowledge_heads = knowledge["heads"]
        self.knowledge_verbs = knowledge["verbs"]
        self.knowledge_fallback = knowledge["fallback"]
        self.knowledge_adjective_head = knowledge["adjective_head"]
        self.infinitive_prefix = knowledge["infinitive_prefix"]
        self.understand_words = set(knowledge["understand_words"])
        self.bloom_of = bloom_of_verbs(lexicon["bloom"])
        self.bloom_default = lexicon["bloom"]["default"]
        self.policy_bloom = self.bloom_default
        self.morph = RussianMorph(set(lexicon["np_adverbs"]), lexicon["abbreviations"])
        self.actions = RussianAbility(lexicon, self.morph)
        self.checker = AgreementChecker(self.morph, lexicon)

    # --- helpers -----------------------------------------------------------------------------
    def parses(self, word: str) -> list:
        return self.morph.parses(word)

    def is_infinitive(self, word: str) -> bool:
        return self.morph.is_infinitive(word.lower())

    def _name_reason(self, tokens: list[Token], names=frozenset()) -> str | None:
        first = tokens[0].core
        if not first or not first[0].isupper():
            return None
        if is_abbreviation(first.split("-")[0]) or re.match(r"[A-Za-z]", first):
            return "an abbreviation or a Latin word"
        start = " ".join(t.core for t in tokens[:3])
        listed = next((name for name in self.proper_names if start.startswith(name)), None)
        if listed:
            return f"the name of an act or a body ({listed}, proper_names)"
        following = tokens[1].core if len(tokens) > 1 else ""
        if following and following.lower().startswith(tuple(self.name_heads)) and \
                self.morph.parses(following.lower())[0].normal_form in self.name_heads:
            return f"an official name ({first} {following})"
        tags = self.morph.parses(first.lower())
        if tags and _NAME_TAGS & set(str(tags[0].tag).replace(" ", ",").split(",")):
            return "a proper name (pymorphy3)"
        if first in names or any(t.core == first for t in tokens[1:]):
            return "the source capitalises it in the middle of a sentence"
        return None

    def keeps_capital_text(self, text: str, names=frozenset()) -> bool:
        tokens = tokenize(text)
        if not tokens or any(q in tokens[0].pre for q in QUOTES):
            return bool(tokens)
        return self._name_reason(tokens, names) is not None

    def _lower_first(self, tokens: list[Token], notes: list[Note] | None = None) -> None:
        if not tokens or not tokens[0].core or any(q in tokens[0].pre for q in QUOTES):
            return
        reason = self._name_reason(tokens)
        if reason:
            if notes is not None:
                notes.append(Note("capital", f"«{tokens[0].core}» keeps its capital: {reason}", f"{DATA} proper_names"))
            return
        word = tokens[0].core
        tokens[0].core = word[0].lower() + word[1:]

    def _prepare(self, text: str) -> list[Token]:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if len(tokens) > 1 and _NUMBERING.match(tokens[0].text):
            tokens = tokens[1:]
        return tokens

    def _can(self, body: list[Token], verbs: list[str], notes: list[Note], source: str = "rule") -> Result:
        return Result(render([Token("", self.can, "")] + body), verbs, source, notes)

    def check(self, outcome: str, item: str | None = None) -> list[Note]:
        """What the agreement checker finds in an outcome: the phraser could not repair it."""
        return [Note("agreement", problem, "", warn=True) for problem in self.checker.check(outcome, item)]

    # --- ability -----------------------------------------------------------------------------
    def ability(self, text: str) -> Result:
        tokens = self._prepare(text)
        if not tokens:
            return Result("", [self.light_verb], "policy")
        first = tokens[0].lower
        notes: list[Note] = []
        if first in self.prefixes and len(tokens) > 1 and tokens[0].plain:
            replacement = self.prefixes[first]
            rest = tokens[1:]
            notes.append(Note("prefix", f"«{tokens[0].core}» → «{replacement or self.can}»", f"{DATA} ability.prefixes"))
            if replacement:
                self._lower_first(rest, notes)
                lemma = self.parses(replacement.split()[0])[0].normal_form
                return Result(render(words(replacement) + rest), [lemma], "rule", notes)
            tokens = rest
        if first in self.genitive_heads and len(tokens) > 1 and tokens[0].plain:
            return self._genitive_head(tokens, notes)
        infinitive = self._infinitive(tokens, notes)
        if infinitive is not None:
            return infinitive
        return self._nominal(tokens, notes)

    def _infinitive(self, tokens: list[Token], notes: list[Note]) -> Result | None:
        """"Проводить аудит …", also after adverbs ("Оперативно и качественно устранять …")."""
        index, adverbs = 0, 0
        while index < min(len(tokens) - 1, 5) and tokens[index].plain:
            pos = self.morph.pos(tokens[index].lower)
            if pos in ("ADVB", "ADJS"):
                adverbs += 1
            elif not (index and tokens[index].lower in COORDINATORS or adverbs and pos in ("PREP", "NOUN")):
                break  # «Качественно и в срок выполнять …»: adverbs, a short prepositional phrase
            index += 1
        if not CYRILLIC.match(tokens[index].core) or not self.is_infinitive(tokens[index].core):
            return None
        lemmas = [self.parses(t.lower)[0].normal_form for t in tokens
                  if t.core and CYRILLIC.match(t.core) and self.is_infinitive(t.core)]
        if index:
            notes.append(Note("infinitive", f"adverb(s) before the infinitive: {' '.join(t.core for t in tokens[:index])}"))
        self._lower_first(tokens, notes)
        return self._can(tokens, lemmas, notes)

    def _genitive_head(self, tokens: list[Token], notes: list[Note]) -> Result:
        """"Опыт проведения тренингов" → "умеет проводить тренинги"; otherwise "имеет опыт …"."""
        rest = tokens[1:]
        part = self.actions.convert(rest, "gent")
        if part is not None:
            notes += [Note("prefix", f"«{tokens[0].core}» + action nouns in the genitive → «{self.can} …»",
                           f"{DATA} ability.genitive_heads")] + part.notes
            return self._can(part.tokens, part.verbs, notes)
        replacement = self.genitive_heads[tokens[0].lower]
        self._lower_first(rest)
        lemma = self.parses(replacement.split()[0])[0].normal_form
        notes.append(Note("prefix", f"«{tokens[0].core}» → «{replacement}» (no action noun after it)",
                          f"{DATA} ability.genitive_heads"))
        return Result(render(words(replacement) + rest), [lemma], "rule", notes)

    def _nominal(self, tokens: list[Token], notes: list[Note]) -> Result:
        part = self.actions.convert(tokens, "nomn")
        if part is not None:
            return self._can(part.tokens, part.verbs, notes + part.notes)
        phrase = self.morph.noun_phrase(tokens, 0, "nomn")
        if phrase is not None and phrase.noun is not None and self.actions.deverbal(phrase.noun.normal_form):
            light = self.actions.light(tokens, [])
            if light is not None:
                return self._can(light.tokens, light.verbs, notes + light.notes)
        if phrase is not None:
            work = [Token(t.pre, t.core, t.post) for t in tokens]
            if self.morph.convert_chain(work, 0, "nomn", "accs") is not None:
                self._lower_first(work, notes)
                notes.append(Note("policy", f"not an action: «{self.can} {self.use_policy} …»",
                                  f"{DATA} ability.use_policy", warn=True))
                return self._can(words(self.use_policy) + work, [self.use_policy], notes, "policy")
        self._lower_first(tokens, notes)
        notes.append(Note("policy", f"last resort «{self.fallback} …»", f"{DATA} ability.fallback", warn=True))
        fallback = words(self.fallback)
        verb = fallback[1].core.strip(":") if len(fallback) > 1 else self.light_verb
        return Result(render(fallback + tokens), [verb], "policy", notes)

    # --- knowledge ---------------------------------------------------------------------------
    def knowledge(self, text: str) -> Result:
        tokens = self._prepare(text)
        if not tokens:
            return Result("", [self.knows_verb], "rule")
        first = tokens[0].lower
        notes: list[Note] = []
        if first in self.knowledge_heads and len(tokens) > 1 and tokens[0].plain:
            return self._knowledge_head(tokens, notes)
        adjective_head = self._adjective_knowledge(tokens, notes)
        if adjective_head is not None:
            return adjective_head
        if first in self.knowledge_verbs and len(tokens) > 1 and tokens[0].plain:
            verb = self.knowledge_verbs[first]
            return Result(render([Token("", verb, "")] + tokens[1:]), [first], "rule", notes)
        if CYRILLIC.match(tokens[0].core) and self.is_infinitive(tokens[0].core):
            self._lower_first(tokens, notes)
            return Result(render(words(self.infinitive_prefix) + tokens), [self.knows_verb], "rule", notes)
        if tokens[0].plain or tokens[0].post == ",":
            self._knowledge_object(tokens, notes)
        self._lower_first(tokens, notes)
        return Result(render([Token("", self.knows, "")] + tokens), [self.knows_verb], "rule", notes)

    def _knowledge_object(self, tokens: list[Token], notes: list[Note]) -> None:
        """The object of "знает": nominative → accusative; a genitive (or dative) left over from a
        dropped "Знание" → accusative too («Современных программных средств» → «современные …»)."""
        if self.morph.noun_phrase(tokens, 0, "nomn") is not None:
            converted = self.morph.convert_chain(tokens, 0, "nomn", "accs", across_complements=True)
            if converted:
                notes.append(Note("object", "nominative → accusative after «знает»"))
                notes += [Note("agreement", f"«{c.participle}» follows its noun") for c in converted if c.participle]
            return
        for case, name in (("gent", "genitive"), ("datv", "dative")):
            phrase = self.morph.noun_phrase(tokens, 0, case)
            if phrase is not None and phrase.noun is not None and self.morph.known(tokens[phrase.noun_index].core):
                if self.morph.convert_chain(tokens, 0, case, "accs"):
                    notes.append(Note("object", f"the item starts in the {name} (a dropped «Знание»?): → accusative"))
                return

    def _knowledge_head(self, tokens: list[Token], notes: list[Note]) -> Result:
        verb = self.knowledge_heads[tokens[0].lower]
        rest = tokens[1:]
        lemma = self.parses(verb)[0].normal_form
        if is_abbreviation(rest[0].core) or not CYRILLIC.match(rest[0].core):
            return Result(render([Token("", verb, "")] + rest), [lemma], "rule", notes)
        if self.morph.convert_chain(rest, 0, "gent", "accs"):
            notes.append(Note("object", f"«{tokens[0].core} X» → «{verb} X» (genitive → accusative)", f"{DATA} knowledge.heads"))
            return Result(render([Token("", verb, "")] + rest), [lemma], "rule", notes)
        self._lower_first(tokens, notes)
        notes.append(Note("policy", f"«{self.knowledge_fallback} …»", f"{DATA} knowledge.fallback", warn=True))
        return Result(render(words(self.knowledge_fallback) + tokens), [lemma], "policy", notes)

    def _adjective_knowledge(self, tokens: list[Token], notes: list[Note]) -> Result | None:
        """«Глубокие знания X» → «владеет глубокими знаниями X» (never «знает … знания»)."""
        if not any(t.lower in self.knowledge_heads for t in tokens[1:4]):
            return None
        phrase = self.morph.noun_phrase(tokens, 0, "nomn")
        if phrase is None or not phrase.adjectives or phrase.noun is None:
            return None
        if phrase.noun.normal_form not in self.knowledge_heads:
            return None
        verb, case = self.knowledge_adjective_head.split()
        work = [Token(t.pre, t.core, t.post) for t in tokens]
        result = self.morph.inflect_phrase(work, phrase, case.lstrip("+"))
        if result is None:
            return None
        for index, word in result[0]:
            work[index].core = word
        self._lower_first(work, notes)
        notes.append(Note("object", f"«… {tokens[phrase.noun_index].core}» after adjectives → «{verb} …»",
                          f"{DATA} knowledge.adjective_head"))
        return Result(render([Token("", verb, "")] + work), [self.parses(verb)[0].normal_form], "rule", notes)

    def knowledge_bloom(self, text: str, verbs: list[str]) -> str:
        found = {w.strip("().,;:«»\"").lower() for w in text.split()}
        if found & self.understand_words:
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
                self.morph.convert_chain(rest, 0, "gent", "nomn")
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
            elif CYRILLIC.match(token.core) and self.is_infinitive(lower):
                lemmas.append(self.parses(lower)[0].normal_form)
        return lemmas
