"""Kazakh phrasing: "can do" and "knows" learning outcomes from ability and knowledge items.

Every word list the rules use is data: the Kazakh language pack's ``lexicon.yaml`` and
``lexicon_verbs.yaml`` (``generator/languages/kk/``), which a workspace extends with ``phrasing/kk.yaml``.

Ability items ("… ұйымдастыру және өткізу") become "… ұйымдастыра және өткізе алады":

* the *heads* are the verbal nouns in -у/-ю that the final verb "алады" governs (``kk_heads.py``:
  the last word and the verbal nouns coordinated with it; a verbal noun inside parentheses, in a list
  of nouns or modifying a noun stays as it is);
* each head becomes a converb through its stem (``kk_morphology.py``: the verb lexicon decides оқу →
  оқи against жазу → жаза; a verb not in it is read as a consonant stem and reported);
* items without a usable verb follow the policies of ``kk_policy.py`` (меңгеру, negatives, soft
  skills, light verbs) and ``lexicon.yaml`` (``policy:``): a final skill noun goes into the accusative
  before "қолдана алады"; a bare noun phrase or a list that mixes nouns with verbal nouns gets
  "дағдыларын қолдана алады"; "X істеу қабілеті" → "X істей алады".

Knowledge items take the accusative of their head noun and "біледі" (Заңы → Заңын біледі,
мониторинг → мониторингті біледі); "… білу" becomes "… біледі".
"""
from __future__ import annotations

from generator.language import Note, Result, bloom_of_verbs
from generator.language.kk_heads import KazakhHeads, inside_parentheses
from generator.language.kk_morphology import KazakhMorphology
from generator.language.kk_policy import POLICY, VERBS_FILE, Body, KazakhPolicies, words
from generator.language.kk_queries import KazakhQueries
from generator.language.names import NameEvidence, kk_form_of
from generator.language.tokens import (
    QUOTES,
    Token,
    lower_first,
    render,
    split_trailing_parenthetical,
    strip_final_punctuation,
    tokenize,
)

_DATIVE_ENDINGS = ("ға", "ге", "қа", "ке", "ына", "іне")
_STEM_KEYS = {"hidden_vowel": "verb_stems.hidden_vowel", "consonant": "verb_stems.consonant",
              "vowel": "verb_stems.vowel"}


