"""Checks of the activity library beyond types: every field present in both languages, ranges,
counts and vocabularies. Each check returns messages; the loader reports them all at once."""
from __future__ import annotations

import re
from typing import Optional

from generator.design.activities import (
    CONTENT_KINDS, EVIDENCE_KINDS, LANGUAGES, PHASES, PLACEMENTS, Entry, Texts,
)
from generator.language import BLOOM_LEVELS

ID_SHAPE = re.compile(r"^([a-z]+)\.[a-z][a-z0-9_]*$")
MAX_MINUTES = 240  # one activity never takes more than a day's half (4 × 60 min)
MAX_GROUP = 40
STEPS = (3, 6)
DEBRIEF_QUESTIONS = 3
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LONG_TEXT = 80  # a Kazakh text this long without one Kazakh letter is in the wrong language


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
    for lang in LANGUAGES:
        _check_texts(lang, getattr(a, lang), a, report)
    return problems


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


def _check_texts(lang: str, texts: Optional[Texts], a, report) -> None:
    if texts is None:
        report(lang, f"the {lang} texts are missing (name, materials, preparation, steps, debrief, online)")
        return
    for name in ("name", "preparation", "online"):
        _check_text(lang, f"{lang}.{name}", getattr(texts, name), report)
    _check_list(lang, f"{lang}.materials", texts.materials, report)
    _check_list(lang, f"{lang}.tips", texts.tips, report, required=False)
    if texts.group_note is not None:
        _check_text(lang, f"{lang}.group_note", texts.group_note, report)
    if a.evidence or texts.result is not None:  # evidence for assessment must say what is collected
        _check_text(lang, f"{lang}.result", texts.result, report)
    _check_steps(lang, texts, a, report)
    if texts.debrief is None or len(texts.debrief) != DEBRIEF_QUESTIONS:
        count = 0 if texts.debrief is None else len(texts.debrief)
        report(f"{lang}.debrief", f"exactly {DEBRIEF_QUESTIONS} debrief questions are needed, found {count}")
    for number, question in enumerate(texts.debrief or []):
        if _check_text(lang, f"{lang}.debrief[{number}]", question, report) and not question.rstrip().endswith("?"):
            report(f"{lang}.debrief[{number}]", "a debrief question ends with a question mark")


def _check_steps(lang: str, texts: Texts, a, report) -> None:
    steps = texts.steps or []
    if not STEPS[0] <= len(steps) <= STEPS[1]:
        report(f"{lang}.steps", f"an activity has {STEPS[0]}–{STEPS[1]} steps, found {len(steps)}")
    elif a.step_minutes and len(a.step_minutes) != len(steps):
        report(f"{lang}.steps", f"{len(steps)} steps, but step_minutes gives {len(a.step_minutes)}; "
                                "one number of minutes per step")
    for number, step in enumerate(steps):
        _check_text(lang, f"{lang}.steps[{number}].title", step.title, report)
        _check_text(lang, f"{lang}.steps[{number}].text", step.text, report)


def _check_list(lang: str, path: str, values: Optional[list[str]], report, required: bool = True) -> None:
    if values is None or not values:
        if required or values is not None:
            report(path, "at least one entry is required")
        return
    for number, value in enumerate(values):
        _check_text(lang, f"{path}[{number}]", value, report)


def _check_text(lang: str, path: str, text: Optional[str], report) -> bool:
    if text is None or not text.strip():
        report(path, f"a {lang} text is required here and must not be empty")
        return False
    if lang == "ru" and KAZAKH_LETTERS.search(text):
        report(path, f"Kazakh letters in a Russian text ('{KAZAKH_LETTERS.search(text).group(0)}'); "
                     "is it in the wrong language block?")
    if lang == "kk" and len(text) >= LONG_TEXT and not KAZAKH_LETTERS.search(text):
        report(path, "no Kazakh letter in a long Kazakh text; is it in the wrong language block?")
    return True


def check_library(entries: dict[str, Entry]) -> list[str]:
    """Problems between activities: two activities with one name in a language."""
    problems: list[str] = []
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for key, entry in entries.items():
            name = getattr(entry.activity, lang).name.strip().casefold()
            if name in seen:
                problems.append(entry.problem(f"{lang}.name", f"the same name as {seen[name]}; "
                                                              "names tell activities apart in a plan"))
            seen.setdefault(name, key)
    return problems
