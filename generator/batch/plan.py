"""From a workspace to the list of targets, each with the hashes of its inputs.

A target is one document: (standard file, card, kind) with its merged spec. Its inputs, hashed
component by component so a report can say *why* it is rebuilt:

* ``version``   — the generator version and the build format;
* ``standard``  — the card's own subtree and the standard-level fields a program uses;
* ``spec``      — the merged program spec (defaults < target), with the year resolved;
* ``templates`` — every template file the kind's rendering reads (workspace overrides included);
* ``design``    — the design rule tables (built-in and the workspace's ``design.yaml``);
* ``phrasing``  — the phrasing lexicons of the language, and the overrides of this card's items only.
"""
from __future__ import annotations

import fnmatch
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.batch.hashing import BUILD_FORMAT, sha256_file
from generator.batch.standard_scan import scan_standard
from generator.workspace import STANDARD_DIR
from generator.workspace.manifest import Manifest, TargetEntry, defaults_spec, entry_spec, hours_for_level
from generator.workspace.spec import ProgramSpec, check_basic, merge_specs
from generator.exceptions import BuildError, SpecError
from generator.standard.store import safe_code
from generator.common.yaml_io import to_plain

log = logging.getLogger(__name__)

CACHE_DIR = ".progen-build-cache"


@dataclass
class StandardInfo:
    rel: str  # path relative to the workspace
    path: Path
    sha: str
    index: dict  # see hashing.index_standard
    cache_dir: Optional[Path] = None  # one JSON per card, for the workers (see hashing.card_slices)
    slices: Optional[dict] = None  # card code → its slice (zlib JSON), when the file was parsed in this build

    @property
    def code(self) -> str:
        return self.index["code"]

    @property
    def language(self) -> str:
        return self.index["language"]

    def card_cache(self, card: str) -> Optional[Path]:
        return self.cache_dir / f"{safe_code(card)}.json" if self.cache_dir is not None else None


@dataclass
class Target:
    key: str  # output path relative to the workspace (posix): the target's name in the record
    path: Path
    card: str
    kind: str
    language: str
    standard: StandardInfo
    spec: dict
    entry: Optional[int]  # index in programs.yaml targets (None: defaults)
    inputs: dict = field(default_factory=dict)

    @property
    def group(self) -> tuple:
        """Targets that share a program (same standard, card and spec) are designed once."""
        return (self.standard.rel, self.card, self.inputs.get("spec"))


def inside(root: Path, relative: str, where: str, name: str = "the workspace") -> Path:
    """``root / relative``, refusing absolute paths and ``..`` that escape ``root``."""
    candidate = (root / relative).resolve()
    try:
        candidate.relative_to(root)
    except ValueError:
        raise SpecError(f"{where}: '{relative}' is outside {name} {root}; use a path inside it") from None
    return candidate


def rel(workspace: Path, path: Path) -> str:
    return Path(path).resolve().relative_to(workspace).as_posix()


# -- standards ------------------------------------------------------------------------------------
def discover_standards(ws, manifest: Manifest, record, out_dir: Path, jobs: int = 1) -> dict:
    """Index every ``standard_data/*.yaml`` and every standard a target names by path.

    An unchanged file (same bytes as recorded) is not parsed: its index comes from the record.
    Nothing is written here (see :func:`write_caches`), so a bad manifest leaves no trace. A new big
    file is scanned on ``jobs`` processes (:mod:`generator.batch.standard_scan`).
    """
    workspace = ws.root
    paths = ws.standard_files()
    for index, entry in enumerate(manifest.targets or []):
        if entry.standard and _looks_like_path(entry.standard):
            path = inside(workspace, entry.standard, manifest.where(f"targets[{index}].standard"))
            if not path.is_file():
                raise SpecError(f"{manifest.where(f'targets[{index}].standard')}: no standard data file "
                                f"'{entry.standard}' in the workspace")
            if path not in paths:
                paths.append(path)
    from generator.common.bounded_yaml import STANDARD_DATA_LIMITS, check_file
    from generator.exceptions import StandardDataError

    infos: dict[str, StandardInfo] = {}
    for path in paths:
        key = rel(workspace, path)
        check_file(path, "standard data", StandardDataError, STANDARD_DATA_LIMITS.max_bytes)  # not a pipe, not huge
        sha = sha256_file(path)
        known = record.standards.get(key)
        info = StandardInfo(key, path, sha, {}, out_dir / CACHE_DIR / sha)
        if known and known.get("sha") == sha and known.get("index", {}).get("format") == BUILD_FORMAT:
            info.index = known["index"]
        else:
            index, info.slices = scan_standard(path, jobs)
            info.index = dict(index, format=BUILD_FORMAT)
        infos[key] = info
    return infos


