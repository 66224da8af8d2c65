"""Checks of the activity library beyond types: every field present in every required language, ranges,
counts and vocabularies, texts in the right language block (by the letters a language pack says mark its
texts). Each check returns messages; the loader reports them all at once."""
from __future__ import annotations

import re
from typing import Optional

from generator.design.activities import CONTENT_KINDS, EVIDENCE_KINDS, PHASES, PLACEMENTS, Entry, Texts
from generator.language import BLOOM_LEVELS

ID_SHAPE = re.compile(r"^([a-z]+)\.[a-z][a-z0-9_]*$")
MAX_MINUTES = 240  # one activity never takes more than a day's half (4 × 60 min)
MAX_GROUP = 40
STEPS = (3, 6)
DEBRIEF_QUESTIONS = 3
LONG_TEXT = 80  # a text this long without one letter that marks its language is in the wrong block


def check_entry(entry: Entry) -> list[str]:
    """Every problem of one activity (after a workspace's changes are merged into it)."""
    a = entry.activity
    problems: list[str] = []

    def report(field_path: str, message: str) -> None:
        problems.append(entry.problem(field_path, message))

    _check_id(a.id, a.phase, report)
    _check_values("bloom", a.bloom, BLOOM_LEVELS, report)
    _check_values("content_kinds", a.content_kinds, CONTENT_KINDS, report)
    _check_values("not_for", a.not_for, CONTENT_KINDS, report, required=False)
    _check_values("evidence", a.evidence, EVIDENCE_KINDS, report, required=False)
    if a.content_kinds and a.not_for and set(a.content_kinds) & set(a.not_for):
        report("not_for", f"{', '.join(sorted(set(a.content_kinds) & set(a.not_for)))} is both a content kind "
                          "it fits and one it is not for; remove it from one list")
    if a.placement is not None and a.placement not in PLACEMENTS:
        report("placement", f"unknown placement '{a.placement}'; use one of {', '.join(PLACEMENTS)}")
    _check_range("minutes", a.minutes, 1, MAX_MINUTES, report, need_default=True)
    _check_range("group", a.group, 1, MAX_GROUP, report, need_default=False)
    _check_step_minutes(a, report)
    cls = type(a)
    for lang in cls.languages:
        texts = getattr(a, lang)
        if texts is not None or lang in cls.required:
            _check_texts(lang, texts, a, _LetterCheck(lang, cls.packs), report)
        elif not any(getattr(a, code) is not None for code in cls.chains[lang][1:]):
            report(lang, f"the {lang} texts are missing and no language its pack falls back on has them")
    return problems


class _LetterCheck:
    """Letters that mark another language in a text of ``lang``, or no marking letter in a long one."""

    def __init__(self, lang: str, packs: dict):
        own = set(packs[lang].letters)
        self.name = packs[lang].name
        self.own = re.compile(f"[{re.escape(packs[lang].letters)}]") if own else None
        self.foreign = [(pack.name, re.compile(f"[{re.escape(''.join(set(pack.letters) - own))}]"))
                        for code, pack in packs.items() if code != lang and set(pack.letters) - own]

    def __call__(self, text: str) -> str:
        for name, letters in self.foreign:
            found = letters.search(text)
            if found:
                return (f"{name} letters in a {self.name} text ('{found.group(0)}'); "
                        "is it in the wrong language block?")
        if self.own is not None and len(text) >= LONG_TEXT and not self.own.search(text):
            return f"no {self.name} letter in a long {self.name} text; is it in the wrong language block?"
        return ""


def _check_id(activity_id: Optional[str], phase: Optional[str], report) -> None:
    if phase is None:
        report("phase", f"this key is required but missing; one of {', '.join(PHASES)}")
    elif phase not in PHASES:
        report("phase", f"unknown phase '{phase}'; use one of {', '.join(PHASES)}")
    if activity_id is None:
        report("id", "this key is required but missing (e.g. practice.case_study)")
        return
    shape = ID_SHAPE.match(activity_id)
    if not shape:
        report("id", f"'{activity_id}' is not shaped phase.name (lower-case letters, digits and _), "
                     "e.g. practice.case_study")
    elif phase in PHASES and shape.group(1) != phase:
        report("id", f"'{activity_id}' must begin with its phase: {phase}.{activity_id.split('.', 1)[1]}")


def _check_values(name: str, values: Optional[list[str]], known, report, required: bool = True) -> None:
    if not values:
        if required:
            report(name, f"at least one value is required; known values: {', '.join(known)}")
        return
    for value in values:
        if value not in known:
            report(name, f"unknown value '{value}'; known values: {', '.join(known)}")
    if len(set(values)) != len(values):
        report(name, "a value is listed twice")


