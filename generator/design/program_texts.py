"""Program texts that are data, one file per language pack: the feedback form and the program-evaluation
section (``feedback.yaml``), and the texts about organisation and delivery — session structure, group,
online and blended study, the explanatory note, conditions, the calendar (``organisation.yaml``).

The workspace reads them like labels (:meth:`generator.workspace.Workspace.texts`): the pack's file (or, for
a pack without one, the file of the pack it falls back on), changed by the workspace's ``feedback.yaml`` /
``organisation.yaml`` under ``<code>:``. These checks run on the result: every text non-empty, and the
feedback form asks exactly the rating questions of the design data (``design.yaml`` ``feedback:``).
"""
from __future__ import annotations

from typing import Any

TEXT_FILES = ("feedback", "organisation")


def _empty_texts(value: Any, path: str) -> list[str]:
    """Paths of missing or empty texts inside one language's block."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _empty_texts(item, f"{path}.{key}")]
    if isinstance(value, list):
        if not value:
            return [path]
        return [p for i, item in enumerate(value) for p in _empty_texts(item, f"{path}[{i}]")]
    return [] if isinstance(value, str) and value.strip() else [path]


def check_texts(name: str, data: dict, where: str, prefix: str, rating_ids: list[str]) -> list[str]:
    """Every problem of one language's ``name`` texts (``prefix``: the language code, for messages)."""
    problems = [f"{where}: {path}: a text is required here and must not be empty"
                for path in _empty_texts(data, prefix)]
    if name == "feedback":
        questions = data.get("rating_questions") or {}
        if list(questions) != list(rating_ids):
            problems.append(f"{where}: {prefix}.rating_questions: must have exactly the rating ids of the design "
                            f"data, in order: {', '.join(rating_ids)} (found {', '.join(questions) or 'none'})")
    return problems


__all__ = ["TEXT_FILES", "check_texts"]
