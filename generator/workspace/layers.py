"""The layered loader: a built-in data file, changed by the workspace's file of the same kind.

Every data file a workspace may change goes through :func:`apply_layer`, so the rules are the same for all
of them: the workspace's file may only use keys the built-in file has (mappings listed as open take any
key), each value has the shape of the value it replaces, and every problem of every file is collected
with ``file:line: key.path`` before anything is raised. How values merge is the one thing a data kind
chooses (:class:`Layer`): lists replaced (design rules) or extended (phrasing word lists).
"""
from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.common.yaml_io import load_plain_located, value_kind as _kind


@dataclass(frozen=True)
class Layer:
    """How one kind of data file is checked and merged."""

    what: str  # for messages: "design rules", "labels", "phrasing data"
    extend_lists: bool = False  # a workspace list adds its new entries to the built-in one
    open_keys: frozenset = frozenset()  # dotted key paths of mappings whose keys are free
    text_values: bool = False  # a number given where a text is expected is taken as text (labels)


def _same_shape(value: Any, model: Any, text_values: bool) -> bool:
    if model is None:
        return True
    if isinstance(model, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(model, bool)
    if isinstance(model, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(model, str):
        return isinstance(value, str) or (text_values and isinstance(value, (int, float)))
    if isinstance(model, list):
        if not isinstance(value, list):
            return False
        kinds = {_kind(item) for item in model}
        return len(kinds) != 1 or all(_kind(item) in kinds or (text_values and kinds == {"text"}
                                                               and isinstance(item, (int, float)))
                                      for item in value)
    if isinstance(model, dict):
        return isinstance(value, dict)
    return True


def _as_text(value: Any, text_values: bool) -> Any:
    if text_values and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if text_values and isinstance(value, list):
        return [_as_text(item, text_values) for item in value]
    return value


class _Merge:
    def __init__(self, layer: Layer, path: Path, lines: dict[str, int], errors: list[str]):
        self.layer, self.path, self.lines, self.errors = layer, path, lines, errors

    def problem(self, key_path: str, message: str) -> None:
        line = self.lines.get(key_path)
        self.errors.append(f"{self.path}:{line if line else '?'}: {key_path}: {message}")

    def mapping(self, base: dict, extra: dict, prefix: str) -> dict:
        result = dict(base)
        free = prefix in self.layer.open_keys
        for key, value in extra.items():
            key_path = f"{prefix}.{key}" if prefix else key
            if key not in base and not free:
                close = difflib.get_close_matches(key, [str(k) for k in base], n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(map(str, base))}"
                self.problem(key_path, f"unknown key '{key}' ({hint})")
                continue
            model = base.get(key)
            if model is None and free and base:  # a new word in an open mapping: shaped like the others
                model = next(iter(base.values()))
            if not _same_shape(value, model, self.layer.text_values):
                self.problem(key_path, f"expected {_kind(model)} like the built-in value, got {_kind(value)}")
                continue
            result[key] = self.value(base.get(key), value, key_path)
        return result

    def value(self, old: Any, new: Any, key_path: str) -> Any:
        if isinstance(old, dict) and isinstance(new, dict):
            return self.mapping(old, new, key_path)
        new = _as_text(new, self.layer.text_values)
        if isinstance(old, list) and isinstance(new, list) and self.layer.extend_lists:
            return old + [item for item in new if item not in old]
        return copy.deepcopy(new)


@dataclass
class LayerFile:
    """A workspace data file as read: its data and the line of every key path."""

    path: Path
    data: dict
    lines: dict


def read_layer(path: Path, layer: Layer, errors: list[str]) -> "LayerFile | None":
    """A workspace file, or ``None`` when it is missing, empty or broken (then the problem is in ``errors``)."""
    from generator.exceptions import GeneratorError

    path = Path(path)
    if not path.exists():
        return None
    try:
        data, lines, problems = load_plain_located(path, layer.what)
    except GeneratorError as error:
        errors.append(str(error))
        return None
    errors.extend(problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        errors.append(f"{path}:1: the top level must be a mapping (key: value), like the built-in {layer.what}")
        return None
    return LayerFile(path, data, lines)


def merge_layer(base: dict, extra: Any, source: LayerFile, layer: Layer, errors: list[str], prefix: str = "") -> dict:
    """``base`` changed by ``extra`` (the part of ``source`` at key path ``prefix``); problems go to ``errors``."""
    merge = _Merge(layer, source.path, source.lines, errors)
    if not isinstance(extra, dict):
        merge.problem(prefix, f"expected a mapping like the built-in {layer.what}, got {_kind(extra)}")
        return base
    return merge.mapping(base, extra, prefix)


def apply_layer(base: dict, path: Path, layer: Layer, errors: list[str]) -> dict:
    """``base`` changed by the workspace file ``path`` (a missing file changes nothing)."""
    source = read_layer(path, layer, errors)
    return base if source is None else merge_layer(base, source.data, source, layer, errors)
