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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.batch.hashing import (
    FileHasher, hash_value, override_slices, scan_standard, sha256_file,
)
from generator.batch.manifest import Manifest, defaults_spec, entry_spec
from generator.design.spec import ProgramSpec, check_basic, merge_specs
from generator.exceptions import BuildError, SpecError
from generator.standard.store import safe_code
from generator.common.yaml_io import to_plain

log = logging.getLogger(__name__)

BUILD_FORMAT = 1
STANDARD_DIR = "standard_data"
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
def discover_standards(workspace: Path, manifest: Manifest, record, out_dir: Path) -> dict:
    """Index every ``standard_data/*.yaml`` and every standard a target names by path.

    An unchanged file (same bytes as recorded) is not parsed: its index comes from the record.
    Nothing is written here (see :func:`write_caches`), so a bad manifest leaves no trace.
    """
    paths = sorted((workspace / STANDARD_DIR).glob("*.yaml")) + sorted((workspace / STANDARD_DIR).glob("*.yml"))
    for index, entry in enumerate(manifest.targets or []):
        if entry.standard and _looks_like_path(entry.standard):
            path = inside(workspace, entry.standard, manifest.where(f"targets[{index}].standard"))
            if not path.is_file():
                raise SpecError(f"{manifest.where(f'targets[{index}].standard')}: no standard data file "
                                f"'{entry.standard}' in the workspace")
            if path not in paths:
                paths.append(path)
    infos: dict[str, StandardInfo] = {}
    for path in paths:
        key = rel(workspace, path)
        sha = sha256_file(path)
        known = record.standards.get(key)
        info = StandardInfo(key, path, sha, {}, out_dir / CACHE_DIR / sha)
        if known and known.get("sha") == sha and known.get("index", {}).get("format") == BUILD_FORMAT:
            info.index = known["index"]
        else:
            index, info.slices = scan_standard(path)
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
    if spec.hours is not None or spec.skills is not None or not hours_by_level:
        return spec.hours
    if level is None:
        return hours_by_level.get("default")
    digits = re.match(r"\d+", level)
    for key in (level, digits.group(0) if digits else None, "default"):
        if key is not None and key in hours_by_level:
            return hours_by_level[key]
    return None


def _check_skills(skills: Optional[list[str]], card: str, ids: list[str]) -> Optional[str]:
    for raw in skills or []:
        wanted = raw.strip()
        full = wanted if wanted.startswith(card + "/") else f"{card}/{wanted}"
        if full not in ids:
            return f"unknown skill or function '{raw}' for card {card}; valid ids: {', '.join(ids)}"
    return None


def expand(workspace: Path, manifest: Manifest, standards: dict, out_dir: Path, pipeline, year: int) -> list[Target]:
    """Every target of the manifest; every problem (unknown card, kind, clash) reported at once."""
    kinds_default = pipeline.kinds()
    kinds_known = tuple(getattr(pipeline, "valid_kinds", pipeline.kinds)())
    defaults = manifest.defaults
    problems: list[str] = []
    targets: list[Target] = []
    entries = manifest.targets
    if entries is None:  # every card of every standard × every kind
        languages = defaults.languages
        from generator.batch.manifest import TargetEntry

        entries_expanded = [
            (None, TargetEntry(card=code, standard=info.rel), info)
            for info in standards.values() if languages is None or info.language in languages
            for code in info.index["cards"]
        ]
    else:
        entries_expanded = []
        for index, entry in enumerate(entries):
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
            entries_expanded.extend((index, entry, info) for info in with_card)
    base = defaults_spec(defaults)
    for index, entry, info in entries_expanded:
        card_index = info.index["cards"][entry.card]
        where = manifest.where(f"targets[{index}]") if index is not None else f"{info.rel}: card {entry.card}"
        spec = merge_specs(base, entry_spec(entry))
        spec.language = info.language
        spec.year = spec.year or year
        spec.hours = _hours(spec, card_index.get("level"), defaults.hours_by_level)
        problem = _check_skills(spec.skills, entry.card, card_index["ids"])
        if problem:
            problems.append(f"{manifest.where(f'targets[{index}].skills')}: {problem}")
            continue
        try:
            check_basic(spec, where=where)  # now with the language: the format words are checked too
        except SpecError as error:
            problems.extend(str(error).splitlines())
            continue
        spec_dict = to_plain(spec)
        spec_dict.pop("standard", None)
        spec_dict.pop("kinds", None)
        kinds = entry.kinds or defaults.kinds or list(kinds_default)
        folder = out_dir
        if entry.folder:
            folder = inside(out_dir, entry.folder, manifest.where(f"targets[{index}].folder"), "the output folder")
        for kind in kinds:
            if kind not in kinds_known:
                problems.append(f"{where}: unknown document kind '{kind}'; valid kinds: {', '.join(kinds_known)}")
                continue
            name = pipeline.output_name(entry.card, kind, info.language)
            path = (folder / name).resolve()
            try:
                key = path.relative_to(workspace).as_posix()
            except ValueError:
                problems.append(f"{where}: output '{path}' is outside the workspace {workspace}")
                continue
            targets.append(Target(key, path, entry.card, kind, info.language, info, spec_dict, index))
    seen: dict[str, Target] = {}
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


