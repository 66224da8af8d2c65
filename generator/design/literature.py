"""The curated methodological literature (``data/literature.yaml``): which entries a program lists.

A workspace's ``literature.yaml`` (same format) replaces the built-in list, so a centre keeps its
own reviewed list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from generator.design.activities import CONTENT_KINDS
from generator.exceptions import StandardDataError
from generator.common.yaml_io import load_yaml_located

KINDS = ("law", "book", "manual")


@dataclass
class LiteratureEntry:
    id: str
    fits: list[str]  # [all] or content kinds
    kind: str
    kk: str
    ru: str
    verify: str

    def citation(self, lang: str) -> str:
        return getattr(self, lang)

    def fits_program(self, content_kinds: Iterable[str]) -> bool:
        return self.fits == ["all"] or bool(set(self.fits) & set(content_kinds))


@dataclass
class LiteratureFile:
    entries: list[LiteratureEntry]


def literature_path(workspace: Optional[Path] = None) -> Path:
    if workspace is not None and (Path(workspace) / "literature.yaml").is_file():
        return Path(workspace) / "literature.yaml"
    return Path(str(resources.files("generator.design").joinpath("data/literature.yaml")))


def load_literature(workspace: Optional[Path] = None) -> list[LiteratureEntry]:
    """Every entry, validated: known `fits` and `kind`, both citations and `verify` non-empty."""
    path = literature_path(workspace)
    data, lines = load_yaml_located(path, LiteratureFile, "literature")
    problems = []
    for number, entry in enumerate(data.entries):
        where = f"{path}:{lines.get(f'entries[{number}]', '?')}: entries[{number}] ({entry.id})"
        if entry.fits != ["all"] and (not entry.fits or any(kind not in CONTENT_KINDS for kind in entry.fits)):
            problems.append(f"{where}.fits: use [all] or content kinds from {', '.join(CONTENT_KINDS)}")
        if entry.kind not in KINDS:
            problems.append(f"{where}.kind: unknown kind '{entry.kind}'; use one of {', '.join(KINDS)}")
        for name in ("kk", "ru", "verify"):
            if not getattr(entry, name).strip():
                problems.append(f"{where}.{name}: must not be empty")
    if problems:
        raise StandardDataError("\n".join([f"{path}: {len(problems)} problem(s) found", *problems]))
    return data.entries


def _act_number(citation: str) -> Optional[str]:
    found = re.search(r"№\s*([\w-]+)", citation)
    return found.group(1) if found else None


def literature_for(lang: str, content_kinds: Iterable[str], workspace: Optional[Path] = None,
                   already_cited: Iterable[str] = ()) -> list[str]:
    """Citations for a program whose outcomes have ``content_kinds``: laws first, then the rest in file order.

    A law whose number (№ 319-III) occurs in ``already_cited`` (the standard's acts) is left out.
    """
    cited = " ".join(already_cited)
    chosen = [e for e in load_literature(workspace) if e.fits_program(content_kinds)
              and not (e.kind == "law" and _act_number(e.citation(lang)) and _act_number(e.citation(lang)) in cited)]
    chosen.sort(key=lambda e: e.kind != "law")
    return [e.citation(lang) for e in chosen]
