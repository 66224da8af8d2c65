"""Observable criteria (PEDAGOGY §5): by the class of an ability's verb, and explain/apply criteria with
open questions for knowledge.

An ability is put in a verb class (``verb_classes`` of the language's ``criteria.yaml``: developing a
document, organising an event, analysing, consulting, managing, applying a method or tool) by the words
it uses; the class gives it ``criteria.per_ability`` criteria from its list, taken in turn so that two
abilities of one class do not read alike, with the ability's object put in the case each sentence asks
for. A knowledge item gets one criterion of its kind (legal act, methods, features …) and the kind's
open questions. :func:`shapes` measures how often the most used sentence occurs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from generator.design.program import Criterion, CriteriaShapes

_SLOT = re.compile(r"\{(object|topic|competency|task)(?::([a-z]+))?\}")


def fill_slots(template: str, name: str, phrase: str, phraser) -> Optional[str]:
    """``template`` with every ``{name}`` / ``{name:case}`` slot filled by ``phrase`` in that case; None when
    the language cannot put the phrase in a case the template asks for."""
    failed = False

    def replace(match: re.Match) -> str:
        nonlocal failed
        if match.group(1) != name:
            failed = True
            return match.group(0)
        form = phraser.inflect(phrase, match.group(2) or "nominative")
        if form is None:
            failed = True
            return match.group(0)
        return form

    text = _SLOT.sub(replace, template)
    if failed:
        return None
    return text[:1].upper() + text[1:]


def quoted(title: str) -> str:
    """«title», its own quotation marks made the inner kind: «Закон Республики Казахстан „Об образовании“»."""
    return "«" + title.replace("«", "„").replace("»", "“") + "»"


def has_slot(template: str) -> bool:
    return bool(_SLOT.search(template))


@dataclass(frozen=True)
class VerbClass:
    name: str
    words: tuple[str, ...]
    default_object: str
    task_form: str
    assessment_form: str
    criteria: tuple[dict, ...]
    task: str = ""  # the practical task with the ability's object: «{object:genitive} жобасын әзірлеу …»


class CriteriaMaker:
    """Criteria for one program: it counts how often each class was used, to take its sentences in turn."""

    def __init__(self, phraser, words, wording: dict, settings: dict, names):
        self.phraser, self.words, self.settings, self.names = phraser, words, settings, names
        self.evidence_names = wording["evidence_names"]
        self.classes = {key: VerbClass(key, tuple(w.lower() for w in value.get("words") or ()),
                                       value["default_object"], value["task_form"], value["assessment_form"],
                                       tuple(value["criteria"]), value.get("task") or "")
                        for key, value in wording["verb_classes"].items()}
        self.default_class = wording["default_class"]
        self.kinds = wording["knowledge_kinds"]
        self.default_kind = wording["default_knowledge_kind"]
        self.interview = wording["interview"]
        self.action_nouns = {word.lower() for word in wording.get("action_nouns") or ()}
        self.generic = list(wording.get("task_criteria") or ())
        self.head_last = wording.get("knowledge_head", "last") == "last"
        self.task_object_not = wording.get("task_object_not") or {}
        self.object_cut = {w.lower() for w in wording.get("object_cut") or ()}
        self.dangling = {w.lower() for w in wording.get("object_dangling") or ()}
        self.coordinators = {w.lower() for w in wording.get("object_coordinators") or ()}
        self._turns: Counter = Counter()
        self._stems_of: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
        self._class_of: dict[tuple, VerbClass] = {}
        self._objects: dict[str, Optional[str]] = {}
        self._used: set[str] = set()  # criteria texts of the current module: no two of its outcomes share one

    def new_module(self) -> None:
        """A module starts: its outcomes may repeat sentences of other modules, never of each other."""
        self._used = set()

    # -- classes -----------------------------------------------------------------------------
    def _matches(self, entry: str, stems: frozenset[str]) -> bool:
        """Does an item with these stems use the word ``entry`` (same stem, or a longer word on it)?"""
        stem = self.words.stem(entry.lower())
        return stem in stems or (len(stem) >= 5 and any(s.startswith(stem) for s in stems))

    def _class_stems(self, verb_class: VerbClass) -> tuple[frozenset[str], tuple[str, ...]]:
        """The class's word stems: all of them (a stem equal to one matches), and those of five letters or
        more (a longer word on one matches), as a tuple for ``str.startswith``."""
        if verb_class.name not in self._stems_of:
            stems = [self.words.stem(w) for w in verb_class.words]
            self._stems_of[verb_class.name] = (frozenset(stems), tuple(e for e in stems if len(e) >= 5))
        return self._stems_of[verb_class.name]

    def verb_class(self, text: str, verb: Optional[str]) -> VerbClass:
        key = (text, verb)
        if key not in self._class_of:
            self._class_of[key] = self._verb_class(text, verb)
        return self._class_of[key]

    def _verb_class(self, text: str, verb: Optional[str]) -> VerbClass:
        """The class whose words the ability uses most (each word of the item once, its head verb once more;
        on a tie the class listed first wins)."""
        stems = self.words.stems(text)
        skill = self._names_skill(text)
        if skill and verb:  # «… дағдыларын қолдана алады»: the skill's own words tell the class, not the verb
            stems = [stem for stem in stems if stem != self.words.stem(verb.lower())]
        action = self._object_action(text)
        best, best_score = self.default_class, 0
        for key, verb_class in self.classes.items():
            equal, prefixes = self._class_stems(verb_class)
            score = sum(1 for stem in stems if stem in equal or stem.startswith(prefixes))
            if verb and not skill and verb.lower() in verb_class.words:
                score += 1
            if action and action in verb_class.words:  # «бақылауды жүзеге асыру»: the action is the control
                score += 1
            if score > best_score:
                best, best_score = key, score
        return self.classes[best]

    def _object_action(self, text: str) -> Optional[str]:
        """The verbal noun that ends the ability's object («құжаттардың орындалуын бақылау» → «бақылау»): the
        action the head verb carries out, weighed like the head verb itself."""
        if text not in self._objects:
            self._objects[text] = self.phraser.ability_object(text)
        words = (self._objects[text] or "").lower().split()
        return words[-1] if words and self._is_action(words[-1]) else None

    def _names_skill(self, text: str) -> bool:
        """Whether the ability's object is a skill («топтық басқару … дағдылары», «навыки работы …»)."""
        if text not in self._objects:
            self._objects[text] = self.phraser.ability_object(text)
        words = (self._objects[text] or "").lower().split()
        return bool(words) and bool({words[0], words[-1]} & set(self.task_object_not.get("words", ())))

    def knowledge_kind(self, text: str, legal: bool) -> str:
        """Legal acts are ``legal``; otherwise the kind of the item's head word (the last word in Kazakh, the
        first in Russian: ``knowledge_head``), else the first kind any of its words outside brackets belongs to
        (the brackets list what it covers: «бағалау (процестер, … құралдары)» is no set of tools)."""
        if legal and "legal" in self.kinds:
            return "legal"
        outside = text.split("(")[0]
        lemmas = [w for w in self.phraser.lemmas(outside) if w]
        head = lemmas[-1 if self.head_last else 0] if lemmas else ""
        for stems in (self.words.stems(head), self.words.stems(outside)):
            for key, kind in self.kinds.items():
                if key != "legal" and any(self._matches(w, stems) for w in kind.get("words") or ()):
                    return key
        return self.default_kind

    def evidence(self, keys) -> str:
        return ", ".join(self.evidence_names.get(key, key) for key in keys)

    # -- criteria ----------------------------------------------------------------------------
    def _object(self, text: str, verb_class: VerbClass) -> str:
        if text not in self._objects:
            self._objects[text] = self.phraser.ability_object(text)
        found = self._objects[text]
        words = (found or "").split()
        if len(words) > 1 and self.phraser.lemmas(words[0])[:1] and self.phraser.lemmas(words[0])[0] in self.action_nouns:
            # «анализ производительности системы»: the object is what is analysed, not the analysis
            found = self.phraser.inflect(" ".join(words[1:]), "nominative", "genitive")
        found = self._shorten(self._without_dangling(self._acted_on(found)))
        if not found or len(found.split()) > int(self.settings["object_max_words"]):
            return verb_class.default_object
        ends = {found.split()[0].lower(), found.split()[-1].lower()}
        if ends & set(self.task_object_not.get("words", ())):
            return verb_class.default_object  # «… дағдылары», «навыки …»: a skill is not a thing to study or prepare
        return self.names.lower_first(found)

    def _acted_on(self, phrase: Optional[str]) -> Optional[str]:
        """An object ending in a verbal noun is an action, not a thing: the thing is that noun's accusative
        object («ЖРО дамытудың перспективалық жоспарларын әзірлеу» → «… жоспарлары»), or there is none."""
        words = (phrase or "").split()
        if not words or not self._is_action(words[-1]):
            return phrase
        inner = " ".join(words[:-1])
        nominative = self.phraser.inflect(inner, "nominative", "accusative") if inner else None
        return nominative if nominative and nominative != inner else None

    def _is_action(self, word: str) -> bool:
        return word.lower().endswith(tuple(self.task_object_not.get("endings", ()))) if \
            self.task_object_not.get("endings") else False

    def _without_dangling(self, phrase: Optional[str]) -> Optional[str]:
        """«(жастармен жұмыс істеу үшін) қажетті коммуникативтік дағдылар»: a participle whose complement
        was left outside the object goes with it (``object_dangling`` of the language's criteria data)."""
        words = (phrase or "").split()
        while words and words[0].lower() in self.dangling:
            words = words[1:]
        return " ".join(words) if words else None

    def _shorten(self, phrase: Optional[str]) -> Optional[str]:
        """A long object cut to its core: before the first ``object_cut`` word (a Russian preposition), or its
        last words where the language names none (a Kazakh noun phrase ends in its head)."""
        limit = int(self.settings["object_max_words"])
        words = (phrase or "").split()
        if len(words) <= limit:
            return phrase
        if self.object_cut:
            cut = next((i for i, w in enumerate(words) if i and w.lower() in self.object_cut), len(words))
            return " ".join(words[:cut]).rstrip(",") if cut <= limit else None
        # a Kazakh phrase is cut only after a coordinator or a comma: cut elsewhere, a possessive loses its
        # possessor («[мемлекеттік жастар] саясатын іске асырудың …»)
        starts = [i for i in range(len(words) - limit, len(words))
                  if words[i - 1].endswith(",") or words[i - 1].lower() in self.coordinators]
        return " ".join(words[starts[0]:]) if starts else None

    def task(self, text: str, verb_class: VerbClass, heading: str) -> str:
        """The practical task of an ability: its class's task with the ability's own object, or the ability."""
        phrase = self._object(text, verb_class)
        last = phrase.split()[-1].lower() if phrase.split() else ""
        unfit = self.task_object_not
        if last in unfit.get("words", ()) or last.endswith(tuple(unfit.get("endings", ()))):
            return heading  # «… әзірлеу», «… дағдылары»: an action or a skill, not a thing to work on
        if verb_class.task and phrase != verb_class.default_object:
            filled = fill_slots(verb_class.task, "object", phrase, self.phraser)
            if filled:
                return filled
        return heading

    def _fill(self, entry: dict, phrase: str, verb_class: VerbClass) -> Optional[str]:
        if not has_slot(entry["text"]):
            return entry["text"]
        filled = fill_slots(entry["text"], "object", phrase, self.phraser)
        if filled is None and phrase != verb_class.default_object:
            filled = fill_slots(entry["text"], "object", verb_class.default_object, self.phraser)
        return filled

    def ability(self, code: str, text: str, verb: Optional[str], count: int,
                heading: str = "") -> tuple[list[Criterion], VerbClass]:
        """``count`` criteria for the ability of outcome ``code``: one of its class's sentences that name the
        object (in turn), then the class's other sentences (in turn) — or, when the ability has no object of
        its own, the sentences that name none first; a sentence another outcome of the module already has is
        taken only when no other is left."""
        verb_class = self.verb_class(text, verb)
        phrase = self._object(text, verb_class)
        pool = list(enumerate(verb_class.criteria))
        named = [entry for entry in pool if has_slot(entry[1]["text"])]
        chosen: list[tuple[int, str, dict]] = []
        if phrase != verb_class.default_object:
            self._take(chosen, named, f"{verb_class.name}:named", 1, phrase, verb_class)
        else:  # no object of its own: sentences that need none first («Зерттелетін құбылысты …» reads as filler)
            plain = [entry for entry in pool if not has_slot(entry[1]["text"])]
            self._take(chosen, plain, f"{verb_class.name}:plain", count, phrase, verb_class)
        self._take(chosen, pool, verb_class.name, count, phrase, verb_class)
        if len(chosen) < 2 and heading:  # every sentence of the class is taken in this module: the task itself
            for index, entry in enumerate(self.generic, start=len(pool)):
                filled = fill_slots(entry["text"], "task", heading, self.phraser)
                if filled and filled not in self._used and len(chosen) < 2:
                    chosen.append((index, filled, entry))
        self._take(chosen, pool, verb_class.name, 2, phrase, verb_class, repeats=True)  # never fewer than two
        self._used.update(filled for _, filled, _ in chosen)
        # in the order of the work (the class's `step`); the task's own sentences last
        chosen.sort(key=lambda found: (found[2].get("step", found[0] + 1) if found[0] < len(pool) else 1000,
                                       found[0]))
        return [Criterion(outcome_code=code, text=filled, evidence=self.evidence(entry["evidence"]), kind="ability",
                          verb_class=verb_class.name,
                          shape=f"{verb_class.name}.{index + 1}" if index < len(pool) else f"task.{index - len(pool) + 1}")
                for index, filled, entry in chosen], verb_class

    def _take(self, chosen: list, pool: list, turn: str, count: int, phrase: str, verb_class: VerbClass,
              repeats: bool = False) -> None:
        """Add sentences of ``pool`` to ``chosen`` until it has ``count``, starting where ``turn`` left off; a
        sentence another outcome of the module has only with ``repeats`` (an ability gets fewer criteria first)."""
        if not pool:
            return
        start = self._turns[turn] % len(pool)
        for index, entry in pool[start:] + pool[:start]:
            if len(chosen) >= count or any(index == taken for taken, _, _ in chosen):
                continue
            filled = self._fill(entry, phrase, verb_class)
            if filled is not None and (repeats or filled not in self._used):
                chosen.append((index, filled, entry))
                self._turns[turn] += 1

    def knowledge(self, code: str, heading: str, kind: str) -> Criterion:
        """One explain/apply criterion of the knowledge kind, with its open questions for the assessor."""
        title, heading = heading, self.names.lower_first(heading)  # inside a sentence; quoted, it keeps its capital

        def fill(template: str) -> Optional[str]:
            return fill_slots(template.replace("«{topic}»", quoted(title.replace("{", "(").replace("}", ")"))),
                              "topic", heading, self.phraser)

        entries = self.kinds[kind]["criteria"]
        start = self._turns[f"knowledge.{kind}"]
        text, shape, entry = None, "", entries[0]
        for step in range(len(entries)):
            index = (start + step) % len(entries)
            entry = entries[index]
            text = fill(entry["text"])
            if text is not None:
                shape = f"{kind}.{index + 1}"
                break
        self._turns[f"knowledge.{kind}"] = start + 1
        if text is None:  # the language cannot inflect the heading: the same sentence with the heading as is
            text = fill(re.sub(r":[a-z]+\}", "}", entry["text"])) or heading
            shape = f"{kind}.{(start % len(entries)) + 1}"
        questions = [q for q in (fill(t) for t in self.kinds[kind]["questions"]) if q]
        return Criterion(outcome_code=code, text=text, evidence=self.evidence(entry["evidence"]), kind="knowledge",
                         verb_class=kind, shape=shape, questions=questions)


def shapes(criteria: list[Criterion], limit: float) -> CriteriaShapes:
    """The most used sentence shape of ``criteria`` and its share (the check PEDAGOGY §8 asks for)."""
    counts = Counter(c.shape for c in criteria)
    if not counts:
        return CriteriaShapes(criteria=0, largest=0, shape="", share=0.0, limit=limit)
    shape, largest = max(sorted(counts.items()), key=lambda pair: pair[1])
    return CriteriaShapes(criteria=len(criteria), largest=largest, shape=shape,
                          share=round(largest / len(criteria), 3), limit=limit)