def write_caches(record, infos: dict) -> None:
    """Remember the indexes in the record, and leave workers one small file per card of a new standard."""
    import os
    import zlib

    record.standards = {key: {"sha": info.sha, "index": info.index} for key, info in infos.items()}
    for info in infos.values():
        if info.slices is not None:
            info.cache_dir.mkdir(parents=True, exist_ok=True)
            for code, packed in info.slices.items():
                target = info.card_cache(code)
                temp = target.with_name(target.name + ".progen-tmp")
                temp.write_bytes(zlib.decompress(packed))  # a cache: a torn file only makes a worker read the YAML
                os.replace(temp, target)
            info.slices = None
            _release_memory()
        elif not info.cache_dir.is_dir():
            info.cache_dir = None  # workers read the YAML themselves


def _release_memory() -> None:
    """Give the memory of a big parsed standard back before worker processes are forked."""
    import gc

    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass


def prune_cache(out_dir: Path, infos: dict) -> None:
    import shutil

    folder = out_dir / CACHE_DIR
    if not folder.is_dir():
        return
    keep = {info.sha for info in infos.values()}
    for path in folder.iterdir():
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def _looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or value.endswith((".yaml", ".yml"))


# -- targets ---------------------------------------------------------------------------------------
def _hours(spec: ProgramSpec, level: Optional[str], hours_by_level: dict) -> Optional[int]:
    if spec.hours is not None or spec.skills is not None:
        return spec.hours
    return hours_for_level(hours_by_level, level)


def _check_skills(skills: Optional[list[str]], card: str, ids: list[str]) -> Optional[str]:
    for raw in skills or []:
        wanted = raw.strip()
        full = wanted if wanted.startswith(card + "/") else f"{card}/{wanted}"
        if full not in ids:
            return f"unknown skill or function '{raw}' for card {card}; valid ids: {', '.join(ids)}"
    return None


def _entries(ws, standards: dict, problems: list[str]) -> list[tuple]:
    """(index in programs.yaml or None, target entry, standard) for every card a target names."""
    workspace, manifest = ws.root, ws.manifest
    defaults = manifest.defaults
    if manifest.targets is None:  # every card of every standard × every kind
        return [(None, TargetEntry(card=code, standard=info.rel), info)
                for info in standards.values() if defaults.languages is None or info.language in defaults.languages
                for code in info.index["cards"]]
    expanded = []
    for index, entry in enumerate(manifest.targets):
        languages = entry.languages or defaults.languages
        candidates = [info for info in standards.values() if languages is None or info.language in languages]
        if entry.standard:
            if _looks_like_path(entry.standard):
                wanted = (workspace / entry.standard).resolve()
                candidates = [info for info in candidates if info.path.resolve() == wanted]
            else:
                candidates = [info for info in candidates if safe_code(info.code) == safe_code(entry.standard)]
                if not candidates:
                    codes = sorted({info.code for info in standards.values()})
                    problems.append(f"{manifest.where(f'targets[{index}].standard')}: no standard "
                                    f"'{entry.standard}' in {STANDARD_DIR}/; standards: {', '.join(codes) or 'none'}")
                    continue
        with_card = [info for info in candidates if entry.card in info.index["cards"]]
        if not with_card:
            valid = sorted({code for info in candidates for code in info.index["cards"]})
            problems.append(f"{manifest.where(f'targets[{index}].card')}: unknown card '{entry.card}'; "
                            f"valid cards: {', '.join(valid) or 'none (no standard data)'}")
            continue
        expanded.extend((index, entry, info) for info in with_card)
    return expanded


def _spec_of(ws, index, entry, info, year: int, problems: list[str]) -> Optional[dict]:
    """The merged spec of one target entry for one standard, checked; None (and a problem) when it is wrong."""
    manifest, defaults = ws.manifest, ws.manifest.defaults
    card_index = info.index["cards"][entry.card]
    where = manifest.where(f"targets[{index}]") if index is not None else f"{info.rel}: card {entry.card}"
    spec = merge_specs(defaults_spec(defaults), entry_spec(entry))
    spec.language = info.language
    spec.year = spec.year or year
    spec.hours = _hours(spec, card_index.get("level"), defaults.hours_by_level)
    problem = _check_skills(spec.skills, entry.card, card_index["ids"])
    if problem:
        problems.append(f"{manifest.where(f'targets[{index}].skills')}: {problem}")
        return None
    try:
        # now with the language: the format words are checked too
        check_basic(spec, ws.languages, where=where, limits=ws.design.get("limits", {}))
    except SpecError as error:
        problems.extend(str(error).splitlines())
        return None
    spec_dict = to_plain(spec)
    spec_dict.pop("standard", None)
    spec_dict.pop("kinds", None)
    return spec_dict


