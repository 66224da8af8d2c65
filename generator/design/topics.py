"""Modules and their topics (PEDAGOGY §3): knowledge joined to the practice that uses it, every item
taught once.

* A skill's knowledge item joins the topic of the ability it shares most content words with
  (:mod:`generator.design.content`); abilities that share several words are taught in one topic; the
  knowledge left over makes topics of its own, taught first (the foundations the practice needs).
* An item that an earlier skill already has (the same normal text) is taught there once and referenced
  («2.3-тақырыпты қараңыз»); normative acts are taught once in the legal module, which ends with a case
  on applying them. Topic numbers are given by :func:`renumber` once hours are set (merging may change them).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.design import rules as r
from generator.design.bibliography import act_key
from generator.design.content import normal_text
from generator.design.program import (
    AssessmentTask, CoverageRow, CrossReference, Hours, Module, Outcome, Topic,
)
from generator.design.titles import ability_heading, act_short_title, knowledge_heading, task_title
from generator.standard import model as m


@dataclass
class Cluster:
    abilities: list[m.Item] = field(default_factory=list)
    knowledge: list[m.Item] = field(default_factory=list)

    def size(self) -> int:
        return len(self.abilities) + len(self.knowledge)


def cluster_items(abilities: list[m.Item], knowledge: list[m.Item], words, settings: dict) -> list[Cluster]:
    """Topics of one skill: abilities sharing ``ability_merge_shared`` words together (at most
    ``max_abilities`` in a topic), each knowledge item with the ability it shares most words with (at least
    ``min_shared``), the rest grouped by shared words; no topic over ``max_items`` items. Knowledge-only topics come first, then the others in ability order."""
    limit, merge_at, join_at = settings["max_items"], settings["ability_merge_shared"], settings["min_shared"]
    practice: list[Cluster] = []
    for item in abilities:
        home = next((c for c in practice if c.size() < limit and len(c.abilities) < settings["max_abilities"] and
                     any(words.shared(item.text, other.text) >= merge_at for other in c.abilities)), None)
        if home is None:
            practice.append(Cluster(abilities=[item]))
        else:
            home.abilities.append(item)
    theory: list[Cluster] = []
    for item in knowledge:
        scored = [(max(words.shared(item.text, a.text) for a in c.abilities), -i, c)
                  for i, c in enumerate(practice) if c.size() < limit]
        best = max(scored, key=lambda s: (s[0], s[1]), default=None)
        if best is not None and best[0] >= join_at:
            best[2].knowledge.append(item)
            continue
        home = next((c for c in theory if c.size() < limit and
                     any(words.shared(item.text, other.text) >= join_at for other in c.knowledge)), None)
        if home is None:
            theory.append(Cluster(knowledge=[item]))
        else:
            home.knowledge.append(item)
    return theory + practice


class ModuleBuilder:
    """Builds the modules of one program in order, remembering where every item is taught."""

    def __init__(self, phraser, wording: dict, rules: dict, words, criteria):
        self.phraser, self.wording, self.rules = phraser, wording, rules
        self.words, self.criteria = words, criteria
        self.titles = wording["titles"]
        self.coverage: list[CoverageRow] = []
        self.taught: dict[tuple[str, str], tuple[m.Item, str]] = {}  # (kind, normal text) → (item, outcome)
        self.topic_of: dict[str, Topic] = {}  # item id → the topic that teaches it
        self.heading_of: dict[str, str] = {}  # item id → its heading
        self.legal_outcome: dict[tuple, tuple[m.Item, str]] = {}  # act key → (first item, outcome code)

    # -- the legal module --------------------------------------------------------------------
    def legal_module(self, selected, legal_acts: list[tuple]) -> Module:
        """Module 1: every normative act of the selection, taught once (a topic each), then a case."""
        module = Module(id="M1", number=1, title=self.wording["legal_module_title"], kind="legal",
                        hours=Hours(0, 0, 0, 0))
        self.criteria.new_module()
        by_act: dict[tuple, list[m.Item]] = {key: [] for key in legal_acts}
        for entry in selected:
            for item in entry.skill.knowledge:
                if item.legal_ref is not None and act_key(item.legal_ref) in by_act:
                    by_act[act_key(item.legal_ref)].append(item)
        prefix = self.wording["outcome_prefix"]
        for index, key in enumerate(legal_acts, start=1):
            items = by_act[key]
            title = act_short_title(items[0], self.phraser, self.titles)
            phrased = self.phraser.knowledge(title, item_id=items[0].id)
            outcome = Outcome(code=f"{prefix} 1.{index}", text=self._terms(phrased.text),
                              source_ids=[i.id for i in items], bloom=phrased.bloom, verb=phrased.verb,
                              kind="knowledge", source=phrased.source)
            module.outcomes.append(outcome)
            topic = Topic(number="", title=title, kind="theory", hours=Hours(0, 0, 0, 0),
                          knowledge_ids=[i.id for i in items], outcome_codes=[outcome.code])
            module.topics.append(topic)
            module.criteria.append(self.criteria.knowledge(outcome.code, title, "legal"))
            self.legal_outcome[key] = (items[0], outcome.code)
            for item in items:
                self._covered(item, "knowledge", module, outcome.code, topic, title)
        case = self.wording["legal_case"]
        codes = [o.code for o in module.outcomes]
        module.topics.append(Topic(number="", title=case["title"], kind="practice", hours=Hours(0, 0, 0, 0),
                                   outcome_codes=codes, task=task_title([case["title"]], case["form"]),
                                   task_form=case["form"]))
        module.assessment_tasks = [
            AssessmentTask(title=module.topics[-1].task, form=case["assessment_form"], outcome_codes=codes,
                           evidence=self.criteria.evidence(["product", "interview"]),
                           minutes=self.rules["hours"]["assessment"]["task_minutes"])]
        self._finish(module)
        return module

    # -- a skill module ----------------------------------------------------------------------
    def skill_module(self, entry, number: int, legal_acts: list[tuple]) -> Module:
        """One module per skill: its new items as outcomes and topics, the others as references."""
        skill, function = entry.skill, entry.function
        module = Module(id=f"M{number}", number=number, title=skill.title, kind="skill", hours=Hours(0, 0, 0, 0),
                        function_id=function.id, function_number=function.number, function_title=function.title,
                        skill_id=skill.id, skill_number=skill.number, recognition=bool(skill.recognition))
        self.criteria.new_module()
        abilities = [i for i in skill.abilities if not self._reference(i, "ability", module)]
        knowledge = [i for i in skill.knowledge
                     if not (i.legal_ref is not None and act_key(i.legal_ref) in legal_acts
                             and self._legal_reference(i, module))
                     and not self._reference(i, "knowledge", module)]
        prefix = self.wording["outcome_prefix"]
        outcome_of: dict[str, Outcome] = {}
        for item in abilities:
            outcome_of[item.id] = r.ability_outcome(self.phraser, item, f"{prefix} {number}.{len(outcome_of) + 1}")
        for item in knowledge:
            outcome_of[item.id] = r.knowledge_outcome(self.phraser, [item], f"{prefix} {number}.{len(outcome_of) + 1}")
        for outcome in outcome_of.values():
            outcome.text = self._terms(outcome.text)
        module.outcomes = list(outcome_of.values())
        settings = self.rules["criteria"]
        count = settings["per_ability_many"] if len(abilities) > settings["many_abilities"] else settings["per_ability"]
        for cluster in cluster_items(abilities, knowledge, self.words, self.rules["topics"]):
            module.topics.append(self._topic(cluster, module, outcome_of, count))
        if module.references:
            module.reference_note = self.wording["reference_note"]
        interview = self.criteria.interview
        knowledge_codes = [o.code for o in module.outcomes if o.kind == "knowledge"]
        if knowledge_codes:
            module.assessment_tasks.append(AssessmentTask(
                title=interview["title"], form=interview["form"], outcome_codes=knowledge_codes,
                evidence=self.criteria.evidence(["interview"]),
                minutes=self.rules["hours"]["assessment"]["interview_minutes"]))
        self._finish(module)
        return module

    def _topic(self, cluster: Cluster, module: Module, outcome_of: dict, count: int) -> Topic:
        headings = [ability_heading(i, self.phraser, self.titles, self.wording.get("verb_nouns")) for i in cluster.abilities]
        contents = [knowledge_heading(i, self.phraser) for i in cluster.knowledge]
        kind = "integrated" if headings and contents else ("practice" if headings else "theory")
        topic = Topic(number="", title=headings[0] if headings else "; ".join(contents), kind=kind,
                      hours=Hours(0, 0, 0, 0), ability_ids=[i.id for i in cluster.abilities],
                      knowledge_ids=[i.id for i in cluster.knowledge],
                      outcome_codes=[outcome_of[i.id].code for i in cluster.abilities + cluster.knowledge],
                      content=contents)
        if len(headings) > 1:
            topic.title = self.titles["merge_join"].join(headings)
        forms, tasks = [], []
        for item, heading in zip(cluster.abilities, headings):
            outcome = outcome_of[item.id]
            criteria, verb_class = self.criteria.ability(outcome.code, item.text, outcome.verb, count, heading)
            module.criteria.extend(criteria)
            forms.append(verb_class)
            tasks.append(self.criteria.task(item.text, verb_class, heading))
            self._covered(item, "ability", module, outcome.code, topic, heading)
        for item, heading in zip(cluster.knowledge, contents):
            outcome = outcome_of[item.id]
            kind_ = self.criteria.knowledge_kind(heading, legal=item.legal_ref is not None)
            module.criteria.append(self.criteria.knowledge(outcome.code, heading, kind_))
            self._covered(item, "knowledge", module, outcome.code, topic, heading)
        if forms:
            topic.task_form = forms[0].task_form
            topic.task = task_title(tasks, topic.task_form)
            module.assessment_tasks.append(AssessmentTask(
                title=topic.task, form=forms[0].assessment_form,
                outcome_codes=[outcome_of[i.id].code for i in cluster.abilities],
                evidence=", ".join(dict.fromkeys(
                    name for c in module.criteria if c.outcome_code in {outcome_of[i.id].code for i in cluster.abilities}
                    for name in c.evidence.split(", "))),
                minutes=self.rules["hours"]["assessment"]["task_minutes"]))
        return topic

    # -- where items are taught --------------------------------------------------------------
    def _covered(self, item: m.Item, kind: str, module: Module, code: str, topic: Topic, heading: str) -> None:
        self.coverage.append(CoverageRow(item_id=item.id, kind=kind, module_id=module.id, outcome=code,
                                         text=item.text))
        self.topic_of[item.id] = topic
        self.heading_of[item.id] = heading
        self.taught.setdefault((kind, normal_text(item.text)), (item, code))

    def _reference(self, item: m.Item, kind: str, module: Module) -> bool:
        """An item taught in an earlier topic: referenced here, covered there. True when it was."""
        found = self.taught.get((kind, normal_text(item.text)))
        if found is None:
            return False
        self._refer(item, kind, module, *found)
        return True

    def _legal_reference(self, item: m.Item, module: Module) -> bool:
        found = self.legal_outcome.get(act_key(item.legal_ref))
        if found is None:
            return False
        self._refer(item, "knowledge", module, *found, covered=True)  # the legal module covers every act's items
        return True

    def _refer(self, item: m.Item, kind: str, module: Module, first: m.Item, code: str, covered: bool = False) -> None:
        if not covered:
            taught_row = next(row for row in self.coverage if row.item_id == first.id)
            self.coverage.append(CoverageRow(item_id=item.id, kind=kind, module_id=taught_row.module_id,
                                             outcome=code, text=item.text))
            self.topic_of[item.id] = self.topic_of[first.id]
        self.heading_of[item.id] = self.heading_of[first.id]
        module.references.append(CrossReference(item_id=item.id, taught_item=first.id,
                                                title=self.heading_of[first.id], topic="", outcome=code, note=""))

    def _terms(self, text: str) -> str:
        """Outcome wording the terms table does not allow (``outcome_terms``: «меңгере алады»), replaced."""
        for avoid, use in (self.wording.get("outcome_terms") or {}).items():
            text = text.replace(avoid, use)
        return text

    def _finish(self, module: Module) -> None:
        order = {outcome.code: index for index, outcome in enumerate(module.outcomes)}
        module.criteria.sort(key=lambda criterion: order.get(criterion.outcome_code, len(order)))
        # theory by the level of the knowledge outcomes, practice by the forms of its tasks (content-aware: no
        # role play for installing software), then the methods of every module (reflection)
        knowledge = [o for o in module.outcomes if o.kind == "knowledge"]
        theory = r.methods_for(knowledge, self.wording, with_module_methods=False) if knowledge else []
        forms = [t.task_form for t in module.topics if t.task_form]
        module.methods = list(dict.fromkeys(theory + forms + list(self.wording["module_methods"])))
        module.assessment = list(dict.fromkeys(task.form for task in module.assessment_tasks))


def renumber(modules: list[Module], builder: ModuleBuilder, wording: dict) -> None:
    """Number every module's topics «3.1», «3.2» … and point references and coverage rows at them."""
    for module in modules:
        for index, topic in enumerate(module.topics, start=1):
            topic.number = f"{module.number}.{index}"
    for module in modules:
        for reference in module.references:
            reference.topic = builder.topic_of[reference.taught_item].number
            reference.note = wording["topic_reference"].format(topic=reference.topic)
    for row in builder.coverage:
        row.topic = builder.topic_of[row.item_id].number