# -- input hashes ----------------------------------------------------------------------------------
# Code that never runs in a build: importing standards and the command line itself.
NOT_IN_A_BUILD = ("ingest", "cli.py", "__main__.py")


def pipeline_files(root: Path) -> list[Path]:
    """Every module of the package a build may run: all of it but what ``NOT_IN_A_BUILD`` names."""
    return sorted(path for path in root.rglob("*.py")
                  if path.relative_to(root).parts[0] not in NOT_IN_A_BUILD)


def code_fingerprint() -> str:
    """A hash of the generator's own code that a build runs, so that a development checkout (code
    changed, version not bumped) rebuilds too. An installed release changes it with its version."""
    import generator

    root = Path(generator.__file__).parent
    hasher = FileHasher()
    return hash_value([[path.relative_to(root).as_posix(), hasher(path)] for path in pipeline_files(root)])[:16]


class InputHasher:
    """Computes each target's input hashes; shared files are hashed once per build."""

    def __init__(self, workspace: Path, pipeline):
        from generator import __version__

        self.workspace = workspace
        self.pipeline = pipeline
        self.files = FileHasher()
        self.version = f"{__version__}/build{BUILD_FORMAT}/code:{code_fingerprint()}"
        self._templates: dict[tuple, str] = {}
        self._phrasing: dict[str, tuple[str, dict]] = {}
        self._design: Optional[str] = None

    def templates(self, kind: str, lang: str) -> str:
        if (kind, lang) not in self._templates:
            files = self.pipeline.template_files(kind, lang, self.workspace)
            self._templates[(kind, lang)] = self.files.files(files, self.workspace)
        return self._templates[(kind, lang)]

    def design(self) -> str:
        if self._design is None:
            self._design = self.files.files(self.pipeline.design_files(self.workspace), self.workspace)
        return self._design

    def phrasing(self, lang: str) -> tuple[str, dict]:
        """(hash of everything but per-item overrides, {card code: {item id: hash}})."""
        if lang not in self._phrasing:
            whole, by_card = [], {}
            for path in self.pipeline.phrasing_files(lang, self.workspace):
                path = Path(path)
                if path.name == "overrides.yaml" and path.parent.name == "phrasing":
                    rest, per_id = override_slices(path)
                    if rest != "none":
                        whole.append(["overrides", rest])
                    for item_id, digest in per_id.items():
                        item_id = item_id.strip()
                        by_card.setdefault(item_id.split("/", 1)[0], {})[item_id] = digest
                else:
                    whole.append([self.files.files([path], self.workspace)])
            self._phrasing[lang] = (hash_value(whole), by_card)
        return self._phrasing[lang]

    def environment(self) -> str:
        """Everything workspace-wide a worker may have cached."""
        return hash_value([sorted(self._templates.items()), self._design,
                           sorted((k, v[0], sorted(v[1].items())) for k, v in self._phrasing.items())])

    def inputs(self, target: Target) -> dict:
        card = target.standard.index["cards"][target.card]
        phrasing, by_card = self.phrasing(target.language)
        overrides = sorted(by_card.get(target.card, {}).items())
        return {
            "version": self.version,
            "standard": hash_value([target.standard.index["fields"], card["hash"]]),
            "spec": hash_value(target.spec),
            "templates": self.templates(target.kind, target.language),
            "design": self.design(),
            "phrasing": hash_value([phrasing, overrides]),
        }


def changed_components(old: dict, new: dict) -> list[str]:
    return [name for name in new if old.get(name) != new[name]]


__all__ = ["Target", "StandardInfo", "discover_standards", "expand", "select", "InputHasher", "inside",
           "changed_components", "prune_cache", "write_caches"]
