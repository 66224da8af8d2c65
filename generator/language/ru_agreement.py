"""An agreement checker for Russian outcomes (pymorphy3), for lint and tests.

It reads an outcome as a careful editor would, without knowing how it was made:

* **objects**: the noun phrase after «знает»/«понимает»/«имеет» is in the accusative, after «владеет» in
  the instrumental, and after «умеет <infinitive>» in the case that verb governs (``government`` and
  ``nouns_to_verbs`` in the Russian pack's ``lexicon.yaml``; another transitive verb: the accusative).  «знает … знания»
  is flagged as a tautology;
* **adjectives** before a noun agree with it in case, number and gender (passive participles too; an
  active participle before a noun is usually followed by its own object and is not checked);
* **participles** after a noun («…, возникающие при …», «терминологию, используемую») agree with a noun
  before them in case, number and gender.  An outcome has no subject, so no noun outside quotes,
  brackets and a list after a colon can be nominative;
* **guessed forms**: a word the phraser inflected (not in the item) that pymorphy3's dictionary does
  not know (a typo in the source: «занния» → «заннию»);
* **fallbacks**: «умеет выполнять: …», which the phraser writes when it found no action.

Texts inside quotes, brackets and after a colon are lists or titles and are not checked.
"""
from __future__ import annotations

import re

from generator.language.ru_phrases import COORDINATORS, CYRILLIC, DETERMINERS, QUANTIFIERS, RussianMorph, is_abbreviation
from generator.language.tokens import QUOTES, Token, tokenize

_OBJECT_VERBS = {"знает": "accs", "понимает": "accs", "имеет": "accs", "владеет": "ablt"}


