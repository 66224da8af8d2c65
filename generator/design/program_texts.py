"""Program texts that are data: the feedback form (``data/feedback.yaml``) and the paragraphs of
«Оқытуды ұйымдастыру / Организация обучения» about sessions (``data/organisation.yaml``).

A workspace's ``feedback.yaml`` or ``organisation.yaml`` (same format, whole file) replaces the
built-in one. Both languages must carry the same keys, every text non-empty.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Optional

from generator.exceptions import StandardDataError
from generator.common.yaml_io import safe_load_file

LANGUAGES = ("kk", "ru")
FILES = ("feedback", "organisation")


def text_path(name: str, workspace: Optional[Path] = None) -> Path:
    if workspace is not None and (Path(workspace) / f"{name}.yaml").is_file():
        return Path(workspace) / f"{name}.yaml"
    return Path(str(resources.files("generator.design").joinpath(f"data/{name}.yaml")))


def _empty_texts(value: Any, path: str) -> list[str]:
    """Paths of missing or empty texts inside one language's block."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _empty_texts(item, f"{path}.{key}")]
    if isinstance(value, list):
        if not value:
            return [path]
        return [p for i, item in enumerate(value) for p in _empty_texts(item, f"{path}[{i}]")]
    return [] if isinstance(value, str) and value.strip() else [path]


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return "list" if isinstance(value, list) else "text"


def check_texts(name: str, data: Any, where: str) -> list[str]:
    """Every problem of a feedback/organisation file: languages, equal keys, non-empty texts."""
    if not isinstance(data, dict):
        return [f"{where}: the top level must be a mapping with kk: and ru:"]
    problems = [f"{where}: {lang}: the {lang} texts are missing" for lang in LANGUAGES if lang not in data]
    if problems:
        return problems
    problems += [f"{where}: {p}: a text is required here and must not be empty"
                 for lang in LANGUAGES for p in _empty_texts(data[lang], lang)]
    clash = [key for key in data if key not in LANGUAGES and any(key in data[lang] for lang in LANGUAGES)]
    if clash:
        problems.append(f"{where}: {', '.join(clash)}: a shared key must not repeat a key of kk: / ru:")
    if _shape(data["kk"]) != _shape(data["ru"]):
        problems.append(f"{where}: kk and ru must have the same keys (one language has a key the other lacks)")
    if name == "feedback":
        for lang in LANGUAGES:
            questions = data[lang].get("rating_questions") or {}
            missing = [key for key in data.get("rating_ids", []) if key not in questions]
            if missing or set(questions) - set(data.get("rating_ids", [])):
                problems.append(f"{where}: {lang}.rating_questions must have exactly the rating_ids "
                                f"{', '.join(data.get('rating_ids', []))}")
    return problems


def load_texts(name: str, lang: str, workspace: Optional[Path] = None) -> dict:
    """The ``lang`` block of ``feedback`` or ``organisation`` plus its shared keys (scale, group_size…)."""
    if name not in FILES:
        raise ValueError(f"unknown program text file {name!r}")
    path = text_path(name, workspace)
    data = safe_load_file(path, name, StandardDataError)
    problems = check_texts(name, data, str(path))
    if problems:
        raise StandardDataError("\n".join([f"{path}: {len(problems)} problem(s) found", *problems]))
    shared = {key: value for key, value in data.items() if key not in LANGUAGES}
    return {**shared, **data[lang]}
