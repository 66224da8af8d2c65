"""The activity library: non-formal activities (texts in every language) that session plans are built from.

The built-in library is ``data/activities/*.yaml`` (one file per phase). A workspace adds to it
with ``<workspace>/activities/*.yaml`` in the same format:

- ``activities:`` — new activities, or a built-in one replaced whole (same id; every field given);
- ``changes:`` — partial overrides of an existing activity: its ``id`` and only the fields to
  change (``minutes: {max: 90}``, ``ru: {tips: [...]}``); mappings are merged field by field,
  lists and texts are replaced.

An activity's texts are one block per language (``kk:``, ``ru:`` …: the registry's codes, see
:mod:`generator.design.language_blocks`); the built-in packs' blocks are required, a pack with a
``fallback`` reads its fallback's block. Every problem of every file is reported at once, each as
``file:line: path (id): message``. The workspace loads the library once (``Workspace.activities``);
as a library::

    library = load_library(workspace_folder)
    library.select("practice", bloom="apply", content_kind="digital", minutes=40, group_size=12)
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Optional

from generator.common.yaml_io import line_of, load_yaml_located
from generator.design.hours import largest_remainder
from generator.design.language_blocks import block_of, with_languages
from generator.exceptions import ActivityDataError, StandardDataError
from generator.language import BLOOM_LEVELS

PHASES = ("opening", "energiser", "input", "practice", "reflection", "assessment", "evaluation")
CONTENT_KINDS = ("normative", "procedure", "communication", "planning", "analysis", "digital")
EVIDENCE_KINDS = ("observation", "product", "interview", "self_assessment")
PLACEMENTS = ("any", "first_session", "not_first_session", "last_session")
SESSION_POSITIONS = ("first", "middle", "last", "only")  # where a session stands in its program
WORKSPACE_FOLDER = "activities"
COLON_SYMPTOMS = "mapping values are not allowed"
COLON_HINT = " (a text holding ': ' must be quoted, \"…\", or written as a >- block)"


# -- the schema: every field optional for parsing; `activity_checks` says what is required -----
@dataclass
class Step:
    title: Optional[str] = None
    text: Optional[str] = None


@dataclass
class Texts:
    """Everything a trainer reads about an activity, in one language."""

    name: Optional[str] = None
    materials: Optional[list[str]] = None
    preparation: Optional[str] = None
    steps: Optional[list[Step]] = None
    debrief: Optional[list[str]] = None
    online: Optional[str] = None
    result: Optional[str] = None  # what it produces; the evidence collected when `evidence` kinds are given
    group_note: Optional[str] = None  # how the group works (pairs, sub-groups, observers)
    tips: Optional[list[str]] = None


@dataclass
class Range:
    min: Optional[int] = None
    default: Optional[int] = None
    max: Optional[int] = None


@dataclass
class Activity:
    """One activity. After :func:`load_library` every field but the optional texts is set; its texts are
    one field per language code (the class :func:`activity_class` makes for the registered languages)."""

    id: Optional[str] = None
    phase: Optional[str] = None
    bloom: Optional[list[str]] = None
    content_kinds: Optional[list[str]] = None
    not_for: Optional[list[str]] = None  # content kinds it must never serve, whatever else fits
    placement: Optional[str] = None  # any | first_session | not_first_session | last_session (default any)
    minutes: Optional[Range] = None
    group: Optional[Range] = None
    step_minutes: Optional[list[int]] = None  # minutes of each step at minutes.default
    evidence: Optional[list[str]] = None  # observation | product | interview | self_assessment

    def text(self, lang: str) -> Texts:
        """The texts of ``lang``, or of the language its pack falls back on."""
        texts = block_of(self, lang)
        if texts is None:
            known = ", ".join(getattr(type(self), "languages", ()))
            raise ActivityDataError(f"activities: no texts in language '{lang}' for {self.id}; languages: {known}")
        return texts

    def name(self, lang: str) -> str:
        return self.text(lang).name

    def steps_for(self, minutes: int) -> list[int]:
        """Minutes of each step when the activity is given ``minutes`` (within its range); adds up exactly."""
        if not self.minutes.min <= minutes <= self.minutes.max:
            raise ActivityDataError(f"activity {self.id}: {minutes} minutes is outside its range "
                                    f"{self.minutes.min}–{self.minutes.max}")
        return list(_step_shares(minutes, tuple(self.step_minutes))) if minutes >= len(self.step_minutes) \
            else [1] * len(self.step_minutes)

    def fits(self, *, bloom: Optional[str] = None, content_kind: Optional[str] = None,
             minutes: Optional[int] = None, group_size: Optional[int] = None, session: str = "middle") -> bool:
        """Hard constraints only: content kind, time available, group size, place in the program."""
        if content_kind is not None and (content_kind in self.not_for or content_kind not in self.content_kinds):
            return False
        if minutes is not None and self.minutes.min > minutes:
            return False
        if group_size is not None and not self.group.min <= group_size <= self.group.max:
            return False
        if self.placement == "first_session" and session not in ("first", "only"):
            return False
        if self.placement == "last_session" and session not in ("last", "only"):
            return False
        if self.placement == "not_first_session" and session in ("first", "only"):
            return False
        return True


@functools.lru_cache(maxsize=4096)
def _step_shares(minutes: int, step_minutes: tuple[int, ...]) -> tuple[int, ...]:
    """:meth:`Activity.steps_for` (every session plan asks it for each of its activities)."""
    return tuple(largest_remainder(minutes, list(step_minutes), minimum=1))


@dataclass
class ActivityFile:
    activities: list[Activity] = field(default_factory=list)
    changes: list[Activity] = field(default_factory=list)


def activity_class(packs: Mapping) -> type:
    """:class:`Activity` with one ``Texts`` block per language of ``packs`` (code → LanguagePack)."""
    return with_languages(Activity, packs, Texts)


def _file_class(packs: Mapping) -> type:
    return _activity_file(activity_class(packs))


@functools.lru_cache(maxsize=None)
def _activity_file(cls: type) -> type:
    return dataclasses.make_dataclass("ActivityFile", [
        ("activities", list[cls], field(default_factory=list)),
        ("changes", list[cls], field(default_factory=list))], bases=(ActivityFile,))


@dataclass
class Origin:
    """Where an activity's fields were written: file, line table and the entry's path in it."""

    filename: str
    lines: dict[str, int]
    prefix: str

    def path(self, field_path: str) -> str:
        return f"{self.prefix}.{field_path}" if field_path else self.prefix

    def wrote(self, field_path: str) -> bool:
        path = self.path(field_path)
        return path in self.lines or any(key.startswith((path + ".", path + "[")) for key in self.lines)

    def locate(self, field_path: str) -> str:
        """``file:line`` of ``field_path``, or of its nearest parent written here."""
        return f"{self.filename}:{line_of(self.lines, self.path(field_path))}"


@dataclass
class Entry:
    activity: Activity
    origins: list[Origin]  # last wins: a `changes:` patch over the built-in entry

    def origin(self, field_path: str) -> Origin:
        """The file that wrote ``field_path`` (a patch before the entry it changes)."""
        return next((o for o in reversed(self.origins) if o.wrote(field_path)), self.origins[-1])

    def problem(self, field_path: str, message: str) -> str:
        origin = self.origin(field_path)
        return f"{origin.locate(field_path)}: {origin.path(field_path)} ({self.activity.id}): {message}"


# -- the library ---------------------------------------------------------------------------------
@dataclass
class Library:
    activities: dict[str, Activity]
    files: list[Path]  # every file read, built-in first (inputs of a build)
    sources: dict[str, str]  # id → "built-in" or the workspace file that added, replaced or changed it
    order: dict[str, int] = field(default_factory=dict)  # id → position (built-in files, then the workspace's)

    def __len__(self) -> int:
        return len(self.activities)

    def __iter__(self):
        return iter(self.activities.values())

    def get(self, activity_id: str) -> Activity:
        if activity_id not in self.activities:
            close = difflib.get_close_matches(activity_id, list(self.activities), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see `progen activities list`"
            raise ActivityDataError(f"activities: no activity '{activity_id}'{hint}")
        return self.activities[activity_id]

    def by_phase(self, phase: str) -> list[Activity]:
        return self._phases.get(phase, [])

    @functools.cached_property
    def _phases(self) -> dict[str, list[Activity]]:
        """Activities by phase, in library order (a session plan asks for them many times)."""
        phases: dict[str, list[Activity]] = {}
        for activity in self:
            phases.setdefault(activity.phase, []).append(activity)
        return phases

    @functools.cached_property
    def _fitting(self) -> dict[tuple, list[Activity]]:
        """What :meth:`select` found for a phase and the hard constraints (every session asks again)."""
        return {}

    def select(self, phase: str, *, bloom: Optional[str] = None, content_kind: Optional[str] = None,
               minutes: Optional[int] = None, group_size: Optional[int] = None,
               exclude: Iterable[str] = (), session: str = "middle") -> list[Activity]:
        """Activities of ``phase`` that fit, best first: exact Bloom level, then the nearest level.

        ``exclude``: ids not to repeat (the previous activity or session); ``session``: the position
        of the session in its program (first | middle | last | only), for placement rules.
        """
        if phase not in PHASES:
            raise ActivityDataError(f"activities: unknown phase '{phase}'; phases: {', '.join(PHASES)}")
        if session not in SESSION_POSITIONS:
            raise ActivityDataError(f"activities: unknown session position '{session}'; "
                                    f"positions: {', '.join(SESSION_POSITIONS)}")
        excluded = set(exclude)
        key = (phase, content_kind, minutes, group_size, session)
        if key not in self._fitting:
            self._fitting[key] = [a for a in self.by_phase(phase) if a.fits(
                content_kind=content_kind, minutes=minutes, group_size=group_size, session=session)]
        fitting = [a for a in self._fitting[key] if a.id not in excluded]
        if bloom is None:
            return fitting
        wanted = BLOOM_LEVELS.index(bloom)
        return sorted(fitting, key=lambda a: min(abs(BLOOM_LEVELS.index(b) - wanted) for b in a.bloom))


def builtin_folder() -> Path:
    return Path(str(resources.files("generator.design").joinpath("data/activities")))


def activity_files(workspace: Optional[Path] = None) -> list[Path]:
    """The built-in files, then the workspace's ``activities/*.yaml`` (sorted by name)."""
    files = sorted(builtin_folder().glob("*.yaml"))
    if workspace is not None and (Path(workspace) / WORKSPACE_FOLDER).is_dir():
        files += sorted((Path(workspace) / WORKSPACE_FOLDER).glob("*.y*ml"))
    return files


