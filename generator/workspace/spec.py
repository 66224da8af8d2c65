"""Program spec: what to build. YAML with defaults, validated like standard data.

Precedence (lowest first): built-in defaults < manifest defaults (programs.yaml) < the spec file
< command-line options. ``None`` means "not given" at every level.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from generator.exceptions import SpecError, StandardDataError
from generator.common.yaml_io import load_yaml


@dataclass
class PersonSpec:
    """A developer or reviewer named on the program's title pages."""

    name: str
    position: Optional[str] = None


AUTO = "auto"  # hours: auto — the total is computed from the content and the card's level


@dataclass
class ProviderSpec:
    name: Optional[str] = None
    city: Optional[str] = None
    approver_name: Optional[str] = None
    approver_title: Optional[str] = None
    developers: Optional[list[PersonSpec]] = None  # absent: lines to fill in by hand
    reviewers: Optional[list[PersonSpec]] = None


@dataclass
class ProgramSpec:
    standard: Optional[str] = None  # path to standard data YAML (relative to the spec file)
    card: Optional[str] = None
    skills: Optional[list[str]] = None  # skill or function ids (full or card-relative: "F2", "F2/S1")
    hours: Optional[Union[int, str]] = None  # academic hours, or "auto"
    minutes_per_hour: Optional[int] = None
    format: Optional[str] = None
    audience: Optional[str] = None
    group_size: Optional[str] = None
    provider: ProviderSpec = field(default_factory=ProviderSpec)
    language: Optional[str] = None
    kinds: Optional[list[str]] = None
    year: Optional[int] = None
    title: Optional[str] = None
    min_module_hours: Optional[int] = None
    start_date: Optional[Any] = None  # the first day of study, 2026-09-14 (the calendar schedule's dates)
    sessions_per_day: Optional[int] = None
    days_per_week: Optional[int] = None


def merge_specs(*specs: ProgramSpec) -> ProgramSpec:
    """Later specs win field by field; None never overrides a value."""
    result = ProgramSpec()
    for spec in specs:
        for f in dataclasses.fields(ProgramSpec):
            value = getattr(spec, f.name)
            if f.name == "provider":
                merged = dataclasses.replace(result.provider)
                for pf in dataclasses.fields(ProviderSpec):
                    if getattr(value, pf.name) is not None:
                        setattr(merged, pf.name, getattr(value, pf.name))
                result.provider = merged
            elif value is not None:
                setattr(result, f.name, value)
    return result


def load_spec(path: Path) -> ProgramSpec:
    """Load a spec file; a relative ``standard`` path is resolved against the spec's folder."""
    try:
        spec = load_yaml(Path(path), ProgramSpec, what="program spec")
    except StandardDataError as error:
        raise SpecError(str(error)) from error
    if spec.standard and not Path(spec.standard).is_absolute():
        spec.standard = str((Path(path).parent / spec.standard).resolve())
    return spec


def check_basic(spec: ProgramSpec, languages: dict, kinds: Optional[dict] = None, where: str = "spec",
                limits: Optional[dict] = None) -> None:
    """Checks that need no standard: hours and other numbers within ``limits`` (the design rules'
    ``limits``; the built-in ones when not given), kinds, language and format words.

    ``languages`` maps codes to language packs (their format words); ``kinds`` the document kinds a spec
    may name (without it, kinds are not checked here).
    """
    problems = _number_problems(spec, limits if limits is not None else _builtin_limits(), where)
    valid_kinds = ", ".join(kinds or ())
    if isinstance(spec.hours, str) and spec.hours != AUTO:
        problems.append(f"{where}: hours: must be a positive number of academic hours or '{AUTO}', "
                        f"got '{spec.hours}'")
    for kind in spec.kinds or []:
        if kinds is not None and kind not in kinds:
            problems.append(f"{where}: kinds: unknown document kind '{kind}'; valid kinds: {valid_kinds}")
    if spec.kinds is not None and not spec.kinds:
        problems.append(f"{where}: kinds: the list is empty; valid kinds: {valid_kinds}")
    if spec.skills is not None and not spec.skills:
        problems.append(f"{where}: skills: the selection is empty; leave it out to take every skill of the card")
    if spec.sessions_per_day is not None and not 1 <= spec.sessions_per_day <= 6:
        problems.append(f"{where}: sessions_per_day: expected 1–6 sessions, got {spec.sessions_per_day}")
    if spec.days_per_week is not None and not 1 <= spec.days_per_week <= 7:
        problems.append(f"{where}: days_per_week: expected 1–7 days, got {spec.days_per_week}")
    if spec.start_date is not None:
        from generator.design.delivery import start_date

        try:
            start_date(spec.start_date)
        except SpecError as error:
            problems.append(f"{where}: {error}")
    if spec.language is not None and spec.language not in languages:
        problems.append(f"{where}: language: '{spec.language}' is not one of {', '.join(languages)}")
    formats = languages[spec.language].formats if spec.language in languages else None
    if spec.format is not None and formats and spec.format not in formats:
        problems.append(f"{where}: format: '{spec.format}' is not one of {', '.join(formats)}")
    if problems:
        raise SpecError("\n".join(problems))


_UNITS = {"hours": "academic hours", "min_module_hours": "academic hours", "minutes_per_hour": "minutes",
          "year": "", "group_size": "participants"}


def _number_problems(spec: ProgramSpec, limits: dict, where: str) -> list[str]:
    """Numbers outside the design rules' ``limits`` (hours, minutes, year, the numbers of group_size)."""
    import re

    from generator.standard.text import has_words

    problems = []
    for key in ("hours", "min_module_hours", "minutes_per_hour", "year"):
        value = getattr(spec, key)
        if isinstance(value, str):  # hours: auto (a word other than auto is reported by check_basic)
            continue
        if value is not None and value <= 0 and key in ("hours", "min_module_hours"):
            problems.append(f"{where}: {key}: must be a positive number of academic hours, got {value}")
        elif value is not None and key in limits and not limits[key][0] <= value <= limits[key][1]:
            low, high = limits[key]
            problems.append(f"{where}: {key}: {value} is outside {low}–{high} {_UNITS[key]}".rstrip()
                            + " (design rules' limits)")
    if spec.group_size is not None:
        numbers = [int(n) for n in re.findall(r"\d+", spec.group_size)]
        low, high = limits.get("group_size", (1, 10 ** 9))
        if not has_words(spec.group_size):
            problems.append(f"{where}: group_size: '{spec.group_size}' is empty; give the number of participants, "
                            f"e.g. \"12–20\"")
        elif any(not low <= n <= high for n in numbers):
            problems.append(f"{where}: group_size: '{spec.group_size}' is outside {low}–{high} participants "
                            f"(design rules' limits)")
    return problems


def _builtin_limits() -> dict:
    from generator.workspace import Workspace

    return Workspace.builtin().design.get("limits", {})
