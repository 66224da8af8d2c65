"""The design data beside the rules: program texts per language, the activity library and the literature list.

Read through the :class:`~generator.workspace.Workspace` so a workspace changes them like everything else
and the build sees their files (``Workspace.files``: ``texts:<code>``, ``activities``, ``literature``):

* program texts (``feedback.yaml``, ``organisation.yaml`` of each language pack) — a workspace's file of the
  same name changes single texts under ``<code>:`` (the layered loader, like labels); a pack without the file
  reads the one of the pack it falls back on;
* the activity library — the built-in ``design/data/activities/*.yaml`` plus ``<workspace>/activities/*.yaml``
  (read when first used, once per workspace object);
* the literature list — the built-in ``design/data/literature.yaml``, or the workspace's ``literature.yaml``
  that replaces it (read when first used).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.languages import LanguageError, data_chain
from generator.workspace.layers import Layer, merge_layer, read_layer

TEXTS = Layer("program texts", text_values=True)


def text_sources(name: str, code: str, packs: dict) -> Optional[Path]:
    """The pack file ``name`` of ``code``, or of the first pack it falls back on that has one."""
    for pack in data_chain(code, packs):
        if pack.data_file(name).is_file():
            return pack.data_file(name)
    return None


def load_texts(root: Optional[Path], packs: dict, design: dict, errors: list[str], files: dict,
               builtin_yaml) -> dict[str, dict]:
    """Every language's program texts: ``{code: {"feedback": {...}, "organisation": {...}}}``."""
    from generator.design.program_texts import TEXT_FILES, check_texts

    texts: dict[str, dict] = {code: {} for code in packs}
    sources: dict[str, list[Path]] = {code: [] for code in packs}
    rating_ids = list((design.get("feedback") or {}).get("rating_ids") or [])
    for name in TEXT_FILES:
        override = root / f"{name}.yaml" if root is not None else None
        source = read_layer(override, TEXTS, errors) if override is not None else None
        for code in (source.data if source is not None else {}):
            if code not in packs:
                errors.append(f"{override}:{source.lines.get(code, '?')}: {code}: unknown language '{code}'; "
                              f"languages: {', '.join(packs)}")
        for code in packs:
            try:
                path = text_sources(name, code, packs)
            except LanguageError as error:
                errors.append(str(error))
                continue
            if path is None:
                errors.append(f"{packs[code].folder}: no {name}.yaml in the language pack, nor in a pack it falls "
                              "back on (pack.yaml: fallback)")
                continue
            data = dict(builtin_yaml(path))
            sources[code].append(path)
            if source is not None:
                sources[code].append(override)
                if source.data.get(code) is not None:
                    data = merge_layer(data, source.data[code], source, TEXTS, errors, prefix=code)
            errors.extend(check_texts(name, data, str(override if source is not None else path), code, rating_ids))
            texts[code][name] = data
    for code in packs:
        files[f"texts:{code}"] = tuple(sources[code])
    return texts


def literature_file(root: Optional[Path]) -> Path:
    from generator.design.literature import literature_path

    return literature_path(root)


def activity_files(root: Optional[Path]) -> tuple[Path, ...]:
    from generator.design.activities import activity_files as files_of

    return tuple(files_of(root))


__all__ = ["activity_files", "literature_file", "load_texts", "text_sources"]
