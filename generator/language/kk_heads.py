"""Which verbal nouns of a Kazakh ability item are its heads (the verbs "алады" governs).

The last word is a head; a bare verbal noun before it is a head when a coordinator ("және", a comma)
joins it to the conjunct that ends in the next head.  It stays a noun when it

* stands inside parentheses: «деректерді өңдеу (жинау, сақтау, жою) саясатын әзірлеу»;
* is one item of a list of nouns: «кітап оқу, спорт және өнер арқылы …», «тамақтану және күн тәртібі
  бойынша …» (the list ends before the next head, or a postposition governs it);
* modifies a noun together with its conjunct: «оқу және тәрбие жұмысын» (a bare noun + a possessive),
  «тасымалдау және сақтау шығындарын», «ән айту және би билеу үйірмелерін» (a parallel verbal noun
  that modifies the next noun) — unless it has an object of its own that the conjunct lacks
  («диагноз қою және емдеу жоспарын құру»: қою is a head);
* carries a case ending or an attribute (ішкі бақылау), or is joined by «мен» to a non-head.
"""
from __future__ import annotations

import re

from generator.language.kk_morphology import KAZAKH_WORD, KazakhMorphology
from generator.language.tokens import Token

CASE_ENDINGS = (
    # accusative, possessive accusative, genitive, dative, locative, ablative, instrumental
    "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "ға", "ге", "қа", "ке", "ына", "іне",
    "да", "де", "та", "те",
    "дан", "ден", "тан", "тен", "нан", "нен",
    "мен", "бен", "пен",
)
# A verbal noun in the genitive or accusative (or possessive) after "және": parallel to the
# verbal noun before it (басқару мен ұйымдастырудың …, талдау және бағалауды …).
VERBAL_NOUN_CASE = re.compile(r"[ую](?:ды|ді|дың|дің|ы|і|ын|ін|ның|нің)$")
GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# a possessive noun, bare or with a case ending: жұмысы, жұмысын, әрекеттерін, кестесіне …
POSSESSIVE_FORM = re.compile(r"(?:ы|і|сы|сі)(?:н|на|не|нда|нде|нан|нен|ның|нің|мен)?$")


def inside_parentheses(body: list[Token]) -> list[bool]:
    """For each token: is it inside a pair of parentheses (its own brackets included)?"""
    depth, mask = 0, []
    for token in body:
        opened = token.pre.count("(") + token.core.count("(")
        closed = token.post.count(")") + token.core.count(")")
        mask.append(depth > 0 or opened > 0)
        depth = max(0, depth + opened - closed)
    return mask


