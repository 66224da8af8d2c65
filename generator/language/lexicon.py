"""Loading phrasing data: the built-in lexicons, workspace extensions and per-item overrides.

The built-in data of a language is ``generator/language/data/<lang>.yaml`` plus one file per further
concern, ``data/<lang>_<concern>.yaml`` (``kk_verbs.yaml``: verb stems and light verbs), whose top-level
keys are merged into it.

Precedence, lowest first: the built-in data < the workspace's
``phrasing/<lang>.yaml`` (lists extended, mappings updated, scalars replaced) < the workspace's
``phrasing/overrides.yaml`` (one hand-written outcome per item id, which always wins).

Only ``yaml.safe_load`` is used.  Every problem is reported as a :class:`PhrasingError` naming the
file and the key path.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from generator.exceptions import PhrasingError
from generator.standard.yaml_io import safe_load_file

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("kk", "ru")

# Mappings whose keys are words chosen by the user (any key allowed); every other mapping only
# accepts the keys of the built-in file.
OPEN_MAPPINGS = {
    "kk": {
        "verbs.hidden_vowel_stems",
        "verbs.converb_exceptions",
        "accusative.exceptions",
        "accusative.letter_names",
        "accusative.latin_letter_names",
        "accusative.epenthetic_endings",
        "policy.knowledge.final_verbs",
        "policy.knowledge.final_phrases",
        "policy.ability.soft_skill_phrases",
        "policy.ability.negative_antonyms",
        "light_verb_nouns",
    },
    "ru": {
        "nouns_to_verbs",
        "abbreviations",
        "knowledge.heads",
        "knowledge.verbs",
        "ability.prefixes",
        "ability.genitive_heads",
        "phrase_nouns",
        "government",
    },
}


def _read_yaml(path: Path) -> Any:
    return safe_load_file(path, "phrasing", PhrasingError)


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__


def _check_like(value: Any, model: Any, path: Path, key: str, errors: list[str]) -> None:
    """Check that *value* has the shape of the built-in *model* value (strings all the way down)."""
    if isinstance(model, dict):
        if not isinstance(value, dict):
            errors.append(f"'{path}': {key} should be a mapping, not {_type_name(value)}")
        return
    if isinstance(model, list):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            errors.append(f"'{path}': {key} should be a list of strings")
        return
    if isinstance(model, str) and not isinstance(value, str):
        errors.append(f"'{path}': {key} should be a string, not {_type_name(value)}")


def _validate_extension(data: Any, base: dict, lang: str, path: Path) -> None:
    if not isinstance(data, dict):
        raise PhrasingError(
            f"Top-level element of phrasing file '{path}' should be a mapping, not {_type_name(data)}"
        )
    errors: list[str] = []
    open_paths = OPEN_MAPPINGS[lang]

    def walk(node: dict, model: dict, prefix: str) -> None:
        for key, value in node.items():
            dotted = f"{prefix}.{key}" if prefix else str(key)
            if not isinstance(key, str):
                errors.append(f"'{path}': key {dotted!r} should be a string")
                continue
            if prefix in open_paths:
                if isinstance(value, dict):
                    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                        errors.append(f"'{path}': {dotted} should map strings to strings")
                elif not isinstance(value, str):
                    errors.append(f"'{path}': {dotted} should be a string, not {_type_name(value)}")
                continue
            if key not in model:
                errors.append(f"'{path}': unknown key {dotted}")
                continue
            _check_like(value, model[key], path, dotted, errors)
            if isinstance(value, dict) and isinstance(model[key], dict):
                walk(value, model[key], dotted)

    walk(data, base, "")
    if errors:
        raise PhrasingError("Invalid phrasing data:\n  " + "\n  ".join(errors))


def merge(base: dict, extra: dict) -> dict:
    """Return *base* updated by *extra*: lists extended, mappings merged, scalars replaced."""
    result = copy.deepcopy(base)
    for key, value in extra.items():
        old = result.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            result[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            result[key] = old + [item for item in value if item not in old]
        else:
            result[key] = copy.deepcopy(value)
    return result


def _move_bloom_verbs(data: dict, added: dict) -> None:
    """A verb the workspace puts on a Bloom level leaves the level the built-in data gave it."""
    for level, verbs in added.items():
        if not isinstance(verbs, list):
            continue
        for other, other_verbs in data["bloom"].items():
            if other != level and isinstance(other_verbs, list):
                data["bloom"][other] = [verb for verb in other_verbs if verb not in verbs]


def load_lexicon(lang: str, workspace: Path | None = None) -> tuple[dict, list[Path]]:
    """Load the lexicon of *lang*, extended by the workspace; return it and every file read."""
    if lang not in LANGUAGES:
        raise PhrasingError(f"Unknown phrasing language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    builtin = DATA_DIR / f"{lang}.yaml"
    data = _read_yaml(builtin)
    files = [builtin]
    for extra in sorted(DATA_DIR.glob(f"{lang}_*.yaml")):
        part = _read_yaml(extra)
        if not isinstance(part, dict) or set(part) & set(data):  # pragma: no cover - the package's own data
            raise PhrasingError(f"Built-in phrasing file '{extra}' should be a mapping with keys of its own")
        data.update(part)
        files.append(extra)
    if workspace is not None:
        extension = Path(workspace) / "phrasing" / f"{lang}.yaml"
        if extension.is_file():
            extra = _read_yaml(extension)
            if extra is None:
                extra = {}
            _validate_extension(extra, data, lang, extension)
            data = merge(data, extra)
            _move_bloom_verbs(data, extra.get("bloom") or {})
            files.append(extension)
    return data, files


def load_overrides(workspace: Path | None) -> tuple[dict[str, str], list[Path]]:
    """Read ``phrasing/overrides.yaml`` of the workspace: a mapping item id → outcome text."""
    if workspace is None:
        return {}, []
    path = Path(workspace) / "phrasing" / "overrides.yaml"
    if not path.is_file():
        return {}, []
    data = _read_yaml(path)
    if data is None:
        return {}, [path]
    if not isinstance(data, dict):
        raise PhrasingError(
            f"Top-level element of overrides file '{path}' should be a mapping of item id to outcome text, "
            f"not {_type_name(data)}"
        )
    errors = []
    overrides: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip():
            errors.append(f"'{path}': key {key!r} should be an item id such as 3412-0-003/F2/S1/A3")
            continue
        if not isinstance(value, str) or not value.strip():
            errors.append(f"'{path}': {key}: the outcome should be a non-empty string, not {_type_name(value)}")
            continue
        overrides[key.strip()] = " ".join(value.split())
    if errors:
        raise PhrasingError("Invalid overrides:\n  " + "\n  ".join(errors))
    return overrides, [path]
