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
        kinds: [program]           # and any program spec key: skills, hours (a number or auto), title, …
        folder: short              # subfolder of output (to build the same card twice)

Precedence (lowest first): built-in defaults < ``defaults`` < the target's own keys.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import yaml

from generator.common.yaml_io import parse_yaml, read_text_file
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
    path: Optional[Path] = None  # the file it came from (None: no programs.yaml, all defaults)
    lines: dict[str, int] = field(default_factory=dict)  # "targets[1].card" → line number

    def where(self, key: str) -> str:
        """``programs.yaml:12: targets[1].card`` for messages."""
        name = str(self.path) if self.path else MANIFEST_NAME
        line = self.lines.get(key) or self.lines.get(key.rsplit(".", 1)[0])
        return f"{name}:{line}: {key}" if line else f"{name}: {key}"


def _line_map(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = f"{path}.{key_node.value}" if path else str(key_node.value)
                _line_map(value_node, child, lines)
                lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _line_map(child, f"{path}[{index}]", lines)


def load_manifest(workspace: Path, languages: dict, kinds: dict) -> Manifest:
    """Read ``<workspace>/programs.yaml``; a workspace without one builds everything with defaults.

    ``languages`` (code → pack) and ``kinds`` (name → document kind) are what its values may name.
    """
    path = Path(workspace) / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    text = read_text_file(path, "manifest", SpecError)
    try:
        manifest = parse_yaml(text, Manifest, str(path)) if text.strip() else Manifest()
    except GeneratorError as error:
        raise SpecError(str(error)) from error
    manifest.path = path
    lines: dict[str, int] = {}
    node = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    if node is not None:
        _line_map(node, "", lines)
    manifest.lines = lines
    _check(manifest, languages, kinds)
    return manifest


def _check(manifest: Manifest, languages: dict, kinds_known: dict) -> None:
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
        if hours is None or hours <= 0:
            problems.append(f"{manifest.where(f'defaults.hours_by_level.{level}')}: must be a positive number "
                            f"of academic hours, got {hours}")
    for index, entry in enumerate(manifest.targets or []):
        check_kinds(entry.kinds, f"targets[{index}].kinds")
        check_languages(entry.languages, f"targets[{index}].languages")
        spec = merge_specs(defaults_spec(defaults), entry_spec(entry))
        spec.kinds = None  # checked above with lines
        try:
            check_basic(spec, languages, where=manifest.where(f"targets[{index}]"))
        except SpecError as error:
            problems.extend(str(error).splitlines())
    if problems:
        raise SpecError("\n".join(problems))


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
