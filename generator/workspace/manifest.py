"""The workspace manifest ``programs.yaml``: defaults and targets, validated with file:line:path.

Shape (every key optional)::

    output: output                 # where documents go (inside the workspace)
    defaults:                      # apply to every target
      provider: {name: …, city: …, approver_name: …, approver_title: …}
      hours_by_level: {"5": 72, "6": 72}   # total hours of a full-card program by СБШ level
      kinds: [program, outline, assessment]
      languages: [kk]              # which standard data languages to build (default: all)
      format: …, audience: …, group_size: …, minutes_per_hour: …, year: …, min_module_hours: …
    targets:                       # without it: every card of every standard × every kind
      - card: 3412-0-003
        standard: M84120           # a code or a file under the workspace (default: any with the card)
        kinds: [program]           # and any program spec key: skills, hours (a number or auto), title, provider, …
        folder: short              # subfolder of output (to build the same card twice with other settings)

Precedence (lowest first): built-in defaults < ``defaults`` < the target's own keys.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from generator.common.yaml_io import MAX_REPORTED, parse_yaml_located, read_text_file
from generator.workspace.spec import ProgramSpec, ProviderSpec, check_basic, merge_specs
from generator.exceptions import GeneratorError, SpecError

MANIFEST_NAME = "programs.yaml"


@dataclass
class Defaults:
    provider: ProviderSpec = field(default_factory=ProviderSpec)
    hours_by_level: dict[str, int] = field(default_factory=dict)
    kinds: Optional[list[str]] = None
    languages: Optional[list[str]] = None
    format: Optional[str] = None
    audience: Optional[str] = None
    group_size: Optional[str] = None
    minutes_per_hour: Optional[int] = None
    year: Optional[int] = None
    min_module_hours: Optional[int] = None


@dataclass
class TargetEntry:
    card: str
    standard: Optional[str] = None
    kinds: Optional[list[str]] = None
    languages: Optional[list[str]] = None
    folder: Optional[str] = None
    skills: Optional[list[str]] = None
    hours: Optional[Union[int, str]] = None  # academic hours, or "auto"
    minutes_per_hour: Optional[int] = None
    format: Optional[str] = None
    audience: Optional[str] = None
    group_size: Optional[str] = None
    provider: ProviderSpec = field(default_factory=ProviderSpec)
    year: Optional[int] = None
    title: Optional[str] = None
    min_module_hours: Optional[int] = None


@dataclass
class Manifest:
    output: str = "output"
    defaults: Defaults = field(default_factory=Defaults)
    targets: Optional[list[TargetEntry]] = None
    # not keys of the file (init=False: the typed loader offers only the keys above)
    path: Optional[Path] = field(default=None, init=False)  # the file it came from (None: no programs.yaml)
    lines: dict[str, int] = field(default_factory=dict, init=False)  # "targets[1].card" → line number

    def where(self, key: str) -> str:
        """``programs.yaml:12: targets[1].card`` for messages."""
        name = str(self.path) if self.path else MANIFEST_NAME
        line = self.lines.get(key) or self.lines.get(key.rsplit(".", 1)[0])
        return f"{name}:{line}: {key}" if line else f"{name}: {key}"


def load_manifest(workspace: Path, languages: dict, kinds: dict, limits: Optional[dict] = None) -> Manifest:
    """Read ``<workspace>/programs.yaml``; a workspace without one builds everything with defaults.

    ``languages`` (code → pack) and ``kinds`` (name → document kind) are what its values may name;
    ``limits`` (the design rules' ``limits``) bound its numbers.
    """
    path = Path(workspace) / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    text = read_text_file(path, "manifest", SpecError)
    try:
        manifest, lines = parse_yaml_located(text, Manifest, str(path)) if text.strip() else (Manifest(), {})
    except GeneratorError as error:
        raise SpecError(str(error)) from error
    manifest.path = path
    manifest.lines = lines
    _check(manifest, languages, kinds, limits)
    return manifest


def _check(manifest: Manifest, languages: dict, kinds_known: dict, limits: Optional[dict]) -> None:
    """Checks that need no standard: kinds, languages, hours, spec words; every problem at once."""
    problems: list[str] = []
    valid_kinds = ", ".join(kinds_known)

    def check_kinds(kinds, key):
        if kinds is None:
            return
        if not kinds:
            problems.append(f"{manifest.where(key)}: the list is empty; valid kinds: {valid_kinds}")
        for index, kind in enumerate(kinds):
            if kind not in kinds_known:
                problems.append(f"{manifest.where(f'{key}[{index}]')}: unknown document kind '{kind}'; "
                                f"valid kinds: {valid_kinds}")

    def check_languages(wanted, key):
        for index, language in enumerate(wanted or []):
            if language not in languages:
                problems.append(f"{manifest.where(f'{key}[{index}]')}: unknown language '{language}'; "
                                f"valid: {', '.join(languages)}")

    defaults = manifest.defaults
    check_kinds(defaults.kinds, "defaults.kinds")
    check_languages(defaults.languages, "defaults.languages")
    for level, hours in defaults.hours_by_level.items():
        try:
            check_basic(ProgramSpec(hours=hours), languages, where=manifest.where(f"defaults.hours_by_level.{level}"),
                        limits=limits)
        except SpecError as error:
            problems.extend(line.replace(": hours: ", ": ", 1) for line in str(error).splitlines())
    try:
        check_basic(defaults_spec(defaults), languages, where=manifest.where("defaults"), limits=limits)
    except SpecError as error:
        problems.extend(str(error).splitlines())
    for index, entry in enumerate(manifest.targets or []):
        check_kinds(entry.kinds, f"targets[{index}].kinds")
        check_languages(entry.languages, f"targets[{index}].languages")
        spec = merge_specs(defaults_spec(defaults), entry_spec(entry))
        spec.kinds = None  # checked above with lines
        try:
            check_basic(spec, languages, where=manifest.where(f"targets[{index}]"), limits=limits)
        except SpecError as error:
            problems.extend(str(error).splitlines())
    if len(problems) > MAX_REPORTED:  # 500 targets of `hours: x` are not listed line by line
        problems = problems[:MAX_REPORTED] + [f"… and {len(problems) - MAX_REPORTED} more problems"]
    if problems:
        raise SpecError("\n".join(problems))


def hours_for_level(hours_by_level: dict, level: Optional[str]) -> Optional[int]:
    """The total hours ``hours_by_level`` gives a full-card program of a card at ``level`` ("6", "6.2" …),
    or its ``default``; None when it says nothing (the design rules' default applies)."""
    import re

    if not hours_by_level:
        return None
    digits = re.match(r"\d+", level) if level else None
    for key in (level, digits.group(0) if digits else None, "default"):
        if key is not None and key in hours_by_level:
            return hours_by_level[key]
    return None


def defaults_spec(defaults: Defaults) -> ProgramSpec:
    return ProgramSpec(
        provider=dataclasses.replace(defaults.provider), format=defaults.format, audience=defaults.audience,
        group_size=defaults.group_size, minutes_per_hour=defaults.minutes_per_hour, year=defaults.year,
        min_module_hours=defaults.min_module_hours)


def entry_spec(entry: TargetEntry) -> ProgramSpec:
    return ProgramSpec(
        card=entry.card, skills=entry.skills, hours=entry.hours, minutes_per_hour=entry.minutes_per_hour,
        format=entry.format, audience=entry.audience, group_size=entry.group_size,
        provider=dataclasses.replace(entry.provider), year=entry.year, title=entry.title,
        min_module_hours=entry.min_module_hours)
