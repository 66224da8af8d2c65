"""Per-language headings and labels (``data/labels.yaml``), with a workspace override.

A workspace may hold ``templates/labels.yaml`` with only the keys it changes, e.g.::

    kk:
      approve: «КЕЛІСІЛДІ»

Unknown keys are an error (a typo would otherwise be silently ignored).
"""
from __future__ import annotations

import copy
import functools
from importlib import resources
from pathlib import Path
from typing import Optional

import yaml

from generator.exceptions import TemplateProblem
from generator.common.yaml_io import safe_load_file

LANGUAGES = ("kk", "ru")


def builtin_labels_path() -> Path:
    return Path(str(resources.files("generator.render").joinpath("data/labels.yaml")))


@functools.lru_cache(maxsize=1)
def _builtin() -> dict:
    return yaml.safe_load(builtin_labels_path().read_text("utf-8"))


def workspace_labels_path(workspace: Optional[Path]) -> Optional[Path]:
    if workspace is None:
        return None
    path = Path(workspace) / "templates" / "labels.yaml"
    return path if path.is_file() else None


def _update(base: dict, extra: dict, where: str) -> None:
    for key, value in extra.items():
        if key not in base:
            raise TemplateProblem(f"{where}: unknown label '{key}'; valid labels: {', '.join(sorted(base))}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise TemplateProblem(f"{where}: label '{key}' must be a mapping like the built-in one")
            _update(base[key], value, f"{where}.{key}")
        else:
            base[key] = str(value)


@functools.lru_cache(maxsize=32)
def _load(lang: str, override: Optional[str], stamp: float) -> dict:
    data = copy.deepcopy(_builtin())
    if lang not in data:
        raise TemplateProblem(f"labels: no labels for language '{lang}'; available: {', '.join(data)}")
    labels = data[lang]
    if override:
        path = Path(override)
        extra = safe_load_file(path, "labels", TemplateProblem) or {}
        if not isinstance(extra, dict):
            raise TemplateProblem(f"{path}: the top level must be a mapping of languages (kk, ru)")
        for key in extra:
            if key not in data:
                raise TemplateProblem(f"{path}: unknown language '{key}'; expected {', '.join(data)}")
        if extra.get(lang) is not None and not isinstance(extra[lang], dict):
            raise TemplateProblem(f"{path}: {lang}: expected a mapping of labels to texts, like the built-in one")
        if extra.get(lang):
            _update(labels, extra[lang], f"{path}: {lang}")
    return labels


def load_labels(lang: str, workspace: Optional[Path] = None) -> dict:
    """The labels of ``lang``: built-in, updated from the workspace's ``templates/labels.yaml``."""
    path = workspace_labels_path(workspace)
    stamp = path.stat().st_mtime_ns if path else 0
    return copy.deepcopy(_load(lang, str(path) if path else None, stamp))


def label_files(workspace: Optional[Path] = None) -> list[Path]:
    """Every label file a render reads (for build hashing)."""
    files = [builtin_labels_path()]
    path = workspace_labels_path(workspace)
    if path:
        files.append(path)
    return files
