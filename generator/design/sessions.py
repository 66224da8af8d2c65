"""Session plans: the program's hours as sessions that follow the experiential cycle, each a timed sequence of
activities from the library (PEDAGOGY.md §4; the worked example is PEDAGOGY_EXAMPLES.md §2).

The planner sees the program only through a small interface — a list of :class:`TeachingUnit` (a topic, a block
of hours without topics, or a module's assessment hours, in the order of the plan table, each with its hours,
module and outcomes) and the content kind of every outcome — so it does not depend on how topics and hours
are designed. The algorithm:

1. **Sessions.** Each module's hours are cut into sessions of ``hours.session_hours`` academic hours; hours
   that do not fill a whole session join the module's last session (a module of 7 hours: 2 + 2 + 3). The
   units fill the sessions in plan order, so a session's topics and hours are the plan table's.
2. **Slots.** A session takes the slots of the cycle (design.yaml ``sessions.cycle``: warm-up → input →
   experience → assessment → reflection → application) that its content needs: input and experience when
   it teaches topics, assessment when it holds a module's assessment hours or is the last session; an
   energiser after the experience when it is long. The first session opens with the activities of
   ``sessions.first_session`` (introductions, expectations, group agreement); the last closes with
   ``sessions.last_session`` (evaluation of expectations, the feedback form) after the final assessment.
3. **Activities.** Each slot's activity is chosen by phase, the activities the program's tasks ask for
   (``sessions.task_activities``: the practical task's form, the assessment task's form), the Bloom level and
   content kind of the outcomes, the group size and the session's place
   (:mod:`generator.design.session_timing`); nothing used in the previous session or earlier in the session,
   and the least used first, so methods vary.
4. **Minutes.** Assessment takes the session's assessment hours, warm-up, reflection and closing their usual
   minutes, and the rest is shared between input and experience by the theory and practice hours taught;
   then every activity's minutes are fitted into its range so the session adds up exactly. When no pair of
   input and experience fits, a second practice activity is added, or the input left out.
5. **Evidence.** Practice, reflection and assessment activities that give evidence collect it for the
   outcomes they serve (assessment activities: the module's outcomes; the last session's also those of
   modules without assessment hours), tied to the recognition sheet's rows; the trainer observes two
   personal-competence outcomes in each practice session whose units allow it (``observes_personal``), in
   turn.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from generator.design.activities import Library
from generator.design.program import ActivityStep, Evidence, Outcome, PlanStep, Session
from generator.design.recognition import merge_sheet_rows
from generator.design.session_timing import Need, Placed, Slot, candidates, first_fitting
from generator.exceptions import SpecError
from generator.language import BLOOM_LEVELS

KIND_ORDER = ("practice", "theory", "assessment")


@dataclass
class TeachingUnit:
    """A row of the plan table as the planner sees it."""

    module_id: str
    module_title: str
    number: str  # topic number ("3.1"); empty for a block of hours or the assessment
    title: str
    kind: str  # theory | practice | assessment
    hours: int
    outcomes: list[Outcome] = field(default_factory=list)
    task_classes: tuple[str, ...] = ()  # what its task is (keys of design.yaml sessions.task_activities)
    observes_personal: bool = True  # the trainer may observe personal outcomes while it is taught


@dataclass
class SessionSettings:
    """design.yaml ``hours.session_hours`` and ``sessions`` (and the spec's minutes and group size)."""

    hours: int
    minutes_per_hour: int
    group_size: int
    cycle: tuple[Slot, ...]
    input_share: dict[str, float]
    energiser_from: int
    first: tuple[dict, ...]
    last: tuple[dict, ...]
    personal_per_session: int
    at_most: dict[str, int] = field(default_factory=dict)
    task_activities: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def from_design(cls, design: dict, minutes_per_hour: int, group_size: int) -> "SessionSettings":
        data = design["sessions"]
        cycle = tuple(Slot(stage=s["stage"], phases=tuple(s["phases"]), part=s["part"], weight=int(s["weight"]))
                      for s in data["cycle"])
        return cls(hours=int(design["hours"]["session_hours"]), minutes_per_hour=minutes_per_hour,
                   group_size=group_size, cycle=cycle, input_share=dict(data["input_share"]),
                   energiser_from=int(data["energiser_from_minutes"]), first=tuple(data["first_session"]),
                   last=tuple(data["last_session"]), personal_per_session=int(data["personal_per_session"]),
                   at_most={key: int(value) for key, value in (data.get("at_most") or {}).items()},
                   task_activities={cls: {part: tuple(ids) for part, ids in parts.items()}
                                    for cls, parts in (data.get("task_activities") or {}).items()})


@dataclass
class Part:
    """The hours of one unit taught in one session."""

    unit: TeachingUnit
    hours: int


def session_sizes(total: int, length: int) -> list[int]:
    """A module's hours as sessions of ``length``; what does not fill one joins the last: 7, 2 → 2, 2, 3."""
    if total <= length:
        return [total] if total > 0 else []
    sizes = [length] * (total // length)
    sizes[-1] += total % length
    return sizes


def group_sessions(units: list[TeachingUnit], length: int) -> list[list[Part]]:
    """The units of each module (consecutive units share a module) poured into its sessions in order.

    A unit without hours (a topic the plan gives 0 hours) is taught within the session of a neighbouring
    unit of its module, so its outcomes still have a session.
    """
    sessions: list[list[Part]] = []
    modules: list[list[TeachingUnit]] = []
    for unit in units:
        if not modules or modules[-1][0].module_id != unit.module_id:
            modules.append([])
        modules[-1].append(unit)
    for module_units in modules:
        stream = [[unit, max(unit.hours, 0)] for unit in module_units]
        for size in session_sizes(sum(max(u.hours, 0) for u in module_units), length):
            parts: list[Part] = []
            while stream and (size or stream[0][1] == 0):
                unit, left = stream[0]
                take = min(size, left)
                parts.append(Part(unit, take))
                size -= take
                stream[0][1] -= take
                if stream[0][1] == 0:
                    stream.pop(0)
            sessions.append(parts)
        if stream and sessions:  # units without hours at the module's end
            sessions[-1].extend(Part(unit, 0) for unit, _left in stream)
    return sessions


def _highest_bloom(outcomes: list[Outcome]) -> Optional[str]:
    levels = [o.bloom for o in outcomes if o.bloom in BLOOM_LEVELS]
    return max(levels, key=BLOOM_LEVELS.index) if levels else None


@functools.lru_cache(maxsize=1024)
def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _unique(outcomes: list[Outcome]) -> list[Outcome]:
    return list({o.code: o for o in outcomes}.values())


class Planner:
    """Plans every session of a program (see the module docstring)."""

    def __init__(self, library: Library, settings: SessionSettings, lang: str, kinds: dict[str, str],
                 texts: dict, sheet_rows: dict[str, list[str]], personal: list[Outcome]):
        self.library, self.settings, self.lang, self.kinds = library, settings, lang, kinds
        self.texts = texts  # session titles and evidence wording of the language
        self.sheet_rows = sheet_rows
        self.personal = personal
        self.uses: Counter = Counter()
        self.previous: set[str] = set()
        self.personal_next = 0
        self.described: dict[str, int] = {}  # activity id → the session whose plan describes it in full
        self.begun: set[str] = set()  # topic numbers taught in an earlier session

    # -- the program ------------------------------------------------------------------------------
    def plan(self, units: list[TeachingUnit]) -> list[Session]:
        groups = group_sessions(units, self.settings.hours)
        assessed_modules = {u.module_id for u in units if u.kind == "assessment" and u.hours > 0}
        unassessed = _unique([o for u in units if u.module_id not in assessed_modules for o in u.outcomes])
        sessions = []
        for index, parts in enumerate(groups):
            position = ("only" if len(groups) == 1 else "first" if index == 0
                        else "last" if index == len(groups) - 1 else "middle")
            extra = unassessed if position in ("last", "only") else []
            sessions.append(self.session(index + 1, parts, position, extra))
        return sessions

    # -- one session ------------------------------------------------------------------------------
    def session(self, number: int, parts: list[Part], position: str, extra_assessed: list[Outcome]) -> Session:
        hours = {kind: sum(p.hours for p in parts if p.unit.kind == kind) for kind in KIND_ORDER}
        total = sum(hours.values()) * self.settings.minutes_per_hour
        taught = _unique([o for p in parts if p.unit.kind != "assessment" for o in p.unit.outcomes])
        assessed = _unique([o for p in parts if p.unit.kind == "assessment" for o in p.unit.outcomes]
                           + extra_assessed)
        placed = self._arrange(number, position, hours, total, taught, assessed, self._prefer(parts))
        self.previous = {p.activity.id for p in placed}
        self.uses.update(self.previous)
        return self._build(number, parts, position, hours, total, placed, taught, assessed)

    def _slots(self, position: str, hours: dict[str, int], total: int) -> list[Slot]:
        teaching = hours["theory"] + hours["practice"] > 0
        assessing = hours["assessment"] > 0 or position in ("last", "only")
        slots = [s for s in self.settings.cycle
                 if s.part == "any" or (s.part == "teaching" and teaching) or (s.part == "assessment" and assessing)]
        if total >= self.settings.energiser_from:
            after = next((i for i, s in enumerate(slots) if s.stage in ("experience", "assessment")), 0)
            slots.insert(after + 1, Slot("energiser", ("energiser",), "any", 0))
        return slots

    def _required(self, position: str) -> dict[str, tuple[str, list[str]]]:
        """Slot stage → (printed stage, activity ids) the session's place in the program asks for."""
        rules = (self.settings.first if position in ("first", "only") else ()) + \
                (self.settings.last if position in ("last", "only") else ())
        return {rule["slot"]: (rule.get("stage", rule["slot"]), list(rule["activities"])) for rule in rules}

    def _kind(self, outcomes: list[Outcome]) -> Optional[str]:
        weighted = Counter()
        for outcome in outcomes:
            if outcome.code in self.kinds:
                weighted[self.kinds[outcome.code]] += 2 if outcome.kind == "ability" else 1
        return weighted.most_common(1)[0][0] if weighted else None

    def _prefer(self, parts: list[Part]) -> dict[str, tuple[str, ...]]:
        """The activities the session's tasks ask for (design.yaml ``sessions.task_activities``): for its
        practice (the practical tasks it teaches), its assessment, and the oral questions on knowledge."""
        table = self.settings.task_activities

        def ids(classes, part: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(key for cls in classes for key in table.get(cls, {}).get(part, ())))

        return {"practice": ids([c for p in parts if p.unit.kind != "assessment" for c in p.unit.task_classes],
                                "practice"),
                "assessment": ids([c for p in parts if p.unit.kind == "assessment" for c in p.unit.task_classes],
                                  "assessment"),
                "knowledge": ids(["knowledge"], "assessment")}

    def _arrange(self, number: int, position: str, hours, total: int, taught, assessed, prefer) -> list[Placed]:
        slots = self._slots(position, hours, total)
        required = self._required(position)
        exclude = set(self.previous) | {key for key, limit in self.settings.at_most.items() if self.uses[key] >= limit}
        need = Need(None, self._kind(taught or assessed), 0, self.settings.group_size, position, exclude)
        fixed: dict[str, list[Placed]] = {}
        for slot in slots:  # required activities, then the slots that keep their usual minutes
            if slot.stage in required:
                stage, ids = required[slot.stage]
                printed = Slot(stage, slot.phases, slot.part, slot.weight)
                fixed[slot.stage] = [Placed(printed, self.library.get(i), self.library.get(i).minutes.default)
                                     for i in ids]
                exclude.update(ids)
        for slot in slots:
            if slot.stage not in fixed and slot.stage in ("warm_up", "reflection", "application", "energiser"):
                found = candidates(self.library, slot, need, self.uses)
                if found:
                    fixed[slot.stage] = [Placed(slot, found[0], found[0].minutes.default)]
                    exclude.add(found[0].id)
        variants = [fixed.get("assessment", [])]
        if "assessment" in [s.stage for s in slots] and "assessment" not in fixed:
            variants = self._assessment(slots, hours, position, assessed, exclude, prefer)
        options = self._options(slots, hours, total, taught, fixed, variants, need, prefer["practice"])
        placed = first_fitting(options, total)
        if placed is None:
            names = ", ".join(p.activity.id for group in list(fixed.values()) + variants[:1] for p in group)
            raise SpecError(f"sessions: session {number} ({total} min) cannot hold the activities it needs "
                            f"({names}) within their minutes; give the program more hours or change "
                            "design.yaml sessions")
        return placed

    def _assessment(self, slots, hours, position, assessed, exclude, prefer) -> list[list[Placed]]:
        """The assessment activities to try, best first: one for the abilities and one for the knowledge
        (oral questions, a quiz) when both are assessed, then the first alone, then shorter ones alone."""
        slot = next(s for s in slots if s.stage == "assessment")
        minutes = hours["assessment"] * self.settings.minutes_per_hour
        abilities = [o for o in assessed if o.kind == "ability"] or assessed
        knowledge = [o for o in assessed if o.kind == "knowledge"]
        need = Need(_highest_bloom(abilities), self._kind(abilities), minutes, self.settings.group_size,
                    position, exclude, prefer["assessment"])
        found = candidates(self.library, slot, need, self.uses)
        if not found:
            return [[]]
        variants = [[Placed(slot, a, minutes or a.minutes.default, role="abilities")] for a in found]
        if knowledge and abilities is not assessed:
            need = Need(_highest_bloom(knowledge), self._kind(knowledge), 0, self.settings.group_size, position,
                        exclude | {found[0].id}, prefer["knowledge"])
            second = next(iter(candidates(self.library, slot, need, self.uses)), None)
            if second is not None:
                primary = Placed(slot, found[0], max(minutes - second.minutes.default, found[0].minutes.min),
                                 role="abilities")
                variants.insert(0, [primary, Placed(slot, second, second.minutes.default, role="knowledge")])
        return variants

    def _options(self, slots, hours, total, taught, fixed, variants, need, prefer: tuple[str, ...] = ()):
        """Arrangements to try, best first. Each teaching arrangement (every input × experience pair; with a
        second practice activity; without input; without input and reflection; input alone; input alone
        without reflection) is tried with every assessment variant before the next one."""
        stages = [s.stage for s in slots]
        teach = total - sum(p.target for group in fixed.values() for p in group) - sum(p.target for p in variants[0])
        theory, practice = hours["theory"], hours["practice"]
        share = self.settings.input_share
        ratio = (theory * share["theory"] + practice * share["practice"]) / max(theory + practice, 1)
        abilities = [o for o in taught if o.kind == "ability"]
        knowledge = [o for o in taught if o.kind == "knowledge"] or taught
        inputs: list[Optional[Placed]] = [None]
        experiences: list[Optional[Placed]] = [None]
        if "input" in stages:
            slot = slots[stages.index("input")]
            target = max(round(teach * ratio), 0)
            inputs = [Placed(slot, a, target) for a in candidates(
                self.library, slot, Need(_highest_bloom(knowledge), need.content_kind, target, need.group_size,
                                         need.position, need.exclude), self.uses)[:4]] or [None]
        if "experience" in stages:
            slot = slots[stages.index("experience")]
            target = max(teach - (inputs[0].target if inputs[0] is not None else 0), 0)
            experiences = [Placed(slot, a, target, role="taught") for a in candidates(
                self.library, slot, Need(_highest_bloom(abilities or knowledge), need.content_kind, target,
                                         need.group_size, need.position, need.exclude, prefer), self.uses)] or [None]

        def arrangement(assessment: list[Placed], chosen, drop: tuple = ()) -> list[Placed]:
            by_stage = {**fixed, "assessment": assessment}
            for item in chosen:
                if item is not None:
                    by_stage.setdefault(item.slot.stage, []).append(item)
            return [Placed(p.slot, p.activity, p.target, role=p.role)
                    for stage in stages if stage not in drop for p in by_stage.get(stage, [])]

        def second_practice(first: Placed, second: Placed) -> list:
            return [inputs[0], first, Placed(second.slot, second.activity, second.activity.minutes.default,
                                             role="taught")]

        # each rung's choices are made when the rung is tried (the first arrangement usually fits)
        ladder = [
            (lambda: [[i, e] for e in experiences for i in inputs], ()),
            (lambda: [second_practice(a, b) for a, b in zip(experiences, experiences[1:]) if a and b], ()),
            (lambda: [[e] for e in experiences], ()),
            (lambda: [[e] for e in experiences], ("reflection",)),
            (lambda: [[i] for i in inputs], ()),
            (lambda: [[i] for i in inputs], ("reflection",)),
        ]
        for choose, drop in ladder:
            choices = choose()
            for assessment in variants:
                for chosen in choices:
                    yield arrangement(assessment, chosen, drop)

    # -- the session's plan ---------------------------------------------------------------------------
    def _build(self, number, parts, position, hours, total, placed, taught, assessed) -> Session:
        texts = [p.activity.text(self.lang) for p in placed]
        steps, clock = [], 0
        for index, (p, text) in enumerate(zip(placed, texts), start=1):
            described_in = self.described.setdefault(p.activity.id, number)
            steps.append(PlanStep(
                number=index, start=_clock(clock), end=_clock(clock + p.minutes), minutes=p.minutes,
                stage=p.slot.stage, activity_id=p.activity.id, name=text.name, phase=p.activity.phase,
                steps=[ActivityStep(s.title, s.text, m) for s, m in zip(text.steps, p.activity.steps_for(p.minutes))],
                result=text.result or "", online=text.online, described_in=0 if described_in == number else described_in))
            clock += p.minutes
        main = next((i for stage in ("experience", "assessment", "reflection") for i, p in enumerate(placed)
                     if p.slot.stage == stage), 0)
        observed = self._observed() if any(p.slot.stage == "experience" for p in placed) and any(
            p.unit.observes_personal for p in parts if p.unit.kind != "assessment") else []
        opening = [i for i, p in enumerate(placed) if p.slot.stage == "warm_up" and position in ("first", "only")]
        return Session(
            number=number, module_id=parts[0].unit.module_id, title=self._title(parts, position),
            hours=sum(hours.values()), kind=max(KIND_ORDER, key=lambda k: (hours[k], -KIND_ORDER.index(k))),
            methods=[s.name for s in steps if s.stage in ("input", "experience", "assessment")],
            minutes=total, position=position,
            topics=list(dict.fromkeys([p.unit.number for p in parts if p.unit.number]
                                      + self._assessment_titles(parts, position))),
            objectives=taught or assessed, observed=observed, main_activity=texts[main].name, steps=steps,
            materials=list(dict.fromkeys(m for text in texts for m in text.materials)),
            preparation=[f"{text.name}: {text.preparation}" for i, (text, step) in enumerate(zip(texts, steps))
                         if i == main or not step.described_in],
            debrief=list(texts[main].debrief),
            tips=list(dict.fromkeys(t for i in [main] + opening for t in texts[i].tips or [])),
            evidence=self._evidence(placed, taught, assessed, observed))

    def _assessment_titles(self, parts: list[Part], position: str) -> list[str]:
        final = position in ("last", "only")
        if any(p.unit.kind == "assessment" for p in parts) or final:
            return [self.texts["final_assessment"] if final else self.texts["assessment"]]
        return []

    def _title(self, parts: list[Part], position: str) -> str:
        """The session's topics in plan order; a topic begun in an earlier session is marked as continued
        (``texts["continued"]``), an assessment named with its module (the final one alone)."""
        titles: list[str] = []
        for part in parts:
            unit = part.unit
            if unit.kind == "assessment":
                label = self.texts["final_assessment"] if position in ("last", "only") else self.texts["assessment"]
                titles.append(f"{label}: {unit.module_title}" if unit.module_title else label)
            elif unit.number and unit.number in self.begun and self.texts.get("continued"):
                titles.append(f"{unit.number} {unit.title} ({self.texts['continued']})")
            else:
                titles.append(f"{unit.number} {unit.title}".strip())
        self.begun.update(p.unit.number for p in parts if p.unit.number)
        if position in ("last", "only") and not any(p.unit.kind == "assessment" for p in parts):
            titles.append(self.texts["final_assessment"])
        return "; ".join(dict.fromkeys(titles))

    def _observed(self) -> list[Outcome]:
        count = min(self.settings.personal_per_session, len(self.personal))
        chosen = [self.personal[(self.personal_next + i) % len(self.personal)] for i in range(count)]
        self.personal_next += count
        return chosen

    def _evidence(self, placed: list[Placed], taught, assessed, observed) -> list[Evidence]:
        rows = []
        for p in placed:
            if not p.activity.evidence:
                continue
            if p.slot.stage == "assessment" or p.activity.phase == "assessment":
                abilities = [o for o in assessed if o.kind == "ability"]
                knowledge = [o for o in assessed if o.kind != "ability"]
                serves = knowledge if p.role == "knowledge" else (
                    assessed if not any(q.role == "knowledge" for q in placed) else abilities or assessed)
            elif p.activity.phase == "practice":
                serves = [o for o in taught if o.kind == "ability"] or taught
            else:
                serves = taught
            codes = [o.code for o in serves]
            if codes:
                rows.append(Evidence(
                    what=p.activity.text(self.lang).result or p.activity.text(self.lang).name,
                    kinds=list(p.activity.evidence), outcomes=codes, assessed=p.activity.phase == "assessment",
                    sheet_rows=merge_sheet_rows(r for c in codes for r in self.sheet_rows.get(c, []))
                    if set(p.activity.evidence) - {"self_assessment"} else []))  # the sheet is the assessor's
        if observed:
            rows.append(Evidence(what=self.texts["trainer_observation"], kinds=["observation"],
                                 outcomes=[o.code for o in observed], assessed=True))
        return rows


__all__ = ["Planner", "SessionSettings", "TeachingUnit", "group_sessions", "session_sizes"]