def _check_range(name: str, value, low: int, high: int, report, need_default: bool) -> None:
    if value is None:
        shape = "{min: …, default: …, max: …}" if need_default else "{min: …, max: …}"
        report(name, f"this key is required but missing: {shape}")
        return
    keys = [k for k in ("min", "default", "max") if k != "default" or need_default or value.default is not None]
    missing = [key for key in keys if getattr(value, key) is None]
    if missing:
        report(name, f"{', '.join(missing)} missing")
        return
    ordered = [getattr(value, key) for key in keys]
    if ordered != sorted(ordered) or ordered[0] < low or ordered[-1] > high:
        got = ", ".join(f"{key} {number}" for key, number in zip(keys, ordered))
        report(name, f"needs {low} <= {' <= '.join(keys)} <= {high}, got {got}")


def _check_step_minutes(a, report) -> None:
    minutes = a.step_minutes
    if not minutes:
        report("step_minutes", "this key is required but missing: the minutes of each step at minutes.default")
        return
    if not STEPS[0] <= len(minutes) <= STEPS[1]:
        report("step_minutes", f"an activity has {STEPS[0]}–{STEPS[1]} steps, got {len(minutes)}")
    if any(m < 1 for m in minutes):
        report("step_minutes", "every step takes at least 1 minute")
    default = a.minutes.default if a.minutes is not None else None
    if default is not None and sum(minutes) != default:
        report("step_minutes", f"the steps add up to {sum(minutes)} minutes, minutes.default is {default}; "
                               "make them equal")


def _check_texts(lang: str, texts: Optional[Texts], a, letters, report) -> None:
    if texts is None:
        report(lang, f"the {lang} texts are missing (name, materials, preparation, steps, debrief, online)")
        return
    for name in ("name", "preparation", "online"):
        _check_text(lang, f"{lang}.{name}", getattr(texts, name), letters, report)
    _check_list(lang, f"{lang}.materials", texts.materials, letters, report)
    _check_list(lang, f"{lang}.tips", texts.tips, letters, report, required=False)
    if texts.group_note is not None:
        _check_text(lang, f"{lang}.group_note", texts.group_note, letters, report)
    if a.evidence or texts.result is not None:  # evidence for assessment must say what is collected
        _check_text(lang, f"{lang}.result", texts.result, letters, report)
    _check_steps(lang, texts, a, letters, report)
    if texts.debrief is None or len(texts.debrief) != DEBRIEF_QUESTIONS:
        count = 0 if texts.debrief is None else len(texts.debrief)
        report(f"{lang}.debrief", f"exactly {DEBRIEF_QUESTIONS} debrief questions are needed, found {count}")
    for number, question in enumerate(texts.debrief or []):
        if _check_text(lang, f"{lang}.debrief[{number}]", question, letters, report) \
                and not question.rstrip().endswith("?"):
            report(f"{lang}.debrief[{number}]", "a debrief question ends with a question mark")


def _check_steps(lang: str, texts: Texts, a, letters, report) -> None:
    steps = texts.steps or []
    if not STEPS[0] <= len(steps) <= STEPS[1]:
        report(f"{lang}.steps", f"an activity has {STEPS[0]}–{STEPS[1]} steps, found {len(steps)}")
    elif a.step_minutes and len(a.step_minutes) != len(steps):
        report(f"{lang}.steps", f"{len(steps)} steps, but step_minutes gives {len(a.step_minutes)}; "
                                "one number of minutes per step")
    for number, step in enumerate(steps):
        _check_text(lang, f"{lang}.steps[{number}].title", step.title, letters, report)
        _check_text(lang, f"{lang}.steps[{number}].text", step.text, letters, report)


def _check_list(lang: str, path: str, values: Optional[list[str]], letters, report, required: bool = True) -> None:
    if values is None or not values:
        if required or values is not None:
            report(path, "at least one entry is required")
        return
    for number, value in enumerate(values):
        _check_text(lang, f"{path}[{number}]", value, letters, report)


def _check_text(lang: str, path: str, text: Optional[str], letters, report) -> bool:
    if text is None or not text.strip():
        report(path, f"a {lang} text is required here and must not be empty")
        return False
    problem = letters(text)
    if problem:
        report(path, problem)
    return True


def check_library(entries: dict[str, Entry]) -> list[str]:
    """Problems between activities: two activities with one name in a language."""
    problems: list[str] = []
    first = next(iter(entries.values()), None)
    for lang in type(first.activity).languages if first else ():
        seen: dict[str, str] = {}
        for key, entry in entries.items():
            texts = getattr(entry.activity, lang)
            if texts is None:
                continue
            name = texts.name.strip().casefold()
            if name in seen:
                problems.append(entry.problem(f"{lang}.name", f"the same name as {seen[name]}; "
                                                              "names tell activities apart in a plan"))
            seen.setdefault(name, key)
    return problems