class AgreementChecker:
    """Checks outcomes over the phraser's morphology and government data."""

    def __init__(self, morph: RussianMorph, lexicon: dict):
        self.morph = morph
        self.government: dict[str, str] = {}
        for value in lexicon["nouns_to_verbs"].values():
            parts = value.split()
            if len(parts) == 2 and parts[1].startswith("+") and parts[1] != "+keep":
                self.government[parts[0]] = parts[1][1:]
        self.government.update(lexicon["government"])
        self.fallback = lexicon["ability"]["fallback"]
        self.recipient_verbs = set(lexicon["recipient_verbs"])
        self.knowledge_heads = set(lexicon["knowledge"]["heads"])

    # --- regions -------------------------------------------------------------------------------
    @staticmethod
    def _protected(tokens: list[Token]) -> list[bool]:
        """Tokens inside quotes, brackets, or after a colon: lists and titles, not checked."""
        mask, depth, quoted, listed = [], 0, False, False
        for token in tokens:
            opened = token.pre.count("(")
            quote_in = any(q in token.pre for q in QUOTES)
            mask.append(depth + opened > 0 or quoted or quote_in or listed)
            depth = max(0, depth + opened - token.post.count(")"))
            if quote_in and not any(q in token.post for q in QUOTES):
                quoted = True
            elif quoted and any(q in token.post for q in QUOTES):
                quoted = False
            if token.post.endswith(":"):
                listed = True
        return mask

    # --- checks --------------------------------------------------------------------------------
    def check(self, text: str, item: str | None = None) -> list[str]:
        """Problems of one outcome (empty: it reads correctly); *item* enables the guessed-form check."""
        tokens = tokenize(text)
        if not tokens:
            return []
        if text.startswith(self.fallback):
            return [f"last-resort phrasing «{self.fallback} …»: no action found in the item"]
        protected = self._protected(tokens)
        typos = [t.core for i, t in enumerate(tokens) if not protected[i] and CYRILLIC.match(t.core)
                 and self.morph.suspicious(t.core)]
        problems = [f"«{word}» is not a dictionary word (a typo in the source?)" for word in typos]
        problems += self._objects(tokens, protected)
        problems += self._adjectives(tokens, protected)
        problems += self._participles(tokens, protected)
        if item is not None:
            problems += self._guessed(tokens, item, protected)
        return problems

    def _case_of(self, verb: str) -> str | None:
        if verb in _OBJECT_VERBS:
            return _OBJECT_VERBS[verb]
        if verb in self.government:
            return self.government[verb]
        parse = self.morph.find(verb, {"INFN"})
        return "accs" if parse is not None and "tran" in parse.tag else None

    def _objects(self, tokens: list[Token], protected: list[bool]) -> list[str]:
        problems = []
        first = tokens[0].lower
        verbs: list[int] = [0] if first in _OBJECT_VERBS else []
        if first == "умеет":
            index = 1
            while index < len(tokens) and self.morph.is_infinitive(tokens[index].lower) and CYRILLIC.match(tokens[index].core):
                verbs.append(index)
                token = tokens[index]
                if token.post == "," or index + 1 < len(tokens) and tokens[index + 1].lower in COORDINATORS \
                        and index + 2 < len(tokens) and self.morph.is_infinitive(tokens[index + 2].lower):
                    index += 1 if token.post == "," else 2
                    continue
                break
        for position in verbs[-1:]:
            verb = tokens[position].lower
            case = self._case_of(verb)
            start = position + 1
            if case is None or start >= len(tokens) or tokens[position].post or protected[start]:
                continue
            problem = self._object_problem(tokens, start, verb, case)
            if problem:
                problems.append(problem)
        return problems

    def _object_problem(self, tokens: list[Token], start: int, verb: str, case: str) -> str | None:
        if verb in self.recipient_verbs:  # «предоставлять гражданам информацию»: the recipient first
            recipient = self.morph.noun_phrase(tokens, start, "datv")
            if recipient is not None and recipient.end < len(tokens) and not tokens[recipient.end - 1].post:
                start = recipient.end
        word = tokens[start]
        lower = word.lower
        if self.morph.suspicious(word.core):
            return None  # reported as a typo
        if not CYRILLIC.match(word.core.split("/")[0]) or is_abbreviation(word.core) or lower in QUANTIFIERS:
            return None
        if self.morph.pos(lower) in ("PREP", "ADVB", "CONJ", "PRCL", "NPRO", "INFN", "NUMR") or lower in DETERMINERS:
            return None
        phrase = self.morph.noun_phrase(tokens, start, case)
        if phrase is not None:
            if phrase.noun is not None and verb in ("знает", "понимает") and phrase.noun.normal_form in self.knowledge_heads:
                return f"«{verb} … {tokens[phrase.noun_index].core}»: knowledge is not an object of «{verb}»"
            return None
        head = self._object_head(tokens, start)
        if head is None:
            fits = self.morph.find(lower, {"NOUN", "ADJF", "PRTF"}, case) is not None
        else:
            fits = self.morph.find(tokens[head].lower, {"NOUN"}, case) is not None or is_abbreviation(tokens[head].core)
            if not fits and case == "accs" and head > start:  # «детерминированный сборщик»: a device,
                adjective = self.morph.find(tokens[head - 1].lower, {"ADJF", "PRTF"}, "accs")  # so inanimate
                fits = adjective is not None and "inan" in adjective.tag and self.morph.find(tokens[head].lower, {"NOUN"}, "nomn") is not None
        if fits:
            return None  # the phrase continues in a way the parser does not follow; its noun fits
        return f"the object «{word.core}» after «{verb}» is not in the {_CASE_NAMES[case]}"

    def _object_head(self, tokens: list[Token], start: int) -> int | None:
        """The first noun of the object (after its adjectives), or None."""
        for j in range(start, min(len(tokens), start + 5)):
            pos = self.morph.pos(tokens[j].lower)
            if pos == "NOUN" or is_abbreviation(tokens[j].core):
                return j
            if pos not in ("ADJF", "PRTF", "ADVB") and tokens[j].lower not in COORDINATORS or tokens[j].post:
                return None
        return None

    def _head_after(self, tokens: list[Token], index: int) -> int | None:
        """The noun an adjective at *index* stands before (through coordinated adjectives, adverbs)."""
        j = index + 1
        while j < len(tokens):
            if tokens[j - 1].post not in ("",) and not (tokens[j - 1].post == "," and self.morph.pos(tokens[j].lower) == "ADJF"):
                return None
            lower = tokens[j].lower
            pos = self.morph.pos(lower)
            if lower in COORDINATORS or lower in DETERMINERS or pos in ("ADJF", "ADVB") and not self.morph.find(lower, {"NOUN"}):
                j += 1
                continue
            return j if pos == "NOUN" and CYRILLIC.match(tokens[j].core) else None
        return None

    def _adjectives(self, tokens: list[Token], protected: list[bool]) -> list[str]:
        problems = []
        for index, token in enumerate(tokens):
            if protected[index] or not CYRILLIC.match(token.core) or token.pre:
                continue
            parses = [p for p in self.morph.parses(token.lower) if p.tag.POS in ("ADJF", "PRTF")]
            if not parses or self.morph.pos(token.lower) not in ("ADJF", "PRTF") or self.morph.find(token.lower, {"NOUN"}):
                continue
            if all(p.tag.POS == "PRTF" and "actv" in p.tag for p in parses):
                continue  # «регламентирующие оказание помощи»: an active participle and its object
            if index and tokens[index - 1].post == "," and any(self._agrees_left(tokens, protected, index, p) for p in parses):
                continue  # «документацию, необходимую предприятию»: after its noun
            head = self._head_after(tokens, index)
            if head is None or protected[head] or self.morph.suspicious(tokens[head].core):
                continue
            if not self._agrees_with(parses, tokens[head].lower):
                later = self._head_after(tokens, head)  # «подверженные нагрузке участки»: a complement first
                if later is None and head + 1 < len(tokens) and is_abbreviation(tokens[head + 1].core):
                    continue  # «требуемого компании ОС»: the head is an abbreviation
                if later is None or not self._agrees_with(parses, tokens[later].lower):
                    problems.append(f"«{token.core}» does not agree with «{tokens[head].core}»")
        return problems

    def _agrees_with(self, adjective_parses: list, noun: str) -> bool:
        nouns = [p for p in self.morph.parses(noun) if p.tag.POS == "NOUN"]
        if any(p.tag.POS == "PRTF" for p in adjective_parses) and any(n.tag.case == "ablt" for n in nouns):
            return True  # «созданные пользователем»: the agent of a passive participle
        return any(a.tag.case == n.tag.case and self.morph.agrees(a, n) for a in adjective_parses for n in nouns)

    def _participles(self, tokens: list[Token], protected: list[bool]) -> list[str]:
        problems = []
        for index in range(1, len(tokens)):
            token, before = tokens[index], tokens[index - 1]
            if protected[index] or token.pre or not CYRILLIC.match(token.core) or self.morph.pos(token.lower) != "PRTF":
                continue
            follows_noun = not before.post and self.morph.pos(before.lower) == "NOUN" and index + 1 < len(tokens) \
                and self.morph.pos(tokens[index + 1].lower) in ("PREP", "ADVB")
            if before.post != "," and not follows_noun:
                continue
            participle = [p for p in self.morph.parses(token.lower) if p.tag.POS == "PRTF"]
            if not any(self._agrees_left(tokens, protected, index, p) for p in participle):
                problems.append(f"the participle «{token.core}» agrees with no noun before it")
        return problems

    def _agrees_left(self, tokens: list[Token], protected: list[bool], index: int, participle) -> bool:
        for j in range(index - 1, 0, -1):
            if tokens[j].post in (";", ":"):
                return False
            if protected[j] or is_abbreviation(tokens[j].core) or len(tokens[j].core) < 2:
                continue
            for noun in self.morph.parses(tokens[j].lower):
                if "Abbr" in noun.tag:
                    continue
                if noun.tag.POS in ("NOUN", "PRTF", "ADJF") and noun.tag.case == participle.tag.case \
                        and noun.tag.case != "nomn" and self.morph.agrees(participle, noun):
                    if noun.tag.POS == "NOUN" or j + 1 == index:
                        return True
        return False

    def _guessed(self, tokens: list[Token], item: str, protected: list[bool]) -> list[str]:
        source = {w.strip("«»\"().,;:").lower() for w in item.split()}
        problems = []
        for index, token in enumerate(tokens[1:], start=1):
            lower = token.lower
            if protected[index] or lower in source or not re.fullmatch(r"[а-яё]{4,}", lower):
                continue
            if not self.morph.known(lower):
                problems.append(f"«{token.core}»: pymorphy3's dictionary does not know this word; its form was guessed")
        return problems


_CASE_NAMES = {"accs": "accusative", "ablt": "instrumental", "datv": "dative", "gent": "genitive", "loct": "prepositional"}
