"""Program spec: what to build. YAML with defaults, validated like standard data.

Precedence (lowest first): built-in defaults < manifest defaults (programs.yaml) < the spec file
< command-line options. ``None`` means "not given" at every level.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from generator.exceptions import SpecError, StandardDataError
from generator.common.yaml_io import load_yaml



AUTO = "auto"  # hours: auto — the total is computed from the content and the card's level


@dataclass
class ProviderSpec:
    name: Optional[str] = None
    city: Optional[str] = None
    approver_name: Optional[str] = None
    approver_title: Optional[str] = None


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


def check_basic(spec: ProgramSpec, languages: dict, kinds: Optional[dict] = None, where: str = "spec") -> None:
    """Checks that need no standard: hours, kinds, language and format words.

    ``languages`` maps codes to language packs (their format words); ``kinds`` the document kinds a spec
    may name (without it, kinds are not checked here).
    """
    problems = []
    valid_kinds = ", ".join(kinds or ())
    if isinstance(spec.hours, str) and spec.hours != AUTO:
        problems.append(f"{where}: hours: must be a positive number of academic hours or '{AUTO}', "
                        f"got '{spec.hours}'")
    elif isinstance(spec.hours, int) and spec.hours <= 0:
        problems.append(f"{where}: hours: must be a positive number of academic hours or '{AUTO}', got {spec.hours}")
    if spec.minutes_per_hour is not None and not 30 <= spec.minutes_per_hour <= 60:
        problems.append(f"{where}: minutes_per_hour: expected 30–60 minutes, got {spec.minutes_per_hour}")
    for kind in spec.kinds or []:
        if kinds is not None and kind not in kinds:
            problems.append(f"{where}: kinds: unknown document kind '{kind}'; valid kinds: {valid_kinds}")
    if spec.kinds is not None and not spec.kinds:
        problems.append(f"{where}: kinds: the list is empty; valid kinds: {valid_kinds}")
    if spec.skills is not None and not spec.skills:
        problems.append(f"{where}: skills: the selection is empty; leave it out to take every skill of the card")
    if spec.language is not None and spec.language not in languages:
        problems.append(f"{where}: language: '{spec.language}' is not one of {', '.join(languages)}")
    formats = languages[spec.language].formats if spec.language in languages else None
    if spec.format is not None and formats and spec.format not in formats:
        problems.append(f"{where}: format: '{spec.format}' is not one of {', '.join(formats)}")
    if problems:
        raise SpecError("\n".join(problems))
