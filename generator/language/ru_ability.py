"""Russian ability items made of action nouns: «Приемка оборудования и оформление актов» →
«принимать оборудование и оформлять акты».

An item is split into conjuncts where a coordinator (a comma, «и») is followed by another action noun
with a complement of its own; each conjunct becomes verbs + objects in the case each verb governs:

* adjacent heads share the complement: «Прием и размещение гостей» → «принимать и размещать гостей»
  (when their verbs govern different cases, the light verb keeps the nouns: «осуществлять установку и
  управление ресурсами»);
* a genitive object becomes the object the verb governs (``nouns_to_verbs`` in the Russian pack's ``lexicon.yaml``);
  a dative recipient stays («предоставлять молодежи достоверную информацию»); after a quantifier the
  genitive stays («проводить не менее 2 приемов»);
* a noun with no verb of its own takes its phrase («аудит» → «проводить аудит»: «проводить IT-аудит
  информационных систем», «вести складской учет»); an action noun after adjectives takes the light
  verb («осуществлять первичное консультирование граждан») or a phrase of ``phrase_nouns``
  («публичные выступления» → «выступать публично»).

The same machinery reads the genitive after «Опыт …» and «Навыки …» (``genitive_heads``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.language import Note
from generator.language.ru_phrases import COORDINATORS, CYRILLIC, QUANTIFIERS, RussianMorph, is_abbreviation
from generator.language.tokens import Token

DATA = "ru.yaml"


@dataclass
class Spec:
    """How an action noun becomes a verb: kind "verb" (+ the case it governs) or "phrase"."""

    key: str
    kind: str
    verb: str
    case: str


@dataclass
class Part:
    """A conjunct turned into verbs: its tokens, verb lemmas and notes."""

    tokens: list[Token]
    verbs: list[str]
    notes: list[Note] = field(default_factory=list)


class RussianAbility:
    """Action nouns → verbs over the lexicon (see module docstring)."""

    def __init__(self, lexicon: dict, morph: RussianMorph):
        self.morph = morph
        self.nouns_to_verbs = lexicon["nouns_to_verbs"]
        self.phrase_nouns = lexicon["phrase_nouns"]
        self.recipient_verbs = set(lexicon["recipient_verbs"])
        self.deverbal_endings = tuple(lexicon["deverbal_endings"])
        self.not_deverbal = set(lexicon["not_deverbal"])
        self.light_verb = lexicon["ability"]["light_verb"]
        self.phrase_keys = sorted((k for k, v in self.nouns_to_verbs.items() if self.spec(k).kind == "phrase"),
                                  key=len, reverse=True)

    # --- heads -------------------------------------------------------------------------------
    def spec(self, key: str) -> Spec:
        parts = self.nouns_to_verbs[key].split()
        if len(parts) == 2 and parts[1].startswith("+"):
            return Spec(key, "verb", parts[0], parts[1][1:])
        if len(parts) == 1:
            return Spec(key, "verb", parts[0], "accs")
        return Spec(key, "phrase", self.nouns_to_verbs[key], "keep")

    def head(self, token: Token, case: str) -> Spec | None:
        """The action noun *token* is, in *case* (its dictionary form in ``nouns_to_verbs``)."""
        last_part = token.core.rsplit("-", 1)[-1]
        if token.pre or not CYRILLIC.match(token.core) and not ("-" in token.core and CYRILLIC.match(last_part)):
            return None
        lower = token.lower
        parse = self.morph.find(lower, {"NOUN"}, case)
        if parse is None:
            return None
        for key in (lower, parse.normal_form.replace("ё", "е"), parse.normal_form):
            if key in self.nouns_to_verbs:
                return self.spec(key)
        for key in self.phrase_keys:  # энергоаудит, IT-аудит: a compound of a noun without a verb
            if parse.normal_form.endswith(key) and len(parse.normal_form) > len(key):
                return Spec(key, "compound", self.spec(key).verb.split()[0], "keep")
        return None

    def heads(self, tokens: list[Token], start: int, case: str) -> list[tuple[int, Spec]]:
        found = []
        index = start
        while index < len(tokens):
            spec = self.head(tokens[index], case)
            if spec is None:
                break
            found.append((index, spec))
            token = tokens[index]
            if token.post == ",":
                index += 1
            elif not token.post and index + 2 < len(tokens) and tokens[index + 1].lower in COORDINATORS:
                index += 2
            else:
                break
        return found

    def _adverbial(self, tokens: list[Token], start: int) -> int:
        """The end of a leading adverbial (оперативно, при необходимости) before an action noun."""
        index = start
        while index < len(tokens) and tokens[index].plain:
            pos = self.morph.pos(tokens[index].lower)
            if pos == "ADVB":
                index += 1
            elif pos == "PREP":
                for case in ("loct", "gent", "datv", "accs", "ablt"):
                    phrase = self.morph.noun_phrase(tokens, index + 1, case)
                    if phrase is not None and not any(t.post for t in tokens[index:phrase.end]):
                        return phrase.end  # «при необходимости» + the action noun after it
                return start
            else:
                break
        return index

    def starts_action(self, tokens: list[Token], start: int, case: str) -> bool:
        index = self._adverbial(tokens, start)
        if index < len(tokens) and self.head(tokens[index], case):
            return True
        phrase = self.morph.noun_phrase(tokens, index, case)
        return bool(phrase and phrase.adjectives and phrase.noun is not None
                    and (self.head(tokens[phrase.noun_index], case) or self._phrase_noun(tokens[index:], phrase, index)))

    # --- conjuncts ---------------------------------------------------------------------------
    def split(self, tokens: list[Token], case: str) -> list[tuple[int, int]]:
        """Index ranges of the conjuncts; a new one starts at a coordinator followed by an action noun,
        when the conjunct before it has a complement of its own."""
        bounds = [0]
        for i in range(1, len(tokens)):
            if tokens[i - 1].post == ",":
                start = i + 1 if tokens[i].plain and tokens[i].lower in COORDINATORS else i
            elif tokens[i].plain and tokens[i].lower in COORDINATORS and not tokens[i - 1].post:
                start = i + 1
            else:
                continue
            if start >= len(tokens) or i - bounds[-1] < 2 or not self.starts_action(tokens, start, case):
                continue
            if self.head(tokens[i - 1], case):
                continue
            if case == "nomn" and self.morph.find(tokens[i - 1].lower, {"NOUN", "ADJF", "PRTF"}, "gent") \
                    and self.morph.pos(tokens[start].lower) == "NOUN" and self.morph.find(tokens[start].lower, {"NOUN"}, "gent"):
                continue  # «анализа и оптимизации запросов»: two genitives, not a new action
            bounds.append(i)
        return [(a, b) for a, b in zip(bounds, bounds[1:] + [len(tokens)])]

    def convert(self, tokens: list[Token], case: str = "nomn") -> Part | None:
        """All conjuncts as verbs + objects, or None when one of them is not an action."""
        out: list[Token] = []
        verbs: list[str] = []
        notes: list[Note] = []
        for start, end in self.split(tokens, case):
            lead = []
            while start < end and tokens[start].plain and tokens[start].lower in COORDINATORS:
                lead.append(tokens[start])
                start += 1
            part = self.conjunct(tokens[start:end], case)
            if part is None:
                return None
            out += lead + part.tokens
            verbs += part.verbs
            notes += part.notes
        if len(verbs) > 1 and notes:
            notes.insert(0, Note("conjuncts", f"{len(verbs)} verbs: " + ", ".join(verbs)))
        return Part(out, verbs, notes)

    def conjunct(self, tokens: list[Token], case: str) -> Part | None:
        work = [Token(t.pre, t.core, t.post) for t in tokens]
        start = self._adverbial(work, 0)
        prefix, rest = work[:start], work[start:]
        if not rest:
            return None
        heads = self.heads(rest, 0, case)
        part = self._verbs(rest, heads, case) if heads else self._adjective_head(rest, case)
        if part is None:
            return None
        if prefix:
            prefix[0].core = prefix[0].core[:1].lower() + prefix[0].core[1:]
        part.tokens = prefix + part.tokens
        return part

    def _verbs(self, tokens: list[Token], heads: list[tuple[int, Spec]], case: str) -> Part | None:
        specs = [spec for _, spec in heads]
        rest = tokens[heads[-1][0] + 1:]
        kinds = {spec.kind for spec in specs}
        cases = {spec.case for spec in specs}
        keys = ", ".join(spec.key for spec in specs)
        if kinds == {"verb"} and len(cases) == 1:
            fits, notes = self.complement(rest, specs[0], case)
            if fits:
                out = self._join(tokens, heads) + rest
                note = Note("verbs", f"{keys} → {', '.join(s.verb for s in specs)}", f"{DATA} nouns_to_verbs")
                return Part(out, [s.verb for s in specs], [note, *notes])
        elif len(heads) == 1 and kinds <= {"phrase", "compound"}:
            spec, index = specs[0], heads[0][0]
            words = spec.verb.split()
            head = tokens[index]
            if spec.kind == "compound":
                words = [words[0], self._accusative(head, case)]
            elif case != "nomn":
                words[-1] = self._accusative(Token("", spec.key, ""), "nomn")
            out = [Token("", w, "") for w in words]
            out[-1].post = head.post
            note = Note("phrase", f"«{head.core}» has no verb of its own → «{words[0]} …»", f"{DATA} nouns_to_verbs.{spec.key}")
            return Part(out + rest, [self.nouns_to_verbs[spec.key] if spec.kind == "phrase" else spec.verb], [note])
        if case != "nomn":
            return None
        return self.light(tokens, [s.verb for s in specs])

    def _join(self, tokens: list[Token], heads: list[tuple[int, Spec]]) -> list[Token]:
        out = []
        for position, (index, spec) in enumerate(heads):
            out.append(Token("", spec.verb, tokens[index].post))
            if position + 1 < len(heads) and heads[position + 1][0] == index + 2:
                out.append(Token("", tokens[index + 1].lower, ""))
        return out

    def _accusative(self, token: Token, case: str) -> str:
        parse = self.morph.find(token.lower, {"NOUN"}, case)
        form = parse.inflect({"accs"}) if parse is not None else None
        if form is None or form.word == token.lower:
            return token.core if token.core[:1].islower() or is_abbreviation(token.core.split("-")[0]) else token.lower
        return form.word

    def complement(self, rest: list[Token], spec: Spec, case: str) -> tuple[bool, list[Note]]:
        """Can the words after the heads follow the verb?  Turns a genitive object into the case the
        verb governs (in place) and says what it did."""
        if not rest or is_abbreviation(rest[0].core):
            return True, []
        first = rest[0].lower
        if rest[0].pre or not all(CYRILLIC.match(part) for part in rest[0].core.split("/")):
            return False, []
        if first in QUANTIFIERS or rest[0].core[:1].isdigit():
            return True, [Note("object", "a quantity keeps its genitive («не менее 3 …»)")]
        if self.morph.pos(first) == "PREP":
            return spec.case == "keep", []
        if spec.case == "keep":  # работать администратором, заправлять топливом: not a genitive object
            return self.morph.noun_phrase(rest, 0, "gent") is None, []
        if spec.case != "accs":
            return self.morph.find(first, {"NOUN", "ADJF", "PRTF", "NPRO"}, spec.case) is not None, []
        start = self._recipient(rest, spec)
        converted = self.morph.convert_chain(rest, start, "gent", "accs")
        if converted is None:
            return False, []
        notes = [Note("object", f"genitive → accusative after «{spec.verb}»", f"{DATA} nouns_to_verbs")]
        notes += [Note("agreement", f"«{c.participle}» follows its noun into the accusative") for c in converted if c.participle]
        if start:
            notes.append(Note("object", f"«{' '.join(t.core for t in rest[:start])}» is the recipient (dative)",
                              f"{DATA} recipient_verbs"))
        return True, notes

    def _recipient(self, rest: list[Token], spec: Spec) -> int:
        """«предоставлять молодежи информацию»: a dative before the genitive object of such a verb."""
        if spec.verb not in self.recipient_verbs:
            return 0
        first = rest[0].lower
        if self.morph.find(first, {"NPRO"}, "datv") is not None:
            return 1
        phrase = self.morph.noun_phrase(rest, 0, "datv")
        if phrase is None or rest[phrase.end - 1].post or self.morph.noun_phrase(rest, phrase.end, "gent") is None:
            return 0
        return phrase.end

    # --- adjectives before the action noun, and the light verb -----------------------------------
    def _phrase_noun(self, tokens: list[Token], phrase, offset: int = 0) -> str | None:
        text = " ".join(t.lower for t in tokens[: phrase.end - offset])
        return text if text in self.phrase_nouns else None

    def _adjective_head(self, tokens: list[Token], case: str) -> Part | None:
        phrase = self.morph.noun_phrase(tokens, 0, case)
        if phrase is None or not phrase.adjectives or phrase.noun is None:
            return None
        rest = tokens[phrase.end:]
        known = self._phrase_noun(tokens, phrase)
        if known:
            words = [Token("", w, "") for w in self.phrase_nouns[known].split()]
            words[-1].post = tokens[phrase.end - 1].post
            return Part(words + rest, [self.phrase_nouns[known].split()[0]],
                        [Note("phrase", f"«{known}» → «{self.phrase_nouns[known]}»", f"{DATA} phrase_nouns")])
        spec = self.head(tokens[phrase.noun_index], case)
        if spec is not None and spec.kind in ("phrase", "compound"):
            verb = spec.verb.split()[0]
            work = [Token(t.pre, t.core, t.post) for t in tokens]
            if case != "accs" and self.morph.convert_chain(work, 0, case, "accs") is None:
                return None
            work[0].core = work[0].core[:1].lower() + work[0].core[1:]
            note = Note("phrase", f"«{tokens[phrase.noun_index].core}» has no verb of its own → «{verb} …»",
                        f"{DATA} nouns_to_verbs.{spec.key}")
            return Part([Token("", verb, "")] + work, [self.nouns_to_verbs[spec.key]], [note])
        if case != "nomn" or (spec is None and not self.deverbal(phrase.noun.normal_form)):
            return None
        return self.light(tokens, [spec.verb] if spec else [])

    def deverbal(self, lemma: str) -> bool:
        return lemma.endswith(self.deverbal_endings) and lemma not in self.not_deverbal

    def light(self, tokens: list[Token], verbs: list[str]) -> Part | None:
        """«осуществлять <the noun phrase in the accusative> …»."""
        work = [Token(t.pre, t.core, t.post) for t in tokens]
        if self.morph.convert_chain(work, 0, "nomn", "accs") is None:
            return None
        work[0].core = work[0].core[:1].lower() + work[0].core[1:] if not is_abbreviation(work[0].core) else work[0].core
        note = Note("light-verb", f"«{tokens[0].core} …» keeps its nouns after «{self.light_verb}»",
                    f"{DATA} ability.light_verb")
        return Part([Token("", self.light_verb, "")] + work, verbs or [self.light_verb], [note])
