"""Share a program's academic hours over modules, topics and their theory and practice (PEDAGOGY §3).

* The final assessment takes its hours first (``hours.final_assessment``), then each module gets a share
  in proportion to its content, at least its minimum: ``min_part_hours`` for every part of every topic
  (theory, practice) and its assessment, which scales with the module's tasks (``hours.assessment``).
* When the total cannot hold that, topics are merged within the module with the most topics (the pair
  whose merge saves most hours), and the plan warns with the hours the content needs; as a last resort
  the modules' assessment moves into the final assessment; below that the total is refused.
* ``hours: auto`` computes the total from the content and the card's level (``hours.auto``), and the
  program says how (:attr:`Program.hours_basis`).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from generator.design.hours import share_with_minimums, split_two
from generator.design.program import Hours, Module, Topic
from generator.exceptions import SpecError


@dataclass
class HoursPlan:
    total: int
    final: int  # hours of the final assessment
    recommended: int  # what the content needs (the auto total)
    minimum: int  # the smallest total that teaches every topic on its own at its minimum (no merging)
    basis: str  # the sentence that says how the total was chosen
    warnings: list[str] = field(default_factory=list)


def _theory(topic: Topic) -> bool:
    return topic.kind in ("theory", "integrated")


def _practice(topic: Topic) -> bool:
    return topic.kind in ("practice", "integrated")


def topic_minimum(topic: Topic, rules: dict) -> int:
    return rules["hours"]["min_part_hours"] * (int(_theory(topic)) + int(_practice(topic)))


def topic_weight(topic: Topic, module: Module, rules: dict) -> float:
    weights = rules["hours"]["weights"]
    if module.kind == "legal":
        acts = len([t for t in module.topics if t.kind == "theory"])
        theory, practice, _ = rules["hours"]["legal_ratio"]
        if topic.kind == "theory":
            return weights["legal_act"]
        return acts * weights["legal_act"] * (practice / theory if theory else 1)
    return len(topic.ability_ids) * weights["ability"] + len(topic.knowledge_ids) * weights["knowledge"]


def wanted_assessment(module: Module, minutes_per_hour: int) -> int:
    """The hours a group needs for the module's assessment tasks (0 without tasks)."""
    minutes = sum(task.minutes for task in module.assessment_tasks)
    return math.ceil(minutes / minutes_per_hour) if minutes else 0


def final_hours(rules: dict) -> int:
    """The final assessment's hours (``hours.final_assessment``)."""
    return rules["hours"]["final_assessment"]["hours"]


def _level_factor(level, rules: dict) -> float:
    table = rules["hours"]["auto"]["level_factor"]
    digits = re.match(r"\d+", level or "")
    return float(table.get(digits.group(0) if digits else "default", table["default"]))


def auto_total(modules: list[Module], level, rules: dict, minutes_per_hour: int) -> tuple[int, dict]:
    """The total the content needs at the design data's rates, and the numbers of the calculation."""
    auto = rules["hours"]["auto"]
    abilities = sum(1 for mo in modules if mo.kind == "skill" for o in mo.outcomes if o.kind == "ability")
    knowledge = sum(1 for mo in modules if mo.kind == "skill" for o in mo.outcomes if o.kind == "knowledge")
    acts = sum(len(mo.outcomes) for mo in modules if mo.kind == "legal")
    raw = abilities * auto["ability"] + knowledge * auto["knowledge"] + acts * auto["legal_act"]
    factor = _level_factor(level, rules)
    content = math.ceil(raw * factor)
    assessment = sum(wanted_assessment(mo, minutes_per_hour) for mo in modules)
    assessment += final_hours(rules)
    step = auto["round_to"]
    total = max(auto["minimum"], math.ceil((content + assessment) / step) * step)
    numbers = dict(abilities=abilities, knowledge=knowledge, acts=acts, per_ability=auto["ability"],
                   per_knowledge=auto["knowledge"], per_act=auto["legal_act"], raw=raw,
                   factor=f"{factor:g}".replace(".", ","), content=content, assessment=assessment,
                   sum=content + assessment, round_to=step)
    return total, numbers


def minimum_total(modules: list[Module], rules: dict) -> int:
    """The smallest total that gives every topic its minimum and every module its assessment, with the final
    assessment: below it topics are merged (call before :func:`allocate`, which may merge them)."""
    return sum(_module_minimum(mo, rules, True) for mo in modules) + final_hours(rules)


def _module_minimum(module: Module, rules: dict, with_assessment: bool) -> int:
    topics = sum(topic_minimum(t, rules) for t in module.topics)
    return topics + (1 if with_assessment and module.assessment_tasks else 0)