class KazakhPhraser(KazakhQueries):
    """Rule-based Kazakh phrasing over a lexicon (see module docstring)."""

    def __init__(self, lexicon: dict):
        self.morph = KazakhMorphology(lexicon)
        self.heads = KazakhHeads(lexicon, self.morph)
        self.and_word = lexicon["and_word"]
        self.names = NameEvidence(lexicon["proper_names"], lexicon["proper_name_dictionaries"], kk_form_of)
        verbs = lexicon["verbs"]
        self.compounds = {tuple(c.split()) for c in verbs["compounds"]}
        self.light_verbs = set(verbs["light_verbs"])
        self.bloom_of = bloom_of_verbs(lexicon["bloom"])
        self.bloom_default = lexicon["bloom"]["default"]
        ability = lexicon["policy"]["ability"]
        self.final_verb = ability["final_verb"]
        self.policies = KazakhPolicies(lexicon, self.morph, self.final_verb)
        self.skill_nouns = set(ability["skill_nouns"])
        self.skill_verb = ability["skill_verb"].split()
        self.verbless_suffix = ability["verbless_suffix"].split()
        self.capacity_words = set(ability["capacity_words"])
        self.capacity_verb = ability["capacity_verb"].split()
        self.policy_verb = ability["policy_verb"]
        self.policy_bloom = ability["policy_bloom"]
        self.finite_endings = set(ability["finite_endings"])
        self.modal_verbs = set(ability["modal_verbs"])
        knowledge = lexicon["policy"]["knowledge"]
        self.knows = knowledge["final_verb"]
        self.knows_verb = knowledge["verb"]
        self.knows_bloom = knowledge["bloom"]
        self.final_verbs = knowledge["final_verbs"]
        self.final_phrases = knowledge["final_phrases"]
        self.understand_words = set(knowledge["understand_words"])
        self.tails = sorted((t.split() for t in knowledge["tails"]), key=len, reverse=True)
        self.cases = lexicon.get("cases") or {}
        # converb → lemma for the verbs of the Bloom lexicon (for overrides)
        self.lemma_of_converb: dict[str, str] = {}
        for verb in self.bloom_of:
            last = verb.split()[-1]
            form = self.morph.converb(last)
            if form:
                self.lemma_of_converb.setdefault(form, last)

    # --- capitals ----------------------------------------------------------------------------
    def keep_capital(self, tokens: list[Token], notes: list[Note] | None = None) -> bool:
        why = self.names.why(tokens)
        if why and notes is not None and tokens[0].core[:1].isupper():
            notes.append(Note("capital", f"«{tokens[0].core}» keeps its capital: {why}", "kk.yaml proper_names"))
        return why is not None

    def keeps_capital_text(self, text: str, names=frozenset()) -> bool:
        tokens = tokenize(text)
        if not tokens or any(q in tokens[0].pre for q in QUOTES):
            return bool(tokens)
        return self.names.why(tokens, names) is not None

    def _lower_first(self, out: list[Token], notes: list[Note]) -> None:
        lower_first(out, lambda tokens: self.keep_capital(tokens, notes))

    # --- verbs -------------------------------------------------------------------------------
    def _converb_lemma(self, word: str) -> str | None:
        """The verbal noun of a converb before "алу/білу" (пайдалана білу), None for other words.

        A word that could also be a dative (есепке алу, назарға алу) counts only when its verb is
        in the lexicon.
        """
        candidates = self.morph.lemma_candidates(word)
        if not candidates:
            return None
        if word.lower().endswith(_DATIVE_ENDINGS):
            known = [c for c in candidates if c in self.bloom_of]
            return known[0] if known else None
        return candidates[0]

    def head_lemma(self, body: list[Token], index: int) -> str:
        word = body[index].lower
        if index > 0 and not body[index - 1].post:
            pair = (body[index - 1].lower, word)
            if pair in self.compounds:
                return " ".join(pair)
            if word in self.light_verbs and body[index - 1].lower in self.bloom_of:
                return f"{body[index - 1].lower} {word}"
        return word

    def bloom(self, lemma: str) -> str:
        if lemma in self.bloom_of:
            return self.bloom_of[lemma]
        parts = lemma.split()
        if len(parts) == 2 and parts[1] in self.light_verbs and parts[0] in self.bloom_of:
            return self.bloom_of[parts[0]]
        return self.bloom_of.get(parts[-1], self.bloom_default)

    def _convert_head(self, token: Token, notes: list[Note]) -> None:
        """Turn a head verbal noun into its converb, noting how its stem was decided."""
        noun = token.core
        converb = self.morph.converb(noun) or noun
        stem, reading = self.morph.stem_of(noun)
        if noun.lower() in self.morph.converb_exceptions:
            notes.append(Note("converb", f"{noun} → {converb}", "kk.yaml verbs.converb_exceptions"))
        elif reading == "assumed":
            notes.append(Note("stem", f"«{noun}» is not in the verb lexicon: read as the consonant stem "
                              f"{stem}- → {converb} (an ы/і stem would give {stem}и)",
                              f"{VERBS_FILE} verb_stems.consonant or verb_stems.hidden_vowel", warn=True))
        else:
            where = _STEM_KEYS.get(reading, "")
            notes.append(Note("converb", f"{noun} → {converb} (stem {stem}-, {reading.replace('_', ' ')})",
                              f"{VERBS_FILE} {where}" if where else ""))
        token.core = converb

    # --- ability -----------------------------------------------------------------------------
    def ability(self, text: str) -> Result:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if not tokens:
            return Result("", [self.policy_verb], "policy")
        body, paren = split_trailing_parenthetical(tokens)
        result = self._ability_body(body)
        out = body + result.tail + paren
        self._lower_first(out, result.notes)
        return Result(render(out), result.verbs, result.source, result.notes)

    def _policy(self, tail: list[str], key: str, detail: str, verb: str | None = None, warn=False) -> Body:
        note = Note("policy", detail, f"{POLICY}.{key}", warn=warn)
        return Body(words(" ".join(tail)), [verb or self.policy_verb], "policy", [note])

    def _elements(self, body: list[Token]) -> list[list[Token]]:
        """The conjuncts of a list of nouns (split at commas and coordinators outside parentheses)."""
        inside = inside_parentheses(body)
        elements: list[list[Token]] = [[]]
        for index, token in enumerate(body):
            if not inside[index] and token.plain and token.lower in self.heads.coordinators:
                elements.append([])
                continue
            elements[-1].append(token)
            if not inside[index] and token.post in (",", ";"):
                elements.append([])
        return [e for e in elements if e]

    def _ability_body(self, body: list[Token]) -> Body:
        last = body[-1]
        lower = last.lower
        if lower in self.finite_endings:
            lemma = None
            if len(body) > 1:
                lemma = next(iter(self.morph.lemma_candidates(body[-2].core)), None)
            return Body([], [lemma or self.policy_verb], "rule", [Note("finite", "already a finite verb")])
        if lower in self.modal_verbs and len(body) > 1 and not body[-2].post:
            lemma = self._converb_lemma(body[-2].core)
            if lemma:
                last.core = self.final_verb
                return Body([], [lemma], "rule", [Note("modal", f"«{body[-2].core} {lower}» → «… {self.final_verb}»")])
        soft = self.policies.soft_skill(body, self._elements(body))
        if soft is not None:
            return soft
        mastering = self.policies.mastering(body)
        notes = [mastering[1]] if mastering else []
        negative = self.policies.negative(body)
        if negative is not None:
            return negative
        final = None
        if mastering and mastering[0] == "replace":
            final = (self.policies.mastering_verb, self.policies.mastering_lemma)
        result = self._verbal_or_nominal(body, final)
        result.notes[:0] = notes
        return result

    def _capacity(self, body: list[Token]) -> set[int]:
        """"X істеу қабілеті": the capacity word goes, the verbal noun becomes a head."""
        forced: set[int] = set()
        index = 0
        while index < len(body):
            token = body[index]
            if (
                token.lower in self.capacity_words
                and index > 0
                and not token.pre
                and not body[index - 1].post
                and self.morph.is_verbal_noun(body[index - 1].core)
            ):
                body[index - 1].post = token.post
                del body[index]
                forced.add(index - 1)
                continue
            index += 1
        return forced

    def _verbal_or_nominal(self, body: list[Token], final: tuple[str, str] | None) -> Body:
        forced = self._capacity(body)
        last = body[-1]
        lower = last.lower
        single = not self.heads.top_level_list(body)
        if lower in self.skill_nouns and len(body) > 1:
            last.core = self.morph.accusative(last.core)
            return self._policy(self.skill_verb, "skill_nouns", f"skill noun «{lower}» + «{' '.join(self.skill_verb)}»")
        if lower in self.capacity_words and len(body) > 1:
            last.core = self.morph.accusative(last.core)
            return self._policy(self.capacity_verb, "capacity_words", f"«{lower}» + «{' '.join(self.capacity_verb)}»",
                                self.capacity_verb[0])
        if self.heads.bare_verbal_noun(last) or (len(body) - 1) in forced:
            noun_use = self._noun_use(body)
            if noun_use and single and (len(body) - 1) not in forced:
                return self.policies.light_verb(body, True, self.bloom_of)
            if not noun_use:
                heads = self._heads(body, forced, final)
                if heads is not None:
                    return heads
        elif single:
            light = self.policies.light_verb(body, False, self.bloom_of)
            if light is not None:
                return light
        if not self.heads.bare_verbal_noun(last) and self.morph.is_possessive(lower):
            last.core = self.morph.accusative(last.core)
            return self._policy(self.skill_verb, "skill_verb", f"possessive head «{lower}» + «{' '.join(self.skill_verb)}»")
        return self._policy(self.verbless_suffix, "verbless_suffix",
                            f"no usable verb: «… {' '.join(self.verbless_suffix)}»", warn=True)

    def _noun_use(self, body: list[Token]) -> bool:
        """Is the final verbal noun used as a noun (ішкі бақылау, қаржылық талдау)?"""
        if len(body) < 2 or body[-2].post or body[-1].lower in self.light_verbs:
            return False
        if self.heads.pure_attribute(body[-2]):
            return True
        return self.heads.adjective(body[-2]) and self.policies.noun_key(body) is not None

    def _heads(self, body: list[Token], forced: set[int], final: tuple[str, str] | None) -> Body | None:
        head, swaps = self.heads.find(body, forced)
        if self.heads.nominal_list(body, head):
            return None
        notes = [Note("head", ", ".join(body[i].core for i, is_head in enumerate(head) if is_head)
                      + (" (the last word, and verbal nouns coordinated with it)" if sum(head) > 1 else " (the last word)"))]
        lemmas = []
        for i, is_head in enumerate(head):
            if not is_head:
                continue
            if final is not None and i == len(body) - 1:
                body[i].core, lemma = final
                lemmas.append(lemma)
                continue
            lemmas.append(self.head_lemma(body, i))
            self._convert_head(body[i], notes)
        for i in swaps:
            body[i].core = self.and_word
        return Body([Token("", self.final_verb, "")], lemmas, "rule", notes)

    # --- knowledge ---------------------------------------------------------------------------
    def knowledge(self, text: str) -> Result:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if not tokens:
            return Result("", [self.knows_verb], "rule")
        body, paren = split_trailing_parenthetical(tokens)
        if paren and paren[-1].lower == self.knows_verb and len(paren) > 1:
            paren[-2].post += paren[-1].post  # "(… құралдарын білу)" → "(… құралдарын)"
            paren.pop()
        tail: list[Token] = []
        for tail_words in self.tails:
            size = len(tail_words)
            if len(body) > size and [t.text.lower() for t in body[-size:]] == tail_words:
                body, tail = body[:-size], body[-size:]
                break
        last = body[-1]
        lower = last.lower
        verbs = [self.knows_verb]
        notes: list[Note] = []
        ending: list[Token] = [Token("", self.knows, "")]
        if lower in self.final_verbs and not last.post and not tail:
            last.core = self.final_verbs[lower]
            verbs = [lower]
            ending = []
        elif lower in self.final_phrases and not last.post and not tail:
            last.core = self.final_phrases[lower]
            ending = []
        elif last.post and any(q in last.post for q in QUOTES):
            suffix = self.morph.accusative(last.core)[len(last.core):]
            if suffix:
                last.post = f"{last.post}-{suffix.lstrip('-')}"
                notes.append(Note("accusative", f"«…{last.post}»: {self.morph.accusative_reason(last.core)}"))
        elif not last.post or last.post in (",", ";"):
            word = last.core
            last.core = self.morph.accusative(word)
            notes.append(Note("accusative", f"{word} → {last.core}: {self.morph.accusative_reason(word)}",
                              "kk.yaml accusative, harmony"))
        out = body + tail + paren + ending
        self._lower_first(out, notes)
        return Result(render(out), verbs, "rule", notes)

    def knowledge_bloom(self, text: str, verbs: list[str]) -> str:
        words = {w.strip("().,;:«»\"").lower() for w in text.split()}
        if words & self.understand_words:
            return "understand"
        return self.bloom(verbs[0]) if verbs and verbs[0] in self.bloom_of else self.knows_bloom

    # --- topics and overrides ----------------------------------------------------------------
    def topic(self, text: str) -> str:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if not tokens:
            return ""
        body, paren = split_trailing_parenthetical(tokens)
        if paren and paren[-1].lower == self.knows_verb and len(paren) > 1:
            paren[-2].post += paren[-1].post
            paren.pop()
            for token in paren:  # every member the verb governed: «(процестерді, … құралдарын)» → nominative
                if token is paren[-1] or "," in token.post:
                    token.core = self.morph.nominative_of_accusative(token.core)
        elif len(body) > 1 and body[-1].lower in self.final_verbs and not body[-1].post:
            body.pop()
            body[-1].core = self.morph.nominative_of_accusative(body[-1].core)
        out = body + paren
        first = out[0]
        if first.core and first.core[0].islower():
            first.core = first.core[0].upper() + first.core[1:]
        return render(out)

    def outcome_verbs(self, text: str) -> list[str]:
        """Head lemmas of a hand-written outcome (for the Bloom level of an override)."""
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if not tokens:
            return []
        if tokens[-1].lower == self.knows:
            return [self.knows_verb]
        lemmas = []
        for index, token in enumerate(tokens):
            lemma = self.lemma_of_converb.get(token.lower)
            if lemma is None and index + 1 < len(tokens) and tokens[index + 1].lower == self.final_verb:
                lemma = next(iter(self.morph.lemma_candidates(token.core)), None)
            if lemma:
                if index > 0 and (tokens[index - 1].lower, lemma) in self.compounds:
                    lemma = f"{tokens[index - 1].lower} {lemma}"
                lemmas.append(lemma)
        return lemmas