def _read(path: Path, file_class: type, problems: list[str]) -> Optional[tuple[ActivityFile, dict[str, int]]]:
    try:
        return load_yaml_located(path, file_class, "activity library")
    except StandardDataError as error:
        lines = str(error).splitlines()
        lines = lines[1:] if len(lines) > 1 and "problem" in lines[0] else lines
        problems.extend(line + COLON_HINT if COLON_SYMPTOMS in line or "expected text, got a mapping" in line
                        else line for line in lines)
        return None


def _merge(base, patch):
    """A copy of ``base`` with every field ``patch`` sets; nested dataclasses merge field by field."""
    values = {}
    for f in dataclasses.fields(base):
        old, new = getattr(base, f.name), getattr(patch, f.name)
        if new is None:
            values[f.name] = old
        elif dataclasses.is_dataclass(new) and old is not None:
            values[f.name] = _merge(old, new)
        else:
            values[f.name] = new
    return type(base)(**values)


def _collect(files: list[Path], builtin_count: int, file_class: type, problems: list[str]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    defined: dict[tuple, str] = {}  # (built-in?, id) → where it was first defined
    for index, path in enumerate(files):
        loaded = _read(path, file_class, problems)
        if loaded is None:
            continue
        data, lines = loaded
        builtin = index < builtin_count
        if builtin and data.changes:
            problems.append(f"{path}: built-in files hold `activities:` only, not `changes:`")
        for number, activity in enumerate(data.activities):
            origin = Origin(str(path), lines, f"activities[{number}]")
            key = (builtin, activity.id)
            if key in defined:
                problems.append(f"{origin.locate('id')}: {origin.path('id')}: the id '{activity.id}' is used "
                                f"twice (first at {defined[key]}); ids must be unique")
                continue
            defined[key] = origin.locate("id")
            entries[activity.id] = Entry(activity, [origin])  # a workspace entry replaces a built-in one
        for number, patch in enumerate(data.changes):
            origin = Origin(str(path), lines, f"changes[{number}]")
            if patch.id not in entries:
                close = difflib.get_close_matches(str(patch.id), list(entries), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else "; use `activities:` to add a new one"
                problems.append(f"{origin.locate('id')}: changes[{number}].id: no activity "
                                f"'{patch.id}' to change{hint}")
                continue
            base = entries[patch.id]
            entries[patch.id] = Entry(_merge(base.activity, patch), base.origins + [origin])
    return entries


def load_library(workspace: Optional[Path] = None, packs: Optional[Mapping] = None) -> Library:
    """The built-in library extended by ``<workspace>/activities/*.yaml``; every problem at once.

    ``packs``: the languages (code → LanguagePack) whose blocks an activity may have; default the registry's.
    """
    from generator import languages
    from generator.design.activity_checks import check_entry, check_library

    packs = dict(packs) if packs is not None else languages.packs()
    files = activity_files(workspace)
    builtin_count = len(sorted(builtin_folder().glob("*.yaml")))
    problems: list[str] = []
    entries = _collect(files, builtin_count, _file_class(packs), problems)
    for entry in entries.values():
        problems.extend(check_entry(entry))
    if not problems:
        problems.extend(check_library(entries))
    if problems:
        count = len(problems)
        raise ActivityDataError("\n".join([f"activity library: {count} problem{'s' if count > 1 else ''} found",
                                           *problems]))
    for entry in entries.values():
        entry.activity.not_for = entry.activity.not_for or []
        entry.activity.evidence = entry.activity.evidence or []
        entry.activity.placement = entry.activity.placement or "any"
    entries = dict(sorted(entries.items(), key=lambda item: PHASES.index(item[1].activity.phase)))
    sources = {key: ("built-in" if all(o.filename.startswith(str(builtin_folder())) for o in e.origins)
                     else e.origins[-1].filename) for key, e in entries.items()}
    order = {key: index for index, key in enumerate(entries)}
    return Library({key: e.activity for key, e in entries.items()}, files, sources, order)
