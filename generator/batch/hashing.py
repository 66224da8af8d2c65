"""Content hashes of build inputs, and a fast loader for big standard data files (the card-by-card scan of
one is in :mod:`generator.batch.standard_scan`).

Freshness is decided from inputs, never from output bytes (DOCX zips carry timestamps). Each input
is reduced to a hash of its *meaning*: a standard is hashed per card (the card's subtree) plus the
few standard-level fields a program uses, so editing one card rebuilds only that card's targets.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import types
import typing
from pathlib import Path
from typing import Any, Optional, Union

from generator.standard import model as m

# Standard-level fields the curriculum design reads (``design/engine.py``); a test checks that
# changing any other standard-level field leaves every program unchanged.
STANDARD_FIELDS_USED = ("code", "title", "language", "version", "year")
BUILD_FORMAT = 1  # the layout of the build record's indexes (a change makes every standard be read again)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def canonical(value: Any) -> str:
    """Stable JSON text of plain data (sorted keys) for hashing."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def hash_value(value: Any) -> str:
    return sha256_bytes(canonical(value).encode("utf-8"))


class FileHasher:
    """Hashes of files, computed once per build (many targets share a template)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        key = os.fspath(path)
        if key not in self._cache:
            try:
                self._cache[key] = sha256_file(Path(path))
            except FileNotFoundError:
                self._cache[key] = "missing"
        return self._cache[key]

    def files(self, paths, root: Optional[Path] = None) -> str:
        """One hash for a list of files: their names (relative to root when inside it) and contents."""
        parts = []
        for path in paths:
            path = Path(path)
            name = path.name
            if root is not None:
                try:
                    name = "ws:" + path.resolve().relative_to(root).as_posix()
                except ValueError:
                    name = "pkg:" + path.name
            parts.append([name, self(path)])
        return hash_value(parts)


# -- standard data ------------------------------------------------------------------------------
def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


class _Mismatch(Exception):
    pass


_HINTS: dict[type, dict[str, Any]] = {}
_SHAPES: dict[Any, tuple] = {}  # type hint → (hint without Optional, optional, is a dataclass, origin)


def _shape(cls: Any) -> tuple:
    """What :func:`from_plain` asks of a type hint, worked out once per hint (a standard has a few hundred
    thousand values and a dozen hints)."""
    shape = _SHAPES.get(cls)
    if shape is None:
        hint, optional = _unwrap_optional(cls)
        shape = _SHAPES[cls] = (hint, optional, dataclasses.is_dataclass(hint), typing.get_origin(hint))
    return shape


def from_plain(cls: Any, data: Any) -> Any:
    """Build a dataclass tree from plain data, strictly (any doubt raises ``_Mismatch``)."""
    hint, optional, is_dataclass, origin = _shape(cls)
    if data is None:
        if optional:
            return None
        raise _Mismatch("null")
    if is_dataclass:
        if not isinstance(data, dict):
            raise _Mismatch(hint.__name__)
        hints = _HINTS.get(hint)
        if hints is None:
            hints = _HINTS[hint] = typing.get_type_hints(hint)
        unknown = data.keys() - hints.keys()
        if unknown:
            raise _Mismatch(f"unknown keys {unknown}")
        return hint(**{key: from_plain(hints[key], value) for key, value in data.items()})
    if origin is list:
        if not isinstance(data, list):
            raise _Mismatch("list")
        (item,) = typing.get_args(hint)
        return [from_plain(item, value) for value in data]
    if origin is dict:
        if not isinstance(data, dict):
            raise _Mismatch("dict")
        _key, item = typing.get_args(hint)
        return {key: from_plain(item, value) for key, value in data.items()}
    if hint is Any:
        return data
    if hint is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if type(data) is not hint:
        raise _Mismatch(f"{type(data).__name__} is not {hint}")
    return data


def _plain_chunk(text: str, path: Path) -> Any:
    """Plain data of (a part of) a standard data file, through progen's bounded YAML loader."""
    from generator.common.bounded_yaml import STANDARD_DATA_LIMITS, load_plain
    from generator.exceptions import StandardDataError

    try:
        return load_plain(text, str(path), StandardDataError, STANDARD_DATA_LIMITS)
    except StandardDataError as error:
        raise _Mismatch(str(error)) from error


def fast_load_standard(path: Path, data: Optional[bytes] = None) -> m.Standard:
    """Load a standard data file quickly (LibYAML when present), validating like ``load_standard``.

    The typed loader of ``generator.standard`` reports every problem with its line, but is slow on a
    standard of a thousand cards. This reads the same YAML with the C loader (bounded like every YAML
    progen reads) and builds the same model strictly; on any doubt it falls back to ``load_standard``
    for the exact error message.
    """
    from generator.common.bounded_yaml import STANDARD_DATA_LIMITS, read_limited
    from generator.exceptions import StandardDataError
    from generator.standard.store import load_standard, structure_problems

    path = Path(path)
    if data is None:
        data = read_limited(path, "standard data", StandardDataError, STANDARD_DATA_LIMITS.max_bytes)
    try:
        standard = from_plain(m.Standard, _plain_chunk(data.decode("utf-8-sig"), path))
    except (UnicodeDecodeError, _Mismatch, TypeError):
        return load_standard(path)
    if structure_problems(standard):
        return load_standard(path)  # raises with every problem listed
    return standard


def standard_from_json(text: str) -> m.Standard:
    return from_plain(m.Standard, json.loads(text))


