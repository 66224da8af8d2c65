"""Design rules, each a named function a test can call on its own.

The rules read their tables from the workspace's design data (``Workspace.design``: the built-in
``data/design.yaml`` and each language pack's ``design.yaml``, changed by a workspace's ``design.yaml``)
so a methodologist tunes methods, assessment and hours without Python. Topics are made in
``topics.py``, hours in ``allocation.py``, criteria in ``criteria.py``, recognition sheets in
``recognition.py``, personal outcomes in ``personal.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.design.bibliography import act_key
from generator.design.program import Outcome
from generator.exceptions import SpecError
from generator.language import BLOOM_LEVELS
from generator.standard.model import Card, Item, LabourFunction, Skill


# -- selection -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Selected:
    function: LabourFunction
    skill: Skill


def select_skills(card: Card, selection: Optional[list[str]]) -> list[Selected]:
    """Skills named by full or card-relative ids (``F2``, ``F2/S1``, ``3412-0-003/F2/S1``); default all."""
    every = [Selected(f, s) for f in card.functions for s in f.skills]
    if selection is None:
        return every
    if not selection:
        raise SpecError("skills: the selection is empty; leave it out to take every skill of the card")
    chosen: list[Selected] = []
    valid = [s.skill.id for s in every] + [f.id for f in card.functions]
    for raw in selection:
        wanted = raw.strip()
        full = wanted if wanted.startswith(card.code + "/") else f"{card.code}/{wanted}"
        matches = [s for s in every if s.skill.id == full or s.function.id == full]
        if not matches:
            raise SpecError(f"skills: unknown skill or function '{raw}' for card {card.code}; "
                            f"valid ids: {', '.join(valid)}")
        chosen.extend(m for m in matches if m not in chosen)
    order = {s.skill.id: i for i, s in enumerate(every)}
    return sorted(chosen, key=lambda s: order[s.skill.id])


# -- legal module ----------------------------------------------------------------------------
def shared_legal_acts(selected: list[Selected], rules: dict) -> list[tuple]:
    """Acts taught once in the introductory module: shared by several skills, or many in all."""
    skills_per_act: dict[tuple, set[str]] = {}
    order: list[tuple] = []
    for entry in selected:
        for item in entry.skill.knowledge:
            if item.legal_ref is None:
                continue
            key = act_key(item.legal_ref)
            if key not in skills_per_act:
                order.append(key)
                skills_per_act[key] = set()
            skills_per_act[key].add(entry.skill.id)
    settings = rules["legal_module"]
    shared = [k for k in order if len(skills_per_act[k]) >= settings["min_shared_skills"]]
    if shared or len(order) >= settings["min_acts"]:
        return order  # once there is a module, every act of the selection is taught in it
    return []


# -- outcomes, topics, methods ---------------------------------------------------------------
def ability_outcome(phraser, item: Item, code: str) -> Outcome:
    phrased = phraser.ability(item.text, item_id=item.id)
    return Outcome(code=code, text=phrased.text, source_ids=[item.id], bloom=phrased.bloom,
                   verb=phrased.verb, kind="ability", source=phrased.source)


def knowledge_outcome(phraser, items: list[Item], code: str) -> Outcome:
    phrased = phraser.knowledge(items[0].text, item_id=items[0].id)
    return Outcome(code=code, text=phrased.text, source_ids=[i.id for i in items], bloom=phrased.bloom,
                   verb=phrased.verb, kind="knowledge", source=phrased.source)


def _ordered_union(lists: list[list[str]]) -> list[str]:
    result: list[str] = []
    for values in lists:
        for value in values:
            if value not in result:
                result.append(value)
    return result


def methods_for(outcomes: list[Outcome], lang_rules: dict, with_module_methods: bool = True) -> list[str]:
    """Non-formal methods serving every Bloom level present, in the order of the levels."""
    levels = sorted({o.bloom for o in outcomes if o.bloom in BLOOM_LEVELS}, key=BLOOM_LEVELS.index)
    methods = _ordered_union([lang_rules["methods_by_bloom"][level] for level in levels])
    if with_module_methods:
        methods = _ordered_union([methods, lang_rules["module_methods"]])
    return methods
