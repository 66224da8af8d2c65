"""Kazakh phrasing: "can do" and "knows" learning outcomes from ability and knowledge items.

Every word list the rules use is data: the Kazakh language pack's ``lexicon.yaml``
(``generator/languages/kk/``), which a workspace extends with ``phrasing/kk.yaml``.

Ability items ("… ұйымдастыру және өткізу") become "… ұйымдастыра және өткізе алады":

* the *heads* are the verbal nouns in -у/-ю that the final verb "алады" governs: the last word,
  and every bare verbal noun coordinated with a head by "және", "мен", "," …  A verbal noun that
  modifies a following noun (жоспарлау қағидаттарын), stands before a postposition (жақсарту үшін),
  carries a case ending (ұйымдастыруды) or an attribute (ішкі бақылау) is a noun and stays;
* each head becomes a converb (ұйымдастыру → ұйымдастыра, жасау → жасай, оқу → оқи, қою → қоя);
* items without a verb follow the documented policy in ``lexicon.yaml`` (``policy:``): a final
  skill noun goes into the accusative before "қолдана алады"; a bare noun phrase or a list that
  mixes nouns with verbal nouns gets "дағдыларын қолдана алады"; "X істеу қабілеті" → "X істей алады".

Knowledge items take the accusative of their head noun and "біледі" (Заңы → Заңын біледі,
мониторинг → мониторингті біледі); "… білу" becomes "… біледі".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.language import Result, bloom_of_verbs
from generator.language.kk_morphology import KAZAKH_WORD, LATIN, KazakhMorphology
from generator.language.kk_queries import KazakhQueries
from generator.language.tokens import (
    QUOTES,
    Token,
    lower_first,
    render,
    split_trailing_parenthetical,
    strip_final_punctuation,
    tokenize,
)

_CASE_ENDINGS = (
    # accusative, possessive accusative, genitive, dative, locative, ablative, instrumental
    "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "ға", "ге", "қа", "ке", "ына", "іне",
    "да", "де", "та", "те",
    "дан", "ден", "тан", "тен", "нан", "нен",
    "мен", "бен", "пен",
)
# A verbal noun in the genitive or accusative (or possessive) after "және": parallel to the
# verbal noun before it (басқару мен ұйымдастырудың …, талдау және бағалауды …).  In other cases it
# is an argument of its own verb (монтаждау және пайдалануға беру).
_VERBAL_NOUN_CASE = re.compile(r"[ую](?:ды|ді|дың|дің|ы|і|ын|ін|ның|нің)$")
_DATIVE_ENDINGS = ("ға", "ге", "қа", "ке", "ына", "іне")
_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)$")
_ADJECTIVE_ENDINGS = ("лы", "лі", "ды", "ді", "ты", "ті", "сыз", "сіз", "ғы", "гі", "қы", "кі")


class KazakhPhraser(KazakhQueries):
    """Rule-based Kazakh phrasing over a lexicon (see module docstring)."""

    def __init__(self, lexicon: dict):
        self.morph = KazakhMorphology(lexicon)
        self.coordinators = set(lexicon["coordinators"])
        self.noun_coordinators = set(lexicon["noun_coordinators"])
        self.and_word = lexicon["and_word"]
        self.proper_names = list(lexicon["proper_names"])
        self.function_words = set(lexicon["function_words"])
        self.converb_endings = tuple(lexicon["converb_endings"])
        verbs = lexicon["verbs"]
        self.compounds = {tuple(c.split()) for c in verbs["compounds"]}
        self.light_verbs = set(verbs["light_verbs"])
        self.attributes = set(verbs["attributes"])
        self.attribute_endings = tuple(verbs["attribute_endings"])
        self.bloom_of = bloom_of_verbs(lexicon["bloom"])
        self.bloom_default = lexicon["bloom"]["default"]
        ability = lexicon["policy"]["ability"]
        self.final_verb = ability["final_verb"]
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

    # --- helpers -----------------------------------------------------------------------------
    def keep_capital(self, tokens: list[Token]) -> bool:
        core = tokens[0].core
        first_part = core.split("-")[0]
        if sum(c.isupper() for c in first_part) >= 2 or LATIN.match(core):
            return True
        start = " ".join(t.core for t in tokens[:4])
        return any(start.startswith(name) for name in self.proper_names)

    def _bare_verbal_noun(self, token: Token) -> bool:
        return (
            "(" not in token.pre
            and token.post in ("", ",", ";")
            and self.morph.is_verbal_noun(token.core)
        )

    def _case_marked(self, lower: str) -> bool:
        return len(lower) > 3 and lower.endswith(_CASE_ENDINGS)

    def _attribute(self, token: Token) -> bool:
        lower = token.lower
        if lower in self.attributes:
            return True
        return (
            len(lower) > 3
            and lower.endswith(self.attribute_endings)
            and lower not in self.morph.not_possessive
        )

    def _bare_nominal(self, token: Token) -> bool:
        """A word that can only be a noun in the nominative: a skill name in a list (мониторинг)."""
        lower = token.lower
        if "(" in token.pre or ")" in token.post or not KAZAKH_WORD.match(lower) or len(lower) < 3:
            return False
        if self.morph.is_verbal_noun(lower) or self._case_marked(lower) or _PLURAL.search(lower):
            return False
        if lower in self.function_words or lower.endswith(self.converb_endings):
            return False
        return lower[-1] not in "ыі" and not lower.endswith(_ADJECTIVE_ENDINGS)

    def _coordinator_after(self, tokens: list[Token], index: int) -> tuple[str, int] | None:
        """The coordinator after token *index* and the index of the next conjunct's first word."""
        token = tokens[index]
        if token.post in (",", ";"):
            return ",", index + 1
        if token.post or index + 1 >= len(tokens):
            return None
        nxt = tokens[index + 1]
        if nxt.plain and nxt.lower in self.coordinators:
            return nxt.lower, index + 2
        return None

    def find_heads(self, body: list[Token], forced: set[int]) -> tuple[list[bool], list[int]]:
        """Right to left: which verbal nouns are heads, and which noun coordinators join two heads."""
        n = len(body)
        head = [False] * n
        head[n - 1] = True
        swaps: list[int] = []
        for i in range(n - 2, -1, -1):
            found = self._coordinator_after(body, i)
            if i in forced:
                head[i] = True
                if found and found[0] in self.noun_coordinators:
                    swaps.append(i + 1)
                continue
            if not self._bare_verbal_noun(body[i]) or found is None:
                continue
            coordinator, w = found
            if w >= n:
                continue
            partner = next((j for j in range(w, n) if head[j]), None)
            if partner is None:
                continue
            if i > 0 and not body[i - 1].post and self._attribute(body[i - 1]):
                continue
            if coordinator in self.noun_coordinators:
                if w == partner:
                    head[i] = True
                    swaps.append(i + 1)
                continue
            if w != partner:
                nxt = body[w].lower
                if _VERBAL_NOUN_CASE.search(nxt) and not self.morph.is_verbal_noun(nxt):
                    continue  # басқару мен ұйымдастырудың …: parallel nouns
                if self.morph.is_verbal_noun(nxt):
                    continue  # жоспарлау және бақылау дағдылары: parallel modifiers
            head[i] = True
        return head, swaps

    def nominal_list(self, body: list[Token], head: list[bool]) -> bool:
        """Does the item coordinate skill names (мониторинг, коммуникация) with its verbal heads?"""
        n = len(body)
        # (a) "X және H" where H is a one-word head conjunct.
        for i in range(n - 2):
            if not self._bare_nominal(body[i]) or body[i].post:
                continue
            nxt = body[i + 1]
            if nxt.plain and nxt.lower in self.coordinators and head[i + 2]:
                end = i + 2
                if end == n - 1 or self._coordinator_after(body, end):
                    return True
        # (b) a comma list in which a skill name is followed by a conjunct ending in a head.
        elements: list[list[int]] = [[]]
        for i, token in enumerate(body):
            elements[-1].append(i)
            if token.post in (",", ";") and i < n - 1:
                elements.append([])
        for k in range(len(elements) - 1):
            if not self._bare_nominal(body[elements[k][-1]]):
                continue
            following = k + 1
            while (
                following < len(elements) - 1
                and len(elements[following]) == 1
                and self._bare_nominal(body[elements[following][0]])
            ):
                following += 1
            element = elements[following]
            first = body[element[0]].lower
            if head[element[-1]] and not (
                len(element) > 1 and (self.morph.is_verbal_noun(first) or _VERBAL_NOUN_CASE.search(first))
            ):
                return True
        return False

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

    # --- ability -----------------------------------------------------------------------------
    def ability(self, text: str) -> Result:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if not tokens:
            return Result("", [self.policy_verb], "policy")
        body, paren = split_trailing_parenthetical(tokens)
        result = self._ability_body(body)
        out = body + result.tail + paren
        lower_first(out, self.keep_capital)
        return Result(render(out), result.verbs, result.source)

    @dataclass
    class _Body:
        tail: list[Token]
        verbs: list[str]
        source: str

    def _policy_tail(self, words: list[str]) -> list[Token]:
        return [Token("", word, "") for word in words]

    def _ability_body(self, body: list[Token]) -> "KazakhPhraser._Body":
        last = body[-1]
        lower = last.lower
        if lower in self.finite_endings:
            lemma = None
            if len(body) > 1:
                lemma = next(iter(self.morph.lemma_candidates(body[-2].core)), None)
            return self._Body([], [lemma or self.policy_verb], "rule")
        if lower in self.modal_verbs and len(body) > 1 and not body[-2].post:
            lemma = self._converb_lemma(body[-2].core)
            if lemma:
                last.core = self.final_verb
                return self._Body([], [lemma], "rule")

        # "X істеу қабілеті": the capacity word goes, the verbal noun becomes a head.
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
        last = body[-1]
        lower = last.lower
        if lower in self.skill_nouns and len(body) > 1:
            last.core = self.morph.accusative(last.core)
            return self._Body(self._policy_tail(self.skill_verb), [self.policy_verb], "policy")
        if lower in self.capacity_words and len(body) > 1:
            last.core = self.morph.accusative(last.core)
            return self._Body(self._policy_tail(self.capacity_verb), [self.capacity_verb[0]], "policy")
        if self._bare_verbal_noun(last) or (len(body) - 1) in forced:
            head, swaps = self.find_heads(body, forced)
            if not self.nominal_list(body, head):
                lemmas = []
                for i, is_head in enumerate(head):
                    if is_head:
                        lemmas.append(self.head_lemma(body, i))
                        body[i].core = self.morph.converb(body[i].core) or body[i].core
                for i in swaps:
                    body[i].core = self.and_word
                return self._Body([Token("", self.final_verb, "")], lemmas, "rule")
        elif self.morph.is_possessive(lower):
            last.core = self.morph.accusative(last.core)
            return self._Body(self._policy_tail(self.skill_verb), [self.policy_verb], "policy")
        return self._Body(self._policy_tail(self.verbless_suffix), [self.policy_verb], "policy")

    # --- knowledge ---------------------------------------------------------------------------
    def knowledge(self, text: str) -> Result:
        tokens = tokenize(text)
        strip_final_punctuation(tokens)
        if not tokens:
            return Result("", [self.knows_verb], "rule")
        body, paren = split_trailing_parenthetical(tokens)
        if paren and paren[-1].lower in self.final_verbs and len(paren) > 1:
            paren[-2].post += paren[-1].post  # "(… құралдарын білу)" → "(… құралдарын)"
            paren.pop()
        tail: list[Token] = []
        for words in self.tails:
            size = len(words)
            if len(body) > size and [t.text.lower() for t in body[-size:]] == words:
                body, tail = body[:-size], body[-size:]
                break
        last = body[-1]
        lower = last.lower
        verbs = [self.knows_verb]
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
        elif not last.post or last.post in (",", ";"):
            last.core = self.morph.accusative(last.core)
        out = body + tail + paren + ending
        lower_first(out, self.keep_capital)
        return Result(render(out), verbs, "rule")

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
        if paren and paren[-1].lower in self.final_verbs and len(paren) > 1:
            paren[-2].post += paren[-1].post
            paren.pop()
            paren[-1].core = self.morph.nominative_of_accusative(paren[-1].core)
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