def _variant(card: str, spec: dict, ids: list[str], ws) -> str:
    """A selection of skills gets its own file name, as ``progen render`` gives it (``F2_16h``); a full card
    keeps the plain name whatever its hours (programs.yaml says what the card's program is)."""
    from generator.render import program_variant

    if not spec.get("skills"):
        return ""
    hours = spec.get("hours")
    if hours is None:  # the design rules' default: so many hours per selected skill
        wanted = {s.strip() if s.strip().startswith(card + "/") else f"{card}/{s.strip()}" for s in spec["skills"]}
        skills = {i for i in ids if "/S" in i and any(i == w or i.startswith(w + "/") for w in wanted)}
        hours = ws.design["hours"]["default_total_per_skill"] * len(skills)
    return program_variant(card, spec["skills"], hours)


def _clashes(targets: list[Target], manifest) -> list[str]:
    """Two targets that write one file (the manifest must give one of them another folder)."""
    problems, seen = [], {}
    for target in targets:
        other = seen.get(target.key)
        if other is not None:
            first = (f"targets[{other.entry}] (line {manifest.lines.get(f'targets[{other.entry}]', '?')})"
                     if other.entry is not None else f"card {other.card} of {other.standard.rel}")
            where = (manifest.where(f"targets[{target.entry}]") if target.entry is not None
                     else f"{target.standard.rel}: card {target.card}")
            problems.append(f"{where}: writes {target.key}, which {first} also writes; give one of them "
                            f"another 'folder'")
        seen[target.key] = target
    return problems


def expand(ws, standards: dict, out_dir: Path, pipeline, year: int) -> list[Target]:
    """Every target of the manifest; every problem (unknown card, kind, clash) reported at once."""
    workspace, manifest = ws.root, ws.manifest
    problems: list[str] = []
    targets: list[Target] = []
    for index, entry, info in _entries(ws, standards, problems):
        spec = _spec_of(ws, index, entry, info, year, problems)
        if spec is None:
            continue
        where = manifest.where(f"targets[{index}]") if index is not None else f"{info.rel}: card {entry.card}"
        variant = _variant(entry.card, spec, info.index["cards"][entry.card]["ids"], ws)
        folder = out_dir
        if entry.folder:
            folder = inside(out_dir, entry.folder, manifest.where(f"targets[{index}].folder"), "the output folder")
        for kind in entry.kinds or manifest.defaults.kinds or list(ws.default_kinds()):
            if kind not in ws.kinds:
                problems.append(f"{where}: unknown document kind '{kind}'; valid kinds: {', '.join(ws.kinds)}")
                continue
            path = (folder / pipeline.output_name(entry.card, kind, info.language, ws, variant=variant)).resolve()
            try:
                key = path.relative_to(workspace).as_posix()
            except ValueError:
                problems.append(f"{where}: output '{path}' is outside the workspace {workspace}")
                continue
            targets.append(Target(key, path, entry.card, kind, info.language, info, spec, index))
    problems += _clashes(targets, manifest)
    if problems:
        raise SpecError("\n".join(dict.fromkeys(problems)))
    return targets


def select(targets: list[Target], selectors: Optional[list[str]]) -> list[Target]:
    """Targets named on the command line: card code, card/kind, kind, output path or file name, or a glob."""
    if not selectors:
        return targets
    chosen: dict[str, Target] = {}
    for selector in selectors:
        wanted = selector.strip().replace("\\", "/")
        matches = [t for t in targets if _matches(t, wanted)]
        if not matches:
            cards = sorted({t.card for t in targets})
            raise BuildError(f"no target matches '{selector}'; give a card code ({', '.join(cards[:10])}"
                             f"{', …' if len(cards) > 10 else ''}), CARD/KIND, a kind, or an output path")
        for target in matches:
            chosen[target.key] = target
    return [t for t in targets if t.key in chosen]


def _matches(target: Target, wanted: str) -> bool:
    names = (target.card, f"{target.card}/{target.kind}", f"{target.card}:{target.kind}", target.kind,
             target.key, target.path.name, target.standard.code, safe_code(target.standard.code))
    if wanted in names:
        return True
    return any(ch in wanted for ch in "*?[") and (fnmatch.fnmatchcase(target.key, wanted)
                                                   or fnmatch.fnmatchcase(target.card, wanted))


__all__ = ["Target", "StandardInfo", "discover_standards", "expand", "select", "inside", "prune_cache", "write_caches"]