class KazakhHeads:
    """Finds heads over the word lists of the lexicon (see module docstring)."""

    def __init__(self, lexicon: dict, morph: KazakhMorphology):
        self.morph = morph
        self.coordinators = set(lexicon["coordinators"])
        self.noun_coordinators = set(lexicon["noun_coordinators"])
        self.function_words = set(lexicon["function_words"])
        self.postpositions = set(lexicon["postpositions"])
        self.converb_endings = tuple(lexicon["converb_endings"])
        self.plain_nouns = set(lexicon["plain_nouns"])
        verbs = lexicon["verbs"]
        self.attributes = set(verbs["attributes"])
        self.attribute_endings = tuple(verbs["attribute_endings"])
        adjectives = lexicon["policy"]["ability"]
        self.adjective_endings = tuple(adjectives["adjective_endings"])
        self.not_adjectives = set(adjectives["not_adjectives"])
        self.pure_attributes = set(adjectives["pure_attributes"])
        self.pure_attribute_endings = tuple(adjectives["pure_attribute_endings"])

    # --- word classes ------------------------------------------------------------------------
    def bare_verbal_noun(self, token: Token) -> bool:
        return "(" not in token.pre and token.post in ("", ",", ";") and self.morph.is_verbal_noun(token.core)

    def case_marked(self, lower: str) -> bool:
        return len(lower) > 3 and lower.endswith(CASE_ENDINGS) and lower not in self.plain_nouns

    def attribute(self, token: Token) -> bool:
        lower = token.lower
        if lower in self.attributes:
            return True
        return (
            len(lower) > 3
            and lower.endswith(self.attribute_endings)
            and lower not in self.morph.not_possessive
            and lower not in self.plain_nouns
        )

    def adjective(self, token: Token) -> bool:
        """An adjective that cannot be an adverb (ішкі, қаржылық): a verbal noun after it is a noun."""
        lower = token.lower
        if lower in self.not_adjectives or lower in self.plain_nouns or not KAZAKH_WORD.match(lower):
            return False
        return len(lower) > 3 and lower.endswith(self.adjective_endings)

    def pure_attribute(self, token: Token) -> bool:
        """An attribute that is never a noun or an adverb (ішкі, сыртқы, жылдағы)."""
        lower = token.lower
        return lower in self.pure_attributes or len(lower) > 5 and lower.endswith(self.pure_attribute_endings)

    def plain_noun(self, token: Token) -> bool:
        """A bare word in the nominative that can be an incorporated object (кірпіш, ән, диагноз)."""
        lower = token.lower
        if token.pre or token.post or not KAZAKH_WORD.match(lower) or len(lower) < 2:
            return False
        if lower in self.plain_nouns:
            return True
        if self.morph.is_verbal_noun(lower) or self.case_marked(lower) or lower in self.function_words:
            return False
        if lower in self.coordinators or lower.endswith(self.converb_endings):
            return False
        return not self.attribute(token) and not self.adjective(token) and not POSSESSIVE_FORM.search(lower)

    def bare_nominal(self, token: Token) -> bool:
        """A word that can only be a noun in the nominative: a skill name in a list (мониторинг)."""
        lower = token.lower
        if "(" in token.pre or ")" in token.post or not KAZAKH_WORD.match(lower) or len(lower) < 3:
            return False
        if self.morph.is_verbal_noun(lower) or self.case_marked(lower) or re.search(r"(?:лар|лер|дар|дер|тар|тер)$", lower):
            return False
        if lower in self.function_words or lower.endswith(self.converb_endings):
            return False
        return lower[-1] not in "ыі" and not lower.endswith(("лы", "лі", "ды", "ді", "ты", "ті", "сыз", "сіз", "ғы", "гі", "қы", "кі"))

    # --- coordination ------------------------------------------------------------------------
    def coordinator_after(self, tokens: list[Token], index: int) -> tuple[str, int] | None:
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

    def conjunct_end(self, body: list[Token], start: int, inside: list[bool]) -> int:
        """The last index of the conjunct that starts at *start*: it ends at a comma or at «және»
        after a word in the nominative (a list of nouns: «спорт және өнер»); a comma or «және» after
        a case form or an adjective joins parts of the same verb phrase (мамандарға, органдарға …)."""
        for j in range(start, len(body) - 1):
            token = body[j]
            if inside[j] or token.lower in self.coordinators:
                continue
            nxt = body[j + 1]
            comma = token.post in (",", ";")
            joined = comma or (nxt.plain and nxt.lower in self.coordinators
                               and nxt.lower not in self.noun_coordinators and not token.post)
            if joined and not (
                self.case_marked(token.lower)
                or self.attribute(token)
                or self.adjective(token)
                or self.morph.is_verbal_noun(token.core)
            ):
                return j
        return len(body) - 1

    def _incorporated_object(self, body: list[Token], i: int) -> bool:
        return i > 0 and self.plain_noun(body[i - 1])

    def _under_postposition(self, body: list[Token], w: int, partner: int) -> bool:
        """«тамақтану және күн тәртібі бойынша»: the conjunct is a noun phrase a postposition governs
        (not «… жасау және оның жұмысы үшін жауапты болу»: a genitive starts an adjunct of the head)."""
        if not self.plain_noun(body[w]):
            return False
        for p in range(w + 1, partner):
            if body[p].lower in self.postpositions and not body[p].post:
                return not any(self.morph.is_verbal_noun(t.core) for t in body[w:p])
            if body[p].post or self.case_marked(body[p].lower) and not POSSESSIVE_FORM.search(body[p].lower):
                return False
        return False

    def _parallel_modifier(self, body: list[Token], i: int, w: int, partner: int) -> bool:
        """The conjunct holds a verbal noun that modifies the next noun, parallel to *i*."""
        for j in range(w, partner):
            token = body[j]
            if token.post:
                return False
            if self.bare_verbal_noun(token) and j + 1 < len(body) and body[j + 1].lower not in self.coordinators:
                if j == w:
                    return not self._incorporated_object(body, i)
                return self._incorporated_object(body, j) and self._incorporated_object(body, i)
        return False

    def _izafet_modifier(self, body: list[Token], i: int, w: int) -> bool:
        """«оқу және тәрбие жұмысын»: a bare noun + a possessive noun, and *i* has no object."""
        if w + 1 >= len(body) or not self.plain_noun(body[w]) or self.morph.is_verbal_noun(body[w].core):
            return False
        if not POSSESSIVE_FORM.search(body[w + 1].lower):
            return False
        before = body[i - 1] if i > 0 else None
        return before is None or bool(GENITIVE.search(before.lower)) or before.post in (",", ";")

    def find(self, body: list[Token], forced: set[int]) -> tuple[list[bool], list[int]]:
        """Right to left: which verbal nouns are heads, and which noun coordinators join two heads."""
        n = len(body)
        inside = inside_parentheses(body)
        head = [False] * n
        head[n - 1] = True
        swaps: list[int] = []
        for i in range(n - 2, -1, -1):
            found = self.coordinator_after(body, i)
            if i in forced:
                head[i] = True
                if found and found[0] in self.noun_coordinators:
                    swaps.append(i + 1)
                continue
            if inside[i] or not self.bare_verbal_noun(body[i]) or found is None:
                continue
            coordinator, w = found
            partner = next((j for j in range(w, n) if head[j]), None)
            if w >= n or partner is None:
                continue
            if i > 0 and not body[i - 1].post and self.attribute(body[i - 1]):
                continue
            if coordinator in self.noun_coordinators:
                if w == partner:
                    head[i] = True
                    swaps.append(i + 1)
                continue
            if w != partner and not self._conjunct_is_verbal(body, i, w, partner, inside):
                continue
            head[i] = True
        return head, swaps

    def _conjunct_is_verbal(self, body: list[Token], i: int, w: int, partner: int, inside: list[bool]) -> bool:
        if partner > self.conjunct_end(body, w, inside):
            return False  # a list of nouns: «кітап оқу, спорт және өнер арқылы …»
        nxt = body[w].lower
        if VERBAL_NOUN_CASE.search(nxt) and not self.morph.is_verbal_noun(nxt):
            return False  # басқару мен ұйымдастырудың …: parallel nouns
        if self._under_postposition(body, w, partner):
            return False
        return not self._parallel_modifier(body, i, w, partner) and not self._izafet_modifier(body, i, w)

    def nominal_list(self, body: list[Token], head: list[bool]) -> bool:
        """Does the item coordinate skill names (мониторинг, коммуникация) with its verbal heads?"""
        n = len(body)
        # (a) "X және H" where H is a one-word head conjunct.
        for i in range(n - 2):
            if not self.bare_nominal(body[i]) or body[i].post:
                continue
            nxt = body[i + 1]
            if nxt.plain and nxt.lower in self.coordinators and head[i + 2]:
                end = i + 2
                if end == n - 1 or self.coordinator_after(body, end):
                    return True
        # (b) a comma list in which a skill name is followed by a conjunct ending in a head.
        elements: list[list[int]] = [[]]
        for i, token in enumerate(body):
            elements[-1].append(i)
            if token.post in (",", ";") and i < n - 1:
                elements.append([])
        for k in range(len(elements) - 1):
            if not self.bare_nominal(body[elements[k][-1]]):
                continue
            following = k + 1
            while (
                following < len(elements) - 1
                and len(elements[following]) == 1
                and self.bare_nominal(body[elements[following][0]])
            ):
                following += 1
            element = elements[following]
            first = body[element[0]].lower
            if head[element[-1]] and not (
                len(element) > 1 and (self.morph.is_verbal_noun(first) or VERBAL_NOUN_CASE.search(first))
            ):
                return True
        return False

    def top_level_list(self, body: list[Token]) -> bool:
        """Does the item coordinate anything outside parentheses (a comma or a coordinator word)?"""
        inside = inside_parentheses(body)
        for index, token in enumerate(body):
            if inside[index]:
                continue
            if token.post in (",", ";") and index < len(body) - 1:
                return True
            if token.plain and token.lower in self.coordinators and 0 < index < len(body) - 1:
                return True
        return False
