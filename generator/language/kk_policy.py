"""Kazakh ability items without a usable verb: the policies, all worded in data.

* «… меңгеру»: mastering is not a result.  «X істеу дағдыларын меңгеру» → «X істей алады» (the object's
  own verb); otherwise «меңгеру» gives way to ``mastering_verb`` (… тілді қолдана алады).
* negative verbal nouns (жария етпеу, бұзбау) never become «… етпей алады»: an antonym from
  ``negative_antonyms`` (бұзбау → сақтай алады), else the accusative + ``negative_verb``
  (жария етпеуді қамтамасыз ете алады).
* soft skills: a phrase from ``soft_skill_phrases`` (сыни ойлау → сыни тұрғыдан ойлай алады), a quality
  noun + ``quality_verb`` (толеранттылық таныта алады), a list of them + ``qualities_noun``.
* nouns that need a light verb (``light_verb_nouns`` in the pack's lexicon_verbs.yaml): құжаттама → құжаттаманы жүргізе
  алады, мониторинг → мониторинг жүргізе алады; a verbal noun used as a noun after an adjective
  (ішкі бақылау) → ішкі бақылауды жүзеге асыра алады.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.language import Note
from generator.language.kk_morphology import KazakhMorphology
from generator.language.tokens import Token

_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)$")
_DEVOICE = str.maketrans("бгғ", "пкқ")
VERBS_FILE = "kk.yaml"  # the workspace's phrasing/kk.yaml (built in: the pack's lexicon_verbs.yaml)
POLICY = "kk.yaml policy.ability"


@dataclass
class Body:
    """What a rule did to the body of an item: words to add after it, head lemmas, rule or policy."""

    tail: list[Token]
    verbs: list[str]
    source: str
    notes: list[Note] = field(default_factory=list)


def words(text: str) -> list[Token]:
    return [Token("", word, "") for word in text.split()]


class KazakhPolicies:
    """The policies above over the lexicon's data."""

    def __init__(self, lexicon: dict, morph: KazakhMorphology, final_verb: str):
        self.morph = morph
        self.final_verb = final_verb
        ability = lexicon["policy"]["ability"]
        self.mastering_words = set(ability["mastering_words"])
        self.mastering_verb = ability["mastering_verb"]
        self.mastering_objects = set(ability["mastering_objects"])
        self.mastering_lemma = next(iter(morph.lemma_candidates(self.mastering_verb)), self.mastering_verb)
        self.negative_verb = ability["negative_verb"]
        self.antonyms = ability["negative_antonyms"]
        self.soft_skill_phrases = ability["soft_skill_phrases"]
        self.quality_nouns = set(ability["quality_nouns"])
        self.quality_verb = ability["quality_verb"]
        self.qualities_noun = ability["qualities_noun"]
        self.light = {noun: self._light_spec(value) for noun, value in lexicon["light_verb_nouns"].items()}
        self.compounds = {tuple(c.split()) for c in lexicon["verbs"]["compounds"]}

    @staticmethod
    def _light_spec(value: str) -> tuple[list[str], bool]:
        parts = value.split()
        accusative = parts[-1] == "+acc"
        return (parts[:-1] if accusative else parts), accusative

    # --- soft skills -------------------------------------------------------------------------
    def soft_skill(self, body: list[Token], elements: list[list[Token]]) -> Body | None:
        phrase = self.soft_skill_phrases.get(" ".join(t.text for t in body).lower())
        if phrase is not None:
            del body[:]
            lemma = self._lemma_before(phrase.split(), self.final_verb)
            return Body(words(phrase), [lemma], "policy",
                        [Note("soft-skill", f"phrase «{phrase}»", f"{POLICY}.soft_skill_phrases")])
        if not elements or not all(e and e[-1].lower in self.quality_nouns for e in elements):
            return None
        tail = self.quality_verb.split()
        if len(elements) > 1:
            tail = [self.qualities_noun, *tail]
        lemma = self._lemma_before(tail, self.final_verb)
        return Body(words(" ".join(tail)), [lemma], "policy",
                    [Note("soft-skill", f"quality noun(s) + «{' '.join(tail)}»", f"{POLICY}.quality_nouns")])

    # --- mastering ---------------------------------------------------------------------------
    def mastering(self, body: list[Token]) -> tuple[str, Note] | None:
        """«… дағдыларын меңгеру»: cut the skill noun and меңгеру so the verb before them is the head
        (returns ``("cut", note)``), or ``("replace", note)``: меңгеру becomes ``mastering_verb``."""
        if len(body) < 2 or body[-1].lower not in self.mastering_words:
            return None
        obj = body[-2]
        verbal = obj.lower[:-2] if obj.lower.endswith(("уды", "уді", "юды", "юді")) else None
        if verbal and not obj.pre and not obj.post and self.morph.is_verbal_noun(verbal):
            note = Note("mastering", f"«{obj.core} {body[-1].core}» → the skill's own verb «{obj.core[:-2]}»",
                        f"{POLICY}.mastering_words")
            obj.core = obj.core[:-2]  # жүзуді меңгеру → жүзе алады
            del body[-1]
            return "cut", note
        if obj.lower in self.mastering_objects and len(body) > 2 and not obj.pre and not body[-3].post \
                and self.morph.is_verbal_noun(body[-3].core):
            note = Note("mastering", f"«{obj.core} {body[-1].core}» cut: the skill's own verb «{body[-3].core}» "
                        "is the head", f"{POLICY}.mastering_objects")
            del body[-2:]
            return "cut", note
        return "replace", Note("mastering", f"«{body[-1].core}» → «{self.mastering_verb}»",
                               f"{POLICY}.mastering_verb")

    # --- negatives ---------------------------------------------------------------------------
    def negative(self, body: list[Token]) -> Body | None:
        last = body[-1]
        positive = self.morph.negative_of(last.core)
        if positive is None or last.pre or last.post:
            return None
        antonym = self.antonyms.get(positive)
        if antonym:
            last.core = self.morph.converb(antonym) or antonym
            return Body([Token("", self.final_verb, "")], [antonym], "rule",
                        [Note("negative", f"«{positive[:-1]}-» negated → antonym «{antonym}»",
                              f"{POLICY}.negative_antonyms")])
        last.core = self.morph.accusative(last.core)
        lemma = self._lemma_before(self.negative_verb.split() + [self.final_verb], self.final_verb)
        return Body(words(f"{self.negative_verb} {self.final_verb}"), [lemma], "policy",
                    [Note("negative", f"negative verbal noun → accusative + «{self.negative_verb}»",
                          f"{POLICY}.negative_verb")])

    # --- light verbs -------------------------------------------------------------------------
    def noun_key(self, body: list[Token]) -> str | None:
        """The key of ``light_verb_nouns`` the last word (or last two) is a form of."""
        last = body[-1].lower
        candidates = [last]
        if last[-2:] in ("сы", "сі"):
            candidates.append(last[:-2])
        if last[-1:] in ("ы", "і"):
            candidates += [last[:-1], last[:-1].translate(_DEVOICE)]
        candidates += [_PLURAL.sub("", c) for c in candidates if _PLURAL.search(c)]
        if len(body) > 1:
            two = f"{body[-2].lower} {last}"
            if two in self.light:
                return two
        return next((c for c in candidates if c in self.light and c != "default"), None)

    def light_verb(self, body: list[Token], verbal_noun: bool, bloom_of: dict) -> Body | None:
        key = self.noun_key(body)
        if key is None:
            if not verbal_noun:
                return None
            key = "default"
        verb_words, accusative = self.light[key]
        last = body[-1]
        if accusative or self.morph.is_possessive(last.lower):
            last.core = self.morph.accusative(last.core)
        noun = body[-1].lower if key == "default" else key
        lemma = self._lemma_before(verb_words + [self.final_verb], self.final_verb)
        verb = next((v for v in (f"{noun} {lemma}", noun) if v in bloom_of), lemma)
        where = "used as a noun" if verbal_noun else "has no verb"
        return Body(words(" ".join(verb_words + [self.final_verb])), [verb], "rule",
                    [Note("light-verb", f"«{key}» {where} → «{' '.join(verb_words)}»",
                          f"{VERBS_FILE} light_verb_nouns.{key}")])

    def _lemma_before(self, phrase: list[str], final: str) -> str:
        """The lemma of the converb(s) before the final verb: «қамтамасыз ете алады» → қамтамасыз ету."""
        if final in phrase:
            phrase = phrase[: phrase.index(final)]
        converbs = [w for w in phrase if self.morph.lemma_candidates(w)]
        if not converbs:
            return phrase[-1] if phrase else final
        last = converbs[-1]
        lemma = self.morph.lemma_candidates(last)[0]
        prefix = phrase[: phrase.index(last)]
        return f"{prefix[-1]} {lemma}" if prefix and (prefix[-1], lemma) in self.compounds else lemma