def standard_to_json(standard: m.Standard) -> str:
    from generator.common.yaml_io import to_plain

    return json.dumps(to_plain(standard), ensure_ascii=False)


def card_slices(standard: m.Standard):
    """(card code, JSON of the standard reduced to that one card) for every card.

    A worker loads only the card it designs, so its memory does not grow with the standard; the
    program is the same (a test checks that design reads only the card and STANDARD_FIELDS_USED).
    """
    from generator.common.yaml_io import to_plain

    base = {f.name: to_plain(getattr(standard, f.name)) for f in dataclasses.fields(standard) if f.name != "cards"}
    for card in standard.cards:
        yield card.code, json.dumps(dict(base, cards=[to_plain(card)]), ensure_ascii=False)


def card_entry(card: m.Card, plain: Optional[dict] = None) -> dict:
    """A card's line in the index; ``plain``: the card as plain data, when the caller has it already."""
    from generator.common.yaml_io import to_plain

    return {"hash": hash_value(to_plain(card) if plain is None else plain), "level": card.level,
            "ids": [f.id for f in card.functions] + [s.id for f in card.functions for s in f.skills]}


def index_standard(standard: m.Standard) -> dict:
    """What a build needs to know of a standard without loading it: per-card hashes, levels, skill ids."""
    fields = {name: getattr(standard, name) for name in STANDARD_FIELDS_USED}
    return {"code": standard.code, "language": standard.language, "fields": hash_value(fields),
            "cards": {card.code: card_entry(card) for card in standard.cards}}


# -- phrasing overrides ---------------------------------------------------------------------------
def override_slices(path: Path) -> tuple[str, dict[str, str]]:
    """Split an overrides file (item id → outcome) into a hash of its non-id part and a hash per id.

    The first is ``"none"`` when every key is an item id (or the file is missing or empty), so
    creating the file with one override changes nothing but that item's card.

    A target then depends only on the overrides of its own card's items. A file of another shape is
    hashed whole (every target depends on all of it).
    """
    from generator.common.bounded_yaml import load_plain, read_limited
    from generator.exceptions import GeneratorError

    try:
        raw = read_limited(path, "phrasing overrides")
    except GeneratorError:
        return ("none" if not path.exists() else "unreadable"), {}  # the workspace reported it when loading
    try:
        data = load_plain(raw.decode("utf-8-sig"), str(path))
    except (GeneratorError, UnicodeDecodeError):
        return sha256_bytes(raw), {}
    if data is None:
        return "none", {}
    if not isinstance(data, dict):
        return sha256_bytes(raw), {}
    rest: dict[str, Any] = {}
    per_id: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(key, str) and "/" in key:
            per_id[key] = hash_value(value)
        elif isinstance(value, dict) and all(isinstance(k, str) and "/" in k for k in value):
            for sub_key, sub_value in value.items():  # one nesting level: a section of overrides
                per_id[sub_key] = hash_value([key, sub_value])
        else:
            rest[str(key)] = value
    return (hash_value(rest) if rest else "none"), per_id


# -- input hashes ----------------------------------------------------------------------------------
# Code that never runs in a build: importing standards and the command line itself.
NOT_IN_A_BUILD = ("ingest", "cli", "__main__.py")


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

    def __init__(self, ws, pipeline):
        from generator import __version__

        self.ws = ws
        self.workspace = ws.root
        self.pipeline = pipeline
        self.files = FileHasher()
        self.version = f"{__version__}/build{BUILD_FORMAT}/code:{code_fingerprint()}"
        self._dependencies: dict[tuple, dict[str, list[Path]]] = {}
        self._templates: dict[tuple, str] = {}
        self._design: dict[tuple, str] = {}
        self._phrasing: dict[str, tuple[str, dict]] = {}

    def _files(self, kind: str, lang: str) -> dict[str, list[Path]]:
        if (kind, lang) not in self._dependencies:
            self._dependencies[(kind, lang)] = self.pipeline.dependencies(kind, lang, self.ws)
        return self._dependencies[(kind, lang)]

    def templates(self, kind: str, lang: str) -> str:
        if (kind, lang) not in self._templates:
            self._templates[(kind, lang)] = self.files.files(self._files(kind, lang)["templates"], self.workspace)
        return self._templates[(kind, lang)]

    def design(self, kind: str, lang: str) -> str:
        if (kind, lang) not in self._design:
            self._design[(kind, lang)] = self.files.files(self._files(kind, lang)["design"], self.workspace)
        return self._design[(kind, lang)]

    def phrasing(self, kind: str, lang: str) -> tuple[str, dict]:
        """(hash of everything but per-item overrides, {card code: {item id: hash}})."""
        if lang not in self._phrasing:
            whole, by_card = [], {}
            for path in self._files(kind, lang)["phrasing"]:
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

    def inputs(self, target) -> dict:
        """The hash of each input component of a ``plan.Target``."""
        card = target.standard.index["cards"][target.card]
        phrasing, by_card = self.phrasing(target.kind, target.language)
        overrides = sorted(by_card.get(target.card, {}).items())
        return {
            "version": self.version,
            "standard": hash_value([target.standard.index["fields"], card["hash"]]),
            "spec": hash_value(target.spec),
            "templates": self.templates(target.kind, target.language),
            "design": self.design(target.kind, target.language),
            "phrasing": hash_value([phrasing, overrides]),
        }


def changed_components(old: dict, new: dict) -> list[str]:
    return [name for name in new if old.get(name) != new[name]]