def _merge(a: Topic, b: Topic, join: str) -> None:
    """Teach ``b`` in ``a``: one topic with both parts, items, outcomes, contents and tasks."""
    a.title = join.join(part for part in (a.title, b.title) if part)
    if a.kind != b.kind:
        a.kind = "integrated"
    a.ability_ids += b.ability_ids
    a.knowledge_ids += b.knowledge_ids
    a.outcome_codes += b.outcome_codes
    a.content += b.content
    if b.task:
        a.task = join.join(part for part in (a.task, b.task) if part)
        a.task_form = a.task_form or b.task_form


def merge_once(modules: list[Module], rules: dict, topic_of: dict, join: str) -> bool:
    """Merge the pair of neighbouring topics that saves most hours, in the module with most topics."""
    for module in sorted(modules, key=lambda mo: -len(mo.topics)):
        best = None
        for index in range(len(module.topics) - 1):
            a, b = module.topics[index], module.topics[index + 1]
            kind = a.kind if a.kind == b.kind else "integrated"
            saved = topic_minimum(a, rules) + topic_minimum(b, rules) - topic_minimum(
                Topic(number="", title="", kind=kind, hours=a.hours), rules)
            if saved > 0 and (best is None or saved > best[0]):
                best = (saved, index)
        if best is not None:
            a, b = module.topics[best[1]], module.topics.pop(best[1] + 1)
            _merge(a, b, join)
            for item_id, topic in topic_of.items():
                if topic is b:
                    topic_of[item_id] = a
            return True
    return False


def _fit(modules: list[Module], content: int, final: int, rules: dict, topic_of: dict, join: str) -> tuple[int, bool]:
    """Merge topics (then drop the modules' assessment) until the minimums fit ``content`` hours."""
    merged, with_assessment = 0, True
    while sum(_module_minimum(mo, rules, with_assessment) for mo in modules) > content:
        if merge_once(modules, rules, topic_of, join):
            merged += 1
        elif with_assessment:
            with_assessment = False
        else:
            needed = sum(_module_minimum(mo, rules, False) for mo in modules)
            raise SpecError(f"hours: {content} academic hours (without the final assessment) cannot hold the "
                            f"{len(modules)} modules of this program even with one topic each; give at least "
                            f"{needed + final} hours or select fewer skills")
    return merged, with_assessment


def allocate(modules: list[Module], total: int, level, rules: dict, minutes_per_hour: int, topic_of: dict,
             join: str) -> tuple[int, int, bool]:
    """Set every module's and topic's hours; returns (final assessment hours, topics merged, whether the
    modules kept their own assessment)."""
    final = final_hours(rules)
    content = total - final
    if content < len(modules):
        raise SpecError(f"hours: {total} academic hours are fewer than the {len(modules)} modules of this program "
                        f"and the final assessment; give at least {len(modules) + final} hours or select fewer skills")
    merged, with_assessment = _fit(modules, content, final, rules, topic_of, join)
    minimums = [_module_minimum(mo, rules, with_assessment) for mo in modules]
    preferred = rules["hours"]["min_module_hours"]
    if content >= sum(max(m, preferred) for m in minimums):
        minimums = [max(m, preferred) for m in minimums]
    weights = [sum(topic_weight(t, mo, rules) for t in mo.topics) or 1 for mo in modules]
    for module, module_total, minimum in zip(modules, share_with_minimums(content, weights, minimums), minimums):
        _allocate_module(module, module_total, level, rules, minutes_per_hour, with_assessment)
    return final, merged, with_assessment


def _allocate_module(module: Module, total: int, level, rules: dict, minutes_per_hour: int, with_assessment: bool) -> None:
    topic_minimums = [topic_minimum(t, rules) for t in module.topics]
    assessment = 0
    if with_assessment and module.assessment_tasks:
        cap = max(1, math.floor(rules["hours"]["assessment"]["max_share"] * total))
        assessment = max(1, min(wanted_assessment(module, minutes_per_hour), cap, total - sum(topic_minimums)))
    weights = [topic_weight(t, module, rules) or 1 for t in module.topics]
    theory_share, practice_share = _level_parts(level, rules)
    part = rules["hours"]["min_part_hours"]
    for topic, hours in zip(module.topics, share_with_minimums(total - assessment, weights, topic_minimums)):
        if topic.kind == "integrated":
            theory, practice = split_two(hours, theory_share * len(topic.knowledge_ids),
                                         practice_share * len(topic.ability_ids) * rules["hours"]["weights"]["ability"],
                                         part)
        else:
            theory, practice = (hours, 0) if topic.kind == "theory" else (0, hours)
        topic.hours = Hours(total=hours, theory=theory, practice=practice, assessment=0)
    module.hours = Hours(total=total, theory=sum(t.hours.theory for t in module.topics),
                         practice=sum(t.hours.practice for t in module.topics), assessment=assessment)


def _level_parts(level, rules: dict) -> tuple[float, float]:
    table = rules["hours"]["ratio_by_level"]
    digits = re.match(r"\d+", level or "")
    theory, practice, _ = table.get(digits.group(0) if digits else "default", table["default"])
    return theory, practice
