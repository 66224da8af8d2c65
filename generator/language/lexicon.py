"""Phrasing data: what the layered loader cannot know about lexicons, and per-item overrides.

A language's lexicon is its pack's ``lexicon.yaml`` (``generator/languages/<code>/``) and, one file per
further concern, ``lexicon_<concern>.yaml`` beside it (Kazakh: ``lexicon_verbs.yaml``, the verb stems and
light verbs) whose top-level keys are merged into it; it is changed by the
workspace's ``phrasing/<code>.yaml`` through the workspace's layered loader
(:mod:`generator.workspace.layers`: lists extended, mappings updated, scalars replaced; the mappings of
words a workspace may add freely are named in the pack's ``lexicon_open_keys``). What is special to
lexicons is :func:`after_merge`. ``phrasing/overrides.yaml`` maps item ids to hand-written outcomes,
which always win (:func:`read_overrides`).
"""
from __future__ import annotations

from pathlib import Path

from generator.common.yaml_io import load_plain_located, value_kind
from generator.exceptions import PhrasingError


def builtin_lexicon(pack) -> tuple[dict, list[Path]]:
    """A pack's lexicon: ``lexicon.yaml`` with the top-level keys of every ``lexicon_*.yaml`` beside it."""
    from generator.common.bounded_yaml import load_plain_file

    files = [pack.data_file("lexicon")] + sorted(pack.folder.glob("lexicon_*.yaml"))
    data: dict = {}
    for path in files:
        part = load_plain_file(path, "phrasing data", PhrasingError) or {}
        clash = sorted(set(part) & set(data))
        if clash:
            raise PhrasingError(f"{path}: {', '.join(clash)}: a top-level key that another lexicon file of the "
                                "language already has")
        data.update(part)
    return data, files


def after_merge(data: dict, added: dict) -> dict:
    """A verb the workspace puts on a Bloom level leaves the level the built-in data gave it."""
    bloom = dict(data.get("bloom") or {})
    for level, verbs in (added.get("bloom") or {}).items():
        if not isinstance(verbs, list):
            continue
        for other, other_verbs in bloom.items():
            if other != level and isinstance(other_verbs, list):
                bloom[other] = [verb for verb in other_verbs if verb not in verbs]
    return dict(data, bloom=bloom) if "bloom" in data else data


def read_overrides(path: Path) -> dict[str, str]:
    """Read ``phrasing/overrides.yaml``: a mapping item id → outcome text (every problem reported)."""
    data, lines, problems = load_plain_located(Path(path), "phrasing overrides", PhrasingError)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PhrasingError(f"{path}:1: the overrides should be a mapping of item id to outcome text, "
                            f"not {value_kind(data)}")
    if problems:
        raise PhrasingError("\n".join(problems))
    errors: list[str] = []
    overrides: dict[str, str] = {}
    for key, value in data.items():
        where = f"{path}:{lines.get(key, '?')}: {key}"
        if not key.strip():
            errors.append(f"{where}: the key should be an item id such as 3412-0-003/F2/S1/A3")
            continue
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{where}: the outcome should be a non-empty string, not {value_kind(value)}")
            continue
        overrides[key.strip()] = " ".join(value.split())
    if errors:
        raise PhrasingError("\n".join(errors))
    return overrides
