"""The curated methodological literature (``data/literature.yaml``): which entries a program lists.

A workspace's ``literature.yaml`` (same format) replaces the built-in list, so a centre keeps its
own reviewed list. Each entry's citation is one text per language (``kk:``, ``ru:`` …, the registry's
codes; required for the built-in languages, a pack with a ``fallback`` prints its fallback's). The
workspace reads the list once (``Workspace.literature``).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Optional

from generator.common.yaml_io import load_yaml_located
from generator.design.activities import CONTENT_KINDS
from generator.design.language_blocks import block_of, with_languages
from generator.exceptions import StandardDataError

KINDS = ("law", "book", "manual")


@dataclass
class LiteratureEntry:
    """One entry; its citations are one field per language code (see :func:`load_literature`)."""

    id: str
    fits: list[str]  # [all] or content kinds
    kind: str
    verify: str

    def citation(self, lang: str) -> str:
        return block_of(self, lang) or ""

    def fits_program(self, content_kinds: Iterable[str]) -> bool:
        return self.fits == ["all"] or bool(set(self.fits) & set(content_kinds))


@dataclass
class LiteratureFile:
    entries: list[LiteratureEntry]


@functools.lru_cache(maxsize=None)
def _file_class(entry: type) -> type:
    return dataclasses.make_dataclass("LiteratureFile", [("entries", list[entry])], bases=(LiteratureFile,))


def literature_path(workspace: Optional[Path] = None) -> Path:
    if workspace is not None and (Path(workspace) / "literature.yaml").is_file():
        return Path(workspace) / "literature.yaml"
    return Path(str(resources.files("generator.design").joinpath("data/literature.yaml")))


def load_literature(workspace: Optional[Path] = None, packs: Optional[Mapping] = None) -> list[LiteratureEntry]:
    """Every entry, validated: known `fits` and `kind`, the required citations and `verify` non-empty.

    ``packs``: the languages (code → LanguagePack) an entry may cite in; default the registry's.
    """
    from generator import languages

    packs = dict(packs) if packs is not None else languages.packs()
    path = literature_path(workspace)
    entry_class = with_languages(LiteratureEntry, packs, str)
    data, lines = load_yaml_located(path, _file_class(entry_class), "literature")
    problems = []
    for number, entry in enumerate(data.entries):
        where = f"{path}:{lines.get(f'entries[{number}]', '?')}: entries[{number}] ({entry.id})"
        if entry.fits != ["all"] and (not entry.fits or any(kind not in CONTENT_KINDS for kind in entry.fits)):
            problems.append(f"{where}.fits: use [all] or content kinds from {', '.join(CONTENT_KINDS)}")
        if entry.kind not in KINDS:
            problems.append(f"{where}.kind: unknown kind '{entry.kind}'; use one of {', '.join(KINDS)}")
        for name in (*entry_class.required, "verify"):
            if not (getattr(entry, name) or "").strip():
                problems.append(f"{where}.{name}: must not be empty")
    if problems:
        raise StandardDataError("\n".join([f"{path}: {len(problems)} problem(s) found", *problems]))
    return data.entries


def _act_number(citation: str) -> Optional[str]:
    found = re.search(r"№\s*([\w-]+)", citation)
    return found.group(1) if found else None


def literature_for(lang: str, content_kinds: Iterable[str], workspace: Optional[Path] = None,
                   already_cited: Iterable[str] = (), entries: Optional[list[LiteratureEntry]] = None) -> list[str]:
    """Citations for a program whose outcomes have ``content_kinds``: laws first, then the rest in file order.

    A law whose number (№ 319-III) occurs in ``already_cited`` (the standard's acts) is left out.
    ``entries``: the list already loaded (``Workspace.literature``), else it is read from ``workspace``.
    """
    cited = " ".join(already_cited)
    entries = entries if entries is not None else load_literature(workspace)
    chosen = [e for e in entries if e.fits_program(content_kinds)
              and not (e.kind == "law" and _act_number(e.citation(lang)) and _act_number(e.citation(lang)) in cited)]
    chosen.sort(key=lambda e: e.kind != "law")
    return [e.citation(lang) for e in chosen]
